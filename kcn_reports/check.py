"""The check pipeline: discover → read → parse → validate, one outcome per file.

Every file under the inputs folder appears exactly once, as accepted / rejected / superseded /
skipped, with a reason for the last three. One bad file never stops the others. Reading and
the rules of one file run in worker processes; the checks across files (resubmissions,
outliers, the Sổ theo dõi, completeness) run here afterwards.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kcn_reports import record
from kcn_reports.collection import expected_enterprises
from kcn_reports.discover import InputFile, discover
from kcn_reports.formdef import Period
from kcn_reports.formmeta import zone_list_problems
from kcn_reports.ledger import Ledger, Row, cells_at, read_ledger
from kcn_reports.outcome import (
    ACCEPTED,
    FORM,
    LEDGER,
    OTHER,
    REJECTED,
    SKIPPED,
    SUPERSEDED,
    CheckReport,
    Completeness,
    FileOutcome,
    FormReturn,
    RejectedReturn,
    ZoneCompleteness,
)
from kcn_reports.problems import ERROR, Problem, has_errors, problem
from kcn_reports.settings import Settings
from kcn_reports.textnorm import fold
from kcn_reports.validate import outliers, validate_form
from kcn_reports.workers import CRASHED, TIMED_OUT, run_isolated

if TYPE_CHECKING:
    from kcn_reports.cache import ResultCache

def process_file(item: InputFile, settings: Settings, today: dt.date | None = None,
                 data: bytes | None = None) -> FileOutcome:
    """Read (unless `data` is given), parse and validate one file; never raises for anything
    the file contains."""
    # The reader is imported here, in the workers: a re-run served from the cache never needs it.
    from kcn_reports.parse import classify, read_form
    from kcn_reports.workbook import read_workbook

    limits = settings.limits
    if item.size > limits.max_uncompressed_mb * 1024 * 1024:
        # Not even read into memory (an .xls is not compressed, so its size is never checked
        # in read_workbook).
        prob = problem("file-too-large", file=item.relpath, size=item.size // (1024 * 1024),
                       limit=limits.max_uncompressed_mb)
        return FileOutcome(item.relpath, "", REJECTED, prob.message, [prob], mtime=item.mtime)
    try:
        data = item.read_bytes() if data is None else data
    except OSError as exc:
        detail = ("tệp đang bị khóa (có thể đang mở trong Excel) hoặc không có quyền đọc"
                  if isinstance(exc, PermissionError) else str(exc))
        prob = problem("file-unreadable", file=item.relpath, detail=detail)
        return FileOutcome(item.relpath, "", REJECTED, prob.message, [prob], mtime=item.mtime)
    book = read_workbook(data, item.relpath, path=item.path,
                         max_uncompressed_mb=limits.max_uncompressed_mb,
                         max_rows=limits.max_rows, max_cols=limits.max_cols)
    if has_errors(book.problems):
        return _refused(item, book.problems)
    kind = classify(book)
    if has_errors(book.problems):
        # A sheet refused while looking for the form (unsafe or oversized): the file is refused
        # for that reason, not read from whatever other sheet looks like a form.
        return _refused(item, book.problems)
    if kind == LEDGER:
        ledger = read_ledger(book, settings.zones, today)
        outcome = FileOutcome(item.relpath, LEDGER, ACCEPTED, "", [*book.problems, *ledger.problems],
                              mtime=item.mtime, ledger=ledger)
        if ledger.rows:
            # Its problems cost a row or a sheet, never the workbook: whatever was read is used.
            return outcome
    elif kind == OTHER:
        prob = problem("not-a-report", file=item.relpath)
        return FileOutcome(item.relpath, OTHER, SKIPPED, prob.message, [*book.problems, prob],
                           mtime=item.mtime)
    else:
        form = read_form(book, settings.zones)
        problems = [*book.problems, *form.problems, *validate_form(form, today),
                    *zone_list_problems(book, settings.zones, form)]
        outcome = FileOutcome(item.relpath, FORM, ACCEPTED, "", problems, form, item.mtime)
    outcome.reject_if_errors()
    return outcome


def _refused(item: InputFile, problems: list[Problem]) -> FileOutcome:
    first = next(p for p in problems if p.severity == ERROR)
    return FileOutcome(item.relpath, "", REJECTED, first.message, problems, mtime=item.mtime)


def check_inputs(inputs: Path, settings: Settings,
                 progress: Callable[[int, int], None] | None = None,
                 jobs: int | None = None, period: Period | None = None,
                 today: dt.date | None = None, cache: ResultCache | None = None) -> CheckReport:
    """Outcome of every file under `inputs`, and the checks across files for `period`
    (default: the latest period among the accepted returns)."""
    found, skipped = discover(inputs)
    outcomes = [FileOutcome(s.relpath, "skipped", SKIPPED, s.reason) for s in skipped]
    hits = cache.lookup(found) if cache is not None else {}
    misses = [item for item in found if item.relpath not in hits]
    outcomes.extend(hits.values())
    if progress and hits:
        progress(len(hits), len(found))
    work = functools.partial(_process_to_record, settings=settings, today=today,
                             salt=cache.salt if cache is not None else None)
    limit = settings.limits.max_seconds_per_file
    crashed = functools.partial(_crashed, limit=limit)
    for index, (payload, key) in run_isolated(work, misses, crashed, jobs, timeout=limit or None):
        item = misses[index]
        try:
            outcomes.append(record.decode(payload, item.relpath, item.mtime))
        except Exception as exc:  # noqa: BLE001 - a record not read back: this file's problem only
            outcomes.append(_crash_outcome(item, f"{type(exc).__name__}: {exc}"))
            continue
        if cache is not None and key is not None:
            cache.store(item, key, payload)
        if progress:
            progress(len(outcomes) - len(skipped), len(found))
    if cache is not None:
        cache.close()
    outcomes.sort(key=lambda f: f.relpath)
    report = CheckReport(inputs, outcomes)
    report.ledger = _choose_ledger(outcomes, settings)
    mark_superseded(outcomes, report.ledger)
    forms = report.accepted_forms()
    for relpath, found_problems in outliers(forms).items():
        next(f for f in outcomes if f.relpath == relpath).problems.extend(found_problems)
    report.period = period or _latest_period(outcomes)
    _zones_not_in_settings(report)
    if report.ledger is None:
        report.general.append(problem("ledger-missing"))
    if report.ledger is not None and report.period is not None:
        report.completeness = completeness(report.ledger, report.accepted_forms(report.period),
                                           report.period, settings, report.files)
        _cross_check(report)
    return report


def _zones_not_in_settings(report: CheckReport) -> None:
    """One general word per zone that returns or the Sổ theo dõi name but the settings do not
    list (a zone deleted from kcn_reports.toml drops its enterprises from every count), and no
    form-version warning on returns of past periods, which will never be sent again."""
    seen: dict[str, set[str]] = {}
    for item in report.files:
        if not item.is_live:
            continue
        for found in item.problems:
            if found.field in ("zone", "enterprises.zone") and found.code in (
                    "unknown-zone", "ledger-value") and found.value:
                seen.setdefault(" ".join(found.value.split()), set()).add(item.relpath)
        if item.kind == FORM and report.period is not None and item.period != report.period:
            item.problems[:] = [p for p in item.problems if p.code != "form-zones-outdated"]
    for zone, files in sorted(seen.items()):
        report.general.append(problem("zone-not-in-settings", value=zone, count=len(files),
                                      files=", ".join(sorted(files)[:3])
                                      + (" …" if len(files) > 3 else "")))


def _latest_period(outcomes: list[FileOutcome]) -> Period | None:
    """The latest period among the accepted returns; with none accepted yet, among the returns
    that were sent and rejected, so who has sent what is still told."""
    for wanted in (ACCEPTED, REJECTED):
        periods = [f.period for f in outcomes if f.outcome == wanted and f.kind == FORM
                   and isinstance(f.period, Period)]
        if periods:
            return max(periods, key=lambda p: p.snapshot)
    return None


def _crash_codes(outcome: FileOutcome) -> bool:
    return any(p.code in ("file-crashed", "file-timeout", "internal-error", "file-unreadable")
               for p in outcome.problems)


def _process_to_record(item: InputFile, settings: Settings, today: dt.date | None,
                       salt: bytes | None) -> tuple[str, str | None]:
    """In a worker: the file's outcome as a compact record (cheaper to send back than the
    objects) and, with a cache, its content key (hashed here, in parallel)."""
    from kcn_reports.cache import content_key

    try:
        data: bytes | None = item.read_bytes()
    except OSError:
        data = None  # process_file reads again and reports why it cannot
    outcome = process_file(item, settings, today, data=data)
    payload = record.encode(outcome)
    if salt is None or data is None or _crash_codes(outcome):
        return payload, None
    return payload, content_key(salt, data)


def _crashed(item: InputFile, detail: str, limit: int = 0) -> tuple[str, None]:
    """What a worker would have sent back for a file that crashed, hung or raised."""
    return record.encode(_crash_outcome(item, detail, limit)), None


def _crash_outcome(item: InputFile, detail: str, limit: int = 0) -> FileOutcome:
    if detail == CRASHED:
        prob = problem("file-crashed", file=item.relpath)
    elif detail == TIMED_OUT:
        prob = problem("file-timeout", file=item.relpath, limit=limit)
    else:
        prob = problem("internal-error", file=item.relpath, detail=detail)
    return FileOutcome(item.relpath, "", REJECTED, prob.message, [prob], mtime=item.mtime)


def mark_superseded(outcomes: list[FileOutcome], ledger: Ledger | None = None) -> None:
    """Corrected resends: for each enterprise and period the newest return (by Ngày lập, then
    file time) decides, and every older one, accepted or rejected, is superseded and names it.

    A return whose tax code cannot be read (or is known nowhere else: a typo) is tied to its
    enterprise by name when that is unambiguous; otherwise it stays as it is, with a warning
    saying why. A rejected return whose period cannot be read is superseded by the enterprise's
    next return made after it (its correction, in all likelihood)."""
    returns = [o for o in outcomes if o.kind == FORM and o.form is not None
               and o.outcome in (ACCEPTED, REJECTED)]
    identify_enterprises(returns, ledger)
    groups: dict[tuple[str, str], list[FileOutcome]] = defaultdict(list)
    undated: list[FileOutcome] = []
    for outcome in returns:
        period = outcome.period
        if not outcome.enterprise:
            continue
        if period:
            groups[(outcome.enterprise, period.key)].append(outcome)
        elif outcome.outcome == REJECTED:
            undated.append(outcome)
    for group in groups.values():
        if len(group) < 2:
            continue
        group.sort(key=_recency, reverse=True)
        latest = group[0]
        for older in group[1:]:
            reason = f"Đã có báo cáo mới hơn cùng kỳ: {latest.relpath}"
            if latest.outcome == REJECTED:
                reason += "; bản mới hơn bị loại, đang chờ doanh nghiệp sửa"
            _supersede(older, reason)
    if not undated:
        return
    dated: dict[str, list[FileOutcome]] = defaultdict(list)
    for (enterprise, _), group in groups.items():
        dated[enterprise].extend(group)
    for outcome in undated:
        later = [o for o in dated[outcome.enterprise or ""] if _recency(o) > _recency(outcome)]
        if later:
            nearest = min(later, key=_recency)
            period = nearest.period
            assert period is not None
            latest = groups[(outcome.enterprise or "", period.key)][0]  # sorted: newest first
            _supersede(outcome, "Không đọc được kỳ báo cáo của tệp này, nhưng doanh nghiệp đã "
                                f"gửi báo cáo mới hơn: {latest.relpath}")


def _supersede(older: FileOutcome, reason: str) -> None:
    errors = sum(p.severity == ERROR for p in older.problems)
    if errors:
        reason += f"; {errors} lỗi của tệp này không cần sửa nữa"
    older.outcome = SUPERSEDED
    older.reason = reason + "."


# Words of an enterprise name that tell it apart from no other: its legal form, "Việt Nam".
_NAME_NOISE = re.compile(
    r"\b(cong ty|cty|tnhh|trach nhiem huu han|co phan|cp|mot thanh vien|hai thanh vien|mtv|"
    r"chi nhanh|tap doan|viet nam|vn|limited|ltd|co|company|corporation|corp|jsc|inc)\b")


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """An enterprise name as compared across files: folded, without its legal form."""
    return " ".join(_NAME_NOISE.sub(" ", fold(name)).split())


def identify_enterprises(returns: Sequence[FileOutcome], ledger: Ledger | None) -> None:
    """Set each return's enterprise: its tax code, or the only enterprise of the Sổ theo dõi,
    else of the other returns, whose name (and zone) match — when the tax code cannot be read,
    or when a rejected return's tax code is known nowhere else (a digit mistyped)."""
    def index(pairs: list[tuple[str, str, str]]) -> dict[str, set[tuple[str, str, str]]]:
        found: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
        for tax, name, zone in pairs:
            if name_key(name):
                found[name_key(name)].add((tax, name, zone))
        return found

    listed_taxes = set(ledger.enterprises) if ledger else set()
    sent_taxes = Counter(o.tax_code for o in returns if o.tax_code)
    pending = []
    for outcome in returns:
        outcome.enterprise = typed = outcome.tax_code
        if outcome.form is not None and not (
                typed and (ledger is None or outcome.outcome != REJECTED
                           or typed in listed_taxes or sent_taxes[typed] > 1)):
            pending.append(outcome)
    if not pending:
        return  # the usual case: every name index below would go unused
    listed = index([(str(tax), str(row.get("name") or ""), str(row.get("zone") or ""))
                    for tax, row in (ledger.enterprises.items() if ledger else ())])
    sent: dict[str, set[tuple[str, str, str]]] | None = None  # built only when needed
    for outcome in pending:
        typed = outcome.tax_code
        form = outcome.form
        assert form is not None
        name = str(form.values.get("name") or "")
        zone = form.values.get("zone")
        key = name_key(name)
        candidates: set[tuple[str, str, str]] = set()
        for source_name in ("listed", "sent"):
            if source_name == "sent" and sent is None:
                sent = index([(o.tax_code, str(o.form.values.get("name") or ""),
                               str(o.form.values.get("zone") or ""))
                              for o in returns if o.tax_code and o.form is not None])
            source = listed if source_name == "listed" else sent or {}
            found = {c for c in source.get(key, set()) if c[0] != typed} if key else set()
            if len({tax for tax, _, _ in found}) > 1 and zone:
                found = {c for c in found if c[2] == zone} or found
            if found:
                candidates = found
                break
        where = dict(file=outcome.relpath, sheet=form.sheet, cell=form.cells.get("name", ""),
                     field="name", value=name)
        taxes = sorted({tax for tax, _, _ in candidates})
        if len(taxes) == 1:
            outcome.enterprise = taxes[0]
            known = next(n for t, n, _ in sorted(candidates) if t == taxes[0])
            reason = (f"Mã số thuế {typed} không có trong Sổ theo dõi" if typed
                      else "Không đọc được mã số thuế")
            outcome.problems.append(problem("matched-by-name", **where, reason=reason,
                                            matched=f"{taxes[0]} {known}"))
            continue
        if typed:
            continue  # a new enterprise, perhaps: nothing to say beyond its own errors
        if not name:
            why = "không đọc được tên doanh nghiệp"
        elif taxes:
            why = "trùng tên với " + ", ".join(taxes)
        else:
            why = "tên này không có trong Sổ theo dõi và các báo cáo khác"
        outcome.problems.append(problem("enterprise-unidentified", **where, why=why))


