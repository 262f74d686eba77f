"""Plain-text renderings of results for the console."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from kcn_reports import vnformat
from kcn_reports.outcome import (
    ACCEPTED,
    KIND_LABELS,
    OUTCOME_LABELS,
    REJECTED,
    SKIPPED,
    SUPERSEDED,
    CheckReport,
)
from kcn_reports.problems import ERROR

if TYPE_CHECKING:
    from kcn_reports.export import ExportStats
    from kcn_reports.generate import GenerateResult
    from kcn_reports.template_check import TemplateIssue, TemplateProblem

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
    lines.extend(render_completeness(report))
    for p in report.general:
        lines.append(f"{SEVERITY_LABELS.get(p.severity, p.severity)}: {p.message}")
    lines.append("")
    shown = [f for f in report.files if f.outcome != ACCEPTED or f.problems]
    quiet = len(report.files) - len(shown)
    lines.append("Các tệp cần xem (bị loại, bị thay thế, bỏ qua, hoặc có cảnh báo):" if shown
                 else "Không có tệp nào cần xem.")
    width = max((len(OUTCOME_LABELS[f.outcome]) for f in shown), default=4)
    for item in shown:
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
    if quiet:
        lines.append(f"{quiet} tệp khác được nhận, không có vấn đề (danh sách đủ: --json hoặc --excel).")
    return "\n".join(lines)


def render_completeness(report: CheckReport) -> list[str]:
    """Reporting rate by zone, with who is missing."""
    coverage = report.completeness
    if coverage is None:
        return []
    lines = ["", f"Tình hình nộp báo cáo ({coverage.period.label}): "
                 f"{coverage.received}/{coverage.expected} doanh nghiệp đã gửi báo cáo"
                 f" ({vnformat.percent(coverage.rate)})."]
    width = max((len(z.zone) for z in coverage.zones), default=10)
    for zone in coverage.zones:
        lines.append(f"  {zone.zone:<{width}}  {zone.received:>4}/{zone.expected:<4} "
                     f"{vnformat.percent(zone.rate):>7}")
        for tax, name in zone.missing:
            lines.append(f"      chưa nộp: {tax} {name}")
    return lines


def render_generate(result: GenerateResult) -> str:
    """Closing summary of a generate run."""
    report = result.report
    counts = report.counts()
    context = result.context
    enterprises = context.enterprises
    lines = [
        f"Tệp đầu vào: {len(report.files)} — nhận {counts.get(ACCEPTED, 0)}, "
        f"loại {counts.get(REJECTED, 0)}, bị thay thế {counts.get(SUPERSEDED, 0)}, "
        f"bỏ qua {counts.get(SKIPPED, 0)}.",
    ]
    if enterprises.expected:
        lines.append(f"{enterprises.reported}/{enterprises.expected} doanh nghiệp đã gửi "
                     f"báo cáo ({vnformat.percent(enterprises.rate)}), "
                     f"kỳ {context.report.forms_period_label}.")
    else:
        lines.append(f"{enterprises.reported} doanh nghiệp đã gửi báo cáo, "
                     f"kỳ {context.report.forms_period_label}.")
    errors = sum(p.severity == ERROR for p in report.problems)
    if errors:
        lines.append(f"Có {errors} lỗi trong các tệp: xem Kiem-tra-du-lieu.xlsx (lọc theo tệp để "
                     "gửi lại doanh nghiệp) hoặc chạy kcn-reports check.")
    lines.extend(result.notes)
    lines.append(f"Kết quả ở thư mục: {result.folder}")
    for path in result.outputs:
        lines.append(f"  - {path.name}")
    return "\n".join(lines)


def render_template_issues(name: str, issues: list[TemplateIssue]) -> list[str]:
    """One template's findings, located (the lines `templates check` prints for it)."""
    n_errors = sum(i.severity == ERROR for i in issues)
    if not issues:
        return [f"Mẫu {name}: không có vấn đề."]
    lines = [f"Mẫu {name}: {n_errors} lỗi, {len(issues) - n_errors} cảnh báo."]
    for issue in issues:
        place = issue.where + (f" «{issue.excerpt}»" if issue.excerpt else "")
        place = f"{place}: " if place else ""
        lines.append(f"  - {SEVERITY_LABELS.get(issue.severity, issue.severity)} "
                     f"{place}{issue.message}")
    return lines


def render_template_check(results: list[tuple[str, list[TemplateIssue]]]) -> str:
    """Each template with its issues, located, then the totals."""
    lines: list[str] = []
    errors = warnings = 0
    for name, issues in results:
        n_errors = sum(i.severity == ERROR for i in issues)
        errors, warnings = errors + n_errors, warnings + len(issues) - n_errors
        lines.extend(render_template_issues(name, issues))
    lines.append(f"Đã kiểm tra {len(results)} mẫu: {errors} lỗi, {warnings} cảnh báo.")
    return "\n".join(lines)


def render_template_problem(problem: TemplateProblem) -> str:
    """Why a report could not be made from an edited template, where, and what to do."""
    return "\n".join([
        f"Không lập được báo cáo vì mẫu {problem.template} có lỗi; các tệp kết quả cũ vẫn giữ "
        "nguyên.",
        *render_template_issues(problem.template.name, problem.issues),
        "Sửa mẫu trong Word/Excel ở chỗ nêu trên rồi chạy lại; kiểm tra mẫu bằng lệnh: "
        "kcn-reports templates check",
    ])


def render_export(stats: ExportStats, report: CheckReport) -> str:
    """What an export wrote, and where."""
    counts = report.counts()
    ledger = sum(stats.ledger_rows.values())
    errors = sum(p.severity == ERROR for p in report.problems)
    lines = [
        f"Đã xuất cơ sở dữ liệu SQLite: {stats.path}",
        f"  - files: {stats.files} tệp (nhận {counts.get(ACCEPTED, 0)}, loại "
        f"{counts.get(REJECTED, 0)}, bị thay thế {counts.get(SUPERSEDED, 0)}, bỏ qua "
        f"{counts.get(SKIPPED, 0)})",
        f"  - returns: {stats.returns} báo cáo được nhận",
        f"  - problems: {stats.problems} lỗi và cảnh báo ({errors} lỗi)",
        f"  - Sổ theo dõi: {ledger} dòng" if report.ledger is not None
        else "  - Sổ theo dõi: không có trong thư mục đầu vào",
    ]
    if stats.rebuilt:
        lines.append("Đã tạo lại các bảng có cấu trúc mới: " + ", ".join(stats.rebuilt) + ".")
    return "\n".join(lines)
