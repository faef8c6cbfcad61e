"""What the officer does with the store: confirm receipt dates, close and reopen a period."""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from pipeline.core.errors import KehoachError
from pipeline.core.files import atomic_path
from pipeline.intake.closed import ClosedRun
from pipeline.intake.discover import Receipts
from pipeline.outputs.closed_mark import closed_mark, stamp
from pipeline.store.db import open_store, store_errors
from pipeline.store.records import (
    Closure,
    PreviousRow,
    Seen,
    close,
    closed_run,
    closure,
    confirm,
    known_receipts,
    latest_headline,
    period_results,
    reopen,
)


def _seen(path: Path, inbox: Path) -> Seen:
    if not path.is_file():
        raise KehoachError("receive-not-a-file", path=str(path))
    with path.open("rb") as handle:
        sha = hashlib.file_digest(handle, "sha256").hexdigest()
    try:
        rel = path.resolve().relative_to(inbox.resolve()).as_posix()
    except ValueError:  # recorded under its bare name it could not be told from the inbox's
        raise KehoachError("receive-outside-inbox", path=str(path), inbox=str(inbox)) from None
    stat = path.stat()
    return Seen(sha, rel, stat.st_size, datetime.fromtimestamp(stat.st_mtime))


def receive(store: Path, inbox: Path, files: list[Path], day: date) -> tuple[list[Seen], bool]:
    """Record the date the office received each file (a zip: all its members)."""
    seen = [_seen(path, inbox) for path in files]
    connection, created = open_store(store)
    try:
        with store_errors(store):  # another program took it after it opened: one sentence
            confirm(connection, seen, day, datetime.now().replace(microsecond=0))
    finally:
        connection.close()
    return seen, created


@dataclass(frozen=True)
class Closing:
    """What `close` found: the period's closure, whether this call made it (a second close
    changes nothing), and whether the store had to be created."""

    closure: Closure
    now: bool
    store_created: bool


def close_period(store: Path, period: str, workbook: Path) -> Closing:
    """Freeze a period: its workbook and figures as its latest run left them. A period closed
    already keeps its first closure: the workbook in the outbox may have been edited since."""
    connection, created = open_store(store)
    try:
        with store_errors(store):  # another program took it after it opened: one sentence
            already = closure(connection, period)
            if already is not None:
                return Closing(already, False, created)
            headline = latest_headline(connection, period)
            if headline is None or not workbook.is_file():
                raise KehoachError("close-needs-run", period=period, path=str(workbook))
            now = datetime.now().replace(microsecond=0)
            _stamp(workbook, period, now.date())
            close(connection, period, workbook.name, workbook.read_bytes(), headline, now)
            frozen = closure(connection, period)
        assert frozen is not None
        return Closing(frozen, True, created)
    finally:
        connection.close()


def reopen_period(store: Path, period: str) -> bool:
    """Whether the period was closed; it is open now."""
    connection, _ = open_store(store)
    try:
        with store_errors(store):
            was = closure(connection, period) is not None
            reopen(connection, period)
        return was
    finally:
        connection.close()


def frozen(store: Path, period: str, workbook: Path) -> tuple[Closure | None, bool]:
    """A closed period's frozen state, its workbook put back if it was changed or removed;
    and whether the workbook had to be restored."""
    if not store.exists():
        _refuse_marked(workbook, period, store)
        return None, False
    connection, _ = open_store(store)
    try:
        with store_errors(store):
            found = closure(connection, period)
    finally:
        connection.close()
    if found is None:
        _refuse_marked(workbook, period, store)
        return None, False
    if workbook.is_file() and workbook.read_bytes() == found.workbook:
        return found, False
    workbook.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(workbook) as temporary:
        temporary.write_bytes(found.workbook)
    return found, True


def _stamp(workbook: Path, period: str, day: date) -> None:
    """The closed mark into the workbook; one the officer has made odd (saved by another
    program with no document properties) is closed without it: the store holds the closure."""
    with contextlib.suppress(OSError, ValueError, KeyError, zipfile.BadZipFile):
        stamp(workbook, period, day)


def _refuse_marked(workbook: Path, period: str, store: Path) -> None:
    """A workbook that says it is this period's closed one, with no closure in the store to
    say so too: never overwritten, whatever happened to the store."""
    mark = closed_mark(workbook)
    if mark is not None and mark[0] == period:
        raise KehoachError(
            "closed-mark-without-store",
            path=str(workbook),
            period=period,
            closed=f"{mark[1]:%d/%m/%Y}",
            store=str(store),
        )


def stored_receipts(store: Path) -> Receipts:
    """What the store knows of receipts, for commands that only read (`report`, `remind`):
    no store yet means nothing, and reading never creates one."""
    if not store.exists():
        return Receipts()
    connection, _ = open_store(store)
    try:
        with store_errors(store):
            return known_receipts(connection)
    finally:
        connection.close()


def closed_intake(store: Path, period: str) -> ClosedRun | None:
    """A closed period's closed run (its files, receipt times and day), for the commands that
    only read (`report`, `remind`); an open period, or no store: none."""
    if not store.exists():
        return None
    connection, _ = open_store(store)
    try:
        with store_errors(store):
            return closed_run(connection, period)
    finally:
        connection.close()


def previous_results(store: Path, period: str) -> dict[str, dict[str, PreviousRow]]:
    """A period's results as its latest run left them, read only: making forms never creates
    or changes the store. No store, or no run of that period: nothing."""
    if not store.is_file():
        return {}
    try:
        connection = sqlite3.connect(f"{store.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return period_results(connection, period)
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise KehoachError(
            "carryover-store-unreadable", path=str(store), reason=str(error)
        ) from error
