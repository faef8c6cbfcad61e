"""A closed period (issue 13): the Word documents keep its frozen figures, a second close
changes nothing, and a store another program holds during `receive` or `close` is named."""

from __future__ import annotations

import sqlite3
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from openpyxl import load_workbook

from pipeline.cli import cli
from pipeline.core.errors import KehoachError
from pipeline.outputs.closed_mark import closed_mark, stamp
from pipeline.plan.model import Plan
from pipeline.store import actions
from pipeline.store.db import open_store
from tests.conftest import PLAN
from tests.helpers import answers_for, fill_return, kehoach

AS_OF = "06/01/2025"
TODAY = f"{date.today():%d/%m/%Y}"  # a period closed by a test is closed today


def _kehoach(root: Path, command: str, *options: str, as_of: str = AS_OF) -> Result:
    result = kehoach(command, root / "inbox", root / "outbox", "--jobs", "2", *options, as_of=as_of)
    assert result.exit_code == 0, result.output
    return result


def _close(root: Path, *before: str) -> Result:
    arguments = ["close", "--plan", str(PLAN), "--period", "2024", "--outbox", str(root / "outbox")]
    return CliRunner().invoke(cli, [*before, *arguments])


def _documents(root: Path) -> tuple[bytes, bytes, str]:
    """The draft report and the reminder letter as written now, and what `remind` said."""
    _kehoach(root, "report", "--force")
    reminded = _kehoach(root, "remind", "--force", "--deadline", "20/01/2025")
    outbox = root / "outbox"
    report = (outbox / "bao-cao-2024.docx").read_bytes()
    return report, (outbox / "don-doc-2024.docx").read_bytes(), reminded.output


@pytest.fixture
def closed(plan: Plan, forms: Path, tmp_path: Path) -> Path:
    """An officer's folder: Sở Y tế's return counted, then 2024 closed."""
    fill_return(forms, tmp_path, "so_y_te", answers_for(plan, "so_y_te"))
    _kehoach(tmp_path, "run")
    closing = _close(tmp_path)
    assert closing.exit_code == 0, closing.output
    return tmp_path


def test_report_and_remind_keep_a_closed_periods_figures(
    plan: Plan, forms: Path, closed: Path
) -> None:
    report, letter, said = _documents(closed)
    assert f"số liệu lúc chốt ngày {TODAY}" in said
    assert "(30 đơn vị)" in said  # 31 expected, one submitted

    # After closing: a new valid return, and a receipt date that would make Sở Y tế late.
    fill_return(forms, closed, "so_khcn", answers_for(plan, "so_khcn"))
    received = CliRunner().invoke(
        cli,
        [
            "receive",
            str(closed / "inbox" / "2024_so_y_te.xlsx"),
            "--date",
            "20/12/2024",
            "--inbox",
            str(closed / "inbox"),
        ],
    )
    assert received.exit_code == 0, received.output
    assert _documents(closed)[:2] == (report, letter)
    english = _kehoach(closed, "report", "--force", "--lang", "en")
    assert f"the figures as closed on {TODAY}" in english.output

    reopened = _kehoach(closed, "run", "--reopen")
    assert "Đã mở lại kỳ 2024" in reopened.output
    report_now, letter_now, said_now = _documents(closed)
    assert report_now != report and letter_now != letter
    assert "(29 đơn vị)" in said_now and "lúc chốt" not in said_now


def test_a_closed_return_taken_out_of_the_inbox_is_named(closed: Path) -> None:
    (closed / "inbox" / "2024_so_y_te.xlsx").unlink()
    result = kehoach("report", closed / "inbox", closed / "outbox", as_of=AS_OF)
    assert result.exit_code == 2, result.output
    assert "2024_so_y_te.xlsx" in result.output and "--reopen" in result.output
    assert not (closed / "outbox" / "bao-cao-2024.docx").exists()


