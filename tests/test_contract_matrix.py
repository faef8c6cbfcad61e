"""Contract 1, the task matrix, is declared once (`pipeline/contracts/matrix.py`) and the
loader, the writer and the importer follow the declaration."""

from __future__ import annotations

import ast
import shutil
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pipeline.contracts.matrix import (
    AGENCIES,
    AGENCY_KINDS,
    KIND_COMMUNE,
    PERIODS,
    PRINTED_AGENCY,
    PRINTED_SHEET,
    SHEETS,
    TASK_SOURCE_NUMBER,
    MatrixSheet,
)
from pipeline.core.errors import PlanError
from pipeline.plan.load import load_plan
from pipeline.plan.model import Plan
from tests.conftest import PLAN, ROOT

# Every sheet name and header text of the task matrix.
MATRIX_WORDS = frozenset(
    {s.name for s in SHEETS}
    | {h for s in SHEETS for h in s.names}
    | {TASK_SOURCE_NUMBER, PRINTED_SHEET, PRINTED_AGENCY}
)
# The code that reads or writes the task matrix; `appendix_headers.py` lists the headers that
# plan documents print (its matrix headers come from the contract).
READERS = [
    *sorted((ROOT / "pipeline" / "plan").glob("*.py")),
    *sorted((ROOT / "pipeline" / "demo").glob("*.py")),
    *sorted((ROOT / "bench").glob("*.py")),
    *sorted((ROOT / "scripts").glob("*.py")),
]
SOURCE_HEADER_TABLE = ROOT / "pipeline" / "plan" / "appendix_headers.py"
# Strings that happen to be a matrix word but mean something else, each with why.
ALLOWED = {
    # the title of the group an import makes for tasks printed before any group heading
    ("appendix.py", "Nhiệm vụ"),
}


def _literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def test_no_sheet_or_header_of_the_matrix_is_typed_outside_the_contract() -> None:
    typed = [
        f"{path.relative_to(ROOT)}:{line} {value!r}"
        for path in READERS
        if path != SOURCE_HEADER_TABLE
        for line, value in _literals(path)
        if value in MATRIX_WORDS and (path.name, value) not in ALLOWED
    ]
    assert typed == []


def _without_header(tmp_path: Path, sheet: MatrixSheet, header: str) -> Path:
    """The embedded matrix (with a `Kỳ báo cáo` sheet) without one column."""
    target = tmp_path / "task_matrix.xlsx"
    shutil.copyfile(PLAN, target)
    workbook = load_workbook(target)
    periods = workbook.create_sheet(PERIODS.name)
    periods.append(list(PERIODS.names))
    periods.append(
        ["2024", date(2024, 1, 1), date(2024, 12, 31), date(2024, 12, 15), date(2024, 12, 14), "1"]
    )
    page = workbook[sheet.name]
    headers = [c.value for c in page[1]]
    if header in headers:
        page.delete_cols(headers.index(header) + 1)
    workbook.save(target)
    return target


@pytest.mark.parametrize(
    ("sheet", "header"),
    [(s, h) for s in SHEETS for h in s.names],
    ids=[f"{s.name}-{h}" for s in SHEETS for h in s.names],
)
def test_every_declared_header_is_required_or_optional_as_declared(
    tmp_path: Path, sheet: MatrixSheet, header: str
) -> None:
    target = _without_header(tmp_path, sheet, header)
    if header in sheet.optional:
        assert isinstance(load_plan(target), Plan)
        return
    with pytest.raises(PlanError) as caught:
        load_plan(target)
    missing = [p for p in caught.value.problems if p.key == "plan-header-missing"]
    assert [(p.sheet, p.params["header"]) for p in missing] == [(sheet.name, header)]


def test_a_new_matrix_has_the_written_headers_and_the_loader_reads_it(tmp_path: Path) -> None:
    """The registry of a new matrix is the columns `written` declares, in their order."""
    from pipeline.plan.import_registry import registry_rows_from_workbook

    rows = registry_rows_from_workbook(PLAN)
    assert all(len(row) == len(AGENCIES.written) for row in rows.agencies)
    assert [h.name for h in AGENCIES.written] == [
        c.value for c in load_workbook(PLAN)[AGENCIES.name][1]
    ]


def test_a_commune_kind_is_a_declared_kind(plan: Plan) -> None:
    assert KIND_COMMUNE in AGENCY_KINDS
    assert {a.kind for a in plan.registry.agencies.values()} <= set(AGENCY_KINDS)
