"""Make the fixed returns the golden feedback copies are made from (needs LibreOffice).

    .venv/bin/python -m tests.golden.make_sources

Run it only when the form itself changes; then write the references again (README.md).
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from datetime import date, datetime
from pathlib import Path

from pipeline.core.libreoffice import convert
from pipeline.demo.simulate import fill_form
from pipeline.forms.batch import write_forms
from pipeline.plan.load import load_plan

HERE = Path(__file__).parent
ROOT = HERE.parent.parent


def main() -> None:
    plan = load_plan(ROOT / "templates" / "task_matrix.xlsx")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        write_forms(plan, ROOT / "templates" / "agency_report_template.xlsx", "2024", folder)
        answers = {
            a.task.number: {"status": "Đang thực hiện", "progress": 50}
            for a in plan.assignments("so_y_te")
        }
        answers["13"] = {"status": "Đã hoàn thành", "progress": 300, "result": "Đã ban hành"}
        target = HERE / "so_y_te.xlsx"
        fill_form(
            folder / "2024_so_y_te.xlsx",
            target,
            answers,
            {"kh_ngay_bao_cao": date(2024, 12, 10)},
            saved_at=datetime(2024, 12, 10, 9, 0),
        )
        converted = convert(target, "ods", folder / "ods")
        assert converted is not None, "LibreOffice is needed for the .ods source"
        _without_thumbnail(converted, HERE / "so_y_te.ods")


def _without_thumbnail(source: Path, target: Path) -> None:
    """The .ods without its 30 KB preview picture, which no reader looks at."""
    with zipfile.ZipFile(source) as package, zipfile.ZipFile(target, "w") as out:
        for info in package.infolist():
            if info.filename.startswith("Thumbnails/"):
                continue
            data = package.read(info)
            if info.filename == "META-INF/manifest.xml":
                data = re.sub(rb"<manifest:file-entry[^>]*Thumbnails/[^>]*/>", b"", data)
            out.writestr(info, data)


if __name__ == "__main__":
    main()
