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
    "Positional arguments": "Tham số",
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "Show the version and exit.": "Hiện phiên bản rồi thoát.",
    "Error: {message}": "Lỗi: {message}",
    "Aborted!": "Đã dừng.",
    "Try '{command} {option}' for help.": "Gõ '{command} {option}' để xem hướng dẫn.",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "Missing command.": "Thiếu tên lệnh.",
    "Missing argument": "Thiếu tham số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Option {name!r} requires an argument.": "Tùy chọn {name!r} cần một giá trị.",
    "Option {name!r} requires {nargs} values.": "Tùy chọn {name!r} cần {nargs} giá trị.",
    "Got unexpected extra argument ({args})": "Thừa tham số ({args})",
    "Got unexpected extra arguments ({args})": "Thừa các tham số ({args})",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải số hợp lệ.",
    "{value!r} is not one of {choices}.": "{value!r} không thuộc {choices}.",
    "{value!r} is not {choice}.": "{value!r} không phải {choice}.",
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng {range}.",
    "{value!r} does not match the format {format}.": "{value!r} không đúng dạng {format}.",
    "{value!r} does not match the formats {formats}.": "{value!r} không đúng các dạng {formats}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
    "{name} {filename!r} is a file.": "{name} {filename!r} là một tệp, cần thư mục.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là thư mục, cần một tệp.",
    "directory": "Thư mục",
    "file": "Tệp",
    "path": "Đường dẫn",
    "(dynamic)": "(tự động)",
    "default: {default}": "mặc định: {default}",
    "required": "bắt buộc",
}


def _vi(message: str) -> str:
    return _CLICK_VI.get(message, message)


def _vi_plural(singular: str, plural: str, n: int) -> str:
    return _vi(singular if n == 1 else plural)


for _module in ("core", "exceptions", "decorators", "types", "parser", "formatting", "utils",
                "termui"):
    _mod = sys.modules.get(f"click.{_module}")
    if _mod is not None:
        if hasattr(_mod, "_"):
            _mod._ = _vi  # type: ignore[attr-defined]
        if hasattr(_mod, "ngettext"):
            _mod.ngettext = _vi_plural  # type: ignore[attr-defined]

OPTIONS = "[TÙY CHỌN]"


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


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
             options_metavar=OPTIONS, subcommand_metavar="LỆNH [THAM SỐ]...")
@click.version_option(__version__, "--version", message="kcn-reports %(version)s")
@click.option("--workspace", "-w", type=click.Path(file_okay=False, path_type=Path),
              default=Path("."), show_default=".",
              help="Thư mục làm việc (chứa kcn_reports.toml, inputs/, outputs/).")
@click.option("--debug", is_flag=True, help="Khi có lỗi chương trình, in đầy đủ vết lỗi (traceback).")
@click.option("--no-cache", is_flag=True,
              help="Đọc lại mọi tệp, không dùng kết quả đã lưu của lần chạy trước.")
@click.pass_context
def cli(ctx: click.Context, workspace: Path, debug: bool, no_cache: bool) -> None:
    """kcn-reports — tổng hợp báo cáo của doanh nghiệp các khu công nghiệp.

    Đặt các tệp Excel doanh nghiệp gửi về vào thư mục inputs/, rồi chạy
    "kcn-reports check" để kiểm tra hoặc "kcn-reports generate" để lập báo cáo.
    """
    ctx.obj = {"workspace": workspace, "debug": debug, "cache": not no_cache}


def _cache(ctx: click.Context, settings: Any) -> Any:
    """The per-user result cache, unless --no-cache."""
    if not ctx.obj["cache"]:
        return None
    import datetime as dt

    from kcn_reports.cache import ResultCache, default_cache_dir

    return ResultCache(default_cache_dir(), settings, dt.date.today())


def _inputs_folder(ctx: click.Context, inputs: Path | None) -> Path:
    folder: Path = inputs or ctx.obj["workspace"] / "inputs"
    if not folder.is_dir():
        raise UserError(f"Không tìm thấy thư mục đầu vào: {folder}")
    return folder


def _checked(ctx: click.Context, inputs: Path | None) -> Any:
    """Read and check every file of the inputs folder, with a progress bar."""
    from kcn_reports.check import check_inputs

    settings = _settings(ctx)
    folder = _inputs_folder(ctx, inputs)
    with _progress("Đang đọc tệp") as progress:
        return check_inputs(folder, settings, progress=progress, cache=_cache(ctx, settings))


