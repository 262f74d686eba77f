"""Returns laid out the way enterprises really lay them out, one small fixture per layout family
of issue 11, each typed cell by cell (never through the blank form) and read through the public
path (`check.process_file`), asserting every one of the form's fields.

The enterprise, its values and its accountant's wording live in `layouts.py`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from layouts import (
    ENGLISH,
    EXPECTED,
    EXPECTED_H1,
    IDENTITY_LINES,
    INDICATOR_ROWS,
    NAME,
    REMARKS,
    SECTIONS,
    TAX,
    Grid,
    assert_reads,
    identity_value,
    letterhead,
    no_duplicate_rows,
    problems_of,
    read_outcome,
    signature,
    write,
)

from kcn_reports.formdef import INDICATORS_BY_CODE

WIDTHS = {0: 6, 1: 46, 2: 9, 3: 14, 4: 14, 5: 16}
STANDARD_HEADER = ["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu", "Ghi chú"]
STANDARD_COLUMNS = ["stt", "label", "code", "unit", "now", "note"]
ROMAN = {"01": "I", "05": "II", "09": "III", "14": "IV"}


def table_body(g: Grid, columns: list[str], *, col: int = 0, code=lambda c: c,
               headings: str | None = "stt", extra: dict[str, list[list[Any]]] | None = None,
               after: dict[str, list[list[Any]]] | None = None) -> dict[str, int]:
    """The indicator rows under a header the test wrote itself. `columns` names what each
    column holds: stt, label, code, unit, now (this period), prev (previous period), plan,
    pct ("So sánh (%)"), note. `extra`/`after`: rows (by column kind) inserted before/after a
    code's row. Returns the row index of each code."""
    where: dict[str, int] = {}
    width = len(columns)

    def put(cells: dict[str, Any]) -> int:
        r = g.add(*[cells.get(kind) for kind in columns], col=col)
        return r

    for number, (c, label, unit, now, prev) in enumerate(INDICATOR_ROWS, start=1):
        if c in SECTIONS and headings:
            roman, title = SECTIONS[c]
            if headings == "stt":
                put({"stt": roman, "label": title})
            elif headings == "merged":
                r = g.add(f"{roman}. {title}", col=col)
                g.merge(r, col, r, col + width - 1)
            elif headings == "plain":
                put({"label": title.capitalize()})
        for row in (extra or {}).get(c, []):
            put(dict(zip(columns, row, strict=False)))  # short rows: the rest blank
        numeric = isinstance(now, (int, float)) or (isinstance(now, str) and now[0].isdigit())
        expected = EXPECTED[INDICATORS_BY_CODE[c].key]
        cells = {"stt": number, "label": label, "code": code(c), "unit": unit, "now": now,
                 "prev": prev}
        if numeric:
            cells["plan"] = round(prev * 1.08, 1)
            cells["pct"] = round(expected / prev * 100, 1)
        where[c] = put(cells)
        for row in (after or {}).get(c, []):
            put(dict(zip(columns, row, strict=False)))  # short rows: the rest blank
    return where


def standard_table(g: Grid, **kw: Any) -> dict[str, int]:
    g.add(*STANDARD_HEADER)
    return table_body(g, STANDARD_COLUMNS, **kw)


def identity_lines(g: Grid, *, col: int = 0, value_col: int = 2, merge_to: int | None = 5,
                   label=lambda i, key, text: f"{text}:", half: bool = False) -> None:
    for i, (key, text, _) in enumerate(IDENTITY_LINES):
        r = g.add(label(i, key, text), col=col)
        g.set(r, value_col, identity_value(key, half))
        if col + 1 < value_col:
            g.merge(r, col, r, value_col - 1)
        if merge_to is not None and merge_to > value_col:
            g.merge(r, value_col, r, merge_to)


def read_back(tmp_path, book: list[Grid], name: str = "bao cao.xlsx"):
    return read_outcome(write(book, tmp_path / name), tmp_path)


