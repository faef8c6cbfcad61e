"""Cells outside the reader's window in an .xls, found before calamine builds its sheets.

calamine builds every sheet of an .xls when it opens the workbook, each as the whole box from
its first to its last placed cell: `tests/data/far-cell.xls`, 5.6 KB with one number at
IV40000, made it build 10 million cells (half a second, 643 MB; at IV65536 a gigabyte, over the
reader's memory limit). `far_cells` cuts such cells out of an .xlsx or .ods; rewriting BIFF is
out of scope, so here such a file is only found, and gets a reason of its own that names the
sheet and the cell (`FarCell`).

A sheet is judged by its box, not by each cell: a stray entry at BZ5 or A4000 costs calamine
nothing (a box of a few hundred cells) and is read as before; a box larger than the window
itself (`MAX_ROWS` × `MAX_COLS` cells, the most any sheet inside the window holds) always has a
cell outside the window, which is the one named.

The scan is linear in the file's size and allocates no more than a few times it: the compound
file's header, its sector tables (DIFAT, FAT, mini FAT), its directory and the `Workbook` (or
BIFF5 `Book`) stream are read as calamine reads them, each chain followed once with every
sector marked as seen (a chain that loops, leaves the file or claims more than the file holds
is damage); then the BIFF records of the workbook globals (sheet names and offsets) and of each
sheet (cell places), each record visited once. When the container is damaged the scan is unsure
and says nothing: calamine and the worker's limits judge the file, as before.
"""

from __future__ import annotations

import struct
import sys
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pipeline.core.cells import address
from pipeline.intake.far_cells import MAX_COLS, MAX_ROWS

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FREE, _END_OF_CHAIN, _SPECIAL = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFA
_MINI_CUTOFF = 4096  # calamine's, not the header's: a smaller stream lives in the mini stream
_MINI_SECTOR = 64
_WINDOW_CELLS = MAX_ROWS * MAX_COLS

# BIFF records (MS-XLS 2.3) the scan reads.
_EOF, _BOF, _BOUNDSHEET, _CODEPAGE, _FILEPASS = 0x000A, 0x0809, 0x0085, 0x0042, 0x002F
# The records calamine places a cell for (src/xls.rs): NUMBER, LABEL, BOOLERR, RK, LABELSST,
# FORMULA (its place in the formula sheet too; the STRING after it takes the same place).
# BLANK, MULBLANK and RSTRING are not read by calamine, so they cost it nothing.
_CELLS = frozenset({0x0203, 0x0204, 0x0205, 0x027E, 0x00FD, 0x0006})
_MULRK = 0x00BD
_GLOBALS_READ = frozenset({_BOF, _BOUNDSHEET, _CODEPAGE, _FILEPASS})
_BIFF5_VERSIONS = frozenset({0x0002, 0x0007, 0x0200, 0x0300, 0x0400, 0x0500})


@dataclass(frozen=True)
class FarCell:
    """A cell that makes calamine build a sheet far larger than the window: where it is."""

    sheet: str
    cell: str  # A1 form


class _Unsure(Exception):
    """The container is damaged or crafted: the scan gives no verdict."""


def xls_far_cell(data: bytes) -> FarCell | None:
    """The first cell outside the window on the first sheet whose box is larger than the
    window, or None: no such sheet, or the file is not one the scan can be sure of."""
    try:
        stream = _workbook_stream(data)
        return _far_in_stream(stream) if stream else None
    except (_Unsure, struct.error, IndexError, ValueError):
        return None


# --- the compound file (MS-CFB) -------------------------------------------------------------


