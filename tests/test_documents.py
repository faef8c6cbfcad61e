"""The draft report and the reminder letter: opened with python-docx, converted by LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Pt
from openpyxl import load_workbook

from pipeline.cli import cli
from pipeline.core import libreoffice
from pipeline.outputs import docx_layout as lay
from pipeline.outputs.remind import IN_PART, MISSING, REJECTED, UNREADABLE, reason_of
from pipeline.outputs.report_facts import AgencyState, merge_voices, sentence, text_key
from pipeline.plan.model import Plan
from tests.conftest import PLAN
from tests.helpers import GOOD, answers_for, fill_return, kehoach

FONT = "Times New Roman"
AS_OF = "06/01/2025"
COST = "Kinh phí bố trí còn hạn chế."
COST_AGAIN = "  kinh phi  bo tri con han che "  # the same words typed without diacritics
Y_TE_RESULT = "Tổ chức 3 hội nghị phổ biến chính sách khoa học cho 200 cán bộ y tế"


@pytest.fixture(scope="module")
def office(plan: Plan, forms: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An officer's folder after `kehoach run`: one good return, one late, one rejected."""
    root = tmp_path_factory.mktemp("office")
    fill_return(
        forms,
        root,
        "so_y_te",
        answers_for(plan, "so_y_te", t13={**GOOD, "result": Y_TE_RESULT, "difficulty": COST}),
    )
    fill_return(
        forms,
        root,
        "so_khcn",
        answers_for(
            plan,
            "so_khcn",
            t2={
                "status": "Đang thực hiện",
                "progress": 40,
                "result": "Dự thảo",
                "difficulty": COST_AGAIN,
                "proposal": "Đề nghị mở lớp tập huấn",
            },
        ),
        saved_at=datetime(2024, 12, 18, 10, 0),
    )  # after the deadline: late
    # Rejected as a whole: its lead row of task 12 was deleted (a mistake confined to a row
    # would only cost that row: accepted in part).
    fill_return(forms, root, "so_nnptnt", answers_for(plan, "so_nnptnt"), drop_tasks=("12",))
    (root / "inbox" / "hong.xlsx").write_bytes(b"PK\x03\x04broken")
    ran = _kehoach(root, "run")
    assert ran.exit_code == 0, ran.output
    return root


def _kehoach(root: Path, *args: str) -> Any:
    return kehoach(args[0], root / "inbox", root / "outbox", *args[1:], as_of=AS_OF)


@pytest.fixture(scope="module")
def report(office: Path) -> Any:
    made = _kehoach(office, "report")
    assert made.exit_code == 0, made.output
    assert "bao-cao-2024.docx" in made.output
    return Document(str(office / "outbox" / "bao-cao-2024.docx"))


@pytest.fixture(scope="module")
def letter(office: Path) -> Any:
    made = _kehoach(office, "remind", "--deadline", "20/01/2025")
    assert made.exit_code == 0, made.output
    assert "(29 đơn vị)" in made.output  # 28 missing, 1 rejected
    return Document(str(office / "outbox" / "don-doc-2024.docx"))


def _texts(document: Any) -> list[str]:
    """Every paragraph of the body and of its tables, in order."""
    out = []
    for block in document.element.body.iter(qn("w:p")):
        out.append("".join(node.text or "" for node in block.iter(qn("w:t"))))
    return out


def _one(texts: list[str], needle: str) -> str:
    found = [text for text in texts if needle in text]
    assert len(found) == 1, (needle, found)
    return found[0]


def test_report_has_the_decree_blocks_and_sections_in_order(report: Any) -> None:
    texts = _texts(report)
    for needle in (
        "UBND TỈNH KON TUM",
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "/BC-SKHCN",
        "Kon Tum, ngày",
        "BÁO CÁO",
        "Kính gửi: Ủy ban nhân dân tỉnh Kon Tum.",
        "Nơi nhận:",
        "GIÁM ĐỐC",
    ):
        assert any(needle in text for text in texts), needle
    headings = [
        "I. TÌNH HÌNH BÁO CÁO",
        "II. KẾT QUẢ THỰC HIỆN",
        "III. KHÓ KHĂN",
        "IV. ĐỀ XUẤT",
        "Nơi nhận:",
        "PHỤ LỤC",
    ]
    places = [next(i for i, text in enumerate(texts) if text.startswith(h)) for h in headings]
    assert places == sorted(places)


