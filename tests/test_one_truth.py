"""One truth across every output: workspaces written cell by cell as an office would keep them
(the Sổ theo dõi with a title row, its columns in its own order and under other names), where
the settings baseline and the workbook disagree, where there is no baseline, where the movement
log starts late. Every member figure is read back from each output — the report's text, Bảng 1,
the chart (its alternative text), Tong-hop.xlsx (key figures and Biểu 1-BTCTW), Bieu-tong-hop.xlsx
and figures.json — and compared with what the rows written here say, worked out by hand."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from docx import Document
from docx.oxml.ns import qn
from helpers import AS_TYPED, SETTINGS, fill

from kcn_reports.cli import cli
from kcn_reports.generate import generate
from kcn_reports.settings import DEFAULT_SETTINGS, Baseline

D = dt.date
ALPHA, BETA, GAMMA = "0101234567", "2400111111", "2400222222"

# The office's Sổ theo dõi: counts at the workbook's date (its last entry, 01/10/2016).
CELLS = [  # name, type, tax code, founded, dissolved, members
    ("Chi bộ Cơ quan", "Cơ quan", None, D(2012, 1, 1), None, 20),
    ("Chi bộ Công ty Alpha", "Doanh nghiệp", ALPHA, D(2016, 4, 10), None, 6),
    ("Chi bộ Các doanh nghiệp", "Ghép nhiều doanh nghiệp", None, D(2013, 5, 1), None, 12),
]
MOVEMENTS = [  # date, cell, type, count
    (D(2016, 2, 1), "Chi bộ Cơ quan", "Kết nạp", 2),
    (D(2016, 4, 10), "Chi bộ Công ty Alpha", "Chuyển đến", 4),
    (D(2016, 6, 1), "Chi bộ Công ty Alpha", "Kết nạp", 2),
    (D(2016, 7, 15), "Chi bộ Các doanh nghiệp", "Chuyển đi", 1),
    (D(2016, 9, 9), "Chi bộ Các doanh nghiệp", "Từ trần", 1),
    (D(2016, 10, 1), "Chi bộ Cơ quan", "Chuyển đến", 1),
]
# By hand: at 31/12/2015 (and at any date before 01/02/2016) the cells hold
# Cơ quan 20 − 2 − 1 = 17, Các doanh nghiệp 12 + 1 + 1 = 14, Alpha (not founded) 0: 31 members,
# 2 cells; at the end 20 + 6 + 12 = 38 members, 3 cells. 31 + 4 admitted + 5 in − 1 − 1 = 38.
ENTERPRISES = [
    (ALPHA, "Công ty TNHH Alpha Việt Nam", "Song Khê – Nội Hoàng", "FDI"),
    (BETA, "Công ty CP May Bắc Giang", "Đình Trám", "Doanh nghiệp trong nước"),
    (GAMMA, "Công ty TNHH Cơ khí Hòa Phú", "Hòa Phú", "Doanh nghiệp trong nước"),
]


def office_ledger(path: Path, movements=MOVEMENTS, cells=CELLS, outreach=True) -> Path:
    """The Sổ as a clerk keeps it: a title above each table, columns in another order, under
    the short names people use ("Số ĐV", "SL", "MST")."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    sheet = book.create_sheet("Chi bộ")
    sheet.append(["DANH SÁCH CHI BỘ TRỰC THUỘC"])
    sheet.append([])
    sheet.append(["STT", "Tên chi bộ", "Số ĐV", "Loại", "Ngày thành lập", "MST", "Ngày giải thể"])
    for i, (name, kind, tax, founded, dissolved, members) in enumerate(cells, 1):
        sheet.append([i, name, members, kind, founded.strftime("%d/%m/%Y"), tax, dissolved])
    sheet = book.create_sheet("Biến động đảng viên")
    sheet.append(["SỔ THEO DÕI BIẾN ĐỘNG ĐẢNG VIÊN"])
    sheet.append(["Loại biến động", "Ngày", "SL", "Chi bộ", "Ghi chú"])
    for day, cell, kind, count in movements:
        sheet.append([kind, dt.datetime.combine(day, dt.time()), count, cell, ""])
    sheet = book.create_sheet("Hoạt động")
    sheet.append(["Ngày", "Loại", "Tên hoạt động", "Mã số thuế DN", "Số người"])
    if outreach:
        sheet.append([dt.datetime(2016, 5, 5), "Tiếp cận, tuyên truyền doanh nghiệp",
                      "Làm việc", ALPHA, 3])
    sheet = book.create_sheet("Doanh nghiệp")
    sheet.append(["Mã số thuế", "Tên", "KCN", "Loại hình"])
    for row in ENTERPRISES:
        sheet.append(list(row))
    sheet = book.create_sheet("Chỉ tiêu")
    sheet.append(["Năm", "Chỉ tiêu", "Giá trị"])
    book.save(path)
    return path


