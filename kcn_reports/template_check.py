"""Check the report templates the office edits in Word and Excel, before a report run needs them.

A .docx template is read the way docxtpl will read it: the visible text of every paragraph
(body, tables, text boxes, headers, footers, footnotes) is one stream, in which the Jinja tags
are found and each is located ("đoạn 12", "bảng 2, hàng 3, ô 4"). Then, per tag and for the
template as a whole:

- Word's own breakages: a tag typed apart ("{ {"), a field or deleted text between its
  characters, a tag half inside a hyperlink / content control / tracked change (docxtpl then
  writes malformed XML), invisible characters, dashes Word substituted for "-", smart quotes
  and non-breaking spaces (the last two still work — docxtpl turns “ ” ‘ ’ into straight quotes
  and Jinja reads a non-breaking space as a space — so they are warnings);
- Jinja syntax, each tag on its own, then the blocks ({% for %} … {% endfor %}) balanced, with
  docxtpl's {%p / {%tr / {%tc forms matched;
- names: every variable and attribute path (walking the Jinja syntax tree, loop variables
  included) against the report context's types (`context.variable_paths`, the shape of
  figures.json), every filter and test against the shared environment (`templating`);
- finally, when nothing above is an error, a trial render on the empty context through the real
  `word_report.render_report`, as a safety net.

An .xlsx official-table template is checked cell by cell the same way (each cell is a small
Jinja template rendered by `excel_summary.write_official_table` in the same environment), then
filled once on the empty context.
"""

from __future__ import annotations

import base64
import difflib
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kcn_reports.context import ReportContext
    from kcn_reports.excel_summary import FigureCell

ERROR = "error"
WARNING = "warning"

WORD_SUFFIXES = (".docx",)
EXCEL_SUFFIXES = (".xlsx", ".xlsm")

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W_P, W_T, W_TBL, W_TR, W_TC = _W + "p", _W + "t", _W + "tbl", _W + "tr", _W + "tc"
W_INSTR, W_FLDCHAR, W_FLDSIMPLE = _W + "instrText", _W + "fldChar", _W + "fldSimple"
W_DELTEXT, W_DELINSTR = _W + "delText", _W + "delInstrText"
W_BOOKMARK = _W + "bookmarkStart"

# Elements that wrap runs; a tag that starts inside one and ends outside it makes docxtpl cut
# the element in two (it deletes everything between the tag's first and last text).
_CONTAINERS = {
    "hyperlink": "một liên kết (hyperlink)",
    "fldSimple": "một trường (field) của Word",
    "smartTag": "một thẻ thông minh (smart tag)",
    "sdt": "một ô điều khiển nội dung (content control)",
    "sdtContent": "một ô điều khiển nội dung (content control)",
    "customXml": "một vùng XML tùy biến",
    "ins": "một đoạn sửa đổi đang theo dõi (Track Changes)",
    "del": "một đoạn sửa đổi đang theo dõi (Track Changes)",
    "moveFrom": "một đoạn sửa đổi đang theo dõi (Track Changes)",
    "moveTo": "một đoạn sửa đổi đang theo dõi (Track Changes)",
    "txbxContent": "một hộp văn bản",
}

_OPEN = re.compile(r"\{([ \t\u00a0]*)([{%#])")
_CLOSE = {
    "{": re.compile(r"\}([ \t\u00a0]*)\}"),
    "%": re.compile(r"%([ \t\u00a0]*)\}"),
    "#": re.compile(r"#([ \t\u00a0]*)\}"),
}
_STRAY = re.compile(r"[}%][ \t\u00a0]*\}")
_PREFIX = re.compile(r"(tr|tc|p|r) ")
_PREFIX_ODD_SPACE = re.compile(r"(tr|tc|p|r)[\u00a0\u2000-\u200a\u202f\u3000]")
_TAG_NAME = re.compile(r"[-+]?\s*([A-Za-z_]\w*)")

# What docxtpl's clean_tags does to a tag's text before Jinja sees it.
_SMART_QUOTES = {"“": '"', "”": '"', "‘": "'", "’": "'"}
_SMART_TABLE = str.maketrans(_SMART_QUOTES)
_INVISIBLE = {"\u200b": "U+200B", "\u200c": "U+200C", "\u200d": "U+200D", "\u2060": "U+2060",
              "\ufeff": "U+FEFF", "\u00ad": "gạch nối mềm"}
_SUBSTITUTES = {"–": "-", "—": "-", "−": "-", "…": "...", "«": '"', "»": '"', "„": '"'}

_BLOCKS = {"for", "if", "with", "filter", "macro", "call", "block", "autoescape", "raw"}
_MIDDLES = {"else": ("if", "for"), "elif": ("if",)}
_DOCXTPL_ONLY = {"vm", "hm"}
_DOCXTPL_EXPR = {"colspan", "cellbg"}

# A 1x1 PNG for the trial render (the real chart needs matplotlib and is not what is checked).
_PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


@dataclass(frozen=True)
class TemplateIssue:
    """One problem in a template, located for a person looking at it in Word or Excel."""

    severity: str  # ERROR / WARNING
    message: str  # Vietnamese
    where: str = ""  # "đoạn 12", "bảng 2, hàng 3, ô 4", "sheet “Biểu tổng hợp”, ô D10"
    excerpt: str = ""  # the tag or the text around the problem

    def __str__(self) -> str:
        label = "Lỗi" if self.severity == ERROR else "Cảnh báo"
        place = self.where + (f" «{self.excerpt}»" if self.excerpt else "")
        return f"{label}{' — ' + place if place else ''}: {self.message}"


