"""An independent corpus: 64 returns of Bắc Ninh enterprises as their accountants typed them
(`accountant_returns.py`, written by a red team that had not seen the reader), read with the
province's own settings and compared, field by field, with what a careful human reads.

The expected values are the red team's: nothing here is computed by the code under test.
"""

from __future__ import annotations

import math
import unicodedata

import pytest
from accountant_returns import build, records

from kcn_reports.check import check_inputs
from kcn_reports.settings import load_settings

SETTINGS_TOML = """\
[organisation]
superior_body = "ĐẢNG BỘ KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH"
issuing_body = "ĐẢNG ỦY CÁC KHU CÔNG NGHIỆP"
abbreviation = "ĐU"
place = "Bắc Ninh"
party_org_name = "Đảng bộ Các Khu công nghiệp tỉnh Bắc Ninh"

[[zones]]
name = "Yên Phong"
aliases = ["Yên Phong I", "Yên Phong 1"]

[[zones]]
name = "Quế Võ"
aliases = ["Quế Võ I", "Quế Võ 1"]

[[zones]]
name = "Tiên Sơn"
aliases = []

[[zones]]
name = "VSIP Bắc Ninh"
aliases = ["VSIP", "Việt Nam - Singapore Bắc Ninh", "Việt Nam – Singapore Bắc Ninh"]

[[zones]]
name = "Thuận Thành II"
aliases = ["Thuận Thành 2"]
"""

RECORDS = {rec["file"]: rec for rec in records()}


@pytest.fixture(scope="module")
def read_back(tmp_path_factory):
    root = tmp_path_factory.mktemp("bac-ninh")
    (root / "kcn_reports.toml").write_text(SETTINGS_TOML, encoding="utf-8")
    settings = load_settings(root / "kcn_reports.toml")
    inputs = root / "inputs"
    build(inputs)
    report = check_inputs(inputs, settings, jobs=1)
    return {f.relpath: f.to_dict() for f in report.files}


def same(read, expected) -> bool:
    if expected is None or read is None:
        return read is None and expected is None
    if isinstance(expected, bool) or isinstance(read, bool):
        return read is expected
    if isinstance(expected, (int, float)) and isinstance(read, (int, float)):
        return math.isclose(read, expected, rel_tol=1e-9, abs_tol=1e-9)
    return read == expected


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_each_return_reads_as_a_careful_human_reads_it(read_back, name):
    expected = RECORDS[name]
    got = read_back[name]
    if expected["outcome"] == "not-a-return":
        assert got["kind"] != "form" and got["outcome"] == "skipped", got["problems"]
        return
    alternatives = expected.get("outcome_alternatives", [])
    assert got["outcome"] == expected["outcome"] or got["outcome"] in alternatives, (
        expected["traits"], [p["message"] for p in got["problems"]])
    if got["outcome"] == expected["outcome"]:
        debatable = expected.get("debatable", {})
        wrong = {}
        for key, want in expected.get("values", {}).items():
            if key in expected.get("ignore", []):
                continue
            read = got["values"].get(key)
            if isinstance(read, str):
                assert unicodedata.normalize("NFC", read) == read, key
            fine = [want, *debatable.get(key, {}).get("alternatives", [])]
            if not any(same(read, value) for value in fine):
                wrong[key] = (read, want)
        assert not wrong, (expected["traits"], wrong)
    wanted = expected.get("expect_problem")
    if wanted:
        errors = [p for p in got["problems"] if p["severity"] == "error"
                  and (wanted.get("field") is None or p["field"] == wanted["field"])
                  and all(s.lower() in p["message"].lower()
                          for s in wanted.get("message_contains", []))]
        assert errors, (wanted["what"], got["problems"])
        if wanted.get("cell"):
            assert any(p["cell"] == wanted["cell"] for p in errors), (wanted, errors)


def test_every_file_of_the_corpus_is_listed_once(read_back):
    assert set(RECORDS) <= set(read_back)
