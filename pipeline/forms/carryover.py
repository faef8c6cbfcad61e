"""Carry-over: what each agency reported for its tasks in the previous period.

The next period's forms show it in locked reference columns so that agencies update their
answers rather than retype them. The orchestration reads the previous period's results from
the store and hands them over as plain data (`Carryover`); this module decides, per agency of
the new period, which previous row each of its tasks shows: its own, else that of an agency it
took over from (`Thay bằng`), else none. forms/ never reads the store itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pipeline.core.text import clean
from pipeline.plan.model import Assignment, Plan
from pipeline.plan.registry_time import current_codes

PreviousRow = tuple[str | None, float | None, str | None]  # status, progress, result
RESULT_CHARS = 120  # one line of result, cut: enough to recognise it, short enough to print


@dataclass(frozen=True)
class Carryover:
    """The previous period's name and its results: agency -> task -> (status, progress, result)."""

    period: str
    rows: Mapping[str, Mapping[str, PreviousRow]]


def previous_period(plan: Plan, period: str) -> str | None:
    """The period just before `period` in the plan's schedule (by start date), if any."""
    this = plan.settings.period(period)
    earlier = [p for p in plan.settings.schedule if p.start < this.start]
    return max(earlier, key=lambda p: p.start).name if earlier else None


def first_line(text: str | None, limit: int = RESULT_CHARS) -> str:
    """The first non-empty line of a result, cut at a word with "…" when longer than `limit`."""
    line = next((part.strip() for part in clean(text or "").split("\n") if part.strip()), "")
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:") + "…"


class PreviousValues:
    """Each agency's previous values, for every form of a period; built once per batch."""

    def __init__(self, plan: Plan, carry: Carryover) -> None:
        self.plan, self.carry, self.period = plan, carry, carry.period
        self.taken_from = taken_over(plan)

    def for_rows(
        self, code: str, assignments: Sequence[Assignment]
    ) -> list[tuple[str, float | None, str]]:
        """Per row of the agency's form: previous status, progress and one line of result.

        Its own previous row first; else that of the first agency it took over from that had
        the task, its result prefixed with that agency's name (whose result it is must show);
        else blanks."""
        rows = self.carry.rows
        own = rows.get(code, {})
        earlier = [(other, rows[other]) for other in self.taken_from.get(code, ()) if other in rows]
        values: list[tuple[str, float | None, str]] = []
        for assignment in assignments:
            task = assignment.task.number
            found, source = own.get(task), ""
            if found is None:
                source, found = next(((o, r[task]) for o, r in earlier if task in r), ("", None))
            if found is None:
                values.append(("", None, ""))
                continue
            status, progress, result = found
            line = first_line(result)
            if source and line:
                line = first_line(f"{self._name(source)}: {line}")
            values.append((status or "", progress, line))
        return values

    def _name(self, code: str) -> str:
        agency = (self.plan.everyone or self.plan.registry).agencies.get(code)
        return agency.name if agency is not None else code


def taken_over(plan: Plan) -> dict[str, list[str]]:
    """agency -> the agencies, in the plan's order, whose work passed to it by this period's
    cutoff (a merged department's predecessors, the districts a commune took over from)."""
    everyone = plan.everyone or plan.registry
    if not plan.period_name:
        return {}
    day = plan.settings.cutoff_for(plan.period_name)
    found: dict[str, list[str]] = {}
    for code in everyone.agencies:
        for successor in current_codes(everyone, code, day):
            if successor != code:
                found.setdefault(successor, []).append(code)
    return found
