"""Build the Word template of the draft report and the reminder letter (Decree 30/2020/NĐ-CP).

Writes `templates/bao-cao-template.docx` (the officer's copy, which `kehoach init` copies and
the officer may restyle in Word) and `pipeline/data/bao-cao-template.docx` (the packaged
fallback). Run it with `make defaults`; both files are committed.

The template holds the page set-up (A4 portrait; margins top 20, bottom 20, left 30, right
15 mm), the page number (top centre, from the second page) and one named style per block of
the Decree's layout. Its body is a sample that shows each style; the generator replaces it.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.core.text import fold  # noqa: E402
from pipeline.outputs import docx_layout as lay  # noqa: E402
from pipeline.outputs.docx_layout import S  # noqa: E402

CENTER, LEFT, JUSTIFY = (
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.LEFT,
    WD_ALIGN_PARAGRAPH.JUSTIFY,
)

# name: (size pt, bold, italic, alignment, first-line indent mm, space before, space after)
STYLES: dict[str, tuple[float, bool, bool, Any, float, float, float]] = {
    S.SUPERIOR: (12, False, False, CENTER, 0, 0, 0),
    S.BODY_NAME: (12, True, False, CENTER, 0, 0, 0),
    S.NATION: (12, True, False, CENTER, 0, 0, 0),
    S.MOTTO: (13, True, False, CENTER, 0, 0, 0),
    S.NUMBER: (13, False, False, CENTER, 0, 6, 0),
    S.SUBJECT: (12, False, False, CENTER, 0, 2, 0),
    S.PLACE_DATE: (13.5, False, True, CENTER, 0, 6, 0),
    S.RULE: (6, False, False, CENTER, 0, 0, 6),
    S.TITLE_RULE: (6, False, False, CENTER, 0, 0, 6),
    S.KIND: (14, True, False, CENTER, 0, 18, 0),
    S.TITLE: (14, True, False, CENTER, 0, 0, 0),
    S.TO: (14, False, False, CENTER, 0, 6, 6),
    S.TO_ITEM: (14, False, False, LEFT, 0, 0, 0),
    S.SECTION: (14, True, False, LEFT, 10, 6, 6),
    S.SUBSECTION: (14, True, False, JUSTIFY, 10, 6, 3),
    S.TEXT: (14, False, False, JUSTIFY, 10, 0, 6),
    S.ITEM: (14, False, False, JUSTIFY, 10, 0, 3),
    S.RECIPIENTS: (12, True, True, LEFT, 0, 12, 0),
    S.RECIPIENT: (11, False, False, LEFT, 0, 0, 0),
    S.SIGNER_TITLE: (13.5, True, False, CENTER, 0, 12, 0),
    S.SIGNER: (13.5, True, False, CENTER, 0, 60, 0),
    S.CELL: (12, False, False, LEFT, 0, 2, 2),
    S.CELL_CENTRED: (12, False, False, CENTER, 0, 2, 2),
    S.CELL_HEAD: (12, True, False, CENTER, 0, 2, 2),
    S.CELL_BAND: (12, True, False, LEFT, 0, 2, 2),
    S.APPENDIX: (14, True, False, CENTER, 0, 0, 0),
    S.APPENDIX_NOTE: (13, False, True, CENTER, 0, 0, 12),
}
KEEP_WITH_NEXT = {S.KIND, S.TITLE, S.SECTION, S.SUBSECTION, S.APPENDIX, S.RECIPIENTS}


def _style_id(name: str) -> str:
    """An ASCII style id (`KHCoQuanBanHanh`); Word shows the Vietnamese name."""
    return "".join(word.capitalize() if word != "kh" else "KH" for word in fold(name).split())


STYLE_IDS = {name: _style_id(name) for name in (*STYLES, S.TODO)}


def _fonts(rpr_parent: Any) -> None:
    """Times New Roman for every script (ASCII, Vietnamese, East Asian, complex)."""
    rpr = rpr_parent.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for key in list(fonts.attrib):
        del fonts.attrib[key]  # theme fonts would override the names
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), lay.FONT)


def _defaults(document: Any) -> None:
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    for key in list(fonts.attrib):
        del fonts.attrib[key]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), lay.FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")
    normal = document.styles["Normal"]
    normal.font.name = lay.FONT
    normal.font.size = Pt(14)
    _fonts(normal.element)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    for name in ("Header", "Footer", "Table Grid"):
        style = document.styles[name]
        style.font.name = lay.FONT
        _fonts(style.element)
    document.styles["Header"].font.size = Pt(13)


def _paragraph_styles(document: Any) -> None:
    for name, (size, bold, italic, align, indent, before, after) in STYLES.items():
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.style_id = STYLE_IDS[name]
        style.base_style = document.styles["Normal"]
        style.quick_style = True
        font = style.font
        font.name = lay.FONT
        font.size = Pt(size)
        font.bold = bold
        font.italic = italic
        _fonts(style.element)
        fmt = style.paragraph_format
        fmt.alignment = align
        fmt.first_line_indent = Mm(indent) if indent else None
        fmt.space_before = Pt(before)
        fmt.space_after = Pt(after)
        fmt.line_spacing = 1.1 if size >= 14 and name not in (S.KIND, S.TITLE) else 1.0
        fmt.widow_control = True
        if name in KEEP_WITH_NEXT:
            fmt.keep_with_next = True
    document.styles[S.MOTTO].font.underline = True
    # The short rules under the body name and under the title: a bottom border on an
    # empty, indented paragraph, so it stays centred and about a third of the text wide.
    for name, indent in ((S.RULE, 23), (S.TITLE_RULE, 60)):
        rule = document.styles[name]
        rule.paragraph_format.left_indent = Mm(indent)
        rule.paragraph_format.right_indent = Mm(indent)
        rule.paragraph_format.line_spacing = Pt(4)
        _bottom_border(rule.element.get_or_add_pPr())
    # "Kính gửi:" lines for several addressees start under the colon.
    document.styles[S.TO_ITEM].paragraph_format.left_indent = Mm(45)
    todo = document.styles.add_style(S.TODO, WD_STYLE_TYPE.CHARACTER)
    todo.style_id = STYLE_IDS[S.TODO]
    todo.font.italic = True
    todo.quick_style = True


def _bottom_border(ppr: Any) -> None:
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


def _page(document: Any) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    # Decree 30: the page number at the top centre, not on the first page.
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.alignment = CENTER
    header.style = document.styles["Header"]
    _page_field(header.add_run())


def _page_field(run: Any) -> None:
    for kind, text in (
        ("begin", None),
        (None, " PAGE "),
        ("separate", None),
        (None, "2"),
        ("end", None),
    ):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == " PAGE ":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _sample(template: Path) -> None:
    """A sample page that shows each style by name; reports replace it."""
    draft = lay.Draft(template)
    draft.letterhead(
        lay.Letterhead(
            superior="UBND TỈNH KON TUM",
            body="SỞ KHOA HỌC VÀ CÔNG NGHỆ",
            number="Số:      /BC-SKHCN",
            place_date=["Kon Tum, ngày      tháng    năm 20…"],
        )
    )
    draft.title("Báo cáo", f"Mẫu trình bày (kiểu {S.TITLE})")
    draft.addressee(["Ủy ban nhân dân tỉnh"])
    draft.paragraph(S.SECTION, [f"I. TIÊU ĐỀ MỤC (kiểu {S.SECTION})"])
    draft.paragraph(S.SUBSECTION, [f"1. Tiêu đề tiểu mục (kiểu {S.SUBSECTION})"])
    draft.paragraph(
        S.TEXT,
        [
            f'Đoạn văn bản (kiểu {S.TEXT}). Sửa các kiểu bắt đầu bằng "KH" trong Word '
            "(Trang đầu › Kiểu) để đổi hình thức mọi báo cáo và công văn do kehoach sinh ra; "
            "nội dung trang này được thay bằng báo cáo thật. Chỗ cần cán bộ điền: ",
            lay.Todo("nội dung cần bổ sung"),
            ".",
        ],
    )
    draft.paragraph(S.ITEM, [f"- Gạch đầu dòng (kiểu {S.ITEM})."])
    draft.signature(
        lay.Signature(
            recipients=[["- Như trên;"], ["- Lưu: VT."]],
            titles=["Giám đốc"],
            name=lay.Todo("họ tên người ký"),
        )
    )
    lay.write_stable(draft.document, template)


def build(target: Path) -> None:
    document = Document()
    _defaults(document)
    _paragraph_styles(document)
    _page(document)
    document.core_properties.title = "Mẫu báo cáo kehoach (Nghị định 30/2020/NĐ-CP)"
    document.core_properties.author = "kehoach"
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(target))
    _sample(target)


def main() -> None:
    packaged = ROOT / "pipeline" / "data" / lay.TEMPLATE_NAME
    build(packaged)
    shutil.copyfile(packaged, ROOT / "templates" / lay.TEMPLATE_NAME)
    print(f"wrote {packaged.relative_to(ROOT)} and templates/{lay.TEMPLATE_NAME}")


if __name__ == "__main__":
    main()
