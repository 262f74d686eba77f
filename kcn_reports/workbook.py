"""Stage 2: read a spreadsheet file safely into plain grids of cell values.

python-calamine does the reading. Everything that can go wrong with a file sent by someone
else becomes a `Problem` on that file: wrong content behind the extension, zip bombs, XML
entity tricks, passwords, corrupt containers, and calamine's own failures — which may be a
pyo3 `PanicException` (a `BaseException`) and may come when a sheet is read, not only when the
file is opened.
"""

from __future__ import annotations

import contextlib
import functools
import io
import itertools
import os
import re
import struct
import sys
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from kcn_reports import legacy_fonts
from kcn_reports.problems import Problem, problem

MAX_UNCOMPRESSED_MB = 200
MAX_ROWS = 100_000
MAX_COLS = 256
# calamine builds a dense grid from the first to the last used cell: a cell at XFD1048576 or an
# ODS row repeated a billion times would allocate far beyond the machine. Refused before reading.
MAX_GRID_CELLS = 5_000_000

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass
class Sheet:
    name: str
    rows: list[list[Any]]
    origin: tuple[int, int] = (0, 0)  # 0-based (row, col) of rows[0][0] in the sheet
    visible: bool = True
    legacy: dict[str, str] = field(default_factory=dict)  # legacy font -> a sample as typed
    memo: dict[str, Any] = field(default_factory=dict)  # per-sheet results of later stages
    # Merged ranges as 0-based grid (first row, first col, last row, last col): a header typed
    # once over several columns ("Số liệu" over "Năm 2015 | Năm 2016") belongs to each of them.
    merged: tuple[tuple[int, int, int, int], ...] = ()
    hidden_cols: frozenset[int] = frozenset()  # hidden columns (xlsx), as grid indices

    def address(self, row: int, col: int) -> str:
        """A1 address of the grid position (row, col)."""
        return cell_address(row + self.origin[0], col + self.origin[1])


