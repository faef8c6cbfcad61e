"""The leadership workbook (Contract 4), written with xlsxwriter."""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.contracts.form import DONE, EXCEL_TEXT_LIMIT, IN_PROGRESS, NOT_REPORTED, NOT_STARTED
from pipeline.core.catalog import t
from pipeline.core.files import atomic_path
from pipeline.core.xlsx_style import ONE_LINE, formats, new_workbook, print_landscape, row_heights
from pipeline.intake.sheet_data import Splice, splice_into
from pipeline.plan.model import Plan
from pipeline.rollup.consolidate import NO, YES, Consolidation

MAX_AGENCY_SHEETS = 60
SPLICE_FROM = 2000  # rows; smaller tables are written cell by cell
# What a leader reads per group; dates, funds, notes and file names stay on `Chi tiết`.
GROUP_COLUMNS = [
    "Mã đơn vị",
    "Tên đơn vị",
    "TT",
    "Vai trò",
    "Tình trạng",
    "Tiến độ (%)",
    "Kết quả thực hiện",
    "Khó khăn, vướng mắc",
    "Đề xuất, kiến nghị",
]
CENTERED = {
    "TT",
    "Nhóm",
    "Tình trạng chung",
    "Tình trạng",
    "Kết quả",
    "Quá hạn",
    "Đúng hạn",
    "Mức độ",
    "Đã nộp",
    "Đã báo cáo",
    "Vai trò",
    "Mã kết quả",
}
TITLE_FONT = {"name": "Times New Roman", "size": 12}
CUT_MARK = " …[đã cắt bớt]"
WIDE = {
    "Nội dung",
    "Kết quả (chủ trì)",
    "Kết quả (phối hợp)",
    "Khó khăn, vướng mắc",
    "Đề xuất, kiến nghị",
    "Kết quả thực hiện",
    "Lý do",
    "Nội dung nhiệm vụ",
    "Tên nhóm",
}
# File paths and links: for the screen. Trailing columns of these are left off the printout.
SCREEN_ONLY = {"Tệp", "Trang riêng", "Phản hồi"}
STATUS_COLUMNS = {"Tình trạng chung", "Tình trạng", "Kết quả", "Quá hạn", "Đúng hạn", "Mức độ"}
_FILLS = {
    DONE: "#C6EFCE",
    IN_PROGRESS: "#FFEB9C",
    NOT_STARTED: "#F4CCCC",
    NOT_REPORTED: "#D9D9D9",
    "Chưa nộp": "#D9D9D9",
    "Từ chối": "#F4CCCC",
    "Lỗi": "#F4CCCC",
    "Cảnh báo": "#FFEB9C",
}


def sheet_name(text: str, used: set[str]) -> str:
    """An Excel sheet name: no []:*?/\\, at most 31 characters, unique (case-insensitive)."""
    base = re.sub(r"[\[\]:*?/\\']", "", text).strip()[:31] or "Trang"
    name, n = base, 2
    while name.lower() in used:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name.lower())
    return name