def _rank(outcome: FileOutcome) -> tuple[bool, tuple[dt.date, float, str]]:
    """A return of the period itself before one whose period could not be read; then newest."""
    return outcome.period is not None, _recency(outcome)


def _recency(outcome: FileOutcome) -> tuple[dt.date, float, str]:
    prepared = outcome.form.values.get("prepared_on") if outcome.form else None
    return (prepared or dt.date.min, outcome.mtime, outcome.relpath)


def _choose_ledger(outcomes: list[FileOutcome], settings: Settings) -> Ledger | None:
    """The newest accepted Sổ theo dõi, reconciled; older ones superseded."""
    ledgers = sorted((f for f in outcomes if f.kind == LEDGER and f.outcome == ACCEPTED),
                     key=lambda f: (f.mtime, f.relpath), reverse=True)
    if not ledgers:
        return None
    chosen = ledgers[0]
    for older in ledgers[1:]:
        older.outcome = SUPERSEDED
        older.reason = f"Đã dùng Sổ theo dõi mới hơn: {chosen.relpath}."
        chosen.problems.append(problem("ledger-duplicate", file=chosen.relpath, used=chosen.relpath))
    assert chosen.ledger is not None
    chosen.problems.extend(reconcile(chosen.ledger, settings))
    return chosen.ledger


