"""Read the office's Sổ theo dõi (spec §2.3) with the same tolerance as the forms.

Sheets are found by name, columns by their header labels (any row among the first few, any
order, extra columns ignored), values with the form's parsers. Problems are records located
by sheet and cell.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kcn_reports.formdef import Zone
from kcn_reports.ledgerdef import (
    ACTIVITY_TYPES,
    CELL_TYPES,
    MOVEMENT_TYPES,
    SHEETS,
    TARGETS,
    LedgerSheet,
)
from kcn_reports.problems import Problem, problem
from kcn_reports.textnorm import fold
from kcn_reports.values import ParseError, is_blank, parse_kind

if TYPE_CHECKING:
    from kcn_reports.workbook import Sheet, Workbook

EARLIEST_DATE = dt.date(1930, 2, 3)  # the Party's founding: nothing in the ledger predates it

_PARSE_ERRORS = {
    "not-a-date": "không đọc được ngày",
    "not-a-number": "không đọc được số",
    "not-an-integer": "phải là số nguyên",
    "bad-tax-code": "mã số thuế không đúng dạng",
    "unknown-zone": "khu công nghiệp không có trong danh sách",
    "unknown-ownership": "loại hình không rõ",
}


@dataclass(frozen=True)
class Row:
    """One data row: its values by column key, and where each came from."""

    values: dict[str, Any]
    cells: dict[str, str]

    def get(self, key: str) -> Any:
        return self.values.get(key)


@dataclass
class Ledger:
    relpath: str
    rows: dict[str, list[Row]] = field(default_factory=dict)  # sheet key -> rows
    problems: list[Problem] = field(default_factory=list)

    def sheet(self, key: str) -> list[Row]:
        return self.rows.get(key, [])

    @property
    def enterprises(self) -> dict[str, Row]:
        return {r.values["tax_code"]: r for r in self.sheet("enterprises") if r.get("tax_code")}

    def targets(self, year: int) -> dict[str, float]:
        return {r.values["target"]: r.values["value"] for r in self.sheet("targets")
                if r.get("year") == year and r.get("target") and r.get("value") is not None}


# Fixed vocabularies: sheet key -> column key -> canonical values (stored as keys).
VOCABULARIES: dict[tuple[str, str], dict[str, str]] = {
    ("cells", "type"): CELL_TYPES,
    ("movements", "type"): MOVEMENT_TYPES,
    ("activities", "type"): ACTIVITY_TYPES,
    ("targets", "target"): TARGETS,
}


def read_ledger(book: Workbook, zones: tuple[Zone, ...], today: dt.date | None = None) -> Ledger:
    """Every sheet of the Sổ theo dõi, parsed; problems instead of exceptions."""
    ledger = Ledger(book.relpath)
    by_name = {fold(name): name for name in book.sheet_names}
    latest = (today or dt.date.today()) + dt.timedelta(days=366)
    for spec in SHEETS:
        name = by_name.get(fold(spec.name))
        sheet = book.sheet(name) if name else None
        if sheet is None:
            ledger.problems.append(problem("ledger-sheet-missing", file=book.relpath,
                                           sheet_name=spec.name))
            continue
        ledger.rows[spec.key] = _read_sheet(book.relpath, sheet, spec, zones, ledger.problems,
                                            latest)
    _check_references(ledger)
    return ledger


def _find_header(sheet: Sheet, spec: LedgerSheet) -> tuple[int, dict[str, int]] | None:
    wanted = {fold(h): col.key for col in spec.columns for h in col.headers}
    for r, row in enumerate(sheet.rows[:10]):
        found: dict[str, int] = {}
        for c, raw in enumerate(row):
            if isinstance(raw, str):
                key = wanted.get(fold(raw))
                if key and key not in found:
                    found[key] = c
        if len(found) >= max(2, sum(col.required for col in spec.columns) // 2 + 1):
            return r, found
    return None


def _read_sheet(relpath: str, sheet: Sheet, spec: LedgerSheet, zones: tuple[Zone, ...],
                problems: list[Problem], latest: dt.date) -> list[Row]:
    header = _find_header(sheet, spec)
    if header is None:
        problems.append(problem("ledger-column-missing", file=relpath, sheet=sheet.name,
                                sheet_name=spec.name, column=spec.columns[0].header))
        return []
    header_row, columns = header
    for col in spec.columns:
        if col.required and col.key not in columns:
            problems.append(problem("ledger-column-missing", file=relpath, sheet=sheet.name,
                                    cell=sheet.address(header_row, 0), sheet_name=spec.name,
                                    column=col.header))
    if any(col.required and col.key not in columns for col in spec.columns):
        return []
    rows: list[Row] = []
    for r in range(header_row + 1, len(sheet.rows)):
        raw_row = sheet.rows[r]
        if all(is_blank(v) for v in raw_row):
            continue
        values: dict[str, Any] = {}
        cells: dict[str, str] = {}
        for col in spec.columns:
            c = columns.get(col.key)
            if c is None:
                values[col.key] = None
                continue
            address = sheet.address(r, c)
            cells[col.key] = address
            raw = raw_row[c] if c < len(raw_row) else ""

            def add(code: str, value: Any = raw, address: str = address, column: str = col.header,
                    key: str = f"{spec.key}.{col.key}", **params: Any) -> None:
                problems.append(problem(code, file=relpath, sheet=sheet.name, cell=address,
                                        field=key, value=value, column=column, **params))

            if is_blank(raw):
                values[col.key] = None
                if col.required:
                    add("ledger-required")
                continue
            vocabulary = VOCABULARIES.get((spec.key, col.key))
            if vocabulary:
                key = _vocabulary_key(raw, vocabulary)
                if key is None:
                    add("ledger-unknown-type", known="; ".join(vocabulary.values()))
                values[col.key] = key
                continue
            try:
                parsed = parse_kind(col.kind, raw, zones)
            except ParseError as exc:
                add("ledger-value", detail=_PARSE_ERRORS.get(exc.code, exc.code))
                values[col.key] = None
                continue
            value = parsed.value
            if isinstance(value, dt.date) and not EARLIEST_DATE <= value <= latest:
                add("ledger-date-out-of-range", value=value.strftime("%d/%m/%Y"),
                    low=EARLIEST_DATE.strftime("%d/%m/%Y"), high=latest.strftime("%d/%m/%Y"))
                value = None
            values[col.key] = value
        if all(v is None for v in values.values()):
            continue
        rows.append(Row(values, cells))
    return rows


def _vocabulary_key(raw: Any, vocabulary: dict[str, str]) -> str | None:
    wanted = fold(str(raw))
    for key, label in vocabulary.items():
        if fold(label) == wanted:
            return key
    return None


def _check_references(ledger: Ledger) -> None:
    """Names and tax codes that point nowhere, and impossible date pairs."""
    known_cells = {fold(r.values["name"]) for r in ledger.sheet("cells") if r.get("name")}
    known_tax = set(ledger.enterprises)
    sheet_names = {s.key: s.name for s in SHEETS}
    for row in ledger.sheet("movements"):
        if row.get("cell") and fold(row.values["cell"]) not in known_cells:
            ledger.problems.append(problem(
                "ledger-unknown-cell", file=ledger.relpath, sheet=sheet_names["movements"],
                cell=row.cells.get("cell", ""), field="movements.cell", value=row.values["cell"]))
    for key in ("cells", "movements", "activities"):
        for row in ledger.sheet(key):
            tax = row.get("tax_code")
            if tax and known_tax and tax not in known_tax:
                ledger.problems.append(problem(
                    "ledger-unknown-tax-code", file=ledger.relpath, sheet=sheet_names[key],
                    cell=row.cells.get("tax_code", ""), field=f"{key}.tax_code", value=tax))
    for row in ledger.sheet("cells"):
        founded, dissolved = row.get("founded_on"), row.get("dissolved_on")
        if founded and dissolved and dissolved < founded:
            ledger.problems.append(problem(
                "ledger-dissolved-before-founded", file=ledger.relpath, sheet=sheet_names["cells"],
                cell=row.cells.get("dissolved_on", ""), field="cells.dissolved_on",
                value=dissolved.strftime("%d/%m/%Y"), founded=founded.strftime("%d/%m/%Y")))


# -- cells at a date (members and counts: `membership`) -------------------------------------------

def cells_at(ledger: Ledger, day: dt.date) -> list[Row]:
    """Party cells existing on `day` (the rule of `membership.CellHistory.exists`)."""
    return [r for r in ledger.sheet("cells")
            if r.get("founded_on") and r.values["founded_on"] <= day
            and not (r.get("dissolved_on") and r.values["dissolved_on"] <= day)]
