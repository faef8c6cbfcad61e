"""`kehoach run` and `kehoach check` as library calls: intake, rollups, workbook, feedback."""

from __future__ import annotations

import multiprocessing as mp
import os
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pipeline.consolidate import Consolidation, consolidate
from pipeline.errors import KehoachError
from pipeline.feedback import write_feedback
from pipeline.forms import form_name
from pipeline.intake import InboxFile, discover, inbox_entry
from pipeline.intake_run import Intake, run_intake
from pipeline.plan import Plan
from pipeline.report import write_report
from pipeline.schemas import ACCEPTED_WITH_WARNINGS, REJECTED
from pipeline.validate import Finding


@dataclass
class RunResult:
    intake: Intake
    consolidation: Consolidation
    workbook: Path
    feedback: dict[str, Path] = field(default_factory=dict)
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
    lang: str = "vi",
) -> RunResult:
    plan.check_period(period)
    if not inbox.is_dir():
        raise KehoachError("inbox-not-found", path=str(inbox))
    started = time.perf_counter()
    files = discover(inbox)
    phases = {"discover": time.perf_counter() - started}
    if on_discovered is not None:
        on_discovered(len(files))
    intake = run_intake(files, plan, period, as_of, jobs, on_read=on_read)
    phases.update(intake.phases)
    started = time.perf_counter()
    result = consolidate(plan, intake, period, as_of)
    phases["consolidate"] = time.perf_counter() - started
    started = time.perf_counter()
    plans = feedback_plans(plan, intake, outbox / "phan-hoi" / period, period, lang)
    target = workbook_path(outbox, period)
    links = {job.agency: job.target.relative_to(outbox).as_posix() for job in plans}
    with FeedbackWriter(intake, plans, jobs or os.cpu_count() or 1) as feedback:
        cut = write_report(target, plan, result, period, links)  # while feedback is written
    phases["write"] = time.perf_counter() - started
    return RunResult(intake, result, target, feedback.written, cut, phases)


@dataclass(frozen=True)
class FeedbackJob:
    rid: int
    agency: str
    name: str
    target: Path
    findings: list[Finding]
    period: str
    lang: str


def feedback_plans(plan: Plan, intake: Intake, folder: Path, period: str,
                   lang: str) -> list[FeedbackJob]:
    """A feedback copy for every rejected or warned return, as data to be written."""
    by_rid: dict[int, list[Finding]] = {}
    for finding in intake.findings:
        by_rid.setdefault(finding.rid, []).append(finding)
    return [
        FeedbackJob(rid, item.agency, plan.registry.agencies[item.agency].name,
                    folder / form_name(period, item.agency), by_rid[rid], period, lang)
        for rid, item in enumerate(intake.returns)
        if item.outcome in (REJECTED, ACCEPTED_WITH_WARNINGS) and item.agency and rid in by_rid
    ]


_POOL_INTAKE: Intake | None = None
PARALLEL_FROM = 2  # a single copy is written faster than a process starts


def _write_job(job: FeedbackJob) -> tuple[str, dict[str, object]] | None:
    assert _POOL_INTAKE is not None
    try:
        write_feedback(_POOL_INTAKE.returns[job.rid], job.findings, job.target.parent,
                       job.period, job.name, job.lang)
    except KehoachError as error:  # carried back as data across the process boundary
        return error.key, error.params
    return None


class FeedbackWriter:
    """Writes feedback copies in forked workers while the caller writes the workbook."""

    def __init__(self, intake: Intake, jobs: list[FeedbackJob], processes: int) -> None:
        self.intake, self.jobs, self.processes = intake, jobs, processes
        self.written: dict[str, Path] = {job.agency: job.target for job in jobs}
        self.pool: Any = None
        self.pending: Any = None

    def __enter__(self) -> FeedbackWriter:
        global _POOL_INTAKE
        _POOL_INTAKE = self.intake
        parallel = len(self.jobs) >= PARALLEL_FROM and self.processes > 1
        if parallel and "fork" in mp.get_all_start_methods():
            self.pool = mp.get_context("fork").Pool(self.processes)
            self.pending = self.pool.map_async(_write_job, self.jobs, chunksize=4)
        else:
            self._raise_first([_write_job(job) for job in self.jobs])
        return self

    def __exit__(self, *exc: object) -> None:
        global _POOL_INTAKE
        try:
            if self.pool is not None:
                failures = self.pending.get() if exc[0] is None else []
                self.pool.close()
                self.pool.join()
                self._raise_first(failures)
        finally:
            if self.pool is not None:
                self.pool.terminate()
            _POOL_INTAKE = None

    @staticmethod
    def _raise_first(failures: list[tuple[str, dict[str, object]] | None]) -> None:
        for failure in failures:
            if failure is not None:
                raise KehoachError(failure[0], **failure[1])


def check_files(plan: Plan, paths: list[Path], period: str, as_of: date) -> Intake:
    """The intake on named files, for answering an agency on the phone."""
    files: list[InboxFile] = []
    for path in paths:
        files += discover(path) if path.is_dir() else inbox_entry(path, path.name)
    return run_intake(files, plan, period, as_of)
