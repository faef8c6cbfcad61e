"""Where a failing line's findings point: the field, what the agency wrote, and the
parameters of the message, for the rules of `rules/table.py` that say more than "this field".

Like the table, this module imports neither pandas nor pandera: it reads plain line dicts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from pipeline.contracts.form import EXCEL_TEXT_LIMIT, TEXT_INPUTS
from pipeline.core.text import fold


@dataclass(frozen=True)
class Place:
    """One finding a failing line gives: the field it points at, what the agency wrote, and
    the parameters of its message."""

    field: str | None
    value: str
    params: dict[str, Any]


Locate = Callable[[dict[str, Any]], list[Place]]


def show(value: object) -> str:
    """A value as the agency sees it in a message: 80 %, 30/11/2024, nothing for empty."""
    if value is None or (isinstance(value, float) and value != value):  # NaN
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return str(value)


# --- where a failing row's findings point -------------------------------------------------


def edited_places(line: dict[str, Any]) -> list[Place]:
    expected = {"content": line["planned_content"], "role": line["plan_role"]}
    return [
        Place(
            name,
            line[name][:80],
            {"task": line["task"], "value": line[name][:80], "expected": want[:80]},
        )
        for name, want in expected.items()
        if fold(line[name]) != fold(want)
    ]


def long_places(line: dict[str, Any]) -> list[Place]:
    return [
        Place(name, "", {"length": len(line[name]), "task": line["task"]})
        for name in TEXT_INPUTS
        if len(line[name]) > EXCEL_TEXT_LIMIT
    ]


def legacy_places(line: dict[str, Any]) -> list[Place]:
    return [
        Place(
            name,
            original[:80],
            {"task": line["task"], "encoding": encoding, "value": original[:80]},
        )
        for name, encoding, original in line["legacy"]
    ]


def report_date_place(line: dict[str, Any]) -> list[Place]:
    shown = show(line["done_date"])
    report = line["report_date"]
    return [
        Place(
            "done_date",
            shown,
            {
                "task": line["task"],
                "value": shown,
                "report_date": f"{report:%d/%m/%Y}" if isinstance(report, date) else "?",
            },
        )
    ]


# --- where a failing return's findings point (columns: see validate.prepare_files) ----


def missing_lead_places(line: dict[str, Any]) -> list[Place]:
    return [Place("task", "", {"task": task}) for task in line["missing_leads"]]


def fallback_place(line: dict[str, Any]) -> list[Place]:
    value = line["fallback_value"]
    return [Place(None, value, {"source": line["fallback_source"], "value": value})]


def doubt_place(line: dict[str, Any]) -> list[Place]:
    saved = line["saved_doubt"]
    return [Place(None, saved, {"saved": saved, "file": line["received_text"]})]


def extension_place(line: dict[str, Any]) -> list[Place]:
    suffix = line["suffix"]
    return [Place(None, suffix, {"extension": suffix, "kind": "." + line["kind"]})]


def swapped_place(line: dict[str, Any]) -> list[Place]:
    content = str(line["content"])[:80]
    params = {"task": line["task"], "value": content, "other": line["content_of_task"]}
    return [Place("task", content, params)]


def named_place(line: dict[str, Any]) -> list[Place]:
    name = line["file_name"]
    params = {"value": name, "named": line["named_agency"], "agency": line["agency_name"]}
    return [Place(None, name, params)]


def tables_place(line: dict[str, Any]) -> list[Place]:
    sheets = ", ".join(f"'{s}'" for s in [line["sheet"], *line["other_tables"]])
    return [Place(None, line["sheet"], {"sheets": sheets, "read": line["sheet"]})]


def note_places(code: str) -> Locate:
    def places(line: dict[str, Any]) -> list[Place]:
        return [
            Place(
                name,
                written[:80],
                {"task": line["task"], "value": written[:80], "read": show(line.get(name))},
            )
            for name, note, written in line["notes"]
            if note == code
        ]

    return places