class _Container:
    """The sectors of one compound file, and the chains through its FAT."""

    def __init__(self, data: bytes) -> None:
        if len(data) < 512 or not data.startswith(_OLE):
            raise _Unsure
        shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
        if shift not in (9, 12) or mini_shift != 6:  # as calamine: anything else is refused
            raise _Unsure
        self.data = data
        self.size = 1 << shift
        self.count = -(-(len(data) - self.size) // self.size)  # a short last one counts
        self.fat = self._fat()

    def sector(self, index: int) -> bytes:
        if index >= self.count:
            raise _Unsure
        start = (index + 1) * self.size
        return self.data[start : start + self.size]

    def _fat(self) -> array[int]:
        """The FAT, from the sectors the DIFAT lists: its 109 entries in the header, then its
        own chain of sectors (each one's last entry names the next)."""
        difat = _words(self.data[0x4C:0x200])
        seen = bytearray(self.count)
        index = struct.unpack_from("<I", self.data, 0x44)[0]
        while index not in (_FREE, _END_OF_CHAIN):
            if index >= self.count or seen[index]:
                raise _Unsure
            seen[index] = 1
            entries = _words(self.sector(index))
            if not entries:
                raise _Unsure
            difat.extend(entries[:-1])
            index = entries[-1]
        fat_sectors = [i for i in difat if i < _SPECIAL]
        if len(fat_sectors) > self.count:  # more FAT than the file has sectors: crafted
            raise _Unsure
        return _words(b"".join(self.sector(i) for i in fat_sectors))

    def chain(self, start: int, table: array[int], limit: int) -> list[int]:
        """The sectors of a chain through `table` from `start`, each at most once, never
        more than `limit` (the sectors there are); a loop or a step outside is damage."""
        found: list[int] = []
        seen = bytearray(min(len(table), limit))
        index = start
        while index != _END_OF_CHAIN:
            if index >= len(seen) or seen[index]:
                raise _Unsure
            seen[index] = 1
            found.append(index)
            index = table[index]
        return found

    def read(self, start: int, length: int) -> bytes:
        """A stream in regular sectors, cut to its length."""
        if start == _END_OF_CHAIN:
            return b""
        sectors = self.chain(start, self.fat, self.count)
        return b"".join(self.sector(i) for i in sectors)[:length]


def _words(raw: bytes) -> array[int]:
    """Little-endian 32-bit entries, four bytes each in memory too (a list would take ten)."""
    words = array("I")
    words.frombytes(raw[: len(raw) // 4 * 4])
    if sys.byteorder == "big":
        words.byteswap()
    return words


def _workbook_stream(data: bytes) -> bytes:
    """The `Workbook` stream (else the BIFF5 `Book` one), read as calamine reads it."""
    container = _Container(data)
    header = struct.unpack_from("<IIII", data, 0x30)  # directory, (unused), mini cutoff, mini FAT
    directory = container.read(header[0], len(data))
    entries = [directory[at : at + 128] for at in range(0, len(directory) - 127, 128)]
    if not entries:
        raise _Unsure
    names = [_entry_name(e) for e in entries]
    wanted = next((n for n in ("Workbook", "Book") if n in names), None)
    if wanted is None:
        return b""
    start, length = _entry_place(entries[names.index(wanted)], container.size)
    if length > len(data):  # a size the file cannot hold
        raise _Unsure
    if length >= _MINI_CUTOFF:
        return container.read(start, length)
    root_start, root_length = _entry_place(entries[0], container.size)
    if root_length > len(data):
        raise _Unsure
    mini_stream = container.read(root_start, root_length)
    mini_fat = _words(container.read(header[3], len(data)))
    mini_count = len(mini_stream) // _MINI_SECTOR
    if start == _END_OF_CHAIN:
        return b""
    sectors = container.chain(start, mini_fat, mini_count)
    parts = (mini_stream[i * _MINI_SECTOR : (i + 1) * _MINI_SECTOR] for i in sectors)
    return b"".join(parts)[:length]


def _entry_name(entry: bytes) -> str:
    return entry[:64].decode("utf-16-le", "ignore").split("\0", 1)[0]


def _entry_place(entry: bytes, sector_size: int) -> tuple[int, int]:
    """(first sector, length) of a directory entry; a version 3 file's length is 32 bits."""
    start = struct.unpack_from("<I", entry, 116)[0]
    length = struct.unpack_from("<I" if sector_size == 512 else "<Q", entry, 120)[0]
    return start, length


# --- the BIFF records -----------------------------------------------------------------------


_HEADER = struct.Struct("<HH")  # a record's type and size; a cell's row and column too


def _records(stream: bytes, start: int, limit: int) -> Iterator[tuple[int, int, int]]:
    """(type, data start, data end) of the records from `start` to the end of their
    substream (EOF), one at a time, never past `limit` (where the next walk starts: walks
    that ran into each other would make the scan quadratic). A record cut by the stream's
    end makes calamine fail there, before it builds this sheet or any after it: unsure."""
    unpack, at = _HEADER.unpack_from, start
    while at + 4 <= limit:
        kind, size = unpack(stream, at)
        body, at = at + 4, at + 4 + size
        if at > limit:
            raise _Unsure
        yield kind, body, at
        if kind == _EOF:
            return
    if at != len(stream):  # a cut record, or a substream running into the next one
        raise _Unsure


def _far_in_stream(stream: bytes) -> FarCell | None:
    sheets = _sheets(stream, _records(stream, 0, len(stream)))
    starts = sorted(start for _, start in sheets)
    if len(set(starts)) < len(starts):
        raise _Unsure  # two sheets at one place: crafted
    ends = {start: end for start, end in zip(starts, [*starts[1:], len(stream)], strict=True)}
    for name, start in sheets:
        if start >= len(stream):
            continue  # calamine fails on it: nothing is built
        far = box_far(_places(stream, start, ends[start]))
        if far is not None:
            return FarCell(name, far)
    return None


def _sheets(stream: bytes, records: Iterator[tuple[int, int, int]]) -> list[tuple[str, int]]:
    """(name, offset of its BOF) of every sheet the workbook globals list, in their order;
    a sheet placed inside the globals is crafted."""
    biff8, codepage, end = True, "cp1252", 0
    found: list[tuple[str, int]] = []
    for kind, start, end in records:
        if kind not in _GLOBALS_READ:
            continue
        body = stream[start:end]
        if kind == _FILEPASS and len(body) >= 2 and body[:2] != b"\0\0":
            raise _Unsure  # encrypted: calamine says so itself
        if kind == _BOF and len(body) >= 2:
            version = struct.unpack_from("<H", body)[0]
            kind_of = struct.unpack_from("<H", body, 2)[0] if len(body) >= 4 else 0
            biff8 = version not in _BIFF5_VERSIONS and not (version == 0 and kind_of == 0x1000)
        elif kind == _CODEPAGE and len(body) >= 2:
            codepage = f"cp{struct.unpack_from('<H', body)[0]}"
        elif kind == _BOUNDSHEET and len(body) >= 7:
            found.append((_sheet_name(body, biff8, codepage), struct.unpack_from("<I", body)[0]))
    if any(start < end for _, start in found):
        raise _Unsure
    return found


def _sheet_name(body: bytes, biff8: bool, codepage: str) -> str:
    """A BOUNDSHEET's name: BIFF8 writes it as Latin-1 or UTF-16 by a flag, BIFF5 in the
    workbook's code page (cp1258 for Vietnamese Windows)."""
    length = body[6]
    if biff8 and len(body) >= 8:
        raw = body[8 : 8 + length * (2 if body[7] & 1 else 1)]
        text = raw.decode("utf-16-le" if body[7] & 1 else "latin-1", "replace")
    else:
        raw = body[7 : 7 + length]
        try:
            text = raw.decode(codepage, "replace")
        except LookupError:
            text = raw.decode("cp1252", "replace")
    return text.replace("\0", "")


Place = tuple[int, int, int]  # 0-based row, first and last 0-based column of a run of cells


def _places(stream: bytes, start: int, limit: int) -> Iterator[Place]:
    """(row, first column, last column) of each run of cells a sheet's records place: the
    walk of `_records`, written out once more because it is the one loop a form pays for."""
    unpack, at = _HEADER.unpack_from, start
    while at + 4 <= limit:
        kind, size = unpack(stream, at)
        body, at = at + 4, at + 4 + size
        if at > limit:
            raise _Unsure
        if kind in _CELLS and size >= 4:
            row, column = unpack(stream, body)
            yield row, column, column
        elif kind == _MULRK and size >= 6:
            row, column = unpack(stream, body)
            yield row, column, max(column, struct.unpack_from("<H", stream, at - 2)[0])
        elif kind == _EOF:
            return
    if at != len(stream):
        raise _Unsure


def box_far(places: Iterable[Place]) -> str | None:
    """The A1 place of the first cell outside the window when the sheet's box (rows by
    columns, from its first to its last placed cell, as calamine builds it) is larger than
    the window; else None."""
    top, bottom, left, right = 1 << 32, -1, 1 << 32, -1
    first_far: tuple[int, int] | None = None
    for row, column, last in places:  # comparisons, not min and max: a form has hundreds
        if row < top:
            top = row
        if row > bottom:
            bottom = row
        if column < left:
            left = column
        if last > right:
            right = last
        if first_far is None and (row >= MAX_ROWS or last >= MAX_COLS):
            first_far = (row, column) if row >= MAX_ROWS else (row, max(column, MAX_COLS))
    if first_far is None or (bottom - top + 1) * (right - left + 1) <= _WINDOW_CELLS:
        return None
    return address(first_far[1], first_far[0] + 1)