def test_report_names_who_reported_late_rejected_and_missing(report: Any) -> None:
    texts = _texts(report)
    assert (
        "3/31 đơn vị đã gửi báo cáo (đạt 9,7%), trong đó 2 đơn vị gửi đúng hạn, 1 đơn vị "
        "gửi muộn (Sở Khoa học và Công nghệ)." in _one(texts, "Theo Kế hoạch, 31 cơ quan")
    )
    assert _one(texts, "Báo cáo có lỗi").endswith("(1 đơn vị): Sở NN&PTNT.")
    missing = _one(texts, "Chưa gửi báo cáo (28 đơn vị)")
    assert "Sở Ngoại vụ" in missing and "UBND huyện Ia H'Drai" in missing
    assert "Sở Y tế" not in missing


def test_report_quotes_the_leads_results_naming_them(report: Any) -> None:
    texts = _texts(report)
    task = _one(texts, "Nhiệm vụ 13 –")
    assert "đã hoàn thành; 1/1 đơn vị chủ trì đã báo cáo" in task
    assert f"- Sở Y tế: {Y_TE_RESULT}." in texts
    # Task 1 has 29 leads and two accepted returns with the same result: one line, both named
    # in the official order of the registry.
    assert "- Sở Khoa học và Công nghệ, Sở Y tế: Đã ban hành kế hoạch." in texts
    # Task 12's only lead is the rejected Sở NN&PTNT: nothing of its return is quoted.
    assert "0/1 đơn vị chủ trì đã báo cáo" in _one(texts, "Nhiệm vụ 12 –")
    assert "- Chưa có báo cáo của đơn vị chủ trì (Sở NN&PTNT)." in _one(texts, "(Sở NN&PTNT).")


def test_report_merges_difficulties_typed_differently(report: Any) -> None:
    texts = _texts(report)
    merged = _one(texts, "Kinh phí bố trí còn hạn chế")
    assert "(Sở Khoa học và Công nghệ, Sở Y tế; nhiệm vụ 2, 13)" in merged
    assert not any("kinh phi" in text for text in texts)
    assert any(
        text.startswith("- Đề nghị mở lớp tập huấn (Sở Khoa học và Công nghệ; nhiệm vụ 2)")
        for text in texts
    )


def test_report_marks_what_the_officer_must_write(report: Any) -> None:
    marks = [
        run
        for para in report.paragraphs
        for run in para.runs
        if run.text.startswith("[Cán bộ bổ sung:")
    ]
    assert len(marks) >= 5
    assert all(run.font.highlight_color == WD_COLOR_INDEX.YELLOW for run in marks)
    assert all(run.style.name == lay.S.TODO for run in marks)


def test_report_appendix_lists_every_task_with_its_status(report: Any, plan: Plan) -> None:
    table = report.tables[-1]
    assert [c.text for c in table.rows[0].cells] == [
        "TT",
        "Nhiệm vụ",
        "Đơn vị chủ trì",
        "Thời gian thực hiện",
        "Đã báo cáo",
        "Tình trạng",
    ]
    rows = {row.cells[0].text: [c.text for c in row.cells] for row in table.rows[1:]}
    assert len(table.rows) == 1 + len(plan.groups) + len(plan.tasks)
    assert rows["13"][4:] == ["1/1", "Đã hoàn thành"]
    assert rows["2"][5] == "Đang thực hiện\n(quá hạn)"  # due 31/12/2024, not done on 06/01
    assert rows["12"][4] == "0/1"  # its only lead's return was rejected


