"""The findings page's name against sheet names Excel treats as the same one."""

from __future__ import annotations

import re
import unicodedata

import pytest

from pipeline.outputs.xlsx_patch import _workbook_with_feedback

WORKBOOK = (
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="Báo cáo" sheetId="1" r:id="rId1"/>'
    '<sheet name="{name}" sheetId="2" r:id="rId2"/></sheets></workbook>'
)


@pytest.mark.parametrize(
    "existing", ["Phản hồi", "PHẢN HỒI", "phản hồi", unicodedata.normalize("NFD", "Phản hồi")]
)
def test_no_two_sheets_excel_would_call_the_same(existing: str) -> None:
    xml = _workbook_with_feedback(WORKBOOK.format(name=existing))
    names = re.findall(r'<sheet\b[^>]*\bname="([^"]*)"', xml)
    keys = [unicodedata.normalize("NFC", name).casefold() for name in names]
    assert len(set(keys)) == len(keys), names
    assert names[0] == "Phản hồi"
    assert 'name="Phản hồi (1)" state="hidden"' in xml


def test_an_agency_sheet_of_another_name_is_left_alone() -> None:
    xml = _workbook_with_feedback(WORKBOOK.format(name="Sở Y tế's &lt;x&gt;"))
    assert 'name="Sở Y tế\'s &lt;x&gt;" sheetId="2"' in xml
    assert "hidden" not in xml


@pytest.mark.parametrize(
    "written", ["Báo cáo&apos;s &amp; &quot;x&quot;", "Báo cáo's &amp; &quot;x&quot;"]
)
def test_the_marked_sheet_is_found_however_its_name_is_escaped(written: str) -> None:
    import io
    import zipfile

    from pipeline.intake.xlsx_formats import sheet_path

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", WORKBOOK.format(name=written))
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships><Relationship Id="rId2" Target="worksheets/sheet2.xml"/>'
            "</Relationships>",
        )
    with zipfile.ZipFile(buffer) as archive:
        assert sheet_path(archive, 'Báo cáo\'s & "x"') == "xl/worksheets/sheet2.xml"
