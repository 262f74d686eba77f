"""The command line's own words in Vietnamese: click's messages, help layout, option types.

click looks every message up through a module-level gettext `_` / `ngettext`; `install()`
points those at `CLICK_VI`. A test lists every message click can show (by reading click's
source) and fails when one is missing here, so a click upgrade cannot bring English back.
Option types whose click messages or metavars are developer notation (`INTEGER`,
`[%Y-%m-%d|%d/%m/%Y]`, `'%d/%m/%Y'`) are replaced by the small types below.

Kept light: imported by `cli.py`, so by `kcn-reports --help`.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from typing import Any

import click

CLICK_VI: dict[str, str] = {
    # Help pages
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Positional arguments": "Tham số",
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "Show the version and exit.": "Hiện phiên bản rồi thoát.",
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    "(dynamic)": "(tự động)",
    "default: {default}": "mặc định: {default}",
    "env var: {var}": "biến môi trường: {var}",
    "required": "bắt buộc",
    "deprecated": "không còn dùng",
    # Errors and their frame
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Gõ '{command} {option}' để xem hướng dẫn.",
    "Aborted!": "Đã dừng.",
    "unknown error": "lỗi không rõ",
    "No such option {name!r}.": "Không có tùy chọn '{name}'.",
    "No such command {name!r}.": "Không có lệnh '{name}'.",
    "Did you mean {possibility}?": "Có phải là {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Có phải là một trong: {possibilities}?)",
    "Missing command.": "Thiếu tên lệnh.",
    "Missing argument": "Thiếu tham số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing {param_type}": "Thiếu {param_type}",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Option {name!r} does not take a value.": "Tùy chọn '{name}' không nhận giá trị.",
    "Option {name!r} requires an argument.": "Tùy chọn '{name}' cần một giá trị.",
    "Option {name!r} requires {nargs} arguments.": "Tùy chọn '{name}' cần {nargs} giá trị.",
    "Argument {name!r} takes {nargs} values.": "Tham số '{name}' cần {nargs} giá trị.",
    "Invalid start character for option ({option})": "Tùy chọn viết sai ký tự đầu ({option})",
    "Got unexpected extra argument ({args})": "Thừa tham số ({args})",
    "Got unexpected extra arguments ({args})": "Thừa các tham số ({args})",
    "Takes {nargs} values but 1 was given.": "Cần {nargs} giá trị nhưng chỉ có 1.",
    "Takes {nargs} values but {len} were given.": "Cần {nargs} giá trị nhưng có {len}.",
    "Value must be an iterable.": "Giá trị phải là một danh sách.",
    "Could not open file {filename!r}: {message}": "Không mở được tệp '{filename}': {message}",
    # Values of the standard types
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    "Choice({choices})": "Một trong ({choices})",
    "{value!r} is not {choice}.": "'{value}' không phải là {choice}.",
    "{value!r} is not one of {choices}.": "'{value}' không thuộc các giá trị {choices}.",
    "{value!r} is not a valid {number_type}.": "'{value}' không phải là số.",
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng cho phép {range}.",
    "{value!r} does not match the format {format}.": "'{value}' không đúng dạng {format}.",
    "{value!r} does not match the formats {formats}.": "'{value}' không đúng các dạng {formats}.",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "'{value}' không phải có/không; chỉ nhận: {states}",
    "{value!r} is not a valid UUID.": "'{value}' không phải mã UUID.",
    "{len_type} values are required, but {len_value} was given.":
        "Cần {len_type} giá trị nhưng có {len_value}.",
    "{len_type} values are required, but {len_value} were given.":
        "Cần {len_type} giá trị nhưng có {len_value}.",
    "file": "Tệp",
    "directory": "Thư mục",
    "path": "Đường dẫn",
    "{name} {filename!r} does not exist.": "{name} '{filename}' không tồn tại.",
    "{name} {filename!r} is a file.": "{name} '{filename}' là một tệp, cần một thư mục.",
    "{name} {filename!r} is a directory.": "{name} '{filename}' là một thư mục, cần một tệp.",
    "{name} {filename!r} is not readable.": "{name} '{filename}' không đọc được (không có quyền).",
    "{name} {filename!r} is not writable.": "{name} '{filename}' không ghi được (không có quyền).",
    "{name} {filename!r} is not executable.": "{name} '{filename}' không chạy được.",
    # Prompts and the terminal (not used by the commands today; kept so none can leak)
    "Do you want to continue?": "Tiếp tục không?",
    "Confirm the action without prompting.": "Xác nhận luôn, không hỏi lại.",
    "Repeat for confirmation": "Nhập lại để xác nhận",
    "Error: The two entered values do not match.": "Lỗi: hai lần nhập không giống nhau.",
    "Error: invalid input": "Lỗi: giá trị nhập không hợp lệ",
    "Press any key to continue...": "Bấm phím bất kỳ để tiếp tục...",
    "d": "ngày",
    "{editor}: Editing failed": "{editor}: không sửa được",
    "{editor}: Editing failed: {e}": "{editor}: không sửa được: {e}",
    "Windows error: {error}": "Lỗi Windows: {error}",
}

# Raised by click only for mistakes in a program's own declarations, never by what a user types.
DEVELOPER_ONLY = frozenset({
    "Name '{name}' defined twice",
    "Boolean option {decl!r} cannot use the same flag for true/false.",
    "Could not determine name for option with declarations {decls!r}",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument "
    "instead? Did you mean to pass '--{name}'?",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}",
    "Unknown color {colour!r}",
    "Unknown standard stream '{name}'",
    "Couldn't detect Bash version, shell completion is not supported.",
    "Shell completion is not supported for Bash versions older than 4.4.",
})

YEAR_HELP = "dạng 4 chữ số, ví dụ 2026"
DATE_FORMS = "dd/mm/yyyy (ví dụ 30/11/2026) hoặc yyyy-mm-dd (2026-11-30)"


def vi(message: str) -> str:
    """click's English message -> Vietnamese (unknown ones pass through, and a test fails)."""
    return CLICK_VI.get(message, message)


