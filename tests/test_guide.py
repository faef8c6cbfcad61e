"""The officer's guide and the README stay true to the code: pictures made by the script, every
outcome named, every command the guide teaches is a real command."""

from __future__ import annotations

import importlib.util
import re
import sys
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
