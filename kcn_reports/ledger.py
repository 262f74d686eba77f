"""Read the office's Sổ theo dõi (spec §2.3) with the same tolerance as the forms.

Sheets are found by name (or the office's own wording of it), each table by its header row
(anywhere in the first hundred rows, on one line or two), columns by their header labels in
any order with extra columns ignored, values with the form's parsers and vocabularies with
`terms.Vocabulary`. Blank rows, a row of column numbers, total rows and lone notes are not
records. A record that cannot be read is left out and said so; the rest of the workbook is
used. Problems are records located by sheet and cell.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kcn_reports.formdef import Zone
from kcn_reports.ledgerdef import (
    ABBREVIATIONS,
    SHEETS,
    TOTAL_LABELS,
    VOCABULARIES,
    VOCABULARY_TERMS,
    Column,
    LedgerSheet,
)
from kcn_reports.problems import Problem, problem
from kcn_reports.terms import Term, Vocabulary, strip_numbering, without_remarks
from kcn_reports.textnorm import clean, fold
from kcn_reports.values import ParseError, is_blank, parse_kind

if TYPE_CHECKING:
    from kcn_reports.workbook import Sheet, Workbook

EARLIEST_DATE = dt.date(1930, 2, 3)  # the Party's founding: nothing in the ledger predates it

_PARSE_ERRORS = {
    "not-a-date": "không đọc được ngày",
    "not-a-number": "không đọc được số",
    "number-became-date": "ô là ngày, không phải số (Excel tự đổi số thành ngày)",
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


__all__ = ["VOCABULARIES", "Ledger", "Row", "cells_at", "ledger_sheets", "read_ledger"]


@functools.cache
def _matchers() -> dict[tuple[str, str], Vocabulary]:
    """Matchers of the fixed vocabularies (declared in ledgerdef), built when a Sổ theo dõi
    is first read: every run imports this module, few read a ledger."""
    return {where: Vocabulary(terms, ABBREVIATIONS) for where, terms in VOCABULARY_TERMS.items()}


@functools.cache
def _sheet_matcher() -> Vocabulary:
    return Vocabulary((Term(s.key, s.name, s.aliases) for s in SHEETS), ABBREVIATIONS)


def read_ledger(book: Workbook, zones: tuple[Zone, ...], today: dt.date | None = None) -> Ledger:
    """Every sheet of the Sổ theo dõi, parsed; problems instead of exceptions.

    A problem costs as little as it can: a bad value in a row leaves that row out (a located
    warning for the value, one more saying the row was left out), a sheet or a required column
    not found leaves that sheet out (an error). The rest of the workbook is used."""
    ledger = Ledger(book.relpath)
    names = ledger_sheets(book.sheet_names)
    latest = (today or dt.date.today()) + dt.timedelta(days=366)
    left_out: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for spec in SHEETS:
        name = names.get(spec.key)
        sheet = book.sheet(name) if name else None
        if sheet is None:
            ledger.problems.append(problem("ledger-sheet-missing", file=book.relpath,
                                           field=spec.key, sheet_name=spec.name))
            continue
        reader = _SheetReader(book, sheet, spec, zones, latest, ledger.problems)
        rows = reader.read()
        if rows is not None:
            ledger.rows[spec.key] = rows
            if not rows and not reader.left_out and spec.key == "cells":
                ledger.problems.append(problem("ledger-no-cells", file=book.relpath,
                                               sheet=sheet.name, sheet_name=sheet.name))
        left_out[spec.key] = reader.left_out
        for extra in _more_sheets(book.sheet_names, spec.key, sheet.name):
            more = book.sheet(extra)
            if more is None:
                continue
            if spec.key not in LOGS:
                ledger.problems.append(problem("ledger-sheet-ignored", file=book.relpath,
                                               sheet=extra, sheet_name=extra, used=name))
                continue
            # A log kept one sheet a year ("Biến động ĐV 2015", "Biến động ĐV 2016"): one log.
            reader = _SheetReader(book, more, spec, zones, latest, ledger.problems)
            rows = reader.read()
            if rows is not None:
                ledger.rows.setdefault(spec.key, []).extend(rows)
            left_out[spec.key] = [*left_out.get(spec.key, []), *reader.left_out]
    _resolve_cell_names(ledger, names)
    _check_references(ledger, names, left_out)
    return ledger


def _cell_key(name: str) -> tuple[str, ...]:
    """A cell's name without what clerks shorten or leave out: "Chi bộ Cty TNHH Hoa Sen" and
    "Chi bộ Công ty Hoa Sen" are both ("hoa", "sen")."""
    words = " ".join(_NAME_SHORT.get(w, w) for w in fold(name).split())
    text = f" {words} "
    for phrase in _NAME_PHRASES:
        text = text.replace(f" {phrase} ", " ")
    return tuple(w for w in text.split() if w not in _NAME_FILLER)


_NAME_SHORT = {"cq": "co quan", "bql": "ban quan ly", "dn": "doanh nghiep",
               "kcn": "khu cong nghiep", "ctcp": "cong ty co phan"}
_NAME_PHRASES = ("chi bo", "cong ty", "c ty", "co phan", "viet nam", "mot thanh vien")
_NAME_FILLER = frozenset({"cb", "cty", "tnhh", "mtv", "1tv", "cp", "vn"})


def _resolve_cell_names(ledger: Ledger, names: dict[str, str]) -> None:
    """A movement naming its cell otherwise than the Chi bộ sheet ("Chi bộ Cty Hoa Sen" for
    "Chi bộ Công ty TNHH Hoa Sen Textile") is the cell its tax code names, or the one cell whose
    name holds all its words; said in a warning. Anything less sure stays unknown (reported)."""
    cells = [r for r in ledger.sheet("cells") if r.get("name")]
    known = {fold(r.values["name"]) for r in cells}
    by_tax: dict[str, list[str]] = {}
    for r in cells:
        if r.get("tax_code"):
            by_tax.setdefault(r.values["tax_code"], []).append(r.values["name"])
    keys = [(set(_cell_key(r.values["name"])), r.values["name"]) for r in cells]
    for row in ledger.sheet("movements"):
        typed = row.get("cell")
        if not typed or fold(typed) in known:
            continue
        # By its words first: a joint cell's movement carries the tax code of the member's
        # enterprise, which may have a cell of its own.
        words = set(_cell_key(typed))
        found = [name for key, name in keys if words <= key] if len("".join(words)) >= 3 else []
        how = "theo tên"
        if len(found) != 1:
            found = by_tax.get(row.get("tax_code") or "", [])
            how = "theo mã số thuế"
        if len(found) != 1:
            continue
        row.values["cell"] = found[0]
        ledger.problems.append(problem(
            "ledger-cell-matched", file=ledger.relpath,
            sheet=names.get("movements", "Biến động đảng viên"), cell=row.cells.get("cell", ""),
            field="movements.cell", value=typed, name=found[0], how=how))


# Sheets that are logs (one row an event): several sheets of one are read as one log.
LOGS = frozenset({"movements", "activities"})


def _more_sheets(names: list[str], key: str, used: str) -> list[str]:
    """The workbook's other sheets that are `key`'s too, by their name."""
    return [name for name in names if name != used
            and (fold(name) == fold(_SPEC_NAMES[key]) or _sheet_matcher().match(name).key == key)]


_SPEC_NAMES = {spec.key: spec.name for spec in SHEETS}


def ledger_sheets(names: list[str]) -> dict[str, str]:
    """Sheet key -> the workbook's sheet of that name: the definition's own name first, else
    the office's wording ("Danh sách doanh nghiệp", "Biến động ĐV"). Also tells a Sổ theo dõi
    from other workbooks by how many of its sheets are there."""
    found: dict[str, str] = {}
    exact = {fold(spec.name): spec.key for spec in SHEETS}
    for name in names:
        key = exact.get(fold(name))
        if key is not None:
            found.setdefault(key, name)
    for name in names:
        key = _sheet_matcher().match(name).key
        if key is not None and name not in found.values():
            found.setdefault(key, name)
    return found


class _Header:
    """Where a sheet's table starts: the header's last row, and column key -> (index, the
    header as typed)."""

    __slots__ = ("columns", "last_row")

    def __init__(self, last_row: int, columns: dict[str, tuple[int, str]]) -> None:
        self.last_row = last_row
        self.columns = columns


class _Failure:
    """Why one value of a row could not be used."""

    __slots__ = ("always", "cell", "column", "reason")

    def __init__(self, column: str, reason: str, cell: str) -> None:
        self.column = column
        self.reason = reason
        self.cell = cell
        self.always = False  # leaves the row out even when the column is optional


class _SheetReader:
    def __init__(self, book: Workbook, sheet: Sheet, spec: LedgerSheet, zones: tuple[Zone, ...],
                 latest: dt.date, problems: list[Problem]) -> None:
        self.book = book
        self.relpath = book.relpath
        self.sheet = sheet
        self.spec = spec
        self.zones = zones
        self.latest = latest
        self.problems = problems
        self.required = {c.key for c in spec.columns if c.required}
        # (sheet row, what could be read of it) of the rows left out
        self.left_out: list[tuple[int, dict[str, Any]]] = []

    def read(self) -> list[Row] | None:
        """The sheet's records, or None when its table is not there (reported)."""
        header = _find_header(self.sheet, self.spec)
        missing = [c for c in self.spec.columns
                   if c.required and (header is None or c.key not in header.columns)]
        if self.spec.key == "targets" and header is not None and "target" in header.columns \
                and "value" not in header.columns:
            years = _year_columns(self.sheet.rows[header.last_row],
                                  header.columns["target"][0])
            if years:
                return self._read_by_year(header, years)
        for col in missing:
            self.problems.append(problem(
                "ledger-column-missing", file=self.relpath, sheet=self.sheet.name,
                cell=self.sheet.address(header.last_row, 0) if header else "",
                field=self.spec.key, sheet_name=self.sheet.name, column=col.header,
                seen=_headers_seen(self.sheet, header)))
        if header is None or missing:
            return None
        rows: list[Row] = []
        first = True
        for r in range(header.last_row + 1, len(self.sheet.rows)):
            raw_row = self.sheet.rows[r]
            mapped = {key: raw_row[c] if c < len(raw_row) else None
                      for key, (c, _) in header.columns.items()}
            filled = {key: raw for key, raw in mapped.items() if not is_blank(raw)}
            if not filled:
                continue  # blank, or only a running number ("STT") or other unread columns
            if first and _is_column_numbering(raw_row):
                continue  # "(1) (2) (3)…" under the header
            first = False
            if _is_total(raw_row) or self._is_note(filled):
                continue
            row = self._read_row(r, header, mapped)
            if row is not None:
                rows.append(row)
        return rows

    def _read_by_year(self, header: _Header, years: list[tuple[int, int, str]]) -> list[Row]:
        """Targets typed one column a year ("Chỉ tiêu | Năm 2016 | Năm 2017"): each filled
        cell is the target of its column's year."""
        target_col, target_header = header.columns["target"]
        rows: list[Row] = []
        for r in range(header.last_row + 1, len(self.sheet.rows)):
            raw_row = self.sheet.rows[r]
            name = raw_row[target_col] if target_col < len(raw_row) else None
            if is_blank(name) or _is_total(raw_row):
                continue
            for c, year, typed in years:
                raw = raw_row[c] if c < len(raw_row) else None
                if is_blank(raw):
                    continue
                by_year = _Header(header.last_row, {"target": (target_col, target_header),
                                                    "year": (c, typed), "value": (c, typed)})
                row = self._read_row(r, by_year, {"target": name, "year": year, "value": raw})
                if row is not None:
                    rows.append(row)
        return rows

    def _is_note(self, filled: dict[str, Any]) -> bool:
        """A single text cell: a group heading, a note or a signature, not a record — unless
        it is a value of the sheet's vocabulary (a record with the rest left blank)."""
        if len(filled) != 1 or len(self.required) < 2:
            return False
        (key, raw), = filled.items()
        if not isinstance(raw, str):
            return False
        vocabulary = _matchers().get((self.spec.key, key))
        return vocabulary is None or vocabulary.match(raw).key is None

    def _read_row(self, r: int, header: _Header, mapped: dict[str, Any]) -> Row | None:
        values: dict[str, Any] = {}
        cells: dict[str, str] = {}
        failures: list[_Failure] = []
        for col in self.spec.columns:
            if col.key not in header.columns:
                values[col.key] = None
                continue
            c, typed_header = header.columns[col.key]
            address = self.sheet.address(r, c)
            cells[col.key] = address
            value, failure = self._read_value(col, mapped[col.key], address, typed_header)
            values[col.key] = value
            if failure is not None and (col.required or failure.always):
                failures.append(failure)
        check = _ROW_CHECKS.get(self.spec.key)
        failure = check(self, values, cells) if check and not failures else None
        if failure is not None:
            failures.append(failure)
        if failures:
            reason = "; ".join(f"cột \"{f.column}\" {f.reason}" if f.column else f.reason
                               for f in failures)
            self.problems.append(problem(
                "ledger-row-skipped", file=self.relpath, sheet=self.sheet.name,
                cell=failures[0].cell, field=self.spec.key, value="",
                sheet_name=self.sheet.name, row=self.sheet.origin[0] + r + 1, reason=reason))
            self.left_out.append((self.sheet.origin[0] + r + 1, values))
            return None
        return Row(values, cells)

    def _read_value(self, col: Column, raw: Any, address: str,
                    typed_header: str) -> tuple[Any, _Failure | None]:
        """(value or None, why it could not be used); the value's own problem is recorded."""
        shown = _shown(raw)

        def fail(code: str, reason: str, value: Any = shown, **params: Any) -> tuple[None, _Failure]:
            self.problems.append(problem(
                code, file=self.relpath, sheet=self.sheet.name, cell=address,
                field=f"{self.spec.key}.{col.key}", value=value, column=typed_header, **params))
            return None, _Failure(typed_header, reason, address)

        if is_blank(raw):
            if self.book.formula_without_value(self.sheet.name, address):
                # "=11+1" saved by a program that does not calculate: not a zero, not blank.
                return fail("ledger-formula-no-value", "có công thức chưa tính ra số", value="")
            if col.required:
                return fail("ledger-required", "bỏ trống")
            return None, None
        vocabulary = _matchers().get((self.spec.key, col.key))
        if vocabulary is not None:
            found = vocabulary.match(str(raw))
            if found.key is not None:
                return found.key, None
            labels = vocabulary.labels()
            if found.tied:
                options = " hoặc ".join(f"\"{labels[k]}\"" for k in found.tied)
                return fail("ledger-ambiguous-type", f"ghi \"{shown}\", không rõ là {options}",
                            options=options)
            return fail("ledger-unknown-type", f"ghi \"{shown}\", không có trong danh sách",
                        known="; ".join(labels.values()))
        try:
            value = parse_kind(col.kind, raw, self.zones).value
        except ParseError as exc:
            detail = _PARSE_ERRORS.get(exc.code, exc.code)
            return fail("ledger-value", f"{detail} (\"{shown}\")", detail=detail)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
            missing, failure = fail("ledger-value", f"số âm (\"{shown}\")", detail="số âm")
            failure.always = True  # a count is never negative: the row is not guessed at
            return missing, failure
        if isinstance(value, dt.date) and not EARLIEST_DATE <= value <= self.latest:
            day = value.strftime("%d/%m/%Y")
            return fail("ledger-date-out-of-range", f"có ngày {day} ngoài khoảng hợp lý", value=day,
                        low=EARLIEST_DATE.strftime("%d/%m/%Y"), high=self.latest.strftime("%d/%m/%Y"))
        return value, None


