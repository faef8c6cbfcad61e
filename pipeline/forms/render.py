"""Render one pre-filled, protected, self-explaining form per agency from the template."""

from __future__ import annotations

import copy
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Font, Protection
from openpyxl.utils import range_boundaries
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.worksheet import Worksheet

from pipeline import __version__
from pipeline.contracts.form import (
    FORM_COLUMNS,
    FORM_SHEET,
    GUIDE_SHEET,
    HEADERS,
    META_SHEET,
    STATUSES,
)
from pipeline.contracts.matrix import KIND_DEPARTMENT, KIND_SECTOR
from pipeline.core.catalog import t
from pipeline.core.errors import KehoachError
from pipeline.core.text import fold
from pipeline.core.xlsx_style import FONT
from pipeline.forms import fast_copy
from pipeline.forms.carryover import Carryover, PreviousValues
from pipeline.forms.carryover_columns import add_reference_columns
from pipeline.forms.metadata import FormMeta, fingerprint
from pipeline.forms.template import INPUT_NAMES, a4_landscape
from pipeline.forms.validations import add_validations
from pipeline.plan.model import Assignment, Plan
from pipeline.plan.registry import Agency
from pipeline.rules.table import RULES

NUMBER_FORMATS = {"progress": "0", "done_date": "dd/mm/yyyy", "funding": "#,##0.0##"}
LINE_HEIGHT = 15.6  # points per wrapped line of 12 pt Times New Roman
UNLOCKED = Protection(locked=False)


def prefilled_rows(plan: Plan, assignments: Sequence[Assignment]) -> list[list[str]]:
    """The five locked cells of each row, in form order; also what the fingerprint covers."""
    return [
        [a.task.group, a.task.number, a.task.content, a.role, a.task.timeline.text]
        for a in assignments
    ]


def defined_place(workbook: Workbook, name: str) -> tuple[Worksheet, str] | None:
    defined = workbook.defined_names.get(name)
    if defined is None:
        return None
    for sheet_title, cell in defined.destinations:
        if sheet_title in workbook.sheetnames:
            return workbook[sheet_title], cell.replace("$", "").split(":")[0]
    return None


def table_origin(workbook: Workbook) -> tuple[Worksheet, int, int]:
    """Sheet, header row and first column of the table: by its defined name, else by texts."""
    place = defined_place(workbook, "kh_bang")
    if place is not None:
        sheet, cell = place
        col, row, _, _ = range_boundaries(cell)
        assert col is not None and row is not None
        return sheet, row, col
    wanted = {fold(h) for h in HEADERS}
    for sheet in workbook.worksheets:
        for cells in sheet.iter_rows(max_row=60):
            found = [
                (c.row, c.column)
                for c in cells
                if isinstance(c.value, str) and fold(c.value) in wanted
            ]
            if len(found) >= len(HEADERS) - 2:
                first_row, first_col = min(found, key=lambda rc: rc[1])
                return sheet, int(first_row or 0), int(first_col or 0)
    raise KehoachError("template-marker-missing", name="kh_bang")


