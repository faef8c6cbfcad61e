"""The feedback folder holds exactly what the last run says.

The officer mails out `outbox/phan-hoi/<kỳ>/` as it is, so a copy left from an earlier run
(a rejection the agency has since corrected) must go. Only copies this tool wrote are ever
removed: a file is ours when it is named as a copy of this period (`<kỳ>_<code>.xlsx`) and
still holds the findings page part only this tool writes. A copy someone opened and saved
again in Excel or LibreOffice no longer holds that part, and is left alone, as is anything
else in the folder.
"""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Iterable
from pathlib import Path

from pipeline.core.errors import KehoachError
from pipeline.outputs.xlsx_patch import FEEDBACK_PART

MAX_COPY_BYTES = 64 * 1024 * 1024  # a copy of a return is never larger; anything else is not ours


def is_our_copy(path: Path, period: str) -> bool:
    if not (path.name.startswith(f"{period}_") and path.suffix == ".xlsx"):
        return False
    try:
        status = path.lstat()
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_COPY_BYTES:
            return False  # a link, a folder, a device: not something we wrote
        with zipfile.ZipFile(path) as archive:
            return FEEDBACK_PART in archive.namelist()
    except (OSError, zipfile.BadZipFile, ValueError):
        return False


def remove_stale(folder: Path, period: str, keep: Iterable[Path]) -> list[Path]:
    """Remove the copies of earlier runs that this run did not write; say which."""
    kept = {path.resolve() for path in keep}
    removed: list[Path] = []
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except (FileNotFoundError, NotADirectoryError):
        return removed
    for entry in entries:
        path = Path(entry.path)
        if path.resolve() in kept or not is_our_copy(path, period):
            continue
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise KehoachError("output-not-writable", path=str(folder), reason=str(exc)) from exc
        removed.append(path)
    return removed
