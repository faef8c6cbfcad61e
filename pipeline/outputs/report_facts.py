"""What the draft report and the reminder say, read once from the rollup's frames.

The Word writers never look at a frame: this module turns a `Consolidation` and the plan into
plain records (who reported, each task's status and results, merged difficulties and
proposals), so a change in the rollup's frames is absorbed here and nowhere else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from pipeline.contracts.form import (
    DONE,
    IN_PROGRESS,
    NOT_REPORTED,
    NOT_STARTED,
    ROLE_LEAD,
)
from pipeline.contracts.outcomes import Outcome
from pipeline.core.catalog import t
from pipeline.core.text import fold, one_line
from pipeline.plan.model import Plan

if TYPE_CHECKING:
    from pipeline.rollup.consolidate import Consolidation

YES, NO = "Có", "Không"
NOT_SUBMITTED = "Chưa nộp"
REJECTED_LABEL = Outcome.REJECTED.label()
# Contract 3's outcome for a return counted without its rows in error.
IN_PART_LABEL = Outcome.ACCEPTED_IN_PART.label()
SHORT_TASK_WORDS = 24
_END_PUNCTUATION = re.compile(r"[\s.;,:!]+$")
_LEADING_DASH = re.compile(r"^[\s\-–•+*]+")


@dataclass(frozen=True)
class AgencyState:
    code: str
    name: str
    short: str
    email: str
    submitted: bool
    on_time: bool | None
    outcome: str  # the intake label of the return that counts, or `Chưa nộp`
    errors: int
    lead_tasks: tuple[str, ...]
    coord_tasks: tuple[str, ...]

    @property
    def missing(self) -> bool:
        return not self.submitted

    @property
    def unreadable_only(self) -> bool:
        """Files arrived but none could be read: the agency must send again."""
        return self.submitted and self.outcome == NOT_SUBMITTED


@dataclass(frozen=True)
class Voice:
    """One text as the returns wrote it (duplicates merged) and who wrote it."""

    text: str
    agencies: tuple[str, ...]
    tasks: tuple[str, ...]


@dataclass(frozen=True)
class TaskFacts:
    number: str
    group: str
    content: str
    timeline: str
    status: str
    overdue: bool
    leads: tuple[str, ...]
    leads_reported: tuple[str, ...]
    lead_statuses: dict[str, int]
    results: tuple[Voice, ...]
    coord_results: tuple[Voice, ...]

    @property
    def short_content(self) -> str:
        return short_text(self.content)

    @property
    def leads_missing(self) -> tuple[str, ...]:
        reported = set(self.leads_reported)
        return tuple(name for name in self.leads if name not in reported)


@dataclass(frozen=True)
class Theme:
    """A heading of section III or IV and the merged texts under it."""

    heading: str
    voices: tuple[Voice, ...]


@dataclass
class ReportFacts:
    period: str
    as_of: date
    deadline: date
    receiver: str
    issuer: str
    plan_title: str
    agencies: list[AgencyState]
    tasks: list[TaskFacts]
    groups: list[tuple[str, str]]
    difficulties: list[Theme] = field(default_factory=list)
    proposals: list[Theme] = field(default_factory=list)

    def where(
        self, *, missing: bool = False, late: bool = False, outcome: str | None = None
    ) -> list[AgencyState]:
        chosen = self.agencies
        if missing:
            chosen = [a for a in chosen if a.missing]
        if late:
            chosen = [a for a in chosen if a.on_time is False]
        if outcome is not None:
            chosen = [a for a in chosen if a.outcome == outcome]
        return chosen

    def count_status(self, status: str) -> int:
        return sum(1 for task in self.tasks if task.status == status)


def short_text(content: str, words: int = SHORT_TASK_WORDS) -> str:
    """A task's first sentence, cut at a word boundary: enough to recognise it in prose."""
    text = _LEADING_DASH.sub("", one_line(content))
    first = re.split(r"(?<=[.;])\s", text, maxsplit=1)[0]
    parts = first.split()
    cut = " ".join(parts[:words])
    return _END_PUNCTUATION.sub("", cut) + ("…" if len(parts) > words else "")


def sentence(text: str) -> str:
    """A returned text as a clause: one line, no leading dash, no closing punctuation."""
    body = _END_PUNCTUATION.sub("", _LEADING_DASH.sub("", one_line(text)))
    return body[:1].upper() + body[1:] if body else body


def text_key(text: str) -> str:
    """Two returned texts are the same when they differ only in case, diacritics, spacing
    or closing punctuation ("Kinh phí hạn chế." and "kinh phi han che")."""
    return fold(_END_PUNCTUATION.sub("", _LEADING_DASH.sub("", text)))


def merge_voices(
    items: Iterable[tuple[str, str, str]],
    order: dict[str, int],
    task_order: dict[str, int] | None = None,
) -> list[Voice]:
    """(text, agency name, task) triples -> one voice per distinct text, in first-seen order,
    worded as the variant with the most diacritics, its agencies in the plan's official order
    and its tasks in the plan's order."""
    task_order = task_order or {}
    texts: dict[str, str] = {}
    agencies: dict[str, list[str]] = {}
    tasks: dict[str, list[str]] = {}
    for text, agency, task in items:
        shown = sentence(text)
        if not shown:
            continue
        key = text_key(shown)
        if key not in texts or _marks(shown) > _marks(texts[key]):
            texts[key] = shown  # the wording typed with its diacritics reads best
        if agency not in agencies.setdefault(key, []):
            agencies[key].append(agency)
        if task not in tasks.setdefault(key, []):
            tasks[key].append(task)
    last = 1 << 30
    return [
        Voice(
            texts[key],
            tuple(sorted(agencies[key], key=lambda a: order.get(a, last))),
            tuple(sorted(tasks[key], key=lambda x: task_order.get(x, last))),
        )
        for key in texts
    ]


