"""Catalog area: the remaining trust items (issue 12): dates outside the plan, outputs that
are folders, formulas without a saved value. Key -> (Vietnamese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "as-of-outside-plan": (
        "--as-of {day} nằm ngoài thời gian của kế hoạch (năm {years}); chỉ nhận ngày từ {first} "
        "đến {last}. Kiểm tra lại năm đã gõ.",
        "--as-of {day} is outside the plan's years ({years}); only days from {first} to {last} "
        "are taken. Check the year you typed.",
    ),
}
