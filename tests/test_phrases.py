"""Agency cells as plans write them: lists, colons, UBND spellings, the province, unknown names."""

from __future__ import annotations

import pytest

from pipeline.plan.model import Plan
from pipeline.plan.registry import Agency, Phrase, Registry

# The embedded Kon Tum registry. Each case: cell text, codes, unknown words, phrases that name
# nobody, and where the form was seen.
KON_TUM = [
    (
        "Các Sở: Tài chính, Xây dựng, Y tế",
        ["so_tai_chinh", "so_xay_dung", "so_y_te"],
        [],
        [],
        "issue 15",
    ),
    (
        "Các Sở: Tài chính, Kế hoạch và Đầu tư, Xây dựng và Y tế",
        ["so_khdt", "so_tai_chinh", "so_xay_dung", "so_y_te"],
        [],
        [],
        "colon list, và inside",
    ),
    (
        "Giám đốc các Sở: Tài nguyên và Môi trường, Xây dựng, Tài chính, Cục Thuế tỉnh",
        ["so_tai_chinh", "so_xay_dung", "so_tnmt"],
        ["Giám đốc", "Cục Thuế tỉnh"],
        [],
        "QĐ 2309/QĐ-UBND 2019 tỉnh Quảng Ninh, Điều 3",
    ),
    (
        "Các Sở: Tài chính, Vũ trụ, Y tế",
        ["so_tai_chinh", "so_y_te"],
        ["Sở Vũ trụ"],
        [],
        "an unknown item is named with its head",
    ),
    (
        "Các sở: Tài chính, Xây dựng và các đơn vị có liên quan",
        ["so_tai_chinh", "so_xay_dung"],
        [],
        ["Các đơn vị có liên quan"],
        "a colon list ending in a phrase",
    ),
    (
        "UBND các huyện: Đăk Hà, Sa Thầy",
        ["ubnd_dak_ha", "ubnd_sa_thay"],
        [],
        [],
        "colon list under UBND",
    ),
    (
        "Sở Tài chính, Sở Kế hoạch và Đầu tư và các đơn vị, địa phương có liên quan",
        ["so_khdt", "so_tai_chinh"],
        [],
        ["Các đơn vị, địa phương có liên quan"],
        "KH 144 Kon Tum, nhiệm vụ 5",
    ),
    (
        "Trường Cao đẳng Kon Tum; Phân hiệu Đại học Đà Nẵng tại Kon Tum, Sở Giáo dục và Đào tạo",
        ["so_gddt", "cd_kon_tum", "ph_dhdn_kt"],
        [],
        [],
        "KH 144 Kon Tum, nhiệm vụ 7",
    ),
    ("Sở Tài chính tỉnh Kon Tum", ["so_tai_chinh"], [], [], "with the province"),
    (
        "Văn phòng Ủy ban nhân dân tỉnh Kon Tum; Công an tỉnh Kon Tum",
        ["vp_ubnd", "cong_an"],
        [],
        [],
        "with the province after 'tỉnh'",
    ),
    ("Sở Y tế tỉnh và Sở Nội vụ", ["so_noi_vu", "so_y_te"], [], [], "'tỉnh' alone"),
    ("Sở Tài chính tỉnh Gia Lai", [], ["Sở Tài chính tỉnh Gia Lai"], [], "another province"),
    ("Ủy ban nhân dân TP. Kon Tum", ["ubnd_tp_kon_tum"], [], [], "TP. = thành phố"),
    ("Sở Vũ trụ và Sở Y tế", ["so_y_te"], ["Sở Vũ trụ"], [], "và between two names"),
    (
        "Sở Văn hóa, Thông tin và Du lịch",
        [],
        ["Sở Văn hóa, Thông tin và Du lịch"],
        [],
        "an unknown name with a comma and và stays whole",
    ),
    (
        "Sở Lao động - Thương binh và Xã hội tỉnh Gia Lai",
        [],
        ["Sở Lao động - Thương binh và Xã hội tỉnh Gia Lai"],
        [],
        "'Xã hội' is no commune",
    ),
    (
        "Các bộ, ngành, địa phương",
        [],
        ["Các bộ, ngành, địa phương"],
        [],
        "NQ 03/NQ-CP Phụ lục II, nhiệm vụ 3",
    ),
    (
        "Bộ Tài chính; các bộ, ngành",
        [],
        ["Bộ Tài chính", "các bộ, ngành"],
        [],
        "NQ 03/NQ-CP Phụ lục II, nhiệm vụ 36",
    ),
    (
        "Bộ Khoa học và Công nghệ và các địa phương",
        [],
        ["Bộ Khoa học và Công nghệ", "các địa phương"],
        [],
        "NQ 03/NQ-CP Phụ lục II, nhiệm vụ 46",
    ),
    (
        "Ban Tuyên giáo Trung ương; các bộ, ngành, địa phương; VTV, VOV, TTXVN",
        [],
        ["Ban Tuyên giáo Trung ương", "các bộ, ngành, địa phương", "VTV", "VOV", "TTXVN"],
        [],
        "NQ 03/NQ-CP Phụ lục II, nhiệm vụ 1",
    ),
    ("UBND cấp xã", [], [], ["UBND cấp xã"], "issue 15: a plan with no communes names nobody"),
]


