"""Two years with a reorganisation between them, one shared inbox (issue 13).

2024 runs on the embedded plan. For 2025 the officer adds the sheet `Kỳ báo cáo`, ends Sở TT&TT
(merged into Sở KH&CN) and Sở KH&ĐT (into Sở Tài chính) on 28/02/2025, ends the districts on
30/06/2025 with three communes taking their work, and lets the districts' phrase cover communes.
"""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from pipeline.cli import cli
from pipeline.demo.simulate import fill_form
from pipeline.forms.batch import write_forms
from pipeline.plan.load import load_plan
from pipeline.plan.model import Plan
from pipeline.plan.periods import Period, current
from pipeline.run import Checked, check_files, run
from tests.conftest import PLAN, TEMPLATE
from tests.helpers import DISTRICTS

AS_OF_2024 = date(2025, 1, 6)
AS_OF_2025 = date(2026, 1, 6)
COMMUNES = (
    ("xa_dak_bla", "UBND xã Đăk Bla"),
    ("phuong_kon_tum", "UBND phường Kon Tum"),
    ("xa_ngoc_hoi", "UBND xã Ngọc Hồi"),
)
GOOD = {"status": "Đã hoàn thành", "progress": 100, "result": "Đã ban hành kế hoạch"}
PARTLY = {"status": "Đang thực hiện", "progress": 40, "result": "Đang triển khai"}


def _plan_2025(tmp_path: Path, *, communes_in_phrase: bool = True) -> Path:
    """The embedded plan after the officer's 2025 edits."""
    target = tmp_path / "templates" / "task_matrix.xlsx"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(PLAN, target)
    workbook = load_workbook(target)
    periods = workbook.create_sheet("Kỳ báo cáo")
    periods.append(["Kỳ", "Từ ngày", "Đến ngày", "Hạn nộp", "Chốt số liệu", "Phiên bản biểu mẫu"])
    periods.append(["2024", "01/01/2024", "31/12/2024", "15/12/2024", "14/12/2024", "1"])
    periods.append(["2025", "01/01/2025", "31/12/2025", "15/12/2025", "14/12/2025", "2"])
    agencies = workbook["Đơn vị"]
    agencies["G1"], agencies["H1"], agencies["I1"] = "Hiệu lực từ", "Hiệu lực đến", "Thay bằng"
    successors = {
        "so_tttt": "so_khcn",
        "so_khdt": "so_tai_chinh",
        **{code: COMMUNES[i % 3][0] for i, code in enumerate(DISTRICTS)},
    }
    for row in range(2, agencies.max_row + 1):
        code = str(agencies.cell(row, 1).value)
        if code in successors:
            ended = "28/02/2025" if code.startswith("so_") else "30/06/2025"
            agencies.cell(row, 8).value = ended
            agencies.cell(row, 9).value = successors[code]
    for order, (code, name) in enumerate(COMMUNES, start=200):
        agencies.append([code, name, "xa", order, "", "", "01/07/2025", "", ""])
    if communes_in_phrase:
        phrases = workbook["Cụm từ"]
        for row in range(2, phrases.max_row + 1):
            if phrases.cell(row, 2).value == "huyen":
                phrases.cell(row, 2).value = "huyen; xa"
    workbook.save(target)
    return target


def _fill(plan: Plan, forms: Path, inbox: Path, code: str, period: str, saved: datetime) -> Path:
    """An agency's return: every task done in 2024, in progress in 2025 (told apart by hand)."""
    answers = {
        a.task.number: dict(GOOD if period == "2024" else PARTLY)
        for a in plan.for_period(period).assignments(code)
    }
    target = inbox / period / f"{period}_{code}.xlsx"
    fill_form(forms / f"{period}_{code}.xlsx", target, answers, {}, saved)
    return target


def _sheets(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    workbook = load_workbook(path, read_only=True)
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in workbook.worksheets}


def _agency_rows(path: Path) -> dict[str, dict[str, Any]]:
    rows = _sheets(path)["Theo đơn vị"]
    start = next(i for i, r in enumerate(rows) if r and "Mã đơn vị" in r)
    header = rows[start]
    return {
        str(r[header.index("Mã đơn vị")]): dict(zip(header, r, strict=False))
        for r in rows[start + 1 :]
        if r and r[header.index("Mã đơn vị")]
    }


