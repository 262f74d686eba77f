"""Stage 3: find Mẫu số 01/DN-KCN in a workbook and read its values.

Nothing relies on fixed cell addresses: the indicator table is found by its header row
("Mã số", "Chỉ tiêu", "Số liệu"), its rows by code first and label second; identity lines
("Label: value") anywhere outside the table, with the value after the colon or in the next
non-empty cell to the right.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kcn_reports.formdef import (
    FORM_VERSION,
    IDENTITY,
    INDICATORS,
    INDICATORS_BY_CODE,
    INSTRUCTIONS_SHEET,
    TABLE_COLUMNS,
    VERSION_MARKER,
    VERSION_SHEET,
    Field,
    Zone,
)
from kcn_reports.ledgerdef import SHEETS as LEDGER_DEFINITION
from kcn_reports.problems import Problem, problem
from kcn_reports.textnorm import fold
from kcn_reports.values import ParseError, is_blank, parse_kind

if TYPE_CHECKING:
    from kcn_reports.workbook import Sheet, Workbook

FORM = "form"
LEDGER = "ledger"  # the office's Sổ theo dõi
OTHER = "other"

LEDGER_SHEETS = {fold(sheet.name) for sheet in LEDGER_DEFINITION}
CELL_ERRORS = {"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#GETTING_DATA"}

_COLUMN_KEYS = {fold(alias): column for column, aliases in TABLE_COLUMNS.items() for alias in aliases}
_IDENTITY_LABELS = {fold(label): f for f in IDENTITY for label in f.labels}
_INDICATOR_LABELS = {fold(label): f for f in INDICATORS for label in f.labels}
_PLACEHOLDER = re.compile(r"^[\s.…_\-–]*$")
_TRONG_DO = re.compile(r"^(trong do|trd|td)\s+")


@dataclass
class FormReturn:
    """What one enterprise return says, with where each value came from."""

    relpath: str
    sheet: str = ""
    values: dict[str, Any] = field(default_factory=dict)
    cells: dict[str, str] = field(default_factory=dict)  # field key -> A1 address
    problems: list[Problem] = field(default_factory=list)
    form_version: str | None = None


def classify(book: Workbook) -> str:
    """Enterprise form, Sổ theo dõi or other — by content, never by file name."""
    names = {fold(name) for name in book.sheet_names}
    if len(names & LEDGER_SHEETS) >= 3:
        return LEDGER
    if any(_find_header(sheet) for sheet in _form_candidates(book)):
        return FORM
    return OTHER


def read_form(book: Workbook, zones: tuple[Zone, ...]) -> FormReturn:
    """Read the first sheet holding the indicator table; every problem recorded, none raised."""
    result = FormReturn(relpath=book.relpath)
    result.form_version = _form_version(book)
    if result.form_version and result.form_version != FORM_VERSION:
        result.problems.append(problem("form-version-unknown", file=book.relpath,
                                       version=result.form_version, current=FORM_VERSION))
    for sheet in _form_candidates(book):
        header = _find_header(sheet)
        if header is None:
            continue
        result.sheet = sheet.name
        for encoding, sample in sheet.legacy.items():
            name = {"tcvn3": "TCVN3 (.VnTime)", "vni": "VNI"}.get(encoding, encoding)
            result.problems.append(problem("legacy-font", file=book.relpath, sheet=sheet.name,
                                           encoding=name, sample=sample[:40]))
        _FormReader(book, sheet, header, zones, result).read()
        return result
    result.problems.append(problem("not-a-report", file=book.relpath))
    return result


# Sheets of the blank form that never hold the return: the instructions (whose table has "Mã số"
# and "Chỉ tiêu" columns too) and the hidden version sheet.
_NOT_THE_RETURN = {fold(INSTRUCTIONS_SHEET), fold(VERSION_SHEET)}


def _form_candidates(book: Workbook) -> Iterator[Sheet]:
    """The sheets that may hold the return, visible ones first (a hidden sheet is more likely
    an old copy than the return), each loaded only when reached."""
    for name, _visible in sorted(book.worksheets, key=lambda item: not item[1]):
        if fold(name) not in _NOT_THE_RETURN:
            sheet = book.sheet(name)
            if sheet is not None:
                yield sheet


@dataclass(frozen=True)
class _Header:
    row: int
    columns: dict[str, int]  # "code" / "label" / "value" / "unit" / ... -> column index


def _find_header(sheet: Sheet) -> _Header | None:
    """The indicator table's header row (memoised on the sheet)."""
    if "header" not in sheet.memo:
        sheet.memo["header"] = _scan_header(sheet)
    return sheet.memo["header"]


