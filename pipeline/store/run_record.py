"""A run's record in the store: the files it saw and the period's results, written while the
workers write the outputs and committed only once they are in place."""

from __future__ import annotations

import sqlite3
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.intake.returns import Return
from pipeline.store.db import store_errors
from pipeline.store.records import Seen, record_seen, save_results

if TYPE_CHECKING:  # frames are passed in, never built here
    import pandas as pd

    from pipeline.rollup.consolidate import Consolidation


class RunRecord:
    """This run's record, in one open transaction committed once the outputs are in place: a
    run whose outputs fail leaves the store as it was, and a store that fails says so after
    the outputs (as before, when it was written after them, 0.4 s later at 3,321 returns)."""

    def __init__(
        self,
        connection: sqlite3.Connection | None,
        store: Path,
        period: str,
        result: Consolidation,
        returns: list[Return],
        files: pd.DataFrame,
    ) -> None:
        self.connection, self.store, self.period = connection, store, period
        self.result, self.returns, self.files = result, returns, files
        self.failure: BaseException | None = None
        self.seconds = 0.0

    def write(self) -> None:
        if self.connection is None:
            return
        started = time.perf_counter()
        try:
            with store_errors(self.store, written=True):
                remember_run(self.connection, self.period, self.result, self.returns, self.files)
        except Exception as error:  # raised after the outputs, not in the middle of them
            self.failure = error
        self.seconds += time.perf_counter() - started

    def commit(self) -> None:
        assert self.connection is not None
        started = time.perf_counter()
        try:
            if self.failure is not None:
                raise self.failure
            with store_errors(self.store, written=True):
                self.connection.commit()
        finally:
            self.abandon()
            self.seconds += time.perf_counter() - started

    def abandon(self) -> None:
        """Close the store; what is not committed is rolled back."""
        if self.connection is not None:
            self.connection.close()


def remember_run(
    connection: sqlite3.Connection,
    period: str,
    result: Consolidation,
    returns: list[Return],
    files: pd.DataFrame,
) -> None:
    """Every file seen (first sighting kept), and this period's results of this run, in the
    connection's open transaction: the caller commits."""
    now = datetime.now().replace(microsecond=0)
    seen = [
        Seen(r.read.sha256, r.rel, r.file.size, r.file.received_at)
        for r in returns
        if r.read.sha256 and not r.file.container_sha256
    ]
    zips = {r.file.container_sha256: r for r in returns if r.file.container_sha256}
    seen += [  # a zip is received as one file: its members carry its time
        Seen(sha, r.rel.split(".zip/", 1)[0] + ".zip", 0, r.file.received_at)
        for sha, r in zips.items()
    ]
    record_seen(connection, seen, now)
    save_results(connection, period, result, files, now)
