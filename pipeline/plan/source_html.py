"""Rows of the HTML tables of a plan page (a web page saved as .html, or a converter's output).

Cells spanning columns (`colspan`) keep their text in the first column; cells spanning rows
(`rowspan`) repeat it below and mark it as continued, as the Word reader does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from pipeline.core.text import clean
from pipeline.plan.source_rows import SourceDocument, SourceRow

_BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"})
_BOLD = frozenset({"b", "strong", "th"})
_HIDDEN = frozenset({"script", "style", "template", "noscript"})  # never shown on the page


@dataclass
class _Cell:
    parts: list[str] = field(default_factory=list)
    plain: bool = False  # some text outside bold markup
    colspan: int = 1
    rowspan: int = 1

    @property
    def text(self) -> str:
        return clean("".join(self.parts))


class _Tables(HTMLParser):
    """Collects every table as rows of cells, and the text outside tables."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[_Cell]]] = []
        self.outside: list[str] = []
        self._depth = 0  # nested tables are read as text of their cell
        self._bold = 0
        self._row: list[_Cell] | None = None
        self._cell: _Cell | None = None
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag == "table":
            self._depth += 1
            if self._depth == 1:
                self.tables.append([])
        elif self._depth == 1 and tag == "tr":
            self._row = []
            self.tables[-1].append(self._row)
        elif self._depth == 1 and tag in ("td", "th") and self._row is not None:
            values = dict(attrs)
            self._cell = _Cell(
                colspan=_span(values.get("colspan")), rowspan=_span(values.get("rowspan"))
            )
            self._row.append(self._cell)
        if tag in _BOLD:
            self._bold += 1
        if tag in _BLOCKS:
            self._text("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag == "table":
            self._depth = max(0, self._depth - 1)
        elif self._depth == 1 and tag in ("td", "th"):
            self._cell = None
        if tag in _BOLD:
            self._bold = max(0, self._bold - 1)
        if tag in _BLOCKS:
            self._text("\n")

    def handle_data(self, data: str) -> None:
        if self._hidden:  # a script's code or a style sheet is no text of the plan
            return
        if self._cell is not None and data.strip() and not self._bold:
            self._cell.plain = True
        self._text(data)

    def _text(self, data: str) -> None:
        if self._cell is not None:
            self._cell.parts.append(data)
        elif self._depth == 0:
            self.outside.append(data)


def _span(value: str | None) -> int:
    return max(1, min(int(value), 200)) if value and value.strip().isdigit() else 1


def _grid(table: list[list[_Cell]]) -> list[SourceRow]:
    """Lay the cells on a grid, resolving colspan and rowspan."""
    pending: dict[int, tuple[str, int]] = {}  # column -> (text, rows still covered)
    rows: list[SourceRow] = []
    for cells in table:
        out: list[str] = []
        continued: set[int] = set()
        bold = [not c.plain for c in cells if c.text]
        queue = list(cells)
        column = 0
        while queue or column in pending:
            if column in pending:
                text, left = pending.pop(column)
                out.append(text)
                continued.add(column)
                if left > 1:
                    pending[column] = (text, left - 1)
                column += 1
                continue
            cell = queue.pop(0)
            for offset in range(cell.colspan):
                out.append(cell.text if offset == 0 else "")
                if cell.rowspan > 1:
                    pending[column + offset] = (cell.text if offset == 0 else "", cell.rowspan - 1)
            column += cell.colspan
        rows.append(SourceRow(out, bool(bold) and all(bold), frozenset(continued)))
    return rows


def table_rows(markup: str) -> list[SourceRow]:
    parser = _Tables()
    parser.feed(markup)
    parser.close()
    return [row for table in parser.tables for row in _grid(table)]


def read(markup: str) -> SourceDocument:
    parser = _Tables()
    parser.feed(markup)
    parser.close()
    rows = [row for table in parser.tables for row in _grid(table)]
    text = re.sub(r"\n\s*\n+", "\n", "".join(parser.outside))
    return SourceDocument(rows, clean(text))
