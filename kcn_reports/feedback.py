"""Feedback to enterprises: one small file per enterprise to send back after a check.

- a return that was rejected: each error with sheet, cell, the value typed and how to fix it,
  and the request to send the corrected file back (by the deadline when one is set);
- a return accepted with warnings: the values to check, no resend needed when they are right;
- an expected enterprise that has sent nothing: a reminder with the deadline.

The file is a Word letter or an .xlsx sheet (the office's choice in settings), in the Party's
administrative style, with the office's names from the settings. Which enterprise gets which
file, with the phone number its return or the Sổ theo dõi gave, is returned for the screen.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kcn_reports import vnformat
from kcn_reports.atomic import atomic_write, atomic_write_text
from kcn_reports.collection import (
    FORMS_FOLDER,
    enterprise_file_name,
    form_names,
    period_slug,
    short_name,
)
from kcn_reports.formdef import FIELDS_BY_KEY, FORM_CODE, Period
from kcn_reports.outcome import ACCEPTED, FORM, REJECTED
from kcn_reports.outputs import PREVIOUS, file_sha256
from kcn_reports.problems import ERROR, Problem
from kcn_reports.textnorm import strip_accents

if TYPE_CHECKING:
    from kcn_reports.outcome import CheckReport, FileOutcome
    from kcn_reports.settings import Settings

CORRECTION = "correction"  # a return was rejected: correct and send again
CHECK = "check"  # accepted, with warnings: check, resend only if wrong
REMINDER = "reminder"  # nothing sent yet

KIND_LABELS = {CORRECTION: "báo cáo bị loại, cần sửa và gửi lại",
               CHECK: "báo cáo đã nhận, có số liệu cần kiểm tra lại",
               REMINDER: "chưa gửi báo cáo"}

# Problems only the office can act on (its Sổ theo dõi, its own matching, the program): never
# sent to an enterprise.
OFFICE_CODES = frozenset({
    "unknown-enterprise", "matched-by-name", "enterprise-unidentified", "ledger-missing",
    "ledger-duplicate", "members-mismatch", "cell-but-no-party-org", "internal-error",
    "file-unreadable", "form-version-unknown",
})
MANIFEST = ".kcn-reports-feedback"  # what the last run wrote, so stale letters are removed
FEEDBACK_FOLDER_PREFIX = "phan-hoi"


@dataclass
class Notice:
    """One file to send to one enterprise."""

    kind: str
    tax_code: str | None
    name: str
    zone: str
    phone: str = ""
    phone_source: str = ""  # "báo cáo" / "Sổ theo dõi"
    returns: list[FileOutcome] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    form_file: str = ""  # the enterprise's pre-filled form in mau/, when one was made
    file_name: str = ""

    @property
    def errors(self) -> int:
        return sum(p.severity == ERROR for p in self.problems)


@dataclass
class FeedbackRun:
    folder: Path
    period: Period | None
    deadline: dt.date | None
    notices: list[Notice]
    written: list[Path]
    removed: list[str]
    kept: list[str] = field(default_factory=list)  # letters the office changed, moved aside


def _for_enterprise(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.code not in OFFICE_CODES]


def plan_feedback(report: CheckReport, settings: Settings,
                  workspace: Path | None = None) -> list[Notice]:
    """Who gets a file and what it says: enterprises whose return of the period still counts
    and has problems they can fix, then the expected enterprises that have sent nothing."""
    ledger_rows = report.ledger.enterprises if report.ledger is not None else {}
    coverage = report.completeness
    period = coverage.period if coverage is not None else report.period
    notices: dict[str, Notice] = {}
    for item in report.files:
        if not item.is_live or item.outcome not in (ACCEPTED, REJECTED):
            continue
        if item.kind not in (FORM, ""):
            continue  # the Sổ theo dõi, or a file that is no return at all
        if period is not None and item.period not in (period, None):
            continue  # an earlier period's return: that round is over
        problems = _for_enterprise(item.problems)
        if not problems:
            continue
        key = item.enterprise or f"file:{item.relpath}"
        notice = notices.get(key)
        if notice is None:
            row = ledger_rows.get(item.enterprise) if item.enterprise else None
            values = item.form.values if item.form else {}
            name = str((row.get("name") if row else None) or values.get("name") or "")
            zone = str((row.get("zone") if row else None) or values.get("zone") or "")
            notice = notices[key] = Notice(CHECK, item.enterprise, name, zone)
        notice.returns.append(item)
        notice.problems.extend(problems)
        if item.outcome == REJECTED:
            notice.kind = CORRECTION
    planned = sorted(notices.values(), key=lambda n: (n.kind != CORRECTION, n.zone, n.name))
    if coverage is not None:
        for zone_coverage in coverage.zones:
            for tax, name in zone_coverage.missing:
                planned.append(Notice(REMINDER, tax, name, zone_coverage.zone))
    with_phone: dict[str, list[FileOutcome]] = {}
    for item in report.files:
        if item.enterprise and item.form is not None and item.form.values.get("phone"):
            with_phone.setdefault(item.enterprise, []).append(item)
    used: set[str] = set()
    for notice in planned:
        _find_phone(notice, with_phone, ledger_rows)
        if workspace is not None and notice.tax_code and period is not None:
            form = (workspace / FORMS_FOLDER / period_slug(period)
                    / enterprise_file_name(notice.tax_code, notice.name))
            if form.is_file():
                notice.form_file = form.relative_to(workspace).as_posix()
        notice.file_name = _unique(_file_name(notice, settings), used)
    return planned


def _find_phone(notice: Notice, with_phone: dict[str, list[FileOutcome]],
                ledger_rows: dict[str, Any]) -> None:
    """The phone number of the enterprise's newest return (any period), else the Sổ theo dõi's."""
    if notice.tax_code:
        sent = with_phone.get(notice.tax_code, [])
    else:
        sent = [f for f in notice.returns if f.form is not None and f.form.values.get("phone")]
    if sent:
        newest = max(sent, key=lambda f: (f.form.values.get("prepared_on") or dt.date.min
                                          if f.form else dt.date.min, f.mtime))
        assert newest.form is not None
        notice.phone, notice.phone_source = str(newest.form.values["phone"]), "báo cáo"
        return
    row = ledger_rows.get(notice.tax_code) if notice.tax_code else None
    if row is not None and row.get("phone"):
        notice.phone, notice.phone_source = str(row.get("phone")), "Sổ theo dõi"


def _file_name(notice: Notice, settings: Settings) -> str:
    ext = settings.collection.feedback_format
    prefix = "Nhac-gui-bao-cao" if notice.kind == REMINDER else "Thong-bao"
    if notice.tax_code:
        return enterprise_file_name(notice.tax_code, notice.name, prefix)[:-len(".xlsx")] + f".{ext}"
    stem = Path(notice.returns[0].relpath).stem if notice.returns else "tep"
    return f"{prefix}_tep-{short_name(strip_accents(stem))}.{ext}"


def _unique(name: str, used: set[str]) -> str:
    stem, dot, ext = name.rpartition(".")
    candidate, n = name, 2
    while candidate.lower() in used:
        candidate, n = f"{stem}-{n}{dot}{ext}", n + 1
    used.add(candidate.lower())
    return candidate


def feedback_folder(out_root: Path, period: Period | None) -> Path:
    """outputs/phan-hoi-nam-2026 (one folder per period collected)."""
    suffix = period_slug(period) if period else "chua-ro-ky"
    return out_root / f"{FEEDBACK_FOLDER_PREFIX}-{suffix}"


def write_feedback(report: CheckReport, settings: Settings, out_root: Path, *,
                   workspace: Path | None = None, fmt: str | None = None,
                   today: dt.date | None = None) -> FeedbackRun:
    """Plan and write every notice into outputs/phan-hoi-<period>/, each file atomically;
    notices an earlier run wrote there that are no longer needed are removed (nothing else).
    A letter the office changed since (a number typed in, then sent) is never overwritten nor
    removed: it is moved into ban-truoc/ under a dated name first."""
    today = today or dt.date.today()
    fmt = fmt or settings.collection.feedback_format
    if fmt != settings.collection.feedback_format:
        from dataclasses import replace

        settings = replace(settings, collection=replace(settings.collection, feedback_format=fmt))
    coverage = report.completeness
    period = coverage.period if coverage is not None else report.period
    notices = plan_feedback(report, settings, workspace)
    folder = feedback_folder(out_root, period)
    folder.mkdir(parents=True, exist_ok=True)
    previous = _manifest(folder)
    kept: list[str] = []
    written: list[Path] = []
    for notice in notices:
        target = folder / notice.file_name
        if target.is_file() and previous.get(target.name) != file_sha256(target):
            kept.append(_set_aside(target, today))  # numbered or edited by the office: kept
        letter = _Letter(notice, settings, period, today)
        if fmt == "xlsx":
            atomic_write(target, letter.write_xlsx)
        else:
            atomic_write(target, letter.write_docx)
        written.append(target)
    keep = {p.name for p in written}
    removed = []
    for name in previous:
        path = folder / name
        if name in keep or not path.is_file():
            continue
        if previous[name] != file_sha256(path):
            kept.append(_set_aside(path, today))
        else:
            path.unlink()
            removed.append(name)
    atomic_write_text(folder / MANIFEST,
                      "".join(f"{p.name}\t{file_sha256(p)}\n" for p in written))
    return FeedbackRun(folder, period, settings.collection.deadline, notices, written, removed,
                       kept)


def _manifest(folder: Path) -> dict[str, str]:
    """The letters the last run wrote, each with the digest of what it wrote ("" when an older
    manifest kept names only: such a letter counts as changed, and is kept)."""
    manifest = folder / MANIFEST
    if not manifest.is_file():
        return {}
    found = {}
    for line in manifest.read_text(encoding="utf-8").splitlines():
        name, _, digest = line.strip().partition("\t")
        if name and "/" not in name and "\\" not in name:
            found[name] = digest
    return found


def _set_aside(path: Path, today: dt.date) -> str:
    """Move a letter the office changed (a number typed in, a line added) into ban-truoc/ under
    a dated name, never over another; the name it got, relative to the folder."""
    folder = path.parent / PREVIOUS
    folder.mkdir(exist_ok=True)
    stem = f"{path.stem} (bản trước {today:%Y-%m-%d})"
    name, n = f"{stem}{path.suffix}", 1
    while (folder / name).exists():
        n += 1
        name = f"{stem} ({n}){path.suffix}"
    os.replace(path, folder / name)
    return f"{PREVIOUS}/{name}"


# ---------------------------------------------------------------------------------------------
# The letter's words, shared by the Word and the Excel rendering
# ---------------------------------------------------------------------------------------------


def _field_name(key: str) -> str:
    fld = FIELDS_BY_KEY.get(key)
    if fld is None:
        return ""
    return f"{fld.label} (mã số {fld.code})" if fld.code else fld.label


class _Letter:
    """The content of one notice: heading, paragraphs, the table of problems."""

    def __init__(self, notice: Notice, settings: Settings, period: Period | None,
                 today: dt.date) -> None:
        self.notice = notice
        self.settings = settings
        self.period = period
        self.today = today

    @property
    def subject(self) -> str:
        """A reminder is an official letter (công văn): its subject is a "V/v" line under the
        number; a notice (thông báo) has a title and a subject line under it."""
        period = f", {self.period.label.lower()}" if self.period else ""
        if self.notice.kind == REMINDER:
            return f"V/v đề nghị gửi báo cáo {FORM_CODE}{period}"
        return f"Kết quả kiểm tra báo cáo {FORM_CODE}{period}"

    @property
    def number(self) -> str:
        """"Số      -CV/ĐU": the number is written by hand when the letter is registered."""
        kind = "CV" if self.notice.kind == REMINDER else "TB"
        return f"Số       -{kind}/{self.settings.abbreviation}"

    @property
    def addressee(self) -> str:
        notice = self.notice
        if notice.name and notice.tax_code:
            return f"{notice.name} (mã số thuế {notice.tax_code})"
        if notice.name:
            return notice.name
        return f"Doanh nghiệp gửi tệp \"{Path(notice.returns[0].relpath).name}\""

    def _deadline_sentence(self, verb: str) -> str:
        deadline = self.settings.collection.deadline
        if deadline is None:
            return f"{verb} trong thời gian sớm nhất"
        if deadline < self.today:
            return (f"{verb} trong thời gian sớm nhất (hạn gửi báo cáo là ngày "
                    f"{deadline:%d/%m/%Y} đã qua)")
        return f"{verb} trước ngày {deadline:%d/%m/%Y}"

    def paragraphs(self) -> list[str]:
        notice = self.notice
        _, recipient = form_names(self.settings)
        period = self.period.label.lower() if self.period else ""
        files = "; ".join(
            f"tệp \"{Path(f.relpath).name}\""
            + (f", ngày lập {f.form.values['prepared_on']:%d/%m/%Y}"
               if f.form is not None and f.form.values.get("prepared_on") else "")
            for f in notice.returns)
        if notice.kind == REMINDER:
            text = [f"Đến {vnformat.long_date(self.today)}, {recipient} chưa nhận được báo cáo "
                    f"{FORM_CODE} {period} của doanh nghiệp."]
            ask = "Đề nghị doanh nghiệp lập báo cáo theo mẫu"
            if notice.form_file:
                ask += (f" gửi kèm (tệp \"{Path(notice.form_file).name}\", đã ghi sẵn tên, mã "
                        "số thuế, khu công nghiệp của doanh nghiệp)")
            text.append(f"{ask} và {self._deadline_sentence(f'gửi về {recipient}')}.")
            return text
        if notice.kind == CORRECTION:
            return [
                f"Báo cáo {FORM_CODE} {period} của doanh nghiệp ({files}) đã được tiếp nhận. "
                f"Qua kiểm tra, báo cáo còn {notice.errors} lỗi nên chưa được tổng hợp.",
                "Đề nghị doanh nghiệp sửa các nội dung nêu trong bảng dưới đây ngay trên tệp đã "
                f"gửi, ghi lại Ngày lập là ngày sửa, và {self._deadline_sentence('gửi lại')}. "
                "Bản gửi sau sẽ thay thế bản trước.",
            ]
        return [
            f"Báo cáo {FORM_CODE} {period} của doanh nghiệp ({files}) đã được tiếp nhận và "
            "tổng hợp. Tuy nhiên, một số nội dung dưới đây cần doanh nghiệp kiểm tra lại.",
            "Nếu số liệu đã đúng, doanh nghiệp không cần gửi lại; nếu có sai sót, đề nghị sửa "
            f"và {self._deadline_sentence('gửi lại')}.",
        ]

    def closing(self) -> list[str]:
        lines = []
        if self.settings.collection.contact:
            lines.append(f"Mọi vướng mắc, đề nghị liên hệ: {self.settings.collection.contact}.")
        lines.append("Đề nghị doanh nghiệp quan tâm, phối hợp thực hiện./.")
        return lines

    TABLE_HEADERS = ("TT", "Mức độ", "Sheet", "Ô", "Nội dung", "Giá trị đã ghi", "Vấn đề",
                     "Cách sửa")
    TABLE_WIDTHS_MM = (10, 15, 17, 14, 26, 18, 34, 31)  # 165 mm: A4 less the Party margins

    def rows(self) -> list[tuple[str, ...]]:
        """One row per problem, errors first; the file named when there are several."""
        several = len(self.notice.returns) > 1
        ordered = sorted(self.notice.problems, key=lambda p: p.severity != ERROR)
        rows: list[tuple[str, ...]] = []
        for number, found in enumerate(ordered, 1):
            sheet = found.sheet
            if several and found.file:
                sheet = f"{Path(found.file).name}: {sheet}" if sheet else Path(found.file).name
            rows.append((str(number), "Lỗi" if found.severity == ERROR else "Cần kiểm tra",
                         sheet, found.cell, _field_name(found.field), found.value,
                         found.message, found.hint))
        return rows

    # -- Word ---------------------------------------------------------------------------------
    def write_docx(self, target: str) -> None:
        from docx import Document
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Mm, Pt

        doc = Document()
        section = doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        section.left_margin, section.right_margin = Mm(30), Mm(15)
        normal = doc.styles["Normal"]
        normal.font.name = _FONT
        normal.font.size = Pt(14)
        _east_asia_font(normal.element)
        center = WD_ALIGN_PARAGRAPH.CENTER
        settings = self.settings

        head = _table(doc, (87, 82))
        head.alignment = WD_TABLE_ALIGNMENT.CENTER
        left, right = head.rows[0].cells
        left_lines: list[tuple[str, dict[str, Any]]] = [
            (settings.superior_body.upper(), {}), (settings.issuing_body.upper(), {"bold": True}),
            ("*", {}), (self.number, {})]
        if self.notice.kind == REMINDER:
            left_lines.append((self.subject, {"italic": True, "size": 12}))
        _cell_lines(left, left_lines, center)
        _cell_lines(right, [("ĐẢNG CỘNG SẢN VIỆT NAM", {"bold": True, "underline": True}),
                            (vnformat.date_line(settings.place, self.today),
                             {"italic": True, "size": 13})], center)

        if self.notice.kind != REMINDER:
            _para(doc, "THÔNG BÁO", center, bold=True, size=16, before=12)
            _para(doc, self.subject, center, bold=True, size=14, after=0)
            _para(doc, "-----", center, after=6)
        _para(doc, f"Kính gửi: {self.addressee}", center, before=12, after=10)
        for text in self.paragraphs():
            _para(doc, text, WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True)
        rows = self.rows()
        if rows:
            table = _table(doc, self.TABLE_WIDTHS_MM, grid=True)
            for cell, text in zip(table.rows[0].cells, self.TABLE_HEADERS, strict=True):
                _cell_lines(cell, [(text, {"bold": True, "size": 11})], center)
            for values in rows:
                cells = _add_row(table, self.TABLE_WIDTHS_MM)
                for cell, text in zip(cells, values, strict=True):
                    _cell_lines(cell, [(text, {"size": 11})], None)
        for text in self.closing():
            _para(doc, text, WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True, before=6)
        foot = _table(doc, (75, 90))
        left, right = foot.rows[0].cells
        _cell_lines(left, [("Nơi nhận:", {"bold": True, "italic": True, "size": 12}),
                           ("- Như trên;", {"size": 11}), ("- Lưu VP.", {"size": 11})], None)
        # Room under the issuing body for the signature and the seal.
        _cell_lines(right, [(settings.issuing_body.upper(), {"bold": True}), ("", {}), ("", {}),
                            ("", {})], center)
        doc.core_properties.title = f"{self.subject} — {self.addressee}"
        doc.core_properties.author = settings.issuing_body
        doc.save(target)

    # -- Excel --------------------------------------------------------------------------------
    def write_xlsx(self, target: str) -> None:
        import xlsxwriter

        book = xlsxwriter.Workbook(target, {"strings_to_formulas": False,
                                            "strings_to_urls": False})
        try:
            ws = book.add_worksheet("Thông báo")
            base = {"font_name": _FONT, "font_size": 12, "valign": "top", "text_wrap": True}

            def fmt(**props: Any) -> Any:
                return book.add_format({**base, **props})

            widths = (6, 12, 16, 8, 30, 18, 40, 36)
            for col, width in enumerate(widths):
                ws.set_column(col, col, width)
            last = len(widths) - 1
            settings = self.settings
            row = 0
            lines = [
                (settings.issuing_body.upper(), fmt(bold=True, align="center")),
                (vnformat.date_line(settings.place, self.today), fmt(italic=True, align="right")),
                ("THÔNG BÁO" if self.notice.kind != REMINDER else "ĐỀ NGHỊ GỬI BÁO CÁO",
                 fmt(bold=True, font_size=14, align="center")),
                (self.subject, fmt(bold=self.notice.kind != REMINDER,
                                   italic=self.notice.kind == REMINDER, align="center")),
                (f"Kính gửi: {self.addressee}", fmt(align="center")),
            ]
            lines += [(text, fmt()) for text in self.paragraphs()]
            for text, style in lines:
                ws.merge_range(row, 0, row, last, text, style)
                ws.set_row(row, 16 * max(1, len(text) // 150 + 1))
                row += 1
            rows = self.rows()
            if rows:
                row += 1
                header = fmt(bold=True, align="center", border=1, bg_color="#D9D9D9")
                cell = fmt(border=1)
                for col, text in enumerate(self.TABLE_HEADERS):
                    ws.write_string(row, col, text, header)
                row += 1
                for values in rows:
                    for col, text in enumerate(values):
                        ws.write_string(row, col, text, cell)
                    row += 1
                row += 1
            for text in self.closing():
                ws.merge_range(row, 0, row, last, text, fmt())
                row += 1
            ws.set_landscape()
            ws.set_paper(9)
            ws.fit_to_pages(1, 0)
            book.set_properties({"title": f"{self.subject} — {self.addressee}",
                                 "author": settings.issuing_body})
        finally:
            book.close()


_FONT = "Times New Roman"


def _east_asia_font(element: Any) -> None:
    """Word takes Vietnamese letters from the East Asian font slot in some setups."""
    from docx.oxml.ns import qn

    rpr = element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), _FONT)


def _para(doc: Any, text: str, align: Any, *, bold: bool = False, italic: bool = False,
          size: float = 14, before: float = 0, after: float = 4, indent: bool = False) -> Any:
    from docx.shared import Mm, Pt

    paragraph = doc.add_paragraph()
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if indent:
        fmt.first_line_indent = Mm(10)
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    run.font.size = Pt(size)
    return paragraph


def _table(doc: Any, widths_mm: tuple[float, ...], grid: bool = False) -> Any:
    """A one-row table whose column widths hold in Word and LibreOffice alike (both the grid
    and every cell carry them)."""
    from docx.shared import Mm

    table = doc.add_table(rows=1, cols=len(widths_mm))
    if grid:
        table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for cell, width in zip(table.rows[0].cells, widths_mm, strict=True):
        cell.width = Mm(width)
    return table


def _add_row(table: Any, widths_mm: tuple[float, ...]) -> Any:
    from docx.shared import Mm

    cells = table.add_row().cells
    for cell, width in zip(cells, widths_mm, strict=True):
        cell.width = Mm(width)
    return cells


def _cell_lines(cell: Any, lines: list[tuple[str, dict[str, Any]]], align: Any) -> None:
    from docx.shared import Pt

    first = True
    for text, style in lines:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        if align is not None:
            paragraph.alignment = align
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(text)
        run.bold = style.get("bold", False)
        run.italic = style.get("italic", False)
        run.underline = style.get("underline", False)
        run.font.size = Pt(style.get("size", 13))
