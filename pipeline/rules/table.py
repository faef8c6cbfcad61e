"""The one rule table: every check of a return lives in exactly one row here.

A row says the rule's code (which keys its sentences `rule-<code>` in the form's `Hướng dẫn`
and `finding-<code>` in findings), its severity, the form field it points at, whether an
error in it costs the task row only (`ROW`) or the whole return (`FILE`), which frame it
checks (the stacked table rows of every return, or one line per return), and the check
itself: a vectorized predicate, True where the line passes (and, when a finding says more
than "this field", where it points: `rules/places.py`). `rules/schema.py` builds the
pandera schemas from this table, checks named by code; `rules/validate.py` turns each
failure into findings with `place`; the form's guide lists the table. Nothing else names a
rule's severity.

To add a rule: one row below (and, when it needs a value the frames do not carry yet, a
column in `validate.prepare_rows` or `validate.prepare_files`), its two sentences in
`core/catalog/rules.py`, and a case in `tests/test_rules.py`.

This module imports neither pandas nor pandera (the forms read it, and `kehoach templates`
does not load pandas): checks receive the frame and use its methods.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from pipeline.contracts.form import (
    DONE,
    ERROR,
    EXCEL_TEXT_LIMIT,
    FUNDING_MIN,
    NOT_STARTED,
    PROGRESS_MAX,
    PROGRESS_MIN,
    ROLE_LEAD,
    TEXT_INPUTS,
    WARNING,
)
from pipeline.core.text import fold
from pipeline.rules.places import (
    Locate,
    Place,
    doubt_place,
    edited_places,
    extension_place,
    fallback_place,
    legacy_places,
    long_places,
    missing_lead_places,
    named_place,
    note_places,
    report_date_place,
    show,
    swapped_place,
    tables_place,
)

if TYPE_CHECKING:
    import pandas as pd


class Scope(StrEnum):
    ROW = "row"  # an error excludes the task row it is on; the rest of the return counts
    FILE = "file"  # an error rejects the whole return


class Target(StrEnum):
    ROWS = "rows"  # the stacked table rows of every return being validated
    FILES = "files"  # one line per return being validated


Check = Callable[["pd.DataFrame"], "pd.Series[bool]"]


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str
    field: str | None  # the form field a finding points at; None: the file as a whole
    scope: Scope
    target: Target
    check: Check  # True where the line passes
    locate: Locate | None = None  # the findings of a failing line; default: one at `field`

    @property
    def message_key(self) -> str:
        return f"finding-{self.code}"

    @property
    def guide_key(self) -> str:
        return f"rule-{self.code}"

    def places(self, line: dict[str, Any]) -> list[Place]:
        if self.locate is not None:
            return self.locate(line)
        field = self.field or "task"
        bad = line.get(f"{field}_bad")
        shown = show(bad if isinstance(bad, str) else line.get(field))
        return [Place(self.field, shown, {"task": line.get("task", ""), "value": shown})]


# --- checks over the stacked rows (columns: see validate.prepare_rows) --------------------


def _lead(f: pd.DataFrame) -> pd.Series[bool]:
    return f["plan_role"].eq(ROLE_LEAD)


def _done(f: pd.DataFrame) -> pd.Series[bool]:
    return f["status"].eq(DONE)


def _status_present(f: pd.DataFrame) -> pd.Series[bool]:
    return ~(_lead(f) & f["status"].isna() & f["status_bad"].isna())


def _progress_in_range(f: pd.DataFrame) -> pd.Series[bool]:
    return f["progress"].isna() | f["progress"].between(PROGRESS_MIN, PROGRESS_MAX)


def _funding_not_negative(f: pd.DataFrame) -> pd.Series[bool]:
    return f["funding"].isna() | (f["funding"] >= FUNDING_MIN)


def _done_has_result(f: pd.DataFrame) -> pd.Series[bool]:
    return ~(_done(f) & f["result"].eq(""))


def _done_is_100(f: pd.DataFrame) -> pd.Series[bool]:
    return ~(_done(f) & f["progress"].notna() & (f["progress"] < PROGRESS_MAX))


def _not_started_has_reason(f: pd.DataFrame) -> pd.Series[bool]:
    return ~(f["status"].eq(NOT_STARTED) & f["difficulty"].eq(""))


def _full_is_done(f: pd.DataFrame) -> pd.Series[bool]:
    return ~(f["progress"].eq(PROGRESS_MAX) & f["status"].notna() & ~_done(f))


def _date_not_after_report(f: pd.DataFrame) -> pd.Series[bool]:
    return ~(f["done_ts"].notna() & (f["done_ts"] > f["report_ts"]))


def _prefilled_as_planned(f: pd.DataFrame) -> pd.Series[bool]:
    """Compared text by text only where the return's fingerprint says something changed."""
    ok = f["plan_role"].isna() | f["prefilled_intact"]
    suspects = f[~ok]
    if suspects.empty:
        return ok.astype(bool)
    edited = _edited_fields(suspects)
    return ok | ~edited.any(axis=1)


def _edited_fields(f: pd.DataFrame) -> pd.DataFrame:
    written = f[["content", "role"]].apply(lambda s: s.map(fold))
    planned = f[["planned_content", "plan_role"]].apply(lambda s: s.map(fold))
    edited: pd.DataFrame = written.ne(planned.to_numpy())
    return edited


def _text_fits(f: pd.DataFrame) -> pd.Series[bool]:
    fits = f["result"].str.len() <= EXCEL_TEXT_LIMIT
    for name in TEXT_INPUTS[1:]:
        fits &= f[name].str.len() <= EXCEL_TEXT_LIMIT
    return fits