@pytest.mark.parametrize(
    ("text", "codes", "leftovers", "unexpanded", "source"),
    KON_TUM,
    ids=[c[0][:40] for c in KON_TUM],
)
def test_kon_tum_registry(
    plan: Plan,
    text: str,
    codes: list[str],
    leftovers: list[str],
    unexpanded: list[str],
    source: str,
) -> None:
    result = plan.registry.resolve(text)
    assert (sorted(result.codes), list(result.leftovers), list(result.unexpanded)) == (
        sorted(codes),
        leftovers,
        unexpanded,
    ), source


def _agency(code: str, name: str, kind: str, order: int, *aliases: str) -> Agency:
    return Agency(code, name, kind, order, aliases)


# A registry after the 2025 reform: merged departments, communes instead of districts, and no
# `Cụm từ` rows at all: the collective phrases plans use are known without them.
COMMUNES = Registry(
    [
        _agency("so_tai_chinh", "Sở Tài chính", "so", 1),
        _agency("so_xay_dung", "Sở Xây dựng", "so", 2),
        _agency("so_y_te", "Sở Y tế", "so", 3),
        _agency("xa_ia_chim", "Ủy ban nhân dân xã Ia Chim", "xa", 10),
        _agency("xa_dak_mar", "UBND xã Đăk Mar", "xa", 11),
        _agency("p_kon_tum", "Ủy ban nhân dân phường Kon Tum", "xa", 12),
    ],
    [Phrase("Các cơ quan, đơn vị có liên quan", ())],
    province=("quang", "ngai"),
)
ALL_COMMUNES = ["xa_ia_chim", "xa_dak_mar", "p_kon_tum"]
COMMUNE_CASES = [
    ("UBND cấp xã", ALL_COMMUNES, [], "issue 15"),
    ("UBND các xã, phường", ALL_COMMUNES, [], "issue 15"),
    ("Ủy ban nhân dân các xã, phường, thị trấn", ALL_COMMUNES, [], "Ủy ban nhân dân = UBND"),
    (
        "Chủ tịch HĐND, UBND các xã, phường, thị trấn",
        ALL_COMMUNES,
        ["Chủ tịch HĐND"],
        "QĐ 689/QĐ-UBND 2013 tỉnh Đắk Lắk, Điều 4",
    ),
    ("Các xã, phường, thị trấn", ALL_COMMUNES, [], "the phrase without UBND"),
    ("UBND xã Ia Chim", ["xa_ia_chim"], [], "registered as Ủy ban nhân dân, written UBND"),
    ("Ủy ban nhân dân xã Đăk Mar", ["xa_dak_mar"], [], "registered as UBND, written in full"),
    ("Uỷ ban nhân dân phường Kon Tum", ["p_kon_tum"], [], "Uỷ/Ủy"),
    (
        "Các Sở: Tài chính, Xây dựng, Y tế; UBND cấp xã",
        ["so_tai_chinh", "so_xay_dung", "so_y_te", *ALL_COMMUNES],
        [],
        "colon list, then ;",
    ),
    (
        "Sở Y tế tỉnh Quảng Ngãi và các cơ quan, đơn vị có liên quan",
        ["so_y_te"],
        [],
        "the province of this registry",
    ),
    ("Sở Kế hoạch và Đầu tư", [], ["Sở Kế hoạch và Đầu tư"], "merged away: unknown, and whole"),
    (
        "Sở Tài chính, Sở Kế hoạch và Đầu tư",
        ["so_tai_chinh"],
        ["Sở Kế hoạch và Đầu tư"],
        "an unknown name after a known one",
    ),
]


@pytest.mark.parametrize(
    ("text", "codes", "leftovers", "source"), COMMUNE_CASES, ids=[c[0][:40] for c in COMMUNE_CASES]
)
def test_commune_registry(text: str, codes: list[str], leftovers: list[str], source: str) -> None:
    result = COMMUNES.resolve(text)
    assert (sorted(result.codes), list(result.leftovers)) == (sorted(codes), leftovers), source


def test_the_plans_own_phrase_wins_over_the_built_in_one() -> None:
    communes = [_agency("xa_a", "UBND xã A", "xa", 1), _agency("xa_b", "UBND xã B", "xa", 2)]
    registry = Registry(communes, [Phrase("UBND cấp xã", ("xa_a",))])
    assert registry.resolve("Ủy ban nhân dân cấp xã").codes == ("xa_a",)
