"""The extra columns of a task matrix (`Sản phẩm`, `Kinh phí`, `TT gốc` …), per task.

`import-plan` keeps every column of a plan's appendix that is not one of the five Contract 1
columns, at the right of the `Nhiệm vụ` sheet. `load_plan` reads columns by header and does
not need them; this is the hook for whoever shows them, such as the form writer, which may
add them to each agency's form as pre-filled, locked reference columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline.contracts.matrix import TASK_NUMBER, TASK_SHEET, TASKS
from pipeline.core.text import fold, one_line
from pipeline.plan.numbering import ROMAN


@dataclass(frozen=True)
class ReferenceColumns:
    headers: tuple[str, ...] = ()
    by_task: dict[str, dict[str, str]] = field(default_factory=dict)  # task number -> values

    def values(self, task: str) -> tuple[str, ...]:
        row = self.by_task.get(task, {})
        return tuple(row.get(h, "") for h in self.headers)


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else one_line(str(value))


def read_reference_columns(plan_path: Path) -> ReferenceColumns:
    """Headers of the extra columns in sheet order, and each task's values in them."""
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(plan_path))
    names = [n for n in workbook.sheet_names if fold(n) == fold(TASK_SHEET)]
    if not names:
        return ReferenceColumns()
    rows = workbook.get_sheet_by_name(names[0]).to_python()
    if not rows:
        return ReferenceColumns()
    header = [_text(v) for v in rows[0]]
    standard = {fold(h) for h in TASKS.names}
    extras = [(i, h) for i, h in enumerate(header) if h and fold(h) not in standard]
    tt = next((i for i, h in enumerate(header) if fold(h) == fold(TASK_NUMBER)), 0)
    by_task: dict[str, dict[str, str]] = {}
    for row in rows[1:]:
        number = _text(row[tt]) if tt < len(row) else ""
        if number and not ROMAN.match(number.upper()):
            by_task[number] = {h: _text(row[i]) if i < len(row) else "" for i, h in extras}
    return ReferenceColumns(tuple(h for _, h in extras), by_task)
