"""Discover inbox files: every entry under the inbox, with zips in place of their members."""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from pipeline.contracts.form import IGNORED, UNREADABLE
from pipeline.intake.reader import MAX_RATIO

MAX_FILE_BYTES = 25 * 1024 * 1024
MAX_ZIP_ENTRIES = 500
_TEMP_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}
_TEMP_SUFFIXES = (".tmp", ".bak", ".crdownload", ".part", ".partial")


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


def _ignored_reason(name: str) -> str:
    lower = name.lower()
    if name.startswith("~$"):
        return "ignored-lock-file"
    if name.startswith(".") or lower in _TEMP_NAMES or lower.endswith(_TEMP_SUFFIXES):
        return "ignored-temp-file"
    return ""


def discover(inbox: Path) -> list[InboxFile]:
    """Every file under the inbox (subfolders and zip members too), in a stable order."""
    files: list[InboxFile] = []
    if not inbox.is_dir():
        return files
    for root, dirs, names in os.walk(inbox):
        dirs.sort()
        for name in sorted(names):
            path = Path(root) / name
            files += inbox_entry(path, path.relative_to(inbox).as_posix())
    return files


def inbox_entry(path: Path, rel: str) -> list[InboxFile]:
    """One file as the intake sees it: settled already when ignored or too big; a zip's
    members in its place."""
    try:
        stat = path.stat()
    except OSError:  # a broken link, or a file removed while the run started
        return [InboxFile(rel, path, None, 0, datetime.min, UNREADABLE, "file-cannot-open")]
    item = InboxFile(rel, path, None, stat.st_size, datetime.fromtimestamp(stat.st_mtime))
    hidden_dir = any(part.startswith(".") for part in PurePosixPath(rel).parts[:-1])
    reason = _ignored_reason(path.name) or ("ignored-temp-file" if hidden_dir else "")
    if reason:
        return [_settled(item, IGNORED, reason)]
    if stat.st_size > MAX_FILE_BYTES:
        return [_settled(item, UNREADABLE, "file-too-big", mb=MAX_FILE_BYTES // (1024 * 1024))]
    if path.name.lower().endswith(".zip"):
        return _zip_members(item)
    return [item]


def _zip_members(archive_file: InboxFile) -> list[InboxFile]:
    """A zip's members as files of a subfolder; the zip itself only when it is unusable."""
    assert archive_file.path is not None
    try:
        archive = zipfile.ZipFile(archive_file.path)
        infos = [i for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError):
        return [_settled(archive_file, UNREADABLE, "file-corrupt")]
    total = sum(i.file_size for i in infos)
    if (
        len(infos) > MAX_ZIP_ENTRIES
        or total > 4 * MAX_FILE_BYTES
        or (total > MAX_FILE_BYTES and total / max(archive_file.size, 1) > MAX_RATIO)
    ):
        return [_settled(archive_file, UNREADABLE, "file-zip-bomb")]
    members: list[InboxFile] = []
    for info in sorted(infos, key=lambda i: i.filename):
        name = PurePosixPath(info.filename.replace("\\", "/"))
        rel = f"{archive_file.rel}/{name.as_posix()}"
        member = InboxFile(rel, None, None, info.file_size, datetime(*info.date_time))
        reason = _ignored_reason(name.name) or (
            "ignored-temp-file" if name.parts and name.parts[0] == "__MACOSX" else ""
        )
        if reason:
            members.append(_settled(member, IGNORED, reason))
        elif info.file_size > MAX_FILE_BYTES:
            members.append(
                _settled(member, UNREADABLE, "file-too-big", mb=MAX_FILE_BYTES // (1024 * 1024))
            )
        elif name.suffix.lower() == ".zip":
            members.append(_settled(member, UNREADABLE, "file-nested-zip"))
        else:
            try:
                member.data = archive.read(info)
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
                members.append(_settled(member, UNREADABLE, "file-corrupt"))
                continue
            members.append(member)
    return members or [_settled(archive_file, UNREADABLE, "file-empty-zip")]


def _settled(item: InboxFile, outcome: str, reason: str, **params: Any) -> InboxFile:
    item.outcome, item.reason, item.params = outcome, reason, params
    return item
