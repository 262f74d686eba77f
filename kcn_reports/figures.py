"""Stage 5: the report's period and its figures — the only aggregation of the returns and the Sổ
theo dõi. `build_context` is a pure function of the checked inputs; every output reads its result
(`context.ReportContext`).

Definitions (the README's "Định nghĩa số liệu" is generated from the figure declarations in
`context` and from `PERIOD_DEFINITIONS` and `membership.DEFINITIONS`, which this code follows):

- The two snapshots: annual year Y compares 31/12/(Y−1) with 31/12/Y; the two-year (milestone)
  report compares the baseline date of the settings with the as-of date. A report dated before
  the end of its own period counts its stocks at the report date ("đến ngày …"). Flows count
  events after the start up to and including that date.
- The returns used: an annual report for Y uses the accepted returns of "Năm Y", else those of
  "6 tháng đầu năm Y" (saying so), never an earlier year's; without a year, the latest year that
  has returns. A two-year report uses the latest period whose snapshot (30/06 or 31/12) falls
  after its start and on or before its date. Other returns are counted and named on screen.
- Party cells and members at a date: `membership` (one rule for the text, Bảng 1, the charts and
  every workbook).
- Year on year (annual): the headline figures of the returns against the previous year's
  accepted returns ("Năm Y−1", else "6 tháng đầu năm Y−1"), when there are any.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kcn_reports import vnformat
from kcn_reports.context import (
    ZONE_SUMS,
    Comparison,
    EnterprisesSection,
    LabourSection,
    Manual,
    NextTargets,
    OrgSection,
    OutreachSection,
    PartySection,
    ReportContext,
    ReportSection,
    Signatory,
    TargetRow,
    TrainingSection,
    UnionsSection,
    YearOnYear,
    YouthSection,
    ZoneRow,
    all_figures,
    to_json,
)
from kcn_reports.formdef import PERIOD_HALF, PERIOD_YEAR, Period
from kcn_reports.ledger import Ledger, Row
from kcn_reports.membership import Membership
from kcn_reports.outcome import CheckReport, Completeness, FormReturn
from kcn_reports.settings import Settings

__all__ = ["ANNUAL", "KINDS", "TWO_YEAR", "ReportPeriod", "build_context", "report_period",
           "to_json"]

TWO_YEAR = "two-year"
ANNUAL = "annual"
KINDS = (TWO_YEAR, ANNUAL)

PERIOD_DEFINITIONS = (
    "Báo cáo năm Y so sánh ngày 31/12/(Y−1) với ngày 31/12/Y; báo cáo hai năm so sánh ngày mốc "
    "ban đầu với ngày chốt số liệu (--as-of). Báo cáo lập trước ngày cuối kỳ thì số liệu thời "
    "điểm (chi bộ, đảng viên) tính đến ngày báo cáo và lời văn ghi \"đến ngày …\" ngày đó. Số "
    "liệu trong kỳ (kết nạp, chuyển đến, lớp bồi dưỡng, tiếp cận…) tính các sự kiện sau ngày đầu "
    "kỳ, đến hết ngày đó.",
    "Báo cáo năm Y dùng các báo cáo của doanh nghiệp kỳ \"Năm Y\"; chưa có thì dùng kỳ \"6 tháng "
    "đầu năm Y\" và ghi rõ như vậy; không bao giờ dùng báo cáo của năm trước. Không ghi --year "
    "thì lập báo cáo cho năm gần nhất có báo cáo của doanh nghiệp (màn hình ghi rõ năm nào); "
    "chưa có báo cáo nào thì dừng và nói rõ.",
    "Báo cáo hai năm dùng kỳ báo cáo gần nhất của doanh nghiệp có ngày chốt (30/06 hoặc 31/12) "
    "sau ngày mốc và không sau ngày báo cáo.",
    "Các báo cáo được nhận nhưng thuộc kỳ khác được đếm và ghi ra màn hình khi lập báo cáo.",
    "So với năm trước (báo cáo năm): các chỉ tiêu lao động, công đoàn, đoàn viên thanh niên, đảng "
    "viên làm việc tại doanh nghiệp, tỷ lệ gửi báo cáo so với các báo cáo được nhận của năm "
    "trước (kỳ \"Năm Y−1\", chưa có thì \"6 tháng đầu năm Y−1\"), nếu có.",
)

# Headline figures compared with the previous year (paths into the context).
YEAR_ON_YEAR = ("labour.employees", "unions.total", "unions.members", "youth.members",
                "party.members_in_enterprises", "enterprises.rate")


@dataclass(frozen=True)
class ReportPeriod:
    """What a report covers and which returns it uses."""

    kind: str
    start: dt.date
    end: dt.date
    date: dt.date  # the report's date
    forms_period: Period
    previous_forms_period: Period | None = None  # annual: the returns compared year on year
    notes: tuple[str, ...] = field(default=())  # what was chosen and left out (Vietnamese)

    @property
    def as_at(self) -> dt.date:
        """Stocks are counted at the end, or at the report date when that is earlier."""
        return min(self.end, self.date)

    @property
    def year(self) -> int:
        return self.end.year

    @property
    def slug(self) -> str:
        """Folder name under outputs/."""
        if self.kind == ANNUAL:
            return f"bao-cao-nam-{self.year}"
        return f"bao-cao-hai-nam-{self.end.isoformat()}"


def _snapshot(period: Period) -> dt.date:
    return dt.date.fromisoformat(period.snapshot)


def accepted_periods(report: CheckReport) -> Counter[Period]:
    """Accepted returns per period."""
    return Counter(f.values["period"] for f in report.accepted_forms()
                   if isinstance(f.values.get("period"), Period))


def _year_forms(periods: Counter[Period], year: int, prefer: str = PERIOD_YEAR) -> Period | None:
    """The returns standing for `year`: its full-year returns, else its first half (or the
    other way round with `prefer`)."""
    order = (prefer, PERIOD_HALF if prefer == PERIOD_YEAR else PERIOD_YEAR)
    return next((Period(kind, year) for kind in order if periods.get(Period(kind, year))), None)


def report_period(kind: str, settings: Settings, report: CheckReport, year: int | None = None,
                  as_of: dt.date | None = None, today: dt.date | None = None) -> ReportPeriod:
    """The period of a report and the returns it uses. Raises ValueError with a Vietnamese
    message when there is no honest report to make (no returns for the year, a period before
    the baseline…)."""
    today = today or dt.date.today()
    periods = accepted_periods(report)
    notes: list[str] = []
    if kind == ANNUAL:
        if year is None and as_of is not None:
            year = as_of.year
        if year is None:
            if not periods:
                raise ValueError(
                    "Chưa có báo cáo nào của doanh nghiệp được nhận trong thư mục đầu vào, nên "
                    "không lập được báo cáo năm. Chép các tệp doanh nghiệp gửi về vào thư mục "
                    "inputs rồi chạy lại (xem kết quả kiểm tra bằng lệnh kcn-reports check).")
            year = max(p.year for p in periods)
            notes.append(f"Không ghi --year: lập báo cáo năm {year}, năm gần nhất có báo cáo "
                         "của doanh nghiệp.")
        used = _year_forms(periods, year)
        if used is None:
            years = sorted({p.year for p in periods})
            have = (f" Các năm đã có báo cáo: {', '.join(map(str, years))}." if years
                    else " Chưa có báo cáo nào được nhận.")
            raise ValueError(
                f"Chưa có báo cáo nào của doanh nghiệp cho năm {year} (kỳ \"Năm {year}\" hoặc "
                f"\"6 tháng đầu năm {year}\") được nhận, nên không lập báo cáo năm {year}.{have}")
        start, end = dt.date(year - 1, 12, 31), dt.date(year, 12, 31)
        base = settings.baseline.date
        if base is not None and start < base:
            raise ValueError(
                f"Báo cáo năm {year} cần số chi bộ, đảng viên tại ngày {start:%d/%m/%Y}, trước "
                f"mốc ban đầu {base:%d/%m/%Y} trong kcn_reports.toml: Sổ theo dõi không có số "
                "liệu trước mốc này. Chọn năm sau mốc, hoặc lập báo cáo hai năm "
                "(--kind two-year).")
        date = as_of or today
        if date <= start:
            raise ValueError(f"Ngày báo cáo {date:%d/%m/%Y} phải sau ngày {start:%d/%m/%Y}.")
        if used.kind == PERIOD_HALF:
            notes.append(f"Chưa có báo cáo kỳ \"Năm {year}\" của doanh nghiệp: báo cáo dùng số "
                         f"liệu kỳ \"{used.label}\" và ghi rõ như vậy.")
        previous = _year_forms(periods, year - 1, prefer=used.kind)
        period = ReportPeriod(ANNUAL, start, end, date, used, previous)
    elif kind == TWO_YEAR:
        base = settings.baseline.date
        if base is None:
            where = settings.path or "kcn_reports.toml"
            raise ValueError(
                f"Báo cáo hai năm tính từ mốc ban đầu, nhưng tệp cài đặt {where} chưa có mục "
                "[baseline] (mốc ban đầu) với ngày mốc. Thêm vào tệp đó, với số của đơn vị mình:\n"
                "[baseline]\ndate = 2014-06-30        # ngày mốc, dạng năm-tháng-ngày\n"
                "party_cells = 4          # số chi bộ tại ngày mốc\n"
                "party_members = 35       # số đảng viên tại ngày mốc")
        end = as_of or (dt.date(year, 12, 31) if year else today)
        if end <= base:
            raise ValueError(f"Ngày báo cáo {end:%d/%m/%Y} phải sau mốc ban đầu {base:%d/%m/%Y}.")
        date = min(today, end)
        eligible = [p for p in periods if base < _snapshot(p) <= date]
        if not eligible:
            raise ValueError(
                f"Chưa có báo cáo nào của doanh nghiệp có kỳ kết thúc từ sau ngày {base:%d/%m/%Y} "
                f"đến ngày {date:%d/%m/%Y}, nên không lập báo cáo hai năm.")
        used = max(eligible, key=_snapshot)
        period = ReportPeriod(TWO_YEAR, base, end, date, used)
    else:
        raise ValueError(f"Loại báo cáo không đúng: {kind} (chọn two-year hoặc annual).")
    senders: dict[Period, set[str]] = {}
    for form in report.accepted_forms():
        if isinstance(form.values.get("period"), Period) and form.values.get("tax_code"):
            senders.setdefault(form.values["period"], set()).add(form.values["tax_code"])
    notes.extend(excluded_returns(periods, period, senders))
    return dataclasses.replace(period, notes=tuple(notes))


def excluded_returns(periods: Counter[Period], period: ReportPeriod,
                     senders: dict[Period, set[str]] | None = None) -> list[str]:
    """One line naming the accepted returns the report does not use, by period, and why; the
    enterprises whose only return of the year is not the period used are named."""
    left = {p: n for p, n in periods.items() if p != period.forms_period}
    if not left:
        return []
    senders = senders or {}
    total = sum(left.values())
    parts = []
    for p in sorted(left, key=_snapshot, reverse=True):
        if p == period.previous_forms_period:
            why = "chỉ dùng để so sánh với năm trước"
        elif _snapshot(p) > period.as_at:
            why = f"kỳ kết thúc {_snapshot(p):%d/%m/%Y}, sau ngày {period.as_at:%d/%m/%Y}"
        elif p.year == period.forms_period.year:
            only = sorted(senders.get(p, set()) - senders.get(period.forms_period, set()))
            covered = left[p] - len(only)
            if only:
                shown = ", ".join(only[:5]) + (f" và {len(only) - 5} doanh nghiệp khác"
                                               if len(only) > 5 else "")
                parts.append(f"{len(only)} báo cáo kỳ {p.label} của doanh nghiệp chưa gửi báo "
                             f"cáo kỳ {period.forms_period.label} (không cộng báo cáo 6 tháng vào "
                             f"số liệu cả năm; mã số thuế {shown})")
            if not covered:
                continue
            left[p] = covered
            why = f"doanh nghiệp đã có báo cáo kỳ {period.forms_period.label}"
        else:
            why = "kỳ trước"
        parts.append(f"{left[p]} báo cáo kỳ {p.label} ({why})")
    return [f"Báo cáo dùng {periods[period.forms_period]} báo cáo kỳ "
            f"{period.forms_period.label}; không tính {total} báo cáo của kỳ khác: "
            + "; ".join(parts) + "."]


# ---------------------------------------------------------------------------------------------
# Aggregation of the returns
# ---------------------------------------------------------------------------------------------


def _number(value: Any) -> int | float:
    """A form value to add up; absent, text and yes/no count as nothing."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return 0
    if isinstance(value, float) and math.isnan(value):
        return 0
    return value


