"""Large tables written straight into the package: xlsxwriter lays out each sheet (widths,
header, filters, frozen panes, conditional formats, printing), then the data rows are
spliced in as inline-string XML, which is several times faster than cell-by-cell writing.

Used only for sheets whose data area nothing else writes into (`Chi tiết`, `Nhóm …`,
`Kiểm tra`, `Nhật ký`) and only when they are large.
"""

from __future__ import annotations

import math
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pipeline.core.cells import column_letter

_EPOCH = datetime(1899, 12, 30)
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ROW = re.compile(r'<row r="(\d+)"[^>]*?(?:/>|>.*?</row>)', re.S)


@dataclass
class Splice:
    """Rows to put into one sheet: the values, their styles and their heights."""

    part: str  # e.g. xl/worksheets/sheet7.xml
    first_row: int  # 1-based Excel row of the first data row
    columns: list[list[Any]]  # values, column by column
    styles: list[tuple[int, int, int, int]]  # per column: text, number, date, datetime xf
    heights: list[float]  # per row; 0 leaves the default height


def _escape(text: str) -> str:
    text = _ILLEGAL.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _body(value: Any, styles: tuple[int, int, int, int]) -> str:
    """Everything of a cell after its reference: `<c r="B7"` + this."""
    kind = type(value)
    if kind is str:
        return (
            f' s="{styles[0]}" t="inlineStr"><is><t xml:space="preserve">'
            f"{_escape(value)}</t></is></c>"
        )
    if kind is bool:
        return _body("Có" if value else "Không", styles)
    if isinstance(value, int | float):
        return f' s="{styles[1]}"><v>{value!r}</v></c>'
    if isinstance(value, datetime):
        serial = (value.replace(tzinfo=None) - _EPOCH).total_seconds() / 86400
        return f' s="{styles[3]}"><v>{serial!r}</v></c>'
    if isinstance(value, date):
        serial = (datetime(value.year, value.month, value.day) - _EPOCH).days
        return f' s="{styles[2]}"><v>{serial}</v></c>'
    return _body(str(value), styles)


def _blank(value: Any) -> bool:
    return (
        value is None
        or value == ""
        or value is _NAT
        or (type(value) is float and math.isnan(value))
    )


_NAT: Any = None
try:  # pandas' missing-time marker, compared by identity
    import pandas as _pd

    _NAT = _pd.NaT
except ImportError:  # pragma: no cover - pandas is a dependency
    pass


def _bodies(values: list[Any], styles: tuple[int, int, int, int]) -> list[str | None]:
    """A column's cell bodies, None for blanks; each distinct value is escaped once.

    Columns repeat themselves (agency names, status words, task numbers), so a 50,000-row
    table has far fewer distinct values than cells.
    """
    made: dict[tuple[type, Any], str] = {}
    bodies: list[str | None] = []
    for value in values:
        if _blank(value):
            bodies.append(None)
            continue
        try:
            key = (type(value), value)
            body = made.get(key)
        except TypeError:  # an unhashable value (a list): shown as text, like any other
            bodies.append(_body(value, styles))
            continue
        if body is None:
            body = made[key] = _body(value, styles)
        bodies.append(body)
    return bodies


def rows_xml(splice: Splice) -> str:
    letters = [column_letter(i + 1) for i in range(len(splice.columns))]
    columns = [
        _bodies(values, styles)
        for values, styles in zip(splice.columns, splice.styles, strict=True)
    ]
    parts: list[str] = []
    for offset, cells in enumerate(zip(*columns, strict=True)):
        row = str(splice.first_row + offset)
        height = splice.heights[offset]
        attributes = f' ht="{height}" customHeight="1"' if height else ""
        parts.append(f'<row r="{row}"{attributes}>')
        parts.extend(
            f'<c r="{letter}{row}"{body}'
            for letter, body in zip(letters, cells, strict=True)
            if body is not None
        )
        parts.append("</row>")
    return "".join(parts)


def splice_into(package: Path, splices: list[Splice]) -> None:
    """Rewrite the package with each splice's rows placed inside its sheet's sheetData."""
    if not splices:
        return
    by_part = {s.part: s for s in splices}
    source = zipfile.ZipFile(package)
    rewritten = package.with_suffix(".splice")
    with zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename in by_part:
                data = _splice_sheet(data.decode("utf-8"), by_part[info.filename]).encode()
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
    source.close()
    rewritten.replace(package)


def _splice_sheet(xml: str, splice: Splice) -> str:
    start = xml.index("<sheetData")
    end = xml.index("</sheetData>") if "</sheetData>" in xml else -1
    if end < 0:  # an empty <sheetData/>
        close = xml.index("/>", start) + 2
        head, existing, tail = xml[:start], "", xml[close:]
    else:
        open_end = xml.index(">", start) + 1
        head, existing, tail = xml[:start], xml[open_end:end], xml[end + len("</sheetData>") :]
    before = [m.group(0) for m in _ROW.finditer(existing) if int(m.group(1)) < splice.first_row]
    after = [m.group(0) for m in _ROW.finditer(existing) if int(m.group(1)) >= splice.first_row]
    body = "".join(before) + rows_xml(splice) + "".join(after)
    last_row = splice.first_row + max(len(splice.columns[0]) if splice.columns else 0, 1) - 1
    last_col = column_letter(max(len(splice.columns), 1))
    head = re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="A1:{last_col}{last_row}"/>', head)
    return f"{head}<sheetData>{body}</sheetData>{tail}"
