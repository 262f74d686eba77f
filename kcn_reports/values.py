"""Parsers for values as enterprises really type them.

Each parser takes a raw cell value (what python-calamine returns: str, int, float, bool,
date, datetime, time, or "" for blank) and returns a `Parsed` value with an optional warning,
or raises `ParseError` carrying a problem code from `problems.CATALOG`.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import unicodedata
from collections.abc import Callable
from typing import Any, NamedTuple

from kcn_reports.formdef import (
    NO_WORDS,
    OWNERSHIP_CHOICES,
    PERIOD_HALF,
    PERIOD_YEAR,
    YES_WORDS,
    Kind,
    Period,
    Zone,
)
from kcn_reports.textnorm import clean, fold, nfc

EXCEL_EPOCH = dt.date(1899, 12, 30)
MAX_SERIAL = 2958465  # 9999-12-31


class ParseError(ValueError):
    """A value that cannot be read; `code` names the problem in the catalog."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


class Parsed(NamedTuple):  # a named tuple: built for every cell read, and cheaper than a dataclass
    value: Any
    warnings: tuple[tuple[str, dict[str, Any]], ...] = ()


ZERO_WORDS = {"-", "–", "—", "−", "không có", "khong co", "không", "khong", "0"}


_BLANK_CHARS = " \t\r\n\u00a0\u200b\ufeff\u3000"


def is_blank(raw: Any) -> bool:
    if raw is None:
        return True
    if isinstance(raw, str):
        return not raw.strip(_BLANK_CHARS)
    if isinstance(raw, float):
        return math.isnan(raw)
    return False


_NUMBER_RUN = re.compile(r"[-+−]?\d[\d.,\u00a0\u202f ]*")
_THOUSANDS_DOT = re.compile(r"^\d{1,3}(\.\d{3})+$")
_THOUSANDS_COMMA = re.compile(r"^\d{1,3}(,\d{3})+$")
_PLAIN_NUMBER = re.compile(r"\d+(\.\d+)?")
_BRACKETED = re.compile(r"^\(\s*(\d[\d.,\u00a0\u202f ]*?)\s*\)")


def parse_number(raw: Any, *, integer_expected: bool = False) -> Parsed:
    """A number written as a real number or as Vietnamese-style text.

    "1.234" = 1234, "1.234,5" = 1234.5, "4,5" = 4.5, "1 234" = 1234, "1.234 người" = 1234
    (with a warning), "-" = 0. Blank gives None.
    """
    if is_blank(raw):
        return Parsed(None)
    if isinstance(raw, bool):
        return Parsed(int(raw))
    if isinstance(raw, int):
        return Parsed(raw)
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise ParseError("not-a-number")
        return Parsed(int(raw) if raw.is_integer() else raw)
    if isinstance(raw, (dt.date, dt.datetime)):
        # Excel turned "8.5" into 08/05 in a cell not formatted as a number.
        raise ParseError("number-became-date", shown=raw.strftime("%d/%m/%Y"))
    if isinstance(raw, (dt.time, dt.timedelta)):
        raise ParseError("not-a-number")
    text = clean(str(raw))
    if text.lower() in ZERO_WORDS or text in ZERO_WORDS:
        return Parsed(0)
    bracketed = _BRACKETED.match(text)
    if bracketed:  # "(125)": an accountant's negative
        text = "-" + bracketed.group(1) + text[bracketed.end():]
    # "150 (nam 100)": two numbers, of which the reader cannot be sure which is meant.
    runs = [r.strip(" .,\u00a0\u202f") for r in _NUMBER_RUN.findall(text)]
    runs = [r for r in runs if any(ch.isdigit() for ch in r)]
    if len(runs) != 1:
        raise ParseError("not-a-number")
    run = runs[0]
    negative = run[0] in "-−"
    digits = "".join(run.lstrip("+-−").split())  # no whitespace, non-breaking ones included
    warnings: list[tuple[str, dict[str, Any]]] = []
    if "." in digits and "," in digits:
        if digits.rfind(",") > digits.rfind("."):
            normal = digits.replace(".", "").replace(",", ".")
        else:
            normal = digits.replace(",", "")
    elif "." in digits:
        normal = digits.replace(".", "") if _THOUSANDS_DOT.match(digits) else digits
    elif "," in digits:
        if _THOUSANDS_COMMA.match(digits) and (integer_expected or digits.count(",") > 1):
            normal = digits.replace(",", "")
        else:
            normal = digits.replace(",", ".")
            if _THOUSANDS_COMMA.match(digits):
                warnings.append(("ambiguous-number", {"parsed": f"{float(normal):g}".replace(".", ",")}))
    else:
        normal = digits
    if normal.count(".") > 1 or not _PLAIN_NUMBER.fullmatch(normal):
        raise ParseError("not-a-number")
    number: int | float = float(normal) if "." in normal else int(normal)
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    if negative:
        number = -number
    leftover = _NUMBER_RUN.sub("", text).strip()
    if leftover:
        warnings.append(("value-with-text", {"parsed": number}))
    return Parsed(number, tuple(warnings))


