"""Feedback copies: what an agency receives in outbox/phan-hoi/<kỳ>/ (issues 11, 12 and 14).

Every copy these tests make is checked to be a valid package: each XML part parses. The
golden-file tests compare a copy made from a fixed return with a reference package kept in
tests/golden/ (see its README for how to make the references again).
"""

from __future__ import annotations

import dataclasses
import io
import os
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook

from pipeline.contracts.form import ERROR, WARNING
from pipeline.core.catalog import MESSAGES
from pipeline.outputs.feedback import FeedbackRequest, feedback_bytes
from pipeline.outputs.feedback_rebuild import rebuilt_package
from pipeline.outputs.feedback_xml import xml_text
from pipeline.outputs.xlsx_patch import FEEDBACK_PART
from pipeline.plan.model import Plan
from pipeline.rules.findings import Finding
from tests.helpers import GOOD, answers_for, fill_return, over_100_return, run_command
from tests.xlsx_compare import differences

GOLDEN = Path(__file__).parent / "golden"
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
COPIES = Path("o") / "phan-hoi" / "2024"


def assert_every_part_parses(path: Path) -> None:
    """A valid package: every XML part of it parses (Excel calls anything else damaged)."""
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if name.endswith((".xml", ".rels", ".vml")):
                ElementTree.fromstring(package.read(name))  # raises on any broken part


def _run(inbox: Path, outbox: Path) -> str:
    result = run_command(inbox, outbox)
    assert result.exit_code == 0, result.output
    return result.output


def _sheet_xml(path: Path, sheet: str = "xl/worksheets/sheet1.xml") -> str:
    with zipfile.ZipFile(path) as package:
        return package.read(sheet).decode("utf-8")


def _page(path: Path) -> list[list[object]]:
    """The findings page's table (header row first)."""
    sheet = load_workbook(path)["Phản hồi"]
    rows: list[list[object]] = [list(r) for r in sheet.iter_rows(values_only=True)]
    start = next(i for i, r in enumerate(rows) if r[0] == "Ô")
    return rows[start:]


@pytest.mark.libreoffice
def test_feedback_for_an_ods_return_is_a_new_xlsx(
    soffice: str, plan: Plan, forms: Path, tmp_path: Path
) -> None:
    from pipeline.core.libreoffice import convert
    from pipeline.forms.metadata import parse as parse_meta

    source = over_100_return(plan, forms, tmp_path / "src")
    assert convert(source, "ods", tmp_path / "inbox") is not None
    result = run_command(tmp_path / "inbox", tmp_path / "o")
    assert result.exit_code == 0, result.output
    feedback = load_workbook(tmp_path / "o" / "phan-hoi" / "2024" / "2024_so_y_te.xlsx")
    assert feedback.sheetnames[:2] == ["Phản hồi", "Báo cáo"]
    cell = feedback["Báo cáo"]["G14"]
    assert cell.value == 300 and cell.comment is not None
    meta = parse_meta(feedback["_kehoach"].iter_rows(values_only=True))
    assert meta is not None and meta.agency_code == "so_y_te"


def _feedback_for(plan: Plan, inbox_file: Path, tmp_path: Path) -> Path:
    result = run_command(inbox_file.parent, tmp_path / "o")
    assert result.exit_code == 0, result.output
    return tmp_path / "o" / "phan-hoi" / "2024" / "2024_so_y_te.xlsx"


