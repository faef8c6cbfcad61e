"""`kehoach remind`: the reminder letter (công văn đôn đốc) and one short message per agency.

The letter (`outbox/don-doc-<kỳ>.docx`, Decree 30/2020 layout) names every agency that has not
reported, whose return was rejected, accepted in part or could not be read, with the deadline
and what each must send. The sheet (`outbox/tin-nhan-don-doc-<kỳ>.xlsx`) holds the same as one
short message per agency, for e-mail or chat, naming the file to attach: its feedback copy
when it has one, else its blank form.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.contracts.form import form_name
from pipeline.core.catalog import t
from pipeline.core.files import atomic_path
from pipeline.core.xlsx_style import FONT, formats, new_workbook, row_heights
from pipeline.outputs import docx_layout as lay
from pipeline.outputs.docx_layout import S, Todo
from pipeline.outputs.report_docx import refuse_overwrite
from pipeline.outputs.report_facts import (
    IN_PART_LABEL,
    REJECTED_LABEL,
    AgencyState,
    ReportFacts,
    gather,
)
from pipeline.plan.model import Plan

if TYPE_CHECKING:
    from pipeline.rollup.consolidate import Consolidation

MISSING, REJECTED, IN_PART, UNREADABLE = "missing", "rejected", "in-part", "unreadable"
# Letter sections in this order; each reason has a heading, a line per agency and a message.
REASONS = (MISSING, REJECTED, IN_PART, UNREADABLE)
DEFAULT_GRACE_DAYS = 7
# More addressees than this go under "Kính gửi: các cơ quan … có tên dưới đây": the body
# names each one with what it must send, and the letter stays on one page.
ADDRESSEES_LISTED = 3
MESSAGE_WIDTHS = [14.0, 32.0, 26.0, 18.0, 11.0, 34.0, 80.0]


@dataclass(frozen=True)
class Chase:
    """An agency to chase, why, and the file it needs (relative to the outbox)."""

    agency: AgencyState
    reason: str
    attachment: str
    feedback: bool


@dataclass(frozen=True)
class Reminders:
    letter: Path
    messages: Path
    chases: list[Chase]
    deadline: date
    deadline_given: bool


def letter_path(outbox: Path, period: str) -> Path:
    return outbox / f"don-doc-{period}.docx"


def messages_path(outbox: Path, period: str) -> Path:
    return outbox / f"tin-nhan-don-doc-{period}.xlsx"


def reason_of(agency: AgencyState) -> str | None:
    if agency.missing:
        return MISSING
    if agency.unreadable_only:
        return UNREADABLE
    if agency.outcome == REJECTED_LABEL:
        return REJECTED
    if agency.outcome == IN_PART_LABEL:
        return IN_PART
    return None


def chases(facts: ReportFacts, outbox: Path) -> list[Chase]:
    """Who must still send something, in the plan's order, with the file to attach: the
    feedback copy `kehoach run` wrote when there is one, else the agency's blank form."""
    out = []
    for agency in facts.agencies:
        reason = reason_of(agency)
        if reason is None:
            continue
        name = form_name(facts.period, agency.code)
        feedback = Path("phan-hoi") / facts.period / name
        has_feedback = reason in (REJECTED, IN_PART) and (outbox / feedback).exists()
        attachment = feedback if has_feedback else Path("templates") / facts.period / name
        out.append(Chase(agency, reason, attachment.as_posix(), has_feedback))
    return out


def default_deadline(facts: ReportFacts) -> date:
    """The plan's deadline while it is ahead; after it, a week from the as-of date."""
    if facts.as_of < facts.deadline:
        return facts.deadline
    return facts.as_of + timedelta(days=DEFAULT_GRACE_DAYS)


def write_reminders(
    plan: Plan,
    result: Consolidation,
    period: str,
    outbox: Path,
    template: Path | None = None,
    deadline: date | None = None,
    force: bool = False,
) -> Reminders:
    letter, messages = letter_path(outbox, period), messages_path(outbox, period)
    refuse_overwrite(letter, force)
    facts = gather(plan, result, period)
    chosen = chases(facts, outbox)
    due = deadline or default_deadline(facts)
    draft = lay.Draft(template)
    _letter(draft, facts, chosen, due, given=deadline is not None)
    _messages(messages, facts, chosen, due)
    draft.save(letter)  # last: a letter on disk means its message sheet is there too
    return Reminders(letter, messages, chosen, due, deadline is not None)


