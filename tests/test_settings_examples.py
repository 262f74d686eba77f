"""A new province starts clean: example settings are marked and named until replaced, a folder
without settings says so, and the collection round's settings are checked like the rest."""

from __future__ import annotations

import json

import pytest
from by_hand import edit_settings
from click.testing import CliRunner

from kcn_reports.cli import cli
from kcn_reports.settings import (
    DEFAULT_SETTINGS,
    STARTER_SETTINGS,
    SettingsError,
    example_values,
    load_settings,
)


@pytest.mark.parametrize("command", [["check"], ["generate", "--kind", "annual", "--year", "2016"],
                                     ["form"], ["feedback"], ["export", "--sqlite", "x.sqlite"]])
def test_a_folder_without_settings_says_so(tmp_path, command):
    (tmp_path / "inputs").mkdir()
    result = CliRunner().invoke(cli, ["--workspace", str(tmp_path), *command])
    assert result.exit_code == 2, result.output
    assert (f"Không có tệp cài đặt kcn_reports.toml trong thư mục làm việc {tmp_path.resolve()}. "
            f"Tạo thư mục làm việc mới bằng lệnh: kcn-reports init \"{tmp_path}\"") in result.output
    assert not (tmp_path / "outputs").exists() and not (tmp_path / "mau").exists()


def starter(tmp_path):
    (tmp_path / "inputs").mkdir(exist_ok=True)
    path = tmp_path / "kcn_reports.toml"
    path.write_text(STARTER_SETTINGS, encoding="utf-8")
    return path


def test_check_names_the_example_values_once(tmp_path):
    starter(tmp_path)
    result = CliRunner().invoke(cli, ["--workspace", str(tmp_path), "check"])
    out = result.output
    assert out.count("còn giữ giá trị VÍ DỤ") == 1
    notice = out[out.index("Lưu ý: tệp cài đặt"):].splitlines()
    assert notice[1:11] == [
        '  - [organisation] superior_body (cơ quan cấp trên): "ĐẢNG BỘ CẤP TRÊN (VÍ DỤ)"',
        '  - [organisation] issuing_body (cơ quan ban hành): "ĐẢNG ỦY CÁC KHU CÔNG NGHIỆP"',
        '  - [organisation] place (địa danh): "Tên tỉnh (ví dụ)"',
        '  - [organisation] party_org_name (tên đảng bộ): "Đảng bộ Các Khu công nghiệp tỉnh"',
        '  - [organisation] management_board (Ban Quản lý): "Ban Quản lý các Khu công nghiệp tỉnh"',
        "  - [[zones]] (danh sách khu công nghiệp): KCN số 1 (ví dụ); KCN số 2 (ví dụ)",
        "  - [baseline] (mốc ban đầu): 01/07/2025, 0 chi bộ, 0 đảng viên",
        '  - [signatory] name (người ký): "Họ và tên người ký (ví dụ)"',
        "  - [distribution] recipients (nơi nhận): Ban Thường vụ Tỉnh ủy (b/c); Các chi bộ trực "
        "thuộc; Lưu VP.",
        '  - [facts] outreach_team (thông tin trích dẫn): "gồm … đồng chí (ví dụ: ghi số người và '
        'cách phân công của đơn vị mình)"',
    ]


def test_json_stays_json_and_the_notice_goes_to_stderr(tmp_path):
    starter(tmp_path)
    result = CliRunner().invoke(cli, ["--workspace", str(tmp_path), "check", "--json"])
    assert json.loads(result.stdout)["summary"]["files"] == 0
    assert "còn giữ giá trị VÍ DỤ" in result.stderr


def test_generate_names_them_too_even_when_it_stops(tmp_path):
    starter(tmp_path)
    result = CliRunner().invoke(cli, ["--workspace", str(tmp_path), "--no-cache", "generate",
                                      "--kind", "annual", "--year", "2025"])
    assert result.exit_code == 2, result.output  # no return yet: generate refuses, and says so
    assert "Chưa có báo cáo nào của doanh nghiệp cho năm 2025" in result.output
    assert result.output.count("còn giữ giá trị VÍ DỤ") == 1
    assert '[signatory] name (người ký): "Họ và tên người ký (ví dụ)"' in result.output


def test_a_replaced_value_is_no_longer_named(tmp_path):
    path = starter(tmp_path)
    edit_settings(path, [('"Họ và tên người ký (ví dụ)"', '"Lê Thị Hằng"'),
                         ('"Tên tỉnh (ví dụ)"', '"Hải Dương"')])
    lines = example_values(load_settings(path))
    assert not [line for line in lines if "[signatory]" in line or "place" in line]
    assert any("superior_body" in line for line in lines)


