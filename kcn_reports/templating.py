"""The one Jinja environment every template is rendered in: the Word reports (docxtpl) and the
cells of the Excel official table. Sandboxed, because the office edits the templates; strict, so
a misspelt name is an error naming it rather than a blank sent to leadership; with the
Vietnamese filters of `vnformat` and the tests below.

Zero-aware wording: ``{% if x is nonzero %}…{% endif %}`` keeps a sentence only when its figure
is there and not 0 (None, 0 and 0.0 are all "zero"), so a report never says "vận động 0 đảng
viên"; the default templates rewrite or leave out such sentences with it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from kcn_reports import vnformat


def nonzero(value: Any) -> bool:
    """A figure worth a sentence: present, a number, and not 0."""
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, float) and math.isnan(value):
        return False
    try:
        return value != 0
    except TypeError:
        return bool(value)


def compare(row: Any) -> str:
    """A year-on-year comparison in words: "tăng 5.915 người (14,8%)", "giảm 1,3 điểm phần
    trăm (từ 94,6% xuống 93,3%)", "không đổi"."""
    change = getattr(row, "change", None)
    if change is None:
        return ""
    if getattr(row, "percent", False):
        points = round(change * 100, 1)
        if points == 0:
            return "không đổi"
        word = "từ {} lên {}" if points > 0 else "từ {} xuống {}"
        span = word.format(vnformat.percent(row.previous), vnformat.percent(row.current))
        return f"{vnformat.change(points, 'điểm phần trăm')} ({span})"
    text = vnformat.change(change, row.unit if row.unit not in ("%",) else "")
    ratio = getattr(row, "ratio", None)
    if change and ratio is not None:
        text += f" ({vnformat.percent(abs(ratio))})"
    return text


FILTERS: dict[str, Callable[..., str]] = {**vnformat.FILTERS, "vn_compare": compare}
TESTS: dict[str, Callable[[Any], bool]] = {"nonzero": nonzero}


def environment(*, autoescape: bool) -> Any:
    """The sandboxed environment with the report filters and tests. Word renders with
    `autoescape` (the text goes into XML); Excel cells without (openpyxl stores text as is)."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(autoescape=autoescape, undefined=StrictUndefined)
    env.filters.update(FILTERS)
    env.tests.update(TESTS)
    return env


_NO_ATTRIBUTE = re.compile(r"has no attribute '(\w+)'")
_UNDEFINED = re.compile(r"'(\w+)' is undefined")
_NO_FILTER = re.compile(r"No (filter|test) named '(\w+)'")


def explain(exc: Exception, source: str = "") -> str:
    """Why a template (or one cell of it) could not be filled, in Vietnamese; `source` is the
    template text, to name the whole path that was not found."""
    from jinja2 import TemplateSyntaxError

    text = str(getattr(exc, "message", None) or exc)
    if isinstance(exc, TemplateSyntaxError) and not _NO_FILTER.search(text):
        from kcn_reports.template_check import _jinja_message

        return "lỗi cú pháp: " + _jinja_message(exc)
    found = _NO_ATTRIBUTE.search(text)
    if found:
        path = re.search(r"[A-Za-z_][\w.\[\]]*\." + found.group(1) + r"\b", source)
        return f"không có số liệu «{path.group(0) if path else found.group(1)}»"
    found = _UNDEFINED.search(text)
    if found:
        return f"không có số liệu «{found.group(1)}»"
    found = _NO_FILTER.search(text)
    if found:
        kind = "bộ lọc" if found.group(1) == "filter" else "phép thử"
        return f"không có {kind} «{found.group(2)}»"
    if isinstance(exc, TypeError | ValueError | ArithmeticError):
        return "phép tính trong thẻ không làm được với số liệu này"
    return text
