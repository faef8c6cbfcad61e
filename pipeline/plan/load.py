"""Load and check the task matrix workbook (Contract 1) into a typed Plan."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path
from typing import Any

from pipeline.contracts.matrix import (
    AGENCIES,
    AGENCY_ALIASES,
    AGENCY_CODE,
    AGENCY_EMAIL,
    AGENCY_FROM,
    AGENCY_KIND,
    AGENCY_KINDS,
    AGENCY_NAME,
    AGENCY_ORDER,
    AGENCY_SHEET,
    AGENCY_SUCCESSORS,
    AGENCY_TO,
    LIST_SEPARATOR,
    PERIODS,
    PHRASE_MEMBERS,
    PHRASE_SHEET,
    PHRASE_TEXT,
    PHRASES,
    REQUIRED_SETTINGS,
    SCHEDULE_SETTINGS,
    SETTING_KEY,
    SETTING_VALUE,
    SETTINGS,
    SETTINGS_SHEET,
    TASK_CONTENT,
    TASK_COORD,
    TASK_LEAD,
    TASK_NUMBER,
    TASK_SHEET,
    TASK_TIMELINE,
    TASKS,
    MatrixSheet,
)
from pipeline.core.errors import KehoachError, PlanError
from pipeline.core.text import fold, is_slug, one_line
from pipeline.plan import timeline as tl
from pipeline.plan.load_time import (
    check_every_period,
    check_successors,
    read_periods,
    settle_schedule,
)
from pipeline.plan.model import Group, Plan, Settings, Task
from pipeline.plan.periods import Period, from_settings
from pipeline.plan.phrases import province_words
from pipeline.plan.registry import Agency, Phrase, Registry, Resolution, name_key
from pipeline.plan.sheet_values import Collector as _Collector
from pipeline.plan.sheet_values import cell as _cell
from pipeline.plan.sheet_values import parse_date as _parse_date
from pipeline.plan.sheet_values import text as _text
from pipeline.plan.task_periods import read_task_periods

_ROMAN = re.compile(r"^(?=[IVXL])L?X{0,3}(IX|IV|V?I{0,3})$")


def _read_sheet(
    workbook: Any, declared: MatrixSheet, out: _Collector
) -> list[tuple[int, dict[str, Any]]] | None:
    """Rows of a sheet as {header: value}, with their Excel row numbers; None if unusable."""
    name, headers = declared.name, declared.names
    matching = [s for s in workbook.sheet_names if fold(s) == fold(name)]
    if not matching:
        out.add("plan-sheet-missing", sheet=name, sheets=", ".join(workbook.sheet_names))
        return None
    sheet = workbook.get_sheet_by_name(matching[0])
    rows = [r[: len(headers) + 10] for r in sheet.to_python(skip_empty_area=False)]
    if not rows:
        out.add("plan-sheet-empty", sheet=name)
        return None
    found = {fold(_text(v)): i for i, v in enumerate(rows[0])}
    positions = {h: found[fold(h)] for h in headers if fold(h) in found}
    missing = [h for h in headers if h not in positions and h not in declared.optional]
    for header in missing:
        out.add(
            "plan-header-missing",
            sheet=name,
            cell=_cell(headers.index(header), 1),
            header=header,
            found=", ".join(_text(v) for v in rows[0] if _text(v)),
        )
    if missing:
        return None
    result = []
    for number, values in enumerate(rows[1:], start=2):
        record = {h: values[i] if i < len(values) else None for h, i in positions.items()}
        if any(_text(v) for v in record.values()):
            result.append((number, {**record, "__cols__": positions}))
    return result


def load_plan(path: Path) -> Plan:
    workbook = _open(path)
    out = _Collector(path)
    agency_rows = _read_sheet(workbook, AGENCIES, out)
    phrase_rows = _read_sheet(workbook, PHRASES, out)
    task_rows = _read_sheet(workbook, TASKS, out)
    setting_rows = _read_sheet(workbook, SETTINGS, out)
    period_rows = None
    if any(fold(s) == fold(PERIODS.name) for s in workbook.sheet_names):
        period_rows = _read_sheet(workbook, PERIODS, out)
    agencies = _agencies(agency_rows or [], out)
    phrases = _phrases(phrase_rows or [], out)
    schedule = read_periods(period_rows, out) if period_rows is not None else None
    settings = _settings(setting_rows, schedule, out)
    # "Sở Tài chính tỉnh Kon Tum" is "Sở Tài chính" in a plan issued by the same province
    registry = Registry(agencies, phrases, province_words(settings.issuer) if settings else ())
    _check_registry(registry, phrase_rows or [], out)
    groups, tasks, unexpanded, cells = _tasks(task_rows or [], registry, out)
    spans = read_task_periods(task_rows or [], settings.periods, out) if settings else {}
    if out.problems or settings is None:
        raise PlanError(out.problems)
    plan = Plan(path, settings, groups, tasks, registry, unexpanded, cells, spans=spans)
    check_every_period(plan, out)
    if out.problems:
        raise PlanError(out.problems)
    return plan


def _open(path: Path) -> Any:
    """The plan workbook, read with calamine: a tenth of openpyxl's time, and no XML entities."""
    from python_calamine import CalamineWorkbook

    if not path.exists():
        raise KehoachError("plan-not-found", path=str(path))
    try:
        data = path.read_bytes()
    except PermissionError as exc:
        raise KehoachError("plan-locked", path=str(path)) from exc
    except OSError as exc:
        raise KehoachError("plan-not-workbook", path=str(path), reason=type(exc).__name__) from exc
    if not data.startswith(b"PK"):
        raise KehoachError("plan-not-workbook", path=str(path), reason="not a zip package")
    try:
        return CalamineWorkbook.from_filelike(io.BytesIO(data))
    except BaseException as exc:  # calamine panics are BaseException
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        raise KehoachError("plan-not-workbook", path=str(path), reason=type(exc).__name__) from exc


