"""The Excel summary (spec §4.2) and the office's official aggregate table — both read the one
report context (`context.ReportContext`) and never aggregate anything themselves.

`write_summary` writes the summary workbook with xlsxwriter: Tổng hợp (zone × ownership, the key
figures, the year on year, a chart), Chi tiết doanh nghiệp (one row per return used, columns
derived from `formdef`), Nộp báo cáo (reporting rate, missing enterprises), Kiểm tra dữ liệu
(every problem), Biến động đảng viên (Biểu 1-BTCTW, columns from `context.MOVEMENT_COLUMNS`) and
Danh sách tệp (every input file once). It returns where each figure it wrote sits, so that the
run can read the file back and check every number against figures.json (`invariants`).

Text that came from inputs can never become a formula: the workbook is opened with every string
conversion off, and text is only ever written with `write_string` (numbers with
`write_number`, dates with `write_datetime`), so a company called "=HYPERLINK(...)" or
"@SUM(A1)" is stored as the text it is. No formulas are written at all.

`write_official_table` fills an office-editable template (openpyxl) whose cells hold Jinja tags —
``{{ party.cells_end }}``, ``{{ enterprises.rate | vn_percent }}``, even ``{% if … %}`` — rendered
in the same sandboxed environment as the Word report (`templating`). A cell that is exactly one
``{{ … }}`` gets the typed value (a number stays a number); other cells get the rendered text.

Both write atomically (a temp file in the same folder, then `os.replace`).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import textwrap
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from kcn_reports import vnformat
from kcn_reports.atomic import atomic_write
from kcn_reports.context import (
    GROUP_LABELS,
    MOVEMENT_COLUMNS,
    ZONE_SUMS,
    MovementRow,
    ReportContext,
    ZoneRow,
    key_figure_groups,
)
from kcn_reports.formdef import (
    FIELDS,
    FIELDS_BY_KEY,
    FORM_CODE,
    OWNERSHIP_LABELS,
    Field,
    Kind,
    Period,
)
from kcn_reports.ledgerdef import SHEETS_BY_KEY
from kcn_reports.outcome import KIND_LABELS, OUTCOME_LABELS, CheckReport, FileOutcome, FormReturn
from kcn_reports.problems import ERROR, WARNING, Problem
from kcn_reports.textnorm import fold

SHEET_SUMMARY = "Tổng hợp"
SHEET_DETAIL = "Chi tiết doanh nghiệp"
SHEET_COMPLETENESS = "Nộp báo cáo"
SHEET_PROBLEMS = "Kiểm tra dữ liệu"
SHEET_MOVEMENTS = "Biến động đảng viên"
SHEET_FILES = "Danh sách tệp"
SHEETS = (SHEET_SUMMARY, SHEET_DETAIL, SHEET_COMPLETENESS, SHEET_PROBLEMS, SHEET_MOVEMENTS,
          SHEET_FILES)

OFFICIAL_TEMPLATE = "bieu_tong_hop.xlsx"
OFFICIAL_SHEET = "Biểu tổng hợp"

FONT = "Times New Roman"
FONT_SIZE = 11
TITLE_SIZE = 14
LINE_HEIGHT = 15.0  # points per line of 11 pt text
CHART_ROWS = 14  # default-height rows (20 px) the zone chart covers on "Tổng hợp"

INTEGER_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.0"
# Form values such as 7,25 triệu đồng/người/tháng keep their second decimal when they have one.
VALUE_FORMAT = "#,##0.0#"
PERCENT_FORMAT = "0.0%"
DATE_FORMAT = "dd/mm/yyyy"

HEADER_FILL = "#DDEBF7"
SUBTOTAL_FILL = "#F2F2F2"
TOTAL_FILL = "#D9E1F2"
ERROR_FILL, ERROR_FONT = "#FFC7CE", "#9C0006"
WARNING_FILL, WARNING_FONT = "#FFF2CC", "#7F6000"
OK_FILL, OK_FONT = "#E2EFDA", "#375623"
MUTED_FILL = "#EDEDED"

YES, NO = "Có", "Không"
SEVERITY_LABELS = {ERROR: "Lỗi", WARNING: "Cảnh báo"}
OWNERSHIP_SHORT = {"fdi": "FDI", "domestic": "Trong nước", "": "Chưa rõ"}
UNKNOWN_ZONE = "(chưa rõ KCN)"  # as check.completeness names it
NO_FILE = "(chung)"  # problems of no single file
# Units not worth repeating in a column header: the header says what is counted.
PLAIN_UNITS = frozenset({"người", "Có/Không", "ngày/tháng/năm"})
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")

# Columns of the zone × ownership table after "KCN | Loại hình | Số DN báo cáo": (header,
# ZoneRow field); the unit and the number type come from the form field it sums.
ZONE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("Lao động", "employees"),
    ("Lao động nữ", "female"),
    ("Lao động nước ngoài", "foreign"),
    ("Đảng viên làm việc tại DN (Mã số 10)", "party_members"),
    ("Đoàn viên công đoàn", "union_members"),
    ("Đoàn viên thanh niên", "youth_members"),
    ("Doanh thu", "revenue"),
    ("Nộp ngân sách", "budget_paid"),
)

_WORKBOOK_OPTIONS = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
    "default_format_properties": {"font_name": FONT, "font_size": FONT_SIZE},
}


@dataclass(frozen=True)
class FigureCell:
    """A cell of an output workbook that shows one figure of the context (by its path)."""

    sheet: str
    row: int  # 0-based
    col: int  # 0-based
    path: str  # "party.members_end", "by_zone.2.employees", "movements.0.check"

    @property
    def address(self) -> str:
        letters = ""
        col = self.col + 1
        while col:
            col, rest = divmod(col - 1, 26)
            letters = chr(65 + rest) + letters
        return f"{letters}{self.row + 1}"


# ---------------------------------------------------------------------------------------------
# xlsxwriter helpers
# ---------------------------------------------------------------------------------------------


def _text_width(text: str, bold: bool = False) -> float:
    """Approximate width in Excel character units (capitals are wider)."""
    if "\n" in text:
        widest = max(_text_width(line) for line in text.split("\n"))
    else:
        widest = len(text) + 0.25 * sum(map(str.isupper, text))
    return widest * (1.1 if bold else 1.0)


def _line_count(text: str, width: float) -> int:
    usable = max(int(width - 1.5), 1)
    if len(text) <= usable and "\n" not in text and "\t" not in text:
        return 1  # what textwrap would say, without wrapping (most cells)
    return sum(max(1, len(textwrap.wrap(part, usable))) for part in text.split("\n"))


def _pixels(width: float) -> int:
    """Excel column width (characters) to pixels, as Excel rounds it."""
    return int(width * 7 + 5)


def _shown_number(value: int | float, decimals: int) -> str:
    return f"{value:,.{decimals}f}"


class _Styles:
    """Cell formats, created once per distinct set of properties."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self.cache: dict[tuple[tuple[str, Any], ...], Any] = {}
        # Asked for every cell written: a C-level cache in front of the sorted-key one.
        self.lookup = functools.lru_cache(maxsize=None)(self._format)

    def __call__(self, **props: Any) -> Any:
        return self.lookup(**props)

    def _format(self, **props: Any) -> Any:
        key = tuple(sorted(props.items()))
        if key not in self.cache:
            self.cache[key] = self.book.add_format(
                {"font_name": FONT, "font_size": FONT_SIZE, "valign": "vcenter", **props})
        return self.cache[key]

    def header(self, **props: Any) -> Any:
        return self(bold=True, bg_color=HEADER_FILL, border=1, text_wrap=True, align="center",
                    **props)

    def cell(self, **props: Any) -> Any:
        return self(border=1, text_wrap=True, **props)


