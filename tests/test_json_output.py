"""`check --json`: the same data as `CheckReport.to_dict`, written one file per line."""

from __future__ import annotations

import dataclasses
import json

from click.testing import CliRunner
from helpers import AS_TYPED, SETTINGS, fill

from kcn_reports.check import check_inputs
from kcn_reports.cli import cli
from kcn_reports.problems import problem


def test_json_text_holds_exactly_the_report(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    fill(inputs / "ab.xlsx", AS_TYPED)
    fill(inputs / "loi.xlsx", {**AS_TYPED, "tax_code": "2400111111", "employees": "nhiều"})
    (inputs / "ghi chu.txt").write_text("x", encoding="utf-8")
    report = check_inputs(inputs, SETTINGS, jobs=1)
    text = report.to_json()
    assert json.loads(text) == json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    files = text.split('"files": [\n', 1)[1].rsplit("\n  ]", 1)[0].split(",\n")
    assert [json.loads(line)["path"] for line in files] == ["ab.xlsx", "ghi chu.txt", "loi.xlsx"]
    assert '"zone": "Song Khê – Nội Hoàng"' in text  # Vietnamese as is, not \u-escaped


def test_json_of_an_empty_folder(tmp_path):
    (tmp_path / "inputs").mkdir()
    report = check_inputs(tmp_path / "inputs", SETTINGS, jobs=1)
    data = json.loads(report.to_json())
    assert data["files"] == [] and data["summary"]["files"] == 0


def test_check_json_prints_it(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    fill(inputs / "ab.xlsx", AS_TYPED)
    result = CliRunner().invoke(cli, ["check", "--inputs", str(inputs), "--json"])
    data = json.loads(result.output)
    [item] = data["files"]
    assert item["values"]["employees"] == 1234 and item["period"] == "2016-H1"
    assert item["values"]["union_founded_on"] == "2015-03-05"


def test_problem_dict_has_every_field():
    found = problem("ledger-row-skipped", file="so.xlsx", sheet="Chỉ tiêu", cell="B7",
                    field="targets", value="x", sheet_name="Chỉ tiêu", row=7, reason="lý do")
    assert found.to_dict() == dataclasses.asdict(found)
