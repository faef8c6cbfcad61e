"""Sentences for a store of record that cannot be used (attacker's pass)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "store-is-folder": (
        "{path} là một thư mục, không phải kho dữ liệu: đổi tên hoặc chuyển thư mục đó đi "
        "rồi chạy lại.",
        "{path} is a folder, not the store: rename or move that folder away and run again.",
    ),
    "store-unreadable": (
        "Không đọc được kho dữ liệu {path} ({reason}): khôi phục tệp từ bản sao lưu, hoặc "
        "chuyển nó đi để tạo kho mới (mất ngày nhận đã xác nhận và các kỳ đã khóa).",
        "Cannot read the store {path} ({reason}): restore it from a backup, or move it away "
        "to start a new one (confirmed receipt dates and closed periods are lost).",
    ),
    "store-locked": (
        "Kho dữ liệu {path} đang bị chương trình khác (hoặc một lượt chạy khác) giữ: đợi "
        "lượt đó xong hoặc đóng chương trình đó rồi chạy lại.",
        "The store {path} is held by another program (or another run): wait for it to "
        "finish or close that program, then run again.",
    ),
    "store-newer": (
        "Kho dữ liệu {path} do phiên bản kehoach mới hơn ghi (phiên bản kho {version}): cập "
        "nhật kehoach rồi chạy lại; kho không bị thay đổi.",
        "The store {path} was written by a newer kehoach (store version {version}): update "
        "kehoach and run again; the store was not changed.",
    ),
    "store-not-saved": (
        "Bảng tổng hợp và tệp phản hồi đã ghi xong, nhưng kho dữ liệu {path} chưa ghi được kết "
        "quả kỳ này ({reason}): chạy lại khi không còn chương trình nào giữ kho.",
        "The workbook and feedback copies are written, but the store {path} could not take "
        "this period's results ({reason}): run again once no other program holds it.",
    ),
}
