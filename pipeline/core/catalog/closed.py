"""Catalog area: a closed period seen by `close` again, `report` and `remind` (issue 13)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "close-already": (
        "Kỳ {period} đã được chốt ngày {closed}; không thay đổi gì ({path} và số liệu lúc chốt "
        "vẫn giữ nguyên). Muốn tính lại: kehoach run --period {period} --reopen.",
        "Period {period} was already closed on {closed}; nothing changed ({path} and the "
        "figures as closed stand). To recompute: kehoach run --period {period} --reopen.",
    ),
    "documents-closed-frozen": (
        "Kỳ {period} đã chốt: văn bản dùng số liệu lúc chốt ngày {closed} (các tệp và ngày nhận "
        "của lần chạy đã chốt, tính đến ngày {as_of}); tệp đến sau, ngày nhận xác nhận sau và "
        "--as-of không làm đổi số liệu. Muốn tính lại: kehoach run --period {period} --reopen.",
        "Period {period} is closed: the documents use the figures as closed on {closed} (the "
        "files and receipt dates of the closed run, counted to {as_of}); later files, receipt "
        "dates confirmed later and --as-of do not change them. To recompute: kehoach run "
        "--period {period} --reopen.",
    ),
    "closed-file-missing": (
        "Kỳ {period} đã chốt ngày {closed} có tính tệp {file}, nhưng tệp này không còn trong "
        "inbox/: đặt lại tệp đó vào inbox/ (từ bản sao lưu) để văn bản đúng số liệu đã chốt, "
        "hoặc mở lại kỳ: kehoach run --period {period} --reopen.",
        "Period {period}, closed on {closed}, counted the file {file}, which is no longer in "
        "inbox/: put it back into inbox/ (from a backup) so the documents keep the closed "
        "figures, or reopen the period: kehoach run --period {period} --reopen.",
    ),
    "closed-file-changed": (
        "Tệp {file} đã thay đổi sau khi kỳ {period} được chốt ngày {closed}: đặt lại bản lúc "
        "chốt vào inbox/ (bản mới lưu với tên khác), hoặc mở lại kỳ: kehoach run --period "
        "{period} --reopen.",
        "The file {file} has changed since period {period} was closed on {closed}: put the "
        "closed version back into inbox/ (save the new one under another name), or reopen the "
        "period: kehoach run --period {period} --reopen.",
    ),
    "closed-mark": (
        "kehoach: đã chốt kỳ {period} ngày {closed}",
        "kehoach: closed period {period} on {closed}",
    ),
    "closed-mark-without-store": (
        "{path} là bảng tổng hợp của kỳ {period} đã chốt ngày {closed}, nhưng kho {store} "
        "không còn dấu chốt của kỳ này (kho bị xóa, thay, hay thư mục được chép thiếu kho). "
        "Bảng không bị ghi đè. Đặt lại kho từ bản sao lưu, hoặc nếu muốn tính lại kỳ này từ "
        "inbox/: kehoach run --period {period} --reopen.",
        "{path} is the workbook of period {period}, closed on {closed}, but the store {store} "
        "has no closure of this period (deleted, replaced, or the folder copied without it). "
        "The workbook is not overwritten. Put the store back from a backup or, to recompute "
        "this period from inbox/: kehoach run --period {period} --reopen.",
    ),
}
