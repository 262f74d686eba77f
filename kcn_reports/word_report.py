"""The Word report: the default templates (package resources), the chart, and rendering.

The templates are ordinary .docx files with Jinja tags (docxtpl), shipped in
`kcn_reports/resources/` and copied into a workspace's `report_templates/`, where the office edits
them in Word (`kcn-reports templates check` finds what Word broke). They follow the Party document
format (Hướng dẫn 36-HD/VPTW): A4, margins 20/20/30/15 mm, Times New Roman, the two-column header
block, "BÁO CÁO" title, page numbers from page 2, "Nơi nhận" and signature blocks.

Templates read the typed report context (`context.ReportContext`, also written as figures.json)
by attribute: ``party.members_end``, ``by_zone[].zone``; the README lists every variable. They
are rendered in the shared sandboxed environment (`templating`), with the Vietnamese filters and
the ``nonzero`` test for zero-aware wording. Rendering autoescapes every value: a company called
"A&B <Việt Nam>" or text containing "{{ }}" comes out literally.

``chart`` is added by `render_report` (an InlineImage of `make_chart`); the picture's alternative
text carries the numbers it shows, so the chart's data can be read from the document itself.
"""

from __future__ import annotations

import dataclasses
import functools
import io
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.shared import Mm

from kcn_reports.atomic import atomic_write
from kcn_reports.context import ReportContext

TWO_YEAR_TEMPLATE = "bao_cao_hai_nam.docx"
ANNUAL_TEMPLATE = "bao_cao_nam.docx"
TEMPLATE_FILES = {"two-year": TWO_YEAR_TEMPLATE, "annual": ANNUAL_TEMPLATE}
FONT = "Times New Roman"

# Variables `render_report` supplies itself, so callers need not put them in the context.
RENDER_SUPPLIED = frozenset({"chart"})

CHART_WIDTH = Mm(160)  # text width is 210 - 30 - 15 = 165 mm

# Texts of the default templates, also looked for by the tests.
PLACEHOLDER_ASSESSMENT = (
    "[Văn phòng Đảng ủy viết phần đánh giá chung: ưu điểm, hạn chế và nguyên nhân; "
    "xóa dòng này trước khi gửi.]"
)
PLACEHOLDER_SOLUTIONS = (
    "[Văn phòng Đảng ủy viết phần phương hướng, giải pháp thực hiện mục tiêu; "
    "xóa dòng này trước khi gửi.]"
)

# XML 1.0 forbids these; Excel cells occasionally carry them. \t and \n are kept (docxtpl turns
# them into a tab and a line break).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BLANK_LINES = re.compile(r"\s*\n\s*")


class ReportTemplateError(Exception):
    """A template that cannot be rendered (broken Jinja tag, unknown variable or filter)."""


def resource(name: str) -> Path:
    """A default template shipped with the package (kcn_reports/resources/)."""
    from importlib.resources import files

    return Path(str(files("kcn_reports") / "resources" / name))


