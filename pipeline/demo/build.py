"""`kehoach demo`: the whole workflow on the embedded plan, in a folder of its own."""

from __future__ import annotations

import os
import random
import shutil
import zipfile
from datetime import date, datetime
from pathlib import Path

from pipeline.contracts.form import DONE, form_name
from pipeline.contracts.matrix import SETTINGS_SHEET
from pipeline.core import libreoffice
from pipeline.core.errors import KehoachError
from pipeline.demo.simulate import fill_form, plausible_answers
from pipeline.forms.batch import write_forms
from pipeline.outputs.docx_layout import TEMPLATE_NAME as REPORT_TEMPLATE
from pipeline.outputs.remind import write_reminders
from pipeline.outputs.report_docx import report_path, write_report
from pipeline.plan.load import load_plan
from pipeline.plan.model import Plan
from pipeline.plan.periods import shift_years
from pipeline.run import RunResult, run
from pipeline.store.db import STORE_NAME, store_path

DATA = Path(__file__).resolve().parent.parent / "data"
AS_OF = date(2025, 1, 6)
MISSING = ("so_ngoai_vu", "thanh_tra", "ubnd_ia_hdrai")


def init_folder(folder: Path, period: str | None = None) -> list[Path]:
    """A plan's working folder with the embedded default; nothing that exists is replaced.

    With `period` (a year) the plan is that year's: its one period, deadline and data cutoff
    on the embedded plan's days of that year.
    """
    if period is not None and not (period.isdigit() and len(period) == 4):
        raise KehoachError("period-year-invalid", value=period)
    created: list[Path] = []
    for sub in ("templates", "inbox", "outbox"):
        path = folder / sub
        if not path.exists():
            path.mkdir(parents=True)
            created.append(path)
    for name in ("task_matrix.xlsx", "agency_report_template.xlsx", REPORT_TEMPLATE):
        target = folder / "templates" / name
        if not target.exists():
            shutil.copyfile(DATA / name, target)
            if period is not None and name == "task_matrix.xlsx":
                _plan_for_year(target, period)
            created.append(target)
    return created


MARKER = ".kehoach-demo"  # in every folder the demo made: only those may be emptied again
_DEMO_PARTS = ("templates", "inbox", "outbox", STORE_NAME, MARKER)


def clear_previous_demo(folder: Path) -> None:
    """Make room for a new demo without deleting anything the demo did not create.

    A missing or empty folder is used as it is; a previous demo (it holds the marker) loses
    only the parts the demo makes; any other folder is refused.
    """
    if not folder.exists():
        return
    if not folder.is_dir():
        raise KehoachError("demo-folder-not-empty", path=str(folder))
    entries = list(folder.iterdir())
    if not entries:
        return
    if not (folder / MARKER).is_file():
        raise KehoachError("demo-folder-not-empty", path=str(folder))
    for name in _DEMO_PARTS:
        part = folder / name
        if part.is_dir() and not part.is_symlink():
            shutil.rmtree(part)
        elif part.exists() or part.is_symlink():
            part.unlink()


def _plan_for_year(target: Path, year: str) -> None:
    """The embedded plan set to one year: `ky_bao_cao`, `han_nop`, `ngay_chot_so_lieu`."""
    from openpyxl import load_workbook  # only `init --period` needs it

    workbook = load_workbook(target)
    sheet = workbook[SETTINGS_SHEET]
    for key_cell, value_cell in sheet.iter_rows(min_row=2, max_col=2):
        if key_cell.value == "ky_bao_cao":
            value_cell.value = year
        elif key_cell.value in ("han_nop", "ngay_chot_so_lieu") and isinstance(
            value_cell.value, datetime
        ):
            value_cell.value = shift_years(value_cell.value, int(year) - value_cell.value.year)
    workbook.save(target)


def build_demo(folder: Path) -> tuple[RunResult, list[str]]:
    clear_previous_demo(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).write_text("kehoach demo\n", encoding="utf-8")
    init_folder(folder)
    templates, inbox, outbox = folder / "templates", folder / "inbox", folder / "outbox"
    plan = load_plan(templates / "task_matrix.xlsx")
    period = plan.settings.periods[0]
    forms = outbox / "templates" / period
    write_forms(plan, templates / "agency_report_template.xlsx", period, forms)
    notes = ["demo-forms", *_returns(plan, forms, inbox, period)]
    result = run(plan, inbox, outbox, period, AS_OF, jobs=None, store=store_path(outbox))
    word = templates / REPORT_TEMPLATE
    write_report(plan, result.consolidation, period, report_path(outbox, period), word)
    write_reminders(plan, result.consolidation, period, outbox, word)
    return result, [*notes, "demo-documents"]


def _returns(plan: Plan, forms: Path, inbox: Path, period: str) -> list[str]:
    rng = random.Random(2024)
    agencies = [a for a in plan.expected_agencies() if a.code not in MISSING]
    notes: list[str] = []
    for index, agency in enumerate(agencies):
        answers = plausible_answers(plan, agency.code, rng)
        saved = datetime(2024, 12, 2 + index % 12, 8 + index % 9, 15)
        header = {
            "kh_ngay_bao_cao": saved.date(),
            "kh_nguoi_lien_he": "Nguyễn Văn An",
            "kh_dien_thoai": "0260 3862 000",
        }
        source = forms / form_name(period, agency.code)
        target = inbox / form_name(period, agency.code)
        first = next(iter(answers))
        if agency.code == "so_y_te":  # typical mistakes: a typo'd status, progress over 100
            answers[first] = {**answers[first], "status": "Xong rồi", "progress": 120}
        if agency.code == "so_tu_phap":  # warnings only: done without a result
            answers[first] = {"status": DONE, "progress": 90}
        if agency.code == "so_xay_dung":  # text that looks like a formula stays text
            answers[first] = {**answers[first], "result": "=1+1 hội nghị; @SUM(A1) đã tổ chức"}
        if agency.code == "ubnd_kon_ray":  # late
            saved = datetime(2024, 12, 18, 16, 40)
        if agency.code == "so_gtvt":  # resubmission: an early draft, then the final one
            draft = {k: {"status": "Đang thực hiện", "progress": 10} for k in answers}
            fill_form(
                source, inbox / "ban-nhap" / target.name, draft, header, datetime(2024, 12, 3, 9, 0)
            )
        fill_form(source, target, answers, header, saved)
        if agency.code == "so_cong_thuong":  # sent as a zip of the e-mail
            with zipfile.ZipFile(inbox / "thu-so-cong-thuong.zip", "w") as archive:
                archive.write(target, target.name)
            target.unlink()
            # received when the e-mail came: on time is judged on the zip's own time
            os.utime(inbox / "thu-so-cong-thuong.zip", (saved.timestamp(), saved.timestamp()))
    notes.append(_resave_with_libreoffice(inbox, form_name(period, "ubnd_dak_ha")))
    (inbox / "bao-cao-bi-hong.xlsx").write_bytes(b"PK\x03\x04 this file was cut in transit")
    (inbox / "~$2024_so_y_te.xlsx").write_bytes(b"\x00" * 162)
    return notes


def _resave_with_libreoffice(inbox: Path, name: str) -> str:
    source = inbox / name
    if libreoffice.soffice() is None or not source.exists():
        return "demo-no-libreoffice"
    converted = libreoffice.convert(source, "ods", inbox / "libreoffice")
    if converted is None:
        return "demo-no-libreoffice"
    received = source.stat().st_mtime  # the converted copy arrived when the original did
    os.utime(converted, (received, received))
    source.unlink()
    return "demo-libreoffice"