def test_a_closed_return_changed_in_the_inbox_is_named(
    plan: Plan, forms: Path, closed: Path
) -> None:
    other = answers_for(plan, "so_y_te", t13={"status": "Đang thực hiện", "progress": 50})
    fill_return(forms, closed, "so_y_te", other)
    result = kehoach("remind", closed / "inbox", closed / "outbox", as_of=AS_OF)
    assert result.exit_code == 2, result.output
    assert "2024_so_y_te.xlsx" in result.output and "đã thay đổi" in result.output


def _closure(root: Path) -> tuple[Any, ...]:
    connection = sqlite3.connect(root / "kehoach.sqlite")
    try:
        row = connection.execute("SELECT * FROM closed_periods").fetchall()
    finally:
        connection.close()
    assert len(row) == 1
    return tuple(row[0])


def test_closing_a_closed_period_again_changes_nothing(closed: Path) -> None:
    before = _closure(closed)
    workbook = closed / "outbox" / "tong-hop-2024.xlsx"
    workbook.write_bytes(b"edited by hand")  # must not become the frozen copy
    again = _close(closed)
    assert again.exit_code == 0, again.output
    assert f"Kỳ 2024 đã được chốt ngày {TODAY}" in again.output
    assert "Đã chốt kỳ 2024" not in again.output
    assert _closure(closed) == before
    english = _close(closed, "--lang", "en")
    assert f"Period 2024 was already closed on {TODAY}" in english.output


@contextmanager
def _taken_after_opening(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[sqlite3.Connection]]:
    """The store opens, then another program takes it (BEGIN EXCLUSIVE) before it is written."""
    holders: list[sqlite3.Connection] = []

    def open_then_taken(path: Path, timeout: float = 5.0) -> tuple[sqlite3.Connection, bool]:
        connection, created = open_store(path, timeout=0.1)
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        holders.append(holder)
        return connection, created

    monkeypatch.setattr(actions, "open_store", open_then_taken)
    try:
        yield holders
    finally:
        for holder in holders:
            holder.rollback()
            holder.close()


