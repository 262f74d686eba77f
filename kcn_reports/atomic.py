"""Atomic output: an interrupted run never leaves a half-written file, and the earlier output
stays intact until the new one is complete."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any


class OutputLocked(OSError):
    """The output file is open in another program (Windows locks files open in Word/Excel)."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"Không ghi được {path}: tệp đang mở trong Word/Excel hoặc chương trình "
                         "khác. Đóng tệp đó rồi chạy lại; bản cũ vẫn còn nguyên.")
        self.path = path


def atomic_write(path: Path, write: Callable[[str], Any]) -> None:
    """Call `write(temp_path)` on a temp file in the same folder, then rename it over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=path.parent)
    os.close(handle)
    try:
        write(temp)
        try:
            os.replace(temp, path)
        except PermissionError as exc:
            raise OutputLocked(path) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write(path, lambda temp: Path(temp).write_text(text, encoding="utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    atomic_write(path, lambda temp: Path(temp).write_bytes(data))
