"""`kehoach import-plan`: a plan document's appendix becomes a task matrix workbook."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from pipeline.core.errors import KehoachError
from pipeline.core.text import clean
from pipeline.plan import appendix as appendix_reader
from pipeline.plan.load import SETTING_KEYS
from pipeline.plan.matrix_book import (
    AGENCY_HEADERS,
    AGENCY_SHEET,
    PHRASE_HEADERS,
    PHRASE_SHEET,
    RegistryRows,
    write_task_matrix,
)
from pipeline.plan.registry import Agency, Phrase, Registry


@dataclass(frozen=True)
class ImportReport:
    target: Path
    groups: int
    tasks: int
    continuations: int
    unresolved: list[tuple[str, str, str]]  # task, column, words
    settings_missing: list[str]


def registry_rows_from_workbook(path: Path) -> RegistryRows:
    """The `Đơn vị` and `Cụm từ` sheets of an existing task matrix, as they are."""
    from openpyxl import load_workbook

    if not path.exists():
        raise KehoachError("agencies-source-missing", path=str(path))
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheets: dict[str, list[list[str | int]]] = {}
        for name, headers in ((AGENCY_SHEET, AGENCY_HEADERS), (PHRASE_SHEET, PHRASE_HEADERS)):
            if name not in workbook.sheetnames:
                raise KehoachError(
                    "plan-sheet-missing",
                    file=str(path),
                    sheet=name,
                    sheets=", ".join(workbook.sheetnames),
                )
            rows = list(workbook[name].iter_rows(values_only=True, max_col=len(headers)))
            sheets[name] = [
                [
                    ""
                    if v is None
                    else (v if isinstance(v, int) and not isinstance(v, bool) else str(v))
                    for v in row
                ]
                for row in rows[1:]
                if any(v not in (None, "") for v in row)
            ]
    finally:
        workbook.close()
    phrases = [[str(v) for v in row] for row in sheets[PHRASE_SHEET]]
    return RegistryRows(sheets[AGENCY_SHEET], phrases)


def registry_from_rows(rows: RegistryRows) -> Registry:
    agencies = [
        Agency(
            str(r[0]),
            clean(str(r[1])),
            str(r[2]),
            int(r[3]) if str(r[3]).isdigit() else 0,
            tuple(a.strip() for a in str(r[4]).split(";") if a.strip()),
        )
        for r in rows.agencies
    ]
    phrases = [
        Phrase(clean(str(r[0])), tuple(m.strip() for m in str(r[1]).split(";") if m.strip()))
        for r in rows.phrases
    ]
    return Registry(agencies, phrases)


def stated_settings(doc: appendix_reader.Appendix, text: str) -> dict[str, object]:
    """What the document itself states: title, number, and the yearly deadline if written."""
    found: dict[str, object] = {"ten_ke_hoach": doc.title, "ma_ke_hoach": doc.plan_number}
    year = re.search(r"tháng\s+\d{1,2}\s+năm\s+(\d{4})", text)
    due = re.search(r"trước ngày\s*(\d{1,2})/(\d{1,2})", text)
    if year:
        found["ky_bao_cao"] = year.group(1)
    if year and due:
        deadline = date(int(year.group(1)), int(due.group(2)), int(due.group(1)))
        found["han_nop"] = deadline
        found["ngay_chot_so_lieu"] = deadline - timedelta(days=1)
        found["han_nop_tinh_ca_ngay"] = "Có"
    found["phien_ban_bieu_mau"] = "1"
    return {k: v for k, v in found.items() if v}


def import_plan(
    source: Path,
    registry_rows: RegistryRows,
    target: Path,
    *,
    force: bool = False,
    settings: dict[str, object] | None = None,
) -> ImportReport:
    if not source.exists():
        raise KehoachError("source-not-found", path=str(source))
    if target.exists() and not force:
        raise KehoachError("target-exists", path=str(target))
    doc = appendix_reader.read(source)
    text = (
        source.read_text(encoding="utf-8-sig", errors="replace")
        if source.suffix.lower() in {".md", ".txt", ".markdown", ".tsv"}
        else doc.title
    )
    values = {**stated_settings(doc, text), **(settings or {})}
    rows = [(key, values.get(key, ""), meaning) for key, meaning in SETTING_KEYS.items()]
    write_task_matrix(target, doc, registry_rows, rows)
    registry = registry_from_rows(registry_rows)
    unresolved = [
        (task.number, column, words)
        for task in doc.tasks
        for column, cell in (("Đơn vị chủ trì", task.lead), ("Đơn vị phối hợp", task.coord))
        for words in registry.resolve(cell).leftovers
    ]
    return ImportReport(
        target=target,
        groups=len(doc.groups),
        tasks=len(doc.tasks),
        continuations=doc.continuations,
        unresolved=unresolved,
        settings_missing=[k for k in SETTING_KEYS if not values.get(k)],
    )
