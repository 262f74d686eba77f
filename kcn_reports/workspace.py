"""A new workspace (spec §2.1): settings, folders, blank Sổ theo dõi, templates, blank form,
and the double-click launcher of the platform it is made on."""

from __future__ import annotations

import sys
from pathlib import Path

from kcn_reports.atomic import atomic_write, atomic_write_text
from kcn_reports.settings import (
    DEFAULT_SETTINGS,
    SETTINGS_FILE,
    STARTER_SETTINGS,
    holds_example,
    load_settings,
)

# The launchers call the Python that ran `init` (the one kcn-reports is installed in), so a
# double-click works without kcn-reports on PATH.
GENERATE_BAT = """@echo off
chcp 65001 > nul
cd /d "%~dp0"
echo Dang lap bao cao...
"{python}" -m kcn_reports generate --kind annual %*
if errorlevel 1 pause
start "" "%~dp0outputs"
"""

GENERATE_SH = """#!/bin/sh
# Lập báo cáo năm rồi mở thư mục kết quả.
cd "$(dirname "$0")" || exit 1
"{python}" -m kcn_reports generate --kind annual "$@" || exit $?
if command -v xdg-open >/dev/null 2>&1; then xdg-open outputs >/dev/null 2>&1 &
elif command -v open >/dev/null 2>&1; then open outputs; fi
"""


LAUNCHERS = {"generate.bat": GENERATE_BAT, "generate.sh": GENERATE_SH}


def launcher_name() -> str:
    """The double-click launcher of the platform `init` runs on: one file, no wrong choice."""
    return "generate.bat" if sys.platform == "win32" else "generate.sh"


def init_workspace(folder: Path, example: bool = False) -> list[str]:
    """Create what is missing; never overwrite. Returns Vietnamese lines saying what was done.

    A new workspace gets settings whose organisation, zones and people are marked examples;
    the Sổ theo dõi and the form for enterprises, whose dropdowns list the zones, are made once
    the zones are the office's own (run `init` again, or `form`). With `example`, the sample
    province's settings and its fictitious inputs instead, to try the program on."""
    from kcn_reports.blank_ledger import write_blank_ledger
    from kcn_reports.collection import BLANK_FORM_NAME, FORMS_FOLDER, write_form
    from kcn_reports.generate import ensure_templates

    lines: list[str] = []
    folder.mkdir(parents=True, exist_ok=True)
    settings_path = folder / SETTINGS_FILE
    if settings_path.exists():
        lines.append(f"Giữ nguyên tệp cài đặt đã có: {settings_path}")
    elif example:
        atomic_write_text(settings_path, DEFAULT_SETTINGS)
        lines.append(f"Đã tạo tệp cài đặt của tỉnh mẫu (dữ liệu hư cấu, để thử): {settings_path}")
    else:
        atomic_write_text(settings_path, STARTER_SETTINGS)
        lines.append(f"Đã tạo tệp cài đặt: {settings_path}. Các giá trị trong đó là VÍ DỤ: mở "
                     "bằng Notepad, sửa tên cơ quan, danh sách khu công nghiệp, mốc ban đầu, "
                     "người ký, nơi nhận, kỳ báo cáo cho đúng đơn vị mình.")
    settings = load_settings(settings_path)
    for name in ("inputs", "outputs", "report_templates", FORMS_FOLDER):
        (folder / name).mkdir(exist_ok=True)
    inputs = folder / "inputs"
    if example and not any(inputs.iterdir()):
        from kcn_reports.sample import make_sample

        make_sample(inputs)
        lines.append(f"Đã tạo dữ liệu mẫu (Sổ theo dõi, báo cáo của doanh nghiệp): {inputs}")
    zones_are_examples = holds_example(settings, "zones")
    if zones_are_examples:
        lines.append("Chưa tạo Sổ theo dõi và mẫu báo cáo gửi doanh nghiệp vì danh sách khu công "
                     f"nghiệp trong {SETTINGS_FILE} còn là ví dụ. Sửa tệp cài đặt, rồi chạy lại "
                     f"\"kcn-reports init {folder}\" để tạo chúng theo các KCN của đơn vị mình.")
    else:
        zones = [z.name for z in settings.zones]
        ledger = inputs / "So_theo_doi.xlsx"
        if not any(inputs.glob("So_theo_doi*.xlsx")):
            atomic_write(ledger, lambda temp: write_blank_ledger(Path(temp), zones))
            lines.append(f"Đã tạo Sổ theo dõi trống: {ledger}")
        form = folder / FORMS_FOLDER / BLANK_FORM_NAME
        if not form.exists():
            write_form(settings, form)
            lines.append(f"Đã tạo mẫu báo cáo trống gửi doanh nghiệp: {form} (khi sửa danh "
                         "sách KCN hay kỳ báo cáo, tạo lại bằng lệnh kcn-reports form)")
    for made in ensure_templates(folder / "report_templates"):
        lines.append(f"Đã tạo mẫu: {made}")
    name = launcher_name()
    path = folder / name
    if not path.exists():
        path.write_text(LAUNCHERS[name].format(python=sys.executable), encoding="utf-8",
                        newline="\r\n" if name.endswith(".bat") else "\n")
        if name.endswith(".sh"):
            path.chmod(0o755)
        lines.append(f"Đã tạo {path} (bấm đúp để lập báo cáo năm)")
    if not zones_are_examples:
        lines.append("Xong. Đặt các tệp doanh nghiệp gửi về vào thư mục inputs/ rồi chạy "
                     "\"kcn-reports check\".")
    return lines
