"""Discover inbox files: every entry under the inbox gets a place in the run, folders included.

The main process only looks at names and `stat` results here: it never opens an agency's file.
What is not a regular file (a FIFO, a device, a socket, a link to one) is settled at once, a
folder it cannot list gets an outcome of its own, a linked folder is followed once (a loop or a
link back into the outbox is settled, not walked), and a zip is opened and listed by a worker
process with the same time and memory limits as any reading, so a zip that hangs or crashes
its parser becomes that zip's outcome.
"""

from __future__ import annotations

import hashlib
import os
import stat as stat_module
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from pipeline.contracts.outcomes import Outcome
from pipeline.core.workers import DEFAULT_TIME_LIMIT, Failure, Job, default_jobs, run_jobs
from pipeline.intake.container import MAX_RATIO

IGNORED, UNREADABLE = Outcome.IGNORED.value, Outcome.UNREADABLE.value

MAX_FILE_BYTES = 25 * 1024 * 1024
MAX_ZIP_ENTRIES = 500
MAX_DEPTH = 32  # folders inside folders; deeper is a loop the inode check missed, or a prank
_TEMP_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}
_TEMP_SUFFIXES = (".tmp", ".bak", ".crdownload", ".part", ".partial")
# Per-file reading time grows with the file's size; a small file that takes long is a trap.
TIME_BASE = 4.0
TIME_PER_MB = 2.0
# The whole read of a run (and, apart, the listing of its zips): generous for any real inbox,
# short of files × limit. A real return (30-300 KB) reads in 0.01-0.2 s, so a quarter second
# per file and worker is twice a slow machine's need; the base, one full per-file limit, lets
# one large genuine file finish. Ten files that each hold a reader for its whole 15 s limit
# would cost 75 s on two cores; with the budget a run of 60 returns spends at most
# 15 + 0.25 × 70 / 2 ≈ 24 s reading (a normal run of 60 takes about 5 s), and every file the
# budget cut off is named (`file-run-budget`, "run again"), never silently dropped.
BUDGET_BASE = DEFAULT_TIME_LIMIT
BUDGET_PER_FILE = 0.25


@dataclass(frozen=True)
class Receipts:
    """What the store knows of when files arrived, by sha256 (a zip member: its zip's)."""

    confirmed: Mapping[str, date] = field(default_factory=dict)  # `kehoach receive --date`
    first_seen: Mapping[str, datetime] = field(default_factory=dict)  # file time when first seen


@dataclass
class InboxFile:
    rel: str  # relative to the inbox, "thu.zip/so_y_te.xlsx" for a zip member
    path: Path | None
    data: bytes | None
    size: int
    mtime: datetime
    outcome: str = ""
    reason: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    # When the office received it: the file's time in the inbox; for a zip member, the zip's
    # (a member's own time is whatever the sender's clock said when it was packed).
    received: datetime | None = None
    # "file", "zip" (the zip's time), "store" (its time when first seen) or "confirmed" (officer)
    received_source: str = "file"
    container_sha256: str = ""  # a zip member: its zip's, which the officer's receipt names

    @property
    def received_at(self) -> datetime:
        return self.received or self.mtime


def time_limit_for(item: InboxFile, ceiling: float = DEFAULT_TIME_LIMIT) -> float:
    """Seconds a worker may spend on this file: linear in its size, never over `ceiling`."""
    return min(ceiling, TIME_BASE + TIME_PER_MB * item.size / (1024 * 1024))


def read_budget(files: int, workers: int) -> float:
    """Seconds the reading of `files` files by `workers` processes may take in all (see
    BUDGET_BASE for why these values)."""
    return BUDGET_BASE + BUDGET_PER_FILE * files / max(workers, 1)


def shown_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (a name made on an old Windows or in a
    zip from one) become '\ufffd' instead of stopping every writer that meets them."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _ignored_reason(name: str) -> str:
    lower = name.lower()
    if name.startswith("~$"):
        return "ignored-lock-file"
    if name.startswith(".") or lower in _TEMP_NAMES or lower.endswith(_TEMP_SUFFIXES):
        return "ignored-temp-file"
    return ""


def _same_or_inside(path: Path, folder: Path) -> bool:
    try:
        return path == folder or path.is_relative_to(folder)
    except ValueError:
        return False


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def discover(
    inbox: Path,
    exclude: Iterable[Path] = (),
    jobs: int | None = None,
    time_limit: float = DEFAULT_TIME_LIMIT,
    budget: float | None = None,
) -> list[InboxFile]:
    """Every entry under the inbox (subfolders and zip members too), in a stable order.

    `exclude` names folders never to walk (the run's outbox): one found under the inbox is
    settled as ignored, so the run's own outputs are never taken for returns.
    """
    if not inbox.is_dir():
        return []
    walker = _Walker(inbox, [_real(p) for p in exclude])
    walker.walk(inbox, "", 0)
    return expand_zips(walker.found, jobs, time_limit, budget)