def returns(inputs: Path, period: str, prepared: str, employees=("1.234", "800", "95")) -> None:
    """Three returns filled in the blank form, as the enterprises type them."""
    base = {**AS_TYPED, "period": period, "prepared_on": prepared, "union_founded_on": "5/3/15"}
    fill(inputs / "alpha.xlsx", {**base, "employees": employees[0]})
    fill(inputs / "beta.xlsx", {
        **base, "name": "Công ty CP May Bắc Giang", "tax_code": BETA, "zone": "Dinh Tram",
        "ownership": "Doanh nghiệp trong nước", "investor_country": None,
        "employees": employees[1], "employees_female": "500", "employees_foreign": "0",
        "has_party_org": "Không", "party_members": "2", "party_members_not_transferred": "0",
        "owner_is_party_member": "Có", "union_members": "600"})
    fill(inputs / "gamma.xlsx", {
        **base, "name": "Công ty TNHH Cơ khí Hòa Phú", "tax_code": GAMMA, "zone": "Hoa Phu",
        "ownership": "Doanh nghiệp trong nước", "investor_country": None,
        "employees": employees[2], "employees_female": "10", "employees_foreign": "0",
        "has_party_org": "Không", "party_members": "0", "party_members_not_transferred": "0",
        "has_union": "Không", "union_founded_on": None, "union_members": "0"})


# --- reading every output back ---------------------------------------------------------------

def docx_text(path: Path) -> str:
    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def table1_total(path: Path) -> tuple[int, int]:
    """(Σ A, Σ D) as Bảng 1 prints them on its Tổng cộng row."""
    document = Document(str(path))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Chi bộ")
    total = [c.text for c in table.rows[-1].cells]
    assert total[0] == "Tổng cộng"
    return int(total[1].replace(".", "")), int(total[-1].replace(".", ""))


def table1_rows(path: Path) -> list[list[str]]:
    document = Document(str(path))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Chi bộ")
    return [[c.text for c in row.cells] for row in table.rows[2:]]


def chart_text(path: Path) -> str:
    """The chart's alternative text: the numbers it draws."""
    document = Document(str(path))
    [picture] = list(document.element.body.iter(qn("wp:docPr")))
    return picture.get("descr")


def key_figure(path: Path, label: str, sheet: str = "Tổng hợp") -> object:
    ws = openpyxl.load_workbook(path)[sheet]
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == label:
                return next(c.value for c in row[cell.column:]
                            if isinstance(c.value, int | float))
    raise AssertionError(f"{label!r} not in {path.name}")


def movements_sheet(path: Path) -> dict[str, list]:
    ws = openpyxl.load_workbook(path)["Biến động đảng viên"]
    return {row[0]: list(row) for row in ws.iter_rows(min_row=6, values_only=True) if row[0]}


def outputs(result) -> dict[str, Path]:
    return {p.suffix if p.suffix == ".docx" else p.name: p for p in result.outputs}


