"""The Word report: default docxtpl templates, the chart, and rendering.

The templates are ordinary .docx files with Jinja tags (docxtpl), generated here once and then
edited by the office in Word. They follow the Party document format (Hướng dẫn 36-HD/VPTW): A4,
margins 20/20/30/15 mm, Times New Roman, the two-column header block, "BÁO CÁO" title, page
numbers from page 2, "Nơi nhận" and signature blocks.

Every tag sits inside one run, so Word edits around a tag do not split it. Numbers, dates and
"tăng/giảm" wording come from the named filters in `vnformat.FILTERS`. Rendering autoescapes
every value: a company called "A&B <Việt Nam>" or text containing "{{ }}" comes out literally.

Context the templates read (built by the aggregation stage; also written as figures.json):

- ``org``: ``superior_body``, ``issuing_body``, ``abbreviation`` ("ĐU"), ``place`` (for the date
  line), ``party_org_name`` ("Đảng bộ Các Khu công nghiệp tỉnh"), ``signatory`` {``on_behalf``
  ("T/M BAN THƯỜNG VỤ"), ``title`` ("BÍ THƯ"), ``name``}, ``recipients`` (list of str, the whole
  "Nơi nhận" list including the archive line such as "Lưu VP"; line-end punctuation is added).
- ``report``: ``kind`` ("two-year" | "annual"), ``start``, ``end``, ``date`` (datetime.date),
  ``number`` (str, may be empty), ``year`` (int), ``years_text`` ("02"), ``period_label``.
- ``party``: ``cells_start``, ``cells_end``, ``members_start``, ``members_end``,
  ``cells_in_fdi``, ``members_in_fdi``, ``domestic_owner_members``, ``admitted``,
  ``transferred_in``, ``mobilised_transfer``.
- ``outreach``: ``enterprises_approached``, ``enterprises_approached_fdi``, ``team_text``
  (free text from the settings, e.g. "gồm 7 đồng chí"; may be empty).
- ``training``: ``classes``, ``attendees``, ``attendees_fdi``.
- ``unions``: ``founded``, ``total``, ``members``.
- ``youth``: ``organisations``, ``members``.
- ``labour``: ``employees``, ``female``, ``foreign``.
- ``enterprises``: ``expected``, ``reported``, ``fdi``, ``domestic``, ``rate`` (0..1).
- ``by_zone``: list of {``zone``, ``enterprises``, ``employees``, ``party_members``,
  ``union_members``}; ``by_zone_total``: the same keys (``zone`` may be absent).
- ``movements``: list of {``cell``, ``a``, ``admitted``, ``transferred_in``, ``other_in``,
  ``died``, ``transferred_out``, ``other_out``, ``d``} (Biểu 1-BTCTW: A đầu kỳ, B tăng,
  C giảm, D cuối kỳ); ``movements_total``: the same keys.
- ``targets``: list of {``name``, ``target``, ``achieved``, ``percent`` (0..1 or None)}.
- ``next_targets``: {``year``, ``items`` (list of str)} — read in templates as
  ``next_targets["items"]``, because ``next_targets.items`` is the dict method in Jinja.
- ``manual``: {``assessment``, ``solutions``}: the office's own text; empty strings leave a
  highlighted placeholder in the report. Line breaks in it start new paragraphs.

``chart`` is added by `render_report` (an InlineImage of `make_chart`).
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from kcn_reports.atomic import atomic_write

FONT = "Times New Roman"
TWO_YEAR_TEMPLATE = "bao_cao_hai_nam.docx"
ANNUAL_TEMPLATE = "bao_cao_nam.docx"
TEMPLATE_FILES = {"two-year": TWO_YEAR_TEMPLATE, "annual": ANNUAL_TEMPLATE}

# Variables `render_report` supplies itself, so callers need not put them in the context.
RENDER_SUPPLIED = frozenset({"chart"})

BODY_SIZE = 14
TABLE_SIZE = 12
FIRST_LINE_INDENT = Mm(12.7)
LINE_SPACING = 1.2
CHART_WIDTH = Mm(160)  # text width is 210 - 30 - 15 = 165 mm

PLACEHOLDER_ASSESSMENT = (
    "[Văn phòng Đảng ủy viết phần đánh giá chung: ưu điểm, hạn chế và nguyên nhân; "
    "xóa dòng này trước khi gửi.]"
)
PLACEHOLDER_SOLUTIONS = (
    "[Văn phòng Đảng ủy viết phần phương hướng, giải pháp thực hiện mục tiêu; "
    "xóa dòng này trước khi gửi.]"
)
PLACEHOLDER_TARGETS = (
    "[Văn phòng Đảng ủy bổ sung mục tiêu năm sau vào sheet Chỉ tiêu của Sổ theo dõi.]"
)

# XML 1.0 forbids these; Excel cells occasionally carry them. \t and \n are kept (docxtpl turns
# them into a tab and a line break).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BLANK_LINES = re.compile(r"\s*\n\s*")


class ReportTemplateError(Exception):
    """A template that cannot be rendered (broken Jinja tag, unknown variable or filter)."""


# ---------------------------------------------------------------------------------------------
# Low-level formatting helpers (python-docx)
# ---------------------------------------------------------------------------------------------


# Elements that must follow a given child in its parent (WordprocessingML sequence order), so
# Word does not call the file corrupt.
_TBLPR_ORDER = (
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
)
_RPR_AFTER_SZCS = (
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
)


def _set_table_property(tbl_pr: Any, element: Any) -> None:
    """Put `element` into w:tblPr in schema order, replacing one of the same kind."""
    tag = element.tag
    for old in tbl_pr.findall(tag):
        tbl_pr.remove(old)
    name = "w:" + tag.split("}")[1]
    successors = _TBLPR_ORDER[_TBLPR_ORDER.index(name) + 1 :]
    tbl_pr.insert_element_before(element, *successors)


def _set_fonts(rpr_parent: Any) -> None:
    """Times New Roman for every script slot, and no theme font that would override it."""
    if hasattr(rpr_parent, "get_or_add_rPr"):
        rpr = rpr_parent.get_or_add_rPr()
    else:  # w:rPrDefault has no python-docx class
        rpr = rpr_parent.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            rpr_parent.append(rpr)
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), FONT)


def _set_size_cs(run: Any, size: float) -> None:
    """Also set the complex-script size so Word shows the same size everywhere."""
    rpr = run._element.get_or_add_rPr()
    szcs = rpr.find(qn("w:szCs"))
    if szcs is None:
        szcs = OxmlElement("w:szCs")
        rpr.insert_element_before(szcs, *_RPR_AFTER_SZCS)
    szcs.set(qn("w:val"), str(int(size * 2)))


def _run(
    paragraph: Any,
    text: str,
    *,
    size: float = BODY_SIZE,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    highlight: bool = False,
) -> Any:
    run = paragraph.add_run(text)
    _set_fonts(run._element)
    run.font.size = Pt(size)
    _set_size_cs(run, size)
    run.font.bold = bold
    run.font.italic = italic
    if underline:
        run.font.underline = True
    if highlight:
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    return run


def _format_paragraph(
    paragraph: Any,
    *,
    align: Any = WD_ALIGN_PARAGRAPH.JUSTIFY,
    indent: bool = True,
    before: float = 0,
    after: float = 6,
    spacing: float = LINE_SPACING,
    keep_with_next: bool = False,
) -> None:
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = FIRST_LINE_INDENT if indent else Mm(0)
    fmt.left_indent = Mm(0)
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = spacing
    fmt.widow_control = True
    if keep_with_next:
        fmt.keep_with_next = True


def _paragraph(container: Any, *runs: str | tuple[str, dict[str, Any]], **fmt: Any) -> Any:
    """Add a paragraph; each item of `runs` is one run (a Jinja tag never spans two runs)."""
    size = fmt.pop("size", BODY_SIZE)
    style: dict[str, Any] = {
        k: fmt.pop(k) for k in ("bold", "italic", "underline", "highlight") if k in fmt
    }
    paragraph = container.add_paragraph()
    _format_paragraph(paragraph, **fmt)
    for item in runs:
        text, own = (item, {}) if isinstance(item, str) else item
        options: dict[str, Any] = {"size": size, **style, **own}
        _run(paragraph, text, **options)
    return paragraph


def _body(doc: Any, *runs: str | tuple[str, dict[str, Any]], **fmt: Any) -> Any:
    return _paragraph(doc, *runs, **fmt)


def _heading(doc: Any, text: str, *, before: float = 6) -> Any:
    return _paragraph(doc, text, bold=True, before=before, keep_with_next=True)


def _control(doc: Any, tag: str) -> Any:
    """A paragraph holding only a docxtpl `{%p ... %}` tag; docxtpl removes it when rendering."""
    return _paragraph(doc, tag, after=0, indent=False)


def _table_borders(table: Any, value: str) -> None:
    borders = OxmlElement("w:tblBorders")
    _set_table_property(table._tbl.tblPr, borders)
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        borders.append(element)
        element.set(qn("w:val"), value)
        if value != "nil":
            element.set(qn("w:sz"), "4")
            element.set(qn("w:space"), "0")
            element.set(qn("w:color"), "000000")


def _fixed_table(doc: Any, rows: int, widths_mm: list[float], *, borders: bool) -> Any:
    table = doc.add_table(rows=rows, cols=len(widths_mm))
    table.autofit = False  # a fixed layout: Word keeps the widths below
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _table_borders(table, "single" if borders else "nil")
    # Narrow side padding (Word's default is 1.9 mm) so column headers do not break mid-word.
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(round(Mm(0.75).twips)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    _set_table_property(table._tbl.tblPr, margins)
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for index, width in enumerate(widths_mm):
        table.columns[index].width = Mm(width)
        for cell in table.columns[index].cells:
            cell.width = Mm(width)
    return table


def _cell_text(
    cell: Any,
    text: str,
    *,
    size: float = TABLE_SIZE,
    align: Any = WD_ALIGN_PARAGRAPH.LEFT,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    first: bool = True,
    after: float = 0,
) -> Any:
    """Write `text` into the cell's first (or a new) paragraph as a single run."""
    paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    _format_paragraph(paragraph, align=align, indent=False, after=after, spacing=1.0)
    _run(paragraph, text, size=size, bold=bold, italic=italic, underline=underline)
    return paragraph


