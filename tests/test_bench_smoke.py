"""A small run of the benchmark's generator and of `kehoach run`, so the benchmark cannot rot.

No time is asserted: timing belongs to `make bench`, not to the test suite.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandera.pandas as pa
import pytest

from bench.baseline import naive_run
from bench.synthetic import AS_OF, build_plan, fill_inbox
from pipeline.forms.batch import write_forms
from pipeline.plan.load import load_plan
from pipeline.run import run


def test_synthetic_plan_forms_and_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan_path = build_plan(tmp_path, 50)
    plan = load_plan(plan_path)
    assert len(plan.expected_agencies()) == 50
    assert [a.role for a in plan.assignments("xa_0001")].count("Chủ trì") == 3
    forms = tmp_path / "forms"
    write_forms(plan, tmp_path / "templates" / "agency_report_template.xlsx", "2024", forms)
    made = fill_inbox(plan_path, forms, tmp_path / "inbox")
    assert made == {"returns": 50, "with_errors": 2}
    result = run(plan, tmp_path / "inbox", tmp_path / "outbox", "2024", AS_OF)
    outcomes = result.outcomes()
    # An error on one task row costs that row; a return with nothing else left is rejected.
    assert outcomes["accepted-in-part"] >= 1
    assert outcomes["accepted-in-part"] + outcomes["rejected"] == 2
    assert outcomes["accepted"] + outcomes["accepted-with-warnings"] == 48
    assert result.consolidation.headline["submitted"] == 50
    assert len(result.feedback) >= 2
    assert result.workbook.exists()
    # The baseline really does what it claims: one pandera call per file and schema.
    calls: list[int] = []
    validate = pa.DataFrameSchema.validate

    def counted(self: pa.DataFrameSchema, *args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return validate(self, *args, **kwargs)

    monkeypatch.setattr(pa.DataFrameSchema, "validate", counted)
    assert naive_run(plan, tmp_path / "inbox", AS_OF)["files"] == 50
    assert len(calls) == 2 * 50
