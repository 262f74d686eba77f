"""The blank "Mẫu số 01/DN-KCN" workbook the office sends to enterprises.

Every label, code, unit, dropdown and instruction line is derived from `formdef`; the only
things decided here are the layout (which column, which row) and the look of the sheet.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from kcn_reports.formdef import (
    FORM_CODE,
    FORM_TITLE,
    FORM_VERSION,
    IDENTITY,
    INDICATORS,
    INSTRUCTIONS_SHEET,
    OWNERSHIP_DOMESTIC,
    OWNERSHIP_FDI,
    PERIOD_HALF,
    PERIOD_YEAR,
    TABLE_COLUMNS,
    TYPING_HINTS,
    VERSION_MARKER,
    VERSION_SHEET,
    Field,
    Kind,
    Period,
)
from kcn_reports.formmeta import ZONES_MARKER, ZONES_ROW, zones_digest, zones_row
from kcn_reports.xlsx_lists import DropdownLists

TEMPLATE_SHEET = "Báo cáo"

DEFAULT_ISSUING_BODY = "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP"
DEFAULT_RECIPIENT = "Đảng ủy Các Khu công nghiệp; Ban Quản lý các Khu công nghiệp"

FONT = "Times New Roman"
FONT_SIZE = 12
INPUT_FILL = "#FFF2CC"  # light yellow: "type here"
LOCKED_FILL = "#E7E6E6"  # grey: filled in by the office, not to be changed
REFERENCE_FILL = "#EDEDED"  # the previous period's values, for reference only
HEADER_FILL = "#D9D9D9"
SECTION_FILL = "#F2F2F2"
YES, NO = "Có", "Không"
MIN_DATE = dt.date(1990, 1, 1)
# Excel refuses an inline dropdown list longer than this; longer lists go to the hidden sheet.

# Indicator table columns, left to right: (TABLE_COLUMNS key, width in characters).
TABLE_LAYOUT: tuple[tuple[str, float], ...] = (
    ("stt", 6),
    ("label", 57),
    ("code", 8),
    ("unit", 20),
    ("value", 15),
    ("note", 16),
)
# A pre-filled form adds the previous return's values right of the input column, so a reader
# that takes the column after "Đơn vị tính" still finds this period's input there.
PREVIOUS_COLUMN: tuple[str, float] = ("previous", 17)
COL = {key: index for index, (key, _) in enumerate(TABLE_LAYOUT)}
LAST_COL = len(TABLE_LAYOUT) - 1
# The identity block reuses the table's grid: marker in the STT column, label in the "Chỉ tiêu"
# column, input merged from the code column to the right edge.
MARK_COL = COL["stt"]
LABEL_COL = COL["label"]
IDENTITY_INPUT_COL = COL["code"]

LINE_HEIGHT = 16.5  # points per line of 12 pt Times New Roman
TITLE_LINE_HEIGHT = 19.5  # points per line of the 14 pt title


@dataclass(frozen=True)
class FormFill:
    """What the office writes into a form before sending it: the period being collected and,
    for one enterprise's form, its identity (locked) and its previous return (shown beside the
    input column for reference)."""

    period: Period | None = None
    identity: Mapping[str, str] = field(default_factory=dict)  # field key -> text, locked
    previous: Mapping[str, Any] | None = None  # indicator key -> value of the previous return
    previous_period: Period | None = None

    @property
    def table(self) -> tuple[tuple[str, float], ...]:
        """The indicator table's columns for this form."""
        if self.previous is None:
            return TABLE_LAYOUT
        at = COL["value"] + 1
        return (*TABLE_LAYOUT[:at], PREVIOUS_COLUMN, *TABLE_LAYOUT[at:])

    def value_header(self) -> str:
        """"Số liệu" in a blank form; with the period named in a form made for one enterprise,
        so the input column says which period it holds."""
        base = TABLE_COLUMNS["value"][0]
        return f"{base} {self.period.label}" if self.identity and self.period else base

    def previous_header(self) -> str:
        period = f" ({self.previous_period.label})" if self.previous_period else ""
        return f"Kỳ trước{period} – tham khảo"


@dataclass(frozen=True)
class _Layout:
    """Row numbers (0-based) of every block of the form sheet; depends on formdef only."""

    form_code: int
    header: int
    motto: int
    title: int
    recipient: int
    identity: dict[str, int]
    identity_note: int
    table_header: int
    table_rows: tuple[tuple[str, Field | str], ...]  # ("section", text) or ("field", field)
    indicator: dict[str, int]
    footnote: int
    date_line: int
    signature: int
    last: int


