"""Catalog area: `kehoach run`, `check`, `templates` and the other commands' console lines. Key -> (Vietnamese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- run -------------------------------------------------------------------------------
    "progress-read": ("Đang đọc báo cáo", "Reading returns"),
    "run-files": ("Tệp trong inbox: {n} ({detail})", "Files in the inbox: {n} ({detail})"),
    "run-agencies": (
        "Đơn vị: {expected} phải nộp · {submitted} đã nộp ({on_time} đúng hạn, {late} muộn) · "
        "{missing} chưa nộp · {rejected} bị từ chối",
        "Agencies: {expected} expected · {submitted} submitted ({on_time} on time, {late} late) "
        "· {missing} missing · {rejected} rejected",
    ),
    "run-tasks": (
        "Nhiệm vụ: {tasks} · {done} đã hoàn thành · {in_progress} đang thực hiện · {not_started} "
        "chưa thực hiện · {not_reported} chưa báo cáo ({not_reported_overdue} đã qua hạn) · "
        "{overdue} quá hạn",
        "Tasks: {tasks} · {done} done · {in_progress} in progress · {not_started} not started · "
        "{not_reported} not reported ({not_reported_overdue} past their deadline) · "
        "{overdue} overdue",
    ),
    "run-feedback": (
        "Tệp phản hồi cho đơn vị: {n} tệp trong {folder}",
        "Feedback for agencies: {n} file(s) in {folder}",
    ),
    "run-feedback-failed": (
        "Không tạo được tệp phản hồi: {files} (tệp gốc quá lớn hoặc hỏng); các lỗi vẫn có ở trang Kiểm tra.",
        "Feedback could not be written for: {files} (the original is too large or damaged); the findings are on Kiểm tra.",
    ),
    "job-failed": (
        "Lỗi khi xử lý tệp này; các tệp khác không bị ảnh hưởng. Báo lại cho nhóm phát triển.",
        "An error while processing this file; other files were not affected. Please report it.",
    ),
    "run-cut": (
        "{n} ô văn bản vượt giới hạn của Excel (32.767 ký tự) đã bị cắt bớt, cuối ô ghi '…[đã cắt bớt]'; bản đầy đủ ở trang Chi tiết.",
        "{n} text cell(s) over Excel's 32,767-character limit were cut and end in '…[đã cắt bớt]'; the full texts are on Chi tiết.",
    ),
    "as-of-invalid": (
        "--as-of '{value}' không phải là ngày; ghi theo dạng ngày/tháng/năm, ví dụ 20/12/2024.",
        "--as-of '{value}' is not a date; write day/month/year, e.g. 20/12/2024.",
    ),
    "inbox-not-found": (
        "Không thấy thư mục {path}. Chạy lệnh trong thư mục của kế hoạch (có inbox/ và "
        "templates/) hoặc chỉ rõ bằng --inbox THƯ_MỤC.",
        "Folder {path} not found. Run in the plan's folder (with inbox/ and templates/) or name "
        "it with --inbox DIR.",
    ),
    "run-workbook": ("Bảng tổng hợp: {path}", "Consolidated workbook: {path}"),
    "init-created": ("Đã tạo {path}", "Created {path}"),
    "init-next": (
        "Sửa templates/task_matrix.xlsx cho kế hoạch của mình, rồi trong {folder} chạy: kehoach plan",
        "Edit templates/task_matrix.xlsx for your plan, then in {folder} run: kehoach plan",
    ),
    "demo-forms": (
        "Demo: đã sinh biểu mẫu và giả lập báo cáo của các đơn vị.",
        "Demo: forms generated and agency returns simulated.",
    ),
    "demo-libreoffice": (
        "Demo: một báo cáo được lưu lại bằng LibreOffice (.ods).",
        "Demo: one return was re-saved by LibreOffice (.ods).",
    ),
    # `make demo` installs kehoach into .venv without putting it on PATH: the next command an
    # officer types would be "command not found"
    "demo-next": (
        "Tiếp theo: kehoach init THƯ_MỤC. Máy báo không có lệnh kehoach thì gõ .venv/bin/kehoach, "
        "hoặc kích hoạt môi trường trước: source .venv/bin/activate (Windows: "
        ".venv\\Scripts\\activate).",
        "Next: kehoach init FOLDER. If kehoach is not found, type .venv/bin/kehoach, or activate "
        "the environment first: source .venv/bin/activate (Windows: .venv\\Scripts\\activate).",
    ),
    "demo-no-libreoffice": (
        "Demo: không có LibreOffice nên bỏ qua bước lưu lại bằng LibreOffice.",
        "Demo: LibreOffice not installed, the re-save step was skipped.",
    ),
}