def _marks(text: str) -> int:
    return sum(1 for char in text if ord(char) > 127)


def gather(plan: Plan, result: Consolidation, period: str) -> ReportFacts:
    registry = plan.registry.agencies
    short = {code: agency.short for code, agency in registry.items()}
    order = {agency.short: index for index, agency in enumerate(registry.values())}
    detail = _records(result.detail)
    facts = ReportFacts(
        period=period,
        as_of=result.as_of,
        deadline=result.deadline,
        receiver=plan.settings.receiver,
        issuer=plan.settings.issuer,
        plan_title=plan.settings.short_title,
        agencies=_agencies(plan, _records(result.agencies)),
        tasks=_tasks(plan, _records(result.tasks), detail, short, order),
        groups=[(group.numeral, group.title) for group in plan.groups],
    )
    group_of = {task.number: task.group for task in plan.tasks}
    task_order = {task.number: index for index, task in enumerate(plan.tasks)}
    titles = dict(facts.groups)
    for column, target in (
        ("Khó khăn, vướng mắc", facts.difficulties),
        ("Đề xuất, kiến nghị", facts.proposals),
    ):
        items = [
            (_value(row.get(column)), short.get(str(row["Mã đơn vị"]), ""), str(row["TT"]))
            for row in detail
        ]
        target.extend(themes(merge_voices(items, order, task_order), group_of, titles))
    return facts


def themes(
    voices: Sequence[Voice], group_of: dict[str, str], titles: dict[str, str]
) -> list[Theme]:
    """Texts raised on tasks of several groups first (they are common problems), then one
    theme per group; within a theme the text raised by most agencies comes first."""
    common: list[Voice] = []
    per_group: dict[str, list[Voice]] = {}
    for voice in voices:
        groups = {group_of.get(task, "") for task in voice.tasks}
        if len(groups) > 1:
            common.append(voice)
        else:
            per_group.setdefault(groups.pop(), []).append(voice)

    def ranked(items: list[Voice]) -> tuple[Voice, ...]:
        return tuple(sorted(items, key=lambda v: -len(v.agencies)))  # stable: first seen

    out = [Theme(t("theme-common"), ranked(common))] if common else []
    for numeral, title in titles.items():
        if numeral in per_group:
            out.append(
                Theme(
                    t("theme-group", "vi", numeral=numeral, title=title), ranked(per_group[numeral])
                )
            )
    return out


def _records(frame: Any) -> list[dict[str, Any]]:
    return [] if frame is None or frame.empty else frame.to_dict("records")


def _agencies(plan: Plan, rows: list[dict[str, Any]]) -> list[AgencyState]:
    states = []
    for row in rows:
        code = str(row["Mã đơn vị"])
        agency = plan.registry.agencies[code]
        assignments = plan.assignments(code)
        punctual = row.get("Đúng hạn")
        states.append(
            AgencyState(
                code=code,
                name=agency.name,
                short=agency.short,
                email=agency.email,
                submitted=row.get("Đã nộp") == YES,
                on_time=None if punctual not in (YES, NO) else punctual == YES,
                outcome=str(row.get("Kết quả") or NOT_SUBMITTED),
                errors=int(row.get("Số lỗi") or 0),
                lead_tasks=tuple(a.task.number for a in assignments if a.role == ROLE_LEAD),
                coord_tasks=tuple(a.task.number for a in assignments if a.role != ROLE_LEAD),
            )
        )
    return states


def _tasks(
    plan: Plan,
    rows: list[dict[str, Any]],
    detail: list[dict[str, Any]],
    short: dict[str, str],
    order: dict[str, int],
) -> list[TaskFacts]:
    by_task: dict[str, list[dict[str, Any]]] = {}
    for row in detail:
        by_task.setdefault(str(row["TT"]), []).append(row)
    summary = {str(row["TT"]): row for row in rows}
    facts = []
    for task in plan.tasks:
        mine = by_task.get(task.number, [])
        leads = [r for r in mine if r.get("Vai trò") == ROLE_LEAD]
        coords = [r for r in mine if r.get("Vai trò") != ROLE_LEAD]
        statuses = {
            s: sum(1 for r in leads if r.get("Tình trạng") == s)
            for s in (DONE, IN_PROGRESS, NOT_STARTED)
        }
        row = summary.get(task.number, {})
        facts.append(
            TaskFacts(
                number=task.number,
                group=task.group,
                content=task.content,
                timeline=sentence(task.timeline.text),
                status=str(row.get("Tình trạng chung") or NOT_REPORTED),
                overdue=row.get("Quá hạn") == YES,
                leads=tuple(short[c] for c in task.leads),
                leads_reported=tuple(short[str(r["Mã đơn vị"])] for r in leads),
                lead_statuses={k: v for k, v in statuses.items() if v},
                results=tuple(merge_voices(_said(leads, "Kết quả thực hiện", short), order)),
                coord_results=tuple(merge_voices(_said(coords, "Kết quả thực hiện", short), order)),
            )
        )
    return facts


def _said(
    rows: list[dict[str, Any]], column: str, short: dict[str, str]
) -> list[tuple[str, str, str]]:
    return [(_value(r.get(column)), short[str(r["Mã đơn vị"])], str(r["TT"])) for r in rows]


def _value(value: Any) -> str:
    """A text cell of a frame: None and NaN (pandas' empty) are empty."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)
