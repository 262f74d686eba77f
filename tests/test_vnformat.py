"""Vietnamese typography of numbers, changes and dates as the report templates use them."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kcn_reports import vnformat as vf


def parse_vn(text: str) -> Decimal:
    """Read a Vietnamese-formatted number back: "1.234,5" -> 1234.5."""
    return Decimal(text.replace(".", "").replace(",", "."))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (21000, "21.000"),
        (1234.5, "1.234,5"),
        (4.5, "4,5"),
        (0, "0"),
        (-1234, "-1.234"),
        (2.50, "2,5"),
        (21000.0, "21.000"),
        (1_000_000, "1.000.000"),
        (10**12, "1.000.000.000.000"),
        (Decimal("1234.50"), "1.234,5"),
        (0.125, "0,125"),
        (-0.0001, "0"),
    ],
)
def test_number(value: float, expected: str) -> None:
    assert vf.number(value) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1234.25, 1, "1.234,3"),  # half-up, not Babel's half-even
        (1234.35, 1, "1.234,4"),
        (2.675, 2, "2,68"),
        (2.5, 2, "2,50"),
        (1234, 1, "1.234,0"),
        (1234.5, 0, "1.235"),
        (-1.25, 1, "-1,3"),
    ],
)
def test_number_decimals(value: float, decimals: int, expected: str) -> None:
    assert vf.number(value, decimals) == expected


@pytest.mark.parametrize("missing", [None, float("nan")])
def test_missing_values_render_empty(missing: float | None) -> None:
    for func in (vf.number, vf.padded, vf.change, vf.change_word, vf.rounded_over, vf.percent):
        assert func(missing) == ""
    assert vf.thousands_words(missing) == ""


@pytest.mark.parametrize(
    ("value", "expected"),
    [(4, "04"), (1, "01"), (12, "12"), (150, "150"), (0, "0"), (21000, "21.000"), (-4, "-4")],
)
def test_padded(value: int, expected: str) -> None:
    assert vf.padded(value) == expected


def test_padded_width_and_floats() -> None:
    assert vf.padded(7, width=3) == "007"
    assert vf.padded(4.0) == "04"
    assert vf.padded(4.5) == "4,5"


@pytest.mark.parametrize(
    ("delta", "unit", "expected"),
    [
        (5, "chi bộ", "tăng 5 chi bộ"),
        (-3, "chi bộ", "giảm 3 chi bộ"),
        (0, "chi bộ", "không đổi"),
        (5, "", "tăng 5"),
        (-1500, "lao động", "giảm 1.500 lao động"),
        (2.5, "%", "tăng 2,5%"),
    ],
)
def test_change(delta: float, unit: str, expected: str) -> None:
    assert vf.change(delta, unit) == expected


def test_change_word() -> None:
    assert [vf.change_word(d) for d in (3, -0.5, 0)] == ["tăng", "giảm", "không đổi"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (215, "hơn 200"),
        (21350, "hơn 21.000"),
        (200, "200"),
        (21000, "21.000"),
        (35, "hơn 30"),
        (7, "7"),
        (7.5, "hơn 7"),
        (1350, "hơn 1.300"),
        (999, "hơn 900"),
        (1000, "1.000"),
        (0, "0"),
        (-215, "-215"),
    ],
)
def test_rounded_over(value: float, expected: str) -> None:
    assert vf.rounded_over(value) == expected


def test_rounded_over_step() -> None:
    assert vf.rounded_over(21350, step=500) == "hơn 21.000"
    assert vf.rounded_over(21650, step=500) == "hơn 21.500"
    assert vf.rounded_over(215, step=10) == "hơn 210"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(21350, "21 nghìn"), (21000, "21 nghìn"), (1_250_000, "1.250 nghìn"), (850, "850")],
)
def test_thousands_words(value: int, expected: str) -> None:
    assert vf.thousands_words(value) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [(0.3, 1, "30%"), (0.125, 1, "12,5%"), (1, 1, "100%"), (0.12345, 2, "12,35%"), (0, 1, "0%")],
)
def test_percent(value: float, decimals: int, expected: str) -> None:
    assert vf.percent(value, decimals) == expected


def test_dates() -> None:
    assert vf.long_date(date(2026, 11, 26)) == "ngày 26 tháng 11 năm 2026"
    assert vf.long_date(date(2017, 1, 5)) == "ngày 05 tháng 01 năm 2017"
    assert vf.long_date(datetime(2017, 1, 5, 8, 30)) == "ngày 05 tháng 01 năm 2017"
    assert vf.date_line("Bắc Giang", date(2026, 11, 26)) == "Bắc Giang, ngày 26 tháng 11 năm 2026"
    assert vf.month_year(date(2014, 6, 30)) == "tháng 6/2014"
    assert vf.short_date(date(2014, 6, 30)) == "30/06/2014"
    for func in (vf.long_date, vf.month_year, vf.short_date):
        assert func(None) == ""
    assert vf.date_line("Bắc Giang", None) == ""


def test_filters_cover_every_function() -> None:
    assert set(vf.FILTERS) == {
        "vn_number",
        "vn_padded",
        "vn_change",
        "vn_change_word",
        "vn_over",
        "vn_thousands",
        "vn_percent",
        "vn_long_date",
        "vn_date_line",
        "vn_month_year",
        "vn_short_date",
    }
    assert vf.FILTERS["vn_over"] is vf.rounded_over


def test_filters_in_jinja() -> None:
    jinja2 = pytest.importorskip("jinja2")
    env = jinja2.Environment()
    env.filters.update(vf.FILTERS)
    template = env.from_string(
        "{{ n|vn_number }}; {{ d|vn_change('chi bộ') }}; trên {{ big|vn_thousands }}; "
        "{{ 'Bắc Giang'|vn_date_line(day) }}"
    )
    out = template.render(n=21000, d=-3, big=21350, day=date(2017, 1, 5))
    assert out == "21.000; giảm 3 chi bộ; trên 21 nghìn; Bắc Giang, ngày 05 tháng 01 năm 2017"


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_number_int_round_trip(value: int) -> None:
    assert parse_vn(vf.number(value)) == value


@given(st.integers(min_value=-(10**12), max_value=10**12), st.integers(min_value=0, max_value=3))
def test_number_float_round_trip(mantissa: int, places: int) -> None:
    value = mantissa / 10**places  # a float with at most three decimals, as reports hold
    assert parse_vn(vf.number(value)) == Decimal(str(value))


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.integers(0, 4))
def test_number_decimals_round_trip(value: float, decimals: int) -> None:
    text = vf.number(value, decimals)
    expected = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding="ROUND_HALF_UP")
    assert parse_vn(text) == expected
    assert len(text.partition(",")[2]) == decimals


@given(st.one_of(st.integers(-(10**9), 10**9), st.floats(-1e9, 1e9, allow_nan=False)))
def test_change_word_agrees_with_sign(delta: float) -> None:
    text = vf.change(delta, "chi bộ")
    if delta > 0:
        assert text.startswith("tăng ")
    elif delta < 0:
        assert text.startswith("giảm ")
    else:
        assert text == "không đổi"
    assert text.startswith(vf.change_word(delta))
