"""The leadership workbook (Contract 4), written with xlsxwriter.

Which sheets exist, their columns, formats, widths and what goes on paper come from
`pipeline/contracts/workbook.py`; values go through the one Excel layer (`excel_layer.cell`).
On paper: `Tổng quan` first (one A4 page), then the group, task and agency summaries, the
per-task rows of each group, the findings and the file log; the per-agency sheets and
`Chi tiết` are for the screen (the group sheets print the same rows).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.contracts import workbook as c4
from pipeline.contracts.form import NOT_REPORTED, ROLE_LEAD
from pipeline.core.catalog import MESSAGES, t
from pipeline.core.files import atomic_path
from pipeline.core.xlsx_style import (
    BASE,
    ONE_LINE,
    formats,
    new_workbook,
    paper,
    row_heights,
    screen_only,
)
from pipeline.outputs.excel_layer import CUT_MARK, ExcelLayer, Kind, Table
from pipeline.outputs.executive import PreviousPeriod, short_title, write_overview
from pipeline.plan.model import Plan
from pipeline.rollup.consolidate import Consolidation

__all__ = ["CUT_MARK", "MAX_AGENCY_SHEETS", "write_report"]

MAX_AGENCY_SHEETS = 60
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


class _Writer:
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
        sheet.set_row(top, _header_height(declared.names, widths))
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


def _header_height(columns: list[str], widths: list[float]) -> float:
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


def write_report(
    target: Path,
    plan: Plan,
    result: Consolidation,
    period: str,
    feedback_links: dict[str, str],
    previous: PreviousPeriod | None = None,
) -> list[str]:
    """Write the workbook atomically; returns the cells whose text had to be cut."""
    with atomic_path(target) as temporary:
        workbook = new_workbook(str(temporary))
        running = t("wb-running", plan=short_title(plan.settings.short_title, 72), period=period)
        writer = _Writer(workbook, running)
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
    shown = []
    pairs = zip(frame[c4.REPORTED].tolist(), frame[c4.PROGRESS_MEAN].tolist(), strict=True)
    for reported, mean in pairs:
        done, _, total = str(reported).partition("/")
        if done == total and not pd.isna(mean):
            shown.append(f"{mean:g}%")
        elif done in ("", "0"):
            shown.append("")
        else:
            shown.append(t("wb-progress-partial", reported=reported))
    frame[c4.PROGRESS_SHOWN] = shown
    return frame


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
    writer: _Writer,
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
    writer: _Writer,
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
        writer.table(sheet, c4.AGENCY_DETAIL, by_agency.get(code, empty), top=3)
        sheets[code] = name
    return sheets


def _agency_summary(
    sheet: Any,
    writer: _Writer,
    result: Consolidation,
    agency_sheets: dict[str, str],
    feedback: dict[str, str],
) -> None:
    frame = result.agencies.copy()
    frame[c4.PAGE_LINK] = ""
    frame[c4.FEEDBACK_LINK] = ""
    last = writer.table(sheet, c4.AGENCIES, frame)
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
