"""The intake of a closed period (issue 13): the closed run's files, read as they were then.

`report` and `remind` on a closed period must give the figures the frozen workbook gives. The
store keeps, for the closed run, every inbox entry with its SHA-256 and when it was received
(`period_outcomes`) and the day it counted to (`period_runs.as_of`). Reading exactly those
entries again, with those receipt times and that day, gives the same outcomes and rows: the
intake is deterministic, and every other input is then the same. That was chosen over keeping
the documents' figures themselves in the store because the documents need the returns' own
texts (results, difficulties, proposals), which would mean a second copy of every return.

A file the closed run counted that is gone, or whose bytes changed, cannot give the same
figures: the officer is told which, and how to put it back or reopen the period.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from pipeline.contracts.outcomes import Outcome
from pipeline.core.errors import KehoachError
from pipeline.intake.discover import InboxFile
from pipeline.intake.reader import ReadResult


@dataclass(frozen=True)
class ClosedEntry:
    """One inbox entry as the closed run saw it."""

    sha256: str  # "" when the closed run read no bytes of it (an ignored or unlisted entry)
    received: datetime | None  # when the office received it, as the closed run knew it
    received_source: str  # "file", "zip", "store" or "confirmed"
    outcome: str


@dataclass(frozen=True)
class ClosedRun:
    period: str
    closed_at: datetime
    as_of: date  # the day the closed run counted to
    entries: Mapping[str, ClosedEntry]  # by path relative to the inbox

    def refuse(self, key: str, rel: str) -> KehoachError:
        closed = f"{self.closed_at:%d/%m/%Y}"
        return KehoachError(key, period=self.period, closed=closed, file=rel)


def closed_entries(files: list[InboxFile], closed: ClosedRun) -> list[InboxFile]:
    """The inbox entries the closed run saw, in the inbox's order; what came later is left
    out. An entry it counted that is gone is refused by name (an ignored one, such as an
    Excel lock file, changed nothing and may go)."""
    present = {file.rel for file in files}
    for rel, entry in sorted(closed.entries.items()):
        if rel not in present and entry.outcome != Outcome.IGNORED:
            raise closed.refuse("closed-file-missing", rel)
    return [file for file in files if file.rel in closed.entries]


def apply_closed(files: list[InboxFile], reads: list[ReadResult], closed: ClosedRun) -> None:
    """Each entry's bytes checked against the closed run's, and its receipt time set back to
    what the closed run knew: a receipt date confirmed after closing, or a file touched or
    copied since, does not move on time. For a file's own or its zip's time the receipt time
    is also the file time that orders an agency's copies, so that is set back too."""
    for file, read in zip(files, reads, strict=True):
        entry = closed.entries[file.rel]
        if entry.sha256 and read.sha256 and entry.sha256 != read.sha256:
            raise closed.refuse("closed-file-changed", file.rel)
        if entry.received is None:
            continue
        file.received, file.received_source = entry.received, entry.received_source
        if entry.received_source in ("file", "zip", "store"):
            file.mtime = entry.received
