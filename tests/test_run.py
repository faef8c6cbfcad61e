from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from openpyxl import load_workbook

from pipeline.cli import cli
from pipeline.plan.model import Plan
from pipeline.rollup.tasks import task_status
from tests.helpers import GOOD, answers_for, fill_return, over_100_return, run_command


def test_task_status_rollup() -> None:
    assert task_status([], 2) == "Chưa báo cáo"
    assert task_status(["Đã hoàn thành", "Đã hoàn thành"], 2) == "Đã hoàn thành"
    assert task_status(["Đã hoàn thành"], 2) == "Đang thực hiện"  # one lead has not reported
    assert task_status(["Chưa thực hiện", "Chưa thực hiện"], 3) == "Chưa thực hiện"
    assert task_status(["Chưa thực hiện", "Đang thực hiện"], 2) == "Đang thực hiện"


def test_run_scenario(plan: Plan, forms: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    fill_return(
        forms,
        tmp_path,
        "so_y_te",
        answers_for(plan, "so_y_te", t13={**GOOD, "result": "=1+1", "proposal": "@SUM(A1)"}),
    )
    fill_return(
        forms,
        tmp_path,
        "so_khcn",
        answers_for(plan, "so_khcn", t2={"status": "Đang thực hiện", "progress": 40}),
        saved_at=datetime(2024, 12, 18, 10, 0),
    )  # late
    fill_return(
        forms, tmp_path, "so_nnptnt", answers_for(plan, "so_nnptnt", t12={**GOOD, "progress": 300})
    )
    (inbox / "hong.xlsx").write_bytes(b"PK\x03\x04broken")
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in inbox.iterdir()}
    outbox = tmp_path / "outbox"
    result = run_command(inbox, outbox, as_of="06/01/2025")
    assert result.exit_code == 0, result.output
    assert before == {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in inbox.iterdir()}
    assert (
        "31 phải nộp · 3 đã nộp (2 đúng hạn, 1 muộn) · 28 chưa nộp · 0 bị từ chối" in result.output
    )
    workbook = load_workbook(outbox / "tong-hop-2024.xlsx")
    names = workbook.sheetnames
    assert names[:12] == [
        "Tổng quan",
        "Theo nhóm",
        "Theo nhiệm vụ",
        "Theo đơn vị",
        "Nhiệm vụ qua các kỳ",  # history across periods: one period so far, and it says so
        "Đơn vị qua các kỳ",
        "Nhóm I",
        "Nhóm II",
        "Nhóm III",
        "Nhóm IV",
        "Nhóm V",
        "Nhóm VI",
    ]
    assert names[-3:] == ["Chi tiết", "Kiểm tra", "Nhật ký"]
    assert len(names) == 12 + 31 + 3

    def table(name: str) -> list[dict[str, object]]:
        rows = list(workbook[name].iter_rows(values_only=True))
        header = [str(h) for h in rows[0]]
        return [dict(zip(header, r, strict=False)) for r in rows[1:] if r[0] is not None]

    tasks = {r["TT"]: r for r in table("Theo nhiệm vụ")}
    assert tasks["13"]["Tình trạng chung"] == "Đã hoàn thành"  # its only lead is done
    assert tasks["13"]["Đã báo cáo"] == "1/1"
    assert tasks["2"]["Tình trạng chung"] == "Đang thực hiện"
    assert tasks["2"]["Quá hạn"] == "Có"  # due 31/12/2024, not done on 06/01/2025
    # its only lead's row has an error: not counted, and shown as wrong rather than missing
    assert tasks["12"]["Tình trạng chung"] == "Chưa báo cáo"
    assert tasks["12"]["Dòng có lỗi"] == "Sở NN&PTNT"
    assert (
        tasks["15"]["Đã báo cáo"] == "2/2"
    )  # so_khcn, and the same return's other lead rows count
    assert tasks["1"]["Đã báo cáo"] == "3/29"
    assert tasks["1"]["Dòng có lỗi"] in ("", None)
    assert tasks["1"]["Quá hạn"] in ("", None)  # "Thường xuyên" is never overdue
    groups = {r["Nhóm"]: r for r in table("Theo nhóm")}
    assert groups["IV"]["Số nhiệm vụ"] == 3
    assert (groups["IV"]["Đã hoàn thành"], groups["IV"]["Chưa báo cáo"]) == (1, 1)
    agencies = {r["Mã đơn vị"]: r for r in table("Theo đơn vị")}
    assert agencies["so_khcn"]["Đúng hạn"] == "Không"
    assert agencies["so_y_te"]["Đúng hạn"] == "Có"
    assert agencies["so_nnptnt"]["Kết quả"] == "Chấp nhận một phần"
    assert agencies["so_tu_phap"]["Kết quả"] == "Chưa nộp"
    assert agencies["so_tu_phap"]["Đã nộp"] == "Không"
    log = table("Nhật ký")
    assert sorted(str(r["Tệp"]) for r in log) == sorted(p.name for p in inbox.iterdir())
    assert {r["Tệp"]: r["Mã kết quả"] for r in log}["hong.xlsx"] == "unreadable"
    checks = table("Kiểm tra")
    assert [(c["Mã đơn vị"], c["Ô"], c["Mã lỗi"]) for c in checks] == [
        ("so_nnptnt", "Báo cáo!G14", "progress-out-of-range")
    ]
    detail = table("Chi tiết")
    literal = next(r for r in detail if r["Mã đơn vị"] == "so_y_te" and r["TT"] == "13")
    assert literal["Kết quả thực hiện"] == "=1+1"
    assert literal["Đề xuất, kiến nghị"] == "@SUM(A1)"
    sheet = workbook["Chi tiết"]
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    # On paper: file paths and links are left off, headers have room for their wrapped lines
    by_agency = workbook["Theo đơn vị"]
    header = [c.value for c in by_agency[1]]
    assert header[-3:] == ["Tệp", "Trang riêng", "Phản hồi"]
    assert (
        by_agency.print_area
        == f"'Theo đơn vị'!$A$1:${chr(ord('A') + header.index('Số cảnh báo'))}$32"
    )
    assert by_agency.row_dimensions[1].height > 2 * 15.75  # "Đang thực hiện" in two lines
    feedback = load_workbook(outbox / "phan-hoi" / "2024" / "2024_so_nnptnt.xlsx")
    assert feedback.sheetnames[0] == "Phản hồi"
    cell = feedback["Báo cáo"]["G14"]
    assert cell.comment is not None and "0–100" in cell.comment.text
    assert "_kehoach" in feedback.sheetnames  # the agency can fix it and send it back