_YEAR_HEADER = re.compile(r"^(?:nam|năm|year|kh|ke hoach)?\s*((?:19|20)\d{2})$")


def _year_columns(row: list[Any], after: int) -> list[tuple[int, int, str]]:
    """(column, year, header as typed) of the header cells right of `after` naming a year
    ("Năm 2016", "2017", "KH 2017")."""
    found = []
    for c in range(after + 1, len(row)):
        raw = row[c]
        if isinstance(raw, (int, float)) and not isinstance(raw, bool) and 1990 <= raw <= 2100 \
                and float(raw).is_integer():
            found.append((c, int(raw), str(int(raw))))
        elif isinstance(raw, str):
            match = _YEAR_HEADER.match(fold(raw))
            if match:
                found.append((c, int(match.group(1)), clean(raw)))
    return found


def _headers_seen(sheet: Sheet, header: _Header | None) -> str:
    """The column headers the sheet has, as typed (for a message about one not found)."""
    if header is None:
        return "không thấy dòng tiêu đề cột"
    texts = [clean(str(raw)) for raw in sheet.rows[header.last_row] if not is_blank(raw)]
    return "; ".join(f"«{text}»" for text in texts) or "không có"


def _dissolved_after_founded(reader: _SheetReader, values: dict[str, Any],
                             cells: dict[str, str]) -> _Failure | None:
    founded, dissolved = values.get("founded_on"), values.get("dissolved_on")
    if not (founded and dissolved and dissolved < founded):
        return None
    address = cells.get("dissolved_on", "")
    reader.problems.append(problem(
        "ledger-dissolved-before-founded", file=reader.relpath, sheet=reader.sheet.name,
        cell=address, field="cells.dissolved_on", value=dissolved.strftime("%d/%m/%Y"),
        founded=founded.strftime("%d/%m/%Y")))
    return _Failure("", "ngày giải thể trước ngày thành lập", address)


