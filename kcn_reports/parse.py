"""Stage 3: find Mẫu số 01/DN-KCN in a workbook and read its values.

Returns are typed, retyped, translated and "improved" by enterprises' accountants, so nothing
here relies on our blank form's layout, fixed cell addresses or exact wording:

1. **The indicator table** is found by a header row naming its columns — retyped, abbreviated,
   bilingual, on two lines or two levels ("Số liệu" over "Năm 2015 | Năm 2016") — or, when the
   headers were deleted, by the column where the indicators' labels stand. A sheet holds a
   return when at least three indicators are recognised in its table.
2. **Its rows** by code first (5, "05.", "MS05", "Mã số 05") and by label second (numbering,
   bullets, remarks in brackets and a second language ignored). A row with a code always wins
   over a row matched by label; section headings, inserted sub-rows ("Trong đó: …") and notes
   never take a field's place.
3. **The identity lines** ("Label: value"; the value after the colon, in the next non-empty
   cell to the right or on the line below; or a two-column label | value table), anywhere on the
   table's sheet outside the table, then on the workbook's other visible sheets.
4. **The value column**: the only one, or — with several (previous year, plan, this period) —
   the one of the return's own period. When that cannot be told the return is rejected with a
   problem naming the columns, never read from a silently picked one.

A required field that cannot be found is reported with what the reader saw nearest to it
("dòng 12 có «1) Tên DN của đơn vị:» …"), so the office can tell the enterprise what to fix.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from kcn_reports.formdef import (
    ABBREVIATIONS,
    FIELDS_BY_KEY,
    FORM_VERSION,
    IDENTITY,
    INDICATORS,
    INDICATORS_BY_CODE,
    INSTRUCTIONS_SHEET,
    TABLE_COLUMNS,
    VALUE_COLUMN_CURRENT,
    VALUE_COLUMN_OTHER,
    VERSION_MARKER,
    VERSION_SHEET,
    Field,
    Kind,
    Period,
    Zone,
)
from kcn_reports.outcome import FORM, LEDGER, OTHER, FormReturn
from kcn_reports.problems import Problem, problem
from kcn_reports.textnorm import fold, nfc
from kcn_reports.values import (
    ParseError,
    is_blank,
    parse_kind,
    parse_number,
    parse_period,
    text_after_number,
    unit_factor,
)

if TYPE_CHECKING:
    from kcn_reports.workbook import Sheet, Workbook


CELL_ERRORS = {"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#GETTING_DATA"}

MIN_INDICATORS = 3  # recognised indicator rows that make a table a return's
HEADER_SCAN_ROWS = 10_000  # a return under a long staff list on the same sheet
HEADER_BAND = 3  # rows a header may span (two levels, a Vietnamese line over an English one)


def classify(book: Workbook) -> str:
    """Enterprise form, Sổ theo dõi or other — by content, never by file name."""
    from kcn_reports.ledger import ledger_sheets

    sheets = ledger_sheets(book.sheet_names)
    # Three of its sheets, by name or the office's wording, one of them the party's own (a
    # return may well have a "Chỉ tiêu" or "Doanh nghiệp" sheet).
    if len(sheets) >= 3 and sheets.keys() & {"cells", "movements"}:
        return LEDGER
    if _best_table(book) is not None:
        return FORM
    return OTHER


def read_form(book: Workbook, zones: tuple[Zone, ...]) -> FormReturn:
    """Read the first sheet holding the indicator table; every problem recorded, none raised."""
    result = FormReturn(relpath=book.relpath)
    result.form_version = _form_version(book)
    if result.form_version and result.form_version != FORM_VERSION:
        result.problems.append(problem("form-version-unknown", file=book.relpath,
                                       version=result.form_version, current=FORM_VERSION))
    best = _best_table(book)
    if best is None:
        result.problems.append(problem("not-a-report", file=book.relpath))
        return result
    others = [found for found in book.memo.get("tables", ()) if found[0] is not best[0]]
    if others:
        best, notes = _one_return_of_several(book, best, others, zones)
        result.problems.extend(notes)
    sheet, table = best
    result.sheet = sheet.name
    for encoding, sample in sheet.legacy.items():
        name = {"tcvn3": "TCVN3 (.VnTime)", "vni": "VNI"}.get(encoding, encoding)
        result.problems.append(problem("legacy-font", file=book.relpath, sheet=sheet.name,
                                       encoding=name, sample=sample[:40]))
    _FormReader(book, sheet, table, zones, result).read()
    return result


def _one_return_of_several(book: Workbook, best: tuple[Sheet, _Table],
                           others: list[tuple[Sheet, _Table]], zones: tuple[Zone, ...]
                           ) -> tuple[tuple[Sheet, _Table], list[Problem]]:
    """A workbook whose visible sheets hold several returns: of one enterprise's returns the
    latest period's is read ("Năm 2015" and "Năm 2016" sheets), and each sheet left unread is
    said, another enterprise's as such (one return is read per file)."""
    readings = []
    for sheet, table in [best, *others]:
        scratch = FormReturn(relpath=book.relpath)
        _FormReader(book, sheet, table, zones, scratch).read()
        readings.append(((sheet, table), scratch.values))
    tax = readings[0][1].get("tax_code")

    def latest(values: dict[str, Any]) -> str:
        period = values.get("period")
        return period.snapshot if isinstance(period, Period) else ""

    same = [r for r in readings if r[1].get("tax_code") in (tax, None)]
    chosen = max(same, key=lambda r: latest(r[1]))  # the first of equals: `best` on a tie
    notes = []
    read_period = chosen[1].get("period")
    for (sheet, _table), values in readings:
        if sheet is chosen[0][0] or all(values.get(spec.key) is None for spec in INDICATORS):
            continue  # an untouched blank copy beside the return says nothing
        period = values.get("period")
        if values.get("tax_code") in (tax, None) and period == read_period:
            continue  # a copy of the same return (the fuller one was chosen)
        params = {"other": sheet.name, "read": chosen[0][0].name,
                  "other_period": period.label if isinstance(period, Period) else "không rõ kỳ"}
        if values.get("tax_code") in (tax, None):
            notes.append(problem("other-period-sheet", file=book.relpath, sheet=sheet.name,
                                 **params))
        else:
            notes.append(problem("several-enterprises", file=book.relpath, sheet=sheet.name,
                                 other_name=values.get("name") or "không rõ tên",
                                 other_tax=values["tax_code"], **params))
    return chosen[0], notes


def _best_table(book: Workbook) -> tuple[Sheet, _Table] | None:
    """The sheet whose table is most the return: a visible one before a hidden old copy, then
    the one naming more indicators, then the one with more values typed in (a filled copy
    beside the untouched blank form). Memoised on the workbook."""
    if "best" in book.memo:
        return book.memo["best"]
    found: list[tuple[Sheet, _Table]] = []
    for sheet in _form_candidates(book):
        if found and not sheet.visible:
            break  # a visible sheet holds a return: hidden ones are old copies
        table = _find_table(sheet)
        if table is not None:
            found.append((sheet, table))
    best = max(found, key=lambda item: (item[0].visible, len(item[1].fields),
                                        item[1].filled(item[0]))) if len(found) > 1 else None
    book.memo["best"] = best or (found[0] if found else None)
    book.memo["tables"] = [item for item in found if item[0].visible]
    return book.memo["best"]


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


