"""The one fast Excel layer: every value the leadership workbook writes goes through `cell()`.

Two routes put a table's rows into an xlsxwriter workbook, and both take their values from the
one serializer `cell()`, so they cannot disagree:

- cell by cell with xlsxwriter's public `write_string`/`write_number`/`write_datetime`, for
  small tables;
- spliced: xlsxwriter lays out the sheet (widths, header, filters, panes, conditional formats,
  printing, the links written beside a table), and after `close()` the data rows are put into
  the sheet's XML as inline strings, merged with any cells xlsxwriter wrote in those rows.

Measured on 25,000 rows × 14 columns (the 3,321-agency `Chi tiết`), 2 shared cores: the splice
2.9 s, xlsxwriter's supported `constant_memory` mode (also inline strings) 18.1 s, the default
mode 16.4 s. The splice is kept. It relies on two things xlsxwriter does not promise: a
format's cell-format index (`Format._get_xf_index()`) and the part name of the n-th sheet
(`xl/worksheets/sheet<n>.xml`). A third, `PlainFormulaSheet`, overrides how a worksheet
prepares a formula. All three are used only here and `tests/test_workbook.py` checks them
against the installed xlsxwriter, so an upgrade that changes them fails loudly.
"""

from __future__ import annotations

import math
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from xlsxwriter.worksheet import Worksheet

from pipeline.contracts.form import EXCEL_TEXT_LIMIT
from pipeline.core.cells import column_letter, column_number

# Rows from which a table is spliced; an empty one is left to xlsxwriter. At 3,321 agencies
# the group sheets and summaries (hundreds of rows each) spliced too took the workbook from
# 2.5 to 2.0 s of CPU (medians of 5); the embedded plan's small tables (its 31 agency sheets
# among them) spliced too took its workbook from 0.22 to 0.16 s (best of 7), same values.
SPLICE_FROM = 1
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
    if isinstance(value, int | float):
        number = float(value)
        if math.isnan(number) or math.isinf(number):
            return None
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
class Table:
    """Rows for one sheet: values column by column and, per column, one format per kind."""

    sheet: Any  # an xlsxwriter worksheet
    first_row: int  # 0-based row of the first data row
    columns: list[list[Any]]
    formats: list[dict[Kind, Any]]
    heights: list[float]  # per row; 0 leaves the default height
    cut: list[str] = field(default_factory=list)  # "Sheet!row" of each cut text


class ExcelLayer:
    """Writes tables into an xlsxwriter workbook: small ones now, large ones after close()."""

    def __init__(self) -> None:
        self.pending: list[tuple[Table, list[tuple[int, int, int, int]]]] = []
        self.cut: list[str] = []

    def write(self, table: Table, fast: bool = False) -> None:
        """`fast`: a large table may be spliced (what else is written in its rows, such as
        links beside it, is merged into them: `rows_xml`)."""
        if fast and len(table.columns) and len(table.columns[0]) >= SPLICE_FROM:
            # Asked now, before close(): a format gets its index, and its place in styles.xml,
            # when first asked, and no cell written by xlsxwriter may ever ask for it.
            styles = [tuple(xf_index(f[k]) for k in KINDS) for f in table.formats]
            self.pending.append((table, styles))  # type: ignore[arg-type]
            return
        sheet = table.sheet
        writers = {
            "text": sheet.write_string,
            "number": sheet.write_number,
            "date": sheet.write_datetime,
            "datetime": sheet.write_datetime,
        }
        for col, (values, formats) in enumerate(zip(table.columns, table.formats, strict=True)):
            for row, value in enumerate(values, start=table.first_row):
                held = cell(value)
                if held is None:
                    continue
                kind, shown, was_cut = held
                if was_cut:
                    self.cut.append(f"{sheet.get_name()}!{row + 1}")
                writers[kind](row, col, shown, formats[kind])
        for offset, height in enumerate(table.heights):
            if height:
                sheet.set_row(table.first_row + offset, height)

    def finish(self, package: Path) -> None:
        """After workbook.close(): splice the pending tables into the package."""
        if not self.pending:
            return
        splices = []
        for table, styles in self.pending:
            splice = Splice(
                part=sheet_part(table.sheet),
                first_row=table.first_row + 1,
                columns=table.columns,
                styles=styles,
                heights=table.heights,
            )
            splices.append(splice)
            self.cut += [f"{table.sheet.get_name()}!{row}" for row in splice.cut_rows()]
        splice_into(package, splices)


class PlainFormulaSheet(Worksheet):  # type: ignore[misc]  # xlsxwriter's class is untyped
    """xlsxwriter's worksheet, minus 150 regular expressions per formula that calls nothing.

    xlsxwriter prefixes the functions newer than Excel 2010 in every conditional format's
    formula, one `re.sub` per function name. The workbook's formulas call none (its rules are
    `TRUE` or compare with a status word): a quarter of the 31-agency workbook's time went
    there. A formula without a call is returned as xlsxwriter would return it (braces and `=`
    removed, nothing to expand); tests/test_workbook.py checks both against the installed
    xlsxwriter (third private route: the method's name and meaning)."""

    def _prepare_formula(self, formula: str, expand_future_functions: bool = False) -> str:
        if "(" in formula:
            return str(super()._prepare_formula(formula, expand_future_functions))
        return formula.removeprefix("{").removeprefix("=").removesuffix("}")


def xf_index(fmt: Any) -> int:
    """The cell-format index xlsxwriter gives `fmt` in styles.xml (private API, see above)."""
    return int(fmt._get_xf_index())


def sheet_part(sheet: Any) -> str:
    """The package part xlsxwriter writes `sheet` to (its naming, see above)."""
    return f"xl/worksheets/sheet{sheet.index + 1}.xml"


@dataclass
class Splice:
    """Rows to put into one sheet: the values, their styles and their heights."""

    part: str  # e.g. xl/worksheets/sheet7.xml
    first_row: int  # 1-based Excel row of the first data row
    columns: Sequence[Sequence[Any]]  # values, column by column
    styles: Sequence[tuple[int, int, int, int]]  # per column: text, number, date, datetime xf
    heights: Sequence[float]  # per row; 0 leaves the default height

    def cut_rows(self) -> list[int]:
        """1-based rows holding a text that had to be cut, as `cell` cuts it."""
        rows = {
            self.first_row + offset
            for values in self.columns
            for offset, value in enumerate(values)
            if _cut(value)
        }
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
