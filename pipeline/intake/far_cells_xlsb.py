"""Cells outside the reader's window in an .xlsb, found before calamine builds a sheet.

An .xlsb is a zip package like an .xlsx, but its sheets are binary records (MS-XLSB 2.1.4):
a record type of one or two bytes and a size of up to four, seven bits a byte, then the body.
calamine builds a sheet as the box of its cells, as for .xls (`far_cells_binary.box_far`): the
row comes from the last BrtRowHdr, the column from the cell record's first four bytes. As for
.xls, the records are not rewritten: a sheet whose box is larger than the window gives the file
the same reason, naming the sheet and the cell. Each sheet part is read once and each record
visited once; a part that is damaged or larger than the reader's limits is left to calamine.
"""

from __future__ import annotations

import posixpath
import re
import struct
import zipfile
from collections.abc import Iterator

from pipeline.intake.far_cells_binary import FarCell, Place, box_far
from pipeline.intake.xml_tags import attribute_map

_WORKBOOK, _RELS = "xl/workbook.bin", "xl/_rels/workbook.bin.rels"
_MAX_PART = 50 * 1024 * 1024  # as in far_cells: a bigger part is left to the reader's limits
_ZIP_ERRORS = (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, KeyError)
_RELATIONSHIP = re.compile(rb"<(?:[\w.-]+:)?Relationship(?=[\s/>])([^<>]*)")

_BUNDLE_SHEET, _END_BUNDLE_SHEETS = 0x009C, 0x0090  # BrtBundleSh, BrtEndBundleShs
_ROW, _BEGIN_DATA, _END_DATA = 0x0000, 0x0091, 0x0092  # BrtRowHdr, Brt(Begin|End)SheetData
_LAST_ROW = 0x0010_0000  # calamine stops reading a sheet at a row past this
# BrtCellRk … BrtFmlaError: the cell records calamine places (src/xlsb/cells_reader.rs);
# BrtCellBlank (1) is not placed.
_CELLS = range(0x0002, 0x000C)


def xlsb_far_cell(archive: zipfile.ZipFile) -> FarCell | None:
    """The first cell outside the window on the first sheet whose box is larger than the
    window, or None: no such sheet, not an .xlsb, or a package the scan cannot be sure of."""
    if _WORKBOOK not in archive.namelist():  # an .xlsx: nothing to do
        return None
    try:
        names = {i.filename: i for i in archive.infolist()}
        targets = _relationships(archive, names)
        for name, rel in _sheets(_read(archive, names[_WORKBOOK])):
            path = posixpath.normpath("xl/" + targets.get(rel, ""))
            info = names.get(path)
            if info is None or info.file_size > _MAX_PART:
                continue
            try:
                far = box_far(_places(_read(archive, info)))
            except _Damaged:  # calamine fails on this sheet and builds nothing of it
                continue
            if far is not None:
                return FarCell(name, far)
    except (*_ZIP_ERRORS, _Damaged, struct.error, IndexError):
        return None
    return None


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    if info.file_size > _MAX_PART:
        raise ValueError(info.filename)
    return archive.read(info)


def _relationships(archive: zipfile.ZipFile, names: dict[str, zipfile.ZipInfo]) -> dict[str, str]:
    """Relationship id -> target of the workbook's relationships, as calamine takes them."""
    info = names.get(_RELS)
    if info is None:
        return {}
    found: dict[str, str] = {}
    for match in _RELATIONSHIP.finditer(_read(archive, info)):
        attributes = attribute_map(match.group(1))
        rel, target = attributes.get(b"Id"), attributes.get(b"Target")
        if rel is not None and target is not None:
            found[rel.decode("utf-8", "replace")] = target.decode("utf-8", "replace")
    return found


class _Damaged(Exception):
    """A record cut by the part's end: calamine fails there."""


def _records(part: bytes) -> Iterator[tuple[int, int, int]]:
    """(type, body start, body end) of each record, in order, up to the part's end."""
    at, end = 0, len(part)
    while at < end:
        kind = part[at]
        at += 1
        if kind & 0x80:
            kind = (kind & 0x7F) | ((_byte(part, at) & 0x7F) << 7)
            at += 1
        size = 0
        for shift in (0, 7, 14, 21):
            byte = _byte(part, at)
            at += 1
            size |= (byte & 0x7F) << shift
            if not byte & 0x80:
                break
        if at + size > end:
            raise _Damaged
        yield kind, at, at + size
        at += size


def _byte(part: bytes, at: int) -> int:
    if at >= len(part):
        raise _Damaged
    return part[at]


def _wide(part: bytes, at: int) -> tuple[str, int]:
    """An XLWideString at `at` (a 32-bit count of UTF-16 units, then them) and where it ends."""
    count = struct.unpack_from("<I", part, at)[0]
    end = at + 4 + 2 * count
    if end > len(part):
        raise ValueError("string past its record")
    return part[at + 4 : end].decode("utf-16-le", "replace"), end


def _sheets(workbook: bytes) -> list[tuple[str, str]]:
    """(name, relationship id) of every sheet the workbook lists, in its order."""
    found: list[tuple[str, str]] = []
    for kind, start, end in _records(workbook):
        if kind == _END_BUNDLE_SHEETS:
            break
        if kind != _BUNDLE_SHEET or end - start < 12:
            continue
        body = workbook[start:end]
        if struct.unpack_from("<I", body, 8)[0] == 0xFFFF_FFFF:
            continue  # no relationship: calamine lists no sheet for it
        rel, after = _wide(body, 8)
        name, _ = _wide(body, after)
        found.append((name, rel))
    return found


def _places(part: bytes) -> Iterator[Place]:
    """(row, column, column) of each cell the sheet data places, as calamine reads it."""
    row, in_data = 0, False
    for kind, start, end in _records(part):
        if not in_data:
            in_data = kind == _BEGIN_DATA
        elif kind == _END_DATA:
            return
        elif kind == _ROW and end - start >= 4:
            row = struct.unpack_from("<I", part, start)[0]
            if row > _LAST_ROW:
                return
        elif kind in _CELLS and end - start >= 4:
            column = struct.unpack_from("<I", part, start)[0]
            yield row, column, column
    raise _Damaged  # the part ended inside its sheet data (or before it): calamine fails