@dataclass
class Workbook:
    """A readable file. Worksheets are loaded on first use: most returns are decided by their
    first sheet, so the instructions and other sheets are never parsed."""

    relpath: str
    container: str  # "xlsx", "xlsb", "ods", "xls"
    problems: list[Problem] = field(default_factory=list)
    data: bytes = b""
    sheet_parts: dict[str, str] = field(default_factory=dict)  # sheet name -> zip member (xlsx)
    worksheets: list[tuple[str, bool]] = field(default_factory=list)  # (name, visible)
    reader: Any = None  # the CalamineWorkbook
    max_rows: int = MAX_ROWS
    max_cols: int = MAX_COLS
    properties: dict[str, str] = field(default_factory=dict)  # custom document properties
    archive: zipfile.ZipFile | None = None
    # Sheet part -> whether it holds any formula, noted while its XML is checked on loading.
    has_formulas: dict[str, bool] = field(default_factory=dict)
    _loaded: dict[str, Sheet | None] = field(default_factory=dict)
    _no_value: dict[str, frozenset[str]] = field(default_factory=dict)
    memo: dict[str, Any] = field(default_factory=dict)  # per-workbook results of later stages

    @property
    def sheet_names(self) -> list[str]:
        return [name for name, _ in self.worksheets]

    def sheet(self, name: str) -> Sheet | None:
        """Load one worksheet (once); a failure becomes a problem and None."""
        if name not in self._loaded:
            visible = dict(self.worksheets).get(name, True)
            self._loaded[name] = self._load(name, visible)
        return self._loaded[name]

    def iter_sheets(self) -> Iterator[Sheet]:
        for name, _visible in self.worksheets:
            sheet = self.sheet(name)
            if sheet is not None:
                yield sheet

    @property
    def sheets(self) -> list[Sheet]:
        return list(self.iter_sheets())

    def _load(self, name: str, visible: bool) -> Sheet | None:
        part = self.sheet_parts.get(name)
        hidden: frozenset[int] = frozenset()
        verdict: tuple[str, dict[str, Any]] | None
        if self.container == "xlsx" and part and self.archive is not None:
            try:
                content = _read_member(self.data, self.archive, part)
            except Exception as exc:  # noqa: BLE001 - any failure here is a corrupt sheet
                content, verdict = b"", ("file-corrupt",
                                         {"detail": f"phần {part} hỏng ({_short(exc)})"})
            else:
                verdict = _check_part(part, content)
                self.has_formulas[part] = _FORMULA.search(content) is not None
            if verdict:
                code, params = verdict
                self.problems.append(problem(code, file=self.relpath, sheet=name, **params))
                return None
            hidden = _hidden_columns(content)
        try:
            with quiet_stderr():
                grid = self.reader.get_sheet_by_name(name)
                start = grid.start or (0, 0)
                rows = grid.to_python(skip_empty_area=True, nrows=self.max_rows)
                merged = tuple(
                    (r0 - start[0], c0 - start[1], r1 - start[0], c1 - start[1])
                    for (r0, c0), (r1, c1) in (grid.merged_cell_ranges or ())
                    if r1 >= start[0] and c1 >= start[1])
        except BaseException as exc:  # noqa: BLE001 - calamine panics are BaseException
            if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                raise
            self.problems.append(problem("sheet-unreadable", file=self.relpath, sheet=name,
                                         detail=_short(exc)))
            return None
        if rows and len(rows[0]) > self.max_cols:
            rows = [row[:self.max_cols] for row in rows]
        sheet = Sheet(name, rows, (start[0], start[1]), visible, merged=merged,
                      hidden_cols=frozenset(c - start[1] for c in hidden if c >= start[1]))
        _convert_legacy_text(sheet)
        return sheet

    def formula_without_value(self, sheet: str, cell: str) -> bool:
        """True when `cell` holds a formula with no cached result (only knowable for xlsx)."""
        return cell in self._formulas_without_value(sheet)

    def _formulas_without_value(self, sheet: str) -> frozenset[str]:
        """The cells of a sheet holding a formula with no cached result, found once per sheet
        (blank values are common, and each used to inflate the sheet's XML again)."""
        found = self._no_value.get(sheet)
        if found is not None:
            return found
        found = frozenset()
        part = self.sheet_parts.get(sheet)
        # Most typed returns hold no formula at all (noted when the sheet was loaded): then
        # the sheet's XML is not inflated a second time.
        if (self.container == "xlsx" and part and self.archive is not None
                and self.has_formulas.get(part, True)):
            try:
                xml = self.archive.read(part).decode("utf-8", "replace")
            except Exception:  # noqa: BLE001 - unreadable part: nothing to say about its cells
                xml = ""
            if "<f" in xml:
                found = frozenset(
                    match.group(1) for match in _CELL_XML.finditer(xml)
                    if match.group(2) and "<f" in match.group(2)
                    and not _CACHED_VALUE.search(match.group(2)))
        self._no_value[sheet] = found
        return found


_CELL_XML = re.compile(r'<c [^>]*?r="([A-Z]+[0-9]+)"[^>]*?(?:/>|>(.*?)</c>)', re.S)
_CACHED_VALUE = re.compile(r"<v>[^<]+</v>")


# Texts already seen not to be in a legacy font: the labels of the form recur in every return.
_PLAIN: set[str] = set()
_PLAIN_LIMIT = 100_000


def _convert_legacy_text(sheet: Sheet) -> None:
    """Text typed in TCVN3/VNI fonts becomes Unicode here, before anything looks for labels."""
    plain = _PLAIN
    # Most cells are numbers, blanks or texts seen before: set operations pass over them in C,
    # and only the rows holding a new non-ASCII text are looked at cell by cell.
    new = set(itertools.chain.from_iterable(sheet.rows))
    new.difference_update(plain)
    new = {raw for raw in new if type(raw) is str and not raw.isascii()}
    if not new:
        return
    for row in sheet.rows:
        if new.isdisjoint(row):
            continue
        for c, raw in enumerate(row):
            if raw not in new:
                continue
            fixed, encoding = legacy_fonts.fix(raw)
            if encoding:
                row[c] = fixed
                sheet.legacy.setdefault(encoding, raw)
            elif len(plain) < _PLAIN_LIMIT:
                plain.add(raw)