def test_a_store_taken_during_receive_is_the_locked_sentence(
    plan: Plan, forms: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = fill_return(forms, tmp_path, "so_y_te", answers_for(plan, "so_y_te"))
    arguments = ["receive", str(path), "--date", "10/12/2024", "--inbox", str(tmp_path / "inbox")]
    with _taken_after_opening(monkeypatch) as holders:
        result = CliRunner().invoke(cli, arguments)
    assert holders, "the store was never opened"
    assert result.exit_code == 2, result.output
    assert "đang bị chương trình khác" in result.output and "kehoach.sqlite" in result.output
    assert "Lỗi không mong đợi" not in result.output


def test_a_store_taken_during_close_is_the_locked_sentence(
    plan: Plan, forms: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_return(forms, tmp_path, "so_y_te", answers_for(plan, "so_y_te"))
    _kehoach(tmp_path, "run")
    with _taken_after_opening(monkeypatch) as holders:
        result = _close(tmp_path, "--lang", "en")
    assert holders, "the store was never opened"
    assert result.exit_code == 2, result.output
    assert "is held by another program" in result.output
    assert "unexpected" not in result.output.lower()
    connection = sqlite3.connect(tmp_path / "kehoach.sqlite")
    assert connection.execute("SELECT COUNT(*) FROM closed_periods").fetchone() == (0,)
    connection.close()


def test_a_closed_periods_documents_use_its_frozen_day(closed: Path) -> None:
    """Another --as-of does not move a closed period's figures (overdue tasks follow it)."""
    report, _, _ = _documents(closed)
    _kehoach(closed, "report", "--force", as_of="30/06/2025")
    assert (closed / "outbox" / "bao-cao-2024.docx").read_bytes() == report


def test_a_closed_workbook_says_so_in_its_document_properties(closed: Path) -> None:
    workbook = closed / "outbox" / "tong-hop-2024.xlsx"
    assert closed_mark(workbook) == ("2024", date.today())
    with zipfile.ZipFile(workbook) as package:
        core = package.read("docProps/core.xml").decode("utf-8")
        sheets = [n for n in package.namelist() if n.startswith("xl/worksheets/")]
    assert f"<cp:contentStatus>kehoach: đã chốt kỳ 2024 ngày {TODAY}</cp:contentStatus>" in core
    assert sheets  # still a whole workbook
    assert load_workbook(workbook).sheetnames  # and one openpyxl opens


@pytest.mark.parametrize("store_fate", ["deleted", "replaced"])
def test_a_closed_workbook_is_not_overwritten_when_the_store_lost_its_closure(
    plan: Plan, forms: Path, closed: Path, store_fate: str
) -> None:
    """Before: with kehoach.sqlite deleted (or a fresh one copied in), `run --period 2024`
    recomputed 2024 from the inbox and overwrote the closed workbook. The workbook carries
    the mark now: the run refuses, exit 2, naming the way back (the store, or --reopen)."""
    workbook = closed / "outbox" / "tong-hop-2024.xlsx"
    closed_bytes = workbook.read_bytes()
    store = closed / "kehoach.sqlite"
    store.unlink()
    if store_fate == "replaced":
        open_store(store)[0].close()
    fill_return(forms, closed, "so_noi_vu", answers_for(plan, "so_noi_vu"))
    refused = kehoach("run", closed / "inbox", closed / "outbox", "--period", "2024", as_of=AS_OF)
    assert refused.exit_code == 2
    assert "đã chốt ngày" in refused.output and "--reopen" in refused.output
    assert "tong-hop-2024.xlsx" in refused.output
    assert workbook.read_bytes() == closed_bytes
    reopened = _kehoach(closed, "run", "--period", "2024", "--reopen")
    assert "Tệp trong inbox: 2" in reopened.output
    assert workbook.read_bytes() != closed_bytes and closed_mark(workbook) is None


def test_a_workbook_closed_for_another_period_does_not_stop_this_one(closed: Path) -> None:
    """The mark names its period: a 2024 workbook copied over 2025's name stops nothing of
    2025's (its run writes its own workbook), while 2024's own is refused."""
    outbox = closed / "outbox"
    copied = outbox / "tong-hop-2025.xlsx"
    copied.write_bytes((outbox / "tong-hop-2024.xlsx").read_bytes())
    store = closed / "kehoach.sqlite"
    store.unlink()
    assert actions.frozen(store, "2025", copied) == (None, False)
    with pytest.raises(KehoachError) as refused:
        actions.frozen(store, "2024", outbox / "tong-hop-2024.xlsx")
    assert refused.value.key == "closed-mark-without-store"


@pytest.mark.parametrize(
    "core",
    [
        b"",  # not a package
        b"PK\x05\x06" + b"\0" * 18,  # an empty package
    ],
)
def test_a_workbook_without_a_readable_mark_is_not_closed(tmp_path: Path, core: bytes) -> None:
    path = tmp_path / "tong-hop-2024.xlsx"
    path.write_bytes(core)
    assert closed_mark(path) is None
    assert closed_mark(tmp_path / "absent.xlsx") is None


def test_an_empty_status_is_replaced_not_doubled(tmp_path: Path) -> None:
    """Some tools write `<cp:contentStatus/>`; a second status element beside it would make
    the document properties invalid for Excel."""
    core = (
        b'<cp:coreProperties xmlns:cp="x"><cp:contentStatus/><dc:creator>a</dc:creator>'
        b"</cp:coreProperties>"
    )
    path = tmp_path / "tong-hop-2024.xlsx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("docProps/core.xml", core)
    stamp(path, "2024", date(2025, 1, 20))
    with zipfile.ZipFile(path) as package:
        written = package.read("docProps/core.xml")
    assert written.count(b"contentStatus") == 2  # one element: its start and end tags
    assert closed_mark(path) == ("2024", date(2025, 1, 20))
