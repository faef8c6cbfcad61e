"""How Vietnamese plans write a timeline, as a small grammar over the folded cell text.

A cell is a sequence of parts joined by `và`, commas, full stops, semicolons or brackets:
"Trong năm 2024 và khi có hướng dẫn mới của Trung ương" is a dated part then a conditional one.
Each part is read from the start of what is left; the first words that fit no part end the
reading, and the cell is reported as not read. Nothing is guessed: words this grammar does not
know ("Kỳ họp giữa năm 2026", "Đăng ký Quý II/2026") make the whole cell unread.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

DATED = "dated"  # a deadline: Năm 2024, Quý III/2024, 6/2025, trước ngày 30/6/2025, 2024-2025
RECURRING = "recurring"  # Hằng năm, Định kỳ hằng quý, Trước ngày 15/12 hằng năm
OPEN_ENDED = "open-ended"  # Từ năm 2025, Năm 2025 và những năm tiếp theo
STANDING = "standing"  # Thường xuyên, Nhiệm vụ thường xuyên
CONDITIONAL = "conditional"  # Khi có hướng dẫn của Trung ương, Theo kế hoạch của Bộ …
_YEARLESS = "yearless"  # Tháng 12, ngày 15/12: only meaningful beside a recurring part


@dataclass(frozen=True)
class Part:
    kind: str
    start: date | None = None  # DATED spans and OPEN_ENDED: the first day
    end: date | None = None  # DATED: the deadline
    every: str = ""  # RECURRING: nam, quy, thang, tuan, 6 thang
    day_month: tuple[int, int] | None = None  # RECURRING (or yearless): a date in every year


@dataclass(frozen=True)
class Parsed:
    parts: tuple[Part, ...]
    rest: str  # folded words that fit no part; empty when the whole cell was read


# --- calendar points: an interval [start, end] written as a date, month, quarter, half, year --

_Q = r"(?P<q>iv|iii|ii|i|[1-4])"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_TO_YEAR = r"\s*(?:/|-|,?\s*nam\b)\s*"  # "Quý II/2025", "Quý II năm 2025", "tháng 6, năm 2025"
_Y = r"(?P<y>(?:19|20|21)\d\d)(?![\d/])"
_POINTS = [
    ("iso", re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:\s+00:00(?::00)?)?")),
    ("date", re.compile(r"(?:ngay\s+)?(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*" + _Y)),
    ("date", re.compile(r"(?:ngay\s+)?(?P<d>\d{1,2})\s+thang\s+(?P<m>\d{1,2})\s+nam\s+" + _Y)),
    (
        "quarters",
        re.compile(
            r"quy\s+(?P<q1>iv|iii|ii|i|[1-4])\s*(?:-|den|va|,)\s*(?:quy\s+)?"
            r"(?P<q2>iv|iii|ii|i|[1-4])" + _TO_YEAR + _Y
        ),
    ),
    ("quarter", re.compile(r"quy\s+" + _Q + _TO_YEAR + _Y)),
    ("half", re.compile(r"(?:0?6|sau)\s+thang\s+(?P<h>dau|cuoi)\s+(?:cua\s+)?nam\s+" + _Y)),
    ("half", re.compile(r"nua\s+(?P<h>dau|cuoi)\s+nam\s+" + _Y)),
    (
        "months",
        re.compile(
            r"(?:thang\s+)?(?P<m1>\d{1,2})\s*(?:-|den)\s*(?:thang\s+)?"
            r"(?P<m2>\d{1,2})" + _TO_YEAR + _Y
        ),
    ),
    ("month", re.compile(r"(?:thang\s+)?(?P<m>\d{1,2})" + _TO_YEAR + _Y)),
    ("year", re.compile(r"(?:nam\s+)?" + _Y)),
]
# The same shapes without a year: read only beside `hằng năm` ("Trước ngày 15/12 hằng năm").
_YEARLESS_POINTS = [
    ("date", re.compile(r"(?:ngay\s+)?(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?![\d/])")),
    ("date", re.compile(r"(?:ngay\s+)?(?P<d>\d{1,2})\s+thang\s+(?P<m>\d{1,2})(?!\s*(?:nam|/|\d))")),
    ("quarter", re.compile(r"quy\s+" + _Q + r"(?!\s*(?:/|-|nam|\w))")),
    ("half", re.compile(r"(?:0?6|sau)\s+thang\s+(?P<h>dau|cuoi)\s+nam(?!\s*\d)")),
    ("month", re.compile(r"thang\s+(?P<m>\d{1,2})(?!\s*(?:/|-|nam|\d))")),
]


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _interval(shape: str, m: re.Match[str]) -> tuple[date, date] | None:
    """The first and last day a matched point stands for; None for an impossible date."""
    g = m.groupdict()
    year = int(g["y"])
    try:
        if shape == "iso" and int(g["d"]) == 1:
            # An Excel date cell: "3/2026" typed in Excel becomes 01/03/2026, shown as
            # "Tháng 3/2026". The value cannot tell the month from its first day: not read.
            return None
        if shape in ("iso", "date"):
            day = date(year, int(g["m"]), int(g["d"]))
            return day, day
        if shape == "quarter":
            q = _ROMAN[g["q"]]
            return date(year, 3 * q - 2, 1), _month_end(year, 3 * q)
        if shape == "quarters":
            first, last = _ROMAN[g["q1"]], _ROMAN[g["q2"]]
            return (
                (date(year, 3 * first - 2, 1), _month_end(year, 3 * last)) if first < last else None
            )
        if shape == "half":
            return (
                (date(year, 1, 1), date(year, 6, 30))
                if g["h"] == "dau"
                else (date(year, 7, 1), date(year, 12, 31))
            )
        if shape == "months":
            first, last = int(g["m1"]), int(g["m2"])
            return (date(year, first, 1), _month_end(year, last)) if first < last else None
        if shape == "month":
            return date(year, int(g["m"]), 1), _month_end(year, int(g["m"]))
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:  # month 13, 31/02, quarter "v"
        return None


def _yearless(shape: str, m: re.Match[str]) -> tuple[int, int] | None:
    """(day, month) in every year of a point written without its year."""
    g = m.groupdict()
    month = {
        "quarter": 3 * _ROMAN.get(g.get("q") or "", 0),
        "half": 6 if g.get("h") == "dau" else 12,
    }.get(shape) or int(g.get("m") or 0)
    if not 1 <= month <= 12:
        return None
    day = int(g["d"]) if shape == "date" else calendar.monthrange(2001, month)[1]
    return (day, month) if 1 <= day <= calendar.monthrange(2000, month)[1] else None


# --- words around the points -------------------------------------------------------------

# Words that say nothing about when: "Hoàn thành trong Quý II/2025", "Dự kiến tháng 6/2025".
_FILLER = re.compile(
    r"(?:(?:phai|duoc|du kien|hoan thanh|thuc hien|trien khai|ban hanh|trinh|xu ly|xong|"
    r"trong|vao|den het|het|nhiem vu)\s+)+"
)
_SEPARATOR = re.compile(r"\s*(?:[,;.:()\[\]+]|\bva\b|\bhoac\b|\s-\s|\s)+\s*")
_STANDING = re.compile(r"(?:thuong xuyen|lien tuc|hang ngay)(?:\s*,?\s*(?:lien tuc|thuong xuyen))?")
_RECURRING = re.compile(
    r"(?:dinh ky\s+)?(?:hang|moi|vao cac|cac)\s+(?P<every>nam|quy|thang|tuan)(?:\s+mot\s+lan)?"
    r"|dinh ky\s+(?P<six>0?6 thang)(?:\s*/\s*lan|\s+mot\s+lan)?"
)
_CONTINUING = re.compile(r"(?:(?:cac|nhung)\s+)?nam\s+(?:tiep\s+theo|sau(?:\s+do)?)")
_CONDITIONAL = re.compile(r"(?:ngay\s+)?(?:sau\s+)?khi\b|theo\b|tuy\s+(?:theo|thuoc)\b|can\s+cu\b")
_FROM = re.compile(r"(?:bat dau\s+)?tu\s+")
_SPAN = re.compile(r"\s*(?:-|den|toi)\s*")
_BEFORE = re.compile(r"truoc\s+")
_BY = re.compile(r"(?:cham nhat|den|cuoi|giai doan|trong giai doan)\s+")


class _Reader:
    """Reads parts off the front of a folded text, one at a time."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.parts: list[Part] = []

    def take(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        m = pattern.match(self.text, self.pos)
        if m:
            self.pos = m.end()
        return m

    def point(self) -> tuple[date, date] | None:
        for shape, pattern in _POINTS:
            m = pattern.match(self.text, self.pos)
            if m and (found := _interval(shape, m)):
                self.pos = m.end()
                return found
        return None

    def yearless(self) -> tuple[int, int] | None:
        for shape, pattern in _YEARLESS_POINTS:
            m = pattern.match(self.text, self.pos)
            if m and (found := _yearless(shape, m)):
                self.pos = m.end()
                return found
        return None

    def read(self) -> Parsed:
        while True:
            self.take(_SEPARATOR)
            if self.pos >= len(self.text):
                return Parsed(_merge_yearless(self.parts), "")
            start = self.pos
            part = self.part()
            if part is None:
                self.pos = start
                return Parsed(tuple(self.parts), self.text[start:].strip())
            self.parts.append(part)

    def part(self) -> Part | None:
        self.take(_FILLER)
        if self.take(_CONDITIONAL):
            self.pos = len(self.text)  # the condition runs to the end: "khi có hướng dẫn của …"
            return Part(CONDITIONAL)
        if self.take(_CONTINUING):  # "… và những năm tiếp theo" opens the previous dated part
            if self.parts and self.parts[-1].kind == DATED:
                return Part(OPEN_ENDED, start=self.parts.pop().start)
            return None
        if self.take(_STANDING):
            return Part(STANDING)
        if m := self.take(_RECURRING):
            return Part(RECURRING, every=m.group("every") or "6 thang")
        if self.take(_FROM):
            return self.from_point()
        if self.take(_BEFORE):
            return self.before_point()
        self.take(_BY)
        return self.dated()

    def from_point(self) -> Part | None:
        """`Từ năm 2025` (open-ended) or `Từ năm 2024 đến năm 2030` (a span)."""
        first = self.point()
        if first is None:
            return None
        mark = self.pos
        if self.take(_SPAN):
            self.take(_BY)
            last = self.point()
            if last is not None and last[1] > first[0]:
                return Part(DATED, start=first[0], end=last[1])
            self.pos = mark
        return Part(OPEN_ENDED, start=first[0])

    def before_point(self) -> Part | None:
        """`Trước ngày 30/6/2025` is due that day; `trước năm 2025` the day before the year."""
        if (day_month := self.yearless_date_only()) is not None:
            return Part(_YEARLESS, day_month=day_month)
        first = self.point()
        if first is None:
            return None
        end = first[1] if first[0] == first[1] else first[0] - timedelta(days=1)
        return Part(DATED, start=None, end=end)

    def yearless_date_only(self) -> tuple[int, int] | None:
        mark = self.pos
        if self.point() is not None:  # a date with its year is not yearless
            self.pos = mark
            return None
        return self.yearless()

    def dated(self) -> Part | None:
        first = self.point()
        if first is None:
            day_month = self.yearless()
            return Part(_YEARLESS, day_month=day_month) if day_month else None
        mark = self.pos
        if self.take(_SPAN):  # "2024 - 2025", "Quý IV/2025 - Quý I/2026"
            self.take(_BY)
            last = self.point()
            if last is not None and last[1] > first[1]:
                return Part(DATED, start=first[0], end=last[1])
        self.pos = mark
        return Part(DATED, start=first[0], end=first[1])


def _merge_yearless(parts: list[Part]) -> tuple[Part, ...]:
    """Attach "trước ngày 15/12" to the `hằng năm` beside it; a yearless part alone stays."""
    merged: list[Part] = []
    for part in parts:
        previous = merged[-1] if merged else None
        if (
            part.kind == _YEARLESS
            and previous
            and previous.kind == RECURRING
            and previous.every == "nam"
            and previous.day_month is None
        ):
            merged[-1] = Part(RECURRING, every="nam", day_month=part.day_month)
        elif (
            part.kind == RECURRING
            and part.every == "nam"
            and previous
            and previous.kind == _YEARLESS
        ):
            merged[-1] = Part(RECURRING, every="nam", day_month=previous.day_month)
        else:
            merged.append(part)
    return tuple(merged)


def parse_folded(text: str) -> Parsed:
    """The parts of a folded timeline text, and the words that fit none of them."""
    parsed = _Reader(text).read()
    if any(p.kind == _YEARLESS for p in parsed.parts):  # "Quý III" without a year: not read
        return Parsed(parsed.parts, text)
    return parsed