def _sum(forms: Iterable[FormReturn], key: str) -> int:
    return int(sum(_number(f.values.get(key)) for f in forms))


def _count(forms: Iterable[FormReturn], key: str) -> int:
    return sum(1 for f in forms if f.values.get(key) is True)


def _zone_row(zone: str, forms: list[FormReturn], ownership: str = "") -> ZoneRow:
    sums: dict[str, Any] = {}
    for column, key in ZONE_SUMS.items():
        total = math.fsum(_number(f.values.get(key)) for f in forms)  # 393.464, not …,9999
        sums[column] = round(total, 6) if column in ("revenue", "budget_paid") else int(total)
    return ZoneRow(zone=zone, enterprises=len(forms), ownership=ownership, **sums)


UNKNOWN_ZONE = "(chưa rõ KCN)"  # as check.completeness names it
OWNERSHIPS = ("fdi", "domestic", "")


def zone_tables(forms: list[FormReturn], settings: Settings
                ) -> tuple[list[ZoneRow], ZoneRow, list[ZoneRow]]:
    """Sums by zone (every zone of the settings, in their order, then any other), their total,
    and by zone × ownership (FDI, domestic, unknown when any)."""
    names = [z.name for z in settings.zones]
    grouped: dict[str, list[FormReturn]] = {name: [] for name in names}
    for form in forms:
        grouped.setdefault(form.values.get("zone") or UNKNOWN_ZONE, []).append(form)
    rows = [_zone_row(zone, items) for zone, items in grouped.items()]
    detail = []
    for zone, items in grouped.items():
        for owner in OWNERSHIPS:
            mine = [f for f in items if (f.values.get("ownership") or "") == owner
                    or (owner == "" and f.values.get("ownership") not in ("fdi", "domestic"))]
            if owner or mine:
                detail.append(_zone_row(zone, mine, owner))
    return rows, _zone_row("Tổng cộng", forms), detail


