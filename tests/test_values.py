"""What agencies type, read right: amounts with units, dates, progress, status wording, old fonts.

Each case is what an agency really wrote, with how it must be read and the note (warning)
that tells the agency how it was read.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.contracts.form import DATE_FIRST, DATE_LAST, excel_serial
from pipeline.intake import legacy, normalize
from pipeline.intake.normalize import Bad

FUNDING = [
    # written, read in triệu đồng, notes
    ("150", 150.0, []),
    ("1.200.000.000 đồng", 1200.0, ["funding-unit-converted"]),
    ("150.000.000đ", 150.0, ["funding-unit-converted"]),
    ("150.000.000 VNĐ", 150.0, ["funding-unit-converted"]),
    ("1,5 tỷ", 1500.0, ["funding-unit-converted"]),
    ("1,5 tỷ đồng", 1500.0, ["funding-unit-converted"]),
    ("150 triệu đồng", 150.0, []),
    ("150 triệu", 150.0, []),
    ("12,5 tr", 12.5, []),
    ("500 nghìn đồng", 0.5, ["funding-unit-converted"]),
    ("Lồng ghép", None, ["funding-no-amount"]),
    ("Không", None, ["funding-no-amount"]),
    ("Không phát sinh", None, ["funding-no-amount"]),
    ("-", None, ["funding-no-amount"]),
    (1_200_000_000, 1_200_000_000.0, ["funding-implausible"]),
    ("1.200.000.000", 1_200_000_000.0, ["funding-implausible"]),
]


@pytest.mark.parametrize(("written", "expected", "notes"), FUNDING)
def test_funding_units(written: object, expected: float | None, notes: list[str]) -> None:
    found: list[str] = []
    assert normalize.funding(written, found) == expected
    assert found == notes


@pytest.mark.parametrize("written", ["khoảng 2 tỷ", "nhiều", "1e309", float("inf"), float("nan")])
def test_funding_that_is_no_amount_is_bad(written: object) -> None:
    assert isinstance(normalize.funding(written), Bad)


DATES = [
    ("15/12/2024", date(2024, 12, 15), []),
    ("ngày 15 tháng 12 năm 2024", date(2024, 12, 15), []),
    ("12/2024", date(2024, 12, 31), ["date-month-only"]),
    ("Tháng 12/2024", date(2024, 12, 31), ["date-month-only"]),
    ("tháng 2 năm 2024", date(2024, 2, 29), ["date-month-only"]),
    ("Quý IV/2024", date(2024, 12, 31), ["date-quarter-only"]),
    ("Quý II năm 2025", date(2025, 6, 30), ["date-quarter-only"]),
    ("15/12/24", date(2024, 12, 15), ["date-short-year"]),
]


@pytest.mark.parametrize(("written", "expected", "notes"), DATES)
def test_dates_as_written(written: str, expected: date, notes: list[str]) -> None:
    found: list[str] = []
    assert normalize.day(written, found) == expected
    assert found == notes


@pytest.mark.parametrize(
    "written",
    ["15/12/0224", "01/01/1000", "31/12/9999", date(224, 12, 15), date(9999, 12, 31), 3_000_000.0],
)
def test_impossible_years_are_errors(written: object) -> None:
    assert isinstance(normalize.day(written), Bad)


PROGRESS = [
    (50, 50.0, []),
    ("50%", 50.0, []),
    (0.5, 50.0, []),  # a percent-formatted cell
    ("0,5", 50.0, ["progress-read-as-fraction"]),  # the same number typed as text
    (1, 100.0, ["progress-read-as-fraction"]),  # 100 % saved by LibreOffice in .ods/.xls
    (1.0, 100.0, ["progress-read-as-fraction"]),
    ("khoảng 60%", 60.0, ["progress-approximate"]),
    ("đạt 60 %", 60.0, ["progress-approximate"]),
]


@pytest.mark.parametrize(("written", "expected", "notes"), PROGRESS)
def test_progress_one_rule_for_every_format(
    written: object, expected: float, notes: list[str]
) -> None:
    found: list[str] = []
    assert normalize.progress(written, found) == expected
    assert found == notes


STATUS = [
    # written, status, progress read from it, notes
    ("Đã thực hiện", "Đã hoàn thành", None, ["status-read-as"]),
    ("Cơ bản hoàn thành", "Đang thực hiện", None, ["status-read-as"]),
    ("Đã triển khai", "Đang thực hiện", None, ["status-read-as"]),
    ("Hoàn thành 100%", "Đã hoàn thành", 100.0, ["progress-from-status"]),
    ("Đang thực hiện (70%)", "Đang thực hiện", 70.0, ["progress-from-status"]),
    ("Đang thực hiện, đạt 70%", "Đang thực hiện", 70.0, ["progress-from-status"]),
    ("Đang thực hiện", "Đang thực hiện", None, []),
]


@pytest.mark.parametrize(("written", "status", "progress", "notes"), STATUS)
def test_status_wording(
    written: str, status: str, progress: float | None, notes: list[str]
) -> None:
    row = normalize.record({"task": 1, "status": written})
    assert row["status"] == status
    assert row["progress"] == progress
    assert [code for _, code, _ in row["notes"]] == notes  # type: ignore[attr-defined]


def test_status_whose_meaning_is_not_clear_is_an_error() -> None:
    row = normalize.record({"task": 1, "status": "Đã xong một phần, còn chờ"})
    assert row["status"] is None and row["status_bad"] == "Đã xong một phần, còn chờ"


def test_written_progress_wins_over_the_status_percent() -> None:
    row = normalize.record({"task": 1, "status": "Đang thực hiện (70%)", "progress": 60})
    assert row["progress"] == 60.0
    assert row["notes"] == []


LEGACY = [
    ("§ang thùc hiÖn", "Đang thực hiện", "TCVN3"),
    ("Khã kh¨n vÒ kinh phÝ", "Khó khăn về kinh phí", "TCVN3"),
    ("Hoµn thµnh", "Hoàn thành", "TCVN3"),
    ("Hoaøn thaønh", "Hoàn thành", "VNI"),
    ("Theo § 3", "Theo § 3", None),  # a lone symbol is not a legacy font
    ("2×3", "2×3", None),
    ("Đang thực hiện", "Đang thực hiện", None),
]


@pytest.mark.parametrize(("written", "unicode_text", "encoding"), LEGACY)
def test_short_legacy_texts(written: str, unicode_text: str, encoding: str | None) -> None:
    assert legacy.convert(written) == (unicode_text, encoding)


def test_a_short_cell_of_a_legacy_file_is_converted_too() -> None:
    assert legacy.convert("Tèt") == ("Tèt", None)  # alone it could be anything
    assert legacy.detect_file(["Tèt", "§ang thùc hiÖn"]) == "TCVN3"
    assert legacy.convert("Tèt", "TCVN3") == ("Tốt", "TCVN3")
    row = normalize.record({"task": 1, "status": "§ang thùc hiÖn", "result": "Tèt"}, "TCVN3")
    assert row["status"] == "Đang thực hiện" and row["result"] == "Tốt"


def test_the_form_accepts_the_dates_the_validator_reads(forms: Path) -> None:
    from openpyxl import load_workbook

    sheet = load_workbook(forms / "2024_so_y_te.xlsx")["Báo cáo"]
    [dates] = [v for v in sheet.data_validations.dataValidation if v.type == "date"][:1]
    first, last = int(dates.formula1), int(dates.formula2)
    assert (first, last) == (excel_serial(DATE_FIRST), excel_serial(DATE_LAST))
    assert normalize.day(first) == DATE_FIRST and normalize.day(last) == DATE_LAST
    assert isinstance(normalize.day(first - 1), Bad) and isinstance(normalize.day(last + 1), Bad)
