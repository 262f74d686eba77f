"""A new workspace (spec §2.1): settings, folders, blank Sổ theo dõi, templates, blank form,
and double-click launchers for Windows and the rest."""

from __future__ import annotations

import sys
from pathlib import Path

from kcn_reports.settings import DEFAULT_SETTINGS, SETTINGS_FILE, load_settings

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


def init_workspace(folder: Path) -> list[str]:
    """Create what is missing; never overwrite. Returns Vietnamese lines saying what was done."""
    from kcn_reports.blank_form import write_blank_form
    from kcn_reports.blank_ledger import write_blank_ledger
    from kcn_reports.generate import ensure_templates

    lines: list[str] = []
    folder.mkdir(parents=True, exist_ok=True)
    settings_path = folder / SETTINGS_FILE
    if settings_path.exists():
        lines.append(f"Giữ nguyên tệp cài đặt đã có: {settings_path}")
    else:
        settings_path.write_text(DEFAULT_SETTINGS, encoding="utf-8")
        lines.append(f"Đã tạo tệp cài đặt: {settings_path} (mở bằng Notepad để sửa tên cơ quan, KCN…)")
    settings = load_settings(settings_path)
    zones = [z.name for z in settings.zones]
    for name in ("inputs", "outputs", "report_templates", "mau"):
        (folder / name).mkdir(exist_ok=True)
    ledger = folder / "inputs" / "So_theo_doi.xlsx"
    if not any((folder / "inputs").glob("So_theo_doi*.xlsx")):
        write_blank_ledger(ledger, zones)
        lines.append(f"Đã tạo Sổ theo dõi trống: {ledger}")
    form = folder / "mau" / "Mau_01_DN-KCN.xlsx"
    if not form.exists():
        write_blank_form(form, zones, recipient=settings.management_board or settings.issuing_body)
        lines.append(f"Đã tạo mẫu báo cáo trống gửi doanh nghiệp: {form}")
    for made in ensure_templates(folder / "report_templates"):
        lines.append(f"Đã tạo mẫu: {made}")
    for name, text in (("generate.bat", GENERATE_BAT), ("generate.sh", GENERATE_SH)):
        path = folder / name
        if not path.exists():
            path.write_text(text.format(python=sys.executable), encoding="utf-8",
                            newline="\r\n" if name.endswith(".bat") else "\n")
            if name.endswith(".sh"):
                path.chmod(0o755)
            lines.append(f"Đã tạo {path} (bấm đúp để lập báo cáo)")
    lines.append("Xong. Đặt các tệp doanh nghiệp gửi về vào thư mục inputs/ rồi chạy "
                 "\"kcn-reports check\".")
    return lines
