"""A deterministic sample workspace: the Sổ theo dõi and the enterprise returns of Bắc Giang's
six industrial zones, 2014–2016, from which the two-year report reproduces every figure of the
published 2016 article (`seed/article.txt`).

All enterprises, people, tax codes and numbers are fictional. `make_sample(inputs, seed)` writes:

- ``So_theo_doi_2016.xlsx`` — the office's workbook (`blank_ledger.write_blank_ledger`);
- ``2015-nam/`` — returns for "Năm 2015" (so outlier checks have a previous period);
- ``2016-6thang/email/`` and ``2016-6thang/zalo/`` — returns for "6 tháng đầu năm 2016", filled
  into the blank form with openpyxl in the styles enterprises really use (numbers as text
  "1.234" / "1.234 người", yes/no as "x", "Co", "khong", 1/0, dates as text and as date cells,
  zones without diacritics or with "KCN", one name in NFD, one typed in TCVN3), under file
  names with spaces and diacritics;
- problem files that must not change any figure: an older version of one return (superseded),
  a return with a malformed tax code and "nhiều" employees from an enterprise outside the list
  (rejected), an Excel lock file, a PDF and a CSV (skipped);
- ``.sample`` — the list of the files written, so `clear_sample` removes exactly those.

`seed` only varies incidental values (revenue, exports, female workers, phone numbers…); every
figure below holds for any seed.

The two-year report: baseline 30/06/2014 (settings: 4 cells, 35 members) → as-of 26/11/2016,
with the returns of period "6 tháng đầu năm 2016" (the latest period whose snapshot date
30/06/2016 is not after the as-of date). Definitions and the figures they give:

- party cells and members at a date (`membership`): each cell of sheet "Chi bộ" founded on or
  before the date and not dissolved by it, with its "Số đảng viên" (its count at the workbook's
  date) rolled back by the movements it logged after the date. The log starts on 25/08/2014,
  after the baseline, so on 30/06/2014 the settings' baseline (4 cells, 35 members) is used;
  the workbook agrees (4 cells founded by then; their counts rolled back are their shares of the
  35, `BASELINE_SHARES`). At the end 9 cells, 150 members: 4 → 9 ("tăng 5 chi bộ"),
  35 + 122 − 7 = 150 ("tăng 115").
- party.cells_in_fdi: cells at the end whose "Mã số thuế DN" is an FDI enterprise of sheet
  "Doanh nghiệp": 1.
- party.members_in_fdi: Σ Mã số 10 over accepted FDI returns of the period: 35.
- party.domestic_owner_members: accepted domestic returns with Mã số 12 = Có: 10.
- outreach.enterprises_approached: distinct tax codes of "Hoạt động" rows of type "Tiếp cận,
  tuyên truyền doanh nghiệp" dated after the baseline up to the end: 40, of which FDI (by sheet
  "Doanh nghiệp") 20. One earlier visit (05/2014) is outside the period and not counted.
- members mobilised to transfer: Σ "Số người" of "Vận động chuyển sinh hoạt đảng" rows in the
  period: 10.
- training: "Lớp bồi dưỡng nhận thức về Đảng" rows in the period: 4 classes, 215 attendees
  ("hơn 200"), of whom 80 from FDI enterprises.
- unions.founded: accepted returns of the period whose Mã số 15 is after the baseline and not
  after the period's end: 34; unions.total (Mã số 14 = Có): 47; unions.members (Σ Mã số 16):
  21.350 ("trên 21 nghìn").
- enterprises.expected: sheet "Doanh nghiệp" rows started on/before the period's end and not
  stopped before its start: 60 of 62 (one stopped in 11/2015, one starts in 09/2016);
  enterprises.reported: distinct tax codes with an accepted return for the period: 56. The 4
  missing include one that stopped on 30/04/2016 (active during the period, so expected).
- targets (sheet "Chỉ tiêu"): 2017 as in the article (1–2 classes, 2 new cells of which 1 in
  FDI, 50 admissions, 30 % from FDI, 10 new unions, 10.000 new union members) and 2016 for the
  annual report's achieved/target table. Admissions in 2016: 40.
- outlier: Fuhong Precision's employees go from 3.200 (Năm 2015) to 5.600 (30/06/2016).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl

from kcn_reports import legacy_fonts, vnformat
from kcn_reports.blank_form import TEMPLATE_SHEET, input_cells, write_blank_form
from kcn_reports.blank_ledger import write_blank_ledger
from kcn_reports.formdef import (
    OWNERSHIP_LABELS,
    PERIOD_HALF,
    PERIOD_YEAR,
    Period,
)
from kcn_reports.ledgerdef import (
    ACTIVITY_TYPES,
    CELL_TYPES,
    MOVEMENT_INCREASES,
    MOVEMENT_TYPES,
    SHEETS_BY_KEY,
    TARGETS,
)
from kcn_reports.settings import load_settings
from kcn_reports.textnorm import strip_accents

SAMPLE_MARKER = ".sample"
LEDGER_FILE = "So_theo_doi_2016.xlsx"
LEDGER_DATE = dt.date(2016, 11, 25)  # last update of the workbook
BASELINE = dt.date(2014, 6, 30)
PERIOD_2016 = Period(PERIOD_HALF, 2016)
PERIOD_2015 = Period(PERIOD_YEAR, 2015)
DIR_2015 = "2015-nam"
DIR_EMAIL = "2016-6thang/email"
DIR_ZALO = "2016-6thang/zalo"

D = dt.date
FDI, DOM = "fdi", "domestic"
KR, JP, CN, TW = "Hàn Quốc", "Nhật Bản", "Trung Quốc", "Đài Loan (Trung Quốc)"
Z_DT, Z_QC, Z_SK, Z_VT, Z_HP, Z_VH = (
    "Đình Trám", "Quang Châu", "Song Khê – Nội Hoàng", "Vân Trung", "Hòa Phú", "Việt Hàn")


@dataclass(frozen=True)
class SampleEnterprise:
    """One enterprise of sheet "Doanh nghiệp" and what its returns say.

    Stock figures are at 30/06/2016; `party_members` None means "the members of its own party
    cell" (from the movements).
    """

    key: str
    name: str
    zone: str
    ownership: str
    country: str | None
    industry: str
    started: dt.date
    employees: int
    party_members: int | None
    owner_member: bool = False
    union_on: dt.date | None = None
    union_members: int = 0
    stopped: dt.date | None = None
    reports_2016: bool = True
    reports_2015: bool = True
    employees_2015: int | None = None  # None: derived from `employees`

    @property
    def short(self) -> str:
        for prefix in ("Công ty TNHH ", "Công ty Cổ phần "):
            if self.name.startswith(prefix):
                return self.name[len(prefix):]
        return self.name


E = SampleEnterprise
ENTERPRISES: tuple[SampleEnterprise, ...] = (
    # Đình Trám
    E("DT01", "Công ty TNHH Fuhong Precision Bắc Giang", Z_DT, FDI, TW,
      "Sản xuất linh kiện điện tử chính xác", D(2013, 4, 10), 5600, 3, False,
      D(2013, 9, 12), 2480, employees_2015=3200),
    E("DT02", "Công ty TNHH Điện tử Việt Hưng", Z_DT, DOM, None,
      "Lắp ráp linh kiện điện tử", D(2012, 3, 1), 420, None, True, D(2013, 5, 10), 360),
    E("DT03", "Công ty TNHH Hanvit Electronics Bắc Giang", Z_DT, FDI, KR,
      "Sản xuất bảng mạch in điện tử", D(2014, 2, 15), 2350, None, False, D(2014, 11, 25), 1300),
    E("DT04", "Công ty Cổ phần Xây dựng hạ tầng Đình Trám", Z_DT, DOM, None,
      "Xây dựng, kinh doanh hạ tầng khu công nghiệp", D(2005, 6, 1), 210, None, True,
      D(2006, 3, 15), 190),
    E("DT05", "Công ty TNHH Kotobuki Seimitsu Việt Nam", Z_DT, FDI, JP,
      "Sản xuất linh kiện cơ khí chính xác", D(2011, 8, 20), 860, 2, False, D(2012, 5, 10), 640),
    E("DT06", "Công ty TNHH Mirae Cable Bắc Giang", Z_DT, FDI, KR,
      "Sản xuất dây và cáp điện", D(2014, 9, 1), 1250, 1, False, D(2015, 3, 5), 820),
    E("DT07", "Công ty TNHH Khoa học kỹ thuật Tân Hoa (Việt Nam)", Z_DT, FDI, CN,
      "Sản xuất linh kiện điện thoại di động", D(2015, 1, 20), 1800, 1, False,
      D(2015, 8, 18), 800),
    E("DT08", "Công ty TNHH Nhựa Tân Tiến", Z_DT, DOM, None,
      "Sản xuất bao bì nhựa", D(2010, 5, 12), 150, 3, False, D(2015, 4, 22), 110),
    E("DT09", "Công ty TNHH Hwaseong Parts Vina", Z_DT, FDI, KR,
      "Sản xuất phụ tùng ô tô, xe máy", D(2015, 6, 1), 640, 1, False, D(2016, 1, 15), 380),
    E("DT10", "Công ty TNHH Asahi Wire Bắc Giang", Z_DT, FDI, JP,
      "Sản xuất dây điện ô tô", D(2013, 11, 11), 980, 1, False, D(2015, 10, 8), 620),
    E("DT11", "Công ty TNHH Cơ khí Minh Tâm", Z_DT, DOM, None,
      "Gia công cơ khí", D(2011, 2, 14), 95, 0),
    E("DT12", "Công ty TNHH Giày Thiên Ích Việt Nam", Z_DT, FDI, TW,
      "Sản xuất giày dép xuất khẩu", D(2014, 7, 15), 2900, 1, False, D(2015, 1, 12), 1200),
    E("DT13", "Công ty TNHH Vật liệu mới Hằng Thông Việt Nam", Z_DT, FDI, CN,
      "Sản xuất vật liệu nhựa kỹ thuật", D(2016, 2, 1), 230, 0, False, D(2016, 5, 20), 120),
    E("DT14", "Công ty TNHH Bao bì Thành Công", Z_DT, DOM, None,
      "Sản xuất bao bì carton", D(2009, 9, 9), 180, 4, True, D(2012, 11, 20), 150),
    # Quang Châu
    E("QC01", "Công ty Cổ phần Thực phẩm Quang Châu", Z_QC, DOM, None,
      "Chế biến thực phẩm", D(2013, 5, 20), 340, None, True, D(2014, 3, 10), 290),
    E("QC02", "Công ty TNHH Hongda Electronics Việt Nam", Z_QC, FDI, TW,
      "Sản xuất linh kiện điện tử", D(2014, 10, 1), 1600, 2, False, D(2015, 5, 5), 700),
    E("QC03", "Công ty TNHH Minato Denshi Việt Nam", Z_QC, FDI, JP,
      "Sản xuất linh kiện điện tử", D(2015, 3, 15), 720, 1, False, D(2015, 11, 20), 400),
    E("QC04", "Công ty TNHH Jinwoo Precision Vina", Z_QC, FDI, KR,
      "Sản xuất khuôn mẫu chính xác", D(2014, 12, 10), 430, 1, False, D(2015, 7, 7), 260),
    E("QC05", "Công ty TNHH May mặc Shinsung Vina", Z_QC, FDI, KR,
      "May mặc xuất khẩu", D(2015, 2, 1), 1400, 0, False, D(2015, 9, 9), 500),
    E("QC06", "Công ty TNHH Daeil Electronics Vina", Z_QC, FDI, KR,
      "Sản xuất linh kiện điện tử", D(2015, 10, 1), 380, 0, reports_2016=False),
    E("QC07", "Công ty TNHH Cơ điện tử Tianli Việt Nam", Z_QC, FDI, CN,
      "Sản xuất động cơ điện cỡ nhỏ", D(2015, 4, 1), 900, 1, False, D(2015, 12, 10), 450),
    E("QC08", "Công ty Cổ phần Dược phẩm Bắc Hà", Z_QC, DOM, None,
      "Sản xuất dược phẩm", D(2012, 6, 18), 260, 6, True, D(2013, 4, 4), 230),
    E("QC09", "Công ty TNHH Kỹ thuật Ohara Việt Nam", Z_QC, FDI, JP,
      "Sản xuất linh kiện quang học", D(2016, 1, 10), 310, 0, False, D(2016, 6, 10), 150),
    E("QC10", "Công ty TNHH Sản xuất và Thương mại Phú Lâm", Z_QC, DOM, None,
      "Sản xuất đồ gỗ", D(2011, 7, 1), 120, 2),
    E("QC11", "Công ty TNHH Chính xác Đông Hưng (Việt Nam)", Z_QC, FDI, TW,
      "Sản xuất linh kiện kim loại", D(2014, 8, 20), 1100, 0, False, D(2015, 2, 26), 600),
    E("QC12", "Công ty TNHH Sơn Hà Bắc Giang", Z_QC, DOM, None,
      "Sản xuất vật liệu xây dựng", D(2010, 10, 10), 130, 3, False, D(2012, 4, 20), 100),
    E("QC13", "Công ty TNHH Haesung Tech Vina", Z_QC, FDI, KR,
      "Sản xuất linh kiện nhựa", D(2015, 11, 1), 520, 0, False, D(2016, 3, 18), 260),
    # Song Khê – Nội Hoàng
    E("SK01", "Công ty Cổ phần May xuất khẩu Hà Phong", Z_SK, DOM, None,
      "May mặc xuất khẩu", D(2008, 4, 1), 1500, None, True, D(2009, 3, 1), 1000),
    E("SK02", "Công ty Cổ phần Xây dựng và Thương mại Hoàng Long", Z_SK, DOM, None,
      "Xây dựng, sản xuất vật liệu xây dựng", D(2009, 11, 20), 230, None, True,
      D(2011, 5, 15), 200),
    E("SK03", "Công ty TNHH Dệt kim Hoa Thịnh Việt Nam", Z_SK, FDI, CN,
      "Dệt kim", D(2014, 9, 15), 2100, 3, False, D(2015, 4, 1), 800),
    E("SK04", "Công ty TNHH Nakamura Seiki Việt Nam", Z_SK, FDI, JP,
      "Gia công cơ khí chính xác", D(2014, 11, 5), 540, 0, False, D(2015, 6, 15), 300),
    E("SK05", "Công ty TNHH Sungwoo Textile Vina", Z_SK, FDI, KR,
      "May mặc xuất khẩu", D(2015, 3, 1), 1300, 0, False, D(2015, 10, 20), 450),
    E("SK06", "Công ty TNHH Thép Nam Sơn", Z_SK, DOM, None,
      "Gia công thép", D(2012, 2, 2), 160, 2, True, D(2013, 8, 15), 130),
    E("SK07", "Công ty TNHH Điện tử Vĩnh Lợi (Việt Nam)", Z_SK, FDI, TW,
      "Sản xuất linh kiện điện tử", D(2015, 5, 10), 760, 0, False, D(2016, 2, 25), 350),
    E("SK08", "Công ty TNHH Nội thất Hưng Phát", Z_SK, DOM, None,
      "Sản xuất đồ gỗ nội thất", D(2013, 3, 3), 180, 1, reports_2015=False),
    E("SK09", "Công ty TNHH Shinwa Plastics Việt Nam", Z_SK, FDI, JP,
      "Sản xuất linh kiện nhựa", D(2013, 8, 8), 450, 0, False, D(2014, 5, 5), 330),
    E("SK10", "Công ty TNHH Thực phẩm Xanh Bắc Giang", Z_SK, DOM, None,
      "Chế biến nông sản", D(2014, 6, 1), 140, 2, False, D(2015, 9, 10), 100),
    E("SK11", "Công ty TNHH Công nghệ Kim Thành (Việt Nam)", Z_SK, FDI, CN,
      "Sản xuất linh kiện kim loại", D(2015, 7, 1), 680, 1, False, D(2016, 4, 12), 300),
    E("SK12", "Công ty Cổ phần Bê tông Phú Sơn", Z_SK, DOM, None,
      "Sản xuất bê tông đúc sẵn", D(2010, 1, 15), 90, 1),
    E("SK13", "Công ty TNHH Ilshin Precision Vina", Z_SK, FDI, KR,
      "Sản xuất linh kiện cơ khí", D(2015, 12, 1), 350, 0),
    # Vân Trung
    E("VT01", "Công ty TNHH Dệt may Hoa Lợi Bắc Giang", Z_VT, FDI, CN,
      "Dệt may", D(2013, 6, 1), 1200, 0, False, D(2014, 4, 10), 600,
      stopped=D(2016, 4, 30), reports_2016=False),
    E("VT02", "Công ty TNHH Quang học Cảnh Thái (Việt Nam)", Z_VT, FDI, TW,
      "Sản xuất màn hình cảm ứng", D(2013, 2, 1), 3800, 1, False, D(2013, 10, 1), 1100),
    E("VT03", "Công ty TNHH Hanil Electronics Vina", Z_VT, FDI, KR,
      "Sản xuất linh kiện điện tử", D(2014, 9, 20), 1150, 1, False, D(2015, 3, 20), 450),
    E("VT04", "Công ty TNHH Thiết bị điện Tân Phát", Z_VT, DOM, None,
      "Sản xuất thiết bị điện", D(2012, 9, 1), 200, 2, True, D(2015, 5, 28), 160),
    E("VT05", "Công ty TNHH Tohoku Seimitsu Việt Nam", Z_VT, FDI, JP,
      "Sản xuất linh kiện chính xác", D(2014, 12, 1), 480, 0, False, D(2015, 8, 5), 220),
    E("VT06", "Công ty TNHH Kỹ thuật điện Long Hưng (Việt Nam)", Z_VT, FDI, CN,
      "Sản xuất thiết bị điện", D(2015, 2, 15), 1000, 0, False, D(2015, 11, 11), 400),
    E("VT07", "Công ty TNHH Dệt may Đại Dương", Z_VT, DOM, None,
      "May mặc", D(2013, 4, 15), 600, 1, False, D(2014, 11, 10), 420),
    E("VT08", "Công ty TNHH Bo mạch Chính Phong (Việt Nam)", Z_VT, FDI, TW,
      "Sản xuất bảng mạch điện tử", D(2016, 3, 1), 420, 0),
    E("VT09", "Công ty TNHH Woosung Precision Vina", Z_VT, FDI, KR,
      "Sản xuất linh kiện cơ khí", D(2015, 8, 1), 390, 0, False, D(2016, 1, 28), 150),
    # Hòa Phú
    E("HP01", "Công ty TNHH Sakura Seimitsu Việt Nam", Z_HP, FDI, JP,
      "Sản xuất linh kiện chính xác", D(2016, 1, 15), 150, 0, reports_2016=False),
    E("HP02", "Công ty TNHH Hyosan Electronics Vina", Z_HP, FDI, KR,
      "Sản xuất linh kiện điện tử", D(2015, 6, 15), 820, 0, False, D(2016, 2, 2), 300),
    E("HP03", "Công ty Cổ phần Nông sản Hòa Phú", Z_HP, DOM, None,
      "Chế biến nông sản", D(2014, 3, 1), 110, 2, True, D(2015, 7, 20), 80),
    E("HP04", "Công ty TNHH Khoa học kỹ thuật Hoa Cường (Việt Nam)", Z_HP, FDI, CN,
      "Sản xuất linh kiện điện tử", D(2015, 9, 1), 650, 1, False, D(2016, 5, 5), 250),
    E("HP05", "Công ty TNHH Cơ khí chính xác Đài Hoa (Việt Nam)", Z_HP, FDI, TW,
      "Gia công cơ khí chính xác", D(2014, 10, 15), 380, 0, False, D(2015, 6, 1), 180),
    E("HP06", "Công ty TNHH Vật tư Nông nghiệp Phú Thành", Z_HP, DOM, None,
      "Sản xuất phân bón", D(2012, 12, 12), 75, 0, reports_2015=False),
    # Việt Hàn
    E("VH01", "Công ty TNHH Daejin Tech Vina", Z_VH, FDI, KR,
      "Sản xuất linh kiện điện tử", D(2015, 4, 20), 930, 0, False, D(2015, 12, 22), 350),
    E("VH02", "Công ty TNHH Cơ khí Việt Hàn", Z_VH, DOM, None,
      "Gia công cơ khí", D(2014, 5, 5), 120, 0, reports_2016=False),
    E("VH03", "Công ty TNHH Gyeongin Vina", Z_VH, FDI, KR,
      "Sản xuất linh kiện nhựa", D(2015, 1, 10), 560, 0, False, D(2015, 9, 25), 220),
    E("VH04", "Công ty TNHH Xây dựng Trường Sơn Bắc Giang", Z_VH, DOM, None,
      "Xây dựng công nghiệp", D(2011, 3, 1), 140, 1),
    E("VH05", "Công ty TNHH Kỹ thuật Ryoko Việt Nam", Z_VH, FDI, JP,
      "Sản xuất linh kiện cơ khí", D(2016, 4, 1), 180, 0),
    # Not active in the first half of 2016: not expected to report for it.
    E("XX01", "Công ty TNHH Gạch men Tân Yên", Z_VT, DOM, None,
      "Sản xuất gạch men", D(2010, 5, 1), 90, 0, stopped=D(2015, 11, 30),
      reports_2016=False, reports_2015=False),
    E("XX02", "Công ty TNHH Công nghệ Vĩnh Thịnh (Việt Nam)", Z_QC, FDI, CN,
      "Sản xuất linh kiện điện tử", D(2016, 9, 1), 0, 0, reports_2016=False,
      reports_2015=False),
)
BY_KEY = {e.key: e for e in ENTERPRISES}


def tax_code(key: str) -> str:
    """A fictional 10-digit tax code in Bắc Giang's range (starting "24"), fixed per enterprise."""
    index = next(i for i, e in enumerate(ENTERPRISES) if e.key == key)
    return f"240{(index * 7_368_787 + 4_182_093) % 10**7:07d}"


