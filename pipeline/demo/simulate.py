"""Fill generated forms as agencies would: for the demo, the benchmark and the tests."""

from __future__ import annotations

import io
import os
import random
import re
import zipfile
from collections.abc import Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from pipeline.contracts.form import DONE, FORM_COLUMNS, IN_PROGRESS, NOT_STARTED, ROLE_LEAD
from pipeline.forms.render import defined_place, table_origin
from pipeline.plan.model import Plan

_RESULTS = (
    "Đã ban hành kế hoạch triển khai tại đơn vị; tổ chức 2 hội nghị quán triệt với 150 lượt "
    "cán bộ tham dự.",
    "Hoàn thành rà soát, cập nhật quy trình; triển khai ứng dụng phần mềm quản lý hồ sơ.",
    "Phối hợp tổ chức 1 lớp tập huấn về đổi mới sáng tạo cho 45 học viên.",
    "Đã thực hiện 3 đề tài, dự án cấp tỉnh; nghiệm thu 1 đề tài đạt loại khá.",
)
_DIFFICULTIES = (
    "Kinh phí bố trí còn hạn chế; nhân lực chuyên trách mỏng.",
    "Chưa có hướng dẫn mới của Trung ương.",
    "Cơ sở vật chất, trang thiết bị chưa đáp ứng yêu cầu.",
)
_PROPOSALS = (
    "Đề nghị UBND tỉnh bố trí bổ sung kinh phí năm 2025.",
    "Đề nghị Sở Khoa học và Công nghệ tổ chức tập huấn chuyên sâu.",
)


def plausible_answers(plan: Plan, code: str, rng: random.Random) -> dict[str, dict[str, Any]]:
    """Mostly correct, varied answers for every task of an agency."""
    answers: dict[str, dict[str, Any]] = {}
    for assignment in plan.assignments(code):
        choice = rng.random()
        if choice < 0.45:
            answer = {
                "status": DONE,
                "progress": 100,
                "done_date": date(2024, rng.randint(3, 11), rng.randint(1, 28)),
                "result": rng.choice(_RESULTS),
            }
        elif choice < 0.9:
            answer = {
                "status": IN_PROGRESS,
                "progress": rng.choice((30, 50, 60, 75, 80)),
                "result": rng.choice(_RESULTS),
                "difficulty": rng.choice(_DIFFICULTIES),
            }
        else:
            answer = {"status": NOT_STARTED, "progress": 0, "difficulty": rng.choice(_DIFFICULTIES)}
        if assignment.role != ROLE_LEAD and rng.random() < 0.3:
            answer = {"result": rng.choice(_RESULTS)}
        if rng.random() < 0.4:
            answer["proposal"] = rng.choice(_PROPOSALS)
        if rng.random() < 0.5:
            answer["funding"] = rng.choice((0, 15, 50, 120.5, 300))
        answers[assignment.task.number] = answer
    return answers


def fill_form(
    source: Path,
    target: Path,
    answers: Mapping[str, Mapping[str, Any]],
    header: Mapping[str, Any] | None = None,
    saved_at: datetime | None = None,
    drop_tasks: tuple[str, ...] = (),
) -> None:
    """Write answers into a copy of a form, keyed by TT; optionally pin its last-saved time."""
    workbook = load_workbook(source)
    sheet, header_row, first_col = table_origin(workbook)
    fields = [c.field for c in FORM_COLUMNS]
    for name, value in (header or {}).items():
        place = defined_place(workbook, name)
        if place is not None:
            place[0][place[1]] = value
    row = header_row + 1
    while sheet.cell(row, first_col + 1).value not in (None, ""):
        tt = str(sheet.cell(row, first_col + 1).value)
        if tt in drop_tasks:
            for col in range(len(fields)):
                sheet.cell(row, first_col + col).value = None
        for name, value in answers.get(tt, {}).items():
            cell = sheet.cell(row, first_col + fields.index(name))
            cell.value = value
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # typed as text by the agency, not a formula
        row += 1
    buffer = io.BytesIO()
    workbook.save(buffer)
    data = buffer.getvalue()
    if saved_at is not None:
        data = with_saved_time(data, saved_at)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    if saved_at is not None:
        stamp = saved_at.timestamp()
        os.utime(target, (stamp, stamp))


def with_saved_time(data: bytes, saved_at: datetime) -> bytes:
    """The same xlsx with docProps/core.xml saying it was last saved at `saved_at`."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "docProps/core.xml":
                # `saved_at` is local time, as Excel shows it; the package stores UTC.
                stamp = f"{saved_at.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}".encode()
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + stamp + rb"\g<2>",
                    content,
                )
            target.writestr(info, content)
    return out.getvalue()
