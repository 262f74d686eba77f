"""Returns built cell by cell the way accountants lay them out in Excel, as plain grids the tests
can transform, written as .xlsx (openpyxl), .xls (xlwt) or .ods (odfpy).

Nothing here goes through the blank form or `sample.py`: a `Grid` is a sheet typed by hand,
with its own merges and column widths, and `write` saves a list of grids as a workbook.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kcn_reports.formdef import FIELDS, PERIOD_HALF, PERIOD_YEAR, Period

Merge = tuple[int, int, int, int]  # 0-based, inclusive: first row, first col, last row, last col


@dataclass
class Grid:
    """One worksheet as a list of rows. `marks` name cells the transformations need to find
    again (an identity label, the value column's header, …); they move with their cells."""

    name: str
    rows: list[list[Any]] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)
    widths: dict[int, float] = field(default_factory=dict)
    marks: dict[str, tuple[int, int]] = field(default_factory=dict)

    # -- reading and writing cells --------------------------------------------------------
    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)

    def get(self, r: int, c: int) -> Any:
        if r < len(self.rows) and c < len(self.rows[r]):
            return self.rows[r][c]
        return None

    def set(self, r: int, c: int, value: Any) -> None:
        while len(self.rows) <= r:
            self.rows.append([])
        row = self.rows[r]
        while len(row) <= c:
            row.append(None)
        row[c] = value

    def add(self, *cells: Any, col: int = 0) -> int:
        """Append a row whose first given cell is at `col`; returns its index."""
        self.rows.append([None] * col + list(cells))
        return len(self.rows) - 1

    def blank(self, n: int = 1) -> None:
        for _ in range(n):
            self.rows.append([])

    def merge(self, r1: int, c1: int, r2: int, c2: int) -> None:
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                if (r, c) != (r1, c1) and self.get(r, c) is not None:
                    raise ValueError(f"merging over a value at {(r, c)}")
        self.merges.append((r1, c1, r2, c2))

    def mark(self, name: str, r: int, c: int) -> None:
        self.marks[name] = (r, c)

    def cells(self):
        for r, row in enumerate(self.rows):
            for c, value in enumerate(row):
                if value is not None and value != "":
                    yield r, c, value

    # -- structural edits, as Excel does them -----------------------------------------------
    def insert_rows(self, at: int, n: int = 1) -> None:
        if at <= len(self.rows):
            self.rows[at:at] = [[] for _ in range(n)]
        self.merges = [_shift(m, at, n, axis=0) for m in self.merges]
        self.marks = {k: (r + n if r >= at else r, c) for k, (r, c) in self.marks.items()}

    def insert_cols(self, at: int, n: int = 1) -> None:
        for row in self.rows:
            if len(row) > at:
                row[at:at] = [None] * n
        self.merges = [_shift(m, at, n, axis=1) for m in self.merges]
        self.marks = {k: (r, c + n if c >= at else c) for k, (r, c) in self.marks.items()}
        self.widths = {(c + n if c >= at else c): w for c, w in self.widths.items()}

    def delete_rows(self, rows: set[int]) -> None:
        """Remove the given rows; merges inside them go, marks inside them go."""
        keep = [r for r in range(len(self.rows)) if r not in rows]
        new_index = {old: new for new, old in enumerate(keep)}
        self.rows = [self.rows[r] for r in keep]
        merges = []
        for r1, c1, r2, c2 in self.merges:
            inside = [new_index[r] for r in range(r1, r2 + 1) if r in new_index]
            if inside:
                merges.append((inside[0], c1, inside[-1], c2))
        self.merges = merges
        self.marks = {k: (new_index[r], c) for k, (r, c) in self.marks.items() if r in new_index}

    def delete_col(self, col: int) -> None:
        for row in self.rows:
            if len(row) > col:
                del row[col]
        merges = []
        for r1, c1, r2, c2 in self.merges:
            if c1 == c2 == col:
                continue
            merges.append((r1, c1 - (c1 > col), r2, c2 - (c2 >= col)))
        self.merges = merges
        self.marks = {k: (r, c - (c > col)) for k, (r, c) in self.marks.items() if c != col}
        self.widths = {c - (c > col): w for c, w in self.widths.items() if c != col}

    def delete_cells_left(self, first: int, last: int, col: int) -> None:
        """Delete the cells of column `col` in rows first..last, shifting the rest left."""
        for r in range(first, min(last, len(self.rows) - 1) + 1):
            if len(self.rows[r]) > col:
                del self.rows[r][col]
        merges = []
        for m in self.merges:
            r1, c1, r2, c2 = m
            if first <= r1 and r2 <= last and c2 >= col:
                if c1 == c2 == col:
                    continue
                m = (r1, c1 - (c1 > col), r2, c2 - 1)
            merges.append(m)
        self.merges = merges
        marks = {}
        for k, (r, c) in self.marks.items():
            if first <= r <= last and c >= col:
                if c == col:
                    continue
                c -= 1
            marks[k] = (r, c)
        self.marks = marks

    def take_rows(self, rows: list[int]) -> Grid:
        """The given rows (with their merges and marks) as a new grid, removed from this one."""
        part = Grid(self.name, widths=dict(self.widths))
        index = {old: new for new, old in enumerate(rows)}
        part.rows = [list(self.rows[r]) for r in rows]
        part.merges = [(index[r1], c1, index[r2], c2) for r1, c1, r2, c2 in self.merges
                       if r1 in index and r2 in index and index[r2] - index[r1] == r2 - r1]
        part.marks = {k: (index[r], c) for k, (r, c) in self.marks.items() if r in index}
        self.delete_rows(set(rows))
        return part

    def paste(self, part: Grid, at: int) -> None:
        """Insert the rows of `part` before row `at`."""
        n = len(part.rows)
        self.insert_rows(at, n)
        while len(self.rows) < at + n:
            self.rows.append([])
        for i, row in enumerate(part.rows):
            self.rows[at + i] = list(row)
        self.merges += [(r1 + at, c1, r2 + at, c2) for r1, c1, r2, c2 in part.merges]
        self.marks.update({k: (r + at, c) for k, (r, c) in part.marks.items()})

    def copy(self) -> Grid:
        return copy.deepcopy(self)


