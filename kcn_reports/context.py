"""The report context: one typed value, built once by `figures.build_context`, read by everything.

The Word templates (docxtpl), figures.json, Tong-hop.xlsx, Bieu-tong-hop.xlsx, the screen summary
and the template checker's list of variables all read this one value, so a figure cannot differ
between them. Each section is a frozen dataclass; templates reach its fields by attribute
(``party.members_end``), which Jinja resolves on dataclasses as on dicts.

Every figure is declared once, here, with its label, unit and definition (field metadata, see
`figure`): the key-figure tables of the workbooks, the default official table and the README's
"Định nghĩa số liệu" are generated from these declarations. The Biểu 1-BTCTW columns (A, B, C, D)
are declared once as the fields of `MovementRow`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Figure:
    """How one figure is shown and what it means (Vietnamese, for tables and the README)."""

    label: str
    unit: str
    definition: str
    percent: bool = False
    key: bool = True  # listed among the key figures of Tong-hop and the default official table

    @property
    def breakdown(self) -> bool:
        """A "Trong đó" line, indented under the figure it breaks down."""
        return self.label.startswith("Trong đó")


def figure(label: str, unit: str, definition: str, *, percent: bool = False,
           key: bool = True) -> Any:
    """A dataclass field that is a figure of the report."""
    return field(metadata={"figure": Figure(label, unit, definition, percent, key)})


def column(group: str, label: str, types: tuple[str, ...] = ()) -> Any:
    """A column of Biểu 1-BTCTW: its group (A/B/C/D), header and the movement types it sums
    (keys of `ledgerdef.MOVEMENT_TYPES`; "*" = the group's types no other column takes)."""
    return field(default=0, metadata={"column": MovementColumn("", group, label, types)})


@dataclass(frozen=True)
class MovementColumn:
    key: str
    group: str  # "A", "B", "C", "D"
    label: str
    types: tuple[str, ...]

    @property
    def group_label(self) -> str:
        return GROUP_LABELS[self.group]


GROUP_LABELS = {"A": "A. Đầu kỳ", "B": "B. Tăng", "C": "C. Giảm", "D": "D. Cuối kỳ"}


# ---------------------------------------------------------------------------------------------
# Sections
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Signatory:
    on_behalf: str
    title: str
    name: str


@dataclass(frozen=True)
class OrgSection:
    superior_body: str
    issuing_body: str
    abbreviation: str
    place: str
    party_org_name: str
    signatory: Signatory
    recipients: list[str]


@dataclass(frozen=True)
class ReportSection:
    kind: str  # "two-year" | "annual"
    start: dt.date  # the first snapshot; flows count events after it
    end: dt.date  # the second snapshot (annual: 31/12 of the year)
    date: dt.date  # the report's own date (date line)
    as_at: dt.date  # the date stocks are counted at: `end`, or the report date when earlier
    number: str
    year: int
    years: int  # two-year report: whole years covered, rounded (at least 1)
    years_text: str  # "02"
    years_qualifier: str  # "hơn" / "gần" / "": "Sau hơn 02 năm"
    period_label: str
    forms_period: str | None  # the returns used: "2016" (Năm 2016) or "2016-H1"
    forms_period_label: str
    forms_partial: bool  # an annual report on the returns of the first half of its year
    # The period's first day: the day after `start`, whose stocks it starts from.
    first_day: dt.date = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "first_day", self.start + dt.timedelta(days=1))

    @property
    def before_end(self) -> bool:
        """Dated before the end of its own period: stocks are "đến ngày <report date>"."""
        return self.as_at < self.end


