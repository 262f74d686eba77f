"""What the blank form records about itself beyond its version: the zone list it offered.

An enterprise that fills in a form made before the office changed its zones picks from the old
list; `check` warns when a return was made from such a form, so the office resends the new one
rather than wondering why a zone is unknown. The list travels as a short digest in a document
property (read from the zip, no sheet parsed) and, with the names, in the hidden version sheet.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from kcn_reports.formdef import VERSION_SHEET, Zone
from kcn_reports.problems import Problem, problem
from kcn_reports.values import zone_key

if TYPE_CHECKING:
    from kcn_reports.outcome import FormReturn
    from kcn_reports.workbook import Workbook

ZONES_MARKER = "KCN-REPORTS-ZONES"
ZONES_ROW = 2  # row (0-based) of the hidden version sheet that holds marker, digest and names


def zones_digest(zones: Sequence[str]) -> str:
    """A short fingerprint of a zone list; spelling variants and order do not change it."""
    keys = sorted({zone_key(name) for name in zones})
    return hashlib.sha256("\n".join(keys).encode("utf-8")).hexdigest()[:16]


def zones_row(zones: Sequence[str]) -> list[str]:
    """The hidden sheet's row: marker, digest, the names as JSON."""
    return [ZONES_MARKER, zones_digest(zones), json.dumps(list(zones), ensure_ascii=False)]


def _marker_row(book: Workbook) -> list[Any] | None:
    if VERSION_SHEET not in book.sheet_names:
        return None
    sheet = book.sheet(VERSION_SHEET)
    for row in sheet.rows[:ZONES_ROW + 3] if sheet else []:
        if row and row[0] == ZONES_MARKER and len(row) > 1:
            return row
    return None


def form_zones_digest(book: Workbook) -> str | None:
    """The digest of the zone list the blank form offered; None for a form that does not say
    (older versions, forms not made by kcn-reports)."""
    digest = (book.properties.get(ZONES_MARKER) or "").strip() or None
    row = _marker_row(book) if digest is None else None
    if row is not None:
        digest = str(row[1]).strip() or None
    return digest


def form_zone_names(book: Workbook) -> list[str] | None:
    """The zone names the blank form listed, when its hidden sheet still holds them."""
    row = _marker_row(book)
    if row is None or len(row) < 3 or not isinstance(row[2], str):
        return None
    try:
        names = json.loads(row[2])
    except ValueError:
        return None
    return [str(name) for name in names] if isinstance(names, list) else None


def zone_list_problems(book: Workbook, zones: tuple[Zone, ...], form: FormReturn) -> list[Problem]:
    """A warning when the return was made from a form whose zone list differs from today's."""
    digest = form_zones_digest(book)
    current = [z.name for z in zones]
    if digest is None or digest == zones_digest(current):
        return []
    names = form_zone_names(book)
    old = "; ".join(names) if names else "không rõ"
    return [problem("form-zones-outdated", file=book.relpath, sheet=form.sheet,
                    cell=form.cells.get("zone", ""), field="zone",
                    value=form.values.get("zone") or "", old=old,
                    current="; ".join(current))]