def _layout() -> _Layout:
    row = 0
    form_code, header, motto = row, row + 1, row + 2
    row += 4
    title = row
    recipient = row + 1
    row += 3
    identity: dict[str, int] = {}
    for fld in IDENTITY:
        identity[fld.key] = row
        row += 1
    identity_note = row
    row += 2
    table_header = row
    row += 1
    table_rows: list[tuple[str, Field | str]] = []
    indicator: dict[str, int] = {}
    section = None
    for fld in INDICATORS:
        if fld.section and fld.section != section:
            section = fld.section
            table_rows.append(("section", section))
            row += 1
        table_rows.append(("field", fld))
        indicator[fld.key] = row
        row += 1
    footnote = row + 1
    date_line = footnote + 2
    signature = date_line + 1
    last = signature + 6
    return _Layout(form_code, header, motto, title, recipient, identity, identity_note,
                   table_header, tuple(table_rows), indicator, footnote, date_line, signature,
                   last)


def input_cells() -> dict[str, str]:
    """A1 address of each field's input cell on the form sheet, by field key."""
    layout = _layout()
    cells = {key: xl_rowcol_to_cell(r, IDENTITY_INPUT_COL) for key, r in layout.identity.items()}
    cells.update({key: xl_rowcol_to_cell(r, COL["value"]) for key, r in layout.indicator.items()})
    return cells


def period_choices(years: Sequence[int]) -> list[str]:
    """Labels of the reporting periods offered in the dropdown, in time order."""
    return [Period(kind, year).label for year in years for kind in (PERIOD_HALF, PERIOD_YEAR)]


def _default_years() -> list[int]:
    this_year = dt.date.today().year
    return [this_year - 1, this_year, this_year + 1]


def _snapshot_ddmm(kind: str) -> str:
    """"30/06" / "31/12": the day of the year a period's stock figures refer to."""
    _, month, day = Period(kind, 2000).snapshot.split("-")
    return f"{day}/{month}"


def default_hint(fld: Field, zones: Sequence[str] = ()) -> str:
    """What to type in a field when formdef gives no hint of its own."""
    if fld.kind is Kind.ZONE and zones:
        return f"Chọn trong danh sách: {'; '.join(zones)}"
    if fld.kind is Kind.OWNERSHIP:
        return f'Chọn "{OWNERSHIP_FDI}" hoặc "{OWNERSHIP_DOMESTIC}"'
    return TYPING_HINTS[fld.kind]


def _hint(fld: Field, zones: Sequence[str] = ()) -> str:
    return fld.hint or default_hint(fld, zones)


def _lines(text: str, width: float) -> int:
    """Rough number of wrapped lines `text` takes in a cell `width` characters wide."""
    per_line = max(width * 1.1, 1.0)
    return max(1, sum(math.ceil(max(len(part), 1) / per_line) for part in text.split("\n")))


