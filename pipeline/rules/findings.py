"""Findings are data: one problem of one return, where it is, and its message's parameters.

Stages hand findings on as a frame (`FINDING_COLUMNS`); `Finding` is one line of it, for the
code that builds them and for tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Finding:
    code: str  # stable, kebab-case; keys its rule in `rules.table.RULES` and its message
    severity: str  # "error" or "warning"
    rid: int  # the return's id in the files frame
    agency: str
    cell: str  # "Báo cáo!G14", or "" for the file as a whole
    value: str  # what the agency wrote
    params: dict[str, Any] = field(default_factory=dict)
    scope: str = "row"  # "row": an error costs its task row; "file": it rejects the return
    task: str = ""  # the task of the row it is on, "" for the file as a whole


FINDING_COLUMNS = tuple(Finding.__dataclass_fields__)


def findings_of(frame: pd.DataFrame) -> list[Finding]:
    """The findings frame's lines as `Finding`s."""
    return [Finding(**{str(k): v for k, v in r.items()}) for r in frame.to_dict("records")]


def findings_frame(findings: list[Finding]) -> pd.DataFrame:
    import pandas as pd  # the frames are built after the files are read

    lines = [tuple(getattr(f, name) for name in FINDING_COLUMNS) for f in findings]
    return pd.DataFrame.from_records(lines, columns=FINDING_COLUMNS)