def text_after_number(raw: str) -> str:
    """What a cell holds besides its number ("96,5 tỷ" -> "tỷ")."""
    return _NUMBER_RUN.sub(" ", clean(raw)).strip(" .,:;()")


def parse_integer(raw: Any) -> Parsed:
    parsed = parse_number(raw, integer_expected=True)
    if isinstance(parsed.value, float):
        raise ParseError("not-an-integer")
    return parsed


def parse_yes_no(raw: Any) -> Parsed:
    """Có/Không in the ways people write it; blank gives None."""
    if is_blank(raw):
        return Parsed(None)
    if isinstance(raw, bool):
        return Parsed(raw)
    if isinstance(raw, (int, float)) and raw in (0, 1):
        return Parsed(bool(raw))
    if str(raw).strip() in _TICKS:
        return Parsed(True)
    key = fold(str(raw))
    if not key:
        # Punctuation only ("-", "x" is handled below); "-" means no.
        return Parsed(False) if clean(str(raw)) in ZERO_WORDS else _not_yes_no()
    if key in _YES:
        return Parsed(True)
    if key in _NO:
        return Parsed(False)
    choice = _ticked_choice(str(raw), key)
    if choice is not None:
        return Parsed(choice)
    first = key.split(" ")[0]
    if first in {"co", "yes", "da"}:
        return Parsed(True)
    if first in {"khong", "chua", "no", "ko"}:
        return Parsed(False)
    legacy = _legacy_yes_no(str(raw))
    if legacy is not None:
        return Parsed(legacy)
    return _not_yes_no()


# "☐ Có ☑ Không", "[x] Có [ ] Không", "Có / Không": both answers written, one of them ticked.
_CHOICE = re.compile(r"(\[\s*[xX✓✔√]?\s*\]|\(\s*[xX✓✔√]?\s*\)|[☐□○◻❑☑☒✓✔√■▣●◼⊠⊗xX])?\s*"
                     r"\b(có|co|không|khong|yes|no)\b", re.IGNORECASE)
_CHECKED = re.compile(r"[xX✓✔√☑☒■▣●◼⊠⊗]")
_CHOICE_FILLER = re.compile(r"[\s/|,;:.\-–☐□○◻❑]+")


def _ticked_choice(text: str, key: str) -> bool | None:
    """For a cell naming both answers and nothing else: the ticked one; neither or both
    ticked is no answer (ParseError). None when the cell is not such a list."""
    words = set(key.split())
    if not ({"co", "yes"} & words and {"khong", "no"} & words):
        return None
    text = nfc(text)
    choices = [(mark, fold(word) in ("co", "yes")) for mark, word in _CHOICE.findall(text)]
    if _CHOICE_FILLER.sub("", _CHOICE.sub("", text)):
        return None  # more than the two answers: "Có, nhưng không …" is read by its first word
    ticked = {answer for mark, answer in choices if mark and _CHECKED.search(mark)}
    if len(ticked) != 1:
        _not_yes_no()
    return ticked.pop()