def _shift(merge: Merge, at: int, n: int, axis: int) -> Merge:
    r1, c1, r2, c2 = merge
    lo, hi = (r1, r2) if axis == 0 else (c1, c2)
    if lo >= at:
        lo, hi = lo + n, hi + n
    elif hi >= at:
        hi += n  # inserted inside the merged range: Excel widens it
    return (lo, c1, hi, c2) if axis == 0 else (r1, lo, r2, hi)


# -- writers --------------------------------------------------------------------------------
def write(book: list[Grid], path: Path) -> Path:
    """Save the grids as a workbook in the format the suffix names."""
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = {".xlsx": _write_xlsx, ".xls": _write_xls, ".ods": _write_ods}[path.suffix]
    writer(book, path)
    return path


def _covered(grid: Grid) -> tuple[dict[tuple[int, int], Merge], set[tuple[int, int]]]:
    tops, covered = {}, set()
    for m in grid.merges:
        r1, c1, r2, c2 = m
        tops[(r1, c1)] = m
        covered |= {(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)} - {(r1, c1)}
    return tops, covered


def _is_heading(value: Any) -> bool:
    return isinstance(value, str) and value.isupper() and len(value) > 3


def _write_xlsx(book: list[Grid], path: Path) -> None:
    import openpyxl
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for grid in book:
        ws = wb.create_sheet(grid.name)
        for r, c, value in grid.cells():
            cell = ws.cell(r + 1, c + 1, value)
            if isinstance(value, (dt.date, dt.datetime)):
                cell.number_format = "dd/mm/yyyy"
            if isinstance(value, str) and "\n" in value:
                cell.alignment = Alignment(wrap_text=True, vertical="center")
            if _is_heading(value):
                cell.font = Font(bold=True)
        for r1, c1, r2, c2 in grid.merges:
            if (r1, c1) != (r2, c2):
                ws.merge_cells(start_row=r1 + 1, start_column=c1 + 1, end_row=r2 + 1,
                               end_column=c2 + 1)
        for c, width in grid.widths.items():
            ws.column_dimensions[get_column_letter(c + 1)].width = width
    wb.save(path)


