"""The content cache: a changed file is re-read, a corrupt cache is ignored, and results are
identical with and without it."""

from __future__ import annotations

import datetime as dt

from helpers import AS_TYPED, CELLS, ENTERPRISES, MOVEMENTS, SETTINGS, fill, write_ledger

from kcn_reports import check as check_module
from kcn_reports.cache import ResultCache
from kcn_reports.check import check_inputs

TODAY = dt.date(2016, 11, 26)


def inputs(tmp_path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    write_ledger(folder / "so.xlsx", enterprises=ENTERPRISES, cells=CELLS, movements=MOVEMENTS)
    fill(folder / "ab.xlsx", AS_TYPED)
    fill(folder / "loi.xlsx", {**AS_TYPED, "tax_code": "2400111111", "employees": "nhiều"})
    fill(folder / "ban sao.xlsx", AS_TYPED)  # same content as ab.xlsx except timestamps
    (folder / "rong.xlsx").write_bytes(b"")
    return folder


def run(folder, cache_dir, monkeypatch=None, calls=None):
    cache = ResultCache(cache_dir, SETTINGS, TODAY) if cache_dir else None
    return check_inputs(folder, SETTINGS, jobs=1, today=TODAY, cache=cache)


def counting(monkeypatch):
    """Count the files sent to the readers (the cache's misses)."""
    seen: list[int] = []
    original = check_module.run_isolated

    def spy(func, items, on_crash, jobs=None, **options):
        seen.append(len(items))
        return original(func, items, on_crash, jobs, **options)

    monkeypatch.setattr(check_module, "run_isolated", spy)
    return seen


def test_second_run_reads_nothing_and_gives_identical_results(tmp_path, monkeypatch):
    folder = inputs(tmp_path)
    seen = counting(monkeypatch)
    first = run(folder, tmp_path / "cache")
    second = run(folder, tmp_path / "cache")
    plain = run(folder, None)
    assert seen == [5, 0, 5]
    assert first.to_dict() == second.to_dict() == plain.to_dict()
    by_path = {f.relpath: f for f in second.files}
    assert by_path["ban sao.xlsx"].problems == [] or all(
        p.file == "ban sao.xlsx" for p in by_path["ban sao.xlsx"].problems)
    assert by_path["ab.xlsx"].form.values["union_founded_on"] == dt.date(2015, 3, 5)


def test_changed_file_is_read_again(tmp_path, monkeypatch):
    folder = inputs(tmp_path)
    seen = counting(monkeypatch)
    run(folder, tmp_path / "cache")
    fill(folder / "ab.xlsx", {**AS_TYPED, "employees": "2.000"})
    report = run(folder, tmp_path / "cache")
    assert seen == [5, 1]
    assert next(f for f in report.files if f.relpath == "ab.xlsx").form.values["employees"] == 2000


def test_corrupt_or_foreign_cache_is_ignored_and_rebuilt(tmp_path, monkeypatch):
    folder = inputs(tmp_path)
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    (cache_dir / "results.sqlite").write_bytes(b"this is not a database" * 100)
    seen = counting(monkeypatch)
    first = run(folder, cache_dir)
    second = run(folder, cache_dir)
    assert seen == [5, 0]
    assert first.to_dict() == run(folder, None).to_dict() == second.to_dict()


def test_tampered_entry_is_a_miss_not_trusted(tmp_path, monkeypatch):
    import sqlite3

    folder = inputs(tmp_path)
    cache_dir = tmp_path / "cache"
    run(folder, cache_dir)
    with sqlite3.connect(cache_dir / "results.sqlite") as db:
        db.execute("UPDATE results SET payload = '{\"kind\": 1}'")
    seen = counting(monkeypatch)
    report = run(folder, cache_dir)
    assert seen == [5]
    assert report.to_dict() == run(folder, None).to_dict()


def test_other_settings_do_not_share_entries(tmp_path):
    from dataclasses import replace

    folder = inputs(tmp_path)
    data = (folder / "ab.xlsx").read_bytes()
    a = ResultCache(tmp_path / "c", SETTINGS, TODAY)
    b = ResultCache(tmp_path / "c", replace(SETTINGS, zones=SETTINGS.zones[:2]), TODAY)
    c = ResultCache(tmp_path / "c", SETTINGS, TODAY + dt.timedelta(days=1))
    assert len({a.key(data), b.key(data), c.key(data)}) == 3


def _age(folder, seconds=3600):
    import os
    import time

    for path in folder.rglob("*.xlsx"):
        then = time.time() - seconds
        os.utime(path, (then, then))


def test_unchanged_files_are_neither_read_nor_hashed(tmp_path, monkeypatch):
    folder = inputs(tmp_path)
    _age(folder)
    run(folder, tmp_path / "cache")
    hashed: list[int] = []
    original = ResultCache.key
    monkeypatch.setattr(ResultCache, "key", lambda self, data: hashed.append(1) or original(self, data))
    seen = counting(monkeypatch)
    report = run(folder, tmp_path / "cache")
    assert seen == [0] and hashed == []
    assert report.to_dict() == run(folder, None).to_dict()


def test_same_size_same_time_edit_is_caught_by_content(tmp_path, monkeypatch):
    """An edit that keeps size and (coarse) time, seen too soon to trust the times."""
    import os

    folder = inputs(tmp_path)
    target = folder / "ab.xlsx"
    run(folder, tmp_path / "cache")
    stat = target.stat()
    data = bytearray(target.read_bytes())
    fill(target, {**AS_TYPED, "employees": "4.321"})
    edited = target.read_bytes()
    if len(edited) != len(data):  # keep the size: pad or cut the zip's trailing comment area
        edited = edited[:len(data)] if len(edited) > len(data) else edited + b"\0" * (len(data) - len(edited))
    target.write_bytes(edited)
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    seen = counting(monkeypatch)
    run(folder, tmp_path / "cache")
    assert seen == [1]


def aged(folder):
    """Files last changed a minute ago, so the path index (not the content) finds their keys."""
    import os
    import time

    for path in folder.iterdir():
        os.utime(path, (time.time() - 60, time.time() - 60))
    return folder


def test_code_digest_follows_every_source_file(tmp_path):
    import shutil

    from kcn_reports.cache import PACKAGE, code_digest

    copy = tmp_path / "kcn_reports"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert code_digest(copy) == code_digest(PACKAGE)
    parse = copy / "parse.py"
    parse.write_text(parse.read_text(encoding="utf-8") + "\n# a fix\n", encoding="utf-8")
    changed = code_digest.__wrapped__(copy)
    assert changed != code_digest(PACKAGE)
    (copy / "new_module.py").write_text("", encoding="utf-8")
    assert code_digest.__wrapped__(copy) not in (changed, code_digest(PACKAGE))


def test_code_change_is_never_served_old_results(tmp_path, monkeypatch):
    """A reader fixed without a version bump: every file is read again, by content and through
    the path index alike (the index once carried an old key past a change of salt)."""
    from kcn_reports import cache as cache_module

    folder = aged(inputs(tmp_path))
    seen = counting(monkeypatch)
    run(folder, tmp_path / "cache")
    run(folder, tmp_path / "cache")
    monkeypatch.setattr(cache_module, "code_digest", lambda: "another build")
    run(folder, tmp_path / "cache")
    assert seen == [5, 0, 5]


def test_settings_change_is_never_served_through_the_path_index(tmp_path, monkeypatch):
    import dataclasses

    from kcn_reports.formdef import Zone

    folder = aged(inputs(tmp_path))
    seen = counting(monkeypatch)
    run(folder, tmp_path / "cache")
    other = dataclasses.replace(SETTINGS, zones=(*SETTINGS.zones, Zone("Khu mới")))
    check_inputs(folder, other, jobs=1, today=TODAY,
                 cache=ResultCache(tmp_path / "cache", other, TODAY))
    assert seen == [5, 5]