@dataclass(frozen=True)
class PartySection:
    cells_start: int = figure(
        "Số chi bộ đầu kỳ", "chi bộ",
        "Số chi bộ trực thuộc tại ngày đầu kỳ (xem Chi bộ, đảng viên tại một ngày).")
    cells_end: int = figure(
        "Số chi bộ cuối kỳ", "chi bộ",
        "Số chi bộ trực thuộc tại ngày cuối kỳ (hoặc ngày báo cáo nếu sớm hơn).")
    cells_in_fdi: int = figure(
        "Trong đó: chi bộ trong doanh nghiệp FDI", "chi bộ",
        "Chi bộ cuối kỳ có mã số thuế của một doanh nghiệp FDI (theo sheet Doanh nghiệp, nếu "
        "không có thì theo báo cáo của doanh nghiệp).")
    members_start: int = figure(
        "Số đảng viên đầu kỳ", "người",
        "Số đảng viên của Đảng bộ tại ngày đầu kỳ (xem Chi bộ, đảng viên tại một ngày); bằng tổng "
        "cột A của Bảng 1.")
    members_end: int = figure(
        "Số đảng viên cuối kỳ", "người",
        "Số đảng viên của Đảng bộ tại ngày cuối kỳ; bằng tổng cột D của Bảng 1.")
    members_in_enterprises: int = figure(
        "Đảng viên đang làm việc tại các doanh nghiệp đã báo cáo", "người",
        "Tổng Mã số 10 của mọi báo cáo được nhận trong kỳ báo cáo dùng (cột Đảng viên làm việc "
        "tại DN của bảng theo khu công nghiệp); không phải số đảng viên của Đảng bộ: có đảng "
        "viên làm việc tại doanh nghiệp nhưng sinh hoạt đảng ở nơi khác.")
    members_in_fdi: int = figure(
        "Trong đó: đảng viên làm việc trong doanh nghiệp FDI", "người",
        "Tổng Mã số 10 của các báo cáo doanh nghiệp FDI được nhận trong kỳ báo cáo dùng.")
    domestic_owner_members: int = figure(
        "Chủ doanh nghiệp trong nước là đảng viên", "người",
        "Số báo cáo được nhận của doanh nghiệp trong nước có Mã số 12 = Có.")
    admitted: int = figure(
        "Kết nạp đảng viên mới trong kỳ", "người",
        "Tổng Số lượng các dòng Kết nạp của sheet Biến động đảng viên trong kỳ.")
    transferred_in: int = figure(
        "Đảng viên chuyển sinh hoạt đến trong kỳ", "người",
        "Tổng Số lượng các dòng Chuyển đến của sheet Biến động đảng viên trong kỳ.")
    mobilised_transfer: int = figure(
        "Đảng viên được vận động chuyển sinh hoạt đảng", "người",
        "Tổng Số người của các hoạt động Vận động chuyển sinh hoạt đảng trong kỳ.")


@dataclass(frozen=True)
class OutreachSection:
    enterprises_approached: int = figure(
        "Doanh nghiệp được tiếp cận, tuyên truyền", "doanh nghiệp",
        "Số mã số thuế khác nhau trong các hoạt động Tiếp cận, tuyên truyền doanh nghiệp của kỳ.")
    enterprises_approached_fdi: int = figure(
        "Trong đó: doanh nghiệp FDI", "doanh nghiệp",
        "Những doanh nghiệp trên là doanh nghiệp FDI.")
    team_text: str = ""


@dataclass(frozen=True)
class TrainingSection:
    classes: int = figure(
        "Lớp bồi dưỡng nhận thức về Đảng", "lớp",
        "Số hoạt động Lớp bồi dưỡng nhận thức về Đảng trong kỳ.")
    attendees: int = figure(
        "Học viên tham gia lớp bồi dưỡng", "người",
        "Tổng Số người của các lớp đó.")
    attendees_fdi: int = figure(
        "Trong đó: học viên từ doanh nghiệp FDI", "người",
        "Tổng cột Trong đó từ DN FDI của các lớp đó.")


@dataclass(frozen=True)
class UnionsSection:
    founded: int = figure(
        "Công đoàn cơ sở thành lập mới trong kỳ", "CĐCS",
        "Báo cáo được nhận có ngày thành lập công đoàn cơ sở (Mã số 15) trong kỳ.")
    total: int = figure(
        "Tổng số công đoàn cơ sở", "CĐCS",
        "Báo cáo được nhận có Mã số 14 = Có.")
    members: int = figure(
        "Đoàn viên công đoàn", "người", "Tổng Mã số 16 của các báo cáo được nhận.")


@dataclass(frozen=True)
class YouthSection:
    organisations: int = figure(
        "Tổ chức Đoàn TNCS Hồ Chí Minh", "tổ chức", "Báo cáo được nhận có Mã số 17 = Có.")
    members: int = figure(
        "Đoàn viên thanh niên", "người", "Tổng Mã số 18 của các báo cáo được nhận.")


@dataclass(frozen=True)
class LabourSection:
    employees: int = figure(
        "Tổng số lao động", "người", "Tổng Mã số 05 của các báo cáo được nhận.")
    female: int = figure(
        "Trong đó: lao động nữ", "người", "Tổng Mã số 06 của các báo cáo được nhận.")
    foreign: int = figure(
        "Trong đó: lao động nước ngoài", "người", "Tổng Mã số 07 của các báo cáo được nhận.")


