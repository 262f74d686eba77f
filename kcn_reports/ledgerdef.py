"""The office's own workbook, the "Sổ theo dõi", declared once as data.

Sheets, their columns (with the spellings accepted for each header), value kinds and the fixed
vocabularies (cell types, movement types, activity types, targets). The blank workbook, the
reader, the sample-data generator and the docs derive from it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from kcn_reports.formdef import Kind
from kcn_reports.terms import Term, Vocabulary


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: Kind
    required: bool = False
    aliases: tuple[str, ...] = ()
    width: int = 16
    qualifiers: tuple[str, ...] = ()  # see terms.Term

    @property
    def headers(self) -> tuple[str, ...]:
        return (self.header, *self.aliases)

    @property
    def term(self) -> Term:
        return Term(self.key, self.header, self.aliases, self.qualifiers)


@dataclass(frozen=True)
class LedgerSheet:
    key: str
    name: str
    columns: tuple[Column, ...]
    purpose: str
    aliases: tuple[str, ...] = ()  # other names the office gives the sheet

    @functools.cached_property
    def header_vocabulary(self) -> Vocabulary:
        return Vocabulary((c.term for c in self.columns), ABBREVIATIONS)


# Abbreviations of the office's writing, expanded before any header or term is compared
# ("Số ĐV" is "Số đảng viên"), keyed by their folded form.
ABBREVIATIONS = {
    "dv": "dang vien",
    "dn": "doanh nghiep",
    "cb": "chi bo",
    "sl": "so luong",
    "mst": "ma so thue",
    "kcn": "khu cong nghiep",
    "cdcs": "cong doan co so",
    "cd": "cong doan",
    "dvcd": "doan vien cong doan",
    "bd": "boi duong",
    "bdnt": "boi duong nhan thuc",
    "kn": "ket nap",
    "sh": "sinh hoat",
    "csh": "chuyen sinh hoat",
    "shd": "sinh hoat dang",
    "hd": "hoat dong",
    "qg": "quoc gia",
    "ndt": "nha dau tu",
    "vn": "viet nam",
}

# Words that mark a row as a total ("Cộng", "Tổng cộng: 12"), never a record.
TOTAL_LABELS = ("Cộng", "Tổng cộng", "Tổng số", "Tổng", "Cộng dồn", "Total")

# Spellings of FDI that set a sub-target apart from its total.
_FDI = ("FDI", "vốn nước ngoài", "đầu tư nước ngoài")

# Party cell types ("Loại" in sheet Chi bộ).
CELL_TERMS = (
    Term("agency", "Cơ quan", ("Chi bộ cơ quan", "Khối cơ quan", "Đơn vị sự nghiệp", "CQ")),
    Term("enterprise", "Doanh nghiệp", ("Chi bộ doanh nghiệp", "Trong doanh nghiệp", "Công ty",
                                        "DN")),
    Term("joint", "Ghép nhiều doanh nghiệp", ("Ghép", "Chi bộ ghép", "Nhiều doanh nghiệp",
                                              "Các doanh nghiệp", "Liên doanh nghiệp"),
         ("ghép", "nhiều doanh nghiệp", "các doanh nghiệp", "liên doanh nghiệp")),
)

# Member movements, after the Party's statistics form Biểu 1-BTCTW: B increases, C decreases.
MOVEMENT_INCREASE_TERMS = (
    Term("admitted", "Kết nạp", ("Kết nạp mới", "Kết nạp đảng viên", "Được kết nạp")),
    Term("transferred_in", "Chuyển đến", ("Chuyển sinh hoạt đến", "Chuyển vào", "Tiếp nhận",
                                          "Nhận sinh hoạt", "Nhận chuyển sinh hoạt")),
    Term("restored", "Phục hồi đảng tịch", ("Phục hồi", "Khôi phục đảng tịch")),
)
MOVEMENT_DECREASE_TERMS = (
    Term("died", "Từ trần", ("Chết", "Qua đời", "Tạ thế")),
    Term("expelled", "Khai trừ", ("Bị khai trừ", "Khai trừ khỏi Đảng")),
    Term("removed", "Xóa tên", ("Xóa tên khỏi danh sách", "Bị xóa tên")),
    Term("resigned", "Xin ra khỏi Đảng", ("Ra khỏi Đảng", "Xin ra Đảng")),
    Term("transferred_out", "Chuyển đi", ("Chuyển sinh hoạt đi", "Chuyển ra", "Chuyển ra ngoài")),
)

ACTIVITY_TERMS = (
    Term("training", "Lớp bồi dưỡng nhận thức về Đảng", (
        "Bồi dưỡng nhận thức về Đảng", "Lớp bồi dưỡng", "Bồi dưỡng", "Lớp nhận thức về Đảng",
        "Lớp cảm tình Đảng", "Lớp đối tượng kết nạp Đảng")),
    Term("outreach", "Tiếp cận, tuyên truyền doanh nghiệp", (
        "Tiếp cận doanh nghiệp", "Tuyên truyền doanh nghiệp", "Tiếp cận", "Tuyên truyền",
        "Khảo sát doanh nghiệp", "Làm việc với doanh nghiệp")),
    Term("mobilise_transfer", "Vận động chuyển sinh hoạt đảng", (
        "Vận động chuyển sinh hoạt", "Vận động đảng viên chuyển sinh hoạt")),
    Term("culture", "Văn hóa, thể thao", ("Văn hóa", "Thể thao", "Văn nghệ", "Hội thao",
                                          "Giao lưu văn nghệ")),
    Term("other", "Khác", ("Hoạt động khác",)),
)

# Targets by year ("Chỉ tiêu" sheet). A training target written without "(tối thiểu)" is the
# upper one, the one the achievement is measured against.
TARGET_TERMS = (
    Term("training_classes_min", "Số lớp bồi dưỡng nhận thức về Đảng (tối thiểu)", (
        "Số lớp bồi dưỡng", "Lớp bồi dưỡng", "Số lớp"), ("tối thiểu", "ít nhất")),
    Term("training_classes_max", "Số lớp bồi dưỡng nhận thức về Đảng (tối đa)", (
        "Số lớp bồi dưỡng nhận thức về Đảng", "Số lớp bồi dưỡng", "Lớp bồi dưỡng",
        "Số lớp")),
    Term("new_cells", "Số chi bộ thành lập mới", (
        "Chi bộ thành lập mới", "Thành lập chi bộ", "Chi bộ mới", "Phát triển chi bộ")),
    Term("new_cells_fdi", "Trong đó: chi bộ trong doanh nghiệp FDI", (
        "Chi bộ FDI", "Chi bộ vốn nước ngoài", "Chi bộ đầu tư nước ngoài"), _FDI),
    Term("admissions", "Số quần chúng ưu tú được kết nạp đảng", (
        "Kết nạp đảng", "Kết nạp quần chúng ưu tú", "Số đảng viên mới", "Phát triển đảng viên",
        "Đảng viên mới")),
    Term("admissions_fdi_share", "Tỷ lệ đảng viên kết nạp làm việc trong doanh nghiệp FDI (%)", (
        "Tỷ lệ kết nạp FDI", "Kết nạp FDI %", "Tỷ lệ kết nạp vốn nước ngoài",
        "Tỷ lệ kết nạp đầu tư nước ngoài"), _FDI),
    Term("new_unions", "Số công đoàn cơ sở thành lập mới", (
        "Công đoàn cơ sở thành lập mới", "Thành lập công đoàn", "Công đoàn cơ sở mới",
        "Công đoàn mới")),
    Term("new_union_members", "Số đoàn viên công đoàn phát triển mới", (
        "Phát triển đoàn viên", "Đoàn viên công đoàn mới", "Kết nạp đoàn viên công đoàn",
        "Gia nhập công đoàn", "Đoàn viên mới")),
)

# Key -> the wording written in blank workbooks.
CELL_TYPES = {t.key: t.label for t in CELL_TERMS}
MOVEMENT_INCREASES = {t.key: t.label for t in MOVEMENT_INCREASE_TERMS}
MOVEMENT_DECREASES = {t.key: t.label for t in MOVEMENT_DECREASE_TERMS}
MOVEMENT_TYPES = {**MOVEMENT_INCREASES, **MOVEMENT_DECREASES}
ACTIVITY_TYPES = {t.key: t.label for t in ACTIVITY_TERMS}
TARGETS = {t.key: t.label for t in TARGET_TERMS}

TAX = ("Mã số thuế", "MST", "Mã số thuế DN", "Mã số thuế doanh nghiệp", "MST DN")

SHEETS: tuple[LedgerSheet, ...] = (
    LedgerSheet("cells", "Chi bộ", (
        Column("name", "Tên chi bộ", Kind.TEXT, True, ("Chi bộ", "Tên tổ chức đảng",
                                                         "Tổ chức đảng"), 40),
        Column("type", "Loại", Kind.TEXT, True, ("Loại chi bộ", "Loại hình", "Phân loại"), 24),
        Column("tax_code", "Mã số thuế DN", Kind.TAX_CODE, False, TAX, 16),
        Column("founded_on", "Ngày thành lập", Kind.DATE, True, ("Thành lập", "Ngày TL",
                                                                  "Ngày QĐ thành lập"), 14),
        Column("dissolved_on", "Ngày giải thể", Kind.DATE, False, ("Giải thể", "Ngày GT"), 14),
        Column("members", "Số đảng viên", Kind.INTEGER, False, ("Đảng viên", "Số ĐV"), 12),
    ), "Các chi bộ trực thuộc; số đảng viên tính tại ngày cập nhật sổ.",
        ("Danh sách chi bộ", "Các chi bộ", "Tổ chức đảng")),
    LedgerSheet("movements", "Biến động đảng viên", (
        Column("date", "Ngày", Kind.DATE, True, ("Ngày biến động", "Thời gian", "Ngày tháng"), 12),
        Column("cell", "Chi bộ", Kind.TEXT, True, ("Tên chi bộ",), 36),
        Column("type", "Loại biến động", Kind.TEXT, True, ("Loại", "Biến động", "Hình thức"), 20),
        Column("count", "Số lượng", Kind.INTEGER, True, ("Số người", "SL", "Số đảng viên"), 10),
        Column("tax_code", "Mã số thuế DN", Kind.TAX_CODE, False, TAX, 16),
        Column("note", "Ghi chú", Kind.TEXT, False, (), 30),
    ), "Mỗi dòng một lần kết nạp, chuyển đến, chuyển đi, từ trần… (theo Biểu 1-BTCTW).",
        ("Biến động", "Biến động ĐV", "Theo dõi đảng viên")),
    LedgerSheet("activities", "Hoạt động", (
        Column("date", "Ngày", Kind.DATE, True, ("Thời gian", "Ngày tổ chức", "Ngày tháng"), 12),
        Column("type", "Loại", Kind.TEXT, True, ("Loại hoạt động", "Hình thức"), 34),
        Column("title", "Tên hoạt động", Kind.TEXT, False, ("Nội dung",), 40),
        Column("tax_code", "Mã số thuế DN", Kind.TAX_CODE, False, TAX, 16),
        Column("people", "Số người", Kind.INTEGER, False, ("Số lượng", "Số người tham gia",
                                                            "Số học viên"), 10),
        Column("people_fdi", "Trong đó từ DN FDI", Kind.INTEGER, False, (
            "Từ DN FDI", "Trong đó FDI", "Số người từ DN FDI"), 12, _FDI),
        Column("note", "Ghi chú", Kind.TEXT, False, (), 24),
    ), "Lớp bồi dưỡng, tiếp cận doanh nghiệp, vận động chuyển sinh hoạt đảng, văn hóa thể thao.",
        ("Các hoạt động", "Hoạt động của Đảng bộ")),
    LedgerSheet("enterprises", "Doanh nghiệp", (
        Column("tax_code", "Mã số thuế", Kind.TAX_CODE, True, TAX[1:], 16),
        Column("name", "Tên", Kind.TEXT, True, ("Tên doanh nghiệp", "Tên DN", "Doanh nghiệp",
                                                 "Tên công ty"), 40),
        Column("zone", "KCN", Kind.ZONE, True, ("Khu công nghiệp",), 20),
        Column("ownership", "Loại hình", Kind.OWNERSHIP, True, ("Loại hình DN", "Loại hình doanh nghiệp",
                                                                 "Loại DN", "Hình thức sở hữu"), 22),
        Column("investor_country", "Quốc gia nhà đầu tư", Kind.TEXT, False, ("Quốc gia", "Nước đầu tư",
                                                                             "Quốc tịch nhà đầu tư"), 16),
        Column("started_on", "Ngày bắt đầu hoạt động", Kind.DATE, False, ("Ngày hoạt động", "Bắt đầu hoạt động"), 14),
        Column("stopped_on", "Ngày ngừng hoạt động", Kind.DATE, False, ("Ngừng hoạt động",
                                                                        "Dừng hoạt động"), 14),
        Column("phone", "Điện thoại", Kind.TEXT, False,
               ("Số điện thoại", "SĐT", "Điện thoại liên hệ", "ĐT liên hệ"), 16),
    ), "Danh sách doanh nghiệp phải gửi báo cáo.",
        ("Danh sách doanh nghiệp", "Các doanh nghiệp")),
    LedgerSheet("targets", "Chỉ tiêu", (
        Column("year", "Năm", Kind.INTEGER, True, ("Năm kế hoạch",), 8),
        Column("target", "Chỉ tiêu", Kind.TEXT, True, ("Tên chỉ tiêu", "Nội dung chỉ tiêu", "Nội dung"), 60),
        Column("value", "Giá trị", Kind.NUMBER, True, ("Kế hoạch", "Số lượng", "Chỉ tiêu giao",
                                                        "Số liệu"), 12),
    ), "Chỉ tiêu từng năm (kế hoạch).",
        ("Chỉ tiêu năm", "Chỉ tiêu kế hoạch", "Kế hoạch")),
)

# The fixed vocabularies, by (sheet key, column key); their values are stored as keys.
# Zone and ownership columns get theirs from their kind.
VOCABULARY_TERMS: dict[tuple[str, str], tuple[Term, ...]] = {
    ("cells", "type"): CELL_TERMS,
    ("movements", "type"): (*MOVEMENT_INCREASE_TERMS, *MOVEMENT_DECREASE_TERMS),
    ("activities", "type"): ACTIVITY_TERMS,
    ("targets", "target"): TARGET_TERMS,
}
VOCABULARIES: dict[tuple[str, str], dict[str, str]] = {
    where: {t.key: t.label for t in terms} for where, terms in VOCABULARY_TERMS.items()}

SHEETS_BY_KEY = {s.key: s for s in SHEETS}
