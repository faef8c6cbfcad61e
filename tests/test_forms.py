from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from openpyxl import Workbook, load_workbook

from pipeline.cli import cli
from pipeline.contracts.form import HEADERS, META_SHEET, STATUSES
from pipeline.core.libreoffice import convert
from pipeline.forms.batch import write_forms
from pipeline.forms.metadata import parse as parse_meta
from pipeline.forms.render import FormRenderer, guide_rows
from pipeline.forms.template import build_template
from pipeline.intake.reader import read_bytes
from pipeline.plan.model import Plan
from pipeline.plan.registry import Agency
from pipeline.rules.table import RULES
from tests.conftest import PLAN, TEMPLATE


def _rows(path: Path) -> list[tuple[object, ...]]:
    sheet = load_workbook(path)["Báo cáo"]
    rows = list(sheet.iter_rows(values_only=True))
    header = next(i for i, r in enumerate(rows) if r[:2] == ("Nhóm", "TT"))
    return [r for r in rows[header + 1 :] if r[1]]


def test_one_form_per_assigned_agency(plan: Plan, forms: Path) -> None:
    names = sorted(p.name for p in forms.glob("2024_*.xlsx"))
    assert len(names) == 31
    assert names == sorted(f"2024_{a.code}.xlsx" for a in plan.expected_agencies())
    send = load_workbook(forms / "danh-sach-gui.xlsx").active
    assert send is not None and send.max_row == 4 + 31
    assert not send["A2"].alignment.wrap_text  # the plan's title stays on one line
    khcn = next(
        int(row[0].row or 0) for row in send.iter_rows(min_row=5) if row[1].value == "so_khcn"
    )
    assert str(send.cell(khcn, 6).value).startswith("11: 1, 2, 3")
    assert send.row_dimensions[khcn].height >= 2 * 15.75  # its 11 lead tasks take two lines


@pytest.mark.parametrize("code", ["so_y_te", "so_khcn", "cd_kon_tum", "ubnd_ia_hdrai"])
def test_rows_are_the_assignments_with_roles(plan: Plan, forms: Path, code: str) -> None:
    rows = _rows(forms / f"2024_{code}.xlsx")
    expected = [(a.task.group, a.task.number, a.role) for a in plan.assignments(code)]
    assert [(r[0], r[1], r[3]) for r in rows] == expected
    roles = [r[3] for r in rows]
    assert roles == sorted(roles, key=lambda role: role != "Chủ trì")  # leads first
    assert all(r[5] is None for r in rows)  # inputs are blank


def test_protection_validation_print_and_metadata(plan: Plan, forms: Path) -> None:
    workbook = load_workbook(forms / "2024_so_y_te.xlsx")
    sheet = workbook["Báo cáo"]
    header = next(r for r in range(1, 40) if sheet.cell(r, 2).value == "TT")
    assert tuple(sheet.cell(header, c).value for c in range(1, 14)) == HEADERS
    assert sheet.protection.sheet is True
    assert sheet.protection.formatRows is False  # agencies may make rows taller
    first = header + 1
    assert sheet.cell(first, 3).protection.locked is True
    assert sheet.cell(first, 6).protection.locked is False
    kinds = {v.type: str(v.sqref) for v in sheet.data_validations.dataValidation}
    assert set(kinds) >= {"list", "decimal", "date"}
    status = next(v for v in sheet.data_validations.dataValidation if v.type == "list")
    assert all(s in status.formula1 for s in STATUSES)
    assert status.prompt and "Đã hoàn thành" in status.prompt
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
    assert sheet.print_title_rows == f"${header}:${header}"
    assert sheet.freeze_panes == f"C{first}"
    assert sheet.cell(first, 3).font.name == "Times New Roman"
    meta = parse_meta(workbook[META_SHEET].iter_rows(values_only=True))
    assert meta is not None and meta.agency_code == "so_y_te" and meta.period == "2024"
    assert meta.plan_code == plan.settings.plan_code
    assert workbook[META_SHEET].sheet_state == "hidden"


def test_guide_is_written_from_the_rules(forms: Path) -> None:
    guide = load_workbook(forms / "2024_so_y_te.xlsx")["Hướng dẫn"]
    texts = [str(c) for row in guide.iter_rows(values_only=True) for c in row if c]
    for rule in RULES:
        assert any(rule.code in t for t in texts)
    assert guide["A1"].value == guide_rows()[0][0]


