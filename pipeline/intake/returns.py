"""Read every inbox entry in the worker pool, identify each return and find resubmissions.

Each step states facts about an entry (what was read, whose return it is, which copy is a
duplicate or an older version) and proposes a verdict; no step decides an outcome:
`intake.settle.settle` does, once, for every entry.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from pipeline.contracts.outcomes import Outcome
from pipeline.core.text import fold
from pipeline.core.workers import BUDGET_SPENT, DEFAULT_TIME_LIMIT, Failure, Job, run_jobs
from pipeline.forms.metadata import FormMeta
from pipeline.forms.metadata import parse as parse_meta
from pipeline.intake import normalize
from pipeline.intake.discover import InboxFile, read_budget, time_limit_for
from pipeline.intake.reader import ReadResult, read_file
from pipeline.plan.model import Plan

if TYPE_CHECKING:  # the frames exist after the files are read; pandas is not loaded here
    import pandas as pd


@dataclass(frozen=True)
class Verdict:
    """What a stage found that ends an entry's way through the intake, as a proposal."""

    outcome: str
    reason: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Identity:
    agency: str = ""
    meta: FormMeta | None = None
    identified_by: str = ""  # "" (metadata), or where the fallback found the agency
    fallback_value: str = ""
    saved_at: datetime | None = None
    saved_source: str = ""  # "workbook" or "file"
    verdict: Verdict | None = None  # not a return of this plan and period
    saved_doubt: str = ""  # a saved time not believed (later than the file's, or --as-of)


@dataclass(frozen=True)
class Return:
    """One inbox entry as read and identified: what the frames are built from, and what a
    feedback copy is made of. `outcome` is filled in only after `settle`."""

    rid: int
    file: InboxFile
    read: ReadResult
    identity: Identity = field(default_factory=Identity)
    outcome: str = ""

    @property
    def rel(self) -> str:
        return self.file.rel

    @property
    def agency(self) -> str:
        return self.identity.agency

    @property
    def content_key(self) -> str:
        """Same agency and the same table values: a content-identical copy of another file."""
        return f"{self.agency}:{self.read.content_fingerprint}"


@dataclass(frozen=True)
class Entry:
    """One line of the settled files frame, typed."""

    rid: int
    rel: str
    agency: str
    outcome: str
    reason: str
    params: dict[str, Any]


def entries(files: pd.DataFrame) -> list[Entry]:
    """The settled files frame (see `intake.settle`) line by line."""
    return [
        Entry(int(rid), str(rel), str(agency), str(outcome), str(reason), dict(params))
        for rid, rel, agency, outcome, reason, params in zip(
            files["rid"].tolist(),
            files["rel"].tolist(),
            files["agency"].tolist(),
            files["outcome"].tolist(),
            files["reason"].tolist(),
            files["params"].tolist(),
            strict=True,
        )
    ]


# Small returns go to the readers several to a job. A job's round trip cost the run's process
# about 0.15 ms (pickling, two pipes, the GIL it shares with the loading of pandas) and its
# reader as much: at 3,321 returns, batches of eight took the read from 7.7 to 5.5-6.2 s. A
# batch that fails (a file that hangs, crashes or swells its reader) is read again file by
# file, so each file still gets its own outcome within its own limit. A batch has a second
# (`BATCH_SECONDS`) where eight returns need hundredths: a file that hangs costs the run that
# second on top of its own limit, not its limit twice, and a budget meant for file-by-file
# reading still holds. Small inboxes are not batched: each reader should get many jobs.
BATCH = 8
BATCH_BYTES = 256 * 1024  # a bigger file is a job of its own (returns are 15-300 kB)
BATCH_SECONDS = 1.0
JOBS_PER_READER = 16


def read_files(
    files: list[InboxFile],
    jobs: int,
    time_limit: float = DEFAULT_TIME_LIMIT,
    on_done: Callable[[], None] | None = None,
    on_started: Callable[[], None] | None = None,
    budget: float | None = None,
) -> list[ReadResult]:
    """What the worker pool read of every entry discovery left open; rid = position. The
    reading as a whole has a budget (`read_budget` unless given), on top of each file's limit."""
    todo = [
        Job(
            rid, read_file, (str(f.path) if f.path else None, f.data), time_limit_for(f, time_limit)
        )
        for rid, f in enumerate(files)
        if not f.outcome
    ]
    if on_done is not None:
        for f in files:
            if f.outcome:
                on_done()
    first, batches = _batched(todo, files, jobs)
    budget = read_budget(len(todo), jobs) if budget is None else budget
    started = time.monotonic()
    results = run_jobs(
        first,
        jobs,
        time_limit,
        on_done=_progress(on_done, batches),
        on_started=on_started,
        budget=budget,
    )
    again: list[Job] = []
    for index, batch in enumerate(batches):
        read = results.pop(-1 - index)
        if isinstance(read, list) and len(read) == len(batch):
            results.update(zip((job.key for job in batch), read, strict=True))
        elif _spent(read):
            results.update((job.key, read) for job in batch)  # spent for each of its files
        else:
            again += batch
    if again:  # file by file, with what is left of the budget
        left = max(0.0, budget - (time.monotonic() - started))
        retried = run_jobs(again, jobs, time_limit, on_done=_progress(on_done, []), budget=left)
        spent = Failure(BUDGET_SPENT, {"limit": int(budget)})  # the whole budget is what ran out
        results |= {key: spent if _spent(read) else read for key, read in retried.items()}
    reads = [ReadResult() for _ in files]
    for rid, outcome in results.items():
        if isinstance(outcome, ReadResult):
            reads[rid] = outcome
        else:  # the worker failed: its limits' values travel to the outcome's sentence
            reads[rid] = ReadResult(problem=outcome.problem, problem_params=dict(outcome.params))
    return reads