class _Formats:
    """All cell formats of the workbook, built once."""

    def __init__(self, book: xlsxwriter.Workbook) -> None:
        base = {"font_name": FONT, "font_size": FONT_SIZE, "valign": "vcenter"}

        def fmt(**props: object) -> xlsxwriter.format.Format:
            return book.add_format({**base, **props})

        border = {"border": 1}
        self.form_code = fmt(italic=True, align="right")
        self.org = fmt(bold=True, align="center", text_wrap=True)
        self.nation = fmt(bold=True, align="center")
        self.motto = fmt(bold=True, underline=True, align="center")
        self.title = fmt(bold=True, font_size=14, align="center", text_wrap=True)
        self.recipient = fmt(align="center", text_wrap=True)
        self.mark = fmt(bold=True, font_color="red", align="right")
        self.label = fmt(text_wrap=True)
        self.note = fmt(italic=True, font_size=11, text_wrap=True, valign="top")
        self.th = fmt(bold=True, align="center", text_wrap=True, bg_color=HEADER_FILL, **border)
        self.section = fmt(bold=True, bg_color=SECTION_FILL, text_wrap=True, **border)
        self.cell_center = fmt(align="center", text_wrap=True, **border)
        self.cell_text = fmt(text_wrap=True, **border)
        self.cell_code = fmt(align="center", num_format="@", **border)
        self.cell_note = fmt(text_wrap=True, locked=False, **border)
        self.date_line = fmt(italic=True, align="center")
        self.sign_title = fmt(bold=True, align="center")
        self.sign_hint = fmt(italic=True, align="center")
        self.h1 = fmt(bold=True, font_size=14, align="center", text_wrap=True)
        self.h2 = fmt(bold=True)
        self.para = fmt(text_wrap=True, valign="top")
        self.cell_top = fmt(text_wrap=True, valign="top", **border)
        self.cell_top_center = fmt(text_wrap=True, valign="top", align="center", **border)
        self.identity_locked = fmt(bg_color=LOCKED_FILL, align="left", bottom=1,
                                   bottom_color="#808080", text_wrap=True, num_format="@")
        self.th_reference = fmt(bold=True, italic=True, align="center", text_wrap=True,
                                bg_color=HEADER_FILL, **border)
        reference = {"italic": True, "bg_color": REFERENCE_FILL, "font_color": "#404040",
                     **border}
        self.reference_number = fmt(align="right", num_format="#,##0.0##", **reference)
        self.reference_integer = fmt(align="right", num_format="#,##0", **reference)
        self.reference_date = fmt(align="center", num_format="dd/mm/yyyy", **reference)
        self.reference_text = fmt(align="center", text_wrap=True, **reference)

        # Input cells: unlocked, light yellow; the number format follows the field's kind.
        number_formats = {
            Kind.TAX_CODE: "@",
            Kind.TEXT: "@",
            Kind.DATE: "dd/mm/yyyy",
            Kind.INTEGER: "#,##0",
        }
        self._identity_input: dict[Kind, xlsxwriter.format.Format] = {}
        self._value_input: dict[Kind, xlsxwriter.format.Format] = {}
        for kind in Kind:
            extra = {"num_format": number_formats[kind]} if kind in number_formats else {}
            self._identity_input[kind] = fmt(locked=False, bg_color=INPUT_FILL, align="left",
                                             bottom=1, bottom_color="#808080", text_wrap=True,
                                             **extra)
            align = "center" if kind in (Kind.YESNO, Kind.DATE) else "right"
            if kind is Kind.TEXT:
                align = "left"
            self._value_input[kind] = fmt(locked=False, bg_color=INPUT_FILL, align=align,
                                          **border, **extra)

    def identity_input(self, kind: Kind) -> xlsxwriter.format.Format:
        return self._identity_input[kind]

    def value_input(self, kind: Kind) -> xlsxwriter.format.Format:
        return self._value_input[kind]


def _validation(fld: Field, zones: Sequence[str], periods: Sequence[str],
                lists: DropdownLists) -> dict[str, object] | None:
    """xlsxwriter data-validation options for a field's input cell, from its kind."""
    hint = _hint(fld, zones)
    if len(fld.label) <= 32:
        title = fld.label
    else:
        title = f"Mã số {fld.code}" if fld.code else fld.label[:31] + "…"
    message = hint[:255]

    def dropdown(items: Sequence[str], what: str) -> dict[str, object] | None:
        if not items:
            return None
        return {"validate": "list", "source": lists.source(items),
                "error_title": "Giá trị không hợp lệ",
                "error_message": f"Vui lòng chọn {what} trong danh sách."}

    if fld.kind is Kind.YESNO:
        options = dropdown([YES, NO], f'"{YES}" hoặc "{NO}"')
    elif fld.kind is Kind.ZONE:
        options = dropdown(list(zones), "khu công nghiệp")
    elif fld.kind is Kind.OWNERSHIP:
        options = dropdown([OWNERSHIP_FDI, OWNERSHIP_DOMESTIC], "loại hình doanh nghiệp")
    elif fld.kind is Kind.PERIOD:
        options = dropdown(list(periods), "kỳ báo cáo")
    elif fld.kind is Kind.INTEGER:
        options = {"validate": "integer", "criteria": ">=", "value": 0,
                   "error_title": "Giá trị không hợp lệ",
                   "error_message": "Vui lòng nhập số nguyên không âm (0, 1, 2, …), "
                                    "không kèm đơn vị tính."}
    elif fld.kind is Kind.NUMBER:
        options = {"validate": "decimal", "criteria": ">=", "value": 0,
                   "error_title": "Giá trị không hợp lệ",
                   "error_message": "Vui lòng nhập số không âm, không kèm đơn vị tính."}
    elif fld.kind is Kind.DATE:
        options = {"validate": "date", "criteria": ">=", "value": MIN_DATE,
                   "error_title": "Ngày không hợp lệ",
                   "error_message": "Vui lòng nhập ngày theo dạng ngày/tháng/năm "
                                    f"(dd/mm/yyyy), từ {MIN_DATE:%d/%m/%Y} trở về sau."}
    else:
        options = {"validate": "any"} if message else None
    if options is None:
        return None
    if message:
        options["input_title"] = title[:32]
        options["input_message"] = message
    return options


