from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner, Result
from openpyxl import Workbook, load_workbook

from pipeline.cli import cli
from pipeline.contracts.matrix import TASKS
from pipeline.plan.appendix import read
from pipeline.plan.appendix_headers import classify, combine_header_rows
from pipeline.plan.import_registry import Issuer, stated_issuer
from pipeline.plan.load import load_plan
from pipeline.plan.model import Plan
from pipeline.plan.reference_columns import read_reference_columns
from tests import plan_fixtures as fx
from tests.conftest import PLAN


def _import(source: Path, out: Path, *extra: str) -> Result:
    return CliRunner().invoke(cli, ["import-plan", str(source), "--out", str(out), *extra])


def _sheet(path: Path, name: str) -> list[list[str]]:
    workbook = load_workbook(path, read_only=True)
    try:
        return [
            ["" if v is None else str(v) for v in row]
            for row in workbook[name].iter_rows(values_only=True)
        ]
    finally:
        workbook.close()


def _settings(path: Path) -> dict[str, object]:
    workbook = load_workbook(path, read_only=True)
    try:
        return {str(r[0]): r[1] for r in workbook["Cấu hình"].iter_rows(values_only=True)}
    finally:
        workbook.close()


# --- the embedded plan ----------------------------------------------------------------------


def test_seed_imports_to_the_default(shared: Path, plan: Plan, tmp_path: Path) -> None:
    out = tmp_path / "task_matrix.xlsx"
    seed = shared / "seeds" / "ke-hoach-144-kon-tum.md"
    result = _import(seed, out, "--registry", str(PLAN))
    assert result.exit_code == 0, result.output
    assert "6 nhóm, 15 nhiệm vụ, 3 dòng nối tiếp đã được gộp" in result.output
    assert "Cần điền ở trang 'Cấu hình': ma_ke_hoach" in result.output  # the seed has no number
    assert "Cột không thuộc 5 cột chính: không có." in result.output
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
    assert [(g.numeral, g.title) for g in imported.groups] == [
        (g.numeral, g.title) for g in plan.groups
    ]
    assert _sheet(out, "Nhiệm vụ")[0] == [h.name for h in TASKS.written]  # as the default has
    assert _import(seed, out, "--registry", str(PLAN)).exit_code == 2  # no --force


def test_seed_issued_in_kon_tum_takes_the_default_registry(shared: Path, tmp_path: Path) -> None:
    result = _import(shared / "seeds" / "ke-hoach-144-kon-tum.md", tmp_path / "m.xlsx")
    assert result.exit_code == 0, result.output
    assert "Danh sách đơn vị: mặc định (Ủy ban nhân dân tỉnh Kon Tum)." in result.output


# --- five layouts of one 20-task plan -------------------------------------------------------


