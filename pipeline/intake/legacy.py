"""Text typed in the legacy Vietnamese fonts TCVN3 (.VnTime) and VNI (VNI-Times).

Such text arrives as Latin-1 look-alikes ("Hoµn thµnh", "Hoaøn thaønh"). Python has no codec
for either; the tables below are generated from the encodings' structure, and a text is only
converted when it carries characters that Unicode Vietnamese text never has.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TONES = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # sắc, huyền, hỏi, ngã, nặng

# TCVN3 (ABC) lower-case table: each row is a base letter then its five tones.
_TCVN3_ROWS = (
    ("a", "a¸µ¶·¹"),
    ("ă", "¨¾»¼½Æ"),
    ("â", "©ÊÇÈÉË"),
    ("e", "eÐÌÎÏÑ"),
    ("ê", "ªÕÒÓÔÖ"),
    ("i", "iÝ×ØÜÞ"),
    ("o", "oãßáâä"),
    ("ô", "«èåæçé"),
    ("ơ", "¬íêëìî"),
    ("u", "uóïñòô"),
    ("ư", "\xadøõö÷ù"),
    ("y", "yýúûüþ"),
)
_TCVN3_SINGLE = {"®": "đ", "¡": "Ă", "¢": "Â", "§": "Đ", "£": "Ê", "¤": "Ô", "¥": "Ơ", "¦": "Ư"}

# VNI: a base letter followed by a mark character; upper-case marks for upper-case letters.
_VNI_TONES = "ùøûõï"
_VNI_HAT_TONES = "áàåãä"  # after â, ê, ô
_VNI_BREVE_TONES = "éèúüë"  # after ă
_VNI_SINGLE = {
    "ô": "ơ",
    "ö": "ư",
    "í": "í",
    "ì": "ì",
    "æ": "ỉ",
    "ó": "ĩ",
    "ò": "ị",
    "î": "ỵ",
    "ñ": "đ",
}

# Characters Unicode Vietnamese never uses: their presence marks legacy text.
_VIETNAMESE = re.compile("[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")
# Latin-1 letters that Unicode Vietnamese text does use (á, ê, ô…): no evidence either way.
_SHARED_LETTERS = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_VNI_MARKERS = re.compile("[øûïåäëüæîñöØÛÏÅÄËÜÆÎÑÖ]")
# TCVN3 codes in a range VNI text never uses: two of them decide before VNI is considered.
_TCVN3_ONLY = re.compile("[\xa1-\xbf\xad]")


def _compose(base: str, tone: int) -> str:
    return unicodedata.normalize("NFC", base + (_TONES[tone - 1] if tone else ""))


@lru_cache(maxsize=1)
def _tcvn3_table() -> dict[str, str]:
    table = dict(_TCVN3_SINGLE)
    for base, codes in _TCVN3_ROWS:
        for tone, code in enumerate(codes):
            if tone or code != base:
                table[code] = _compose(base, tone)
    return table


@lru_cache(maxsize=1)
def _vni_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    pairs: dict[str, str] = {}
    for base in "aeiouy":
        for tone, mark in enumerate(_VNI_TONES, start=1):
            pairs[base + mark] = _compose(base, tone)
    for base, hat in (("a", "â"), ("e", "ê"), ("o", "ô")):
        pairs[base + "â"] = hat
        for tone, mark in enumerate(_VNI_HAT_TONES, start=1):
            pairs[base + mark] = _compose(hat, tone)
    pairs["aê"] = "ă"
    for tone, mark in enumerate(_VNI_BREVE_TONES, start=1):
        pairs["a" + mark] = _compose("ă", tone)
    for single, letter in (("ô", "ơ"), ("ö", "ư")):
        for tone, mark in enumerate(_VNI_TONES, start=1):
            pairs[single + mark] = _compose(letter, tone)
    pairs.update(_VNI_SINGLE)
    table = dict(pairs)
    for key, value in pairs.items():
        table[key.upper()] = value.upper()
    keys = sorted(table, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, keys))), table


@lru_cache(maxsize=1)
def _tcvn3_markers() -> re.Pattern[str]:
    """A TCVN3 code that Unicode Vietnamese never uses, standing inside a word ("§ang", "kh¨n")."""
    strong = "".join(sorted(set(_tcvn3_table()) - _SHARED_LETTERS - set("aeiouy")))
    cls = re.escape(strong)
    return re.compile(rf"(?<=[^\W\d_])[{cls}]|[{cls}](?=[^\W\d_])")


def detect(text: str) -> str | None:
    """ "TCVN3", "VNI" or None for text that already is Unicode (or plain ASCII).

    One telltale code inside a word is enough for TCVN3: short answers ("§ang thùc hiÖn") carry
    only one or two, and a lone symbol between spaces or digits ("§ 3", "2×3") is not counted.
    """
    if text.isascii():  # every legacy code is above ASCII (tests/test_legacy.py)
        return None
    if _VIETNAMESE.search(text):
        return None
    if len(_TCVN3_ONLY.findall(text)) >= 2:
        return "TCVN3"
    if len(_VNI_MARKERS.findall(text)) >= 2:
        return "VNI"
    if _tcvn3_markers().search(text):
        return "TCVN3"
    return None


def detect_file(texts: list[str]) -> str | None:
    """The legacy encoding most of a file's telltale cells are in, or None."""
    found = [encoding for encoding in map(detect, texts) if encoding is not None]
    return max(set(found), key=found.count) if found else None


def to_unicode(text: str, encoding: str) -> str:
    if encoding == "TCVN3":
        table = _tcvn3_table()
        return "".join(table.get(ch, ch) for ch in text)
    pattern, table = _vni_pattern()
    return pattern.sub(lambda m: table[m.group(0)], text)


def convert(text: str, file_encoding: str | None = None) -> tuple[str, str | None]:
    """The text in Unicode NFC, and the legacy encoding it was in (None when it was not).

    `file_encoding` is what the file's other cells showed: a cell of such a file with no
    telltale of its own ("Tèt" for "Tốt") is converted too, unless it is already Unicode
    Vietnamese or has no legacy code at all.
    """
    if text.isascii():  # empty, a number, an English word: no legacy code (as in `detect`)
        return text, None
    encoding = detect(text)
    if encoding is None and file_encoding is not None and _carries_codes(text, file_encoding):
        encoding = file_encoding
    if encoding is None:
        return text, None
    return unicodedata.normalize("NFC", to_unicode(text, encoding)), encoding


def _carries_codes(text: str, encoding: str) -> bool:
    if _VIETNAMESE.search(text):
        return False
    if encoding == "TCVN3":
        table = _tcvn3_table()
        return any(ch in table for ch in text if not ch.isascii())
    pattern, _ = _vni_pattern()
    return pattern.search(text) is not None and not text.isascii()
