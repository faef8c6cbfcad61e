"""Carry-over of hostile previous results: text that looks like a formula stays text on the
next period's form (a result `=HYPERLINK(...)` typed as text in 2024 must not become a live
link in every 2025 form), and a result of 32,767 characters is cut to one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from pipeline.contracts.form import FORM_COLUMNS
from pipeline.forms.batch import write_forms
from pipeline.forms.carryover import RESULT_CHARS, first_line
from pipeline.forms.carryover_columns import add_reference_columns
from pipeline.plan.load import load_plan
from tests.conftest import PLAN, TEMPLATE

LINK = '=HYPERLINK("http://example.invalid/x","Bấm vào đây")'


@pytest.mark.parametrize("status", ["Đang thực hiện", "=1+1", "@SUM(A1)"])
def test_formula_looking_previous_values_stay_text(tmp_path: Path, status: str) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    add_reference_columns(sheet, 1, 1, "2024", [(status, 50.0, first_line(LINK))])
    target = tmp_path / "form.xlsx"
    book.save(target)
    reread = load_workbook(target)
    sheet = reread.active
    assert sheet is not None
    last = len(FORM_COLUMNS)
    status_cell, result_cell = sheet.cell(2, last + 1), sheet.cell(2, last + 3)
    assert (status_cell.data_type, status_cell.value) == ("s", status)
    assert (result_cell.data_type, result_cell.value) == ("s", LINK)


def test_a_result_of_the_cell_maximum_is_one_short_line() -> None:
    line = first_line("Kết quả " * 4096)
    assert len(line) <= RESULT_CHARS
    assert line.endswith("…")


def test_a_task_text_that_looks_like_a_formula_stays_text_on_the_form(tmp_path: Path) -> None:
    matrix = load_workbook(PLAN)
    cell = matrix["Nhiệm vụ"].cell(4, 2)  # the content of task 2 (Sở KH&CN leads it)
    cell.value, cell.data_type = LINK, "s"
    matrix.save(tmp_path / "task_matrix.xlsx")
    plan = load_plan(tmp_path / "task_matrix.xlsx")
    assert plan.tasks[1].content == LINK
    write_forms(plan, TEMPLATE, "2024", tmp_path / "forms", codes=["so_khcn"])
    form = load_workbook(next((tmp_path / "forms").glob("*so_khcn*.xlsx")))
    formulas = [
        c.coordinate
        for s in form.worksheets
        for r in s.iter_rows()
        for c in r
        if c.data_type == "f"
    ]
    assert formulas == []
    texts = [c.value for s in form.worksheets for r in s.iter_rows() for c in r]
    assert LINK in texts