def _batched(
    todo: list[Job], files: list[InboxFile], jobs: int
) -> tuple[list[Job], list[list[Job]]]:
    """The jobs to give the readers (big files alone, then the batches, key -1 - index) and
    the files of each batch."""
    size = max(1, min(BATCH, len(todo) // (max(jobs, 1) * JOBS_PER_READER)))
    small = [job for job in todo if size > 1 and files[job.key].size <= BATCH_BYTES]
    batches = [small[start : start + size] for start in range(0, len(small), size)]
    batched = {job.key for job in small}
    first = [job for job in todo if job.key not in batched] + [
        Job(-1 - index, read_batch, [job.argument for job in batch], _limit(batch))
        for index, batch in enumerate(batches)
    ]
    return first, batches


def _spent(result: Any) -> bool:
    return isinstance(result, Failure) and result.problem == BUDGET_SPENT


def read_batch(sources: list[tuple[str | None, bytes | None]]) -> list[ReadResult]:
    """A worker job: several small files, one after the other."""
    return [read_file(source) for source in sources]


def _limit(batch: list[Job]) -> float:
    """A batch's time: `BATCH_SECONDS`, or less when its files' own limits are (never more
    than a file of it may take alone)."""
    return min(BATCH_SECONDS, max((job.time_limit or BATCH_SECONDS) for job in batch))


def _progress(
    on_done: Callable[[], None] | None, batches: list[list[Job]]
) -> Callable[[int, Any], None] | None:
    """The progress bar moves by file: a batch read or cut by the budget moves it by its files,
    a failed one not (its files move it when they are read again)."""
    if on_done is None:
        return None
    progress = on_done

    def done(key: int, result: Any) -> None:
        if key >= 0:
            progress()
        elif isinstance(result, list) or _spent(result):
            for _ in batches[-1 - key]:
                progress()

    return done


def early_verdict(file: InboxFile, read: ReadResult, time_limit: float) -> Verdict | None:
    """Discovery's or the reader's verdict: an ignored, unusable or unreadable entry."""
    if file.outcome:
        return Verdict(file.outcome, file.reason, dict(file.params))
    if read.problem:
        params = {"limit": int(time_limit), **read.problem_params}
        return Verdict(Outcome.UNREADABLE, read.problem, params)
    return None


SAVED_TIME_SLACK = timedelta(minutes=10)  # clocks of two machines disagree a little


def identify(
    file: InboxFile, read: ReadResult, plan: Plan, period: str, as_of: date | None = None
) -> Identity:
    """Agency, plan, period and form version of one readable return."""
    doubt = _doubted_saved_time(read.saved_at, file, as_of)
    believed = None if doubt else read.saved_at
    saved_at = believed or file.mtime
    saved_source = "workbook" if believed else "file"
    meta = parse_meta(read.meta_rows)
    if meta is None:
        found = _fallback(file, read, plan, period, saved_at, saved_source)
        return replace(found, saved_doubt=doubt)
    return Identity(
        meta.agency_code,
        meta,
        saved_at=saved_at,
        saved_source=saved_source,
        verdict=_meta_verdict(meta, plan, period),
        saved_doubt=doubt,
    )


def _doubted_saved_time(saved: datetime | None, file: InboxFile, as_of: date | None) -> str:
    """The agency's own saved time only orders its versions, and only when it is possible: a
    time after the file reached the inbox, or after --as-of, is not believed (a warning)."""
    if saved is None:
        return ""
    received = file.received_at
    latest = received + SAVED_TIME_SLACK
    if file.received_source == "confirmed":  # a confirmed date is a whole day: any time fits
        latest = received + timedelta(days=1)
    # After --as-of only counts against a file that itself arrived by then: a run dated back
    # over files received later has nothing better to go by.
    future = as_of is not None and saved.date() > as_of >= received.date()
    if saved > latest or future:
        return f"{saved:%d/%m/%Y %H:%M}"
    return ""


def _meta_verdict(meta: FormMeta, plan: Plan, period: str) -> Verdict | None:
    s = plan.settings
    if meta.plan_code != s.plan_code:
        return _rejected("return-other-plan", found=meta.plan_code, expected=s.plan_code)
    if meta.period != period:  # its own period's run counts it; this one never does
        return _other_period(meta.period, period, plan)
    if meta.form_version != s.version_for(period):
        expected = s.version_for(period)
        return _rejected("return-old-form", found=meta.form_version, expected=expected)
    if meta.agency_code not in plan.registry.agencies:
        return _rejected("return-unknown-agency", found=meta.agency_code)
    if not plan.assignments(meta.agency_code):
        return _rejected("return-agency-unassigned", found=meta.agency_code)
    return None


def _rejected(reason: str, **params: Any) -> Verdict:
    return Verdict(Outcome.REJECTED, reason, params)


def _other_period(found: str, period: str, plan: Plan) -> Verdict:
    """Not this period's return. Its reason suggests `--period` only for a period the plan has:
    a 2024 return in a folder made for 2025 would send the officer to a refused command."""
    params = {"found": found, "expected": period}
    if found in plan.settings.periods:
        return Verdict(Outcome.OTHER_PERIOD, "return-of-other-period", params)
    periods = ", ".join(plan.settings.periods)
    return Verdict(
        Outcome.OTHER_PERIOD, "return-of-period-not-in-plan", params | {"periods": periods}
    )


def _fallback(
    file: InboxFile,
    read: ReadResult,
    plan: Plan,
    period: str,
    saved_at: datetime,
    saved_source: str,
) -> Identity:
    """A retyped form: the agency from the header block, else from the file name."""
    stem = PurePosixPath(file.rel).stem
    named_period = stem.split("_", 1)[0]  # forms are named <period>_<code>.xlsx
    if named_period != period and named_period in plan.settings.periods:
        verdict = _other_period(named_period, period, plan)
        return Identity(saved_at=saved_at, saved_source=saved_source, verdict=verdict)
    expected = plan.expected_codes
    name_cell = normalize.text(read.header_block.get("agency"))
    candidates = [c for c in plan.registry.resolve(name_cell).codes if c in expected]
    if name_cell and len(candidates) == 1:
        return Identity(candidates[0], None, "header", name_cell, saved_at, saved_source)
    folded = fold(stem)
    by_code = sorted(c for c in expected if c in folded)
    if by_code:  # the longest code wins: "so_khdt_2" names so_khdt, not a shorter code
        return Identity(max(by_code, key=len), None, "filename", stem, saved_at, saved_source)
    by_name = [c for c in plan.registry.resolve(stem.replace("_", " ")).codes if c in expected]
    if len(by_name) == 1:
        return Identity(by_name[0], None, "filename", stem, saved_at, saved_source)
    return Identity(
        saved_at=saved_at, saved_source=saved_source, verdict=_rejected("return-unidentified")
    )


def resubmissions(candidates: list[Return]) -> dict[int, Verdict]:
    """Byte- or content-identical copies are duplicates; of the rest, the last saved counts.

    `candidates` are the identified returns of this plan and period; the answer maps the rid
    of each copy that does not count to its verdict."""
    verdicts: dict[int, Verdict] = {}
    by_agency: dict[str, list[Return]] = {}
    for item in candidates:
        by_agency.setdefault(item.agency, []).append(item)
    for items in by_agency.values():
        # The copy that reached the inbox first is the original; the name breaks ties.
        items.sort(key=lambda r: (r.file.mtime, r.rel))
        kept: list[Return] = []
        for item in items:
            twin = next((k for k in kept if k.read.sha256 == item.read.sha256), None)
            if twin is not None:
                verdicts[item.rid] = Verdict(
                    Outcome.DUPLICATE, "return-duplicate-bytes", {"other": twin.rel}
                )
                continue
            twin = next((k for k in kept if k.content_key == item.content_key), None)
            if twin is not None:
                verdicts[item.rid] = Verdict(
                    Outcome.DUPLICATE, "return-duplicate-content", {"other": twin.rel}
                )
                continue
            kept.append(item)
        if len(kept) < 2:
            continue
        latest = max(kept, key=lambda r: (r.identity.saved_at or datetime.min, r.rel))
        for item in kept:
            if item is not latest:
                verdicts[item.rid] = Verdict(
                    Outcome.SUPERSEDED,
                    "return-superseded",
                    {
                        "other": latest.rel,
                        "saved": f"{latest.identity.saved_at:%d/%m/%Y %H:%M}",
                        "own": f"{item.identity.saved_at:%d/%m/%Y %H:%M}",
                    },
                )
    return verdicts
