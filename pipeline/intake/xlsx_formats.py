"""What calamine does not say about an .xlsx sheet: which cells carry a percentage number
format, and which hold a formula with no saved value.

An agency that types "100%" into the progress column gets the number 1 in a cell formatted as
a percentage; calamine gives the number without its format. Only for such ambiguous cells is
the package consulted: three small XML parts, matched by pattern (nothing is expanded or
resolved, so no entity can be abused).

Every pattern here matches one tag, `<name` up to the next `<` or `>`, and each part is walked
once: the work is linear in the part's size whatever the file holds (a pattern that searched
the sheet once per cell made a crafted 7.5 MB file cost a reader its whole time limit).
"""

from __future__ import annotations

import html
import re
import zipfile
from collections.abc import Iterator

from pipeline.intake.container import Package

_BUILTIN_PERCENT = {9, 10}
_MAX_PART = 50 * 1024 * 1024
_ATTRIBUTE = re.compile(r'([\w:]+)="([^"]*)"')


def _raw_part(archive: zipfile.ZipFile, name: str) -> bytes:
    wanted = name.lower()
    info = next((i for i in archive.infolist() if i.filename.lower() == wanted), None)
    if info is None or info.file_size > _MAX_PART:
        return b""
    return archive.read(info)


def _part(archive: zipfile.ZipFile, name: str) -> str:
    return _raw_part(archive, name).decode("utf-8", "replace")


def _tags(xml: str, name: str, start: int = 0, end: int | None = None) -> Iterator[dict[str, str]]:
    """The attributes of each `<name …>` (or `<prefix:name …>`) tag, in one pass."""
    pattern = re.compile(rf"<(?:\w+:)?{name}\b([^<>]*)")
    for match in pattern.finditer(xml, start, len(xml) if end is None else end):
        yield {
            key.rsplit(":", 1)[-1] if key != "r:id" else key: value
            for key, value in _ATTRIBUTE.findall(match.group(1))
        }


def sheet_path(archive: zipfile.ZipFile, sheet: str) -> str:
    """The package part of the sheet named `sheet`, "" when there is none."""
    return sheet_paths(archive).get(sheet, "")


def sheet_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each sheet's name -> its package part. A returned package is asked three or four
    times and keeps the answer (`Package.memo`)."""
    memo = archive.memo if isinstance(archive, Package) else None
    if memo is not None and "sheet_paths" in memo:
        return memo["sheet_paths"]
    found = _sheet_paths(archive)
    if memo is not None:
        memo["sheet_paths"] = found
    return found


def _sheet_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    workbook = _part(archive, "xl/workbook.xml")
    ids: dict[str, str] = {}
    for a in _tags(workbook, "sheet"):
        # compared unescaped: writers differ on &apos;, &#39; and &quot; in a name
        ids.setdefault(html.unescape(a.get("name", "")), a.get("r:id", a.get("id", "")))
    ids = {name: rid for name, rid in ids.items() if rid}
    if not ids:
        return {}
    targets: dict[str, str] = {}
    for a in _tags(_part(archive, "xl/_rels/workbook.xml.rels"), "Relationship"):
        targets.setdefault(a.get("Id", ""), a.get("Target", ""))
    paths = {}
    for name, rid in ids.items():
        path = targets.get(rid, "").lstrip("/")
        if path:
            paths[name] = path if path.startswith("xl/") else f"xl/{path}"
    return paths


def _percent_styles(archive: zipfile.ZipFile) -> set[int]:
    styles = _part(archive, "xl/styles.xml")
    percent_ids = set(_BUILTIN_PERCENT)
    for attributes in _tags(styles, "numFmt"):
        number = attributes.get("numFmtId", "")
        if number.isdigit() and "%" in attributes.get("formatCode", ""):
            percent_ids.add(int(number))
    start = styles.find("<cellXfs")
    end = styles.find("</cellXfs>", start)
    if start < 0 or end < 0:
        return set()
    found = set()
    for index, attributes in enumerate(_tags(styles, "xf", start, end)):
        number = attributes.get("numFmtId", "")
        if number.isdigit() and int(number) in percent_ids:
            found.add(index)
    return found


def percent_cells(archive: zipfile.ZipFile, sheet: str, refs: list[str]) -> set[str]:
    """The subset of `refs` (A1 addresses) whose cells have a percentage format."""
    if not refs:
        return set()
    try:
        path = sheet_path(archive, sheet)
        xml = _part(archive, path) if path else ""
        styles = _percent_styles(archive) if xml else set()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
        return set()
    wanted = set(refs)
    found = set()
    for attributes in _tags(xml, "c"):
        ref = attributes.get("r", "")
        style = attributes.get("s", "")
        if ref in wanted and style.isdigit() and int(style) in styles:
            found.add(ref)
    return found


_CELL_TAG = re.compile(r"<(?:\w+:)?c\b([^<>]*?)(/?)>")
_FORMULA = re.compile(r"<(?:\w+:)?f\b[^<>]*?(?:/>|>([^<]*)</(?:\w+:)?f>)")
_VALUE = re.compile(r"<(?:\w+:)?v>[^<]")
_EMPTY_VALUE = re.compile(r"<(?:\w+:)?v(?:/>|></(?:\w+:)?v>)")
_ANY_FORMULA = re.compile(rb"<(?:\w+:)?f[\s/>]")


def has_formulas(archive: zipfile.ZipFile, sheet: str) -> bool:
    """Whether the sheet holds any formula: most returns hold none, and then no cell needs a
    look (listing every cell cost 0.6 ms a file)."""
    try:
        path = sheet_path(archive, sheet)
        return bool(path) and _ANY_FORMULA.search(_raw_part(archive, path)) is not None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
        return False


def unsaved_formulas(archive: zipfile.ZipFile, sheet: str, refs: list[str]) -> dict[str, str]:
    """Of `refs` (cells calamine read as empty), those holding a formula with no saved value,
    with the formula's text: a file written by a tool that does not compute (openpyxl, some
    exports) keeps the formula only, and the answer is unknown until Excel saves it again.
    Excel's own empty text result (`t="str"` and an empty value) is a saved value.

    One pass over the sheet: a cell's content is the text up to the next cell tag, and those
    stretches do not overlap, so the work stays linear however the cells are written."""
    if not refs:
        return {}
    try:
        path = sheet_path(archive, sheet)
        xml = _part(archive, path) if path else ""
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
        return {}
    wanted = set(refs)
    tags = list(_CELL_TAG.finditer(xml))
    found: dict[str, str] = {}
    for index, tag in enumerate(tags):
        attributes = dict(_ATTRIBUTE.findall(tag.group(1)))
        if tag.group(2) or attributes.get("r", "") not in wanted:
            continue
        end = tags[index + 1].start() if index + 1 < len(tags) else len(xml)
        content = xml[tag.end() : end]
        formula = _FORMULA.search(content)
        if formula is None or _VALUE.search(content):
            continue
        if attributes.get("t") == "str" and _EMPTY_VALUE.search(content):
            continue  # Excel computed an empty text
        found[attributes["r"]] = "=" + html.unescape(formula.group(1) or "")[:80]
    return found
