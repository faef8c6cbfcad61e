"""Read one returned file into plain data. Runs inside a worker process with limits.

Everything here assumes the file may be hostile: the container is judged first
(`container.py`: sniffed from its bytes, zip members counted and sized before anything is
expanded), formulas are read as cached values by calamine (nothing is evaluated, no macro
runs), and the caller kills this process if it takes too long or too much memory.
"""

from __future__ import annotations

import hashlib
import io
import math
import os
import stat
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from python_calamine import CalamineWorkbook

from pipeline.contracts.form import (
    FORM_COLUMNS,
    FORM_SHEET,
    GUIDE_SHEET,
    META_SHEET,
    PREFILLED,
    TEXT_INPUTS,
)
from pipeline.core.cells import address
from pipeline.core.text import fold
from pipeline.forms.metadata import fingerprint
from pipeline.forms.metadata import parse as parse_meta
from pipeline.intake import legacy, normalize
from pipeline.intake.container import check_zip, declares_entities, saved_time, sniff
from pipeline.intake.far_cells import MAX_COLS, MAX_ROWS, trimmed
from pipeline.intake.far_cells_binary import FarCell, xls_far_cell
from pipeline.intake.far_cells_xlsb import xlsb_far_cell
from pipeline.intake.xlsx_formats import has_formulas, percent_cells, unsaved_formulas

HEADER_SCAN_ROWS = 200
_HEADER_KEYS = {fold(c.header): c.field for c in FORM_COLUMNS}
_HEADER_ALIASES = {
    "stt": "task",
    "noi dung": "content",
    "tien do": "progress",
    "kinh phi": "funding",
    "ket qua": "result",
    "tinh trang thuc hien": "status",
}


@dataclass
class ReadResult:
    """What a worker sends back: plain, picklable data."""

    sha256: str = ""
    kind: str = ""
    problem: str = ""  # a message key when the file cannot be used as a return
    detail: str = ""
    meta_rows: list[list[Any]] = field(default_factory=list)
    sheet: str = ""
    header_row: int = 0  # 1-based Excel row of the table header
    columns: dict[str, int] = field(default_factory=dict)  # field -> 0-based column
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)  # (Excel row, cells)
    header_block: dict[str, Any] = field(default_factory=dict)
    saved_at: datetime | None = None
    records: list[dict[str, Any]] = field(default_factory=list)  # normalized table rows
    prefilled_fingerprint: str = ""  # of the pre-filled cells as they are now
    content_fingerprint: str = ""  # of every table value, to spot content-identical copies
    other_tables: list[str] = field(default_factory=list)  # sheets with a report table not read
    problem_params: dict[str, Any] = field(default_factory=dict)  # e.g. the limit that was hit
    # (Excel row, field) -> formula, of input cells holding a formula with no saved value
    unsaved: dict[tuple[int, str], str] = field(default_factory=dict)


def find_header(rows: list[list[Any]]) -> tuple[int, dict[str, int]] | None:
    """(0-based row, field -> column) of the row that holds the form's column headers."""
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        columns: dict[str, int] = {}
        for col, value in enumerate(row[:MAX_COLS]):
            if isinstance(value, str) and value:
                key = fold(value).rstrip(" :*")
                name = _HEADER_KEYS.get(key) or _HEADER_ALIASES.get(key)
                if name and name not in columns:
                    columns[name] = col
        if {"task", "status"} <= columns.keys() and len(columns) >= 6:
            return index, columns
    return None


_BLOCK_LABELS = {
    "don vi bao cao": "agency",
    "ngay bao cao": "report_date",
    "nguoi lien he": "contact",
    "dien thoai": "phone",
    "email": "email",
}


def header_block(rows: list[list[Any]], header_index: int) -> dict[str, Any]:
    """Values written after the labels above the table ("Ngày báo cáo:" …)."""
    found: dict[str, Any] = {}
    for row in rows[:header_index]:
        for col, value in enumerate(row[:MAX_COLS]):
            if not value or type(value) is not str or len(value) > 24:  # labels are short text
                continue
            key = _BLOCK_LABELS.get(fold(value).rstrip(" :"))
            if key and key not in found:
                after = next((v for v in row[col + 1 : MAX_COLS] if v not in (None, "")), None)
                found[key] = after
    return found


def read_file(source: tuple[str | None, bytes | None]) -> ReadResult:
    """A worker job: read a file on disk, or a zip member's bytes; send back only what the
    run needs (what goes back is pickled, and a run may read thousands of files)."""
    path, data = source
    try:
        if data is None:
            assert path is not None
            data = _read_regular(path)
    except OSError as exc:
        return ReadResult(problem="file-cannot-open", detail=str(exc)[:200])
    if data is None:
        return ReadResult(problem="file-not-regular")
    return slim(read_bytes(data))


