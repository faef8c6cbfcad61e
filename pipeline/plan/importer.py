"""`kehoach import-plan`: a plan document's appendix becomes a task matrix workbook.

The report says everything a person checks before using the matrix: groups and tasks found,
continuation rows joined, which source column went where and which were kept as extra
columns, rows and headings that are not tasks, timelines the reader could not read and agency
words the registry does not know. `import_view.render` turns it into the printed summary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from pipeline.contracts.matrix import SETTING_KEYS, TASK_COORD, TASK_LEAD
from pipeline.core.errors import KehoachError
from pipeline.plan import appendix as appendix_reader
from pipeline.plan import timeline
from pipeline.plan.appendix import Appendix
from pipeline.plan.import_registry import (
    ChosenRegistry,
    Issuer,
    choose_registry,
    registry_from_rows,
    registry_rows_from_workbook,
    stated_issuer,
)
from pipeline.plan.matrix_book import RegistryRows, write_task_matrix

__all__ = ["ImportReport", "import_plan", "registry_rows_from_workbook", "stated_settings"]

_DATE_LINE = re.compile(r",\s*ngày[\s\d.…/]*tháng\s*\d{1,2}\s*năm\s*(\d{4})", re.I)
_ANY_DATE = re.compile(r"tháng\s+\d{1,2}\s+năm\s+(\d{4})", re.I)
_DEADLINE = re.compile(
    r"trước ngày\s*(\d{1,2})\s*(?:/|-|tháng)\s*(\d{1,2})(?:\s*(?:/|năm)\s*(\d{4}))?", re.I
)


@dataclass(frozen=True)
class ImportReport:
    source: Path
    target: Path
    appendix: Appendix
    registry: ChosenRegistry
    issuer: Issuer
    unresolved: list[tuple[str, str, str]]  # task, column, words
    timelines_unread: list[tuple[str, str]]  # task, text as printed
    settings_missing: list[str]

    @property
    def groups(self) -> int:
        return len(self.appendix.groups)

    @property
    def tasks(self) -> int:
        return len(self.appendix.tasks)

    @property
    def continuations(self) -> int:
        return self.appendix.continuations


def stated_settings(doc: Appendix, text: str, issuer: Issuer) -> dict[str, object]:
    """What the document itself states: title, number, issuer, year and yearly deadline."""
    found: dict[str, object] = {
        "ten_ke_hoach": doc.title,
        "ma_ke_hoach": doc.plan_number,
        "co_quan_ban_hanh": issuer.name,
    }
    year = _DATE_LINE.search(text) or _ANY_DATE.search(text)
    due = _DEADLINE.search(text)
    if year:
        found["ky_bao_cao"] = year.group(1)
    if year and due:
        try:
            stated_year = int(due.group(3) or year.group(1))
            deadline = date(stated_year, int(due.group(2)), int(due.group(1)))
        except ValueError:
            deadline = None
        if deadline is not None:
            found["han_nop"] = deadline
            found["ngay_chot_so_lieu"] = deadline - timedelta(days=1)
            found["han_nop_tinh_ca_ngay"] = "Có"
    found["phien_ban_bieu_mau"] = "1"
    return {k: v for k, v in found.items() if v}


def timeline_unread(text: str) -> bool:
    """True when the timeline reader cannot give the text a full meaning (blank included).

    The reader is being rewritten (issue 15, item 2) to say `fully_read`; until both land,
    the older `unknown` kind means the same.
    """
    reading = timeline.parse(text)
    fully_read = getattr(reading, "fully_read", None)
    if isinstance(fully_read, bool):
        return not fully_read
    return reading.kind == getattr(timeline, "UNKNOWN", "unknown")


def import_plan(
    source: Path,
    registry: RegistryRows | str | None,
    target: Path,
    *,
    force: bool = False,
    settings: dict[str, object] | None = None,
) -> ImportReport:
    """Read `source`'s appendix and write the task matrix `target`.

    `registry` is the agency registry's rows, a task matrix file to take them from, the word
    "default" for the embedded registry, or None: the embedded one when the plan was issued
    in its province, else a `KehoachError` asking the officer to choose.
    """
    if not source.exists():
        raise KehoachError("source-not-found", path=str(source))
    if target.exists() and not force:
        raise KehoachError("target-exists", path=str(target))
    doc = appendix_reader.read(source)
    issuer = stated_issuer(doc.text)
    chosen = (
        ChosenRegistry(registry, "", False)
        if isinstance(registry, RegistryRows)
        else choose_registry(registry, issuer, str(source))
    )
    values = {**stated_settings(doc, doc.text, issuer), **(settings or {})}
    rows = [(key, values.get(key, ""), meaning) for key, meaning in SETTING_KEYS.items()]
    write_task_matrix(target, doc, chosen.rows, rows)
    resolver = registry_from_rows(chosen.rows)
    unresolved = [
        (task.number, column, words)
        for task in doc.tasks
        for column, cell in ((TASK_LEAD, task.lead), (TASK_COORD, task.coord))
        for words in resolver.resolve(cell).leftovers
    ]
    return ImportReport(
        source=source,
        target=target,
        appendix=doc,
        registry=chosen,
        issuer=issuer,
        unresolved=unresolved,
        timelines_unread=[(t.number, t.timeline) for t in doc.tasks if timeline_unread(t.timeline)],
        settings_missing=[k for k in SETTING_KEYS if not values.get(k)],
    )