def _no_legacy_text(f: pd.DataFrame) -> pd.Series[bool]:
    return ~f["legacy"].astype(bool)  # an empty list of conversions


# --- values the reader read with an interpretation (intake/normalize.py notes) -------------


def _without_note(code: str) -> Check:
    """True where the row has no note `code`; only rows with notes (few) are looked into."""

    def check(f: pd.DataFrame) -> pd.Series[bool]:
        noted = f["noted"]  # `validate.prepare_rows`: rows whose notes are not empty
        if not noted.any():
            return ~noted
        has_code = [any(c == code for _, c, _ in ns) for ns in f.loc[noted, "notes"]]
        flagged = set(f.index[noted][has_code].tolist())
        return ~f.index.to_series(index=f.index).isin(flagged)

    return check


def _note_rule(code: str, field: str | None, severity: str = WARNING) -> Rule:
    return Rule(
        code, severity, field, Scope.ROW, Target.ROWS, _without_note(code), note_places(code)
    )


R, F = Target.ROWS, Target.FILES

RULES: tuple[Rule, ...] = (
    Rule("status-missing", ERROR, "status", Scope.ROW, R, _status_present),
    Rule("status-invalid", ERROR, "status", Scope.ROW, R, lambda f: f["status_bad"].isna()),
    Rule(
        "progress-not-number", ERROR, "progress", Scope.ROW, R, lambda f: f["progress_bad"].isna()
    ),
    Rule("progress-out-of-range", ERROR, "progress", Scope.ROW, R, _progress_in_range),
    Rule("funding-not-number", ERROR, "funding", Scope.ROW, R, lambda f: f["funding_bad"].isna()),
    Rule("funding-negative", ERROR, "funding", Scope.ROW, R, _funding_not_negative),
    Rule("date-invalid", ERROR, "done_date", Scope.ROW, R, lambda f: f["done_date_bad"].isna()),
    Rule("task-not-assigned", ERROR, "task", Scope.ROW, R, lambda f: f["plan_role"].notna()),
    # Both rows of a task reported twice are left out: which one the agency meant is unknown.
    Rule("task-duplicate", ERROR, "task", Scope.ROW, R, lambda f: f["first"]),
    # A deleted lead row is a changed table, not a wrong answer: the return is rejected.
    Rule(
        "lead-task-missing",
        ERROR,
        "task",
        Scope.FILE,
        F,
        lambda f: f["missing_leads"].str.len().eq(0),
        missing_lead_places,
    ),
    Rule("done-without-result", WARNING, "result", Scope.ROW, R, _done_has_result),
    Rule("done-progress-below-100", WARNING, "progress", Scope.ROW, R, _done_is_100),
    Rule(
        "not-started-without-reason", WARNING, "difficulty", Scope.ROW, R, _not_started_has_reason
    ),
    Rule("progress-100-not-done", WARNING, "status", Scope.ROW, R, _full_is_done),
    Rule(
        "date-after-report",
        WARNING,
        "done_date",
        Scope.ROW,
        R,
        _date_not_after_report,
        report_date_place,
    ),
    Rule(
        "prefilled-edited", WARNING, "content", Scope.ROW, R, _prefilled_as_planned, edited_places
    ),
    Rule("text-too-long", WARNING, None, Scope.ROW, R, _text_fits, long_places),
    Rule("legacy-encoding", WARNING, None, Scope.ROW, R, _no_legacy_text, legacy_places),
    # A row holding another task's text (task numbers swapped): its answers are not that task's.
    Rule(
        "task-content-mismatch",
        ERROR,
        "task",
        Scope.ROW,
        R,
        lambda f: f["content_of_task"].eq(""),
        swapped_place,
    ),
    _note_rule("status-read-as", "status"),
    _note_rule("progress-from-status", "progress"),
    _note_rule("progress-approximate", "progress"),
    _note_rule("progress-read-as-fraction", "progress"),
    _note_rule("funding-unit-converted", "funding"),
    _note_rule("funding-no-amount", "funding"),
    _note_rule("funding-implausible", "funding"),
    _note_rule("date-month-only", "done_date"),
    _note_rule("date-quarter-only", "done_date"),
    _note_rule("date-short-year", "done_date"),
    # A formula with no saved value (a file written by a tool that does not compute) reads as
    # blank, yet the agency answered: the row is left out until Excel saves the file again,
    # rather than counted as not reported or as no amount (the answer is unknown, not empty).
    _note_rule("formula-not-saved", None, ERROR),
    Rule(
        "filename-other-agency",
        WARNING,
        None,
        Scope.FILE,
        F,
        lambda f: f["named_agency"].eq(""),
        named_place,
    ),
    Rule(
        "report-table-twice",
        WARNING,
        None,
        Scope.FILE,
        F,
        lambda f: f["other_tables"].str.len().eq(0),
        tables_place,
    ),
    Rule(
        "identified-by-fallback",
        WARNING,
        None,
        Scope.FILE,
        F,
        lambda f: f["identified_by"].eq(""),
        fallback_place,
    ),
    Rule(
        "saved-time-not-believed",
        WARNING,
        None,
        Scope.FILE,
        F,
        lambda f: f["saved_doubt"].eq(""),
        doubt_place,
    ),
    Rule(
        "extension-mismatch",
        WARNING,
        None,
        Scope.FILE,
        F,
        lambda f: f["expected_kind"].eq("") | f["expected_kind"].eq(f["kind"]),
        extension_place,
    ),
)
RULE_BY_CODE = {r.code: r for r in RULES}
