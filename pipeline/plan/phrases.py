"""How plans write agency names: the words, their spellings, and where a name may start.

Agency cells are compared on folded tokens. A few spellings are made equal here, so that the
registry needs no alias for them: "Ủy ban nhân dân" and "UBND", "Hội đồng nhân dân" and "HĐND",
"TP." and "thành phố". Knowing which words start a name lets an unknown name be reported whole:
"Sở Kế hoạch và Đầu tư" is one unknown name, "Sở Vũ trụ và Sở Y tế" is two names.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from pipeline.contracts.matrix import KIND_COMMUNE, KIND_DISTRICT
from pipeline.core.text import clean, fold

_TOKEN = re.compile(r"[\w&'’`]+|[^\s\w]")
# Several folded words that plans write as one (or one they abbreviate): key -> canonical token.
_CANONICAL: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("uy", "ban", "nhan", "dan"), ("ubnd",)),
    (("hoi", "dong", "nhan", "dan"), ("hdnd",)),
    (("tp", "."), ("thanh", "pho")),
    (("tp",), ("thanh", "pho")),
)
# Words that begin an agency name or a collective phrase; after `và` or a comma they end the
# unknown words before them. "xã hội" (in "Lao động - Thương binh và Xã hội") is no commune.
_HEADS: frozenset[tuple[str, ...]] = frozenset(
    {
        ("so",),
        ("ban",),
        ("bo",),
        ("ubnd",),
        ("uy", "ban"),
        ("van", "phong"),
        ("truong",),
        ("cong", "an"),
        ("cuc",),
        ("chi", "cuc"),
        ("hoi",),
        ("lien", "hiep"),
        ("lien", "doan"),
        ("dai",),
        ("bao",),
        ("thanh", "tra"),
        ("tinh", "doan"),
        ("tinh", "uy"),
        ("phong",),
        ("trung", "tam"),
        ("vien",),
        ("kho", "bac"),
        ("ngan", "hang"),
        ("toa", "an"),
        ("dang", "uy"),
        ("mat", "tran"),
        ("cac",),
        ("co", "quan"),
        ("don", "vi"),
        ("huyen",),
        ("thanh", "pho"),
        ("thi", "xa"),
        ("thi", "tran"),
        ("xa",),
        ("phuong",),
        ("doanh", "nghiep"),
        ("cong", "ty"),
        ("tong", "cong", "ty"),
        ("hoc", "vien"),
        ("phan", "hieu"),
        ("benh", "vien"),
        ("quy",),
        ("cap",),
    }
)
_NOT_HEADS: frozenset[tuple[str, ...]] = frozenset({("xa", "hoi")})

# Collective phrases every Vietnamese plan uses, read without a `Cụm từ` row: their members are
# agency kinds. A row of the plan's own `Cụm từ` sheet with the same words takes precedence.
BUILT_IN_PHRASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("UBND cấp xã", (KIND_COMMUNE,)),
    ("Cấp xã", (KIND_COMMUNE,)),
    ("UBND các xã, phường, thị trấn", (KIND_COMMUNE,)),
    ("UBND xã, phường, thị trấn", (KIND_COMMUNE,)),
    ("UBND các xã, phường, đặc khu", (KIND_COMMUNE,)),
    ("UBND các xã, phường", (KIND_COMMUNE,)),
    ("UBND các phường, xã", (KIND_COMMUNE,)),
    ("UBND các xã, thị trấn", (KIND_COMMUNE,)),
    ("UBND các xã", (KIND_COMMUNE,)),
    ("Các xã, phường, thị trấn", (KIND_COMMUNE,)),
    ("Các xã, phường, đặc khu", (KIND_COMMUNE,)),
    ("Các xã, phường", (KIND_COMMUNE,)),
    ("Các xã, thị trấn", (KIND_COMMUNE,)),
    ("Xã, phường, thị trấn", (KIND_COMMUNE,)),
    ("UBND cấp huyện", (KIND_DISTRICT,)),
    ("Cấp huyện", (KIND_DISTRICT,)),
    ("UBND các huyện, thị xã, thành phố", (KIND_DISTRICT,)),
    ("UBND các huyện, thành phố", (KIND_DISTRICT,)),
    ("UBND các huyện", (KIND_DISTRICT,)),
    ("Các huyện, thị xã, thành phố", (KIND_DISTRICT,)),
)


class Token(NamedTuple):  # a tuple: thousands are made when a large registry is built
    text: str  # as written (for a canonical token: the words it stands for)
    key: str  # folded, canonical
    start: int  # character offsets in the cleaned cell text
    end: int


_CANONICAL_FIRST = frozenset(words[0] for words, _ in _CANONICAL)


@lru_cache(maxsize=1 << 14)  # the same cells and names are resolved again and again
def _tokens(text: str) -> tuple[str, tuple[Token, ...]]:
    cleaned = clean(text)
    raw = [(m.group(), fold(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(cleaned)]
    out: list[Token] = []
    i = 0
    while i < len(raw):
        for words, canonical in _CANONICAL if raw[i][1] in _CANONICAL_FIRST else ():
            if tuple(r[1] for r in raw[i : i + len(words)]) == words:
                first, last = raw[i], raw[i + len(words) - 1]
                span = cleaned[first[2] : last[3]]
                out += [Token(span, key, first[2], last[3]) for key in canonical]
                i += len(words)
                break
        else:
            out.append(Token(*raw[i]))
            i += 1
    return cleaned, tuple(out)


def tokens(text: str) -> tuple[str, list[Token]]:
    """The cleaned text and its canonical tokens."""
    cleaned, toks = _tokens(text)
    return cleaned, list(toks)


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> tuple[str, ...]:
    """How names are compared: canonical folded tokens ("UBND" = "Ủy ban nhân dân")."""
    keys = [fold(word) for word in _TOKEN.findall(clean(text))]
    if not _CANONICAL_FIRST.intersection(keys):
        return tuple(keys)
    out: list[str] = []
    i = 0
    while i < len(keys):
        for words, canonical in _CANONICAL if keys[i] in _CANONICAL_FIRST else ():
            if tuple(keys[i : i + len(words)]) == words:
                out += canonical
                i += len(words)
                break
        else:
            out.append(keys[i])
            i += 1
    return tuple(out)


def starts_name(toks: list[Token], i: int) -> bool:
    """Whether the words at `i` begin an agency name or a collective phrase."""
    keys = tuple(tok.key for tok in toks[i : i + 3])
    if any(keys[:n] in _NOT_HEADS for n in (1, 2, 3)):
        return False
    acronym = i < len(toks) and len(toks[i].text) > 1 and toks[i].text.isupper()  # "VTV, VOV"
    return acronym or any(keys[:n] in _HEADS for n in (1, 2, 3))


def province_words(issuer: str) -> tuple[str, ...]:
    """The province's own name from the issuing body: "UBND tỉnh Kon Tum" -> ("kon", "tum")."""
    keys = name_key(issuer)
    for level in (("tinh",), ("thanh", "pho")):
        for i in range(len(keys) - len(level)):
            if keys[i : i + len(level)] == level:
                return keys[i + len(level) :]
    return ()
