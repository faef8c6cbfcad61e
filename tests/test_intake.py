from __future__ import annotations

import shutil
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.core.libreoffice import convert
from pipeline.intake.returns import Entry, entries
from pipeline.plan.model import Plan
from pipeline.rules.findings import Finding, findings_of
from pipeline.run import Checked, check_files
from tests.conftest import PLAN
from tests.helpers import GOOD, answers_for, fill_return, over_100_return, run_command

AS_OF = date(2024, 12, 20)


def _intake(tmp_path: Path, plan: Plan, strict: bool = False) -> Checked:
    return check_files(plan, [tmp_path / "inbox"], "2024", AS_OF, strict, jobs=2)


def _files(result: Checked) -> list[Entry]:
    """One line per inbox entry (rel, agency, outcome, reason, params)."""
    return entries(result.frames.files)


def _found(result: Checked) -> list[Finding]:
    return findings_of(result.frames.findings)


# so_y_te leads tasks 1 and 13 (rows 13 and 14 of the form), then coordinates five more.
# An error on task 13's row costs that row only: the return is accepted in part.
RULE_CASES = [
    ("valid", {}, "accepted", set()),
    (
        "status typo",
        {"t13": {**GOOD, "status": "Xong rồi"}},
        "accepted-in-part",
        {"status-invalid"},
    ),
    ("status blank on lead", {"t13": {"result": "x"}}, "accepted-in-part", {"status-missing"}),
    (
        "progress text",
        {"t13": {**GOOD, "progress": "gần xong"}},
        "accepted-in-part",
        {"progress-not-number"},
    ),
    (
        "progress 150",
        {"t13": {**GOOD, "progress": 150}},
        "accepted-in-part",
        {"progress-out-of-range"},
    ),
    (
        "funding negative",
        {"t13": {**GOOD, "funding": -5}},
        "accepted-in-part",
        {"funding-negative"},
    ),
    (
        "funding text",
        {"t13": {**GOOD, "funding": "nhiều"}},
        "accepted-in-part",
        {"funding-not-number"},
    ),
    ("date text", {"t13": {**GOOD, "done_date": "quý 3"}}, "accepted-in-part", {"date-invalid"}),
    (
        "done without result",
        {"t13": {"status": "Đã hoàn thành", "progress": 100}},
        "accepted-with-warnings",
        {"done-without-result"},
    ),
    (
        "done below 100",
        {"t13": {**GOOD, "progress": 80}},
        "accepted-with-warnings",
        {"done-progress-below-100"},
    ),
    (
        "not started no reason",
        {"t13": {"status": "Chưa thực hiện"}},
        "accepted-with-warnings",
        set({"not-started-without-reason"}),
    ),
    (
        "100 not done",
        {"t13": {"status": "Đang thực hiện", "progress": 100}},
        "accepted-with-warnings",
        {"progress-100-not-done"},
    ),
    (
        "date after report",
        {"t13": {**GOOD, "done_date": date(2024, 12, 30)}},
        "accepted-with-warnings",
        {"date-after-report"},
    ),
    (
        "TCVN3 text",
        {"t13": {**GOOD, "result": "§· ban hµnh kÕ ho¹ch"}},
        "accepted-with-warnings",
        {"legacy-encoding"},
    ),
    (
        "VNI status",
        {"t13": {**GOOD, "status": "Ñaõ hoaøn thaønh"}},
        "accepted-with-warnings",
        {"legacy-encoding"},
    ),
    ("synonyms are fine", {"t13": {**GOOD, "status": "HT", "progress": "100%"}}, "accepted", set()),
]


@pytest.mark.parametrize(
    ("case", "overrides", "outcome", "codes"), RULE_CASES, ids=[c[0] for c in RULE_CASES]
)
def test_rules(
    plan: Plan,
    forms: Path,
    tmp_path: Path,
    case: str,
    overrides: dict[str, dict[str, Any]],
    outcome: str,
    codes: set[str],
) -> None:
    fill_return(forms, tmp_path, "so_y_te", answers_for(plan, "so_y_te", **overrides))
    result = _intake(tmp_path, plan)
    [item] = _files(result)
    assert item.outcome == outcome, [f.code for f in _found(result)]
    assert {f.code for f in _found(result)} == codes
    for finding in _found(result):
        assert finding.cell.startswith("Báo cáo!") and finding.cell.endswith("14")


