"""Repair text typed in the legacy Vietnamese 8-bit fonts TCVN3 (ABC) and VNI.

Offices still type in ".VnTime" (TCVN3) or "VNI-Times" (VNI) fonts. Excel stores such a cell as
the Latin-1 characters of the font's byte codes, so it reaches us as mojibake: TCVN3
"C«ng ty" for "Công ty", VNI "Coâng ty" for "Công ty". This module detects that and converts.

Detection is deliberately conservative, because converting good Unicode corrupts it: a text is
judged legacy only when some of its words are *not* Vietnamese as read but *are* valid
Vietnamese syllables once converted, and (almost) no word becomes invalid by the conversion.

TCVN3 has no code points for upper-case letters with a tone mark: offices type them with the
lower-case codes in the capitals-only font ".VnTimeH". They therefore convert to lower case,
except in words typed in capitals ("TR¸M" -> "TRÁM"), and throughout a text where such a word
stands and no ASCII letter is lower case.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

__all__ = ["ENCODINGS", "detect", "fix", "from_unicode", "is_syllable", "to_unicode"]

ENCODINGS = ("tcvn3", "vni")

# Tone marks in the order used by the tables below: huyền, hỏi, ngã, sắc, nặng.
_TONE_MARKS = "\u0300\u0309\u0303\u0301\u0323"
_ACUTE, _DOT = "\u0301", "\u0323"


def _with_tones(base: str) -> list[str]:
    """The six forms of a vowel: unmarked, then the five tones in `_TONE_MARKS` order."""
    return [base] + [unicodedata.normalize("NFC", base + mark) for mark in _TONE_MARKS]


# --- TCVN3 (ABC) -------------------------------------------------------------------------------
# Per vowel: the code of the unmarked letter (ASCII for a e i o u y) then huyền hỏi ngã sắc nặng.
_TCVN3_VOWELS = {
    "a": "aµ¶·¸¹",
    "ă": "¨»¼½¾Æ",
    "â": "©ÇÈÉÊË",
    "e": "eÌÎÏÐÑ",
    "ê": "ªÒÓÔÕÖ",
    "i": "i×ØÜÝÞ",
    "o": "oßáâãä",
    "ô": "«åæçèé",
    "ơ": "¬êëìíî",
    "u": "uïñòóô",
    "ư": "\u00adõö÷øù",  # ư is the soft hyphen code 0xAD
    "y": "yúûüýþ",
}
# The only capitals TCVN3 (".VnTime") has codes for.
_TCVN3_CAPITALS = {"Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦", "Đ": "§"}


def _build_tcvn3() -> tuple[dict[str, str], dict[str, str]]:
    """Decode table (legacy char -> Unicode) and encode table (Unicode char -> legacy char)."""
    decode: dict[str, str] = {"®": "đ"}
    for base, codes in _TCVN3_VOWELS.items():
        for uni, code in zip(_with_tones(base), codes, strict=True):
            if not code.isascii():
                decode[code] = uni
    decode.update({code: uni for uni, code in _TCVN3_CAPITALS.items()})
    encode = {uni: code for code, uni in decode.items()}
    for code, uni in decode.items():
        # Capitals without a code of their own are typed with the lower-case code (".VnTimeH").
        encode.setdefault(uni.upper(), code)
    return decode, encode


_TCVN3_DECODE, _TCVN3_ENCODE = _build_tcvn3()

# --- VNI ---------------------------------------------------------------------------------------
# Tone modifiers after a vowel, in `_TONE_MARKS` order; â/ê/ô and ă fold the tone into one byte.
_VNI_TONE = "øûõùï"
_VNI_CIRCUMFLEX = "âàåãáä"  # unmarked, huyền, hỏi, ngã, sắc, nặng
_VNI_BREVE = "êèúüéë"
# Letters VNI writes with a single byte: i with tones, ỵ, ơ, ư, đ.
_VNI_I = ["i", "ì", "æ", "ó", "í", "ò"]


def _build_vni() -> tuple[dict[str, str], dict[str, str]]:
    """Decode table (1- or 2-char VNI sequence -> Unicode) and encode table (reverse)."""
    encode: dict[str, str] = {"đ": "ñ"}
    for base in "aeouy":
        for i, uni in enumerate(_with_tones(base)):
            encode[uni] = base if i == 0 else base + _VNI_TONE[i - 1]
    for base, legacy in (("â", "a"), ("ê", "e"), ("ô", "o")):
        for uni, mod in zip(_with_tones(base), _VNI_CIRCUMFLEX, strict=True):
            encode[uni] = legacy + mod
    for uni, mod in zip(_with_tones("ă"), _VNI_BREVE, strict=True):
        encode[uni] = "a" + mod
    for base, legacy in (("ơ", "ô"), ("ư", "ö")):
        for i, uni in enumerate(_with_tones(base)):
            encode[uni] = legacy if i == 0 else legacy + _VNI_TONE[i - 1]
    for uni, code in zip(_with_tones("i"), _VNI_I, strict=True):
        encode[uni] = code
    encode["ỵ"] = "î"
    for uni, code in list(encode.items()):
        encode[uni.upper()] = code.upper()
    encode = {uni: code for uni, code in encode.items() if uni != code}  # a, ì, í... stay as is
    decode = {code: uni for uni, code in encode.items()}
    return decode, encode


_VNI_DECODE, _VNI_ENCODE = _build_vni()
# Every non-ASCII character VNI typing produces, including ì í Ì Í which it shares with Unicode.
_VNI_CHARS = "".join(
    sorted({ch for code in _VNI_DECODE for ch in code if not ch.isascii()} | set("ìíÌÍ"))
)

# --- Vietnamese syllables ----------------------------------------------------------------------
_INITIALS = "ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
# Rhymes without tone. Lenient on purpose (tone position, rare rhymes are accepted): a genuine
# word judged invalid could make Unicode text look like legacy text.
_RHYMES = """
a ac ach ai am an ang anh ao ap at au ay
ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êc êch êm ên êng ênh êp êt êu
i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
o oc oi om on ong op ot ooc oong
oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oen oeo oet
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u ua uc ui um un ung up ut
uân uâng uât uây uê uêch uênh uơ
uy uya uych uyên uyêt uynh uyp uyt uyu
uôc uôi uôm uôn uông uôt
ư ưa ưc ưi ưm ưng ưt ưu
ươc ươi ươm ươn ương ươp ươt ươu
y ych ynh yt yêm yên yêng yêt yêu
""".split()
_SYLLABLE = re.compile(f"(?:{_INITIALS})?({'|'.join(sorted(_RHYMES, key=len, reverse=True))})")
# Valid but rare rhymes: a conversion that only produces these is weak evidence. TCVN3 read
# from VNI "Coâng" gives "coõng", which is why "oong" is here.
_RARE_RHYMES = frozenset(
    "ec êc êng ooc oong oao oap oam oăm oen oeo uâng uêch uênh uơ uyp uyu ưm yêng".split()
)
_RARE_WEIGHT = 0.25
_STOP_FINALS = ("c", "ch", "p", "t")
# Lower-case Vietnamese letters: ASCII, đ and every vowel with its marks.
_LETTERS = frozenset(
    "abcdefghijklmnopqrstuvwxyzđ"
    + "".join(form for base in "aăâeêioôơuưy" for form in _with_tones(base))
)


def _rhyme(word: str) -> str | None:
    """The toneless rhyme of `word` if it is a well-formed Vietnamese syllable, else None."""
    word = unicodedata.normalize("NFC", word.lower())
    if not all(ch in _LETTERS for ch in word):
        return None  # "ñ" would otherwise pass as n + ngã
    tones: list[str] = []
    kept: list[str] = []
    for ch in unicodedata.normalize("NFD", word):
        if ch in _TONE_MARKS:
            tones.append(ch)
        else:
            kept.append(ch)
    if len(tones) > 1:
        return None
    match = _SYLLABLE.fullmatch(unicodedata.normalize("NFC", "".join(kept)))
    if match is None:
        return None
    rhyme = match.group(1)
    # Syllables closed by p, t, c, ch only take the sắc or nặng tone.
    if rhyme.endswith(_STOP_FINALS) and tones not in ([_ACUTE], [_DOT]):
        return None
    return rhyme


def is_syllable(word: str) -> bool:
    """Whether `word` (any case) is a well-formed Vietnamese syllable, tone mark included."""
    return _rhyme(word) is not None


# --- Conversion --------------------------------------------------------------------------------
_TCVN3_WORD = re.compile(f"[A-Za-z{re.escape(''.join(_TCVN3_DECODE))}]+")
_VNI_PAIR = re.compile("|".join(sorted(map(re.escape, _VNI_DECODE), key=len, reverse=True)))


def _tcvn3_word(word: str) -> str:
    return "".join(_TCVN3_DECODE.get(ch, ch) for ch in word)


def _all_caps(word: str) -> bool:
    """A word typed in capitals: its ASCII letters are upper case, one of them past the start.

    "TR¸M" and "§øC" qualify; "Tö" (Tử) does not, nor can "T¸" tell "Tá" from "TÁ".
    """
    letters = [ch for ch in word if ch.isascii() and ch.isalpha()]
    return (
        bool(letters)
        and all(ch.isupper() for ch in letters)
        and (len(letters) >= 2 or not (word[0].isascii() and word[0].isalpha()))
    )


def _tcvn3_to_unicode(text: str) -> str:
    words = _TCVN3_WORD.findall(text)
    caps_text = any(map(_all_caps, words)) and not any(ch.isascii() and ch.islower() for ch in text)

    def convert(match: re.Match[str]) -> str:
        word = match.group()
        out = _tcvn3_word(word)
        return out.upper() if caps_text or _all_caps(word) else out

    return _TCVN3_WORD.sub(convert, text)


def _vni_to_unicode(text: str) -> str:
    return _VNI_PAIR.sub(lambda m: _VNI_DECODE[m.group()], text)


_DECODERS: dict[str, Callable[[str], str]] = {"tcvn3": _tcvn3_to_unicode, "vni": _vni_to_unicode}
_ENCODERS = {"tcvn3": _TCVN3_ENCODE, "vni": _VNI_ENCODE}


def _check(encoding: str) -> str:
    key = encoding.lower()
    if key not in ENCODINGS:
        raise ValueError(f"Bảng mã không được hỗ trợ: {encoding!r} (chỉ có tcvn3, vni)")
    return key


def to_unicode(text: str, encoding: str) -> str:
    """Convert legacy-font text to NFC Unicode; characters outside the encoding pass through."""
    return unicodedata.normalize("NFC", _DECODERS[_check(encoding)](text))


def from_unicode(text: str, encoding: str) -> str:
    """Encode Unicode Vietnamese as the legacy font would store it (for tests and samples).

    Characters the encoding has no code for pass through unchanged; TCVN3 capitals with a tone
    mark become the lower-case code, as typed in the ".VnTimeH" font.
    """
    table = _ENCODERS[_check(encoding)]
    return "".join(table.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


# --- Detection ---------------------------------------------------------------------------------
def _latin1_letters() -> set[str]:
    return {chr(c) for c in range(0xA0, 0x100) if unicodedata.category(chr(c)).startswith("L")}


# Latin-1 letters that typing in the font never produces: their presence rules the font out.
# (Unicode Vietnamese often has them: à Á Â Ã Í Ù Ú against TCVN3, ý against VNI.)
_FOREIGN_LETTERS = {
    "tcvn3": frozenset(_latin1_letters() - set(_TCVN3_DECODE)),
    "vni": frozenset(_latin1_letters() - set(_VNI_CHARS)),
}
# Both readings judge the same words, so that "C«ng" is one broken word when read as VNI.
_ANY_WORD = re.compile(
    f"[A-Za-z{re.escape(''.join(sorted(set(_TCVN3_DECODE) | set(_VNI_CHARS))))}]+"
)
_ALLOWED_WIDE = ((0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x214F))  # punctuation, ₫ €, ™ №
# A character beyond Latin-1 other than those: typing in a legacy font never produces it.
_UNICODE_ONLY = re.compile("[^\x00-\xff" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _ALLOWED_WIDE)
                           + "]")
# A word starting with µ and a short unit is a micro unit (µm, µg, µmol), not TCVN3 "à".
_MICRO_UNIT = re.compile("µ[A-Za-z]{0,3}")
# Evidence must outweigh words that the conversion would break by this factor.
_MIN_RATIO = 4


def _could_be_legacy(text: str, encoding: str) -> bool:
    """Cheap exclusions: pure ASCII, Unicode-only letters (ư, ạ, combining marks), foreign letters."""
    if text.isascii() or _UNICODE_ONLY.search(text):
        return False
    return _FOREIGN_LETTERS[encoding].isdisjoint(text)


def _score(text: str, encoding: str) -> tuple[float, int]:
    """(evidence, damage): words made Vietnamese by converting, and words it leaves broken.

    A word made Vietnamese only through a rare rhyme counts as a fraction of a word.
    """
    if not _could_be_legacy(text, encoding):
        return 0, 0
    evidence = 0.0
    damage = 0
    for match in _ANY_WORD.finditer(text):
        word = match.group()
        if word.isascii() or len(word) < 2:
            continue  # unchanged, or a lone symbol such as "©", "µ", "½"
        if encoding == "tcvn3" and _MICRO_UNIT.fullmatch(word):
            continue
        converted = to_unicode(word, encoding)
        rhyme = _rhyme(converted)
        if rhyme is None:
            damage += 1
        elif converted != word and not is_syllable(word):
            evidence += _RARE_WEIGHT if rhyme in _RARE_RHYMES else 1.0
    return evidence, damage


def detect(text: str) -> str | None:
    """The legacy encoding `text` was typed in ("tcvn3" or "vni"), or None when not confident."""
    if not isinstance(text, str) or text.isascii():
        return None
    best: str | None = None
    best_margin = 0.0
    tie = False
    for encoding in ENCODINGS:
        evidence, damage = _score(text, encoding)
        if evidence == 0 or evidence < _MIN_RATIO * damage:
            continue
        margin = evidence - damage
        if margin > best_margin:
            best, best_margin, tie = encoding, margin, False
        elif margin == best_margin:
            tie = True
    return None if tie else best


def fix(text: str) -> tuple[str, str | None]:
    """(converted text, encoding) when `text` is legacy-font mojibake, else (text, None)."""
    encoding = detect(text)
    if encoding is None:
        return text, None
    return to_unicode(text, encoding), encoding
