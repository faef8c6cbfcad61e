"""`kehoach run` and `kehoach check` as library calls: the one orchestration of the stages.

intake (discover, read, identify) -> rules (validate) -> settle -> rollup -> outputs. Each
stage hands the next plain data; only this module knows the order.
"""

from __future__ import annotations

import gc
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.contracts.outcomes import Outcome
from pipeline.core.errors import KehoachError
from pipeline.core.files import output_set
from pipeline.core.workers import DEFAULT_TIME_LIMIT, default_jobs, freeze_for_life
from pipeline.intake.closed import ClosedRun
from pipeline.intake.discover import InboxFile, Receipts, discover_paths
from pipeline.intake.returns import Return, entries
from pipeline.intake.run import Intake, intake_folder, run_intake
from pipeline.outputs.feedback_folder import remove_stale
from pipeline.outputs.run_outputs import ReportInput, feedback_plans, write_outputs
from pipeline.plan.model import Plan
from pipeline.plan.periods import current
from pipeline.store.actions import closed_intake, stored_receipts
from pipeline.store.db import open_store, store_errors, store_path
from pipeline.store.history import read_history
from pipeline.store.records import known_receipts
from pipeline.store.run_record import RunRecord

if TYPE_CHECKING:  # pandas and pandera are loaded while the files are read, not before
    from pipeline.intake.settle import Settled
    from pipeline.rollup.consolidate import Consolidation


@dataclass
class Checked:
    """The intake of a run, validated and settled: the frames and what feedback copies need."""

    returns: list[Return]  # by rid: the files as read, for feedback copies
    frames: Settled

    def outcomes(self) -> Counter[str]:
        return Counter(self.frames.files["outcome"].tolist())


@dataclass
class RunResult:
    checked: Checked
    consolidation: Consolidation
    workbook: Path
    feedback: dict[str, Path] = field(default_factory=dict)
    feedback_failed: list[str] = field(default_factory=list)
    feedback_removed: list[Path] = field(default_factory=list)  # stale copies of earlier runs
    cut_cells: list[str] = field(default_factory=list)
    phases: dict[str, float] = field(default_factory=dict)
    period: str = ""
    store_created: bool = False  # the store did not exist: confirmed receipts, closures lost

    def outcomes(self) -> Counter[str]:
        return self.checked.outcomes()


def workbook_path(outbox: Path, period: str) -> Path:
    return outbox / f"tong-hop-{period}.xlsx"


def _warm_up() -> None:
    """While the workers read, this process loads pandas, pandera and the writers and warms
    pandera up: the workers were forked before, so they stay small and nothing is loaded
    twice. (Function-local imports: these heavy libraries must not load before the fork.)

    Loading modules makes no garbage, yet the cycle collector walked the million new objects
    again and again: 70-80 ms of the embedded plan's 1.4 s run. The first time, it is paused
    meanwhile, and what is then in memory (the modules, for the process's life) is frozen out
    of its sight; a process that runs again (a test session) has nothing left to load.
    """
    loading = "pandas" not in sys.modules
    collecting = gc.isenabled()
    if loading:
        gc.disable()
    try:
        import xlsxwriter  # noqa: F401

        from pipeline.intake import settle  # noqa: F401
        from pipeline.outputs import workbook  # noqa: F401
        from pipeline.rollup import consolidate  # noqa: F401
        from pipeline.rules.validate import warm_up

        warm_up()
    finally:
        if loading:
            freeze_for_life()
            if collecting:
                gc.enable()


class _Warming:
    def __init__(self) -> None:
        self.thread = threading.Thread(target=_warm_up, daemon=True)

    def start(self) -> None:
        self.thread.start()

    def join(self) -> None:
        if self.thread.is_alive():
            self.thread.join()


def check_intake(intake: Intake, plan: Plan, as_of: date, strict: bool = False) -> Checked:
    """Validate the returns nothing has ruled out, then settle every entry's outcome."""
    from pipeline.intake.settle import settle  # pandas: loaded while the files were read
    from pipeline.rules.validate import validate

    started = time.perf_counter()
    rows, findings = validate(intake.candidates, plan, as_of)
    frames = settle(intake.files, rows, findings, strict)
    intake.phases["validate"] = time.perf_counter() - started
    return Checked(intake.returns, frames)