def _legacy_yes_no(text: str) -> bool | None:
    """"Cã" is "Có" typed in TCVN3: too short for the sheet's font detection to be sure, but in
    a yes/no cell one of the legacy readings settles it."""
    from kcn_reports import legacy_fonts

    if text.isascii():
        return None
    readings = set()
    for encoding in legacy_fonts.ENCODINGS:
        key = fold(legacy_fonts.to_unicode(text, encoding))
        if key in _YES or key.split(" ")[0] in {"co", "da"}:
            readings.add(True)
        elif key in _NO or key.split(" ")[0] in {"khong", "chua"}:
            readings.add(False)
    return readings.pop() if len(readings) == 1 else None


_TICKS = frozenset("√✓✔☑🗸")  # a tick in a yes/no cell
_YES = frozenset(fold(w) for w in YES_WORDS)
_NO = frozenset(fold(w) for w in NO_WORDS)


def _not_yes_no() -> Parsed:
    raise ParseError("not-yes-no")


_DATE_DMY = re.compile(r"^(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{2}|\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?:[ T].*)?$")
_SERIAL_TEXT = re.compile(r"\d+(\.0+)?")
_DATE_WORDS = re.compile(r"(?:ngay\s*|^)(\d{1,2})\s*thang\s*(\d{1,2})\s*(?:nam\s*|/\s*)(\d{4})")


def parse_date(raw: Any, *, today: dt.date | None = None) -> Parsed:
    """A date cell, an Excel serial, or day-first text; never month-first."""
    if is_blank(raw):
        return Parsed(None)
    if isinstance(raw, dt.datetime):
        return Parsed(raw.date())
    if isinstance(raw, dt.date):
        return Parsed(raw)
    if isinstance(raw, bool):
        raise ParseError("not-a-date")
    if isinstance(raw, (int, float)):
        if not math.isfinite(raw) or not 1 <= raw <= MAX_SERIAL:
            raise ParseError("not-a-date")
        return Parsed(EXCEL_EPOCH + dt.timedelta(days=int(raw)))
    text = clean(str(raw))
    if _SERIAL_TEXT.fullmatch(text) and 20000 <= float(text) <= MAX_SERIAL:
        return Parsed(EXCEL_EPOCH + dt.timedelta(days=int(float(text))))
    match = _DATE_ISO.match(text)
    if match:
        year, month, day = (int(g) for g in match.group(1, 3, 4))
        return Parsed(_make_date(year, month, day))
    match = _DATE_DMY.match(text) or _DATE_WORDS.search(fold(text))
    if not match:
        month_only = _MONTH_YEAR.match(fold(text).replace(" ", ""))
        if month_only:
            month, year = (int(g) for g in month_only.groups())
            first = _make_date(year, month, 1)
            return Parsed(first, (("date-month-only", {"parsed": first.strftime("%d/%m/%Y")}),))
        raise ParseError("not-a-date")
    day, month, year = (int(g) for g in match.groups())
    if year < 100:
        pivot = (today or dt.date.today()).year % 100
        year += 2000 if year <= pivot else 1900
    return Parsed(_make_date(year, month, day))


# "Tháng 5/2015", "T5/2015", "05/2015", "5-2015": the month is known, not the day.
_MONTH_YEAR = re.compile(r"^(?:thang|t)?(\d{1,2})(?:/|-|\.|nam)((?:19|20)\d{2})$")


