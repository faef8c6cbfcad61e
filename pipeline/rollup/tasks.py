"""The rollup per task: each task's status, progress and results from its rows.

A task's rows are gathered in one pass over plain lists (a pandas filter per task cost ~1 ms a
task whatever its size); its figures are those of its leads, its texts those of everyone.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

import numpy as np
import pandas as pd

from pipeline.contracts import workbook as c4
from pipeline.contracts.form import DONE, IN_PROGRESS, NOT_REPORTED, NOT_STARTED, ROLE_LEAD
from pipeline.plan.model import Plan
from pipeline.rollup.overdue import overdue_columns


def task_status(statuses: list[str | None], leads: int) -> str:
    """`Tình trạng chung` of a task from its reporting leads' statuses."""
    reported = [s for s in statuses if s]
    if not reported:
        return NOT_REPORTED
    if len(reported) == leads and all(s == DONE for s in reported):
        return DONE
    if all(s == NOT_STARTED for s in reported):
        return NOT_STARTED
    return IN_PROGRESS


class _TaskRow(NamedTuple):
    """What `by_task` reads of a counted row."""

    agency: str
    lead: bool
    status: str | None
    progress: float | None
    result: str
    difficulty: str
    proposal: str


def _task_rows(rows: pd.DataFrame) -> dict[str, list[_TaskRow]]:
    """Each task's counted rows, in their order, from one pass over plain lists: filtering a
    task's rows with pandas costs ~1 ms a task whatever its size (0.05 s of the embedded
    plan's 1.5 s run), and stepping through pandas columns value by value is slower still."""
    by_number: dict[str, list[_TaskRow]] = {}
    if rows.empty:
        return by_number
    columns = ("agency", "plan_role", "status", "progress", "result", "difficulty", "proposal")
    values = [rows[column].tolist() for column in columns]
    for task, agency, role, status, progress, result, difficulty, proposal in zip(
        rows["task"].tolist(), *values, strict=True
    ):
        row = _TaskRow(agency, role == ROLE_LEAD, status, progress, result, difficulty, proposal)
        by_number.setdefault(task, []).append(row)
    return by_number


def _texts(rows: list[_TaskRow], field: str, names: dict[str, str]) -> str:
    parts = [f"{names[row.agency]}: {value}" for row in rows if (value := getattr(row, field))]
    return "\n".join(parts)


def _mean_progress(leads: list[_TaskRow]) -> float | None:
    """The leads' average progress, one decimal; None when no lead gave one. Summed by numpy
    as pandas sums a column: an exact sum rounds some halves the other way (46.9, 86.5, 94.1
    and 85.1 average 78.2 in pandas, 78.1 exactly), and a closed period's figures must not
    move when they are made again."""
    given = [row.progress for row in leads if not pd.isna(row.progress)]
    if not given:
        return None
    return round(float(np.array(given, dtype="float64").sum()) / len(given), 1)


def _wrong_rows(invalid: pd.DataFrame, names: dict[str, str]) -> dict[str, list[str]]:
    """Per task, the agencies whose rows on it were left out (leads first)."""
    wrong: dict[str, list[str]] = {}
    if invalid.empty:
        return wrong
    ordered = invalid.sort_values("plan_role", key=lambda s: s.ne(ROLE_LEAD), kind="stable")
    for task, agency in zip(ordered["task"].tolist(), ordered["agency"].tolist(), strict=True):
        if names[agency] not in wrong.setdefault(task, []):
            wrong[task].append(names[agency])
    return wrong


def by_task(
    plan: Plan, rows: pd.DataFrame, period: str, as_of: date, invalid: pd.DataFrame
) -> pd.DataFrame:
    names = {a.code: a.short for a in plan.registry.agencies.values()}
    wrong = _wrong_rows(invalid, names)
    by_number = _task_rows(rows)
    records = []
    for task in plan.tasks:
        mine = by_number.get(task.number, [])
        leads = [row for row in mine if row.lead]
        coords = [row for row in mine if not row.lead]
        status = task_status([row.status for row in leads], len(task.leads))
        reported = len({row.agency for row in leads})
        records.append(
            {
                c4.GROUP: task.group,
                c4.TASK: task.number,
                c4.CONTENT: task.content,
                c4.TIMELINE: task.timeline.text,
                c4.DUE: task.timeline.due_for(period),
                c4.LEADS: len(task.leads),
                c4.REPORTED: f"{reported}/{len(task.leads)}",
                c4.INVALID_ROWS: ", ".join(wrong.get(task.number, [])),
                c4.OVERALL: status,
                c4.PROGRESS_MEAN: _mean_progress(leads),
                **overdue_columns(task.timeline, status, period, as_of),
                c4.LEAD_RESULTS: _texts(leads, "result", names),
                c4.COORD_RESULTS: _texts(coords, "result", names),
                c4.DIFFICULTY: _texts(mine, "difficulty", names),
                c4.PROPOSAL: _texts(mine, "proposal", names),
            }
        )
    return pd.DataFrame.from_records(records)
