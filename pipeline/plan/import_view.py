"""The summary `kehoach import-plan` prints: what a person checks before using the matrix.

Every count is printed, zero included, so a silent loss would show as a number to question.
"""

from __future__ import annotations

import textwrap

from pipeline.contracts.matrix import TASK_SOURCE_NUMBER, TASKS
from pipeline.core.catalog import t
from pipeline.plan.appendix_headers import FIELDS
from pipeline.plan.importer import ImportReport

_LABEL = dict(zip(FIELDS, (h.name for h in TASKS.written), strict=True))
_ITEM_WIDTH = 100


def _quoted(headers: list[str]) -> str:
    return ", ".join(f"'{h}'" for h in headers)


def _item(text: str, lang: str) -> str:
    return t("import-item", lang, text=textwrap.shorten(text, _ITEM_WIDTH, placeholder="…"))


def render(report: ImportReport, lang: str = "vi") -> list[str]:
    doc = report.appendix
    lines = [
        t(
            "import-summary",
            lang,
            path=report.target,
            groups=report.groups,
            tasks=report.tasks,
            joined=report.continuations,
        )
    ]
    if report.registry.default:
        lines.append(t("import-registry-default", lang, issuer=report.registry.home))
    elif report.registry.source:
        lines.append(t("import-registry-file", lang, path=report.registry.source))
    pairs = [
        t("import-column-pair", lang, field=_LABEL[f], header=doc.mapped[f])
        for f in FIELDS
        if f in doc.mapped
    ]
    lines.append(t("import-columns-mapped", lang, pairs=", ".join(pairs)))
    lines += [
        t("import-column-missing", lang, field=_LABEL[f]) for f in FIELDS if f not in doc.mapped
    ]
    if doc.kept:
        lines.append(t("import-columns-kept", lang, headers=_quoted(doc.kept)))
    else:
        lines.append(t("import-columns-kept-none", lang))
    if doc.empty:
        lines.append(t("import-columns-empty", lang, headers=_quoted(doc.empty)))
    if doc.renumbered:
        lines.append(t("import-renumbered", lang, column=TASK_SOURCE_NUMBER))
    if doc.implicit_group:
        first = doc.groups[0]
        lines.append(t("import-implicit-group", lang, numeral=first.numeral, title=first.title))
    if doc.other_headings:
        lines.append(t("import-other-headings", lang, count=len(doc.other_headings)))
        lines += [_item(text, lang) for text in doc.other_headings]
    if doc.skipped:
        lines.append(t("import-skipped", lang, count=len(doc.skipped)))
        lines += [_item(text, lang) for text in doc.skipped]
    lines.append(t("import-timelines-unread", lang, count=len(report.timelines_unread)))
    blank = t("import-timeline-blank", lang)
    lines += [
        t("import-timeline-line", lang, task=task, text=text or blank)
        for task, text in report.timelines_unread
    ]
    lines.append(t("import-unresolved-head", lang, count=len(report.unresolved)))
    lines += [
        t("import-unresolved", lang, task=task, column=column, words=words)
        for task, column, words in report.unresolved
    ]
    if report.settings_missing:
        lines.append(t("import-settings-missing", lang, keys=", ".join(report.settings_missing)))
    lines.append(t("import-next", lang, path=report.target))
    return lines
