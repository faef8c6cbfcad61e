"""`settle`: the one place where every inbox entry gets its outcome (Contract 3).

Stages before it only propose verdicts (discovery: ignored; the reader: unreadable;
identification: another plan, period or form; resubmissions: duplicate or superseded) and
the rules only find problems. From these, and from whether each error costs its task row
or the whole return, `settle` decides each entry's outcome and which task rows count.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from pipeline.contracts.form import ERROR, WARNING
from pipeline.contracts.outcomes import COUNTED, Outcome
from pipeline.intake.returns import Return, Verdict

FILE_COLUMNS = (
    "rid",
    "rel",
    "sha256",
    "kind",
    "agency",
    "identified_by",
    "saved_at",
    "saved_source",
    "received",  # when the office received it: on time is judged on this
    "received_source",  # "file", "zip", "store" (first seen) or "confirmed" (`receive`)
    "verdict",  # the outcome a stage proposed, "" when the entry went on to validation
    "reason",
    "params",
    "outcome",  # decided by `settle`
)


@dataclass(frozen=True)
class Settled:
    """What the rollup and the outputs read: three frames, and nothing else of the intake."""

    files: pd.DataFrame  # FILE_COLUMNS, one line per inbox entry
    rows: pd.DataFrame  # every table row validated, with `counted` and `invalid`
    findings: pd.DataFrame  # rules.findings.FINDING_COLUMNS


def files_frame(returns: list[Return], verdicts: dict[int, Verdict]) -> pd.DataFrame:
    records = []
    for item in returns:
        verdict = verdicts.get(item.rid)
        records.append(
            (
                item.rid,
                item.rel,
                item.read.sha256,
                item.read.kind,
                item.agency,
                item.identity.identified_by,
                item.identity.saved_at,
                item.identity.saved_source,
                item.file.received_at,
                item.file.received_source,
                verdict.outcome if verdict else "",
                verdict.reason if verdict else "",
                dict(verdict.params) if verdict else {},
                "",
            )
        )
    return pd.DataFrame.from_records(records, columns=FILE_COLUMNS)


def settle(
    files: pd.DataFrame, rows: pd.DataFrame, findings: pd.DataFrame, strict: bool = False
) -> Settled:
    """Every entry's outcome, reason and parameters, and the task rows that count.

    An error whose rule has the file scope rejects the return. Errors of the row scope cost
    only their task rows (every row of that task in the return): the return is accepted in
    part, unless nothing is left or `strict` asks for the old all-or-nothing rule.
    """
    errors = findings[findings["severity"].eq(ERROR)]
    per_file_errors = errors["rid"].value_counts().to_dict()
    file_errors = set(errors.loc[errors["scope"].eq("file"), "rid"].tolist())
    row_errors = errors[errors["scope"].eq("row")]
    warned = findings["rid"].value_counts().to_dict()
    has_warning = set(findings.loc[findings["severity"].eq(WARNING), "rid"].tolist())
    excluded = _excluded(rows, row_errors)
    left = _rows_left(rows, excluded)
    dropped = rows.loc[excluded, "rid"].value_counts().to_dict() if not rows.empty else {}
    decided: list[tuple[str, str, dict[str, Any]]] = []
    for rid, verdict, reason, params in zip(
        files["rid"].tolist(),
        files["verdict"].tolist(),
        files["reason"].tolist(),
        files["params"].tolist(),
        strict=True,
    ):
        if verdict:
            decided.append((verdict, reason, params))
        elif rid in file_errors or (per_file_errors.get(rid) and (strict or not left.get(rid))):
            decided.append((Outcome.REJECTED, "return-has-errors", {"n": per_file_errors[rid]}))
        elif per_file_errors.get(rid):
            decided.append(
                (
                    Outcome.ACCEPTED_IN_PART,
                    "return-accepted-in-part",
                    {"n": per_file_errors[rid], "rows": dropped.get(rid, 0)},
                )
            )
        elif rid in has_warning:
            decided.append(
                (Outcome.ACCEPTED_WITH_WARNINGS, "return-has-warnings", {"n": warned[rid]})
            )
        else:
            decided.append((Outcome.ACCEPTED, "return-ok", {}))
    settled = files.assign(
        outcome=[Outcome(d[0]).value for d in decided],
        reason=[d[1] for d in decided],
        params=pd.Series([d[2] for d in decided], index=files.index, dtype=object),
    )
    return Settled(settled, _mark_rows(rows, settled, excluded), findings)


def _excluded(rows: pd.DataFrame, row_errors: pd.DataFrame) -> pd.Series[bool]:
    """Rows of a task that has a row-scope error in the same return."""
    if rows.empty:
        return pd.Series(False, index=rows.index, dtype=bool)
    bad = pd.MultiIndex.from_frame(row_errors[["rid", "task"]].astype({"task": str}))
    keys = pd.MultiIndex.from_frame(rows[["rid", "task"]].astype({"task": str}))
    return pd.Series(keys.isin(bad), index=rows.index, dtype=bool)


def _rows_left(rows: pd.DataFrame, excluded: pd.Series[bool]) -> dict[int, int]:
    """Per return, the rows on its own tasks that would still count."""
    if rows.empty:
        return {}
    usable = rows[~excluded & rows["plan_role"].notna()]
    counts = usable["rid"].value_counts()
    return dict(zip(counts.index.astype(int).tolist(), counts.tolist(), strict=True))


def _mark_rows(rows: pd.DataFrame, files: pd.DataFrame, excluded: pd.Series[bool]) -> pd.DataFrame:
    if rows.empty:
        return rows.assign(counted=pd.Series(dtype=bool), invalid=pd.Series(dtype=bool))
    outcome = rows["rid"].map(dict(zip(files["rid"], files["outcome"], strict=True)))
    counted_return = outcome.isin([o.value for o in COUNTED])
    in_part = outcome.eq(Outcome.ACCEPTED_IN_PART.value)
    return rows.assign(
        counted=counted_return & rows["plan_role"].notna() & ~excluded,
        invalid=in_part & rows["plan_role"].notna() & excluded,
    )
