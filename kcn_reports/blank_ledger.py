"""The blank "Sổ theo dõi" workbook the office keeps (party cells, movements, activities,
enterprises, targets).

Sheets, headers, widths, value kinds and dropdown vocabularies all come from `ledgerdef` (and
the two ownership labels from `formdef`); this module only decides the look of the workbook.
`write_blank_ledger` can also fill data rows, which is how the sample workspace is made.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from kcn_reports.formdef import OWNERSHIP_DOMESTIC, OWNERSHIP_FDI, TYPING_HINTS, Kind
from kcn_reports.ledgerdef import (
    ACTIVITY_TYPES,
    CELL_TYPES,
    MOVEMENT_TYPES,
    SHEETS,
    SHEETS_BY_KEY,
    TARGETS,
    Column,
    LedgerSheet,
)
from kcn_reports.xlsx_lists import DropdownLists

INSTRUCTIONS_SHEET = "Hướng dẫn"
LISTS_SHEET = "_danh_muc"  # hidden; holds dropdown lists too long to write inline
LEDGER_TITLE = "SỔ THEO DÕI TỔ CHỨC ĐẢNG, ĐẢNG VIÊN, HOẠT ĐỘNG VÀ DOANH NGHIỆP CÁC KHU CÔNG NGHIỆP"

FONT = "Times New Roman"
FONT_SIZE = 12
HEADER_FILL = "#D9D9D9"
MIN_DATE = dt.date(1990, 1, 1)
MAX_DATE = dt.date(2100, 12, 31)
# Rows below the header that carry dropdowns and checks, beyond the rows written.
INPUT_ROWS = 2000
# Excel refuses an inline dropdown list longer than this.

# Fixed vocabularies, by (sheet key, column key). Zone and ownership columns get theirs from
# their kind (`Kind.ZONE`, `Kind.OWNERSHIP`).
VOCABULARIES: dict[tuple[str, str], dict[str, str]] = {
    ("cells", "type"): CELL_TYPES,
    ("movements", "type"): MOVEMENT_TYPES,
    ("activities", "type"): ACTIVITY_TYPES,
    ("targets", "target"): TARGETS,
}
# Columns whose dropdown lists the values typed in another sheet's column (a warning, not a
# refusal, when the value typed is not there yet).
REFERENCES: dict[tuple[str, str], tuple[str, str]] = {
    ("movements", "cell"): ("cells", "name"),
    ("cells", "tax_code"): ("enterprises", "tax_code"),
    ("movements", "tax_code"): ("enterprises", "tax_code"),
    ("activities", "tax_code"): ("enterprises", "tax_code"),
}


def column_choices(sheet: LedgerSheet, column: Column, zones: Sequence[str]) -> list[str] | None:
    """The fixed list a column's values are chosen from, or None when it is free."""
    if column.kind is Kind.ZONE:
        return list(zones)
    if column.kind is Kind.OWNERSHIP:
        return [OWNERSHIP_FDI, OWNERSHIP_DOMESTIC]
    vocabulary = VOCABULARIES.get((sheet.key, column.key))
    return list(vocabulary.values()) if vocabulary else None


def _reference(sheet: LedgerSheet, column: Column) -> tuple[LedgerSheet, Column] | None:
    target = REFERENCES.get((sheet.key, column.key))
    if target is None:
        return None
    other = SHEETS_BY_KEY[target[0]]
    return other, next(c for c in other.columns if c.key == target[1])


def column_hint(sheet: LedgerSheet, column: Column, zones: Sequence[str]) -> str:
    """How to fill a column, in Vietnamese (instructions sheet and input messages)."""
    choices = column_choices(sheet, column, zones)
    if choices:
        return "Chọn trong danh sách: " + "; ".join(choices) + "."
    reference = _reference(sheet, column)
    if reference:
        other, other_column = reference
        text = (f"Chọn trong danh sách (cột \"{other_column.header}\" của trang "
                f"\"{other.name}\")")
        if column.kind is Kind.TAX_CODE:
            text += "; 10 chữ số, giữ nguyên số 0 ở đầu"
        return text + "."
    return TYPING_HINTS[column.kind] + "."


def _range(sheet_name: str, first_row: int, last_row: int, col: int) -> str:
    first = xl_rowcol_to_cell(first_row, col, row_abs=True, col_abs=True)
    last = xl_rowcol_to_cell(last_row, col, row_abs=True, col_abs=True)
    quoted = sheet_name.replace("'", "''")
    return f"'{quoted}'!{first}:{last}"


