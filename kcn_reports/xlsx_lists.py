"""Dropdown lists for xlsxwriter data validation, shared by the blank form and the blank
Sổ theo dõi: Excel takes a list inline only up to 255 characters and without commas, so longer
lists go into a column of a hidden sheet and the validation points at that range."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from xlsxwriter.utility import xl_rowcol_to_cell

INLINE_LIST_LIMIT = 255


class DropdownLists:
    """Sources for list validations: inline when short, else a column of `hidden`."""

    def __init__(self, hidden: Any, sheet_name: str, first_col: int = 0) -> None:
        self._hidden = hidden
        self._sheet_name = sheet_name
        self._next_col = first_col

    def source(self, items: Sequence[str]) -> str | list[str]:
        items = [str(item) for item in items]
        if len(",".join(items)) <= INLINE_LIST_LIMIT and not any("," in i for i in items):
            return items
        col = self._next_col
        self._next_col += 1
        for row, item in enumerate(items):
            self._hidden.write_string(row, col, item)
        first = xl_rowcol_to_cell(0, col, row_abs=True, col_abs=True)
        last = xl_rowcol_to_cell(len(items) - 1, col, row_abs=True, col_abs=True)
        quoted = self._sheet_name.replace("'", "''")
        return f"='{quoted}'!{first}:{last}"