# -- identity block ------------------------------------------------------------------------
NUMBERINGS = {
    "1.": lambda i: f"{i + 1}.",
    "1)": lambda i: f"{i + 1})",
    "a)": lambda i: f"{'abcdefghijk'[i]})",
    "I.1": lambda i: f"I.{i + 1}",
    "-": lambda i: "-",
    "•": lambda i: "•",
    "*": lambda i: "*",
}


@pytest.mark.parametrize("style", [*NUMBERINGS, "number-in-own-cell"])
def test_identity_labels_numbered_or_bulleted(tmp_path, style):
    g = Grid("Báo cáo", widths=WIDTHS)
    letterhead(g)
    g.add("I. THÔNG TIN CHUNG VỀ DOANH NGHIỆP")
    for i, (key, text, _) in enumerate(IDENTITY_LINES):
        if style == "number-in-own-cell":
            r = g.add(i + 1, f"{text}:", identity_value(key))
            g.merge(r, 2, r, 5)
        else:
            r = g.add(f"{NUMBERINGS[style](i)} {text}:", None, identity_value(key))
            g.merge(r, 0, r, 1)
            g.merge(r, 2, r, 5)
    g.blank()
    g.add("II. CÁC CHỈ TIÊU CHỦ YẾU")
    standard_table(g)
    signature(g)
    assert_reads(read_back(tmp_path, [g]), EXPECTED)


LABEL_WORDINGS = {
    "remarks": lambda key, text: f"{text} ({REMARKS[key]}):",
    "dash-english": lambda key, text: f"{text} - {ENGLISH[key]}:",
    "slash-english-no-colon": lambda key, text: f"{text} / "
    f"{'Company name' if key == 'name' else ENGLISH[key]}",
    "english-on-second-line": lambda key, text: f"{text}:\n{ENGLISH[key]}:",
}


@pytest.mark.parametrize("wording", LABEL_WORDINGS)
def test_identity_labels_with_remarks_or_english(tmp_path, wording):
    g = Grid("Report", widths={0: 52, 1: 4, 2: 40, 3: 12, 4: 12, 5: 12})
    letterhead(g)
    for key, text, _ in IDENTITY_LINES:
        r = g.add(LABEL_WORDINGS[wording](key, text), None, identity_value(key))
        g.merge(r, 2, r, 5)
    g.blank()
    g.add("STT\nNo.", "Chỉ tiêu\nItems", "Mã số\nCode", "Đơn vị tính\nUnit", "Số liệu\nValue",
          "Ghi chú\nNote")
    table_body(g, STANDARD_COLUMNS)
    assert_reads(read_back(tmp_path, [g]), EXPECTED)


def test_tax_code_label_with_its_abbreviation(tmp_path):
    """"Mã số thuế (MST)" with the value in the next cell, the other labels plain."""
    g = Grid("Sheet1", widths=WIDTHS)
    letterhead(g)
    identity_lines(g, label=lambda i, key, text: "Mã số thuế (MST)" if key == "tax_code"
                   else f"{text}:")
    g.blank()
    standard_table(g)
    assert_reads(read_back(tmp_path, [g]), EXPECTED)


@pytest.mark.parametrize("place", ["same-cell-after-colon", "next-non-empty-cell", "line-below"])
def test_identity_value_positions(tmp_path, place):
    g = Grid("BC 2016", widths=WIDTHS)
    letterhead(g)
    for i, (key, text, _) in enumerate(IDENTITY_LINES):
        value = identity_value(key)
        if place == "same-cell-after-colon":
            shown = value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else value
            r = g.add(f"{text}: {shown}")
            g.merge(r, 0, r, 5)
        elif place == "next-non-empty-cell":
            # The value one, two or three cells after the label, with empty cells between.
            r = g.add(f"{text}:", col=1)
            g.set(r, 2 + i % 3, value)
        else:
            g.add(f"{text}:", col=1)
            g.add(value, col=1)
    g.blank()
    standard_table(g)
    signature(g)
    assert_reads(read_back(tmp_path, [g]), EXPECTED)


