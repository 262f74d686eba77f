"""An independent corpus of enterprise returns (Mẫu số 01/DN-KCN), written cell by cell.

Written by a red team that had not seen the reader: each builder below plays one accountant of a
Bắc Ninh enterprise, lays out its own workbook and states, field by field, what it typed and what a
careful human reads from it (`values`, in the conventions of `check --json`), with the readings a
reasonable office could also accept (`debatable`). `build(folder)` writes the files;
`tests/test_accountants.py` reads them and compares.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from accountant_lib import QP, WRITERS, F, Sheet, mst, nfd, tcvn3

D = dt.date

KEYS_ID = ["name", "tax_code", "zone", "ownership", "investor_country", "industry", "period",
           "preparer", "phone", "prepared_on"]
KEYS_IND = ["revenue", "exports", "imports", "budget_paid", "employees", "employees_female",
            "employees_foreign", "avg_income", "has_party_org", "party_members",
            "party_members_not_transferred", "owner_is_party_member", "candidates", "has_union",
            "union_founded_on", "union_members", "has_youth_union", "youth_members"]
CODES = {k: f"{i + 1:02d}" for i, k in enumerate(KEYS_IND)}
YESNO = {"has_party_org", "owner_is_party_member", "has_union", "has_youth_union"}

# Standard wording of the form (§2.2), used by accountants who kept the labels.
STD = {
    "revenue": ("Doanh thu thuần", "triệu đồng"),
    "exports": ("Kim ngạch xuất khẩu", "nghìn USD"),
    "imports": ("Kim ngạch nhập khẩu", "nghìn USD"),
    "budget_paid": ("Nộp ngân sách nhà nước", "triệu đồng"),
    "employees": ("Tổng số lao động tại thời điểm báo cáo", "người"),
    "employees_female": ("Trong đó: Lao động nữ", "người"),
    "employees_foreign": ("Trong đó: Lao động nước ngoài", "người"),
    "avg_income": ("Thu nhập bình quân", "triệu đồng/người/tháng"),
    "has_party_org": ("Doanh nghiệp có tổ chức đảng (chi bộ/đảng bộ)", "Có/Không"),
    "party_members": ("Số đảng viên đang làm việc tại doanh nghiệp", "người"),
    "party_members_not_transferred": ("Trong đó: Đảng viên chưa chuyển sinh hoạt đảng về tổ chức đảng trong KCN", "người"),
    "owner_is_party_member": ("Chủ doanh nghiệp (người đại diện theo pháp luật) là đảng viên", "Có/Không"),
    "candidates": ("Số quần chúng ưu tú đang được bồi dưỡng, giới thiệu kết nạp", "người"),
    "has_union": ("Doanh nghiệp đã thành lập công đoàn cơ sở", "Có/Không"),
    "union_founded_on": ("Ngày thành lập công đoàn cơ sở", "ngày/tháng/năm"),
    "union_members": ("Số đoàn viên công đoàn", "người"),
    "has_youth_union": ("Doanh nghiệp có tổ chức Đoàn TNCS Hồ Chí Minh", "Có/Không"),
    "youth_members": ("Số đoàn viên thanh niên", "người"),
}
EN = {
    "revenue": ("Net revenue", "million VND"),
    "exports": ("Export turnover", "thousand USD"),
    "imports": ("Import turnover", "thousand USD"),
    "budget_paid": ("Payments to the State budget", "million VND"),
    "employees": ("Total employees at the reporting date", "persons"),
    "employees_female": ("Of which: female", "persons"),
    "employees_foreign": ("Of which: foreigners", "persons"),
    "avg_income": ("Average income", "million VND/person/month"),
    "has_party_org": ("Company has a Party organisation (cell)", "Yes/No"),
    "party_members": ("Party members working in the company", "persons"),
    "party_members_not_transferred": ("Of which: not yet transferred to the IZ Party organisation", "persons"),
    "owner_is_party_member": ("Legal representative is a Party member", "Yes/No"),
    "candidates": ("Candidates being trained for Party admission", "persons"),
    "has_union": ("Grassroots trade union established", "Yes/No"),
    "union_founded_on": ("Date the trade union was established", "dd/mm/yyyy"),
    "union_members": ("Trade union members", "persons"),
    "has_youth_union": ("Ho Chi Minh Communist Youth Union organisation", "Yes/No"),
    "youth_members": ("Youth union members", "persons"),
}
SECTIONS = [("I", "SẢN XUẤT, KINH DOANH", "revenue"), ("II", "LAO ĐỘNG", "employees"),
            ("III", "TỔ CHỨC ĐẢNG, ĐẢNG VIÊN", "has_party_org"),
            ("IV", "CÔNG ĐOÀN, ĐOÀN THANH NIÊN", "has_union")]

CORPUS: list[dict] = []


def T(v):
    """What the accountant typed."""
    if isinstance(v, tuple):
        return v[0]
    if v is True:
        return "Có"
    if v is False:
        return "Không"
    return v


def X(v):
    """What a careful human reads (JSON conventions of check --json)."""
    if isinstance(v, tuple):
        v = v[1]
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()[:10]
    return v


def expected_values(ident: dict, vals: dict) -> dict:
    out = {k: X(ident.get(k)) for k in KEYS_ID}
    out.update({k: X(vals.get(k)) for k in KEYS_IND})
    return out


def register(fname, writer, sheets, traits, ident=None, vals=None, outcome="accepted",
             debatable=None, expect_problem=None, ignore=(), overrides=None, outcome_alternatives=None):
    rec = {"file": fname, "writer": writer, "traits": traits, "outcome": outcome}
    if outcome_alternatives:
        rec["outcome_alternatives"] = outcome_alternatives
    if ident is not None:
        exp = expected_values(ident, vals)
        if overrides:
            exp.update(overrides)
        rec["values"] = exp
    if debatable:
        rec["debatable"] = debatable
    if expect_problem:
        rec["expect_problem"] = expect_problem
    if ignore:
        rec["ignore"] = list(ignore)
    rec["_sheets"] = sheets
    CORPUS.append(rec)


def header_block(sh: Sheet, company: str, r: int = 1, width: int = 6, title_tail: str = ""):
    """Company name top-left, national motto top-right, then the title (rows r..r+4)."""
    sh.put(r, 1, company.upper(), bold=True)
    sh.put(r, 4, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True)
    sh.put(r + 1, 4, "Độc lập - Tự do - Hạnh phúc", bold=True)
    sh.merge(r + 3, 1, r + 3, width,
             "BÁO CÁO TÌNH HÌNH HOẠT ĐỘNG, LAO ĐỘNG VÀ TỔ CHỨC ĐẢNG, ĐOÀN THỂ TRONG DOANH NGHIỆP" + title_tail,
             bold=True)
    return r + 5


def ind_table(sh, r0, c0, header_rows, rows, border=True):
    """header_rows: list of lists; rows: list of lists (None = empty). Returns next free row."""
    r = r0
    ncol = max(len(h) for h in header_rows + rows)
    for h in header_rows:
        sh.row(r, c0, h, bold=True)
        r += 1
    for row in rows:
        sh.row(r, c0, row)
        r += 1
    if border:
        sh.border(r0, c0, r - 1, c0 + ncol - 1)
    return r


def std_rows(vals, order=None, code=lambda k: CODES[k], label=lambda k: STD[k][0],
             unit=lambda k: STD[k][1], sections=True, stt=None, extra_after=None, skip=(),
             value_cols=None, note=None):
    """The indicator rows as an accountant retypes them: [STT, label, code, unit, values..., note]."""
    order = order or KEYS_IND
    rows, n = [], 0
    sec_at = {s[2]: s for s in SECTIONS}
    for k in order:
        if k in skip:
            continue
        if sections and k in sec_at:
            rom, title, _ = sec_at[k]
            rows.append([rom, title])
        n += 1
        vcells = value_cols(k) if value_cols else [T(vals.get(k))]
        c = code(k)
        row = [stt(k, n) if stt else n, label(k)]
        if c is not False:
            row.append(c)
        row.append(unit(k))
        row.extend(vcells)
        row.append(note(k) if note else None)
        rows.append(row)
        if extra_after and k in extra_after:
            rows.extend(extra_after[k])
    return rows


def sign_block(sh, r, c_left=1, c_right=4, place_date=None, preparer=None, director=None):
    if place_date:
        sh.put(r, c_right, place_date)
    sh.put(r + 1, c_left, "NGƯỜI LẬP BIỂU", bold=True)
    sh.put(r + 1, c_right, "GIÁM ĐỐC", bold=True)
    sh.put(r + 2, c_left, "(Ký, ghi rõ họ tên)")
    sh.put(r + 2, c_right, "(Ký tên, đóng dấu)")
    if preparer:
        sh.put(r + 6, c_left, preparer)
    if director:
        sh.put(r + 6, c_right, director)
    return r + 7


# =====================================================================================
# Returns that a careful human reads without hesitation
# =====================================================================================

def f01():
    """Korean FDI, bilingual labels, label cell + merged value cell, '1,234,567' text revenue."""
    ident = dict(name="Công ty TNHH Hanwon Vina", tax_code=mst("23", 1004512),
                 zone=("KCN Yên Phong", "Yên Phong"), ownership=("Công ty 100% vốn Hàn Quốc", "fdi"),
                 investor_country="Hàn Quốc", industry="Sản xuất linh kiện điện tử",
                 period=("Năm 2016 / Year 2016", "2016"), preparer="Nguyễn Thị Thu Hằng",
                 phone="0222 3699 812", prepared_on=D(2017, 1, 12))
    vals = dict(revenue=("2,456,789", 2456789), exports=185320.5, imports=142110, budget_paid=12450,
                employees=2350, employees_female=1720, employees_foreign=18, avg_income=8.6,
                has_party_org=("Có / Yes", True), party_members=14, party_members_not_transferred=3,
                owner_is_party_member=("Không / No", False), candidates=4,
                has_union=("Có / Yes", True), union_founded_on=D(2012, 3, 15), union_members=2210,
                has_youth_union=("Có / Yes", True), youth_members=320)
    sh = Sheet("Report 2016")
    r = header_block(sh, ident["name"], title_tail=" NĂM 2016")
    labels = [("Tên doanh nghiệp / Company name:", "name"), ("Mã số thuế / Tax code:", "tax_code"),
              ("Khu công nghiệp / Industrial zone:", "zone"),
              ("Loại hình doanh nghiệp / Type of enterprise:", "ownership"),
              ("Quốc gia của nhà đầu tư / Investor's country:", "investor_country"),
              ("Người đại diện theo pháp luật / Legal representative:", None),
              ("Ngành nghề kinh doanh chính / Main business:", "industry"),
              ("Kỳ báo cáo / Reporting period:", "period"),
              ("Người lập biểu / Prepared by:", "preparer"), ("Điện thoại / Tel:", "phone"),
              ("Ngày lập / Date:", "prepared_on")]
    for lab, k in labels:
        sh.put(r, 1, lab)
        sh.merge(r, 3, r, 6, "Park Ji Hoon" if k is None else T(ident[k]))
        r += 1
    r += 1
    hdr = [["STT\nNo.", "Chỉ tiêu / Items", "Mã số\nCode", "Đơn vị tính\nUnit", "Số liệu\nValue", "Ghi chú\nNote"]]
    rows = std_rows(vals, label=lambda k: f"{STD[k][0]} / {EN[k][0]}",
                    unit=lambda k: f"{STD[k][1]} / {EN[k][1]}" if STD[k][1] != "Có/Không" else "Có/Không (Yes/No)")
    r = ind_table(sh, r, 1, hdr, rows)
    sign_block(sh, r + 1, place_date="Bắc Ninh, ngày 12 tháng 01 năm 2017", preparer=ident["preparer"],
               director="Park Ji Hoon")
    sh.widths = {1: 8, 2: 60, 3: 8, 4: 22, 5: 14, 6: 20}
    register("2016/Hanwon Vina - BC nam 2016.xlsx", "openpyxl", [sh],
             ["bilingual labels", "label cell + merged value", "revenue text '2,456,789'",
              "Có / Yes", "extra identity line (legal representative)", "ownership 'Công ty 100% vốn Hàn Quốc'"],
             ident, vals)


def f02():
    """Domestic JSC, .xls, 'N. Label: value' in one cell, Vietnamese text numbers, codes 1..18."""
    ident = dict(name="Công ty Cổ phần Đầu tư Thành Long", tax_code=mst("23", 245871),
                 zone=("KCN Quế Võ, TP Bắc Ninh", "Quế Võ"), ownership=("Doanh nghiệp trong nước", "domestic"),
                 investor_country=None, industry="Sản xuất bao bì carton",
                 period=("Báo cáo năm 2016", "2016"), preparer="Lê Văn Tùng", phone="0241.3617.225",
                 prepared_on=("15-01-2017", "2017-01-15"))
    vals = dict(revenue=("1.234.567", 1234567), exports=("-", 0), imports=("-", 0),
                budget_paid=("45.678,5", 45678.5), employees=("1.205", 1205), employees_female=("684", 684),
                employees_foreign=("0", 0), avg_income=("6,8", 6.8), has_party_org=("Có", True),
                party_members=("12", 12), party_members_not_transferred=("2", 2), owner_is_party_member=("Có", True),
                candidates=("3", 3), has_union=("Có", True), union_founded_on=("15/3/2012", "2012-03-15"),
                union_members=("1.150", 1150), has_youth_union=("Có", True), youth_members=("45", 45))
    sh = Sheet("Sheet1")
    r = header_block(sh, ident["name"], title_tail=" NĂM 2016")
    items = [("Tên doanh nghiệp", "name"), ("Mã số thuế", "tax_code"), ("Địa chỉ", None),
             ("Khu công nghiệp", "zone"), ("Loại hình doanh nghiệp", "ownership"),
             ("Ngành nghề sản xuất, kinh doanh chính", "industry"), ("Kỳ báo cáo", "period"),
             ("Người lập biểu", "preparer"), ("Điện thoại", "phone"), ("Ngày lập", "prepared_on")]
    for i, (lab, k) in enumerate(items, 1):
        v = "Lô C2, KCN Quế Võ, phường Vân Dương, TP Bắc Ninh" if k is None else T(ident[k])
        sh.put(r, 1, f"{i}. {lab}: {v}")
        r += 1
    r += 1
    rows = std_rows(vals, code=lambda k: int(CODES[k]))
    r = ind_table(sh, r, 1, [["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu", "Ghi chú"]], rows)
    sign_block(sh, r + 1, place_date="Quế Võ, ngày 15 tháng 01 năm 2017")
    sh.widths = {1: 6, 2: 55, 3: 8, 4: 20, 5: 14, 6: 16}
    register("2016/BC nam 2016 - Cty CP Dau tu Thanh Long.xls", "xlwt", [sh],
             ["xls", "'1. Label: value' in one cell", "codes as integers", "VN text numbers '1.234.567' '45.678,5' '6,8'",
              "'-' for zero", "date '15/3/2012' and '15-01-2017'", "zone 'KCN Quế Võ, TP Bắc Ninh'",
              "period 'Báo cáo năm 2016'", "Địa chỉ line mentioning the zone"],
             ident, vals)


def f03():
    """Japanese FDI, identity as bordered 'Nội dung | Thông tin' table, plan/actual/% columns."""
    ident = dict(name="Công ty TNHH Nissei Electric Bắc Ninh", tax_code=mst("23", 800317),
                 zone=("VSIP Bắc Ninh", "VSIP Bắc Ninh"),
                 ownership=("Doanh nghiệp có vốn đầu tư nước ngoài (FDI)", "fdi"), investor_country="Nhật Bản",
                 industry="Sản xuất dây điện, cáp điện cho ô tô", period=("Cả năm 2016", "2016"),
                 preparer="Đỗ Minh Phương", phone="0222 3765 100", prepared_on=D(2017, 1, 9))
    actual = dict(revenue=1856000, exports=78650, imports=61200, budget_paid=9870, employees=1840,
                  employees_female=1395, employees_foreign=12, avg_income=7.9, has_party_org=("Có", True),
                  party_members=9, party_members_not_transferred=2, owner_is_party_member=("Không", False),
                  candidates=2, has_union=("Có", True), union_founded_on=D(2013, 10, 2), union_members=1702,
                  has_youth_union=("Có", True), youth_members=210)
    plan = dict(revenue=1800000, exports=80000, imports=60000, budget_paid=9500, employees=1900,
                employees_female=1400, employees_foreign=12, avg_income=7.5, party_members=10, candidates=3,
                union_members=1750, youth_members=200)
    sh = Sheet("BC 2016")
    r = header_block(sh, ident["name"], width=8, title_tail=" NĂM 2016")
    sh.row(r, 2, ["Nội dung", "Thông tin"], bold=True)
    sh.merge(r, 3, r, 6)
    top = r
    r += 1
    for lab, k in [("Tên doanh nghiệp", "name"), ("Mã số thuế", "tax_code"), ("Khu công nghiệp", "zone"),
                   ("Loại hình doanh nghiệp", "ownership"), ("Quốc gia/vùng lãnh thổ của nhà đầu tư", "investor_country"),
                   ("Ngành nghề sản xuất, kinh doanh chính", "industry"), ("Kỳ báo cáo", "period"),
                   ("Người lập biểu", "preparer"), ("Điện thoại", "phone"), ("Ngày lập", "prepared_on")]:
        sh.put(r, 2, lab)
        sh.merge(r, 3, r, 6, T(ident[k]))
        r += 1
    sh.border(top, 2, r - 1, 6)
    r += 1
    hdr = [["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Kế hoạch năm 2016", "Thực hiện năm 2016", "So sánh TH/KH (%)", "Ghi chú"]]
    rows = []
    for row in std_rows(actual):
        if len(row) == 2:
            rows.append(row)
            continue
        stt, lab, code, unit, v, note = row
        k = next(kk for kk in KEYS_IND if CODES[kk] == code)
        p = plan.get(k)
        pct = round(v / p * 100, 1) if isinstance(v, (int, float)) and p else None
        rows.append([stt, lab, code, unit, p, v, pct, note])
    # the % column is a formula with its cached value, as Excel saves it
    r0 = r + 1
    for i, row in enumerate(rows):
        if len(row) == 8 and row[6] is not None:
            rr = r0 + i
            row[6] = F(f"=F{rr}/E{rr}*100", row[6])
    r = ind_table(sh, r, 1, hdr, rows)
    sign_block(sh, r + 1, c_right=6, place_date="Bắc Ninh, ngày 09 tháng 01 năm 2017")
    sh.widths = {1: 6, 2: 50, 3: 8, 4: 18, 5: 14, 6: 14, 7: 12, 8: 14}
    register("2016/Nissei_BC2016.xlsx", "xlsxwriter", [sh],
             ["identity as bordered 'Nội dung | Thông tin' table", "columns Kế hoạch / Thực hiện / So sánh (%)",
              "% column formulas with cached values", "period 'Cả năm 2016'", "date cells"],
             ident, actual)


def f04():
    """Singapore FDI: identity on sheet 'Thông tin chung', table on sheet 'Số liệu'; English-first labels."""
    ident = dict(name="Công ty TNHH Sunrise Precision Việt Nam", tax_code=mst("23", 1102234),
                 zone=("VSIP Bac Ninh", "VSIP Bắc Ninh"), ownership=("FDI", "fdi"), investor_country="Singapore",
                 industry="Gia công cơ khí chính xác", period=("Năm 2016", "2016"), preparer="Vũ Thị Lan",
                 phone="0222 3900 455", prepared_on=("20/01/2017", "2017-01-20"))
    vals = dict(revenue=356400, exports=14800, imports=9650, budget_paid=2130, employees=412,
                employees_female=158, employees_foreign=6, avg_income=9.2, has_party_org=("No", False),
                party_members=2, party_members_not_transferred=2, owner_is_party_member=("No", False),
                candidates=0, has_union=("Yes", True), union_founded_on=("01/08/2014", "2014-08-01"),
                union_members=380, has_youth_union=("No", False), youth_members=0)
    s1 = Sheet("Thông tin chung")
    s1.merge(1, 1, 1, 4, "GENERAL INFORMATION / THÔNG TIN CHUNG", bold=True)
    r = 3
    for lab, k in [("Company name / Tên doanh nghiệp", "name"), ("Tax code / Mã số thuế", "tax_code"),
                   ("Industrial park / Khu công nghiệp", "zone"), ("Type of enterprise / Loại hình doanh nghiệp", "ownership"),
                   ("Investor's country / Quốc gia của nhà đầu tư", "investor_country"),
                   ("Main business / Ngành nghề kinh doanh chính", "industry"),
                   ("Reporting period / Kỳ báo cáo", "period"), ("Prepared by / Người lập biểu", "preparer"),
                   ("Phone / Điện thoại", "phone"), ("Date / Ngày lập", "prepared_on")]:
        s1.put(r, 1, lab + ":")
        s1.put(r, 3, T(ident[k]))
        r += 1
    s2 = Sheet("Số liệu")
    s2.merge(1, 1, 1, 6, "BÁO CÁO TÌNH HÌNH HOẠT ĐỘNG, LAO ĐỘNG VÀ TỔ CHỨC ĐẢNG, ĐOÀN THỂ TRONG DOANH NGHIỆP", bold=True)
    s2.merge(2, 1, 2, 6, "(Mẫu số 01/DN-KCN)")
    hdr = [["No.", "Items / Chỉ tiêu", "Code / Mã số", "Unit / ĐVT", "Value / Số liệu", "Remark / Ghi chú"]]
    rows = std_rows(vals, label=lambda k: f"{EN[k][0]} / {STD[k][0]}", unit=lambda k: EN[k][1], sections=False)
    ind_table(s2, 4, 1, hdr, rows)
    s1.widths = {1: 45, 3: 45}
    s2.widths = {2: 70, 4: 22}
    register("2016/VSIP - Sunrise Precision - Report 2016.xlsx", "openpyxl", [s1, s2],
             ["identity on first sheet, table on second", "English-first bilingual labels",
              "Yes/No answers", "ownership 'FDI'", "zone without diacritics 'VSIP Bac Ninh'", "no section rows"],
             ident, vals)


def f05():
    """Domestic; cover letter (công văn) on the first sheet, the return on the second; 'a)' labels."""
    ident = dict(name="Công ty TNHH Thương mại và Sản xuất Hoàng Gia", tax_code=mst("23", 312907),
                 zone=("Khu công nghiệp Tiên Sơn", "Tiên Sơn"),
                 ownership=("Doanh nghiệp trong nước (Công ty TNHH)", "domestic"), investor_country=None,
                 industry="Sản xuất đồ gỗ nội thất", period=("Năm 2016", "2016"), preparer="Phạm Thị Ngọc",
                 phone="0912 456 789", prepared_on=D(2017, 1, 18))
    vals = dict(revenue=98750, exports=1250, imports=430, budget_paid=3120.5, employees=356,
                employees_female=120, employees_foreign=0, avg_income=6.2, has_party_org=("Có", True),
                party_members=5, party_members_not_transferred=1, owner_is_party_member=("Có", True),
                candidates=1, has_union=("Có", True), union_founded_on=D(2010, 5, 20), union_members=330,
                has_youth_union=("Chưa", False), youth_members=("-", 0))
    cv = Sheet("Cong van")
    cv["A1"] = "CÔNG TY TNHH THƯƠNG MẠI"
    cv["A2"] = "VÀ SẢN XUẤT HOÀNG GIA"
    cv["E1"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    cv["E2"] = "Độc lập - Tự do - Hạnh phúc"
    cv["A4"] = "Số: 15/CV-HG"
    cv["E4"] = "Tiên Sơn, ngày 18 tháng 01 năm 2017"
    cv["A5"] = "V/v: Gửi báo cáo tình hình hoạt động năm 2016"
    cv["B7"] = "Kính gửi: Ban Quản lý các Khu công nghiệp Bắc Ninh"
    cv["A9"] = ("Thực hiện văn bản của Ban Quản lý các KCN về việc báo cáo tình hình hoạt động, lao động và tổ chức "
                "đảng, đoàn thể trong doanh nghiệp, Công ty TNHH Thương mại và Sản xuất Hoàng Gia (MST "
                f"{ident['tax_code']}) xin gửi kèm theo đây báo cáo năm 2016 theo Mẫu số 01/DN-KCN (sheet \"Bao cao\").")
    cv["A10"] = "Năm 2016 Công ty duy trì ổn định sản xuất, có 356 lao động, tăng 24 người so với năm 2015."
    cv["A11"] = "Trân trọng./."
    cv["A13"] = "Nơi nhận:"
    cv["A14"] = "- Như trên;"
    cv["A15"] = "- Lưu VT."
    cv["E13"] = "GIÁM ĐỐC"
    cv["E17"] = "Nguyễn Văn Hải"
    bc = Sheet("Bao cao")
    r = header_block(bc, ident["name"], title_tail=" NĂM 2016")
    for lab, k in [("a) Tên doanh nghiệp:", "name"), ("b) Mã số thuế:", "tax_code"), ("c) Khu công nghiệp:", "zone"),
                   ("d) Loại hình doanh nghiệp:", "ownership"), ("đ) Ngành nghề sản xuất, kinh doanh chính:", "industry"),
                   ("e) Kỳ báo cáo:", "period"), ("g) Người lập biểu:", "preparer"), ("h) Điện thoại:", "phone"),
                   ("i) Ngày lập:", "prepared_on")]:
        bc.put(r, 1, lab)
        bc.put(r, 4, T(ident[k]))
        r += 1
    r += 1
    rows = std_rows(vals)
    r = ind_table(bc, r, 1, [["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu", "Ghi chú"]], rows)
    sign_block(bc, r + 1, place_date="Tiên Sơn, ngày 18 tháng 01 năm 2017", director="Nguyễn Văn Hải")
    register("2016/CV 15-2017 gui BQL kem bao cao.xlsx", "openpyxl", [cv, bc],
             ["cover letter sheet first (with MST and a labour figure in prose)", "labels 'a)' 'b)' 'đ)'",
              "value 3 columns right of the label", "'Chưa' for no", "ownership 'Doanh nghiệp trong nước (Công ty TNHH)'"],
             ident, vals)


def f06():
    """Chinese FDI; table first, identity block below it; 'Người lập: X   Điện thoại: Y' in one cell."""
    ident = dict(name="Công ty TNHH Vật liệu mới Hoa Thịnh", tax_code=mst("23", 1201876),
                 zone=("KCN Thuận Thành II", "Thuận Thành II"), ownership=("DN có vốn ĐTNN", "fdi"),
                 investor_country="Trung Quốc", industry="Sản xuất tấm nhựa composite", period=("Năm 2016", "2016"),
                 preparer="Lưu Văn Cường", phone="0912 888 345", prepared_on=("12/1/2017", "2017-01-12"))
    vals = dict(revenue=412300, exports=15600, imports=11200, budget_paid=1980, employees=530,
                employees_female=95, employees_foreign=22, avg_income=7.1, has_party_org=("Không", False),
                party_members=1, party_members_not_transferred=1, owner_is_party_member=("Không", False),
                candidates=0, has_union=("Có", True), union_founded_on=("20-07-2015", "2015-07-20"),
                union_members=490, has_youth_union=("Không", False), youth_members=0)
    sh = Sheet("Sheet1")
    sh.merge(1, 1, 1, 6, "BÁO CÁO TÌNH HÌNH HOẠT ĐỘNG, LAO ĐỘNG VÀ TỔ CHỨC ĐẢNG, ĐOÀN THỂ TRONG DOANH NGHIỆP", bold=True)
    sh.merge(2, 1, 2, 6, "NĂM 2016", bold=True)
    r = ind_table(sh, 4, 1, [["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu", "Ghi chú"]], std_rows(vals))
    r += 1
    sh.put(r, 1, "THÔNG TIN DOANH NGHIỆP", bold=True)
    r += 1
    for lab, k in [("Tên doanh nghiệp:", "name"), ("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone"),
                   ("Loại hình doanh nghiệp:", "ownership"), ("Quốc gia/vùng lãnh thổ của nhà đầu tư:", "investor_country"),
                   ("Ngành nghề sản xuất, kinh doanh chính:", "industry"), ("Kỳ báo cáo:", "period")]:
        sh.put(r, 2, lab)
        sh.put(r, 3, T(ident[k]))
        r += 1
    r += 1
    sh.put(r, 2, "Người lập biểu: Lưu Văn Cường        Điện thoại: 0912 888 345")
    r += 1
    sh.put(r, 2, "Ngày lập: 12/1/2017")
    sh.widths = {2: 55}
    register("2016/bc_2016_HoaThinh.xlsx", "openpyxl", [sh],
             ["identity below the table", "'Người lập biểu: X   Điện thoại: Y' in one cell",
              "ownership 'DN có vốn ĐTNN'", "date '20-07-2015', '12/1/2017'", "title split on two rows"],
             ident, vals)


def f07():
    """Domestic, half-year; each value on the line below its label; 'x' for yes; codes '01.'."""
    ident = dict(name="Công ty TNHH Cơ khí Minh Long", tax_code=mst("23", 378120),
                 zone=("Quế Võ", "Quế Võ"), ownership=("Trong nước", "domestic"), investor_country=None,
                 industry="Chế tạo khuôn mẫu, kết cấu thép", period=("6 tháng đầu năm 2016", "2016-H1"),
                 preparer="Hoàng Văn Nam", phone="0983 221 456", prepared_on=("08/07/2016", "2016-07-08"))
    vals = dict(revenue=45230, exports=0, imports=860, budget_paid=1210, employees=185, employees_female=31,
                employees_foreign=0, avg_income=6.5, has_party_org=("x", True), party_members=4,
                party_members_not_transferred=0, owner_is_party_member=("x", True), candidates=1,
                has_union=("x", True), union_founded_on=("03/02/2011", "2011-02-03"), union_members=170,
                has_youth_union=("Không", False), youth_members=0)
    sh = Sheet("BC 6 thang")
    r = header_block(sh, ident["name"], title_tail=" 6 THÁNG ĐẦU NĂM 2016")
    for lab, k in [("Tên doanh nghiệp:", "name"), ("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone"),
                   ("Loại hình doanh nghiệp:", "ownership"), ("Ngành nghề sản xuất, kinh doanh chính:", "industry"),
                   ("Kỳ báo cáo:", "period"), ("Người lập biểu:", "preparer"), ("Điện thoại:", "phone"),
                   ("Ngày lập:", "prepared_on")]:
        sh.put(r, 2, lab, bold=True)
        sh.put(r + 1, 2, T(ident[k]))
        r += 2
    r += 1
    rows = std_rows(vals, code=lambda k: CODES[k] + ".")
    r = ind_table(sh, r, 1, [["TT", "Chỉ tiêu", "Mã số", "ĐVT", "Số liệu", "Ghi chú"]], rows)
    sh.put(r + 1, 1, "Ghi chú: đánh dấu x vào ô Số liệu nếu Có.")
    register("2016/Minh Long - bao cao 6 thang 2016.xlsx", "openpyxl", [sh],
             ["value on the line below the label", "'x' for yes", "codes '01.'", "header 'TT | ĐVT'",
              "period '6 tháng đầu năm 2016'", "ownership 'Trong nước'"],
             ident, vals)


def f08():
    """Taiwanese FDI, .ods; two header lines + a row of column numbers (1)..(6); 'a.' labels."""
    ident = dict(name="Công ty TNHH Hua Yang Việt Nam", tax_code=mst("23", 955402),
                 zone=("KCN Quế Võ", "Quế Võ"), ownership=("DN FDI", "fdi"), investor_country="Đài Loan",
                 industry="Sản xuất giày dép", period=("Năm 2016", "2016"), preparer="Trịnh Thị Hoa",
                 phone="0222 3634 567", prepared_on=("10/01/2017", "2017-01-10"))
    vals = dict(revenue=612000, exports=27800, imports=16400, budget_paid=4560, employees=3120,
                employees_female=2650, employees_foreign=15, avg_income=6.9, has_party_org=("Có", True),
                party_members=7, party_members_not_transferred=4, owner_is_party_member=("Không", False),
                candidates=3, has_union=("Có", True), union_founded_on=("15-03-2012", "2012-03-15"),
                union_members=3010, has_youth_union=("Có", True), youth_members=540)
    sh = Sheet("Trang tính1")
    r = header_block(sh, ident["name"], title_tail=" NĂM 2016")
    for lab, k in [("a. Tên doanh nghiệp:", "name"), ("b. Mã số thuế:", "tax_code"), ("c. Khu công nghiệp:", "zone"),
                   ("d. Loại hình doanh nghiệp:", "ownership"), ("e. Quốc gia/vùng lãnh thổ của nhà đầu tư:", "investor_country"),
                   ("f. Ngành nghề sản xuất, kinh doanh chính:", "industry"), ("g. Kỳ báo cáo:", "period"),
                   ("h. Người lập biểu:", "preparer"), ("i. Điện thoại:", "phone"), ("k. Ngày lập:", "prepared_on")]:
        sh.put(r, 1, lab)
        sh.put(r, 3, T(ident[k]))
        r += 1
    r += 1
    hdr = [["STT", "Chỉ tiêu", "Mã", "Đơn vị", "Số", "Ghi"],
           [None, None, "số", "tính", "liệu", "chú"],
           ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"]]
    r = ind_table(sh, r, 1, hdr, std_rows(vals))
    register("2016/BaoCao_2016_HuaYang.ods", "odf", [sh],
             ["ods", "header split over two lines ('Mã'/'số', 'Đơn vị'/'tính', 'Số'/'liệu')",
              "row of column numbers (1)..(6)", "labels 'a.' 'b.'", "ownership 'DN FDI'", "investor 'Đài Loan'"],
             ident, vals)


def f09():
    """Domestic; merged two-level header 'Số liệu' over 'Năm 2015 | Năm 2016'."""
    ident = dict(name="Công ty Cổ phần Bao bì Kinh Bắc", tax_code=mst("23", 198765),
                 zone=("Yên Phong", "Yên Phong"), ownership=("Doanh nghiệp trong nước", "domestic"), investor_country=None,
                 industry="Sản xuất bao bì nhựa", period=("Năm 2016", "2016"), preparer="Ngô Thị Hạnh",
                 phone="0222 3866 123", prepared_on=D(2017, 1, 16))
    v16 = dict(revenue=215600, exports=2300, imports=5400, budget_paid=6780, employees=640,
               employees_female=410, employees_foreign=0, avg_income=6.4, has_party_org=("Có", True),
               party_members=11, party_members_not_transferred=0, owner_is_party_member=("Không", False),
               candidates=2, has_union=("Có", True), union_founded_on=D(2009, 9, 1), union_members=612,
               has_youth_union=("Có", True), youth_members=88)
    v15 = dict(revenue=198300, exports=1900, imports=5100, budget_paid=6120, employees=598,
               employees_female=380, employees_foreign=0, avg_income=5.9, has_party_org="Có",
               party_members=9, party_members_not_transferred=1, owner_is_party_member="Không",
               candidates=3, has_union="Có", union_founded_on=D(2009, 9, 1), union_members=570,
               has_youth_union="Có", youth_members=80)
    sh = Sheet("BC")
    r = header_block(sh, ident["name"], width=7, title_tail=" NĂM 2016")
    for lab, k in [("Tên doanh nghiệp:", "name"), ("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone"),
                   ("Loại hình doanh nghiệp:", "ownership"), ("Ngành nghề sản xuất, kinh doanh chính:", "industry"),
                   ("Kỳ báo cáo:", "period"), ("Người lập biểu:", "preparer"), ("Điện thoại:", "phone"),
                   ("Ngày lập:", "prepared_on")]:
        sh.put(r, 2, lab)
        sh.put(r, 3, T(ident[k]))
        r += 1
    r += 1
    top = r
    for c, h in zip([1, 2, 3, 4, 7], ["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Ghi chú"], strict=False):
        sh.merge(r, c, r + 1, c, h, bold=True)
    sh.merge(r, 5, r, 6, "Số liệu", bold=True)
    sh.put(r + 1, 5, "Năm 2015", bold=True)
    sh.put(r + 1, 6, "Năm 2016", bold=True)
    rows = std_rows(v16, value_cols=lambda k: [T(v15.get(k)), T(v16.get(k))])
    r = ind_table(sh, r + 2, 1, [], rows)
    sh.border(top, 1, r - 1, 7)
    register("2016/Bao cao 2016 (so sanh 2015) - Kinh Bac.xlsx", "openpyxl", [sh],
             ["merged two-level header 'Số liệu' over 'Năm 2015 | Năm 2016'", "previous year column first"],
             ident, v16)


def f10():
    """Domestic, .xls; no code column; labels reworded; section headings I-IV."""
    ident = dict(name="Công ty TNHH Phú Thái Bắc Ninh", tax_code=mst("23", 421330),
                 zone=("KCN Tiên Sơn", "Tiên Sơn"), ownership=("Doanh nghiệp trong nước", "domestic"),
                 investor_country=None, industry="Sản xuất thực phẩm chế biến", period=("Năm 2016", "2016"),
                 preparer="Trần Văn Đức", phone="0222 3714 222", prepared_on=("14/01/2017", "2017-01-14"))
    vals = dict(revenue=88400, exports=0, imports=1320, budget_paid=2450, employees=245, employees_female=160,
                employees_foreign=0, avg_income=5.8, has_party_org=("Có", True), party_members=6,
                party_members_not_transferred=1, owner_is_party_member=("Có", True), candidates=2,
                has_union=("Có", True), union_founded_on=("12/05/2008", "2008-05-12"), union_members=230,
                has_youth_union=("Có", True), youth_members=41)
    relabel = {
        "revenue": "Doanh thu thuần về bán hàng và cung cấp dịch vụ",
        "exports": "Kim ngạch XK",
        "imports": "Kim ngạch NK",
        "budget_paid": "Nộp NSNN",
        "employees": "Tổng số lao động",
        "employees_female": "- Trong đó: Lao động nữ",
        "employees_foreign": "- Trong đó: Lao động nước ngoài",
        "avg_income": "Thu nhập bình quân (tr.đ/người/tháng)",
        "has_party_org": "DN có tổ chức đảng (chi bộ/đảng bộ)",
        "party_members": "Số đảng viên đang làm việc tại DN",
        "party_members_not_transferred": "- Trong đó: ĐV chưa chuyển sinh hoạt đảng về tổ chức đảng trong KCN",
        "owner_is_party_member": "Chủ DN (người đại diện theo pháp luật) là đảng viên",
        "candidates": "Số quần chúng ưu tú đang bồi dưỡng, giới thiệu kết nạp",
        "has_union": "DN đã thành lập công đoàn cơ sở",
        "union_founded_on": "Ngày thành lập CĐCS",
        "union_members": "Số đoàn viên công đoàn",
        "has_youth_union": "DN có tổ chức Đoàn TNCS Hồ Chí Minh",
        "youth_members": "Số đoàn viên thanh niên",
    }
    sh = Sheet("Bao cao nam")
    r = header_block(sh, ident["name"], width=5, title_tail=" NĂM 2016")
    for lab, k in [("Tên doanh nghiệp:", "name"), ("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone"),
                   ("Loại hình doanh nghiệp:", "ownership"), ("Ngành nghề sản xuất, kinh doanh chính:", "industry"),
                   ("Kỳ báo cáo:", "period"), ("Người lập biểu:", "preparer"), ("Điện thoại:", "phone"),
                   ("Ngày lập:", "prepared_on")]:
        sh.put(r, 1, lab)
        sh.put(r, 2, T(ident[k]))
        r += 1
    r += 1
    rows = std_rows(vals, code=lambda k: False, label=lambda k: relabel[k])
    r = ind_table(sh, r, 1, [["STT", "Nội dung", "ĐVT", "Số liệu", "Ghi chú"]], rows)
    register("2016/BC DN Phu Thai 2016.xls", "xlwt", [sh],
             ["xls", "no code column", "labels reworded/abbreviated (NSNN, XK, NK, CĐCS, DN, ĐV)",
              "header 'Nội dung | ĐVT'", "section headings I-IV"],
             ident, vals)


def f11():
    """Korean FDI; codes 'MS 01'; labels with remarks in brackets; tax code with spaces."""
    tc = mst("23", 945618)
    ident = dict(name="Công ty TNHH Daesang Tech Vina", tax_code=(f"{tc[:4]} {tc[4:7]} {tc[7:]}", tc),
                 zone=("KCN Yên Phong, huyện Yên Phong, tỉnh Bắc Ninh", "Yên Phong"),
                 ownership=("Doanh nghiệp có vốn đầu tư nước ngoài", "fdi"), investor_country="Hàn Quốc",
                 industry="Sản xuất bản mạch in (PCB)", period=("Năm 2016", "2016"), preparer="Kim Thị Yến",
                 phone="0222 3699 007", prepared_on=("16/01/2017", "2017-01-16"))
    vals = dict(revenue=1243000, exports=56700, imports=48900, budget_paid=5430, employees=1510,
                employees_female=1080, employees_foreign=25, avg_income=8.1, has_party_org=("Có", True),
                party_members=8, party_members_not_transferred=3, owner_is_party_member=("Không", False),
                candidates=2, has_union=("Có", True), union_founded_on=D(2014, 4, 10), union_members=1430,
                has_youth_union=("Có", True), youth_members=260)
    sh = Sheet("Mau 01")
    r = header_block(sh, ident["name"], title_tail=" NĂM 2016")
    for lab, k in [("Tên doanh nghiệp (ghi đầy đủ theo GCN ĐKDN):", "name"), ("Mã số thuế (10 số):", "tax_code"),
                   ("Khu công nghiệp (ghi rõ tên KCN):", "zone"),
                   ("Loại hình doanh nghiệp (FDI/trong nước):", "ownership"),
                   ("Quốc gia/vùng lãnh thổ của nhà đầu tư (nếu là DN FDI):", "investor_country"),
                   ("Ngành nghề sản xuất, kinh doanh chính:", "industry"),
                   ("Kỳ báo cáo (6 tháng/năm):", "period"), ("Người lập biểu:", "preparer"),
                   ("Điện thoại (di động):", "phone"), ("Ngày lập (dd/mm/yyyy):", "prepared_on")]:
        sh.put(r, 1, lab)
        sh.put(r, 4, T(ident[k]))
        r += 1
    r += 1
    rows = std_rows(vals, code=lambda k: "MS " + CODES[k])
    ind_table(sh, r, 1, [["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu", "Ghi chú"]], rows)
    register("2016/Daesang_Tech_Vina_2016.xlsx", "openpyxl", [sh],
             ["codes 'MS 01'", "labels with bracketed remarks containing digits ('(10 số)', '(dd/mm/yyyy)')",
              "tax code with spaces", "zone 'KCN Yên Phong, huyện Yên Phong, tỉnh Bắc Ninh'"],
             ident, vals)


def f12():
    """Domestic; inserted sub-rows under 05 and 10 (no code); 'Số liệu' header renamed 'Thực hiện'."""
    ident = dict(name="Công ty TNHH Tân Phát", tax_code=mst("23", 560042),
                 zone=("KCN Thuận Thành 2", "Thuận Thành II"), ownership=("Doanh nghiệp trong nước", "domestic"),
                 investor_country=None, industry="Sản xuất gạch ốp lát", period=("Năm 2016", "2016"),
                 preparer="Nguyễn Đình Khoa", phone="0988 765 432", prepared_on=D(2017, 1, 19))
    vals = dict(revenue=302500, exports=0, imports=2100, budget_paid=9870, employees=950,
                employees_female=210, employees_foreign=3, avg_income=7.3, has_party_org=("Có", True),
                party_members=12, party_members_not_transferred=2, owner_is_party_member=("Có", True),
                candidates=4, has_union=("Có", True), union_founded_on=D(2011, 6, 28), union_members=900,
                has_youth_union=("Có", True), youth_members=150)
    extra = {
        "employees": [[None, "- Lao động trực tiếp", None, "người", 800, None],
                      [None, "- Lao động gián tiếp", None, "người", 150, None],
                      [None, "Trong đó: lao động có hợp đồng dài hạn", None, "người", 700, None]],
        "party_members": [[None, "- Đảng viên chính thức", None, "người", 10, None],
                          [None, "- Đảng viên dự bị", None, "người", 2, None]],
        "union_members": [[None, "Trong đó: đoàn viên nữ", None, "người", 195, None]],
    }
    sh = Sheet("BC nam 2016")
    r = header_block(sh, ident["name"], title_tail=" NĂM 2016")
    for lab, k in [("Tên doanh nghiệp:", "name"), ("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone"),
                   ("Loại hình doanh nghiệp:", "ownership"), ("Ngành nghề sản xuất, kinh doanh chính:", "industry"),
                   ("Kỳ báo cáo:", "period"), ("Người lập biểu:", "preparer"), ("Điện thoại:", "phone"),
                   ("Ngày lập:", "prepared_on")]:
        sh.put(r, 1, lab)
        sh.merge(r, 3, r, 5, T(ident[k]))
        r += 1
    r += 1
    rows = std_rows(vals, extra_after=extra)
    ind_table(sh, r, 1, [["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Thực hiện", "Ghi chú"]], rows)
    register("2016/Tan Phat - BC nam 2016.xlsx", "openpyxl", [sh],
             ["inserted sub-rows without code ('- Lao động trực tiếp', 'Trong đó: lao động có hợp đồng dài hạn',"
              " '- Đảng viên chính thức', 'Trong đó: đoàn viên nữ')", "value header 'Thực hiện'",
              "zone 'KCN Thuận Thành 2' (alias)"],
             ident, vals)


def f13():
    """Korean FDI in VSIP; notes rows under the table with numbers; remarks column with numbers."""
    ident = dict(name="Công ty TNHH Everpia Bắc Ninh", tax_code=mst("23", 1044321),
                 zone=("KCN VSIP Bắc Ninh", "VSIP Bắc Ninh"), ownership=("Doanh nghiệp FDI", "fdi"),
                 investor_country="Hàn Quốc", industry="Sản xuất chăn ga gối đệm", period=("Năm 2016", "2016"),
                 preparer="Đặng Thu Trang", phone="0222 3765 888", prepared_on=D(2017, 1, 13))
    vals = dict(revenue=254300, exports=9870, imports=6540, budget_paid=1870, employees=720,
                employees_female=560, employees_foreign=4, avg_income=6.6, has_party_org=("Có", True),
                party_members=3, party_members_not_transferred=3, owner_is_party_member=("Không", False),
                candidates=1, has_union=("Có", True), union_founded_on=D(2015, 11, 5), union_members=650,
                has_youth_union=("Không", False), youth_members=0)
    notes = {"revenue": "Tăng 5% so với năm 2015", "employees": "Giảm 12 người so với 30/6/2016",
             "employees_female": "Chiếm 77,8%", "party_members": "03 đồng chí ghép chi bộ DN bạn"}
    sh = Sheet("Sheet1")
    r = header_block(sh, ident["name"], title_tail=" NĂM 2016")
    for lab, k in [("Tên doanh nghiệp:", "name"), ("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone"),
                   ("Loại hình doanh nghiệp:", "ownership"), ("Quốc gia/vùng lãnh thổ của nhà đầu tư:", "investor_country"),
                   ("Ngành nghề sản xuất, kinh doanh chính:", "industry"), ("Kỳ báo cáo:", "period"),
                   ("Người lập biểu:", "preparer"), ("Điện thoại:", "phone"), ("Ngày lập:", "prepared_on")]:
        sh.put(r, 2, lab)
        sh.put(r, 3, T(ident[k]))
        r += 1
    r += 1
    rows = std_rows(vals, note=lambda k: notes.get(k))
    r = ind_table(sh, r, 1, [["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu", "Ghi chú"]], rows)
    sh.put(r, 1, "Ghi chú:")
    sh.put(r + 1, 1, "- Doanh thu năm 2016 là số liệu chưa kiểm toán, tạm tính 254.300 triệu đồng.")
    sh.put(r + 2, 1, "- Lao động nữ 560 người, trong đó 45 người đang nghỉ thai sản.")
    sh.put(r + 3, 1, "- Số liệu lao động tính đến ngày 31/12/2016.")
    register("2016/Everpia_BC_2016.xlsx", "openpyxl", [sh],
             ["notes rows under the table (with numbers)", "Ghi chú column with numbers",
              "zone 'KCN VSIP Bắc Ninh'", "ownership 'Doanh nghiệp FDI'"],
             ident, vals)


def f14():
    """Domestic; rows reordered (IV before III, 04 first) and optional rows deleted."""
    ident = dict(name="Công ty TNHH Đức Thành", tax_code=mst("23", 287604),
                 zone=("KCN Quế Võ", "Quế Võ"), ownership=("Doanh nghiệp trong nước", "domestic"),
                 investor_country=None, industry="Dịch vụ logistics, kho bãi", period=("Năm 2016", "2016"),
                 preparer="Bùi Thị Loan", phone="0222 3617 998", prepared_on=("11/01/2017", "2017-01-11"))
    vals = dict(revenue=56700, budget_paid=2340, employees=150, employees_female=45, avg_income=7.0,
                has_party_org=("Có", True), party_members=5, party_members_not_transferred=0,
                owner_is_party_member=("Có", True), has_union=("Có", True),
                union_founded_on=("01/09/2013", "2013-09-01"), union_members=140, has_youth_union=("Không", False),
                youth_members=0)
    order = ["budget_paid", "revenue", "employees", "employees_female", "avg_income",
             "has_union", "union_founded_on", "union_members", "has_youth_union", "youth_members",
             "has_party_org", "party_members", "party_members_not_transferred", "owner_is_party_member"]
    sh = Sheet("Báo cáo")
    r = header_block(sh, ident["name"], title_tail=" NĂM 2016")
    for lab, k in [("Tên doanh nghiệp:", "name"), ("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone"),
                   ("Loại hình doanh nghiệp:", "ownership"), ("Ngành nghề sản xuất, kinh doanh chính:", "industry"),
                   ("Kỳ báo cáo:", "period"), ("Người lập biểu:", "preparer"), ("Điện thoại:", "phone"),
                   ("Ngày lập:", "prepared_on")]:
        sh.put(r, 2, lab)
        sh.put(r, 3, T(ident[k]))
        r += 1
    r += 1
    rows = std_rows(vals, order=order, sections=False)
    ind_table(sh, r, 1, [["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu", "Ghi chú"]], rows)
    register("2016/Cty Duc Thanh BC2016.xlsx", "openpyxl", [sh],
             ["rows reordered (04 before 01, IV before III)", "rows 02, 03, 07, 13 deleted", "STT renumbered"],
             ident, vals)


def f15():
    """Domestic half-year, .xls; period '6T/2016'; date cells written by xlwt."""
    ident = dict(name="Công ty TNHH Việt Hưng", tax_code=mst("23", 334455),
                 zone=("Tiên Sơn", "Tiên Sơn"), ownership=("Doanh nghiệp trong nước", "domestic"),
                 investor_country=None, industry="In ấn, bao bì giấy", period=("6T/2016", "2016-H1"),
                 preparer="Phan Thị Mai", phone="0222 3714 560", prepared_on=D(2016, 7, 12))
    vals = dict(revenue=21340, exports=0, imports=0, budget_paid=870, employees=96, employees_female=52,
                employees_foreign=0, avg_income=5.4, has_party_org=("Không", False), party_members=2,
                party_members_not_transferred=0, owner_is_party_member=("Có", True), candidates=0,
                has_union=("Có", True), union_founded_on=D(2012, 12, 1), union_members=90,
                has_youth_union=("Không", False), youth_members=0)
    sh = Sheet("6T2016")
    r = header_block(sh, ident["name"], title_tail=" 6 THÁNG ĐẦU NĂM 2016")
    for lab, k in [("Tên doanh nghiệp:", "name"), ("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone"),
                   ("Loại hình doanh nghiệp:", "ownership"), ("Ngành nghề sản xuất, kinh doanh chính:", "industry"),
                   ("Kỳ báo cáo:", "period"), ("Người lập biểu:", "preparer"), ("Điện thoại:", "phone"),
                   ("Ngày lập:", "prepared_on")]:
        sh.put(r, 1, lab)
        sh.put(r, 3, T(ident[k]))
        r += 1
    r += 1
    ind_table(sh, r, 1, [["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu", "Ghi chú"]], std_rows(vals))
    register("2016/6T2016_KCN Tien Son_Viet Hung.xls", "xlwt", [sh],
             ["xls", "period '6T/2016'", "xls date cells"], ident, vals)


def f16():
    """Japanese FDI; period with date range in brackets; union date 'Tháng 3/2012' (month only)."""
    ident = dict(name="Công ty TNHH Kyoei Seiko Việt Nam", tax_code=mst("23", 1133557),
                 zone=("KCN Yên Phong I", "Yên Phong"), ownership=("Doanh nghiệp có vốn đầu tư nước ngoài (FDI)", "fdi"),
                 investor_country="Nhật Bản", industry="Sản xuất linh kiện nhựa kỹ thuật",
                 period=("Năm 2016 (từ 01/01/2016 đến 31/12/2016)", "2016"), preparer="Lý Thị Bích",
                 phone="0222 3699 345", prepared_on=("17/01/2017", "2017-01-17"))
    vals = dict(revenue=487200, exports=21300, imports=17800, budget_paid=2210, employees=860,
                employees_female=610, employees_foreign=9, avg_income=7.7, has_party_org=("Có", True),
                party_members=6, party_members_not_transferred=2, owner_is_party_member=("Không", False),
                candidates=1, has_union=("Có", True), union_founded_on=("Tháng 3/2012", "2012-03-01"),
                union_members=800, has_youth_union=("Có", True), youth_members=120)
    sh = Sheet("Report")
    r = header_block(sh, ident["name"], title_tail=" NĂM 2016")
    for lab, k in [("Tên doanh nghiệp:", "name"), ("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone"),
                   ("Loại hình doanh nghiệp:", "ownership"), ("Quốc gia/vùng lãnh thổ của nhà đầu tư:", "investor_country"),
                   ("Ngành nghề sản xuất, kinh doanh chính:", "industry"), ("Kỳ báo cáo:", "period"),
                   ("Người lập biểu:", "preparer"), ("Điện thoại:", "phone"), ("Ngày lập:", "prepared_on")]:
        sh.put(r, 1, lab)
        sh.put(r, 3, T(ident[k]))
        r += 1
    r += 1
    ind_table(sh, r, 1, [["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu", "Ghi chú"]], std_rows(vals))
    register("2016/Kyoei Seiko - Bao cao nam 2016.xlsx", "openpyxl", [sh],
             ["period 'Năm 2016 (từ 01/01/2016 đến 31/12/2016)'", "union date 'Tháng 3/2012' (month only)",
              "zone alias 'KCN Yên Phong I'"],
             ident, vals,
             debatable={"union_founded_on": {
                 "alternatives": ["2012-03-01", None],
                 "why": "month-only date: a human reads March 2012; whether the tool should take the 1st "
                        "or ask for the day (and so reject, since 15 is required when 14 = Có) is the office's call"}})


def f17():
    """Domestic branch with a Hà Nội tax code: '0106…-001' typed with a literal leading apostrophe."""
    tc = mst("01", 6789012) + "-001"
    ident = dict(name="Chi nhánh Công ty Cổ phần Vĩnh Phát tại Bắc Ninh", tax_code=("'" + tc, tc),
                 zone=("Quế Võ I", "Quế Võ"), ownership=("Doanh nghiệp trong nước", "domestic"),
                 investor_country=None, industry="Sản xuất ống thép", period=("Năm 2016", "2016"),
                 preparer="Mai Văn Tiến", phone="0243 8567 432", prepared_on=("13/01/2017", "2017-01-13"))
    vals = dict(revenue=176500, exports=3400, imports=7800, budget_paid=4320, employees=410,
                employees_female=60, employees_foreign=0, avg_income=8.3, has_party_org=("Có", True),
                party_members=15, party_members_not_transferred=6, owner_is_party_member=("Có", True),
                candidates=2, has_union=("Có", True), union_founded_on=("05/05/2015", "2015-05-05"),
                union_members=395, has_youth_union=("Có", True), youth_members=70)
    sh = Sheet("BC")
    r = header_block(sh, ident["name"], title_tail=" NĂM 2016")
    for lab, k in [("Tên doanh nghiệp:", "name"), ("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone"),
                   ("Loại hình doanh nghiệp:", "ownership"), ("Ngành nghề sản xuất, kinh doanh chính:", "industry"),
                   ("Kỳ báo cáo:", "period"), ("Người lập biểu:", "preparer"), ("Điện thoại:", "phone"),
                   ("Ngày lập:", "prepared_on")]:
        sh.put(r, 1, lab)
        sh.put(r, 3, T(ident[k]))
        r += 1
    r += 1
    ind_table(sh, r, 1, [["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu", "Ghi chú"]], std_rows(vals))
    register("2016/CN Vinh Phat tai Bac Ninh - BC2016.xlsx", "openpyxl", [sh],
             ["branch tax code with leading zero and '-001'", "literal leading apostrophe in the text",
              "zone alias 'Quế Võ I'"], ident, vals)


def f18():
    """Korean FDI; two label/value pairs on one row; tax code typed with Excel's apostrophe (quotePrefix)."""
    tc = mst("23", 1077001)
    ident = dict(name="Công ty TNHH HaNa Tech Vina", tax_code=(QP(tc), tc), zone=("KCN Quế Võ", "Quế Võ"),
                 ownership=("Công ty TNHH một thành viên 100% vốn nước ngoài", "fdi"), investor_country="Hàn Quốc",
                 industry="Sản xuất camera module", period=("Năm 2016", "2016"), preparer="Trương Thị Hà",
                 phone="0222 3634 111", prepared_on=D(2017, 1, 10))
    vals = dict(revenue=3120500, exports=141200, imports=128700, budget_paid=8760, employees=2980,
                employees_female=2410, employees_foreign=31, avg_income=8.9, has_party_org=("Có", True),
                party_members=10, party_members_not_transferred=5, owner_is_party_member=("Không", False),
                candidates=3, has_union=("Có", True), union_founded_on=D(2013, 3, 26), union_members=2870,
                has_youth_union=("Có", True), youth_members=450)
    sh = Sheet("BC2016")
    r = header_block(sh, ident["name"], width=7, title_tail=" NĂM 2016")
    pairs = [(("Tên doanh nghiệp:", "name"), None),
             (("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone")),
             (("Loại hình doanh nghiệp:", "ownership"), ("Quốc gia nhà đầu tư:", "investor_country")),
             (("Ngành nghề SXKD chính:", "industry"), ("Kỳ báo cáo:", "period"))]
    for left, right in pairs:
        sh.put(r, 1, left[0])
        sh.put(r, 2, T(ident[left[1]]))
        if right:
            sh.put(r, 4, right[0])
            sh.put(r, 5, T(ident[right[1]]))
        r += 1
    r += 1
    r = ind_table(sh, r, 1, [["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu", "Ghi chú"]], std_rows(vals))
    sh.put(r + 1, 1, "Người lập: Trương Thị Hà      Điện thoại: 0222 3634 111      Ngày lập:")
    sh.put(r + 1, 5, D(2017, 1, 10))
    register("2016/HaNa Tech BC 2016.xlsx", "openpyxl", [sh],
             ["two label/value pairs on one row", "tax code typed with Excel apostrophe (quotePrefix, text)",
              "'Người lập: X  Điện thoại: Y  Ngày lập:' in one cell with the date in a later cell",
              "ownership 'Công ty TNHH một thành viên 100% vốn nước ngoài'", "label 'Ngành nghề SXKD chính'"],
             ident, vals)