@functools.lru_cache(maxsize=8192)
def cell_address(row: int, col: int) -> str:
    """0-based (row, col) -> "A1"."""
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row + 1}"


STDERR_SILENCED = False  # set in worker processes, whose fd 2 goes to devnull for good


@contextlib.contextmanager
def quiet_stderr() -> Iterator[None]:
    """Silence calamine's Rust panic messages, which bypass Python and write to fd 2."""
    if STDERR_SILENCED:
        yield
        return
    try:
        fd = sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):
        yield
        return
    sys.stderr.flush()
    saved = os.dup(fd)
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), fd)
            yield
    finally:
        os.dup2(saved, fd)
        os.close(saved)


def read_workbook(data: bytes, relpath: str, *, path: str | None = None,
                  max_uncompressed_mb: int = MAX_UNCOMPRESSED_MB,
                  max_rows: int = MAX_ROWS, max_cols: int = MAX_COLS) -> Workbook:
    """Open a file's bytes safely; its worksheets load on demand. Problems, not exceptions."""
    book = Workbook(relpath=relpath, container="")
    suffix = os.path.splitext(relpath)[1].lower()

    def fail(code: str, **params: Any) -> Workbook:
        book.problems.append(problem(code, file=relpath, **params))
        return book

    if not data:
        return fail("file-empty")
    if data.startswith(ZIP_MAGIC) or data.startswith(b"PK"):
        verdict = _inspect_zip(data, max_uncompressed_mb, book)
        if verdict:
            code, params = verdict
            if code == "file-not-spreadsheet":
                params["ext"] = suffix
            return fail(code, **params)
    elif data.startswith(OLE_MAGIC):
        kind = _ole_kind(data)
        if kind == "encrypted":
            return fail("file-password")
        if kind == "word":
            return fail("file-not-spreadsheet", ext=suffix, actual="văn bản Word")
        book.container = "xls"
    elif len(data) > 4 and data[0] == 0x09 and data[1] in (0x00, 0x02, 0x04) and data[3] == 0x00:
        return fail("file-too-old")  # a BIFF2-4 BOF record, from before Excel 5
    else:
        actual = _sniff_other(data)
        if actual:
            return fail("file-not-spreadsheet", ext=suffix, actual=actual)
        return fail("file-corrupt", detail="không nhận ra định dạng tệp")
    book.data = data

    try:
        with quiet_stderr():
            from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

            try:
                calamine_book = CalamineWorkbook.from_filelike(io.BytesIO(data))
            except Exception as exc:
                # Content sniffing gives up on some files the extension-led reader explains better
                # (password-protected .xls, odd .ods).
                if path is None or "detect file format" not in str(exc):
                    raise
                calamine_book = CalamineWorkbook.from_path(path)
            metadata = list(calamine_book.sheets_metadata)
    except BaseException as exc:  # noqa: BLE001 - calamine panics are BaseException
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        code, params = _classify_calamine_error(exc)
        return fail(code, **params)

    book.reader = calamine_book
    book.max_rows, book.max_cols = max_rows, max_cols
    # Chart, dialog and macro sheets hold no report.
    book.worksheets = [(meta.name, meta.visible == SheetVisibleEnum.Visible) for meta in metadata
                       if meta.typ == SheetTypeEnum.WorkSheet]
    return book


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]