# -- text of labels ----------------------------------------------------------------------------

# Numbering and bullets before a label: "1.", "1)", "(1)", "a)", "I.", "I.1", "1.2.", "-", "•", "*".
_ENUMERATOR = re.compile(
    r"^\s*(?:"
    r"(?:[IVXLC]+|\d+)(?:\s*[.)]\s*\d+)*\s*(?:[.)/:]|(?=\s))"  # 1.  1)  I.  I.1  1.2)  2/  "1 "
    r"|[a-zđA-ZĐ]\s*[.)]"  # a)  b.
    r"|\(\s*(?:\d+|[a-zđ]|[IVXLC]+)\s*\)"  # (1) (a) (IV)
    r"|[-–—•*+·○●▪■►◦✓→]+"  # bullets
    r")\s*")
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# A second language or a variant after a separator: "Tên doanh nghiệp - Enterprise name".
_SEPARATORS = re.compile(r"\s+[-–—|/]\s+|\s*[|/\n]\s*|\s+[-–—]\s*|\s*[-–—]\s+")
_TRONG_DO = re.compile(r"^(trong do|trd|td|of which|including)\s+")
_ROMAN_HEADING = re.compile(r"^\s*[IVXLC]+\s*[.)]\s*\S")
_NOTE_START = re.compile(r"^\s*(\(\*+\)|\*+\s|ghi chú|lưu ý|chú ý|chú thích|note\b|notes\b)",
                         re.IGNORECASE)
_COLON = re.compile(r"[:：]")
_PLACEHOLDER = re.compile(r"^[\s.…_\-–·]*$")
# A value cell left as printed: dots, a date's slashes ("…/…/……", "  /  /    "); a lone "-"
# is not one (it means zero).
_UNFILLED = re.compile(r"^(?=.*[.…_/])[\s.…_/·\-–]*$")
# Text beside or under a label that is never its value: the letterhead, the signature block.
_BOILERPLATE = tuple(fold(t) for t in (
    "Cộng hòa xã hội chủ nghĩa Việt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam",
    "Độc lập - Tự do - Hạnh phúc", "Giám đốc", "Tổng giám đốc", "Phó giám đốc", "Thủ trưởng",
    "Kế toán trưởng", "Chủ doanh nghiệp", "Người đại diện", "Ký, ghi rõ họ tên", "Ký tên",
    "Ký, đóng dấu", "Ký và đóng dấu", "Ký, ghi rõ", "Xác nhận"))


def _boilerplate(text: str) -> bool:
    return fold(text).startswith(_BOILERPLATE)


def _strip_enumerator(text: str) -> str:
    """The label without its numbering or bullets ("1. a) Tên…" -> "Tên…")."""
    for _ in range(3):
        stripped = _ENUMERATOR.sub("", text, count=1)
        if stripped == text or not stripped.strip():
            break
        text = stripped
    return text


def _split_colon(text: str) -> tuple[str, str, bool]:
    """(label, rest, had a colon): the first colon outside brackets splits a line."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and _COLON.match(ch):
            return text[:i], text[i + 1:], True
    return text, "", False


@functools.lru_cache(maxsize=32768)
def _variants(label: str) -> tuple[str, ...]:
    """Folded forms a typed label may match a known one by: the whole text without numbering or
    remarks in brackets, then each part around a separator (a second language, a variant)."""
    text = nfc(label)
    found: list[str] = []

    def add(part: str) -> None:
        part = _strip_enumerator(part)
        for candidate in (_BRACKETS.sub(" ", part), part):
            key = _expand(fold(candidate))
            if key and key not in found:
                found.append(key)

    add(text)
    for part in _SEPARATORS.split(_BRACKETS.sub(" ", text)):
        if part.strip():
            add(part)
    return tuple(found)


def _expand(key: str) -> str:
    """A folded label with its abbreviations spelt out ("so dv" -> "so dang vien")."""
    words = key.split()
    if not any(word in ABBREVIATIONS for word in words):
        return key
    return " ".join(ABBREVIATIONS.get(word, word) for word in words)


def _label_keys(labels: tuple[str, ...]) -> set[str]:
    return ({_expand(fold(_BRACKETS.sub(" ", nfc(label)))) for label in labels}
            | {_expand(fold(label)) for label in labels})


_IDENTITY_LABELS: dict[str, Field] = {}
for _spec in IDENTITY:
    for _key in _label_keys(_spec.labels):
        _IDENTITY_LABELS.setdefault(_key, _spec)
_INDICATOR_LABELS: dict[str, Field] = {}
for _spec in INDICATORS:
    for _key in _label_keys(_spec.labels):
        _INDICATOR_LABELS.setdefault(_key, _spec)
        _INDICATOR_LABELS.setdefault(_TRONG_DO.sub("", _key), _spec)
# Fields whose own label is a sub-row ("Trong đó: Lao động nữ"): the only ones a typed sub-row
# may be matched to by its words.
_SUB_ROW_FIELDS = {spec.key for spec in INDICATORS if _TRONG_DO.match(fold(spec.label))}
_INDICATOR_WORDS = tuple((frozenset(_TRONG_DO.sub("", known).split()), spec)
                         for known, spec in _INDICATOR_LABELS.items())


@dataclass(frozen=True)
class _IdentityLabel:
    spec: Field
    rest: str  # what follows the colon
    colon: bool
    upper: bool  # typed in capitals: a heading ("NGƯỜI LẬP BIỂU") unless a value follows


@functools.lru_cache(maxsize=32768)
def _identity_label(raw: str) -> _IdentityLabel | None:
    """The identity field a cell's text labels, if any; cached: labels recur in every return."""
    label, rest, colon = _split_colon(raw)
    if len(label) > 120:
        return None
    keys = _variants(label)
    spec = next((_IDENTITY_LABELS[k] for k in keys if k in _IDENTITY_LABELS), None)
    if spec is None and colon:
        # "Tên doanh nghiệp ghi theo giấy phép:" — a known label followed by a remark.
        spec = _longest_prefix(keys[0] if keys else "")
    if spec is None:
        return None
    letters = [ch for ch in label if ch.isalpha()]
    upper = bool(letters) and all(ch.isupper() for ch in letters)
    return _IdentityLabel(spec, rest, colon, upper)


# Several "Label: value" items typed in one cell: on lines of their own (Alt+Enter), after ";",
# a tab or a run of spaces, or after ", " / " - " when what follows is itself a label.
_STRONG_BREAKS = re.compile(r"\n|;|\t|\s{2,}")
_WEAK_BREAKS = re.compile(r",\s|\s[-–]\s")


@functools.lru_cache(maxsize=16384)
def _lines_of(raw: str) -> tuple[_IdentityLabel, ...]:
    """The items of a cell that holds several (two fields at least), else ()."""
    if not (_STRONG_BREAKS.search(raw) or _WEAK_BREAKS.search(raw)):
        return ()
    lines: list[_IdentityLabel] = []
    for segment in _STRONG_BREAKS.split(raw):
        if segment.strip():
            lines.extend(_items(segment.strip()))
    return tuple(lines) if len({line.spec.key for line in lines}) >= 2 else ()


