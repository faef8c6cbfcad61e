"""Read one returned file into plain data. Runs inside a worker process with limits.

Everything here assumes the file may be hostile: the container is sniffed from its bytes
(never trusted from the extension), zip members are counted and sized before anything is
expanded, formulas are read as cached values by calamine (nothing is evaluated, no macro
runs), and the caller kills this process if it takes too long or too much memory.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from python_calamine import CalamineWorkbook

from pipeline.contracts.form import FORM_COLUMNS, META_SHEET, PREFILLED
from pipeline.core.cells import address
from pipeline.core.text import fold
from pipeline.forms.metadata import fingerprint
from pipeline.forms.metadata import parse as parse_meta
from pipeline.intake import normalize
from pipeline.intake.xlsx_formats import percent_cells

MAX_ZIP_MEMBERS = 2_000
MAX_UNPACKED = 150 * 1024 * 1024
MAX_RATIO = 200
MAX_ROWS = 3_000
MAX_COLS = 60
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
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


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


def sniff(data: bytes) -> tuple[str, str]:
    """(container kind, problem key) from the bytes alone."""
    if not data:
        return "", "file-empty"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return "zip", ""
    if data.startswith(_OLE):
        if "EncryptedPackage".encode("utf-16-le") in data:
            return "", "file-encrypted"
        if "WordDocument".encode("utf-16-le") in data:
            return "", "file-word"
        return "xls", ""
    if data[:2] in (b"\x09\x00", b"\x09\x02", b"\x09\x04", b"\x09\x08"):
        return "", "file-legacy-biff"
    if data.startswith(b"\x1f\x8b"):
        return "", "file-unsupported-type"
    head = data[:512].lstrip().lower()
    if head.startswith((b"<?xml", b"<html", b"<!doctype", b"<table")):
        return "", "file-html-or-xml"
    return "", "file-not-spreadsheet"


def check_zip(data: bytes) -> tuple[str, str, zipfile.ZipFile | None]:
    """The kind of zip package, a problem key and the open archive; nothing is expanded."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return "", "file-corrupt", None
    kind, problem = _zip_kind(archive)
    return kind, problem, archive


def _zip_kind(archive: zipfile.ZipFile) -> tuple[str, str]:
    infos = archive.infolist()
    if len(infos) > MAX_ZIP_MEMBERS:
        return "", "file-too-many-parts"
    total = sum(i.file_size for i in infos)
    packed = max(sum(i.compress_size for i in infos), 1)
    if total > MAX_UNPACKED or (total > 10 * 1024 * 1024 and total / packed > MAX_RATIO):
        return "", "file-zip-bomb"
    names = {i.filename.replace("\\", "/").lower() for i in infos}
    if "word/document.xml" in names:
        return "", "file-word"
    if "mimetype" in names:
        try:
            mimetype = archive.read(next(i for i in infos if i.filename.lower() == "mimetype"))
        except (zipfile.BadZipFile, OSError, ValueError, KeyError, EOFError):
            return "", "file-corrupt"
        if b"opendocument.spreadsheet" in mimetype:
            return "ods", ""
        return "", "file-not-spreadsheet"
    if any(n.endswith("workbook.xml") or n.endswith("workbook.bin") for n in names):
        return "xlsx", ""
    return "", "file-not-spreadsheet"


_MODIFIED = re.compile(rb"<dcterms:modified[^>]*>([^<]+)</dcterms:modified>")
_ODS_DATE = re.compile(rb"<dc:date>([^<]+)</dc:date>")


def saved_time(archive: zipfile.ZipFile | None, kind: str) -> datetime | None:
    """The workbook's own last-saved time from its document properties, when it has one."""
    member, pattern = {
        "xlsx": ("docprops/core.xml", _MODIFIED),
        "ods": ("meta.xml", _ODS_DATE),
    }.get(kind, ("", None))
    if pattern is None or archive is None:
        return None
    try:
        info = next((i for i in archive.infolist() if i.filename.lower() == member), None)
        if info is None or info.file_size > 1_000_000:
            return None
        match = pattern.search(archive.read(info))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None
    if not match:
        return None
    return local_time(match.group(1).decode("ascii", "replace"))


def local_time(stamp: str) -> datetime | None:
    """A document-property time in this computer's local time, as file times are.

    Excel and LibreOffice write UTC ("…Z"); compared raw with a file's local modification time,
    a return saved at 06:00 on 16/12 in Vietnam would read as 23:00 on 15/12, on time.
    """
    text = stamp.strip()
    utc = text.endswith("Z")
    try:
        moment = datetime.fromisoformat(text.rstrip("Z").split(".")[0])
    except ValueError:
        return None
    if utc:
        moment = moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
    return moment


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
            if not isinstance(value, str) or len(value) > 24:  # labels are short
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
            with open(path, "rb") as handle:
                data = handle.read()
    except OSError as exc:
        return ReadResult(problem="file-cannot-open", detail=str(exc)[:200])
    return slim(read_bytes(data))


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
    result.saved_at = saved_time(archive, kind)
    try:
        _read_workbook(data, result, archive)
    except BaseException as exc:  # calamine panics are BaseException; the file is the problem
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        result.problem = _calamine_problem(exc)
        result.detail = f"{type(exc).__name__}: {str(exc)[:200]}"
    return result


def normalize_rows(result: ReadResult) -> None:
    """Normalize every table row here, in the worker, so the parent does it for no file."""
    columns = result.columns
    prefilled: list[list[object]] = []
    values: list[list[object]] = []
    for excel_row, cells in result.rows:
        raw = {f: cells[c] if c < len(cells) else None for f, c in columns.items()}
        record = normalize.record(raw)
        if not record["task"] and not record["content"]:
            continue  # a signature line or a note below the table
        values.append(list(record.values()))
        record["row"] = excel_row
        result.records.append(record)
        prefilled.append([record[name] for name in PREFILLED])
    result.prefilled_fingerprint = fingerprint(prefilled)
    # Same values in the same order, wherever the rows stand: a content-identical copy.
    result.content_fingerprint = hashlib.sha256(repr(values).encode("utf-8")).hexdigest()[:16]


def _calamine_problem(exc: BaseException) -> str:
    name = type(exc).__name__
    message = str(exc).lower()
    if name == "PasswordError" or "password" in message or "encrypt" in message:
        return "file-encrypted"
    if isinstance(exc, MemoryError):
        return "file-too-big"
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


def _read_workbook(data: bytes, result: ReadResult, archive: zipfile.ZipFile | None) -> None:
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    names = workbook.sheet_names
    if META_SHEET in names:
        meta = workbook.get_sheet_by_name(META_SHEET).to_python(skip_empty_area=False, nrows=50)
        result.meta_rows = [list(r[:3]) for r in meta]
    for name in names:
        if name == META_SHEET:
            continue
        try:
            rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False, nrows=MAX_ROWS)
        except Exception:  # a chart sheet or a damaged sheet: look at the next one
            continue
        found = find_header(rows)
        if found is None:
            continue
        index, columns = found
        result.sheet, result.header_row, result.columns = name, index + 1, columns
        result.header_block = header_block(rows, index)
        width = max(columns.values()) + 1
        for offset, row in enumerate(rows[index + 1 :], start=index + 2):
            cells = list(row[:width]) + [None] * max(0, width - len(row))
            if any(c not in (None, "") for c in cells):
                result.rows.append((offset, cells))
        _percent_ones(result, archive)
        normalize_rows(result)
        break
    else:
        result.problem = "file-no-form-table"
