"""Settings of a workspace: `kcn_reports.toml`, commented in Vietnamese for the office.

Nothing about the organisation is hard-coded in the code: names, zones, baseline, signatory
and recipients all come from here. A wrong or missing setting is a `SettingsError` whose
message names the key and the file.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kcn_reports.formdef import Period, Zone
from kcn_reports.textnorm import fold

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

SETTINGS_FILE = "kcn_reports.toml"

# Years a report, a baseline or a date typed on the command line may plausibly be in; a typo
# such as `--year 26` or `date = 2104-06-30` is refused instead of making "báo cáo năm 26".
YEAR_MIN, YEAR_MAX = 1990, 2100

# The sections both settings texts end with.
_OUTPUT_AND_LIMITS = """\
[output]
# true: xuất thêm bản PDF (cần cài LibreOffice).
pdf = false

# Giới hạn an toàn khi đọc tệp doanh nghiệp gửi về.
[limits]
max_uncompressed_mb = 200
max_rows = 100000
max_cols = 256
# Thời gian tối đa đọc một tệp (giây); quá thời gian thì dừng tệp đó, các tệp khác vẫn chạy.
max_seconds_per_file = 60
"""

DEFAULT_SETTINGS = """\
# Cài đặt của kcn-reports. Mở bằng Notepad, sửa nội dung trong dấu ngoặc kép rồi lưu (UTF-8).
# Dòng bắt đầu bằng dấu # là ghi chú, chương trình bỏ qua.

[organisation]
# Cơ quan cấp trên (dòng đầu bên trái tiêu đề văn bản, chữ in hoa).
superior_body = "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH"
# Cơ quan ban hành báo cáo (dòng thứ hai, in đậm).
issuing_body = "ĐẢNG ỦY CÁC KHU CÔNG NGHIỆP"
# Chữ viết tắt trong số hiệu văn bản: Số …-BC/ĐU.
abbreviation = "ĐU"
# Địa danh ở dòng ngày tháng: "Bắc Giang, ngày … tháng … năm …".
place = "Bắc Giang"
# Tên đảng bộ dùng trong lời văn báo cáo.
party_org_name = "Đảng bộ Các Khu công nghiệp tỉnh"
# Tên Ban Quản lý các KCN (nơi nhận mẫu báo cáo của doanh nghiệp).
management_board = "Ban Quản lý các Khu công nghiệp tỉnh"

# Danh sách khu công nghiệp: tên chuẩn và các cách viết khác doanh nghiệp hay dùng.
# Cách viết có/không dấu, có/không chữ "KCN" đều tự nhận ra, không cần khai báo.
[[zones]]
name = "Đình Trám"
aliases = []

[[zones]]
name = "Quang Châu"
aliases = []

[[zones]]
name = "Song Khê – Nội Hoàng"
aliases = ["Song Khê - Nội Hoàng", "Song Khê Nội Hoàng", "Song Khê", "Nội Hoàng"]

[[zones]]
name = "Vân Trung"
aliases = []

[[zones]]
name = "Hòa Phú"
aliases = ["Hoà Phú"]

[[zones]]
name = "Việt Hàn"
aliases = []

# Mốc ban đầu, khi sổ theo dõi chưa ghi từ đầu (ví dụ lúc sáp nhập đảng bộ).
[baseline]
date = 2014-06-30
party_cells = 4
party_members = 35

# Khối ký tên cuối báo cáo.
[signatory]
on_behalf = "T/M BAN THƯỜNG VỤ"
title = "BÍ THƯ"
name = "Nguyễn Văn Hùng"

# Nơi nhận (mỗi dòng một nơi).
[distribution]
recipients = [
    "Ban Thường vụ Tỉnh ủy (b/c)",
    "Ban Tổ chức Tỉnh ủy (b/c)",
    "Đảng ủy Khối (b/c)",
    "Các chi bộ trực thuộc",
    "Lưu VP.",
]

# Những thông tin báo cáo trích dẫn mà không có trong số liệu.
[facts]
outreach_team = "gồm 7 đồng chí, phân công 2 cán bộ trực tiếp về cơ sở làm công tác tuyên truyền vận động"

