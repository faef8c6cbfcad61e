"""Rows of the tables of a Word plan (.docx), and the text of its body.

python-docx gives a merged cell once per grid column it covers; a cell merged across columns
keeps its text in the first of them, a cell merged down repeats in each row and is marked
continued. A row is bold when every run of text in it is bold (a heading without a number).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.plan.source_rows import SourceDocument, SourceRow

_BULLET_STYLES = ("list",)
# A small table at the top holds the issuing body, the number, the place and the date.
_HEADER_BLOCK_ROWS = 4


def read(path: Path) -> SourceDocument:
    import docx  # python-docx; imported here so other commands do not pay for it

    document = docx.Document(str(path))
    rows: list[SourceRow] = []
    text: list[str] = []
    styles: dict[str | None, tuple[str, bool]] = {}
    for table in document.tables:
        table_rows = list(table.rows)
        if len(table_rows) <= _HEADER_BLOCK_ROWS:
            text += [cell.text for row in table_rows for cell in _unique(row.cells)]
        previous: list[Any] = []
        for row in table_rows:
            cells = list(row.cells)
            rows.append(_row(cells, previous, styles))
            previous = cells  # kept alive so identity tells a cell merged down
    text += [paragraph.text for paragraph in document.paragraphs]
    return SourceDocument(rows, "\n".join(t for t in text if t.strip()))


def _unique(cells: list[Any]) -> list[Any]:
    seen: list[Any] = []
    for cell in cells:
        if not any(cell._tc is s._tc for s in seen):
            seen.append(cell)
    return seen


def _row(
    cells: list[Any], above: list[Any], styles: dict[str | None, tuple[str, bool]]
) -> SourceRow:  # python-docx ships no types
    texts: list[str] = []
    continued: set[int] = set()
    runs_bold: list[bool] = []
    for index, cell in enumerate(cells):
        if index and cell._tc is cells[index - 1]._tc:  # merged across: text in the first
            texts.append("")
            continue
        if index < len(above) and cell._tc is above[index]._tc:
            continued.add(index)
        texts.append(_cell_text(cell, runs_bold, styles))
    return SourceRow(texts, bool(runs_bold) and all(runs_bold), frozenset(continued))


def _style_of(paragraph: Any, styles: dict[str | None, tuple[str, bool]]) -> tuple[str, bool]:
    """The paragraph style's name and boldness, looked up once per style id: python-docx
    scans every style of the document on each lookup (8 ms a cell; a 5,000-row plan took
    minutes)."""
    style_id = paragraph._p.style
    if style_id not in styles:
        style = paragraph.style
        name = (style.name or "") if style is not None else ""
        bold = bool(style is not None and style.font is not None and style.font.bold)
        styles[style_id] = (name, bold)
    return styles[style_id]


def _cell_text(cell: Any, runs_bold: list[bool], styles: dict[str | None, tuple[str, bool]]) -> str:
    lines = []
    for paragraph in cell.iter_inner_content():
        if not hasattr(paragraph, "runs"):  # a table inside the cell: its rows as lines
            lines += [_nested_row(row) for row in paragraph.rows]
            continue
        text = paragraph.text.strip()
        style_name, style_bold = _style_of(paragraph, styles)
        for run in paragraph.runs:
            if run.text.strip():
                runs_bold.append(bool(run.bold) or (run.bold is None and style_bold))
        if text and any(s in style_name.lower() for s in _BULLET_STYLES) and text[0] not in "-+•":
            text = "- " + text
        lines.append(text)
    return "\n".join(lines)


def _nested_row(row: Any) -> str:
    """A row of a table nested in a cell, its cells joined by " | " (python-docx's
    `cell.paragraphs` skips nested tables, and their text was lost without a word)."""
    return " | ".join(t for t in (c.text.strip() for c in _unique(list(row.cells))) if t)
