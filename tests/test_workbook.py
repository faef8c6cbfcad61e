"""The leadership workbook: its contract, its one Excel layer, and how it prints."""

from __future__ import annotations

import re
import subprocess
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from pipeline.cli import cli
from pipeline.contracts import workbook as c4
from pipeline.core.xlsx_style import ONE_LINE, SMALLEST_PRINTED_PT, printed_scale, row_heights
from pipeline.outputs.cells_xml import CUT_MARK, cell
from pipeline.outputs.excel_layer import PlainFormulaSheet, sheet_part, xf_index

# Word boxes from `pdftotext -bbox` are as tall as the font's ascent plus descent: for Times
# New Roman (Liberation Serif in LibreOffice) 1.159 × the size in points, measured on 12-point
# cells printed at 100 %.
BOX_PER_POINT = 1.159
MAX_PAGES = 30


@pytest.mark.parametrize(
    ("value", "held"),
    [
        ("=1+1", ("text", "=1+1", False)),  # agency text never becomes a formula
        ("@SUM(A1)", ("text", "@SUM(A1)", False)),
        ("a\x00b\x1fc", ("text", "abc", False)),  # XML cannot carry control characters
        ("", None),
        (None, None),
        (float("nan"), None),
        (float("inf"), None),  # Excel holds no infinities
        (float("-inf"), None),
        (True, ("text", "Có", False)),
        (3, ("number", 3, False)),
        (2.5, ("number", 2.5, False)),
        (date(2024, 12, 15), ("date", date(2024, 12, 15), False)),
        (datetime(2024, 12, 15, 9, 30), ("datetime", datetime(2024, 12, 15, 9, 30), False)),
        (["a"], ("text", "['a']", False)),
    ],
)
def test_one_serializer_gives_values_excel_can_hold(value: Any, held: Any) -> None:
    assert cell(value) == held


def test_numbers_of_any_kind_are_held_as_plain_numbers() -> None:
    """numpy's numbers (a column not made by `tolist`) and an int subclass are written by
    `repr` in a spliced cell: `np.float64(2.5)` there is a corrupt file, `np.int64` was text."""
    import enum

    import numpy as np

    from pipeline.outputs.cells_xml import Splice, rows_xml

    class Level(enum.IntEnum):
        HIGH = 3

    for value, plain in [(np.float64(2.5), 2.5), (np.int64(7), 7), (Level.HIGH, 3)]:
        held = cell(value)
        assert held == ("number", plain, False)
        assert held is not None and type(held[1]) is type(plain)
    assert cell(np.float64("nan")) is None
    column: Any = np.array([np.nan, 2.5, np.nan])  # NaN made anew at each look into the array
    xml = rows_xml(Splice("", 1, [column], [(1, 2, 3, 4)], [0, 0, 0]))
    assert (
        xml == '<row r="1"></row><row r="2"><c r="A2" s="2"><v>2.5</v></c></row><row r="3"></row>'
    )


def test_rows_are_as_tall_as_their_most_wrapped_text() -> None:
    """A column 10 wide holds 12 characters a line; line breaks add lines; the tallest cell of
    a row decides; numbers and blanks take one line; repeated texts are sized alike; 25 lines
    at most."""
    long = "x" * 30  # 3 lines at 12 a line
    columns: list[list[Any]] = [
        ["ngắn", long, "a\nb", None, long, "y" * 1000],
        [1.5, "z" * 13, "", 7, None, ""],
    ]
    heights = row_heights(columns, [10, 10], 6)
    lines = [1, 3, 2, 1, 3, 25]  # "a\nb": ceil(3 / 12) + 1 break, and so on
    assert heights == [ONE_LINE * n + 2 for n in lines]
    assert row_heights([["z" * 13]], [10], 1) == [ONE_LINE * 2 + 2]


def test_row_heights_take_a_value_that_cannot_be_hashed_and_a_short_column() -> None:
    """A list in a column (shown as its text elsewhere) is no text to size; a column shorter
    than the table sizes its own rows and leaves the rest at one line."""
    columns: list[list[Any]] = [[["a"], "x" * 30], ["y" * 13]]
    assert row_heights(columns, [10, 10], 3) == [ONE_LINE * n + 2 for n in (2, 3, 1)]


def test_text_over_excel_limit_is_cut_with_the_marker() -> None:
    held = cell("x" * 40_000)
    assert held is not None
    kind, text, cut = held
    assert (kind, cut, len(text)) == ("text", True, 32_767)
    assert text.endswith(CUT_MARK)


def test_missing_pandas_values_are_empty() -> None:
    import pandas as pd

    assert cell(pd.NaT) is None and cell(pd.NA) is None


def test_xlsxwriter_private_route_still_holds(tmp_path: Path) -> None:
    """The splice needs a format's xf index and the part name of a sheet: if an xlsxwriter
    upgrade changes either, this fails before any workbook is written wrong."""
    import xlsxwriter

    path = tmp_path / "probe.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    workbook.add_worksheet("A")
    sheet = workbook.add_worksheet("B")
    fmt = workbook.add_format({"bold": True})
    sheet.write_string(0, 0, "probe", fmt)
    index = xf_index(fmt)
    part = sheet_part(sheet)
    workbook.close()
    with zipfile.ZipFile(path) as package:
        xml = package.read(part).decode()
    assert re.search(rf'<c r="A1" s="{index}" t="s"', xml), xml


