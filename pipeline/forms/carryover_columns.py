"""The reference columns of a form: the previous period's status, progress and result.

They stand at the right of the table, after `Ghi chú`, and nowhere else, because of how returns
are read: the reader finds the table by its header texts and reads only up to the last column
it knows (`intake.reader`), so cells to the right of `Ghi chú` are never read. A form of a year
without them reads exactly as before, and an agency that unlocks the sheet and edits them
changes nothing. Their headers name no Contract 2 column either, in case a table is rearranged.
They are locked, grey, and outside the print area: the printed report, signed and stamped,
is this period's report, at the same scale as before.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.contracts.form import FORM_COLUMNS
from pipeline.core.catalog import t
from pipeline.forms import fast_copy

# (catalog key of the header, width, number format)
COLUMNS = (
    ("carryover-col-status", 15.0, "General"),
    ("carryover-col-progress", 12.0, "0"),
    ("carryover-col-result", 32.0, "General"),
)
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
CELL_FILL = PatternFill("solid", fgColor="F2F2F2")
GREY = "595959"
LINE_HEIGHT = 15.6  # as render.LINE_HEIGHT: points per wrapped line of 12 pt text
HEADER_HEIGHT = 3 * LINE_HEIGHT + 4  # "Kỳ trước (2024): Tiến độ (%)" takes three lines


def headers(period: str) -> list[str]:
    return [t(key, "vi", period=period) for key, _, _ in COLUMNS]


def add_reference_columns(
    sheet: Worksheet,
    header_row: int,
    first_col: int,
    period: str,
    values: Sequence[tuple[str, float | None, str]],
) -> None:
    """Headers and one row of values per table row, styled from the table's last column; the
    print area then ends at that column (called once the signature is in place)."""
    last = first_col + len(FORM_COLUMNS) - 1
    head = sheet.cell(header_row, last)
    for offset, (text, (_, width, _)) in enumerate(zip(headers(period), COLUMNS, strict=True)):
        title = sheet.cell(header_row, last + 1 + offset, text)
        fast_copy.apply_style(title, fast_copy.style_record(head))
        title.fill = HEADER_FILL
        title.font = _grey(head.font, italic=False)
        fast_copy.set_width(sheet, get_column_letter(last + 1 + offset), width)
    _at_least(sheet, header_row, HEADER_HEIGHT)
    styles = []
    sample = sheet.cell(header_row + 1, last)
    for offset, (_, _, number_format) in enumerate(COLUMNS):
        first = sheet.cell(header_row + 1, last + 1 + offset)
        fast_copy.apply_style(first, fast_copy.style_record(sample))
        first.fill, first.font = CELL_FILL, _grey(sample.font, italic=True)
        first.protection = Protection(locked=True)
        first.number_format = number_format
        styles.append(fast_copy.style_record(first))
    for index, row_values in enumerate(values):
        row = header_row + 1 + index
        for offset, value in enumerate(row_values):
            cell = sheet.cell(row, last + 1 + offset)
            fast_copy.apply_style(cell, styles[offset])
            cell.value = value if value != "" else None
            if isinstance(value, str) and value:
                cell.data_type = "s"  # a result typed as "=HYPERLINK(...)" stays text
        # a result longer than its column makes the row taller, never shorter
        _at_least(sheet, row, _lines(row_values[2]) * LINE_HEIGHT + 4)
    # The printed report is this period's: the reference columns stay on screen.
    sheet.print_area = f"A1:{get_column_letter(last)}{sheet.max_row}"


def _grey(font: Any, italic: bool) -> Font:
    """The table's font, grey: read, not typed in (`font` is openpyxl's proxy of a Font)."""
    return Font(name=font.name, size=font.sz, bold=font.b, italic=italic, color=GREY)


def _lines(result: str) -> int:
    """Wrapped lines of the result cell: a merged agency's has one line per predecessor."""
    per_line = COLUMNS[2][1] * 1.3
    return sum(max(1, math.ceil(len(part) / per_line)) for part in result.split("\n"))


def _at_least(sheet: Worksheet, row: int, height: float) -> None:
    needed = round(min(height, 409), 1)
    current = sheet.row_dimensions[row].height if row in sheet.row_dimensions else None
    if current is None or current < needed:
        fast_copy.set_height(sheet, row, needed)