@pytest.mark.parametrize("name", ["bao-cao-2024.docx", "don-doc-2024.docx"])
def test_documents_are_a4_portrait_times_new_roman(
    report: Any, letter: Any, office: Path, name: str
) -> None:
    document: Any = Document(str(office / "outbox" / name))
    for section in document.sections:
        assert section.orientation == WD_ORIENT.PORTRAIT
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
        margins = (
            section.top_margin,
            section.bottom_margin,
            section.left_margin,
            section.right_margin,
        )
        assert [round(m.mm) for m in margins] == [20, 20, 30, 15]
    fonts = (
        document.styles.element.find(qn("w:docDefaults"))
        .find(qn("w:rPrDefault"))
        .find(qn("w:rPr"))
        .find(qn("w:rFonts"))
    )
    assert {fonts.get(qn(f"w:{k}")) for k in ("ascii", "hAnsi", "eastAsia", "cs")} == {FONT}
    used = {para.style.name for para in document.paragraphs}
    for table in document.tables:
        used |= {p.style.name for row in table.rows for cell in row.cells for p in cell.paragraphs}
    for style_name in used:
        style = document.styles[style_name]
        assert style.font.name == FONT, style_name
        size = style.font.size.pt
        assert 11 <= size <= 14 or style_name in (lay.S.RULE, lay.S.TITLE_RULE), style_name
    body = document.styles[lay.S.TEXT].font.size.pt
    assert 13 <= body <= 14


def test_same_inputs_give_the_same_bytes(office: Path) -> None:
    target = office / "outbox" / "bao-cao-2024.docx"
    again = _kehoach(office, "report", "--force")
    assert again.exit_code == 0, again.output
    first = target.read_bytes()
    assert _kehoach(office, "report", "--force").exit_code == 0
    assert target.read_bytes() == first


def test_an_edited_draft_is_not_replaced_without_force(office: Path) -> None:
    target = office / "outbox" / "bao-cao-2024.docx"
    if not target.exists():
        assert _kehoach(office, "report").exit_code == 0
    before = target.read_bytes()
    refused = _kehoach(office, "report")
    assert refused.exit_code == 2
    assert "bao-cao-2024.docx đã có (có thể cán bộ đã sửa)" in refused.output
    assert "--force" in refused.output
    assert target.read_bytes() == before


def test_officer_restyle_is_kept_and_deleted_styles_come_back(office: Path, tmp_path: Path) -> None:
    restyled = Document(str(lay.DATA / lay.TEMPLATE_NAME))
    restyled.styles[lay.S.TEXT].font.size = Pt(13)
    restyled.styles[lay.S.ITEM].element.getparent().remove(restyled.styles[lay.S.ITEM].element)
    template = tmp_path / "mau.docx"
    restyled.save(str(template))
    target = tmp_path / "bao-cao.docx"
    made = kehoach("report", office / "inbox", tmp_path, "--template", str(template), as_of=AS_OF)
    assert made.exit_code == 0, made.output
    document: Any = Document(str(tmp_path / "bao-cao-2024.docx"))
    assert document.styles[lay.S.TEXT].font.size.pt == 13
    assert lay.S.ITEM in {s.name for s in document.styles}
    assert any(p.style.name == lay.S.ITEM for p in document.paragraphs)
    assert not target.exists()


def test_a_missing_template_falls_back_to_the_packaged_copy(office: Path, tmp_path: Path) -> None:
    made = kehoach(
        "report", office / "inbox", tmp_path, "--template", str(tmp_path / "none.docx"), as_of=AS_OF
    )
    assert made.exit_code == 0, made.output
    assert Document(str(tmp_path / "bao-cao-2024.docx")).styles[lay.S.TEXT].font.name == FONT


