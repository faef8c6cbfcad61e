"""The rule table: each rule's own case, found exactly where it should be and lost without it.

Cases are built as the reader workers would hand them over (normalized records of Sở Y tế's
form, which leads tasks 1 and 13 on rows 13 and 14 under a header on row 12), so every
rule is checked in a fraction of a second, without writing files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import Any

import pandas as pd
import pytest

from pipeline.contracts.form import (
    DONE,
    FORM_COLUMNS,
    IN_PROGRESS,
    NOT_STARTED,
    PREFILLED,
)
from pipeline.core.errors import KehoachError
from pipeline.forms.metadata import FormMeta, fingerprint
from pipeline.intake import normalize
from pipeline.intake.discover import InboxFile
from pipeline.intake.reader import ReadResult
from pipeline.intake.returns import Identity, Return
from pipeline.plan.model import Plan
from pipeline.rules.findings import findings_of
from pipeline.rules.schema import build_schema, failures
from pipeline.rules.table import RULES, Rule, Scope, Target
from pipeline.rules.validate import validate
from tests.helpers import fresh_python

AS_OF = date(2024, 12, 20)
AGENCY = "so_y_te"
COLUMNS = {c.field: i for i, c in enumerate(FORM_COLUMNS)}
HEADER_ROW = 12
GOOD = {"status": DONE, "progress": 100, "result": "Đã ban hành", "done_date": date(2024, 10, 1)}

Edit = Callable[[list[dict[str, Any]]], None]


def _return(
    plan: Plan,
    edit: Edit | None = None,
    *,
    rel: str = "2024_so_y_te.xlsx",
    kind: str = "xlsx",
    fallback: bool = False,
    prefilled_as_sent: bool = True,
    other_tables: tuple[str, ...] = (),
    saved_doubt: str = "",
) -> Return:
    """Sở Y tế's return: every row as generated and answered well, then `edit` applied to
    the raw cells (a list of {field: value}, in form order, `row` = the Excel row)."""
    raws: list[dict[str, Any]] = []
    for offset, assignment in enumerate(
        sorted(plan.assignments(AGENCY), key=lambda a: (a.role != "Chủ trì", int(a.task.number)))
    ):
        task = assignment.task
        raws.append(
            {
                "row": HEADER_ROW + 1 + offset,
                "group": task.group,
                "task": task.number,
                "content": task.content,
                "role": assignment.role,
                "timeline": task.timeline.text,
                **GOOD,
            }
        )
    sent = fingerprint([[_record(r)[n] for n in PREFILLED] for r in raws])
    if edit is not None:
        edit(raws)
    records = []
    for raw in raws:
        record = _record(raw)
        record["row"] = raw["row"]
        records.append(record)
    read = ReadResult(
        sha256="x",
        kind=kind,
        sheet="Báo cáo",
        header_row=HEADER_ROW,
        columns=dict(COLUMNS),
        header_block={"report_date": date(2024, 12, 10)},
        records=records,
        prefilled_fingerprint=fingerprint([[r[n] for n in PREFILLED] for r in records]),
        other_tables=list(other_tables),
    )
    meta = FormMeta(
        plan.settings.plan_code,
        AGENCY,
        "2024",
        plan.settings.form_version,
        sent if prefilled_as_sent else "changed",
    )
    identity = (
        Identity(AGENCY, None, "filename", "2024_so_y_te")
        if fallback
        else Identity(
            AGENCY,
            meta,
            saved_at=datetime(2024, 12, 10),
            saved_source="workbook" if not saved_doubt else "file",
            saved_doubt=saved_doubt,
        )
    )
    return Return(0, InboxFile(rel, None, b"", 1, datetime(2024, 12, 10)), read, identity)


def _record(raw: dict[str, Any]) -> dict[str, Any]:
    """As the reader makes it: `unsaved` ({field: formula}) are the input cells holding a
    formula with no saved value, read as blank and noted (intake/reader.py)."""
    unsaved = raw.get("unsaved", {})
    record = normalize.record({k: v for k, v in raw.items() if k not in ("row", "unsaved")})
    notes = record["notes"]
    assert isinstance(notes, list)
    notes += [(name, "formula-not-saved", formula) for name, formula in unsaved.items()]
    return record


def _task(number: str, **values: Any) -> Edit:
    def edit(raws: list[dict[str, Any]]) -> None:
        for raw in raws:
            if raw["task"] == number:
                for key, value in values.items():
                    raw[key] = value

    return edit


def _duplicate_13(raws: list[dict[str, Any]]) -> None:
    row = next(r for r in raws if r["task"] == "13")
    raws.append({**row, "row": raws[-1]["row"] + 1})


def _drop_13(raws: list[dict[str, Any]]) -> None:
    raws[:] = [r for r in raws if r["task"] != "13"]


def _add_task_5(raws: list[dict[str, Any]]) -> None:
    raws.append({**raws[-1], "task": "5", "content": "", "row": raws[-1]["row"] + 1})


def _swap_in_task_1_text(raws: list[dict[str, Any]]) -> None:
    """Task 13's row holding task 1's text, as when TT is swapped between two lead rows."""
    first = next(r for r in raws if r["task"] == "1")
    next(r for r in raws if r["task"] == "13")["content"] = first["content"]


# rule code -> (how Sở Y tế's return is made wrong, the cells of the findings expected)
CASES: dict[str, tuple[dict[str, Any], list[str]]] = {
    "status-missing": ({"edit": _task("13", status=None)}, ["Báo cáo!F14"]),
    "status-invalid": ({"edit": _task("13", status="Xong rồi")}, ["Báo cáo!F14"]),
    "progress-not-number": ({"edit": _task("13", progress="gần xong")}, ["Báo cáo!G14"]),
    "progress-out-of-range": ({"edit": _task("13", progress=150)}, ["Báo cáo!G14"]),
    "funding-not-number": ({"edit": _task("13", funding="nhiều")}, ["Báo cáo!L14"]),
    "funding-negative": ({"edit": _task("13", funding=-5)}, ["Báo cáo!L14"]),
    "date-invalid": ({"edit": _task("13", done_date="quý 3")}, ["Báo cáo!H14"]),
    "task-not-assigned": ({"edit": _add_task_5}, ["Báo cáo!B20"]),
    "task-duplicate": ({"edit": _duplicate_13}, ["Báo cáo!B20"]),
    "lead-task-missing": ({"edit": _drop_13}, ["Báo cáo!B12"]),
    "done-without-result": ({"edit": _task("13", result="")}, ["Báo cáo!I14"]),
    "done-progress-below-100": ({"edit": _task("13", progress=80)}, ["Báo cáo!G14"]),
    "not-started-without-reason": (
        {"edit": _task("13", status=NOT_STARTED, progress=0, done_date=None)},
        ["Báo cáo!J14"],
    ),
    "progress-100-not-done": (
        {"edit": _task("13", status=IN_PROGRESS, done_date=None)},
        ["Báo cáo!F14"],
    ),
    "date-after-report": ({"edit": _task("13", done_date=date(2024, 12, 30))}, ["Báo cáo!H14"]),
    "prefilled-edited": (
        {"edit": _task("13", content="Nhiệm vụ đã sửa lại"), "prefilled_as_sent": False},
        ["Báo cáo!C14"],
    ),
    "text-too-long": ({"edit": _task("13", note="x" * 40_000)}, ["Báo cáo!M14"]),
    "legacy-encoding": ({"edit": _task("13", result="§· ban hµnh kÕ ho¹ch")}, ["Báo cáo!I14"]),
    "identified-by-fallback": ({"fallback": True}, [""]),
    "task-content-mismatch": (
        {"edit": _swap_in_task_1_text, "prefilled_as_sent": False},
        ["Báo cáo!B14"],
    ),
    "status-read-as": ({"edit": _task("13", status="Đã thực hiện")}, ["Báo cáo!F14"]),
    "progress-from-status": (
        {"edit": _task("13", status="Hoàn thành 100%", progress=None)},
        ["Báo cáo!G14"],
    ),
    "progress-approximate": ({"edit": _task("13", progress="khoảng 100%")}, ["Báo cáo!G14"]),
    "progress-read-as-fraction": ({"edit": _task("13", progress=1)}, ["Báo cáo!G14"]),
    "funding-unit-converted": ({"edit": _task("13", funding="150.000.000 đồng")}, ["Báo cáo!L14"]),
    "funding-no-amount": ({"edit": _task("13", funding="Lồng ghép")}, ["Báo cáo!L14"]),
    "funding-implausible": ({"edit": _task("13", funding=2_000_000)}, ["Báo cáo!L14"]),
    "date-month-only": ({"edit": _task("13", done_date="10/2024")}, ["Báo cáo!H14"]),
    "date-quarter-only": ({"edit": _task("13", done_date="Quý III/2024")}, ["Báo cáo!H14"]),
    "date-short-year": ({"edit": _task("13", done_date="01/10/24")}, ["Báo cáo!H14"]),
    "formula-not-saved": (
        {"edit": _task("13", progress=None, unsaved={"progress": "=50+50"})},
        ["Báo cáo!G14"],
    ),
    "filename-other-agency": ({"rel": "2024_so_tttt.xlsx"}, [""]),
    "report-table-twice": ({"other_tables": ("Báo cáo (2)",)}, [""]),
    "extension-mismatch": ({"rel": "2024_so_y_te.xls"}, [""]),
    "saved-time-not-believed": ({"saved_doubt": "01/01/2099 09:00"}, [""]),
}


# Findings a case brings besides its own rule's: a row with another task's text is an edited
# pre-filled cell too.
ALSO: dict[str, list[tuple[str, str]]] = {
    "task-content-mismatch": [("prefilled-edited", "Báo cáo!C14")],
}


def _found(
    plan: Plan, case: dict[str, Any], rules: tuple[Rule, ...] = RULES
) -> list[tuple[str, str]]:
    _, findings = validate([_return(plan, **case)], plan, AS_OF, rules)
    return [(f.code, f.cell) for f in findings_of(findings)]


def test_every_rule_has_a_case() -> None:
    assert set(CASES) == {rule.code for rule in RULES}


def test_the_schemas_check_exactly_the_rule_table() -> None:
    names = [
        check.name
        for target in Target
        for check in build_schema(target).checks  # frame-wide checks, one per rule
    ]
    assert sorted(names) == sorted(rule.code for rule in RULES)
    assert len(set(names)) == len(names)


def test_a_return_as_sent_has_no_finding(plan: Plan) -> None:
    assert _found(plan, {}) == []


@pytest.mark.parametrize("code", list(CASES))
def test_each_rule_finds_its_case_at_its_cell(plan: Plan, code: str) -> None:
    case, cells = CASES[code]
    expected = [(code, cell) for cell in cells] + ALSO.get(code, [])
    assert sorted(_found(plan, case)) == sorted(expected)


@pytest.mark.parametrize("code", list(CASES))
def test_each_rule_is_needed(plan: Plan, code: str) -> None:
    """Without its check, a rule's case goes unnoticed: no other rule stands in for it."""
    case, _ = CASES[code]
    without = tuple(rule for rule in RULES if rule.code != code)
    assert _found(plan, case, without) == ALSO.get(code, [])


