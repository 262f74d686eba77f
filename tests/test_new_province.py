"""A province that is not the sample's, from `init` to a report, as its office would do it:
edit the settings in Notepad, keep the Sổ theo dõi, send the blank form and the pre-filled forms,
receive returns typed by accountants (one wrong, then corrected; one with an unreadable tax code;
one never sent), check, send feedback, generate. No sample value may reach any output."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from by_hand import age, all_text, edit_settings, ledger_append, type_into_form
from click.testing import CliRunner

from kcn_reports.cli import cli

ZONES = ["KCN Yên Phong", "KCN Quế Võ", "KCN Thuận Thành II"]
ORG = {
    "superior": "ĐẢNG BỘ CÁC CƠ QUAN ĐẢNG TỈNH KINH BẮC",
    "issuing": "ĐẢNG ỦY BAN QUẢN LÝ CÁC KCN KINH BẮC",
    "place": "Kinh Bắc",
    "party_org": "Đảng bộ Ban Quản lý các KCN Kinh Bắc",
    "board": "Ban Quản lý các KCN tỉnh Kinh Bắc",
    "signer": "Trần Thị Lan",
    "team": "gồm 5 đồng chí do đồng chí Phó Bí thư phụ trách",
}
# What the sample province (or init's examples) would leave behind if any of it leaked.
FORBIDDEN = ["Bắc Giang", "Bac Giang", "Đình Trám", "Dinh Tram", "Quang Châu", "Song Khê",
             "Nội Hoàng", "Vân Trung", "Hòa Phú", "Hoà Phú", "Việt Hàn", "Nguyễn Văn Hùng",
             "7 đồng chí", "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", "(ví dụ", "(VÍ DỤ)", "KCN số 1"]

# tax code, name, zone, ownership, investor country, started, stopped, phone
ENTERPRISES = [
    ("2300100001", "Công ty TNHH Yên Phong Tech Việt Nam", ZONES[0], "FDI", "Hàn Quốc",
     "12/03/2018", None, "0222 3 811 001"),
    ("2300100002", "Công ty CP Bao bì Quế Võ", ZONES[1], "Doanh nghiệp trong nước", None,
     "01/06/2016", None, "0912 000 002"),
    ("2300100003", "Công ty TNHH Cơ khí Thuận Thành", ZONES[2], "Doanh nghiệp trong nước", None,
     "20/10/2019", None, None),
    ("2300100004", "Công ty TNHH Quế Võ Pack", ZONES[1], "FDI", "Nhật Bản", "05/05/2020", None,
     "0222 3 811 004"),
    ("2300100005", "Công ty TNHH Điện tử Kinh Bắc", ZONES[0], "FDI", "Trung Quốc", "01/01/2021",
     None, "0987 000 005"),
    ("2300100006", "Công ty TNHH Đã Giải Thể", ZONES[2], "Doanh nghiệp trong nước", None,
     "01/01/2015", "30/06/2024", None),
]

# An accountant's typing of a year's return: text numbers, "Có", dates as text.
def typed(employees: str, female: str, members: str, union: str, **extra: str) -> dict[str, str]:
    values = {
        "industry": "Sản xuất linh kiện", "preparer": "Nguyễn Thị Mai", "phone": "0904 111 222",
        "prepared_on": "12/01/2026", "revenue": "125.400,5", "exports": "8.200",
        "imports": "3.150", "budget_paid": "2.100", "employees": employees,
        "employees_female": female, "employees_foreign": "3", "avg_income": "9,5",
        "has_party_org": "Có", "party_members": members, "party_members_not_transferred": "1",
        "owner_is_party_member": "Không", "candidates": "2", "has_union": "Có",
        "union_founded_on": "15/04/2019", "union_members": union, "has_youth_union": "Có",
        "youth_members": "40",
    }
    values.update(extra)
    return values


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The whole round, run once; the tests below read what it produced."""
    root = tmp_path_factory.mktemp("tinh moi") / "Báo cáo KCN"
    runner = CliRunner()
    env = {"KCN_REPORTS_CACHE": str(root.parent / "cache")}
    done: dict = {"root": root}

    def run(*args: str) -> object:
        return runner.invoke(cli, ["--workspace", str(root), *args], env=env)

    first = runner.invoke(cli, ["init", str(root)], env=env)
    done["init"] = first
    done["check_before_edit"] = run("check")
    settings = root / "kcn_reports.toml"
    edit_settings(settings, [
        ('"ĐẢNG BỘ CẤP TRÊN (VÍ DỤ)"', f'"{ORG["superior"]}"'),
        ('issuing_body = "ĐẢNG ỦY CÁC KHU CÔNG NGHIỆP"', f'issuing_body = "{ORG["issuing"]}"'),
        ('"Tên tỉnh (ví dụ)"', f'"{ORG["place"]}"'),
        ('"Đảng bộ Các Khu công nghiệp tỉnh"', f'"{ORG["party_org"]}"'),
        ('"Ban Quản lý các Khu công nghiệp tỉnh"', f'"{ORG["board"]}"'),
        ('[[zones]]\nname = "KCN số 1 (ví dụ)"\naliases = []\n\n[[zones]]\nname = "KCN số 2 (ví dụ)"'
         '\naliases = ["KCN thứ hai"]',
         "\n\n".join(f'[[zones]]\nname = "{z}"\naliases = []' for z in ZONES)),
        ("date = 2025-07-01\nparty_cells = 0\nparty_members = 0",
         "date = 2024-12-31\nparty_cells = 3\nparty_members = 40"),
        ('"Họ và tên người ký (ví dụ)"', f'"{ORG["signer"]}"'),
        ('"Ban Thường vụ Tỉnh ủy (b/c)",\n    "Các chi bộ trực thuộc",',
         '"Thường trực Đảng ủy Khối (b/c)",\n    "Các chi bộ trực thuộc",'),
        ('"gồm … đồng chí (ví dụ: ghi số người và cách phân công của đơn vị mình)"',
         f'"{ORG["team"]}"'),
        ('period = ""', 'period = "Năm 2025"'),
        ("# deadline = 2026-01-15", "deadline = 2026-01-20"),
        ('contact = ""', 'contact = "đồng chí Lê Văn Minh, Văn phòng Đảng ủy, ĐT 0222 3 874 123"'),
    ])
    done["init_again"] = runner.invoke(cli, ["init", str(root)], env=env)

    # The clerk keeps the Sổ theo dõi: enterprises, cells, movements, activities, targets.
    ledger = root / "inputs" / "So_theo_doi.xlsx"
    ledger_append(ledger, "Doanh nghiệp", [
        {"Mã số thuế": tax, "Tên": name, "KCN": zone, "Loại hình": owner,
         "Quốc gia nhà đầu tư": country, "Ngày bắt đầu hoạt động": started,
         "Ngày ngừng hoạt động": stopped, "Điện thoại": phone}
        for tax, name, zone, owner, country, started, stopped, phone in ENTERPRISES])
    ledger_append(ledger, "Chi bộ", [
        {"Tên chi bộ": "Chi bộ Cơ quan Ban Quản lý", "Loại": "Cơ quan",
         "Ngày thành lập": "01/01/2015", "Số đảng viên": 20},
        {"Tên chi bộ": "Chi bộ Công ty Yên Phong Tech", "Loại": "Doanh nghiệp",
         "Mã số thuế DN": "2300100001", "Ngày thành lập": "10/10/2019", "Số đảng viên": 12},
        {"Tên chi bộ": "Chi bộ ghép các doanh nghiệp", "Loại": "Ghép nhiều doanh nghiệp",
         "Ngày thành lập": "15/05/2020", "Số đảng viên": 11},
    ])
    ledger_append(ledger, "Biến động đảng viên", [
        {"Ngày": "20/03/2025", "Chi bộ": "Chi bộ Công ty Yên Phong Tech", "Loại biến động": "Kết nạp",
         "Số lượng": 2, "Mã số thuế DN": "2300100001"},
        {"Ngày": "02/06/2025", "Chi bộ": "Chi bộ ghép các doanh nghiệp", "Loại biến động": "Chuyển đến",
         "Số lượng": 2},
        {"Ngày": "15/09/2025", "Chi bộ": "Chi bộ Cơ quan Ban Quản lý", "Loại biến động": "Chuyển đi",
         "Số lượng": 1},
    ])
    ledger_append(ledger, "Hoạt động", [
        {"Ngày": "10/05/2025", "Loại": "Lớp bồi dưỡng nhận thức về Đảng",
         "Tên hoạt động": "Lớp bồi dưỡng nhận thức về Đảng khóa 1", "Số người": 60,
         "Trong đó từ DN FDI": 25},
    ])
    ledger_append(ledger, "Chỉ tiêu", [
        {"Năm": 2026, "Chỉ tiêu": "Số quần chúng ưu tú được kết nạp đảng", "Giá trị": 6},
    ])
    age(ledger, dt.datetime(2026, 1, 5, 8, 0))

    done["form"] = run("form")
    blank = root / "mau" / "Mau_01_DN-KCN.xlsx"

    # Last year's return of Yên Phong Tech, on the blank form, already in inputs/.
    returns = root / "inputs" / "2024"
    returns.mkdir()
    last_year = type_into_form(blank, {
        "name": ENTERPRISES[0][1], "tax_code": "2300100001", "zone": ZONES[0],
        "ownership": "Doanh nghiệp có vốn đầu tư nước ngoài (FDI)", "investor_country": "Hàn Quốc",
        "period": "Năm 2024", **typed("1.180", "700", "11", "1.050", prepared_on="10/01/2025")},
        save_as=returns / "YP Tech 2024.xlsx")
    age(last_year, dt.datetime(2025, 1, 12, 9, 0))

    done["per_enterprise"] = run("form", "--per-enterprise")
    forms = root / "mau" / "nam-2025"
    done["forms"] = sorted(p.name for p in forms.iterdir())

    def form_of(tax: str) -> Path:
        return next(p for p in forms.iterdir() if f"_{tax}_" in p.name)

    received = root / "inputs" / "2025"
    received.mkdir()
    # Yên Phong Tech fills its pre-filled form.
    done["yp"] = type_into_form(form_of("2300100001"), typed("1.250", "760", "14", "1.100"),
                                save_as=received / "YP Tech - bao cao nam 2025.xlsx")
    age(done["yp"], dt.datetime(2026, 1, 13, 10, 0))
    # Bao bì Quế Võ: first more women than workers (rejected), then the corrected resend.
    wrong = type_into_form(form_of("2300100002"),
                           typed("300", "350", "4", "280", prepared_on="12/01/2026"),
                           save_as=received / "Bao bi Que Vo.xlsx")
    age(wrong, dt.datetime(2026, 1, 13, 11, 0))
    fixed = type_into_form(form_of("2300100002"),
                           typed("300", "150", "4", "280", prepared_on="16/01/2026"),
                           save_as=received / "Bao bi Que Vo (ban sua).xlsx")
    age(fixed, dt.datetime(2026, 1, 16, 15, 0))
    # Cơ khí Thuận Thành uses the blank form and types its identity itself.
    ck = type_into_form(blank, {
        "name": "Công ty TNHH Cơ khí Thuận Thành", "tax_code": "2300100003", "zone": ZONES[2],
        "ownership": "Doanh nghiệp trong nước", "period": "Năm 2025",
        **typed("85", "20", "0", "60", has_party_org="Không", party_members="0",
                party_members_not_transferred="0", phone="0977 333 003")},
        save_as=received / "co khi thuan thanh.xlsx")
    age(ck, dt.datetime(2026, 1, 14, 9, 0))
    # Quế Võ Pack types its tax code short by two digits and its name in capitals.
    pack = type_into_form(blank, {
        "name": "CÔNG TY TNHH QUẾ VÕ PACK", "tax_code": "23001000", "zone": ZONES[1],
        "ownership": "Doanh nghiệp có vốn đầu tư nước ngoài (FDI)", "investor_country": "Nhật Bản",
        "period": "Năm 2025", **typed("420", "300", "5", "400", phone="0222 3 811 044")},
        save_as=received / "QV Pack.xlsx")
    age(pack, dt.datetime(2026, 1, 14, 16, 0))
    # Điện tử Kinh Bắc sends nothing.

    done["check"] = run("check")
    done["check_json"] = run("check", "--json")
    done["excel"] = root / "outputs" / "Kiem-tra.xlsx"
    done["check_excel"] = run("check", "--excel", str(done["excel"]))
    done["feedback"] = run("feedback")
    done["generate"] = run("generate", "--kind", "annual", "--year", "2025")
    return done


