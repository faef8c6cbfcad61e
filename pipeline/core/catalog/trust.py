"""Catalog area: the remaining trust items (issue 12): dates outside the plan, outputs that
are folders, formulas without a saved value. Key -> (Vietnamese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "as-of-outside-plan": (
        "--as-of {day} nằm ngoài thời gian của kế hoạch (năm {years}); chỉ nhận ngày từ {first} "
        "đến {last}. Kiểm tra lại năm đã gõ.",
        "--as-of {day} is outside the plan's years ({years}); only days from {first} to {last} "
        "are taken. Check the year you typed.",
    ),
    "rule-formula-not-saved": (
        "Ô có công thức phải có giá trị đã tính (tệp lưu bằng Excel hoặc LibreOffice).",
        "A formula cell must carry its computed value (a file saved by Excel or LibreOffice).",
    ),
    "rule-name-formula-not-saved": ("Công thức chưa tính", "Formula not computed"),
    "finding-formula-not-saved": (
        "Nhiệm vụ {task}: ô có công thức {value} nhưng tệp chưa lưu giá trị của nó (tệp được ghi "
        "bằng phần mềm không tính công thức), nên chưa biết đơn vị trả lời gì. Mở tệp bằng "
        "Excel, lưu lại rồi gửi lại.",
        "Task {task}: the cell holds the formula {value} but the file has no saved value for it "
        "(written by software that does not compute formulas), so the answer is unknown. Open "
        "the file in Excel, save it again and send it back.",
    ),
    "output-is-folder": (
        "Không ghi được {path}: đó là một thư mục, không phải tệp. Đổi tên hoặc chuyển thư mục "
        "đó đi rồi chạy lại.",
        "Cannot write {path}: it is a folder, not a file. Rename or move that folder and run "
        "again.",
    ),
    "output-disk-full-file": (
        "Ổ đĩa đã đầy; không ghi được {path} (tệp cũ, nếu có, vẫn giữ nguyên). Giải phóng dung "
        "lượng rồi chạy lại.",
        "The disk is full; {path} was not written (the old file, if any, is unchanged). Free some "
        "space and run again.",
    ),
    "output-locked-word": (
        "Không ghi được {path}: tệp đang mở (có thể trong Word). Đóng tệp rồi chạy lại.",
        "Cannot replace {path}: it is open (perhaps in Word). Close it and run again.",
    ),
}