def _validation(sheet: LedgerSheet, column: Column, zones: Sequence[str], lists: DropdownLists,
                last_rows: dict[str, int]) -> dict[str, Any] | None:
    """xlsxwriter data-validation options for a column, from ledgerdef."""
    hint = column_hint(sheet, column, zones)
    choices = column_choices(sheet, column, zones)
    reference = _reference(sheet, column)
    options: dict[str, Any]
    if choices and column.kind is Kind.ZONE:
        # The office's own workbook outlives its settings: a zone added to kcn_reports.toml
        # later must still be typeable here (check reads it against the settings anyway).
        options = {"validate": "list", "source": lists.source(choices),
                   "error_type": "warning", "error_title": "KCN chưa có trong danh sách",
                   "error_message": "KCN này không có trong danh sách lúc tạo sổ. Nếu đã thêm "
                                    "KCN này vào kcn_reports.toml thì vẫn ghi được. Vẫn ghi?"}
    elif choices:
        options = {"validate": "list", "source": lists.source(choices),
                   "error_title": "Giá trị không hợp lệ",
                   "error_message": f"Vui lòng chọn \"{column.header}\" trong danh sách."}
    elif reference:
        other, other_column = reference
        col = other.columns.index(other_column)
        source = "=" + _range(other.name, 1, last_rows[other.key], col)
        options = {"validate": "list", "source": source,
                   "error_type": "warning", "error_title": "Chưa có trong danh sách",
                   "error_message": f"Giá trị này chưa có ở trang \"{other.name}\". "
                                    "Vẫn ghi vào sổ?"}
    elif column.kind is Kind.DATE:
        options = {"validate": "date", "criteria": "between", "minimum": MIN_DATE,
                   "maximum": MAX_DATE, "error_title": "Ngày không hợp lệ",
                   "error_message": "Vui lòng nhập ngày theo dạng ngày/tháng/năm (dd/mm/yyyy)."}
    elif column.kind is Kind.INTEGER:
        options = {"validate": "integer", "criteria": ">=", "value": 0,
                   "error_title": "Giá trị không hợp lệ",
                   "error_message": "Vui lòng nhập số nguyên không âm."}
    elif column.kind is Kind.NUMBER:
        options = {"validate": "decimal", "criteria": ">=", "value": 0,
                   "error_title": "Giá trị không hợp lệ",
                   "error_message": "Vui lòng nhập số không âm."}
    elif column.kind is Kind.TAX_CODE:
        options = {"validate": "length", "criteria": "between", "minimum": 10, "maximum": 14,
                   "error_title": "Mã số thuế không hợp lệ",
                   "error_message": "Mã số thuế gồm 10 chữ số, hoặc 10 chữ số-3 chữ số."}
    else:
        return None
    options["input_title"] = column.header[:32]
    options["input_message"] = hint[:255]
    return options


class _Formats:
    def __init__(self, book: xlsxwriter.Workbook) -> None:
        base = {"font_name": FONT, "font_size": FONT_SIZE, "valign": "top"}

        def fmt(**props: Any) -> xlsxwriter.format.Format:
            return book.add_format({**base, **props})

        self.header = fmt(bold=True, align="center", valign="vcenter", text_wrap=True,
                          bg_color=HEADER_FILL, border=1)
        self.title = fmt(bold=True, font_size=14, align="center", text_wrap=True)
        self.h2 = fmt(bold=True)
        self.para = fmt(text_wrap=True)
        self.cell = fmt(text_wrap=True, border=1)
        self.cell_bold = fmt(text_wrap=True, border=1, bold=True)
        self.by_kind = {
            Kind.DATE: fmt(num_format="dd/mm/yyyy", align="center"),
            Kind.TAX_CODE: fmt(num_format="@"),
            Kind.INTEGER: fmt(),
            Kind.NUMBER: fmt(),
        }
        self.text = fmt(text_wrap=True)

    def column(self, column: Column) -> xlsxwriter.format.Format:
        return self.by_kind.get(column.kind, self.text)


def _write_value(ws: xlsxwriter.worksheet.Worksheet, row: int, col: int, value: Any,
                 cell_format: xlsxwriter.format.Format) -> None:
    # Explicit writers only: text that looks like a formula stays text.
    if value is None or value == "":
        ws.write_blank(row, col, None, cell_format)
    elif isinstance(value, bool):
        ws.write_boolean(row, col, value, cell_format)
    elif isinstance(value, (dt.date, dt.datetime)):
        ws.write_datetime(row, col, value, cell_format)
    elif isinstance(value, (int, float)):
        ws.write_number(row, col, value, cell_format)
    else:
        ws.write_string(row, col, str(value), cell_format)


def _write_sheet(ws: xlsxwriter.worksheet.Worksheet, sheet: LedgerSheet, fmt: _Formats,
                 lists: DropdownLists, zones: Sequence[str], data: list[list[Any]],
                 last_rows: dict[str, int]) -> None:
    last_col = len(sheet.columns) - 1
    last_row = last_rows[sheet.key]
    for col, column in enumerate(sheet.columns):
        ws.set_column(col, col, column.width, fmt.column(column))
        ws.write_string(0, col, column.header, fmt.header)
    ws.set_row(0, 33)
    for r, values in enumerate(data, 1):
        if len(values) > len(sheet.columns):
            raise ValueError(f"sheet {sheet.name!r}, row {r + 1}: {len(values)} values for "
                             f"{len(sheet.columns)} columns")
        for col, column in enumerate(sheet.columns):
            value = values[col] if col < len(values) else None
            _write_value(ws, r, col, value, fmt.column(column))
    for col, column in enumerate(sheet.columns):
        options = _validation(sheet, column, zones, lists, last_rows)
        # xlsxwriter only warns and skips a validation it rejects; a ledger without it is a bug.
        if options and ws.data_validation(1, col, last_row, col, options) != 0:
            raise ValueError(f"data validation rejected for {sheet.name}!{column.header}")
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(data), 1), last_col)
    ws.set_paper(9)  # A4
    ws.set_landscape()
    ws.repeat_rows(0)
    ws.fit_to_pages(1, 0)


