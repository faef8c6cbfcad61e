"""Feedback copies for agencies: their own workbook with each problem cell marked.

The package is edited in place (`xlsx_patch`); openpyxl (`feedback_openpyxl`) handles what
that cannot. Both write the same findings sheet from `findings_table`.
"""

from __future__ import annotations

import io
from pathlib import Path

from pipeline.contracts.form import ERROR, SEVERITY_LABELS, form_name
from pipeline.core.catalog import t
from pipeline.core.errors import Carried, KehoachError, carried
from pipeline.core.files import atomic_path
from pipeline.intake.inbox import Return
from pipeline.outputs.xlsx_patch import FEEDBACK_SHEET_NAME, patch
from pipeline.rules.findings import Finding


def source_bytes(item: Return) -> bytes:
    if item.file.data is not None:
        return item.file.data
    assert item.file.path is not None
    return item.file.path.read_bytes()


def feedback_job(
    argument: tuple[Return, list[Finding], Path, str, str, str],
) -> Path | Carried:
    """A worker job: write one feedback copy; an error comes back as its message key."""
    item, findings, target, period, name, lang = argument
    try:
        return write_feedback(item, findings, target.parent, period, name, lang)
    except KehoachError as error:
        return carried(error)


def write_feedback(
    item: Return, findings: list[Finding], folder: Path, period: str, name: str, lang: str = "vi"
) -> Path:
    """The agency's own workbook with marked cells and a first sheet of findings."""
    target = folder / form_name(period, item.agency)
    patched = _patched(item, findings, name, lang) if item.read.kind == "xlsx" else None
    if patched is None:  # .xls/.ods, a package with comments already, anything unexpected
        from pipeline.outputs.feedback_rebuild import feedback_workbook

        patched = feedback_workbook(item, findings, name, lang)
    with atomic_path(target) as temporary:
        temporary.write_bytes(patched)
    return target


def _patched(item: Return, findings: list[Finding], name: str, lang: str) -> bytes | None:
    """The fast way: edit the agency's package in place (see xlsx_patch), checked by reading
    it back; None sends the caller to openpyxl."""
    marks: dict[str, tuple[str, str]] = {}
    for finding in findings:
        sheet, _, ref = finding.cell.rpartition("!")
        if sheet != item.read.sheet or not ref:
            continue
        text = comment(finding, lang)
        severity, before = marks.get(ref, (finding.severity, ""))
        worst = ERROR if ERROR in (severity, finding.severity) else finding.severity
        marks[ref] = (worst, f"{before}\n{text}" if before else text)
    lines, table = findings_table(item, findings, name, lang)
    patched = patch(
        source_bytes(item), item.read.sheet, marks, lines, table, [f.severity for f in findings]
    )
    if patched is None or not _opens(patched, item.read.sheet):
        return None
    return patched


def _opens(data: bytes, sheet: str) -> bool:
    from python_calamine import CalamineWorkbook

    try:
        names = CalamineWorkbook.from_filelike(io.BytesIO(data)).sheet_names
    except BaseException as exc:  # calamine panics are BaseException
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        return False
    return names[:1] == [FEEDBACK_SHEET_NAME] and sheet in names


def comment(finding: Finding, lang: str) -> str:
    message = t(f"finding-{finding.code}", lang, **finding.params)
    return f"{SEVERITY_LABELS[finding.severity]}: {message}"


def findings_table(
    item: Return, findings: list[Finding], name: str, lang: str
) -> tuple[list[str], list[list[str]]]:
    """The findings sheet's three heading lines and its table (header row first)."""
    errors = sum(1 for f in findings if f.severity == ERROR)
    lines = [
        t("feedback-title", lang, name=name.upper()),
        t(
            "feedback-outcome",
            lang,
            file=item.rel,
            outcome=t(f"outcome-{item.outcome}", lang),
            errors=errors,
            warnings=len(findings) - errors,
        ),
        t("feedback-intro", lang),
    ]
    table = [t("wb-feedback-header", lang).split("|")]
    table += [
        [
            f.cell or t("wb-whole-file", lang),
            SEVERITY_LABELS[f.severity],
            t(f"finding-{f.code}", lang, **f.params),
            f.value,
        ]
        for f in findings
    ]
    return lines, table