@dataclass(frozen=True)
class SampleCell:
    key: str
    name: str
    type: str  # CELL_TYPES key
    enterprise: str | None  # SampleEnterprise.key of the enterprise the cell is in
    founded: dt.date


CELLS: tuple[SampleCell, ...] = (
    SampleCell("coquan", "Chi bộ Cơ quan Ban Quản lý các Khu công nghiệp", "agency", None,
               D(2003, 7, 15)),
    SampleCell("hatang", "Chi bộ Công ty Cổ phần Xây dựng hạ tầng Đình Trám", "enterprise",
               "DT04", D(2009, 4, 15)),
    SampleCell("cacdn", "Chi bộ Các doanh nghiệp Khu công nghiệp", "joint", None,
               D(2012, 8, 10)),
    SampleCell("hoanglong", "Chi bộ Công ty Cổ phần Xây dựng và Thương mại Hoàng Long",
               "enterprise", "SK02", D(2013, 10, 5)),
    SampleCell("haphong", "Chi bộ Công ty Cổ phần May xuất khẩu Hà Phong", "enterprise", "SK01",
               D(2014, 12, 18)),
    SampleCell("thucpham", "Chi bộ Công ty Cổ phần Thực phẩm Quang Châu", "enterprise", "QC01",
               D(2015, 6, 12)),
    SampleCell("songkhe", "Chi bộ Các doanh nghiệp Khu công nghiệp Song Khê – Nội Hoàng", "joint",
               None, D(2015, 9, 8)),
    SampleCell("hanvit", "Chi bộ Công ty TNHH Hanvit Electronics Bắc Giang", "enterprise", "DT03",
               D(2016, 3, 25)),
    SampleCell("viethung", "Chi bộ Công ty TNHH Điện tử Việt Hưng", "enterprise", "DT02",
               D(2016, 5, 19)),
)
CELLS_BY_KEY = {c.key: c for c in CELLS}

