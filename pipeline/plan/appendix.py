"""A plan document's appendix as groups and tasks, ready for the task matrix (Contract 1).

Sources: Word (.docx), Markdown or text (pipe tables, tab-separated rows, HTML tables), web
pages (.html) and workbooks (.xlsx, .xlsm, .xls, .ods). Nothing is dropped silently: every
column is mapped or kept as an extra column; every row is a group, a task, a continuation
joined to the row above, or listed as skipped; a renumbering keeps the printed numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.contracts.matrix import TASK_SOURCE_NUMBER
from pipeline.core.errors import KehoachError
from pipeline.core.text import fold, one_line
from pipeline.plan import numbering as nb
from pipeline.plan import source_docx, source_guard, source_html, source_markdown, source_xlsx
from pipeline.plan.appendix_table import RawRow, describe_first_row, read_table
from pipeline.plan.source_rows import SourceDocument, html_cell

_BULLET = re.compile(r"^(?:[-–•+*]|[a-zđ]\))\s*")  # a line of its own: "- …", "a) …"
_AGENCY_FIELDS = ("lead", "coord")


@dataclass
class AppendixGroup:
    numeral: str  # as written to the matrix: a Roman numeral
    title: str
    source_number: str = ""  # as printed in the plan ("A", "1", "II"; "" for a bold heading)
    extras: dict[str, str] = field(default_factory=dict)


@dataclass
class AppendixTask:
    number: str  # as written to the matrix: 1, 2, 3 …
    group: str
    content: str
    lead: str
    coord: str
    timeline: str
    source_number: str = ""
    extras: dict[str, str] = field(default_factory=dict)


@dataclass
class Appendix:
    groups: list[AppendixGroup] = field(default_factory=list)
    tasks: list[AppendixTask] = field(default_factory=list)
    continuations: int = 0
    title: str = ""
    plan_number: str = ""
    text: str = ""  # the document's text outside the appendix
    mapped: dict[str, str] = field(default_factory=dict)  # field -> header as printed
    kept: list[str] = field(default_factory=list)  # extra columns carried to the matrix
    empty: list[str] = field(default_factory=list)  # extra columns with nothing in them
    renumbered: bool = False
    other_headings: list[str] = field(default_factory=list)  # headings that are not groups
    skipped: list[str] = field(default_factory=list)  # rows that are none of the above
    implicit_group: bool = False

    @property
    def extra_headers(self) -> list[str]:
        return ([TASK_SOURCE_NUMBER] if self.renumbered else []) + self.kept


@dataclass
class _Entry:
    raw: RawRow
    label: str
    kind: str
    joined: list[RawRow] = field(default_factory=list)


def _label_of(raw: RawRow) -> tuple[str, str]:
    """The row's number as printed and its kind; a merged "I. Title" cell gives its title."""
    tt = one_line(raw.values.get("tt", ""))
    if "tt" in raw.continued:
        tt = ""
    kind = nb.label_kind(tt)
    if kind == nb.OTHER and (split := nb.split_leading_label(tt)):
        label, title = split
        if not raw.values.get("content") or one_line(raw.values["content"]) == tt:
            raw.values["content"] = title
        return nb.normal_label(label), nb.label_kind(label)
    has_agency = any(raw.values.get(f) for f in _AGENCY_FIELDS)
    if kind == nb.NONE and not has_agency:
        split = nb.split_leading_label(raw.values.get("content", ""))
        if split and nb.label_kind(split[0]) in (nb.LETTER, nb.ROMAN_KIND):
            raw.values["content"] = split[1]
            return nb.normal_label(split[0]), nb.label_kind(split[0])
        if raw.bold:
            return "", nb.BOLD
    return nb.normal_label(tt), kind


