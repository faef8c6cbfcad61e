"""The form's checked inputs: the status drop-down and the ranges of progress, dates and funding,
with their Vietnamese prompts (documents are always Vietnamese) and the validator's own ranges."""

from __future__ import annotations

from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.contracts.form import (
    DATE_FIRST,
    DATE_LAST,
    FORM_COLUMNS,
    PROGRESS_MAX,
    PROGRESS_MIN,
    STATUSES,
    excel_serial,
)
from pipeline.core.catalog import t


def _column_range(first_col: int, field: str, top: int, bottom: int) -> str:
    index = next(i for i, c in enumerate(FORM_COLUMNS) if c.field == field)
    letter = get_column_letter(first_col + index)
    return f"{letter}{top}:{letter}{bottom}"


def _validation(kind: Any, key: str, **options: Any) -> DataValidation:
    validation = DataValidation(
        type=kind,
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
        errorStyle="stop",
        **options,
    )
    validation.promptTitle = t(f"{key}-title", "vi")[:32]
    validation.prompt = t(f"{key}-prompt", "vi")[:255]
    validation.errorTitle = t(f"{key}-title", "vi")[:32]
    validation.error = t(f"{key}-error", "vi")[:255]
    return validation


def add_validations(
    sheet: Worksheet, top: int, bottom: int, first_col: int, report_date: str | None
) -> None:
    """Drop-downs and checked inputs on the rows top..bottom, and on the report's date cell
    when the template has one on this sheet."""
    specs = (
        ("status", _validation("list", "dv-status", formula1='"' + ",".join(STATUSES) + '"')),
        (
            "progress",
            _validation(
                "decimal",
                "dv-progress",
                operator="between",
                formula1=str(int(PROGRESS_MIN)),
                formula2=str(int(PROGRESS_MAX)),
            ),
        ),
        ("done_date", _date_validation()),
        (
            "funding",
            _validation("decimal", "dv-funding", operator="greaterThanOrEqual", formula1="0"),
        ),
    )
    for field, validation in specs:
        validation.add(_column_range(first_col, field, top, bottom))
        sheet.add_data_validation(validation)
    if report_date is not None:
        validation = _date_validation()
        validation.add(report_date)
        sheet.add_data_validation(validation)


def _date_validation() -> DataValidation:
    return _validation(
        "date",
        "dv-date",
        operator="between",
        formula1=str(excel_serial(DATE_FIRST)),
        formula2=str(excel_serial(DATE_LAST)),
    )
