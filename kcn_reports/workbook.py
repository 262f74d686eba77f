"""Stage 2: read a spreadsheet file safely into plain grids of cell values.

python-calamine does the reading. Everything that can go wrong with a file sent by someone
else becomes a `Problem` on that file: wrong content behind the extension, zip bombs, XML
entity tricks, passwords, corrupt containers, and calamine's own failures — which may be a
pyo3 `PanicException` (a `BaseException`) and may come when a sheet is read, not only when the
file is opened.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

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

    def address(self, row: int, col: int) -> str:
        """A1 address of the grid position (row, col)."""
        return cell_address(row + self.origin[0], col + self.origin[1])


@dataclass
class Workbook:
    relpath: str
    container: str  # "xlsx", "xlsb", "ods", "xls"
    sheets: list[Sheet] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    data: bytes = b""
    sheet_parts: dict[str, str] = field(default_factory=dict)  # sheet name -> zip member (xlsx)

    def formula_without_value(self, sheet: str, cell: str) -> bool:
        """True when `cell` holds a formula with no cached result (only knowable for xlsx)."""
        part = self.sheet_parts.get(sheet)
        if self.container != "xlsx" or not part:
            return False
        try:
            with zipfile.ZipFile(io.BytesIO(self.data)) as archive:
                xml = archive.read(part).decode("utf-8", "replace")
        except (zipfile.BadZipFile, KeyError, OSError):
            return False
        match = re.search(rf'<c [^>]*r="{cell}"[^>]*>(.*?)</c>', xml, re.S)
        if not match:
            return False
        body = match.group(1)
        return "<f" in body and not re.search(r"<v>[^<]+</v>", body)


def cell_address(row: int, col: int) -> str:
    """0-based (row, col) -> "A1"."""
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row + 1}"


@contextlib.contextmanager
def quiet_stderr() -> Iterator[None]:
    """Silence calamine's Rust panic messages, which bypass Python and write to fd 2."""
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
    """Read every worksheet of a file's bytes; problems instead of exceptions."""
    book = Workbook(relpath=relpath, container="")
    suffix = os.path.splitext(relpath)[1].lower()

    def fail(code: str, **params: Any) -> Workbook:
        book.problems.append(problem(code, file=relpath, **params))
        return book

    if not data:
        return fail("file-empty")
    if data.startswith(ZIP_MAGIC) or data.startswith(b"PK"):
        verdict = _inspect_zip(data, max_uncompressed_mb)
        if verdict:
            code, params = verdict
            if code == "file-not-spreadsheet":
                params["ext"] = suffix
            return fail(code, **params)
        book.container = _zip_kind(data)
        if book.container == "xlsx":
            book.sheet_parts = _xlsx_sheet_parts(data)
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
            from python_calamine import CalamineWorkbook

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

    for meta in metadata:
        if "WorkSheet" not in str(meta.typ):
            continue  # chart, dialog, macro sheets hold no report
        try:
            with quiet_stderr():
                sheet = calamine_book.get_sheet_by_name(meta.name)
                start = sheet.start or (0, 0)
                rows = sheet.to_python(skip_empty_area=True, nrows=max_rows)
        except BaseException as exc:  # noqa: BLE001
            if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                raise
            book.problems.append(problem("sheet-unreadable", file=relpath, sheet=meta.name,
                                         detail=_short(exc)))
            continue
        if len(rows) and len(rows[0]) > max_cols:
            rows = [row[:max_cols] for row in rows]
        book.sheets.append(Sheet(meta.name, rows, (start[0], start[1]),
                                 visible="Visible" in str(meta.visible)))
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


def _inspect_zip(data: bytes, max_uncompressed_mb: int) -> tuple[str, dict[str, Any]] | None:
    """Refuse zip bombs from the declared sizes and XML with entity declarations, before
    anything is decompressed in bulk."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return "file-corrupt", {"detail": f"tệp nén hỏng ({_short(exc)})"}
    with archive:
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
        for info in infos:
            if not info.filename.endswith((".xml", ".rels")):
                continue
            try:
                with archive.open(info) as member:
                    head = member.read(2048)
            except Exception as exc:  # noqa: BLE001 - any failure here is a corrupt file
                return "file-corrupt", {"detail": f"phần {info.filename} hỏng ({_short(exc)})"}
            if b"<!ENTITY" in head or b"<!DOCTYPE" in head:
                return "file-unsafe", {"detail": f"khai báo DOCTYPE/ENTITY trong {info.filename}"}
        for info in infos:
            cells = _declared_grid_cells(archive, info)
            if cells > MAX_GRID_CELLS:
                return "grid-too-large", {"cells": f"{cells:,}".replace(",", "."),
                                          "limit": f"{MAX_GRID_CELLS:,}".replace(",", ".")}
    return None


_XLSX_REF = re.compile(rb'<c\b[^>]*?\sr="([A-Z]{1,3})([0-9]{1,7})"')
_ODS_ROW = re.compile(rb"<table:table-row\b([^>]*)>(.*?)</table:table-row>", re.S)
_ODS_CELL = re.compile(rb"<table:(?:covered-)?table-cell\b([^>]*?)(/>|>(.*?)</table:(?:covered-)?table-cell>)", re.S)
_REPEAT_ROWS = re.compile(rb'number-rows-repeated="([0-9]+)"')
_REPEAT_COLS = re.compile(rb'number-columns-repeated="([0-9]+)"')


def _declared_grid_cells(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
    """Size of the dense grid calamine would build for a sheet part (0 for other parts)."""
    name = info.filename
    if name.startswith("xl/worksheets/") and name.endswith(".xml"):
        data = archive.read(info)
        rows: list[int] = []
        cols: list[int] = []
        for letters, digits in _XLSX_REF.findall(data):
            col = 0
            for ch in letters:
                col = col * 26 + ch - 64
            rows.append(int(digits))
            cols.append(col)
        if not rows:
            return 0
        return (max(rows) - min(rows) + 1) * (max(cols) - min(cols) + 1)
    if name == "content.xml":
        data = archive.read(info)
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


def _zip_kind(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
    if "xl/workbook.bin" in names:
        return "xlsb"
    if "content.xml" in names or "mimetype" in names:
        return "ods"
    return "xlsx"


def _xlsx_sheet_parts(data: bytes) -> dict[str, str]:
    """Sheet name -> zip member path, from workbook.xml and its relationships."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            workbook = archive.read("xl/workbook.xml").decode("utf-8", "replace")
            rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, OSError):
        return {}
    targets = {}
    for rel in re.finditer(r"<Relationship\b[^>]*>", rels):
        tag = rel.group(0)
        rid = re.search(r'Id="([^"]+)"', tag)
        target = re.search(r'Target="([^"]+)"', tag)
        if rid and target:
            path = target.group(1).lstrip("/")
            targets[rid.group(1)] = path if path.startswith("xl/") else f"xl/{path}"
    parts = {}
    for sheet in re.finditer(r"<(?:\w+:)?sheet\b[^>]*>", workbook):
        tag = sheet.group(0)
        name = re.search(r'name="([^"]*)"', tag)
        rid = re.search(r'r:id="([^"]+)"|\bid="([^"]+)"', tag)
        if name and rid:
            key = rid.group(1) or rid.group(2)
            if key in targets:
                parts[_xml_unescape(name.group(1))] = targets[key]
    return parts


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