def test_reminder_names_each_agency_and_what_it_must_send(letter: Any) -> None:
    texts = _texts(letter)
    assert any(text.startswith("V/v đôn đốc báo cáo kết quả thực hiện") for text in texts)
    assert "Kính gửi: Các cơ quan, đơn vị, địa phương có tên dưới đây." in texts
    assert "1. Chưa gửi báo cáo (28 đơn vị):" in texts
    assert (
        "- Sở Ngoại vụ: báo cáo kết quả thực hiện 1 nhiệm vụ chủ trì (nhiệm vụ 1); 5 nhiệm "
        "vụ phối hợp (nhiệm vụ 2, 3, 9, 10, 11), theo biểu mẫu 2024_so_ngoai_vu.xlsx." in texts
    )
    assert "2. Báo cáo có lỗi, chưa được tổng hợp (1 đơn vị):" in texts
    rejected = _one(texts, "- Sở Nông nghiệp và Phát triển nông thôn:")
    assert "tệp phản hồi 2024_so_nnptnt.xlsx" in rejected
    assert not any("Sở Y tế:" in text for text in texts)
    request = _one(texts, "khẩn trương gửi báo cáo trước ngày")
    assert "trước ngày 20/01/2025 để tổng hợp" in request
    deadline = [r for p in letter.paragraphs for r in p.runs if "20/01/2025" in r.text]
    assert deadline and deadline[0].font.highlight_color is None  # chosen, not proposed


def test_reminder_without_a_deadline_proposes_one_highlighted(office: Path, tmp_path: Path) -> None:
    made = kehoach("remind", office / "inbox", tmp_path, as_of=AS_OF)
    assert made.exit_code == 0, made.output
    assert "Hạn gửi đề xuất: 13/01/2025" in made.output
    document = Document(str(tmp_path / "don-doc-2024.docx"))
    marks = [r for p in document.paragraphs for r in p.runs if "đề xuất 13/01/2025" in r.text]
    assert marks and marks[0].font.highlight_color == WD_COLOR_INDEX.YELLOW
    bad = CliRunner().invoke(cli, ["remind", "--plan", str(PLAN), "--deadline", "32/01/2025"])
    assert bad.exit_code == 2
    assert "--deadline '32/01/2025' không phải là ngày" in bad.output


def test_reminder_messages_one_per_agency_naming_its_file(letter: Any, office: Path) -> None:
    sheet: Any = load_workbook(office / "outbox" / "tin-nhan-don-doc-2024.xlsx").active
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    header, body = rows[0], {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert header[-1] == "Tin nhắn"
    assert len(body) == 29
    rejected = body["so_nnptnt"]
    assert rejected["Tình trạng"] == "Từ chối"
    assert rejected["Tệp gửi kèm (trong outbox)"] == "phan-hoi/2024/2024_so_nnptnt.xlsx"
    assert "tệp phản hồi 2024_so_nnptnt.xlsx" in rejected["Tin nhắn"]
    assert "20/01/2025" in rejected["Tin nhắn"]
    missing = body["so_ngoai_vu"]
    assert missing["Tệp gửi kèm (trong outbox)"] == "templates/2024/2024_so_ngoai_vu.xlsx"
    assert missing["Tin nhắn"].startswith("Kính gửi Sở Ngoại vụ:")
    assert all(len(row["Tin nhắn"]) < 320 for row in body.values())  # short enough for chat


def _state(outcome: str, submitted: bool = True) -> AgencyState:
    return AgencyState("x", "X", "X", "", submitted, True, outcome, 0, ("1",), ())


@pytest.mark.parametrize(
    ("state", "reason"),
    [
        (_state("Chưa nộp", submitted=False), MISSING),
        (_state("Chưa nộp", submitted=True), UNREADABLE),  # files came, none could be read
        (_state("Từ chối"), REJECTED),
        (_state("Chấp nhận một phần"), IN_PART),
        (_state("Chấp nhận"), None),
        (_state("Chấp nhận, có cảnh báo"), None),
    ],
)
def test_who_is_chased(state: AgencyState, reason: str | None) -> None:
    assert reason_of(state) == reason


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("Kinh phí còn hạn chế.", "kinh phí còn hạn chế", True),
        ("Kinh phí còn hạn chế", "KINH PHI CON HAN CHE;", True),
        ("Kinh phí   còn\nhạn chế", "- Kinh phí còn hạn chế", True),
        ("Kinh phí còn hạn chế", "Kinh phí đã đủ", False),
        ("Thiếu nhân lực", "Thiếu nhân lực chuyên trách", False),
    ],
)
def test_duplicate_texts_are_found_whatever_the_typing(one: str, other: str, same: bool) -> None:
    assert (text_key(one) == text_key(other)) is same


