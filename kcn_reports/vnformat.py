"""Vietnamese typography for reports: numbers, changes, approximations, percentages, dates.

Each function is also a Jinja filter (see `FILTERS`), so templates never format numbers by hand.
Vietnamese writes "21.000" and "4,5" (dot groups thousands, comma marks decimals) and
administrative documents write "ngày 05 tháng 01 năm 2017". Missing values (None, NaN) render as
"" so that an empty cell in the data stays an empty place in the report.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable
from datetime import date
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Any

from babel.numbers import format_decimal

__all__ = [
    "FILTERS",
    "change",
    "change_word",
    "date_line",
    "long_date",
    "month_year",
    "number",
    "padded",
    "percent",
    "rounded_over",
    "short_date",
    "thousands_words",
]

LOCALE = "vi"
# Fraction digits shown when the caller does not say: enough for ratios, as Babel's "#,##0.###".
DEFAULT_MAX_DECIMALS = 3

Number = int | float | Decimal


def _missing(value: Any) -> bool:
    """None and NaN (pandas' empty cell) are both "no value"."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def _decimal(value: Number) -> Decimal:
    """Exact decimal of what the user sees: str() avoids 1234.25 becoming 1234.2499999..."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, numbers.Integral):  # int, bool, numpy integers: exact, however large
        return Decimal(int(value))
    return Decimal(str(float(value)))


def _format(value: Decimal, decimals: int, fixed: bool) -> str:
    """Group with Babel after rounding half-up ourselves (Babel rounds half-even)."""
    rounded = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # no "-0"
    fraction = ("0" if fixed else "#") * decimals
    pattern = "#,##0" + (f".{fraction}" if decimals else "")
    return format_decimal(rounded, format=pattern, locale=LOCALE, decimal_quantization=True)


def number(value: Number | None, decimals: int | None = None) -> str:
    """21000 -> "21.000", 1234.5 -> "1.234,5"; `decimals` fixes the fraction digits (half-up).

    Without `decimals`, up to three fraction digits are shown and trailing zeros are dropped,
    so 2.50 -> "2,5" and 21000.0 -> "21.000".
    """
    if _missing(value):
        return ""
    assert value is not None
    if decimals is None:
        return _format(_decimal(value), DEFAULT_MAX_DECIMALS, fixed=False)
    return _format(_decimal(value), decimals, fixed=True)


def padded(value: Number | None, width: int = 2) -> str:
    """Counts as administrative documents write them: 4 -> "04", 12 -> "12", 21000 -> "21.000".

    Zero stays "0" and negatives are not padded: "00" and "-04" read as errors.
    """
    if _missing(value):
        return ""
    assert value is not None
    exact = _decimal(value)
    if exact != exact.to_integral_value() or exact <= 0:
        return number(value)
    return str(int(exact)).zfill(width) if exact < 10**width else number(value)


def change_word(delta: Number | None) -> str:
    """The word for the sign of `delta`: "tăng", "giảm" or "không đổi"."""
    if _missing(delta):
        return ""
    assert delta is not None
    if delta > 0:
        return "tăng"
    if delta < 0:
        return "giảm"
    return "không đổi"


def change(delta: Number | None, unit: str = "") -> str:
    """A change in words, not a sign: "tăng 5 chi bộ", "giảm 3 chi bộ", "không đổi"."""
    word = change_word(delta)
    if word in ("", "không đổi"):
        return word
    assert delta is not None
    gap = "" if unit.startswith("%") else " "  # "tăng 2,5%", but "tăng 5 chi bộ"
    return f"{word} {number(abs(_decimal(delta)))}{gap}{unit}".rstrip()


def _default_step(value: Decimal) -> Decimal:
    """Two significant digits from 1.000 up (21.350 -> 21.000), one below (215 -> 200)."""
    digits = len(str(int(value)))
    keep = 2 if value >= 1000 else 1
    return Decimal(10) ** max(digits - keep, 0)


def rounded_over(value: Number | None, step: int | None = None) -> str:
    """An approximation from below: 215 -> "hơn 200", 21350 -> "hơn 21.000", 200 -> "200".

    The value is floored to a multiple of `step` (default: two significant digits for values of
    1.000 and more, one below 1.000, so 35 -> "hơn 30" and 7 -> "7"). Negative values are shown
    exactly: "hơn" of a loss reads wrong.
    """
    if _missing(value):
        return ""
    assert value is not None
    exact = _decimal(value)
    if exact < 1:
        return number(value)
    unit = Decimal(step) if step else _default_step(exact)
    floor = (exact / unit).to_integral_value(rounding=ROUND_FLOOR) * unit
    if floor == exact:
        return number(exact)
    return f"hơn {number(floor)}"


def thousands_words(value: Number | None) -> str:
    """Whole thousands in words for "trên 21 nghìn": 21350 -> "21 nghìn"; below 1.000, the number."""
    if _missing(value):
        return ""
    assert value is not None
    exact = _decimal(value)
    if abs(exact) < 1000:
        return number(value)
    thousands = (abs(exact) / 1000).to_integral_value(rounding=ROUND_FLOOR)
    sign = "-" if exact < 0 else ""
    return f"{sign}{number(thousands)} nghìn"


def percent(value: Number | None, decimals: int = 1) -> str:
    """A ratio as a percentage: 0.3 -> "30%", 0.125 -> "12,5%" (at most `decimals` digits)."""
    if _missing(value):
        return ""
    assert value is not None
    return _format(_decimal(value) * 100, decimals, fixed=False) + "%"


def _is_nat(d: date) -> bool:
    """pandas' NaT (a missing date) is unequal to itself."""
    return d != d


def long_date(d: date | None) -> str:
    """The date in words, day and month zero-padded as administrations write: "ngày 05 tháng 01 năm 2017"."""
    if d is None or _is_nat(d):
        return ""
    return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


def date_line(place: str, d: date | None) -> str:
    """The dateline under a document's title: "Bắc Giang, ngày 26 tháng 11 năm 2026"."""
    if d is None or _is_nat(d):
        return ""
    return f"{place}, {long_date(d)}" if place else long_date(d)


def month_year(d: date | None) -> str:
    """A reporting month: "tháng 6/2014" (not padded, as in running text)."""
    if d is None or _is_nat(d):
        return ""
    return f"tháng {d.month}/{d.year}"


def short_date(d: date | None) -> str:
    """The numeric date for tables: "30/06/2014"."""
    if d is None or _is_nat(d):
        return ""
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


FILTERS: dict[str, Callable[..., str]] = {
    "vn_number": number,
    "vn_padded": padded,
    "vn_change": change,
    "vn_change_word": change_word,
    "vn_over": rounded_over,
    "vn_thousands": thousands_words,
    "vn_percent": percent,
    "vn_long_date": long_date,
    "vn_date_line": date_line,
    "vn_month_year": month_year,
    "vn_short_date": short_date,
}