def test_rerun_gives_the_same_cells(plan: Plan, forms: Path, tmp_path: Path) -> None:
    write_forms(plan, TEMPLATE, "2024", tmp_path, ["so_y_te"])
    assert _rows(tmp_path / "2024_so_y_te.xlsx") == _rows(forms / "2024_so_y_te.xlsx")


def test_committed_template_is_current() -> None:
    fresh = build_template()["Báo cáo"]
    committed = load_workbook(TEMPLATE)["Báo cáo"]
    assert [[c.value for c in r] for r in fresh.iter_rows()] == [
        [c.value for c in r] for r in committed.iter_rows()
    ]


def test_restyled_template_still_works(plan: Plan, tmp_path: Path) -> None:
    """The officer inserts rows above, renames the title, changes fonts: Excel moves names."""
    workbook = build_template()
    sheet = workbook["Báo cáo"]
    sheet.insert_rows(1, 3)
    sheet["A1"] = "LOGO"
    for name in list(workbook.defined_names):
        defined = workbook.defined_names[name]
        title, ref = next(iter(defined.destinations))
        col = "".join(ch for ch in ref.replace("$", "") if ch.isalpha())
        row = int("".join(ch for ch in ref if ch.isdigit())) + 3
        defined.attr_text = f"'{title}'!${col}${row}"
    sheet["A7"] = "BÁO CÁO TÌNH HÌNH TRIỂN KHAI"
    sheet.column_dimensions["C"].width = 70
    template = tmp_path / "template.xlsx"
    workbook.save(template)
    write_forms(plan, template, "2024", tmp_path / "out", ["so_y_te"])
    form = load_workbook(tmp_path / "out" / "2024_so_y_te.xlsx")["Báo cáo"]
    assert form["A7"].value == "BÁO CÁO TÌNH HÌNH TRIỂN KHAI"
    assert form["A5"].value == "SỞ Y TẾ"
    assert [r[1] for r in _rows(tmp_path / "out" / "2024_so_y_te.xlsx")] == [
        a.task.number for a in plan.assignments("so_y_te")
    ]


def _templates(out: Path, *options: str, template: Path = TEMPLATE) -> Result:
    """`kehoach templates` on the embedded plan into `out`."""
    words = ["templates", "--plan", str(PLAN), "--template", str(template), *options]
    return CliRunner().invoke(cli, [*words, "--out", str(out)])


def test_bad_input_messages(tmp_path: Path) -> None:
    result = _templates(tmp_path, "--agency", "so_khong_co")
    assert result.exit_code == 2 and "Không có đơn vị mã so_khong_co" in result.output
    result = _templates(tmp_path, "--period", "2031")
    assert result.exit_code == 2 and "Kỳ báo cáo 2031 không thuộc kế hoạch" in result.output
    broken = tmp_path / "broken.xlsx"
    workbook = build_template()
    del workbook.defined_names["kh_bang"]
    for cell in workbook["Báo cáo"][12]:  # and no header row to fall back on either
        cell.value = None
    workbook.save(broken)
    result = _templates(tmp_path / "x", template=broken)
    assert result.exit_code == 2 and "Mẫu biểu thiếu vị trí 'kh_bang'" in result.output
    assert "Đang sinh biểu mẫu" not in result.output  # no progress bar before the problem
    assert not (tmp_path / "x").exists() or not list((tmp_path / "x").glob("*.xlsx"))
    blocked = tmp_path / "file"
    blocked.write_text("")
    result = _templates(blocked / "sub")
    assert result.exit_code == 2 and "Không ghi được vào thư mục" in result.output
    result = _templates(tmp_path / "one", "--agency", "so_y_te")
    assert result.exit_code == 0 and "Đang sinh biểu mẫu" in result.output


@pytest.mark.libreoffice
@pytest.mark.parametrize("fmt", ["xlsx", "xls", "ods"])
def test_libreoffice_round_trip_keeps_metadata(
    soffice: str, forms: Path, tmp_path: Path, plan: Plan, fmt: str
) -> None:
    source = tmp_path / "in" / "2024_so_y_te.xlsx"
    source.parent.mkdir()
    shutil.copyfile(forms / "2024_so_y_te.xlsx", source)
    converted = convert(source, fmt, tmp_path / "out")
    assert converted is not None
    result = read_bytes(converted.read_bytes())
    assert result.problem == ""
    meta = parse_meta(result.meta_rows)
    assert meta is not None and meta.agency_code == "so_y_te" and meta.period == "2024"
    task = result.columns["task"]
    assert [str(cells[task]) for _, cells in result.rows if cells[task]] == [
        a.task.number for a in plan.assignments("so_y_te")
    ]


