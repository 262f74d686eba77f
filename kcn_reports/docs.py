"""Reference tables for the README, generated from the definitions (never kept by hand).

`scripts/update_docs.py` rewrites the marked sections of README.md; a test fails when they are
out of date.
"""

from __future__ import annotations

import re
from typing import Any

from kcn_reports.formdef import FIELDS, Kind
from kcn_reports.ledgerdef import SHEETS
from kcn_reports.problems import CATALOG, ERROR

KIND_WORDS = {
    Kind.TEXT: "chữ", Kind.TAX_CODE: "mã số thuế", Kind.ZONE: "tên KCN",
    Kind.OWNERSHIP: "FDI / trong nước", Kind.PERIOD: "kỳ báo cáo", Kind.DATE: "ngày",
    Kind.NUMBER: "số ≥ 0", Kind.INTEGER: "số nguyên ≥ 0", Kind.YESNO: "Có/Không",
}


def field_table() -> str:
    lines = ["| Mã số | khóa (key) | Chỉ tiêu | Đơn vị tính | Kiểu | Bắt buộc |",
             "|---|---|---|---|---|---|"]
    for f in FIELDS:
        lines.append(f"| {f.code or '—'} | `{f.key}` | {f.label} | {f.unit or ''} | "
                     f"{KIND_WORDS[f.kind]} | {'có' if f.required else ''} |")
    return "\n".join(lines)


def ledger_table() -> str:
    lines = ["| Sheet | Cột (theo thứ tự) |", "|---|---|"]
    for sheet in SHEETS:
        cols = " · ".join(c.header + (" *" if c.required else "") for c in sheet.columns)
        lines.append(f"| {sheet.name} | {cols} |")
    return "\n".join(lines)


def problem_table() -> str:
    lines = ["| Mã | Mức | Nội dung (mẫu) | Cách sửa |", "|---|---|---|---|"]
    for code, kind in CATALOG.items():
        severity = "Lỗi" if kind.severity == ERROR else "Cảnh báo"
        message = kind.message.replace("|", "\\|")
        lines.append(f"| `{code}` | {severity} | {message} | {kind.hint} |")
    return "\n".join(lines)


def context_paths(value: object, prefix: str = "") -> list[str]:
    """Dotted paths of a context: "party.cells_end", "by_zone[].zone"."""
    if isinstance(value, dict):
        paths = []
        for key, item in value.items():
            paths.extend(context_paths(item, f"{prefix}.{key}" if prefix else str(key)))
        return paths
    if isinstance(value, list):
        sample = {"zone": "", "enterprises": 0, "employees": 0, "female": 0, "foreign": 0,
                  "party_members": 0, "union_members": 0, "youth_members": 0} if prefix == "by_zone" else None
        item = value[0] if value else sample
        return context_paths(item, f"{prefix}[]") if isinstance(item, dict) else [f"{prefix}[]"]
    return [prefix]


def reference_context() -> dict[str, Any]:
    """A complete report context with no data: every key the templates can read, and one
    all-zero row in each list so the rows' keys show too."""
    import datetime as dt
    from pathlib import Path

    from kcn_reports.figures import build_context, report_period
    from kcn_reports.outcome import CheckReport
    from kcn_reports.settings import load_settings

    settings = load_settings(None)
    period = report_period("annual", settings, year=2016)
    context = build_context(CheckReport(Path("."), []), settings, period, dt.date(2017, 1, 5))
    context["movements"] = [{k: 0 for k in ("cell", "a", "admitted", "transferred_in", "other_in",
                                             "died", "transferred_out", "other_out", "d")}]
    context["targets"] = [{"name": "", "target": 0, "achieved": 0, "percent": 0}]
    return context


def template_variables_table() -> str:
    """Every variable of the report context, and which default template uses its root."""
    import tempfile
    from pathlib import Path

    from kcn_reports.word_report import template_variables, write_default_templates

    context = reference_context()
    with tempfile.TemporaryDirectory() as scratch:
        used = {p.name: template_variables(p) for p in write_default_templates(Path(scratch))}
    lines = ["| Biến | " + " | ".join(used) + " |", "|---|" + "---|" * len(used)]
    for path in context_paths(context):
        root = path.split(".")[0].split("[")[0]
        marks = " | ".join("✓" if root in names else "" for names in used.values())
        lines.append(f"| `{path}` | {marks} |")
    return "\n".join(lines)


def sqlite_schema_table() -> str:
    """The tables of `kcn-reports export --sqlite`, from the export schema."""
    from kcn_reports.export import schema

    lines = ["| Bảng | Cột | Kiểu | Nội dung |", "|---|---|---|---|"]
    for table in schema():
        lines.append(f"| `{table.name}` | | | **{table.doc}** Khóa: "
                     + ", ".join(f"`{k}`" for k in table.key) + ". |")
        for column in table.columns:
            doc = column.doc.replace("|", "\\|")
            lines.append(f"| | `{column.name}` | {column.type} | {doc} |")
    return "\n".join(lines)


SECTIONS = {
    "fields": field_table,
    "ledger": ledger_table,
    "problems": problem_table,
    "template-variables": template_variables_table,
    "sqlite-schema": sqlite_schema_table,
}


def refresh(text: str) -> str:
    """Replace every `<!-- NAME:start -->…<!-- NAME:end -->` section with its generated table."""
    for name, make in SECTIONS.items():
        pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.S)
        table = make().replace("\\", "\\\\")
        text = pattern.sub(rf"\g<1>{table}\n\g<2>", text)
    return text
