"""The Sổ theo dõi as an office clerk keeps it: own titles, own words, headers on two lines, a
row of column numbers, totals and signatures, and bad rows among good ones. A bad row costs
that row (located, and listed as left out), never the workbook."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
from click.testing import CliRunner
from helpers import AS_TYPED, SETTINGS, fill

from kcn_reports.check import ACCEPTED, REJECTED, check_inputs
from kcn_reports.cli import cli
from kcn_reports.figures import ANNUAL, build_context, report_period

D = dt.date
TODAY = D(2016, 11, 26)


def _letterhead(sheet, lines):
    for row, text in enumerate(lines, 1):
        sheet.cell(row, 1, text)


def clerks_ledger(path):
    """A workbook typed by hand, not made from our blank one."""
    book = openpyxl.Workbook()
    book.remove(book.active)

    # -- Chi bộ: title block, own column order, "STT", a row of column numbers, a total.
    ws = book.create_sheet("Chi bộ")
    _letterhead(ws, ["ĐẢNG BỘ CÁC KHU CÔNG NGHIỆP", "DANH SÁCH CHI BỘ TRỰC THUỘC",
                     "(Cập nhật ngày 25/11/2016)"])
    ws.merge_cells("A2:H2")
    header = ["STT", "Tên chi bộ", "Ngày thành lập", "Loại chi bộ", "Số ĐV hiện có",
              "Mã số thuế doanh nghiệp", "Ngày giải thể (nếu có)", "Ghi chú"]
    for col, text in enumerate(header, 1):
        ws.cell(5, col, text)
    for col in range(1, 9):
        ws.cell(6, col, f"({col})")
    rows = [
        [1, "Chi bộ Cơ quan Ban quản lý", dt.datetime(2010, 1, 1), "Chi bộ cơ quan", 22, None, None, None],
        [2, "Chi bộ Các doanh nghiệp", "01/01/2011", "Chi bộ ghép", 18, None, None, "5 DN"],
        [3, "Chi bộ Công ty A&B", dt.datetime(2015, 9, 2), "Doanh nghiệp", 5, "0101234567", None, None],
        [4, "Chi bộ Công ty Cũ", dt.datetime(2016, 3, 1), "Doanh nghiệp", 3, None, "01/02/2016", None],
    ]
    for r, values in enumerate(rows, 7):
        for col, value in enumerate(values, 1):
            ws.cell(r, col, value)
    ws.cell(11, 2, "Cộng")
    ws.cell(11, 5, 48)
    ws.cell(13, 6, "Người lập")

    # -- Biến động: twelve lines of letterhead, a two-line header with "Biến động" merged over
    # its two sub-columns, blank rows, a group heading, bad rows, a total and a signature.
    ws = book.create_sheet("Biến động đảng viên")
    _letterhead(ws, ["ĐẢNG BỘ CÁC KHU CÔNG NGHIỆP", "VĂN PHÒNG", "", "SỔ THEO DÕI BIẾN ĐỘNG ĐẢNG VIÊN",
                     "Năm 2015 - 2016", "", "Người giữ sổ: đồng chí Trần Văn Bình",
                     "Ghi chú: ghi mỗi lần biến động một dòng", "", "", ""])
    for col, text in enumerate(["STT", "Ngày, tháng", "Chi bộ", "Biến động", None,
                                "Mã số thuế DN", "Ghi chú"], 1):
        ws.cell(12, col, text)
    ws.cell(13, 4, "Hình thức")
    ws.cell(13, 5, "Số lượng (người)")
    ws.merge_cells("D12:E12")
    for col in (1, 2, 3, 6, 7):
        ws.merge_cells(start_row=12, start_column=col, end_row=13, end_column=col)
    movements = {
        15: [1, dt.datetime(2015, 3, 1), "Chi bộ Cơ quan Ban quản lý", "Kết nạp mới", 2, None, None],
        16: [2, "02/09/2015", "Chi bộ Công ty A&B", "Chuyển sinh hoạt đến", "3", "0101234567",
             "Thành lập chi bộ"],
        17: [None, "Năm 2016", None, None, None, None, None],
        18: [3, dt.datetime(2016, 4, 1), "Chi bộ Công ty A&B", "1. Kết nạp", 2, "0101234567", None],
        19: [4, dt.datetime(2016, 5, 1), "Chi bộ Các doanh nghiệp", "Kết nạp đảng viên", 4, None, None],
        20: [5, dt.datetime(2016, 6, 1), "Chi bộ Các doanh nghiệp", "Chuyển đi (đến Đảng bộ huyện)",
             1, None, None],
        21: [6, dt.datetime(2016, 7, 2), "Chi bộ Cơ quan Ban quản lý", "Thăng chức", 1, None, None],
        22: [7, dt.datetime(2016, 8, 15), "Chi bộ Công ty A&B", "Kết nạp", "hai", None, None],
        23: [8, "31/02/2016", "Chi bộ Cơ quan Ban quản lý", "Từ trần", 1, None, None],
        24: [9, dt.datetime(2016, 9, 1), "Chi bộ Cơ quan Ban quản lý", "Chuyển đến, chuyển đi", 1,
             None, None],
        # The cell of row 10 of "Chi bộ" (left out there): this row is still a good record.
        25: [10, dt.datetime(2016, 3, 1), "Chi bộ Công ty Cũ", "Chuyển đến", 3, None, None],
        26: [None, "Tổng cộng", None, None, 15, None, None],
        28: [None, None, None, None, None, "Người lập sổ", None],
        29: [None, None, None, None, None, "(ký, ghi rõ họ tên)", None],
    }
    for r, values in movements.items():
        for col, value in enumerate(values, 1):
            if value is not None:
                ws.cell(r, col, value)

    # -- Hoạt động: its own headers (FDI sub-column), one unknown activity.
    ws = book.create_sheet("Hoạt động")
    ws.cell(1, 1, "CÁC HOẠT ĐỘNG CỦA ĐẢNG BỘ NĂM 2016")
    for col, text in enumerate(["TT", "Thời gian", "Hình thức hoạt động", "Nội dung",
                                "Số người tham gia", "Trong đó: số người từ DN FDI", "MST"], 1):
        ws.cell(3, col, text)
    activities = [
        [1, dt.datetime(2016, 3, 10), "Lớp BDNT về Đảng", "Lớp nhận thức về Đảng khóa 1", 45, 30, None],
        [2, dt.datetime(2016, 4, 20), "Tiếp cận DN", "Làm việc với Công ty A&B", 5, None, "0101234567"],
        [3, dt.datetime(2016, 5, 19), "Giao lưu văn nghệ, thể thao", "Hội thao 19/5", 200, 150, None],
        [4, dt.datetime(2016, 6, 5), "Hội nghị", "Hội nghị sơ kết", 30, None, None],
        [5, dt.datetime(2016, 9, 10), "Vận động chuyển sinh hoạt đảng", None, 3, None, None],
    ]
    for r, values in enumerate(activities, 4):
        for col, value in enumerate(values, 1):
            ws.cell(r, col, value)

    # -- Doanh nghiệp, under the office's own sheet name.
    ws = book.create_sheet("DS doanh nghiệp")
    for col, text in enumerate(["Mã số thuế", "Tên doanh nghiệp", "Thuộc KCN", "Loại hình DN",
                                "Nước đầu tư", "Ngày đi vào hoạt động"], 1):
        ws.cell(1, col, text)
    enterprises = [
        ["0101234567", "Công ty TNHH Điện tử A&B", "KCN Song Khê - Nội Hoàng", "FDI", "Hàn Quốc",
         dt.datetime(2012, 1, 1)],
        ["2400111111", "Công ty CP May Bắc Giang", "Đình Trám", "Doanh nghiệp trong nước", None,
         "01/05/2010"],
    ]
    for r, values in enumerate(enterprises, 2):
        for col, value in enumerate(values, 1):
            ws.cell(r, col, value)

    # -- Chỉ tiêu in the office's words, one the program has no use for.
    ws = book.create_sheet("Chỉ tiêu")
    ws.cell(1, 1, "CHỈ TIÊU NHIỆM KỲ")
    for col, text in enumerate(["Năm", "Nội dung chỉ tiêu", "Kế hoạch", "Ghi chú"], 1):
        ws.cell(2, col, text)
    targets = [
        [2016, "1. Kết nạp đảng viên mới", 50],
        [2016, "2. Số lớp bồi dưỡng nhận thức về Đảng", 2],
        [2016, "Số lớp bồi dưỡng nhận thức về Đảng (tối thiểu)", 1],
        [2016, "3. Thành lập chi bộ mới", 2],
        [2016, "- Trong đó: chi bộ trong DN FDI", 1],
        [2016, "Tỷ lệ kết nạp trong DN FDI (%)", 30],
        [2016, "4. Thành lập CĐCS", 10],
        [2016, "5. Phát triển đoàn viên công đoàn mới", "10.000"],
        [2016, "6. Xây dựng tổ chức đảng trong sạch vững mạnh", 90],
        [2017, "Kết nạp ĐV", 60],
    ]
    for r, values in enumerate(targets, 3):
        for col, value in enumerate(values, 1):
            ws.cell(r, col, value)
    book.save(path)
    return path


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    inputs = tmp_path_factory.mktemp("clerk") / "inputs"
    inputs.mkdir()
    clerks_ledger(inputs / "So theo doi 2016.xlsx")
    fill(inputs / "ab.xlsx", AS_TYPED)  # one return, for a report of the year to be made
    return inputs, check_inputs(inputs, SETTINGS, jobs=1, today=TODAY)


def ledger_file(report):
    return next(f for f in report.files if f.kind == "ledger")


def test_the_ledger_is_used_despite_its_bad_rows(checked):
    _, report = checked
    item = ledger_file(report)
    assert item.outcome == ACCEPTED, item.reason
    assert report.ledger is item.ledger
    assert not [p for p in item.problems if p.severity == "error"], [p.message for p in item.problems]


def test_every_good_movement_read_in_the_clerks_words(checked):
    _, report = checked
    rows = report.ledger.sheet("movements")
    assert [r.values for r in rows] == [
        {"date": D(2015, 3, 1), "cell": "Chi bộ Cơ quan Ban quản lý", "type": "admitted", "count": 2,
         "tax_code": None, "note": None},
        {"date": D(2015, 9, 2), "cell": "Chi bộ Công ty A&B", "type": "transferred_in", "count": 3,
         "tax_code": "0101234567", "note": "Thành lập chi bộ"},
        {"date": D(2016, 4, 1), "cell": "Chi bộ Công ty A&B", "type": "admitted", "count": 2,
         "tax_code": "0101234567", "note": None},
        {"date": D(2016, 5, 1), "cell": "Chi bộ Các doanh nghiệp", "type": "admitted", "count": 4,
         "tax_code": None, "note": None},
        {"date": D(2016, 6, 1), "cell": "Chi bộ Các doanh nghiệp", "type": "transferred_out",
         "count": 1, "tax_code": None, "note": None},
        {"date": D(2016, 3, 1), "cell": "Chi bộ Công ty Cũ", "type": "transferred_in", "count": 3,
         "tax_code": None, "note": None},
    ]
    # Under the two-line header: "Hình thức" and "Số lượng" sit under the merged "Biến động".
    assert rows[0].cells == {"date": "B15", "cell": "C15", "type": "D15", "count": "E15",
                             "tax_code": "F15", "note": "G15"}


def test_every_good_row_of_the_other_sheets(checked):
    _, report = checked
    ledger = report.ledger
    assert [r.values for r in ledger.sheet("cells")] == [
        {"name": "Chi bộ Cơ quan Ban quản lý", "type": "agency", "tax_code": None,
         "founded_on": D(2010, 1, 1), "dissolved_on": None, "members": 22},
        {"name": "Chi bộ Các doanh nghiệp", "type": "joint", "tax_code": None,
         "founded_on": D(2011, 1, 1), "dissolved_on": None, "members": 18},
        {"name": "Chi bộ Công ty A&B", "type": "enterprise", "tax_code": "0101234567",
         "founded_on": D(2015, 9, 2), "dissolved_on": None, "members": 5},
    ]
    assert [(r.values["date"], r.values["type"], r.values["title"], r.values["people"],
             r.values["people_fdi"], r.values["tax_code"]) for r in ledger.sheet("activities")] == [
        (D(2016, 3, 10), "training", "Lớp nhận thức về Đảng khóa 1", 45, 30, None),
        (D(2016, 4, 20), "outreach", "Làm việc với Công ty A&B", 5, None, "0101234567"),
        (D(2016, 5, 19), "culture", "Hội thao 19/5", 200, 150, None),
        (D(2016, 9, 10), "mobilise_transfer", None, 3, None, None),
    ]
    assert {tax: (r.values["name"], r.values["zone"], r.values["ownership"], r.values["started_on"])
            for tax, r in ledger.enterprises.items()} == {
        "0101234567": ("Công ty TNHH Điện tử A&B", "Song Khê – Nội Hoàng", "fdi", D(2012, 1, 1)),
        "2400111111": ("Công ty CP May Bắc Giang", "Đình Trám", "domestic", D(2010, 5, 1)),
    }
    assert ledger.targets(2016) == {
        "admissions": 50, "training_classes_max": 2, "training_classes_min": 1, "new_cells": 2,
        "new_cells_fdi": 1, "admissions_fdi_share": 30, "new_unions": 10,
        "new_union_members": 10_000,
    }
    assert ledger.targets(2017) == {"admissions": 60}


def test_rows_left_out_are_listed_with_their_reason(checked):
    _, report = checked
    problems = ledger_file(report).problems
    skipped = {(p.sheet, p.cell): p.message for p in problems if p.code == "ledger-row-skipped"}
    assert set(skipped) == {
        ("Biến động đảng viên", "D21"), ("Biến động đảng viên", "E22"),
        ("Biến động đảng viên", "B23"), ("Biến động đảng viên", "D24"),
        ("Chi bộ", "G10"), ("Hoạt động", "C7"), ("Chỉ tiêu", "B11"),
    }
    message = skipped[("Biến động đảng viên", "D21")]
    assert "dòng 21 bị bỏ qua" in message and "Thăng chức" in message
    assert "Hình thức" in message  # the column as the clerk headed it
    assert "dòng 22 bị bỏ qua" in skipped[("Biến động đảng viên", "E22")]
    assert "không đọc được số" in skipped[("Biến động đảng viên", "E22")]
    assert "không đọc được ngày" in skipped[("Biến động đảng viên", "B23")]
    assert "dòng 10 bị bỏ qua" in skipped[("Chi bộ", "G10")]
    assert "ngày giải thể trước ngày thành lập" in skipped[("Chi bộ", "G10")]
    assert "Hội nghị" in skipped[("Hoạt động", "C7")]
    assert "Xây dựng tổ chức đảng" in skipped[("Chỉ tiêu", "B11")]
    assert all(p.severity == "warning" for p in problems if p.code == "ledger-row-skipped")
    # Row 25 names the cell whose own row (Chi bộ, row 10) was left out: not "unknown".
    assert not [p for p in problems if p.code == "ledger-unknown-cell"]


def test_each_bad_value_is_located_with_what_was_expected(checked):
    _, report = checked
    by_cell = {(p.sheet, p.cell, p.code): p for p in ledger_file(report).problems}
    unknown = by_cell[("Biến động đảng viên", "D21", "ledger-unknown-type")]
    assert unknown.value == "Thăng chức"
    assert "Kết nạp" in unknown.message and "Chuyển đi" in unknown.message
    assert by_cell[("Biến động đảng viên", "E22", "ledger-value")].value == "hai"
    assert by_cell[("Biến động đảng viên", "B23", "ledger-value")].value == "31/02/2016"
    tie = by_cell[("Biến động đảng viên", "D24", "ledger-ambiguous-type")]
    assert '"Chuyển đến"' in tie.message and '"Chuyển đi"' in tie.message
    assert by_cell[("Chi bộ", "G10", "ledger-dissolved-before-founded")].value == "01/02/2016"
    assert by_cell[("Hoạt động", "C7", "ledger-unknown-type")].value == "Hội nghị"
    target = by_cell[("Chỉ tiêu", "B11", "ledger-unknown-type")]
    assert "Số quần chúng ưu tú được kết nạp đảng" in target.message


def test_titles_numbers_totals_headings_and_signatures_are_not_records(checked):
    _, report = checked
    problem_rows = {(p.sheet, p.cell) for p in ledger_file(report).problems}
    for sheet, cells in (("Chi bộ", ("B6", "B11", "F13")),
                         ("Biến động đảng viên", ("B13", "B17", "B26", "F28", "F29"))):
        for cell in cells:
            assert not [c for s, c in problem_rows if s == sheet and c[1:] == cell[1:]], (sheet, cell)


def test_party_figures_come_from_the_good_rows(checked):
    """Worked by hand from the good rows: 2016 admissions are rows 18 (2, Chi bộ Công ty A&B)
    and 19 (4, Chi bộ Các doanh nghiệp); row 22 (an admission whose count reads "hai") is left
    out. Row 25 (3 transferred in) belongs to the cell whose own row was left out, so it is not
    counted either, and a warning says so. One training class against a target of two;
    2 + 4 = 6 admitted against 50."""
    _, report = checked
    period = report_period(ANNUAL, SETTINGS, report, year=2016, today=TODAY)
    context = build_context(report, SETTINGS, period)
    assert context.party.admitted == 6
    assert context.party.transferred_in == 0
    assert context.party.mobilised_transfer == 3
    assert context.training.classes == 1 and context.training.attendees == 45
    targets = {t.key: (t.target, t.achieved) for t in context.targets}
    assert targets["admissions"] == (50, 6)
    assert targets["training_classes_max"] == (2, 1)
    # No input counts new union members: the target is listed, its result not made up.
    assert targets["new_union_members"] == (10_000, None)
    [note] = [p for p in ledger_file(report).problems if p.code == "ledger-cell-left-out"]
    assert note.sheet == "Biến động đảng viên" and note.cell == "C25"
    assert "Chi bộ Công ty Cũ" in note.message and "dòng 10" in note.message
    assert "1 dòng biến động" in note.message


def test_check_json_screen_and_problem_list_name_the_rows_left_out(checked, tmp_path):
    inputs, _ = checked
    excel = tmp_path / "Kiem-tra-du-lieu.xlsx"
    runner = CliRunner()
    result = runner.invoke(cli, ["check", "--inputs", str(inputs), "--json"])
    data = json.loads(result.output)
    [ledger] = [f for f in data["files"] if f["kind"] == "ledger"]
    assert ledger["outcome"] == "accepted"
    skipped = [p["message"] for p in ledger["problems"] if p["code"] == "ledger-row-skipped"]
    assert any("dòng 21 bị bỏ qua" in m for m in skipped)

    result = runner.invoke(cli, ["check", "--inputs", str(inputs), "--excel", str(excel)])
    assert "dòng 21 bị bỏ qua" in result.output
    book = openpyxl.load_workbook(excel)
    texts = [str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True)
             for v in row if v]
    assert any("dòng 21 bị bỏ qua" in t and "Thăng chức" in t for t in texts)


def test_a_missing_sheet_or_column_costs_that_sheet_only(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    book = openpyxl.Workbook()
    book.remove(book.active)
    ws = book.create_sheet("Chi bộ")
    ws.append(["Tên chi bộ", "Loại", "Ngày thành lập"])
    ws.append(["Chi bộ Cơ quan", "Cơ quan", dt.datetime(2010, 1, 1)])
    ws = book.create_sheet("Biến động đảng viên")
    ws.append(["Ngày", "Chi bộ", "Loại biến động", "Số lượng"])
    ws.append([dt.datetime(2016, 2, 3), "Chi bộ Cơ quan", "Kết nạp", 3])
    ws = book.create_sheet("Hoạt động")
    ws.append(["Tên hoạt động", "Loại", "Số người"])  # no date column
    ws.append(["Lớp 1", "Lớp bồi dưỡng", 40])
    ws = book.create_sheet("Doanh nghiệp")
    ws.append(["Mã số thuế", "Tên", "KCN", "Loại hình"])
    book.save(inputs / "so.xlsx")  # no "Chỉ tiêu" sheet
    report = check_inputs(inputs, SETTINGS, jobs=1, today=TODAY)
    item = ledger_file(report)
    assert item.outcome == ACCEPTED
    errors = {(p.code, p.sheet) for p in item.problems if p.severity == "error"}
    assert errors == {("ledger-sheet-missing", ""), ("ledger-column-missing", "Hoạt động")}
    assert "Chỉ tiêu" in next(p.message for p in item.problems if p.code == "ledger-sheet-missing")
    assert [r.values["count"] for r in report.ledger.sheet("movements")] == [3]
    assert report.ledger.sheet("activities") == []
    assert report.has_errors  # the office still has something to fix


def test_a_workbook_with_no_readable_sheet_is_rejected(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name in ("Chi bộ", "Biến động đảng viên", "Hoạt động"):
        book.create_sheet(name).append(["Ghi chú", "Nội dung khác"])
    book.save(inputs / "so.xlsx")
    report = check_inputs(inputs, SETTINGS, jobs=1, today=TODAY)
    item = ledger_file(report)
    assert item.outcome == REJECTED
    assert report.ledger is None


def _small_ledger(path, movements_by_sheet, cells=None):
    """Chi bộ and Doanh nghiệp sheets, and the movements on the sheets given (name -> rows)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    ws = book.create_sheet("Tổ chức đảng")
    ws.append(["Tên chi bộ", "Loại", "Ngày TL", "Số đảng viên"])
    for row in cells or [["Chi bộ Cơ quan", "CQ", dt.datetime(2010, 1, 1), 20],
                         ["Chi bộ Các doanh nghiệp", "Ghép", dt.datetime(2011, 1, 1), 12]]:
        ws.append(row)
    for name, rows in movements_by_sheet.items():
        ws = book.create_sheet(name)
        ws.append(["Ngày", "Chi bộ", "Loại biến động", "Số lượng"])
        for row in rows:
            ws.append(row)
    ws = book.create_sheet("DS doanh nghiệp")
    ws.append(["Mã số thuế", "Tên", "KCN", "Loại hình"])
    ws.append(["2400111111", "Công ty CP May Bắc Giang", "Đình Trám", "Trong nước"])
    book.save(path)
    return path