""" + _OUTPUT_AND_LIMITS


# What `kcn-reports init` writes for a new province: every value that names the organisation,
# its zones, its people or its history is an example, and the file says so in `examples`, the
# list of sections still to be replaced. The sample province's settings above carry no such list,
# so the repository's own workspace runs without a reminder.
STARTER_SETTINGS = """\
# Cài đặt của kcn-reports. Mở bằng Notepad, sửa nội dung trong dấu ngoặc kép rồi lưu (UTF-8).
# Dòng bắt đầu bằng dấu # là ghi chú, chương trình bỏ qua.
#
# CÁC GIÁ TRỊ DƯỚI ĐÂY LÀ VÍ DỤ, cần thay bằng thông tin của đơn vị mình: tên cơ quan, danh sách
# khu công nghiệp, mốc ban đầu, người ký, nơi nhận, thông tin trích dẫn, kỳ báo cáo đang thu.
# Dòng "examples" liệt kê các mục còn là ví dụ: mỗi lần chạy, chương trình nhắc những giá trị
# của các mục này chưa được sửa. Giá trị ví dụ nào đúng là của đơn vị mình (ví dụ nơi nhận),
# xóa tên mục đó khỏi dòng này để thôi nhắc.
examples = ["organisation", "zones", "baseline", "signatory", "distribution", "facts"]

[organisation]
# Cơ quan cấp trên (dòng đầu bên trái tiêu đề văn bản, chữ in hoa).
superior_body = "ĐẢNG BỘ CẤP TRÊN (VÍ DỤ)"
# Cơ quan ban hành báo cáo (dòng thứ hai, in đậm).
issuing_body = "ĐẢNG ỦY CÁC KHU CÔNG NGHIỆP"
# Chữ viết tắt trong số hiệu văn bản: Số …-BC/ĐU.
abbreviation = "ĐU"
# Địa danh ở dòng ngày tháng: "<địa danh>, ngày … tháng … năm …".
place = "Tên tỉnh (ví dụ)"
# Tên đảng bộ dùng trong lời văn báo cáo.
party_org_name = "Đảng bộ Các Khu công nghiệp tỉnh"
# Tên Ban Quản lý các KCN (nơi nhận mẫu báo cáo của doanh nghiệp).
management_board = "Ban Quản lý các Khu công nghiệp tỉnh"

# Danh sách khu công nghiệp: tên chuẩn và các cách viết khác doanh nghiệp hay dùng, mỗi KCN một
# mục [[zones]]. Cách viết có/không dấu, có/không chữ "KCN" đều tự nhận ra, không cần khai báo.
# Sửa danh sách này trước khi tạo mẫu gửi doanh nghiệp (lệnh kcn-reports form).
[[zones]]
name = "KCN số 1 (ví dụ)"
aliases = []

[[zones]]
name = "KCN số 2 (ví dụ)"
aliases = ["KCN thứ hai"]

# Mốc ban đầu: số chi bộ, đảng viên tại một ngày, khi Sổ theo dõi chưa ghi từ đầu (ví dụ ngày
# thành lập hoặc sáp nhập đảng bộ). Báo cáo sơ kết tính từ ngày này.
[baseline]
date = 2025-07-01
party_cells = 0
party_members = 0

# Khối ký tên cuối báo cáo.
[signatory]
on_behalf = "T/M BAN THƯỜNG VỤ"
title = "BÍ THƯ"
name = "Họ và tên người ký (ví dụ)"

# Nơi nhận (mỗi dòng một nơi).
[distribution]
recipients = [
    "Ban Thường vụ Tỉnh ủy (b/c)",
    "Các chi bộ trực thuộc",
    "Lưu VP.",
]

# Những thông tin báo cáo trích dẫn mà không có trong số liệu.
[facts]
outreach_team = "gồm … đồng chí (ví dụ: ghi số người và cách phân công của đơn vị mình)"

# Đợt thu báo cáo đang làm: kỳ báo cáo ghi sẵn trong mẫu gửi doanh nghiệp (lệnh kcn-reports form),
# hạn gửi ghi trong thư nhắc (lệnh kcn-reports feedback).
[collection]
# "6 tháng đầu năm YYYY" hoặc "Năm YYYY"; bỏ trống ("") nếu chưa muốn ghi sẵn.
period = ""
# Hạn doanh nghiệp gửi báo cáo, dạng YYYY-MM-DD (không có ngoặc kép); xóa dòng nếu chưa có hạn.
# deadline = 2026-01-15
# Người, số điện thoại doanh nghiệp liên hệ khi cần hỏi (ghi trong thông báo gửi doanh nghiệp).
contact = ""
# Thông báo gửi doanh nghiệp: "docx" (thư Word) hoặc "xlsx" (bảng Excel).
feedback_format = "docx"

