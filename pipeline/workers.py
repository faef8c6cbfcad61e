"""Long-lived reader processes with a time and a memory limit per file.

A hostile file can make a parser loop, allocate without bound or abort the process (a Rust
panic). Each file is read in a worker; a worker that overruns its time is killed, one that
dies is noted, and either is replaced, so one file never takes the run down.
"""

from __future__ import annotations

import faulthandler
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from pipeline.reader import ReadResult, read_bytes

DEFAULT_TIME_LIMIT = 15.0
DEFAULT_MEMORY_LIMIT = 768 * 1024 * 1024


@dataclass(frozen=True)
class Job:
    key: int
    path: str | None
    data: bytes | None


def _limit_memory(extra: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: no address-space limit, the time limit still applies
        return
    with open("/proc/self/statm") if os.path.exists("/proc/self/statm") else _null() as handle:
        pages = int(handle.read().split()[0]) if handle else 0
    current = pages * os.sysconf("SC_PAGE_SIZE") if pages else 0
    limit = current + extra
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


class _null:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *args: object) -> None:
        return None


def _quiet() -> None:
    """Parsers may print panics and backtraces; the officer's console is not the place."""
    os.environ["RUST_BACKTRACE"] = "0"
    faulthandler.disable()  # an inherited handler would still print a parser's abort
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)


def _worker(conn: Connection, memory_limit: int) -> None:
    _quiet()
    _limit_memory(memory_limit)
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        try:
            data = job.data if job.data is not None else _read(job.path)
            result = read_bytes(data)
        except MemoryError:
            result = ReadResult(problem="file-too-big")
        except OSError as exc:
            result = ReadResult(problem="file-cannot-open", detail=str(exc)[:200])
        conn.send((job.key, result))


def _read(path: str | None) -> bytes:
    assert path is not None
    with open(path, "rb") as handle:
        return handle.read()


class _Slot:
    def __init__(self, context: Any, memory_limit: int) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker, args=(child, memory_limit), daemon=True)
        self.process.start()
        child.close()
        self.job: Job | None = None
        self.started = 0.0

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except (BrokenPipeError, OSError):
                self.process.kill()
        self.process.join(timeout=2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=2)
        self.conn.close()


def read_all(
    jobs: Iterable[Job],
    workers: int,
    time_limit: float = DEFAULT_TIME_LIMIT,
    memory_limit: int = DEFAULT_MEMORY_LIMIT,
    on_done: Callable[[int, ReadResult], None] | None = None,
) -> dict[int, ReadResult]:
    """Read every job in a pool of `workers` processes; every job gets a ReadResult."""
    pending = list(jobs)
    pending.reverse()
    results: dict[int, ReadResult] = {}
    if not pending:
        return results
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    context = multiprocessing.get_context(method)
    slots = [_Slot(context, memory_limit) for _ in range(max(1, min(workers, len(pending))))]

    def finish(slot: _Slot, result: ReadResult) -> None:
        assert slot.job is not None
        results[slot.job.key] = result
        if on_done is not None:
            on_done(slot.job.key, result)
        slot.job = None

    try:
        while pending or any(s.job for s in slots):
            for index, slot in enumerate(slots):
                if slot.job is None and pending:
                    slot.job, slot.started = pending.pop(), time.monotonic()
                    try:
                        slot.conn.send(slot.job)
                    except (BrokenPipeError, OSError):
                        finish(slot, ReadResult(problem="file-crashed-reader"))
                        slot.stop(kill=True)
                        slots[index] = _Slot(context, memory_limit)
            busy = {s.conn: s for s in slots if s.job is not None}
            ready = wait(list(busy), timeout=0.05)
            for conn in ready:
                slot = busy[conn]
                try:
                    _key, result = slot.conn.recv()
                    finish(slot, result)
                except (EOFError, OSError):  # the worker died: a crash or the memory limit
                    finish(slot, ReadResult(problem="file-crashed-reader"))
                    slot.stop(kill=True)
                    slots[slots.index(slot)] = _Slot(context, memory_limit)
            now = time.monotonic()
            for index, slot in enumerate(slots):
                if slot.job is not None and now - slot.started > time_limit:
                    finish(slot, ReadResult(problem="file-timeout"))
                    slot.stop(kill=True)
                    slots[index] = _Slot(context, memory_limit)
    finally:
        for slot in slots:
            slot.stop()
    return results
