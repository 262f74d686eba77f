"""The clerk's writing in a generated report survives a re-run (spec §4, issue 14).

The report is edited the way a clerk edits it in Word — typing over the highlighted
placeholders, filling in the document number between "Số" and "-BC", adding and rewording
paragraphs, inserting a picture or a bulleted list — then the inputs change (new figures) and
`generate` runs again. The new .docx must hold the clerk's text *and* the new figures; the
previous file is kept as a dated copy; what cannot be carried faithfully is never overwritten.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from helpers import (
    AS_TYPED,
    CELLS,
    ENTERPRISES,
    MOVEMENTS,
    SETTINGS,
    docx_text,
    fill,
    write_ledger,
)

from kcn_reports.generate import generate
from kcn_reports.screen import render_generate

D = dt.date
TODAY = D(2017, 1, 10)
SLUG = "bao-cao-nam-2016"
ASSESSMENT = "[Văn phòng Đảng ủy viết phần đánh giá chung"
SOLUTIONS = "[Văn phòng Đảng ủy viết phần phương hướng"
# Members at 31/12/2016 from the ledger of helpers.py: baseline 35 + 2 + 3 + 2 + 4 − 1.
MEMBERS_BEFORE, MEMBERS_AFTER = 45, 48


def workspace(root: Path) -> Path:
    inputs = root / "inputs"
    inputs.mkdir(parents=True)
    write_ledger(inputs / "So theo doi.xlsx", enterprises=ENTERPRISES, cells=CELLS,
                 movements=MOVEMENTS)
    fill(inputs / "A&B 2016.xlsx", {**AS_TYPED, "period": "Năm 2016", "prepared_on": "05/01/2017"})
    return inputs


def new_figures(inputs: Path) -> None:
    """Three admissions logged late in the year (and the cell's count updated to match)."""
    cells = [list(row) for row in CELLS]
    cells[0][5] += 3
    write_ledger(inputs / "So theo doi.xlsx", enterprises=ENTERPRISES, cells=cells,
                 movements=[*MOVEMENTS, [D(2016, 10, 1), "Chi bộ Cơ quan", "Kết nạp", 3, None, None]])


def run(root: Path, minute: int = 0, today: dt.date = TODAY):
    return generate(SETTINGS, "annual", root / "inputs", root / "outputs", root / "report_templates",
                    year=2016, today=today, jobs=1,
                    now=dt.datetime(today.year, today.month, today.day, 9, minute))


def paragraph(document, starts: str) -> Paragraph:
    return next(p for p in document.paragraphs if p.text.startswith(starts))


def add_after(anchor: Paragraph, text: str, **style) -> Paragraph:
    """A new paragraph after `anchor`, as pressing Enter at its end and typing does in Word
    (the new paragraph takes the anchor's paragraph formatting, not its runs)."""
    element = copy.deepcopy(anchor._p)
    for child in list(element):
        if child.tag != qn("w:pPr"):
            element.remove(child)
    anchor._p.addnext(element)
    new = Paragraph(element, anchor._parent)
    run = new.add_run(text)
    for key, value in style.items():
        setattr(run.font, key, value)
    return new


def type_over(paragraph: Paragraph, text: str, keep_highlight: bool = True) -> None:
    """Select the whole placeholder and type: Word keeps the first run's formatting."""
    first, *rest = paragraph.runs
    first.text = text
    for run in rest:
        run._r.getparent().remove(run._r)
    if not keep_highlight:
        first.font.highlight_color = None


def fill_number(document, number: str) -> None:
    """Put the cursor between "Số" and "-BC/ĐU" and type the number: Word makes it a run."""
    cell = next(c for row in document.tables[0].rows for c in row.cells if c.text.startswith("Số"))
    run = cell.paragraphs[0].runs[0]
    before, after = run.text.split("-BC", 1)
    run.text = before.rstrip() + " "
    typed = copy.deepcopy(run._r)
    typed.find(qn("w:t")).text = number
    run._r.addnext(typed)
    rest = copy.deepcopy(run._r)
    rest.find(qn("w:t")).text = "-BC" + after
    typed.addnext(rest)


def clerk_edits(path: Path) -> None:
    document = Document(str(path))
    assessment = paragraph(document, ASSESSMENT)
    type_over(assessment, "Công tác phát triển đảng trong doanh nghiệp có chuyển biến rõ.")
    second = add_after(assessment, "Hạn chế: một số chủ doanh nghiệp FDI chưa ủng hộ.")
    second.runs[0].font.bold = True
    type_over(paragraph(document, SOLUTIONS), "Giữ mối liên hệ thường xuyên với Ban Quản lý.",
              keep_highlight=False)
    add_after(paragraph(document, "Trong đó có"), "Văn phòng bổ sung: các chi bộ đều hoàn thành "
              "nhiệm vụ.", italic=True)
    intro = paragraph(document, "Bám sát sự chỉ đạo")
    intro.runs[0].text = intro.runs[0].text.replace("Bám sát sự chỉ đạo", "Quán triệt sự chỉ đạo")
    fill_number(document, "125")
    document.save(str(path))


@pytest.fixture
def edited(tmp_path):
    """A report generated, then edited by the clerk; the inputs then get new figures."""
    inputs = workspace(tmp_path)
    first = run(tmp_path)
    report = first.folder / f"{SLUG}.docx"
    assert f"với {MEMBERS_BEFORE} đảng viên" in docx_text(report)
    clerk_edits(report)
    new_figures(inputs)
    return tmp_path, report, report.read_bytes()


def test_edited_report_survives_a_rerun_with_new_figures(edited):
    root, report, edited_bytes = edited
    result = run(root, minute=30)

    text = docx_text(report)
    assert f"với {MEMBERS_AFTER} đảng viên" in text  # the new figures
    assert f"với {MEMBERS_BEFORE} đảng viên" not in text
    assert "Công tác phát triển đảng trong doanh nghiệp có chuyển biến rõ." in text
    assert "Hạn chế: một số chủ doanh nghiệp FDI chưa ủng hộ." in text
    assert "Giữ mối liên hệ thường xuyên với Ban Quản lý." in text
    assert "Văn phòng bổ sung: các chi bộ đều hoàn thành nhiệm vụ." in text
    assert "Quán triệt sự chỉ đạo" in text and "Bám sát sự chỉ đạo" not in text
    assert "Số 125-BC/ĐU" in text
    assert ASSESSMENT not in text and SOLUTIONS not in text  # the placeholders were typed over

    document = Document(str(report))
    order = [p.text for p in document.paragraphs]
    position = {key: next(i for i, t in enumerate(order) if t.startswith(key)) for key in
                ("II. ĐÁNH GIÁ CHUNG", "Công tác phát triển", "Hạn chế:", "III. PHƯƠNG HƯỚNG",
                 "Trong đó có", "Văn phòng bổ sung", "Bảng 1.")}
    assert position["II. ĐÁNH GIÁ CHUNG"] < position["Công tác phát triển"] < position["Hạn chế:"] \
        < position["III. PHƯƠNG HƯỚNG"]
    assert position["Trong đó có"] + 1 == position["Văn phòng bổ sung"] < position["Bảng 1."]
    # The clerk's formatting came along.
    assert paragraph(document, "Hạn chế:").runs[0].bold is True
    assert paragraph(document, "Văn phòng bổ sung").runs[0].italic is True
    assert paragraph(document, "Công tác phát triển").runs[0].font.highlight_color == \
        WD_COLOR_INDEX.YELLOW

    # The previous file is kept, byte for byte, as a dated copy; the screen says so.
    copies = list((result.folder / "ban-truoc").iterdir())
    assert len(copies) == 1 and copies[0].read_bytes() == edited_bytes
    assert copies[0].name.startswith(f"{SLUG} (bản trước ")
    screen = render_generate(result)
    assert "Đã chép phần văn phòng viết trong báo cáo cũ sang báo cáo mới:" in screen
    assert "  - ô «Số 125-BC/ĐU»" in screen
    assert "  - phần đầu báo cáo: sửa 1 đoạn" in screen
    assert "  - mục «II. ĐÁNH GIÁ CHUNG»: 2 đoạn viết vào chỗ tô vàng" in screen
    assert "  - mục «2. Giải pháp»: 1 đoạn viết vào chỗ tô vàng" in screen
    assert "  - mục «1. Phát triển tổ chức đảng, đảng viên»: thêm 1 đoạn" in screen
    assert f"Bản trước của {SLUG}.docx được giữ ở: {Path('ban-truoc', copies[0].name)}" in screen

    # Figures and the Excel outputs are this run's.
    figures = json.loads((result.folder / "figures.json").read_text(encoding="utf-8"))
    assert figures["party"]["members_end"] == MEMBERS_AFTER


def test_the_clerks_text_keeps_surviving_later_runs(edited):
    """The second re-run starts from the merged report the clerk did not touch again: the
    clerk's text is still theirs and is carried again (not mistaken for the program's)."""
    root, report, _ = edited
    run(root, minute=30)
    new_figures(root / "inputs")  # unchanged figures this time
    result = run(root, minute=45)
    text = docx_text(report)
    for line in ("Công tác phát triển đảng trong doanh nghiệp có chuyển biến rõ.",
                 "Văn phòng bổ sung: các chi bộ đều hoàn thành nhiệm vụ.", "Số 125-BC/ĐU"):
        assert text.count(line) == 1, line
    assert len(list((result.folder / "ban-truoc").iterdir())) == 2


def test_an_unedited_report_is_replaced_and_still_kept(tmp_path):
    workspace(tmp_path)
    first = run(tmp_path)
    before = (first.folder / f"{SLUG}.docx").read_bytes()
    result = run(tmp_path, minute=5)
    screen = render_generate(result)
    assert "Đã chép phần" not in screen and "Không ghi đè" not in screen
    kept = list((result.folder / "ban-truoc").iterdir())
    assert [p.read_bytes() for p in kept] == [before]
    assert ASSESSMENT in docx_text(result.folder / f"{SLUG}.docx")


def test_a_reworded_sentence_whose_figures_changed_is_not_overwritten(edited):
    """The clerk rewrote the sentence that carries the member count, and the count changed:
    no merge can be trusted there, so the old report stays and the new one gets a new name."""
    root, report, _ = edited
    document = Document(str(report))
    sentence = paragraph(document, "Đến ngày 31 tháng 12 năm 2016")
    sentence.runs[0].text = sentence.runs[0].text.replace("Đến ngày", "Tính đến ngày")
    document.save(str(report))
    edited_bytes = report.read_bytes()

    result = run(root, minute=30)
    assert report.read_bytes() == edited_bytes  # untouched
    fresh = result.folder / f"{SLUG} (mới 2017-01-10 0930).docx"
    assert fresh in result.outputs
    text = docx_text(fresh)
    assert f"với {MEMBERS_AFTER} đảng viên" in text
    assert "Công tác phát triển đảng trong doanh nghiệp có chuyển biến rõ." in text  # carried
    assert "Số 125-BC/ĐU" in text
    screen = render_generate(result)
    assert f"Không ghi đè báo cáo {SLUG}.docx: văn phòng đã sửa ở đó những chỗ chương trình " \
           "không tự chép sang báo cáo mới được:" in screen
    assert "  - đoạn «Đến ngày 31 tháng 12 năm 2016, Đảng bộ Các Khu công nghiệp…» văn " \
           "phòng đã sửa, mà số liệu mới cũng làm đoạn này thay đổi (mục «1. Phát triển tổ " \
           "chức đảng, đảng viên»)" in screen
    assert f"Báo cáo mới ghi ở: {fresh.name}." in screen

    # Next run: still not overwritten; the stale "(mới …)" report is replaced by a fresh one.
    result = run(root, minute=50)
    assert report.read_bytes() == edited_bytes
    names = sorted(p.name for p in result.folder.glob("*.docx"))
    assert names == [f"{SLUG} (mới 2017-01-10 0950).docx", f"{SLUG}.docx"]


def png(colour: tuple[int, int, int]) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def test_picture_and_bulleted_list_come_along(edited):
    root, report, _ = edited
    document = Document(str(report))
    anchor = paragraph(document, "Công tác phát triển")
    picture = add_after(anchor, "")
    picture.runs[0].add_picture(io.BytesIO(png((200, 30, 30))))
    # A bulleted list as Word makes one: a new w:num in numbering.xml, referenced by numPr.
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "77")
    level = OxmlElement("w:lvl")
    level.set(qn("w:ilvl"), "0")
    for tag, value in (("w:numFmt", "bullet"), ("w:lvlText", "–")):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        level.append(child)
    abstract.append(level)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "77")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "77")
    num.append(ref)
    numbering.append(num)
    item = add_after(picture, "Ý kiến thứ nhất của văn phòng.")
    num_pr = item._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = 77
    document.save(str(report))

    run(root, minute=30)
    merged = Document(str(report))
    images = [rel.target_part.blob for rel in merged.part.rels.values()
              if rel.reltype.endswith("/image")]
    assert png((200, 30, 30)) in images
    listed = paragraph(merged, "Ý kiến thứ nhất")
    num_id = listed._p.pPr.numPr.numId.val
    target = merged.part.numbering_part.element
    num_el = target.find(f"{qn('w:num')}[@{qn('w:numId')}='{num_id}']")
    abstract_id = num_el.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract_el = target.find(f"{qn('w:abstractNum')}[@{qn('w:abstractNumId')}='{abstract_id}']")
    assert abstract_el.find(f"{qn('w:lvl')}/{qn('w:numFmt')}").get(qn("w:val")) == "bullet"
    assert abstract_el.find(f"{qn('w:lvl')}/{qn('w:lvlText')}").get(qn("w:val")) == "–"


