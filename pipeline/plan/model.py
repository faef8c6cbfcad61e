"""The plan as typed data: groups, tasks with their resolved agencies, settings."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from pathlib import Path

from pipeline.contracts.form import ROLE_COORDINATE as COORDINATE
from pipeline.contracts.form import ROLE_LEAD as LEAD
from pipeline.contracts.matrix import TASK_COORD, TASK_LEAD
from pipeline.core.errors import KehoachError
from pipeline.plan import timeline as tl
from pipeline.plan.periods import Period, as_of_window, by_name
from pipeline.plan.registry import Agency, Registry, Resolution
from pipeline.plan.registry_time import cell_at, registry_at
from pipeline.plan.task_periods import Span, belongs


@dataclass(frozen=True)
class Group:
    numeral: str
    title: str


@dataclass(frozen=True)
class Task:
    number: str
    group: str
    content: str
    lead_text: str
    coord_text: str
    timeline: tl.Timeline
    leads: tuple[str, ...]
    coordinators: tuple[str, ...]
    row: int

    @property
    def key(self) -> str:
        return self.number


@dataclass(frozen=True)
class Settings:
    plan_code: str
    title: str
    short_title: str
    issuer: str
    receiver: str
    periods: tuple[str, ...]
    deadline: date
    deadline_inclusive: bool
    cutoff: date
    form_version: str

    schedule: tuple[Period, ...] = ()  # every period with its own dates (sheet Kỳ báo cáo)

    def period(self, name: str) -> Period:
        found = by_name(self.schedule, name)
        if found is None:
            raise KehoachError("period-not-in-plan", period=name, periods=", ".join(self.periods))
        return found

    def deadline_for(self, period: str) -> date:
        return self.period(period).deadline

    def cutoff_for(self, period: str) -> date:
        return self.period(period).cutoff

    def version_for(self, period: str) -> str:
        """The form version of a period: raising it for 2025 leaves 2024's returns valid."""
        return self.period(period).form_version


@dataclass(frozen=True)
class Assignment:
    task: Task
    role: str


@dataclass
class Plan:
    path: Path
    settings: Settings
    groups: list[Group]
    tasks: list[Task]
    registry: Registry
    unexpanded: list[tuple[str, str]] = field(default_factory=list)
    # How each task's lead and coordinator cells were read, against every agency ever listed:
    # what they assign is decided per period (`for_period`).
    cells: dict[str, tuple[Resolution, Resolution]] = field(default_factory=dict)
    period_name: str = ""  # "" for the plan as loaded; a period's name for `for_period`'s plans
    # (task, header, words) of cells that cover nobody in this period: errors of the matrix.
    gaps: list[tuple[Task, str, str]] = field(default_factory=list)
    everyone: Registry | None = None  # every agency ever listed (the loaded plan's registry)
    spans: dict[str, Span] = field(default_factory=dict)  # task -> the periods it belongs to
    _periods: dict[str, Plan] = field(default_factory=dict, repr=False)

    def for_period(self, name: str) -> Plan:
        """The plan as it stands in one period: its own tasks (`Từ kỳ`, `Đến kỳ`), its
        agencies in force at the data cutoff, each task's agencies resolved then (an ended
        agency's tasks pass to its successors)."""
        if name == self.period_name:
            return self
        base = self.everyone or self.registry
        if self.period_name:
            raise ValueError("for_period is asked of the loaded plan")
        if name not in self._periods:
            day = self.settings.cutoff_for(name)
            tasks: list[Task] = []
            gaps: list[tuple[Task, str, str]] = []
            periods = self.settings.periods
            for task in self.tasks:
                if not belongs(self.spans.get(task.number), name, periods):
                    continue
                lead_cell, coord_cell = self.cells[task.number]
                leads = cell_at(base, lead_cell, day)
                coords = cell_at(base, coord_cell, day)
                gaps += [(task, TASK_LEAD, p) for p in leads.empty_phrases]
                gaps += [(task, TASK_COORD, p) for p in coords.empty_phrases]
                if not leads.codes and not leads.empty_phrases:
                    gaps.append((task, TASK_LEAD, task.lead_text))
                lead_set = set(leads.codes)
                tasks.append(
                    replace(
                        task,
                        leads=leads.codes,
                        coordinators=tuple(c for c in coords.codes if c not in lead_set),
                    )
                )
            groups = self.groups  # a group none of whose tasks belongs here is left out
            if self.spans:
                groups = [g for g in groups if any(t.group == g.numeral for t in tasks)]
            self._periods[name] = Plan(
                self.path,
                self.settings,
                groups,
                tasks,
                registry_at(base, day),
                self.unexpanded,
                self.cells,
                name,
                gaps,
                base,
                self.spans,
            )
        return self._periods[name]

    @cached_property
    def _assignments(self) -> dict[str, list[Assignment]]:
        """Every agency's tasks, built once: a plan with thousands of communes asks often."""
        leads: dict[str, list[Assignment]] = {}
        coords: dict[str, list[Assignment]] = {}
        for task in self.tasks:
            for code in task.leads:
                leads.setdefault(code, []).append(Assignment(task, LEAD))
            for code in task.coordinators:  # never also a lead: resolution removed those
                coords.setdefault(code, []).append(Assignment(task, COORDINATE))
        return {
            code: leads.get(code, []) + coords.get(code, [])
            for code in leads.keys() | coords.keys()
        }

    @cached_property
    def roles(self) -> dict[tuple[str, str], str]:
        """(agency code, task number) -> role."""
        return {
            (code, a.task.number): a.role
            for code, items in self._assignments.items()
            for a in items
        }

    def assignments(self, code: str) -> list[Assignment]:
        """An agency's tasks in plan order: those it leads first, then those it coordinates."""
        return list(self._assignments.get(code, []))

    @cached_property
    def expected_codes(self) -> frozenset[str]:
        """Codes of the agencies that get a form (at least one assignment)."""
        return frozenset(self._assignments)

    def expected_agencies(self) -> list[Agency]:
        """Agencies with at least one assignment, in the registry's official order."""
        return [a for a in self.registry.agencies.values() if a.code in self._assignments]

    def check_period(self, period: str) -> None:
        self.settings.period(period)

    def check_as_of(self, day: date) -> None:
        """Refuse a `--as-of` outside the plan's years (see `periods.as_of_window`)."""
        dated = [d for t in self.tasks for p in t.timeline.parts for d in (p.start, p.end) if d]
        first, last = as_of_window(self.settings.schedule, dated)
        if not first <= day <= last:
            raise KehoachError(
                "as-of-outside-plan",
                day=f"{day:%d/%m/%Y}",
                years=_years(first.year + 1, last.year - 1),
                first=f"{first:%d/%m/%Y}",
                last=f"{last:%d/%m/%Y}",
            )


def _years(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"
