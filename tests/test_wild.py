"""`check` over real spreadsheets written by other people: it finishes, lists every file once,
and gives a reason for each one it does not accept."""

from __future__ import annotations

import json
import shutil
from collections import Counter

from click.testing import CliRunner
from helpers import AS_TYPED, fill

from kcn_reports.check import ACCEPTED, REJECTED, SKIPPED, check_inputs
from kcn_reports.cli import cli
from kcn_reports.settings import load_settings


def test_every_wild_file_listed_once_with_a_reason(wild_dir):
    report = check_inputs(wild_dir, load_settings(None))
    on_disk = sorted(p.relative_to(wild_dir).as_posix() for p in wild_dir.rglob("*") if p.is_file())
    listed = [f.relpath for f in report.files]
    assert sorted(listed) == on_disk
    assert not [p for p, n in Counter(listed).items() if n > 1]
    for item in report.files:
        if item.outcome != ACCEPTED:
            assert item.reason.strip(), item.relpath
    outcomes = {f.relpath: f for f in report.files}
    # A few files whose fate is known: encrypted, a DoS .ods, an entity bomb, empty, not Excel.
    assert outcomes["pycalamine__password.xlsx"].problems[0].code == "file-password"
    assert outcomes["poi__password.xls"].problems[0].code == "file-password"
    assert outcomes["calamine__issue_594_dos.ods"].problems[0].code == "grid-too-large"
    assert outcomes["poi__poc-xmlbomb.xlsx"].problems[0].code == "file-unsafe"
    assert outcomes["pycalamine__empty_file.xlsx"].problems[0].code == "file-empty"
    assert outcomes["SOURCES.md"].outcome == SKIPPED
    # Made calamine panic before 0.6; read since (and not a return): listed either way.
    assert outcomes["calamine__issue_666_panic.xlsb"].outcome in (REJECTED, SKIPPED)
    assert outcomes["pycalamine__base.xlsx"].reason.startswith("Tệp không phải mẫu báo cáo")


def test_check_cli_on_wild_prints_no_traceback(wild_dir):
    result = CliRunner().invoke(cli, ["check", "--inputs", str(wild_dir), "--json"])
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    data = json.loads(result.output)
    assert len(data["files"]) == data["summary"]["files"] == sum(1 for p in wild_dir.rglob("*") if p.is_file())
    assert all(f["reason"] for f in data["files"] if f["outcome"] != "accepted")


def test_good_return_among_every_wild_file(wild_dir, tmp_path):
    """All the hostile files in one folder with one good return, two workers: the return is
    accepted, each file is listed once, and none is an error of the program itself."""
    inputs = tmp_path / "inputs"
    shutil.copytree(wild_dir, inputs)
    fill(inputs / "Báo cáo 6 tháng.xlsx", AS_TYPED)
    report = check_inputs(inputs, load_settings(None), jobs=2)
    listed = Counter(f.relpath for f in report.files)
    assert sorted(listed) == sorted(p.relative_to(inputs).as_posix()
                                    for p in inputs.rglob("*") if p.is_file())
    assert set(listed.values()) == {1}
    good = next(f for f in report.files if f.relpath == "Báo cáo 6 tháng.xlsx")
    assert good.outcome == ACCEPTED and good.tax_code == "0101234567"
    assert not [f.relpath for f in report.files if any(p.code == "internal-error" for p in f.problems)]
    assert all("Traceback" not in f.reason for f in report.files)
