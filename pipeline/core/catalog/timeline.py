"""Catalog area: timelines, overdue, agency phrases. Key -> (Vietnamese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- kinds of timeline, as `kehoach plan` names them -------------------------------------
    "timeline-kind-dated": ("Có thời hạn", "dated"),
    "timeline-kind-recurring": ("Định kỳ", "recurring"),
    "timeline-kind-open-ended": ("Từ một mốc, không có hạn kết thúc", "open-ended"),
    "timeline-kind-standing": ("Thường xuyên", "standing"),
    "timeline-kind-conditional": ("Chờ hướng dẫn, điều kiện", "conditional"),
    "timeline-kind-unread": ("Chưa đọc được", "not read"),
    "timeline-unread-head": (
        "Thời gian thực hiện chưa đọc được (không có hạn, không bao giờ tính quá hạn):",
        "Timelines not read (no due date, never counted overdue):",
    ),
    "timeline-unread-hint": (
        "  Ghi lại theo dạng: Năm 2025 · Quý II/2025 · 6/2025 · Trước ngày 30/6/2025 · "
        "2025-2026 · Hằng năm · Thường xuyên · Từ năm 2025 · Khi có hướng dẫn …",
        "  Write them as: Năm 2025 · Quý II/2025 · 6/2025 · Trước ngày 30/6/2025 · "
        "2025-2026 · Hằng năm · Thường xuyên · Từ năm 2025 · Khi có hướng dẫn …",
    ),
    "timeline-unread-line": ("  nhiệm vụ {task}: '{text}'", "  task {task}: '{text}'"),
    "timeline-unread-blank": ("  nhiệm vụ {task}: (để trống)", "  task {task}: (blank)"),
    # --- overdue, explained where leadership reads the figures -------------------------------
    "overdue-rule-note": (
        "Quá hạn chỉ tính cho nhiệm vụ có thời hạn cụ thể (năm, quý, tháng, ngày) rơi vào hoặc "
        "trước kỳ báo cáo, đã qua hạn tính đến ngày tổng hợp mà đơn vị chủ trì chưa báo cáo "
        "hoàn thành. Nhiệm vụ thường xuyên, hằng năm, định kỳ, không có hạn kết thúc hoặc chờ "
        "hướng dẫn không bao giờ bị tính quá hạn (việc nộp báo cáo được theo dõi riêng). Nhiệm "
        "vụ chưa đơn vị chủ trì nào báo cáo là 'Chưa báo cáo'; nếu đã qua hạn thì được đếm riêng "
        "ở cột 'Chưa báo cáo, đã quá hạn'.",
        "Overdue counts only tasks with a dated deadline (year, quarter, month, day) in or "
        "before the reporting period that has passed on the as-of date while their leads have "
        "not reported them done. Standing, yearly, recurring, open-ended and conditional tasks "
        "are never overdue (their reporting is tracked by submission). A task no lead reported "
        "is 'Chưa báo cáo'; when its deadline has passed it is counted apart in the column "
        "'Chưa báo cáo, đã quá hạn'.",
    ),
}
