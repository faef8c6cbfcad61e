"""Rollups for leadership, in pure pandas: per task, per group, per agency, plus the logs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd

from pipeline.contracts.form import (
    COUNTED,
    DONE,
    DUPLICATE,
    IGNORED,
    IN_PROGRESS,
    NOT_REPORTED,
    NOT_STARTED,
    OUTCOME_LABELS,
    REJECTED,
    ROLE_LEAD,
    SEVERITY_LABELS,
    SUPERSEDED,
    UNREADABLE,
    WARNING,
)
from pipeline.core.catalog import t
from pipeline.intake.inbox import Return
from pipeline.intake.run import Intake
from pipeline.plan.model import Plan
from pipeline.rollup.overdue import overdue_columns, overdue_counts

YES, NO = "Có", "Không"
NOT_SUBMITTED = "Chưa nộp"


@dataclass
class Consolidation:
    tasks: pd.DataFrame
    groups: pd.DataFrame
    agencies: pd.DataFrame
    detail: pd.DataFrame
    checks: pd.DataFrame
    log: pd.DataFrame
    headline: dict[str, int]
    deadline: date
    as_of: date


def counted_rows(intake: Intake) -> pd.DataFrame:
    """Rows of accepted returns on tasks assigned to their agency."""
    rows = intake.rows
    if rows.empty:
        return rows
    counted = {i for i, r in enumerate(intake.returns) if r.outcome in COUNTED}
    return rows[rows["rid"].isin(counted) & rows["plan_role"].notna()]


def task_status(statuses: list[str | None], leads: int) -> str:
    """`Tình trạng chung` of a task from its reporting leads' statuses."""
    reported = [s for s in statuses if s]
    if not reported:
        return NOT_REPORTED
    if len(reported) == leads and all(s == DONE for s in reported):
        return DONE
    if all(s == NOT_STARTED for s in reported):
        return NOT_STARTED
    return IN_PROGRESS


def _texts(rows: pd.DataFrame, column: str, names: dict[str, str]) -> str:
    # tolist(): stepping through a pandas string column value by value is ten times slower
    pairs = zip(rows["agency"].tolist(), rows[column].tolist(), strict=True)
    parts = [f"{names[a]}: {v}" for a, v in pairs if v]
    return "\n".join(parts)


def by_task(plan: Plan, rows: pd.DataFrame, period: str, as_of: date) -> pd.DataFrame:
    names = {a.code: a.short for a in plan.registry.agencies.values()}
    records = []
    for task in plan.tasks:
        mine = rows[rows["task"] == task.number] if not rows.empty else rows
        leads = mine[mine["plan_role"] == ROLE_LEAD] if not mine.empty else mine
        coords = mine[mine["plan_role"] != ROLE_LEAD] if not mine.empty else mine
        lead_statuses = [] if leads.empty else leads["status"].tolist()
        status = task_status(lead_statuses, len(task.leads))
        due = task.timeline.due_for(period)
        progress = None if leads.empty else leads["progress"].dropna().mean()
        reported = 0 if leads.empty else leads["agency"].nunique()
        records.append(
            {
                "Nhóm": task.group,
                "TT": task.number,
                "Nội dung": task.content,
                "Thời gian thực hiện": task.timeline.text,
                "Hạn": due,
                "Số đơn vị chủ trì": len(task.leads),
                "Đã báo cáo": f"{reported}/{len(task.leads)}",
                "Tình trạng chung": status,
                "Tiến độ bình quân (%)": None
                if progress is None or pd.isna(progress)
                else round(float(progress), 1),
                **overdue_columns(task.timeline, status, period, as_of),
                "Kết quả (chủ trì)": "" if leads.empty else _texts(leads, "result", names),
                "Kết quả (phối hợp)": "" if coords.empty else _texts(coords, "result", names),
                "Khó khăn, vướng mắc": "" if mine.empty else _texts(mine, "difficulty", names),
                "Đề xuất, kiến nghị": "" if mine.empty else _texts(mine, "proposal", names),
            }
        )
    return pd.DataFrame.from_records(records)