def test_a_section_taken_off_the_examples_list_is_trusted(tmp_path):
    path = starter(tmp_path)
    edit_settings(path, [('examples = ["organisation", "zones", "baseline", "signatory", '
                          '"distribution", "facts"]', 'examples = ["zones"]')])
    assert example_values(load_settings(path)) == [
        "[[zones]] (danh sách khu công nghiệp): KCN số 1 (ví dụ); KCN số 2 (ví dụ)"]
    edit_settings(path, [('examples = ["zones"]', "")])
    assert example_values(load_settings(path)) == []


def test_the_sample_settings_are_never_examples(tmp_path):
    path = tmp_path / "kcn_reports.toml"
    path.write_text(DEFAULT_SETTINGS, encoding="utf-8")
    assert example_values(load_settings(path)) == []


@pytest.mark.parametrize("line, message", [
    ('period = "Quý 3 năm 2025"', 'Cài đặt «period» trong mục [collection] (đợt thu báo cáo) trong '
                                  'tệp {path} phải là "Năm YYYY" hoặc "6 tháng đầu năm YYYY" '
                                  '(trong ngoặc kép), đang là "Quý 3 năm 2025".'),
    ('deadline = "15/01/2026"', "Cài đặt «deadline» trong mục [collection] (đợt thu báo cáo) trong "
                                "tệp {path} phải là ngày dạng năm-tháng-ngày, ví dụ 2014-06-30, "
                                'không có ngoặc kép, đang là "15/01/2026". Ngày viết dạng '
                                "2026-01-15, không có ngoặc kép: deadline = 2026-01-15."),
    ('feedback_format = "pdf"', "Cài đặt «feedback_format» trong mục [collection] (đợt thu báo "
                                'cáo) trong tệp {path} phải là "docx" (thư Word) hoặc "xlsx" '
                                '(bảng Excel), đang là "pdf".'),
])
def test_collection_settings_are_checked(tmp_path, line, message):
    path = tmp_path / "kcn_reports.toml"
    path.write_text(DEFAULT_SETTINGS + f"\n[collection]\n{line}\n", encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    assert str(caught.value) == message.format(path=path)


def test_collection_settings_read(tmp_path):
    import datetime as dt

    from kcn_reports.formdef import PERIOD_HALF, Period

    path = tmp_path / "kcn_reports.toml"
    path.write_text(DEFAULT_SETTINGS + '\n[collection]\nperiod = "6 tháng đầu năm 2026"\n'
                    'deadline = 2026-07-20\nfeedback_format = "XLSX"\ncontact = " Chị Hoa "\n',
                    encoding="utf-8")
    collection = load_settings(path).collection
    assert collection.period == Period(PERIOD_HALF, 2026)
    assert collection.deadline == dt.date(2026, 7, 20)
    assert collection.feedback_format == "xlsx" and collection.contact == "Chị Hoa"


def test_a_zone_header_deleted_is_named_not_silently_dropped(tmp_path):
    """The clerk deletes the first "[[zones]]" line: its name and aliases fall under the section
    above; the zone must not vanish from every form without a word."""
    path = starter(tmp_path)
    text = path.read_text(encoding="utf-8")
    first = text.index("\n[[zones]]\n")
    path.write_text(text[:first] + "\n" + text[first + len("\n[[zones]]\n"):], encoding="utf-8")
    result = CliRunner().invoke(cli, ["--workspace", str(tmp_path), "check"])
    assert result.exit_code == 2, result.output
    assert (f"Lỗi: Mục [organisation] trong tệp {path} có cài đặt lạ: aliases, name. Có thể "
            "thiếu dòng [[zones]] ở phía trên các dòng này.") in result.output


@pytest.mark.parametrize(("typo", "said"), [
    ("[signatory]", "có mục hoặc cài đặt lạ: signatry"),
    ("superior_body", "có cài đặt lạ: superior_bdy. Mục này chỉ có: abbreviation,"),
])
def test_a_misspelt_section_or_setting_is_named(tmp_path, typo, said):
    path = starter(tmp_path)
    wrong = {"[signatory]": "[signatry]", "superior_body": "superior_bdy"}[typo]
    path.write_text(path.read_text(encoding="utf-8").replace(typo, wrong, 1), encoding="utf-8")
    result = CliRunner().invoke(cli, ["--workspace", str(tmp_path), "check"])
    assert result.exit_code == 2, result.output
    assert said in result.output