def _docx(builder: Callable[[Path], None]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / f"{builder.__name__}.docx"
        builder(path)
        return path

    return make


def _markdown(folder: Path) -> Path:
    path = folder / "ke-hoach.md"
    path.write_text(fx.markdown_pipe(), encoding="utf-8")
    return path


def _html(folder: Path) -> Path:
    path = folder / "ke-hoach.html"
    path.write_text(fx.html_page(), encoding="utf-8")
    return path


def _xlsx(folder: Path) -> Path:
    path = folder / "phu-luc.xlsx"
    fx.xlsx_plan(path)
    return path


def _extras(number: int, task: fx.Task, headers: list[str]) -> list[str]:
    values = {
        "Sản phẩm": task.product,
        "Kết quả dự kiến": task.product,
        "Kinh phí (triệu đồng)": task.funding,
        "Kinh phí": task.funding,
        "Chỉ tiêu đánh giá": f"Chỉ tiêu {number}",
    }
    return [values[h] for h in headers]


LAYOUTS = {
    # name: (make source, printed group numbers, printed task numbers, headers, timeline blank)
    "docx-roman-variants": (
        _docx(fx.docx_roman),
        list(fx.ROMAN),
        None,
        {
            "TT": "STT",
            "Nội dung": "Tên nhiệm vụ",
            "Đơn vị chủ trì": "Cơ quan, đơn vị chủ trì",
            "Đơn vị phối hợp": "Cơ quan phối hợp",
            "Thời gian thực hiện": "Thời hạn hoàn thành",
        },
        ["Sản phẩm", "Kinh phí (triệu đồng)"],
    ),
    "docx-sub-numbered": (
        _docx(fx.docx_subnumbered),
        ["1", "2", "3", "4"],
        fx.dotted_numbers(),
        {
            "TT": "TT",
            "Nội dung": "Nội dung",
            "Đơn vị chủ trì": "Đơn vị chủ trì",
            "Đơn vị phối hợp": "Đơn vị phối hợp",
            "Thời gian thực hiện": "Lộ trình thực hiện",
        },
        [],
    ),
    "docx-letters-two-row-header": (
        _docx(fx.docx_letters_two_rows),
        list(fx.LETTERS),
        [str(n) for n in range(1, 21)],
        {
            "TT": "TT",
            "Nội dung": "Nội dung",
            "Đơn vị chủ trì": "Đơn vị thực hiện - Chủ trì",
            "Đơn vị phối hợp": "Đơn vị thực hiện - Phối hợp",
            "Thời gian thực hiện": "Thời gian hoàn thành",
        },
        ["Sản phẩm"],
    ),
    "markdown-pipe-bold-groups": (
        _markdown,
        ["", "", "", ""],
        [str(n) for n in range(1, 21)],
        {
            "TT": "STT",
            "Nội dung": "Nhiệm vụ",
            "Đơn vị chủ trì": "Cơ quan chủ trì",
            "Đơn vị phối hợp": "Cơ quan phối hợp",
            "Thời gian thực hiện": "Thời gian thực hiện",
        },
        ["Kết quả dự kiến"],
    ),
    "html-spans": (
        _html,
        list(fx.ROMAN),
        None,
        {
            "TT": "TT",
            "Nội dung": "Nội dung công việc",
            "Đơn vị chủ trì": "Đơn vị chủ trì",
            "Đơn vị phối hợp": "Đơn vị phối hợp",
            "Thời gian thực hiện": "Thời gian hoàn thành",
        },
        ["Sản phẩm"],
    ),
    "xlsx-extra-columns": (
        _xlsx,
        list(fx.ROMAN),
        None,
        {
            "TT": "TT",
            "Nội dung": "Nội dung",
            "Đơn vị chủ trì": "Đơn vị chủ trì",
            "Đơn vị phối hợp": "Đơn vị phối hợp",
            "Thời gian thực hiện": "Tiến độ thực hiện",
        },
        ["Sản phẩm", "Kinh phí", "Chỉ tiêu đánh giá"],
    ),
}


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_every_group_task_timeline_and_column(layout: str, tmp_path: Path) -> None:
    make, group_labels, task_labels, mapped, kept = LAYOUTS[layout]
    out = tmp_path / "task_matrix.xlsx"
    result = _import(make(tmp_path), out, "--registry", str(PLAN))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"Đã ghi {out}: 4 nhóm, 20 nhiệm vụ, " + (
        "1 dòng nối tiếp đã được gộp."
        if layout == "docx-roman-variants"
        else "0 dòng nối tiếp đã được gộp."
    )
    pairs = ", ".join(f"{field} ← '{header}'" for field, header in mapped.items())
    assert f"Cột đã nhận: {pairs}." in lines
    renumbered = task_labels is not None or group_labels != list(fx.ROMAN)
    headers = [*(h.name for h in TASKS.written), *(["TT gốc"] if renumbered else []), *kept]
    if kept:
        assert (
            "Cột không thuộc 5 cột chính, giữ nguyên ở trang 'Nhiệm vụ' (bên phải): "
            + ", ".join(f"'{h}'" for h in kept)
            + "."
        ) in lines
    else:
        assert "Cột không thuộc 5 cột chính: không có." in lines
    assert any(line.startswith("Số thứ tự được đánh lại") for line in lines) == renumbered

    rows = _sheet(out, "Nhiệm vụ")
    assert rows[0] == headers
    expected: list[list[str]] = []
    number = 0
    printed = iter(task_labels or [])
    for g, (title, tasks) in enumerate(fx.GROUPS):
        shown = title.upper() if layout == "docx-roman-variants" else title
        expected.append(
            [
                fx.ROMAN[g],
                shown,
                "",
                "",
                "",
                *([group_labels[g]] if renumbered else []),
                *([""] * len(kept)),
            ]
        )
        for task in tasks:
            number += 1
            blank = layout == "docx-letters-two-row-header" and number == fx.BLANK_TIMELINE_TASK
            expected.append(
                [
                    str(number),
                    task.content,
                    task.lead,
                    task.coord,
                    "" if blank else task.timeline,
                    *([next(printed, str(number))] if renumbered else []),
                    *_extras(number, task, kept),
                ]
            )
    assert rows[1:] == expected


def test_the_printed_summary_in_full(tmp_path: Path) -> None:
    source = tmp_path / "ke-hoach.docx"
    fx.docx_letters_two_rows(source)
    out = tmp_path / "m.xlsx"
    result = _import(source, out)  # issued in Kon Tum: the default registry, said so
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"Đã ghi {out}: 4 nhóm, 20 nhiệm vụ, 0 dòng nối tiếp đã được gộp.",
        "Danh sách đơn vị: mặc định (Ủy ban nhân dân tỉnh Kon Tum).",
        "Cột đã nhận: TT ← 'TT', Nội dung ← 'Nội dung', Đơn vị chủ trì ← 'Đơn vị thực hiện - "
        "Chủ trì', Đơn vị phối hợp ← 'Đơn vị thực hiện - Phối hợp', Thời gian thực hiện ← "
        "'Thời gian hoàn thành'.",
        "Cột không thuộc 5 cột chính, giữ nguyên ở trang 'Nhiệm vụ' (bên phải): 'Sản phẩm'.",
        "Số thứ tự được đánh lại theo mẫu (nhóm I, II…; nhiệm vụ 1, 2…); số in trong văn bản "
        "được giữ ở cột 'TT gốc'.",
        "Thời gian thực hiện chưa đọc được: 1",
        "  nhiệm vụ 7: '(trống)'",
        "Tên đơn vị, cụm từ chưa nhận ra: 1",
        *[line for line in result.output.splitlines() if line.startswith("  Nhiệm vụ 7")],
        "Cần điền ở trang 'Cấu hình': ten_ngan, co_quan_nhan",
        f"Kiểm tra lại rồi chạy: kehoach plan --plan {out}",
    ]
    unresolved = result.output.splitlines()[8]
    assert unresolved.startswith("  Nhiệm vụ 7, cột 'Đơn vị phối hợp'") and "Viettel" in unresolved