@pytest.mark.parametrize(
    "formula",
    ["TRUE", "=TRUE", '"Đã hoàn thành"', "{=1}", "=A1>2", "=LEN(A1)>0", "=XLOOKUP(A1,B:B,C:C)"],
)
def test_plain_formula_sheets_prepare_formulas_as_xlsxwriter_does(
    formula: str, tmp_path: Path
) -> None:
    """excel_layer.PlainFormulaSheet skips xlsxwriter's expansion of newer functions for a
    formula that calls none: the result must be xlsxwriter's own, and the workbook must still
    take its sheet class from `worksheet_class`."""
    import xlsxwriter
    from xlsxwriter.worksheet import Worksheet

    for expand in (False, True):
        mine = PlainFormulaSheet()._prepare_formula(formula, expand)
        assert mine == Worksheet()._prepare_formula(formula, expand)
    workbook = xlsxwriter.Workbook(str(tmp_path / "probe.xlsx"))
    assert workbook.worksheet_class is Worksheet
    workbook.worksheet_class = PlainFormulaSheet
    assert isinstance(workbook.add_worksheet("A"), PlainFormulaSheet)
    workbook.close()


@pytest.mark.parametrize("declared", [s for s in c4.TABLES if s.printed], ids=lambda s: s.name)
def test_printed_sheets_fit_a_page_wide_at_a_readable_size(declared: c4.Sheet) -> None:
    widths = [column.width for column in declared.columns if column.printed]
    assert printed_scale(widths, declared.portrait) * 12 >= SMALLEST_PRINTED_PT


@pytest.mark.parametrize("declared", c4.TABLES, ids=lambda s: s.name)
def test_codes_are_last_and_off_paper(declared: c4.Sheet) -> None:
    if not declared.printed:
        return
    printed = [column.printed for column in declared.columns]
    assert printed == sorted(printed, reverse=True)  # screen-only columns trail
    for column in declared.columns:
        if column.name in ("Mã đơn vị", "Mã lỗi", "Mã kết quả", "SHA-256"):
            assert not column.printed


def _demo(tmp_path: Path) -> Path:
    result = CliRunner().invoke(cli, ["demo", "--dir", str(tmp_path / "demo")])
    assert result.exit_code == 0, result.output
    return tmp_path / "demo" / "outbox" / "tong-hop-2024.xlsx"


def _rows(sheet: Any, header_row: int = 1) -> list[dict[str, Any]]:
    rows = list(sheet.iter_rows(min_row=header_row, values_only=True))
    return [dict(zip(rows[0], r, strict=False)) for r in rows[1:] if any(v is not None for v in r)]


def test_demo_workbook_reads_as_leadership_needs(tmp_path: Path) -> None:
    book = load_workbook(_demo(tmp_path))
    # the rollup's frames carry every declared column, in the declared order
    for declared in (c4.GROUPS, c4.TASKS, c4.AGENCIES, c4.DETAIL, c4.CHECKS, c4.LOG):
        header = [c.value for c in book[declared.name][1]]
        assert header == declared.names
    overview = [v for row in book["Tổng quan"].iter_rows(values_only=True) for v in row if v]
    text = "\n".join(str(v) for v in overview)
    assert "so_ngoai_vu" not in text and "Sở Ngoại vụ" in text  # names, not codes
    assert "Sở Y tế" in text  # the agency accepted in part, by name
    # categories add up to the agencies expected; the rejected return is not "on time"
    sheet = book["Tổng quan"]
    labels = {sheet.cell(r, 1).value: sheet.cell(r, 2).value for r in range(1, sheet.max_row + 1)}
    parts = [
        labels["Nộp đúng hạn, được chấp nhận"],
        labels["Nộp muộn, được chấp nhận"],
        labels["Bị từ chối (phải nộp lại)"],
        labels["Chưa nộp"],
    ]
    # Sở Y tế's return is accepted in part (its typo costs one row): counted, on time
    assert parts == [27, 1, 0, 3] and sum(int(str(n)) for n in parts) == 31
    tasks = {r["TT"]: r for r in _rows(book["Theo nhiệm vụ"])}
    assert tasks["1"]["Tiến độ bình quân"] == "25/29 báo cáo"  # not an average of a few
    # its only lead, Sở Y tế, reported it right (the typo was on task 1): counted
    assert tasks["13"]["Tiến độ bình quân"] == "100%"
    # one row per task and agency; every lead that has not answered is listed
    group = _rows(book["Nhóm I"], header_row=3)
    task_1 = [r for r in group if r["TT"] == "1"]
    assert len(task_1) == 29 and all("\n" not in str(r["Đơn vị"]) for r in task_1)
    assert all(r["Nhiệm vụ"] for r in group)  # task text beside every TT
    assert sum(r["Tình trạng"] == "Chưa báo cáo" for r in task_1) == 4
    assert [r["Mức độ"] for r in _rows(book["Kiểm tra"])].count("Lỗi") >= 1
    assert all(r["Quy tắc"] for r in _rows(book["Kiểm tra"]))  # the rule in words


