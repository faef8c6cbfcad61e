"""Read inbox files safely, identify each return and settle resubmissions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any

from pipeline.contracts.form import (
    DUPLICATE,
    REJECTED,
    SUPERSEDED,
    UNREADABLE,
)
from pipeline.core.text import fold
from pipeline.core.workers import DEFAULT_TIME_LIMIT, Failure, Job, run_jobs
from pipeline.forms.metadata import FormMeta
from pipeline.forms.metadata import parse as parse_meta
from pipeline.intake import normalize
from pipeline.intake.discover import InboxFile, read_budget, time_limit_for
from pipeline.intake.reader import ReadResult, read_file
from pipeline.plan.model import Plan


@dataclass
class Return:
    """One inbox file on its way through the intake, with its single outcome."""

    file: InboxFile
    read: ReadResult = field(default_factory=ReadResult)
    meta: FormMeta | None = None
    agency: str = ""
    identified_by: str = ""  # "" (metadata), or where the fallback found the agency
    fallback_value: str = ""
    saved_at: datetime | None = None
    saved_source: str = ""  # "workbook" or "file"
    outcome: str = ""
    reason: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    def settle(self, outcome: str, reason: str, **params: Any) -> None:
        self.outcome, self.reason, self.params = outcome, reason, params

    @property
    def content_key(self) -> str:
        """Same agency and the same table values: a content-identical copy of another file."""
        return f"{self.agency}:{self.read.content_fingerprint}"

    @property
    def rel(self) -> str:
        return self.file.rel


def read_files(
    files: list[InboxFile],
    jobs: int,
    time_limit: float = DEFAULT_TIME_LIMIT,
    on_done: Callable[[], None] | None = None,
    on_started: Callable[[], None] | None = None,
) -> list[Return]:
    """Read every file that is not already settled, in the worker pool."""
    returns = [Return(file=f) for f in files]
    todo = [
        Job(
            i,
            read_file,
            (str(r.file.path) if r.file.path else None, r.file.data),
            time_limit_for(r.file, time_limit),
        )
        for i, r in enumerate(returns)
        if not r.file.outcome
    ]
    for r in returns:
        if r.file.outcome:
            r.settle(r.file.outcome, r.file.reason, **r.file.params)
            if on_done is not None:
                on_done()
    results = run_jobs(
        todo,
        jobs,
        time_limit,
        on_done=(lambda key, result: on_done()) if on_done else None,
        on_started=on_started,
        budget=read_budget(len(todo), jobs),
    )
    for key, outcome in results.items():
        result = outcome if isinstance(outcome, ReadResult) else ReadResult(problem=outcome.problem)
        returns[key].read = result
        if result.problem:
            params = outcome.params if isinstance(outcome, Failure) else {}
            returns[key].settle(UNREADABLE, result.problem, **{"limit": int(time_limit), **params})
    return returns


def identify(returns: list[Return], plan: Plan, period: str) -> None:
    """Agency, plan, period and form version of each readable return."""
    for item in returns:
        if item.outcome:
            continue
        item.saved_at = item.read.saved_at
        item.saved_source = "workbook" if item.saved_at else "file"
        item.saved_at = item.saved_at or item.file.mtime
        item.meta = parse_meta(item.read.meta_rows)
        if item.meta is not None:
            _check_meta(item, item.meta, plan, period)
        else:
            _fallback(item, plan)


def _check_meta(item: Return, meta: FormMeta, plan: Plan, period: str) -> None:
    s = plan.settings
    if meta.plan_code != s.plan_code:
        item.settle(REJECTED, "return-other-plan", found=meta.plan_code, expected=s.plan_code)
    elif meta.period != period:
        item.settle(REJECTED, "return-other-period", found=meta.period, expected=period)
    elif meta.form_version != s.form_version:
        item.settle(REJECTED, "return-old-form", found=meta.form_version, expected=s.form_version)
    elif meta.agency_code not in plan.registry.agencies:
        item.settle(REJECTED, "return-unknown-agency", found=meta.agency_code)
    elif not plan.assignments(meta.agency_code):
        item.settle(REJECTED, "return-agency-unassigned", found=meta.agency_code)
    item.agency = meta.agency_code


def _fallback(item: Return, plan: Plan) -> None:
    """A retyped form: the agency from the header block, else from the file name."""
    expected = plan.expected_codes
    name_cell = normalize.text(item.read.header_block.get("agency"))
    candidates = [c for c in plan.registry.resolve(name_cell).codes if c in expected]
    if name_cell and len(candidates) == 1:
        item.agency, item.identified_by, item.fallback_value = candidates[0], "header", name_cell
        return
    stem = PurePosixPath(item.rel).stem
    folded = fold(stem)
    by_code = sorted(c for c in expected if c in folded)
    if by_code:  # the longest code wins: "so_khdt_2" names so_khdt, not a shorter code
        item.agency = max(by_code, key=len)
        item.identified_by, item.fallback_value = "filename", stem
        return
    by_name = [c for c in plan.registry.resolve(stem.replace("_", " ")).codes if c in expected]
    if len(by_name) == 1:
        item.agency, item.identified_by, item.fallback_value = by_name[0], "filename", stem
        return
    item.settle(REJECTED, "return-unidentified")


def settle_resubmissions(returns: list[Return]) -> None:
    """Byte- or content-identical copies are duplicates; of the rest, the last saved counts."""
    by_agency: dict[str, list[Return]] = {}
    for item in returns:
        if not item.outcome and item.agency:
            by_agency.setdefault(item.agency, []).append(item)
    for items in by_agency.values():
        # The copy that reached the inbox first is the original; the name breaks ties.
        items.sort(key=lambda r: (r.file.mtime, r.rel))
        kept: list[Return] = []
        for item in items:
            twin = next((k for k in kept if k.read.sha256 == item.read.sha256), None)
            if twin is not None:
                item.settle(DUPLICATE, "return-duplicate-bytes", other=twin.rel)
                continue
            twin = next((k for k in kept if k.content_key == item.content_key), None)
            if twin is not None:
                item.settle(DUPLICATE, "return-duplicate-content", other=twin.rel)
                continue
            kept.append(item)
        if len(kept) < 2:
            continue
        latest = max(kept, key=lambda r: (r.saved_at or datetime.min, r.rel))
        for item in kept:
            if item is not latest:
                item.settle(
                    SUPERSEDED,
                    "return-superseded",
                    other=latest.rel,
                    saved=f"{latest.saved_at:%d/%m/%Y %H:%M}",
                    own=f"{item.saved_at:%d/%m/%Y %H:%M}",
                )
