"""The Sổ theo dõi: read tolerantly, reconciled (Biểu 1-BTCTW), cross-checked with returns,
and completeness by zone."""

from __future__ import annotations

import datetime as dt

from helpers import AS_TYPED, CELLS, ENTERPRISES, MOVEMENTS, SETTINGS, fill, write_ledger

from kcn_reports.check import ACCEPTED, SUPERSEDED, check_inputs

D = dt.date


def run(tmp_path, **ledger_rows):
    inputs = tmp_path / "inputs"
    inputs.mkdir(exist_ok=True)
    rows = {"enterprises": ENTERPRISES, "cells": CELLS, "movements": MOVEMENTS, **ledger_rows}
    write_ledger(inputs / "So theo doi.xlsx", **rows)
    fill(inputs / "ab.xlsx", AS_TYPED)
    return check_inputs(inputs, SETTINGS, jobs=1, today=D(2016, 11, 26))


def ledger_problems(report):
    return [p for f in report.files if f.kind == "ledger" for p in f.problems]


def test_balanced_ledger_has_no_reconciliation_problem(tmp_path):
    report = run(tmp_path)
    by_path = {f.relpath: f for f in report.files}
    assert by_path["So theo doi.xlsx"].outcome == ACCEPTED
    assert by_path["So theo doi.xlsx"].kind == "ledger"
    assert not [p for p in ledger_problems(report) if p.code == "members-mismatch"]
    assert report.ledger is not None
    assert len(report.ledger.sheet("movements")) == len(MOVEMENTS)


def test_unbalanced_ledger_is_reported_for_the_cell(tmp_path):
    cells = [row[:] for row in CELLS]
    cells[2][5] = 9  # the A&B cell: 3 in + 2 admitted = 5, not 9
    report = run(tmp_path, cells=cells)
    mismatches = [p for p in ledger_problems(report) if p.code == "members-mismatch"]
    [per_cell] = mismatches
    assert "Chi bộ Công ty A&B (từ khi thành lập ngày 02/09/2015)" in per_cell.message
    assert per_cell.sheet == "Chi bộ" and per_cell.cell == "F4" and per_cell.value == "9"
    assert "tăng 5 − giảm 0 = 5, nhưng sổ ghi 9" in per_cell.message
    # At the baseline date the two older cells hold 20 + 15 = 35 members, as the settings say;
    # the settings' 4 cells are not in sheet Chi bộ (2 there), which is said with both numbers.
    [baseline] = [p for p in ledger_problems(report) if p.code == "baseline-mismatch"]
    assert "ghi 4 chi bộ" in baseline.message and "cho 2 chi bộ" in baseline.message
    assert "báo cáo dùng 4 theo mốc ban đầu" in baseline.message


def test_ledger_values_are_located(tmp_path):
    movements = [*MOVEMENTS,
                 [D(2016, 7, 1), "Chi bộ Không Tồn Tại", "Kết nạp", 1, None, None],
                 [D(2016, 7, 2), "Chi bộ Cơ quan", "Thăng chức", 1, None, None],
                 ["31/02/2016", "Chi bộ Cơ quan", "Kết nạp", 1, None, None],
                 [D(2016, 7, 3), "Chi bộ Cơ quan", "Kết nạp", 1, "2499999999", None]]
    report = run(tmp_path, movements=movements)
    found = {p.code: p for p in ledger_problems(report)}
    assert found["ledger-unknown-cell"].cell == f"B{len(MOVEMENTS) + 2}"
    assert found["ledger-unknown-type"].cell == f"C{len(MOVEMENTS) + 3}"
    assert "Kết nạp" in found["ledger-unknown-type"].message
    assert found["ledger-value"].cell == f"A{len(MOVEMENTS) + 4}"
    assert found["ledger-unknown-tax-code"].value == "2499999999"
    ledger_file = next(f for f in report.files if f.kind == "ledger")
    # A bad row costs that row, never the workbook: the good rows are still used.
    assert ledger_file.outcome == ACCEPTED
    skipped = sorted(p.cell for p in ledger_file.problems if p.code == "ledger-row-skipped")
    assert skipped == [f"A{len(MOVEMENTS) + 4}", f"C{len(MOVEMENTS) + 3}"]
    assert len(report.ledger.sheet("movements")) == len(MOVEMENTS) + 2