""" + _OUTPUT_AND_LIMITS

FEEDBACK_FORMATS = ("docx", "xlsx")


class SettingsError(Exception):
    """A setting is missing or wrong; the message is for the user, in Vietnamese."""


@dataclass(frozen=True)
class Signatory:
    on_behalf: str = "T/M BAN THƯỜNG VỤ"
    title: str = "BÍ THƯ"
    name: str = ""


@dataclass(frozen=True)
class Baseline:
    date: dt.date | None = None
    party_cells: int = 0
    party_members: int = 0


@dataclass(frozen=True)
class Limits:
    max_uncompressed_mb: int = 200
    max_rows: int = 100_000
    max_cols: int = 256
    max_seconds_per_file: int = 60


@dataclass(frozen=True)
class Collection:
    """The round of returns being collected: its period, deadline and how feedback is sent."""

    period: Period | None = None
    deadline: dt.date | None = None
    contact: str = ""
    feedback_format: str = "docx"


@dataclass(frozen=True)
class Settings:
    path: Path | None
    superior_body: str
    issuing_body: str
    abbreviation: str
    place: str
    party_org_name: str
    management_board: str
    zones: tuple[Zone, ...]
    baseline: Baseline = field(default_factory=Baseline)
    signatory: Signatory = field(default_factory=Signatory)
    recipients: tuple[str, ...] = ()
    facts: dict[str, str] = field(default_factory=dict)
    pdf: bool = False
    limits: Limits = field(default_factory=Limits)
    collection: Collection = field(default_factory=Collection)
    examples: tuple[str, ...] = ()  # sections the file itself marks as still holding examples


def load_settings(path: Path | None) -> Settings:
    """Read a settings file; with no file, the defaults above."""
    if path is None or not path.exists():
        return _from_dict(tomllib.loads(DEFAULT_SETTINGS), None)
    try:
        source = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise SettingsError(f"Tệp cài đặt {path} không phải UTF-8; mở bằng Notepad, chọn Lưu "
                            "với mã UTF-8 rồi chạy lại.") from None
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        from kcn_reports.toml_errors import explain

        raise SettingsError(explain(str(exc), source, path)) from None
    return _from_dict(data, path)


def _from_dict(data: dict[str, Any], path: Path | None) -> Settings:
    where = str(path) if path else SETTINGS_FILE

    def get(section: dict[str, Any], key: str, kind: type, prefix: str, default: Any = ...) -> Any:
        value = section.get(key, default)
        if value is ...:
            raise SettingsError(f"Thiếu cài đặt {_describe(prefix, key)} trong tệp {where}: thêm "
                                f"dòng {key} = … ({_kind_name(kind)}).")
        if value is not None and (not isinstance(value, kind)
                                  or (kind is int and isinstance(value, bool))
                                  or (kind is dt.date and isinstance(value, dt.datetime))):
            raise SettingsError(
                f"Cài đặt {_describe(prefix, key)} trong tệp {where} phải là {_kind_name(kind)}, "
                f"đang là {_as_written(value)}.{_date_hint(kind, key, value)}")
        if isinstance(value, int) and not isinstance(value, bool) and value < 0:
            raise SettingsError(f"Cài đặt {_describe(prefix, key)} trong tệp {where} không được "
                                f"âm (đang là {value}).")
        return value

    def section(name: str) -> dict[str, Any]:
        value = data.get(name, {})
        if not isinstance(value, dict):
            raise SettingsError(f"Mục [{name}] trong tệp {where} viết sai dạng: tên mục viết "
                                f"trong ngoặc vuông trên một dòng riêng, [{name}], các cài đặt "
                                "của mục viết ở các dòng dưới.")
        return value

    _unknown_keys(data, where)
    org = section("organisation")
    zones_raw = data.get("zones")
    if not isinstance(zones_raw, list) or not zones_raw:
        raise SettingsError(f"Thiếu danh sách khu công nghiệp trong tệp {where}: mỗi KCN một mục "
                            "[[zones]] với dòng name = \"tên KCN\".")
    zones: list[Zone] = []
    for i, zone in enumerate(zones_raw, 1):
        if not isinstance(zone, dict):
            raise SettingsError(f"Khu công nghiệp thứ {i} trong tệp {where} viết sai dạng.")
        name = get(zone, "name", str, f"zones[{i}].").strip()
        if not name:
            raise SettingsError(f"Khu công nghiệp thứ {i} (mục [[zones]] thứ {i}) trong tệp "
                                f"{where} chưa có tên: ghi tên KCN vào dòng name = \"…\", hoặc "
                                "xóa cả mục [[zones]] đó.")
        if any(fold(name) == fold(z.name) for z in zones):
            raise SettingsError(f"Khu công nghiệp «{name}» có hai lần trong tệp {where} (mục "
                                f"[[zones]] thứ {i}): xóa một mục.")
        aliases = get(zone, "aliases", list, f"zones[{i}].", [])
        zones.append(Zone(name, tuple(str(a) for a in aliases if str(a).strip())))
    base = section("baseline")
    base_date = get(base, "date", dt.date, "baseline.", None)
    if base_date is not None and not YEAR_MIN <= base_date.year <= YEAR_MAX:
        raise SettingsError(f"Ngày mốc ban đầu (dòng date trong mục [baseline]) trong tệp {where} "
                            f"là {base_date:%d/%m/%Y}, năm không hợp lý (chỉ nhận từ {YEAR_MIN} "
                            f"đến {YEAR_MAX}).")
    sign = section("signatory")
    limits = section("limits")
    output = section("output")
    facts = section("facts")
    return Settings(
        path=path,
        superior_body=get(org, "superior_body", str, "organisation."),
        issuing_body=get(org, "issuing_body", str, "organisation."),
        abbreviation=get(org, "abbreviation", str, "organisation."),
        place=get(org, "place", str, "organisation."),
        party_org_name=get(org, "party_org_name", str, "organisation."),
        management_board=get(org, "management_board", str, "organisation.", ""),
        zones=tuple(zones),
        baseline=Baseline(
            date=base_date,
            party_cells=get(base, "party_cells", int, "baseline.", 0),
            party_members=get(base, "party_members", int, "baseline.", 0),
        ),
        signatory=Signatory(
            on_behalf=get(sign, "on_behalf", str, "signatory.", "T/M BAN THƯỜNG VỤ"),
            title=get(sign, "title", str, "signatory.", "BÍ THƯ"),
            name=get(sign, "name", str, "signatory.", ""),
        ),
        recipients=tuple(str(r) for r in get(section("distribution"), "recipients", list,
                                             "distribution.", data.get("recipients", []))),
        facts={str(k): str(v) for k, v in facts.items()},
        pdf=get(output, "pdf", bool, "output.", False),
        limits=Limits(
            max_uncompressed_mb=get(limits, "max_uncompressed_mb", int, "limits.", 200),
            max_rows=get(limits, "max_rows", int, "limits.", 100_000),
            max_cols=get(limits, "max_cols", int, "limits.", 256),
            max_seconds_per_file=get(limits, "max_seconds_per_file", int, "limits.", 60),
        ),
        collection=_collection(section("collection"), where),
        examples=tuple(str(name) for name in get(data, "examples", list, "", [])),
    )


# The settings each section holds ([facts] holds whatever the office quotes); a name not here
# is a typo or a line under the wrong section, and would otherwise be ignored without a word.
_KNOWN_KEYS: dict[str, frozenset[str]] = {
    "organisation": frozenset({"superior_body", "issuing_body", "abbreviation", "place",
                               "party_org_name", "management_board"}),
    "zones": frozenset({"name", "aliases"}),
    "baseline": frozenset({"date", "party_cells", "party_members"}),
    "signatory": frozenset({"on_behalf", "title", "name"}),
    "distribution": frozenset({"recipients"}),
    "output": frozenset({"pdf"}),
    "limits": frozenset({"max_uncompressed_mb", "max_rows", "max_cols", "max_seconds_per_file"}),
    "collection": frozenset({"period", "deadline", "contact", "feedback_format"}),
}
_TOP_LEVEL = frozenset({*_KNOWN_KEYS, "facts", "examples", "recipients"})


def _unknown_keys(data: dict[str, Any], where: str) -> None:
    """Refuse a setting the program does not know, naming it and its section."""
    unknown = sorted(set(data) - _TOP_LEVEL)
    if unknown:
        raise SettingsError(f"Tệp {where} có mục hoặc cài đặt lạ: {', '.join(unknown)}. Kiểm tra "
                            "lại chính tả (tên mục viết như trong tệp mẫu của kcn-reports init), "
                            "hoặc xóa dòng đó.")
    for name, known in _KNOWN_KEYS.items():
        sections = data.get(name)
        entries = sections if isinstance(sections, list) else [sections]
        for i, entry in enumerate(entries, 1):
            if not isinstance(entry, dict):
                continue
            strays = sorted(set(entry) - known)
            if not strays:
                continue
            label = f"[[{name}]] thứ {i}" if isinstance(sections, list) else f"[{name}]"
            moved = (" Có thể thiếu dòng [[zones]] ở phía trên các dòng này."
                     if name != "zones" and {"name", "aliases"} & set(strays)
                     and "name" not in known else "")
            raise SettingsError(
                f"Mục {label} trong tệp {where} có cài đặt lạ: {', '.join(strays)}.{moved} "
                f"Mục này chỉ có: {', '.join(sorted(known))}.")


def _kind_name(kind: type) -> str:
    return {str: "chữ trong dấu ngoặc kép", int: "số nguyên", bool: "true hoặc false",
            list: "danh sách [ ... ]", dt.date: "ngày dạng năm-tháng-ngày, ví dụ 2014-06-30, không "
            "có ngoặc kép"}.get(kind, kind.__name__)


_SECTIONS = {
    "organisation": "cơ quan", "baseline": "mốc ban đầu", "signatory": "người ký",
    "distribution": "nơi nhận", "facts": "thông tin trích dẫn", "output": "kết quả",
    "limits": "giới hạn an toàn", "collection": "đợt thu báo cáo",
}


def _describe(prefix: str, key: str) -> str:
    """A setting as the clerk sees it in the file: the line's name and its section."""
    zone = re.fullmatch(r"zones\[(\d+)\]\.", prefix)
    if zone:
        return f"«{key}» của khu công nghiệp thứ {zone.group(1)} (mục [[zones]])"
    section = prefix.rstrip(".")
    if section:
        label = _SECTIONS.get(section)
        return f"«{key}» trong mục [{section}]" + (f" ({label})" if label else "")
    return f"«{key}»"


