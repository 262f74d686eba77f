"""Fault injection: one hostile or broken file beside one good return.

Each case writes its file into a fresh inputs folder next to a good return and runs the whole
check with two worker processes. The good return must still be accepted, and the bad file listed
exactly once — rejected or skipped, with a reason in Vietnamese and the problem code that names
what is wrong with it (files set aside before reading carry a reason but no problem record).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from helpers import AS_TYPED, fill

from kcn_reports.check import ACCEPTED, REJECTED, SKIPPED, CheckReport, check_inputs, process_file
from kcn_reports.discover import InputFile
from kcn_reports.settings import DEFAULT_SETTINGS, Limits, load_settings
from kcn_reports.workbook import read_workbook

SETTINGS = load_settings(None)
GOOD = "good.xlsx"
VIETNAMESE = re.compile("[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]",
                        re.IGNORECASE)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.fixture(scope="module")
def good_bytes(tmp_path_factory) -> bytes:
    return fill(tmp_path_factory.mktemp("good") / GOOD, AS_TYPED).read_bytes()


@pytest.fixture(scope="module")
def other_return(tmp_path_factory) -> bytes:
    """A valid return of another enterprise (so it neither supersedes nor is superseded)."""
    values = {**AS_TYPED, "tax_code": "2400111111", "name": "Công ty CP May Bắc Giang"}
    return fill(tmp_path_factory.mktemp("other") / "other.xlsx", values).read_bytes()


def run_case(folder: Path, good_bytes: bytes, write: Callable[[Path], object],
             settings=SETTINGS) -> CheckReport:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / GOOD).write_bytes(good_bytes)
    write(folder)
    report = check_inputs(folder, settings, jobs=2)
    listed = [f.relpath for f in report.files]
    assert len(listed) == len(set(listed)), listed
    good = next(f for f in report.files if f.relpath == GOOD)
    assert good.outcome == ACCEPTED, [p.message for p in good.problems]
    return report


def only(report: CheckReport, relpath: str):
    matches = [f for f in report.files if f.relpath == relpath]
    assert len(matches) == 1, [f.relpath for f in report.files]
    return matches[0]


def assert_refused(item, outcome: str, code: str | None, fragment: str) -> None:
    assert item.outcome == outcome, (item.outcome, item.reason, [p.code for p in item.problems])
    assert item.reason.strip() and VIETNAMESE.search(item.reason), item.reason
    assert fragment in item.reason, item.reason
    codes = [p.code for p in item.problems]
    if code is None:  # set aside by discover, before any reading
        assert codes == [], codes
    else:
        assert codes and codes[0] == code, codes
        first = item.problems[0]
        assert first.file == item.relpath and first.message and first.hint


# --- files built in the test ------------------------------------------------------------------


def rewrite_zip(data: bytes, edit: Callable[[str, bytes], bytes | None],
                extra: dict[str, bytes] | None = None) -> bytes:
    """The same zip with each member passed through `edit` (None drops it) and `extra` added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = edit(info.filename, source.read(info.filename))
            if content is not None:
                target.writestr(info.filename, content)
        for name, content in (extra or {}).items():
            target.writestr(name, content)
    return out.getvalue()


BILLION_LAUGHS = (b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                             for i in range(1, 10))
                  + b"]>")
XXE = b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
SST = b'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings'


def with_shared_strings(data: bytes, doctype: bytes) -> bytes:
    """A shared-strings part (openpyxl writes inline strings) whose prolog declares entities,
    wired into the package like Excel does, and used by the form's title cell."""
    reference = b"&lol9;" if b"lol9" in doctype else b"&e;"
    strings = (XML_DECLARATION + doctype
               + b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                 b'count="1" uniqueCount="1"><si><t>' + reference + b"</t></si></sst>")

    def edit(name: str, content: bytes) -> bytes:
        if name == "xl/_rels/workbook.xml.rels":
            content = content.replace(b"</Relationships>", b'<Relationship Id="rIdSst" Type="'
                                      + SST + b'" Target="sharedStrings.xml"/></Relationships>')
        elif name == "[Content_Types].xml":
            content = content.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" '
                                      b'ContentType="application/vnd.openxmlformats-officedocument.'
                                      b'spreadsheetml.sharedStrings+xml"/></Types>')
        elif name == "xl/worksheets/sheet1.xml":
            content = re.sub(rb'<c r="C1"([^>]*?) t="inlineStr"><is>.*?</is></c>',
                             rb'<c r="C1"\1 t="s"><v>0</v></c>', content, count=1)
        return content

    return rewrite_zip(data, edit, {"xl/sharedStrings.xml": strings})


