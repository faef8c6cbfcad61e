"""Carry-over of hostile previous results: text that looks like a formula stays text on the
next period's form (a result `=HYPERLINK(...)` typed as text in 2024 must not become a live
link in every 2025 form), and a result of 32,767 characters is cut to one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from pipeline.contracts.form import FORM_COLUMNS
from pipeline.forms.carryover import RESULT_CHARS, first_line
from pipeline.forms.carryover_columns import add_reference_columns

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
