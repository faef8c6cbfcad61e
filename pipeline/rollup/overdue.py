"""When a task is overdue: deadlines make tasks overdue, duties never do.

A task is overdue in a period only when its timeline gives a dated deadline that falls in or
before that period, the deadline has passed on the as-of date, and its leads have not reported
it done. Standing, recurring, open-ended and conditional timelines (and timelines that could not
be read) give no such deadline: their reporting is tracked by submission, not here. A task that
no lead reported is "Chưa báo cáo"; when its deadline has passed it is counted apart, so an
empty inbox reads as "nobody reported", not as "everything is overdue".
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from pipeline.contracts import workbook as c4
from pipeline.contracts.form import DONE, NOT_REPORTED
from pipeline.plan.timeline import Timeline

NOT_DUE = ""  # no dated deadline in or before the period, not passed yet, or done
OVERDUE = "overdue"  # its leads reported it, not done, after the deadline
UNREPORTED_PAST_DUE = "unreported-past-due"  # nobody reported it and the deadline has passed

OVERDUE_COLUMN = c4.OVERDUE
UNREPORTED_COLUMN = c4.UNREPORTED_PAST_DUE
_YES = c4.YES


def overdue_state(timeline: Timeline, status: str, period: str, as_of: date) -> str:
    deadline = timeline.deadline_for(period)
    if deadline is None or as_of <= deadline or status == DONE:
        return NOT_DUE
    return UNREPORTED_PAST_DUE if status == NOT_REPORTED else OVERDUE


def overdue_columns(timeline: Timeline, status: str, period: str, as_of: date) -> dict[str, str]:
    """The two `Theo nhiệm vụ` cells: `Quá hạn` and `Chưa báo cáo, đã quá hạn`."""
    state = overdue_state(timeline, status, period, as_of)
    return {
        OVERDUE_COLUMN: _YES if state == OVERDUE else "",
        UNREPORTED_COLUMN: _YES if state == UNREPORTED_PAST_DUE else "",
    }


def overdue_counts(tasks: pd.DataFrame) -> dict[str, int]:
    """Headline figures from the task table."""
    return {
        "overdue": int((tasks[OVERDUE_COLUMN] == _YES).sum()),
        "not_reported_overdue": int((tasks[UNREPORTED_COLUMN] == _YES).sum()),
    }