def _agencies(rows: list[tuple[int, dict[str, Any]]], out: _Collector) -> list[Agency]:
    agencies: list[Agency] = []
    seen: dict[str, int] = {}
    owners: dict[tuple[str, ...], str] = {}  # folded name -> the first agency that uses it
    for number, record in rows:
        cols = record["__cols__"]
        code = _text(record.get(AGENCY_CODE))
        if not is_slug(code):
            where = _cell(cols[AGENCY_CODE], number)
            out.add("agency-code-not-slug", sheet=AGENCY_SHEET, cell=where, code=code)
        elif code in seen:
            where = _cell(cols[AGENCY_CODE], number)
            out.add(
                "agency-code-duplicate", sheet=AGENCY_SHEET, cell=where, code=code, first=seen[code]
            )
        seen.setdefault(code, number)
        kind = fold(_text(record.get(AGENCY_KIND)))
        if kind not in AGENCY_KINDS:
            out.add(
                "agency-kind-unknown",
                sheet=AGENCY_SHEET,
                cell=_cell(cols[AGENCY_KIND], number),
                kind=_text(record.get(AGENCY_KIND)),
                kinds=", ".join(AGENCY_KINDS),
            )
        order_text = _text(record.get(AGENCY_ORDER))
        aliases = tuple(
            a
            for a in (one_line(x) for x in _text(record.get(AGENCY_ALIASES)).split(LIST_SEPARATOR))
            if a
        )
        name = one_line(_text(record.get(AGENCY_NAME)))
        for header, text in [(AGENCY_NAME, name)] + [(AGENCY_ALIASES, a) for a in aliases]:
            owner = owners.setdefault(name_key(text), code)
            if owner != code and header in cols:
                out.add(
                    "alias-shared",
                    sheet=AGENCY_SHEET,
                    cell=_cell(cols[header], number),
                    name=text,
                    codes=f"{owner}, {code}",
                )
        valid: list[date | None] = []
        for header in (AGENCY_FROM, AGENCY_TO):
            parsed = _parse_date(record.get(header))
            if parsed is None and _text(record.get(header)):
                out.add(
                    "agency-date-invalid",
                    sheet=AGENCY_SHEET,
                    cell=_cell(cols[header], number),
                    column=header,
                    value=_text(record.get(header)),
                )
            valid.append(parsed)
        agencies.append(
            Agency(
                code=code,
                name=name,
                kind=kind,
                order=int(order_text) if order_text.isdigit() else 10_000 + number,
                aliases=aliases,
                email=_text(record.get(AGENCY_EMAIL)),
                valid_from=valid[0],
                valid_to=valid[1],
                successors=tuple(
                    c
                    for c in (
                        x.strip()
                        for x in _text(record.get(AGENCY_SUCCESSORS)).split(LIST_SEPARATOR)
                    )
                    if c
                ),
            )
        )
    check_successors(agencies, rows, out)
    return agencies


def _phrases(rows: list[tuple[int, dict[str, Any]]], out: _Collector) -> list[Phrase]:
    return [
        Phrase(
            one_line(_text(record.get(PHRASE_TEXT))),
            tuple(
                m
                for m in (
                    one_line(x) for x in _text(record.get(PHRASE_MEMBERS)).split(LIST_SEPARATOR)
                )
                if m
            ),
        )
        for _, record in rows
    ]


def _check_registry(
    registry: Registry, phrase_rows: list[tuple[int, dict[str, Any]]], out: _Collector
) -> None:
    for number, record in phrase_rows:
        phrase = registry.phrases.get(fold(one_line(_text(record.get(PHRASE_TEXT)))))
        if phrase is None:
            continue
        unknown = registry.unknown_members(phrase)
        if unknown:
            out.add(
                "phrase-member-unknown",
                sheet=PHRASE_SHEET,
                cell=_cell(record["__cols__"][PHRASE_MEMBERS], number),
                members=", ".join(unknown),
            )


