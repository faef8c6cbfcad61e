""".xls files with a cell far outside the form are found before calamine builds their sheets
(issue 12, "Bounded time"): one number at IV40000 in 5.6 KB cost a reader 0.5 s and 643 MB.

The compound files here are written by `_cfb` (512-byte sectors: the FAT in sector 0, then the
streams) around BIFF8 records written by `_biff`; calamine reads them, which checks both."""

from __future__ import annotations

import io
import shutil
import struct
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from pipeline.contracts.form import FORM_SHEET
from pipeline.contracts.outcomes import Outcome
from pipeline.core.catalog import t
from pipeline.core.libreoffice import convert
from pipeline.intake.far_cells_binary import FarCell, xls_far_cell
from pipeline.intake.far_cells_xlsb import xlsb_far_cell
from pipeline.intake.reader import read_bytes
from pipeline.intake.run import intake_folder
from pipeline.plan.model import Plan
from tests.helpers import answers_for, fill_return

FAR_XLS = Path(__file__).parent / "data" / "far-cell.xls"
END, FREE, FAT_SECTOR = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD


# --- writing small .xls files ---------------------------------------------------------------


def _record(kind: int, body: bytes) -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def _number(row: int, column: int, value: float = 1.0) -> bytes:
    return _record(0x0203, struct.pack("<HHHd", row, column, 15, value))


def _mulrk(row: int, first: int, last: int) -> bytes:
    rks = b"".join(struct.pack("<HI", 15, (7 << 2) | 2) for _ in range(first, last + 1))
    return _record(0x00BD, struct.pack("<HH", row, first) + rks + struct.pack("<H", last))


def _biff(sheets: list[tuple[str, bytes]], padding: int = 0) -> bytes:
    """A BIFF8 Workbook stream: globals naming `sheets` (name, cell records), then each sheet;
    `padding` bytes of a record nobody reads make it as long as a test needs."""
    bof = _record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0, 0, 0, 0))
    names = [name.encode("utf-16-le") for name, _ in sheets]
    bound_sizes = [4 + 8 + len(n) for n in names]
    filler = _record(0x00FF, bytes(padding)) if padding else b""  # EXTSST: skipped by all
    at = len(bof) + len(filler) + sum(bound_sizes) + 4  # the globals' EOF
    globals_, bodies = [bof, filler], []
    for (name, cells), encoded in zip(sheets, names, strict=True):
        body = (
            _record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0, 0, 0, 0))
            + cells
            + _record(0x000A, b"")
        )
        globals_.append(_record(0x0085, struct.pack("<IBBBB", at, 0, 0, len(name), 1) + encoded))
        bodies.append(body)
        at += len(body)
    return b"".join(globals_) + _record(0x000A, b"") + b"".join(bodies)


def _entry(name: str, kind: int, start: int, size: int, child: int = FREE) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    return (
        encoded.ljust(64, b"\0")
        + struct.pack("<HBB", len(encoded), kind, 1)
        + struct.pack("<III", FREE, FREE, child)
        + bytes(36)
        + struct.pack("<IQ", start, size)
    )