def _make_date(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ParseError("not-a-date") from None


_TAX_CODE = re.compile(r"^([0-9]{10})(?:-?([0-9]{3}))?$")
_TAX_CODE_NOISE = re.compile(r"[\s.]")


def parse_tax_code(raw: Any) -> Parsed:
    """10 digits, or 10 digits + "-" + 3 digits for a branch; leading zeros kept or restored."""
    if is_blank(raw):
        return Parsed(None)
    warnings: list[tuple[str, dict[str, Any]]] = []
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, int) and not isinstance(raw, bool):
        text = str(raw)
        if 8 <= len(text) < 10:
            text = text.zfill(10)
            warnings.append(("tax-code-padded", {"parsed": text}))
    else:
        # NFKC: full-width digits ("１１００…", typed with a Japanese or Chinese keyboard) are
        # the digits they show.
        text = _TAX_CODE_NOISE.sub("", unicodedata.normalize("NFKC", clean(str(raw))))
        text = text.replace("–", "-").replace("—", "-").lstrip("'")
    match = _TAX_CODE.match(text)
    if not match:
        raise ParseError("bad-tax-code")
    main, branch = match.groups()
    return Parsed(f"{main}-{branch}" if branch else main, tuple(warnings))


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_HALF_MARKERS = re.compile(r"(^|\s)(6\s*thang|06\s*thang|sau\s*thang|6t|6\s*t|nua\s*dau|nua\s*nam|h1|"
                           r"ky\s*i\b|first\s*half|half\s*year|6\s*months?\b)")
_DATE_IN_TEXT = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})(?!\d)")
_REMARKS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# Words that may stand around "Năm 2016" in a whole-year period ("Báo cáo năm 2016", "Cả năm
# 2016", "Năm tài chính 2016"), and around a single snapshot date ("Tính đến ngày 31/12/2016").
_YEAR_WORDS = {"nam", "ca", "ky", "bao", "cao", "bc", "tong", "hop", "thuc", "hien", "tai", "chinh",
               "year", "fy", "annual", "full", "report", "reporting", "period", "so", "lieu"}
_TWELVE_MONTHS = re.compile(r"(^|\s)12\s*thang\b")  # "12 tháng năm 2016" is the year
_SNAPSHOT_WORDS = {"den", "ngay", "tinh", "tai", "thoi", "diem", "het", "as", "of", "at"}


def parse_period(raw: Any) -> Parsed:
    """'6 tháng đầu năm 2016' -> first half 2016; 'Năm 2016', 'Báo cáo năm 2016' or '2016' ->
    year 2016. Remarks in brackets are ignored ("Năm 2016 (01/01/2016 – 31/12/2016)"); a range
    of dates from 01/01 to 30/06 or 31/12 is the half or the year it spans."""
    if is_blank(raw):
        return Parsed(None)
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and float(raw).is_integer():
        raw = str(int(raw))
    if isinstance(raw, (dt.date, dt.datetime)):
        raise ParseError("bad-period")
    text = _REMARKS.sub(" ", nfc(str(raw)))
    dates = [(int(d), int(m), int(y)) for d, m, y in _DATE_IN_TEXT.findall(text)]
    key = fold(_DATE_IN_TEXT.sub(" ", text))
    if " / " in key:  # "Năm 2016 / Year 2016": the same period in two languages
        key = " ".join(key.replace(" / ", " ").split())
    if dates:
        return Parsed(_period_of_dates(dates, set(key.split())))
    years = set(_YEAR.findall(key))
    if len(years) != 1:
        raise ParseError("bad-period")
    year = int(years.pop())
    if _HALF_MARKERS.search(key.replace("/", " ")):
        if "cuoi" in key:
            raise ParseError("bad-period")  # "6 tháng cuối năm" is not a period of this form
        return Parsed(Period(PERIOD_HALF, year))
    rest = set(_YEAR.sub(" ", _TWELVE_MONTHS.sub(" ", key)).split())
    if rest <= _YEAR_WORDS:
        return Parsed(Period(PERIOD_YEAR, year))
    raise ParseError("bad-period")  # a quarter, "9 tháng", …: not a period of this form


def _period_of_dates(dates: list[tuple[int, int, int]], words: set[str]) -> Period:
    """"01/01/2016 – 30/06/2016" (or "Tính đến ngày 31/12/2016") -> the period it is."""
    if len({y for _, _, y in dates}) != 1 or len(dates) > 2:
        raise ParseError("bad-period")
    year = dates[0][2]
    if len(dates) == 2 and dates[0][:2] != (1, 1):
        raise ParseError("bad-period")
    if not words <= _YEAR_WORDS | _SNAPSHOT_WORDS | {"tu", "from", "to", str(year)}:
        raise ParseError("bad-period")
    end = dates[-1][:2]
    if end == (30, 6):
        return Period(PERIOD_HALF, year)
    if end == (31, 12):
        return Period(PERIOD_YEAR, year)
    raise ParseError("bad-period")


