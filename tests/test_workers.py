"""The worker pool: every job gets an answer, whatever a job does to its worker."""

from __future__ import annotations

import os
import time

import pytest

from pipeline.core.workers import Failure, Job, run_jobs


def echo(value: int) -> int:
    return value * 2


def hang(_: int) -> int:
    time.sleep(60)
    return 0


def crash(_: int) -> int:
    os.abort()  # what a Rust panic in a parser does to the process


def hog(_: int) -> int:
    block = bytearray(2 * 1024 * 1024 * 1024)  # over the memory limit
    return len(block)


def buggy(_: int) -> int:
    raise ValueError("a bug in a job")


def test_every_job_is_answered_and_queued_jobs_survive_their_worker() -> None:
    tasks = [echo, hang, echo, crash, echo, hog, echo, buggy, echo, echo]
    jobs = [Job(i, task, i) for i, task in enumerate(tasks)]
    started = time.monotonic()
    results = run_jobs(jobs, workers=2, time_limit=1.0, memory_limit=256 * 1024 * 1024)
    assert time.monotonic() - started < 30
    assert sorted(results) == list(range(len(tasks)))
    for key, task in enumerate(tasks):
        if task is echo:
            assert results[key] == key * 2
    assert results[1] == Failure("file-timeout")
    assert results[3] == Failure("file-crashed-reader")
    assert results[5] in (Failure("file-out-of-memory"), Failure("file-crashed-reader"))
    assert results[7] == Failure("job-failed")


def test_a_job_may_have_its_own_time_limit() -> None:
    results = run_jobs([Job(0, hang, 0, time_limit=0.5)], workers=1, time_limit=120)
    assert results == {0: Failure("file-timeout")}


def pid_after(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def test_nothing_waits_behind_a_long_job_while_another_worker_is_free() -> None:
    """The leadership workbook is queued first and marked long: the feedback copies go to
    the other worker instead of queueing behind it (the default queue is four deep)."""
    jobs = [Job(0, pid_after, 0.3, long=True)] + [Job(i, pid_after, 0.0) for i in (1, 2, 3)]
    results = run_jobs(jobs, workers=2)
    assert {results[i] for i in (1, 2, 3)} == {results[2]} != {results[0]}
    plain = run_jobs([Job(0, pid_after, 0.3)] + [Job(i, pid_after, 0.0) for i in (1, 2, 3)], 2)
    assert {plain[i] for i in (0, 1, 2, 3)} == {plain[0]}  # what `long` changes


def test_a_long_job_alone_in_one_worker_still_lets_the_rest_run_after_it() -> None:
    jobs = [Job(0, pid_after, 0.0, long=True)] + [Job(i, echo, i) for i in (1, 2, 3)]
    results = run_jobs(jobs, workers=1)
    assert [results[i] for i in (1, 2, 3)] == [2, 4, 6]


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def frozen_objects(_: int) -> int:
    import gc

    return gc.get_freeze_count()


def test_a_forked_worker_skips_the_parents_objects_and_the_parent_keeps_collecting() -> None:
    import gc
    import weakref

    from pipeline.core.workers import _context

    garbage = _Cycle()
    alive = weakref.ref(garbage)
    del garbage  # a cycle: only the collector frees it
    results = run_jobs([Job(0, frozen_objects, 0)], workers=1)
    if _context().get_start_method() == "fork":
        assert results[0] > 1000  # the worker's collector leaves the inherited heap alone
    assert gc.get_freeze_count() == 0
    gc.collect()
    assert alive() is None


def test_a_process_frozen_for_life_forks_without_counting_what_it_froze(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Counting the frozen objects walks every one of them (22 ms with pandas and pandera
    loaded, at each fork): once the run's warm-up froze its modules, the pool trusts that."""
    import gc

    from pipeline.core import workers

    def counted() -> int:
        raise AssertionError("the frozen objects were counted")

    monkeypatch.setattr(workers, "_FROZEN_FOR_LIFE", True)
    monkeypatch.setattr(gc, "get_freeze_count", counted)
    assert run_jobs([Job(0, echo, 21)], workers=1) == {0: 42}


def test_a_freeze_the_process_made_itself_is_left_alone() -> None:
    """A host (or the run's own warm-up) that froze its long-lived objects keeps them frozen;
    the pool neither thaws them nor freezes the host's newer objects for good."""
    import gc

    gc.freeze()
    try:
        before = gc.get_freeze_count()
        assert before > 0
        assert run_jobs([Job(0, echo, 21)], workers=1) == {0: 42}
        assert gc.get_freeze_count() == before
    finally:
        gc.unfreeze()
