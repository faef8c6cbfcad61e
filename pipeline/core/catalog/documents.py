"""Catalog area: Texts inside the workbooks: always Vietnamese, they are the documents themselves. Key -> (Vietnamese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- texts inside the workbooks (Vietnamese: the documents themselves) ----------------------
    "wb-overview-title": (
        "TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM {period}",
        "IMPLEMENTATION SUMMARY {period}",
    ),
    "wb-overview-dates": (
        "Hạn nộp: {deadline} · Số liệu tính đến: {as_of} · Cơ quan tổng hợp: {receiver}",
        "Deadline: {deadline} · Data as of: {as_of} · Compiled by: {receiver}",
    ),
    "wb-none": ("(không có)", "(none)"),
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
    # --- the leadership workbook on paper (executive page, running headers) -------------------
    "wb-running": ("{plan} · Kỳ {period}", "{plan} · Period {period}"),
    "wb-rates": (
        "Đã báo cáo: {counted}/{expected} đơn vị ({counted_rate}) · Đúng hạn: {on_time}/{expected} "
        "({on_time_rate}) · Nhiệm vụ hoàn thành: {done}/{tasks} ({done_rate})",
        "Reported: {counted}/{expected} agencies ({counted_rate}) · On time: {on_time}/{expected} "
        "({on_time_rate}) · Tasks done: {done}/{tasks} ({done_rate})",
    ),
    "wb-section-submission": ("1. Tình hình nộp báo cáo", "1. Returns"),
    "wb-section-tasks": ("2. Tình trạng nhiệm vụ", "2. Tasks"),
    "wb-section-overdue": ("3. Nhiệm vụ quá hạn ({n})", "3. Overdue tasks ({n})"),
    "wb-chart-groups": ("4. Tình trạng nhiệm vụ theo nhóm", "4. Task status by group"),
    "wb-section-change": ("5. So với kỳ {period}", "5. Compared with period {period}"),
    "wb-col-category": ("Đơn vị", "Agencies"),
    "wb-col-agencies": ("Số đơn vị", "Agencies"),
    "wb-col-rate": ("Tỷ lệ", "Share"),
    "wb-col-names": ("Tên đơn vị", "Names"),
    "wb-col-status": ("Tình trạng", "Status"),
    "wb-col-tasks": ("Số nhiệm vụ", "Tasks"),
    "wb-col-task-numbers": ("Nhiệm vụ (TT)", "Tasks (no.)"),
    "wb-col-task": ("Nhiệm vụ", "Task"),
    "wb-col-due": ("Hạn", "Due"),
    "wb-col-leads": ("Đơn vị chủ trì", "Lead agencies"),
    "wb-col-figure": ("Chỉ tiêu", "Figure"),
    "wb-col-before": ("Kỳ trước", "Before"),
    "wb-col-now": ("Kỳ này", "Now"),
    "wb-col-change": ("Thay đổi", "Change"),
    "wb-cat-on-time": ("Nộp đúng hạn, được chấp nhận", "On time, accepted"),
    "wb-cat-late": ("Nộp muộn, được chấp nhận", "Late, accepted"),
    "wb-cat-rejected": ("Bị từ chối (phải nộp lại)", "Rejected (must resend)"),
    "wb-cat-missing": ("Chưa nộp", "Not submitted"),
    "wb-cat-total": ("Cộng", "Total"),
    "wb-cat-in-part": ("Trong đó: chấp nhận một phần", "Of which accepted in part"),
    "wb-change-counted": ("Đơn vị đã báo cáo", "Agencies reported"),
    "wb-change-on-time": ("Đơn vị nộp đúng hạn", "Agencies on time"),
    "wb-change-done": ("Nhiệm vụ đã hoàn thành", "Tasks done"),
    "wb-change-overdue": ("Nhiệm vụ quá hạn", "Tasks overdue"),
    "wb-and-more": ("và {n} đơn vị khác", "and {n} more"),
    "wb-leads-many": ("{first} và {n} đơn vị khác", "{first} and {n} more"),
    "wb-progress-partial": ("{reported} báo cáo", "{reported} reported"),
}
