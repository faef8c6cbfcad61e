"""The remaining trust items of issue 12: dates outside the plan, bounded run time, outputs
that are folders, option names in messages, formulas without a saved value, control
characters and full-width digits in what agencies and plans type."""

from __future__ import annotations

import os
import re
import time
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.contracts.outcomes import Outcome
from pipeline.core.catalog import t
from pipeline.core.errors import KehoachError
from pipeline.core.workers import Job
from pipeline.intake import returns
from pipeline.intake.reader import ReadResult, read_file
from pipeline.intake.run import intake_folder
from pipeline.plan.model import Plan
from pipeline.plan.periods import Period, as_of_window
from tests.conftest import PLAN
from tests.helpers import answers_for, fill_return, kehoach, run_command
from tests.test_robust import _rewrite

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


# --- bounded time ------------------------------------------------------------------------------


# A reader held by a file: the traps sleep before they are read. Files that held a reader by
# their content (far cells) are now found or cut before the parser sees them (`far_cells`,
# `far_cells_binary`), so the hold is played; the job is looked up by name in the forked
# workers, hence a function of this module.
TRAP_SECONDS = 0.5


def _held_read(source: tuple[str | None, bytes | None]) -> ReadResult:
    path = source[0]
    if path is not None and Path(path).name.startswith("trap-"):
        time.sleep(TRAP_SECONDS)
    return read_file(source)


