"""Validate every candidate return at once, and map each failure back to its cell.

All returns are stacked into one rows frame (and one line per return in a files frame) so
pandera runs once per run, not once per file; each failure's index leads back to the
return, the Excel row and the column. The rules themselves are in `rules/table.py`; this
module only prepares the columns they read and places their findings.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from pipeline.contracts.form import ROLE_LEAD
from pipeline.core.catalog import t
from pipeline.core.cells import address
from pipeline.intake import normalize
from pipeline.intake.returns import Return
from pipeline.plan.model import Plan
from pipeline.rules.findings import Finding, findings_frame
from pipeline.rules.identity import other_agency_named, task_of_content, task_words
from pipeline.rules.schema import build_schema, failures
from pipeline.rules.table import RULE_BY_CODE, RULES, Rule, Target

_KIND_OF_SUFFIX = {
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".xltx": "xlsx",
    ".xltm": "xlsx",
    ".xls": "xls",
    ".ods": "ods",
}


def prepare_rows(returns: list[Return], plan: Plan, as_of: date) -> pd.DataFrame:
    """One row per table row of every candidate return (normalized by the reader workers),
    with what the rules compare it to: the plan's role and text, the report date.

    The records go into the frame as the workers made them; what is per return is repeated
    over its rows by numpy, not copied into every record."""
    records: list[dict[str, Any]] = []
    sizes: list[int] = []
    rids: list[int] = []
    agencies: list[str] = []
    reported: list[date | None] = []
    intact: list[bool] = []
    for item in returns:
        records += item.read.records
        sizes.append(len(item.read.records))
        rids.append(item.rid)
        agencies.append(item.agency)
        report_date = normalize.day(item.read.header_block.get("report_date"))
        reported.append(report_date if isinstance(report_date, date) else None)
        meta = item.identity.meta
        intact.append(meta is not None and item.read.prefilled_fingerprint == meta.fingerprint)
    frame = pd.DataFrame.from_records(records)
    frame.index = pd.RangeIndex(len(frame))  # failure indexes are positions
    if frame.empty:
        return frame
    frame["rid"] = np.repeat(np.array(rids, dtype=np.int64), sizes)
    frame["agency"] = np.repeat(np.array(agencies, dtype=object), sizes)
    frame["report_date"] = np.repeat(np.array(reported, dtype=object), sizes)
    frame["prefilled_intact"] = np.repeat(np.array(intact, dtype=bool), sizes)
    report_ts = [pd.Timestamp(day or as_of) for day in reported]
    frame["report_ts"] = np.repeat(np.array(report_ts, dtype="datetime64[ns]"), sizes)
    roles = plan.roles
    tasks = frame["task"].tolist()
    frame["plan_role"] = [
        roles.get(key) for key in zip(frame["agency"].tolist(), tasks, strict=True)
    ]
    planned = {task.number: task.content for task in plan.tasks}
    frame["planned_content"] = [planned.get(task, "") for task in tasks]
    for name in ("progress", "funding"):
        frame[name] = pd.to_numeric(frame[name], errors="coerce").astype(float)
    frame["first"] = ~frame.duplicated(["rid", "task"], keep="first")
    frame["done_ts"] = pd.to_datetime(frame["done_date"])
    frame["content_of_task"] = _contents_of_other_tasks(frame, plan)
    # Which rows carry a reader's note, once: each of the eleven note rules looks only there
    # (each asking `notes.str.len()` itself took 22 ms at 23,000 rows, a quarter of the rules).
    frame["noted"] = frame["notes"].astype(bool)
    return frame


def _contents_of_other_tasks(frame: pd.DataFrame, plan: Plan) -> list[str]:
    """Per row, another task whose text the row holds; compared only where the return's
    fingerprint says its pre-filled cells changed (most returns: not at all)."""
    found = [""] * len(frame)
    suspects = frame.index[~frame["prefilled_intact"]].tolist()
    if suspects:
        words = task_words(plan)
        tasks, contents = frame["task"].tolist(), frame["content"].tolist()
        for i in suspects:
            found[i] = task_of_content(str(tasks[i] or ""), str(contents[i] or ""), words)
    return found


def prepare_files(returns: list[Return], rows: pd.DataFrame, plan: Plan) -> pd.DataFrame:
    """One line per candidate return, with what the whole-file rules read."""
    present = (
        set() if rows.empty else set(zip(rows["rid"].tolist(), rows["task"].tolist(), strict=True))
    )
    sources = {"header": t("wb-fallback-header"), "filename": t("wb-fallback-filename")}
    records = []
    for item in returns:
        suffix = "." + item.rel.rsplit(".", 1)[-1].lower() if "." in item.rel else ""
        records.append(
            {
                "rid": item.rid,
                "agency": item.agency,
                "task": "",
                "kind": item.read.kind,
                "suffix": suffix,
                "expected_kind": _KIND_OF_SUFFIX.get(suffix, "") if item.read.kind else "",
                "identified_by": item.identity.identified_by,
                "fallback_value": item.identity.fallback_value,
                "fallback_source": sources.get(item.identity.identified_by, ""),
                "saved_doubt": item.identity.saved_doubt,
                "received_text": f"{item.file.received_at:%d/%m/%Y %H:%M}",
                "file_name": item.rel.rsplit("/", 1)[-1],
                "named_agency": other_agency_named(
                    item.rel, item.agency, item.identity.identified_by, plan
                ),
                "agency_name": _name(plan, item.agency),
                "sheet": item.read.sheet,
                "other_tables": list(item.read.other_tables),
                "missing_leads": [
                    a.task.number
                    for a in plan.assignments(item.agency)
                    if a.role == ROLE_LEAD and (item.rid, a.task.number) not in present
                ],
            }
        )
    frame = pd.DataFrame.from_records(records, columns=_FILE_LINE_COLUMNS)
    frame.index = pd.RangeIndex(len(frame))
    return frame


_FILE_LINE_COLUMNS = (
    "rid",
    "agency",
    "task",
    "kind",
    "suffix",
    "expected_kind",
    "identified_by",
    "fallback_value",
    "fallback_source",
    "saved_doubt",
    "received_text",
    "file_name",
    "named_agency",
    "agency_name",
    "sheet",
    "other_tables",
    "missing_leads",
)


def _name(plan: Plan, code: str) -> str:
    agencies = plan.registry.agencies
    return agencies[code].name if code in agencies else code


def validate(
    returns: list[Return], plan: Plan, as_of: date, rules: tuple[Rule, ...] = RULES
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The rows frame of every candidate return and the findings frame of their problems."""
    by_rid = {item.rid: item for item in returns}
    rows = prepare_rows(returns, plan, as_of)
    lines = prepare_files(returns, rows, plan)
    known = {rule.code for rule in rules}
    found: list[Finding] = []
    for target, frame in ((Target.ROWS, rows), (Target.FILES, lines)):
        failed = failures(build_schema(target, rules), frame, known)
        if not failed:
            continue
        wanted = sorted({index for _, index in failed})
        records = dict(zip(wanted, _records(frame.iloc[wanted]), strict=True))
        for code, index in failed:
            found += _findings(RULE_BY_CODE[code], records[index], by_rid)
    found.sort(key=lambda f: (by_rid[f.rid].rel, _row_of(f.cell), f.cell, f.code))
    return rows, findings_frame(found)


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): v for k, v in r.items()} for r in frame.to_dict("records")]


