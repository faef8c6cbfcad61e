"""Feedback copies for agencies: their own workbook with each problem cell marked."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.workbook.protection import WorkbookProtection

from pipeline.files import atomic_path
from pipeline.forms import form_name
from pipeline.intake import Return
from pipeline.messages import t
from pipeline.schemas import ERROR, FORM_COLUMNS, META_SHEET, SEVERITY_LABELS
from pipeline.validate import Finding
from pipeline.xlsx_style import FONT

SHEET = "Phản hồi"
ERROR_FILL = PatternFill("solid", fgColor="FFC7CE")
WARNING_FILL = PatternFill("solid", fgColor="FFEB9C")


def _source_bytes(item: Return) -> bytes:
    if item.file.data is not None:
        return item.file.data
    assert item.file.path is not None
    return item.file.path.read_bytes()


def write_feedback(item: Return, findings: list[Finding], folder: Path, period: str,
                   name: str, lang: str = "vi") -> Path:
    """The agency's workbook with marked cells, or a new one when its format is not xlsx."""
    target = folder / form_name(period, item.agency)
    workbook: Workbook | None = None
    if item.read.kind == "xlsx":
        try:
            workbook = load_workbook(io.BytesIO(_source_bytes(item)))
        except Exception:  # a file calamine could read but openpyxl cannot: rebuild instead
            workbook = None
    if workbook is not None:
        workbook.security = WorkbookProtection(lockStructure=False)
        _mark_cells(workbook, findings, lang)
    else:
        workbook = _rebuilt(item)
    _findings_sheet(workbook, item, findings, name, lang)
    with atomic_path(target) as temporary:
        workbook.save(temporary)
    return target


def _mark_cells(workbook: Workbook, findings: list[Finding], lang: str) -> None:
    for finding in findings:
        if "!" not in finding.cell:
            continue
        sheet_name, ref = finding.cell.rsplit("!", 1)
        if sheet_name not in workbook.sheetnames:
            continue
        cell = workbook[sheet_name][ref]
        cell.fill = ERROR_FILL if finding.severity == ERROR else WARNING_FILL
        message = t(f"finding-{finding.code}", lang, **finding.params)
        text = f"{SEVERITY_LABELS[finding.severity]}: {message}"
        if cell.comment is not None:
            text = f"{cell.comment.text}\n{text}"
        cell.comment = Comment(text, "kehoach", width=320, height=140)


def _rebuilt(item: Return) -> Workbook:
    """For .xls/.ods returns: the agency's values in a new .xlsx that keeps the metadata."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = item.read.sheet or "Báo cáo"
    headers = [c.header for c in FORM_COLUMNS]
    sheet.append([None] * len(headers))
    for _ in range(item.read.header_row - 2):
        sheet.append([])
    sheet.append(headers)
    for excel_row, cells in item.read.rows:
        values = [cells[item.read.columns[c.field]] if c.field in item.read.columns
                  and item.read.columns[c.field] < len(cells) else None for c in FORM_COLUMNS]
        while sheet.max_row < excel_row - 1:
            sheet.append([])
        sheet.append(values)
    if item.read.meta_rows:
        meta = workbook.create_sheet(META_SHEET)
        for row in item.read.meta_rows:
            meta.append(list(row[:2]))
        meta.sheet_state = "hidden"
    return workbook


def _findings_sheet(workbook: Workbook, item: Return, findings: list[Finding], name: str,
                    lang: str) -> None:
    sheet = workbook.create_sheet(SHEET, 0)
    workbook.active = 0
    bold = Font(name=FONT, size=12, bold=True)
    plain = Font(name=FONT, size=12)
    sheet.append([t("feedback-title", lang, name=name)])
    sheet.append([t("feedback-intro", lang, file=item.rel)])
    sheet.append([])
    sheet.append(["Ô", "Mức độ", "Vấn đề và cách sửa", "Giá trị đã ghi"])
    for finding in findings:
        sheet.append([finding.cell or "(cả tệp)", SEVERITY_LABELS[finding.severity],
                      t(f"finding-{finding.code}", lang, **finding.params), finding.value])
    for row in sheet.iter_rows():
        for cell in row:
            cell.font = bold if cell.row in (1, 4) else plain
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCD", (18, 12, 80, 30), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A5"
