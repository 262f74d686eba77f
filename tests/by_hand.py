"""Inputs written cell by cell as people write them, not through our own writers: an accountant
filling the form the office sent (finding the cells by their labels, typing text numbers, "Có",
dates as text), an accountant who builds a plain return of their own, a clerk keeping the Sổ
theo dõi, a clerk editing kcn_reports.toml in Notepad."""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from html import unescape
from pathlib import Path
from typing import Any

import openpyxl

from kcn_reports.formdef import IDENTITY, INDICATORS

LABELS = {f.key: f.label for f in IDENTITY}
CODES = {f.key: f.code for f in INDICATORS}


def type_into_form(path: Path, values: dict[str, Any], save_as: Path | None = None) -> Path:
    """Fill a form the office sent: identity inputs are found right of their label, indicator
    inputs in the row of their code under the column headed "Số liệu…" (whatever period
    follows those words). Locked cells are left alone, as Excel would refuse them."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    label_cells: dict[str, Any] = {}
    header_row = code_col = value_col = None
    for row in sheet.iter_rows():
        for cell in row:
            text = cell.value
            if not isinstance(text, str):
                continue
            for key, label in LABELS.items():
                if text.strip().rstrip(":").strip() == label and key not in label_cells:
                    label_cells[key] = cell
            if text.strip() == "Mã số" and header_row is None:
                header_row, code_col = cell.row, cell.column
            if header_row == cell.row and text.startswith("Số liệu"):
                value_col = cell.column
    assert header_row and code_col and value_col, "no indicator table in the form"
    code_rows = {str(sheet.cell(r, code_col).value): r
                 for r in range(header_row + 1, sheet.max_row + 1)
                 if sheet.cell(r, code_col).value}
    for key, value in values.items():
        if key in label_cells:
            target = sheet.cell(label_cells[key].row, label_cells[key].column + 1)
        else:
            target = sheet.cell(code_rows[CODES[key]], value_col)
        assert target.protection.locked is False, f"{key} is locked in {path.name}"
        target.value = value
    out = save_as or path
    book.save(out)
    return out


def plain_return(path: Path, values: dict[str, Any]) -> Path:
    """A return typed from scratch in a plain sheet: "Label:" in column A and the value in B,
    then a bare table STT | Chỉ tiêu | Mã số | Đơn vị tính | Số liệu | Ghi chú."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "BC"
    sheet.append(["BÁO CÁO TÌNH HÌNH DOANH NGHIỆP"])
    sheet.append([])
    for fld in IDENTITY:
        if fld.key in values:
            sheet.append([f"{fld.label}:", values[fld.key]])
    sheet.append([])
    sheet.append(["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu", "Ghi chú"])
    for number, fld in enumerate(INDICATORS, 1):
        sheet.append([number, fld.label, fld.code, fld.unit, values.get(fld.key), None])
    book.save(path)
    return path


def age(path: Path, when: dt.datetime) -> None:
    """Set a file's time as if it had been received then."""
    stamp = when.timestamp()
    os.utime(path, (stamp, stamp))


def ledger_append(path: Path, sheet_name: str, rows: list[dict[str, Any]]) -> None:
    """Type rows into a sheet of the Sổ theo dõi, under the headers it has."""
    book = openpyxl.load_workbook(path)
    sheet = book[sheet_name]
    headers = {str(c.value).strip(): c.column for c in sheet[1] if c.value}
    row = 2
    while any(sheet.cell(row, col).value not in (None, "") for col in headers.values()):
        row += 1
    for record in rows:
        for header, value in record.items():
            sheet.cell(row, headers[header]).value = value
        row += 1
    book.save(path)


def edit_settings(path: Path, replacements: list[tuple[str, str]]) -> None:
    """What a clerk does in Notepad: replace text, each piece exactly once."""
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


_TAG = re.compile(r"<[^>]+>")


def all_text(path: Path) -> str:
    """Every piece of text a .docx/.xlsx (any XML part, runs joined) or a text file holds."""
    if path.suffix.lower() in (".docx", ".xlsx"):
        with zipfile.ZipFile(path) as archive:
            parts = [archive.read(name).decode("utf-8", "replace")
                     for name in archive.namelist() if name.endswith((".xml", ".rels"))]
        return "\n".join(unescape(_TAG.sub("", part)) for part in parts)
    return path.read_text(encoding="utf-8")