def test_a_log_kept_one_sheet_a_year_is_read_whole(tmp_path):
    """Movements on "Biến động ĐV 2015" and "Biến động ĐV 2016": both are the log."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    _small_ledger(inputs / "so.xlsx", {
        "Biến động ĐV 2015": [[dt.datetime(2015, 3, 1), "Chi bộ Cơ quan", "Kết nạp", 2]],
        "Biến động ĐV 2016": [[dt.datetime(2016, 4, 1), "Chi bộ Các doanh nghiệp", "Kết nạp mới", 4],
                              [dt.datetime(2016, 6, 1), "Chi bộ Cơ quan", "Chuyển sinh hoạt đi", 1]],
    })
    report = check_inputs(inputs, SETTINGS, jobs=1, today=TODAY)
    rows = report.ledger.sheet("movements")
    assert [(r.values["date"], r.values["type"], r.values["count"]) for r in rows] == [
        (D(2015, 3, 1), "admitted", 2), (D(2016, 4, 1), "admitted", 4),
        (D(2016, 6, 1), "transferred_out", 1)]
    assert [r.values["type"] for r in report.ledger.sheet("cells")] == ["agency", "joint"]
    assert not [p for p in ledger_file(report).problems
                if p.severity == "error" and p.code != "ledger-sheet-missing"]  # no Hoạt động


def test_a_second_cells_sheet_is_said_not_silently_dropped(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    path = _small_ledger(inputs / "so.xlsx", {"Biến động đảng viên": []})
    book = openpyxl.load_workbook(path)
    book.create_sheet("Chi bộ (cũ)").append(["Tên chi bộ", "Loại", "Ngày thành lập", "Số đảng viên"])
    book.save(path)
    report = check_inputs(inputs, SETTINGS, jobs=1, today=TODAY)
    [note] = [p for p in ledger_file(report).problems if p.code == "ledger-sheet-ignored"]
    assert note.sheet == "Chi bộ (cũ)" and "chỉ dùng sheet \"Tổ chức đảng\"" in note.message


def test_a_formula_with_no_saved_result_is_not_a_zero(tmp_path):
    """"=11+1" written by a program that does not calculate: the cell is kept, its count is
    unknown (not 0) and said, located."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    _small_ledger(inputs / "so.xlsx", {"Biến động đảng viên": []}, cells=[
        ["Chi bộ Cơ quan", "Cơ quan", dt.datetime(2010, 1, 1), "=11+1"],
        ["Chi bộ Các doanh nghiệp", "Ghép", dt.datetime(2011, 1, 1), 12]])
    report = check_inputs(inputs, SETTINGS, jobs=1, today=TODAY)
    assert [(r.values["name"], r.values["members"]) for r in report.ledger.sheet("cells")] == [
        ("Chi bộ Cơ quan", None), ("Chi bộ Các doanh nghiệp", 12)]
    [formula] = [p for p in ledger_file(report).problems if p.code == "ledger-formula-no-value"]
    assert (formula.sheet, formula.cell, formula.field) == ("Tổ chức đảng", "D2", "cells.members")