# Members of each cell at the baseline (30/06/2014); they add up to the settings' 35.
BASELINE_SHARES = {"coquan": 14, "hatang": 9, "cacdn": 7, "hoanglong": 5}

ADMIT, IN, RESTORE = "admitted", "transferred_in", "restored"
DIED, OUT = "died", "transferred_out"

# (date, cell, MOVEMENT_TYPES key, count, enterprise key or None, note)
MOVEMENTS: tuple[tuple[dt.date, str, str, int, str | None, str], ...] = (
    (D(2014, 8, 25), "cacdn", IN, 4, "DT01", "Đảng viên được vận động chuyển sinh hoạt về chi bộ"),
    (D(2014, 9, 15), "coquan", IN, 2, None, "Cán bộ mới điều động về Ban Quản lý"),
    (D(2014, 11, 20), "hatang", ADMIT, 3, None, ""),
    (D(2014, 12, 18), "haphong", IN, 3, None, "Thành lập chi bộ"),
    (D(2015, 1, 15), "cacdn", ADMIT, 3, "DT12", ""),
    (D(2015, 2, 3), "hoanglong", ADMIT, 2, None, ""),
    (D(2015, 3, 20), "coquan", OUT, 1, None, "Nghỉ hưu, chuyển sinh hoạt về nơi cư trú"),
    (D(2015, 5, 19), "hatang", ADMIT, 4, None, ""),
    (D(2015, 5, 19), "haphong", ADMIT, 3, None, ""),
    (D(2015, 6, 12), "thucpham", IN, 4, None, "Thành lập chi bộ"),
    (D(2015, 7, 1), "cacdn", IN, 3, "QC02", "Đảng viên được vận động chuyển sinh hoạt về chi bộ"),
    (D(2015, 8, 10), "coquan", ADMIT, 2, None, ""),
    (D(2015, 9, 2), "hoanglong", ADMIT, 2, None, ""),
    (D(2015, 9, 8), "songkhe", IN, 6, None, "Thành lập chi bộ"),
    (D(2015, 10, 10), "haphong", IN, 2, None, ""),
    (D(2015, 11, 7), "cacdn", ADMIT, 4, "DT08", ""),
    (D(2015, 12, 3), "hatang", OUT, 1, None, "Chuyển công tác"),
    (D(2015, 12, 15), "songkhe", ADMIT, 4, "SK03", ""),
    (D(2015, 12, 22), "thucpham", ADMIT, 3, None, ""),
    (D(2016, 1, 12), "coquan", IN, 1, None, ""),
    (D(2016, 2, 3), "cacdn", ADMIT, 3, "DT06", ""),
    (D(2016, 2, 3), "haphong", ADMIT, 4, None, ""),
    (D(2016, 2, 3), "songkhe", IN, 3, "SK10", ""),
    (D(2016, 3, 15), "cacdn", IN, 3, "DT07", "Đảng viên được vận động chuyển sinh hoạt về chi bộ"),
    (D(2016, 3, 25), "hanvit", IN, 5, None, "Thành lập chi bộ"),
    (D(2016, 3, 26), "hoanglong", ADMIT, 2, None, ""),
    (D(2016, 4, 22), "coquan", ADMIT, 1, None, ""),
    (D(2016, 4, 28), "thucpham", ADMIT, 2, None, ""),
    (D(2016, 5, 19), "hatang", ADMIT, 3, None, ""),
    (D(2016, 5, 19), "hanvit", ADMIT, 5, None, ""),
    (D(2016, 5, 19), "songkhe", ADMIT, 6, "SK05", ""),
    (D(2016, 5, 19), "viethung", IN, 4, None, "Thành lập chi bộ"),
    (D(2016, 6, 15), "hoanglong", IN, 2, None, ""),
    (D(2016, 6, 20), "songkhe", IN, 3, "SK11", ""),
    (D(2016, 6, 25), "viethung", ADMIT, 3, None, ""),
    (D(2016, 6, 28), "hanvit", IN, 3, None, ""),
    (D(2016, 7, 10), "cacdn", OUT, 1, "DT12", "Chuyển về sinh hoạt tại địa phương"),
    (D(2016, 8, 18), "hoanglong", OUT, 1, None, "Chuyển công tác"),
    (D(2016, 8, 25), "songkhe", OUT, 1, "SK03", "Nghỉ việc, chuyển về nơi cư trú"),
    (D(2016, 9, 2), "hatang", ADMIT, 2, None, ""),
    (D(2016, 9, 2), "viethung", ADMIT, 4, None, ""),
    (D(2016, 9, 15), "thucpham", DIED, 1, None, ""),
    (D(2016, 10, 5), "coquan", DIED, 1, None, ""),
    (D(2016, 10, 20), "cacdn", RESTORE, 1, "QC08", ""),
    (D(2016, 10, 28), "thucpham", ADMIT, 3, None, ""),
    (D(2016, 11, 7), "haphong", ADMIT, 2, None, ""),
    (D(2016, 11, 10), "viethung", IN, 3, None, ""),
)

