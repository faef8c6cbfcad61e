"""The text `kehoach plan` shows: lines built from catalog sentences, printed by the CLI."""

from __future__ import annotations

import textwrap

from pipeline.contracts.form import ROLE_COORDINATE as COORDINATE
from pipeline.contracts.form import ROLE_LEAD as LEAD
from pipeline.core.catalog import t
from pipeline.plan import timeline as tl
from pipeline.plan.model import Plan

WIDTH = 100


def _names(plan: Plan, codes: tuple[str, ...]) -> str:
    return ", ".join(plan.registry.agencies[c].short for c in codes) or "—"


def _wrapped(prefix: str, text: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=prefix, subsequent_indent=" " * len(prefix))


def _periods(plan: Plan, shown: str, lang: str) -> list[str]:
    """Every period with its own dates and the number of agencies it sends forms to."""
    lines = [t("plan-periods-head", lang, n=len(plan.settings.schedule))]
    for p in plan.settings.schedule:
        lines.append(
            t(
                "plan-period-line",
                lang,
                period=p.name,
                start=f"{p.start:%d/%m/%Y}",
                end=f"{p.end:%d/%m/%Y}",
                deadline=f"{p.deadline:%d/%m/%Y}",
                cutoff=f"{p.cutoff:%d/%m/%Y}",
                version=p.form_version,
                agencies=len(plan.for_period(p.name).expected_agencies()),
                current=t("plan-period-current", lang) if p.name == shown else "",
            )
        )
    return [*lines, t("plan-period-shown", lang, period=shown), ""]


def render(loaded: Plan, lang: str, period: str | None = None) -> list[str]:
    """The plan as `kehoach plan` prints it: every period, then one period's assignments."""
    shown = period or loaded.settings.periods[0]
    plan = loaded.for_period(shown)
    s = plan.settings
    lines = [
        t("plan-head", lang, code=s.plan_code, title=s.short_title),
        *_periods(loaded, shown, lang),
        t(
            "plan-counts",
            lang,
            groups=len(plan.groups),
            tasks=len(plan.tasks),
            agencies=len(plan.expected_agencies()),
        ),
        "",
    ]
    for group in plan.groups:
        lines += _wrapped("", f"{group.numeral}. {group.title}")
        for task in (x for x in plan.tasks if x.group == group.numeral):
            first = task.content.splitlines()[0] if task.content else ""
            lines += _wrapped(f"  {task.number}. ", textwrap.shorten(first, 90, placeholder=" …"))
            lines += _wrapped(
                "       ", t("plan-leads", lang, n=len(task.leads), names=_names(plan, task.leads))
            )
            lines += _wrapped(
                "       ",
                t(
                    "plan-coords",
                    lang,
                    n=len(task.coordinators),
                    names=_names(plan, task.coordinators),
                ),
            )
            due = task.timeline.due_for(shown)
            lines.append(
                "       "
                + t(
                    "plan-timeline",
                    lang,
                    text=task.timeline.text or "—",
                    kind=task.timeline.label_in(lang),
                    due=f"{due:%d/%m/%Y}" if due else "—",
                )
            )
            if task.number in plan.spans:
                first, last = plan.spans[task.number]
                first, last = first or s.periods[0], last or s.periods[-1]
                lines.append("       " + t("plan-task-span", lang, first=first, last=last))
    lines += ["", t("plan-agencies-head", lang, n=len(plan.expected_agencies()))]
    for agency in plan.expected_agencies():
        roles = [a.role for a in plan.assignments(agency.code)]
        lines.append(
            t(
                "plan-agency-line",
                lang,
                code=agency.code.ljust(18),
                name=agency.name.ljust(48),
                lead=roles.count(LEAD),
                coord=roles.count(COORDINATE),
            )
        )
    lines += ["", t("plan-unexpanded-head", lang)]
    by_phrase: dict[str, list[str]] = {}
    for task_number, phrase in plan.unexpanded:
        by_phrase.setdefault(phrase, [])
        if task_number not in by_phrase[phrase]:
            by_phrase[phrase].append(task_number)
    lines += [
        t("plan-unexpanded-line", lang, phrase=p, tasks=", ".join(n)) for p, n in by_phrase.items()
    ] or [t("plan-none", lang)]
    return [*lines, "", *unread_timelines(plan, lang)]


def unread_timelines(plan: Plan, lang: str) -> list[str]:
    """Every task whose timeline was not fully read: it has no due date until it is rewritten."""
    unread = [x for x in plan.tasks if x.timeline.kind == tl.UNREAD]
    if not unread:
        return [t("timeline-unread-head", lang), t("plan-none", lang)]
    lines = [
        t("timeline-unread-line", lang, task=x.number, text=x.timeline.text)
        if x.timeline.text
        else t("timeline-unread-blank", lang, task=x.number)
        for x in unread
    ]
    return [t("timeline-unread-head", lang), *lines, t("timeline-unread-hint", lang)]
