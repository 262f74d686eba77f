"""Words typed by people matched to a fixed list of terms (column headers, types, target names).

A clerk retypes a term in their own words: numbered ("1. Kết nạp"), with a remark ("Ngày giải
thể (nếu có)"), abbreviated ("Số ĐV"), reworded ("Chuyển sinh hoạt đến" for "Chuyển đến") or
with extra words ("Kết nạp đảng viên mới"). `Vocabulary.match` folds the text (no diacritics,
case or punctuation), drops leading numbering and bullets, expands abbreviations, and then
takes:

1. a spelling equal to the text, else
2. the longest spelling whose words all appear in the text — unless spellings of two different
   terms tie for longest, which is reported as ambiguous rather than guessed;

first on the whole text, then (if that found nothing or a tie) without its remarks in
parentheses, so "Chuyển đi (đến Đảng bộ huyện)" is a transfer out while "Số lớp … (tối thiểu)"
keeps the word that tells it from "(tối đa)".

A term may declare qualifiers, words that set it apart from its parent ("FDI" in "Trong đó:
chi bộ trong doanh nghiệp FDI"): a text naming a qualifier of the vocabulary matches only the
terms with that qualifier, and a text without it never matches them, so "Số chi bộ thành lập
mới trong DN FDI" is the FDI sub-target, never the total.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping

from kcn_reports.textnorm import fold


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(remark, leading numbering, "Trong đó"), compiled on first use: every run imports this
    module (through the ledger's definition), few of them match anything."""
    remark = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
    # Leading numbering and bullets: "1.", "1)", "1.2.", "(3)", "a)", "IV.", "I.1", "-", "•".
    numbering = re.compile(r"^\s*(?:[-–—•*+·▪●○>]+\s*|\(?(?:\d{1,3}|[A-Za-zĐđ]|[IVXivx]{1,4})"
                           r"(?:\.\d{1,3})*(?:[.):]\s*|\s+))")
    trong_do = re.compile(r"^(?:trong do|td|trd)\s+")
    return remark, numbering, trong_do


class Term:
    """One entry of a vocabulary: its key, the wording written in blank workbooks, other
    spellings accepted, and the qualifiers that set it apart from a broader term (a qualified
    term's spellings match only alongside one of its qualifiers)."""

    # A plain class: the definitions declare dozens of terms and every run imports them.
    __slots__ = ("aliases", "key", "label", "qualifiers")

    def __init__(self, key: str, label: str, aliases: tuple[str, ...] = (),
                 qualifiers: tuple[str, ...] = ()) -> None:
        self.key = key
        self.label = label
        self.aliases = aliases
        self.qualifiers = qualifiers

    def __repr__(self) -> str:
        return f"Term({self.key!r}, {self.label!r})"

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


class Match:
    """What a text matched: a key, or None with the keys that tied (empty if nothing did)."""

    __slots__ = ("key", "tied")

    def __init__(self, key: str | None, tied: tuple[str, ...] = ()) -> None:
        self.key = key
        self.tied = tied

    def __repr__(self) -> str:
        return f"Match({self.key!r}, tied={self.tied!r})"


def words(text: str, abbreviations: Mapping[str, str] = {}) -> tuple[str, ...]:  # noqa: B006 - read only
    """The comparison words of a text: folded, numbering and "Trong đó:" dropped from the
    front, abbreviations expanded."""
    folded = _patterns()[2].sub("", fold(strip_numbering(text)))
    out: list[str] = []
    for word in folded.split():
        out.extend(abbreviations.get(word, word).split())
    return tuple(out)


def strip_numbering(text: str) -> str:
    """The text without its leading numbers and bullets ("2. a) Kết nạp" -> "Kết nạp")."""
    numbering = _patterns()[1]
    previous = None
    while previous != text:
        previous, text = text, numbering.sub("", text, count=1)
    return text


def without_remarks(text: str) -> str:
    """The text without its remarks in parentheses or brackets."""
    remark = _patterns()[0]
    previous = None
    while previous != text:  # nested: "(ghi (nếu có))"
        previous, text = text, remark.sub(" ", text)
    return text


class Vocabulary:
    """A fixed list of terms, matched tolerantly (see the module's docstring)."""

    def __init__(self, terms: Iterable[Term], abbreviations: Mapping[str, str] | None = None):
        self.terms = tuple(terms)
        self.abbreviations = dict(abbreviations or {})
        self._qualifiers = {q: frozenset(self._words(q)) for t in self.terms for q in t.qualifiers}
        self._exact: dict[tuple[str, ...], list[Term]] = {}
        self._spellings: list[tuple[frozenset[str], int, Term]] = []
        for term in self.terms:
            for spelling in term.spellings:
                key = self._words(spelling)
                same = self._exact.setdefault(key, [])
                if any(t.key != term.key and set(t.qualifiers) == set(term.qualifiers)
                       for t in same):
                    raise ValueError(f"spelling {spelling!r} given to two terms")
                same.append(term)
                self._spellings.append((frozenset(key), len(key), term))
        self.match = functools.lru_cache(maxsize=4096)(self._match)

    def _words(self, text: str) -> tuple[str, ...]:
        return words(text, self.abbreviations)

    def labels(self) -> dict[str, str]:
        """Key -> the wording written in blank workbooks."""
        return {t.key: t.label for t in self.terms}

    def _match(self, text: str) -> Match:
        tied: tuple[str, ...] = ()
        stripped = without_remarks(text)
        for variant in (text, stripped) if stripped != text else (text,):
            found = self._match_words(self._words(variant))
            if found.key is not None:
                return found
            tied = tied or found.tied
        return Match(None, tied)

    def _match_words(self, typed: tuple[str, ...]) -> Match:
        if not typed:
            return Match(None)
        present = set(typed)
        named = {q for q, q_words in self._qualifiers.items() if q_words <= present}

        def eligible(term: Term) -> bool:
            return named <= set(term.qualifiers) if named else not term.qualifiers

        exact = {t.key for t in self._exact.get(typed, ()) if eligible(t)}
        if len(exact) == 1:
            return Match(exact.pop())
        best = 0
        keys: list[str] = []
        for spelling, size, term in self._spellings:
            if not spelling <= present or not eligible(term):
                continue
            if size > best:
                best, keys = size, [term.key]
            elif size == best and term.key not in keys:
                keys.append(term.key)
        if len(keys) == 1:
            return Match(keys[0])
        return Match(None, tuple(keys))