class _Writer:
    def __init__(self, workbook: Any) -> None:
        self.workbook = workbook
        self.style = formats(workbook)
        self.cut: list[str] = []
        self.status_formats = {
            value: workbook.add_format({"bg_color": fill, "bold": value in (NOT_STARTED,)})
            for value, fill in _FILLS.items()
        }
        self.flag = workbook.add_format({"bold": True, "bg_color": "#F4CCCC"})
        self.border = workbook.add_format({"border": 1})
        self.splices: list[Splice] = []

    def column_formats(self, name: str) -> tuple[Any, Any, Any, Any]:
        """The formats of a column's text, numbers, dates and times."""
        style = self.style
        text = style["plain_center"] if name in CENTERED else style["plain"]
        number = style["plain_percent"] if name.startswith("Tỷ lệ") else style["plain_number"]
        return text, number, style["plain_date"], style["plain_datetime"]

    def column(self, sheet: Any, first: int, col: int, name: str, values: list[Any]) -> None:
        """One column, cell by cell; blanks are not written at all (the border is drawn once).

        write_string everywhere: agency text such as "=1+1" or "@SUM(…)" stays literal text.
        """
        text_fmt, number_fmt, date_fmt, datetime_fmt = self.column_formats(name)
        for row, value in enumerate(values, start=first):
            kind = type(value)
            if kind is str:
                if value:
                    sheet.write_string(row, col, value, text_fmt)
            elif value is None or value is pd.NaT or (kind is float and math.isnan(value)):
                continue
            elif kind is bool:
                sheet.write_string(row, col, YES if value else NO, text_fmt)
            elif isinstance(value, int | float):
                sheet.write_number(row, col, value, number_fmt)
            elif isinstance(value, datetime):  # pandas Timestamps are datetimes too
                sheet.write_datetime(row, col, value.replace(tzinfo=None), datetime_fmt)
            elif isinstance(value, date):
                sheet.write_datetime(row, col, value, date_fmt)
            else:
                sheet.write_string(row, col, str(value), text_fmt)

    def table(self, sheet: Any, frame: pd.DataFrame, top: int = 0, fast: bool = False) -> int:
        """The frame as a filtered, frozen, printable table; returns the last row used.

        `fast`: the sheet holds nothing but this table, so a large one may be spliced in.
        """
        columns = list(frame.columns)
        values = [self.cut_long(sheet, top + 1, frame[name].tolist()) for name in columns]
        widths = [_width(name, column) for name, column in zip(columns, values, strict=True)]
        heights = row_heights(values, widths, len(frame))
        for col, name in enumerate(columns):
            sheet.write_string(top, col, name, self.style["header"])
            sheet.set_column(col, col, widths[col])
        sheet.set_row(top, _header_height(columns, widths))
        if fast and len(frame) >= SPLICE_FROM:
            self.splices.append(
                Splice(
                    part=f"xl/worksheets/sheet{sheet.index + 1}.xml",
                    first_row=top + 2,
                    columns=values,
                    styles=[
                        tuple(f._get_xf_index() for f in self.column_formats(name))
                        for name in columns
                    ],
                    heights=[h if h > ONE_LINE else 0 for h in heights],
                )
            )
        else:
            for col, name in enumerate(columns):
                self.column(sheet, top + 1, col, name, values[col])
            for offset, height in enumerate(heights):
                if height > ONE_LINE:
                    sheet.set_row(top + 1 + offset, height)
        last = top + max(len(frame), 1)
        if len(frame) and columns:  # one rule draws every cell's border, written or blank
            sheet.conditional_format(
                top + 1,
                0,
                last,
                len(columns) - 1,
                {"type": "formula", "criteria": "TRUE", "format": self.border},
            )
        sheet.freeze_panes(top + 1, 0)
        sheet.autofilter(top, 0, last, max(len(columns) - 1, 0))
        print_landscape(sheet, top)
        printed = _printed_columns(columns)
        if 0 < printed < len(columns):
            sheet.print_area(0, 0, last, printed - 1)
        for col, name in enumerate(columns):
            if name in STATUS_COLUMNS and len(frame):
                self.highlight(sheet, top + 1, col, top + len(frame), set(values[col]))
        return last

    def cut_long(self, sheet: Any, first: int, values: list[Any]) -> list[Any]:
        """Texts over Excel's cell limit end in a visible marker, and the cell is noted."""
        for row, value in enumerate(values, start=first):
            if type(value) is str and len(value) > EXCEL_TEXT_LIMIT:
                values[row - first] = value[: EXCEL_TEXT_LIMIT - len(CUT_MARK)] + CUT_MARK
                self.cut.append(f"{sheet.get_name()}!{row + 1}")
        return values

    def highlight(self, sheet: Any, first: int, col: int, last: int, present: set[Any]) -> None:
        """Shade status words; only the words the column holds get a rule."""
        rules = [*self.status_formats.items(), (YES, self.flag)]
        for value, fmt in rules:
            if value in present:
                sheet.conditional_format(
                    first,
                    col,
                    last,
                    col,
                    {"type": "cell", "criteria": "==", "value": f'"{value}"', "format": fmt},
                )


def _width(name: str, column: list[Any]) -> float:
    """Room for the values; headers wrap, so they ask for half their length or their
    longest word: the table must fit an A4 page wide at a size people can read."""
    if name in WIDE:
        return 50
    sample = [_shown_length(v) for v in column[:200] if v is not None]
    header = max([len(name) / 2, *(len(word) + 1 for word in name.split())])
    return float(min(max([header, 6, *sample]) + 2, 40))


def _shown_length(value: Any) -> int:
    """About how many characters a cell shows: numbers are shown rounded (0.3333 as 33%)."""
    if isinstance(value, float):
        return len(f"{value:,.2f}")
    return len(str(value))


def _header_height(columns: list[str], widths: list[float]) -> float:
    """The header row's height for its most wrapped name (bold, word by word)."""
    lines = 1
    for name, width in zip(columns, widths, strict=True):
        room, count, used = width, 1, 0
        for word in name.split():
            if used and used + 1 + len(word) > room:
                count, used = count + 1, len(word)
            else:
                used += len(word) + (1 if used else 0)
        lines = max(lines, count)
    return ONE_LINE * lines + 4


