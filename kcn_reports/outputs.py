"""All-or-nothing outputs: a run's files are written into a fresh folder beside the report's
folder and swapped in whole, only when every one of them is complete.

    outputs/
      bao-cao-nam-2016/                the current set: what the office opens
        ban-goc.json                   what the program wrote (to recognise the clerk's edits)
        ban-truoc/                     dated copies of earlier reports
      .bao-cao-nam-2016.dang-ghi-…/    a run being written (removed if that run died)
      .bao-cao-nam-2016.ban-cu-…/      the previous set during the swap (put back if the run died)
      .bao-cao-nam-2016.khoa           held while a run writes this report: one run at a time

The swap is two renames of folders. A run killed at any moment leaves the previous set whole:
before the first rename nothing was touched; between the two the previous set sits under its
".ban-cu" name, and the next run puts it back. On Windows a file open in Word or Excel cannot be
renamed away, so every file of the folder is tried before the swap; if one is open, nothing is
replaced and the message names it.

Files in the folder that the program did not write (the clerk's own) are carried into the new
set untouched; a generated file the office has changed is kept as a dated copy in `ban-truoc/`
(the Word report always is), and the clerk's writing in the report is carried into the new one
(`carry.py`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import hashlib
import json
import os
import re
import secrets
import shutil
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

from kcn_reports import __version__
from kcn_reports.atomic import TEMP_MARK, OutputLocked, file_mode, folder_mode

MANIFEST = "ban-goc.json"
PREVIOUS = "ban-truoc"
STAGE_MARK = ".dang-ghi-"
ASIDE_MARK = ".ban-cu-"
LOCK_SUFFIX = ".khoa"

# Temp files of earlier program versions (mkstemp: ".<stem>-<8 random chars><suffix>").
_OLD_TEMP = re.compile(r"^\..+-[a-z0-9_]{8}\.[A-Za-z]+$")


class SetLocked(OutputLocked):
    """Some output of the set is open in another program: nothing was replaced."""

    def __init__(self, folder: Path, names: list[str]) -> None:
        OSError.__init__(self, _locked_message(folder, names))
        self.path = folder
        self.names = names


def _locked_message(folder: Path, names: list[str]) -> str:
    if names:
        listed = ", ".join(f"«{name}»" for name in names)
        what = f"tệp {listed} đang mở trong Word/Excel hoặc chương trình khác"
        fix = "Đóng tệp đó rồi chạy lại."
    else:
        what = ("thư mục đang được một chương trình khác dùng (ví dụ cửa sổ dòng lệnh đang đứng "
                "trong thư mục đó)")
        fix = "Đóng chương trình đó rồi chạy lại."
    return (f"Không thay được bộ kết quả trong thư mục {folder}: {what}. Chưa tệp nào bị thay, "
            f"bộ kết quả cũ vẫn còn nguyên. {fix}")


class OutputBusy(OSError):
    """Another run is writing the same report right now."""

    def __init__(self, folder: Path) -> None:
        super().__init__(f"Đang có một lần chạy khác lập báo cáo vào thư mục {folder}. Đợi lần "
                         "đó xong rồi chạy lại.")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _link_or_copy(source: Path, target: Path) -> None:
    """A hard link where the disk allows it (instant, no space), a copy elsewhere (FAT, shares)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _link_tree(source: Path, target: Path) -> None:
    for item in sorted(source.rglob("*")):
        destination = target / item.relative_to(source)
        if item.is_dir():
            destination.mkdir(parents=True, exist_ok=True)
        elif not destination.exists():
            _link_or_copy(item, destination)


def _remove_tree(path: Path) -> None:
    """Remove a folder; read-only files (Windows) are made writable first; what still fails is
    left for the next run to clean."""

    def retry(function: Any, name: str, *_exc: Any) -> None:
        with contextlib.suppress(OSError):
            os.chmod(name, stat.S_IWRITE | stat.S_IREAD)
            function(name)

    with contextlib.suppress(OSError):
        if sys.version_info >= (3, 12):
            shutil.rmtree(path, onexc=retry)
        else:  # pragma: no cover - Python 3.10/3.11
            shutil.rmtree(path, onerror=retry)


def _is_locked(path: Path) -> bool:
    """Whether another program holds `path` open so that it cannot be replaced.

    Windows refuses to open for writing a file Word or Excel has open; a file merely marked
    read-only is not "open elsewhere" (it does not stop the folder's rename)."""
    try:
        handle = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    except PermissionError:
        return os.access(path, os.W_OK)
    except OSError:
        return False
    os.close(handle)
    return False


