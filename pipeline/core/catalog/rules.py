"""Catalog area: Rules (the form's `Hướng dẫn`) and findings. Key -> (Vietnamese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- rules (Hướng dẫn) and findings ---------------------------------------------------
    "rule-status-missing": (
        "Dòng chủ trì phải có 'Tình trạng'.",
        "A lead row must have a 'Tình trạng'.",
    ),
    "finding-status-missing": (
        "Nhiệm vụ {task} (chủ trì) chưa có 'Tình trạng'. Chọn một tình trạng trong danh sách.",
        "Task {task} (lead) has no 'Tình trạng'. Pick a status from the list.",
    ),
    "rule-status-invalid": (
        "'Tình trạng' phải là một trong ba giá trị của danh sách.",
        "'Tình trạng' must be one of the three listed values.",
    ),
    "finding-status-invalid": (
        "Tình trạng '{value}' không hợp lệ. Chọn: Đã hoàn thành, Đang thực hiện hoặc Chưa thực hiện.",
        "Status '{value}' is not valid. Use Đã hoàn thành, Đang thực hiện or Chưa thực hiện.",
    ),
    "rule-progress-not-number": ("'Tiến độ (%)' phải là số.", "'Tiến độ (%)' must be a number."),
    "finding-progress-not-number": (
        "Tiến độ '{value}' không phải là số. Ghi một số từ 0 đến 100.",
        "Progress '{value}' is not a number. Write a number from 0 to 100.",
    ),
    "rule-progress-out-of-range": (
        "'Tiến độ (%)' nằm trong khoảng 0–100.",
        "'Tiến độ (%)' lies between 0 and 100.",
    ),
    "finding-progress-out-of-range": (
        "Tiến độ {value} nằm ngoài khoảng 0–100. Sửa lại cho đúng.",
        "Progress {value} is outside 0–100. Correct it.",
    ),
    "rule-funding-not-number": (
        "'Kinh phí (triệu đồng)' phải là số.",
        "'Kinh phí (triệu đồng)' must be a number.",
    ),
    "finding-funding-not-number": (
        "Kinh phí '{value}' không phải là số. Ghi số triệu đồng, ví dụ 150 hoặc 12,5.",
        "Funding '{value}' is not a number. Write millions of VND, e.g. 150 or 12.5.",
    ),
    "rule-funding-negative": (
        "'Kinh phí (triệu đồng)' không được âm.",
        "'Kinh phí (triệu đồng)' must not be negative.",
    ),
    "finding-funding-negative": (
        "Kinh phí {value} là số âm. Ghi số tiền đã sử dụng (không âm).",
        "Funding {value} is negative. Write the amount used (not negative).",
    ),
    "rule-date-invalid": (
        "'Thời điểm hoàn thành' phải là ngày (ngày/tháng/năm).",
        "'Thời điểm hoàn thành' must be a date (day/month/year).",
    ),
    "finding-date-invalid": (
        "'{value}' không phải là ngày. Ghi theo dạng ngày/tháng/năm, ví dụ 30/11/2024.",
        "'{value}' is not a date. Write day/month/year, e.g. 30/11/2024.",
    ),
    "rule-task-not-assigned": (
        "Chỉ báo cáo các nhiệm vụ được giao cho đơn vị.",
        "Report only the tasks assigned to the agency.",
    ),
    "finding-task-not-assigned": (
        "Nhiệm vụ '{value}' không được giao cho đơn vị trong kế hoạch. Xóa dòng này hoặc sửa TT.",
        "Task '{value}' is not assigned to this agency. Delete the row or fix the TT.",
    ),
    "rule-task-duplicate": (
        "Mỗi nhiệm vụ chỉ báo cáo một dòng.",
        "Each task is reported on one row.",
    ),
    "finding-task-duplicate": (
        "Nhiệm vụ {value} xuất hiện nhiều lần. Giữ một dòng và xóa các dòng còn lại.",
        "Task {value} appears more than once. Keep one row and delete the others.",
    ),
    "rule-lead-task-missing": (
        "Không được xóa dòng nhiệm vụ chủ trì.",
        "Lead task rows must not be deleted.",
    ),
    "finding-lead-task-missing": (
        "Thiếu dòng nhiệm vụ {task} mà đơn vị chủ trì. Dùng lại biểu mẫu gốc hoặc thêm dòng đó.",
        "The row of lead task {task} is missing. Use the original form or add the row back.",
    ),
    "rule-done-without-result": (
        "'Đã hoàn thành' cần có 'Kết quả thực hiện'.",
        "'Đã hoàn thành' needs a 'Kết quả thực hiện'.",
    ),
    "finding-done-without-result": (
        "Nhiệm vụ {task} đã hoàn thành nhưng chưa ghi kết quả. Bổ sung 'Kết quả thực hiện'.",
        "Task {task} is done but has no result. Fill in 'Kết quả thực hiện'.",
    ),
    "rule-done-progress-below-100": (
        "'Đã hoàn thành' thì tiến độ là 100.",
        "'Đã hoàn thành' means progress 100.",
    ),
    "finding-done-progress-below-100": (
        "Nhiệm vụ {task} đã hoàn thành nhưng tiến độ là {value}. Ghi 100 hoặc đổi tình trạng.",
        "Task {task} is done but progress is {value}. Write 100 or change the status.",
    ),
    "rule-not-started-without-reason": (
        "'Chưa thực hiện' cần nêu lý do ở 'Khó khăn, vướng mắc'.",
        "'Chưa thực hiện' needs a reason in 'Khó khăn, vướng mắc'.",
    ),
    "finding-not-started-without-reason": (
        "Nhiệm vụ {task} chưa thực hiện nhưng chưa nêu lý do. Ghi lý do ở 'Khó khăn, vướng mắc'.",
        "Task {task} is not started but gives no reason. Write it in 'Khó khăn, vướng mắc'.",
    ),
    "rule-progress-100-not-done": (
        "Tiến độ 100 thì tình trạng là 'Đã hoàn thành'.",
        "Progress 100 means 'Đã hoàn thành'.",
    ),
    "finding-progress-100-not-done": (
        "Nhiệm vụ {task} có tiến độ 100 nhưng tình trạng là '{value}'. Kiểm tra lại.",
        "Task {task} has progress 100 but status '{value}'. Check it.",
    ),
    "rule-date-after-report": (
        "Ngày hoàn thành không sau ngày báo cáo.",
        "The completion date is not after the report date.",
    ),
    "finding-date-after-report": (
        "Ngày hoàn thành {value} sau ngày báo cáo {report_date}. Kiểm tra lại ngày.",
        "Completion date {value} is after the report date {report_date}. Check the date.",
    ),
    "rule-prefilled-edited": (
        "Không sửa các cột điền sẵn (Nhóm, TT, Nội dung, Vai trò, Thời gian).",
        "Do not edit the pre-filled columns.",
    ),
    "finding-prefilled-edited": (
        "Ô điền sẵn đã bị sửa ('{value}'; kế hoạch ghi '{expected}'). Số liệu vẫn được tính theo kế hoạch.",
        "A pre-filled cell was edited ('{value}'; the plan says '{expected}'). The plan's text is used.",
    ),
    "rule-text-too-long": (
        "Mỗi ô văn bản tối đa 32.767 ký tự (giới hạn của Excel).",
        "A text cell holds at most 32,767 characters (Excel's limit).",
    ),
    "finding-text-too-long": (
        "Nội dung dài {length} ký tự, vượt giới hạn của Excel; bản tổng hợp bị cắt bớt.",
        "Text of {length} characters exceeds Excel's limit; the summary shows it cut.",
    ),
    "rule-legacy-encoding": (
        "Văn bản gõ bằng phông cũ (TCVN3, VNI) được chuyển sang Unicode.",
        "Text typed in legacy fonts (TCVN3, VNI) is converted to Unicode.",
    ),
    "finding-legacy-encoding": (
        "Văn bản dùng bảng mã {encoding} đã được chuyển sang Unicode ('{value}'). Lần sau dùng phông Unicode (Times New Roman).",
        "Text in {encoding} was converted to Unicode ('{value}'). Next time use a Unicode font (Times New Roman).",
    ),
    "rule-extension-mismatch": (
        "Đuôi tệp phải đúng với định dạng đã lưu (.xlsx, .xls, .ods).",
        "The file name's extension must match the format it was saved in.",
    ),
    "finding-extension-mismatch": (
        "Tệp mang đuôi {extension} nhưng thực chất là tệp {kind}; vẫn đọc được. Lần sau lưu bằng "
        "'Lưu thành' đúng định dạng, không đổi tên đuôi tệp.",
        "The file is named {extension} but is really a {kind} file; it was read anyway. Next time "
        "use 'Save as' with the right format instead of renaming.",
    ),
    "rule-identified-by-fallback": (
        "Biểu mẫu phải giữ trang ẩn '_kehoach' để nhận diện đơn vị.",
        "The form must keep its hidden '_kehoach' sheet.",
    ),
    "finding-identified-by-fallback": (
        "Tệp không có thông tin biểu mẫu; đơn vị được nhận ra từ {source} ('{value}'). Lần sau dùng biểu mẫu được gửi.",
        "The file has no form metadata; the agency was recognised from {source} ('{value}'). Use the form that was sent next time.",
    ),
}