def test_init_marks_examples_and_waits_for_the_zones(province):
    first = province["init"]
    assert first.exit_code == 0, first.output
    assert "Các giá trị trong đó là VÍ DỤ" in first.output
    assert "Chưa tạo Sổ theo dõi và mẫu báo cáo gửi doanh nghiệp" in first.output
    before = province["check_before_edit"].output
    assert "còn giữ giá trị VÍ DỤ" in before
    assert '[[zones]] (danh sách khu công nghiệp): KCN số 1 (ví dụ); KCN số 2 (ví dụ)' in before
    assert '[signatory] name (người ký): "Họ và tên người ký (ví dụ)"' in before
    assert before.count("còn giữ giá trị VÍ DỤ") == 1
    again = province["init_again"]
    assert "Đã tạo Sổ theo dõi trống" in again.output
    assert "Đã tạo mẫu báo cáo trống gửi doanh nghiệp" in again.output
    # Once every example value is replaced, nothing is nagged about any more.
    for result in (province["check"], province["generate"], province["form"]):
        assert "VÍ DỤ" not in result.output, result.output


def test_blank_form_carries_the_provinces_zones_names_and_period(province):
    result = province["form"]
    assert result.exit_code == 0, result.output
    assert "Khu công nghiệp trong danh sách chọn: KCN Yên Phong; KCN Quế Võ; KCN Thuận Thành II" \
        in result.output
    book = openpyxl.load_workbook(province["root"] / "mau" / "Mau_01_DN-KCN.xlsx")
    sheet = book["Báo cáo"]
    lists = " ".join(str(dv.formula1) for dv in sheet.data_validations.dataValidation)
    for zone in ZONES:
        assert zone in lists
    values = [str(c.value) for ws in book for row in ws.iter_rows() for c in row if c.value]
    assert "Năm 2025" in values  # the period, preset
    assert any(ORG["board"] in v for v in values)
    assert not [v for v in values for bad in FORBIDDEN if bad in v]


