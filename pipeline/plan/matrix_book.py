"""Write the task matrix workbook (Contract 1): the plan as the officer keeps it in Excel."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.contracts.matrix import (
    AGENCIES,
    EXTRA_WIDTH,
    PHRASES,
    SETTINGS,
    TASK_SOURCE_NUMBER,
    TASKS,
    Header,
)
from pipeline.core.files import atomic_path
from pipeline.core.xlsx_style import formats, new_workbook
from pipeline.plan.appendix import Appendix, AppendixGroup, AppendixTask


@dataclass(frozen=True)
class RegistryRows:
    """The agency and phrase sheets as rows of text, carried from one plan to the next."""

    agencies: Sequence[Sequence[str | int]]
    phrases: Sequence[Sequence[str]]


def write_task_matrix(
    target: Path,
    appendix: Appendix,
    registry: RegistryRows,
    settings: Sequence[tuple[str, object, str]],
) -> None:
    with atomic_path(target) as temporary:
        workbook = new_workbook(str(temporary))
        style = formats(workbook)
        _write_tasks(workbook, style, appendix)
        _write_rows(workbook, style, AGENCIES.name, AGENCIES.written, registry.agencies)
        _write_rows(workbook, style, PHRASES.name, PHRASES.written, registry.phrases)
        _write_rows(workbook, style, SETTINGS.name, SETTINGS.written, settings)
        workbook.close()


def _write_tasks(workbook: Any, style: dict[str, Any], appendix: Appendix) -> None:
    """The appendix as printed: a row per group, then its tasks; extra columns at the right.

    Extra columns (`Sản phẩm`, `Kinh phí`, the printed numbers `TT gốc` …) sit after the five
    Contract 1 columns; `load_plan` reads columns by header, so they never disturb it, and
    `reference_columns.read_reference_columns` gives them to whoever shows them (the forms).
    """
    sheet = workbook.add_worksheet(TASKS.name)
    extras = appendix.extra_headers
    headers = (*TASKS.written, *(Header(h, required=False, width=EXTRA_WIDTH) for h in extras))
    _write_headers(sheet, style, headers)
    row = 1
    for group in appendix.groups:
        values = (group.numeral, group.title, "", "", "", *_extras(group, extras))
        for col, value in enumerate(values):
            sheet.write_string(row, col, value, style["bold"])
        row += 1
        for task in (t for t in appendix.tasks if t.group == group.numeral):
            values = (
                task.number,
                task.content,
                task.lead,
                task.coord,
                task.timeline,
                *_extras(task, extras),
            )
            for col, value in enumerate(values):
                sheet.write_string(row, col, value, style["center"] if col == 0 else style["cell"])
            row += 1
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, row - 1, len(headers) - 1)


def _extras(entry: AppendixGroup | AppendixTask, headers: Sequence[str]) -> list[str]:
    return [
        entry.source_number if h == TASK_SOURCE_NUMBER else entry.extras.get(h, "") for h in headers
    ]


def _write_rows(
    workbook: Any,
    style: dict[str, Any],
    name: str,
    headers: Sequence[Header],
    rows: Sequence[Sequence[object]],
) -> None:
    sheet = workbook.add_worksheet(name)
    _write_headers(sheet, style, headers)
    for r, values in enumerate(rows, start=1):
        for col, value in enumerate(values):
            if hasattr(value, "year"):
                sheet.write_datetime(r, col, value, style["date"])
            elif isinstance(value, int | float):
                sheet.write_number(r, col, value, style["number"])
            else:
                sheet.write_string(r, col, str(value), style["cell"])
    sheet.freeze_panes(1, 0)
    if rows:
        sheet.autofilter(0, 0, len(rows), len(headers) - 1)


def _write_headers(sheet: Any, style: dict[str, Any], headers: Sequence[Header]) -> None:
    for col, header in enumerate(headers):
        sheet.write_string(0, col, header.name, style["header"])
        sheet.set_column(col, col, header.width)
