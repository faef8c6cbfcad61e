"""What a value becomes in an Excel cell, and a table's rows written straight as sheet XML.

`cell()` is the one serializer: both routes of `excel_layer` (xlsxwriter cell by cell, or
spliced) take their values from it. `Splice`, `rows_xml` and `splice_into` put a table's rows
into the sheet XML xlsxwriter wrote, merged with any cells it wrote in those rows, with
xlsxwriter's own escapes and row heights, so a spliced row reads and prints as a written one.
"""

from __future__ import annotations

import math
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from numbers import Integral, Real
from pathlib import Path
from typing import Any, Literal

from pipeline.contracts.form import EXCEL_TEXT_LIMIT
from pipeline.core.cells import column_letter, column_number, distinct_values

CUT_MARK = " …[đã cắt bớt]"
YES, NO = "Có", "Không"
_EPOCH = datetime(1899, 12, 30)
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ROW = re.compile(r'<row r="(\d+)"[^>]*?(?:/>|>.*?</row>)', re.S)

Kind = Literal["text", "number", "date", "datetime"]
KINDS: tuple[Kind, ...] = ("text", "number", "date", "datetime")


def cell(value: Any) -> tuple[Kind, Any, bool] | None:
    """What Excel will hold for `value`: (kind, value, was cut), or None for an empty cell.

    Text is always text (an agency's "=1+1" never becomes a formula), without the control
    characters XML cannot carry, and cut at Excel's 32,767 characters with a visible marker;
    NaN, NaT and infinities are empty (Excel cannot hold them); booleans read Có/Không.
    """
    kind = type(value)
    if kind is str:
        if not value:
            return None
        text = _ILLEGAL.sub("", value)
        if len(text) > EXCEL_TEXT_LIMIT:
            return "text", text[: EXCEL_TEXT_LIMIT - len(CUT_MARK)] + CUT_MARK, True
        return "text", text, False
    if value is None or value is _NAT or value is _NA:
        return None
    if kind is bool:
        return "text", YES if value else NO, False
    if isinstance(value, Real):  # numpy's numbers too, which `int | float` misses or keeps
        number = float(value)
        if math.isnan(number) or math.isinf(number):
            return None
        if kind is not int and kind is not float:  # written by repr: np.float64(1.5) is no
            value = int(value) if isinstance(value, Integral) else number  # number in XML
        return "number", value, False
    if isinstance(value, datetime):  # pandas Timestamps are datetimes too
        return "datetime", value.replace(tzinfo=None), False
    if isinstance(value, date):
        return "date", value, False
    if _is_missing(value):
        return None
    return cell(str(value))


def _is_missing(value: Any) -> bool:
    try:
        return bool(
            value != value
        )  # NaN-like objects (numpy, pandas NA) are not equal to themselves
    except (TypeError, ValueError):
        return False


_NAT: Any = None
_NA: Any = None
try:  # pandas' missing markers, compared by identity
    import pandas as _pd

    _NAT, _NA = _pd.NaT, _pd.NA
except ImportError:  # pragma: no cover - pandas is a dependency
    pass


@dataclass
class Splice:
    """Rows to put into one sheet: the values, their styles and their heights."""

    part: str  # e.g. xl/worksheets/sheet7.xml
    first_row: int  # 1-based Excel row of the first data row
    columns: Sequence[Sequence[Any]]  # values, column by column
    styles: Sequence[tuple[int, int, int, int]]  # per column: text, number, date, datetime xf
    heights: Sequence[float]  # per row; 0 leaves the default height

    def cut_rows(self) -> list[int]:
        """1-based rows holding a text that had to be cut, as `cell` cuts it.

        A column's distinct values are tested first: a call per cell was 0.25 s of the
        3,321-agency workbook's 2 s, and a text is almost never cut."""
        rows: set[int] = set()
        for values in self.columns:
            if any(_cut(value) for value in distinct_values(values)):
                rows.update(
                    self.first_row + offset for offset, value in enumerate(values) if _cut(value)
                )
        return sorted(rows)


_NEVER_CUT = frozenset({int, float, bool, datetime, date, type(None)})


def _cut(value: Any) -> bool:
    """Whether `cell` cuts the value (a text only once its control characters are gone)."""
    if (type(value) is str and len(value) <= EXCEL_TEXT_LIMIT) or type(value) in _NEVER_CUT:
        return False
    held = cell(value)
    return held is not None and held[2]


# What xlsxwriter does to a text before XML escapes it, so that a spliced cell reads as one it
# wrote: a literal `_x0041_` keeps its underscore (Excel would read it as "A"), and a carriage
# return, which XML would turn into a line feed, is written as Excel's own escape.
_EXCEL_ESCAPE = re.compile("(_x[0-9a-fA-F]{4}_)")


