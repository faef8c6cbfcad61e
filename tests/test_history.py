"""History across periods: the sheets' declarations, and a store made by the first schema.

The two-period play (hand counts, 2024 unchanged after 2025) is in tests/test_periods.py.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pipeline.contracts import workbook as c4
from pipeline.core.xlsx_style import SMALLEST_PRINTED_PT, printed_scale
from pipeline.outputs.history import progress_text
from pipeline.plan.load import load_plan
from pipeline.run import run
from pipeline.store.db import table_names
from tests.test_periods import _plan_2025

SEVEN_YEARS = [str(year) for year in range(2024, 2024 + c4.PLAN_PERIODS)]

# The store as the first version of the schema made it (no per-task or per-agency results).
SCHEMA_1 = """
CREATE TABLE receipts (sha256 TEXT PRIMARY KEY, path TEXT NOT NULL, size INTEGER NOT NULL,
    first_seen TEXT NOT NULL, file_time TEXT NOT NULL, received_on TEXT, confirmed_at TEXT);
CREATE TABLE period_runs (period TEXT PRIMARY KEY, ran_at TEXT NOT NULL, as_of TEXT NOT NULL,
    expected INTEGER NOT NULL, submitted INTEGER NOT NULL, on_time INTEGER NOT NULL,
    late INTEGER NOT NULL, missing INTEGER NOT NULL, rejected INTEGER NOT NULL,
    done INTEGER NOT NULL, in_progress INTEGER NOT NULL, not_started INTEGER NOT NULL,
    not_reported INTEGER NOT NULL, overdue INTEGER NOT NULL);
CREATE TABLE period_rows (period TEXT NOT NULL, agency TEXT NOT NULL, task TEXT NOT NULL,
    role TEXT NOT NULL, status TEXT, progress REAL, result TEXT, funding REAL,
    file TEXT NOT NULL);
CREATE TABLE period_findings (period TEXT NOT NULL, file TEXT NOT NULL, agency TEXT, cell TEXT,
    severity TEXT NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL);
CREATE TABLE period_outcomes (period TEXT NOT NULL, file TEXT NOT NULL, sha256 TEXT,
    agency TEXT, outcome TEXT NOT NULL, reason TEXT NOT NULL, received TEXT,
    received_source TEXT);
CREATE TABLE closed_periods (period TEXT PRIMARY KEY, closed_at TEXT NOT NULL,
    workbook_name TEXT NOT NULL, workbook BLOB NOT NULL, headline TEXT NOT NULL);
INSERT INTO period_runs VALUES ('2024', '2025-01-06T10:00:00', '2025-01-06',
    31, 6, 6, 0, 25, 0, 8, 2, 0, 5, 2);
PRAGMA user_version = 1;
"""


@pytest.mark.parametrize("declared", c4.HISTORIES, ids=lambda d: d.name)
@pytest.mark.parametrize("periods", [SEVEN_YEARS[:1], SEVEN_YEARS[:2], SEVEN_YEARS])
def test_history_sheets_fit_a_page_wide_for_the_plans_years(
    declared: c4.ByPeriod, periods: list[str]
) -> None:
    sheet = declared.sheet(periods)
    widths = [column.width for column in sheet.columns if column.printed]
    assert printed_scale(widths) * 12 >= SMALLEST_PRINTED_PT
    printed = [column.printed for column in sheet.columns]
    assert printed == sorted(printed, reverse=True)  # the code column trails, off paper
    assert len(set(sheet.names)) == len(sheet.names)


def test_the_title_takes_the_room_few_periods_leave() -> None:
    sheets = [c4.TASK_HISTORY.sheet(SEVEN_YEARS[:n]) for n in (1, 3, 7)]
    assert [s.column(c4.TASK_TITLE).width for s in sheets] == [50, 32, 30]
    assert [s.column("Tình trạng 2024").width for s in sheets] == [14, 14, 11]


@pytest.mark.parametrize(
    ("reported", "mean", "shown"),
    [
        ("2/2", 40.0, "40%"),
        ("1/2", 40.0, "1/2 báo cáo"),
        ("0/3", None, ""),
        ("1/1", None, "1/1 báo cáo"),
    ],
)
def test_progress_is_an_average_only_when_every_lead_reported(
    reported: str, mean: float | None, shown: str
) -> None:
    assert progress_text(reported, mean) == shown


def test_a_store_of_the_first_schema_still_works(tmp_path: Path) -> None:
    store = tmp_path / "kehoach.sqlite"
    connection = sqlite3.connect(store)
    connection.executescript(SCHEMA_1)
    connection.close()
    plan = load_plan(_plan_2025(tmp_path))
    (tmp_path / "inbox").mkdir()
    result = run(
        plan, tmp_path / "inbox", tmp_path / "outbox", "2025", date(2026, 1, 6), 1, store=store
    )
    book = load_workbook(result.workbook, read_only=True)
    rows = list(book["Nhiệm vụ qua các kỳ"].iter_rows(values_only=True))
    # 2024 is known by its headline only: no column, no comparison, and the sheet says why
    assert {str(v) for v in rows[2] if v} == {"Kỳ 2025"}
    assert "Kỳ 2024 được tổng hợp bằng phiên bản cũ" in str(rows[0][0])
    overview = [v for row in book["Tổng quan"].iter_rows(values_only=True) for v in row]
    assert not any(str(v).startswith("5. So với") for v in overview)
    connection = sqlite3.connect(store)
    assert {"period_tasks", "period_agencies"} <= set(table_names(connection))
    assert connection.execute("PRAGMA user_version").fetchone() == (2,)
    saved = connection.execute("SELECT COUNT(*) FROM period_tasks WHERE period = '2025'")
    assert saved.fetchone() == (15,)
    assert connection.execute("SELECT submitted FROM period_runs WHERE period = '2024'").fetchone()