def _items(segment: str) -> list[_IdentityLabel]:
    label = _identity_label(segment)
    if label is None or not label.colon:
        return []
    rest = label.rest
    for match in _WEAK_BREAKS.finditer(rest):
        tail = rest[match.end():]
        inner = _identity_label(tail)
        if inner is not None and inner.colon:
            return [dataclasses.replace(label, rest=rest[:match.start()]), *_items(tail)]
    return [label]


def _longest_prefix(key: str) -> Field | None:
    best: tuple[int, Field] | None = None
    for known, spec in _IDENTITY_LABELS.items():
        if len(known) >= 5 and key.startswith(known + " ") and (best is None or len(known) > best[0]):
            best = (len(known), spec)
    return best[1] if best else None


@functools.lru_cache(maxsize=16384)
def _indicator_label(text: str) -> tuple[Field, bool] | None:
    """(indicator, exact) a row's label names: exactly (folded, without numbering or remarks),
    else by the words of the longest known label, if those make up most of the typed words and
    no other indicator ties. A sub-row ("Trong đó: …", "- …") matches by words only a field that
    is itself a sub-row, so "Trong đó: lao động trực tiếp" is no "Tổng số lao động"."""
    if _NOTE_START.match(text) or len(text) > 200:
        return None
    spec = _exact_indicator(text)
    if spec is not None:
        return spec, True
    keys = _variants(text)
    head = fold(text)
    sub_row = bool(_TRONG_DO.match(head)) or text.lstrip()[:1] in "-–—+•*"
    best: list[tuple[float, Field]] = []
    for key in keys:
        words = _TRONG_DO.sub("", key).split()
        if not words:
            continue
        typed = set(words)
        for known_words, spec in _INDICATOR_WORDS:
            if len(known_words) < 2 or (sub_row and spec.key not in _SUB_ROW_FIELDS):
                continue
            shared = len(known_words & typed)
            # All of a known label's words among a few more ("Kim ngạch xuất khẩu hàng hóa"),
            # or nearly all of a long one's and nearly nothing else (a word left out).
            if ((shared == len(known_words) and shared * 2 >= len(typed))
                    or (len(known_words) >= 5 and shared * 5 >= 4 * len(known_words)
                        and shared * 5 >= 4 * len(typed))):
                best.append((shared / len(known_words | typed), spec))
        if best:
            break
    if not best:
        return None
    top = max(n for n, _ in best)
    winners = {spec.key: spec for n, spec in best if n == top}
    return (next(iter(winners.values())), False) if len(winners) == 1 else None


@functools.lru_cache(maxsize=32768)
def _exact_indicator(text: str) -> Field | None:
    """The indicator a label names exactly (folded, without numbering or remarks)."""
    if _NOTE_START.match(text) or len(text) > 200:
        return None
    for key in _variants(text):
        spec = _INDICATOR_LABELS.get(key) or _INDICATOR_LABELS.get(_TRONG_DO.sub("", key))
        if spec is not None:
            return spec
    return None


# -- codes -------------------------------------------------------------------------------------

_CODE_TEXT = re.compile(r"^(?:m[aã]\s*s[oố]|ms|m[aã]|code|no\.?)?\s*[:.#-]?\s*0*(\d{1,3})\s*[.)]?$",
                        re.IGNORECASE)


@functools.lru_cache(maxsize=4096, typed=True)
def _code_of(raw: Any) -> str | None:
    """Normalise a "Mã số" cell: 5, 5.0, "5", "05", "05.", "MS05", "Mã số 05" -> "05"; None if
    not one of the form's codes."""
    if isinstance(raw, bool) or is_blank(raw):
        return None
    if isinstance(raw, float):
        if not raw.is_integer():
            return None
        raw = int(raw)
    if isinstance(raw, int):
        code = str(raw).zfill(2)
        return code if code in INDICATORS_BY_CODE else None
    match = _CODE_TEXT.match(nfc(str(raw)).strip())
    if not match:
        return None
    code = match.group(1).zfill(2)
    return code if code in INDICATORS_BY_CODE else None


# -- the indicator table ------------------------------------------------------------------------

def _phrases(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f" {fold(w) if w != '%' else '%'} " for w in words)


_CURRENT_WORDS = _phrases(VALUE_COLUMN_CURRENT)
_OTHER_WORDS = _phrases(VALUE_COLUMN_OTHER)
_COLUMN_KEYS = {_expand(fold(alias)): column for column, aliases in TABLE_COLUMNS.items()
                for alias in aliases}
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_NOT_APPLICABLE = frozenset({"x", "n/a", "na", "không áp dụng", "khong ap dung"})
_UNIT_LINE = re.compile(r"^(don vi tinh|don vi|dvt)\s*:?\s*\S")
_COLUMN_NUMBER = re.compile(r"^\(?\s*[0-9a-zA-Z]{1,2}\s*\)?(\s*[=+\-*/x]\s*\(?[0-9a-zA-Z]{1,2}\)?)*$")


@functools.lru_cache(maxsize=8192)
def _column_role(raw: str) -> str | None:
    """The role a header cell names ("stt", "label", "code", "unit", "value", "note"), from any
    of its lines or languages; "value" also for a period ("Năm 2016") or a plan/previous-year
    column ("Kế hoạch"), which `_value_kind` tells apart later."""
    keys = _variants(raw)
    for key in keys:
        role = _COLUMN_KEYS.get(key)
        if role:
            return role
    for key in keys:
        padded = f" {key} "
        if key.startswith("ma so") or key in ("ma chi tieu",):
            return "code"
        if "chi tieu" in padded and not any(w in padded for w in _OTHER_WORDS):
            return "label"
        if key.startswith("don vi"):
            return "unit"
        if key.startswith("ghi chu"):
            return "note"
    if _value_kind(raw) != "unknown":
        return "value"
    return None


@functools.lru_cache(maxsize=8192)
def _value_kind(header: str) -> str:
    """What a value column's header says of it: "other" (plan, previous period, comparison),
    "period" (names a period: compared with the return's own later), "current" ("Số liệu",
    "Thực hiện", "Kỳ này"), or "unknown"."""
    key = f" {fold(header)} "
    if any(word in key for word in _OTHER_WORDS):
        return "other"
    if _YEAR.search(key):
        return "period"
    if any(word in key for word in _CURRENT_WORDS):
        return "current"
    return "unknown"


def _period_match(header: str, period: Period | None) -> int | None:
    """How well a header naming a period fits the return's own: 0 exactly, 1 the same year
    without the same part of it, None another year (or the return's period unknown)."""
    if period is None:
        return None
    years = {int(y) for y in _YEAR.findall(fold(header))}
    if years != {period.year}:
        return None
    try:
        named = parse_period(_BRACKETS.sub(" ", header)).value
    except ParseError:
        named = None
    return 0 if named == period else 1  # 1: "2016", "Năm 2016" on a first-half return


class _Candidate(NamedTuple):  # a named tuple: one per table row, cheaper than a dataclass
    """A row of the table that names an indicator."""

    row: int
    spec: Field
    by_code: bool
    exact: bool
    code: str | None
    label: str
    named: Field | None = None  # what the label says, for a row found by its code


