"""Cells outside the reader's window are dropped before calamine builds a sheet (issue 12,
"Bounded time"): one number at GJW2999 made a 14 KB return cost seconds and 600 MB."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from pipeline.contracts.form import FORM_SHEET
from pipeline.contracts.outcomes import Outcome
from pipeline.intake.container import check_zip
from pipeline.intake.far_cells import MAX_COLS, MAX_ROWS, ods_cells, trimmed, xlsx_cells
from pipeline.intake.reader import read_bytes, slim
from pipeline.plan.model import Plan
from pipeline.run import check_files
from tests.helpers import answers_for, fill_return
from tests.test_robust import _rewrite, _sheet_part

ROOT = Path(__file__).parent


def _sheet(rows: bytes, prefix: bytes = b"") -> bytes:
    """A worksheet part around `rows`; `prefix` names every tag (`x:`), as some writers do."""
    p = prefix
    space = b' xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' if p else b""
    return (
        b'<?xml version="1.0"?><' + p + b"worksheet" + space + b"><" + p + b'dimension ref="A1"/><'
        + p + b"sheetData>" + rows + b"</" + p + b"sheetData></" + p + b"worksheet>"
    )  # fmt: skip


def _cell(ref: bytes, value: int = 1) -> bytes:
    return b'<c r="' + ref + b'"><v>%d</v></c>' % value


# --- the .xlsx walk ----------------------------------------------------------------------------


def test_a_far_cell_is_cut_and_every_other_byte_kept() -> None:
    far = _cell(b"GJW2999", 7)
    xml = _sheet(b'<row r="1">' + _cell(b"A1") + b'</row><row r="2999">' + far + b"</row>")
    assert xlsx_cells(xml) == xml.replace(far, b"")


def test_a_row_inside_and_outside_loses_only_its_far_cells() -> None:
    near = _cell(b"A5") + _cell(b"BH5")  # BH is column 60, the last the reader reads
    xml = _sheet(b'<row r="5">' + near + _cell(b"BI5") + _cell(b"BJ5") + b"</row>")
    assert xlsx_cells(xml) == _sheet(b'<row r="5">' + near + b"</row>")


def test_cells_without_r_count_from_the_cell_before() -> None:
    cells = b"".join(b"<c><v>%d</v></c>" % i for i in range(MAX_COLS + 3))
    xml = _sheet(b'<row r="1">' + cells + b"</row>")
    kept = b"".join(b"<c><v>%d</v></c>" % i for i in range(MAX_COLS))
    assert xlsx_cells(xml) == _sheet(b'<row r="1">' + kept + b"</row>")
    # one with its own r sets the count again: the cells after it are read beside it
    xml = _sheet(b'<row r="1">' + _cell(b"BG1") + b"<c><v>2</v></c><c><v>3</v></c></row>")
    assert xlsx_cells(xml) == _sheet(b'<row r="1">' + _cell(b"BG1") + b"<c><v>2</v></c></row>")


def test_rows_without_r_count_from_the_row_before() -> None:
    last = b'<row r="%d">' % MAX_ROWS + _cell(b"A%d" % MAX_ROWS) + b"</row>"
    xml = _sheet(b'<row r="2999"/>' + b"<row><c><v>1</v></c></row>" + b"<row><c><v>2</v></c></row>")
    # row 2999, then 3000 (inside, kept), then 3001 (outside: it goes, with its cell)
    assert xlsx_cells(xml) == _sheet(b'<row r="2999"/>' + b"<row><c><v>1</v></c></row>")
    assert xlsx_cells(_sheet(last)) is None


def test_prefixed_tags_are_walked_too() -> None:
    far = b'<x:c r="GJ1"><x:v>1</x:v></x:c>'
    xml = _sheet(b'<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c>' + far + b"</x:row>", b"x:")
    assert xlsx_cells(xml) == xml.replace(far, b"")


def test_a_cell_is_placed_by_its_last_r_a_row_by_its_first_as_calamine_does() -> None:
    twice = b'<c r="A1" r="GJ1"><v>1</v></c>'
    xml = _sheet(b'<row r="1">' + twice + b"</row>")
    assert xlsx_cells(xml) == _sheet(b'<row r="1"></row>')
    assert xlsx_cells(_sheet(b'<row r="1" r="5000"><c><v>1</v></c></row>')) is None


def test_a_reference_of_thousands_of_digits_is_far_not_an_error() -> None:
    huge = b'<c r="A' + b"9" * 5000 + b'"><v>1</v></c>'  # int() refuses 4,300 digits
    xml = _sheet(b'<row r="1">' + _cell(b"A1") + huge + b"</row>")
    assert xlsx_cells(xml) == _sheet(b'<row r="1">' + _cell(b"A1") + b"</row>")


def test_what_is_no_cell_or_costs_nothing_is_left_alone() -> None:
    in_comment = b'<!-- <row r="9000"><c r="GJ9000"><v>1</v></c></row> -->'
    assert xlsx_cells(_sheet(b'<row r="1">' + _cell(b"A1") + b"</row>" + in_comment)) is None
    # an empty styled cell far away: calamine does not build a box for it
    assert xlsx_cells(_sheet(b'<row r="1"><c r="A1"/><c r="XFD1" s="3"/></row>')) is None
    assert xlsx_cells(_sheet(b'<row r="1">' + _cell(b"A1") + b"</row>")) is None


def test_the_rows_below_the_window_go_at_once_when_nothing_among_them_is_inside() -> None:
    rows = b"".join(b'<row r="%d">' % r + _cell(b"A%d" % r) + b"</row>" for r in range(1, 3010))
    kept = rows[: rows.index(b'<row r="3001">')]
    assert xlsx_cells(_sheet(rows)) == _sheet(kept)
    # a cell placed back inside by its own r is kept: that stretch is walked
    back = b'<row r="3005">' + _cell(b"B7") + _cell(b"C3005") + b"</row>"
    assert xlsx_cells(_sheet(kept + back)) == _sheet(
        kept + b'<row r="3005">' + _cell(b"B7") + b"</row>"
    )


# --- the .ods walk -------------------------------------------------------------------------------

_ODS_HEAD = (
    b'<?xml version="1.0"?><office:document-content'
    b' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    b' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    b' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
    b'<office:spreadsheet><table:table table:name="S">'
)
_ODS_TAIL = b"</table:table></office:spreadsheet></office:body></office:document-content>"
_VALUE = (
    b'<table:table-cell office:value-type="float" office:value="1">'
    b"<text:p>1</text:p></table:table-cell>"
)
_FIRST = (
    b'<table:table-row><table:table-cell office:value-type="string">'
    b"<text:p>a</text:p></table:table-cell></table:table-row>"
)


_MANIFEST = (
    '<?xml version="1.0"?><manifest:manifest'
    ' xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
    '<manifest:file-entry manifest:full-path="/"'
    ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def _ods(rows: bytes) -> bytes:
    content = _ODS_HEAD + _FIRST + rows + _ODS_TAIL
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        package.writestr("content.xml", content)
        package.writestr("META-INF/manifest.xml", _MANIFEST)
    return out.getvalue()


def test_ods_repeats_that_cross_the_edge_are_cut_at_it_and_rows_beyond_go() -> None:
    empty = (
        b'<table:table-row table:number-rows-repeated="5000"><table:table-cell/></table:table-row>'
    )
    last = b"<table:table-row>" + _VALUE + b"</table:table-row>"
    content = _ODS_HEAD + _FIRST + empty + last + _ODS_TAIL
    clamped = empty.replace(b'"5000"', b'"%d"' % (MAX_ROWS - 1))
    assert ods_cells(content) == _ODS_HEAD + _FIRST + clamped + _ODS_TAIL
    wide = b'<table:table-row><table:table-cell table:number-columns-repeated="5000"/>'
    content = _ODS_HEAD + _FIRST + wide + _VALUE + b"</table:table-row>" + _ODS_TAIL
    cut = wide.replace(b'"5000"', b'"%d"' % MAX_COLS) + b"</table:table-row>"
    assert ods_cells(content) == _ODS_HEAD + _FIRST + cut + _ODS_TAIL


def test_ods_as_libreoffice_writes_it_is_left_alone() -> None:
    """LibreOffice ends each table with a row repeated a million times, empty: no cost."""
    content = zipfile.ZipFile(ROOT / "golden" / "so_y_te.ods").read("content.xml")
    assert b'number-rows-repeated="1048' in content
    assert ods_cells(content) is None


def test_ods_a_table_inside_a_cell_is_stepped_over() -> None:
    inner = (
        b'<table:table-cell><table:table table:name="in"><table:table-row>'
        b'<table:table-cell table:number-columns-repeated="99"/></table:table-row></table:table>'
        b"</table:table-cell>"
    )
    row = b'<table:table-row><table:table-cell table:number-columns-repeated="58"/>'
    content = _ODS_HEAD + _FIRST + row + inner + _VALUE + _VALUE + b"</table:table-row>" + _ODS_TAIL
    # the cell holding a table is column 59, the first value 60 (kept), the second 61 (cut)
    assert ods_cells(content) == content.replace(
        _VALUE + b"</table:table-row>", b"</table:table-row>"
    )


@pytest.mark.parametrize(
    "rows",
    [
        b'<table:table-row table:number-rows-repeated="3000"><table:table-cell/></table:table-row>'
        b'<table:table-row><table:table-cell table:number-columns-repeated="5000"/>'
        + _VALUE
        + b"</table:table-row>",
        b'<table:table-row table:number-rows-repeated="1000000">'
        b"<table:table-cell/></table:table-row>"
        b"<table:table-row>" + _VALUE + b"</table:table-row>",
    ],
    ids=["3000x5000", "million-rows"],
)
def test_an_ods_of_1_kb_no_longer_makes_a_sheet_of_millions(rows: bytes) -> None:
    data = _ods(rows)
    assert len(data) < 2_000
    _, _, archive = check_zip(data)
    light = trimmed(data, "ods", archive)
    assert light is not None
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(light)).get_sheet_by_name("S")
    assert sheet.height <= MAX_ROWS and sheet.width <= MAX_COLS
    assert sheet.to_python()[0] == ["a"]


# --- a return with a far cell --------------------------------------------------------------------


def _far_cell(path: Path, far: bytes = b'<row r="2999"><c r="GJW2999"><v>1</v></c></row>') -> None:
    part = _sheet_part(path)

    def edit(member: str, data: bytes) -> bytes:
        if member != part:
            return data
        return re.sub(rb"<dimension[^>]*/>", b"", data).replace(
            b"</sheetData>", far + b"</sheetData>"
        )

    _rewrite(path, edit)


def test_a_normal_return_is_not_touched(plan: Plan, forms: Path, tmp_path: Path) -> None:
    path = fill_return(forms, tmp_path, "so_y_te", answers_for(plan, "so_y_te"))
    data = path.read_bytes()
    _, _, archive = check_zip(data)
    assert trimmed(data, "xlsx", archive) is None


def test_a_return_with_a_far_cell_reads_as_without_it(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    path = fill_return(forms, tmp_path, "so_tttt", answers_for(plan, "so_tttt"))
    clean = read_bytes(path.read_bytes())
    _far_cell(path)
    data = path.read_bytes()
    _, _, archive = check_zip(data)
    light = trimmed(data, "xlsx", archive)
    assert light is not None
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(light)).get_sheet_by_name(FORM_SHEET)
    assert sheet.height < 100 and sheet.width <= MAX_COLS  # not 2,999 × 5,015
    read = read_bytes(data)
    assert read.problem == "" and read.records == clean.records
    assert read.sha256 != clean.sha256  # the file's own bytes identify it, not the trimmed ones


def test_a_far_cell_does_not_cost_the_reader_hundreds_of_mb(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    """Peak memory a fresh process adds reading the return: 588 MB before, a few MB now."""
    path = fill_return(forms, tmp_path, "so_tttt", answers_for(plan, "so_tttt"))
    _far_cell(path)
    script = (
        "import resource, sys\n"
        "from pipeline.intake.reader import read_bytes\n"
        "data = open(sys.argv[1], 'rb').read()\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "result = read_bytes(data)\n"
        "assert result.problem == '', result.problem\n"
        "print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True
    )
    assert int(done.stdout.strip()) < 100


def test_far_cell_returns_are_accepted_with_the_same_figures(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    codes = sorted(plan.expected_codes)[:3]
    clean = {}
    fars = [
        b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
        b'<row r="3000"/><row><c><v>1</v></c></row>',  # the row after 3,000: 3,001
        b'<row r="2999"><c r="GJW2999"><v>1</v></c></row>',
    ]
    for code, far in zip(codes, fars, strict=True):
        path = fill_return(forms, tmp_path, code, answers_for(plan, code))
        clean[code] = slim(read_bytes(path.read_bytes())).records
        _far_cell(path, far)
    checked = check_files(plan, [tmp_path / "inbox"], "2024", date(2024, 12, 20), jobs=2)
    assert Counter(checked.frames.files["outcome"]) == {Outcome.ACCEPTED: len(codes)}
    for item in checked.returns:
        assert item.read.records == clean[item.identity.agency]
