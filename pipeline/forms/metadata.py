"""Form metadata: which plan, agency, period and form version a workbook belongs to.

It travels in a hidden sheet of key/value rows. Unlike custom document properties, a hidden
sheet survives a save by Excel, LibreOffice (xlsx, xls, ods) and WPS, and every reader sees it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from pipeline.contracts.form import META_MARKER
from pipeline.core.text import clean

KEYS = ("plan_code", "agency_code", "period", "form_version", "fingerprint", "generator")


@dataclass(frozen=True)
class FormMeta:
    plan_code: str
    agency_code: str
    period: str
    form_version: str
    fingerprint: str
    generator: str = ""

    def rows(self) -> list[tuple[str, str]]:
        return [(META_MARKER, "")] + [(key, str(getattr(self, key))) for key in KEYS]


def fingerprint(rows: Iterable[Sequence[object]]) -> str:
    """A short hash of the pre-filled cells, to tell whether an agency edited them."""
    digest = hashlib.sha256()
    for row in rows:
        digest.update("\x1f".join(clean(str(v or "")) for v in row).encode("utf-8"))
        digest.update(b"\x1e")
    return digest.hexdigest()[:16]


def parse(rows: Iterable[Sequence[object]]) -> FormMeta | None:
    """Metadata from the hidden sheet's rows, or None when the marker is absent."""
    rows = [list(r) for r in rows]
    values: Mapping[str, str] = {
        str(r[0]).strip(): _text(r[1]) for r in rows if len(r) >= 2 and r[0] not in (None, "")
    }
    if not any(r and _text(r[0]) == META_MARKER for r in rows):
        return None
    return FormMeta(**{key: values.get(key, "") for key in KEYS})


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # LibreOffice may turn "2024" into the number 2024.0
    return "" if value is None else str(value).strip()