def check_template(path: Path, context: ReportContext | None = None) -> list[TemplateIssue]:
    """Every problem found in the Word (.docx) or Excel (.xlsx) template at `path`.

    Names are checked against the context's types; `context` is what the trial render fills
    the template with (default: a complete context with no data, `docs.reference_context()`).
    """
    if context is None:
        from kcn_reports.docs import reference_context

        context = reference_context()
    suffix = path.suffix.lower()
    if suffix in WORD_SUFFIXES:
        return _WordCheck(path, context).run()
    if suffix in EXCEL_SUFFIXES:
        return _check_excel(path, context)
    return [TemplateIssue(ERROR, f"Không phải tệp mẫu (.docx hoặc .xlsx): {path.name}.")]


def _open_failure(exc: BaseException, program: str, suffix: str) -> str:
    """Why a template file could not be opened, and what to do, in the office's words."""
    if isinstance(exc, PermissionError):
        return (f"Không đọc được tệp mẫu: tệp đang mở trong {program} hoặc chương trình khác, "
                f"hoặc không có quyền đọc. Đóng tệp rồi chạy lại.")
    if isinstance(exc, FileNotFoundError):
        return ("Không tìm thấy tệp mẫu. Xóa hẳn tên tệp này khỏi thư mục report_templates/ để "
                "chương trình tạo lại mẫu mặc định, hoặc chép mẫu vào đó.")
    return (f"Không mở được tệp mẫu {program}: tệp hỏng hoặc không phải tệp {suffix}. Mở bằng "
            f"{program} rồi lưu lại dạng {suffix} (hoặc xóa tệp để chương trình tạo lại mẫu "
            "mặc định).")


class TemplateProblem(Exception):
    """A template the office edited cannot be used for a report: `issues` say where and how
    to fix it, in the same words as `kcn-reports templates check`."""

    def __init__(self, template: Path, issues: list[TemplateIssue]) -> None:
        super().__init__(f"Mẫu {template.name} có lỗi.")
        self.template = template
        self.issues = issues


def explain_failure(template: Path, exc: BaseException) -> BaseException:
    """A TemplateProblem when the template is what went wrong (its file cannot be read, or
    `check_template` finds an error in it); otherwise `exc` itself, a fault of the program."""
    if isinstance(exc, OSError) and exc.filename and Path(exc.filename) == template:
        program, suffix = ("Word", ".docx") if template.suffix.lower() in WORD_SUFFIXES \
            else ("Excel", ".xlsx")
        return TemplateProblem(template, [TemplateIssue(ERROR, _open_failure(exc, program, suffix))])
    if isinstance(exc, OSError) and not isinstance(exc, FileNotFoundError):
        return exc  # the output side (disk full, no permission): not the template
    try:
        issues = [i for i in check_template(template) if i.severity == ERROR]
    except Exception:  # noqa: BLE001 - the checker failing says nothing about the template
        return exc
    return TemplateProblem(template, issues) if issues else exc


def render_or_explain(template: Path, context: ReportContext, out: Path) -> None:
    """`word_report.render_report`, with a broken template reported as a TemplateProblem."""
    from kcn_reports.word_report import render_report

    try:
        render_report(template, context, out)
    except Exception as exc:  # noqa: BLE001 - sorted into the office's mistake or our bug
        raise explain_failure(template, exc) from exc


def fill_or_explain(template: Path, context: ReportContext, out: Path
                    ) -> tuple[list[str], list[FigureCell]]:
    """`excel_summary.write_official_table`; a placeholder it cannot fill because the template
    is wrong (misspelt name or filter) is a TemplateProblem, not a note."""
    from kcn_reports.excel_summary import write_official_table

    try:
        warnings, cells = write_official_table(template, context, out)
    except Exception as exc:  # noqa: BLE001 - sorted into the office's mistake or our bug
        raise explain_failure(template, exc) from exc
    if warnings:
        issues = [i for i in check_template(template) if i.severity == ERROR]
        if issues:
            raise TemplateProblem(template, issues)
    return warnings, cells


def template_files(folder: Path) -> list[Path]:
    """The templates in `folder` (Word and Excel), without Office lock files."""
    suffixes = WORD_SUFFIXES + EXCEL_SUFFIXES
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix.lower() in suffixes and not p.name.startswith("~$"))


# ---------------------------------------------------------------------------------------------
# The shape of the context: which names and attribute paths exist
# ---------------------------------------------------------------------------------------------


@dataclass
class _Shape:
    kind: str  # "dict", "list", "leaf", "any" (not checked), "missing" (already reported)
    path: str = ""
    children: dict[str, _Shape] = field(default_factory=dict)
    item: _Shape | None = None


_ANY = _Shape("any")
_MISSING = _Shape("missing")


def _shape_of(extra: frozenset[str]) -> _Shape:
    """The tree of the context's variables (`context.variable_paths`), e.g. "by_zone[].zone"."""
    from kcn_reports.context import variable_paths

    root = _Shape("dict")
    for dotted in [*variable_paths(), *extra]:
        node = root
        parts = dotted.split(".")
        for index, part in enumerate(parts):
            name, is_list = (part[:-2], True) if part.endswith("[]") else (part, False)
            last = index == len(parts) - 1
            child = node.children.get(name)
            if child is None:
                path = f"{node.path}.{name}" if node.path else name
                child = _Shape("list" if is_list else "leaf" if last else "dict", path)
                node.children[name] = child
            elif child.kind == "leaf" and not last:
                child.kind = "dict"
            if is_list:
                child.kind = "list"
                if child.item is None:
                    child.item = _Shape("leaf" if last else "dict", child.path + "[]")
                elif not last:
                    child.item.kind = "dict"
                node = child.item
            else:
                node = child
    return root


def _suggest(name: str, choices: Iterator[str] | list[str], prefix: str = "") -> str:
    match = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return f" Có phải là «{prefix}{match[0]}»?" if match else ""


# ---------------------------------------------------------------------------------------------
# Word templates
# ---------------------------------------------------------------------------------------------