def _escape(text: str) -> str:
    if "_x" in text:
        text = _EXCEL_ESCAPE.sub(r"_x005F\1", text)
    if "\r" in text:
        text = text.replace("\r", "_x000D_")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _body(value: Any, styles: tuple[int, int, int, int]) -> str | None:
    """Everything of a cell after its reference (`<c r="B7"` + this), None for a blank."""
    held = cell(value)
    if held is None:
        return None
    kind, shown, _ = held
    if kind == "text":
        return (
            f' s="{styles[0]}" t="inlineStr"><is><t xml:space="preserve">'
            f"{_escape(shown)}</t></is></c>"
        )
    if kind == "number":
        return f' s="{styles[1]}"><v>{shown!r}</v></c>'
    if kind == "datetime":
        serial = (shown - _EPOCH).total_seconds() / 86400
        return f' s="{styles[3]}"><v>{serial!r}</v></c>'
    serial = (datetime(shown.year, shown.month, shown.day) - _EPOCH).days
    return f' s="{styles[2]}"><v>{serial}</v></c>'


_UNSEEN: Any = object()


def _bodies(values: Sequence[Any], styles: tuple[int, int, int, int]) -> list[str | None]:
    """A column's cell bodies, None for blanks; each distinct value is escaped once.

    Columns repeat themselves (agency names, status words, task numbers), so a 50,000-row
    table has far fewer distinct values than cells.
    """
    if not isinstance(values, list):  # an array makes a new object at each look: NaN's
        values = list(values)  # hash is its identity, so both looks must see the same ones
    by_value = _bodies_by_value(values, styles)
    if by_value is not None:
        return [by_value[value] for value in values]
    texts: dict[str, str | None] = {}  # text, by far the most common, keyed by itself
    made: dict[tuple[type, Any], str | None] = {}
    bodies: list[str | None] = []
    for value in values:
        if type(value) is str:
            body = texts.get(value, _UNSEEN)
            if body is _UNSEEN:
                body = texts[value] = _body(value, styles)
            bodies.append(body)
            continue
        try:
            key = (type(value), value)
            body = made.get(key, _UNSEEN)
        except TypeError:  # an unhashable value (a list): shown as text, like any other
            bodies.append(_body(value, styles))
            continue
        if body is _UNSEEN:
            body = made[key] = _body(value, styles)
        bodies.append(body)
    return bodies


def _bodies_by_value(
    values: Sequence[Any], styles: tuple[int, int, int, int]
) -> dict[Any, str | None] | None:
    """Each distinct value's body, keyed by the value itself, when that is safe: text (and
    blanks) beside at most one other type. Values of two types can be equal and differ in
    Excel (True == 1 reads "Có" and 1); then, or when a value cannot be hashed, None."""
    kinds = set(map(type, values))
    if len(kinds - _PLAIN) > 1:
        return None
    try:
        return {value: _body(value, styles) for value in dict.fromkeys(values)}
    except TypeError:
        return None


_PLAIN = frozenset({str, type(None)})


def _points(height: float) -> str:
    """A row height as xlsxwriter writes it: to whole pixels (4 to 3 points), so that a
    spliced row is as tall as the same row written by xlsxwriter."""
    return f"{int(height * 4.0 / 3.0 + 0.5) * 0.75:.16g}"


def rows_xml(splice: Splice, written: Mapping[int, str] | None = None) -> str:
    """The rows' XML. `written`: rows xlsxwriter wrote inside the table (by 1-based row, the
    `<row>` element), such as links beside the values: their cells are merged in by column."""
    return "".join(_row_parts(splice, written))


def _row_parts(splice: Splice, written: Mapping[int, str] | None) -> list[str]:
    """`rows_xml` in pieces, to be joined once with the rest of the sheet."""
    letters = [column_letter(i + 1) for i in range(len(splice.columns))]
    count = len(splice.columns[0]) if splice.columns else 0
    numbers = [str(splice.first_row + i) for i in range(count)]
    # Column by column (list comprehensions, no call per cell), then read across by row.
    columns = [
        [
            f'<c r="{letter}{n}"{b}' if b is not None else ""
            for n, b in zip(numbers, bodies, strict=True)
        ]
        for letter, bodies in zip(
            letters,
            (_bodies(v, s) for v, s in zip(splice.columns, splice.styles, strict=True)),
            strict=True,
        )
    ]
    parts: list[str] = []
    row_cells: Sequence[str]
    heights = {h: f' ht="{_points(h)}" customHeight="1"' for h in set(splice.heights) if h}
    for offset, row_cells in enumerate(zip(*columns, strict=True)):
        attributes = heights.get(splice.heights[offset], "")
        row = written.get(splice.first_row + offset) if written else None
        if row is not None:
            row_cells, attributes = _merged(row_cells, row, attributes)
        parts.append(f'<row r="{numbers[offset]}"{attributes}>')
        parts.extend(row_cells)
        parts.append("</row>")
    return parts