# Units a money figure may be typed in, as the form's unit sees them: each spelling's key (folded,
# no spaces or dots) -> (family, scale in the family's first unit).
_UNIT_SCALES: dict[str, tuple[str, float]] = {}
for _family, _scales in {
    "vnd": {1e-6: ("đồng", "VNĐ", "VND", "đ"),
            1e-3: ("nghìn đồng", "ngàn đồng", "1000 đồng", "1.000 đồng", "nghìn VNĐ", "ngàn VNĐ"),
            1.0: ("triệu đồng", "tr.đ", "trđ", "tr đồng", "tr.đồng", "triệu", "triệu VNĐ",
                  "tr.VNĐ"),
            1e3: ("tỷ đồng", "tỉ đồng", "tỷ", "tỉ", "tỷ VNĐ", "tỉ VNĐ")},
    "usd": {1e-3: ("USD", "$", "đô la Mỹ", "đô la", "US$"),
            1.0: ("nghìn USD", "ngàn USD", "1000 USD", "1.000 USD", "ng.USD", "nghìn đô la",
                  "ngàn đô"),
            1e3: ("triệu USD", "tr.USD", "tr USD", "triệu đô la")},
}.items():
    for _scale, _spellings in _scales.items():
        for _spelling in _spellings:
            _UNIT_SCALES[_spelling.lower()] = _UNIT_SCALES[_spelling.lower().replace(" ", "")] = (
                _family, _scale)
_PER_PERSON_MONTH = re.compile(r"\s*/\s*(người|ng|lao động|lđ)?\s*/?\s*(tháng|th)?\s*$",
                               re.IGNORECASE)


@functools.lru_cache(maxsize=1024)
def _unit_scale(unit: str) -> tuple[str, float] | None:
    text = " ".join(nfc(unit).split()).strip(" ()").lower()
    per = _PER_PERSON_MONTH.search(text)
    if per and per.group(0).strip():
        text = text[:per.start()]
    return _UNIT_SCALES.get(text) or _UNIT_SCALES.get(text.replace(" ", ""))


def unit_factor(form_unit: str, typed: Any) -> float | None:
    """What a figure typed in the unit `typed` (a unit cell of the return) is multiplied by to
    be in the form's unit: 1e-6 for "đồng" where the form says "triệu đồng". None when either
    unit is not a known money unit, or they are not of one kind (đồng against USD)."""
    if not isinstance(typed, str) or not typed.strip():
        return None
    expected, actual = _unit_scale(form_unit), _unit_scale(typed)
    if expected is None or actual is None or expected[0] != actual[0]:
        return None
    return actual[1] / expected[1]


_ZONE_PREFIX = re.compile(r"^(khu cong nghiep|kcn)\s+")


def zone_key(text: str) -> str:
    """"KCN Nhơn Trạch III", "Khu công nghiệp Nhơn Trạch 3" -> "nhontrach3"."""
    text = _ROMAN.sub(lambda m: str(_ROMAN_VALUES[m.group(1)]), text)
    return _ZONE_PREFIX.sub("", fold(text)).replace(" ", "")


# A zone's number in capital Roman numerals after its name ("Quế Võ II", "Nhơn Trạch III").
_ROMAN_VALUES = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8,
                 "IX": 9, "X": 10}
_ROMAN = re.compile(r"(?<=\w )(" + "|".join(sorted(_ROMAN_VALUES, key=len, reverse=True))
                    + r")(?![\w])")


