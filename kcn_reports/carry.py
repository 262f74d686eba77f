"""The clerk's writing in a generated report survives a re-run.

The generated .docx is the office's working copy: the clerk writes the assessment and the
solutions into the highlighted places, fills in the document number, adds or rewords
paragraphs. On a re-run the new report is generated from the new figures, then everything the
clerk changed is carried into it. That is a three-way merge, paragraph by paragraph:

- *base*: the blocks (paragraphs and tables of the body) the program generated last time,
  recorded beside the outputs (`snapshot`, kept in the output set's manifest);
- *edited*: the previous .docx as the clerk left it;
- *new*: the .docx just generated.

What the clerk changed is the difference base → edited (by exact text). Where it sits in the new
report is found by matching base → new, with numbers ignored (the same sentence with new
figures is the same place). A change is carried when the generated text it replaces is the same
in the new report; otherwise (the clerk reworded a sentence whose figures have since changed)
it is a conflict: the caller then keeps the previous file as it is and writes the new report
under another name. The clerk's paragraphs are copied as Word XML, so their formatting comes
along (with their pictures, links, list numbering and styles); anything that cannot be copied
faithfully (comments, footnotes, embedded objects) is a conflict too, never a silent loss.
"""

from __future__ import annotations

import copy
import hashlib
import io
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
W_P, W_TBL, W_SDT, W_TR, W_TC = _W + "p", _W + "tbl", _W + "sdt", _W + "tr", _W + "tc"
W_T, W_TAB, W_BR, W_CR = _W + "t", _W + "tab", _W + "br", _W + "cr"
W_NBHYPHEN, W_SYM, W_SECTPR, W_PPR = _W + "noBreakHyphen", _W + "sym", _W + "sectPr", _W + "pPr"
W_DRAWING, W_PICT, W_OBJECT = _W + "drawing", _W + "pict", _W + "object"
W_HIGHLIGHT, W_TCPR, W_VAL = _W + "highlight", _W + "tcPr", _W + "val"
A_BLIP = _A + "blip"

PICTURE = "[hình]"
SNAPSHOT_FORMAT = 1  # bump when `blocks` reads a document differently
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SPACE = re.compile(r"\s+")
_HEADING = re.compile(r"^(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s+\S", re.IGNORECASE)

# What the clerk may put into a paragraph that cannot be copied into another document without
# its own part of the file; carrying it would lose it, so it is a conflict instead.
_UNSUPPORTED = {
    "commentReference": "ghi chú (comment) của Word",
    "commentRangeStart": "ghi chú (comment) của Word",
    "footnoteReference": "chú thích cuối trang",
    "endnoteReference": "chú thích cuối văn bản",
    "altChunk": "nội dung dán từ tệp khác",
}
# Dropped from a copy: bookmarks (their ids could clash) and a section break's own header and
# footer references (the section then shows the headers of the one before it).
_DROPPED = {"bookmarkStart", "bookmarkEnd", "commentRangeEnd", "headerReference",
            "footerReference"}


@dataclass
class Block:
    """One paragraph, table or content control of a document's body."""

    kind: str  # "p", "tbl", "sdt"
    text: str
    cells: list[list[str]] | None = None
    marked: bool = False  # a highlighted placeholder
    element: Any = None

    @property
    def exact(self) -> str:
        return f"{self.kind}:{self.text}"

    @property
    def loose(self) -> str:
        """The block with its numbers blanked: the same place in a report with new figures."""
        if self.cells:
            return "tbl:" + "|".join(_loose_text(cell) for cell in self.cells[0])
        return f"{self.kind}:{_loose_text(self.text)}"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"k": self.kind, "t": self.text}
        if self.cells is not None:
            data["c"] = self.cells
        if self.marked:
            data["m"] = True
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Block:
        return cls(str(data["k"]), str(data["t"]), data.get("c"), bool(data.get("m")))


_DATE = re.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\b\d{1,2}/\d{1,2}/\d{4}\b",
                   re.IGNORECASE)


def _only_dates_differ(a: str, b: str) -> bool:
    """The program changed nothing but a date (the date line moves with the day of the run):
    the date the clerk typed in, the signing date, then stands."""
    return a != b and _DATE.sub("#", a) == _DATE.sub("#", b)


def _loose_text(text: str) -> str:
    return _SPACE.sub(" ", _NUMBER.sub("#", text)).strip()


