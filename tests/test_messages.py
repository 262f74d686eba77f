"""Every mistake a user can make on the command line, in the settings or in a template gets a
Vietnamese message with the place and the fix, and the right exit code (issue 14).

Each case runs the mistake and compares the whole message. Then no English word from click or
tomllib may appear in any of them: the list of their English message fragments is read from the
libraries' own source, so it grows when they do.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import sys
from pathlib import Path

import click
import openpyxl
import pytest
from click.testing import CliRunner
from docx import Document
from helpers import CELLS, ENTERPRISES, MOVEMENTS, write_ledger

from kcn_reports import cli as cli_module
from kcn_reports.cli import cli
from kcn_reports.cli_text import CLICK_VI, DEVELOPER_ONLY, STATE
from kcn_reports.generate import ensure_templates
from kcn_reports.settings import DEFAULT_SETTINGS
from kcn_reports.toml_errors import explain

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

WS = "{ws}" + os.sep  # the workspace folder, as the messages print it

# --- what English the libraries can print ---------------------------------------------------------


def _click_messages() -> list[str]:
    found = []
    for path in sorted(Path(click.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                    node.func.id in ("_", "ngettext"):
                found.extend(a.value for a in node.args
                             if isinstance(a, ast.Constant) and isinstance(a.value, str))
    return sorted(set(found))


def _toml_messages() -> list[str]:
    """tomllib's messages, each f-string's placeholders filled with a quoted sample."""
    source = Path(tomllib.__file__).with_name("_parser.py").read_text(encoding="utf-8")
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "suffixed_err":
            message = node.args[-1]
            if isinstance(message, ast.Constant):
                found.append(message.value)
            elif isinstance(message, ast.JoinedStr):
                found.append("".join(part.value if isinstance(part, ast.Constant) else "'x'"
                                     for part in message.values))
    return sorted(set(found))


def _fragments(messages: list[str]) -> set[str]:
    """The literal English pieces of messages: two words or more, or one long word."""
    pieces = set()
    for message in messages:
        for piece in re.split(r"\{[^}]*\}|%\([^)]*\)s|'x'|[\n\t]", message):
            piece = piece.strip(" .:;,!?()'\"")
            words = re.findall(r"[A-Za-z]{2,}", piece)
            if len(words) >= 2 or (len(words) == 1 and len(words[0]) >= 5):
                pieces.add(piece)
    return pieces


ENGLISH = _fragments(_click_messages()) | _fragments(_toml_messages()) | {
    "at line", "column", "end of document", "Traceback", "INTEGER", "TEXT", "FOLDER", "PATH",
    "FILE", "DIRECTORY", "OPTIONS", "COMMAND", "%Y", "%d"}


def english_in(text: str) -> list[str]:
    # An option name (--version) or a format field (%(version)s) is not English text.
    return sorted(f for f in ENGLISH
                  if re.search(rf"(?<![A-Za-z(-]){re.escape(f)}(?![A-Za-z)])", text))


def test_the_english_list_is_not_empty():
    for fragment in ("Did you mean", "Choose from", "does not match the format", "Missing option",
                     "is not a valid", "Expected newline or end of document after a statement",
                     "Illegal character", "Invalid value", "Usage"):
        assert fragment in ENGLISH, fragment


def test_every_click_message_has_a_vietnamese_text():
    missing = [m for m in _click_messages() if m not in CLICK_VI and m not in DEVELOPER_ONLY]
    assert missing == []
    for english, vietnamese in CLICK_VI.items():
        words = re.sub(r"\{[^}]*\}|%\([^)]*\)s", "", vietnamese)  # the fields click fills in
        assert not english_in(words), (english, english_in(words))


@pytest.mark.parametrize("message", _toml_messages())
def test_every_tomllib_message_is_explained(message):
    text = explain(f"{message} (at line 1, column 5)", "a = 1\n", "kcn_reports.toml")
    assert text.startswith("Tệp cài đặt kcn_reports.toml viết sai ở dòng 1, cột 5: ")
    assert "viết sai cú pháp" not in text, message  # a specific explanation, not the fallback
    assert english_in(text) == [], (message, english_in(text))


# --- running the mistakes -----------------------------------------------------------------------


@pytest.fixture
def ws(tmp_path):
    (tmp_path / "inputs").mkdir()
    write_ledger(tmp_path / "inputs" / "So theo doi.xlsx", enterprises=ENTERPRISES, cells=CELLS,
                 movements=MOVEMENTS)
    (tmp_path / "kcn_reports.toml").write_text(DEFAULT_SETTINGS, encoding="utf-8")
    return tmp_path


@pytest.fixture
def report_ws(ws):
    """A workspace with one accepted return for 2016: a report can be made from it."""
    from helpers import AS_TYPED, fill

    fill(ws / "inputs" / "bao cao 6 thang 2016.xlsx", AS_TYPED)
    return ws


def invoke(ws: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["-w", str(ws), "--no-cache", *args], prog_name="kcn-reports")
    output = result.output.replace(str(ws), "{ws}")
    assert english_in(output) == [], output
    return result.exit_code, output


def usage(command: str) -> str:
    return (f"Cách dùng: kcn-reports {command} [TÙY CHỌN]\n"
            f"Gõ 'kcn-reports {command} --help' để xem hướng dẫn.\n\n")


CLICK_CASES = [
    (["generate"], usage("generate") + "Lỗi: Thiếu tùy chọn '--kind'. Chọn một trong: two-year, "
     "annual.\n"),
    (["generate", "--kind", "hai-nam"], usage("generate") + "Lỗi: Giá trị không hợp lệ cho "
     "'--kind': 'hai-nam' không phải là một trong: two-year, annual.\n"),
    (["chek"], "Cách dùng: kcn-reports [TÙY CHỌN] LỆNH [THAM SỐ]...\nGõ 'kcn-reports --help' để "
     "xem hướng dẫn.\n\nLỗi: Không có lệnh 'chek'. Có phải là 'check'?\n"),
    (["check", "--inptus", "x"], usage("check") + "Lỗi: Không có tùy chọn '--inptus'. Có phải là "
     "'--inputs'?\n"),
    (["generate", "--kind", "annual", "--as-of", "31/02/2026"], usage("generate") + "Lỗi: Giá trị "
     "không hợp lệ cho '--as-of': '31/02/2026' không phải ngày có thật (ngày 31, tháng 2, năm "
     "2026): viết dạng dd/mm/yyyy (ví dụ 30/11/2026) hoặc yyyy-mm-dd (2026-11-30).\n"),
    (["generate", "--kind", "annual", "--as-of", "30 tháng 11"], usage("generate") + "Lỗi: Giá trị "
     "không hợp lệ cho '--as-of': '30 tháng 11' không phải một ngày: viết dạng dd/mm/yyyy (ví dụ "
     "30/11/2026) hoặc yyyy-mm-dd (2026-11-30).\n"),
    (["generate", "--kind", "annual", "--year", "26"], usage("generate") + "Lỗi: Giá trị không hợp "
     "lệ cho '--year': '26' không phải một năm: viết năm dạng 4 chữ số, ví dụ 2026.\n"),
    (["generate", "--kind", "annual", "--year", "1890"], usage("generate") + "Lỗi: Giá trị không "
     "hợp lệ cho '--year': năm 1890 không hợp lý: chỉ nhận từ 1990 đến 2100.\n"),
    (["generate", "--kind", "annual", "--year"], "Lỗi: Tùy chọn '--year' cần một giá trị.\n"),
    (["generate", "--pdf=có", "--kind", "annual"], "Lỗi: Tùy chọn '--pdf' không nhận giá trị.\n"),
    (["check", "thừa"], usage("check") + "Lỗi: Thừa tham số (thừa)\n"),
    (["templates", "check", "khong-co.docx"], "Cách dùng: kcn-reports templates check [TÙY CHỌN] "
     "[TỆP]\nGõ 'kcn-reports templates check --help' để xem hướng dẫn.\n\nLỗi: Giá trị không hợp "
     "lệ cho '[TỆP]': Tệp 'khong-co.docx' không tồn tại.\n"),
    (["generate", "--kind", "annual", "--year", "2016", "--as-of", "01/05/2016"],
     "Lỗi: Chỉ dùng một trong hai: --year hoặc --as-of.\n"),
]


@pytest.mark.parametrize(("args", "expected"), CLICK_CASES, ids=[" ".join(c[0]) for c in CLICK_CASES])
def test_command_line_mistakes(ws, args, expected):
    assert invoke(ws, *args) == (2, expected)


FIX = "Sửa bằng Notepad, lưu lại (mã UTF-8) rồi chạy lại.\n"
SETTINGS_CASES = [
    ("date = 2014-06-30", "date = 30/06/2014",
     "Lỗi: Tệp cài đặt {ws}/kcn_reports.toml viết sai ở dòng 46, cột 10: ngày phải viết dạng "
     "năm-tháng-ngày.\n    date = 30/06/2014\nCách viết: ngày viết dạng 2014-06-30, không có "
     "ngoặc kép: date = 2014-06-30.\n" + FIX),
    ('place = "Bắc Giang"', 'place = "Bắc Giang',
     "Lỗi: Tệp cài đặt {ws}/kcn_reports.toml viết sai ở dòng 12, cột 19: thiếu dấu \" đóng ở "
     "cuối chữ.\n    place = \"Bắc Giang\nCách viết: place = \"Bắc Giang\".\n" + FIX),
    ('place = "Bắc Giang"', "place = Bắc Giang",
     "Lỗi: Tệp cài đặt {ws}/kcn_reports.toml viết sai ở dòng 12, cột 9: chữ phải đặt trong dấu "
     "ngoặc kép.\n    place = Bắc Giang\nCách viết: place = \"Bắc Giang\".\n" + FIX),
    ("[organisation]", "[organisation",
     "Lỗi: Tệp cài đặt {ws}/kcn_reports.toml viết sai ở dòng 4, cột 14: tên mục thiếu dấu ] "
     "đóng.\n    [organisation\nCách viết: [organisation].\n" + FIX),
    ('"Đảng ủy Khối (b/c)",', '"Đảng ủy Khối (b/c)"',
     "Lỗi: Tệp cài đặt {ws}/kcn_reports.toml viết sai ở dòng 62, cột 5: danh sách [ ... ] thiếu "
     "dấu ] đóng hoặc thiếu dấu phẩy giữa hai mục.\n    \"Đảng ủy Khối (b/c)\"\n    \"Các chi bộ "
     "trực thuộc\",\nCách viết: mỗi mục của danh sách viết trong dấu ngoặc kép và kết thúc bằng "
     "dấu phẩy, ví dụ \"Lưu VP\", ; danh sách đóng bằng dấu ] ở dòng cuối.\n" + FIX),
    ('place = "Bắc Giang"', 'place = "Bắc Giang"\nplace = "Hà Nội"',
     "Lỗi: Tệp cài đặt {ws}/kcn_reports.toml viết sai ở dòng 13, cột 17: cài đặt này đã có ở "
     "trên (một cài đặt chỉ viết một lần).\n    place = \"Hà Nội\"\nCách viết: giữ một dòng "
     "place = …, xóa dòng còn lại.\n" + FIX),
    ("pdf = false", "pdf = không",
     "Lỗi: Tệp cài đặt {ws}/kcn_reports.toml viết sai ở dòng 72, cột 7: có/không viết bằng true "
     "hoặc false (chữ thường).\n    pdf = không\nCách viết: pdf = true  (hoặc pdf = false).\n"
     + FIX),
    ('place = "Bắc Giang"', 'place = "D:\\BaoCao"',
     "Lỗi: Tệp cài đặt {ws}/kcn_reports.toml viết sai ở dòng 12, cột 14: dấu \\ trong chữ phải "
     "viết hai lần (\\\\) hoặc dùng dấu /.\n    place = \"D:\\BaoCao\"\nCách viết: place = "
     "\"D:/BaoCao\".\n" + FIX),
    ('place = "Bắc Giang"', 'Địa danh = "Bắc Giang"',
     "Lỗi: Tệp cài đặt {ws}/kcn_reports.toml viết sai ở dòng 12, cột 1: tên cài đặt bên trái dấu "
     "= phải giữ đúng như tệp mẫu (chữ không dấu, không có dấu cách).\n    Địa danh = \"Bắc "
     "Giang\"\nCách viết: chỉ sửa phần bên phải dấu =, ví dụ place = \"…\".\n" + FIX),
    ("date = 2014-06-30", 'date = "30/06/2014"',
     "Lỗi: Cài đặt «date» trong mục [baseline] (mốc ban đầu) trong tệp {ws}/kcn_reports.toml phải "
     "là ngày dạng năm-tháng-ngày, ví dụ 2014-06-30, không có ngoặc kép, đang là \"30/06/2014\". "
     "Ngày viết dạng 2014-06-30, không có ngoặc kép: date = 2014-06-30.\n"),
    ("date = 2014-06-30", "date = 2104-06-30",
     "Lỗi: Ngày mốc ban đầu (dòng date trong mục [baseline]) trong tệp {ws}/kcn_reports.toml là "
     "30/06/2104, năm không hợp lý (chỉ nhận từ 1990 đến 2100).\n"),
    ('place = "Bắc Giang"', "place = 5",
     "Lỗi: Cài đặt «place» trong mục [organisation] (cơ quan) trong tệp {ws}/kcn_reports.toml "
     "phải là chữ trong dấu ngoặc kép, đang là 5.\n"),
    ("party_members = 35", "party_members = -35",
     "Lỗi: Cài đặt «party_members» trong mục [baseline] (mốc ban đầu) trong tệp "
     "{ws}/kcn_reports.toml không được âm (đang là -35).\n"),
    ('name = "Quang Châu"', 'name = ""',
     "Lỗi: Khu công nghiệp thứ 2 (mục [[zones]] thứ 2) trong tệp {ws}/kcn_reports.toml chưa có "
     "tên: ghi tên KCN vào dòng name = \"…\", hoặc xóa cả mục [[zones]] đó.\n"),
    ('name = "Quang Châu"', 'name = "Dinh Tram"',
     "Lỗi: Khu công nghiệp «Dinh Tram» có hai lần trong tệp {ws}/kcn_reports.toml (mục [[zones]] "
     "thứ 2): xóa một mục.\n"),
]


@pytest.mark.parametrize(("old", "new", "expected"), SETTINGS_CASES,
                         ids=[c[1].replace("\n", " ") for c in SETTINGS_CASES])
def test_settings_mistakes(ws, old, new, expected):
    assert old in DEFAULT_SETTINGS
    (ws / "kcn_reports.toml").write_text(DEFAULT_SETTINGS.replace(old, new, 1), encoding="utf-8")
    assert invoke(ws, "check") == (2, expected.replace("{ws}/", WS))


def test_two_year_report_without_a_baseline_section(ws):
    section = "[baseline]\ndate = 2014-06-30\nparty_cells = 4\nparty_members = 35\n"
    assert section in DEFAULT_SETTINGS
    (ws / "kcn_reports.toml").write_text(DEFAULT_SETTINGS.replace(section, ""), encoding="utf-8")
    expected = ("Lỗi: Báo cáo hai năm tính từ mốc ban đầu, nhưng tệp cài đặt {ws}/kcn_reports.toml "
                "chưa có mục [baseline] (mốc ban đầu) với ngày mốc. Thêm vào tệp đó, với số của "
                "đơn vị mình:\n[baseline]\ndate = 2014-06-30        # ngày mốc, dạng năm-tháng-ngày\n"
                "party_cells = 4          # số chi bộ tại ngày mốc\n"
                "party_members = 35       # số đảng viên tại ngày mốc\n")
    assert invoke(ws, "generate", "--kind", "two-year", "--as-of", "26/11/2016") == \
        (2, expected.replace("{ws}/", WS))


def test_a_cell_named_chi_bo_is_not_doubled_in_a_warning(ws):
    cells = [list(row) for row in CELLS]
    cells[2][5] = 7  # the ledger says 7, its movements 3 + 2
    write_ledger(ws / "inputs" / "So theo doi.xlsx", enterprises=ENTERPRISES, cells=cells,
                 movements=MOVEMENTS)
    code, output = invoke(ws, "check")
    assert code == 0
    assert "Cảnh báo Chi bộ!F4: Số đảng viên không khớp: Chi bộ Công ty A&B (từ khi thành lập " \
           "ngày 02/09/2015): đầu kỳ 0 + tăng 5 − giảm 0 = 5, nhưng sổ ghi 7." in output
    assert "chi bộ Chi bộ" not in output
    assert "chi bộ Chi bộ" not in output


# --- templates ------------------------------------------------------------------------------


def edit_word_template(ws: Path, old: str, new: str) -> None:
    path = ws / "report_templates" / "bao_cao_nam.docx"
    document = Document(str(path))
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if old in run.text:
                run.text = run.text.replace(old, new, 1)
                document.save(str(path))
                return
    raise AssertionError(old)


def template_failure(path: str, lines: list[str]) -> str:
    name = path.rsplit("/", 1)[-1]
    return "\n".join([
        f"Lỗi: Không lập được báo cáo vì mẫu {Path('{ws}') / 'report_templates' / name} có lỗi; "
        "các tệp kết quả cũ vẫn giữ nguyên.",
        f"Mẫu {name}: {len(lines)} lỗi, 0 cảnh báo.", *lines,
        "Sửa mẫu trong Word/Excel ở chỗ nêu trên rồi chạy lại; kiểm tra mẫu bằng lệnh: "
        "kcn-reports templates check", ""])


WORD_CASES = [
    ("{{ party.cells_end }}", "{{ party.cells_end }",
     "  - LỖI đoạn 7 «{{ party.cells_end } chi bộ trực thuộc với»: Thẻ mở «{{» không có «}}» để "
     "đóng (thẻ viết thiếu hoặc bị ngắt)."),
    ("{{ party.cells_end }}", "{{ party.cels_end }}",
     "  - LỖI đoạn 7 «{{ party.cels_end }}»: Không có số liệu «party.cels_end». Có phải là "
     "«party.cells_end»?"),
    ("{{ party.members_end | vn_number }}", "{{ party.members_end | vn_numbr }}",
     "  - LỖI đoạn 7 «{{ party.members_end | vn_numbr }}»: Không có bộ lọc «vn_numbr». Có phải là "
     "«vn_number»?"),
]


@pytest.mark.parametrize(("old", "new", "line"), WORD_CASES, ids=[c[1] for c in WORD_CASES])
def test_a_broken_word_template_is_the_users_to_fix(report_ws, old, new, line):
    ensure_templates(report_ws / "report_templates")
    edit_word_template(report_ws, old, new)
    expected = template_failure("bao_cao_nam.docx", [line])
    # --debug anywhere, even after the command: still a message, not a traceback.
    assert invoke(report_ws, "generate", "--kind", "annual", "--year", "2016", "--debug") == (2, expected)
    code, checked = invoke(report_ws, "templates", "check", str(report_ws / "report_templates" / "bao_cao_nam.docx"))
    assert code == 1 and line in checked  # the same words as `templates check`
    assert not (report_ws / "outputs").exists() or not any((report_ws / "outputs").iterdir())


def test_a_broken_excel_template_is_the_users_to_fix(report_ws):
    ensure_templates(report_ws / "report_templates")
    path = report_ws / "report_templates" / "bieu_tong_hop.xlsx"
    book = openpyxl.load_workbook(path)
    cell = next(c for row in book.worksheets[0].iter_rows() for c in row
                if isinstance(c.value, str) and "party.cells_end" in c.value)
    cell.value = cell.value.replace("party.cells_end", "party.cel_end")
    book.save(path)
    line = (f"  - LỖI sheet «{book.worksheets[0].title}», ô {cell.coordinate} «{cell.value}»: "
            "Không có số liệu «party.cel_end». Có phải là «party.cells_end»?")
    assert invoke(report_ws, "generate", "--kind", "annual", "--year", "2016") == \
        (2, template_failure("bieu_tong_hop.xlsx", [line]))


def test_a_damaged_or_locked_template_is_the_users_to_fix(report_ws, monkeypatch):
    ensure_templates(report_ws / "report_templates")
    word = report_ws / "report_templates" / "bao_cao_nam.docx"
    good = word.read_bytes()
    word.write_bytes(b"Word da luu sai dinh dang")
    assert invoke(report_ws, "generate", "--kind", "annual", "--year", "2016") == (2, template_failure(
        "bao_cao_nam.docx", ["  - LỖI Không mở được tệp mẫu Word: tệp hỏng hoặc không phải tệp "
                             ".docx. Mở bằng Word rồi lưu lại dạng .docx (hoặc xóa tệp để chương "
                             "trình tạo lại mẫu mặc định)."]))
    word.write_bytes(good)
    import zipfile

    real = zipfile.ZipFile.__init__

    def locked(self, file, *args, **kwargs):
        if str(file) == str(word):
            raise PermissionError(13, "Permission denied", str(file))
        return real(self, file, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "__init__", locked)
    assert invoke(report_ws, "generate", "--kind", "annual", "--year", "2016") == (2, template_failure(
        "bao_cao_nam.docx", ["  - LỖI Không đọc được tệp mẫu: tệp đang mở trong Word hoặc chương "
                             "trình khác, hoặc không có quyền đọc. Đóng tệp rồi chạy lại."]))


# --- --debug, and program faults -----------------------------------------------------------------


def all_commands(group: click.Group = cli, prefix: tuple[str, ...] = ()):
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from all_commands(command, (*prefix, name))


@pytest.mark.parametrize("path", [p for p, _ in all_commands()], ids=" ".join)
def test_debug_is_an_option_of_every_command(path):
    STATE.debug = False
    result = CliRunner().invoke(cli, [*path, "--debug", "--help"])
    assert result.exit_code == 0, result.output
    assert "--debug" in result.output
    assert STATE.debug is True


def run_main(monkeypatch, capsys, *args: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["kcn-reports", *args])
    with pytest.raises(SystemExit) as info:
        cli_module.main()
    return info.value.code, capsys.readouterr().err


def test_only_a_real_fault_is_a_program_error(report_ws, monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise RuntimeError("internal inconsistency")

    monkeypatch.setattr("kcn_reports.generate.build_context", broken)
    base = ("-w", str(report_ws), "--no-cache", "generate", "--kind", "annual", "--year", "2016")
    code, err = run_main(monkeypatch, capsys, *base)
    assert (code, err) == (3, "Lỗi chương trình không mong muốn. Chạy lại với --debug để xem chi "
                              "tiết và gửi cho người phát triển.\n")
    code, err = run_main(monkeypatch, capsys, *base, "--debug")
    assert code == 3 and "Traceback" in err and "RuntimeError: internal inconsistency" in err
    # A template mistake through the same entry point: exit 2, no traceback, even with --debug.
    monkeypatch.undo()
    ensure_templates(report_ws / "report_templates")
    edit_word_template(report_ws, "{{ party.cells_end }}", "{{ party.cells_end }")
    code, err = run_main(monkeypatch, capsys, *base, "--debug")
    assert code == 2 and "Traceback" not in err and "Thẻ mở «{{» không có «}}»" in err


# --- help pages -----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [(), *(p for p, _ in all_commands())], ids=lambda p: " ".join(p) or "kcn-reports")
def test_help_is_vietnamese_and_nothing_is_cut(path):
    result = CliRunner().invoke(cli, [*path, "--help"], prog_name="kcn-reports", terminal_width=80)
    assert result.exit_code == 0
    text = result.output
    assert english_in(text) == [], english_in(text)
    lines = text.splitlines()
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        if not line.startswith("Cách dùng:"):  # "LỆNH [THAM SỐ]..." is notation, not a cut
            assert not line.rstrip().endswith("..."), line  # a cut description
        if re.search(r"[A-Za-z]-$", line.rstrip()):  # a word split at its hyphen
            raise AssertionError(f"{line!r} / {following!r}")
    assert "kcn-reports" in text.replace("\n", " ") or path


def test_no_line_of_the_top_help_splits_the_program_name():
    text = CliRunner().invoke(cli, ["--help"], prog_name="kcn-reports", terminal_width=60).output
    assert "kcn-\n" not in text and "\"kcn-reports check\"" in text.replace("\n  ", " ")


def test_the_list_of_commands_shows_whole_descriptions():
    text = CliRunner().invoke(cli, ["--help"], prog_name="kcn-reports").output
    assert "Tạo mẫu báo cáo (Mẫu số 01/DN-KCN) để gửi cho doanh nghiệp." in text
    assert "..." not in text.split("Lệnh:", 1)[1]


def test_workspace_tree_without_templates_is_not_an_error(report_ws):
    """Deleting a template is how the office gets the default back (the README says so)."""
    ensure_templates(report_ws / "report_templates")
    (report_ws / "report_templates" / "bao_cao_nam.docx").unlink()
    code, output = invoke(report_ws, "generate", "--kind", "annual", "--year", "2016")
    assert code in (0, 1), output
    assert "Đã tạo mẫu mặc định: bao_cao_nam.docx" in output
    shutil.rmtree(report_ws / "outputs")
