"""The one fast Excel layer: every value the leadership workbook writes goes through `cell()`
(`cells_xml`).

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

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xlsxwriter.worksheet import Worksheet

from pipeline.outputs.cells_xml import KINDS, Kind, Splice, cell, splice_into

# Rows from which a table is spliced; an empty one is left to xlsxwriter. At 3,321 agencies
# the group sheets and summaries (hundreds of rows each) spliced too took the workbook from
# 2.5 to 2.0 s of CPU (medians of 5); the embedded plan's small tables (its 31 agency sheets
# among them) spliced too took its workbook from 0.22 to 0.16 s (best of 7), same values.
SPLICE_FROM = 1


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
