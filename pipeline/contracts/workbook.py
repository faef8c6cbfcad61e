"""Contract 4, the leadership workbook (`outbox/tong-hop-<kỳ>.xlsx`), as data.

Each sheet is declared once: its name, its title on paper, whether it is printed, and its
columns in order, each with its kind, width, alignment, whether it goes on paper and whether
its status words are shaded. The rollup's frames carry these column names; the writer takes
every format, width and print decision from here instead of matching header texts again.
Codes for machines (agency, rule and outcome codes, file names) are the last columns of a
sheet and stay off paper; people read names.

Widths are Excel character units. A printed sheet is A4 landscape, one page wide: the sum of
its printed widths is kept to what fits at a scale that leaves 12-point text at 8 points or
more on paper (`tests/test_workbook.py` checks every declaration, the PDF test the result).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from pipeline.contracts.form import DONE, IN_PROGRESS, NOT_REPORTED, NOT_STARTED

Kind = Literal["text", "number", "percent", "date", "datetime", "link"]
Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind = "text"
    width: float = 12
    align: Align = "left"
    printed: bool = True
    status: bool = False  # shade its status words (they stay words: black-and-white safe)


@dataclass(frozen=True)
class Sheet:
    name: str
    title: str  # the running header on paper
    columns: tuple[Column, ...] = ()
    printed: bool = True
    portrait: bool = False

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


YES, NO = "Có", "Không"
NOT_SUBMITTED = "Chưa nộp"

# Status words and their fills (grey and pale tones: each also differs in the printed word).
STATUS_FILLS = {
    DONE: "#C6EFCE",
    IN_PROGRESS: "#FFEB9C",
    NOT_STARTED: "#F4CCCC",
    NOT_REPORTED: "#D9D9D9",
    NOT_SUBMITTED: "#D9D9D9",
    "Từ chối": "#F4CCCC",
    "Lỗi": "#F4CCCC",
    "Cảnh báo": "#FFEB9C",
    YES: "#F4CCCC",  # only shaded in flag columns (Quá hạn)
}

# Column names the rollup and the writer share.
AGENCY_CODE = "Mã đơn vị"
AGENCY_NAME = "Tên đơn vị"
GROUP = "Nhóm"
TASK = "TT"
TASK_TITLE = "Nhiệm vụ"  # a task's short title, beside every TT
OVERALL = "Tình trạng chung"
REPORTED = "Đã báo cáo"
INVALID_ROWS = "Dòng có lỗi"
LEADS = "Số đơn vị chủ trì"
OVERDUE = "Quá hạn"
SUBMITTED = "Đã nộp"
ON_TIME = "Đúng hạn"
OUTCOME = "Kết quả"
PROGRESS_SHOWN = "Tiến độ bình quân"
PROGRESS_MEAN = "Tiến độ bình quân (%)"
DUE = "Hạn"
GROUP_TITLE = "Tên nhóm"
AGENCY = "Đơn vị"  # an agency's short name
ROLE = "Vai trò"
STATUS = "Tình trạng"
PROGRESS = "Tiến độ (%)"
RESULT = "Kết quả thực hiện"
DIFFICULTY = "Khó khăn, vướng mắc"
PROPOSAL = "Đề xuất, kiến nghị"
ERRORS = "Số lỗi"
WARNINGS = "Số cảnh báo"
PAGE_LINK = "Trang riêng"
FEEDBACK_LINK = "Phản hồi"
RULE = "Quy tắc"
RULE_CODE = "Mã lỗi"
TASK_COUNT = "Số nhiệm vụ"
DONE_RATE = "Tỷ lệ hoàn thành"
TIMELINE = "Thời gian thực hiện"
CONTENT = "Nội dung"  # a task's full text; on `Kiểm tra`, a finding's sentence
LEAD_COUNT = "Chủ trì"
COORD_COUNT = "Phối hợp"
RECEIVED = "Thời điểm nộp"
RECEIVED_SOURCE = "Căn cứ thời điểm"
FILE = "Tệp"
DONE_DATE = "Thời điểm hoàn thành"
FUNDING = "Kinh phí (triệu đồng)"
NOTE = "Ghi chú"
CELL = "Ô"
SEVERITY = "Mức độ"
VALUE_WRITTEN = "Giá trị đã ghi"
REASON = "Lý do"
SAVED_AT = "Thời điểm lưu"
OUTCOME_CODE = "Mã kết quả"
SHA256 = "SHA-256"
UNREPORTED_PAST_DUE = "Chưa báo cáo, đã quá hạn"
# Columns of the rollup's task frame that no sheet shows: the draft report reads them.
LEAD_RESULTS = "Kết quả (chủ trì)"
COORD_RESULTS = "Kết quả (phối hợp)"


def _code(name: str, width: float = 16) -> Column:
    """A column of codes for machines: last, off paper."""
    return Column(name, width=width, printed=False)


def _task(title_width: float) -> tuple[Column, ...]:
    """A task as people find it: its number, its short title, its group."""
    return (
        Column(TASK, width=5, align="center"),
        Column(TASK_TITLE, width=title_width),
        Column(GROUP, width=7, align="center"),
    )


OVERVIEW = Sheet("Tổng quan", "TỔNG QUAN", portrait=True)

GROUPS = Sheet(
    "Theo nhóm",
    "TÌNH TRẠNG NHIỆM VỤ THEO NHÓM",
    (
        Column(GROUP, width=7, align="center"),
        Column(GROUP_TITLE, width=60),
        Column(TASK_COUNT, "number", 10, "right"),
        Column(DONE, "number", 11, "right"),
        Column(IN_PROGRESS, "number", 11, "right"),
        Column(NOT_STARTED, "number", 11, "right"),
        Column(NOT_REPORTED, "number", 11, "right"),
        Column(OVERDUE, "number", 9, "right"),
        Column(DONE_RATE, "percent", 11, "right"),
    ),
)

TASKS = Sheet(
    "Theo nhiệm vụ",
    "TÌNH TRẠNG TỪNG NHIỆM VỤ",
    (
        *_task(title_width=46),
        Column(TIMELINE, width=16),
        Column(DUE, "date", 12, "center"),
        Column(LEADS, "number", 10, "right"),
        Column(REPORTED, width=10, align="center"),
        # leads (and coordinators) whose row had errors in a return accepted in part
        Column(INVALID_ROWS, width=14),
        Column(OVERALL, width=15, align="center", status=True),
        Column(PROGRESS_SHOWN, width=14, align="center"),
        Column(OVERDUE, width=8, align="center", status=True),
        Column(CONTENT, width=60, printed=False),
        Column(PROGRESS_MEAN, "number", 12, "right", printed=False),
    ),
)

AGENCIES = Sheet(
    "Theo đơn vị",
    "TÌNH HÌNH BÁO CÁO CỦA TỪNG ĐƠN VỊ",
    (
        Column(AGENCY_NAME, width=34),
        Column(LEAD_COUNT, "number", 8, "right"),
        Column(COORD_COUNT, "number", 9, "right"),
        Column(SUBMITTED, width=8, align="center"),
        Column(ON_TIME, width=8, align="center"),  # Có/Không: the YES fill is a flag's red
        Column(RECEIVED, "datetime", 17, "center"),
        Column(OUTCOME, width=16, align="center", status=True),
        Column(DONE, "number", 11, "right"),
        Column(IN_PROGRESS, "number", 11, "right"),
        Column(NOT_STARTED, "number", 11, "right"),
        Column(ERRORS, "number", 7, "right"),
        Column(WARNINGS, "number", 9, "right"),
        Column(RECEIVED_SOURCE, width=22, printed=False),
        _code(AGENCY_CODE),
        Column(FILE, width=30, printed=False),
        Column(PAGE_LINK, "link", 12, printed=False),
        Column(FEEDBACK_LINK, "link", 14, printed=False),
    ),
)

# `Nhóm I` … : one row per task and agency, every agency's answer on that group's tasks.
GROUP_DETAIL = Sheet(
    "Nhóm",
    "KẾT QUẢ THEO NHIỆM VỤ VÀ ĐƠN VỊ",
    (
        Column(TASK, width=4, align="center"),
        Column(TASK_TITLE, width=22),
        Column(AGENCY, width=18),
        Column(ROLE, width=8, align="center"),
        Column(STATUS, width=11, align="center", status=True),
        Column(PROGRESS, "number", 7, "right"),
        Column(RESULT, width=40),
        Column(DIFFICULTY, width=24),
        Column(PROPOSAL, width=24),
        _code(AGENCY_CODE),
    ),
)

# What an agency answered on one task, in the form's order: on its own sheet and `Chi tiết`.
ANSWER_COLUMNS = (
    Column(ROLE, width=9, align="center"),
    Column(STATUS, width=12, align="center", status=True),
    Column(PROGRESS, "number", 8, "right"),
    Column(DONE_DATE, "date", 12, "center"),
    Column(RESULT, width=46),
    Column(DIFFICULTY, width=30),
    Column(PROPOSAL, width=30),
    Column(FUNDING, "number", 11, "right"),
    Column(NOTE, width=20),
)

# One sheet per agency (screen only: the same rows are on the group sheets).
AGENCY_DETAIL = Sheet(
    "Đơn vị",
    "KẾT QUẢ CỦA ĐƠN VỊ",
    (
        *_task(title_width=30),
        *ANSWER_COLUMNS,
        Column(FILE, width=30, printed=False),
    ),
    printed=False,
)

DETAIL = Sheet(
    "Chi tiết",
    "TOÀN BỘ DÒNG BÁO CÁO ĐƯỢC TÍNH",
    (
        Column(AGENCY_CODE, width=16),
        Column(AGENCY_NAME, width=30),
        Column(GROUP, width=7, align="center"),
        Column(TASK, width=5, align="center"),
        *ANSWER_COLUMNS,
        Column(FILE, width=30),
    ),
    printed=False,  # a data table for filtering; the group sheets print the same rows
)

CHECKS = Sheet(
    "Kiểm tra",
    "CÁC LỖI VÀ CẢNH BÁO TRONG BÁO CÁO",
    (
        Column(AGENCY_NAME, width=26),
        Column(CELL, width=11, align="center"),
        Column(SEVERITY, width=9, align="center", status=True),
        Column(RULE, width=30),
        Column(CONTENT, width=60),
        Column(VALUE_WRITTEN, width=20),
        Column(FILE, width=28, printed=False),
        _code(AGENCY_CODE),
        Column(RULE_CODE, width=26, printed=False),
    ),
)

LOG = Sheet(
    "Nhật ký",
    "NHẬT KÝ CÁC TỆP ĐÃ NHẬN",
    (
        Column(FILE, width=34),
        Column(AGENCY_NAME, width=30),
        Column(OUTCOME, width=16, align="center", status=True),
        Column(REASON, width=60),
        Column(SAVED_AT, "datetime", 17, "center"),
        _code(AGENCY_CODE),
        Column(OUTCOME_CODE, width=22, printed=False),
        Column(SHA256, width=20, printed=False),
    ),
)

TABLES = (GROUPS, TASKS, AGENCIES, GROUP_DETAIL, AGENCY_DETAIL, DETAIL, CHECKS, LOG)


@dataclass(frozen=True)
class ByPeriod:
    """A sheet across periods: its fixed columns, then one group of columns per period (under
    a row naming the period), then codes. A period's columns are keyed `<name> <period>`."""

    name: str
    title: str
    fixed: tuple[Column, ...]
    each: tuple[Column, ...]
    codes: tuple[Column, ...] = ()
    stretch: str = ""  # a fixed column that takes the room few periods leave, up to `widest`
    widest: float = 0
    roomy: tuple[float, ...] = ()  # widths of `each` when every period's fit at 100 %

    @staticmethod
    def key(column: Column, period: str) -> str:
        return f"{column.name} {period}"

    def sheet(self, periods: Sequence[str]) -> Sheet:
        """The declaration of the sheet for these periods: with few periods, each period's
        columns as wide as their words (`roomy`) and the stretched column wider; with many,
        the narrow widths, so that seven periods still print one page wide."""
        each = self.each
        fixed_width = sum(c.width for c in self.fixed if c.printed)
        if self.roomy and fixed_width + len(periods) * sum(self.roomy) <= UNSCALED_WIDTH:
            each = tuple(replace(c, width=w) for c, w in zip(each, self.roomy, strict=True))
        keyed = tuple(replace(c, name=self.key(c, p)) for p in periods for c in each)
        spare = max(UNSCALED_WIDTH - fixed_width - sum(c.width for c in keyed if c.printed), 0)
        fixed = tuple(
            replace(c, width=min(c.width + spare, self.widest)) if c.name == self.stretch else c
            for c in self.fixed
        )
        return Sheet(self.name, self.title, fixed + keyed + self.codes)