class _Walker:
    def __init__(self, inbox: Path, excluded: list[Path]) -> None:
        self.excluded = excluded
        self.found: list[InboxFile] = []
        self.seen: set[tuple[int, int]] = set()
        self.mark(inbox)

    def mark(self, folder: Path) -> bool:
        """Remember a folder by its identity; False when it was walked already (a loop)."""
        try:
            info = folder.stat()
        except OSError:
            return True
        key = (info.st_dev, info.st_ino)
        if key in self.seen:
            return False
        self.seen.add(key)
        return True

    def walk(self, folder: Path, prefix: str, depth: int) -> None:
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: shown_name(e.name))
        except OSError as exc:
            self.found.append(_folder_outcome(folder, prefix, "folder-cannot-open", exc))
            return
        if prefix and not entries:  # an entry too: the officer sees it in Nhật ký, not nowhere
            self.found.append(_settled(_bare(prefix, folder), IGNORED, "folder-empty"))
        for entry in entries:
            rel = f"{prefix}{shown_name(entry.name)}"
            self.entry(Path(entry.path), rel, depth)

    def entry(self, path: Path, rel: str, depth: int) -> None:
        try:
            info = path.stat()  # follows a link: what the officer sees when opening it
        except OSError:
            kind = "file-broken-link" if path.is_symlink() else "file-cannot-open"
            self.found.append(_settled(_bare(rel, path), UNREADABLE, kind))
            return
        if stat_module.S_ISDIR(info.st_mode):
            self.folder(path, rel, depth)
        else:
            self.found += inbox_entry(path, rel, info)

    def folder(self, path: Path, rel: str, depth: int) -> None:
        real = _real(path)
        if any(_same_or_inside(real, folder) for folder in self.excluded):
            self.found.append(_settled(_bare(rel + "/", path), IGNORED, "folder-is-outbox"))
        elif depth >= MAX_DEPTH or not self.mark(path):
            self.found.append(_settled(_bare(rel + "/", path), IGNORED, "folder-link-loop"))
        else:
            self.walk(path, rel + "/", depth + 1)


def _bare(rel: str, path: Path | None) -> InboxFile:
    return InboxFile(rel, path, None, 0, datetime.min)


def _folder_outcome(folder: Path, prefix: str, reason: str, exc: OSError) -> InboxFile:
    rel = prefix or "./"
    return _settled(_bare(rel, folder), UNREADABLE, reason, detail=exc.strerror or str(exc))