@pytest.mark.parametrize("header", [None, ["Thông tin", "Nội dung"],
                                    ["STT", "Thông tin chung", "Nội dung"]],
                         ids=["no-header", "header", "numbered-with-header"])
def test_identity_as_two_column_table(tmp_path, header):
    g = Grid("Báo cáo", widths={0: 8, 1: 40, 2: 44, 3: 12, 4: 14, 5: 14})
    letterhead(g)
    g.add("A. THÔNG TIN DOANH NGHIỆP")
    numbered = header is not None and len(header) == 3
    if header:
        g.add(*header, col=0 if numbered else 1)
    for i, (key, text, _) in enumerate(IDENTITY_LINES):
        if numbered:
            g.add(i + 1, text, identity_value(key))
        else:
            g.add(text, identity_value(key), col=1)
    g.blank()
    g.add("B. SỐ LIỆU BÁO CÁO")
    standard_table(g)
    assert_reads(read_back(tmp_path, [g]), EXPECTED)


COVER_LETTER = [
    "CÔNG TY TNHH SUNRISE PRECISION VIỆT NAM",
    "Số: 15/CV-SPV",
    "V/v gửi báo cáo tình hình hoạt động năm 2016",
    "Kính gửi: Ban Quản lý các Khu công nghiệp tỉnh Bắc Giang",
    f"Thực hiện đề nghị của Ban Quản lý các KCN, {NAME} (mã số thuế {TAX}) gửi báo cáo tình "
    "hình hoạt động, lao động và tổ chức đảng, đoàn thể năm 2016 theo các biểu kèm theo.",
    "Tổng số lao động của Công ty tại thời điểm 31/12/2016 là 642 người, trong đó có 21 "
    "đảng viên đang sinh hoạt tại Chi bộ Công ty.",
    "Trân trọng./.",
    "Nơi nhận:",
    "- Như trên;",
    "- Lưu: VT, HC.",
]


def _cover_sheet(name: str = "Thông tin chung") -> Grid:
    cover = Grid(name, widths={0: 44, 1: 50})
    cover.add("THÔNG TIN CHUNG VỀ DOANH NGHIỆP")
    cover.blank()
    for key, text, _ in IDENTITY_LINES:
        cover.add(f"{text}:", identity_value(key))
    return cover


def _table_sheet(name: str = "Biểu 01") -> Grid:
    g = Grid(name, widths=WIDTHS)
    r = g.add("BIỂU 01: CÁC CHỈ TIÊU CHỦ YẾU NĂM 2016")
    g.merge(r, 0, r, 5)
    g.blank()
    standard_table(g)
    signature(g)
    return g


@pytest.mark.parametrize("place", ["below-the-table", "cover-sheet-first", "table-sheet-first",
                                   "cover-letter-then-cover-sheet"])
def test_identity_block_placement(tmp_path, place):
    if place == "below-the-table":
        g = Grid("Báo cáo", widths=WIDTHS)
        letterhead(g)
        standard_table(g)
        g.blank()
        g.add("THÔNG TIN VỀ DOANH NGHIỆP BÁO CÁO")
        identity_lines(g, col=1, value_col=3)
        signature(g)
        book = [g]
    elif place == "cover-sheet-first":
        book = [_cover_sheet(), _table_sheet()]
    elif place == "table-sheet-first":
        book = [_table_sheet(), _cover_sheet("Thông tin DN")]
    else:
        letter = Grid("Công văn", widths={0: 90})
        for line in COVER_LETTER:
            letter.add(line)
        letter.add("GIÁM ĐỐC")
        letter.add("Nakamura Hiroshi")
        book = [letter, _cover_sheet(), _table_sheet()]
    assert_reads(read_back(tmp_path, book), EXPECTED)


# -- indicator table: headers and codes ----------------------------------------------------
def _simple_identity(g: Grid, *, half: bool = False) -> None:
    letterhead(g, title="6 THÁNG ĐẦU NĂM 2016" if half else "NĂM 2016")
    identity_lines(g, half=half)
    g.blank()