@pytest.fixture(scope="module")
def two_years(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("two-years")
    inbox, outbox = root / "inbox", root / "outbox"
    store = root / "kehoach.sqlite"  # each period's results, read back for history
    before = load_plan(PLAN)
    forms_2024 = root / "forms-2024"
    write_forms(before, TEMPLATE, "2024", forms_2024)
    sent_2024 = ("so_tttt", "so_khdt", "so_tu_phap", "so_khcn", "ubnd_kon_ray", "so_y_te")
    for day, code in enumerate(sent_2024, start=2):
        _fill(before, forms_2024, inbox, code, "2024", datetime(2024, 12, day, 9, 0))
    first = run(before, inbox, outbox, "2024", AS_OF_2024, jobs=2, store=store)
    first_bytes = first.workbook.read_bytes()
    first_sheets = _sheets(first.workbook)

    after = load_plan(_plan_2025(root))
    forms_2025 = root / "forms-2025"
    write_forms(after, TEMPLATE, "2025", forms_2025)
    sent_2025 = ("so_khcn", "so_tai_chinh", "xa_dak_bla")
    for day, code in enumerate(sent_2025, start=2):
        _fill(after, forms_2025, inbox, code, "2025", datetime(2025, 12, day, 9, 0))
    again = run(after, inbox, outbox, "2024", AS_OF_2024, jobs=2, store=store)
    again_sheets, again_bytes = _sheets(again.workbook), again.workbook.read_bytes()
    second = run(after, inbox, outbox, "2025", AS_OF_2025, jobs=2, store=store)
    second_sheets = _sheets(second.workbook)
    # 2024 once more, with 2025's results in the store now: they must not reach 2024
    third = run(after, inbox, outbox, "2024", AS_OF_2024, jobs=2, store=store)
    return {
        "before": before,
        "after": after,
        "first_bytes": first_bytes,
        "first_sheets": first_sheets,
        "again": again,
        "second": second,
        "second_sheets": second_sheets,
        "again_sheets": again_sheets,
        "again_bytes": again_bytes,
        "third": third,
        "forms_2025": forms_2025,
        "root": root,
    }


def test_2024_is_the_same_after_the_2025_edits_and_files(two_years: dict[str, Any]) -> None:
    again = two_years["again"]
    assert two_years["again_sheets"] == two_years["first_sheets"]
    assert two_years["again_bytes"] == two_years["first_bytes"]
    # and after the 2025 run, whose results the store now holds (sheet by sheet, then bytes)
    third = _sheets(two_years["third"].workbook)
    assert list(third) == list(two_years["first_sheets"])
    for name, rows in two_years["first_sheets"].items():
        assert third[name] == rows, name
    assert two_years["third"].workbook.read_bytes() == two_years["first_bytes"]
    others = [rel for rel, o in _outcomes(again.checked).items() if o == "other-period"]
    assert sorted(others) == [
        "2025/2025_so_khcn.xlsx",
        "2025/2025_so_tai_chinh.xlsx",
        "2025/2025_xa_dak_bla.xlsx",
    ]


def test_2025_agencies_are_those_in_force_on_its_cutoff(two_years: dict[str, Any]) -> None:
    before, after = two_years["before"], two_years["after"]
    expected_2024 = {a.code for a in before.expected_agencies()}
    expected_2025 = {a.code for a in after.for_period("2025").expected_agencies()}
    by_hand = (expected_2024 - {"so_tttt", "so_khdt"} - set(DISTRICTS)) | {c for c, _ in COMMUNES}
    assert expected_2025 == by_hand
    assert {a.code for a in after.for_period("2024").expected_agencies()} == expected_2024
    tasks = {t.number: t for t in after.for_period("2025").tasks}
    # Task 3: "Sở KH&CN, Sở KH&ĐT" -> Sở KH&ĐT's lead passes to Sở Tài chính.
    assert set(tasks["3"].leads) == {"so_khcn", "so_tai_chinh"}
    # Task 6: "Sở KH&CN, UBND các huyện, thành phố" -> the communes lead in 2025.
    assert set(tasks["6"].leads) == {"so_khcn", *(c for c, _ in COMMUNES)}
    forms = sorted(p.name for p in two_years["forms_2025"].glob("2025_*.xlsx"))
    assert forms == sorted(f"2025_{c}.xlsx" for c in by_hand)


def test_2025_figures_are_a_hand_count(two_years: dict[str, Any]) -> None:
    second = two_years["second"]
    rows = _agency_rows(second.workbook)
    expected = {a.code for a in two_years["after"].for_period("2025").expected_agencies()}
    assert set(rows) == expected
    submitted = {code for code, row in rows.items() if row["Đã nộp"] == "Có"}
    assert submitted == {"so_khcn", "so_tai_chinh", "xa_dak_bla"}
    # Sở Tư pháp sent only its 2024 return: nothing for 2025, no rejection.
    assert rows["so_tu_phap"]["Đã nộp"] == "Không"
    assert rows["so_tu_phap"]["Kết quả"] == "Chưa nộp"
    h = second.consolidation.headline
    assert (h["submitted"], h["missing"], h["rejected"]) == (3, len(expected) - 3, 0)
    assert h["on_time"] == 3
    log = _sheets(second.workbook)["Nhật ký"]
    assert not any("2024/" in str(cell) for row in log for cell in row)
    assert all(
        o == "other-period"
        for rel, o in _outcomes(second.checked).items()
        if rel.startswith("2024/")
    )


def test_2024_figures_are_a_hand_count(two_years: dict[str, Any]) -> None:
    rows = _agency_rows(two_years["again"].workbook)
    submitted = {code for code, row in rows.items() if row["Đã nộp"] == "Có"}
    assert submitted == {"so_tttt", "so_khdt", "so_tu_phap", "so_khcn", "ubnd_kon_ray", "so_y_te"}
    assert {row["Kết quả"] for code, row in rows.items() if code in submitted} == {"Chấp nhận"}
    assert two_years["again"].consolidation.headline["rejected"] == 0


def test_check_takes_each_files_own_period(two_years: dict[str, Any]) -> None:
    root = two_years["root"]
    files = [root / "inbox" / "2024" / "2024_so_tu_phap.xlsx", root / "inbox" / "2025"]
    checked = check_files(two_years["after"], files, None, date(2026, 1, 6))
    assert _outcomes(checked) == {
        "2024_so_tu_phap.xlsx": "accepted",
        "2025_so_khcn.xlsx": "accepted",
        "2025_so_tai_chinh.xlsx": "accepted",
        "2025_xa_dak_bla.xlsx": "accepted",
    }


def test_a_phrase_covering_nobody_is_an_error_naming_period_task_phrase(tmp_path: Path) -> None:
    target = _plan_2025(tmp_path, communes_in_phrase=False)
    result = CliRunner().invoke(cli, ["plan", "--plan", str(target)])
    assert result.exit_code == 2, result.output
    assert (
        "trang 'Nhiệm vụ', ô C10: Kỳ 2025, nhiệm vụ 6: 'Ủy ban nhân dân các huyện, thành phố' "
        "không còn đơn vị nào có hiệu lực"
    ) in result.output
    assert "Tệp kế hoạch có 7 lỗi" in result.output  # the seven tasks that name districts


def test_plan_shows_every_period_and_refuses_one_without_dates(tmp_path: Path) -> None:
    target = _plan_2025(tmp_path)
    shown = CliRunner().invoke(cli, ["plan", "--plan", str(target), "--as-of", "20/11/2025"])
    assert shown.exit_code == 0, shown.output
    assert "2024: 01/01/2024 – 31/12/2024; hạn nộp 15/12/2024" in shown.output
    # 31 agencies of 2024, less 2 merged departments and 10 districts, plus 3 communes
    assert "biểu mẫu phiên bản 2; 22 đơn vị (kỳ hiện tại)" in shown.output
    assert "Kỳ báo cáo 2025 (kỳ hiện tại theo ngày 20/11/2025" in shown.output
    workbook = load_workbook(target)
    workbook["Kỳ báo cáo"]["E3"] = None
    workbook.save(target)
    refused = CliRunner().invoke(cli, ["plan", "--plan", str(target)])
    assert refused.exit_code == 2
    assert "ô E3: Kỳ 2025 chưa có 'Chốt số liệu'" in refused.output


def test_a_period_named_in_the_settings_but_left_off_the_sheet_is_refused(tmp_path: Path) -> None:
    """Adding only the new year to a new `Kỳ báo cáo` sheet must not make 2024 vanish silently."""
    target = _plan_2025(tmp_path)
    workbook = load_workbook(target)
    workbook["Kỳ báo cáo"].delete_rows(2)  # the 2024 row
    settings = workbook["Cấu hình"]
    for row in settings.iter_rows(min_row=2):
        if row[0].value == "ky_bao_cao":
            row[1].value = "2024; 2025"
    workbook.save(target)
    refused = CliRunner().invoke(cli, ["plan", "--plan", str(target), "--as-of", "20/11/2025"])
    assert refused.exit_code == 2, refused.output
    assert "Kỳ 2024 có trong 'ky_bao_cao' nhưng không có ở trang 'Kỳ báo cáo'" in refused.output


CURRENT = [
    (date(2024, 12, 16), "2024"),  # the day after the deadline: still 2024's consolidation
    (date(2025, 1, 6), "2024"),
    (date(2025, 11, 20), "2025"),  # forms for 2025 go out
    (date(2023, 5, 1), "2024"),
    (date(2031, 1, 1), "2025"),
]


@pytest.mark.parametrize(("as_of", "expected"), CURRENT)
def test_current_period(as_of: date, expected: str) -> None:
    periods = [
        Period(
            "2024",
            date(2024, 1, 1),
            date(2024, 12, 31),
            date(2024, 12, 15),
            date(2024, 12, 14),
            "1",
        ),
        Period(
            "2025",
            date(2025, 1, 1),
            date(2025, 12, 31),
            date(2025, 12, 15),
            date(2025, 12, 14),
            "2",
        ),
    ]
    assert current(periods, as_of).name == expected


def test_templates_without_period_take_the_current_one(tmp_path: Path) -> None:
    target = _plan_2025(tmp_path)
    out = tmp_path / "out"
    args = ["templates", "--plan", str(target), "--template", str(TEMPLATE), "--out", str(out)]
    result = CliRunner().invoke(cli, [*args, "--as-of", "20/11/2025", "--agency", "so_khcn"])
    assert result.exit_code == 0, result.output
    assert "Kỳ báo cáo 2025 (kỳ hiện tại" in result.output
    assert (out / "2025_so_khcn.xlsx").exists()
    meta = load_workbook(out / "2025_so_khcn.xlsx")["_kehoach"]
    assert "2" in [c.value for row in meta.iter_rows() for c in row]  # form version of 2025


def test_init_makes_a_plan_for_the_year(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "kh"), "--period", "2025"])
    assert result.exit_code == 0, result.output
    settings = load_plan(tmp_path / "kh" / "templates" / "task_matrix.xlsx").settings
    assert settings.periods == ("2025",)
    assert (settings.deadline_for("2025"), settings.cutoff_for("2025")) == (
        date(2025, 12, 15),
        date(2025, 12, 14),
    )
    bad = CliRunner().invoke(cli, ["init", str(tmp_path / "x"), "--period", "năm sau"])
    assert bad.exit_code == 2 and "không phải là năm" in bad.output


