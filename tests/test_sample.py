"""The sample workspace reproduces every figure of the 2016 article (seed/article.txt).

The figures are computed here independently of the product's aggregation: from the accepted
returns that `check_inputs` reads and from the Sổ theo dõi read back with openpyxl, under the
definitions written in `kcn_reports.sample`'s docstring.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.utils.cell import get_column_letter, range_boundaries

from kcn_reports.blank_ledger import INSTRUCTIONS_SHEET, write_blank_ledger
from kcn_reports.check import ACCEPTED, REJECTED, SKIPPED, SUPERSEDED, CheckReport, check_inputs
from kcn_reports.formdef import OWNERSHIP_DOMESTIC, OWNERSHIP_FDI, PERIOD_HALF, Kind, Period
from kcn_reports.ledgerdef import (
    ACTIVITY_TYPES,
    CELL_TYPES,
    MOVEMENT_DECREASES,
    MOVEMENT_INCREASES,
    MOVEMENT_TYPES,
    SHEETS,
    SHEETS_BY_KEY,
    TARGETS,
)
from kcn_reports.sample import (
    BASELINE_SHARES,
    CELLS,
    CSV_FILE,
    LEDGER_FILE,
    LOCK_FILE,
    PDF_FILE,
    REJECTED_FILE,
    SAMPLE_MARKER,
    clear_sample,
    make_sample,
    sample_files,
)
from kcn_reports.settings import load_settings

SETTINGS = load_settings(None)
ZONES = [z.name for z in SETTINGS.zones]
BASELINE = SETTINGS.baseline.date
AS_OF = dt.date(2016, 11, 26)
H1_2016 = Period(PERIOD_HALF, 2016)


# --- Fixtures -------------------------------------------------------------------------------



def _as_date(value: Any) -> Any:
    return value.date() if isinstance(value, dt.datetime) else value


def read_ledger_rows(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Every data row of the workbook, as {column key: value}, found by the ledgerdef headers."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows: dict[str, list[dict[str, Any]]] = {}
    for sheet in SHEETS:
        grid = list(book[sheet.name].iter_rows(values_only=True))
        keys = {column.header: column.key for column in sheet.columns}
        header = [keys.get(h) for h in grid[0]]
        rows[sheet.key] = [
            {key: _as_date(value) for key, value in zip(header, row, strict=False) if key}
            for row in grid[1:] if any(v is not None for v in row)
        ]
    book.close()
    return rows


@pytest.fixture(scope="module")
def ledger(sample: tuple[Path, CheckReport]) -> dict[str, list[dict[str, Any]]]:
    inputs, _ = sample
    return read_ledger_rows(inputs / LEDGER_FILE)


@pytest.fixture(scope="module")
def forms(sample: tuple[Path, CheckReport]) -> list[dict[str, Any]]:
    """Values of the accepted returns of the latest period whose snapshot is ≤ the as-of date."""
    _, report = sample
    accepted = report.accepted_forms()
    periods = {f.values["period"] for f in accepted}
    latest = max((p for p in periods if dt.date.fromisoformat(p.snapshot) <= AS_OF),
                 key=lambda p: p.snapshot)
    assert latest == H1_2016
    return [f.values for f in accepted if f.values["period"] == latest]


# --- Independent definitions ----------------------------------------------------------------

def cells_at(ledger: dict, day: dt.date) -> list[dict[str, Any]] | int:
    if day == BASELINE:
        return SETTINGS.baseline.party_cells
    return [c for c in ledger["cells"] if c["founded_on"] <= day
            and (c.get("dissolved_on") is None or c["dissolved_on"] > day)]


def n_cells(ledger: dict, day: dt.date) -> int:
    found = cells_at(ledger, day)
    return found if isinstance(found, int) else len(found)


def balance(movements: list[dict[str, Any]], after: dt.date, until: dt.date) -> int:
    ups = set(MOVEMENT_INCREASES.values())
    downs = set(MOVEMENT_DECREASES.values())
    total = 0
    for m in movements:
        if after < m["date"] <= until:
            assert m["type"] in ups | downs, m
            total += m["count"] if m["type"] in ups else -m["count"]
    return total


def members_at(ledger: dict, day: dt.date) -> int:
    if day == BASELINE:
        return SETTINGS.baseline.party_members
    return SETTINGS.baseline.party_members + balance(ledger["movements"], BASELINE, day)


def fdi_tax_codes(ledger: dict) -> set[str]:
    return {e["tax_code"] for e in ledger["enterprises"] if e["ownership"] == OWNERSHIP_FDI}


def activities(ledger: dict, kind: str) -> list[dict[str, Any]]:
    return [a for a in ledger["activities"]
            if a["type"] == ACTIVITY_TYPES[kind] and BASELINE < a["date"] <= AS_OF]


# --- The article's figures ------------------------------------------------------------------

def test_party_cells_and_members(ledger):
    assert (n_cells(ledger, BASELINE), n_cells(ledger, AS_OF)) == (4, 9)  # "tăng 5 chi bộ"
    assert (members_at(ledger, BASELINE), members_at(ledger, AS_OF)) == (35, 150)  # "tăng 115"
    assert sum(c["founded_on"] <= BASELINE for c in ledger["cells"]) == 4
    assert all(c.get("dissolved_on") is None for c in ledger["cells"])
    kinds = {m["type"] for m in ledger["movements"]}
    assert {"Kết nạp", "Chuyển đến", "Chuyển đi", "Từ trần"} <= kinds


def test_each_cell_count_reconciles_with_its_movements(ledger):
    shares = {cell.name: BASELINE_SHARES.get(cell.key, 0) for cell in CELLS}
    assert sum(shares.values()) == SETTINGS.baseline.party_members
    names = {c["name"] for c in ledger["cells"]}
    assert {m["cell"] for m in ledger["movements"]} <= names
    for cell in ledger["cells"]:
        mine = [m for m in ledger["movements"] if m["cell"] == cell["name"]]
        assert all(m["date"] >= cell["founded_on"] for m in mine), cell["name"]
        assert cell["members"] == shares[cell["name"]] + balance(mine, BASELINE, AS_OF), cell
    assert sum(c["members"] for c in ledger["cells"]) == 150


def test_fdi_cell_members_in_fdi_and_owner_members(ledger, forms):
    fdi = fdi_tax_codes(ledger)
    assert sum(c.get("tax_code") in fdi for c in cells_at(ledger, AS_OF)) == 1
    assert sum(f["party_members"] for f in forms if f["ownership"] == "fdi") == 35
    assert sum(f["ownership"] == "domestic" and f["owner_is_party_member"] is True
               for f in forms) == 10


def test_outreach_mobilisation_and_training(ledger):
    approached = {a["tax_code"] for a in activities(ledger, "outreach")}
    assert len(approached) == 40
    assert len(approached & fdi_tax_codes(ledger)) == 20
    # A visit before the baseline exists and is rightly outside the period.
    every_visit = {a["tax_code"] for a in ledger["activities"]
                   if a["type"] == ACTIVITY_TYPES["outreach"]}
    assert len(every_visit) > len(approached)
    assert sum(a["people"] for a in activities(ledger, "mobilise_transfer")) == 10
    classes = activities(ledger, "training")
    attendees = sum(a["people"] for a in classes)
    assert len(classes) == 4
    assert attendees == 215 and attendees > 200  # "hơn 200"
    assert sum(a["people_fdi"] for a in classes) == 80


def test_trade_unions(forms):
    end = dt.date.fromisoformat(H1_2016.snapshot)
    founded = [f for f in forms
               if f["union_founded_on"] is not None and BASELINE < f["union_founded_on"] <= end]
    assert len(founded) == 34
    assert sum(f["has_union"] is True for f in forms) == 47
    members = sum(f["union_members"] or 0 for f in forms)
    assert 21_000 < members < 22_000  # "trên 21 nghìn"
    assert members == 21_350


def test_reporting_completeness(ledger, forms):
    start, end = dt.date(2016, 1, 1), dt.date.fromisoformat(H1_2016.snapshot)
    expected = {e["tax_code"]: e for e in ledger["enterprises"]
                if e["started_on"] <= end and (e.get("stopped_on") is None
                                               or e["stopped_on"] >= start)}
    reported = {f["tax_code"] for f in forms}
    assert len(expected) == 60 and len(ledger["enterprises"]) == 62
    assert len(reported) == 56 and reported <= set(expected)
    missing = set(expected) - reported
    assert len(missing) == 4
    assert {expected[t]["zone"] for t in expected} == set(ZONES)
    # The enterprise that stopped during the period is expected, and among the missing.
    assert any(expected[t].get("stopped_on") for t in missing)


def test_targets_2017_and_2016(ledger):
    by_year: dict[int, dict[str, float]] = {}
    for row in ledger["targets"]:
        by_year.setdefault(int(row["year"]), {})[row["target"]] = row["value"]
    assert by_year[2017] == {
        TARGETS["training_classes_min"]: 1, TARGETS["training_classes_max"]: 2,
        TARGETS["new_cells"]: 2, TARGETS["new_cells_fdi"]: 1, TARGETS["admissions"]: 50,
        TARGETS["admissions_fdi_share"]: 30, TARGETS["new_unions"]: 10,
        TARGETS["new_union_members"]: 10_000,
    }
    assert set(by_year[2016]) == set(TARGETS.values())
    admitted_2016 = sum(m["count"] for m in ledger["movements"]
                        if m["type"] == MOVEMENT_TYPES["admitted"] and m["date"].year == 2016)
    assert 0.5 < admitted_2016 / by_year[2016][TARGETS["admissions"]] < 2


def test_every_enterprise_is_in_bac_giang_range(ledger, forms):
    codes = [e["tax_code"] for e in ledger["enterprises"]]
    assert len(set(codes)) == len(codes)
    assert all(isinstance(c, str) and len(c) == 10 and c.isdigit() and c.startswith("24")
               for c in codes)
    countries = {e["investor_country"] for e in ledger["enterprises"] if e["investor_country"]}
    assert {"Hàn Quốc", "Nhật Bản", "Trung Quốc", "Đài Loan (Trung Quốc)"} <= countries
    assert {f["zone"] for f in forms} == set(ZONES)


# --- Problem files: outcomes, and no effect on the figures ----------------------------------

def _outcome(report: CheckReport, relpath: str):
    [found] = [f for f in report.files if unicodedata.normalize("NFC", f.relpath) == relpath]
    return found


def test_every_file_is_listed_once(sample):
    inputs, report = sample
    on_disk = sorted(p.relative_to(inputs).as_posix() for p in inputs.rglob("*") if p.is_file())
    assert sorted(f.relpath for f in report.files) == on_disk
    assert sorted(sample_files(inputs) + [SAMPLE_MARKER]) == on_disk
    assert _outcome(report, LEDGER_FILE).outcome == ACCEPTED


def test_problem_files_get_the_intended_outcomes(sample):
    _, report = sample
    superseded = [f for f in report.files if f.outcome == SUPERSEDED]
    assert len(superseded) == 1
    old = superseded[0]
    newer = old.reason.split(": ", 1)[1].rstrip(".")
    assert _outcome(report, newer).outcome == ACCEPTED
    assert _outcome(report, newer).tax_code == old.tax_code
    assert old.form.values["prepared_on"] < _outcome(report, newer).form.values["prepared_on"]
    assert old.form.values["party_members"] != _outcome(report, newer).form.values["party_members"]

    rejected = _outcome(report, REJECTED_FILE)
    assert [f.relpath for f in report.files if f.outcome == REJECTED] == [REJECTED_FILE]
    codes = {p.field: p.code for p in rejected.problems}
    assert codes["tax_code"] == "bad-tax-code"
    assert codes["employees"] in ("not-a-number", "not-an-integer")

    skipped = {f.relpath for f in report.files if f.outcome == SKIPPED}
    assert skipped == {LOCK_FILE, PDF_FILE, CSV_FILE, SAMPLE_MARKER}  # the marker is hidden


def test_legacy_font_and_nfd_returns_are_accepted_and_counted(sample, forms):
    _, report = sample
    tcvn3 = [f for f in report.files if any(p.code == "legacy-font" for p in f.problems)]
    assert len(tcvn3) == 1 and tcvn3[0].outcome == ACCEPTED
    assert tcvn3[0].form.values["name"] == "Công ty TNHH Bao bì Thành Công"
    assert tcvn3[0].form.values["period"] == H1_2016
    nfd = [f for f in report.files if f.relpath != unicodedata.normalize("NFC", f.relpath)]
    assert len(nfd) == 1 and nfd[0].outcome == ACCEPTED
    assert nfd[0].form.values["name"] == "Công ty TNHH Nhựa Tân Tiến"
    assert {"Công ty TNHH Bao bì Thành Công", "Công ty TNHH Nhựa Tân Tiến"} <= {
        f["name"] for f in forms}


def test_value_styles_are_varied(sample):
    inputs, _ = sample
    seen: set[str] = set()
    for relpath in sample_files(inputs):
        if not relpath.endswith(".xlsx") or "~$" in relpath or relpath == LEDGER_FILE:
            continue
        book = openpyxl.load_workbook(inputs / relpath, read_only=True)
        values = [c for row in book.worksheets[0].iter_rows(values_only=True) for c in row]
        book.close()
        for value in values:
            if isinstance(value, str):
                if value.endswith(" người"):
                    seen.add("number with unit")
                if value in ("x", "Co", "khong"):
                    seen.add("yes/no word")
                if len(value) == 10 and value[2] == "/" and value[5] == "/":
                    seen.add("date text")
                if value.startswith("KCN ") or value.isascii() and value in (
                        "Dinh Tram", "Quang Chau", "Van Trung", "Hoa Phu", "Viet Han"):
                    seen.add("zone variant")
            if isinstance(value, dt.datetime):
                seen.add("date cell")
    assert seen == {"number with unit", "yes/no word", "date text", "zone variant", "date cell"}


def test_employees_jump_between_2015_and_2016_is_an_outlier(sample):
    _, report = sample
    by_tax: dict[str, dict[str, int]] = {}
    for form in report.accepted_forms():
        by_tax.setdefault(form.values["tax_code"], {})[form.values["period"].key] = (
            form.values["employees"])
    jumps = [t for t, v in by_tax.items()
             if "2015" in v and "2016-H1" in v and abs(v["2016-H1"] / v["2015"] - 1) > 0.5]
    assert len(jumps) == 1
    flagged = [f for f in report.files if f.tax_code == jumps[0] and f.period == H1_2016]
    assert any(p.code == "outlier" and p.field == "employees" for p in flagged[0].problems)
    previous = sum(1 for v in by_tax.values() if "2015" in v and "2016-H1" in v)
    assert previous >= 45  # most enterprises also reported for 2015


def test_figures_do_not_depend_on_the_seed(tmp_path):
    inputs = tmp_path / "inputs"
    make_sample(inputs, seed=7)
    report = check_inputs(inputs, SETTINGS, jobs=1)
    forms = [f.values for f in report.accepted_forms(H1_2016)]
    assert len(forms) == 56
    assert sum(f["party_members"] for f in forms if f["ownership"] == "fdi") == 35
    assert sum(f["union_members"] for f in forms) == 21_350
    assert sum(f["owner_is_party_member"] is True for f in forms
               if f["ownership"] == "domestic") == 10


# --- clear_sample ---------------------------------------------------------------------------

def test_clear_sample_removes_only_what_it_wrote(tmp_path):
    inputs = tmp_path / "inputs"
    (inputs / "a" / "b").mkdir(parents=True)
    (inputs / "c").mkdir()
    for relpath in ("a/b/x.xlsx", "a/y.xlsx", "c/z.xlsx"):
        (inputs / relpath).write_bytes(b"generated")
    (inputs / "c" / "from the office.xlsx").write_bytes(b"keep me")
    (tmp_path / "outside.txt").write_text("keep me too")
    (inputs / SAMPLE_MARKER).write_text(
        "# comment\na/b/x.xlsx\na/y.xlsx\nc/z.xlsx\n../outside.txt\n", encoding="utf-8")
    assert clear_sample(inputs) == 3
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "inputs", "inputs/c", "inputs/c/from the office.xlsx", "outside.txt"]
    assert clear_sample(inputs) == 0  # no marker: nothing to do


# --- The blank Sổ theo dõi ------------------------------------------------------------------

EXPECTED_CHOICES = {
    ("cells", "type"): list(CELL_TYPES.values()),
    ("movements", "type"): list(MOVEMENT_TYPES.values()),
    ("activities", "type"): list(ACTIVITY_TYPES.values()),
    ("enterprises", "zone"): ZONES,
    ("enterprises", "ownership"): [OWNERSHIP_FDI, OWNERSHIP_DOMESTIC],
    ("targets", "target"): list(TARGETS.values()),
}


@pytest.fixture(scope="module")
def blank_ledger(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    path = tmp_path_factory.mktemp("ledger") / "So theo doi.xlsx"
    enterprise = {"tax_code": "0101234567", "name": "=HYPERLINK(\"http://x\")",
                  "zone": ZONES[0], "ownership": OWNERSHIP_FDI, "investor_country": "Hàn Quốc",
                  "started_on": dt.date(2015, 3, 5), "stopped_on": None, "phone": "0912 345 678"}
    columns = SHEETS_BY_KEY["enterprises"].columns
    write_blank_ledger(path, ZONES, {"enterprises": [[enterprise[c.key] for c in columns]]})
    return openpyxl.load_workbook(path)


def _list_items(book: openpyxl.Workbook, formula: str) -> list[str]:
    if formula.startswith('"'):
        return formula.strip('"').split(",")
    sheet_name, cells = formula.lstrip("=").rsplit("!", 1)
    sheet = book[sheet_name.strip("'").replace("''", "'")]
    min_col, min_row, max_col, max_row = range_boundaries(cells.replace("$", ""))
    return [sheet.cell(r, min_col).value for r in range(min_row, max_row + 1)]


def _validations_at(ws, address: str) -> list:
    return [dv for dv in ws.data_validations.dataValidation if address in dv.sqref]


def test_blank_ledger_sheets_headers_and_layout(blank_ledger):
    visible = [ws.title for ws in blank_ledger.worksheets if ws.sheet_state == "visible"]
    assert visible == [INSTRUCTIONS_SHEET, *(s.name for s in SHEETS)]
    for sheet in SHEETS:
        ws = blank_ledger[sheet.name]
        headers = [c.value for c in ws[1]][:len(sheet.columns)]
        assert headers == [c.header for c in sheet.columns]
        assert all(ws.cell(1, i + 1).font.b for i in range(len(sheet.columns)))
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref.startswith("A1:" + get_column_letter(len(sheet.columns)))
        for i, column in enumerate(sheet.columns, 1):
            # Adjacent columns of the same width are stored as one <col min max> range.
            [width] = [d.width for d in ws.column_dimensions.values()
                       if d.min is not None and d.min <= i <= d.max]
            assert abs(width - column.width) < 1, (sheet.name, column.header)
    text = "\n".join(str(c) for row in blank_ledger[INSTRUCTIONS_SHEET].iter_rows(values_only=True)
                     for c in row if c)
    for sheet in SHEETS:
        assert sheet.name in text and sheet.purpose in text


def test_blank_ledger_dropdowns_come_from_the_vocabularies(blank_ledger):
    for (sheet_key, column_key), expected in EXPECTED_CHOICES.items():
        sheet = SHEETS_BY_KEY[sheet_key]
        col = next(i for i, c in enumerate(sheet.columns, 1) if c.key == column_key)
        ws = blank_ledger[sheet.name]
        lists = [dv for dv in _validations_at(ws, f"{get_column_letter(col)}2")
                 if dv.type == "list"]
        assert len(lists) == 1, (sheet.name, column_key)
        assert _list_items(blank_ledger, lists[0].formula1) == expected
        # A zone added to the settings after the workbook was made can still be typed.
        expected_style = ("warning",) if column_key == "zone" else (None, "stop")
        assert lists[0].errorStyle in expected_style, (sheet.name, column_key)
    # Date columns refuse text that is not a date.
    for sheet in SHEETS:
        ws = blank_ledger[sheet.name]
        for i, column in enumerate(sheet.columns, 1):
            if column.kind is Kind.DATE:
                [dv] = _validations_at(ws, f"{get_column_letter(i)}2")
                assert dv.type == "date"


def test_blank_ledger_rows_keep_types_and_never_become_formulas(blank_ledger):
    ws = blank_ledger[SHEETS_BY_KEY["enterprises"].name]
    columns = {c.key: i for i, c in enumerate(SHEETS_BY_KEY["enterprises"].columns, 1)}
    assert ws.cell(2, columns["tax_code"]).value == "0101234567"
    assert ws.cell(2, columns["name"]).data_type == "s"
    assert ws.cell(2, columns["name"]).value == "=HYPERLINK(\"http://x\")"
    started = ws.cell(2, columns["started_on"])
    assert started.value == dt.datetime(2015, 3, 5) and started.number_format == "dd/mm/yyyy"
