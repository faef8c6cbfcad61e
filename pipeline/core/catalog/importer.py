"""Catalog area: `kehoach import-plan`. Key -> (Vietnamese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- import-plan -------------------------------------------------------------------------
    "appendix-no-table": (
        "{file}: không thấy bảng phụ lục. Cần một bảng có các cột TT, Nội dung, Đơn vị chủ trì, "
        "Đơn vị phối hợp, Thời gian thực hiện; dòng đầu tiên tìm thấy: {found}.",
        "{file}: no appendix table found. Expected a table with columns TT, Nội dung, Đơn vị chủ "
        "trì, Đơn vị phối hợp, Thời gian thực hiện; the first row found: {found}.",
    ),
    "appendix-no-tasks": (
        "{file}: bảng phụ lục có tiêu đề nhưng không có dòng nhiệm vụ nào (TT là 1, 2, 3…).",
        "{file}: the appendix table has a header but no task rows (TT 1, 2, 3…).",
    ),
    "appendix-unreadable": (
        "Không đọc được {file} ({reason}). Mở tệp và lưu lại (.docx, .xlsx) rồi thử lại.",
        "Cannot read {file} ({reason}). Open it, save it again (.docx, .xlsx) and retry.",
    ),
    "appendix-unsupported": (
        "Không đọc được loại tệp '{suffix}' ({file}); dùng .docx, .md, .txt, .xlsx, .xls hoặc .ods.",
        "Cannot read '{suffix}' files ({file}); use .docx, .md, .txt, .xlsx, .xls or .ods.",
    ),
    "source-not-found": ("Không thấy tệp {path}.", "File {path} not found."),
    "agencies-source-missing": (
        "Không thấy tệp danh sách đơn vị {path}; chỉ rõ bằng --agencies TỆP.xlsx.",
        "Agency registry {path} not found; name one with --agencies FILE.xlsx.",
    ),
    "target-exists": (
        "{path} đã có. Thêm --force để ghi đè, hoặc chọn --out khác.",
        "{path} exists. Add --force to overwrite it, or choose another --out.",
    ),
}