def test_per_enterprise_forms_for_active_enterprises_only(province):
    result = province["per_enterprise"]
    assert result.exit_code == 0, result.output
    assert province["forms"] == [
        "Mau_01_2300100001_Yen-Phong-Tech-Viet-Nam.xlsx",
        "Mau_01_2300100002_Bao-bi-Que-Vo.xlsx",
        "Mau_01_2300100003_Co-khi-Thuan-Thanh.xlsx",
        "Mau_01_2300100004_Que-Vo-Pack.xlsx",
        "Mau_01_2300100005_Dien-tu-Kinh-Bac.xlsx",
    ]
    assert "2300100001 Công ty TNHH Yên Phong Tech Việt Nam (KCN Yên Phong): " \
           "Mau_01_2300100001_Yen-Phong-Tech-Viet-Nam.xlsx — kèm số liệu năm 2024" in result.output


def test_check_tells_the_three_cases_apart(province):
    result = province["check"]
    assert result.exit_code == 1, result.output  # Quế Võ Pack's return is still wrong
    out = result.output
    assert ("Tình hình nộp báo cáo (Năm 2025): 3/5 doanh nghiệp đã gửi báo cáo hợp lệ (60%); "
            "1 doanh nghiệp nữa đã gửi nhưng báo cáo bị loại, đang chờ bản sửa; 1 doanh nghiệp "
            "chưa gửi.") in out
    assert ("đã gửi, bị loại (1 lỗi): 2300100004 Công ty TNHH Quế Võ Pack — tệp 2025/QV Pack.xlsx"
            in out)
    assert "chưa gửi: 2300100005 Công ty TNHH Điện tử Kinh Bắc" in out
    # The corrected resend settled the first return.
    assert "[Loại       ] 2025/QV Pack.xlsx (Báo cáo DN) — MST 2300100004 (nhận ra theo tên)" in out
    assert "[Bị thay thế] 2025/Bao bi Que Vo.xlsx" in out
    assert "Đã có báo cáo mới hơn cùng kỳ: 2025/Bao bi Que Vo (ban sua).xlsx; 1 lỗi" in out
    data = json.loads(province["check_json"].output)
    zones = {z["zone"]: z for z in data["completeness"]["zones"]}
    assert list(zones) == ZONES
    assert zones["KCN Quế Võ"]["received"] == 1
    assert zones["KCN Quế Võ"]["rejected"] == [{"tax_code": "2300100004",
                                                "name": "Công ty TNHH Quế Võ Pack",
                                                "file": "2025/QV Pack.xlsx", "errors": 1}]
    assert zones["KCN Yên Phong"]["missing"] == [{"tax_code": "2300100005",
                                                  "name": "Công ty TNHH Điện tử Kinh Bắc"}]
    assert zones["KCN Thuận Thành II"] == {"zone": "KCN Thuận Thành II", "expected": 1,
                                           "received": 1, "rate": 1.0, "missing": [],
                                           "rejected": []}
    files = {f["path"]: f for f in data["files"]}
    pack = files["2025/QV Pack.xlsx"]
    assert pack["outcome"] == "rejected" and pack["tax_code"] is None
    assert "matched-by-name" in [p["code"] for p in pack["problems"]]