def _data_table(
    doc: Any,
    headers: list[str],
    widths_mm: list[float],
    loop: str,
    cells: list[str],
    total: list[str] | None,
    empty_text: str | None = None,
) -> Any:
    """A bordered table: header row, a `{%tr for %}` data row, and an optional bold total row."""
    rows = 1 + 3 + (2 if empty_text else 0) + (1 if total else 0)
    table = _fixed_table(doc, rows, widths_mm, borders=True)
    center = WD_ALIGN_PARAGRAPH.CENTER
    for index, header in enumerate(headers):
        cell = table.rows[0].cells[index]
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        _cell_text(cell, header, bold=True, align=center)
    _mark_header_row(table.rows[0])
    _cell_text(table.rows[1].cells[0], "{%tr for " + loop + " %}")
    _fill_row(table.rows[2], cells)
    row = 3
    if empty_text:
        _cell_text(table.rows[row].cells[0], "{%tr else %}")
        _cell_text(table.rows[row + 1].cells[0], empty_text, italic=True)
        row += 2
    _cell_text(table.rows[row].cells[0], "{%tr endfor %}")
    if total:
        _fill_row(table.rows[row + 1], total, bold=True)
    return table


def _fill_row(row: Any, texts: list[str], *, bold: bool = False) -> None:
    for index, text in enumerate(texts):
        align = WD_ALIGN_PARAGRAPH.LEFT if index == 0 else WD_ALIGN_PARAGRAPH.RIGHT
        row.cells[index].vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        _cell_text(row.cells[index], text, align=align, bold=bold)


