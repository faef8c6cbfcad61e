"""What a `Thời gian thực hiện` cell means: its parts, and for a period the date it falls due.

A reading keeps the text it came from. Its kind is one of dated, recurring, open-ended,
standing, conditional, or several joined by `+` ("dated+conditional" for "Trong năm 2024 và
khi có hướng dẫn mới của Trung ương"); a cell with words the grammar does not know, or an empty
cell, is `unread`: it has no due date, is never overdue, and `kehoach plan` lists it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pipeline.core.catalog import t
from pipeline.core.text import fold
from pipeline.plan.timeline_grammar import (
    CONDITIONAL,
    DATED,
    OPEN_ENDED,
    RECURRING,
    STANDING,
    Part,
    parse_folded,
)

UNREAD = "unread"
KINDS = (DATED, RECURRING, OPEN_ENDED, STANDING, CONDITIONAL, UNREAD)
__all__ = [
    "CONDITIONAL",
    "DATED",
    "KINDS",
    "OPEN_ENDED",
    "RECURRING",
    "STANDING",
    "UNREAD",
    "Part",
    "Timeline",
    "parse",
]

_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})
_YEAR = re.compile(r"(?:19|20|21)\d\d")


@dataclass(frozen=True)
class Timeline:
    text: str
    parts: tuple[Part, ...] = ()
    rest: str = ""  # folded words that were not understood

    @property
    def fully_read(self) -> bool:
        return bool(self.parts) and not self.rest

    @property
    def kind(self) -> str:
        if not self.fully_read:
            return UNREAD
        return "+".join(dict.fromkeys(p.kind for p in self.parts))

    @property
    def due(self) -> date | None:
        """The last dated deadline the cell names, whatever the period."""
        ends = [p.end for p in self.parts if p.kind == DATED and p.end] if self.fully_read else []
        return max(ends) if ends else None

    def deadline_for(self, period: str) -> date | None:
        """The dated deadline that falls in or before `period` (its year), if any.

        Only this date can make a task overdue. A dated part followed by another kind ("Trong
        năm 2024 và khi có hướng dẫn mới") binds its own year only: later periods follow the
        part after it. A dated part alone stays due in later periods until it is done.
        """
        year = _period_year(period)
        if year is None:
            return self.due
        if not self.fully_read:
            return None
        ends = [p.end for p in self.parts if p.kind == DATED and p.end and p.end.year <= year]
        if not ends:
            return None
        latest = max(ends)
        continues = any(p.kind != DATED for p in self.parts)
        return None if continues and latest.year < year else latest

    def due_for(self, period: str) -> date | None:
        """The date the plan sets in `period`: the dated deadline, else a recurring date."""
        dated = self.deadline_for(period)
        year = _period_year(period)
        if dated is not None or year is None:
            return dated
        for part in self.parts:
            if part.kind == RECURRING and part.day_month:
                day, month = part.day_month
                return date(year, month, min(day, 28) if (day, month) == (29, 2) else day)
        return None

    def label_in(self, lang: str) -> str:
        return " + ".join(t(f"timeline-kind-{kind}", lang) for kind in self.kind.split("+"))

    @property
    def label(self) -> str:
        return self.label_in("vi")


def _period_year(period: str) -> int | None:
    found = _YEAR.search(period)
    return int(found.group()) if found else None


def parse(text: str) -> Timeline:
    """Read a timeline cell (one line of text; an Excel date arrives as `2026-03-01 00:00:00`)."""
    folded = fold(text.translate(_DASHES)).strip(" .;,")
    if not folded:
        return Timeline(text)
    parsed = parse_folded(folded)
    return Timeline(text, parsed.parts, parsed.rest)