def test_finding_points_at_the_cell_and_keeps_the_value(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    fill_return(
        forms, tmp_path, "so_y_te", answers_for(plan, "so_y_te", t13={**GOOD, "status": "Xong rồi"})
    )
    [finding] = _found(_intake(tmp_path, plan))
    assert (finding.cell, finding.value, finding.agency) == ("Báo cáo!F14", "Xong rồi", "so_y_te")


def test_legacy_text_is_converted(plan: Plan, forms: Path, tmp_path: Path) -> None:
    fill_return(
        forms,
        tmp_path,
        "so_y_te",
        answers_for(plan, "so_y_te", t13={**GOOD, "result": "§· ban hµnh kÕ ho¹ch"}),
    )
    result = _intake(tmp_path, plan)
    [finding] = _found(result)
    assert (finding.cell, finding.params["encoding"]) == ("Báo cáo!I14", "TCVN3")
    row = result.frames.rows[result.frames.rows["task"] == "13"].iloc[0]
    assert row["result"] == "Đã ban hành kế hoạch"


def test_values_read_with_an_interpretation_warn_at_their_cell(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    answers = answers_for(
        plan,
        "so_y_te",
        t1={**GOOD, "funding": "1.200.000.000 đồng", "done_date": "Quý IV/2024"},
        t13={"status": "Đang thực hiện (70%)", "result": "Tèt", "difficulty": "Khã kh¨n"},
    )
    fill_return(forms, tmp_path, "so_y_te", answers)
    result = _intake(tmp_path, plan)
    assert {e.outcome for e in _files(result)} == {"accepted-with-warnings"}
    found = {(f.code, f.cell) for f in _found(result)}
    assert ("funding-unit-converted", "Báo cáo!L13") in found
    assert ("date-quarter-only", "Báo cáo!H13") in found
    assert ("progress-from-status", "Báo cáo!G14") in found
    assert ("legacy-encoding", "Báo cáo!I14") in found  # "Tèt": the file is TCVN3
    rows = result.frames.rows.set_index("task")
    assert rows.loc["1", "funding"] == 1200.0
    assert rows.loc["1", "done_date"] == date(2024, 12, 31)
    assert (rows.loc["13", "progress"], rows.loc["13", "result"]) == (70.0, "Tốt")


@pytest.mark.parametrize(
    ("number_format", "codes"), [("0%", set()), ("0", {"progress-read-as-fraction"})]
)
def test_one_in_a_percent_cell_is_100(
    plan: Plan, forms: Path, tmp_path: Path, number_format: str, codes: set[str]
) -> None:
    from openpyxl import load_workbook

    target = fill_return(
        forms, tmp_path, "so_y_te", answers_for(plan, "so_y_te", t13={**GOOD, "progress": 1})
    )
    workbook = load_workbook(target)
    workbook["Báo cáo"]["G14"].number_format = number_format  # Excel's "100%" typed in
    workbook.save(target)
    result = _intake(tmp_path, plan)
    assert {f.code for f in _found(result)} == codes


def test_row_level_errors(plan: Plan, forms: Path, tmp_path: Path) -> None:
    fill_return(forms, tmp_path, "so_y_te", answers_for(plan, "so_y_te"), drop_tasks=("13",))
    result = _intake(tmp_path, plan)
    assert {f.code for f in _found(result)} == {"lead-task-missing"}
    assert _files(result)[0].outcome == "rejected"


def test_edited_prefilled_text_warns(plan: Plan, forms: Path, tmp_path: Path) -> None:
    answers = answers_for(plan, "so_y_te")
    answers["13"]["content"] = "Nhiệm vụ đã sửa lại"
    fill_return(forms, tmp_path, "so_y_te", answers)
    result = _intake(tmp_path, plan)
    assert [(f.code, f.cell) for f in _found(result)] == [("prefilled-edited", "Báo cáo!C14")]


def test_outcomes_for_what_officers_drop(plan: Plan, forms: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    fill_return(
        forms,
        tmp_path,
        "so_y_te",
        answers_for(plan, "so_y_te"),
        "so_y_te_lan1.xlsx",
        saved_at=datetime(2024, 12, 5, 8, 0),
    )
    fill_return(
        forms,
        tmp_path,
        "so_y_te",
        {**answers_for(plan, "so_y_te"), "13": {**GOOD, "note": "x"}},
        "so_y_te_lan2.xlsx",
        saved_at=datetime(2024, 12, 9, 8, 0),
    )
    shutil.copyfile(inbox / "so_y_te_lan2.xlsx", inbox / "so_y_te_lan2 (1).xlsx")
    fill_return(forms, tmp_path, "so_khcn", answers_for(plan, "so_khcn"), "tmp.xlsx")
    with zipfile.ZipFile(inbox / "thu.zip", "w") as archive:
        archive.write(inbox / "tmp.xlsx", "2024_so_khcn.xlsx")
    (inbox / "tmp.xlsx").unlink()
    (inbox / "~$so_y_te.xlsx").write_bytes(b"lock")
    (inbox / "bao-cao.docx").write_bytes(b"PK\x03\x04garbage")
    (inbox / "rong.xls").write_bytes(b"")
    result = _intake(tmp_path, plan)
    outcomes = {r.rel: (r.outcome, r.reason) for r in _files(result)}
    assert outcomes == {
        "bao-cao.docx": ("unreadable", "file-corrupt"),
        "rong.xls": ("unreadable", "file-empty"),
        "so_y_te_lan1.xlsx": ("superseded", "return-superseded"),
        "so_y_te_lan2 (1).xlsx": ("duplicate", "return-duplicate-bytes"),
        "so_y_te_lan2.xlsx": ("accepted", "return-ok"),
        "thu.zip/2024_so_khcn.xlsx": ("accepted", "return-ok"),
        "~$so_y_te.xlsx": ("ignored", "ignored-lock-file"),
    }
    superseded = next(r for r in _files(result) if r.rel == "so_y_te_lan1.xlsx")
    assert superseded.params["other"] == "so_y_te_lan2.xlsx"


def test_other_period_and_fallback_identification(plan: Plan, forms: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = fill_return(forms, tmp_path, "so_y_te", answers_for(plan, "so_y_te"))
    workbook = load_workbook(target)
    workbook["_kehoach"]["B4"] = "2023"
    workbook.save(tmp_path / "inbox" / "cu.xlsx")
    del workbook["_kehoach"]
    workbook.save(tmp_path / "inbox" / "go-lai.xlsx")
    target.unlink()
    result = _intake(tmp_path, plan)
    by_rel = {r.rel: r for r in _files(result)}
    assert by_rel["cu.xlsx"].outcome == "other-period"  # not a rejection of this period
    assert by_rel["cu.xlsx"].reason == "return-of-period-not-in-plan"  # the plan has only 2024
    assert by_rel["go-lai.xlsx"].agency == "so_y_te"
    assert by_rel["go-lai.xlsx"].outcome == "accepted-with-warnings"
    assert {f.code for f in _found(result)} == {"identified-by-fallback"}


@pytest.mark.libreoffice
@pytest.mark.parametrize("fmt", ["xlsx", "xls", "ods"])
def test_libreoffice_resaved_returns_validate(
    soffice: str, plan: Plan, forms: Path, tmp_path: Path, fmt: str
) -> None:
    source = fill_return(
        forms,
        tmp_path / "src",
        "so_y_te",
        answers_for(plan, "so_y_te", t13={**GOOD, "progress": 150}),
    )
    converted = convert(source, fmt, tmp_path / "inbox")
    assert converted is not None
    result = _intake(tmp_path, plan)
    [item] = _files(result)
    assert item.agency == "so_y_te" and item.outcome == "accepted-in-part"
    assert [(f.code, f.cell) for f in _found(result)] == [("progress-out-of-range", "Báo cáo!G14")]


def test_check_command(plan: Plan, forms: Path, tmp_path: Path) -> None:
    bad = fill_return(
        forms, tmp_path, "so_y_te", answers_for(plan, "so_y_te", t13={**GOOD, "status": "Sắp xong"})
    )
    result = CliRunner().invoke(
        cli, ["check", "--plan", str(PLAN), "--as-of", "20/12/2024", str(bad)]
    )
    assert result.exit_code == 1  # a file with an error fails the check, even in part
    assert "Chấp nhận một phần" in result.output and "Báo cáo!F14" in result.output
    strict = CliRunner().invoke(
        cli, ["check", "--plan", str(PLAN), "--as-of", "20/12/2024", "--strict", str(bad)]
    )
    assert strict.exit_code == 1 and "Từ chối" in strict.output
    good = fill_return(forms, tmp_path, "so_khcn", answers_for(plan, "so_khcn"))
    result = CliRunner().invoke(cli, ["--lang", "en", "check", "--plan", str(PLAN), str(good)])
    assert result.exit_code == 0, result.output
    assert "Accepted — Valid." in result.output


def test_content_not_matching_the_name_is_read_with_a_warning(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    target = fill_return(forms, tmp_path, "so_y_te", answers_for(plan, "so_y_te"))
    target.rename(target.with_suffix(".xls"))  # an .xlsx renamed by hand
    result = _intake(tmp_path, plan)
    assert _files(result)[0].outcome == "accepted-with-warnings"
    assert [(f.code, f.params["kind"]) for f in _found(result)] == [("extension-mismatch", ".xlsx")]


def test_table_found_after_rows_inserted_and_sheet_renamed(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    target = over_100_return(plan, forms, tmp_path)
    workbook = load_workbook(target)
    sheet = workbook["Báo cáo"]
    sheet.insert_rows(1, 3)
    sheet.title = "BC nam 2024"
    sheet.column_dimensions["A"].hidden = True
    workbook.save(target)
    result = _intake(tmp_path, plan)
    [finding] = _found(result)
    assert (finding.code, finding.cell) == ("progress-out-of-range", "BC nam 2024!G17")


def test_broken_link_and_missing_inbox(plan: Plan, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "mat.xlsx").symlink_to(tmp_path / "khong-co.xlsx")
    result = _intake(tmp_path, plan)
    assert [(r.rel, r.outcome, r.reason) for r in _files(result)] == [
        ("mat.xlsx", "unreadable", "file-broken-link")
    ]
    missing = run_command(tmp_path / "khong", tmp_path / "o")
    assert missing.exit_code == 2 and "Không thấy thư mục" in missing.output


def test_saved_times_are_local_like_file_times(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from pipeline.intake.container import local_time

    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    try:
        assert local_time("2024-12-15T23:00:00Z") == datetime(2024, 12, 16, 6, 0)
        assert local_time("2024-12-15T23:00:00") == datetime(2024, 12, 15, 23, 0)
        assert local_time("not a time") is None
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_as_of_that_is_not_a_date(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["run", "--plan", str(PLAN), "--as-of", "31/02/2024", "--inbox", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "--as-of '31/02/2024' không phải là ngày" in result.output
