"""`kehoach run` and `kehoach check` as library calls: intake, rollups, workbook, feedback."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.contracts.form import ACCEPTED_WITH_WARNINGS, REJECTED, form_name
from pipeline.core.errors import KehoachError, raise_carried
from pipeline.core.files import OutputSet, output_set
from pipeline.core.workers import Job, default_jobs, run_jobs
from pipeline.intake.discover import discover_paths
from pipeline.intake.run import Intake, intake_folder, run_intake
from pipeline.outputs.feedback import FeedbackRequest, feedback_job, task_texts
from pipeline.outputs.feedback_folder import remove_stale
from pipeline.plan.model import Plan
from pipeline.rules.findings import Finding

if TYPE_CHECKING:
    from pipeline.rollup.consolidate import Consolidation


@dataclass
class RunResult:
    intake: Intake
    consolidation: Consolidation
    workbook: Path
    feedback: dict[str, Path] = field(default_factory=dict)
    feedback_failed: list[str] = field(default_factory=list)
    feedback_removed: list[Path] = field(default_factory=list)  # stale copies of earlier runs
    cut_cells: list[str] = field(default_factory=list)
    phases: dict[str, float] = field(default_factory=dict)

    def outcomes(self) -> Counter[str]:
        return Counter(r.outcome for r in self.intake.returns)


def workbook_path(outbox: Path, period: str) -> Path:
    return outbox / f"tong-hop-{period}.xlsx"


def run(
    plan: Plan,
    inbox: Path,
    outbox: Path,
    period: str,
    as_of: date,
    jobs: int | None = None,
    on_discovered: Callable[[int], None] | None = None,
    on_read: Callable[[], None] | None = None,
) -> RunResult:
    """Read the inbox, roll it up, write the workbook and the feedback copies (documents are
    Vietnamese: the console language is the CLI's business)."""
    plan.check_period(period)
    if not inbox.is_dir():
        raise KehoachError("inbox-not-found", path=str(inbox))
    refuse_nested(inbox, outbox)
    intake = intake_folder(
        inbox,
        plan,
        period,
        as_of,
        jobs,
        on_discovered=on_discovered,
        on_read=on_read,
        exclude=[outbox],
    )
    phases = dict(intake.phases)
    from pipeline.rollup.consolidate import consolidate  # pandas: loaded while the files were read

    started = time.perf_counter()
    result = consolidate(plan, intake, period, as_of)
    phases["consolidate"] = time.perf_counter() - started
    started = time.perf_counter()
    folder = outbox / "phan-hoi" / period
    plans = feedback_plans(plan, intake, folder, period)
    target = workbook_path(outbox, period)
    links = {agency: job.target.relative_to(outbox).as_posix() for agency, job in plans.items()}
    with output_set(outbox) as outputs:  # the workbook and its feedback copies, as one set
        cut, staged = write_outputs(
            plan, intake, result, target, period, links, plans, jobs or default_jobs(), outputs
        )
    feedback = {agency: outbox / path.relative_to(outputs.stage) for agency, path in staged.items()}
    removed = remove_stale(folder, period, feedback.values())
    phases["write"] = time.perf_counter() - started
    failed = [job.target.name for agency, job in plans.items() if agency not in feedback]
    return RunResult(intake, result, target, feedback, failed, removed, cut, phases)


def feedback_plans(
    plan: Plan, intake: Intake, folder: Path, period: str
) -> dict[str, FeedbackRequest]:
    """A feedback copy for every rejected or warned return, by agency, as data to be written."""
    by_rid: dict[int, list[Finding]] = {}
    for finding in intake.findings:
        by_rid.setdefault(finding.rid, []).append(finding)
    return {
        item.agency: FeedbackRequest(
            target=folder / form_name(period, item.agency),
            source=item.file.data if item.file.data is not None else _path(item.file.path),
            file=item.rel,
            outcome=item.outcome,
            agency_name=plan.registry.agencies[item.agency].name,
            findings=tuple(by_rid[rid]),
            tasks=task_texts(plan, by_rid[rid]),
        )
        for rid, item in enumerate(intake.returns)
        if item.outcome in (REJECTED, ACCEPTED_WITH_WARNINGS) and item.agency and rid in by_rid
    }


def _path(path: Path | None) -> Path:
    assert path is not None  # an inbox file is either on disk or a zip member's bytes
    return path


WRITE_MEMORY_LIMIT = 1536 * 1024 * 1024


def write_outputs(
    plan: Plan,
    intake: Intake,
    result: Consolidation,
    target: Path,
    period: str,
    links: dict[str, str],
    plans: dict[str, FeedbackRequest],
    processes: int,
    outputs: OutputSet,
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
            written_report.append(write_report(outputs.path(target), plan, result, period, links))
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


def check_files(plan: Plan, paths: list[Path], period: str, as_of: date) -> Intake:
    """The intake on named files, for answering an agency on the phone. `check` writes no
    feedback copy, so its reasons point at the findings it prints instead."""
    intake = run_intake(discover_paths(paths), plan, period, as_of)
    for item in intake.returns:
        if item.reason == "return-has-errors":
            item.reason = "check-has-errors"
    return intake


def refuse_nested(inbox: Path, outbox: Path) -> None:
    """The outbox inside the inbox (or the reverse) would make each run read the last run's
    workbook and feedback copies as returns."""
    inner, outer = inbox.resolve(), outbox.resolve()
    if inner == outer or inner.is_relative_to(outer) or outer.is_relative_to(inner):
        raise KehoachError("outbox-inside-inbox", inbox=str(inbox), outbox=str(outbox))


def consolidated(
    plan: Plan,
    inbox: Path,
    period: str,
    as_of: date,
    jobs: int | None = None,
    on_discovered: Callable[[int], None] | None = None,
    on_read: Callable[[], None] | None = None,
) -> Consolidation:
    """The intake and the rollups, writing nothing: what `report` and `remind` start from."""
    plan.check_period(period)
    if not inbox.is_dir():
        raise KehoachError("inbox-not-found", path=str(inbox))
    intake = intake_folder(
        inbox, plan, period, as_of, jobs, on_discovered=on_discovered, on_read=on_read
    )
    from pipeline.rollup.consolidate import consolidate  # pandas: loaded while files were read

    return consolidate(plan, intake, period, as_of)
