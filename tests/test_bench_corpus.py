"""The benchmark's light corpus is read exactly: a benchmark over returns the program rejects
or misreads would time the wrong thing."""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

import openpyxl
from helpers import SETTINGS, read

from kcn_reports.check import ACCEPTED
from kcn_reports.formdef import PERIOD_HALF, PERIOD_YEAR, Period
from kcn_reports.textnorm import fold

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from corpus import write_light_return  # noqa: E402

YES_NO = {"Có": True, "Không": False}


def test_light_returns_are_plain_70_row_sheets_read_exactly(tmp_path):
    rng = random.Random(7)
    for i in range(6):
        path = tmp_path / f"light{i}.xlsx"
        identity, typed = write_light_return(path, rng, i)
        book = openpyxl.load_workbook(path)
        assert book.sheetnames == ["Báo cáo"]  # no instructions sheet
        assert book.active.max_row == 70
        outcome = read(path, tmp_path)
        assert outcome.outcome == ACCEPTED, [p.message for p in outcome.problems]
        values = outcome.form.values
        lines = dict(identity)
        assert values["name"] == lines["Tên doanh nghiệp"]
        assert values["tax_code"] == lines["Mã số thuế"] == f"24{i:08d}"
        assert fold(values["zone"]) == fold(str(lines["Khu công nghiệp"]))
        assert values["zone"] in [z.name for z in SETTINGS.zones]
        assert values["ownership"] == ("fdi" if "FDI" in str(lines["Loại hình doanh nghiệp"])
                                       else "domestic")
        assert values["investor_country"] == (lines["Quốc gia/vùng lãnh thổ của nhà đầu tư"] or None)
        assert values["industry"] == lines["Ngành nghề sản xuất, kinh doanh chính"]
        assert values["preparer"] == lines["Người lập biểu"]
        assert values["phone"] == lines["Điện thoại"]
        assert values["prepared_on"] == dt.datetime.strptime(str(lines["Ngày lập"]), "%d/%m/%Y").date()
        half = lines["Kỳ báo cáo"] == "6 tháng đầu năm 2016"
        assert values["period"] == Period(PERIOD_HALF if half else PERIOD_YEAR, 2016)
        for key, value in typed.items():
            if value in YES_NO:
                assert values[key] is YES_NO[value], key
            elif key == "union_founded_on":
                expected = (dt.datetime.strptime(str(value), "%d/%m/%Y").date() if value
                            else None)
                assert values[key] == expected, key
            else:
                assert values[key] == value, key
