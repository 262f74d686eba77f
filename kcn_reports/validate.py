"""Stage 4: apply the rules of `rules.py` to one return, then the checks across files."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from kcn_reports import rules
from kcn_reports.formdef import FIELDS_BY_KEY, Period
from kcn_reports.outcome import FormReturn
from kcn_reports.problems import ERROR, Problem, problem


def _shown(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def validate_form(form: FormReturn, today: dt.date | None = None) -> list[Problem]:
    """Problems between fields of one return (types were checked while reading)."""
    today = today or dt.date.today()
    values = form.values
    found: list[Problem] = []

    def add(code: str, key: str, value: Any, **params: Any) -> None:
        spec = FIELDS_BY_KEY[key]
        sheet, cell = form.where(key)
        found.append(problem(code, file=form.relpath, sheet=sheet, cell=cell,
                             field=key, value=_shown(value), label=spec.label, **params))

    for rule in rules.NOT_MORE_THAN:
        part, whole = values.get(rule.part), values.get(rule.whole)
        if part is not None and whole is not None and part > whole:
            add(rule.code, rule.part, part, other_label=FIELDS_BY_KEY[rule.whole].label,
                other=_shown(whole))
    period = values.get("period")
    # A cell already reported as unreadable is not also reported as missing.
    unread = {p.field for p in form.problems if p.severity == ERROR and p.field}
    for implication in rules.IMPLIES:
        if implication.field in unread:
            continue
        if implication.when(values) and not implication.then(values):
            end = dt.date.fromisoformat(period.snapshot).strftime("%d/%m/%Y") if period else ""
            add(implication.code, implication.field, values.get(implication.field), end=end)
    if isinstance(period, Period) and not rules.EARLIEST_YEAR <= period.year <= today.year:
        add("period-year-unlikely", "period", period.year, earliest=rules.EARLIEST_YEAR)
    prepared = values.get("prepared_on")
    if isinstance(prepared, dt.date):
        if prepared > today:
            add("prepared-in-future", "prepared_on", prepared)
        elif isinstance(period, Period) and prepared < dt.date(period.year, 1, 1):
            add("prepared-before-period", "prepared_on", prepared)
    return found


def outliers(forms: list[FormReturn]) -> dict[str, list[Problem]]:
    """Warnings for big changes against the same enterprise's previous period, by relpath."""
    by_tax: dict[str, list[FormReturn]] = defaultdict(list)
    for form in forms:
        if form.values.get("tax_code") and isinstance(form.values.get("period"), Period):
            by_tax[form.values["tax_code"]].append(form)
    found: dict[str, list[Problem]] = defaultdict(list)
    for returns in by_tax.values():
        returns.sort(key=lambda f: f.values["period"].snapshot)
        for previous, current in zip(returns, returns[1:], strict=False):
            same_length = previous.values["period"].kind == current.values["period"].kind
            for key in rules.OUTLIER_STOCKS + (rules.OUTLIER_FLOWS if same_length else ()):
                before, after = previous.values.get(key), current.values.get(key)
                if not before or after is None or max(before, after) < rules.OUTLIER_MIN_BASE:
                    continue  # nothing before (a union just founded) is no basis for a ratio
                change = (after - before) / before
                if abs(change) > rules.OUTLIER_THRESHOLD:
                    sign = "tăng" if change > 0 else "giảm"
                    found[current.relpath].append(problem(
                        "outlier", file=current.relpath, sheet=current.where(key)[0],
                        cell=current.where(key)[1], field=key, value=_shown(after),
                        label=FIELDS_BY_KEY[key].label, previous=_shown(before),
                        change=f"{sign} {abs(change):.0%}".replace(".", ","),
                        previous_period=previous.values["period"].label,
                        period=current.values["period"].label))
    return found