def assert_members_everywhere(result, start: int, end: int, cells: tuple[int, int]) -> None:
    """The same members and cells in every output of the run."""
    files = outputs(result)
    data = json.loads(files["figures.json"].read_text(encoding="utf-8"))
    assert (data["party"]["members_start"], data["party"]["members_end"]) == (start, end)
    assert (data["party"]["cells_start"], data["party"]["cells_end"]) == cells
    assert (data["movements_total"]["a"], data["movements_total"]["d"]) == (start, end)
    assert sum(r["a"] for r in data["movements"]) == start
    assert sum(r["d"] for r in data["movements"]) == end
    assert table1_total(files[".docx"]) == (start, end)
    first, last = (data["report"]["start"], data["report"]["as_at"])
    day = lambda iso: dt.date.fromisoformat(iso).strftime("%d/%m/%Y")  # noqa: E731
    chart = chart_text(files[".docx"])
    assert f"Số chi bộ: {day(first)}: {cells[0]}, {day(last)}: {cells[1]}." in chart
    assert f"Số đảng viên: {day(first)}: {start}, {day(last)}: {end}." in chart
    summary = files["Tong-hop.xlsx"]
    assert key_figure(summary, "Số đảng viên đầu kỳ") == start
    assert key_figure(summary, "Số đảng viên cuối kỳ") == end
    assert key_figure(summary, "Số chi bộ cuối kỳ") == cells[1]
    total = movements_sheet(summary)["Tổng cộng"]
    assert (total[1], total[8]) == (start, end)
    official = files["Bieu-tong-hop.xlsx"]
    assert key_figure(official, "Số đảng viên đầu kỳ", "Biểu tổng hợp") == start
    assert key_figure(official, "Số đảng viên cuối kỳ", "Biểu tổng hợp") == end
    assert key_figure(official, "Số chi bộ đầu kỳ", "Biểu tổng hợp") == cells[0]


def make(tmp_path: Path, movements=MOVEMENTS, period="Năm 2016", prepared="15/01/2017") -> Path:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    # The settings SETTINGS holds, as a file: the command refuses a workspace without one.
    (tmp_path / "kcn_reports.toml").write_text(DEFAULT_SETTINGS, encoding="utf-8")
    office_ledger(inputs / "So theo doi 2016.xlsx", movements)
    returns(inputs, period, prepared)
    return inputs


def run(tmp_path, inputs, settings, kind, **options):
    return generate(settings, kind, inputs, tmp_path / "outputs", tmp_path / "report_templates",
                    jobs=1, **options)


# --- the three workspaces ---------------------------------------------------------------------

def test_without_a_baseline_the_workbook_says_everything(tmp_path):
    settings = dataclasses.replace(SETTINGS, baseline=Baseline())
    inputs = make(tmp_path)
    result = run(tmp_path, inputs, settings, "annual", year=2016, today=D(2017, 2, 1))
    assert_members_everywhere(result, 31, 38, (2, 3))
    text = docx_text(outputs(result)[".docx"])
    assert ("Đến ngày 31 tháng 12 năm 2016, Đảng bộ Các Khu công nghiệp tỉnh có 3 chi bộ trực "
            "thuộc với 38 đảng viên (tăng 1 chi bộ và 7 đảng viên so với ngày 31 tháng 12 năm "
            "2015).") in text
    # Members working in the enterprises (Mã số 10: 15 + 2 + 0) are labelled as what they are,
    # beside the Đảng bộ's 38.
    rows = {r[0]: r for r in table_rows(outputs(result)[".docx"], "Khu công nghiệp")}
    assert rows["Khu công nghiệp"][3] == "Đảng viên làm việc tại DN (Mã số 10)"
    assert rows["Tổng cộng"][3] == "17"
    assert "không phải số đảng viên của Đảng bộ (38)" in text
    problems = [p for f in result.report.files for p in f.problems]
    assert not [p for p in problems if p.code in ("baseline-mismatch", "members-mismatch")]


def table_rows(path: Path, first_header: str) -> list[list[str]]:
    document = Document(str(path))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == first_header)
    return [[c.text for c in row.cells] for row in table.rows]