@dataclass(frozen=True)
class _ReturnFigures:
    """The figures that come from the returns of one period (current or previous year)."""

    labour: LabourSection
    unions: UnionsSection
    youth: YouthSection
    enterprises: EnterprisesSection
    members_in_enterprises: int


def _return_figures(forms: list[FormReturn], coverage: Completeness | None, start: dt.date,
                    end: dt.date) -> _ReturnFigures:
    founded = sum(1 for f in forms if isinstance(f.values.get("union_founded_on"), dt.date)
                  and start < f.values["union_founded_on"] <= end)
    return _ReturnFigures(
        labour=LabourSection(employees=_sum(forms, "employees"),
                             female=_sum(forms, "employees_female"),
                             foreign=_sum(forms, "employees_foreign")),
        unions=UnionsSection(founded=founded, total=_count(forms, "has_union"),
                             members=_sum(forms, "union_members")),
        youth=YouthSection(organisations=_count(forms, "has_youth_union"),
                           members=_sum(forms, "youth_members")),
        enterprises=EnterprisesSection(
            expected=coverage.expected if coverage else None,
            reported=len({f.values.get("tax_code") for f in forms}),
            fdi=sum(1 for f in forms if f.values.get("ownership") == "fdi"),
            domestic=sum(1 for f in forms if f.values.get("ownership") == "domestic"),
            rate=coverage.rate if coverage else None),
        members_in_enterprises=_sum(forms, "party_members"),
    )


