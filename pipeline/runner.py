"""`kehoach run` and `kehoach check` as library calls: intake, rollups, workbook, feedback."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pipeline.consolidate import Consolidation, consolidate
from pipeline.feedback import write_feedback
from pipeline.intake import InboxFile, discover
from pipeline.intake_run import Intake, run_intake
from pipeline.plan import Plan
from pipeline.report import write_report
from pipeline.schemas import ACCEPTED_WITH_WARNINGS, REJECTED


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
    feedback = write_all_feedback(plan, intake, outbox / "phan-hoi" / period, period, lang)
    target = workbook_path(outbox, period)
    links = {code: path.relative_to(outbox).as_posix() for code, path in feedback.items()}
    cut = write_report(target, plan, result, period, links)
    phases["write"] = time.perf_counter() - started
    return RunResult(intake, result, target, feedback, cut, phases)


def write_all_feedback(plan: Plan, intake: Intake, folder: Path, period: str,
                       lang: str) -> dict[str, Path]:
    by_rid: dict[int, list] = {}  # type: ignore[type-arg]
    for finding in intake.findings:
        by_rid.setdefault(finding.rid, []).append(finding)
    written: dict[str, Path] = {}
    for rid, item in enumerate(intake.returns):
        if item.outcome in (REJECTED, ACCEPTED_WITH_WARNINGS) and item.agency and rid in by_rid:
            name = plan.registry.agencies[item.agency].name
            written[item.agency] = write_feedback(item, by_rid[rid], folder, period, name, lang)
    return written


def check_files(plan: Plan, paths: list[Path], period: str, as_of: date) -> Intake:
    """The intake on named files, for answering an agency on the phone."""
    files: list[InboxFile] = []
    for path in paths:
        if path.is_dir():
            files += discover(path)
        else:
            files += [f for f in discover(path.parent) if f.rel.split("/")[0] == path.name]
    return run_intake(files, plan, period, as_of)