def _findings(rule: Rule, line: dict[str, Any], by_rid: dict[int, Return]) -> list[Finding]:
    item = by_rid[int(line["rid"])]
    excel_row = line.get("row")
    return [
        Finding(
            rule.code,
            rule.severity,
            item.rid,
            item.agency,
            _cell(item, place.field, int(excel_row) if excel_row is not None else None),
            place.value,
            place.params,
            scope=rule.scope.value,
            task=str(line.get("task", "")),
        )
        for place in rule.places(line)
    ]


def _cell(item: Return, name: str | None, row: int | None) -> str:
    """The A1 cell of a finding; the task column's header cell for a missing row; "" for
    the file as a whole."""
    if name is None:
        return ""
    col = item.read.columns.get(name, item.read.columns.get("task", 0))
    excel_row = row if row is not None else item.read.header_row
    return f"{item.read.sheet}!{address(col, excel_row)}"


def _row_of(cell: str) -> int:
    digits = "".join(ch for ch in cell.rsplit("!", 1)[-1] if ch.isdigit())
    return int(digits) if digits else 0


def warm_up() -> None:
    """Load pandera's backends with a tiny validation, ahead of the real one."""
    line = dict.fromkeys(_FILE_LINE_COLUMNS, "") | {"rid": 0, "missing_leads": []}
    failures(build_schema(Target.FILES), pd.DataFrame([line]), {r.code for r in RULES})
