"""Catalog area: hostile inbox entries, the run's limits, output sets, identity checks and
command-line usage. Key -> (Vietnamese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- inbox entries that are not ordinary files ---------------------------------------------
    "folder-cannot-open": (
        "Không mở được thư mục này ({detail}); các tệp trong đó chưa được đọc. Cấp quyền đọc "
        "thư mục (hoặc chép các tệp ra inbox) rồi chạy lại.",
        "This folder cannot be opened ({detail}); the files in it were not read. Give read "
        "permission (or copy the files into the inbox) and run again.",
    ),
    "folder-empty": (
        "Thư mục trống: không có tệp nào để đọc.",
        "An empty folder: nothing to read.",
    ),
    "folder-link-loop": (
        "Thư mục liên kết trỏ về một thư mục đã đọc (vòng lặp) hoặc lồng quá sâu; không đọc lại.",
        "A linked folder leads back to a folder already read (a loop) or nests too deep; not "
        "read again.",
    ),
    "folder-is-outbox": (
        "Đây là thư mục kết quả (outbox) của chương trình, không phải báo cáo; bỏ qua.",
        "This is the tool's own output folder (outbox), not returns; skipped.",
    ),
    "file-broken-link": (
        "Liên kết trỏ tới tệp không còn tồn tại. Chép chính tệp báo cáo vào inbox.",
        "A link to a file that no longer exists. Copy the return itself into the inbox.",
    ),
    "file-not-regular": (
        "Không phải tệp thông thường (thiết bị, đường ống hoặc liên kết tới chúng); không đọc. "
        "Chép tệp báo cáo vào inbox.",
        "Not an ordinary file (a device, a pipe, or a link to one); not read. Copy the return "
        "into the inbox.",
    ),
    "file-zip-too-many": (
        "Tệp nén có {n} tệp, nhiều hơn giới hạn {limit} tệp. Giải nén ra rồi chỉ đặt các tệp "
        "báo cáo (.xlsx) vào inbox.",
        "The zip holds {n} files, more than the limit of {limit}. Unpack it and put only the "
        "returns (.xlsx) in the inbox.",
    ),
    "file-zip-encrypted": (
        "Tệp trong tệp nén có đặt mật khẩu. Giải nén bằng mật khẩu đơn vị cung cấp rồi đặt tệp "
        ".xlsx vào inbox.",
        "The file inside the zip is password-protected. Unpack it with the agency's password and "
        "put the .xlsx in the inbox.",
    ),
    "file-other-archive": (
        "Tệp nén RAR/7z không đọc trực tiếp được. Giải nén ra rồi đặt tệp .xlsx vào inbox (hoặc "
        "đề nghị đơn vị gửi thẳng tệp .xlsx).",
        "A RAR/7z archive cannot be read directly. Extract it and put the .xlsx in the inbox (or "
        "ask the agency to send the .xlsx itself).",
    ),
    "file-xml-entities": (
        "Tệp chứa khai báo thực thể XML (DOCTYPE/ENTITY), điều mà Excel không bao giờ ghi: tệp đã "
        "bị sửa bằng công cụ khác nên không đọc. Đề nghị đơn vị mở biểu mẫu bằng Excel, lưu lại "
        "và gửi lại.",
        "The file declares XML entities (DOCTYPE/ENTITY), which Excel never writes: it was edited "
        "by another tool and is not read. Ask the agency to open the form in Excel, save it and "
        "send it again.",
    ),
    "file-out-of-memory": (
        "Đọc tệp cần quá nhiều bộ nhớ (vượt giới hạn an toàn của mỗi tệp) nên đã dừng. Đề nghị "
        "đơn vị gửi lại đúng biểu mẫu, không chèn nội dung quá lớn.",
        "Reading the file needed more memory than the per-file safety limit and was stopped. Ask "
        "the agency for the form itself, without huge contents.",
    ),
    "file-run-budget": (
        "Chưa đọc: thời gian dành cho cả lượt chạy ({limit} giây) đã hết vì các tệp đọc chậm. "
        "Chạy lại, hoặc kiểm tra riêng tệp này bằng kehoach check.",
        "Not read: the run's time budget ({limit} s) was used up by slow files. Run again, or "
        "check this file alone with kehoach check.",
    ),
    # --- outputs as one set -------------------------------------------------------------------
    "output-set-failed": (
        "Không ghi được kết quả vào {folder} ({reason}). Bộ kết quả lần trước vẫn giữ nguyên. "
        "Kiểm tra quyền ghi của thư mục (và tệp không đang mở) rồi chạy lại, hoặc chọn thư mục "
        "khác bằng --outbox.",
        "Could not write the outputs into {folder} ({reason}). The previous set is unchanged. "
        "Check the folder's write permission (and that no file is open) and run again, or "
        "choose another folder with --outbox.",
    ),
    "output-disk-full": (
        "Ổ đĩa chứa {folder} đã đầy; không ghi được kết quả. Bộ kết quả lần trước vẫn giữ "
        "nguyên. Giải phóng dung lượng rồi chạy lại, hoặc chọn thư mục khác bằng --outbox.",
        "The disk holding {folder} is full; the outputs were not written. The previous set is "
        "unchanged. Free some space and run again, or choose another folder with --outbox.",
    ),
    "outbox-inside-inbox": (
        "Thư mục kết quả {outbox} nằm trong thư mục báo cáo {inbox} (hoặc ngược lại): kết quả "
        "sẽ bị đọc như báo cáo. Chọn hai thư mục tách rời (--inbox, --outbox).",
        "The output folder {outbox} is inside the returns folder {inbox} (or the reverse): the "
        "outputs would be read as returns. Choose two separate folders (--inbox, --outbox).",
    ),
    "demo-folder-not-empty": (
        "Thư mục {path} đã có dữ liệu và không phải thư mục demo: demo không xóa thư mục không do "
        "nó tạo ra. Chọn một thư mục trống hoặc chưa có (--dir).",
        "Folder {path} holds data and is not a demo folder: the demo never deletes what it did "
        "not create. Choose an empty or new folder (--dir).",
    ),
    "template-exists": (
        "{path} đã có. Thêm --force để ghi đè (mất phần đã tùy chỉnh), hoặc chọn tệp khác bằng "
        "--template.",
        "{path} exists. Add --force to overwrite it (losing any customisation), or choose another "
        "file with --template.",
    ),
    "check-has-errors": ("Có {n} lỗi, liệt kê dưới đây.", "{n} error(s), listed below."),
    "check-accepted-in-part": (
        "Có {n} lỗi; {rows} dòng nhiệm vụ có lỗi (liệt kê dưới đây) sẽ không được tính.",
        "{n} error(s); {rows} task row(s) with errors (listed below) will not be counted.",
    ),
    # --- check ----------------------------------------------------------------------------------
    "check-nothing": (
        "Không có tệp báo cáo nào trong {paths} để kiểm tra.",
        "There is no return in {paths} to check.",
    ),
    # --- identity and rows (findings) -----------------------------------------------------------
    "rule-name-filename-other-agency": ("Tên tệp của đơn vị khác", "File named for another agency"),
    "rule-name-task-content-mismatch": (
        "TT và nội dung bị đổi chỗ",
        "Task number and content swapped",
    ),
    "rule-name-report-table-twice": ("Hai trang báo cáo", "Two report sheets"),
    "rule-filename-other-agency": (
        "Tên tệp phải là của chính đơn vị gửi.",
        "The file name must be the sending agency's.",
    ),
    "finding-filename-other-agency": (
        "Tên tệp '{value}' chỉ đơn vị {named}, nhưng biểu mẫu bên trong là của {agency}; đã tính "
        "cho {agency}. Kiểm tra đơn vị có gửi nhầm tệp không.",
        "The file name '{value}' names {named}, but the form inside is {agency}'s; counted for "
        "{agency}. Check that the agency sent the right file.",
    ),
    "rule-task-content-mismatch": (
        "Mỗi dòng giữ đúng số TT và nội dung nhiệm vụ điền sẵn của nó.",
        "Each row keeps its pre-filled task number and content together.",
    ),
    "finding-task-content-mismatch": (
        "Dòng nhiệm vụ {task} mang nội dung của nhiệm vụ khác ('{value}'); số TT và nội dung đã "
        "bị đổi chỗ nên dòng này không được tính. Dùng lại biểu mẫu được gửi, không sửa cột điền "
        "sẵn.",
        "The row of task {task} holds another task's content ('{value}'); the number and the "
        "content were swapped, so the row is not counted. Use the form that was sent, without "
        "editing the pre-filled columns.",
    ),
    "rule-report-table-twice": (
        "Tệp chỉ có một trang báo cáo.",
        "The file holds one report sheet only.",
    ),
    "finding-report-table-twice": (
        "Tệp có bảng báo cáo ở nhiều trang ({sheets}); đã đọc trang '{read}'. Xóa các trang "
        "thừa trước khi gửi.",
        "The file has a report table on several sheets ({sheets}); sheet '{read}' was read. "
        "Delete the extra sheets before sending.",
    ),
}