def by_group(plan: Plan, tasks: pd.DataFrame) -> pd.DataFrame:
    records = []
    for group in plan.groups:
        mine = tasks[tasks["Nhóm"] == group.numeral]
        counts = mine["Tình trạng chung"].value_counts()
        total = len(mine)
        records.append(
            {
                "Nhóm": group.numeral,
                "Tên nhóm": group.title,
                "Số nhiệm vụ": total,
                DONE: int(counts.get(DONE, 0)),
                IN_PROGRESS: int(counts.get(IN_PROGRESS, 0)),
                NOT_STARTED: int(counts.get(NOT_STARTED, 0)),
                NOT_REPORTED: int(counts.get(NOT_REPORTED, 0)),
                "Quá hạn": int((mine["Quá hạn"] == YES).sum()),
                "Tỷ lệ hoàn thành": (counts.get(DONE, 0) / total) if total else 0.0,
            }
        )
    return pd.DataFrame.from_records(records)


def _counting_return(items: list[Return]) -> Return | None:
    """The return that speaks for an agency: not a duplicate or an older version."""
    live = [r for r in items if r.outcome not in (SUPERSEDED, DUPLICATE, IGNORED, UNREADABLE)]
    return max(live, key=lambda r: (r.saved_at or datetime.min, r.rel)) if live else None


def on_time(saved: datetime | None, deadline: date, inclusive: bool) -> bool | None:
    if saved is None:
        return None
    return saved.date() <= deadline if inclusive else saved.date() < deadline


def by_agency(plan: Plan, intake: Intake, rows: pd.DataFrame, deadline: date) -> pd.DataFrame:
    per_agency: dict[str, list[Return]] = {}
    for item in intake.returns:
        if item.agency:
            per_agency.setdefault(item.agency, []).append(item)
    errors: dict[int, int] = {}
    warnings: dict[int, int] = {}
    for finding in intake.findings:
        target = warnings if finding.severity == WARNING else errors
        target[finding.rid] = target.get(finding.rid, 0) + 1
    index = {id(r): i for i, r in enumerate(intake.returns)}
    # Status counts of every return at once; one filter per agency would be quadratic.
    status_counts: dict[tuple[int, str], int] = {}
    if not rows.empty:
        sizes = rows.groupby(["rid", "status"]).size()
        for (rid_value, status), count in zip(sizes.index.tolist(), sizes.tolist(), strict=True):
            status_counts[(int(rid_value), str(status))] = int(count)
    records = []
    for agency in plan.expected_agencies():
        roles = [a.role for a in plan.assignments(agency.code)]
        items = per_agency.get(agency.code, [])
        chosen = _counting_return(items)
        rid = index[id(chosen)] if chosen is not None else -1
        punctual = (
            on_time(chosen.saved_at, deadline, plan.settings.deadline_inclusive)
            if chosen is not None
            else None
        )
        records.append(
            {
                "Mã đơn vị": agency.code,
                "Tên đơn vị": agency.name,
                "Chủ trì": roles.count(ROLE_LEAD),
                "Phối hợp": len(roles) - roles.count(ROLE_LEAD),
                "Đã nộp": YES if items else NO,
                "Đúng hạn": "" if punctual is None else (YES if punctual else NO),
                "Thời điểm nộp": chosen.saved_at if chosen is not None else None,
                "Căn cứ thời điểm": ""
                if chosen is None
                else t(
                    "wb-saved-in-workbook"
                    if chosen.saved_source == "workbook"
                    else "wb-saved-file-time"
                ),
                "Kết quả": OUTCOME_LABELS[chosen.outcome] if chosen is not None else NOT_SUBMITTED,
                DONE: status_counts.get((rid, DONE), 0),
                IN_PROGRESS: status_counts.get((rid, IN_PROGRESS), 0),
                NOT_STARTED: status_counts.get((rid, NOT_STARTED), 0),
                "Số lỗi": errors.get(rid, 0),
                "Số cảnh báo": warnings.get(rid, 0),
                "Tệp": chosen.rel if chosen is not None else "",
            }
        )
    return pd.DataFrame.from_records(records)