def test_settings_stated_in_the_word_body(tmp_path: Path) -> None:
    source = tmp_path / "ke-hoach.docx"
    fx.docx_roman(source)
    out = tmp_path / "m.xlsx"
    assert _import(source, out).exit_code == 0
    settings = _settings(out)
    assert settings["ky_bao_cao"] == "2025"
    assert settings["han_nop"] == datetime(2025, 12, 10)
    assert settings["ngay_chot_so_lieu"] == datetime(2025, 12, 9)
    assert settings["ma_ke_hoach"] == "45/KH-UBND"
    assert settings["co_quan_ban_hanh"] == "Ủy ban nhân dân tỉnh Kon Tum"
    assert settings["ten_ke_hoach"] == "Chuyển đổi số tỉnh năm 2025"


def test_imported_matrix_is_checked_by_kehoach_plan(tmp_path: Path) -> None:
    source = tmp_path / "ke-hoach.docx"
    fx.docx_roman(source)
    out = tmp_path / "m.xlsx"
    assert _import(source, out).exit_code == 0
    result = CliRunner().invoke(cli, ["plan", "--plan", str(out)])
    assert result.exit_code == 2  # only the agency the registry does not know
    assert "Viettel" in result.output
    assert "Tệp kế hoạch có 1 lỗi" in result.output


def test_empty_column_is_named_and_left_out(tmp_path: Path) -> None:
    source = tmp_path / "ke-hoach.docx"
    fx.docx_subnumbered(source)
    out = tmp_path / "m.xlsx"
    result = _import(source, out, "--registry", str(PLAN))
    assert "Cột trống, không đưa vào: 'Ghi chú'." in result.output.splitlines()
    assert "Ghi chú" not in _sheet(out, "Nhiệm vụ")[0]


