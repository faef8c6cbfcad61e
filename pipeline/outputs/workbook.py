"""The leadership workbook (Contract 4), written with xlsxwriter.

Which sheets exist, their columns, formats, widths and what goes on paper come from
`pipeline/contracts/workbook.py`; values go through the one Excel layer (`cells_xml.cell`).
On paper: `Tổng quan` first (one A4 page), then the group, task and agency summaries, the
history across periods (`outputs/history.py`), the per-task rows of each group, the
findings and the file log; the per-agency sheets and `Chi tiết` are for the screen (the group
sheets print the same rows).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.contracts import workbook as c4
from pipeline.contracts.form import NOT_REPORTED, ROLE_LEAD
from pipeline.core.catalog import MESSAGES, t
from pipeline.core.files import atomic_path
from pipeline.core.xlsx_style import ONE_LINE, new_workbook, paper
from pipeline.outputs.cells_xml import CUT_MARK
from pipeline.outputs.excel_layer import PlainFormulaSheet
from pipeline.outputs.executive import PreviousPeriod, short_title, write_overview
from pipeline.outputs.history import progress_text, write_history
from pipeline.outputs.sheet_table import TableWriter, sheet_name
from pipeline.plan.model import Plan
from pipeline.rollup.consolidate import Consolidation
from pipeline.rollup.history import History, previous_period, results_of

__all__ = ["CUT_MARK", "MAX_AGENCY_SHEETS", "write_report"]

MAX_AGENCY_SHEETS = 60


def write_report(
    target: Path,
    plan: Plan,
    result: Consolidation,
    period: str,
    feedback_links: dict[str, str],
    previous: PreviousPeriod | None = None,
    history: History | None = None,
) -> list[str]:
    """Write the workbook atomically; returns the cells whose text had to be cut.

    `history`: the earlier periods' results as the store keeps them; without `previous`, the
    comparison on `Tổng quan` is with the period just before this one, when it is there."""
    history = history or History()
    if previous is None:
        previous = previous_period(history, plan.settings.periods, period)
    with atomic_path(target) as temporary:
        workbook = new_workbook(str(temporary))
        workbook.worksheet_class = PlainFormulaSheet
        running = t("wb-running", plan=short_title(plan.settings.short_title, 72), period=period)
        writer = TableWriter(workbook, running)
        used: set[str] = set()
        overview = workbook.add_worksheet(sheet_name(c4.OVERVIEW.name, used))
        titles = _task_titles(plan)
        names = {a.code: a.name for a in plan.registry.agencies.values()}
        writer.table(
            workbook.add_worksheet(sheet_name(c4.GROUPS.name, used)), c4.GROUPS, result.groups
        )
        writer.table(
            workbook.add_worksheet(sheet_name(c4.TASKS.name, used)),
            c4.TASKS,
            _tasks_frame(result.tasks, _task_titles(plan, 90)),
        )
        agencies_sheet = workbook.add_worksheet(sheet_name(c4.AGENCIES.name, used))
        # with the summaries: leadership reads the periods side by side before the details
        write_history(workbook, writer, plan, results_of(period, result), history, used)
        _group_sheets(workbook, writer, plan, result, used, titles)
        agency_sheets = _agency_sheets(workbook, writer, plan, result, used, titles)
        _agency_summary(agencies_sheet, writer, result, agency_sheets, feedback_links)
        for declared, frame in (
            (c4.DETAIL, result.detail),
            (c4.CHECKS, _checks_frame(result.checks, names)),
            (c4.LOG, _log_frame(result.log, names)),
        ):
            sheet = workbook.add_worksheet(sheet_name(declared.name, used))
            writer.table(sheet, declared, frame, fast=True)
        last = write_overview(workbook, overview, plan, result, period, previous)
        paper(
            overview,
            title=c4.OVERVIEW.title,
            running=running,
            header_row=None,
            last_row=last,
            last_col=3,
            portrait=True,
        )
        overview.fit_to_pages(1, 1)
        overview.activate()
        workbook.close()
        writer.layer.finish(temporary)
    return writer.layer.cut


def _task_titles(plan: Plan, limit: int = 48) -> dict[str, str]:
    """A task's first words, two lines of its `Nhiệm vụ` column at most, beside every TT."""
    return {task.number: short_title(task.content, limit) for task in plan.tasks}