def reconcile(ledger: Ledger, settings: Settings) -> list[Problem]:
    """Members and cells the Sổ theo dõi does not explain, by the rule every report uses
    (`membership`): the baseline against the workbook, cells whose log does not add up."""
    from kcn_reports.membership import reconcile as reconcile_members

    return reconcile_members(ledger, settings.baseline)


def completeness(ledger: Ledger, forms: list[FormReturn], period: Period,
                 settings: Settings, files: Sequence[FileOutcome] = ()) -> Completeness:
    """Each enterprise of the Doanh nghiệp sheet active during the period, told apart per zone:
    accepted return (among `forms`), sent but rejected (the newest rejected return among
    `files`), or nothing sent."""
    received = {f.values.get("tax_code") for f in forms}
    waiting = _waiting_for_correction(files, period)
    by_zone: dict[str, list[tuple[str, str, FileOutcome | None, bool]]] = {
        z.name: [] for z in settings.zones}
    for row in expected_enterprises(ledger, period):
        tax = row.values["tax_code"]
        zone = row.get("zone") or "(chưa rõ KCN)"
        by_zone.setdefault(zone, []).append(
            (tax, row.get("name") or "", waiting.get(tax), tax in received))
    return Completeness(period, tuple(
        ZoneCompleteness(
            zone, len(items), sum(ok for *_, ok in items),
            tuple((t, n) for t, n, sent, ok in items if not ok and sent is None),
            tuple(RejectedReturn(t, n, sent.relpath,
                                 sum(p.severity == ERROR for p in sent.problems))
                  for t, n, sent, ok in items if not ok and sent is not None))
        for zone, items in by_zone.items()))


