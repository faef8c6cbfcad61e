"""Excel A1 addresses and a column's distinct values, without importing a spreadsheet library."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def column_letter(index: int) -> str:
    """1 → A, 27 → AA (1-based, as Excel counts)."""
    letters = ""
    while index > 0:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def column_number(letters: str) -> int:
    """A → 1, AA → 27 (upper-case letters, as Excel writes them)."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def address(column: int, row: int) -> str:
    """The A1 address of a 0-based column and a 1-based row."""
    return f"{column_letter(column + 1)}{row}"


def distinct_values(values: Iterable[Any]) -> Iterable[Any]:
    """A column's values once each, in order (all of them when one cannot be hashed): the
    writers test a column's texts once, not once a row."""
    try:
        return dict.fromkeys(values)
    except TypeError:
        return values