TRAINING, OUTREACH, MOBILISE, CULTURE, OTHER = (
    "training", "outreach", "mobilise_transfer", "culture", "other")
AN_OUTREACH_BEFORE_BASELINE = (D(2014, 5, 20), "HP06")

# Outreach visits (date, enterprise): 40 distinct enterprises after the baseline, 20 of them FDI,
# some visited again; the first visit below precedes the baseline and is not counted.
OUTREACH_VISITS: tuple[tuple[dt.date, str], ...] = (
    AN_OUTREACH_BEFORE_BASELINE,
    (D(2014, 7, 8), "DT01"), (D(2014, 7, 22), "DT04"), (D(2014, 8, 12), "SK01"),
    (D(2014, 9, 9), "SK02"), (D(2014, 10, 7), "DT03"), (D(2014, 10, 21), "QC01"),
    (D(2014, 11, 11), "DT12"), (D(2014, 12, 2), "VT02"), (D(2015, 1, 13), "DT02"),
    (D(2015, 3, 10), "QC01"), (D(2015, 3, 17), "QC02"), (D(2015, 4, 14), "DT01"),
    (D(2015, 4, 21), "SK03"), (D(2015, 5, 12), "DT06"), (D(2015, 6, 9), "QC08"),
    (D(2015, 6, 23), "DT05"), (D(2015, 7, 14), "VT03"), (D(2015, 8, 4), "DT14"),
    (D(2015, 8, 20), "DT03"), (D(2015, 9, 15), "QC04"), (D(2015, 9, 29), "SK06"),
    (D(2015, 10, 13), "DT07"), (D(2015, 10, 27), "SK04"), (D(2015, 11, 10), "VT04"),
    (D(2015, 11, 24), "DT10"), (D(2015, 12, 8), "QC12"), (D(2016, 1, 12), "VT06"),
    (D(2016, 1, 19), "DT03"), (D(2016, 1, 26), "SK10"), (D(2016, 2, 23), "DT02"),
    (D(2016, 3, 1), "QC03"), (D(2016, 3, 8), "DT08"), (D(2016, 3, 22), "SK07"),
    (D(2016, 3, 29), "VT07"), (D(2016, 4, 5), "HP02"), (D(2016, 4, 12), "DT11"),
    (D(2016, 4, 19), "QC07"), (D(2016, 4, 26), "HP03"), (D(2016, 5, 10), "HP04"),
    (D(2016, 5, 17), "QC10"), (D(2016, 5, 24), "SK08"), (D(2016, 5, 31), "VH01"),
    (D(2016, 6, 7), "SK12"), (D(2016, 6, 14), "VH02"), (D(2016, 6, 21), "VH04"),
    (D(2016, 7, 21), "SK03"), (D(2016, 8, 9), "DT01"), (D(2016, 10, 12), "VT02"),
)
_OUTREACH_TITLES = (
    "Làm việc với Ban Giám đốc về thành lập tổ chức đảng",
    "Tuyên truyền chủ trương phát triển đảng viên trong doanh nghiệp",
    "Gặp gỡ chủ doanh nghiệp, công đoàn cơ sở về phát triển tổ chức đảng",
    "Khảo sát tình hình đảng viên, quần chúng ưu tú tại doanh nghiệp",
)

