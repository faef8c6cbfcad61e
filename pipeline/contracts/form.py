"""The one source of truth for the agency form: columns, allowed values and the rules.

The form writer, the `Hướng dẫn` sheet and the validator all read this module, so what the
form explains and what the validator checks cannot drift apart.
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


@dataclass(frozen=True)
class Rule:
    """A check the validator applies; `code` keys its message and its line in `Hướng dẫn`."""

    code: str
    severity: str
    field: str | None


RULES: tuple[Rule, ...] = (
    Rule("status-missing", ERROR, "status"),
    Rule("status-invalid", ERROR, "status"),
    Rule("progress-not-number", ERROR, "progress"),
    Rule("progress-out-of-range", ERROR, "progress"),
    Rule("funding-not-number", ERROR, "funding"),
    Rule("funding-negative", ERROR, "funding"),
    Rule("date-invalid", ERROR, "done_date"),
    Rule("task-not-assigned", ERROR, "task"),
    Rule("task-duplicate", ERROR, "task"),
    Rule("task-content-mismatch", ERROR, "task"),
    Rule("lead-task-missing", ERROR, "task"),
    Rule("done-without-result", WARNING, "result"),
    Rule("done-progress-below-100", WARNING, "progress"),
    Rule("not-started-without-reason", WARNING, "difficulty"),
    Rule("progress-100-not-done", WARNING, "status"),
    Rule("date-after-report", WARNING, "done_date"),
    Rule("prefilled-edited", WARNING, "content"),
    Rule("text-too-long", WARNING, None),
    Rule("legacy-encoding", WARNING, None),
    Rule("status-read-as", WARNING, "status"),
    Rule("progress-from-status", WARNING, "progress"),
    Rule("progress-approximate", WARNING, "progress"),
    Rule("progress-read-as-fraction", WARNING, "progress"),
    Rule("funding-unit-converted", WARNING, "funding"),
    Rule("funding-no-amount", WARNING, "funding"),
    Rule("funding-implausible", WARNING, "funding"),
    Rule("date-month-only", WARNING, "done_date"),
    Rule("date-quarter-only", WARNING, "done_date"),
    Rule("date-short-year", WARNING, "done_date"),
    Rule("identified-by-fallback", WARNING, None),
    Rule("extension-mismatch", WARNING, None),
    Rule("filename-other-agency", WARNING, None),
    Rule("report-table-twice", WARNING, None),
)
RULE_BY_CODE = {r.code: r for r in RULES}

# Contract 3: every inbox file gets exactly one of these outcomes.
ACCEPTED = "accepted"
ACCEPTED_WITH_WARNINGS = "accepted-with-warnings"
REJECTED = "rejected"
SUPERSEDED = "superseded"
DUPLICATE = "duplicate"
UNREADABLE = "unreadable"
IGNORED = "ignored"
OUTCOME_LABELS = {
    ACCEPTED: "Chấp nhận",
    ACCEPTED_WITH_WARNINGS: "Chấp nhận, có cảnh báo",
    REJECTED: "Từ chối",
    SUPERSEDED: "Bị thay thế",
    DUPLICATE: "Trùng lặp",
    UNREADABLE: "Không đọc được",
    IGNORED: "Bỏ qua",
}
COUNTED = (ACCEPTED, ACCEPTED_WITH_WARNINGS)
SEVERITY_LABELS = {ERROR: "Lỗi", WARNING: "Cảnh báo"}
