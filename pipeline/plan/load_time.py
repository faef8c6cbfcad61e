"""The plan over time, read from the task matrix: the sheet `Kỳ báo cáo`, successors in
`Đơn vị`, and the check that every task covers somebody in every period."""

from __future__ import annotations

from datetime import date
from typing import Any

from pipeline.contracts.matrix import (
    AGENCY_SHEET,
    AGENCY_SUCCESSORS,
    PERIOD_DATES,
    PERIOD_END,
    PERIOD_NAME,
    PERIOD_SHEET,
    PERIOD_VERSION,
    TASK_SHEET,
    TASKS,
)
from pipeline.plan.model import Plan
from pipeline.plan.periods import Period
from pipeline.plan.registry import Agency
from pipeline.plan.sheet_values import Collector as _Collector
from pipeline.plan.sheet_values import cell as _cell
from pipeline.plan.sheet_values import parse_date as _parse_date
from pipeline.plan.sheet_values import text as _text


def check_every_period(plan: Plan, out: _Collector) -> None:
    """A task or a phrase that covers nobody in some period is an error naming all three."""
    for period in plan.settings.periods:
        for task, header, words in plan.for_period(period).gaps:
            out.add(
                "period-cell-covers-nobody",
                sheet=TASK_SHEET,
                cell=_cell(TASKS.names.index(header), task.row),
                period=period,
                task=task.number,
                words=words,
            )


def read_periods(rows: list[tuple[int, dict[str, Any]]], out: _Collector) -> tuple[Period, ...]:
    """Sheet `Kỳ báo cáo`: every period with all its dates, or a problem naming the cell."""
    periods: list[Period] = []
    seen: dict[str, int] = {}
    for number, record in rows:
        cols = record["__cols__"]
        name = _text(record.get(PERIOD_NAME))
        if not name:
            out.add(
                "period-name-missing", sheet=PERIOD_SHEET, cell=_cell(cols[PERIOD_NAME], number)
            )
            continue
        if name in seen:
            out.add(
                "period-duplicate",
                sheet=PERIOD_SHEET,
                cell=_cell(cols[PERIOD_NAME], number),
                period=name,
                first=seen[name],
            )
            continue
        seen[name] = number
        days: dict[str, date] = {}
        for header in PERIOD_DATES:
            parsed = _parse_date(record.get(header))
            if parsed is None:
                key = "period-date-missing" if not _text(record.get(header)) else "period-not-date"
                out.add(
                    key,
                    sheet=PERIOD_SHEET,
                    cell=_cell(cols[header], number),
                    period=name,
                    column=header,
                    value=_text(record.get(header)),
                )
            else:
                days[header] = parsed
        if len(days) < 4:
            continue
        start, end, deadline, cutoff = (days[h] for h in PERIOD_DATES)
        if end < start:
            out.add(
                "period-ends-before-start",
                sheet=PERIOD_SHEET,
                cell=_cell(cols[PERIOD_END], number),
                period=name,
            )
        version = _text(record.get(PERIOD_VERSION)) or "1"
        periods.append(Period(name, start, end, deadline, cutoff, version))
    if not periods and not out.problems:
        out.add("period-sheet-empty", sheet=PERIOD_SHEET)
    return tuple(periods)


def check_successors(
    agencies: list[Agency], rows: list[tuple[int, dict[str, Any]]], out: _Collector
) -> None:
    codes = {a.code for a in agencies}
    for agency, (number, record) in zip(agencies, rows, strict=True):
        unknown = [c for c in agency.successors if c not in codes]
        if unknown and AGENCY_SUCCESSORS in record["__cols__"]:
            out.add(
                "agency-successor-unknown",
                sheet=AGENCY_SHEET,
                cell=_cell(record["__cols__"][AGENCY_SUCCESSORS], number),
                codes=", ".join(unknown),
            )