def test_merged_voices_keep_the_best_wording_and_official_order() -> None:
    order = {"Sở A": 0, "Sở B": 1, "Sở C": 2}
    voices = merge_voices(
        [
            ("kinh phi han che", "Sở C", "3"),
            ("Kinh phí hạn chế.", "Sở A", "1"),
            ("", "Sở B", "1"),
            ("Khác", "Sở B", "2"),
        ],
        order,
        {"1": 0, "3": 2},
    )
    assert [(v.text, v.agencies, v.tasks) for v in voices] == [
        ("Kinh phí hạn chế", ("Sở A", "Sở C"), ("1", "3")),
        ("Khác", ("Sở B",), ("2",)),
    ]
    assert sentence("- đã tổ chức hội nghị;  ") == "Đã tổ chức hội nghị"


@pytest.mark.parametrize(
    ("issuer", "place", "superior"),
    [
        ("Ủy ban nhân dân tỉnh Kon Tum", "Kon Tum", "UBND TỈNH KON TUM"),
        ("Uỷ ban nhân dân thành phố Đà Nẵng", "Đà Nẵng", "UBND THÀNH PHỐ ĐÀ NẴNG"),
        ("Bộ Khoa học và Công nghệ", "", "BỘ KHOA HỌC VÀ CÔNG NGHỆ"),
    ],
)
def test_letterhead_wording_from_the_plan_settings(issuer: str, place: str, superior: str) -> None:
    assert lay.place_name(issuer) == place
    assert lay.superior_line(issuer) == superior


@pytest.mark.parametrize(
    ("body", "symbol", "title"),
    [
        ("Sở Khoa học và Công nghệ", "SKHCN", ("Giám đốc",)),
        ("Sở Kế hoạch và Đầu tư", "SKHĐT", ("Giám đốc",)),
        ("Ban Dân tộc tỉnh", "BDTT", ("Trưởng ban",)),
        ("Văn phòng UBND tỉnh", "VPUT", ("Chánh Văn phòng",)),
    ],
)
def test_symbol_and_signer(body: str, symbol: str, title: tuple[str, ...]) -> None:
    assert lay.symbol(body) == symbol
    assert lay.signer_titles(body) == title


def test_place_line_leaves_the_day_to_the_clerk() -> None:
    assert (
        "".join(str(p) for p in lay.place_date_line("Kon Tum", date(2025, 1, 6)))
        == "Kon Tum, ngày      tháng 01 năm 2025"
    )
    missing = lay.place_date_line("", date(2025, 1, 6))[0]
    assert isinstance(missing, lay.Todo) and missing.text == "[Cán bộ bổ sung: địa danh]"


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", ["bao-cao-2024.docx", "don-doc-2024.docx"])
def test_libreoffice_converts_the_documents_to_pdf(
    report: Any, letter: Any, office: Path, soffice: str, tmp_path: Path, name: str
) -> None:
    pdf = libreoffice.convert(office / "outbox" / name, "pdf", tmp_path)
    assert pdf is not None and pdf.stat().st_size > 10_000
    if shutil.which("pdftotext") is None:
        return
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    # The signature block never stands alone: the closing sentence is on its page.
    signed = next(page for page in text.split("\f") if "Nơi nhận:" in page)
    assert "./." in signed
    if name.startswith("bao-cao"):
        assert "PHỤ LỤC" in text and "Sở Y tế" in text