def _vi_plural(singular: str, plural: str, n: int) -> str:
    return vi(singular if n == 1 else plural)


def install() -> None:
    """Point click's gettext lookups at `CLICK_VI`, and keep hyphenated words whole when click
    wraps help text ("kcn-reports" must not be split at the end of a line)."""
    for name in ("core", "exceptions", "decorators", "types", "parser", "formatting", "utils",
                 "termui", "_termui_impl", "shell_completion", "_winconsole"):
        module = sys.modules.get(f"click.{name}")
        if module is not None:
            if hasattr(module, "_"):
                module._ = vi  # type: ignore[attr-defined]
            if hasattr(module, "ngettext"):
                module.ngettext = _vi_plural  # type: ignore[attr-defined]
    from click import _textwrap

    base = _textwrap.TextWrapper
    if not getattr(base, "kcn_whole_words", False):
        class WholeWords(base):  # type: ignore[misc,valid-type]
            kcn_whole_words = True

            def __init__(self, *args: Any, **kwargs: Any) -> None:
                kwargs.setdefault("break_on_hyphens", False)
                kwargs.setdefault("break_long_words", False)
                super().__init__(*args, **kwargs)

        _textwrap.TextWrapper = WholeWords  # type: ignore[misc]


# --- --debug on every command -------------------------------------------------------------------

class _State:
    debug = False


STATE = _State()


def _set_debug(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        STATE.debug = True


def debug_option() -> click.Option:
    """`--debug`, accepted before or after any command name."""
    return click.Option(["--debug"], is_flag=True, expose_value=False, is_eager=True,
                        callback=_set_debug,
                        help="Khi có lỗi chương trình, in đầy đủ vết lỗi (traceback).")


def _with_debug(params: list[click.Parameter]) -> None:
    if not any(isinstance(p, click.Option) and "--debug" in p.opts for p in params):
        params.append(debug_option())


class Command(click.Command):
    """A command with `--debug`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _with_debug(self.params)


class Group(click.Group):
    """A group whose commands get `--debug` and whose command list is never cut with "...".
    """

    command_class = Command
    group_class = type  # subgroups are Groups too

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _with_debug(self.params)

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        _with_debug(cmd.params)
        super().add_command(cmd, name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=1000)))
        if rows:
            with formatter.section(vi("Commands")):
                formatter.write_dl(rows)


# --- option types with Vietnamese messages and metavars -------------------------------------------

class Choice(click.Choice):
    """click.Choice with the choices written as the README writes them."""

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "|".join(str(c) for c in self.choices)

    def get_missing_message(self, param: click.Parameter,
                            ctx: click.Context | None = None) -> str:
        return "Chọn một trong: " + ", ".join(str(c) for c in self.choices) + "."

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if value in self.choices:
            return value
        self.fail(f"'{value}' không phải là một trong: "
                  + ", ".join(str(c) for c in self.choices) + ".", param, ctx)


class Year(click.ParamType):
    """A calendar year of four digits in a plausible range (`--year 26` is refused)."""

    name = "năm"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "NĂM"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from kcn_reports.settings import YEAR_MAX, YEAR_MIN

        if isinstance(value, int):
            year = value
        else:
            text = str(value).strip()
            if not re.fullmatch(r"\d{4}", text):
                self.fail(f"'{value}' không phải một năm: viết năm {YEAR_HELP}.", param, ctx)
            year = int(text)
        if not YEAR_MIN <= year <= YEAR_MAX:
            self.fail(f"năm {year} không hợp lý: chỉ nhận từ {YEAR_MIN} đến {YEAR_MAX}.",
                      param, ctx)
        return year


_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


class Day(click.ParamType):
    """A date as the office types it: 30/11/2026, 30-11-2026, 30.11.2026 or 2026-11-30."""

    name = "ngày"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "NGÀY"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, dt.date):
            return value
        text = str(value).strip()
        day_first, iso = _DAY_FIRST.fullmatch(text), _ISO.fullmatch(text)
        if day_first:
            day, month, year = (int(g) for g in day_first.groups())
        elif iso:
            year, month, day = (int(g) for g in iso.groups())
        else:
            self.fail(f"'{value}' không phải một ngày: viết dạng {DATE_FORMS}.", param, ctx)
        from kcn_reports.settings import YEAR_MAX, YEAR_MIN

        if not YEAR_MIN <= year <= YEAR_MAX:
            self.fail(f"'{value}': năm {year} không hợp lý, chỉ nhận từ {YEAR_MIN} đến "
                      f"{YEAR_MAX}.", param, ctx)
        try:
            return dt.date(year, month, day)
        except ValueError:
            self.fail(f"'{value}' không phải ngày có thật (ngày {day}, tháng {month}, năm "
                      f"{year}): viết dạng {DATE_FORMS}.", param, ctx)
