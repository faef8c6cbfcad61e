"""Rows of a plan kept as a workbook (.xlsx, .xlsm with openpyxl; .xls, .ods with calamine).

openpyxl also gives merged cells and bold fonts: a range merged down repeats its text in every
row and is marked continued; a range merged across keeps its text in the first column.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.core.errors import KehoachError
from pipeline.plan.source_rows import SourceDocument, SourceRow

MAX_ROWS = 5000
MAX_COLUMNS = 40
_TITLE_ROWS = 12  # rows above the table that may hold the title, number and date


def cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a TT typed as 1 comes back as 1.0
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")  # type: ignore[no-any-return]  # a date cell
    return "" if value is None else str(value)


def read(path: Path) -> SourceDocument:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_openpyxl(path)
    return _read_calamine(path)


def _read_openpyxl(path: Path) -> SourceDocument:
    from openpyxl import load_workbook  # heavy; only this command needs it

    workbook = load_workbook(path, data_only=True)
    formulas = load_workbook(path, data_only=False)  # to tell a blank from an uncomputed formula
    try:
        rows: list[SourceRow] = []
        text: list[str] = []
        for sheet, written in zip(workbook.worksheets, formulas.worksheets, strict=True):
            sheet_rows = _sheet_rows(sheet, written, str(path))
            text += [c for row in sheet_rows[:_TITLE_ROWS] for c in row.cells if c]
            rows += sheet_rows
        return SourceDocument(rows, "\n".join(text))
    finally:
        workbook.close()
        formulas.close()


def _refuse_beyond_limits(rows: int, columns: int, sheet: str, source: str) -> None:
    """Rows or columns past the limits were dropped without a word (5,200 tasks came in as
    4,998, a 44th column vanished): a sheet that big is refused, never cut."""
    if rows > MAX_ROWS or columns > MAX_COLUMNS:
        raise KehoachError(
            "appendix-sheet-too-big",
            file=source,
            sheet=sheet,
            rows=rows,
            columns=columns,
            max_rows=MAX_ROWS,
            max_columns=MAX_COLUMNS,
        )


def _sheet_rows(sheet: Any, written: Any, source: str) -> list[SourceRow]:
    filled = [key for key, cell in sheet._cells.items() if cell.value not in (None, "")]
    _refuse_beyond_limits(
        max((r for r, _ in filled), default=0),
        max((c for _, c in filled), default=0),
        sheet.title,
        source,
    )
    last_row = min(sheet.max_row, MAX_ROWS)
    last_col = min(sheet.max_column, MAX_COLUMNS)
    down: dict[tuple[int, int], str] = {}  # cells covered by a range merged down
    for merged in sheet.merged_cells.ranges:
        value = cell_text(sheet.cell(merged.min_row, merged.min_col).value)
        for row in range(merged.min_row + 1, merged.max_row + 1):
            down[(row, merged.min_col)] = value
    rows: list[SourceRow] = []
    for r, cells in enumerate(
        sheet.iter_rows(min_row=1, max_row=last_row, max_col=last_col), start=1
    ):
        texts: list[str] = []
        continued: set[int] = set()
        bold: list[bool] = []
        for c, cell in enumerate(cells, start=1):
            if (r, c) in down:
                texts.append(down[(r, c)])
                continued.add(c - 1)
                continue
            if cell.value is None:
                _refuse_uncomputed(written.cell(r, c), sheet.title, source)
            text = cell_text(cell.value).strip()
            texts.append(text)
            if text:
                bold.append(bool(cell.font is not None and cell.font.b))
        rows.append(SourceRow(texts, bool(bold) and all(bold), frozenset(continued)))
    return rows


def _refuse_uncomputed(written: Any, sheet: str, source: str) -> None:
    """A formula saved without its value (a workbook written by a program, never opened in
    Excel) reads as blank: a blank TT would join the task to the row above without a word."""
    formula = written.value
    if isinstance(formula, str) and formula.startswith("="):
        raise KehoachError(
            "appendix-formula-unsaved",
            file=source,
            sheet=sheet,
            cell=written.coordinate,
            formula=formula[:40],
        )


def _read_calamine(path: Path) -> SourceDocument:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    rows: list[SourceRow] = []
    text: list[str] = []
    for name in workbook.sheet_names:
        sheet = workbook.get_sheet_by_name(name)
        _refuse_beyond_limits(sheet.height, sheet.width, name, str(path))
        values = sheet.to_python(nrows=MAX_ROWS)
        sheet_rows = [
            SourceRow([cell_text(v).strip() for v in row[:MAX_COLUMNS]]) for row in values
        ]
        text += [c for row in sheet_rows[:_TITLE_ROWS] for c in row.cells if c]
        rows += sheet_rows
    return SourceDocument(rows, "\n".join(text))
