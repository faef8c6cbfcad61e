"""The findings page (`Phản hồi`), drawn one way for every feedback copy.

It is written as worksheet XML into whatever package the copy is made from — the agency's
own, one rebuilt from .xls/.ods, or one re-saved by openpyxl — with its formats appended to
that package's styles. Every value is an inline string: nothing an agency wrote can become a
formula or a link. Each finding's cell address links to the cell (an internal hyperlink).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from pipeline.contracts.form import ERROR
from pipeline.core.catalog import t
from pipeline.core.cells import column_letter
from pipeline.outputs.feedback_content import MARK_STYLES, MarkStyle, Page
from pipeline.outputs.feedback_xml import Styles, xml_text

SHEET_NAME = "Phản hồi"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WIDTHS = (14, 10, 30, 22, 52, 20, 16)  # the `feedback-heading` columns
FONT = "Times New Roman"
LINE_HEIGHT = 15.75  # points per line of 12 pt text
CHARS_PER_WIDTH = 1.2  # of 12 pt Times New Roman per unit of width (LibreOffice fits ~1.4)


def font(size: int = 12, *, bold: bool = False, italic: bool = False, link: bool = False) -> str:
    looks = ("<b/>" if bold else "") + ("<i/>" if italic else "")
    looks += '<u/><color rgb="FF0563C1"/>' if link else ""
    return f'<font>{looks}<sz val="{size}"/><name val="{FONT}"/></font>'


def fill(rgb: str, pattern: str = "solid") -> str:
    return (
        f'<fill><patternFill patternType="{pattern}"><fgColor rgb="{rgb}"/>'
        '<bgColor indexed="64"/></patternFill></fill>'
    )


def box(style: str, rgb: str = "FF000000") -> str:
    side = f'style="{style}"><color rgb="{rgb}"/>'
    return (
        f"<border><left {side}</left><right {side}</right><top {side}</top>"
        f"<bottom {side}</bottom><diagonal/></border>"
    )


def mark_ids(styles: Styles, look: MarkStyle) -> dict[str, int]:
    """The fill and border ids of a mark in this package's styles."""
    return {
        "fill": styles.add("fills", fill(look.fill, look.pattern)),
        "border": styles.add("borders", box(look.border, look.border_color)),
    }


def _xf(styles: Styles, font_id: int, border: int = 0, fill_id: int = 0, wrap: bool = True) -> int:
    wrapped = ' wrapText="1"' if wrap else ""
    alignment = f'<alignment vertical="top"{wrapped}/>'
    return styles.add(
        "cellXfs",
        f'<xf numFmtId="0" fontId="{font_id}" fillId="{fill_id}" borderId="{border}" xfId="0" '
        f'applyFont="1" applyBorder="1" applyFill="1" applyAlignment="1">{alignment}</xf>',
    )


def _cell(ref: str, style: int, text: str) -> str:
    return (
        f'<c r="{ref}" s="{style}" t="inlineStr"><is><t xml:space="preserve">'
        f"{xml_text(text)}</t></is></c>"
    )


def _lines(text: str, width: float) -> int:
    """How many lines `text` wraps to in a column `width` wide (12 pt Times New Roman)."""
    per_line = max(1, int(width * CHARS_PER_WIDTH))
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def _height(texts: Sequence[str], widths: Sequence[float]) -> float:
    """Excel and LibreOffice do not always grow a row to its wrapped text when they open a
    file (never for merged cells): each row gets the height of its longest cell."""
    lines = max(
        (_lines(text, width) for text, width in zip(texts, widths, strict=False)), default=1
    )
    return LINE_HEIGHT * lines + 3


def location(sheet: str, ref: str) -> str:
    """An internal link target: 'Báo cáo'!G14."""
    quoted = sheet.replace("'", "''")
    return f"'{quoted}'!{ref}"


def findings_sheet(page: Page, styles: Styles) -> str:
    """The worksheet XML of the findings page; its formats are added to `styles`."""
    thin = styles.add("borders", box("thin"))
    plain_font = styles.add("fonts", font())
    title = _xf(styles, styles.add("fonts", font(14, bold=True)), wrap=False)
    line = _xf(styles, styles.add("fonts", font(italic=True)))
    header_fill = styles.add("fills", fill("FFD9E1F2"))
    header = _xf(styles, styles.add("fonts", font(bold=True)), thin, header_fill)
    plain = _xf(styles, plain_font, thin)
    link = _xf(styles, styles.add("fonts", font(link=True)), thin)
    severity = {
        name: _xf(styles, styles.add("fonts", font(bold=name == ERROR)), ids["border"], ids["fill"])
        for name, ids in ((n, mark_ids(styles, look)) for n, look in MARK_STYLES.items())
    }
    last = column_letter(len(page.heading))
    rows = [f'<row r="1" ht="24" customHeight="1">{_cell("A1", title, page.title)}</row>']
    for number, text in enumerate(page.lines, start=2):
        rows.append(
            f'<row r="{number}" ht="{_height([text], [sum(WIDTHS)]):g}" customHeight="1">'
            f"{_cell(f'A{number}', line, text)}</row>"
        )
    first = len(page.lines) + 3
    cells = "".join(
        _cell(f"{column_letter(col)}{first}", header, text)
        for col, text in enumerate(page.heading, start=1)
    )
    height = _height(page.heading, WIDTHS)
    rows.append(f'<row r="{first}" ht="{height:g}" customHeight="1">{cells}</row>')
    links = []
    for number, finding in enumerate(page.rows, start=first + 1):
        cells = ""
        for col, text in enumerate(finding.cells, start=1):
            ref = f"{column_letter(col)}{number}"
            style = plain
            if col == 1 and finding.target_ref:
                style = link
                target = location(finding.target_sheet, finding.target_ref)
                links.append(
                    f'<hyperlink ref="{ref}" location="{xml_text(target)}" '
                    f'display="{xml_text(text)}"/>'
                )
            elif col == 2:
                style = severity.get(finding.severity, plain)
            cells += _cell(ref, style, text)
        height = _height(finding.cells, WIDTHS)
        rows.append(f'<row r="{number}" ht="{height:g}" customHeight="1">{cells}</row>')
    columns = "".join(
        f'<col min="{n}" max="{n}" width="{w}" customWidth="1"/>'
        for n, w in enumerate(WIDTHS[: len(page.heading)], start=1)
    )
    merges = "".join(f'<mergeCell ref="A{n}:{last}{n}"/>' for n in range(2, first - 1))
    hyperlinks = f"<hyperlinks>{''.join(links)}</hyperlinks>" if links else ""
    footer = xml_text(t("feedback-footer"))
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}" '
        f'xmlns:r="{REL}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
        f'<dimension ref="A1:{last}{max(first, first + len(page.rows))}"/><sheetViews>'
        f'<sheetView workbookViewId="0" tabSelected="1"><pane ySplit="{first}" '
        f'topLeftCell="A{first + 1}" activePane="bottomLeft" state="frozen"/></sheetView>'
        f'</sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>{columns}</cols>'
        f"<sheetData>{''.join(rows)}</sheetData>"
        f'<mergeCells count="{first - 3}">{merges}</mergeCells>{hyperlinks}'
        '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.6" header="0.3" footer="0.3"/>'
        '<pageSetup paperSize="9" orientation="landscape" fitToHeight="0"/>'
        f"<headerFooter><oddFooter>{footer}</oddFooter></headerFooter></worksheet>"
    )
