"""docs/ARCHITECTURE.md's import order, checked: no module imports a later stage of the flow.

Every `from pipeline… import` is read (function-local ones too), so a hidden upward import
cannot slip in behind a function.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ORDER = (
    "core",
    "contracts",
    "plan",
    "forms",
    "intake",
    "rules",
    "rollup",
    "outputs",
    "store",
    "run",
    "cli",
)
TOP_LEVEL = {"run": "run", "run_view": "run", "demo": "run", "cli": "cli", "__main__": "cli"}
# The form's `Hướng dẫn` lists the rule table, which imports neither pandas nor intake.
ALLOWED = {("pipeline.forms.render", "pipeline.rules.table")}


def _layer(module: str) -> int | None:
    parts = module.split(".")
    if len(parts) < 2:
        return None
    name = TOP_LEVEL.get(parts[1], parts[1])
    return ORDER.index(name) if name in ORDER else None


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pipeline"):
            if node.module == "pipeline":
                found |= {f"pipeline.{alias.name}" for alias in node.names}
            else:
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("pipeline.")}
    return found


def test_no_module_imports_a_later_stage() -> None:
    upward = []
    for path in sorted((ROOT / "pipeline").rglob("*.py")):
        module = ".".join(("pipeline", *path.relative_to(ROOT / "pipeline").with_suffix("").parts))
        mine = _layer(module)
        for target in _imports(path):
            theirs = _layer(target)
            if mine is None or theirs is None or theirs <= mine:
                continue
            if (module, target) not in ALLOWED and module != "pipeline.__main__":
                upward.append((module, target))
    assert upward == []


def test_only_the_cli_imports_click() -> None:
    """The `pipeline.cli` package (the group in `console`, commands beside it) is the face."""
    users = [
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "pipeline").rglob("*.py")
        if any(
            isinstance(n, ast.Import | ast.ImportFrom)
            and any(
                (getattr(n, "module", None) or a.name).split(".")[0] == "click" for a in n.names
            )
            for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        )
    ]
    assert users and all(user.startswith("pipeline/cli/") for user in users)


def test_a_shared_option_is_declared_once() -> None:
    """Issue 11: an option several commands take (`--inbox`, `--jobs`, …) is declared in
    `cli/options.py` only; a command with its own wording passes its help text in."""
    options = (ROOT / "pipeline" / "cli" / "options.py").read_text(encoding="utf-8")
    shared = set(re.findall(r'"(--[a-z-]+)"', options))
    assert {"--plan", "--inbox", "--outbox", "--period", "--as-of", "--jobs"} <= shared
    retyped = [
        (path.name, name)
        for path in sorted((ROOT / "pipeline" / "cli").glob("*.py"))
        if path.name != "options.py"
        for name in sorted(shared)
        if f'"{name}"' in path.read_text(encoding="utf-8")
    ]
    assert retyped == []


MAX_MODULE_LINES = 400


def test_no_module_outgrows_one_responsibility() -> None:
    """A module past 400 lines has so far always held two jobs (the workbook's Excel layer and
    its cell XML; the rollups over frames and the rollup per task): split it by responsibility
    and say where in docs/ARCHITECTURE.md."""
    long = {
        path.relative_to(ROOT).as_posix(): lines
        for path in sorted((ROOT / "pipeline").rglob("*.py"))
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}