def test_a_negative_count_leaves_its_row_out(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    _small_ledger(inputs / "so.xlsx", {"Biến động đảng viên": [
        [dt.datetime(2016, 4, 1), "Chi bộ Cơ quan", "Chuyển đi", -3],
        [dt.datetime(2016, 5, 1), "Chi bộ Cơ quan", "Kết nạp", 2]]})
    report = check_inputs(inputs, SETTINGS, jobs=1, today=TODAY)
    assert [r.values["count"] for r in report.ledger.sheet("movements")] == [2]
    [bad] = [p for p in ledger_file(report).problems if p.code == "ledger-value"]
    assert (bad.cell, bad.value) == ("D2", "-3") and "số âm" in bad.message


def _workspace_with(tmp_path, cells_header, cells):
    """A workspace (the sample province's settings), one return, and a Sổ theo dõi whose Chi bộ
    sheet has the header given."""
    from kcn_reports.settings import DEFAULT_SETTINGS

    (tmp_path / "kcn_reports.toml").write_text(DEFAULT_SETTINGS, encoding="utf-8")
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    path = _small_ledger(inputs / "so.xlsx", {"Biến động đảng viên": [
        [dt.datetime(2016, 4, 1), "Chi bộ Cơ quan", "Kết nạp", 2]]})
    book = openpyxl.load_workbook(path)
    del book["Tổ chức đảng"]
    ws = book.create_sheet("Tổ chức đảng", 0)
    ws.append(cells_header)
    for row in cells:
        ws.append(row)
    book.save(path)
    fill(inputs / "ab.xlsx", AS_TYPED)
    return tmp_path


def generate_2016(workspace):
    return CliRunner().invoke(cli, ["--workspace", str(workspace), "--no-cache", "generate",
                                    "--kind", "annual", "--year", "2016"])


def test_generate_refuses_party_figures_from_an_unreadable_cells_sheet(tmp_path):
    """Without its Chi bộ sheet the report would state the baseline as this year's figures."""
    workspace = _workspace_with(tmp_path, ["Tên chi bộ", "Loại", "Năm lập", "Số đảng viên"],
                                [["Chi bộ Cơ quan", "Cơ quan", 2010, 20]])
    result = generate_2016(workspace)
    assert result.exit_code == 2, result.output
    assert "Không lập báo cáo: Sổ theo dõi có chỗ không đọc được" in result.output
    assert ("so.xlsx, sheet Tổ chức đảng, ô A1: Sheet \"Tổ chức đảng\" thiếu cột \"Ngày thành "
            "lập\" (các cột đang có: «Tên chi bộ»; «Loại»; «Năm lập»; «Số đảng viên»)"
            ) in result.output
    assert not (workspace / "outputs").exists() or not list((workspace / "outputs").rglob("*.docx"))


def test_generate_refuses_counts_that_are_formulas_with_no_result(tmp_path):
    workspace = _workspace_with(tmp_path, ["Tên chi bộ", "Loại", "Ngày TL", "Số đảng viên"],
                                [["Chi bộ Cơ quan", "Cơ quan", dt.datetime(2010, 1, 1), 20],
                                 ["Chi bộ Các doanh nghiệp", "Ghép", dt.datetime(2011, 1, 1), "=10+2"]])
    result = generate_2016(workspace)
    assert result.exit_code == 2, result.output
    assert ("so.xlsx, sheet Tổ chức đảng, ô D3: Cột \"Số đảng viên\": ô có công thức nhưng chưa "
            "có kết quả") in result.output


def test_generate_lists_what_the_ledger_left_out(tmp_path):
    workspace = _workspace_with(tmp_path, ["Tên chi bộ", "Loại", "Ngày TL", "Số đảng viên"],
                                [["Chi bộ Cơ quan", "Cơ quan", dt.datetime(2010, 1, 1), 20],
                                 ["Chi bộ Các doanh nghiệp", "Ghép", dt.datetime(2011, 1, 1), 12]])
    path = workspace / "inputs" / "so.xlsx"
    book = openpyxl.load_workbook(path)
    book["Biến động đảng viên"].append([dt.datetime(2016, 5, 1), "Chi bộ Cơ quan", "Tạm hoãn", 1])
    book.save(path)
    result = generate_2016(workspace)
    assert result.exit_code == 0, result.output
    assert "Sổ theo dõi so.xlsx có" in result.output
    assert ("Biến động đảng viên!C3: Sheet \"Biến động đảng viên\", dòng 3 bị bỏ qua"
            in result.output)


def test_a_movement_naming_its_cell_shortly_is_that_cell(tmp_path):
    """"Chi bộ Cty Hoa Sen" is "Chi bộ Công ty TNHH Hoa Sen Textile" (its words); a row with the
    cell's tax code is that cell whatever its name; an unsure name stays unknown."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    _small_ledger(inputs / "so.xlsx", {"Biến động đảng viên": [
        [dt.datetime(2016, 4, 1), "Chi bộ Cty Hoa Sen", "Kết nạp", 2],
        [dt.datetime(2016, 5, 1), "CB Hòa Phát", "Kết nạp", 1],
        [dt.datetime(2016, 6, 1), "Chi bộ Công ty", "Kết nạp", 1]]}, cells=[
        ["Chi bộ Cơ quan", "Cơ quan", dt.datetime(2010, 1, 1), 20],
        ["Chi bộ Công ty TNHH Hoa Sen Textile", "DN", dt.datetime(2012, 1, 1), 5],
        ["Chi bộ Công ty CP Thép", "DN", dt.datetime(2013, 1, 1), 4]])
    path = inputs / "so.xlsx"
    book = openpyxl.load_workbook(path)
    cells, moves = book["Tổ chức đảng"], book["Biến động đảng viên"]
    cells.cell(1, 5, "Mã số thuế DN")
    cells.cell(4, 5, "2400333333")
    moves.cell(1, 5, "MST")
    moves.cell(3, 5, "2400333333")  # "CB Hòa Phát" is the steel company by its tax code
    book.save(path)
    report = check_inputs(inputs, SETTINGS, jobs=1, today=TODAY)
    assert [r.values["cell"] for r in report.ledger.sheet("movements")] == [
        "Chi bộ Công ty TNHH Hoa Sen Textile", "Chi bộ Công ty CP Thép", "Chi bộ Công ty"]
    problems = ledger_file(report).problems
    matched = {p.cell: p.message for p in problems if p.code == "ledger-cell-matched"}
    assert matched == {
        "B2": "Chi bộ \"Chi bộ Cty Hoa Sen\" được hiểu là \"Chi bộ Công ty TNHH Hoa Sen Textile\" "
              "của sheet Chi bộ (theo tên).",
        "B3": "Chi bộ \"CB Hòa Phát\" được hiểu là \"Chi bộ Công ty CP Thép\" của sheet Chi bộ "
              "(theo mã số thuế)."}
    assert [p.cell for p in problems if p.code == "ledger-unknown-cell"] == ["B4"]


def test_targets_typed_one_column_a_year(tmp_path):
    """"Chỉ tiêu | Năm 2016 | Năm 2017" in the office's words: each filled cell is its year's."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    path = _small_ledger(inputs / "so.xlsx", {"Biến động đảng viên": []})
    book = openpyxl.load_workbook(path)
    ws = book.create_sheet("Chỉ tiêu NQ")
    ws.append(["CHỈ TIÊU NGHỊ QUYẾT"])
    ws.append(["TT", "Chỉ tiêu", "Năm 2016", "Năm 2017"])
    ws.append([1, "Kết nạp đảng viên mới", 12, 15])
    ws.append([2, "Thành lập công đoàn cơ sở mới", 2, None])
    ws.append([3, "Số chi bộ thành lập mới", "1", 2])
    book.save(path)
    report = check_inputs(inputs, SETTINGS, jobs=1, today=TODAY)
    assert report.ledger.targets(2016) == {"admissions": 12, "new_unions": 2, "new_cells": 1}
    assert report.ledger.targets(2017) == {"admissions": 15, "new_cells": 2}
    assert not [p for p in ledger_file(report).problems if p.sheet == "Chỉ tiêu NQ"]


def test_a_zone_missing_from_the_settings_is_said_once_for_all_its_files(tmp_path):
    """A zone deleted from the settings: its returns are refused and its enterprises' ledger
    rows left out, each located; one general warning names the zone and says what it costs."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    path = _small_ledger(inputs / "so.xlsx", {"Biến động đảng viên": []})
    book = openpyxl.load_workbook(path)
    book["DS doanh nghiệp"].append(["2400999999", "Công ty TNHH Đông Mai", "KCN Đông Mai",
                                    "Trong nước"])
    book.save(path)
    fill(inputs / "dong mai.xlsx", {**AS_TYPED, "tax_code": "2400999999", "zone": "KCN Đông Mai",
                                    "name": "Công ty TNHH Đông Mai"})
    fill(inputs / "ab.xlsx", AS_TYPED)
    report = check_inputs(inputs, SETTINGS, jobs=1, today=TODAY)
    [general] = [p for p in report.general if p.code == "zone-not-in-settings"]
    assert general.message == (
        "Khu công nghiệp «KCN Đông Mai» có trong 2 tệp (dong mai.xlsx, so.xlsx) nhưng không có "
        "trong danh sách KCN của kcn_reports.toml: các doanh nghiệp ở KCN này không được tính, "
        "kể cả trong tỷ lệ gửi báo cáo.")


def test_generate_says_a_zone_is_missing_from_the_settings(tmp_path):
    workspace = _workspace_with(tmp_path, ["Tên chi bộ", "Loại", "Ngày TL", "Số đảng viên"],
                                [["Chi bộ Cơ quan", "Cơ quan", dt.datetime(2010, 1, 1), 20]])
    path = workspace / "inputs" / "so.xlsx"
    book = openpyxl.load_workbook(path)
    book["DS doanh nghiệp"].append(["2400999999", "Công ty TNHH Đông Mai", "KCN Đông Mai",
                                    "Trong nước"])
    book.save(path)
    result = generate_2016(workspace)
    assert result.exit_code == 0, result.output
    assert "Cảnh báo: Khu công nghiệp «KCN Đông Mai» có trong 1 tệp (so.xlsx)" in result.output


def test_an_empty_cells_sheet_is_not_reported_as_zero_cells(tmp_path):
    """A new office's Sổ theo dõi with no cell yet: no "có 0 chi bộ … 0 đảng viên" sentence
    to sign; the report and check say the sheet has none."""
    import docx

    from kcn_reports.settings import DEFAULT_SETTINGS

    settings = DEFAULT_SETTINGS.replace("party_cells = 4", "party_cells = 0").replace(
        "party_members = 35", "party_members = 0")
    assert settings != DEFAULT_SETTINGS
    workspace = _workspace_with(tmp_path, ["Tên chi bộ", "Loại", "Ngày TL", "Số đảng viên"], [])
    (workspace / "kcn_reports.toml").write_text(settings, encoding="utf-8")
    path = workspace / "inputs" / "so.xlsx"
    book = openpyxl.load_workbook(path)
    book["Biến động đảng viên"].delete_rows(2)
    book.save(path)
    result = generate_2016(workspace)
    assert result.exit_code == 0, result.output
    assert "Sheet \"Tổ chức đảng\" của Sổ theo dõi chưa ghi chi bộ nào" in result.output
    [report] = (workspace / "outputs").rglob("bao-cao-nam-2016.docx")
    text = "\n".join(p.text for p in docx.Document(str(report)).paragraphs)
    assert ("Đến ngày 31 tháng 12 năm 2016, sheet Chi bộ của Sổ theo dõi chưa ghi chi bộ nào của "
            "Đảng bộ Các Khu công nghiệp tỉnh, nên báo cáo chưa có số chi bộ, đảng viên.") in text
    assert "0 chi bộ" not in text and "0 đảng viên" not in text


def test_a_return_and_the_ledger_disagreeing_on_zone_or_ownership_is_said(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    _small_ledger(inputs / "so.xlsx", {"Biến động đảng viên": []})
    fill(inputs / "may.xlsx", {**AS_TYPED, "tax_code": "2400111111", "name": "Công ty CP May Bắc Giang",
                               "zone": "Hòa Phú", "ownership": "Doanh nghiệp FDI",
                               "investor_country": "Hàn Quốc"})
    report = check_inputs(inputs, SETTINGS, jobs=1, today=TODAY)
    [item] = [f for f in report.files if f.relpath == "may.xlsx"]
    said = {p.field: p.message for p in item.problems if p.code == "differs-from-ledger"}
    assert said == {
        "zone": "Báo cáo ghi KCN \"Hòa Phú\", Sổ theo dõi (so.xlsx) ghi \"Đình Trám\": các bảng theo "
                "KCN tính theo báo cáo, tỷ lệ gửi báo cáo tính theo Sổ theo dõi.",
        "ownership": "Báo cáo ghi loại hình \"FDI\", Sổ theo dõi (so.xlsx) ghi \"trong nước\": các "
                     "bảng theo loại hình tính theo báo cáo, tỷ lệ gửi báo cáo tính theo Sổ theo dõi."}


@pytest.mark.parametrize(("start", "end", "said"), [
    (D(2014, 6, 30), D(2016, 11, 25), (2, "hơn")),  # the 2016 report: "Sau hơn 02 năm"
    (D(2023, 6, 30), D(2025, 12, 31), (2, "hơn")),  # 30 months are not "gần 03 năm"
    (D(2024, 12, 31), D(2026, 11, 30), (2, "gần")),
    (D(2024, 12, 31), D(2026, 12, 31), (2, "")),
    (D(2025, 6, 30), D(2025, 12, 31), (1, "gần")),
])
def test_years_of_activity_are_said_as_people_say_them(start, end, said):
    from kcn_reports.figures import _years

    assert _years(start, end) == said


def test_a_cell_founded_and_dissolved_in_the_year_counts_as_founded(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    path = _small_ledger(inputs / "so.xlsx", {"Biến động đảng viên": []}, cells=[
        ["Chi bộ Cơ quan", "Cơ quan", dt.datetime(2010, 1, 1), 20],
        ["Chi bộ Công ty Ngắn", "DN", dt.datetime(2016, 2, 1), 0]])
    book = openpyxl.load_workbook(path)
    ws = book["Tổ chức đảng"]
    ws.cell(1, 5, "Ngày giải thể")
    ws.cell(3, 5, dt.datetime(2016, 10, 1))
    book.create_sheet("Chỉ tiêu").append(["Năm", "Chỉ tiêu", "Giá trị"])
    book["Chỉ tiêu"].append([2016, "Số chi bộ thành lập mới", 2])
    book.save(path)
    fill(inputs / "ab.xlsx", AS_TYPED)
    report = check_inputs(inputs, SETTINGS, jobs=1, today=TODAY)
    period = report_period(ANNUAL, SETTINGS, report, year=2016, today=TODAY)
    targets = {t.key: (t.target, t.achieved) for t in build_context(report, SETTINGS, period).targets}
    assert targets["new_cells"] == (2, 1)


def test_a_share_targets_rate_comes_from_the_exact_share():
    """1 of 3 admitted works in an FDI enterprise: 33,3% shown, against a target of 20% that
    is 166,7% (from 33,33…), not 166,5% (from the rounded 33,3)."""
    from types import SimpleNamespace

    from kcn_reports.figures import achievement

    context = SimpleNamespace(party=SimpleNamespace(admitted=3),
                              training=SimpleNamespace(classes=0),
                              unions=SimpleNamespace(founded=0))
    [row] = achievement({"admissions_fdi_share": 20}, context, 0, 0, 1)
    assert row.achieved == 33.3
    assert round(row.percent * 100, 1) == 166.7
