"""Reading and writing the store's records: receipts, a period's results, closed periods."""

from __future__ import annotations

import contextlib
import json
import math
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from pipeline.intake.closed import ClosedEntry, ClosedRun
from pipeline.intake.discover import Receipts
from pipeline.rollup.history import results_of
from pipeline.store.history import write_results

if TYPE_CHECKING:  # pandas frames are passed in, never built here
    import pandas as pd

    from pipeline.rollup.consolidate import Consolidation

HEADLINE_COLUMNS = (
    "expected", "submitted", "on_time", "late", "missing", "rejected",
    "done", "in_progress", "not_started", "not_reported", "overdue",
)  # fmt: skip


@dataclass(frozen=True)
class Seen:
    """A file as the inbox shows it now."""

    sha256: str
    path: str
    size: int
    file_time: datetime


def known_receipts(connection: sqlite3.Connection) -> Receipts:
    """By sha256: the receipt date the officer confirmed, and the file's time when first seen."""
    confirmed: dict[str, date] = {}
    first_seen: dict[str, datetime] = {}
    for sha, day, file_time in connection.execute(
        "SELECT sha256, received_on, file_time FROM receipts"
    ):
        if day:
            confirmed[sha] = date.fromisoformat(day)
        with contextlib.suppress(TypeError, ValueError):  # a time written by hand: not used
            first_seen[sha] = datetime.fromisoformat(file_time)
    return Receipts(confirmed, first_seen)


def record_seen(connection: sqlite3.Connection, files: Iterable[Seen], now: datetime) -> None:
    """Keep the first time each file was seen (for audit); later sightings change nothing."""
    connection.executemany(
        "INSERT OR IGNORE INTO receipts (sha256, path, size, first_seen, file_time) "
        "VALUES (?, ?, ?, ?, ?)",
        [(f.sha256, f.path, f.size, now.isoformat(), f.file_time.isoformat()) for f in files],
    )


def confirm(
    connection: sqlite3.Connection, files: Iterable[Seen], day: date, now: datetime
) -> None:
    for item in files:
        record_seen(connection, [item], now)
        connection.execute(
            "UPDATE receipts SET received_on = ?, confirmed_at = ? WHERE sha256 = ?",
            (day.isoformat(), now.isoformat(), item.sha256),
        )
    connection.commit()


def _value(value: Any) -> Any:
    """A frame's cell as SQLite takes it: NaN and NaT are NULL, dates are ISO text."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "isoformat"):
        try:
            return value.isoformat()
        except ValueError:  # NaT
            return None
    return value if isinstance(value, int | float | str) else str(value)


def _rows(period: str, frame: pd.DataFrame, columns: list[str]) -> list[tuple[Any, ...]]:
    """The frame's `columns` as SQLite rows, the period first."""
    converted = [_column(frame[name].tolist()) for name in columns]
    return [(period, *values) for values in zip(*converted, strict=True)]


def _column(values: list[Any]) -> list[Any]:
    # Text, whole numbers and numbers go in as they are, without a call each: 190,000 cells
    # at 3,321 returns.
    return [
        v if type(v) is str or type(v) is int or (type(v) is float and v == v) else _value(v)
        for v in values
    ]


def save_results(
    connection: sqlite3.Connection,
    period: str,
    result: Consolidation,
    files: pd.DataFrame,
    now: datetime,
) -> None:
    """Replace a period's results with those of this run, in the connection's open
    transaction (the caller commits); `files` is the settled files frame (every inbox entry,
    its outcome and when it was received)."""
    for table in ("period_runs", "period_rows", "period_findings", "period_outcomes"):
        connection.execute(f"DELETE FROM {table} WHERE period = ?", (period,))
    h = result.headline
    connection.execute(
        f"INSERT INTO period_runs VALUES (?, ?, ?{', ?' * len(HEADLINE_COLUMNS)})",
        (period, now.isoformat(), result.as_of.isoformat(), *(h[k] for k in HEADLINE_COLUMNS)),
    )
    d = result.detail
    columns = ["Mã đơn vị", "TT", "Vai trò", "Tình trạng", "Tiến độ (%)",
               "Kết quả thực hiện", "Kinh phí (triệu đồng)", "Tệp"]  # fmt: skip
    connection.executemany(
        "INSERT INTO period_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        _rows(period, d, columns),
    )
    c = result.checks
    columns = ["Tệp", "Mã đơn vị", "Ô", "Mức độ", "Mã lỗi", "Nội dung"]
    connection.executemany(
        "INSERT INTO period_findings VALUES (?, ?, ?, ?, ?, ?, ?)",
        _rows(period, c, columns),
    )
    write_results(connection, results_of(period, result))
    connection.executemany(
        "INSERT INTO period_outcomes VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                period,
                rel,
                sha256 or None,
                agency or None,
                outcome,
                reason,
                _received(received),
                source,
            )
            for rel, sha256, agency, outcome, reason, received, source in zip(
                *(
                    files[c].tolist()
                    for c in (
                        "rel",
                        "sha256",
                        "agency",
                        "outcome",
                        "reason",
                        "received",
                        "received_source",
                    )
                ),
                strict=True,
            )
        ],
    )


