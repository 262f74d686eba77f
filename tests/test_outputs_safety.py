"""What a run writes, and what it never touches.

- A `generate` killed at any moment leaves the earlier outputs readable, and no half-written
  file under a final name (spec §4: temp file, then rename).
- Inputs are never modified, added to or removed.
- Text from inputs is data: no Jinja evaluation in the Word report, no formula or hyperlink in
  any Excel output.
- No output name is built from input text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from helpers import AS_TYPED, fill, write_ledger

from kcn_reports.blank_form import input_cells
from kcn_reports.cache import ResultCache
from kcn_reports.check import ACCEPTED, check_inputs
from kcn_reports.generate import generate
from kcn_reports.sample import make_sample
from kcn_reports.settings import load_settings

SETTINGS = load_settings(None)
AS_OF = dt.date(2016, 11, 26)
TODAY = dt.date(2016, 11, 28)
SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def snapshot(folder: Path) -> dict[str, str]:
    """relpath -> sha256 of every file under `folder`."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_readable(path: Path) -> None:
    if path.suffix == ".docx":
        assert Document(str(path)).paragraphs, path
    elif path.suffix == ".xlsx":
        assert openpyxl.load_workbook(path).sheetnames, path
    elif path.suffix == ".json":
        assert json.loads(path.read_text(encoding="utf-8")), path
    else:
        raise AssertionError(f"unexpected output {path}")


def docx_text(path: Path) -> str:
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


# --- (a) a run killed at any moment ------------------------------------------------------------