class _RunLock:
    """An exclusive lock on a small file beside the report folder (released if the run dies)."""

    def __init__(self, path: Path, folder: Path) -> None:
        self.path = path
        self.handle = open(path, "a+b")  # noqa: SIM115 - held for the whole run
        try:
            if sys.platform == "win32":
                import msvcrt

                self.handle.seek(0)
                msvcrt.locking(self.handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(self.handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.handle.close()
            raise OutputBusy(folder) from None

    def release(self) -> None:
        with contextlib.suppress(OSError):
            if sys.platform == "win32":
                import msvcrt

                self.handle.seek(0)
                msvcrt.locking(self.handle.fileno(), msvcrt.LK_UNLCK, 1)
        self.handle.close()
        with contextlib.suppress(OSError):
            self.path.unlink()


class OutputSet:
    """The files of one run, written under `path(name)` and swapped in whole by `commit()`.

    Use as a context manager: leaving it without `commit()` (an error, Ctrl+C) removes what was
    written and leaves the previous set as it was.
    """

    def __init__(self, folder: Path, *, now: dt.datetime | None = None) -> None:
        self.folder = folder
        self.root = folder.parent
        self.name = folder.name
        self.now = now or dt.datetime.now()
        self.stage: Path | None = None
        self.messages: list[str] = []  # for the closing summary, in Vietnamese
        self.backups: list[Path] = []  # dated copies, at their final place
        self._lock: _RunLock | None = None
        self._previous: dict[str, Any] = {}
        self._names: list[str] = []  # produced, in order
        self._extra: dict[str, dict[str, Any]] = {}  # manifest entries beyond the digest
        self._always_backup: set[str] = set()
        self._keep_in_place: set[str] = set()

    # -- entering: one run at a time, leftovers of a killed run cleaned ------------------------

    def __enter__(self) -> OutputSet:
        self.root.mkdir(parents=True, exist_ok=True)
        self._lock = _RunLock(self.root / f".{self.name}{LOCK_SUFFIX}", self.folder)
        try:
            self._recover()
            self._previous = self._read_manifest()
            self._refuse_if_locked()  # before the work, not only at the swap
            self.stage = Path(tempfile.mkdtemp(prefix=f".{self.name}{STAGE_MARK}", dir=self.root))
            os.chmod(self.stage, folder_mode())  # mkdtemp's 0700 would hide it from colleagues
        except BaseException:
            self._lock.release()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        if self.stage is not None:
            _remove_tree(self.stage)
            self.stage = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _leftovers(self, mark: str) -> list[Path]:
        return sorted(self.root.glob(f".{glob.escape(self.name)}{mark}*"))

    def _recover(self) -> None:
        for aside in self._leftovers(ASIDE_MARK):
            if not self.folder.exists():
                os.rename(aside, self.folder)  # a run died mid-swap: the previous set comes back
            else:
                _remove_tree(aside)
        for stage in self._leftovers(STAGE_MARK):
            _remove_tree(stage)

    def _read_manifest(self) -> dict[str, Any]:
        try:
            data = json.loads((self.folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) and isinstance(data.get("files"), dict) else {}

    # -- writing ---------------------------------------------------------------------------

    def path(self, name: str) -> Path:
        """Where to write the output called `name` (inside the fresh folder)."""
        assert self.stage is not None, "use OutputSet as a context manager"
        if name not in self._names:
            self._names.append(name)
        return self.stage / name

    def keep_clerk_text(self, report: Path) -> Path:
        """Carry the clerk's writing from the previous report into the freshly written `report`
        (a .docx under `path()`). Returns where the new report now is: under a new name when
        the previous one holds edits that could not be carried (it then stays as it is)."""
        from kcn_reports.carry import SNAPSHOT_FORMAT, carry_over, snapshot

        name = report.name
        self._extra[name] = {"format": SNAPSHOT_FORMAT, "generated": snapshot(report)}
        previous = self.folder / name
        if not previous.is_file():
            return report
        entry = self._previous.get("files", {}).get(name)
        base = entry.get("generated") if isinstance(entry, dict) and \
            entry.get("format") == SNAPSHOT_FORMAT else None
        result = carry_over(previous, base, report)
        if not result.conflicts:
            self._always_backup.add(name)
            if result.carried:
                self.messages.append("Đã chép phần văn phòng viết trong báo cáo cũ sang báo cáo mới:")
                self.messages.extend(f"  - {line}" for line in result.carried)
            self.messages.extend(result.notes)
            return report
        new_name = self._free_name(f"{report.stem} (mới {self.now:%Y-%m-%d %H%M}){report.suffix}")
        moved = report.with_name(new_name)
        os.replace(report, moved)
        self._names[self._names.index(name)] = new_name
        self._extra[new_name] = self._extra.pop(name)
        self._keep_in_place.add(name)
        self.messages.append(f"Không ghi đè báo cáo {name}: văn phòng đã sửa ở đó những chỗ "
                             "chương trình không tự chép sang báo cáo mới được:")
        self.messages.extend(f"  - {line}" for line in result.conflicts)
        if result.carried:
            self.messages.append("Những phần đã chép được sang báo cáo mới:")
            self.messages.extend(f"  - {line}" for line in result.carried)
        self.messages.append(f"Báo cáo mới ghi ở: {new_name}. Chép tay những chỗ trên sang báo "
                             f"cáo mới; xong thì đổi tên {name} (ví dụ thêm chữ «cũ»), rồi đổi tên "
                             f"«{new_name}» thành {name}: lần sau chương trình chép những gì văn "
                             "phòng đã viết ở đó sang báo cáo mới.")
        return moved

    def _free_name(self, wanted: str) -> str:
        stem, suffix = os.path.splitext(wanted)
        name, n = wanted, 1
        assert self.stage is not None
        while (self.stage / name).exists() or (self.folder / name).exists():
            n += 1
            name = f"{stem} ({n}){suffix}"
        return name

    # -- committing ------------------------------------------------------------------------

    def commit(self) -> list[Path]:
        """Swap the new set in; returns the final paths of the files this run produced.

        Raises SetLocked (nothing replaced) when a file of the current set is open elsewhere.
        """
        assert self.stage is not None, "use OutputSet as a context manager"
        produced = [name for name in self._names if (self.stage / name).is_file()]
        manifest: dict[str, Any] = {
            "program": f"kcn-reports {__version__}",
            "written_at": self.now.isoformat(timespec="seconds"),
            "note": "Chương trình ghi lại những gì nó đã tạo ra, để lần chạy sau nhận ra phần văn "
                    "phòng đã viết vào báo cáo. Đừng sửa hay xóa tệp này.",
            "files": {name: {"sha256": file_sha256(self.stage / name), **self._extra.get(name, {})}
                      for name in produced},
        }
        if self.folder.is_dir():
            self._bring_over(produced, manifest)
        target = self.stage / MANIFEST
        target.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        os.chmod(target, file_mode())
        self._refuse_if_locked()
        self._swap()
        return [self.folder / name for name in produced]

    def _bring_over(self, produced: list[str], manifest: dict[str, Any]) -> None:
        """Into the new set: the clerk's own files and folders, the dated copies, and generated
        files the office has changed."""
        assert self.stage is not None
        before: dict[str, Any] = self._previous.get("files", {})
        for item in sorted(self.folder.iterdir()):
            name = item.name
            if name == MANIFEST or (name.startswith(".") and (TEMP_MARK in name
                                                              or _OLD_TEMP.match(name))):
                continue  # rewritten, or a temp file of a killed run
            if item.is_dir():
                _link_tree(item, self.stage / name)
                continue
            entry = before.get(name)
            changed = not isinstance(entry, dict) or entry.get("sha256") != file_sha256(item)
            if name in self._keep_in_place:
                _link_or_copy(item, self.stage / name)
                manifest["files"][name] = entry if isinstance(entry, dict) else {}
            elif name in produced:
                if name in self._always_backup or changed:
                    self._backup(item)
            elif isinstance(entry, dict):  # written by the previous run, not by this one
                if changed:
                    _link_or_copy(item, self.stage / name)
                    manifest["files"][name] = entry
                    self.messages.append(f"Giữ nguyên {name}: tệp này đã được sửa sau khi "
                                         "chương trình tạo ra.")
            else:
                _link_or_copy(item, self.stage / name)  # the office's own file

    def _backup(self, item: Path) -> None:
        assert self.stage is not None
        saved = dt.datetime.fromtimestamp(item.stat().st_mtime)
        folder = self.stage / PREVIOUS
        folder.mkdir(exist_ok=True)
        stem = f"{item.stem} (bản trước {saved:%Y-%m-%d %H%M})"
        name, n = f"{stem}{item.suffix}", 1
        digest = file_sha256(item)
        while (folder / name).exists():
            if file_sha256(folder / name) == digest:
                break  # this very file is already kept
            n += 1
            name = f"{stem} ({n}){item.suffix}"
        else:
            _link_or_copy(item, folder / name)
        final = self.folder / PREVIOUS / name
        self.backups.append(final)
        self.messages.append(f"Bản trước của {item.name} được giữ ở: {Path(PREVIOUS, name)}")

    def _locked_files(self) -> list[str]:
        if not self.folder.is_dir():
            return []
        return [path.relative_to(self.folder).as_posix() for path in sorted(self.folder.rglob("*"))
                if path.is_file() and _is_locked(path)]

    def _refuse_if_locked(self) -> None:
        locked = self._locked_files()
        if locked:
            raise SetLocked(self.folder, locked)

    def _swap(self) -> None:
        assert self.stage is not None
        aside: Path | None = None
        if self.folder.exists():
            aside = self.root / f".{self.name}{ASIDE_MARK}{secrets.token_hex(4)}"
            try:
                os.rename(self.folder, aside)
            except PermissionError:
                raise SetLocked(self.folder, self._locked_files()) from None
        try:
            os.rename(self.stage, self.folder)
        except BaseException:
            if aside is not None:
                os.rename(aside, self.folder)
            raise
        self.stage = None
        if aside is not None:
            _remove_tree(aside)
