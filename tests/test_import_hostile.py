"""import-plan on documents built to hurt it: each gives one sentence and exit 2, in bounded
time, or reads every row it was given."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner, Result
from docx.text.paragraph import Paragraph
from openpyxl import Workbook

from pipeline.cli import cli
from pipeline.plan import source_docx, source_guard
from pipeline.plan.appendix import read

HEADER = ["TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]


def _import(source: Path, tmp_path: Path) -> Result:
    out = tmp_path / "matrix.xlsx"
    return CliRunner().invoke(
        cli,
        ["--lang", "en", "import-plan", str(source), "--registry", "default", "--out", str(out)],
    )


def test_a_plan_of_more_than_999_tasks_keeps_every_task(tmp_path: Path) -> None:
    lines = ["| " + " | ".join(HEADER) + " |", "|---|---|---|---|---|", "| I | Nhóm | | | |"]
    lines += [f"| {n} | Việc {n} | Sở Y tế | | Năm 2025 |" for n in range(1, 1201)]
    source = tmp_path / "plan.md"
    source.write_text("\n".join(lines), encoding="utf-8")
    appendix = read(source)
    assert len(appendix.tasks) == 1200
    assert appendix.continuations == 0
    assert appendix.tasks[-1].content == "Việc 1200"


def test_word_styles_are_looked_up_once_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=5)
    for index, name in enumerate(HEADER):
        table.cell(0, index).text = name
    for n in range(1, 61):
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = str(n), f"Việc {n}", "Sở Y tế"
    source = tmp_path / "plan.docx"
    document.save(str(source))
    lookups: list[int] = []
    style: Any = Paragraph.style

    def counted(paragraph: Any) -> Any:
        lookups.append(1)
        return style.fget(paragraph)

    monkeypatch.setattr(Paragraph, "style", property(counted))
    rows = source_docx.read(source).rows
    assert len(rows) == 61
    assert len(lookups) <= 2  # python-docx scans every style per lookup: 8 ms a cell


def test_a_packed_bomb_is_refused_before_unpacking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(source_guard, "MAX_UNPACKED_MB", 1)
    source = tmp_path / "plan.docx"
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document>" + "A" * 3_000_000)
    result = _import(source, tmp_path)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert "plan.docx unpacks to 2 MB (over 1 MB)" in result.output
    assert not (tmp_path / "matrix.xlsx").exists()


def test_a_formula_never_computed_is_named_not_joined(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    sheet.append(["I", "Nhóm"])
    sheet.append([1, "Việc 1", "Sở Y tế", "", "Năm 2025"])
    sheet.append(["=A3+1", "Việc 2", "Sở Y tế", "", "Năm 2025"])
    source = tmp_path / "plan.xlsx"
    book.save(source)
    result = _import(source, tmp_path)
    assert result.exit_code == 2
    assert "sheet 'Sheet', cell A4: a formula (=A3+1) with no saved value" in result.output


def test_a_draft_holds_control_characters_an_agency_typed(tmp_path: Path) -> None:
    from pipeline.outputs import docx_layout as lay

    draft = lay.Draft(None)
    typed = "Kết quả\x01 một\x0bdòng hai\x1f 🚀 \u202eđảo\u202c <&> =1+1 \ud800"
    draft.paragraph(lay.S.TEXT, [typed, lay.Todo("gợi ý\x02")], bold="Nhãn\x03 ")
    target = draft.save(tmp_path / "draft.docx")
    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    assert "Nhãn Kết quả một\ndòng hai 🚀 \u202eđảo\u202c <&> =1+1 [" in "\n".join(texts)
    assert any("gợi ý]" in text for text in texts)


def test_a_table_nested_in_a_word_cell_keeps_its_text(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=5)
    for index, name in enumerate(HEADER):
        table.cell(0, index).text = name
    table.cell(1, 0).text, table.cell(1, 1).text = "I", "Nhóm"
    cells = table.rows[2].cells
    cells[0].text, cells[1].text, cells[2].text = "1", "Xây dựng đề án", "Sở Y tế"
    inner = cells[1].add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "Chỉ tiêu: 45 lớp", "Kinh phí: 2 tỷ"
    source = tmp_path / "plan.docx"
    document.save(str(source))
    (task,) = read(source).tasks
    assert task.content == "Xây dựng đề án\nChỉ tiêu: 45 lớp | Kinh phí: 2 tỷ"


def test_script_and_style_in_an_html_plan_are_not_plan_text(tmp_path: Path) -> None:
    source = tmp_path / "plan.html"
    source.write_text(
        "<html><head><style>td{color:red}</style><script>var t = '<table>';</script></head>"
        "<body><p>KẾ HOẠCH</p><p>Phát triển &amp; đổi mới</p><table>"
        "<tr><th>TT</th><th>Nội dung</th><th>Cơ quan chủ trì</th></tr>"
        "<tr><td>I</td><td>Nhóm</td><td></td></tr>"
        "<tr><td>1</td><td>Việc <script>alert(1)</script>một &amp; hai</td><td>Sở Y tế</td></tr>"
        "</table></body></html>",
        encoding="utf-8",
    )
    appendix = read(source)
    assert [task.content for task in appendix.tasks] == ["Việc một & hai"]
    assert appendix.title == "Phát triển & đổi mới"
    assert "alert" not in appendix.text and "color" not in appendix.text


@pytest.mark.parametrize(("tasks", "columns"), [(5200, 3), (10, 44)])
def test_a_sheet_past_the_limits_is_refused_not_cut(
    tmp_path: Path, tasks: int, columns: int
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([*HEADER[:3], *(f"Cột {n}" for n in range(4, columns + 1))])
    sheet.append(["I", "Nhóm"])
    for n in range(1, tasks + 1):
        sheet.append([n, f"Việc {n}", "Sở Y tế", *([""] * (columns - 4)), *(["x"] * (columns > 3))])
    source = tmp_path / "plan.xlsx"
    book.save(source)
    result = _import(source, tmp_path)
    assert result.exit_code == 2
    assert f"sheet 'Sheet': data reaches row {tasks + 2}, column {columns}" in result.output
