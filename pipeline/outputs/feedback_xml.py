"""Small, careful pieces for editing an agency's .xlsx package as text.

Text goes into XML through `xml_text` only: XML 1.0 cannot hold most control characters, so
they are written the way Excel writes them (`_x0001_`), and text that merely looks like such
an escape is protected (`_x005F_`), so that what the agency typed reads back unchanged.
`top_level` finds the direct children of a part's root by counting depth: a search for the
first `<extLst` would find one nested inside a conditional format or a sheet view.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LOOKS_ESCAPED = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
_TOKEN = re.compile(
    r"<!--.*?-->|<\?.*?\?>|<!\[CDATA\[.*?\]\]>|<!.*?>"
    r"|<(/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(/?)>",
    re.S,
)

_OPAQUE = frozenset({"sheetData"})  # children that hold no element that could mislead


class Unexpected(Exception):
    """The package is not shaped as expected: the caller takes the slower, general route."""


def excel_escaped(value: object) -> str:
    """`value` with the characters XML cannot hold written as Excel writes them (`_x0001_`),
    and text that only looks like such an escape protected, so it reads back as typed."""
    text = _LOOKS_ESCAPED.sub(r"_x005F_\1", str(value))
    return _NOT_IN_XML.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


# (not xml.sax.saxutils: importing it loads urllib, http and ssl, 30 ms of every run)
_XML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def xml_text(value: object) -> str:
    """`value` as XML character data or a double-quoted attribute value."""
    return excel_escaped(value).translate(_XML_ESCAPES)


@dataclass(frozen=True)
class Element:
    name: str  # local name; for mc:AlternateContent, the name of the element it wraps
    start: int
    end: int


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1]


def top_level(xml: str, root: str) -> tuple[int, int, list[Element]]:
    """(end of the root's start tag, start of its end tag, its direct children).

    The root must be `root` in the default namespace: an element added without a prefix then
    lands in the right namespace."""
    depth = 0
    opened = closed = -1
    children: list[Element] = []
    current: tuple[str, int] | None = None
    position = 0
    while (token := _TOKEN.search(xml, position)) is not None:
        position = token.end()
        slash, name, _, empty = token.groups()
        if name is None:
            continue  # a comment, processing instruction or declaration
        if depth == 1 and not slash and not empty and name in _OPAQUE:
            # Rows and cells only, and most of the part: step over them to the end tag.
            position = xml.find(f"</{name}>", position)
            if position < 0:
                raise Unexpected(f"{name} is not closed")
        if not slash:
            if depth == 0:
                if name != root:
                    raise Unexpected(f"root {name}")
                opened = token.end()
            elif depth == 1:
                current = (_local(name), token.start())
            elif depth == 3 and current is not None and current[0] == "AlternateContent":
                current = (_local(name), current[1])  # the Choice's content names the place
            if empty:
                if depth == 1 and current is not None:
                    children.append(Element(current[0], current[1], token.end()))
                    current = None
                continue
            depth += 1
            continue
        depth -= 1
        if depth == 1 and current is not None:
            children.append(Element(current[0], current[1], token.end()))
            current = None
        elif depth == 0:
            closed = token.start()
    if opened < 0 or closed < 0 or depth != 0:
        raise Unexpected(f"{root} is not well formed")
    return opened, closed, children


class Styles:
    """Appends fonts, fills, borders and cell formats to styles.xml, keeping what is there."""

    BLOCKS = ("fonts", "fills", "borders", "cellXfs")

    def __init__(self, xml: str) -> None:
        self.xml = xml
        self.xfs = self._items("cellXfs", "xf")
        self.counts = {block: len(self._items(block, block[:-1])) for block in self.BLOCKS[:3]}
        self.counts["cellXfs"] = len(self.xfs)
        self.added: dict[str, list[str]] = {block: [] for block in self.BLOCKS}

    def _items(self, block: str, item: str) -> list[str]:
        match = re.search(rf"<{block}\b[^>]*>(.*?)</{block}>", self.xml, flags=re.S)
        if match is None:
            raise Unexpected(block)
        pattern = rf"<{item}\b[^>]*/>|<{item}\b[^>]*>.*?</{item}>"
        return re.findall(pattern, match.group(1), flags=re.S)

    def add(self, block: str, xml: str) -> int:
        """The index of `xml` in `block`, appended once however often it is asked for."""
        items = self.added[block]
        if xml not in items:
            items.append(xml)
        return self.counts[block] + items.index(xml)

    def variant(self, style: int, **ids: int) -> int:
        """A copy of cell format `style` with other font, fill or border ids."""
        if style >= len(self.xfs):
            raise Unexpected(f"style {style}")
        xf = self.xfs[style]
        head = re.match(r"<xf\b[^>]*?(?=/?>)", xf)
        if head is None:
            raise Unexpected(xf)
        tag = head.group(0)
        for name, value in ids.items():
            tag = _with_attribute(tag, f"{name}Id", str(value))
            tag = _with_attribute(tag, f"apply{name.capitalize()}", "1")
        return self.add("cellXfs", tag + xf[head.end() :])

    def render(self) -> str:
        xml = self.xml
        for block, items in self.added.items():
            if not items:
                continue
            match = re.search(rf"<{block}\b([^>]*)>(.*?)</{block}>", xml, flags=re.S)
            if match is None:
                raise Unexpected(block)
            total = self.counts[block] + len(items)
            attributes = re.sub(r'\bcount="\d+"', f'count="{total}"', match.group(1))
            xml = (
                f"{xml[: match.start()]}<{block}{attributes}>{match.group(2)}"
                f"{''.join(items)}</{block}>{xml[match.end() :]}"
            )
        return xml


def _with_attribute(tag: str, name: str, value: str) -> str:
    if re.search(rf'\s{name}="[^"]*"', tag):
        return re.sub(rf'(\s){name}="[^"]*"', rf'\g<1>{name}="{value}"', tag, count=1)
    return f'{tag} {name}="{value}"'