# Checks across the values of one row, by sheet key.
_ROW_CHECKS: dict[str, Callable[[_SheetReader, dict[str, Any], dict[str, str]], _Failure | None]] = {
    "cells": _dissolved_after_founded,
}


def _shown(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.datetime) and raw.time() == dt.time():
        return raw.strftime("%d/%m/%Y")
    return str(raw).strip()


# How far down a title or letterhead may push the header row.
HEADER_SCAN_ROWS = 100


def _find_header(sheet: Sheet, spec: LedgerSheet) -> _Header | None:
    """The table's header: the row (or two rows: a heading merged over sub-headings, a
    Vietnamese line over an English one) naming most of the required columns, found by the
    columns' spellings anywhere in the first rows; one line rather than two when both name as
    many. None when no row names at least half of the required columns."""
    vocabulary = spec.header_vocabulary
    required = {c.key for c in spec.columns if c.required}
    rows = sheet.rows[:HEADER_SCAN_ROWS + 1]
    best: tuple[tuple[int, int, int], _Header] | None = None
    for r, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        candidates = [(1, _Header(r, _header_columns(vocabulary, row)))]
        below = rows[r + 1] if r + 1 < len(rows) else []
        if _is_header_line(row, 2) and _is_header_line(below, 1):
            candidates.append((2, _Header(r + 1, _two_line_columns(vocabulary, row, below))))
        for lines, header in candidates:
            score = (len(required & header.columns.keys()), len(header.columns), -lines)
            if best is None or score > best[0]:
                best = (score, header)
    if best is None:
        return None
    (found_required, found, _), header = best
    if found < 2 or 2 * found_required < len(required):
        return None
    return header