def detail(plan: Plan, intake: Intake, rows: pd.DataFrame) -> pd.DataFrame:
    columns = [
        "Mã đơn vị",
        "Tên đơn vị",
        "Nhóm",
        "TT",
        "Vai trò",
        "Tình trạng",
        "Tiến độ (%)",
        "Thời điểm hoàn thành",
        "Kết quả thực hiện",
        "Khó khăn, vướng mắc",
        "Đề xuất, kiến nghị",
        "Kinh phí (triệu đồng)",
        "Ghi chú",
        "Tệp",
    ]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    order = {a.code: i for i, a in enumerate(plan.registry.agencies.values())}
    task_order = {x.number: i for i, x in enumerate(plan.tasks)}
    groups = {x.number: x.group for x in plan.tasks}
    frame = pd.DataFrame(
        {
            "Mã đơn vị": rows["agency"],
            "Tên đơn vị": rows["agency"].map(
                {c: a.name for c, a in plan.registry.agencies.items()}
            ),
            "Nhóm": rows["task"].map(groups),
            "TT": rows["task"],
            "Vai trò": rows["plan_role"],
            "Tình trạng": rows["status"].fillna(""),
            "Tiến độ (%)": rows["progress"],
            "Thời điểm hoàn thành": rows["done_date"],
            "Kết quả thực hiện": rows["result"],
            "Khó khăn, vướng mắc": rows["difficulty"],
            "Đề xuất, kiến nghị": rows["proposal"],
            "Kinh phí (triệu đồng)": rows["funding"],
            "Ghi chú": rows["note"],
            "Tệp": rows["rid"].map(dict(enumerate(r.rel for r in intake.returns))),
        }
    )
    frame["_a"] = frame["Mã đơn vị"].map(order)
    frame["_t"] = frame["TT"].map(task_order)
    frame["_r"] = frame["Vai trò"].ne(ROLE_LEAD)
    return (
        frame.sort_values(["_a", "_r", "_t"])
        .drop(columns=["_a", "_t", "_r"])
        .reset_index(drop=True)
    )


def checks(intake: Intake, lang: str = "vi") -> pd.DataFrame:
    return pd.DataFrame.from_records(
        [
            {
                "Tệp": intake.returns[f.rid].rel,
                "Mã đơn vị": f.agency,
                "Ô": f.cell,
                "Mức độ": SEVERITY_LABELS[f.severity],
                "Mã lỗi": f.code,
                "Nội dung": t(f"finding-{f.code}", lang, **f.params),
                "Giá trị đã ghi": f.value,
            }
            for f in intake.findings
        ],
        columns=["Tệp", "Mã đơn vị", "Ô", "Mức độ", "Mã lỗi", "Nội dung", "Giá trị đã ghi"],
    )


def log(intake: Intake, lang: str = "vi") -> pd.DataFrame:
    return pd.DataFrame.from_records(
        [
            {
                "Tệp": r.rel,
                "SHA-256": r.read.sha256,
                "Mã đơn vị": r.agency,
                "Mã kết quả": r.outcome,
                "Kết quả": OUTCOME_LABELS[r.outcome],
                "Lý do": t(r.reason, lang, **r.params),
                "Thời điểm lưu": r.saved_at,
            }
            for r in intake.returns
        ],
        columns=["Tệp", "SHA-256", "Mã đơn vị", "Mã kết quả", "Kết quả", "Lý do", "Thời điểm lưu"],
    )


def consolidate(plan: Plan, intake: Intake, period: str, as_of: date) -> Consolidation:
    rows = counted_rows(intake)
    deadline = plan.settings.deadline_for(period)
    tasks = by_task(plan, rows, period, as_of)
    agencies = by_agency(plan, intake, rows, deadline)
    statuses = tasks["Tình trạng chung"].value_counts()
    headline = {
        "expected": len(agencies),
        "submitted": int((agencies["Đã nộp"] == YES).sum()),
        "on_time": int((agencies["Đúng hạn"] == YES).sum()),
        "late": int((agencies["Đúng hạn"] == NO).sum()),
        "missing": int((agencies["Đã nộp"] == NO).sum()),
        "rejected": int((agencies["Kết quả"] == OUTCOME_LABELS[REJECTED]).sum()),
        "tasks": len(tasks),
        "done": int(statuses.get(DONE, 0)),
        "in_progress": int(statuses.get(IN_PROGRESS, 0)),
        "not_started": int(statuses.get(NOT_STARTED, 0)),
        "not_reported": int(statuses.get(NOT_REPORTED, 0)),
        **overdue_counts(tasks),
        "files": len(intake.returns),
    }
    return Consolidation(
        tasks,
        by_group(plan, tasks),
        agencies,
        detail(plan, intake, rows),
        checks(intake),
        log(intake),
        headline,
        deadline,
        as_of,
    )
