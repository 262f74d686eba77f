"""Validation rules for one return, declared as data beside the form definition (spec §3).

Type and required-field checks come from `formdef` itself (each Field's kind and `required`).
The rules here relate several fields of one return. Each names its problem code; the codes,
severities, messages and hints live in `problems.CATALOG`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kcn_reports.formdef import Period

Values = dict[str, Any]


@dataclass(frozen=True)
class NotMoreThan:
    """`part` ≤ `whole` (e.g. female employees ≤ employees)."""

    part: str
    whole: str
    code: str = "exceeds-total"


@dataclass(frozen=True)
class Implies:
    """When `when(values)` holds, `then(values)` must hold; the problem sits on `field`."""

    code: str
    field: str
    when: Callable[[Values], bool]
    then: Callable[[Values], bool]


def _is(key: str, expected: Any) -> Callable[[Values], bool]:
    return lambda v: v.get(key) is expected


def _blank_or_zero(key: str) -> Callable[[Values], bool]:
    return lambda v: v.get(key) in (None, 0)


def _union_date_in_period(v: Values) -> bool:
    founded, period = v.get("union_founded_on"), v.get("period")
    if not isinstance(founded, dt.date) or not isinstance(period, Period):
        return True
    return founded <= dt.date.fromisoformat(period.snapshot)


NOT_MORE_THAN: tuple[NotMoreThan, ...] = (
    NotMoreThan("employees_female", "employees"),
    NotMoreThan("employees_foreign", "employees"),
    NotMoreThan("party_members", "employees"),
    NotMoreThan("party_members_not_transferred", "party_members"),
    NotMoreThan("union_members", "employees"),
    NotMoreThan("youth_members", "employees"),
)

IMPLIES: tuple[Implies, ...] = (
    Implies("union-members-without-union", "union_members",
            _is("has_union", False), _blank_or_zero("union_members")),
    Implies("union-date-without-union", "union_founded_on",
            _is("has_union", False), lambda v: v.get("union_founded_on") is None),
    Implies("union-date-missing", "union_founded_on",
            _is("has_union", True), lambda v: v.get("union_founded_on") is not None),
    Implies("union-date-after-period", "union_founded_on",
            _is("has_union", True), _union_date_in_period),
    Implies("youth-members-without-youth-union", "youth_members",
            _is("has_youth_union", False), _blank_or_zero("youth_members")),
    Implies("investor-country-missing", "investor_country",
            lambda v: v.get("ownership") == "fdi", lambda v: bool(v.get("investor_country"))),
    Implies("party-org-too-small", "party_members",
            _is("has_party_org", True),
            lambda v: v.get("party_members") is None or v["party_members"] >= 3),
    Implies("party-members-without-org", "party_members_not_transferred",
            lambda v: (v.get("party_members") or 0) == 0,
            _blank_or_zero("party_members_not_transferred")),
)

# Fields compared with the same enterprise's previous return; a relative change above the
# threshold is a warning showing both values. Stocks (counts at the snapshot date) compare
# across any two periods; flows (sums over the period) only between periods of the same length.
OUTLIER_STOCKS: tuple[str, ...] = ("employees", "party_members", "union_members")
OUTLIER_FLOWS: tuple[str, ...] = ("revenue", "budget_paid")
OUTLIER_THRESHOLD = 0.5
OUTLIER_MIN_BASE = 10  # tiny numbers jump by 50% too easily (2 -> 3 members) to be worth a word

EARLIEST_YEAR = 2000
