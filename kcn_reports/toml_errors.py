"""TOML syntax errors in the office's words: where, what is wrong, how to write it.

tomllib (and tomli on Python 3.10) reports "Illegal character '\\n' (at line 12, column 21)" and
the like. Its messages are a small set of stable strings; each is mapped here to a Vietnamese
explanation, and the line itself is looked at to name the likely slip (a date typed 30/06/2014,
a text without quotes, a Windows path with single backslashes…). A test feeds every message
tomllib can raise through this table.
"""

from __future__ import annotations

import re
from pathlib import Path

_WHERE = re.compile(r"^(?P<message>.*?)\s*\(at (?:line (?P<line>\d+), column (?P<column>\d+)|"
                    r"end of document)\)\s*$", re.S)

# tomllib message (regex) -> what is wrong, in Vietnamese.
_MESSAGES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"Illegal character '\\n'"), "thiếu dấu \" đóng ở cuối chữ"),
    (re.compile(r"Illegal character '\\r'"), "thiếu dấu \" đóng ở cuối chữ"),
    (re.compile(r"Unterminated string"), "thiếu dấu \" đóng ở cuối chữ"),
    (re.compile(r"Illegal character|Found invalid character"),
     "có ký tự không được phép (ký tự điều khiển, thường do dán từ Word hoặc trang web)"),
    (re.compile(r"Expected newline or end of document after a statement"),
     "sau giá trị còn chữ thừa trên cùng dòng"),
    (re.compile(r"Expected '=' after a key in a key/value pair"),
     "thiếu dấu = giữa tên cài đặt và giá trị"),
    (re.compile(r"Expected ']' at the end of a table declaration"),
     "tên mục thiếu dấu ] đóng"),
    (re.compile(r"Expected ']]' at the end of an array declaration"),
     "tên mục thiếu dấu ]] đóng"),
    (re.compile(r"Invalid initial character for a key part"),
     "tên cài đặt viết sai: chỉ gồm chữ không dấu, số, dấu _ và -"),
    (re.compile(r"Invalid statement"), "dòng này không phải một cài đặt"),
    (re.compile(r"Invalid value"), "giá trị viết sai dạng"),
    (re.compile(r"Invalid date or datetime"), "ngày không có thật"),
    (re.compile(r"Unclosed array"), "danh sách [ ... ] thiếu dấu ] đóng hoặc thiếu dấu phẩy giữa "
                                    "hai mục"),
    (re.compile(r"Unclosed inline table"), "nhóm { ... } thiếu dấu } đóng hoặc thiếu dấu phẩy"),
    (re.compile(r"Cannot declare .* twice"), "mục này đã có ở trên (một mục chỉ viết một lần)"),
    (re.compile(r"Cannot overwrite a value|Duplicate inline table key"),
     "cài đặt này đã có ở trên (một cài đặt chỉ viết một lần)"),
    (re.compile(r"Cannot mutate immutable namespace|Cannot redefine namespace"),
     "mục này trùng tên với một cài đặt đã có"),
    (re.compile(r"Unescaped '\\' in a string"),
     "dấu \\ trong chữ phải viết hai lần (\\\\) hoặc dùng dấu /"),
    (re.compile(r"Invalid hex value|Escaped character is not a Unicode scalar value"),
     "mã ký tự sau dấu \\ viết sai"),
    (re.compile(r"Expected '.*'"), "thiếu một dấu của cú pháp"),
]

_DAY_FIRST = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
_LOOSE_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_KEY_VALUE = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=\s*(.*?)\s*$")


