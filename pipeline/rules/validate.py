"""Validate every counting return at once with pandera, and map failures back to cells.

All returns are stacked into one frame so pandera runs once per run, not once per file;
each failure case's index leads back to the return, the Excel row and the column.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import pandera.pandas as pa

from pipeline.contracts.form import (
    ACCEPTED,
    ACCEPTED_WITH_WARNINGS,
    DONE,
    ERROR,
    EXCEL_TEXT_LIMIT,
    FUNDING_MIN,
    NOT_STARTED,
    PROGRESS_MAX,
    PROGRESS_MIN,
    REJECTED,
    ROLE_LEAD,
    RULE_BY_CODE,
    TEXT_INPUTS,
    WARNING,
)
from pipeline.core.catalog import t
from pipeline.core.cells import address
from pipeline.core.text import fold
from pipeline.intake import normalize
from pipeline.intake.inbox import Return
from pipeline.plan.model import Plan
from pipeline.rules.findings import Finding
from pipeline.rules.identity import identity_findings


def _cell(item: Return, name: str, row: int | None) -> str:
    col = item.read.columns.get(name, item.read.columns.get("task", 0))
    excel_row = row if row is not None else item.read.header_row
    return f"{item.read.sheet}!{address(col, excel_row)}"


def build_frame(returns: list[Return], plan: Plan) -> pd.DataFrame:
    """One row per table row of every counting return (normalized by the reader workers)."""
    roles = plan.roles
    records: list[dict[str, Any]] = []
    for rid, item in enumerate(returns):
        if item.outcome:
            continue
        report_date = normalize.day(item.read.header_block.get("report_date"))
        common = {
            "rid": rid,
            "agency": item.agency,
            "report_date": report_date if isinstance(report_date, date) else None,
        }
        for record in item.read.records:
            records.append(
                {**record, **common, "plan_role": roles.get((item.agency, str(record["task"])))}
            )
    frame = pd.DataFrame.from_records(records)
    frame.index = pd.RangeIndex(len(frame))  # failure indexes are positions
    if frame.empty:
        return frame
    frame["first"] = ~frame.duplicated(["rid", "task"], keep="first")
    return frame


def _flag(name: str) -> pa.Column:
    return pa.Column(bool, checks=pa.Check(lambda s: s, name=name), coerce=True)


def error_schema() -> pa.DataFrameSchema:
    """Errors reject the return. Each check is named by its finding code."""
    return pa.DataFrameSchema(
        {
            "status_ok": _flag("status-invalid"),
            "status_present": _flag("status-missing"),
            "progress_parsed": _flag("progress-not-number"),
            "progress": pa.Column(
                float,
                nullable=True,
                coerce=True,
                checks=pa.Check(
                    lambda s: s.between(PROGRESS_MIN, PROGRESS_MAX), name="progress-out-of-range"
                ),
            ),
            "funding_parsed": _flag("funding-not-number"),
            "funding": pa.Column(
                float,
                nullable=True,
                coerce=True,
                checks=pa.Check(lambda s: s >= FUNDING_MIN, name="funding-negative"),
            ),
            "date_parsed": _flag("date-invalid"),
            "assigned": _flag("task-not-assigned"),
            "first": _flag("task-duplicate"),
        },
        strict=False,
    )


def warning_schema() -> pa.DataFrameSchema:
    """Warnings keep the return but are listed for the officer and the agency."""
    return pa.DataFrameSchema(
        {
            "done_has_result": _flag("done-without-result"),
            "done_is_100": _flag("done-progress-below-100"),
            "not_started_has_reason": _flag("not-started-without-reason"),
            "full_is_done": _flag("progress-100-not-done"),
            "date_not_after_report": _flag("date-after-report"),
        },
        strict=False,
    )


def derive_checks(frame: pd.DataFrame, as_of: date) -> pd.DataFrame:
    f = frame
    lead = f["plan_role"].eq(ROLE_LEAD)
    report = f["report_date"].where(f["report_date"].notna(), as_of)
    done = f["status"].eq(DONE)
    return f.assign(
        status_ok=f["status_bad"].isna(),
        status_present=~(lead & f["status"].isna() & f["status_bad"].isna()),
        progress_parsed=f["progress_bad"].isna(),
        funding_parsed=f["funding_bad"].isna(),
        date_parsed=f["done_date_bad"].isna(),
        assigned=f["plan_role"].notna(),
        done_has_result=~(done & f["result"].eq("")),
        done_is_100=~(done & f["progress"].notna() & (f["progress"] < PROGRESS_MAX)),
        not_started_has_reason=~(f["status"].eq(NOT_STARTED) & f["difficulty"].eq("")),
        full_is_done=~(f["progress"].eq(PROGRESS_MAX) & f["status"].notna() & ~done),
        date_not_after_report=~(
            f["done_date"].notna() & (pd.to_datetime(f["done_date"]) > pd.to_datetime(report))
        ),
    )


def _failures(schema: pa.DataFrameSchema, frame: pd.DataFrame) -> list[tuple[str, int]]:
    """(finding code, frame index) of every failing row, from one lazy pandera run."""
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
        cases = cases[cases["index"].notna() & cases["check"].isin(list(RULE_BY_CODE))]
        pairs = zip(cases["check"].tolist(), cases["index"].tolist(), strict=True)
        return sorted({(str(c), int(i)) for c, i in pairs}, key=lambda x: (x[1], x[0]))
    return []


def validate(returns: list[Return], plan: Plan, as_of: date) -> tuple[list[Finding], pd.DataFrame]:
    """Findings for every counting return, and the stacked frame of their rows."""
    frame = build_frame(returns, plan)
    findings: list[Finding] = []
    if not frame.empty:
        derived = derive_checks(frame, as_of)
        for schema in (error_schema(), warning_schema()):
            for code, index in _failures(schema, derived):
                findings.append(_row_finding(code, derived.iloc[index], returns))
        findings += _prefilled_edits(derived, returns, plan)
        findings += _too_long(derived, returns)
        findings += _legacy_text(derived, returns)
        findings += _read_notes(derived, returns)
    findings += _missing_leads(frame, returns, plan)
    findings += _fallbacks(returns)
    findings += _mismatched_extensions(returns)
    findings += identity_findings(returns, plan)
    _settle(returns, findings)
    findings.sort(key=lambda f: (returns[f.rid].rel, _row_of(f.cell), f.cell, f.code))
    return findings, frame


def _row_of(cell: str) -> int:
    digits = "".join(ch for ch in cell.rsplit("!", 1)[-1] if ch.isdigit())
    return int(digits) if digits else 0


def _row_finding(code: str, row: pd.Series, returns: list[Return]) -> Finding:
    rule = RULE_BY_CODE[code]
    item = returns[int(row["rid"])]
    # What the agency wrote: the unreadable text when there is one, else the clean value.
    field = rule.field or "task"
    bad = row.get(f"{field}_bad")
    shown = _show(bad if isinstance(bad, str) else row.get(field, ""))
    params: dict[str, Any] = {"task": row["task"], "value": shown}
    if code == "date-after-report":
        report = row["report_date"]
        params["report_date"] = f"{report:%d/%m/%Y}" if isinstance(report, date) else "?"
    return Finding(
        code,
        rule.severity,
        int(row["rid"]),
        item.agency,
        _cell(item, field, int(row["row"])),
        shown,
        params,
    )


def _show(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return str(value)


def _missing_leads(frame: pd.DataFrame, returns: list[Return], plan: Plan) -> list[Finding]:
    found: list[Finding] = []
    present = (
        set()
        if frame.empty
        else set(zip(frame["rid"].tolist(), frame["task"].tolist(), strict=True))
    )
    for rid, item in enumerate(returns):
        if item.outcome:
            continue
        for assignment in plan.assignments(item.agency):
            if assignment.role == ROLE_LEAD and (rid, assignment.task.number) not in present:
                found.append(
                    Finding(
                        "lead-task-missing",
                        ERROR,
                        rid,
                        item.agency,
                        _cell(item, "task", None),
                        "",
                        {"task": assignment.task.number},
                    )
                )
    return found


def _prefilled_edits(frame: pd.DataFrame, returns: list[Return], plan: Plan) -> list[Finding]:
    """Edited task text or role, checked row by row only where the fingerprint differs."""
    tasks = {t.number: t for t in plan.tasks}
    found: list[Finding] = []
    edited = {
        rid
        for rid, item in enumerate(returns)
        if not item.outcome
        and (item.meta is None or item.read.prefilled_fingerprint != item.meta.fingerprint)
    }
    candidates = frame[frame["plan_role"].notna() & frame["rid"].isin(edited)]
    for rid, rows in candidates.groupby("rid", sort=True):
        item = returns[int(str(rid))]
        for _, row in rows.iterrows():
            task = tasks[row["task"]]
            expected = {"content": task.content, "role": row["plan_role"]}
            for name, want in expected.items():
                if fold(row[name]) != fold(want):
                    found.append(
                        Finding(
                            "prefilled-edited",
                            WARNING,
                            int(str(rid)),
                            item.agency,
                            _cell(item, name, int(row["row"])),
                            row[name][:80],
                            {"task": row["task"], "value": row[name][:80], "expected": want[:80]},
                        )
                    )
    return found


def _too_long(frame: pd.DataFrame, returns: list[Return]) -> list[Finding]:
    found: list[Finding] = []
    for name in TEXT_INPUTS:
        long_rows = frame[frame[name].str.len() > EXCEL_TEXT_LIMIT]
        for _, row in long_rows.iterrows():
            item = returns[int(row["rid"])]
            found.append(
                Finding(
                    "text-too-long",
                    WARNING,
                    int(row["rid"]),
                    item.agency,
                    _cell(item, name, int(row["row"])),
                    "",
                    {"length": len(row[name]), "task": row["task"]},
                )
            )
    return found


def _legacy_text(frame: pd.DataFrame, returns: list[Return]) -> list[Finding]:
    found: list[Finding] = []
    rows = frame[frame["legacy"].map(bool)]
    for rid, excel_row, task, converted in zip(
        rows["rid"].tolist(),
        rows["row"].tolist(),
        rows["task"].tolist(),
        rows["legacy"].tolist(),
        strict=True,
    ):
        item = returns[int(rid)]
        for name, encoding, original in converted:
            found.append(
                Finding(
                    "legacy-encoding",
                    WARNING,
                    int(rid),
                    item.agency,
                    _cell(item, name, int(excel_row)),
                    original[:80],
                    {"task": task, "encoding": encoding, "value": original[:80]},
                )
            )
    return found


def _read_notes(frame: pd.DataFrame, returns: list[Return]) -> list[Finding]:
    """A warning for every value read with an interpretation (a unit, a month, a wording)."""
    found: list[Finding] = []
    rows = frame[frame["notes"].map(bool)]
    for rid, excel_row, task, notes, row in zip(
        rows["rid"].tolist(),
        rows["row"].tolist(),
        rows["task"].tolist(),
        rows["notes"].tolist(),
        rows.to_dict("records"),
        strict=True,
    ):
        item = returns[int(rid)]
        for name, code, written in notes:
            read = _show(row.get(name))
            params = {"task": task, "value": written[:80], "read": read}
            cell = _cell(item, name, int(excel_row))
            found.append(Finding(code, WARNING, int(rid), item.agency, cell, written[:80], params))
    return found


def _fallbacks(returns: list[Return]) -> list[Finding]:
    sources = {"header": t("wb-fallback-header"), "filename": t("wb-fallback-filename")}
    return [
        Finding(
            "identified-by-fallback",
            WARNING,
            rid,
            item.agency,
            "",
            item.fallback_value,
            {"source": sources[item.identified_by], "value": item.fallback_value},
        )
        for rid, item in enumerate(returns)
        if not item.outcome and item.identified_by
    ]


_KIND_OF_SUFFIX = {
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".xltx": "xlsx",
    ".xltm": "xlsx",
    ".xls": "xls",
    ".ods": "ods",
}


def _mismatched_extensions(returns: list[Return]) -> list[Finding]:
    """A return read by its content although its name says another format: tell the agency."""
    found: list[Finding] = []
    for rid, item in enumerate(returns):
        suffix = "." + item.rel.rsplit(".", 1)[-1].lower() if "." in item.rel else ""
        expected = _KIND_OF_SUFFIX.get(suffix)
        if not item.outcome and item.read.kind and expected and expected != item.read.kind:
            found.append(
                Finding(
                    "extension-mismatch",
                    WARNING,
                    rid,
                    item.agency,
                    "",
                    suffix,
                    {"extension": suffix, "kind": "." + item.read.kind},
                )
            )
    return found


def _settle(returns: list[Return], findings: list[Finding]) -> None:
    errors = {f.rid for f in findings if f.severity == ERROR}
    warnings = {f.rid for f in findings if f.severity == WARNING}
    for rid, item in enumerate(returns):
        if item.outcome:
            continue
        if rid in errors:
            item.settle(
                REJECTED,
                "return-has-errors",
                n=sum(1 for f in findings if f.rid == rid and f.severity == ERROR),
            )
        elif rid in warnings:
            item.settle(
                ACCEPTED_WITH_WARNINGS,
                "return-has-warnings",
                n=sum(1 for f in findings if f.rid == rid),
            )
        else:
            item.settle(ACCEPTED, "return-ok")


def warm_up() -> None:
    """Load pandera's backends with a tiny validation, ahead of the real one."""
    import contextlib

    frame = pd.DataFrame({"status_ok": [True], "first": [True]})
    with contextlib.suppress(pa.errors.SchemaErrors, pa.errors.SchemaError):
        pa.DataFrameSchema({"status_ok": pa.Column(bool)}).validate(frame, lazy=True)
