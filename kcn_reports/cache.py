"""A cache of per-file results keyed by file content, so a re-run over unchanged inputs
re-parses nothing.

Results are stored under the content key. An index maps a file's path, size and modification
time (to the nanosecond) to the content key it had, so a re-run neither reads nor hashes an
unchanged file; a file whose size or time changed is read again and its content key computed
afresh (in the worker that parses it). As in git's index, an entry recorded less than two
seconds after the file's modification time is not trusted (file systems such as FAT keep times
to two seconds, so a quick second edit could otherwise go unseen).

The key is the SHA-256 of the file's bytes together with everything else the result depends
on: the code that reads it (a digest of the package's own source files, so a fix that lands
without a version bump never serves yesterday's results), the form version, the settings that
shape reading (zones, limits) and the date (a few rules compare with today). The index of
paths is kept per salt too, so a change of code or settings never reaches an old entry through
it. Entries are the JSON records of `record` in one SQLite
file: a corrupt, foreign or unreadable cache is ignored and rebuilt, never trusted (no pickle,
nothing executable).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import json
import os
import sqlite3
import sys
import time
from dataclasses import asdict
from pathlib import Path

from kcn_reports import __version__, record
from kcn_reports.discover import InputFile
from kcn_reports.formdef import FORM_VERSION
from kcn_reports.outcome import FileOutcome
from kcn_reports.settings import Settings

# Part of every key, with the code's digest: raise it only when the meaning of the stored
# records changes in a way the source digest could not see.
SCHEMA = "kcn-reports-cache-4"
RACY_NS = 2_000_000_000


def default_cache_dir() -> Path:
    """KCN_REPORTS_CACHE, else the platform's per-user cache folder."""
    override = os.environ.get("KCN_REPORTS_CACHE")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "kcn-reports" / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "kcn-reports"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kcn-reports"


class ResultCache:
    """get/put of FileOutcome by content key. Every failure degrades to a cache miss."""

    def __init__(self, folder: Path, settings: Settings, today: dt.date) -> None:
        context = json.dumps([SCHEMA, __version__, code_digest(), FORM_VERSION, today.isoformat(),
                              [(z.name, z.aliases) for z in settings.zones],
                              asdict(settings.limits)], ensure_ascii=False)
        self.salt = hashlib.sha256(context.encode("utf-8")).digest()
        self.index_prefix = self.salt.hex()[:16] + "|"
        self.path = folder / "results.sqlite"
        self.db: sqlite3.Connection | None = None
        self.pending: list[tuple[str, str]] = []
        self.pending_index: list[tuple[str, int, int, str, int]] = []
        with contextlib.suppress(OSError, sqlite3.Error):
            folder.mkdir(parents=True, exist_ok=True)
            self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        try:
            return self._prepare(sqlite3.connect(self.path))
        except sqlite3.Error:
            # Corrupt or foreign: start again.
            with contextlib.suppress(OSError):
                self.path.unlink()
            return self._prepare(sqlite3.connect(self.path))

    @staticmethod
    def _prepare(db: sqlite3.Connection) -> sqlite3.Connection:
        db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, payload TEXT)")
        db.execute("CREATE TABLE IF NOT EXISTS seen (path TEXT PRIMARY KEY, size INTEGER, "
                   "mtime_ns INTEGER, key TEXT, recorded_ns INTEGER)")
        db.execute("SELECT key, payload FROM results LIMIT 1").fetchall()
        db.execute("SELECT path, size, mtime_ns, key, recorded_ns FROM seen LIMIT 1").fetchall()
        return db

    def key(self, data: bytes) -> str:
        return content_key(self.salt, data)

    def lookup(self, found: list[InputFile]) -> dict[str, FileOutcome]:
        """Cached outcomes, by relpath, of the files unchanged since they were last seen."""
        if self.db is None or not found:
            return {}
        paths = {self._index_path(item): item for item in found}
        known: dict[str, tuple[int, int, str, int]] = {}
        try:
            names = list(paths)
            for start in range(0, len(names), 500):
                batch = names[start:start + 500]
                marks = ",".join("?" * len(batch))
                query = ("SELECT path, size, mtime_ns, key, recorded_ns FROM seen "
                         f"WHERE path IN ({marks})")
                for path, size, mtime_ns, key, recorded_ns in self.db.execute(query, batch):
                    known[path] = (size, mtime_ns, key, recorded_ns)
        except sqlite3.Error:
            return {}
        wanted = []
        for path, item in paths.items():
            seen = known.get(path)
            if seen is None:
                continue  # never seen here: its worker computes the content key
            if (item.mtime_ns and seen[0] == item.size and seen[1] == item.mtime_ns
                    and seen[3] - item.mtime_ns > RACY_NS):
                key = seen[2]
            else:
                # Changed, or seen too soon after a change to trust the times: by content.
                try:
                    key = self.key(item.read_bytes())
                except OSError:
                    continue
                self.pending_index.append((path, item.size, item.mtime_ns, key, time.time_ns()))
            wanted.append((key, item.relpath, item.mtime))
        return self.get_many(wanted)

    def store(self, item: InputFile, key: str, payload: str) -> None:
        """Remember a parsed file's entry and where it was seen."""
        self.put_encoded(key, payload)
        if self.db is not None and item.mtime_ns:
            self.pending_index.append((self._index_path(item), item.size, item.mtime_ns, key,
                                       time.time_ns()))

    def get_many(self, wanted: list[tuple[str, str, float]]) -> dict[str, FileOutcome]:
        """Outcomes found for (key, relpath, mtime) triples, by relpath (files with the same
        content share an entry); a bad entry is a miss."""
        if self.db is None or not wanted:
            return {}
        payloads: dict[str, str] = {}
        keys = list({key for key, _, _ in wanted})
        try:
            for start in range(0, len(keys), 500):
                batch = keys[start:start + 500]
                marks = ",".join("?" * len(batch))
                payloads.update(self.db.execute(
                    f"SELECT key, payload FROM results WHERE key IN ({marks})", batch).fetchall())
        except sqlite3.Error:
            return {}
        found: dict[str, FileOutcome] = {}
        for key, relpath, mtime in wanted:
            if key in payloads:
                try:
                    found[relpath] = record.decode(payloads[key], relpath, mtime)
                except Exception:  # noqa: BLE001 - an unusable entry is a miss
                    continue
        return found

    def put_encoded(self, key: str, payload: str) -> None:
        if self.db is not None:
            self.pending.append((key, payload))

    def close(self) -> None:
        if self.db is None:
            return
        with contextlib.suppress(sqlite3.Error):
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)", self.pending)
                self.db.executemany("INSERT OR REPLACE INTO seen VALUES (?, ?, ?, ?, ?)",
                                    self.pending_index)
            self.db.close()
        self.db = None
        self.pending = []
        self.pending_index = []


    def _index_path(self, item: InputFile) -> str:
        """Index entries are per salt: another code or settings never finds this one's key."""
        return self.index_prefix + os.path.abspath(item.path)


def content_key(salt: bytes, data: bytes) -> str:
    return hashlib.sha256(salt + data).hexdigest()


PACKAGE = Path(__file__).resolve().parent


@functools.lru_cache(maxsize=4)
def code_digest(package: Path = PACKAGE) -> str:
    """SHA-256 over the package's source files and resources (names and bytes), computed once
    per run: any change to the code that reads a file changes every key."""
    digest = hashlib.sha256()
    files = sorted(p for pattern in ("*.py", "resources/*") for p in package.glob(pattern)
                   if p.is_file())
    for path in files:
        digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()
