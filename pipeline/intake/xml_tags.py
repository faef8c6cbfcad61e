"""Tags of an XML part found by pattern, in one pass: bytes in, bytes out.

Nothing is parsed into a tree and no entity is expanded (a part that declares one was refused
before, `container.declares_entities`). A tokenizer names the tags a walk wants; everything
between (text, other tags, comments, CDATA, instructions: a tag written inside one is no tag) is
stepped over inside the pattern, possessively, so the work is linear in the part's size and the
Python loop runs once per wanted tag, not once per tag.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

# One attribute: quoted values may hold `<` and `>` (calamine's parser accepts both, and
# attributes not separated by a space).
ATTRIBUTE = rb"\s*[^\s=/>\"'<]+\s*=\s*(?:\"[^\"]*\"|'[^']*')"
ATTRIBUTES = rb"(?:" + ATTRIBUTE + rb")*"
_ATTRIBUTE = re.compile(rb"([^\s=/>\"'<]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


def attribute_map(raw: bytes) -> dict[bytes, bytes]:
    """A tag's attributes by name (the first of a name, as calamine's raw lookup takes)."""
    found: dict[bytes, bytes] = {}
    for name, double, single in _ATTRIBUTE.findall(raw):
        found.setdefault(name, double or single)
    return found


def stepping_over(wanted: bytes) -> bytes:
    """A pattern that steps over everything up to the next place where `wanted` (a lookahead
    after `<`) matches: text, comments, CDATA, instructions and other tags."""
    return (
        rb"(?:[^<]++|<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<\?.*?(?:\?>|\Z)"
        rb"|<(?!" + wanted + rb")/?[^\s/>\"'<]*" + ATTRIBUTES + rb"\s*/?>"
        rb"|<(?!" + wanted + rb"))*+"
    )


def tokenizer(names: bytes) -> re.Pattern[bytes]:
    """A pattern whose every match is the next tag named `names` (groups: `/`, name,
    attributes, `/`), or a stray `<` or the end (no name)."""
    return re.compile(
        stepping_over(rb"/?(?:" + names + rb")(?=[\s/>])")
        + rb"(?:<(/?)("
        + names
        + rb")(?=[\s/>])("
        + ATTRIBUTES
        + rb")\s*(/?)>|<|\Z)",
        re.S,
    )


class Tag(NamedTuple):
    """One tag of a part: where it stands, its name, its raw attributes, its form. (A named
    tuple: a frozen dataclass took 2 µs to make, a fifth of walking an .ods file's tags.)"""

    start: int
    end: int
    name: bytes
    attributes: bytes
    attributes_at: int
    closing: bool
    empty: bool

    @property
    def local(self) -> bytes:
        return self.name.rsplit(b":", 1)[-1]

    def values(self, key: bytes) -> list[tuple[int, bytes]]:
        """(offset in the part, raw value) of every attribute named `key`, in order."""
        found = []
        for match in _ATTRIBUTE.finditer(self.attributes):
            if match.group(1) == key:
                group = 2 if match.group(2) is not None else 3
                found.append((self.attributes_at + match.start(group), match.group(group)))
        return found


class Tags:
    """The tags of a part that a tokenizer names, in order; `skip_to` goes on from further
    down (a stretch found to be wholly outside the window is not walked tag by tag)."""

    def __init__(self, xml: bytes, tokenizer: re.Pattern[bytes]) -> None:
        self.xml, self.tokenizer, self.at = xml, tokenizer, 0

    def __iter__(self) -> Iterator[Tag]:
        return self

    def __next__(self) -> Tag:
        while True:
            match = self.tokenizer.match(self.xml, self.at)  # matches anywhere, if only the end
            if match is None or match.end() == self.at:
                raise StopIteration
            self.at = match.end()
            name = match.group(2)
            if name is not None:
                return Tag(
                    match.start(1) - 1,
                    match.end(),
                    name,
                    match.group(3),
                    match.start(3),
                    match.group(1) == b"/",
                    match.group(4) == b"/",
                )

    def skip_to(self, at: int) -> None:
        self.at = at


def cut(xml: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    """`xml` with each (start, end) stretch replaced; the stretches are in order, apart."""
    pieces, at = [], 0
    for start, end, replacement in edits:
        pieces += [xml[at:start], replacement]
        at = end
    pieces.append(xml[at:])
    return b"".join(pieces)
