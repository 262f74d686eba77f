"""What a command imports, checked as facts rather than timings (spec §6: `--help` starts fast
because heavy modules are imported only when needed; a re-run served by the cache starts no
reader and no worker)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from helpers import AS_TYPED, fill

HEAVY = ["pandas", "openpyxl", "xlsxwriter", "docxtpl", "docx", "matplotlib", "babel",
         "python_calamine", "tqdm", "concurrent.futures.process", "sqlite3", "jinja2",
         "kcn_reports.parse", "kcn_reports.workbook"]

# Runs the CLI in a fresh interpreter with stderr not a terminal, then reports which of the
# heavy modules were imported.
PROBE = """
import json, sys
heavy = json.loads(sys.argv.pop(1))
from kcn_reports.cli import main
try:
    main()
except SystemExit as exit:
    code = exit.code
print(json.dumps({"code": code, "loaded": [m for m in heavy if m in sys.modules]}))
"""


def imported(args: list[str], cache: Path) -> tuple[int, set[str]]:
    env = {**os.environ, "KCN_REPORTS_CACHE": str(cache), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(HEAVY), *args],
                          capture_output=True, text=True, encoding="utf-8", env=env, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return result["code"], set(result["loaded"])


def test_help_imports_no_heavy_module(tmp_path):
    code, loaded = imported(["--help"], tmp_path / "cache")
    assert code == 0
    assert loaded == set()


def test_cached_rerun_starts_no_reader_no_worker_no_progress_bar(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for n in range(3):
        fill(inputs / f"dn{n}.xlsx", {**AS_TYPED, "tax_code": f"240000000{n}"})
    seconds_ago = 3600  # older than the cache's two-second window for untrusted times
    for path in inputs.iterdir():
        then = path.stat().st_mtime - seconds_ago
        os.utime(path, (then, then))
    first_code, first = imported(["check", "--inputs", str(inputs)], tmp_path / "cache")
    assert "concurrent.futures.process" in first  # it did start workers to read
    code, loaded = imported(["check", "--inputs", str(inputs)], tmp_path / "cache")
    assert code == first_code
    assert loaded & {"python_calamine", "concurrent.futures.process", "tqdm", "pandas",
                     "openpyxl", "xlsxwriter", "docxtpl", "matplotlib", "kcn_reports.parse",
                     "kcn_reports.workbook"} == set()