def _as_written(value: Any) -> str:
    """A value as it looks in the TOML file."""
    if isinstance(value, str):
        return f"\"{value}\""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "một danh sách"
    if isinstance(value, dict):
        return "một nhóm cài đặt"
    return str(value)


def _date_hint(kind: type, key: str, value: Any) -> str:
    if kind is not dt.date or not isinstance(value, str):
        return ""
    found = re.fullmatch(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*", value) or None
    if found:
        day, month, year = found.groups()
        return (f" Ngày viết dạng {year}-{int(month):02d}-{int(day):02d}, không có ngoặc kép: "
                f"{key} = {year}-{int(month):02d}-{int(day):02d}.")
    return " Ngày viết dạng năm-tháng-ngày, không có ngoặc kép, ví dụ: " + key + " = 2014-06-30."


def _collection(section: dict[str, Any], where: str) -> Collection:
    """The [collection] section: the period being collected, its deadline, feedback options."""
    from kcn_reports.values import ParseError, parse_period

    def wrong(key: str, what: str, value: Any) -> SettingsError:
        return SettingsError(f"Cài đặt {_describe('collection.', key)} trong tệp {where} phải là "
                             f"{what}, đang là {_as_written(value)}.")

    raw_period = section.get("period", "")
    period_help = "\"Năm YYYY\" hoặc \"6 tháng đầu năm YYYY\" (trong ngoặc kép)"
    if not isinstance(raw_period, str):
        raise wrong("period", period_help, raw_period)
    period = None
    if raw_period.strip():
        try:
            period = parse_period(raw_period).value
        except ParseError:
            period = None
        if period is None:
            raise wrong("period", period_help, raw_period)
        if not YEAR_MIN <= period.year <= YEAR_MAX:
            raise SettingsError(f"Cài đặt {_describe('collection.', 'period')} trong tệp {where} "
                                f"ghi năm {period.year}, năm không hợp lý (chỉ nhận từ {YEAR_MIN} "
                                f"đến {YEAR_MAX}).")
    deadline = section.get("deadline")
    if deadline is not None and (not isinstance(deadline, dt.date)
                                 or isinstance(deadline, dt.datetime)):
        raise SettingsError(
            f"Cài đặt {_describe('collection.', 'deadline')} trong tệp {where} phải là "
            f"{_kind_name(dt.date)}, đang là {_as_written(deadline)}."
            f"{_date_hint(dt.date, 'deadline', deadline)}")
    contact = section.get("contact", "")
    if not isinstance(contact, str):
        raise wrong("contact", _kind_name(str), contact)
    fmt = section.get("feedback_format", "docx")
    if not isinstance(fmt, str) or fmt.strip().lower().lstrip(".") not in FEEDBACK_FORMATS:
        raise wrong("feedback_format", "\"docx\" (thư Word) hoặc \"xlsx\" (bảng Excel)", fmt)
    return Collection(period, deadline, contact.strip(), fmt.strip().lower().lstrip("."))


def workspace_settings(workspace: Path) -> Settings:
    """The settings of a workspace folder. A folder without a settings file is an error that
    says so: silently falling back to the sample province would put its names in the report."""
    path = workspace / SETTINGS_FILE
    if not path.is_file():
        raise SettingsError(
            f"Không có tệp cài đặt {SETTINGS_FILE} trong thư mục làm việc {workspace.resolve()}. "
            f"Tạo thư mục làm việc mới bằng lệnh: kcn-reports init \"{workspace}\" (rồi sửa tệp "
            f"cài đặt cho đúng đơn vị mình), hoặc chỉ đúng thư mục bằng --workspace.")
    return load_settings(path)


# (section, what the office calls it, how to read the value from Settings): the values that name
# the organisation and its history, compared with what `init` wrote when the file still lists
# their section in `examples`.
_EXAMPLE_VALUES: tuple[tuple[str, str, str, Any], ...] = (
    ("organisation", "superior_body", "cơ quan cấp trên", lambda s: s.superior_body),
    ("organisation", "issuing_body", "cơ quan ban hành", lambda s: s.issuing_body),
    ("organisation", "place", "địa danh", lambda s: s.place),
    ("organisation", "party_org_name", "tên đảng bộ", lambda s: s.party_org_name),
    ("organisation", "management_board", "Ban Quản lý", lambda s: s.management_board),
    ("zones", "", "danh sách khu công nghiệp", lambda s: tuple(z.name for z in s.zones)),
    ("baseline", "", "mốc ban đầu", lambda s: s.baseline),
    ("signatory", "name", "người ký", lambda s: s.signatory.name),
    ("distribution", "recipients", "nơi nhận", lambda s: s.recipients),
)


def _starter() -> Settings:
    return _from_dict(tomllib.loads(STARTER_SETTINGS), None)


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return f"\"{value}\""
    if isinstance(value, Baseline):
        day = f"{value.date:%d/%m/%Y}" if value.date else "chưa có ngày"
        return f"{day}, {value.party_cells} chi bộ, {value.party_members} đảng viên"
    if isinstance(value, tuple):
        return "; ".join(str(item) for item in value)
    return str(value)


def _example_items(settings: Settings) -> list[tuple[str, str]]:
    """(section, line) for each value still as `init` wrote it, in a section the file lists
    in `examples` (a value the office has changed is not listed)."""
    if not settings.examples:
        return []
    listed = set(settings.examples)
    starter = _starter()
    items: list[tuple[str, str]] = []
    for section, key, what, read in _EXAMPLE_VALUES:
        if section in listed and read(settings) == read(starter):
            place = f"[{section}] {key}".strip() if section != "zones" else "[[zones]]"
            items.append((section, f"{place} ({what}): {_shown(read(settings))}"))
    if "facts" in listed:
        for key, value in starter.facts.items():
            if settings.facts.get(key) == value:
                items.append(("facts", f"[facts] {key} (thông tin trích dẫn): \"{value}\""))
    return items


def example_values(settings: Settings) -> list[str]:
    """The settings that still hold the example values `init` wrote, one line each."""
    return [line for _, line in _example_items(settings)]


def holds_example(settings: Settings, section: str) -> bool:
    """Whether a section (e.g. "zones") still holds the example values `init` wrote."""
    return any(name == section for name, _ in _example_items(settings))


def example_notice(settings: Settings) -> str | None:
    """One plain paragraph naming the settings that are still examples, or None."""
    lines = example_values(settings)
    if not lines:
        return None
    where = settings.path or SETTINGS_FILE
    return "\n".join([
        f"Lưu ý: tệp cài đặt {where} còn giữ giá trị VÍ DỤ (do kcn-reports init ghi), cần thay "
        "bằng thông tin của đơn vị mình trước khi gửi mẫu hay báo cáo:",
        *(f"  - {line}" for line in lines),
        "  Sửa xong giá trị nào thì thôi nhắc giá trị đó. Nếu giá trị ví dụ đúng là của đơn vị "
        "mình, xóa tên mục khỏi dòng \"examples\" ở đầu tệp cài đặt.",
    ])