class _Sheet:
    """A worksheet plus what was written to it, to size columns and wrapped rows afterwards."""

    def __init__(self, book: Any, styles: _Styles, name: str) -> None:
        self.ws = book.add_worksheet(name)
        self.styles = styles
        self.widths: dict[int, float] = defaultdict(float)
        self.texts: dict[int, list[tuple[int, str, bool]]] = defaultdict(list)
        self.fixed_rows: set[int] = set()

    def _measure(self, col: int, width: float) -> None:
        self.widths[col] = max(self.widths[col], width)

    def text(self, row: int, col: int, value: str, fmt: Any, *, bold: bool = False,
             measure: bool = True) -> None:
        self.ws.write_string(row, col, value, fmt)
        if measure:
            self._measure(col, _text_width(value, bold))
            self.texts[row].append((col, value, bold))

    def header(self, row: int, col: int, value: str, fmt: Any) -> None:
        """Headers wrap: only their longest word sets a minimum width."""
        self.ws.write_string(row, col, value, fmt)
        self._measure(col, max((_text_width(w, True) for w in value.split()), default=0))
        self.texts[row].append((col, value, True))

    def number(self, row: int, col: int, value: int | float | Decimal | None, fmt: Any,
               decimals: int = 0) -> None:
        if value is None or isinstance(value, bool) or (
                isinstance(value, float) and not math.isfinite(value)):
            self.ws.write_blank(row, col, None, fmt)
            return
        number = float(value) if isinstance(value, Decimal) else value
        self.ws.write_number(row, col, number, fmt)
        self._measure(col, len(_shown_number(number, decimals)) + 1)

    def date(self, row: int, col: int, value: dt.date, fmt: Any) -> None:
        self.ws.write_datetime(row, col, value, fmt)
        self._measure(col, 10)

    def blank(self, row: int, col: int, fmt: Any) -> None:
        self.ws.write_blank(row, col, None, fmt)

    def merged_text(self, row: int, first_col: int, last_col: int, value: str, fmt: Any,
                    last_row: int | None = None) -> None:
        """merge_range writes through the generic write(); write the text with write_string."""
        self.ws.merge_range(row, first_col, last_row if last_row is not None else row, last_col,
                            "", fmt)
        self.ws.write_string(row, first_col, value, fmt)

    def fit(self, minimum: float = 6, maximum: float = 45,
            limits: Mapping[int, tuple[float, float]] | None = None) -> dict[int, float]:
        """Set column widths from the content, then heights of rows whose text wraps; returns
        the widths set."""
        limits = limits or {}
        final: dict[int, float] = {}
        for col in sorted(set(self.widths) | set(limits)):
            low, high = limits.get(col, (minimum, maximum))
            final[col] = min(max(self.widths.get(col, 0) + 2, low), high)
            self.ws.set_column(col, col, final[col])
        for row, cells in self.texts.items():
            if row in self.fixed_rows:
                continue
            lines = max(_line_count(text, final.get(col, minimum) / (1.1 if bold else 1.0))
                        for col, text, bold in cells)
            if lines > 1:
                self.ws.set_row(row, LINE_HEIGHT * lines + 3)
        return final

    def title(self, row: int, last_col: int, text: str, size: float = TITLE_SIZE) -> None:
        self.merged_text(row, 0, last_col, text,
                         self.styles(bold=True, font_size=size, align="center", text_wrap=True))
        self.fixed_rows.add(row)
        self.ws.set_row(row, size * 1.6)

    def note(self, row: int, last_col: int, text: str) -> None:
        self.merged_text(row, 0, last_col, text, self.styles(italic=True, text_wrap=True))
        self.fixed_rows.add(row)

    def landscape(self, header_rows: tuple[int, int] | None = None) -> None:
        ws = self.ws
        ws.set_paper(9)  # A4
        ws.set_landscape()
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
        ws.center_horizontally()
        ws.set_footer("&C&P/&N")
        if header_rows:
            ws.repeat_rows(*header_rows)


def _number_format(fld: Field) -> tuple[str, int]:
    """(format, decimals shown) for a numeric form field."""
    return (INTEGER_FORMAT, 0) if fld.kind == Kind.INTEGER else (VALUE_FORMAT, 2)


# ---------------------------------------------------------------------------------------------
# The summary workbook
# ---------------------------------------------------------------------------------------------


def write_summary(path: Path, context: ReportContext, report: CheckReport) -> list[FigureCell]:
    """Write the Excel summary atomically: the figures of `context`, the returns and the problems
    of `report` (the check, seen for the report's period). Returns where each figure sits."""
    cells: list[FigureCell] = []
    atomic_write(path, lambda temp: cells.extend(_build_summary(temp, context, report)))
    return cells


def write_problem_list(path: Path, report: CheckReport) -> None:
    """The check's result on its own, to chase or send back to enterprises: every problem with
    file, sheet, cell, message and how to fix it; who has not reported; every file's outcome."""
    atomic_write(path, lambda temp: _build_problem_list(temp, report))


