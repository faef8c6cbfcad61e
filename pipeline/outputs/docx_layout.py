"""Decree 30/2020/NĐ-CP blocks of an administrative document, written with python-docx.

The look lives in a Word template (`templates/bao-cao-template.docx`): page size and margins,
the page-number header and one named style per block. This module only places text in those
styles, so an officer who restyles the template in Word changes every report and reminder.
"""

from __future__ import annotations

import copy
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Mm

from pipeline.core.catalog import t
from pipeline.core.errors import KehoachError
from pipeline.core.files import atomic_path

DATA = Path(__file__).resolve().parent.parent / "data"
TEMPLATE_NAME = "bao-cao-template.docx"
FONT = "Times New Roman"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
PLACEHOLDER = "Cán bộ bổ sung"
ZIP_TIME = (2024, 1, 1, 0, 0, 0)


class S:
    """Style names of the template, Vietnamese so the officer recognises them in Word."""

    SUPERIOR = "KH Cơ quan chủ quản"
    BODY_NAME = "KH Cơ quan ban hành"
    NATION = "KH Quốc hiệu"
    MOTTO = "KH Tiêu ngữ"
    NUMBER = "KH Số ký hiệu"
    SUBJECT = "KH Trích yếu công văn"
    PLACE_DATE = "KH Địa danh và thời gian"
    RULE = "KH Đường kẻ"
    TITLE_RULE = "KH Đường kẻ dưới tên loại"
    KIND = "KH Tên loại"
    TITLE = "KH Trích yếu"
    TO = "KH Kính gửi"
    TO_ITEM = "KH Kính gửi dòng"
    SECTION = "KH Mục"
    SUBSECTION = "KH Tiểu mục"
    TEXT = "KH Nội dung"
    ITEM = "KH Gạch đầu dòng"
    RECIPIENTS = "KH Nơi nhận"
    RECIPIENT = "KH Nơi nhận dòng"
    SIGNER_TITLE = "KH Chức vụ người ký"
    SIGNER = "KH Họ tên người ký"
    CELL = "KH Bảng"
    CELL_CENTRED = "KH Bảng giữa"
    CELL_HEAD = "KH Bảng tiêu đề"
    CELL_BAND = "KH Bảng dòng nhóm"
    APPENDIX = "KH Phụ lục"
    APPENDIX_NOTE = "KH Phụ lục ghi chú"
    TODO = "KH Cần bổ sung"  # character style of the places a person must fill


PARAGRAPH_STYLES = tuple(value for key, value in vars(S).items() if key.isupper() and key != "TODO")
TABLE_STYLE = "Table Grid"


@dataclass(frozen=True)
class Todo:
    """A place in a draft that needs a person's judgement: highlighted, easy to find."""

    hint: str

    @property
    def text(self) -> str:
        return f"[{PLACEHOLDER}: {self.hint}]"


Part = str | Todo


@dataclass(frozen=True)
class Letterhead:
    """The top block: who issues, the national motto, number and symbol, place and date."""

    superior: str
    body: str
    number: str
    place_date: Sequence[Part]
    subject: str = ""  # a công văn's "V/v …" under its number


@dataclass(frozen=True)
class Signature:
    recipients: Sequence[Sequence[Part]]
    titles: Sequence[str]
    name: Part


def open_template(path: Path | None) -> Any:
    """The officer's template when there is one, else the packaged copy; any style the
    officer deleted is taken back from the packaged copy so a restyle never breaks a run."""
    packaged = DATA / TEMPLATE_NAME
    source = path if path is not None and path.exists() else packaged
    try:
        document = Document(str(source))
    except Exception as exc:  # python-docx raises several kinds for a broken package
        raise KehoachError("docx-template-unreadable", path=str(source), reason=str(exc)) from exc
    if source != packaged:
        _restore_missing_styles(document, Document(str(packaged)))
    _clear_body(document)
    return document


def _restore_missing_styles(document: Any, packaged: Any) -> None:
    have = {style.name for style in document.styles}
    for name in (*PARAGRAPH_STYLES, S.TODO, TABLE_STYLE):
        if name not in have:
            document.styles.element.append(copy.deepcopy(packaged.styles[name].element))


