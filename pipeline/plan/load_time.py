"""The plan over time, read from the task matrix: the sheet `Kỳ báo cáo`, successors in
`Đơn vị`, and the check that every task covers somebody in every period."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from pipeline.contracts.matrix import (
    AGENCY_SHEET,
    AGENCY_SUCCESSORS,
    PERIOD_CUTOFF,
    PERIOD_DATES,
    PERIOD_DEADLINE,
    PERIOD_END,
    PERIOD_NAME,
    PERIOD_SHEET,
    PERIOD_VERSION,
    SETTINGS_SHEET,
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
        version = _text(record.get(PERIOD_VERSION))  # empty: `Cấu hình`'s (settle_schedule)
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


# `Cấu hình` keys that the sheet `Kỳ báo cáo` gives per period: key -> (column, the period's value)
_PER_PERIOD: tuple[tuple[str, str, Callable[[Period], str]], ...] = (
    ("han_nop", PERIOD_DEADLINE, lambda p: f"{p.deadline:%d/%m/%Y}"),
    ("ngay_chot_so_lieu", PERIOD_CUTOFF, lambda p: f"{p.cutoff:%d/%m/%Y}"),
    ("phien_ban_bieu_mau", PERIOD_VERSION, lambda p: p.form_version),
)


def settle_schedule(
    names: tuple[str, ...],
    schedule: tuple[Period, ...],
    values: dict[str, Any],
    where: dict[str, str],
    out: _Collector,
) -> tuple[Period, ...]:
    """The sheet's periods once `Cấu hình` is weighed against them.

    `Cấu hình` describes the first period (`han_nop`, `ngay_chot_so_lieu` "của kỳ đầu") and
    the form version. With the sheet, each period's values live on it; a `Cấu hình` value that
    disagrees with the first period's was ignored without a word (an officer moved the deadline
    there and the forms kept the old one), so it is an error naming both values. A period whose
    `Phiên bản biểu mẫu` is empty takes `phien_ban_bieu_mau` (1 when neither gives one): raising
    it in `Cấu hình`, as the guide says, works while the sheet gives no version.
    `values` are `Cấu hình`'s raw values by folded key; a date that does not parse was reported."""
    given = {key: _text(values.get(key)) for key, _, _ in _PER_PERIOD}
    for key in ("han_nop", "ngay_chot_so_lieu"):
        parsed = _parse_date(values.get(key))
        given[key] = f"{parsed:%d/%m/%Y}" if parsed else ""
    _each_named_period_on_the_sheet(names, schedule, where.get("ky_bao_cao"), out)
    if not schedule:  # an unusable sheet was reported already
        return schedule
    version = given.get("phien_ban_bieu_mau") or "1"
    schedule = tuple(replace(p, form_version=p.form_version or version) for p in schedule)
    first = min(schedule, key=lambda p: p.start)
    for key, column, value_of in _PER_PERIOD:
        value, on_sheet = given.get(key, ""), value_of(first)
        if value and value != on_sheet:
            out.add(
                "setting-disagrees-with-period-sheet",
                sheet=SETTINGS_SHEET,
                cell=where.get(key),
                key=key,
                value=value,
                column=column,
                period=first.name,
                on_sheet=on_sheet,
            )
    return schedule


def _each_named_period_on_the_sheet(
    names: tuple[str, ...], schedule: tuple[Period, ...], cell: str | None, out: _Collector
) -> None:
    """With a `Kỳ báo cáo` sheet its rows are the periods: one named in `ky_bao_cao` but left off
    the sheet (an officer adding only the new year) would vanish without a word."""
    on_sheet = {p.name for p in schedule}
    for name in names:
        if name not in on_sheet:
            out.add("period-not-on-sheet", sheet=SETTINGS_SHEET, cell=cell, period=name)