def _build_problem_list(target: str, report: CheckReport) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(target, _WORKBOOK_OPTIONS)
    try:
        styles = _Styles(book)
        _write_problems(book, styles, report)
        _write_completeness(book, styles, report, report.accepted_forms(report.period))
        _write_files(book, styles, report)
        book.set_properties({"title": "Kiểm tra dữ liệu các báo cáo doanh nghiệp",
                             "comments": "Tạo bởi kcn-reports."})
    finally:
        book.close()


def _build_summary(target: str, context: ReportContext, report: CheckReport
                   ) -> list[FigureCell]:
    import xlsxwriter

    book = xlsxwriter.Workbook(target, _WORKBOOK_OPTIONS)
    cells: list[FigureCell] = []
    try:
        styles = _Styles(book)
        forms = report.accepted_forms(report.period)
        zones = [z.zone for z in context.by_zone]
        period = context.report.forms_period_label or "chưa có báo cáo"
        summary = _write_overview(book, styles, context, len(forms), cells)
        _write_detail(book, styles, report, forms, zones)
        _write_completeness(book, styles, report, forms)
        _write_problems(book, styles, report)
        _write_movements(book, styles, context, cells)
        _write_files(book, styles, report)
        issuer = context.org.issuing_body
        book.set_properties({
            "title": f"Tổng hợp số liệu doanh nghiệp các khu công nghiệp — {period}",
            "subject": "Tổ chức đảng, đoàn thể, lao động trong doanh nghiệp các khu công nghiệp",
            "author": issuer,
            "company": issuer,
            "keywords": f"{FORM_CODE}, tổng hợp, khu công nghiệp",
            "comments": "Tạo bởi kcn-reports từ các báo cáo doanh nghiệp và Sổ theo dõi.",
        })
        summary.ws.activate()
    finally:
        book.close()
    return cells


def _zone_formats() -> list[tuple[str, int]]:
    """Number format and decimals of each ZONE_COLUMNS column, from the form field it sums."""
    formats = []
    for _, key in ZONE_COLUMNS:
        fld = FIELDS_BY_KEY[ZONE_SUMS[key]]
        formats.append((INTEGER_FORMAT, 0) if fld.kind == Kind.INTEGER else (DECIMAL_FORMAT, 1))
    return formats


def _zone_header(short: str, key: str) -> str:
    fld = FIELDS_BY_KEY[ZONE_SUMS[key]]
    return short if fld.unit in PLAIN_UNITS else f"{short} ({fld.unit})"