def test_a_zip_of_both_years(two_years: dict[str, Any], tmp_path: Path) -> None:
    """One e-mail with both years' files: each counts for its own year only."""
    root = two_years["root"]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in (
            root / "inbox" / "2024" / "2024_so_tu_phap.xlsx",
            root / "inbox" / "2025" / "2025_so_khcn.xlsx",
        ):
            archive.write(path, path.name)
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "thu.zip").write_bytes(buffer.getvalue())
    result = run(two_years["after"], tmp_path / "inbox", tmp_path / "out", "2025", AS_OF_2025, 2)
    outcomes = _outcomes(result.checked)
    assert outcomes == {
        "thu.zip/2024_so_tu_phap.xlsx": "other-period",
        "thu.zip/2025_so_khcn.xlsx": "accepted",
    }


def _outcomes(checked: Checked) -> dict[str, str]:
    files = checked.frames.files
    return dict(zip(files["rel"].tolist(), files["outcome"].tolist(), strict=True))


def _received(path: Path, when: datetime) -> None:
    stamp = when.timestamp()
    os.utime(path, (stamp, stamp))


def test_on_time_follows_the_receipt_date_where_saved_times_lie(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"

    def send(code: str, saved: datetime, received: datetime, name: str = "") -> Path:
        values = PARTLY if name.startswith("ban-nhap") else GOOD
        answers = {a.task.number: dict(values) for a in plan.assignments(code)}
        target = inbox / (name or f"2024_{code}.xlsx")
        fill_form(forms / f"2024_{code}.xlsx", target, answers, {}, saved)
        _received(target, received)
        return target

    # Claims 01/12, reached the office on 20/12: late.
    send("so_y_te", datetime(2024, 12, 1, 9), datetime(2024, 12, 20, 9))
    # Claims 2099, reached the office on 10/12: on time, and the claim is not believed.
    send("so_tu_phap", datetime(2099, 1, 1, 9), datetime(2024, 12, 10, 9))
    # A draft stamped 2099 received first, the final received later: the final counts.
    send("so_khcn", datetime(2099, 1, 1, 9), datetime(2024, 12, 3, 9), "ban-nhap_so_khcn.xlsx")
    final = send("so_khcn", datetime(2024, 12, 5, 9), datetime(2024, 12, 5, 9))
    # A zip member packed "on 01/12" inside a zip received on 18/12: late, on the zip's time.
    member = send("so_noi_vu", datetime(2024, 12, 1, 9), datetime(2024, 12, 1, 9))
    with zipfile.ZipFile(inbox / "thu.zip", "w") as archive:
        archive.write(member, member.name)
    member.unlink()
    _received(inbox / "thu.zip", datetime(2024, 12, 18, 9))

    result = run(plan, inbox, tmp_path / "out", "2024", AS_OF_2024, jobs=2)
    rows = _agency_rows(result.workbook)
    assert {c: rows[c]["Đúng hạn"] for c in ("so_y_te", "so_tu_phap", "so_khcn", "so_noi_vu")} == {
        "so_y_te": "Không",
        "so_tu_phap": "Có",
        "so_khcn": "Có",
        "so_noi_vu": "Không",
    }
    assert rows["so_khcn"]["Tệp"] == final.name
    assert rows["so_noi_vu"]["Căn cứ thời điểm"] == "Ngày nhận: thời gian của tệp nén"
    assert rows["so_y_te"]["Căn cứ thời điểm"] == "Ngày nhận: thời gian tệp trong hộp thư"
    frames = result.checked.frames
    rel = dict(zip(frames.files["rid"], frames.files["rel"], strict=True))
    findings = frames.findings
    doubted = {
        rel[rid] for rid in findings.loc[findings["code"].eq("saved-time-not-believed"), "rid"]
    }
    assert doubted == {"2024_so_tu_phap.xlsx"}  # the draft is superseded: no findings
    outcomes = _outcomes(result.checked)
    assert outcomes["ban-nhap_so_khcn.xlsx"] == "superseded"


def _history(rows: list[tuple[Any, ...]], key: str) -> dict[str, dict[str, Any]]:
    """A history sheet's rows by `key`, each as {"<column> <period>": value}: the periods'
    row above the column names says which period a pair belongs to."""
    start = next(i for i, r in enumerate(rows) if r and r[0] == key)
    periods, names = rows[start - 1], rows[start]
    header, period, left = [], "", 0
    for above, name in zip(periods, names, strict=True):
        if str(above).startswith("Kỳ "):
            period, left = str(above).removeprefix("Kỳ "), 2  # a pair per period
        header.append(f"{name} {period}" if left else str(name))
        left = max(left - 1, 0)
    index = header.index(key)
    return {str(r[index]): dict(zip(header, r, strict=True)) for r in rows[start + 1 :] if r[index]}


def test_2025_history_sheets_are_a_hand_count(two_years: dict[str, Any]) -> None:
    sheets = two_years["second_sheets"]
    tasks = _history(sheets["Nhiệm vụ qua các kỳ"], "TT")
    assert list(tasks) == [str(n) for n in range(1, 16)]
    pairs = {
        number: tuple(
            tasks[number][f"{c} {p}"] for p in ("2024", "2025") for c in ("Tình trạng", "Tiến độ")
        )
        for number in ("1", "2", "3", "6", "7", "13")
    }
    assert pairs == {
        # 2024: 6 of its 29 leads sent a return; 2025: 29 - 2 merged - 10 districts + 3
        # communes = 20 leads, of which Sở KH&CN, Sở Tài chính and xã Đăk Bla sent one
        "1": ("Đang thực hiện", "6/29 báo cáo", "Đang thực hiện", "3/20 báo cáo"),
        "2": ("Đã hoàn thành", "100%", "Đang thực hiện", "40%"),
        # Sở KH&ĐT and Sở KH&CN in 2024; Sở Tài chính took Sở KH&ĐT's part in 2025
        "3": ("Đã hoàn thành", "100%", "Đang thực hiện", "40%"),
        # Sở KH&CN and UBND Kon Rẫy of 11 in 2024; Sở KH&CN and xã Đăk Bla of 4 in 2025
        "6": ("Đang thực hiện", "2/11 báo cáo", "Đang thực hiện", "2/4 báo cáo"),
        "7": ("Chưa báo cáo", None, "Chưa báo cáo", None),
        "13": ("Đã hoàn thành", "100%", "Chưa báo cáo", None),  # Sở Y tế: 2024 only
    }
    agencies = _history(sheets["Đơn vị qua các kỳ"], "Tên đơn vị")
    by_code = {row["Mã đơn vị"]: row for row in agencies.values()}
    expected_2024 = {a.code for a in two_years["before"].expected_agencies()}
    assert set(by_code) == expected_2024 | {c for c, _ in COMMUNES}  # 31 + 3 communes

    def pair(code: str, period: str) -> tuple[Any, Any]:
        row = by_code[code]
        return row[f"Đã nộp {period}"], row[f"Đúng hạn {period}"]

    assert pair("so_tttt", "2024") == ("Có", "Có")
    assert pair("so_tttt", "2025") == (None, None)  # merged into Sở KH&CN: keeps its 2024 row
    assert pair("so_khcn", "2025") == ("Có", "Có")
    assert pair("so_tu_phap", "2025") == ("Không", None)
    assert pair("so_tai_chinh", "2024") == ("Không", None)
    assert pair("xa_dak_bla", "2024") == (None, None)  # a commune from 01/07/2025 only
    assert pair("xa_dak_bla", "2025") == ("Có", "Có")
    assert pair("ubnd_kon_ray", "2025") == (None, None)
    # the 2024 workbook knows 2024 only, and says so
    first = two_years["first_sheets"]["Nhiệm vụ qua các kỳ"]
    assert first[0][0].startswith("Mới có số liệu của kỳ 2024")
    assert {str(v) for v in first[2] if v} == {"Kỳ 2024"}


def test_2025_overview_compares_with_2024(two_years: dict[str, Any]) -> None:
    values = [v for row in two_years["second_sheets"]["Tổng quan"] for v in row]
    assert "5. So với kỳ 2024" in values
    at = values.index("Đơn vị đã báo cáo")
    # 2024: 6 of 31 counted, all on time; 8 tasks done (those whose every lead sent a return)
    assert values[at : at + 4] == ["Đơn vị đã báo cáo", "6/31", "3/22", "-3"]
    at = values.index("Đơn vị nộp đúng hạn")
    assert values[at : at + 4] == ["Đơn vị nộp đúng hạn", "6/31", "3/22", "-3"]
    at = values.index("Nhiệm vụ đã hoàn thành")
    assert values[at : at + 4] == ["Nhiệm vụ đã hoàn thành", "8/15", "0/15", "-8"]
    overdue_2024 = two_years["again"].consolidation.headline["overdue"]
    at = values.index("Nhiệm vụ quá hạn")
    assert values[at + 1] == f"{overdue_2024}/15"
    first = [v for row in two_years["first_sheets"]["Tổng quan"] for v in row]
    assert not any(str(v).startswith("5. So với") for v in first)
