"""Writing outputs atomically: a crash or a file open in Excel never leaves half a file, and a
run's outputs are replaced as one set."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
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
        try:
            yield temporary
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):  # said without an option: commands
                raise KehoachError("output-disk-full-file", path=str(target)) from exc  # differ
            raise
        # mkstemp makes the file private (0600); outputs are shared like any saved file.
        temporary.chmod(0o666 & ~_UMASK)
        try:
            os.replace(temporary, target)
        except IsADirectoryError as exc:  # a folder has the output's name: no option helps
            raise KehoachError("output-is-folder", path=str(target)) from exc
        except PermissionError as exc:
            raise OutputLockedError(str(target)) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def _failed(folder: Path, exc: OSError) -> KehoachError:
    """One sentence for a write that failed: a full disk says so, anything else names the
    folder and the system's reason."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return KehoachError("output-disk-full", folder=str(folder))
    return KehoachError("output-set-failed", folder=str(folder), reason=exc.strerror or str(exc))


class OutputSet:
    """Every output of a run staged in one hidden folder inside the outbox, then moved into
    place together: either the whole new set is in place or the previous set is.

    Writers write to `path(final)`; `commit()` first checks that every destination folder
    can take its files, then replaces the files one by one, keeping each previous file until
    all are in, and puts the previous ones back if any replacement fails.
    """

    def __init__(self, outbox: Path) -> None:
        self.outbox = outbox
        try:
            outbox.mkdir(parents=True, exist_ok=True)
            self.stage = Path(tempfile.mkdtemp(prefix=".kehoach-stage-", dir=outbox))
        except OSError as exc:
            raise _failed(outbox, exc) from exc

    def path(self, final: Path) -> Path:
        """Where a writer puts the file that will become `final` (a path inside the outbox)."""
        return self.stage / final.relative_to(self.outbox)

    def _staged(self) -> list[tuple[Path, Path]]:
        pairs = []
        for root, _dirs, names in os.walk(self.stage):
            for name in sorted(names):
                staged = Path(root) / name
                if name.startswith(".kehoach-"):  # a writer's own unfinished temporary
                    continue
                pairs.append((staged, self.outbox / staged.relative_to(self.stage)))
        return pairs

    def commit(self) -> list[Path]:
        pairs = self._staged()
        for _, final in pairs:  # moved aside as a "previous file", a folder would be deleted
            if final.is_dir():
                raise KehoachError("output-is-folder", path=str(final))
        for folder in sorted({final.parent for _, final in pairs}):
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise _failed(folder, exc) from exc
            if not os.access(folder, os.W_OK | os.X_OK):
                raise _failed(folder, PermissionError(errno.EACCES, os.strerror(errno.EACCES)))
        previous = self.stage.with_name(self.stage.name + "-previous")
        done: list[tuple[Path, Path | None]] = []
        try:
            previous.mkdir()
            for index, (staged, final) in enumerate(pairs):
                kept = None
                if final.exists():
                    kept = previous / str(index)
                    _replace(final, kept)
                done.append((final, kept))
                _replace(staged, final)
                final.chmod(0o666 & ~_UMASK)
        except BaseException:
            for final, kept in reversed(done):
                with contextlib.suppress(OSError):
                    if kept is not None:
                        os.replace(kept, final)
                    elif final.exists():
                        final.unlink()
            raise
        finally:
            shutil.rmtree(previous, ignore_errors=True)
        return [final for _, final in pairs]

    def discard(self) -> None:
        shutil.rmtree(self.stage, ignore_errors=True)


def _replace(source: Path, target: Path) -> None:
    try:
        os.replace(source, target)
    except IsADirectoryError as exc:  # a folder has the output's name: no option replaces it
        raise KehoachError("output-is-folder", path=str(target)) from exc
    except PermissionError as exc:  # Windows: the file is open in Excel or Word
        raise OutputLockedError(str(target)) from exc
    except OSError as exc:
        raise _failed(target.parent, exc) from exc


@contextlib.contextmanager
def output_set(outbox: Path) -> Iterator[OutputSet]:
    """An `OutputSet` that is committed when the block succeeds and always cleaned up."""
    outputs = OutputSet(outbox)
    try:
        yield outputs
        outputs.commit()
    except OSError as exc:  # a writer's own failure: a full disk, a folder made read-only
        raise _failed(outbox, exc) from exc
    except KehoachError as error:  # name the officer's folder, not the hidden stage
        if error.key == "output-disk-full-file":  # a writer's: for the set, the set's sentence
            raise KehoachError("output-disk-full", folder=str(outbox)) from error
        for name, value in error.params.items():
            if isinstance(value, str) and value.startswith(str(outputs.stage)):
                error.params[name] = str(outbox / Path(value).relative_to(outputs.stage))
        raise
    finally:
        outputs.discard()
