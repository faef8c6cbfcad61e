"""Writing outputs atomically: a crash or a file open in Excel never leaves half a file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from pipeline.core.errors import KehoachError, OutputLockedError


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _current_umask()


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; it replaces `target` only when the block succeeds."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=".kehoach-", suffix=target.suffix, dir=target.parent)
    except OSError as exc:
        raise KehoachError("output-not-writable", path=str(target.parent), reason=str(exc)) from exc
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        # mkstemp makes the file private (0600); outputs are shared like any saved file.
        temporary.chmod(0o666 & ~_UMASK)
        try:
            os.replace(temporary, target)
        except PermissionError as exc:
            raise OutputLockedError(str(target)) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