def _write_instructions(ws: xlsxwriter.worksheet.Worksheet, fmt: _Formats,
                        zones: Sequence[str]) -> None:
    widths = (22, 46, 80)
    for col, width in enumerate(widths):
        ws.set_column(col, col, width)
    last_col = len(widths) - 1
    row = 0
    ws.merge_range(row, 0, row, last_col, LEDGER_TITLE, fmt.title)
    ws.set_row(row, 40)
    row += 2
    general = [
        "Sổ do văn phòng Đảng ủy cập nhật. Chương trình kcn-reports đọc sổ này cùng các báo "
        "cáo doanh nghiệp gửi về (đặt tất cả trong thư mục inputs/) để lập báo cáo.",
        "Không đổi tên các trang tính và các tiêu đề cột ở dòng 1; có thể thêm cột ở bên phải "
        "để ghi thêm thông tin riêng.",
        "Mỗi dòng một bản ghi, không gộp ô. Cột có dấu (*) là bắt buộc.",
        "Ngày ghi theo dạng ngày/tháng/năm (dd/mm/yyyy). Mã số thuế ghi đủ 10 chữ số (chi "
        "nhánh: 10 chữ số-3 chữ số), giữ nguyên số 0 ở đầu.",
        "Các cột có danh sách chọn: chọn đúng giá trị trong danh sách để chương trình nhận ra.",
    ]
    ws.merge_range(row, 0, row, last_col, "Lưu ý chung", fmt.h2)
    row += 1
    for number, text in enumerate(general, 1):
        ws.merge_range(row, 0, row, last_col, f"{number}. {text}", fmt.para)
        ws.set_row(row, 33 if len(text) > 130 else 17)
        row += 1
    row += 1
    ws.merge_range(row, 0, row, last_col, "Các trang tính", fmt.h2)
    row += 1
    for col, text in enumerate(("Trang tính", "Nội dung", "Các cột (*: bắt buộc)")):
        ws.write_string(row, col, text, fmt.header)
    row += 1
    for sheet in SHEETS:
        lines = []
        for column in sheet.columns:
            mark = " (*)" if column.required else ""
            lines.append(f"• {column.header}{mark}: {column_hint(sheet, column, zones)}")
        ws.write_string(row, 0, sheet.name, fmt.cell_bold)
        ws.write_string(row, 1, sheet.purpose, fmt.cell)
        ws.write_string(row, 2, "\n".join(lines), fmt.cell)
        height = sum(1 + len(line) // 95 for line in lines)
        ws.set_row(row, 16.5 * height + 3)
        row += 1
    ws.set_paper(9)
    ws.set_portrait()
    ws.fit_to_pages(1, 0)
    ws.hide_gridlines(2)


def write_blank_ledger(path: Path, zones: Sequence[str],
                       rows: dict[str, list[list[Any]]] | None = None) -> None:
    """Write the Sổ theo dõi (.xlsx): an instructions sheet, then one sheet per
    `ledgerdef.SHEETS` entry with headers, dropdowns and checks; `rows` (sheet key -> row
    value lists in column order) optionally fills data rows."""
    rows = rows or {}
    unknown = set(rows) - set(SHEETS_BY_KEY)
    if unknown:
        raise ValueError(f"unknown ledger sheets: {sorted(unknown)}")
    book = xlsxwriter.Workbook(
        str(path), {"default_format_properties": {"font_name": FONT, "font_size": FONT_SIZE}})
    try:
        fmt = _Formats(book)
        instructions = book.add_worksheet(INSTRUCTIONS_SHEET)
        sheets = [(sheet, book.add_worksheet(sheet.name)) for sheet in SHEETS]
        hidden = book.add_worksheet(LISTS_SHEET)
        lists = DropdownLists(hidden, LISTS_SHEET)
        _write_instructions(instructions, fmt, zones)
        # Last row (0-based) that carries dropdowns and checks, per sheet.
        last_rows = {s.key: len(rows.get(s.key, [])) + INPUT_ROWS for s in SHEETS}
        for sheet, ws in sheets:
            _write_sheet(ws, sheet, fmt, lists, zones, rows.get(sheet.key, []), last_rows)
        hidden.hide()
        instructions.activate()
        book.set_properties({"title": LEDGER_TITLE, "subject": "Sổ theo dõi"})
    finally:
        book.close()
