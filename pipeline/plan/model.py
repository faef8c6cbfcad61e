"""The plan as typed data: groups, tasks with their resolved agencies, settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from pipeline.contracts.form import ROLE_COORDINATE as COORDINATE
from pipeline.contracts.form import ROLE_LEAD as LEAD
from pipeline.core.errors import KehoachError
from pipeline.plan import timeline as tl
from pipeline.plan.registry import Agency, Registry


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

    def deadline_for(self, period: str) -> date:
        """The deadline is set for the first period; later periods fall on the same day."""
        return self._shifted(self.deadline, period)

    def cutoff_for(self, period: str) -> date:
        return self._shifted(self.cutoff, period)

    def _shifted(self, day: date, period: str) -> date:
        first = self.periods[0] if self.periods else period
        if not (period.isdigit() and first.isdigit()):
            return day
        years = int(period) - int(first)
        try:
            return day.replace(year=day.year + years)
        except ValueError:  # 29/02 in a year without it
            return day.replace(year=day.year + years, day=28)


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
        if period not in self.settings.periods:
            raise KehoachError(
                "period-not-in-plan", period=period, periods=", ".join(self.settings.periods)
            )