def _is_header_line(row: list[Any], at_least: int) -> bool:
    """A row that may be one line of a header: text only, in at least so many cells."""
    cells = [raw for raw in row if not is_blank(raw)]
    return len(cells) >= at_least and all(isinstance(raw, str) for raw in cells)


def _header_columns(vocabulary: Vocabulary, row: list[Any]) -> dict[str, tuple[int, str]]:
    found: dict[str, tuple[int, str]] = {}
    for c, raw in enumerate(row):
        if isinstance(raw, str) and raw.strip():
            key = vocabulary.match(raw).key
            if key is not None and key not in found:
                found[key] = (c, clean(raw))
    return found


def _two_line_columns(vocabulary: Vocabulary, upper: list[Any],
                      lower: list[Any]) -> dict[str, tuple[int, str]]:
    """Columns of a two-line header: by the lower line first; then, for the columns and keys
    still free, both lines read together, or the upper one alone where nothing is under it
    (merged down). An upper cell followed by blanks over lower cells is a heading merged
    across them ("Biến động" over "Loại" and "Số lượng")."""
    width = max(len(upper), len(lower))
    ups: list[str] = []
    lows: list[str] = []
    carried = ""
    for c in range(width):
        up = clean(upper[c]) if c < len(upper) and isinstance(upper[c], str) else ""
        low = clean(lower[c]) if c < len(lower) and isinstance(lower[c], str) else ""
        if up:
            carried = up
        elif not low:
            carried = ""
        ups.append(up or carried)
        lows.append(low)
    found: dict[str, tuple[int, str]] = {}
    taken: set[int] = set()
    for c, low in enumerate(lows):
        key = vocabulary.match(low).key if low else None
        if key is not None and key not in found:
            found[key] = (c, low)
            taken.add(c)
    for c in range(width):
        if c in taken:
            continue
        text = f"{ups[c]} {lows[c]}".strip()
        key = vocabulary.match(text).key if text else None
        if key is not None and key not in found:
            found[key] = (c, text)
    return found


