"""Find the appendix table among a document's rows and read each row by its column headers.

The table is the first whose header names TT, content and lead. Its header may take two rows
(a label merged over `Chủ trì | Phối hợp`), may be followed by a row of column numbers
`(1) (2) (3)`, and is repeated on every page: every header row found resets the columns, so a
table split across pages (even with other header words on the next page) reads as one.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field

from pipeline.contracts.matrix import TASK_SOURCE_NUMBER, TASKS
from pipeline.core.text import clean, fold, one_line
from pipeline.plan.appendix_headers import (
    FIELDS,
    ColumnMap,
    combine_header_rows,
    map_columns,
)
from pipeline.plan.source_rows import SourceRow

_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")
_SUB_HEADER_LIMIT = 40  # a sub-header is a few words, never a task's text


@dataclass
class RawRow:
    """A data row of the appendix: its five fields, its other columns, and how it looks."""

    values: dict[str, str]
    extras: dict[str, str]
    bold: bool
    continued: frozenset[str]  # fields (and extra headers) merged down from the row above


@dataclass
class Table:
    rows: list[RawRow] = field(default_factory=list)
    mapped: dict[str, str] = field(default_factory=dict)  # field -> header as printed
    extra_headers: list[str] = field(default_factory=list)  # in source order, unique
    unnamed: set[str] = field(default_factory=set)  # extra columns printed without a header
    found: bool = False
    first_row: list[str] = field(default_factory=list)  # what was there instead, for a message


def _is_column_numbers(cells: list[str]) -> bool:
    filled = [c.strip() for c in cells if c.strip()]
    return len(filled) >= 3 and all(_COLUMN_NUMBER.match(c) for c in filled)


def _is_sub_header(row: SourceRow, top: list[str], columns: ColumnMap) -> bool:
    """The second row of a two-row header: short labels under a label merged across."""
    cells = row.cells
    tt, content = columns.fields["tt"], columns.fields["content"]

    def same_or_empty(index: int) -> bool:
        value = one_line(cells[index]) if index < len(cells) else ""
        return not value or value == one_line(top[index])

    if not (same_or_empty(tt) and same_or_empty(content)):
        return False
    new = [
        one_line(c)
        for i, c in enumerate(cells)
        if one_line(c) and (i >= len(top) or one_line(c) != one_line(top[i]))
    ]
    return bool(new) and all(len(c) <= _SUB_HEADER_LIMIT for c in new)


def _header_at(rows: list[SourceRow], index: int) -> tuple[ColumnMap, int] | None:
    """The columns named by the header starting at `index`, and how many rows it takes."""
    top = rows[index].cells
    columns = map_columns(top)
    if not {"tt", "content"} <= columns.fields.keys():
        return None
    if index + 1 < len(rows) and _is_sub_header(rows[index + 1], top, columns):
        combined = map_columns(combine_header_rows(top, rows[index + 1].cells))
        if combined.is_appendix():
            return combined, 2
    return (columns, 1) if columns.is_appendix() else None


def read_table(rows: list[SourceRow]) -> Table:
    table = Table()
    columns: ColumnMap | None = None
    index = 0
    while index < len(rows):
        row = rows[index]
        if not table.first_row and any(c.strip() for c in row.cells):
            table.first_row = [one_line(c) for c in row.cells if c.strip()]
        header = _header_at(rows, index)
        if header is not None:
            columns, taken = header
            _note_columns(table, columns)
            index += taken
            continue
        index += 1
        if columns is None or not any(c.strip() for c in row.cells):
            continue
        if _is_column_numbers(row.cells):
            continue
        table.rows.append(_raw(row, columns))
    return table


def _note_columns(table: Table, columns: ColumnMap) -> None:
    table.found = True
    for name in FIELDS:
        if name in columns.fields and name not in table.mapped:
            table.mapped[name] = columns.headers[columns.fields[name]]
    for index, header in columns.extras:
        name = extra_name(index, header)
        if name not in table.extra_headers:
            table.extra_headers.append(name)
        if not header:
            table.unnamed.add(name)


_RESERVED = frozenset(fold(h) for h in (*TASKS.names, TASK_SOURCE_NUMBER))


def extra_name(index: int, header: str) -> str:
    """The matrix header of a kept column: its own, unless that is a matrix column's name."""
    if not header:
        return f"Cột {index + 1}"
    return f"{header} (cột {index + 1})" if fold(header) in _RESERVED else header


def _raw(row: SourceRow, columns: ColumnMap) -> RawRow:
    def cell(index: int) -> str:
        return clean(row.cells[index]) if index < len(row.cells) else ""

    values = {name: cell(index) for name, index in columns.fields.items()}
    extras: dict[str, str] = {}
    continued: set[str] = set()
    for name, index in columns.fields.items():
        if index in row.continued:
            continued.add(name)
    for index, header in columns.extras:
        name = extra_name(index, header)
        extras[name] = cell(index)
        if index in row.continued:
            continued.add(name)
    return RawRow(values, extras, row.bold, frozenset(continued))


def describe_first_row(cells: list[str]) -> str:
    """What the reader saw instead of an appendix header, for the message."""
    return " | ".join(textwrap.shorten(c, 30, placeholder="…") for c in cells[:6])
