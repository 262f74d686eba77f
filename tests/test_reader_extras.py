"""Returns typed in ways beyond the layout families: several lines in one cell, the period only in
the title, a code column renumbered after a row was deleted, the date only under the signature.
Each workbook is written cell by cell as an accountant would, and every value read is checked."""

from __future__ import annotations

import datetime as dt

import openpyxl
from helpers import SETTINGS, read, write_sheets

from kcn_reports.formdef import PERIOD_YEAR, Period

TABLE = [
    ["STT", "Chỉ tiêu", "Mã số", "ĐVT", "Số liệu"],
    [1, "Doanh thu thuần", "01", "triệu đồng", "1.500"],
    [2, "Tổng số lao động tại thời điểm báo cáo", "05", "người", 240],
    [3, "Trong đó: Lao động nữ", "06", "người", 130],
    [4, "Doanh nghiệp có tổ chức đảng (chi bộ/đảng bộ)", "09", "Có/Không", "Không"],
    [5, "Số đảng viên đang làm việc tại doanh nghiệp", "10", "người", 2],
    [6, "Doanh nghiệp đã thành lập công đoàn cơ sở", "14", "Có/Không", "Có"],
    [7, "Ngày thành lập công đoàn cơ sở", "15", "", "Tháng 5/2015"],
]
TABLE_VALUES = {"revenue": 1500, "employees": 240, "employees_female": 130,
                "has_party_org": False, "party_members": 2, "has_union": True,
                "union_founded_on": dt.date(2015, 5, 1)}


