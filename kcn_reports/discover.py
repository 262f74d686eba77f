"""Stage 1: find every file under the inputs folder and set aside what is not a spreadsheet."""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".xlsb", ".xltx", ".xltm"}
SYSTEM_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}


@dataclass(frozen=True)
class InputFile:
    path: str  # as the OS names it (a str: thousands of Path objects cost a cached re-run 10 %)
    relpath: str  # relative to the inputs folder, "/" separators
    size: int
    mtime: float
    mtime_ns: int = 0  # exact, for the cache's index of unchanged files

    def read_bytes(self) -> bytes:
        with open(self.path, "rb") as handle:
            return handle.read()


@dataclass(frozen=True)
class Skipped:
    relpath: str
    reason: str


def discover(root: Path) -> tuple[list[InputFile], list[Skipped]]:
    """Every file under `root`, any depth, sorted; spreadsheets to read, the rest with a reason.

    Directory links are not followed (no loops, nothing outside the inputs folder)."""
    found: list[InputFile] = []
    skipped: list[Skipped] = []
    pending = [(os.fspath(root), "")]
    while pending:
        folder, prefix = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as exc:
            skipped.append(Skipped(prefix.rstrip("/") or ".",
                                   f"Không mở được thư mục: {exc.strerror or exc}."))
            continue
        for entry in entries:
            relpath = prefix + entry.name
            if entry.is_dir(follow_symlinks=False):
                pending.append((entry.path, relpath + "/"))
                continue
            reason = _skip_reason(entry, relpath)
            if reason:
                skipped.append(Skipped(relpath, reason))
                continue
            info = entry.stat()
            found.append(InputFile(entry.path, relpath, info.st_size, info.st_mtime,
                                   info.st_mtime_ns))
    found.sort(key=lambda f: f.relpath)
    skipped.sort(key=lambda s: s.relpath)
    return found, skipped


def _skip_reason(entry: os.DirEntry[str], relpath: str) -> str | None:
    name = entry.name
    if name.startswith("~$"):
        return "Tệp khóa tạm của Excel (có người đang mở tệp gốc), không phải báo cáo."
    if name.lower() in SYSTEM_NAMES:
        return "Tệp hệ thống."
    if "/." in f"/{relpath}" or _hidden_on_windows(entry):  # a dot file, or in a dot folder
        return "Tệp hoặc thư mục ẩn."
    if entry.is_symlink():
        return "Lối tắt (symbolic link), không đọc để tránh đọc ngoài thư mục inputs."
    if not entry.is_file(follow_symlinks=False):
        # A named pipe or a device would block the reader for ever.
        return "Không phải tệp thông thường (ống dẫn hoặc tệp thiết bị), không đọc."
    suffix = os.path.splitext(name)[1]
    if suffix.lower() == ".csv":
        return "Tệp CSV, không phải mẫu báo cáo Excel; xin doanh nghiệp gửi tệp .xlsx theo mẫu."
    if suffix.lower() not in SPREADSHEET_SUFFIXES:
        return f"Không phải bảng tính (đuôi \"{suffix or 'không có'}\")."
    return None


def _hidden_on_windows(entry: os.DirEntry[str]) -> bool:
    if sys.platform != "win32":
        return False  # elsewhere hidden means a leading dot, checked by the caller
    attributes = getattr(entry.stat(follow_symlinks=False), "st_file_attributes", 0)
    return bool(attributes & (stat.FILE_ATTRIBUTE_HIDDEN | stat.FILE_ATTRIBUTE_SYSTEM))
