"""Long-lived worker processes that run jobs with a time and a memory limit per job.

A hostile file can make a parser loop, allocate without bound or abort the process (a Rust
panic). Every job that touches an agency's file runs in a worker; a worker that overruns its
time is killed, one that dies is noted, and either is replaced, so no file takes the run down.
Reading returns, writing feedback copies and writing the leadership workbook all run here.
"""

from __future__ import annotations

import contextlib
import ctypes
import faulthandler
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

DEFAULT_TIME_LIMIT = 15.0
BUDGET_SPENT = "file-run-budget"  # what a job not run because the pool's budget ran out gets
DEFAULT_MEMORY_LIMIT = 768 * 1024 * 1024


def default_jobs() -> int:
    """Worker processes when the officer does not say: one per core."""
    return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Job:
    key: int
    task: Callable[[Any], Any]  # a module-level function: it travels to the worker by name
    argument: Any
    time_limit: float | None = None  # None: the pool's limit
    long: bool = False  # nothing is queued behind it: the other workers take the next jobs


@dataclass(frozen=True)
class Failure:
    """What a job gives back when its worker was killed or died: a message key."""

    problem: str
    params: dict[str, Any] = field(default_factory=dict, compare=False)


_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this worker when the run's process ends, however it ends (SIGKILL
    included, which no handler sees); elsewhere the pool's own shutdown has to do."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if parent and os.getppid() != parent:  # the run ended before the request was made
        os._exit(1)


def _limit_memory(extra: int) -> None:
    """Cap the address space at what the worker has now plus `extra` (Linux only)."""
    try:
        import resource

        with open("/proc/self/statm") as handle:
            pages = int(handle.read().split()[0])
    except (ImportError, OSError):  # Windows or macOS: the time limit still applies
        return
    limit = pages * os.sysconf("SC_PAGE_SIZE") + extra
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _quiet() -> None:
    """Parsers may print panics and backtraces; the officer's console is not the place."""
    os.environ["RUST_BACKTRACE"] = "0"
    faulthandler.disable()  # an inherited handler would still print a parser's abort
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)


def _worker(conn: Connection, memory_limit: int, parent: int) -> None:
    _die_with_parent(parent)
    # The run's handlers were inherited by the fork; a worker just ends on these signals.
    for number in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        with contextlib.suppress(ValueError, OSError, AttributeError):
            signal.signal(number, signal.SIG_DFL)
    _quiet()
    _limit_memory(memory_limit)
    conn.send((_READY, None))  # a job's clock starts now, not while the worker starts up
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        try:
            result = job.task(job.argument)
        except MemoryError:
            result = Failure("file-out-of-memory")
        except Exception:  # a job's own bug: reported as a failure, the worker lives on
            result = Failure("job-failed")
        conn.send((job.key, result))


# Jobs queued per worker, so that no worker waits for the parent between files. While the
# parent loads pandas in a thread, its answers wait for the GIL: at 2 each reader idled 0.4 s
# of a 7 s read of 3,321 returns, at 4 0.2 s (a worker that dies sends its queue back).
DEPTH = 4
STARTUP_LIMIT = 60.0  # seconds a new worker may take to be ready (a loaded machine, a spawn)
_READY = "ready"


_FROZEN_FOR_LIFE = False  # see `freeze_for_life`


def freeze_for_life() -> None:
    """Keep every object alive now out of the cycle collector's sight for the process's life
    (modules loaded once, never freed). Forks then need not count the frozen objects to know:
    `gc.get_freeze_count` walks them all, 22 ms with pandas and pandera loaded, at each fork."""
    global _FROZEN_FOR_LIFE
    gc.freeze()
    _FROZEN_FOR_LIFE = True


