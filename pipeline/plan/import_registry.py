"""Which agency registry a new plan gets: chosen by the officer, or the default of the province.

A plan's agencies are those of the province (or ministry) that issued it. The embedded
registry is Kon Tum's; it is taken without asking only for a plan issued in Kon Tum. For any
other plan the officer names one (`--registry FILE`, the `Đơn vị` and `Cụm từ` sheets of a
task matrix) or asks for the default knowingly (`--registry default`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.contracts.matrix import (
    AGENCIES,
    ISSUER_SETTING,
    LIST_SEPARATOR,
    PHRASES,
    SETTINGS_SHEET,
)
from pipeline.core.errors import KehoachError
from pipeline.core.text import clean, fold, one_line
from pipeline.plan.matrix_book import RegistryRows
from pipeline.plan.registry import Agency, Phrase, Registry

DEFAULT_REGISTRY = Path(__file__).resolve().parent.parent / "data" / "task_matrix.xlsx"
DEFAULT_CHOICE = "default"

_PROVINCE = re.compile(r"\b(?:tinh|thanh pho)\s+([a-z' -]+?)\s*$")
_ISSUER = re.compile(r"^(?:uy ban nhan dan|ubnd)\s+((?:tinh|thanh pho)\s+\S.*)$")
_MINISTRY = re.compile(r"^(bo|ban chi dao|van phong chinh phu|tinh uy)\b")
_MARKUP = re.compile(r"[#*_>]|<[^>]+>")  # Markdown emphasis, headings, HTML tags
_PLACE = re.compile(r"^([^\d,;:()]{2,40}),\s*ngay\b")


@dataclass(frozen=True)
class Issuer:
    """Who issued a plan, as its header says: the body's name and its province, if any."""

    name: str  # "Ủy ban nhân dân tỉnh Thanh Hóa"; "" when the header does not say
    province: str  # folded: "thanh hoa"; "" for a ministry or when unknown


@dataclass(frozen=True)
class ChosenRegistry:
    rows: RegistryRows
    source: str  # the file it came from, for the summary
    default: bool  # the embedded registry
    home: str = ""  # the default registry's issuing body, for the summary


def stated_issuer(text: str) -> Issuer:
    """The issuing body from the header block ("ỦY BAN NHÂN DÂN / TỈNH KON TUM"), else the
    province of the place-and-date line ("Kon Tum, ngày … tháng 6 năm 2024")."""
    pieces = (p for line in text.splitlines() for p in re.split(r"[|\t]", line))
    lines = [line for line in (one_line(_MARKUP.sub("", p)) for p in pieces) if line]
    for index, line in enumerate(lines[:40]):
        key = fold(line).strip(" .")
        if key in ("uy ban nhan dan", "ubnd") and index + 1 < len(lines):
            line, key = f"{line} {lines[index + 1]}", f"{key} {fold(lines[index + 1])}"
        if match := _ISSUER.match(key):
            place = line.split()[-len(match.group(1).split()) :]  # "TỈNH", "KON", "TUM"
            size = 2 if fold(place[0]) == "thanh" else 1  # "thành phố" takes two words
            level, province = " ".join(place[:size]).lower(), " ".join(place[size:])
            province = province.title() if province.isupper() else province
            return Issuer(f"Ủy ban nhân dân {level} {province}", fold(province))
        if _MINISTRY.match(key):
            return Issuer(line[:1] + line[1:].lower() if line.isupper() else line, "")
    for line in lines[:40]:
        if match := _PLACE.match(fold(line)):
            return Issuer("", match.group(1).strip())
    return Issuer("", "")


def province_key(issuer: str) -> str:
    """The folded province of an issuing body: "Ủy ban nhân dân tỉnh Kon Tum" -> "kon tum"."""
    match = _PROVINCE.search(fold(issuer))
    return match.group(1).strip() if match else ""


def default_issuer() -> str:
    """The issuing body stated in the embedded plan's `Cấu hình` sheet."""
    from openpyxl import load_workbook  # heavy; only this command needs it

    workbook = load_workbook(DEFAULT_REGISTRY, read_only=True, data_only=True)
    try:
        for row in workbook[SETTINGS_SHEET].iter_rows(values_only=True, max_col=2):
            if row and row[0] == ISSUER_SETTING:
                return one_line(str(row[1] or ""))
    finally:
        workbook.close()
    return ""


def choose_registry(choice: str | None, issuer: Issuer, source: str) -> ChosenRegistry:
    """The registry named by `choice` (a file or "default"), or the default when the plan was
    issued in the default's own province; otherwise a sentence asking the officer to choose."""
    if choice is not None and choice != DEFAULT_CHOICE:
        return ChosenRegistry(registry_rows_from_workbook(Path(choice)), choice, False)
    home = default_issuer()
    if choice is None:
        if not issuer.province:
            raise KehoachError("import-registry-issuer-unknown", file=source, default=home)
        if issuer.province != province_key(home):
            raise KehoachError(
                "import-registry-other-province",
                file=source,
                issuer=issuer.name or issuer.province.title(),
                default=home,
            )
    return ChosenRegistry(registry_rows_from_workbook(DEFAULT_REGISTRY), DEFAULT_CHOICE, True, home)


def registry_rows_from_workbook(path: Path) -> RegistryRows:
    """The `Đơn vị` and `Cụm từ` sheets of an existing task matrix, as they are."""
    from openpyxl import load_workbook

    if not path.exists():
        raise KehoachError("agencies-source-missing", path=str(path))
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheets: dict[str, list[list[str | int]]] = {}
        for declared in (AGENCIES, PHRASES):
            name = declared.name
            if name not in workbook.sheetnames:
                raise KehoachError(
                    "plan-sheet-missing",
                    file=str(path),
                    sheet=name,
                    sheets=", ".join(workbook.sheetnames),
                )
            rows = list(workbook[name].iter_rows(values_only=True, max_col=len(declared.written)))
            sheets[name] = [
                [
                    ""
                    if v is None
                    else (v if isinstance(v, int) and not isinstance(v, bool) else str(v))
                    for v in row
                ]
                for row in rows[1:]
                if any(v not in (None, "") for v in row)
            ]
    finally:
        workbook.close()
    phrases = [[str(v) for v in row] for row in sheets[PHRASES.name]]
    return RegistryRows(sheets[AGENCIES.name], phrases)


def registry_from_rows(rows: RegistryRows) -> Registry:
    agencies = [
        Agency(
            str(r[0]),
            clean(str(r[1])),
            str(r[2]),
            int(r[3]) if str(r[3]).isdigit() else 0,
            tuple(a.strip() for a in str(r[4]).split(LIST_SEPARATOR) if a.strip()),
        )
        for r in rows.agencies
    ]
    phrases = [
        Phrase(
            clean(str(r[0])), tuple(m.strip() for m in str(r[1]).split(LIST_SEPARATOR) if m.strip())
        )
        for r in rows.phrases
    ]
    return Registry(agencies, phrases)