def _mark_header_row(row: Any) -> None:
    """Repeat the header row on every page the table spans."""
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    tr_pr.append(header)


def _table_title(doc: Any, title: str, unit: str | None = None) -> None:
    _paragraph(
        doc,
        title,
        bold=True,
        size=13,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        indent=False,
        before=6,
        after=0 if unit else 3,
        keep_with_next=True,
    )
    if unit:
        _paragraph(
            doc,
            unit,
            italic=True,
            size=12,
            align=WD_ALIGN_PARAGRAPH.RIGHT,
            indent=False,
            after=2,
            keep_with_next=True,
        )


def _after_table(doc: Any) -> None:
    _paragraph(doc, "", after=0, size=8, indent=False)


def _page_number_field(paragraph: Any, size: float) -> None:
    def add(tag: str, **attrs: str) -> Any:
        run = _run(paragraph, "", size=size)
        element = OxmlElement(tag)
        for key, value in attrs.items():
            element.set(qn(key), value)
        run._element.append(element)
        return element

    add("w:fldChar", **{"w:fldCharType": "begin"})
    instr = add("w:instrText", **{"xml:space": "preserve"})
    instr.text = " PAGE "
    add("w:fldChar", **{"w:fldCharType": "separate"})
    _run(paragraph, "2", size=size)
    add("w:fldChar", **{"w:fldCharType": "end"})


# ---------------------------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------------------------


