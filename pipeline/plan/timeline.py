"""What a `Thời gian thực hiện` cell means: a kind of timeline and, for a period, a due date."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from pipeline.core.text import fold

ONGOING = "ongoing"  # Thường xuyên: never overdue
ANNUAL = "annual"  # Hàng năm: due at the end of each period
DATED = "dated"  # Năm 2024, Quý III/2024, Tháng 6/2024
SPAN = "span"  # 2024-2025: due at the end of the last year
CONDITIONAL = "conditional"  # khi có hướng dẫn của Trung ương: waits for guidance
COMPOUND = "compound"  # Trong năm 2024 và khi có hướng dẫn mới: the dated part is due
UNKNOWN = "unknown"

_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass(frozen=True)
class Timeline:
    text: str
    kind: str
    due: date | None = None

    def due_for(self, period: str) -> date | None:
        """The due date judged for a reporting period (annual tasks fall due every year)."""
        if self.kind == ANNUAL and period.isdigit():
            return date(int(period), 12, 31)
        return self.due

    @property
    def label(self) -> str:
        return _LABELS[self.kind]


_LABELS = {
    ONGOING: "Thường xuyên",
    ANNUAL: "Hằng năm",
    DATED: "Có thời hạn",
    SPAN: "Nhiều năm",
    CONDITIONAL: "Chờ hướng dẫn",
    COMPOUND: "Có thời hạn, phần còn lại chờ hướng dẫn",
    UNKNOWN: "Không rõ",
}


def _end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _dated(text: str) -> date | None:
    """The due date of the dated part of a folded timeline text, if it has one."""
    if m := re.search(r"quy\s+([iv]+|[1-4])\s*(?:/|nam)\s*(\d{4})", text):
        quarter = _ROMAN_QUARTERS.get(m.group(1))
        return _end_of_month(int(m.group(2)), quarter * 3) if quarter else None
    if m := re.search(r"thang\s+(\d{1,2})\s*(?:/|nam)\s*(\d{4})", text):
        month = int(m.group(1))
        return _end_of_month(int(m.group(2)), month) if 1 <= month <= 12 else None
    if m := re.search(r"(\d{1,2})/(\d{1,2})/(\d{4})", text):
        try:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            return None
    if m := re.search(r"(\d{4})\s*[-–]\s*(\d{4})", text):
        return date(int(m.group(2)), 12, 31)
    if m := re.search(r"\b(?:nam|trong nam|truoc nam)?\s*(\d{4})\b", text):
        return date(int(m.group(1)), 12, 31)
    return None


def parse(text: str) -> Timeline:
    folded = fold(text).rstrip(" .;")
    if not folded:
        return Timeline(text, UNKNOWN)
    if folded.startswith("thuong xuyen"):
        return Timeline(text, ONGOING)
    if folded.startswith("hang nam"):  # "Hàng năm" and "Hằng năm" fold alike
        return Timeline(text, ANNUAL)
    conditional = "huong dan" in folded
    due = _dated(folded)
    if conditional:
        return Timeline(text, COMPOUND, due) if due else Timeline(text, CONDITIONAL)
    if due is None:
        return Timeline(text, UNKNOWN)
    kind = SPAN if re.search(r"\d{4}\s*[-–]\s*\d{4}", folded) else DATED
    return Timeline(text, kind, due)
