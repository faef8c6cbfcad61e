"""Sentences of the carry-over: the previous period's results on the next period's forms."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # headers of the reference columns (documents are Vietnamese; English for completeness)
    "carryover-col-status": (
        "Kỳ trước ({period}): Tình trạng",
        "Previous period ({period}): status",
    ),
    "carryover-col-progress": (
        "Kỳ trước ({period}): Tiến độ (%)",
        "Previous period ({period}): progress (%)",
    ),
    "carryover-col-result": (
        "Kỳ trước ({period}): Kết quả",
        "Previous period ({period}): result",
    ),
    "carryover-guide-label": ("Kỳ trước ({period})", "Previous period ({period})"),
    "carryover-guide": (
        "Ba cột nền xám bên phải bảng ghi tình trạng, tiến độ và dòng đầu kết quả mà đơn vị "
        "(hoặc đơn vị tiền thân) đã báo cáo kỳ {period}, để đối chiếu và cập nhật vào các cột "
        "của kỳ này; chỉ để tham khảo: không sửa, không được đọc khi tiếp nhận, không in ra.",
        "Three grey columns at the right of the table show the status, progress and first line "
        "of result your agency (or the agency it took over from) reported for {period}, to "
        "update this period's columns from; reference only: not edited, not read on intake, "
        "not printed.",
    ),
    "carryover-summary": (
        "Biểu mẫu có cột tham khảo kết quả kỳ {period} (từ {store}, nơi có kết quả của "
        "{agencies} đơn vị kỳ đó).",
        "The forms show {period} results in reference columns (from {store}, which holds the "
        "results of {agencies} agencies for that period).",
    ),
    "carryover-store-unreadable": (
        "Không đọc được kho dữ liệu {path} để lấy kết quả kỳ trước ({reason}). Sửa hoặc chuyển "
        "tệp này ra chỗ khác rồi chạy lại (khi không có kho, biểu mẫu không có cột kỳ trước).",
        "Cannot read the store {path} for the previous period's results ({reason}). Repair it "
        "or move it elsewhere and run again (without a store, forms have no previous-period "
        "columns).",
    ),
}
