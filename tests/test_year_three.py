"""The officer in year three (issue 13): 2024 → 2025 → 2026 in one plan folder, through the CLI.

One working folder, one inbox holding every year's files, one store. 2024 runs on the embedded
plan and is closed. For 2025 the officer makes the edits of tests/test_periods.py (Sở KH&ĐT into
Sở Tài chính and Sở TT&TT into Sở KH&CN on 28/02/2025; the districts replaced by three communes
on 30/06/2025). For 2026: Sở KH&CN is replaced by the merged province's department (a new code
in force from 01/01/2026 only), and xã Ngọc Hồi merges into xã Đăk Bla on 31/12/2025.
Every figure below is a hand count of the returns this module writes.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from pipeline.cli import cli
from pipeline.demo.simulate import fill_form
from pipeline.plan.load import load_plan
from tests.conftest import TEMPLATE
from tests.helpers import DISTRICTS
from tests.test_carryover import _reference, _table
from tests.test_periods import _agency_rows, _history, _plan_2025, _sheets

MATRIX = Path("templates") / "task_matrix.xlsx"
DONE = {"status": "Đã hoàn thành", "progress": 100, "result": "Đã ban hành kế hoạch"}
PARTLY = {"status": "Đang thực hiện", "progress": 40, "result": "Đang triển khai"}
AS_OF = {"2024": "06/01/2025", "2025": "06/01/2026", "2026": "06/01/2027"}
NEW_KHCN = ("so_khcn_qn", "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi")


def officer(*words: str) -> str:
    """One command as the officer types it in the plan folder; it must succeed."""
    result = CliRunner().invoke(cli, list(words))
    assert result.exit_code == 0, result.output
    return result.output


def _plan_2026() -> None:
    """The officer's edits at the start of 2026, in Excel: a third period, two changes."""
    workbook = load_workbook(MATRIX)
    workbook["Kỳ báo cáo"].append(
        ["2026", "01/01/2026", "31/12/2026", "15/12/2026", "14/12/2026", "3"]
    )
    agencies = workbook["Đơn vị"]
    ended = {"so_khcn": NEW_KHCN[0], "xa_ngoc_hoi": "xa_dak_bla"}
    for row in range(2, agencies.max_row + 1):
        code = str(agencies.cell(row, 1).value)
        if code in ended:
            agencies.cell(row, 8).value = "31/12/2025"
            agencies.cell(row, 9).value = ended[code]
    agencies.append([*NEW_KHCN, "so", 14, "", "", "01/01/2026", "", ""])
    workbook.save(MATRIX)


def send(
    period: str, code: str, answers: dict[str, Any], received: datetime, name: str = ""
) -> Path:
    """The agency's form of `period` (from outbox/templates/), filled and saved into the inbox
    on the day the office received it."""
    plan = load_plan(MATRIX).for_period(period)
    filled = {a.task.number: dict(answers) for a in plan.assignments(code)}
    target = Path("inbox") / period / (name or f"{period}_{code}.xlsx")
    form = Path("outbox") / "templates" / period / f"{period}_{code}.xlsx"
    fill_form(form, target, filled, {}, received)
    return target


def _received(path: Path, when: datetime) -> None:
    os.utime(path, (when.timestamp(), when.timestamp()))


def run(period: str, *extra: str) -> str:
    return officer("run", "--period", period, "--as-of", AS_OF[period], "--jobs", "2", *extra)


