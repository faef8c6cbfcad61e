"""The leadership workbook is written by a worker process, and by this one when it cannot be."""

from __future__ import annotations

import os
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pipeline.core.errors import KehoachError
from pipeline.outputs import run_outputs
from pipeline.plan.model import Plan
from pipeline.run import run
from tests.helpers import GOOD, answers_for, fill_return


def _writers(monkeypatch: pytest.MonkeyPatch, log: Path) -> None:
    """Note which process writes the workbook (a forked worker inherits the patch)."""
    write = run_outputs._write

    def noted(report: run_outputs.ReportInput, target: Path) -> list[str]:
        with log.open("a") as handle:
            handle.write(f"{os.getpid()}\n")
        return write(report, target)

    monkeypatch.setattr(run_outputs, "_write", noted)


def _run(plan: Plan, forms: Path, tmp_path: Path) -> Path:
    fill_return(forms, tmp_path, "so_khcn", answers_for(plan, "so_khcn", t2={**GOOD}))
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    run(plan, tmp_path / "inbox", outbox, "2024", date(2025, 1, 6), jobs=2)
    return outbox / "tong-hop-2024.xlsx"


def _fails(target: Path) -> list[str]:
    raise RuntimeError("a bug in the report worker")  # a job's bug: the worker answers Failure


def test_the_workbook_is_written_by_a_worker(
    plan: Plan, forms: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "writers.log"
    _writers(monkeypatch, log)
    workbook = _run(plan, forms, tmp_path)
    assert "Tổng quan" in load_workbook(workbook, read_only=True).sheetnames
    writers = log.read_text().split()
    assert len(writers) == 1 and writers[0] != str(os.getpid())  # once, not in this process


def test_a_failed_worker_leaves_the_workbook_to_this_process(
    plan: Plan, forms: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = os.getpid()
    log = tmp_path / "writers.log"
    _writers(monkeypatch, log)
    monkeypatch.setattr(run_outputs, "report_job", _fails)
    workbook = _run(plan, forms, tmp_path)
    assert "Tổng quan" in load_workbook(workbook, read_only=True).sheetnames
    assert log.read_text().split() == [str(parent)]


def test_a_worker_that_did_not_inherit_the_figures_says_so(tmp_path: Path) -> None:
    assert run_outputs._REPORT is None  # only set while the workers run
    assert run_outputs.report_job(tmp_path / "x.xlsx") == run_outputs.NOT_INHERITED
    assert not (tmp_path / "x.xlsx").exists()


def _broken_report(report: run_outputs.ReportInput, target: Path) -> list[str]:
    raise KehoachError("template-not-found", path=str(target))  # any failure of the outputs


def test_a_run_whose_outputs_fail_leaves_the_store_as_it_was(
    plan: Plan, forms: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store is written while the outputs are, and committed only once they are in
    place: nothing of a failed run is recorded."""
    fill_return(forms, tmp_path, "so_khcn", answers_for(plan, "so_khcn", t2={**GOOD}))
    outbox, store = tmp_path / "outbox", tmp_path / "kehoach.sqlite"
    outbox.mkdir()
    monkeypatch.setattr(run_outputs, "_write", _broken_report)
    with pytest.raises(KehoachError):
        run(plan, tmp_path / "inbox", outbox, "2024", date(2025, 1, 6), jobs=2, store=store)
    with sqlite3.connect(store) as connection:
        counts = [
            connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("receipts", "period_runs", "period_rows", "period_outcomes")
        ]
    assert counts == [0, 0, 0, 0]
    assert not (outbox / "tong-hop-2024.xlsx").exists()
    monkeypatch.undo()  # the same inbox again: the run and its record are both there
    run(plan, tmp_path / "inbox", outbox, "2024", date(2025, 1, 6), jobs=2, store=store)
    with sqlite3.connect(store) as connection:
        assert connection.execute("SELECT COUNT(*) FROM period_runs").fetchone()[0] == 1
        assert connection.execute("SELECT COUNT(*) FROM receipts").fetchone()[0] == 1
    assert (outbox / "tong-hop-2024.xlsx").exists()