@functools.cache
def _column_number() -> re.Pattern[str]:
    return re.compile(r"^\(?(\d{1,2}|[A-Za-z])\)?\.?$")


def _is_column_numbering(row: list[Any]) -> bool:
    """The row of column numbers under a header: "(1) (2) (3)", "1 2 3", "A B C"."""
    cells = [raw for raw in row if not is_blank(raw)]
    numbers: list[float] = []
    for raw in cells:
        if isinstance(raw, str):
            match = _column_number().match(raw.strip())
            if not match:
                return False
            if match.group(1).isdigit():
                numbers.append(int(match.group(1)))
        elif isinstance(raw, (int, float)) and not isinstance(raw, bool) and float(raw).is_integer():
            numbers.append(float(raw))
        else:
            return False
    return len(cells) >= 2 and all(b == a + 1 for a, b in zip(numbers, numbers[1:], strict=False))


@functools.cache
def _total() -> re.Pattern[str]:
    totals = "|".join(re.escape(fold(label)) for label in TOTAL_LABELS)
    return re.compile(rf"^(?:{totals})(?: (?:nam|quy|thang|ky|dau|cuoi|\d+|[ivx]+))*$")


def _is_total(row: list[Any]) -> bool:
    """A total row ("Cộng", "Tổng cộng năm 2016"): its first text names a total."""
    for raw in row:
        if isinstance(raw, str) and raw.strip():
            return bool(_total().match(fold(strip_numbering(without_remarks(raw)))))
    return False


