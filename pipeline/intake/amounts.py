"""Numbers and amounts of money as Vietnamese agencies write them.

The form asks for funding in millions of đồng (triệu đồng), but agencies write what their own
accounts say: "1.200.000.000 đồng", "150.000.000đ", "1,5 tỷ", "150 triệu đồng", or words such as
"Lồng ghép" (funded inside another programme). Each is read into triệu đồng with the unit it
was written in, so that a figure is never off by a factor of a million.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from pipeline.core.text import clean, fold

# Unit words (folded, without diacritics) and how many triệu đồng one of them is.
_UNITS: tuple[tuple[str, float], ...] = (
    ("ty dong", 1000.0),
    ("ty", 1000.0),
    ("trieu dong", 1.0),
    ("trieu", 1.0),
    ("tr", 1.0),
    ("nghin dong", 0.001),
    ("ngan dong", 0.001),
    ("nghin", 0.001),
    ("ngan", 0.001),
    ("dong", 0.000001),
    ("vnd", 0.000001),
    ("d", 0.000001),
)
_UNIT_PATTERN = re.compile(
    r"^(?P<number>[-+]?[\d][\d.,\s]*)\s*(?P<unit>"
    + "|".join(re.escape(u).replace(r"\ ", r"\s*") for u, _ in _UNITS)
    + r")?\.?$"
)
_UNIT_FACTOR = {re.sub(r"\s+", "", u): f for u, f in _UNITS}

# Answers that say "no separate amount" in words; kept as words, never an error.
NO_AMOUNT_WORDS = frozenset(
    {
        "-",
        "--",
        "—",
        "khong",
        "khong co",
        "khong phat sinh",
        "chua phat sinh",
        "khong su dung",
        "long ghep",
        "long ghep trong",
        "kinh phi long ghep",
        "tu can doi",
        "trong du toan",
        "0 dong",
        "x",
    }
)
# A bare number in the triệu column above this is almost surely written in đồng.
IMPLAUSIBLE_MILLIONS = 1_000_000.0
# Excel's largest finite number; anything beyond is not a value a cell can hold.
EXCEL_MAX = 9.99999999999999e307


@dataclass(frozen=True)
class Amount:
    """An amount in triệu đồng; `unit` is the folded unit word it was written with ("" = none)."""

    millions: float
    unit: str


def finite(value: float) -> bool:
    """A number a spreadsheet cell can hold: not inf, not nan, within Excel's range."""
    return math.isfinite(value) and abs(value) <= EXCEL_MAX


def number_text(raw: str) -> float | None:
    """A Vietnamese-written number: "1.200.000" is 1200000, "1,5" is 1.5; None if it is not one."""
    s = re.sub(r"\s+", "", raw)
    if not re.fullmatch(r"[-+]?[\d.,]+", s) or not re.search(r"\d", s):
        return None
    sign = -1.0 if s.startswith("-") else 1.0
    s = s.lstrip("+-")
    if "." in s and "," in s:
        last_comma_is_decimal = s.rfind(",") > s.rfind(".")
        s = s.replace(".", "").replace(",", ".") if last_comma_is_decimal else s.replace(",", "")
    elif s.count(".") > 1 or re.fullmatch(r"\d{1,3}\.\d{3}", s):
        s = s.replace(".", "")
    elif s.count(",") > 1 or re.fullmatch(r"\d{1,3},\d{3},\d{3}", s):
        s = s.replace(",", "")
    else:
        s = s.replace(",", ".")
    try:
        value = sign * float(s)
    except ValueError:
        return None
    return value if finite(value) else None


def amount(raw: str) -> Amount | None:
    """An amount with an optional unit, in triệu đồng; None when the text is not one."""
    key = fold(clean(raw)).strip()
    match = _UNIT_PATTERN.match(key)
    if match is None:
        return None
    value = number_text(match.group("number"))
    if value is None:
        return None
    unit = re.sub(r"\s+", "", match.group("unit") or "")
    factor = _UNIT_FACTOR.get(unit, 1.0)
    return Amount(round(value * factor, 6), unit)


def is_no_amount(raw: str) -> bool:
    """ "Lồng ghép", "Không phát sinh", "-": the agency says there is no separate amount."""
    return fold(clean(raw)).strip(" .;:") in NO_AMOUNT_WORDS
