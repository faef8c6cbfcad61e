"""Read a plan's appendix table (TT, Nội dung, chủ trì, phối hợp, thời gian) from a document.

Sources: a Markdown/text export with tab-separated rows and HTML fragments in cells, a Word
document, or a workbook. A table broken across pages (header repeated, footnotes between the
pieces, a task continued on a row without TT) reads as one table.
"""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.core.errors import KehoachError
from pipeline.core.text import clean, fold, one_line

COLUMNS = ("tt", "content", "lead", "coord", "timeline")
_HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "tt": ("tt", "stt", "so tt", "so thu tu"),
    "content": ("noi dung", "noi dung nhiem vu", "nhiem vu", "nhiem vu, giai phap"),
    "lead": ("don vi chu tri", "co quan chu tri", "chu tri", "don vi thuc hien"),
    "coord": ("don vi phoi hop", "co quan phoi hop", "phoi hop"),
    "timeline": ("thoi gian thuc hien", "thoi gian hoan thanh", "tien do", "thoi gian", "thoi han"),
}
_ROMAN = re.compile(r"^(?=[IVXL])(L?X{0,3})(IX|IV|V?I{0,3})$")
_BULLET = re.compile(r"^[-–•+*]\s*")


@dataclass
class AppendixTask:
    number: str
    group: str
    content: str
    lead: str
    coord: str
    timeline: str


@dataclass
class Appendix:
    groups: list[tuple[str, str]] = field(default_factory=list)
    tasks: list[AppendixTask] = field(default_factory=list)
    continuations: int = 0
    title: str = ""
    plan_number: str = ""


def header_columns(cells: Sequence[str]) -> dict[str, int] | None:
    """Column positions when `cells` is the appendix header row, else None."""
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        key = fold(one_line(cell)).rstrip(" .:")
        for column, words in _HEADER_WORDS.items():
            if column not in found and key in words:
                found[column] = index
                break
    return found if {"tt", "content", "lead"} <= found.keys() else None


def html_cell(raw: str) -> str:
    """Clean text of an HTML fragment cell: paragraphs and list items as lines, no tags."""
    text = re.sub(r"<sup>.*?</sup>", "", raw, flags=re.S | re.I)
    text = re.sub(r"<br\s*/?>|</p>|</li>|</div>", "\n", text, flags=re.I)
    text = re.sub(r"<[^>]+>", "", text)
    return clean(html.unescape(text))


def _found(first_row: list[str]) -> str:
    """What the reader saw instead of an appendix header, for the message."""
    if not first_row:
        return "không có bảng nào / no table at all"
    return " | ".join(textwrap.shorten(c, 30, placeholder="…") for c in first_row[:6])


def _roman(tt: str) -> bool:
    return bool(tt) and _ROMAN.match(tt.upper()) is not None


def _join_content(before: str, after: str) -> str:
    if not before:
        return after
    if not after:
        return before
    return before + ("\n" if _BULLET.match(after) else " ") + after


def build(rows: Iterable[Sequence[str]], source: str) -> Appendix:
    """Group, task and continuation rows from raw rows; header rows anywhere are skipped."""
    appendix = Appendix()
    columns: dict[str, int] | None = None
    group = ""
    seen_header = False
    first_row: list[str] = []
    for raw in rows:
        cells = list(raw)
        if not first_row and any(c.strip() for c in cells):
            first_row = [one_line(c) for c in cells if c.strip()]
        found = header_columns(cells)
        if found:
            columns, seen_header = found, True
            continue
        if columns is None or not any(c.strip() for c in cells):
            continue
        values = {c: (cells[i] if i < len(cells) else "") for c, i in columns.items()}
        values = {c: clean(v) for c, v in values.items()}
        tt = one_line(values.get("tt", "")).rstrip(".").strip()
        if _roman(tt):
            group = tt.upper()
            appendix.groups.append((group, one_line(values.get("content", ""))))
        elif tt.isdigit():
            appendix.tasks.append(
                AppendixTask(
                    number=str(int(tt)),
                    group=group,
                    content=values.get("content", ""),
                    lead=one_line(values.get("lead", "")),
                    coord=one_line(values.get("coord", "")),
                    timeline=one_line(values.get("timeline", "")),
                )
            )
        elif not tt and appendix.tasks:
            _continue(appendix.tasks[-1], values)
            appendix.continuations += 1
    if not seen_header:
        raise KehoachError("appendix-no-table", file=source, found=_found(first_row))
    if not appendix.tasks:
        raise KehoachError("appendix-no-tasks", file=source)
    return appendix


