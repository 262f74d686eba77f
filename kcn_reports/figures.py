"""Stage 5: the figures of a report, and the whole template context, built by pure functions.

Definitions (the sample workspace and the tests follow exactly these):

- The two snapshots: annual year Y compares 31/12/(Y−1) with 31/12/Y; the two-year (milestone)
  report compares the baseline date of the settings with the as-of date. Flows count events
  after `start` up to and including `end`.
- The returns used are the accepted returns of the latest period whose snapshot date (30/06 or
  31/12) is on or before `end`.
- Party cells at a date: the baseline count on the baseline date; otherwise the rows of sheet
  "Chi bộ" founded on or before the date and not dissolved by it.
- Party members at a date: baseline members + increases − decreases of "Biến động đảng viên"
  after the baseline date up to the date (Biểu 1-BTCTW: D = A + B − C).
- Per cell (the A/B/C/D table): the cell's "Số đảng viên" at the workbook's latest date minus
  its movements after `start` (A) or after `end` (D).
- Cells in FDI: cells at `end` whose tax code is an FDI enterprise (sheet Doanh nghiệp, else
  the return). Members in FDI: Σ Mã số 10 over accepted FDI returns. Domestic owner members:
  accepted domestic returns with Mã số 12 = Có.
- Outreach: distinct tax codes in "Tiếp cận, tuyên truyền doanh nghiệp" activities in the
  period; mobilised: Σ people of "Vận động chuyển sinh hoạt đảng"; training: count, Σ people,
  Σ people from FDI of "Lớp bồi dưỡng nhận thức về Đảng".
- Unions founded: returns whose Mã số 15 falls in the period; total: Mã số 14 = Có; members:
  Σ Mã số 16. Youth: Mã số 17 = Có, Σ Mã số 18. Labour: Σ Mã số 05, 06, 07.
- Enterprises expected: active in sheet Doanh nghiệp during the returns' period; reported:
  distinct tax codes with an accepted return for that period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kcn_reports import vnformat
from kcn_reports.check import completeness
from kcn_reports.formdef import Period
from kcn_reports.ledger import Ledger, Row, cells_at, movements_between, net_change
from kcn_reports.ledgerdef import MOVEMENT_DECREASES, MOVEMENT_INCREASES
from kcn_reports.outcome import CheckReport
from kcn_reports.parse import FormReturn
from kcn_reports.settings import Settings
from kcn_reports.textnorm import fold

TWO_YEAR = "two-year"
ANNUAL = "annual"
KINDS = (TWO_YEAR, ANNUAL)


@dataclass(frozen=True)
class ReportPeriod:
    kind: str
    start: dt.date
    end: dt.date

    @property
    def year(self) -> int:
        return self.end.year

    @property
    def slug(self) -> str:
        """Folder name under outputs/."""
        if self.kind == ANNUAL:
            return f"bao-cao-nam-{self.year}"
        return f"bao-cao-hai-nam-{self.end.isoformat()}"


def report_period(kind: str, settings: Settings, year: int | None = None,
                  as_of: dt.date | None = None, today: dt.date | None = None) -> ReportPeriod:
    """The two snapshot dates of a report kind. Raises ValueError with a Vietnamese message."""
    today = today or dt.date.today()
    if kind == ANNUAL:
        year = year or (as_of.year if as_of else today.year - (1 if today.month < 12 else 0))
        return ReportPeriod(ANNUAL, dt.date(year - 1, 12, 31), dt.date(year, 12, 31))
    if kind != TWO_YEAR:
        raise ValueError(f"Loại báo cáo không đúng: {kind} (chọn two-year hoặc annual).")
    if settings.baseline.date is None:
        where = settings.path or "kcn_reports.toml"
        raise ValueError(
            f"Báo cáo hai năm tính từ mốc ban đầu, nhưng tệp cài đặt {where} chưa có mục "
            "[baseline] (mốc ban đầu) với ngày mốc. Thêm vào tệp đó, với số của đơn vị mình:\n"
            "[baseline]\ndate = 2014-06-30        # ngày mốc, dạng năm-tháng-ngày\n"
            "party_cells = 4          # số chi bộ tại ngày mốc\n"
            "party_members = 35       # số đảng viên tại ngày mốc")
    end = as_of or (dt.date(year, 12, 31) if year else today)
    if end <= settings.baseline.date:
        raise ValueError(f"Ngày báo cáo {end:%d/%m/%Y} phải sau mốc ban đầu "
                         f"{settings.baseline.date:%d/%m/%Y}.")
    return ReportPeriod(TWO_YEAR, settings.baseline.date, end)


def forms_period(report: CheckReport, end: dt.date) -> Period | None:
    """The latest period of accepted returns whose snapshot is on or before `end`."""
    periods = {f.values["period"] for f in report.accepted_forms()
               if isinstance(f.values.get("period"), Period)}
    eligible = [p for p in periods if dt.date.fromisoformat(p.snapshot) <= end]
    return max(eligible, key=lambda p: p.snapshot, default=None)


def _sum(forms: list[FormReturn], key: str) -> int | float:
    return sum(f.values.get(key) or 0 for f in forms)


def _count(forms: list[FormReturn], key: str, value: Any = True) -> int:
    return sum(1 for f in forms if f.values.get(key) is value)


def members_at(ledger: Ledger | None, settings: Settings, day: dt.date) -> int:
    base = settings.baseline
    if ledger is None:
        return base.party_members if base.date and day >= base.date else 0
    if base.date is not None and day >= base.date:
        up, down = net_change(movements_between(ledger, base.date, day))
        return base.party_members + up - down
    up, down = net_change(movements_between(ledger, dt.date.min, day))
    return up - down


def cells_count_at(ledger: Ledger | None, settings: Settings, day: dt.date) -> int:
    if settings.baseline.date == day or ledger is None:
        return settings.baseline.party_cells if settings.baseline.date == day else 0
    return len(cells_at(ledger, day))


def _ownership_of(tax: str | None, ledger: Ledger | None, forms: list[FormReturn]) -> str | None:
    if not tax:
        return None
    if ledger is not None and tax in ledger.enterprises:
        return ledger.enterprises[tax].get("ownership")
    for form in forms:
        if form.values.get("tax_code") == tax:
            return form.values.get("ownership")
    return None


def movement_table(ledger: Ledger | None, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """Biểu 1-BTCTW per cell: A at start, B increases, C decreases, D = A + B − C at end."""
    if ledger is None:
        return []
    latest = max(ledger.latest_date or end, end)
    table = []
    names = {fold(r.values["name"]): r for r in ledger.sheet("cells") if r.get("name")}
    shown = {fold(r.values["name"]) for r in (*cells_at(ledger, start), *cells_at(ledger, end))}
    for key, row in names.items():
        if key not in shown:
            continue
        mine = [m for m in ledger.sheet("movements") if fold(m.get("cell") or "") == key
                and m.get("date") and m.get("type") and m.get("count") is not None]
        after_start = [m for m in mine if m.values["date"] > start]
        up_later, down_later = net_change([m for m in after_start if m.values["date"] <= latest])
        anchor = row.get("members")
        if anchor is None:
            up_all, down_all = net_change([m for m in mine if m.values["date"] <= latest])
            anchor = up_all - down_all
        in_period = [m for m in after_start if m.values["date"] <= end]

        def total(kinds: set[str], rows: list[Row] = in_period) -> int:
            return sum(m.values["count"] for m in rows if m.values["type"] in kinds)

        a = anchor - (up_later - down_later)
        entry = {
            "cell": row.values["name"],
            "a": a,
            "admitted": total({"admitted"}),
            "transferred_in": total({"transferred_in"}),
            "other_in": total(set(MOVEMENT_INCREASES) - {"admitted", "transferred_in"}),
            "died": total({"died"}),
            "transferred_out": total({"transferred_out"}),
            "other_out": total(set(MOVEMENT_DECREASES) - {"died", "transferred_out"}),
        }
        entry["d"] = (a + entry["admitted"] + entry["transferred_in"] + entry["other_in"]
                      - entry["died"] - entry["transferred_out"] - entry["other_out"])
        table.append(entry)
    return table


def _totals(rows: list[dict[str, Any]], keys: list[str]) -> dict[str, Any]:
    return {k: sum(r[k] for r in rows) for k in keys}


def by_zone(forms: list[FormReturn], settings: Settings) -> list[dict[str, Any]]:
    """Sums per zone, with pandas; zones in settings order, every zone listed."""
    import pandas as pd

    columns = ["enterprises", "employees", "female", "foreign", "party_members",
               "union_members", "youth_members"]
    zone_names = [z.name for z in settings.zones]
    if forms:
        frame = pd.DataFrame([{
            "zone": f.values.get("zone"),
            "enterprises": 1,
            "employees": f.values.get("employees") or 0,
            "female": f.values.get("employees_female") or 0,
            "foreign": f.values.get("employees_foreign") or 0,
            "party_members": f.values.get("party_members") or 0,
            "union_members": f.values.get("union_members") or 0,
            "youth_members": f.values.get("youth_members") or 0,
        } for f in forms])
        sums = frame.groupby("zone")[columns].sum()
    else:
        sums = pd.DataFrame(columns=columns)
    extra = [z for z in sums.index if z not in zone_names]
    rows = []
    for zone in [*zone_names, *extra]:
        values = sums.loc[zone] if zone in sums.index else None
        rows.append({"zone": zone, **{c: int(values[c]) if values is not None else 0 for c in columns}})
    return rows


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


def build_context(report: CheckReport, settings: Settings, period: ReportPeriod,
                  report_date: dt.date, manual: dict[str, str] | None = None) -> dict[str, Any]:
    """The whole template context (also figures.json) from checked inputs. Pure: reads only
    its arguments."""
    start, end = period.start, period.end
    ledger = report.ledger
    used = forms_period(report, end)
    forms = report.accepted_forms(used) if used else []
    fdi = [f for f in forms if f.values.get("ownership") == "fdi"]
    domestic = [f for f in forms if f.values.get("ownership") == "domestic"]

    activities = [r for r in (ledger.sheet("activities") if ledger else [])
                  if r.get("date") and start < r.values["date"] <= end]

    def of_type(kind: str) -> list[Row]:
        return [r for r in activities if r.get("type") == kind]

    approached = {r.values["tax_code"] for r in of_type("outreach") if r.get("tax_code")}
    training = of_type("training")
    moves = movements_between(ledger, start, end) if ledger else []
    cells_end = cells_at(ledger, end) if ledger else []
    new_cells = [r for r in cells_end if r.values["founded_on"] > start]
    admitted_rows = [m for m in moves if m.values["type"] == "admitted"]
    admitted = sum(m.values["count"] for m in admitted_rows)
    admitted_fdi = sum(m.values["count"] for m in admitted_rows
                       if _ownership_of(m.get("tax_code"), ledger, forms) == "fdi")

    coverage = (completeness(ledger, forms, used, settings) if ledger is not None and used
                else report.completeness)
    zones = by_zone(forms, settings)
    zone_keys = ["enterprises", "employees", "female", "foreign", "party_members",
                 "union_members", "youth_members"]
    movement_rows = movement_table(ledger, start, end)
    movement_keys = ["a", "admitted", "transferred_in", "other_in", "died", "transferred_out",
                     "other_out", "d"]
    party = {
        "cells_start": cells_count_at(ledger, settings, start),
        "cells_end": cells_count_at(ledger, settings, end),
        "members_start": members_at(ledger, settings, start),
        "members_end": members_at(ledger, settings, end),
        "cells_in_fdi": sum(1 for r in cells_end
                            if _ownership_of(r.get("tax_code"), ledger, forms) == "fdi"),
        "members_in_fdi": _sum(fdi, "party_members"),
        "domestic_owner_members": _count(domestic, "owner_is_party_member"),
        "admitted": admitted,
        "transferred_in": sum(m.values["count"] for m in moves
                              if m.values["type"] == "transferred_in"),
        "mobilised_transfer": sum(r.get("people") or 0 for r in of_type("mobilise_transfer")),
    }
    unions_founded = sum(1 for f in forms if isinstance(f.values.get("union_founded_on"), dt.date)
                         and start < f.values["union_founded_on"] <= end)
    context: dict[str, Any] = {
        "org": {
            "superior_body": settings.superior_body,
            "issuing_body": settings.issuing_body,
            "abbreviation": settings.abbreviation,
            "place": settings.place,
            "party_org_name": settings.party_org_name,
            "signatory": {"on_behalf": settings.signatory.on_behalf,
                          "title": settings.signatory.title, "name": settings.signatory.name},
            "recipients": list(settings.recipients),
        },
        "report": {
            "kind": period.kind,
            "start": start,
            "end": end,
            "date": report_date,
            "number": "",
            "year": period.year,
            "years_text": vnformat.padded(max(1, (end - start).days // 365)),
            "period_label": (f"năm {period.year}" if period.kind == ANNUAL else
                             f"từ {vnformat.month_year(start)} đến {vnformat.month_year(end)}"),
            "forms_period": used.key if used else None,
            "forms_period_label": used.label if used else "",
        },
        "party": party,
        "outreach": {
            "enterprises_approached": len(approached),
            "enterprises_approached_fdi": sum(1 for t in approached
                                              if _ownership_of(t, ledger, forms) == "fdi"),
            "team_text": settings.facts.get("outreach_team", ""),
        },
        "training": {
            "classes": len(training),
            "attendees": sum(r.get("people") or 0 for r in training),
            "attendees_fdi": sum(r.get("people_fdi") or 0 for r in training),
        },
        "unions": {
            "founded": unions_founded,
            "total": _count(forms, "has_union"),
            "members": _sum(forms, "union_members"),
        },
        "youth": {
            "organisations": _count(forms, "has_youth_union"),
            "members": _sum(forms, "youth_members"),
        },
        "labour": {
            "employees": _sum(forms, "employees"),
            "female": _sum(forms, "employees_female"),
            "foreign": _sum(forms, "employees_foreign"),
        },
        "enterprises": {
            "expected": coverage.expected if coverage else None,
            "reported": len({f.values.get("tax_code") for f in forms}),
            "fdi": len(fdi),
            "domestic": len(domestic),
            "rate": coverage.rate if coverage else None,
        },
        "by_zone": zones,
        "by_zone_total": _totals(zones, zone_keys),
        "movements": movement_rows,
        "movements_total": _totals(movement_rows, movement_keys),
        "targets": [],
        "next_targets": {"year": period.year + 1, "items": []},
        "manual": {"assessment": "", "solutions": "", **(manual or {})},
    }
    if ledger is not None:
        context["next_targets"]["items"] = next_target_items(ledger.targets(period.year + 1))
        if period.kind == ANNUAL:
            context["targets"] = achievement(ledger.targets(period.year), party, context,
                                             len(new_cells), sum(
                                                 1 for r in new_cells
                                                 if _ownership_of(r.get("tax_code"), ledger, forms) == "fdi"),
                                             admitted_fdi)
    return context


def achievement(targets: dict[str, float], party: dict[str, Any], context: dict[str, Any],
                new_cells: int, new_cells_fdi: int, admitted_fdi: int) -> list[dict[str, Any]]:
    """Targets of the year against what was done (percent of the target, None without one)."""
    admitted = party["admitted"]
    done = {
        "training_classes_max": context["training"]["classes"],
        "new_cells": new_cells,
        "new_cells_fdi": new_cells_fdi,
        "admissions": admitted,
        "admissions_fdi_share": round(100 * admitted_fdi / admitted, 1) if admitted else 0,
        "new_unions": context["unions"]["founded"],
    }
    names = {
        "training_classes_max": "Lớp bồi dưỡng nhận thức về Đảng (lớp)",
        "new_cells": "Chi bộ thành lập mới",
        "new_cells_fdi": "Trong đó: chi bộ trong doanh nghiệp FDI",
        "admissions": "Kết nạp đảng viên",
        "admissions_fdi_share": "Tỷ lệ đảng viên kết nạp làm việc trong DN FDI (%)",
        "new_unions": "Công đoàn cơ sở thành lập mới",
    }
    rows = []
    for key, name in names.items():
        target = targets.get(key)
        if key == "training_classes_max" and target is None:
            target = targets.get("training_classes_min")
        if target is None:
            continue
        achieved = done[key]
        rows.append({"name": name, "target": target, "achieved": achieved,
                     "percent": achieved / target if target else None})
    return rows


def to_json(value: Any) -> Any:
    """figures.json: dates as ISO strings, everything else as is."""
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