@dataclass(frozen=True)
class _Table:
    body: int  # first row after the header
    columns: dict[str, int]  # "label", "code", "unit", "stt", "note" -> column index
    values: tuple[tuple[int, str], ...]  # value columns: (index, header text), left to right
    candidates: tuple[_Candidate, ...]
    foreign_codes: int = 0  # rows whose code is a number the form does not have

    @functools.cached_property
    def right_edge(self) -> int:
        """The last column the table uses (its named columns and its value columns)."""
        return max([*self.columns.values(), *(c for c, _ in self.values)])

    @functools.cached_property
    def fields(self) -> set[str]:
        """Indicators the table names: by each row's label where it names one, else by its
        code."""
        return {(c.named or c.spec).key for c in self.candidates}

    def is_return(self) -> bool:
        """Enough of the form's indicators, from more than one of its sections, and not a
        table of another form's codes (an income statement's 01, 02, 10, 11, 20 … 70)."""
        sections = {FIELDS_BY_KEY[key].section for key in self.fields}
        coded = sum(1 for c in self.candidates if c.by_code)
        return (len(self.fields) >= MIN_INDICATORS and len(sections) >= 2
                and self.foreign_codes <= max(2, coded // 2))

    def filled(self, sheet: Sheet) -> int:
        """Indicator rows with something typed right of the label (neither code nor unit)."""
        skip = set(self.columns.values())
        count = 0
        for cand in self.candidates:
            row = sheet.rows[cand.row]
            if any(c not in skip and not is_blank(v) and not (type(v) is str and _UNFILLED.match(v))
                   for c, v in enumerate(row[self.columns["label"] + 1:], self.columns["label"] + 1)):
                count += 1
        return count

    @functools.cached_property
    def rows(self) -> set[int]:
        return {c.row for c in self.candidates}


def _find_table(sheet: Sheet) -> _Table | None:
    """The indicator table of a sheet (memoised on the sheet), or None."""
    if "table" not in sheet.memo:
        sheet.memo["table"] = _scan_table(sheet)
    return sheet.memo["table"]


def _texts(sheet: Sheet, skip: set[int] | frozenset[int] = frozenset()
           ) -> Iterator[tuple[int, int, str]]:
    """(row, column, text) of the non-empty text cells outside the rows `skip`, in reading
    order."""
    for r, row in enumerate(sheet.rows):
        if r not in skip:
            for c, raw in enumerate(row):
                if raw.__class__ is str and raw:
                    yield r, c, raw


def _texts_right_of(sheet: Sheet, rows: set[int] | frozenset[int], edge: int
                    ) -> Iterator[tuple[int, int, str]]:
    """(row, column, text) of the non-empty text cells of `rows` right of column `edge`."""
    if edge < 0:
        return
    for r in sorted(rows):
        row = sheet.rows[r]
        for c in range(edge + 1, len(row)):
            raw = row[c]
            if raw.__class__ is str and raw:
                yield r, c, raw


def _scan_table(sheet: Sheet) -> _Table | None:
    role_of = _column_role
    for r, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        roles: dict[str, int] = {}
        for c, raw in enumerate(row):
            if raw.__class__ is str and raw and len(raw) < 120:
                role = role_of(raw)
                if role and role not in roles:
                    roles[role] = c
        if _is_header(roles):
            table = _table_from_header(sheet, r)
            if table is not None:
                return table
    return _table_without_header(sheet)


def _is_header(roles: dict[str, int]) -> bool:
    """A row naming the label column and one more ("STT | Chỉ tiêu | … | Ghi chú" with the
    value header deleted is still the header); the table under it must then prove itself."""
    return "label" in roles and len(roles) >= 2


def _header_texts(sheet: Sheet, first: int, last: int) -> list[str]:
    """Each column's header text over the header rows, a merged cell's text given to every
    column it spans."""
    width = max((len(sheet.rows[r]) for r in range(first, last + 1)), default=0)
    parts: list[list[str]] = [[] for _ in range(width)]
    spans = {(r0, c0): c1 for r0, c0, r1, c1 in sheet.merged if first <= r0 <= last and c1 > c0}
    for r in range(first, last + 1):
        row = sheet.rows[r]
        for c, raw in enumerate(row):
            if not isinstance(raw, (str, int, float)) or is_blank(raw):
                continue
            if r > first and _is_column_number(raw):
                continue  # "(1) (2) (3)" under the header names nothing
            text = nfc(str(raw)).strip()
            for col in range(c, min(spans.get((r, c), c), width - 1) + 1):
                if text not in parts[col]:
                    parts[col].append(text)
    return [" ".join(p) for p in parts]


def _is_header_continuation(sheet: Sheet, r: int, code_col: int | None, label_col: int) -> bool:
    """A row under the header that still belongs to it: sub-columns ("Năm 2015 | Năm 2016"),
    an English line, column numbers ("(1) (2) (3)"), never a row of the table itself."""
    row = sheet.rows[r]
    texts = [(c, v) for c, v in enumerate(row) if not is_blank(v)]
    if not texts:
        return False
    numbers = [v for _, v in texts if _is_column_number(v)]
    if len(numbers) == len(texts) >= 3:
        return True  # "1 2 3 4 5 6" or "A B C 1 2" printed under the header
    if code_col is not None and code_col < len(row) and _code_of(row[code_col]):
        if not isinstance(row[code_col], str) or not _COLUMN_NUMBER.match(str(row[code_col])):
            return False
    if label_col < len(row) and isinstance(row[label_col], str) and _indicator_label(row[label_col]):
        return False
    for _c, raw in texts:
        text = nfc(str(raw)).strip()
        if isinstance(raw, (int, float)) and not isinstance(raw, bool) and (
                0 < raw < 100 or 1900 <= raw <= 2100):
            continue  # column numbers, or the years of sub-columns, typed as numbers
        if not isinstance(raw, str):
            return False
        if _column_role(text) or _COLUMN_NUMBER.match(text) or _value_kind(text) != "unknown":
            continue
        if text.isascii() and len(text.split()) <= 4:
            continue  # the English line of a bilingual header
        return False
    return True


def _is_column_number(raw: Any) -> bool:
    if isinstance(raw, bool):
        return False
    if isinstance(raw, (int, float)):
        return float(raw).is_integer() and 0 < raw < 100
    return isinstance(raw, str) and bool(_COLUMN_NUMBER.match(raw.strip()))


def _table_from_header(sheet: Sheet, header: int) -> _Table | None:
    rows = sheet.rows
    first_roles = _roles_of([v if isinstance(v, str) else "" for v in rows[header]])
    last = header
    while (last + 1 < len(rows) and last - header + 1 < HEADER_BAND
           and _is_header_continuation(sheet, last + 1, first_roles.get("code"),
                                       first_roles.get("label", 0))):
        last += 1
    texts = _header_texts(sheet, header, last)
    columns: dict[str, int] = {}
    values: list[tuple[int, str]] = []
    for c, text in enumerate(texts):
        role = _column_role(text) if text else None
        if role == "value":
            values.append((c, text))
        elif role and role not in columns:
            columns[role] = c
    if "label" not in columns:
        return None
    candidates, foreign = _candidates(sheet, last + 1, columns)
    values = [(c, t) for c, t in values if c > columns["label"]] or values
    if not values:
        values = _data_columns(sheet, columns, candidates, texts)
    table = _Table(last + 1, columns, tuple(values), tuple(candidates), foreign)
    return table if table.is_return() else None


def _roles_of(texts: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for c, text in enumerate(texts):
        role = _column_role(text) if text else None
        if role and role != "value" and role not in roles:
            roles[role] = c
    return roles


def _data_columns(sheet: Sheet, columns: dict[str, int], candidates: list[_Candidate],
                  texts: list[str]) -> list[tuple[int, str]]:
    """Value columns of a table whose header names none: the columns right of the labels that
    hold something on the indicators' rows (the code, unit, number and note columns apart)."""
    taken = set(columns.values())
    counts: dict[int, int] = {}
    units: dict[int, int] = {}
    for cand in candidates:
        row = sheet.rows[cand.row]
        for c in range(columns["label"] + 1, len(row)):
            if c not in taken and not is_blank(row[c]):
                counts[c] = counts.get(c, 0) + 1
                if isinstance(row[c], str) and cand.spec.unit and fold(row[c]) == fold(cand.spec.unit):
                    units[c] = units.get(c, 0) + 1
    found = [(c, texts[c] if c < len(texts) else "") for c in sorted(counts)
             if units.get(c, 0) * 2 < counts[c]]  # a unit column typed without its header
    if not found:  # an empty form: the column after the code or unit, where the form has it
        after = max(columns.get("unit", -1), columns.get("code", -1), columns["label"]) + 1
        found = [(after, texts[after] if after < len(texts) else "")]
    return found


def _candidates(sheet: Sheet, body: int,
                columns: dict[str, int]) -> tuple[list[_Candidate], int]:
    """Rows under the header that name an indicator by code or label (headings in capitals or
    numbered I., II., and notes, never do), and how many rows carry a code the form lacks."""
    code_col, label_col = columns.get("code"), columns["label"]
    found: list[_Candidate] = []
    foreign = 0
    for r in range(body, len(sheet.rows)):
        row = sheet.rows[r]
        width = len(row)
        code = _code_of(row[code_col]) if code_col is not None and code_col < width else None
        if code is None and code_col is not None and code_col < width and _foreign_code(
                row[code_col]):
            foreign += 1
        raw_label = row[label_col] if label_col < width else ""
        label = raw_label if isinstance(raw_label, str) else ""
        if code is None and code_col is None and not label.strip():
            label = _label_elsewhere(row, columns)
        matched = _row_label(label) if label else None
        if code is not None:
            found.append(_Candidate(r, INDICATORS_BY_CODE[code], True, True, code, label,
                                    matched[0] if matched else None))
        elif matched:
            found.append(_Candidate(r, matched[0], False, matched[1], None, label))
    return found, foreign


@functools.lru_cache(maxsize=4096, typed=True)
def _foreign_code(raw: Any) -> bool:
    """A code-column number the form does not have (19 and above)."""
    if isinstance(raw, bool) or is_blank(raw):
        return False
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    match = _CODE_TEXT.match(nfc(str(raw)).strip())
    return match is not None and int(match.group(1)) > len(INDICATORS)


@functools.lru_cache(maxsize=16384)
def _row_label(text: str) -> tuple[Field, bool] | None:
    """The indicator an uncoded row's label names; never a heading's."""
    if not text.strip() or _is_heading(text):
        return None
    return _indicator_label(text)


def _label_elsewhere(row: list[Any], columns: dict[str, int]) -> str:
    """The label of a row whose label cell is empty, when it was typed one column off (a label
    header merged over two columns): the first text left of any value."""
    for c, raw in enumerate(row):
        if c != columns.get("stt") and isinstance(raw, str) and raw.strip():
            return nfc(raw).strip()
    return ""


def _is_heading(label: str) -> bool:
    letters = [ch for ch in label if ch.isalpha()]
    upper = len(letters) > 3 and all(ch.isupper() for ch in letters)
    return upper or bool(_ROMAN_HEADING.match(label))


def _table_without_header(sheet: Sheet) -> _Table | None:
    """A table whose header row was deleted or never typed: the column where most indicator
    labels stand exactly, the codes beside them if any."""
    counts: dict[int, int] = {}
    for row in sheet.rows[:HEADER_SCAN_ROWS]:
        for c, raw in enumerate(row):
            if isinstance(raw, str) and raw and not _is_heading(raw) and _exact_indicator(raw):
                counts[c] = counts.get(c, 0) + 1
    if not counts:
        return None
    label_col = max(counts, key=lambda c: (counts[c], -c))
    if counts[label_col] < 2 * MIN_INDICATORS:
        return None
    columns = {"label": label_col}
    matched_rows = [r for r, row in enumerate(sheet.rows)
                    if label_col < len(row) and isinstance(row[label_col], str)
                    and _exact_indicator(row[label_col])]
    first = matched_rows[0]
    code_hits: dict[int, int] = {}
    unit_hits: dict[int, int] = {}
    for r in matched_rows:
        row = sheet.rows[r]
        spec = _exact_indicator(row[label_col])
        for c, raw in enumerate(row):
            if c == label_col or spec is None:
                continue
            if _code_of(raw) == spec.code:
                code_hits[c] = code_hits.get(c, 0) + 1
            elif isinstance(raw, str) and spec.unit and fold(raw) == fold(spec.unit):
                unit_hits[c] = unit_hits.get(c, 0) + 1
    for role, hits in (("code", code_hits), ("unit", unit_hits)):
        if hits:
            col = max(hits, key=lambda c: hits[c])
            if hits[col] >= MIN_INDICATORS:
                columns[role] = col
    # Everything left of the labels up to the first indicator is the header's place; a row of
    # numbering right above the table ("1 2 3") is not data.
    body = first
    while body > 0:  # rows above the first exact label that still belong to the table
        above = sheet.rows[body - 1]
        raw = above[label_col] if label_col < len(above) else ""
        if not (isinstance(raw, str) and raw.strip() and (_is_heading(raw) or _row_label(raw))):
            break
        body -= 1
    candidates, foreign = _candidates(sheet, body, columns)
    texts = [""] * max((len(sheet.rows[r]) for r in matched_rows), default=0)
    table = _Table(body, columns, tuple(_data_columns(sheet, columns, candidates, texts)),
                   tuple(candidates), foreign)
    return table if table.is_return() else None


# -- reading one return ---------------------------------------------------------------------------

# A period named in a title; "6 tháng cuối năm", "9 tháng năm" are matched too, so that they are
# refused as periods of this form rather than read as the year.
_ENGLISH_NUMBER = re.compile(r"^\s*\d{1,3}(,\d{3})+\.\d+\s*$")  # 11,230.5
_VIETNAMESE_NUMBER = re.compile(r"^\s*\d{1,3}(\.\d{3})+(,\d+)?\s*$|^\s*\d+,\d{1,2}\s*$")  # 1.234,5
_TITLE_PERIOD = re.compile(r"(?:(?:\d+|sau)\s*thang\s*(?:dau|cuoi)?\s*)?nam\s*(?:19|20)\d{2}")
_DATE_LINE = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*((?:19|20)\d{2})",
                        re.IGNORECASE)


class _Located(NamedTuple):
    raw: Any
    address: str
    sheet: str
    rank: int  # lower is better: 0 a value under a normal label, 1 under a heading, 2 blank
    row: int = -1
    col: int = -1


class _FormReader:
    def __init__(self, book: Workbook, sheet: Sheet, table: _Table, zones: tuple[Zone, ...],
                 result: FormReturn) -> None:
        self.book = book
        self.sheet = sheet
        self.table = table
        self.zones = zones
        self.result = result
        self.rows_read: dict[str, int] = {}  # indicator -> the row its value was read from

    def read(self) -> None:
        identity = self._identity()
        if "period" not in identity:
            self._period_from_title(identity)
        for spec in IDENTITY:
            located = identity.get(spec.key)
            self._take(spec, (located.raw, located.address) if located else None,
                       located.sheet if located else self.sheet.name)
        period = self.result.values.get("period")
        column = self._value_column(period if isinstance(period, Period) else None)
        if column is None:
            for spec in INDICATORS:
                self.result.values[spec.key] = None
            return
        indicators = self._indicators(column)
        english = self._english_numbers(indicators)
        for spec in INDICATORS:
            self._take(spec, indicators.get(spec.key), self.sheet.name,
                       english=english and spec.kind is Kind.NUMBER)
        self._convert_units(column)

    def _convert_units(self, value_col: int) -> None:
        """A figure said to be in another unit than the form's is converted to the form's, in a
        warning that shows both: the unit typed with the value ("96,5 tỷ", "1.200.000 đ"), else
        the row's unit cell ("đồng" for "triệu đồng", "USD" for "nghìn USD"), else the table's
        "Đơn vị tính: nghìn đồng" line."""
        unit_col = self.table.columns.get("unit")
        table_unit: str | None = None
        for spec in INDICATORS:
            value, row = self.result.values.get(spec.key), self.rows_read.get(spec.key)
            if spec.kind is not Kind.NUMBER or not spec.unit or row is None:
                continue
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                continue
            cells = self.sheet.rows[row]
            raw = cells[value_col] if value_col < len(cells) else None
            typed: Any = text_after_number(raw) if isinstance(raw, str) else ""
            in_value = unit_factor(spec.unit, typed) is not None
            if not in_value:
                typed = cells[unit_col] if unit_col is not None and unit_col < len(cells) else None
                if is_blank(typed) and "/" not in spec.unit:  # a table's unit: not a rate's
                    if table_unit is None:
                        table_unit = self._table_unit()
                    typed = table_unit
            factor = unit_factor(spec.unit, typed)
            if factor is None or factor == 1:
                continue
            from kcn_reports.vnformat import number  # Babel: only on this rare path

            converted = round(value * factor, 6)
            if float(converted).is_integer():
                converted = int(converted)
            self.result.values[spec.key] = converted
            if in_value:  # "đã bỏ chữ kèm theo số" would hide that the unit was used
                self.result.problems = [p for p in self.result.problems
                                        if not (p.code == "value-with-text" and p.field == spec.key)]
            self._add("unit-converted", spec, self.result.cells[spec.key].rsplit("!", 1)[-1],
                      number(value), unit=nfc(str(typed)).strip(), form_unit=spec.unit,
                      parsed=number(converted))

    def _table_unit(self) -> str:
        """The unit a line above the table gives all its figures ("Đơn vị tính: nghìn đồng"),
        or ""."""
        for r, _c, raw in _texts(self.sheet):
            if r >= self.table.body:
                break
            match = _UNIT_LINE.match(fold(raw))
            if match:
                text = nfc(raw)
                return text[text.find(":") + 1:].strip(" )") if ":" in text else ""
        return ""

    def _english_numbers(self, indicators: dict[str, tuple[Any, str]]) -> bool:
        """Whether the return writes numbers the English way ("11,230.5"), so that its "245,600"
        is two hundred forty-five thousand; said in a warning. Never when it also writes one
        the Vietnamese way ("1.234,5")."""
        texts = [raw for raw, _ in indicators.values() if type(raw) is str]
        english = next((t for t in texts if _ENGLISH_NUMBER.match(t)), None)
        if english is None or any(_VIETNAMESE_NUMBER.match(t) for t in texts):
            return False
        self._add("number-style-english", None, "", english.strip())
        return True

    def _add(self, code: str, spec: Field | None = None, cell: str = "", value: Any = "",
             sheet: str | None = None, **params: Any) -> None:
        label = spec.label if spec else ""
        self.result.problems.append(problem(
            code, file=self.book.relpath, sheet=self.sheet.name if sheet is None else sheet,
            cell=cell, field=spec.key if spec else "", value=value, label=label, **params))

    # -- identity -----------------------------------------------------------------------------
    def _identity(self) -> dict[str, _Located]:
        found: dict[str, _Located] = {}
        self._identity_on(self.sheet, self.table.rows, found, self.table.right_edge)
        self._blanks_in_value_column(found)
        if any(spec.key not in found or found[spec.key].rank > 1 for spec in IDENTITY
               if spec.required):
            for other in self._other_sheets():
                self._identity_on(other, set(), found)
        if "prepared_on" not in found or found["prepared_on"].rank > 1:
            self._date_line(found)
        return found

    def _blanks_in_value_column(self, found: dict[str, _Located]) -> None:
        """A line left empty is located where the other lines' values are typed (the value
        column), not in the cell that happens to follow its label."""
        columns = [loc.col for loc in found.values()
                   if loc.rank == 0 and loc.sheet == self.sheet.name and loc.col >= 0]
        if not columns:
            return
        column = max(set(columns), key=columns.count)
        for key, loc in found.items():
            if loc.rank == 2 and loc.sheet == self.sheet.name and 0 <= loc.col < column:
                found[key] = loc._replace(address=self._address(self.sheet, loc.row, column),
                                          col=column)

    def _other_sheets(self) -> Iterator[Sheet]:
        for name, visible in self.book.worksheets:
            if visible and name != self.sheet.name and fold(name) not in _NOT_THE_RETURN:
                other = self.book.sheet(name)
                if other is not None:
                    yield other

    def _identity_on(self, sheet: Sheet, skip: set[int], found: dict[str, _Located],
                     edge: int = -1) -> None:
        """The identity lines of `sheet`, outside the rows `skip` (the table's), except right
        of column `edge` (an identity block typed beside the table, on the same rows)."""
        lookup = _identity_label
        for r, c, raw in itertools.chain(_texts(sheet, skip), _texts_right_of(sheet, skip, edge)):
            label = lookup(raw)
            if label is None:
                continue
            lines = _lines_of(raw)
            if lines:
                # "Tên DN: Công ty A\nMST: 0101234567" typed in one cell: each item its value;
                # the last one's may be in the next cell ("… Ngày lập:" | 10/01/2017).
                for i, line in enumerate(lines):
                    rest = line.rest.strip()
                    if rest and not _PLACEHOLDER.match(rest):
                        located: _Located | None = _Located(rest, self._address(sheet, r, c),
                                                            sheet.name, 0, r, c)
                    elif i == len(lines) - 1:
                        located = self._identity_value(sheet, r, c, line)
                    else:
                        located = _Located("", self._address(sheet, r, c), sheet.name, 2, r, c)
                    key = line.spec.key
                    if located is not None and (key not in found or located.rank < found[key].rank):
                        found[key] = located
                continue
            located = self._identity_value(sheet, r, c, label)
            if located is None:
                continue
            key = label.spec.key
            if key not in found or located.rank < found[key].rank:
                found[key] = located

    def _identity_value(self, sheet: Sheet, r: int, c: int, label: _IdentityLabel) -> _Located | None:
        rest = label.rest.strip()
        again = _identity_label(rest) if rest else None
        if again is not None:  # "Tên doanh nghiệp:\nEnterprise name: …": the label again
            rest = again.rest.strip()
        if rest and not _PLACEHOLDER.match(rest):
            return _Located(rest, self._address(sheet, r, c), sheet.name, 1 if label.upper else 0,
                            r, c)
        if label.upper and not label.colon:
            return None  # a heading ("NGƯỜI LẬP BIỂU"), not a line
        row = sheet.rows[r]
        for c2 in range(c + 1, len(row)):
            raw = row[c2]
            if raw == "" or is_blank(raw) or (type(raw) is str and _PLACEHOLDER.match(raw)):
                continue
            if isinstance(raw, str) and (_identity_label(raw) or _boilerplate(raw)):
                break  # the next line's label, or the letterhead beside it: nothing typed here
            return _Located(raw, self._address(sheet, r, c2), sheet.name,
                            1 if label.upper else 0, r, c2)
        if not label.upper and r + 1 < len(sheet.rows):
            below = self._value_below(sheet, r + 1, c)
            if below is not None:
                return below
        return _Located("", self._address(sheet, r, c + 1), sheet.name, 2, r, c + 1)

    def _value_below(self, sheet: Sheet, r: int, c: int) -> _Located | None:
        """The value typed on the line under its label (only there: a next label, a table
        header or an indicator row end the search)."""
        row = sheet.rows[r]
        for c2 in range(max(0, c - 1), len(row)):
            raw = row[c2]
            if is_blank(raw) or (isinstance(raw, str) and _PLACEHOLDER.match(raw)):
                continue
            if c2 < c:
                return None  # the next line starts further left: another item
            if isinstance(raw, str) and (_identity_label(raw) or _indicator_label(raw)
                                         or _column_role(raw) not in (None, "value")
                                         or _boilerplate(raw)):
                return None
            return _Located(raw, self._address(sheet, r, c2), sheet.name, 0, r, c2)
        return None

    def _period_from_title(self, found: dict[str, _Located]) -> None:
        """Without a "Kỳ báo cáo" line, the period the title names ("BÁO CÁO … NĂM 2016"),
        when the lines above the table name exactly one; said in a warning."""
        seen: dict[Period, tuple[int, int, str]] = {}
        for r, c, raw in _texts(self.sheet):
            if r >= self.table.body:
                break
            key = fold(raw)
            if "bao cao" not in key and not key.startswith(("ky ", "nam ", "6 thang")):
                continue
            for match in _TITLE_PERIOD.finditer(key):
                try:
                    period = parse_period(match.group(0)).value
                except ParseError:
                    continue
                if isinstance(period, Period):
                    seen.setdefault(period, (r, c, nfc(raw).strip()))
        if len(seen) != 1:
            return
        period, (r, c, text) = next(iter(seen.items()))
        found["period"] = _Located(period.label, self._address(self.sheet, r, c),
                                   self.sheet.name, 0)
        self._add("period-from-title", FIELDS_BY_KEY["period"], self.sheet.address(r, c), text,
                  parsed=period.label)

    def _date_line(self, found: dict[str, _Located]) -> None:
        """Without a "Ngày lập" line, the date under the signature ("…, ngày 05 tháng 7 năm
        2016") is when the return was made."""
        for r, c, raw in _texts(self.sheet, self.table.rows):
            if "ng" in raw:
                match = _DATE_LINE.search(nfc(raw))
                if match:
                    day, month, year = match.groups()
                    found["prepared_on"] = _Located(f"{day}/{month}/{year}",
                                                    self._address(self.sheet, r, c),
                                                    self.sheet.name, 0)
                    return

    def _address(self, sheet: Sheet, r: int, c: int) -> str:
        a1 = sheet.address(r, c)
        if sheet is self.sheet:
            return a1
        name = sheet.name if re.fullmatch(r"\w+", sheet.name) else "'" + sheet.name.replace("'", "''") + "'"
        return f"{name}!{a1}"

    # -- the value column -----------------------------------------------------------------------
    def _value_column(self, period: Period | None) -> int | None:
        """The column of the return's own period among the table's value columns; a problem
        naming them when it cannot be told."""
        values = self.table.values
        visible = tuple(v for v in values if v[0] not in self.sheet.hidden_cols)
        if visible and len(visible) < len(values):
            values = visible  # a column hidden in Excel is no one's reading of this period
        if len(values) == 1:
            c, header = values[0]
            if not self._another_periods(header, period):
                return c
            # The one named value column is another period's ("Kỳ trước (Năm 2024) – tham
            # khảo" of a pre-filled form whose input column's header was deleted or retyped):
            # the values typed in an unnamed column are this period's; never the other's.
            taken = {**self.table.columns, "another period": c}
            unnamed = [col for col, _ in _data_columns(self.sheet, taken,
                                                       list(self.table.candidates), [])]
            if len(unnamed) == 1 and unnamed[0] != c:
                return unnamed[0]
            values = (*values, *((col, "") for col in unnamed if col != c))
        tiers: dict[int, list[int]] = {}
        for c, header in values:
            kind = _value_kind(header) if header else "unknown"
            if kind == "other":
                continue
            if kind == "period":
                fit = _period_match(header, period)
                if fit is None:
                    continue
                tier = fit
            else:
                tier = {"current": 2, "unknown": 3}[kind]
            tiers.setdefault(tier, []).append(c)
        for tier in sorted(tiers):
            if len(tiers[tier]) == 1:
                return tiers[tier][0]
            if tiers[tier]:
                break
        from kcn_reports.workbook import cell_address

        shown = "; ".join(f"«{h or '(không có tiêu đề)'}» (cột {cell_address(0, c)[:-1]})"
                          for c, h in values)
        header_row = max(self.table.body - 1, 0)
        self._add("value-column-ambiguous", cell=self.sheet.address(header_row, values[0][0]),
                  columns=shown, period=period.label if period else "chưa rõ")
        return None

    @staticmethod
    def _another_periods(header: str, period: Period | None) -> bool:
        """A value column's header says it is not the return's own period's (a plan, a
        previous period, or a year the return's period is not in)."""
        kind = _value_kind(header) if header else "unknown"
        return kind == "other" or (kind == "period" and period is not None
                                   and _period_match(header, period) is None)

    # -- indicator rows ----------------------------------------------------------------------------
    def _indicators(self, value_col: int) -> dict[str, tuple[Any, str]]:
        """Each indicator's value cell: a coded row first; else a labelled row with a value,
        exact labels before labels matched by their words; a blank one last."""
        rows = self.sheet.rows
        code_col = self.table.columns.get("code") or 0
        candidates = list(self.table.candidates)
        mismatched: list[tuple[int, Field]] = []
        for i, cand in enumerate(candidates):
            if cand.by_code and cand.label:
                other = _exact_indicator(cand.label)
                if other is not None and other is not cand.spec:
                    mismatched.append((i, other))
        if len(mismatched) >= 2:
            # Several rows whose code names another indicator than their label: the codes were
            # renumbered (a row deleted, the column refilled 01, 02, …), so the labels decide.
            for i, other in mismatched:
                candidates[i] = candidates[i]._replace(spec=other)
            shifted = candidates[mismatched[0][0]]
            self._add("codes-renumbered", None, self.sheet.address(shifted.row, code_col),
                      shifted.code, rows=len(mismatched))
        else:
            for i, other in mismatched:
                cand = candidates[i]
                self._add("code-label-mismatch", cand.spec,
                          self.sheet.address(cand.row, code_col), cand.label,
                          row_code=cand.code, other=other.label)
        by_field: dict[str, list[_Candidate]] = {}
        for cand in candidates:
            by_field.setdefault(cand.spec.key, []).append(cand)
        found: dict[str, tuple[Any, str]] = {}
        address = self.sheet.address
        for cands in by_field.values():
            values = [rows[c.row][value_col] if value_col < len(rows[c.row]) else ""
                      for c in cands]
            if len(cands) == 1:
                found[cands[0].spec.key] = (values[0], address(cands[0].row, value_col))
                self.rows_read[cands[0].spec.key] = cands[0].row
                continue
            order = [i for i, c in enumerate(cands) if c.by_code]
            rivals: list[int] = []
            if order:
                chosen, rivals = order[0], order[1:]
            else:
                chosen = min(range(len(cands)), key=lambda i: (
                    is_blank(values[i]), not cands[i].exact, cands[i].row))
                if cands[chosen].exact:
                    rivals = [i for i, c in enumerate(cands) if i != chosen and c.exact
                              and not is_blank(values[i]) and values[i] != values[chosen]]
            first = address(cands[chosen].row, value_col)
            for i in rivals:
                self._add("duplicate-row", cands[i].spec, address(cands[i].row, value_col),
                          values[i], first=first)
            found[cands[chosen].spec.key] = (values[chosen], first)
            self.rows_read[cands[chosen].spec.key] = cands[chosen].row
        return found

    # -- reading ------------------------------------------------------------------------------------
    def _take(self, spec: Field, located: tuple[Any, str] | None, sheet: str,
              english: bool = False) -> None:
        if located is None:
            self.result.values[spec.key] = None
            if spec.required:
                self._not_found(spec)
            elif spec.code:
                near = self._nearest(spec)
                if near is not None:  # an optional row there, but not recognised: say so
                    sheet_, r, c, text = near
                    self._add("row-not-recognised", spec, sheet_.address(r, c), text,
                              row=r + sheet_.origin[0] + 1)
            return
        raw, address = located
        self.result.cells[spec.key] = address
        cell = address.rsplit("!", 1)[-1]
        if isinstance(raw, str) and raw.strip() in CELL_ERRORS:
            self.result.values[spec.key] = None
            self._add("cell-error", spec, cell, raw.strip(), sheet=sheet)
            return
        if is_blank(raw) or (type(raw) is str and _UNFILLED.match(raw)):
            self.result.values[spec.key] = None
            if self.book.formula_without_value(sheet, cell):
                self._add("formula-no-value", spec, cell, sheet=sheet)
            elif spec.required:
                self._add("required-missing", spec, cell, sheet=sheet)
            return
        if spec.kind in (Kind.NUMBER, Kind.INTEGER) and type(raw) is str \
                and raw.strip().lower() in _NOT_APPLICABLE:
            # "x" in a statistics table: no figure (not applicable), never a number.
            self.result.values[spec.key] = None
            self._add("required-missing" if spec.required else "value-not-applicable", spec,
                      cell, raw.strip(), sheet=sheet)
            return
        try:
            if spec.kind in (Kind.NUMBER, Kind.INTEGER) and isinstance(raw, str) and "%" in raw:
                raise ParseError("share-not-a-number")  # "52%" is a share, not 52 people
            parsed = (parse_number(raw, integer_expected=True) if english
                      else parse_kind(spec.kind, raw, self.zones))
        except ParseError as exc:
            self.result.values[spec.key] = None
            self._add(exc.code, spec, cell, _shown(raw), sheet=sheet, **exc.params)
            return
        value = parsed.value
        for code, params in parsed.warnings:
            self._add(code, spec, cell, _shown(raw), sheet=sheet, **params)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
            self._add("negative", spec, cell, _shown(raw), sheet=sheet)
            value = None
        self.result.values[spec.key] = value

    def _not_found(self, spec: Field) -> None:
        """A required field nowhere: say what looked nearest to its label, if anything did."""
        code = "field-not-found" if spec.code else "required-missing"
        near = self._nearest(spec)
        if near is None:
            self._add(code, spec)
            return
        sheet, r, c, text = near
        self._add("label-not-recognised", spec, sheet.address(r, c), text,
                  sheet=sheet.name, row=r + sheet.origin[0] + 1)

    def _nearest(self, spec: Field) -> tuple[Sheet, int, int, str] | None:
        """The unrecognised text most like one of the field's labels: on the table's sheet
        outside the table (and the other sheets) for an identity line, in the table's label
        column for an indicator."""
        targets = [fold(_BRACKETS.sub(" ", label)) for label in spec.labels]
        best: tuple[float, Sheet, int, int, str] | None = None
        label_col = self.table.columns["label"]
        sheets = [self.sheet] if spec.code else [self.sheet, *self._other_sheets()]
        for sheet in sheets:
            for r, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
                in_table = sheet is self.sheet and r >= self.table.body
                for c, raw in enumerate(row):
                    if spec.code and (not in_table or c != label_col):
                        continue
                    if (not isinstance(raw, str) or not raw.strip() or len(raw) > 120
                            or _identity_label(raw) or _indicator_label(raw)
                            or _column_role(raw) not in (None, "value")):
                        continue  # empty, or recognised as another line or a table header
                    score = _likeness(fold(_split_colon(_strip_enumerator(raw))[0]), targets)
                    if score and (best is None or score > best[0]):
                        best = (score, sheet, r, c, nfc(raw).strip())
        return best[1:] if best else None


def _likeness(key: str, targets: list[str]) -> float:
    """How much a typed label looks like one of `targets`: close spelling, or most of a
    target's words; 0 when it does not."""
    if not key:
        return 0.0
    words = set(key.split())
    best = 0.0
    for target in targets:
        ratio = difflib.SequenceMatcher(None, key, target).ratio()
        target_words = set(target.split())
        shared = len(words & target_words) / len(target_words) if len(target_words) >= 2 else 0
        if ratio >= 0.75 or (shared >= 0.6 and ratio >= 0.5
                             and len(words) <= len(target_words) + 2):
            best = max(best, ratio + shared)
    return best


def _shown(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw)
