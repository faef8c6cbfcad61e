"""The officer's guide and the README stay true to the code: pictures made by the script, every
outcome named, every command the guide teaches is a real command."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import re
import shlex
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.core.catalog import MESSAGES

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "HUONG-DAN.md"
README = ROOT / "README.md"


def _render_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "render_pictures", ROOT / "scripts" / "render_pictures.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while defining
    spec.loader.exec_module(module)
    return module


def _pictures(document: Path) -> set[str]:
    """docs/img/ file names of the pictures a Markdown document shows."""
    links = re.findall(r"!\[[^\]]*\]\(([^)]+\.png)\)", document.read_text(encoding="utf-8"))
    return {Path(link).name for link in links}


@pytest.mark.parametrize("document", [README, GUIDE], ids=["README", "HUONG-DAN"])
def test_every_picture_shown_is_rendered_from_real_outputs_by_the_script(document: Path) -> None:
    rendered = {picture.name for picture in _render_script().PICTURES}
    shown = _pictures(document)
    assert shown, f"{document.name} shows no picture"
    assert shown <= rendered, f"not made by scripts/render_pictures.py: {shown - rendered}"
    for name in shown:
        assert (ROOT / "docs" / "img" / name).is_file(), name


def test_the_script_renders_no_picture_nobody_shows() -> None:
    shown = _pictures(README) | _pictures(GUIDE)
    assert {picture.name for picture in _render_script().PICTURES} <= shown


def test_the_guide_names_every_outcome_an_officer_can_see() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    labels = [vi for key, (vi, _en) in MESSAGES.items() if key.startswith("outcome-")]
    assert len(labels) >= 7
    missing = [label for label in labels if f"**{label}**" not in guide]
    assert not missing, f"outcomes not described in the guide: {missing}"


def test_every_command_the_guide_teaches_exists() -> None:
    taught = set(re.findall(r"`kehoach ([a-z-]+)", GUIDE.read_text(encoding="utf-8")))
    assert {"init", "plan", "templates", "run", "check", "report", "remind"} <= taught
    runner = CliRunner()
    for command in sorted(taught):
        result = runner.invoke(cli, [command, "--help"])
        assert result.exit_code == 0, f"kehoach {command}: {result.output}"


@dataclass(frozen=True)
class _Demo:
    folder: Path  # the folder `make demo` runs in: demo/ is inside it
    printed: list[str]


@pytest.fixture(scope="module")
def demo_transcript(tmp_path_factory: pytest.TempPathFactory) -> _Demo:
    """What `kehoach demo` prints, run as `make demo` runs it (from the folder holding demo/)."""
    folder = tmp_path_factory.mktemp("transcript")
    with _inside(folder):
        result = CliRunner().invoke(cli, ["demo"])
    assert result.exit_code == 0, result.output
    return _Demo(folder, result.output.splitlines())


@contextlib.contextmanager
def _inside(folder: Path) -> Iterator[None]:
    here = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(here)


def _console_blocks(document: Path) -> list[list[str]]:
    text = document.read_text(encoding="utf-8")
    return [b.splitlines() for b in re.findall(r"```console\n(.*?)```", text, re.S)]


def _console_block(document: Path, first_line: str) -> list[str]:
    """The lines of the document's console block that holds `first_line`, from that line on."""
    for lines in _console_blocks(document):
        if first_line in lines:
            return lines[lines.index(first_line) :]
    raise AssertionError(f"{document.name}: no console block with {first_line!r}")


@pytest.mark.libreoffice
@pytest.mark.parametrize("document", [README, GUIDE], ids=["README", "HUONG-DAN"])
def test_the_demo_transcript_is_what_the_demo_prints(
    soffice: str, demo_transcript: _Demo, document: Path
) -> None:
    """The transcript an officer compares their screen with (the LibreOffice line included)."""
    printed = demo_transcript.printed
    assert _console_block(document, printed[0]) == printed


@pytest.mark.libreoffice
@pytest.mark.parametrize("document", [README, GUIDE], ids=["README", "HUONG-DAN"])
def test_the_check_transcript_is_what_check_prints(
    soffice: str, demo_transcript: _Demo, document: Path
) -> None:
    """`kehoach check` on the demo's returns, typed as the document types it, in its folder."""
    blocks = [b for b in _console_blocks(document) if b and b[0].startswith("$ kehoach check")]
    assert blocks, f"{document.name} shows no `kehoach check`"
    for typed, *shown in blocks:
        with _inside(demo_transcript.folder / "demo"):
            result = CliRunner().invoke(cli, shlex.split(typed)[2:])
        assert result.exit_code == 1  # a file with errors: the code scripts rely on
        assert shown == result.output.splitlines()


@pytest.mark.parametrize("document", [README, GUIDE], ids=["README", "HUONG-DAN"])
def test_the_broken_plan_transcript_is_what_plan_prints(document: Path, tmp_path: Path) -> None:
    """The documents' `hong.xlsx`: the embedded plan with A4 typed `1` (task 2's TT repeats task
    1's) and C6 holding only `Sở Vũ trụ` (task 3's lead is no agency). They once showed two
    errors and three for the same file."""
    from openpyxl import load_workbook

    book = load_workbook(ROOT / "templates" / "task_matrix.xlsx")
    book["Nhiệm vụ"]["A4"] = "1"
    book["Nhiệm vụ"]["C6"] = "Sở Vũ trụ"
    book.save(tmp_path / "hong.xlsx")
    typed, *shown = _console_block(document, "$ kehoach plan --plan hong.xlsx")
    with _inside(tmp_path):
        result = CliRunner().invoke(cli, shlex.split(typed)[2:])
    printed = result.output.splitlines()
    assert result.exit_code == 2 and len(printed) == 4
    assert shown[: len(printed)] == printed
