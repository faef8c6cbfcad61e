"""Catalog area: history across periods (the `… qua các kỳ` sheets). Key -> (Vietnamese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "wb-history-period": ("Kỳ {period}", "Period {period}"),
    "wb-history-one": (
        "Mới có số liệu của kỳ {period}; các kỳ sau sẽ hiện bên cạnh khi được tổng hợp.",
        "Only period {period} so far; later periods appear beside it once consolidated.",
    ),
    "wb-history-note": (
        "Kỳ {current} theo lần tổng hợp này; kỳ {earlier} theo lần tổng hợp cuối cùng của "
        "từng kỳ (lưu trong kho dữ liệu kehoach.sqlite). Ô trống: nhiệm vụ hoặc đơn vị "
        "không có trong kỳ đó.",
        "Period {current} as this run found it; {earlier} as each period's latest run left "
        "it (kept in the store kehoach.sqlite). A blank cell: the task or agency was not in "
        "that period.",
    ),
    "wb-history-without-detail": (
        "Kỳ {periods} được tổng hợp bằng phiên bản cũ, chưa lưu số liệu từng nhiệm vụ: chạy "
        "lại kỳ đó (kehoach run --period …) để có ở đây.",
        "Period {periods} was run by an older version that kept no per-task results: run "
        "it again (kehoach run --period …) to see it here.",
    ),
}