def _settings(ctx: click.Context) -> Any:
    from kcn_reports.settings import SETTINGS_FILE, SettingsError, load_settings

    workspace: Path = ctx.obj["workspace"]
    try:
        return load_settings(workspace / SETTINGS_FILE)
    except SettingsError as exc:
        raise UserError(str(exc)) from None


@cli.command("form", options_metavar=OPTIONS)
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


@cli.command("check", options_metavar=OPTIONS)
@click.option("--inputs", "inputs", type=click.Path(path_type=Path), default=None,
              help="Thư mục chứa các tệp nhận được (mặc định: inputs/ trong thư mục làm việc).")
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON (cho máy đọc).")
@click.option("--excel", "excel", type=click.Path(dir_okay=False, path_type=Path), default=None,
              metavar="TỆP", help="Ghi thêm danh sách lỗi ra tệp Excel (để lọc và gửi lại doanh nghiệp).")
@click.pass_context
def check_command(ctx: click.Context, inputs: Path | None, as_json: bool,
                  excel: Path | None) -> None:
    """Đọc và kiểm tra các tệp, không lập báo cáo.

    Thoát với mã 0 khi không có lỗi, 1 khi có lỗi, 2 khi sai cách dùng hoặc sai cài đặt.
    """
    from kcn_reports.screen import render_check

    report = _checked(ctx, inputs)
    if excel is not None:
        from kcn_reports.excel_summary import write_problem_list

        write_problem_list(excel, report)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(render_check(report))
        if excel is not None:
            click.echo(f"\nĐã ghi danh sách lỗi: {excel}")
    ctx.exit(EXIT_PROBLEMS if report.has_errors else EXIT_OK)


@cli.command("generate", options_metavar=OPTIONS)
@click.option("--kind", type=click.Choice(["two-year", "annual"]), required=True,
              help="Loại báo cáo: two-year (sơ kết hai năm, từ mốc ban đầu) hoặc annual (năm).")
@click.option("--year", type=int, default=None, help="Năm báo cáo (báo cáo năm).")
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d", "%d/%m/%Y"]),
              default=None, help="Ngày chốt số liệu, dạng YYYY-MM-DD hoặc dd/mm/yyyy (mặc định: hôm nay).")
@click.option("--inputs", "inputs", type=click.Path(path_type=Path), default=None,
              help="Thư mục chứa các tệp nhận được (mặc định: inputs/).")
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Thư mục kết quả (mặc định: outputs/).")
@click.option("--pdf", is_flag=True, default=None, help="Xuất thêm bản PDF (cần LibreOffice).")
@click.pass_context
def generate_command(ctx: click.Context, kind: str, year: int | None, as_of: Any,
                     inputs: Path | None, out: Path | None, pdf: bool | None) -> None:
    """Đọc, kiểm tra và lập báo cáo Word, bảng tổng hợp Excel, figures.json."""
    from kcn_reports.generate import generate
    from kcn_reports.screen import render_generate

    settings = _settings(ctx)
    workspace: Path = ctx.obj["workspace"]
    folder = _inputs_folder(ctx, inputs)
    if year is not None and as_of is not None:
        raise UserError("Chỉ dùng một trong hai: --year hoặc --as-of.")
    with _progress("Đang đọc tệp") as progress:
        try:
            result = generate(settings, kind, folder, out or workspace / "outputs",
                              workspace / "report_templates", year=year,
                              as_of=as_of.date() if as_of else None,
                              pdf=settings.pdf if pdf is None else pdf, progress=progress,
                              cache=_cache(ctx, settings))
        except ValueError as exc:
            raise UserError(str(exc)) from None
    click.echo(render_generate(result))