# (date, type, title, enterprise, people, of whom from FDI enterprises, note)
OTHER_ACTIVITIES: tuple[tuple[dt.date, str, str, str | None, int | None, int | None, str], ...] = (
    (D(2014, 7, 25), OTHER, "Thành lập Tổ tuyên truyền vận động phát triển tổ chức đảng và "
     "đảng viên", None, 7, None, "Tổ gồm 7 đồng chí; 2 cán bộ trực tiếp về cơ sở"),
    (D(2014, 8, 15), MOBILISE, "Vận động đảng viên chuyển sinh hoạt đảng về chi bộ Các doanh "
     "nghiệp", "DT01", 4, 4, "Đảng viên đang sinh hoạt tại địa phương"),
    (D(2014, 10, 22), TRAINING, "Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2014", None, 48, 15,
     "Phối hợp Trung tâm Bồi dưỡng chính trị"),
    (D(2015, 3, 22), CULTURE, "Ngày hội thanh niên công nhân năm 2015", None, 1200, 800, ""),
    (D(2015, 5, 12), TRAINING, "Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2015", None, 55, 20,
     "Phối hợp Trung tâm Bồi dưỡng chính trị"),
    (D(2015, 6, 20), MOBILISE, "Vận động đảng viên chuyển sinh hoạt đảng về chi bộ Các doanh "
     "nghiệp", "QC02", 3, 3, ""),
    (D(2015, 9, 26), CULTURE, "Đêm hội Trăng Rằm cho con công nhân lao động", None, 500, 320, ""),
    (D(2015, 10, 14), TRAINING, "Lớp bồi dưỡng nhận thức về Đảng khóa II năm 2015", None, 52, 20,
     "Có cán bộ chủ chốt công đoàn các công ty tham gia"),
    (D(2016, 3, 1), MOBILISE, "Vận động đảng viên chuyển sinh hoạt đảng về chi bộ Các doanh "
     "nghiệp", "DT07", 3, 3, ""),
    (D(2016, 4, 10), CULTURE, "Giải cầu lông công nhân các Khu công nghiệp", None, 120, 70, ""),
    (D(2016, 5, 10), TRAINING, "Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2016", None, 60, 25,
     "Phối hợp Trung tâm Bồi dưỡng chính trị"),
    (D(2016, 5, 29), CULTURE, "Giải bóng đá nữ công nhân các Khu công nghiệp", None, 160, 110, ""),
    (D(2016, 9, 14), CULTURE, "Đêm hội Trăng Rằm cho con công nhân lao động năm 2016", None, 650,
     430, ""),
    (D(2016, 9, 22), OTHER, "Sinh hoạt chuyên đề về tình hình Biển Đông", None, 27, None,
     "Chi bộ Các doanh nghiệp Khu công nghiệp"),
    (D(2016, 10, 15), CULTURE, "Chương trình hát cho công nhân nghe và nghe công nhân hát", None,
     800, 520, ""),
)

TARGET_VALUES: dict[int, dict[str, float]] = {
    2016: {"training_classes_min": 1, "training_classes_max": 2, "new_cells": 2,
           "new_cells_fdi": 1, "admissions": 35, "admissions_fdi_share": 25, "new_unions": 12,
           "new_union_members": 8000},
    2017: {"training_classes_min": 1, "training_classes_max": 2, "new_cells": 2,
           "new_cells_fdi": 1, "admissions": 50, "admissions_fdi_share": 30, "new_unions": 10,
           "new_union_members": 10000},
}

# The problem files.
SUPERSEDED_KEY = "DT05"  # an older version of its 2016 return is in email/, the fix in zalo/
TCVN3_KEY = "DT14"  # typed in the ".VnTime" font
NFD_KEY = "DT08"  # sent from a Mac: name and file name in Unicode NFD
NUMERIC_TAX_CODE_KEY = "QC10"  # tax code typed as a number
INLINE_TAX_CODE_KEY = "SK06"  # "Mã số thuế: 24…" in the label cell
RETYPED_LABEL_KEY = "VT07"  # "Tổng số lao động" instead of the form's label
REJECTED_FILE = f"{DIR_EMAIL}/Bao cao 6 thang - Cong ty An Phat.xlsx"
LOCK_FILE = f"{DIR_EMAIL}/~$bao cao.xlsx"
PDF_FILE = f"{DIR_ZALO}/scan bao cao.pdf"
CSV_FILE = f"{DIR_EMAIL}/danh sach lao dong.csv"

_PREPARERS = (
    "Nguyễn Thị Hoa", "Trần Văn Hùng", "Lê Thị Thu Hà", "Phạm Minh Tuấn", "Hoàng Thị Lan",
    "Vũ Đức Thắng", "Đỗ Thị Hương", "Ngô Văn Nam", "Dương Thị Ngọc Anh", "Bùi Quang Huy",
    "Đặng Thị Mai", "Thân Văn Long", "Giáp Thị Hằng", "Nguyễn Đức Mạnh", "Lương Thị Thảo",
)


# --- Derived figures ------------------------------------------------------------------------

def _is_increase(kind: str) -> bool:
    return kind in MOVEMENT_INCREASES


def cell_members(cell_key: str, on: dt.date) -> int:
    """Members of a cell at a date: baseline share plus its movements after the baseline."""
    total = BASELINE_SHARES.get(cell_key, 0)
    for date, cell, kind, count, _, _ in MOVEMENTS:
        if cell == cell_key and BASELINE < date <= on:
            total += count if _is_increase(kind) else -count
    return total


def _cell_of(enterprise_key: str) -> SampleCell | None:
    return next((c for c in CELLS if c.enterprise == enterprise_key), None)


