"""Carry-over (issue 13, item 5): the 2025 forms show each agency's 2024 results.

2024 runs on the embedded plan with a store; the officer then makes the 2025 edits of
tests/test_periods.py (Sở KH&ĐT merged into Sở Tài chính, districts replaced by communes) and
runs `kehoach templates --period 2025` in the working folder.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.cli import cli
from pipeline.contracts.form import HEADERS
from pipeline.core.errors import KehoachError
from pipeline.core.libreoffice import convert
from pipeline.demo.simulate import fill_form
from pipeline.forms.batch import write_forms
from pipeline.forms.carryover import Carryover, PreviousValues, first_line, previous_period
from pipeline.intake.reader import read_bytes
from pipeline.intake.returns import entries
from pipeline.plan.load import load_plan
from pipeline.plan.model import Plan
from pipeline.rules.findings import findings_of
from pipeline.run import Checked, check_files, run
from pipeline.store.actions import previous_results
from pipeline.store.db import open_store
from pipeline.store.records import period_results
from tests.conftest import PLAN, TEMPLATE
from tests.test_periods import AS_OF_2024, AS_OF_2025, PARTLY, _plan_2025

LONG = (
    "Đã ban hành Kế hoạch số 12/KH-SYT triển khai ứng dụng công nghệ thông tin trong khám chữa "
    "bệnh tại tất cả bệnh viện tuyến tỉnh và trung tâm y tế tuyến huyện, hoàn thành bệnh án "
    "điện tử\nDòng thứ hai không được mang sang"
)
ANSWERS_2024 = {
    "so_y_te": {"status": "Đang thực hiện", "progress": 60, "result": LONG},
    "so_khdt": {"status": "Đã hoàn thành", "progress": 100, "result": "Đã phân bổ vốn"},
    "so_tai_chinh": {"status": "Đang thực hiện", "progress": 60, "result": "Đã thẩm định"},
    "ubnd_tp_kon_tum": {"status": "Chưa thực hiện", "progress": 0, "result": ""},
}
# Task 1 of Sở Tài chính, which took over Sở KH&ĐT: both reported it in 2024
FINANCE_1 = (
    "Sở Tài chính (Đang thực hiện, 60%): Đã thẩm định\n"
    "Sở Kế hoạch và Đầu tư (Đã hoàn thành, 100%): Đã phân bổ vốn"
)
REFERENCE = (
    "Kỳ trước (2024): Tình trạng",
    "Kỳ trước (2024): Tiến độ (%)",
    "Kỳ trước (2024): Kết quả",
)


def _templates(*extra: str) -> str:
    """`kehoach templates --period 2025` run in the plan's working folder, as the officer does."""
    result = CliRunner().invoke(
        cli, ["templates", "--period", "2025", "--template", str(TEMPLATE), *extra]
    )
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def year_two(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("carryover")
    before = load_plan(PLAN)
    forms_2024 = root / "forms-2024"
    write_forms(before, TEMPLATE, "2024", forms_2024)
    for code, answer in ANSWERS_2024.items():
        answers = {a.task.number: dict(answer) for a in before.assignments(code)}
        saved = datetime(2024, 12, 5, 9, 0)
        fill_form(
            forms_2024 / f"2024_{code}.xlsx",
            root / "inbox" / f"2024_{code}.xlsx",
            answers,
            {},
            saved,
        )
    run(
        before,
        root / "inbox",
        root / "outbox",
        "2024",
        AS_OF_2024,
        jobs=2,
        store=root / "kehoach.sqlite",
    )
    _plan_2025(root)  # templates/task_matrix.xlsx, where `kehoach` looks by default
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        output = _templates()
    return {"root": root, "output": output, "forms": root / "outbox" / "templates" / "2025"}


def _table(path: Path) -> tuple[Worksheet, int]:
    sheet = load_workbook(path)["Báo cáo"]
    header = next(r for r in range(1, 40) if sheet.cell(r, 2).value == "TT")
    return sheet, header


def _reference(path: Path) -> dict[str, tuple[Any, ...]]:
    """Task number -> the reference cells of its row."""
    sheet, header = _table(path)
    return {
        str(sheet.cell(row, 2).value): tuple(sheet.cell(row, c).value for c in (14, 15, 16))
        for row in range(header + 1, sheet.max_row + 1)
        if sheet.cell(row, 2).value
    }


def test_each_row_shows_the_agencys_2024_result(year_two: dict[str, Any]) -> None:
    forms = year_two["forms"]
    sheet, header = _table(forms / "2025_so_y_te.xlsx")
    assert tuple(sheet.cell(header, c).value for c in range(1, 14)) == HEADERS  # unchanged
    assert tuple(sheet.cell(header, c).value for c in (14, 15, 16)) == REFERENCE
    rows = _reference(forms / "2025_so_y_te.xlsx")
    line = first_line(LONG)
    assert line.endswith("…") and "Dòng thứ hai" not in line and len(line) <= 120
    assert set(rows.values()) == {("Đang thực hiện", 60, line)}
    first = header + 1
    for col in (14, 15, 16):  # locked, grey, read-only reference
        cell = sheet.cell(first, col)
        assert cell.protection.locked is True
        assert cell.fill.fgColor.rgb.endswith("F2F2F2")
        assert sheet.cell(header, col).fill.fgColor.rgb.endswith("D9D9D9")
    assert sheet.cell(first, 6).protection.locked is False  # the inputs stay open
    assert sheet.print_area == f"'Báo cáo'!$A$1:$M${sheet.max_row}"  # the report prints as before
    assert "nơi có kết quả của 4 đơn vị kỳ đó" in year_two["output"]


def test_merged_and_replaced_agencies_show_their_predecessors_results(
    year_two: dict[str, Any],
) -> None:
    forms = year_two["forms"]
    # Sở Tài chính took over Sở Kế hoạch và Đầu tư: its own 2024 row, then the absorbed one's
    finance = _reference(forms / "2025_so_tai_chinh.xlsx")
    assert finance["1"] == (None, None, FINANCE_1)  # they disagree: each line says its own
    assert finance["8"] == ("Đã hoàn thành", 100, "Sở Kế hoạch và Đầu tư: Đã phân bổ vốn")
    sheet, header = _table(forms / "2025_so_tai_chinh.xlsx")
    row = next(r for r in range(header + 1, sheet.max_row + 1) if sheet.cell(r, 2).value == "1")
    assert sheet.cell(row, 16).alignment.wrap_text  # both lines show
    assert sheet.row_dimensions[row].height >= 2 * 15.6
    commune = _reference(forms / "2025_xa_dak_bla.xlsx")  # took over the city's work, among others
    assert commune["1"] == ("Chưa thực hiện", 0, None)
    justice = _reference(forms / "2025_so_tu_phap.xlsx")  # sent nothing in 2024
    assert set(justice.values()) == {(None, None, None)}


def test_the_guide_says_what_the_reference_columns_are(year_two: dict[str, Any]) -> None:
    guide = load_workbook(year_two["forms"] / "2025_so_y_te.xlsx")["Hướng dẫn"]
    lines = [row for row in guide.iter_rows(values_only=True) if row[0] == "Kỳ trước (2024)"]
    assert len(lines) == 1 and "tham khảo" in str(lines[0][1])


def _return(year_two: dict[str, Any], code: str, target: Path) -> Path:
    plan = load_plan(year_two["root"] / "templates" / "task_matrix.xlsx").for_period("2025")
    answers = {a.task.number: dict(PARTLY) for a in plan.assignments(code)}
    fill_form(year_two["forms"] / f"2025_{code}.xlsx", target, answers, {}, datetime(2025, 12, 5))
    return target


def _checked(year_two: dict[str, Any], path: Path) -> Checked:
    plan = load_plan(year_two["root"] / "templates" / "task_matrix.xlsx")
    return check_files(plan, [path], "2025", AS_OF_2025, jobs=1)


def _counted(checked: Checked) -> set[tuple[Any, ...]]:
    rows = checked.frames.rows
    rows = rows[rows["counted"]]
    return set(zip(rows["status"], rows["progress"], rows["result"], strict=True))


def test_edited_reference_cells_change_nothing(year_two: dict[str, Any], tmp_path: Path) -> None:
    filled = _return(year_two, "so_y_te", tmp_path / "filled" / "2025_so_y_te.xlsx")
    workbook = load_workbook(filled)  # the agency unprotects the sheet and types over them
    sheet, header = workbook["Báo cáo"], 12
    for row in range(header + 1, header + 5):
        sheet.cell(row, 14).value = "Sắp xong"
        sheet.cell(row, 15).value = "một trăm"
        sheet.cell(row, 16).value = '=HYPERLINK("http://x")'
    edited = tmp_path / "edited" / "2025_so_y_te.xlsx"
    edited.parent.mkdir()
    workbook.save(edited)
    plain, changed = read_bytes(filled.read_bytes()), read_bytes(edited.read_bytes())
    assert changed.records == plain.records
    assert changed.prefilled_fingerprint == plain.prefilled_fingerprint
    assert changed.content_fingerprint == plain.content_fingerprint
    checked = _checked(year_two, edited)
    assert [e.outcome for e in entries(checked.frames.files)] == ["accepted"]
    assert findings_of(checked.frames.findings) == []
    assert _counted(checked) == {(PARTLY["status"], PARTLY["progress"], PARTLY["result"])}


@pytest.mark.libreoffice
def test_a_2025_form_saved_by_libreoffice_reads_the_answers_not_the_reference(
    soffice: str, year_two: dict[str, Any], tmp_path: Path
) -> None:
    filled = _return(year_two, "so_tai_chinh", tmp_path / "src" / "2025_so_tai_chinh.xlsx")
    converted = convert(filled, "xlsx", tmp_path / "inbox")
    assert converted is not None
    reference = _reference(converted)
    assert reference["8"] == ("Đã hoàn thành", 100, "Sở Kế hoạch và Đầu tư: Đã phân bổ vốn")
    assert reference["1"] == (None, None, FINANCE_1)  # both lines survive LibreOffice
    checked = _checked(year_two, converted)
    [entry] = entries(checked.frames.files)
    assert (entry.agency, entry.outcome) == ("so_tai_chinh", "accepted")
    assert _counted(checked) == {(PARTLY["status"], PARTLY["progress"], PARTLY["result"])}


def _sheet_cells(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    workbook = load_workbook(path)
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in workbook.worksheets}


def test_without_a_store_the_form_is_todays(year_two: dict[str, Any], tmp_path: Path) -> None:
    folder = tmp_path / "kh"
    shutil.copytree(year_two["root"] / "templates", folder / "templates")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        output = _templates()
    assert not (folder / "kehoach.sqlite").exists()  # making forms never creates the store
    assert "kết quả kỳ" not in output
    made = folder / "outbox" / "templates" / "2025" / "2025_so_y_te.xlsx"
    plan = load_plan(folder / "templates" / "task_matrix.xlsx")
    write_forms(plan, TEMPLATE, "2025", tmp_path / "plain", ["so_y_te"])
    assert _sheet_cells(made) == _sheet_cells(tmp_path / "plain" / "2025_so_y_te.xlsx")
    sheet, _ = _table(made)
    assert sheet.max_column == 13 and not sheet.print_area


def test_a_store_without_the_previous_periods_run_adds_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "kh"
    _plan_2025(folder)
    connection, _ = open_store(folder / "kehoach.sqlite")  # e.g. receipts confirmed only
    connection.close()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        output = _templates("--agency", "so_y_te")
    assert "kết quả kỳ" not in output
    sheet, _ = _table(folder / "outbox" / "templates" / "2025" / "2025_so_y_te.xlsx")
    assert sheet.max_column == 13


def test_the_store_gives_each_agencys_lead_row_of_that_period(tmp_path: Path) -> None:
    connection, _ = open_store(tmp_path / "kehoach.sqlite")
    rows = [
        ("2024", "so_y_te", "1", "Phối hợp", "Đang thực hiện", 50.0, "phối hợp", None, "a"),
        ("2024", "so_y_te", "1", "Chủ trì", "Đã hoàn thành", 100.0, "chủ trì", None, "a"),
        ("2024", "so_y_te", "2", "Phối hợp", None, None, None, None, "a"),
        ("2023", "so_khcn", "1", "Chủ trì", "Đã hoàn thành", 100.0, "cũ", None, "b"),
    ]
    connection.executemany("INSERT INTO period_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    connection.commit()
    assert period_results(connection, "2024") == {
        "so_y_te": {"1": ("Đã hoàn thành", 100.0, "chủ trì"), "2": (None, None, None)}
    }
    connection.close()
    assert previous_results(tmp_path / "kehoach.sqlite", "2024")["so_y_te"]["1"][2] == "chủ trì"
    assert previous_results(tmp_path / "absent.sqlite", "2024") == {}
    assert not (tmp_path / "absent.sqlite").exists()
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"not a database, but the officer's notes")
    with pytest.raises(KehoachError) as raised:
        previous_results(broken, "2024")
    assert raised.value.key == "carryover-store-unreadable"


def test_the_previous_period_is_the_one_before_in_the_schedule(tmp_path: Path) -> None:
    plan = load_plan(_plan_2025(tmp_path))
    assert previous_period(plan, "2025") == "2024"
    assert previous_period(plan, "2024") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, ""),
        ("", ""),
        ("Đã ban hành kế hoạch", "Đã ban hành kế hoạch"),
        ("\n  \nDòng đầu\nDòng hai", "Dòng đầu"),
        ("a" * 120, "a" * 120),
        ("từ " * 60, ("từ " * 39).strip() + "…"),  # cut at a word
        ("x" * 200, "x" * 119 + "…"),
    ],
)
def test_first_line_of_a_result(text: str | None, expected: str) -> None:
    assert first_line(text) == expected
    assert len(first_line(text)) <= 120


