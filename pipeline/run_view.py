"""Console text for `kehoach run` and `kehoach check`, built from catalog sentences."""

from __future__ import annotations

from pipeline.contracts.outcomes import Outcome
from pipeline.core.catalog import t
from pipeline.intake.returns import entries
from pipeline.run import Checked, RunResult


def summary(result: RunResult, lang: str) -> list[str]:
    h = result.consolidation.headline
    counts = result.outcomes()
    outcome_text = ", ".join(
        f"{Outcome(k).label(lang)} {counts[k]}" for k in Outcome if counts.get(k)
    )
    lines = [
        t("run-files", lang, n=sum(counts.values()), detail=outcome_text or "—"),
        t("run-agencies", lang, **h),
        t("run-tasks", lang, **h),
    ]
    others = sorted(
        {
            str(e.params.get("found"))
            for e in entries(result.checked.frames.files)
            if e.outcome == Outcome.OTHER_PERIOD
        }
    )
    if others:
        lines.append(
            t(
                "run-other-periods",
                lang,
                n=counts[Outcome.OTHER_PERIOD],
                periods=", ".join(others),
                period=result.period,
            )
        )
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


def findings_table(checked: Checked, lang: str) -> list[str]:
    lines: list[str] = []
    by_rid: dict[int, list[str]] = {}
    frames = checked.frames
    for f in frames.findings.to_dict("records"):
        message = t("finding-" + f["code"], lang, **f["params"])
        severity = t("severity-" + f["severity"], lang)
        by_rid.setdefault(int(f["rid"]), []).append(
            f"    {f['cell'] or '—':<18} {severity:<9} {message}"
        )
    for item in entries(frames.files):
        agency = f" [{item.agency}]" if item.agency else ""
        lines.append(
            f"{item.rel}{agency}: {Outcome(item.outcome).label(lang)} — "
            f"{t(item.reason, lang, **item.params)}"
        )
        lines += by_rid.get(item.rid, [])
    return lines
