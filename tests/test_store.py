"""The store of record: its documented schema, confirmed receipt dates, closed periods."""

from __future__ import annotations

import os
import re
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.cli import cli
from pipeline.demo.build import MARKER, clear_previous_demo
from pipeline.demo.simulate import fill_form
from pipeline.plan.model import Plan
from pipeline.run import consolidated
from pipeline.store.db import open_store, table_names
from tests.conftest import PLAN, ROOT
from tests.helpers import run_command

GOOD = {"status": "Đã hoàn thành", "progress": 100, "result": "Đã ban hành kế hoạch"}


def test_the_schema_is_the_documented_one(tmp_path: Path) -> None:
    connection, created = open_store(tmp_path / "kehoach.sqlite")
    assert created
    text = (ROOT / "docs" / "DATA.md").read_text(encoding="utf-8")
    listing = text.split("## Tables", 1)[1].split("###", 1)[0]
    documented = re.findall(r"^\| `(\w+)` \| ", listing, re.M)
    tables = table_names(connection)
    assert sorted(documented) == tables
    for table in tables:  # every column of every table is named in its own section
        section = text.split(f"### `{table}`", 1)[1].split("###", 1)[0]
        columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
        assert [c for c in columns if f"`{c}`" not in section] == [], table


def _send(plan: Plan, forms: Path, inbox: Path, code: str, saved: datetime, got: datetime) -> Path:
    answers = {a.task.number: dict(GOOD) for a in plan.assignments(code)}
    target = inbox / f"2024_{code}.xlsx"
    fill_form(forms / f"2024_{code}.xlsx", target, answers, {}, saved)
    os.utime(target, (got.timestamp(), got.timestamp()))
    return target


def _run(folder: Path, *extra: str) -> str:
    result = run_command(
        folder / "inbox", folder / "outbox", "--jobs", "2", *extra, as_of="06/01/2025"
    )
    assert result.exit_code == 0, result.output
    return result.output


def _receive(folder: Path, path: Path, day: str = "10/12/2024") -> Result:
    """`kehoach receive FILE --date DAY` for the plan folder `folder`."""
    inbox, outbox = str(folder / "inbox"), str(folder / "outbox")
    words = ["receive", str(path), "--date", day, "--inbox", inbox, "--outbox", outbox]
    return CliRunner().invoke(cli, words)


def test_confirmed_receipt_dates_decide_on_time(plan: Plan, forms: Path, tmp_path: Path) -> None:
    # Saved "01/12", copied into the inbox on 20/12; the officer confirms it arrived on 10/12.
    late_copy = _send(
        plan, forms, tmp_path / "inbox", "so_y_te", datetime(2024, 12, 1), datetime(2024, 12, 20)
    )
    first = _run(tmp_path)
    assert "Đã tạo kho dữ liệu" in first
    connection = sqlite3.connect(tmp_path / "kehoach.sqlite")
    on_time = connection.execute("SELECT on_time, late FROM period_runs").fetchone()
    assert on_time == (0, 1)
    received = _receive(tmp_path, late_copy)
    assert received.exit_code == 0, received.output
    assert "Đã ghi ngày nhận 10/12/2024 cho 2024_so_y_te.xlsx" in received.output
    again = _run(tmp_path)
    assert "Đã tạo kho dữ liệu" not in again
    assert connection.execute("SELECT on_time, late FROM period_runs").fetchone() == (1, 0)
    source = connection.execute(
        "SELECT received_source FROM period_outcomes WHERE file = '2024_so_y_te.xlsx'"
    ).fetchone()
    assert source == ("confirmed",)
    first_seen = connection.execute("SELECT first_seen, received_on FROM receipts").fetchall()
    assert len(first_seen) == 1 and first_seen[0][1] == "2024-12-10"