class FormRenderer:
    """Loads the template once and renders forms from copies of it."""

    def __init__(
        self,
        plan: Plan,
        template: Path,
        period: str,
        lang: str = "vi",
        carry: Carryover | None = None,
    ) -> None:
        if not template.exists():
            raise KehoachError("template-not-found", path=str(template))
        try:
            workbook = load_workbook(template)
        except Exception as exc:  # openpyxl raises many classes for a damaged file
            raise KehoachError(
                "template-unreadable", path=str(template), reason=type(exc).__name__
            ) from exc
        table_origin(workbook)  # fail early, before any form is written
        # The same in every form: written once, in Vietnamese (forms are documents; the
        # console's language is not theirs).
        _write_guide(workbook, "vi", carry.period if carry is not None else "")
        self.template = fast_copy.freeze(workbook)  # each form starts from a copy of it
        self.plan = plan
        self.period = period
        self.lang = lang
        self.previous = PreviousValues(plan, carry) if carry is not None else None

    def render(self, agency: Agency, shown: Agency | None = None) -> Workbook:
        """`agency`'s form. `shown`, when given, is the agency whose name and code the form
        carries instead (its rows stay `agency`'s): forms.stamp renders a stand-in."""
        shown = shown or agency
        workbook = fast_copy.thaw(self.template)
        assignments = self.plan.assignments(agency.code)
        rows = prefilled_rows(self.plan, assignments)
        self._fill_header(workbook, agency, shown)
        sheet, header_row, first_col = table_origin(workbook)
        sheet.title = FORM_SHEET
        signature = _take_signature(workbook)
        last_row = _write_rows(sheet, header_row, first_col, rows)
        _put_signature(sheet, signature, last_row + 2)
        place = defined_place(workbook, "kh_ngay_bao_cao")
        report_date = place[1] if place is not None and place[0] is sheet else None
        add_validations(sheet, header_row + 1, last_row, first_col, report_date)
        _protect_and_print(sheet, header_row, first_col, last_row, workbook)
        previous = self.previous_values(agency, assignments)
        if self.previous is not None and previous is not None:  # after the signature, which
            # the print area takes in
            add_reference_columns(sheet, header_row, first_col, self.previous.period, previous)
        _write_meta(
            workbook,
            FormMeta(
                plan_code=self.plan.settings.plan_code,
                agency_code=shown.code,
                period=self.period,
                form_version=self.plan.settings.version_for(self.period),
                fingerprint=fingerprint(rows),
                generator=f"kehoach {__version__}",
            ),
        )
        workbook.active = workbook.sheetnames.index(FORM_SHEET)
        return workbook

    def parent_of(self, agency: Agency) -> str:
        """The body printed above the agency's name: the issuer, for its own departments."""
        kind = agency.kind in (KIND_DEPARTMENT, KIND_SECTOR)
        return self.plan.settings.issuer.upper() if kind else ""

    def previous_values(
        self, agency: Agency, assignments: Sequence[Assignment]
    ) -> list[tuple[str, float | None, str]] | None:
        if self.previous is None:
            return None
        return self.previous.for_rows(agency.code, assignments)

    def _fill_header(self, workbook: Workbook, agency: Agency, shown: Agency) -> None:
        s = self.plan.settings
        deadline = s.deadline_for(self.period)
        values = {
            "kh_co_quan_chu_quan": self.parent_of(agency),
            "kh_ten_don_vi": shown.name.upper(),
            "kh_ten_ke_hoach": s.short_title,
            "kh_ky_bao_cao": t(
                "form-period-line",
                "vi",
                period=self.period,
                cutoff=f"{s.cutoff_for(self.period):%d/%m/%Y}",
                deadline=f"{deadline:%d/%m/%Y}",
                receiver=s.receiver,
            ),
            "kh_don_vi": shown.name,
        }
        for name, value in values.items():
            place = defined_place(workbook, name)
            if place is not None:
                cell = place[0][place[1]]
                cell.value = value
                cell.data_type = "s"  # a name typed as "=…" stays text, as in the rows
        for name in INPUT_NAMES:
            place = defined_place(workbook, name)
            if place is not None:
                place[0][place[1]].protection = UNLOCKED
        report_date = defined_place(workbook, "kh_ngay_bao_cao")
        if report_date is not None:
            report_date[0][report_date[1]].number_format = "dd/mm/yyyy"


@dataclass(frozen=True)
class _Style:
    """A cell's look, lifted off the template so it can be applied to many cells."""

    font: Any
    border: Any
    fill: Any
    alignment: Any
    number_format: str

    @classmethod
    def of(cls, cell: Cell | MergedCell) -> _Style:
        return cls(
            copy.copy(cell.font),
            copy.copy(cell.border),
            copy.copy(cell.fill),
            copy.copy(cell.alignment),
            cell.number_format,
        )

    def apply(self, cell: Cell | MergedCell) -> None:
        cell.font, cell.border, cell.fill = self.font, self.border, self.fill
        cell.alignment, cell.number_format = self.alignment, self.number_format


def _row_height(values: Sequence[str]) -> float:
    lines = 1
    for column, value in zip(FORM_COLUMNS, values, strict=False):
        chars_per_line = max(column.width * 1.3, 4)
        wrapped = sum(max(1, math.ceil(len(part) / chars_per_line)) for part in value.split("\n"))
        lines = max(lines, wrapped)
    return round(min(lines * LINE_HEIGHT + 4, 409), 1)


def _write_rows(sheet: Worksheet, header_row: int, first_col: int, rows: list[list[str]]) -> int:
    sample_row = header_row + 1
    # Style each column's sample cell once, then copy its style record to every row: setting
    # font, fill and protection cell by cell costs openpyxl a hash lookup per attribute.
    for index, column in enumerate(FORM_COLUMNS):
        sample = sheet.cell(sample_row, first_col + index)
        if column.field in NUMBER_FORMATS:
            sample.number_format = NUMBER_FORMATS[column.field]
        sample.protection = Protection(locked=True) if column.prefilled else UNLOCKED
    styles = [
        fast_copy.style_record(sheet.cell(sample_row, first_col + i))
        for i in range(len(FORM_COLUMNS))
    ]
    for offset, values in enumerate(rows):
        row = sample_row + offset
        for index, column in enumerate(FORM_COLUMNS):
            cell = sheet.cell(row, first_col + index)
            fast_copy.apply_style(cell, styles[index])
            cell.value = values[index] if column.prefilled else None
            if isinstance(cell.value, str):
                cell.data_type = "s"  # a task typed as "=HYPERLINK(...)" stays text
        fast_copy.set_height(sheet, row, _row_height(values))
    return header_row + max(len(rows), 1)


