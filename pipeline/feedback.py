"""Feedback copies for agencies: their own workbook with each problem cell marked."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.workbook.protection import WorkbookProtection

from pipeline.errors import KehoachError
from pipeline.files import atomic_path
from pipeline.forms import form_name
from pipeline.intake import Return
from pipeline.messages import t
from pipeline.reader import read_bytes
from pipeline.schemas import COLUMN_BY_FIELD, ERROR, META_SHEET, SEVERITY_LABELS
from pipeline.validate import Finding
from pipeline.xlsx_patch import patch
from pipeline.xlsx_style import FONT

SHEET = "Phản hồi"
ERROR_FILL = PatternFill("solid", fgColor="FFC7CE")
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WARNING_FILL = PatternFill("solid", fgColor="FFEB9C")


def _source_bytes(item: Return) -> bytes:
    if item.file.data is not None:
        return item.file.data
    assert item.file.path is not None
    return item.file.path.read_bytes()


def feedback_job(
    argument: tuple[Return, list[Finding], Path, str, str, str],
) -> Path | tuple[str, dict[str, Any]]:
    """A worker job: write one feedback copy; an error comes back as its message key."""
    item, findings, target, period, name, lang = argument
    try:
        return write_feedback(item, findings, target.parent, period, name, lang)
    except KehoachError as error:
        return error.key, error.params


def write_feedback(item: Return, findings: list[Finding], folder: Path, period: str,
                   name: str, lang: str = "vi") -> Path:
    """The agency's workbook with marked cells, or a new one when its format is not xlsx."""
    target = folder / form_name(period, item.agency)
    patched = _patched(item, findings, name, lang) if item.read.kind == "xlsx" else None
    if patched is not None:
        with atomic_path(target) as temporary:
            temporary.write_bytes(patched)
        return target
    workbook: Workbook | None = None
    if item.read.kind == "xlsx":
        try:
            workbook = load_workbook(io.BytesIO(_source_bytes(item)))
        except Exception:  # a file calamine could read but openpyxl cannot: rebuild instead
            workbook = None
    if workbook is not None:
        workbook.security = WorkbookProtection(lockStructure=False)
    else:
        workbook = _rebuilt(item)
    _mark_cells(workbook, findings, lang)
    _findings_sheet(workbook, item, findings, name, lang)
    with atomic_path(target) as temporary:
        workbook.save(temporary)
    return target


def _patched(item: Return, findings: list[Finding], name: str, lang: str) -> bytes | None:
    """The fast way: edit the agency's package in place (see xlsx_patch), checked by reading
    it back; None sends the caller to openpyxl."""
    marks: dict[str, tuple[str, str]] = {}
    for finding in findings:
        sheet, _, ref = finding.cell.rpartition("!")
        if sheet != item.read.sheet or not ref:
            continue
        text = _comment(finding, lang)
        severity, before = marks.get(ref, (finding.severity, ""))
        worst = ERROR if ERROR in (severity, finding.severity) else finding.severity
        marks[ref] = (worst, f"{before}\n{text}" if before else text)
    lines, table = _findings_table(item, findings, name, lang)
    patched = patch(_source_bytes(item), item.read.sheet, marks, lines, table,
                    [f.severity for f in findings])
    if patched is None or not _opens(patched, item.read.sheet):
        return None
    return patched


def _opens(data: bytes, sheet: str) -> bool:
    from python_calamine import CalamineWorkbook

    try:
        names = CalamineWorkbook.from_filelike(io.BytesIO(data)).sheet_names
    except BaseException as exc:  # calamine panics are BaseException
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        return False
    return names[:1] == [SHEET] and sheet in names


def _comment(finding: Finding, lang: str) -> str:
    message = t(f"finding-{finding.code}", lang, **finding.params)
    return f"{SEVERITY_LABELS[finding.severity]}: {message}"


def _findings_table(item: Return, findings: list[Finding], name: str,
                    lang: str) -> tuple[list[str], list[list[str]]]:
    """The findings sheet's three heading lines and its table (header row first)."""
    errors = sum(1 for f in findings if f.severity == ERROR)
    lines = [
        t("feedback-title", lang, name=name.upper()),
        t("feedback-outcome", lang, file=item.rel, outcome=t(f"outcome-{item.outcome}", lang),
          errors=errors, warnings=len(findings) - errors),
        t("feedback-intro", lang),
    ]
    table = [["Ô", "Mức độ", "Vấn đề và cách sửa", "Giá trị đã ghi"]]
    table += [[f.cell or "(cả tệp)", SEVERITY_LABELS[f.severity],
               t(f"finding-{f.code}", lang, **f.params), f.value] for f in findings]
    return lines, table


def _mark_cells(workbook: Workbook, findings: list[Finding], lang: str) -> None:
    for finding in findings:
        if "!" not in finding.cell:
            continue
        sheet_name, ref = finding.cell.rsplit("!", 1)
        if sheet_name not in workbook.sheetnames:
            continue
        cell = workbook[sheet_name][ref]
        cell.fill = ERROR_FILL if finding.severity == ERROR else WARNING_FILL
        text = _comment(finding, lang)
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
    full = read_bytes(_source_bytes(item))  # the raw cells were not kept after the intake
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


def _findings_sheet(workbook: Workbook, item: Return, findings: list[Finding], name: str,
                    lang: str) -> None:
    """The first sheet: every finding, where it is and what to do, printable on one page wide."""
    sheet = workbook.create_sheet(SHEET, 0)
    workbook.active = 0
    lines, table = _findings_table(item, findings, name, lang)
    fonts = (Font(name=FONT, size=14, bold=True), Font(name=FONT, size=12, bold=True),
             Font(name=FONT, size=12, italic=True))
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
    sheet.print_title_rows = f"{header}:{header}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    if sheet.sheet_properties.pageSetUpPr is not None:
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
