"""Stage 6: everything a report run produces, written atomically into outputs/<report>/."""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kcn_reports.atomic import atomic_write, atomic_write_text
from kcn_reports.check import check_inputs
from kcn_reports.context import ReportContext, to_json
from kcn_reports.figures import ReportPeriod, build_context, report_for_period, report_period
from kcn_reports.outcome import CheckReport
from kcn_reports.outputs import OutputSet
from kcn_reports.problems import ERROR, Problem
from kcn_reports.settings import Settings

if TYPE_CHECKING:
    from kcn_reports.cache import ResultCache

OFFICIAL_TEMPLATE = "bieu_tong_hop.xlsx"


@dataclass
class GenerateResult:
    period: ReportPeriod
    report: CheckReport
    context: ReportContext
    folder: Path
    outputs: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # for the closing summary, in Vietnamese
    backups: list[Path] = field(default_factory=list)  # dated copies of the previous files


def ensure_templates(folder: Path) -> list[Path]:
    """Copy the default templates (package resources) that are missing; never overwrite the
    office's edits."""
    from kcn_reports.word_report import TEMPLATE_FILES, resource

    folder.mkdir(parents=True, exist_ok=True)
    created: list[Path] = []
    for name in (*TEMPLATE_FILES.values(), OFFICIAL_TEMPLATE):
        target = folder / name
        if not target.exists():
            atomic_write(target, functools.partial(shutil.copyfile, resource(name)))
            created.append(target)
    return created


# Sheets of the Sổ theo dõi the party figures come from: without them the report would give
# the settings' baseline as today's figures.
PARTY_SHEETS = ("cells", "movements")


def _place(found: Problem) -> str:
    """", sheet Chi bộ, ô F2" (what of it is known)."""
    return (f", sheet {found.sheet}" if found.sheet else "") + (
        f", ô {found.cell}" if found.cell else "")


def party_sheets_unreadable(report: CheckReport) -> list[Problem]:
    """The ledger's problems that leave its cells or movements sheet, or a count in them,
    unread (a formula saved without its result is not a count)."""
    if report.ledger is None:
        return []
    return [p for p in report.ledger.problems
            if (p.severity == ERROR and p.field in PARTY_SHEETS
                and p.code in ("ledger-sheet-missing", "ledger-column-missing"))
            or (p.code == "ledger-formula-no-value"
                and p.field.split(".")[0] in PARTY_SHEETS)]


def generate(settings: Settings, kind: str, inputs: Path, out_root: Path, templates: Path, *,
             year: int | None = None, as_of: dt.date | None = None, pdf: bool = False,
             today: dt.date | None = None,
             progress: Callable[[int, int], None] | None = None,
             cache: ResultCache | None = None, jobs: int | None = None,
             now: dt.datetime | None = None) -> GenerateResult:
    """Check the inputs, choose the period, compute the figures and write the Word report, the
    Excel summary, the official table, figures.json and (optionally) PDF, as one set (all or
    nothing), after checking that they agree (`invariants`).

    Raises ValueError (Vietnamese) when there is no honest report to make, TemplateProblem for a
    broken template, InvariantError when the outputs would contradict each other, SetLocked
    when an output is open in Word/Excel (nothing is replaced in the last three cases)."""
    from kcn_reports.excel_summary import write_problem_list, write_summary
    from kcn_reports.invariants import InvariantError, check_context, check_outputs
    from kcn_reports.template_check import fill_or_explain, render_or_explain
    from kcn_reports.word_report import TEMPLATE_FILES

    today = today or dt.date.today()
    report = check_inputs(inputs, settings, progress=progress, today=today, cache=cache,
                          jobs=jobs)
    unreadable = party_sheets_unreadable(report)
    if unreadable:
        raise ValueError(
            "Không lập báo cáo: Sổ theo dõi có chỗ không đọc được, nên số chi bộ, đảng viên sẽ "
            "sai:\n"
            + "\n".join(f"  - {p.file}{_place(p)}: {p.message}" for p in unreadable)
            + "\nSửa Sổ theo dõi rồi chạy lại (kiểm tra bằng lệnh: kcn-reports check).")
    period = report_period(kind, settings, report, year=year, as_of=as_of, today=today)
    report = report_for_period(report, settings, period)
    context = build_context(report, settings, period)
    failures = check_context(context, report, settings)
    if failures:
        raise InvariantError(failures)
    folder = out_root / period.slug
    result = GenerateResult(period, report, context, folder, notes=list(period.notes))
    created = ensure_templates(templates)
    if created:
        result.notes.append("Đã tạo mẫu mặc định: " + ", ".join(p.name for p in created))

    # Every file goes into a fresh folder that replaces the previous set only when all are
    # written and agree (outputs.py); the clerk's writing in the previous report is carried over.
    with OutputSet(folder, now=now) as out:
        word = out.path(f"{period.slug}.docx")
        render_or_explain(templates / TEMPLATE_FILES[kind], context, word)
        word = out.keep_clerk_text(word)

        figures = out.path("figures.json")
        atomic_write_text(figures, json.dumps(to_json(context), ensure_ascii=False, indent=2))
        summary = out.path("Tong-hop.xlsx")
        summary_cells = write_summary(summary, context, report)
        write_problem_list(out.path("Kiem-tra-du-lieu.xlsx"), report)
        official = out.path("Bieu-tong-hop.xlsx")
        warnings, official_cells = fill_or_explain(templates / OFFICIAL_TEMPLATE, context,
                                                   official)
        result.notes.extend(warnings)
        failures = check_outputs(figures, [(summary, summary_cells), (official, official_cells)])
        if failures:
            raise InvariantError(failures)

        if pdf:
            made = to_pdf(word)
            if made:
                out.path(made.name)
            else:
                result.notes.append(PDF_HELP)
        result.outputs = out.commit()
        result.notes.extend(out.messages)
        result.backups = out.backups
    return result


PDF_HELP = ("Không tạo được PDF: chưa cài LibreOffice. Cài từ https://www.libreoffice.org "
            "(miễn phí) rồi chạy lại với --pdf; hoặc mở tệp .docx bằng Word và chọn Lưu dưới "
            "dạng PDF.")


def find_soffice() -> str | None:
    """LibreOffice's command, on PATH or where the Windows and macOS installers put it."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    candidates: list[Path] = []
    if sys.platform == "win32":
        for base in (os.environ.get("PROGRAMFILES", r"C:\Program Files"),
                     os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)")):
            candidates.append(Path(base) / "LibreOffice" / "program" / "soffice.exe")
    elif sys.platform == "darwin":
        candidates.append(Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"))
    return next((str(c) for c in candidates if c.exists()), None)


def to_pdf(docx: Path) -> Path | None:
    """Convert with LibreOffice into a temp folder, then move the PDF atomically beside."""
    soffice = find_soffice()
    if not soffice:
        return None
    target = docx.with_suffix(".pdf")
    with tempfile.TemporaryDirectory() as scratch:
        profile = Path(scratch) / "profile"
        command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                   "--convert-to", "pdf", "--outdir", scratch, str(docx)]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=180)
        except (subprocess.SubprocessError, OSError):
            return None
        made = Path(scratch) / f"{docx.stem}.pdf"
        if not made.exists():
            return None
        atomic_write(target, lambda temp: shutil.copyfile(made, temp))
    return target