def test_a_column_that_is_not_mapped_says_so(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["TT", "Nội dung", "Đơn vị chủ trì", "Mức độ ưu tiên", "Thời gian thực hiện"])
    sheet.append(["I", "Nhóm một"])
    sheet.append([1, "Việc một", "Sở Y tế", "Cao", "Năm 2025"])
    source = tmp_path / "phu-luc.xlsx"
    workbook.save(source)
    out = tmp_path / "m.xlsx"
    result = _import(source, out, "--registry", str(PLAN))
    assert result.exit_code == 0, result.output
    assert (
        "Cột không thuộc 5 cột chính, giữ nguyên ở trang 'Nhiệm vụ' (bên phải): 'Mức độ ưu tiên'."
    ) in result.output.splitlines()
    assert (
        "Bảng không có cột 'Đơn vị phối hợp': cột này để trống trong tệp kế hoạch, "
        "điền trong Excel." in result.output.splitlines()
    )
    rows = _sheet(out, "Nhiệm vụ")
    assert rows[0][-1] == "Mức độ ưu tiên" and rows[2][-1] == "Cao"


def test_extra_columns_reach_the_reference_hook(tmp_path: Path) -> None:
    out = tmp_path / "m.xlsx"
    assert _import(_xlsx(tmp_path), out, "--registry", str(PLAN)).exit_code == 0
    reference = read_reference_columns(out)
    assert reference.headers == ("Sản phẩm", "Kinh phí", "Chỉ tiêu đánh giá")
    assert reference.values("6") == ("Trung tâm dữ liệu đạt cấp độ 3", "5.000", "Chỉ tiêu 6")
    assert len(reference.by_task) == 20
    assert read_reference_columns(PLAN).headers == ()


# --- the registry of a new plan -------------------------------------------------------------


def test_another_province_must_choose_its_registry(tmp_path: Path) -> None:
    source = tmp_path / "gia-lai.docx"
    fx.docx_subnumbered(source, province="Gia Lai")
    out = tmp_path / "m.xlsx"
    result = _import(source, out)
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"{source}: kế hoạch do Ủy ban nhân dân tỉnh Gia Lai ban hành, còn danh sách đơn vị mặc "
        "định là của Ủy ban nhân dân tỉnh Kon Tum. Chọn danh sách đơn vị: --registry TỆP.xlsx "
        "(trang 'Đơn vị', 'Cụm từ' của một tệp kế hoạch) hoặc --registry default để vẫn dùng "
        "danh sách mặc định."
    )
    assert not out.exists()
    chosen = _import(source, out, "--registry", "default")
    assert chosen.exit_code == 0, chosen.output
    assert "Danh sách đơn vị: mặc định (Ủy ban nhân dân tỉnh Kon Tum)." in chosen.output
    from_file = _import(source, out, "--registry", str(PLAN), "--force")
    assert f"Danh sách đơn vị: lấy từ {PLAN}." in from_file.output
    missing = _import(source, out, "--registry", str(tmp_path / "khong-co.xlsx"), "--force")
    assert missing.exit_code == 2 and "--registry" in missing.output


def test_a_plan_without_issuer_must_choose(tmp_path: Path) -> None:
    source = tmp_path / "phu-luc.md"
    source.write_text(
        "| TT | Nội dung | Đơn vị chủ trì |\n|---|---|---|\n| I | Nhóm | |\n"
        "| 1 | Việc | Sở Y tế |\n",
        encoding="utf-8",
    )
    result = _import(source, tmp_path / "m.xlsx")
    assert result.exit_code == 2
    assert "không xác định được cơ quan ban hành" in result.output


# --- what cannot be imported ----------------------------------------------------------------


def test_a_table_without_task_rows_exits_2(tmp_path: Path) -> None:
    source = tmp_path / "ke-hoach.md"
    source.write_text(
        "| STT | Nhiệm vụ | Cơ quan chủ trì |\n|---|---|---|\n"
        "| I | Nhóm một | |\n| II | Nhóm hai | |\n",
        encoding="utf-8",
    )
    out = tmp_path / "m.xlsx"
    result = _import(source, out, "--registry", str(PLAN))
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"{source}: bảng phụ lục (cột STT | Nhiệm vụ | Cơ quan chủ trì) không có dòng nhiệm vụ "
        "nào (TT là 1, 2, 3… hoặc 1.1, 1.2…); chưa ghi tệp kế hoạch."
    )
    assert not out.exists()


