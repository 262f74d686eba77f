"""Command line: thin wrappers that parse options, call the library and map results to exit codes.

Heavy modules (pandas, calamine, writers) are imported inside the commands, so `--help` is fast.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from typing import Any

import click

from kcn_reports import __version__, cli_text
from kcn_reports.cli_text import STATE, Choice, Day, Group, Year

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

cli_text.install()

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


class InternalError(click.ClickException):
    """A bug found by the program's own checks (the outputs disagree); exit 3 with its message."""

    exit_code = EXIT_INTERNAL

    def format_message(self) -> str:
        return self.message


@click.group(cls=Group,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
             options_metavar=OPTIONS, subcommand_metavar="LỆNH [THAM SỐ]...")
@click.version_option(__version__, "--version", message="kcn-reports %(version)s")
@click.option("--workspace", "-w", type=click.Path(file_okay=False, path_type=Path),
              default=Path("."), metavar="THƯ_MỤC",
              help="Thư mục làm việc, chứa kcn_reports.toml, inputs/, outputs/ (mặc định: thư "
                   "mục hiện tại).")
@click.option("--no-cache", is_flag=True,
              help="Đọc lại mọi tệp, không dùng kết quả đã lưu của lần chạy trước.")
@click.pass_context
def cli(ctx: click.Context, workspace: Path, no_cache: bool) -> None:
    """kcn-reports — tổng hợp báo cáo của doanh nghiệp các khu công nghiệp.

    Đặt các tệp Excel doanh nghiệp gửi về vào thư mục inputs/, rồi chạy
    "kcn-reports check" để kiểm tra hoặc "kcn-reports generate" để lập báo cáo.
    """
    ctx.obj = {"workspace": workspace, "cache": not no_cache}


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
        # The period being collected, when the settings name it, is the one whose completeness
        # is told; otherwise the latest period returned.
        return check_inputs(folder, settings, progress=progress, cache=_cache(ctx, settings),
                            period=settings.collection.period)


def _settings(ctx: click.Context) -> Any:
    from kcn_reports.settings import SettingsError, workspace_settings

    if ctx.obj.get("settings") is None:
        workspace: Path = ctx.obj["workspace"]
        try:
            ctx.obj["settings"] = workspace_settings(workspace)
        except SettingsError as exc:
            raise UserError(str(exc)) from None
    return ctx.obj["settings"]


def _example_notice(settings: Any, err: bool = False) -> None:
    """Say once, plainly, which settings still hold the examples `init` wrote."""
    from kcn_reports.settings import example_notice

    notice = example_notice(settings)
    if notice:
        click.echo("\n" + notice, err=err)


@cli.command("form", options_metavar=OPTIONS)
@click.option("--out", "out", type=click.Path(path_type=Path), default=None, metavar="ĐƯỜNG_DẪN",
              help="Nơi lưu: tệp mẫu trống (mặc định: mau/Mau_01_DN-KCN.xlsx); với "
                   "--per-enterprise là thư mục (mặc định: mau/<kỳ báo cáo>/).")
@click.option("--per-enterprise", "per_enterprise", is_flag=True,
              help="Mỗi doanh nghiệp đang hoạt động trong Sổ theo dõi một mẫu riêng: ghi sẵn và "
                   "khóa tên, mã số thuế, KCN, loại hình, quốc gia nhà đầu tư, kỳ báo cáo; kèm "
                   "số liệu kỳ trước để tham khảo.")
@click.option("--inputs", "inputs", type=click.Path(path_type=Path), default=None,
              metavar="THƯ_MỤC",
              help="Thư mục chứa Sổ theo dõi và các báo cáo đã nhận (mặc định: inputs/), dùng "
                   "với --per-enterprise.")