def write_default_templates(folder: Path) -> list[Path]:
    """Copy the two default report templates into `folder`; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TEMPLATE_FILES.values():
        path = folder / name
        atomic_write(path, functools.partial(shutil.copyfile, resource(name)))
        written.append(path)
    return written


# ---------------------------------------------------------------------------------------------
# Chart
# ---------------------------------------------------------------------------------------------


def _chart_fonts() -> list[str]:
    """The preferred chart fonts that are installed (matplotlib ships DejaVu). Asking for a
    missing one makes matplotlib print an English "findfont" warning per glyph."""
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    return [name for name in ("Liberation Serif", "Times New Roman", "DejaVu Serif", "DejaVu Sans")
            if name in installed] or ["DejaVu Sans"]


@dataclass(frozen=True)
class ChartData:
    """What the chart shows, read from the context and nothing else."""

    dates: tuple[str, str]  # the two snapshots, dd/mm/yyyy
    cells: tuple[int, int]
    members: tuple[int, int]
    zones: tuple[tuple[str, int], ...]  # members working in the enterprises (Mã số 10) by zone
    zones_period: str  # the returns' period, for the panel's title

    def describe(self) -> str:
        """The chart as text (the picture's alternative text)."""
        zones = "; ".join(f"{zone}: {count}" for zone, count in self.zones)
        text = (f"Số chi bộ: {self.dates[0]}: {self.cells[0]}, {self.dates[1]}: {self.cells[1]}. "
                f"Số đảng viên: {self.dates[0]}: {self.members[0]}, "
                f"{self.dates[1]}: {self.members[1]}.")
        if zones:
            text += (f" Đảng viên làm việc tại doanh nghiệp theo khu công nghiệp (Mã số 10, "
                     f"{self.zones_period}): {zones}.")
        return text


def chart_data(context: ReportContext) -> ChartData:
    from kcn_reports.vnformat import short_date

    report, party = context.report, context.party
    return ChartData(
        dates=(short_date(report.start), short_date(report.as_at)),
        cells=(party.cells_start, party.cells_end),
        members=(party.members_start, party.members_end),
        zones=tuple((z.zone, z.party_members) for z in context.by_zone if z.zone),
        zones_period=report.forms_period_label.lower(),
    )


def make_chart(context: ReportContext) -> bytes:
    """PNG: party cells and members at the two dates, and members working in the enterprises by
    zone (bars)."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from kcn_reports.vnformat import number

    data = chart_data(context)
    zones = data.zones
    labels = list(data.dates)
    colours = ["#9e9e9e", "#c00000"]

    with matplotlib.rc_context(
        {
            "font.family": _chart_fonts(),
            "font.size": 9,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    ):
        height = 2.5 + (0.5 + 0.32 * len(zones) if zones else 0)
        figure = Figure(figsize=(16 / 2.54, height), dpi=150, layout="constrained")
        FigureCanvasAgg(figure)
        grid = figure.add_gridspec(
            2 if zones else 1, 2, height_ratios=[2.5, 0.5 + 0.32 * len(zones)] if zones else None
        )
        panels = [
            (figure.add_subplot(grid[0, 0]), "Số chi bộ", list(data.cells)),
            (figure.add_subplot(grid[0, 1]), "Số đảng viên", list(data.members)),
        ]
        for axes, title, values in panels:
            bars = axes.bar(labels, values, color=colours, width=0.55)
            axes.bar_label(bars, labels=[number(v) for v in values], padding=2)
            axes.set_title(title, fontweight="bold")
            axes.set_ylim(0, max(max(values), 1) * 1.2)
            axes.yaxis.set_major_formatter(lambda v, _pos: number(int(v)))
        if zones:
            axes = figure.add_subplot(grid[1, :])
            names = [zone for zone, _ in zones][::-1]
            values = [count for _, count in zones][::-1]
            bars = axes.barh(names, values, color="#c00000", height=0.6)
            axes.bar_label(bars, labels=[number(v) for v in values], padding=2)
            axes.set_title(f"Đảng viên làm việc tại doanh nghiệp theo KCN\n"
                           f"(Mã số 10, báo cáo {data.zones_period})", fontweight="bold")
            axes.set_xlim(0, max(max(values), 1) * 1.15)
            axes.xaxis.set_major_formatter(lambda v, _pos: number(int(v)))
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=150)
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------------


def jinja_env() -> Any:
    """The environment Word templates are rendered in (shared with the Excel official table)."""
    from kcn_reports.templating import environment

    return environment(autoescape=True)


def _clean(value: Any) -> Any:
    """A copy of the context with characters XML cannot hold removed from every string."""
    if isinstance(value, str):
        return _XML_INVALID.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: _clean(getattr(value, f.name))
                                             for f in dataclasses.fields(value) if f.init})
    if isinstance(value, list | tuple):
        return [_clean(item) for item in value]
    return value


def _as_paragraphs(text: str) -> str:
    """Office text with line breaks -> docxtpl's paragraph separator (\\a), blank lines dropped."""
    return "\a".join(part for part in _BLANK_LINES.split(text.strip()) if part)


def _described_image(document: Any, png: bytes, description: str) -> Any:
    """An InlineImage whose picture carries `description` as its alternative text."""
    from xml.sax.saxutils import quoteattr

    from docxtpl import InlineImage

    class _Described(InlineImage):  # type: ignore[misc]
        def _insert_image(self) -> str:
            xml: str = super()._insert_image()
            return xml.replace("<wp:docPr ", f"<wp:docPr descr={quoteattr(description)} ", 1)

    return _Described(document, io.BytesIO(png), width=CHART_WIDTH)


def render_report(
    template: Path, context: ReportContext, out_path: Path, chart_png: bytes | None = None
) -> None:
    """Fill `template` with `context` and write the .docx atomically to `out_path`.

    Values are autoescaped. Without `chart_png` the chart is drawn by `make_chart(context)`.
    Raises ReportTemplateError when the template itself is broken.
    """
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError

    data: ReportContext = _clean(context)
    data = dataclasses.replace(data, manual=dataclasses.replace(
        data.manual, assessment=_as_paragraphs(data.manual.assessment or ""),
        solutions=_as_paragraphs(data.manual.solutions or "")))
    variables = {f.name: getattr(data, f.name) for f in dataclasses.fields(data)}

    document = DocxTemplate(str(template))
    png = chart_png if chart_png is not None else make_chart(data)
    variables["chart"] = _described_image(document, png, chart_data(data).describe())
    try:
        document.render(variables, jinja_env=jinja_env(), autoescape=True)
    except TemplateError as exc:
        raise ReportTemplateError(
            f"Mẫu báo cáo {template.name} có lỗi: {exc.message or exc}"
        ) from exc
    atomic_write(out_path, document.save)


def template_variables(template: Path) -> set[str]:
    """Top-level context names the template reads (those `render_report` adds are left out)."""
    from docxtpl import DocxTemplate

    found = DocxTemplate(str(template)).get_undeclared_template_variables(jinja_env())
    return set(found) - RENDER_SUPPLIED
