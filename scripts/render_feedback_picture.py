"""Render docs/img/phan-hoi.png: the findings page of the golden feedback copy, as printed.

    .venv/bin/python scripts/render_feedback_picture.py

Needs LibreOffice (soffice) and poppler's pdftoppm. The copy is tests/golden/
phan-hoi-so_y_te.xlsx, so the picture shows what the tests check.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from pipeline.core.libreoffice import convert

ROOT = Path(__file__).resolve().parent.parent
COPY = ROOT / "tests" / "golden" / "phan-hoi-so_y_te.xlsx"
PICTURE = ROOT / "docs" / "img" / "phan-hoi.png"


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        pdf = convert(COPY, "pdf", Path(scratch))
        assert pdf is not None, "LibreOffice could not convert the copy"
        # Page 1 at 100 dpi, cropped to the title and the table (A4 landscape, 0.4" margins).
        crop = ["-r", "100", "-f", "1", "-l", "1", "-x", "30", "-y", "40", "-W", "1110"]
        base = Path(scratch) / "page"
        subprocess.run(
            ["pdftoppm", *crop, "-H", "270", "-png", "-singlefile", str(pdf), str(base)],
            check=True,
        )
        PICTURE.write_bytes(base.with_suffix(".png").read_bytes())


if __name__ == "__main__":
    main()
