"""Compare two .xlsx packages part by part, in the manner of XlsxWriter's own test suite.

Each XML part is cut into its tags and texts; named elements can be left out of the
comparison part by part (every such exception is listed by the caller, so a reader sees
what is not checked); relationships and content types are compared as sets, because their
order carries no meaning. Binary parts are compared byte for byte.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

_TOKENS = re.compile(r"<[^>]*>|[^<]+")
_UNORDERED = re.compile(r"(^|/)\[Content_Types\]\.xml$|\.rels$")
_XML = (".xml", ".rels", ".vml")


def _package(source: bytes | Path) -> zipfile.ZipFile:
    data = source if isinstance(source, bytes) else source.read_bytes()
    return zipfile.ZipFile(io.BytesIO(data))


def xml_items(text: str) -> list[str]:
    """The tags and non-blank texts of an XML part, in order."""
    return [token for token in _TOKENS.findall(text) if token.strip()]


def _comparable(name: str, text: str, ignored: Sequence[str]) -> list[str]:
    items = [item for item in xml_items(text) if not any(re.match(p, item) for p in ignored)]
    if _UNORDERED.search(name):
        items = items[:2] + sorted(items[2:-1]) + items[-1:]  # declaration, root ... end
    return items


def differences(
    got: bytes | Path,
    expected: bytes | Path,
    ignore_parts: Sequence[str] = (),
    ignore_elements: Mapping[str, Sequence[str]] | None = None,
) -> list[str]:
    """What differs between two packages, as readable lines; [] when they are the same."""
    ignore_elements = ignore_elements or {}
    mine, theirs = _package(got), _package(expected)
    names = sorted(n for n in mine.namelist() if n not in ignore_parts)
    wanted = sorted(n for n in theirs.namelist() if n not in ignore_parts)
    if names != wanted:
        return [
            f"parts: got {sorted(set(names) - set(wanted))}, missing {set(wanted) - set(names)}"
        ]
    found: list[str] = []
    for name in names:
        a, b = mine.read(name), theirs.read(name)
        if not name.endswith(_XML):
            if a != b:
                found.append(f"{name}: binary content differs")
            continue
        ignored = ignore_elements.get(name, ())
        left = _comparable(name, a.decode("utf-8"), ignored)
        right = _comparable(name, b.decode("utf-8"), ignored)
        if left != right:
            at = next(
                (i for i, (x, y) in enumerate(zip(left, right, strict=False)) if x != y),
                min(len(left), len(right)),
            )
            found.append(
                f"{name}: item {at}: got {left[at : at + 3]!r}, expected {right[at : at + 3]!r}"
            )
    return found
