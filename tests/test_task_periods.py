"""Tasks over the years (issue 13): `Từ kỳ` and `Đến kỳ` on `Nhiệm vụ`.

The officer adds task 16 (led by Sở Y tế) from 2025 and ends task 2 after 2024. 2024,
recomputed with that matrix, is what it was without it; 2025 asks for and counts task 16 and
not task 2; a period the plan does not have, or a span the wrong way round, is refused.
"""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from pipeline.core.catalog import describe
from pipeline.core.errors import PlanError
from pipeline.demo.simulate import fill_form
from pipeline.forms.batch import write_forms
from pipeline.plan.load import load_plan
from pipeline.plan.task_periods import belongs
from pipeline.run import run
from tests.conftest import PLAN, TEMPLATE

PERIODS = ("2024", "2025", "2026")
GOOD = {"status": "Đã hoàn thành", "progress": 100, "result": "Đã xong"}


def _matrix(folder: Path, spans: dict[str, tuple[str, str]], new_task: bool) -> Path:
    """The embedded plan with three periods, the spans written in, and task 16 if asked."""
    target = folder / "task_matrix.xlsx"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(PLAN, target)
    workbook = load_workbook(target)
    sheet = workbook.create_sheet("Kỳ báo cáo")
    sheet.append(["Kỳ", "Từ ngày", "Đến ngày", "Hạn nộp", "Chốt số liệu"])
    for year in PERIODS:
        sheet.append([year, f"01/01/{year}", f"31/12/{year}", f"15/12/{year}", f"14/12/{year}"])
    tasks = workbook["Nhiệm vụ"]
    tasks["F1"], tasks["G1"] = "Từ kỳ", "Đến kỳ"
    if new_task:
        tasks.append(["16", "Số hóa hồ sơ khám chữa bệnh", "Sở Y tế", "", "Hàng năm"])
    for row in range(2, tasks.max_row + 1):
        number = str(tasks.cell(row, 1).value)
        if number in spans:
            tasks.cell(row, 6).value, tasks.cell(row, 7).value = spans[number]
    workbook.save(target)
    return target


def _sheets(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    workbook = load_workbook(path, read_only=True)
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in workbook.worksheets}


def _numbers(plan_path: Path, period: str, agency: str | None = None) -> list[str]:
    plan = load_plan(plan_path).for_period(period)
    if agency is None:
        return [t.number for t in plan.tasks]
    return [a.task.number for a in plan.assignments(agency)]


def test_a_task_belongs_to_the_periods_of_its_span() -> None:
    assert belongs(None, "2024", PERIODS)
    assert belongs(("2025", ""), "2026", PERIODS) and not belongs(("2025", ""), "2024", PERIODS)
    assert belongs(("", "2024"), "2024", PERIODS) and not belongs(("", "2024"), "2025", PERIODS)
    assert belongs(("2025", "2025"), "2025", PERIODS)
    assert not belongs(("2025", "2025"), "2026", PERIODS)


def test_each_period_has_its_own_tasks(tmp_path: Path) -> None:
    path = _matrix(tmp_path, {"16": ("2025", ""), "2": ("", "2024")}, new_task=True)
    assert _numbers(path, "2024") == [str(n) for n in range(1, 16)]
    assert _numbers(path, "2025") == [str(n) for n in range(1, 17) if n != 2]
    assert "16" in _numbers(path, "2026", "so_y_te")
    assert "16" not in _numbers(path, "2024", "so_y_te")


def test_a_group_left_without_tasks_in_a_period_is_left_out(tmp_path: Path) -> None:
    """Group VI holds task 15 only: ended after 2024, 2025 has no group VI."""
    path = _matrix(tmp_path, {"15": ("", "2024")}, new_task=False)
    plan = load_plan(path)
    assert "VI" in [g.numeral for g in plan.for_period("2024").groups]
    assert "VI" not in [g.numeral for g in plan.for_period("2025").groups]


def test_2024_recomputed_with_later_tasks_is_what_it_was(tmp_path: Path) -> None:
    """The same inbox, 2024 run on the matrix before and after the officer added task 16 for
    2025 and ended task 2 after 2024: every sheet of 2024's workbook is the same; 2025's
    forms ask Sở Y tế for task 16 and nobody for task 2."""
    before = _matrix(tmp_path / "before", {}, new_task=False)
    after = _matrix(tmp_path / "after", {"16": ("2025", ""), "2": ("", "2024")}, new_task=True)
    forms = tmp_path / "forms"
    plan = load_plan(before)
    write_forms(plan, TEMPLATE, "2024", forms)
    inbox = tmp_path / "inbox"
    for day, code in enumerate(("so_y_te", "so_khcn", "so_tu_phap"), start=2):
        answers = {a.task.number: dict(GOOD) for a in plan.for_period("2024").assignments(code)}
        fill_form(forms / f"2024_{code}.xlsx", inbox / f"2024_{code}.xlsx", answers, {},
                  datetime(2024, 12, day, 9, 0))  # fmt: skip
    sheets = []
    for name, path in (("before", before), ("after", after)):
        result = run(load_plan(path), inbox, tmp_path / name / "outbox", "2024", date(2025, 1, 6))
        sheets.append(_sheets(result.workbook))
    assert list(sheets[0]) == list(sheets[1])
    for name, rows in sheets[0].items():
        assert sheets[1][name] == rows, name
    forms_2025 = tmp_path / "forms-2025"
    write_forms(load_plan(after), TEMPLATE, "2025", forms_2025, codes=["so_y_te", "so_khcn"])
    asked = _sheets(forms_2025 / "2025_so_y_te.xlsx")["Báo cáo"]
    numbers = {str(row[1]) for row in asked if row and row[1] is not None}
    assert "16" in numbers and "2" not in numbers


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ({"3": ("2023", "")}, "'Từ kỳ' ghi '2023', không phải kỳ của kế hoạch"),
        ({"3": ("", "2031")}, "'Đến kỳ' ghi '2031', không phải kỳ của kế hoạch"),
        ({"3": ("2026", "2025")}, "'Từ kỳ' 2026 sau 'Đến kỳ' 2025"),
    ],
)
def test_a_span_the_plan_cannot_hold_is_refused_naming_the_cell(
    tmp_path: Path, spans: dict[str, tuple[str, str]], expected: str
) -> None:
    path = _matrix(tmp_path, spans, new_task=False)
    with pytest.raises(PlanError) as refused:
        load_plan(path)
    problems = refused.value.problems
    assert len(problems) == 1
    assert problems[0].cell in ("F6", "G6") and problems[0].sheet == "Nhiệm vụ"
    assert expected in describe(problems[0], "vi")