def _merged_into_a_new_department(tmp_path: Path) -> Plan:
    """The 2025 plan where a new `so_tc_moi` replaces both Sở KH&ĐT and Sở Tài chính."""
    target = _plan_2025(tmp_path)
    workbook = load_workbook(target)
    agencies = workbook["Đơn vị"]
    for row in range(2, agencies.max_row + 1):
        if agencies.cell(row, 1).value in ("so_khdt", "so_tai_chinh"):
            agencies.cell(row, 8).value, agencies.cell(row, 9).value = "28/02/2025", "so_tc_moi"
    agencies.append(["so_tc_moi", "Sở Tài chính - Kế hoạch", "so", 5, "", "", "01/03/2025"])
    workbook.save(target)
    return load_plan(target).for_period("2025")


def test_a_department_merged_from_two_shows_both_predecessors(tmp_path: Path) -> None:
    plan = _merged_into_a_new_department(tmp_path)
    carry = Carryover(
        "2024",
        {
            "so_khdt": {
                "1": ("Đã hoàn thành", 100.0, "Đã phân bổ vốn"),
                "3": ("Đang thực hiện", 50.0, "Vốn cho KH&CN"),
                "11": ("Đang thực hiện", 50.0, None),
            },
            "so_tai_chinh": {
                "1": ("Đang thực hiện", 60.0, "Đã thẩm định"),
                "10": ("Đang thực hiện", 60.0, "Cân đối ngân sách"),
                "11": ("Đang thực hiện", 50.0, "Bố trí kinh phí"),
            },
        },
    )
    assignments = plan.assignments("so_tc_moi")
    shown = dict(
        zip(
            (a.task.number for a in assignments),
            PreviousValues(plan, carry).for_rows("so_tc_moi", assignments),
            strict=True,
        )
    )
    assert shown["10"] == ("Đang thực hiện", 60.0, "Sở Tài chính: Cân đối ngân sách")
    assert shown["3"] == ("Đang thực hiện", 50.0, "Sở Kế hoạch và Đầu tư: Vốn cho KH&CN")
    assert shown["1"] == (  # both, in the plan's order; the columns cannot hold two values
        "",
        None,
        "Sở Kế hoạch và Đầu tư (Đã hoàn thành, 100%): Đã phân bổ vốn\n"
        "Sở Tài chính (Đang thực hiện, 60%): Đã thẩm định",
    )
    assert shown["11"] == (  # they agree: the columns show it
        "Đang thực hiện",
        50.0,
        "Sở Kế hoạch và Đầu tư (Đang thực hiện, 50%)\n"
        "Sở Tài chính (Đang thực hiện, 50%): Bố trí kinh phí",
    )
    assert shown["2"] == ("", None, "")  # nobody had a row for it


def test_the_form_of_a_department_merged_from_two(year_two: dict[str, Any], tmp_path: Path) -> None:
    """The newcomer's case, as typed: `templates --period 2025` with a new `so_tc_moi`."""
    _merged_into_a_new_department(tmp_path)
    shutil.copyfile(year_two["root"] / "kehoach.sqlite", tmp_path / "kehoach.sqlite")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        _templates("--agency", "so_tc_moi")
    rows = _reference(tmp_path / "outbox" / "templates" / "2025" / "2025_so_tc_moi.xlsx")
    assert rows["1"] == (
        None,
        None,
        "Sở Kế hoạch và Đầu tư (Đã hoàn thành, 100%): Đã phân bổ vốn\n"
        "Sở Tài chính (Đang thực hiện, 60%): Đã thẩm định",
    )
    assert rows["8"] == ("Đã hoàn thành", 100, "Sở Kế hoạch và Đầu tư: Đã phân bổ vốn")
