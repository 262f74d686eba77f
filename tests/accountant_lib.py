"""Tiny workbook model + four writers (openpyxl, xlsxwriter, xlwt, odfpy) for the red-team corpus.

Nothing here comes from kcn-reports: every return is laid out cell by cell by make.py.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path


class F:
    """A formula with the value Excel would have cached."""

    def __init__(self, formula: str, cached=None, cache=True):
        self.formula, self.cached, self.cache = formula, cached, cache


class QP(str):
    """Text typed in Excel with a leading apostrophe (stored with quotePrefix)."""


def ref2rc(ref: str) -> tuple[int, int]:
    m = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


def rc2ref(r: int, c: int) -> str:
    s = ""
    while c:
        c, rem = divmod(c - 1, 26)
        s = chr(65 + rem) + s
    return f"{s}{r}"


class Sheet:
    def __init__(self, name: str, state: str = "visible"):
        self.name, self.state = name, state
        self.cells: dict[tuple[int, int], object] = {}
        self.merges: list[tuple[int, int, int, int]] = []
        self.borders: list[tuple[int, int, int, int]] = []
        self.bold: set[tuple[int, int]] = set()
        self.widths: dict[int, float] = {}
        self.hidden_cols: set[int] = set()
        self.numfmt: dict[tuple[int, int], str] = {}

    def put(self, r: int, c: int, value, bold=False):
        if value is None:
            return
        self.cells[(r, c)] = value
        if bold:
            self.bold.add((r, c))

    def __setitem__(self, ref: str, value):
        self.put(*ref2rc(ref), value)

    def row(self, r: int, c0: int, values, bold=False):
        for i, v in enumerate(values):
            self.put(r, c0 + i, v, bold)

    def merge(self, r1, c1, r2, c2, value=None, bold=False):
        if value is not None:
            self.put(r1, c1, value, bold)
        self.merges.append((r1, c1, r2, c2))

    def border(self, r1, c1, r2, c2):
        self.borders.append((r1, c1, r2, c2))

    def in_border(self, r, c):
        return any(r1 <= r <= r2 and c1 <= c <= c2 for r1, c1, r2, c2 in self.borders)


# ---------------------------------------------------------------- writers

# what an accountant drags the columns to when nothing else is said (cosmetic only)
DEFAULT_WIDTHS = {1: 22, 2: 48, 3: 22, 4: 16, 5: 16, 6: 16, 7: 14, 8: 14}

def write_openpyxl(path: Path, sheets: list[Sheet]):
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, Side

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    thin = Side(style="thin")
    for sh in sheets:
        ws = wb.create_sheet(sh.name)
        ws.sheet_state = sh.state
        for (r, c), v in sorted(sh.cells.items()):
            cell = ws.cell(r, c)
            if isinstance(v, F):
                if v.cache:
                    raise ValueError("openpyxl cannot cache formula values; use xlsxwriter")
                cell.value = v.formula
            elif isinstance(v, QP):
                cell.value = str(v)
                cell.number_format = "@"
                cell.quotePrefix = True
            elif isinstance(v, (dt.date, dt.datetime)):
                cell.value = v
                cell.number_format = "dd/mm/yyyy"
            else:
                cell.value = v
                if isinstance(v, (int, float)) and not isinstance(v, bool) and abs(v) >= 1000:
                    cell.number_format = "#,##0"
            if isinstance(v, str) and "\n" in v:
                cell.alignment = Alignment(wrap_text=True)
            if (r, c) in sh.bold:
                cell.font = Font(bold=True)
        for r1, c1, r2, c2 in sh.borders:
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    ws.cell(r, c).border = Border(left=thin, right=thin, top=thin, bottom=thin)
        for r1, c1, r2, c2 in sh.merges:
            ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
        for c, w in (sh.widths or DEFAULT_WIDTHS).items():
            ws.column_dimensions[rc2ref(1, c)[:-1]].width = w
        for c in sh.hidden_cols:
            ws.column_dimensions[rc2ref(1, c)[:-1]].hidden = True
        for (r, c), nf in sh.numfmt.items():
            ws.cell(r, c).number_format = nf
    if all(s.state != "visible" for s in sheets[:1]):
        # the first visible sheet must be the active one or Excel complains
        wb.active = next(i for i, s in enumerate(sheets) if s.state == "visible")
    wb.save(path)


def write_xlsxwriter(path: Path, sheets: list[Sheet]):
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    fmts: dict[tuple, object] = {}

    def fmt(kind, bold, border, wrap):
        key = (kind, bold, border, wrap)
        if key not in fmts:
            d = {}
            if kind == "date":
                d["num_format"] = "dd/mm/yyyy"
            elif kind == "thousands":
                d["num_format"] = "#,##0"
            elif kind == "text":
                d["num_format"] = "@"
            if bold:
                d["bold"] = True
            if border:
                d["border"] = 1
            if wrap:
                d["text_wrap"] = True
            fmts[key] = wb.add_format(d)
        return fmts[key]

    first_visible = None
    for _i, sh in enumerate(sheets):
        ws = wb.add_worksheet(sh.name)
        if sh.state != "visible":
            ws.hide()
        elif first_visible is None:
            first_visible = ws
        merged_tl = {(m[0], m[1]): m for m in sh.merges}
        cells = dict(sh.cells)
        for r1, c1, r2, c2 in sh.merges:
            v = cells.pop((r1, c1), None)
            f = fmt("text" if isinstance(v, str) else "", (r1, c1) in sh.bold, sh.in_border(r1, c1),
                    isinstance(v, str) and "\n" in v)
            if isinstance(v, (dt.date, dt.datetime)):
                ws.merge_range(r1 - 1, c1 - 1, r2 - 1, c2 - 1, "", fmt("date", False, sh.in_border(r1, c1), False))
                ws.write_datetime(r1 - 1, c1 - 1, dt.datetime.combine(v, dt.time()) if not isinstance(v, dt.datetime) else v,
                                  fmt("date", False, sh.in_border(r1, c1), False))
            else:
                ws.merge_range(r1 - 1, c1 - 1, r2 - 1, c2 - 1, "" if v is None else v, f)
        for (r, c), v in sorted(cells.items()):
            b = (r, c) in sh.bold
            br = sh.in_border(r, c)
            if isinstance(v, F):
                ws.write_formula(r - 1, c - 1, v.formula, fmt("", b, br, False), v.cached if v.cache else None)
            elif isinstance(v, (dt.date, dt.datetime)):
                d = v if isinstance(v, dt.datetime) else dt.datetime.combine(v, dt.time())
                ws.write_datetime(r - 1, c - 1, d, fmt("date", b, br, False))
            elif isinstance(v, bool):
                ws.write_boolean(r - 1, c - 1, v, fmt("", b, br, False))
            elif isinstance(v, (int, float)):
                ws.write_number(r - 1, c - 1, v, fmt("thousands" if abs(v) >= 1000 else "", b, br, False))
            else:
                ws.write_string(r - 1, c - 1, str(v), fmt("", b, br, "\n" in str(v)))
        # borders on empty cells of bordered ranges
        for r1, c1, r2, c2 in sh.borders:
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    if (r, c) not in sh.cells and not any(
                            m[0] <= r <= m[2] and m[1] <= c <= m[3] for m in sh.merges):
                        ws.write_blank(r - 1, c - 1, None, fmt("", False, True, False))
        for c, w in (sh.widths or DEFAULT_WIDTHS).items():
            ws.set_column(c - 1, c - 1, w)
        _ = merged_tl
    if first_visible is not None:
        first_visible.activate()
    wb.close()


def write_xlwt(path: Path, sheets: list[Sheet]):
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    date_style = xlwt.easyxf(num_format_str="dd/mm/yyyy")
    num_style = xlwt.easyxf(num_format_str="#,##0")
    bold_style = xlwt.easyxf("font: bold on")
    bordered = xlwt.easyxf("borders: left thin, right thin, top thin, bottom thin")
    bordered_date = xlwt.easyxf("borders: left thin, right thin, top thin, bottom thin", num_format_str="dd/mm/yyyy")
    for sh in sheets:
        ws = wb.add_sheet(sh.name, cell_overwrite_ok=True)
        if sh.state != "visible":
            ws.visibility = 1
        cells = dict(sh.cells)
        for r1, c1, r2, c2 in sh.merges:
            v = cells.pop((r1, c1), "")
            st = date_style if isinstance(v, (dt.date, dt.datetime)) else (bordered if sh.in_border(r1, c1) else xlwt.Style.default_style)
            ws.write_merge(r1 - 1, r2 - 1, c1 - 1, c2 - 1, v, st)
        for (r, c), v in sorted(cells.items()):
            br = sh.in_border(r, c)
            if isinstance(v, F):
                raise ValueError("no formulas in xls corpus")
            if isinstance(v, (dt.date, dt.datetime)):
                ws.write(r - 1, c - 1, v, bordered_date if br else date_style)
            elif isinstance(v, (int, float)) and not isinstance(v, bool):
                if (r, c) in sh.numfmt:
                    st = xlwt.easyxf("borders: left thin, right thin, top thin, bottom thin" if br else "",
                                     num_format_str=sh.numfmt[(r, c)])
                else:
                    st = bordered if br else (num_style if abs(v) >= 1000 else xlwt.Style.default_style)
                ws.write(r - 1, c - 1, v, st)
            else:
                ws.write(r - 1, c - 1, str(v), bordered if br else (bold_style if (r, c) in sh.bold else xlwt.Style.default_style))
        for r1, c1, r2, c2 in sh.borders:
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    if (r, c) not in sh.cells and not any(m[0] <= r <= m[2] and m[1] <= c <= m[3] for m in sh.merges):
                        ws.write(r - 1, c - 1, "", bordered)
        for c, w in (sh.widths or DEFAULT_WIDTHS).items():
            ws.col(c - 1).width = int(w * 256)
    wb.save(str(path))


def write_ods(path: Path, sheets: list[Sheet]):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    for sh in sheets:
        t = Table(name=sh.name)
        if not sh.cells:
            doc.spreadsheet.addElement(t)
            continue
        maxr = max(r for r, _ in sh.cells)
        maxc = max(c for _, c in sh.cells)
        for m in sh.merges:
            maxr, maxc = max(maxr, m[2]), max(maxc, m[3])
        covered = set()
        spans = {}
        for r1, c1, r2, c2 in sh.merges:
            spans[(r1, c1)] = (r2 - r1 + 1, c2 - c1 + 1)
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    if (r, c) != (r1, c1):
                        covered.add((r, c))
        for r in range(1, maxr + 1):
            tr = TableRow()
            for c in range(1, maxc + 1):
                if (r, c) in covered:
                    tr.addElement(CoveredTableCell())
                    continue
                v = sh.cells.get((r, c))
                kw = {}
                if (r, c) in spans:
                    kw["numberrowsspanned"] = spans[(r, c)][0]
                    kw["numbercolumnsspanned"] = spans[(r, c)][1]
                if v is None:
                    tc = TableCell(**kw)
                elif isinstance(v, (dt.date, dt.datetime)):
                    tc = TableCell(valuetype="date", datevalue=v.strftime("%Y-%m-%d"), **kw)
                    tc.addElement(P(text=v.strftime("%d/%m/%Y")))
                elif isinstance(v, (int, float)) and not isinstance(v, bool):
                    tc = TableCell(valuetype="float", value=str(v), **kw)
                    tc.addElement(P(text=f"{v}"))
                else:
                    tc = TableCell(valuetype="string", **kw)
                    for _i, line in enumerate(str(v).split("\n")):
                        tc.addElement(P(text=line))
                tr.addElement(tc)
            t.addElement(tr)
        doc.spreadsheet.addElement(t)
    doc.save(str(path))


WRITERS = {"openpyxl": write_openpyxl, "xlsxwriter": write_xlsxwriter, "xlwt": write_xlwt, "odf": write_ods}


# ---------------------------------------------------------------- helpers

def mst(prefix: str, serial: int) -> str:
    """A Vietnamese tax code with a valid check digit (weights 31,29,23,19,17,13,7,5,3)."""
    w = [31, 29, 23, 19, 17, 13, 7, 5, 3]
    while True:
        nine = f"{prefix}{serial:0{9 - len(prefix)}d}"
        s = sum(int(d) * k for d, k in zip(nine, w, strict=False))
        check = 10 - s % 11
        if check < 10:
            return nine + str(check)
        serial += 1


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


# TCVN3 (ABC, .VnTime) lower-case and the few upper-case letters the font has.
_TCVN3 = {
    "Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦", "Đ": "§",
    "ă": "¨", "â": "©", "ê": "ª", "ô": "«", "ơ": "¬", "ư": "\xad", "đ": "®",
    "à": "µ", "ả": "¶", "ã": "·", "á": "¸", "ạ": "¹",
    "ằ": "»", "ẳ": "¼", "ẵ": "½", "ắ": "¾", "ặ": "Æ",
    "ầ": "Ç", "ẩ": "È", "ẫ": "É", "ấ": "Ê", "ậ": "Ë",
    "è": "Ì", "ẻ": "Î", "ẽ": "Ï", "é": "Ð", "ẹ": "Ñ",
    "ề": "Ò", "ể": "Ó", "ễ": "Ô", "ế": "Õ", "ệ": "Ö",
    "ì": "×", "ỉ": "Ø", "ĩ": "Ü", "í": "Ý", "ị": "Þ",
    "ò": "ß", "ỏ": "á", "õ": "â", "ó": "ã", "ọ": "ä",
    "ồ": "å", "ổ": "æ", "ỗ": "ç", "ố": "è", "ộ": "é",
    "ờ": "ê", "ở": "ë", "ỡ": "ì", "ớ": "í", "ợ": "î",
    "ù": "ï", "ủ": "ñ", "ũ": "ò", "ú": "ó", "ụ": "ô",
    "ừ": "õ", "ử": "ö", "ữ": "÷", "ứ": "ø", "ự": "ù",
    "ỳ": "ú", "ỷ": "û", "ỹ": "ü", "ý": "ý", "ỵ": "þ",
}


def tcvn3(s: str) -> str:
    s = unicodedata.normalize("NFC", s)
    out = []
    for ch in s:
        if ch in _TCVN3:
            out.append(_TCVN3[ch])
        elif ord(ch) < 128:
            out.append(ch)
        else:
            raise ValueError(f"no TCVN3 code for {ch!r} in {s!r}")
    return "".join(out)
