from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.forms.batch import write_forms
from pipeline.plan.load import load_plan
from pipeline.plan.model import Plan

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PLAN = ROOT / "templates" / "task_matrix.xlsx"
TEMPLATE = ROOT / "templates" / "agency_report_template.xlsx"


@pytest.fixture(scope="session")
def plan() -> Plan:
    return load_plan(PLAN)


@pytest.fixture(scope="session")
def forms(plan: Plan, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("forms")
    write_forms(plan, TEMPLATE, "2024", folder)
    return folder


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is absent (the plan text and corpus live there)")
    return SHARED


@pytest.fixture(scope="session")
def soffice() -> str:
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        pytest.skip("LibreOffice is not installed: apt-get install libreoffice-calc-nogui")
    return program


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that uses LibreOffice must say so, so that `-m "not libreoffice"` really skips it."""
    for item in items:
        uses_soffice = "soffice" in getattr(item, "fixturenames", ())
        if uses_soffice and item.get_closest_marker("libreoffice") is None:
            raise pytest.UsageError(
                f"{item.nodeid} uses LibreOffice: mark it @pytest.mark.libreoffice"
            )
