"""The enterprise report form "Mẫu số 01/DN-KCN", declared once as data.

Everything else derives from this module: the blank form (`blank_form`), the reader (`parse`),
the validator, the column headers of every output and the field table in the docs. Adding a
field is one edit here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

FORM_CODE = "Mẫu số 01/DN-KCN"
FORM_VERSION = "2026.1"
# Written into a hidden cell of the blank form so the reader can tell which version it reads.
VERSION_MARKER = "KCN-REPORTS-FORM"
VERSION_SHEET = "_phien_ban"  # hidden sheet holding the marker
INSTRUCTIONS_SHEET = "Hướng dẫn"  # how to fill the form in: a table of codes too, never a return
FORM_TITLE = (
    "BÁO CÁO TÌNH HÌNH HOẠT ĐỘNG, LAO ĐỘNG VÀ TỔ CHỨC ĐẢNG, ĐOÀN THỂ TRONG DOANH NGHIỆP"
)


class Kind(str, Enum):
    """How a value is typed and parsed."""

    TEXT = "text"
    TAX_CODE = "tax_code"
    ZONE = "zone"
    OWNERSHIP = "ownership"
    PERIOD = "period"
    DATE = "date"
    NUMBER = "number"
    INTEGER = "integer"
    YESNO = "yesno"


@dataclass(frozen=True)
class Field:
    """One value of the form: an identity line or an indicator row."""

    key: str
    label: str
    kind: Kind
    required: bool = False
    code: str | None = None  # "Mã số" of an indicator row; None for identity lines
    unit: str = ""
    section: str = ""  # heading the row sits under in the blank form
    aliases: tuple[str, ...] = ()  # other labels enterprises type for the same thing
    hint: str = ""  # what to type, shown in the blank form's instructions

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


# How to type a value of each kind, for instructions and input messages (form and Sổ theo dõi).
TYPING_HINTS: dict[Kind, str] = {
    Kind.TEXT: "Ghi bằng chữ",
    Kind.TAX_CODE: "10 chữ số (chi nhánh: 10 chữ số-3 chữ số), giữ nguyên số 0 ở đầu",
    Kind.ZONE: "Chọn trong danh sách",
    Kind.OWNERSHIP: "Chọn trong danh sách",
    Kind.PERIOD: "Chọn trong danh sách",
    Kind.DATE: "Ghi ngày theo dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 05/03/2016",
    Kind.NUMBER: "Chỉ ghi số không âm, không kèm đơn vị tính; không phát sinh thì ghi 0",
    Kind.INTEGER: "Ghi số nguyên không âm, không kèm đơn vị tính; không có thì ghi 0",
    Kind.YESNO: 'Chọn "Có" hoặc "Không"',
}

OWNERSHIP_FDI = "Doanh nghiệp có vốn đầu tư nước ngoài (FDI)"
OWNERSHIP_DOMESTIC = "Doanh nghiệp trong nước"
# Canonical value -> accepted spellings (compared after `text.fold`).
OWNERSHIP_CHOICES: dict[str, tuple[str, ...]] = {
    "fdi": (OWNERSHIP_FDI, "FDI", "Có vốn đầu tư nước ngoài", "Vốn đầu tư nước ngoài", "DN FDI",
            "Doanh nghiệp FDI", "Nước ngoài", "100% vốn nước ngoài", "Liên doanh"),
    "domestic": (OWNERSHIP_DOMESTIC, "Trong nước", "DN trong nước", "Doanh nghiệp Việt Nam",
                 "Việt Nam", "Nhà nước", "Tư nhân", "Doanh nghiệp nhà nước",
                 "Doanh nghiệp tư nhân"),
}
OWNERSHIP_LABELS = {"fdi": OWNERSHIP_FDI, "domestic": OWNERSHIP_DOMESTIC}

YES_WORDS = ("có", "co", "x", "1", "yes", "y", "rồi", "đã có", "đã thành lập", "true", "c", "v")
NO_WORDS = ("không", "khong", "ko", "k", "chưa", "chua", "0", "no", "n", "chưa có",
            "chưa thành lập", "false", "-")

S_BUSINESS = "I. SẢN XUẤT, KINH DOANH"
S_LABOUR = "II. LAO ĐỘNG"
S_PARTY = "III. TỔ CHỨC ĐẢNG, ĐẢNG VIÊN"
S_UNIONS = "IV. CÔNG ĐOÀN, ĐOÀN THANH NIÊN"

IDENTITY: tuple[Field, ...] = (
    Field("name", "Tên doanh nghiệp", Kind.TEXT, required=True,
          aliases=("Tên DN", "Tên công ty", "Tên đơn vị", "Tên doanh nghiệp báo cáo",
                   "Enterprise name", "Company name", "Name of enterprise", "Name of company"),
          hint="Tên đầy đủ theo Giấy chứng nhận đăng ký doanh nghiệp"),
    Field("tax_code", "Mã số thuế", Kind.TAX_CODE, required=True,
          aliases=("MST", "Mã số doanh nghiệp", "Mã số DN", "Mã số thuế DN",
                   "Mã số thuế doanh nghiệp", "Mã số thuế/Mã số doanh nghiệp", "Tax code",
                   "Tax ID", "Tax identification number", "Enterprise code"),
          hint="10 chữ số, hoặc 10 chữ số - 3 chữ số với chi nhánh; giữ nguyên số 0 ở đầu"),
    Field("zone", "Khu công nghiệp", Kind.ZONE, required=True,
          aliases=("KCN", "Thuộc KCN", "Địa điểm (KCN)", "Thuộc khu công nghiệp",
                   "Khu công nghiệp (KCN)", "Industrial zone", "Industrial park"),
          hint="Chọn trong danh sách"),
    Field("ownership", "Loại hình doanh nghiệp", Kind.OWNERSHIP, required=True,
          aliases=("Loại hình DN", "Loại hình", "Loại hình doanh nghiệp (FDI/trong nước)",
                   "Loại doanh nghiệp", "Hình thức sở hữu", "Hình thức đầu tư", "Loại hình đầu tư",
                   "Type of enterprise", "Ownership",
                   "Enterprise type"),
          hint="Chọn: có vốn đầu tư nước ngoài (FDI) hoặc trong nước"),
    Field("investor_country", "Quốc gia/vùng lãnh thổ của nhà đầu tư", Kind.TEXT,
          aliases=("Quốc gia nhà đầu tư", "Quốc gia của nhà đầu tư", "Nước đầu tư",
                   "Quốc tịch nhà đầu tư", "Quốc gia/vùng lãnh thổ", "Quốc gia đầu tư",
                   "Nhà đầu tư (quốc gia)", "Investor country", "Country of investor",
                   "Investor's country", "Nationality of investor"),
          hint="Bắt buộc với doanh nghiệp FDI"),
    Field("industry", "Ngành nghề sản xuất, kinh doanh chính", Kind.TEXT,
          aliases=("Ngành nghề", "Ngành nghề kinh doanh", "Ngành nghề SXKD chính",
                   "Lĩnh vực hoạt động", "Ngành nghề kinh doanh chính", "Ngành nghề chính",
                   "Lĩnh vực sản xuất kinh doanh", "Main business", "Business line", "Industry")),
    Field("period", "Kỳ báo cáo", Kind.PERIOD, required=True,
          aliases=("Kỳ BC", "Thời kỳ báo cáo", "Kỳ", "Năm báo cáo", "Reporting period",
                   "Period"),
          hint='"6 tháng đầu năm YYYY" hoặc "Năm YYYY"'),
    Field("preparer", "Người lập biểu", Kind.TEXT,
          aliases=("Người lập", "Người báo cáo", "Người lập báo cáo", "Cán bộ lập biểu",
                   "Prepared by")),
    Field("phone", "Điện thoại", Kind.TEXT,
          aliases=("Số điện thoại", "SĐT", "ĐT", "Điện thoại liên hệ", "ĐT liên hệ", "Phone",
                   "Tel", "Telephone")),
    Field("prepared_on", "Ngày lập", Kind.DATE,
          aliases=("Ngày lập biểu", "Ngày lập báo cáo", "Ngày báo cáo", "Date",
                   "Date of report", "Reporting date"),
          hint="dd/mm/yyyy"),
)

INDICATORS: tuple[Field, ...] = (
    Field("revenue", "Doanh thu thuần", Kind.NUMBER, code="01", unit="triệu đồng",
          section=S_BUSINESS, aliases=("Doanh thu", "Tổng doanh thu", "Doanh thu thuần về bán hàng",
                                      "Net revenue", "Revenue")),
    Field("exports", "Kim ngạch xuất khẩu", Kind.NUMBER, code="02", unit="nghìn USD",
          section=S_BUSINESS, aliases=("Giá trị xuất khẩu", "Xuất khẩu", "Kim ngạch XK",
                                      "Export turnover", "Exports", "Export value")),
    Field("imports", "Kim ngạch nhập khẩu", Kind.NUMBER, code="03", unit="nghìn USD",
          section=S_BUSINESS, aliases=("Giá trị nhập khẩu", "Nhập khẩu", "Kim ngạch NK",
                                      "Import turnover", "Imports", "Import value")),
    Field("budget_paid", "Nộp ngân sách nhà nước", Kind.NUMBER, code="04", unit="triệu đồng",
          section=S_BUSINESS, aliases=("Nộp ngân sách", "Nộp NSNN", "Nộp ngân sách Nhà nước",
                                      "Budget contributions", "Taxes paid",
                                      "State budget contributions")),
    Field("employees", "Tổng số lao động tại thời điểm báo cáo", Kind.INTEGER, code="05",
          unit="người", required=True, section=S_LABOUR,
          aliases=("Tổng số lao động", "Số lao động", "Tổng lao động", "Tổng số LĐ",
                   "Total employees", "Total number of employees", "Number of employees")),
    Field("employees_female", "Trong đó: Lao động nữ", Kind.INTEGER, code="06", unit="người",
          section=S_LABOUR, aliases=("Lao động nữ", "Trong đó lao động nữ", "Số lao động nữ", "LĐ nữ",
                                    "Female employees", "Of which female")),
    Field("employees_foreign", "Trong đó: Lao động nước ngoài", Kind.INTEGER, code="07",
          unit="người", section=S_LABOUR,
          aliases=("Lao động nước ngoài", "Trong đó lao động nước ngoài",
                   "Số lao động nước ngoài", "LĐ nước ngoài", "Lao động là người nước ngoài",
                   "Foreign employees", "Of which foreign")),
    Field("avg_income", "Thu nhập bình quân", Kind.NUMBER, code="08",
          unit="triệu đồng/người/tháng", section=S_LABOUR,
          aliases=("Thu nhập bình quân người lao động", "Thu nhập BQ", "Lương bình quân",
                   "Thu nhập bình quân/người/tháng", "TNBQ", "Average income",
                   "Average monthly income")),
    Field("has_party_org", "Doanh nghiệp có tổ chức đảng (chi bộ/đảng bộ)", Kind.YESNO,
          code="09", unit="Có/Không", required=True, section=S_PARTY,
          aliases=("Có tổ chức đảng", "Doanh nghiệp có tổ chức đảng", "Có chi bộ",
                   "Tổ chức đảng", "DN có tổ chức đảng", "Có tổ chức đảng (chi bộ)",
                   "Party organisation", "Party organization")),
    Field("party_members", "Số đảng viên đang làm việc tại doanh nghiệp", Kind.INTEGER,
          code="10", unit="người", required=True, section=S_PARTY,
          aliases=("Số đảng viên", "Đảng viên", "Tổng số đảng viên",
                   "Số đảng viên đang làm việc", "Số đảng viên trong doanh nghiệp",
                   "Party members")),
    Field("party_members_not_transferred",
          "Trong đó: Đảng viên chưa chuyển sinh hoạt đảng về tổ chức đảng trong KCN",
          Kind.INTEGER, code="11", unit="người", section=S_PARTY,
          aliases=("Đảng viên chưa chuyển sinh hoạt đảng", "Đảng viên chưa chuyển sinh hoạt",
                   "Trong đó: Đảng viên chưa chuyển sinh hoạt đảng")),
    Field("owner_is_party_member",
          "Chủ doanh nghiệp (người đại diện theo pháp luật) là đảng viên", Kind.YESNO,
          code="12", unit="Có/Không", section=S_PARTY,
          aliases=("Chủ doanh nghiệp là đảng viên", "Chủ DN là đảng viên",
                   "Người đại diện theo pháp luật là đảng viên", "Owner is a party member")),
    Field("candidates", "Số quần chúng ưu tú đang được bồi dưỡng, giới thiệu kết nạp",
          Kind.INTEGER, code="13", unit="người", section=S_PARTY,
          aliases=("Số quần chúng ưu tú", "Quần chúng ưu tú", "Quần chúng ưu tú được bồi dưỡng",
                   "Party candidates")),
    Field("has_union", "Doanh nghiệp đã thành lập công đoàn cơ sở", Kind.YESNO, code="14",
          unit="Có/Không", required=True, section=S_UNIONS,
          aliases=("Đã thành lập công đoàn cơ sở", "Có công đoàn cơ sở", "Công đoàn cơ sở",
                   "DN đã thành lập công đoàn cơ sở", "Đã thành lập CĐCS", "Có CĐCS",
                   "Trade union")),
    Field("union_founded_on", "Ngày thành lập công đoàn cơ sở", Kind.DATE, code="15",
          unit="ngày/tháng/năm", section=S_UNIONS,
          aliases=("Ngày thành lập công đoàn", "Ngày thành lập CĐCS",
                   "Ngày thành lập công đoàn cơ sở (nếu có)", "Trade union founded on")),
    Field("union_members", "Số đoàn viên công đoàn", Kind.INTEGER, code="16", unit="người",
          section=S_UNIONS, aliases=("Đoàn viên công đoàn", "Số đoàn viên CĐ", "Số đoàn viên CĐCS",
                                    "Trade union members")),
    Field("has_youth_union", "Doanh nghiệp có tổ chức Đoàn TNCS Hồ Chí Minh", Kind.YESNO,
          code="17", unit="Có/Không", section=S_UNIONS,
          aliases=("Có tổ chức Đoàn thanh niên", "Có tổ chức Đoàn", "Tổ chức Đoàn TNCS Hồ Chí Minh",
                   "Doanh nghiệp có tổ chức Đoàn thanh niên", "Có Đoàn TNCS Hồ Chí Minh",
                   "Youth union")),
    Field("youth_members", "Số đoàn viên thanh niên", Kind.INTEGER, code="18", unit="người",
          section=S_UNIONS, aliases=("Đoàn viên thanh niên", "Số đoàn viên", "Số đoàn viên TN",
                                    "Số đoàn viên Đoàn TNCS Hồ Chí Minh", "Youth union members")),
)

FIELDS: tuple[Field, ...] = IDENTITY + INDICATORS
FIELDS_BY_KEY: dict[str, Field] = {f.key: f for f in FIELDS}
INDICATORS_BY_CODE: dict[str, Field] = {f.code: f for f in INDICATORS if f.code}

# Abbreviations accountants use in labels, as folded words -> the folded words they stand for
# ("Số ĐV chưa chuyển sinh hoạt về KCN"); labels are compared with these expanded.
ABBREVIATIONS: dict[str, str] = {
    "dv": "dang vien", "ld": "lao dong", "dn": "doanh nghiep", "cdcs": "cong doan co so",
    "kcn": "khu cong nghiep", "nsnn": "ngan sach nha nuoc", "sxkd": "san xuat kinh doanh",
    "tnbq": "thu nhap binh quan", "bq": "binh quan", "qcut": "quan chung uu tu",
    "dvcd": "doan vien cong doan", "dvtn": "doan vien thanh nien", "tncs": "thanh nien cong san",
    "tcd": "to chuc dang", "xk": "xuat khau", "nk": "nhap khau", "sh": "sinh hoat",
}

# Header cells of the indicator table, each with the spellings seen in real returns (matched
# after folding; a header cell may hold several, one per line or around a "/": "Mã số\nCode").
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "stt": ("STT", "TT", "Số TT", "Số thứ tự", "No", "No.", "Nr", "#", "Order"),
    "label": ("Chỉ tiêu", "Nội dung", "Tên chỉ tiêu", "Nội dung chỉ tiêu", "Chỉ tiêu báo cáo",
              "Các chỉ tiêu", "Danh mục", "Indicator", "Indicators", "Item", "Items",
              "Description", "Criteria"),
    "code": ("Mã số", "Mã", "Mã chỉ tiêu", "MS", "Mã số chỉ tiêu", "Code", "Codes"),
    "unit": ("Đơn vị tính", "ĐVT", "Đơn vị", "Unit", "Units"),
    "value": ("Số liệu", "Giá trị", "Số lượng", "Thực hiện", "Kết quả", "Số liệu báo cáo",
              "Value", "Values", "Amount", "Figure", "Data"),
    "note": ("Ghi chú", "Note", "Notes", "Remark", "Remarks", "Giải thích", "Diễn giải"),
}

# Words in the header of a value column that say whether it holds the return's own figures
# ("Thực hiện", "Kỳ này") or others ("Kế hoạch", "Kỳ trước", "So sánh"); a column's header may
# also name a period ("Năm 2016"), which is compared with the return's own.
VALUE_COLUMN_CURRENT = ("số liệu", "giá trị", "thực hiện", "kết quả", "kỳ này", "kỳ báo cáo",
                        "ước thực hiện", "ước", "số liệu báo cáo", "value", "amount", "actual",
                        "this period", "current", "data", "figure", "số lượng", "báo cáo")
VALUE_COLUMN_OTHER = ("kế hoạch", "kh", "kỳ trước", "cùng kỳ", "năm trước", "so sánh", "tỷ lệ",
                      "%", "tham khảo", "dự kiến", "chỉ tiêu giao", "tăng giảm", "tăng/giảm",
                      "chênh lệch", "plan", "target", "previous", "prior", "last year",
                      "same period", "compare", "comparison", "change", "reference")

PERIOD_HALF = "half"  # "6 tháng đầu năm YYYY", snapshot 30/06
PERIOD_YEAR = "year"  # "Năm YYYY", snapshot 31/12


@dataclass(frozen=True)
class Period:
    """A reporting period of the form: first half of a year, or a whole year."""

    kind: str
    year: int

    @property
    def label(self) -> str:
        return f"6 tháng đầu năm {self.year}" if self.kind == PERIOD_HALF else f"Năm {self.year}"

    @property
    def key(self) -> str:
        """Sortable id, also used in JSON: "2016-H1" or "2016"."""
        return f"{self.year}-H1" if self.kind == PERIOD_HALF else str(self.year)

    @property
    def snapshot(self) -> str:
        """ISO date the form's stock figures refer to."""
        return f"{self.year}-06-30" if self.kind == PERIOD_HALF else f"{self.year}-12-31"


@dataclass(frozen=True)
class Zone:
    """An industrial zone: canonical name and other spellings (from settings)."""

    name: str
    aliases: tuple[str, ...] = field(default_factory=tuple)
