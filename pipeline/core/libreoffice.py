"""Optional LibreOffice round trips (demo and tests); everything works without it."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(source: Path, fmt: str, out_dir: Path, timeout: float = 180) -> Path | None:
    """Re-save `source` as `fmt` (xlsx, xls, ods, pdf) with headless LibreOffice."""
    program = soffice()
    if program is None:
        return None
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                program,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                fmt,
                "--outdir",
                str(out_dir),
                str(source),
            ],
            check=False,
            capture_output=True,
            timeout=timeout,
        )
    target = out_dir / f"{source.stem}.{fmt}"
    return target if target.exists() else None
