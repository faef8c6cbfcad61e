"""Packages the fast edit cannot take as they come, made into ones it can.

- An .xls or .ods return is rebuilt as a new .xlsx (xlsxwriter): the report table at the
  same addresses, so every finding's cell points at the same value, and the hidden metadata
  sheet, so the agency can correct the copy and send it back. Every text is written as text:
  what an agency typed (`=HYPERLINK(…)` in its hidden sheet included) never becomes a formula.
- An .xlsx whose report sheet has comments already is marked by openpyxl, which merges our
  comments with the agency's; the findings page is then added like everywhere else.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from pipeline.contracts.form import COLUMN_BY_FIELD, FORM_SHEET, META_SHEET
from pipeline.core.errors import KehoachError
from pipeline.intake.reader import read_bytes
from pipeline.outputs.feedback_content import MARK_STYLES, Mark
from pipeline.outputs.feedback_xml import excel_escaped

AUTHOR = "kehoach"  # of our comments, as in xlsx_patch
FIXED_TIME = datetime(2000, 1, 1)  # in docProps: the same return gives the same copy


def rebuilt_package(data: bytes) -> bytes:
    """A new .xlsx holding the return's report table and metadata, with nothing else."""
    import xlsxwriter  # only for .xls/.ods returns: kept out of every run's start-up

    read = read_bytes(data)
    if read.problem or not read.sheet:
        raise KehoachError("feedback-not-rebuilt", problem=read.problem or "file-no-form-table")
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer,
        {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False},
    )
    book.set_properties({"created": FIXED_TIME})
    text = book.add_format({"font_name": "Times New Roman", "text_wrap": True, "valign": "top"})
    day = book.add_format({"font_name": "Times New Roman", "num_format": "dd/mm/yyyy"})
    head = book.add_format({"font_name": "Times New Roman", "bold": True, "text_wrap": True})
    sheet = book.add_worksheet(read.sheet or FORM_SHEET)
    for field, col in read.columns.items():
        sheet.set_column(col, col, COLUMN_BY_FIELD[field].width)
        sheet.write_string(read.header_row - 1, col, COLUMN_BY_FIELD[field].header, head)
    for excel_row, cells in read.rows:
        for col in read.columns.values():
            if col < len(cells):
                _write(sheet, excel_row - 1, col, cells[col], text, day)
    if read.meta_rows:
        meta = book.add_worksheet(META_SHEET)
        for row, values in enumerate(read.meta_rows):
            for col, value in enumerate(values):
                _write(meta, row, col, value, None, day)
        meta.hide()
    book.close()
    return buffer.getvalue()


def _write(sheet: Any, row: int, col: int, value: object, text: Any, day: Any) -> None:
    """One value as what it is; a text is always a text."""
    if value is None or value == "":
        return
    if isinstance(value, bool):
        sheet.write_boolean(row, col, value)
    elif isinstance(value, int | float) and math.isfinite(value):
        sheet.write_number(row, col, value)
    elif isinstance(value, date):  # datetime included
        moment = value if isinstance(value, datetime) else datetime(*value.timetuple()[:3])
        sheet.write_datetime(row, col, moment, day)
    else:
        sheet.write_string(row, col, str(value), text)


def remarked_package(data: bytes, marks: Sequence[Mark]) -> bytes:
    """The package re-saved by openpyxl with `marks`, each comment added to the cell's own."""
    # openpyxl takes a third of a second to import; most runs never need it.
    from openpyxl import load_workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Border, PatternFill, Side

    workbook = load_workbook(io.BytesIO(data))
    for sheet in workbook.worksheets:  # a copy sent back: our last comments no longer apply
        for row in sheet.iter_rows():
            for cell in row:
                if cell.comment is not None and cell.comment.author == AUTHOR:
                    cell.comment = None
    for mark in marks:
        if mark.sheet not in workbook.sheetnames:
            continue
        look = MARK_STYLES[mark.severity]
        cell = workbook[mark.sheet][mark.ref]
        # openpyxl's stubs type pattern and border styles as Literals; ours are plain strings
        # checked by the tests that open a marked copy.
        cell.fill = PatternFill(look.pattern, fgColor=look.fill)  # type: ignore[arg-type]
        side = Side(style=look.border, color=look.border_color)  # type: ignore[arg-type]
        cell.border = Border(left=side, right=side, top=side, bottom=side)
        text = excel_escaped(mark.comment)
        if cell.comment is not None:
            text = f"{cell.comment.text}\n{text}"
        cell.comment = Comment(text, AUTHOR, width=320, height=140)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
