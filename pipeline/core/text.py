"""Vietnamese text helpers shared by every module that compares what people type."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
# Zero-width characters and non-breaking spaces arrive with text pasted from Word or the web;
# direction marks (LRM, RLM, embeddings, isolates) with text copied from a web page or a PDF,
# where they made "Năm 2024" unreadable as a timeline. Vietnamese needs none of them.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_INVISIBLE = str.maketrans(
    {"\u200b": "", "\ufeff": "", "\u2060": "", "\u00ad": "", "\u00a0": " ", "\u202f": " "}
    | dict.fromkeys(_BIDI, "")
)
# Control characters (other than tab and line breaks) are no text: typed by no keyboard, they
# come from a broken export and make the XML of a workbook invalid. Removed at intake. So are
# the two noncharacters XML refuses (U+FFFE, U+FFFF) and lone surrogates (a broken decode).
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


@lru_cache(maxsize=1 << 16)  # the same task texts arrive in every return of a run
def clean(value: str) -> str:
    """NFC, invisible and control characters removed, spaces trimmed and collapsed (line
    breaks kept)."""
    text = unicodedata.normalize("NFC", _CONTROLS.sub("", value.translate(_INVISIBLE)))
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


def one_line(value: str) -> str:
    """`clean` and then fold every line break into a space."""
    return _SPACES.sub(" ", clean(value)).strip()


@lru_cache(maxsize=1 << 16)
def fold(value: str) -> str:
    """A key for matching only: no diacritics, lower case, one spacing, unified apostrophes.

    Folding makes "hòa"/"hoà", "Đăk"/"Đắk" and NFD input equal; it is never shown to anyone.
    Compatibility forms fold too (NFKD): full-width digits and slashes ("２０２４", "／") typed
    with a Chinese or Japanese input method read as the ASCII ones.
    """
    text = _CONTROLS.sub(" ", value.translate(_INVISIBLE).translate(_APOSTROPHES))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    text = text.replace("đ", "d").replace("Đ", "D").lower()
    return _SPACES.sub(" ", text).strip()


def slug(value: str) -> str:
    """An ASCII identifier: folded, with runs of other characters turned into one `_`."""
    return re.sub(r"[^a-z0-9]+", "_", fold(value)).strip("_")


def is_slug(value: str) -> bool:
    return re.fullmatch(r"[a-z0-9]+(?:[_-][a-z0-9]+)*", value) is not None