@click.pass_context
def form_command(ctx: click.Context, out: Path | None, per_enterprise: bool,
                 inputs: Path | None) -> None:
    """Tạo mẫu báo cáo (Mẫu số 01/DN-KCN) để gửi cho doanh nghiệp.

    Danh sách KCN, tên cơ quan và kỳ báo cáo lấy từ kcn_reports.toml; sửa cài đặt thì chạy
    lại lệnh này để có mẫu mới.
    """
    from kcn_reports.collection import (
        BLANK_FORM_NAME,
        FORMS_FOLDER,
        CollectionError,
        enterprise_forms,
        period_slug,
        write_enterprise_forms,
        write_form,
    )
    from kcn_reports.screen import render_blank_form, render_enterprise_forms

    settings = _settings(ctx)
    workspace: Path = ctx.obj["workspace"]
    _example_notice(settings, err=True)
    if not per_enterprise:
        target = out or workspace / FORMS_FOLDER / BLANK_FORM_NAME
        if target.is_dir():
            target = target / BLANK_FORM_NAME
        write_form(settings, target)
        click.echo(render_blank_form(target, settings))
        return
    report = _checked(ctx, inputs)
    try:
        forms = enterprise_forms(report, settings)
    except CollectionError as exc:
        raise UserError(str(exc)) from None
    assert settings.collection.period is not None
    folder = out or workspace / FORMS_FOLDER / period_slug(settings.collection.period)
    written = write_enterprise_forms(forms, folder, settings)
    click.echo(render_enterprise_forms(forms, written, folder, settings.collection.period))


@cli.command("feedback", options_metavar=OPTIONS)
@click.option("--inputs", "inputs", type=click.Path(path_type=Path), default=None,
              metavar="THƯ_MỤC",
              help="Thư mục chứa các tệp nhận được (mặc định: inputs/ trong thư mục làm việc).")
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default=None,
              metavar="THƯ_MỤC",
              help="Thư mục kết quả (mặc định: outputs/); các tệp ghi vào phan-hoi-<kỳ báo cáo>/.")
@click.option("--format", "fmt", type=Choice(["docx", "xlsx"]), default=None,
              help="Thư Word (docx) hay bảng Excel (xlsx); mặc định theo kcn_reports.toml.")
@click.pass_context
def feedback_command(ctx: click.Context, inputs: Path | None, out: Path | None,
                     fmt: str | None) -> None:
    """Ghi thông báo gửi từng doanh nghiệp: lỗi cần sửa, hoặc nhắc gửi báo cáo.

    Doanh nghiệp có báo cáo bị loại hoặc cần kiểm tra: từng lỗi với sheet, ô, giá trị đã ghi,
    cách sửa. Doanh nghiệp chưa gửi: nhắc gửi kèm hạn nộp. Màn hình liệt kê ai nhận tệp nào,
    kèm số điện thoại.
    """
    from kcn_reports.feedback import write_feedback
    from kcn_reports.screen import render_feedback

    settings = _settings(ctx)
    workspace: Path = ctx.obj["workspace"]
    report = _checked(ctx, inputs)
    run = write_feedback(report, settings, out or workspace / "outputs", workspace=workspace,
                         fmt=fmt)
    click.echo(render_feedback(run))
    _example_notice(settings)


@cli.command("check", options_metavar=OPTIONS)
@click.option("--inputs", "inputs", type=click.Path(path_type=Path), default=None,
              metavar="THƯ_MỤC",
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
        click.echo(report.to_json())
    else:
        click.echo(render_check(report))
        if excel is not None:
            click.echo(f"\nĐã ghi danh sách lỗi: {excel}")
    _example_notice(_settings(ctx), err=as_json)
    ctx.exit(EXIT_PROBLEMS if report.has_errors else EXIT_OK)


@cli.command("generate", options_metavar=OPTIONS)
@click.option("--kind", type=Choice(["two-year", "annual"]), required=True,
              help="Loại báo cáo: two-year (sơ kết hai năm, từ mốc ban đầu) hoặc annual (năm).")
@click.option("--year", type=Year(), default=None,
              help="Năm báo cáo (mặc định: năm gần nhất có báo cáo của doanh nghiệp), "
                   f"{cli_text.YEAR_HELP}.")
@click.option("--as-of", "as_of", type=Day(), default=None,
              help="Ngày chốt số liệu, dạng dd/mm/yyyy hoặc yyyy-mm-dd (mặc định: hôm nay).")
@click.option("--inputs", "inputs", type=click.Path(path_type=Path), default=None,
              metavar="THƯ_MỤC", help="Thư mục chứa các tệp nhận được (mặc định: inputs/).")
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default=None,
              metavar="THƯ_MỤC", help="Thư mục kết quả (mặc định: outputs/).")