def _letter(
    draft: lay.Draft, facts: ReportFacts, chosen: list[Chase], due: date, given: bool
) -> None:
    symbol = lay.symbol(facts.receiver)
    draft.letterhead(
        lay.Letterhead(
            superior=lay.superior_line(facts.issuer),
            body=facts.receiver.upper(),
            number=t("doc-number-letter", "vi", symbol=symbol),
            place_date=lay.place_date_line(lay.place_name(facts.issuer), facts.as_of),
            subject=t("remind-subject", "vi", plan=facts.plan_title, period=facts.period),
        )
    )
    names = [c.agency.name for c in chosen]
    draft.addressee(names if 0 < len(names) <= ADDRESSEES_LISTED else [t("remind-to-listed")])
    draft.paragraph(
        S.TEXT,
        [
            t(
                "remind-intro",
                "vi",
                plan=facts.plan_title,
                period=facts.period,
                receiver=facts.receiver,
                deadline=lay.vn_date(facts.deadline),
            )
        ],
    )
    if not chosen:
        draft.paragraph(S.TEXT, [t("remind-nobody", "vi", as_of=lay.vn_date(facts.as_of))])
    else:
        draft.paragraph(
            S.TEXT,
            [
                t(
                    "remind-situation",
                    "vi",
                    as_of=lay.vn_date(facts.as_of),
                    receiver=facts.receiver,
                    n=len(chosen),
                )
            ],
        )
    number = 0
    for reason in REASONS:
        mine = [c for c in chosen if c.reason == reason]
        if not mine:
            continue
        number += 1
        draft.paragraph(
            S.SUBSECTION, [f"{number}. {t(f'remind-head-{reason}', 'vi', n=len(mine))}"]
        )
        for chase in mine:
            draft.paragraph(S.ITEM, [_line(chase)])
    when: lay.Part = (
        lay.vn_date(due) if given else Todo(t("todo-deadline", "vi", date=lay.vn_date(due)))
    )
    draft.paragraph(
        S.TEXT,
        [
            t("remind-request", "vi", receiver=facts.receiver),
            when,
            t("remind-request-end", "vi", issuer=facts.issuer),
            t("remind-contact"),
            Todo(t("todo-contact")),
            "./.",
        ],
    )
    draft.signature(
        lay.Signature(
            recipients=[
                [t("doc-as-above")],
                [t("remind-cc", "vi", issuer=facts.issuer)],
                [t("doc-archive"), Todo(t("todo-drafting-unit")), "."],
            ],
            titles=lay.signer_titles(facts.receiver),
            name=Todo(t("todo-signer")),
        )
    )


def _tasks_phrase(agency: AgencyState) -> str:
    parts = []
    if agency.lead_tasks:
        parts.append(
            t(
                "remind-lead-tasks",
                "vi",
                n=len(agency.lead_tasks),
                numbers=", ".join(agency.lead_tasks),
            )
        )
    if agency.coord_tasks:
        parts.append(
            t(
                "remind-coord-tasks",
                "vi",
                n=len(agency.coord_tasks),
                numbers=", ".join(agency.coord_tasks),
            )
        )
    return "; ".join(parts)


def _line(chase: Chase) -> str:
    """What one agency must send, for the letter."""
    agency = chase.agency
    file = Path(chase.attachment).name
    key = f"remind-line-{chase.reason}" + ("-feedback" if chase.feedback else "")
    return t(
        key, "vi", name=agency.name, tasks=_tasks_phrase(agency), file=file, errors=agency.errors
    )


def message(chase: Chase, facts: ReportFacts, due: date) -> str:
    """One short message for e-mail or chat."""
    key = f"remind-msg-{chase.reason}" + ("-feedback" if chase.feedback else "")
    return t(
        key,
        "vi",
        name=chase.agency.name,
        receiver=facts.receiver,
        period=facts.period,
        file=Path(chase.attachment).name,
        errors=chase.agency.errors,
        deadline=lay.vn_date(due),
    )


def _messages(target: Path, facts: ReportFacts, chosen: list[Chase], due: date) -> None:
    header = t("remind-sheet-header").split("|")
    rows = [
        [
            c.agency.code,
            c.agency.name,
            c.agency.email,
            t(f"remind-state-{c.reason}"),
            lay.vn_date(due),
            c.attachment,
            message(c, facts, due),
        ]
        for c in chosen
    ]
    with atomic_path(target) as temporary:
        workbook = new_workbook(str(temporary))
        style = formats(workbook)
        sheet = workbook.add_worksheet(t("remind-sheet"))
        sheet.write_string(
            0,
            0,
            t("remind-sheet-title", "vi", period=facts.period, deadline=lay.vn_date(due)),
            style["title"],
        )
        for column, (text, width) in enumerate(zip(header, MESSAGE_WIDTHS, strict=True)):
            sheet.set_column(column, column, width)
            sheet.write_string(2, column, text, style["header"])
        heights = row_heights(
            [[r[i] for r in rows] for i in range(len(header))], MESSAGE_WIDTHS, len(rows)
        )
        for index, values in enumerate(rows):
            sheet.set_row(3 + index, heights[index])
            for column, value in enumerate(values):
                sheet.write_string(3 + index, column, value, style["cell"])
        if not rows:
            sheet.write_string(3, 0, t("remind-sheet-empty"), style["italic"])
        sheet.freeze_panes(3, 0)
        sheet.autofilter(2, 0, 2 + max(len(rows), 1), len(header) - 1)
        sheet.set_landscape()
        sheet.set_paper(9)
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(2)
        sheet.set_header(f'&C&"{FONT}"&12{t("remind-sheet")} {facts.period}')
        sheet.set_footer(f'&C&"{FONT}"&10{t("remind-page")}')
        workbook.close()
