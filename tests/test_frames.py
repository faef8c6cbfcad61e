"""Frames between stages: one `settle` decides outcomes, the rollup reads only frames,
documents stay Vietnamese, valid rows of a return count, an agency shows the return that
counts."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from pipeline.cli import cli
from pipeline.intake.returns import Return, Verdict
from pipeline.intake.settle import Settled, files_frame, settle
from pipeline.plan.model import Plan
from pipeline.rollup.consolidate import consolidate
from pipeline.rules.validate import validate
from tests.conftest import PLAN
from tests.helpers import answers_for, fill_return, fresh_python, over_100_return, run_command
from tests.test_rules import AS_OF, _drop_13, _return, _task


def _settled(
    plan: Plan, returns: list[Return], verdicts: dict[int, Verdict] | None = None, **kw: Any
) -> Settled:
    candidates = [r for r in returns if r.rid not in (verdicts or {})]
    rows, findings = validate(candidates, plan, AS_OF)
    return settle(files_frame(returns, verdicts or {}), rows, findings, **kw)


def _outcome(settled: Settled, rid: int = 0) -> tuple[str, str]:
    line = settled.files[settled.files["rid"] == rid].iloc[0]
    return line["outcome"], line["reason"]


def test_a_row_error_costs_that_task_row_only(plan: Plan) -> None:
    settled = _settled(plan, [_return(plan, _task("1", status="Xong rồi"))])
    assert _outcome(settled) == ("accepted-in-part", "return-accepted-in-part")
    counted = settled.rows[settled.rows["counted"]]
    assert "1" not in counted["task"].tolist() and "13" in counted["task"].tolist()
    assert settled.rows.loc[settled.rows["invalid"], "task"].tolist() == ["1"]
    assert settled.files.iloc[0]["params"] == {"n": 1, "rows": 1}


def test_strict_rejects_on_any_error(plan: Plan) -> None:
    settled = _settled(plan, [_return(plan, _task("1", status="Xong rồi"))], strict=True)
    assert _outcome(settled) == ("rejected", "return-has-errors")
    assert not settled.rows["counted"].any() and not settled.rows["invalid"].any()


def test_a_whole_file_error_rejects(plan: Plan) -> None:
    settled = _settled(plan, [_return(plan, _drop_13)])
    assert _outcome(settled) == ("rejected", "return-has-errors")
    assert not settled.rows["counted"].any()


def test_nothing_left_is_a_rejection(plan: Plan) -> None:
    def every_row_wrong(raws: list[dict[str, Any]]) -> None:
        for raw in raws:
            raw["progress"] = 500

    settled = _settled(plan, [_return(plan, every_row_wrong)])
    assert _outcome(settled) == ("rejected", "return-has-errors")


def test_settle_decides_every_outcome_from_the_verdicts(plan: Plan) -> None:
    good = _return(plan)
    warned = replace(_return(plan, _task("13", progress=80)), rid=1)
    old = replace(_return(plan), rid=2)
    verdict = Verdict("rejected", "return-other-period", {"found": "2023", "expected": "2024"})
    settled = _settled(plan, [good, warned, old], {2: verdict})
    assert [_outcome(settled, rid) for rid in (0, 1, 2)] == [
        ("accepted", "return-ok"),
        ("accepted-with-warnings", "return-has-warnings"),
        ("rejected", "return-other-period"),
    ]


def test_the_agency_shows_the_return_that_counts(plan: Plan) -> None:
    """An accepted return, then a later file rejected at identification (last year's form)."""
    accepted = _return(plan)
    later = replace(
        accepted,
        rid=1,
        file=replace(accepted.file, rel="2023_so_y_te.xlsx"),
        identity=replace(accepted.identity, saved_at=datetime(2024, 12, 15)),
    )
    verdict = Verdict("rejected", "return-other-period", {"found": "2023", "expected": "2024"})
    settled = _settled(plan, [accepted, later], {1: verdict})
    result = consolidate(plan, settled.files, settled.rows, settled.findings, "2024", AS_OF)
    line = result.agencies.set_index("Mã đơn vị").loc["so_y_te"]
    assert (line["Kết quả"], line["Tệp"], line["Đã nộp"]) == (
        "Chấp nhận",
        "2024_so_y_te.xlsx",
        "Có",
    )
    assert result.headline["rejected"] == 0


def test_the_rollup_imports_nothing_of_the_intake() -> None:
    code = (
        "import sys, pipeline.rollup.consolidate\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('pipeline.intake', "
        "'python_calamine', 'openpyxl', 'pipeline.core.workers')))\n"
        "print(','.join(bad))"
    )
    assert fresh_python(code).strip() == ""


def _run(tmp_path: Path, *extra: str) -> Any:
    return run_command(tmp_path / "inbox", tmp_path / "o", as_of="20/12/2024", before=(*extra,))


def _sheet(path: Path, name: str) -> list[dict[str, Any]]:
    rows = list(load_workbook(path)[name].iter_rows(values_only=True))
    header = [str(h) for h in rows[0]]
    return [dict(zip(header, r, strict=False)) for r in rows[1:] if r[0] is not None]


def test_last_years_form_sent_later_does_not_undo_an_accepted_return(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    fill_return(forms, tmp_path, "so_y_te", answers_for(plan, "so_y_te"))
    old = fill_return(
        forms,
        tmp_path,
        "so_y_te",
        answers_for(plan, "so_y_te"),
        "so_y_te_cu.xlsx",
        saved_at=datetime(2024, 12, 15, 9, 0),
    )
    workbook = load_workbook(old)
    workbook["_kehoach"]["B4"] = "2023"
    workbook.save(old)
    result = _run(tmp_path)
    assert result.exit_code == 0, result.output
    agencies = {
        r["Mã đơn vị"]: r for r in _sheet(tmp_path / "o" / "tong-hop-2024.xlsx", "Theo đơn vị")
    }
    assert agencies["so_y_te"]["Kết quả"] == "Chấp nhận"
    assert agencies["so_y_te"]["Tệp"] == "2024_so_y_te.xlsx"


def test_documents_stay_vietnamese_with_an_english_console(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    over_100_return(plan, forms, tmp_path)
    result = _run(tmp_path, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "Accepted in part" in result.output  # the console speaks English
    feedback = load_workbook(tmp_path / "o" / "phan-hoi" / "2024" / "2024_so_y_te.xlsx")
    comment = feedback["Báo cáo"]["G14"].comment
    assert comment is not None and comment.text.startswith("Lỗi: Tiến độ 300 nằm ngoài")
    texts = [str(c) for row in feedback["Phản hồi"].iter_rows(values_only=True) for c in row if c]
    assert any("Chấp nhận một phần" in text for text in texts)
    assert not any("Progress" in text or "Accepted" in text for text in texts)
    summary = tmp_path / "o" / "tong-hop-2024.xlsx"
    [check] = _sheet(summary, "Kiểm tra")
    assert str(check["Nội dung"]).startswith("Tiến độ 300 nằm ngoài")
    log = _sheet(summary, "Nhật ký")
    assert log[0]["Kết quả"] == "Chấp nhận một phần" and str(log[0]["Lý do"]).startswith("Có 1 lỗi")
    templates = CliRunner().invoke(
        cli,
        [
            "--lang",
            "en",
            "templates",
            "--plan",
            str(PLAN),
            "--agency",
            "so_y_te",
            "--out",
            str(tmp_path / "f"),
        ],
    )
    assert templates.exit_code == 0, templates.output
    guide = load_workbook(tmp_path / "f" / "2024_so_y_te.xlsx")["Hướng dẫn"]
    texts = [str(c) for row in guide.iter_rows(values_only=True) for c in row if c]
    assert "'Tiến độ (%)' phải là số." in texts
    assert not any("must be" in text for text in texts)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo") / "demo"
    result = CliRunner().invoke(cli, ["demo", "--dir", str(folder)])
    assert result.exit_code == 0, result.output
    return folder / "outbox" / "tong-hop-2024.xlsx"


def test_demo_one_mistake_no_longer_hides_the_rest_of_a_return(demo: Path) -> None:
    """Sở Y tế's typo on task 1 costs that row; task 13, which it alone leads, is reported."""
    tasks = {r["TT"]: r for r in _sheet(demo, "Theo nhiệm vụ")}
    assert tasks["13"]["Tình trạng chung"] != "Chưa báo cáo"
    assert tasks["13"]["Quá hạn"] != "Có"
    assert tasks["13"]["Đã báo cáo"] == "1/1"
    assert "Sở Y tế" in str(tasks["1"]["Dòng có lỗi"])
    agencies = {r["Mã đơn vị"]: r for r in _sheet(demo, "Theo đơn vị")}
    assert agencies["so_y_te"]["Kết quả"] == "Chấp nhận một phần"
    detail = [r for r in _sheet(demo, "Chi tiết") if r["Mã đơn vị"] == "so_y_te"]
    assert sorted(r["TT"] for r in detail) == ["10", "11", "13", "2", "3", "9"]


def test_a_tasks_figures_come_from_its_lead_rows(plan: Plan) -> None:
    import pandas as pd

    from pipeline.contracts import workbook as c4
    from pipeline.rollup.consolidate import ROW_COLUMNS
    from pipeline.rollup.tasks import by_task

    task = next(t for t in plan.tasks if t.number == "6")  # 11 leads, no coordinators
    leads = list(task.leads)
    progress: list[float | None] = [10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 95.0, None]
    rows = [
        {
            "agency": a,
            "task": "6",
            "plan_role": "Chủ trì",
            "status": "Đang thực hiện",
            "progress": p,
            "result": f"kq {a}" if i % 2 else "",
            "difficulty": "",
            "proposal": "",
        }
        for i, (a, p) in enumerate(zip(leads, progress, strict=False))
    ]
    rows.append({**rows[0], "progress": None, "result": "lần hai"})  # one lead, one count
    rows.append({**rows[1], "agency": "so_tttt", "plan_role": "Phối hợp", "result": "ph"})
    frame = pd.DataFrame([{c: r.get(c, "") for c in ROW_COLUMNS} | {"rid": 0} for r in rows])
    frame["progress"] = frame["progress"].astype("float64")
    empty = frame.iloc[:0]
    line = by_task(plan, frame, "2024", AS_OF, empty).set_index(c4.TASK).loc["6"]
    assert line[c4.REPORTED] == f"10/{len(leads)}"
    assert line[c4.PROGRESS_MEAN] == round((10 + 20 + 30 + 40 + 50 + 60 + 70 + 80 + 95) / 9, 1)
    assert line[c4.OVERALL] == "Đang thực hiện"
    names = {a.code: a.short for a in plan.registry.agencies.values()}
    assert line[c4.LEAD_RESULTS].split("\n") == [
        f"{names[a]}: kq {a}" for i, a in enumerate(leads[:10]) if i % 2
    ] + [f"{names[leads[0]]}: lần hai"]
    assert line[c4.COORD_RESULTS] == f"{names['so_tttt']}: ph"
    untouched = by_task(plan, frame, "2024", AS_OF, empty).set_index(c4.TASK).loc["3"]
    assert untouched[c4.OVERALL] == "Chưa báo cáo" and pd.isna(untouched[c4.PROGRESS_MEAN])


def test_a_tasks_average_progress_rounds_as_pandas_sums(plan: Plan) -> None:
    """An exact sum rounds some halves the other way (78.1 here): a closed period's figures,
    made again, must not move."""
    import pandas as pd

    from pipeline.contracts import workbook as c4
    from pipeline.rollup.consolidate import ROW_COLUMNS
    from pipeline.rollup.tasks import by_task

    task = next(t for t in plan.tasks if t.number == "6")
    rows = [
        {c: "" for c in ROW_COLUMNS}
        | {"rid": 0, "agency": a, "task": "6", "plan_role": "Chủ trì", "progress": p}
        for a, p in zip(task.leads, [46.9, 86.5, 94.1, 85.1], strict=False)
    ]
    frame = pd.DataFrame(rows).astype({"progress": "float64"})
    line = by_task(plan, frame, "2024", AS_OF, frame.iloc[:0]).set_index(c4.TASK).loc["6"]
    assert line[c4.PROGRESS_MEAN] == 78.2
