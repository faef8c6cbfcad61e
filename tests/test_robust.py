"""No file stops a run, nothing is lost, nothing is silently wrong (issue 12).

Each test here was written against a failure seen on the code before it: a hang, an exit 3,
a deleted folder, a return that got no outcome.
"""

from __future__ import annotations

import errno
import io
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from pipeline.cli import cli
from pipeline.contracts.outcomes import Outcome
from pipeline.core.catalog import t
from pipeline.core.workers import Failure, Job, run_jobs
from pipeline.demo.build import MARKER, clear_previous_demo
from pipeline.intake.reader import read_bytes
from pipeline.intake.returns import Entry, Return, entries
from pipeline.plan.model import Plan
from pipeline.rules.findings import Finding, findings_of
from pipeline.run import check_files
from tests.conftest import PLAN, ROOT
from tests.helpers import GOOD, answers_for, fill_return, run_command

AS_OF = date(2024, 12, 20)


@pytest.fixture(autouse=True)
def _no_hang() -> Iterator[None]:
    """A test of a hang must fail, not hang: the old code blocked forever on a FIFO."""

    def expired(_number: int, _frame: object) -> None:
        raise TimeoutError("the run did not finish in time")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(240)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Intake:
    """The settled intake of an inbox, as lists: one entry per inbox entry, by rid."""

    returns: list[Entry]
    findings: list[Finding]
    read: list[Return]  # what was read of each entry, by rid


def _intake(inbox: Path, plan: Plan) -> Intake:
    checked = check_files(plan, [inbox], "2024", AS_OF, jobs=2)
    listed = sorted(entries(checked.frames.files), key=lambda e: e.rid)
    assert [e.rid for e in listed] == list(range(len(listed)))
    return Intake(listed, findings_of(checked.frames.findings), checked.returns)


def _outcomes(intake: Intake) -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for item in intake.returns:
        assert item.rel not in found, f"{item.rel} has two outcomes"
        assert item.outcome in {o.value for o in Outcome}
        assert t(item.reason, "vi", **item.params)  # every reason can be shown
        found[item.rel] = (item.outcome, item.reason)
    return found


def _rewrite(path: Path, edit: Callable[[str, bytes], bytes | None]) -> None:
    """Rewrite a package member by member; `edit` returns new bytes, or None to drop one."""
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = edit(info.filename, source.read(info))
            if data is not None:
                target.writestr(info, data)


def _sheet_part(path: Path) -> str:
    from pipeline.intake.xlsx_formats import sheet_path

    with zipfile.ZipFile(path) as archive:
        return sheet_path(archive, "Báo cáo")


def _run(inbox: Path, outbox: Path, *more: str, lang: str = "vi") -> Any:
    return run_command(
        inbox,
        outbox,
        *more,
        as_of="20/12/2024",
        before=(
            "--lang",
            lang,
        ),
    )


def _log(workbook: Path) -> dict[str, str]:
    """`Nhật ký`: file -> outcome code."""
    sheet = load_workbook(workbook, read_only=True)["Nhật ký"]
    rows = list(sheet.iter_rows(values_only=True))
    header = next(i for i, r in enumerate(rows) if r and "Tệp" in r)
    columns = {name: i for i, name in enumerate(rows[header])}
    return {
        str(r[columns["Tệp"]]): str(r[columns["Mã kết quả"]])
        for r in rows[header + 1 :]
        if r and r[columns["Tệp"]]
    }


# --- every entry under the inbox gets one outcome, folders included -------------------------


