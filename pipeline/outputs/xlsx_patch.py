"""Feedback copies made by editing a package instead of re-saving it.

openpyxl needs about 60 ms to load and save a form; at national scale that is most of a run.
A feedback copy only needs a few edits: fills, borders and cloned cell formats in the styles,
a comments part with its VML drawing, and a new first sheet listing the findings. Everything
else stays the agency's, byte for byte. A package shaped in a way this module does not expect
raises `Unexpected`, and the caller takes the openpyxl route.
"""

from __future__ import annotations

import html
import io
import re
import unicodedata
import zipfile
from collections.abc import Sequence

from pipeline.core.cells import column_number
from pipeline.intake.xlsx_formats import sheet_path
from pipeline.outputs.feedback_content import MARK_STYLES, Mark, Page
from pipeline.outputs.feedback_sheet import MAIN, REL, SHEET_NAME, findings_sheet, mark_ids
from pipeline.outputs.feedback_xml import Styles, Unexpected, top_level, xml_text

PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_COMMENTS = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_VML = "application/vnd.openxmlformats-officedocument.vmlDrawing"
COMMENTS = "xl/kehoach-comments1.xml"
VML = "xl/drawings/kehoach-vml1.vml"
FEEDBACK_PART = "xl/worksheets/kehoach-feedback.xml"  # also how a copy is known as ours
# CT_Worksheet's children that come after <legacyDrawing>, in the schema's order.
AFTER_LEGACY_DRAWING = frozenset(
    {
        "legacyDrawingHF",
        "drawingHF",
        "picture",
        "oleObjects",
        "controls",
        "webPublishItems",
        "tableParts",
        "extLst",
    }
)
_CELL = re.compile(r'<c\b[^>]*?\br="([A-Z]{1,3}\d+)"[^>]*?/?>')


def patch(data: bytes, page: Page, marks: Sequence[Mark]) -> bytes:
    """The package with `marks` on its cells and the findings page as its first sheet."""
    try:
        return _patch(data, page, marks)
    except (KeyError, ValueError, zipfile.BadZipFile, UnicodeDecodeError) as exc:
        raise Unexpected(f"{type(exc).__name__}: {exc}") from exc


def _patch(data: bytes, page: Page, marks: Sequence[Mark]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    parts = {info.filename: info for info in source.infolist()}

    def read(name: str) -> str:
        if name not in parts:
            raise Unexpected(name)
        return source.read(parts[name]).decode("utf-8")

    if FEEDBACK_PART in parts:
        raise Unexpected("already a feedback copy")
    styles = Styles(read("xl/styles.xml"))
    changed: dict[str, str] = {}
    added: dict[str, str] = {}
    sheets = {mark.sheet for mark in marks}
    if len(sheets) > 1:
        raise Unexpected("marks on more than one sheet")
    for sheet in sheets:
        path = sheet_path(source, sheet)
        rels_path = f"{path.rsplit('/', 1)[0]}/_rels/{path.rsplit('/', 1)[1]}.rels"
        rels = read(rels_path) if rels_path in parts else _empty_relationships()
        changed[path] = _marked_sheet(read(path), marks, styles)
        rels = _add_relationship(rels, "rIdKhC", f"{REL}/comments", "../kehoach-comments1.xml")
        changed[rels_path] = _add_relationship(
            rels, "rIdKhV", f"{REL}/vmlDrawing", "../drawings/kehoach-vml1.vml"
        )
        added[COMMENTS], added[VML] = _comment_parts(marks)
    for path, xml in list(changed.items()):
        if path.startswith("xl/worksheets/"):
            changed[path] = xml.replace(' tabSelected="1"', "")
    added[FEEDBACK_PART] = findings_sheet(page, styles)
    changed["xl/styles.xml"] = styles.render()
    changed["xl/workbook.xml"] = _workbook_with_feedback(read("xl/workbook.xml"))
    changed["xl/_rels/workbook.xml.rels"] = _add_relationship(
        read("xl/_rels/workbook.xml.rels"),
        "rIdKhFb",
        f"{REL}/worksheet",
        "worksheets/kehoach-feedback.xml",
    )
    changed["[Content_Types].xml"] = _content_types(read("[Content_Types].xml"), bool(marks))
    for path in _other_selected_sheets(source, parts, changed):
        changed[path] = read(path).replace(' tabSelected="1"', "")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, info in parts.items():
            if name in changed:
                target.writestr(_stamped(info), changed[name].encode("utf-8"))
            else:
                target.writestr(info, source.read(info))
        new = {name: xml for name, xml in changed.items() if name not in parts} | added
        for name, xml in new.items():
            target.writestr(_stamped(zipfile.ZipInfo(name)), xml.encode("utf-8"))
    return out.getvalue()


def _stamped(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """A part we write, with a fixed time: the same findings give the same bytes."""
    stamped = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
    stamped.compress_type = zipfile.ZIP_DEFLATED
    return stamped


def _other_selected_sheets(
    source: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo], changed: dict[str, str]
) -> list[str]:
    """Sheets still selected: only the findings page may be, or Excel groups them."""
    return [
        name
        for name in parts
        if name.startswith("xl/worksheets/")
        and name.endswith(".xml")
        and name not in changed
        and b'tabSelected="1"' in source.read(parts[name])
    ]


def _marked_sheet(xml: str, marks: Sequence[Mark], styles: Styles) -> str:
    """The agency's sheet with each marked cell's format cloned with the mark's fill and
    border, and a `<legacyDrawing>` for the comments, where the schema puts it."""
    ids = {name: mark_ids(styles, look) for name, look in MARK_STYLES.items()}
    severity = {mark.ref: mark.severity for mark in marks}
    cloned: dict[tuple[int, str], int] = {}

    def mark(match: re.Match[str]) -> str:
        tag, ref = match.group(0), match.group(1)
        if ref not in severity:
            return tag
        current = re.search(r'\ss="(\d+)"', tag)
        style = int(current.group(1)) if current else 0
        key = (style, severity[ref])
        if key not in cloned:
            cloned[key] = styles.variant(style, **ids[severity[ref]])
        if current:
            return tag[: current.start()] + f' s="{cloned[key]}"' + tag[current.end() :]
        return tag.replace("<c ", f'<c s="{cloned[key]}" ', 1)

    xml = _with_r_namespace(_CELL.sub(mark, xml), "worksheet")  # unwritten cells: comment only
    _, closed, children = top_level(xml, "worksheet")
    if any(child.name in ("legacyDrawing", "legacyDrawingHF") for child in children):
        raise Unexpected("the sheet has a drawing for comments already")
    place = next((c.start for c in children if c.name in AFTER_LEGACY_DRAWING), closed)
    return f'{xml[:place]}<legacyDrawing r:id="rIdKhV"/>{xml[place:]}'


def _ref_parts(ref: str) -> tuple[int, int]:
    match = re.fullmatch(r"([A-Z]{1,3})(\d+)", ref)
    if match is None:
        raise Unexpected(ref)
    return column_number(match.group(1)) - 1, int(match.group(2)) - 1


def _comment_parts(marks: Sequence[Mark]) -> tuple[str, str]:
    comments = "".join(
        f'<comment ref="{mark.ref}" authorId="0"><text><t xml:space="preserve">'
        f"{xml_text(mark.comment)}</t></text></comment>"
        for mark in marks
    )
    shapes = []
    for number, mark in enumerate(marks):
        col, row = _ref_parts(mark.ref)
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


def _empty_relationships() -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{PKG_REL}"></Relationships>'
    )


