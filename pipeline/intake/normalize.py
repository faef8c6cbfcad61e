"""Turn what agencies type into clean values: text, status words, percentages, numbers, dates.

Each normalizer returns the clean value, or a `Bad` marker that keeps what the agency wrote
so the finding can quote it back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from pipeline.contracts.form import DONE, IN_PROGRESS, NOT_STARTED, PREFILLED, TEXT_INPUTS
from pipeline.core.text import clean, fold
from pipeline.intake import dates, legacy
from pipeline.intake.amounts import IMPLAUSIBLE_MILLIONS, amount, finite, is_no_amount, number_text

TEXT_FIELDS = tuple(f for f in (*PREFILLED, *TEXT_INPUTS) if f != "task")


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

# Wordings common in real reports whose meaning is clear enough to read, but which are not one
# of the three words: each is read as the status here and the agency gets a warning saying so.
# "Cơ bản hoàn thành" (substantially complete) is not complete: leadership counts it as under way.
_STATUS_READ_AS = {
    "da thuc hien": DONE,
    "hoan thanh tot": DONE,
    "da hoan thanh tot": DONE,
    "da thuc hien hoan thanh": DONE,
    "co ban hoan thanh": IN_PROGRESS,
    "da co ban hoan thanh": IN_PROGRESS,
    "da trien khai": IN_PROGRESS,
    "da trien khai thuc hien": IN_PROGRESS,
    "dang trien khai thuc hien": IN_PROGRESS,
    "da va dang thuc hien": IN_PROGRESS,
    "da va dang trien khai": IN_PROGRESS,
    "da va dang trien khai thuc hien": IN_PROGRESS,
    "dang xay dung": IN_PROGRESS,
    "dang hoan thien": IN_PROGRESS,
    "thuong xuyen": IN_PROGRESS,
    "trien khai thuong xuyen": IN_PROGRESS,
    "chua trien khai thuc hien": NOT_STARTED,
    "chua thuc hien duoc": NOT_STARTED,
    "chua co": NOT_STARTED,
}
# "Đang thực hiện (70%)", "Hoàn thành 100%", "Đang thực hiện, đạt 70%": a status with a percent.
_STATUS_PERCENT = re.compile(
    r"^(?P<words>.*?)[\s,;:(-]*(?:dat\s*)?(?P<pct>\d{1,3}(?:[.,]\d+)?)\s*%\)?$"
)
# "khoảng 60%", "đạt 60%", "~60%", "gần 60 %", "trên 60%": an approximate progress.
_APPROXIMATE = re.compile(r"^(?:khoang|dat|dat khoang|uoc dat|uoc|gan|tren|duoi|~|xap xi)\s*")

STATUS_READ_AS = "status-read-as"
PROGRESS_FROM_STATUS = "progress-from-status"
PROGRESS_APPROXIMATE = "progress-approximate"
PROGRESS_FRACTION = "progress-read-as-fraction"
FUNDING_CONVERTED = "funding-unit-converted"
FUNDING_NO_AMOUNT = "funding-no-amount"
FUNDING_IMPLAUSIBLE = "funding-implausible"
NOTE_CODES = (
    STATUS_READ_AS,
    PROGRESS_FROM_STATUS,
    PROGRESS_APPROXIMATE,
    PROGRESS_FRACTION,
    FUNDING_CONVERTED,
    FUNDING_NO_AMOUNT,
    FUNDING_IMPLAUSIBLE,
    dates.MONTH,
    dates.QUARTER,
    dates.SHORT_YEAR,
)
Note = tuple[str, str, str]  # (field, note code, what the agency wrote): a warning to give


def text(value: object) -> str:
    """Any cell as clean text ("" for empty); whole numbers lose their ".0"."""
    if value is None:
        return ""
    if isinstance(value, float):
        if not finite(value):
            return "" if value != value else str(value)  # nan is empty; inf says so
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime | date):
        return f"{value:%d/%m/%Y}"
    return clean(str(value))


@lru_cache(maxsize=4096)
def status_reading(value: str) -> tuple[str | Bad | None, str, float | None]:
    """The status, how it was read (EXACT "" or STATUS_READ_AS) and a percent written beside it."""
    key = fold(value).strip(" .;:!")
    if not key:
        return None, "", None
    percent: float | None = None
    match = _STATUS_PERCENT.match(key)
    if match and match.group("words"):
        key = match.group("words").strip(" .;:,(-")
        percent = number_text(match.group("pct"))
    if key in _STATUS_BY_KEY:
        return _STATUS_BY_KEY[key], "", percent
    if key in _STATUS_READ_AS:
        return _STATUS_READ_AS[key], STATUS_READ_AS, percent
    return Bad(clean(value)), "", None


def status(value: str) -> str | Bad | None:
    """One of the three status words, from any case, no diacritics or a common synonym."""
    return status_reading(value)[0]


def number(value: object) -> float | Bad | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return Bad(str(value))
    if isinstance(value, int | float):
        return float(value) if finite(float(value)) else Bad(text(value))
    raw = text(value)
    if not raw:
        return None
    parsed = number_text(raw)
    return Bad(raw) if parsed is None else parsed


def progress(value: object, notes: list[str] | None = None) -> float | Bad | None:
    """Percent as 0–100, by one rule for every file format.

    "50", "50%" and "50 %" are 50. A number above 0 and at most 1 without a percent sign is a
    fraction of the whole, as Excel stores a percentage (50 % is 0.5, 100 % is 1): 0.5, "0,5"
    and 1 are 50 and 100 whether the file is .xlsx, .xls or .ods (an .xls or .ods cell does not
    say how it was formatted, so the rule cannot depend on it). A fraction typed as text is
    noted; "khoảng 60%" is 60, with a note.
    """
    notes = notes if notes is not None else []
    if isinstance(value, str):
        key = fold(value).strip()
        approximate = _APPROXIMATE.match(key)
        if approximate and approximate.end() < len(key):
            read = progress(key[approximate.end() :])
            if isinstance(read, float):
                notes.append(PROGRESS_APPROXIMATE)
                return read
            return Bad(clean(value))
        if value.strip().endswith("%"):
            parsed = number(value.strip().rstrip("%"))
            return parsed if parsed is not None else Bad(value)
    parsed = number(value)
    if isinstance(parsed, float) and 0 < parsed <= 1:
        if parsed == 1 or not isinstance(value, int | float):
            notes.append(PROGRESS_FRACTION)  # 1 (1 % or 100 %?) or typed as text: say so
        return round(parsed * 100, 6)
    return parsed


def funding(value: object, notes: list[str] | None = None) -> float | Bad | None:
    """An amount in triệu đồng, from any unit an agency writes; words meaning "none" are None."""
    notes = notes if notes is not None else []
    if isinstance(value, str) and is_no_amount(value):
        notes.append(FUNDING_NO_AMOUNT)
        return None
    if not isinstance(value, str):
        parsed = number(value)
        if isinstance(parsed, float) and abs(parsed) >= IMPLAUSIBLE_MILLIONS:
            notes.append(FUNDING_IMPLAUSIBLE)
        return parsed
    raw = text(value)
    if not raw:
        return None
    read = amount(raw)
    if read is None:
        return Bad(raw)
    if read.unit not in ("", "tr", "trieu", "trieudong"):
        notes.append(FUNDING_CONVERTED)
    elif abs(read.millions) >= IMPLAUSIBLE_MILLIONS:
        notes.append(FUNDING_IMPLAUSIBLE)
    return read.millions


def day(value: object, notes: list[str] | None = None) -> date | Bad | None:
    """A date from a real date, an Excel serial number or text; approximate readings noted."""
    if value is None or value == "":
        return None
    read: dates.Day | None
    if isinstance(value, datetime | date):
        read = dates.from_datetime(value)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        read = dates.from_serial(float(value)) if finite(float(value)) else None
    else:
        raw = text(value)
        if not raw:
            return None
        read = dates.from_text(raw)
    if read is None:
        return Bad(text(value))
    if read.reading and notes is not None:
        notes.append(read.reading)
    return read.value


def record(raw: dict[str, object], legacy_file: str | None = None) -> dict[str, object]:
    """A table row's values, cleaned; what could not be read is kept in `<field>_bad`.

    Text typed in a legacy font (TCVN3, VNI) is converted; `legacy` lists each converted
    field with its encoding and what was written, so the agency can be told. `legacy_file` is
    the encoding the rest of the file was found in: then even a short cell with no telltale
    character ("Tèt") is converted. `notes` lists the values read with an interpretation
    (a unit converted, a month for a date, a wording for a status) as (field, code, written).
    """
    raw = dict(raw)
    converted: list[tuple[str, str, str]] = []
    for name in ("status", *TEXT_INPUTS):
        value = raw.get(name)
        if isinstance(value, str):
            unicode_text, encoding = legacy.convert(value, legacy_file)
            if encoding is not None:
                raw[name] = unicode_text
                converted.append((name, encoding, value))
    tt = text(raw.get("task")).rstrip(".")
    found: dict[str, object] = {"task": str(int(tt)) if tt.isdigit() else tt}
    notes: list[Note] = []
    status_value, status_note, status_percent = status_reading(text(raw.get("status")))
    _keep(found, "status", status_value)
    if status_note:
        notes.append(("status", status_note, text(raw.get("status"))))
    for name, reader in (("progress", progress), ("funding", funding), ("done_date", day)):
        codes: list[str] = []
        _keep(found, name, reader(raw.get(name), codes))
        notes += [(name, code, text(raw.get(name))) for code in codes]
    if found["progress"] is None and found["progress_bad"] is None and status_percent is not None:
        found["progress"] = status_percent
        notes.append(("progress", PROGRESS_FROM_STATUS, text(raw.get("status"))))
    for name in TEXT_FIELDS:
        found[name] = text(raw.get(name))
    found["legacy"] = converted
    found["notes"] = notes
    return found


def _keep(found: dict[str, object], name: str, value: object) -> None:
    found[name] = None if isinstance(value, Bad) else value
    found[f"{name}_bad"] = value.raw if isinstance(value, Bad) else None
