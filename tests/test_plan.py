from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from pipeline.cli import cli
from pipeline.plan import appendix
from pipeline.plan.load import load_plan
from pipeline.plan.model import Plan
from tests.conftest import PLAN
from tests.helpers import DISTRICTS

CQCM = [
    "vp_ubnd",
    "so_noi_vu",
    "so_tu_phap",
    "so_khdt",
    "so_tai_chinh",
    "so_cong_thuong",
    "so_nnptnt",
    "so_gtvt",
    "so_xay_dung",
    "so_tnmt",
    "so_tttt",
    "so_ldtbxh",
    "so_vhttdl",
    "so_khcn",
    "so_gddt",
    "so_y_te",
    "so_ngoai_vu",
    "thanh_tra",
    "ban_dan_toc",
]


def task(plan: Plan, number: str):  # type: ignore[no-untyped-def]
    return next(t for t in plan.tasks if t.number == number)


def test_default_plan_shape(plan: Plan) -> None:
    assert [g.numeral for g in plan.groups] == ["I", "II", "III", "IV", "V", "VI"]
    assert [t.number for t in plan.tasks] == [str(i) for i in range(1, 16)]
    assert [t.group for t in plan.tasks] == [
        "I",
        "I",
        "II",
        "II",
        "II",
        "III",
        "III",
        "III",
        "III",
        "III",
        "IV",
        "IV",
        "IV",
        "V",
        "VI",
    ]
    assert all("<" not in t.content for t in plan.tasks)
    assert plan.settings.deadline.isoformat() == "2024-12-15"
    assert plan.settings.cutoff.isoformat() == "2024-12-14"


def test_split_tasks_are_joined(plan: Plan) -> None:
    assert "khuyến khích, hỗ trợ doanh nghiệp, tổ chức, cá nhân" in task(plan, "4").content
    assert task(plan, "11").content.count("\n") == 3  # four bullet lines
    assert "ngày 10 tháng 9 năm 2021" in task(plan, "14").content
    assert task(plan, "11").lead_text == "Sở Khoa học và Công nghệ, Sở Kế hoạch và Đầu tư"


def test_texts_match_the_seed(plan: Plan, shared: Path) -> None:
    seed = appendix.read(shared / "seeds" / "ke-hoach-144-kon-tum.md")
    assert [(t.number, t.group, t.content, t.lead, t.coord, t.timeline) for t in seed.tasks] == [
        (t.number, t.group, t.content, t.lead_text, t.coord_text, t.timeline.text)
        for t in plan.tasks
    ]
    assert [(g.numeral, g.title) for g in seed.groups] == [
        (g.numeral, g.title) for g in plan.groups
    ]


def test_leads_resolve_as_the_plan_means(plan: Plan) -> None:
    assert sorted(task(plan, "1").leads) == sorted([*CQCM, *DISTRICTS])
    assert task(plan, "1").coordinators == ()
    assert set(task(plan, "7").leads) == {"cd_kon_tum", "ph_dhdn_kt", "so_gddt"}
    assert set(task(plan, "10").leads) == {"so_khdt", "so_tai_chinh", "so_noi_vu", *DISTRICTS}
    assert "so_khcn" in task(plan, "10").coordinators
    assert len(plan.expected_agencies()) == 31
    unexpanded = {p for _, p in plan.unexpanded}
    assert "Các đơn vị, địa phương có liên quan" in unexpanded


def test_timelines(plan: Plan) -> None:
    assert task(plan, "1").timeline.kind == "standing"
    assert task(plan, "2").timeline.kind == "dated+conditional"
    assert task(plan, "2").timeline.due_for("2024").isoformat() == "2024-12-31"  # type: ignore[union-attr,unused-ignore]
    assert task(plan, "2").timeline.due_for("2025") is None  # the rest waits on guidance
    assert task(plan, "4").timeline.kind == "recurring"  # "Hàng năm": a yearly duty, no deadline
    assert task(plan, "4").timeline.due_for("2025") is None
    assert task(plan, "8").timeline.kind == "standing"  # "Thường xuyên." with a full stop


