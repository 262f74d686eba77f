"""Command line: thin wrappers that parse options, call the library and map results to exit codes.

Heavy modules (pandas, calamine, writers) are imported inside the commands, so `--help` is fast.
"""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path
from typing import Any

import click

from kcn_reports import __version__

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

# Click's own words, in Vietnamese (click looks them up through a module-level gettext `_`).
_CLICK_VI = {
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "Show the version and exit.": "Hiện phiên bản rồi thoát.",
    "Error": "Lỗi",
    "Try '{command} {option}' for help.": "Gõ '{command} {option}' để xem hướng dẫn.",
    "No such option: {name}": "Không có tùy chọn: {name}",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "Missing argument '{param_hint}'.": "Thiếu tham số '{param_hint}'.",
    "Missing option '{param_hint}'.": "Thiếu tùy chọn '{param_hint}'.",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Got unexpected extra argument ({args})": "Thừa tham số ({args})",
    "Got unexpected extra arguments ({args})": "Thừa các tham số ({args})",
    "Option '{name}' requires an argument.": "Tùy chọn '{name}' cần một giá trị.",
    "{value!r} is not one of {choices}.": "{value!r} không thuộc {choices}.",
    "{value!r} is not a valid integer.": "{value!r} không phải số nguyên.",
    "Directory {name} does not exist.": "Thư mục {name} không tồn tại.",
    "Path {name} does not exist.": "Đường dẫn {name} không tồn tại.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
    "Directory": "Thư mục",
    "File": "Tệp",
    "Path": "Đường dẫn",
    "(dynamic)": "(tự động)",
    "default:": "mặc định:",
    "required": "bắt buộc",
}


def _vi(message: str) -> str:
    return _CLICK_VI.get(message, message)


for _module in ("core", "exceptions", "decorators", "types", "parser", "formatting"):
    _mod = sys.modules.get(f"click.{_module}")
    if _mod is not None and hasattr(_mod, "_"):
        _mod._ = _vi  # type: ignore[attr-defined]


def _utf8_console() -> None:
    """The office runs Windows consoles; make sure Vietnamese prints instead of crashing."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure and (getattr(stream, "encoding", "") or "").lower() not in ("utf-8", "utf8"):
            try:
                reconfigure(encoding="utf-8", errors="replace")
            except (OSError, ValueError):
                pass


class UserError(click.ClickException):
    """A problem the user can fix (settings, paths); printed without a traceback, exit 2."""

    exit_code = EXIT_USAGE

    def format_message(self) -> str:
        return self.message


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", message="kcn-reports %(version)s")
@click.option("--workspace", "-w", type=click.Path(file_okay=False, path_type=Path),
              default=Path("."), show_default=".",
              help="Thư mục làm việc (chứa kcn_reports.toml, inputs/, outputs/).")
@click.option("--debug", is_flag=True, help="Khi có lỗi chương trình, in đầy đủ vết lỗi (traceback).")
@click.pass_context
def cli(ctx: click.Context, workspace: Path, debug: bool) -> None:
    """kcn-reports — tổng hợp báo cáo của doanh nghiệp các khu công nghiệp.

    Đặt các tệp Excel doanh nghiệp gửi về vào thư mục inputs/, rồi chạy
    "kcn-reports check" để kiểm tra hoặc "kcn-reports generate" để lập báo cáo.
    """
    ctx.obj = {"workspace": workspace, "debug": debug}


def _settings(ctx: click.Context) -> Any:
    from kcn_reports.settings import SETTINGS_FILE, SettingsError, load_settings

    workspace: Path = ctx.obj["workspace"]
    try:
        return load_settings(workspace / SETTINGS_FILE)
    except SettingsError as exc:
        raise UserError(str(exc)) from None


@cli.command("form")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Nơi lưu mẫu trống (mặc định: outputs/Mau_01_DN-KCN.xlsx).")
@click.pass_context
def form_command(ctx: click.Context, out: Path | None) -> None:
    """Tạo mẫu báo cáo trống (Mẫu số 01/DN-KCN) để gửi cho doanh nghiệp."""
    from kcn_reports.blank_form import write_blank_form

    settings = _settings(ctx)
    target = out or ctx.obj["workspace"] / "outputs" / "Mau_01_DN-KCN.xlsx"
    target.parent.mkdir(parents=True, exist_ok=True)
    write_blank_form(target, [z.name for z in settings.zones],
                     recipient=settings.management_board or settings.issuing_body.title())
    click.echo(f"Đã tạo mẫu báo cáo trống: {target}")


@cli.command("check")
@click.option("--inputs", "inputs", type=click.Path(path_type=Path), default=None,
              help="Thư mục chứa các tệp nhận được (mặc định: inputs/ trong thư mục làm việc).")
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON (cho máy đọc).")
@click.pass_context
def check_command(ctx: click.Context, inputs: Path | None, as_json: bool) -> None:
    """Đọc và kiểm tra các tệp, không lập báo cáo.

    Thoát với mã 0 khi không có lỗi, 1 khi có lỗi, 2 khi sai cách dùng hoặc sai cài đặt.
    """
    from kcn_reports.check import check_inputs
    from kcn_reports.screen import render_check

    settings = _settings(ctx)
    folder = inputs or ctx.obj["workspace"] / "inputs"
    if not folder.is_dir():
        raise UserError(f"Không tìm thấy thư mục đầu vào: {folder}")
    report = check_inputs(folder, settings)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(render_check(report))
    ctx.exit(EXIT_PROBLEMS if report.has_errors else EXIT_OK)


def main() -> None:
    """Console entry point: Vietnamese messages, tracebacks only with --debug."""
    _utf8_console()
    try:
        code = cli.main(standalone_mode=False, prog_name="kcn-reports")
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("Đã dừng.", err=True)
        sys.exit(EXIT_USAGE)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("Đã dừng theo yêu cầu.", err=True)
        sys.exit(130)
    except Exception:  # noqa: BLE001 - last resort: a message, not a stack
        if "--debug" in sys.argv:
            traceback.print_exc()
        else:
            click.echo("Lỗi chương trình không mong muốn. Chạy lại với --debug để xem chi tiết "
                       "và gửi cho người phát triển.", err=True)
        sys.exit(3)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