# What A4 landscape holds at 100 % (xlsx_style.printed_scale: 8 pixels a unit, 5 a column).
UNSCALED_WIDTH = 120


PROGRESS_BRIEF = "Tiến độ"  # a task's average progress, or how many leads reported

# `Nhiệm vụ qua các kỳ`, `Đơn vị qua các kỳ`: each period's results as its latest run left them.
TASK_HISTORY = ByPeriod(
    "Nhiệm vụ qua các kỳ",
    "TÌNH TRẠNG NHIỆM VỤ QUA CÁC KỲ",
    (
        Column(TASK, width=4, align="center"),
        Column(TASK_TITLE, width=30),
        Column(GROUP, width=6, align="center"),
    ),
    (
        Column(STATUS, width=11, align="center", status=True),
        Column(PROGRESS_BRIEF, width=8, align="center"),
    ),
    stretch=TASK_TITLE,  # one line per task while the periods leave room
    widest=50,
    roomy=(14, 12),  # "Đang thực hiện", "25/29 báo cáo" on one line
)
AGENCY_HISTORY = ByPeriod(
    "Đơn vị qua các kỳ",
    "TÌNH HÌNH BÁO CÁO CỦA ĐƠN VỊ QUA CÁC KỲ",
    (Column(AGENCY_NAME, width=32),),
    # Có/Không words, unshaded: the YES fill is the red of a flag column (Quá hạn)
    (Column(SUBMITTED, width=8, align="center"), Column(ON_TIME, width=8, align="center")),
    (_code(AGENCY_CODE),),
)
PLAN_PERIODS = 7  # 2024–2030: the printed width of the history sheets is checked for seven
HISTORIES = (TASK_HISTORY, AGENCY_HISTORY)
