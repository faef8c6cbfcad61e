"""Cells outside the window the reader looks at, dropped before the workbook parser sees them.

The reader only looks at the first `MAX_ROWS` rows and `MAX_COLS` columns of a sheet, but
calamine builds a sheet's whole rectangle, from its first to its last cell with a value: one
number at GJW2999 in a 14 KB file made it build 15 million cells (seconds, 600 MB), and an
.ods row repeated a million times does the same in 1.5 KB. A cell outside the window is almost
always a stray keystroke; dropping it changes nothing the reader reads, and makes the work
linear in the file's size.

A normal file pays one cheap test per sheet part (`_suspect`: four patterns, no Python loop per
cell). Only a part that fails it is walked (`xlsx_cells`, `ods_cells`), and only a part holding
a cell with a value outside the window is rewritten: those cells are cut out, every other byte
kept, and the package is put together again in memory. Positions are computed as calamine
computes them (a cell's own `r`, its last one; else one right of the previous cell; a row's
first `r`, else one below the previous row), so what stays is read at the same place.

The walk stays linear in the part's size (`xml_tags`): a row whose cells all stand inside the
window by their own `r` is stepped over inside one pattern, and the rows below the window go at
once when nothing among them can stand inside.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile

from pipeline.contracts.form import GUIDE_SHEET, META_SHEET
from pipeline.intake.xlsx_formats import sheet_path
from pipeline.intake.xml_tags import (
    ATTRIBUTE,
    Tag,
    Tags,
    attribute_map,
    cut,
    stepping_over,
    tokenizer,
)

MAX_ROWS = 3_000  # the reader reads no row below this
MAX_COLS = 60  # nor any column right of this (BH)
_MAX_PART = 50 * 1024 * 1024  # a bigger part is left to the reader's limits, as in xlsx_formats
_ZIP_ERRORS = (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, KeyError)

_XLSX_TAGS = tokenizer(rb"(?:[\w.-]+:)?(?:c|row|sheetData)")
_ODS_TAGS = tokenizer(rb"table:(?:table|table-row|table-cell|covered-table-cell)")

# The cheap test, a few patterns each run once over the part. A part passes when every cell
# and row tag is written `<c r="…` or `<row r="…` (an `r` first: Excel, LibreOffice and the
# libraries all write so) and no `r` anywhere names a place outside the window. A cell without
# `r` could stand anywhere; a tag written otherwise (a prefix, a tab) is walked to be sure. The
# patterns over-report (a far `r` in text, a tag in a comment), which only costs that part a
# walk; none can miss a real tag, which starts at a real `<`.
_FAR_PLACE = (  # a reference outside the window, its start: column BI on, or row 3,001 on
    rb"(?:[A-Za-z]{3,}[0-9]|[C-Zc-z][A-Za-z][0-9]|[Bb][I-Zi-z][0-9]"
    rb"|[A-Za-z]{0,2}0*(?:[1-9][0-9]{4}|[4-9][0-9]{3}|3(?:[1-9][0-9]{2}|0[1-9][0-9]|00[1-9])))"
)
_SUSPECTS = (
    re.compile(rb'<c(?! r=")[\s/>]'),
    re.compile(rb'<row(?! r=")[\s/>]'),
    re.compile(rb":(?:c|row)[\s/>]"),
    re.compile(rb"r\s*=\s*[\"']" + _FAR_PLACE),  # a second `r` too: calamine takes a cell's last
)
_RELATIONSHIP = re.compile(rb"<(?:[\w.-]+:)?Relationship(?=[\s/>])([^<>]*)")
_HARMLESS_TYPES = (b"/styles", b"/theme", b"/sharedStrings")


def _suspect(xml: bytes) -> bool:
    return any(pattern.search(xml) is not None for pattern in _SUSPECTS)


def _place(ref: bytes) -> tuple[int, int] | None:
    """(0-based row, 0-based column or -1) of a reference as calamine reads it ("GJW2999",
    "5"), or None when calamine refuses it (the reader then reports the sheet, not us)."""
    letters = ref.rstrip(b"0123456789")
    digits = ref[len(letters) :]
    if not digits or (letters and not letters.isalpha()) or not digits.strip(b"0"):
        return None
    column = 0
    for letter in letters.upper()[:8]:  # eight letters are far past any window already
        column = column * 26 + letter - 64
    row = int(digits) if len(digits) < 16 else 10**15  # int() refuses 4,300 digits
    return row - 1, column - 1


# An `r` that may name a place inside the window (over-reports: a far stretch holding one is
# walked tag by tag), the end of a row and of the sheet's data, what makes a cell hold a value.
_NEAR_R = re.compile(
    rb"r\s*=\s*[\"'](?:[A-Za-z]|[Aa][A-Za-z]|[Bb][A-Ha-h])?0*(?:[1-9][0-9]{0,2}|[12][0-9]{3}|3000)[\"']"
)
_ROW_END = re.compile(rb"</(?:[\w.-]+:)?row\s*>")
_DATA_END = re.compile(rb"</(?:[\w.-]+:)?sheetData\s*>")
_XLSX_VALUE = re.compile(rb"<(?:[\w.-]+:)?(?:v|is|f)(?=[\s/>])")

# A cell tag the walk must look at: without `r`, or with an `r` naming a far place (its first
# or a later one). Any other cell stands where its `r` says, inside the window.
_ASKING = (
    rb"(?:[\w.-]+:)?c(?=[\s/>])(?:(?:(?!\s*r\s*=)" + ATTRIBUTE + rb")*\s*/?>"
    rb"|(?:" + ATTRIBUTE + rb")*?\s*r\s*=\s*[\"']" + _FAR_PLACE + rb")"
    rb"|/?(?:[\w.-]+:)?(?:row|sheetData)[\s/>]"
)
# From just after a row's start tag to its end tag, when nothing on the way asks to be looked
# at: text, comments, values and every other tag stepped over inside the pattern.
_CLEAN_ROW = re.compile(stepping_over(_ASKING) + rb"(?=</(?:[\w.-]+:)?row\s*>)", re.S)


def _clean_row_end(xml: bytes, start: int) -> int | None:
    """Where the end tag of the row whose content starts at `start` stands, when each of its
    cells stands inside the window by its own `r`: nothing to walk there. Else None."""
    found = _CLEAN_ROW.match(xml, start)
    return None if found is None else found.end()


_ROW_START = re.compile(rb"<(?:[\w.-]+:)?row(?=[\s/>])")


def _far_stretch(xml: bytes, start: int, end: re.Pattern[bytes]) -> tuple[int, bool] | None:
    """(where it ends, whether a value is in it) of the stretch from `start` to `end`, when
    nothing in it can stand inside the window: the rest of a row from its first cell right of
    the window, or the rest of the sheet from its first row below it. None: walk it."""
    found = end.search(xml, start)
    if found is None or _NEAR_R.search(xml, start, found.start()) is not None:
        return None
    if end is _ROW_END and _ROW_START.search(xml, start, found.start()) is not None:
        return None  # a cell outside any row: the stretch would take a row's start tag
    return found.start(), _XLSX_VALUE.search(xml, start, found.start()) is not None


def xlsx_cells(xml: bytes) -> bytes | None:
    """The worksheet part without its cells outside the window, or None when no cell with a
    value stands there (a styled empty cell far away costs calamine nothing: left alone).

    A sheet of 300,000 genuine rows is not walked row by row: from its first row below the
    window to the end of its data nothing can stand inside, and that stretch goes at once."""
    edits: list[tuple[int, int, bytes]] = []
    costly = in_data = False
    row = column = 0
    cell: tuple[int, bool] | None = None  # (start, outside) of the cell being read
    tags = Tags(xml, _XLSX_TAGS)
    for tag in tags:
        local = tag.local
        if local == b"sheetData":
            in_data = not tag.closing and not tag.empty
        elif not in_data:
            continue
        elif cell is not None:  # a cell's content, up to its end tag, as calamine reads it
            if tag.closing and local == b"c":
                if cell[1]:
                    edits.append((cell[0], tag.end, b""))
                    costly = True
                cell, column = None, column + 1
        elif local == b"row" and tag.closing:
            row, column = row + 1, 0
        elif local == b"row":
            refs = tag.values(b"r")  # calamine takes a row's first r
            place = _place(refs[0][1]) if refs else (row, 0)
            if place is None:
                return None
            row = place[0]
            stretch = _far_stretch(xml, tag.start, _DATA_END) if row >= MAX_ROWS else None
            if stretch is not None:
                edits.append((tag.start, stretch[0], b""))
                costly = costly or stretch[1]
                tags.skip_to(stretch[0])
            elif tag.empty:
                row, column = row + 1, 0
            elif row < MAX_ROWS and (end := _clean_row_end(xml, tag.end)) is not None:
                tags.skip_to(end)
        elif local == b"c" and not tag.closing:
            refs = tag.values(b"r")  # and a cell's last
            place = _place(refs[-1][1]) if refs else (row, column)
            if place is None or place[1] < 0:
                return None
            column = place[1]
            outside = place[0] >= MAX_ROWS or column >= MAX_COLS
            stretch = _far_stretch(xml, tag.start, _ROW_END) if outside else None
            if stretch is not None:
                edits.append((tag.start, stretch[0], b""))
                costly = costly or stretch[1]
                tags.skip_to(stretch[0])
            elif not tag.empty:
                cell = (tag.start, outside)
            elif outside:
                edits.append((tag.start, tag.end, b""))
                column += 1
            else:
                column += 1
    return cut(xml, edits) if costly else None


_ODS_ROW = b"table:table-row"
_ODS_CELLS = (b"table:table-cell", b"table:covered-table-cell")
_ODS_VALUED = (b"office:value-type", b"table:formula")
_ODS_HOLDERS = tokenizer(rb"table:(?:table|table-row-group|table-header-rows|table-rows)")
_ODS_VALUE = re.compile(rb"office:value-type|table:formula|</table:(?:covered-)?table-cell>")


def _repeats(tag: Tag, key: bytes) -> tuple[int, int, int] | None:
    """(count, offset, length) of a repeat attribute (1 when absent); None when calamine
    would refuse it. calamine reads the first one."""
    found = tag.values(key) if key in tag.attributes else []
    if not found:
        return 1, tag.start, 0
    at, raw = found[0]
    if not raw.isdigit():
        return None
    return (int(raw) if len(raw) < 19 else 10**18), at, len(raw)


def _parent_end(xml: bytes, start: int) -> int | None:
    """Where the element holding the row at `start` ends (its end tag's start): its table,
    or the row group or header rows it stands in. Tables inside cells are counted in and out."""
    depth = 0
    tags = Tags(xml, _ODS_HOLDERS)
    tags.skip_to(start)
    for tag in tags:
        depth += 0 if tag.empty else -1 if tag.closing else 1
        if depth < 0:
            return tag.start
    return None


def ods_cells(xml: bytes) -> bytes | None:
    """content.xml without its rows and cells outside the window (a repeat that crosses the
    edge is cut at it), or None when no cell that may hold a value stands outside.

    Rows count from each `table:table`, by their repeats, inside row groups and header rows
    too; cells count from each row, by theirs, covered cells included. What a cell holds (text,
    even a table in the cell) is stepped over by depth. The first row below the window goes
    with every row after it in its table (or row group), at once. As in calamine, names carry
    the `table:` prefix."""
    edits: list[tuple[int, int, bytes]] = []
    costly = in_row = False
    next_row = column = 0
    depth, cell_start, cell_cut = 0, 0, False  # inside a cell: its depth, start, fate
    tags = Tags(xml, _ODS_TAGS)
    for tag in tags:
        if depth:
            depth += 0 if tag.empty else -1 if tag.closing else 1
            if depth == 0 and cell_cut:
                edits.append((cell_start, tag.end, b""))
            continue
        if tag.name == b"table:table" and not tag.closing:
            next_row = 0
        elif tag.name == _ODS_ROW and tag.closing:
            in_row = False
        elif tag.name == _ODS_ROW and next_row >= MAX_ROWS:
            end = _parent_end(xml, tag.start)
            if end is None:
                return None
            edits.append((tag.start, end, b""))
            costly = costly or _ODS_VALUE.search(xml, tag.start, end) is not None
            tags.skip_to(end)
        elif tag.name == _ODS_ROW:
            repeats = _repeats(tag, b"table:number-rows-repeated")
            if repeats is None:
                return None
            count, at, length = repeats
            if next_row + count > MAX_ROWS:
                edits.append((at, at + length, b"%d" % (MAX_ROWS - next_row)))
            next_row, column, in_row = next_row + count, 0, not tag.empty
        elif tag.name in _ODS_CELLS and not tag.closing and in_row:
            repeats = _repeats(tag, b"table:number-columns-repeated")
            if repeats is None:
                return None
            count, at, length = repeats
            valued = not tag.empty or any(k in tag.attributes for k in _ODS_VALUED)
            crosses = next_row > MAX_ROWS or column + count > MAX_COLS
            costly = costly or (valued and count > 0 and crosses)
            cell_cut = column >= MAX_COLS
            if not cell_cut and column + count > MAX_COLS:
                edits.append((at, at + length, b"%d" % (MAX_COLS - column)))
            column += count
            if not tag.empty:
                depth, cell_start = 1, tag.start
            elif cell_cut:
                edits.append((tag.start, tag.end, b""))
    return cut(xml, edits) if costly else None


def trimmed(data: bytes, kind: str, archive: zipfile.ZipFile | None) -> bytes | None:
    """The package with its cells outside the window dropped, or None when it has none (the
    case of every normal file) or is not a package this module knows (.xls, .xlsb)."""
    if archive is None or kind not in ("xlsx", "ods"):
        return None
    try:
        if kind == "ods":
            parts = [i for i in archive.infolist() if i.filename == "content.xml"]
            walk = ods_cells
        else:
            unread = _unread_guide(archive)
            parts = [i for i in _sheet_parts(archive) if i.filename.lower() != unread]
            walk = xlsx_cells
        replaced: dict[str, bytes] = {}
        for info in parts:
            if info.file_size > _MAX_PART:
                continue
            xml = archive.read(info)
            if kind == "xlsx" and not _suspect(xml):
                continue
            new = walk(xml)
            if new is not None:
                replaced[info.filename] = new
        return _repack(archive, replaced) if replaced else None
    except _ZIP_ERRORS:  # a damaged package: the workbook parser judges it, as before
        return None


def _unread_guide(archive: zipfile.ZipFile) -> str:
    """The part of our form's own guide sheet, which the reader does not read (see
    `reader._read_workbook`), so it need not be tested either: two fifths of a form's sheet
    bytes. "" when the workbook is not one of our forms."""
    if not sheet_path(archive, META_SHEET):
        return ""
    return sheet_path(archive, GUIDE_SHEET).lower()


def _sheet_parts(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """Every XML part that may be a worksheet: all of them but the document properties, the
    workbook, and the parts the workbook names as styles, theme or shared strings (unless it
    also names them as something else: a sheet is found by the same relationships)."""
    by_name = {i.filename.replace("\\", "/").lower(): i for i in archive.infolist()}
    harmless: set[str] = set()
    named: set[str] = set()
    for name, info in by_name.items():
        if not name.endswith("_rels/workbook.xml.rels") or info.file_size > _MAX_PART:
            continue
        base = name[: -len("_rels/workbook.xml.rels")]
        harmless.add(base + "workbook.xml")
        for match in _RELATIONSHIP.finditer(archive.read(info)):
            attributes = attribute_map(match.group(1))
            target = attributes.get(b"Target", b"").decode("utf-8", "replace").replace("\\", "/")
            path = target.lstrip("/") if target.startswith("/") else base + target
            path = posixpath.normpath(path).lower()
            kind = attributes.get(b"Type", b"")
            (harmless if kind.endswith(_HARMLESS_TYPES) else named).add(path)
    return [
        info
        for name, info in by_name.items()
        if name.endswith(".xml")
        and not name.startswith("docprops/")
        and name != "[content_types].xml"
        and (name not in harmless or name in named)
    ]


def _repack(archive: zipfile.ZipFile, replaced: dict[str, bytes]) -> bytes:
    """The package again, in its order, with the rewritten parts; stored, not compressed (only
    a file with far cells pays this, and the parser reads stored parts fastest)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as package:
        for info in archive.infolist():
            data = replaced.get(info.filename)
            package.writestr(info.filename, archive.read(info) if data is None else data)
    return out.getvalue()