def _printed_columns(columns: list[str]) -> int:
    """How many columns go on paper: all but the trailing screen-only ones."""
    printed = len(columns)
    while printed and columns[printed - 1] in SCREEN_ONLY:
        printed -= 1
    return printed


def write_report(
    target: Path,
    plan: Plan,
    result: Consolidation,
    period: str,
    feedback_links: dict[str, str],
) -> list[str]:
    """Write the workbook atomically; returns the cells whose text had to be cut."""
    with atomic_path(target) as temporary:
        workbook = new_workbook(str(temporary))
        writer = _Writer(workbook)
        used: set[str] = set()
        overview = workbook.add_worksheet(sheet_name("Tổng quan", used))
        names = {}
        for title in ("Theo nhóm", "Theo nhiệm vụ", "Theo đơn vị"):
            names[title] = workbook.add_worksheet(sheet_name(title, used))
        writer.table(names["Theo nhóm"], result.groups)
        writer.table(names["Theo nhiệm vụ"], result.tasks)
        group_sheets = _group_sheets(workbook, writer, plan, result, used)
        agency_sheets = _agency_sheets(workbook, writer, plan, result, used)
        _agency_summary(names["Theo đơn vị"], writer, result, agency_sheets, feedback_links)
        for title, frame in (
            ("Chi tiết", result.detail),
            ("Kiểm tra", result.checks),
            ("Nhật ký", result.log),
        ):
            writer.table(workbook.add_worksheet(sheet_name(title, used)), frame, fast=True)
        _overview(overview, writer, plan, result, period, group_sheets)
        workbook.close()
        splice_into(temporary, writer.splices)
    return writer.cut


def _group_sheets(
    workbook: Any, writer: _Writer, plan: Plan, result: Consolidation, used: set[str]
) -> list[str]:
    created = []
    by_group = _split(result.detail, "Nhóm")
    empty = result.detail.iloc[:0]
    for group in plan.groups:
        name = sheet_name(f"Nhóm {group.numeral}", used)
        sheet = workbook.add_worksheet(name)
        sheet.write_string(0, 0, f"Nhóm {group.numeral}. {group.title}", writer.style["title"])
        writer.table(sheet, by_group.get(group.numeral, empty)[GROUP_COLUMNS], top=2, fast=True)
        created.append(name)
    return created


def _agency_sheets(
    workbook: Any, writer: _Writer, plan: Plan, result: Consolidation, used: set[str]
) -> dict[str, str]:
    if len(result.agencies) > MAX_AGENCY_SHEETS:
        return {}
    sheets: dict[str, str] = {}
    by_agency = _split(result.detail, "Mã đơn vị")
    empty = result.detail.iloc[:0]
    for record in result.agencies.to_dict("records"):
        code = str(record["Mã đơn vị"])
        agency = plan.registry.agencies[code]
        name = sheet_name(agency.short, used)
        sheet = workbook.add_worksheet(name)
        sheet.write_string(0, 0, agency.name, writer.style["title"])
        status = t(
            "wb-agency-status",
            submitted=record["Đã nộp"],
            on_time=record["Đúng hạn"] or "—",
            outcome=record["Kết quả"],
            errors=record["Số lỗi"],
            warnings=record["Số cảnh báo"],
        )
        sheet.write_string(1, 0, status, writer.style["italic"])
        sheet.write_url(
            1, 8, "internal:'Theo đơn vị'!A1", writer.style["link"], t("wb-back-to-agencies")
        )
        rows = by_agency.get(code, empty).drop(columns=["Mã đơn vị", "Tên đơn vị"])
        writer.table(sheet, rows, top=3)
        sheets[code] = name
    return sheets


def _split(frame: pd.DataFrame, key: str) -> dict[Any, pd.DataFrame]:
    """The frame's rows by the value of one column, in their order, in one pass."""
    return {value: rows for value, rows in frame.groupby(key, sort=False, dropna=False)}


def _agency_summary(
    sheet: Any,
    writer: _Writer,
    result: Consolidation,
    agency_sheets: dict[str, str],
    feedback: dict[str, str],
) -> None:
    frame = result.agencies.copy()
    frame["Trang riêng"] = ""
    frame["Phản hồi"] = ""
    last = writer.table(sheet, frame)
    page_col = len(frame.columns) - 2
    for row, code in enumerate(frame["Mã đơn vị"], start=1):
        if code in agency_sheets:
            sheet.write_url(
                row,
                page_col,
                f"internal:'{agency_sheets[code]}'!A1",
                writer.style["link"],
                t("wb-open"),
            )
        if code in feedback:
            sheet.write_url(
                row,
                page_col + 1,
                f"external:{feedback[code]}",
                writer.style["link"],
                t("wb-feedback-file"),
            )
    if not agency_sheets:
        sheet.write_string(
            last + 2, 0, t("wb-many-agencies", limit=MAX_AGENCY_SHEETS), writer.style["line"]
        )