def _coverage(report: CheckReport, forms: list[FormReturn], period: Period,
              settings: Settings) -> Completeness | None:
    from kcn_reports.check import completeness

    if report.ledger is None:
        return None
    # The files too: an enterprise whose return was rejected has sent one (not "not sent").
    return completeness(report.ledger, forms, period, settings, report.files)


def report_for_period(report: CheckReport, settings: Settings,
                      period: ReportPeriod) -> CheckReport:
    """The check's report seen for the report's period: the completeness of the returns the
    report uses, and the Sổ's discrepancies of the period that the check (which knows no
    period) could not name — a cell founded in the period before the log's first entry."""
    used = period.forms_period
    forms = report.accepted_forms(used)
    files = report.files
    ledger = report.ledger
    if ledger is not None:
        members = Membership(ledger, settings.baseline)
        known = set(report.problems)
        extra = [d.problem for d in members.discrepancies(members.floor_for(period.start))
                 if d.problem not in known]
        if extra:
            files = [dataclasses.replace(f, problems=[*f.problems, *extra])
                     if f.ledger is ledger else f for f in files]
    return dataclasses.replace(report, files=files, period=used,
                               completeness=_coverage(report, forms, used, settings))


def _ownership_of(tax: str | None, ledger: Ledger | None, forms: list[FormReturn]) -> str | None:
    if not tax:
        return None
    if ledger is not None and tax in ledger.enterprises:
        return ledger.enterprises[tax].get("ownership")
    for form in forms:
        if form.values.get("tax_code") == tax:
            return form.values.get("ownership")
    return None


