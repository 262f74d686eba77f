"""The Excel summary and the official table: open the written workbooks and check their content."""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from helpers import write_ledger
from hypothesis import given
from hypothesis import strategies as st

from kcn_reports import excel_summary
from kcn_reports.blank_form import TEMPLATE_SHEET, input_cells, write_blank_form
from kcn_reports.check import CheckReport, check_inputs
from kcn_reports.context import MovementRow, ReportContext
from kcn_reports.excel_summary import (
    OFFICIAL_SHEET,
    SHEET_COMPLETENESS,
    SHEET_DETAIL,
    SHEET_FILES,
    SHEET_MOVEMENTS,
    SHEET_PROBLEMS,
    SHEET_SUMMARY,
    SHEETS,
    write_official_table,
    write_summary,
)
from kcn_reports.figures import ANNUAL, ReportPeriod, build_context, zone_tables
from kcn_reports.formdef import FIELDS, OWNERSHIP_LABELS, PERIOD_YEAR, Period
from kcn_reports.parse import FormReturn
from kcn_reports.settings import load_settings
from kcn_reports.word_report import resource

SETTINGS = load_settings(None)
ZONES = [z.name for z in SETTINGS.zones]
TODAY = dt.date(2017, 2, 1)

INJECTIONS = ("=1+1", "@SUM(A1)", '=HYPERLINK("http://evil.example","Bấm vào đây")')


def form(name, tax, zone, ownership, employees, female, foreign, party, union, youth,
         revenue, budget, **extra):
    values = {
        "name": name, "tax_code": tax, "zone": zone,
        "ownership": ("Doanh nghiệp có vốn đầu tư nước ngoài (FDI)" if ownership == "fdi"
                      else "Doanh nghiệp trong nước"),
        "investor_country": "Hàn Quốc" if ownership == "fdi" else None,
        "industry": "Điện tử", "period": "Năm 2016", "preparer": "Nguyễn Thị Hoa",
        "phone": "0912 345 678", "prepared_on": "15/01/2017",
        "revenue": revenue, "exports": 0, "imports": 0, "budget_paid": budget,
        "employees": employees, "employees_female": female, "employees_foreign": foreign,
        "avg_income": 7.25, "has_party_org": "Có" if party >= 3 else "Không",
        "party_members": party, "party_members_not_transferred": 0,
        "owner_is_party_member": "Không", "candidates": 1,
        "has_union": "Có" if union else "Không",
        "union_founded_on": "05/03/2015" if union else None, "union_members": union,
        "has_youth_union": "Có" if youth else "Không", "youth_members": youth,
    }
    values.update(extra)
    return values


# relpath -> values typed into the blank form
RETURNS = {
    "Đình Trám/hong hai.xlsx": form("Công ty TNHH Hồng Hải", "2400000001", "Đình Trám", "fdi",
                                    1200, 800, 10, 12, 1000, 150, 52000.5, 1500),
    # An earlier return of the same enterprise: superseded, so never counted.
    "Đình Trám/hong hai (cu).xlsx": form("Công ty TNHH Hồng Hải", "2400000001", "Đình Trám",
                                         "fdi", 1100, 700, 9, 11, 900, 100, 50000, 1400,
                                         prepared_on="05/01/2017"),
    "Đình Trám/cong thuc.xlsx": form(INJECTIONS[0], "2400000002", "Đình Trám", "domestic",
                                     300, 120, 0, 5, 250, 40, 8000, 400.25,
                                     owner_is_party_member="Có"),
    "Quang Châu/sum.xlsx": form(INJECTIONS[1], "2400000003", "Quang Châu", "fdi",
                                2000, 1500, 25, 3, 1800, 0, 120000, 3000),
    # Two party members but "has a party organisation": a warning, still counted.
    "Quang Châu/hyperlink.xlsx": form(INJECTIONS[2], "2400000004", "Quang Châu", "domestic",
                                      150, 90, 0, 2, 0, 0, 3000, 100, has_party_org="Có"),
    # More women than employees: an error, so the file is rejected.
    "Vân Trung/sai so.xlsx": form("Công ty TNHH Sai Số", "2400000005", "Vân Trung", "fdi",
                                  100, 150, 0, 0, 80, 0, 900, 10),
    # Not in the Sổ theo dõi: accepted with a warning.
    "moi den.xlsx": form("Công ty TNHH Mới Đến", "2400000009", "Song Khê – Nội Hoàng",
                         "domestic", 50, 20, 0, 0, 0, 0, 500, 5),
}
ACCEPTED_PATHS = ["Đình Trám/hong hai.xlsx", "Đình Trám/cong thuc.xlsx", "Quang Châu/sum.xlsx",
                  "Quang Châu/hyperlink.xlsx", "moi den.xlsx"]