def _settings(
    rows: list[tuple[int, dict[str, Any]]] | None,
    schedule: tuple[Period, ...] | None,
    out: _Collector,
) -> Settings | None:
    if rows is None:
        return None
    values: dict[str, Any] = {}
    where: dict[str, str] = {}
    for number, record in rows:
        key = fold(_text(record.get(SETTING_KEY)))
        values[key] = record.get(SETTING_VALUE)
        where[key] = _cell(record["__cols__"][SETTING_VALUE], number)
    required: tuple[str, ...] = REQUIRED_SETTINGS
    if schedule is None:  # without `Kỳ báo cáo`, `Cấu hình` gives the periods and the dates
        required += SCHEDULE_SETTINGS
    for key in required:
        if not _text(values.get(key)):
            out.add("setting-missing", sheet=SETTINGS_SHEET, key=key)
    deadline = _parse_date(values.get("han_nop"))
    cutoff = _parse_date(values.get("ngay_chot_so_lieu")) or deadline
    if schedule:
        deadline, cutoff = deadline or schedule[0].deadline, cutoff or schedule[0].cutoff
    for key, parsed in (("han_nop", deadline), ("ngay_chot_so_lieu", cutoff)):
        if _text(values.get(key)) and parsed is None:
            out.add(
                "setting-not-date",
                sheet=SETTINGS_SHEET,
                cell=where.get(key),
                key=key,
                value=_text(values.get(key)),
            )
    if deadline is None or cutoff is None or out.problems:
        return None
    title = one_line(_text(values.get("ten_ke_hoach")))
    version = _text(values.get("phien_ban_bieu_mau")) or "1"
    names = tuple(
        p.strip() for p in re.split(r"[;,]", _text(values.get("ky_bao_cao"))) if p.strip()
    )
    if schedule is None:
        schedule = from_settings(names, deadline, cutoff, version)
    else:
        schedule = settle_schedule(names, schedule, values, where, out)
        names = tuple(p.name for p in schedule)
    if out.problems:
        return None
    return Settings(
        plan_code=_text(values.get("ma_ke_hoach")),
        title=title,
        short_title=one_line(_text(values.get("ten_ngan"))) or title,
        issuer=_text(values.get("co_quan_ban_hanh")),
        receiver=_text(values.get("co_quan_nhan")),
        periods=names,
        deadline=deadline,
        deadline_inclusive=fold(_text(values.get("han_nop_tinh_ca_ngay")))
        not in {"khong", "no", "0"},
        cutoff=cutoff,
        form_version=version,
        schedule=schedule,
    )


def _tasks(
    rows: list[tuple[int, dict[str, Any]]], registry: Registry, out: _Collector
) -> tuple[
    list[Group], list[Task], list[tuple[str, str]], dict[str, tuple[Resolution, Resolution]]
]:
    groups: list[Group] = []
    cells: dict[str, tuple[Resolution, Resolution]] = {}
    tasks: list[Task] = []
    unexpanded: list[tuple[str, str]] = []
    seen: dict[str, str] = {}
    group = ""
    for number, record in rows:
        cols = record["__cols__"]
        tt = _text(record.get(TASK_NUMBER)).rstrip(".").strip()
        tt_cell = _cell(cols[TASK_NUMBER], number)
        if _ROMAN.match(tt.upper() or "-"):
            group = tt.upper()
            groups.append(Group(group, one_line(_text(record.get(TASK_CONTENT)))))
            continue
        if not tt.isdigit():
            key = "task-number-missing" if not tt else "task-number-invalid"
            out.add(key, sheet=TASK_SHEET, cell=tt_cell, value=tt)
            continue
        tt = str(int(tt))
        if tt in seen:
            out.add("task-duplicate", sheet=TASK_SHEET, cell=tt_cell, task=tt, first=seen[tt])
            continue
        seen[tt] = tt_cell
        if not group:
            out.add("task-without-group", sheet=TASK_SHEET, cell=tt_cell, task=tt)
        resolved = {}
        readings = {}
        for header in (TASK_LEAD, TASK_COORD):
            text = one_line(_text(record.get(header)))
            resolution = registry.resolve(text)
            for words in resolution.leftovers:
                out.add(
                    "agency-words-unknown",
                    sheet=TASK_SHEET,
                    cell=_cell(cols[header], number),
                    words=words,
                    task=tt,
                )
            unexpanded += [(tt, p) for p in resolution.unexpanded]
            resolved[header] = resolution.codes
            readings[header] = resolution
        cells[tt] = (readings[TASK_LEAD], readings[TASK_COORD])
        leads = resolved[TASK_LEAD]
        lead_set = set(leads)
        if not leads:
            out.add(
                "task-no-lead",
                sheet=TASK_SHEET,
                cell=_cell(cols[TASK_LEAD], number),
                task=tt,
            )
        tasks.append(
            Task(
                number=tt,
                group=group,
                content=_text(record.get(TASK_CONTENT)),
                lead_text=one_line(_text(record.get(TASK_LEAD))),
                coord_text=one_line(_text(record.get(TASK_COORD))),
                timeline=tl.parse(one_line(_text(record.get(TASK_TIMELINE)))),
                leads=leads,
                coordinators=tuple(c for c in resolved[TASK_COORD] if c not in lead_set),
                row=number,
            )
        )
    if not tasks and not out.problems:
        out.add("plan-no-tasks", sheet=TASK_SHEET)
    return groups, tasks, unexpanded, cells
