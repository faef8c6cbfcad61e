"""The one source of truth for the agency form (Contract 2): columns and allowed values.

The form writer, the reader and the validator all read this module; the rules the
`Hướng dẫn` sheet explains are in `rules/table.py`, the outcomes in `contracts/outcomes.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

FORM_SHEET = "Báo cáo"
GUIDE_SHEET = "Hướng dẫn"
META_SHEET = "_kehoach"
META_MARKER = "kehoach-metadata"


def form_name(period: str, code: str) -> str:
    """The ASCII file name of an agency's form, and of its feedback copy."""
    return f"{period}_{code}.xlsx"


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    prefilled: bool
    width: float
    guide_key: str


FORM_COLUMNS: tuple[Column, ...] = (
    Column("group", "Nhóm", True, 6, "guide-col-group"),
    Column("task", "TT", True, 5, "guide-col-task"),
    Column("content", "Nội dung nhiệm vụ", True, 50, "guide-col-content"),
    Column("role", "Vai trò", True, 10, "guide-col-role"),
    Column("timeline", "Thời gian thực hiện", True, 15, "guide-col-timeline"),
    Column("status", "Tình trạng", False, 15, "guide-col-status"),
    Column("progress", "Tiến độ (%)", False, 9, "guide-col-progress"),
    Column("done_date", "Thời điểm hoàn thành", False, 12, "guide-col-done-date"),
    Column("result", "Kết quả thực hiện", False, 34, "guide-col-result"),
    Column("difficulty", "Khó khăn, vướng mắc", False, 24, "guide-col-difficulty"),
    Column("proposal", "Đề xuất, kiến nghị", False, 24, "guide-col-proposal"),
    Column("funding", "Kinh phí (triệu đồng)", False, 11, "guide-col-funding"),
    Column("note", "Ghi chú", False, 12, "guide-col-note"),
)
COLUMN_BY_FIELD = {c.field: c for c in FORM_COLUMNS}
HEADERS = tuple(c.header for c in FORM_COLUMNS)
PREFILLED = tuple(c.field for c in FORM_COLUMNS if c.prefilled)
TEXT_INPUTS = ("result", "difficulty", "proposal", "note")

DONE = "Đã hoàn thành"
IN_PROGRESS = "Đang thực hiện"
NOT_STARTED = "Chưa thực hiện"
STATUSES = (DONE, IN_PROGRESS, NOT_STARTED)
NOT_REPORTED = "Chưa báo cáo"
ROLE_LEAD = "Chủ trì"
ROLE_COORDINATE = "Phối hợp"
PROGRESS_MIN, PROGRESS_MAX = 0.0, 100.0
# The dates a report of a plan running 2024-2030 can carry; the form's validation and the
# reader accept the same span, so what Excel lets an agency type is what the validator reads.
DATE_FIRST, DATE_LAST = date(1990, 1, 1), date(2100, 12, 31)
EXCEL_EPOCH = date(1899, 12, 30)


def excel_serial(day: date) -> int:
    """The number Excel stores for a date."""
    return (day - EXCEL_EPOCH).days


FUNDING_MIN = 0.0
EXCEL_TEXT_LIMIT = 32_767

ERROR = "error"
WARNING = "warning"


SEVERITY_LABELS = {ERROR: "Lỗi", WARNING: "Cảnh báo"}