# ---------------------------------------------------------------------------------------------
# The context
# ---------------------------------------------------------------------------------------------


def _years(start: dt.date, end: dt.date) -> tuple[int, str]:
    """Whole years covered, and "hơn" past them by more than a month, or "gần" within two
    months of the next (29 months are "hơn 02 năm", as the 2016 report says, not "gần 03")."""
    exact = (end - start).days / 365.25
    years = math.floor(exact)
    if years + 1 - exact < 2 / 12:
        return years + 1, "gần" if years + 1 - exact > 1 / 24 else ""
    if exact - years > 1 / 12 or years == 0:
        return max(1, years), "hơn" if years else "gần"
    return years, ""


def build_context(report: CheckReport, settings: Settings, period: ReportPeriod,
                  manual: dict[str, str] | None = None) -> ReportContext:
    """The whole report context (also figures.json) from checked inputs. Pure: reads only its
    arguments."""
    start, as_at = period.start, period.as_at
    ledger = report.ledger
    used = period.forms_period
    forms = report.accepted_forms(used)
    coverage = _coverage(report, forms, used, settings)
    current = _return_figures(forms, coverage, start, as_at)
    fdi = [f for f in forms if f.values.get("ownership") == "fdi"]
    domestic = [f for f in forms if f.values.get("ownership") == "domestic"]

    members = Membership(ledger, settings.baseline)
    activities = [r for r in (ledger.sheet("activities") if ledger else [])
                  if r.get("date") and start < r.values["date"] <= as_at]

    def of_type(kind: str) -> list[Row]:
        return [r for r in activities if r.get("type") == kind]

    approached = {r.values["tax_code"] for r in of_type("outreach") if r.get("tax_code")}
    training = of_type("training")
    flagged = {d.cell for d in members.discrepancies(members.floor_for(start))}
    movement_rows, movement_total = members.table(start, as_at, flagged)
    cells_end = members.existing(as_at)
    # Founded in the period, even if dissolved before its end: the target counts foundings.
    new_cells = [c for c in members.cells if start < c.founded <= as_at]
    admitted_rows = [m for c in members.cells for m in c.movements
                     if start < m.values["date"] <= as_at and m.values["type"] == "admitted"]

    def is_fdi(tax: str | None) -> bool:
        return _ownership_of(tax, ledger, forms) == "fdi"

    party = PartySection(
        cells_start=members.cells_at(start),
        cells_end=members.cells_at(as_at),
        cells_in_fdi=sum(1 for c in cells_end if is_fdi(c.row.get("tax_code"))),
        members_start=members.members_at(start),
        members_end=members.members_at(as_at),
        members_in_fdi=_sum(fdi, "party_members"),
        members_in_enterprises=current.members_in_enterprises,
        domestic_owner_members=_count(domestic, "owner_is_party_member"),
        admitted=movement_total.admitted,
        transferred_in=movement_total.transferred_in,
        mobilised_transfer=sum(r.get("people") or 0 for r in of_type("mobilise_transfer")),
    )
    zones, zone_total, zone_detail = zone_tables(forms, settings)
    years, qualifier = _years(start, period.end) if period.kind == TWO_YEAR else (1, "")
    partial = period.kind == ANNUAL and used.kind == PERIOD_HALF
    if period.kind == ANNUAL:
        label = f"năm {period.year}"
    else:
        label = f"từ {vnformat.month_year(start)} đến {vnformat.month_year(as_at)}"
    context = ReportContext(
        org=OrgSection(
            superior_body=settings.superior_body, issuing_body=settings.issuing_body,
            abbreviation=settings.abbreviation, place=settings.place,
            party_org_name=settings.party_org_name,
            signatory=Signatory(settings.signatory.on_behalf, settings.signatory.title,
                                settings.signatory.name),
            recipients=list(settings.recipients)),
        report=ReportSection(
            kind=period.kind, start=start, end=period.end, date=period.date, as_at=as_at,
            number="", year=period.year, years=years, years_text=vnformat.padded(years),
            years_qualifier=qualifier, period_label=label, forms_period=used.key,
            forms_period_label=used.label, forms_partial=partial),
        party=party,
        outreach=OutreachSection(
            enterprises_approached=len(approached),
            enterprises_approached_fdi=sum(1 for t in approached if is_fdi(t)),
            team_text=settings.facts.get("outreach_team", "")),
        training=TrainingSection(
            classes=len(training), attendees=sum(r.get("people") or 0 for r in training),
            attendees_fdi=sum(r.get("people_fdi") or 0 for r in training)),
        unions=current.unions,
        youth=current.youth,
        labour=current.labour,
        enterprises=current.enterprises,
        by_zone=zones,
        by_zone_total=zone_total,
        by_zone_detail=zone_detail,
        movements=movement_rows,
        movements_total=movement_total,
        targets=[],
        next_targets=NextTargets(period.year + 1, []),
        manual=Manual(**(manual or {})),
        year_on_year=YearOnYear(False, None, None, "", []),
    )
    if ledger is not None:
        next_items = next_target_items(ledger.targets(period.year + 1))
        context = dataclasses.replace(context, next_targets=NextTargets(period.year + 1,
                                                                         next_items))
        if period.kind == ANNUAL:
            context = dataclasses.replace(context, targets=achievement(
                ledger.targets(period.year), context, len(new_cells),
                sum(1 for c in new_cells if is_fdi(c.row.get("tax_code"))),
                sum(m.values["count"] for m in admitted_rows if is_fdi(m.get("tax_code")))))
    if period.kind == ANNUAL:
        context = dataclasses.replace(
            context, year_on_year=year_on_year(report, settings, period, context))
    return context


