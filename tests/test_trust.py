"""The remaining trust items of issue 12: dates outside the plan, bounded run time, outputs
that are folders, option names in messages, formulas without a saved value, control
characters and full-width digits in what agencies and plans type."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.core.errors import KehoachError
from pipeline.plan.model import Plan
from pipeline.plan.periods import Period, as_of_window
from tests.conftest import PLAN

# --- --as-of outside the plan's years ----------------------------------------------------------

AS_OF_COMMANDS = [
    ["plan"],
    ["templates", "--out", "{tmp}/forms"],
    ["run", "--inbox", "{tmp}", "--outbox", "{tmp}/outbox"],
    ["report", "--inbox", "{tmp}", "--outbox", "{tmp}/outbox"],
    ["remind", "--inbox", "{tmp}", "--outbox", "{tmp}/outbox"],
    ["check", str(PLAN)],
]


@pytest.mark.parametrize("command", AS_OF_COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("day", ["01/06/2034", "15/12/2021"])
def test_as_of_outside_the_plan_is_refused(command: list[str], day: str, tmp_path: Path) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in command]
    result = CliRunner().invoke(cli, [args[0], "--plan", str(PLAN), *args[1:], "--as-of", day])
    assert result.exit_code == 2, result.output
    assert f"--as-of {day} nằm ngoài thời gian của kế hoạch (năm 2024)" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "outbox").exists() and not (tmp_path / "forms").exists()


def test_the_window_is_the_plan_years_with_a_year_each_side(plan: Plan) -> None:
    first, last = as_of_window(plan.settings.schedule)
    assert (first, last) == (date(2023, 1, 1), date(2025, 12, 31))
    plan.check_as_of(date(2025, 3, 1))  # the last consolidation of 2024, months later
    with pytest.raises(KehoachError):
        plan.check_as_of(date(2026, 1, 1))
    periods = [
        Period(str(y), date(y, 1, 1), date(y, 12, 31), date(y, 12, 15), date(y, 12, 14), "1")
        for y in range(2024, 2031)
    ]
    assert as_of_window(periods)[1] == date(2031, 12, 31)  # early 2031 for the 2030 period
    assert as_of_window(periods[:1], [date(2030, 6, 30)])[1] == date(2031, 12, 31)  # timelines
