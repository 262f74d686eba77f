"""Text normalisation for matching labels typed by people: case, diacritics, spacing."""

from __future__ import annotations

import functools
import re
import unicodedata

_PUNCT = re.compile(r"[^\w%/]+", re.UNICODE)


def nfc(text: str) -> str:
    """Unicode NFC (macOS sends NFD), with non-breaking and zero-width spaces made plain."""
    text = unicodedata.normalize("NFC", text)
    return text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")


def strip_accents(text: str) -> str:
    """Remove Vietnamese diacritics: "Đình Trám" -> "Dinh Tram"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Comparison key for labels: lower case, no diacritics, punctuation as single spaces.

    Cached: the same labels recur in every return."""
    text = strip_accents(nfc(text)).lower()
    return " ".join(_PUNCT.sub(" ", text).split())


def clean(text: str) -> str:
    """Text as it should be stored: NFC, trimmed, inner runs of whitespace made one space."""
    return " ".join(nfc(text).split())  # split() and \s agree on what whitespace is