_CELL = re.compile(r'<c r="([A-Z]+)\d+"(?:[^>]*?/>|[^>]*>.*?</c>)', re.S)
_ROW_ATTRIBUTES = re.compile(r"<row r=\"\d+\"([^>]*?)/?>")
_SPANS = re.compile(r'\s+spans="[^"]*"')


def _merged(cells: Sequence[str], row: str, attributes: str) -> tuple[list[str], str]:
    """A spliced row's cells with those of the row xlsxwriter wrote at the same place, in
    column order (its cell wins a column both hold); the row keeps its own height, or else
    xlsxwriter's attributes (without `spans`, which the merge may make wrong)."""
    by_column = {index: cell for index, cell in enumerate(cells) if cell}
    for match in _CELL.finditer(row):
        by_column[column_number(match.group(1)) - 1] = match.group(0)
    if not attributes:
        found = _ROW_ATTRIBUTES.match(row)
        attributes = _SPANS.sub("", found.group(1)) if found else ""
    return [by_column[index] for index in sorted(by_column)], attributes


def splice_into(package: Path, splices: list[Splice]) -> None:
    """Rewrite the package with each splice's rows placed inside its sheet's sheetData."""
    if not splices:
        return
    by_part = {s.part: s for s in splices}
    if len(by_part) != len(splices):  # one table per sheet: a second would replace the first
        raise RuntimeError(f"two tables spliced into one sheet: {[s.part for s in splices]}")
    source = zipfile.ZipFile(package)
    rewritten = package.with_suffix(".splice")
    missing = set(by_part) - set(source.namelist())
    if missing:  # xlsxwriter names its parts differently: never write a silently empty sheet
        source.close()
        raise RuntimeError(f"xlsxwriter's sheet parts changed: {sorted(missing)}")
    with zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename in by_part:
                data = _splice_sheet(data.decode("utf-8"), by_part[info.filename])
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
    source.close()
    rewritten.replace(package)


def _splice_sheet(xml: str, splice: Splice) -> bytes:
    start = xml.index("<sheetData")
    end = xml.index("</sheetData>") if "</sheetData>" in xml else -1
    if end < 0:  # an empty <sheetData/>
        close = xml.index("/>", start) + 2
        head, existing, tail = xml[:start], "", xml[close:]
    else:
        open_end = xml.index(">", start) + 1
        head, existing, tail = xml[:start], xml[open_end:end], xml[end + len("</sheetData>") :]
    rows = max(len(splice.columns[0]) if splice.columns else 0, 1)
    last_row = splice.first_row + rows - 1
    before, inside, after = [], {}, []
    for match in _ROW.finditer(existing):
        number = int(match.group(1))
        if number < splice.first_row:
            before.append(match.group(0))
        elif number > last_row:
            after.append(match.group(0))
        else:
            inside[number] = match.group(0)
    head = _DIMENSION.sub(lambda m: _dimension(m, splice, last_row), head)
    parts = [head, "<sheetData>", *before]
    parts += _row_parts(splice, inside)
    parts += [*after, "</sheetData>", tail]
    return _encoded(parts)


_DIMENSION = re.compile(r'<dimension ref="(?:[A-Z]+\d+:)?([A-Z]+)(\d+)"/>')


def _dimension(found: re.Match[str], splice: Splice, last_row: int) -> str:
    """The sheet's used range: what xlsxwriter wrote (rows below the table, cells right of
    it) and the spliced rows. Readers that trust it (openpyxl's read-only mode) stop there."""
    last_col = max(column_number(found.group(1)), len(splice.columns), 1)
    rows = max(int(found.group(2)), last_row)
    return f'<dimension ref="A1:{column_letter(last_col)}{rows}"/>'


def _encoded(parts: list[str], chunk: int = 4096) -> bytes:
    """The parts joined and encoded a few thousand at a time: a sheet of 25,000 rows (tens of
    MB) is never also held as one str, nor copied whole but once (10 % of the workbook's time
    went to copying it)."""
    return b"".join(
        "".join(parts[start : start + chunk]).encode() for start in range(0, len(parts), chunk)
    )
