"""The office's own workbook, the "Sổ theo dõi", declared once as data.

Sheets, their columns (with the spellings accepted for each header), value kinds and the fixed
vocabularies (cell types, movement types, activity types, targets). The blank workbook, the
reader, the sample-data generator and the docs derive from it.
"""

from __future__ import annotations

from dataclasses import dataclass

from kcn_reports.formdef import Kind


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: Kind
    required: bool = False
    aliases: tuple[str, ...] = ()
    width: int = 16

    @property
    def headers(self) -> tuple[str, ...]:
        return (self.header, *self.aliases)


@dataclass(frozen=True)
class LedgerSheet:
    key: str
    name: str
    columns: tuple[Column, ...]
    purpose: str


# Party cell types ("Loại" in sheet Chi bộ).
CELL_TYPES = {
    "agency": "Cơ quan",
    "enterprise": "Doanh nghiệp",
    "joint": "Ghép nhiều doanh nghiệp",
}

# Member movements, after the Party's statistics form Biểu 1-BTCTW: B increases, C decreases.
MOVEMENT_INCREASES = {
    "admitted": "Kết nạp",
    "transferred_in": "Chuyển đến",
    "restored": "Phục hồi đảng tịch",
}
MOVEMENT_DECREASES = {
    "died": "Từ trần",
    "expelled": "Khai trừ",
    "removed": "Xóa tên",
    "resigned": "Xin ra khỏi Đảng",
    "transferred_out": "Chuyển đi",
}
MOVEMENT_TYPES = {**MOVEMENT_INCREASES, **MOVEMENT_DECREASES}

ACTIVITY_TYPES = {
    "training": "Lớp bồi dưỡng nhận thức về Đảng",
    "outreach": "Tiếp cận, tuyên truyền doanh nghiệp",
    "mobilise_transfer": "Vận động chuyển sinh hoạt đảng",
    "culture": "Văn hóa, thể thao",
    "other": "Khác",
}

# Targets by year ("Chỉ tiêu" sheet): key -> the wording in the workbook.
TARGETS = {
    "training_classes_min": "Số lớp bồi dưỡng nhận thức về Đảng (tối thiểu)",
    "training_classes_max": "Số lớp bồi dưỡng nhận thức về Đảng (tối đa)",
    "new_cells": "Số chi bộ thành lập mới",
    "new_cells_fdi": "Trong đó: chi bộ trong doanh nghiệp FDI",
    "admissions": "Số quần chúng ưu tú được kết nạp đảng",
    "admissions_fdi_share": "Tỷ lệ đảng viên kết nạp làm việc trong doanh nghiệp FDI (%)",
    "new_unions": "Số công đoàn cơ sở thành lập mới",
    "new_union_members": "Số đoàn viên công đoàn phát triển mới",
}

TAX = ("Mã số thuế", "MST", "Mã số thuế DN", "Mã số thuế doanh nghiệp", "MST DN")

SHEETS: tuple[LedgerSheet, ...] = (
    LedgerSheet("cells", "Chi bộ", (
        Column("name", "Tên chi bộ", Kind.TEXT, True, ("Chi bộ", "Tên tổ chức đảng"), 40),
        Column("type", "Loại", Kind.TEXT, True, ("Loại chi bộ", "Loại hình"), 24),
        Column("tax_code", "Mã số thuế DN", Kind.TAX_CODE, False, TAX, 16),
        Column("founded_on", "Ngày thành lập", Kind.DATE, True, ("Thành lập",), 14),
        Column("dissolved_on", "Ngày giải thể", Kind.DATE, False, ("Giải thể",), 14),
        Column("members", "Số đảng viên", Kind.INTEGER, False, ("Đảng viên", "Số ĐV"), 12),
    ), "Các chi bộ trực thuộc; số đảng viên tính tại ngày cập nhật sổ."),
    LedgerSheet("movements", "Biến động đảng viên", (
        Column("date", "Ngày", Kind.DATE, True, ("Ngày biến động", "Thời gian"), 12),
        Column("cell", "Chi bộ", Kind.TEXT, True, ("Tên chi bộ",), 36),
        Column("type", "Loại biến động", Kind.TEXT, True, ("Loại", "Biến động"), 20),
        Column("count", "Số lượng", Kind.INTEGER, True, ("Số người", "SL"), 10),
        Column("tax_code", "Mã số thuế DN", Kind.TAX_CODE, False, TAX, 16),
        Column("note", "Ghi chú", Kind.TEXT, False, (), 30),
    ), "Mỗi dòng một lần kết nạp, chuyển đến, chuyển đi, từ trần… (theo Biểu 1-BTCTW)."),
    LedgerSheet("activities", "Hoạt động", (
        Column("date", "Ngày", Kind.DATE, True, ("Thời gian",), 12),
        Column("type", "Loại", Kind.TEXT, True, ("Loại hoạt động",), 34),
        Column("title", "Tên hoạt động", Kind.TEXT, False, ("Nội dung",), 40),
        Column("tax_code", "Mã số thuế DN", Kind.TAX_CODE, False, TAX, 16),
        Column("people", "Số người", Kind.INTEGER, False, ("Số lượng", "Số người tham gia"), 10),
        Column("people_fdi", "Trong đó từ DN FDI", Kind.INTEGER, False, ("Từ DN FDI", "Trong đó FDI"), 12),
        Column("note", "Ghi chú", Kind.TEXT, False, (), 24),
    ), "Lớp bồi dưỡng, tiếp cận doanh nghiệp, vận động chuyển sinh hoạt đảng, văn hóa thể thao."),
    LedgerSheet("enterprises", "Doanh nghiệp", (
        Column("tax_code", "Mã số thuế", Kind.TAX_CODE, True, TAX[1:], 16),
        Column("name", "Tên", Kind.TEXT, True, ("Tên doanh nghiệp", "Tên DN"), 40),
        Column("zone", "KCN", Kind.ZONE, True, ("Khu công nghiệp",), 20),
        Column("ownership", "Loại hình", Kind.OWNERSHIP, True, ("Loại hình DN", "Loại hình doanh nghiệp"), 22),
        Column("investor_country", "Quốc gia nhà đầu tư", Kind.TEXT, False, ("Quốc gia", "Nước đầu tư"), 16),
        Column("started_on", "Ngày bắt đầu hoạt động", Kind.DATE, False, ("Ngày hoạt động", "Bắt đầu hoạt động"), 14),
        Column("stopped_on", "Ngày ngừng hoạt động", Kind.DATE, False, ("Ngừng hoạt động",), 14),
    ), "Danh sách doanh nghiệp phải gửi báo cáo."),
    LedgerSheet("targets", "Chỉ tiêu", (
        Column("year", "Năm", Kind.INTEGER, True, (), 8),
        Column("target", "Chỉ tiêu", Kind.TEXT, True, ("Tên chỉ tiêu",), 60),
        Column("value", "Giá trị", Kind.NUMBER, True, ("Kế hoạch", "Số lượng"), 12),
    ), "Chỉ tiêu từng năm (kế hoạch)."),
)

SHEETS_BY_KEY = {s.key: s for s in SHEETS}
