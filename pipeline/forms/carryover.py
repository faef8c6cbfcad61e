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
        """Per row of the agency's form: previous status, progress and result lines.

        The task's previous rows of the agency itself and of every agency it took over from
        (`Thay bằng`), in that order (its own, then the plan's order): a department merged from
        two shows both predecessors' work, not the first one's alone. One row reads as before,
        a predecessor's result prefixed with its name (whose result it is must show). Several
        rows give one named line each with its status and progress; the status and progress
        columns then show a value only when all the rows agree."""
        sources = [code, *self.taken_from.get(code, ())]
        values: list[tuple[str, float | None, str]] = []
        for assignment in assignments:
            task = assignment.task.number
            found = [
                (s, self.carry.rows[s][task]) for s in sources if task in self.carry.rows.get(s, {})
            ]
            if len(found) == 1:
                values.append(self._one(code, *found[0]))
            else:
                values.append(self._several(found))
        return values

    def _one(self, code: str, source: str, row: PreviousRow) -> tuple[str, float | None, str]:
        status, progress, result = row
        line = first_line(result)
        if source != code and line:
            line = first_line(f"{self._name(source)}: {line}")
        return status or "", progress, line

    def _several(self, found: Sequence[tuple[str, PreviousRow]]) -> tuple[str, float | None, str]:
        """Blanks for no row; else one line per row: "Sở X (Đang thực hiện, 40%): result"."""
        statuses = {row[0] or "" for _, row in found}
        progresses = {row[1] for _, row in found}
        lines = []
        for source, (status, progress, result) in found:
            facts = ", ".join(part for part in (status or "", _percent(progress)) if part)
            named = f"{self._name(source)} ({facts})" if facts else self._name(source)
            line = first_line(result)
            lines.append(first_line(f"{named}: {line}" if line else named))
        return (
            statuses.pop() if len(statuses) == 1 else "",
            progresses.pop() if len(progresses) == 1 else None,
            "\n".join(lines),
        )

    def _name(self, code: str) -> str:
        agency = (self.plan.everyone or self.plan.registry).agencies.get(code)
        return agency.name if agency is not None else code


def _percent(progress: float | None) -> str:
    return "" if progress is None else f"{progress:g}%"


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