def _entries(rows: list[RawRow], appendix: Appendix) -> list[_Entry]:
    entries: list[_Entry] = []
    for raw in rows:
        label, kind = _label_of(raw)
        if kind in nb.NUMBERED or kind == nb.BOLD:
            entries.append(_Entry(raw, label, kind))
        elif entries:
            if kind == nb.SUB_ITEM and raw.values.get("content"):
                raw.values["content"] = f"{label} {raw.values['content']}"
            entries[-1].joined.append(raw)
            appendix.continuations += 1
        else:
            appendix.skipped.append(_row_text(raw))
    return entries


def _row_text(raw: RawRow) -> str:
    return one_line(" | ".join(v for v in (*raw.values.values(), *raw.extras.values()) if v))


def _join_text(before: str, after: str, *, lines: bool) -> str:
    if not before or not after:
        return before or after
    if before.endswith(after):  # a cell merged down, read again on the row below
        return before
    glue = "\n" if lines and _BULLET.match(after) else " "
    return before + glue + after


def _merged(entry: _Entry) -> tuple[dict[str, str], dict[str, str]]:
    """The entry's fields with its continuation rows joined (merged-down cells once)."""
    values = {k: (v if k == "content" else one_line(v)) for k, v in entry.raw.values.items()}
    extras = dict(entry.raw.extras)
    for raw in entry.joined:
        for name, value in raw.values.items():
            if name != "tt" and name not in raw.continued:
                text = value if name == "content" else one_line(value)
                values[name] = _join_text(values.get(name, ""), text, lines=name == "content")
        for name, value in raw.extras.items():
            if name not in raw.continued:
                extras[name] = _join_text(extras.get(name, ""), one_line(value), lines=False)
    return values, extras


def roman(number: int) -> str:
    out = ""
    for value, text in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out, number = out + text, number - value
    return out


def assemble(rows: list[RawRow], appendix: Appendix) -> None:
    entries = _entries(rows, appendix)
    items = [
        nb.Item(e.label, e.kind, any(e.raw.values.get(f) for f in _AGENCY_FIELDS)) for e in entries
    ]
    group_level = nb.arrange(items)
    group_rows = [
        i
        for i, item in enumerate(items)
        if item.heading and group_level is not None and int(item.level * 2) == group_level
    ]
    task_rows = [i for i, item in enumerate(items) if not item.heading]
    groups_kept = all(items[i].kind == nb.ROMAN_KIND for i in group_rows) and len(
        {items[i].label for i in group_rows}
    ) == len(group_rows)
    tasks_kept = all(items[i].kind == nb.ARABIC for i in task_rows) and len(
        {items[i].label for i in task_rows}
    ) == len(task_rows)
    appendix.renumbered = not (groups_kept and tasks_kept)
    printed = {i: item.label for i, item in enumerate(items)}
    for rows_ in (group_rows, task_rows):  # a number printed twice is told apart by its path
        if len({items[i].label for i in rows_}) < len(rows_):
            printed.update({i: _path(items, i) for i in rows_})
    numerals: dict[int, str] = {}
    for order, index in enumerate(group_rows, start=1):
        values, extras = _merged(entries[index])
        numerals[index] = items[index].label if groups_kept else roman(order)
        appendix.groups.append(
            AppendixGroup(
                numerals[index], one_line(values.get("content", "")), printed[index], extras
            )
        )
    for index, item in enumerate(items):
        if item.heading and index not in numerals:
            title = one_line(_merged(entries[index])[0].get("content", ""))
            appendix.other_headings.append(f"{item.label}. {title}" if item.label else title)
    for order, index in enumerate(task_rows, start=1):
        values, extras = _merged(entries[index])
        group = nb.group_of(items, index, group_level)
        if group not in numerals:
            group = None
        appendix.tasks.append(
            AppendixTask(
                number=str(int(items[index].label)) if tasks_kept else str(order),
                group=numerals[group] if group is not None else "",
                content=values.get("content", ""),
                lead=values.get("lead", ""),
                coord=values.get("coord", ""),
                timeline=values.get("timeline", ""),
                source_number=printed[index],
                extras=extras,
            )
        )
    if any(not task.group for task in appendix.tasks):
        _implicit_group(appendix)


