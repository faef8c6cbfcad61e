"""Feedback copies made by editing the agency's own package instead of re-saving it.

openpyxl needs about 60 ms to load and save a form; at national scale that is most of a run.
Marking cells only needs a few small edits: two fills and cloned cell formats in the styles, a
comments part with its VML drawing, and a new first sheet listing the findings. Anything
unexpected in the package returns None and the caller falls back to openpyxl.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape

from pipeline.core.cells import column_letter
from pipeline.intake.xlsx_formats import sheet_path

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_COMMENTS = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_VML = "application/vnd.openxmlformats-officedocument.vmlDrawing"
COMMENTS = "xl/kehoach-comments1.xml"
VML = "xl/drawings/kehoach-vml1.vml"
FEEDBACK_SHEET = "xl/worksheets/kehoach-feedback.xml"
FILLS = {"error": "FFFFC7CE", "warning": "FFFFEB9C"}
FEEDBACK_SHEET_NAME = "Phản hồi"
_AFTER_LEGACY = re.compile(
    r"<(?:legacyDrawingHF|picture|oleObjects|controls|webPublishItems|"
    r"tableParts|extLst)\b|</worksheet>"
)


class _Unexpected(Exception):
    """The package is not shaped as expected: let openpyxl do it."""


def _ref_parts(ref: str) -> tuple[int, int]:
    match = re.fullmatch(r"([A-Z]{1,3})(\d+)", ref)
    if match is None:
        raise _Unexpected(ref)
    col = 0
    for ch in match.group(1):
        col = col * 26 + ord(ch) - 64
    return col - 1, int(match.group(2)) - 1


def _set_attribute(tag: str, name: str, value: str) -> str:
    if re.search(rf'\b{name}="[^"]*"', tag):
        return re.sub(rf'\b{name}="[^"]*"', f'{name}="{value}"', tag, count=1)
    return tag.replace("<xf", f'<xf {name}="{value}"', 1) if tag.startswith("<xf") else tag


class _Styles:
    """Appends fills, fonts, borders and cell formats to styles.xml."""

    def __init__(self, xml: str) -> None:
        self.xml = xml
        self.xfs = self._items("cellXfs", r"<xf\b[^>]*/>|<xf\b[^>]*>.*?</xf>")
        self.added: dict[str, list[str]] = {"fills": [], "fonts": [], "borders": [], "cellXfs": []}
        self.counts = {
            name: len(
                self._items(
                    name,
                    rf"<{name[:-1]}\b[^>]*/>|"
                    rf"<{name[:-1]}\b[^>]*>.*?</{name[:-1]}>",
                )
            )
            for name in ("fills", "fonts", "borders")
        }

    def _items(self, block: str, pattern: str) -> list[str]:
        match = re.search(rf"<{block}\b[^>]*>(.*?)</{block}>", self.xml, flags=re.S)
        if match is None:
            raise _Unexpected(block)
        return re.findall(pattern, match.group(1), flags=re.S)

    def add(self, block: str, xml: str) -> int:
        self.added[block].append(xml)
        base = len(self.xfs) if block == "cellXfs" else self.counts[block]
        return base + len(self.added[block]) - 1

    def marked(self, style: int, fill: int) -> int:
        """A copy of cell format `style` with `fill`."""
        if style >= len(self.xfs):
            raise _Unexpected(f"style {style}")
        xf = self.xfs[style]
        head = re.match(r"<xf\b[^>]*?(?=/?>)", xf)
        if head is None:
            raise _Unexpected(xf)
        tag = _set_attribute(_set_attribute(head.group(0), "fillId", str(fill)), "applyFill", "1")
        return self.add("cellXfs", tag + xf[head.end() :])

    def render(self) -> str:
        xml = self.xml
        for block, items in self.added.items():
            if not items:
                continue
            match = re.search(rf"<{block}\b([^>]*)>(.*?)</{block}>", xml, flags=re.S)
            assert match is not None
            total = (len(self.xfs) if block == "cellXfs" else self.counts[block]) + len(items)
            attributes = re.sub(r'\bcount="\d+"', f'count="{total}"', match.group(1))
            xml = (
                xml[: match.start()] + f"<{block}{attributes}>{match.group(2)}"
                f"{''.join(items)}</{block}>" + xml[match.end() :]
            )
        return xml


def _comment_parts(notes: dict[str, str]) -> tuple[str, str]:
    comments = "".join(
        f'<comment ref="{ref}" authorId="0"><text><t xml:space="preserve">{escape(text)}'
        "</t></text></comment>"
        for ref, text in notes.items()
    )
    shapes = []
    for number, ref in enumerate(notes):
        col, row = _ref_parts(ref)
        shapes.append(
            f'<v:shape id="_x0000_s{9217 + number}" type="#_x0000_t202" style="position:'
            "absolute;margin-left:60pt;margin-top:2pt;width:220pt;height:90pt;z-index:"
            f'{number + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">'
            '<v:fill color2="#ffffe1"/><v:shadow color="black" obscured="t"/>'
            '<v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto">'
            '<div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note">'
            "<x:MoveWithCells/><x:SizeWithCells/>"
            f"<x:Anchor>{col + 1}, 15, {row}, 2, {col + 4}, 15, {row + 5}, 2</x:Anchor>"
            f"<x:AutoFill>False</x:AutoFill><x:Row>{row}</x:Row><x:Column>{col}</x:Column>"
            "</x:ClientData></v:shape>"
        )
    vml = (
        '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:'
        'office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout '
        'v:ext="edit"><o:idmap v:ext="edit" data="9"/></o:shapelayout><v:shapetype '
        'id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,'
        'xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/>'
        f"</v:shapetype>{''.join(shapes)}</xml>"
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="{MAIN}">'
        f"<authors><author>kehoach</author></authors><commentList>{comments}"
        "</commentList></comments>"
    ), vml


def _feedback_sheet(
    lines: Sequence[str], table: Sequence[Sequence[str]], severities: Sequence[str], styles: _Styles
) -> str:
    font = styles.add("fonts", '<font><sz val="12"/><name val="Times New Roman"/></font>')
    bold = styles.add("fonts", '<font><b/><sz val="12"/><name val="Times New Roman"/></font>')
    big = styles.add("fonts", '<font><b/><sz val="14"/><name val="Times New Roman"/></font>')
    thin = '<left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/>'
    border = styles.add("borders", f"<border>{thin}<diagonal/></border>")
    fills = {
        name: styles.add(
            "fills",
            f'<fill><patternFill patternType="solid"><fgColor '
            f'rgb="{rgb}"/><bgColor indexed="64"/></patternFill></fill>',
        )
        for name, rgb in (*FILLS.items(), ("header", "FFD9E1F2"))
    }

    def xf(font_id: int, border_id: int = 0, fill_id: int = 0) -> int:
        return styles.add(
            "cellXfs",
            f'<xf numFmtId="0" fontId="{font_id}" fillId="{fill_id}" '
            f'borderId="{border_id}" xfId="0" applyFont="1" '
            'applyBorder="1" applyFill="1" applyAlignment="1">'
            '<alignment vertical="top" wrapText="1"/></xf>',
        )

    title, plain, header = xf(big), xf(font, border), xf(bold, border, fills["header"])
    by_severity = {name: xf(font, border, fills[name]) for name in FILLS}
    line_style = [title, xf(bold), xf(font)]
    rows = []
    for number, text in enumerate(lines, start=1):
        rows.append(
            f'<row r="{number}"><c r="A{number}" s="{line_style[number - 1]}" '
            f't="inlineStr"><is><t xml:space="preserve">{escape(text)}</t></is></c></row>'
        )
    first = len(lines) + 2
    for offset, values in enumerate(table):
        row = first + offset
        cells = []
        for col, value in enumerate(values):
            style = (
                header
                if offset == 0
                else (by_severity.get(severities[offset - 1], plain) if col == 1 else plain)
            )
            cells.append(
                f'<c r="{column_letter(col + 1)}{row}" s="{style}" t="inlineStr"><is>'
                f'<t xml:space="preserve">{escape(str(value))}</t></is></c>'
            )
        rows.append(f'<row r="{row}">{"".join(cells)}</row>')
    merges = "".join(f'<mergeCell ref="A{n}:D{n}"/>' for n in range(1, len(lines) + 1))
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}" '
        f'xmlns:r="{REL}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews>'
        f'<sheetView workbookViewId="0" tabSelected="1"><pane ySplit="{first}" '
        f'topLeftCell="A{first + 1}" activePane="bottomLeft" state="frozen"/></sheetView>'
        '</sheetViews><sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="1" '
        'width="18" customWidth="1"/><col min="2" max="2" width="11" customWidth="1"/>'
        '<col min="3" max="3" width="75" customWidth="1"/><col min="4" max="4" width="30" '
        f'customWidth="1"/></cols><sheetData>{"".join(rows)}</sheetData><mergeCells '
        f'count="{len(lines)}">{merges}</mergeCells><pageMargins left="0.4" right="0.4" '
        'top="0.5" bottom="0.5" header="0.3" footer="0.3"/><pageSetup paperSize="9" '
        'orientation="landscape" fitToHeight="0"/></worksheet>'
    )


def patch(
    data: bytes,
    sheet: str,
    marks: dict[str, tuple[str, str]],
    lines: Sequence[str],
    table: Sequence[Sequence[str]],
    severities: Sequence[str],
) -> bytes | None:
    """The package with `marks` (cell -> (severity, comment)) and a first findings sheet."""
    try:
        return _patch(data, sheet, marks, lines, table, severities)
    except (_Unexpected, KeyError, ValueError, zipfile.BadZipFile, UnicodeDecodeError):
        return None


def _patch(
    data: bytes,
    sheet: str,
    marks: dict[str, tuple[str, str]],
    lines: Sequence[str],
    table: Sequence[Sequence[str]],
    severities: Sequence[str],
) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    parts = {info.filename: info for info in source.infolist()}

    def read(name: str) -> str:
        if name not in parts:
            raise _Unexpected(name)
        return source.read(parts[name]).decode("utf-8")

    path = sheet_path(source, sheet)
    sheet_xml = read(path)
    if "<legacyDrawing" in sheet_xml or COMMENTS in parts:
        raise _Unexpected("the sheet has comments already")
    styles = _Styles(read("xl/styles.xml"))
    fills = {
        name: styles.add(
            "fills",
            f'<fill><patternFill patternType="solid"><fgColor '
            f'rgb="{rgb}"/><bgColor indexed="64"/></patternFill></fill>',
        )
        for name, rgb in FILLS.items()
    }
    cloned: dict[tuple[int, str], int] = {}
    for ref, (severity, _) in marks.items():
        cell = re.search(rf'<c r="{ref}"(?=[\s/>])[^>]*?/?>', sheet_xml)
        if cell is None:
            continue  # a cell never written: its comment still marks it
        tag = cell.group(0)
        current = re.search(r'\bs="(\d+)"', tag)
        style = int(current.group(1)) if current else 0
        key = (style, severity)
        if key not in cloned:
            cloned[key] = styles.marked(style, fills[severity])
        new_tag = (
            re.sub(r'\bs="\d+"', f's="{cloned[key]}"', tag)
            if current
            else tag.replace(f'<c r="{ref}"', f'<c r="{ref}" s="{cloned[key]}"', 1)
        )
        sheet_xml = sheet_xml[: cell.start()] + new_tag + sheet_xml[cell.end() :]
    sheet_xml = _with_legacy_drawing(sheet_xml.replace(' tabSelected="1"', ""))
    comments_xml, vml_xml = _comment_parts({ref: text for ref, (_, text) in marks.items()})
    feedback_xml = _feedback_sheet(lines, table, severities, styles)
    changed = {
        path: sheet_xml,
        "xl/styles.xml": styles.render(),
        "xl/workbook.xml": _workbook_with_feedback(read("xl/workbook.xml")),
        "xl/_rels/workbook.xml.rels": _add_relationship(
            read("xl/_rels/workbook.xml.rels"),
            "rIdKhFb",
            f"{REL}/worksheet",
            "worksheets/kehoach-feedback.xml",
        ),
        "[Content_Types].xml": _content_types(read("[Content_Types].xml")),
    }
    rels_path = f"{path.rsplit('/', 1)[0]}/_rels/{path.rsplit('/', 1)[1]}.rels"
    rels = (
        read(rels_path)
        if rels_path in parts
        else (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{PKG_REL}"></Relationships>'
        )
    )
    rels = _add_relationship(rels, "rIdKhC", f"{REL}/comments", "../kehoach-comments1.xml")
    changed[rels_path] = _add_relationship(
        rels, "rIdKhV", f"{REL}/vmlDrawing", "../drawings/kehoach-vml1.vml"
    )
    added = {COMMENTS: comments_xml, VML: vml_xml, FEEDBACK_SHEET: feedback_xml}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, info in parts.items():
            if name in changed:
                target.writestr(name, changed[name].encode("utf-8"))
            else:
                target.writestr(info, source.read(info))
        for name, xml in {**{k: v for k, v in changed.items() if k not in parts}, **added}.items():
            target.writestr(name, xml.encode("utf-8"))
    return out.getvalue()


def _with_r_namespace(xml: str, root_name: str) -> str:
    root = re.search(rf"<{root_name}\b[^>]*>", xml)
    if root is None:
        raise _Unexpected(root_name)
    if f'xmlns:r="{REL}"' in root.group(0):
        return xml
    return xml[: root.end() - 1] + f' xmlns:r="{REL}"' + xml[root.end() - 1 :]


def _with_legacy_drawing(xml: str) -> str:
    xml = _with_r_namespace(xml, "worksheet")
    place = _AFTER_LEGACY.search(xml)
    if place is None:
        raise _Unexpected("end of worksheet")
    return xml[: place.start()] + '<legacyDrawing r:id="rIdKhV"/>' + xml[place.start() :]


def _add_relationship(xml: str, rid: str, kind: str, target: str) -> str:
    if f'Id="{rid}"' in xml:
        raise _Unexpected(rid)
    entry = f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>'
    return xml.replace("</Relationships>", entry + "</Relationships>", 1)


def _content_types(xml: str) -> str:
    additions = ""
    if 'Extension="vml"' not in xml:
        additions += f'<Default Extension="vml" ContentType="{CT_VML}"/>'
    additions += (
        f'<Override PartName="/{COMMENTS}" ContentType="{CT_COMMENTS}"/>'
        f'<Override PartName="/{FEEDBACK_SHEET}" ContentType="{CT_SHEET}"/>'
    )
    return xml.replace("</Types>", additions + "</Types>", 1)


def _workbook_with_feedback(xml: str) -> str:
    """The findings sheet first and active; sheet-local names shift by one."""
    ids = [int(n) for n in re.findall(r'<sheet\b[^>]*\bsheetId="(\d+)"', xml)]
    if not ids or "<sheets>" not in xml:
        raise _Unexpected("sheets")
    name = escape(FEEDBACK_SHEET_NAME, {'"': "&quot;"})
    entry = f'<sheet name="{name}" sheetId="{max(ids) + 1}" r:id="rIdKhFb"/>'
    xml = _with_r_namespace(xml.replace("<sheets>", "<sheets>" + entry, 1), "workbook")
    xml = re.sub(r'localSheetId="(\d+)"', lambda m: f'localSheetId="{int(m.group(1)) + 1}"', xml)
    view = re.search(r"<workbookView\b[^>]*?/?>", xml)
    if view is not None:
        tag = re.sub(r'\s(?:activeTab|firstSheet)="\d+"', "", view.group(0))
        tag = tag.replace("<workbookView", '<workbookView activeTab="0"', 1)
        xml = xml[: view.start()] + tag + xml[view.end() :]
    return xml