MAX_READ = 25 * 1024 * 1024


def _read_regular(path: str) -> bytes | None:
    """The file's bytes, or None when it is not a regular file (a FIFO put in place after
    discovery would block; /dev/zero never ends). Never more than the size limit."""
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            return None
        with os.fdopen(handle, "rb", closefd=False) as stream:
            # Asked for its size (one byte more shows a file grown past the limit), not for the
            # limit: a 25 MB buffer for a 20 kB file cost 60 µs a file.
            return stream.read(min(status.st_size, MAX_READ) + 1)
    finally:
        os.close(handle)


def slim(result: ReadResult) -> ReadResult:
    """Drop the raw cells, and the task texts when the pre-filled cells are as generated."""
    result.rows = []
    meta = parse_meta(result.meta_rows)
    if meta is not None and meta.fingerprint == result.prefilled_fingerprint:
        for record in result.records:
            record["content"] = record["timeline"] = ""
    return result


def read_bytes(data: bytes) -> ReadResult:
    result = ReadResult(sha256=hashlib.sha256(data).hexdigest())
    kind, problem = sniff(data)
    archive = None
    if kind == "zip":
        kind, problem, archive = check_zip(data)
    result.kind = kind
    if problem:
        result.problem = problem
        return result
    if archive is not None and declares_entities(archive):
        result.problem = "file-xml-entities"
        return result
    result.saved_at = saved_time(archive, kind)
    far = _binary_far_cell(data, kind, archive)
    if far is not None:  # calamine would build the sheet's whole box: records are not rewritten
        result.problem = "file-far-cell"
        result.problem_params = {"sheet": far.sheet, "cell": far.cell}
        return result
    # Cells the reader never looks at are dropped first: calamine builds a sheet's whole
    # rectangle. The formats and formulas are still read from the original package (`archive`):
    # a cell inside the window stands at the same place in both.
    workbook = trimmed(data, kind, archive) or data
    try:
        _read_workbook(workbook, result, archive)
    except BaseException as exc:  # calamine panics are BaseException; the file is the problem
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        result.problem = _calamine_problem(exc)
        result.detail = f"{type(exc).__name__}: {str(exc)[:200]}"
    return result


def _binary_far_cell(data: bytes, kind: str, archive: zipfile.ZipFile | None) -> FarCell | None:
    """A far cell of an .xls or an .xlsb (a package of kind xlsx with binary sheets)."""
    if kind == "xls":
        return xls_far_cell(data)
    return xlsb_far_cell(archive) if kind == "xlsx" and archive is not None else None


def normalize_rows(result: ReadResult) -> None:
    """Normalize every table row here, in the worker, so the parent does it for no file."""
    columns = result.columns
    prefilled: list[list[object]] = []
    values: list[list[object]] = []
    file_encoding = _legacy_encoding(result)
    for excel_row, cells in result.rows:
        raw = {f: cells[c] if c < len(cells) else None for f, c in columns.items()}
        record = normalize.record(raw, file_encoding)
        if not record["task"] and not record["content"]:
            continue  # a signature line or a note below the table
        notes = record["notes"]
        assert isinstance(notes, list)
        for name in columns:
            formula = result.unsaved.get((excel_row, name))
            if formula is not None:  # read as blank, but the agency did write something
                notes.append((name, FORMULA_NOT_SAVED, formula))
        values.append(list(record.values()))
        record["row"] = excel_row
        result.records.append(record)
        prefilled.append([record[name] for name in PREFILLED])
    result.prefilled_fingerprint = fingerprint(prefilled)
    # Same values in the same order, wherever the rows stand: a content-identical copy.
    result.content_fingerprint = hashlib.sha256(repr(values).encode("utf-8")).hexdigest()[:16]


def _legacy_encoding(result: ReadResult) -> str | None:
    """The legacy font the file's text was typed in, judged over all its text cells at once:
    a short answer ("Tèt") carries no telltale of its own, the file as a whole does."""
    places = [c for f, c in result.columns.items() if f in ("status", *TEXT_INPUTS)]
    texts = [
        cells[c]
        for _, cells in result.rows
        for c in places
        if c < len(cells) and isinstance(cells[c], str)
    ]
    return legacy.detect_file(texts)


def _calamine_problem(exc: BaseException) -> str:
    name = type(exc).__name__
    message = str(exc).lower()
    if name == "PasswordError" or "password" in message or "encrypt" in message:
        return "file-encrypted"
    if isinstance(exc, MemoryError):
        return "file-out-of-memory"
    return "file-corrupt"