def parse_zone(raw: Any, zones: tuple[Zone, ...]) -> Parsed:
    """Match a zone tolerantly: with or without diacritics and the "KCN" prefix."""
    if is_blank(raw):
        return Parsed(None)
    key = zone_key(str(raw))
    names = _zone_names(zones)
    name = names.get(key)
    if name is None:
        name = _zone_within(key, names)
    if name is None:
        raise ParseError("unknown-zone", known=", ".join(z.name for z in zones))
    return Parsed(name)


def _zone_within(key: str, names: dict[str, str]) -> str | None:
    """The one zone named inside a longer text ("KCN Quang Châu, Việt Yên, Bắc Giang"); a name
    inside another found name counts for that one ("Quế Võ" in "Quế Võ II")."""
    found = [k for k in names if len(k) >= 4 and k in key]
    longest = [k for k in found if not any(k != other and k in other for other in found)]
    zones = {names[k] for k in longest}
    return zones.pop() if len(zones) == 1 else None


@functools.lru_cache(maxsize=8)
def _zone_names(zones: tuple[Zone, ...]) -> dict[str, str]:
    """Every spelling's key -> the zone's name (the first zone listed wins a shared key)."""
    names: dict[str, str] = {}
    for zone in zones:
        for spelling in (zone.name, *zone.aliases):
            names.setdefault(zone_key(spelling), zone.name)
    return names


def _ownership_keys() -> dict[str, str]:
    """Every spelling's key -> 'fdi' / 'domestic' (the first listed wins a shared key)."""
    keys: dict[str, str] = {}
    for canonical, spellings in OWNERSHIP_CHOICES.items():
        for spelling in spellings:
            keys.setdefault(fold(spelling), canonical)
    return keys


_OWNERSHIP = _ownership_keys()


def parse_ownership(raw: Any) -> Parsed:
    """'fdi' or 'domestic'."""
    if is_blank(raw):
        return Parsed(None)
    key = fold(str(raw))
    if key in _OWNERSHIP:
        return Parsed(_OWNERSHIP[key])
    padded = f" {key} "
    if any(word in padded for word in _FDI_WORDS):
        return Parsed("fdi")
    if any(word in padded for word in _DOMESTIC_WORDS):
        return Parsed("domestic")  # "Công ty cổ phần (100% vốn Việt Nam)"
    if any(word in padded for word in _FDI_HINTS):
        return Parsed("fdi")  # "Công ty TNHH 100% vốn Hàn Quốc"
    raise ParseError("unknown-ownership")


# Words that settle the ownership of a longer description: foreign investment said outright
# ("vốn ĐTNN", "Liên doanh với Nhật Bản"), then Vietnamese ownership ("100% vốn Việt Nam",
# "Công ty cổ phần tư nhân"), then capital without a nationality said ("100% vốn Hàn Quốc").
_FDI_WORDS = tuple(f" {w} " for w in (
    "fdi", "nuoc ngoai", "dtnn", "lien doanh", "foreign", "joint venture", "fie"))
_DOMESTIC_WORDS = tuple(f" {w} " for w in (
    "trong nuoc", "viet nam", "nha nuoc", "tu nhan", "domestic", "local", "vietnamese"))
_FDI_HINTS = tuple(f" {w} " for w in ("100%", "100% von", "von"))


def parse_text(raw: Any) -> Parsed:
    if is_blank(raw):
        return Parsed(None)
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return Parsed(clean(str(raw)))


_BY_KIND: dict[Kind, Callable[[Any], Parsed]] = {
    Kind.TEXT: parse_text,
    Kind.TAX_CODE: parse_tax_code,
    Kind.OWNERSHIP: parse_ownership,
    Kind.PERIOD: parse_period,
    Kind.DATE: parse_date,
    Kind.NUMBER: parse_number,
    Kind.INTEGER: parse_integer,
    Kind.YESNO: parse_yes_no,
}


def parse_kind(kind: Kind, raw: Any, zones: tuple[Zone, ...]) -> Parsed:
    """Parse a raw cell as a value of `kind` (the form's and the Sổ theo dõi's one dispatch)."""
    if kind is Kind.ZONE:
        return parse_zone(raw, zones)
    return _BY_KIND[kind](raw)
