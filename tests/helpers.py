"""Set-ups the tests share: a filled return in the inbox, `kehoach run` as the officer types it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from pipeline.cli import cli
from pipeline.demo.simulate import fill_form
from pipeline.plan.model import Plan
from tests.conftest import PLAN, ROOT

GOOD = {
    "status": "Đã hoàn thành",
    "progress": 100,
    "result": "Đã ban hành kế hoạch",
    "done_date": date(2024, 10, 1),
}
# The ten district people's committees of the embedded plan, in its order.
DISTRICTS = (
    "ubnd_tp_kon_tum",
    "ubnd_dak_glei",
    "ubnd_ngoc_hoi",
    "ubnd_dak_to",
    "ubnd_kon_plong",
    "ubnd_kon_ray",
    "ubnd_dak_ha",
    "ubnd_sa_thay",
    "ubnd_tu_mo_rong",
    "ubnd_ia_hdrai",
)


def answers_for(plan: Plan, code: str, **overrides: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """`GOOD` on every task of the agency; `t13={…}` answers task 13 otherwise."""
    answers = {a.task.number: dict(GOOD) for a in plan.assignments(code)}
    for task, values in overrides.items():
        answers[task.lstrip("t")] = values
    return answers


def fill_return(
    forms: Path,
    tmp_path: Path,
    code: str,
    answers: dict[str, dict[str, Any]],
    name: str | None = None,
    **options: Any,
) -> Path:
    """The agency's 2024 form, filled and saved into `tmp_path/inbox`."""
    target = tmp_path / "inbox" / (name or f"2024_{code}.xlsx")
    options.setdefault("saved_at", datetime(2024, 12, 10, 9, 0))
    fill_form(
        forms / f"2024_{code}.xlsx",
        target,
        answers,
        {"kh_ngay_bao_cao": date(2024, 12, 10)},
        **options,
    )
    return target


def kehoach(
    command: str,
    inbox: Path | str,
    outbox: Path | str,
    *options: str,
    as_of: str | None = None,
    before: Sequence[str] = (),
) -> Result:
    """`kehoach [before…] <command> --plan <the embedded plan> --inbox … --outbox … [--as-of …] …`:
    `run`, `report` or `remind` as the officer types it."""
    words = [*before, command, "--plan", str(PLAN), "--inbox", str(inbox), "--outbox", str(outbox)]
    if as_of is not None:
        words += ["--as-of", as_of]
    return CliRunner().invoke(cli, [*words, *options])


def run_command(
    inbox: Path | str,
    outbox: Path | str,
    *options: str,
    as_of: str | None = None,
    before: Sequence[str] = (),
) -> Result:
    return kehoach("run", inbox, outbox, *options, as_of=as_of, before=before)


def over_100_return(plan: Plan, forms: Path, tmp_path: Path) -> Path:
    """Sở Y tế's return claiming 300 % on task 13 (cell G14): one error, accepted in part."""
    wrong = answers_for(plan, "so_y_te", t13={**GOOD, "progress": 300})
    return fill_return(forms, tmp_path, "so_y_te", wrong)


def fresh_python(code: str) -> str:
    """What `code` prints in a new Python process started in the repository (a clean
    `sys.modules`: what importing something loads, seen from outside)."""
    ran = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return ran.stdout
