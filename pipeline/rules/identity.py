"""Checks that a return is what it claims to be, beyond its metadata: the file's name, the
pairing of each row's task number with its pre-filled content, and a second report table.

The metadata and the table are what the agency controls; these checks make a mismatch
visible instead of letting it move answers to another agency or another task.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from pipeline.contracts.form import ERROR, WARNING
from pipeline.core.cells import address
from pipeline.core.text import fold
from pipeline.intake.inbox import Return
from pipeline.plan.model import Plan
from pipeline.rules.findings import Finding

SAME_TASK = 0.8  # share of words in common above which a content is that task's
NOT_OWN = 0.5  # share of words in common with its own task below which a row is not its task's


def identity_findings(returns: list[Return], plan: Plan) -> list[Finding]:
    """Findings for every counting return whose identity or rows do not hold together."""
    found: list[Finding] = []
    for rid, item in enumerate(returns):
        if item.outcome or not item.agency:
            continue
        found += _named_other_agency(rid, item, plan)
        found += _swapped_rows(rid, item, plan)
        found += _second_table(rid, item)
    return found


def agency_named_by_file(rel: str, plan: Plan) -> str:
    """The one expected agency whose code the file name holds ("" when none or unclear)."""
    folded = fold(PurePosixPath(rel).stem)
    named = [code for code in plan.expected_codes if code in folded]
    if not named:
        return ""
    longest = max(named, key=len)  # "so_khdt_2" names so_khdt, not a shorter code inside it
    return longest


def _named_other_agency(rid: int, item: Return, plan: Plan) -> list[Finding]:
    if item.identified_by:  # the name was what identified it
        return []
    named = agency_named_by_file(item.rel, plan)
    if not named or named == item.agency or item.agency in fold(PurePosixPath(item.rel).stem):
        return []
    agencies = plan.registry.agencies
    return [
        Finding(
            "filename-other-agency",
            WARNING,
            rid,
            item.agency,
            "",
            PurePosixPath(item.rel).name,
            {
                "value": PurePosixPath(item.rel).name,
                "named": agencies[named].name if named in agencies else named,
                "agency": agencies[item.agency].name if item.agency in agencies else item.agency,
            },
        )
    ]


def _words(text: str) -> set[str]:
    return set(fold(text).split())


def _likeness(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(len(a | b), 1)


def _swapped_rows(rid: int, item: Return, plan: Plan) -> list[Finding]:
    """A row whose content is another task's (task numbers swapped between rows)."""
    if item.meta is not None and item.read.prefilled_fingerprint == item.meta.fingerprint:
        return []  # the pre-filled cells are exactly as generated
    tasks = {t.number: _words(t.content) for t in plan.tasks}
    column = item.read.columns.get("task", 0)
    found: list[Finding] = []
    for record in item.read.records:
        number, content = str(record.get("task") or ""), str(record.get("content") or "")
        if number not in tasks or not content:
            continue
        words = _words(content)
        if _likeness(words, tasks[number]) >= NOT_OWN:
            continue
        other = max(
            (n for n in tasks if n != number), key=lambda n: _likeness(words, tasks[n]), default=""
        )
        if other and _likeness(words, tasks[other]) >= SAME_TASK:
            found.append(
                Finding(
                    "task-content-mismatch",
                    ERROR,
                    rid,
                    item.agency,
                    f"{item.read.sheet}!{address(column, int(record['row']))}",
                    content[:80],
                    {"task": number, "value": content[:80], "other": other},
                )
            )
    return found


def _second_table(rid: int, item: Return) -> list[Finding]:
    if not item.read.other_tables:
        return []
    sheets = ", ".join(f"'{s}'" for s in [item.read.sheet, *item.read.other_tables])
    return [
        Finding(
            "report-table-twice",
            WARNING,
            rid,
            item.agency,
            "",
            item.read.sheet,
            {"sheets": sheets, "read": item.read.sheet},
        )
    ]