ENTERPRISES = [  # the ledger's Doanh nghiệp sheet
    ("2400000001", "Công ty TNHH Hồng Hải", "Đình Trám", "FDI"),
    ("2400000002", "Công ty CP Công Thức", "Đình Trám", "Trong nước"),
    ("2400000007", "Công ty CP Vắng Mặt", "Đình Trám", "Trong nước"),
    ("2400000003", "Công ty TNHH Tổng", "Quang Châu", "FDI"),
    ("2400000004", "Công ty CP Siêu Liên Kết", "Quang Châu", "Trong nước"),
    ("2400000005", "Công ty TNHH Sai Số", "Vân Trung", "FDI"),
    ("2400000006", "Công ty TNHH Chưa Gửi", "Vân Trung", "FDI"),
]
MISSING = {"2400000005", "2400000006", "2400000007"}


def fill_form(path: Path, values: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_blank_form(path, ZONES)
    book = openpyxl.load_workbook(path)
    sheet = book[TEMPLATE_SHEET]
    for key, address in input_cells().items():
        if values.get(key) is not None:
            sheet[address] = values[key]
            # What an enterprise gets by typing '=1+1 (leading apostrophe): text, not formula.
            sheet[address].data_type = "s" if isinstance(values[key], str) else \
                sheet[address].data_type
    book.save(path)


def write_sample_ledger(path: Path) -> None:
    rows: dict[str, list[list[Any]]] = {
        "enterprises": [[tax, name, zone, owner, "Hàn Quốc" if owner == "FDI" else None, None,
                         None] for tax, name, zone, owner in ENTERPRISES],
        "cells": [["Chi bộ Công ty TNHH Hồng Hải", "Doanh nghiệp", "2400000001",
                   dt.datetime(2015, 3, 1), None, 12]],
        "movements": [[dt.datetime(2016, 5, 10), "Chi bộ Công ty TNHH Hồng Hải", "Kết nạp", 3,
                       "2400000001", None]],
    }
    write_ledger(path, **rows)


PERIOD = ReportPeriod(ANNUAL, dt.date(2015, 12, 31), dt.date(2016, 12, 31), TODAY,
                      Period(PERIOD_YEAR, 2016))


def context_of(report: CheckReport) -> ReportContext:
    """The context the run builds, with an issuing body that looks like a formula and a Biểu
    1-BTCTW row whose D was recorded wrong (A + B − C = 13, not 15)."""
    built = build_context(report, SETTINGS, PERIOD)
    movements = [
        MovementRow("Chi bộ Cơ quan Ban Quản lý", a=12, admitted=4, transferred_in=6, died=1,
                    transferred_out=2, d=19, check="Khớp"),
        MovementRow("Chi bộ Công ty TNHH Hồng Hải", a=8, admitted=3, transferred_in=2, d=15,
                    check="Lệch 2 (xem Kiểm tra dữ liệu)"),
    ]
    total = MovementRow("Tổng cộng", a=20, admitted=7, transferred_in=8, died=1,
                        transferred_out=2, d=34, check="Lệch 2 (xem Kiểm tra dữ liệu)",
                        kind="total")
    return replace(built, org=replace(built.org, issuing_body="=cmd|' /C calc'!A0"),
                   movements=movements, movements_total=total)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> CheckReport:
    inputs = tmp_path_factory.mktemp("inputs")
    for relpath, values in RETURNS.items():
        fill_form(inputs / relpath, values)
    write_sample_ledger(inputs / "Sổ theo dõi.xlsx")
    (inputs / "~$hong hai.xlsx").write_bytes(b"lock")
    (inputs / "ghi chú.txt").write_text("không phải báo cáo", encoding="utf-8")
    return check_inputs(inputs, SETTINGS, jobs=1, today=TODAY)


@pytest.fixture(scope="module")
def context(report) -> ReportContext:
    return context_of(report)


@pytest.fixture(scope="module")
def summary(report, context, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("outputs") / "Tổng hợp.xlsx"
    write_summary(path, context, report)
    return path


@pytest.fixture(scope="module")
def book(summary):
    return openpyxl.load_workbook(summary)


def rows_of(sheet) -> list[list]:
    return [[c.value for c in row] for row in sheet.iter_rows()]


def find_row(sheet, col: int, value) -> int:
    """1-based row of the first cell in column `col` (1-based) equal to `value`."""
    for row in range(1, sheet.max_row + 1):
        if sheet.cell(row, col).value == value:
            return row
    raise AssertionError(f"{value!r} not in column {col} of {sheet.title}")


def header_map(sheet, row: int) -> dict[str, int]:
    return {c.value: c.column for c in sheet[row] if isinstance(c.value, str)}


def test_report_fixture_is_as_intended(report):
    outcomes = {f.relpath: f.outcome for f in report.files}
    assert sorted(p for p, o in outcomes.items() if o == "accepted" and p.endswith(".xlsx")
                  and "Sổ" not in p) == sorted(ACCEPTED_PATHS)
    assert outcomes["Vân Trung/sai so.xlsx"] == "rejected"
    assert outcomes["Đình Trám/hong hai (cu).xlsx"] == "superseded"
    assert outcomes["~$hong hai.xlsx"] == "skipped"


def test_sheets_in_order_and_summary_active(book, summary):
    assert book.sheetnames == list(SHEETS)
    assert book.sheetnames[:5] == [SHEET_SUMMARY, SHEET_DETAIL, SHEET_COMPLETENESS,
                                   SHEET_PROBLEMS, SHEET_MOVEMENTS]
    assert book.active.title == SHEET_SUMMARY
    assert book.properties.title.startswith("Tổng hợp số liệu doanh nghiệp")
    assert "Năm 2016" in book.properties.title


def zone_table(sheet) -> tuple[list[str], list[list]]:
    header = find_row(sheet, 1, "KCN")
    headers = [c.value for c in sheet[header]]
    rows = []
    for row in range(header + 1, sheet.max_row + 1):
        values = [c.value for c in sheet[row]][: len(headers)]
        rows.append(values)
        if values[0] == "TỔNG CỘNG":
            break
    return headers, rows


def test_zone_subtotals_and_grand_total_equal_the_returns(book, report):
    headers, rows = zone_table(book[SHEET_SUMMARY])
    assert headers[:3] == ["KCN", "Loại hình", "Số DN báo cáo"]
    assert "Doanh thu (triệu đồng)" in headers and "Nộp ngân sách (triệu đồng)" in headers
    column = {"employees": headers.index("Lao động"),
              "party": headers.index("Đảng viên làm việc tại DN (Mã số 10)"),
              "revenue": headers.index("Doanh thu (triệu đồng)"),
              "budget": headers.index("Nộp ngân sách (triệu đồng)"),
              "count": headers.index("Số DN báo cáo")}
    forms = report.accepted_forms(report.period)
    keys = {"employees": "employees", "party": "party_members", "revenue": "revenue",
            "budget": "budget_paid"}
    subtotals = {r[0]: r for r in rows if r[1] == "Cộng"}
    assert list(subtotals) == ZONES  # every zone of the settings, in their order
    for zone, row in subtotals.items():
        mine = [f for f in forms if f.values["zone"] == zone]
        assert row[column["count"]] == len(mine)
        for name, key in keys.items():
            assert row[column[name]] == pytest.approx(sum(f.values[key] for f in mine)), (zone, name)
    grand = rows[-1]
    assert grand[0] == "TỔNG CỘNG"
    # The superseded and the rejected returns are not counted.
    assert grand[column["employees"]] == 1200 + 300 + 2000 + 150 + 50
    assert grand[column["revenue"]] == pytest.approx(52000.5 + 8000 + 120000 + 3000 + 500)
    assert grand[column["count"]] == 5
    for col in range(2, len(headers)):
        assert sum(r[col] for r in subtotals.values()) == pytest.approx(grand[col])
        # FDI + trong nước rows add up to each zone's subtotal.
        for zone, sub in subtotals.items():
            detail = [r for r in rows if r[0] == zone and r[1] in ("FDI", "Trong nước")]
            assert sum(r[col] for r in detail) == pytest.approx(sub[col])
    # Ownership split of Đình Trám.
    fdi = next(r for r in rows if r[0] == "Đình Trám" and r[1] == "FDI")
    assert fdi[column["employees"]] == 1200 and fdi[column["count"]] == 1


def test_numbers_are_numeric_cells_not_text(book):
    sheet = book[SHEET_SUMMARY]
    header = find_row(sheet, 1, "KCN")
    for row in sheet.iter_rows(min_row=header + 1, max_row=header + 6, min_col=3, max_col=11):
        for cell in row:
            assert cell.data_type == "n" and isinstance(cell.value, int | float), cell.coordinate
            assert cell.number_format in ("#,##0", "#,##0.0")
    detail = book[SHEET_DETAIL]
    columns = header_map(detail, 3)
    employees = next(c for h, c in columns.items() if h.startswith("Tổng số lao động"))
    prepared = columns["Ngày lập"]
    assert all(isinstance(detail.cell(r, employees).value, int) for r in range(4, 9))
    assert detail.cell(4, prepared).value == dt.datetime(2017, 1, 15)
    assert detail.cell(4, prepared).number_format == "dd/mm/yyyy"


def test_key_figures_block(book):
    sheet = book[SHEET_SUMMARY]
    row = find_row(sheet, 1, "Số chi bộ cuối kỳ")
    assert sheet.cell(row, 5).value == 1  # the ledger's one cell
    row = find_row(sheet, 1, "Số đảng viên cuối kỳ")
    assert sheet.cell(row, 5).value == 12  # its "Số đảng viên"
    row = find_row(sheet, 1, "Số đảng viên đầu kỳ")
    assert sheet.cell(row, 5).value == 9  # 12 less the 3 admitted in 2016
    row = find_row(sheet, 1, "Đảng viên đang làm việc tại các doanh nghiệp đã báo cáo")
    assert sheet.cell(row, 5).value == 12 + 5 + 3 + 2 + 0
    row = find_row(sheet, 1, "Tỷ lệ doanh nghiệp gửi báo cáo")
    assert sheet.cell(row, 5).value == pytest.approx(4 / 7)
    assert sheet.cell(row, 5).number_format == "0.0%"
    row = find_row(sheet, 1, "Thời điểm cuối kỳ")
    assert sheet.cell(row, 5).value == dt.datetime(2016, 12, 31)


def test_text_from_inputs_never_becomes_a_formula(book, summary):
    detail = book[SHEET_DETAIL]
    names = {}
    name_col = header_map(detail, 3)["Tên doanh nghiệp"]
    for row in range(4, detail.max_row + 1):
        cell = detail.cell(row, name_col)
        names[cell.value] = cell.data_type
    for injected in INJECTIONS:
        assert names[injected] == "s", injected
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    with zipfile.ZipFile(summary) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                xml = archive.read(name).decode()
                assert "<f>" not in xml and "<f " not in xml, name


def test_detail_has_every_formdef_field_typed(book, report):
    detail = book[SHEET_DETAIL]
    headers = [c.value for c in detail[3]]
    assert headers[0] == "STT" and headers[-1] == "Tệp nguồn"
    assert headers[1:-1] == [excel_summary._detail_header(f) for f in FIELDS]
    assert "Doanh thu thuần (triệu đồng)\n(Mã số 01)" in headers
    assert detail.max_row == 3 + len(ACCEPTED_PATHS)
    columns = {f.key: i + 2 for i, f in enumerate(FIELDS)}
    row = find_row(detail, columns["name"], "Công ty TNHH Hồng Hải")
    cell = lambda key: detail.cell(row, columns[key]).value  # noqa: E731
    assert cell("tax_code") == "2400000001"
    assert cell("ownership") == OWNERSHIP_LABELS["fdi"]
    assert cell("period") == "Năm 2016"
    assert cell("has_party_org") == "Có" and cell("has_youth_union") == "Có"
    assert cell("owner_is_party_member") == "Không"
    assert cell("union_founded_on") == dt.datetime(2015, 3, 5)
    assert cell("revenue") == pytest.approx(52000.5)
    assert cell("avg_income") == pytest.approx(7.25)
    assert detail.cell(row, len(headers)).value == "Đình Trám/hong hai.xlsx"
    assert detail.freeze_panes == "C4"
    assert detail.auto_filter.ref == f"A3:{detail.cell(3, len(headers)).column_letter}8"


def test_problem_rows_show_file_cell_and_message(book, report):
    sheet = book[SHEET_PROBLEMS]
    headers = header_map(sheet, 3)
    assert list(headers) == ["STT", "Mức độ", "Mã lỗi", "Tệp", "Sheet", "Ô", "Trường",
                             "Giá trị", "Nội dung", "Cách sửa"]
    row = find_row(sheet, headers["Mã lỗi"], "exceeds-total")
    value = lambda name: sheet.cell(row, headers[name]).value  # noqa: E731
    assert value("Mức độ") == "Lỗi"
    assert value("Tệp") == "Vân Trung/sai so.xlsx"
    assert value("Ô") == input_cells()["employees_female"]
    assert value("Sheet") == TEMPLATE_SHEET
    assert value("Trường") == "Trong đó: Lao động nữ (Mã số 06)"
    assert "lớn hơn" in value("Nội dung") and value("Cách sửa")
    assert sheet.cell(row, 1).fill.fgColor.rgb.endswith("FFC7CE")
    warning = find_row(sheet, headers["Mã lỗi"], "party-org-too-small")
    assert sheet.cell(warning, headers["Mức độ"]).value == "Cảnh báo"
    assert sheet.cell(warning, headers["Tệp"]).value == "Quang Châu/hyperlink.xlsx"
    assert sheet.cell(warning, 1).fill.fgColor.rgb.endswith("FFF2CC")
    assert sheet.max_row - 3 == len(report.problems)
    # Sorted by file, errors before warnings within a file.
    listed = [(sheet.cell(r, headers["Tệp"]).value, sheet.cell(r, headers["Mức độ"]).value)
              for r in range(4, sheet.max_row + 1)]
    files = [name for name, _ in listed]
    assert len({name for name in files}) == len([n for i, n in enumerate(files)
                                                if i == 0 or files[i - 1] != n])
    for name in set(files):
        severities = [s for n, s in listed if n == name]
        assert severities == sorted(severities, key=lambda s: s != "Lỗi")
    assert sheet.freeze_panes == "A4"
    assert sheet.auto_filter.ref == f"A3:J{sheet.max_row}"


def test_every_file_listed_once_with_its_outcome(book, report):
    sheet = book[SHEET_FILES]
    headers = header_map(sheet, 3)
    listed = {sheet.cell(r, headers["Tệp"]).value: sheet.cell(r, headers["Kết quả"]).value
              for r in range(4, sheet.max_row + 1)}
    assert sheet.max_row - 3 == len(report.files) == len(listed)
    assert set(listed) == {f.relpath for f in report.files}
    assert listed["Vân Trung/sai so.xlsx"] == "Loại"
    assert listed["Đình Trám/hong hai (cu).xlsx"] == "Bị thay thế"
    assert listed["~$hong hai.xlsx"] == "Bỏ qua"
    assert listed["Quang Châu/sum.xlsx"] == "Nhận"
    reason = sheet.cell(find_row(sheet, headers["Tệp"], "Đình Trám/hong hai (cu).xlsx"),
                        headers["Lý do"]).value
    assert "Đình Trám/hong hai.xlsx" in reason
    assert sheet.auto_filter.ref and sheet.freeze_panes == "A4"


def list_below(sheet, title: str) -> list[dict[str, Any]]:
    """The rows of the list titled `title` (its header row follows the title or sits beside
    it), as header -> value, up to the first blank row."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value == title:
                header_row = cell.row + 1
                first_col = cell.column
                headers = {}
                col = first_col
                while sheet.cell(header_row, col).value:
                    headers[sheet.cell(header_row, col).value] = col
                    col += 1
                found = []
                r = header_row + 1
                while isinstance(sheet.cell(r, first_col).value, int):
                    found.append({h: sheet.cell(r, c).value for h, c in headers.items()})
                    r += 1
                return found
    raise AssertionError(f"{title!r} not in {sheet.title}")


def test_completeness_by_zone_rejected_and_missing_apart(book):
    sheet = book[SHEET_COMPLETENESS]
    headers = header_map(sheet, 4)
    for name in ("KCN", "Phải báo cáo", "Đã nhận (hợp lệ)", "Tỷ lệ (%)", "Bị loại, chờ sửa",
                 "Chưa gửi"):
        assert name in headers
    row = find_row(sheet, 1, "Đình Trám")
    assert [sheet.cell(row, c).value for c in range(2, 7)] == [3, 2, pytest.approx(2 / 3), 0, 1]
    assert sheet.cell(row, 4).number_format == "0.0%"
    # Vân Trung: one enterprise sent a return that was rejected, the other sent nothing.
    row = find_row(sheet, 1, "Vân Trung")
    assert [sheet.cell(row, c).value for c in range(2, 7)] == [2, 0, 0, 1, 1]
    total = find_row(sheet, 1, "Tổng cộng")
    assert [sheet.cell(total, c).value for c in (2, 3, 5, 6)] == [7, 4, 1, 2]
    rejected = list_below(sheet, "Doanh nghiệp đã gửi nhưng báo cáo bị loại (chờ bản sửa)")
    assert rejected == [{"STT": 1, "KCN": "Vân Trung", "Mã số thuế": "2400000005",
                         "Tên doanh nghiệp": "Công ty TNHH Sai Số",
                         "Tệp bị loại": "Vân Trung/sai so.xlsx", "Số lỗi": 1}]
    missing = {r["Mã số thuế"]: r["Tên doanh nghiệp"]
               for r in list_below(sheet, "Doanh nghiệp chưa gửi báo cáo")}
    assert set(missing) == MISSING - {"2400000005"}
    assert missing["2400000006"] == "Công ty TNHH Chưa Gửi"
    assert all(isinstance(t, str) for t in missing)
    assert "4/7 doanh nghiệp đã gửi báo cáo hợp lệ (57,1%); 1 doanh nghiệp nữa đã gửi nhưng " \
           "báo cáo bị loại, đang chờ bản sửa; 2 doanh nghiệp chưa gửi." == sheet["A2"].value
    assert sheet.freeze_panes == "A5"


def test_native_charts_exist(summary):
    with zipfile.ZipFile(summary) as archive:
        names = set(archive.namelist())
        assert {"xl/charts/chart1.xml", "xl/charts/chart2.xml"} <= names
        charts = archive.read("xl/charts/chart1.xml").decode() + \
            archive.read("xl/charts/chart2.xml").decode()
    assert "<c:barChart>" in charts and "<c:lineChart>" in charts


def test_movements_table_checks_each_row(book):
    sheet = book[SHEET_MOVEMENTS]
    top = find_row(sheet, 1, "Chi bộ")
    assert [sheet.cell(top, c).value for c in (2, 3, 6, 9)] == [
        "A. Đầu kỳ", "B. Tăng", "C. Giảm", "D. Cuối kỳ"]
    assert [sheet.cell(top + 1, c).value for c in range(3, 9)] == [
        "Kết nạp", "Chuyển đến", "Khác", "Từ trần", "Chuyển đi", "Khác"]
    assert f"A{top}:A{top + 1}" in {str(r) for r in sheet.merged_cells.ranges}
    good = find_row(sheet, 1, "Chi bộ Cơ quan Ban Quản lý")
    assert sheet.cell(good, 9).value == 19 and sheet.cell(good, 10).value == 19
    assert sheet.cell(good, 11).value == "Khớp"
    bad = find_row(sheet, 1, "Chi bộ Công ty TNHH Hồng Hải")
    assert sheet.cell(bad, 9).value == 15 and sheet.cell(bad, 10).value == 13
    assert sheet.cell(bad, 11).value == "Lệch 2 (xem Kiểm tra dữ liệu)"
    assert sheet.cell(bad, 11).fill.fgColor.rgb.endswith("FFC7CE")
    total = find_row(sheet, 1, "Tổng cộng")
    assert sheet.cell(total, 2).value == 20 and sheet.cell(total, 9).value == 34


def test_without_ledger_the_completeness_sheet_says_so(report, tmp_path):
    bare = CheckReport(report.inputs, report.files, report.period)
    path = tmp_path / "out.xlsx"
    write_summary(path, build_context(bare, SETTINGS, PERIOD), bare)
    sheet = openpyxl.load_workbook(path)[SHEET_COMPLETENESS]
    text = " ".join(str(v) for row in rows_of(sheet) for v in row if v)
    assert "Không có Sổ theo dõi" in text
    # Without a Sổ the settings baseline (35 members) is all the report knows: one row says so,
    # so that Biểu 1-BTCTW still adds up to the text's numbers.
    movements = openpyxl.load_workbook(path)[SHEET_MOVEMENTS]
    row = find_row(movements, 1, "Chưa ghi theo chi bộ (theo mốc ban đầu)")
    assert [movements.cell(row, c).value for c in (2, 9, 11)] == [35, 35, "Khớp"]


def test_write_is_atomic(report, context, tmp_path, monkeypatch):
    path = tmp_path / "out.xlsx"
    path.write_bytes(b"earlier output")

    def broken(*args):
        raise RuntimeError("interrupted")

    monkeypatch.setattr(excel_summary, "_write_problems", broken)
    with pytest.raises(RuntimeError):
        write_summary(path, context, report)
    assert path.read_bytes() == b"earlier output"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


def test_official_table_filled_and_unknown_placeholders_reported(context, tmp_path):
    template = tmp_path / "bieu.xlsx"
    template.write_bytes(resource("bieu_tong_hop.xlsx").read_bytes())
    book = openpyxl.load_workbook(template)
    sheet = book[OFFICIAL_SHEET]
    assert "BIỂU TỔNG HỢP TÌNH HÌNH TỔ CHỨC ĐẢNG" in sheet["A5"].value
    # The office adds its own lines to the template, one of them misspelt.
    extra = sheet.max_row + 2
    sheet.cell(extra, 2, "Tổng: {{ labour.employees }} người, {{ labour.employes }}")
    sheet.cell(extra + 1, 4, "{{ party.chi_bo }}")
    sheet.cell(extra + 2, 2, "{{ org.issuing_body }}")
    book.save(template)

    out = tmp_path / "out" / "bieu tong hop.xlsx"
    warnings, cells = write_official_table(template, context, out)
    filled = openpyxl.load_workbook(out)[OFFICIAL_SHEET]

    def value_of(label: str):
        return filled.cell(find_row(filled, 2, label), 4)

    assert value_of("Số chi bộ cuối kỳ").value == 1
    assert value_of("Số chi bộ đầu kỳ").value == 1
    assert value_of("Số đảng viên cuối kỳ").value == 12
    assert value_of("Trong đó: đảng viên làm việc trong doanh nghiệp FDI").value == 15
    assert value_of("Chủ doanh nghiệp trong nước là đảng viên").value == 1
    assert value_of("Đoàn viên công đoàn").value == 3050
    assert value_of("Tổng số lao động").value == 3700
    assert value_of("Số chi bộ cuối kỳ").data_type == "n"
    rate = value_of("Tỷ lệ doanh nghiệp gửi báo cáo")
    assert rate.value == pytest.approx(4 / 7) and rate.number_format == "0.0%"
    assert filled["A1"].value == "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH"
    assert filled["C3"].value == "Bắc Giang, ngày 01 tháng 02 năm 2017"
    assert filled["A6"].value == ("Kỳ báo cáo: năm 2016 (từ 01/01/2016 đến 31/12/2016); số liệu "
                                  "doanh nghiệp: báo cáo năm 2016")
    # A cell that cannot be rendered whole is left as the office wrote it, and said.
    assert filled.cell(extra, 2).value == "Tổng: {{ labour.employees }} người, {{ labour.employes }}"
    assert filled.cell(extra + 1, 4).value == "{{ party.chi_bo }}"
    injected = filled.cell(extra + 2, 2)
    assert injected.value == "=cmd|' /C calc'!A0" and injected.data_type == "s"
    assert len(warnings) == 2
    assert any("không có số liệu «labour.employes»" in w and f"B{extra}" in w for w in warnings)
    assert any("chi_bo" in w for w in warnings)
    # Every cell that is one figure is listed, to be checked against figures.json.
    by_path = {c.path: c for c in cells}
    assert filled[by_path["party.members_end"].address].value == 12
    assert "labour.employees" in by_path and "org.issuing_body" not in by_path
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]
    for row in filled.iter_rows():
        for cell in row:
            assert cell.data_type != "f"


def test_official_table_filters_and_bad_filter(context, tmp_path):
    template = tmp_path / "t.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "{{ enterprises.rate | vn_percent }}"
    sheet["A2"] = "{{ labour.employees | vn_over(1000) }} lao động"
    sheet["A3"] = "{{ labour.employees | no_such_filter }}"
    sheet["A4"] = "{{ report.end }}"
    sheet["A5"] = "{{ by_zone }}"
    sheet["A6"] = "{% if party.admitted is nonzero %}Kết nạp {{ party.admitted }}{% else %}Chưa kết nạp{% endif %}"
    sheet["A7"] = "{{ by_zone[0].zone }}: {{ by_zone[0].employees | vn_number }}"
    book.save(template)
    warnings, _ = write_official_table(template, context, tmp_path / "o.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "o.xlsx").active
    assert sheet["A1"].value == "57,1%"
    assert sheet["A2"].value == "hơn 3.000 lao động"
    assert sheet["A3"].value == "{{ labour.employees | no_such_filter }}"
    assert sheet["A4"].value == dt.datetime(2016, 12, 31)
    assert sheet["A4"].number_format == "dd/mm/yyyy"
    assert sheet["A5"].value == "{{ by_zone }}"
    assert sheet["A6"].value == "Kết nạp 3"  # the ledger's one admission of 2016
    assert sheet["A7"].value == "Đình Trám: 1.500"  # Hồng Hải 1.200 + Công Thức 300
    assert len(warnings) == 2 and "không có bộ lọc «no_such_filter»" in warnings[0]


zone_names = st.sampled_from(["Đình Trám", "Quang Châu", "Vân Trung", None])
form_values = st.fixed_dictionaries({
    "zone": zone_names,
    "ownership": st.sampled_from(["fdi", "domestic", None]),
    **{key: st.one_of(st.none(), st.integers(0, 10**6))
       for key in ("employees", "employees_female", "employees_foreign", "party_members",
                   "union_members", "youth_members")},
    **{key: st.one_of(st.none(), st.floats(0, 1e9, allow_nan=False))
       for key in ("revenue", "budget_paid")},
})


@given(st.lists(form_values, max_size=30))
def test_totals_by_zone_sum_to_the_grand_total(values):
    forms = [FormReturn(relpath=f"{i}.xlsx", values=v) for i, v in enumerate(values)]
    rows, total, detail = zone_tables(forms, SETTINGS)
    assert [r.zone for r in rows][:len(ZONES)] == ZONES
    assert total.enterprises == len(forms) == sum(r.enterprises for r in rows)
    for column, key in (("employees", "employees"), ("female", "employees_female"),
                        ("party_members", "party_members"), ("revenue", "revenue"),
                        ("budget_paid", "budget_paid")):
        direct = sum(v[key] or 0 for v in values)
        assert getattr(total, column) == pytest.approx(direct)
        assert sum(getattr(r, column) for r in rows) == pytest.approx(direct)
        for row in rows:  # FDI + domestic (+ unknown) rows add up to each zone's row
            mine = [d for d in detail if d.zone == row.zone]
            assert sum(getattr(d, column) for d in mine) == pytest.approx(getattr(row, column))


def test_empty_inputs_still_give_a_complete_workbook(tmp_path):
    path = tmp_path / "trống.xlsx"
    empty = CheckReport(tmp_path, [])
    write_summary(path, build_context(empty, SETTINGS, PERIOD), empty)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == list(SHEETS)
    _, rows = zone_table(book[SHEET_SUMMARY])
    assert rows[-1] == ["TỔNG CỘNG", "", 0, 0, 0, 0, 0, 0, 0, 0, 0]
    assert all(value == 0 for row in rows for value in row[2:])
    problems = book[SHEET_PROBLEMS]
    assert problems.cell(4, 1).value == "Không phát hiện lỗi hoặc cảnh báo nào."