def _active(e: SampleEnterprise, start: dt.date, end: dt.date) -> bool:
    return e.started <= end and (e.stopped is None or e.stopped >= start)


def _check_design() -> None:
    """The invariants the module docstring promises; a broken table is a bug, said loudly."""
    settings = load_settings(None)
    zones = {z.name for z in settings.zones}
    assert {e.zone for e in ENTERPRISES} == zones, "every zone must have enterprises"
    assert sum(BASELINE_SHARES.values()) == settings.baseline.party_members
    assert sum(c.founded <= BASELINE for c in CELLS) == settings.baseline.party_cells
    assert set(BASELINE_SHARES) == {c.key for c in CELLS if c.founded <= BASELINE}
    for date, cell, kind, _, ent, _ in MOVEMENTS:
        assert kind in MOVEMENT_TYPES and date >= CELLS_BY_KEY[cell].founded, (date, cell)
        assert ent is None or ent in BY_KEY
    assert sum(cell_members(c.key, LEDGER_DATE) for c in CELLS) == 150
    assert all(cell_members(c.key, d) >= 0 for c in CELLS for d, *_ in MOVEMENTS)
    for e in ENTERPRISES:
        assert e.union_on is None or e.union_on >= e.started, e.key
        assert e.union_members <= e.employees, e.key
        assert (e.party_members is None) == (_cell_of(e.key) is not None), e.key
    start, end = dt.date(2016, 1, 1), dt.date(2016, 6, 30)
    expected = [e for e in ENTERPRISES if _active(e, start, end)]
    reporting = [e for e in expected if e.reports_2016]
    assert (len(expected), len(reporting)) == (60, 56)
    assert all(e.reports_2016 is False for e in ENTERPRISES if e not in expected)
    fdi = [e for e in reporting if e.ownership == FDI]
    assert sum(_party_members(e, end) for e in fdi) == 35
    assert sum(e.owner_member for e in reporting if e.ownership == DOM) == 10
    assert sum(e.union_on is not None and BASELINE < e.union_on <= end for e in reporting) == 34
    assert sum(e.union_members for e in reporting if e.union_on) == 21_350
    visits = {k for d, k in OUTREACH_VISITS if d > BASELINE}
    assert len(visits) == 40 and sum(BY_KEY[k].ownership == FDI for k in visits) == 20


def _party_members(e: SampleEnterprise, on: dt.date) -> int:
    cell = _cell_of(e.key)
    if cell is None:
        return e.party_members or 0
    if cell.founded <= on:
        return cell_members(cell.key, on)
    return 3 if on.year == 2015 else 0  # members already working there before the cell


# --- The Sổ theo dõi ------------------------------------------------------------------------

def _ordered(sheet_key: str, record: dict[str, Any]) -> list[Any]:
    """A record (column key -> value) as a row in the sheet's column order."""
    columns = SHEETS_BY_KEY[sheet_key].columns
    unknown = set(record) - {c.key for c in columns}
    assert not unknown, (sheet_key, unknown)
    return [record.get(c.key) for c in columns]


def ledger_rows() -> dict[str, list[list[Any]]]:
    """The sample Sổ theo dõi, as rows for `write_blank_ledger`."""
    cells = [_ordered("cells", {
        "name": c.name, "type": CELL_TYPES[c.type],
        "tax_code": tax_code(c.enterprise) if c.enterprise else None,
        "founded_on": c.founded, "dissolved_on": None,
        "members": cell_members(c.key, LEDGER_DATE),
    }) for c in CELLS]
    movements = []
    for date, cell_key, kind, count, ent, note in MOVEMENTS:
        cell = CELLS_BY_KEY[cell_key]
        ent = ent or cell.enterprise
        movements.append(_ordered("movements", {
            "date": date, "cell": cell.name, "type": MOVEMENT_TYPES[kind], "count": count,
            "tax_code": tax_code(ent) if ent else None, "note": note or None,
        }))
    activities = []
    for i, (date, key) in enumerate(OUTREACH_VISITS):
        activities.append((date, {
            "date": date, "type": ACTIVITY_TYPES[OUTREACH],
            "title": _OUTREACH_TITLES[i % len(_OUTREACH_TITLES)], "tax_code": tax_code(key),
            "note": "Tổ tuyên truyền vận động" if i % 3 == 0 else None,
        }))
    for date, kind, title, ent, people, people_fdi, note in OTHER_ACTIVITIES:
        activities.append((date, {
            "date": date, "type": ACTIVITY_TYPES[kind], "title": title,
            "tax_code": tax_code(ent) if ent else None, "people": people,
            "people_fdi": people_fdi, "note": note or None,
        }))
    activities.sort(key=lambda item: item[0])
    enterprises = [_ordered("enterprises", {
        "tax_code": tax_code(e.key), "name": e.name, "zone": e.zone,
        "ownership": OWNERSHIP_LABELS[e.ownership], "investor_country": e.country,
        "started_on": e.started, "stopped_on": e.stopped,
    }) for e in ENTERPRISES]
    targets = [_ordered("targets", {"year": year, "target": TARGETS[key], "value": value})
               for year, values in TARGET_VALUES.items() for key, value in values.items()]
    return {
        "cells": cells,
        "movements": movements,
        "activities": [_ordered("activities", record) for _, record in activities],
        "enterprises": enterprises,
        "targets": targets,
    }


# --- Enterprise returns ---------------------------------------------------------------------

@dataclass(frozen=True)
class _Profile:
    """What stays the same for an enterprise from one return to the next (drawn from `seed`)."""

    revenue_per_worker: float  # triệu đồng per worker per month
    export_share: float
    import_share: float
    budget_share: float
    female_share: float
    foreign_share: float
    avg_income: float
    youth_share: float
    growth_2016: float  # employees at 30/06/2016 over employees at 31/12/2015
    preparer: str
    phone: str


def _profile(e: SampleEnterprise, seed: int) -> _Profile:
    rng = random.Random(f"{seed}:{e.key}")
    fdi = e.ownership == FDI
    phone = (f"09{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
             if rng.random() < 0.7 else f"0240 3{rng.randint(100, 999)} {rng.randint(100, 999)}")
    return _Profile(
        revenue_per_worker=rng.uniform(10, 40),
        export_share=rng.uniform(0.7, 0.95) if fdi else (
            rng.uniform(0.1, 0.4) if rng.random() < 0.4 else 0.0),
        import_share=rng.uniform(0.5, 0.8) if fdi else 0.0,
        budget_share=rng.uniform(0.005, 0.03),
        female_share=rng.uniform(0.3, 0.8),
        foreign_share=rng.uniform(0.003, 0.012) if fdi else 0.0,
        avg_income=rng.uniform(4.5, 7.0),
        youth_share=rng.uniform(0.04, 0.12),
        growth_2016=rng.uniform(0.95, 1.25),
        preparer=rng.choice(_PREPARERS),
        phone=phone,
    )


USD_RATE = 22.3  # triệu đồng per thousand USD in 2015–2016


