"""Every file of the hostile corpus gets exactly one outcome with a reason; nothing crashes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.contracts.outcomes import Outcome
from pipeline.core.catalog import t
from pipeline.intake.returns import entries
from pipeline.plan.model import Plan
from pipeline.run import check_files


def test_corpus_gets_an_outcome_for_every_file(shared: Path, plan: Plan) -> None:
    folder = shared / "corpus" / "spreadsheets"
    expected = sorted(p.name for p in folder.iterdir() if p.name != "MANIFEST.tsv")
    assert len(expected) == 400
    result = check_files(plan, [folder], "2024", date(2024, 12, 20), jobs=2, time_limit=10)
    got = {r.rel: r for r in entries(result.frames.files) if r.rel != "MANIFEST.tsv"}
    assert sorted(got) == expected
    for item in got.values():
        assert item.outcome in set(Outcome)
        assert t(item.reason, "vi", **item.params)  # a reason the officer can read
    assert got["phpspreadsheet__oleloop.xls"].outcome == "unreadable"
    assert any(r.reason == "file-encrypted" for r in got.values())