def _scan_header(sheet: Sheet) -> _Header | None:
    for r, row in enumerate(sheet.rows[:400]):
        columns: dict[str, int] = {}
        for c, raw in enumerate(row):
            if isinstance(raw, str) and raw:
                column = _COLUMN_KEYS.get(fold(raw))
                if column and column not in columns:
                    columns[column] = c
        if "code" in columns and "label" in columns:
            if "value" not in columns:
                after = max(columns.get("unit", -1), columns["code"])
                columns["value"] = after + 1
            return _Header(r, columns)
    return None


def _form_version(book: Workbook) -> str | None:
    """The version the blank form wrote into the document properties or its hidden sheet."""
    if VERSION_MARKER in book.properties:
        return book.properties[VERSION_MARKER].strip() or None
    if VERSION_SHEET not in book.sheet_names:
        return None
    sheet = book.sheet(VERSION_SHEET)
    for row in sheet.rows[:3] if sheet else []:
        if row and row[0] == VERSION_MARKER and len(row) > 1:
            return str(row[1]).strip() or None
    return None


class _FormReader:
    def __init__(self, book: Workbook, sheet: Sheet, header: _Header, zones: tuple[Zone, ...],
                 result: FormReturn) -> None:
        self.book = book
        self.sheet = sheet
        self.header = header
        self.zones = zones
        self.result = result

    def read(self) -> None:
        raw_identity = self._identity_cells()
        raw_indicators = self._indicator_cells()
        for spec in IDENTITY:
            self._take(spec, raw_identity.get(spec.key))
        for spec in INDICATORS:
            self._take(spec, raw_indicators.get(spec.key))

    def _add(self, code: str, spec: Field | None = None, cell: str = "", value: Any = "",
             **params: Any) -> None:
        label = spec.label if spec else ""
        self.result.problems.append(problem(
            code, file=self.book.relpath, sheet=self.sheet.name, cell=cell,
            field=spec.key if spec else "", value=value, label=label, **params))

    # -- locating -------------------------------------------------------------------------
    def _identity_cells(self) -> dict[str, tuple[Any, str]]:
        found: dict[str, tuple[Any, str]] = {}
        table_rows = self._table_rows()
        for r, row in enumerate(self.sheet.rows):
            if r in table_rows:
                continue  # indicator rows hold no identity line
            for c, raw in enumerate(row):
                if not isinstance(raw, str) or not raw:
                    continue
                spec, label, sep, rest = _identity_label(raw)
                if spec is None or spec.key in found:
                    continue
                rest = "" if _PLACEHOLDER.match(rest) else rest.strip()
                if rest:
                    found[spec.key] = (rest, self.sheet.address(r, c))
                    continue
                if label.isupper():
                    continue  # a heading ("NGƯỜI LẬP BIỂU", "TÊN DOANH NGHIỆP: ……"), not a line
                value: tuple[Any, str] = ("", self.sheet.address(r, c + 1))
                for c2 in range(c + 1, len(row)):
                    if not is_blank(row[c2]):
                        if not (isinstance(row[c2], str) and _PLACEHOLDER.match(row[c2])):
                            value = (row[c2], self.sheet.address(r, c2))
                        break
                found[spec.key] = value
        return found

    def _table_rows(self) -> set[int]:
        code_col = self.header.columns["code"]
        rows = {self.header.row}
        for r in range(self.header.row + 1, len(self.sheet.rows)):
            row = self.sheet.rows[r]
            if code_col < len(row) and _code_of(row[code_col]):
                rows.add(r)
        return rows

    def _indicator_cells(self) -> dict[str, tuple[Any, str]]:
        cols = self.header.columns
        found: dict[str, tuple[Any, str]] = {}
        code_col, label_col, value_col = cols["code"], cols["label"], cols["value"]
        for r in range(self.header.row + 1, len(self.sheet.rows)):
            row = self.sheet.rows[r]
            width = len(row)
            code = _code_of(row[code_col]) if code_col < width else None
            label_raw = row[label_col] if label_col < width else ""
            label_text = label_raw if isinstance(label_raw, str) else ""
            value = row[value_col] if value_col < width else ""
            by_label = _match_label(label_text) if label_text else None
            spec = INDICATORS_BY_CODE.get(code) if code else None
            if spec is None:
                spec = by_label
            elif by_label is not None and by_label is not spec and _exact_label(label_text):
                self._add("code-label-mismatch", spec, self.sheet.address(r, cols["code"]),
                          label_text, row_code=code, other=by_label.label)
            if spec is None:
                continue
            address = self.sheet.address(r, cols["value"])
            if spec.key in found:
                self._add("duplicate-row", spec, address, value, first=found[spec.key][1])
                continue
            found[spec.key] = (value, address)
        return found

    # -- reading --------------------------------------------------------------------------
    def _take(self, spec: Field, located: tuple[Any, str] | None) -> None:
        if located is None:
            self.result.values[spec.key] = None
            if spec.required:
                code = "field-not-found" if spec.code else "required-missing"
                self._add(code, spec)
            return
        raw, address = located
        self.result.cells[spec.key] = address
        if isinstance(raw, str) and raw.strip() in CELL_ERRORS:
            self.result.values[spec.key] = None
            self._add("cell-error", spec, address, raw.strip())
            return
        if is_blank(raw):
            self.result.values[spec.key] = None
            if self.book.formula_without_value(self.sheet.name, address):
                self._add("formula-no-value", spec, address)
            elif spec.required:
                self._add("required-missing", spec, address)
            return
        try:
            parsed = parse_kind(spec.kind, raw, self.zones)
        except ParseError as exc:
            self.result.values[spec.key] = None
            self._add(exc.code, spec, address, _shown(raw), **exc.params)
            return
        value = parsed.value
        for code, params in parsed.warnings:
            self._add(code, spec, address, _shown(raw), **params)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
            self._add("negative", spec, address, _shown(raw))
            value = None
        self.result.values[spec.key] = value