def f19():
    """Domestic; saved from a Mac: all text in Unicode NFD."""
    ident = dict(name="Công ty Cổ phần Dược phẩm Đông Á", tax_code=mst("23", 467812),
                 zone=("KCN VSIP Bắc Ninh", "VSIP Bắc Ninh"), ownership=("Doanh nghiệp trong nước", "domestic"),
                 investor_country=None, industry="Sản xuất dược phẩm", period=("Năm 2016", "2016"),
                 preparer="Hà Thị Thuỷ", phone="0222 3900 777", prepared_on=("19/01/2017", "2017-01-19"))
    vals = dict(revenue=143200, exports=560, imports=3400, budget_paid=5670, employees=310, employees_female=190,
                employees_foreign=0, avg_income=9.5, has_party_org=("Có", True), party_members=18,
                party_members_not_transferred=4, owner_is_party_member=("Có", True), candidates=3,
                has_union=("Có", True), union_founded_on=("22/12/2014", "2014-12-22"), union_members=300,
                has_youth_union=("Có", True), youth_members=95)
    sh = Sheet(nfd("Báo cáo"))
    r = header_block(sh, ident["name"], title_tail=" NĂM 2016")
    for lab, k in [("Tên doanh nghiệp:", "name"), ("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone"),
                   ("Loại hình doanh nghiệp:", "ownership"), ("Ngành nghề sản xuất, kinh doanh chính:", "industry"),
                   ("Kỳ báo cáo:", "period"), ("Người lập biểu:", "preparer"), ("Điện thoại:", "phone"),
                   ("Ngày lập:", "prepared_on")]:
        sh.put(r, 1, lab)
        sh.put(r, 3, T(ident[k]))
        r += 1
    r += 1
    r = ind_table(sh, r, 1, [["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu", "Ghi chú"]], std_rows(vals))
    for key, v in list(sh.cells.items()):
        if isinstance(v, str):
            sh.cells[key] = nfd(v)
    register("2016/bao cao DongA (mac).xlsx", "openpyxl", [sh],
             ["all text in Unicode NFD (macOS)", "expected text in NFC"], ident, vals)


