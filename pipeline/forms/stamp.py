"""Forms that differ only in whose they are: rendered once, stamped for each agency.

At national scale thousands of communes get the same tasks from one phrase ("Ủy ban nhân dân
các xã"), so their forms differ only in the agency's name and code. Rendering and saving a form
with openpyxl costs ~35 ms of CPU; putting a name and a code into a rendered package costs a
tenth of that. So the one renderer renders each shape of form once, for a stand-in agency whose
name and code are tokens found nowhere else, and each agency's form is that package with the
tokens replaced in the parts that hold them, written as that part writes text: escaped as lxml
escapes a text node, and in UTF-8 or as character references (openpyxl writes inline strings
as `&#7910;`), which the stand-in's own Vietnamese letters show. tests/test_forms.py compares a
stamped form with one rendered for the agency itself, part by part.
"""

from __future__ import annotations

import html
import zipfile
from collections import Counter, OrderedDict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, replace
from io import BytesIO
from pathlib import Path

from openpyxl import Workbook

from pipeline.core.text import clean
from pipeline.forms.render import FormRenderer, prefilled_rows
from pipeline.plan.registry import Agency

# The stand-in's name has lower-case letters, so that its capitals (the form's title) are a
# second token, and Vietnamese ones, so that a part shows how it writes them.
STAND_IN_NAME = "Kehoach Thế Chỗ 5f0c9e"
STAND_IN_CODE = "kehoach_the_cho_5f0c9e"
_TOKENS = (STAND_IN_NAME.upper(), STAND_IN_NAME, STAND_IN_CODE)
_UTF8, _REFERENCES = "utf-8", "references"
KEPT_SHAPES = 64  # rendered packages kept per process


@dataclass(frozen=True)
class _Part:
    name: str
    date_time: tuple[int, int, int, int, int, int]
    data: bytes
    writing: str  # how the part writes the tokens: _UTF8, _REFERENCES, or "" (it has none)


class FormStamper:
    """Writes agencies' forms: a shape that several of `agencies` share is rendered once (per
    process) and stamped; a form of its own shape is rendered for itself, as stamping it
    would only add the copy (with the previous period's results, most agencies' forms are
    their own)."""

    def __init__(self, renderer: FormRenderer, agencies: Sequence[Agency]) -> None:
        self.renderer = renderer
        self.period = renderer.period
        self._sharing = Counter(self._shape(a) for a in agencies if _stampable(a))
        self._shapes: OrderedDict[Hashable, list[_Part]] = OrderedDict()

    def write(self, agency: Agency, target: Path) -> None:
        key = self._shape(agency) if _stampable(agency) else None
        if key is None or self._sharing[key] < 2:
            self.renderer.render(agency).save(target)
            return
        values = [agency.name.upper(), agency.name, agency.code]
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
            for part in self._parts(agency, key):
                data = _put(part.data, values, part.writing) if part.writing else part.data
                info = zipfile.ZipInfo(part.name, part.date_time)
                info.compress_type = zipfile.ZIP_DEFLATED
                package.writestr(info, data)

    def _parts(self, agency: Agency, key: Hashable) -> list[_Part]:
        if key in self._shapes:
            self._shapes.move_to_end(key)
        else:
            stand_in = replace(agency, name=STAND_IN_NAME, code=STAND_IN_CODE)
            self._shapes[key] = _unpack(self.renderer.render(agency, shown=stand_in))
            if len(self._shapes) > KEPT_SHAPES:  # ~65 kB each: memory stays bounded
                self._shapes.popitem(last=False)
        return self._shapes[key]

    def _shape(self, agency: Agency) -> Hashable:
        """Everything in a form that is not the agency's name or code."""
        renderer = self.renderer
        assignments = renderer.plan.assignments(agency.code)
        rows = tuple(tuple(row) for row in prefilled_rows(renderer.plan, assignments))
        previous = renderer.previous_values(agency, assignments)
        return renderer.parent_of(agency), rows, tuple(previous or ())


def _unpack(workbook: Workbook) -> list[_Part]:
    buffer = BytesIO()
    workbook.save(buffer)
    with zipfile.ZipFile(buffer) as package:
        return [
            _Part(info.filename, info.date_time, data := package.read(info), _writing(data))
            for info in package.infolist()
        ]


def _writing(data: bytes) -> str:
    for writing in (_UTF8, _REFERENCES):
        if any(_encoded(token, writing) in data for token in _TOKENS):
            return writing
    return ""


def _put(data: bytes, values: list[str], writing: str) -> bytes:
    for token, value in zip(_TOKENS, values, strict=True):
        data = data.replace(_encoded(token, writing), _encoded(value, writing))
    return data


def _encoded(text: str, writing: str) -> bytes:
    """As lxml writes a text node: &, < and > escaped, quotes left alone."""
    escaped = html.escape(text, quote=False)
    if writing == _UTF8:
        return escaped.encode()
    return escaped.encode("ascii", "xmlcharrefreplace")


def _stampable(agency: Agency) -> bool:
    """The name and the code each one line of clean text (`core.text.clean`, as every name
    the plan loads is): what is written is then exactly the escaped text (no preserved
    spaces, no empty cell, no characters XML refuses); and none holds a token, which a later
    replacement would find inside it."""
    for text in (agency.name, agency.code):
        if not text or clean(text) != text or "\n" in text:
            return False
        if any(token.upper() in text.upper() for token in _TOKENS):
            return False
    return True
