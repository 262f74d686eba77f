"""Plain-text renderings of results for the console."""

from __future__ import annotations

from collections import Counter

from kcn_reports.check import (
    ACCEPTED,
    KIND_LABELS,
    OUTCOME_LABELS,
    REJECTED,
    SKIPPED,
    SUPERSEDED,
    CheckReport,
)
from kcn_reports.problems import ERROR

SEVERITY_LABELS = {ERROR: "LỖI", "warning": "Cảnh báo"}


def render_check(report: CheckReport) -> str:
    """Summary first (outcomes, problems by code), then each file with its problems."""
    counts = report.counts()
    problems = report.problems
    errors = sum(p.severity == ERROR for p in problems)
    lines = [
        f"Thư mục đầu vào: {report.inputs}",
        f"Tổng số tệp: {len(report.files)} — nhận {counts.get(ACCEPTED, 0)}, "
        f"loại {counts.get(REJECTED, 0)}, bị thay thế {counts.get(SUPERSEDED, 0)}, "
        f"bỏ qua {counts.get(SKIPPED, 0)}.",
        f"Lỗi: {errors}; cảnh báo: {len(problems) - errors}.",
    ]
    by_code = Counter((p.severity, p.code) for p in problems)
    if by_code:
        lines.append("")
        lines.append("Vấn đề theo loại:")
        for (severity, code), n in sorted(by_code.items(), key=lambda kv: (kv[0][0] != ERROR, -kv[1])):
            lines.append(f"  {SEVERITY_LABELS.get(severity, severity):<9} {code:<24} {n}")
    lines.append("")
    lines.append("Từng tệp:")
    width = max((len(OUTCOME_LABELS[f.outcome]) for f in report.files), default=4)
    for item in report.files:
        kind = KIND_LABELS.get(item.kind, item.kind)
        head = f"  [{OUTCOME_LABELS[item.outcome]:<{width}}] {item.relpath} ({kind})"
        if item.tax_code:
            head += f" — MST {item.tax_code}"
        if item.period:
            head += f", {item.period.label}"
        lines.append(head)
        if item.reason:
            lines.append(f"      {item.reason}")
        for p in item.problems:
            where = "!".join(part for part in (p.sheet, p.cell) if part)
            where = f"{where}: " if where else ""
            lines.append(f"      - {SEVERITY_LABELS.get(p.severity, p.severity)} {where}{p.message}")
            if p.hint:
                lines.append(f"        → {p.hint}")
    return "\n".join(lines)
