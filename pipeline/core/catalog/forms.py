"""Catalog area: The agency form. Key -> (Vietnamese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- forms -------------------------------------------------------------------------------
    "form-period-line": (
        "Kỳ báo cáo: năm {period} (số liệu tính đến hết ngày {cutoff}) · Hạn gửi {receiver}: "
        "ngày {deadline}",
        "Period: {period} (data up to {cutoff}) · Deadline to {receiver}: {deadline}",
    ),
    "template-not-found": (
        "Không thấy mẫu biểu {path}. Tạo lại bằng: kehoach make-template",
        "Form template {path} not found. Recreate it with: kehoach make-template",
    ),
    "template-unreadable": (
        "Không đọc được mẫu biểu {path} ({reason}). Lưu lại bằng Excel dạng .xlsx hoặc tạo lại "
        "bằng: kehoach make-template --force",
        "Cannot read form template {path} ({reason}). Save it from Excel as .xlsx or recreate it "
        "with: kehoach make-template --force",
    ),
    "template-marker-missing": (
        "Mẫu biểu thiếu vị trí '{name}' (tên vùng hoặc dòng tiêu đề bảng có các cột TT, Tình "
        "trạng…). Khôi phục tên vùng trong Excel (Công thức › Quản lý tên) hoặc tạo lại mẫu.",
        "The form template lacks '{name}' (a defined name, or a table header row with TT, Tình "
        "trạng…). Restore the name in Excel (Formulas › Name Manager) or recreate the template.",
    ),
    "progress-forms": ("Đang sinh biểu mẫu", "Writing forms"),
    "template-written": ("Đã ghi mẫu biểu: {path}", "Form template written: {path}"),
    "agency-unknown": (
        "Không có đơn vị mã {codes} trong trang 'Đơn vị' (ví dụ mã hợp lệ: {known}…).",
        "No agency with code {codes} on the 'Đơn vị' sheet (valid codes include: {known}…).",
    ),
    "agency-unassigned": (
        "Đơn vị {codes} không được giao nhiệm vụ nào trong kế hoạch nên không có biểu mẫu.",
        "Agency {codes} has no task in the plan, so it gets no form.",
    ),
    "sendlist-title": (
        "DANH SÁCH GỬI BIỂU MẪU BÁO CÁO NĂM {period}",
        "FORMS TO SEND, PERIOD {period}",
    ),
    "templates-summary": (
        "Đã ghi {count} biểu mẫu kỳ {period} vào {folder}\nDanh sách gửi: {sendlist}",
        "Wrote {count} form(s) for period {period} to {folder}\nSend list: {sendlist}",
    ),
    "dv-status-title": ("Tình trạng", "Status"),
    "dv-status-prompt": (
        "Chọn trong danh sách: Đã hoàn thành, Đang thực hiện, Chưa thực hiện.",
        "Pick one: Đã hoàn thành, Đang thực hiện, Chưa thực hiện.",
    ),
    "dv-status-error": (
        "Chỉ chọn một trong ba tình trạng: Đã hoàn thành, Đang thực hiện, Chưa thực hiện.",
        "Choose one of the three statuses.",
    ),
    "dv-progress-title": ("Tiến độ (%)", "Progress (%)"),
    "dv-progress-prompt": (
        "Nhập một số từ 0 đến 100, không kèm dấu % (ví dụ 75).",
        "Type a number from 0 to 100 without % (e.g. 75).",
    ),
    "dv-progress-error": (
        "Tiến độ phải là số từ 0 đến 100.",
        "Progress must be a number from 0 to 100.",
    ),
    "dv-date-title": ("Ngày", "Date"),
    "dv-date-prompt": (
        "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 30/11/2024.",
        "Type a date as day/month/year, e.g. 30/11/2024.",
    ),
    "dv-date-error": (
        "Giá trị phải là một ngày (ngày/tháng/năm).",
        "The value must be a date (day/month/year).",
    ),
    "dv-funding-title": ("Kinh phí (triệu đồng)", "Funding (million VND)"),
    "dv-funding-prompt": (
        "Nhập số tiền bằng triệu đồng, không âm (ví dụ 150 hoặc 12,5).",
        "Type the amount in million VND, not negative (e.g. 150 or 12.5).",
    ),
    "dv-funding-error": (
        "Kinh phí phải là số không âm, đơn vị triệu đồng.",
        "Funding must be a non-negative number, in million VND.",
    ),
    "guide-title": ("HƯỚNG DẪN ĐIỀN BIỂU MẪU", "HOW TO FILL IN THE FORM"),
    "guide-intro": (
        "Mỗi dòng của trang 'Báo cáo' là một nhiệm vụ đơn vị được giao trong kế hoạch: các dòng "
        "'Chủ trì' trước, 'Phối hợp' sau. Chỉ điền vào các ô nền vàng; các cột đã điền sẵn được "
        "khóa. Có thể kéo giãn chiều cao dòng để nhìn hết nội dung. Không đổi tên, xóa hay thêm "
        "trang tính; lưu tệp dạng .xlsx (hoặc .xls, .ods) và gửi lại nguyên tệp.",
        "Each row of the 'Báo cáo' sheet is a task assigned to your agency: lead tasks first, "
        "then coordinating ones. Fill in only the yellow cells; pre-filled columns are locked. "
        "Rows may be made taller. Do not rename, delete or add sheets; save and send back the "
        "whole file.",
    ),
    "guide-columns": ("CÁC CỘT", "COLUMNS"),
    "guide-prefilled": ("(Điền sẵn, không sửa.)", "(Pre-filled, do not edit.)"),
    "guide-input": ("(Đơn vị điền.)", "(Your agency fills it in.)"),
    "guide-statuses": ("TÌNH TRẠNG ĐƯỢC CHỌN", "ALLOWED STATUSES"),
    "guide-errors": ("LỖI — BÁO CÁO BỊ TRẢ LẠI", "ERRORS — THE RETURN IS SENT BACK"),
    "guide-warnings": ("CẢNH BÁO — BÁO CÁO VẪN ĐƯỢC TIẾP NHẬN", "WARNINGS — THE RETURN IS KEPT"),
    "guide-outro": (
        "Nếu báo cáo có lỗi, đơn vị sẽ nhận lại tệp có đánh dấu ô cần sửa; sửa và gửi lại "
        "chính tệp đó.",
        "If the return has errors, your agency gets the file back with the cells to fix marked; "
        "fix them and send that file back.",
    ),
    "guide-col-group": (
        "Nhóm nhiệm vụ (số La Mã) theo phụ lục kế hoạch.",
        "Task group (Roman numeral) as in the plan's appendix.",
    ),
    "guide-col-task": ("Số thứ tự nhiệm vụ trong phụ lục.", "Task number in the appendix."),
    "guide-col-content": (
        "Nội dung nhiệm vụ như trong kế hoạch.",
        "The task as the plan states it.",
    ),
    "guide-col-role": ("Chủ trì hoặc Phối hợp.", "Chủ trì (lead) or Phối hợp (coordinating)."),
    "guide-col-timeline": ("Thời gian thực hiện theo kế hoạch.", "The plan's timeline."),
    "guide-col-status": (
        "Bắt buộc với nhiệm vụ chủ trì; chọn trong danh sách thả xuống.",
        "Required for lead tasks; pick from the drop-down list.",
    ),
    "guide-col-progress": ("Số từ 0 đến 100, không kèm %.", "A number from 0 to 100, without %."),
    "guide-col-done-date": (
        "Ngày hoàn thành (ngày/tháng/năm), điền khi đã hoàn thành.",
        "Completion date (day/month/year), when done.",
    ),
    "guide-col-result": (
        "Kết quả cụ thể: văn bản đã ban hành, số liệu, sản phẩm. Cần có khi đã hoàn thành.",
        "Concrete results: documents issued, figures, products. Required when done.",
    ),
    "guide-col-difficulty": (
        "Khó khăn, vướng mắc; cần nêu lý do khi chưa thực hiện.",
        "Difficulties; give the reason when not started.",
    ),
    "guide-col-proposal": ("Đề xuất, kiến nghị với cấp trên.", "Proposals to higher levels."),
    "guide-col-funding": (
        "Kinh phí đã sử dụng, đơn vị triệu đồng, không âm.",
        "Funds used, in million VND, not negative.",
    ),
    "guide-col-note": ("Ghi chú khác.", "Other notes."),
}
