"""The collection round: what the office sends out to enterprises, made from the workspace's own
settings (zones, names, the period being collected) and its Sổ theo dõi.

- the blank form for every enterprise (`write_form`);
- one form per active enterprise of the Sổ theo dõi (`enterprise_forms`, `write_enterprise_forms`):
  its identity filled in and locked, and its previous accepted return shown beside the input
  column for reference.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kcn_reports.atomic import atomic_write
from kcn_reports.formdef import INDICATORS, OWNERSHIP_LABELS, Period
from kcn_reports.textnorm import clean, strip_accents

if TYPE_CHECKING:
    from kcn_reports.blank_form import FormFill
    from kcn_reports.ledger import Ledger, Row
    from kcn_reports.outcome import CheckReport, FileOutcome
    from kcn_reports.settings import Settings

FORMS_FOLDER = "mau"
BLANK_FORM_NAME = "Mau_01_DN-KCN.xlsx"

# Words that open most enterprise names and tell them apart from nothing.
_LEGAL_FORM = re.compile(
    r"^(cong ty|cty|chi nhanh)\b(\s+(trach nhiem huu han|tnhh|co phan|cp|hop danh|lien doanh))?"
    r"(\s+(mot|hai) thanh vien|\s+mtv)?\s*", re.IGNORECASE)
_NOT_SAFE = re.compile(r"[^A-Za-z0-9]+")
SHORT_NAME_CHARS = 40


class CollectionError(Exception):
    """Something the office must set or add before forms can be made; a Vietnamese message."""


def form_names(settings: Settings) -> tuple[str, str]:
    """(who issues the form, to whom returns are addressed), from the settings."""
    board = settings.management_board.strip()
    return (board or settings.issuing_body).upper(), board or settings.issuing_body


def period_slug(period: Period) -> str:
    """A folder name for a period: "nam-2026", "6-thang-dau-nam-2026"."""
    return _NOT_SAFE.sub("-", strip_accents(period.label).lower()).strip("-")


def short_name(name: str) -> str:
    """An enterprise's name for a file name: without "Công ty TNHH…", ASCII letters and digits
    joined by "-", so the name survives e-mail, Zalo and Windows (no reserved characters)."""
    plain = strip_accents(clean(name))
    core = plain
    while True:  # "Chi nhánh Công ty TNHH …": one legal form after another
        shorter = _LEGAL_FORM.sub("", core, count=1)
        if shorter == core or not shorter:
            break
        core = shorter
    words = [w for w in _NOT_SAFE.split(core) if w]
    text = ""
    for word in words:
        candidate = f"{text}-{word}" if text else word
        if len(candidate) > SHORT_NAME_CHARS:
            break
        text = candidate
    return text or "DN"


def enterprise_file_name(tax_code: str, name: str, prefix: str = "Mau_01") -> str:
    """"Mau_01_0101234567_Dien-tu-A-B.xlsx": tax code first, so files sort by enterprise."""
    tax = _NOT_SAFE.sub("-", tax_code).strip("-")
    return f"{prefix}_{tax}_{short_name(name)}.xlsx"


def write_form(settings: Settings, target: Path) -> None:
    """The blank form with the workspace's zones, names and (when set) the period collected."""
    from kcn_reports.blank_form import FormFill, write_blank_form

    issuing, recipient = form_names(settings)
    zones = [z.name for z in settings.zones]
    fill = FormFill(period=settings.collection.period)
    atomic_write(target, lambda temp: write_blank_form(Path(temp), zones, issuing, recipient,
                                                       fill=fill))


def is_active(row: Row, period: Period) -> bool:
    """An enterprise of the Doanh nghiệp sheet is expected to report for `period` when it was
    operating at some time during it."""
    start = dt.date(period.year, 1, 1)
    end = dt.date.fromisoformat(period.snapshot)
    started, stopped = row.get("started_on"), row.get("stopped_on")
    return not ((started and started > end) or (stopped and stopped < start))


def expected_enterprises(ledger: Ledger, period: Period) -> list[Row]:
    """The enterprises of the Doanh nghiệp sheet active during `period`, by tax code."""
    return [row for _, row in sorted(ledger.enterprises.items()) if is_active(row, period)]