def _write_xls(book: list[Grid], path: Path) -> None:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    plain = xlwt.easyxf("")
    bold = xlwt.easyxf("font: bold on")
    date = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    wrap = xlwt.easyxf("align: wrap on")
    for grid in book:
        ws = wb.add_sheet(grid.name, cell_overwrite_ok=True)
        tops, covered = _covered(grid)
        for r, c, value in grid.cells():
            if (r, c) in covered:
                continue
            if isinstance(value, (dt.date, dt.datetime)):
                style = date
            elif isinstance(value, str) and "\n" in value:
                style = wrap
            else:
                style = bold if _is_heading(value) else plain
            if (r, c) in tops:
                r1, c1, r2, c2 = tops[(r, c)]
                ws.write_merge(r1, r2, c1, c2, value, style)
            else:
                ws.write(r, c, value, style)
        for c, width in grid.widths.items():
            ws.col(c).width = int(width * 256)
    wb.save(str(path))


def _write_ods(book: list[Grid], path: Path) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableColumnProperties
    from odf.table import CoveredTableCell, Table, TableCell, TableColumn, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    for index, grid in enumerate(book):
        table = Table(name=grid.name)
        tops, covered = _covered(grid)
        for c in range(grid.width):
            if c in grid.widths:
                style = Style(name=f"co{index}_{c}", family="table-column")
                style.addElement(TableColumnProperties(columnwidth=f"{grid.widths[c] * 0.2:.2f}cm"))
                doc.automaticstyles.addElement(style)
                table.addElement(TableColumn(stylename=style))
            else:
                table.addElement(TableColumn())
        for r in range(len(grid.rows)):
            tr = TableRow()
            for c in range(grid.width):
                if (r, c) in covered:
                    tr.addElement(CoveredTableCell())
                    continue
                attrs: dict[str, Any] = {}
                if (r, c) in tops:
                    r1, c1, r2, c2 = tops[(r, c)]
                    attrs = {"numbercolumnsspanned": c2 - c1 + 1, "numberrowsspanned": r2 - r1 + 1}
                value = grid.get(r, c)
                lines: list[str] = []
                if value is None or value == "":
                    cell = TableCell(**attrs)
                elif isinstance(value, (dt.date, dt.datetime)):
                    cell = TableCell(valuetype="date", datevalue=value.strftime("%Y-%m-%d"), **attrs)
                    lines = [value.strftime("%d/%m/%Y")]
                elif isinstance(value, (int, float)) and not isinstance(value, bool):
                    cell = TableCell(valuetype="float", value=value, **attrs)
                    lines = [str(value)]
                else:
                    cell = TableCell(valuetype="string", **attrs)
                    lines = str(value).split("\n")
                for line in lines:
                    cell.addElement(P(text=line))
                tr.addElement(cell)
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
    doc.save(str(path))


# -- reading back ---------------------------------------------------------------------------
KEYS = [f.key for f in FIELDS]


def read_outcome(path: Path, root: Path):
    """The public path: `check.process_file` on the file, as `check` runs it."""
    from helpers import read

    return read(path, root)


def values_read(outcome) -> dict[str, Any]:
    values = outcome.form.values if outcome.form is not None else {}
    return {key: _comparable(values.get(key)) for key in KEYS}


def _comparable(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 6)
    return value


def problems_of(outcome) -> list[str]:
    return [f"{p.code} {p.sheet}!{p.cell}: {p.message}" for p in outcome.problems]


def assert_reads(outcome, expected: dict[str, Any]) -> None:
    """Accepted, and every one of the form's fields read as expected."""
    assert outcome.outcome == "accepted", problems_of(outcome)
    got = values_read(outcome)
    want = {key: _comparable(expected.get(key)) for key in KEYS}
    diff = {k: (got[k], want[k]) for k in KEYS if got[k] != want[k]}
    assert not diff, f"read ≠ expected (read, expected): {diff}; problems: {problems_of(outcome)}"


