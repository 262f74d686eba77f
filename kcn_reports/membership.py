"""Party cells and members at any date: one rule, used by the report text, Bảng 1 (Biểu
1-BTCTW), the charts, every workbook, figures.json and the check's reconciliation.

The rule (the README's "Chi bộ, đảng viên tại một ngày" is generated from `DEFINITIONS`):

- A cell exists on a day when it was founded on or before it and not dissolved by it.
- Its members on a day = its "Số đảng viên" in sheet Chi bộ (the count at the workbook's date)
  minus the increases plus the decreases it logged after that day in sheet Biến động đảng viên;
  a cell whose count is blank starts from zero (its members are its logged movements). A cell
  that does not exist on the day has none.
- The Đảng bộ's cells and members on a day are the sums over its cells, with one exception:
  the settings baseline (`[baseline]`: date, cells, members) is a fact for its own date, used on
  that date when the workbook cannot say — the Sổ has no count at all, or its movement log starts
  after the baseline date (it does not reach back). With no count at all, later dates are the
  baseline plus the change of the cells' logged members since the baseline date.
- When the workbook and the baseline disagree on the baseline date, a `baseline-mismatch`
  warning names both numbers and the one the report used; Bảng 1 then carries a row for the
  difference, so that its totals are the text's numbers.
- A cell founded (or dissolved) after the baseline whose log does not explain its count — members
  before its founding or after its dissolution — is a `members-mismatch` warning.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kcn_reports import vnformat
from kcn_reports.context import MOVEMENT_COLUMNS, MovementRow
from kcn_reports.ledger import Ledger, Row
from kcn_reports.ledgerdef import MOVEMENT_DECREASES, MOVEMENT_INCREASES
from kcn_reports.problems import Problem, problem
from kcn_reports.textnorm import fold

if TYPE_CHECKING:
    from kcn_reports.settings import Baseline

DEFINITIONS = (
    "Chi bộ tồn tại vào một ngày khi đã thành lập (Ngày thành lập không sau ngày đó) và chưa "
    "giải thể (Ngày giải thể để trống hoặc sau ngày đó).",
    "Đảng viên của một chi bộ vào một ngày = cột Số đảng viên của chi bộ trong sheet Chi bộ (số "
    "tại ngày cập nhật sổ) trừ số tăng, cộng số giảm mà sheet Biến động đảng viên ghi cho chi bộ "
    "sau ngày đó; chi bộ để trống Số đảng viên thì tính từ 0 theo các biến động đã ghi. Chi bộ "
    "chưa thành lập hoặc đã giải thể vào ngày đó không có đảng viên.",
    "Số chi bộ, số đảng viên của Đảng bộ vào một ngày = tổng của các chi bộ như trên; Bảng 1 "
    "(Biểu 1-BTCTW), lời văn, biểu đồ, figures.json và các bảng Excel đều dùng đúng số này.",
    "Mốc ban đầu trong kcn_reports.toml ([baseline]: ngày, số chi bộ, số đảng viên) chỉ là số "
    "liệu của đúng ngày đó, và chỉ được dùng khi Sổ theo dõi không cho biết: cột Số đảng viên "
    "để trống hết, hoặc sheet Biến động đảng viên chỉ ghi từ sau ngày mốc. Khi cột Số đảng viên "
    "để trống hết, số đảng viên các ngày sau mốc = số của mốc cộng thay đổi của các chi bộ từ "
    "ngày mốc.",
    "Khi Sổ theo dõi và mốc ban đầu cho hai số khác nhau tại ngày mốc, chương trình cảnh báo "
    "(baseline-mismatch) nêu cả hai số và số báo cáo đã dùng; Bảng 1 có thêm một dòng chênh "
    "lệch để tổng cột A, cột D đúng bằng số trong lời văn.",
    "Báo cáo không tính được số liệu trước mốc ban đầu: báo cáo năm có ngày đầu kỳ (31/12 năm "
    "trước) trước ngày mốc thì chương trình dừng và nói rõ.",
)

WORKBOOK = "Sổ theo dõi"
BASELINE = "mốc ban đầu"
GAP_WITH_BASELINE = "Chênh lệch giữa mốc ban đầu và Sổ theo dõi"
GAP_UNASSIGNED = "Chưa ghi theo chi bộ (theo mốc ban đầu)"
GAP_NOTE = "Số chênh lệch, không phải biến động (xem Kiểm tra dữ liệu)"
CELLS_SHEET = "Chi bộ"


def _net(rows: Iterable[Row]) -> int:
    up, down = _split(list(rows))
    return up - down


@dataclass
class CellHistory:
    """One party cell of sheet Chi bộ with its logged movements."""

    row: Row
    movements: list[Row] = field(default_factory=list)

    @property
    def name(self) -> str:
        return str(self.row.values["name"])

    @property
    def founded(self) -> dt.date:
        return self.row.values["founded_on"]  # type: ignore[no-any-return]

    @property
    def dissolved(self) -> dt.date | None:
        return self.row.get("dissolved_on")

    @property
    def count(self) -> int | None:
        return self.row.get("members")

    @property
    def address(self) -> str:
        return self.row.cells.get("members") or self.row.cells.get("name", "")

    def exists(self, day: dt.date) -> bool:
        return self.founded <= day and not (self.dissolved is not None and self.dissolved <= day)

    def rolled(self, day: dt.date) -> int:
        """Its count rolled back to `day` by the movements logged after it."""
        after = _net(m for m in self.movements if m.values["date"] > day)
        if self.count is None:
            return _net(self.movements) - after
        return self.count - after

    def members(self, day: dt.date) -> int:
        return self.rolled(day) if self.exists(day) else 0

    def flows(self, start: dt.date, end: dt.date) -> dict[str, Any]:
        """Biểu 1-BTCTW's B and C columns: movements with start < date ≤ end."""
        rows = [m for m in self.movements if start < m.values["date"] <= end]
        return flow_columns(rows)