def _noisy(text: str, data: st.DataObject) -> str:
    text = unicodedata.normalize(data.draw(st.sampled_from(["NFC", "NFD"])), text)
    words = text.split(" ")
    spaces = data.draw(
        st.lists(st.sampled_from([" ", "  ", " \u00a0"]), min_size=len(words), max_size=len(words))
    )
    upper = data.draw(st.booleans())
    joined = "".join(w + s for w, s in zip(words, spaces, strict=True)).strip()
    return joined.upper() if upper else joined


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_resolution_survives_nfd_spacing_and_case(plan: Plan, data: st.DataObject) -> None:
    agency = data.draw(st.sampled_from(list(plan.registry.agencies.values())))
    name = data.draw(st.sampled_from([agency.name, *agency.aliases]))
    other = data.draw(st.sampled_from(list(plan.registry.agencies.values())))
    joiner = data.draw(st.sampled_from([", ", "; ", " và "]))
    text = _noisy(name, data) + joiner + _noisy(other.name, data)
    result = plan.registry.resolve(text)
    assert result.leftovers == ()
    assert set(result.codes) == {agency.code, other.code}


def test_spelling_variants_resolve(plan: Plan) -> None:
    assert plan.registry.resolve("UBND huyện Đắk Hà").codes == ("ubnd_dak_ha",)
    assert plan.registry.resolve("Ủy ban nhân dân huyện Ia H’Drai").codes == ("ubnd_ia_hdrai",)
    assert plan.registry.resolve("Sở Văn hoá, Thể thao và Du lịch").codes == ("so_vhttdl",)
    assert plan.registry.resolve("Sở KH&CN").codes == ("so_khcn",)


# --- bad plans: one clear message, the cell, exit code 2 -------------------------------------


def _edited(tmp_path: Path, edit) -> Path:  # type: ignore[no-untyped-def]
    target = tmp_path / "task_matrix.xlsx"
    shutil.copyfile(PLAN, target)
    workbook = load_workbook(target)
    edit(workbook)
    workbook.save(target)
    return target


def _set(sheet: str, cell: str, value: object):  # type: ignore[no-untyped-def]
    def edit(workbook) -> None:  # type: ignore[no-untyped-def]
        workbook[sheet][cell] = value

    return edit


BAD_PLANS = [
    ("missing sheet", lambda wb: wb.remove(wb["Cụm từ"]), "Thiếu trang tính 'Cụm từ'"),
    (
        "renamed header",
        _set("Nhiệm vụ", "C1", "Chủ trì"),
        "trang 'Nhiệm vụ', ô C1: Thiếu cột 'Đơn vị chủ trì'",
    ),
    (
        "duplicate TT",
        _set("Nhiệm vụ", "A4", "1"),
        "trang 'Nhiệm vụ', ô A4: TT 1 bị trùng (đã có ở ô A3)",
    ),
    (
        "no lead",
        _set("Nhiệm vụ", "C4", ""),
        "trang 'Nhiệm vụ', ô C4: Nhiệm vụ 2 không có đơn vị chủ trì nào",
    ),
    (
        "code not slug",
        _set("Đơn vị", "A2", "Văn phòng"),
        "trang 'Đơn vị', ô A2: Mã đơn vị 'Văn phòng' phải viết không dấu",
    ),
    (
        "duplicate code",
        _set("Đơn vị", "A3", "vp_ubnd"),
        "trang 'Đơn vị', ô A3: Mã đơn vị 'vp_ubnd' bị trùng với dòng 2",
    ),
    (
        "shared alias",
        _set("Đơn vị", "E3", "VP UBND tỉnh"),
        "trang 'Đơn vị', ô E3: Tên gọi 'VP UBND tỉnh' dùng cho nhiều đơn vị (vp_ubnd, so_noi_vu)",
    ),
    (
        "unknown words",
        _set("Nhiệm vụ", "C4", "Sở Khoa học và Công nghệ, Sở Vũ trụ"),
        "trang 'Nhiệm vụ', ô C4: Nhiệm vụ 2: không nhận ra 'Sở Vũ trụ'",
    ),
]