def f20():
    """Domestic; xlsxwriter with formulas (cached values): totals summed from sub-rows."""
    ident = dict(name="Công ty TNHH Điện tử Bắc Hà", tax_code=mst("23", 512233),
                 zone=("KCN Yên Phong", "Yên Phong"), ownership=("Doanh nghiệp trong nước", "domestic"),
                 investor_country=None, industry="Lắp ráp linh kiện điện tử", period=("Năm 2016", "2016"),
                 preparer="Tạ Văn Sơn", phone="0222 3866 909", prepared_on=D(2017, 1, 20))
    vals = dict(revenue=87600, exports=2100, imports=2600, budget_paid=1450, employees=420, employees_female=300,
                employees_foreign=0, avg_income=6.73, has_party_org=("Có", True), party_members=7,
                party_members_not_transferred=2, owner_is_party_member=("Không", False), candidates=2,
                has_union=("Có", True), union_founded_on=D(2014, 9, 9), union_members=398,
                has_youth_union=("Có", True), youth_members=110)
    sh = Sheet("Bao cao")
    r = header_block(sh, ident["name"], title_tail=" NĂM 2016")
    for lab, k in [("Tên doanh nghiệp:", "name"), ("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone"),
                   ("Loại hình doanh nghiệp:", "ownership"), ("Ngành nghề sản xuất, kinh doanh chính:", "industry"),
                   ("Kỳ báo cáo:", "period"), ("Người lập biểu:", "preparer"), ("Điện thoại:", "phone"),
                   ("Ngày lập:", "prepared_on")]:
        sh.put(r, 1, lab)
        sh.put(r, 3, T(ident[k]))
        r += 1
    r += 1
    hdr_row = r
    # Total employees = direct + indirect (the two rows inserted right below 05), as formulas.
    rows = std_rows(vals, extra_after={"employees": [[None, "- Lao động trực tiếp", None, "người", 360, None],
                                                      [None, "- Lao động gián tiếp", None, "người", 60, None]]})
    first = hdr_row + 1
    for i, row in enumerate(rows):
        rr = first + i
        if len(row) >= 5 and row[2] == "05":
            emp_rr = rr
            row[4] = F(f"=E{rr + 1}+E{rr + 2}", 420)
        if len(row) >= 5 and row[2] == "08":
            row[4] = F("=ROUND(33920/12/420,2)", 6.73)
        if len(row) >= 5 and row[2] == "16":
            row[4] = F(f"=E{emp_rr}-22", 398)
    ind_table(sh, r, 1, [["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu", "Ghi chú"]], rows)
    register("2016/BC2016 - Bac Ha (cong thuc).xlsx", "xlsxwriter", [sh],
             ["formulas with cached values (05 = sum of two inserted sub-rows, 08 = ROUND(...))"],
             ident, vals)


