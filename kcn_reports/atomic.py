"""Atomic output: an interrupted run never leaves a half-written file, and the earlier output
stays intact until the new one is complete.

One file at a time; a run's whole set of outputs is swapped in by `outputs.OutputSet`.
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

TEMP_MARK = ".kcn-tmp-"


class OutputLocked(OSError):
    """The output file is open in another program (Windows locks files open in Word/Excel)."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"Không ghi được {path}: tệp đang mở trong Word/Excel hoặc chương trình "
                         "khác. Đóng tệp đó rồi chạy lại; bản cũ vẫn còn nguyên.")
        self.path = path


@functools.lru_cache(maxsize=1)
def _umask() -> int:
    # os.umask can only be read by setting it; done once, before any worker thread writes.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def file_mode() -> int:
    """The permissions an ordinary save gives a new file (0o666 less the umask)."""
    return 0o666 & ~_umask()


def folder_mode() -> int:
    """The permissions an ordinary mkdir gives a new folder (0o777 less the umask)."""
    return 0o777 & ~_umask()


def temp_name_pattern(path: Path) -> str:
    """Glob of the temp files `atomic_write` makes for `path` (for cleaning a killed run's)."""
    return f".{path.stem}{TEMP_MARK}*{path.suffix}"


def atomic_write(path: Path, write: Callable[[str], Any]) -> None:
    """Call `write(temp_path)` on a temp file in the same folder, then rename it over `path`.

    The file gets ordinary permissions (mkstemp's are 0600, which a colleague on a shared
    folder could not open); temp files left by an earlier, killed write of `path` are removed.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in path.parent.glob(temp_name_pattern(path)):
        with contextlib.suppress(OSError):
            stale.unlink()
    handle, temp = tempfile.mkstemp(prefix=f".{path.stem}{TEMP_MARK}", suffix=path.suffix,
                                    dir=path.parent)
    os.close(handle)
    try:
        write(temp)
        os.chmod(temp, file_mode())
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
