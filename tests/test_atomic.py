"""Atomic output: the earlier file stays whole when writing fails, and a locked output (open in
Word/Excel on Windows) is a clear message, not a traceback."""

from __future__ import annotations

import os

import pytest

from kcn_reports.atomic import OutputLocked, atomic_write, atomic_write_text


def test_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "bao cao.txt"
    atomic_write_text(target, "bản cũ")

    def broken(temp: str) -> None:
        with open(temp, "w", encoding="utf-8") as handle:
            handle.write("một nửa")
        raise RuntimeError("hỏng giữa chừng")

    with pytest.raises(RuntimeError):
        atomic_write(target, broken)
    assert target.read_text(encoding="utf-8") == "bản cũ"
    assert [p.name for p in tmp_path.iterdir()] == ["bao cao.txt"]


def test_locked_output_is_reported_with_its_path(tmp_path, monkeypatch):
    target = tmp_path / "Tong-hop.xlsx"
    atomic_write_text(target, "cũ")

    def locked(src, dst):
        raise PermissionError(13, "The process cannot access the file", str(dst))

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(OutputLocked) as info:
        atomic_write_text(target, "mới")
    assert "Tong-hop.xlsx" in str(info.value) and "đang mở" in str(info.value)
    monkeypatch.undo()
    assert target.read_text(encoding="utf-8") == "cũ"
    assert [p.name for p in tmp_path.iterdir()] == ["Tong-hop.xlsx"]
