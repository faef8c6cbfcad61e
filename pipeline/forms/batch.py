"""All forms of a period: one per agency, rendered on every core, and the send list."""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.contracts.form import ROLE_COORDINATE, ROLE_LEAD, form_name
from pipeline.core.catalog import t
from pipeline.core.errors import Carried, KehoachError, carried, raise_carried
from pipeline.core.files import atomic_path
from pipeline.core.workers import default_jobs
from pipeline.forms.carryover import Carryover
from pipeline.forms.render import FormRenderer
from pipeline.forms.stamp import FormStamper
from pipeline.plan.model import Plan
from pipeline.plan.registry import Agency


@dataclass(frozen=True)
class FormInfo:
    agency: Agency
    path: Path
    leads: list[str]
    coordinates: list[str]


def write_forms(
    plan: Plan,
    template: Path,
    period: str,
    out_dir: Path,
    codes: Sequence[str] = (),
    on_progress: Callable[[int, int], None] | None = None,
    lang: str = "vi",
    jobs: int | None = None,
    carry: Carryover | None = None,
) -> list[FormInfo]:
    """Write one form per agency (all expected agencies, or `codes`) and the send list.

    The send list always covers every expected agency: re-issuing one agency's form must not
    shrink the list the officer works from. With `carry` (the previous period's results, read
    from the store by the caller) each form shows them in reference columns. Returns the forms
    written now.
    """
    plan = plan.for_period(period)
    everyone = plan.expected_agencies()
    expected = everyone
    if codes:
        unknown = [c for c in codes if c not in plan.registry.agencies]
        if unknown:
            raise KehoachError(
                "agency-unknown",
                codes=", ".join(unknown),
                known=", ".join(a.code for a in everyone[:8]),
            )
        expected = [a for a in everyone if a.code in set(codes)]
        unassigned = [c for c in codes if c not in {a.code for a in expected}]
        if unassigned:
            raise KehoachError("agency-unassigned", codes=", ".join(unassigned))
    renderer = FormStamper(FormRenderer(plan, template, period, lang, carry), expected)
    jobs = jobs or default_jobs()
    if len(expected) >= PARALLEL_FROM and jobs > 1 and "fork" in mp.get_all_start_methods():
        _render_in_pool(renderer, expected, out_dir, jobs, on_progress)
    else:
        for done, agency in enumerate(expected, start=1):
            raise_carried(_render_to_file(renderer, agency, out_dir))
            if on_progress is not None:
                on_progress(done, len(expected))
    infos: list[FormInfo] = []
    for agency in everyone:
        roles = plan.assignments(agency.code)
        infos.append(
            FormInfo(
                agency,
                out_dir / form_name(period, agency.code),
                [a.task.number for a in roles if a.role == ROLE_LEAD],
                [a.task.number for a in roles if a.role == ROLE_COORDINATE],
            )
        )
    write_send_list(plan, period, infos, out_dir / "danh-sach-gui.xlsx")
    chosen = {a.code for a in expected}
    return [info for info in infos if info.agency.code in chosen]


PARALLEL_FROM = 64  # below this, starting processes costs more than it saves
_POOL_RENDERER: FormStamper | None = None
_Failure = Carried | None


def _render_to_file(renderer: FormStamper, agency: Agency, out_dir: Path) -> _Failure:
    try:
        with atomic_path(out_dir / form_name(renderer.period, agency.code)) as temporary:
            renderer.write(agency, temporary)
    except KehoachError as error:
        return carried(error)
    return None


def _render_by_index(args: tuple[int, str]) -> _Failure:
    assert _POOL_RENDERER is not None
    index, out_dir = args
    return _render_to_file(_POOL_RENDERER, _POOL_AGENCIES[index], Path(out_dir))


_POOL_AGENCIES: list[Agency] = []


def _render_in_pool(
    renderer: FormStamper,
    agencies: list[Agency],
    out_dir: Path,
    jobs: int,
    on_progress: Callable[[int, int], None] | None,
) -> None:
    """Forms are independent: render them on every core. Forked workers inherit the renderer."""
    global _POOL_RENDERER, _POOL_AGENCIES
    _POOL_RENDERER, _POOL_AGENCIES = renderer, agencies
    try:
        with mp.get_context("fork").Pool(jobs) as pool:
            work = [(i, str(out_dir)) for i in range(len(agencies))]
            for done, failure in enumerate(pool.imap_unordered(_render_by_index, work, 8), 1):
                raise_carried(failure)
                if on_progress is not None:
                    on_progress(done, len(agencies))
    finally:
        _POOL_RENDERER, _POOL_AGENCIES = None, []


def write_send_list(plan: Plan, period: str, infos: Sequence[FormInfo], target: Path) -> None:
    from pipeline.core.xlsx_style import (
        ONE_LINE,
        formats,
        new_workbook,
        print_landscape,
        row_heights,
    )

    headers = (
        "STT",
        "Mã đơn vị",
        "Tên đơn vị",
        "Tệp biểu mẫu",
        "Email",
        "Chủ trì (nhiệm vụ)",
        "Phối hợp (nhiệm vụ)",
    )
    widths = [5.0, 18, 42, 30, 30, 22, 30]
    rows = [
        (
            info.agency.code,
            info.agency.name,
            info.path.name,
            info.agency.email or t("wb-no-email"),
            _task_list(info.leads),
            _task_list(info.coordinates),
        )
        for info in infos
    ]
    with atomic_path(target) as temporary:
        workbook = new_workbook(str(temporary))
        style = formats(workbook)
        sheet = workbook.add_worksheet("Danh sách gửi")
        sheet.write_string(0, 0, t("sendlist-title", "vi", period=period), style["title"])
        sheet.write_string(1, 0, plan.settings.short_title, style["line"])
        for col, (header, width) in enumerate(zip(headers, widths, strict=True)):
            sheet.write_string(3, col, header, style["header"])
            sheet.set_column(col, col, width)
        # a long list of tasks wraps: its row must be tall enough to show all of it
        columns = [[values[col] for values in rows] for col in range(len(widths) - 1)]
        heights = row_heights(columns, widths[1:], len(rows))
        for row, (values, height) in enumerate(zip(rows, heights, strict=True), start=4):
            sheet.write_number(row, 0, row - 3, style["number"])
            for col, value in enumerate(values, start=1):
                sheet.write_string(row, col, value, style["cell"])
            if height > ONE_LINE + 2:
                sheet.set_row(row, height)
        sheet.freeze_panes(4, 0)
        sheet.autofilter(3, 0, 3 + len(infos), len(headers) - 1)
        print_landscape(sheet, 3)
        workbook.close()


def _task_list(numbers: Sequence[str]) -> str:
    return f"{len(numbers)}: {', '.join(numbers)}" if numbers else "0"
