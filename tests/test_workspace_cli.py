"""`init`, `form` and `generate` as the office runs them (in-process, Vietnamese output)."""

from __future__ import annotations

import json

import openpyxl
from click.testing import CliRunner
from helpers import AS_TYPED, fill

from kcn_reports.cli import cli
from kcn_reports.sample import make_sample
from kcn_reports.settings import DEFAULT_SETTINGS
from kcn_reports.workspace import launcher_name


def sample_settings(folder):
    """A workspace with the sample province's settings, as `init --example` writes them."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kcn_reports.toml").write_text(DEFAULT_SETTINGS, encoding="utf-8")
    return folder


def test_init_creates_a_complete_workspace_and_never_overwrites(tmp_path):
    folder = tmp_path / "Báo cáo KCN"
    result = CliRunner().invoke(cli, ["init", str(folder)])
    assert result.exit_code == 0, result.output
    assert "Đã tạo tệp cài đặt" in result.output
    for relpath in ("kcn_reports.toml", "report_templates/bao_cao_hai_nam.docx",
                    "report_templates/bao_cao_nam.docx", "report_templates/bieu_tong_hop.xlsx",
                    launcher_name()):
        assert (folder / relpath).is_file(), relpath
    # The zones are still examples: no Sổ theo dõi or form listing them yet.
    assert not (folder / "inputs" / "So_theo_doi.xlsx").exists()
    assert not (folder / "mau" / "Mau_01_DN-KCN.xlsx").exists()
    settings = (folder / "kcn_reports.toml").read_text(encoding="utf-8")
    assert "# Cơ quan cấp trên" in settings and "examples = [" in settings

    edited = settings.replace('name = "KCN số 1 (ví dụ)"', 'name = "KCN Yên Phong"').replace(
        'name = "KCN số 2 (ví dụ)"', 'name = "KCN Quế Võ"').replace("Tên tỉnh (ví dụ)", "Bắc Ninh")
    (folder / "kcn_reports.toml").write_text(edited, encoding="utf-8")
    again = CliRunner().invoke(cli, ["init", str(folder)])
    assert again.exit_code == 0
    assert "Giữ nguyên tệp cài đặt đã có" in again.output
    assert "Bắc Ninh" in (folder / "kcn_reports.toml").read_text(encoding="utf-8")
    assert "Sổ theo dõi trống" in again.output
    ledger = openpyxl.load_workbook(folder / "inputs" / "So_theo_doi.xlsx")
    assert {"Chi bộ", "Biến động đảng viên", "Hoạt động", "Doanh nghiệp", "Chỉ tiêu"} <= set(ledger.sheetnames)
    zones = " ".join(str(c.value) for ws in ledger for row in ws.iter_rows() for c in row if c.value)
    assert "KCN Yên Phong" in zones and "KCN số 1" not in zones
    assert (folder / "mau" / "Mau_01_DN-KCN.xlsx").is_file()


def test_init_writes_only_the_launcher_of_its_platform(tmp_path, monkeypatch):
    from kcn_reports.workspace import init_workspace

    monkeypatch.setattr("sys.platform", "win32")
    init_workspace(sample_settings(tmp_path / "win"))
    bat = (tmp_path / "win" / "generate.bat").read_bytes()
    assert bat.startswith(b"@echo off\r\n") and b"-m kcn_reports generate" in bat
    assert not (tmp_path / "win" / "generate.sh").exists()
    monkeypatch.setattr("sys.platform", "linux")
    init_workspace(sample_settings(tmp_path / "linux"))
    assert (tmp_path / "linux" / "generate.sh").is_file()
    assert not (tmp_path / "linux" / "generate.bat").exists()


def test_new_workspace_checks_clean_then_reads_a_return(tmp_path):
    runner = CliRunner()
    sample_settings(tmp_path)
    runner.invoke(cli, ["init", str(tmp_path)])
    empty = runner.invoke(cli, ["--workspace", str(tmp_path), "check"])
    assert empty.exit_code == 0, empty.output
    assert "Tổng số tệp: 1 — nhận 1" in empty.output
    fill(tmp_path / "inputs" / "dn.xlsx", AS_TYPED)
    result = runner.invoke(cli, ["--workspace", str(tmp_path), "check"])
    assert "MST 0101234567, 6 tháng đầu năm 2016" in result.output


def test_form_command_uses_the_zones_of_the_settings(tmp_path):
    runner = CliRunner()
    sample_settings(tmp_path)
    runner.invoke(cli, ["init", str(tmp_path)])
    toml = tmp_path / "kcn_reports.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('name = "Vân Trung"', 'name = "Yên Lư"'),
                    encoding="utf-8")
    out = tmp_path / "mẫu mới.xlsx"
    result = runner.invoke(cli, ["--workspace", str(tmp_path), "form", "--out", str(out)])
    assert result.exit_code == 0 and "Đã tạo mẫu báo cáo trống" in result.output
    book = openpyxl.load_workbook(out)
    formulas = [dv.formula1 for dv in book["Báo cáo"].data_validations.dataValidation]
    text = " ".join(str(f) for f in formulas)
    hidden = " ".join(str(c.value) for ws in book for row in ws.iter_rows() for c in row if c.value)
    assert "Yên Lư" in text or "Yên Lư" in hidden
    assert "Vân Trung" not in text and "Vân Trung" not in hidden


def test_generate_command_closing_summary(tmp_path):
    sample_settings(tmp_path)
    make_sample(tmp_path / "inputs")
    result = CliRunner().invoke(cli, ["--workspace", str(tmp_path), "--no-cache", "generate",
                                      "--kind", "two-year", "--as-of", "26/11/2016"])
    assert result.exit_code == 0, result.output
    assert "nhận 110, loại 1, bị thay thế 1, bỏ qua 4" in result.output
    assert "56/60 doanh nghiệp đã gửi báo cáo (93,3%)" in result.output
    assert "bao-cao-hai-nam-2016-11-26.docx" in result.output
    folder = tmp_path / "outputs" / "bao-cao-hai-nam-2016-11-26"
    assert json.loads((folder / "figures.json").read_text(encoding="utf-8"))["party"]["members_end"] == 150


def test_generate_rejects_bad_dates_and_periods_with_exit_two(tmp_path):
    sample_settings(tmp_path)
    (tmp_path / "inputs").mkdir()
    runner = CliRunner()
    result = runner.invoke(cli, ["--workspace", str(tmp_path), "generate", "--kind", "two-year",
                                 "--as-of", "2014-01-01"])
    assert result.exit_code == 2 and "phải sau mốc ban đầu" in result.output
    result = runner.invoke(cli, ["--workspace", str(tmp_path), "generate", "--kind", "hai-nam"])
    assert result.exit_code == 2 and "không phải là một trong: two-year, annual" in result.output
    result = runner.invoke(cli, ["--workspace", str(tmp_path), "generate", "--kind", "annual",
                                 "--year", "2016", "--as-of", "2016-05-01"])
    assert result.exit_code == 2 and "Chỉ dùng một trong hai" in result.output


def test_launcher_runs_generate_with_this_python(tmp_path):
    import os
    import subprocess
    import sys

    sample_settings(tmp_path)
    CliRunner().invoke(cli, ["init", str(tmp_path)])
    fill(tmp_path / "inputs" / "A&B.xlsx", AS_TYPED)  # one return of 6 tháng đầu năm 2016
    script = (tmp_path / launcher_name()).read_text(encoding="utf-8")
    assert sys.executable in script
    if os.name == "posix":
        assert not (tmp_path / "generate.bat").exists()
        done = subprocess.run(["sh", str(tmp_path / "generate.sh"), "--year", "2016"],
                              capture_output=True, text=True, timeout=300,
                              env={**os.environ, "KCN_REPORTS_CACHE": str(tmp_path / "cache")})
        assert done.returncode == 0, done.stderr
        assert "Kết quả ở thư mục" in done.stdout
        assert (tmp_path / "outputs" / "bao-cao-nam-2016" / "bao-cao-nam-2016.docx").is_file()
