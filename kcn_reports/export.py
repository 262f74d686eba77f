"""Everything `check` read, as one SQLite database the office (or anyone) can query.

Tables (their columns generated from `formdef.FIELDS` and `ledgerdef.SHEETS`, documented in the
README by `docs.sqlite_schema_table`):

- ``files``: every file under inputs/, once, with its outcome and the SHA-256 of its content;
- ``returns``: one row per accepted enterprise return, keyed by (tax_code, period), one typed
  column per form field;
- ``problems``: every problem found, by file;
- ``ledger_cells``, ``ledger_movements``, ``ledger_activities``, ``ledger_enterprises``,
  ``ledger_targets``: the rows of the Sổ theo dõi in use;
- ``meta``: program and form versions, when and from where the export was made.

The database mirrors the inputs folder as `check` sees it at export time: running again over the
same inputs gives the same rows, a new file adds its rows, a fixed file replaces its return and
its problems, a removed file takes its rows with it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kcn_reports import __version__
from kcn_reports.formdef import FIELDS, FORM_VERSION, OWNERSHIP_LABELS, Kind, Period
from kcn_reports.ledgerdef import SHEETS

if TYPE_CHECKING:
    from kcn_reports.ledger import Ledger
    from kcn_reports.outcome import CheckReport


class ExportError(Exception):
    """The database cannot be written (not a SQLite file, locked, no permission); Vietnamese."""


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # SQLite type: INTEGER, REAL, TEXT
    doc: str  # meaning, in Vietnamese, for the README
    check: str = ""  # a CHECK constraint on the column, if any


@dataclass(frozen=True)
class Table:
    name: str
    doc: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]

    def ddl(self) -> str:
        columns = [f'"{c.name}" {c.type}' + (" NOT NULL" if c.name in self.key else "")
                   + (f" CHECK ({c.check})" if c.check else "") for c in self.columns]
        keys = ", ".join(f'"{k}"' for k in self.key)
        return f'CREATE TABLE "{self.name}" ({", ".join(columns)}, PRIMARY KEY ({keys}))'


@dataclass
class ExportStats:
    path: Path
    files: int = 0
    returns: int = 0
    problems: int = 0
    ledger_rows: dict[str, int] = field(default_factory=dict)  # table -> rows
    rebuilt: list[str] = field(default_factory=list)  # tables recreated for a new schema


_SQL_TYPES = {Kind.NUMBER: "REAL", Kind.INTEGER: "INTEGER", Kind.YESNO: "INTEGER"}
_KIND_DOCS = {
    Kind.DATE: "ngày dạng YYYY-MM-DD",
    Kind.YESNO: "1 = Có, 0 = Không",
    Kind.PERIOD: "YYYY-H1 = 6 tháng đầu năm, YYYY = cả năm",
    Kind.OWNERSHIP: "; ".join(f"{k} = {v}" for k, v in OWNERSHIP_LABELS.items()),
    Kind.TAX_CODE: "dạng chữ, giữ số 0 ở đầu",
    Kind.ZONE: "tên KCN như trong cài đặt",
}


def _typed_column(name: str, kind: Kind, meaning: str) -> Column:
    sql = _SQL_TYPES.get(kind, "TEXT")
    extra = _KIND_DOCS.get(kind)
    check = f'"{name}" IN (0, 1)' if kind == Kind.YESNO else ""
    return Column(name, sql, meaning + (f" — {extra}" if extra else ""), check)


def _vocabularies() -> dict[tuple[str, str], dict[str, str]]:
    from kcn_reports.ledger import VOCABULARIES

    return VOCABULARIES


def schema() -> tuple[Table, ...]:
    """The tables, generated from the form and Sổ theo dõi definitions."""
    returns = tuple(
        _typed_column(f.key, f.kind, (f"Mã số {f.code}: " if f.code else "") + f.label
                      + (f", {f.unit}" if f.unit and f.kind in (Kind.NUMBER, Kind.INTEGER)
                         else ""))
        for f in FIELDS
    )
    ledgers = []
    for sheet in SHEETS:
        columns = [Column("source_path", "TEXT", "tệp Sổ theo dõi (trong inputs/)"),
                   Column("sheet_row", "INTEGER", f"số dòng trong sheet {sheet.name}")]
        for col in sheet.columns:
            vocabulary = _vocabularies().get((sheet.key, col.key))
            if vocabulary:
                values = "; ".join(f"{k} = {v}" for k, v in vocabulary.items())
                columns.append(Column(col.key, "TEXT", f"{col.header}: {values}"))
            else:
                columns.append(_typed_column(col.key, col.kind, col.header))
        ledgers.append(Table(f"ledger_{sheet.key}", f"Sổ theo dõi, sheet {sheet.name}: "
                             f"{sheet.purpose}", tuple(columns), ("source_path", "sheet_row")))
    return (
        Table("files", "Mọi tệp trong thư mục inputs/, mỗi tệp một dòng.", (
            Column("path", "TEXT", "đường dẫn trong inputs/, dấu /"),
            Column("kind", "TEXT", "form = báo cáo DN; ledger = Sổ theo dõi; other = không phải "
                   "báo cáo; skipped = bỏ qua không đọc; rỗng = không đọc được"),
            Column("outcome", "TEXT", "accepted = nhận; rejected = loại; superseded = bị thay "
                   "thế; skipped = bỏ qua"),
            Column("reason", "TEXT", "lý do (khi không được nhận)"),
            Column("tax_code", "TEXT", "mã số thuế đọc được"),
            Column("period", "TEXT", "kỳ báo cáo đọc được — YYYY-H1 = 6 tháng đầu năm, "
                   "YYYY = cả năm"),
            Column("sheet", "TEXT", "sheet chứa báo cáo"),
            Column("sha256", "TEXT", "mã băm SHA-256 của nội dung tệp"),
        ), ("path",)),
        Table("returns", "Báo cáo của doanh nghiệp được nhận (Mẫu số 01/DN-KCN), mỗi doanh "
              "nghiệp một dòng mỗi kỳ.", (*returns, Column("source_path", "TEXT",
                                                            "tệp chứa báo cáo (files.path)")),
              ("tax_code", "period")),
        Table("problems", "Mọi lỗi và cảnh báo tìm thấy (như lệnh check).", (
            Column("path", "TEXT", "tệp có vấn đề (files.path); rỗng = chung cho cả thư mục"),
            Column("seq", "INTEGER", "thứ tự trong tệp"),
            Column("severity", "TEXT", "error = lỗi; warning = cảnh báo"),
            Column("code", "TEXT", "mã lỗi (xem Danh sách mã lỗi và cảnh báo)"),
            Column("message", "TEXT", "nội dung"),
            Column("sheet", "TEXT", "sheet"),
            Column("cell", "TEXT", "ô (A1)"),
            Column("field", "TEXT", "khóa chỉ tiêu hoặc cột"),
            Column("value", "TEXT", "giá trị đã gặp"),
            Column("hint", "TEXT", "cách sửa"),
        ), ("path", "seq")),
        *ledgers,
        Table("meta", "Thông tin lần xuất.", (
            Column("key", "TEXT", "program_version, form_version, exported_at, inputs"),
            Column("value", "TEXT", "giá trị"),
        ), ("key",)),
    )


def export_sqlite(report: CheckReport, path: Path, *,
                  now: dt.datetime | None = None) -> ExportStats:
    """Write `report` into the SQLite database at `path` (created if missing).

    Rows of the tables above are replaced, never appended, so running twice gives the same
    database; tables and views the office added themselves are left alone.
    """
    tables = schema()
    rows = {
        "files": list(_file_rows(report)),
        "returns": list(_return_rows(report)),
        "problems": list(_problem_rows(report)),
        "meta": [
            ("program_version", __version__),
            ("form_version", FORM_VERSION),
            ("exported_at", (now or dt.datetime.now().astimezone()).isoformat(timespec="seconds")),
            ("inputs", str(report.inputs)),
        ],
    }
    for sheet in SHEETS:
        rows[f"ledger_{sheet.key}"] = list(_ledger_rows(report.ledger, sheet.key))
    stats = ExportStats(path, len(rows["files"]), len(rows["returns"]), len(rows["problems"]),
                        {f"ledger_{s.key}": len(rows[f"ledger_{s.key}"]) for s in SHEETS})
    # One transaction rather than a temp file + os.replace: SQLite's journal already makes it
    # all-or-nothing (an interrupted run leaves the previous database), and writing in place
    # keeps the views and tables the office adds for its own queries, which a rebuilt file
    # would silently drop. Each table we own is emptied and refilled inside the transaction, so
    # rows are replaced by their key and a file's problems are never duplicated.
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, timeout=10, isolation_level=None)
    except (OSError, sqlite3.Error) as exc:
        raise ExportError(f"Không mở được cơ sở dữ liệu {path}: {exc}.") from None
    try:
        connection.execute("BEGIN IMMEDIATE")
        try:
            for table in tables:
                if _ensure_table(connection, table):
                    stats.rebuilt.append(table.name)
                connection.execute(f'DELETE FROM "{table.name}"')
                marks = ", ".join("?" * len(table.columns))
                connection.executemany(f'INSERT INTO "{table.name}" VALUES ({marks})',
                                       rows[table.name])
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:  # SQLite may have rolled back already (disk full…)
                connection.execute("ROLLBACK")
            raise
    except sqlite3.DatabaseError as exc:
        raise ExportError(_explain(exc, path)) from None
    finally:
        connection.close()
    return stats


def _explain(exc: sqlite3.DatabaseError, path: Path) -> str:
    text = str(exc)
    if "not a database" in text or "malformed" in text:
        return f"Tệp {path} đã có nhưng không phải cơ sở dữ liệu SQLite; chọn tên tệp khác."
    if "locked" in text or "busy" in text:
        return (f"Cơ sở dữ liệu {path} đang được chương trình khác ghi hoặc khóa; đóng chương "
                "trình đó rồi chạy lại.")
    if "readonly" in text or "unable to open" in text:
        return f"Không ghi được vào {path} (không có quyền ghi?)."
    return f"Không ghi được cơ sở dữ liệu {path}: {text}."


def _ensure_table(connection: sqlite3.Connection, table: Table) -> bool:
    """Create the table, or recreate it when its columns differ from `table` (a newer form).
    True when an existing table was recreated."""
    found = [(r[1], r[2].upper(), r[5])
             for r in connection.execute(f'PRAGMA table_info("{table.name}")')]
    wanted = [(c.name, c.type, table.key.index(c.name) + 1 if c.name in table.key else 0)
              for c in table.columns]
    if found == wanted:
        return False
    if found:
        connection.execute(f'DROP TABLE "{table.name}"')
    connection.execute(table.ddl())
    return bool(found)


def sql_value(value: Any) -> Any:
    """A value of the form or the Sổ theo dõi as SQLite stores it."""
    if value is None or isinstance(value, str | int | float):
        return int(value) if isinstance(value, bool) else value
    if isinstance(value, Period):
        return value.key
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _sha256(file: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with file.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def _file_rows(report: CheckReport) -> Iterator[tuple[Any, ...]]:
    for item in report.files:
        period = item.period
        yield (item.relpath, item.kind, item.outcome, item.reason or None, item.tax_code,
               period.key if period else None, item.form.sheet if item.form else None,
               _sha256(report.inputs / item.relpath))


def _return_rows(report: CheckReport) -> Iterator[tuple[Any, ...]]:
    from kcn_reports.outcome import ACCEPTED, FORM

    for item in report.files:
        if item.outcome != ACCEPTED or item.kind != FORM or item.form is None:
            continue
        values = item.form.values
        if not values.get("tax_code") or not values.get("period"):
            continue
        yield (*(sql_value(values.get(f.key)) for f in FIELDS), item.relpath)


def _problem_rows(report: CheckReport) -> Iterator[tuple[Any, ...]]:
    groups: Iterable[tuple[str, list[Any]]] = [
        ("", report.general), *((f.relpath, f.problems) for f in report.files)]
    for path, problems in groups:
        for seq, p in enumerate(problems, start=1):
            yield (path, seq, p.severity, p.code, p.message, p.sheet or None, p.cell or None,
                   p.field or None, p.value or None, p.hint or None)


def _ledger_rows(ledger: Ledger | None, sheet_key: str) -> Iterator[tuple[Any, ...]]:
    if ledger is None:
        return
    sheet = next(s for s in SHEETS if s.key == sheet_key)
    for index, row in enumerate(ledger.sheet(sheet_key), start=1):
        numbers = [int(m.group()) for a in row.cells.values() if (m := re.search(r"\d+$", a))]
        yield (ledger.relpath, numbers[0] if numbers else index,
               *(sql_value(row.values.get(c.key)) for c in sheet.columns))
