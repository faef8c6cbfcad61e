"""Vietnamese text helpers shared by every module that compares what people type."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
# Zero-width characters and non-breaking spaces arrive with text pasted from Word or the web.
_INVISIBLE = str.maketrans({"\u200b": "", "\ufeff": "", "\u00a0": " ", "\u202f": " "})


@lru_cache(maxsize=1 << 16)  # the same task texts arrive in every return of a run
def clean(value: str) -> str:
    """NFC, invisible characters removed, spaces trimmed and collapsed (line breaks kept)."""
    text = unicodedata.normalize("NFC", value.translate(_INVISIBLE))
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


def one_line(value: str) -> str:
    """`clean` and then fold every line break into a space."""
    return _SPACES.sub(" ", clean(value)).strip()


@lru_cache(maxsize=1 << 16)
def fold(value: str) -> str:
    """A key for matching only: no diacritics, lower case, one spacing, unified apostrophes.

    Folding makes "hòa"/"hoà", "Đăk"/"Đắk" and NFD input equal; it is never shown to anyone.
    """
    text = unicodedata.normalize("NFD", value.translate(_INVISIBLE).translate(_APOSTROPHES))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    text = text.replace("đ", "d").replace("Đ", "D").lower()
    return _SPACES.sub(" ", text).strip()


def slug(value: str) -> str:
    """An ASCII identifier: folded, with runs of other characters turned into one `_`."""
    return re.sub(r"[^a-z0-9]+", "_", fold(value)).strip("_")


def is_slug(value: str) -> bool:
    return re.fullmatch(r"[a-z0-9]+(?:[_-][a-z0-9]+)*", value) is not None
