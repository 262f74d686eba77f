"""A file's outcome as a compact JSON record: what a worker sends back, and what the cache keeps.

One format for both, so an outcome served from the cache is rebuilt by the same code as a fresh
one. Positional lists, not objects: a form's values and cells follow the form definition's field
order, a problem its fields' order. Dates and periods are tagged objects (`{"$date": …}`,
`{"$period": […]}`), the only objects in a form's record, so decoding stays one `json.loads`.
JSON, not pickle: a cache file is data, never code.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sys
from typing import Any

from kcn_reports.formdef import IDENTITY, INDICATORS, Period
from kcn_reports.ledger import Ledger, Row
from kcn_reports.outcome import FileOutcome, FormReturn
from kcn_reports.problems import Problem

FORM_KEYS = tuple(spec.key for spec in (*IDENTITY, *INDICATORS))
# Problem fields but `file`, which is the path of whichever file holds the content.
PROBLEM_FIELDS = ("code", "severity", "message", "sheet", "cell", "field", "value", "hint")


def encode(outcome: FileOutcome) -> str:
    form, ledger = outcome.form, outcome.ledger
    return json.dumps([
        outcome.kind, outcome.outcome, outcome.reason, _problems(outcome.problems),
        None if form is None else [form.sheet, _values(form.values), _cells(form.cells),
                                   _problems(form.problems), form.form_version],
        None if ledger is None else [
            {sheet: [[_tag_all(row.values), row.cells] for row in rows]
             for sheet, rows in ledger.rows.items()},
            _problems(ledger.problems)],
    ], ensure_ascii=False)


def decode(payload: str, relpath: str, mtime: float) -> FileOutcome:
    """The outcome of the file at `relpath` (the same content may sit at another path).
    Raises on a record that is not one of ours (ValueError, TypeError, KeyError…)."""
    kind, outcome, reason, problems, form, ledger = _DECODER.decode(payload)
    return FileOutcome(
        relpath, _text(kind), _text(outcome), _text(reason), _unproblems(problems, relpath),
        None if form is None else FormReturn(
            relpath, _text(form[0]), _unvalues(form[1]), _uncells(form[2]),
            _unproblems(form[3], relpath), form[4]),
        mtime,
        None if ledger is None else Ledger(
            relpath, {sheet: [Row(dict(values), dict(cells)) for values, cells in rows]
                      for sheet, rows in ledger[0].items()},
            _unproblems(ledger[1], relpath)))


def _problems(problems: list[Problem]) -> list[list[str]]:
    return [[getattr(p, name) for name in PROBLEM_FIELDS] for p in problems]


def _unproblems(rows: list[list[str]], relpath: str) -> list[Problem]:
    return [Problem(_text(code), _text(severity), message, relpath, _text(sheet), cell,
                    _text(field), value, _text(hint))
            for code, severity, message, sheet, cell, field, value, hint in rows]


def _values(values: dict[str, Any]) -> Any:
    """A form's values as a list in FORM_KEYS order when it has exactly the form's keys."""
    if tuple(values) == FORM_KEYS:
        return [_tag(values[key]) for key in FORM_KEYS]
    return _tag_all(values)


def _unvalues(stored: Any) -> dict[str, Any]:
    if isinstance(stored, dict):
        return stored
    return dict(zip(FORM_KEYS, stored, strict=True))  # ValueError: another form definition


def _cells(cells: dict[str, str]) -> Any:
    """Addresses as a list in FORM_KEYS order, None where a field was not found."""
    if cells.keys() <= _FORM_KEY_SET:
        return [cells.get(key) for key in FORM_KEYS]
    return cells


def _uncells(stored: Any) -> dict[str, str]:
    if isinstance(stored, dict):
        return stored
    return dict(_layout(tuple(stored)))  # a copy: the caller may change its own


@functools.lru_cache(maxsize=256)
def _layout(stored: tuple[str | None, ...]) -> dict[str, str]:
    """Field -> address, built once per layout: returns filled in from one blank form share it."""
    return {key: _text(cell) for key, cell in zip(FORM_KEYS, stored, strict=True)
            if cell is not None}


_FORM_KEY_SET = frozenset(FORM_KEYS)


def _tag(value: Any) -> Any:
    if isinstance(value, Period):
        return {"$period": [value.kind, value.year]}
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    return value


def _tag_all(values: dict[str, Any]) -> dict[str, Any]:
    return {key: _tag(value) for key, value in values.items()}


def _untag(obj: dict[str, Any]) -> Any:
    """json object_hook: dates and periods back from their tagged form."""
    if len(obj) == 1:
        if "$date" in obj:
            return dt.date.fromisoformat(obj["$date"])
        if "$datetime" in obj:
            return dt.datetime.fromisoformat(obj["$datetime"])
        if "$period" in obj:
            kind, year = obj["$period"]
            return Period(_text(kind), int(year))
    return obj


_DECODER = json.JSONDecoder(object_hook=_untag)  # one, not one per json.loads call


def _text(value: Any) -> str:
    """A string that recurs across files (a kind, a sheet name, a cell address), shared: ten
    thousand outcomes in memory hold one copy of each."""
    if not isinstance(value, str):
        raise TypeError("text expected")
    return sys.intern(value)