def test_an_unknown_failure_is_an_internal_error(plan: Plan) -> None:
    """A check that cannot run (here: a column renamed away) fails closed, loudly."""
    broken = Rule(
        "status-invalid", "error", "status", Scope.ROW, Target.ROWS, lambda f: f["renamed"].isna()
    )
    rules = tuple(broken if r.code == "status-invalid" else r for r in RULES)
    with pytest.raises(KehoachError) as raised:
        _found(plan, {}, rules)
    assert raised.value.key == "internal-error"
    assert "status-invalid" in raised.value.params["detail"]


def test_a_failure_of_no_known_rule_is_an_internal_error() -> None:
    stray = build_schema(
        Target.ROWS,
        (Rule("not-in-table", "error", None, Scope.ROW, Target.ROWS, lambda f: f["a"] < 1),),
    )
    with pytest.raises(KehoachError) as raised:
        failures(stray, pd.DataFrame({"a": [0, 5]}), {rule.code for rule in RULES})
    assert raised.value.key == "internal-error"


def test_each_error_says_what_it_costs() -> None:
    """Whole-file problems reject the return; the rest cost their task row only."""
    file_level = {r.code for r in RULES if r.scope == Scope.FILE and r.severity == "error"}
    assert file_level == {"lead-task-missing"}
    assert all(r.scope == Scope.ROW for r in RULES if r.target == Target.ROWS)