def _waiting_for_correction(files: Sequence[FileOutcome], period: Period
                            ) -> dict[str, FileOutcome]:
    """Per enterprise, its newest rejected return of `period` (or of no readable period: it was
    sent all the same)."""
    found: dict[str, FileOutcome] = {}
    for item in files:
        if (item.outcome != REJECTED or item.kind != FORM or not item.enterprise
                or item.period not in (period, None)):
            continue
        known = found.get(item.enterprise)
        if known is None or _rank(known) < _rank(item):
            found[item.enterprise] = item
    return found


# What a return and the Sổ theo dõi both say of an enterprise: where they differ, the report's
# tables by zone and by ownership follow the return, the reporting rate the Sổ theo dõi.
_BOTH_SAY = (("zone", "KCN"), ("ownership", "loại hình"))


def _against_ledger(item: FileOutcome, row: Row, ledger_path: str) -> None:
    """A warning for each of zone and ownership the return and the Sổ theo dõi give otherwise."""
    assert item.form is not None
    shown = {"fdi": "FDI", "domestic": "trong nước"}
    for key, what in _BOTH_SAY:
        said, kept = item.form.values.get(key), row.get(key)
        if said is None or kept is None or said == kept:
            continue
        sheet, cell = item.form.where(key)
        item.problems.append(problem(
            "differs-from-ledger", file=item.relpath, sheet=sheet, cell=cell, field=key,
            value=shown.get(said, said), what=what, kept=shown.get(kept, kept),
            ledger=ledger_path))


