"""The numbering of an appendix's rows: which rows are groups, which are tasks.

Plans number their appendix in several ways: groups by Roman numeral (I, II), by letter
(A–D), by Arabic number (1–4, tasks 1.1, 1.2 …) or by a bold heading without a number; tasks
by 1, 2, 3 or 1.1, 1.1.2. The structure decides, not the kind of number alone: a numbered row
followed by a deeper one is a heading, unless it names agencies (then it is a task itself);
a row with no deeper row below it is a task. The heading level right above most tasks is the
group level of the task matrix; other headings are reported, never silently dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

ROMAN = re.compile(r"^(?=[IVXL])L?X{0,3}(IX|IV|V?I{0,3})$")
_LETTER = re.compile(r"^[A-Z]$")
# Four digits: a plan of province-wide tasks can pass 999 rows (a TT cell never holds a year).
_ARABIC = re.compile(r"^\d{1,4}$")
_DOTTED = re.compile(r"^\d{1,3}(?:\.\d{1,3})+$")
_SUB_ITEM = re.compile(r"^(?:[a-zđ]\)|[-–•+*])$")
# A label at the start of a merged cell: "I. Title", "A. Title", "1.2. Title", "Phần A: …".
_LEADING = re.compile(
    r"^(?:Phần\s+|Nhóm\s+|Mục\s+)?([IVXL]+|[A-Z]|\d{1,3}(?:\.\d{1,3})*)\s*[.:)]\s*(\S.*)$",
    re.S,
)

LETTER, ROMAN_KIND, ARABIC, DOTTED, BOLD, SUB_ITEM, NONE, OTHER = (
    "letter",
    "roman",
    "arabic",
    "dotted",
    "bold",
    "sub-item",
    "none",
    "other",
)
NUMBERED = (LETTER, ROMAN_KIND, ARABIC, DOTTED)


def label_kind(label: str) -> str:
    """The kind of a TT cell as printed: `I.`, `A`, `1.`, `1.1.2`, `a)`, `-` or nothing."""
    text = label.strip().rstrip(".").strip()
    if not text:
        return NONE
    if ROMAN.match(text):
        return ROMAN_KIND
    if _LETTER.match(text):
        return LETTER
    if _ARABIC.match(text):
        return ARABIC
    if _DOTTED.match(text):
        return DOTTED
    if _SUB_ITEM.match(text.lower()):
        return SUB_ITEM
    return OTHER


def split_leading_label(text: str) -> tuple[str, str] | None:
    """("I", "Title") from a merged group cell "I. Title"; None when it starts otherwise."""
    match = _LEADING.match(text.strip())
    if match and label_kind(match.group(1)) in NUMBERED:
        return match.group(1), match.group(2).strip()
    return None


def normal_label(label: str) -> str:
    """The label without its trailing dot, Roman numerals and letters in capitals."""
    text = label.strip().rstrip(".").strip()
    return text.upper() if label_kind(text) in (ROMAN_KIND, LETTER) else text


@dataclass
class Item:
    """One numbered or heading row of the appendix, in document order."""

    label: str  # as printed, normalised ("1.1", "II", "A"; "" for a bold heading)
    kind: str
    has_agency: bool
    level: float = 0.0
    heading: bool = False
    parent: int | None = None  # index of the nearest heading above it


def _level(item: Item, bold_level: float) -> float:
    if item.kind == LETTER:
        return 0
    if item.kind == ROMAN_KIND:
        return 1
    if item.kind == BOLD:
        return bold_level
    return 1 + item.label.count(".") + 1  # 1 -> 2, 1.1 -> 3, 1.1.2 -> 4


def arrange(items: list[Item]) -> int | None:
    """Mark headings, parents and levels in place; return the doubled group level, if any."""
    numbered = [_level(i, 0) for i in items if i.kind in NUMBERED]
    bold_level = (min(numbered) if numbered else 2) - 0.5
    for item in items:
        item.level = _level(item, bold_level)
    for index, item in enumerate(items):
        deeper_next = index + 1 < len(items) and items[index + 1].level > item.level
        if item.kind in (LETTER, ROMAN_KIND, BOLD):
            item.heading = True
        else:
            item.heading = deeper_next and not item.has_agency
    stack: list[int] = []
    for index, item in enumerate(items):
        while stack and items[stack[-1]].level >= item.level:
            stack.pop()
        item.parent = stack[-1] if stack else None
        if item.heading:
            stack.append(index)
    nearest = Counter(
        items[i.parent].level for i in items if not i.heading and i.parent is not None
    )
    if not nearest:
        return None
    level, _ = nearest.most_common(1)[0]
    return int(level * 2)  # levels may be halves (bold headings): doubled, they stay exact


def group_of(items: list[Item], index: int, group_level: int | None) -> int | None:
    """The heading at the group level above a task, else its nearest heading."""
    parent = items[index].parent
    nearest = parent
    while parent is not None:
        if group_level is not None and int(items[parent].level * 2) == group_level:
            return parent
        parent = items[parent].parent
    return nearest
