"""The compact record that carries an outcome back from a worker and into the cache: what goes
in comes out, and a record that is not ours is refused, never half-read."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from helpers import AS_TYPED, CELLS, ENTERPRISES, MOVEMENTS, SETTINGS, fill, write_ledger

from kcn_reports import record
from kcn_reports.check import FileOutcome, process_file
from kcn_reports.discover import discover
from kcn_reports.formdef import Period

SAMPLE = Path(__file__).resolve().parents[1] / "inputs"
TODAY = dt.date(2016, 11, 26)


def outcomes(folder: Path) -> list[FileOutcome]:
    found, _ = discover(folder)
    return [process_file(item, SETTINGS, TODAY) for item in found]


def roundtrip(outcome: FileOutcome) -> FileOutcome:
    return record.decode(record.encode(outcome), outcome.relpath, outcome.mtime)


def test_every_sample_outcome_comes_back_equal():
    results = outcomes(SAMPLE)
    kinds = {(o.kind, o.outcome) for o in results}
    assert ("form", "accepted") in kinds and ("ledger", "accepted") in kinds
    assert any(o.problems for o in results)  # problems travel too
    for outcome in results:
        assert roundtrip(outcome) == outcome, outcome.relpath


def test_rejected_odd_and_ledger_outcomes_come_back_equal(tmp_path):
    write_ledger(tmp_path / "so.xlsx", enterprises=ENTERPRISES, cells=CELLS, movements=MOVEMENTS)
    fill(tmp_path / "loi.xlsx", {**AS_TYPED, "employees": "nhiều", "prepared_on": "31/02/2016"})
    fill(tmp_path / "ok.xlsx", AS_TYPED)
    (tmp_path / "rong.xlsx").write_bytes(b"")
    (tmp_path / "word.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    results = {o.relpath: o for o in outcomes(tmp_path)}
    assert results["loi.xlsx"].outcome == "rejected" and results["rong.xlsx"].outcome == "rejected"
    assert results["so.xlsx"].ledger is not None and results["so.xlsx"].ledger.rows
    for outcome in results.values():
        assert roundtrip(outcome) == outcome, outcome.relpath
    back = roundtrip(results["ok.xlsx"])
    assert isinstance(back.form.values["period"], Period)
    assert type(back.form.values["prepared_on"]) is dt.date


def test_same_content_elsewhere_takes_its_own_path():
    outcome = next(o for o in outcomes(SAMPLE) if o.problems)
    moved = record.decode(record.encode(outcome), "khac/ban-sao.xlsx", 5.0)
    assert moved.relpath == "khac/ban-sao.xlsx" and moved.mtime == 5.0
    assert {p.file for p in moved.problems} == {"khac/ban-sao.xlsx"}


def test_a_form_read_without_all_fields_keeps_exactly_its_keys():
    from kcn_reports.parse import FormReturn

    form = FormReturn("x.xlsx", "Báo cáo", {"tax_code": "2400000000"}, {"tax_code": "C9"})
    outcome = FileOutcome("x.xlsx", "form", "accepted", "", [], form, 1.0)
    assert roundtrip(outcome) == outcome


@pytest.mark.parametrize("payload", [
    '{"kind": 1}',
    "[]",
    '["form", "accepted", "", [], ["Báo cáo", [1, 2, 3], [], [], null], null]',
    '["form", 7, "", [], null, null]',
    '["form", "accepted", "", [["code", "error"]], null, null]',
    "not json",
])
def test_a_record_that_is_not_ours_is_refused(payload):
    with pytest.raises((ValueError, TypeError, KeyError)):
        record.decode(payload, "a.xlsx", 0.0)


def test_dates_and_periods_are_the_only_objects_in_a_form_record():
    outcome = next(o for o in outcomes(SAMPLE) if o.form is not None and o.outcome == "accepted")
    data = json.loads(record.encode(outcome))
    values = data[4][1]
    objects = [v for v in values if isinstance(v, dict)]
    assert objects and all(len(v) == 1 and next(iter(v)) in ("$date", "$period") for v in objects)


def test_a_record_not_read_back_costs_only_its_file(tmp_path, monkeypatch):
    """Should the encoder ever write what the decoder refuses, that file is an internal error
    and the others are read as usual (nothing of it is cached)."""
    from kcn_reports.check import check_inputs

    fill(tmp_path / "a.xlsx", AS_TYPED)
    fill(tmp_path / "b.xlsx", {**AS_TYPED, "tax_code": "2400111111"})
    real_decode = record.decode

    def decode(payload, relpath, mtime):
        if relpath == "b.xlsx":
            raise ValueError("hỏng")
        return real_decode(payload, relpath, mtime)

    monkeypatch.setattr(record, "decode", decode)
    report = check_inputs(tmp_path, SETTINGS, jobs=1, today=TODAY)
    by_path = {f.relpath: f for f in report.files}
    assert by_path["a.xlsx"].outcome == "accepted"
    assert by_path["b.xlsx"].outcome == "rejected"
    assert by_path["b.xlsx"].problems[0].code == "internal-error"
    assert "ValueError: hỏng" in by_path["b.xlsx"].reason


def test_outcomes_of_the_same_layout_do_not_share_their_cells():
    outcome = next(o for o in outcomes(SAMPLE) if o.form is not None and o.form.cells)
    payload = record.encode(outcome)
    first, second = (record.decode(payload, name, 0.0) for name in ("a.xlsx", "b.xlsx"))
    first.form.cells["tax_code"] = "Z99"
    assert second.form.cells["tax_code"] == outcome.form.cells["tax_code"] != "Z99"
