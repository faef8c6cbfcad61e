from __future__ import annotations

import unicodedata
from datetime import date
from typing import Literal, cast

from hypothesis import given
from hypothesis import strategies as st

from pipeline.contracts.form import STATUSES
from pipeline.core.text import fold
from pipeline.intake import normalize
from pipeline.intake.normalize import Bad


@given(
    st.sampled_from(STATUSES),
    st.sampled_from(["NFC", "NFD", "ascii"]),
    st.booleans(),
    st.sampled_from(["", " ", "  "]),
)
def test_status_any_case_form_and_spacing(status: str, form: str, upper: bool, pad: str) -> None:
    text = (
        fold(status)
        if form == "ascii"
        else unicodedata.normalize(cast(Literal["NFC", "NFD", "NFKC", "NFKD"], form), status)
    )
    text = pad + (text.upper() if upper else text) + pad
    assert normalize.status(text) == status


def test_status_synonyms_and_garbage() -> None:
    assert normalize.status("HT") == "Đã hoàn thành"
    assert normalize.status("Hoàn thành") == "Đã hoàn thành"
    assert normalize.status("đang triển khai") == "Đang thực hiện"
    assert normalize.status("chua thuc hien") == "Chưa thực hiện"
    assert normalize.status("") is None
    assert normalize.status("Xong rồi nhé") == Bad("Xong rồi nhé")


@given(st.integers(min_value=0, max_value=100))
def test_progress_forms(value: int) -> None:
    assert normalize.progress(value) == (100 if value == 1 else value)  # 1 is 100 %, as Excel
    assert normalize.progress(f"{value}%") == value
    assert normalize.progress(f"{value} %") == value
    if 0 < value < 100:
        assert normalize.progress(value / 100) == value  # a percent-formatted cell


@given(st.integers(min_value=0, max_value=10**9))
def test_vietnamese_thousands(value: int) -> None:
    written = f"{value:,}".replace(",", ".")
    assert normalize.number(written) == value


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=9))
def test_vietnamese_decimal_comma(whole: int, tenth: int) -> None:
    assert normalize.number(f"{whole},{tenth}") == float(f"{whole}.{tenth}")


def test_numbers_that_are_not() -> None:
    assert normalize.number("khoảng 50") == Bad("khoảng 50")
    assert normalize.number("12,5 triệu") == Bad("12,5 triệu")  # a unit belongs to funding
    assert normalize.funding("12,5 triệu") == 12.5
    assert normalize.number(None) is None


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)))
def test_dates_in_every_form(day: date) -> None:
    serial = (day - date(1899, 12, 30)).days
    assert normalize.day(day) == day
    assert normalize.day(f"{day:%d/%m/%Y}") == day
    assert normalize.day(f"{day.day}/{day.month}/{day.year}") == day
    assert normalize.day(serial) == day
    assert normalize.day(f"{day:%Y-%m-%d}") == day


def test_bad_dates_keep_what_was_written() -> None:
    assert normalize.day("31/02/2024") == Bad("31/02/2024")
    assert normalize.day("quý 3") == Bad("quý 3")


@given(st.text(max_size=40))
def test_text_is_nfc_and_trimmed(value: str) -> None:
    cleaned = normalize.text(value)
    assert cleaned == unicodedata.normalize("NFC", cleaned)
    assert cleaned == cleaned.strip()


def test_characters_xml_refuses_are_removed_like_controls() -> None:
    from pipeline.core.text import clean

    # U+FFFE and U+FFFF are noncharacters and a lone surrogate is a broken decode: a form or a
    # workbook holding one cannot be opened (lxml refuses it; a character reference to it is
    # invalid XML)
    assert clean("Xã\ufffe Một\uffff\ud800") == "Xã Một"
    assert fold("Xã\ufffe") == "xa"