def _tasks_frame(tasks: pd.DataFrame, titles: dict[str, str]) -> pd.DataFrame:
    """Short counts per task; average progress only when every lead has reported."""
    frame = tasks.copy()
    frame[c4.TASK_TITLE] = frame[c4.TASK].map(titles)
    pairs = zip(frame[c4.REPORTED].tolist(), frame[c4.PROGRESS_MEAN].tolist(), strict=True)
    shown = [progress_text(str(reported), _mean(mean)) for reported, mean in pairs]
    frame[c4.PROGRESS_SHOWN] = shown
    return frame


def _mean(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)  # type: ignore[call-overload,arg-type]


def _group_rows(plan: Plan, detail: pd.DataFrame, titles: dict[str, str]) -> pd.DataFrame:
    """One row per task and agency: every answer, and every lead that has not answered."""
    shorts = {a.code: a.short for a in plan.registry.agencies.values()}
    order = {a.code: i for i, a in enumerate(plan.registry.agencies.values())}
    frame = pd.DataFrame(
        {
            c4.TASK: detail[c4.TASK],
            c4.GROUP: detail[c4.GROUP],
            c4.AGENCY: detail[c4.AGENCY_CODE].map(shorts),
            c4.ROLE: detail[c4.ROLE],
            c4.STATUS: detail[c4.STATUS],
            c4.PROGRESS: detail[c4.PROGRESS],
            c4.RESULT: detail[c4.RESULT],
            c4.DIFFICULTY: detail[c4.DIFFICULTY],
            c4.PROPOSAL: detail[c4.PROPOSAL],
            c4.AGENCY_CODE: detail[c4.AGENCY_CODE],
        }
    )
    answered = set(zip(detail[c4.TASK].tolist(), detail[c4.AGENCY_CODE].tolist(), strict=True))
    silent = [
        {
            c4.TASK: task.number,
            c4.GROUP: task.group,
            c4.AGENCY: shorts.get(code, code),
            c4.ROLE: ROLE_LEAD,
            c4.STATUS: NOT_REPORTED,
            c4.AGENCY_CODE: code,
        }
        for task in plan.tasks
        for code in task.leads
        if (task.number, code) not in answered and code in plan.expected_codes
    ]
    if silent:
        frame = pd.concat([frame, pd.DataFrame.from_records(silent)], ignore_index=True)
    frame[c4.TASK_TITLE] = frame[c4.TASK].map(titles)
    task_order = {x.number: i for i, x in enumerate(plan.tasks)}
    frame["_t"] = frame[c4.TASK].map(task_order)
    frame["_r"] = frame[c4.ROLE].ne(ROLE_LEAD)
    frame["_a"] = frame[c4.AGENCY_CODE].map(order)
    return frame.sort_values(["_t", "_r", "_a"], kind="stable").reset_index(drop=True)


