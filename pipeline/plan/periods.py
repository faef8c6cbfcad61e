"""Reporting periods as data: each period's dates, deadline, data cutoff and form version.

A plan lists its periods in the optional sheet `Kỳ báo cáo`. A plan without it keeps working as
before: `Cấu hình` names the periods and gives the first one's deadline and cutoff, and later
periods fall on the same days of later years.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

_Day = TypeVar("_Day", bound=date)  # a date or a datetime, kept as it came


@dataclass(frozen=True)
class Period:
    name: str
    start: date
    end: date
    deadline: date
    cutoff: date
    form_version: str


def shift_years(day: _Day, years: int) -> _Day:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29/02 in a year without it
        return day.replace(year=day.year + years, day=28)


def from_settings(
    names: Sequence[str], deadline: date, cutoff: date, form_version: str
) -> tuple[Period, ...]:
    """Periods of a plan without `Kỳ báo cáo`: the first one's days, shifted by whole years.

    A period named by its year covers that calendar year; a period with another name (rare)
    covers the year of its deadline.
    """
    first = names[0] if names else ""
    periods = []
    for name in names:
        years = int(name) - int(first) if name.isdigit() and first.isdigit() else 0
        due = shift_years(deadline, years)
        year = int(name) if name.isdigit() else due.year
        periods.append(
            Period(
                name=name,
                start=date(year, 1, 1),
                end=date(year, 12, 31),
                deadline=due,
                cutoff=shift_years(cutoff, years),
                form_version=form_version,
            )
        )
    return tuple(periods)


def current(periods: Sequence[Period], as_of: date) -> Period:
    """The period whose reporting cycle `as_of` falls in: the one with the nearest deadline.

    Each deadline owns the days up to halfway to its neighbours' deadlines, so the officer who
    runs in the weeks after a deadline (late returns, the final consolidation) still works on
    that period, and the one who sends forms out weeks before the next deadline on the next.
    Equal distances go to the earlier period: it is not finished until it is.
    """
    if not periods:
        raise ValueError("a plan has at least one period")
    return min(periods, key=lambda p: (abs((p.deadline - as_of).days), p.deadline))


def by_name(periods: Sequence[Period], name: str) -> Period | None:
    return next((p for p in periods if p.name == name), None)


def as_of_window(periods: Sequence[Period], dated: Sequence[date] = ()) -> tuple[date, date]:
    """The days a run's `--as-of` may name: the plan's years, with a year's margin each side.

    The plan's years run from its first period's start to its last period's deadline, widened
    to any date its timelines name (`dated`). A year before: forms are prepared and sent out
    before the first period opens. A year after: late returns and the last consolidation of
    the final period come after its deadline (a run in early 2031 for a 2030 period). Outside
    that, a date is a typing slip (2204 for 2024) that would pick a wrong period silently.
    """
    days = [p.start for p in periods] + [p.deadline for p in periods] + list(dated)
    return date(min(days).year - 1, 1, 1), date(max(days).year + 1, 12, 31)