@pytest.mark.parametrize("variant", ["abbreviated", "code-value-english", "two-line-bilingual",
                                     "vietnamese-row-over-english-row", "two-level",
                                     "column-number-row"])
def test_table_headers_retyped(tmp_path, variant):
    g = Grid("Báo cáo", widths=WIDTHS)
    _simple_identity(g)
    columns = STANDARD_COLUMNS
    if variant == "abbreviated":
        g.add("TT", "Nội dung chỉ tiêu", "Mã số", "ĐVT", "Số liệu", "Ghi chú")
    elif variant == "code-value-english":
        g.add("TT", "Nội dung chỉ tiêu", "Code", "ĐVT", "Value", "Ghi chú")
    elif variant == "two-line-bilingual":
        g.add("STT\nNo.", "Chỉ tiêu\nIndicators", "Mã số\nCode", "Đơn vị tính\nUnit",
              "Số liệu\nValue", "Ghi chú\nRemarks")
    elif variant == "vietnamese-row-over-english-row":
        g.add(*STANDARD_HEADER)
        g.add("No.", "Items", "Code", "Unit", "Amount", "Remarks")
    elif variant == "two-level":
        # "Số liệu" merged over the previous year and this one; the other headers merged down.
        columns = ["stt", "label", "code", "unit", "prev", "now", "note"]
        g.widths[6] = 16
        top = g.add("STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu", None, "Ghi chú")
        g.add(None, None, None, None, "Năm 2015", "Năm 2016", None)
        for c in (0, 1, 2, 3, 6):
            g.merge(top, c, top + 1, c)
        g.merge(top, 4, top, 5)
    else:
        g.add(*STANDARD_HEADER)
        g.add(1, 2, 3, 4, 5, 6)  # the column numbers printed under most Vietnamese forms
    table_body(g, columns)
    assert_reads(read_back(tmp_path, [g]), EXPECTED)


# Codes as accountants type them, with labels shortened so only the code identifies the row.
SHORT_LABELS = {
    "01": "DT thuần", "02": "KNXK", "03": "KNNK", "04": "Nộp NS", "05": "Tổng LĐ",
    "06": "LĐ nữ", "07": "LĐ người nước ngoài", "08": "TNBQ", "09": "Có TCĐ", "10": "Số ĐV",
    "11": "ĐV chưa chuyển SH", "12": "Chủ DN là ĐV", "13": "QC ưu tú", "14": "Có CĐCS",
    "15": "Ngày TL CĐCS", "16": "Số ĐVCĐ", "17": "Có Đoàn TN", "18": "Số ĐVTN",
}
CODE_SPELLINGS = {
    "number": lambda c: int(c),
    "05.": lambda c: f"{c}.",
    "MS05": lambda c: f"MS{c}",
    "Mã số 05": lambda c: f"Mã số {c}",
    "trailing-space": lambda c: f"{c} ",
}


@pytest.mark.parametrize("spelling", CODE_SPELLINGS)
def test_codes_as_typed(tmp_path, spelling):
    g = Grid("Báo cáo", widths=WIDTHS)
    _simple_identity(g)
    g.add(*STANDARD_HEADER)
    rows = table_body(g, STANDARD_COLUMNS, code=CODE_SPELLINGS[spelling], headings=None)
    for c, r in rows.items():
        g.set(r, 1, SHORT_LABELS[c])
    assert_reads(read_back(tmp_path, [g]), EXPECTED)


def test_no_code_column_rows_matched_by_label(tmp_path):
    g = Grid("Báo cáo", widths={0: 6, 1: 50, 2: 16, 3: 14, 4: 16})
    _simple_identity(g)
    g.add("STT", "Chỉ tiêu", "ĐVT", "Số liệu", "Ghi chú")
    table_body(g, ["stt", "label", "unit", "now", "note"])
    signature(g)
    assert_reads(read_back(tmp_path, [g]), EXPECTED)