def test_baseline_that_disagrees_with_the_workbook_is_named_and_the_workbook_used(tmp_path):
    # The log reaches back before the baseline date (an admission of 01/03/2015), so the
    # workbook can say: 31 members on 30/06/2015. The settings say 30.
    settings = dataclasses.replace(SETTINGS, baseline=Baseline(D(2015, 6, 30), 2, 30))
    early = [(D(2015, 3, 1), "Chi bộ Cơ quan", "Kết nạp", 1), *MOVEMENTS]
    inputs = make(tmp_path, early, period="6 tháng đầu năm 2016", prepared="05/07/2016")
    result = run(tmp_path, inputs, settings, "two-year", as_of=D(2016, 11, 30),
                 today=D(2016, 12, 2))
    assert_members_everywhere(result, 31, 38, (2, 3))
    text = docx_text(outputs(result)[".docx"])
    assert "từ một Đảng bộ có 2 chi bộ, 31 đảng viên" in text
    assert "đã có 3 chi bộ trực thuộc với 38 đảng viên (tăng 1 chi bộ và 7 đảng viên" in text
    [warning] = [p for p in result.report.problems if p.code == "baseline-mismatch"]
    assert "ghi 30 đảng viên" in warning.message and "cho 31 đảng viên" in warning.message
    assert "báo cáo dùng 31 theo Sổ theo dõi" in warning.message
    # Bảng 1 needs no row for a difference: the text's start is the workbook's.
    assert [r[0] for r in table1_rows(outputs(result)[".docx"])] == [
        "Chi bộ Cơ quan", "Chi bộ Công ty Alpha", "Chi bộ Các doanh nghiệp", "Tổng cộng"]


def test_log_starting_after_the_baseline_uses_the_baseline_on_its_date(tmp_path):
    # The settings say 25 members on 30/06/2014; the movement log only starts on 01/02/2016,
    # so rolling the counts back to 2014 (31) cannot be trusted: the baseline is used there,
    # and Bảng 1 shows the difference on its own row, marked, with the check's warning.
    settings = dataclasses.replace(SETTINGS, baseline=Baseline(D(2014, 6, 30), 2, 25))
    inputs = make(tmp_path, period="6 tháng đầu năm 2016", prepared="05/07/2016")
    result = run(tmp_path, inputs, settings, "two-year", as_of=D(2016, 11, 30),
                 today=D(2016, 12, 2))
    assert_members_everywhere(result, 25, 38, (2, 3))
    files = outputs(result)
    text = docx_text(files[".docx"])
    assert "Sau hơn 02 năm hoạt động, từ một Đảng bộ có 2 chi bộ, 25 đảng viên" in text
    assert "(tăng 1 chi bộ và 13 đảng viên so với thời điểm tháng 6/2014)" in text
    rows = {r[0]: r for r in table1_rows(files[".docx"])}
    gap = rows["Chênh lệch giữa mốc ban đầu và Sổ theo dõi"]
    # A = −6, D = 0: the six are an increase of no cell, in B "Khác", so the row and the total
    # add up as Biểu 1-BTCTW does (A + B − C = D).
    assert (gap[1], gap[4], gap[-1]) == ("-6", "6", "0")
    total = [int(v.replace(".", "")) for v in rows["Tổng cộng"][1:]]
    assert total[0] + sum(total[1:4]) - sum(total[4:7]) == total[7] == 38
    assert rows["Chi bộ Cơ quan"][1] == "17" and rows["Chi bộ Các doanh nghiệp"][1] == "14"
    [warning] = [p for p in result.report.problems if p.code == "baseline-mismatch"]
    assert "ghi 25 đảng viên" in warning.message and "cho 31 đảng viên" in warning.message
    assert "báo cáo dùng 25 theo mốc ban đầu" in warning.message
    assert "chỉ ghi từ ngày 01/02/2016" in warning.message
    # Tong-hop: the difference row says what it is; its Kiểm tra dữ liệu sheet has the warning;
    # the cells' rows add up.
    sheet = movements_sheet(files["Tong-hop.xlsx"])
    assert sheet["Chênh lệch giữa mốc ban đầu và Sổ theo dõi"][10].startswith("Số chênh lệch")
    assert sheet["Chi bộ Cơ quan"][10] == "Khớp"
    problems = openpyxl.load_workbook(files["Tong-hop.xlsx"])["Kiểm tra dữ liệu"]
    codes = [row[2] for row in problems.iter_rows(min_row=4, values_only=True)]
    assert "baseline-mismatch" in codes