def inbox_entry(path: Path, rel: str, info: os.stat_result | None = None) -> list[InboxFile]:
    """One file as the intake sees it: settled already when ignored, too big or not a regular
    file; a zip is expanded later, by a worker."""
    try:
        info = info or path.stat()
    except OSError:  # a broken link, or a file removed while the run started
        return [_settled(_bare(rel, path), UNREADABLE, "file-cannot-open")]
    item = InboxFile(rel, path, None, info.st_size, _mtime(info.st_mtime))
    hidden_dir = any(part.startswith(".") for part in PurePosixPath(rel).parts[:-1])
    reason = _ignored_reason(PurePosixPath(rel).name) or ("ignored-temp-file" if hidden_dir else "")
    if reason:
        return [_settled(item, IGNORED, reason)]
    if not stat_module.S_ISREG(info.st_mode):  # a FIFO would block, /dev/zero never ends
        return [_settled(item, UNREADABLE, "file-not-regular")]
    if info.st_size > MAX_FILE_BYTES:
        return [_settled(item, UNREADABLE, "file-too-big", mb=MAX_FILE_BYTES // (1024 * 1024))]
    return [item]


def _mtime(stamp: float) -> datetime:
    try:
        return datetime.fromtimestamp(stamp)
    except (OverflowError, OSError, ValueError):  # a time stamp far outside what we can show
        return datetime.min


def expand_zips(
    files: list[InboxFile],
    jobs: int | None = None,
    time_limit: float = DEFAULT_TIME_LIMIT,
    budget: float | None = None,
) -> list[InboxFile]:
    """Each unsettled `.zip` replaced by its members, listed and read by worker processes,
    within a budget of its own (`read_budget` unless given): ten zips that hang their
    lister cannot hold the run for ten limits either."""
    zips = {
        index: item
        for index, item in enumerate(files)
        if not item.outcome and item.path is not None and item.rel.lower().endswith(".zip")
    }
    work = [
        Job(index, zip_members, (str(item.path), item.rel, item.size, item.mtime))
        for index, item in zips.items()
    ]
    workers = jobs or default_jobs()
    if budget is None:
        budget = read_budget(len(work), workers)
    results = run_jobs(work, workers, time_limit, budget=budget) if work else {}
    expanded: list[InboxFile] = []
    for index, item in enumerate(files):
        if index not in zips:
            expanded.append(item)
            continue
        result = results.get(index)
        if isinstance(result, list):
            expanded += result
        else:
            failed = result if isinstance(result, Failure) else Failure("job-failed")
            params = {"limit": int(time_limit), **failed.params}  # the budget's, when it was that
            expanded.append(_settled(item, UNREADABLE, failed.problem, **params))
    return expanded


def zip_members(source: tuple[str, str, int, datetime]) -> list[InboxFile]:
    """A worker job: a zip's members as files of a subfolder; the zip itself when unusable.

    Each member's receipt time is the zip's own: the dates inside a zip are whatever the
    sender's tool wrote (a DOS date of 0 is common) and decide nothing.
    """
    path, rel, size, mtime = source
    archive_file = InboxFile(rel, Path(path), None, size, mtime)
    try:
        archive = zipfile.ZipFile(path)
        infos = [i for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return [_settled(archive_file, UNREADABLE, "file-corrupt")]
    total = sum(i.file_size for i in infos)
    try:  # the zip's own hash: `kehoach receive` confirms the date of the zip as received
        with open(path, "rb") as handle:
            container = hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return [_settled(archive_file, UNREADABLE, "file-corrupt")]
    if len(infos) > MAX_ZIP_ENTRIES:
        return [
            _settled(
                archive_file,
                UNREADABLE,
                "file-zip-too-many",
                n=len(infos),
                limit=MAX_ZIP_ENTRIES,
            )
        ]
    if total > 4 * MAX_FILE_BYTES or (
        total > MAX_FILE_BYTES and total / max(archive_file.size, 1) > MAX_RATIO
    ):
        return [_settled(archive_file, UNREADABLE, "file-zip-bomb")]
    members: list[InboxFile] = []
    seen: set[str] = set()
    for info in sorted(infos, key=lambda i: i.filename):
        members.append(_member(archive, info, rel, mtime, seen))
        members[-1].container_sha256 = container
    return members or [_settled(archive_file, UNREADABLE, "file-empty-zip")]


def _member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, rel: str, mtime: datetime, seen: set[str]
) -> InboxFile:
    name = PurePosixPath(shown_name(info.filename).replace("\\", "/"))
    member_rel = f"{rel}/{name.as_posix()}"
    if member_rel in seen:  # two members of one name: both are kept, told apart
        member_rel = f"{member_rel} ({len(seen) + 1})"
    seen.add(member_rel)
    member = InboxFile(member_rel, None, None, info.file_size, mtime)
    member.received, member.received_source = mtime, "zip"
    reason = _ignored_reason(name.name) or (
        "ignored-temp-file" if name.parts and name.parts[0] == "__MACOSX" else ""
    )
    if reason:
        return _settled(member, IGNORED, reason)
    if info.file_size > MAX_FILE_BYTES:
        return _settled(member, UNREADABLE, "file-too-big", mb=MAX_FILE_BYTES // (1024 * 1024))
    if name.suffix.lower() == ".zip":
        return _settled(member, UNREADABLE, "file-nested-zip")
    if info.flag_bits & 0x1:
        return _settled(member, UNREADABLE, "file-zip-encrypted")
    try:
        with archive.open(info) as handle:  # read no more than the member claims to hold
            member.data = handle.read(MAX_FILE_BYTES + 1)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError, RuntimeError):
        return _settled(member, UNREADABLE, "file-corrupt")
    if len(member.data) > MAX_FILE_BYTES:
        member.data = None
        return _settled(member, UNREADABLE, "file-too-big", mb=MAX_FILE_BYTES // (1024 * 1024))
    return member


def _settled(item: InboxFile, outcome: str, reason: str, **params: Any) -> InboxFile:
    item.outcome, item.reason, item.params = outcome, reason, params
    return item


def discover_paths(paths: list[Path], exclude: Iterable[Path] = ()) -> list[InboxFile]:
    """The files `kehoach check` was given: folders walked as an inbox, files taken as named."""
    files: list[InboxFile] = []
    for path in paths:
        if path.is_dir():
            files += discover(path, exclude)
        else:
            files += expand_zips(inbox_entry(path, shown_name(path.name)))
    return files
