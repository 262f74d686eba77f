"""Parsers for values as enterprises type them: examples from real returns, and properties."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kcn_reports.formdef import PERIOD_HALF, PERIOD_YEAR, Period, Zone
from kcn_reports.values import (
    ParseError,
    parse_date,
    parse_integer,
    parse_number,
    parse_ownership,
    parse_period,
    parse_tax_code,
    parse_yes_no,
    parse_zone,
)

ZONES = (Zone("Đình Trám"), Zone("Song Khê – Nội Hoàng", ("Song Khê - Nội Hoàng",)), Zone("Hòa Phú", ("Hoà Phú",)))


@pytest.mark.parametrize("raw, expected", [
    (1234, 1234), (1234.0, 1234), (4.5, 4.5), ("1.234", 1234), ("1.234,5", 1234.5),
    ("4,5", 4.5), ("1 234", 1234), ("1\u00a0234", 1234), ("1.234 người", 1234), ("-", 0),
    ("0", 0), ("", None), ("   ", None), (None, None), ("12.345.678", 12345678),
    ("1,234,567", 1234567), ("1,234.5", 1234.5), ("2.5", 2.5), ("7,25 triệu", 7.25),
    ("Khoảng 350", 350), ("–", 0),
])
def test_numbers_as_typed(raw, expected):
    assert parse_number(raw).value == expected


@pytest.mark.parametrize("raw", ["abc", "1.2.3,4,5", "150 (nam 100)", "12/3"])
def test_unreadable_numbers_are_errors(raw):
    with pytest.raises(ParseError) as info:
        parse_number(raw)
    assert info.value.code == "not-a-number"


def test_a_date_where_a_number_goes_says_excel_made_it():
    with pytest.raises(ParseError) as info:
        parse_number(dt.date(2016, 1, 1))
    assert (info.value.code, info.value.params) == ("number-became-date", {"shown": "01/01/2016"})


def test_number_with_words_warns():
    parsed = parse_number("1.234 người")
    assert [code for code, _ in parsed.warnings] == ["value-with-text"]


def test_comma_thousands_in_integer_field():
    assert parse_integer("1,234").value == 1234
    assert parse_integer("1.234").value == 1234
    with pytest.raises(ParseError) as info:
        parse_integer("4,5")
    assert info.value.code == "not-an-integer"


def test_ambiguous_comma_in_decimal_field_warns():
    parsed = parse_number("1,234")
    assert parsed.value == 1.234
    assert parsed.warnings[0][0] == "ambiguous-number"


def _vn(value: int) -> str:
    """Format with "." thousands, the Vietnamese way."""
    return f"{value:,}".replace(",", ".")


@given(st.integers(min_value=0, max_value=10**12))
def test_vietnamese_integer_text_round_trips(value):
    assert parse_number(_vn(value)).value == value
    assert parse_integer(f"{_vn(value)} người").value == value
    assert parse_number(f"{value:,}".replace(",", " ")).value == value


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=99))
def test_vietnamese_decimal_text_round_trips(whole, frac):
    text = f"{_vn(whole)},{frac:02d}"
    assert parse_number(text).value == pytest.approx(whole + frac / 100)


@given(st.floats(min_value=0, max_value=1e12, allow_nan=False))
def test_real_numbers_pass_through(value):
    assert parse_number(value).value == pytest.approx(value)


@pytest.mark.parametrize("raw", ["Có", "có", "Co", "CÓ", "x", "X", "1", 1, 1.0, True, "Yes", "yes",
                                 "Có (chi bộ ghép)", "Đã có", "co\u0301"])
def test_yes(raw):
    assert parse_yes_no(raw).value is True


@pytest.mark.parametrize("raw", ["Không", "không", "khong", "KHÔNG", "Chưa", "chưa có", "0", 0,
                                 False, "No", "no", "-", "Ko"])
def test_no(raw):
    assert parse_yes_no(raw).value is False


@pytest.mark.parametrize("raw", ["", None, "  "])
def test_yes_no_blank(raw):
    assert parse_yes_no(raw).value is None


@pytest.mark.parametrize("raw", ["có lẽ thế", "2", "maybe"])
def test_yes_no_rejects(raw):
    if raw == "có lẽ thế":  # starts with "có": taken as yes, the way a person reads it
        assert parse_yes_no(raw).value is True
        return
    with pytest.raises(ParseError):
        parse_yes_no(raw)


@given(st.sampled_from(["Có", "có", "Co", "x", "X", "1", "Yes", "Không", "khong", "Chưa", "0", "No"]),
       st.sampled_from(["", " ", "  "]), st.booleans())
def test_yes_no_tolerates_spacing_case_and_nfd(word, pad, nfd):
    text = pad + (unicodedata.normalize("NFD", word) if nfd else word) + pad
    expected = word.lower() in {"có", "co", "x", "1", "yes"}
    assert parse_yes_no(text).value is expected
    assert parse_yes_no(text.upper()).value is expected


@pytest.mark.parametrize("raw, expected", [
    ("05/03/2015", dt.date(2015, 3, 5)), ("5/3/15", dt.date(2015, 3, 5)),
    ("05-03-2015", dt.date(2015, 3, 5)), ("05.03.2015", dt.date(2015, 3, 5)),
    ("31/12/2016", dt.date(2016, 12, 31)), (dt.datetime(2016, 6, 30, 0, 0), dt.date(2016, 6, 30)),
    (dt.date(2016, 6, 30), dt.date(2016, 6, 30)), (42369, dt.date(2015, 12, 31)),
    (42369.0, dt.date(2015, 12, 31)), ("42369", dt.date(2015, 12, 31)),
    ("2015-12-31", dt.date(2015, 12, 31)), ("ngày 05 tháng 3 năm 2015", dt.date(2015, 3, 5)),
    ("Tháng 5/2015", dt.date(2015, 5, 1)), ("T5/2015", dt.date(2015, 5, 1)),
    ("05/2015", dt.date(2015, 5, 1)), ("tháng 12 năm 2014", dt.date(2014, 12, 1)),
])
def test_dates(raw, expected):
    assert parse_date(raw).value == expected


@pytest.mark.parametrize("raw", ["03/15/2015", "31/02/2016", "hôm qua", "13/2015", "2015", True])
def test_month_first_and_nonsense_dates_are_errors(raw):
    with pytest.raises(ParseError):
        parse_date(raw)


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_day_first_text_round_trips(day):
    assert parse_date(day.strftime("%d/%m/%Y")).value == day
    assert parse_date(f"{day.day}/{day.month}/{day.year}").value == day
    assert parse_date(day.strftime("%d-%m-%Y")).value == day
    serial = (day - dt.date(1899, 12, 30)).days
    assert parse_date(serial).value == day


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2026, 12, 31)))
def test_two_digit_years_are_this_century(day):
    assert parse_date(day.strftime("%d/%m/%y"), today=dt.date(2026, 11, 26)).value == day


@pytest.mark.parametrize("raw, expected", [
    ("0101234567", "0101234567"), (" 0101 234 567 ", "0101234567"),
    ("0101234567-001", "0101234567-001"), ("0101234567001", "0101234567-001"),
    (2400123456, "2400123456"), (2400123456.0, "2400123456"), ("'0101234567", "0101234567"),
])
def test_tax_codes(raw, expected):
    assert parse_tax_code(raw).value == expected


def test_tax_code_lost_leading_zero_is_restored_with_warning():
    parsed = parse_tax_code(101234567)
    assert parsed.value == "0101234567"
    assert parsed.warnings[0][0] == "tax-code-padded"


@pytest.mark.parametrize("raw", ["12345", "01012345678", "010123456A", "0101234567-01"])
def test_bad_tax_codes(raw):
    with pytest.raises(ParseError):
        parse_tax_code(raw)


@pytest.mark.parametrize("raw, expected", [
    ("6 tháng đầu năm 2016", Period(PERIOD_HALF, 2016)), ("6 THÁNG ĐẦU NĂM 2016", Period(PERIOD_HALF, 2016)),
    ("6 thang dau nam 2016", Period(PERIOD_HALF, 2016)), ("6T/2016", Period(PERIOD_HALF, 2016)),
    ("06 tháng năm 2015", Period(PERIOD_HALF, 2015)), ("Năm 2016", Period(PERIOD_YEAR, 2016)),
    ("năm 2015", Period(PERIOD_YEAR, 2015)), ("2016", Period(PERIOD_YEAR, 2016)),
    (2016, Period(PERIOD_YEAR, 2016)), ("Cả năm 2016", Period(PERIOD_YEAR, 2016)),
    ("Năm 2016 (01/01/2016 – 31/12/2016)", Period(PERIOD_YEAR, 2016)),
    ("Báo cáo năm 2016", Period(PERIOD_YEAR, 2016)), ("Năm tài chính 2016", Period(PERIOD_YEAR, 2016)),
    ("6 tháng đầu năm 2016 (đến 30/6/2016)", Period(PERIOD_HALF, 2016)),
    ("Từ 01/01/2016 đến 30/06/2016", Period(PERIOD_HALF, 2016)),
    ("01/01/2015 - 31/12/2015", Period(PERIOD_YEAR, 2015)),
    ("Tính đến ngày 31/12/2016", Period(PERIOD_YEAR, 2016)),
    ("H1/2016", Period(PERIOD_HALF, 2016)), ("First half 2016", Period(PERIOD_HALF, 2016)),
    ("Year 2016", Period(PERIOD_YEAR, 2016)),
])
def test_periods(raw, expected):
    assert parse_period(raw).value == expected


@pytest.mark.parametrize("raw", ["Quý 3", "2015-2016", "6 tháng cuối năm 2016", "Quý II/2016",
                                 "9 tháng năm 2016", "01/01/2016 - 30/09/2016",
                                 "01/07/2016 - 31/12/2016", "01/01/2015 - 31/12/2016"])
def test_bad_periods(raw):
    with pytest.raises(ParseError):
        parse_period(raw)


@pytest.mark.parametrize("raw, expected", [
    ("Đình Trám", "Đình Trám"), ("KCN Đình Trám", "Đình Trám"), ("Dinh Tram", "Đình Trám"),
    ("khu công nghiệp đình trám", "Đình Trám"), ("Song Khê - Nội Hoàng", "Song Khê – Nội Hoàng"),
    ("KCN Song Khe – Noi Hoang", "Song Khê – Nội Hoàng"), ("Hoà Phú", "Hòa Phú"),
    (unicodedata.normalize("NFD", "Hòa Phú"), "Hòa Phú"),
    ("KCN Đình Trám, huyện Việt Yên, tỉnh Bắc Giang", "Đình Trám"),
    ("Khu công nghiệp Song Khê - Nội Hoàng (Bắc Giang)", "Song Khê – Nội Hoàng"),
])
def test_zones_matched_tolerantly(raw, expected):
    assert parse_zone(raw, ZONES).value == expected


def test_zone_within_a_longer_name_prefers_the_longest_and_refuses_two():
    zones = (Zone("Quế Võ"), Zone("Quế Võ II"), Zone("Yên Phong"))
    assert parse_zone("KCN Quế Võ II, thị xã Quế Võ", zones).value == "Quế Võ II"
    assert parse_zone("Khu công nghiệp Quế Võ (mở rộng)", zones).value == "Quế Võ"
    with pytest.raises(ParseError):
        parse_zone("KCN Quế Võ và KCN Yên Phong", zones)


def test_month_and_year_only_is_the_first_of_the_month_with_a_warning():
    parsed = parse_date("Tháng 5/2015")
    assert parsed.value == dt.date(2015, 5, 1)
    assert parsed.warnings == (("date-month-only", {"parsed": "01/05/2015"}),)


def test_unknown_zone_names_the_known_ones():
    with pytest.raises(ParseError) as info:
        parse_zone("Quế Võ", ZONES)
    assert "Đình Trám" in info.value.params["known"]


@pytest.mark.parametrize("raw, expected", [
    ("Doanh nghiệp có vốn đầu tư nước ngoài (FDI)", "fdi"), ("FDI", "fdi"), ("fdi", "fdi"),
    ("100% vốn nước ngoài", "fdi"), ("Doanh nghiệp trong nước", "domestic"),
    ("Trong nước", "domestic"), ("doanh nghiep trong nuoc", "domestic"),
    ("Công ty TNHH 100% vốn Hàn Quốc", "fdi"), ("Doanh nghiệp có vốn ĐTNN", "fdi"),
    ("Liên doanh với Nhật Bản", "fdi"), ("Foreign-invested enterprise", "fdi"),
    ("Công ty cổ phần tư nhân", "domestic"), ("Doanh nghiệp nhà nước", "domestic"),
])
def test_ownership(raw, expected):
    assert parse_ownership(raw).value == expected
