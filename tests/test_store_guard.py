"""A store the officer cannot use (a folder, not a database, locked, from a newer version) is
one sentence with exit 2 naming the file, never an 'unexpected error' or a silent downgrade."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from pipeline.core.errors import KehoachError
from pipeline.plan.model import Plan
from pipeline.run import run
from pipeline.store.db import SCHEMA_VERSION, open_store


def _folder(path: Path) -> None:
    path.mkdir()


def _garbage(path: Path) -> None:
    path.write_bytes(b"not a database at all, " * 300)


def _newer(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()


@pytest.mark.parametrize(
    ("spoil", "key"),
    [
        (_folder, "store-is-folder"),
        (_garbage, "store-unreadable"),
        (_newer, "store-newer"),
    ],
)
def test_a_store_that_cannot_be_used_is_refused_by_name(
    tmp_path: Path, spoil: Callable[[Path], None], key: str
) -> None:
    path = tmp_path / "kehoach.sqlite"
    spoil(path)
    with pytest.raises(KehoachError) as caught:
        open_store(path)
    assert caught.value.key == key
    assert caught.value.params["path"] == str(path)


def test_a_newer_store_keeps_its_version(tmp_path: Path) -> None:
    path = tmp_path / "kehoach.sqlite"
    _newer(path)
    with pytest.raises(KehoachError):
        open_store(path)
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    connection.close()


def test_a_store_locked_by_another_program_is_named(tmp_path: Path) -> None:
    path = tmp_path / "kehoach.sqlite"
    open_store(path)[0].close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(KehoachError) as caught:
            open_store(path, timeout=0.1)
        assert caught.value.key == "store-locked"
    finally:
        holder.rollback()
        holder.close()


def test_an_empty_file_becomes_a_store(tmp_path: Path) -> None:
    path = tmp_path / "kehoach.sqlite"
    path.write_bytes(b"")
    connection, _ = open_store(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    connection.close()


def test_a_store_locked_while_the_run_reads_is_named_not_unexpected(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    """Another program (or a second run) takes the store between its opening and the saving
    of the results: one sentence saying the workbook is written and the store is not."""
    inbox, outbox, store = tmp_path / "inbox", tmp_path / "outbox", tmp_path / "kehoach.sqlite"
    inbox.mkdir()
    outbox.mkdir()
    shutil.copy(forms / "2024_so_y_te.xlsx", inbox / "2024_so_y_te.xlsx")
    holders: list[sqlite3.Connection] = []

    def take_the_store() -> None:
        if not holders:
            holder = sqlite3.connect(store, isolation_level=None)
            holder.execute("BEGIN EXCLUSIVE")
            holders.append(holder)

    try:
        with pytest.raises(KehoachError) as caught:
            run(
                plan,
                inbox,
                outbox,
                "2024",
                date(2025, 1, 6),
                jobs=1,
                on_read=take_the_store,
                store=store,
            )
        assert caught.value.key in ("store-locked", "store-not-saved")
        assert caught.value.params["path"] == str(store)
    finally:
        for holder in holders:
            holder.rollback()
            holder.close()