@contextlib.contextmanager
def _heap_frozen() -> Iterator[None]:
    """Hide this process's objects from the cycle collector while a worker forks.

    A forked worker shares this process's memory until it writes to it, and the collector
    writes to every object it visits: the workbook's worker, forked with pandas loaded, took
    0.33 s instead of 0.25 s to write the 31 agencies' workbook, copying the pages back.
    Frozen objects stay out of the worker's collections; this process takes them back. A
    process that froze its own long-lived objects (`run._warm_up` freezes the modules it
    loads with `freeze_for_life`, a host may too) keeps them so, and its newer objects are
    not frozen for good.
    """
    if _FROZEN_FOR_LIFE or gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


class _Slot:
    """One worker process and the jobs sent to it, answered in order."""

    def __init__(self, memory_limit: int) -> None:
        context = _context()
        self.conn, child = context.Pipe()
        # A forked worker's parent is this process; one from the forkserver has the server as
        # its parent, which itself ends with this process.
        parent = os.getpid() if context.get_start_method() == "fork" else 0
        self.process = context.Process(
            target=_worker, args=(child, memory_limit, parent), daemon=True
        )
        with _heap_frozen():
            self.process.start()
        child.close()
        self.queue: deque[Job] = deque()
        self.ready = False
        self.ending = False  # told to end
        # of the job at the head of the queue, the one being run; before the worker is
        # ready, the time it may take to start
        self.deadline = time.monotonic() + STARTUP_LIMIT

    def started(self, time_limit: float) -> None:
        """The worker is ready: the head job's clock starts."""
        self.ready = True
        if self.queue:
            self.deadline = time.monotonic() + (self.queue[0].time_limit or time_limit)

    def give(self, job: Job, time_limit: float) -> bool:
        if not self.queue and self.ready:
            self.deadline = time.monotonic() + (job.time_limit or time_limit)
        self.queue.append(job)
        try:
            self.conn.send(job)
        except (BrokenPipeError, OSError):
            return False
        return True

    def done(self, time_limit: float) -> Job:
        """The head job answered: the next one has started now."""
        head = self.queue.popleft()
        if self.queue:
            self.deadline = time.monotonic() + (self.queue[0].time_limit or time_limit)
        return head

    def stop(self, kill: bool = False) -> None:
        if self.conn.closed:  # stopped already
            return
        self.end(kill)
        self.process.join(timeout=2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=2)
        self.conn.close()

    def end(self, kill: bool = False) -> None:
        """Tell the worker to end (or kill it), without waiting for it to go."""
        if self.conn.closed or (self.ending and not kill):
            return
        self.ending = True
        if kill:
            self.process.kill()
            return
        try:
            self.conn.send(None)
        except (BrokenPipeError, OSError):
            self.process.kill()


def _context() -> Any:
    """Fork when this process has one thread, as forking copies only the calling thread and
    any lock another thread holds would stay locked forever in the child; otherwise the
    forkserver (Linux) or spawn, which start from a clean process."""
    if not sys.platform.startswith("linux"):
        return multiprocessing.get_context("spawn")
    if threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver")
    # The server imports what this process has imported of ours once; its forks start warm.
    names = list(sys.modules)  # a copy: another thread may be importing
    context.set_forkserver_preload(sorted(m for m in names if m.startswith("pipeline.")))
    return context


class _Stopped(BaseException):
    """The run was told to stop (terminal closed, `kill`): unwinds through the pool's cleanup."""


