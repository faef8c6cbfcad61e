"""What every source reader (Word, Markdown, HTML, workbook) hands to the appendix builder."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from pipeline.core.text import clean


@dataclass
class SourceRow:
    """One table row as text, one cell per grid column.

    A cell merged across columns holds its text in the first column and "" in the others; a
    cell merged down repeats its text in every row it covers, and `continued` names those
    columns in the rows below the first (the appendix builder must not read them twice).
    """

    cells: list[str]
    bold: bool = False  # every text in the row is bold: a heading when it has no number
    continued: frozenset[int] = frozenset()


@dataclass
class SourceDocument:
    rows: list[SourceRow] = field(default_factory=list)
    text: str = ""  # the text outside the appendix: title, number, place and date, deadlines


_BOLD_WRAP = re.compile(
    r"^\s*(?:\*\*|__|<(b|strong)\b[^>]*>)(.*?)(?:\*\*|__|</(b|strong)>)\s*$", re.S | re.I
)


def html_cell(raw: str) -> str:
    """Clean text of an HTML fragment cell: paragraphs and list items as lines, no tags."""
    text = re.sub(r"<sup>.*?</sup>", "", raw, flags=re.S | re.I)
    text = re.sub(r"<br\s*/?>|</p>|</li>|</div>", "\n", text, flags=re.I)
    text = re.sub(r"<[^>]+>", "", text)
    return clean(html.unescape(text))


def markup_bold(raw: str) -> bool:
    """True when the whole cell is wrapped in `**…**`, `__…__`, `<b>` or `<strong>`."""
    return bool(raw.strip()) and _BOLD_WRAP.match(raw) is not None


def strip_markdown(raw: str) -> str:
    """Cell text without Markdown emphasis; `<br>` and HTML fragments as lines."""
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", raw, flags=re.S)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    return html_cell(text.replace("\\|", "|"))


def row_is_bold(raws: list[str]) -> bool:
    filled = [r for r in raws if r.strip()]
    return bool(filled) and all(markup_bold(r) for r in filled)
