"""Catalog area: Texts inside the workbooks: always Vietnamese, they are the documents themselves. Key -> (Vietnamese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- texts inside the workbooks (Vietnamese: the documents themselves) ----------------------
    "wb-overview-title": (
        "TỔNG HỢP KẾT QUẢ THỰC HIỆN NĂM {period}",
        "IMPLEMENTATION SUMMARY {period}",
    ),
    "wb-overview-dates": (
        "Hạn nộp: {deadline} · Số liệu tính đến: {as_of} · Cơ quan tổng hợp: {receiver}",
        "Deadline: {deadline} · Data as of: {as_of} · Compiled by: {receiver}",
    ),
    "wb-agencies": ("ĐƠN VỊ", "AGENCIES"),
    "wb-tasks": ("NHIỆM VỤ", "TASKS"),
    "wb-count": ("Số lượng", "Count"),
    "wb-expected": ("Số đơn vị phải báo cáo", "Agencies expected to report"),
    "wb-submitted": ("Đã nộp", "Submitted"),
    "wb-on-time": ("Nộp đúng hạn", "On time"),
    "wb-late": ("Nộp muộn", "Late"),
    "wb-missing": ("Chưa nộp", "Missing"),
    "wb-rejected": ("Bị từ chối (có lỗi)", "Rejected (errors)"),
    "wb-task-total": ("Tổng số nhiệm vụ", "Tasks"),
    "wb-overdue": ("Quá hạn", "Overdue"),
    "wb-not-submitted": ("Đơn vị chưa nộp báo cáo ({n})", "Agencies that have not reported ({n})"),
    "wb-code": ("Mã", "Code"),
    "wb-none": ("(không có)", "(none)"),
    "wb-chart-groups": ("Tình trạng nhiệm vụ theo nhóm", "Task status by group"),
    "wb-chart-submission": ("Tình hình nộp báo cáo", "Submission of returns"),
    "wb-chart-agencies": ("Đơn vị", "Agencies"),
    "wb-agency-status": (
        "Đã nộp: {submitted} · Đúng hạn: {on_time} · Kết quả: {outcome} · Lỗi: {errors} · Cảnh báo: {warnings}",
        "Submitted: {submitted} · On time: {on_time} · Outcome: {outcome} · Errors: {errors} · Warnings: {warnings}",
    ),
    "wb-back-to-agencies": ("« Theo đơn vị", "« By agency"),
    "wb-open": ("Xem", "Open"),
    "wb-feedback-file": ("Tệp phản hồi", "Feedback file"),
    "wb-many-agencies": (
        "Kế hoạch có hơn {limit} đơn vị: số liệu từng đơn vị xem ở trang 'Chi tiết' (lọc theo cột 'Mã đơn vị').",
        "The plan has more than {limit} agencies: each agency's rows are on 'Chi tiết' (filter on 'Mã đơn vị').",
    ),
    "wb-saved-in-workbook": ("Thời điểm lưu trong tệp", "Saved time inside the workbook"),
    "wb-saved-file-time": ("Thời điểm sửa tệp", "File modification time"),
    "wb-no-email": ("(chưa có)", "(none yet)"),
    "wb-matrix-title": (
        "Ma trận phân công (C = chủ trì, P = phối hợp)",
        "Assignment matrix (C = lead, P = coordinating)",
    ),
    "wb-fallback-header": ("ô 'Đơn vị báo cáo'", "the 'Đơn vị báo cáo' cell"),
    "wb-fallback-filename": ("tên tệp", "the file name"),
}