# -- several value columns -----------------------------------------------------------------
VALUE_COLUMNS = {
    # id: (headers left to right, what each column holds, half-year return?)
    "2015|2016": (["Năm 2015", "Năm 2016"], ["prev", "now"], False),
    "2016|2015": (["Năm 2016", "Năm 2015"], ["now", "prev"], False),
    "plan|actual": (["Kế hoạch", "Thực hiện"], ["plan", "now"], False),
    "actual|plan": (["Thực hiện", "Kế hoạch"], ["now", "plan"], False),
    "previous|this-period": (["Kỳ trước", "Kỳ này"], ["prev", "now"], False),
    "same-period-last-year|H1-2016": (["Cùng kỳ năm trước", "6 tháng đầu năm 2016"],
                                      ["prev", "now"], True),
    "2015|2016|compare": (["Năm 2015", "Năm 2016", "So sánh (%)"], ["prev", "now", "pct"],
                          False),
    "actual-2015|actual-2016": (["Thực hiện năm 2015", "Thực hiện năm 2016"], ["prev", "now"],
                                False),
    "plan-2016|actual-2016": (["Kế hoạch năm 2016", "Thực hiện năm 2016"], ["plan", "now"],
                              False),
}


def _value_columns_return(headers: list[str], kinds: list[str], half: bool) -> Grid:
    g = Grid("Báo cáo", widths={0: 6, 1: 46, 2: 8, 3: 12, 4: 14, 5: 14, 6: 14, 7: 14})
    _simple_identity(g, half=half)
    g.add("STT", "Chỉ tiêu", "Mã số", "ĐVT", *headers, "Ghi chú")
    table_body(g, ["stt", "label", "code", "unit", *kinds, "note"])
    signature(g)
    return g


@pytest.mark.parametrize("case", VALUE_COLUMNS)
def test_several_value_columns_the_periods_is_read(tmp_path, case):
    headers, kinds, half = VALUE_COLUMNS[case]
    g = _value_columns_return(headers, kinds, half)
    assert_reads(read_back(tmp_path, [g]), EXPECTED_H1 if half else EXPECTED)


@pytest.mark.parametrize("headers", [["Cột 1", "Cột 2"], ["Năm 2015", "Năm 2014"]],
                         ids=["numbered-columns", "no-column-of-the-period"])
def test_value_column_that_cannot_be_told_is_an_error_naming_the_columns(tmp_path, headers):
    g = _value_columns_return(headers, ["prev", "now"], False)
    outcome = read_back(tmp_path, [g])
    assert outcome.outcome == "rejected", problems_of(outcome)
    found = [p for p in outcome.problems if p.code == "value-column-ambiguous"]
    assert found, problems_of(outcome)
    assert found[0].severity == "error"
    for header in headers:
        assert header in found[0].message, found[0].message


# -- rows that are not a field's place -----------------------------------------------------
@pytest.mark.parametrize("headings", ["stt", "merged", "plain"])
def test_headings_sub_rows_and_notes_never_take_a_fields_place(tmp_path, headings):
    g = Grid("Báo cáo", widths=WIDTHS)
    _simple_identity(g)
    g.add(*STANDARD_HEADER)
    sub_rows = {
        "05": [["", "Trong đó: lao động trực tiếp", "", "người", 520],
               ["", "- Lao động gián tiếp", "", "người", 122]],
        "10": [["", "+ Đảng viên nữ", "", "người", 8],
               ["", "+ Đảng viên dự bị", "", "người", 2]],
    }
    # "plain" headings include "Tổ chức đảng", the very words of an alias of row 09.
    table_body(g, STANDARD_COLUMNS, headings=headings, after=sub_rows)
    g.blank()
    r = g.add("Ghi chú: chỉ tiêu mã số 05 tính cả lao động thời vụ")
    g.merge(r, 0, r, 5)
    g.add("* Số đảng viên (mã 10) gồm cả đảng viên dự bị", col=1)
    g.add("** Thu nhập bình quân (mã số 08) tính theo tổng quỹ lương chia số lao động", col=1)
    signature(g)
    outcome = read_back(tmp_path, [g])
    assert_reads(outcome, EXPECTED)
    no_duplicate_rows(outcome)