@pytest.mark.parametrize(("case", "edit", "message"), BAD_PLANS, ids=[c[0] for c in BAD_PLANS])
def test_bad_plan_gets_one_clear_message(tmp_path: Path, case: str, edit, message: str) -> None:  # type: ignore[no-untyped-def]
    target = _edited(tmp_path, edit)
    result = CliRunner().invoke(cli, ["plan", "--plan", str(target)])
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_all_problems_are_collected(tmp_path: Path) -> None:
    def edit(workbook) -> None:  # type: ignore[no-untyped-def]
        workbook["Nhiệm vụ"]["A4"] = "1"
        workbook["Đơn vị"]["A2"] = "Văn phòng"

    result = CliRunner().invoke(cli, ["plan", "--plan", str(_edited(tmp_path, edit))])
    assert result.exit_code == 2
    assert "ô A4" in result.output and "ô A2" in result.output
    # the bad code also leaves "Các Sở, ban ngành" naming a code that no longer exists
    assert "Tệp kế hoạch có 3 lỗi" in result.output


def test_not_a_workbook_and_missing_file(tmp_path: Path) -> None:
    junk = tmp_path / "plan.xlsx"
    junk.write_text("not a workbook")
    result = CliRunner().invoke(cli, ["plan", "--plan", str(junk)])
    assert result.exit_code == 2
    assert "không phải là tệp Excel .xlsx đọc được" in result.output
    result = CliRunner().invoke(cli, ["--lang", "en", "plan", "--plan", str(tmp_path / "x.xlsx")])
    assert result.exit_code == 2
    assert "not found" in result.output


def test_plan_command_prints_assignments_and_matrix(tmp_path: Path) -> None:
    matrix = tmp_path / "matrix.xlsx"
    result = CliRunner().invoke(cli, ["plan", "--plan", str(PLAN), "--matrix", str(matrix)])
    assert result.exit_code == 0, result.output
    assert "6 nhóm, 15 nhiệm vụ, 31 đơn vị nhận biểu mẫu." in result.output
    assert "Chủ trì (29):" in result.output
    assert "Các đơn vị, địa phương có liên quan — nhiệm vụ 1, 4, 5, 12, 13" in result.output
    sheet = load_workbook(matrix)["Ma trận"]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=5, values_only=True)}
    assert rows["Sở Y tế"][1] == "C" and rows["Sở Y tế"][13] == "C"
    assert rows["Sở Y tế"][2] == "P"


def test_locked_plan(monkeypatch: pytest.MonkeyPatch) -> None:
    def locked(self: Path) -> bytes:
        raise PermissionError("in use")

    monkeypatch.setattr(Path, "read_bytes", locked)
    result = CliRunner().invoke(cli, ["plan", "--plan", str(PLAN)])
    assert result.exit_code == 2
    assert "tệp đang bị khóa (có thể đang mở trong Excel)" in result.output


def test_later_periods_fall_on_the_same_day(tmp_path: Path) -> None:
    settings = load_plan(_edited(tmp_path, _set("Cấu hình", "B7", "2024; 2025; 2026"))).settings
    assert (settings.deadline_for("2024"), settings.deadline_for("2026")) == (
        settings.deadline,
        settings.deadline.replace(year=2026),
    )
    assert settings.cutoff_for("2025").isoformat() == "2025-12-14"


@pytest.mark.parametrize(
    ("name", "alias", "short"),
    [
        # the embedded registry's long names keep the abbreviations officers write
        ("Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT", "Sở NN&PTNT"),
        ("Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH", "Sở LĐ-TB&XH"),
        ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "BĐBP tỉnh", "BĐBP tỉnh"),
        (
            "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh",
            "VP Đoàn ĐBQH và HĐND tỉnh",
            "VP Đoàn ĐBQH và HĐND tỉnh",
        ),
        # renamed in the agency sheet, its old alias left as it was: not its short name now
        (
            "Sở Khoa học, Công nghệ và Truyền thông",
            "Sở TT&TT",
            "Sở Khoa học, Công nghệ và Truyền thông",
        ),
        ("Sở Khoa học, Công nghệ và Truyền thông", "Sở KHCN&TT", "Sở KHCN&TT"),
        (
            "Sở Nông nghiệp và Môi trường tỉnh Kon Tum",
            "Sở TN&MT",
            "Sở Nông nghiệp và Môi trường tỉnh Kon Tum",
        ),
    ],
)
def test_a_short_name_is_an_abbreviation_of_the_name_as_it_is_now(
    name: str, alias: str, short: str
) -> None:
    from pipeline.plan.registry import Agency

    assert Agency("x", name, "so", 1, aliases=(alias,)).short == short
