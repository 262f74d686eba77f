"""Reference tables for the README, generated from the definitions (never kept by hand).

`scripts/update_docs.py` rewrites the marked sections of README.md; a test fails when they are
out of date.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kcn_reports.formdef import FIELDS, Kind
from kcn_reports.ledgerdef import SHEETS
from kcn_reports.problems import CATALOG, ERROR

if TYPE_CHECKING:
    from kcn_reports.context import ReportContext

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


def reference_context() -> ReportContext:
    """A complete report context with no data: every section filled with zeros, and one row in
    each list, so that a trial render goes through every tag of a template."""
    import dataclasses
    import datetime as dt
    from pathlib import Path

    from kcn_reports.context import Comparison, MovementRow, TargetRow, YearOnYear
    from kcn_reports.figures import ANNUAL, ReportPeriod, build_context
    from kcn_reports.formdef import PERIOD_YEAR, Period
    from kcn_reports.outcome import CheckReport
    from kcn_reports.settings import load_settings

    settings = load_settings(None)
    period = ReportPeriod(ANNUAL, dt.date(2015, 12, 31), dt.date(2016, 12, 31),
                          dt.date(2017, 1, 5), Period(PERIOD_YEAR, 2016))
    context = build_context(CheckReport(Path("."), []), settings, period)
    return dataclasses.replace(
        context, movements=[MovementRow("", check="Khớp")],
        targets=[TargetRow("", "", 0, 0, 0)],
        year_on_year=YearOnYear(True, 2015, "2015", "Năm 2015", [
            Comparison("labour.employees", "Tổng số lao động", "người", 0, 0, 0, None)]))


def template_variables_table() -> str:
    """Every variable of the report context, and which default template uses its root."""
    from kcn_reports.context import variable_paths
    from kcn_reports.word_report import TEMPLATE_FILES, resource, template_variables

    used = {name: template_variables(resource(name)) for name in TEMPLATE_FILES.values()}
    lines = ["| Biến | " + " | ".join(used) + " |", "|---|" + "---|" * len(used)]
    for path in variable_paths():
        root = path.split(".")[0].split("[")[0]
        marks = " | ".join("✓" if root in names else "" for names in used.values())
        lines.append(f"| `{path}` | {marks} |")
    return "\n".join(lines)


def definitions_text() -> str:
    """How every figure is defined, from the declarations the code computes them by."""
    from kcn_reports.context import FIGURE_SECTIONS, figures_of
    from kcn_reports.figures import PERIOD_DEFINITIONS
    from kcn_reports.membership import DEFINITIONS

    lines = ["**Kỳ báo cáo và báo cáo của doanh nghiệp được dùng**", ""]
    lines += [f"- {text}" for text in PERIOD_DEFINITIONS]
    lines += ["", "**Chi bộ, đảng viên tại một ngày**", ""]
    lines += [f"- {text}" for text in DEFINITIONS]
    lines += ["", "**Từng số liệu** (khóa trong figures.json — nội dung)", "",
              "| Khóa | Số liệu | Đơn vị | Cách tính |", "|---|---|---|---|"]
    for section, _ in FIGURE_SECTIONS:
        for path, fig in figures_of(section):
            lines.append(f"| `{path}` | {fig.label} | {fig.unit} | {fig.definition} |")
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
    "definitions": definitions_text,
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
