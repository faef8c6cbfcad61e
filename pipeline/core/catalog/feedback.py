"""Catalog area: the feedback copies agencies receive. Key -> (Vietnamese, English).

Feedback copies are documents, always Vietnamese; the English column is for the console
and for readers of the code. `rule-name-<code>` is the short name of a finding's rule as a
person reads it (the code stays in the copy's last column, for machines).
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "feedback-heading": (
        "Ô|Mức độ|Nhiệm vụ|Vấn đề|Cách sửa|Giá trị đã ghi|Mã lỗi",
        "Cell|Severity|Task|Problem|How to fix|Value written|Code",
    ),
    "feedback-how-to": (
        "Bấm vào địa chỉ ô ở cột 'Ô' để đến ô cần sửa trên trang 'Báo cáo'; mỗi ô đó có ghi chú. "
        "Sửa trực tiếp trong tệp này rồi gửi lại; lỗi phải sửa thì báo cáo mới được tiếp nhận.",
        "Click an address in the 'Ô' column to go to the cell on the 'Báo cáo' sheet; each such "
        "cell carries a comment. Fix them in this file and send it back; errors must be fixed "
        "for the return to be accepted.",
    ),
    "feedback-legend": (
        "Ô có viền liền đậm: LỖI, phải sửa. Ô có viền nét đứt: CẢNH BÁO, nên xem lại.",
        "Thick solid border: ERROR, must be fixed. Dashed border: WARNING, worth a look.",
    ),
    "feedback-not-rebuilt": (
        "Không dựng lại được bản sao để phản hồi ({problem}).",
        "The copy for feedback could not be rebuilt ({problem}).",
    ),
    "feedback-stale-removed": (
        "Đã xóa {n} tệp phản hồi cũ không còn đúng với lần chạy này.",
        "Removed {n} feedback file(s) of earlier runs that no longer apply.",
    ),
    "feedback-whole-file": ("(cả tệp)", "(whole file)"),
    # an Excel page footer: &C centres it, &P is the page, &N the number of pages
    "feedback-footer": ("&CTrang &P/&N", "&CPage &P/&N"),
    # --- rule names, for people ------------------------------------------------------------
    "rule-name-status-missing": ("Thiếu tình trạng", "Status missing"),
    "rule-name-status-invalid": ("Tình trạng không hợp lệ", "Status not valid"),
    "rule-name-progress-not-number": ("Tiến độ không phải là số", "Progress not a number"),
    "rule-name-progress-out-of-range": ("Tiến độ ngoài 0–100", "Progress outside 0–100"),
    "rule-name-funding-not-number": ("Kinh phí không phải là số", "Funding not a number"),
    "rule-name-funding-negative": ("Kinh phí âm", "Negative funding"),
    "rule-name-date-invalid": ("Ngày không hợp lệ", "Date not valid"),
    "rule-name-task-not-assigned": ("Nhiệm vụ không được giao", "Task not assigned"),
    "rule-name-task-duplicate": ("Nhiệm vụ báo cáo hai lần", "Task reported twice"),
    "rule-name-lead-task-missing": ("Thiếu dòng nhiệm vụ chủ trì", "Lead task row missing"),
    "rule-name-done-without-result": (
        "Hoàn thành nhưng chưa ghi kết quả",
        "Done without a result",
    ),
    "rule-name-done-progress-below-100": (
        "Hoàn thành nhưng tiến độ dưới 100",
        "Done with progress under 100",
    ),
    "rule-name-not-started-without-reason": (
        "Chưa thực hiện nhưng chưa nêu lý do",
        "Not started without a reason",
    ),
    "rule-name-progress-100-not-done": (
        "Tiến độ 100 nhưng chưa hoàn thành",
        "Progress 100 but not done",
    ),
    "rule-name-date-after-report": ("Ngày hoàn thành sau ngày báo cáo", "Done after report date"),
    "rule-name-prefilled-edited": ("Ô điền sẵn bị sửa", "Pre-filled cell edited"),
    "rule-name-text-too-long": ("Văn bản quá dài", "Text too long"),
    "rule-name-legacy-encoding": ("Phông chữ cũ (TCVN3, VNI)", "Legacy font encoding"),
    "rule-name-extension-mismatch": ("Đuôi tệp sai định dạng", "Extension does not match"),
    "rule-name-identified-by-fallback": ("Thiếu thông tin biểu mẫu", "Form metadata missing"),
}