def _cross_check(report: CheckReport) -> None:
    """Returns against the Sổ theo dõi: unknown enterprises, cells without a party org."""
    ledger = report.ledger
    assert ledger is not None
    known = ledger.enterprises
    by_tax: dict[str, FileOutcome] = {}
    for item in report.files:
        if item.outcome != ACCEPTED or item.kind != FORM or not item.tax_code:
            continue
        if item.tax_code not in known:
            sheet, cell = item.form.where("tax_code") if item.form else ("", "")
            item.problems.append(problem(
                "unknown-enterprise", file=item.relpath, sheet=sheet, cell=cell, field="tax_code",
                value=item.tax_code))
        elif item.form is not None and item.period == report.period:
            _against_ledger(item, known[item.tax_code], ledger.relpath)
        if item.period == report.period:
            by_tax[item.tax_code] = item
    ledger_file = next((f for f in report.files if f.ledger is ledger), None)
    if ledger_file is None or report.period is None:
        return
    for row in cells_at(ledger, dt.date.fromisoformat(report.period.snapshot)):
        tax = row.get("tax_code")
        returned = by_tax.get(tax) if tax else None
        if returned and returned.form and returned.form.values.get("has_party_org") is False:
            ledger_file.problems.append(problem(
                "cell-but-no-party-org", file=ledger_file.relpath, sheet="Chi bộ",
                cell=row.cells.get("tax_code", ""), field="cells.tax_code", value=tax,
                cell_name=row.values["name"], relpath=returned.relpath))