def test_plain_party_heading_like_the_alias_does_not_take_row_09(tmp_path):
    g = Grid("Báo cáo", widths=WIDTHS)
    _simple_identity(g)
    g.add(*STANDARD_HEADER)
    table_body(g, STANDARD_COLUMNS, headings=None,
               extra={"09": [[None, "Tổ chức đảng"]], "05": [[None, "Lao động"]]})
    outcome = read_back(tmp_path, [g])
    assert_reads(outcome, EXPECTED)
    no_duplicate_rows(outcome)


@pytest.mark.parametrize("position", ["before", "after"])
def test_a_row_with_a_code_wins_over_a_row_matched_by_label(tmp_path, position):
    g = Grid("Báo cáo", widths=WIDTHS)
    _simple_identity(g)
    g.add(*STANDARD_HEADER)
    rows = {"05": [["", "Tổng số lao động thời vụ", "", "người", 45]],
            "10": [["", "Tổng số đảng viên dự bị", "", "người", 2]]}
    if position == "before":
        table_body(g, STANDARD_COLUMNS, extra=rows)
    else:
        table_body(g, STANDARD_COLUMNS, after=rows)
    outcome = read_back(tmp_path, [g])
    assert_reads(outcome, EXPECTED)
    no_duplicate_rows(outcome)


# -- periods -------------------------------------------------------------------------------
@pytest.mark.parametrize("typed, same_cell, half", [
    ("Năm 2016 (01/01/2016 – 31/12/2016)", False, False),
    ("Báo cáo năm 2016", False, False),
    ("Kỳ báo cáo: 6 tháng đầu năm 2016 (đến 30/6/2016)", True, True),
], ids=["year-with-dates", "bao-cao-nam", "half-year-same-cell-with-end-date"])
def test_period_with_extra_words(tmp_path, typed, same_cell, half):
    g = Grid("Báo cáo", widths=WIDTHS)
    letterhead(g, title="6 THÁNG ĐẦU NĂM 2016" if half else "NĂM 2016")
    for key, text, _ in IDENTITY_LINES:
        if key == "period" and same_cell:
            r = g.add(typed)
            g.merge(r, 0, r, 5)
            continue
        value = typed if key == "period" else identity_value(key, half)
        r = g.add(f"{text}:", None, value)
        g.merge(r, 0, r, 1)
        g.merge(r, 2, r, 5)
    g.blank()
    standard_table(g)
    assert_reads(read_back(tmp_path, [g]), EXPECTED_H1 if half else EXPECTED)


# -- what the reader could not read --------------------------------------------------------
def test_unrecognised_required_label_says_what_the_reader_saw(tmp_path):
    """The name line typed beyond recognition: the problem names the row and quotes it."""
    g = Grid("Báo cáo", widths=WIDTHS)
    letterhead(g)
    mangled = "1) Tê doanh nghệp:"
    for i, (key, text, _) in enumerate(IDENTITY_LINES):
        label = mangled if key == "name" else f"{i + 1}) {text}:"
        r = g.add(label, None, identity_value(key))
        g.merge(r, 0, r, 1)
        g.merge(r, 2, r, 5)
        if key == "name":
            name_row = r + 1  # 1-based, as the office sees it in Excel
    g.blank()
    standard_table(g)
    outcome = read_back(tmp_path, [g])
    assert outcome.outcome == "rejected"
    [prob] = [p for p in outcome.problems if p.field == "name"]
    assert prob.severity == "error"
    assert f"dòng {name_row}" in prob.message, prob.message
    assert mangled.rstrip(":") in prob.message, prob.message
    # Everything else is still read.
    assert outcome.form.values["tax_code"] == TAX
    assert outcome.form.values["employees"] == 642


