"""Stage 1: find every file under the inputs folder and set aside what is not a spreadsheet."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".xlsb", ".xltx", ".xltm"}
SYSTEM_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}


@dataclass(frozen=True)
class InputFile:
    path: Path
    relpath: str  # relative to the inputs folder, "/" separators
    size: int
    mtime: float


@dataclass(frozen=True)
class Skipped:
    relpath: str
    reason: str


def discover(root: Path) -> tuple[list[InputFile], list[Skipped]]:
    """Every file under `root`, any depth, sorted; spreadsheets to read, the rest with a reason."""
    found: list[InputFile] = []
    skipped: list[Skipped] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(dirpath) / name
            relpath = path.relative_to(root).as_posix()
            reason = _skip_reason(path, relpath)
            if reason:
                skipped.append(Skipped(relpath, reason))
                continue
            info = path.stat()
            found.append(InputFile(path, relpath, info.st_size, info.st_mtime))
    found.sort(key=lambda f: f.relpath)
    skipped.sort(key=lambda s: s.relpath)
    return found, skipped


def _skip_reason(path: Path, relpath: str) -> str | None:
    name = path.name
    if name.startswith("~$"):
        return "Tệp khóa tạm của Excel (có người đang mở tệp gốc), không phải báo cáo."
    if name.lower() in SYSTEM_NAMES:
        return "Tệp hệ thống."
    if any(part.startswith(".") for part in relpath.split("/")) or _hidden_on_windows(path):
        return "Tệp hoặc thư mục ẩn."
    if path.is_symlink():
        return "Lối tắt (symbolic link), không đọc để tránh đọc ngoài thư mục inputs."
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "Tệp CSV, không phải mẫu báo cáo Excel; xin doanh nghiệp gửi tệp .xlsx theo mẫu."
    if suffix not in SPREADSHEET_SUFFIXES:
        return f"Không phải bảng tính (đuôi \"{path.suffix or 'không có'}\")."
    return None


def _hidden_on_windows(path: Path) -> bool:
    attributes = getattr(path.lstat(), "st_file_attributes", 0)
    hidden = getattr(stat, "FILE_ATTRIBUTE_HIDDEN", 2) | getattr(stat, "FILE_ATTRIBUTE_SYSTEM", 4)
    return bool(attributes & hidden)
