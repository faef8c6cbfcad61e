"""A packed plan document (.docx, .xlsx, .ods) is measured before any reader unpacks it.

python-docx and openpyxl read a whole part into memory: a 1.5 MB file renamed .docx that
unpacks to 1.5 GB took 22 s and 2 GB of memory before failing. The zip directory states every
member's unpacked size, so the check costs nothing.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from pipeline.core.errors import KehoachError

PACKED_SUFFIXES = frozenset({".docx", ".xlsx", ".xlsm", ".ods"})
MAX_UNPACKED_MB = 200  # the largest real plan seen unpacks to under 20 MB


def check_unpacked_size(path: Path) -> None:
    """Refuse a packed document whose members unpack beyond `MAX_UNPACKED_MB`.

    A file that is not a zip at all is left to its reader, which says it is damaged.
    """
    if path.suffix.lower() not in PACKED_SUFFIXES:
        return
    try:
        with zipfile.ZipFile(path) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    if total > MAX_UNPACKED_MB * 1024 * 1024:
        raise KehoachError(
            "appendix-packed-too-large",
            file=str(path),
            size=total // (1024 * 1024),
            limit=MAX_UNPACKED_MB,
        )
