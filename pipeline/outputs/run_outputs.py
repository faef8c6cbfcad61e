"""The outputs of one run written as one set: the leadership workbook and the feedback copies
for agencies, in limited worker processes (feedback copies open agencies' files)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.contracts.form import form_name
from pipeline.contracts.outcomes import Outcome
from pipeline.core.errors import Carried, KehoachError, carried, raise_carried
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
REPORT_TIME_LIMIT = 600.0  # our own data: only a wedged process ever takes this long
REPORT_KEY = -1


@dataclass(frozen=True)
class ReportInput:
    plan: Plan
    result: Consolidation
    period: str
    links: dict[str, str]
    history: History | None


# What the report worker writes. A forked worker inherits it, so the 3,321-agency figures are
# not pickled through a pipe (0.6 s of CPU); a worker that did not inherit it (started by the
# forkserver when another thread was alive) answers NOT_INHERITED and this process writes.
_REPORT: ReportInput | None = None
NOT_INHERITED = "report-not-inherited"


def report_job(target: Path) -> list[str] | Carried | str:
    """A worker job: write the leadership workbook; the cells cut come back."""
    if _REPORT is None:
        return NOT_INHERITED
    try:
        return _write(_REPORT, target)
    except KehoachError as error:
        return carried(error)


def _write(report: ReportInput, target: Path) -> list[str]:
    from pipeline.outputs.workbook import write_report

    r = report
    return write_report(target, r.plan, r.result, r.period, r.links, None, r.history)


def write_outputs(
    report: ReportInput,
    target: Path,
    plans: dict[str, FeedbackRequest],
    processes: int,
    outputs: OutputSet,
    meanwhile: Callable[[], None] | None = None,
) -> tuple[list[str], dict[str, Path]]:
    """The workbook and the feedback copies, written by worker processes into the run's
    staged output set; `meanwhile` runs in this process while they write.

    Feedback copies open agencies' files, so they get the same time and memory limits as
    reading. The workbook is the longest job and is queued first, with nothing behind it (the
    31 agencies' two feedback copies waited for it in its worker, the other one idle);
    written in a process of its own it has a core to itself (as a thread of this one, it
    shared the GIL and a core with the feedback copies: 3.1 s instead of 2.2 at 3,321 returns).
    """
    global _REPORT
    path = outputs.path(target)
    jobs = [Job(REPORT_KEY, report_job, path, REPORT_TIME_LIMIT, long=True)] + [
        Job(index, feedback_job, replace(request, target=outputs.path(request.target)))
        for index, request in enumerate(plans.values())
    ]
    _REPORT = report
    try:
        outcomes = run_jobs(jobs, processes, memory_limit=WRITE_MEMORY_LIMIT, meanwhile=meanwhile)
    finally:
        _REPORT = None
    cut = outcomes.get(REPORT_KEY)
    raise_carried(cut)
    if not isinstance(cut, list):  # not inherited, or the worker failed: write it here,
        cut = _write(report, path)  # where a failure raises with its own traceback
    written: dict[str, Path] = {}
    for index, agency in enumerate(plans):
        raise_carried(outcomes.get(index))
        if isinstance(outcomes.get(index), Path):
            written[agency] = outcomes[index]
    return cut, written
