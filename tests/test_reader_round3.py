"""Returns from a second red team (a Đồng Nai corpus no one here had seen): tick boxes beside both
answers, accountants' bracketed negatives, a unit column that changed the unit, the identity block
typed beside the table, a workbook holding several returns, dates and periods in words. Each
workbook is written cell by cell as an accountant would, and every value read is checked."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from helpers import SETTINGS, read, write_sheets

from kcn_reports.check import process_file
from kcn_reports.discover import InputFile
from kcn_reports.formdef import PERIOD_YEAR, Period, Zone
from kcn_reports.values import ParseError, parse_date, parse_number, parse_period, parse_yes_no

IDENTITY = [
    ["Tên doanh nghiệp:", "Công ty TNHH Sông Mây"],
    ["Mã số thuế:", "3601000018"],
    ["Khu công nghiệp:", "Đình Trám"],
    ["Loại hình doanh nghiệp:", "Doanh nghiệp trong nước"],
    ["Kỳ báo cáo:", "Năm 2016"],
]
HEADER = ["STT", "Chỉ tiêu", "Mã số", "ĐVT", "Số liệu"]


def rows_of(values: dict[str, object], units: dict[str, str] | None = None) -> list[list]:
    """The indicator table as an accountant retypes it, with the units it chose."""
    units = units or {}
    table = [
        ("01", "Doanh thu thuần", "triệu đồng", "revenue"),
        ("02", "Kim ngạch xuất khẩu", "nghìn USD", "exports"),
        ("04", "Nộp ngân sách nhà nước", "triệu đồng", "budget_paid"),
        ("05", "Tổng số lao động tại thời điểm báo cáo", "người", "employees"),
        ("08", "Thu nhập bình quân", "triệu đồng/người/tháng", "avg_income"),
        ("09", "Doanh nghiệp có tổ chức đảng (chi bộ/đảng bộ)", "Có/Không", "has_party_org"),
        ("10", "Số đảng viên đang làm việc tại doanh nghiệp", "người", "party_members"),
        ("12", "Chủ doanh nghiệp (người đại diện theo pháp luật) là đảng viên", "Có/Không",
         "owner_is_party_member"),
        ("14", "Doanh nghiệp đã thành lập công đoàn cơ sở", "Có/Không", "has_union"),
        ("15", "Ngày thành lập công đoàn cơ sở", "ngày/tháng/năm", "union_founded_on"),
        ("16", "Số đoàn viên công đoàn", "người", "union_members"),
    ]
    return [[i, label, code, units.get(key, unit), values.get(key)]
            for i, (code, label, unit, key) in enumerate(table, 1)]


TYPED = {"revenue": "1.500", "exports": 200, "budget_paid": 90, "employees": 240,
         "avg_income": "8,5", "has_party_org": "Không", "party_members": 2,
         "owner_is_party_member": "Không", "has_union": "Có",
         "union_founded_on": "15/03/2012", "union_members": 200}
READ = {"revenue": 1500, "exports": 200, "budget_paid": 90, "employees": 240, "avg_income": 8.5,
        "has_party_org": False, "party_members": 2, "owner_is_party_member": False,
        "has_union": True, "union_founded_on": dt.date(2012, 3, 15), "union_members": 200}


def save(tmp_path, sheets: dict[str, list[list]], name: str = "bao cao.xlsx"):
    return read(write_sheets(tmp_path / name, sheets), tmp_path)


def codes(outcome) -> list[str]:
    return [p.code for p in outcome.problems]


def the(outcome, code: str):
    return next(p for p in outcome.problems if p.code == code)


def test_plain_return_reads_as_typed(tmp_path):
    """The baseline every test below changes one thing of."""
    outcome = save(tmp_path, {"BC": [*IDENTITY, [], HEADER, *rows_of(TYPED)]})
    assert outcome.outcome == "accepted", codes(outcome)
    assert {k: outcome.form.values[k] for k in READ} == READ


# -- yes/no cells naming both answers ------------------------------------------------------------
@pytest.mark.parametrize(("typed", "expected"), [
    ("☐ Có   ☑ Không", False), ("☐ Có   ☒ Không", False), ("☑ Có ☐ Không", True),
    ("[x] Có [ ] Không", True), ("( ) Có (x) Không", False), ("x Có   Không", True),
    ("Có (chi bộ ghép với doanh nghiệp khác)", True), ("Có, nhưng không sinh hoạt thường xuyên", True),
])
def test_the_ticked_answer_is_read(typed, expected):
    assert parse_yes_no(typed).value is expected


@pytest.mark.parametrize("typed", ["Có / Không", "Có/Không", "☐ Có ☐ Không", "☑ Có ☑ Không",
                                   "Yes/No"])
def test_both_answers_without_one_ticked_is_no_answer(typed):
    with pytest.raises(ParseError) as caught:
        parse_yes_no(typed)
    assert caught.value.code == "not-yes-no"


def test_tick_boxes_in_a_return(tmp_path):
    typed = {**TYPED, "owner_is_party_member": "☐ Có   ☑ Không", "has_union": "☒ Có   ☐ Không"}
    outcome = save(tmp_path, {"BC": [*IDENTITY, [], HEADER, *rows_of(typed)]})
    assert outcome.outcome == "accepted", codes(outcome)
    assert {k: outcome.form.values[k] for k in READ} == READ


def test_the_unit_hint_copied_into_the_value_cell_is_an_error(tmp_path):
    outcome = save(tmp_path, {"BC": [*IDENTITY, [], HEADER,
                                     *rows_of({**TYPED, "has_union": "Có / Không"})]})
    assert outcome.outcome == "rejected"
    problem = the(outcome, "not-yes-no")
    assert (problem.sheet, problem.cell, problem.value) == ("BC", "E16", "Có / Không")
    assert outcome.form.values["has_union"] is None


# -- numbers ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("typed", "expected"), [
    ("(125)", -125), ("(1.250)", -1250), ("(12,5)", -12.5), ("(125) triệu", -125),
])
def test_brackets_around_a_number_are_an_accountants_negative(typed, expected):
    assert parse_number(typed).value == expected


def test_a_bracketed_negative_is_refused_not_read_positive(tmp_path):
    outcome = save(tmp_path, {"BC": [*IDENTITY, [], HEADER,
                                     *rows_of({**TYPED, "budget_paid": "(125)"})]})
    assert outcome.outcome == "rejected"
    problem = the(outcome, "negative")
    assert (problem.cell, problem.value) == ("E10", "(125)")
    assert outcome.form.values["budget_paid"] is None


def test_figures_in_another_unit_are_converted_with_a_warning(tmp_path):
    typed = {**TYPED, "revenue": "12.345.000.000", "exports": "2.500.000", "budget_paid": "1,2",
             "avg_income": 8_500_000}
    units = {"revenue": "đồng", "exports": "USD", "budget_paid": "tỷ đồng",
             "avg_income": "đồng/người/tháng"}
    outcome = save(tmp_path, {"BC": [*IDENTITY, [], HEADER, *rows_of(typed, units)]})
    assert outcome.outcome == "accepted", codes(outcome)
    values = outcome.form.values
    assert (values["revenue"], values["exports"], values["budget_paid"], values["avg_income"]) == (
        12345, 2500, 1200, 8.5)
    converted = {p.cell: p.message for p in outcome.problems if p.code == "unit-converted"}
    assert set(converted) == {"E8", "E9", "E10", "E12"}
    assert converted["E8"] == ('"Doanh thu thuần": ghi theo đơn vị «đồng», mẫu dùng «triệu đồng»; '
                               "đã đổi 12.345.000.000 đồng thành 12.345 triệu đồng.")


def test_the_forms_own_units_in_other_spellings_change_nothing(tmp_path):
    units = {"revenue": "Tr.đồng", "exports": "1000 USD", "budget_paid": "Triệu đồng",
             "avg_income": "Tr.đ/người/tháng"}
    outcome = save(tmp_path, {"BC": [*IDENTITY, [], HEADER, *rows_of(TYPED, units)]})
    assert outcome.outcome == "accepted", codes(outcome)
    assert {k: outcome.form.values[k] for k in READ} == READ
    assert "unit-converted" not in codes(outcome)


# -- dates and periods ----------------------------------------------------------------------------
@pytest.mark.parametrize("typed", ["2017/01/10", "2017.01.10", "2017-1-10", "10 tháng 1 năm 2017",
                                   "ngày 10 tháng 01 năm 2017", "10-01-2017", "10.01.2017"])
def test_dates_people_write(typed):
    assert parse_date(typed).value == dt.date(2017, 1, 10)


@pytest.mark.parametrize("typed", ["12 tháng năm 2016", "Cả năm 2016", "Năm tài chính 2016"])
def test_a_whole_year_in_words(typed):
    assert parse_period(typed).value == Period(PERIOD_YEAR, 2016)


def test_an_unreadable_date_is_said_once(tmp_path):
    outcome = save(tmp_path, {"BC": [*IDENTITY, [], HEADER,
                                     *rows_of({**TYPED, "union_founded_on": "Năm 2012"})]})
    assert outcome.outcome == "rejected"
    assert codes(outcome).count("not-a-date") == 1
    assert "union-date-missing" not in codes(outcome)  # it is not missing: it cannot be read


# -- identity -----------------------------------------------------------------------------------
def test_zone_with_a_roman_numeral(tmp_path):
    identity = [row if row[0] != "Khu công nghiệp:" else ["Khu công nghiệp:",
                                                            "Khu công nghiệp Nhơn Trạch III"]
                for row in IDENTITY]
    save(tmp_path, {"BC": [*identity, [], HEADER, *rows_of(TYPED)]})
    path = tmp_path / "bao cao.xlsx"
    settings = dataclasses.replace(SETTINGS, zones=(Zone("Nhơn Trạch 3", ()), Zone("Amata", ())))
    outcome = process_file(InputFile(str(path), path.name, path.stat().st_size,
                                     path.stat().st_mtime), settings)
    assert outcome.outcome == "accepted", codes(outcome)
    assert outcome.form.values["zone"] == "Nhơn Trạch 3"


def test_hinh_thuc_dau_tu_is_the_ownership_line(tmp_path):
    identity = [row if row[0] != "Loại hình doanh nghiệp:" else ["Hình thức đầu tư:",
                                                                   "100% vốn nước ngoài"]
                for row in IDENTITY]
    identity.append(["Quốc tịch nhà đầu tư:", "Hàn Quốc"])
    outcome = save(tmp_path, {"BC": [*identity, [], HEADER, *rows_of(TYPED)]})
    assert outcome.outcome == "accepted", codes(outcome)
    assert outcome.form.values["ownership"] == "fdi"


def test_identity_block_beside_the_table(tmp_path):
    """Labels in G, values in H, on the rows of the table itself."""
    table = [HEADER, *rows_of(TYPED)]
    side = [*IDENTITY, ["Quốc gia nhà đầu tư:", ""], ["Người lập biểu:", "Lê Văn Tám"],
            ["Điện thoại:", "0251 3836 111"]]
    rows = [["BÁO CÁO TÌNH HÌNH DOANH NGHIỆP"], []]
    for i, row in enumerate(table):
        extra = side[i] if i < len(side) else []
        rows.append([*row, None, *extra])
    outcome = save(tmp_path, {"BC": rows})
    assert outcome.outcome == "accepted", codes(outcome)
    values = outcome.form.values
    assert (values["name"], values["tax_code"], values["zone"], values["ownership"],
            values["period"], values["preparer"], values["phone"]) == (
        "Công ty TNHH Sông Mây", "3601000018", "Đình Trám", "domestic",
        Period(PERIOD_YEAR, 2016), "Lê Văn Tám", "0251 3836 111")
    assert outcome.form.cells["zone"].endswith("H5")
    assert {k: values[k] for k in READ} == READ


# -- several returns in one workbook ---------------------------------------------------------------
def test_of_one_enterprises_two_years_the_latest_is_read(tmp_path):
    old = [row if row[0] != "Kỳ báo cáo:" else ["Kỳ báo cáo:", "Năm 2015"] for row in IDENTITY]
    old_rows = rows_of({**TYPED, "employees": 180})
    outcome = save(tmp_path, {"Năm 2015": [*old, [], HEADER, *old_rows],
                              "Năm 2016": [*IDENTITY, [], HEADER, *rows_of(TYPED)]})
    assert outcome.outcome == "accepted", codes(outcome)
    assert outcome.form.sheet == "Năm 2016"
    assert outcome.form.values["period"] == Period(PERIOD_YEAR, 2016)
    assert {k: outcome.form.values[k] for k in READ} == READ
    note = the(outcome, "other-period-sheet")
    assert note.sheet == "Năm 2015"
    assert "«Năm 2016», kỳ mới nhất" in note.message


def test_another_enterprises_return_on_a_second_sheet_is_said(tmp_path):
    other = [["Tên doanh nghiệp:", "Công ty TNHH Cơ khí Sông Mây"], ["Mã số thuế:", "3601000019"],
             *IDENTITY[2:]]
    outcome = save(tmp_path, {"Điện tử": [*IDENTITY, [], HEADER, *rows_of(TYPED)],
                              "Cơ khí": [*other, [], HEADER, *rows_of(TYPED)]})
    assert outcome.outcome == "accepted", codes(outcome)
    assert outcome.form.values["tax_code"] == "3601000018"
    note = the(outcome, "several-enterprises")
    assert note.severity == "warning" and note.sheet == "Cơ khí"
    assert "Công ty TNHH Cơ khí Sông Mây, MST 3601000019" in note.message


def test_a_blank_copy_of_the_form_beside_the_return_says_nothing(tmp_path):
    blank = [[row[0], ""] for row in IDENTITY]
    outcome = save(tmp_path, {"Mẫu": [*blank, [], HEADER, *rows_of({})],
                              "Báo cáo": [*IDENTITY, [], HEADER, *rows_of(TYPED)]})
    assert outcome.outcome == "accepted", codes(outcome)
    assert outcome.form.sheet == "Báo cáo"
    assert not {"several-enterprises", "other-period-sheet"} & set(codes(outcome))


# -- a third red team: forms the office sent, modified by the enterprise -------------------------
def test_the_reference_column_is_never_read_when_the_input_header_is_gone(tmp_path):
    """A pre-filled form whose "Số liệu" header was deleted (or retyped "Năm nay"): the values
    typed in that unnamed column are read, never the grey previous-period column beside it."""
    previous = {**TYPED, "revenue": 12000, "employees": 300}
    for header in ("", "Năm nay"):
        rows = [[*r[:4], r[4], p[4]] for r, p in zip(rows_of(TYPED), rows_of(previous), strict=True)]
        outcome = save(tmp_path, {"BC": [*IDENTITY, [], [*HEADER[:4], header,
                                                         "Kỳ trước (Năm 2015) – tham khảo"],
                                         *rows]})
        assert outcome.outcome == "accepted", codes(outcome)
        assert {k: outcome.form.values[k] for k in READ} == READ
        assert outcome.form.cells["revenue"].endswith("E8")


def test_a_lone_column_of_another_year_is_not_read_as_this_years(tmp_path):
    outcome = save(tmp_path, {"BC": [*IDENTITY, [], [*HEADER[:4], "Năm 2015"], *rows_of(TYPED)]})
    assert outcome.outcome == "rejected"
    assert "value-column-ambiguous" in codes(outcome)
    assert outcome.form.values["employees"] is None


def test_a_unit_typed_with_the_value_is_used(tmp_path):
    typed = {**TYPED, "revenue": "96,5 tỷ", "budget_paid": "1.200.000 đ",
             "avg_income": "8.500.000 đồng"}
    outcome = save(tmp_path, {"BC": [*IDENTITY, [], HEADER, *rows_of(typed)]})
    assert outcome.outcome == "accepted", codes(outcome)
    values = outcome.form.values
    assert (values["revenue"], values["budget_paid"], values["avg_income"]) == (96500, 1.2, 8.5)
    converted = {p.cell: p.message for p in outcome.problems if p.code == "unit-converted"}
    assert converted["E8"] == ('"Doanh thu thuần": ghi theo đơn vị «tỷ», mẫu dùng «triệu đồng»; '
                               "đã đổi 96,5 tỷ thành 96.500 triệu đồng.")
    assert "value-with-text" not in codes(outcome)  # the unit was used, not dropped


def test_a_unit_line_above_the_table_applies_to_rows_without_their_own(tmp_path):
    typed = {**TYPED, "revenue": 1_500_000, "budget_paid": 90_000}
    rows = [[r[0], r[1], r[2], None, r[4]] for r in rows_of(typed)]
    outcome = save(tmp_path, {"BC": [*IDENTITY, [None, None, None, None, "Đơn vị tính: nghìn đồng"],
                                     HEADER, *rows]})
    assert outcome.outcome == "accepted", codes(outcome)
    assert (outcome.form.values["revenue"], outcome.form.values["budget_paid"]) == (1500, 90)
    # People are people, and an income per person is not in the table's unit of totals.
    assert (outcome.form.values["employees"], outcome.form.values["avg_income"]) == (240, 8.5)
    assert len([p for p in outcome.problems if p.code == "unit-converted"]) == 2


def test_a_share_where_a_count_goes_is_refused(tmp_path):
    outcome = save(tmp_path, {"BC": [*IDENTITY, [], HEADER,
                                     *rows_of({**TYPED, "union_members": "52%"})]})
    assert outcome.outcome == "rejected"
    problem = the(outcome, "share-not-a-number")
    assert (problem.cell, problem.value) == ("E18", "52%")


def test_a_number_excel_turned_into_a_date_is_said_so(tmp_path):
    outcome = save(tmp_path, {"BC": [*IDENTITY, [], HEADER,
                                     *rows_of({**TYPED, "avg_income": dt.datetime(2025, 5, 8)})]})
    problem = the(outcome, "number-became-date")
    assert problem.cell == "E12"
    assert "ô là ngày 08/05/2025, không phải số" in problem.message


def test_full_width_digits_and_a_lone_minus_sign(tmp_path):
    identity = [row if row[0] != "Mã số thuế:" else ["Mã số thuế:", "３６０１０００018"]
                for row in IDENTITY]
    outcome = save(tmp_path, {"BC": [*identity, [], HEADER,
                                     *rows_of({**TYPED, "exports": "−"})]})
    assert outcome.outcome == "accepted", codes(outcome)
    assert outcome.form.values["tax_code"] == "3601000018"
    assert outcome.form.values["exports"] == 0


def test_a_return_under_a_long_list_on_the_same_sheet(tmp_path):
    staff = [["Danh sách lao động"], ["STT", "Họ và tên", "Ngày sinh", "Chức vụ"]]
    staff += [[i, f"Nguyễn Văn {i}", "01/01/1990", "Công nhân"] for i in range(1, 3001)]
    outcome = save(tmp_path, {"BC": [*staff, [], *IDENTITY, [], HEADER, *rows_of(TYPED)]})
    assert outcome.outcome == "accepted", codes(outcome)
    assert {k: outcome.form.values[k] for k in READ} == READ


def test_x_in_a_figure_is_no_figure_not_an_error(tmp_path):
    """"x" in a statistics table means "không có số liệu": an optional figure is left blank (said),
    a required one is missing; neither is read as a number nor rejects the return by itself."""
    outcome = save(tmp_path, {"BC": [*IDENTITY, [], HEADER,
                                     *rows_of({**TYPED, "exports": "x", "budget_paid": "N/A"})]})
    assert outcome.outcome == "accepted", codes(outcome)
    assert (outcome.form.values["exports"], outcome.form.values["budget_paid"]) == (None, None)
    assert [p.cell for p in outcome.problems if p.code == "value-not-applicable"] == ["E9", "E10"]
    outcome = save(tmp_path, {"BC": [*IDENTITY, [], HEADER,
                                     *rows_of({**TYPED, "employees": "x"})]}, "b.xlsx")
    assert outcome.outcome == "rejected"
    assert the(outcome, "required-missing").cell == "E11"
