from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from pipeline.intake import legacy

LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
TONED = [
    unicodedata.normalize("NFC", v + t)
    for v in "aăâeêioôơuưy"
    for t in ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
]


def _encoder(encoding: str) -> dict[str, str]:
    """The inverse tables, built only for testing: Unicode character -> legacy bytes."""
    table = legacy._tcvn3_table() if encoding == "TCVN3" else legacy._vni_pattern()[1]
    inverse: dict[str, str] = {}
    for code, char in table.items():
        if char.islower() or not char.isalpha():
            inverse.setdefault(char, code)
    return inverse


words = st.lists(
    st.text(alphabet=st.sampled_from(list(LETTERS) + TONED), min_size=1, max_size=8),
    min_size=1,
    max_size=8,
).map(" ".join)


@given(words, st.sampled_from(["TCVN3", "VNI"]))
def test_round_trip(text: str, encoding: str) -> None:
    inverse = _encoder(encoding)
    encoded = "".join(inverse.get(ch, ch) for ch in text)
    if legacy.detect(encoded) is None:  # too few telltale characters to be sure: left alone
        assert legacy.convert(encoded)[0] == encoded
        return
    assert legacy.to_unicode(encoded, encoding) == text


def test_known_phrases() -> None:
    assert legacy.convert("§· hoµn thµnh") == ("Đã hoàn thành", "TCVN3")
    assert (
        legacy.convert("Hoµn thµnh viÖc x©y dùng kÕ ho¹ch")[0]
        == "Hoàn thành việc xây dựng kế hoạch"
    )
    assert legacy.convert("Ñaõ hoaøn thaønh") == ("Đã hoàn thành", "VNI")


@given(
    st.sampled_from(
        [
            "Sở Tài chính",
            "Đã hoàn thành",
            "UBND huyện Ia H'Drai",
            "150",
            "Kinh phí 1.200.000 đồng",
            "Hội nghị ©2024",
        ]
    )
)
def test_unicode_text_is_left_alone(text: str) -> None:
    assert legacy.convert(text) == (text, None)


def test_every_legacy_code_is_above_ascii() -> None:
    """`detect` and `convert` pass ASCII text through at once: that holds only while no code
    of either table is an ASCII character."""
    codes = set(legacy._tcvn3_table()) | set(legacy._vni_pattern()[1])
    assert codes and not any(code.isascii() for code in codes)
    assert legacy.convert("Hoan thanh 100%", "TCVN3") == ("Hoan thanh 100%", None)