def _cfb(stream: bytes, name: str = "Workbook") -> bytes:
    """A version 3 compound file holding `stream`: in regular sectors from 4,096 bytes on,
    else in the mini stream."""
    body: list[bytes] = []
    fat = [FAT_SECTOR]

    def put(data: bytes) -> int:
        count = -(-len(data) // 512)
        start = len(fat)
        for index in range(count):
            fat.append(start + index + 1 if index < count - 1 else END)
            body.append(data[index * 512 : (index + 1) * 512].ljust(512, b"\0"))
        return start

    mini_fat_start, mini_fat_count, root_start, root_size = END, 0, END, 0
    if len(stream) >= 4096:
        start = put(stream)
    else:
        count = -(-len(stream) // 64)
        links = [i + 1 if i < count - 1 else END for i in range(count)]
        mini_fat_start = put(struct.pack(f"<{count}I", *links).ljust(512, b"\xff"))
        mini_fat_count = 1
        root_start, root_size = put(stream.ljust(count * 64, b"\0")), count * 64
        start = 0
    directory = (
        _entry("Root Entry", 5, root_start, root_size, child=1)
        + _entry(name, 2, start, len(stream))
        + bytes(256)
    )
    directory_start = put(directory)
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack("<9I", 0, 1, directory_start, 0, 4096, mini_fat_start, mini_fat_count, END, 0)
        + struct.pack("<109I", 0, *([FREE] * 108))
    )
    fat_sector = struct.pack(f"<{len(fat)}I", *fat).ljust(512, b"\xff")
    return header + fat_sector + b"".join(body)


def _xls(cells: bytes, sheet: str = FORM_SHEET, padding: int = 0) -> bytes:
    return _cfb(_biff([(sheet, _number(0, 0) + cells)], padding))


# --- the scan ---------------------------------------------------------------------------------


def test_the_far_cell_file_gets_its_own_reason_naming_sheet_and_cell() -> None:
    result = read_bytes(FAR_XLS.read_bytes())
    assert (result.kind, result.problem) == ("xls", "file-far-cell")
    assert result.problem_params == {"sheet": "S", "cell": "IV40000"}
    sentence = t(result.problem, "vi", **result.problem_params)
    assert "'S'" in sentence and "IV40000" in sentence and "xóa các ô ở xa" in sentence
    assert "IV40000" in t(result.problem, "en", **result.problem_params)


def test_the_scan_allocates_no_more_than_the_file_holds() -> None:
    data = FAR_XLS.read_bytes()
    tracemalloc.start()
    try:
        assert xls_far_cell(data) == FarCell("S", "IV40000")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 * len(data)  # the FAT, the directory and the stream: each within the file


@pytest.mark.parametrize("padding", [0, 6000], ids=["mini-stream", "regular-sectors"])
def test_written_files_are_read_by_calamine_and_judged_alike(padding: int) -> None:
    near = _xls(_number(2999, 59, 7.0), padding=padding)  # BH3000: the window's last cell
    rows = CalamineWorkbook.from_filelike(io.BytesIO(near)).get_sheet_by_name(FORM_SHEET)
    assert rows.to_python()[2999][59] == 7.0  # the writer is right: calamine reads it there
    assert xls_far_cell(near) is None
    far = _xls(_number(39999, 255), padding=padding)
    assert xls_far_cell(far) == FarCell(FORM_SHEET, "IV40000")


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (_number(4, 77), None),  # a stray entry at BZ5: a box of 5 × 78 cells, read as before
        (_number(3999, 0), None),  # A4000: 4,000 × 1
        (_number(3000, 70), "BS3001"),  # 3,001 × 71 cells: more than the window holds
        (_mulrk(3500, 55, 65), "BD3501"),  # a run of numbers crossing column BH, far down
        (_mulrk(5, 50, 255) + _number(3000, 0), "BI6"),  # the first one outside is named
        (_record(0x0201, struct.pack("<HHH", 39999, 255, 15)), None),  # BLANK: not placed
    ],
)
def test_a_sheet_is_judged_by_the_box_calamine_would_build(
    cells: bytes, expected: str | None
) -> None:
    found = xls_far_cell(_xls(cells))
    assert (found.cell if found else None) == expected


def test_calamine_places_no_blank_cell_and_every_number_of_a_run() -> None:
    """What the judgement takes from calamine's reader, checked against the one installed."""
    blank = _xls(_record(0x0201, struct.pack("<HHH", 39999, 255, 15)))
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(blank)).get_sheet_by_name(FORM_SHEET)
    assert len(sheet.to_python()) == 1  # A1 alone: the blank at IV40000 built nothing
    run = _xls(_mulrk(3, 55, 65))
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(run)).get_sheet_by_name(FORM_SHEET)
    assert sheet.to_python()[3][55:66] == [7] * 11


