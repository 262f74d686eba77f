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
    from pathlib import Path

    from kcn_reports.collection import EnterpriseForm
    from kcn_reports.export import ExportStats
    from kcn_reports.feedback import FeedbackRun
    from kcn_reports.formdef import Period
    from kcn_reports.generate import GenerateResult
    from kcn_reports.settings import Settings
    from kcn_reports.template_check import TemplateIssue, TemplateProblem

SEVERITY_LABELS = {ERROR: "LỖI", "warning": "Cảnh báo"}


def render_check(report: CheckReport) -> str:
    """Summary first (outcomes, problems by code), then each file with its problems."""
    counts = report.counts()
    problems = report.live_problems
    errors = sum(p.severity == ERROR for p in problems)
    settled = sum(p.severity == ERROR for f in report.files if not f.is_live
                  for p in f.problems)
    lines = [
        f"Thư mục đầu vào: {report.inputs}",
        f"Tổng số tệp: {len(report.files)} — nhận {counts.get(ACCEPTED, 0)}, "
        f"loại {counts.get(REJECTED, 0)}, bị thay thế {counts.get(SUPERSEDED, 0)}, "
        f"bỏ qua {counts.get(SKIPPED, 0)}.",
        f"Lỗi: {errors}; cảnh báo: {len(problems) - errors}."
        + (f" (Không tính {settled} lỗi của các tệp đã có bản gửi lại thay thế.)"
           if settled else ""),
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
        elif item.enterprise:
            head += f" — MST {item.enterprise} (nhận ra theo tên)"
        if item.period:
            head += f", {item.period.label}"
        lines.append(head)
        if item.reason:
            lines.append(f"      {item.reason}")
        if not item.is_live:
            continue  # its problems are settled by the newer return named in the reason
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
    """Reporting rate by zone (accepted returns), then who sent a rejected return and who sent
    nothing: the office phones the first to correct and the second to send."""
    coverage = report.completeness
    if coverage is None:
        return []
    lines = ["", f"Tình hình nộp báo cáo ({coverage.period.label}): " + coverage.summary()]
    width = max((len(z.zone) for z in coverage.zones), default=10)
    for zone in coverage.zones:
        lines.append(f"  {zone.zone:<{width}}  {zone.received:>4}/{zone.expected:<4} "
                     f"{vnformat.percent(zone.rate):>7}")
        for sent in zone.rejected:
            lines.append(f"      đã gửi, bị loại ({sent.errors} lỗi): {sent.tax_code} {sent.name}"
                         f" — tệp {sent.file}")
        for tax, name in zone.missing:
            lines.append(f"      chưa gửi: {tax} {name}")
    return lines


LEDGER_SHOWN = 8  # the Sổ theo dõi's problems listed after a generate run


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
    ledger = report.ledger.relpath if report.ledger is not None else None
    live = report.live_problems
    errors = sum(p.severity == ERROR and p.file != ledger for p in live)  # as `check` counts
    if errors:
        lines.append(f"Có {errors} lỗi trong các tệp: xem Kiem-tra-du-lieu.xlsx (lọc theo tệp để "
                     "gửi lại doanh nghiệp) hoặc chạy kcn-reports check.")
    lines.extend(f"Cảnh báo: {found.message}" for found in report.general)  # about the whole run
    # The office's own workbook: what it says wrong changes the party figures of the report.
    own = [p for p in live if ledger is not None and p.file == ledger]
    if own:
        lines.append(f"Sổ theo dõi {ledger} có {len(own)} vấn đề làm số liệu chi bộ, đảng viên "
                     "của báo cáo có thể chưa đúng:")
        for found in own[:LEDGER_SHOWN]:
            place = f"{found.sheet}!{found.cell}: " if found.sheet and found.cell else (
                f"{found.sheet}: " if found.sheet else "")
            lines.append(f"  - {SEVERITY_LABELS.get(found.severity, found.severity)} "
                         f"{place}{found.message}")
        if len(own) > LEDGER_SHOWN:
            lines.append(f"  … và {len(own) - LEDGER_SHOWN} vấn đề khác: xem kcn-reports check.")
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
    errors = sum(p.severity == ERROR for p in report.live_problems)
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


def render_blank_form(target: Path, settings: Settings) -> str:
    """Where the blank form went and what it offers."""
    period = settings.collection.period
    return "\n".join([
        f"Đã tạo mẫu báo cáo trống: {target}",
        "  Khu công nghiệp trong danh sách chọn: " + "; ".join(z.name for z in settings.zones)
        + ".",
        f"  Kỳ báo cáo ghi sẵn: {period.label}." if period else
        "  Kỳ báo cáo: doanh nghiệp tự chọn (ghi [collection] period trong kcn_reports.toml "
        "để ghi sẵn).",
    ])


def render_enterprise_forms(forms: list[EnterpriseForm], written: list[Path], folder: Path,
                            period: Period) -> str:
    """Which enterprise's form went where, and which carry the previous period's values."""
    with_previous = sum(f.previous_file is not None for f in forms)
    lines = [f"Đã tạo {len(written)} mẫu báo cáo {period.label.lower()} ghi sẵn thông tin từng "
             f"doanh nghiệp, trong thư mục: {folder}",
             f"  ({with_previous} mẫu kèm số liệu kỳ trước để doanh nghiệp tham khảo.)"]
    for item in forms:
        extra = (f" — kèm số liệu {item.fill.previous_period.label.lower()}"
                 if item.fill.previous_period else "")
        lines.append(f"  - {item.tax_code} {item.name} ({item.zone}): {item.file_name}{extra}")
    if not forms:
        lines.append("  Sheet Doanh nghiệp của Sổ theo dõi chưa có doanh nghiệp nào đang hoạt "
                     "động trong kỳ này.")
    return "\n".join(lines)


def render_feedback(run: FeedbackRun) -> str:
    """One list: who gets which file, with the phone number to call."""
    from kcn_reports.feedback import KIND_LABELS, REMINDER

    period = f" ({run.period.label})" if run.period else ""
    lines = [f"Đã ghi {len(run.written)} thông báo gửi doanh nghiệp{period} vào thư mục: "
             f"{run.folder}"]
    if not run.notices:
        lines.append("  Không có doanh nghiệp nào cần thông báo: mọi báo cáo đã nhận đều hợp "
                     "lệ và mọi doanh nghiệp phải báo cáo đã gửi.")
    for number, notice in enumerate(run.notices, 1):
        who = " ".join(part for part in (notice.tax_code or "", notice.name) if part)
        if not who:
            who = f"(không rõ doanh nghiệp) tệp {notice.returns[0].relpath}"
        zone = f" ({notice.zone})" if notice.zone else ""
        phone = (f"ĐT {notice.phone} (theo {notice.phone_source})" if notice.phone
                 else "chưa có số điện thoại")
        lines.append(f"  {number}. {who}{zone} — {phone}")
        what = KIND_LABELS[notice.kind]
        if notice.kind != REMINDER:
            errors = notice.errors
            warnings = len(notice.problems) - errors
            counts = ", ".join(part for part in (f"{errors} lỗi" if errors else "",
                                                 f"{warnings} cảnh báo" if warnings else "")
                               if part)
            what += f" ({counts})"
        lines.append(f"     → {notice.file_name}: {what}")
        if notice.form_file:
            lines.append(f"       gửi kèm mẫu: {notice.form_file}")
    if run.deadline is None and any(n.kind == REMINDER for n in run.notices):
        lines.append("Chưa có hạn gửi báo cáo trong kcn_reports.toml ([collection] deadline): "
                     "thư nhắc đề nghị gửi sớm nhất.")
    if run.removed:
        lines.append("Đã xóa thông báo cũ không còn cần: " + ", ".join(run.removed) + ".")
    if run.kept:
        lines.append("Thông báo đã được văn phòng sửa (ví dụ ghi số văn bản) không bị ghi đè hay "
                     "xóa, được giữ ở: " + ", ".join(run.kept) + ".")
    return "\n".join(lines)
