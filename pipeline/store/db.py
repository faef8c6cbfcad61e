"""The store of record: one SQLite file in the plan folder (stdlib sqlite3).

It keeps only what a run cannot recompute from the inbox: when each file was received (and
the date the officer confirmed), each period's latest results, and which periods are closed.
The inbox stays the source of truth for returns; deleting this file loses receipt dates and
closures only. The schema is documented, table by table, in docs/DATA.md.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.core.errors import KehoachError

STORE_NAME = "kehoach.sqlite"
SCHEMA_VERSION = 2  # 2: period_tasks and period_agencies (history); 1 stores gain them

SCHEMA = """
CREATE TABLE IF NOT EXISTS receipts (
    sha256 TEXT PRIMARY KEY,          -- of the file's bytes (a zip: of the zip file)
    path TEXT NOT NULL,               -- relative to the inbox, as first seen
    size INTEGER NOT NULL,            -- bytes
    first_seen TEXT NOT NULL,         -- ISO time a run or `kehoach receive` first saw it
    file_time TEXT NOT NULL,          -- ISO time of the file in the inbox then
    received_on TEXT,                 -- ISO date the officer confirmed (`kehoach receive`)
    confirmed_at TEXT                 -- ISO time of that confirmation
);
CREATE TABLE IF NOT EXISTS period_runs (
    period TEXT PRIMARY KEY,
    ran_at TEXT NOT NULL,             -- ISO time of the latest run of the period
    as_of TEXT NOT NULL,              -- ISO date the run counted to
    expected INTEGER NOT NULL, submitted INTEGER NOT NULL, on_time INTEGER NOT NULL,
    late INTEGER NOT NULL, missing INTEGER NOT NULL, rejected INTEGER NOT NULL,
    done INTEGER NOT NULL, in_progress INTEGER NOT NULL, not_started INTEGER NOT NULL,
    not_reported INTEGER NOT NULL, overdue INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS period_rows (
    period TEXT NOT NULL, agency TEXT NOT NULL, task TEXT NOT NULL, role TEXT NOT NULL,
    status TEXT, progress REAL, result TEXT, funding REAL, file TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS period_findings (
    period TEXT NOT NULL, file TEXT NOT NULL, agency TEXT, cell TEXT,
    severity TEXT NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS period_outcomes (
    period TEXT NOT NULL, file TEXT NOT NULL, sha256 TEXT, agency TEXT,
    outcome TEXT NOT NULL, reason TEXT NOT NULL,
    received TEXT, received_source TEXT  -- ISO time the office received it, and how known
);
CREATE TABLE IF NOT EXISTS closed_periods (
    period TEXT PRIMARY KEY,
    closed_at TEXT NOT NULL,
    workbook_name TEXT NOT NULL,      -- file name in the outbox
    workbook BLOB NOT NULL,           -- the frozen workbook, restored by later runs
    headline TEXT NOT NULL            -- JSON: the frozen headline figures
);
CREATE TABLE IF NOT EXISTS period_tasks (
    period TEXT NOT NULL, seq INTEGER NOT NULL,  -- the task's place in that period's plan
    task TEXT NOT NULL, task_group TEXT NOT NULL, content TEXT NOT NULL,
    status TEXT NOT NULL,             -- Tình trạng chung
    progress REAL,                    -- average progress of the leads that reported
    reported TEXT NOT NULL,           -- leads that reported, of all leads ("2/3")
    overdue INTEGER NOT NULL          -- 1 when past its due date and not done
);
CREATE TABLE IF NOT EXISTS period_agencies (
    period TEXT NOT NULL, seq INTEGER NOT NULL,  -- the agency's place in that period's list
    agency TEXT NOT NULL, name TEXT NOT NULL,
    submitted INTEGER NOT NULL,       -- 1 when a return of the period arrived, valid or not
    on_time INTEGER,                  -- 1 on time, 0 late, NULL nothing or time unknown
    outcome TEXT                      -- Contract 3 code of the return that counts; NULL none
);
CREATE INDEX IF NOT EXISTS period_tasks_period ON period_tasks (period);
CREATE INDEX IF NOT EXISTS period_agencies_period ON period_agencies (period);
CREATE INDEX IF NOT EXISTS period_rows_period ON period_rows (period);
CREATE INDEX IF NOT EXISTS period_findings_period ON period_findings (period);
CREATE INDEX IF NOT EXISTS period_outcomes_period ON period_outcomes (period);
"""


def store_path(folder: Path) -> Path:
    """The store in the plan's working folder, beside inbox/ and outbox/ (give either)."""
    return folder.parent / STORE_NAME


def open_store(path: Path, timeout: float = 5.0) -> tuple[sqlite3.Connection, bool]:
    """The store's connection, and whether it had to be created now. A store that cannot be
    used is one sentence naming the file: a folder in its place, a file that is not a
    database, one locked by another program, or one written by a newer kehoach (never
    downgraded: its version number is left as it is)."""
    if path.is_dir():
        raise KehoachError("store-is-folder", path=str(path))
    created = not path.exists()
    connection = sqlite3.connect(path, timeout=timeout)
    try:
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        if version > SCHEMA_VERSION:
            raise KehoachError("store-newer", path=str(path), version=version)
        connection.executescript(SCHEMA)
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except sqlite3.DatabaseError as error:
        connection.close()
        raise _unusable(path, error) from error
    except KehoachError:
        connection.close()
        raise
    return connection, created


@contextmanager
def store_errors(path: Path, written: bool = False) -> Iterator[None]:
    """Errors of the store met after it was opened (locked by another program or a second
    run, damaged meanwhile) as one sentence naming it; `written`: the outputs are already
    written, only the store is behind."""
    try:
        yield
    except sqlite3.DatabaseError as error:
        if written:
            raise KehoachError("store-not-saved", path=str(path), reason=str(error)) from error
        raise _unusable(path, error) from error


def _unusable(path: Path, error: sqlite3.DatabaseError) -> KehoachError:
    if "locked" in str(error) or "busy" in str(error):  # sqlite3 has no separate class for it
        return KehoachError("store-locked", path=str(path))
    return KehoachError("store-unreadable", path=str(path), reason=str(error))


def table_names(connection: sqlite3.Connection) -> list[str]:
    rows = connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
    ).fetchall()
    return [str(name) for (name,) in rows]