def _true_values(e: SampleEnterprise, period: Period, seed: int,
                 prepared_on: dt.date) -> dict[str, Any]:
    """What an enterprise's return for `period` says, as values (before typing styles)."""
    profile = _profile(e, seed)
    noise = random.Random(f"{seed}:{e.key}:{period.key}")
    snapshot = dt.date.fromisoformat(period.snapshot)
    annual = period.kind == PERIOD_YEAR
    if annual:
        employees = e.employees_2015 or round(e.employees / profile.growth_2016)
    else:
        employees = e.employees
    has_union = e.union_on is not None and e.union_on <= snapshot
    if not has_union:
        union_members = 0
    elif annual:
        union_members = min(employees, round(e.union_members * employees / e.employees
                                             * noise.uniform(0.85, 1.0)))
    else:
        union_members = e.union_members
    members = _party_members(e, snapshot)
    cell = _cell_of(e.key)
    has_party_org = cell is not None and cell.founded <= snapshot
    months = 12 if annual else 6
    revenue = round(employees * profile.revenue_per_worker * months * noise.uniform(0.95, 1.05), 1)
    exports = round(revenue / USD_RATE * profile.export_share, 1)
    youth = employees >= 700 or has_party_org
    return {
        "name": e.name,
        "tax_code": tax_code(e.key),
        "zone": e.zone,
        "ownership": e.ownership,
        "investor_country": e.country,
        "industry": e.industry,
        "period": period.label,
        "preparer": profile.preparer,
        "phone": profile.phone,
        "prepared_on": prepared_on,
        "revenue": revenue,
        "exports": exports,
        "imports": round(exports * profile.import_share, 1),
        "budget_paid": round(revenue * profile.budget_share, 1),
        "employees": employees,
        "employees_female": round(employees * profile.female_share),
        "employees_foreign": max(1, round(employees * profile.foreign_share))
        if e.ownership == FDI else 0,
        "avg_income": round(profile.avg_income * (1.0 if annual else 1.06), 1),
        "has_party_org": has_party_org,
        "party_members": members,
        "party_members_not_transferred": 0 if has_party_org else noise.randint(0, members),
        "owner_is_party_member": e.owner_member,
        "candidates": noise.randint(2, 6) if has_party_org else (
            noise.randint(0, 2) if members else 0),
        "has_union": has_union,
        "union_founded_on": e.union_on if has_union else None,
        "union_members": union_members,
        "has_youth_union": youth,
        "youth_members": round(employees * profile.youth_share) if youth else 0,
    }


STYLES = ("cells", "text", "mixed")
_NUMBER_KEYS = ("revenue", "exports", "imports", "budget_paid", "avg_income")
_INTEGER_KEYS = ("employees", "employees_female", "employees_foreign", "party_members",
                 "party_members_not_transferred", "candidates", "union_members", "youth_members")
_YESNO_KEYS = ("has_party_org", "owner_is_party_member", "has_union", "has_youth_union")
_DATE_KEYS = ("prepared_on", "union_founded_on")


def _zone_as_typed(zone: str, variant: int) -> str:
    plain = strip_accents(zone)
    return (zone, f"KCN {zone}", plain, f"Khu công nghiệp {zone}", f"KCN {plain}")[variant % 5]


def _as_typed(values: dict[str, Any], style: str, variant: int) -> dict[str, Any]:
    """The values as an enterprise types them, in one of the STYLES."""
    typed = dict(values)
    fdi = values["ownership"] == FDI
    typed["zone"] = _zone_as_typed(values["zone"], variant)
    if style == "cells":
        typed["ownership"] = OWNERSHIP_LABELS[values["ownership"]]
        for key in _YESNO_KEYS:
            typed[key] = "Có" if values[key] else "Không"
        for key in _DATE_KEYS:
            if values[key]:
                typed[key] = dt.datetime.combine(values[key], dt.time())
        return typed
    if style == "text":
        typed["ownership"] = "FDI" if fdi else "Trong nước"
        yes, no = ("x", "Co", "có", "Có")[variant % 4], ("khong", "Không", "Chưa", "0")[variant % 4]
        for key in _YESNO_KEYS:
            typed[key] = yes if values[key] else no
        for key in (*_NUMBER_KEYS, *_INTEGER_KEYS):
            typed[key] = vnformat.number(values[key]) if values[key] else ("-", "0")[variant % 2]
        if variant % 2 == 0:
            typed["employees"] = f"{vnformat.number(values['employees'])} người"
        for key in _DATE_KEYS:
            if values[key]:
                typed[key] = values[key].strftime("%d/%m/%Y")
        return typed
    # "mixed": yes/no as 1/0, some numbers as text, dates as d-m-yyyy text.
    typed["ownership"] = "Doanh nghiệp FDI" if fdi else "DN trong nước"
    for key in _YESNO_KEYS:
        typed[key] = 1 if values[key] else 0
    for key in ("revenue", "budget_paid", "union_members"):
        typed[key] = vnformat.number(values[key])
    for key in _DATE_KEYS:
        if values[key]:
            d = values[key]
            typed[key] = f"{d.day}-{d.month}-{d.year}"
    return typed


def _fill(blank: Path, target: Path, typed: dict[str, Any],
          mutate: Callable[[Any], None] | None = None) -> None:
    """Fill a copy of the blank form with openpyxl, as an enterprise does in Excel."""
    book = openpyxl.load_workbook(blank)
    sheet = book[TEMPLATE_SHEET]
    for key, address in input_cells().items():
        value = typed.get(key)
        if value is not None:
            sheet[address] = value
    if mutate:
        mutate(sheet)
    target.parent.mkdir(parents=True, exist_ok=True)
    book.save(target)


def _inline_tax_code(sheet: Any) -> None:
    """ "Mã số thuế: 24…" typed in the label cell, the input cell left empty."""
    address = input_cells()["tax_code"]
    code = sheet[address].value
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value == "Mã số thuế:":
                cell.value = f"Mã số thuế: {code}"
                sheet[address].value = None
                return


def _retype_label(sheet: Any) -> None:
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value == "Tổng số lao động tại thời điểm báo cáo":
                cell.value = "Tổng số lao động"
                return


def _ascii_name(text: str) -> str:
    return strip_accents(text).replace("(", "").replace(")", "").replace("  ", " ").strip()


def _file_name_2016(e: SampleEnterprise, i: int) -> str:
    patterns = (
        f"Báo cáo 6 tháng đầu năm 2016 - {e.short}.xlsx",
        f"BC 6 thang 2016 {_ascii_name(e.short)}.xlsx",
        f"{tax_code(e.key)}_BC 6T-2016.xlsx",
        f"Mẫu 01 DN-KCN ({e.short}) 6 tháng 2016.xlsx",
        f"{_ascii_name(e.short)} - bao cao KCN 6 thang (1).xlsx",
        f"BÁO CÁO 6 THÁNG 2016_{e.short.upper()}.xlsx",
    )
    return patterns[i % len(patterns)]


def _file_name_2015(e: SampleEnterprise, i: int) -> str:
    patterns = (
        f"BC năm 2015 - {e.short}.xlsx",
        f"Bao cao nam 2015 {_ascii_name(e.short)}.xlsx",
        f"{tax_code(e.key)} nam 2015.xlsx",
        f"Báo cáo tình hình DN năm 2015 ({e.short}).xlsx",
    )
    return patterns[i % len(patterns)]


def _period_as_typed(period: Period, i: int) -> str:
    if period.kind == PERIOD_HALF:
        return (period.label, period.label.upper(), f"06 tháng đầu năm {period.year}")[i % 3]
    return (period.label, f"năm {period.year}", f"Cả năm {period.year}")[i % 3]


@dataclass
class _Written:
    relpath: str
    received: dt.datetime


