"""Per-period values in two places, and returns of a period the plan has not (issue 13).

Once the sheet `Kỳ báo cáo` exists it gives each period's deadline, cutoff and form version;
`Cấu hình` keeps `han_nop`, `ngay_chot_so_lieu` and `phien_ban_bieu_mau` from before. A newcomer
moved the deadline and raised the version in `Cấu hình`, and nothing changed without a word.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from pipeline.cli import cli
from tests.conftest import TEMPLATE
from tests.test_periods import _plan_2025


def _set(target: Path, **settings: str) -> None:
    """Write `Cấu hình` values as the officer types them (text, as Excel keeps a typed date)."""
    workbook = load_workbook(target)
    for key_cell, value_cell in workbook["Cấu hình"].iter_rows(min_row=2, max_col=2):
        if key_cell.value in settings:
            value_cell.value = settings[str(key_cell.value)]
    workbook.save(target)


@pytest.mark.parametrize(
    ("key", "value", "column", "on_sheet"),
    [
        ("han_nop", "20/12/2024", "Hạn nộp", "15/12/2024"),
        ("ngay_chot_so_lieu", "10/12/2024", "Chốt số liệu", "14/12/2024"),
        ("phien_ban_bieu_mau", "2", "Phiên bản biểu mẫu", "1"),
    ],
)
def test_a_setting_that_disagrees_with_the_period_sheet_stops_every_command(
    tmp_path: Path, key: str, value: str, column: str, on_sheet: str
) -> None:
    target = _plan_2025(tmp_path)
    _set(target, **{key: value})
    expected = (
        f"'{key}' ghi {value}, nhưng trang 'Kỳ báo cáo' ghi '{column}' của kỳ 2024 là {on_sheet}"
    )
    (tmp_path / "inbox").mkdir()
    plan, out = ["--plan", str(target)], str(tmp_path / "out")
    for command in (
        ["plan", *plan],
        ["templates", *plan, "--period", "2024", "--template", str(TEMPLATE), "--out", out],
        ["run", *plan, "--inbox", str(tmp_path / "inbox"), "--outbox", out, "--period", "2024"],
    ):
        result = CliRunner().invoke(cli, [*command, "--as-of", "20/11/2024"])
        assert result.exit_code == 2, (command, result.output)
        assert expected in result.output, result.output
        assert "trang 'Cấu hình'" in result.output
    assert not (tmp_path / "out").exists()
    english = CliRunner().invoke(cli, ["--lang", "en", "plan", "--plan", str(target)])
    assert f"'{key}' says {value}, but sheet 'Kỳ báo cáo'" in english.output


def test_settings_that_agree_with_the_sheet_are_fine(tmp_path: Path) -> None:
    target = _plan_2025(tmp_path)
    _set(target, han_nop="15/12/2024", phien_ban_bieu_mau="1")
    result = CliRunner().invoke(cli, ["plan", "--plan", str(target), "--as-of", "20/11/2025"])
    assert result.exit_code == 0, result.output


def test_without_versions_on_the_sheet_every_period_takes_the_settings_version(
    tmp_path: Path,
) -> None:
    """The guide says raise `phien_ban_bieu_mau`: with no version column it must count."""
    target = _plan_2025(tmp_path)
    workbook = load_workbook(target)
    workbook["Kỳ báo cáo"].delete_cols(6)
    workbook.save(target)
    _set(target, phien_ban_bieu_mau="3")
    result = CliRunner().invoke(cli, ["plan", "--plan", str(target), "--as-of", "20/11/2025"])
    assert result.exit_code == 0, result.output
    assert "hạn nộp 15/12/2024; chốt số liệu 14/12/2024; biểu mẫu phiên bản 3" in result.output
    assert "hạn nộp 15/12/2025; chốt số liệu 14/12/2025; biểu mẫu phiên bản 3" in result.output


def test_a_return_of_a_period_the_plan_has_not_gets_no_period_hint(tmp_path: Path) -> None:
    """In a folder made by `init --period 2025`, `--period 2024` would be refused."""
    runner = CliRunner()
    made = runner.invoke(cli, ["init", str(tmp_path / "kh2024"), "--period", "2024"])
    assert made.exit_code == 0, made.output
    forms = tmp_path / "forms"
    plan_2024 = str(tmp_path / "kh2024" / "templates" / "task_matrix.xlsx")
    sent = runner.invoke(
        cli,
        ["templates", "--period", "2024", "--plan", plan_2024, "--out", str(forms)],
    )
    assert sent.exit_code == 0, sent.output
    assert runner.invoke(cli, ["init", str(tmp_path / "kh"), "--period", "2025"]).exit_code == 0
    old = tmp_path / "kh" / "inbox" / "2024_so_y_te.xlsx"
    shutil.copyfile(forms / "2024_so_y_te.xlsx", old)
    plan = str(tmp_path / "kh" / "templates" / "task_matrix.xlsx")
    checked = runner.invoke(cli, ["check", "--plan", plan, "--as-of", "20/11/2025", str(old)])
    assert "Thuộc kỳ khác" in checked.output, checked.output
    assert "kế hoạch không có kỳ 2024 (các kỳ: 2025)" in checked.output
    assert "--period 2024" not in checked.output
    english = runner.invoke(
        cli, ["--lang", "en", "check", "--plan", plan, "--as-of", "20/11/2025", str(old)]
    )
    assert "the plan has no period 2024 (its periods: 2025)" in english.output
    # a period the plan has still gets its hint
    both = _plan_2025(tmp_path / "both")
    hinted = runner.invoke(
        cli, ["check", "--plan", str(both), "--period", "2025", "--as-of", "20/11/2025", str(old)]
    )
    assert "(chạy với --period 2024 để xem kỳ đó)" in hinted.output, hinted.output
