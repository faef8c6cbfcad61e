"""Dates as agencies write them in the `Thời điểm hoàn thành` column.

A real date, an Excel serial, "15/12/2024" or "ngày 15 tháng 12 năm 2024" is a date. Answers
that name a month or a quarter ("12/2024", "Tháng 12/2024", "Quý IV/2024") or a two-digit year
("15/12/24") are read too, as the last day they can mean, and flagged so that the agency can be
told how they were read. A year no report can carry (0224, 1000, 9999) is not a date: Excel
would show it as "####" and every comparison with it would be wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from pipeline.core.text import fold

EXCEL_EPOCH = date(1899, 12, 30)
# The years a completion date of a plan running 2024-2030 can plausibly carry.
FIRST_YEAR, LAST_YEAR = 1990, 2100
_SERIAL_RANGE = (
    (date(FIRST_YEAR, 1, 1) - EXCEL_EPOCH).days,
    (date(LAST_YEAR, 12, 31) - EXCEL_EPOCH).days,
)
_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

EXACT = ""
MONTH = "date-month-only"
QUARTER = "date-quarter-only"
SHORT_YEAR = "date-short-year"


@dataclass(frozen=True)
class Day:
    """A date, and how it was read: EXACT, or the note code of an approximate reading."""

    value: date
    reading: str = EXACT


def _plausible(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


def _month_end(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def from_serial(value: float) -> Day | None:
    if _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
        return Day(EXCEL_EPOCH + timedelta(days=int(value)))
    return None


def from_datetime(value: date) -> Day | None:
    day = value.date() if isinstance(value, datetime) else value
    return Day(day) if _plausible(day.year) else None


def _full(match: re.Match[str], order: tuple[int, int, int]) -> Day | None:
    year, month, day = (int(match.group(i)) for i in order)
    if not _plausible(year):
        return None
    try:
        return Day(date(year, month, day))
    except ValueError:
        return None


def _short_year(match: re.Match[str]) -> Day | None:
    day, month, year = (int(match.group(i)) for i in (1, 2, 3))
    try:
        return Day(date(2000 + year, month, day), SHORT_YEAR)
    except ValueError:
        return None


def _month(match: re.Match[str]) -> Day | None:
    month, year = int(match.group(1)), int(match.group(2))
    if not (1 <= month <= 12 and _plausible(year)):
        return None
    return Day(_month_end(year, month), MONTH)


def _quarter(match: re.Match[str]) -> Day | None:
    quarter, year = _ROMAN_QUARTERS.get(match.group(1)), int(match.group(2))
    if quarter is None or not _plausible(year):
        return None
    return Day(_month_end(year, quarter * 3), QUARTER)


# Patterns over the folded text (no diacritics, lower case), most specific first.
_PATTERNS = (
    (
        re.compile(r"(?:ngay\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})"),
        lambda m: _full(m, (3, 2, 1)),
    ),
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t].*)?"), lambda m: _full(m, (1, 2, 3))),
    (
        re.compile(r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})"),
        lambda m: _full(m, (3, 2, 1)),
    ),
    (re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{2})"), _short_year),
    (re.compile(r"(?:thang\s*)?(\d{1,2})\s*[/.-]\s*(\d{4})"), _month),
    (re.compile(r"thang\s*(\d{1,2})\s*(?:nam\s*)?(\d{4})"), _month),
    (re.compile(r"quy\s*(iv|iii|ii|i|[1-4])\s*[/.-]?\s*(?:nam\s*)?(\d{4})"), _quarter),
)


def from_text(raw: str) -> Day | None:
    key = fold(raw).strip(" .;")
    for pattern, reader in _PATTERNS:
        match = pattern.fullmatch(key)
        if match:
            return reader(match)
    return None