def no_duplicate_rows(outcome) -> None:
    dup = [m for m in problems_of(outcome) if m.startswith("duplicate-row")]
    assert not dup, dup


# -- one enterprise of our own, as its accountant types it ---------------------------------
NAME = "Công ty TNHH Sunrise Precision Việt Nam"
TAX = "2400567890"

EXPECTED: dict[str, Any] = {
    "name": NAME,
    "tax_code": TAX,
    "zone": "Quang Châu",
    "ownership": "fdi",
    "investor_country": "Nhật Bản",
    "industry": "Gia công cơ khí chính xác, khuôn mẫu",
    "period": Period(PERIOD_YEAR, 2016),
    "preparer": "Trần Văn Bình",
    "phone": "0204 3856 123",
    "prepared_on": dt.date(2017, 1, 10),
    "revenue": 56789.25,
    "exports": 3120.5,
    "imports": 1875,
    "budget_paid": 2345.6,
    "employees": 642,
    "employees_female": 398,
    "employees_foreign": 7,
    "avg_income": 6.8,
    "has_party_org": True,
    "party_members": 21,
    "party_members_not_transferred": 5,
    "owner_is_party_member": False,
    "candidates": 3,
    "has_union": True,
    "union_founded_on": dt.date(2012, 9, 14),
    "union_members": 590,
    "has_youth_union": True,
    "youth_members": 120,
}
EXPECTED_H1 = {**EXPECTED, "period": Period(PERIOD_HALF, 2016), "prepared_on": dt.date(2016, 7, 8)}

# Identity lines: (field key, the accountant's label, the value as typed).
IDENTITY_LINES: list[tuple[str, str, Any]] = [
    ("name", "Tên doanh nghiệp", NAME),
    ("tax_code", "Mã số thuế", TAX),
    ("zone", "Khu công nghiệp", "KCN Quang Châu"),
    ("ownership", "Loại hình doanh nghiệp", "100% vốn nước ngoài"),
    ("investor_country", "Quốc gia/vùng lãnh thổ của nhà đầu tư", "Nhật Bản"),
    ("industry", "Ngành nghề sản xuất, kinh doanh chính", "Gia công cơ khí chính xác, khuôn mẫu"),
    ("period", "Kỳ báo cáo", "Năm 2016"),
    ("preparer", "Người lập biểu", "Trần Văn Bình"),
    ("phone", "Điện thoại", "0204 3856 123"),
    ("prepared_on", "Ngày lập", "10/01/2017"),
]
H1_TYPED = {"period": "6 tháng đầu năm 2016", "prepared_on": dt.datetime(2016, 7, 8)}

# What the accountant adds after a label: remarks, or the English of a bilingual form.
REMARKS = {
    "name": "ghi theo giấy phép", "tax_code": "MST", "zone": "nơi đặt nhà máy",
    "ownership": "FDI hay trong nước", "investor_country": "nếu là DN FDI",
    "industry": "theo giấy chứng nhận đầu tư", "period": "6 tháng/năm",
    "preparer": "ghi rõ họ tên", "phone": "di động", "prepared_on": "ngày/tháng/năm",
}
ENGLISH = {
    "name": "Enterprise name", "tax_code": "Tax code", "zone": "Industrial zone",
    "ownership": "Type of enterprise", "investor_country": "Investor's country",
    "industry": "Main business line", "period": "Reporting period",
    "preparer": "Prepared by", "phone": "Telephone", "prepared_on": "Date",
}