@dataclass
class _Para:
    where: str
    start: int  # first index in the stream
    end: int = -1
    row: Any = None  # the w:tr / w:tc holding the paragraph, for {%tr / {%tc
    cell: Any = None


@dataclass
class _Tag:
    kind: str  # "{", "%", "#"
    start: int
    end: int
    raw: str  # as seen in Word
    content: str  # between the delimiters, as docxtpl hands it to Jinja
    prefix: str  # docxtpl's "p", "tr", "tc", "r" or ""
    para: int
    where: str
    excerpt: str
    name: str = ""  # statement name for "%" tags: "for", "endfor", "set"…
    spaced: bool = False
    reported: bool = False  # a character error already explains why Jinja cannot read it

    @property
    def source(self) -> str:
        """The tag as Jinja will parse it."""
        if self.kind == "{":
            return "{{" + self.content + "}}"
        if self.name in _DOCXTPL_EXPR:
            return "{{" + self.content.strip().lstrip("-+").strip()[len(self.name):] + "}}"
        return "{%" + self.content + "%}"


class _Stream:
    """The visible text of one part (body, header…) with, per character, its w:t element and
    paragraph, and the hidden things (fields, deleted text, bookmarks) between characters."""

    def __init__(self, root: Any, part_label: str) -> None:
        self.chars: list[str] = []
        self.owners: list[Any] = []
        self.para_of: list[int] = []
        self.events: dict[int, list[tuple[str, str]]] = {}
        self.paras: list[_Para] = []
        self._label = part_label
        # Keeping the elements referenced keeps lxml's proxies, so `is` identifies them.
        self._tables = list(root.iter(W_TBL))
        self._top = 0
        self._current: list[int] = []
        self._walk(root)
        self.text = "".join(self.chars)

    def _event(self, kind: str, detail: str = "") -> None:
        self.events.setdefault(len(self.chars), []).append((kind, detail))

    def _walk(self, element: Any) -> None:
        tag = element.tag
        if not isinstance(tag, str):
            return  # comments, processing instructions
        if tag == W_P:
            self._current.append(len(self.paras))
            self.paras.append(self._locate(element))
            for child in element:
                self._walk(child)
            index = self._current.pop()
            self._append("\n", None, index)
            self.paras[index].end = len(self.chars)
            return
        if tag == W_T:
            index = self._current[-1] if self._current else -1
            for char in element.text or "":
                self._append(char, element, index)
            return
        if tag in (W_INSTR, W_FLDCHAR):
            self._event("field")
            return
        if tag in (W_DELTEXT, W_DELINSTR):
            self._event("deleted")
            return
        if tag == W_BOOKMARK:
            self._event("bookmark", element.get(_W + "name") or "")
            return
        if tag == W_FLDSIMPLE:
            self._event("field")
        for child in element:
            self._walk(child)

    def _append(self, char: str, owner: Any, para: int) -> None:
        self.chars.append(char)
        self.owners.append(owner)
        self.para_of.append(para)

    def _locate(self, p: Any) -> _Para:
        outer = next((a for a in p.iterancestors() if a.tag == W_P), None)
        if outer is not None:  # a text box inside a paragraph
            where = "hộp văn bản trong " + self.paras[self._current[-2]].where
            return _Para(self._prefixed(where), len(self.chars))
        cell = next((a for a in p.iterancestors() if a.tag == W_TC), None)
        if cell is None:
            self._top += 1
            return _Para(self._prefixed(f"đoạn {self._top}"), len(self.chars))
        row = cell.getparent()
        table = next(a for a in cell.iterancestors() if a.tag == W_TBL)
        rows = [r for r in table if r.tag == W_TR]
        cells = [c for c in row if c.tag == W_TC] if row is not None else []
        number = next((n for n, t in enumerate(self._tables, start=1) if t is table), 0)
        where = (f"bảng {number}, "
                 f"hàng {rows.index(row) + 1 if row in rows else '?'}, "
                 f"ô {cells.index(cell) + 1 if cell in cells else '?'}")
        paragraphs = [c for c in cell if c.tag == W_P]
        if len(paragraphs) > 1 and p in paragraphs:
            where += f", đoạn {paragraphs.index(p) + 1}"
        return _Para(self._prefixed(where), len(self.chars), row=row, cell=cell)

    def _prefixed(self, where: str) -> str:
        return f"{self._label}, {where}" if self._label else where

    def hidden_between(self, start: int, end: int) -> list[tuple[str, str]]:
        """Hidden things after character `start` and before character `end`."""
        return [e for i in range(start + 1, end) for e in self.events.get(i, [])]

    def excerpt(self, start: int, end: int, width: int = 60) -> str:
        text = re.sub(r"\s+", " ", self.text[start:end]).strip()
        return text if len(text) <= width else text[: width - 1] + "…"


