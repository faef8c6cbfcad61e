"""`Tổng quan`: the executive page, one A4 portrait page at 10 points or more.

What a leader asks first, in order: how many agencies reported (on time, late, rejected,
missing: categories that add up to the agencies expected, the late, rejected and missing ones
by name), how the tasks stand, which tasks are overdue and who leads them, each group's
tasks as bars labelled with the group's title, and the change since the previous period.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from pipeline.contracts.form import DONE, IN_PROGRESS, NOT_REPORTED, NOT_STARTED
from pipeline.contracts.workbook import DUE, GROUP_TITLE, GROUPS, OVERALL, TASK
from pipeline.core.catalog import t
from pipeline.core.xlsx_style import FONT
from pipeline.plan.model import Plan
from pipeline.rollup.consolidate import Consolidation
from pipeline.rollup.headline import (
    LATE_COUNTED,
    NOT_SUBMITTED,
    ON_TIME_COUNTED,
    REJECTED_RETURN,
    SUBMISSION_ORDER,
    overdue_tasks,
    submission,
)
from pipeline.rollup.history import PreviousPeriod as PreviousPeriod  # the writer takes it

WIDTHS = (35, 11, 8, 30)  # fits A4 portrait at 100 % (see xlsx_style.printed_scale)
NAMES_SHOWN = 12  # agencies named in one cell; the rest are counted
CHART_DATA_COL = 6  # chart figures live right of the print area
BODY_PT = 11


def short_title(text: str, limit: int = 70) -> str:
    """A task's or group's first words, cut at a word, for a table or a chart label."""
    text = " ".join(text.lstrip("-–• ").split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "…"


def _names(plan: Plan, codes: list[str]) -> str:
    agencies = plan.registry.agencies
    shown = [agencies[c].short if c in agencies else c for c in codes[:NAMES_SHOWN]]
    text = ", ".join(shown)
    if len(codes) > NAMES_SHOWN:
        text += " " + t("wb-and-more", n=len(codes) - NAMES_SHOWN)
    return text


def _leads(plan: Plan, task_number: str) -> str:
    task = next(x for x in plan.tasks if x.number == task_number)
    return (
        _names(plan, list(task.leads))
        if len(task.leads) <= 3
        else t(
            "wb-leads-many",
            first=_names(plan, list(task.leads[:2])),
            n=len(task.leads) - 2,
        )
    )


def _rate(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


class _Page:
    def __init__(self, workbook: Any, sheet: Any) -> None:
        self.sheet = sheet
        base = {"font_name": FONT, "font_size": BODY_PT, "valign": "top", "text_wrap": True}
        cell = {**base, "border": 1}
        self.f = {
            "title": workbook.add_format(
                {**base, "bold": True, "font_size": 14, "align": "center"}
            ),
            "subtitle": workbook.add_format({**base, "italic": True, "align": "center"}),
            "section": workbook.add_format({**base, "bold": True, "font_size": 12}),
            "header": workbook.add_format(
                {**cell, "bold": True, "align": "center", "bg_color": "#D9E1F2"}
            ),
            "cell": workbook.add_format(cell),
            "bold": workbook.add_format({**cell, "bold": True}),
            "number": workbook.add_format({**cell, "align": "right", "num_format": "0"}),
            "percent": workbook.add_format({**cell, "align": "right", "num_format": "0%"}),
            "date": workbook.add_format({**cell, "align": "center", "num_format": "dd/mm/yyyy"}),
            "rates": workbook.add_format({**base, "bold": True}),
            "plain": workbook.add_format(base),
        }
        self.row = 0

    def gap(self) -> None:
        """A thin empty row between sections: the page has no height to spare."""
        self.sheet.set_row(self.row, 7)
        self.row += 1

    def line(self, text: str, style: str, height: float | None = None) -> None:
        self.sheet.merge_range(self.row, 0, self.row, len(WIDTHS) - 1, text, self.f[style])
        if height:
            self.sheet.set_row(self.row, height)
        self.row += 1

    def cells(self, values: list[Any], styles: list[str], lines: int = 1) -> None:
        for col, (value, style) in enumerate(zip(values, styles, strict=True)):
            if value is None:
                self.sheet.write_blank(self.row, col, None, self.f[style])
            elif isinstance(value, str):
                self.sheet.write_string(self.row, col, value, self.f[style])
            elif isinstance(value, date):
                self.sheet.write_datetime(self.row, col, value, self.f[style])
            else:
                self.sheet.write_number(self.row, col, value, self.f[style])
        if lines > 1:
            self.sheet.set_row(self.row, 14.5 * lines + 2)
        self.row += 1


def _lines(text: str, width: float) -> int:
    """How many lines `text` takes in a column `width` characters wide at 11 points."""
    per_line = max(width * 1.15, 4)
    return max(1, -(-len(text) // int(per_line)))


def write_overview(
    workbook: Any,
    sheet: Any,
    plan: Plan,
    result: Consolidation,
    period: str,
    previous: PreviousPeriod | None = None,
) -> int:
    """Write the page; returns its last row (for the print area)."""
    page = _Page(workbook, sheet)
    for col, width in enumerate(WIDTHS):
        sheet.set_column(col, col, width)
    s = plan.settings
    page.line(t("wb-overview-title", period=period), "title", 20)
    page.line(s.short_title, "subtitle", 14.5 * _lines(s.short_title, sum(WIDTHS)) + 2)
    dates = t(
        "wb-overview-dates",
        deadline=f"{result.deadline:%d/%m/%Y}",
        as_of=f"{result.as_of:%d/%m/%Y}",
        receiver=s.receiver,
    )
    page.line(dates, "subtitle")
    sub = submission(result.agencies)
    expected = sub.expected
    tasks = result.tasks
    done = int((tasks[OVERALL] == DONE).sum())
    on_time = len(sub.categories[ON_TIME_COUNTED])
    page.gap()
    page.line(
        t(
            "wb-rates",
            counted=sub.counted,
            expected=expected,
            counted_rate=f"{_rate(sub.counted, expected):.0%}",
            on_time=on_time,
            on_time_rate=f"{_rate(on_time, expected):.0%}",
            done=done,
            tasks=len(tasks),
            done_rate=f"{_rate(done, len(tasks)):.0%}",
        ),
        "rates",
        14.5 * 2 + 2,
    )
    _submission_table(page, plan, sub, expected)
    _task_table(page, tasks)
    _overdue_table(page, plan, tasks)
    _group_chart(workbook, page, plan, result.groups)
    if previous is not None:
        _change(page, previous, sub.counted, on_time, expected, done, len(tasks), tasks)
    return page.row - 1


def _submission_table(page: _Page, plan: Plan, sub: Any, expected: int) -> None:
    page.gap()
    page.line(t("wb-section-submission"), "section")
    page.cells(
        [t("wb-col-category"), t("wb-col-agencies"), t("wb-col-rate"), t("wb-col-names")],
        ["header"] * 4,
    )
    labels = {
        ON_TIME_COUNTED: t("wb-cat-on-time"),
        LATE_COUNTED: t("wb-cat-late"),
        REJECTED_RETURN: t("wb-cat-rejected"),
        NOT_SUBMITTED: t("wb-cat-missing"),
    }
    for name in SUBMISSION_ORDER:
        codes = sub.categories[name]
        names = "" if name == ON_TIME_COUNTED else _names(plan, codes)
        page.cells(
            [labels[name], len(codes), _rate(len(codes), expected), names or None],
            ["cell", "number", "percent", "cell"],
            _lines(names, WIDTHS[3]),
        )
    page.cells(
        [t("wb-cat-total"), expected, 1.0 if expected else 0.0, None],
        ["bold", "number", "percent", "cell"],
    )
    if sub.in_part:
        names = _names(plan, sub.in_part)
        page.cells(
            [t("wb-cat-in-part"), len(sub.in_part), None, names],
            ["cell", "number", "cell", "cell"],
            _lines(names, WIDTHS[3]),
        )


def _task_table(page: _Page, tasks: pd.DataFrame) -> None:
    page.gap()
    page.line(t("wb-section-tasks"), "section")
    page.cells(
        [t("wb-col-status"), t("wb-col-tasks"), t("wb-col-rate"), t("wb-col-task-numbers")],
        ["header"] * 4,
    )
    total = len(tasks)
    for status in (DONE, IN_PROGRESS, NOT_STARTED, NOT_REPORTED):
        numbers = [str(n) for n in tasks.loc[tasks[OVERALL] == status, TASK].tolist()]
        page.cells(
            [status, len(numbers), _rate(len(numbers), total), ", ".join(numbers) or None],
            ["cell", "number", "percent", "cell"],
        )
    page.cells(
        [t("wb-cat-total"), total, 1.0 if total else 0.0, None],
        ["bold", "number", "percent", "cell"],
    )


def _overdue_table(page: _Page, plan: Plan, tasks: pd.DataFrame) -> None:
    numbers = overdue_tasks(tasks)
    page.gap()
    page.line(t("wb-section-overdue", n=len(numbers)), "section")
    if not numbers:
        page.line(t("wb-none"), "plain")
        return
    sheet, f = page.sheet, page.f
    sheet.write_string(page.row, 0, t("wb-col-task"), f["header"])
    sheet.write_string(page.row, 1, t("wb-col-due"), f["header"])
    sheet.merge_range(page.row, 2, page.row, 3, t("wb-col-leads"), f["header"])
    page.row += 1
    by_number = {x.number: x for x in plan.tasks}
    due_by_number = dict(zip(tasks[TASK].tolist(), tasks[DUE].tolist(), strict=True))
    for number in numbers:
        title = f"{number}. {short_title(by_number[number].content, 60)}"
        leads = _leads(plan, number)
        due = due_by_number.get(number)
        sheet.write_string(page.row, 0, title, f["cell"])
        if isinstance(due, date):
            sheet.write_datetime(page.row, 1, due, f["date"])
        else:
            sheet.write_blank(page.row, 1, None, f["date"])
        sheet.merge_range(page.row, 2, page.row, 3, leads, f["cell"])
        lines = max(_lines(title, WIDTHS[0]), _lines(leads, WIDTHS[2] + WIDTHS[3]))
        sheet.set_row(page.row, 14.5 * lines + 2)
        page.row += 1


def _group_chart(workbook: Any, page: _Page, plan: Plan, groups: pd.DataFrame) -> None:
    """Stacked bars per group, labelled with the group's title; figures beside the page."""
    page.gap()
    page.line(t("wb-chart-groups"), "section")
    sheet = page.sheet
    statuses = (DONE, IN_PROGRESS, NOT_STARTED, NOT_REPORTED)
    top = page.row
    col = CHART_DATA_COL
    sheet.write_string(top, col, GROUP_TITLE)
    for offset, status in enumerate(statuses, start=1):
        sheet.write_string(top, col + offset, status)
    titles = {g.numeral: g.title for g in plan.groups}
    records = groups.to_dict("records")
    for index, record in enumerate(records, start=1):
        numeral = str(record[GROUPS.columns[0].name])
        label = f"{numeral}. {short_title(titles.get(numeral, ''), 34)}"
        sheet.write_string(top + index, col, label)
        for offset, status in enumerate(statuses, start=1):
            sheet.write_number(top + index, col + offset, int(record[status]))
    chart = workbook.add_chart({"type": "bar", "subtype": "stacked"})
    patterns = ("percent_90", "percent_25", "wide_upward_diagonal", "light_vertical")
    colours = ("#2E7D32", "#F9A825", "#C62828", "#9E9E9E")
    font = {"name": FONT, "size": 11}
    last = top + max(len(records), 1)
    for offset in range(1, len(statuses) + 1):
        chart.add_series(
            {
                "name": [sheet.get_name(), top, col + offset],
                "categories": [sheet.get_name(), top + 1, col, last, col],
                "values": [sheet.get_name(), top + 1, col + offset, last, col + offset],
                "pattern": {
                    "pattern": patterns[offset - 1],
                    "fg_color": colours[offset - 1],
                    "bg_color": "#FFFFFF",
                },
                "border": {"color": "#000000"},
            }
        )
    chart.set_title({"none": True})
    chart.set_x_axis({"num_font": font, "major_unit": 1})
    chart.set_y_axis({"reverse": True, "num_font": font})
    chart.set_legend({"position": "bottom", "font": font})
    height = 40 + 22 * max(len(records), 1) + 30
    chart.set_size({"width": sum(w * 7 + 5 for w in WIDTHS), "height": height})
    sheet.insert_chart(page.row, 0, chart, {"object_position": 3})
    rows = -(-height // 20)
    page.row += int(rows)


def _change(
    page: _Page,
    previous: PreviousPeriod,
    counted: int,
    on_time: int,
    expected: int,
    done: int,
    tasks: int,
    frame: pd.DataFrame,
) -> None:
    page.gap()
    page.line(t("wb-section-change", period=previous.period), "section")
    page.cells(
        [t("wb-col-figure"), t("wb-col-before"), t("wb-col-now"), t("wb-col-change")],
        ["header"] * 4,
    )
    overdue = len(overdue_tasks(frame))
    for label, before, now in (
        (t("wb-change-counted"), (previous.counted, previous.expected), (counted, expected)),
        (t("wb-change-on-time"), (previous.on_time, previous.expected), (on_time, expected)),
        (t("wb-change-done"), (previous.done, previous.tasks), (done, tasks)),
        (t("wb-change-overdue"), (previous.overdue, previous.tasks), (overdue, tasks)),
    ):
        delta = now[0] - before[0]
        page.cells(
            [label, f"{before[0]}/{before[1]}", f"{now[0]}/{now[1]}", f"{delta:+d}"],
            ["cell", "cell", "cell", "cell"],
        )
