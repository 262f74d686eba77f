"""Matching the office's words to a vocabulary: numbering, remarks, abbreviations, case and
diacritics never matter; a tie is reported, never guessed; qualifiers ("FDI") keep a sub-term
apart from its total."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kcn_reports.ledgerdef import ABBREVIATIONS, SHEETS, VOCABULARY_TERMS
from kcn_reports.terms import Term, Vocabulary, strip_numbering, without_remarks, words
from kcn_reports.textnorm import strip_accents

VOCABULARIES = {where: Vocabulary(terms, ABBREVIATIONS) for where, terms in VOCABULARY_TERMS.items()}
HEADERS = {sheet.key: sheet.header_vocabulary for sheet in SHEETS}

PREFIXES = ["", "1. ", "2) ", "a) ", "- ", "• ", "* ", "I.1 ", "(3) ", "IV. ", "– "]
SUFFIXES = ["", " (ghi rõ)", " (nếu có)", " [*]", ":", "  "]


def _standalone(term: Term, spelling: str) -> bool:
    """A spelling that names its term on its own: a qualified term's spellings only do so
    with one of its qualifiers."""
    if not term.qualifiers:
        return True
    typed = set(words(spelling, ABBREVIATIONS))
    return any(set(words(q, ABBREVIATIONS)) <= typed for q in term.qualifiers)


SPELLINGS = [(where, term.key, spelling)
             for where, terms in VOCABULARY_TERMS.items() for term in terms
             for spelling in term.spellings
             if _standalone(term, spelling)]
HEADER_SPELLINGS = [(sheet.key, col.key, spelling) for sheet in SHEETS for col in sheet.columns
                    for spelling in col.headers if _standalone(col.term, spelling)]


def decorate(text: str, prefix: str, suffix: str, case: str, accents: bool) -> str:
    text = {"upper": text.upper(), "lower": text.lower(), "same": text}[case]
    if not accents:
        text = strip_accents(text)
    return prefix + text.replace(" ", "  ") + suffix


decorations = st.tuples(st.sampled_from(PREFIXES), st.sampled_from(SUFFIXES),
                        st.sampled_from(["upper", "lower", "same"]), st.booleans())


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(SPELLINGS), decorations)
def test_every_spelling_of_every_term_matches_however_typed(spelling, decoration):
    where, key, text = spelling
    typed = decorate(text, *decoration)
    assert VOCABULARIES[where].match(typed).key == key, typed


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(HEADER_SPELLINGS), decorations)
def test_every_header_spelling_matches_its_column_however_typed(spelling, decoration):
    sheet, key, text = spelling
    typed = decorate(text, *decoration)
    assert HEADERS[sheet].match(typed).key == key, typed


@pytest.mark.parametrize(("where", "typed", "key"), [
    # The office's own wordings, none of them a declared spelling.
    (("targets", "target"), "Kết nạp đảng viên mới", "admissions"),
    (("targets", "target"), "Số lớp bồi dưỡng nhận thức về Đảng", "training_classes_max"),
    (("targets", "target"), "Số lớp bồi dưỡng nhận thức về Đảng (tối đa: 3 lớp)", "training_classes_max"),
    (("targets", "target"), "Số lớp bồi dưỡng tối thiểu", "training_classes_min"),
    (("targets", "target"), "Số chi bộ thành lập mới trong DN FDI", "new_cells_fdi"),
    (("targets", "target"), "Trong đó: kết nạp trong DN FDI (%)", "admissions_fdi_share"),
    (("targets", "target"), "Thành lập CĐCS mới", "new_unions"),
    (("movements", "type"), "Kết nạp mới", "admitted"),
    (("movements", "type"), "Chuyển sinh hoạt đảng đến", "transferred_in"),
    (("movements", "type"), "Chuyển đi (đến Đảng bộ huyện)", "transferred_out"),
    (("movements", "type"), "Xoá tên", "removed"),
    (("activities", "type"), "Tuyên truyền, vận động chuyển sinh hoạt đảng", "mobilise_transfer"),
    (("activities", "type"), "Lớp BD nhận thức về Đảng", "training"),
    (("cells", "type"), "Chi bộ các doanh nghiệp", "joint"),
    (("cells", "type"), "Chi bộ DN", "enterprise"),
])
def test_the_offices_own_words(where, typed, key):
    assert VOCABULARIES[where].match(typed).key == key


@pytest.mark.parametrize(("where", "typed", "tied"), [
    (("movements", "type"), "Chuyển đến, chuyển đi", {"transferred_in", "transferred_out"}),
    (("activities", "type"), "Văn hóa, tiếp cận doanh nghiệp", set()),  # 2 words vs 4: not a tie
])
def test_a_tie_is_reported_not_guessed(where, typed, tied):
    found = VOCABULARIES[where].match(typed)
    if tied:
        assert found.key is None and set(found.tied) == tied
    else:
        assert found.key == "outreach"


@pytest.mark.parametrize(("where", "typed"), [
    (("targets", "target"), "Kết nạp ĐV trong DN FDI"),  # no such FDI target: not "admissions"
    (("targets", "target"), "Kết nạp đoàn viên"),  # youth union, not the Party
    (("targets", "target"), "Xây dựng tổ chức đảng trong sạch vững mạnh"),
    (("movements", "type"), "Thăng chức"),
    (("movements", "type"), ""),
    (("cells", "type"), "1."),
])
def test_what_names_no_term_matches_nothing(where, typed):
    assert VOCABULARIES[where].match(typed).key is None


def test_columns_whose_words_overlap_go_to_the_longer_spelling():
    cells, enterprises = HEADERS["cells"], HEADERS["enterprises"]
    assert cells.match("Ngày thành lập chi bộ").key == "founded_on"
    assert cells.match("Loại chi bộ (cơ quan/doanh nghiệp/ghép)").key == "type"
    assert enterprises.match("Ngày ngừng hoạt động").key == "stopped_on"
    assert enterprises.match("Loại hình doanh nghiệp").key == "ownership"
    assert enterprises.match("Mã số thuế doanh nghiệp").key == "tax_code"
    assert HEADERS["activities"].match("Trong đó: số người từ DN FDI").key == "people_fdi"
    assert HEADERS["activities"].match("Số người tham gia").key == "people"


def test_numbering_and_remarks_are_taken_off():
    assert strip_numbering("2. a) Kết nạp") == "Kết nạp"
    assert strip_numbering("I.1 Tên") == "Tên"
    assert strip_numbering("A&B") == "A&B"
    assert strip_numbering("2016 Năm") == "2016 Năm"
    assert without_remarks("Ngày giải thể (nếu có (ghi rõ))").split() == ["Ngày", "giải", "thể"]


def test_a_spelling_given_to_two_terms_is_a_definition_error():
    with pytest.raises(ValueError, match="two terms"):
        Vocabulary([Term("a", "Kết nạp"), Term("b", "Kết nạp mới", ("kết nạp",))])


def test_the_offices_sheet_names():
    from kcn_reports.ledger import ledger_sheets

    found = ledger_sheets(["Hướng dẫn", "DS chi bộ", "Biến động ĐV", "Các hoạt động",
                           "Danh sách doanh nghiệp", "Chỉ tiêu năm", "Chi bộ doanh nghiệp"])
    assert found == {"cells": "DS chi bộ", "movements": "Biến động ĐV",
                     "activities": "Các hoạt động", "enterprises": "Danh sách doanh nghiệp",
                     "targets": "Chỉ tiêu năm"}
    # The definition's own name wins over a wording of it.
    assert ledger_sheets(["Danh sách chi bộ", "Chi bộ"]) == {"cells": "Chi bộ"}
