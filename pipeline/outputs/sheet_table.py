"""Tables on the leadership workbook's sheets: names, formats, widths, filters, paper.

Every table of the workbook is drawn here from its Contract 4 declaration
(`pipeline/contracts/workbook.py`); values go through the one Excel layer (`cells_xml.cell`).
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from pipeline.contracts import workbook as c4
from pipeline.core.xlsx_style import (
    BASE,
    ONE_LINE,
    formats,
    paper,
    row_heights,
    screen_only,
)
from pipeline.outputs.cells_xml import Kind
from pipeline.outputs.excel_layer import ExcelLayer, Table

_NUMBER_FORMATS = {"number": "#,##0.##", "percent": "0%"}


def sheet_name(text: str, used: set[str]) -> str:
    """An Excel sheet name: no []:*?/\\, at most 31 characters, unique (case-insensitive)."""
    base = re.sub(r"[\[\]:*?/\\']", "", text).strip()[:31] or "Trang"
    name, n = base, 2
    while name.lower() in used:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name.lower())
    return name


class TableWriter:
    def __init__(self, workbook: Any, running: str) -> None:
        self.workbook = workbook
        self.running = running
        self.style = formats(workbook)
        self.layer = ExcelLayer()
        self.status_formats = {
            value: workbook.add_format({"bg_color": fill})
            for value, fill in c4.STATUS_FILLS.items()
        }
        self.border = workbook.add_format({"border": 1})
        self._cell_formats: dict[tuple[str, str], dict[Kind, Any]] = {}

    def cell_formats(self, column: c4.Column) -> dict[Kind, Any]:
        """One format per kind of value the column may hold, shared by equal columns."""
        key = (column.kind, column.align)
        if key not in self._cell_formats:
            number = _NUMBER_FORMATS.get(column.kind, _NUMBER_FORMATS["number"])
            align = {"align": column.align}
            add = self.workbook.add_format
            self._cell_formats[key] = {
                "text": add({**BASE, **align}),
                "number": add({**BASE, "align": "right", "num_format": number}),
                "date": add({**BASE, "align": "center", "num_format": "dd/mm/yyyy"}),
                "datetime": add({**BASE, "align": "center", "num_format": "dd/mm/yyyy hh:mm"}),
            }
        return self._cell_formats[key]

    def table(
        self,
        sheet: Any,
        declared: c4.Sheet,
        frame: pd.DataFrame,
        top: int = 0,
        fast: bool = False,
        title: str | None = None,
    ) -> int:
        """The frame's declared columns as a filtered, frozen table; returns the last row."""
        missing = [name for name in declared.names if name not in frame.columns]
        if missing:  # the rollup and the contract disagree: never write a half table
            raise RuntimeError(f"'{declared.name}' lacks columns {missing}")
        columns = declared.columns
        values = [frame[column.name].tolist() for column in columns]
        widths = [column.width for column in columns]
        # Rows are as tall as the printed columns need; screen-only text may be cut short there.
        sized = [c.printed or not declared.printed for c in columns]
        heights = row_heights(
            [v for v, keep in zip(values, sized, strict=True) if keep],
            [w for w, keep in zip(widths, sized, strict=True) if keep],
            len(frame),
        )
        for col, column in enumerate(columns):
            sheet.write_string(top, col, column.name, self.style["header"])
            sheet.set_column(col, col, column.width)
        sheet.set_row(top, header_height(declared.names, widths))
        self.layer.write(
            Table(
                sheet,
                top + 1,
                values,
                [self.cell_formats(column) for column in columns],
                [h if h > ONE_LINE else 0 for h in heights],
            ),
            fast=fast,
        )
        last = top + max(len(frame), 1)
        if len(frame):  # one rule draws every cell's border, written or blank
            sheet.conditional_format(
                top + 1,
                0,
                last,
                len(columns) - 1,
                {"type": "formula", "criteria": "TRUE", "format": self.border},
            )
        sheet.freeze_panes(top + 1, 0)
        sheet.autofilter(top, 0, last, len(columns) - 1)
        for col, column in enumerate(columns):
            if column.status and len(frame):
                self.highlight(sheet, top + 1, col, last, set(values[col]))
        self.page(sheet, declared, top, last, title)
        return last

    def page(self, sheet: Any, declared: c4.Sheet, top: int, last: int, title: str | None) -> None:
        if not declared.printed:
            screen_only(sheet, last + 3)
            return
        printed = [column.printed for column in declared.columns]
        last_col = len(printed) - 1 - printed[::-1].index(True) if any(printed) else 0
        paper(
            sheet,
            title=title or declared.title,
            running=self.running,
            header_row=top,
            last_row=last,
            last_col=last_col,
            portrait=declared.portrait,
        )

    def highlight(self, sheet: Any, first: int, col: int, last: int, present: set[Any]) -> None:
        """Shade status words; only the words the column holds get a rule."""
        for value, fmt in self.status_formats.items():
            if value in present:
                sheet.conditional_format(
                    first,
                    col,
                    last,
                    col,
                    {"type": "cell", "criteria": "==", "value": f'"{value}"', "format": fmt},
                )


def header_height(columns: list[str], widths: list[float]) -> float:
    """The header row's height for its most wrapped name (bold, word by word)."""
    lines = 1
    for name, width in zip(columns, widths, strict=True):
        room, count, used = width, 1, 0
        for word in name.split():
            if used and used + 1 + len(word) > room:
                count, used = count + 1, len(word)
            else:
                used += len(word) + (1 if used else 0)
        lines = max(lines, count)
    return ONE_LINE * lines + 4
