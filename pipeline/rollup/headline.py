"""Figures for the executive page, from the rollup's frames: categories that add up."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from pipeline.contracts.outcomes import COUNTED, Outcome
from pipeline.contracts.workbook import AGENCY_CODE, ON_TIME, OUTCOME, OVERDUE, TASK, YES

ACCEPTED_IN_PART = Outcome.ACCEPTED_IN_PART.value  # Contract 3

ON_TIME_COUNTED = "on_time"
LATE_COUNTED = "late"
REJECTED_RETURN = "rejected"
NOT_SUBMITTED = "missing"
SUBMISSION_ORDER = (ON_TIME_COUNTED, LATE_COUNTED, REJECTED_RETURN, NOT_SUBMITTED)


@dataclass(frozen=True)
class Submission:
    """Each expected agency in exactly one category (codes, in the plan's order)."""

    categories: dict[str, list[str]]
    in_part: list[str]  # counted, but only the rows without errors

    @property
    def expected(self) -> int:
        return sum(len(codes) for codes in self.categories.values())

    @property
    def counted(self) -> int:
        return len(self.categories[ON_TIME_COUNTED]) + len(self.categories[LATE_COUNTED])


def submission(agencies: pd.DataFrame) -> Submission:
    """On time, late, rejected or not submitted, judged on the return that counts.

    A rejected return is not a report, whenever it arrived; a return whose receipt time is
    unknown is not called on time.
    """
    counted_labels = {outcome.label() for outcome in COUNTED}
    in_part_label = Outcome.ACCEPTED_IN_PART.label()
    categories: dict[str, list[str]] = {name: [] for name in SUBMISSION_ORDER}
    in_part: list[str] = []
    rows = zip(
        agencies[AGENCY_CODE].tolist(),
        agencies[OUTCOME].tolist(),
        agencies[ON_TIME].tolist(),
        strict=True,
    )
    for code, outcome, on_time in rows:
        if outcome in counted_labels:
            categories[ON_TIME_COUNTED if on_time == YES else LATE_COUNTED].append(code)
            if outcome == in_part_label:
                in_part.append(code)
        elif outcome == Outcome.REJECTED.label():
            categories[REJECTED_RETURN].append(code)
        else:
            categories[NOT_SUBMITTED].append(code)
    return Submission(categories, in_part)


def overdue_tasks(tasks: pd.DataFrame) -> list[str]:
    """Numbers of the tasks past their due date and not done, in the plan's order."""
    return [str(n) for n in tasks.loc[tasks[OVERDUE] == YES, TASK].tolist()]
