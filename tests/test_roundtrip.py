"""The blank form, filled the way enterprises really fill it, reads back exactly."""

from __future__ import annotations

import pytest
from helpers import AS_CELLS, AS_TYPED, SETTINGS, assert_values, fill, read

from kcn_reports.blank_form import TEMPLATE_SHEET, input_cells
from kcn_reports.check import ACCEPTED, REJECTED, check_inputs
from kcn_reports.formdef import INDICATORS, PERIOD_YEAR, Period


@pytest.mark.parametrize("typed", [AS_TYPED, AS_CELLS], ids=["typed-as-text", "real-cells"])
def test_filled_form_reads_back_exactly(tmp_path, typed):
    path = fill(tmp_path / "bao cao.xlsx", typed)
    outcome = read(path, tmp_path)
    assert_values(outcome)
    assert outcome.form.form_version is not None
    assert outcome.form.sheet == TEMPLATE_SHEET
    # Each value is located at the cell it came from.
    assert outcome.form.cells["employees"] == input_cells()["employees"]


def test_rows_inserted_deleted_column_added_labels_retyped(tmp_path):
    def mutate(sheet):
        cells = input_cells()
        employees_row = int(cells["employees"][1:])
        # Labels retyped; the code column blank on one row so only the label identifies it.
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value == "Tổng số lao động tại thời điểm báo cáo":
                    cell.value = "Tổng số lao động"
                if cell.value == "Kim ngạch xuất khẩu":
                    cell.value = "Kim ngach xuat khau (nghìn USD)"
                    sheet.cell(cell.row, cell.column + 1).value = None
        # A row inserted inside the table, with an extra breakdown the form doesn't have.
        sheet.insert_rows(employees_row + 1)
        sheet.cell(employees_row + 1, 2).value = "Trong đó: Lao động nam"
        sheet.cell(employees_row + 1, 5).value = 434
        # Two rows inserted above everything (a letterhead), and a column added before "Số liệu".
        sheet.insert_rows(1, 2)
        sheet["A1"] = "CÔNG TY TNHH ĐIỆN TỬ A&B"
        sheet.insert_cols(5)
        # Identity lines written "Label: value" in one cell, as many returns do.
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value == "Mã số thuế:":
                    cell.value = "Mã số thuế: 0101234567"
                    sheet.cell(cell.row, cell.column + 1).value = None

    path = fill(tmp_path / "sửa mẫu.xlsx", AS_TYPED, mutate=mutate)
    outcome = read(path, tmp_path)
    assert_values(outcome)


def test_optional_row_deleted_is_absent_not_an_error(tmp_path):
    def mutate(sheet):
        row = int(input_cells()["candidates"][1:])
        sheet.delete_rows(row)

    outcome = read(fill(tmp_path / "x.xlsx", AS_TYPED, mutate=mutate), tmp_path)
    assert outcome.outcome == ACCEPTED
    assert outcome.form.values["candidates"] is None
    assert outcome.form.values["has_union"] is True


def test_required_row_deleted_is_an_error_naming_it(tmp_path):
    def mutate(sheet):
        sheet.delete_rows(int(input_cells()["party_members"][1:]))

    outcome = read(fill(tmp_path / "x.xlsx", AS_TYPED, mutate=mutate), tmp_path)
    assert outcome.outcome == REJECTED
    [prob] = [p for p in outcome.problems if p.field == "party_members"]
    assert prob.code == "field-not-found"
    assert "Số đảng viên đang làm việc tại doanh nghiệp" in prob.message


def test_every_blank_required_field_is_located(tmp_path):
    outcome = read(fill(tmp_path / "trống.xlsx", {}), tmp_path)
    assert outcome.outcome == REJECTED
    missing = {p.field: p.cell for p in outcome.problems if p.code == "required-missing"}
    required = {"name", "tax_code", "zone", "ownership", "period"} | {
        f.key for f in INDICATORS if f.required}
    assert set(missing) == required
    assert missing["employees"] == input_cells()["employees"]
    assert all(p.sheet == TEMPLATE_SHEET for p in outcome.problems)