def test_a_comment_cannot_be_carried_so_nothing_is_overwritten(edited):
    root, report, _ = edited
    document = Document(str(report))
    target = paragraph(document, "Hạn chế:")
    document.add_comment(target.runs, text="Xin ý kiến đồng chí Bí thư", author="Văn phòng")
    document.save(str(report))
    edited_bytes = report.read_bytes()
    result = run(root, minute=30)
    assert report.read_bytes() == edited_bytes
    screen = render_generate(result)
    assert "  - đoạn «Hạn chế: một số chủ doanh nghiệp FDI chưa ủng hộ.» có ghi chú (comment) " \
           "của Word, chương trình không chép sang báo cáo mới được (mục «II. ĐÁNH GIÁ CHUNG»)" \
           in screen


def test_without_the_record_of_what_was_generated_nothing_is_overwritten(edited):
    root, report, edited_bytes = edited
    (report.parent / "ban-goc.json").unlink()
    result = run(root, minute=30)
    assert report.read_bytes() == edited_bytes
    assert "báo cáo cũ không có bản ghi nội dung do chương trình tạo" in render_generate(result)


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_a_report_saved_again_by_an_office_suite_is_still_understood(edited, tmp_path):
    """Saved by another word processor (LibreOffice here, Word at the office): the file is
    rewritten throughout, the text is not, so the clerk's writing is still told apart."""
    root, report, _ = edited
    scratch = tmp_path / "lo"
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--headless", "--convert-to", "docx", "--outdir", str(scratch), str(report)],
                   check=True, capture_output=True, timeout=180)
    resaved = scratch / report.name
    assert hashlib.sha256(resaved.read_bytes()).digest() != hashlib.sha256(report.read_bytes()).digest()
    shutil.copyfile(resaved, report)
    result = run(root, minute=30)
    screen = render_generate(result)
    assert "Không ghi đè" not in screen, screen
    text = docx_text(report)
    assert f"với {MEMBERS_AFTER} đảng viên" in text
    assert "Hạn chế: một số chủ doanh nghiệp FDI chưa ủng hộ." in text
    assert "Số 125-BC/ĐU" in text


def test_the_signing_date_the_clerk_typed_stands_on_a_later_day(edited):
    """The date line moves with the day of the run; once the clerk has typed the signing date,
    a run on another day keeps it (and is no reason not to overwrite)."""
    root, report, _ = edited
    document = Document(str(report))
    cell = next(c for row in document.tables[0].rows for c in row.cells if "ngày 10 tháng 01" in c.text)
    cell.paragraphs[0].runs[0].text = cell.paragraphs[0].runs[0].text.replace("ngày 10", "ngày 12")
    document.save(str(report))
    result = run(root, minute=30, today=D(2017, 1, 13))
    text = docx_text(report)
    assert "ngày 12 tháng 01 năm 2017" in text and "ngày 13 tháng 01 năm 2017" not in text
    assert f"với {MEMBERS_AFTER} đảng viên" in text
    assert "Không ghi đè" not in render_generate(result)