def _clear_body(document: Any) -> None:
    """Drop the template's sample text; keep the final section (page set-up, header)."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


class Draft:
    """A document being written from the template, block by block."""

    def __init__(self, template: Path | None) -> None:
        self.document = open_template(template)
        # python-docx finds a style by name with a scan of every style each time (a tenth of
        # a second per paragraph on Word's 160 latent styles): look each one up once.
        self.ids = {style.name: style.style_id for style in self.document.styles}

    def styled(self, container: Any, style: str, reuse: bool = False) -> Any:
        """A new paragraph of `style` at the end of `container` (the body or a cell); a
        fresh cell's own empty paragraph is used when `reuse`."""
        para = container.paragraphs[0] if reuse else container.add_paragraph()
        para._p.style = self.ids[style]
        return para

    def paragraph(
        self, style: str, parts: Iterable[Part] = (), *, bold: str = "", container: Any = None
    ) -> Any:
        """A paragraph of `style`; a leading bold label when given; placeholders highlighted."""
        para = self.styled(self.document if container is None else container, style)
        if bold:
            para.add_run(xml_text(bold)).bold = True
        for part in parts:
            self.add_part(para, part)
        return para

    def add_part(self, para: Any, part: Part) -> Any:
        if isinstance(part, Todo):
            run = para.add_run(xml_text(part.text))
            run._r.style = self.ids[S.TODO]
            # Highlight is a run property Word does not keep in styles; set it on the run.
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
            return run
        return para.add_run(xml_text(part))

    def fill(self, cell: Any, style: str, parts: Iterable[Part], first: bool = False) -> Any:
        para = self.styled(cell, style, reuse=first)
        for part in parts:
            self.add_part(para, part)
        return para

    def letterhead(self, head: Letterhead) -> None:
        """Cells 1-4 of the Decree's layout: two columns without borders."""
        table = self._layout_table(rows=2, widths=(Mm(70), Mm(95)))
        left, right = table.rows[0].cells
        self.fill(left, S.SUPERIOR, [head.superior], first=True)
        self.fill(left, S.BODY_NAME, [head.body])
        self.fill(left, S.RULE, [])
        self.fill(right, S.NATION, [NATION], first=True)
        self.fill(right, S.MOTTO, [MOTTO])
        number, place = table.rows[1].cells
        self.fill(number, S.NUMBER, [head.number], first=True)
        if head.subject:
            self.fill(number, S.SUBJECT, [head.subject])
        self.fill(place, S.PLACE_DATE, head.place_date, first=True)

    def title(self, kind: str, summary: str) -> None:
        self.paragraph(S.KIND, [kind.upper()])
        self.paragraph(S.TITLE, [summary])
        self.paragraph(S.TITLE_RULE)

    def addressee(self, names: Sequence[str]) -> None:
        """`Kính gửi:` one name on the line, or several names one per line."""
        if len(names) == 1:
            self.paragraph(S.TO, [f"Kính gửi: {names[0]}."])
            return
        self.paragraph(S.TO, ["Kính gửi:"])
        for index, name in enumerate(names):
            end = "." if index == len(names) - 1 else ";"
            self.paragraph(S.TO_ITEM, [f"- {name}{end}"])

    def signature(self, sign: Signature) -> None:
        """Cells 7 and 9: recipients bottom left, the signer bottom right. The closing
        paragraph keeps with them: a signature alone on a page signs nothing."""
        body = self.document.element.body
        last = body.findall(qn("w:p"))
        if last:
            last[-1].get_or_add_pPr().keepNext_val = True
        table = self._layout_table(rows=1, widths=(Mm(80), Mm(85)))
        _keep_row_whole(table.rows[0])
        left, right = table.rows[0].cells
        self.fill(left, S.RECIPIENTS, ["Nơi nhận:"], first=True)
        for parts in sign.recipients:
            self.fill(left, S.RECIPIENT, parts)
        for index, line in enumerate(sign.titles):
            self.fill(right, S.SIGNER_TITLE, [line.upper()], first=index == 0)
        self.fill(right, S.SIGNER, [sign.name])

    def grid(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths_mm: Sequence[float],
        banded: Sequence[int] = (),
        centred: Sequence[int] = (),
    ) -> Any:
        """A bordered table whose header repeats on every page; `banded` rows span it."""
        table = self.document.add_table(rows=1 + len(rows), cols=len(header))
        table._tbl.tblPr.style = self.ids[TABLE_STYLE]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        _set_widths(table, [Mm(w) for w in widths_mm])
        head = table.rows[0]
        _repeat_header(head)
        for cell, text in zip(head.cells, header, strict=True):
            self.fill(cell, S.CELL_HEAD, [text], first=True)
        bands = set(banded)
        for index, values in enumerate(rows, start=1):
            _keep_row_whole(table.rows[index])
            cells = table.rows[index].cells
            if index - 1 in bands:
                self.fill(cells[0].merge(cells[-1]), S.CELL_BAND, [values[0]], first=True)
                continue
            for column, (cell, text) in enumerate(zip(cells, values, strict=True)):
                style = S.CELL_CENTRED if column in centred else S.CELL
                self.fill(cell, style, [text], first=True)
        return table

    def _layout_table(self, rows: int, widths: Sequence[Any]) -> Any:
        table = self.document.add_table(rows=rows, cols=len(widths))
        table.autofit = False
        _set_widths(table, widths)
        return table

    def new_section(self) -> None:
        """A new page that keeps the template's page set-up (the appendix starts on it)."""
        self.document.add_section(WD_SECTION.NEW_PAGE)

    def save(self, target: Path) -> Path:
        with atomic_path(target) as temporary:
            write_stable(self.document, temporary)
        return target