def _with_r_namespace(xml: str, root_name: str) -> str:
    root = re.search(rf"<{root_name}\b[^>]*>", xml)
    if root is None:
        raise Unexpected(root_name)
    if f'xmlns:r="{REL}"' in root.group(0):
        return xml
    if re.search(r"\sxmlns:r=", root.group(0)):
        raise Unexpected("prefix r is bound to another namespace")
    return xml[: root.end() - 1] + f' xmlns:r="{REL}"' + xml[root.end() - 1 :]


def _add_relationship(xml: str, rid: str, kind: str, target: str) -> str:
    if f'Id="{rid}"' in xml or "</Relationships>" not in xml:
        raise Unexpected(rid)
    entry = f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>'
    return xml.replace("</Relationships>", entry + "</Relationships>", 1)


def _content_types(xml: str, with_comments: bool) -> str:
    additions = f'<Override PartName="/{FEEDBACK_PART}" ContentType="{CT_SHEET}"/>'
    if with_comments:
        if not re.search(r'Extension="vml"', xml, flags=re.I):
            additions += f'<Default Extension="vml" ContentType="{CT_VML}"/>'
        additions += f'<Override PartName="/{COMMENTS}" ContentType="{CT_COMMENTS}"/>'
    if "</Types>" not in xml:
        raise Unexpected("[Content_Types].xml")
    return xml.replace("</Types>", additions + "</Types>", 1)


def _workbook_with_feedback(xml: str) -> str:
    """The findings page first and active; sheet-local names shift by one."""
    ids = [int(n) for n in re.findall(r'<sheet\b[^>]*\bsheetId="(\d+)"', xml)]
    if not ids or "<sheets>" not in xml:
        raise Unexpected("sheets")
    xml = _previous_page_set_aside(xml)
    entry = f'<sheet name="{xml_text(SHEET_NAME)}" sheetId="{max(ids) + 1}" r:id="rIdKhFb"/>'
    xml = _with_r_namespace(xml.replace("<sheets>", "<sheets>" + entry, 1), "workbook")
    xml = re.sub(r'localSheetId="(\d+)"', lambda m: f'localSheetId="{int(m.group(1)) + 1}"', xml)
    view = re.search(r"<workbookView\b[^>]*?/?>", xml)
    if view is not None:
        tag = re.sub(r'\s(?:activeTab|firstSheet)="\d+"', "", view.group(0))
        tag = tag.replace("<workbookView", '<workbookView activeTab="0"', 1)
        xml = xml[: view.start()] + tag + xml[view.end() :]
    return xml


def _sheet_key(name: str) -> str:
    """Excel compares sheet names without case (and a name typed on a Mac may come as NFD)."""
    return unicodedata.normalize("NFC", html.unescape(name)).casefold()


def _previous_page_set_aside(xml: str) -> str:
    """An agency that corrects its feedback copy sends back our findings page with it: that
    page is renamed and hidden, so the workbook does not hold two sheets of one name. "PHẢN
    HỒI" or an NFD "Phản hồi" is the same name to Excel, which would refuse the copy."""
    tags = list(re.finditer(r'<sheet\b[^>]*\bname="([^"]*)"[^>]*?/?>', xml))
    names = {_sheet_key(tag.group(1)) for tag in tags}
    tag = next((t for t in tags if _sheet_key(t.group(1)) == _sheet_key(SHEET_NAME)), None)
    if tag is None:
        return xml
    free = next(
        f"{SHEET_NAME} ({n})"
        for n in range(1, len(names) + 2)
        if _sheet_key(f"{SHEET_NAME} ({n})") not in names
    )
    renamed = re.sub(r'\sstate="[^"]*"', "", tag.group(0))
    renamed = renamed.replace(
        f'name="{tag.group(1)}"', f'name="{xml_text(free)}" state="hidden"', 1
    )
    return xml[: tag.start()] + renamed + xml[tag.end() :]