def _write_overview(book: Any, styles: _Styles, context: ReportContext, returns: int,
                    cells: list[FigureCell]) -> _Sheet:
    sheet = _Sheet(book, styles, SHEET_SUMMARY)
    ws = sheet.ws
    headers = ["KCN", "Loại hình", "Số DN báo cáo",
               *(_zone_header(short, key) for short, key in ZONE_COLUMNS)]
    formats = [(INTEGER_FORMAT, 0), *_zone_formats()]
    keys = ["enterprises", *(key for _, key in ZONE_COLUMNS)]
    last_col = len(headers) - 1
    info = context.report

    period = info.forms_period_label or "chưa có báo cáo"
    sheet.title(0, last_col, "TỔNG HỢP SỐ LIỆU DOANH NGHIỆP CÁC KHU CÔNG NGHIỆP — "
                + period.upper())
    sheet.note(1, last_col, f"Tổng hợp từ {returns} báo cáo doanh nghiệp đã nhận ({FORM_CODE}"
               f", kỳ {period}). Đơn vị tính: người, trừ các cột ghi đơn vị khác. Cột Đảng viên "
               "làm việc tại DN là Mã số 10, khác số đảng viên của Đảng bộ.")
    header_row = 3
    for col, text in enumerate(headers):
        sheet.header(header_row, col, text, styles.header())

    def write_row(row: int, zone: str, owner: str, values: ZoneRow, level: str,
                  path: str = "") -> None:
        props: dict[str, Any] = {}
        if level == "subtotal":
            props = {"bold": True, "bg_color": SUBTOTAL_FILL}
        elif level == "total":
            props = {"bold": True, "bg_color": TOTAL_FILL}
        bold = bool(props)
        sheet.text(row, 0, zone, styles.cell(**props), bold=bold)
        sheet.text(row, 1, owner, styles.cell(**props), bold=bold)
        for col, (key, (num_format, decimals)) in enumerate(zip(keys, formats, strict=True), 2):
            sheet.number(row, col, getattr(values, key),
                         styles.cell(num_format=num_format, **props), decimals)
            if path:
                cells.append(FigureCell(SHEET_SUMMARY, row, col, f"{path}.{key}"))

    row = header_row + 1
    for index, zone in enumerate(context.by_zone):
        for detail in (d for d in context.by_zone_detail if d.zone == zone.zone):
            write_row(row, zone.zone, OWNERSHIP_SHORT.get(detail.ownership, detail.ownership),
                      detail, "detail")
            row += 1
        write_row(row, zone.zone, "Cộng", zone, "subtotal", f"by_zone.{index}")
        row += 1
    write_row(row, "TỔNG CỘNG", "", context.by_zone_total, "total", "by_zone_total")
    table_end = row

    # The chart goes right under the table (the rows kept free here), so that it is seen
    # with the table and usually prints on the same page.
    chart_top = table_end + 2
    row = chart_top + (CHART_ROWS + 1 if context.by_zone else 0)

    # The key figures of the context: label merged over four columns, value in the fifth.
    heading = (f"CÁC CHỈ TIÊU CHỦ YẾU ({info.period_label}; số liệu doanh nghiệp: báo cáo "
               f"{period.lower()})")
    sheet.merged_text(row, 0, 4, heading, styles(bold=True, font_size=12))
    sheet.fixed_rows.add(row)
    row += 1
    label_cols = 3
    value_col = label_cols + 1
    sheet.merged_text(row, 0, label_cols, "Chỉ tiêu", styles.header())
    sheet.text(row, value_col, "Số liệu", styles.header(), measure=False)
    row += 1
    for caption, when, path in (("Thời điểm đầu kỳ", info.start, "report.start"),
                                ("Thời điểm cuối kỳ", info.as_at, "report.as_at")):
        sheet.merged_text(row, 0, label_cols, caption, styles.cell())
        sheet.date(row, value_col, when, styles.cell(num_format=DATE_FORMAT, align="right"))
        cells.append(FigureCell(SHEET_SUMMARY, row, value_col, path))
        row += 1
    for number, (section, figures) in enumerate(key_figure_groups()):
        sheet.merged_text(row, 0, value_col, f"{ROMAN[number]}. {section}",
                          styles.cell(bold=True, bg_color=SUBTOTAL_FILL))
        row += 1
        for path, figure in figures:
            sheet.merged_text(row, 0, label_cols, figure.label,
                              styles.cell(indent=2 if figure.breakdown else 1))
            value = _value_at(context, path)
            if figure.percent:
                sheet.number(row, value_col, value, styles.cell(num_format=PERCENT_FORMAT), 1)
            else:
                sheet.number(row, value_col, value, styles.cell(num_format=INTEGER_FORMAT))
            cells.append(FigureCell(SHEET_SUMMARY, row, value_col, path))
            row += 1
    block_end = row - 1

    yoy = context.year_on_year
    if yoy.available:
        row = block_end + 2
        sheet.merged_text(row, 0, 4, f"SO VỚI NĂM TRƯỚC (báo cáo {yoy.previous_period_label})",
                          styles(bold=True, font_size=12))
        sheet.fixed_rows.add(row)
        row += 1
        for col, text in enumerate(("Chỉ tiêu", yoy.previous_period_label,
                                    info.forms_period_label, "Tăng (+) / giảm (−)", "Tỷ lệ")):
            sheet.header(row, col, text, styles.header())
        row += 1
        for index, item in enumerate(yoy.rows):
            number_format = PERCENT_FORMAT if item.percent else INTEGER_FORMAT
            sheet.text(row, 0, item.name, styles.cell())
            for col, key in ((1, "previous"), (2, "current"), (3, "change")):
                sheet.number(row, col, getattr(item, key),
                             styles.cell(num_format=number_format), 1 if item.percent else 0)
                cells.append(FigureCell(SHEET_SUMMARY, row, col,
                                        f"year_on_year.rows.{index}.{key}"))
            sheet.number(row, 4, item.ratio, styles.cell(num_format=PERCENT_FORMAT), 1)
            row += 1
        if not yoy.enterprises_both == yoy.enterprises_now == yoy.enterprises_before:
            sheet.merged_text(row, 0, 4, (
                f"Các số (trừ tỷ lệ) so sánh trên {yoy.enterprises_both} doanh nghiệp có báo cáo "
                f"cả hai kỳ, trong số {yoy.enterprises_now} doanh nghiệp báo cáo kỳ này và "
                f"{yoy.enterprises_before} doanh nghiệp báo cáo kỳ trước."), styles(italic=True))
            row += 1
        block_end = row - 1

    # Employees and members working in the enterprises by zone: the chart's data.
    row = block_end + 2
    sheet.merged_text(row, 0, 4, "LAO ĐỘNG VÀ ĐẢNG VIÊN LÀM VIỆC TẠI DOANH NGHIỆP THEO KCN",
                      styles(bold=True, font_size=12))
    row += 1
    chart_header = row
    for col, text in enumerate(("KCN", "Lao động", "Đảng viên làm việc tại DN (Mã số 10)")):
        sheet.header(row, col, text, styles.header())
    row += 1
    first_zone_row = row
    for index, zone in enumerate(context.by_zone):
        sheet.text(row, 0, zone.zone, styles.cell())
        for col, key in ((1, "employees"), (2, "party_members")):
            sheet.number(row, col, getattr(zone, key), styles.cell(num_format=INTEGER_FORMAT))
            cells.append(FigureCell(SHEET_SUMMARY, row, col, f"by_zone.{index}.{key}"))
        row += 1
    last_zone_row = row - 1

    chart = (_zone_chart(book, chart_header, first_zone_row, last_zone_row)
             if context.by_zone else None)

    widths = sheet.fit(limits={0: (16, 30), 1: (10, 14)}, minimum=13, maximum=18)
    if chart is not None:
        span = sum(_pixels(widths.get(col, 8.43)) for col in range(last_col + 1))
        chart.set_size({"width": span, "height": CHART_ROWS * 20})
        ws.insert_chart(chart_top, 0, chart)
    ws.freeze_panes(header_row + 1, 0)
    # No repeated header rows: on later pages they would sit above the key figures.
    sheet.landscape()
    ws.print_area(0, 0, max(last_zone_row, block_end), last_col)
    ws.hide_gridlines(2)
    return sheet


def _value_at(context: ReportContext, path: str) -> Any:
    from kcn_reports.context import resolve

    found, value = resolve(context, path)
    if not found:
        raise KeyError(path)
    return value


