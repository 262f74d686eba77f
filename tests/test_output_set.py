"""All-or-nothing outputs (spec §4, issue 14): a run replaces the whole set of a report's files
or none of them.

Windows keeps a file that Word or Excel has open from being opened for writing, replaced or
moved with its folder; `windows_lock` makes the operating-system calls behave that way for one
file, as the existing atomic-write tests do with `os.replace`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import stat
import sys
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from helpers import AS_TYPED, CELLS, ENTERPRISES, MOVEMENTS, SETTINGS, fill, write_ledger

from kcn_reports import atomic
from kcn_reports.cli import cli
from kcn_reports.generate import generate
from kcn_reports.outputs import OutputBusy, OutputSet, SetLocked
from kcn_reports.screen import render_generate
from kcn_reports.settings import DEFAULT_SETTINGS

D = dt.date
TODAY = D(2017, 1, 10)
SLUG = "bao-cao-nam-2016"


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def workspace(root: Path, employees: str = "1.234 người") -> Path:
    inputs = root / "inputs"
    inputs.mkdir(parents=True, exist_ok=True)
    # The settings SETTINGS holds, as a file: the command refuses a workspace without one.
    (root / "kcn_reports.toml").write_text(DEFAULT_SETTINGS, encoding="utf-8")
    write_ledger(inputs / "So theo doi.xlsx", enterprises=ENTERPRISES, cells=CELLS,
                 movements=MOVEMENTS)
    fill(inputs / "A&B 2016.xlsx", {**AS_TYPED, "period": "Năm 2016", "prepared_on": "05/01/2017",
                                    "employees": employees})
    return inputs


def run(root: Path, minute: int = 0):
    return generate(SETTINGS, "annual", root / "inputs", root / "outputs", root / "report_templates",
                    year=2016, today=TODAY, jobs=1, now=dt.datetime(2017, 1, 10, 9, minute))


def employees_in(folder: Path) -> int:
    return json.loads((folder / "figures.json").read_text(encoding="utf-8"))["labour"]["employees"]


def windows_lock(monkeypatch, locked: Path) -> None:
    """`locked` behaves as a file open in Excel on Windows: it cannot be opened for writing,
    replaced, deleted, nor moved away with a folder that holds it."""
    real_open, real_rename, real_replace = os.open, os.rename, os.replace

    def holds(path) -> bool:
        path = Path(path)
        return path == locked or path in locked.parents

    def fake_open(path, flags, *args, **kwargs):
        if Path(path) == locked and flags & (os.O_WRONLY | os.O_RDWR):
            raise PermissionError(13, "The process cannot access the file because it is being "
                                      "used by another process", str(path))
        return real_open(path, flags, *args, **kwargs)

    def fake_move(real):
        def move(source, target, *args, **kwargs):
            if holds(source) or holds(target):
                raise PermissionError(13, "Access is denied", str(source))
            return real(source, target, *args, **kwargs)
        return move

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(os, "rename", fake_move(real_rename))
    monkeypatch.setattr(os, "replace", fake_move(real_replace))


@pytest.fixture
def generated(tmp_path):
    workspace(tmp_path)
    result = run(tmp_path)
    assert employees_in(result.folder) == 1234
    workspace(tmp_path, employees="2.000")  # the next run has other figures
    return tmp_path, result.folder


def test_a_locked_output_leaves_the_whole_previous_set(generated, monkeypatch):
    root, folder = generated
    before = snapshot(folder)
    windows_lock(monkeypatch, folder / "Bieu-tong-hop.xlsx")
    with pytest.raises(SetLocked) as info:
        run(root, minute=5)
    assert str(info.value) == (
        f"Không thay được bộ kết quả trong thư mục {folder}: tệp «Bieu-tong-hop.xlsx» đang mở "
        "trong Word/Excel hoặc chương trình khác. Chưa tệp nào bị thay, bộ kết quả cũ vẫn còn "
        "nguyên. Đóng tệp đó rồi chạy lại.")
    assert snapshot(folder) == before
    assert sorted(p.name for p in folder.parent.iterdir()) == [SLUG]  # no temp folder, no lock

    monkeypatch.undo()  # Excel closed: the next run replaces the whole set
    result = run(root, minute=10)
    assert employees_in(result.folder) == 2000
    manifest = json.loads((folder / "ban-goc.json").read_text(encoding="utf-8"))
    for name, entry in manifest["files"].items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == entry["sha256"], name


def test_the_command_names_the_locked_file_and_exits_2(generated, monkeypatch):
    root, folder = generated
    before = snapshot(folder)
    windows_lock(monkeypatch, folder / "Tong-hop.xlsx")
    result = CliRunner().invoke(cli, ["-w", str(root), "--no-cache", "generate", "--kind",
                                      "annual", "--year", "2016"])
    assert result.exit_code == 2, result.output
    assert result.output.endswith(
        f"Lỗi: Không thay được bộ kết quả trong thư mục {root / 'outputs' / SLUG}: tệp "
        "«Tong-hop.xlsx» đang mở trong Word/Excel hoặc chương trình khác. Chưa tệp nào bị thay, "
        "bộ kết quả cũ vẫn còn nguyên. Đóng tệp đó rồi chạy lại.\n")
    assert snapshot(folder) == before


def test_a_folder_held_open_at_the_swap_replaces_nothing(generated, monkeypatch):
    """The files can be opened, but the folder cannot be moved (a command window standing in
    it): still nothing replaced, and the message says what to close."""
    root, folder = generated
    before = snapshot(folder)
    real_rename = os.rename

    def held(source, target):
        if Path(source) == folder:
            raise PermissionError(13, "Access is denied", str(source))
        return real_rename(source, target)

    monkeypatch.setattr(os, "rename", held)
    with pytest.raises(SetLocked, match="thư mục đang được một chương trình khác dùng"):
        run(root, minute=5)
    assert snapshot(folder) == before
    assert sorted(p.name for p in folder.parent.iterdir()) == [SLUG]


def test_a_failure_while_writing_leaves_the_previous_set(generated, monkeypatch):
    root, folder = generated
    before = snapshot(folder)

    def broken(path, report):
        Path(path).write_bytes(b"PK half")
        raise RuntimeError("hết bộ nhớ giữa chừng")

    monkeypatch.setattr("kcn_reports.excel_summary.write_problem_list", broken)
    with pytest.raises(RuntimeError):
        run(root, minute=5)
    assert snapshot(folder) == before
    assert sorted(p.name for p in folder.parent.iterdir()) == [SLUG]


def test_leftovers_of_a_killed_run_are_cleaned_or_put_back(generated):
    root, folder = generated
    before = snapshot(folder)
    stage = folder.parent / f".{SLUG}.dang-ghi-k1ll3d"
    stage.mkdir()
    (stage / "Tong-hop.xlsx").write_bytes(b"PK half")
    # Killed between the swap's two renames: the previous set waits aside, no current folder.
    aside = folder.parent / f".{SLUG}.ban-cu-0badf00d"
    folder.rename(aside)
    with OutputSet(folder):
        assert snapshot(folder) == before  # put back before anything else
    assert sorted(p.name for p in folder.parent.iterdir()) == [SLUG]

    # Killed after the swap, before the old set was removed: the old one is just deleted.
    shutil.copytree(folder, aside)
    (folder / ".figures.kcn-tmp-abc123.json").write_text("{", encoding="utf-8")
    result = run(root, minute=5)
    assert employees_in(result.folder) == 2000
    assert sorted(p.name for p in folder.parent.iterdir()) == [SLUG]
    assert not list(folder.glob(".*"))


def test_one_run_at_a_time(generated):
    root, folder = generated
    with OutputSet(folder), pytest.raises(OutputBusy) as info:
        run(root, minute=5)
    assert str(info.value) == (f"Đang có một lần chạy khác lập báo cáo vào thư mục {folder}. "
                               "Đợi lần đó xong rồi chạy lại.")


def test_the_offices_files_and_edits_in_the_folder_are_kept(generated):
    root, folder = generated
    (folder / "ghi chú của văn phòng.txt").write_text("gọi lại cho DN A&B", encoding="utf-8")
    (folder / "ảnh").mkdir()
    (folder / "ảnh" / "sơ đồ.png").write_bytes(b"\x89PNG fake")
    book = openpyxl.load_workbook(folder / "Tong-hop.xlsx")  # the clerk corrects a cell
    book.worksheets[0]["A1"] = "Bảng tổng hợp (đã rà soát)"
    book.save(folder / "Tong-hop.xlsx")
    edited = (folder / "Tong-hop.xlsx").read_bytes()
    untouched = (folder / "Kiem-tra-du-lieu.xlsx").read_bytes()
    # A PDF the previous run made, and one it made that the clerk then annotated.
    manifest = json.loads((folder / "ban-goc.json").read_text(encoding="utf-8"))
    for name, data in (("cu.pdf", b"%PDF stale"), ("ky.pdf", b"%PDF signed")):
        (folder / name).write_bytes(data)
        manifest["files"][name] = {"sha256": hashlib.sha256(data).hexdigest()}
    (folder / "ban-goc.json").write_text(json.dumps(manifest), encoding="utf-8")
    (folder / "ky.pdf").write_bytes(b"%PDF signed and annotated")

    result = run(root, minute=5)
    assert (folder / "ghi chú của văn phòng.txt").read_text(encoding="utf-8") == "gọi lại cho DN A&B"
    assert (folder / "ảnh" / "sơ đồ.png").read_bytes() == b"\x89PNG fake"
    assert not (folder / "cu.pdf").exists()  # stale, regenerable, not touched by anyone
    assert (folder / "ky.pdf").read_bytes() == b"%PDF signed and annotated"
    kept = {p.name: p.read_bytes() for p in (folder / "ban-truoc").iterdir()}
    tong_hop = [name for name in kept if name.startswith("Tong-hop (bản trước ")]
    assert len(tong_hop) == 1 and kept[tong_hop[0]] == edited
    assert untouched not in kept.values()  # unchanged since generated: simply replaced
    screen = render_generate(result)
    assert f"Bản trước của Tong-hop.xlsx được giữ ở: {Path('ban-truoc', tong_hop[0])}" in screen
    assert "Giữ nguyên ky.pdf: tệp này đã được sửa sau khi chương trình tạo ra." in screen
    assert employees_in(folder) == 2000


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
@pytest.mark.parametrize("umask", [0o022, 0o002])
def test_outputs_get_the_permissions_of_an_ordinary_save(tmp_path, umask):
    old = os.umask(umask)
    atomic._umask.cache_clear()
    try:
        workspace(tmp_path)
        result = run(tmp_path)
        run(tmp_path, minute=5)  # with a dated copy and the clerk-text pass
    finally:
        os.umask(old)
        atomic._umask.cache_clear()
    paths = [result.folder, *result.folder.rglob("*")]
    assert len(paths) > 6
    for path in paths:
        mode = stat.S_IMODE(path.stat().st_mode)
        expected = (0o777 if path.is_dir() else 0o666) & ~umask
        assert mode == expected, (path.name, oct(mode))
    for path in (tmp_path / "report_templates").iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask, path.name


def test_generate_keeps_its_output_names(generated):
    """The set's file names are those the README lists (nothing renamed by the swap)."""
    root, folder = generated
    result = run(root, minute=5)
    assert [p.name for p in result.outputs] == [f"{SLUG}.docx", "figures.json", "Tong-hop.xlsx",
                                               "Kiem-tra-du-lieu.xlsx", "Bieu-tong-hop.xlsx"]
    assert all(p.parent == folder for p in result.outputs)
