"""Rows of a plan written as Markdown or text: pipe tables, tab-separated rows, HTML tables.

Exports of Word documents come in all three shapes: `| TT | Nội dung | … |` pipe tables,
tab-separated rows whose cells hold HTML fragments (the embedded plan's text), and whole
`<table>` blocks left in the Markdown by converters.
"""

from __future__ import annotations

import re

from pipeline.plan import source_html
from pipeline.plan.source_rows import (
    SourceDocument,
    SourceRow,
    html_cell,
    row_is_bold,
    strip_markdown,
)

_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_PIPE_SPLIT = re.compile(r"(?<!\\)\|")
_APPENDIX = re.compile(r"PH[ỤU]\s*L[ỤU]C")
_TABLE_BLOCK = re.compile(r"<table\b.*?</table>", re.S | re.I)


def appendix_start(text: str) -> int:
    """Where the appendix begins (its `PHỤ LỤC` title), or 0 when the text has none."""
    match = _APPENDIX.search(text)
    return match.start() if match else 0


def read(text: str) -> SourceDocument:
    start = appendix_start(text)
    body, appendix = text[:start], text[start:]
    rows: list[SourceRow] = []
    position = 0
    for block in _TABLE_BLOCK.finditer(appendix):
        rows += _text_rows(appendix[position : block.start()])
        rows += source_html.table_rows(block.group(0))
        position = block.end()
    rows += _text_rows(appendix[position:])
    if not rows and start:  # a table before the word PHỤ LỤC: read the whole text
        rows = _text_rows(text)
    return SourceDocument(rows, body or text)


def _text_rows(text: str) -> list[SourceRow]:
    rows: list[SourceRow] = []
    for line in text.splitlines():
        if _PIPE_ROW.match(line):
            if _PIPE_RULE.match(line):
                continue
            raws = _PIPE_SPLIT.split(line.strip())[1:-1]
            rows.append(SourceRow([strip_markdown(r) for r in raws], row_is_bold(raws)))
        elif "\t" in line:
            raws = line.split("\t")
            rows.append(SourceRow([html_cell(r) for r in raws], row_is_bold(raws)))
    return rows
