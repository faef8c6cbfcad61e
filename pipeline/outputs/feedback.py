"""Feedback copies for agencies: their own workbook with each problem cell marked and a first
page listing every finding, each linked to its cell.

What the orchestration hands over is one `FeedbackRequest` per copy: where the return is,
what it was found to hold, and the plan's task texts those findings name. The copy is made by
editing the agency's package (`xlsx_patch`); a package that edit cannot take is first made
into one it can (`feedback_rebuild`). Either way the findings page is the same drawing
(`feedback_sheet`) of the same content (`feedback_content`).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.core.errors import Carried, KehoachError, carried
from pipeline.core.files import atomic_path
from pipeline.outputs import feedback_content as content
from pipeline.outputs.feedback_rebuild import rebuilt_package, remarked_package
from pipeline.outputs.feedback_xml import Unexpected
from pipeline.outputs.xlsx_patch import patch
from pipeline.plan.model import Plan
from pipeline.rules.findings import Finding


@dataclass(frozen=True)
class FeedbackRequest:
    """One feedback copy to write. Small and picklable: it travels to a worker process."""

    target: Path  # outbox/phan-hoi/<kỳ>/<kỳ>_<code>.xlsx
    source: Path | bytes  # the return as received (a zip member comes as its bytes)
    file: str  # the return's path in the inbox, named on the findings page
    outcome: str  # its outcome code
    agency_name: str
    findings: tuple[Finding, ...]
    tasks: Mapping[str, str] = field(default_factory=dict)  # task number -> task text


def task_texts(plan: Plan, findings: Iterable[Finding]) -> dict[str, str]:
    """The plan's text of every task the findings name, for the findings page."""
    named = {str(f.params.get("task", "")) for f in findings}
    return {task.number: task.content for task in plan.tasks if task.number in named}


def feedback_job(request: FeedbackRequest) -> Path | Carried:
    """A worker job: write one feedback copy; an error comes back as its message key."""
    try:
        return write_feedback(request)
    except KehoachError as error:
        return carried(error)


def write_feedback(request: FeedbackRequest) -> Path:
    with atomic_path(request.target) as temporary:
        temporary.write_bytes(feedback_bytes(request))
    return request.target


def feedback_bytes(request: FeedbackRequest) -> bytes:
    """The copy: the agency's own package edited; else rebuilt or re-marked, then edited."""
    data = request.source if isinstance(request.source, bytes) else request.source.read_bytes()
    page = content.page(
        request.findings, request.tasks, request.file, request.outcome, request.agency_name
    )
    marks = content.marks(request.findings)
    if not _is_xlsx(data):  # .xls, .ods
        return patch(rebuilt_package(data), page, marks)
    try:
        return patch(data, page, marks)
    except Unexpected:  # comments of the agency's own, or a package shaped unusually
        pass
    try:
        remarked = remarked_package(data, marks)
    except Exception:  # openpyxl cannot load what calamine could read: rebuild it instead
        return patch(rebuilt_package(data), page, marks)
    return patch(remarked, page, [])


def _is_xlsx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False