# XML 1.0 cannot hold these; lxml refuses the whole document for one of them. A vertical tab
# or form feed is Excel's and Word's line break inside a cell, so it stays a line break.
_LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})
_NOT_IN_XML = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """`text` as a Word run can hold it: every run of a draft is written through here."""
    return _NOT_IN_XML.sub("", text.translate(_LINE_BREAKS))


def write_stable(document: Any, path: Path) -> None:
    """Save with a fixed time on every zip member: the same inputs give the same bytes."""
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, source.read(info.filename))


def _set_widths(table: Any, widths: Sequence[Any]) -> None:
    # Word reads each cell's width, LibreOffice the grid's: set both.
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _keep_row_whole(row: Any) -> None:
    properties = row._tr.get_or_add_trPr()
    properties.append(properties.makeelement(qn("w:cantSplit"), {qn("w:val"): "true"}))


def _repeat_header(row: Any) -> None:
    properties = row._tr.get_or_add_trPr()
    properties.append(properties.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"}))


# --- wording helpers shared by the report and the reminder ---------------------------------


def place_name(issuer: str) -> str:
    """`Kon Tum` from `Ủy ban nhân dân tỉnh Kon Tum`: the place line names the province."""
    lowered = issuer.casefold()
    for marker in ("thành phố ", "tỉnh "):
        at = lowered.rfind(marker)
        if at >= 0:
            return issuer[at + len(marker) :].strip()
    return ""


def superior_line(issuer: str) -> str:
    """The superior body as letterheads abbreviate it: `UBND TỈNH KON TUM`."""
    text = issuer.strip()
    for long in ("Ủy ban nhân dân", "Uỷ ban nhân dân"):
        if text.casefold().startswith(long.casefold()):
            text = "UBND" + text[len(long) :]
    return text.upper()


def symbol(body: str) -> str:
    """The body's initials for document symbols: `SKHCN` for Sở Khoa học và Công nghệ."""
    words = [w for w in body.replace("-", " ").split() if w.casefold() not in {"và", "&"}]
    letters = "".join(_base_letter(w[0]) for w in words if w[0].isalpha())
    return letters.upper()


def _base_letter(char: str) -> str:
    if char in "đĐ":
        return "Đ"
    return unicodedata.normalize("NFD", char)[0]


def signer_titles(body: str) -> tuple[str, ...]:
    """The head's title by the kind of body; the officer corrects it for a deputy (KT.)."""
    lowered = body.casefold()
    for prefix, title_text in (
        ("sở", "Giám đốc"),
        ("ban", "Trưởng ban"),
        ("ủy ban", "Chủ tịch"),
        ("uỷ ban", "Chủ tịch"),
        ("ubnd", "Chủ tịch"),
        ("văn phòng", "Chánh Văn phòng"),
        ("thanh tra", "Chánh Thanh tra"),
    ):
        if lowered.startswith(prefix):
            return (title_text,)
    return ("Thủ trưởng cơ quan",)


def place_date_line(place: str, day: date) -> list[Part]:
    """`Kon Tum, ngày    tháng 01 năm 2025`: the day is left for the clerk who numbers it."""
    where: Part = place if place else Todo(t("todo-place"))
    return [where, f", ngày      tháng {day.month:02d} năm {day.year}"]


def vn_date(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def join_names(names: Sequence[str]) -> str:
    """Agencies in a sentence, separated by commas only: many names hold "và" themselves
    ("Sở Kế hoạch và Đầu tư và Sở Y tế" reads as three bodies)."""
    return ", ".join(names)