def _returns(blank: Path, inputs: Path, seed: int) -> list[_Written]:
    rng = random.Random(seed)  # dates prepared and received
    written: list[_Written] = []

    def write(relpath: str, typed: dict[str, Any], received: dt.date,
              mutate: Callable[[Any], None] | None = None) -> None:
        _fill(blank, inputs / relpath, typed, mutate)
        written.append(_Written(relpath, dt.datetime.combine(received, dt.time(9, 30))))

    used: set[str] = set()

    def unique(folder: str, name: str) -> str:
        stem, suffix = name.rsplit(".", 1)
        relpath, n = f"{folder}/{name}", 2
        while relpath.lower() in used:
            relpath, n = f"{folder}/{stem} ({n}).{suffix}", n + 1
        used.add(relpath.lower())
        return relpath

    # Năm 2015, prepared in January 2016.
    for i, e in enumerate(e for e in ENTERPRISES if e.reports_2015
                          and e.started <= dt.date(2015, 12, 31)):
        prepared = dt.date(2016, 1, 5) + dt.timedelta(days=rng.randint(0, 20))
        values = _true_values(e, PERIOD_2015, seed, prepared)
        values["period"] = _period_as_typed(PERIOD_2015, i)
        typed = _as_typed(values, STYLES[i % 3], i)
        write(unique(DIR_2015, _file_name_2015(e, i)), typed,
              prepared + dt.timedelta(days=rng.randint(1, 3)))

    # 6 tháng đầu năm 2016, prepared in July 2016; by e-mail or Zalo.
    for i, e in enumerate(e for e in ENTERPRISES if e.reports_2016):
        prepared = dt.date(2016, 7, 1) + dt.timedelta(days=rng.randint(0, 24))
        values = _true_values(e, PERIOD_2016, seed, prepared)
        values["period"] = _period_as_typed(PERIOD_2016, i)
        style = STYLES[i % 3]
        folder = DIR_ZALO if i % 5 in (2, 4) else DIR_EMAIL
        name = _file_name_2016(e, i)
        mutate: Callable[[Any], None] | None = None
        if e.key == TCVN3_KEY:
            style, folder = "text", DIR_EMAIL
            name = f"BC 6 thang 2016 - {_ascii_name(e.short)}.xlsx"
        typed = _as_typed(values, style, i)
        if e.key == TCVN3_KEY:
            for key in ("name", "industry", "preparer"):
                typed[key] = legacy_fonts.from_unicode(values[key], "tcvn3")
        if e.key == NFD_KEY:
            folder = DIR_ZALO
            name = unicodedata.normalize("NFD", f"Báo cáo 6 tháng - {e.short}.xlsx")
            typed["name"] = unicodedata.normalize("NFD", values["name"])
        if e.key == NUMERIC_TAX_CODE_KEY:
            typed["tax_code"] = int(values["tax_code"])
        if e.key == INLINE_TAX_CODE_KEY:
            mutate = _inline_tax_code
        if e.key == RETYPED_LABEL_KEY:
            mutate = _retype_label
        received = prepared + dt.timedelta(days=rng.randint(1, 3))
        if e.key == SUPERSEDED_KEY:
            # A first version with other numbers, then the corrected one a week later.
            old_prepared = dt.date(2016, 7, 6)
            old = dict(values, prepared_on=old_prepared, employees=values["employees"] - 30,
                       party_members=values["party_members"] + 3,
                       union_members=values["union_members"] - 25)
            write(unique(DIR_EMAIL, f"Báo cáo 6 tháng đầu năm 2016 - {e.short}.xlsx"),
                  _as_typed(old, "cells", i), old_prepared + dt.timedelta(days=1))
            prepared = dt.date(2016, 7, 14)
            typed = _as_typed(dict(values, prepared_on=prepared), style, i)
            folder, name = DIR_ZALO, f"BC 6 tháng 2016 - {e.short} (bản sửa).xlsx"
            received = prepared + dt.timedelta(days=1)
        write(unique(folder, name), typed, received, mutate)

    # A return that cannot be used: an enterprise not in the list, a malformed tax code and a
    # word where the number of employees should be. Everything else looks plausible, so a count
    # that wrongly took it would change the figures.
    bad = _true_values(BY_KEY["DT14"], PERIOD_2016, seed, dt.date(2016, 7, 20))
    bad.update(name="Công ty TNHH Thương mại Dịch vụ An Phát", tax_code="24001234",
               zone=Z_DT, industry="Thương mại, dịch vụ", union_founded_on=dt.date(2015, 6, 1),
               period=PERIOD_2016.label, owner_is_party_member=True)
    typed = _as_typed(bad, "text", 1)
    typed["employees"] = "nhiều"
    write(unique(DIR_EMAIL, REJECTED_FILE.rsplit("/", 1)[1]), typed, dt.date(2016, 7, 21))
    return written


def _junk_files(inputs: Path) -> list[_Written]:
    """Files the tool must skip: an Excel lock file, a scanned PDF, a CSV."""
    lock = b"\x0bNguyen Hoa" + b" " * 43 + b"\x00" * 8
    pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"
    csv = ("STT,Họ và tên,Năm sinh,Bộ phận\n1,Nguyễn Văn An,1990,Sản xuất\n"
           "2,Trần Thị Bình,1994,Kiểm tra chất lượng\n").encode("utf-8-sig")
    written = []
    for relpath, data, day in ((LOCK_FILE, lock, 18), (PDF_FILE, pdf, 12), (CSV_FILE, csv, 15)):
        path = inputs / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(_Written(relpath, dt.datetime(2016, 7, day, 10, 0)))
    return written


def make_sample(inputs: Path, seed: int = 2016) -> None:
    """Write the sample workspace's inputs into `inputs` (created if needed)."""
    _check_design()
    inputs.mkdir(parents=True, exist_ok=True)
    zones = [z.name for z in load_settings(None).zones]
    written: list[_Written] = []
    write_blank_ledger(inputs / LEDGER_FILE, zones, ledger_rows())
    written.append(_Written(LEDGER_FILE, dt.datetime.combine(LEDGER_DATE, dt.time(16, 45))))
    with tempfile.TemporaryDirectory(prefix="kcn-sample-") as tmp:
        blank = Path(tmp) / "Mau_01_DN-KCN.xlsx"
        write_blank_form(blank, zones, recipient=load_settings(None).management_board,
                         years=[2015, 2016])
        written.extend(_returns(blank, inputs, seed))
    written.extend(_junk_files(inputs))
    for item in written:
        stamp = item.received.timestamp()
        os.utime(inputs / item.relpath, (stamp, stamp))
    _write_marker(inputs, [w.relpath for w in written], seed)


def _write_marker(inputs: Path, relpaths: Iterable[str], seed: int) -> None:
    lines = [
        f"# Thư mục mẫu do kcn_reports.sample tạo (seed {seed}).",
        "# scripts/make_sample.py chỉ xóa đúng các tệp liệt kê dưới đây khi tạo lại.",
        *relpaths,
    ]
    (inputs / SAMPLE_MARKER).write_text("\n".join(lines) + "\n", encoding="utf-8")


def sample_files(inputs: Path) -> list[str]:
    """Relative paths written by the last `make_sample` into `inputs` (from its marker)."""
    marker = inputs / SAMPLE_MARKER
    if not marker.is_file():
        return []
    lines = marker.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def clear_sample(inputs: Path) -> int:
    """Delete the files a previous `make_sample` wrote (and folders left empty by that);
    never anything else. Returns the number of files deleted."""
    root = inputs.resolve()
    removed = 0
    folders: set[Path] = set()
    for relpath in sample_files(inputs):
        path = (inputs / relpath).resolve()
        if root not in path.parents:
            continue  # a tampered marker never makes us delete outside inputs/
        if path.is_file() and not path.is_symlink():
            path.unlink()
            removed += 1
        folders.update(p for p in path.parents if root in p.parents)
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    (inputs / SAMPLE_MARKER).unlink(missing_ok=True)
    return removed


__all__ = ["BASELINE_SHARES", "SAMPLE_MARKER", "clear_sample", "ledger_rows", "make_sample",
           "sample_files", "tax_code"]
