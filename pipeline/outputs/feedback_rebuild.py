"""Feedback copies through openpyxl: for .xls/.ods returns (rebuilt as .xlsx with the
agency's values and metadata) and for packages the fast path leaves alone."""

from __future__ import annotations

import io

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.workbook.protection import WorkbookProtection

from pipeline.contracts.form import COLUMN_BY_FIELD, ERROR, META_SHEET
from pipeline.core.xlsx_style import FONT
from pipeline.forms.template import a4_landscape
from pipeline.intake.inbox import Return
from pipeline.intake.reader import read_bytes
from pipeline.outputs.feedback import comment, findings_table, source_bytes
from pipeline.outputs.xlsx_patch import FEEDBACK_SHEET_NAME as SHEET
from pipeline.rules.findings import Finding

ERROR_FILL = PatternFill("solid", fgColor="FFC7CE")
WARNING_FILL = PatternFill("solid", fgColor="FFEB9C")
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def feedback_workbook(item: Return, findings: list[Finding], name: str, lang: str) -> bytes:
    workbook: Workbook | None = None
    if item.read.kind == "xlsx":
        try:
            workbook = load_workbook(io.BytesIO(source_bytes(item)))
        except Exception:  # a file calamine could read but openpyxl cannot: rebuild instead
            workbook = None
    if workbook is not None:
        workbook.security = WorkbookProtection(lockStructure=False)
    else:
        workbook = _rebuilt(item)
    _mark_cells(workbook, findings, lang)
    _findings_sheet(workbook, item, findings, name, lang)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _mark_cells(workbook: Workbook, findings: list[Finding], lang: str) -> None:
    for finding in findings:
        if "!" not in finding.cell:
            continue
        sheet_name, ref = finding.cell.rsplit("!", 1)
        if sheet_name not in workbook.sheetnames:
            continue
        cell = workbook[sheet_name][ref]
        cell.fill = ERROR_FILL if finding.severity == ERROR else WARNING_FILL
        text = comment(finding, lang)
        if cell.comment is not None:
            text = f"{cell.comment.text}\n{text}"
        cell.comment = Comment(text, "kehoach", width=320, height=140)


def _rebuilt(item: Return) -> Workbook:
    """For .xls/.ods returns: the agency's values in a new .xlsx that keeps the metadata."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = item.read.sheet or "Báo cáo"
    # Same sheet name, header row and columns as the agency's file, so that every finding's
    # cell address points at the same value here.
    columns = item.read.columns
    for field, col in columns.items():
        sheet.cell(item.read.header_row, col + 1, COLUMN_BY_FIELD[field].header)
    full = read_bytes(source_bytes(item))  # the raw cells were not kept after the intake
    for excel_row, cells in full.rows:
        for col in columns.values():
            if col < len(cells) and cells[col] not in (None, ""):
                cell = sheet.cell(excel_row, col + 1, cells[col])
                if isinstance(cells[col], str):
                    cell.data_type = "s"  # the agency's text, never a formula
    if item.read.meta_rows:
        meta = workbook.create_sheet(META_SHEET)
        for row in item.read.meta_rows:
            meta.append(list(row[:2]))
        meta.sheet_state = "hidden"
    return workbook


def _findings_sheet(
    workbook: Workbook, item: Return, findings: list[Finding], name: str, lang: str
) -> None:
    """The first sheet: every finding, where it is and what to do, printable on one page wide."""
    sheet = workbook.create_sheet(SHEET, 0)
    workbook.active = 0
    lines, table = findings_table(item, findings, name, lang)
    fonts = (
        Font(name=FONT, size=14, bold=True),
        Font(name=FONT, size=12, bold=True),
        Font(name=FONT, size=12, italic=True),
    )
    for row, (text, font) in enumerate(zip(lines, fonts, strict=True), start=1):
        sheet.cell(row, 1, text).font = font
        sheet.cell(row, 1).alignment = Alignment(wrap_text=True, vertical="center")
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        sheet.row_dimensions[row].height = 36 if row == 3 else 22
    header = len(lines) + 2
    for offset, values in enumerate(table):
        for col, value in enumerate(values, start=1):
            cell = sheet.cell(header + offset, col, value)
            cell.data_type = "s"  # what the agency wrote is shown, never evaluated
            cell.font = Font(name=FONT, size=12, bold=offset == 0)
            cell.border = BOX
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if offset == 0:
                cell.fill = HEADER_FILL
        if offset:
            severe = findings[offset - 1].severity == ERROR
            sheet.cell(header + offset, 2).fill = ERROR_FILL if severe else WARNING_FILL
    for letter, width in zip("ABCD", (18, 11, 75, 30), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = f"A{header + 1}"
    a4_landscape(sheet, header)