def _short(text: str, width: int = 60) -> str:
    text = _SPACE.sub(" ", text.replace("\x1e", " ").replace("\x1f", " ")).strip()
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _element_text(element: Any, part: Any) -> str:
    parts: list[str] = []
    for node in element.iter(W_T, W_TAB, W_BR, W_CR, W_NBHYPHEN, W_SYM, W_DRAWING, W_PICT,
                             W_OBJECT):
        tag = node.tag
        if tag == W_T:
            parts.append(node.text or "")
        elif tag == W_TAB:
            parts.append("\t")
        elif tag == W_BR and node.get(_W + "type") == "page":
            parts.append("[ngắt trang]")
        elif tag in (W_BR, W_CR):
            parts.append("\n")
        elif tag == W_NBHYPHEN:
            parts.append("-")
        elif tag == W_SYM:
            parts.append(f"[ký hiệu {node.get(_W + 'char', '')}]")
        else:
            parts.append(_picture_key(node, part))
    return "".join(parts)


def _picture_key(node: Any, part: Any) -> str:
    """A picture by the digest of its image, so a chart drawn from new figures is a change."""
    for blip in node.iter(A_BLIP):
        rid = blip.get(_R + "embed")
        related = part.related_parts.get(rid) if rid and part is not None else None
        if related is not None:
            return f"[hình {hashlib.sha256(related.blob).hexdigest()[:12]}]"
    return PICTURE


def _cells(table: Any, part: Any) -> list[list[str]]:
    return [["\n".join(_element_text(p, part) for p in tc.iter(W_P)) for tc in tr.iterchildren(W_TC)]
            for tr in table.iterchildren(W_TR)]


def blocks(document: Any) -> list[Block]:
    """The body's paragraphs (empty ones left out), tables and content controls, in order."""
    part = document.part
    found: list[Block] = []
    for element in document.element.body.iterchildren():
        if element.tag == W_P:
            text = _element_text(element, part)
            properties = element.find(W_PPR)
            if properties is not None and properties.find(W_SECTPR) is not None:
                text += "[ngắt phần]"  # a section break the clerk put in (page orientation…)
            if text.strip():
                marked = any(h.get(W_VAL) not in (None, "none") for h in element.iter(W_HIGHLIGHT))
                found.append(Block("p", text, marked=marked, element=element))
        elif element.tag == W_TBL:
            cells = _cells(element, part)
            text = "\x1f".join("\x1e".join(row) for row in cells)
            found.append(Block("tbl", text, cells, element=element))
        elif element.tag == W_SDT:
            text = _element_text(element, part)
            if text.strip():
                found.append(Block("sdt", text, element=element))
    return found


def snapshot(path: Path) -> list[dict[str, Any]]:
    """What the program generated, to recognise the clerk's changes on the next run."""
    from docx import Document

    return [block.to_json() for block in blocks(Document(str(path)))]


def _heading_before(items: list[Block], index: int) -> str:
    for block in reversed(items[: max(index, 0) + 1]):
        if block.kind == "p" and len(block.text) <= 120 and _HEADING.match(block.text.strip()):
            return block.text.strip()
    return ""


@dataclass
class CarryResult:
    """What happened to the clerk's writing in the previous report."""

    edited: bool = False  # the previous report holds anything the program did not generate
    carried: list[str] = field(default_factory=list)  # one line per place, in Vietnamese
    conflicts: list[str] = field(default_factory=list)  # what could not be carried, and why
    notes: list[str] = field(default_factory=list)


class Unsupported(Exception):
    """A part of the clerk's text that cannot be copied faithfully into another document."""