def year_on_year(report: CheckReport, settings: Settings, period: ReportPeriod,
                 context: ReportContext) -> YearOnYear:
    """The headline figures of the returns against the previous year's accepted returns, over
    the enterprises that returned both years (else an enterprise that reports for the first
    time reads as growth); the reporting rate over all."""
    previous = period.previous_forms_period
    if previous is None:
        return YearOnYear(False, period.year - 1, None, "", [])
    forms_before = report.accepted_forms(previous)
    forms_now = report.accepted_forms(period.forms_period)
    both = ({f.values.get("tax_code") for f in forms_before}
            & {f.values.get("tax_code") for f in forms_now}) - {None}

    def common(forms: list[FormReturn], end: dt.date, start: dt.date) -> _ReturnFigures:
        return _return_figures([f for f in forms if f.values.get("tax_code") in both], None,
                               start, end)

    before = common(forms_before, _snapshot(previous), dt.date(previous.year - 1, 12, 31))
    now = common(forms_now, period.as_at, period.start)
    coverage_before = _return_figures(forms_before, _coverage(report, forms_before, previous,
                                                              settings),
                                      dt.date(previous.year - 1, 12, 31), _snapshot(previous))
    figures = all_figures()
    rows = []
    for path in YEAR_ON_YEAR:
        section, name = path.split(".")
        fig = figures[path]
        if fig.percent:  # a rate of the whole round: the context's own against last year's
            was = getattr(getattr(coverage_before, section), name)
            current = getattr(getattr(context, section), name)
        elif path == "party.members_in_enterprises":
            was, current = before.members_in_enterprises, now.members_in_enterprises
        else:
            was = getattr(getattr(before, section), name)
            current = getattr(getattr(now, section), name)
        change = current - was if current is not None and was is not None else None
        ratio = (change / was if change is not None and was and not fig.percent else None)
        rows.append(Comparison(path, fig.label, fig.unit, was, current, change, ratio,
                               fig.percent))
    return YearOnYear(True, previous.year, previous.key, previous.label, rows,
                      enterprises_both=len(both), enterprises_now=len(forms_now),
                      enterprises_before=len(forms_before))