@dataclass(frozen=True)
class EnterprisesSection:
    expected: int | None = figure(
        "Doanh nghiệp phải gửi báo cáo", "doanh nghiệp",
        "Doanh nghiệp trong sheet Doanh nghiệp đang hoạt động trong kỳ báo cáo dùng.")
    reported: int = figure(
        "Doanh nghiệp đã gửi báo cáo", "doanh nghiệp",
        "Số mã số thuế khác nhau có báo cáo được nhận cho kỳ báo cáo dùng.")
    fdi: int = figure(
        "Trong đó: doanh nghiệp FDI", "doanh nghiệp", "Báo cáo được nhận của doanh nghiệp FDI.")
    domestic: int = figure(
        "Trong đó: doanh nghiệp trong nước", "doanh nghiệp",
        "Báo cáo được nhận của doanh nghiệp trong nước.")
    rate: float | None = figure(
        "Tỷ lệ doanh nghiệp gửi báo cáo", "%",
        "Doanh nghiệp có báo cáo được nhận / doanh nghiệp phải gửi báo cáo.", percent=True)


@dataclass(frozen=True)
class ZoneRow:
    """Sums over the accepted returns of one zone (and one ownership, in `by_zone_detail`)."""

    zone: str
    enterprises: int = 0
    employees: int = 0
    female: int = 0
    foreign: int = 0
    party_members: int = 0  # Mã số 10: members working in the enterprises
    union_members: int = 0
    youth_members: int = 0
    revenue: float = 0.0
    budget_paid: float = 0.0
    ownership: str = ""  # "fdi" / "domestic" / "" (all, or unknown in by_zone_detail)


# Zone-table columns summed from the returns: ZoneRow field -> form field (formdef key).
ZONE_SUMS: dict[str, str] = {
    "employees": "employees",
    "female": "employees_female",
    "foreign": "employees_foreign",
    "party_members": "party_members",
    "union_members": "union_members",
    "youth_members": "youth_members",
    "revenue": "revenue",
    "budget_paid": "budget_paid",
}


@dataclass(frozen=True)
class MovementRow:
    """One row of Biểu 1-BTCTW: A members at the start, B increases, C decreases, D at the end.

    The columns are declared here once; `MOVEMENT_COLUMNS` and every table read them."""

    cell: str
    a: int = column("A", "Đầu kỳ")
    admitted: int = column("B", "Kết nạp", ("admitted",))
    transferred_in: int = column("B", "Chuyển đến", ("transferred_in",))
    other_in: int = column("B", "Khác", ("*",))
    died: int = column("C", "Từ trần", ("died",))
    transferred_out: int = column("C", "Chuyển đi", ("transferred_out",))
    other_out: int = column("C", "Khác", ("*",))
    d: int = column("D", "Cuối kỳ")
    check: str = ""  # "Khớp", "Lệch 3 …": A + B − C against D, and the check's findings
    kind: str = "cell"  # "cell", or "gap" for members the cells' rows do not account for

    @property
    def computed(self) -> int:
        """A + B − C."""
        value = 0
        for col in MOVEMENT_COLUMNS:
            sign = {"A": 1, "B": 1, "C": -1}.get(col.group, 0)
            value += sign * getattr(self, col.key)
        return value

    @property
    def reconciles(self) -> bool:
        return self.computed == self.d


@dataclass(frozen=True)
class TargetRow:
    key: str
    name: str
    target: float
    achieved: float | None  # None: no figure in the inputs tells (new union members)
    percent: float | None  # achieved / target (0..1), None without a target or a result


@dataclass(frozen=True)
class NextTargets:
    year: int
    items: list[str]


@dataclass(frozen=True)
class Manual:
    assessment: str = ""
    solutions: str = ""


@dataclass(frozen=True)
class Comparison:
    """A headline figure against the previous year's accepted returns."""

    key: str  # the figure's path in the context: "labour.employees"
    name: str
    unit: str
    previous: float | None
    current: float | None
    change: float | None  # current − previous (a rate: in points of 0..1)
    ratio: float | None  # change / previous (None for rates and from zero)
    percent: bool = False  # the figure is a rate (0..1)