def _add_validation(ws: xlsxwriter.worksheet.Worksheet, row: int, first_col: int,
                    last_col: int, options: dict[str, object]) -> None:
    # xlsxwriter only warns and skips a validation it rejects; a form without it is a bug.
    if ws.data_validation(row, first_col, row, last_col, options) != 0:
        raise ValueError(f"data validation rejected for row {row + 1}: {options}")


def _write_reference(ws: xlsxwriter.worksheet.Worksheet, row: int, col: int, fld: Field,
                     value: Any, fmt: _Formats) -> None:
    """One value of the previous return, as the enterprise would have typed it."""
    if value is None or value == "":
        ws.write_blank(row, col, None, fmt.reference_text)
    elif fld.kind is Kind.YESNO:
        ws.write_string(row, col, YES if value else NO, fmt.reference_text)
    elif isinstance(value, dt.date):
        ws.write_datetime(row, col, dt.datetime.combine(value, dt.time()), fmt.reference_date)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        whole = fld.kind is Kind.INTEGER or float(value).is_integer()
        style = fmt.reference_integer if whole else fmt.reference_number
        ws.write_number(row, col, value, style)
    else:
        ws.write_string(row, col, str(value), fmt.reference_text)


def _write_form_sheet(ws: xlsxwriter.worksheet.Worksheet, fmt: _Formats, lists: DropdownLists,
                      zones: Sequence[str], periods: Sequence[str], recipient: str,
                      fill: FormFill) -> None:
    lay = _layout()
    table = fill.table
    col_of = {key: index for index, (key, _) in enumerate(table)}
    last_col = len(table) - 1
    for index, (_, width) in enumerate(table):
        ws.set_column(index, index, width)
    left_last = LABEL_COL  # the left header block spans the STT and "Chỉ tiêu" columns
    right_first = left_last + 1

    def span_width(first: int, last: int) -> float:
        return sum(width for _, width in table[first:last + 1])

    # Header block.
    ws.merge_range(lay.form_code, right_first, lay.form_code, last_col, FORM_CODE,
                   fmt.form_code)
    ws.merge_range(lay.header, 0, lay.header, left_last,
                   f"TÊN DOANH NGHIỆP: {fill.identity.get('name') or '……………………'}", fmt.org)
    ws.merge_range(lay.header, right_first, lay.header, last_col,
                   "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", fmt.nation)
    ws.merge_range(lay.motto, right_first, lay.motto, last_col,
                   "Độc lập - Tự do - Hạnh phúc", fmt.motto)

    # Title and addressee.
    full_width = span_width(0, last_col)
    ws.merge_range(lay.title, 0, lay.title, last_col, FORM_TITLE, fmt.title)
    # 14 pt bold capitals are about 1.6 times as wide as the 12 pt text the estimate assumes.
    ws.set_row(lay.title, TITLE_LINE_HEIGHT * _lines(FORM_TITLE, full_width / 1.6) + 6)
    ws.merge_range(lay.recipient, 0, lay.recipient, last_col, f"Kính gửi: {recipient}",
                   fmt.recipient)
    ws.set_row(lay.recipient, LINE_HEIGHT * _lines(f"Kính gửi: {recipient}", full_width))

    # Identity block: "* | Label: | input merged to the right edge".
    label_width = span_width(LABEL_COL, LABEL_COL)
    for fld in IDENTITY:
        row = lay.identity[fld.key]
        if fld.required:
            ws.write_string(row, MARK_COL, "*", fmt.mark)
        ws.write_string(row, LABEL_COL, f"{fld.label}:", fmt.label)
        ws.set_row(row, max(LINE_HEIGHT * _lines(f"{fld.label}:", label_width), 20))
        if fld.key in fill.identity:
            # Filled in by the office from its Sổ theo dõi: locked, so the return names the
            # enterprise exactly as the office knows it.
            ws.merge_range(row, IDENTITY_INPUT_COL, row, last_col, fill.identity[fld.key] or "",
                           fmt.identity_locked)
            continue
        preset = fill.period.label if fld.kind is Kind.PERIOD and fill.period else ""
        ws.merge_range(row, IDENTITY_INPUT_COL, row, last_col, preset,
                       fmt.identity_input(fld.kind))
        options = _validation(fld, zones, periods, lists)
        if options:
            _add_validation(ws, row, IDENTITY_INPUT_COL, last_col, options)
    required_codes = [f.code for f in INDICATORS if f.required and f.code]
    note = "(*) Thông tin bắt buộc phải ghi."
    if required_codes:
        note += " Trong bảng chỉ tiêu, bắt buộc ghi các mã số " + ", ".join(required_codes) + "."
    note += " Chỉ nhập vào các ô nền vàng."
    ws.merge_range(lay.identity_note, 0, lay.identity_note, last_col, note, fmt.note)
    ws.set_row(lay.identity_note, LINE_HEIGHT * _lines(note, full_width * 1.1))

    # Indicator table.
    for key, col in col_of.items():
        if key == "previous":
            ws.write_string(lay.table_header, col, fill.previous_header(), fmt.th_reference)
        elif key == "value":
            ws.write_string(lay.table_header, col, fill.value_header(), fmt.th)
        else:
            ws.write_string(lay.table_header, col, TABLE_COLUMNS[key][0], fmt.th)
    header_lines = max(_lines(fill.previous_header(), PREVIOUS_COLUMN[1]) if fill.previous
                       is not None else 1, _lines(fill.value_header(), table[col_of["value"]][1]))
    ws.set_row(lay.table_header, max(24, LINE_HEIGHT * header_lines + 4))
    row = lay.table_header + 1
    number = 0
    for kind, item in lay.table_rows:
        if kind == "section":
            ws.merge_range(row, 0, row, last_col, str(item), fmt.section)
            ws.set_row(row, 20)
            row += 1
            continue
        assert isinstance(item, Field)
        fld = item
        number += 1
        ws.write_number(row, col_of["stt"], number, fmt.cell_center)
        ws.write_string(row, col_of["label"], fld.label, fmt.cell_text)
        ws.write_string(row, col_of["code"], fld.code or "", fmt.cell_code)
        ws.write_string(row, col_of["unit"], fld.unit, fmt.cell_center)
        ws.write_blank(row, col_of["value"], None, fmt.value_input(fld.kind))
        ws.write_blank(row, col_of["note"], None, fmt.cell_note)
        if fill.previous is not None:
            _write_reference(ws, row, col_of["previous"], fld, fill.previous.get(fld.key), fmt)
        lines = max(_lines(fld.label, table[col_of["label"]][1]),
                    _lines(fld.unit, table[col_of["unit"]][1]))
        ws.set_row(row, max(LINE_HEIGHT * lines + 3, 20))
        options = _validation(fld, zones, periods, lists)
        if options:
            _add_validation(ws, row, col_of["value"], col_of["value"], options)
        row += 1

    # Footnote, date line and signatures.
    footnote = (f"Ghi chú: Chỉ ghi số vào cột \"{fill.value_header()}\", không ghi kèm đơn vị "
                f"tính; xem cách ghi từng chỉ tiêu tại sheet \"{INSTRUCTIONS_SHEET}\".")
    if fill.previous is not None:
        footnote += (f" Cột \"{fill.previous_header()}\" là số liệu doanh nghiệp đã báo cáo kỳ "
                     "trước, chỉ để đối chiếu: không sửa, không ghi số liệu kỳ này vào cột đó.")
    ws.merge_range(lay.footnote, 0, lay.footnote, last_col, footnote, fmt.note)
    ws.set_row(lay.footnote, LINE_HEIGHT * _lines(footnote, full_width * 1.1))
    ws.merge_range(lay.date_line, right_first, lay.date_line, last_col,
                   "……, ngày … tháng … năm ……", fmt.date_line)
    ws.merge_range(lay.signature, 0, lay.signature, left_last, "NGƯỜI LẬP BIỂU",
                   fmt.sign_title)
    ws.merge_range(lay.signature, right_first, lay.signature, last_col,
                   "GIÁM ĐỐC DOANH NGHIỆP", fmt.sign_title)
    ws.merge_range(lay.signature + 1, 0, lay.signature + 1, left_last, "(Ký, ghi rõ họ tên)",
                   fmt.sign_hint)
    ws.merge_range(lay.signature + 1, right_first, lay.signature + 1, last_col,
                   "(Ký tên, đóng dấu)", fmt.sign_hint)

    # Page and protection.
    ws.set_paper(9)  # A4
    ws.set_portrait()
    ws.set_margins(left=0.6, right=0.4, top=0.6, bottom=0.6)
    ws.center_horizontally()
    ws.fit_to_pages(1, 0)
    ws.print_area(0, 0, lay.last, last_col)
    ws.hide_gridlines(2)
    ws.protect("", {"select_locked_cells": True, "select_unlocked_cells": True})
    ws.activate()
    ws.set_first_sheet()