def test_filled_forms_read_as_typed(province):
    data = json.loads(province["check_json"].output)
    files = {f["path"]: f for f in data["files"]}
    yp = files["2025/YP Tech - bao cao nam 2025.xlsx"]
    assert yp["outcome"] == "accepted", yp["problems"]
    assert yp["values"]["name"] == "Công ty TNHH Yên Phong Tech Việt Nam"
    assert yp["values"]["zone"] == "KCN Yên Phong" and yp["values"]["ownership"] == "fdi"
    assert yp["values"]["investor_country"] == "Hàn Quốc" and yp["period"] == "2025"
    # This period's typed values, not last year's shown beside them.
    assert yp["values"]["employees"] == 1250 and yp["values"]["party_members"] == 14
    assert yp["values"]["revenue"] == 125400.5 and yp["values"]["union_founded_on"] == "2019-04-15"
    assert files["2024/YP Tech 2024.xlsx"]["values"]["employees"] == 1180
    assert files["2025/co khi thuan thanh.xlsx"]["outcome"] == "accepted"


def test_feedback_lists_who_gets_what_with_phone_numbers(province):
    result = province["feedback"]
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Đã ghi 2 thông báo gửi doanh nghiệp (Năm 2025)" in out
    assert ("1. 2300100004 Công ty TNHH Quế Võ Pack (KCN Quế Võ) — ĐT 0222 3 811 044 (theo báo "
            "cáo)") in out
    assert ("→ Thong-bao_2300100004_Que-Vo-Pack.docx: báo cáo bị loại, cần sửa và gửi lại "
            "(1 lỗi)") in out
    assert ("2. 2300100005 Công ty TNHH Điện tử Kinh Bắc (KCN Yên Phong) — ĐT 0987 000 005 "
            "(theo Sổ theo dõi)") in out
    assert "→ Nhac-gui-bao-cao_2300100005_Dien-tu-Kinh-Bac.docx: chưa gửi báo cáo" in out
    assert "gửi kèm mẫu: mau/nam-2025/Mau_01_2300100005_Dien-tu-Kinh-Bac.xlsx" in out


