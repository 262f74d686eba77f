"""The worker pool: a file that hangs or kills its reader costs only that file."""

from __future__ import annotations

import os
import time

from kcn_reports import record
from kcn_reports.check import _crashed
from kcn_reports.discover import InputFile
from kcn_reports.workers import CRASHED, TIMED_OUT, run_isolated


def work(item: str) -> str:
    if item == "slow":
        time.sleep(60)
    if item == "boom":
        os._exit(9)  # as a native abort would: no exception, the process is gone
    if item == "bug":
        raise ValueError("lỗi lập trình")
    return item.upper()


def on_crash(item: str, detail: str) -> str:
    return f"{item}:{detail}"


def test_hung_file_is_stopped_and_the_others_finish():
    started = time.monotonic()
    results = dict(run_isolated(work, ["a", "slow", "b", "c"], on_crash, jobs=2, chunk_size=1,
                                timeout=2))
    assert time.monotonic() - started < 30
    assert results == {0: "A", 1: f"slow:{TIMED_OUT}", 2: "B", 3: "C"}


def test_dead_worker_costs_only_its_file_and_bugs_are_reported():
    results = dict(run_isolated(work, ["a", "boom", "bug", "d"], on_crash, jobs=2, chunk_size=2))
    assert results[0] == "A" and results[3] == "D"
    assert results[1] == f"boom:{CRASHED}"
    assert results[2].startswith("bug:ValueError: lỗi lập trình")


def test_timeout_outcome_is_a_located_vietnamese_reason(tmp_path):
    item = InputFile(str(tmp_path / "to.xlsx"), "thư mục/to.xlsx", 10, 0.0)
    payload, key = _crashed(item, TIMED_OUT, limit=60)
    outcome = record.decode(payload, item.relpath, item.mtime)
    assert outcome.outcome == "rejected" and key is None
    assert outcome.problems[0].code == "file-timeout"
    assert "60 giây" in outcome.reason and outcome.problems[0].file == "thư mục/to.xlsx"