def test_files_that_hold_a_reader_are_cut_by_the_budget(
    plan: Plan, forms: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not a timing test: small limits are injected, and the outcome says what happened."""
    monkeypatch.setattr(returns, "read_file", _held_read)
    inbox = tmp_path / "inbox"
    codes = sorted(plan.expected_codes)[:4]
    for code in codes:
        fill_return(forms, tmp_path, code, answers_for(plan, code))
    for index in range(16):
        (inbox / f"trap-{index:02}.xls").write_bytes(b"trap %d" % index)
    # Each trap needs half a second; 0.2 s each and 1 s in all: some time out, the rest are
    # cut by the budget, and the returns (read first, in name order) all count.
    intake = intake_folder(inbox, plan, "2024", jobs=2, time_limit=0.2, budget=1.0)
    lines = intake.files.to_dict("records")
    assert sorted(x["rel"] for x in lines) == sorted(p.name for p in inbox.iterdir())
    traps = [x for x in lines if x["rel"].startswith("trap-")]
    assert {x["verdict"] for x in traps} == {Outcome.UNREADABLE}
    reasons = {x["reason"] for x in traps}
    assert "file-run-budget" in reasons and reasons <= {"file-run-budget", "file-timeout"}
    cut = next(x for x in traps if x["reason"] == "file-run-budget")
    assert "(1 giây)" in t(cut["reason"], "vi", **cut["params"])
    assert {r.identity.agency for r in intake.candidates} == set(codes)


def _troubled_read(source: tuple[str | None, bytes | None]) -> ReadResult:
    """One file hangs its reader, one kills it (as a parser's abort does), the rest read."""
    name = Path(source[0] or "").name
    if name.startswith("hang-"):
        time.sleep(30)
    if name.startswith("crash-"):
        os._exit(134)
    return read_file(source)


def test_a_batch_with_a_bad_file_is_read_again_file_by_file(
    plan: Plan, forms: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Small files are read eight to a job; a file that hangs or crashes its reader takes the
    batch down, and the batch is read again file by file: the bad file gets its own outcome
    and limit, every other file of its batch is read, and the progress moves once per file."""
    monkeypatch.setattr(returns, "read_file", _troubled_read)
    monkeypatch.setattr(returns, "JOBS_PER_READER", 1)  # a small inbox batched too
    inbox = tmp_path / "inbox"
    codes = sorted(plan.expected_codes)[:12]
    for code in codes:
        fill_return(forms, tmp_path, code, answers_for(plan, code))
    (inbox / "hang-1.xlsx").write_bytes(b"x")
    (inbox / "crash-1.xlsx").write_bytes(b"x")
    steps: list[int] = []
    intake = intake_folder(
        inbox, plan, "2024", jobs=2, time_limit=1.0, on_read=lambda: steps.append(1)
    )
    lines = {x["rel"]: x for x in intake.files.to_dict("records")}
    assert lines["hang-1.xlsx"]["reason"] == "file-timeout"
    assert lines["crash-1.xlsx"]["reason"] == "file-crashed-reader"
    assert {r.identity.agency for r in intake.candidates} == set(codes)
    assert len(steps) == len(lines) == len(codes) + 2


def test_batches_cut_by_the_budget_still_move_the_progress_and_say_why(
    plan: Plan, forms: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(returns, "JOBS_PER_READER", 1)
    inbox = tmp_path / "inbox"
    for code in sorted(plan.expected_codes)[:10]:
        fill_return(forms, tmp_path, code, answers_for(plan, code))
    steps: list[int] = []
    intake = intake_folder(inbox, plan, "2024", jobs=2, budget=0.0, on_read=lambda: steps.append(1))
    reasons = [x["reason"] for x in intake.files.to_dict("records")]
    assert reasons == ["file-run-budget"] * 10 and len(steps) == 10


def test_a_batch_gets_a_second_not_its_files_limits() -> None:
    """A file that hangs a batch costs the run the batch's second, then its own limit: a
    budget meant for reading file by file still holds."""

    def job(limit: float) -> Job:
        return Job(0, read_file, (None, b""), limit)

    assert returns._limit([job(4.0)] * 8) == returns.BATCH_SECONDS == 1.0
    assert returns._limit([job(4.0), job(0.3)]) == 1.0
    assert returns._limit([job(0.3), job(0.2)]) == 0.3


# --- outputs: a folder in an output's place, the program that holds a file, option names ----


@pytest.mark.parametrize(
    ("command", "output"),
    [
        ("report", "bao-cao-2024.docx"),
        ("remind", "don-doc-2024.docx"),
        ("remind", "tin-nhan-don-doc-2024.xlsx"),
        ("run", "tong-hop-2024.xlsx"),
    ],
)
@pytest.mark.parametrize("force", [False, True])
def test_a_folder_named_as_an_output_is_refused_and_kept(
    command: str, output: str, force: bool, tmp_path: Path
) -> None:
    folder = tmp_path / "outbox" / output
    folder.mkdir(parents=True)
    (folder / "giu-lai.txt").write_text("của cán bộ")
    (tmp_path / "inbox").mkdir()
    more = ["--force"] if force and command != "run" else []
    result = kehoach(command, tmp_path / "inbox", tmp_path / "outbox", *more, as_of="20/12/2024")
    assert result.exit_code == 2, result.output
    assert f"{folder}: đó là một thư mục, không phải tệp" in result.output
    assert "Traceback" not in result.output and "IsADirectoryError" not in result.output
    assert (folder / "giu-lai.txt").read_text() == "của cán bộ"  # never moved aside and lost


def test_a_locked_word_file_names_word_and_a_workbook_excel() -> None:
    from pipeline.core.errors import OutputLockedError

    word, book = OutputLockedError("outbox/bao-cao-2024.docx"), OutputLockedError("a.xlsx")
    assert "(có thể trong Word)" in t(word.key, "vi", **word.params)
    assert "(perhaps in Word)" in t(word.key, "en", **word.params)
    assert "(có thể trong Excel)" in t(book.key, "vi", **book.params)


def _options(command: object) -> set[str]:
    import click

    assert isinstance(command, click.Command)
    found = {o for p in command.params for o in p.opts if o.startswith("--")}
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            found |= _options(sub)
    return found


def test_every_option_a_message_names_exists() -> None:
    """A sentence that tells the officer to use `--out` when the command takes `--outbox`
    sends them to an error; every option named in the catalog is a real one."""
    from pipeline.core.catalog import MESSAGES

    real = _options(cli) | {"--help", "--lang"}
    named = {
        (key, option)
        for key, pair in MESSAGES.items()
        for text in pair
        for option in re.findall(r"(?<![\w-])--[a-z][a-z-]*", text)
    }
    assert named, "the catalog names options"
    assert {(k, o) for k, o in named if o not in real} == set()
    # Said by every command that writes a file (atomic_path), whatever its options are.
    for key in ("output-not-writable", "output-disk-full-file", "output-is-folder"):
        assert not any(k == key for k, _ in named), f"{key} is said by commands with other options"


# --- a formula with no saved value ---------------------------------------------------------------


def test_a_formula_never_computed_is_an_error_at_its_cell(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from pipeline.rules.findings import findings_of
    from pipeline.run import check_files

    path = fill_return(forms, tmp_path, "so_y_te", answers_for(plan, "so_y_te"))
    book = load_workbook(path)
    sheet = book["Báo cáo"]
    row = next(r for r in range(1, 60) if str(sheet.cell(r, 2).value) == "13")
    sheet.cell(row, 7).value = "=50+50"  # openpyxl writes the formula and no value
    sheet.cell(row, 9).value = '=IF(1,"Đã ban hành","")'
    book.save(path)
    checked = check_files(plan, [path], "2024", date(2024, 12, 20))
    found = [f for f in findings_of(checked.frames.findings) if f.code == "formula-not-saved"]
    assert sorted(f.cell for f in found) == [f"Báo cáo!G{row}", f"Báo cáo!I{row}"]
    assert all(f.severity == "error" and f.task == "13" for f in found)
    sentence = t("finding-formula-not-saved", "vi", **found[0].params)
    assert "=50+50" in sentence and "Mở tệp bằng Excel, lưu lại" in sentence
    assert set(checked.outcomes()) == {"accepted-in-part"}  # the other rows still count


def test_excel_s_own_formulas_are_values() -> None:
    import io
    import zipfile

    from pipeline.intake.xlsx_formats import unsaved_formulas

    sheet = (
        '<worksheet><sheetData><row r="1">'
        '<c r="A1"><f>1+1</f><v>2</v></c>'  # Excel: computed
        '<c r="B1" t="str"><f>IF(1,"",2)</f><v></v></c>'  # Excel: an empty text result
        '<c r="C1"><f>1+1</f><v></v></c>'  # openpyxl: never computed
        '<c r="D1"><f t="shared" si="0"/></c>'  # a shared formula, no value
        '<c r="E1"/><c r="F1" t="s"><v>0</v></c>'
        "</row></sheetData></worksheet>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "xl/workbook.xml", '<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>'
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'
            "</Relationships>",
        )
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    with zipfile.ZipFile(buffer) as archive:
        got = unsaved_formulas(archive, "S", ["A1", "B1", "C1", "D1", "E1", "F1"])
    assert got == {"C1": "=1+1", "D1": "="}


# --- what agencies and plans type: control characters, direction marks, full-width forms ------

TIMELINES = [
    ("Năm ２０２４", date(2024, 12, 31)),  # full-width digits
    ("\u200fNăm 2024\u200e", date(2024, 12, 31)),  # RLM and LRM around the text
    ("Năm 2024\u202c", date(2024, 12, 31)),  # a stray pop-directional-formatting
    ("Quý IV／2024", date(2024, 12, 31)),  # full-width slash
    ("Trước ngày 30/６/2025", date(2025, 6, 30)),
    ("\u2067Trước 31/12/2024\u2069", date(2024, 12, 31)),  # an isolate
    ("Năm 2024\x01", date(2024, 12, 31)),  # a control character from a broken export
]


@pytest.mark.parametrize(("written", "due"), TIMELINES)
def test_timelines_read_through_width_and_direction_marks(written: str, due: date) -> None:
    from pipeline.plan.timeline import parse

    reading = parse(written)
    assert reading.fully_read, reading.rest
    assert reading.due == due


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("Đã ban hành\x01 kế hoạch", "Đã ban hành kế hoạch"),
        ("Khó khăn\x07\x1b về kinh phí\x7f", "Khó khăn về kinh phí"),
        ("\u200fĐề xuất\u200e bổ sung\u0085", "Đề xuất bổ sung"),
        ("Dòng 1\nDòng\t2", "Dòng 1\nDòng 2"),  # line breaks are kept, a tab is a space
    ],
)
def test_control_and_direction_characters_are_stripped_at_intake(written: str, kept: str) -> None:
    from pipeline.intake import normalize

    record = normalize.record({"task": "１３", "status": "Đang\x01 thực hiện", "result": written})
    assert record["result"] == kept
    assert record["task"] == "13" and record["status"] == "Đang thực hiện"


def test_control_characters_never_reach_the_workbook(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    import zipfile

    answers = answers_for(plan, "so_y_te")
    answers["13"] = {**answers["13"], "result": "Lap CTRL1 de CTRL2 an"}
    path = fill_return(forms, tmp_path, "so_y_te", answers)
    # As a broken export writes them: Excel's escapes for characters XML cannot hold.
    escaped = b"Lap_x0001_ de_x001B_ an&#8207;"
    _rewrite(path, lambda _name, data: data.replace(b"Lap CTRL1 de CTRL2 an", escaped))
    outbox = tmp_path / "outbox"
    result = run_command(str(tmp_path / "inbox"), str(outbox), as_of="20/12/2024")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(outbox / "tong-hop-2024.xlsx") as book:
        xml = "".join(book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".xml"))
    assert "Lap de an" in xml
    assert "_x0001_" not in xml and "_x001B_" not in xml and "\u200f" not in xml