def _path(items: list[nb.Item], index: int) -> str:
    """ "B.I.1": the printed labels of the headings above a row, then its own."""
    labels = [items[index].label]
    parent = items[index].parent
    while parent is not None:
        label = items[parent].label
        if label and not labels[0].startswith(f"{label}."):
            labels.insert(0, label)
        parent = items[parent].parent
    return ".".join(labels)


def _implicit_group(appendix: Appendix) -> None:
    """Tasks printed before any group heading go into a first group of their own."""
    appendix.implicit_group = True
    taken = {g.numeral for g in appendix.groups}
    numeral = next(roman(n) for n in range(1, 100) if roman(n) not in taken)
    appendix.groups.insert(0, AppendixGroup(numeral, appendix.title or "Nhiệm vụ"))
    for task in appendix.tasks:
        task.group = task.group or numeral


def build(rows: SourceDocument, source: str) -> Appendix:
    table = read_table(rows.rows)
    if not table.found:
        if not table.first_row:
            raise KehoachError("appendix-no-table-empty", file=source)
        raise KehoachError(
            "appendix-no-table", file=source, found=describe_first_row(table.first_row)
        )
    appendix = Appendix(text=rows.text, mapped=dict(table.mapped))
    _describe(appendix, rows.text)
    assemble(table.rows, appendix)
    if not appendix.tasks:
        raise KehoachError(
            "appendix-no-tasks", file=source, header=" | ".join(table.mapped.values())
        )
    extras = [t.extras for t in appendix.tasks] + [g.extras for g in appendix.groups]
    filled = {name for values in extras for name, value in values.items() if value.strip()}
    appendix.kept = [h for h in table.extra_headers if h in filled]
    appendix.empty = [h for h in table.extra_headers if h not in filled and h not in table.unnamed]
    return appendix


def _describe(appendix: Appendix, text: str) -> None:
    """Title and plan number as the document states them (the rest is left to the officer)."""
    body = html_cell(text)
    lines = [one_line(re.sub(r"[#*_]", "", line)) for line in body.splitlines()]
    lines = [line for line in lines if line]
    for index, line in enumerate(lines):
        if fold(line) in {"ke hoach", "ke hoach:"} and index + 1 < len(lines):
            appendix.title = lines[index + 1]
            break
    number = re.search(r"Số:\s*([^\s]*\d[^\s]*/KH-[^\s]+)", body)
    if number:
        appendix.plan_number = number.group(1)


def _text_reader(parse: Callable[[str], SourceDocument]) -> Callable[[Path], SourceDocument]:
    return lambda path: parse(path.read_text(encoding="utf-8-sig", errors="replace"))


READERS: dict[str, Callable[[Path], SourceDocument]] = {
    ".docx": source_docx.read,
    ".xlsx": source_xlsx.read,
    ".xlsm": source_xlsx.read,
    ".xls": source_xlsx.read,
    ".ods": source_xlsx.read,
    ".md": _text_reader(source_markdown.read),
    ".markdown": _text_reader(source_markdown.read),
    ".txt": _text_reader(source_markdown.read),
    ".tsv": _text_reader(source_markdown.read),
    ".html": _text_reader(source_html.read),
    ".htm": _text_reader(source_html.read),
}


def read(path: Path) -> Appendix:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise KehoachError("appendix-unsupported", file=str(path), suffix=path.suffix or "-")
    source_guard.check_unpacked_size(path)
    try:
        document = reader(path)
    except KehoachError:
        raise
    except BaseException as exc:  # a damaged document; calamine panics are BaseException
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        raise KehoachError(
            "appendix-unreadable", file=str(path), reason=type(exc).__name__
        ) from exc
    return build(document, str(path))
