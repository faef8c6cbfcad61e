from __future__ import annotations

from pathlib import Path

import docx
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.plan.load import load_plan
from pipeline.plan.model import Plan
from tests.conftest import PLAN


def test_seed_imports_to_the_default(shared: Path, plan: Plan, tmp_path: Path) -> None:
    out = tmp_path / "task_matrix.xlsx"
    result = CliRunner().invoke(
        cli,
        [
            "import-plan",
            str(shared / "seeds" / "ke-hoach-144-kon-tum.md"),
            "--agencies",
            str(PLAN),
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "6 nhóm, 15 nhiệm vụ, 3 dòng nối tiếp đã được gộp" in result.output
    assert "Cần điền ở trang 'Cấu hình': ma_ke_hoach" in result.output  # the seed has no number
    from openpyxl import load_workbook

    workbook = load_workbook(out)
    sheet = workbook["Cấu hình"]
    next(r for r in sheet.iter_rows() if r[0].value == "ma_ke_hoach")[1].value = "KH-TEST"
    workbook.save(out)
    imported = load_plan(out)
    assert [
        (t.number, t.group, t.content, t.lead_text, t.coord_text, t.timeline.text)
        for t in imported.tasks
    ] == [
        (t.number, t.group, t.content, t.lead_text, t.coord_text, t.timeline.text)
        for t in plan.tasks
    ]
    assert (
        CliRunner()
        .invoke(
            cli,
            [
                "import-plan",
                str(shared / "seeds" / "ke-hoach-144-kon-tum.md"),
                "--agencies",
                str(PLAN),
                "--out",
                str(out),
            ],
        )
        .exit_code
        == 2
    )  # no --force


def _row(table, values: list[str]) -> None:  # type: ignore[no-untyped-def]
    cells = table.add_row().cells
    for cell, value in zip(cells, values, strict=True):
        lines = value.split("\n")
        cell.text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)


def test_docx_with_a_split_table(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("PHỤ LỤC")
    header = ["TT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"]
    first = document.add_table(rows=1, cols=5)
    for cell, text in zip(first.rows[0].cells, header, strict=True):
        cell.text = text
    _row(first, ["I", "Nhóm thử", "", "", ""])
    _row(first, ["1.", "- Ý một\n- Ý hai, tiếp", "Sở Y tế", "Sở Tài chính", "Hàng năm"])
    document.add_paragraph("(tiếp theo)")
    second = document.add_table(rows=1, cols=5)
    for cell, text in zip(
        second.rows[0].cells,
        ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
        strict=True,
    ):
        cell.text = text
    _row(second, ["", "theo ở trang sau", "", "", ""])
    _row(second, ["2", "Việc thứ hai", "Sở KH&CN", "", "Năm 2024"])
    source = tmp_path / "ke-hoach.docx"
    document.save(str(source))
    out = tmp_path / "matrix.xlsx"
    result = CliRunner().invoke(
        cli, ["import-plan", str(source), "--agencies", str(PLAN), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    from pipeline.plan.appendix import read

    imported = read(source)
    assert imported.groups == [("I", "Nhóm thử")]
    assert [(t.number, t.content, t.lead, t.timeline) for t in imported.tasks] == [
        ("1", "- Ý một\n- Ý hai, tiếp theo ở trang sau", "Sở Y tế", "Hàng năm"),
        ("2", "Việc thứ hai", "Sở KH&CN", "Năm 2024"),
    ]
    assert imported.continuations == 1


def test_document_without_appendix(tmp_path: Path) -> None:
    source = tmp_path / "van-ban.md"
    source.write_text("# Kế hoạch\n\nKhông có bảng nào ở đây.\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["import-plan", str(source), "--agencies", str(PLAN), "--out", str(tmp_path / "x.xlsx")],
    )
    assert result.exit_code == 2
    assert "không thấy bảng phụ lục" in result.output
    assert "TT, Nội dung, Đơn vị chủ trì" in result.output


def test_table_whose_columns_cannot_be_identified(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Số", "Việc", "Ai làm"], strict=True):
        cell.text = text
    source = tmp_path / "lech.docx"
    document.save(str(source))
    result = CliRunner().invoke(
        cli,
        ["import-plan", str(source), "--agencies", str(PLAN), "--out", str(tmp_path / "x.xlsx")],
    )
    assert result.exit_code == 2
    assert "dòng đầu tiên tìm thấy: Số | Việc | Ai làm" in result.output


def test_damaged_document_and_xlsx_source(tmp_path: Path) -> None:
    from openpyxl import Workbook

    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 not really")
    result = CliRunner().invoke(
        cli,
        ["import-plan", str(broken), "--agencies", str(PLAN), "--out", str(tmp_path / "x.xlsx")],
    )
    assert result.exit_code == 2 and "Không đọc được" in result.output
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Phụ lục"])
    sheet.append(["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Tiến độ"])
    sheet.append(["I", "Nhóm một", None, None, None])
    sheet.append([1, "Việc một", "Sở Y tế", "Sở Tư pháp", "Quý III/2024"])
    source = tmp_path / "phu-luc.xlsx"
    workbook.save(source)
    out = tmp_path / "matrix.xlsx"
    result = CliRunner().invoke(
        cli, ["import-plan", str(source), "--agencies", str(PLAN), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "1 nhóm, 1 nhiệm vụ" in result.output