@click.option("--pdf", is_flag=True, default=None, help="Xuất thêm bản PDF (cần LibreOffice).")
@click.pass_context
def generate_command(ctx: click.Context, kind: str, year: int | None, as_of: Any,
                     inputs: Path | None, out: Path | None, pdf: bool | None) -> None:
    """Đọc, kiểm tra và lập báo cáo Word, bảng tổng hợp Excel, figures.json."""
    from kcn_reports.generate import generate
    from kcn_reports.invariants import InvariantError
    from kcn_reports.screen import render_generate

    settings = _settings(ctx)
    _example_notice(settings, err=True)  # first: the run may stop with a message of its own
    workspace: Path = ctx.obj["workspace"]
    folder = _inputs_folder(ctx, inputs)
    if year is not None and as_of is not None:
        raise UserError("Chỉ dùng một trong hai: --year hoặc --as-of.")
    from kcn_reports.atomic import OutputLocked
    from kcn_reports.outputs import OutputBusy
    from kcn_reports.screen import render_template_problem
    from kcn_reports.template_check import TemplateProblem

    with _progress("Đang đọc tệp") as progress:
        try:
            result = generate(settings, kind, folder, out or workspace / "outputs",
                              workspace / "report_templates", year=year, as_of=as_of,
                              pdf=settings.pdf if pdf is None else pdf, progress=progress,
                              cache=_cache(ctx, settings))
        except ValueError as exc:
            raise UserError(str(exc)) from None
        except TemplateProblem as exc:
            raise UserError(render_template_problem(exc)) from None
        except (OutputLocked, OutputBusy) as exc:
            raise UserError(str(exc)) from None
        except InvariantError as exc:
            raise InternalError(str(exc)) from None
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
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
                metavar="[THƯ_MỤC]")
@click.option("--example", is_flag=True,
              help="Tạo thư mục làm việc mẫu: cài đặt và dữ liệu hư cấu của tỉnh mẫu (để thử).")
def init_command(folder: Path, example: bool) -> None:
    """Tạo thư mục làm việc mới: cài đặt (giá trị ví dụ để sửa), các mẫu Word/Excel; sau khi
    sửa cài đặt, chạy lại để tạo Sổ theo dõi trống và mẫu báo cáo gửi doanh nghiệp."""
    from kcn_reports.settings import SettingsError
    from kcn_reports.workspace import init_workspace

    try:
        lines = init_workspace(folder, example=example)
    except SettingsError as exc:
        raise UserError(str(exc)) from None
    for line in lines:
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
              metavar="THƯ_MỤC",
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
    STATE.debug = False
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
            click.echo(f"Lỗi: {os_error_text(exc)}", err=True)
        if STATE.debug:
            traceback.print_exc()
        sys.exit(EXIT_USAGE)
    except Exception:  # noqa: BLE001 - last resort: a message, not a stack
        if STATE.debug:
            traceback.print_exc()
        else:
            click.echo("Lỗi chương trình không mong muốn. Chạy lại với --debug để xem chi tiết "
                       "và gửi cho người phát triển.", err=True)
        sys.exit(EXIT_INTERNAL)
    sys.exit(code if isinstance(code, int) else EXIT_OK)


_ERRNO_VI = {
    "EACCES": "không có quyền, hoặc tệp đang mở trong chương trình khác",
    "EPERM": "không có quyền, hoặc tệp đang mở trong chương trình khác",
    "ENOENT": "không tìm thấy",
    "ENOSPC": "ổ đĩa đã đầy",
    "EROFS": "ổ đĩa chỉ cho đọc",
    "EEXIST": "đã có tệp cùng tên",
    "ENOTDIR": "không phải thư mục",
    "EISDIR": "là thư mục, không phải tệp",
    "ENAMETOOLONG": "tên hoặc đường dẫn quá dài",
    "EBUSY": "đang được chương trình khác dùng",
}


def os_error_text(exc: OSError) -> str:
    """An operating-system error in Vietnamese (its own text is in the system's language)."""
    import errno

    what = _ERRNO_VI.get(errno.errorcode.get(exc.errno or 0, ""), "")
    where = exc.filename or ""
    if not what:
        what = f"lỗi hệ thống số {exc.errno}" if exc.errno else "lỗi hệ thống"
    return f"Không đọc/ghi được {where}: {what}." if where else f"Lỗi khi đọc/ghi tệp: {what}."