def test_the_second_sheet_is_named_in_its_own_words() -> None:
    sheets = [("Hướng dẫn", _number(0, 0)), ("Báo cáo (2)", _number(0, 0) + _number(65535, 255))]
    stream = _biff(sheets)
    assert xls_far_cell(_cfb(stream)) == FarCell("Báo cáo (2)", "IV65536")


def _set(data: bytes, offset: int, value: int) -> bytes:
    return data[:offset] + struct.pack("<I", value) + data[offset + 4 :]


def _crafted() -> dict[str, bytes]:
    """Damaged or hostile containers around a far cell: the scan is unsure of each. `far` has
    the FAT in sector 0, its stream in sectors 1 to 12, its directory in sector 13."""
    far = _xls(_number(39999, 255), padding=6000)
    fat = 512  # file offset of sector 0
    stream_size_at = (struct.unpack_from("<I", far, 0x30)[0] + 1) * 512 + 128 + 120
    mini = _xls(_number(39999, 255))  # its mini FAT in sector 1
    return {
        "fat-loop": _set(far, fat + 4 * 3, 3),  # sector 3 follows itself
        "chain-past-the-end": _set(far, fat + 4 * 3, 10_000),
        "huge-stream": _set(far, stream_size_at, 0xFFFFFFF0),
        "difat-loop": _set(_set(far, 0x44, 1), 2 * 512 + 508, 1),  # sector 1 names itself next
        "fat-listed-too-often": far[:0x4C] + struct.pack("<109I", *[0] * 109) + far[0x200:],
        "no-directory": _set(far, 0x30, END),
        "truncated": far[:1500],
        "truncated-sheet": _cfb(_biff([(FORM_SHEET, _number(0, 0) + _number(39999, 255))])[:-2]),
        "mini-fat-loop": _set(mini, 2 * 512, 0),  # mini sector 0 follows itself
        "bad-sector-shift": far[:0x1E] + struct.pack("<H", 20) + far[0x20:],
    }


def test_the_files_crafted_from_are_flagged() -> None:
    """So that each crafted file's None says the scan was unsure, not that it saw nothing."""
    whole = _cfb(_biff([(FORM_SHEET, _number(0, 0) + _number(39999, 255))]))
    for data in (_xls(_number(39999, 255), padding=6000), _xls(_number(39999, 255)), whole):
        assert xls_far_cell(data) == FarCell(FORM_SHEET, "IV40000")


@pytest.mark.parametrize("name", sorted(_crafted()))
def test_a_crafted_container_leaves_the_scan_unsure(name: str) -> None:
    assert xls_far_cell(_crafted()[name]) is None


