"""The mark a closed period's workbook carries in its own document properties (the Status
that Excel shows under File > Info), so that the workbook itself says it is closed: a run
that finds no closure in the store (deleted, or a folder copied without it) leaves it alone.

Only `docProps/core.xml` is rewritten; every other part keeps its bytes as they were.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from html import escape
from pathlib import Path

from pipeline.core.catalog import t
from pipeline.core.files import atomic_path

CORE = "docProps/core.xml"
_STATUS = re.compile(rb"<cp:contentStatus>([^<]*)</cp:contentStatus>")
_ANY_STATUS = re.compile(rb"<cp:contentStatus\s*/>|<cp:contentStatus>[^<]*</cp:contentStatus>")
_END = b"</cp:coreProperties>"
_MARK = re.compile(r"kehoach: đã chốt kỳ (\S+) ngày (\d\d/\d\d/\d{4})")  # `closed-mark`
_MAX_CORE = 1024 * 1024


def stamp(workbook: Path, period: str, day: date) -> None:
    """Write the closed mark into the workbook (atomically); any other status is replaced."""
    text = t("closed-mark", "vi", period=period, closed=f"{day:%d/%m/%Y}")
    status = f"<cp:contentStatus>{escape(text, quote=False)}</cp:contentStatus>".encode()
    with zipfile.ZipFile(workbook) as source:  # closed before the file is replaced (Windows)
        parts = [(info, source.read(info)) for info in source.infolist()]
    with atomic_path(workbook) as temporary, zipfile.ZipFile(temporary, "w") as target:
        for info, data in parts:
            kept = _with_status(data, status) if info.filename == CORE else data
            target.writestr(info, kept, compress_type=zipfile.ZIP_DEFLATED)


def _with_status(core: bytes, status: bytes) -> bytes:
    if _ANY_STATUS.search(core):  # an empty one too: a second would make the part invalid
        return _ANY_STATUS.sub(lambda _: status, core, count=1)
    if _END not in core:
        raise ValueError("docProps/core.xml has no cp:coreProperties")  # not our workbook
    return core.replace(_END, status + _END, 1)


def closed_mark(workbook: Path) -> tuple[str, date] | None:
    """(period, day closed) when the workbook carries the mark, else None (no file, not a
    package, no mark: nothing to protect)."""
    try:
        with zipfile.ZipFile(workbook) as package:
            info = package.getinfo(CORE)
            if info.file_size > _MAX_CORE:
                return None
            found = _STATUS.search(package.read(info))
    except (OSError, KeyError, zipfile.BadZipFile, ValueError, EOFError, RuntimeError):
        return None
    if found is None:
        return None
    mark = _MARK.search(found.group(1).decode("utf-8", "replace"))
    if mark is None:
        return None
    return mark.group(1), datetime.strptime(mark.group(2), "%d/%m/%Y").date()
