"""Catalog area: Writing outputs, and locations of problems. Key -> (Vietnamese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- outputs -----------------------------------------------------------------------------
    "output-locked": (
        "Không ghi được {path}: tệp đang mở (có thể trong Excel). Đóng tệp rồi chạy lại.",
        "Cannot replace {path}: it is open (perhaps in Excel). Close it and run again.",
    ),
    "output-not-writable": (
        "Không ghi được vào thư mục {path} ({reason}). Kiểm tra quyền ghi của thư mục hoặc chọn "
        "thư mục khác.",
        "Cannot write to folder {path} ({reason}). Check the folder's write permission or choose "
        "another folder.",
    ),
    "internal-error": (
        "Lỗi không mong đợi ({kind}: {detail}). Không có tệp nào bị ghi dở; báo lại cho nhóm phát triển.",
        "Unexpected error ({kind}: {detail}). No file was left half-written; please report it.",
    ),
    # --- locations ---------------------------------------------------------------------------
    "at-file": ("{file}", "{file}"),
    "at-sheet": ("{file}, trang '{sheet}'", "{file}, sheet '{sheet}'"),
    "at-cell": ("{file}, trang '{sheet}', ô {cell}", "{file}, sheet '{sheet}', cell {cell}"),
}
