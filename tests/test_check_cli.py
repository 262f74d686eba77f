"""`kcn-reports check`: every file once, outliers, exit codes, screen and JSON (in-process)."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner
from helpers import AS_CELLS, AS_TYPED, CELLS, ENTERPRISES, MOVEMENTS, fill, write_ledger

from kcn_reports.cli import cli
from kcn_reports.settings import DEFAULT_SETTINGS


def workspace(tmp_path):
    inputs = tmp_path / "inputs"
    (inputs / "thư mục con" / "sâu hơn").mkdir(parents=True)
    write_ledger(inputs / "So theo doi.xlsx", enterprises=ENTERPRISES, cells=CELLS, movements=MOVEMENTS)
    fill(inputs / "thư mục con" / "A&B 2016.xlsx", AS_TYPED)
    fill(inputs / "thư mục con" / "sâu hơn" / "A&B 2015.xlsx",
         {**AS_TYPED, "period": "Năm 2015", "employees": "600", "employees_female": "400",
          "union_members": "550", "prepared_on": "10/01/2016"})
    fill(inputs / "loi.xlsx", {**AS_TYPED, "tax_code": "2400111111", "employees": "nhiều"})
    (inputs / "~$A&B 2016.xlsx").write_bytes(b"\x00lock")
    (inputs / ".an.xlsx").write_bytes(b"PK")
    (inputs / "ghi chu.txt").write_text("ghi chú", encoding="utf-8")
    (inputs / "so lieu.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (inputs / "word.xlsx").write_bytes(b"PK\x03\x04" + b"\x00" * 20)
    (inputs / "trong.xls").write_bytes(b"")
    shutil.copy(inputs / "loi.xlsx", inputs / "thư mục con" / "ban sao.xlsm")
    return inputs


def test_every_file_exactly_once_whatever_it_is(tmp_path):
    inputs = workspace(tmp_path)
    result = CliRunner().invoke(cli, ["check", "--inputs", str(inputs), "--json"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    on_disk = sorted(p.relative_to(inputs).as_posix() for p in inputs.rglob("*") if p.is_file())
    assert sorted(f["path"] for f in data["files"]) == on_disk
    outcome = {f["path"]: f for f in data["files"]}
    assert outcome["thư mục con/A&B 2016.xlsx"]["outcome"] == "accepted"
    assert outcome["thư mục con/A&B 2016.xlsx"]["values"]["employees"] == 1234
    assert outcome["thư mục con/A&B 2016.xlsx"]["values"]["has_party_org"] is True
    assert outcome["thư mục con/A&B 2016.xlsx"]["values"]["union_founded_on"] == "2015-03-05"
    assert outcome["thư mục con/A&B 2016.xlsx"]["period"] == "2016-H1"
    # The copy is the newer file of that enterprise and period: it decides, the original is
    # superseded by it (both carry the same error).
    assert outcome["thư mục con/ban sao.xlsm"]["outcome"] == "rejected"
    assert outcome["loi.xlsx"]["outcome"] == "superseded"
    assert "thư mục con/ban sao.xlsm" in outcome["loi.xlsx"]["reason"]
    for path in ("~$A&B 2016.xlsx", ".an.xlsx", "ghi chu.txt", "so lieu.csv"):
        assert outcome[path]["outcome"] == "skipped" and outcome[path]["reason"], path
    assert outcome["trong.xls"]["outcome"] == "rejected"
    assert outcome["word.xlsx"]["outcome"] == "rejected"
    assert data["summary"]["files"] == len(on_disk)
    assert data["completeness"]["received"] == 1


def test_outlier_against_previous_period_shows_both_values(tmp_path):
    inputs = workspace(tmp_path)
    result = CliRunner().invoke(cli, ["check", "--inputs", str(inputs), "--json"])
    data = json.loads(result.output)
    current = next(f for f in data["files"] if f["path"] == "thư mục con/A&B 2016.xlsx")
    outlier = next(p for p in current["problems"] if p["code"] == "outlier" and p["field"] == "employees")
    assert outlier["severity"] == "warning"
    assert "600" in outlier["message"] and "1234" in outlier["message"]
    assert "Năm 2015" in outlier["message"] and "6 tháng đầu năm 2016" in outlier["message"]


def test_screen_output_is_vietnamese_with_summary_and_locations(tmp_path):
    inputs = workspace(tmp_path)
    result = CliRunner().invoke(cli, ["check", "--inputs", str(inputs)])
    assert result.exit_code == 1
    out = result.output
    assert "Tổng số tệp: 11" in out
    assert "Vấn đề theo loại:" in out
    assert ("Tình hình nộp báo cáo (6 tháng đầu năm 2016): 1/3 doanh nghiệp đã gửi báo cáo hợp "
            "lệ (33,3%); 1 doanh nghiệp nữa đã gửi nhưng báo cáo bị loại, đang chờ bản sửa; 1 "
            "doanh nghiệp chưa gửi.") in out
    assert ("đã gửi, bị loại (1 lỗi): 2400111111 Công ty CP May Bắc Giang — tệp thư mục con/"
            "ban sao.xlsm") in out
    assert "chưa gửi: 2400222222 Công ty TNHH Cơ khí Hòa Phú" in out
    assert "[Loại" in out and "ban sao.xlsm" in out
    assert "Báo cáo!E27" in out  # the employees cell of the rejected return


def test_exit_zero_without_errors(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    write_ledger(inputs / "so.xlsx", enterprises=ENTERPRISES, cells=CELLS, movements=MOVEMENTS)
    fill(inputs / "ab.xlsx", AS_CELLS)
    # The settings' baseline as this Sổ has it (2 cells, 35 members on 30/06/2014): no warning.
    settings = DEFAULT_SETTINGS.replace("party_cells = 4", "party_cells = 2")
    assert settings != DEFAULT_SETTINGS
    (tmp_path / "kcn_reports.toml").write_text(settings, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--workspace", str(tmp_path), "check"])
    assert result.exit_code == 0, result.output
    # Clean files are counted, not listed: with hundreds of returns the screen shows what to do.
    assert "ab.xlsx" not in result.output
    assert "2 tệp khác được nhận, không có vấn đề" in result.output


def test_usage_and_settings_errors_exit_two(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["check", "--inputs", str(tmp_path / "khong-co")])
    assert result.exit_code == 2 and "Không tìm thấy thư mục đầu vào" in result.output
    result = runner.invoke(cli, ["check", "--khong-co"])
    assert result.exit_code == 2 and "Không có tùy chọn" in result.output
    broken = DEFAULT_SETTINGS.replace('place = "Bắc Giang"', "place = 5")
    (tmp_path / "kcn_reports.toml").write_text(broken, encoding="utf-8")
    (tmp_path / "inputs").mkdir()
    result = runner.invoke(cli, ["--workspace", str(tmp_path), "check"])
    assert result.exit_code == 2
    assert "kcn_reports.toml" in result.output
    assert "«place» trong mục [organisation]" in result.output
    (tmp_path / "kcn_reports.toml").write_text("[organisation\n", encoding="utf-8")
    result = runner.invoke(cli, ["--workspace", str(tmp_path), "check"])
    assert result.exit_code == 2 and "viết sai ở dòng 1" in result.output


def test_help_is_vietnamese():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert "Cách dùng:" in result.output and "Tùy chọn" in result.output and "Lệnh" in result.output
    for command in ("check", "form", "generate", "init"):
        sub = CliRunner().invoke(cli, [command, "--help"])
        assert sub.exit_code == 0 and "Cách dùng:" in sub.output, command
        assert "Show this message" not in sub.output


def test_check_writes_the_problem_list_to_send_back(tmp_path):
    import openpyxl

    inputs = workspace(tmp_path)
    out = tmp_path / "lỗi cần sửa.xlsx"
    result = CliRunner().invoke(cli, ["check", "--inputs", str(inputs), "--excel", str(out)])
    assert result.exit_code == 1
    assert "Đã ghi danh sách lỗi" in result.output
    sheet = openpyxl.load_workbook(out)["Kiểm tra dữ liệu"]
    rows = [r for r in sheet.iter_rows(min_row=4, values_only=True) if r[0]]
    loi = [r for r in rows if r[3] == "thư mục con/ban sao.xlsm" and r[1] == "Lỗi"]
    assert loi and loi[0][5] == "E27" and "nhiều" in str(loi[0][7])
    # The older copy was superseded by it: its (same) error is settled, not listed twice.
    assert not [r for r in rows if r[3] == "loi.xlsx"]
