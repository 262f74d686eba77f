"""Legacy Vietnamese fonts: the full TCVN3 and VNI tables, detection without false alarms."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kcn_reports import legacy_fonts as lf

# --- The tables, written out independently of the module ---------------------------------------
# TCVN3 (ABC): one byte per letter; capitals only for Ă Â Đ Ê Ô Ơ Ư.
TCVN3_LETTERS = (
    "àáảãạ ăằắẳẵặ âầấẩẫậ đ èéẻẽẹ êềếểễệ ìíỉĩị òóỏõọ ôồốổỗộ ơờớởỡợ ùúủũụ ưừứửữự ỳýỷỹỵ ĂÂĐÊÔƠƯ"
).replace(" ", "")
TCVN3_CODES = (
    "µ¸¶·¹ ¨»¾¼½Æ ©ÇÊÈÉË ® ÌÐÎÏÑ ªÒÕÓÔÖ ×ÝØÜÞ ßãáâä «åèæçé ¬êíëìî ïóñòô \u00adõøö÷ù úýûüþ ¡¢§£¤¥¦"
).replace(" ", "")
# VNI: base letter then a modifier; i-tones, ỵ, ơ, ư, đ are single bytes.
VNI_LETTERS = (
    "aáàảãạ âấầẩẫậ ăắằẳẵặ eéèẻẽẹ êếềểễệ oóòỏõọ ôốồổỗộ ơớờởỡợ uúùủũụ ưứừửữự iíìỉĩị yýỳỷỹỵ đ"
).replace(" ", "")
VNI_CODES = (
    "a aù aø aû aõ aï aâ aá aà aå aã aä aê aé aè aú aü aë "
    "e eù eø eû eõ eï eâ eá eà eå eã eä o où oø oû oõ oï oâ oá oà oå oã oä "
    "ô ôù ôø ôû ôõ ôï u uù uø uû uõ uï ö öù öø öû öõ öï i í ì æ ó ò y yù yø yû yõ î ñ"
).split()


def test_tables_are_complete() -> None:
    assert len(TCVN3_LETTERS) == len(TCVN3_CODES) == 74
    assert len(VNI_LETTERS) == len(VNI_CODES) == 73
    lower = {ch for ch in VNI_LETTERS if not ch.isascii()}
    assert len(lower) == 67  # with the 67 capitals: the 134 Vietnamese letters outside ASCII


@pytest.mark.parametrize(("letter", "code"), list(zip(TCVN3_LETTERS, TCVN3_CODES, strict=True)))
def test_tcvn3_letter(letter: str, code: str) -> None:
    assert lf.from_unicode(letter, "tcvn3") == code
    assert lf.to_unicode(code, "tcvn3") == letter


def test_tcvn3_capitals_use_lower_case_codes() -> None:
    for letter, code in zip(TCVN3_LETTERS[:67], TCVN3_CODES[:67], strict=True):
        capital = letter.upper()
        if capital in "ĂÂĐÊÔƠƯ":
            continue
        # ".VnTimeH" shows the lower-case code as a capital: the code alone means lower case...
        assert lf.from_unicode(capital, "tcvn3") == code
        assert lf.to_unicode(code, "tcvn3") == letter
        # ...but in an all-capitals word it is a capital.
        assert lf.to_unicode(f"NG{code}N", "tcvn3") == f"NG{capital}N"


@pytest.mark.parametrize(("letter", "code"), list(zip(VNI_LETTERS, VNI_CODES, strict=True)))
def test_vni_letter(letter: str, code: str) -> None:
    for uni, legacy in ((letter, code), (letter.upper(), code.upper())):
        assert lf.from_unicode(uni, "vni") == legacy
        assert lf.to_unicode(legacy, "vni") == uni


# --- The examples of the brief ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("legacy", "encoding", "unicode"),
    [
        ("C«ng ty TNHH", "tcvn3", "Công ty TNHH"),
        ("Tr¸m", "tcvn3", "Trám"),
        ("§×nh Tr¸m", "tcvn3", "Đình Trám"),
        ("Khu c«ng nghiÖp", "tcvn3", "Khu công nghiệp"),
        ("Coâng ty", "vni", "Công ty"),
        ("Vieät Nam", "vni", "Việt Nam"),
        ("Ñình Traùm", "vni", "Đình Trám"),
    ],
)
def test_examples(legacy: str, encoding: str, unicode: str) -> None:
    assert lf.detect(legacy) == encoding
    assert lf.to_unicode(legacy, encoding) == unicode
    assert lf.fix(legacy) == (unicode, encoding)


# Hand-typed legacy cells, as they arrive from Excel.
@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        ("Khu c«ng nghiÖp Song Khª – Néi Hoµng", "Khu công nghiệp Song Khê – Nội Hoàng"),
        ("Ng\u00adêi lËp biÓu", "Người lập biểu"),
        ("Thñ tr\u00adëng ®¬n vÞ", "Thủ trưởng đơn vị"),
        (
            "Doanh nghiÖp cã vèn ®Çu t\u00ad n\u00adíc ngoµi (FDI)",
            "Doanh nghiệp có vốn đầu tư nước ngoài (FDI)",
        ),
        ("Tæng sè ®¶ng viªn", "Tổng số đảng viên"),
        ("Ph¹m Quèc Kh¸nh", "Phạm Quốc Khánh"),
        ("§ç ThÞ Quúnh Anh", "Đỗ Thị Quỳnh Anh"),
        (
            "Ban Qu¶n lý c¸c khu c«ng nghiÖp tØnh B¾c Giang",
            "Ban Quản lý các khu công nghiệp tỉnh Bắc Giang",
        ),
        ("M· sè thuÕ: 2400123456", "Mã số thuế: 2400123456"),
        ("C¤NG TY TNHH §IÖN Tö SAMSUNG", "CÔNG TY TNHH ĐIỆN TỬ SAMSUNG"),
        ("KHU C«NG NGHIÖP §×NH TR¸M", "KHU CÔNG NGHIỆP ĐÌNH TRÁM"),
    ],
)
def test_tcvn3_cells(legacy: str, unicode: str) -> None:
    assert lf.fix(legacy) == (unicode, "tcvn3")


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        ("Khu coâng nghieäp Song Kheâ – Noäi Hoaøng", "Khu công nghiệp Song Khê – Nội Hoàng"),
        ("Ngöôøi laäp bieåu", "Người lập biểu"),
        ("Thuû tröôûng ñôn vò", "Thủ trưởng đơn vị"),
        (
            "Doanh nghieäp coù voán ñaàu tö nöôùc ngoaøi (FDI)",
            "Doanh nghiệp có vốn đầu tư nước ngoài (FDI)",
        ),
        ("Toång soá ñaûng vieân", "Tổng số đảng viên"),
        ("Phaïm Quoác Khaùnh", "Phạm Quốc Khánh"),
        ("Ñoã Thò Quyønh Anh", "Đỗ Thị Quỳnh Anh"),
        ("UÛy ban nhaân daân huyeän Vieät Yeân", "Ủy ban nhân dân huyện Việt Yên"),
        ("Maõ soá thueá: 2400123456", "Mã số thuế: 2400123456"),
        ("COÂNG TY TNHH ÑIEÄN TÖÛ SAMSUNG", "CÔNG TY TNHH ĐIỆN TỬ SAMSUNG"),
        ("Nguyeãn Thò AÙnh Tuyeát", "Nguyễn Thị Ánh Tuyết"),
    ],
)
def test_vni_cells(legacy: str, unicode: str) -> None:
    assert lf.fix(legacy) == (unicode, "vni")


PHRASES = [
    "Công ty TNHH Điện tử Samsung Việt Nam",
    "Khu công nghiệp Đình Trám",
    "Khu công nghiệp Quang Châu",
    "Khu công nghiệp Song Khê – Nội Hoàng",
    "Khu công nghiệp Vân Trung",
    "Khu công nghiệp Hòa Phú",
    "Khu công nghiệp Việt Hàn",
    "Khu công nghiệp Yên Phong",
    "Người lập biểu",
    "Thủ trưởng đơn vị",
    "Nguyễn Văn Hùng",
    "Trần Thị Thu Hương",
    "Lê Thị Hồng Nhung",
    "Phạm Quốc Khánh",
    "Hoàng Minh Tuấn",
    "Đỗ Thị Quỳnh Anh",
    "Vũ Đức Thắng",
    "Bí thư chi bộ",
    "Chủ tịch công đoàn cơ sở",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    "Số lao động nữ",
    "Tổng số đảng viên",
    "Doanh nghiệp có vốn đầu tư nước ngoài (FDI)",
    "Công ty cổ phần May Bắc Giang",
    "Công ty TNHH Hosiden Việt Nam",
    "Công ty TNHH Fuhong Precision Component Bắc Giang",
    "Sở Kế hoạch và Đầu tư",
    "Ban Quản lý các khu công nghiệp tỉnh Bắc Giang",
    "Thị trấn Nếnh, huyện Việt Yên",
    "Phường Hồng Thái, thị xã Việt Yên",
    "Địa chỉ trụ sở chính",
    "Ngành nghề kinh doanh chính",
    "Lý Thị Thuý",
    "Hòa Bình",
    "Tây Ninh",
    "Công ty Cổ phần Xây dựng và Thương mại Hà Nội",
    "Tổ chức cơ sở đảng trực thuộc Đảng ủy Khối Doanh nghiệp",
    "Số điện thoại: 0204.3854.123",
    "CÔNG TY TNHH ĐIỆN TỬ SAMSUNG",
    "BÁO CÁO TÌNH HÌNH HOẠT ĐỘNG",
]


@pytest.mark.parametrize("phrase", PHRASES)
@pytest.mark.parametrize("encoding", lf.ENCODINGS)
def test_phrases_round_trip(phrase: str, encoding: str) -> None:
    legacy = lf.from_unicode(phrase, encoding)
    assert legacy != phrase
    assert lf.fix(legacy) == (phrase, encoding)


@pytest.mark.parametrize("phrase", PHRASES)
def test_unicode_phrases_are_left_alone(phrase: str) -> None:
    assert lf.detect(phrase) is None
    assert lf.detect(unicodedata.normalize("NFD", phrase)) is None
    assert lf.fix(phrase) == (phrase, None)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Công ty TNHH Điện tử Samsung",
        "Doanh nghiệp có vốn đầu tư nước ngoài (FDI)",
        "Samsung Electronics Vietnam Co., Ltd",
        "Total",
        "21.000",
        "1234,5",
        "30/06/2014",
        "2014-06-30 00:00:00",
        "2400123456-001",
        "Müller",
        "Herr Müller aus Zürich",
        "café",
        "Café Trung Nguyên",
        "crème brûlée à la française",
        "Noël, naïve, Señor Muñoz, São Paulo, Søren, Straße",
        "Diện tích 5.000 m²",
        "m²",
        "5 µm",
        "10 µg/m³",
        "µ",
        "Samsung® Galaxy",
        "© 2024 Samsung",
        "§ 3",
        "3 × 4 ÷ 2",
        "½ ca",
        "Hoà Bình",
        "Hòa Phú",
        "Tây Ninh",
        "Cà Mau",
        "Yên Bái",
        "Lý Thị Thuý",
        "CÔNG TY TNHH",
        "Công ty TNHH Hosiden Việt Nam",
        "Quang Châu, Vân Trung",
    ],
)
def test_not_legacy(text: str) -> None:
    assert lf.detect(text) is None
    assert lf.fix(text) == (text, None)


def test_tcvn3_capitals_with_tone_are_lower_case_in_mixed_case_text() -> None:
    # "Ủ" has no TCVN3 code: ".VnTime" text can only hold the lower-case letter.
    assert lf.fix("ñy ban nh©n d©n") == ("ủy ban nhân dân", "tcvn3")


def test_unknown_encoding() -> None:
    with pytest.raises(ValueError, match="Bảng mã"):
        lf.to_unicode("abc", "viscii")


def test_is_syllable() -> None:
    for word in (
        "Người",
        "nghiệp",
        "quốc",
        "giếng",
        "khuỷu",
        "thuở",
        "hoà",
        "hòa",
        "xoong",
        "Đình",
    ):
        assert lf.is_syllable(word), word
    for word in ("Coâng", "Tr¸m", "nghiêp", "àc", "café", "Müller", "TNHH", "ệệ", "hoàà"):
        assert not lf.is_syllable(word), word


# --- Properties ---------------------------------------------------------------------------------
INITIALS = "b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x".split() + [""]
RHYMES = """a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt âm ân âng âp ât âu ây
e em en eo ep et ê êch êm ên ênh êt êu i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
o oc oi om on ong op ot oa oach oai oan oang oanh oat oay oăc oăn oăng oe oen
ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt u ua uc ui um un ung up ut uân uât uy uyên uyêt uynh
uôc uôi uôm uôn uông uôt ư ưa ưc ưng ưt ưu ươc ươi ươm ương ươp ươt ươu y yên yêu""".split()
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
VOWELS = set("aăâeêioôơuưy")


def _syllables() -> list[str]:
    """Every initial + rhyme + tone, the tone on each possible vowel (old and new styles)."""
    out: set[str] = set()
    for rhyme in RHYMES:
        stop = rhyme.endswith(("c", "ch", "p", "t"))
        for tone in TONES:
            if stop and tone not in ("\u0301", "\u0323"):
                continue
            for i, ch in enumerate(rhyme):
                if ch in VOWELS and (tone or i == 0):
                    toned = unicodedata.normalize("NFC", rhyme[: i + 1] + tone + rhyme[i + 1 :])
                    out.update(initial + toned for initial in INITIALS)
    return sorted(out)


SYLLABLES = _syllables()
LATIN1_SYLLABLES = [s for s in SYLLABLES if all(ord(ch) < 0x100 for ch in s)]
# "đư", "đơ": unambiguous in both encodings ("ña", VNI "đa", is also TCVN3 "ủa").
MARKERS = [s for s in SYLLABLES if s.startswith(("đư", "đơ", "đờ", "đớ", "đở", "đỡ", "đợ"))]
CASES = ("lower", "title", "upper")


def _cased(words: list[str], case: str) -> str:
    if case == "title":
        words = [w[0].upper() + w[1:] for w in words]
    elif case == "upper":
        words = [w.upper() for w in words]
    return " ".join(words)


def _tcvn3_expected(text: str) -> str:
    """What survives TCVN3 in mixed case: a toned capital starting a word is lower case."""
    if text.isupper():
        return text
    words = []
    for word in text.split(" "):
        first = word[0]
        if first.isupper() and not first.isascii() and first not in "ĂÂĐÊÔƠƯ":
            word = first.lower() + word[1:]
        words.append(word)
    return " ".join(words)


def test_every_unicode_syllable_is_left_alone() -> None:
    assert len(SYLLABLES) > 10_000
    for word in SYLLABLES:
        assert lf.is_syllable(word), word
        for form in (word, word.upper()):
            assert lf.detect(form) is None, form


sentences = st.tuples(
    st.lists(st.sampled_from(SYLLABLES), min_size=0, max_size=6),
    st.sampled_from(MARKERS),
    st.integers(min_value=0, max_value=6),
    st.sampled_from(CASES),
)


@settings(max_examples=300)
@given(sentences)
def test_round_trip_tcvn3(sample: tuple[list[str], str, int, str]) -> None:
    words, marker, at, case = sample
    words.insert(min(at, len(words)), marker)  # unambiguous evidence
    text = _cased(words, case)
    if case == "upper":  # a capitals-only text is recognised by a word of 2 ASCII letters
        assume(any(sum(ch.isascii() for ch in word) >= 2 for word in words))
    legacy = lf.from_unicode(text, "tcvn3")
    assert lf.fix(legacy) == (_tcvn3_expected(text), "tcvn3")


@settings(max_examples=300)
@given(sentences)
def test_round_trip_vni(sample: tuple[list[str], str, int, str]) -> None:
    words, marker, at, case = sample
    words.insert(min(at, len(words)), marker)  # unambiguous evidence
    text = _cased(words, case)
    legacy = lf.from_unicode(text, "vni")
    assert lf.fix(legacy) == (text, "vni")


@given(st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=10), st.sampled_from(CASES))
def test_to_unicode_inverts_from_unicode(words: list[str], case: str) -> None:
    text = _cased(words, case)
    assert lf.to_unicode(lf.from_unicode(text, "vni"), "vni") == text
    if case == "lower":
        assert lf.to_unicode(lf.from_unicode(text, "tcvn3"), "tcvn3") == text


@settings(max_examples=300)
@given(
    st.lists(
        st.one_of(st.sampled_from(SYLLABLES), st.sampled_from(LATIN1_SYLLABLES)),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from(CASES),
    st.booleans(),
    st.sampled_from(["", ".", ",", " (FDI)", " 2024", ": 12,5%"]),
)
def test_unicode_sentences_are_never_detected(
    words: list[str], case: str, nfd: bool, tail: str
) -> None:
    text = _cased(words, case) + tail
    text = unicodedata.normalize("NFD" if nfd else "NFC", text)
    assert lf.detect(text) is None


@settings(max_examples=300)
@given(st.lists(st.sampled_from(LATIN1_SYLLABLES), min_size=1, max_size=12), st.sampled_from(CASES))
def test_latin1_only_vietnamese_is_never_detected(words: list[str], case: str) -> None:
    # The hard case: no letter outside Latin-1 gives the Unicode away.
    assert lf.detect(_cased(words, case)) is None
