"""`Nhiệm vụ qua các kỳ` and `Đơn vị qua các kỳ`: each task's and each agency's results by period.

One column pair per period, under a row naming it: per task its status and progress, per
agency whether it submitted and whether on time. The earlier periods are as their latest runs
left them (the store's copy, handed in as `History`); this period's pair is this run's own, so
the first run shows one period. A task or an agency absent from a period (a task added later,
an agency that ended or did not exist yet) has blank cells there.

The sheets exist from the first period on, saying in one line that only one period is known:
Contract 4's sheets stay the same from year to year, so links and downstream readers that
find a sheet by its place do not shift when a second period arrives.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from pipeline.contracts import workbook as c4
from pipeline.contracts.workbook import NO, YES
from pipeline.core.catalog import t
from pipeline.outputs.executive import short_title
from pipeline.outputs.sheet_table import TableWriter, header_height, sheet_name
from pipeline.plan.model import Plan
from pipeline.rollup.history import AgencyResult, History, PeriodResults, TaskResult

TOP = 3  # the note on row 1, a gap, the periods' row, then the column names


def progress_text(reported: str, mean: float | None) -> str:
    """A task's average progress only when every lead reported; else how many did."""
    done, _, total = reported.partition("/")
    if done == total and mean is not None:
        return f"{mean:g}%"
    if done in ("", "0"):
        return ""
    return t("wb-progress-partial", reported=reported)


def _newest_first(periods: list[PeriodResults]) -> list[PeriodResults]:
    return list(reversed(periods))


def task_frame(periods: list[PeriodResults]) -> pd.DataFrame:
    """One row per task of any period: this period's in its plan's order, then those of
    earlier periods only (newest first); text and group as the newest period has them."""
    latest: dict[str, TaskResult] = {}
    for results in _newest_first(periods):
        for task in results.tasks:
            latest.setdefault(task.task, task)
    decl = c4.TASK_HISTORY
    status, progress = decl.each
    frame: dict[str, list[Any]] = {
        c4.TASK: list(latest),
        c4.TASK_TITLE: [short_title(task.content, 48) for task in latest.values()],
        c4.GROUP: [task.group for task in latest.values()],
    }
    for results in periods:
        mine = {task.task: task for task in results.tasks}
        found = [mine.get(number) for number in latest]
        frame[decl.key(status, results.period)] = [x.status if x else None for x in found]
        frame[decl.key(progress, results.period)] = [
            progress_text(x.reported, x.progress) if x else None for x in found
        ]
    return pd.DataFrame(frame)


def agency_frame(plan: Plan, periods: list[PeriodResults]) -> pd.DataFrame:
    """One row per agency expected in any period, in the registry's order of every agency
    ever listed (an ended one keeps its place), named as in the newest period it was in."""
    latest: dict[str, AgencyResult] = {}
    for results in _newest_first(periods):
        for agency in results.agencies:
            latest.setdefault(agency.agency, agency)
    known = list((plan.everyone or plan.registry).agencies)
    place = {code: index for index, code in enumerate(known)}
    codes = sorted(latest, key=lambda code: place.get(code, len(known)))  # stable: unknown last
    decl = c4.AGENCY_HISTORY
    submitted, on_time = decl.each
    frame: dict[str, list[Any]] = {
        c4.AGENCY_NAME: [latest[code].name for code in codes],
        c4.AGENCY_CODE: codes,
    }
    for results in periods:
        mine = {agency.agency: agency for agency in results.agencies}
        found = [mine.get(code) for code in codes]
        frame[decl.key(submitted, results.period)] = [
            (YES if x.submitted else NO) if x else None for x in found
        ]
        frame[decl.key(on_time, results.period)] = [
            None if x is None or x.on_time is None else (YES if x.on_time else NO) for x in found
        ]
    return pd.DataFrame(frame)


def _note(periods: list[PeriodResults], history: History) -> str:
    if len(periods) == 1:
        text = t("wb-history-one", period=periods[0].period)
    else:
        text = t(
            "wb-history-note",
            current=periods[-1].period,
            earlier=", ".join(p.period for p in periods[:-1]),
        )
    if history.without_detail:
        text += " " + t("wb-history-without-detail", periods=", ".join(history.without_detail))
    return text


def write_history(
    workbook: Any,
    writer: TableWriter,
    plan: Plan,
    current: PeriodResults,
    history: History,
    used: set[str],
) -> None:
    """Both sheets, the earlier periods' results first and this run's last."""
    periods = [*history.earlier, current]
    note = _note(periods, history)
    for declared, frame in (
        (c4.TASK_HISTORY, task_frame(periods)),
        (c4.AGENCY_HISTORY, agency_frame(plan, periods)),
    ):
        sheet = workbook.add_worksheet(sheet_name(declared.name, used))
        _by_period(sheet, writer, declared, frame, [p.period for p in periods], note)


def _by_period(
    sheet: Any,
    writer: TableWriter,
    declared: c4.ByPeriod,
    frame: pd.DataFrame,
    periods: list[str],
    note: str,
) -> None:
    style = writer.style
    flat = declared.sheet(periods)
    printed = [c for c in flat.columns if c.printed]
    sheet.merge_range(0, 0, 0, len(printed) - 1, note, style["italic"])
    sheet.set_row(0, header_height([note], [sum(c.width for c in printed) * 1.1]))
    writer.table(sheet, flat, frame, top=TOP, fast=True)
    # The periods' row above the column names, which say only what each column of a pair is.
    fixed = len(declared.fixed)
    codes = range(len(flat.columns) - len(declared.codes), len(flat.columns))
    for col in [*range(fixed), *codes]:
        sheet.write_blank(TOP - 1, col, None, style["header"])
    width = len(declared.each)
    for index, period in enumerate(periods):
        first = fixed + index * width
        label = t("wb-history-period", period=period)
        if width > 1:
            sheet.merge_range(TOP - 1, first, TOP - 1, first + width - 1, label, style["header"])
        else:
            sheet.write_string(TOP - 1, first, label, style["header"])
        for offset, column in enumerate(declared.each):
            sheet.write_string(TOP, first + offset, column.name, style["header"])
    names = [c.name for c in declared.fixed] + [c.name for c in declared.each] * len(periods)
    widths = [c.width for c in flat.columns[: len(names)]]
    sheet.set_row(TOP, header_height(names, widths))
    sheet.repeat_rows(TOP - 1, TOP)  # both header rows on every printed page
    sheet.freeze_panes(TOP + 1, fixed)  # the task or agency stays in view across the periods