def _received(value: object) -> str | None:
    """The time as ISO text; none for an entry whose time is unknown (datetime.min)."""
    if not isinstance(value, datetime) or value.year <= 1:
        return None
    return value.isoformat()


@dataclass(frozen=True)
class Closure:
    period: str
    closed_at: datetime
    workbook_name: str
    workbook: bytes
    headline: dict[str, int]


def closure(connection: sqlite3.Connection, period: str) -> Closure | None:
    row = connection.execute(
        "SELECT closed_at, workbook_name, workbook, headline FROM closed_periods WHERE period = ?",
        (period,),
    ).fetchone()
    if row is None:
        return None
    return Closure(
        period, datetime.fromisoformat(row[0]), row[1], bytes(row[2]), json.loads(row[3])
    )


def close(
    connection: sqlite3.Connection,
    period: str,
    workbook_name: str,
    workbook: bytes,
    headline: dict[str, int],
    now: datetime,
) -> None:
    with connection:
        connection.execute(
            "INSERT OR REPLACE INTO closed_periods VALUES (?, ?, ?, ?, ?)",
            (period, now.isoformat(), workbook_name, workbook, json.dumps(headline)),
        )


def closed_run(connection: sqlite3.Connection, period: str) -> ClosedRun | None:
    """What a closed period's closed run read: every inbox entry with its SHA-256 and receipt
    time, and the day it counted to. A run after closing writes no results, so the period's
    latest results are still the closed run's until it is reopened."""
    row = connection.execute(
        "SELECT closed_at, as_of FROM closed_periods JOIN period_runs USING (period) "
        "WHERE period = ?",
        (period,),
    ).fetchone()
    if row is None:
        return None
    entries = {
        str(rel): ClosedEntry(
            sha256 or "",
            datetime.fromisoformat(received) if received else None,
            source or "file",
            outcome,
        )
        for rel, sha256, received, source, outcome in connection.execute(
            "SELECT file, sha256, received, received_source, outcome FROM period_outcomes "
            "WHERE period = ?",
            (period,),
        )
    }
    return ClosedRun(period, datetime.fromisoformat(row[0]), date.fromisoformat(row[1]), entries)


def reopen(connection: sqlite3.Connection, period: str) -> None:
    with connection:
        connection.execute("DELETE FROM closed_periods WHERE period = ?", (period,))


def latest_headline(connection: sqlite3.Connection, period: str) -> dict[str, int] | None:
    row = connection.execute(
        f"SELECT {', '.join(HEADLINE_COLUMNS)} FROM period_runs WHERE period = ?",
        (period,),
    ).fetchone()
    return dict(zip(HEADLINE_COLUMNS, row, strict=True)) if row else None


PreviousRow = tuple[str | None, float | None, str | None]  # status, progress, result


def period_results(
    connection: sqlite3.Connection, period: str
) -> dict[str, dict[str, PreviousRow]]:
    """agency -> task -> (status, progress, result) of a period's latest run: what the next
    period's forms show as reference. An agency that held a task in both roles (a plan edit
    between runs) shows its lead row."""
    rows = connection.execute(
        "SELECT agency, task, status, progress, result FROM period_rows WHERE period = ? "
        "ORDER BY agency, task, CASE role WHEN 'Chủ trì' THEN 0 ELSE 1 END, rowid",
        (period,),
    )
    found: dict[str, dict[str, PreviousRow]] = {}
    for agency, task, status, progress, result in rows:
        found.setdefault(str(agency), {}).setdefault(str(task), (status, progress, result))
    return found