def test_unrecognised_required_indicator_row_says_what_the_reader_saw(tmp_path):
    """Row 10 without its code and with its label mistyped: the row is named and quoted.
    (Abbreviated but whole, "Số ĐV đang làm việc tại DN", it is read: see the test below.)"""
    g = Grid("Báo cáo", widths=WIDTHS)
    _simple_identity(g)
    g.add(*STANDARD_HEADER)
    rows = table_body(g, STANDARD_COLUMNS)
    mangled = "Số người là Đảng viên trong công ty"
    g.set(rows["10"], 1, mangled)
    g.set(rows["10"], 2, None)
    outcome = read_back(tmp_path, [g])
    assert outcome.outcome == "rejected"
    [prob] = [p for p in outcome.problems if p.field == "party_members"]
    assert prob.severity == "error"
    assert f"dòng {rows['10'] + 1}" in prob.message, prob.message
    assert mangled in prob.message, prob.message
    assert outcome.form.values["employees"] == 642


def test_abbreviated_labels_without_codes_are_read(tmp_path):
    """"ĐV", "LĐ", "DN", "KCN" spelt out; a word left out of a long label ("đang bồi dưỡng")."""
    g = Grid("Báo cáo", widths=WIDTHS)
    _simple_identity(g)
    g.add(*STANDARD_HEADER)
    rows = table_body(g, STANDARD_COLUMNS)
    for code, label in (("10", "Số ĐV đang làm việc tại DN"), ("05", "Tổng số LĐ"),
                        ("11", "- Trong đó: ĐV chưa chuyển sinh hoạt đảng về tổ chức đảng trong KCN"),
                        ("13", "Số quần chúng ưu tú đang bồi dưỡng, giới thiệu kết nạp")):
        g.set(rows[code], 1, label)
        g.set(rows[code], 2, None)
    assert_reads(read_back(tmp_path, [g]), EXPECTED)


# -- other file formats --------------------------------------------------------------------
def _rich_return() -> list[Grid]:
    """Numbered identity lines, headings merged across, sub-rows and notes, date cells, two
    value columns — the kind of return that arrives as .xls from an old Excel."""
    g = Grid("BC nam 2016", widths={0: 6, 1: 46, 2: 8, 3: 12, 4: 14, 5: 14, 6: 14})
    letterhead(g, cols=7)
    for i, (key, text, _) in enumerate(IDENTITY_LINES):
        value = dt.datetime(2017, 1, 10) if key == "prepared_on" else identity_value(key)
        r = g.add(f"{i + 1}. {text}:", None, value)
        g.merge(r, 0, r, 1)
        g.merge(r, 2, r, 6)
    g.blank()
    g.add("TT", "Nội dung chỉ tiêu", "Mã số", "ĐVT", "Năm 2015", "Năm 2016", "Ghi chú")
    table_body(g, ["stt", "label", "code", "unit", "prev", "now", "note"], headings="merged",
               after={"05": [["", "Trong đó: lao động trực tiếp", "", "người", 500, 520]]})
    r = g.add("Ghi chú: chỉ tiêu mã số 05 tính cả lao động thời vụ")
    g.merge(r, 0, r, 6)
    signature(g)
    return [g]


@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".ods"])
def test_the_same_return_as_xlsx_xls_and_ods(tmp_path, suffix):
    outcome = read_back(tmp_path, _rich_return(), name=f"bao cao{suffix}")
    assert_reads(outcome, EXPECTED)
    no_duplicate_rows(outcome)


def test_numbered_two_column_identity_as_ods(tmp_path):
    g = Grid("Sheet1", widths={0: 6, 1: 40, 2: 44, 3: 12, 4: 14, 5: 14})
    letterhead(g)
    g.add("STT", "Thông tin", "Nội dung")
    for i, (key, text, _) in enumerate(IDENTITY_LINES):
        g.add(f"{i + 1}.", f"{text}", identity_value(key))
    g.blank()
    g.add("TT", "Nội dung chỉ tiêu", "Code", "ĐVT", "Value", "Ghi chú")
    table_body(g, STANDARD_COLUMNS, code=lambda c: int(c))
    assert_reads(read_back(tmp_path, [g], name="bao cao.ods"), EXPECTED)