def _classify_calamine_error(exc: BaseException) -> tuple[str, dict[str, Any]]:
    name = type(exc).__name__
    if name == "PasswordError" or "password" in str(exc).lower():
        return "file-password", {}
    if name == "XmlError" and "entity" in str(exc).lower():
        return "file-unsafe", {"detail": "thực thể XML lạ"}
    return "file-corrupt", {"detail": _short(exc)}


def _inspect_zip(data: bytes, max_uncompressed_mb: int,
                 book: Workbook) -> tuple[str, dict[str, Any]] | None:
    """Refuse zip bombs from the declared sizes and XML with entity declarations, before
    anything is decompressed in bulk."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return "file-corrupt", {"detail": f"tệp nén hỏng ({_short(exc)})"}
    book.archive, book.data = archive, data  # kept for the sheet checks and formula lookups
    return _inspect_archive(archive, max_uncompressed_mb, book)


def _inspect_archive(archive: zipfile.ZipFile, max_uncompressed_mb: int,
                     book: Workbook) -> tuple[str, dict[str, Any]] | None:
    """What the zip holds: refuse what is not a spreadsheet, bombs and entity declarations."""
    infos = archive.infolist()
    names = {info.filename for info in infos}
    if "word/document.xml" in names:
        return "file-not-spreadsheet", {"actual": "văn bản Word"}
    if "ppt/presentation.xml" in names:
        return "file-not-spreadsheet", {"actual": "bản trình chiếu PowerPoint"}
    if "EncryptedPackage" in names:
        return "file-password", {}
    total = sum(info.file_size for info in infos)
    if total > max_uncompressed_mb * 1024 * 1024:
        return "file-too-large", {"size": total // (1024 * 1024), "limit": max_uncompressed_mb}
    if "xl/workbook.bin" in names:
        book.container = "xlsb"
    elif "content.xml" in names or "mimetype" in names:
        book.container = "ods"
    else:
        book.container = "xlsx"
    # The parts holding what people typed are checked for entity declarations (and, for
    # ODS, whose sheets are all parsed on open, for grid size); xlsx sheets are checked
    # when loaded. Each part is read once.
    parts = {"ods": ("content.xml",), "xlsb": (),
             "xlsx": ("xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                      "xl/sharedStrings.xml", "docProps/custom.xml")}[book.container]
    contents: dict[str, bytes] = {}
    for name in parts:
        if name not in names:
            continue
        try:
            contents[name] = _read_member(book.data, archive, name,
                                          None if name in _READ_WHOLE else _HEAD)
        except Exception as exc:  # noqa: BLE001 - any failure here is a corrupt file
            return "file-corrupt", {"detail": f"phần {name} hỏng ({_short(exc)})"}
        verdict = _check_part(name, contents[name])
        if verdict:
            return verdict
    if book.container == "xlsx":
        book.sheet_parts = dict(_xlsx_sheet_parts(contents.get("xl/workbook.xml", b""),
                                                  contents.get("xl/_rels/workbook.xml.rels", b"")))
    if "docProps/custom.xml" in contents:
        book.properties = _custom_properties(contents["docProps/custom.xml"])
    return None


def _read_member(data: bytes, archive: zipfile.ZipFile, part: str,
                 head: int | None = None) -> bytes:
    """A member of the in-memory zip `data` (its first `head` bytes only, if given), for
    scanning. A deflated member is inflated with zlib directly, at half the cost of
    `ZipFile.read` (no CRC check: calamine reads the part again itself), and never beyond the
    size the zip declares for it."""
    info = archive.getinfo(part)
    start = info.header_offset
    if (info.compress_type != zipfile.ZIP_DEFLATED or info.flag_bits & 0x1
            or data[start:start + 4] != ZIP_MAGIC):
        if head is None:
            return archive.read(info)
        with archive.open(info) as member:
            return member.read(head)
    name_length, extra_length = struct.unpack_from("<HH", data, start + 26)
    begin = start + 30 + name_length + extra_length
    limit = info.file_size + 1 if head is None else min(head, info.file_size + 1)
    content = zlib.decompressobj(-15).decompress(data[begin:begin + info.compress_size], limit)
    if len(content) > info.file_size:
        raise zipfile.BadZipFile("nội dung lớn hơn kích thước khai báo")
    return content


# Parts needed whole (small, or a grid to measure); for the others the head is enough to see an
# entity declaration, which must come before the root element.
_READ_WHOLE = {"content.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "docProps/custom.xml"}
_HEAD = 4096
_CUSTOM_PROPERTY = re.compile(rb'<property\b[^>]*\bname="([^"]{1,100})"[^>]*>\s*<vt:\w+[^>]*>([^<]{0,200})<')


def _custom_properties(xml: bytes) -> dict[str, str]:
    return {name.decode("utf-8", "replace"): value.decode("utf-8", "replace")
            for name, value in _CUSTOM_PROPERTY.findall(xml)}


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number


_FORMULA = re.compile(rb"<f[\s>/]")
_ROW_100_OR_MORE = re.compile(rb' r="[A-Z]{0,3}[0-9]{3}')
SMALL_SHEET_CELLS = 99 * 16_384
assert SMALL_SHEET_CELLS <= MAX_GRID_CELLS
_XLSX_REF = re.compile(rb' r="([A-Z]{1,3})([0-9]{1,7})"')
_ODS_ROW = re.compile(rb"<table:table-row\b([^>]*)>(.*?)</table:table-row>", re.S)
_ODS_CELL = re.compile(rb"<table:(?:covered-)?table-cell\b([^>]*?)(/>|>(.*?)</table:(?:covered-)?table-cell>)", re.S)
_REPEAT_ROWS = re.compile(rb'number-rows-repeated="([0-9]+)"')
_REPEAT_COLS = re.compile(rb'number-columns-repeated="([0-9]+)"')


_COL_ELEMENT = re.compile(rb"<col\b[^>]*>")
_COL_ATTR = re.compile(rb'\b(min|max|hidden)="([^"]*)"')


def _hidden_columns(content: bytes) -> frozenset[int]:
    """0-based columns a worksheet part hides (<cols> stands before <sheetData>): a previous
    year's figures hidden beside this year's are not this year's."""
    end = content.find(b"<sheetData")
    head = content[:end] if end >= 0 else b""
    if b"hidden" not in head:
        return frozenset()
    hidden: set[int] = set()
    for element in _COL_ELEMENT.findall(head):
        attrs = dict(_COL_ATTR.findall(element))
        if attrs.get(b"hidden") in (b"1", b"true") and attrs.get(b"min", b"").isdigit():
            first = int(attrs[b"min"])
            last = int(attrs.get(b"max", attrs[b"min"])) if attrs.get(b"max", b"").isdigit() else first
            hidden.update(range(first - 1, min(last, first + 256)))
    return frozenset(hidden)