def _parts(document: Any) -> Iterator[tuple[Any, str]]:
    """(XML root, label) of each part docxtpl renders: body, headers, footers, footnotes."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree

    yield document.element.body, ""
    for reltype, label in ((RT.HEADER, "đầu trang"), (RT.FOOTER, "chân trang")):
        parts = [rel.target_part for rel in document.part.rels.values()
                 if rel.reltype == reltype and not rel.is_external]
        for number, part in enumerate(parts, start=1):
            name = f"{label} {number}" if len(parts) > 1 else label
            element = getattr(part, "element", None)
            yield (element if element is not None else etree.fromstring(part.blob)), name
    for part in document.part.package.parts:
        if part.content_type.endswith("wordprocessingml.footnotes+xml"):
            yield etree.fromstring(part.blob), "chú thích cuối trang"


class _WordCheck:
    def __init__(self, path: Path, context: ReportContext) -> None:
        from kcn_reports.word_report import RENDER_SUPPLIED, jinja_env

        self.path = path
        self.context = context
        self.env = jinja_env()
        self.root = _shape_of(RENDER_SUPPLIED)
        self.issues: list[TemplateIssue] = []
        self.tags: list[_Tag] = []

    def add(self, severity: str, message: str, where: str = "", excerpt: str = "") -> None:
        issue = TemplateIssue(severity, message, where, excerpt)
        if issue not in self.issues:
            self.issues.append(issue)

    def add_at(self, severity: str, message: str, tag: _Tag) -> None:
        self.add(severity, message, tag.where, tag.excerpt)

    def run(self) -> list[TemplateIssue]:
        from docx import Document

        try:
            document = Document(str(self.path))
        except Exception as exc:  # noqa: BLE001 - any unreadable file is one located issue
            return [TemplateIssue(ERROR, _open_failure(exc, "Word", ".docx"))]
        for root, label in _parts(document):
            stream = _Stream(root, label)
            self._scan(stream)
        self._check_blocks()
        if not self._has_errors():
            self._check_names()
        if not self._has_errors():
            self._trial_render()
        return self.issues

    def _has_errors(self) -> bool:
        return any(i.severity == ERROR for i in self.issues)

    # --- finding the tags ----------------------------------------------------------------

    def _scan(self, stream: _Stream) -> None:
        text = stream.text
        pos = 0
        while True:
            found = _OPEN.search(text, pos)
            self._stray_closers(stream, pos, found.start() if found else len(text))
            if found is None:
                return
            kind = found.group(2)
            closer = _CLOSE[kind].search(text, found.end())
            following = _OPEN.search(text, found.end())
            para = stream.para_of[found.start()]
            where = stream.paras[para].where if para >= 0 else ""
            if closer is None or (following is not None and following.start() < closer.start()):
                stop = following.start() if following else len(text)
                excerpt = stream.excerpt(found.start(), min(stop, found.start() + 60))
                wanted = {"{": "}}", "%": "%}", "#": "#}"}[kind]
                self.add(ERROR, f"Thẻ mở «{{{kind}» không có «{wanted}» để đóng (thẻ viết thiếu "
                         "hoặc bị ngắt).", where, excerpt)
                pos = found.end()
                continue
            pos = closer.end()
            self._read_tag(stream, found, closer, para, where)

    def _stray_closers(self, stream: _Stream, start: int, end: int) -> None:
        for stray in _STRAY.finditer(stream.text, start, end):
            para = stream.para_of[stray.start()]
            where = stream.paras[para].where if para >= 0 else ""
            # "{", a field showing "2", "{": Word shows "{2{", docxtpl sees no tag at all.
            line_start = stream.paras[para].start if para >= 0 else start
            brace = stream.text.rfind("{", max(start, line_start), stray.start())
            before = stream.text.rfind("{", max(start, line_start), brace) if brace > 0 else -1
            first = before if before >= 0 else brace
            hidden = {kind for kind, _ in stream.hidden_between(first, stray.start())} \
                if first >= 0 else set()
            excerpt = stream.excerpt(max(brace if brace >= 0 else stray.start() - 30, start),
                                     stray.end())
            if "field" in hidden or "deleted" in hidden:
                what = "một trường (field) của Word" if "field" in hidden else \
                    "chữ đã xóa đang theo dõi (Track Changes)"
                self.add(ERROR, f"Hai dấu «{{» của thẻ bị {what} chen vào giữa, nên chương trình "
                         "không nhận ra thẻ. Xóa cả thẻ và gõ lại liền một lần.", where, excerpt)
            else:
                self.add(ERROR, f"Có «{stray.group(0)}» mà không có thẻ mở tương ứng (thẻ viết "
                         "thiếu dấu «{»?); khi lập báo cáo sẽ in nguyên văn.", where, excerpt)

    def _read_tag(self, stream: _Stream, opener: re.Match[str], closer: re.Match[str],
                  para: int, where: str) -> None:
        kind = opener.group(2)
        start, end = opener.start(), closer.end()
        raw = stream.text[start:end].replace("\n", " ")
        inner = stream.text[opener.end():closer.start()].replace("\n", "")
        tag = _Tag(kind, start, end, raw, inner, "", para, where, stream.excerpt(start, end))
        if opener.group(1) or closer.group(1):
            tag.spaced = True
            shown = opener.group(0) if opener.group(1) else closer.group(0)
            right = re.sub(r"[ \t\u00a0]", "", shown)
            self.add_at(ERROR, f"Thẻ bị gõ tách «{shown}»: phải viết liền «{right}», nếu không "
                        "chương trình không nhận ra thẻ và in nguyên văn.", tag)
        prefix = _PREFIX.match(inner)
        if prefix and (kind != "#" or prefix.group(1) != "r"):
            tag.prefix, inner = prefix.group(1), inner[prefix.end():]
        elif _PREFIX_ODD_SPACE.match(inner):
            self.add_at(ERROR, "Sau «" + "{" + kind + inner[:2].strip() + "» phải là một dấu cách "
                        "thường (đang là khoảng trắng không ngắt).", tag)
        if kind == "#":
            return  # a comment: nothing else to check
        clean = self._characters(tag, inner)
        tag.content = inner.translate(_SMART_TABLE)
        name = _TAG_NAME.match(tag.content.strip())
        tag.name = name.group(1) if kind == "%" and name else ""
        tag.reported = not clean
        self._word_structure(tag, stream)
        self.tags.append(tag)

    def _characters(self, tag: _Tag, inner: str) -> bool:
        """Characters Word substituted or inserted inside a tag; False when one is an error."""
        clean = True
        code = _outside_strings(inner.translate(_SMART_TABLE))
        if any(q in inner for q in _SMART_QUOTES):
            self.add_at(WARNING, "Thẻ có dấu nháy cong (“ ” ‘ ’) do Word tự đổi; khi lập báo cáo "
                        "chúng được đổi lại thành dấu nháy thẳng, nhưng nên sửa trong Word (tắt "
                        "AutoCorrect › AutoFormat As You Type › \"Straight quotes\" with “smart "
                        "quotes”) rồi gõ lại dấu nháy.", tag)
        odd_spaces = sorted({c for c in code if c.isspace() and c not in " \t"})
        if odd_spaces:
            self.add_at(WARNING, "Thẻ có khoảng trắng không ngắt (non-breaking space); Jinja vẫn "
                        "hiểu là dấu cách, nhưng nên gõ lại bằng dấu cách thường.", tag)
        for char, name in _INVISIBLE.items():
            if char in code:
                self.add_at(ERROR, f"Thẻ có ký tự vô hình ({name}); xóa cả thẻ và gõ lại.", tag)
                clean = False
        for char, meant in _SUBSTITUTES.items():
            if char in code:
                self.add_at(ERROR, f"Thẻ có dấu «{char}» (Word tự đổi từ «{meant}»); sửa lại "
                            f"thành «{meant}».", tag)
                clean = False
        return clean

    def _word_structure(self, tag: _Tag, stream: _Stream) -> None:
        """What docxtpl does to the Word XML around this tag."""
        first, last = stream.owners[tag.start], stream.owners[tag.end - 1]
        hidden = stream.hidden_between(tag.start, tag.end)
        if any(kind == "field" for kind, _ in hidden):
            tag.reported = True
            self.add_at(ERROR, "Giữa thẻ có một trường (field) của Word (số trang, ngày, mục "
                        "lục…); khi lập báo cáo trường bị hủy và thẻ sai. Đưa trường ra ngoài thẻ.",
                        tag)
        marks = [name for kind, name in hidden if kind == "bookmark" and not name.startswith("_")]
        if marks:
            self.add_at(WARNING, f"Giữa thẻ có dấu trang (bookmark) «{marks[0]}»; khi lập báo cáo "
                        "dấu trang này bị xóa.", tag)
        container = _container_mismatch(first, last)
        if container:
            self.add_at(ERROR, f"Thẻ nằm một phần trong {container}: khi lập báo cáo phần đó bị "
                        "cắt đôi và tài liệu Word bị hỏng. Gõ lại cả thẻ ở trong hoặc ở ngoài.",
                        tag)
        first_para, last_para = stream.para_of[tag.start], stream.para_of[tag.end - 1]
        if first_para != last_para:
            self.add_at(WARNING, "Thẻ nằm trên hai đoạn (có dấu xuống dòng trong thẻ); khi lập "
                        "báo cáo hai đoạn bị nhập làm một.", tag)
        para = stream.paras[first_para] if first_para >= 0 else None
        in_table = para is not None and para.cell is not None
        if tag.prefix in ("tr", "tc") and not in_table:
            self.add_at(ERROR, f"Thẻ «{{%{tag.prefix} … %}}» phải nằm trong một ô của bảng.", tag)
            return
        if tag.name in _DOCXTPL_ONLY | _DOCXTPL_EXPR and not in_table:
            self.add_at(ERROR, f"Thẻ «{{% {tag.name} … %}}» chỉ dùng được trong một ô của bảng.",
                        tag)
            return
        if para is None or not tag.prefix or tag.prefix == "r":
            return
        # docxtpl replaces the whole paragraph / row / cell holding a {%p / {%tr / {%tc tag by
        # the bare tag: whatever else is written there disappears from the report.
        element = {"p": None, "tr": para.row, "tc": para.cell}[tag.prefix]
        if element is None:
            start, end = para.start, para.end
        else:
            spans = [p for p in stream.paras if p.row is element or p.cell is element]
            start, end = min(p.start for p in spans), max(p.end for p in spans)
        rest = (stream.text[start:tag.start] + stream.text[tag.end:end])
        rest = _OPEN.sub("{", rest)  # other tags are text that disappears too
        if rest.strip():
            unit = {"p": "đoạn", "tr": "hàng", "tc": "ô"}[tag.prefix]
            self.add_at(WARNING, f"Khi lập báo cáo cả {unit} chứa thẻ «{{%{tag.prefix} … %}}» được "
                        f"thay bằng thẻ đó: chữ khác trong {unit} («{_short(rest)}») sẽ mất. Để thẻ "
                        f"này ở {unit} riêng.", tag)

    # --- Jinja syntax -----------------------------------------------------------------------

    def _check_blocks(self) -> None:
        from jinja2 import TemplateSyntaxError

        stack: list[_Tag] = []
        in_raw = False
        live: list[_Tag] = []
        for tag in self.tags:
            if in_raw:
                if tag.name == "endraw":
                    in_raw = False
                    live.append(tag)
                    stack.pop()
                continue
            live.append(tag)
            if tag.name in _DOCXTPL_ONLY:
                continue
            try:
                self.env.parse(_standalone(tag))
            except TemplateSyntaxError as exc:
                if not tag.reported:
                        self.add_at(ERROR, "Thẻ viết sai cú pháp: " + _jinja_message(exc) + ".", tag)
            name = tag.name
            if name in _BLOCKS or name == "set" and "=" not in tag.content:
                stack.append(tag)
                in_raw = name == "raw"
            elif name in _MIDDLES:
                if not stack or stack[-1].name not in _MIDDLES[name]:
                    self.add_at(ERROR, f"Thẻ «{{% {name} %}}» không nằm trong "
                                + " hoặc ".join(f"{{% {b} %}}" for b in _MIDDLES[name]) + ".", tag)
                elif stack[-1].prefix != tag.prefix:
                    self._prefix_mismatch(stack[-1], tag)
            elif name.startswith("end") and name[3:] in _BLOCKS | {"set"}:
                self._close(stack, tag, name[3:])
        for tag in stack:
            self.add_at(ERROR, f"Thẻ «{{%{tag.prefix} {tag.name} … %}}» chưa được đóng: thiếu "
                        f"«{{%{tag.prefix} end{tag.name} %}}».", tag)
        self.tags = live

    def _close(self, stack: list[_Tag], tag: _Tag, block: str) -> None:
        names = [t.name for t in stack]
        if block not in names:
            self.add_at(ERROR, f"Thẻ «{{% end{block} %}}» không có thẻ «{{% {block} … %}}» mở "
                        "trước nó.", tag)
            return
        while stack[-1].name != block:
            inner = stack.pop()
            self.add_at(ERROR, f"Thẻ «{{%{inner.prefix} {inner.name} … %}}» chưa được đóng: thiếu "
                        f"«{{%{inner.prefix} end{inner.name} %}}» trước «{tag.raw}» ở {tag.where}.",
                        inner)
        opener = stack.pop()
        if opener.prefix != tag.prefix:
            self._prefix_mismatch(opener, tag)

    def _prefix_mismatch(self, opener: _Tag, tag: _Tag) -> None:
        def form(t: _Tag) -> str:
            return "{%" + t.prefix + " … %}" if t.prefix else "{% … %}"

        self.add_at(ERROR, f"Thẻ mở ở {opener.where} dùng dạng «{form(opener)}» nhưng thẻ này "
                    f"dùng «{form(tag)}»: các thẻ của một khối phải cùng dạng (p: cả đoạn, tr: cả "
                    "hàng, tc: cả ô), nếu không tài liệu Word bị hỏng.", tag)

    # --- names: variables, attribute paths, filters ----------------------------------------

    def _check_names(self) -> None:
        from jinja2 import TemplateSyntaxError

        tags = [t for t in self.tags if t.name not in _DOCXTPL_ONLY]
        source = "\n".join(t.source.replace("\n", " ") for t in tags)
        try:
            tree = self.env.parse(source)
        except TemplateSyntaxError as exc:
            line = (exc.lineno or 1) - 1
            tag = tags[min(line, len(tags) - 1)] if tags else None
            self.add(ERROR, "Mẫu có lỗi cú pháp: " + _jinja_message(exc) + ".",
                     tag.where if tag else "", tag.excerpt if tag else "")
            return
        _NameWalker(self, tags).visit_all(tree.body)

    # --- the safety net ----------------------------------------------------------------------

    def _trial_render(self) -> None:
        from kcn_reports.word_report import ReportTemplateError, render_report

        with tempfile.TemporaryDirectory() as scratch:
            try:
                render_report(self.path, self.context, Path(scratch) / "thu.docx", _PIXEL)
            except ReportTemplateError as exc:
                self.add(ERROR, f"Lập thử báo cáo từ mẫu bị lỗi: {exc}")
            except Exception as exc:  # noqa: BLE001 - may depend on the data: say so, do not fail
                self.add(WARNING, f"Lập thử báo cáo với số liệu trống bị lỗi ({type(exc).__name__}:"
                         f" {exc}); kiểm tra các thẻ có phép tính.")


class _NameWalker:
    """Walk the Jinja syntax tree with the names each scope binds; report unknown names,
    attribute paths, filters and tests where the tag is."""

    def __init__(self, check: _WordCheck | _ExcelCheck, tags: list[_Tag]) -> None:
        self.check = check
        self.tags = tags

    def report(self, node: Any, message: str, severity: str = ERROR) -> None:
        line = (getattr(node, "lineno", 1) or 1) - 1
        if 0 <= line < len(self.tags):
            self.check.add_at(severity, message, self.tags[line])
        else:
            self.check.add(severity, message)

    def visit_all(self, body: list[Any], scope: dict[str, _Shape] | None = None) -> None:
        scope = {} if scope is None else scope
        for node in body:
            self.visit(node, scope)

    def visit(self, node: Any, scope: dict[str, _Shape]) -> None:
        from jinja2 import nodes

        if isinstance(node, nodes.For):
            shape = self.resolve(node.iter, scope)
            inner = dict(scope)
            self.bind(node.target, shape.item if shape.kind == "list" and shape.item else _ANY,
                      inner)
            inner["loop"] = _ANY
            if node.test is not None:
                self.visit(node.test, inner)
            self.visit_all(node.body, inner)
            self.visit_all(node.else_, scope)
        elif isinstance(node, nodes.Assign):
            self.visit(node.node, scope)
            self.bind(node.target, _ANY, scope)
        elif isinstance(node, nodes.AssignBlock):
            if node.filter is not None:
                self.visit(node.filter, scope)
            self.visit_all(node.body, dict(scope))
            self.bind(node.target, _ANY, scope)
        elif isinstance(node, nodes.Macro | nodes.CallBlock):
            if isinstance(node, nodes.Macro):
                scope[node.name] = _ANY
            else:
                self.visit(node.call, scope)
            for default in node.defaults:
                self.visit(default, scope)
            inner = dict(scope)
            for arg in node.args:
                self.bind(arg, _ANY, inner)
            for name in ("varargs", "kwargs", "caller"):
                inner[name] = _ANY
            self.visit_all(node.body, inner)
        elif isinstance(node, nodes.With):
            inner = dict(scope)
            for target, value in zip(node.targets, node.values, strict=False):
                self.bind(target, self.resolve(value, scope), inner)
            self.visit_all(node.body, inner)
        elif isinstance(node, nodes.If):
            self.visit(node.test, scope)
            # `{% if x is defined %}…{% endif %}`: inside, `x` is the template's own business.
            guarded = dict(scope)
            for test in [node.test, *node.test.find_all(nodes.Test)]:
                if isinstance(test, nodes.Test) and test.name == "defined" and isinstance(test.node, nodes.Name):
                    guarded[test.node.name] = _ANY
            self.visit_all(node.body, guarded)
            for branch in node.elif_:
                self.visit(branch, scope)
            self.visit_all(node.else_, scope)
        elif isinstance(node, nodes.Name | nodes.Getattr | nodes.Getitem):
            self.resolve(node, scope)
        elif isinstance(node, nodes.Filter):
            if node.name not in self.check.env.filters:
                names = sorted(self.check.env.filters)
                self.report(node, f"Không có bộ lọc «{node.name}».{_suggest(node.name, names)}")
            self.generic(node, scope)
        elif isinstance(node, nodes.Test):
            if node.name not in self.check.env.tests:
                names = sorted(self.check.env.tests)
                self.report(node, f"Không có phép thử «is {node.name}».{_suggest(node.name, names)}")
            if node.name in ("defined", "undefined"):
                return  # `x is defined` is how a template asks for an optional name
            self.generic(node, scope)
        else:
            self.generic(node, scope)

    def generic(self, node: Any, scope: dict[str, _Shape]) -> None:
        for child in node.iter_child_nodes():
            self.visit(child, scope)

    def bind(self, target: Any, shape: _Shape, scope: dict[str, _Shape]) -> None:
        from jinja2 import nodes

        if isinstance(target, nodes.Name):
            scope[target.name] = shape
        elif isinstance(target, nodes.Tuple):
            for item in target.items:
                self.bind(item, _ANY, scope)
        elif isinstance(target, nodes.NSRef):
            pass

    def resolve(self, node: Any, scope: dict[str, _Shape]) -> _Shape:
        """The shape an expression reads, reporting the first unknown step of a path."""
        from jinja2 import nodes

        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            root = self.check.root
            if node.name in root.children:
                return root.children[node.name]
            if node.name in self.check.env.globals:
                return _ANY
            self.report(node, f"Biến «{node.name}» không có trong số liệu của báo cáo "
                        f"(figures.json).{_suggest(node.name, sorted(root.children))}")
            return _MISSING
        if isinstance(node, nodes.Getattr):
            return self.member(self.resolve(node.node, scope), node.attr, node)
        if isinstance(node, nodes.Getitem):
            base = self.resolve(node.node, scope)
            arg = node.arg
            if isinstance(arg, nodes.Const) and isinstance(arg.value, str):
                return self.member(base, arg.value, node, subscript=True)
            self.visit(arg, scope)
            if isinstance(arg, nodes.Const) and isinstance(arg.value, int) and base.item:
                return base.item
            return _MISSING if base.kind == "missing" else _ANY
        self.visit(node, scope)
        return _ANY

    def member(self, base: _Shape, name: str, node: Any, subscript: bool = False) -> _Shape:
        if base.kind != "dict":
            return _MISSING if base.kind == "missing" else _ANY
        child = base.children.get(name)
        if child is not None:
            return child
        written = _expression(node)
        note = f" (thẻ viết «{written}»)" if written and written != f"{base.path}.{name}" else ""
        self.report(node, f"Không có số liệu «{base.path}.{name}»{note}."
                    f"{_suggest(name, sorted(base.children), base.path + '.')}")
        return _MISSING


def _expression(node: Any) -> str:
    """A dotted path as written in the template: "z.zone", "party.cells_end"."""
    from jinja2 import nodes

    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        base = _expression(node.node)
        return f"{base}.{node.attr}" if base else ""
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        base = _expression(node.node)
        return f"{base}[{node.arg.value!r}]" if base else ""
    return ""


def _standalone(tag: _Tag) -> str:
    """The tag as a template Jinja can parse on its own (blocks get their closing tag)."""
    name = tag.name
    if tag.kind == "{" or name in _DOCXTPL_EXPR:
        return tag.source
    if name in _BLOCKS - {"raw"}:
        return tag.source + "{% end" + name + " %}"
    if name == "set" and "=" not in tag.content:
        return tag.source + "{% endset %}"
    if name in _MIDDLES:
        outer = "{% if true %}" if name == "elif" else "{% for _ in () %}"
        return outer + tag.source + ("{% endif %}" if name == "elif" else "{% endfor %}")
    if name.startswith("end") or name == "raw":
        return ""
    return tag.source


_JINJA_MESSAGES = (
    (re.compile(r"unexpected char (.+?) at \d+"), "ký tự không hợp lệ {0}"),
    (re.compile(r"Encountered unknown tag '(\w+)'.*", re.S), "không có lệnh «{0}» trong Jinja"),
    (re.compile(r"expected token '(.+?)', got '(.+?)'"), "cần «{0}» nhưng gặp «{1}»"),
    (re.compile(r"unexpected '(.+?)'"), "không chờ «{0}» ở đây"),
    (re.compile(r"unexpected end of template.*", re.S), "thẻ kết thúc giữa chừng"),
    (re.compile(r"Unexpected end of template.*", re.S), "thẻ kết thúc giữa chừng"),
    (re.compile(r"unclosed string.*|unexpected end of string.*", re.S), "chuỗi chữ thiếu dấu nháy đóng"),
)


_TOKEN_WORDS = {"end of print statement": "}}", "end of statement block": "%}",
                "end of template": "hết thẻ", "name": "tên", "integer": "số", "string": "chuỗi chữ"}


def _jinja_message(exc: Any) -> str:
    text = str(exc.message or exc)
    for words, short in _TOKEN_WORDS.items():
        text = text.replace(f"'{words}'", f"'{short}'")
    for pattern, vietnamese in _JINJA_MESSAGES:
        found = pattern.search(text)
        if found:
            return vietnamese.format(*found.groups())
    return f"Jinja báo «{text}»"


def _outside_strings(code: str) -> str:
    """`code` with the insides of its '…' and "…" literals removed."""
    out: list[str] = []
    quote = ""
    escaped = False
    for char in code:
        if quote:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == quote:
                quote = ""
                out.append(char)
            continue
        if char in "'\"":
            quote = char
        out.append(char)
    return "".join(out)


def _container_mismatch(first: Any, last: Any) -> str:
    """Describe the element a tag from `first` to `last` (w:t elements) half lies in, if any."""
    if first is None or last is None or first is last:
        return ""
    first_chain = [first, *first.iterancestors()]
    last_chain = [last, *last.iterancestors()]
    common = next((a for a in first_chain if any(a is b for b in last_chain)), None)
    below_first = first_chain[:next(i for i, a in enumerate(first_chain) if a is common)] \
        if common is not None else first_chain
    below_last = last_chain[:next(i for i, a in enumerate(last_chain) if a is common)] \
        if common is not None else last_chain
    if [a.tag for a in below_first] == [a.tag for a in below_last]:
        return ""
    for element in [*below_first, *below_last]:
        local = element.tag.split("}")[-1] if isinstance(element.tag, str) else ""
        if local in _CONTAINERS:
            return _CONTAINERS[local]
    return "một thành phần khác của Word"


def _short(text: str, width: int = 40) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= width else text[: width - 1] + "…"


# ---------------------------------------------------------------------------------------------
# Excel official-table templates
# ---------------------------------------------------------------------------------------------


class _ExcelCheck:
    """What `_NameWalker` needs to report into: the issues of one workbook, located by cell."""

    def __init__(self) -> None:
        from kcn_reports.excel_summary import official_environment

        self.env = official_environment()
        self.root = _shape_of(frozenset())
        self.issues: list[TemplateIssue] = []

    def add(self, severity: str, message: str, where: str = "", excerpt: str = "") -> None:
        issue = TemplateIssue(severity, message, where, _short(excerpt, 60))
        if issue not in self.issues:
            self.issues.append(issue)

    def add_at(self, severity: str, message: str, tag: _Tag) -> None:
        self.add(severity, message, tag.where, tag.excerpt)


def _check_excel(path: Path, context: ReportContext) -> list[TemplateIssue]:
    import openpyxl
    from jinja2 import TemplateSyntaxError, nodes

    from kcn_reports.excel_summary import _WHOLE_TAG, TAG_MARKS

    try:
        book = openpyxl.load_workbook(path)
    except Exception as exc:  # noqa: BLE001 - any unreadable file is one located issue
        return [TemplateIssue(ERROR, _open_failure(exc, "Excel", ".xlsx"))]
    check = _ExcelCheck()
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                text = cell.value
                if not isinstance(text, str) or not any(
                        m in text for m in (*TAG_MARKS, "}}", "%}")):
                    continue
                where = f"sheet «{ws.title}», ô {cell.coordinate}"
                if any(q in text for q in _SMART_QUOTES):
                    check.add(ERROR, "Thẻ có dấu nháy cong (“ ” ‘ ’) do Excel tự đổi; sửa thành "
                              "dấu nháy thẳng (' hoặc \").", where, text)
                    continue
                try:
                    tree = check.env.parse(text)
                except TemplateSyntaxError as exc:
                    check.add(ERROR, "Ô có lỗi cú pháp: " + _jinja_message(exc) + ".", where, text)
                    continue
                tag = _Tag("{", 0, len(text), text, text, "", 0, where, text)
                _NameWalker(check, [tag] * (text.count("\n") + 1)).visit_all(tree.body)
                whole = _WHOLE_TAG.match(text)
                if whole:
                    expression = check.env.parse("{{" + whole.group("expr") + "}}")
                    output = expression.body[0]
                    node = output.nodes[0] if isinstance(output, nodes.Output) else None
                    shape = _static_shape(node, check.root)
                    if shape is not None and shape.kind in ("dict", "list"):
                        check.add(ERROR, f"«{shape.path}» là một bảng số liệu, không phải một "
                                  f"số; chọn một mục bên trong (ví dụ "
                                  f"«{shape.path}.{_first_leaf(shape)}»).", where, text)
    if not any(i.severity == ERROR for i in check.issues):
        _trial_fill(path, context, check)
    return check.issues


def _static_shape(node: Any, root: _Shape) -> _Shape | None:
    """The shape a plain path expression ("party", "by_zone.0") points at, if it is one."""
    from jinja2 import nodes

    if isinstance(node, nodes.Name):
        return root.children.get(node.name)
    if isinstance(node, nodes.Getattr):
        base = _static_shape(node.node, root)
        return base.children.get(node.attr) if base is not None else None
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        base = _static_shape(node.node, root)
        if base is not None and base.kind == "list" and isinstance(node.arg.value, int):
            return base.item
        if base is not None and isinstance(node.arg.value, str):
            return base.children.get(node.arg.value)
    return None


def _trial_fill(path: Path, context: ReportContext, check: _ExcelCheck) -> None:
    """Fill the template once with the empty context: what the names cannot show."""
    from kcn_reports.excel_summary import write_official_table

    with tempfile.TemporaryDirectory() as scratch:
        try:
            warnings, _ = write_official_table(path, context, Path(scratch) / "thu.xlsx")
        except Exception as exc:  # noqa: BLE001 - reported, never a crash of the checker
            check.add(WARNING, f"Điền thử biểu với số liệu trống bị lỗi ({type(exc).__name__}: "
                      f"{exc}).")
            return
    for warning in warnings:
        check.add(WARNING, f"Điền thử biểu với số liệu trống: {warning}")


def _first_leaf(node: _Shape) -> str:
    if node.kind == "list":
        return "0" + ("." + _first_leaf(node.item) if node.item and node.item.kind != "leaf"
                      else "")
    key = next(iter(node.children), "")
    child = node.children.get(key)
    return key + ("." + _first_leaf(child) if child and child.kind != "leaf" else "")