@pytest.fixture(scope="module")
def years(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("year-three")
    seen: dict[str, Any] = {"root": root}
    with contextlib.chdir(root):
        officer("init", ".")
        template = ("--template", str(TEMPLATE))
        # 2024: the embedded plan as it is
        officer("templates", *template, "--as-of", "20/11/2024")
        send("2024", "so_khcn", DONE, datetime(2024, 12, 10, 9))
        send("2024", "so_khdt", DONE, datetime(2024, 12, 5, 9))
        send("2024", "so_y_te", DONE, datetime(2024, 12, 20, 9))  # late
        send("2024", "so_nnptnt", PARTLY, datetime(2024, 12, 11, 9))
        send("2024", "so_tu_phap", PARTLY, datetime(2024, 12, 3, 9), "ban-nhap.xlsx")
        send("2024", "so_tu_phap", DONE, datetime(2024, 12, 12, 9))  # the resubmission counts
        # received 09/12 by e-mail, saved into the inbox only on 20/12: the officer says so
        tttt = send("2024", "so_tttt", DONE, datetime(2024, 12, 9, 9))
        _received(tttt, datetime(2024, 12, 20, 15))
        officer("receive", str(tttt), "--date", "09/12/2024")
        seen["run 2024"] = run("2024")
        officer("close", "--period", "2024")
        seen["closed 2024"] = Path("outbox/tong-hop-2024.xlsx").read_bytes()

        # 2025: the reorganisation, a new period, forms with 2024's results
        _plan_2025(root)
        seen["templates 2025"] = officer("templates", *template, "--as-of", "20/11/2025")
        send("2025", "so_khcn", PARTLY, datetime(2025, 12, 10, 9))
        # saved on 11/12, copied into the inbox on 18/12; the e-mail came on 12/12
        finance = send("2025", "so_tai_chinh", PARTLY, datetime(2025, 12, 11, 16))
        _received(finance, datetime(2025, 12, 18, 8))
        officer("receive", str(finance), "--date", "12/12/2025")
        send("2025", "xa_dak_bla", DONE, datetime(2025, 12, 1, 9))
        send("2025", "xa_ngoc_hoi", DONE, datetime(2025, 12, 16, 9))  # late
        # Sở Y tế sends its 2024 form again in 2025's window
        send("2024", "so_y_te", PARTLY, datetime(2025, 12, 10, 9), "2025-lam-lai.xlsx")
        seen["run 2025"] = run("2025")
        officer("close", "--period", "2025")
        seen["closed 2025"] = Path("outbox/tong-hop-2025.xlsx").read_bytes()

        # 2026: the second change, a third period
        _plan_2026()
        seen["templates 2026"] = officer("templates", *template, "--as-of", "20/11/2026")
        send("2026", NEW_KHCN[0], DONE, datetime(2026, 12, 10, 9))
        send("2026", "xa_dak_bla", PARTLY, datetime(2026, 12, 11, 9))
        send("2026", "so_tai_chinh", DONE, datetime(2026, 12, 20, 9))  # late, unconfirmed
        # dropped late into the inbox during 2026: a 2024 return, and a 2025 form
        send("2024", "so_noi_vu", DONE, datetime(2026, 12, 5, 9), "2024_so_noi_vu.xlsx")
        send("2025", "so_gddt", DONE, datetime(2026, 12, 8, 9), "2025_so_gddt.xlsx")
        seen["run 2026"] = run("2026")
        seen["rerun 2024"] = run("2024")
        words = ("--period", "2024", "--as-of", AS_OF["2024"], "--jobs", "2")
        officer("report", *words)  # a closed year's draft, written in 2026
        seen["rerun 2025"] = run("2025")
    return seen


def _statuses(workbook: Path) -> dict[str, str]:
    rows = _sheets(workbook)["Theo nhiệm vụ"]
    start = next(i for i, r in enumerate(rows) if r and r[0] == "TT")
    header = rows[start]
    at = header.index("Tình trạng chung")
    return {str(r[0]): str(r[at]) for r in rows[start + 1 :] if r and r[0]}


def _groups(workbook: Path) -> dict[str, tuple[Any, ...]]:
    rows = _sheets(workbook)["Theo nhóm"]
    start = next(i for i, r in enumerate(rows) if r and r[0] == "Nhóm")
    header = rows[start]
    wanted = [
        header.index(c)
        for c in (
            "Số nhiệm vụ",
            "Đã hoàn thành",
            "Đang thực hiện",
            "Chưa thực hiện",
            "Chưa báo cáo",
        )
    ]
    return {str(r[0]): tuple(r[i] for i in wanted) for r in rows[start + 1 :] if r and r[0]}


D, P, N = "Đã hoàn thành", "Đang thực hiện", "Chưa báo cáo"
# Tình trạng chung of tasks 1–15, worked out from each task's leads in that period and the
# returns above: done only when every lead reported it done; no lead reporting: not reported.
STATUSES = {
    "2024": [P, D, D, D, D, P, N, D, P, P, D, P, D, D, P],
    # every 2025 return says in progress; Sở NN&PTNT and Sở Y tế sent nothing for 2025
    "2025": [P, P, P, P, P, P, N, P, P, P, P, N, N, P, P],
    # the new Sở KH&CN reports done, Sở Tài chính too (late), xã Đăk Bla in progress
    "2026": [P, D, D, D, D, P, N, D, P, P, D, N, N, D, P],
}
# the group of tasks 1–15
GROUP_OF = ("I",) * 2 + ("II",) * 3 + ("III",) * 5 + ("IV",) * 3 + ("V", "VI")
# who sent a return for the period, on time and late (by the receipt date)
ON_TIME = {
    "2024": "so_khcn so_khdt so_nnptnt so_tu_phap so_tttt",
    "2025": "so_khcn so_tai_chinh xa_dak_bla",
    "2026": f"{NEW_KHCN[0]} xa_dak_bla",
}
LATE = {"2024": "so_y_te", "2025": "xa_ngoc_hoi", "2026": "so_tai_chinh"}
COMMUNES = {"xa_dak_bla", "phuong_kon_tum", "xa_ngoc_hoi"}


def _expected(period: str, agencies_2024: set[str]) -> set[str]:
    """Who must report, by hand: 2024's 31, then the reorganisations."""
    districts = set(DISTRICTS)
    if period == "2024":
        return agencies_2024
    in_2025 = (agencies_2024 - {"so_tttt", "so_khdt"} - districts) | COMMUNES
    if period == "2025":
        return in_2025
    return (in_2025 - {"so_khcn", "xa_ngoc_hoi"}) | {NEW_KHCN[0]}


def _workbook(years: dict[str, Any], period: str) -> Path:
    return Path(years["root"]) / "outbox" / f"tong-hop-{period}.xlsx"


@pytest.mark.parametrize("period", ["2024", "2025", "2026"])
def test_each_year_is_a_hand_count(years: dict[str, Any], period: str) -> None:
    workbook = _workbook(years, period)
    assert list(_statuses(workbook).values()) == STATUSES[period]
    groups = _groups(workbook)
    for group, (tasks, done, going, not_started, silent) in groups.items():
        mine = [s for s, g in zip(STATUSES[period], GROUP_OF, strict=True) if g == group]
        assert (tasks, done, going, silent) == (len(mine), *map(mine.count, (D, P, N)))
        assert not_started == 0  # no return said "Chưa thực hiện"
    assert list(groups) == ["I", "II", "III", "IV", "V", "VI"]
    rows = _agency_rows(workbook)
    agencies_2024 = set(_agency_rows(_workbook(years, "2024")))
    assert len(agencies_2024) == 31
    assert set(rows) == _expected(period, agencies_2024)
    sent = {code: row["Đúng hạn"] for code, row in rows.items() if row["Đã nộp"] == "Có"}
    assert sent == {
        **dict.fromkeys(ON_TIME[period].split(), "Có"),
        **dict.fromkeys(LATE[period].split(), "Không"),
    }
    assert {rows[code]["Kết quả"] for code in sent} == {"Chấp nhận"}  # no warning, no copy
    late = list(sent.values()).count("Không")
    line = (
        f"Đơn vị: {len(rows)} phải nộp · {len(sent)} đã nộp ({len(sent) - late} đúng hạn, "
        f"{late} muộn) · {len(rows) - len(sent)} chưa nộp · 0 bị từ chối"
    )
    assert line in years[f"run {period}"]


def test_the_resubmission_counts_and_the_draft_is_superseded(years: dict[str, Any]) -> None:
    log = _sheets(_workbook(years, "2024"))["Nhật ký"]
    outcomes = {str(r[0]): r for r in log if r and str(r[0]).startswith("2024/")}
    assert "Bị thay thế" in outcomes["2024/ban-nhap.xlsx"]
    assert (
        _agency_rows(_workbook(years, "2024"))["so_tu_phap"]["Tệp"] == "2024/2024_so_tu_phap.xlsx"
    )
    assert "Tệp phản hồi" not in years["run 2024"]  # nothing for any agency to correct


def test_closed_years_stay_byte_identical(years: dict[str, Any]) -> None:
    for period in ("2024", "2025"):
        assert _workbook(years, period).read_bytes() == years[f"closed {period}"]
    assert "đã nộp 6/31, đúng hạn 5, chưa nộp 25" in years["rerun 2024"]
    assert "đã nộp 4/22, đúng hạn 3, chưa nộp 18" in years["rerun 2025"]


def test_late_files_of_closed_years_count_nowhere(years: dict[str, Any]) -> None:
    """A 2024 return and a 2025 form received in December 2026: 2024 and 2025 are closed, and
    2026 is not their period."""
    store = sqlite3.connect(Path(years["root"]) / "kehoach.sqlite")
    outcomes = dict(
        store.execute("SELECT file, outcome FROM period_outcomes WHERE period = '2026'")
    )
    assert outcomes["2024/2024_so_noi_vu.xlsx"] == "other-period"
    assert outcomes["2025/2025_so_gddt.xlsx"] == "other-period"
    assert outcomes["2024/2025-lam-lai.xlsx"] == "other-period"  # a 2024 form sent in 2025
    runs = store.execute("SELECT period, submitted, on_time FROM period_runs ORDER BY period")
    assert runs.fetchall() == [("2024", 6, 5), ("2025", 4, 3), ("2026", 3, 2)]
    assert "14 tệp thuộc kỳ khác (2024, 2025): không tính cho kỳ 2026" in years["run 2026"]
    # the draft report of 2024, written in 2026, gives the closed figures
    report = docx.Document(str(Path(years["root"]) / "outbox" / "bao-cao-2024.docx"))
    assert any("6/31 đơn vị đã gửi báo cáo" in p.text for p in report.paragraphs)


def test_forms_carry_the_previous_year_under_the_predecessors_name(years: dict[str, Any]) -> None:
    forms = Path(years["root"]) / "outbox" / "templates"
    # 2025: Sở Tài chính took over Sở KH&ĐT, which reported every task done in 2024
    finance = _reference(forms / "2025" / "2025_so_tai_chinh.xlsx")
    assert set(finance.values()) == {
        ("Đã hoàn thành", 100, "Sở Kế hoạch và Đầu tư: Đã ban hành kế hoạch")
    }
    # 2026: the new department shows the old one's 2025 answers (not Sở TT&TT's of 2024)
    science = _reference(forms / "2026" / f"2026_{NEW_KHCN[0]}.xlsx")
    assert set(science.values()) == {
        ("Đang thực hiện", 40, "Sở Khoa học và Công nghệ: Đang triển khai")
    }
    sheet, header = _table(forms / "2026" / f"2026_{NEW_KHCN[0]}.xlsx")
    assert sheet.cell(header, 16).value == "Kỳ trước (2025): Kết quả"
    # xã Đăk Bla took over xã Ngọc Hồi; both reported in 2025: its own answers, then the other's
    commune = _reference(forms / "2026" / "2026_xa_dak_bla.xlsx")
    both = (
        "UBND xã Đăk Bla (Đã hoàn thành, 100%): Đã ban hành kế hoạch\n"
        "UBND xã Ngọc Hồi (Đã hoàn thành, 100%): Đã ban hành kế hoạch"
    )
    assert set(commune.values()) == {("Đã hoàn thành", 100, both)}
    assert "cột tham khảo kết quả kỳ 2024" in years["templates 2025"]
    assert "cột tham khảo kết quả kỳ 2025" in years["templates 2026"]
    assert "Đã ghi 22 biểu mẫu kỳ 2025" in years["templates 2025"]
    assert "Đã ghi 21 biểu mẫu kỳ 2026" in years["templates 2026"]


def test_history_sheets_show_three_years_in_order(years: dict[str, Any]) -> None:
    sheets = _sheets(_workbook(years, "2026"))
    tasks = sheets["Nhiệm vụ qua các kỳ"]
    assert [v for v in tasks[2] if v] == ["Kỳ 2024", "Kỳ 2025", "Kỳ 2026"]
    by_task = _history(tasks, "TT")
    assert list(by_task) == [str(n) for n in range(1, 16)]
    for period, statuses in STATUSES.items():
        assert [row[f"Tình trạng {period}"] for row in by_task.values()] == statuses
    # task 1: 29 leads in 2024; 20 in 2025 (less 2 merged, 10 districts, plus 3 communes);
    # 19 in 2026 (the new Sở KH&CN for the old one, xã Ngọc Hồi merged)
    assert [by_task["1"][f"Tiến độ {p}"] for p in STATUSES] == [
        "6/29 báo cáo",
        "4/20 báo cáo",
        "3/19 báo cáo",
    ]
    agencies = sheets["Đơn vị qua các kỳ"]
    assert [v for v in agencies[2] if v] == ["Kỳ 2024", "Kỳ 2025", "Kỳ 2026"]
    by_name = _history(agencies, "Tên đơn vị")

    def years_of(name: str) -> list[tuple[Any, Any]]:
        row = by_name[name]
        return [(row[f"Đã nộp {p}"], row[f"Đúng hạn {p}"]) for p in STATUSES]

    none = (None, None)
    assert years_of("Sở Khoa học và Công nghệ") == [("Có", "Có"), ("Có", "Có"), none]
    assert years_of(NEW_KHCN[1]) == [none, none, ("Có", "Có")]
    assert years_of("Sở Thông tin và Truyền thông") == [("Có", "Có"), none, none]
    assert years_of("Sở Tài chính") == [("Không", None), ("Có", "Có"), ("Có", "Không")]
    assert years_of("UBND xã Ngọc Hồi") == [none, ("Có", "Không"), none]
    assert years_of("Ủy ban nhân dân huyện Kon Rẫy") == [("Không", None), none, none]
    assert len(by_name) == 31 + 3 + 1
    names = list(by_name)
    assert names.index("Sở Khoa học và Công nghệ") + 1 == names.index(NEW_KHCN[1])


# --- around the year: what an officer (or an attacker) may do ---------------------------------


def _copy(years: dict[str, Any], tmp_path: Path) -> Path:
    """The plan folder as the year left it (file times kept: they are receipt times)."""
    return Path(shutil.copytree(years["root"], tmp_path / "folder"))


def _figures(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(("Đơn vị:", "Nhiệm vụ:"))]


def test_as_of_at_the_year_boundaries(years: dict[str, Any], tmp_path: Path) -> None:
    folder = _copy(years, tmp_path)
    with contextlib.chdir(folder):
        # the day after the year ends is still that year's consolidation: closed, frozen
        frozen = officer("run", "--as-of", "01/01/2026")
        assert "Kỳ báo cáo 2025 (kỳ hiện tại theo ngày 01/01/2026" in frozen
        assert "Kỳ 2025 đã chốt" in frozen
        last = officer("plan", "--as-of", "31/12/2027")  # a year after the plan's last deadline
        assert "Kỳ báo cáo 2026 (kỳ hiện tại theo ngày 31/12/2027" in last
        refused = CliRunner().invoke(cli, ["run", "--as-of", "01/01/2028"])
        assert refused.exit_code == 2
        assert "chỉ nhận ngày từ 01/01/2023 đến 31/12/2027" in refused.output
        # in March 2026 the nearest deadline is still 2025's: the command says which it took
        words = ["--as-of", "15/03/2026", "--agency", "so_y_te", "--out", "thu"]
        march = officer("templates", "--template", str(TEMPLATE), *words)
        assert "Kỳ báo cáo 2025 (kỳ hiện tại theo ngày 15/03/2026; chọn kỳ khác" in march
        # a lone return of an earlier year, of an agency merged away since: its own year's rules
        # (a check whose files were all another period's stopped on an internal error)
        old = officer("check", "inbox/2024/2024_so_tttt.xlsx", "--as-of", "06/01/2027")
        assert "2024_so_tttt.xlsx [so_tttt]: Chấp nhận — Hợp lệ." in old
    for period in ("2024", "2025"):
        assert (folder / "outbox" / f"tong-hop-{period}.xlsx").read_bytes() == years[
            f"closed {period}"
        ]


def test_a_deleted_store_loses_closures_not_the_figures(
    years: dict[str, Any], tmp_path: Path
) -> None:
    folder = _copy(years, tmp_path)
    (folder / "kehoach.sqlite").unlink()
    with contextlib.chdir(folder):
        again = run("2026")
    assert "Đã tạo kho dữ liệu kehoach.sqlite" in again
    assert _figures(again) == _figures(years["run 2026"])  # the inbox is the source of truth
    history = _sheets(folder / "outbox" / "tong-hop-2026.xlsx")["Nhiệm vụ qua các kỳ"]
    assert [v for v in history[2] if v] == ["Kỳ 2026"]  # earlier years come back when run
    for period in ("2024", "2025"):  # the closed workbooks are not touched by 2026's run
        assert (folder / "outbox" / f"tong-hop-{period}.xlsx").read_bytes() == years[
            f"closed {period}"
        ]


def test_reopening_2025_after_2026_ran(years: dict[str, Any], tmp_path: Path) -> None:
    folder = _copy(years, tmp_path)
    with contextlib.chdir(folder):
        reopened = run("2025", "--reopen")
        # Sở GD&ĐT's 2025 form, received in December 2026, counts for 2025 now: late
        assert "22 phải nộp · 5 đã nộp (3 đúng hạn, 2 muộn)" in reopened
        run("2026")
        # an agency of 2026 only: its return is another period's for 2025, valid for 2026
        checked = officer("check", "inbox/2026/2026_so_khcn_qn.xlsx", "--as-of", "06/01/2026")
        assert "[so_khcn_qn]: Chấp nhận — Hợp lệ." in checked
    store = sqlite3.connect(folder / "kehoach.sqlite")
    found = "SELECT outcome FROM period_outcomes WHERE period = '2025' AND file = ?"
    assert store.execute(found, (f"2026/2026_{NEW_KHCN[0]}.xlsx",)).fetchone() == ("other-period",)
    sheets = _sheets(folder / "outbox" / "tong-hop-2026.xlsx")
    row = _history(sheets["Đơn vị qua các kỳ"], "Tên đơn vị")["Sở Giáo dục và Đào tạo"]
    assert [row[f"Đã nộp {p}"] for p in STATUSES] == ["Không", "Có", "Không"]
    assert (folder / "outbox" / "tong-hop-2024.xlsx").read_bytes() == years["closed 2024"]