def with_sheet_prolog(data: bytes, doctype: bytes) -> bytes:
    def edit(name: str, content: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":
            body = content.split(b"?>", 1)[1] if content.startswith(b"<?xml") else content
            content = XML_DECLARATION + doctype + body
        return content

    return rewrite_zip(data, edit)


FAR_CELL = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'


def with_far_cell(data: bytes, keep_dimension: bool) -> bytes:
    def edit(name: str, content: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":
            assert b"<dimension " in content
            content = content.replace(b"</sheetData>", FAR_CELL + b"</sheetData>")
            if not keep_dimension:
                content = re.sub(rb"<dimension [^>]*/>", b"", content)
        return content

    return rewrite_zip(data, edit)


def with_far_row_in_the_middle(data: bytes) -> bytes:
    """Rows out of order: the first and last rows look like a small form, a row in between
    holds a cell at ZZ1048576 (two-letter column, so no three-letter reference gives it away)."""
    def edit(name: str, content: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":
            far = b'<row r="1048576"><c r="ZZ1048576" t="inlineStr"><is><t>x</t></is></c></row>'
            content = re.sub(rb"(<sheetData><row .*?</row>)", lambda m: m.group(1) + far, content,
                             count=1, flags=re.S)
            assert far in content
        return content

    return rewrite_zip(data, edit)


def zip_bomb(data: bytes, megabytes: int = 300) -> bytes:
    """A valid return plus a member of `megabytes` MB of zeros (about 1 KB per MB deflated)."""
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("xl/media/image1.bin", "w", force_zip64=True) as member:
        chunk = bytes(1024 * 1024)
        for _ in range(megabytes):
            member.write(chunk)
    return out.getvalue()


MINIMAL_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
}


def million_rows(path: Path, rows: int = 1_000_000) -> None:
    """One sheet of `rows` rows with one small number each, written straight into the zip."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in MINIMAL_PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            member.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns='
                         b'"http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            for start in range(1, rows + 1, 100_000):
                member.write(b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (i, i, i % 10)
                                      for i in range(start, min(start + 100_000, rows + 1))))
            member.write(b"</sheetData></worksheet>")


def word_document(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Báo cáo tình hình tổ chức đảng trong doanh nghiệp")
    document.save(str(path))


def form_on_hidden_sheet(data: bytes, path: Path) -> None:
    book = openpyxl.load_workbook(io.BytesIO(data))
    book.worksheets[0].sheet_state = "hidden"
    book.create_sheet("Trang trống", 0)
    book.active = 0
    book.save(path)


def form_behind_chart_sheet(data: bytes, path: Path) -> None:
    book = openpyxl.load_workbook(io.BytesIO(data))
    book.create_chartsheet("Biểu đồ", 0)
    book.active = 0
    book.save(path)


# Each case: the file name it writes, how, and what the user must see.
BuildCase = tuple[str, Callable[[Path, bytes], object], str, str | None, str]
CASES: dict[str, BuildCase] = {
    "zero-byte xlsx": ("rong.xlsx", lambda p, g: p.write_bytes(b""), REJECTED, "file-empty", "Tệp rỗng"),
    "zero-byte xls": ("rong.xls", lambda p, g: p.write_bytes(b""), REJECTED, "file-empty", "Tệp rỗng"),
    "zero-byte ods": ("rong.ods", lambda p, g: p.write_bytes(b""), REJECTED, "file-empty", "Tệp rỗng"),
    "truncated xlsx": ("cut.xlsx", lambda p, g: p.write_bytes(g[:len(g) // 2]), REJECTED,
                       "file-corrupt", "Tệp bị hỏng"),
    "OLE header then garbage": ("cut.xls", lambda p, g: p.write_bytes(OLE_MAGIC + bytes(range(256)) * 8),
                                REJECTED, "file-corrupt", "Tệp bị hỏng"),
    "Word document renamed .xlsx": ("bao cao.xlsx", lambda p, g: word_document(p), REJECTED,
                                    "file-not-spreadsheet", "văn bản Word"),
    "CSV renamed .xlsx": ("so lieu.xlsx",
                          lambda p, g: p.write_text("Mã số,Chỉ tiêu,Số liệu\n05,Lao động,1234\n", "utf-8"),
                          REJECTED, "file-not-spreadsheet", "CSV"),
    "plain CSV": ("so lieu.csv", lambda p, g: p.write_text("Mã số;Số liệu\n05;1234\n", "utf-8"),
                  SKIPPED, None, "Tệp CSV"),
    "PDF renamed .xls": ("scan.xls", lambda p, g: p.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"),
                         REJECTED, "file-not-spreadsheet", "tệp PDF"),
    "HTML saved as .xls": ("web.xls", lambda p, g: p.write_text(
        "<html><body><table><tr><td>Mã số</td></tr></table></body></html>", "utf-8"),
        REJECTED, "file-not-spreadsheet", "HTML"),
    "Excel 2.x file": ("cu.xls", lambda p, g: p.write_bytes(b"\x09\x00\x04\x00\x02\x00\x10\x00" + bytes(64)),
                       REJECTED, "file-too-old", "Excel đời cũ"),
    "Excel lock file": ("~$good.xlsx", lambda p, g: p.write_bytes(b"\x0bNguyen Hoa" + b" " * 150),
                        SKIPPED, None, "Tệp khóa tạm"),
    "hidden file": (".good.xlsx", lambda p, g: p.write_bytes(g), SKIPPED, None, "ẩn"),
    "billion laughs in sharedStrings": ("lol.xlsx", lambda p, g: p.write_bytes(
        with_shared_strings(g, BILLION_LAUGHS)), REJECTED, "file-unsafe", "không an toàn"),
    "external entity in sharedStrings": ("xxe.xlsx", lambda p, g: p.write_bytes(
        with_shared_strings(g, XXE)), REJECTED, "file-unsafe", "không an toàn"),
    "external entity in the form sheet": ("xxe-sheet.xlsx", lambda p, g: p.write_bytes(
        with_sheet_prolog(g, XXE)), REJECTED, "file-unsafe", "không an toàn"),
    "cell at XFD1048576, no dimension": ("far.xlsx", lambda p, g: p.write_bytes(
        with_far_cell(g, keep_dimension=False)), REJECTED, "grid-too-large", "Trang tính quá lớn"),
    "cell at XFD1048576, lying dimension": ("far-dim.xlsx", lambda p, g: p.write_bytes(
        with_far_cell(g, keep_dimension=True)), REJECTED, "grid-too-large", "Trang tính quá lớn"),
    "far cell in a row between ordinary rows": ("far-mid.xlsx", lambda p, g: p.write_bytes(
        with_far_row_in_the_middle(g)), REJECTED, "grid-too-large", "Trang tính quá lớn"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_file_beside_a_good_one(case, tmp_path, good_bytes):
    name, build, outcome, code, fragment = CASES[case]
    report = run_case(tmp_path / "inputs", good_bytes, lambda folder: build(folder / name, good_bytes))
    assert_refused(only(report, name), outcome, code, fragment)
    assert len(report.files) == 2


def test_hidden_folder_is_skipped_file_by_file(tmp_path, good_bytes):
    def write(folder: Path) -> None:
        (folder / ".cu").mkdir()
        (folder / ".cu" / "bao cao.xlsx").write_bytes(good_bytes)

    report = run_case(tmp_path / "inputs", good_bytes, write)
    assert_refused(only(report, ".cu/bao cao.xlsx"), SKIPPED, None, "ẩn")


@pytest.mark.parametrize("name, outcome, code, fragment", [
    ("pycalamine__password.xlsx", REJECTED, "file-password", "mật khẩu"),
    ("poi__password.xls", REJECTED, "file-password", "mật khẩu"),
    ("poi__sample.xlsb", SKIPPED, "not-a-report", "không phải mẫu báo cáo"),
    ("poi__WithChartSheet.xlsx", SKIPPED, "not-a-report", "không phải mẫu báo cáo"),
    ("calamine__vba.xlsm", SKIPPED, "not-a-report", "không phải mẫu báo cáo"),
])
def test_real_hostile_file_beside_a_good_one(name, outcome, code, fragment, tmp_path, wild_dir,
                                             good_bytes):
    if not (wild_dir / name).is_file():
        pytest.skip(f"{name} is not in ../shared/wild")
    report = run_case(tmp_path / "inputs", good_bytes,
                      lambda folder: shutil.copyfile(wild_dir / name, folder / name))
    assert_refused(only(report, name), outcome, code, fragment)


def test_truncated_real_xls(tmp_path, wild_dir, good_bytes):
    source = wild_dir / "calamine__any_sheets.xls"
    if not source.is_file():
        pytest.skip("calamine__any_sheets.xls is not in ../shared/wild")
    data = source.read_bytes()
    report = run_case(tmp_path / "inputs", good_bytes,
                      lambda folder: (folder / "cut.xls").write_bytes(data[:len(data) // 2]))
    assert_refused(only(report, "cut.xls"), REJECTED, "file-corrupt", "Tệp bị hỏng")


def test_1904_date_system_does_not_crash(tmp_path, wild_dir, good_bytes):
    name = "calamine__date_1904.xlsx"
    if not (wild_dir / name).is_file():
        pytest.skip(f"{name} is not in ../shared/wild")
    report = run_case(tmp_path / "inputs", good_bytes,
                      lambda folder: shutil.copyfile(wild_dir / name, folder / name))
    item = only(report, name)
    assert not {"file-crashed", "internal-error"} & {p.code for p in item.problems}
    assert item.outcome == ACCEPTED or item.reason


def test_visible_form_preferred_to_a_hidden_older_copy(tmp_path, good_bytes, other_return):
    """An enterprise kept last period's return as a hidden sheet in front of this one: the
    visible sheet is the return."""
    older = openpyxl.load_workbook(io.BytesIO(good_bytes)).worksheets[0]
    book = openpyxl.load_workbook(io.BytesIO(other_return))
    hidden = book.create_sheet("Kỳ trước", 0)
    for row in older.iter_rows():
        for cell in row:
            hidden.cell(cell.row, cell.column, cell.value)
    hidden.sheet_state = "hidden"
    book.active = 1
    report = run_case(tmp_path / "inputs", good_bytes,
                      lambda folder: book.save(folder / "hai-trang.xlsx"))
    item = only(report, "hai-trang.xlsx")
    assert item.form.sheet != "Kỳ trước"
    assert item.tax_code == "2400111111"


@pytest.mark.parametrize("build", [form_on_hidden_sheet, form_behind_chart_sheet],
                         ids=["form on a hidden sheet", "chart sheet first"])
def test_form_found_behind_other_sheets(build, tmp_path, good_bytes, other_return):
    report = run_case(tmp_path / "inputs", good_bytes,
                      lambda folder: build(other_return, folder / "khac.xlsx"))
    item = only(report, "khac.xlsx")
    assert item.outcome == ACCEPTED, [p.message for p in item.problems]
    assert item.tax_code == "2400111111"


def test_file_name_with_spaces_and_diacritics(tmp_path, good_bytes, other_return):
    name = "Báo cáo Công ty Hòa Phát (bản 2).xlsx"
    report = run_case(tmp_path / "inputs", good_bytes,
                      lambda folder: (folder / name).write_bytes(other_return))
    item = only(report, name)
    assert item.outcome == ACCEPTED and item.tax_code == "2400111111"
    assert report.to_dict()["files"][[f.relpath for f in report.files].index(name)]["path"] == name


def test_zip_bomb_refused_from_the_declared_size(tmp_path, good_bytes, monkeypatch):
    bomb = zip_bomb(good_bytes)
    assert len(bomb) < 2 * 1024 * 1024  # 300 MB of zeros, deflated
    # Nothing of the bomb is ever decompressed: the refusal comes from the central directory.
    opened: list[str] = []
    real_open = zipfile.ZipFile.open

    def spy(self, name, *args, **kwargs):
        opened.append(name if isinstance(name, str) else name.filename)
        return real_open(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    started = time.perf_counter()
    book = read_workbook(bomb, "bomb.xlsx")
    assert time.perf_counter() - started < 1.0
    assert [p.code for p in book.problems] == ["file-too-large"]
    assert "xl/media/image1.bin" not in opened
    monkeypatch.undo()

    report = run_case(tmp_path / "inputs", good_bytes,
                      lambda folder: (folder / "bomb.xlsx").write_bytes(bomb))
    assert_refused(only(report, "bomb.xlsx"), REJECTED, "file-too-large", "Tệp quá lớn khi giải nén (300 MB")


def test_million_rows_finish_in_bounded_time(tmp_path, good_bytes):
    started = time.perf_counter()
    report = run_case(tmp_path / "inputs", good_bytes,
                      lambda folder: million_rows(folder / "trieu dong.xlsx"))
    assert time.perf_counter() - started < 60
    item = only(report, "trieu dong.xlsx")
    assert item.outcome in (REJECTED, SKIPPED) and VIETNAMESE.search(item.reason)
    assert not {"file-crashed", "internal-error"} & {p.code for p in item.problems}


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_symlink_to_a_file_outside_inputs(tmp_path, good_bytes):
    outside = tmp_path / "outside.xlsx"
    outside.write_bytes(good_bytes)
    report = run_case(tmp_path / "inputs", good_bytes,
                      lambda folder: os.symlink(outside, folder / "link.xlsx"))
    assert_refused(only(report, "link.xlsx"), SKIPPED, None, "Lối tắt")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_never_blocks_the_run(tmp_path, good_bytes):
    report = run_case(tmp_path / "inputs", good_bytes,
                      lambda folder: os.mkfifo(folder / "pipe.xlsx"))
    assert_refused(only(report, "pipe.xlsx"), SKIPPED, None, "Không phải tệp thông thường")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root reads files whatever their mode")
def test_file_without_read_permission(tmp_path, good_bytes):
    def write(folder: Path) -> None:
        locked = folder / "khoa.xlsx"
        locked.write_bytes(good_bytes)
        locked.chmod(0)

    try:
        report = run_case(tmp_path / "inputs", good_bytes, write)
        assert_refused(only(report, "khoa.xlsx"), REJECTED, "file-unreadable", "Không mở được tệp")
    finally:
        (tmp_path / "inputs" / "khoa.xlsx").chmod(0o644)


def test_file_gone_between_listing_and_reading(tmp_path):
    """What a file locked or deleted while the run is going gives (testable as root too)."""
    gone = InputFile(str(tmp_path / "mat.xlsx"), "mat.xlsx", 10_000, 0.0)
    outcome = process_file(gone, SETTINGS)
    assert_refused(outcome, REJECTED, "file-unreadable", "Không mở được tệp")


# --- limits from the settings --------------------------------------------------------------


def test_lower_uncompressed_limit_in_settings_refuses_what_the_default_accepts(tmp_path, good_bytes,
                                                                              other_return):
    padded = rewrite_zip(other_return, lambda name, content: content,
                         {"xl/media/image1.bin": bytes(3 * 1024 * 1024)})
    assert len(padded) < 1024 * 1024  # small on disk, 3 MB once decompressed
    inputs = tmp_path / "inputs"
    report = run_case(inputs, good_bytes, lambda folder: (folder / "anh.xlsx").write_bytes(padded))
    assert only(report, "anh.xlsx").outcome == ACCEPTED

    toml = tmp_path / "kcn_reports.toml"
    toml.write_text(DEFAULT_SETTINGS.replace("max_uncompressed_mb = 200", "max_uncompressed_mb = 1"),
                    encoding="utf-8")
    strict = load_settings(toml)
    assert strict.limits.max_uncompressed_mb == 1
    report = check_inputs(inputs, strict, jobs=2)
    assert_refused(only(report, "anh.xlsx"), REJECTED, "file-too-large", "giới hạn 1 MB")


def test_file_larger_than_the_limit_on_disk_is_not_read(tmp_path, monkeypatch):
    """An .xls is not compressed: its size on disk is checked before it is read into memory."""
    big = tmp_path / "to.xls"
    big.write_bytes(OLE_MAGIC + bytes(2 * 1024 * 1024))
    strict = replace(SETTINGS, limits=Limits(max_uncompressed_mb=1))

    def no_read(self):
        raise AssertionError("read despite its size")

    monkeypatch.setattr(InputFile, "read_bytes", no_read)
    outcome = process_file(InputFile(str(big), "to.xls", big.stat().st_size, 0.0), strict)
    assert_refused(outcome, REJECTED, "file-too-large", "giới hạn 1 MB")


# --- the worker pool ----------------------------------------------------------------------


def _die_on_boom(item: str) -> str:
    if item == "boom":
        time.sleep(0.05)
        os._exit(1)  # what an abort in the native reader looks like to the pool
    return item


def test_worker_dying_while_results_are_consumed():
    """A worker dies while the caller is still busy with an earlier result: the next submit
    finds the pool broken. Every item still gets exactly one result."""
    from kcn_reports.workers import CRASHED, run_isolated

    results = {}
    for index, result in run_isolated(_die_on_boom, ["a", "boom", "b", "c", "d"],
                                      lambda item, detail: f"crash:{item}:{detail}",
                                      jobs=1, chunk_size=1):
        assert index not in results
        results[index] = result
        time.sleep(0.3)  # e.g. the progress bar and the cache, in the main process
    assert results == {0: "a", 1: f"crash:boom:{CRASHED}", 2: "b", 3: "c", 4: "d"}