def f21():
    """Korean FDI; last year's copy kept on a hidden sheet before the current visible one."""
    ident = dict(name="Công ty TNHH Seoul Semitech Vina", tax_code=mst("23", 1088123),
                 zone=("KCN Quế Võ", "Quế Võ"), ownership=("Doanh nghiệp có vốn đầu tư nước ngoài (FDI)", "fdi"),
                 investor_country="Hàn Quốc", industry="Sản xuất đèn LED", period=("Năm 2016", "2016"),
                 preparer="Chu Thị Hậu", phone="0222 3634 765", prepared_on=D(2017, 1, 11))
    vals = dict(revenue=967800, exports=43200, imports=39100, budget_paid=3890, employees=1650,
                employees_female=1230, employees_foreign=14, avg_income=7.6, has_party_org=("Có", True),
                party_members=5, party_members_not_transferred=2, owner_is_party_member=("Không", False),
                candidates=1, has_union=("Có", True), union_founded_on=D(2014, 2, 14), union_members=1560,
                has_youth_union=("Có", True), youth_members=230)
    old = dict(ident, period=("Năm 2015", "2015"), prepared_on=D(2016, 1, 12))
    old_vals = dict(vals, revenue=812300, employees=1420, employees_female=1050, party_members=3,
                    union_members=1300, youth_members=190)

    def build(name, idn, v, state):
        sh = Sheet(name, state)
        r = header_block(sh, idn["name"], title_tail=" NĂM " + X(idn["period"]))
        for lab, k in [("Tên doanh nghiệp:", "name"), ("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone"),
                       ("Loại hình doanh nghiệp:", "ownership"), ("Quốc gia/vùng lãnh thổ của nhà đầu tư:", "investor_country"),
                       ("Ngành nghề sản xuất, kinh doanh chính:", "industry"), ("Kỳ báo cáo:", "period"),
                       ("Người lập biểu:", "preparer"), ("Điện thoại:", "phone"), ("Ngày lập:", "prepared_on")]:
            sh.put(r, 1, lab)
            sh.put(r, 3, T(idn[k]))
            r += 1
        ind_table(sh, r + 1, 1, [["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu", "Ghi chú"]], std_rows(v))
        return sh
    register("2016/Seoul Semitech - BC 2016.xlsx", "openpyxl",
             [build("BC 2015", old, old_vals, "hidden"), build("BC 2016", ident, vals, "visible")],
             ["old 2015 copy on a hidden first sheet", "current return on the visible second sheet"], ident, vals)


def f22():
    """Domestic; hidden list sheet first (dropdown sources incl. zone names), an empty visible sheet, then the return."""
    ident = dict(name="Công ty TNHH Nhựa Thuận Phát", tax_code=mst("23", 601245),
                 zone=("Thuận Thành II", "Thuận Thành II"), ownership=("Doanh nghiệp trong nước", "domestic"),
                 investor_country=None, industry="Sản xuất đồ nhựa gia dụng", period=("Năm 2016", "2016"),
                 preparer="Đinh Thị Nhàn", phone="0978 112 233", prepared_on=("21/01/2017", "2017-01-21"))
    vals = dict(revenue=65400, exports=0, imports=1200, budget_paid=980, employees=130, employees_female=70,
                employees_foreign=0, avg_income=5.9, has_party_org=("Không", False), party_members=2,
                party_members_not_transferred=1, owner_is_party_member=("Không", False), candidates=0,
                has_union=("Có", True), union_founded_on=D(2016, 4, 15), union_members=115,
                has_youth_union=("Không", False), youth_members=0)
    dm = Sheet("DM", "hidden")
    dm.row(1, 1, ["Có", "Yên Phong", "Năm 2016", "Doanh nghiệp trong nước"])
    dm.row(2, 1, ["Không", "Quế Võ", "6 tháng đầu năm 2016", "Doanh nghiệp có vốn đầu tư nước ngoài (FDI)"])
    dm.row(3, 1, [None, "Tiên Sơn", "Năm 2017"])
    dm.row(4, 1, [None, "VSIP Bắc Ninh"])
    dm.row(5, 1, [None, "Thuận Thành II"])
    empty = Sheet("Sheet2")
    sh = Sheet("Bao cao")
    r = header_block(sh, ident["name"], title_tail=" NĂM 2016")
    for lab, k in [("Tên doanh nghiệp:", "name"), ("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone"),
                   ("Loại hình doanh nghiệp:", "ownership"), ("Ngành nghề sản xuất, kinh doanh chính:", "industry"),
                   ("Kỳ báo cáo:", "period"), ("Người lập biểu:", "preparer"), ("Điện thoại:", "phone"),
                   ("Ngày lập:", "prepared_on")]:
        sh.put(r, 1, lab)
        sh.put(r, 3, T(ident[k]))
        r += 1
    ind_table(sh, r + 1, 1, [["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu", "Ghi chú"]], std_rows(vals))
    register("2016/Thuan Phat BC 2016.xlsx", "openpyxl", [dm, empty, sh],
             ["hidden dropdown-list sheet first (zones, Có/Không, periods)", "empty visible Sheet2", "return on 3rd sheet"],
             ident, vals)


