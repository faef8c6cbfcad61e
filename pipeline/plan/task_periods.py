"""The periods a task belongs to (Contract 1: optional `Từ kỳ` and `Đến kỳ` on `Nhiệm vụ`).

A plan changes over its years: a task added to the matrix in 2026 is no task of 2024 or
2025, and one ended after 2025 is none of 2026. Without these columns every task belongs to
every period, as before; with them, a period recomputed after the matrix changed still
counts, asks for and prints only its own tasks.
"""

from __future__ import annotations

from typing import Any

from pipeline.contracts.matrix import TASK_FIRST_PERIOD, TASK_LAST_PERIOD, TASK_NUMBER, TASK_SHEET
from pipeline.plan.sheet_values import Collector, cell, text

Span = tuple[str, str]  # (first period, last period); "" is open on that side


def read_task_periods(
    rows: list[tuple[int, dict[str, Any]]], periods: tuple[str, ...], out: Collector
) -> dict[str, Span]:
    """Task number -> its span, for the tasks whose row names one; every period named must be
    one of the plan's, and the first must not come after the last."""
    spans: dict[str, Span] = {}
    for number, record in rows:
        task = text(record.get(TASK_NUMBER)).rstrip(".").strip()
        if not task.isdigit():
            continue  # a group row, or a number the task reader reports
        task = str(int(task))
        cols = record["__cols__"]
        first, last = text(record.get(TASK_FIRST_PERIOD)), text(record.get(TASK_LAST_PERIOD))
        known = True
        for header, value in ((TASK_FIRST_PERIOD, first), (TASK_LAST_PERIOD, last)):
            if value and value not in periods:
                known = False
                out.add(
                    "task-period-unknown",
                    sheet=TASK_SHEET,
                    cell=cell(cols[header], number),
                    task=task,
                    column=header,
                    value=value,
                    periods=", ".join(periods),
                )
        if known and first and last and periods.index(first) > periods.index(last):
            out.add(
                "task-period-order",
                sheet=TASK_SHEET,
                cell=cell(cols[TASK_FIRST_PERIOD], number),
                task=task,
                first=first,
                last=last,
            )
        if first or last:
            spans[task] = (first, last)
    return spans


def belongs(span: Span | None, period: str, periods: tuple[str, ...]) -> bool:
    """Whether a task of this span belongs to the period (a period the plan lacks: yes)."""
    if span is None or period not in periods:
        return True
    first, last = span
    at = periods.index(period)
    return (not first or periods.index(first) <= at) and (not last or at <= periods.index(last))