def _write_instructions(ws: xlsxwriter.worksheet.Worksheet, fmt: _Formats,
                        zones: Sequence[str], issuing_body: str, recipient: str,
                        period: Period | None = None) -> None:
    widths = (8, 44, 20, 10, 62)
    for index, width in enumerate(widths):
        ws.set_column(index, index, width)
    last_col = len(widths) - 1
    full = sum(widths)
    half, year = _snapshot_ddmm(PERIOD_HALF), _snapshot_ddmm(PERIOD_YEAR)
    sample_year = period.year if period else dt.date.today().year
    half_label = Period(PERIOD_HALF, sample_year).label
    year_label = Period(PERIOD_YEAR, sample_year).label
    yesno_codes = ", ".join(f.code for f in INDICATORS if f.kind is Kind.YESNO and f.code)

    row = 0
    ws.merge_range(row, 0, row, last_col, issuing_body.upper(), fmt.h2)
    row += 2
    heading = f"HƯỚNG DẪN GHI {FORM_CODE.upper()}"
    ws.merge_range(row, 0, row, last_col, heading, fmt.h1)
    ws.set_row(row, 22)
    row += 1
    ws.merge_range(row, 0, row, last_col, FORM_TITLE, fmt.recipient)
    ws.set_row(row, LINE_HEIGHT * _lines(FORM_TITLE, full))
    row += 2

    paragraphs = [
        ("1. Đơn vị lập báo cáo",
         f"Doanh nghiệp đang hoạt động trong khu công nghiệp lập báo cáo theo mẫu này (sheet "
         f"\"{TEMPLATE_SHEET}\") và gửi {recipient}. Người lập biểu ghi số liệu; Giám đốc "
         "doanh nghiệp ký, đóng dấu trên bản in (nếu có yêu cầu)."),
        ("2. Kỳ báo cáo",
         f"\"{half_label}\": số lao động, đảng viên, tổ chức đảng, công đoàn, đoàn thanh niên "
         f"tính tại ngày {half}; doanh thu, xuất khẩu, nhập khẩu, nộp ngân sách cộng dồn từ "
         f"01/01 đến {half}. \"{year_label}\": số liệu tính tại ngày {year}, các chỉ tiêu "
         f"kinh doanh cộng dồn cả năm (từ 01/01 đến {year})."),
        ("3. Cách ghi số liệu",
         "Chỉ ghi số vào cột \"Số liệu\", không ghi kèm đơn vị tính (đơn vị đã có ở cột "
         "\"Đơn vị tính\"), ví dụ ghi 1250, không ghi \"1.250 người\". Không phát sinh thì ghi "
         f"0. Các chỉ tiêu có/không (mã số {yesno_codes}) chọn \"{YES}\" hoặc \"{NO}\" "
         "trong danh sách. Ngày ghi theo dạng ngày/tháng/năm (dd/mm/yyyy). Mã số thuế giữ "
         "nguyên số 0 ở đầu. Giải thích thêm (nếu có) ghi ở cột \"Ghi chú\"."),
        ("4. Lưu ý",
         "Chỉ nhập vào các ô nền vàng; các ô khác đã được khóa. Không thêm, xóa, đổi thứ tự "
         "dòng, cột và không sửa mã số, tên chỉ tiêu. Các mục có dấu (*) là bắt buộc."),
        ("5. Gửi báo cáo",
         "Gửi lại tệp Excel này, không chuyển sang PDF/ảnh (phần mềm tổng hợp đọc trực tiếp "
         "tệp Excel). Có thể đổi tên tệp nhưng giữ nguyên các sheet."),
    ]
    for heading_text, body in paragraphs:
        ws.merge_range(row, 0, row, last_col, heading_text, fmt.h2)
        row += 1
        ws.merge_range(row, 0, row, last_col, body, fmt.para)
        ws.set_row(row, LINE_HEIGHT * _lines(body, full * 1.05))
        row += 1
    row += 1

    ws.merge_range(row, 0, row, last_col, "6. Cách ghi từng chỉ tiêu", fmt.h2)
    row += 1
    for col, text in enumerate(("Mã số", "Chỉ tiêu", "Đơn vị tính", "Bắt buộc", "Cách ghi")):
        ws.write_string(row, col, text, fmt.th)
    ws.set_row(row, 24)
    row += 1
    for fld in (*IDENTITY, *INDICATORS):
        hint = _hint(fld, zones)
        ws.write_string(row, 0, fld.code or "", fmt.cell_top_center)
        ws.write_string(row, 1, fld.label, fmt.cell_top)
        ws.write_string(row, 2, fld.unit, fmt.cell_top_center)
        ws.write_string(row, 3, YES if fld.required else "", fmt.cell_top_center)
        ws.write_string(row, 4, hint, fmt.cell_top)
        lines = max(_lines(fld.label, widths[1]), _lines(hint, widths[4]),
                    _lines(fld.unit, widths[2]))
        ws.set_row(row, LINE_HEIGHT * lines + 3)
        row += 1

    ws.set_paper(9)
    ws.set_portrait()
    ws.set_margins(left=0.6, right=0.4, top=0.6, bottom=0.6)
    ws.fit_to_pages(1, 0)
    ws.print_area(0, 0, row - 1, last_col)
    ws.hide_gridlines(2)
    ws.protect("", {"select_locked_cells": True, "select_unlocked_cells": True})


