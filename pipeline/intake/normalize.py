"""Turn what agencies type into clean values: text, status words, percentages, numbers, dates.

Each normalizer returns the clean value, or a `Bad` marker that keeps what the agency wrote
so the finding can quote it back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from pipeline.contracts.form import DONE, IN_PROGRESS, NOT_STARTED, PREFILLED, TEXT_INPUTS
from pipeline.core.text import clean, fold
from pipeline.intake import legacy

EXCEL_EPOCH = date(1899, 12, 30)
TEXT_FIELDS = tuple(f for f in (*PREFILLED, *TEXT_INPUTS) if f != "task")
_SERIAL_RANGE = (20_000, 80_000)  # 1954..2119: a number this size in a date column is a date


@dataclass(frozen=True)
class Bad:
    """A value that could not be read; `raw` is what the agency wrote, as text."""

    raw: str


_STATUS_WORDS = {
    DONE: (
        "da hoan thanh",
        "hoan thanh",
        "ht",
        "da ht",
        "da xong",
        "xong",
        "hoan tat",
        "da hoan tat",
        "da thuc hien xong",
        "done",
        "completed",
    ),
    IN_PROGRESS: (
        "dang thuc hien",
        "dang trien khai",
        "dang th",
        "dth",
        "dang lam",
        "dang tien hanh",
        "tiep tuc thuc hien",
        "dang tiep tuc thuc hien",
        "thuc hien thuong xuyen",
        "in progress",
        "ongoing",
    ),
    NOT_STARTED: (
        "chua thuc hien",
        "chua trien khai",
        "chua th",
        "cth",
        "chua",
        "chua lam",
        "chua bat dau",
        "not started",
    ),
}
_STATUS_BY_KEY = {word: status for status, words in _STATUS_WORDS.items() for word in words}


def text(value: object) -> str:
    """Any cell as clean text ("" for empty); whole numbers lose their ".0"."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime | date):
        return f"{value:%d/%m/%Y}"
    return clean(str(value))


@lru_cache(maxsize=4096)
def status(value: str) -> str | Bad | None:
    """One of the three status words, from any case, no diacritics or a common synonym."""
    key = fold(value).strip(" .;:!")
    if not key:
        return None
    return _STATUS_BY_KEY.get(key) or Bad(clean(value))


def _number_text(raw: str) -> float | None:
    """A Vietnamese-written number: "1.200.000" is 1200000, "1,5" is 1.5."""
    s = re.sub(r"\s+", "", raw)
    s = re.sub(r"(?i)(triệu|trieu|tr|đồng|dong|đ|vnd|vnđ)\.?$", "", s)
    if not re.fullmatch(r"[-+]?[\d.,]+", s) or not re.search(r"\d", s):
        return None
    sign = -1.0 if s.startswith("-") else 1.0
    s = s.lstrip("+-")
    if "." in s and "," in s:
        s = (
            s.replace(".", "").replace(",", ".")
            if s.rfind(",") > s.rfind(".")
            else s.replace(",", "")
        )
    elif s.count(".") > 1 or re.fullmatch(r"\d{1,3}\.\d{3}", s):
        s = s.replace(".", "")
    elif s.count(",") > 1:
        s = s.replace(",", "")
    else:
        s = s.replace(",", ".")
    try:
        return sign * float(s)
    except ValueError:
        return None


def number(value: object) -> float | Bad | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return Bad(str(value))
    if isinstance(value, int | float):
        return float(value)
    raw = text(value)
    if not raw:
        return None
    parsed = _number_text(raw)
    return Bad(raw) if parsed is None else parsed


def progress(value: object) -> float | Bad | None:
    """Percent as 0–100: 50, "50%", "50 %", or 0.5 from a cell formatted as a percentage."""
    if isinstance(value, float) and 0 < value < 1:
        return round(value * 100, 6)  # Excel stores 50% as 0.5
    if isinstance(value, str) and value.strip().endswith("%"):
        parsed = number(value.strip().rstrip("%"))
        return parsed if parsed is not None else Bad(value)
    return number(value)


def day(value: object) -> date | Bad | None:
    """A date from a real date, an Excel serial number or dd/mm/yyyy text."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
            return EXCEL_EPOCH + timedelta(days=int(value))
        return Bad(text(value))
    raw = text(value)
    for pattern, order in (
        (r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", (3, 2, 1)),
        (r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?", (1, 2, 3)),
        (r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})", (3, 2, 1)),
    ):
        match = re.fullmatch(pattern, raw, flags=re.I)
        if match:
            try:
                return date(*(int(match.group(i)) for i in order))
            except ValueError:
                return Bad(raw)
    return Bad(raw) if raw else None


def record(raw: dict[str, object]) -> dict[str, object]:
    """A table row's values, cleaned; what could not be read is kept in `<field>_bad`.

    Text typed in a legacy font (TCVN3, VNI) is converted; `legacy` lists each converted
    field with its encoding and what was written, so the agency can be told.
    """
    raw = dict(raw)
    converted: list[tuple[str, str, str]] = []
    for name in ("status", *TEXT_INPUTS):
        value = raw.get(name)
        if isinstance(value, str):
            unicode_text, encoding = legacy.convert(value)
            if encoding is not None:
                raw[name] = unicode_text
                converted.append((name, encoding, value))
    tt = text(raw.get("task")).rstrip(".")
    found: dict[str, object] = {"task": str(int(tt)) if tt.isdigit() else tt}
    readers = (
        ("status", lambda v: status(text(v))),
        ("progress", progress),
        ("funding", number),
        ("done_date", day),
    )
    for name, reader in readers:
        value = reader(raw.get(name))
        found[name] = None if isinstance(value, Bad) else value
        found[f"{name}_bad"] = value.raw if isinstance(value, Bad) else None
    for name in TEXT_FIELDS:
        found[name] = text(raw.get(name))
    found["legacy"] = converted
    return found