def _check_references(ledger: Ledger, names: dict[str, str],
                      left_out: dict[str, list[tuple[int, dict[str, Any]]]]) -> None:
    """Names and tax codes that point nowhere. A cell or an enterprise whose own row was left
    out is not "unknown" (its row is reported); the movements of a cell left out are not
    counted either, which is said once for the cell."""
    sheet_names = {s.key: names.get(s.key, s.name) for s in SHEETS}
    known_cells = {fold(r.values["name"]) for r in ledger.sheet("cells") if r.get("name")}
    cells_left_out = {fold(v["name"]): (row, v["name"]) for row, v in left_out.get("cells", ())
                      if v.get("name") and fold(v["name"]) not in known_cells}
    known_tax = set(ledger.enterprises)
    known_tax |= {v["tax_code"] for _, v in left_out.get("enterprises", ()) if v.get("tax_code")}
    uncounted: dict[str, list[Row]] = {}
    for row in ledger.sheet("movements"):
        name = fold(row.get("cell") or "")
        if not name or name in known_cells:
            continue
        if name in cells_left_out:
            uncounted.setdefault(name, []).append(row)
            continue
        ledger.problems.append(problem(
            "ledger-unknown-cell", file=ledger.relpath, sheet=sheet_names["movements"],
            cell=row.cells.get("cell", ""), field="movements.cell", value=row.values["cell"]))
    for name, rows in uncounted.items():
        sheet_row, shown = cells_left_out[name]
        ledger.problems.append(problem(
            "ledger-cell-left-out", file=ledger.relpath, sheet=sheet_names["movements"],
            cell=rows[0].cells.get("cell", ""), field="movements.cell", value=shown,
            sheet_name=sheet_names["cells"], row=sheet_row, count=len(rows)))
    for key in ("cells", "movements", "activities"):
        for row in ledger.sheet(key):
            tax = row.get("tax_code")
            if tax and known_tax and tax not in known_tax:
                ledger.problems.append(problem(
                    "ledger-unknown-tax-code", file=ledger.relpath, sheet=sheet_names[key],
                    cell=row.cells.get("tax_code", ""), field=f"{key}.tax_code", value=tax))


# -- cells at a date (members and counts: `membership`) -------------------------------------------

def cells_at(ledger: Ledger, day: dt.date) -> list[Row]:
    """Party cells existing on `day` (the rule of `membership.CellHistory.exists`)."""
    return [r for r in ledger.sheet("cells")
            if r.get("founded_on") and r.values["founded_on"] <= day
            and not (r.get("dissolved_on") and r.values["dissolved_on"] <= day)]