def _continue(task: AppendixTask, values: dict[str, str]) -> None:
    task.content = _join_content(task.content, values.get("content", ""))
    for column in ("lead", "coord", "timeline"):
        extra = one_line(values.get(column, ""))
        if extra:
            current = getattr(task, column)
            setattr(task, column, f"{current} {extra}".strip())


def from_markdown(text: str, source: str) -> Appendix:
    start = _appendix_start(text)
    rows = (
        [html_cell(cell) for cell in line.split("\t")]
        for line in text[start:].splitlines()
        if "\t" in line
    )
    appendix = build(rows, source)
    _describe(appendix, text)
    return appendix


def _appendix_start(text: str) -> int:
    match = re.search(r"PH[ỤU]\s*L[ỤU]C", text)
    return match.start() if match else 0


def _describe(appendix: Appendix, text: str) -> None:
    """Title and plan number as the document states them (the rest is left to the officer)."""
    body = html_cell(text)
    lines = [one_line(re.sub(r"[#*_]", "", line)) for line in body.splitlines()]
    for index, line in enumerate(lines):
        if fold(line) in {"ke hoach", "ke hoach:"} and index + 1 < len(lines):
            appendix.title = lines[index + 1]
            break
    number = re.search(r"Số:\s*([^\s]*\d[^\s]*/KH-[^\s]+)", body)
    if number:
        appendix.plan_number = number.group(1)


def from_docx(path: Path) -> Appendix:
    import docx  # python-docx; imported here so other commands do not pay for it

    document = docx.Document(str(path))
    rows: list[list[str]] = []
    for table in document.tables:
        for row in table.rows:
            rows.append(_docx_row(row))
    appendix = build(rows, str(path))
    _describe(appendix, "\n".join(p.text for p in document.paragraphs))
    return appendix


def _docx_row(row: Any) -> list[str]:  # python-docx ships no type information
    cells: list[str] = []
    previous = None
    for cell in row.cells:
        if previous is not None and cell._tc is previous:  # a merged cell repeats itself
            cells.append("")
            continue
        previous = cell._tc
        lines = []
        for paragraph in cell.paragraphs:
            text = paragraph.text.strip()
            style = (paragraph.style.name or "") if paragraph.style is not None else ""
            if text and "list" in style.lower() and not _BULLET.match(text):
                text = "- " + text
            lines.append(text)
        cells.append("\n".join(lines))
    return cells


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a TT typed as 1 comes back as 1.0
    return "" if value is None else str(value)


def from_xlsx(path: Path) -> Appendix:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    first: list[str] = []
    for name in workbook.sheet_names:
        rows = [
            [_cell_text(v) for v in row[:30]]
            for row in workbook.get_sheet_by_name(name).to_python(nrows=5000)
        ]
        if any(header_columns(r) for r in rows[:50]):
            return build(rows, str(path))
        first = first or next(
            ([one_line(c) for c in r if c.strip()] for r in rows if any(c.strip() for c in r)), []
        )
    raise KehoachError("appendix-no-table", file=str(path), found=_found(first))


def read(path: Path) -> Appendix:
    suffix = path.suffix.lower()
    readers = {
        ".docx": from_docx,
        ".xlsx": from_xlsx,
        ".xlsm": from_xlsx,
        ".xls": from_xlsx,
        ".ods": from_xlsx,
    }
    try:
        if suffix in readers:
            return readers[suffix](path)
        if suffix in {".md", ".txt", ".markdown", ".tsv"}:
            return from_markdown(path.read_text(encoding="utf-8-sig"), str(path))
    except KehoachError:
        raise
    except BaseException as exc:  # a damaged document; calamine panics are BaseException
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        raise KehoachError(
            "appendix-unreadable", file=str(path), reason=type(exc).__name__
        ) from exc
    raise KehoachError("appendix-unsupported", file=str(path), suffix=suffix or "-")