# Indicator rows: (code, the accountant's label, unit, this period as typed, previous period).
INDICATOR_ROWS: list[tuple[str, str, str, Any, Any]] = [
    ("01", "Doanh thu thuần về bán hàng và cung cấp dịch vụ", "triệu đồng", "56.789,25", 51234),
    ("02", "Kim ngạch xuất khẩu", "nghìn USD", 3120.5, 2980),
    ("03", "Kim ngạch nhập khẩu", "nghìn USD", "1.875", 1700),
    ("04", "Các khoản nộp ngân sách nhà nước", "triệu đồng", 2345.6, 2100),
    ("05", "Tổng số lao động (tại thời điểm báo cáo)", "người", 642, 610),
    ("06", "Trong đó: lao động nữ", "người", 398, 380),
    ("07", "Trong đó: lao động nước ngoài", "người", 7, 6),
    ("08", "Thu nhập bình quân của người lao động", "tr.đ/người/tháng", "6,8", 6.2),
    ("09", "Doanh nghiệp có tổ chức đảng (chi bộ, đảng bộ)", "Có/Không", "Có", "Có"),
    ("10", "Số đảng viên đang làm việc tại DN", "người", 21, 18),
    ("11", "Trong đó: đảng viên chưa chuyển sinh hoạt về KCN", "người", 5, 4),
    ("12", "Chủ DN (người đại diện theo pháp luật) là đảng viên", "Có/Không", "Không", "Không"),
    ("13", "Số quần chúng ưu tú được bồi dưỡng, giới thiệu kết nạp", "người", 3, 2),
    ("14", "Đã thành lập công đoàn cơ sở", "Có/Không", "Có", "Có"),
    ("15", "Ngày thành lập công đoàn cơ sở", "ngày/tháng/năm", dt.datetime(2012, 9, 14),
     dt.datetime(2012, 9, 14)),
    ("16", "Số đoàn viên công đoàn", "người", 590, 560),
    ("17", "Có tổ chức Đoàn TNCS Hồ Chí Minh", "Có/Không", "Có", "Có"),
    ("18", "Số đoàn viên thanh niên", "người", 120, 101),
]
SECTIONS = {"01": ("I", "SẢN XUẤT, KINH DOANH"), "05": ("II", "LAO ĐỘNG"),
            "09": ("III", "TỔ CHỨC ĐẢNG"), "14": ("IV", "CÔNG ĐOÀN, ĐOÀN THANH NIÊN")}


def identity_value(key: str, half: bool = False) -> Any:
    if half and key in H1_TYPED:
        return H1_TYPED[key]
    return next(v for k, _, v in IDENTITY_LINES if k == key)


def letterhead(g: Grid, *, cols: int = 6, title: str = "NĂM 2016") -> None:
    """The top of a return as Vietnamese offices type it: company and document number on the
    left, the national motto on the right, a merged title, "Kính gửi"."""
    half = cols // 2
    r = g.add("CÔNG TY TNHH SUNRISE PRECISION VIỆT NAM")
    g.set(r, half, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    g.merge(r, 0, r, half - 1)
    g.merge(r, half, r, cols - 1)
    r = g.add("Số: 15/BC-SPV")
    g.set(r, half, "Độc lập - Tự do - Hạnh phúc")
    g.merge(r, 0, r, half - 1)
    g.merge(r, half, r, cols - 1)
    r = g.add(None)
    g.set(r, half, "Bắc Giang, ngày 10 tháng 01 năm 2017")
    g.merge(r, half, r, cols - 1)
    g.blank()
    r = g.add(f"BÁO CÁO TÌNH HÌNH HOẠT ĐỘNG SẢN XUẤT KINH DOANH, LAO ĐỘNG VÀ TỔ CHỨC ĐẢNG, "
              f"ĐOÀN THỂ {title}")
    g.merge(r, 0, r, cols - 1)
    r = g.add("Kính gửi: Ban Quản lý các Khu công nghiệp tỉnh Bắc Giang")
    g.merge(r, 0, r, cols - 1)
    g.blank()


def signature(g: Grid, *, left: int = 1, right: int = 4) -> None:
    """The signature block under the table: who prepared it, the director, their names."""
    g.blank()
    r = g.add("Người lập biểu", col=left)
    g.set(r, right, "Giám đốc")
    r = g.add("(Ký, ghi rõ họ tên)", col=left)
    g.set(r, right, "(Ký tên, đóng dấu)")
    g.blank(3)
    r = g.add("Trần Văn Bình", col=left)
    g.set(r, right, "Nakamura Hiroshi")