def test_strict_and_rerun_are_stable(plan: Plan, forms: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    over_100_return(plan, forms, tmp_path)

    def run(*strict: str) -> Result:
        return run_command(inbox, tmp_path / "o", *strict, as_of="20/12/2024")

    first = run()
    assert first.exit_code == 0
    values = [
        [c.value for c in r]
        for r in load_workbook(tmp_path / "o" / "tong-hop-2024.xlsx")["Theo đơn vị"].iter_rows()
    ]
    second = run()
    assert second.exit_code == 0
    again = [
        [c.value for c in r]
        for r in load_workbook(tmp_path / "o" / "tong-hop-2024.xlsx")["Theo đơn vị"].iter_rows()
    ]
    assert again == values
    # --strict: one error rejects the whole return, as before partial acceptance
    strict = run("--strict")
    assert strict.exit_code == 1
    rows = list(load_workbook(tmp_path / "o" / "tong-hop-2024.xlsx")["Theo đơn vị"].iter_rows())
    header = [c.value for c in rows[0]]
    code, outcome = header.index("Mã đơn vị"), header.index("Kết quả")
    result = {r[code].value: r[outcome].value for r in rows[1:]}
    assert result["so_y_te"] == "Từ chối"
    assert {r[code]: r[outcome] for r in values[1:]}["so_y_te"] == "Chấp nhận một phần"


@pytest.mark.libreoffice
def test_demo_and_pdf(soffice: str, tmp_path: Path) -> None:
    from pipeline.core.libreoffice import convert

    result = CliRunner().invoke(cli, ["demo", "--dir", str(tmp_path / "demo")])
    assert result.exit_code == 0, result.output
    workbook = tmp_path / "demo" / "outbox" / "tong-hop-2024.xlsx"
    assert workbook.exists()
    assert convert(workbook, "pdf", tmp_path / "pdf") is not None
    feedback = next((tmp_path / "demo" / "outbox" / "phan-hoi" / "2024").glob("*.xlsx"))
    assert convert(feedback, "pdf", tmp_path / "pdf") is not None


def test_workbook_open_in_excel(
    plan: Plan, forms: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    fill_return(forms, tmp_path, "so_y_te", answers_for(plan, "so_y_te"))
    outbox = tmp_path / "o"
    outbox.mkdir()
    (outbox / "tong-hop-2024.xlsx").write_bytes(b"the officer's open copy")
    real_replace = os.replace

    def refuse(source: str, target: str) -> None:
        if str(target).endswith("tong-hop-2024.xlsx"):
            raise PermissionError("sharing violation")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", refuse)
    result = run_command(tmp_path / "inbox", outbox)
    assert result.exit_code == 2
    assert "đang mở (có thể trong Excel). Đóng tệp rồi chạy lại." in result.output
    assert (outbox / "tong-hop-2024.xlsx").read_bytes() == b"the officer's open copy"
    assert not [p for p in outbox.iterdir() if p.name.startswith(".kehoach-")]


def test_long_results_stay_whole_in_rows_per_agency(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    """Two leads' long results: joined for task 1 they exceeded one Excel cell; one row per
    task and agency keeps each whole (the cut itself: tests/test_workbook.py)."""

    long_text = "Kết quả rất dài. " * 1200  # about 20,000 characters each
    for code in ("so_y_te", "so_khcn"):
        fill_return(
            forms,
            tmp_path,
            code,
            answers_for(
                plan,
                code,
                t1={**GOOD, "result": long_text, "note": "+84 260 3862 000", "proposal": "-"},
            ),
        )
    outbox = tmp_path / "o"
    result = run_command(tmp_path / "inbox", outbox)
    assert result.exit_code == 0, result.output
    assert "đã bị cắt bớt" not in result.output
    workbook = load_workbook(outbox / "tong-hop-2024.xlsx")
    rows = list(workbook["Nhóm I"].iter_rows(values_only=True))
    header = rows[2]
    result_col = header.index("Kết quả thực hiện")
    long_rows = [
        r for r in rows[3:] if r[header.index("TT")] == "1" and len(str(r[result_col])) > 9000
    ]
    assert len(long_rows) == 2  # one row per agency: nothing joined, nothing cut
    detail = list(workbook["Chi tiết"].iter_rows(values_only=True))
    mine = next(r for r in detail[1:] if r[0] == "so_y_te" and r[detail[0].index("TT")] == "1")
    assert mine[detail[0].index("Ghi chú")] == "+84 260 3862 000"
    assert mine[detail[0].index("Đề xuất, kiến nghị")] == "-"


def _kehoach(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The installed entry point in its own process, output through pipes as in a script."""
    code = "import sys; sys.argv[0] = 'kehoach'; from pipeline.cli import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=folder,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_entry_point_exit_codes_and_output_survive_the_fast_exit(tmp_path: Path) -> None:
    # main() ends with os._exit: buffered output and outputs must be complete before it
    demo = tmp_path / "demo"
    assert CliRunner().invoke(cli, ["demo", "--dir", str(demo)]).exit_code == 0
    (demo / "outbox" / "tong-hop-2024.xlsx").unlink()
    ran = _kehoach(demo, "run")
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.rstrip().splitlines()[-1].endswith("outbox/tong-hop-2024.xlsx")
    assert (
        load_workbook(demo / "outbox" / "tong-hop-2024.xlsx", read_only=True).sheetnames[0]
        == "Tổng quan"
    )
    strict = _kehoach(demo, "run", "--strict")
    assert strict.returncode == 1  # the demo inbox holds a rejected return
    missing = _kehoach(demo, "--lang", "en", "run", "--inbox", "nowhere")
    assert missing.returncode == 2 and "nowhere" in missing.stderr and not missing.stdout
    assert _kehoach(demo, "--version").stdout.startswith("kehoach, version")


def test_outputs_are_not_private_files(tmp_path: Path) -> None:
    from pipeline.core.files import _UMASK, atomic_path

    target = tmp_path / "out.xlsx"
    with atomic_path(target) as temporary:
        temporary.write_bytes(b"x")
    assert target.stat().st_mode & 0o777 == 0o666 & ~_UMASK  # as any program saving a file


def test_spliced_tables_read_back_like_written_ones(
    plan: Plan, forms: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Large tables are spliced in as XML; force that path on a small run and compare, also
    as a reader that trusts the sheet's used range reads it (openpyxl's read-only mode): the
    agencies' sheet has links beside its table and, past 60 agencies, a line below it."""
    from pipeline.outputs import excel_layer as report
    from pipeline.outputs import workbook as leadership

    monkeypatch.setattr(leadership, "MAX_AGENCY_SHEETS", 0)  # the line below the table

    for code in ("so_y_te", "so_khcn", "so_nnptnt"):
        fill_return(
            forms,
            tmp_path,
            code,
            answers_for(
                plan, code, t13={**GOOD, "result": "A & B < C > D \"q\" 'x' =1+1 _x0041_ a\rb"}
            ),
        )

    def sheets(outbox: str) -> dict[str, list[tuple[object, ...]]]:
        ran = run_command(tmp_path / "inbox", tmp_path / outbox, as_of="06/01/2025")
        assert ran.exit_code == 0
        path = tmp_path / outbox / "tong-hop-2024.xlsx"
        names = ("Chi tiết", "Nhóm IV", "Nhật ký", "Kiểm tra", "Theo đơn vị")
        full, streamed = load_workbook(path), load_workbook(path, read_only=True)
        found: dict[str, list[tuple[object, ...]]] = {
            name: list(full[name].iter_rows(values_only=True)) for name in names
        }
        for name in names:
            assert list(streamed[name].iter_rows(values_only=True)) == found[name], name
        streamed.close()
        return found

    monkeypatch.setattr(report, "SPLICE_FROM", 10**9)  # every table cell by cell
    written = sheets("a")
    monkeypatch.setattr(report, "SPLICE_FROM", 1)
    spliced = sheets("b")
    assert spliced == written
    assert any("A & B < C > D" in str(v) for row in spliced["Chi tiết"] for v in row)


def test_a_spliced_text_reads_as_the_same_text_written_by_xlsxwriter(tmp_path: Path) -> None:
    """Excel's own escapes: a literal `_x0041_` keeps its underscore escaped (else it reads
    as "A") and a carriage return is escaped (else XML reads it as a line feed)."""
    import xlsxwriter
    from python_calamine import CalamineWorkbook

    from pipeline.outputs.cells_xml import KINDS
    from pipeline.outputs.excel_layer import ExcelLayer, Table

    texts = ["_x0041_ as typed", "a\rb", "c\r\nd", "x_x00E9_y_X00e9_", "A & B <c> _x"]
    path = tmp_path / "texts.xlsx"
    book = xlsxwriter.Workbook(path)
    layer = ExcelLayer()
    formats = dict.fromkeys(KINDS, book.add_format())
    for fast in (False, True):
        sheet = book.add_worksheet()
        layer.write(Table(sheet, 0, [list(texts)], [formats], [0] * len(texts)), fast=fast)
    book.close()
    layer.finish(path)
    read = CalamineWorkbook.from_path(str(path))
    written, spliced = (read.get_sheet_by_index(i).to_python() for i in (0, 1))
    assert spliced == written
    assert [row[0] for row in written] == texts


def test_a_spliced_table_reports_the_cells_cut_as_the_cell_writer_does(tmp_path: Path) -> None:
    """A text is cut once its control characters are gone, and any value shown as a long
    text (a list) is cut too: both ways of writing a table name the same rows."""
    import pytest
    import xlsxwriter

    from pipeline.outputs.cells_xml import KINDS, Splice, splice_into
    from pipeline.outputs.excel_layer import ExcelLayer, Table

    columns: list[list[Any]] = [
        ["x" * 32_760 + "\x01" * 10, "y" * 40_000, "z"],
        [None, ["w" * 40_000], 1.5],
    ]
    book = xlsxwriter.Workbook(tmp_path / "cut.xlsx")
    layer = ExcelLayer()
    formats = dict.fromkeys(KINDS, book.add_format())
    layer.write(Table(book.add_worksheet("S"), 1, columns, [formats] * 2, [0, 0, 0]))
    book.close()
    spliced = Splice("", 2, columns, [(1, 2, 3, 4)] * 2, [0, 0, 0])
    assert sorted(set(layer.cut)) == [f"S!{row}" for row in spliced.cut_rows()] == ["S!3"]
    with pytest.raises(RuntimeError, match="two tables"):
        splice_into(tmp_path / "cut.xlsx", [spliced, spliced])


def test_spliced_values_equal_in_python_keep_their_own_cells() -> None:
    """True == 1 == 1.0 in Python, not in Excel ("Có" and 1): a column holding several types
    writes each value as `cell` says, and so does a column of text beside one other type
    (the route that looks each distinct value up by itself)."""
    from pipeline.outputs.cells_xml import Splice, _body, rows_xml

    styles = (1, 2, 3, 4)
    columns: list[list[Any]] = [
        [True, 1, 1.0, "1", None, 0, False],
        ["a", None, "a", "b" * 40_000, 2.5, "a", "1"],
    ]
    xml = rows_xml(Splice("", 1, columns, [styles] * 2, [0] * 7))
    expected = "".join(
        f'<row r="{row + 1}">'
        + "".join(
            f'<c r="{letter}{row + 1}"{_body(column[row], styles)}'
            for letter, column in zip("AB", columns, strict=True)
            if column[row] is not None
        )
        + "</row>"
        for row in range(7)
    )
    assert xml == expected
    assert '<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">Có</t>' in xml
    assert '<c r="A2" s="2"><v>1</v></c>' in xml
    assert Splice("", 1, columns, [styles] * 2, [0] * 7).cut_rows() == [4]


def test_spliced_rows_repeat_values_skip_blanks_and_take_any_value() -> None:
    from pipeline.outputs.cells_xml import Splice, rows_xml

    splice = Splice(
        part="",
        first_row=2,
        styles=[(1, 2, 3, 4)] * 2,
        heights=[0, 0, 20.5],
        columns=[["Có", "Có", None], [1, float("nan"), ["a", "<b>"]]],
    )
    assert rows_xml(splice) == (
        '<row r="2"><c r="A2" s="1" t="inlineStr"><is><t xml:space="preserve">Có</t></is></c>'
        '<c r="B2" s="2"><v>1</v></c></row>'
        '<row r="3"><c r="A3" s="1" t="inlineStr"><is><t xml:space="preserve">Có</t></is></c>'
        "</row>"
        '<row r="4" ht="20.25" customHeight="1"><c r="B4" s="1" t="inlineStr"><is>'
        "<t xml:space=\"preserve\">['a', '&lt;b&gt;']</t></is></c></row>"
    )  # 20.5 points is 27.3 pixels: the row is 27 pixels tall, as xlsxwriter makes it


def test_a_spliced_row_is_as_tall_as_xlsxwriter_makes_it(tmp_path: Path) -> None:
    """Heights go to whole pixels as in xlsxwriter's own rows, so a table prints the same
    spliced or written cell by cell (LibreOffice laid the 31 agencies out 2 % shorter)."""
    import re
    import zipfile

    import xlsxwriter

    from pipeline.outputs.cells_xml import Splice, rows_xml

    heights = [12.5, 17.75, 20.5, 33.5, 100.1, 409.0]  # (15, the default, xlsxwriter omits)
    book = xlsxwriter.Workbook(tmp_path / "rows.xlsx")
    sheet = book.add_worksheet()
    for row, height in enumerate(heights):
        sheet.write_number(row, 0, 1)
        sheet.set_row(row, height)
    book.close()
    theirs = zipfile.ZipFile(tmp_path / "rows.xlsx").read("xl/worksheets/sheet1.xml").decode()
    ours = rows_xml(Splice("", 1, [[1] * len(heights)], [(1, 2, 3, 4)], heights))
    assert re.findall(r' ht="([^"]+)"', ours) == re.findall(r' ht="([^"]+)"', theirs)


def test_cells_written_beside_a_spliced_table_are_merged_into_its_rows() -> None:
    """Links written by xlsxwriter in a spliced table's rows (the agencies' sheet) join the
    row in column order; theirs wins a column both hold; `spans` is dropped, a height kept."""
    from pipeline.outputs.cells_xml import Splice, _splice_sheet

    splice = Splice(
        part="",
        first_row=2,
        styles=[(1, 2, 3, 4)] * 3,
        heights=[0, 30],
        columns=[["a", "b"], [None, 5], ["x", None]],
    )
    sheet = (
        '<worksheet><dimension ref="A1"/><sheetData>'
        '<row r="1" spans="1:3"><c r="A1" s="9" t="s"><v>0</v></c></row>'
        '<row r="2" spans="1:4" ht="20" customHeight="1"><c r="D2" s="7" t="s"><v>1</v></c>'
        '<c r="B2" s="7"/></row>'
        '<row r="3" spans="1:3"><c r="C3" s="7" t="s"><v>2</v></c></row>'
        '<row r="6"><c r="A6" s="8" t="s"><v>3</v></c></row>'
        "</sheetData></worksheet>"
    )
    text = '<c r="{}" s="1" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>'
    assert _splice_sheet(sheet, splice).decode() == (
        '<worksheet><dimension ref="A1:C3"/><sheetData>'
        '<row r="1" spans="1:3"><c r="A1" s="9" t="s"><v>0</v></c></row>'
        f'<row r="2" ht="20" customHeight="1">{text.format("A2", "a")}<c r="B2" s="7"/>'
        f'{text.format("C2", "x")}<c r="D2" s="7" t="s"><v>1</v></c></row>'
        f'<row r="3" ht="30" customHeight="1">{text.format("A3", "b")}'
        '<c r="B3" s="2"><v>5</v></c><c r="C3" s="7" t="s"><v>2</v></c></row>'
        '<row r="6"><c r="A6" s="8" t="s"><v>3</v></c></row>'
        "</sheetData></worksheet>"
    )


def test_header_rows_have_room_for_wrapped_names() -> None:
    from pipeline.outputs.sheet_table import header_height

    assert header_height(["Đang thực hiện", "TT"], [9, 6]) == 2 * 15.75 + 4


@pytest.mark.libreoffice
def test_spliced_workbook_opens_in_libreoffice(
    soffice: str, plan: Plan, forms: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.core.libreoffice import convert
    from pipeline.outputs import excel_layer as report

    monkeypatch.setattr(report, "SPLICE_FROM", 1)
    fill_return(forms, tmp_path, "so_y_te", answers_for(plan, "so_y_te"))
    result = run_command(tmp_path / "inbox", tmp_path / "o")
    assert result.exit_code == 0
    converted = convert(tmp_path / "o" / "tong-hop-2024.xlsx", "ods", tmp_path / "lo")
    assert converted is not None
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(converted)).get_sheet_by_name("Chi tiết").to_python()
    assert rows[1][0] == "so_y_te" and len(rows) == 1 + len(plan.assignments("so_y_te"))
