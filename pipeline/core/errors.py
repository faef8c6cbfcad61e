"""Errors the library raises; `pipeline.cli` turns them into one sentence and an exit code."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Problem:
    """One thing wrong, where it is, and the message key that explains it."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    file: str | None = None
    sheet: str | None = None
    cell: str | None = None


class KehoachError(Exception):
    """A failure with a message from the catalog. Exit code 2: bad usage or configuration."""

    exit_code = 2

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


class PlanError(KehoachError):
    """The task matrix workbook has problems; all of them are collected, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("plan-invalid", count=len(problems))
        self.problems = problems


class OutputLockedError(KehoachError):
    """An output file could not be replaced, usually because it is open in Excel (a
    workbook) or Word (a letter or report draft): the sentence names the right one."""

    def __init__(self, path: str) -> None:
        word = path.lower().endswith((".docx", ".doc"))
        super().__init__("output-locked-word" if word else "output-locked", path=path)


# A library error that happens in a worker process travels back as plain data, because
# exception classes with keyword-only constructors do not survive pickling.
Carried = tuple[str, dict[str, Any]]


def carried(error: KehoachError) -> Carried:
    return error.key, error.params


def raise_carried(outcome: object) -> None:
    """Raise the error a worker sent back as `carried`, if `outcome` is one."""
    if isinstance(outcome, tuple) and len(outcome) == 2 and isinstance(outcome[0], str):
        raise KehoachError(outcome[0], **outcome[1])
