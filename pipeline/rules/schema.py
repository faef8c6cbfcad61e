"""The pandera schemas, built from the rule table: one check per rule, named by its code.

Validation fails closed: a failure pandera reports that is not a known rule's failing line
(a check that raised, a rule missing from the table, a column the frame lacks) is an
internal error, never dropped.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from pipeline.core.errors import KehoachError
from pipeline.rules.table import RULES, Rule, Target


def build_schema(target: Target, rules: tuple[Rule, ...] = RULES) -> pa.DataFrameSchema:
    """The schema of one frame: every rule on it as a frame-wide check named by its code."""
    return pa.DataFrameSchema(
        # ignore_na=False: each predicate says itself what an empty cell means (and pandera
        # does not scan the whole frame for nulls once per check).
        checks=[
            pa.Check(rule.check, name=rule.code, ignore_na=False)
            for rule in rules
            if rule.target == target
        ],
        strict=False,
    )


def failures(
    schema: pa.DataFrameSchema, frame: pd.DataFrame, known: set[str]
) -> list[tuple[str, int]]:
    """(rule code, frame position) of every failing line, from one lazy pandera run."""
    if frame.empty:
        return []
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
        unknown = cases[cases["index"].isna() | ~cases["check"].isin(list(known))]
        if not unknown.empty:
            first = unknown.iloc[0]
            raise KehoachError(
                "internal-error",
                kind="SchemaErrors",
                detail=f"{first['check']}: {str(first['failure_case'])[:200]}",
            ) from errors
        pairs = zip(cases["check"].tolist(), cases["index"].tolist(), strict=True)
        return sorted({(str(c), int(i)) for c, i in pairs}, key=lambda x: (x[1], x[0]))
    return []
