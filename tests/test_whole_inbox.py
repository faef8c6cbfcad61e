"""Issue 12, "done when": one inbox holding every hostile entry the issue lists, and more, beside
correct returns. `kehoach run` is run as the officer runs it (its own process, its worker pool,
the default limits): it exits 0, writes the workbook with one outcome per entry, and leaves no
process behind. Each entry's own outcome is tested where it was fixed (`test_robust.py`,
`test_far_cells.py`); this is the run they share.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pipeline.plan.model import Plan
from tests.conftest import PLAN, ROOT
from tests.helpers import answers_for, fill_return
from tests.test_far_cells import _far_cell, _ods
from tests.test_robust import _huge_text_form, _log, _percent_trap, odd_returns

GOOD_CODES = ("so_cong_thuong", "so_nnptnt", "so_ldtbxh", "so_vhttdl")
ODS_TRAP = (
    b'<table:table-row table:number-rows-repeated="1000000"><table:table-cell/></table:table-row>'
    b'<table:table-row><table:table-cell office:value-type="float" office:value="1"/>'
    b"</table:table-row>"
)


def _hostile_inbox(plan: Plan, forms: Path, tmp_path: Path) -> Path:
    inbox = tmp_path / "inbox"
    for code in GOOD_CODES:
        fill_return(forms, tmp_path, code, answers_for(plan, code))
    odd_returns(plan, forms, tmp_path)  # inf, nan, 1e309, odd zips, a non-UTF-8 name, two clocks
    _huge_text_form(forms, tmp_path, plan)  # so_khdt: one 100 MB text cell
    # what is not a file: a FIFO, endless bytes, a folder link, a loop, a folder of nothing
    os.mkfifo(inbox / "pipe.xlsx")
    (inbox / "zero.zip").symlink_to("/dev/zero")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.move(
        str(fill_return(forms, tmp_path, "so_xay_dung", answers_for(plan, "so_xay_dung"))),
        elsewhere,
    )
    (inbox / "linked").symlink_to(elsewhere, target_is_directory=True)
    (inbox / "loop").symlink_to(inbox, target_is_directory=True)
    (inbox / "rong").mkdir()
    # files that cost a reader its time limit before: percent cells, far cells
    _percent_trap(forms, tmp_path, plan, "bay-phan-tram.xlsx")
    for index in range(3):
        far = fill_return(
            forms, tmp_path, "so_gtvt", answers_for(plan, "so_gtvt"), name=f"xa-{index}.xlsx"
        )
        _far_cell(far)
    (inbox / "xa.ods").write_bytes(_ods(ODS_TRAP))
    shutil.copyfile(ROOT / "tests" / "data" / "far-cell.xls", inbox / "xa.xls")
    # plainly broken
    (inbox / "hong.xlsx").write_bytes(b"PK\x03\x04" + os.urandom(300))
    (inbox / "~$2024_so_y_te.xlsx").write_bytes(b"lock")
    return inbox


def _reasons(workbook: Path) -> dict[str, str]:
    """`Nhật ký`: file -> the reason the officer reads."""
    rows = list(load_workbook(workbook, read_only=True)["Nhật ký"].iter_rows(values_only=True))
    header = next(i for i, r in enumerate(rows) if r and "Tệp" in r)
    file, reason = rows[header].index("Tệp"), rows[header].index("Lý do")
    return {str(r[file]): str(r[reason]) for r in rows[header + 1 :] if r and r[file]}


def _processes_naming(marker: str) -> list[int]:
    """Processes whose command line names `marker` (a forked worker keeps its parent's)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as handle:
                if marker.encode() in handle.read():
                    found.append(int(entry))
        except OSError:
            continue
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="FIFO, /dev/zero and /proc")
def test_a_run_over_every_hostile_entry_exits_0_with_one_outcome_each(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    inbox = _hostile_inbox(plan, forms, tmp_path)
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    words = ["run", "--plan", str(PLAN), "--inbox", str(inbox), "--outbox", str(outbox)]
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", *words, "--as-of", "20/12/2024", "--jobs", "2"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    seconds = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert not _processes_naming(str(inbox)), "a worker outlived the run"
    log = _log(outbox / "tong-hop-2024.xlsx")
    expected_entries = {
        *(f"2024_{code}.xlsx" for code in GOOD_CODES),
        "2024_so_khcn.xlsx",
        "2024_so_tttt.xlsx",
        "2024_so_tai_chinh.xlsx",
        "2024_so_khdt.xlsx",
        "thu-gddt.zip/2024_so_gddt.xlsx",
        "mat-khau.zip/2024_so_noi_vu.xlsx",
        "b\ufffdo-c\ufffdo-so_tnmt.xlsx",
        "2024_so_y_te.xlsx",
        "2024_so_y_te_ban_cuoi.xlsx",
        "pipe.xlsx",
        "zero.zip",
        "linked/2024_so_xay_dung.xlsx",
        "loop/",
        "rong/",
        "bay-phan-tram.xlsx",
        *(f"xa-{index}.xlsx" for index in range(3)),
        "xa.ods",
        "xa.xls",
        "hong.xlsx",
        "~$2024_so_y_te.xlsx",
    }
    assert set(log) == expected_entries  # one line each: `_log` is a dict by file
    assert all(log[f"2024_{code}.xlsx"] == "accepted" for code in GOOD_CODES)
    assert log["linked/2024_so_xay_dung.xlsx"] == "accepted"
    far = [log[f"xa-{index}.xlsx"] for index in range(3)]  # one agency's copies: one counts
    assert far.count("accepted") == 1 and set(far) <= {"accepted", "duplicate", "superseded"}
    assert log["2024_so_y_te_ban_cuoi.xlsx"] == "accepted"
    assert log["2024_so_y_te.xlsx"] == "superseded"
    reasons = _reasons(outbox / "tong-hop-2024.xlsx")
    assert "mật khẩu" in reasons["mat-khau.zip/2024_so_noi_vu.xlsx"]
    assert "Thư mục trống" in reasons["rong/"]
    assert "IV40000" in reasons["xa.xls"]  # found before the parser built 10 million cells
    # every part of the workbook is XML a parser takes: nothing raw reached it
    with zipfile.ZipFile(outbox / "tong-hop-2024.xlsx") as package:
        assert package.testzip() is None
    print(f"whole hostile inbox: {len(log)} entries in {seconds:.1f} s")