def f23():
    """Domestic half-year; no 'Kỳ báo cáo' line: the period is in the title and the value column header."""
    ident = dict(name="Công ty TNHH May mặc Kinh Bắc", tax_code=mst("23", 389977),
                 zone=("KCN Quế Võ", "Quế Võ"), ownership=("Doanh nghiệp trong nước", "domestic"),
                 investor_country=None, industry="May mặc xuất khẩu", period=(None, "2016-H1"),
                 preparer="Lương Thị Thắm", phone="0222 3617 456", prepared_on=("06/07/2016", "2016-07-06"))
    vals = dict(revenue=38900, exports=1560, imports=1230, budget_paid=540, employees=520, employees_female=470,
                employees_foreign=0, avg_income=5.6, has_party_org=("Có", True), party_members=4,
                party_members_not_transferred=0, owner_is_party_member=("Có", True), candidates=2,
                has_union=("Có", True), union_founded_on=("10/10/2010", "2010-10-10"), union_members=505,
                has_youth_union=("Có", True), youth_members=160)
    sh = Sheet("Sheet1")
    r = header_block(sh, ident["name"], title_tail=" 6 THÁNG ĐẦU NĂM 2016")
    for lab, k in [("Tên doanh nghiệp:", "name"), ("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone"),
                   ("Loại hình doanh nghiệp:", "ownership"), ("Ngành nghề sản xuất, kinh doanh chính:", "industry"),
                   ("Người lập biểu:", "preparer"), ("Điện thoại:", "phone"), ("Ngày lập:", "prepared_on")]:
        sh.put(r, 1, lab)
        sh.put(r, 3, T(ident[k]))
        r += 1
    ind_table(sh, r + 1, 1, [["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "6 tháng đầu năm 2016", "Ghi chú"]], std_rows(vals))
    register("2016/May Kinh Bac - BC 6 thang dau nam 2016.xlsx", "openpyxl", [sh],
             ["no 'Kỳ báo cáo' line: period only in the title '... 6 THÁNG ĐẦU NĂM 2016' and the value header"],
             ident, vals,
             debatable={"period": {"alternatives": ["2016-H1", None],
                                   "why": "the form's period line was deleted; a human reads the title, "
                                          "SPEC lists the period as an identity line"}})


def f24():
    """Japanese FDI; no 'Ngày lập' line: only 'Bắc Ninh, ngày 10 tháng 01 năm 2017' above the signatures."""
    ident = dict(name="Công ty TNHH Tohoku Pioneer Bắc Ninh", tax_code=mst("23", 1145012),
                 zone=("VSIP", "VSIP Bắc Ninh"), ownership=("Doanh nghiệp có vốn đầu tư nước ngoài (FDI)", "fdi"),
                 investor_country="Nhật Bản", industry="Sản xuất màn hình OLED", period=("Năm 2016", "2016"),
                 preparer="Cao Thị Duyên", phone="0222 3765 432", prepared_on=(None, "2017-01-10"))
    vals = dict(revenue=720400, exports=33400, imports=30100, budget_paid=2670, employees=1120,
                employees_female=870, employees_foreign=17, avg_income=8.4, has_party_org=("Có", True),
                party_members=4, party_members_not_transferred=1, owner_is_party_member=("Không", False),
                candidates=1, has_union=("Có", True), union_founded_on=D(2015, 1, 8), union_members=1080,
                has_youth_union=("Có", True), youth_members=175)
    sh = Sheet("Báo cáo")
    r = header_block(sh, ident["name"], title_tail=" NĂM 2016")
    for lab, k in [("Tên doanh nghiệp:", "name"), ("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone"),
                   ("Loại hình doanh nghiệp:", "ownership"), ("Quốc gia/vùng lãnh thổ của nhà đầu tư:", "investor_country"),
                   ("Ngành nghề sản xuất, kinh doanh chính:", "industry"), ("Kỳ báo cáo:", "period"),
                   ("Người lập biểu:", "preparer"), ("Điện thoại:", "phone")]:
        sh.put(r, 1, lab)
        sh.put(r, 3, T(ident[k]))
        r += 1
    r = ind_table(sh, r + 1, 1, [["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu", "Ghi chú"]], std_rows(vals))
    sign_block(sh, r + 1, place_date="Bắc Ninh, ngày 10 tháng 01 năm 2017", preparer="Cao Thị Duyên")
    register("2016/Tohoku Pioneer BN - BC2016.xlsx", "openpyxl", [sh],
             ["no 'Ngày lập' line; date only in 'Bắc Ninh, ngày 10 tháng 01 năm 2017'", "zone alias 'VSIP'"],
             ident, vals,
             debatable={"prepared_on": {"alternatives": ["2017-01-10", None],
                                        "why": "a human takes the signature date as the date prepared; "
                                               "the SPEC's prepared_on label is 'Ngày lập'"}})


def f25():
    """Korean FDI; 'I.1' numbered labels; yes/no as 'Yes'/'No'; zone 'KCN Thuận Thành 2'; English header."""
    ident = dict(name="Công ty TNHH Woojin Precision Vina", tax_code=mst("23", 1190456),
                 zone=("KCN Thuận Thành 2", "Thuận Thành II"), ownership=("FDI (100% vốn Hàn Quốc)", "fdi"),
                 investor_country="Hàn Quốc", industry="Sản xuất khuôn đúc", period=("Năm 2016", "2016"),
                 preparer="Nguyễn Thị Quyên", phone="0222 3789 012", prepared_on=("09/01/2017", "2017-01-09"))
    vals = dict(revenue=134500, exports=5600, imports=4800, budget_paid=760, employees=260, employees_female=75,
                employees_foreign=8, avg_income=8.0, has_party_org=("No", False), party_members=1,
                party_members_not_transferred=1, owner_is_party_member=("No", False), candidates=0,
                has_union=("Yes", True), union_founded_on=("30/06/2016", "2016-06-30"), union_members=230,
                has_youth_union=("No", False), youth_members=0)
    sh = Sheet("Sheet1")
    r = header_block(sh, ident["name"], title_tail=" NĂM 2016")
    for i, (lab, k) in enumerate([("Tên doanh nghiệp / Company name", "name"), ("Mã số thuế / Tax code", "tax_code"),
                                  ("Khu công nghiệp / Industrial zone", "zone"), ("Loại hình doanh nghiệp / Type", "ownership"),
                                  ("Quốc gia nhà đầu tư / Investor country", "investor_country"),
                                  ("Ngành nghề chính / Main business", "industry"), ("Kỳ báo cáo / Period", "period"),
                                  ("Người lập biểu / Prepared by", "preparer"), ("Điện thoại / Tel", "phone"),
                                  ("Ngày lập / Date", "prepared_on")], 1):
        sh.put(r, 1, f"I.{i}")
        sh.put(r, 2, lab + ":")
        sh.put(r, 3, T(ident[k]))
        r += 1
    hdr = [["No.", "Items", "Code", "Unit", "Value", "Remarks"]]
    rows = std_rows(vals, label=lambda k: STD[k][0], unit=lambda k: EN[k][1])
    ind_table(sh, r + 1, 1, hdr, rows)
    register("2016/Woojin Precision Vina 2016.xlsx", "openpyxl", [sh],
             ["labels numbered 'I.1' in their own cell", "bilingual labels without colon on the English part",
              "English table header 'No. | Items | Code | Unit | Value | Remarks'", "Yes/No", "ownership 'FDI (100% vốn Hàn Quốc)'"],
             ident, vals)


def f26():
    """Domestic; values with units and words: '1 200 người', '8,5 triệu đồng', 'Có (chi bộ ghép với DN khác)'."""
    ident = dict(name="Công ty TNHH Xây dựng và Thương mại An Phú", tax_code=mst("23", 277301),
                 zone=("Khu CN Yên Phong", "Yên Phong"), ownership=("DN trong nước", "domestic"), investor_country=None,
                 industry="Sản xuất cấu kiện bê tông", period=("Năm 2016", "2016"), preparer="Đoàn Văn Khải",
                 phone="0904 778 899", prepared_on=("18/01/2017", "2017-01-18"))
    vals = dict(revenue=("3.450 triệu", 3450), exports=("Không có", 0), imports=("0", 0),
                budget_paid=("125,5 triệu", 125.5), employees=("1 200 người", 1200), employees_female=("85 người", 85),
                employees_foreign=("không", 0), avg_income=("8,5 triệu đồng", 8.5),
                has_party_org=("Có (chi bộ ghép với DN khác)", True), party_members=("3 đồng chí", 3),
                party_members_not_transferred=("0", 0), owner_is_party_member=("không", False), candidates=("01", 1),
                has_union=("Có", True), union_founded_on=("02/9/2015", "2015-09-02"), union_members=("1.100 người", 1100),
                has_youth_union=("Chưa có", False), youth_members=("0", 0))
    sh = Sheet("BC")
    r = header_block(sh, ident["name"], title_tail=" NĂM 2016")
    for lab, k in [("Tên doanh nghiệp:", "name"), ("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone"),
                   ("Loại hình doanh nghiệp:", "ownership"), ("Ngành nghề sản xuất, kinh doanh chính:", "industry"),
                   ("Kỳ báo cáo:", "period"), ("Người lập biểu:", "preparer"), ("Điện thoại:", "phone"),
                   ("Ngày lập:", "prepared_on")]:
        sh.put(r, 1, lab)
        sh.put(r, 3, T(ident[k]))
        r += 1
    ind_table(sh, r + 1, 1, [["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu", "Ghi chú"]], std_rows(vals))
    register("2016/An Phu - bao cao nam 2016.xlsx", "openpyxl", [sh],
             ["values with units/words ('1 200 người', '8,5 triệu đồng', '3 đồng chí', '1.100 người')",
              "'Không có' / 'không' for zero counts", "'Có (chi bộ ghép với DN khác)'", "'Chưa có'",
              "zone 'Khu CN Yên Phong'", "ownership 'DN trong nước'"],
             ident, vals,
             debatable={"exports": {"alternatives": [0, None], "why": "'Không có' in a money row: zero, or 'not given'"}})


def f27():
    """Domestic half-year, .ods; '06 tháng đầu năm 2016'; ods date cells; label + merged value."""
    ident = dict(name="Công ty TNHH Thực phẩm Sao Mai", tax_code=mst("23", 455780),
                 zone=("KCN Tiên Sơn", "Tiên Sơn"), ownership=("Doanh nghiệp trong nước", "domestic"),
                 investor_country=None, industry="Chế biến nông sản", period=("06 tháng đầu năm 2016", "2016-H1"),
                 preparer="Kiều Thị Vân", phone="0222 3714 876", prepared_on=D(2016, 7, 5))
    vals = dict(revenue=27650, exports=640, imports=210, budget_paid=430, employees=210, employees_female=150,
                employees_foreign=0, avg_income=5.2, has_party_org=("Có", True), party_members=3,
                party_members_not_transferred=0, owner_is_party_member=("Có", True), candidates=1,
                has_union=("Có", True), union_founded_on=D(2013, 5, 1), union_members=200,
                has_youth_union=("Có", True), youth_members=55)
    sh = Sheet("BC6T")
    r = header_block(sh, ident["name"], title_tail=" 6 THÁNG ĐẦU NĂM 2016")
    for lab, k in [("Tên doanh nghiệp:", "name"), ("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone"),
                   ("Loại hình doanh nghiệp:", "ownership"), ("Ngành nghề sản xuất, kinh doanh chính:", "industry"),
                   ("Kỳ báo cáo:", "period"), ("Người lập biểu:", "preparer"), ("Điện thoại:", "phone"),
                   ("Ngày lập:", "prepared_on")]:
        sh.merge(r, 1, r, 2, lab)
        sh.merge(r, 3, r, 6, T(ident[k]))
        r += 1
    ind_table(sh, r + 1, 1, [["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu", "Ghi chú"]], std_rows(vals))
    register("2016/SaoMai_6thang2016.ods", "odf", [sh],
             ["ods", "period '06 tháng đầu năm 2016'", "ods date cells", "merged label cells and merged value cells"],
             ident, vals)


def f28():
    """Japanese JV; English-only table header; labels Vietnamese; tax code stored as a number."""
    tc = mst("23", 1160789)
    ident = dict(name="Công ty TNHH Liên doanh Việt - Nhật Sakura", tax_code=(int(tc), tc),
                 zone=("Tiên Sơn", "Tiên Sơn"), ownership=("Liên doanh (Việt Nam - Nhật Bản)", "fdi"),
                 investor_country="Nhật Bản", industry="Sản xuất phụ tùng xe máy", period=("Năm 2016", "2016"),
                 preparer="Nguyễn Hải Yến", phone="0222 3714 300", prepared_on=D(2017, 1, 14))
    vals = dict(revenue=298700, exports=8900, imports=10400, budget_paid=6540, employees=540, employees_female=180,
                employees_foreign=5, avg_income=8.7, has_party_org=("Có", True), party_members=13,
                party_members_not_transferred=2, owner_is_party_member=("Không", False), candidates=2,
                has_union=("Có", True), union_founded_on=D(2005, 8, 15), union_members=520,
                has_youth_union=("Có", True), youth_members=98)
    sh = Sheet("Sheet1")
    r = header_block(sh, ident["name"], title_tail=" NĂM 2016")
    for lab, k in [("Tên doanh nghiệp:", "name"), ("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone"),
                   ("Loại hình doanh nghiệp:", "ownership"), ("Quốc gia/vùng lãnh thổ của nhà đầu tư:", "investor_country"),
                   ("Ngành nghề sản xuất, kinh doanh chính:", "industry"), ("Kỳ báo cáo:", "period"),
                   ("Người lập biểu:", "preparer"), ("Điện thoại:", "phone"), ("Ngày lập:", "prepared_on")]:
        sh.put(r, 1, lab)
        sh.put(r, 3, T(ident[k]))
        r += 1
    ind_table(sh, r + 1, 1, [["No.", "Items", "Code", "Unit", "Value", "Note"]], std_rows(vals))
    register("2016/Sakura JV - BC2016.xlsx", "openpyxl", [sh],
             ["tax code stored as a number cell", "English-only table header", "ownership 'Liên doanh (Việt Nam - Nhật Bản)'"],
             ident, vals)


def f29():
    """Chinese FDI half-year; columns 'Cùng kỳ năm trước | Kỳ báo cáo | Tăng/giảm (%)'."""
    ident = dict(name="Công ty TNHH Goertek Linh Kiện", tax_code=mst("23", 1210987),
                 zone=("KCN Quế Võ", "Quế Võ"), ownership=("Doanh nghiệp có vốn đầu tư nước ngoài (FDI)", "fdi"),
                 investor_country="Trung Quốc", industry="Sản xuất tai nghe, loa", period=("6 tháng đầu năm 2016", "2016-H1"),
                 preparer="Dương Thị Thu", phone="0222 3634 990", prepared_on=("11/07/2016", "2016-07-11"))
    cur = dict(revenue=1530000, exports=69800, imports=61000, budget_paid=2340, employees=4200,
               employees_female=3100, employees_foreign=45, avg_income=6.8, has_party_org=("Có", True),
               party_members=12, party_members_not_transferred=7, owner_is_party_member=("Không", False),
               candidates=4, has_union=("Có", True), union_founded_on=D(2015, 3, 3), union_members=3950,
               has_youth_union=("Có", True), youth_members=800)
    prev = dict(revenue=1120000, exports=51000, imports=47000, budget_paid=1980, employees=3600,
                employees_female=2700, employees_foreign=40, avg_income=6.3, party_members=9,
                party_members_not_transferred=6, candidates=2, union_members=3300, youth_members=650)
    sh = Sheet("BC 6T-2016")
    r = header_block(sh, ident["name"], width=8, title_tail=" 6 THÁNG ĐẦU NĂM 2016")
    for lab, k in [("Tên doanh nghiệp:", "name"), ("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone"),
                   ("Loại hình doanh nghiệp:", "ownership"), ("Quốc gia/vùng lãnh thổ của nhà đầu tư:", "investor_country"),
                   ("Ngành nghề sản xuất, kinh doanh chính:", "industry"), ("Kỳ báo cáo:", "period"),
                   ("Người lập biểu:", "preparer"), ("Điện thoại:", "phone"), ("Ngày lập:", "prepared_on")]:
        sh.put(r, 1, lab)
        sh.put(r, 3, T(ident[k]))
        r += 1

    def vc(k):
        c = T(cur.get(k))
        same = k in YESNO or k == "union_founded_on"
        p = c if same else prev.get(k)
        pct = round((c - p) / p * 100, 1) if not same and p else None
        return [p, c, pct]
    ind_table(sh, r + 1, 1, [["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Cùng kỳ năm trước", "Kỳ báo cáo",
                              "Tăng/giảm (%)", "Ghi chú"]], std_rows(cur, value_cols=vc))
    register("2016/Goertek LK - BC 6T 2016.xlsx", "openpyxl", [sh],
             ["columns 'Cùng kỳ năm trước | Kỳ báo cáo | Tăng/giảm (%)'", "half-year FDI"], ident, cur)


def f30():
    """Domestic; identity labels bulleted '-' and '+'; yes/no without diacritics 'Co'/'khong'."""
    ident = dict(name="Công ty TNHH Bắc Á Plastic", tax_code=mst("23", 298812),
                 zone=("KCN Que Vo", "Quế Võ"), ownership=("Trong nuoc", "domestic"), investor_country=None,
                 industry="San xuat hat nhua", period=("Nam 2016", "2016"), preparer="Do Van Hung",
                 phone="0912 345 678", prepared_on=("22/01/2017", "2017-01-22"))
    vals = dict(revenue=47800, exports=0, imports=5600, budget_paid=1230, employees=140, employees_female=38,
                employees_foreign=0, avg_income=6.1, has_party_org=("Khong", False), party_members=1,
                party_members_not_transferred=0, owner_is_party_member=("Co", True), candidates=0,
                has_union=("Co", True), union_founded_on=("7/4/2014", "2014-04-07"), union_members=122,
                has_youth_union=("khong", False), youth_members=0)
    sh = Sheet("bc")
    sh["A1"] = "CONG TY TNHH BAC A PLASTIC"
    sh.merge(3, 1, 3, 6, "BAO CAO TINH HINH HOAT DONG, LAO DONG VA TO CHUC DANG, DOAN THE TRONG DOANH NGHIEP NAM 2016")
    r = 5
    for lab, k, b in [("Ten doanh nghiep:", "name", "-"), ("Ma so thue:", "tax_code", "+"), ("Khu cong nghiep:", "zone", "+"),
                      ("Loai hinh doanh nghiep:", "ownership", "+"), ("Nganh nghe SXKD chinh:", "industry", "+"),
                      ("Ky bao cao:", "period", "-"), ("Nguoi lap bieu:", "preparer", "-"), ("Dien thoai:", "phone", "-"),
                      ("Ngay lap:", "prepared_on", "-")]:
        sh.put(r, 1, f"{b} {lab}")
        sh.put(r, 3, T(ident[k]))
        r += 1
    unaccent = {
        "revenue": ("Doanh thu thuan", "trieu dong"), "exports": ("Kim ngach xuat khau", "nghin USD"),
        "imports": ("Kim ngach nhap khau", "nghin USD"), "budget_paid": ("Nop ngan sach nha nuoc", "trieu dong"),
        "employees": ("Tong so lao dong tai thoi diem bao cao", "nguoi"),
        "employees_female": ("Trong do: Lao dong nu", "nguoi"),
        "employees_foreign": ("Trong do: Lao dong nuoc ngoai", "nguoi"),
        "avg_income": ("Thu nhap binh quan", "trieu dong/nguoi/thang"),
        "has_party_org": ("Doanh nghiep co to chuc dang (chi bo/dang bo)", "Co/Khong"),
        "party_members": ("So dang vien dang lam viec tai doanh nghiep", "nguoi"),
        "party_members_not_transferred": ("Trong do: Dang vien chua chuyen sinh hoat dang ve to chuc dang trong KCN", "nguoi"),
        "owner_is_party_member": ("Chu doanh nghiep (nguoi dai dien theo phap luat) la dang vien", "Co/Khong"),
        "candidates": ("So quan chung uu tu dang duoc boi duong, gioi thieu ket nap", "nguoi"),
        "has_union": ("Doanh nghiep da thanh lap cong doan co so", "Co/Khong"),
        "union_founded_on": ("Ngay thanh lap cong doan co so", "ngay/thang/nam"),
        "union_members": ("So doan vien cong doan", "nguoi"),
        "has_youth_union": ("Doanh nghiep co to chuc Doan TNCS Ho Chi Minh", "Co/Khong"),
        "youth_members": ("So doan vien thanh nien", "nguoi"),
    }
    rows = std_rows(vals, label=lambda k: unaccent[k][0], unit=lambda k: unaccent[k][1], sections=False)
    ind_table(sh, r + 1, 1, [["STT", "Chi tieu", "Ma so", "Don vi tinh", "So lieu", "Ghi chu"]], rows)
    register("2016/bac a plastic bc2016.xlsx", "openpyxl", [sh],
             ["whole return typed without diacritics (telex off)", "labels bulleted '-' '+'", "'Co'/'khong'",
              "date '7/4/2014' (d/m/yyyy)"],
             ident, vals)


def f31():
    """Korean FDI, .xls; UPPER-CASE labels, value merged B:E; codes as numbers; xls date cells."""
    ident = dict(name="CÔNG TY TNHH SHINSUNG VINA", tax_code=mst("23", 1066789),
                 zone=("KHU CÔNG NGHIỆP QUẾ VÕ", "Quế Võ"), ownership=("DOANH NGHIỆP FDI", "fdi"),
                 investor_country="HÀN QUỐC", industry="SẢN XUẤT VỎ ĐIỆN THOẠI", period=("NĂM 2016", "2016"),
                 preparer="NGUYỄN VĂN TOÀN", phone="0222 3634 222", prepared_on=D(2017, 1, 15))
    vals = dict(revenue=1890000, exports=85600, imports=79900, budget_paid=3450, employees=2600,
                employees_female=1900, employees_foreign=20, avg_income=7.4, has_party_org=("CÓ", True),
                party_members=6, party_members_not_transferred=4, owner_is_party_member=("KHÔNG", False),
                candidates=2, has_union=("CÓ", True), union_founded_on=D(2013, 8, 19), union_members=2500,
                has_youth_union=("CÓ", True), youth_members=400)
    sh = Sheet("BAO CAO")
    r = header_block(sh, ident["name"], title_tail=" NĂM 2016")
    for lab, k in [("TÊN DOANH NGHIỆP:", "name"), ("MÃ SỐ THUẾ:", "tax_code"), ("KHU CÔNG NGHIỆP:", "zone"),
                   ("LOẠI HÌNH DOANH NGHIỆP:", "ownership"), ("QUỐC GIA/VÙNG LÃNH THỔ CỦA NHÀ ĐẦU TƯ:", "investor_country"),
                   ("NGÀNH NGHỀ SẢN XUẤT, KINH DOANH CHÍNH:", "industry"), ("KỲ BÁO CÁO:", "period"),
                   ("NGƯỜI LẬP BIỂU:", "preparer"), ("ĐIỆN THOẠI:", "phone"), ("NGÀY LẬP:", "prepared_on")]:
        sh.put(r, 1, lab)
        sh.merge(r, 2, r, 5, T(ident[k]))
        r += 1
    rows = std_rows(vals, code=lambda k: int(CODES[k]), label=lambda k: STD[k][0].upper())
    ind_table(sh, r + 1, 1, [["STT", "CHỈ TIÊU", "MÃ SỐ", "ĐƠN VỊ TÍNH", "SỐ LIỆU", "GHI CHÚ"]], rows)
    register("2016/SHINSUNG VINA BC 2016.xls", "xlwt", [sh],
             ["xls", "everything UPPER CASE (labels, values, header)", "'CÓ'/'KHÔNG'", "value merged across B:E"],
             ident, vals)


def f32():
    """Domestic; the whole sheet typed in TCVN3 (.VnTime) by an old accountant — mojibake on a Unicode PC."""
    ident = dict(name="Công ty TNHH Đúc Đồng Đại Bái", tax_code=mst("23", 266541),
                 zone=("Khu công nghiệp Tiên Sơn", "Tiên Sơn"), ownership=("Doanh nghiệp trong nước", "domestic"),
                 investor_country=None, industry="Đúc đồng mỹ nghệ", period=("Năm 2016", "2016"),
                 preparer="Nguyễn Văn Bình", phone="0222 3714 118", prepared_on=("16/01/2017", "2017-01-16"))
    vals = dict(revenue=23400, exports=450, imports=120, budget_paid=560, employees=88, employees_female=20,
                employees_foreign=0, avg_income=5.9, has_party_org=("Có", True), party_members=5,
                party_members_not_transferred=1, owner_is_party_member=("Có", True), candidates=1,
                has_union=("Có", True), union_founded_on=("12/12/2012", "2012-12-12"), union_members=80,
                has_youth_union=("Không", False), youth_members=0)
    sh = Sheet("Sheet1")
    sh["A1"] = "C«ng ty TNHH §óc §ång §¹i B¸i"
    sh.merge(3, 1, 3, 6, tcvn3("Báo cáo tình hình hoạt động, lao động và tổ chức đảng, đoàn thể trong doanh nghiệp năm 2016"))
    r = 5
    for lab, k in [("Tên doanh nghiệp:", "name"), ("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone"),
                   ("Loại hình doanh nghiệp:", "ownership"), ("Ngành nghề sản xuất, kinh doanh chính:", "industry"),
                   ("Kỳ báo cáo:", "period"), ("Người lập biểu:", "preparer"), ("Điện thoại:", "phone"),
                   ("Ngày lập:", "prepared_on")]:
        sh.put(r, 1, tcvn3(lab))
        v = T(ident[k])
        sh.put(r, 3, tcvn3(v) if isinstance(v, str) else v)
        r += 1
    rows = std_rows(vals, sections=False)
    rows = [[tcvn3(c) if isinstance(c, str) else c for c in row] for row in rows]
    ind_table(sh, r + 1, 1, [[tcvn3(h) for h in ["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu", "Ghi chú"]]], rows)
    assert sh.cells[(1, 1)] == tcvn3("Công ty TNHH Đúc Đồng Đại Bái")
    register("2016/Dai Bai BC nam 2016.xls", "xlwt", [sh],
             ["whole sheet in TCVN3 (.VnTime) mojibake, e.g. 'Tªn doanh nghiÖp:', 'C«ng ty'",
              "expected: converted to Unicode, with a warning"], ident, vals)


def f33():
    """Private enterprise (DNTN); no party org, no union; 'Label : value' with a space before the colon."""
    ident = dict(name="Doanh nghiệp tư nhân Cơ khí Hùng Cường", tax_code=mst("23", 233310),
                 zone=("KCN Yên Phong", "Yên Phong"), ownership=("Doanh nghiệp tư nhân", "domestic"),
                 investor_country=None, industry="Gia công cơ khí", period=("Năm 2016", "2016"),
                 preparer="Vương Thị Hường", phone="0977 555 210", prepared_on=("23/01/2017", "2017-01-23"))
    vals = dict(revenue=8900, exports=0, imports=0, budget_paid=210, employees=24, employees_female=5,
                employees_foreign=0, avg_income=5.5, has_party_org=("Không", False), party_members=0,
                party_members_not_transferred=0, owner_is_party_member=("Không", False), candidates=0,
                has_union=("Không", False), union_founded_on=None, union_members=("-", 0),
                has_youth_union=("Không", False), youth_members=("-", 0))
    sh = Sheet("Sheet1")
    r = header_block(sh, ident["name"], title_tail=" NĂM 2016")
    for lab, k in [("Tên doanh nghiệp", "name"), ("Mã số thuế", "tax_code"), ("Khu công nghiệp", "zone"),
                   ("Loại hình doanh nghiệp", "ownership"), ("Ngành nghề sản xuất, kinh doanh chính", "industry"),
                   ("Kỳ báo cáo", "period"), ("Người lập biểu", "preparer"), ("Điện thoại", "phone"),
                   ("Ngày lập", "prepared_on")]:
        sh.put(r, 1, f"{lab} : {T(ident[k])}")
        r += 1
    ind_table(sh, r + 1, 1, [["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu", "Ghi chú"]], std_rows(vals))
    register("2016/DNTN Hung Cuong - BC 2016.xlsx", "openpyxl", [sh],
             ["'Label : value' with space before colon", "DNTN → domestic", "no union: 15 blank, 16 '-'",
              "tiny enterprise with all-zero party figures"], ident, vals)


def f34():
    """Korean FDI; multi-line wrapped labels; 'Số liệu' column named 'Năm 2016' (single column); date cells."""
    ident = dict(name="Công ty TNHH Mirae Optics Việt Nam", tax_code=mst("23", 1177330),
                 zone=("VSIP Bắc Ninh", "VSIP Bắc Ninh"), ownership=("Doanh nghiệp có vốn đầu tư nước ngoài", "fdi"),
                 investor_country="Hàn Quốc", industry="Sản xuất thấu kính quang học", period=("Năm 2016", "2016"),
                 preparer="Lâm Thị Thảo", phone="0222 3900 321", prepared_on=D(2017, 1, 17))
    vals = dict(revenue=456000, exports=20100, imports=18700, budget_paid=1120, employees=780, employees_female=640,
                employees_foreign=11, avg_income=7.2, has_party_org=("Có", True), party_members=3,
                party_members_not_transferred=2, owner_is_party_member=("Không", False), candidates=2,
                has_union=("Có", True), union_founded_on=D(2016, 2, 2), union_members=700,
                has_youth_union=("Có", True), youth_members=140)
    wrapped = {k: STD[k][0].replace(" (", "\n(").replace(": ", ":\n") for k in KEYS_IND}
    sh = Sheet("Sheet1")
    r = header_block(sh, ident["name"], title_tail=" NĂM 2016")
    for lab, k in [("Tên doanh nghiệp:", "name"), ("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone"),
                   ("Loại hình doanh nghiệp:", "ownership"), ("Quốc gia/vùng lãnh thổ\ncủa nhà đầu tư:", "investor_country"),
                   ("Ngành nghề sản xuất,\nkinh doanh chính:", "industry"), ("Kỳ báo cáo:", "period"),
                   ("Người lập biểu:", "preparer"), ("Điện thoại:", "phone"), ("Ngày lập:", "prepared_on")]:
        sh.put(r, 1, lab)
        sh.put(r, 3, T(ident[k]))
        r += 1
    ind_table(sh, r + 1, 1, [["STT", "Chỉ tiêu", "Mã số", "Đơn vị\ntính", "Năm 2016", "Ghi chú"]],
              std_rows(vals, label=lambda k: wrapped[k]))
    register("2016/Mirae Optics BC2016.xlsx", "xlsxwriter", [sh],
             ["labels wrapped with line breaks inside cells", "value column header 'Năm 2016'", "xlsxwriter date cells"],
             ident, vals)


# =====================================================================================
# Returns that are genuinely wrong: the office expects them rejected, with a located message
# =====================================================================================

def plain_return(sheet_name, ident, vals, title_tail=" NĂM 2016", header=None, value_cols=None,
                 code=lambda k: CODES[k]):
    sh = Sheet(sheet_name)
    r = header_block(sh, X(ident["name"]) or "", title_tail=title_tail)
    for lab, k in [("Tên doanh nghiệp:", "name"), ("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone"),
                   ("Loại hình doanh nghiệp:", "ownership"), ("Quốc gia/vùng lãnh thổ của nhà đầu tư:", "investor_country"),
                   ("Ngành nghề sản xuất, kinh doanh chính:", "industry"), ("Kỳ báo cáo:", "period"),
                   ("Người lập biểu:", "preparer"), ("Điện thoại:", "phone"), ("Ngày lập:", "prepared_on")]:
        sh.put(r, 1, lab)
        sh.put(r, 3, T(ident.get(k)))
        r += 1
    hdr = header or ["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu", "Ghi chú"]
    top = r + 1
    ind_table(sh, top, 1, [hdr], std_rows(vals, value_cols=value_cols, code=code))
    return sh, top


def cell_of(sh, code, col=5):
    r = next(r for (r, c), v in sh.cells.items() if c == 3 and v == code)
    return f"{chr(64 + col)}{r}"


def w01():
    ident = dict(name="Công ty TNHH Kim Long Bắc Ninh", tax_code=mst("23", 344120), zone=("Quế Võ", "Quế Võ"),
                 ownership=("Doanh nghiệp trong nước", "domestic"), investor_country=None, industry="Sản xuất nệm mút",
                 period=("Năm 2016", "2016"), preparer="Lê Thị Hoa", phone="0222 3617 001",
                 prepared_on=("12/01/2017", "2017-01-12"))
    vals = dict(revenue=34500, exports=0, imports=870, budget_paid=890, employees=None, employees_female=60,
                employees_foreign=0, avg_income=5.6, has_party_org=("Có", True), party_members=4,
                party_members_not_transferred=1, owner_is_party_member=("Có", True), candidates=1,
                has_union=("Có", True), union_founded_on=("01/06/2012", "2012-06-01"), union_members=110,
                has_youth_union=("Không", False), youth_members=0)
    sh, top = plain_return("BC", ident, vals)
    register("2016/sai/Kim Long BC2016 (thieu lao dong).xlsx", "openpyxl", [sh],
             ["WRONG: required 05 (employees) left blank"], ident, vals, outcome="rejected",
             expect_problem={"field": "employees", "cell": cell_of(sh, "05"), "what": "05 bắt buộc nhưng để trống"})


def w02():
    ident = dict(name="Công ty TNHH Hưng Thịnh Phát", tax_code=("230045678", "230045678"), zone=("Tiên Sơn", "Tiên Sơn"),
                 ownership=("Doanh nghiệp trong nước", "domestic"), investor_country=None, industry="Sản xuất nhôm kính",
                 period=("Năm 2016", "2016"), preparer="Phạm Văn Long", phone="0222 3714 002", prepared_on=D(2017, 1, 13))
    vals = dict(revenue=41200, exports=0, imports=0, budget_paid=1120, employees=160, employees_female=30,
                employees_foreign=0, avg_income=6.0, has_party_org=("Không", False), party_members=2,
                party_members_not_transferred=0, owner_is_party_member=("Không", False), candidates=0,
                has_union=("Có", True), union_founded_on=D(2015, 3, 8), union_members=150,
                has_youth_union=("Không", False), youth_members=0)
    sh, top = plain_return("BC2016", ident, vals)
    register("2016/sai/Hung Thinh Phat - BC 2016 (MST 9 so).xlsx", "openpyxl", [sh],
             ["WRONG: tax code of 9 digits"], ident, vals, outcome="rejected", ignore=["tax_code"],
             expect_problem={"field": "tax_code", "cell": f"C{6 + 1}", "what": "mã số thuế 9 chữ số"})


def w03():
    ident = dict(name="Công ty TNHH Phúc Lâm", tax_code=mst("23", 356701),
                 zone=("KCN Đại Đồng - Hoàn Sơn", None), ownership=("Doanh nghiệp trong nước", "domestic"),
                 investor_country=None, industry="Sản xuất vật liệu xây dựng", period=("Năm 2016", "2016"),
                 preparer="Tống Văn Hải", phone="0222 3777 003", prepared_on=("14/01/2017", "2017-01-14"))
    vals = dict(revenue=56000, exports=0, imports=400, budget_paid=1500, employees=210, employees_female=40,
                employees_foreign=0, avg_income=6.3, has_party_org=("Có", True), party_members=3,
                party_members_not_transferred=0, owner_is_party_member=("Có", True), candidates=0,
                has_union=("Có", True), union_founded_on=("09/09/2014", "2014-09-09"), union_members=190,
                has_youth_union=("Không", False), youth_members=0)
    sh, top = plain_return("Sheet1", ident, vals)
    register("2016/sai/Phuc Lam - Dai Dong Hoan Son 2016.xlsx", "openpyxl", [sh],
             ["WRONG: zone 'KCN Đại Đồng - Hoàn Sơn' not in settings"], ident, vals, outcome="rejected",
             ignore=["zone"], expect_problem={"field": "zone", "cell": "C8", "what": "KCN không có trong danh sách"})


def w04():
    ident = dict(name="Công ty TNHH Thiên Ân", tax_code=mst("23", 367823), zone=("Yên Phong", "Yên Phong"),
                 ownership=("Doanh nghiệp trong nước", "domestic"), investor_country=None, industry="Sản xuất bao bì",
                 period=("Năm 2016", "2016"), preparer="Vũ Thị Tâm", phone="0222 3866 004",
                 prepared_on=("15/01/2017", "2017-01-15"))
    a = dict(revenue=23000, exports=0, imports=300, budget_paid=600, employees=120, employees_female=50,
             employees_foreign=0, avg_income=5.5, has_party_org=("Có", True), party_members=3,
             party_members_not_transferred=0, owner_is_party_member=("Không", False), candidates=1,
             has_union=("Có", True), union_founded_on=("01/01/2015", "2015-01-01"), union_members=100,
             has_youth_union=("Không", False), youth_members=0)
    b = dict(a, revenue=27500, imports=350, budget_paid=640, employees=132, employees_female=55, avg_income=5.8,
             party_members=4, union_members=118)
    sh, top = plain_return("BC", ident, a,
                           header=["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Cột 1", "Cột 2", "Ghi chú"],
                           value_cols=lambda k: [T(a.get(k)), T(b.get(k))])
    register("2016/sai/Thien An BC 2016 (2 cot).xlsx", "openpyxl", [sh],
             ["WRONG: two value columns 'Cột 1 | Cột 2' with different numbers, nobody can tell which is the period"],
             ident, a, outcome="rejected", ignore=KEYS_IND,
             expect_problem={"field": None, "cell": None, "what": "names the columns 'Cột 1' and 'Cột 2'",
                             "message_contains": ["Cột 1", "Cột 2"]})


def w05():
    ident = dict(name="Công ty TNHH Minh Khang", tax_code=mst("23", 378934), zone=("Quế Võ", "Quế Võ"),
                 ownership=("Doanh nghiệp trong nước", "domestic"), investor_country=None, industry="Sản xuất dây cáp",
                 period=("Năm 2016", "2016"), preparer="Kiều Văn Lâm", phone="0222 3617 005",
                 prepared_on=("16/01/2017", "2017-01-16"))
    vals = dict(revenue=76000, exports=1200, imports=3400, budget_paid=2100, employees=330, employees_female=120,
                employees_foreign=0, avg_income=6.7, has_party_org=("Có", True), party_members=6,
                party_members_not_transferred=1, owner_is_party_member=("Có", True), candidates=2,
                has_union=("Có", True), union_founded_on=None, union_members=310,
                has_youth_union=("Có", True), youth_members=60)
    sh, top = plain_return("BC nam", ident, vals)
    register("2016/sai/Minh Khang BC 2016 (thieu ngay CD).xls", "xlwt", [sh],
             ["WRONG: 14 = Có but 15 (union founding date) blank"], ident, vals, outcome="rejected",
             expect_problem={"field": "union_founded_on", "cell": cell_of(sh, "15"), "what": "15 bắt buộc khi 14 = Có"})


def w06():
    ident = dict(name="Công ty TNHH Jinwoo Vina", tax_code=mst("23", 1099876), zone=("VSIP Bắc Ninh", "VSIP Bắc Ninh"),
                 ownership=("Doanh nghiệp có vốn đầu tư nước ngoài (FDI)", "fdi"), investor_country=None,
                 industry="Sản xuất linh kiện ô tô", period=("Năm 2016", "2016"), preparer="Hồ Thị Liên",
                 phone="0222 3900 006", prepared_on=("17/01/2017", "2017-01-17"))
    vals = dict(revenue=156000, exports=7000, imports=6100, budget_paid=900, employees=430, employees_female=200,
                employees_foreign=7, avg_income=7.5, has_party_org=("Không", False), party_members=2,
                party_members_not_transferred=2, owner_is_party_member=("Không", False), candidates=0,
                has_union=("Có", True), union_founded_on=("11/11/2015", "2015-11-11"), union_members=400,
                has_youth_union=("Không", False), youth_members=0)
    sh, top = plain_return("Report", ident, vals)
    register("2016/sai/Jinwoo Vina 2016 (thieu quoc gia).ods", "odf", [sh],
             ["WRONG: FDI without investor country"], ident, vals, outcome="rejected",
             expect_problem={"field": "investor_country", "cell": "C10", "what": "FDI phải ghi quốc gia nhà đầu tư"})


def w07():
    """Formula without a cached value (file written by a web tool / openpyxl)."""
    ident = dict(name="Công ty TNHH Phương Nam Bắc Ninh", tax_code=mst("23", 389045), zone=("Tiên Sơn", "Tiên Sơn"),
                 ownership=("Doanh nghiệp trong nước", "domestic"), investor_country=None, industry="Sản xuất đồ uống",
                 period=("Năm 2016", "2016"), preparer="Nguyễn Thị Phương", phone="0222 3714 007",
                 prepared_on=("18/01/2017", "2017-01-18"))
    vals = dict(revenue=45600, exports=0, imports=500, budget_paid=3300, employees=None, employees_female=90,
                employees_foreign=0, avg_income=6.1, has_party_org=("Có", True), party_members=3,
                party_members_not_transferred=0, owner_is_party_member=("Không", False), candidates=0,
                has_union=("Có", True), union_founded_on=("05/05/2011", "2011-05-05"), union_members=180,
                has_youth_union=("Không", False), youth_members=0)
    sh, top = plain_return("BC", ident, vals)
    emp_row = top + 1 + 6
    # sub-rows inserted at the bottom, total as an uncached formula
    sh.cells[(emp_row, 5)] = F(f"=SUM(E{emp_row + 16}:E{emp_row + 17})", None, cache=False)
    sh.row(emp_row + 16, 2, ["- Lao động trực tiếp", None, "người", 160])
    sh.row(emp_row + 17, 2, ["- Lao động gián tiếp", None, "người", 35])
    register("2016/sai/Phuong Nam BC2016 (cong thuc chua tinh).xlsx", "openpyxl", [sh],
             ["WRONG: 05 is a formula with no cached value (file saved by a tool that does not calculate)"],
             ident, vals, outcome="rejected",
             expect_problem={"field": "employees", "cell": f"E{emp_row}", "what": "công thức chưa có giá trị"})


def w08():
    ident = dict(name="Công ty TNHH Hòa Bình Xanh", tax_code=mst("23", 391156), zone=("Thuận Thành II", "Thuận Thành II"),
                 ownership=("Doanh nghiệp trong nước", "domestic"), investor_country=None, industry="Sản xuất phân bón",
                 period=("Năm 2016", "2016"), preparer="Đào Văn Quang", phone="0222 3789 008",
                 prepared_on=("19/01/2017", "2017-01-19"))
    vals = dict(revenue=67000, exports=0, imports=2300, budget_paid=1800, employees=("1.250", 1250),
                employees_female=("1.520", 1520), employees_foreign=0, avg_income=6.2, has_party_org=("Có", True),
                party_members=5, party_members_not_transferred=0, owner_is_party_member=("Có", True), candidates=1,
                has_union=("Có", True), union_founded_on=("20/10/2013", "2013-10-20"), union_members=1200,
                has_youth_union=("Có", True), youth_members=200)
    sh, top = plain_return("BC", ident, vals)
    register("2016/sai/Hoa Binh Xanh BC2016 (nu > tong).xlsx", "openpyxl", [sh],
             ["WRONG: 06 (female 1.520) > 05 (total 1.250), a typo"], ident, vals, outcome="rejected",
             expect_problem={"field": "employees_female", "cell": cell_of(sh, "06"), "what": "06 > 05"})


# =====================================================================================
# Not returns at all
# =====================================================================================

def n01():
    sh = Sheet("Bao gia")
    sh["A1"] = "CÔNG TY TNHH VẬT TƯ CÔNG NGHIỆP BẮC NINH"
    sh["A2"] = "Địa chỉ: Lô A5, KCN Quế Võ, TP Bắc Ninh - MST: 2300998877"
    sh.merge(4, 1, 4, 7, "BẢNG BÁO GIÁ", bold=True)
    sh["A5"] = "Kính gửi: Công ty TNHH Hanwon Vina"
    sh.row(7, 1, ["STT", "Mã số", "Tên hàng", "Đơn vị tính", "Số lượng", "Đơn giá (đồng)", "Thành tiền (đồng)"], bold=True)
    items = [("GT-01", "Găng tay bảo hộ", "đôi", 500, 12000), ("KT-02", "Khẩu trang y tế", "hộp", 200, 45000),
             ("GB-03", "Giày bảo hộ", "đôi", 120, 185000), ("MB-04", "Mũ bảo hộ", "cái", 150, 65000),
             ("05", "Quần áo bảo hộ", "bộ", 300, 210000), ("06", "Kính bảo hộ", "cái", 100, 38000)]
    for i, (code, name, unit, q, p) in enumerate(items, 1):
        sh.row(7 + i, 1, [i, code, name, unit, q, p, q * p])
    sh.row(14, 3, ["Cộng", None, None, None, sum(q * p for *_, q, p in items)])
    sh.border(7, 1, 14, 7)
    sh["A16"] = "Báo giá có hiệu lực đến ngày 31/01/2017. Giá chưa bao gồm thuế GTGT 10%."
    register("khac/Bao gia BHLD thang 1-2017.xlsx", "openpyxl", [sh],
             ["NOT A RETURN: price list 'STT | Mã số | Tên hàng | Đơn vị tính | Số lượng'"], outcome="not-a-return")


def n02():
    sh = Sheet("DS lao dong")
    sh["A1"] = "CÔNG TY TNHH HANWON VINA"
    sh["A2"] = f"Mã số thuế: {mst('23', 1004512)}"
    sh["A3"] = "Khu công nghiệp: Yên Phong"
    sh.merge(5, 1, 5, 8, "DANH SÁCH LAO ĐỘNG LÀ ĐẢNG VIÊN, ĐOÀN VIÊN NĂM 2016", bold=True)
    sh.row(7, 1, ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Bộ phận", "Đảng viên", "Đoàn viên công đoàn",
                  "Đoàn viên thanh niên"], bold=True)
    people = [("Nguyễn Văn An", D(1988, 3, 2), "Nam", "Sản xuất", "x", "x", ""),
              ("Trần Thị Bình", D(1992, 7, 15), "Nữ", "QC", "", "x", "x"),
              ("Lê Văn Cường", D(1985, 11, 30), "Nam", "Kho", "x", "x", ""),
              ("Phạm Thị Dung", D(1995, 1, 9), "Nữ", "Sản xuất", "", "x", "x"),
              ("Hoàng Văn Em", D(1990, 5, 21), "Nam", "Bảo trì", "x", "x", "")]
    for i, p in enumerate(people, 1):
        sh.row(7 + i, 1, [i] + list(p))
    sh.row(13, 2, ["Tổng cộng", None, None, None, 3, 5, 2])
    register("khac/DS lao dong dang vien doan vien 2016.xlsx", "openpyxl", [sh],
             ["NOT A RETURN: employee list with company name, MST and zone at the top"], outcome="not-a-return")


def n03():
    sh = Sheet("Bien ban")
    sh["A1"] = "ĐẢNG BỘ CÁC KCN TỈNH BẮC NINH"
    sh["A2"] = "CHI BỘ CÔNG TY TNHH THÀNH LONG"
    sh["E1"] = "ĐẢNG CỘNG SẢN VIỆT NAM"
    sh.merge(4, 1, 4, 6, "BIÊN BẢN HỌP CHI BỘ THÁNG 12/2016", bold=True)
    lines = ["Thời gian: 14 giờ 00, ngày 20/12/2016", "Địa điểm: Hội trường Công ty, KCN Quế Võ",
             "Thành phần: Tổng số đảng viên: 12 đồng chí; có mặt: 11 đồng chí; vắng: 01 (có lý do)",
             "Chủ trì: Đồng chí Lê Văn Tùng - Bí thư chi bộ", "Thư ký: Đồng chí Phạm Thị Ngọc",
             "NỘI DUNG:", "1. Đánh giá kết quả thực hiện nhiệm vụ năm 2016",
             "2. Xét đề nghị kết nạp 02 quần chúng ưu tú: Nguyễn Văn An, Trần Thị Bình",
             "3. Phương hướng nhiệm vụ năm 2017", "Cuộc họp kết thúc lúc 16 giờ 30 cùng ngày."]
    for i, line in enumerate(lines):
        sh.put(6 + i, 1, line)
    sh["A18"] = "THƯ KÝ"
    sh["E18"] = "BÍ THƯ"
    register("khac/Bien ban hop chi bo T12-2016.xlsx", "openpyxl", [sh],
             ["NOT A RETURN: party-cell meeting minutes"], outcome="not-a-return")


def n04():
    sh = Sheet("Cham cong")
    sh["A1"] = "CÔNG TY TNHH ĐỨC THÀNH - KCN QUẾ VÕ"
    sh.merge(2, 1, 2, 10, "BẢNG TỔNG HỢP CÔNG THÁNG 12/2016", bold=True)
    sh.row(4, 1, ["STT", "Mã NV", "Họ và tên", "Chức vụ", "Ngày công", "Nghỉ phép", "Tăng ca (giờ)", "Lương cơ bản",
                  "Phụ cấp", "Ghi chú"], bold=True)
    for i, (code, name, pos) in enumerate([("NV001", "Bùi Thị Loan", "Kế toán"), ("NV002", "Ngô Văn Phúc", "Thủ kho"),
                                           ("NV003", "Đỗ Thị Quỳnh", "Công nhân"), ("NV004", "Vũ Văn Sáng", "Lái xe")], 1):
        sh.row(4 + i, 1, [i, code, name, pos, 26 - i % 2, i % 2, 8 * i, 5200000 + 300000 * i, 500000, None])
    register("khac/Cham cong T12-2016.xls", "xlwt", [sh],
             ["NOT A RETURN: timesheet summary"], outcome="not-a-return")


# =====================================================================================
# Second wave: what else lands in the office's inbox
# =====================================================================================

B02 = [("1. Doanh thu bán hàng và cung cấp dịch vụ", "01", "VI.1"), ("2. Các khoản giảm trừ doanh thu", "02", None),
       ("3. Doanh thu thuần về bán hàng và cung cấp dịch vụ (10 = 01 - 02)", "10", None),
       ("4. Giá vốn hàng bán", "11", "VI.2"), ("5. Lợi nhuận gộp về bán hàng và cung cấp dịch vụ (20 = 10 - 11)", "20", None),
       ("6. Doanh thu hoạt động tài chính", "21", "VI.3"), ("7. Chi phí tài chính", "22", "VI.4"),
       ("   - Trong đó: Chi phí lãi vay", "23", None), ("8. Chi phí bán hàng", "25", None),
       ("9. Chi phí quản lý doanh nghiệp", "26", None),
       ("10. Lợi nhuận thuần từ hoạt động kinh doanh {30 = 20 + (21 - 22) - (25 + 26)}", "30", None),
       ("11. Thu nhập khác", "31", None), ("12. Chi phí khác", "32", None), ("13. Lợi nhuận khác (40 = 31 - 32)", "40", None),
       ("14. Tổng lợi nhuận kế toán trước thuế (50 = 30 + 40)", "50", None),
       ("15. Chi phí thuế TNDN hiện hành", "51", "VI.5"), ("16. Chi phí thuế TNDN hoãn lại", "52", None),
       ("17. Lợi nhuận sau thuế thu nhập doanh nghiệp (60 = 50 - 51 - 52)", "60", None),
       ("18. Lãi cơ bản trên cổ phiếu", "70", None)]


def b02_sheet(name, company, tax, addr, revenue_dong):
    sh = Sheet(name)
    sh["A1"] = f"Đơn vị báo cáo: {company}"
    sh["A2"] = f"Địa chỉ: {addr}"
    sh["A3"] = f"Mã số thuế: {tax}"
    sh["D1"] = "Mẫu số B 02 - DN"
    sh["D2"] = "(Ban hành theo Thông tư số 200/2014/TT-BTC ngày 22/12/2014 của Bộ Tài chính)"
    sh.merge(5, 1, 5, 5, "BÁO CÁO KẾT QUẢ HOẠT ĐỘNG KINH DOANH", bold=True)
    sh.merge(6, 1, 6, 5, "Năm 2016")
    sh["E7"] = "Đơn vị tính: đồng"
    sh.row(8, 1, ["CHỈ TIÊU", "Mã số", "Thuyết minh", "Năm nay", "Năm trước"], bold=True)
    sh.row(9, 1, ["1", "2", "3", "4", "5"])
    base = revenue_dong
    nums = {"01": base, "02": 0, "10": base, "11": int(base * .82), "20": base - int(base * .82),
            "21": 152_340_112, "22": 412_887_000, "23": 398_120_000, "25": 1_220_450_900, "26": 2_340_118_220}
    nums["30"] = nums["20"] + nums["21"] - nums["22"] - nums["25"] - nums["26"]
    nums.update({"31": 45_000_000, "32": 12_500_000})
    nums["40"] = nums["31"] - nums["32"]
    nums["50"] = nums["30"] + nums["40"]
    nums["51"] = int(nums["50"] * .2)
    nums["52"] = 0
    nums["60"] = nums["50"] - nums["51"]
    nums["70"] = 0
    for i, (lab, code, tm) in enumerate(B02):
        sh.row(10 + i, 1, [lab, code, tm, nums[code], int(nums[code] * .93)])
    sh.border(8, 1, 9 + len(B02), 5)
    r = 11 + len(B02)
    sh.put(r, 4, "Lập, ngày 20 tháng 01 năm 2017")
    sh.row(r + 1, 1, ["Người lập biểu", "Kế toán trưởng", None, "Giám đốc"], bold=True)
    sh.widths = {1: 70, 4: 20, 5: 20}
    return sh


def g01():
    """Domestic; the financial statement B02-DN (with its own 'Chỉ tiêu | Mã số' codes 01, 02, 10…) on sheet 1, the return on sheet 2."""
    ident = dict(name="Công ty Cổ phần Thép Kinh Bắc", tax_code=mst("23", 402118), zone=("KCN Quế Võ", "Quế Võ"),
                 ownership=("Doanh nghiệp trong nước", "domestic"), investor_country=None, industry="Cán thép xây dựng",
                 period=("Năm 2016", "2016"), preparer="Nguyễn Thị Oanh", phone="0222 3617 345",
                 prepared_on=("20/01/2017", "2017-01-20"))
    vals = dict(revenue=56789, exports=0, imports=2300, budget_paid=1890, employees=260, employees_female=40,
                employees_foreign=0, avg_income=7.4, has_party_org=("Có", True), party_members=8,
                party_members_not_transferred=2, owner_is_party_member=("Có", True), candidates=1,
                has_union=("Có", True), union_founded_on=("18/08/2010", "2010-08-18"), union_members=250,
                has_youth_union=("Có", True), youth_members=35)
    b02 = b02_sheet("B02-DN", ident["name"], ident["tax_code"], "Lô B3, KCN Quế Võ, TP Bắc Ninh", 56_789_432_100)
    sh, _ = plain_return("Mau 01", ident, vals)
    register("2016/Thep Kinh Bac - BC 2016 kem BCTC.xlsx", "openpyxl", [b02, sh],
             ["financial statement B02-DN (codes 01, 02, 10, 11…, amounts in đồng) on the FIRST sheet",
              "the return on the second sheet"], ident, vals)


def g02():
    """Not a return: the financial statement alone (B02-DN), sent by mistake."""
    b02 = b02_sheet("KQKD", "Công ty TNHH Thương mại và Sản xuất Hoàng Gia", mst("23", 312907),
                    "Lô C3, KCN Tiên Sơn, Bắc Ninh", 98_750_112_500)
    register("khac/BCTC 2016 - Hoang Gia (B02-DN).xlsx", "openpyxl", [b02],
             ["NOT A RETURN: financial statement B02-DN with 'CHỈ TIÊU | Mã số' codes 01, 02, 10…, MST and 'Năm 2016'"],
             outcome="not-a-return")


def g03():
    """Korean FDI; the untouched template sheet 'Mau' (dotted placeholders) kept before the filled copy 'Mau (2)'."""
    ident = dict(name="Công ty TNHH Dongyang E&P Việt Nam", tax_code=mst("23", 1023344), zone=("KCN Yên Phong", "Yên Phong"),
                 ownership=("Doanh nghiệp có vốn đầu tư nước ngoài (FDI)", "fdi"), investor_country="Hàn Quốc",
                 industry="Sản xuất bộ sạc điện thoại", period=("Năm 2016", "2016"), preparer="Phùng Thị Ánh",
                 phone="0222 3699 456", prepared_on=("13/01/2017", "2017-01-13"))
    vals = dict(revenue=1456000, exports=66100, imports=59800, budget_paid=2870, employees=1980, employees_female=1600,
                employees_foreign=21, avg_income=7.8, has_party_org=("Có", True), party_members=5,
                party_members_not_transferred=3, owner_is_party_member=("Không", False), candidates=2,
                has_union=("Có", True), union_founded_on=("25/03/2013", "2013-03-25"), union_members=1900,
                has_youth_union=("Có", True), youth_members=310)
    blank_id = {k: "……………………" for k in KEYS_ID}
    blank, _ = plain_return("Mau", blank_id, {}, title_tail=" ……… NĂM ………")
    blank.cells[(1, 1)] = "TÊN DOANH NGHIỆP: ……………………"
    filled, _ = plain_return("Mau (2)", ident, vals)
    register("2016/Dongyang EP - BC 2016.xlsx", "xlsxwriter", [blank, filled],
             ["untouched template sheet with dotted placeholders first", "filled copy 'Mau (2)' second"], ident, vals)


def g04():
    """Hong Kong FDI; abbreviated identity labels (Tên DN, MST, KCN, Kỳ BC, SĐT); industry left as dots."""
    ident = dict(name="Công ty TNHH Wintek Bắc Ninh", tax_code=mst("23", 1150223), zone=("KCN Tiên Sơn - Bắc Ninh", "Tiên Sơn"),
                 ownership=("DN FDI", "fdi"), investor_country="Hồng Kông (Trung Quốc)", industry=("……………………", None),
                 period=("Năm 2016", "2016"), preparer="Tô Thị Nga", phone="0966 123 789", prepared_on=D(2017, 1, 18))
    vals = dict(revenue=233400, exports=10900, imports=9800, budget_paid=760, employees=690, employees_female=520,
                employees_foreign=6, avg_income=6.9, has_party_org=("Không", False), party_members=2,
                party_members_not_transferred=2, owner_is_party_member=("Không", False), candidates=0,
                has_union=("Có", True), union_founded_on=D(2016, 1, 20), union_members=640,
                has_youth_union=("Không", False), youth_members=0)
    sh = Sheet("BC")
    r = header_block(sh, ident["name"], title_tail=" NĂM 2016")
    for lab, k in [("Tên DN:", "name"), ("MST:", "tax_code"), ("KCN:", "zone"), ("Loại hình DN:", "ownership"),
                   ("Nước đầu tư:", "investor_country"), ("Ngành nghề:", "industry"), ("Kỳ BC:", "period"),
                   ("Người lập:", "preparer"), ("SĐT:", "phone"), ("Ngày lập:", "prepared_on")]:
        sh.put(r, 1, lab)
        sh.put(r, 2, T(ident[k]))
        r += 1
    ind_table(sh, r + 1, 1, [["STT", "Chỉ tiêu", "Mã số", "ĐVT", "Số liệu", "Ghi chú"]], std_rows(vals))
    register("2016/Wintek BN 2016.xlsx", "openpyxl", [sh],
             ["abbreviated identity labels 'Tên DN:', 'MST:', 'KCN:', 'Nước đầu tư:', 'Kỳ BC:', 'SĐT:'",
              "optional industry left as dotted placeholder → null", "zone 'KCN Tiên Sơn - Bắc Ninh'",
              "investor 'Hồng Kông (Trung Quốc)'"], ident, vals)


def g05():
    """Korean FDI typed on an English-locale PC: 'Yen Phong Industrial Park', '1,205', '8.6', 'Republic of Korea'."""
    ident = dict(name="Công ty TNHH Hansol Electronics Việt Nam", tax_code=mst("23", 1071234),
                 zone=("Yen Phong Industrial Park", "Yên Phong"),
                 ownership=("Foreign-invested enterprise (FDI)", "fdi"), investor_country="Republic of Korea",
                 industry="Sản xuất bo mạch TV", period=("Năm 2016", "2016"), preparer="Lee Min Jung",
                 phone="0222 3699 888", prepared_on=("16/01/2017", "2017-01-16"))
    vals = dict(revenue=("245,600", 245600), exports=("11,230.5", 11230.5), imports=("9,870", 9870),
                budget_paid=("1,045.2", 1045.2), employees=("1,205", 1205), employees_female=("860", 860),
                employees_foreign=("12", 12), avg_income=("8.6", 8.6), has_party_org=("Yes", True),
                party_members=("4", 4), party_members_not_transferred=("2", 2), owner_is_party_member=("No", False),
                candidates=("1", 1), has_union=("Yes", True), union_founded_on=("15/03/2012", "2012-03-15"),
                union_members=("1,150", 1150), has_youth_union=("Yes", True), youth_members=("210", 210))
    sh = Sheet("Report")
    r = header_block(sh, ident["name"], title_tail=" NĂM 2016")
    for lab, k in [("Company name / Tên doanh nghiệp:", "name"), ("Tax code / Mã số thuế:", "tax_code"),
                   ("Industrial zone / Khu công nghiệp:", "zone"), ("Type / Loại hình doanh nghiệp:", "ownership"),
                   ("Investor country / Quốc gia nhà đầu tư:", "investor_country"),
                   ("Main business / Ngành nghề chính:", "industry"), ("Period / Kỳ báo cáo:", "period"),
                   ("Prepared by / Người lập biểu:", "preparer"), ("Tel / Điện thoại:", "phone"), ("Date / Ngày lập:", "prepared_on")]:
        sh.put(r, 1, lab)
        sh.put(r, 3, T(ident[k]))
        r += 1
    ind_table(sh, r + 1, 1, [["No.", "Items / Chỉ tiêu", "Code", "Unit", "Value", "Note"]],
              std_rows(vals, label=lambda k: f"{EN[k][0]} ({STD[k][0]})", unit=lambda k: EN[k][1]))
    register("2016/Hansol Electronics VN 2016.xlsx", "openpyxl", [sh],
             ["English-locale text numbers with comma thousands and dot decimals ('1,205', '11,230.5', '8.6')",
              "zone 'Yen Phong Industrial Park'", "ownership 'Foreign-invested enterprise (FDI)'",
              "English-first labels 'Items / Chỉ tiêu'"], ident, vals,
             debatable={"budget_paid": {"alternatives": [1045.2, None],
                                        "why": "'1,045.2' is unambiguous English style, but the SPEC only lists Vietnamese styles"},
                        "exports": {"alternatives": [11230.5, None], "why": "same as budget_paid"}})


def g06():
    """Domestic; codes in the first column ('Mã số | Chỉ tiêu | ĐVT | Số liệu'); 'Đã thành lập'; date '15.03.2012'."""
    ident = dict(name="Công ty TNHH Môi trường Xanh Bắc Ninh", tax_code=mst("23", 423456), zone=("Tiên Sơn", "Tiên Sơn"),
                 ownership=("Doanh nghiệp trong nước", "domestic"), investor_country=None, industry="Xử lý chất thải",
                 period=("Năm 2016", "2016"), preparer="Trần Thị Yến", phone="0222 3714 909",
                 prepared_on=("17.01.2017", "2017-01-17"))
    vals = dict(revenue=34500, exports=0, imports=0, budget_paid=1230, employees=118, employees_female=22,
                employees_foreign=0, avg_income=6.6, has_party_org=("Có chi bộ", True), party_members=5,
                party_members_not_transferred=1, owner_is_party_member=("Có", True), candidates=1,
                has_union=("Đã thành lập", True), union_founded_on=("15.03.2012", "2012-03-15"), union_members=110,
                has_youth_union=("Chưa thành lập", False), youth_members=0)
    sh = Sheet("BC 2016")
    r = header_block(sh, ident["name"], width=5, title_tail=" NĂM 2016")
    for lab, k in [("Tên doanh nghiệp:", "name"), ("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone"),
                   ("Loại hình doanh nghiệp:", "ownership"), ("Ngành nghề sản xuất, kinh doanh chính:", "industry"),
                   ("Kỳ báo cáo:", "period"), ("Người lập biểu:", "preparer"), ("Điện thoại:", "phone"), ("Ngày lập:", "prepared_on")]:
        sh.put(r, 1, lab)
        sh.put(r, 3, T(ident[k]))
        r += 1
    rows = []
    for row in std_rows(vals):
        if len(row) == 2:
            rows.append(row)
        else:
            stt, lab, code, unit, v, note = row
            rows.append([code, lab, unit, v, note])
    ind_table(sh, r + 1, 1, [["Mã số", "Chỉ tiêu", "ĐVT", "Số liệu", "Ghi chú"]], rows)
    register("2016/Moi truong Xanh BN - BC2016.xlsx", "openpyxl", [sh],
             ["codes in the first column, no STT", "'Có chi bộ', 'Đã thành lập', 'Chưa thành lập'",
              "dates with dots '15.03.2012', '17.01.2017'"], ident, vals)


def g07():
    """Domestic half-year; table starts in column B, column order 'STT | Mã số | Chỉ tiêu | Số liệu | ĐVT';
    numbers with non-breaking-space thousands; 'Sáu tháng đầu năm 2016'."""
    ident = dict(name="Công ty TNHH Dệt may Phú Lâm", tax_code=mst("23", 434567), zone=("KCN Quế Võ", "Quế Võ"),
                 ownership=("Doanh nghiệp trong nước", "domestic"), investor_country=None, industry="Dệt vải",
                 period=("Sáu tháng đầu năm 2016", "2016-H1"), preparer="Hà Văn Thịnh", phone="0222 3617 777",
                 prepared_on=("09/07/2016", "2016-07-09"))
    vals = dict(revenue=("48\xa0760", 48760), exports=("1\xa0230", 1230), imports=("2\xa0045", 2045), budget_paid=670,
                employees=("1\xa0205", 1205), employees_female=("1\xa0010", 1010), employees_foreign=0, avg_income=("5,9", 5.9),
                has_party_org=("Có", True), party_members=9, party_members_not_transferred=3,
                owner_is_party_member=("Không", False), candidates=2, has_union=("Có", True),
                union_founded_on=D(2012, 6, 1), union_members=("1\xa0150", 1150), has_youth_union=("Có", True),
                youth_members=230)
    sh = Sheet("BC6T")
    sh.put(1, 2, "CÔNG TY TNHH DỆT MAY PHÚ LÂM", bold=True)
    sh.merge(3, 2, 3, 7, "BÁO CÁO TÌNH HÌNH HOẠT ĐỘNG, LAO ĐỘNG VÀ TỔ CHỨC ĐẢNG, ĐOÀN THỂ TRONG DOANH NGHIỆP", bold=True)
    r = 5
    for lab, k in [("Tên doanh nghiệp:", "name"), ("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone"),
                   ("Loại hình doanh nghiệp:", "ownership"), ("Ngành nghề sản xuất, kinh doanh chính:", "industry"),
                   ("Kỳ báo cáo:", "period"), ("Người lập biểu:", "preparer"), ("Điện thoại:", "phone"), ("Ngày lập:", "prepared_on")]:
        sh.put(r, 2, lab)
        sh.put(r, 4, T(ident[k]))
        r += 1
    rows = []
    for row in std_rows(vals):
        if len(row) == 2:
            rows.append(row)
        else:
            stt, lab, code, unit, v, note = row
            rows.append([stt, code, lab, v, unit, note])
    ind_table(sh, r + 1, 2, [["STT", "Mã số", "Chỉ tiêu", "Số liệu", "Đơn vị tính", "Ghi chú"]], rows)
    register("2016/Det may Phu Lam 6T2016.xlsx", "openpyxl", [sh],
             ["table starts in column B", "column order 'STT | Mã số | Chỉ tiêu | Số liệu | Đơn vị tính'",
              "numbers with non-breaking-space thousands ('1\\xa0205')", "period 'Sáu tháng đầu năm 2016'"],
             ident, vals)


def g08():
    """Korean FDI; 'Trong đó:' in its own cell with the sub-label in the next column; ticks '√' for yes."""
    ident = dict(name="Công ty TNHH Sungwoo Vina", tax_code=mst("23", 1122331), zone=("KCN Thuận Thành II", "Thuận Thành II"),
                 ownership=("Doanh nghiệp có vốn đầu tư nước ngoài (FDI)", "fdi"), investor_country="Hàn Quốc",
                 industry="Sản xuất phụ tùng ô tô", period=("Năm 2016", "2016"), preparer="Đồng Thị Hiền",
                 phone="0222 3789 444", prepared_on=D(2017, 1, 12))
    vals = dict(revenue=387000, exports=17200, imports=15100, budget_paid=1340, employees=760, employees_female=230,
                employees_foreign=10, avg_income=8.2, has_party_org=("√", True), party_members=4,
                party_members_not_transferred=2, owner_is_party_member=("Không", False), candidates=1,
                has_union=("√", True), union_founded_on=D(2015, 12, 10), union_members=700,
                has_youth_union=("√", True), youth_members=120)
    sh = Sheet("Sheet1")
    r = header_block(sh, ident["name"], width=7, title_tail=" NĂM 2016")
    for lab, k in [("Tên doanh nghiệp:", "name"), ("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone"),
                   ("Loại hình doanh nghiệp:", "ownership"), ("Quốc gia/vùng lãnh thổ của nhà đầu tư:", "investor_country"),
                   ("Ngành nghề sản xuất, kinh doanh chính:", "industry"), ("Kỳ báo cáo:", "period"),
                   ("Người lập biểu:", "preparer"), ("Điện thoại:", "phone"), ("Ngày lập:", "prepared_on")]:
        sh.put(r, 1, lab)
        sh.put(r, 4, T(ident[k]))
        r += 1
    r += 1
    top = r
    sh.row(r, 1, ["STT", "Chỉ tiêu", None, "Mã số", "Đơn vị tính", "Số liệu", "Ghi chú"], bold=True)
    sh.merge(r, 2, r, 3)
    r += 1
    for row in std_rows(vals):
        if len(row) == 2:
            sh.put(r, 1, row[0])
            sh.merge(r, 2, r, 3, row[1])
        else:
            stt, lab, code, unit, v, note = row
            if lab.startswith("Trong đó: "):
                sh.row(r, 1, [stt, "Trong đó:", lab[len("Trong đó: "):], code, unit, v])
            else:
                sh.row(r, 1, [stt])
                sh.merge(r, 2, r, 3, lab)
                sh.row(r, 4, [code, unit, v])
        r += 1
    sh.border(top, 1, r - 1, 7)
    sh.put(r + 1, 1, "Ghi chú: đánh dấu √ nếu Có")
    register("2016/Sungwoo Vina BC 2016.xlsx", "openpyxl", [sh],
             ["'Trong đó:' in column B with the sub-label in column C (label spread over two cells)",
              "main labels merged B:C", "tick '√' for yes"], ident, vals)


def g09():
    """Domestic; 'Năm báo cáo: 2016' (year as a number, no 'Kỳ báo cáo'); dates written out in words."""
    ident = dict(name="Công ty TNHH Gốm sứ Phù Lãng", tax_code=mst("23", 445678), zone=("Quế Võ", "Quế Võ"),
                 ownership=("Doanh nghiệp trong nước", "domestic"), investor_country=None, industry="Sản xuất gốm sứ",
                 period=(2016, "2016"), preparer="Nguyễn Văn Thắng", phone="0222 3617 654",
                 prepared_on=("ngày 10 tháng 01 năm 2017", "2017-01-10"))
    vals = dict(revenue=12300, exports=340, imports=0, budget_paid=310, employees=75, employees_female=30,
                employees_foreign=0, avg_income=5.3, has_party_org=("Có", True), party_members=3,
                party_members_not_transferred=0, owner_is_party_member=("Có", True), candidates=1,
                has_union=("Có", True), union_founded_on=("ngày 15 tháng 3 năm 2012", "2012-03-15"), union_members=70,
                has_youth_union=("Không", False), youth_members=0)
    sh = Sheet("BC")
    r = header_block(sh, ident["name"], title_tail=" NĂM 2016")
    for lab, k in [("Tên doanh nghiệp:", "name"), ("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone"),
                   ("Loại hình doanh nghiệp:", "ownership"), ("Ngành nghề sản xuất, kinh doanh chính:", "industry"),
                   ("Năm báo cáo:", "period"), ("Người lập biểu:", "preparer"), ("Điện thoại:", "phone"), ("Ngày lập:", "prepared_on")]:
        sh.put(r, 1, lab)
        sh.put(r, 3, T(ident[k]))
        r += 1
    ind_table(sh, r + 1, 1, [["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu", "Ghi chú"]], std_rows(vals))
    register("2016/Gom su Phu Lang BC nam 2016.xlsx", "openpyxl", [sh],
             ["'Năm báo cáo: 2016' (number) instead of 'Kỳ báo cáo'", "dates in words 'ngày 15 tháng 3 năm 2012'"],
             ident, vals)


def g10():
    """Domestic; identity typed as one multi-line cell (Alt+Enter)."""
    ident = dict(name="Công ty TNHH Cơ điện lạnh Bắc Việt", tax_code=mst("23", 456789), zone=("KCN Yên Phong", "Yên Phong"),
                 ownership=("Doanh nghiệp trong nước", "domestic"), investor_country=None,
                 industry="Lắp đặt hệ thống điều hòa", period=("Năm 2016", "2016"), preparer="Lại Thị Kim",
                 phone="0222 3866 555", prepared_on=("15/01/2017", "2017-01-15"))
    vals = dict(revenue=23400, exports=0, imports=4500, budget_paid=780, employees=95, employees_female=18,
                employees_foreign=0, avg_income=7.9, has_party_org=("Không", False), party_members=2,
                party_members_not_transferred=0, owner_is_party_member=("Có", True), candidates=0,
                has_union=("Có", True), union_founded_on=("02/02/2016", "2016-02-02"), union_members=88,
                has_youth_union=("Không", False), youth_members=0)
    sh = Sheet("Sheet1")
    r = header_block(sh, ident["name"], title_tail=" NĂM 2016")
    block = "\n".join(f"{lab}: {T(ident[k])}" for lab, k in [
        ("Tên doanh nghiệp", "name"), ("Mã số thuế", "tax_code"), ("Khu công nghiệp", "zone"),
        ("Loại hình doanh nghiệp", "ownership"), ("Ngành nghề sản xuất, kinh doanh chính", "industry"),
        ("Kỳ báo cáo", "period")])
    sh.merge(r, 1, r, 6, block)
    sh.merge(r + 1, 1, r + 1, 6, f"Người lập biểu: {ident['preparer']}\nĐiện thoại: {ident['phone']}\nNgày lập: 15/01/2017")
    ind_table(sh, r + 3, 1, [["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu", "Ghi chú"]], std_rows(vals))
    register("2016/Bac Viet BC2016.xlsx", "openpyxl", [sh],
             ["identity typed as ONE multi-line cell (Alt+Enter), merged across A:F"], ident, vals)


def g11():
    """Domestic; name only in the corner line 'TÊN DOANH NGHIỆP: …'; optional lines left as dots."""
    ident = dict(name=("CÔNG TY TNHH SƠN HÀ BẮC NINH", "CÔNG TY TNHH SƠN HÀ BẮC NINH"), tax_code=mst("23", 467890),
                 zone=("Thuận Thành II", "Thuận Thành II"), ownership=("Doanh nghiệp trong nước", "domestic"),
                 investor_country=None, industry="Sản xuất bồn nước inox", period=("Năm 2016", "2016"),
                 preparer=("………………………", None), phone=("………………………", None), prepared_on=("…/…/……", None))
    vals = dict(revenue=76500, exports=0, imports=3400, budget_paid=2100, employees=230, employees_female=50,
                employees_foreign=0, avg_income=6.9, has_party_org=("Có", True), party_members=6,
                party_members_not_transferred=1, owner_is_party_member=("Có", True), candidates=1,
                has_union=("Có", True), union_founded_on=("20/11/2012", "2012-11-20"), union_members=220,
                has_youth_union=("Có", True), youth_members=44)
    sh = Sheet("Báo cáo")
    sh["A1"] = "Mẫu số 01/DN-KCN"
    sh["A2"] = "TÊN DOANH NGHIỆP: CÔNG TY TNHH SƠN HÀ BẮC NINH"
    sh["D2"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    sh["D3"] = "Độc lập - Tự do - Hạnh phúc"
    sh.merge(5, 1, 5, 6, "BÁO CÁO TÌNH HÌNH HOẠT ĐỘNG, LAO ĐỘNG VÀ TỔ CHỨC ĐẢNG, ĐOÀN THỂ TRONG DOANH NGHIỆP", bold=True)
    r = 7
    for lab, k in [("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone"),
                   ("Loại hình doanh nghiệp:", "ownership"), ("Ngành nghề sản xuất, kinh doanh chính:", "industry"),
                   ("Kỳ báo cáo:", "period"), ("Người lập biểu:", "preparer"), ("Điện thoại:", "phone"), ("Ngày lập:", "prepared_on")]:
        sh.put(r, 2, lab)
        sh.put(r, 3, T(ident[k]))
        r += 1
    ind_table(sh, r + 1, 1, [["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu", "Ghi chú"]], std_rows(vals))
    register("2016/Son Ha BN - BC nam 2016.xlsx", "openpyxl", [sh],
             ["name only in the corner line 'TÊN DOANH NGHIỆP: CÔNG TY …' (no separate name line)",
              "optional lines left as dotted placeholders '………', '…/…/……' → null"], ident, vals)


def g12():
    """Domestic JSC; 'Mã số doanh nghiệp' label; last year's column kept but HIDDEN with the same header 'Số liệu'."""
    ident = dict(name="Công ty Cổ phần Cơ khí Đông Anh Bắc Ninh", tax_code=mst("23", 478901), zone=("KCN Tiên Sơn", "Tiên Sơn"),
                 ownership=("Doanh nghiệp trong nước", "domestic"), investor_country=None,
                 industry="Chế tạo máy nông nghiệp", period=("năm 2016", "2016"), preparer="Đinh Văn Hòa",
                 phone="0222 3714 321", prepared_on=D(2017, 1, 19))
    vals = dict(revenue=143000, exports=2200, imports=8700, budget_paid=4300, employees=520, employees_female=90,
                employees_foreign=0, avg_income=7.6, has_party_org=("Có", True), party_members=21,
                party_members_not_transferred=5, owner_is_party_member=("Có", True), candidates=3,
                has_union=("Có", True), union_founded_on=D(2008, 3, 8), union_members=505,
                has_youth_union=("Có", True), youth_members=96)
    old = dict(vals, revenue=131000, imports=8100, budget_paid=4010, employees=498, employees_female=85, party_members=19,
               union_members=480, youth_members=90)
    sh = Sheet("BC")
    r = header_block(sh, ident["name"], width=7, title_tail=" NĂM 2016")
    for lab, k in [("Tên doanh nghiệp:", "name"), ("Mã số doanh nghiệp:", "tax_code"), ("Khu công nghiệp:", "zone"),
                   ("Loại hình doanh nghiệp:", "ownership"), ("Ngành nghề sản xuất, kinh doanh chính:", "industry"),
                   ("Kỳ báo cáo:", "period"), ("Người lập biểu:", "preparer"), ("Điện thoại:", "phone"), ("Ngày lập:", "prepared_on")]:
        sh.put(r, 1, lab)
        sh.put(r, 3, T(ident[k]))
        r += 1
    ind_table(sh, r + 1, 1, [["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu", "Số liệu", "Ghi chú"]],
              std_rows(vals, value_cols=lambda k: [T(old.get(k)), T(vals.get(k))]))
    sh.hidden_cols.add(5)
    register("2016/Dong Anh BN - BC2016.xlsx", "openpyxl", [sh],
             ["label 'Mã số doanh nghiệp' for the tax code", "period 'năm 2016' in lower case",
              "last year's column E kept HIDDEN with the same header 'Số liệu'; visible column F is this year"],
             ident, vals, outcome_alternatives=["rejected"],
             debatable={"_outcome": {"why": "a human sees only column F; a reader that cannot see column visibility "
                                            "may fairly reject as two indistinguishable 'Số liệu' columns, if it says so"}})


def g13():
    """Japanese FDI, .xls; codes stored as numbers shown '01' by a '00' format; zone 'Tiên Sơn IP'."""
    ident = dict(name="Công ty TNHH Canon Parts Bắc Ninh", tax_code=mst("23", 1134455), zone=("KCN Tiên Sơn", "Tiên Sơn"),
                 ownership=("Doanh nghiệp có vốn đầu tư nước ngoài (FDI)", "fdi"), investor_country="Nhật Bản",
                 industry="Sản xuất linh kiện máy in", period=("Năm 2016", "2016"), preparer="Quách Thị Hương",
                 phone="0222 3714 678", prepared_on=D(2017, 1, 11))
    vals = dict(revenue=2345000, exports=105600, imports=98700, budget_paid=5120, employees=3400, employees_female=2900,
                employees_foreign=28, avg_income=7.3, has_party_org=("Có", True), party_members=11,
                party_members_not_transferred=6, owner_is_party_member=("Không", False), candidates=3,
                has_union=("Có", True), union_founded_on=D(2009, 7, 7), union_members=3300,
                has_youth_union=("Có", True), youth_members=700)
    sh = Sheet("BaoCao")
    r = header_block(sh, ident["name"], title_tail=" NĂM 2016")
    for lab, k in [("Tên doanh nghiệp:", "name"), ("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone"),
                   ("Loại hình doanh nghiệp:", "ownership"), ("Quốc gia/vùng lãnh thổ của nhà đầu tư:", "investor_country"),
                   ("Ngành nghề sản xuất, kinh doanh chính:", "industry"), ("Kỳ báo cáo:", "period"),
                   ("Người lập biểu:", "preparer"), ("Điện thoại:", "phone"), ("Ngày lập:", "prepared_on")]:
        sh.put(r, 1, lab)
        sh.put(r, 3, T(ident[k]))
        r += 1
    top = r + 1
    end = ind_table(sh, top, 1, [["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu", "Ghi chú"]],
                    std_rows(vals, code=lambda k: int(CODES[k])))
    for rr in range(top + 1, end):
        if isinstance(sh.cells.get((rr, 3)), int):
            sh.numfmt[(rr, 3)] = "00"
    register("2016/Canon Parts BN - BC2016.xls", "xlwt", [sh],
             ["xls", "codes stored as numbers displayed '01' via number format '00'"], ident, vals)


def g14():
    """Domestic; no code column and labels reworded differently from f10."""
    ident = dict(name="Công ty TNHH Nội thất Hòa Phát Bắc Ninh", tax_code=mst("23", 489012), zone=("KCN Yên Phong", "Yên Phong"),
                 ownership=("Doanh nghiệp trong nước", "domestic"), investor_country=None, industry="Sản xuất bàn ghế văn phòng",
                 period=("Năm 2016", "2016"), preparer="Mạc Thị Thu", phone="0222 3866 777", prepared_on=D(2017, 1, 21))
    vals = dict(revenue=167800, exports=4300, imports=6500, budget_paid=5600, employees=610, employees_female=180,
                employees_foreign=2, avg_income=7.1, has_party_org=("Có", True), party_members=14,
                party_members_not_transferred=3, owner_is_party_member=("Không", False), candidates=2,
                has_union=("Có", True), union_founded_on=D(2011, 1, 15), union_members=590,
                has_youth_union=("Có", True), youth_members=130)
    relabel = {
        "revenue": "Doanh thu", "exports": "Giá trị xuất khẩu", "imports": "Giá trị nhập khẩu",
        "budget_paid": "Các khoản nộp ngân sách nhà nước", "employees": "Tổng số lao động",
        "employees_female": "Lao động nữ", "employees_foreign": "Lao động nước ngoài",
        "avg_income": "Thu nhập bình quân/người/tháng", "has_party_org": "Có tổ chức đảng (chi bộ/đảng bộ)",
        "party_members": "Số đảng viên", "party_members_not_transferred": "Số đảng viên chưa chuyển sinh hoạt về Đảng bộ KCN",
        "owner_is_party_member": "Chủ doanh nghiệp là đảng viên", "candidates": "Số quần chúng ưu tú",
        "has_union": "Đã thành lập công đoàn cơ sở", "union_founded_on": "Ngày thành lập công đoàn",
        "union_members": "Số đoàn viên công đoàn", "has_youth_union": "Có tổ chức Đoàn thanh niên",
        "youth_members": "Số đoàn viên thanh niên"}
    sh = Sheet("Sheet1")
    r = header_block(sh, ident["name"], width=5, title_tail=" NĂM 2016")
    for lab, k in [("Tên doanh nghiệp:", "name"), ("Mã số thuế:", "tax_code"), ("Khu công nghiệp:", "zone"),
                   ("Loại hình doanh nghiệp:", "ownership"), ("Ngành nghề sản xuất, kinh doanh chính:", "industry"),
                   ("Kỳ báo cáo:", "period"), ("Người lập biểu:", "preparer"), ("Điện thoại:", "phone"), ("Ngày lập:", "prepared_on")]:
        sh.put(r, 1, lab)
        sh.put(r, 2, T(ident[k]))
        r += 1
    ind_table(sh, r + 1, 1, [["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"]],
              std_rows(vals, code=lambda k: False, label=lambda k: relabel[k]))
    register("2016/Noi that Hoa Phat BN 2016.xlsx", "openpyxl", [sh],
             ["no code column", "short plain labels ('Doanh thu', 'Số đảng viên', 'Số quần chúng ưu tú', "
              "'Chủ doanh nghiệp là đảng viên', 'Lao động nữ' without 'Trong đó')"], ident, vals)


def g15():
    """Domestic; a 2015 annual return (previous year) still arriving."""
    ident = dict(name="Công ty TNHH Bao bì Toàn Thắng", tax_code=mst("23", 490123), zone=("KCN Quế Võ", "Quế Võ"),
                 ownership=("Doanh nghiệp trong nước", "domestic"), investor_country=None, industry="Sản xuất bao bì PP",
                 period=("Năm 2015", "2015"), preparer="Hoàng Thị Lụa", phone="0222 3617 111", prepared_on=D(2016, 1, 15))
    vals = dict(revenue=54300, exports=1200, imports=2300, budget_paid=1450, employees=240, employees_female=150,
                employees_foreign=0, avg_income=5.7, has_party_org=("Có", True), party_members=4,
                party_members_not_transferred=1, owner_is_party_member=("Có", True), candidates=1,
                has_union=("Có", True), union_founded_on=D(2015, 4, 30), union_members=230,
                has_youth_union=("Không", False), youth_members=0)
    sh, _ = plain_return("BC 2015", ident, vals, title_tail=" NĂM 2015")
    register("2015/Toan Thang BC nam 2015.xlsx", "openpyxl", [sh],
             ["an earlier year's return (Năm 2015)", "union founded within the period"], ident, vals)


def g16():
    """WRONG: a quarterly return 'Quý IV/2016' — not a period the form knows."""
    ident = dict(name="Công ty TNHH Thành Công Bắc Ninh", tax_code=mst("23", 501234), zone=("Yên Phong", "Yên Phong"),
                 ownership=("Doanh nghiệp trong nước", "domestic"), investor_country=None, industry="Sản xuất đồ nhựa",
                 period=("Quý IV/2016", None), preparer="Lê Thị Mơ", phone="0222 3866 222", prepared_on=("05/01/2017", "2017-01-05"))
    vals = dict(revenue=12000, exports=0, imports=800, budget_paid=300, employees=140, employees_female=60,
                employees_foreign=0, avg_income=5.8, has_party_org=("Không", False), party_members=1,
                party_members_not_transferred=0, owner_is_party_member=("Không", False), candidates=0,
                has_union=("Có", True), union_founded_on=("01/10/2014", "2014-10-01"), union_members=120,
                has_youth_union=("Không", False), youth_members=0)
    sh, _ = plain_return("BC", ident, vals, title_tail=" QUÝ IV NĂM 2016")
    register("2016/sai/Thanh Cong - BC quy IV 2016.xlsx", "openpyxl", [sh],
             ["WRONG: period 'Quý IV/2016' (a quarter)"], ident, vals, outcome="rejected", ignore=["period"],
             expect_problem={"field": "period", "cell": "C12", "what": "kỳ báo cáo không đúng (quý)"})


def g17():
    """Not a return: a labour-change report to the labour office, with its own 'Mã số' codes 01-05."""
    sh = Sheet("Lao dong")
    sh["A1"] = "CÔNG TY TNHH SEOUL SEMITECH VINA"
    sh["A2"] = f"Mã số thuế: {mst('23', 1088123)}"
    sh["A3"] = "Địa chỉ: KCN Quế Võ, TP Bắc Ninh"
    sh.merge(5, 1, 5, 6, "BÁO CÁO TÌNH HÌNH THAY ĐỔI VỀ LAO ĐỘNG 6 THÁNG CUỐI NĂM 2016", bold=True)
    sh["A6"] = "Kính gửi: Phòng Lao động - Thương binh và Xã hội"
    sh.row(8, 1, ["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số lượng", "Ghi chú"], bold=True)
    rows = [(1, "Tổng số lao động đầu kỳ", "01", "người", 1420), (2, "Số lao động tăng trong kỳ", "02", "người", 410),
            (3, "Số lao động giảm trong kỳ", "03", "người", 180), (4, "Tổng số lao động cuối kỳ", "04", "người", 1650),
            (None, "Trong đó: Lao động nữ", "05", "người", 1230), (None, "Lao động nước ngoài", "06", "người", 14),
            (5, "Số lao động tham gia BHXH", "07", "người", 1600)]
    for i, row in enumerate(rows):
        sh.row(9 + i, 1, list(row))
    sh.border(8, 1, 8 + len(rows), 6)
    register("khac/Seoul Semitech - bao cao thay doi lao dong 6T cuoi 2016.xlsx", "openpyxl", [sh],
             ["NOT A RETURN: labour-change report ('STT | Chỉ tiêu | Mã số | Đơn vị tính | Số lượng', codes 01–07)"],
             outcome="not-a-return")



def g18():
    """Domestic JSC; ownership written 'Công ty cổ phần (100% vốn Việt Nam)'; otherwise a plain return."""
    ident = dict(name="Công ty Cổ phần Xây lắp Điện Kinh Bắc", tax_code=mst("23", 512345), zone=("KCN Quế Võ", "Quế Võ"),
                 ownership=("Công ty cổ phần (100% vốn Việt Nam)", "domestic"), investor_country=None,
                 industry="Xây lắp đường dây và trạm điện", period=("Năm 2016", "2016"), preparer="Vi Thị Hằng",
                 phone="0222 3617 246", prepared_on=("12/01/2017", "2017-01-12"))
    vals = dict(revenue=98700, exports=0, imports=1200, budget_paid=3450, employees=310, employees_female=45,
                employees_foreign=0, avg_income=8.1, has_party_org=("Có", True), party_members=17,
                party_members_not_transferred=2, owner_is_party_member=("Có", True), candidates=2,
                has_union=("Có", True), union_founded_on=("03/02/2009", "2009-02-03"), union_members=300,
                has_youth_union=("Có", True), youth_members=60)
    sh, _ = plain_return("BC", ident, vals)
    register("2016/Xay lap Dien Kinh Bac 2016.xlsx", "openpyxl", [sh],
             ["ownership 'Công ty cổ phần (100% vốn Việt Nam)' (domestic, but says '100% vốn')"], ident, vals)


BUILDERS = [f01, f02, f03, f04, f05, f06, f07, f08, f09, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20,
            f21, f22, f23, f24, f25, f26, f27, f28, f29, f30, f31, f32, f33, f34,
            w01, w02, w03, w04, w05, w06, w07, w08, n01, n02, n03, n04,
            g01, g02, g03, g04, g05, g06, g07, g08, g09, g10, g11, g12, g13, g14, g15, g16, g17, g18]


def records() -> list[dict]:
    """What every accountant typed (sheets in memory) and what a careful human reads."""
    if not CORPUS:
        for builder in BUILDERS:
            builder()
        names = [rec["file"] for rec in CORPUS]
        assert len(names) == len(set(names))
        tax = [r["values"]["tax_code"] for r in CORPUS if "values" in r]
        assert len(tax) == len(set(tax)), "duplicate tax codes would make resubmissions"
    return CORPUS


def build(folder: Path) -> list[dict]:
    """Write every return under `folder`; the records, without their sheets."""
    written = []
    for rec in records():
        path = folder / rec["file"]
        path.parent.mkdir(parents=True, exist_ok=True)
        WRITERS[rec["writer"]](path, rec["_sheets"])
        written.append({k: v for k, v in rec.items() if k != "_sheets"})
    return written