def next_target_items(targets: dict[str, float]) -> list[str]:
    """Sentences for next period's targets, in the article's wording."""
    items = []
    low, high = targets.get("training_classes_min"), targets.get("training_classes_max")
    if low is not None or high is not None:
        span = (f"từ {vnformat.number(low)}-{vnformat.number(high)}" if low is not None and high
                and high != low else vnformat.number(high if high is not None else low))
        items.append(f"tổ chức {span} lớp bồi dưỡng lý luận chính trị dành cho đối tượng kết nạp đảng")
    if targets.get("new_cells") is not None:
        text = f"thành lập {vnformat.number(targets['new_cells'])} chi bộ trực thuộc"
        if targets.get("new_cells_fdi"):
            text += (f", trong đó có {vnformat.padded(targets['new_cells_fdi'])} chi bộ trong "
                     "doanh nghiệp FDI")
        items.append(text)
    if targets.get("admissions") is not None:
        text = f"kết nạp {vnformat.number(targets['admissions'])} quần chúng ưu tú vào Đảng"
        if targets.get("admissions_fdi_share") is not None:
            text += (f", trong đó có {vnformat.number(targets['admissions_fdi_share'])}% đảng viên "
                     "làm việc trong doanh nghiệp FDI")
        items.append(text)
    if targets.get("new_unions") is not None:
        items.append(f"thành lập {vnformat.number(targets['new_unions'])} tổ chức Công đoàn cơ sở")
    if targets.get("new_union_members") is not None:
        members = targets["new_union_members"]
        amount = (vnformat.thousands_words(members) if members >= 1000 and members % 1000 == 0
                  else vnformat.number(members))
        items.append(f"vận động {amount} cán bộ, công nhân lao động gia nhập tổ chức công đoàn")
    return items


TARGET_NAMES = {
    "training_classes_max": "Lớp bồi dưỡng nhận thức về Đảng (lớp)",
    "new_cells": "Chi bộ thành lập mới",
    "new_cells_fdi": "Trong đó: chi bộ trong doanh nghiệp FDI",
    "admissions": "Kết nạp đảng viên",
    "admissions_fdi_share": "Tỷ lệ đảng viên kết nạp làm việc trong DN FDI (%)",
    "new_unions": "Công đoàn cơ sở thành lập mới",
    "new_union_members": "Đoàn viên công đoàn phát triển mới",
}


def achievement(targets: dict[str, float], context: ReportContext, new_cells: int,
                new_cells_fdi: int, admitted_fdi: int) -> list[TargetRow]:
    """Targets of the year against what was done (percent of the target, None without one)."""
    admitted = context.party.admitted
    done = {
        "training_classes_max": context.training.classes,
        "new_cells": new_cells,
        "new_cells_fdi": new_cells_fdi,
        "admissions": admitted,
        "admissions_fdi_share": round(100 * admitted_fdi / admitted, 1) if admitted else 0,
        "new_unions": context.unions.founded,
        # Neither the returns nor the Sổ theo dõi count new union members (a return gives the
        # members at its date): the target is listed, its result left for the office to write.
        "new_union_members": None,
    }
    rows = []
    for key, name in TARGET_NAMES.items():
        target = targets.get(key)
        if key == "training_classes_max" and target is None:
            target = targets.get("training_classes_min")
        if target is None:
            continue
        achieved = done[key]
        # The share is shown to one decimal; its rate comes from the exact share (33,3 of 20
        # is 166,7%, not 166,5%).
        exact = (100 * admitted_fdi / admitted if key == "admissions_fdi_share" and admitted
                 else achieved)
        rows.append(TargetRow(key, name, target, achieved,
                              exact / target if target and exact is not None else None))
    return rows