def explain(message: str, source: str, path: Path | str) -> str:
    """The whole Vietnamese message for a TOMLDecodeError `message` raised on `source`."""
    found = _WHERE.match(message)
    raw = found.group("message") if found else message
    line_no = int(found.group("line")) if found and found.group("line") else None
    column = int(found.group("column")) if found and found.group("column") else None
    lines = source.splitlines()
    if line_no is None and found:  # "at end of document": the last written line
        line_no = max((i + 1 for i, text in enumerate(lines) if text.strip()), default=1)
    what = next((vi for pattern, vi in _MESSAGES if pattern.search(raw)), "viết sai cú pháp")
    text = lines[line_no - 1] if line_no and 0 < line_no <= len(lines) else ""
    what, how = _diagnose(what, text)
    place = f"dòng {line_no}" + (f", cột {column}" if column else "") if line_no else ""
    parts = [f"Tệp cài đặt {path} viết sai ở {place}: {what}." if place
             else f"Tệp cài đặt {path} viết sai: {what}."]
    if what.startswith("danh sách") and line_no and line_no >= 2 and lines[line_no - 2].strip():
        parts.append(f"    {lines[line_no - 2].strip()}")
    if text.strip():
        parts.append(f"    {text.strip()}")
    if how:
        parts.append(f"Cách viết: {how}.")
    parts.append("Sửa bằng Notepad, lưu lại (mã UTF-8) rồi chạy lại.")
    return "\n".join(parts)


def _diagnose(what: str, line: str) -> tuple[str, str]:
    """Refine `what` by the line's look; return it with how to write the line."""
    pair = _KEY_VALUE.match(line)
    key, value = (pair.group(1), pair.group(2)) if pair else ("", "")
    value = re.sub(r"\s+#.*$", "", value)
    day_first = _DAY_FIRST.search(value) if not value.startswith(('"', "'")) else None
    if day_first:
        day, month, year = day_first.groups()
        iso = f"{year}-{int(month):02d}-{int(day):02d}"
        return ("ngày phải viết dạng năm-tháng-ngày",
                f"ngày viết dạng {iso}, không có ngoặc kép: {key} = {iso}")
    loose = _LOOSE_ISO.search(value) if not value.startswith(('"', "'")) else None
    if loose and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", loose.group(0)):
        year, month, day = loose.groups()
        iso = f"{year}-{int(month):02d}-{int(day):02d}"
        return (what, f"tháng và ngày viết đủ hai chữ số, không có ngoặc kép: {key} = {iso}")
    if what.startswith("thiếu dấu \" đóng") and key:
        text = value.lstrip('"').rstrip()
        return (what, f"{key} = \"{text}\"")
    if what == "giá trị viết sai dạng" and key and value and value[0] not in "\"'[{":
        if re.fullmatch(r"(?i)(true|false|có|không|co|khong|yes|no)", value):
            return ("có/không viết bằng true hoặc false (chữ thường)",
                    f"{key} = true  (hoặc {key} = false)")
        return ("chữ phải đặt trong dấu ngoặc kép", f"{key} = \"{value}\"")
    if what == "sau giá trị còn chữ thừa trên cùng dòng" and key and re.match(r"\d", value):
        return ("số không có chữ đi kèm; chữ thì đặt trong dấu ngoặc kép",
                f"{key} = {re.match(r'[0-9.]+', value).group(0)}  (hoặc "  # type: ignore[union-attr]
                f"{key} = \"{value}\")")
    if what.startswith("dấu \\") and key:
        return (what, f"{key} = \"{value.strip(chr(34)).replace(chr(92), '/')}\"")
    if what == "thiếu dấu = giữa tên cài đặt và giá trị":
        name = line.strip().split()[0] if line.strip() else "ten"
        return (what, f"{name} = \"…\"")
    if what.startswith("tên mục thiếu dấu ]"):
        name = line.strip().lstrip("[").rstrip("]").strip()
        closing = "]]" if "]]" in what else "]"
        return (what, f"{'[' * len(closing)}{name}{closing}")
    if what == "dòng này không phải một cài đặt" or what.startswith("tên cài đặt viết sai"):
        if "=" in line:
            return ("tên cài đặt bên trái dấu = phải giữ đúng như tệp mẫu (chữ không dấu, "
                    "không có dấu cách)", "chỉ sửa phần bên phải dấu =, ví dụ place = \"…\"")
        return (what, "mỗi dòng dạng ten = \"giá trị\"; dòng ghi chú bắt đầu bằng dấu #")
    if what.startswith("cài đặt này đã có") and key:
        return (what, f"giữ một dòng {key} = …, xóa dòng còn lại")
    if what.startswith("danh sách"):
        return (what, "mỗi mục của danh sách viết trong dấu ngoặc kép và kết thúc bằng dấu phẩy, "
                      "ví dụ \"Lưu VP\", ; danh sách đóng bằng dấu ] ở dòng cuối")
    return what, ""
