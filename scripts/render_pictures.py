"""Render the pictures of the README and docs/HUONG-DAN.md from the demo's real outputs.

    make pictures        (or: .venv/bin/python scripts/render_pictures.py)

Runs `kehoach demo` and `kehoach report` in a temporary folder, converts the form, the leadership
workbook, one feedback copy and the draft report to PDF with headless LibreOffice, renders the
chosen pages with poppler's `pdftoppm` and writes them to docs/img/ under stable names, so a
picture shows what the current code produces, printed as leadership and agencies see it.
Needs LibreOffice (`soffice`) and poppler (`pdftoppm`, `pdftotext`).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "img"
PERIOD = "2024"
AS_OF = "06/01/2025"  # the demo's own "as of" date
AGENCY = "so_y_te"  # the demo agency whose return is rejected: it has a feedback copy

# The demo's outputs to convert, under the stable names their PDFs take.
SOURCES = {
    "bieu-mau": f"outbox/templates/{PERIOD}/{PERIOD}_{AGENCY}.xlsx",
    "tong-hop": f"outbox/tong-hop-{PERIOD}.xlsx",
    "phan-hoi": f"outbox/phan-hoi/{PERIOD}/{PERIOD}_{AGENCY}.xlsx",
    "bao-cao": f"outbox/bao-cao-{PERIOD}.docx",
}


@dataclass(frozen=True)
class Picture:
    """One page of one document, optionally cropped (points from the page's top left)."""

    name: str  # file name in docs/img/
    source: str  # key of SOURCES
    page: int | str  # a page number, or a text the wanted page is the first to contain
    dpi: int
    crop: tuple[int, int, int, int] | None = None  # x, y, width, height in points


# Chosen after looking at every page: each picture is about 700 px wide, the text legible.
PICTURES = (
    Picture("bieu-mau-1.png", "bieu-mau", 1, 80, (14, 30, 630, 300)),
    Picture("tong-quan-01.png", "tong-hop", 1, 85, (0, 0, 595, 660)),
    Picture("theo-nhiem-vu-03.png", "tong-hop", "TÌNH TRẠNG TỪNG NHIỆM VỤ", 64, (24, 20, 800, 470)),
    Picture("nhom-i-05.png", "tong-hop", "ĐƠN VỊ — NHÓM I", 64, (24, 20, 800, 380)),
    Picture("phan-hoi.png", "phan-hoi", 1, 68, (14, 20, 720, 150)),
    Picture("phan-hoi-2.png", "phan-hoi", 2, 80, (14, 150, 620, 150)),
    Picture("bao-cao-1.png", "bao-cao", 1, 85),
)


def main() -> int:
    missing = [tool for tool in ("soffice", "pdftoppm", "pdftotext") if shutil.which(tool) is None]
    if missing:
        print(f"Cần cài: {', '.join(missing)} (LibreOffice, poppler-utils).", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="kehoach-pictures-") as scratch_name:
        scratch = Path(scratch_name)
        demo = scratch / "demo"
        _kehoach(["demo", "--dir", str(demo)], cwd=scratch)
        # The draft as the officer makes it (demo writes one too; --force replaces it).
        _kehoach(["report", "--as-of", AS_OF, "--force"], cwd=demo)
        pdfs = _convert_all(demo, scratch)
        IMAGES.mkdir(parents=True, exist_ok=True)
        for picture in PICTURES:
            target = IMAGES / picture.name
            _render(picture, pdfs[picture.source], target, scratch)
            print(f"{target.relative_to(ROOT)}  ({picture.source}, trang {picture.page})")
    return 0


def _kehoach(arguments: list[str], cwd: Path) -> None:
    subprocess.run([sys.executable, "-m", "pipeline", *arguments], cwd=cwd, check=True)


def _convert_all(demo: Path, scratch: Path) -> dict[str, Path]:
    """Copy each output under its stable name (two are named 2024_so_y_te) and convert it."""
    sources, pdf_dir = scratch / "sources", scratch / "pdf"
    sources.mkdir()
    copies = []
    for key, relative in SOURCES.items():
        original = demo / relative
        copy = sources / f"{key}{original.suffix}"
        shutil.copyfile(original, copy)
        copies.append(copy)
    profile = scratch / "profile"  # a private LibreOffice profile: no clash with an open one
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(pdf_dir),
            *map(str, copies),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    pdfs = {key: pdf_dir / f"{key}.pdf" for key in SOURCES}
    for key, pdf in pdfs.items():
        if not pdf.exists():
            raise SystemExit(f"LibreOffice không chuyển được {SOURCES[key]} sang PDF.")
    return pdfs


def _render(picture: Picture, pdf: Path, target: Path, scratch: Path) -> None:
    page = _page_number(pdf, picture.page)
    scale = picture.dpi / 72
    area: list[str] = []
    if picture.crop is not None:
        x, y, width, height = (round(value * scale) for value in picture.crop)
        area = ["-x", str(x), "-y", str(y), "-W", str(width), "-H", str(height)]
    base = scratch / target.stem
    pages = ["-f", str(page), "-l", str(page)]
    command = ["pdftoppm", "-png", "-r", str(picture.dpi), *pages, *area, "-singlefile"]
    subprocess.run([*command, str(pdf), str(base)], check=True)
    shutil.copyfile(base.with_suffix(".png"), target)


def _page_number(pdf: Path, page: int | str) -> int:
    """A page given by number, or the first page whose text contains the words given."""
    if isinstance(page, int):
        return page
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for number, content in enumerate(text.split("\f"), start=1):
        if page in content:
            return number
    raise SystemExit(f"Không trang nào của {pdf.name} có '{page}': chọn lại trang trong PICTURES.")


if __name__ == "__main__":
    sys.exit(main())
