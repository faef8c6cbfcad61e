"""The two shortcuts through openpyxl that made 3,321 forms take ~45 s instead of ~200 s when
each was rendered (most are now rendered once per shape and stamped: see forms/stamp.py).

Both rest on openpyxl internals, so they live here and nowhere else, and
tests/test_forms.py::test_openpyxl_shortcuts_still_hold fails loudly when openpyxl changes them:

- a parsed workbook is copied by a pickle round trip: it keeps the style tables intact
  (copy.deepcopy does not) in a fifth of the time a fresh parse takes;
- a cell's style is copied as openpyxl's per-cell style record (`cell._style`, the ids of its
  font, fill, border, number format and protection): setting font, fill and protection cell
  by cell costs openpyxl a hash lookup per attribute.
"""

from __future__ import annotations

import copy
import pickle
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.worksheet.dimensions import ColumnDimension, RowDimension
from openpyxl.worksheet.worksheet import Worksheet


def freeze(workbook: Workbook) -> bytes:
    """A parsed workbook as bytes that `thaw` turns into independent copies."""
    return pickle.dumps(workbook)


def thaw(frozen: bytes) -> Workbook:
    workbook: Workbook = pickle.loads(frozen)
    return workbook


def style_record(cell: Cell | MergedCell) -> Any:
    """openpyxl's per-cell style record (font, fill, border, format, protection ids)."""
    return copy.copy(cell._style)  # type: ignore[union-attr]  # not in openpyxl's stubs


def apply_style(cell: Cell | MergedCell, record: Any) -> None:
    cell._style = copy.copy(record)  # type: ignore[union-attr]  # see style_record


def set_height(sheet: Worksheet, row: int, height: float) -> None:
    # A thawed copy loses the dimension table's default factory: create entries ourselves.
    if row not in sheet.row_dimensions:
        sheet.row_dimensions[row] = RowDimension(sheet, index=row)
    sheet.row_dimensions[row].height = height


def set_width(sheet: Worksheet, letter: str, width: float) -> None:
    # The same for columns: a thawed copy's dimension table has no default factory either.
    if letter not in sheet.column_dimensions:
        sheet.column_dimensions[letter] = ColumnDimension(sheet, index=letter)
    sheet.column_dimensions[letter].width = width