def _check_part(name: str, content: bytes) -> tuple[str, dict[str, Any]] | None:
    """Entity declarations and the grid's extent, measured from the cell references: the
    declared <dimension> is not trusted, since a file can claim "A1:G45" and hold a cell at
    XFD1048576 (calamine would then allocate the whole grid, and Windows has no memory cap on
    the workers)."""
    """Entity declarations and oversized grids in one XML part."""
    head = content[:4096]
    if b"<!ENTITY" in head or b"<!DOCTYPE" in head:
        return "file-unsafe", {"detail": f"khai báo DOCTYPE/ENTITY trong {name}"}
    cells = _declared_grid_cells(name, content)
    if cells > MAX_GRID_CELLS:
        return "grid-too-large", {"cells": f"{cells:,}".replace(",", "."),
                                  "limit": f"{MAX_GRID_CELLS:,}".replace(",", ".")}
    return None


def _declared_grid_cells(name: str, data: bytes) -> int:
    """Size of the dense grid calamine would build for a sheet part (0 for other parts)."""
    if name.startswith("xl/worksheets/"):
        if not _ROW_100_OR_MORE.search(data):
            # No row or cell reference past row 99: whatever the row order or the declared
            # <dimension>, at most 99 rows of 16,384 columns (a form has about 50 rows).
            return SMALL_SHEET_CELLS
        rows: list[int] = []
        cols: list[int] = []
        for letters, digits in _XLSX_REF.findall(data):
            rows.append(int(digits))
            cols.append(_column_number(letters))
        if not rows:
            return 0
        return (max(rows) - min(rows) + 1) * (max(cols) - min(cols) + 1)
    if name == "content.xml":
        total_rows = 0
        widest = 0
        for row_attrs, body in _ODS_ROW.findall(data):
            repeat = _REPEAT_ROWS.search(row_attrs)
            width = 0
            for cell_attrs, _end, content in _ODS_CELL.findall(body):
                span = _REPEAT_COLS.search(cell_attrs)
                n = int(span.group(1)) if span else 1
                if b"value-type" in cell_attrs or content.strip():
                    width += n
                elif width:
                    width += min(n, MAX_COLS)
            if width:
                total_rows += int(repeat.group(1)) if repeat else 1
                widest = max(widest, width)
        return total_rows * widest
    return 0


