"""A synthetic plan with N agencies and a filled inbox, for the benchmark and its smoke test.

The default task matrix gets extra communes (kind `huyen`), so "Ủy ban nhân dân các huyện,
thành phố" makes each of them lead three tasks and coordinate four, as a district does.
"""

from __future__ import annotations

import multiprocessing
import random
import shutil
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from pipeline.contracts.form import form_name
from pipeline.contracts.matrix import AGENCY_SHEET, KIND_DISTRICT
from pipeline.core.libreoffice import soffice
from pipeline.demo.simulate import fill_form, plausible_answers
from pipeline.plan.load import load_plan
from pipeline.plan.model import Plan

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PLAN = ROOT / "pipeline" / "data" / "task_matrix.xlsx"
DEFAULT_TEMPLATE = ROOT / "pipeline" / "data" / "agency_report_template.xlsx"
ERROR_SHARE = 0.05


def commune_code(index: int) -> str:
    return f"xa_{index:04d}"


def build_plan(folder: Path, agencies: int) -> Path:
    """templates/ in `folder` with the default plan grown to `agencies` agencies."""
    templates = folder / "templates"
    templates.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(DEFAULT_TEMPLATE, templates / "agency_report_template.xlsx")
    workbook = load_workbook(DEFAULT_PLAN)
    sheet = workbook[AGENCY_SHEET]
    for index in range(1, max(0, agencies - 31) + 1):
        sheet.append(
            [
                commune_code(index),
                f"Ủy ban nhân dân xã Thử Nghiệm {index:04d}",
                KIND_DISTRICT,
                1000 + index,
                f"UBND xã Thử Nghiệm {index:04d}",
                "",
            ]
        )
    target = templates / "task_matrix.xlsx"
    workbook.save(target)
    return target


def _fill_one(args: tuple[str, str, str, int, bool]) -> None:
    plan_path, forms, inbox, index, broken = args
    plan = _plan_cache(plan_path)
    agency = plan.expected_agencies()[index]
    rng = random.Random(index)
    answers = plausible_answers(plan, agency.code, rng)
    if broken:
        first = next(iter(answers))
        answers[first] = {**answers[first], "status": "Xong rồi", "progress": 150}
    saved = datetime(2024, 12, 1 + index % 14, 8 + index % 9, index % 60)
    fill_form(
        Path(forms) / form_name("2024", agency.code),
        Path(inbox) / form_name("2024", agency.code),
        answers,
        {"kh_ngay_bao_cao": saved.date()},
        saved,
    )


_PLANS: dict[str, Plan] = {}


def _plan_cache(path: str) -> Plan:
    if path not in _PLANS:
        _PLANS[path] = load_plan(Path(path))
    return _PLANS[path]


def fill_inbox(plan_path: Path, forms: Path, inbox: Path, jobs: int = 2) -> dict[str, Any]:
    """Fill every form as its agency would; 5% carry errors. Returns what was made."""
    inbox.mkdir(parents=True, exist_ok=True)
    plan = load_plan(plan_path)
    count = len(plan.expected_agencies())
    step = max(1, round(1 / ERROR_SHARE))
    work = [(str(plan_path), str(forms), str(inbox), i, i % step == step - 1) for i in range(count)]
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        pool.map(_fill_one, work, chunksize=16)
    return {"returns": count, "with_errors": sum(1 for w in work if w[4])}


def resave_share(inbox: Path, share: float, timeout: float = 600) -> int:
    """Re-save a share of the returns through LibreOffice (as .ods), when it is installed."""
    import subprocess
    import tempfile

    program = soffice()
    if program is None or share <= 0:
        return 0
    files = sorted(inbox.glob("*.xlsx"))
    chosen = files[:: max(1, round(1 / share))]
    if not chosen:
        return 0
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                program,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "ods",
                "--outdir",
                str(inbox),
                *map(str, chosen),
            ],
            check=False,
            capture_output=True,
            timeout=timeout,
        )
    converted = 0
    for path in chosen:
        if path.with_suffix(".ods").exists():
            path.unlink()
            converted += 1
    return converted


AS_OF = date(2025, 1, 6)
