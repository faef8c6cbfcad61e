"""Catalog area: settling outcomes and partial acceptance. Key -> (Vietnamese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "outcome-accepted-in-part": ("Chấp nhận một phần", "Accepted in part"),
    "return-accepted-in-part": (
        "Có {n} lỗi; {rows} dòng nhiệm vụ có lỗi không được tính, các dòng còn lại được tính. "
        "Xem trang Kiểm tra và tệp phản hồi.",
        "{n} error(s); {rows} task row(s) with errors are not counted, the other rows are. See "
        "the Kiểm tra sheet and the feedback file.",
    ),
}