def test_columns_found_by_header_in_any_order_with_extra_columns(tmp_path):
    import openpyxl

    inputs = tmp_path / "inputs"
    inputs.mkdir()
    path = write_ledger(inputs / "so.xlsx", enterprises=ENTERPRISES, cells=CELLS, movements=MOVEMENTS)
    book = openpyxl.load_workbook(path)
    sheet = book["Biến động đảng viên"]
    sheet.insert_cols(1)
    sheet["A1"] = "STT"
    sheet.insert_rows(1)
    sheet["A1"] = "SỔ THEO DÕI BIẾN ĐỘNG ĐẢNG VIÊN"
    book.save(path)
    report = check_inputs(inputs, SETTINGS, jobs=1)
    assert report.ledger is not None
    rows = report.ledger.sheet("movements")
    assert [r.values["count"] for r in rows] == [m[3] for m in MOVEMENTS]
    assert rows[0].cells["count"] == "E3"


def test_cell_tied_to_enterprise_whose_return_says_no_party_org(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    write_ledger(inputs / "so.xlsx", enterprises=ENTERPRISES, cells=CELLS, movements=MOVEMENTS)
    fill(inputs / "ab.xlsx", {**AS_TYPED, "has_party_org": "Không", "party_members": "2",
                              "party_members_not_transferred": "0"})
    report = check_inputs(inputs, SETTINGS, jobs=1)
    [prob] = [p for p in ledger_problems(report) if p.code == "cell-but-no-party-org"]
    assert prob.value == "0101234567" and "ab.xlsx" in prob.message


def test_return_from_enterprise_not_in_the_list_is_a_warning(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    write_ledger(inputs / "so.xlsx", enterprises=ENTERPRISES[1:], cells=CELLS[:2])
    fill(inputs / "ab.xlsx", AS_TYPED)
    report = check_inputs(inputs, SETTINGS, jobs=1)
    form = next(f for f in report.files if f.relpath == "ab.xlsx")
    assert form.outcome == ACCEPTED
    [prob] = [p for p in form.problems if p.code == "unknown-enterprise"]
    assert prob.cell and prob.value == "0101234567"


def test_completeness_per_zone_lists_who_is_missing(tmp_path):
    report = run(tmp_path)
    coverage = report.completeness
    assert coverage is not None and coverage.period.key == "2016-H1"
    zones = {z.zone: z for z in coverage.zones}
    assert (zones["Song Khê – Nội Hoàng"].expected, zones["Song Khê – Nội Hoàng"].received) == (1, 1)
    assert zones["Đình Trám"].missing == (("2400111111", "Công ty CP May Bắc Giang"),)
    assert zones["Hòa Phú"].expected == 1 and zones["Hòa Phú"].received == 0
    assert (coverage.expected, coverage.received) == (3, 1)
    assert zones["Vân Trung"].expected == 0 and zones["Vân Trung"].rate is None


def test_enterprise_not_yet_active_is_not_expected(tmp_path):
    enterprises = [row[:] for row in ENTERPRISES]
    enterprises[2][5] = D(2016, 9, 1)  # starts after 30/06/2016
    report = run(tmp_path, enterprises=enterprises)
    zones = {z.zone: z for z in report.completeness.zones}
    assert zones["Hòa Phú"].expected == 0


def test_no_ledger_is_a_general_warning(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    fill(inputs / "ab.xlsx", AS_TYPED)
    report = check_inputs(inputs, SETTINGS, jobs=1)
    assert [p.code for p in report.general] == ["ledger-missing"]
    assert report.completeness is None


def test_two_ledgers_newest_used(tmp_path):
    import os

    inputs = tmp_path / "inputs"
    inputs.mkdir()
    old = write_ledger(inputs / "so cu.xlsx", enterprises=ENTERPRISES, cells=CELLS, movements=MOVEMENTS)
    os.utime(old, (1_400_000_000, 1_400_000_000))
    write_ledger(inputs / "so moi.xlsx", enterprises=ENTERPRISES, cells=CELLS, movements=MOVEMENTS)
    report = check_inputs(inputs, SETTINGS, jobs=1)
    by_path = {f.relpath: f for f in report.files}
    assert by_path["so cu.xlsx"].outcome == SUPERSEDED
    assert "so moi.xlsx" in by_path["so cu.xlsx"].reason