@functools.lru_cache(maxsize=256)
def _xlsx_sheet_parts(workbook_xml: bytes, rels_xml: bytes) -> tuple[tuple[str, str], ...]:
    """(sheet name, zip member path) pairs, from workbook.xml and its relationships. Cached:
    returns filled in from one blank form carry the same two parts."""
    workbook = workbook_xml.decode("utf-8", "replace")
    rels = rels_xml.decode("utf-8", "replace")
    targets = {}
    for rel in _RELATIONSHIP.finditer(rels):
        tag = rel.group(0)
        rid = _ID.search(tag)
        target = _TARGET.search(tag)
        if rid and target:
            path = target.group(1).lstrip("/")
            targets[rid.group(1)] = path if path.startswith("xl/") else f"xl/{path}"
    parts = {}
    for sheet in _SHEET.finditer(workbook):
        tag = sheet.group(0)
        name = _NAME.search(tag)
        rid = _RID.search(tag)
        if name and rid:
            key = rid.group(1) or rid.group(2)
            if key in targets:
                parts[_xml_unescape(name.group(1))] = targets[key]
    return tuple(parts.items())


_RELATIONSHIP = re.compile(r"<Relationship\b[^>]*>")
_ID = re.compile(r'Id="([^"]+)"')
_TARGET = re.compile(r'Target="([^"]+)"')
_SHEET = re.compile(r"<(?:\w+:)?sheet\b[^>]*>")
_NAME = re.compile(r'name="([^"]*)"')
_RID = re.compile(r'r:id="([^"]+)"|\bid="([^"]+)"')


def _xml_unescape(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


def _ole_kind(data: bytes) -> str:
    """Guess what an OLE2 compound file holds from its directory entry names."""
    def utf16(name: str) -> bytes:
        return name.encode("utf-16-le")

    if utf16("EncryptionInfo") in data or utf16("EncryptedPackage") in data:
        return "encrypted"
    if utf16("WordDocument") in data and utf16("Workbook") not in data:
        return "word"
    return "xls"


def _sniff_other(data: bytes) -> str | None:
    head = data[:512].lstrip()
    lowered = head.lower()
    if head.startswith(b"%PDF"):
        return "tệp PDF"
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered:
        return "trang web (HTML)"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "hình ảnh"
    if head.startswith(b"{\\rtf"):
        return "văn bản RTF"
    if lowered.startswith(b"<?xml"):
        return "tệp XML (có thể là Excel 2003 XML)"
    try:
        text = data[:4096].decode("utf-8")
    except UnicodeDecodeError:
        return None
    if "," in text or ";" in text or "\t" in text:
        return "văn bản thuần (CSV)"
    return "văn bản thuần"
