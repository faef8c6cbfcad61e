"""The agency × task matrix (C = chủ trì, P = phối hợp) as a printable workbook."""

from __future__ import annotations

from pathlib import Path

from pipeline.contracts.form import ROLE_COORDINATE, ROLE_LEAD
from pipeline.contracts.matrix import PRINTED_AGENCY, PRINTED_SHEET
from pipeline.core.catalog import t
from pipeline.core.files import atomic_path
from pipeline.core.xlsx_style import formats, new_workbook, print_landscape
from pipeline.plan.model import Plan


def write_matrix(plan: Plan, target: Path) -> None:
    agencies = plan.expected_agencies()
    with atomic_path(target) as temporary:
        workbook = new_workbook(str(temporary))
        style = formats(workbook)
        sheet = workbook.add_worksheet(PRINTED_SHEET)
        sheet.write_string(0, 0, t("wb-matrix-title"), style["title"])
        sheet.write_string(1, 0, plan.settings.short_title, style["italic"])
        header = 3
        sheet.write_string(header, 0, PRINTED_AGENCY, style["header"])
        sheet.set_column(0, 0, 34)
        for col, task in enumerate(plan.tasks, start=1):
            sheet.write_string(header, col, f"{task.group}.{task.number}", style["header"])
            sheet.set_column(col, col, 6)
        totals = len(plan.tasks) + 1
        sheet.write_string(header, totals, ROLE_LEAD, style["header"])
        sheet.write_string(header, totals + 1, ROLE_COORDINATE, style["header"])
        sheet.set_column(totals, totals + 1, 9)
        for row, agency in enumerate(agencies, start=header + 1):
            sheet.write_string(row, 0, agency.name, style["cell"])
            for col, task in enumerate(plan.tasks, start=1):
                mark = (
                    "C"
                    if agency.code in task.leads
                    else ("P" if agency.code in task.coordinators else "")
                )
                sheet.write_string(row, col, mark, style["center"])
            roles = [a.role for a in plan.assignments(agency.code)]
            sheet.write_number(row, totals, roles.count(ROLE_LEAD), style["number"])
            sheet.write_number(row, totals + 1, roles.count(ROLE_COORDINATE), style["number"])
        sheet.freeze_panes(header + 1, 1)
        print_landscape(sheet, header)
        workbook.close()
