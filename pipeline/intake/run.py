"""The whole intake for one run: discover, read, identify, settle, validate."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.core.workers import DEFAULT_TIME_LIMIT, default_jobs
from pipeline.intake.discover import InboxFile, discover
from pipeline.intake.inbox import (
    Return,
    identify,
    read_files,
    settle_resubmissions,
)
from pipeline.plan.model import Plan
from pipeline.rules.findings import Finding

if TYPE_CHECKING:  # pandas is loaded while the files are read, not before
    import pandas as pd


@dataclass
class Intake:
    returns: list[Return]
    findings: list[Finding]
    rows: pd.DataFrame  # every table row of every validated return
    phases: dict[str, float] = field(default_factory=dict)


def run_intake(
    files: list[InboxFile],
    plan: Plan,
    period: str,
    as_of: date,
    jobs: int | None = None,
    time_limit: float = DEFAULT_TIME_LIMIT,
    on_read: Callable[[], None] | None = None,
) -> Intake:
    phases: dict[str, float] = {}
    started = time.perf_counter()
    # While the workers read, this process loads pandas and pandera and warms pandera up:
    # the workers were forked before, so they stay small and nothing is loaded twice.
    warming = threading.Thread(target=_warm_up, daemon=True)
    returns = read_files(
        files, jobs or default_jobs(), time_limit, on_read, on_started=warming.start
    )
    if warming.is_alive():
        warming.join()
    phases["read"] = time.perf_counter() - started
    started = time.perf_counter()
    from pipeline.rules.validate import validate  # pandas and pandera: loaded while files are read

    identify(returns, plan, period)
    settle_resubmissions(returns)
    findings, rows = validate(returns, plan, as_of)
    phases["validate"] = time.perf_counter() - started
    return Intake(returns, findings, rows, phases)


def _warm_up() -> None:
    import xlsxwriter  # noqa: F401  # what the run needs after reading

    from pipeline.outputs import workbook  # noqa: F401
    from pipeline.rollup import consolidate  # noqa: F401
    from pipeline.rules.validate import warm_up

    warm_up()


def intake_folder(
    inbox: Path,
    plan: Plan,
    period: str,
    as_of: date,
    jobs: int | None = None,
    time_limit: float = DEFAULT_TIME_LIMIT,
    on_discovered: Callable[[int], None] | None = None,
    on_read: Callable[[], None] | None = None,
    exclude: Iterable[Path] = (),
) -> Intake:
    """Discover everything under the inbox, then the intake of all of it."""
    started = time.perf_counter()
    files = discover(inbox, exclude, jobs, time_limit)
    elapsed = time.perf_counter() - started
    if on_discovered is not None:
        on_discovered(len(files))
    result = run_intake(files, plan, period, as_of, jobs, time_limit, on_read)
    result.phases = {"discover": elapsed, **result.phases}
    return result