def _zone_chart(book: Any, header_row: int, first_row: int, last_row: int) -> Any:
    """Employees (columns, left axis) and members working in the enterprises (markers, right
    axis) by zone."""
    chart = book.add_chart({"type": "column"})
    chart.add_series({
        "name": [SHEET_SUMMARY, header_row, 1],
        "categories": [SHEET_SUMMARY, first_row, 0, last_row, 0],
        "values": [SHEET_SUMMARY, first_row, 1, last_row, 1],
        "fill": {"color": "#4472C4"},
        "data_labels": {"value": True, "num_format": INTEGER_FORMAT,
                        "font": {"name": FONT, "size": 9}},
    })
    members = book.add_chart({"type": "line"})
    members.add_series({
        "name": [SHEET_SUMMARY, header_row, 2],
        "categories": [SHEET_SUMMARY, first_row, 0, last_row, 0],
        "values": [SHEET_SUMMARY, first_row, 2, last_row, 2],
        "y2_axis": True,
        "line": {"none": True},  # zones are categories: markers, no line between them
        "marker": {"type": "diamond", "size": 10, "fill": {"color": "#C00000"},
                   "border": {"color": "#C00000"}},
        "data_labels": {"value": True, "position": "above",
                        "font": {"name": FONT, "size": 9, "color": "#C00000"}},
    })
    chart.combine(members)
    chart.set_title({"name": "Lao động và đảng viên làm việc tại doanh nghiệp theo khu công nghiệp",
                     "name_font": {"name": FONT, "size": 12, "bold": True}})
    chart.set_x_axis({"num_font": {"name": FONT, "size": 10}})
    chart.set_y_axis({"name": "Lao động (người)", "num_format": INTEGER_FORMAT,
                      "name_font": {"name": FONT, "size": 10},
                      "num_font": {"name": FONT, "size": 9},
                      "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}})
    members.set_y2_axis({"name": "Đảng viên (người)", "num_format": INTEGER_FORMAT,
                         "name_font": {"name": FONT, "size": 10},
                         "num_font": {"name": FONT, "size": 9}})
    chart.set_legend({"position": "bottom", "font": {"name": FONT, "size": 10}})
    return chart


def _detail_header(fld: Field) -> str:
    label = fld.label
    if fld.unit and fld.unit not in PLAIN_UNITS:
        label += f" ({fld.unit})"
    if fld.code:
        label += f"\n(Mã số {fld.code})"
    return label


def _write_value(sheet: _Sheet, row: int, col: int, fld: Field, value: Any,
                 styles: _Styles) -> None:
    """One form value, typed: numbers as numbers, dates as dates, the rest as text."""
    cell = styles.cell(valign="top")
    if value is None or (isinstance(value, float) and math.isnan(value)):
        sheet.blank(row, col, cell)
    elif fld.kind == Kind.YESNO and isinstance(value, bool):
        sheet.text(row, col, YES if value else NO, styles.cell(valign="top", align="center"))
    elif fld.kind == Kind.OWNERSHIP:
        sheet.text(row, col, OWNERSHIP_LABELS.get(value, str(value)), cell)
    elif isinstance(value, Period):
        sheet.text(row, col, value.label, cell)
    elif isinstance(value, dt.date):
        sheet.date(row, col, value, styles.cell(valign="top", num_format=DATE_FORMAT,
                                                align="center"))
    elif isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        num_format, decimals = _number_format(fld)
        sheet.number(row, col, value, styles.cell(valign="top", num_format=num_format), decimals)
    else:
        sheet.text(row, col, str(value), cell)


def _write_detail(book: Any, styles: _Styles, report: CheckReport, forms: list[FormReturn],
                  zones: list[str]) -> None:
    sheet = _Sheet(book, styles, SHEET_DETAIL)
    ws = sheet.ws
    last_col = len(FIELDS) + 1
    period = report.period.label if report.period else "chưa có báo cáo"
    sheet.title(0, min(last_col, 12), f"CHI TIẾT BÁO CÁO CỦA DOANH NGHIỆP — {period.upper()}")
    sheet.note(1, min(last_col, 12), f"Mỗi dòng một báo cáo đã nhận ({len(forms)} báo cáo); "
               "cột cuối là tệp gốc trong thư mục đầu vào.")
    header_row = 2
    sheet.header(header_row, 0, "STT", styles.header())
    for col, fld in enumerate(FIELDS, 1):
        sheet.header(header_row, col, _detail_header(fld), styles.header())
    sheet.header(header_row, last_col, "Tệp nguồn", styles.header())

    rank = {zone: i for i, zone in enumerate(zones)}
    ordered = sorted(forms, key=lambda f: (rank.get(f.values.get("zone") or UNKNOWN_ZONE, len(rank)),
                                           fold(str(f.values.get("name") or "")), f.relpath))
    row = header_row + 1
    for number, form in enumerate(ordered, 1):
        sheet.number(row, 0, number, styles.cell(valign="top", align="center"))
        for col, fld in enumerate(FIELDS, 1):
            _write_value(sheet, row, col, fld, form.values.get(fld.key), styles)
        sheet.text(row, last_col, form.relpath, styles.cell(valign="top"))
        row += 1
    last_row = max(row - 1, header_row)

    limits: dict[int, tuple[float, float]] = {0: (5, 6), last_col: (16, 40)}
    for col, fld in enumerate(FIELDS, 1):
        if fld.kind in (Kind.TEXT, Kind.ZONE, Kind.OWNERSHIP):
            limits[col] = (14, 40 if fld.key == "name" else 30)
        elif fld.kind in (Kind.TAX_CODE, Kind.PERIOD, Kind.DATE):
            limits[col] = (13, 22)
        else:
            limits[col] = (13, 18)
    sheet.fit(limits=limits)
    ws.freeze_panes(header_row + 1, 2)
    ws.autofilter(header_row, 0, last_row, last_col)
    sheet.landscape((header_row, header_row))


def _write_completeness(book: Any, styles: _Styles, report: CheckReport,
                        forms: list[FormReturn]) -> None:
    sheet = _Sheet(book, styles, SHEET_COMPLETENESS)
    ws = sheet.ws
    completeness = report.completeness
    period = report.period.label if report.period else "chưa có báo cáo"
    sheet.title(0, 9, f"TÌNH HÌNH DOANH NGHIỆP GỬI BÁO CÁO — {period.upper()}")
    if completeness is None:
        sheet.note(2, 9, "Không có Sổ theo dõi (sheet Doanh nghiệp) trong thư mục đầu vào nên "
                   "không xác định được doanh nghiệp phải gửi báo cáo và tỷ lệ gửi báo cáo. "
                   f"Số báo cáo đã nhận trong kỳ: {vnformat.number(len(forms))}.")
        ws.set_row(2, LINE_HEIGHT * 2 + 3)
        ws.set_column(0, 9, 12)
        sheet.landscape()
        return
    sheet.note(1, 9, completeness.summary())
    header_row = 3
    bold = styles(bold=True, font_size=12)
    sheet.text(header_row - 1, 0, "Theo khu công nghiệp", bold, measure=False)
    for col, text in enumerate(("KCN", "Phải báo cáo", "Đã nhận (hợp lệ)", "Tỷ lệ (%)",
                                "Bị loại, chờ sửa", "Chưa gửi")):
        sheet.header(header_row, col, text, styles.header())
    row = header_row + 1
    first = row
    for zone in completeness.zones:
        sheet.text(row, 0, zone.zone, styles.cell())
        for col, value in ((1, zone.expected), (2, zone.received), (4, len(zone.rejected)),
                           (5, len(zone.missing))):
            sheet.number(row, col, value, styles.cell(num_format=INTEGER_FORMAT))
        sheet.number(row, 3, zone.rate, styles.cell(num_format=PERCENT_FORMAT), 1)
        row += 1
    last_zone = row - 1
    total = styles.cell(bold=True, bg_color=TOTAL_FILL)
    sheet.text(row, 0, "Tổng cộng", total, bold=True)
    for col, value in ((1, completeness.expected), (2, completeness.received),
                       (4, completeness.rejected), (5, completeness.missing)):
        sheet.number(row, col, value,
                     styles.cell(bold=True, bg_color=TOTAL_FILL, num_format=INTEGER_FORMAT))
    sheet.number(row, 3, completeness.rate,
                 styles.cell(bold=True, bg_color=TOTAL_FILL, num_format=PERCENT_FORMAT), 1)
    table_end = row

    # Beside the zone table (both under the frozen header row): first who sent a return that
    # was rejected (to chase for a correction), then who sent nothing (to chase for a return).
    list_col = 7
    sheet.text(header_row - 1, list_col,
               "Doanh nghiệp đã gửi nhưng báo cáo bị loại (chờ bản sửa)", bold, measure=False)
    for col, text in enumerate(("STT", "KCN", "Mã số thuế", "Tên doanh nghiệp", "Tệp bị loại",
                                "Số lỗi"), list_col):
        sheet.header(header_row, col, text, styles.header())
    row = header_row + 1
    number = 0
    for zone in completeness.zones:
        for sent in zone.rejected:
            number += 1
            sheet.number(row, list_col, number, styles.cell(align="center"))
            for col, text in enumerate((zone.zone, sent.tax_code, sent.name, sent.file),
                                       list_col + 1):
                sheet.text(row, col, text, styles.cell())
            sheet.number(row, list_col + 5, sent.errors, styles.cell(num_format=INTEGER_FORMAT))
            row += 1
    if not number:
        sheet.merged_text(row, list_col, list_col + 5, "Không có doanh nghiệp nào.",
                          styles.cell())
        row += 1
    row += 1
    sheet.text(row, list_col, "Doanh nghiệp chưa gửi báo cáo", bold, measure=False)
    row += 1
    for col, text in enumerate(("STT", "KCN", "Mã số thuế", "Tên doanh nghiệp"), list_col):
        sheet.header(row, col, text, styles.header())
    row += 1
    number = 0
    for zone in completeness.zones:
        for tax, name in zone.missing:
            number += 1
            sheet.number(row, list_col, number, styles.cell(align="center"))
            sheet.text(row, list_col + 1, zone.zone, styles.cell())
            sheet.text(row, list_col + 2, tax, styles.cell())
            sheet.text(row, list_col + 3, name, styles.cell())
            row += 1
    if not number:
        sheet.merged_text(row, list_col, list_col + 3,
                          "Tất cả doanh nghiệp phải báo cáo đã gửi báo cáo.", styles.cell())

    if completeness.zones:
        chart = book.add_chart({"type": "bar"})
        chart.add_series({
            "name": "Tỷ lệ doanh nghiệp gửi báo cáo",
            "categories": [SHEET_COMPLETENESS, first, 0, last_zone, 0],
            "values": [SHEET_COMPLETENESS, first, 3, last_zone, 3],
            "fill": {"color": "#4472C4"},
            "data_labels": {"value": True, "num_format": "0.0%",
                            "font": {"name": FONT, "size": 9}},
        })
        chart.set_title({"name": "Tỷ lệ doanh nghiệp gửi báo cáo theo KCN",
                         "name_font": {"name": FONT, "size": 12, "bold": True}})
        # In a bar chart the category axis is vertical; list zones top to bottom as the table.
        chart.set_x_axis({"min": 0, "max": 1, "num_format": "0%",
                          "num_font": {"name": FONT, "size": 9},
                          "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}})
        chart.set_y_axis({"reverse": True, "num_font": {"name": FONT, "size": 10}})
        chart.set_legend({"none": True})
        chart.set_size({"width": 560, "height": 60 + 34 * len(completeness.zones)})
        ws.insert_chart(table_end + 2, 0, chart, {"x_offset": 5, "y_offset": 5})

    sheet.fit(limits={0: (16, 30), 1: (10, 12), 2: (10, 12), 3: (10, 12), 4: (10, 12),
                      5: (10, 12), 6: (3, 3), list_col: (5, 6), list_col + 1: (14, 30),
                      list_col + 2: (14, 18), list_col + 3: (30, 50), list_col + 4: (20, 40),
                      list_col + 5: (7, 8)})
    ws.freeze_panes(header_row + 1, 0)
    sheet.landscape((header_row, header_row))


def _field_label(key: str) -> str:
    """What the office calls a problem's field: the form's label, or the ledger's column."""
    fld = FIELDS_BY_KEY.get(key)
    if fld is not None:
        return f"{fld.label} (Mã số {fld.code})" if fld.code else fld.label
    sheet_key, _, column_key = key.partition(".")
    spec = SHEETS_BY_KEY.get(sheet_key)
    if spec is not None:
        column = next((c for c in spec.columns if c.key == column_key), None)
        if column is not None:
            return f"{spec.name}: {column.header}"
    return key


def _severity_style(styles: _Styles, severity: str, **props: Any) -> Any:
    if severity == ERROR:
        return styles.cell(valign="top", bg_color=ERROR_FILL, font_color=ERROR_FONT, **props)
    return styles.cell(valign="top", bg_color=WARNING_FILL, font_color=WARNING_FONT, **props)


def sorted_problems(problems: Sequence[Problem]) -> list[Problem]:
    """By file, errors before warnings, otherwise in the order they were found."""
    return sorted(problems, key=lambda p: (fold(p.file), p.file, p.severity != ERROR))


def _write_problems(book: Any, styles: _Styles, report: CheckReport) -> None:
    sheet = _Sheet(book, styles, SHEET_PROBLEMS)
    ws = sheet.ws
    headers = ("STT", "Mức độ", "Mã lỗi", "Tệp", "Sheet", "Ô", "Trường", "Giá trị", "Nội dung",
               "Cách sửa")
    last_col = len(headers) - 1
    problems = sorted_problems(report.live_problems)
    errors = sum(p.severity == ERROR for p in problems)
    files = len({p.file for p in problems if p.file})
    settled = sum(1 for f in report.files if not f.is_live and f.problems)
    sheet.title(0, last_col, "KIỂM TRA DỮ LIỆU: LỖI VÀ CẢNH BÁO")
    sheet.note(1, last_col, f"{errors} lỗi, {len(problems) - errors} cảnh báo trong {files} tệp. "
               "Tệp có lỗi không được tính vào số liệu; cảnh báo không chặn việc tổng hợp."
               + (f" Không liệt kê vấn đề của {settled} tệp đã có bản gửi lại thay thế (xem "
                  "danh sách tệp)." if settled else ""))
    header_row = 2
    for col, text in enumerate(headers):
        sheet.header(header_row, col, text, styles.header())
    row = header_row + 1
    for number, found in enumerate(problems, 1):
        fmt = _severity_style(styles, found.severity)
        sheet.number(row, 0, number, _severity_style(styles, found.severity, align="center"))
        cells = (SEVERITY_LABELS.get(found.severity, found.severity), found.code,
                 found.file or NO_FILE, found.sheet, found.cell,
                 _field_label(found.field) if found.field else "", found.value, found.message,
                 found.hint)
        for col, text in enumerate(cells, 1):
            sheet.text(row, col, text, fmt)
        row += 1
    if not problems:
        sheet.merged_text(row, 0, last_col, "Không phát hiện lỗi hoặc cảnh báo nào.",
                          styles.cell())
    last_row = max(row - 1, header_row)
    sheet.fit(limits={0: (5, 6), 1: (9, 10), 2: (12, 26), 3: (16, 36), 4: (8, 16), 5: (5, 7),
                      6: (14, 30), 7: (10, 24), 8: (30, 60), 9: (24, 45)})
    ws.freeze_panes(header_row + 1, 0)
    ws.autofilter(header_row, 0, last_row, last_col)
    sheet.landscape((header_row, header_row))


def _write_files(book: Any, styles: _Styles, report: CheckReport) -> None:
    sheet = _Sheet(book, styles, SHEET_FILES)
    ws = sheet.ws
    headers = ("STT", "Tệp", "Loại tệp", "Kết quả", "Lý do", "Mã số thuế", "Tên doanh nghiệp",
               "Kỳ báo cáo", "Số lỗi", "Số cảnh báo")
    last_col = len(headers) - 1
    counts: dict[str, int] = defaultdict(int)
    for item in report.files:
        counts[item.outcome] += 1
    summary = "; ".join(f"{label.lower()} {counts.get(outcome, 0)}"
                        for outcome, label in OUTCOME_LABELS.items())
    sheet.title(0, last_col, "DANH SÁCH TỆP TRONG THƯ MỤC ĐẦU VÀO")
    sheet.note(1, last_col, f"{len(report.files)} tệp, mỗi tệp một dòng: {summary}.")
    header_row = 2
    for col, text in enumerate(headers):
        sheet.header(header_row, col, text, styles.header())
    outcome_fill = {"rejected": (ERROR_FILL, ERROR_FONT), "superseded": (MUTED_FILL, "#404040"),
                    "skipped": (WARNING_FILL, WARNING_FONT), "accepted": (OK_FILL, OK_FONT)}
    row = header_row + 1
    for number, item in enumerate(report.files, 1):
        cell = styles.cell(valign="top")
        sheet.number(row, 0, number, styles.cell(valign="top", align="center"))
        sheet.text(row, 1, item.relpath, cell)
        sheet.text(row, 2, KIND_LABELS.get(item.kind, item.kind), cell)
        fill, font = outcome_fill.get(item.outcome, (None, None))
        outcome_fmt = styles.cell(valign="top", bg_color=fill, font_color=font) if fill else cell
        sheet.text(row, 3, OUTCOME_LABELS.get(item.outcome, item.outcome), outcome_fmt)
        sheet.text(row, 4, item.reason, cell)
        sheet.text(row, 5, item.tax_code or "", cell)
        sheet.text(row, 6, _name_of(item), cell)
        sheet.text(row, 7, item.period.label if item.period else "", cell)
        errors = sum(p.severity == ERROR for p in item.problems)
        sheet.number(row, 8, errors, styles.cell(valign="top", num_format=INTEGER_FORMAT))
        sheet.number(row, 9, len(item.problems) - errors,
                     styles.cell(valign="top", num_format=INTEGER_FORMAT))
        row += 1
    last_row = max(row - 1, header_row)
    sheet.fit(limits={0: (5, 6), 1: (16, 40), 2: (12, 20), 3: (10, 12), 4: (20, 50),
                      5: (12, 16), 6: (20, 40), 7: (12, 20), 8: (8, 8), 9: (10, 10)})
    ws.freeze_panes(header_row + 1, 0)
    ws.autofilter(header_row, 0, last_row, last_col)
    sheet.landscape((header_row, header_row))


def _name_of(item: FileOutcome) -> str:
    name = item.form.values.get("name") if item.form else None
    return str(name) if name else ""


def _write_movements(book: Any, styles: _Styles, context: ReportContext,
                     cells: list[FigureCell]) -> None:
    sheet = _Sheet(book, styles, SHEET_MOVEMENTS)
    ws = sheet.ws
    columns = MOVEMENT_COLUMNS
    recomputed_col = len(columns) + 1
    check_col = recomputed_col + 1
    last_col = check_col
    info = context.report
    sheet.title(0, last_col, f"BIẾN ĐỘNG ĐẢNG VIÊN — {info.period_label.upper()}")
    sheet.note(1, last_col, f"Đầu kỳ: {vnformat.short_date(info.start)}; cuối kỳ: "
               f"{vnformat.short_date(info.as_at)}. Theo Biểu 1-BTCTW: A. Đầu kỳ + B. Tăng − "
               "C. Giảm = D. Cuối kỳ; cột \"Kiểm tra\" đối chiếu từng dòng và ghi khi sheet Kiểm "
               "tra dữ liệu có cảnh báo về chi bộ đó.")
    if not context.movements:
        sheet.note(3, last_col, "Chưa có số liệu biến động đảng viên (cần sheet Chi bộ và Biến "
                   "động đảng viên của Sổ theo dõi).")
        ws.set_column(0, last_col, 12)
        sheet.landscape()
        return

    top, sub = 3, 4
    header = styles.header()
    sheet.merged_text(top, 0, 0, "Chi bộ", header, last_row=sub)
    col = 1
    for group, label in GROUP_LABELS.items():
        mine = [c for c in columns if c.group == group]
        if len(mine) == 1:
            sheet.merged_text(top, col, col, label, header, last_row=sub)
        else:
            sheet.merged_text(top, col, col + len(mine) - 1, label, header)
            for offset, column in enumerate(mine):
                sheet.header(sub, col + offset, column.label, header)
        col += len(mine)
    sheet.merged_text(top, recomputed_col, recomputed_col, "A + B − C (tính lại)", header,
                      last_row=sub)
    sheet.merged_text(top, check_col, check_col, "Kiểm tra", header, last_row=sub)
    sheet.widths[0] = 12
    sheet.widths[recomputed_col] = 10
    sheet.ws.set_row(top, LINE_HEIGHT + 4)
    sheet.ws.set_row(sub, LINE_HEIGHT * 2 + 3)
    sheet.fixed_rows.update({top, sub})

    def write(row: int, item: MovementRow, path: str, **props: Any) -> None:
        bold = bool(props)
        sheet.text(row, 0, item.cell, styles.cell(**props), bold=bold)
        for col, column in enumerate(columns, 1):
            sheet.number(row, col, getattr(item, column.key),
                         styles.cell(num_format=INTEGER_FORMAT, **props))
            cells.append(FigureCell(SHEET_MOVEMENTS, row, col, f"{path}.{column.key}"))
        sheet.number(row, recomputed_col, item.computed,
                     styles.cell(num_format=INTEGER_FORMAT, **props))
        look: dict[str, Any]
        if item.reconciles and item.check == "Khớp":
            look = {"font_color": OK_FONT}
        elif item.reconciles:
            look = {"bg_color": WARNING_FILL, "font_color": WARNING_FONT}
        else:
            look = {"bg_color": ERROR_FILL, "font_color": ERROR_FONT, "bold": True}
        sheet.text(row, check_col, item.check, styles.cell(align="center", **{**props, **look}))
        cells.append(FigureCell(SHEET_MOVEMENTS, row, check_col, f"{path}.check"))

    row = sub + 1
    for index, item in enumerate(context.movements):
        write(row, item, f"movements.{index}")
        row += 1
    write(row, context.movements_total, "movements_total", bold=True, bg_color=TOTAL_FILL)
    sheet.fit(limits={0: (24, 45), recomputed_col: (11, 12), check_col: (12, 30)}, minimum=10,
              maximum=12)
    ws.freeze_panes(sub + 1, 1)
    sheet.landscape((top, sub))


# ---------------------------------------------------------------------------------------------
# The official aggregate table (openpyxl template with Jinja tags)
# ---------------------------------------------------------------------------------------------

_WHOLE_TAG = re.compile(r"^\s*\{\{(?P<expr>(?:(?!\{\{|\}\}|\{%|%\}).)*)\}\}\s*$", re.DOTALL)
_PATH = re.compile(r"^\s*([A-Za-z_]\w*(?:\.\w+)*)\s*$")
TAG_MARKS = ("{{", "{%", "{#")


def official_environment() -> Any:
    """The Word report's sandboxed environment, without XML escaping: openpyxl stores text as
    it is."""
    from kcn_reports.templating import environment

    return environment(autoescape=False)


def _as_text(value: Any) -> str:
    """A value inside running text, in Vietnamese typography."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, int | float | Decimal):
        return vnformat.number(value)
    if isinstance(value, dt.date):
        return vnformat.short_date(value)
    if isinstance(value, Period):
        return value.label
    return str(value)


def _set_text(cell: Any, text: str) -> None:
    """Store text as text: openpyxl would make "=..." a formula and "#N/A" an error."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cell.value = ILLEGAL_CHARACTERS_RE.sub("", text)
    cell.data_type = "s"


class _Unfillable(Exception):
    """A cell whose value is not one figure (a table, a section); the message says why."""


def _set_typed(cell: Any, value: Any) -> None:
    import dataclasses

    general = cell.number_format == "General"
    if value is None or (isinstance(value, float) and math.isnan(value)):
        cell.value = None
    elif isinstance(value, bool):
        _set_text(cell, YES if value else NO)
    elif isinstance(value, int | float | Decimal):
        cell.value = float(value) if isinstance(value, Decimal) else value
        if general and isinstance(value, int):
            cell.number_format = INTEGER_FORMAT
    elif isinstance(value, dt.date):
        cell.value = value
        cell.number_format = DATE_FORMAT if general else cell.number_format
    elif isinstance(value, Mapping | list | tuple) or dataclasses.is_dataclass(value):
        raise _Unfillable("là một bảng số liệu, không phải một số")
    else:
        _set_text(cell, _as_text(value))


def write_official_table(template: Path, context: ReportContext, out: Path
                         ) -> tuple[list[str], list[FigureCell]]:
    """Fill the office's official table `template` from `context` into `out` (atomically).

    Returns warnings (Vietnamese) for cells that could not be filled — those are left as they
    are, so the office sees them — and where each figure named by its path was written.
    """
    import dataclasses

    import openpyxl
    from jinja2 import TemplateError
    from jinja2.runtime import Undefined

    from kcn_reports.templating import explain

    env = official_environment()
    variables = {f.name: getattr(context, f.name) for f in dataclasses.fields(context)}
    book = openpyxl.load_workbook(template)
    warnings: list[str] = []
    cells: list[FigureCell] = []
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                text = cell.value
                if not isinstance(text, str) or not any(m in text for m in TAG_MARKS):
                    continue
                where = f"Mẫu {template.name}, sheet \"{ws.title}\", ô {cell.coordinate}"
                whole = _WHOLE_TAG.match(text)
                try:
                    if whole:
                        value = env.compile_expression(whole.group("expr"),
                                                       undefined_to_none=False)(**variables)
                        if isinstance(value, Undefined):
                            str(value)  # raises, naming what is missing
                        _set_typed(cell, value)
                        path = _PATH.match(whole.group("expr"))
                        if path and not isinstance(cell.value, str):
                            cells.append(FigureCell(ws.title, cell.row - 1, cell.column - 1,
                                                    path.group(1)))
                    else:
                        _set_text(cell, env.from_string(text).render(**variables))
                except _Unfillable as exc:
                    warnings.append(f"{where}: {exc}; giữ nguyên \"{text.strip()}\".")
                except (TemplateError, TypeError, ValueError, ArithmeticError,
                        AttributeError) as exc:
                    warnings.append(f"{where}: {explain(exc, text)}; giữ nguyên "
                                    f"\"{text.strip()}\".")
    atomic_write(out, book.save)
    return warnings, cells
