"""Reading values of the task matrix's cells, and collecting every problem of the workbook."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pipeline.core.cells import address
from pipeline.core.errors import Problem
from pipeline.core.text import clean


class Collector:
    """Collects every problem of one workbook so the officer sees them all at once."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def add(
        self, message: str, sheet: str | None = None, cell: str | None = None, **params: Any
    ) -> None:
        params = {"sheet": sheet, **params}
        self.problems.append(Problem(message, params, str(self.path), sheet, cell))


def text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean(str(value))


def cell(column: int, row: int) -> str:
    return address(column, row)


_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def parse_date(value: Any) -> date | None:
    if value is None or value == "":  # most agencies have no dates: 6,700 cells at 3,321
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    match = _DAY_MONTH_YEAR.fullmatch(text(value))
    if match:
        try:
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        except ValueError:
            return None
    return None
