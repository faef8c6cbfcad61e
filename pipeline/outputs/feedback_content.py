"""What a feedback copy says: the marks on the agency's cells and the findings page.

Pure data, no package or library: the fast package edit (`xlsx_patch`) and the openpyxl
route (`feedback_rebuild`) both draw from what is built here, so they cannot say different
things. Documents are Vietnamese whatever the console language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pipeline.contracts.form import ERROR, SEVERITY_LABELS, WARNING
from pipeline.core.catalog import MESSAGES, t
from pipeline.rules.findings import Finding

TASK_TEXT_CHARS = 70


@dataclass(frozen=True)
class MarkStyle:
    """How a marked cell looks. The border style is what tells an error from a warning on a
    black-and-white printout; the fill only helps on screen."""

    fill: str  # ARGB
    pattern: str  # an OOXML patternType
    border: str  # an OOXML border style
    border_color: str  # ARGB


MARK_STYLES: dict[str, MarkStyle] = {
    ERROR: MarkStyle("FFFFC7CE", "solid", "medium", "FFC00000"),
    WARNING: MarkStyle("FFFFD966", "solid", "mediumDashed", "FF3F3000"),
}


@dataclass(frozen=True)
class Mark:
    """One marked cell of the agency's sheet: its worst severity and its comment."""

    sheet: str
    ref: str
    severity: str
    comment: str


@dataclass(frozen=True)
class PageRow:
    """One finding on the findings page; `target` is the cell its link goes to ("" = none)."""

    target_sheet: str
    target_ref: str
    severity: str
    cells: tuple[str, ...]  # in the order of the `feedback-heading` columns


@dataclass(frozen=True)
class Page:
    title: str
    lines: tuple[str, ...]  # under the title: outcome, how to use the copy, the legend
    heading: tuple[str, ...]
    rows: tuple[PageRow, ...]


def comment(finding: Finding) -> str:
    return f"{SEVERITY_LABELS[finding.severity]}: {t(f'finding-{finding.code}', **finding.params)}"


def rule_name(code: str) -> str:
    """The rule's short Vietnamese name; the code itself only if no name was written yet."""
    key = f"rule-name-{code}"
    return t(key) if key in MESSAGES else code


def short_text(text: str, limit: int = TASK_TEXT_CHARS) -> str:
    """The beginning of a task's text, cut at a word, for a column that names the task."""
    text = " ".join(text.split()).lstrip("-–•+* ")  # the plan's texts often open with a dash
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.")
    return f"{cut}…"


def task_label(finding: Finding, tasks: Mapping[str, str]) -> str:
    number = str(finding.params.get("task", "") or "")
    if not number:
        return ""
    text = tasks.get(number, "")
    return f"{number}. {short_text(text)}" if text else number


def split_cell(cell: str) -> tuple[str, str]:
    """("Báo cáo", "G14") from "Báo cáo!G14"; ("", "") for a finding about the whole file."""
    sheet, _, ref = cell.rpartition("!")
    return (sheet, ref) if sheet and ref else ("", "")


def marks(findings: Sequence[Finding]) -> list[Mark]:
    """One mark per cell: the worst severity, every comment joined."""
    by_cell: dict[tuple[str, str], Mark] = {}
    for finding in findings:
        sheet, ref = split_cell(finding.cell)
        if not ref:
            continue
        text = comment(finding)
        before = by_cell.get((sheet, ref))
        if before is None:
            by_cell[(sheet, ref)] = Mark(sheet, ref, finding.severity, text)
            continue
        worst = ERROR if ERROR in (before.severity, finding.severity) else finding.severity
        by_cell[(sheet, ref)] = Mark(sheet, ref, worst, f"{before.comment}\n{text}")
    return list(by_cell.values())


def page(
    findings: Sequence[Finding], tasks: Mapping[str, str], file: str, outcome: str, name: str
) -> Page:
    errors = sum(1 for f in findings if f.severity == ERROR)
    lines = (
        t(
            "feedback-outcome",
            file=file,
            outcome=t(f"outcome-{outcome}"),
            errors=errors,
            warnings=len(findings) - errors,
        ),
        t("feedback-how-to"),
        t("feedback-legend"),
    )
    rows = []
    for finding in findings:
        sheet, ref = split_cell(finding.cell)
        rows.append(
            PageRow(
                sheet,
                ref,
                finding.severity,
                (
                    finding.cell if ref else t("feedback-whole-file"),
                    SEVERITY_LABELS[finding.severity],
                    task_label(finding, tasks),
                    rule_name(finding.code),
                    t(f"finding-{finding.code}", **finding.params),
                    finding.value,
                    finding.code,
                ),
            )
        )
    return Page(
        t("feedback-title", name=name.upper()),
        lines,
        tuple(t("feedback-heading").split("|")),
        tuple(rows),
    )
