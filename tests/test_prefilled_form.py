"""`kcn-reports form --per-enterprise`: one form per active enterprise of the Sổ theo dõi, its
identity locked and read back exactly, the previous return shown beside the input column and
never read as this period's value; and the blank form's zone list checked against today's."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import openpyxl
import pytest
from by_hand import plain_return, type_into_form
from click.testing import CliRunner
from helpers import SETTINGS, read, write_ledger
from openpyxl.cell.cell import MergedCell

from kcn_reports.cli import cli
from kcn_reports.collection import write_form
from kcn_reports.formdef import PERIOD_YEAR, Period, Zone
from kcn_reports.settings import DEFAULT_SETTINGS

D = dt.date
LEDGER = [  # tax code, name, zone, ownership, country, started, stopped, phone
    ["0101234567", "Công ty TNHH Điện tử A&B <Việt Nam>", "Song Khê – Nội Hoàng", "FDI",
     "Hàn Quốc", D(2012, 1, 1), None, "0912 345 678"],
    ["0101234567-001", "Chi nhánh Công ty TNHH Điện tử A&B <Việt Nam> tại Bắc Giang",
     "Song Khê – Nội Hoàng", "FDI", "Hàn Quốc", D(2014, 1, 1), None, None],
    ["2400111111", "Công ty CP May: \"Bắc Giang\" / Xuất khẩu?", "Đình Trám",
     "Doanh nghiệp trong nước", None, D(2010, 5, 1), None, None],
    ["2400333333", "Công ty TNHH Đã Ngừng", "Vân Trung", "Doanh nghiệp trong nước", None,
     D(2010, 5, 1), D(2015, 6, 30), None],
    ["2400444444", "Công ty TNHH Chưa Hoạt Động", "Vân Trung", "Doanh nghiệp trong nước", None,
     D(2017, 3, 1), None, None],
]
PREVIOUS = {  # what A&B reported for Năm 2015, typed by its accountant
    "name": "Công ty TNHH Điện tử A&B <Việt Nam>", "tax_code": "0101234567",
    "zone": "Song Khê – Nội Hoàng", "ownership": "FDI", "investor_country": "Hàn Quốc",
    "period": "Năm 2015", "prepared_on": "10/01/2016", "revenue": "98.765,4", "exports": "5.000",
    "employees": "980", "employees_female": "640", "has_party_org": "Có", "party_members": "11",
    "has_union": "Có", "union_founded_on": "05/03/2015", "union_members": "900",
    "has_youth_union": "Không", "youth_members": "0",
}
THIS_PERIOD = {"revenue": "120.000", "exports": "6.100", "employees": "1.234",
               "employees_female": "800", "has_party_org": "Có", "party_members": "15",
               "has_union": "Có", "union_founded_on": "05/03/2015", "union_members": "1.100",
               "has_youth_union": "Không", "youth_members": "0", "prepared_on": "12/01/2017"}


@pytest.fixture(scope="module")
def forms(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("ws")
    (root / "kcn_reports.toml").write_text(
        DEFAULT_SETTINGS + '\n[collection]\nperiod = "Năm 2016"\n', encoding="utf-8")
    inputs = root / "inputs"
    inputs.mkdir()
    write_ledger(inputs / "So theo doi.xlsx", enterprises=LEDGER)
    plain_return(inputs / "AB 2015.xlsx", PREVIOUS)
    result = CliRunner().invoke(cli, ["--workspace", str(root), "--no-cache", "form",
                                      "--per-enterprise"])
    folder = root / "mau" / "nam-2016"
    return {"root": root, "result": result, "folder": folder,
            "files": {p.name.split("_")[2]: p for p in folder.glob("*.xlsx")}}


def test_one_form_per_active_enterprise_with_safe_names(forms):
    assert forms["result"].exit_code == 0, forms["result"].output
    names = sorted(p.name for p in forms["folder"].iterdir())
    assert names == ["Mau_01_0101234567-001_Dien-tu-A-B-Viet-Nam-tai-Bac-Giang.xlsx",
                     "Mau_01_0101234567_Dien-tu-A-B-Viet-Nam.xlsx",
                     "Mau_01_2400111111_May-Bac-Giang-Xuat-khau.xlsx"]
    for name in names:
        assert re.fullmatch(r"[A-Za-z0-9_.\-]+", name), name  # nothing Windows refuses
    assert "Đã tạo 3 mẫu báo cáo năm 2016" in forms["result"].output
    assert "(1 mẫu kèm số liệu kỳ trước để doanh nghiệp tham khảo.)" in forms["result"].output


@pytest.mark.parametrize("tax", ["0101234567", "0101234567-001", "2400111111"])
def test_reading_a_prefilled_form_unchanged_gives_its_identity_exactly(forms, tax):
    path = forms["files"][tax]
    outcome = read(path, path.parent)
    row = next(r for r in LEDGER if r[0] == tax)
    values = outcome.form.values
    assert values["name"] == row[1]
    assert values["tax_code"] == tax
    assert values["zone"] == row[2]
    assert values["ownership"] == ("fdi" if row[3] == "FDI" else "domestic")
    assert values["investor_country"] == row[4]
    assert values["period"] == Period(PERIOD_YEAR, 2016)
    identity = {"name", "tax_code", "zone", "ownership", "investor_country", "period"}
    assert not [p for p in outcome.problems if p.field in identity]
    # Nothing typed yet, so nothing read: the reference column is not this period's value.
    assert values["employees"] is None and values["revenue"] is None


def test_identity_is_locked_and_inputs_are_not(forms):
    book = openpyxl.load_workbook(forms["files"]["0101234567"])
    sheet = book["Báo cáo"]
    assert sheet.protection.sheet
    cells = {c.value: c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)}
    for label in ("Tên doanh nghiệp:", "Mã số thuế:", "Khu công nghiệp:",
                  "Loại hình doanh nghiệp:", "Quốc gia/vùng lãnh thổ của nhà đầu tư:",
                  "Kỳ báo cáo:"):
        value = sheet.cell(cells[label].row, cells[label].column + 1)
        assert value.protection.locked, label
    for label in ("Ngành nghề sản xuất, kinh doanh chính:", "Người lập biểu:", "Ngày lập:"):
        value = sheet.cell(cells[label].row, cells[label].column + 1)
        assert value.protection.locked is False and value.value in (None, ""), label


def header_cells(sheet) -> dict[str, openpyxl.cell.Cell]:
    row = next(r for r in sheet.iter_rows() if any(c.value == "Mã số" for c in r))
    return {c.value: c for c in row if c.value}


def test_previous_values_beside_the_input_column_with_plain_headers(forms):
    sheet = openpyxl.load_workbook(forms["files"]["0101234567"])["Báo cáo"]
    headers = header_cells(sheet)
    assert "Số liệu Năm 2016" in headers
    assert "Kỳ trước (Năm 2015) – tham khảo" in headers
    value_col = headers["Số liệu Năm 2016"].column
    previous_col = headers["Kỳ trước (Năm 2015) – tham khảo"].column
    assert previous_col == value_col + 1
    code_col = headers["Mã số"].column
    shown = {sheet.cell(r, code_col).value: sheet.cell(r, previous_col)
             for r in range(headers["Mã số"].row + 1, sheet.max_row + 1)
             if sheet.cell(r, code_col).value}
    assert shown["01"].value == 98765.4 and shown["05"].value == 980
    assert shown["09"].value == "Có" and shown["17"].value == "Không"
    assert shown["15"].value == dt.datetime(2015, 3, 5)
    assert shown["05"].protection.locked
    # No previous return: no reference column, but the input column still names the period.
    other = header_cells(openpyxl.load_workbook(forms["files"]["2400111111"])["Báo cáo"])
    assert "Số liệu Năm 2016" in other and not any(h.startswith("Kỳ trước") for h in other)


def filled(forms, tmp_path: Path, name: str) -> Path:
    return type_into_form(forms["files"]["0101234567"], THIS_PERIOD, save_as=tmp_path / name)


def assert_this_period(outcome) -> None:
    values = outcome.form.values
    assert outcome.outcome == "accepted", [p.message for p in outcome.problems]
    assert values["employees"] == 1234 and values["revenue"] == 120000
    assert values["party_members"] == 15 and values["union_members"] == 1100


def test_this_periods_values_are_read_not_the_previous_ones(forms, tmp_path):
    path = filled(forms, tmp_path, "ab.xlsx")
    assert_this_period(read(path, tmp_path))


def _move(path: Path, change) -> None:
    book = openpyxl.load_workbook(path)
    sheet = book["Báo cáo"]
    sheet.protection.sheet = False  # what an enterprise must do before moving columns
    change(sheet, header_cells(sheet))
    book.save(path)


def test_previous_column_never_read_after_the_enterprise_swaps_the_columns(forms, tmp_path):
    path = filled(forms, tmp_path, "ab swapped.xlsx")

    def swap(sheet, headers):
        a = headers["Số liệu Năm 2016"].column
        b = headers["Kỳ trước (Năm 2015) – tham khảo"].column
        for r in range(headers["Mã số"].row, sheet.max_row + 1):
            x, y = sheet.cell(r, a), sheet.cell(r, b)
            if isinstance(x, MergedCell) or isinstance(y, MergedCell):
                continue  # a section heading across the table
            x.value, y.value = y.value, x.value

    _move(path, swap)
    assert_this_period(read(path, tmp_path))


def test_previous_column_never_read_after_the_period_words_are_deleted(forms, tmp_path):
    path = filled(forms, tmp_path, "ab retyped.xlsx")

    def retype(sheet, headers):
        headers["Số liệu Năm 2016"].value = "Số liệu"

    _move(path, retype)
    assert_this_period(read(path, tmp_path))


def test_a_blank_input_is_missing_even_with_a_previous_value_beside_it(forms, tmp_path):
    values = dict(THIS_PERIOD)
    del values["employees"]
    path = type_into_form(forms["files"]["0101234567"], values, save_as=tmp_path / "ab.xlsx")
    outcome = read(path, tmp_path)
    assert outcome.form.values["employees"] is None
    assert [p.code for p in outcome.problems if p.field == "employees"] == ["required-missing"]


def test_per_enterprise_needs_the_period_and_the_ledger(tmp_path):
    (tmp_path / "kcn_reports.toml").write_text(DEFAULT_SETTINGS, encoding="utf-8")
    (tmp_path / "inputs").mkdir()
    runner = CliRunner()
    result = runner.invoke(cli, ["--workspace", str(tmp_path), "--no-cache", "form",
                                 "--per-enterprise"])
    assert result.exit_code == 2
    assert "Chưa có kỳ báo cáo đang thu: ghi vào kcn_reports.toml, mục [collection]" in result.output
    (tmp_path / "kcn_reports.toml").write_text(
        DEFAULT_SETTINGS + '\n[collection]\nperiod = "Năm 2016"\n', encoding="utf-8")
    result = runner.invoke(cli, ["--workspace", str(tmp_path), "--no-cache", "form",
                                 "--per-enterprise"])
    assert result.exit_code == 2 and "Không có Sổ theo dõi trong thư mục inputs" in result.output


def test_return_from_a_form_with_another_zone_list_is_warned(tmp_path):
    old_settings = dataclasses.replace(SETTINGS, zones=(Zone("Đình Trám"), Zone("Quang Châu")))
    blank = tmp_path / "mau cu.xlsx"
    write_form(old_settings, blank)
    path = type_into_form(blank, {"name": "Công ty TNHH Điện tử A&B", "tax_code": "0101234567",
                                  "zone": "Đình Trám", "ownership": "Doanh nghiệp trong nước",
                                  "period": "Năm 2016", **THIS_PERIOD},
                          save_as=tmp_path / "dn.xlsx")
    outcome = read(path, tmp_path)  # read with today's settings: six zones
    warning = next(p for p in outcome.problems if p.code == "form-zones-outdated")
    assert warning.severity == "warning" and warning.cell == "C10"
    assert warning.message == (
        "Báo cáo lập trên mẫu có danh sách KCN khác cài đặt hiện nay (mẫu: Đình Trám; Quang "
        "Châu; hiện nay: Đình Trám; Quang Châu; Song Khê – Nội Hoàng; Vân Trung; Hòa Phú; "
        "Việt Hàn).")
    assert outcome.outcome == "accepted"  # a warning: the zone read is still a known one


def test_same_zone_list_in_another_order_is_no_warning(tmp_path):
    reordered = dataclasses.replace(SETTINGS, zones=tuple(reversed(SETTINGS.zones)))
    blank = tmp_path / "mau.xlsx"
    write_form(reordered, blank)
    path = type_into_form(blank, {"name": "Công ty TNHH Điện tử A&B", "tax_code": "0101234567",
                                  "zone": "Đình Trám", "ownership": "Doanh nghiệp trong nước",
                                  "period": "Năm 2016", **THIS_PERIOD},
                          save_as=tmp_path / "dn.xlsx")
    outcome = read(path, tmp_path)
    assert not [p for p in outcome.problems if p.code == "form-zones-outdated"]
    assert outcome.outcome == "accepted"