def write(tmp_path, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "BC"
    for row in rows:
        sheet.append(row)
    path = tmp_path / "bao cao.xlsx"
    book.save(path)
    return read(path, tmp_path)


def codes(outcome):
    return [p.code for p in outcome.problems]


def test_several_label_value_lines_in_one_cell(tmp_path):
    outcome = write(tmp_path, [
        ["Tên doanh nghiệp: Công ty TNHH Hòa Bình, Mã số thuế: 2400111222"],
        ["KCN: Đình Trám   Loại hình: Doanh nghiệp trong nước"],
        ["Kỳ báo cáo: Năm 2016"],
        ["Người lập biểu: Phạm Thu Trang - ĐT: 0240 3856 111"],
        [], *TABLE])
    assert outcome.outcome == "accepted", codes(outcome)
    values = outcome.form.values
    assert (values["name"], values["tax_code"], values["zone"], values["ownership"]) == (
        "Công ty TNHH Hòa Bình", "2400111222", "Đình Trám", "domestic")
    assert (values["preparer"], values["phone"]) == ("Phạm Thu Trang", "0240 3856 111")
    assert values["period"] == Period(PERIOD_YEAR, 2016)
    assert {k: values[k] for k in TABLE_VALUES} == TABLE_VALUES
    assert "date-month-only" in codes(outcome)


def test_a_value_with_commas_is_not_cut_into_lines(tmp_path):
    outcome = write(tmp_path, [
        ["Tên doanh nghiệp: Công ty CP Xây dựng, Thương mại và Dịch vụ Hòa Bình"],
        ["Mã số thuế: 2400111222"], ["Khu công nghiệp: Đình Trám"],
        ["Loại hình doanh nghiệp: Trong nước"], ["Kỳ báo cáo: Năm 2016"],
        ["Ngành nghề sản xuất, kinh doanh chính: Xây dựng, vật liệu xây dựng"], [], *TABLE])
    assert outcome.outcome == "accepted", codes(outcome)
    assert outcome.form.values["name"] == "Công ty CP Xây dựng, Thương mại và Dịch vụ Hòa Bình"
    assert outcome.form.values["industry"] == "Xây dựng, vật liệu xây dựng"


def test_period_only_in_the_title_is_read_with_a_warning(tmp_path):
    outcome = write(tmp_path, [
        ["CÔNG TY TNHH HÒA BÌNH", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["BÁO CÁO TÌNH HÌNH HOẠT ĐỘNG, LAO ĐỘNG VÀ TỔ CHỨC ĐẢNG, ĐOÀN THỂ NĂM 2016"],
        ["Tên doanh nghiệp:", "Công ty TNHH Hòa Bình"], ["Mã số thuế:", "2400111222"],
        ["Khu công nghiệp:", "KCN Đình Trám, huyện Việt Yên"], ["Loại hình doanh nghiệp:", "Trong nước"],
        [], *TABLE])
    assert outcome.outcome == "accepted", codes(outcome)
    assert outcome.form.values["period"] == Period(PERIOD_YEAR, 2016)
    assert outcome.form.values["zone"] == "Đình Trám"
    [warning] = [p for p in outcome.problems if p.code == "period-from-title"]
    assert warning.cell == "A2" and "Năm 2016" in warning.message


def test_two_periods_in_the_title_lines_are_no_guess(tmp_path):
    outcome = write(tmp_path, [
        ["BÁO CÁO NĂM 2016 (so sánh với báo cáo năm 2015)"],
        ["Tên doanh nghiệp:", "Công ty TNHH Hòa Bình"], ["Mã số thuế:", "2400111222"],
        ["Khu công nghiệp:", "Đình Trám"], ["Loại hình doanh nghiệp:", "Trong nước"], [], *TABLE])
    assert outcome.outcome == "rejected"
    assert outcome.form.values["period"] is None
    assert "period-from-title" not in codes(outcome)


def test_renumbered_code_column_is_read_by_the_labels(tmp_path):
    """Row 02 deleted, then the code column refilled 01, 02, 03…: the labels decide."""
    table = [TABLE[0]] + [[n, label, f"{n:02d}", unit, value]
                          for n, (_, label, _code, unit, value) in enumerate(TABLE[1:], start=1)]
    outcome = write(tmp_path, [
        ["Tên doanh nghiệp:", "Công ty TNHH Hòa Bình"], ["Mã số thuế:", "2400111222"],
        ["Khu công nghiệp:", "Đình Trám"], ["Loại hình doanh nghiệp:", "Trong nước"],
        ["Kỳ báo cáo:", "Năm 2016"], [], *table])
    assert outcome.outcome == "accepted", codes(outcome)
    assert {k: outcome.form.values[k] for k in TABLE_VALUES} == TABLE_VALUES
    assert "codes-renumbered" in codes(outcome)
    assert "code-label-mismatch" not in codes(outcome)


def test_one_mislabelled_code_still_follows_the_code(tmp_path):
    table = [list(row) for row in TABLE]
    table[3][1] = "Số đảng viên đang làm việc tại doanh nghiệp"  # code 06 row, 10's label
    outcome = write(tmp_path, [
        ["Tên doanh nghiệp:", "Công ty TNHH Hòa Bình"], ["Mã số thuế:", "2400111222"],
        ["Khu công nghiệp:", "Đình Trám"], ["Loại hình doanh nghiệp:", "Trong nước"],
        ["Kỳ báo cáo:", "Năm 2016"], [], *table])
    assert outcome.form.values["employees_female"] == 130
    assert "code-label-mismatch" in codes(outcome)


def test_date_under_the_signature_is_when_the_return_was_made(tmp_path):
    outcome = write(tmp_path, [
        ["Tên doanh nghiệp:", "Công ty TNHH Hòa Bình"], ["Mã số thuế:", "2400111222"],
        ["Khu công nghiệp:", "Đình Trám"], ["Loại hình doanh nghiệp:", "Trong nước"],
        ["Kỳ báo cáo:", "Năm 2016"], [], *TABLE, [],
        [None, None, None, "Bắc Giang, ngày 05 tháng 01 năm 2017"],
        [None, "Người lập biểu", None, "Giám đốc"], [None, "(Ký, ghi rõ họ tên)"]])
    assert outcome.outcome == "accepted", codes(outcome)
    assert outcome.form.values["prepared_on"] == dt.date(2017, 1, 5)
    assert outcome.form.values["preparer"] is None  # "Giám đốc" beside it is no name


def test_a_sổ_with_the_office_s_own_sheet_names_is_the_ledger_and_a_return_is_not(tmp_path):
    from kcn_reports.check import process_file
    from kcn_reports.discover import InputFile

    def kind_of(name: str, sheets: dict[str, list[list]]) -> str:
        path = write_sheets(tmp_path / name, sheets)
        return process_file(InputFile(str(path), name, path.stat().st_size,
                                      path.stat().st_mtime), SETTINGS).kind

    ledger = {
        "Danh sách chi bộ": [["Tên chi bộ", "Loại", "Ngày thành lập", "Số đảng viên"],
                             ["Chi bộ Cơ quan", "Cơ quan", "01/01/2015", 12]],
        "Biến động ĐV": [["Ngày", "Chi bộ", "Loại biến động", "Số lượng"],
                         ["02/03/2016", "Chi bộ Cơ quan", "Kết nạp", 1]],
        "DS doanh nghiệp": [["MST", "Tên doanh nghiệp", "KCN", "Loại hình"],
                            ["2400111222", "Công ty TNHH Hòa Bình", "Đình Trám", "Trong nước"]],
    }
    assert kind_of("so theo doi.xlsx", ledger) == "ledger"
    a_return = {"Thông tin doanh nghiệp": [["Tên doanh nghiệp:", "Công ty TNHH Hòa Bình"]],
                "Chỉ tiêu": TABLE, "Hoạt động": [["Ghi chú"]]}
    assert kind_of("bao cao.xlsx", a_return) == "form"