def test_feedback_is_the_agencys_own_package_with_marks(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    import zipfile

    source = over_100_return(plan, forms, tmp_path)
    feedback = _feedback_for(plan, source, tmp_path)
    original = zipfile.ZipFile(source)
    patched = zipfile.ZipFile(feedback)
    assert "xl/kehoach-comments1.xml" in patched.namelist()  # edited, not re-saved
    for name in ("xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/theme/theme1.xml"):
        assert patched.read(name) == original.read(name)  # everything else is theirs
    workbook = load_workbook(feedback)
    assert workbook.sheetnames == ["Phản hồi", "Báo cáo", "Hướng dẫn", "_kehoach"]
    cell = workbook["Báo cáo"]["G14"]
    assert cell.value == 300 and "0–100" in cell.comment.text
    assert cell.fill.fgColor.rgb == "FFFFC7CE"
    assert workbook["Báo cáo"]["F14"].fill.fgColor.rgb != "FFFFC7CE"  # only what is wrong
    assert workbook["Báo cáo"].print_title_rows == "$12:$12"  # sheet-local names followed


def test_feedback_falls_back_to_openpyxl_when_the_package_has_comments(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    from openpyxl.comments import Comment

    source = over_100_return(plan, forms, tmp_path)
    workbook = load_workbook(source)
    workbook["Báo cáo"]["K13"].comment = Comment("ghi chú của đơn vị", "Sở Y tế")
    workbook.save(source)
    feedback = load_workbook(_feedback_for(plan, source, tmp_path))
    assert feedback["Báo cáo"]["K13"].comment.text.startswith("ghi chú của đơn vị")
    assert "0–100" in feedback["Báo cáo"]["G14"].comment.text


@pytest.mark.libreoffice
def test_feedback_patch_on_a_libreoffice_saved_xlsx(
    soffice: str, plan: Plan, forms: Path, tmp_path: Path
) -> None:
    import zipfile

    from pipeline.core.libreoffice import convert

    source = over_100_return(plan, forms, tmp_path / "src")
    resaved = convert(source, "xlsx", tmp_path / "inbox")
    assert resaved is not None
    feedback = _feedback_for(plan, resaved, tmp_path)
    assert "xl/kehoach-comments1.xml" in zipfile.ZipFile(feedback).namelist()
    workbook = load_workbook(feedback)
    assert workbook.sheetnames[0] == "Phản hồi"
    assert "0–100" in workbook["Báo cáo"]["G14"].comment.text
    assert convert(feedback, "pdf", tmp_path / "pdf") is not None


# --- issue 12: valid files -------------------------------------------------------------------


def test_control_characters_are_escaped_not_written_raw(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    """`_x0001_` in the agency's XML reads as U+0001, which intake strips (issue 12): the
    copy quotes the text as Excel shows it, and no control character reaches its XML."""
    typed = "abc_x0001_def"
    source = fill_return(
        forms, tmp_path, "so_y_te", answers_for(plan, "so_y_te", t13={**GOOD, "progress": typed})
    )
    feedback = _feedback_for(plan, source, tmp_path)
    assert_every_part_parses(feedback)
    page = _page(feedback)
    assert [r[-1] for r in page[1:]] == ["progress-not-number"]
    assert page[1][5] == "abcdef"
    from python_calamine import CalamineWorkbook

    shown = CalamineWorkbook.from_path(str(feedback)).get_sheet_by_name("Phản hồi").to_python()
    assert ["abcdef" in row for row in shown].count(True) == 1
    assert not any("\x01" in str(cell) for row in shown for cell in row)


def test_text_that_looks_like_an_escape_is_kept_as_typed() -> None:
    assert xml_text("a\x01b\x1f<&>") == "a_x0001_b_x001F_&lt;&amp;&gt;"
    assert xml_text("_x0041_") == "_x005F_x0041_"  # Excel would read A otherwise
    assert xml_text("tab\tand\nline") == "tab\tand\nline"


DATA_BAR = (
    '<conditionalFormatting sqref="G13:G20"><cfRule type="dataBar" priority="1"><dataBar>'
    '<cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar><extLst>'
    '<ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" '
    'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
    "<x14:id>{00000000-0000-0000-0000-000000000001}</x14:id></ext></extLst></cfRule>"
    "</conditionalFormatting>"
)


def test_legacy_drawing_goes_under_the_worksheet_not_into_a_nested_ext_list(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    """A data bar (as Excel writes one) holds an <extLst> inside its rule."""
    source = over_100_return(plan, forms, tmp_path)
    parts = {}
    with zipfile.ZipFile(source) as package:
        parts = {info: package.read(info) for info in package.infolist()}
    for info, data in parts.items():
        if info.filename == "xl/worksheets/sheet1.xml":
            xml = data.decode("utf-8")
            place = re.search(r"<dataValidations\b|<pageMargins\b", xml)
            assert place is not None
            parts[info] = (xml[: place.start()] + DATA_BAR + xml[place.start() :]).encode()
    with zipfile.ZipFile(source, "w") as package:
        for info, data in parts.items():
            package.writestr(info, data)
    feedback = _feedback_for(plan, source, tmp_path)
    assert_every_part_parses(feedback)
    root = ElementTree.fromstring(_sheet_xml(feedback))
    children = [child.tag.removeprefix(MAIN) for child in root]
    assert "legacyDrawing" in children  # a direct child of <worksheet>, where Excel looks
    assert children.index("legacyDrawing") > children.index("pageMargins")
    rule = root.find(f"{MAIN}conditionalFormatting/{MAIN}cfRule")
    assert rule is not None and [c.tag.removeprefix(MAIN) for c in rule] == ["dataBar", "extLst"]


HOSTILE = '=HYPERLINK("http://example.invalid","bấm vào đây")'


def _with_hostile_metadata(source: Path) -> None:
    """The agency's hidden sheet gets a text that looks like a formula (still a text)."""
    workbook = load_workbook(source)
    meta = workbook["_kehoach"]
    cell = meta.cell(meta.max_row + 1, 1, HOSTILE)
    cell.data_type = "s"
    meta.cell(meta.max_row, 2, "=1+1").data_type = "s"
    workbook.save(source)


def _no_formulas(path: Path) -> None:
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in package.read(name) and b"<f " not in package.read(name)
    workbook = load_workbook(path)
    for sheet in workbook.worksheets:
        assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row), sheet.title


@pytest.mark.libreoffice
def test_an_ods_return_rebuilt_turns_no_hidden_text_into_a_formula(
    soffice: str, plan: Plan, forms: Path, tmp_path: Path
) -> None:
    from pipeline.core.libreoffice import convert

    source = over_100_return(plan, forms, tmp_path / "src")
    _with_hostile_metadata(source)
    assert convert(source, "ods", tmp_path / "inbox") is not None
    _run(tmp_path / "inbox", tmp_path / "o")
    feedback = tmp_path / COPIES / "2024_so_y_te.xlsx"
    assert_every_part_parses(feedback)
    _no_formulas(feedback)
    texts = [
        c for row in load_workbook(feedback)["_kehoach"].iter_rows(values_only=True) for c in row
    ]
    assert HOSTILE in texts and "=1+1" in texts  # kept, as text


def test_a_rebuilt_copy_writes_every_text_as_text(plan: Plan, forms: Path, tmp_path: Path) -> None:
    """The rebuild on its own (no LibreOffice needed): any readable return, texts stay texts."""
    source = fill_return(
        forms,
        tmp_path,
        "so_y_te",
        answers_for(plan, "so_y_te", t13={**GOOD, "result": "=1+1", "note": "@SUM(A1)"}),
    )
    _with_hostile_metadata(source)
    target = tmp_path / "rebuilt.xlsx"
    target.write_bytes(rebuilt_package(source.read_bytes()))
    assert_every_part_parses(target)
    _no_formulas(target)
    sheet = load_workbook(target)["Báo cáo"]
    assert sheet["I14"].value == "=1+1" and sheet["M14"].value == "@SUM(A1)"


# --- issue 12: stale feedback ----------------------------------------------------------------


def test_an_accepted_correction_removes_the_old_rejection_and_nothing_else(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    over_100_return(plan, forms, tmp_path)
    _run(inbox, tmp_path / "o")
    folder = tmp_path / COPIES
    assert [p.name for p in folder.iterdir()] == ["2024_so_y_te.xlsx"]
    # What the officer keeps there: a note, a copy re-saved by hand, another period's copy.
    (folder / "ghi-chu.txt").write_text("gửi lại sau", encoding="utf-8")
    resaved = load_workbook(folder / "2024_so_y_te.xlsx")
    resaved.save(folder / "2024_so_khcn.xlsx")  # opened and saved again: no longer ours
    (folder / "2023_so_y_te.xlsx").write_bytes((folder / "2024_so_y_te.xlsx").read_bytes())
    fill_return(forms, tmp_path, "so_y_te", answers_for(plan, "so_y_te"))  # the corrected return
    output = _run(inbox, tmp_path / "o")
    assert sorted(p.name for p in folder.iterdir()) == [
        "2023_so_y_te.xlsx",
        "2024_so_khcn.xlsx",
        "ghi-chu.txt",
    ]
    assert "Đã xóa 1 tệp phản hồi cũ" in output
    assert "Tệp phản hồi cho đơn vị" not in output  # the console and the folder agree


def test_the_folder_holds_what_the_console_counts(plan: Plan, forms: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    for code in ("so_y_te", "so_khcn"):
        first = plan.assignments(code)[0].task.number
        fill_return(
            forms, tmp_path, code, answers_for(plan, code, **{first: {**GOOD, "progress": 300}})
        )
    _run(inbox, tmp_path / "o")
    assert len(list((tmp_path / COPIES).iterdir())) == 2
    (inbox / "2024_so_khcn.xlsx").unlink()
    output = _run(inbox, tmp_path / "o")
    copies = sorted(p.name for p in (tmp_path / COPIES).iterdir())
    assert copies == ["2024_so_y_te.xlsx"]
    assert f"Tệp phản hồi cho đơn vị: {len(copies)} tệp" in output


# --- issue 14: a copy an agency fixes in one pass --------------------------------------------


def test_each_finding_links_to_its_cell_and_names_its_task_and_rule(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    source = over_100_return(plan, forms, tmp_path)
    feedback = _feedback_for(plan, source, tmp_path)
    page = load_workbook(feedback)["Phản hồi"]
    rows = _page(feedback)
    assert rows[0] == ["Ô", "Mức độ", "Nhiệm vụ", "Vấn đề", "Cách sửa", "Giá trị đã ghi", "Mã lỗi"]
    cell, severity, task, rule, how, value, code = rows[1]
    assert (cell, severity, value, code) == ("Báo cáo!G14", "Lỗi", "300", "progress-out-of-range")
    assert rule == "Tiến độ ngoài 0–100" and "0–100" in str(how)
    task_13 = next(t for t in plan.tasks if t.number == "13")
    assert str(task).startswith("13. ") and str(task)[4:14] == task_13.content[:10]
    link = next(c for row in page.iter_rows() for c in row if c.value == "Báo cáo!G14")
    assert link.hyperlink is not None and link.hyperlink.location == "'Báo cáo'!G14"


def test_every_finding_code_has_a_name_for_people() -> None:
    codes = {key.removeprefix("finding-") for key in MESSAGES if key.startswith("finding-")}
    assert {c for c in codes if f"rule-name-{c}" not in MESSAGES} == set()


def test_errors_and_warnings_are_told_apart_without_colour(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    """On a black-and-white printout the fill colours look alike; the border style does not."""
    source = fill_return(
        forms,
        tmp_path,
        "so_y_te",
        answers_for(plan, "so_y_te", t13={**GOOD, "progress": 300}, t1={**GOOD, "result": ""}),
    )
    feedback = _feedback_for(plan, source, tmp_path)
    workbook = load_workbook(feedback)
    error, warning = workbook["Báo cáo"]["G14"], workbook["Báo cáo"]["I13"]
    assert "Lỗi" in error.comment.text and "Cảnh báo" in warning.comment.text

    def look(cell: object) -> tuple[object, ...]:
        border = cell.border  # type: ignore[attr-defined]
        sides = {s.style for s in (border.left, border.right, border.top, border.bottom)}
        return (cell.fill.patternType, *sorted(sides, key=str))  # type: ignore[attr-defined]

    assert None not in look(error) and None not in look(warning)
    assert look(error) != look(warning)
    page = workbook["Phản hồi"]
    marks = {
        c.value: look(c) for row in page.iter_rows() for c in row if c.value in ("Lỗi", "Cảnh báo")
    }
    assert marks == {"Lỗi": look(error), "Cảnh báo": look(warning)}  # the page shows the same


def test_feedback_is_vietnamese_whatever_the_console_language(
    plan: Plan, forms: Path, tmp_path: Path
) -> None:
    over_100_return(plan, forms, tmp_path)
    result = run_command(tmp_path / "inbox", tmp_path / "o", before=("--lang", "en"))
    assert result.exit_code == 0, result.output
    feedback = tmp_path / COPIES / "2024_so_y_te.xlsx"
    assert _page(feedback)[1][1] == "Lỗi" and "Sửa lại" in str(_page(feedback)[1][4])
    comment = load_workbook(feedback)["Báo cáo"]["G14"].comment
    assert comment is not None and comment.text.startswith("Lỗi: Tiến độ")


# --- golden files ----------------------------------------------------------------------------

# Fixed findings on the fixed return tests/golden/so_y_te.xlsx: an error, a warning, one with
# a control character and one about the whole file.
GOLDEN_FINDINGS = (
    Finding(
        "progress-out-of-range",
        ERROR,
        0,
        "so_y_te",
        "Báo cáo!G14",
        "300",
        {"task": "13", "value": "300"},
    ),
    Finding("done-without-result", WARNING, 0, "so_y_te", "Báo cáo!I13", "", {"task": "1"}),
    Finding(
        "status-invalid",
        ERROR,
        0,
        "so_y_te",
        "Báo cáo!F14",
        "xong\x01",
        {"task": "13", "value": "xong\x01"},
    ),
    Finding(
        "extension-mismatch",
        WARNING,
        0,
        "so_y_te",
        "",
        ".xlsx",
        {"extension": ".xls", "kind": ".xlsx"},
    ),
)
GOLDEN_TASKS = {
    "1": "- Nâng cao nhận thức, trách nhiệm của cấp ủy, cán bộ, đảng viên",
    "13": "Đẩy mạnh nghiên cứu, ứng dụng khoa học y học",
}
# Every element left out of the comparison, by part. None: a copy of a fixed return with
# fixed findings is the same, byte for byte, in every part.
GOLDEN_IGNORED: dict[str, list[str]] = {}
GOLDEN_CASES = [
    ("so_y_te.xlsx", "phan-hoi-so_y_te.xlsx"),
    ("so_y_te.ods", "phan-hoi-so_y_te-ods.xlsx"),
]


def golden_copy(source: str) -> bytes:
    return feedback_bytes(
        FeedbackRequest(
            target=Path("unused.xlsx"),
            source=GOLDEN / source,
            file=f"thu/{source}",
            outcome="rejected",
            agency_name="Sở Y tế",
            findings=GOLDEN_FINDINGS,
            tasks=GOLDEN_TASKS,
        )
    )


@pytest.mark.parametrize(("source", "reference"), GOLDEN_CASES)
def test_copy_matches_its_golden_package(source: str, reference: str, tmp_path: Path) -> None:
    got = golden_copy(source)
    if os.environ.get("KEHOACH_GOLDEN") == "write":
        (GOLDEN / reference).write_bytes(got)
    (tmp_path / reference).write_bytes(got)
    assert_every_part_parses(tmp_path / reference)
    assert differences(got, GOLDEN / reference, ignore_elements=GOLDEN_IGNORED) == []


def test_the_comparison_sees_a_changed_element() -> None:
    """The golden test can fail: one changed attribute in one part is reported."""
    reference = GOLDEN / "phan-hoi-so_y_te.xlsx"
    with zipfile.ZipFile(reference) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    parts[FEEDBACK_PART] = parts[FEEDBACK_PART].replace(b'width="14"', b'width="15"', 1)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    found = differences(buffer.getvalue(), reference)
    assert len(found) == 1 and found[0].startswith(FEEDBACK_PART)


def test_feedback_keeps_openpyxl_out_of_a_runs_start_up() -> None:
    """openpyxl is only for the rare copy that needs it; every run would pay for its import."""
    import subprocess
    import sys

    code = "import sys, pipeline.run; print(sorted({'openpyxl', 'xlsxwriter'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_corrected_copy_sent_back_gets_one_findings_page(tmp_path: Path) -> None:
    """Agencies fix the copy they were sent and return it: its old page is set aside."""
    request = FeedbackRequest(
        target=tmp_path / "again.xlsx",
        source=GOLDEN / "phan-hoi-so_y_te.xlsx",
        file="2024_so_y_te.xlsx",
        outcome="rejected",
        agency_name="Sở Y tế",
        findings=GOLDEN_FINDINGS[:1],
    )
    for source in (request.source, load_and_save(GOLDEN / "phan-hoi-so_y_te.xlsx", tmp_path)):
        target = tmp_path / "again.xlsx"
        target.write_bytes(feedback_bytes(dataclasses.replace(request, source=source)))
        assert_every_part_parses(target)
        workbook = load_workbook(target)
        assert workbook.sheetnames[:2] == ["Phản hồi", "Phản hồi (1)"]
        assert workbook["Phản hồi (1)"].sheet_state == "hidden"
        assert len(_page(target)) == 2  # this run's one finding
        comments = [c.comment for row in workbook["Báo cáo"].iter_rows() for c in row if c.comment]
        assert [c.text for c in comments] == [
            "Lỗi: Tiến độ 300 nằm ngoài khoảng 0–100. Sửa lại cho đúng."
        ]


def load_and_save(path: Path, folder: Path) -> Path:
    """The copy as an agency sends it back after saving it (parts renamed, as Excel does)."""
    saved = folder / "saved.xlsx"
    load_workbook(path).save(saved)
    return saved
