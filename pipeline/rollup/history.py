"""Each period's results as plain data, for the history sheets and the comparison on `Tổng quan`.

A period's results are what its run showed per task (status, average progress) and per agency
(submitted, on time, the outcome that speaks for it). The store keeps those of each period's
latest run; `run.py` reads the earlier periods' from there and hands them to the writer, which
adds this run's own (never the store's copy of this period, never a later period's).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.contracts.form import DONE
from pipeline.contracts.outcomes import Outcome
from pipeline.contracts.workbook import (
    AGENCY_CODE,
    AGENCY_NAME,
    GROUP,
    NO,
    NOT_SUBMITTED,
    ON_TIME,
    OUTCOME,
    OVERALL,
    OVERDUE,
    PROGRESS_MEAN,
    REPORTED,
    SUBMITTED,
    TASK,
    YES,
)

if TYPE_CHECKING:  # the store and run.py import this module before pandas is loaded
    from pipeline.rollup.consolidate import Consolidation


@dataclass(frozen=True)
class PreviousPeriod:
    """The figures of the period before, for the comparison on `Tổng quan`."""

    period: str
    expected: int
    counted: int
    on_time: int
    tasks: int
    done: int
    overdue: int


@dataclass(frozen=True)
class TaskResult:
    task: str  # TT
    group: str
    content: str
    status: str  # Tình trạng chung
    progress: float | None  # the average of the leads that reported
    reported: str  # "2/3": leads that reported, of all leads
    overdue: bool


@dataclass(frozen=True)
class AgencyResult:
    agency: str  # code
    name: str
    submitted: bool
    on_time: bool | None  # None: nothing submitted, or the receipt time is unknown
    outcome: str | None  # the Contract 3 code of the return that speaks for it; None: none


@dataclass(frozen=True)
class PeriodResults:
    period: str
    tasks: tuple[TaskResult, ...]  # in the plan's order of that period
    agencies: tuple[AgencyResult, ...]  # the agencies expected then, in the registry's order


@dataclass(frozen=True)
class History:
    """The periods before this one that the store knows, in the plan's order; and those it
    knows only by their headline (saved by a version without per-task results)."""

    earlier: tuple[PeriodResults, ...] = ()
    without_detail: tuple[str, ...] = ()


def _number(value: object) -> float | None:
    if not isinstance(value, int | float) or math.isnan(value):  # None, NaN
        return None
    return float(value)


def results_of(period: str, result: Consolidation) -> PeriodResults:
    """This run's results per task and per agency."""
    t = result.tasks
    tasks = tuple(
        TaskResult(str(n), str(g), str(c), str(s), _number(p), str(r), o == YES)
        for n, g, c, s, p, r, o in zip(
            *(t[k].tolist() for k in (TASK, GROUP, "Nội dung", OVERALL, PROGRESS_MEAN)),
            t[REPORTED].tolist(),
            t[OVERDUE].tolist(),
            strict=True,
        )
    )
    codes = {outcome.label(): outcome.value for outcome in Outcome}
    a = result.agencies
    agencies = tuple(
        AgencyResult(
            str(code),
            str(name),
            submitted == YES,
            None if not on_time else on_time == YES,
            codes.get(str(label)),
        )
        for code, name, submitted, on_time, label in zip(
            *(a[k].tolist() for k in (AGENCY_CODE, AGENCY_NAME, SUBMITTED, ON_TIME, OUTCOME)),
            strict=True,
        )
    )
    return PeriodResults(period, tasks, agencies)


def figures(results: PeriodResults) -> PreviousPeriod:
    """The comparison's figures, counted as `Tổng quan` counts this period's."""
    import pandas as pd  # loaded by the run already (a function-local import, see above)

    from pipeline.rollup.headline import ON_TIME_COUNTED, submission

    agencies = results.agencies
    frame = pd.DataFrame(
        {
            AGENCY_CODE: [a.agency for a in agencies],
            OUTCOME: [
                Outcome(a.outcome).label() if a.outcome else NOT_SUBMITTED for a in results.agencies
            ],
            ON_TIME: [
                "" if a.on_time is None else (YES if a.on_time else NO) for a in results.agencies
            ],
        }
    )
    sub = submission(frame)
    return PreviousPeriod(
        results.period,
        expected=sub.expected,
        counted=sub.counted,
        on_time=len(sub.categories[ON_TIME_COUNTED]),
        tasks=len(results.tasks),
        done=sum(task.status == DONE for task in results.tasks),
        overdue=sum(task.overdue for task in results.tasks),
    )


def previous_period(history: History, order: Sequence[str], period: str) -> PreviousPeriod | None:
    """The figures of the period just before `period` in the plan's order, when the store
    has its results; none in the first period, or when they were never saved."""
    position = list(order).index(period) if period in order else 0
    if position == 0:
        return None
    before = order[position - 1]
    found = [results for results in history.earlier if results.period == before]
    return figures(found[0]) if found else None