@dataclass(frozen=True)
class YearOnYear:
    available: bool
    previous_year: int | None
    previous_period: str | None
    previous_period_label: str
    rows: list[Comparison]
    # The counts compare the enterprises with an accepted return in both periods.
    enterprises_both: int = 0
    enterprises_now: int = 0
    enterprises_before: int = 0


@dataclass(frozen=True)
class ReportContext:
    """Everything a report shows. Also written whole as figures.json."""

    org: OrgSection
    report: ReportSection
    party: PartySection
    outreach: OutreachSection
    training: TrainingSection
    unions: UnionsSection
    youth: YouthSection
    labour: LabourSection
    enterprises: EnterprisesSection
    by_zone: list[ZoneRow]
    by_zone_total: ZoneRow
    by_zone_detail: list[ZoneRow]
    movements: list[MovementRow]
    movements_total: MovementRow
    targets: list[TargetRow]
    next_targets: NextTargets
    manual: Manual
    year_on_year: YearOnYear


# The sections whose figures are key figures, in the order tables list them, with titles.
FIGURE_SECTIONS: tuple[tuple[str, str], ...] = (
    ("party", "TỔ CHỨC ĐẢNG, ĐẢNG VIÊN"),
    ("outreach", "TIẾP CẬN, TUYÊN TRUYỀN, BỒI DƯỠNG"),
    ("training", ""),  # continues the section above
    ("unions", "CÔNG ĐOÀN, ĐOÀN THANH NIÊN"),
    ("youth", ""),
    ("labour", "LAO ĐỘNG, BÁO CÁO CỦA DOANH NGHIỆP"),
    ("enterprises", ""),
)


def _section_type(name: str) -> type:
    hints = typing.get_type_hints(ReportContext)
    return hints[name]  # type: ignore[no-any-return]


def figures_of(section: str) -> list[tuple[str, Figure]]:
    """(path, Figure) of a section's figures, in declaration order: ("party.cells_end", …)."""
    kind = _section_type(section)
    return [(f"{section}.{f.name}", f.metadata["figure"]) for f in dataclasses.fields(kind)
            if "figure" in f.metadata]


def key_figure_groups() -> list[tuple[str, list[tuple[str, Figure]]]]:
    """The key figures grouped under their section titles, for tables."""
    groups: list[tuple[str, list[tuple[str, Figure]]]] = []
    for section, title in FIGURE_SECTIONS:
        items = [(path, fig) for path, fig in figures_of(section) if fig.key]
        if title or not groups:
            groups.append((title, items))
        else:
            groups[-1][1].extend(items)
    return groups


def all_figures() -> dict[str, Figure]:
    """Every declared figure by its path."""
    return {path: fig for section, _ in FIGURE_SECTIONS for path, fig in figures_of(section)}


MOVEMENT_COLUMNS: tuple[MovementColumn, ...] = tuple(
    dataclasses.replace(f.metadata["column"], key=f.name)
    for f in dataclasses.fields(MovementRow) if "column" in f.metadata)


def resolve(value: Any, path: str) -> tuple[bool, Any]:
    """Follow a dotted path through the context ("party.cells_end", "by_zone.0.zone")."""
    for part in path.split("."):
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            if part not in {f.name for f in dataclasses.fields(value)}:
                return False, None
            value = getattr(value, part)
        elif isinstance(value, dict) and part in value:
            value = value[part]
        elif isinstance(value, list | tuple) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return False, None
    return True, value


def to_json(value: Any) -> Any:
    """The context as figures.json holds it: dataclasses as objects, dates as ISO strings."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def variable_paths(kind: Any = ReportContext, prefix: str = "") -> Iterator[str]:
    """Every variable a template can read, from the types: "party.cells_end", "by_zone[].zone"."""
    hints = typing.get_type_hints(kind)
    for f in dataclasses.fields(kind):
        path = f"{prefix}.{f.name}" if prefix else f.name
        yield from _paths_of(hints[f.name], path)


def _paths_of(hint: Any, path: str) -> Iterator[str]:
    origin = typing.get_origin(hint)
    if origin is list:
        (item,) = typing.get_args(hint)
        if dataclasses.is_dataclass(item):
            yield from variable_paths(item, f"{path}[]")
        else:
            yield f"{path}[]"
    elif origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        yield from _paths_of(inner[0], path) if len(inner) == 1 else iter([path])
    elif dataclasses.is_dataclass(hint):
        yield from variable_paths(hint, path)
    else:
        yield path
