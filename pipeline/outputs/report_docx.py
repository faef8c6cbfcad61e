"""The draft report to the issuing body, `outbox/bao-cao-<kỳ>.docx` (Decree 30/2020 layout).

A draft for the officer, not a finished document: the situation of reporting, each task's
status with its leads' results merged into prose naming the agencies, the difficulties and
proposals from the returns with duplicates merged, an appendix table; the places that need a
person's judgement are highlighted "[Cán bộ bổ sung: …]".
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.contracts.form import DONE, IN_PROGRESS, NOT_REPORTED, NOT_STARTED
from pipeline.core.catalog import t
from pipeline.core.errors import KehoachError
from pipeline.outputs import docx_layout as lay
from pipeline.outputs.docx_layout import S, Todo
from pipeline.outputs.report_facts import (
    IN_PART_LABEL,
    REJECTED_LABEL,
    ReportFacts,
    TaskFacts,
    Theme,
    Voice,
    gather,
)
from pipeline.plan.model import Plan

if TYPE_CHECKING:
    from pipeline.rollup.consolidate import Consolidation

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
# Appendix columns (mm) on the 165 mm between the Decree's margins.
APPENDIX_WIDTHS = (10.0, 55.0, 33.0, 27.0, 18.0, 22.0)


def report_path(outbox: Path, period: str) -> Path:
    return outbox / f"bao-cao-{period}.docx"


def refuse_overwrite(target: Path, force: bool) -> None:
    """A draft the officer may already have edited is replaced only when asked; a folder in
    its place is refused before anything is read (no option would replace it)."""
    if target.is_dir():
        raise KehoachError("output-is-folder", path=str(target))
    if target.exists() and not force:
        raise KehoachError("docx-exists", path=str(target))


def write_report(
    plan: Plan,
    result: Consolidation,
    period: str,
    target: Path,
    template: Path | None = None,
    force: bool = False,
) -> Path:
    refuse_overwrite(target, force)
    facts = gather(plan, result, period)
    draft = lay.Draft(template)
    build(draft, facts, {task.number: task.lead_text for task in plan.tasks})
    return draft.save(target)


def build(draft: lay.Draft, facts: ReportFacts, lead_texts: dict[str, str]) -> None:
    symbol = lay.symbol(facts.receiver)
    draft.letterhead(
        lay.Letterhead(
            superior=lay.superior_line(facts.issuer),
            body=facts.receiver.upper(),
            number=t("doc-number", "vi", kind="BC", symbol=symbol),
            place_date=lay.place_date_line(lay.place_name(facts.issuer), facts.as_of),
        )
    )
    draft.title(
        t("report-kind"), t("report-summary", "vi", plan=facts.plan_title, period=facts.period)
    )
    draft.addressee([facts.issuer])
    draft.paragraph(
        S.TEXT,
        [
            t(
                "report-intro",
                "vi",
                plan=facts.plan_title,
                as_of=lay.vn_date(facts.as_of),
                receiver=facts.receiver,
                period=facts.period,
            )
        ],
    )
    _reporting(draft, facts)
    _results(draft, facts)
    _themes(
        draft,
        t("report-difficulties"),
        facts.difficulties,
        t("report-no-difficulties"),
        t("todo-difficulties", "vi", receiver=facts.receiver),
    )
    _themes(
        draft,
        t("report-proposals"),
        facts.proposals,
        t("report-no-proposals"),
        t("todo-proposals", "vi", receiver=facts.receiver, issuer=facts.issuer),
    )
    draft.paragraph(
        S.TEXT,
        [
            t(
                "report-closing",
                "vi",
                plan=facts.plan_title,
                period=facts.period,
                receiver=facts.receiver,
                issuer=facts.issuer,
            )
        ],
    )
    draft.signature(
        lay.Signature(
            recipients=[
                [t("doc-as-above")],
                ["- ", Todo(t("todo-recipients")), ";"],
                [t("doc-archive"), Todo(t("todo-drafting-unit")), "."],
            ],
            titles=lay.signer_titles(facts.receiver),
            name=Todo(t("todo-signer")),
        )
    )
    _appendix(draft, facts, symbol, lead_texts)


def _reporting(draft: lay.Draft, facts: ReportFacts) -> None:
    draft.paragraph(S.SECTION, [t("report-section-reporting")])
    expected = len(facts.agencies)
    submitted = [a for a in facts.agencies if a.submitted]
    late = facts.where(late=True)
    on_time = [a for a in facts.agencies if a.on_time]
    draft.paragraph(
        S.TEXT,
        [
            t(
                "report-reporting",
                "vi",
                expected=expected,
                receiver=facts.receiver,
                deadline=lay.vn_date(facts.deadline),
                as_of=lay.vn_date(facts.as_of),
                submitted=len(submitted),
                rate=_percent(len(submitted), expected),
                on_time=len(on_time),
                late=len(late),
            )
            + (t("report-late-names", "vi", names=_names(late)) if late else "")
            + "."
        ],
    )
    for key, chosen in (
        ("report-rejected", facts.where(outcome=REJECTED_LABEL)),
        ("report-in-part", facts.where(outcome=IN_PART_LABEL)),
        ("report-unreadable", [a for a in facts.agencies if a.unreadable_only]),
        ("report-missing", facts.where(missing=True)),
    ):
        if chosen:
            draft.paragraph(S.ITEM, [t(key, "vi", n=len(chosen), names=_names(chosen))])
    if not facts.where(missing=True):
        draft.paragraph(S.ITEM, [t("report-none-missing")])
    draft.paragraph(S.TEXT, [Todo(t("todo-reporting-quality"))])


def _results(draft: lay.Draft, facts: ReportFacts) -> None:
    draft.paragraph(S.SECTION, [t("report-section-results")])
    overdue = [task for task in facts.tasks if task.overdue]
    draft.paragraph(
        S.TEXT,
        [
            t(
                "report-results",
                "vi",
                tasks=len(facts.tasks),
                done=facts.count_status(DONE),
                in_progress=facts.count_status(IN_PROGRESS),
                not_started=facts.count_status(NOT_STARTED),
                not_reported=facts.count_status(NOT_REPORTED),
                overdue=len(overdue),
            )
            + (
                t("report-overdue-list", "vi", numbers=", ".join(x.number for x in overdue))
                if overdue
                else ""
            )
            + "."
        ],
    )
    for index, (numeral, title_text) in enumerate(facts.groups, start=1):
        tasks = [task for task in facts.tasks if task.group == numeral]
        if not tasks:
            continue
        draft.paragraph(S.SUBSECTION, [f"{index}. {title_text}"])
        for task in tasks:
            _task(draft, task)
    draft.paragraph(S.TEXT, [t("report-overall"), Todo(t("todo-overall"))])


def _task(draft: lay.Draft, task: TaskFacts) -> None:
    status = task.status[:1].lower() + task.status[1:]
    if task.overdue:
        status = t("report-status-overdue", "vi", status=status)
    counts = "; ".join(f"{n} {s[:1].lower() + s[1:]}" for s, n in task.lead_statuses.items())
    draft.paragraph(
        S.TEXT,
        [
            t(
                "report-task",
                "vi",
                content=task.short_content,
                timeline=task.timeline,
                status=status,
                reported=len(set(task.leads_reported)),
                leads=len(task.leads),
            )
            + (f" ({counts})" if counts else "")
            + "."
        ],
        bold=t("report-task-label", "vi", number=task.number),
    )
    for voice in task.results:
        draft.paragraph(S.ITEM, [f"- {lay.join_names(voice.agencies)}: {voice.text}."])
    for voice in task.coord_results:
        draft.paragraph(
            S.ITEM,
            [t("report-coordinated", "vi", names=lay.join_names(voice.agencies), text=voice.text)],
        )
    missing = task.leads_missing
    if missing and task.leads_reported:
        draft.paragraph(
            S.ITEM, [t("report-task-missing", "vi", n=len(missing), names=lay.join_names(missing))]
        )
    elif not task.leads_reported:
        draft.paragraph(
            S.ITEM,
            [
                t("report-task-none", "vi", names=lay.join_names(task.leads)),
                " ",
                Todo(t("todo-task-none")),
            ],
        )


def _themes(draft: lay.Draft, heading: str, themes: Sequence[Theme], empty: str, todo: str) -> None:
    draft.paragraph(S.SECTION, [heading])
    if not themes:
        draft.paragraph(S.TEXT, [empty])
    for index, theme in enumerate(themes, start=1):
        draft.paragraph(S.SUBSECTION, [f"{index}. {theme.heading}"])
        for voice in theme.voices:
            draft.paragraph(S.ITEM, [f"- {voice.text} ({_who(voice)})."])
    draft.paragraph(S.TEXT, [Todo(todo)])


def _who(voice: Voice) -> str:
    tasks = ", ".join(voice.tasks)
    return t("report-raised-by", "vi", names=lay.join_names(voice.agencies), tasks=tasks)


def _appendix(
    draft: lay.Draft, facts: ReportFacts, symbol: str, lead_texts: dict[str, str]
) -> None:
    draft.new_section()
    draft.paragraph(S.APPENDIX, [t("report-appendix")])
    draft.paragraph(S.APPENDIX, [t("report-appendix-title", "vi", period=facts.period).upper()])
    draft.paragraph(
        S.APPENDIX_NOTE,
        [
            t(
                "report-appendix-note",
                "vi",
                symbol=symbol,
                month=f"{facts.as_of.month:02d}",
                year=facts.as_of.year,
                receiver=facts.receiver,
            )
        ],
    )
    rows: list[list[str]] = []
    banded: list[int] = []
    for numeral, title_text in facts.groups:
        banded.append(len(rows))
        rows.append([f"{numeral}. {title_text}"] + [""] * 5)
        for task in (x for x in facts.tasks if x.group == numeral):
            status = task.status + ("\n" + t("report-overdue-mark") if task.overdue else "")
            rows.append(
                [
                    task.number,
                    task.short_content,
                    lead_texts.get(task.number, ""),
                    task.timeline,
                    f"{len(set(task.leads_reported))}/{len(task.leads)}",
                    status,
                ]
            )
    header = t("report-appendix-header").split("|")
    draft.grid(header, rows, APPENDIX_WIDTHS, banded=banded, centred=(0, 4))


def _names(agencies: Sequence[Any]) -> str:
    return lay.join_names([a.short for a in agencies])


def _percent(part: int, whole: int) -> str:
    """A Vietnamese percentage: decimal comma, one decimal only when it says something."""
    if not whole:
        return "0"
    value = round(100 * part / whole, 1)
    return f"{value:.1f}".replace(".", ",").removesuffix(",0")
