"""Commands writing Word documents for people: the draft report and the reminder letter."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from pipeline.cli.console import Progress, as_of_day, chosen_period, cli, echo, lang_of
from pipeline.cli.options import force_option, inbox_run_options, options, word_template_option
from pipeline.core.catalog import t
from pipeline.core.errors import KehoachError

if TYPE_CHECKING:
    from pipeline.intake.closed import ClosedRun
    from pipeline.plan.model import Plan

# What `report` and `remind` read, where they write, and the look of the Word file.
document_options = options(
    inbox_run_options,
    word_template_option("Mẫu Word (kiểu chữ, lề); thiếu thì dùng mẫu mặc định."),
    force_option("Ghi đè tệp Word đã có (mất phần đã sửa)."),
)


def consolidated_of(
    ctx: click.Context,
    plan: Plan,
    folders: tuple[Path, Path],
    period: str,
    as_of: str | None,
    jobs: int | None,
) -> Any:
    from pipeline.run import consolidated

    inbox, outbox = folders
    day = as_of_day(as_of, plan)
    lang = lang_of(ctx)

    def closed(run: ClosedRun) -> None:
        frozen_on, counted_to = f"{run.closed_at:%d/%m/%Y}", f"{run.as_of:%d/%m/%Y}"
        echo(t("documents-closed-frozen", lang, period=period, closed=frozen_on, as_of=counted_to))

    with Progress(t("progress-read", lang)) as progress:
        return consolidated(
            plan, inbox, outbox, period, day, jobs, progress.start, progress.step, on_closed=closed
        )


def _plan_of_period(
    ctx: click.Context, plan_path: Path, period: str | None, as_of: str | None
) -> tuple[Plan, str]:
    """The plan as it stands in the period the document is about (said on the console)."""
    from pipeline.plan.load import load_plan

    loaded = load_plan(plan_path)
    chosen = chosen_period(loaded, period, as_of_day(as_of, loaded), lang_of(ctx))
    return loaded.for_period(chosen), chosen


@cli.command("report", short_help="Viết dự thảo báo cáo (Word) từ inbox/.")
@document_options
@click.pass_context
def report_command(
    ctx: click.Context,
    plan_path: Path,
    inbox: Path,
    outbox: Path,
    period: str | None,
    as_of: str | None,
    jobs: int | None,
    docx_template: Path,
    force: bool,
) -> None:
    """Viết dự thảo báo cáo outbox/bao-cao-<kỳ>.docx theo thể thức Nghị định 30/2020."""
    from pipeline.outputs.report_docx import refuse_overwrite, report_path, write_report

    plan, chosen = _plan_of_period(ctx, plan_path, period, as_of)
    target = report_path(outbox, chosen)
    refuse_overwrite(target, force)  # before reading the inbox, not after
    result = consolidated_of(ctx, plan, (inbox, outbox), chosen, as_of, jobs)
    written = write_report(plan, result, chosen, target, docx_template, force)
    echo(t("report-written", lang_of(ctx), path=written))


@cli.command("remind", short_help="Viết công văn đôn đốc và tin nhắn cho đơn vị.")
@document_options
@click.option(
    "--deadline",
    metavar="NGÀY",
    help="Hạn gửi ghi trong công văn (dd/mm/yyyy); mặc định: đề xuất, tô vàng.",
)
@click.pass_context
def remind_command(
    ctx: click.Context,
    plan_path: Path,
    inbox: Path,
    outbox: Path,
    period: str | None,
    as_of: str | None,
    jobs: int | None,
    docx_template: Path,
    force: bool,
    deadline: str | None,
) -> None:
    """Viết công văn đôn đốc outbox/don-doc-<kỳ>.docx và tin nhắn cho từng đơn vị."""
    from pipeline.intake.normalize import day
    from pipeline.outputs.remind import letter_path, write_reminders
    from pipeline.outputs.report_docx import refuse_overwrite

    lang = lang_of(ctx)
    due = day(deadline) if deadline else None
    if deadline and not isinstance(due, date):
        raise KehoachError("deadline-invalid", value=deadline)
    plan, chosen = _plan_of_period(ctx, plan_path, period, as_of)
    refuse_overwrite(letter_path(outbox, chosen), force)
    result = consolidated_of(ctx, plan, (inbox, outbox), chosen, as_of, jobs)
    written = write_reminders(
        plan, result, chosen, outbox, docx_template, due if isinstance(due, date) else None, force
    )
    if not written.chases:
        echo(t("remind-none", lang))
    echo(t("remind-written", lang, path=written.letter, n=len(written.chases)))
    echo(t("remind-messages", lang, path=written.messages))
    if not written.deadline_given and written.chases:
        echo(t("remind-deadline-default", lang, date=written.deadline.strftime("%d/%m/%Y")))