def _take_signature(workbook: Workbook) -> tuple[str, _Style, int, int] | None:
    """Lift the signature block out of the table's way; it is put back below the last row."""
    place = defined_place(workbook, "kh_chu_ky")
    if place is None:
        return None
    sheet, ref = place
    cell = sheet[ref]
    width = 1
    for merged in list(sheet.merged_cells.ranges):
        if ref in merged:
            width = merged.max_col - merged.min_col + 1
            sheet.unmerge_cells(str(merged))
    saved = (str(cell.value or ""), _Style.of(cell), cell.column, width)
    cell.value = None
    del workbook.defined_names["kh_chu_ky"]
    return saved


def _put_signature(
    sheet: Worksheet, signature: tuple[str, _Style, int, int] | None, row: int
) -> None:
    if signature is None:
        return
    text, style, column, width = signature
    style.apply(sheet.cell(row, column, text))
    if width > 1:
        sheet.merge_cells(
            start_row=row, start_column=column, end_row=row, end_column=column + width - 1
        )
    fast_copy.set_height(sheet, row, 36)


def _protect_and_print(
    sheet: Worksheet, header_row: int, first_col: int, last_row: int, workbook: Workbook
) -> None:
    protection = sheet.protection
    protection.sheet = True
    # False means "not locked": agencies may resize rows and columns so long answers fit.
    protection.formatCells = False
    protection.formatRows = False
    protection.formatColumns = False
    protection.selectLockedCells = False
    protection.selectUnlockedCells = False
    sheet.freeze_panes = sheet.cell(header_row + 1, first_col + 2).coordinate
    a4_landscape(sheet, header_row)
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    if sheet.oddFooter is not None and sheet.oddFooter.center is not None:
        sheet.oddFooter.center.text = "Trang &P"
    workbook.security = WorkbookProtection(lockStructure=True)
    del last_row


def _write_guide(workbook: Workbook, lang: str, previous: str = "") -> None:
    """The `Hướng dẫn` sheet, written from the rules the validator applies."""
    if GUIDE_SHEET in workbook.sheetnames:
        del workbook[GUIDE_SHEET]
    sheet = workbook.create_sheet(GUIDE_SHEET)
    for row in guide_rows(lang, previous):
        sheet.append(row)
    bold = Font(name=FONT, size=12, bold=True)
    plain = Font(name=FONT, size=12)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows():
        for cell in row:
            cell.font = bold if cell.column == 1 else plain
            cell.alignment = wrap
    sheet["A1"].font = Font(name=FONT, size=14, bold=True)
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = 100
    sheet.protection.sheet = True
    a4_landscape(sheet)


def guide_rows(lang: str = "vi", previous: str = "") -> list[tuple[str, str]]:
    """The guide's lines; `previous` names the period whose results the form carries, if any."""
    rows: list[tuple[str, str]] = [(t("guide-title", lang), ""), ("", t("guide-intro", lang))]
    rows.append((t("guide-columns", lang), ""))
    for column in FORM_COLUMNS:
        locked = t("guide-prefilled" if column.prefilled else "guide-input", lang)
        rows.append((column.header, f"{t(column.guide_key, lang)} {locked}"))
    if previous:
        label = t("carryover-guide-label", lang, period=previous)
        rows.append((label, t("carryover-guide", lang, period=previous)))
    rows.append((t("guide-statuses", lang), " · ".join(STATUSES)))
    rows.append((t("guide-errors", lang), ""))
    rows += [("  " + r.code, t(f"rule-{r.code}", lang)) for r in RULES if r.severity == "error"]
    rows.append((t("guide-warnings", lang), ""))
    rows += [("  " + r.code, t(f"rule-{r.code}", lang)) for r in RULES if r.severity == "warning"]
    rows.append(("", t("guide-outro", lang)))
    return rows


def _write_meta(workbook: Workbook, meta: FormMeta) -> None:
    if META_SHEET in workbook.sheetnames:
        del workbook[META_SHEET]
    sheet = workbook.create_sheet(META_SHEET)
    for key, value in meta.rows():
        sheet.append([key, value])
    sheet.sheet_state = "hidden"
    sheet.protection.sheet = True
