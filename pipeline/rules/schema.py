"""The pandera schemas, built from the rule table: one check per rule, named by its code.

Validation fails closed: a failure pandera reports that is not a known rule's failing line
(a check that raised, a rule missing from the table, a column the frame lacks) is an
internal error, never dropped.
"""

from __future__ import annotations

import contextlib
import sys

import pandas as pd

from pipeline.core.errors import KehoachError
from pipeline.rules.table import RULES, Rule, Target

# pandera loads hypothesis whenever it is installed (`make demo` installs the dev tools), for
# data synthesis kehoach never asks of it: 0.25 s of CPU in every run. Hidden while pandera
# and its pandas checks load (these on first use, hence named here); whoever imports
# hypothesis afterwards (the fuzz test) gets it as usual.
_HIDE_HYPOTHESIS = "hypothesis" not in sys.modules
if _HIDE_HYPOTHESIS:
    sys.modules["hypothesis"] = None  # type: ignore[assignment]
try:
    import pandera.pandas as pa

    with contextlib.suppress(ImportError):  # where pandera 0.20 to 0.35 keep them
        import pandera.backends.pandas.builtin_checks  # noqa: F401
finally:
    if _HIDE_HYPOTHESIS:
        del sys.modules["hypothesis"]


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
