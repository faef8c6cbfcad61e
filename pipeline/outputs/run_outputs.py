"""The outputs of one run written as one set: the leadership workbook, and meanwhile the
feedback copies for agencies in limited worker processes (they open agencies' files)."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.contracts.form import form_name
from pipeline.contracts.outcomes import Outcome
from pipeline.core.errors import raise_carried
from pipeline.core.files import OutputSet
from pipeline.core.workers import Job, run_jobs
from pipeline.intake.returns import Return, entries
from pipeline.outputs.feedback import FeedbackRequest, feedback_job, task_texts
from pipeline.plan.model import Plan
from pipeline.rules.findings import Finding, findings_of

if TYPE_CHECKING:  # pandas is loaded while the files are read, not before
    from pipeline.intake.settle import Settled
    from pipeline.rollup.consolidate import Consolidation
    from pipeline.rollup.history import History


FEEDBACK_OUTCOMES = (Outcome.REJECTED, Outcome.ACCEPTED_WITH_WARNINGS, Outcome.ACCEPTED_IN_PART)


def feedback_plans(
    plan: Plan, returns: list[Return], frames: Settled, folder: Path, period: str
) -> dict[str, FeedbackRequest]:
    """A feedback copy for every validated return with findings, by agency, as data to be
    written (documents: always Vietnamese). `returns` by rid: the files as read."""
    by_rid: dict[int, list[Finding]] = {}
    for finding in findings_of(frames.findings):
        by_rid.setdefault(finding.rid, []).append(finding)
    wanted = [
        entry
        for entry in entries(frames.files)
        if entry.outcome in FEEDBACK_OUTCOMES and entry.agency and entry.rid in by_rid
    ]
    return {
        entry.agency: FeedbackRequest(
            target=folder / form_name(period, entry.agency),
            source=_source(returns[entry.rid]),
            file=entry.rel,
            outcome=entry.outcome,
            agency_name=plan.registry.agencies[entry.agency].name,
            findings=tuple(by_rid[entry.rid]),
            tasks=task_texts(plan, by_rid[entry.rid]),
        )
        for entry in wanted
    }


def _source(item: Return) -> Path | bytes:
    if item.file.data is not None:
        return item.file.data
    assert item.file.path is not None  # an inbox file is either on disk or a zip member's bytes
    return item.file.path


WRITE_MEMORY_LIMIT = 1536 * 1024 * 1024


def write_outputs(
    plan: Plan,
    result: Consolidation,
    target: Path,
    period: str,
    links: dict[str, str],
    plans: dict[str, FeedbackRequest],
    processes: int,
    outputs: OutputSet,
    history: History | None = None,
) -> tuple[list[str], dict[str, Path]]:
    """The workbook, and meanwhile the feedback copies in limited worker processes, all
    written into the run's staged output set.

    Feedback copies open agencies' files, so they get the same time and memory limits as
    reading; the workbook is made from our own data and is written by a thread of this
    process, started only once the workers are forked (no thread is alive at a fork).
    """
    from pipeline.outputs.workbook import write_report

    jobs = [
        Job(index, feedback_job, replace(request, target=outputs.path(request.target)))
        for index, request in enumerate(plans.values())
    ]
    written_report: list[list[str]] = []
    failure: list[BaseException] = []

    def write() -> None:
        try:
            path = outputs.path(target)
            written_report.append(write_report(path, plan, result, period, links, None, history))
        except BaseException as exc:  # handed to the main thread, which raises it
            failure.append(exc)

    writer = threading.Thread(target=write, daemon=True)
    try:
        outcomes = run_jobs(
            jobs, processes, memory_limit=WRITE_MEMORY_LIMIT, on_started=writer.start
        )
    finally:
        if writer.ident is not None:
            writer.join()
    if failure:
        raise failure[0]
    cut = written_report[0]
    written: dict[str, Path] = {}
    for index, agency in enumerate(plans):
        raise_carried(outcomes.get(index))
        if isinstance(outcomes.get(index), Path):
            written[agency] = outcomes[index]
    return cut, written