def test_cell_whose_log_does_not_explain_its_count_is_flagged_in_both_sheets(tmp_path):
    # Alpha's count says 9, its log explains 6: a warning, and Bảng 1's row for Alpha (founded
    # in the year) does not add up — the two sheets of Tong-hop say the same thing.
    settings = dataclasses.replace(SETTINGS, baseline=Baseline())
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    cells = [c if c[0] != "Chi bộ Công ty Alpha" else (*c[:5], 9) for c in CELLS]
    office_ledger(inputs / "So theo doi.xlsx", cells=cells)
    returns(inputs, "Năm 2016", "15/01/2017")
    result = run(tmp_path, inputs, settings, "annual", year=2016, today=D(2017, 2, 1))
    assert_members_everywhere(result, 31, 41, (2, 3))
    [warning] = [p for p in result.report.problems if p.code == "members-mismatch"]
    assert "Chi bộ Công ty Alpha" in warning.message and warning.cell == "C5"
    sheet = movements_sheet(outputs(result)["Tong-hop.xlsx"])
    assert sheet["Chi bộ Công ty Alpha"][10].startswith("Lệch 3")
    assert sheet["Chi bộ Cơ quan"][10] == "Khớp"


# --- periods ----------------------------------------------------------------------------------

def test_annual_without_year_takes_the_latest_year_with_returns_and_says_so(tmp_path):
    inputs = make(tmp_path, period="6 tháng đầu năm 2016", prepared="05/07/2016")
    fill(inputs / "alpha 2015.xlsx", {**AS_TYPED, "period": "Năm 2015",
                                      "prepared_on": "10/01/2016", "employees": "1.000",
                                      "union_members": "900"})
    result = run(tmp_path, inputs, SETTINGS, "annual", today=D(2026, 3, 1))
    assert result.period.year == 2016
    assert any("Không ghi --year: lập báo cáo năm 2016" in n for n in result.notes)
    assert any("không tính 1 báo cáo của kỳ khác" in n and "Năm 2015" in n for n in result.notes)
    data = json.loads(outputs(result)["figures.json"].read_text(encoding="utf-8"))
    assert data["report"]["year"] == 2016 and data["report"]["forms_partial"] is True
    assert data["report"]["forms_period_label"] == "6 tháng đầu năm 2016"
    text = docx_text(outputs(result)[".docx"])
    assert "năm 2016" in text and "năm 2025" not in text
    assert "Theo báo cáo 6 tháng đầu năm 2016 của các doanh nghiệp, tổng số lao động" in text
    # Year on year against the 2015 return, over the one enterprise that returned both years:
    # Alpha's 1.234 against its 1.000 (not the three returns' 2.129 against one return's 1.000).
    assert ("So với báo cáo năm 2015 (so sánh trên 1 doanh nghiệp có báo cáo cả hai kỳ, trong số "
            "3 doanh nghiệp báo cáo kỳ này và 1 doanh nghiệp báo cáo kỳ trước): tổng số lao động "
            "tăng 234 người (23,4%)") in text
    summary = outputs(result)["Tong-hop.xlsx"]
    ws = openpyxl.load_workbook(summary)["Tổng hợp"]
    row = next(r for r in ws.iter_rows(values_only=True) if r[0] == "Tổng số lao động"
               and isinstance(r[1], int | float) and r[1] == 1000)
    assert row[1:4] == (1000, 1234, 234)
    notes = [r[0] for r in ws.iter_rows(values_only=True) if r[0] and "cả hai kỳ" in str(r[0])]
    assert notes == ["Các số (trừ tỷ lệ) so sánh trên 1 doanh nghiệp có báo cáo cả hai kỳ, trong "
                     "số 3 doanh nghiệp báo cáo kỳ này và 1 doanh nghiệp báo cáo kỳ trước."]


def test_the_screen_says_which_year_was_chosen_and_what_was_left_out(tmp_path):
    inputs = make(tmp_path)
    fill(inputs / "alpha 2015.xlsx", {**AS_TYPED, "period": "Năm 2015",
                                      "prepared_on": "10/01/2016", "employees": "1.000",
                                      "union_members": "900"})
    result = CliRunner().invoke(cli, ["--workspace", str(tmp_path), "--no-cache", "generate",
                                      "--kind", "annual"])
    assert result.exit_code == 0, result.output
    assert ("Không ghi --year: lập báo cáo năm 2016, năm gần nhất có báo cáo của doanh "
            "nghiệp.") in result.output
    assert ("Báo cáo dùng 3 báo cáo kỳ Năm 2016; không tính 1 báo cáo của kỳ khác: 1 báo cáo "
            "kỳ Năm 2015 (chỉ dùng để so sánh với năm trước).") in result.output


