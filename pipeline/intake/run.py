"""The intake of one run: discover, read in the worker pool, identify, find resubmissions.

It ends with plain data: the returns (what was read of each entry, by rid) and the files
frame, one line per entry with the verdict a stage proposed (see `intake.settle`). The
validation and the settling of outcomes follow in `pipeline/run.py`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.core.workers import DEFAULT_TIME_LIMIT, default_jobs
from pipeline.intake.closed import ClosedRun, apply_closed, closed_entries
from pipeline.intake.discover import InboxFile, Receipts, discover
from pipeline.intake.reader import ReadResult
from pipeline.intake.returns import (
    Return,
    Verdict,
    early_verdict,
    identify,
    read_files,
    resubmissions,
)
from pipeline.plan.model import Plan

if TYPE_CHECKING:  # pandas is loaded while the files are read, not before
    import pandas as pd


@dataclass
class Intake:
    returns: list[Return]  # by rid
    files: pd.DataFrame  # one line per inbox entry, with the verdict proposed for it
    phases: dict[str, float] = field(default_factory=dict)

    @property
    def candidates(self) -> list[Return]:
        """The returns of this plan and period that nothing has ruled out: to be validated."""
        open_rids = set(self.files.loc[self.files["verdict"].eq(""), "rid"].tolist())
        return [r for r in self.returns if r.rid in open_rids]


def run_intake(
    files: list[InboxFile],
    plan: Plan,
    period: str,
    jobs: int | None = None,
    time_limit: float = DEFAULT_TIME_LIMIT,
    on_read: Callable[[], None] | None = None,
    on_started: Callable[[], None] | None = None,
    as_of: date | None = None,
    receipts: Receipts | None = None,
    budget: float | None = None,
    closed: ClosedRun | None = None,
) -> Intake:
    """`closed`: the files are those of a closed period's closed run, received as it knew."""
    phases: dict[str, float] = {}
    started = time.perf_counter()
    reads = read_files(files, jobs or default_jobs(), time_limit, on_read, on_started, budget)
    phases["read"] = time.perf_counter() - started
    started = time.perf_counter()
    if closed is not None:
        apply_closed(files, reads, closed)
    else:
        _apply_receipts(files, reads, receipts or Receipts())
    verdicts: dict[int, Verdict] = {}
    returns: list[Return] = []
    for rid, (file, read) in enumerate(zip(files, reads, strict=True)):
        item = Return(rid, file, read)
        early = early_verdict(file, read, time_limit)
        if early is not None:
            verdicts[rid] = early
        else:
            item = replace(item, identity=identify(file, read, plan, period, as_of))
            if item.identity.verdict is not None:
                verdicts[rid] = item.identity.verdict
        returns.append(item)
    verdicts |= resubmissions([r for r in returns if r.rid not in verdicts])
    from pipeline.intake.settle import files_frame  # pandas: loaded while the files were read

    frame = files_frame(returns, verdicts)
    phases["identify"] = time.perf_counter() - started
    return Intake(returns, frame, phases)


def _apply_receipts(files: list[InboxFile], reads: list[ReadResult], receipts: Receipts) -> None:
    """A confirmed receipt date replaces the file's time in the inbox. Else a file the store
    saw before keeps the earlier of its two times: copying an inbox without its times (to a
    new computer, from a backup, `cp -r`) made every return of a demo late."""
    for file, read in zip(files, reads, strict=True):
        sha = file.container_sha256 or read.sha256
        confirmed = receipts.confirmed.get(sha)
        earlier = receipts.first_seen.get(sha)
        if confirmed is not None:
            file.received = datetime.combine(confirmed, datetime.min.time())
            file.received_source = "confirmed"
        elif earlier is not None and earlier < file.received_at:
            file.received, file.mtime = earlier, earlier  # the time also orders its copies
            file.received_source = "store"


def intake_folder(
    inbox: Path,
    plan: Plan,
    period: str,
    jobs: int | None = None,
    time_limit: float = DEFAULT_TIME_LIMIT,
    on_discovered: Callable[[int], None] | None = None,
    on_read: Callable[[], None] | None = None,
    on_started: Callable[[], None] | None = None,
    exclude: Iterable[Path] = (),
    as_of: date | None = None,
    receipts: Receipts | None = None,
    budget: float | None = None,
    closed: ClosedRun | None = None,
) -> Intake:
    """Discover everything under the inbox, then the intake of all of it (of a closed
    period: of what its closed run saw); `budget` bounds the listing of zips and the reading
    each (by default `discover.read_budget`)."""
    started = time.perf_counter()
    files = discover(inbox, exclude, jobs, time_limit, budget)
    if closed is not None:
        files = closed_entries(files, closed)
    elapsed = time.perf_counter() - started
    if on_discovered is not None:
        on_discovered(len(files))
    result = run_intake(
        files, plan, period, jobs, time_limit, on_read, on_started, as_of, receipts, budget, closed
    )
    result.phases = {"discover": elapsed, **result.phases}
    return result