@dataclass(frozen=True)
class EnterpriseForm:
    """One enterprise's form: who it is for, its file name and what is written into it."""

    tax_code: str
    name: str
    zone: str
    file_name: str
    fill: FormFill
    previous_file: str | None  # the return its reference column comes from


def previous_return(report: CheckReport, tax_code: str, period: Period) -> FileOutcome | None:
    """The enterprise's accepted return of the period to compare with: the same kind of period a
    year earlier when there is one (a year's revenue beside a year's), else the latest before."""
    earlier = [f for f in report.files
               if f.outcome == "accepted" and f.form is not None and f.tax_code == tax_code
               and f.period is not None and f.period.snapshot < period.snapshot]
    if not earlier:
        return None
    same_kind = [f for f in earlier if f.period == Period(period.kind, period.year - 1)]
    return (same_kind or sorted(earlier, key=lambda f: f.period.snapshot if f.period else ""))[-1]


def enterprise_forms(report: CheckReport, settings: Settings,
                     period: Period | None = None) -> list[EnterpriseForm]:
    """One form per enterprise of the Sổ theo dõi active in the period being collected."""
    from kcn_reports.blank_form import FormFill

    period = period or settings.collection.period
    if period is None:
        raise CollectionError(
            "Chưa có kỳ báo cáo đang thu: ghi vào kcn_reports.toml, mục [collection], dòng "
            "period = \"Năm 2026\" (hoặc \"6 tháng đầu năm 2026\"), rồi chạy lại.")
    if report.ledger is None:
        raise CollectionError(
            "Không có Sổ theo dõi trong thư mục inputs nên không biết doanh nghiệp nào phải báo "
            "cáo. Đặt Sổ theo dõi (sheet Doanh nghiệp ghi đủ các doanh nghiệp) vào inputs rồi "
            "chạy lại.")
    forms: list[EnterpriseForm] = []
    for row in expected_enterprises(report.ledger, period):
        tax = str(row.get("tax_code"))
        name = str(row.get("name") or "")
        ownership = row.get("ownership")
        identity = {"name": name, "tax_code": tax, "zone": str(row.get("zone") or ""),
                    "period": period.label}
        if ownership in OWNERSHIP_LABELS:
            identity["ownership"] = OWNERSHIP_LABELS[ownership]
        country = row.get("investor_country")
        previous = previous_return(report, tax, period)
        if not country and previous is not None and previous.form is not None:
            country = previous.form.values.get("investor_country")
        if country:
            identity["investor_country"] = str(country)
        elif ownership == "domestic":
            identity["investor_country"] = ""  # not asked of a domestic enterprise
        # An identity value the Sổ theo dõi lacks stays an input: locked blank, the return
        # could never be completed.
        identity = {k: v for k, v in identity.items() if v or k == "investor_country"}
        values = None
        if previous is not None and previous.form is not None:
            values = {f.key: previous.form.values.get(f.key) for f in INDICATORS}
        fill = FormFill(period=period, identity=identity, previous=values,
                        previous_period=previous.period if previous else None)
        forms.append(EnterpriseForm(tax, name, identity.get("zone", ""),
                                    enterprise_file_name(tax, name), fill,
                                    previous.relpath if previous else None))
    return forms


def write_enterprise_forms(forms: list[EnterpriseForm], folder: Path,
                           settings: Settings) -> list[Path]:
    """Write each enterprise's form into `folder` (atomically, one file at a time)."""
    issuing, recipient = form_names(settings)
    zones = [z.name for z in settings.zones]
    written: list[Path] = []
    for item in forms:
        target = folder / item.file_name
        atomic_write(target, functools.partial(_write_one, zones, issuing, recipient, item.fill))
        written.append(target)
    return written


def _write_one(zones: list[str], issuing: str, recipient: str, fill: FormFill,
               temp: str) -> None:
    from kcn_reports.blank_form import write_blank_form

    write_blank_form(Path(temp), zones, issuing, recipient, fill=fill)