def test_annual_report_before_the_baseline_is_refused(tmp_path):
    settings = dataclasses.replace(SETTINGS, baseline=Baseline(D(2016, 6, 30), 2, 31))
    inputs = make(tmp_path)
    with pytest.raises(ValueError, match=r"Báo cáo năm 2016 cần số chi bộ, đảng viên tại ngày "
                                         r"31/12/2015, trước mốc ban đầu 30/06/2016"):
        run(tmp_path, inputs, settings, "annual", year=2016, today=D(2017, 2, 1))


def test_no_returns_at_all_stops_with_a_message_and_writes_nothing(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (tmp_path / "kcn_reports.toml").write_text(DEFAULT_SETTINGS, encoding="utf-8")
    office_ledger(inputs / "So theo doi.xlsx")
    result = CliRunner().invoke(cli, ["--workspace", str(tmp_path), "--no-cache", "generate",
                                      "--kind", "annual"])
    assert result.exit_code == 2
    assert "Chưa có báo cáo nào của doanh nghiệp được nhận" in result.output
    assert not (tmp_path / "outputs").exists() or not any((tmp_path / "outputs").iterdir())


def test_year_without_returns_stops_naming_the_years_that_have_some(tmp_path):
    make(tmp_path)
    result = CliRunner().invoke(cli, ["--workspace", str(tmp_path), "--no-cache", "generate",
                                      "--kind", "annual", "--year", "2017"])
    assert result.exit_code == 2, result.output
    assert "Chưa có báo cáo nào của doanh nghiệp cho năm 2017" in result.output
    assert "Các năm đã có báo cáo: 2016." in result.output
    assert not (tmp_path / "outputs" / "bao-cao-nam-2017").exists()


def test_report_dated_before_the_end_of_its_year_counts_stocks_at_its_date(tmp_path):
    settings = dataclasses.replace(SETTINGS, baseline=Baseline())
    inputs = make(tmp_path, period="6 tháng đầu năm 2016", prepared="05/07/2016")
    result = run(tmp_path, inputs, settings, "annual", as_of=D(2016, 8, 31),
                 today=D(2016, 9, 5))
    text = docx_text(outputs(result)[".docx"])
    assert "Đến ngày 31 tháng 08 năm 2016, Đảng bộ Các Khu công nghiệp tỉnh có 3 chi bộ" in text
    assert "31 tháng 12 năm 2016" not in text
    # By hand, at 31/08/2016: Cơ quan 20 − 1 (in on 01/10) = 19, Alpha 6, Các doanh nghiệp
    # 12 + 1 (died on 09/09) = 13: 38 members, as at the end of the year.
    assert_members_everywhere(result, 31, 38, (2, 3))
    data = json.loads(outputs(result)["figures.json"].read_text(encoding="utf-8"))
    assert data["report"]["as_at"] == "2016-08-31" and data["report"]["end"] == "2016-12-31"


def test_two_year_title_counts_the_years_and_names_returns_left_out(tmp_path):
    settings = dataclasses.replace(SETTINGS, baseline=Baseline(D(2024, 12, 31), 2, 31))
    movements = [(day.replace(year=day.year + 10), cell, kind, n)
                 for day, cell, kind, n in MOVEMENTS]
    cells = [(name, kind, tax, founded.replace(year=founded.year + 10), None, count)
             for name, kind, tax, founded, _, count in CELLS]
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    office_ledger(inputs / "So theo doi.xlsx", movements, cells)
    returns(inputs, "6 tháng đầu năm 2026", "05/07/2026")
    fill(inputs / "alpha nam.xlsx", {**AS_TYPED, "period": "Năm 2026",
                                     "prepared_on": "20/11/2026"})
    result = run(tmp_path, inputs, settings, "two-year", as_of=D(2026, 11, 30),
                 today=D(2026, 12, 1))
    text = docx_text(outputs(result)[".docx"])
    assert "Kết quả 02 năm phát triển tổ chức đảng, đảng viên" in text
    assert "Sau gần 02 năm hoạt động" in text and "01 năm" not in text
    assert any("1 báo cáo kỳ Năm 2026 (kỳ kết thúc 31/12/2026, sau ngày 30/11/2026)" in n
               for n in result.notes)


# --- zero-aware wording -----------------------------------------------------------------------

def test_sentences_whose_figure_is_zero_are_rewritten_or_left_out(tmp_path):
    settings = dataclasses.replace(SETTINGS, baseline=Baseline())
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    office_ledger(inputs / "So theo doi.xlsx", movements=[], outreach=False, cells=[
        ("Chi bộ Cơ quan", "Cơ quan", None, D(2012, 1, 1), None, 3)])
    # One return: no union, no youth union, no foreign workers.
    fill(inputs / "beta.xlsx", {
        **AS_TYPED, "name": "Công ty CP May Bắc Giang", "tax_code": BETA, "zone": "Dinh Tram",
        "ownership": "Doanh nghiệp trong nước", "investor_country": None, "period": "Năm 2016",
        "prepared_on": "15/01/2017", "employees": "300", "employees_female": "200",
        "employees_foreign": "0", "has_party_org": "Không", "party_members": "0",
        "party_members_not_transferred": "0", "owner_is_party_member": "Không",
        "has_union": "Không", "union_founded_on": None, "union_members": "0",
        "has_youth_union": "Không", "youth_members": "0"})
    result = run(tmp_path, inputs, settings, "annual", year=2016, today=D(2017, 2, 1))
    text = docx_text(outputs(result)[".docx"])
    for wrong in (" 0 đảng viên", " 0 doanh nghiệp", " 0 tổ chức", " 0 lao động",
                  " 0 chi bộ thuộc", " 0 quần chúng", " 00 "):
        assert wrong not in text, wrong
    for sentence in (
            "Chưa có chi bộ trong doanh nghiệp có vốn đầu tư nước ngoài (FDI).",
            "Trong kỳ chưa kết nạp, chưa tiếp nhận đảng viên chuyển đến.",
            "Trong kỳ chưa ghi nhận hoạt động tiếp cận, tuyên truyền doanh nghiệp",
            "Trong kỳ chưa tổ chức lớp bồi dưỡng nhận thức về Đảng",
            "chưa doanh nghiệp nào có tổ chức Công đoàn cơ sở.",
            "Chưa doanh nghiệp nào báo cáo có tổ chức Đoàn Thanh niên Cộng sản Hồ Chí Minh.",
            "tổng số lao động đang làm việc là 300 người, trong đó 200 lao động nữ. ",
            "đều là doanh nghiệp trong nước"):
        assert sentence in text, sentence
    assert re.search(r"Có 1/3 doanh nghiệp đã gửi báo cáo \(33,3%\)", text)


def test_an_enterprise_with_only_a_half_year_return_is_named_not_mislabelled(tmp_path):
    """Alpha and Beta sent "Năm 2016" (Alpha its "6 tháng" too); Gamma sent only "6 tháng đầu
    năm 2016". The annual report uses the year's returns and says Gamma's half-year return was
    not added to the year's figures, naming it, instead of "đã có kỳ Năm 2016"."""
    inputs = make(tmp_path)
    (inputs / "gamma.xlsx").unlink()
    fill(inputs / "gamma 6 thang.xlsx", {
        **AS_TYPED, "name": "Công ty TNHH Cơ khí Hòa Phú", "tax_code": GAMMA, "zone": "Hoa Phu",
        "ownership": "Doanh nghiệp trong nước", "investor_country": None,
        "period": "6 tháng đầu năm 2016", "prepared_on": "05/07/2016"})
    fill(inputs / "alpha 6 thang.xlsx", {**AS_TYPED, "period": "6 tháng đầu năm 2016",
                                         "prepared_on": "05/07/2016"})
    result = run(tmp_path, inputs, SETTINGS, "annual", year=2016, today=D(2017, 2, 1))
    [note] = [n for n in result.notes if "không tính" in n]
    assert note == (
        "Báo cáo dùng 2 báo cáo kỳ Năm 2016; không tính 2 báo cáo của kỳ khác: 1 báo cáo kỳ 6 tháng "
        "đầu năm 2016 của doanh nghiệp chưa gửi báo cáo kỳ Năm 2016 (không cộng báo cáo 6 tháng "
        f"vào số liệu cả năm; mã số thuế {GAMMA}); 1 báo cáo kỳ 6 tháng đầu năm 2016 (doanh "
        "nghiệp đã có báo cáo kỳ Năm 2016).")
