"""Rebuild the embedded default task matrix from the plan document and the Kon Tum registry.

Usage: python scripts/build_default_plan.py [SEED]   (SEED defaults to ../shared/seeds/...)
Writes templates/task_matrix.xlsx and its packaged copy pipeline/data/task_matrix.xlsx.
"""

from __future__ import annotations

import csv
import shutil
import sys
from datetime import date
from pathlib import Path

from pipeline.contracts.matrix import AGENCY_ORDER
from pipeline.plan.importer import import_plan
from pipeline.plan.matrix_book import RegistryRows

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "ke-hoach-144-kon-tum.md"

SETTINGS: dict[str, object] = {
    "ma_ke_hoach": "KH144-KT-KHCN",
    "ten_ngan": "Kế hoạch triển khai thực hiện Kế hoạch số 144-KH/TU ngày 24/4/2024 của Ban "
    "Thường vụ Tỉnh ủy về phát triển khoa học và công nghệ",
    "co_quan_ban_hanh": "Ủy ban nhân dân tỉnh Kon Tum",
    "co_quan_nhan": "Sở Khoa học và Công nghệ",
    "ky_bao_cao": "2024",
    "han_nop": date(2024, 12, 15),
    "han_nop_tinh_ca_ngay": "Có",
    "ngay_chot_so_lieu": date(2024, 12, 14),
    "phien_ban_bieu_mau": "1",
}


def default_registry() -> RegistryRows:
    here = Path(__file__).resolve().parent
    with (here / "default_agencies.csv").open(encoding="utf-8") as handle:
        agencies = [
            [int(v) if k == AGENCY_ORDER else v.strip() for k, v in row.items()]
            for row in csv.DictReader(handle)
        ]
    with (here / "default_phrases.csv").open(encoding="utf-8") as handle:
        phrases = [[v.strip() for v in row.values()] for row in csv.DictReader(handle)]
    return RegistryRows(agencies, phrases)


def main() -> None:
    seed = Path(sys.argv[1]) if len(sys.argv) > 1 else SEED
    target = ROOT / "templates" / "task_matrix.xlsx"
    report = import_plan(seed, default_registry(), target, force=True, settings=SETTINGS)
    shutil.copyfile(target, ROOT / "pipeline" / "data" / "task_matrix.xlsx")
    print(f"{report.groups} groups, {report.tasks} tasks, unresolved: {report.unresolved}")


if __name__ == "__main__":
    main()
