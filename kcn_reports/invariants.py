"""What every report run checks before it calls itself done: the outputs cannot contradict each
other. A failure is a bug in the program, never the user's data (the data's own contradictions
are problems of the check), so it stops the run as an internal error naming what disagrees.

1. Bảng 1 (Biểu 1-BTCTW): Σ A and Σ D are the text's members at the start and at the end; the
   total row is the sum of the rows.
2. The zone table's totals are the labour, union, youth, enterprise and member figures of the
   text, and its rows add up to them.
3. Every number of Tong-hop.xlsx and Bieu-tong-hop.xlsx that names a figure equals figures.json
   (the files are read back as written).
4. The "Kiểm tra" column of Biểu 1-BTCTW agrees with the check's reconciliation problems: a row
   that does not add up, or that is marked, has a problem about its cell in the check's report,
   and every such problem is in the report.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kcn_reports.context import MOVEMENT_COLUMNS, ReportContext, resolve
from kcn_reports.membership import Membership, check_text
from kcn_reports.outcome import CheckReport
from kcn_reports.settings import Settings


class InvariantError(Exception):
    """The outputs of a run disagree with each other (an internal error)."""

    def __init__(self, failures: list[str]) -> None:
        self.failures = failures
        lines = "\n".join(f"  - {f}" for f in failures)
        super().__init__("Lỗi chương trình: các số liệu của báo cáo không khớp nhau, nên không "
                         f"dùng được kết quả lần chạy này:\n{lines}\nXin báo cho người phát triển "
                         "(kèm thư mục inputs và kcn_reports.toml).")


def _same(left: Any, right: Any) -> bool:
    if isinstance(left, bool) or isinstance(right, bool):
        return left == right
    if isinstance(left, int | float) and isinstance(right, int | float):
        return math.isclose(left, right, rel_tol=1e-9, abs_tol=1e-9)
    return bool(left == right)


def check_context(context: ReportContext, report: CheckReport, settings: Settings) -> list[str]:
    """Invariants 1, 2 and 4 on the context itself (before anything is written)."""
    failures: list[str] = []
    party, rows, total = context.party, context.movements, context.movements_total
    if rows or total.a or total.d:
        if sum(r.a for r in rows) != party.members_start:
            failures.append(f"Bảng 1: tổng cột A ({sum(r.a for r in rows)}) khác số đảng viên đầu "
                            f"kỳ trong lời văn ({party.members_start}).")
        if sum(r.d for r in rows) != party.members_end:
            failures.append(f"Bảng 1: tổng cột D ({sum(r.d for r in rows)}) khác số đảng viên "
                            f"cuối kỳ trong lời văn ({party.members_end}).")
    for column in MOVEMENT_COLUMNS:
        summed = sum(getattr(r, column.key) for r in rows)
        if summed != getattr(total, column.key):
            failures.append(f"Bảng 1: dòng Tổng cộng cột {column.group}. {column.label} "
                            f"({getattr(total, column.key)}) khác tổng các dòng ({summed}).")
    if total.admitted != party.admitted or total.transferred_in != party.transferred_in:
        failures.append("Bảng 1: số kết nạp, chuyển đến khác lời văn.")

    zone_total = context.by_zone_total
    pairs = (("employees", context.labour.employees, "tổng số lao động"),
             ("female", context.labour.female, "lao động nữ"),
             ("foreign", context.labour.foreign, "lao động nước ngoài"),
             ("union_members", context.unions.members, "đoàn viên công đoàn"),
             ("youth_members", context.youth.members, "đoàn viên thanh niên"),
             ("party_members", party.members_in_enterprises,
              "đảng viên làm việc tại doanh nghiệp"),
             ("enterprises", context.enterprises.reported, "doanh nghiệp đã gửi báo cáo"))
    for key, figure, name in pairs:
        if getattr(zone_total, key) != figure:
            failures.append(f"Bảng theo khu công nghiệp: dòng Tổng cộng, {name} "
                            f"({getattr(zone_total, key)}) khác lời văn ({figure}).")
        summed = sum(getattr(z, key) for z in context.by_zone)
        if summed != getattr(zone_total, key):
            failures.append(f"Bảng theo khu công nghiệp: các dòng {name} cộng lại {summed}, "
                            f"dòng Tổng cộng ghi {getattr(zone_total, key)}.")
    if context.enterprises.fdi + context.enterprises.domestic > context.enterprises.reported:
        failures.append("Số doanh nghiệp FDI và trong nước vượt số doanh nghiệp đã gửi báo cáo.")
    failures.extend(_reconciliation(context, report, settings))
    return failures


def _reconciliation(context: ReportContext, report: CheckReport, settings: Settings) -> list[str]:
    """Invariant 4: Biểu 1-BTCTW's "Kiểm tra" column against the check's problems."""
    failures: list[str] = []
    members = Membership(report.ledger, settings.baseline)
    found = members.discrepancies(members.floor_for(context.report.start))
    problems = set(report.problems)
    for item in found:
        if item.problem not in problems:
            failures.append(f"Kiểm tra dữ liệu thiếu cảnh báo về sổ theo dõi: "
                            f"{item.problem.message}")
    flagged = {d.cell for d in found}
    for row in context.movements:
        key = "" if row.kind == "gap" else row.cell
        expected = check_text(row, key in flagged)
        if row.check != expected:
            failures.append(f"Bảng 1, dòng {row.cell}: cột Kiểm tra ghi \"{row.check}\", "
                            f"đúng ra là \"{expected}\".")
        if not row.reconciles and key not in flagged:
            failures.append(f"Bảng 1, dòng {row.cell}: A + B − C khác D nhưng Kiểm tra dữ liệu "
                            "không có cảnh báo nào về chi bộ này.")
    return failures


def _read_cells(path: Path, sheets: Iterable[str]) -> dict[str, list[list[Any]]]:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python(skip_empty_area=False)
            for name in set(sheets)}


def _cell(grid: list[list[Any]], row: int, col: int) -> Any:
    if row < len(grid) and col < len(grid[row]):
        value = grid[row][col]
        return None if value == "" else value
    return None


def check_outputs(figures_json: Path, workbooks: Iterable[tuple[Path, list[Any]]]) -> list[str]:
    """Invariant 3: each figure cell written (`FigureCell`s per workbook), read back from the
    file, against figures.json read back from its file."""
    data = json.loads(figures_json.read_text(encoding="utf-8"))
    failures: list[str] = []
    for path, cells in workbooks:
        if not cells:
            continue
        grids = _read_cells(path, (c.sheet for c in cells))
        for cell in cells:
            found, expected = resolve(data, cell.path)
            shown = _cell(grids[cell.sheet], cell.row, cell.col)
            if isinstance(shown, dt.datetime):
                shown = shown.date()
            if isinstance(shown, dt.date):
                shown = shown.isoformat()
            if not found or not _same(shown, expected):
                failures.append(f"{path.name}, sheet \"{cell.sheet}\", ô {cell.address}: "
                                f"{shown!r}, figures.json ({cell.path}) ghi {expected!r}.")
    return failures
