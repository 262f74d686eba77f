"""`kcn-reports feedback`: one file per enterprise with problems, one reminder per enterprise
that sent nothing, and the list of who gets what on screen — opened and read."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from by_hand import age, plain_return
from click.testing import CliRunner
from docx import Document
from helpers import write_ledger

from kcn_reports.check import check_inputs
from kcn_reports.cli import cli
from kcn_reports.feedback import write_feedback
from kcn_reports.settings import DEFAULT_SETTINGS, load_settings

D = dt.date
SETTINGS_TEXT = DEFAULT_SETTINGS + """
[collection]
period = "6 tháng đầu năm 2016"
deadline = 2016-07-31
contact = "đồng chí Phạm Thu Hà, Văn phòng Đảng ủy, ĐT 0204 3 855 999"
feedback_format = "docx"
"""
LEDGER = [  # tax code, name, zone, ownership, country, started, stopped, phone
    ["2400000021", "Công ty TNHH Gỗ Đình Trám", "Đình Trám", "Trong nước", None, D(2012, 1, 1), None, "0204 111 021"],
    ["2400000022", "Công ty TNHH Linh kiện Quang Châu", "Quang Châu", "FDI", "Nhật Bản", D(2012, 1, 1), None, "0204 111 022"],
    ["2400000023", "Công ty CP Bao bì Vân Trung", "Vân Trung", "Trong nước", None, D(2012, 1, 1), None, "0204 111 023"],
    ["2400000024", "Công ty TNHH Giày Hòa Phú", "Hòa Phú", "FDI", "Đài Loan", D(2012, 1, 1), None, None],
    ["2400000025", "Công ty TNHH Đúng Hạn", "Việt Hàn", "Trong nước", None, D(2012, 1, 1), None, None],
]


def typed(tax: str, name: str, zone: str, **extra: str) -> dict:
    values = {"name": name, "tax_code": tax, "zone": zone, "ownership": "Doanh nghiệp trong nước",
              "period": "6 tháng đầu năm 2016", "prepared_on": "08/07/2016",
              "employees": "300", "employees_female": "120", "has_party_org": "Không",
              "party_members": "0", "has_union": "Có", "union_founded_on": "01/03/2014",
              "union_members": "250", "has_youth_union": "Không", "youth_members": "0"}
    values.update(extra)
    return values


@pytest.fixture
def workspace(tmp_path):
    (tmp_path / "kcn_reports.toml").write_text(SETTINGS_TEXT, encoding="utf-8")
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    write_ledger(inputs / "So theo doi.xlsx", enterprises=LEDGER)
    # Gỗ Đình Trám: more women than workers and a word for the members: rejected.
    plain_return(inputs / "go dinh tram.xlsx", typed(
        "2400000021", "Công ty TNHH Gỗ Đình Trám", "Đình Trám", employees_female="350",
        party_members="hai", phone="0988 765 432"))
    # Linh kiện Quang Châu: accepted, with a unit typed beside a number (a warning only).
    plain_return(inputs / "lk quang chau.xlsx", typed(
        "2400000022", "Công ty TNHH Linh kiện Quang Châu", "Quang Châu", ownership="FDI",
        investor_country="Nhật Bản", employees="300 người"))
    # Đúng Hạn: clean, so no letter. Bao bì Vân Trung and Giày Hòa Phú: nothing sent.
    plain_return(inputs / "dung han.xlsx", typed("2400000025", "Công ty TNHH Đúng Hạn",
                                                 "Việt Hàn"))
    return tmp_path


def run(workspace, *args):
    return CliRunner().invoke(cli, ["--workspace", str(workspace), "--no-cache", "feedback",
                                    *args])


def test_screen_lists_who_gets_which_file_and_whom_to_call(workspace):
    result = run(workspace)
    assert result.exit_code == 0, result.output
    folder = workspace / "outputs" / "phan-hoi-6-thang-dau-nam-2016"
    assert result.output.splitlines()[0] == (
        f"Đã ghi 4 thông báo gửi doanh nghiệp (6 tháng đầu năm 2016) vào thư mục: {folder}")
    assert result.output.splitlines()[1:9] == [
        "  1. 2400000021 Công ty TNHH Gỗ Đình Trám (Đình Trám) — ĐT 0988 765 432 (theo báo cáo)",
        "     → Thong-bao_2400000021_Go-Dinh-Tram.docx: báo cáo bị loại, cần sửa và gửi lại "
        "(2 lỗi)",
        "  2. 2400000022 Công ty TNHH Linh kiện Quang Châu (Quang Châu) — ĐT 0204 111 022 "
        "(theo Sổ theo dõi)",
        "     → Thong-bao_2400000022_Linh-kien-Quang-Chau.docx: báo cáo đã nhận, có số liệu cần "
        "kiểm tra lại (1 cảnh báo)",
        "  3. 2400000023 Công ty CP Bao bì Vân Trung (Vân Trung) — ĐT 0204 111 023 (theo Sổ "
        "theo dõi)",
        "     → Nhac-gui-bao-cao_2400000023_Bao-bi-Van-Trung.docx: chưa gửi báo cáo",
        "  4. 2400000024 Công ty TNHH Giày Hòa Phú (Hòa Phú) — chưa có số điện thoại",
        "     → Nhac-gui-bao-cao_2400000024_Giay-Hoa-Phu.docx: chưa gửi báo cáo",
    ]
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == [
        "Nhac-gui-bao-cao_2400000023_Bao-bi-Van-Trung.docx",
        "Nhac-gui-bao-cao_2400000024_Giay-Hoa-Phu.docx",
        "Thong-bao_2400000021_Go-Dinh-Tram.docx",
        "Thong-bao_2400000022_Linh-kien-Quang-Chau.docx",
    ]


def test_correction_letter_names_each_cell_value_and_fix(workspace):
    run(workspace)
    folder = workspace / "outputs" / "phan-hoi-6-thang-dau-nam-2016"
    doc = Document(folder / "Thong-bao_2400000021_Go-Dinh-Tram.docx")
    text = "\n".join(p.text for p in doc.paragraphs)
    head = [c.text for c in doc.tables[0].rows[0].cells]
    assert head[0].splitlines() == ["ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", "ĐẢNG ỦY CÁC KHU CÔNG NGHIỆP",
                                    "*", "Số       -TB/ĐU"]
    assert ("THÔNG BÁO\nKết quả kiểm tra báo cáo Mẫu số 01/DN-KCN, 6 tháng đầu năm 2016\n-----"
            in text)
    assert head[1].splitlines()[0] == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert head[1].splitlines()[1].startswith("Bắc Giang, ngày ")
    assert "Kính gửi: Công ty TNHH Gỗ Đình Trám (mã số thuế 2400000021)" in text
    assert ("Báo cáo Mẫu số 01/DN-KCN 6 tháng đầu năm 2016 của doanh nghiệp (tệp \"go dinh "
            "tram.xlsx\", ngày lập 08/07/2016) đã được tiếp nhận. Qua kiểm tra, báo cáo còn 2 lỗi "
            "nên chưa được tổng hợp.") in text
    assert "ghi lại Ngày lập là ngày sửa" in text
    assert "đồng chí Phạm Thu Hà, Văn phòng Đảng ủy, ĐT 0204 3 855 999" in text
    table = doc.tables[1]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["TT", "Mức độ", "Sheet", "Ô", "Nội dung", "Giá trị đã ghi", "Vấn đề",
                       "Cách sửa"]
    by_value = {r[5]: r for r in rows[1:]}
    hai = by_value["hai"]
    assert hai[1:5] == ["Lỗi", "BC", hai[3], "Số đảng viên đang làm việc tại doanh nghiệp (mã số 10)"]
    assert hai[3].startswith("E") and "không đọc được số" in hai[6]
    women = by_value["350"]
    assert "Trong đó: Lao động nữ" in women[4] and "lớn hơn" in women[6]
    assert women[7] == "Số của dòng \"Trong đó\" không thể lớn hơn tổng; kiểm tra lại hai ô."


def test_reminder_has_the_deadline_and_no_table(workspace):
    run(workspace)
    folder = workspace / "outputs" / "phan-hoi-6-thang-dau-nam-2016"
    doc = Document(folder / "Nhac-gui-bao-cao_2400000024_Giay-Hoa-Phu.docx")
    text = "\n".join(p.text for p in doc.paragraphs)
    head = doc.tables[0].rows[0].cells[0].text.splitlines()
    assert head[3:] == ["Số       -CV/ĐU",
                        "V/v đề nghị gửi báo cáo Mẫu số 01/DN-KCN, 6 tháng đầu năm 2016"]
    assert "THÔNG BÁO" not in text
    assert ("chưa nhận được báo cáo Mẫu số 01/DN-KCN 6 tháng đầu năm 2016 của doanh "
            "nghiệp.") in text
    assert "hạn gửi báo cáo là ngày 31/07/2016 đã qua" in text  # today is long after
    assert len(doc.tables) == 2  # the heading and the signature, no problem table


def test_deadline_still_ahead_is_written_as_such(workspace):
    settings = load_settings(workspace / "kcn_reports.toml")
    report = check_inputs(workspace / "inputs", settings, jobs=1,
                          period=settings.collection.period)
    run_ = write_feedback(report, settings, workspace / "out", today=D(2016, 7, 20))
    reminder = next(p for p in run_.written if p.name.startswith("Nhac-gui-bao-cao_2400000023"))
    text = "\n".join(p.text for p in Document(reminder).paragraphs)
    assert "gửi về Ban Quản lý các Khu công nghiệp tỉnh trước ngày 31/07/2016." in text
    assert "Đến ngày 20 tháng 07 năm 2016" in text


def test_office_side_problems_are_not_sent(workspace):
    # A return from an enterprise missing in the Sổ theo dõi: that warning is the office's.
    plain_return(workspace / "inputs" / "moi.xlsx", typed("2400000029", "Công ty TNHH Mới",
                                                          "Đình Trám"))
    result = run(workspace)
    assert "2400000029" not in result.output


def test_excel_format_holds_the_same_content(workspace):
    result = run(workspace, "--format", "xlsx")
    assert result.exit_code == 0, result.output
    folder = workspace / "outputs" / "phan-hoi-6-thang-dau-nam-2016"
    book = openpyxl.load_workbook(folder / "Thong-bao_2400000021_Go-Dinh-Tram.xlsx")
    sheet = book["Thông báo"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    text = [r[0] for r in rows if r[0]]
    assert "ĐẢNG ỦY CÁC KHU CÔNG NGHIỆP" in text
    assert "Kính gửi: Công ty TNHH Gỗ Đình Trám (mã số thuế 2400000021)" in text
    header = rows.index(["TT", "Mức độ", "Sheet", "Ô", "Nội dung", "Giá trị đã ghi", "Vấn đề",
                         "Cách sửa"])
    listed = {r[5]: r for r in rows[header + 1:header + 3]}
    assert set(listed) == {"hai", "350"} and listed["hai"][1] == "Lỗi"
    # The Word letters of the previous run are gone: only what this run means is left.
    assert not list(folder.glob("*.docx"))


def test_a_fixed_enterprise_gets_nothing_on_the_next_run(workspace):
    run(workspace)
    folder = workspace / "outputs" / "phan-hoi-6-thang-dau-nam-2016"
    (folder / "ghi chu cua van phong.txt").write_text("giữ nguyên", encoding="utf-8")
    fixed = plain_return(workspace / "inputs" / "go dinh tram (sua).xlsx", typed(
        "2400000021", "Công ty TNHH Gỗ Đình Trám", "Đình Trám", prepared_on="12/07/2016"))
    age(fixed, dt.datetime(2016, 7, 12, 10))
    result = run(workspace)
    assert "2400000021 Công ty" not in result.output
    assert "Đã xóa thông báo cũ không còn cần: Thong-bao_2400000021_Go-Dinh-Tram.docx." \
        in result.output
    assert not (folder / "Thong-bao_2400000021_Go-Dinh-Tram.docx").exists()
    assert (folder / "ghi chu cua van phong.txt").read_text(encoding="utf-8") == "giữ nguyên"


def test_an_earlier_periods_return_gets_no_letter(workspace):
    plain_return(workspace / "inputs" / "go 2015.xlsx", typed(
        "2400000021", "Công ty TNHH Gỗ Đình Trám", "Đình Trám", period="Năm 2015",
        prepared_on="10/01/2016", employees="nhiều"))
    result = run(workspace)
    assert "go 2015.xlsx" not in all_text_of(workspace / "outputs")
    assert "(2 lỗi)" in result.output  # the 2016 return's two errors only


def all_text_of(folder):
    from by_hand import all_text

    return "\n".join(all_text(p) for p in folder.rglob("*.docx"))


def test_a_letter_the_office_numbered_is_never_overwritten_nor_deleted(workspace):
    """The clerk types the document number into a reminder and sends it; the next runs (the
    letter written again, then withdrawn once the return arrives) keep that copy."""
    import docx

    run(workspace)
    folder = workspace / "outputs" / "phan-hoi-6-thang-dau-nam-2016"
    letter = folder / "Thong-bao_2400000021_Go-Dinh-Tram.docx"
    document = docx.Document(str(letter))
    document.paragraphs[0].insert_paragraph_before("Số 12-CV/ĐU")
    document.save(str(letter))
    numbered = letter.read_bytes()

    result = run(workspace)  # the same letter is due again
    assert result.exit_code in (0, 1), result.output
    aside = list((folder / "ban-truoc").glob("Thong-bao_2400000021_Go-Dinh-Tram (bản trước *).docx"))
    assert [p.read_bytes() for p in aside] == [numbered]
    assert "không bị ghi đè hay xóa, được giữ ở: ban-truoc/Thong-bao_2400000021" in result.output
    assert letter.read_bytes() != numbered  # a fresh letter beside the kept one

    rerun = run(workspace)  # unchanged since: regenerated, nothing more set aside
    assert len(list((folder / "ban-truoc").iterdir())) == 1, rerun.output

    fixed = plain_return(workspace / "inputs" / "go dinh tram (sua).xlsx", typed(
        "2400000021", "Công ty TNHH Gỗ Đình Trám", "Đình Trám", prepared_on="12/07/2016"))
    age(fixed, dt.datetime(2016, 7, 12, 10))
    document = docx.Document(str(letter))
    document.paragraphs[0].insert_paragraph_before("Số 15-CV/ĐU")
    document.save(str(letter))
    withdrawn = run(workspace)
    assert not letter.exists()
    kept = sorted((folder / "ban-truoc").iterdir())
    assert len(kept) == 2
    assert any("Số 15-CV/ĐU" in p.text for p in docx.Document(str(kept[1])).paragraphs
               ) or any("Số 15-CV/ĐU" in p.text for p in docx.Document(str(kept[0])).paragraphs)
    assert "Đã xóa thông báo cũ" not in withdrawn.output