def test_reminder_letter_reads_as_an_administrative_letter(province):
    from docx import Document

    folder = province["root"] / "outputs" / "phan-hoi-nam-2025"
    doc = Document(folder / "Nhac-gui-bao-cao_2300100005_Dien-tu-Kinh-Bac.docx")
    text = "\n".join(p.text for p in doc.paragraphs)
    header = "\n".join(c.text for c in doc.tables[0].rows[0].cells)
    assert ORG["superior"] in header and ORG["issuing"] in header
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in header and "Kinh Bắc, ngày" in header
    assert "Kính gửi: Công ty TNHH Điện tử Kinh Bắc (mã số thuế 2300100005)" in text
    assert "chưa nhận được báo cáo Mẫu số 01/DN-KCN năm 2025 của doanh nghiệp" in text
    assert "Mau_01_2300100005_Dien-tu-Kinh-Bac.xlsx" in text
    assert f"gửi về {ORG['board']}" in text
    assert "trước ngày 20/01/2026" in text or "hạn gửi báo cáo là ngày 20/01/2026 đã qua" in text
    assert "đồng chí Lê Văn Minh, Văn phòng Đảng ủy, ĐT 0222 3 874 123" in text


def test_report_and_every_output_hold_no_sample_value(province):
    result = province["generate"]
    assert result.exit_code == 0, result.output
    root = province["root"]
    outputs = [p for p in (root / "outputs").rglob("*")
               if p.is_file() and p.suffix in (".docx", ".xlsx", ".json")]
    names = {p.name for p in outputs}
    assert {"bao-cao-nam-2025.docx", "Tong-hop.xlsx", "Kiem-tra-du-lieu.xlsx", "figures.json",
            "Bieu-tong-hop.xlsx", "Kiem-tra.xlsx",
            "Thong-bao_2300100004_Que-Vo-Pack.docx"} <= names
    for path in outputs:
        text = all_text(path)
        leaked = [bad for bad in FORBIDDEN if bad in text]
        assert not leaked, (path.name, leaked)
    report = all_text(root / "outputs" / "bao-cao-nam-2025" / "bao-cao-nam-2025.docx")
    for own in (ORG["superior"], ORG["issuing"], ORG["signer"], "Kinh Bắc, ngày", ORG["team"],
                "Thường trực Đảng ủy Khối", *ZONES):
        assert own in report, own
    figures = json.loads((root / "outputs" / "bao-cao-nam-2025" / "figures.json")
                         .read_text(encoding="utf-8"))
    assert [z["zone"] for z in figures["by_zone"]][:3] == ZONES
    assert figures["enterprises"]["expected"] == 5 and figures["enterprises"]["reported"] == 3


