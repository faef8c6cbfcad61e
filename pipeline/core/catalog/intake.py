"""Catalog area: Intake outcomes and their reasons. Key -> (Vietnamese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- intake outcomes (reasons) -----------------------------------------------------------
    "ignored-lock-file": (
        "Tệp khóa tạm của Excel (~$…), không phải báo cáo.",
        "Excel's temporary lock file (~$…), not a return.",
    ),
    "ignored-temp-file": ("Tệp ẩn hoặc tệp tạm, bỏ qua.", "Hidden or temporary file, skipped."),
    "file-empty": (
        "Tệp rỗng (0 byte). Đề nghị đơn vị gửi lại tệp.",
        "The file is empty (0 bytes). Ask the agency to send it again.",
    ),
    "file-too-big": (
        "Tệp quá lớn (giới hạn {mb} MB) hoặc cần quá nhiều bộ nhớ để đọc. Đề nghị đơn vị gửi "
        "lại đúng biểu mẫu.",
        "The file is too large (limit {mb} MB) or needs too much memory to read. Ask the agency "
        "for the original form.",
    ),
    "file-encrypted": (
        "Tệp có đặt mật khẩu. Đề nghị đơn vị gỡ mật khẩu (Tệp › Thông tin › Bảo vệ) rồi gửi lại.",
        "The file is password-protected. Ask the agency to remove the password and resend.",
    ),
    "file-word": (
        "Đây là tệp Word, không phải biểu mẫu Excel. Đề nghị đơn vị gửi tệp .xlsx.",
        "This is a Word file, not the Excel form. Ask the agency for the .xlsx.",
    ),
    "file-legacy-biff": (
        "Tệp Excel đời cũ (Excel 2.x–4.x) không đọc được. Đề nghị đơn vị lưu lại dạng .xlsx.",
        "A very old Excel file (2.x–4.x). Ask the agency to save it as .xlsx.",
    ),
    "file-unsupported-type": (
        "Loại tệp này không được hỗ trợ. Đề nghị đơn vị lưu biểu mẫu dạng .xlsx, .xls hoặc .ods.",
        "This file type is not supported. Ask for the form as .xlsx, .xls or .ods.",
    ),
    "file-html-or-xml": (
        "Tệp là trang web/XML đổi đuôi, không phải bảng tính. Đề nghị đơn vị lưu lại dạng .xlsx.",
        "The file is web page/XML with a spreadsheet name. Ask the agency to save it as .xlsx.",
    ),
    "file-not-spreadsheet": (
        "Tệp không phải là bảng tính Excel/LibreOffice. Đề nghị đơn vị gửi biểu mẫu .xlsx.",
        "The file is not a spreadsheet. Ask the agency for the .xlsx form.",
    ),
    "file-corrupt": (
        "Tệp bị hỏng hoặc không đúng định dạng như tên tệp. Đề nghị đơn vị mở lại và lưu dạng "
        ".xlsx rồi gửi lại.",
        "The file is damaged or not what its name says. Ask the agency to re-save it as .xlsx.",
    ),
    "file-zip-bomb": (
        "Tệp nén bung ra quá lớn (vượt giới hạn an toàn). Đề nghị đơn vị gửi riêng biểu mẫu.",
        "The package expands far beyond the safety limit. Ask the agency for the form alone.",
    ),
    "file-too-many-parts": (
        "Tệp có quá nhiều thành phần bên trong (vượt giới hạn an toàn). Đề nghị gửi lại biểu mẫu.",
        "The file has too many internal parts (safety limit). Ask for the form again.",
    ),
    "file-nested-zip": (
        "Tệp nén nằm trong tệp nén khác: giải nén ra rồi đặt vào inbox.",
        "A zip inside a zip: unpack it into the inbox.",
    ),
    "file-empty-zip": ("Tệp nén không có tệp nào.", "The zip holds no files."),
    "file-timeout": (
        "Đọc tệp quá {limit} giây nên đã dừng (tệp có thể bị hỏng). Đề nghị đơn vị lưu lại .xlsx.",
        "Reading took over {limit} s and was stopped (the file may be damaged). Ask for a re-saved "
        ".xlsx.",
    ),
    "file-crashed-reader": (
        "Tệp làm trình đọc dừng đột ngột (hỏng hoặc cần quá nhiều bộ nhớ). Đề nghị đơn vị lưu "
        "lại dạng .xlsx.",
        "The file crashed the reader (damaged or too memory-hungry). Ask for a re-saved .xlsx.",
    ),
    "file-far-cell": (
        "Trang '{sheet}' có dữ liệu ở ô {cell}, quá xa vùng của biểu mẫu: đọc tệp như vậy cần hàng "
        "trăm MB. Đề nghị đơn vị xóa các ô ở xa đó hoặc lưu lại dạng .xlsx rồi gửi lại.",
        "Sheet '{sheet}' holds data at {cell}, far outside the form: reading such a file takes "
        "hundreds of MB. Ask the agency to delete the far cells or re-save it as .xlsx and resend.",
    ),
    "file-cannot-open": (
        "Không mở được tệp (có thể đang bị khóa).",
        "The file could not be opened (it may be locked).",
    ),
    "file-no-form-table": (
        "Bảng tính đọc được nhưng không có bảng báo cáo (dòng tiêu đề TT, Tình trạng…). Đề nghị "
        "đơn vị dùng biểu mẫu được gửi.",
        "A readable spreadsheet without the report table (header TT, Tình trạng…). Ask the agency "
        "to use the form that was sent.",
    ),
    "return-other-plan": (
        "Biểu mẫu của kế hoạch khác ({found}; đang tổng hợp {expected}).",
        "A form of another plan ({found}; collecting {expected}).",
    ),
    "return-other-period": (
        "Biểu mẫu của kỳ {found}, không phải kỳ {expected}. Đề nghị đơn vị dùng biểu mẫu kỳ này.",
        "A form for period {found}, not {expected}. Ask the agency to use this period's form.",
    ),
    "return-old-form": (
        "Biểu mẫu phiên bản {found} đã được thay bằng phiên bản {expected}. Gửi lại biểu mẫu mới "
        "cho đơn vị.",
        "Form version {found} was replaced by version {expected}. Send the agency the new form.",
    ),
    "return-unknown-agency": (
        "Mã đơn vị '{found}' không có trong danh sách đơn vị.",
        "Agency code '{found}' is not in the registry.",
    ),
    "return-agency-unassigned": (
        "Đơn vị '{found}' không được giao nhiệm vụ nào.",
        "Agency '{found}' has no task in the plan.",
    ),
    "return-unidentified": (
        "Không xác định được đơn vị gửi (không có thông tin biểu mẫu, tên đơn vị hay tên tệp "
        "nhận ra được). Đề nghị đơn vị dùng biểu mẫu được gửi.",
        "The sending agency cannot be identified (no form metadata, agency name or file name "
        "matches). Ask the agency to use the form that was sent.",
    ),
    "return-duplicate-bytes": ("Trùng hoàn toàn với tệp {other}.", "Byte-identical to {other}."),
    "return-duplicate-content": ("Cùng nội dung với tệp {other}.", "Same content as {other}."),
    "return-superseded": (
        "Bị thay bằng tệp {other} lưu lúc {saved} (tệp này lưu lúc {own}); bản lưu sau cùng được tính.",
        "Replaced by {other}, saved {saved} (this one {own}); the last saved return counts.",
    ),
    "return-has-errors": (
        "Có {n} lỗi; xem trang Kiểm tra và tệp phản hồi.",
        "{n} error(s); see the Kiểm tra sheet and the feedback file.",
    ),
    "return-has-warnings": ("Có {n} cảnh báo.", "{n} warning(s)."),
    "return-ok": ("Hợp lệ.", "Valid."),
    "feedback-title": (
        "PHẢN HỒI KẾT QUẢ KIỂM TRA BÁO CÁO — {name}",
        "REVIEW OF YOUR RETURN — {name}",
    ),
    "feedback-outcome": (
        "Tệp {file}: {outcome} ({errors} lỗi, {warnings} cảnh báo).",
        "File {file}: {outcome} ({errors} error(s), {warnings} warning(s)).",
    ),
    "outcome-accepted": ("Chấp nhận", "Accepted"),
    "outcome-accepted-with-warnings": ("Chấp nhận, có cảnh báo", "Accepted with warnings"),
    "outcome-rejected": ("Từ chối", "Rejected"),
    "outcome-superseded": ("Bị thay thế", "Superseded"),
    "outcome-duplicate": ("Trùng lặp", "Duplicate"),
    "outcome-unreadable": ("Không đọc được", "Unreadable"),
    "outcome-ignored": ("Bỏ qua", "Ignored"),
    "severity-error": ("Lỗi", "Error"),
    "severity-warning": ("Cảnh báo", "Warning"),
}