def test_a_save_during_the_confirmed_day_is_believed(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    """A confirmed date is a whole day: an agency that saved at 14:30 and e-mailed it that day
    did nothing wrong (it was a warning, 'saved after it arrived at 00:00', and a feedback copy)."""
    saved, copied = datetime(2024, 12, 10, 14, 30), datetime(2024, 12, 20, 9)
    late_copy = _send(plan, forms, tmp_path / "inbox", "so_y_te", saved, copied)
    received = _receive(tmp_path, late_copy)
    assert received.exit_code == 0, received.output
    assert "Tệp phản hồi cho đơn vị" not in _run(tmp_path)
    connection = sqlite3.connect(tmp_path / "kehoach.sqlite")
    outcome = connection.execute("SELECT outcome, received_source FROM period_outcomes")
    assert outcome.fetchall() == [("accepted", "confirmed")]
    assert connection.execute("SELECT code FROM period_findings").fetchall() == []
    # saved the day after the confirmed day: that is still not believed
    again = _send(plan, forms, tmp_path / "inbox", "so_y_te", datetime(2024, 12, 11, 8), copied)
    assert again == late_copy
    _receive(tmp_path, again)
    _run(tmp_path)
    codes = connection.execute("SELECT code FROM period_findings").fetchall()
    assert codes == [("saved-time-not-believed",)]


def test_receive_writes_the_store_run_reads_with_the_inbox_elsewhere(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    """An inbox on a shared drive (`--inbox`): the confirmed date went into a store beside
    that inbox, which no run reads, and the return stayed late."""
    share = tmp_path / "share"
    late_copy = _send(
        plan, forms, share / "inbox", "so_y_te", datetime(2024, 12, 1), datetime(2024, 12, 20)
    )
    words = ["--inbox", str(share / "inbox"), "--outbox", str(tmp_path / "outbox")]
    received = CliRunner().invoke(cli, ["receive", str(late_copy), "--date", "10/12/2024", *words])
    assert received.exit_code == 0, received.output
    ran = run_command(share / "inbox", tmp_path / "outbox", "--jobs", "2", as_of="06/01/2025")
    assert "(1 đúng hạn, 0 muộn)" in ran.output
    assert not (share / "kehoach.sqlite").exists()


def test_report_and_remind_count_receipts_as_run_does(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    """`report` and `remind` start from the same intake as `run`: confirmed receipt dates
    decide on time there too, and the outbox (last run's workbook) is never read as a return."""
    late_copy = _send(
        plan, forms, tmp_path / "inbox", "so_y_te", datetime(2024, 12, 1), datetime(2024, 12, 20)
    )
    received = _receive(tmp_path, late_copy)
    assert received.exit_code == 0, received.output
    _run(tmp_path)
    connection = sqlite3.connect(tmp_path / "kehoach.sqlite")
    ran = connection.execute("SELECT on_time, late, submitted FROM period_runs").fetchone()
    assert ran == (1, 0, 1)
    result = consolidated(
        plan, tmp_path / "inbox", tmp_path / "outbox", "2024", date(2025, 1, 6), jobs=2
    )
    h = result.headline
    assert (h["on_time"], h["late"], h["submitted"]) == ran


def test_a_closed_period_is_frozen_until_reopened(plan: Plan, forms: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    _send(plan, forms, inbox, "so_y_te", datetime(2024, 12, 2), datetime(2024, 12, 2))
    _run(tmp_path)
    args = ["close", "--plan", str(PLAN), "--period", "2024", "--outbox", str(tmp_path / "outbox")]
    closed = CliRunner().invoke(cli, args)
    assert closed.exit_code == 0, closed.output
    assert "Đã chốt kỳ 2024" in closed.output
    workbook = tmp_path / "outbox" / "tong-hop-2024.xlsx"
    frozen = workbook.read_bytes()

    _send(plan, forms, inbox, "so_khcn", datetime(2024, 12, 3), datetime(2024, 12, 3))
    later = _run(tmp_path)
    assert "Kỳ 2024 đã chốt ngày" in later and "đã nộp 1/31" in later
    assert workbook.read_bytes() == frozen
    workbook.unlink()
    restored = _run(tmp_path)
    assert "đã khôi phục bản đã chốt" in restored
    assert workbook.read_bytes() == frozen

    reopened = _run(tmp_path, "--reopen")
    assert "Đã mở lại kỳ 2024" in reopened
    assert workbook.read_bytes() != frozen
    connection = sqlite3.connect(tmp_path / "kehoach.sqlite")
    assert connection.execute("SELECT submitted FROM period_runs").fetchone() == (2,)


def test_deleting_the_store_loses_receipts_and_closures_only(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    _send(plan, forms, inbox, "so_y_te", datetime(2024, 12, 2), datetime(2024, 12, 2))
    _run(tmp_path)
    CliRunner().invoke(
        cli,
        ["close", "--plan", str(PLAN), "--period", "2024", "--outbox", str(tmp_path / "outbox")],
    )
    (tmp_path / "kehoach.sqlite").unlink()
    # The closed workbook says it is closed: without --reopen the run leaves it alone.
    refused = run_command(tmp_path / "inbox", tmp_path / "outbox", as_of="06/01/2025")
    assert refused.exit_code == 2 and "không còn dấu chốt" in refused.output
    output = _run(tmp_path, "--reopen")
    assert "các ngày nhận đã xác nhận và việc chốt kỳ đã mất" in output
    assert "đã chốt" not in output.split("Đã tạo kho dữ liệu")[0]
    assert sqlite3.connect(tmp_path / "kehoach.sqlite").execute(
        "SELECT submitted FROM period_runs"
    ).fetchone() == (1,)


def test_a_new_demo_starts_without_the_previous_demos_store(tmp_path: Path) -> None:
    """The demo's store sits beside its inbox and outbox: a stale one would carry the last
    demo's receipts and closed periods into the new one."""
    folder = tmp_path / "demo"
    folder.mkdir()
    (folder / MARKER).write_text("kehoach demo\n")
    open_store(folder / "kehoach.sqlite")[0].close()
    (folder / "ghi-chu.txt").write_text("the officer's note")
    clear_previous_demo(folder)
    assert sorted(p.name for p in folder.iterdir()) == ["ghi-chu.txt"]


def test_receive_refuses_a_file_outside_the_inbox(plan: Plan, forms: Path, tmp_path: Path) -> None:
    """A receipt recorded for a copy elsewhere could not be told from the inbox's file."""
    elsewhere = _send(
        plan, forms, tmp_path / "desk", "so_y_te", datetime(2024, 12, 1), datetime(2024, 12, 2)
    )
    (tmp_path / "inbox").mkdir()
    result = _receive(tmp_path, elsewhere)
    assert result.exit_code == 2
    assert "không nằm trong" in result.output and "chép tệp vào" in result.output
    assert not (tmp_path / "kehoach.sqlite").exists()


@pytest.mark.parametrize(
    ("day", "said"),
    [("10/12/2206", "là ngày chưa đến"), ("31/02/2024", "không phải là ngày"), ("x", "không phải")],
)
def test_receive_refuses_a_day_that_is_not_or_has_not_come(
    plan: Plan, forms: Path, tmp_path: Path, day: str, said: str
) -> None:
    """A mistyped year (2206) was 'not a date'; a receipt in the future would make a late
    return on time."""
    late_copy = _send(
        plan, forms, tmp_path / "inbox", "so_y_te", datetime(2024, 12, 1), datetime(2024, 12, 2)
    )
    result = _receive(tmp_path, late_copy, day)
    assert result.exit_code == 2
    assert said in result.output and day in result.output
    assert not (tmp_path / "kehoach.sqlite").exists()


def test_a_return_copied_without_its_time_keeps_the_time_first_seen(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    """Copying an inbox without file times (`cp -r`, a backup, a new computer) gives every file
    today's time: the demo went from 27 on time to 0. The store saw each file before."""
    on_time = _send(
        plan, forms, tmp_path / "inbox", "so_y_te", datetime(2024, 12, 1), datetime(2024, 12, 2)
    )
    _run(tmp_path)
    connection = sqlite3.connect(tmp_path / "kehoach.sqlite")
    assert connection.execute("SELECT on_time, late FROM period_runs").fetchone() == (1, 0)
    copied = datetime(2024, 12, 28).timestamp()
    os.utime(on_time, (copied, copied))  # the same bytes, a later time
    other = _send(  # new bytes: their own time counts, late
        plan, forms, tmp_path / "inbox", "so_tttt", datetime(2024, 12, 1), datetime(2024, 12, 28)
    )
    _run(tmp_path)
    assert connection.execute("SELECT on_time, late FROM period_runs").fetchone() == (1, 1)
    sources = dict(connection.execute("SELECT file, received_source FROM period_outcomes"))
    assert sources == {on_time.name: "store", other.name: "file"}