def flow_columns(rows: list[Row]) -> dict[str, Any]:
    """The B/C columns of `MovementRow` summed from movement rows; "*" takes the group's rest."""
    groups = {"B": set(MOVEMENT_INCREASES), "C": set(MOVEMENT_DECREASES)}
    named = {g: {t for c in MOVEMENT_COLUMNS if c.group == g for t in c.types if t != "*"}
             for g in groups}
    sums: dict[str, Any] = {}
    for col in MOVEMENT_COLUMNS:
        if col.group not in groups:
            continue
        wanted = groups[col.group] - named[col.group] if "*" in col.types else set(col.types)
        sums[col.key] = sum(r.values["count"] for r in rows if r.values["type"] in wanted)
    return sums


@dataclass(frozen=True)
class Discrepancy:
    """Something the Sổ theo dõi does not explain, as a located problem. `cell` is the name of
    the party cell concerned, "" for the Đảng bộ as a whole (the baseline)."""

    cell: str
    problem: Problem


class Membership:
    """Cells and members at any date for one Sổ theo dõi (or none) and the settings baseline."""

    def __init__(self, ledger: Ledger | None, baseline: Baseline) -> None:
        self.ledger = ledger
        self.baseline = baseline
        self.cells: list[CellHistory] = []
        by_name: dict[str, CellHistory] = {}
        if ledger is not None:
            for row in ledger.sheet("cells"):
                if row.get("name") and row.get("founded_on"):
                    key = fold(row.values["name"])
                    if key not in by_name:  # a repeated name is the same cell
                        by_name[key] = CellHistory(row)
                        self.cells.append(by_name[key])
            for row in ledger.sheet("movements"):
                if row.get("date") and row.get("type") and row.get("count") is not None:
                    history = by_name.get(fold(row.get("cell") or ""))
                    if history is not None:
                        history.movements.append(row)
        self.counts_given = any(c.count is not None for c in self.cells)
        dates = [m.values["date"] for c in self.cells for m in c.movements]
        self.logs_start: dt.date | None = min(dates) if dates else None

    # --- the rule ------------------------------------------------------------------------------

    @property
    def anchored_on_baseline(self) -> bool:
        """No count anywhere in the Sổ (or no Sổ): the baseline carries the Đảng bộ's numbers."""
        return self.baseline.date is not None and not self.counts_given

    def reaches_back(self, day: dt.date) -> bool:
        """The movement log starts on or before `day`."""
        return self.logs_start is not None and self.logs_start <= day

    def source(self, day: dt.date) -> str:
        """Where the Đảng bộ's numbers on `day` come from: WORKBOOK or BASELINE."""
        base = self.baseline.date
        if self.anchored_on_baseline:
            return BASELINE
        if base is not None and day == base and not self.reaches_back(day):
            return BASELINE
        return WORKBOOK

    def workbook_members(self, day: dt.date) -> int:
        return sum(c.members(day) for c in self.cells)

    def workbook_cells(self, day: dt.date) -> int:
        return sum(c.exists(day) for c in self.cells)

    def members_at(self, day: dt.date) -> int:
        """The Đảng bộ's members on `day` (the rule above)."""
        base = self.baseline
        if self.anchored_on_baseline:
            assert base.date is not None
            return base.party_members + self.workbook_members(day) - self.workbook_members(base.date)
        if self.source(day) == BASELINE:
            return base.party_members
        return self.workbook_members(day)

    def cells_at(self, day: dt.date) -> int:
        """The Đảng bộ's party cells on `day`."""
        base = self.baseline
        if self.anchored_on_baseline:
            assert base.date is not None
            return base.party_cells + self.workbook_cells(day) - self.workbook_cells(base.date)
        if self.source(day) == BASELINE:
            return base.party_cells
        return self.workbook_cells(day)

    def existing(self, day: dt.date) -> list[CellHistory]:
        return [c for c in self.cells if c.exists(day)]

    # --- Bảng 1 --------------------------------------------------------------------------------

    def table(self, start: dt.date, end: dt.date, flagged: Collection[str] = frozenset()
              ) -> tuple[list[MovementRow], MovementRow]:
        """Biểu 1-BTCTW rows for the cells existing at `start` or `end` or with movements
        between, a row for the members no cell accounts for (when there are any), and the total.
        `flagged`: names of cells ("" for the Đảng bộ) the check found a discrepancy for, so a
        row that adds up still points to it. Σ A = `members_at(start)` and Σ D =
        `members_at(end)` by construction."""
        rows: list[MovementRow] = []
        for cell in self.cells:
            flows = cell.flows(start, end)
            if not (cell.exists(start) or cell.exists(end) or any(flows.values())):
                continue
            row = dataclasses.replace(
                MovementRow(cell.name, a=cell.members(start), d=cell.members(end)), **flows)
            rows.append(dataclasses.replace(row, check=check_text(row, cell.name in flagged)))
        gap_a = self.members_at(start) - sum(r.a for r in rows)
        gap_d = self.members_at(end) - sum(r.d for r in rows)
        if gap_a or gap_d:
            # What the cells' rows do not account for, with its change over the period in the
            # "Khác" columns, so that the row and the total add up as Biểu 1-BTCTW does (the
            # warning that names both numbers says why the row is there).
            label = GAP_UNASSIGNED if self.anchored_on_baseline else GAP_WITH_BASELINE
            gap = MovementRow(label, a=gap_a, d=gap_d, other_in=max(0, gap_d - gap_a),
                              other_out=max(0, gap_a - gap_d), kind="gap")
            rows.append(dataclasses.replace(gap, check=check_text(gap, "" in flagged)))
        sums = {col.key: sum(getattr(r, col.key) for r in rows) for col in MOVEMENT_COLUMNS}
        total = MovementRow("Tổng cộng", **sums, kind="total")
        return rows, dataclasses.replace(total, check=check_text(total, bool(flagged)))

    # --- the check -----------------------------------------------------------------------------

    @property
    def checked_from(self) -> dt.date:
        """Cells founded or dissolved after this date must be explained by the log: the
        baseline date, else the first logged movement (before it the Sổ was not kept)."""
        if self.baseline.date is not None:
            return self.baseline.date
        return self.logs_start - dt.timedelta(days=1) if self.logs_start else dt.date.max

    def floor_for(self, start: dt.date) -> dt.date:
        """For a report starting on `start`: its own founding and dissolution events must be
        explained too, even before the log's first entry."""
        return min(self.checked_from, start)

    def discrepancies(self, since: dt.date | None = None) -> list[Discrepancy]:
        """What the Sổ does not explain: the baseline against the workbook on the baseline date,
        and cells founded or dissolved after `since` (default `checked_from`) whose log does not
        explain their count (members before founding, or left after dissolution)."""
        if self.ledger is None:
            return []
        found: list[Discrepancy] = []
        relpath = self.ledger.relpath
        base = self.baseline
        if base.date is not None and self.cells and not self.anchored_on_baseline:
            used = self.source(base.date)
            if used == WORKBOOK:
                reason = ""
            elif self.logs_start is not None:
                reason = (" vì sheet Biến động đảng viên chỉ ghi từ ngày "
                          f"{self.logs_start:%d/%m/%Y}")
            else:
                reason = " vì sheet Biến động đảng viên chưa ghi biến động nào"
            for what, declared, counted in (
                    ("chi bộ", base.party_cells, self.workbook_cells(base.date)),
                    ("đảng viên", base.party_members, self.workbook_members(base.date))):
                if declared == counted:
                    continue
                shown = declared if used == BASELINE else counted
                found.append(Discrepancy("", problem(
                    "baseline-mismatch", file=relpath, sheet=CELLS_SHEET, field="baseline",
                    value=counted, what=what, date=f"{base.date:%d/%m/%Y}", declared=declared,
                    used=shown, source=f"{used}{reason}")))
        floor = self.checked_from if since is None else since
        for cell in self.cells:
            # Movements outside the cell's life after the floor would make some report's row
            # not add up, as would members before founding or left after dissolution.
            early = [m for m in cell.movements if floor < m.values["date"] < cell.founded]
            if cell.founded > floor:
                rolled = cell.rolled(cell.founded - dt.timedelta(days=1))
                if rolled or early:
                    logged = [m for m in cell.movements if m.values["date"] >= cell.founded]
                    up, down = _split(logged)
                    found.append(Discrepancy(cell.name, problem(
                        "members-mismatch", file=relpath, sheet=CELLS_SHEET, cell=cell.address,
                        field="cells.members", value=cell.count if cell.count is not None else "",
                        what=f"{cell.name} (từ khi thành lập ngày {cell.founded:%d/%m/%Y}"
                             + (f"; có {len(early)} dòng biến động ghi trước ngày thành lập"
                                if early else "") + ")",
                        start=0, increase=up, decrease=down, expected=up - down)))
            if cell.dissolved is not None:
                late = [m for m in cell.movements
                        if m.values["date"] > max(cell.dissolved, floor)]
                left = cell.rolled(cell.dissolved) if cell.dissolved > floor else 0
                if left or late:
                    found.append(Discrepancy(cell.name, problem(
                        "cell-dissolved-with-members", file=relpath, sheet=CELLS_SHEET,
                        cell=cell.row.cells.get("dissolved_on", cell.address),
                        field="cells.dissolved_on", value=left, cell_name=cell.name,
                        date=f"{cell.dissolved:%d/%m/%Y}", late=len(late))))
        return found


def _split(rows: list[Row]) -> tuple[int, int]:
    up = sum(r.values["count"] for r in rows if r.values["type"] in MOVEMENT_INCREASES)
    down = sum(r.values["count"] for r in rows if r.values["type"] in MOVEMENT_DECREASES)
    return up, down


RECONCILED = "Khớp"


def check_text(row: MovementRow, flagged: bool) -> str:
    """The "Kiểm tra" column of Biểu 1-BTCTW: A + B − C against D, and whether the check found
    something about the row's cell (so that the two sheets never contradict each other)."""
    if not row.reconciles:
        return f"Lệch {vnformat.number(row.d - row.computed)} (xem Kiểm tra dữ liệu)"
    if row.kind == "gap" and row.cell == GAP_WITH_BASELINE:
        return GAP_NOTE
    if flagged:
        return f"{RECONCILED} trong kỳ; sổ có cảnh báo (xem Kiểm tra dữ liệu)"
    return RECONCILED


def reconcile(ledger: Ledger, baseline: Baseline) -> list[Problem]:
    """The check's reconciliation problems of a Sổ theo dõi (the same rule as the reports)."""
    return [d.problem for d in Membership(ledger, baseline).discrepancies()]