@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".ods"])
def test_return_starting_in_column_b_with_blank_rows(tmp_path, suffix):
    """Column A left empty as a margin, blank rows between the blocks and inside the table:
    every cell must stay in its column (an .ods reader can shift the rows after a blank one)."""
    g = Grid("Báo cáo", widths={0: 2, 1: 6, 2: 46, 3: 9, 4: 14, 5: 14, 6: 16})
    g.blank(2)
    for key, text, _ in IDENTITY_LINES:
        g.add(f"{text}:", None, identity_value(key), col=1)
        if key in ("ownership", "industry"):
            g.blank()
    g.blank(2)
    g.add(*STANDARD_HEADER, col=1)
    rows = table_body(g, STANDARD_COLUMNS, col=1)
    for code in ("14", "09", "05"):
        g.insert_rows(rows[code])
    g.blank()
    g.add("Ghi chú: chỉ tiêu mã số 05 tính cả lao động thời vụ", col=1)
    assert_reads(read_back(tmp_path, [g], name=f"bao cao{suffix}"), EXPECTED)


# -- and what is not a return --------------------------------------------------------------
def _inventory() -> list[Grid]:
    g = Grid("Tồn kho", widths={0: 6, 1: 40, 2: 12, 3: 12, 4: 12})
    g.add("CÔNG TY TNHH SUNRISE PRECISION VIỆT NAM")
    g.add("BẢNG KÊ VẬT TƯ TỒN KHO NĂM 2016")
    g.add("STT", "Tên vật tư", "Mã số", "Đơn vị tính", "Số lượng", "Ghi chú")
    for i, (name, unit, qty) in enumerate([("Thép tấm SS400", "tấn", 12.5),
                                           ("Dầu cắt gọt", "lít", 420), ("Mũi khoan HSS", "cái", 75),
                                           ("Bao tay lao động", "đôi", 1200)], start=1):
        g.add(i, name, f"{i:02d}", unit, qty)
    return [g]


def _staff_list() -> list[Grid]:
    g = Grid("Danh sách", widths={0: 6, 1: 30, 2: 14, 3: 20, 4: 14})
    g.add("DANH SÁCH ĐẢNG VIÊN ĐANG LÀM VIỆC TẠI DOANH NGHIỆP")
    g.add(f"Tên doanh nghiệp: {NAME}")
    g.add(f"Mã số thuế: {TAX}")
    g.add("STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Ngày vào Đảng")
    for i, (who, born, role, joined) in enumerate([
            ("Trần Văn Bình", dt.datetime(1985, 4, 2), "Kế toán trưởng", dt.datetime(2010, 5, 19)),
            ("Lê Thị Mai", dt.datetime(1990, 11, 20), "Tổ trưởng", dt.datetime(2014, 2, 3))],
            start=1):
        g.add(i, who, born, role, joined)
    return [g]


def _minutes() -> list[Grid]:
    g = Grid("Biên bản", widths={0: 100})
    for line in ["BIÊN BẢN LÀM VIỆC", "Về tình hình tổ chức đảng, đoàn thể tại doanh nghiệp",
                 f"Tên doanh nghiệp: {NAME}", f"Mã số thuế: {TAX}",
                 "Khu công nghiệp: Quang Châu", "Kỳ báo cáo: Năm 2016",
                 "Tổng số lao động: 642 người; số đảng viên: 21.",
                 "Doanh nghiệp đã thành lập công đoàn cơ sở ngày 14/9/2012."]:
        g.add(line)
    return [g]


@pytest.mark.parametrize("book", [_inventory, _staff_list, _minutes],
                         ids=["inventory-with-codes", "staff-list", "minutes-with-identity-lines"])
def test_a_spreadsheet_that_is_not_a_return_is_not_taken_for_one(tmp_path, book):
    outcome = read_back(tmp_path, book())
    assert outcome.outcome == "skipped", problems_of(outcome)
    assert [p.code for p in outcome.problems] == ["not-a-report"], problems_of(outcome)