@pytest.mark.parametrize("which", ["check --excel", "generate"])
def test_problem_list_shows_rejected_and_missing_apart(province, which):
    path = (province["excel"] if which == "check --excel" else
            province["root"] / "outputs" / "bao-cao-nam-2025" / "Kiem-tra-du-lieu.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["Nộp báo cáo"]
    text = {str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None}
    assert "Doanh nghiệp đã gửi nhưng báo cáo bị loại (chờ bản sửa)" in text
    assert "Doanh nghiệp chưa gửi báo cáo" in text
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    pack = next(r for r in rows if "Công ty TNHH Quế Võ Pack" in r)
    assert "2025/QV Pack.xlsx" in pack and 1 in pack
    missing = next(r for r in rows if "Công ty TNHH Điện tử Kinh Bắc" in r)
    assert "2300100005" in missing and "2025/QV Pack.xlsx" not in missing
    zone = next(r for r in rows if r[0] == "KCN Quế Võ")
    assert zone[1:6] == [2, 1, 0.5, 1, 0]


def test_only_this_platforms_launcher(province):
    import sys

    root = province["root"]
    launcher = "generate.bat" if sys.platform == "win32" else "generate.sh"
    other = "generate.sh" if sys.platform == "win32" else "generate.bat"
    assert (root / launcher).is_file() and not (root / other).exists()


def test_sample_workspace_settings_are_not_nagged(tmp_path):
    """The repository's own settings (the sample province) carry no example marker."""
    from kcn_reports.settings import example_notice, load_settings

    root = Path(__file__).resolve().parents[1]
    assert example_notice(load_settings(root / "kcn_reports.toml")) is None
