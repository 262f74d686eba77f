"""What a run writes, and what it never touches.

- A `generate` killed at any moment leaves one complete set of outputs, the earlier run's or the
  new one's, never a mix nor a half-written file (spec §4: a fresh folder, then a swap); the
  next run cleans what the killed one left.
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
from helpers import AS_TYPED, docx_text, fill, write_ledger

from kcn_reports.blank_form import input_cells
from kcn_reports.cache import ResultCache
from kcn_reports.check import ACCEPTED, check_inputs
from kcn_reports.generate import generate
from kcn_reports.sample import make_sample
from kcn_reports.settings import DEFAULT_SETTINGS, load_settings

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


# --- (a) a run killed at any moment ------------------------------------------------------------


def set_state(folder: Path) -> tuple[str, dict[str, str]]:
    """(figures.json text, name -> digest) of the complete set in `folder`, after checking it
    is one run's set: every file the manifest lists is there with the digest it recorded."""
    manifest = json.loads((folder / "ban-goc.json").read_text(encoding="utf-8"))
    files = manifest["files"]
    assert {".docx", ".xlsx", ".json"} <= {Path(n).suffix for n in files}
    digests = {}
    for name, entry in files.items():
        path = folder / name
        assert_readable(path)
        digests[name] = hashlib.sha256(path.read_bytes()).hexdigest()
        assert digests[name] == entry["sha256"], (name, "from another run than the manifest")
    return (folder / "figures.json").read_text(encoding="utf-8"), digests


def test_killed_generate_leaves_one_complete_set(tmp_path):
    """Kills at moments spread over the writing and the swap: the report folder always holds
    one complete set, the previous run's or the new one's, never a mix; a later run cleans up
    what the killed ones left."""
    workspace = tmp_path / "ws"
    inputs = workspace / "inputs"
    make_sample(inputs)
    (workspace / "kcn_reports.toml").write_text(DEFAULT_SETTINGS, encoding="utf-8")
    held = tmp_path / "held"
    held.mkdir()
    returns = sorted(p for p in inputs.rglob("*.xlsx") if "theo" not in p.name.lower())
    toggled = returns[len(returns) // 2]  # one accepted return, taken out and put back
    env = {**os.environ, "KCN_REPORTS_CACHE": str(tmp_path / "cache"), "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-m", "kcn_reports", "-w", str(workspace), "generate",
               "--kind", "two-year", "--as-of", AS_OF.isoformat()]

    def toggle() -> None:
        if toggled.exists():
            toggled.rename(held / toggled.name)
        else:
            (held / toggled.name).rename(toggled)

    def run() -> None:
        done = subprocess.run(command, cwd=workspace, env=env, capture_output=True, timeout=180)
        assert done.returncode in (0, 1), done.stderr.decode("utf-8", "replace")
        assert "Traceback" not in done.stderr.decode("utf-8", "replace")

    folder = workspace / "outputs" / f"bao-cao-hai-nam-{AS_OF.isoformat()}"
    run()
    with_return = set_state(folder)[0]
    toggle()
    started = time.time()
    run()  # also times a complete run (served by the cache, as the killed ones are)
    without_return = set_state(folder)[0]
    assert with_return != without_return  # the two states give different sets
    written = [p.stat().st_mtime - started for p in folder.iterdir() if p.is_file()]
    low, high = max(0.1, min(written) - 0.5), max(written) + 0.2
    delays = [0.2, *(low + k * (high - low) / 8 for k in range(9))]
    templates = sorted(p.name for p in (workspace / "report_templates").iterdir())

    for delay in delays:
        toggle()
        before = set_state(folder)
        process = subprocess.Popen(command, cwd=workspace, env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.kill()
        process.wait(timeout=30)
        if folder.exists():
            after = set_state(folder)
        else:  # killed between the swap's two renames: the previous set waits aside, whole
            aside = list(folder.parent.glob(f".{folder.name}.ban-cu-*"))
            assert len(aside) == 1, (delay, list(folder.parent.iterdir()))
            after = set_state(aside[0])
            run()  # and the next run puts it back before doing its own
            assert set_state(folder)[0] == (with_return if toggled.exists() else without_return)
        # The previous set byte for byte, or a whole new one made from the inputs as they are.
        expected = with_return if toggled.exists() else without_return
        assert after[1] == before[1] or after[0] == expected, delay
        for name in templates:
            assert_readable(workspace / "report_templates" / name)

    # A later complete run is not disturbed by the leftovers, and removes them.
    run()
    set_state(folder)
    leftovers = [p.name for p in folder.parent.iterdir() if p.name.startswith(".")]
    assert leftovers == []
    assert not [p for p in folder.rglob(".*")]


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
    manifest = f"{result.period.slug}/ban-goc.json"  # what the program wrote, for the next run
    assert written == {p.relative_to(out_root).as_posix() for p in result.outputs} | {manifest}
    for path in result.outputs:
        assert path.parent == out_root / result.period.slug
        assert SAFE_NAME.match(path.name), path.name
    assert SAFE_NAME.match(result.period.slug)
    for text in (*NAMES, *TAX_CODES):
        assert all(text not in name for name in written)

    sample_root, sample, _before, _after = sample_run
    assert sorted(p.relative_to(sample_root / "outputs").as_posix() for p in sample.outputs) == \
        sorted(written - {manifest})


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