def test_every_inbox_entry_gets_one_outcome_and_nothing_hangs(
    plan: Plan, forms: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = tmp_path / "inbox"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    fill_return(forms, tmp_path, "so_y_te", answers_for(plan, "so_y_te"))
    shutil.move(str(inbox / "2024_so_y_te.xlsx"), elsewhere / "2024_so_y_te.xlsx")
    (inbox / "linked").symlink_to(elsewhere, target_is_directory=True)
    (inbox / "loop").symlink_to(inbox, target_is_directory=True)
    locked = inbox / "locked"
    locked.mkdir()
    (locked / "2024_so_tttt.xlsx").write_bytes(b"unseen")
    locked.chmod(0)
    if os.geteuid() == 0:  # root lists any folder: refuse it as the system would refuse others
        real_scandir = os.scandir

        def refuse(path: Any) -> Any:
            if Path(path) == locked:
                raise PermissionError(errno.EACCES, "Permission denied")
            return real_scandir(path)

        monkeypatch.setattr(os, "scandir", refuse)
    os.mkfifo(inbox / "pipe.xlsx")
    (inbox / "zero.zip").symlink_to("/dev/zero")
    try:
        started = time.monotonic()
        got = _outcomes(_intake(inbox, plan))
        assert time.monotonic() - started < 60
    finally:
        locked.chmod(0o755)
    assert got == {
        "linked/2024_so_y_te.xlsx": ("accepted", "return-ok"),
        "locked/": ("unreadable", "folder-cannot-open"),
        "loop/": ("ignored", "folder-link-loop"),
        "pipe.xlsx": ("unreadable", "file-not-regular"),
        "zero.zip": ("unreadable", "file-not-regular"),
    }


def test_outbox_inside_inbox_is_refused_and_a_link_to_it_skipped(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    fill_return(forms, tmp_path, "so_y_te", answers_for(plan, "so_y_te"))
    nested = _run(inbox, inbox / "ket-qua")
    assert nested.exit_code == 2, nested.output
    assert "nằm trong thư mục báo cáo" in nested.output
    assert not (inbox / "ket-qua").exists()
    outbox = tmp_path / "outbox"
    assert _run(inbox, outbox).exit_code == 0
    (inbox / "ket-qua").symlink_to(outbox, target_is_directory=True)
    again = _run(inbox, outbox)
    assert again.exit_code == 0, again.output
    assert _log(outbox / "tong-hop-2024.xlsx") == {
        "2024_so_y_te.xlsx": "accepted",
        "ket-qua/": "ignored",
    }


# --- each per-file step fails as that file's outcome ------------------------------------------


def _odd_zip_member(target: Path, source: Path) -> None:
    with zipfile.ZipFile(target, "w") as archive:
        info = zipfile.ZipInfo(source.name, date_time=(1980, 0, 0, 0, 0, 0))  # DOS date 0
        archive.writestr(info, source.read_bytes())


def _encrypted_zip(target: Path, source: Path) -> None:
    """A zip whose member is marked as password-protected (bit 0 of its flags)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(source.name, source.read_bytes())
    data = bytearray(buffer.getvalue())
    # The outer zip's own headers: its first local header, and its central directory, which
    # starts where the end record says (the stored .xlsx inside holds headers of its own: a
    # search for the first central-directory signature flagged the inner one, so the member
    # read as damaged, not as protected).
    data[6] |= 0x01
    end = data.rindex(b"PK\x05\x06")
    directory = int.from_bytes(data[end + 16 : end + 20], "little")
    assert data[directory : directory + 4] == b"PK\x01\x02"
    data[directory + 8] |= 0x01
    target.write_bytes(bytes(data))


def _saved_with_offset(path: Path, stamp: str) -> None:
    def edit(name: str, data: bytes) -> bytes:
        if name == "docProps/core.xml":
            return re.sub(
                rb"(<dcterms:modified[^>]*>)[^<]+", rb"\g<1>" + stamp.encode(), data, count=1
            )
        return data

    _rewrite(path, edit)


def _number_cell(path: Path, ref: str, text: str) -> None:
    part = _sheet_part(path)

    def edit(name: str, data: bytes) -> bytes:
        if name != part:
            return data
        cell = re.compile(rf'<c r="{ref}"([^>]*?)(/>|>.*?</c>)'.encode(), re.S)
        style = re.search(rb's="\d+"', cell.search(data).group(1))  # type: ignore[union-attr]
        keep = b" " + style.group(0) if style else b""
        return cell.sub(f'<c r="{ref}"'.encode() + keep + f"><v>{text}</v></c>".encode(), data)

    _rewrite(path, edit)


def odd_returns(plan: Plan, forms: Path, tmp_path: Path) -> Path:
    """Returns each odd in one way (issue 12): inf, nan and 1e309 in number cells, a zip member
    dated 0, a member behind a password, a name that is not UTF-8, and one agency's two copies
    saved by Excel (UTC, `…Z`) and by another tool (`…+07:00`); the inbox they are in."""
    inbox = tmp_path / "inbox"
    for code, ref, text in (("so_khcn", "G13", "inf"), ("so_tttt", "G13", "nan")):
        _number_cell(fill_return(forms, tmp_path, code, answers_for(plan, code)), ref, text)
    big = fill_return(forms, tmp_path, "so_tai_chinh", answers_for(plan, "so_tai_chinh"))
    _number_cell(big, "L13", "1e309")
    member = fill_return(forms, tmp_path, "so_gddt", answers_for(plan, "so_gddt"), name="m.xlsx")
    _odd_zip_member(inbox / "thu-gddt.zip", member.rename(tmp_path / "2024_so_gddt.xlsx"))
    secret = fill_return(
        forms, tmp_path, "so_noi_vu", answers_for(plan, "so_noi_vu"), name="s.xlsx"
    )
    _encrypted_zip(inbox / "mat-khau.zip", secret.rename(tmp_path / "2024_so_noi_vu.xlsx"))
    odd_name = fill_return(forms, tmp_path, "so_tnmt", answers_for(plan, "so_tnmt"))
    os.rename(odd_name, os.path.join(os.fsencode(inbox), b"b\xe1o-c\xe1o-so_tnmt.xlsx"))
    first = fill_return(forms, tmp_path, "so_y_te", answers_for(plan, "so_y_te"))
    _saved_with_offset(first, "2024-12-10T02:00:00Z")  # Excel: UTC
    second = fill_return(
        forms,
        tmp_path,
        "so_y_te",
        answers_for(plan, "so_y_te", t13={**GOOD, "result": "Bản cuối"}),
        name="2024_so_y_te_ban_cuoi.xlsx",
    )
    _saved_with_offset(second, "2024-12-11T09:00:00+07:00")  # another tool: an offset
    return inbox


def test_odd_files_each_get_an_outcome_and_the_run_writes_its_workbook(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    inbox = odd_returns(plan, forms, tmp_path)
    outbox = tmp_path / "outbox"
    result = _run(inbox, outbox)
    assert result.exit_code == 0, result.output
    log = _log(outbox / "tong-hop-2024.xlsx")
    assert log == {
        # "inf" is text in a number column: an error on that task's row, the rest counts
        "2024_so_khcn.xlsx": "accepted-in-part",
        "2024_so_tttt.xlsx": "accepted-in-part",
        "2024_so_tai_chinh.xlsx": "accepted-in-part",
        "thu-gddt.zip/2024_so_gddt.xlsx": "accepted",
        "mat-khau.zip/2024_so_noi_vu.xlsx": "unreadable",
        "b\ufffdo-c\ufffdo-so_tnmt.xlsx": "accepted",
        "2024_so_y_te.xlsx": "superseded",
        "2024_so_y_te_ban_cuoi.xlsx": "accepted",
    }
    with zipfile.ZipFile(outbox / "tong-hop-2024.xlsx") as package:
        for name in package.namelist():
            if name.startswith("xl/worksheets/"):
                assert not re.search(rb"<v>(?:inf|-inf|nan)</v>", package.read(name)), name


def test_a_number_too_big_for_excel_typed_as_text_is_not_a_number(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    nines = "9" * 400  # float() reads it as inf, which Excel calls a damaged file
    fill_return(
        forms, tmp_path, "so_y_te", answers_for(plan, "so_y_te", t13={**GOOD, "funding": nines})
    )
    intake = _intake(tmp_path / "inbox", plan)
    assert [f.code for f in intake.findings] == ["funding-not-number"]


def test_the_memory_limit_has_a_sentence_with_its_values() -> None:
    from tests.test_workers import hog

    results = run_jobs([Job(0, hog, 0)], workers=1, memory_limit=256 * 1024 * 1024)
    failure = results[0]
    assert isinstance(failure, Failure)
    # what the intake gives every failed read: the time limit and the failure's own values
    assert "bộ nhớ" in t(failure.problem, "vi", **{"limit": 15, **failure.params})


def _huge_text_form(forms: Path, tmp_path: Path, plan: Plan) -> Path:
    """A form whose one result cell holds 100 MB of text that compresses only ~6:1."""
    path = fill_return(forms, tmp_path, "so_khdt", answers_for(plan, "so_khdt"))
    noise = random.Random(12).randbytes(100 * 1024 * 1024 // 8)
    table = bytes.maketrans(
        bytes(range(256)), bytes(b"ab"[bin(i).count("1") % 2] for i in range(256))
    )
    text = noise.translate(table) * 8
    part = _sheet_part(path)

    def edit(name: str, data: bytes) -> bytes:
        if name != part:
            return data
        return re.sub(
            rb'<c r="I13"[^>]*?(/>|>.*?</c>)',
            lambda _m: b'<c r="I13" t="inlineStr"><is><t>' + text + b"</t></is></c>",
            data,
            count=1,
            flags=re.S,
        )

    _rewrite(path, edit)
    return path


def test_a_100_mb_text_cell_gets_an_outcome(plan: Plan, forms: Path, tmp_path: Path) -> None:
    path = _huge_text_form(forms, tmp_path, plan)
    assert path.stat().st_size < 25 * 1024 * 1024
    outbox = tmp_path / "outbox"
    result = _run(tmp_path / "inbox", outbox, "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert list(_log(outbox / "tong-hop-2024.xlsx")) == ["2024_so_khdt.xlsx"]


# --- bounded time ------------------------------------------------------------------------------


def _percent_trap(forms: Path, tmp_path: Path, plan: Plan, name: str) -> Path:
    """7.5 MB: 2,900 rows whose progress is 1 in a percent cell, padded with long text."""
    path = fill_return(forms, tmp_path, "so_tttt", answers_for(plan, "so_tttt"), name=name)
    part = _sheet_part(path)
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read(part)
    style = re.search(rb'<c r="G13" s="(\d+)"', sheet)
    assert style is not None
    pad = b"x" * 2_400
    rows = b"".join(
        b'<row r="%d"><c r="G%d" s="%s"><v>1</v></c><c r="Z%d" t="inlineStr"><is><t>%s</t></is>'
        b"</c></row>" % (r, r, style.group(1), r, pad)
        for r in range(100, 3_000)
    )

    def edit(name: str, data: bytes) -> bytes:
        return data.replace(b"</sheetData>", rows + b"</sheetData>") if name == part else data

    _rewrite(path, edit)
    return path


def test_reading_is_linear_in_the_file_size(plan: Plan, forms: Path, tmp_path: Path) -> None:
    trap = _percent_trap(forms, tmp_path, plan, "trap.xlsx")
    started = time.monotonic()
    result = read_bytes(trap.read_bytes())
    assert time.monotonic() - started < 5  # was the whole 15 s limit and more
    assert result.sheet == "Báo cáo"


def test_ten_pathological_files_cost_a_few_normal_runs(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    codes = sorted(plan.expected_codes)[:10]
    for code in codes:
        fill_return(forms, tmp_path, code, answers_for(plan, code))
    started = time.monotonic()
    assert len(_intake(inbox, plan).returns) == 10
    normal = time.monotonic() - started
    trap = _percent_trap(forms, tmp_path, plan, "trap.xlsx")
    for index in range(10):
        shutil.copyfile(trap, inbox / f"trap-{index}.xlsx")
    trap.unlink()
    started = time.monotonic()
    got = _outcomes(_intake(inbox, plan))
    slow = time.monotonic() - started
    assert len(got) == 20
    assert slow < max(10 * normal, 30), (normal, slow)
    print(f"normal {normal:.2f} s, with ten traps {slow:.2f} s")


def hang(_: int) -> int:
    time.sleep(60)
    return 0


def test_the_run_budget_answers_every_job_in_time() -> None:
    started = time.monotonic()
    results = run_jobs([Job(i, hang, i) for i in range(10)], workers=2, time_limit=30, budget=2)
    assert time.monotonic() - started < 10
    assert sorted(results) == list(range(10))
    assert {r.problem for r in results.values()} == {"file-run-budget"}
    assert all(t(r.problem, "vi", **r.params) for r in results.values())


# --- workers die with the run ------------------------------------------------------------------

_POOL_SCRIPT = """
import sys, time
from pipeline.core.workers import Job, run_jobs
from tests.test_robust import hang
run_jobs([Job(i, hang, i) for i in range(4)], workers=2, time_limit=120)
"""


def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc and PR_SET_PDEATHSIG")
@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL])
def test_no_worker_outlives_the_run(number: int) -> None:
    main = subprocess.Popen([sys.executable, "-c", _POOL_SCRIPT], cwd=ROOT)
    try:
        deadline = time.monotonic() + 30
        workers: set[int] = set()
        while len(workers) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
            workers = _children(main.pid)
        assert len(workers) == 2
        os.kill(main.pid, number)
        main.wait(timeout=10)
        deadline = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [w for w in workers if _alive(w)]
    finally:
        if main.poll() is None:
            main.kill()


def test_a_worker_replaced_while_a_thread_runs_still_works() -> None:
    """Replacements then come from the forkserver: they must run jobs, not die at birth."""
    from tests.test_workers import crash, echo

    stop = threading.Event()
    busy = threading.Thread(target=stop.wait, daemon=True)
    busy.start()
    try:
        results = run_jobs([Job(0, crash, 0), Job(1, echo, 1), Job(2, echo, 2)], workers=1)
    finally:
        stop.set()
    assert results == {0: Failure("file-crashed-reader"), 1: 2, 2: 4}


@pytest.fixture
def threads_at_fork(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many threads were alive at each fork of this process, from now on."""
    seen: list[int] = []
    real_fork = os.fork

    def counting_fork() -> int:
        seen.append(threading.active_count())
        return real_fork()

    monkeypatch.setattr(os, "fork", counting_fork)
    return seen


def test_no_thread_is_alive_when_a_process_forks(
    plan: Plan, forms: Path, tmp_path: Path, threads_at_fork: list[int]
) -> None:
    seen = threads_at_fork
    fill_return(
        forms, tmp_path, "so_y_te", answers_for(plan, "so_y_te", t13={**GOOD, "status": "x"})
    )
    fill_return(forms, tmp_path, "so_tttt", answers_for(plan, "so_tttt", t1={**GOOD, "result": ""}))
    result = _run(tmp_path / "inbox", tmp_path / "outbox", "--jobs", "2")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "outbox" / "phan-hoi" / "2024" / "2024_so_y_te.xlsx").exists()
    assert seen and set(seen) == {1}


def test_the_forms_process_pool_writes_the_same_forms(
    plan: Plan,
    forms: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    threads_at_fork: list[int],
) -> None:
    from pipeline.forms import batch
    from pipeline.forms.batch import write_forms
    from tests.conftest import TEMPLATE

    monkeypatch.setattr(batch, "PARALLEL_FROM", 1)
    seen = threads_at_fork
    written = write_forms(plan, TEMPLATE, "2024", tmp_path, jobs=2)
    assert len(seen) >= 2 and set(seen) == {1}  # the pool ran, forked before its threads
    for info in written:
        ours = load_workbook(info.path)["Báo cáo"]
        theirs = load_workbook(forms / info.path.name)["Báo cáo"]
        assert [r for r in ours.iter_rows(values_only=True)] == [
            r for r in theirs.iter_rows(values_only=True)
        ]


# --- outputs as one set ------------------------------------------------------------------------


def test_a_read_only_feedback_folder_keeps_the_previous_set(
    plan: Plan, forms: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox, outbox = tmp_path / "inbox", tmp_path / "outbox"
    fill_return(
        forms, tmp_path, "so_y_te", answers_for(plan, "so_y_te", t13={**GOOD, "status": "x"})
    )
    feedback = outbox / "phan-hoi" / "2024"
    feedback.mkdir(parents=True)
    (outbox / "tong-hop-2024.xlsx").write_bytes(b"last run's workbook")
    feedback.chmod(0o555)
    if os.geteuid() == 0:  # root writes anywhere: answer as the system answers others
        real_access = os.access
        monkeypatch.setattr(
            os, "access", lambda p, mode: False if Path(p) == feedback else real_access(p, mode)
        )
    try:
        result = _run(inbox, outbox)
    finally:
        feedback.chmod(0o755)
    assert result.exit_code == 2, result.output
    assert str(feedback) in result.output and "lần trước vẫn giữ nguyên" in result.output
    assert (outbox / "tong-hop-2024.xlsx").read_bytes() == b"last run's workbook"
    assert not list(feedback.iterdir())
    assert not [p for p in outbox.iterdir() if p.name.startswith(".kehoach-")]


def test_a_full_disk_is_a_sentence_and_the_previous_set_stays(
    plan: Plan, forms: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import xlsxwriter

    inbox, outbox = tmp_path / "inbox", tmp_path / "outbox"
    fill_return(forms, tmp_path, "so_y_te", answers_for(plan, "so_y_te"))
    outbox.mkdir()
    (outbox / "tong-hop-2024.xlsx").write_bytes(b"last run's workbook")

    def full(self: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(xlsxwriter.Workbook, "close", full)
    result = _run(inbox, outbox, lang="en")
    assert result.exit_code == 2, result.output
    assert f"The disk holding {outbox} is full" in result.output
    assert "Traceback" not in result.output and "OSError" not in result.output
    assert (outbox / "tong-hop-2024.xlsx").read_bytes() == b"last run's workbook"
    assert not [p for p in outbox.iterdir() if p.name.startswith(".kehoach-")]


# --- the demo never deletes what it did not create ---------------------------------------------


def test_demo_refuses_a_folder_that_is_not_a_previous_demo(tmp_path: Path) -> None:
    plan_folder = tmp_path / "ke-hoach"
    (plan_folder / "inbox").mkdir(parents=True)
    (plan_folder / "inbox" / "2024_so_y_te.xlsx").write_bytes(b"an agency's return")
    result = CliRunner().invoke(cli, ["demo", "--dir", str(plan_folder)])
    assert result.exit_code == 2, result.output
    assert "không xóa thư mục không do nó tạo ra" in result.output
    assert (plan_folder / "inbox" / "2024_so_y_te.xlsx").read_bytes() == b"an agency's return"


def test_a_previous_demo_loses_only_what_the_demo_made(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    for part in ("templates", "inbox", "outbox"):
        (folder / part).mkdir(parents=True)
        (folder / part / "x").write_text("demo")
    (folder / MARKER).write_text("kehoach demo\n")
    (folder / "ghi-chu.txt").write_text("the officer's note")
    clear_previous_demo(folder)
    assert sorted(p.name for p in folder.iterdir()) == ["ghi-chu.txt"]
    clear_previous_demo(tmp_path / "new")  # a folder that does not exist is fine
    empty = tmp_path / "empty"
    empty.mkdir()
    clear_previous_demo(empty)


# --- identity and rows -------------------------------------------------------------------------


def _findings(intake: Intake) -> list[tuple[str, str, str]]:
    return [(intake.returns[f.rid].rel, f.code, f.cell) for f in intake.findings]


def test_a_file_name_naming_another_agency_is_a_warning(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    fill_return(forms, tmp_path, "so_y_te", answers_for(plan, "so_y_te"), name="2024_so_tttt.xlsx")
    intake = _intake(tmp_path / "inbox", plan)
    assert _outcomes(intake) == {
        "2024_so_tttt.xlsx": ("accepted-with-warnings", "return-has-warnings")
    }
    assert intake.returns[0].agency == "so_y_te"
    assert _findings(intake) == [("2024_so_tttt.xlsx", "filename-other-agency", "")]
    text = t("finding-filename-other-agency", "vi", **intake.findings[0].params)
    assert "Sở Thông tin và Truyền thông" in text and "Sở Y tế" in text


def test_task_numbers_swapped_between_rows_is_an_error_at_each_row(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    path = fill_return(forms, tmp_path, "so_y_te", answers_for(plan, "so_y_te"))
    book = load_workbook(path)
    sheet = book["Báo cáo"]
    assert (sheet["B13"].value, sheet["B14"].value) == ("1", "13")
    sheet["B13"], sheet["B14"] = "13", "1"
    book.save(path)
    intake = _intake(tmp_path / "inbox", plan)
    assert intake.returns[0].outcome == "accepted-in-part"  # its five other rows still count
    swapped = [f for f in intake.findings if f.code == "task-content-mismatch"]
    assert sorted(f.cell for f in swapped) == ["Báo cáo!B13", "Báo cáo!B14"]
    assert all(f.severity == "error" for f in swapped)


def test_a_copied_report_sheet_before_the_real_one_is_named_and_not_read(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    path = fill_return(forms, tmp_path, "so_y_te", answers_for(plan, "so_y_te"))
    book = load_workbook(path)
    copy = book.copy_worksheet(book["Báo cáo"])
    copy.title = "Báo cáo (2)"
    copy["F13"] = "Chưa thực hiện"  # a draft answer in the copy
    copy["B14"] = "13a"
    book.move_sheet(copy, offset=-book.index(copy))
    book.save(path)
    assert load_workbook(path).sheetnames[0] == "Báo cáo (2)"
    intake = _intake(tmp_path / "inbox", plan)
    item, read = intake.returns[0], intake.read[0].read
    assert read.sheet == "Báo cáo"
    assert item.outcome == "accepted-with-warnings"
    (twice,) = [f for f in intake.findings if f.code == "report-table-twice"]
    text = t("finding-report-table-twice", "vi", **twice.params)
    assert "'Báo cáo'" in text and "'Báo cáo (2)'" in text and "đã đọc trang 'Báo cáo'" in text
    assert {r["status"] for r in read.records if r["task"] == "1"} == {"Đã hoàn thành"}


# --- messages ----------------------------------------------------------------------------------


def test_archives_and_crafted_packages_get_their_own_sentences(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "bao-cao.rar").write_bytes(b"Rar!\x1a\x07\x01\x00" + b"\x00" * 64)
    (inbox / "bao-cao.7z").write_bytes(b"7z\xbc\xaf\x27\x1c" + b"\x00" * 64)
    with zipfile.ZipFile(inbox / "nhieu-tep.zip", "w") as archive:
        for index in range(502):
            archive.writestr(f"tep-{index}.txt", "x")
    entity = fill_return(forms, tmp_path, "so_y_te", answers_for(plan, "so_y_te"))
    doctype = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>'
    _rewrite(
        entity,
        lambda name, data: (
            doctype + re.sub(rb"^<\?xml[^>]*\?>", b"", data) if name == "xl/workbook.xml" else data
        ),
    )
    got = _outcomes(_intake(inbox, plan))
    assert got == {
        "2024_so_y_te.xlsx": ("unreadable", "file-xml-entities"),
        "bao-cao.7z": ("unreadable", "file-other-archive"),
        "bao-cao.rar": ("unreadable", "file-other-archive"),
        "nhieu-tep.zip": ("unreadable", "file-zip-too-many"),
    }
    assert "Giải nén ra rồi đặt tệp .xlsx" in t("file-other-archive")
    assert "502" in t("file-zip-too-many", n=502, limit=500)


def test_check_on_an_empty_folder_fails_with_a_sentence(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "--plan", str(PLAN), str(tmp_path)])
    assert result.exit_code == 1
    assert "Không có tệp báo cáo nào" in result.output


def test_check_does_not_point_at_a_feedback_file(plan: Plan, forms: Path, tmp_path: Path) -> None:
    path = fill_return(
        forms, tmp_path, "so_y_te", answers_for(plan, "so_y_te", t13={**GOOD, "status": "x"})
    )
    result = CliRunner().invoke(cli, ["check", "--plan", str(PLAN), str(path)])
    assert result.exit_code == 1
    assert "phản hồi" not in result.output and "Chấp nhận một phần" in result.output


def test_click_errors_speak_vietnamese_and_help_speaks_english() -> None:
    runner = CliRunner()
    missing = runner.invoke(cli, ["check"])
    assert missing.exit_code == 2
    assert "Thiếu tham số" in missing.output and "Missing argument" not in missing.output
    unknown = runner.invoke(cli, ["run", "--bogus"])
    assert unknown.exit_code == 2 and "Không có tùy chọn" in unknown.output
    english = runner.invoke(cli, ["--lang", "en", "check"])
    assert "Missing argument" in english.output
    help_en = runner.invoke(cli, ["--lang", "en", "--help"])
    assert help_en.exit_code == 0
    assert "Monitor" in help_en.output and "Show this message and exit." in help_en.output
    run_help = runner.invoke(cli, ["--lang", "en", "run", "--help"])
    assert "Folder of the returns received" in run_help.output
    help_vi = runner.invoke(cli, ["--help"])
    assert "Theo dõi" in help_vi.output and "Hiện hướng dẫn này" in help_vi.output


@pytest.mark.parametrize("command", ["receive", "close"])
def test_a_required_option_says_so_in_the_console_language(command: str) -> None:
    """click writes "[required]" itself; the Vietnamese help said it in English."""
    runner = CliRunner()
    help_vi = runner.invoke(cli, [command, "--help"]).output
    assert "[bắt buộc]" in help_vi and "required" not in help_vi
    help_en = runner.invoke(cli, ["--lang", "en", command, "--help"]).output
    assert "[required]" in help_en and "bắt buộc" not in help_en


_ENGLISH_PLACEHOLDERS = re.compile(
    r"\b(OPTIONS|COMMAND|ARGS|FOLDER|FILES?|DIRECTORY|PATH|TEXT|INTEGER)\b"
)


def test_usage_and_option_placeholders_speak_the_console_language() -> None:
    """click printed "[OPTIONS]", "FILE", "TEXT" in the Vietnamese help; the officer reads
    "[TÙY CHỌN]", "TỆP", "KỲ". Asked in turn, each language stays itself."""
    runner = CliRunner()
    for lang in ("vi", "en", "vi"):
        for command in ["", *sorted(cli.commands)]:
            args = ["--lang", lang, *([command] if command else []), "--help"]
            shown = runner.invoke(cli, args).output
            usage = shown.splitlines()[0]
            if lang == "vi":
                assert "[TÙY CHỌN]" in usage, usage
                assert not _ENGLISH_PLACEHOLDERS.search(shown), (command, shown)
            else:
                assert "[OPTIONS]" in usage, usage
                assert not re.search(r"TÙY CHỌN|THƯ_MỤC|NGÀY|\bKỲ\b|\bTỆP\b", shown), shown
    assert runner.invoke(cli, ["init", "--help"]).output.startswith(
        "Cách dùng: cli init [TÙY CHỌN] [THƯ_MỤC]"
    )
    assert (
        "cli receive [OPTIONS] FILES..."
        in runner.invoke(cli, ["--lang", "en", "receive", "--help"]).output
    )


_HELP_AS_WRITTEN = """
import json
from pipeline.cli import cli
texts = {"cli-main": cli.help}
for name, command in cli.commands.items():
    texts[f"cli-{name}"], texts[f"cli-{name}-short"] = command.help, command.short_help
    texts.update({f"cli-{name}-{p.name}": getattr(p, "help", None) for p in command.params})
print(json.dumps(texts))
"""


def test_the_help_in_the_catalog_is_the_help_in_cli() -> None:
    """English help comes from the catalog by key; its Vietnamese must be what the cli says.
    Read in a fresh process before any command ran: a run puts the catalog's texts in place,
    and comparing after that compared the catalog with itself (`run --strict` differed)."""
    import json

    from pipeline.core.catalog import MESSAGES

    done = subprocess.run(
        [sys.executable, "-c", _HELP_AS_WRITTEN], capture_output=True, text=True, check=True
    )
    texts = json.loads(done.stdout)
    compared = [key for key in MESSAGES if key.startswith("cli-") and key in texts]
    assert len(compared) > 50
    for key in compared:
        assert texts[key] == MESSAGES[key][0], key


def test_messages_name_the_options_that_exist(tmp_path: Path) -> None:
    from pipeline.core.catalog import MESSAGES

    for key in ("output-not-writable", "output-set-failed", "output-disk-full"):
        for text in MESSAGES[key]:
            assert "--out " not in text and "--out." not in text
    template = tmp_path / "mau.xlsx"
    template.write_bytes(b"x")
    result = CliRunner().invoke(cli, ["make-template", "--template", str(template)])
    assert result.exit_code == 2 and "--template" in result.output and "--out" not in result.output


def test_a_zip_of_returns_keeps_working(plan: Plan, forms: Path, tmp_path: Path) -> None:
    """The zip is listed and unpacked by a worker now; members still read as before."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    # Saved before the zip reached the inbox: a later saved time would not be believed.
    saved = datetime(2024, 12, 9, 7, 0)
    answers = answers_for(plan, "so_y_te")
    path = fill_return(forms, tmp_path, "so_y_te", answers, name="x.xlsx", saved_at=saved)
    with zipfile.ZipFile(inbox / "thu.zip", "w") as archive:
        archive.write(path, "2024_so_y_te.xlsx")
        archive.writestr("~$2024_so_y_te.xlsx", b"\x00" * 162)
        archive.writestr("long.xlsx", b"PK\x03\x04 cut")
    path.unlink()
    os.utime(inbox / "thu.zip", (0, datetime(2024, 12, 9, 8, 0).timestamp()))
    intake = _intake(inbox, plan)
    assert _outcomes(intake) == {
        "thu.zip/2024_so_y_te.xlsx": ("accepted", "return-ok"),
        "thu.zip/long.xlsx": ("unreadable", "file-corrupt"),
        "thu.zip/~$2024_so_y_te.xlsx": ("ignored", "ignored-lock-file"),
    }
    assert intake.read[0].file.mtime == datetime(2024, 12, 9, 8, 0)  # the zip's own time


def test_every_help_text_has_its_english_in_the_catalog() -> None:
    """`--lang en --help` is English for every command and option, the new ones included."""
    from pipeline.core.catalog import MESSAGES

    keys = {"cli-main"}
    for name, command in cli.commands.items():
        keys |= {f"cli-{name}", f"cli-{name}-short"}
        keys |= {f"cli-{name}-{p.name}" for p in command.params if getattr(p, "help", None)}
    assert sorted(keys - set(MESSAGES)) == []
    listed = MESSAGES["cli-main"][0]
    unlisted = [name for name in cli.commands if f"kehoach {name} " not in listed]
    assert unlisted == ["make-template"]  # a repair, not a step of the year


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["check", "--lang", "en", "nope.xlsx"], "Path 'nope.xlsx' does not exist."),
        (["check", "--lang=en", "nope.xlsx"], "Path 'nope.xlsx' does not exist."),
        (["check", "nope.xlsx"], "Không tìm thấy 'nope.xlsx'."),
        (["run", "--inbox", "nowhere", "--lang", "en"], "Plan workbook templates/task_matrix.xlsx"),
    ],
)
def test_lang_may_follow_the_command_and_click_speaks_it(
    arguments: list[str], said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, arguments)
    assert result.exit_code == 2
    assert said in result.output