@contextlib.contextmanager
def _stop_on_signals() -> Iterator[None]:
    """SIGTERM and SIGHUP end the run through its `finally` blocks, so the workers are
    stopped and temporary files removed; only the main thread may set handlers."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(number: int, _frame: object) -> None:
        raise _Stopped(number)

    previous = {}
    for number in (signal.SIGTERM, signal.SIGHUP):
        with contextlib.suppress(ValueError, OSError, AttributeError):
            previous[number] = signal.signal(number, stop)
    try:
        yield
    except _Stopped as stopped:
        raise SystemExit(128 + int(stopped.args[0])) from None
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def run_jobs(
    jobs: Iterable[Job],
    workers: int,
    time_limit: float = DEFAULT_TIME_LIMIT,
    memory_limit: int = DEFAULT_MEMORY_LIMIT,
    on_done: Callable[[int, Any], None] | None = None,
    on_started: Callable[[], None] | None = None,
    budget: float | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> dict[int, Any]:
    """Run every job in a pool of `workers` processes; every job gets a result or a Failure.

    `on_started` is called once the workers exist, so the caller can use the wait (in a
    thread: no job is handed out before it returns); without it, each worker is handed its
    jobs as it is forked; `meanwhile` once the first jobs are
    handed out, in this thread, for work of this process that the workers need not wait for.
    `budget` bounds the whole pool's time: once spent, the jobs not yet answered fail with
    `file-run-budget`, so a handful of slow files cannot hold a run for files × limit.
    """
    with _stop_on_signals():
        return _run_jobs(
            list(jobs), workers, time_limit, memory_limit, on_done, on_started, budget, meanwhile
        )


def _run_jobs(
    pending: list[Job],
    workers: int,
    time_limit: float,
    memory_limit: int,
    on_done: Callable[[int, Any], None] | None,
    on_started: Callable[[], None] | None,
    budget: float | None,
    meanwhile: Callable[[], None] | None = None,
) -> dict[int, Any]:
    pending.reverse()
    results: dict[int, Any] = {}
    if not pending:
        if on_started is not None:
            on_started()
        if meanwhile is not None:
            meanwhile()
        return results
    ends = time.monotonic() + budget if budget is not None else float("inf")
    slots: list[_Slot] = []

    def record(job: Job, result: Any) -> None:
        results[job.key] = result
        if on_done is not None:
            on_done(job.key, result)

    def fail_head(index: int, problem: str) -> None:
        """The running job failed and took its worker with it; the queued ones run again."""
        slot = slots[index]
        head = slot.queue.popleft()
        limit = int(head.time_limit or time_limit)
        record(head, Failure(problem, {"limit": limit}))
        pending.extend(reversed(slot.queue))
        slot.stop(kill=True)
        slots[index] = _Slot(memory_limit)

    def fill(index: int) -> None:
        slot = slots[index]
        while len(slot.queue) < DEPTH and pending and not (slot.queue and slot.queue[-1].long):
            if not slot.give(pending.pop(), time_limit):
                fail_head(index, "file-crashed-reader")
                return

    try:
        for _ in range(max(1, min(workers, len(pending)))):
            slots.append(_Slot(memory_limit))
            if on_started is None:  # nobody waits for every worker: this one starts now,
                fill(len(slots) - 1)  # not a fork of the next later (26 ms at 400 MB)
        if on_started is not None:
            on_started()
        while pending or any(s.queue for s in slots):
            if time.monotonic() > ends:
                for slot in slots:
                    pending.extend(reversed(slot.queue))
                    slot.queue.clear()
                    slot.stop(kill=True)
                for job in reversed(pending):
                    record(job, Failure(BUDGET_SPENT, {"limit": int(budget or 0)}))
                pending.clear()
                break
            for index in range(len(slots)):
                fill(index)
            if meanwhile is not None:
                meanwhile()
                meanwhile = None
            busy = {s.conn: i for i, s in enumerate(slots) if s.queue or not s.ready}
            for conn in wait(list(busy), timeout=0.05):
                index = busy[conn]
                try:
                    key, result = slots[index].conn.recv()
                except (EOFError, OSError):  # the worker died: a crash or the memory limit
                    fail_head(index, "file-crashed-reader")
                    continue
                if key == _READY:
                    slots[index].started(time_limit)
                    continue
                record(slots[index].done(time_limit), result)
            now = time.monotonic()
            for index, slot in enumerate(slots):
                if slot.queue and now > slot.deadline:
                    fail_head(index, "file-timeout")
    except BaseException:  # stopped by a signal or Ctrl+C: nothing to wait for
        for slot in slots:
            slot.stop(kill=True)
        raise
    finally:
        for slot in slots:  # every worker ends at once; then each is waited for
            slot.end()
        for slot in slots:
            slot.stop()
    return results