def _setup_document(doc: Any) -> None:
    """Page, fonts and language defaults: A4, 36-HD/VPTW margins, Times New Roman 14."""
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)

    styles = doc.styles.element
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    _set_fonts(rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")
    lang.set(qn("w:bidi"), "ar-SA")
    for style in doc.styles:
        element = style.element
        if element.find(qn("w:rPr")) is not None and element.rPr.find(qn("w:rFonts")) is not None:
            _set_fonts(element)
    normal = doc.styles["Normal"]
    _set_fonts(normal.element)
    normal.font.size = Pt(BODY_SIZE)

    # Page numbers centred in the header from page 2; the first page has its own empty header.
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    _format_paragraph(
        paragraph, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=0, spacing=1.0
    )
    _page_number_field(paragraph, BODY_SIZE)
    first = section.first_page_header
    first.is_linked_to_previous = False
    _format_paragraph(first.paragraphs[0], indent=False, after=0, spacing=1.0)


def _header_block(doc: Any) -> None:
    """The 36-HD/VPTW heading: issuing bodies and number left, Party name and date line right."""
    # 169 mm, 2 mm into each margin: the Party's long upper-case names then fit on one line.
    table = _fixed_table(doc, 2, [87, 82], borders=False)
    center = WD_ALIGN_PARAGRAPH.CENTER
    left, right = table.rows[0].cells
    _cell_text(left, "{{ org.superior_body | upper }}", size=14, align=center)
    _cell_text(
        left, "{{ org.issuing_body | upper }}", size=14, bold=True, align=center, first=False
    )
    _cell_text(left, "*", size=14, align=center, first=False)
    _cell_text(right, "ĐẢNG CỘNG SẢN VIỆT NAM", size=15, bold=True, underline=True, align=center)
    left, right = table.rows[1].cells
    _cell_text(
        left, "Số {{ report.number or '      ' }}-BC/{{ org.abbreviation }}", size=14, align=center
    )
    _cell_text(
        right, "{{ org.place | vn_date_line(report.date) }}", size=14, italic=True, align=center
    )


def _title(doc: Any, *subject_lines: str) -> None:
    """'BÁO CÁO' and the subject, one line break between the subject's lines."""
    center = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(
        doc,
        "BÁO CÁO",
        size=16,
        bold=True,
        align=center,
        indent=False,
        before=18,
        after=0,
        spacing=1.0,
    )
    subject = _paragraph(
        doc, subject_lines[0], bold=True, align=center, indent=False, after=0, spacing=1.0
    )
    for line in subject_lines[1:]:
        subject.runs[-1].add_break()
        _run(subject, line, bold=True)
    _paragraph(doc, "-----", align=center, indent=False, after=6, spacing=1.0)


def _signature_block(doc: Any) -> None:
    """'Nơi nhận' on the left, 'T/M BAN THƯỜNG VỤ / BÍ THƯ / name' on the right."""
    _paragraph(doc, "", after=0, indent=False, keep_with_next=True)
    table = _fixed_table(doc, 1, [75, 90], borders=False)
    left, right = table.rows[0].cells
    _cell_text(left, "Nơi nhận:", size=12, bold=True, italic=True)
    _cell_text(left, "{%p for r in org.recipients %}", size=11, first=False)
    _cell_text(left, "- {{ r.rstrip(',.;') }}{{ '.' if loop.last else ',' }}", size=11, first=False)
    _cell_text(left, "{%p endfor %}", size=11, first=False)
    center = WD_ALIGN_PARAGRAPH.CENTER
    _cell_text(right, "{{ org.signatory.on_behalf }}", size=14, bold=True, align=center)
    _cell_text(right, "{{ org.signatory.title }}", size=14, bold=True, align=center, first=False)
    for _ in range(4):
        _cell_text(right, "", size=14, align=center, first=False)
    _cell_text(right, "{{ org.signatory.name }}", size=14, bold=True, align=center, first=False)


def _manual_section(doc: Any, variable: str, placeholder: str) -> None:
    """The office's own text if given, else a yellow placeholder nobody can overlook."""
    _control(doc, "{%p if " + variable + " %}")
    _body(doc, "{{ " + variable + " }}")
    _control(doc, "{%p else %}")
    _body(doc, (placeholder, {"highlight": True, "italic": True}))
    _control(doc, "{%p endif %}")


def _movement_table(doc: Any) -> None:
    """Member movements in the Biểu 1-BTCTW layout: A đầu kỳ, B tăng, C giảm, D cuối kỳ."""
    widths = [57] + [13.5] * 8
    table = _fixed_table(doc, 6, widths, borders=True)
    center = WD_ALIGN_PARAGRAPH.CENTER
    top, sub = table.rows[0], table.rows[1]
    for index, text in ((0, "Chi bộ"), (1, "A. Đầu kỳ"), (8, "D. Cuối kỳ")):
        merged = top.cells[index].merge(sub.cells[index])
        merged.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        _cell_text(merged, text, bold=True, align=center, size=11)
    increase = top.cells[2].merge(top.cells[4])
    _cell_text(increase, "B. Tăng", bold=True, align=center, size=11)
    decrease = top.cells[5].merge(top.cells[7])
    _cell_text(decrease, "C. Giảm", bold=True, align=center, size=11)
    for index, text in enumerate(
        ["Kết nạp", "Chuyển đến", "Khác", "Từ trần", "Chuyển đi", "Khác"], start=2
    ):
        sub.cells[index].vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        _cell_text(sub.cells[index], text, bold=True, align=center, size=10)
    _mark_header_row(top)
    _mark_header_row(sub)
    keys = [
        "a",
        "admitted",
        "transferred_in",
        "other_in",
        "died",
        "transferred_out",
        "other_out",
        "d",
    ]
    _cell_text(table.rows[2].cells[0], "{%tr for m in movements %}")
    _fill_row(table.rows[3], ["{{ m.cell }}"] + ["{{ m." + k + " | vn_number }}" for k in keys])
    _cell_text(table.rows[4].cells[0], "{%tr endfor %}")
    _fill_row(
        table.rows[5],
        ["Tổng cộng"] + ["{{ movements_total." + k + " | vn_number }}" for k in keys],
        bold=True,
    )


def _zone_table(doc: Any) -> None:
    keys = ["enterprises", "employees", "party_members", "union_members"]
    _data_table(
        doc,
        ["Khu công nghiệp", "Số DN báo cáo", "Lao động", "Đảng viên", "Đoàn viên công đoàn"],
        [62, 24, 26, 23, 30],
        "z in by_zone",
        ["{{ z.zone }}"] + ["{{ z." + k + " | vn_number }}" for k in keys],
        ["Tổng cộng"] + ["{{ by_zone_total." + k + " | vn_number }}" for k in keys],
    )


def _targets_table(doc: Any) -> None:
    _data_table(
        doc,
        ["Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)"],
        [85, 26, 26, 28],
        "t in targets",
        [
            "{{ t.name }}",
            "{{ t.target | vn_number }}",
            "{{ t.achieved | vn_number }}",
            "{{ (t.percent * 100) | round(1) | vn_number if t.percent is not none else '–' }}",
        ],
        None,
        empty_text="(Chưa có chỉ tiêu năm trong Sổ theo dõi)",
    )


def _build_template(kind: str) -> Any:
    doc = Document()
    _setup_document(doc)
    # python-docx's blank document starts with no paragraph; the header block comes first.
    _header_block(doc)
    two_year = kind == "two-year"
    if two_year:
        _title(
            doc,
            "Kết quả {{ report.years_text }} năm phát triển tổ chức đảng, đảng viên",
            "tại {{ org.party_org_name }}",
        )
    else:
        _title(
            doc,
            "Kết quả công tác phát triển tổ chức đảng, đảng viên năm {{ report.year }},",
            "mục tiêu năm {{ next_targets.year }}",
        )

    _body(
        doc,
        "Bám sát sự chỉ đạo của cấp ủy cấp trên về phát triển tổ chức đảng, đảng viên "
        "trong các doanh nghiệp khu công nghiệp, Ban Thường vụ Đảng ủy đã tập trung lãnh "
        "đạo, chỉ đạo thực hiện có hiệu quả công tác phát triển tổ chức đảng, đảng viên; "
        "thành lập Tổ tuyên truyền vận động phát triển tổ chức đảng và đảng viên"
        "{{ ' ' + outreach.team_text if outreach.team_text else '' }}. "
        "Ban Thường vụ Đảng ủy báo cáo kết quả như sau:",
    )

    _heading(doc, "I. KẾT QUẢ ĐẠT ĐƯỢC")
    _heading(doc, "1. Phát triển tổ chức đảng, đảng viên", before=0)
    # "tăng 5 chi bộ và 115 đảng viên": the second "tăng" is dropped when both move the same way.
    change = [
        "{% set dc = party.cells_end - party.cells_start %}"
        "{% set dm = party.members_end - party.members_start %}",
        "{{ dc | vn_change('chi bộ') if dc else 'số chi bộ không đổi' }}",
        "{% if dc * dm > 0 %} và {{ dm | abs | vn_number }} đảng viên"
        "{% elif dm %}, {{ dm | vn_change('đảng viên') }}"
        "{% else %}, số đảng viên không đổi{% endif %}",
    ]
    if two_year:
        _body(
            doc,
            "Sau hơn {{ report.years_text }} năm hoạt động, từ một Đảng bộ có "
            "{{ party.cells_start }} chi bộ, {{ party.members_start | vn_number }} đảng viên, "
            "đến nay {{ org.party_org_name }} đã có {{ party.cells_end }} chi bộ trực thuộc "
            "với {{ party.members_end | vn_number }} đảng viên (",
            *change,
            " so với thời điểm {{ report.start | vn_month_year }}).",
        )
    else:
        _body(
            doc,
            "Đến {{ report.end | vn_long_date }}, {{ org.party_org_name }} có "
            "{{ party.cells_end }} chi bộ trực thuộc với {{ party.members_end | vn_number }} "
            "đảng viên (",
            *change,
            " so với {{ report.start | vn_long_date }}).",
        )
    _body(
        doc,
        "Trong đó có {{ party.cells_in_fdi | vn_padded }} chi bộ thuộc doanh nghiệp có vốn đầu "
        "tư nước ngoài (FDI) và {{ party.members_in_fdi | vn_number }} đảng viên đang làm việc "
        "tại doanh nghiệp FDI; có {{ party.domestic_owner_members | vn_number }} đảng viên là "
        "chủ doanh nghiệp trong nước. Trong kỳ đã kết nạp {{ party.admitted | vn_number }} "
        "đảng viên mới, tiếp nhận {{ party.transferred_in | vn_number }} đảng viên chuyển "
        "đến. Biến động đảng viên của từng chi bộ tại Bảng 1.",
    )
    _table_title(doc, "Bảng 1. Biến động đảng viên (theo Biểu 1-BTCTW)", "Đơn vị tính: đảng viên")
    _movement_table(doc)
    _after_table(doc)
    _paragraph(
        doc,
        "{{ chart }}",
        align=WD_ALIGN_PARAGRAPH.CENTER,
        indent=False,
        after=0,
        spacing=1.0,
        keep_with_next=True,
    )
    _paragraph(
        doc,
        "Biểu đồ 1. Chi bộ, đảng viên tại thời điểm {{ report.start | vn_short_date }}"
        " và {{ report.end | vn_short_date }}; đảng viên theo khu công nghiệp",
        italic=True,
        size=12,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        indent=False,
        after=6,
    )

    _heading(doc, "2. Tuyên truyền, vận động phát triển tổ chức đảng, đảng viên", before=0)
    _body(
        doc,
        "Tổ tuyên truyền vận động phát triển tổ chức đảng và đảng viên đã tích cực tiếp cận "
        "và vận động ở {{ outreach.enterprises_approached | vn_number }} doanh nghiệp, trong "
        "đó có {{ outreach.enterprises_approached_fdi | vn_number }} doanh nghiệp có vốn đầu "
        "tư nước ngoài (FDI). Tuyên truyền vận động {{ party.mobilised_transfer | vn_number }} "
        "đảng viên làm việc trong các doanh nghiệp khu công nghiệp, đang sinh hoạt đảng tại "
        "địa phương, về sinh hoạt đảng tại các chi bộ trực thuộc, nhằm tạo sự tập trung đảng "
        "viên trong cùng đơn vị sản xuất và làm nòng cốt trong việc tuyên truyền vận động phát "
        "triển đảng viên mới.",
    )

    _heading(doc, "3. Bồi dưỡng nhận thức về Đảng cho quần chúng ưu tú", before=0)
    _control(doc, "{%p if training.classes %}")
    _body(
        doc,
        "Tổ chức {{ training.classes | vn_padded }} lớp bồi dưỡng nhận thức về Đảng cho "
        "{{ training.attendees | vn_over }} quần chúng ưu tú, trong đó có "
        "{{ training.attendees_fdi | vn_number }} quần chúng làm việc trong các doanh nghiệp "
        "FDI.",
    )
    _control(doc, "{%p else %}")
    _body(doc, "Trong kỳ chưa tổ chức lớp bồi dưỡng nhận thức về Đảng cho quần chúng ưu tú.")
    _control(doc, "{%p endif %}")

    _heading(doc, "4. Công đoàn, Đoàn Thanh niên trong doanh nghiệp", before=0)
    _body(
        doc,
        "Phối hợp chỉ đạo thành lập mới {{ unions.founded | vn_number }} tổ chức Công đoàn cơ "
        "sở; đến nay các doanh nghiệp khu công nghiệp có {{ unions.total | vn_number }} tổ "
        "chức Công đoàn cơ sở với ",
        "{{ 'trên ' if unions.members >= 1000 and unions.members % 1000 else '' }}"
        "{{ unions.members | vn_thousands }}",
        " đoàn viên công đoàn. Tổ chức Đoàn Thanh niên Cộng sản Hồ Chí Minh có ở "
        "{{ youth.organisations | vn_number }} doanh nghiệp với "
        "{{ youth.members | vn_number }} đoàn viên thanh niên.",
    )

    _heading(doc, "5. Lao động và việc gửi báo cáo của doanh nghiệp", before=0)
    _body(
        doc,
        "Theo báo cáo của các doanh nghiệp, tổng số lao động đang làm việc là "
        "{{ labour.employees | vn_number }} người, trong đó "
        "{{ labour.female | vn_number }} lao động nữ và {{ labour.foreign | vn_number }} lao "
        "động nước ngoài. Có {{ enterprises.reported }}/{{ enterprises.expected }} doanh "
        "nghiệp đã gửi báo cáo ({{ enterprises.rate | vn_percent }}), gồm "
        "{{ enterprises.fdi | vn_number }} doanh nghiệp FDI và "
        "{{ enterprises.domestic | vn_number }} doanh nghiệp trong nước. Số liệu theo từng "
        "khu công nghiệp tại Bảng 2.",
    )
    _table_title(doc, "Bảng 2. Kết quả theo khu công nghiệp ({{ report.period_label }})")
    _zone_table(doc)
    _after_table(doc)

    if not two_year:
        _heading(doc, "6. Kết quả thực hiện chỉ tiêu năm {{ report.year }}", before=0)
        _table_title(doc, "Bảng 3. Chỉ tiêu năm {{ report.year }} và kết quả thực hiện")
        _targets_table(doc)
        _after_table(doc)

    _heading(doc, "II. ĐÁNH GIÁ CHUNG")
    _manual_section(doc, "manual.assessment", PLACEHOLDER_ASSESSMENT)

    _heading(doc, "III. PHƯƠNG HƯỚNG, GIẢI PHÁP")
    _heading(doc, "1. Mục tiêu năm {{ next_targets.year }}", before=0)
    _control(doc, '{%p for item in next_targets["items"] %}')
    _body(doc, "- {{ item }}{{ '.' if loop.last else ';' }}")
    _control(doc, "{%p else %}")
    _body(doc, (PLACEHOLDER_TARGETS, {"highlight": True, "italic": True}))
    _control(doc, "{%p endfor %}")
    _heading(doc, "2. Giải pháp", before=0)
    _manual_section(doc, "manual.solutions", PLACEHOLDER_SOLUTIONS)

    if two_year:
        _body(
            doc,
            "Trên đây là báo cáo kết quả {{ report.years_text }} năm phát triển tổ chức "
            "đảng, đảng viên tại {{ org.party_org_name }}./.",
            keep_with_next=True,
        )
    else:
        _body(
            doc,
            "Trên đây là báo cáo kết quả công tác phát triển tổ chức đảng, đảng viên năm "
            "{{ report.year }} của {{ org.party_org_name }}./.",
            keep_with_next=True,
        )
    _signature_block(doc)
    return doc


def write_default_templates(folder: Path) -> list[Path]:
    """Write the two default report templates into `folder`; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, name in TEMPLATE_FILES.items():
        path = folder / name
        atomic_write(path, _build_template(kind).save)
        written.append(path)
    return written


# ---------------------------------------------------------------------------------------------
# Chart
# ---------------------------------------------------------------------------------------------


def _chart_fonts() -> list[str]:
    """The preferred chart fonts that are installed (matplotlib ships DejaVu). Asking for a
    missing one makes matplotlib print an English "findfont" warning per glyph."""
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    return [name for name in ("Liberation Serif", "Times New Roman", "DejaVu Serif", "DejaVu Sans")
            if name in installed] or ["DejaVu Sans"]


def make_chart(context: Mapping[str, Any]) -> bytes:
    """PNG: party cells and members at the start and end dates, and members by zone (bars)."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from kcn_reports.vnformat import FILTERS

    vn_number = FILTERS["vn_number"]
    vn_short_date = FILTERS["vn_short_date"]
    report, party = context["report"], context["party"]
    zones = [z for z in context.get("by_zone") or [] if z.get("zone")]
    labels = [vn_short_date(report["start"]), vn_short_date(report["end"])]
    colours = ["#9e9e9e", "#c00000"]

    with matplotlib.rc_context(
        {
            "font.family": _chart_fonts(),
            "font.size": 9,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    ):
        height = 2.5 + (0.5 + 0.32 * len(zones) if zones else 0)
        figure = Figure(figsize=(16 / 2.54, height), dpi=150, layout="constrained")
        FigureCanvasAgg(figure)
        grid = figure.add_gridspec(
            2 if zones else 1, 2, height_ratios=[2.5, 0.5 + 0.32 * len(zones)] if zones else None
        )
        panels = [
            (
                figure.add_subplot(grid[0, 0]),
                "Số chi bộ",
                [party["cells_start"], party["cells_end"]],
            ),
            (
                figure.add_subplot(grid[0, 1]),
                "Số đảng viên",
                [party["members_start"], party["members_end"]],
            ),
        ]
        for axes, title, values in panels:
            bars = axes.bar(labels, values, color=colours, width=0.55)
            axes.bar_label(bars, labels=[vn_number(v) for v in values], padding=2)
            axes.set_title(title, fontweight="bold")
            axes.set_ylim(0, max(max(values), 1) * 1.2)
            axes.yaxis.set_major_formatter(lambda v, _pos: vn_number(int(v)))
        if zones:
            axes = figure.add_subplot(grid[1, :])
            names = [str(z["zone"]) for z in zones][::-1]
            values = [z.get("party_members") or 0 for z in zones][::-1]
            bars = axes.barh(names, values, color="#c00000", height=0.6)
            axes.bar_label(bars, labels=[vn_number(v) for v in values], padding=2)
            axes.set_title("Đảng viên theo khu công nghiệp (cuối kỳ)", fontweight="bold")
            axes.set_xlim(0, max(max(values), 1) * 1.15)
            axes.xaxis.set_major_formatter(lambda v, _pos: vn_number(int(v)))
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=150)
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------------


def _jinja_env() -> Any:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    from kcn_reports.vnformat import FILTERS

    # StrictUndefined: a misspelt tag in an edited template is an error naming it, not a blank
    # silently sent to leadership. Sandboxed: a template edited by someone else cannot reach
    # Python internals ({{ ''.__class__.__mro__ }} and the like).
    env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    env.filters.update(FILTERS)
    return env


def _clean(value: Any) -> Any:
    """A copy of the context with characters XML cannot hold removed from every string."""
    if isinstance(value, str):
        return _XML_INVALID.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    if isinstance(value, Mapping):
        return {key: _clean(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(item) for item in value]
    return value


def _as_paragraphs(text: str) -> str:
    """Office text with line breaks -> docxtpl's paragraph separator (\\a), blank lines dropped."""
    return "\a".join(part for part in _BLANK_LINES.split(text.strip()) if part)


def render_report(
    template: Path, context: Mapping[str, Any], out_path: Path, chart_png: bytes | None = None
) -> None:
    """Fill `template` with `context` and write the .docx atomically to `out_path`.

    Values are autoescaped. Without `chart_png` the chart is drawn by `make_chart(context)`.
    Raises ReportTemplateError when the template itself is broken.
    """
    from docxtpl import DocxTemplate, InlineImage
    from jinja2 import TemplateError

    data = _clean(dict(context))
    manual = dict(data.get("manual") or {})
    for key in ("assessment", "solutions"):
        manual[key] = _as_paragraphs(manual.get(key) or "")
    data["manual"] = manual

    document = DocxTemplate(str(template))
    png = chart_png if chart_png is not None else make_chart(data)
    data["chart"] = InlineImage(document, io.BytesIO(png), width=CHART_WIDTH)
    try:
        document.render(data, jinja_env=_jinja_env(), autoescape=True)
    except TemplateError as exc:
        raise ReportTemplateError(
            f"Mẫu báo cáo {template.name} có lỗi: {exc.message or exc}"
        ) from exc
    atomic_write(out_path, document.save)


def template_variables(template: Path) -> set[str]:
    """Top-level context keys the template reads (those `render_report` adds are left out)."""
    from docxtpl import DocxTemplate

    found = DocxTemplate(str(template)).get_undeclared_template_variables(_jinja_env())
    return set(found) - RENDER_SUPPLIED
