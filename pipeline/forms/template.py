"""The form's look, `templates/agency_report_template.xlsx`, which the officer may restyle.

The generator of agency forms finds its places here by defined names (which Excel moves along
when rows or columns are inserted), never by fixed coordinates.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.contracts.form import FORM_COLUMNS, FORM_SHEET, GUIDE_SHEET
from pipeline.core.files import atomic_path
from pipeline.core.xlsx_style import FONT

# Defined names the generator looks up; each names one cell.
NAMES = {
    "kh_co_quan_chu_quan": "the reporting agency's parent body, top left",
    "kh_ten_don_vi": "the reporting agency's name in capitals, top left",
    "kh_tieu_de": "the report title",
    "kh_ten_ke_hoach": "the plan's title",
    "kh_ky_bao_cao": "period and deadline line",
    "kh_don_vi": "agency name after 'Đơn vị báo cáo:'",
    "kh_ngay_bao_cao": "report date (the agency fills it)",
    "kh_nguoi_lien_he": "contact person (the agency fills it)",
    "kh_dien_thoai": "contact phone (the agency fills it)",
    "kh_email": "contact e-mail (the agency fills it)",
    "kh_bang": "first cell of the table's header row",
    "kh_chu_ky": "signature block, moved below the last table row",
}
INPUT_NAMES = ("kh_ngay_bao_cao", "kh_nguoi_lien_he", "kh_dien_thoai", "kh_email")
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
INPUT_FILL = PatternFill("solid", fgColor="FFF9E5")


def a4_landscape(sheet: Worksheet, header_row: int | None = None) -> None:
    """Print on A4 landscape, one page wide, with the header row on every page (openpyxl)."""
    if header_row is not None:
        sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    if sheet.sheet_properties.pageSetUpPr is not None:
        sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _font(size: float = 12, bold: bool = False, italic: bool = False) -> Font:
    return Font(name=FONT, size=size, bold=bold, italic=italic)


def _name(workbook: Workbook, name: str, cell: str) -> None:
    workbook.defined_names[name] = DefinedName(name, attr_text=f"'{FORM_SHEET}'!{cell}")


def build_template() -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = FORM_SHEET
    last = get_column_letter(len(FORM_COLUMNS))
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center")

    def put(cell: str, value: str, font: Font, align: Alignment = center, merge: str = "") -> None:
        sheet[cell] = value or None
        sheet[cell].font = font
        sheet[cell].alignment = align
        if merge:
            sheet.merge_cells(f"{cell}:{merge}")

    put("A1", "ỦY BAN NHÂN DÂN TỈNH", _font(12), merge="E1")
    put("A2", "TÊN ĐƠN VỊ BÁO CÁO", _font(12, bold=True), merge="E2")
    put("H1", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", _font(12, bold=True), merge=f"{last}1")
    put("H2", "Độc lập - Tự do - Hạnh phúc", _font(13, bold=True), merge=f"{last}2")
    put("A4", "BÁO CÁO KẾT QUẢ THỰC HIỆN", _font(14, bold=True), merge=f"{last}4")
    put("A5", "Tên kế hoạch", _font(13, bold=True), merge=f"{last}5")
    sheet.row_dimensions[5].height = 36
    put("A6", "Kỳ báo cáo · hạn nộp", _font(12, italic=True), merge=f"{last}6")
    right = Alignment(horizontal="right", vertical="center")
    # (label cell, label merged to, label, value cell, value merged to, defined name)
    labels = (
        ("A8", "C8", "Đơn vị báo cáo:", "D8", "I8", "kh_don_vi"),
        ("A9", "C9", "Ngày báo cáo:", "D9", "E9", "kh_ngay_bao_cao"),
        ("A10", "C10", "Người liên hệ:", "D10", "F10", "kh_nguoi_lien_he"),
        ("G10", "H10", "Điện thoại:", "I10", "I10", "kh_dien_thoai"),
        ("J10", "J10", "Email:", "K10", f"{last}10", "kh_email"),
    )
    for label_cell, label_end, label, value_cell, value_end, name in labels:
        put(
            label_cell,
            label,
            _font(12, bold=True),
            right,
            merge=label_end if label_end != label_cell else "",
        )
        put(value_cell, "", _font(12), left, merge=value_end if value_end != value_cell else "")
        if name != "kh_don_vi":
            sheet[value_cell].fill = INPUT_FILL
            sheet[value_cell].border = BOX
        _name(workbook, name, value_cell)
    for name, cell in (
        ("kh_co_quan_chu_quan", "A1"),
        ("kh_ten_don_vi", "A2"),
        ("kh_tieu_de", "A4"),
        ("kh_ten_ke_hoach", "A5"),
        ("kh_ky_bao_cao", "A6"),
    ):
        _name(workbook, name, cell)
    header_row = 12
    for index, column in enumerate(FORM_COLUMNS, start=1):
        letter = get_column_letter(index)
        head = sheet.cell(header_row, index, column.header)
        head.font, head.alignment = _font(12, True), center
        head.border, head.fill = BOX, HEADER_FILL
        sample = sheet.cell(header_row + 1, index)
        sample.font = _font(12)
        sample.border = BOX
        sample.alignment = Alignment(
            vertical="top",
            wrap_text=True,
            horizontal="center" if column.field in ("group", "task", "role", "status") else None,
        )
        if not column.prefilled:
            sample.fill = INPUT_FILL
        sheet.column_dimensions[letter].width = column.width
    sheet.row_dimensions[header_row].height = 32
    _name(workbook, "kh_bang", f"A{header_row}")
    put(
        f"J{header_row + 3}",
        "THỦ TRƯỞNG ĐƠN VỊ\n(Ký tên, đóng dấu)",
        _font(13, bold=True),
        merge=f"{last}{header_row + 3}",
    )
    sheet.row_dimensions[header_row + 3].height = 36
    _name(workbook, "kh_chu_ky", f"J{header_row + 3}")
    guide = workbook.create_sheet(GUIDE_SHEET)
    guide["A1"] = "HƯỚNG DẪN ĐIỀN BIỂU MẪU"
    guide["A1"].font = _font(14, bold=True)
    guide.column_dimensions["A"].width = 28
    guide.column_dimensions["B"].width = 100
    return workbook


def write_template(target: Path) -> None:
    with atomic_path(target) as temporary:
        workbook = build_template()
        workbook.properties.creator = "kehoach"
        workbook.save(temporary)