def run(
    plan: Plan,
    inbox: Path,
    outbox: Path,
    period: str,
    as_of: date,
    jobs: int | None = None,
    on_discovered: Callable[[int], None] | None = None,
    on_read: Callable[[], None] | None = None,
    strict: bool = False,
    store: Path | None = None,
) -> RunResult:
    plan = plan.for_period(period)
    _require_folders(inbox, outbox)  # before the store is opened (and perhaps created)
    connection, created = open_store(store) if store is not None else (None, False)
    with store_errors(store or Path()):
        receipts = known_receipts(connection) if connection is not None else Receipts()
    checked, phases = _checked_folder(
        plan, inbox, outbox, period, as_of, jobs, on_discovered, on_read, strict, receipts
    )
    from pipeline.rollup.consolidate import consolidate  # pandas: loaded while files were read

    started = time.perf_counter()
    frames = checked.frames
    result = consolidate(plan, frames.files, frames.rows, frames.findings, period, as_of)
    phases["consolidate"] = time.perf_counter() - started
    started = time.perf_counter()
    folder = outbox / "phan-hoi" / period
    plans = feedback_plans(plan, checked.returns, checked.frames, folder, period)
    target = workbook_path(outbox, period)
    links = {agency: job.target.relative_to(outbox).as_posix() for agency, job in plans.items()}
    # earlier periods as the store keeps them (never this one, never a later one)
    with store_errors(store or Path()):
        history = read_history(connection, plan.settings.periods, period) if connection else None
    record = RunRecord(
        connection, store or Path(), period, result, checked.returns, checked.frames.files
    )
    try:
        with output_set(outbox) as outputs:  # the workbook and its feedback copies, as one set
            report = ReportInput(plan, result, period, links, history)
            processes = jobs or default_jobs()
            cut, staged = write_outputs(report, target, plans, processes, outputs, record.write)
    except BaseException:
        record.abandon()
        raise
    feedback = {agency: outbox / path.relative_to(outputs.stage) for agency, path in staged.items()}
    removed = remove_stale(folder, period, feedback.values())
    phases["write"] = time.perf_counter() - started - record.seconds
    failed = [job.target.name for agency, job in plans.items() if agency not in feedback]
    if connection is not None:
        record.commit()
        phases["store"] = record.seconds
    return RunResult(
        checked, result, target, feedback, failed, removed, cut, phases, period, created
    )


def check_files(
    plan: Plan,
    paths: list[Path],
    period: str | None,
    as_of: date,
    strict: bool = False,
    jobs: int | None = None,
    time_limit: float = DEFAULT_TIME_LIMIT,
) -> Checked:
    """The intake on named files, for answering an agency on the phone. `check` writes no
    feedback copy, so its reasons point at the findings it prints instead.

    Without a period each file is checked against its own: the current period first, then
    the files that turned out to be another period's, again against theirs.
    """
    files = discover_paths(paths)
    first = period or current(plan.settings.schedule, as_of).name
    checked = _check_once(plan.for_period(first), files, first, as_of, strict, jobs, time_limit)
    if not period:
        by_period: dict[str, list[int]] = {}
        for entry in entries(checked.frames.files):
            found = str(entry.params.get("found", ""))
            if entry.outcome == Outcome.OTHER_PERIOD and found in plan.settings.periods:
                by_period.setdefault(found, []).append(entry.rid)
        for other, rids in sorted(by_period.items()):
            again = _check_once(
                plan.for_period(other),
                [files[i] for i in rids],
                other,
                as_of,
                strict,
                jobs,
                time_limit,
            )
            checked = _put_back(checked, again, rids)
    return checked


def _check_once(
    plan: Plan,
    files: list[InboxFile],
    period: str,
    as_of: date,
    strict: bool,
    jobs: int | None,
    time_limit: float,
) -> Checked:
    warming = _Warming()
    intake = run_intake(
        files, plan, period, jobs, time_limit, on_started=warming.start, as_of=as_of
    )
    warming.join()
    checked = check_intake(intake, plan, as_of, strict)
    reasons = checked.frames.files["reason"]
    checked.frames.files["reason"] = reasons.replace(_CHECK_REASONS)
    return checked


# `check` writes no feedback copy: its reasons point at the findings it prints instead.
_CHECK_REASONS = {
    "return-has-errors": "check-has-errors",
    "return-accepted-in-part": "check-accepted-in-part",
}