def _group_sheets(
    workbook: Any,
    writer: TableWriter,
    plan: Plan,
    result: Consolidation,
    used: set[str],
    titles: dict[str, str],
) -> None:
    rows = _group_rows(plan, result.detail, titles)
    by_group = {value: part for value, part in rows.groupby(c4.GROUP, sort=False)}
    empty = rows.iloc[:0]
    for group in plan.groups:
        sheet = workbook.add_worksheet(sheet_name(f"{c4.GROUP} {group.numeral}", used))
        heading = f"{c4.GROUP} {group.numeral}. {group.title}"
        sheet.merge_range(0, 0, 0, 8, heading, writer.style["title_wrap"])
        sheet.set_row(0, ONE_LINE * (1 + len(heading) // 150) + 4)
        frame = by_group.get(group.numeral, empty)
        writer.table(
            sheet,
            c4.GROUP_DETAIL,
            frame,
            top=2,
            fast=True,
            title=f"{c4.GROUP_DETAIL.title} — {c4.GROUP.upper()} {group.numeral}",
        )


def _agency_sheets(
    workbook: Any,
    writer: TableWriter,
    plan: Plan,
    result: Consolidation,
    used: set[str],
    titles: dict[str, str],
) -> dict[str, str]:
    if len(result.agencies) > MAX_AGENCY_SHEETS:
        return {}
    sheets: dict[str, str] = {}
    detail = result.detail.copy()
    detail[c4.TASK_TITLE] = detail[c4.TASK].map(titles)
    by_agency = {value: part for value, part in detail.groupby(c4.AGENCY_CODE, sort=False)}
    empty = detail.iloc[:0]
    for record in result.agencies.to_dict("records"):
        code = str(record[c4.AGENCY_CODE])
        agency = plan.registry.agencies[code]
        name = sheet_name(agency.short, used)
        sheet = workbook.add_worksheet(name)
        sheet.write_string(0, 0, agency.name, writer.style["title"])
        status = t(
            "wb-agency-status",
            submitted=record[c4.SUBMITTED],
            on_time=record[c4.ON_TIME] or "—",
            outcome=record[c4.OUTCOME],
            errors=record[c4.ERRORS],
            warnings=record[c4.WARNINGS],
        )
        sheet.merge_range(1, 0, 1, 6, status, writer.style["italic"])
        sheet.write_url(
            1,
            7,
            f"internal:'{c4.AGENCIES.name}'!A1",
            writer.style["link"],
            t("wb-back-to-agencies"),
        )
        writer.table(sheet, c4.AGENCY_DETAIL, by_agency.get(code, empty), top=3, fast=True)
        sheets[code] = name
    return sheets


def _agency_summary(
    sheet: Any,
    writer: TableWriter,
    result: Consolidation,
    agency_sheets: dict[str, str],
    feedback: dict[str, str],
) -> None:
    frame = result.agencies.copy()
    frame[c4.PAGE_LINK] = ""
    frame[c4.FEEDBACK_LINK] = ""
    # spliced at 3,321 agencies (46,000 cells: 0.5 s less), the links merged into its rows
    last = writer.table(sheet, c4.AGENCIES, frame, fast=True)
    page_col = c4.AGENCIES.names.index(c4.PAGE_LINK)
    feedback_col = c4.AGENCIES.names.index(c4.FEEDBACK_LINK)
    for row, code in enumerate(frame[c4.AGENCY_CODE], start=1):
        if code in agency_sheets:
            sheet.write_url(
                row,
                page_col,
                f"internal:'{agency_sheets[code]}'!A1",
                writer.style["link"],
                t("wb-open"),
            )
        if code in feedback:
            sheet.write_url(
                row,
                feedback_col,
                f"external:{feedback[code]}",
                writer.style["link"],
                t("wb-feedback-file"),
            )
    if not agency_sheets:
        sheet.write_string(
            last + 2, 0, t("wb-many-agencies", limit=MAX_AGENCY_SHEETS), writer.style["line"]
        )


def _checks_frame(checks: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Findings with the agency's name and the rule in words; codes stay for machines."""
    frame = checks.copy()
    frame[c4.AGENCY_NAME] = frame[c4.AGENCY_CODE].map(names).fillna("")
    frame[c4.RULE] = [
        t(f"rule-{code}") if f"rule-{code}" in MESSAGES else "" for code in frame[c4.RULE_CODE]
    ]
    return frame


def _log_frame(log: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    frame = log.copy()
    frame[c4.AGENCY_NAME] = frame[c4.AGENCY_CODE].map(names).fillna("")
    return frame