def test_packaged_defaults_match_templates() -> None:
    from tests.conftest import ROOT

    for name in ("task_matrix.xlsx", "agency_report_template.xlsx"):
        assert (ROOT / "pipeline" / "data" / name).read_bytes() == (
            ROOT / "templates" / name
        ).read_bytes(), f"run `make defaults` ({name})"


def test_init_makes_a_working_folder(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["init", str(tmp_path / "kh")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "kh").iterdir()) == ["inbox", "outbox", "templates"]
    plan_file = tmp_path / "kh" / "templates" / "task_matrix.xlsx"
    plan_file.write_bytes(b"edited by the officer")
    again = runner.invoke(cli, ["init", str(tmp_path / "kh")])
    assert again.exit_code == 0
    assert plan_file.read_bytes() == b"edited by the officer"  # nothing is replaced


def test_one_agency_again_keeps_the_whole_send_list(plan: Plan, tmp_path: Path) -> None:
    infos = write_forms(plan, TEMPLATE, "2024", tmp_path, ["so_y_te"])
    assert [i.path.name for i in infos] == ["2024_so_y_te.xlsx"]
    assert sorted(p.name for p in tmp_path.glob("2024_*.xlsx")) == ["2024_so_y_te.xlsx"]
    send = load_workbook(tmp_path / "danh-sach-gui.xlsx").active
    assert send is not None and send.max_row == 4 + 31


def test_template_defines_every_place_the_generator_looks_up() -> None:
    from pipeline.forms.template import NAMES

    workbook = load_workbook(TEMPLATE)
    assert sorted(workbook.defined_names) == sorted(NAMES)


def test_openpyxl_shortcuts_still_hold(tmp_path: Path) -> None:
    """forms/fast_copy.py leans on openpyxl internals; if openpyxl changes them, say so here."""
    from openpyxl import Workbook, load_workbook
    from openpyxl.styles import Font, PatternFill, Protection

    from pipeline.forms import fast_copy

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    source = sheet["B2"]
    source.font = Font(name="Times New Roman", size=13, bold=True)
    source.fill = PatternFill("solid", fgColor="FFF2CC")
    source.protection = Protection(locked=False)
    source.number_format = "0%"
    frozen = fast_copy.freeze(book)
    copy_a, copy_b = fast_copy.thaw(frozen), fast_copy.thaw(frozen)
    sheet_a, sheet_b = copy_a.active, copy_b.active
    assert sheet_a is not None and sheet_b is not None
    sheet_a["A1"] = "only in a"
    assert sheet_b["A1"].value is None  # copies are independent
    target = sheet_a["C5"]
    fast_copy.apply_style(target, fast_copy.style_record(sheet_a["B2"]))
    fast_copy.set_height(sheet_a, 5, 33.0)
    copy_a.save(tmp_path / "a.xlsx")
    again = load_workbook(tmp_path / "a.xlsx").active
    assert again is not None
    cell = again["C5"]
    assert (cell.font.name, cell.font.sz, cell.font.b) == ("Times New Roman", 13, True)
    assert cell.fill.fgColor.rgb.endswith("FFF2CC")
    assert cell.protection.locked is False and cell.number_format == "0%"
    assert again.row_dimensions[5].height == 33.0


def _parts(path: Path) -> dict[str, bytes]:
    import zipfile

    with zipfile.ZipFile(path) as package:
        # the save time is the only thing a stamped copy may tell apart
        return {n: package.read(n) for n in package.namelist() if n != "docProps/core.xml"}