def test_killed_generate_leaves_earlier_outputs_intact(tmp_path):
    workspace = tmp_path / "ws"
    make_sample(workspace / "inputs")
    inputs_before = snapshot(workspace / "inputs")
    env = {**os.environ, "KCN_REPORTS_CACHE": str(tmp_path / "cache"), "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-m", "kcn_reports", "-w", str(workspace), "generate",
               "--kind", "two-year", "--as-of", AS_OF.isoformat()]

    def run() -> subprocess.CompletedProcess[bytes]:
        done = subprocess.run(command, cwd=workspace, env=env, capture_output=True, timeout=120)
        assert done.returncode in (0, 1), done.stderr.decode("utf-8", "replace")
        assert "Traceback" not in done.stderr.decode("utf-8", "replace")
        return done

    first = run()
    folder = workspace / "outputs" / f"bao-cao-hai-nam-{AS_OF.isoformat()}"
    finals = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
    assert {".docx", ".xlsx", ".json"} <= {Path(n).suffix for n in finals}
    templates = sorted(p.name for p in (workspace / "report_templates").iterdir())

    # Time a complete run (served by the cache, as the killed ones are) to aim the kills at the
    # moments the outputs are being written, whatever the speed of the machine.
    started = time.time()
    run()
    written = [(folder / name).stat().st_mtime - started for name in finals]
    low, high = max(0.1, min(written) - 0.3), max(written)
    delays = [0.2, *(low + k * (high - low) / 6 for k in range(7))]

    for delay in delays:
        process = subprocess.Popen(command, cwd=workspace, env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.kill()
        process.wait(timeout=30)
        names = sorted(p.name for p in folder.iterdir())
        # What was being written when killed is a hidden temp file; every final name is whole.
        assert sorted(n for n in names if not n.startswith(".")) == finals, (delay, names)
        for name in finals:
            assert_readable(folder / name)
        for name in templates:
            assert_readable(workspace / "report_templates" / name)

    # A later complete run is not disturbed by the leftovers (temp files, the cache).
    assert run().returncode == first.returncode
    for name in finals:
        assert_readable(folder / name)
    assert snapshot(workspace / "inputs") == inputs_before


# --- (b) inputs are read-only ----------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory):
    """The sample workspace checked once, then generated twice (the second from the cache),
    with snapshots of its inputs before and after."""
    root = tmp_path_factory.mktemp("sample")
    inputs = root / "inputs"
    make_sample(inputs)
    before = snapshot(inputs), {p: p.stat().st_mtime_ns for p in inputs.rglob("*")}
    check_inputs(inputs, SETTINGS, jobs=2)
    results = [generate(SETTINGS, "two-year", inputs, root / "outputs", root / "report_templates",
                        as_of=AS_OF, today=TODAY, jobs=2,
                        cache=ResultCache(root / "cache", SETTINGS, TODAY))
               for _ in range(2)]
    after = snapshot(inputs), {p: p.stat().st_mtime_ns for p in inputs.rglob("*")}
    return root, results[-1], before, after


def test_check_and_generate_never_touch_inputs(sample_run):
    _root, _result, before, after = sample_run
    assert before[0] and after == before  # same files, same bytes, same times


# --- (c) injection, (d) output names ---------------------------------------------------------

NAMES = ["A&B <Việt Nam> {{ 7*7 }} {% if %}", '=HYPERLINK("http://x","y")', "+1", "-2+3",
         "@SUM(A1)"]
TAX_CODES = [f"24000000{i:02d}" for i in range(1, len(NAMES) + 1)]
D = dt.datetime


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """Returns whose enterprise names are markup, template tags and formulas; the Sổ theo dõi
    names its party cells after them (so they reach the Word report's tables)."""
    root = tmp_path_factory.mktemp("hostile")
    inputs = root / "inputs"
    inputs.mkdir()
    name_cell = input_cells()["name"]
    for name, tax in zip(NAMES, TAX_CODES, strict=True):
        def typed_as_text(sheet, name=name):
            # What an enterprise gets by typing '=... (leading apostrophe): text, not a formula.
            sheet[name_cell] = name
            sheet[name_cell].data_type = "s"

        fill(inputs / f"{tax}.xlsx", {**AS_TYPED, "tax_code": tax, "name": None},
             mutate=typed_as_text)
    ledger = write_ledger(
        inputs / "So_theo_doi.xlsx",
        enterprises=[[tax, name, "Đình Trám", "FDI", "Hàn Quốc", D(2012, 1, 1), None]
                     for name, tax in zip(NAMES, TAX_CODES, strict=True)],
        cells=[[f"Chi bộ {name}", "Doanh nghiệp", None, D(2010, 1, 1), None, 5 + i]
               for i, name in enumerate(NAMES)],
        movements=[[D(2016, 3, 1), f"Chi bộ {NAMES[0]}", "Kết nạp", 2, None, None]],
    )
    book = openpyxl.load_workbook(ledger)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":  # typed with a leading apostrophe in Excel
                    cell.data_type = "s"
    book.save(ledger)
    before = snapshot(inputs)
    result = generate(SETTINGS, "two-year", inputs, root / "outputs", root / "report_templates",
                      as_of=AS_OF, today=TODAY, jobs=2)
    assert snapshot(inputs) == before
    return root, result


def test_hostile_returns_are_read_as_text(hostile):
    _root, result = hostile
    forms = {f.tax_code: f for f in result.report.files if f.tax_code}
    for name, tax in zip(NAMES, TAX_CODES, strict=True):
        assert forms[tax].outcome == ACCEPTED, [p.message for p in forms[tax].problems]
        assert forms[tax].form.values["name"] == name


def test_word_report_shows_names_literally(hostile):
    _root, result = hostile
    docx = next(p for p in result.outputs if p.suffix == ".docx")
    text = docx_text(docx)  # opens: the markup did not corrupt the file
    for name in NAMES:
        assert f"Chi bộ {name}" in text, name
    first = next(line for line in text.splitlines() if "A&B" in line)
    assert "{{ 7*7 }}" in first and "49" not in first
    with zipfile.ZipFile(docx) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    assert "A&amp;B &lt;Việt Nam&gt;" in xml


def test_excel_outputs_hold_no_formula_and_names_as_text(hostile):
    _root, result = hostile
    workbooks = [p for p in result.outputs if p.suffix == ".xlsx"]
    assert len(workbooks) >= 2
    seen: dict[str, set[str]] = {name: set() for name in NAMES}
    for path in workbooks:
        book = openpyxl.load_workbook(path)
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (path.name, sheet.title, cell.coordinate, cell.value)
                    assert cell.hyperlink is None, (path.name, sheet.title, cell.coordinate)
                    if isinstance(cell.value, str):
                        for name in NAMES:
                            if name in cell.value:
                                assert cell.data_type == "s"
                                seen[name].add(f"{path.name}/{sheet.title}")
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                if member.startswith("xl/worksheets/") and member.endswith(".xml"):
                    xml = archive.read(member).decode("utf-8")
                    assert "<f>" not in xml and "<f " not in xml, (path.name, member)
    for name, where in seen.items():
        assert any(w.startswith("Tong-hop.xlsx/") for w in where), (name, where)


def test_figures_json_keeps_names_as_data(hostile):
    _root, result = hostile
    figures = next(p for p in result.outputs if p.name == "figures.json")
    text = json.dumps(json.loads(figures.read_text(encoding="utf-8")), ensure_ascii=False)
    assert "Chi bộ A&B <Việt Nam> {{ 7*7 }} {% if %}" in text


def test_no_output_name_comes_from_input_text(hostile, sample_run):
    """Output names come from the report kind and dates only: the same names for the sample
    workspace and for inputs full of markup, and nothing written outside outputs/<slug>/."""
    root, result = hostile
    out_root = root / "outputs"
    written = {p.relative_to(out_root).as_posix() for p in out_root.rglob("*") if p.is_file()}
    assert written == {p.relative_to(out_root).as_posix() for p in result.outputs}
    for path in result.outputs:
        assert path.parent == out_root / result.period.slug
        assert SAFE_NAME.match(path.name), path.name
    assert SAFE_NAME.match(result.period.slug)
    for text in (*NAMES, *TAX_CODES):
        assert all(text not in name for name in written)

    sample_root, sample, _before, _after = sample_run
    assert sorted(p.relative_to(sample_root / "outputs").as_posix() for p in sample.outputs) == \
        sorted(written)


def test_interrupted_first_run_leaves_no_half_template(tmp_path, monkeypatch):
    """The default templates are written once and never overwritten afterwards, so a template
    cut short by an interruption would break every later run: they are written atomically."""
    from kcn_reports import generate as generate_module

    real_copy = generate_module.shutil.copyfile

    def interrupted_copy(source, target, *args, **kwargs):
        Path(target).write_bytes(Path(source).read_bytes()[:200])
        raise KeyboardInterrupt

    monkeypatch.setattr(generate_module.shutil, "copyfile", interrupted_copy)
    templates = tmp_path / "report_templates"
    with pytest.raises(KeyboardInterrupt):
        generate_module.ensure_templates(templates)
    assert [p.name for p in templates.iterdir()] == []

    monkeypatch.setattr(generate_module.shutil, "copyfile", real_copy)
    created = generate_module.ensure_templates(templates)
    assert sorted(p.name for p in templates.iterdir()) == sorted(p.name for p in created)
    for path in created:
        assert_readable(path)