def test_formula_without_cached_value_is_an_error_not_zero(tmp_path):
    def mutate(sheet):
        sheet[input_cells()["employees"]] = "=800+434"

    outcome = read(fill(tmp_path / "f.xlsx", AS_TYPED, mutate=mutate), tmp_path)
    [prob] = [p for p in outcome.problems if p.field == "employees"]
    assert prob.code == "formula-no-value"
    assert prob.cell == input_cells()["employees"]
    assert outcome.form.values["employees"] is None


def test_wrong_values_are_located_with_the_value_seen(tmp_path):
    bad = {**AS_TYPED, "employees": "nhiều", "has_union": "hình như có", "tax_code": "12345",
           "union_founded_on": "03/15/2015", "zone": "Quế Võ", "period": "Quý 3/2016"}
    outcome = read(fill(tmp_path / "sai.xlsx", bad), tmp_path)
    found = {p.field: p for p in outcome.problems}
    assert found["employees"].code == "not-an-integer" or found["employees"].code == "not-a-number"
    assert found["employees"].value == "nhiều"
    assert found["employees"].cell == input_cells()["employees"]
    assert found["has_union"].code == "not-yes-no"
    assert found["tax_code"].code == "bad-tax-code"
    assert found["union_founded_on"].code == "not-a-date"
    assert found["zone"].code == "unknown-zone"
    assert found["period"].code == "bad-period"
    assert "Quế Võ" in found["zone"].message


def test_legacy_tcvn3_name_is_converted_with_a_warning(tmp_path):
    typed = {**AS_TYPED, "name": "C«ng ty TNHH §iÖn tö Hoµ Ph¸t"}
    outcome = read(fill(tmp_path / "tcvn3.xlsx", typed), tmp_path)
    assert outcome.form.values["name"] == "Công ty TNHH Điện tử Hoà Phát"
    assert any(p.code == "legacy-font" for p in outcome.problems)


def test_annual_period_and_identity_in_same_cell(tmp_path):
    typed = {**AS_TYPED, "period": "Năm 2016"}
    outcome = read(fill(tmp_path / "nam.xlsx", typed), tmp_path)
    assert outcome.form.values["period"] == Period(PERIOD_YEAR, 2016)


@pytest.mark.parametrize("newer, older", [("zalo/lan 2.xlsx", "email.xlsx"),
                                           ("a moi.xlsx", "z cu/ban dau.xlsx")])
def test_two_returns_same_enterprise_and_period_latest_wins(tmp_path, newer, older):
    """By "Ngày lập" whatever the file order; the superseded file names the one used."""
    inputs = tmp_path / "inputs"
    for relpath in (newer, older):
        (inputs / relpath).parent.mkdir(parents=True, exist_ok=True)
    fill(inputs / older, AS_TYPED)
    fill(inputs / newer, {**AS_TYPED, "prepared_on": "10/07/2016", "employees": "1.300"})
    report = check_inputs(inputs, SETTINGS, jobs=1)
    by_path = {f.relpath: f for f in report.files}
    assert by_path[newer].outcome == ACCEPTED
    assert by_path[older].outcome == "superseded"
    assert newer in by_path[older].reason
    assert [f.values["employees"] for f in report.accepted_forms()] == [1300]


def test_same_day_resubmission_uses_the_newer_file(tmp_path):
    import os

    inputs = tmp_path / "inputs"
    inputs.mkdir()
    first = fill(inputs / "b.xlsx", AS_TYPED)
    second = fill(inputs / "a.xlsx", {**AS_TYPED, "employees": "1.300"})
    os.utime(first, (1_600_000_000, 1_600_000_000))
    os.utime(second, (1_600_000_500, 1_600_000_500))
    report = check_inputs(inputs, SETTINGS, jobs=1)
    assert {f.relpath: f.outcome for f in report.files} == {"a.xlsx": ACCEPTED, "b.xlsx": "superseded"}
