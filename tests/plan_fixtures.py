"""A realistic 20-task digital-transformation plan, written out in the layouts plans use.

Every layout is built here from the same data (no binary fixtures), so a test can compare
what `import-plan` read with what was written: groups, tasks, timelines and extra columns.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.shared import Pt

TT_CN = "Sở Thông tin và Truyền thông"
SO_BN = "Các Sở, ban ngành"
HUYEN = "Ủy ban nhân dân các huyện, thành phố"


@dataclass(frozen=True)
class Task:
    content: str
    lead: str
    coord: str
    timeline: str
    product: str
    funding: str


GROUPS: tuple[tuple[str, tuple[Task, ...]], ...] = (
    (
        "Nâng cao nhận thức và hoàn thiện thể chế về chuyển đổi số",
        (
            Task(
                "Tuyên truyền, phổ biến các chủ trương của Đảng, chính sách của Nhà nước về "
                "chuyển đổi số trên các phương tiện thông tin đại chúng",
                TT_CN,
                "Đài Phát thanh và Truyền hình tỉnh, Báo Kon Tum",
                "Thường xuyên",
                "Tin, bài, phóng sự",
                "",
            ),
            Task(
                "Xây dựng, trình ban hành Kế hoạch chuyển đổi số năm 2026 của tỉnh",
                TT_CN,
                SO_BN,
                "Quý IV/2025",
                "Kế hoạch của UBND tỉnh",
                "50",
            ),
            Task(
                "Rà soát, sửa đổi quy chế quản lý, vận hành các hệ thống thông tin dùng chung",
                "Sở Tư pháp",
                "Văn phòng Ủy ban nhân dân tỉnh",
                "Tháng 9/2025",
                "Quyết định của UBND tỉnh",
                "",
            ),
            Task(
                "Tổ chức hưởng ứng Ngày Chuyển đổi số quốc gia 10/10",
                TT_CN,
                f"{SO_BN}, {HUYEN}",
                "Hằng năm",
                "Chuỗi sự kiện hưởng ứng",
                "200",
            ),
            Task(
                "Bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức",
                "Sở Nội vụ",
                TT_CN,
                "2025-2026",
                "1.000 lượt cán bộ được bồi dưỡng",
                "300",
            ),
        ),
    ),
    (
        "Phát triển hạ tầng số và dữ liệu số",
        (
            Task(
                "Nâng cấp Trung tâm dữ liệu của tỉnh",
                TT_CN,
                "Sở Tài chính, Sở Kế hoạch và Đầu tư",
                "Năm 2025",
                "Trung tâm dữ liệu đạt cấp độ 3",
                "5.000",
            ),
            Task(
                "Phủ sóng di động 4G tại các thôn, làng chưa có sóng",
                TT_CN,
                f"Viettel Kon Tum, {HUYEN}",
                "Năm 2025",
                "100% thôn có sóng 4G",
                "",
            ),
            Task(
                "Xây dựng cơ sở dữ liệu đất đai của tỉnh",
                "Sở Tài nguyên và Môi trường",
                HUYEN,
                "Quý II/2026",
                "Cơ sở dữ liệu đất đai",
                "12.000",
            ),
            Task(
                "Xây dựng kho dữ liệu dùng chung và nền tảng chia sẻ dữ liệu cấp tỉnh",
                TT_CN,
                SO_BN,
                "6 tháng đầu năm 2026",
                "Kho dữ liệu dùng chung",
                "3.500",
            ),
            Task(
                "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
                "Văn phòng Ủy ban nhân dân tỉnh",
                f"{SO_BN}, {HUYEN}",
                "Thường xuyên",
                "100% hồ sơ được số hóa",
                "",
            ),
        ),
    ),
    (
        "Phát triển chính quyền số",
        (
            Task(
                "Cung cấp dịch vụ công trực tuyến toàn trình",
                "Văn phòng Ủy ban nhân dân tỉnh",
                SO_BN,
                "Hằng năm",
                "Tỷ lệ hồ sơ trực tuyến đạt 80%",
                "",
            ),
            Task(
                "Triển khai hệ thống báo cáo kinh tế - xã hội của tỉnh",
                "Văn phòng Ủy ban nhân dân tỉnh",
                "Sở Kế hoạch và Đầu tư",
                "Quý III/2025",
                "Hệ thống báo cáo",
                "800",
            ),
            Task(
                "Bảo đảm an toàn thông tin mạng theo mô hình 4 lớp",
                TT_CN,
                "Công an tỉnh",
                "Thường xuyên",
                "Báo cáo đánh giá",
                "",
            ),
            Task(
                "Triển khai chữ ký số cho cán bộ, công chức",
                TT_CN,
                "Sở Nội vụ",
                "Năm 2025",
                "100% lãnh đạo có chữ ký số",
                "",
            ),
            Task(
                "Triển khai Đề án 06 tại các cơ quan, đơn vị",
                "Công an tỉnh",
                f"{SO_BN}, {HUYEN}",
                "2025-2026",
                "Báo cáo sơ kết",
                "",
            ),
        ),
    ),
    (
        "Phát triển kinh tế số và xã hội số",
        (
            Task(
                "Hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số",
                "Sở Kế hoạch và Đầu tư",
                "Sở Công Thương",
                "2025-2027",
                "100 doanh nghiệp được hỗ trợ",
                "1.500",
            ),
            Task(
                "Đưa sản phẩm OCOP lên sàn thương mại điện tử",
                "Sở Công Thương",
                "Sở Nông nghiệp và Phát triển nông thôn",
                "Quý IV/2025",
                "150 sản phẩm trên sàn",
                "",
            ),
            Task(
                "Triển khai hồ sơ sức khỏe điện tử cho người dân",
                "Sở Y tế",
                "Công an tỉnh",
                "Năm 2026",
                "Hồ sơ sức khỏe điện tử",
                "",
            ),
            Task(
                "Chuyển đổi số trong giáo dục và đào tạo",
                "Sở Giáo dục và Đào tạo",
                TT_CN,
                "Hằng năm",
                "Học bạ số",
                "",
            ),
            Task(
                "Phát triển Tổ công nghệ số cộng đồng",
                TT_CN,
                HUYEN,
                "Quý I/2025",
                "Tổ công nghệ số tại 100% thôn",
                "",
            ),
        ),
    ),
)
TASKS: tuple[Task, ...] = tuple(task for _, tasks in GROUPS for task in tasks)
ROMAN = ("I", "II", "III", "IV")
LETTERS = ("A", "B", "C", "D")
BLANK_TIMELINE_TASK = 7  # the layout with a two-row header leaves this timeline blank
SPLIT_TAIL = "hành chính"  # task 10's last words, printed on the next page


def dotted_numbers() -> list[str]:
    return [
        f"{g}.{t}" for g, (_, tasks) in enumerate(GROUPS, start=1) for t in range(1, len(tasks) + 1)
    ]


# --- Word ------------------------------------------------------------------------------------


def _header_block(document: Any, province: str, number: str, place: str) -> None:
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = f"ỦY BAN NHÂN DÂN\nTỈNH {province.upper()}"
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    table.cell(1, 0).text = f"Số: {number}"
    table.cell(1, 1).text = f"{place}, ngày 10 tháng 3 năm 2025"


def _body(document: Any) -> None:
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Chuyển đổi số tỉnh năm 2025")
    document.add_paragraph(
        "Các sở, ban ngành, địa phương định kỳ hằng năm báo cáo kết quả thực hiện về Sở Thông "
        "tin và Truyền thông trước ngày 10/12 để tổng hợp."
    )
    document.add_paragraph("PHỤ LỤC NHIỆM VỤ")


def _bold_text(cell: Any, text: str) -> None:
    cell.text = ""
    run = cell.paragraphs[0].add_run(text)
    run.bold = True
    run.font.size = Pt(13)


def _fill(row: Any, values: list[str]) -> None:
    for cell, value in zip(row.cells, values, strict=True):
        cell.text = value


def docx_roman(path: Path) -> None:
    """Roman groups in merged bold rows; the table split in two, its header reworded on the
    second page; task 10 continues on the first row of the second table."""
    document = docx.Document()
    _header_block(document, "Kon Tum", "45/KH-UBND", "Kon Tum")
    _body(document)
    headers = (
        [
            "STT",
            "Tên nhiệm vụ",
            "Cơ quan, đơn vị chủ trì",
            "Cơ quan phối hợp",
            "Thời hạn hoàn thành",
            "Sản phẩm",
            "Kinh phí (triệu đồng)",
        ],
        [
            "TT",
            "Nội dung nhiệm vụ",
            "Đơn vị chủ trì",
            "Đơn vị phối hợp",
            "Tiến độ thực hiện",
            "Sản phẩm",
            "Kinh phí (triệu đồng)",
        ],
    )
    table = document.add_table(rows=1, cols=7)
    _fill(table.rows[0], headers[0])
    number = 0
    for g, (title, tasks) in enumerate(GROUPS):
        if g == 2:
            document.add_paragraph("(tiếp theo)")
            table = document.add_table(rows=1, cols=7)
            _fill(table.rows[0], headers[1])
            _fill(table.add_row(), ["", SPLIT_TAIL, "", "", "", "", ""])
        row = table.add_row()
        merged = row.cells[0].merge(row.cells[6])
        _bold_text(merged, f"{ROMAN[g]}. {title.upper()}")
        for task in tasks:
            number += 1
            content = task.content.removesuffix(f" {SPLIT_TAIL}") if number == 10 else task.content
            _fill(
                table.add_row(),
                [
                    f"{number}.",
                    content,
                    task.lead,
                    task.coord,
                    task.timeline,
                    task.product,
                    task.funding,
                ],
            )
    document.save(str(path))


def docx_subnumbered(path: Path, province: str = "Gia Lai") -> None:
    """Groups 1–4 in bold rows without agencies, tasks 1.1 … 4.5; an empty `Ghi chú`."""
    document = docx.Document()
    _header_block(document, province, "12/KH-UBND", "Pleiku")
    _body(document)
    table = document.add_table(rows=1, cols=6)
    _fill(
        table.rows[0],
        ["TT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Lộ trình thực hiện", "Ghi chú"],
    )
    labels = iter(dotted_numbers())
    for g, (title, tasks) in enumerate(GROUPS, start=1):
        row = table.add_row()
        _bold_text(row.cells[0], f"{g}.")
        _bold_text(row.cells[1], title)
        for task in tasks:
            _fill(
                table.add_row(),
                [next(labels), task.content, task.lead, task.coord, task.timeline, ""],
            )
    document.save(str(path))


def docx_letters_two_rows(path: Path) -> None:
    """Letter groups A–D; `Đơn vị thực hiện` merged over `Chủ trì | Phối hợp`, the other
    header cells merged down; a row of column numbers; the lead of tasks 1–2 merged down."""
    document = docx.Document()
    _header_block(document, "Kon Tum", "46/KH-UBND", "Kon Tum")
    _body(document)
    table = document.add_table(rows=3, cols=6)
    for col, text in ((0, "TT"), (1, "Nội dung"), (4, "Thời gian hoàn thành"), (5, "Sản phẩm")):
        table.cell(0, col).merge(table.cell(1, col)).text = text
    table.cell(0, 2).merge(table.cell(0, 3)).text = "Đơn vị thực hiện"
    table.cell(1, 2).text, table.cell(1, 3).text = "Chủ trì", "Phối hợp"
    _fill(table.rows[2], [f"({i})" for i in range(1, 7)])
    number = 0
    first_lead: Any = None
    for g, (title, tasks) in enumerate(GROUPS):
        row = table.add_row()
        _bold_text(row.cells[0], LETTERS[g])
        _bold_text(row.cells[1], title)
        for task in tasks:
            number += 1
            timeline = "" if number == BLANK_TIMELINE_TASK else task.timeline
            row = table.add_row()
            _fill(row, [str(number), task.content, task.lead, task.coord, timeline, task.product])
            if number == 1:
                first_lead = row.cells[2]
            if number == 2:  # same lead as task 1: printed once, merged down
                row.cells[2].text = ""
                first_lead.merge(row.cells[2]).text = task.lead
    document.save(str(path))


# --- Markdown, HTML, workbook ----------------------------------------------------------------


def markdown_pipe() -> str:
    """Groups as bold headings without a number; a pipe table with its alignment row."""
    lines = [
        "**UBND TỈNH KON TUM**",
        "",
        "Số: 47/KH-UBND",
        "",
        "Kon Tum, ngày 10 tháng 3 năm 2025",
        "",
        "## KẾ HOẠCH",
        "",
        "Chuyển đổi số tỉnh năm 2025",
        "",
        "Báo cáo kết quả về Sở Thông tin và Truyền thông trước ngày 10/12 hằng năm.",
        "",
        "### PHỤ LỤC",
        "",
        "| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện | "
        "Kết quả dự kiến |",
        "|:---:|---|---|---|:---:|---|",
    ]
    number = 0
    for title, tasks in GROUPS:
        lines.append(f"| | **{title}** | | | | |")
        for task in tasks:
            number += 1
            lines.append(
                f"| {number} | {task.content} | {task.lead} | {task.coord} | "
                f"{task.timeline} | {task.product} |"
            )
    return "\n".join(lines) + "\n"


def html_page() -> str:
    """A saved web page: `th` header cells, group rows spanning the table, a rowspan lead."""
    rows = [
        "<tr><th>TT</th><th>Nội dung công việc</th><th>Đơn vị chủ trì</th>"
        "<th>Đơn vị phối hợp</th><th>Thời gian hoàn thành</th><th>Sản phẩm</th></tr>"
    ]
    number = 0
    for g, (title, tasks) in enumerate(GROUPS):
        rows.append(f"<tr><td colspan='6'><b>{ROMAN[g]}. {title}</b></td></tr>")
        for task in tasks:
            number += 1
            lead = (
                ""
                if number == 2
                else (
                    f"<td rowspan='2'>{task.lead}</td>" if number == 1 else f"<td>{task.lead}</td>"
                )
            )
            rows.append(
                f"<tr><td>{number}</td><td>{task.content}</td>{lead}"
                f"<td>{task.coord}</td><td>{task.timeline}</td>"
                f"<td>{task.product}</td></tr>"
            )
    return (
        "<html><body><p>ỦY BAN NHÂN DÂN TỈNH KON TUM</p><p>Số: 48/KH-UBND</p>"
        "<p>Kon Tum, ngày 10 tháng 3 năm 2025</p><p>KẾ HOẠCH</p>"
        "<p>Chuyển đổi số tỉnh năm 2025</p><table>" + "".join(rows) + "</table></body></html>"
    )


XLSX_HEADERS = [
    "TT",
    "Nội dung",
    "Đơn vị chủ trì",
    "Đơn vị phối hợp",
    "Tiến độ thực hiện",
    "Sản phẩm",
    "Kinh phí",
    "Chỉ tiêu đánh giá",
]


def xlsx_plan(path: Path) -> None:
    """A workbook: title rows above the table, bold Roman group rows, an extra column."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["ỦY BAN NHÂN DÂN TỈNH KON TUM"])
    sheet.append(["Kon Tum, ngày 10 tháng 3 năm 2025"])
    sheet.append(["PHỤ LỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2025"])
    sheet.append(XLSX_HEADERS)
    number = 0
    for g, (title, tasks) in enumerate(GROUPS):
        sheet.append([ROMAN[g], title])
        for cell in sheet[sheet.max_row][:2]:
            cell.font = Font(bold=True)
        for task in tasks:
            number += 1
            sheet.append(
                [
                    number,
                    task.content,
                    task.lead,
                    task.coord,
                    task.timeline,
                    task.product,
                    task.funding,
                    f"Chỉ tiêu {number}",
                ]
            )
    workbook.save(path)
