"""What checking the inputs produces: one outcome per file, the completeness of the period and
the report that holds them all. Plain data, shared by the check pipeline, the worker records,
the cache and every output.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kcn_reports.formdef import Period
from kcn_reports.ledger import Ledger
from kcn_reports.problems import ERROR, Problem, has_errors

FORM = "form"
LEDGER = "ledger"  # the office's Sổ theo dõi
OTHER = "other"


@dataclass
class FormReturn:
    """What one enterprise return says, with where each value came from."""

    relpath: str
    sheet: str = ""
    values: dict[str, Any] = field(default_factory=dict)
    cells: dict[str, str] = field(default_factory=dict)  # field key -> A1 (Sheet!A1 elsewhere)
    problems: list[Problem] = field(default_factory=list)
    form_version: str | None = None

    def where(self, key: str) -> tuple[str, str]:
        """(sheet, A1 cell) a field was read from: the table's sheet, or the one named in its
        cell ("'Thông tin chung'!C4") when the identity stood on another sheet."""
        cell = self.cells.get(key, "")
        if "!" not in cell:
            return self.sheet, cell
        sheet, _, a1 = cell.rpartition("!")
        if sheet.startswith("'") and sheet.endswith("'"):
            sheet = sheet[1:-1].replace("''", "'")
        return sheet, a1


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
    ledger: Ledger | None = None
    # The enterprise a return belongs to, across files: its tax code, or the one its name
    # matched when the tax code could not be read (set by the checks across files).
    enterprise: str | None = None

    @property
    def is_live(self) -> bool:
        """Whether the file still counts: a superseded file's problems need no correction."""
        return self.outcome != SUPERSEDED

    @property
    def tax_code(self) -> str | None:
        return self.form.values.get("tax_code") if self.form else None

    @property
    def period(self) -> Period | None:
        return self.form.values.get("period") if self.form else None

    def reject_if_errors(self) -> None:
        if self.outcome == ACCEPTED and has_errors(self.problems):
            self.outcome = REJECTED
            n = sum(p.severity == ERROR for p in self.problems)
            self.reason = f"Có {n} lỗi cần sửa."

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
            "values": {key: value if type(value) in _JSON_NATIVE else json_value(value)
                       for key, value in values.items()},
            "problems": [p.to_dict() for p in self.problems],
        }


@dataclass(frozen=True)
class RejectedReturn:
    """An expected enterprise whose return for the period arrived but was rejected."""

    tax_code: str
    name: str
    file: str  # relpath of the return that decides (the newest)
    errors: int


@dataclass(frozen=True)
class ZoneCompleteness:
    zone: str
    expected: int
    received: int  # enterprises with an accepted return
    missing: tuple[tuple[str, str], ...]  # (tax code, name) of enterprises that sent nothing
    rejected: tuple[RejectedReturn, ...] = ()  # sent, but rejected: waiting for a correction

    @property
    def rate(self) -> float | None:
        return self.received / self.expected if self.expected else None


@dataclass(frozen=True)
class Completeness:
    """Reporting rate per zone, after DHIS2's reporting-rate report."""

    period: Period
    zones: tuple[ZoneCompleteness, ...]

    @property
    def expected(self) -> int:
        return sum(z.expected for z in self.zones)

    @property
    def received(self) -> int:
        return sum(z.received for z in self.zones)

    @property
    def rejected(self) -> int:
        """Enterprises whose return was rejected and not yet corrected."""
        return sum(len(z.rejected) for z in self.zones)

    @property
    def missing(self) -> int:
        """Enterprises that have sent nothing for the period."""
        return sum(len(z.missing) for z in self.zones)

    @property
    def rate(self) -> float | None:
        return self.received / self.expected if self.expected else None

    def summary(self) -> str:
        """"5/8 doanh nghiệp đã gửi báo cáo hợp lệ (62,5%); 2 doanh nghiệp nữa đã gửi nhưng
        báo cáo bị loại, đang chờ bản sửa; 1 doanh nghiệp chưa gửi." — the rate counts accepted
        returns only."""
        from kcn_reports import vnformat

        text = (f"{self.received}/{self.expected} doanh nghiệp đã gửi báo cáo hợp lệ"
                f" ({vnformat.percent(self.rate)})")
        if self.rejected:
            text += (f"; {self.rejected} doanh nghiệp nữa đã gửi nhưng báo cáo bị loại, "
                     "đang chờ bản sửa")
        if self.missing:
            text += f"; {self.missing} doanh nghiệp chưa gửi"
        return text + "."

    def to_dict(self) -> dict[str, Any]:
        return {
            "period": self.period.key,
            "expected": self.expected,
            "received": self.received,
            "rejected_count": self.rejected,
            "missing_count": self.missing,
            "rate": self.rate,
            "zones": [{"zone": z.zone, "expected": z.expected, "received": z.received,
                       "rate": z.rate,
                       "missing": [{"tax_code": t, "name": n} for t, n in z.missing],
                       "rejected": [{"tax_code": r.tax_code, "name": r.name, "file": r.file,
                                     "errors": r.errors} for r in z.rejected]}
                      for z in self.zones],
        }


@dataclass
class CheckReport:
    inputs: Path
    files: list[FileOutcome]
    period: Period | None = None
    ledger: Ledger | None = None
    completeness: Completeness | None = None
    general: list[Problem] = field(default_factory=list)  # problems of no single file

    @property
    def problems(self) -> list[Problem]:
        return [*self.general, *(p for f in self.files for p in f.problems)]

    @property
    def live_problems(self) -> list[Problem]:
        """The problems still to act on: a superseded file's are settled by its newer version."""
        return [*self.general, *(p for f in self.files if f.is_live for p in f.problems)]

    @property
    def has_errors(self) -> bool:
        return has_errors(self.live_problems)

    def accepted_forms(self, period: Period | None = None) -> list[FormReturn]:
        return [f.form for f in self.files
                if f.outcome == ACCEPTED and f.kind == FORM and f.form is not None
                and (period is None or f.period == period)]

    def counts(self) -> Counter[str]:
        return Counter(f.outcome for f in self.files)

    def to_dict(self) -> dict[str, Any]:
        counts = self.counts()
        problems = self.live_problems
        return {
            "inputs": str(self.inputs),
            "period": self.period.key if self.period else None,
            "summary": {
                "files": len(self.files),
                **{name: counts.get(name, 0) for name in (ACCEPTED, REJECTED, SUPERSEDED, SKIPPED)},
                "errors": sum(p.severity == ERROR for p in problems),
                "warnings": sum(p.severity != ERROR for p in problems),
            },
            "completeness": self.completeness.to_dict() if self.completeness else None,
            "general_problems": [p.to_dict() for p in self.general],
            "files": [f.to_dict() for f in self.files],
        }

    def to_json(self) -> str:
        """`to_dict` as JSON text, one file per line: readable and greppable, and written by
        json's C encoder (an indented dump goes through its pure-Python one, about four times
        slower: a quarter of `check --json` on 2,000 returns)."""
        data = self.to_dict()
        files = data.pop("files")
        head = json.dumps(data, ensure_ascii=False, indent=2)
        lines = ",\n".join("    " + json.dumps(f, ensure_ascii=False) for f in files)
        return head[:-2] + (f',\n  "files": [\n{lines}\n  ]\n}}' if files else ',\n  "files": []\n}')


_JSON_NATIVE = frozenset({str, int, float, bool, type(None)})


def json_value(value: Any) -> Any:
    if isinstance(value, Period):
        return value.key
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