@functools.lru_cache(maxsize=16384)
def _identity_label(raw: str) -> tuple[Field | None, str, str, str]:
    """(identity field, label, ":" or "", rest) of a cell's text; cached: labels recur."""
    label, sep, rest = raw.partition(":")
    return _IDENTITY_LABELS.get(fold(label)), label, sep, rest


def _shown(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw)


@functools.lru_cache(maxsize=4096, typed=True)
def _code_of(raw: Any) -> str | None:
    """Normalise a "Mã số" cell: 1, 1.0, "1", "01", "01." -> "01"; None if not a code."""
    if isinstance(raw, bool) or is_blank(raw):
        return None
    if isinstance(raw, float):
        if not raw.is_integer():
            return None
        raw = int(raw)
    text = str(raw).strip().rstrip(".")
    if not text.isdigit() or len(text) > 3:
        return None
    code = text.zfill(2)
    return code if code in INDICATORS_BY_CODE else None


@functools.lru_cache(maxsize=4096)
def _exact_label(text: str) -> Field | None:
    key = _TRONG_DO.sub("", fold(text))
    return _INDICATOR_LABELS.get(fold(text)) or _INDICATOR_LABELS.get(key)


@functools.lru_cache(maxsize=4096)
def _match_label(text: str) -> Field | None:
    """Label to indicator: exact (folded) first, then the longest known label whose words all
    appear in the typed one ("Kim ngạch xuất khẩu (nghìn USD)"), if no other indicator ties.
    Cached: the printed labels recur in every return."""
    exact = _exact_label(text)
    if exact:
        return exact
    words = set(_TRONG_DO.sub("", fold(text)).split())
    best: list[tuple[int, Field]] = []
    for known, spec in _INDICATOR_LABELS.items():
        known_words = set(_TRONG_DO.sub("", known).split())
        if len(known_words) >= 2 and known_words <= words:
            best.append((len(known_words), spec))
    if not best:
        return None
    top = max(n for n, _ in best)
    winners = {spec.key: spec for n, spec in best if n == top}
    return next(iter(winners.values())) if len(winners) == 1 else None
