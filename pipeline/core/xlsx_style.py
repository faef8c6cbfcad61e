"""House style for every workbook the tool writes with xlsxwriter (Decree 30/2020 fonts)."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from pipeline.core.cells import distinct_values

FONT = "Times New Roman"
# Outputs carry a fixed creation time so that the same input gives the same file content.
FIXED_CREATED = datetime(2024, 1, 1)

ONE_LINE = 15.75  # points: one line of 12-point text

BASE: dict[str, Any] = {"font_name": FONT, "font_size": 12, "valign": "top", "text_wrap": True}
HEADER: dict[str, Any] = {
    **BASE,
    "bold": True,
    "align": "center",
    "valign": "vcenter",
    "border": 1,
    "bg_color": "#D9E1F2",
}
CELL: dict[str, Any] = {**BASE, "border": 1}
TITLE: dict[str, Any] = {**BASE, "bold": True, "font_size": 14, "text_wrap": False}


def formats(workbook: Any) -> dict[str, Any]:
    """The named formats every sheet uses."""
    return {
        "base": workbook.add_format(BASE),
        "header": workbook.add_format(HEADER),
        "cell": workbook.add_format(CELL),
        "bold": workbook.add_format({**CELL, "bold": True}),
        "center": workbook.add_format({**CELL, "align": "center"}),
        "number": workbook.add_format({**CELL, "align": "right", "num_format": "0"}),
        "decimal": workbook.add_format({**CELL, "align": "right", "num_format": "#,##0.0"}),
        "percent": workbook.add_format({**CELL, "align": "right", "num_format": "0%"}),
        "date": workbook.add_format({**CELL, "align": "center", "num_format": "dd/mm/yyyy"}),
        "datetime": workbook.add_format(
            {**CELL, "align": "center", "num_format": "dd/mm/yyyy hh:mm"}
        ),
        "title": workbook.add_format(TITLE),
        "title_wrap": workbook.add_format({**TITLE, "text_wrap": True}),
        # Table cells without borders: one conditional format draws the grid for the table.
        "plain": workbook.add_format(BASE),
        "plain_center": workbook.add_format({**BASE, "align": "center"}),
        "plain_number": workbook.add_format({**BASE, "align": "right", "num_format": "#,##0.##"}),
        "plain_percent": workbook.add_format({**BASE, "align": "right", "num_format": "0%"}),
        "plain_date": workbook.add_format({**BASE, "align": "center", "num_format": "dd/mm/yyyy"}),
        "plain_datetime": workbook.add_format(
            {**BASE, "align": "center", "num_format": "dd/mm/yyyy hh:mm"}
        ),
        "italic": workbook.add_format({**BASE, "italic": True}),
        "line": workbook.add_format({**BASE, "italic": True, "text_wrap": False}),
        "link": workbook.add_format({**CELL, "font_color": "#1F4E79", "underline": 1}),
    }


def new_workbook(path: str) -> Any:
    """An xlsxwriter workbook that never turns agency text into formulas, links or numbers."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(
        path,
        {
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            "constant_memory": False,
            "in_memory": True,  # no temporary file per sheet
        },
    )
    workbook.set_properties({"created": FIXED_CREATED, "author": "kehoach"})
    return workbook


def print_landscape(sheet: Any, header_row: int = 0) -> None:
    """A4 landscape, one page wide, the header row repeated on every printed page."""
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(header_row)
    sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)


A4 = 9
# Printable width of A4 landscape with 0.4" margins, in pixels at 96 dpi. A column unit is
# 7 pixels in Excel's default font, about 8 in LibreOffice's rendering of it (measured on the
# demo's PDF): widths are planned with 8.
PRINTABLE_PX = {"landscape": int((11.69 - 0.8) * 96), "portrait": int((8.27 - 0.8) * 96)}
SMALLEST_PRINTED_PT = 8.0


def printed_scale(widths: list[float], portrait: bool = False, font_pt: float = 12) -> float:
    """The scale `fit to one page wide` will use for columns of these widths (at most 1)."""
    pixels = sum(w * 8 + 5 for w in widths)
    room = PRINTABLE_PX["portrait" if portrait else "landscape"]
    return min(1.0, room / pixels) if pixels else 1.0


def _header_text(text: str) -> str:
    return text.replace("&", "&&")


def paper(
    sheet: Any,
    *,
    title: str,
    running: str,
    header_row: int | None,
    last_row: int,
    last_col: int,
    portrait: bool = False,
) -> None:
    """A4, one page wide, the sheet's title and the plan and period in a running header,
    `Trang x/y` in the footer; the print area is the table's printed columns."""
    if portrait:
        sheet.set_portrait()
    else:
        sheet.set_landscape()
    sheet.set_paper(A4)
    sheet.fit_to_pages(1, 0)
    if header_row is not None:
        sheet.repeat_rows(header_row)
    sheet.set_margins(left=0.4, right=0.4, top=0.75, bottom=0.6)
    # 12 points: LibreOffice shrinks headers with the sheet, and no sheet prints below 0.7.
    left = f'&L&"{FONT},Bold"&12{_header_text(title)}'
    right = f'&R&"{FONT},Regular"&12{_header_text(running)}'
    # Excel refuses a header over 255 characters: the plan's title gives way first.
    overflow = len(left) + len(right) - 255
    if overflow > 0:
        right = right[: len(right) - overflow - 1] + "…"
    options = {"scale_with_doc": False, "margin": 0.3}
    sheet.set_header(left + right, options)
    sheet.set_footer(f'&C&"{FONT},Regular"&12Trang &P/&N', options)
    sheet.print_area(0, 0, max(last_row, 0), max(last_col, 0))


def _wrapped_lines(text: str, per_line: float) -> int:
    """Lines a text takes in a column holding `per_line` characters (1 when it fits)."""
    if len(text) <= per_line and "\n" not in text:
        return 1
    return math.ceil(len(text) / per_line) + text.count("\n")


def screen_only(sheet: Any, below: int) -> None:
    """Nothing of this sheet goes on paper: its print area is one empty cell, and office
    suites leave empty pages out when the whole workbook is printed."""
    sheet.print_area(below, 0, below, 0)


def row_heights(columns: list[list[Any]], widths: list[float], rows: int) -> list[float]:
    """Rows do not grow by themselves in every office suite: size them for wrapped text."""
    lines = [1] * rows
    for column, width in zip(columns, widths, strict=True):
        per_line = max(width * 1.2, 4)
        # A column repeats its texts (names, status words, tasks): each is measured once, and
        # a column none of whose texts wraps is not walked row by row.
        texts = {v for v in distinct_values(column) if type(v) is str}
        tall = {text: n for text in texts if (n := _wrapped_lines(text, per_line)) > 1}
        if not tall:
            continue
        heights = [tall.get(v, 1) if type(v) is str else 1 for v in column]
        # a shorter column leaves the rows below it as they were
        lines[: len(heights)] = [max(a, b) for a, b in zip(lines, heights, strict=False)]
    return [min(ONE_LINE * min(n, 25.0) + 2, 409.0) for n in lines]
