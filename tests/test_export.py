"""`kcn-reports export --sqlite`: the sample workspace as a database, queried with sqlite3 and
compared with what `check_inputs` read."""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import AS_TYPED, fill

from kcn_reports import __version__
from kcn_reports.check import ACCEPTED, REJECTED, check_inputs
from kcn_reports.cli import cli
from kcn_reports.export import ExportError, export_sqlite, schema
from kcn_reports.formdef import FIELDS, FORM_VERSION, PERIOD_HALF, PERIOD_YEAR, Kind, Period
from kcn_reports.ledgerdef import SHEETS
from kcn_reports.sample import REJECTED_FILE
from kcn_reports.settings import load_settings

SETTINGS = load_settings(None)
H1_2016 = Period(PERIOD_HALF, 2016)
YEAR_2015 = Period(PERIOD_YEAR, 2015)




@pytest.fixture(scope="module")
def database(sample, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("db") / "kcn.sqlite"
    export_sqlite(sample[1], path)
    return path


def query(path: Path, sql: str, *args) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql, args).fetchall()
    finally:
        connection.close()


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every exported table except the export time."""
    dumped = {}
    for table in schema():
        keys = ", ".join(f'"{k}"' for k in table.key)
        dumped[table.name] = query(path, f'SELECT * FROM "{table.name}" ORDER BY {keys}')
    dumped["meta"] = [row for row in dumped["meta"] if row[0] != "exported_at"]
    return dumped


def test_returns_are_the_accepted_forms_of_every_period(sample, database):
    _, report = sample
    counts = dict(query(database, "SELECT period, COUNT(*) FROM returns GROUP BY period"))
    assert counts["2016-H1"] == 56
    assert counts["2015"] == len(report.accepted_forms(YEAR_2015)) > 0
    assert sum(counts.values()) == len(report.accepted_forms())


@pytest.mark.parametrize("period", [H1_2016, YEAR_2015], ids=lambda p: p.key)
def test_sums_match_the_accepted_returns(sample, database, period):
    _, report = sample
    forms = report.accepted_forms(period)
    numeric = [f.key for f in FIELDS if f.kind in (Kind.NUMBER, Kind.INTEGER, Kind.YESNO)]
    sums = query(database, "SELECT " + ", ".join(f'TOTAL("{k}")' for k in numeric)
                 + " FROM returns WHERE period = ?", period.key)[0]
    for key, total in zip(numeric, sums, strict=True):
        expected = sum(int(v) if isinstance(v := f.values.get(key), bool) else v or 0
                       for f in forms)
        assert total == pytest.approx(expected), key
    by_zone = dict(query(database, "SELECT zone, SUM(employees) FROM returns WHERE period = ? "
                                   "GROUP BY zone", period.key))
    for zone in {f.values["zone"] for f in forms}:
        assert by_zone[zone] == sum(f.values["employees"] for f in forms
                                    if f.values["zone"] == zone)


def test_one_typed_column_per_form_field(database):
    columns = {row[1]: row[2] for row in query(database, "PRAGMA table_info(returns)")}
    assert list(columns) == [f.key for f in FIELDS] + ["source_path"]
    assert columns["employees"] == "INTEGER" and columns["revenue"] == "REAL"
    assert columns["has_union"] == "INTEGER" and columns["union_founded_on"] == "TEXT"
    assert query(database, "SELECT DISTINCT typeof(employees) FROM returns") == [("integer",)]
    assert {r[0] for r in query(database, "SELECT DISTINCT has_union FROM returns")} == {0, 1}
    assert {r[0] for r in query(database, "SELECT DISTINCT typeof(revenue) FROM returns")} \
        <= {"real", "null"}
    dates = [r[0] for r in query(database, "SELECT prepared_on FROM returns "
                                           "WHERE prepared_on IS NOT NULL")]
    assert dates and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in dates)
    info = query(database, "PRAGMA table_info(returns)")
    assert [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5]] == ["tax_code", "period"]


def test_every_file_once_with_its_content_hash(sample, database):
    inputs, report = sample
    rows = {r[0]: r for r in query(database, "SELECT path, outcome, sha256 FROM files")}
    on_disk = {p.relative_to(inputs).as_posix() for p in inputs.rglob("*") if p.is_file()}
    assert set(rows) == {f.relpath for f in report.files} == on_disk
    assert rows[REJECTED_FILE][1] == REJECTED
    some = next(f.relpath for f in report.files if f.outcome == ACCEPTED)
    assert rows[some][2] == hashlib.sha256((inputs / some).read_bytes()).hexdigest()


def test_rejected_file_has_its_problem_rows(sample, database):
    _, report = sample
    rejected = next(f for f in report.files if f.relpath == REJECTED_FILE)
    rows = query(database, "SELECT seq, severity, code, message, sheet, cell FROM problems "
                           "WHERE path = ? ORDER BY seq", REJECTED_FILE)
    assert [(r[1], r[2], r[3]) for r in rows] == [(p.severity, p.code, p.message)
                                                  for p in rejected.problems]
    assert any(r[1] == "error" and r[5] for r in rows)
    assert query(database, "SELECT COUNT(*) FROM problems")[0][0] == len(report.problems)
    assert query(database, "SELECT COUNT(*) FROM returns WHERE source_path = ?",
                 REJECTED_FILE) == [(0,)]


def test_ledger_tables_from_the_ledger_definition(sample, database):
    _, report = sample
    assert report.ledger is not None
    for sheet in SHEETS:
        table = f"ledger_{sheet.key}"
        columns = [r[1] for r in query(database, f"PRAGMA table_info({table})")]
        assert columns == ["source_path", "sheet_row", *(c.key for c in sheet.columns)]
        count = query(database, f"SELECT COUNT(*) FROM {table}")[0][0]
        assert count == len(report.ledger.sheet(sheet.key)) > 0, table
    admitted = query(database, "SELECT TOTAL(count) FROM ledger_movements WHERE type = 'admitted'")
    assert admitted[0][0] == sum(r.values["count"] for r in report.ledger.sheet("movements")
                                 if r.values["type"] == "admitted")


def test_meta(sample, database):
    meta = dict(query(database, "SELECT key, value FROM meta"))
    assert meta["program_version"] == __version__ and meta["form_version"] == FORM_VERSION
    assert meta["inputs"] == str(sample[0]) and re.match(r"\d{4}-\d{2}-\d{2}T", meta["exported_at"])


def test_running_twice_gives_the_same_rows(sample, database, tmp_path):
    path = tmp_path / "kcn.sqlite"
    export_sqlite(sample[1], path)
    first = dump(path)
    export_sqlite(sample[1], path)
    assert dump(path) == first == dump(database)


def test_added_file_is_added_fixed_file_replaced_removed_file_removed(sample, tmp_path):
    inputs = tmp_path / "inputs"
    shutil.copytree(sample[0], inputs)
    path = tmp_path / "kcn.sqlite"
    export_sqlite(check_inputs(inputs, SETTINGS, jobs=1), path)
    before = dump(path)

    (inputs / "moi").mkdir()
    fill(inputs / "moi" / "DN moi.xlsx", {**AS_TYPED, "employees": "nhiều"})
    export_sqlite(check_inputs(inputs, SETTINGS, jobs=1), path)
    assert len(dump(path)["files"]) == len(before["files"]) + 1
    assert query(path, "SELECT outcome FROM files WHERE path = 'moi/DN moi.xlsx'") == [(REJECTED,)]
    problems = query(path, "SELECT code FROM problems WHERE path = 'moi/DN moi.xlsx'")
    assert ("not-a-number",) in problems

    fill(inputs / "moi" / "DN moi.xlsx", AS_TYPED)  # the enterprise sends a corrected file
    for _ in range(2):
        export_sqlite(check_inputs(inputs, SETTINGS, jobs=1), path)
        assert query(path, "SELECT outcome FROM files WHERE path = 'moi/DN moi.xlsx'") \
            == [(ACCEPTED,)]
        assert query(path, "SELECT employees, source_path FROM returns WHERE tax_code = ? "
                           "AND period = '2016-H1'", AS_TYPED["tax_code"]) \
            == [(1234, "moi/DN moi.xlsx")]
        codes = [r[0] for r in query(path, "SELECT code FROM problems "
                                           "WHERE path = 'moi/DN moi.xlsx'")]
        assert "not-a-number" not in codes and len(codes) == len(set(codes))
    assert query(path, "SELECT COUNT(*) FROM returns WHERE period = '2016-H1'") == [(57,)]

    (inputs / "moi" / "DN moi.xlsx").unlink()
    export_sqlite(check_inputs(inputs, SETTINGS, jobs=1), path)
    assert dump(path) == before


def test_office_views_survive_and_old_schema_is_rebuilt(sample, tmp_path):
    path = tmp_path / "kcn.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE returns (tax_code TEXT, period TEXT, old_column TEXT)")
    connection.execute("CREATE TABLE ghi_chu (noi_dung TEXT)")
    connection.execute("INSERT INTO ghi_chu VALUES ('của văn phòng')")
    connection.commit()
    connection.close()
    stats = export_sqlite(sample[1], path)
    assert stats.rebuilt == ["returns"]
    assert query(path, "SELECT noi_dung FROM ghi_chu") == [("của văn phòng",)]
    query(path, "CREATE VIEW lao_dong AS SELECT zone, SUM(employees) FROM returns GROUP BY zone")
    assert export_sqlite(sample[1], path).rebuilt == []
    assert len(query(path, "SELECT * FROM lao_dong")) == len({z.name for z in SETTINGS.zones})


def test_a_file_that_is_not_a_database_is_refused_untouched(sample, tmp_path):
    path = tmp_path / "ghi chu.txt"
    path.write_text("không phải cơ sở dữ liệu " * 100, encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(ExportError, match="không phải cơ sở dữ liệu SQLite"):
        export_sqlite(sample[1], path)
    assert path.read_bytes() == before


def test_cli_export(sample, tmp_path):
    inputs, report = sample
    target = tmp_path / "kết quả" / "kcn.sqlite"
    args = ["--no-cache", "export", "--sqlite", str(target), "--inputs", str(inputs)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"Đã xuất cơ sở dữ liệu SQLite: {target}"
    assert f"  - files: {len(report.files)} tệp (nhận 110, loại 1, bị thay thế 1, bỏ qua 4)" in lines
    assert f"  - returns: {len(report.accepted_forms())} báo cáo được nhận" in lines
    assert any(line.startswith("  - Sổ theo dõi: ") and line.endswith(" dòng") for line in lines)
    assert query(target, "SELECT COUNT(*) FROM returns WHERE period = '2016-H1'") == [(56,)]


def test_cli_usage_errors_exit_two(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["export"])
    assert result.exit_code == 2 and "Thiếu tùy chọn '--sqlite'" in result.output
    result = runner.invoke(cli, ["export", "--sqlite", str(tmp_path / "a.sqlite"), "--inputs",
                                 str(tmp_path / "khong-co")])
    assert result.exit_code == 2 and "Không tìm thấy thư mục đầu vào" in result.output
    (tmp_path / "inputs").mkdir()
    (tmp_path / "so.xlsx").write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    result = runner.invoke(cli, ["--no-cache", "export", "--sqlite", str(tmp_path / "so.xlsx"),
                                 "--inputs", str(tmp_path / "inputs")])
    assert result.exit_code == 2 and "không phải cơ sở dữ liệu SQLite" in result.output


def test_help_is_vietnamese():
    result = CliRunner().invoke(cli, ["export", "--help"])
    assert result.exit_code == 0 and "Cách dùng: cli export [TÙY CHỌN]" in result.output
    assert "xuất mọi số liệu ra một cơ sở dữ liệu SQLite" in result.output
    assert "--sqlite TỆP" in result.output and "[bắt buộc]" in result.output
