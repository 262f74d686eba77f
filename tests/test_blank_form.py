"""The blank form: content checked by reading the generated workbook back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils.cell import coordinate_from_string, range_boundaries
from python_calamine import CalamineWorkbook

from kcn_reports.blank_form import TEMPLATE_SHEET, input_cells, write_blank_form
from kcn_reports.formdef import (
    FORM_CODE,
    FORM_TITLE,
    FORM_VERSION,
    IDENTITY,
    INDICATORS,
    OWNERSHIP_DOMESTIC,
    OWNERSHIP_FDI,
    VERSION_MARKER,
    Kind,
)

ZONES = ["KCN Đình Trám", "KCN Quang Châu", "KCN Vân Trung", "KCN Song Khê - Nội Hoàng"]
HEADER = ["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu", "Ghi chú"]


@pytest.fixture(scope="module")
def form_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("form") / "mau_01.xlsx"
    write_blank_form(path, ZONES, years=[2025, 2026])
    return path


@pytest.fixture(scope="module")
def book(form_path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(form_path)


@pytest.fixture(scope="module")
def sheet(book: openpyxl.Workbook):
    return book[TEMPLATE_SHEET]


def _find(ws, text: str) -> tuple[int, int]:
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == text:
                return cell.row, cell.column
    raise AssertionError(f"{text!r} not found on {ws.title!r}")


def _validation_for(ws, address: str):
    found = [dv for dv in ws.data_validations.dataValidation if address in dv.sqref]
    assert len(found) == 1, f"expected one validation on {address}, got {len(found)}"
    return found[0]


def _list_items(book: openpyxl.Workbook, formula: str) -> list[str]:
    """Items of a list validation: inline '"a,b"' or a range on another sheet."""
    if formula.startswith('"'):
        return formula.strip('"').split(",")
    sheet_name, cells = formula.lstrip("=").split("!")
    ws = book[sheet_name.strip("'")]
    min_col, min_row, max_col, max_row = range_boundaries(cells.replace("$", ""))
    return [ws.cell(r, min_col).value for r in range(min_row, max_row + 1)]


def test_sheets_order_and_hidden_version(book: openpyxl.Workbook) -> None:
    assert book.sheetnames[:2] == [TEMPLATE_SHEET, "Hướng dẫn"]
    assert book.active.title == TEMPLATE_SHEET
    hidden = book["_phien_ban"]
    assert hidden.sheet_state == "hidden"
    assert hidden["A1"].value == VERSION_MARKER
    assert hidden["B1"].value == FORM_VERSION
    assert hidden["B2"].value == FORM_CODE


def test_workbook_properties(book: openpyxl.Workbook) -> None:
    assert book.properties.title == FORM_TITLE
    assert book.properties.subject == FORM_CODE
    assert FORM_VERSION in (book.properties.description or "")


def test_header_block_and_title(sheet) -> None:
    texts = {c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)}
    assert FORM_CODE in texts
    assert FORM_TITLE in texts
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts
    assert "Độc lập - Tự do - Hạnh phúc" in texts
    assert any(t.startswith("TÊN DOANH NGHIỆP:") for t in texts)
    assert "Kính gửi: Đảng ủy Các Khu công nghiệp; Ban Quản lý các Khu công nghiệp" in texts
    for text in ("NGƯỜI LẬP BIỂU", "GIÁM ĐỐC DOANH NGHIỆP", "(Ký, ghi rõ họ tên)",
                 "(Ký tên, đóng dấu)", "……, ngày … tháng … năm ……"):
        assert text in texts
    row, col = _find(sheet, FORM_CODE)
    assert sheet.cell(row, col).font.i
    assert sheet.cell(*_find(sheet, FORM_TITLE)).font.b
    assert sheet.cell(row, col).font.name == "Times New Roman"


def test_header_row(sheet) -> None:
    row, col = _find(sheet, "STT")
    values = [sheet.cell(row, col + i).value for i in range(len(HEADER))]
    assert values == HEADER
    for i in range(len(HEADER)):
        cell = sheet.cell(row, col + i)
        assert cell.font.b
        assert cell.alignment.horizontal == "center"
        assert cell.border.bottom.style == "thin"


def test_identity_labels_and_inputs(sheet) -> None:
    cells = input_cells()
    for fld in IDENTITY:
        col_letter, row = coordinate_from_string(cells[fld.key])
        label_row, label_col = _find(sheet, f"{fld.label}:")
        assert label_row == row
        assert sheet.cell(label_row, label_col).protection.locked
        # The required marker sits left of the label, so the label cell stays "Label:".
        marker = sheet.cell(label_row, label_col - 1).value
        assert marker == ("*" if fld.required else None)
        if fld.required:
            assert sheet.cell(label_row, label_col - 1).font.color.rgb.endswith("FF0000")
        # Nothing between the label and its input cell.
        for col in range(label_col + 1, sheet[cells[fld.key]].column):
            assert sheet.cell(row, col).value is None
        assert sheet[cells[fld.key]].value is None
        assert not sheet[cells[fld.key]].protection.locked
        assert sheet[cells[fld.key]].fill.fgColor.rgb.endswith("FFF2CC")
    assert sheet[cells["tax_code"]].number_format == "@"
    assert sheet[cells["prepared_on"]].number_format == "dd/mm/yyyy"


def test_every_indicator_row(sheet) -> None:
    header_row, _ = _find(sheet, "STT")
    cells = input_cells()
    number = 0
    for fld in INDICATORS:
        number += 1
        value_cell = sheet[cells[fld.key]]
        row = value_cell.row
        assert row > header_row
        assert [sheet.cell(row, c).value for c in range(1, 5)] == [
            number, fld.label, fld.code, fld.unit
        ]
        code = sheet.cell(row, 3)
        assert isinstance(code.value, str) and len(code.value) == 2 and code.value[0] in "01"
        assert code.data_type == "s"
        assert value_cell.column == 5
        assert not value_cell.protection.locked
        assert not sheet.cell(row, 6).protection.locked
        assert sheet.cell(row, 2).protection.locked
        assert sheet.cell(row, 3).protection.locked
    assert sheet[cells["revenue"]].offset(0, -2).value == "01"


def test_section_headings(sheet) -> None:
    sections = list(dict.fromkeys(f.section for f in INDICATORS))
    rows = [_find(sheet, s)[0] for s in sections]
    assert rows == sorted(rows)
    cells = input_cells()
    for fld in INDICATORS:
        section_row = rows[sections.index(fld.section)]
        assert sheet[cells[fld.key]].row > section_row
        assert sheet.cell(section_row, 3).value is None  # no code on a heading row
        assert sheet.cell(section_row, 1).font.b


def test_yes_no_dropdowns(sheet) -> None:
    cells = input_cells()
    yes_no = [f for f in INDICATORS if f.kind is Kind.YESNO]
    assert yes_no
    for fld in yes_no:
        dv = _validation_for(sheet, cells[fld.key])
        assert dv.type == "list"
        assert dv.formula1 == '"Có,Không"'
        assert dv.showErrorMessage
        assert "Vui lòng" in dv.error


def test_zone_ownership_period_dropdowns(book, sheet) -> None:
    cells = input_cells()
    zone = _validation_for(sheet, cells["zone"])
    assert _list_items(book, zone.formula1) == ZONES
    ownership = _validation_for(sheet, cells["ownership"])
    assert _list_items(book, ownership.formula1) == [OWNERSHIP_FDI, OWNERSHIP_DOMESTIC]
    period = _validation_for(sheet, cells["period"])
    assert _list_items(book, period.formula1) == [
        "6 tháng đầu năm 2025", "Năm 2025", "6 tháng đầu năm 2026", "Năm 2026"
    ]


def test_numeric_and_date_validations(sheet) -> None:
    cells = input_cells()
    for fld in INDICATORS:
        if fld.kind not in (Kind.INTEGER, Kind.NUMBER):
            continue
        dv = _validation_for(sheet, cells[fld.key])
        assert dv.type == ("whole" if fld.kind is Kind.INTEGER else "decimal")
        assert dv.operator == "greaterThanOrEqual"
        assert dv.formula1 == "0"
        assert dv.error and "không âm" in dv.error
    assert "số nguyên không âm" in _validation_for(sheet, cells["employees"]).error
    for key in ("prepared_on", "union_founded_on"):
        dv = _validation_for(sheet, cells[key])
        assert dv.type == "date" and dv.operator == "greaterThanOrEqual"
        assert sheet[cells[key]].number_format == "dd/mm/yyyy"


def test_default_years_are_around_today(tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    write_blank_form(path, ZONES)
    book = openpyxl.load_workbook(path)
    dv = _validation_for(book[TEMPLATE_SHEET], input_cells()["period"])
    year = dt.date.today().year
    items = _list_items(book, dv.formula1)
    assert items[0] == f"6 tháng đầu năm {year - 1}" and items[-1] == f"Năm {year + 1}"
    assert len(items) == 6


def test_long_zone_list_goes_to_hidden_sheet(tmp_path: Path) -> None:
    zones = [f"KCN Số {i}, giai đoạn {i % 3 + 1}" for i in range(40)]  # commas, > 255 chars
    path = tmp_path / "f.xlsx"
    write_blank_form(path, zones)
    book = openpyxl.load_workbook(path)
    dv = _validation_for(book[TEMPLATE_SHEET], input_cells()["zone"])
    assert not dv.formula1.startswith('"')
    assert _list_items(book, dv.formula1) == zones


def test_protection_and_page_setup(sheet) -> None:
    assert sheet.protection.sheet
    assert not sheet.protection.password
    assert sheet.page_setup.paperSize == 9
    assert sheet.page_setup.orientation == "portrait"
    assert sheet.page_setup.fitToWidth in (None, 1)  # 1 is the default, so may be omitted
    assert sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert not sheet.sheet_view.showGridLines
    assert sheet.print_area
    assert sheet.freeze_panes is None


def test_instructions_list_every_field(book) -> None:
    ws = book["Hướng dẫn"]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    header_row, col = _find(ws, "Cách ghi")
    assert [ws.cell(header_row, c).value for c in range(1, 6)] == [
        "Mã số", "Chỉ tiêu", "Đơn vị tính", "Bắt buộc", "Cách ghi"
    ]
    rows = {ws.cell(r, 2).value: r for r in range(header_row + 1, ws.max_row + 1)}
    for fld in (*IDENTITY, *INDICATORS):
        assert fld.label in rows, fld.label
        r = rows[fld.label]
        assert (ws.cell(r, 1).value or None) == fld.code
        assert (ws.cell(r, 3).value or "") == fld.unit
        assert (ws.cell(r, 4).value == "Có") == fld.required
        assert ws.cell(r, 5).value
        if fld.hint:
            assert ws.cell(r, 5).value == fld.hint
    joined = "\n".join(texts)
    assert "Gửi lại tệp Excel này, không chuyển sang PDF/ảnh" in joined
    assert "30/06" in joined and "31/12" in joined
    assert '"Có"' in joined and '"Không"' in joined


def test_calamine_reads_labels_and_header(form_path: Path) -> None:
    rows = CalamineWorkbook.from_path(str(form_path)).get_sheet_by_name(TEMPLATE_SHEET).to_python()
    texts = [v for row in rows for v in row if isinstance(v, str)]
    assert "Tên doanh nghiệp:" in texts
    header = next(row for row in rows if "STT" in row)
    start = header.index("STT")
    assert header[start:start + len(HEADER)] == HEADER
    codes = [v for row in rows for v in row if isinstance(v, str) and v in
             {f.code for f in INDICATORS}]
    assert codes == [f.code for f in INDICATORS]


def test_input_cells_cover_every_field() -> None:
    cells = input_cells()
    assert set(cells) == {f.key for f in (*IDENTITY, *INDICATORS)}
    assert len(set(cells.values())) == len(cells)