def _overview(
    sheet: Any,
    writer: _Writer,
    plan: Plan,
    result: Consolidation,
    period: str,
    group_sheets: list[str],
) -> None:
    style = writer.style
    s = plan.settings
    sheet.set_column(0, 0, 44)
    sheet.set_column(1, 1, 14)
    sheet.set_column(2, 10, 12)
    sheet.write_string(0, 0, t("wb-overview-title", period=period), style["title"])
    sheet.write_string(1, 0, s.short_title, style["line"])
    sheet.write_string(
        2,
        0,
        t(
            "wb-overview-dates",
            deadline=f"{result.deadline:%d/%m/%Y}",
            as_of=f"{result.as_of:%d/%m/%Y}",
            receiver=s.receiver,
        ),
        style["line"],
    )
    h = result.headline
    figures = [
        (t("wb-agencies"), None),
        (t("wb-expected"), h["expected"]),
        (t("wb-submitted"), h["submitted"]),
        (t("wb-on-time"), h["on_time"]),
        (t("wb-late"), h["late"]),
        (t("wb-missing"), h["missing"]),
        (t("wb-rejected"), h["rejected"]),
        (t("wb-tasks"), None),
        (t("wb-task-total"), h["tasks"]),
        (DONE, h["done"]),
        (IN_PROGRESS, h["in_progress"]),
        (NOT_STARTED, h["not_started"]),
        (NOT_REPORTED, h["not_reported"]),
        (t("wb-overdue"), h["overdue"]),
    ]
    row = 4
    for label, value in figures:
        if value is None:
            sheet.write_string(row, 0, label, style["header"])
            sheet.write_string(row, 1, t("wb-count"), style["header"])
        else:
            sheet.write_string(row, 0, label, style["cell"])
            sheet.write_number(row, 1, value, style["number"])
        row += 1
    _charts(sheet, writer, len(plan.groups))
    row += 1
    missing = result.agencies[result.agencies["Đã nộp"] == NO]
    sheet.write_string(row, 0, t("wb-not-submitted", n=len(missing)), style["header"])
    sheet.write_string(row, 1, t("wb-code"), style["header"])
    for offset, record in enumerate(missing.to_dict("records"), start=1):
        sheet.write_string(row + offset, 0, str(record["Tên đơn vị"]), style["cell"])
        sheet.write_string(row + offset, 1, str(record["Mã đơn vị"]), style["cell"])
    if missing.empty:
        sheet.write_string(row + 1, 0, t("wb-none"), style["cell"])
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.activate()


def _charts(sheet: Any, writer: _Writer, groups: int) -> None:
    workbook = writer.workbook
    chart = workbook.add_chart({"type": "bar", "subtype": "stacked"})
    patterns = ("percent_90", "percent_25", "wide_upward_diagonal", "light_vertical")
    colours = ("#2E7D32", "#F9A825", "#C62828", "#9E9E9E")
    for index, column in enumerate((3, 4, 5, 6)):
        chart.add_series(
            {
                "name": ["Theo nhóm", 0, column],
                "categories": ["Theo nhóm", 1, 0, groups, 0],
                "values": ["Theo nhóm", 1, column, groups, column],
                "pattern": {
                    "pattern": patterns[index],
                    "fg_color": colours[index],
                    "bg_color": "#FFFFFF",
                },
                "border": {"color": "#000000"},
            }
        )
    chart.set_title({"name": t("wb-chart-groups"), "name_font": TITLE_FONT})
    chart.set_y_axis({"reverse": True})
    chart.set_legend({"position": "bottom", "font": {"name": "Times New Roman"}})
    chart.set_size({"width": 620, "height": 300})
    sheet.insert_chart(4, 3, chart)
    submit = workbook.add_chart({"type": "column"})
    submit.add_series(
        {
            "name": t("wb-chart-agencies"),
            "categories": ["Tổng quan", 7, 0, 10, 0],
            "values": ["Tổng quan", 7, 1, 10, 1],
            "pattern": {"pattern": "percent_50", "fg_color": "#1F4E79", "bg_color": "#FFFFFF"},
            "border": {"color": "#000000"},
            "data_labels": {"value": True},
        }
    )
    submit.set_title({"name": t("wb-chart-submission"), "name_font": TITLE_FONT})
    submit.set_legend({"none": True})
    submit.set_size({"width": 620, "height": 260})
    sheet.insert_chart(20, 3, submit)
