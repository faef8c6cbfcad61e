"""A finding: one problem of one return, where it is, and the parameters of its message."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Finding:
    code: str  # stable, kebab-case; keys its message and its rule in `schemas.RULES`
    severity: str
    rid: int  # index of the return in the run
    agency: str
    cell: str  # "Báo cáo!G14", or "" for the file as a whole
    value: str  # what the agency wrote
    params: dict[str, Any] = field(default_factory=dict)