def test_findings_quote_the_agency_and_carry_their_scope(plan: Plan) -> None:
    rows, findings = validate([_return(plan, _task("13", status="Xong rồi"))], plan, AS_OF)
    [finding] = findings_of(findings)
    assert (finding.value, finding.task, finding.scope, finding.agency) == (
        "Xong rồi",
        "13",
        "row",
        AGENCY,
    )
    assert len(rows) == len(plan.assignments(AGENCY))


def test_returns_are_validated_together(plan: Plan) -> None:
    first = _return(plan, _task("13", progress=150))
    second = replace(_return(plan, _task("1", funding=-1)), rid=1)
    _, findings = validate([first, second], plan, AS_OF)
    assert sorted((f.rid, f.code, f.cell) for f in findings_of(findings)) == [
        (0, "progress-out-of-range", "Báo cáo!G14"),
        (1, "funding-negative", "Báo cáo!L13"),
    ]


def test_a_run_does_not_load_hypothesis_for_pandera() -> None:
    """pandera loads hypothesis (0.25 s) whenever it is installed, as it is after `make demo`;
    the schemas and a first validation do without it, and it can still be imported after."""
    code = (
        "import sys, pipeline.run\n"
        "pipeline.run._warm_up()\n"
        "print('hypothesis' in sys.modules)\n"
        "import hypothesis.strategies\n"
        "print('hypothesis' in sys.modules)"
    )
    assert fresh_python(code).split() == ["False", "True"]


def test_the_warm_up_pauses_the_collector_and_puts_it_back_as_it_was() -> None:
    """Loading pandas and pandera makes no garbage: the collector is off meanwhile and the
    loaded objects are frozen out of its sight; it is on again after, unless it was off."""
    code = (
        "import gc, pipeline.run\n"
        "seen = []\n"
        "gc.callbacks.append(lambda phase, info: seen.append(info['generation']))\n"
        "pipeline.run._warm_up()\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 100_000, len(seen))\n"
        "print(pipeline.core.workers._FROZEN_FOR_LIFE)\n"
        "gc.unfreeze(); gc.disable()\n"
        "pipeline.run._warm_up()\n"
        "print(gc.isenabled(), gc.get_freeze_count())"
    )  # loaded already, the second time: nothing paused, nothing of the run frozen for good
    assert fresh_python(code).split() == ["True", "True", "0", "True", "False", "0"]