class _progress:
    """A tqdm bar on stderr while files are read. None when stderr is not a terminal, nor when
    everything came from the cache at once (tqdm costs 40 ms to import)."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar: Any = None

    def __enter__(self) -> Any:
        def update(done: int, total: int) -> None:
            if self.bar is None:
                if done >= total or not sys.stderr.isatty():
                    return
                from tqdm import tqdm

                self.bar = tqdm(total=total, desc=self.label, unit=" tệp", leave=False)
            self.bar.update(done - self.bar.n)

        return update

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()


@cli.command("init", options_metavar=OPTIONS)
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=Path("."))
def init_command(folder: Path) -> None:
    """Tạo thư mục làm việc mới: cài đặt, Sổ theo dõi trống, các mẫu, mẫu báo cáo trống."""
    from kcn_reports.workspace import init_workspace

    for line in init_workspace(folder):
        click.echo(line)


@cli.group("templates", options_metavar=OPTIONS, subcommand_metavar="LỆNH [THAM SỐ]...")
def templates_group() -> None:
    """Các mẫu báo cáo trong thư mục report_templates/ (Word, Excel)."""


@templates_group.command("check", options_metavar=OPTIONS)
@click.argument("file", metavar="[TỆP]", required=False,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_context
def templates_check_command(ctx: click.Context, file: Path | None) -> None:
    """Kiểm tra mẫu Word (.docx) và mẫu biểu Excel (.xlsx) sau khi sửa.

    Tìm thẻ {{ … }}, {% … %} bị Word làm hỏng (gõ tách, dấu nháy cong, trường hoặc liên kết
    chen vào giữa thẻ), lỗi cú pháp (thiếu {% endfor %}, {% endif %}), tên số liệu và bộ lọc
    không có. Không ghi TỆP thì kiểm tra mọi mẫu trong report_templates/.

    Thoát với mã 0 khi không có lỗi, 1 khi có lỗi, 2 khi sai cách dùng.
    """
    from kcn_reports.screen import render_template_check
    from kcn_reports.template_check import (
        EXCEL_SUFFIXES,
        WORD_SUFFIXES,
        check_template,
        template_files,
    )

    if file is not None:
        if file.suffix.lower() not in WORD_SUFFIXES + EXCEL_SUFFIXES:
            raise UserError(f"Chỉ kiểm tra được mẫu Word (.docx) hoặc Excel (.xlsx): {file}")
        files = [file]
    else:
        folder = ctx.obj["workspace"] / "report_templates"
        files = template_files(folder) if folder.is_dir() else []
        if not files:
            raise UserError(f"Không có mẫu nào (.docx, .xlsx) trong thư mục {folder}.")
    results = [(path.name, check_template(path)) for path in files]
    click.echo(render_template_check(results))
    failed = any(i.severity == "error" for _, issues in results for i in issues)
    ctx.exit(EXIT_PROBLEMS if failed else EXIT_OK)


@cli.command("export", options_metavar=OPTIONS)
@click.option("--sqlite", "sqlite_path", metavar="TỆP", required=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="Tệp cơ sở dữ liệu SQLite (tạo mới nếu chưa có; chạy lại thì cập nhật, "
                   "không nhân đôi dòng).")
@click.option("--inputs", "inputs", type=click.Path(path_type=Path), default=None,
              help="Thư mục chứa các tệp nhận được (mặc định: inputs/ trong thư mục làm việc).")
@click.pass_context
def export_command(ctx: click.Context, sqlite_path: Path, inputs: Path | None) -> None:
    """Đọc, kiểm tra rồi xuất mọi số liệu ra một cơ sở dữ liệu SQLite.

    Các bảng: files (mọi tệp), returns (báo cáo được nhận, mỗi chỉ tiêu một cột), problems
    (lỗi, cảnh báo), ledger_… (các sheet của Sổ theo dõi), meta. Cấu trúc bảng xem README.
    """
    from kcn_reports.export import ExportError, export_sqlite
    from kcn_reports.screen import render_export

    report = _checked(ctx, inputs)
    try:
        stats = export_sqlite(report, sqlite_path)
    except ExportError as exc:
        raise UserError(str(exc)) from None
    click.echo(render_export(stats, report))


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
    except OSError as exc:
        # Outputs locked by Word/Excel, a full disk, a folder without write permission: the
        # user can fix these, so a message rather than a stack.
        from kcn_reports.atomic import OutputLocked

        if isinstance(exc.__cause__, PermissionError) or isinstance(exc, OutputLocked):
            click.echo(f"Lỗi: {exc}", err=True)
        else:
            click.echo(f"Lỗi khi đọc/ghi tệp: {exc.strerror or exc} ({exc.filename or ''}).", err=True)
        if "--debug" in sys.argv:
            traceback.print_exc()
        sys.exit(EXIT_USAGE)
    except Exception:  # noqa: BLE001 - last resort: a message, not a stack
        if "--debug" in sys.argv:
            traceback.print_exc()
        else:
            click.echo("Lỗi chương trình không mong muốn. Chạy lại với --debug để xem chi tiết "
                       "và gửi cho người phát triển.", err=True)
        sys.exit(3)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