def _word_boxes(pdf: Path) -> list[list[tuple[str, float]]]:
    xml = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    root = ElementTree.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", xml))
    ns = "{http://www.w3.org/1999/xhtml}"
    return [
        [
            (w.text or "", float(w.get("yMax", 0)) - float(w.get("yMin", 0)))
            for w in page.iter(f"{ns}word")
        ]
        for page in root.iter(f"{ns}page")
    ]


@pytest.mark.libreoffice
def test_demo_workbook_prints_as_a_document(soffice: str, tmp_path: Path) -> None:
    from pipeline.core.libreoffice import convert

    pdf = convert(_demo(tmp_path), "pdf", tmp_path / "pdf")
    assert pdf is not None
    pages = _word_boxes(pdf)
    assert 0 < len(pages) < MAX_PAGES
    for number, words in enumerate(pages, start=1):
        text = " ".join(w for w, _ in words)
        assert re.search(rf"Trang {number}/{len(pages)}\b", text), number
        smallest = min(h for _, h in words) / BOX_PER_POINT
        assert smallest >= SMALLEST_PRINTED_PT, (number, smallest)
    first, second = (" ".join(w for w, _ in p) for p in pages[:2])
    assert first.startswith("TỔNG QUAN") and "Nhiệm vụ quá hạn" in first
    assert "Tình trạng nhiệm vụ theo nhóm" in first  # the whole executive page on page 1
    assert "TỔNG QUAN" not in second
    assert min(h for _, h in pages[0]) / BOX_PER_POINT >= 10


@pytest.mark.parametrize(
    ("outcome", "on_time", "category"),
    [
        ("Chấp nhận", "Có", "on_time"),
        ("Chấp nhận, có cảnh báo", "Có", "on_time"),
        ("Chấp nhận", "Không", "late"),
        ("Chấp nhận", "", "late"),  # receipt time unknown: not called on time
        ("Từ chối", "Có", "rejected"),  # a rejected return is no report, even on time
        ("Chưa nộp", "", "missing"),
        ("Không đọc được", "Có", "missing"),
    ],
)
def test_each_agency_falls_in_exactly_one_submission_category(
    outcome: str, on_time: str, category: str
) -> None:
    import pandas as pd

    from pipeline.rollup.headline import submission

    agencies = pd.DataFrame(
        {"Mã đơn vị": ["a", "b"], "Kết quả": [outcome, "Chưa nộp"], "Đúng hạn": [on_time, ""]}
    )
    sub = submission(agencies)
    assert sub.expected == 2
    assert "a" in sub.categories[category]
    assert sum("a" in codes for codes in sub.categories.values()) == 1


def test_change_since_the_previous_period_is_shown_when_given(tmp_path: Path) -> None:
    from datetime import date as day

    from pipeline.outputs.executive import PreviousPeriod
    from pipeline.outputs.workbook import write_report
    from pipeline.plan.load import load_plan
    from pipeline.run import run

    folder = _demo(tmp_path).parent.parent
    plan = load_plan(folder / "templates" / "task_matrix.xlsx")
    result = run(plan, folder / "inbox", tmp_path / "o", "2024", day(2025, 1, 6), jobs=1)
    before = PreviousPeriod(
        "2023", expected=31, counted=20, on_time=18, tasks=15, done=1, overdue=9
    )
    target = tmp_path / "with-previous.xlsx"
    write_report(target, plan, result.consolidation, "2024", {}, previous=before)
    values = [
        v for row in load_workbook(target)["Tổng quan"].iter_rows(values_only=True) for v in row
    ]
    assert "5. So với kỳ 2023" in values
    assert values[values.index("Đơn vị đã báo cáo") :][:4] == [
        "Đơn vị đã báo cáo",
        "20/31",
        "28/31",
        "+8",
    ]
    plain = [
        v
        for row in load_workbook(result.workbook)["Tổng quan"].iter_rows(values_only=True)
        for v in row
    ]
    assert not any(str(v).startswith("5. So với") for v in plain)


def test_flag_red_marks_trouble_only(tmp_path: Path) -> None:
    """The red of `Có` in `Quá hạn` must not paint every on-time agency in `Theo đơn vị`."""
    sheet = load_workbook(_demo(tmp_path))[c4.AGENCIES.name]
    header = next(
        cell for row in sheet.iter_rows(max_row=8) for cell in row if cell.value == c4.ON_TIME
    )
    shaded = [
        (str(area.sqref), rule.formula)
        for area in sheet.conditional_formatting
        for rule in area.rules
        if rule.dxf is not None and rule.dxf.fill is not None
        if any(r.min_col <= header.column <= r.max_col for r in area.sqref.ranges)
    ]
    assert shaded == []
