"""The checks every `generate` runs before it calls itself done, each shown to fail on a
deliberately broken context or output: a failure stops the run as an internal error (exit 3)
that says what disagrees, and the user sees it in Vietnamese."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import SETTINGS
from test_one_truth import make

from kcn_reports import excel_summary, generate
from kcn_reports.cli import cli
from kcn_reports.invariants import InvariantError

TODAY = dt.date(2017, 2, 1)


@pytest.fixture
def inputs(tmp_path) -> Path:
    return make(tmp_path)


def run(tmp_path: Path, inputs: Path):
    return generate.generate(SETTINGS, "annual", inputs, tmp_path / "outputs",
                             tmp_path / "report_templates", year=2016, today=TODAY, jobs=1)


def broken_build(change):
    """`build_context` as the run uses it, with `change` applied to its result."""
    real = generate.build_context

    def build(*args, **kwargs):
        return change(real(*args, **kwargs))

    return build


def test_a_consistent_run_passes(tmp_path, inputs):
    result = run(tmp_path, inputs)
    assert result.context.party.members_end == 38


def test_zone_total_that_is_not_the_labour_figure_stops_the_run(tmp_path, inputs, monkeypatch):
    def change(context):
        total = dataclasses.replace(context.by_zone_total,
                                    employees=context.by_zone_total.employees + 1)
        return dataclasses.replace(context, by_zone_total=total)

    monkeypatch.setattr(generate, "build_context", broken_build(change))
    with pytest.raises(InvariantError) as caught:
        run(tmp_path, inputs)
    message = str(caught.value)
    assert "dòng Tổng cộng, tổng số lao động (2130) khác lời văn (2129)" in message
    assert "Lỗi chương trình" in message
    assert not (tmp_path / "outputs").exists()  # caught before anything was written


def test_table_1_that_does_not_add_up_to_the_text_stops_the_run(tmp_path, inputs, monkeypatch):
    def change(context):
        party = dataclasses.replace(context.party, members_start=context.party.members_start + 2)
        return dataclasses.replace(context, party=party)

    monkeypatch.setattr(generate, "build_context", broken_build(change))
    with pytest.raises(InvariantError, match=r"tổng cột A \(31\) khác số đảng viên đầu kỳ "
                                             r"trong lời văn \(33\)"):
        run(tmp_path, inputs)


def test_a_row_marked_khop_that_the_check_does_not_reconcile_stops_the_run(
        tmp_path, inputs, monkeypatch):
    def change(context):
        rows = [dataclasses.replace(r, d=r.d + 1, check="Khớp")
                if r.cell == "Chi bộ Cơ quan" else r for r in context.movements]
        total = dataclasses.replace(context.movements_total, d=context.movements_total.d + 1)
        party = dataclasses.replace(context.party, members_end=context.party.members_end + 1)
        return dataclasses.replace(context, movements=rows, movements_total=total, party=party)

    monkeypatch.setattr(generate, "build_context", broken_build(change))
    with pytest.raises(InvariantError) as caught:
        run(tmp_path, inputs)
    message = str(caught.value)
    assert "Bảng 1, dòng Chi bộ Cơ quan: cột Kiểm tra ghi \"Khớp\"" in message
    assert "không có cảnh báo nào về chi bộ này" in message


def test_a_workbook_number_that_differs_from_figures_json_stops_the_run(
        tmp_path, inputs, monkeypatch):
    real = excel_summary._value_at

    def value_at(context, path):
        value = real(context, path)
        return value + 1 if path == "party.members_end" else value

    monkeypatch.setattr(excel_summary, "_value_at", value_at)
    with pytest.raises(InvariantError) as caught:
        run(tmp_path, inputs)
    [failure] = caught.value.failures
    assert failure.startswith("Tong-hop.xlsx, sheet \"Tổng hợp\", ô E")
    assert "39" in failure and "party.members_end" in failure and "38" in failure


def test_the_official_table_is_read_back_too(tmp_path, inputs, monkeypatch):
    real = excel_summary._set_typed

    def set_typed(cell, value):
        real(cell, value + 5 if value == 38 else value)

    monkeypatch.setattr(excel_summary, "_set_typed", set_typed)
    with pytest.raises(InvariantError) as caught:
        run(tmp_path, inputs)
    assert any(f.startswith("Bieu-tong-hop.xlsx, sheet \"Biểu tổng hợp\"") and "43" in f
               for f in caught.value.failures)


def test_the_user_sees_an_internal_error_with_exit_3(tmp_path, inputs, monkeypatch):
    def change(context):
        labour = dataclasses.replace(context.labour, female=context.labour.female - 10)
        return dataclasses.replace(context, labour=labour)

    monkeypatch.setattr(generate, "build_context", broken_build(change))
    result = CliRunner().invoke(cli, ["--workspace", str(tmp_path), "--no-cache", "generate",
                                      "--kind", "annual", "--year", "2016"])
    assert result.exit_code == 3, result.output
    assert "Lỗi chương trình: các số liệu của báo cáo không khớp nhau" in result.output
    assert "lao động nữ" in result.output
    assert "Traceback" not in result.output