def test_crafted_containers_each_get_an_outcome(plan: Plan, tmp_path: Path) -> None:
    """What the scan is unsure of goes to calamine under the worker's limits, as before."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name, data in _crafted().items():
        (inbox / f"{name}.xls").write_bytes(data)
    (inbox / "far.xls").write_bytes(_xls(_number(39999, 255)))
    intake = intake_folder(inbox, plan, "2024", jobs=2, time_limit=5.0)
    lines = {x["rel"]: x for x in intake.files.to_dict("records")}
    assert set(lines) == {p.name for p in inbox.iterdir()}
    assert {x["verdict"] for x in lines.values()} == {Outcome.UNREADABLE}
    assert lines["far.xls"]["reason"] == "file-far-cell"


# --- .xlsb -----------------------------------------------------------------------------------


def _brt(kind: int, body: bytes = b"") -> bytes:
    """One .xlsb record: its type in one or two bytes, its size in seven bits a byte."""
    head = bytes([kind]) if kind < 0x80 else bytes([(kind & 0x7F) | 0x80, kind >> 7])
    size, sized = len(body), b""
    while True:
        size, byte = size >> 7, size & 0x7F
        sized += bytes([byte | (0x80 if size else 0)])
        if not size:
            return head + sized + body


def _wide(text: str) -> bytes:
    encoded = text.encode("utf-16-le")
    return struct.pack("<I", len(encoded) // 2) + encoded


def _xlsb(cells: list[tuple[int, int]], sheet: str = FORM_SHEET, cut: int = 0) -> bytes:
    """A package with one binary sheet holding a number at each (row, column), 0-based; its
    sheet part without its last `cut` bytes."""
    workbook = (
        _brt(0x83)  # BrtBeginBook
        + _brt(0x8F)  # BrtBeginBundleShs
        + _brt(0x9C, struct.pack("<II", 0, 1) + _wide("rId1") + _wide(sheet))
        + _brt(0x90)  # BrtEndBundleShs
        + _brt(0x9D, bytes(20))  # BrtCalcProp: calamine reads names up to it
        + _brt(0x84)
    )
    rows = b""
    for row in sorted({r for r, _ in cells}):
        rows += _brt(0x00, struct.pack("<I", row) + bytes(13))  # BrtRowHdr
        for column in sorted(c for r, c in cells if r == row):
            rows += _brt(0x05, struct.pack("<IId", column, 0, 1.0))  # BrtCellReal
    sheet_part = (
        _brt(0x81)
        + _brt(0x94, struct.pack("<IIII", 0, 0, 0, 0))  # BrtWsDim
        + _brt(0x91)  # BrtBeginSheetData
        + rows
        + _brt(0x92)
        + _brt(0x82)
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.bin"/></Relationships>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("xl/workbook.bin", workbook)
        package.writestr("xl/_rels/workbook.bin.rels", rels)
        package.writestr("xl/worksheets/sheet1.bin", sheet_part[: len(sheet_part) - cut])
    return out.getvalue()


def test_an_xlsb_with_a_far_cell_gets_the_same_reason() -> None:
    near = _xlsb([(0, 0), (2999, 59)])
    rows = CalamineWorkbook.from_filelike(io.BytesIO(near)).get_sheet_by_name(FORM_SHEET)
    assert rows.to_python()[2999][59] == 1.0  # the writer is right: calamine reads it there
    with zipfile.ZipFile(io.BytesIO(near)) as archive:
        assert xlsb_far_cell(archive) is None
    far = _xlsb([(0, 0), (39999, 255)])
    with zipfile.ZipFile(io.BytesIO(far)) as archive:
        assert xlsb_far_cell(archive) == FarCell(FORM_SHEET, "IV40000")
    result = read_bytes(far)
    assert (result.problem, result.problem_params) == (
        "file-far-cell",
        {"sheet": FORM_SHEET, "cell": "IV40000"},
    )


def test_an_xlsb_stray_cell_and_a_damaged_sheet_are_left_to_the_reader() -> None:
    stray = _xlsb([(0, 0), (4, 77)])  # BZ5: a small box
    damaged = _xlsb([(0, 0), (39999, 255)], cut=8)  # the part ends inside its far cell
    for data in (stray, damaged):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert xlsb_far_cell(archive) is None


# --- real files -------------------------------------------------------------------------------


@pytest.mark.libreoffice
def test_an_xls_return_saved_by_libreoffice_is_read_and_a_far_one_named(
    soffice: str, plan: Plan, forms: Path, tmp_path: Path
) -> None:
    code = "so_y_te"
    filled = fill_return(forms, tmp_path, code, answers_for(plan, code))
    converted = convert(filled, "xls", tmp_path / "xls")
    assert converted is not None
    data = converted.read_bytes()
    assert xls_far_cell(data) is None
    result = read_bytes(data)
    assert result.problem == "" and len(result.records) == len(plan.assignments(code))
    # the same return with one number far down its form sheet, saved again as .xls
    book = load_workbook(filled)
    book[FORM_SHEET]["IV40000"] = 1
    far_source = tmp_path / "far" / filled.name
    far_source.parent.mkdir()
    book.save(far_source)
    far = convert(far_source, "xls", tmp_path / "far-xls")
    assert far is not None
    assert xls_far_cell(far.read_bytes()) == FarCell(FORM_SHEET, "IV40000")
    assert read_bytes(far.read_bytes()).problem == "file-far-cell"
    shutil.rmtree(tmp_path / "far")