class _Importer:
    """Copies body XML from one document into another with what it refers to: pictures,
    hyperlinks, list numbering and styles."""

    def __init__(self, source: Any, target: Any) -> None:
        self.source, self.target = source, target
        self.numbers: dict[str, str] = {}

    def copy(self, element: Any) -> Any:
        new = copy.deepcopy(element)
        dropped = []
        for node in new.iter():
            if not isinstance(node.tag, str):
                continue
            local = node.tag.rsplit("}", 1)[-1]
            if local in _UNSUPPORTED:
                raise Unsupported(_UNSUPPORTED[local])
            if local in _DROPPED:
                dropped.append(node)
                continue
            for name, value in list(node.attrib.items()):
                if name.startswith(_R):
                    node.set(name, self._relationship(value))
            if local == "numId" and node.get(W_VAL) not in (None, "0"):
                node.set(W_VAL, self._numbering(node.get(W_VAL)))
            elif local in ("pStyle", "rStyle", "tblStyle") and node.get(W_VAL):
                self._style(node.get(W_VAL))
        for node in dropped:
            node.getparent().remove(node)
        return new

    def _relationship(self, rid: str) -> str:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        rel = self.source.part.rels.get(rid)
        if rel is None:
            raise Unsupported("một liên kết hỏng trong tệp")
        if rel.is_external:
            return str(self.target.part.relate_to(rel.target_ref, rel.reltype, is_external=True))
        if rel.reltype == RT.IMAGE:
            new_rid, _image = self.target.part.get_or_add_image(io.BytesIO(rel.target_part.blob))
            return str(new_rid)
        raise Unsupported("đối tượng nhúng (biểu đồ, tệp đính kèm…)")

    def _numbering(self, num_id: str) -> str:
        if num_id in self.numbers:
            return self.numbers[num_id]
        source = self.source.part.numbering_part.element
        target = self.target.part.numbering_part.element
        num = source.find(f"{_W}num[@{_W}numId='{num_id}']")
        if num is None:
            return num_id
        abstract_ref = num.find(_W + "abstractNumId")
        abstract_id = abstract_ref.get(W_VAL) if abstract_ref is not None else None
        abstract = source.find(f"{_W}abstractNum[@{_W}abstractNumId='{abstract_id}']")
        if abstract is None:
            raise Unsupported("danh sách đánh số")
        new_abstract_id = str(1 + max((int(a.get(_W + "abstractNumId", 0))
                                       for a in target.iterfind(_W + "abstractNum")), default=0))
        new_num_id = str(1 + max((int(n.get(_W + "numId", 0)) for n in target.iterfind(_W + "num")),
                                 default=0))
        new_abstract = copy.deepcopy(abstract)
        new_abstract.set(_W + "abstractNumId", new_abstract_id)
        for link in new_abstract.iter(_W + "styleLink", _W + "numStyleLink", _W + "pStyle"):
            if link.get(W_VAL):
                self._style(link.get(W_VAL))
        first_num = target.find(_W + "num")
        if first_num is not None:
            first_num.addprevious(new_abstract)
        else:
            target.append(new_abstract)
        new_num = copy.deepcopy(num)
        new_num.set(_W + "numId", new_num_id)
        new_num.find(_W + "abstractNumId").set(W_VAL, new_abstract_id)
        target.append(new_num)
        self.numbers[num_id] = new_num_id
        return new_num_id

    def _style(self, style_id: str) -> None:
        target = self.target.styles.element
        if target.get_by_id(style_id) is not None:
            return
        style = self.source.styles.element.get_by_id(style_id)
        if style is None:
            return  # Word shows the default style; nothing of the text is lost
        target.append(copy.deepcopy(style))
        for ref in ("basedOn", "next", "link"):
            linked = style.find(_W + ref)
            if linked is not None and linked.get(W_VAL):
                self._style(linked.get(W_VAL))


def _map(base: list[Block], new: list[Block]) -> dict[int, int]:
    """base index → new index of the same place (same text, or the same text but numbers)."""
    matcher = SequenceMatcher(None, [b.loose for b in base], [b.loose for b in new],
                              autojunk=False)
    mapping: dict[int, int] = {}
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                if base[i].kind == new[j].kind:
                    mapping[i] = j
    return mapping