@pytest.mark.parametrize(
    ("lang", "expected", "other"),
    [
        ("vi", "văn bản không có bảng nào", "no table"),
        ("en", "the document has no table at all", "không có bảng"),
    ],
)
def test_no_table_at_all_in_one_language(
    tmp_path: Path, lang: str, expected: str, other: str
) -> None:
    source = tmp_path / "van-ban.md"
    source.write_text("# Kế hoạch\n\nKhông có bảng nào ở đây.\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        [
            "--lang",
            lang,
            "import-plan",
            str(source),
            "--registry",
            str(PLAN),
            "--out",
            str(tmp_path / "x.xlsx"),
        ],
    )
    assert result.exit_code == 2
    assert expected in result.output and other not in result.output


def test_table_whose_columns_cannot_be_identified(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Số", "Việc", "Ai làm"], strict=True):
        cell.text = text
    source = tmp_path / "lech.docx"
    document.save(str(source))
    result = _import(source, tmp_path / "x.xlsx", "--registry", str(PLAN))
    assert result.exit_code == 2
    assert "dòng đầu tiên tìm thấy: Số | Việc | Ai làm" in result.output


def test_damaged_document(tmp_path: Path) -> None:
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 not really")
    result = _import(broken, tmp_path / "x.xlsx", "--registry", str(PLAN))
    assert result.exit_code == 2 and "Không đọc được" in result.output


# --- the reader's parts ---------------------------------------------------------------------


def test_docx_table_split_across_pages(tmp_path: Path) -> None:
    document = docx.Document()
    first = document.add_table(rows=1, cols=5)
    for cell, text in zip(
        first.rows[0].cells,
        ["TT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"],
        strict=True,
    ):
        cell.text = text
    for values in (
        ["I", "Nhóm thử", "", "", ""],
        ["1.", "- Ý một\n- Ý hai, tiếp", "Sở Y tế", "Sở Tài chính", "Hàng năm"],
    ):
        cells = first.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            lines = value.split("\n")
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    second = document.add_table(rows=1, cols=5)
    for cell, text in zip(
        second.rows[0].cells,
        ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
        strict=True,
    ):
        cell.text = text
    for values in (
        ["", "theo ở trang sau", "", "", ""],
        ["2", "Việc thứ hai", "Sở KH&CN", "", "Năm 2024"],
    ):
        for cell, value in zip(second.add_row().cells, values, strict=True):
            cell.text = value
    source = tmp_path / "ke-hoach.docx"
    document.save(str(source))
    imported = read(source)
    assert [(g.numeral, g.title) for g in imported.groups] == [("I", "Nhóm thử")]
    assert [(t.number, t.content, t.lead, t.timeline) for t in imported.tasks] == [
        ("1", "- Ý một\n- Ý hai, tiếp theo ở trang sau", "Sở Y tế", "Hàng năm"),
        ("2", "Việc thứ hai", "Sở KH&CN", "Năm 2024"),
    ]
    assert imported.continuations == 1


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("TT", "tt"),
        ("STT", "tt"),
        ("Số thứ tự", "tt"),
        ("Nội dung", "content"),
        ("Nhiệm vụ", "content"),
        ("Tên nhiệm vụ", "content"),
        ("Nội dung công việc", "content"),
        ("Nhiệm vụ, giải pháp", "content"),
        ("Đơn vị chủ trì", "lead"),
        ("Cơ quan chủ trì", "lead"),
        ("Cơ quan, đơn vị chủ trì", "lead"),
        ("Đơn vị chủ trì thực hiện", "lead"),
        ("Cơ quan thực hiện", "lead"),
        ("Đơn vị phối hợp", "coord"),
        ("Cơ quan phối hợp", "coord"),
        ("Cơ quan, đơn vị phối hợp", "coord"),
        ("Đơn vị phối hợp thực hiện", "coord"),
        ("Thời gian thực hiện", "timeline"),
        ("Thời hạn hoàn thành", "timeline"),
        ("Tiến độ thực hiện", "timeline"),
        ("Lộ trình thực hiện", "timeline"),
        ("Thời gian hoàn thành", "timeline"),
        ("Thời gian", "timeline"),
        ("Thời gian - Hoàn thành", "timeline"),
        ("Thời gian - Bắt đầu", "extra"),
        ("Sản phẩm", "extra"),
        ("Kết quả dự kiến", "extra"),
        ("Sản phẩm, kết quả", "extra"),
        ("Kinh phí", "extra"),
        ("Nguồn kinh phí", "extra"),
        ("Ghi chú", "extra"),
        ("Kinh phí thực hiện (triệu đồng)", "extra"),
        ("Kết quả thực hiện", "extra"),
    ],
)
def test_header_variants(header: str, field: str) -> None:
    assert classify(header)[0] == field
    assert classify(header.upper())[0] == field  # headers printed in capitals