def _percent_ones(result: ReadResult, archive: zipfile.ZipFile | None) -> None:
    """A progress of exactly 1 in a percentage-formatted cell is 100%, not 1%."""
    column = result.columns.get("progress")
    if archive is None or column is None:
        return
    ones = {
        f"{address(column, row)}": cells
        for row, cells in result.rows
        if column < len(cells) and type(cells[column]) in (int, float) and cells[column] == 1
    }
    for ref in percent_cells(archive, result.sheet, list(ones)):
        ones[ref][column] = 100.0


FORMULA_NOT_SAVED = "formula-not-saved"
_INPUTS = tuple(c.field for c in FORM_COLUMNS if not c.prefilled)


def _unsaved_formulas(result: ReadResult, archive: zipfile.ZipFile | None) -> None:
    """Input cells read as blank that hold a formula with no saved value (.xlsx only)."""
    result.unsaved = {}
    places = {f: c for f, c in result.columns.items() if f in _INPUTS}
    if archive is None or not places or not has_formulas(archive, result.sheet):
        return
    blanks = {
        address(col, row): (row, name)
        for row, cells in result.rows
        for name, col in places.items()
        if col >= len(cells) or cells[col] in (None, "")
    }
    for ref, formula in unsaved_formulas(archive, result.sheet, list(blanks)).items():
        result.unsaved[blanks[ref]] = formula


def _finite(value: Any) -> Any:
    """A number Excel cannot hold (inf, nan, 1e309 read as inf) becomes its text, which the
    rules then report like any other text typed in a number column."""
    if type(value) is float and not math.isfinite(value):
        return repr(value)
    return value


MAX_SHEETS = 50  # sheets looked at for a report table; a form has two


@dataclass
class _Table:
    sheet: str
    header_row: int
    columns: dict[str, int]
    header_block: dict[str, Any]
    rows: list[tuple[int, list[Any]]]


def _table(name: str, rows: list[list[Any]]) -> _Table | None:
    found = find_header(rows)
    if found is None:
        return None
    index, columns = found
    block = {k: _finite(v) for k, v in header_block(rows, index).items()}
    width = max(columns.values()) + 1
    body: list[tuple[int, list[Any]]] = []
    for offset, row in enumerate(rows[index + 1 :], start=index + 2):
        cells = [_finite(c) for c in row[:width]] + [None] * max(0, width - len(row))
        if any(c not in (None, "") for c in cells):
            body.append((offset, cells))
    return _Table(name, index + 1, columns, block, body)


def _read_workbook(data: bytes, result: ReadResult, archive: zipfile.ZipFile | None) -> None:
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    names = workbook.sheet_names
    if META_SHEET in names:
        meta = workbook.get_sheet_by_name(META_SHEET).to_python(skip_empty_area=False, nrows=50)
        result.meta_rows = [[_finite(c) for c in r[:3]] for r in meta]
    tables: list[_Table] = []
    # A form's own guide sheet (protected, ours) never holds the table: not reading it saves
    # a fifth of a return's reading time.
    skip = {META_SHEET, GUIDE_SHEET} if META_SHEET in names else {META_SHEET}
    damaged = ""
    for name in names[:MAX_SHEETS]:
        if name in skip:
            continue
        try:
            rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False, nrows=MAX_ROWS)
        except Exception as exc:  # a chart sheet or a damaged sheet: look at the next one
            damaged = damaged or f"{name}: {type(exc).__name__}: {str(exc)[:160]}"
            continue
        table = _table(name, rows)
        if table is not None:
            tables.append(table)
    if not tables:  # a damaged sheet may have been the report: say damaged, not "no table"
        result.problem = "file-corrupt" if damaged else "file-no-form-table"
        result.detail = damaged
        return
    chosen = _choose(tables, result, archive)
    result.other_tables = [t.sheet for t in tables if t is not chosen]


def _use(table: _Table, result: ReadResult, archive: zipfile.ZipFile | None) -> None:
    result.sheet, result.header_row, result.columns = table.sheet, table.header_row, table.columns
    result.header_block = table.header_block
    result.rows = [(row, list(cells)) for row, cells in table.rows]
    result.records = []
    _percent_ones(result, archive)
    _unsaved_formulas(result, archive)
    normalize_rows(result)


def _choose(tables: list[_Table], result: ReadResult, archive: zipfile.ZipFile | None) -> _Table:
    """The report table, when a copy of the sheet (`Báo cáo (2)`, which Excel puts before the
    original) holds one too: the table whose pre-filled cells match the form's fingerprint,
    else the sheet named as the form names it, else the first."""
    meta = parse_meta(result.meta_rows)
    if len(tables) > 1 and meta is not None:
        for table in tables:
            _use(table, result, archive)
            if result.prefilled_fingerprint == meta.fingerprint:
                return table
    chosen = next((t for t in tables if t.sheet == FORM_SHEET), tables[0])
    _use(chosen, result, archive)
    return chosen
