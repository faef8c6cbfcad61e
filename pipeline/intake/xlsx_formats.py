"""Which cells of an .xlsx sheet carry a percentage number format.

An agency that types "100%" into the progress column gets the number 1 in a cell formatted as
a percentage; calamine gives the number without its format. Only for such ambiguous cells is
the package consulted: three small XML parts, matched by pattern (nothing is expanded or
resolved, so no entity can be abused).
"""

from __future__ import annotations

import re
import zipfile

_BUILTIN_PERCENT = {9, 10}
_MAX_PART = 50 * 1024 * 1024


def _part(archive: zipfile.ZipFile, name: str) -> str:
    wanted = name.lower()
    info = next((i for i in archive.infolist() if i.filename.lower() == wanted), None)
    if info is None or info.file_size > _MAX_PART:
        return ""
    return archive.read(info).decode("utf-8", "replace")


def sheet_path(archive: zipfile.ZipFile, sheet: str) -> str:
    workbook = _part(archive, "xl/workbook.xml")
    escaped = re.escape(sheet.replace("&", "&amp;"))
    match = re.search(rf'<(?:\w+:)?sheet\b[^>]*name="{escaped}"[^>]*r:id="([^"]+)"', workbook)
    if match is None:
        return ""
    rels = _part(archive, "xl/_rels/workbook.xml.rels")
    target = re.search(
        rf'<Relationship\b[^>]*Id="{re.escape(match.group(1))}"[^>]*Target="'
        r'([^"]+)"',
        rels,
    ) or re.search(
        rf'<Relationship\b[^>]*Target="([^"]+)"[^>]*Id="{re.escape(match.group(1))}"', rels
    )
    if target is None:
        return ""
    path = target.group(1).lstrip("/")
    return path if path.startswith("xl/") else f"xl/{path}"


def _percent_styles(archive: zipfile.ZipFile) -> set[int]:
    styles = _part(archive, "xl/styles.xml")
    custom = {
        int(m.group(1))
        for m in re.finditer(
            r'<numFmt\b[^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*%[^"]*)"', styles
        )
    }
    percent_ids = _BUILTIN_PERCENT | custom
    xfs = re.search(r"<cellXfs\b[^>]*>(.*?)</cellXfs>", styles, flags=re.S)
    if xfs is None:
        return set()
    formats = re.findall(r"<xf\b([^>]*)", xfs.group(1))
    found = set()
    for index, attributes in enumerate(formats):
        number = re.search(r'numFmtId="(\d+)"', attributes)
        if number and int(number.group(1)) in percent_ids:
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
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return set()
    found = set()
    for ref in refs:
        cell = re.search(rf'<c\b[^>]*r="{ref}"[^>]*>', xml)
        style = re.search(r'\bs="(\d+)"', cell.group(0)) if cell else None
        if style and int(style.group(1)) in styles:
            found.add(ref)
    return found
