"""The check pipeline: discover → read → parse, one outcome per file under the inputs folder.

Every file appears exactly once, as accepted / rejected / superseded / skipped, with a reason
for the last three. One bad file never stops the others.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kcn_reports.discover import InputFile, discover
from kcn_reports.formdef import Period
from kcn_reports.parse import FORM, LEDGER, OTHER, FormReturn, classify, read_form
from kcn_reports.problems import ERROR, Problem, has_errors, problem
from kcn_reports.settings import Settings
from kcn_reports.workbook import read_workbook
from kcn_reports.workers import CRASHED, run_isolated

ACCEPTED = "accepted"
REJECTED = "rejected"
SUPERSEDED = "superseded"
SKIPPED = "skipped"

OUTCOME_LABELS = {ACCEPTED: "Nhận", REJECTED: "Loại", SUPERSEDED: "Bị thay thế", SKIPPED: "Bỏ qua"}
KIND_LABELS = {FORM: "Báo cáo DN", LEDGER: "Sổ theo dõi", OTHER: "Không phải báo cáo",
               "": "Không đọc được", "skipped": "—"}


@dataclass
class FileOutcome:
    relpath: str
    kind: str  # FORM / LEDGER / OTHER, "skipped" before reading, "" when unreadable
    outcome: str
    reason: str = ""
    problems: list[Problem] = field(default_factory=list)
    form: FormReturn | None = None
    mtime: float = 0.0

    @property
    def tax_code(self) -> str | None:
        return self.form.values.get("tax_code") if self.form else None

    @property
    def period(self) -> Period | None:
        return self.form.values.get("period") if self.form else None

    def to_dict(self) -> dict[str, Any]:
        values = self.form.values if self.form else {}
        return {
            "path": self.relpath,
            "kind": self.kind,
            "outcome": self.outcome,
            "reason": self.reason or None,
            "tax_code": self.tax_code,
            "period": self.period.key if self.period else None,
            "sheet": self.form.sheet if self.form else None,
            "values": {key: json_value(value) for key, value in values.items()},
            "problems": [p.to_dict() for p in self.problems],
        }


@dataclass
class CheckReport:
    inputs: Path
    files: list[FileOutcome]

    @property
    def problems(self) -> list[Problem]:
        return [p for f in self.files for p in f.problems]

    @property
    def has_errors(self) -> bool:
        return has_errors(self.problems)

    def accepted_forms(self) -> list[FormReturn]:
        return [f.form for f in self.files
                if f.outcome == ACCEPTED and f.kind == FORM and f.form is not None]

    def counts(self) -> Counter[str]:
        return Counter(f.outcome for f in self.files)

    def to_dict(self) -> dict[str, Any]:
        counts = self.counts()
        problems = self.problems
        return {
            "inputs": str(self.inputs),
            "summary": {
                "files": len(self.files),
                **{name: counts.get(name, 0) for name in (ACCEPTED, REJECTED, SUPERSEDED, SKIPPED)},
                "errors": sum(p.severity == ERROR for p in problems),
                "warnings": sum(p.severity != ERROR for p in problems),
            },
            "files": [f.to_dict() for f in self.files],
        }


def json_value(value: Any) -> Any:
    if isinstance(value, Period):
        return value.key
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def process_file(item: InputFile, settings: Settings) -> FileOutcome:
    """Read and parse one file; never raises for anything the file contains."""
    try:
        data = item.path.read_bytes()
    except OSError as exc:
        detail = "tệp đang bị khóa hoặc không có quyền đọc" if isinstance(exc, PermissionError) else str(exc)
        prob = problem("file-unreadable", file=item.relpath, detail=detail)
        return FileOutcome(item.relpath, "", REJECTED, prob.message, [prob], mtime=item.mtime)
    limits = settings.limits
    book = read_workbook(data, item.relpath, path=str(item.path),
                         max_uncompressed_mb=limits.max_uncompressed_mb,
                         max_rows=limits.max_rows, max_cols=limits.max_cols)
    if has_errors(book.problems):
        first = next(p for p in book.problems if p.severity == ERROR)
        return FileOutcome(item.relpath, "", REJECTED, first.message, book.problems,
                           mtime=item.mtime)
    kind = classify(book)
    if kind == LEDGER:
        return FileOutcome(item.relpath, LEDGER, ACCEPTED, "", book.problems, mtime=item.mtime)
    if kind == OTHER:
        prob = problem("not-a-report", file=item.relpath)
        return FileOutcome(item.relpath, OTHER, SKIPPED, prob.message, [*book.problems, prob],
                           mtime=item.mtime)
    form = read_form(book, settings.zones)
    problems = [*book.problems, *form.problems]
    if has_errors(problems):
        n = sum(p.severity == ERROR for p in problems)
        return FileOutcome(item.relpath, FORM, REJECTED, f"Có {n} lỗi cần sửa.", problems, form,
                           item.mtime)
    return FileOutcome(item.relpath, FORM, ACCEPTED, "", problems, form, item.mtime)


def check_inputs(inputs: Path, settings: Settings,
                 progress: Callable[[int, int], None] | None = None,
                 jobs: int | None = None) -> CheckReport:
    """Outcome of every file under `inputs`, read in worker processes."""
    found, skipped = discover(inputs)
    outcomes = [FileOutcome(s.relpath, "skipped", SKIPPED, s.reason) for s in skipped]
    work = functools.partial(process_file, settings=settings)
    for done, (_index, outcome) in enumerate(run_isolated(work, found, _crashed, jobs), 1):
        outcomes.append(outcome)
        if progress:
            progress(done, len(found))
    _mark_superseded(outcomes)
    outcomes.sort(key=lambda f: f.relpath)
    return CheckReport(inputs, outcomes)


def _crashed(item: InputFile, detail: str) -> FileOutcome:
    if detail == CRASHED:
        prob = problem("file-crashed", file=item.relpath)
    else:
        prob = problem("internal-error", file=item.relpath, detail=detail)
    return FileOutcome(item.relpath, "", REJECTED, prob.message, [prob], mtime=item.mtime)


def _mark_superseded(outcomes: list[FileOutcome]) -> None:
    """Several accepted returns for one tax code and period: the latest is used."""
    groups: dict[tuple[str, str], list[FileOutcome]] = defaultdict(list)
    for outcome in outcomes:
        if outcome.outcome == ACCEPTED and outcome.tax_code and outcome.period:
            groups[(outcome.tax_code, outcome.period.key)].append(outcome)
    for group in groups.values():
        if len(group) < 2:
            continue
        group.sort(key=_recency, reverse=True)
        latest = group[0]
        for older in group[1:]:
            older.outcome = SUPERSEDED
            older.reason = f"Đã có báo cáo mới hơn cùng kỳ: {latest.relpath}."


def _recency(outcome: FileOutcome) -> tuple[dt.date, float, str]:
    prepared = outcome.form.values.get("prepared_on") if outcome.form else None
    return (prepared or dt.date.min, outcome.mtime, outcome.relpath)