def _put_back(checked: Checked, again: Checked, rids: list[int]) -> Checked:
    """`checked` with the entries at `rids` replaced by `again`'s (checked against their own
    period), rows and findings too: `again`'s rid i is `rids[i]`."""
    import pandas as pd  # loaded by the intake already

    place = dict(enumerate(rids))
    returns = list(checked.returns)
    for sub, rid in place.items():
        returns[rid] = replace(again.returns[sub], rid=rid)

    def merged(mine: pd.DataFrame, theirs: pd.DataFrame) -> pd.DataFrame:
        # a pass without one candidate return has an empty rows frame without columns
        kept = mine[~mine["rid"].isin(rids)] if "rid" in mine else mine
        moved = theirs.assign(rid=theirs["rid"].map(place)) if "rid" in theirs else theirs
        parts = [part for part in (kept, moved) if not part.empty]
        if not parts:
            return mine
        joined = parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)
        return joined.sort_values("rid", kind="stable").reset_index(drop=True)

    old, new = checked.frames, again.frames
    frames = replace(
        old,
        files=merged(old.files, new.files),
        rows=merged(old.rows, new.rows),
        findings=merged(old.findings, new.findings),
    )
    return Checked(returns, frames)


def _require_folders(inbox: Path, outbox: Path) -> None:
    if not inbox.is_dir():
        raise KehoachError("inbox-not-found", path=str(inbox))
    refuse_nested(inbox, outbox)


def refuse_nested(inbox: Path, outbox: Path) -> None:
    """The outbox inside the inbox (or the reverse) would make each run read the last run's
    workbook and feedback copies as returns."""
    inner, outer = inbox.resolve(), outbox.resolve()
    if inner == outer or inner.is_relative_to(outer) or outer.is_relative_to(inner):
        raise KehoachError("outbox-inside-inbox", inbox=str(inbox), outbox=str(outbox))


def consolidated(
    plan: Plan,
    inbox: Path,
    outbox: Path,
    period: str,
    as_of: date,
    jobs: int | None = None,
    on_discovered: Callable[[int], None] | None = None,
    on_read: Callable[[], None] | None = None,
    strict: bool = False,
    on_closed: Callable[[ClosedRun], None] | None = None,
) -> Consolidation:
    """The intake and the rollups, writing nothing: what `report` and `remind` start from.
    The same intake as `run` (the outbox left out, the confirmed receipt dates applied), so
    the Word documents and the workbook give the same figures. A closed period's documents
    are its closed run's (`intake.closed` says why): its files, receipt times and day, so
    they keep the frozen workbook's figures; `on_closed` is told before anything is read."""
    plan = plan.for_period(period)
    _require_folders(inbox, outbox)
    store = store_path(outbox)
    closed = closed_intake(store, period)
    receipts = stored_receipts(store) if closed is None else Receipts()
    if closed is not None:
        as_of = closed.as_of
        if on_closed is not None:
            on_closed(closed)
    checked, _ = _checked_folder(
        plan, inbox, outbox, period, as_of, jobs, on_discovered, on_read, strict, receipts, closed
    )
    from pipeline.rollup.consolidate import consolidate  # pandas: loaded while files were read

    frames = checked.frames
    return consolidate(plan, frames.files, frames.rows, frames.findings, period, as_of)


def _checked_folder(
    plan: Plan,
    inbox: Path,
    outbox: Path,
    period: str,
    as_of: date,
    jobs: int | None,
    on_discovered: Callable[[int], None] | None,
    on_read: Callable[[], None] | None,
    strict: bool,
    receipts: Receipts,
    closed: ClosedRun | None = None,
) -> tuple[Checked, dict[str, float]]:
    """Everything under the inbox read, identified, validated and settled, with the time
    each phase took: the one intake of `run`, `report` and `remind`."""
    warming = _Warming()
    intake = intake_folder(
        inbox,
        plan,
        period,
        jobs,
        on_discovered=on_discovered,
        on_read=on_read,
        on_started=warming.start,
        exclude=[outbox],
        as_of=as_of,
        receipts=receipts,
        closed=closed,
    )
    warming.join()
    checked = check_intake(intake, plan, as_of, strict)
    return checked, dict(intake.phases)
