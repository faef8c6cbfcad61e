"""Console text for `kehoach run` and `kehoach check`, built from catalog sentences."""

from __future__ import annotations

from pipeline.contracts.form import OUTCOME_LABELS
from pipeline.core.catalog import t
from pipeline.intake.run import Intake
from pipeline.run import RunResult


def summary(result: RunResult, lang: str) -> list[str]:
    h = result.consolidation.headline
    counts = result.outcomes()
    outcome_text = ", ".join(
        f"{t('outcome-' + k, lang)} {counts[k]}" for k in OUTCOME_LABELS if counts.get(k)
    )
    lines = [
        t("run-files", lang, n=len(result.intake.returns), detail=outcome_text or "—"),
        t("run-agencies", lang, **h),
        t("run-tasks", lang, **h),
    ]
    if result.feedback:
        lines.append(
            t(
                "run-feedback",
                lang,
                n=len(result.feedback),
                folder=next(iter(result.feedback.values())).parent,
            )
        )
    if result.feedback_removed:
        lines.append(t("feedback-stale-removed", lang, n=len(result.feedback_removed)))
    if result.feedback_failed:
        lines.append(t("run-feedback-failed", lang, files=", ".join(result.feedback_failed)))
    if result.cut_cells:
        lines.append(t("run-cut", lang, n=len(result.cut_cells)))
    lines.append(t("run-workbook", lang, path=result.workbook))
    return lines


def findings_table(intake: Intake, lang: str) -> list[str]:
    lines: list[str] = []
    by_rid: dict[int, list[str]] = {}
    for f in intake.findings:
        by_rid.setdefault(f.rid, []).append(
            f"    {f.cell or '—':<18} {t('severity-' + f.severity, lang):<9} "
            f"{t(f'finding-{f.code}', lang, **f.params)}"
        )
    for rid, item in enumerate(intake.returns):
        agency = f" [{item.agency}]" if item.agency else ""
        lines.append(
            f"{item.rel}{agency}: {t('outcome-' + item.outcome, lang)} — "
            f"{t(item.reason, lang, **item.params)}"
        )
        lines += by_rid.get(rid, [])
    return lines
