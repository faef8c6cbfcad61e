"""The leadership workbook is written by a worker process, and by this one when it cannot be."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

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