class _Merge:
    def __init__(self, base: list[Block], edited_doc: Any, new_doc: Any) -> None:
        self.base = base
        self.edited = blocks(edited_doc)
        self.new = blocks(new_doc)
        self.importer = _Importer(edited_doc, new_doc)
        self.where = _map(base, self.new)
        self.result = CarryResult(edited=True)
        self.actions: list[Any] = []
        self.counts: dict[str, dict[str, int]] = {}

    # -- planning --------------------------------------------------------------------------

    def plan(self) -> None:
        matcher = SequenceMatcher(None, [b.exact for b in self.base],
                                  [b.exact for b in self.edited], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "insert":
                self._insert(i1, self.edited[j1:j2])
            elif tag == "delete":
                self._delete(i1, i2)
            elif tag == "replace":
                self._replace_span(i1, i2, j1, j2)

    def _replace_span(self, i1: int, i2: int, j1: int, j2: int) -> None:
        """Tables are merged cell by cell (the document number sits in one); the paragraphs
        between them are replaced as runs of paragraphs."""
        base_tables = [i for i in range(i1, i2) if self.base[i].kind == "tbl"]
        edited_tables = [j for j in range(j1, j2) if self.edited[j].kind == "tbl"]
        if not base_tables or len(base_tables) != len(edited_tables):
            self._span(i1, i2, j1, j2)
            return
        for i, j in zip(base_tables, edited_tables, strict=True):
            self._span(i1, i, j1, j)
            self._table(i, self.edited[j])
            i1, j1 = i + 1, j + 1
        self._span(i1, i2, j1, j2)

    def _span(self, i1: int, i2: int, j1: int, j2: int) -> None:
        if i1 == i2 and j1 < j2:
            self._insert(i1, self.edited[j1:j2])
        elif j1 == j2 and i1 < i2:
            self._delete(i1, i2)
        elif i1 < i2:
            self._replace(i1, i2, self.edited[j1:j2])

    def _count(self, index: int, what: str, n: int = 1) -> None:
        section = _heading_before(self.base, index)
        bucket = self.counts.setdefault(section, {})
        bucket[what] = bucket.get(what, 0) + n

    def _conflict(self, index: int, text: str) -> None:
        section = _heading_before(self.base, index)
        self.result.conflicts.append(f"{text}" + (f" (mục «{_short(section)}»)" if section else ""))

    def _copies(self, index: int, items: list[Block]) -> list[Any] | None:
        copies = []
        for item in items:
            try:
                copies.append(self.importer.copy(item.element))
            except Unsupported as exc:
                self._conflict(index, f"đoạn «{_short(item.text)}» có {exc}, chương trình "
                                      "không chép sang báo cáo mới được")
                return None
        return copies

    def _insert(self, at: int, items: list[Block]) -> None:
        copies = self._copies(at - 1, items)
        if copies is None:
            return
        if at - 1 in self.where:
            self.actions.append(("after", self.new[self.where[at - 1]].element, copies))
        elif at in self.where:
            self.actions.append(("before", self.new[self.where[at]].element, copies))
        else:
            self._conflict(at - 1, f"đoạn «{_short(items[0].text)}» văn phòng thêm vào, nhưng chỗ "
                                   "của nó không còn trong báo cáo mới")
            return
        self._count(at - 1, "thêm", len(items))

    def _delete(self, i1: int, i2: int) -> None:
        for i in range(i1, i2):
            j = self.where.get(i)
            if j is None:
                continue  # gone from the new report as well
            if self.new[j].loose == self.base[i].loose:
                self.actions.append(("remove", self.new[j].element, []))
                self._count(i, "bỏ")
            else:
                self.result.notes.append(
                    f"Đoạn «{_short(self.base[i].text)}» văn phòng đã xóa ở bản trước; số liệu mới "
                    f"đổi đoạn này thành «{_short(self.new[j].text)}» nên vẫn giữ, xem lại.")

    def _unchanged(self, i: int) -> int | None:
        """The new report's block at base index i, when the program wrote the same text (or
        changed only a date in it)."""
        j = self.where.get(i)
        if j is None or (self.new[j].exact != self.base[i].exact
                         and not _only_dates_differ(self.new[j].text, self.base[i].text)):
            return None
        return j

    def _replace(self, i1: int, i2: int, items: list[Block]) -> None:
        targets = [self._unchanged(i) for i in range(i1, i2)]
        if any(j is None for j in targets):
            changed = next(i for i, j in zip(range(i1, i2), targets, strict=True) if j is None)
            self._conflict(changed, f"đoạn «{_short(self.base[changed].text)}» văn phòng đã sửa, "
                                    "mà số liệu mới cũng làm đoạn này thay đổi")
            return
        copies = self._copies(i1, items) if items else []
        if copies is None:
            return
        first = self.new[targets[0]].element  # type: ignore[index]
        self.actions.append(("before", first, copies))
        for j in targets:
            self.actions.append(("remove", self.new[j].element, []))  # type: ignore[index]
        placeholder = all(self.base[i].marked for i in range(i1, i2))
        self._count(i1, "viết vào chỗ tô vàng" if placeholder else "sửa", max(len(items), 1))

    def _table(self, i: int, edited: Block) -> None:
        base = self.base[i]
        j = self.where.get(i)
        if j is None:
            self._conflict(i, f"bảng «{_short(base.text, 40)}» văn phòng đã sửa không còn trong "
                              "báo cáo mới")
            return
        new = self.new[j]
        base_cells, edited_cells, new_cells = base.cells or [], edited.cells or [], new.cells or []
        if [len(r) for r in base_cells] != [len(r) for r in edited_cells]:
            # Rows or columns added or removed by the clerk: the whole table, if ours is the same.
            if new.exact != base.exact:
                self._conflict(i, f"bảng «{_short(base.text, 40)}» văn phòng đã thêm/bớt hàng, mà "
                                  "số liệu mới cũng làm bảng thay đổi")
                return
            copies = self._copies(i, [edited])
            if copies is not None:
                self.actions.append(("before", new.element, copies))
                self.actions.append(("remove", new.element, []))
                self._count(i, "sửa bảng")
            return
        edited_rows = list(edited.element.iterchildren(W_TR))
        new_rows = list(new.element.iterchildren(W_TR))
        for r, row in enumerate(edited_cells):
            for c, text in enumerate(row):
                if text == base_cells[r][c]:
                    continue
                if r >= len(new_cells) or c >= len(new_cells[r]) or (
                        new_cells[r][c] != base_cells[r][c]
                        and not _only_dates_differ(new_cells[r][c], base_cells[r][c])):
                    self._conflict(i, f"ô «{_short(text, 40)}» văn phòng đã sửa, mà số liệu mới "
                                      "cũng làm ô này thay đổi")
                    continue
                source = list(edited_rows[r].iterchildren(W_TC))[c]
                target = list(new_rows[r].iterchildren(W_TC))[c]
                content = [child for child in source if child.tag != W_TCPR]
                try:
                    copies = [self.importer.copy(child) for child in content]
                except Unsupported as exc:
                    self._conflict(i, f"ô «{_short(text, 40)}» có {exc}, chương trình không chép "
                                      "sang báo cáo mới được")
                    continue
                self.actions.append(("cell", target, copies))
                self.result.carried.append(f"ô «{_short(text, 50)}»")

    # -- applying --------------------------------------------------------------------------

    def apply(self) -> None:
        for action, element, copies in self.actions:
            if action == "after":
                for item in reversed(copies):
                    element.addnext(item)
            elif action == "before":
                for item in copies:
                    element.addprevious(item)
            elif action == "remove":
                element.getparent().remove(element)
            elif action == "cell":
                for child in [c for c in element if c.tag != W_TCPR]:
                    element.remove(child)
                for item in copies:
                    element.append(item)
        for section, counts in self.counts.items():
            what = ", ".join(f"{verb} {n} đoạn" if not verb.startswith("viết")
                             else f"{n} đoạn {verb}" for verb, n in counts.items())
            place = f"mục «{_short(section)}»" if section else "phần đầu báo cáo"
            self.result.carried.append(f"{place}: {what}")


NO_BASE = ("báo cáo cũ không có bản ghi nội dung do chương trình tạo (lập bằng phiên bản cũ hoặc "
           "tệp ban-goc.json đã bị xóa), nên không phân biệt được phần văn phòng đã viết")


def carry_over(previous: Path, base: list[dict[str, Any]] | None, new: Path) -> CarryResult:
    """Carry the clerk's changes in `previous` (against `base`, what was generated then) into
    the report just generated at `new`, which is rewritten in place.

    With conflicts, `new` still receives everything that could be carried; the caller must then
    not overwrite `previous`.
    """
    from docx import Document

    try:
        edited_doc = Document(str(previous))
    except Exception:  # noqa: BLE001 - any unreadable report: keep it, never overwrite it
        return CarryResult(edited=True, conflicts=["không mở được báo cáo cũ (tệp hỏng hoặc "
                                                   "không phải .docx)"])
    if base is None:
        return CarryResult(edited=True, conflicts=[NO_BASE])
    base_blocks = [Block.from_json(item) for item in base]
    if [b.exact for b in blocks(edited_doc)] == [b.exact for b in base_blocks]:
        return CarryResult()
    new_doc = Document(str(new))
    merge = _Merge(base_blocks, edited_doc, new_doc)
    merge.plan()
    merge.apply()
    new_doc.save(str(new))
    return merge.result