def test_two_row_header_is_one_header_per_column() -> None:
    assert combine_header_rows(
        ["TT", "Nội dung", "Đơn vị thực hiện", "", "Thời gian", "", "Ghi chú"],
        ["TT", "Nội dung", "Chủ trì", "Phối hợp", "Bắt đầu", "Hoàn thành", ""],
    ) == [
        "TT",
        "Nội dung",
        "Đơn vị thực hiện - Chủ trì",
        "Đơn vị thực hiện - Phối hợp",
        "Thời gian - Bắt đầu",
        "Thời gian - Hoàn thành",
        "Ghi chú",
    ]


@pytest.mark.parametrize(
    ("text", "name", "province"),
    [
        (
            "ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA\nSố: 12/KH-UBND",
            "Ủy ban nhân dân tỉnh Thanh Hóa",
            "thanh hoa",
        ),
        ("**UBND TỈNH KON TUM**\n\nSố: 47/KH-UBND", "Ủy ban nhân dân tỉnh Kon Tum", "kon tum"),
        (
            "| ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
            "Ủy ban nhân dân tỉnh Quảng Ngãi",
            "quang ngai",
        ),
        ("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", "Ủy ban nhân dân thành phố Hà Nội", "ha noi"),
        (
            "BỘ KHOA HỌC VÀ CÔNG NGHỆ\nHà Nội, ngày 3 tháng 2 năm 2025",
            "Bộ khoa học và công nghệ",
            "",
        ),
        ("Số: /KH-UBND\n\nKon Tum, ngày tháng 6 năm 2024", "", "kon tum"),  # the seed: place only
        ("Kế hoạch không có phần đầu", "", ""),
    ],
)
def test_issuer_stated_in_the_header(text: str, name: str, province: str) -> None:
    assert stated_issuer(text) == Issuer(name, province)


def test_parts_above_groups_and_numbers_restarting_in_each_group(tmp_path: Path) -> None:
    source = tmp_path / "ke-hoach.md"
    source.write_text(
        "| TT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian thực hiện |\n"
        "|---|---|---|---|---|\n"
        "| A | **PHẦN CHUNG** | | | |\n| I | Nhóm một | | | |\n"
        "| 1 | Việc một | Sở Y tế | | Năm 2025 |\n| 2 | Việc hai | Sở Y tế | | Năm 2025 |\n"
        "| a) | ý phụ của việc hai | | | |\n| II | Nhóm hai | | | |\n"
        "| 1 | Việc ba | Sở Nội vụ | | Quý I/2025 |\n| B | **PHẦN RIÊNG** | | | |\n"
        "| I | Nhóm ba | | | |\n| 1 | Việc bốn | Sở Nội vụ | | Quý I/2025 |\n",
        encoding="utf-8",
    )
    imported = read(source)
    assert [(g.numeral, g.source_number, g.title) for g in imported.groups] == [
        ("I", "A.I", "Nhóm một"),
        ("II", "A.II", "Nhóm hai"),
        ("III", "B.I", "Nhóm ba"),
    ]
    assert [(t.number, t.source_number, t.group, t.content) for t in imported.tasks] == [
        ("1", "A.I.1", "I", "Việc một"),
        ("2", "A.I.2", "I", "Việc hai\na) ý phụ của việc hai"),
        ("3", "A.II.1", "II", "Việc ba"),
        ("4", "B.I.1", "III", "Việc bốn"),
    ]
    assert imported.other_headings == ["A. PHẦN CHUNG", "B. PHẦN RIÊNG"]
    out = tmp_path / "m.xlsx"
    result = _import(source, out, "--registry", str(PLAN))
    assert "Tiêu đề không dùng làm nhóm (chỉ để biết, không đưa vào): 2" in result.output
    assert "  A. PHẦN CHUNG" in result.output.splitlines()
