"""Each period's results per task and per agency in the store, for history across periods.

Written with the rest of a period's results (`records.save_results`, one transaction), read
back by `run.py` for the periods before the one it computes: never that period itself (its
column comes from the run) and never a later one, so a period's workbook does not change when
later periods are run.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from pipeline.rollup.history import AgencyResult, History, PeriodResults, TaskResult


def write_results(connection: sqlite3.Connection, results: PeriodResults) -> None:
    """Replace the period's per-task and per-agency results (inside the caller's transaction)."""
    period = results.period
    for table in ("period_tasks", "period_agencies"):
        connection.execute(f"DELETE FROM {table} WHERE period = ?", (period,))
    connection.executemany(
        "INSERT INTO period_tasks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (period, seq, t.task, t.group, t.content, t.status, t.progress, t.reported, t.overdue)
            for seq, t in enumerate(results.tasks)
        ],
    )
    connection.executemany(
        "INSERT INTO period_agencies VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (period, seq, a.agency, a.name, a.submitted, a.on_time, a.outcome)
            for seq, a in enumerate(results.agencies)
        ],
    )


def read_history(connection: sqlite3.Connection, order: Sequence[str], period: str) -> History:
    """The saved results of the plan's periods before `period`, in the plan's order."""
    earlier = list(order[: list(order).index(period)]) if period in order else []
    if not earlier:
        return History()
    marks = ", ".join("?" * len(earlier))
    tasks: dict[str, list[TaskResult]] = {}
    for name, *values in connection.execute(
        "SELECT period, task, task_group, content, status, progress, reported, overdue "
        f"FROM period_tasks WHERE period IN ({marks}) ORDER BY period, seq",
        earlier,
    ):
        task, group, content, status, progress, reported, overdue = values
        tasks.setdefault(name, []).append(
            TaskResult(task, group, content, status, progress, reported, bool(overdue))
        )
    agencies: dict[str, list[AgencyResult]] = {}
    for name, code, agency_name, submitted, on_time, outcome in connection.execute(
        "SELECT period, agency, name, submitted, on_time, outcome "
        f"FROM period_agencies WHERE period IN ({marks}) ORDER BY period, seq",
        earlier,
    ):
        agencies.setdefault(name, []).append(
            AgencyResult(
                code,
                agency_name,
                bool(submitted),
                None if on_time is None else bool(on_time),
                outcome,
            )
        )
    ran = {
        name
        for (name,) in connection.execute(
            f"SELECT period FROM period_runs WHERE period IN ({marks})", earlier
        )
    }
    saved = [p for p in earlier if p in tasks or p in agencies]
    return History(
        tuple(PeriodResults(p, tuple(tasks.get(p, [])), tuple(agencies.get(p, []))) for p in saved),
        # run by a version that kept only the headline: re-running that period fills it in
        tuple(p for p in earlier if p in ran and p not in saved),
    )
