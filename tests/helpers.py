"""Shared helpers: a blank form filled the way enterprises fill it."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import openpyxl
import pytest

from kcn_reports.blank_form import TEMPLATE_SHEET, input_cells, write_blank_form
from kcn_reports.check import ACCEPTED, process_file
from kcn_reports.discover import InputFile
from kcn_reports.formdef import PERIOD_HALF, Period
from kcn_reports.settings import load_settings

SETTINGS = load_settings(None)
ZONES = [z.name for z in SETTINGS.zones]

EXPECTED = {
    "name": "Công ty TNHH Điện tử A&B <Việt Nam>",
    "tax_code": "0101234567",
    "zone": "Song Khê – Nội Hoàng",
    "ownership": "fdi",
    "investor_country": "Hàn Quốc",
    "industry": "Linh kiện điện tử",
    "period": Period(PERIOD_HALF, 2016),
    "preparer": "Nguyễn Thị Hoa",
    "phone": "0912 345 678",
    "prepared_on": dt.date(2016, 7, 5),
    "revenue": 1234.5,
    "exports": 21000,
    "imports": 4.5,
    "budget_paid": 0,
    "employees": 1234,
    "employees_female": 800,
    "employees_foreign": 12,
    "avg_income": 7.25,
    "has_party_org": True,
    "party_members": 15,
    "party_members_not_transferred": 3,
    "owner_is_party_member": False,
    "candidates": 4,
    "has_union": True,
    "union_founded_on": dt.date(2015, 3, 5),
    "union_members": 1100,
    "has_youth_union": False,
    "youth_members": 0,
}

# The same values typed as people type them: text numbers in Vietnamese style, units, yes/no
# variants, day-first date text, NFD text from a Mac, a zone without diacritics.
AS_TYPED = {
    "name": unicodedata.normalize("NFD", "Công ty TNHH Điện tử A&B <Việt Nam>"),
    "tax_code": "0101234567",
    "zone": "KCN Song Khe - Noi Hoang",
    "ownership": "Doanh nghiệp có vốn đầu tư nước ngoài (FDI)",
    "investor_country": "Hàn Quốc",
    "industry": "Linh kiện điện tử",
    "period": "6 tháng đầu năm 2016",
    "preparer": "Nguyễn Thị Hoa",
    "phone": "0912 345 678",
    "prepared_on": "05/07/2016",
    "revenue": "1.234,5",
    "exports": "21.000",
    "imports": "4,5",
    "budget_paid": "-",
    "employees": "1.234 người",
    "employees_female": "800",
    "employees_foreign": "12",
    "avg_income": "7,25",
    "has_party_org": "x",
    "party_members": "15",
    "party_members_not_transferred": "3",
    "owner_is_party_member": "khong",
    "candidates": "4",
    "has_union": "Co",
    "union_founded_on": "5/3/15",
    "union_members": "1 100",
    "has_youth_union": "Chưa",
    "youth_members": "0",
}

# Typed as real cell values: numbers, date cells, booleans as 1/0.
AS_CELLS = {
    **EXPECTED,
    "ownership": "FDI",
    "period": "6 tháng đầu năm 2016",
    "prepared_on": dt.datetime(2016, 7, 5),
    "union_founded_on": dt.datetime(2015, 3, 5),
    "has_party_org": "Có",
    "owner_is_party_member": "Không",
    "has_union": 1,
    "has_youth_union": 0,
}


def fill(path: Path, values: dict, *, mutate=None) -> Path:
    """Write the blank form, then fill it with openpyxl as an enterprise would."""
    write_blank_form(path, ZONES)
    book = openpyxl.load_workbook(path)
    sheet = book[TEMPLATE_SHEET]
    for key, address in input_cells().items():
        if key in values and values[key] is not None:
            sheet[address] = values[key]
    if mutate:
        mutate(sheet)
    book.save(path)
    return path


def docx_text(path: Path) -> str:
    """A .docx's paragraphs, then every table cell, one per line."""
    from docx import Document

    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def write_sheets(path: Path, sheets: dict[str, list[list]]) -> Path:
    """A workbook typed cell by cell: each sheet's rows, in order."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def read(path: Path, inputs: Path):
    info = path.stat()
    return process_file(InputFile(str(path), path.relative_to(inputs).as_posix(), info.st_size,
                                  info.st_mtime), SETTINGS)


def assert_values(outcome, expected=EXPECTED):
    assert outcome.outcome == ACCEPTED, [p.message for p in outcome.problems]
    values = outcome.form.values
    for key, value in expected.items():
        if isinstance(value, float):
            assert values[key] == pytest.approx(value), key
        else:
            assert values[key] == value, key




def write_ledger(path: Path, **rows: list[list]) -> Path:
    """A Sổ theo dõi written with openpyxl: headers from ledgerdef, rows by sheet key."""
    from kcn_reports.ledgerdef import SHEETS

    book = openpyxl.Workbook()
    book.remove(book.active)
    for spec in SHEETS:
        sheet = book.create_sheet(spec.name)
        sheet.append([col.header for col in spec.columns])
        for row in rows.get(spec.key, []):
            sheet.append(row)
    book.save(path)
    return path


D = dt.date
# A small ledger that balances: baseline 2014-06-30 with 4 cells / 35 members (the default
# settings), two original cells and one founded later.
ENTERPRISES = [
    ["0101234567", "Công ty TNHH Điện tử A&B <Việt Nam>", "Song Khê – Nội Hoàng", "FDI", "Hàn Quốc", D(2012, 1, 1), None],
    ["2400111111", "Công ty CP May Bắc Giang", "Đình Trám", "Doanh nghiệp trong nước", None, D(2010, 5, 1), None],
    ["2400222222", "Công ty TNHH Cơ khí Hòa Phú", "Hòa Phú", "Doanh nghiệp trong nước", None, D(2015, 3, 1), None],
]
CELLS = [
    ["Chi bộ Cơ quan", "Cơ quan", None, D(2010, 1, 1), None, 22],
    ["Chi bộ Các doanh nghiệp", "Ghép nhiều doanh nghiệp", None, D(2011, 1, 1), None, 18],
    ["Chi bộ Công ty A&B", "Doanh nghiệp", "0101234567", D(2015, 9, 2), None, 5],
]
MOVEMENTS = [
    [D(2015, 3, 1), "Chi bộ Cơ quan", "Kết nạp", 2, None, None],
    [D(2015, 9, 2), "Chi bộ Công ty A&B", "Chuyển đến", 3, "0101234567", "Thành lập chi bộ"],
    [D(2016, 4, 1), "Chi bộ Công ty A&B", "Kết nạp", 2, "0101234567", None],
    [D(2016, 5, 1), "Chi bộ Các doanh nghiệp", "Kết nạp", 4, None, None],
    [D(2016, 6, 1), "Chi bộ Các doanh nghiệp", "Chuyển đi", 1, None, None],
]