def write_blank_form(
    path: Path,
    zones: Sequence[str],
    issuing_body: str = DEFAULT_ISSUING_BODY,
    recipient: str = DEFAULT_RECIPIENT,
    years: Sequence[int] | None = None,
    fill: FormFill | None = None,
) -> None:
    """Write the enterprise form (.xlsx) with dropdowns for `zones` and `years`; `fill` presets
    the period or makes it one enterprise's form (see `FormFill`)."""
    fill = fill or FormFill()
    if years is None:
        years = ([fill.period.year - 1, fill.period.year, fill.period.year + 1] if fill.period
                 else _default_years())
    periods = period_choices(list(years))
    if fill.period is not None and fill.period.label not in periods:
        periods.append(fill.period.label)
    book = xlsxwriter.Workbook(
        str(path),
        {"default_format_properties": {"font_name": FONT, "font_size": FONT_SIZE}},
    )
    try:
        form = book.add_worksheet(TEMPLATE_SHEET)
        instructions = book.add_worksheet(INSTRUCTIONS_SHEET)
        hidden = book.add_worksheet(VERSION_SHEET)
        fmt = _Formats(book)

        hidden.write_string(0, 0, VERSION_MARKER)
        hidden.write_string(0, 1, FORM_VERSION)
        hidden.write_string(1, 1, FORM_CODE)
        # The zone list offered, so a return made from an outdated form can be told (formmeta).
        for col, text in enumerate(zones_row(zones)):
            hidden.write_string(ZONES_ROW, col, text)
        lists = DropdownLists(hidden, VERSION_SHEET, first_col=3)  # A:C hold the markers

        _write_form_sheet(form, fmt, lists, zones, periods, recipient, fill)
        _write_instructions(instructions, fmt, zones, issuing_body, recipient, fill.period)
        hidden.hide()
        hidden.protect("")

        book.set_properties({
            "title": FORM_TITLE,
            "subject": FORM_CODE,
            "author": issuing_body,
            "company": issuing_body,
            "comments": f"{VERSION_MARKER} {FORM_VERSION} — {FORM_CODE}",
        })
        # Read from the zip without parsing a sheet; the hidden sheet is the fallback.
        book.set_custom_property(VERSION_MARKER, FORM_VERSION)
        book.set_custom_property(ZONES_MARKER, zones_digest(zones))
    finally:
        book.close()