def test_stamped_form_is_the_rendered_form(plan: Plan, tmp_path: Path) -> None:
    """forms/stamp.py renders a shape once and stamps each agency in: every part of the
    package must be what rendering the agency's own form writes."""
    from dataclasses import replace

    from pipeline.forms.render import FormRenderer
    from pipeline.forms.stamp import FormStamper

    districts = [a for a in plan.expected_agencies() if a.kind == "huyen"]
    first = districts[0]
    second = replace(districts[1], name="Ủy ban nhân dân huyện \"Sa\" & 'Thầy' <mới> ☎ 😀")
    renderer = FormRenderer(plan, TEMPLATE, "2024")
    rendered: list[str] = []
    render = renderer.render

    def counted(agency: Agency, shown: Agency | None = None) -> Workbook:
        rendered.append(agency.code)
        return render(agency, shown)

    renderer.render = counted  # type: ignore[method-assign]
    stamper = FormStamper(renderer, [first, second, districts[2]])
    stamper.write(first, tmp_path / "first.xlsx")
    stamper.write(second, tmp_path / "second.xlsx")
    assert rendered == [first.code]  # one shape, rendered once
    render(second).save(tmp_path / "direct.xlsx")
    stamped, direct = _parts(tmp_path / "second.xlsx"), _parts(tmp_path / "direct.xlsx")
    assert sorted(stamped) == sorted(direct)
    assert [n for n in direct if stamped[n] != direct[n]] == []
    sheet = load_workbook(tmp_path / "second.xlsx")["Báo cáo"]
    texts = {str(c.value) for row in sheet.iter_rows(max_row=12) for c in row if c.value}
    assert second.name.upper() in texts
    meta = parse_meta(
        load_workbook(tmp_path / "second.xlsx")[META_SHEET].iter_rows(values_only=True)
    )
    assert meta is not None and meta.agency_code == second.code


def test_a_name_that_could_not_be_stamped_is_rendered(plan: Plan, tmp_path: Path) -> None:
    from dataclasses import replace

    from pipeline.forms.render import FormRenderer
    from pipeline.forms.stamp import STAND_IN_CODE, FormStamper

    agency = replace(plan.registry.agencies["ubnd_dak_ha"], name=f"Xã {STAND_IN_CODE} mới")
    stamper = FormStamper(FormRenderer(plan, TEMPLATE, "2024"), [agency, agency])
    stamper.write(agency, tmp_path / "a.xlsx")
    sheet = load_workbook(tmp_path / "a.xlsx")["Báo cáo"]
    texts = {str(c.value) for row in sheet.iter_rows(max_row=12) for c in row if c.value}
    assert {agency.name.upper(), agency.name} <= texts


def _counting_renderer(plan: Plan, rendered: list[tuple[str, bool]]) -> FormRenderer:
    """A renderer that notes each render: the agency, and whether for a stand-in."""
    renderer = FormRenderer(plan, TEMPLATE, "2024")
    render = renderer.render

    def counted(agency: Agency, shown: Agency | None = None) -> Workbook:
        rendered.append((agency.code, shown is not None))
        return render(agency, shown)

    renderer.render = counted  # type: ignore[method-assign]
    return renderer


def test_forms_of_another_shape_are_rendered_for_themselves(plan: Plan, tmp_path: Path) -> None:
    from pipeline.forms.stamp import FormStamper

    lead, other = "so_khcn", "so_tai_chinh"
    agencies = plan.registry.agencies
    rendered: list[tuple[str, bool]] = []
    stamper = FormStamper(_counting_renderer(plan, rendered), list(agencies.values()))
    stamper.write(agencies[lead], tmp_path / "a.xlsx")
    stamper.write(agencies[other], tmp_path / "b.xlsx")
    assert [r[1] for r in _rows(tmp_path / "b.xlsx")] == [
        a.task.number for a in plan.assignments(other)
    ]
    # each its own shape: rendered for itself, no stand-in and no package kept
    assert rendered == [(lead, False), (other, False)]


def test_a_name_written_as_a_formula_stays_text_both_ways(plan: Plan, tmp_path: Path) -> None:
    from dataclasses import replace

    from pipeline.forms.stamp import FormStamper

    districts = [a for a in plan.expected_agencies() if a.kind == "huyen"]
    odd = replace(districts[1], name='=HYPERLINK("http://x") Ủy ban')
    rendered: list[tuple[str, bool]] = []
    renderer = _counting_renderer(plan, rendered)
    FormStamper(renderer, [districts[0], odd]).write(odd, tmp_path / "stamped.xlsx")
    renderer.render(odd).save(tmp_path / "direct.xlsx")
    assert rendered[0] == (odd.code, True)  # stamped
    stamped, direct = _parts(tmp_path / "stamped.xlsx"), _parts(tmp_path / "direct.xlsx")
    assert [n for n in direct if stamped[n] != direct[n]] == []
    sheet = load_workbook(tmp_path / "direct.xlsx")["Báo cáo"]
    cells = [c for row in sheet.iter_rows(max_row=12) for c in row if c.value == odd.name]
    assert cells and all(c.data_type == "s" for c in cells)
