"""Catalog area: `kehoach import-plan`. Key -> (Vietnamese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- reading the appendix ----------------------------------------------------------------
    "appendix-no-table": (
        "{file}: không thấy bảng phụ lục. Cần một bảng có các cột TT, Nội dung, Đơn vị chủ trì (và thường có Đơn vị phối hợp, Thời gian thực hiện); dòng đầu tiên tìm thấy: {found}.",
        "{file}: no appendix table found. Expected a table with columns TT, Nội dung, Đơn vị chủ trì (usually also Đơn vị phối hợp, Thời gian thực hiện); the first row found: {found}.",
    ),
    "appendix-no-table-empty": (
        "{file}: văn bản không có bảng nào. Cần bảng phụ lục có các cột TT, Nội dung, Đơn vị chủ trì (bảng Word, bảng Markdown | … |, bảng HTML hoặc trang tính).",
        "{file}: the document has no table at all. It needs an appendix table with columns TT, Nội dung, Đơn vị chủ trì (a Word table, a Markdown | … | table, an HTML table or a worksheet).",
    ),
    "appendix-no-tasks": (
        "{file}: bảng phụ lục (cột {header}) không có dòng nhiệm vụ nào (TT là 1, 2, 3… hoặc 1.1, 1.2…); chưa ghi tệp kế hoạch.",
        "{file}: the appendix table (columns {header}) has no task rows (TT 1, 2, 3… or 1.1, 1.2…); no plan workbook was written.",
    ),
    "appendix-unreadable": (
        "Không đọc được {file} ({reason}). Mở tệp và lưu lại (.docx, .xlsx) rồi thử lại.",
        "Cannot read {file} ({reason}). Open it, save it again (.docx, .xlsx) and retry.",
    ),
    "appendix-unsupported": (
        "Không đọc được loại tệp '{suffix}' ({file}); dùng .docx, .md, .txt, .html, .xlsx, .xls hoặc .ods.",
        "Cannot read '{suffix}' files ({file}); use .docx, .md, .txt, .html, .xlsx, .xls or .ods.",
    ),
    "source-not-found": ("Không thấy tệp {path}.", "File {path} not found."),
    "target-exists": (
        "{path} đã có. Thêm --force để ghi đè, hoặc chọn --out khác.",
        "{path} exists. Add --force to overwrite it, or choose another --out.",
    ),
    # --- the agency registry of a new plan ---------------------------------------------------
    "agencies-source-missing": (
        "Không thấy tệp danh sách đơn vị {path}; chỉ rõ bằng --registry TỆP.xlsx hoặc --registry default.",
        "Agency registry {path} not found; name one with --registry FILE.xlsx or --registry default.",
    ),
    "import-registry-other-province": (
        "{file}: kế hoạch do {issuer} ban hành, còn danh sách đơn vị mặc định là của {default}. Chọn danh sách đơn vị: --registry TỆP.xlsx (trang 'Đơn vị', 'Cụm từ' của một tệp kế hoạch) hoặc --registry default để vẫn dùng danh sách mặc định.",
        "{file}: the plan was issued by {issuer}, but the default agency registry is that of {default}. Choose the agencies: --registry FILE.xlsx (the 'Đơn vị' and 'Cụm từ' sheets of a plan workbook) or --registry default to use the default anyway.",
    ),
    "import-registry-issuer-unknown": (
        "{file}: không xác định được cơ quan ban hành kế hoạch, nên không tự dùng danh sách đơn vị mặc định ({default}). Chọn: --registry TỆP.xlsx hoặc --registry default.",
        "{file}: the plan's issuing body could not be told, so the default agency registry ({default}) is not used by itself. Choose: --registry FILE.xlsx or --registry default.",
    ),
    # --- the summary a person checks ---------------------------------------------------------
    "import-summary": (
        "Đã ghi {path}: {groups} nhóm, {tasks} nhiệm vụ, {joined} dòng nối tiếp đã được gộp.",
        "Wrote {path}: {groups} groups, {tasks} tasks, {joined} continuation rows joined.",
    ),
    "import-registry-default": (
        "Danh sách đơn vị: mặc định ({issuer}).",
        "Agency registry: the default ({issuer}).",
    ),
    "import-registry-file": (
        "Danh sách đơn vị: lấy từ {path}.",
        "Agency registry: taken from {path}.",
    ),
    "import-columns-mapped": ("Cột đã nhận: {pairs}.", "Columns mapped: {pairs}."),
    "import-column-pair": ("{field} ← '{header}'", "{field} ← '{header}'"),
    "import-column-missing": (
        "Bảng không có cột '{field}': cột này để trống trong tệp kế hoạch, điền trong Excel.",
        "The table has no '{field}' column: it is left empty in the plan workbook; fill it in Excel.",
    ),
    "import-columns-kept": (
        "Cột không thuộc 5 cột chính, giữ nguyên ở trang 'Nhiệm vụ' (bên phải): {headers}.",
        "Columns not mapped, kept as they are on the 'Nhiệm vụ' sheet (on the right): {headers}.",
    ),
    "import-columns-kept-none": (
        "Cột không thuộc 5 cột chính: không có.",
        "Columns not mapped: none.",
    ),
    "import-columns-empty": (
        "Cột trống, không đưa vào: {headers}.",
        "Empty columns, not imported: {headers}.",
    ),
    "import-renumbered": (
        "Số thứ tự được đánh lại theo mẫu (nhóm I, II…; nhiệm vụ 1, 2…); số in trong văn bản được giữ ở cột '{column}'.",
        "Numbers were assigned anew as the matrix requires (groups I, II…; tasks 1, 2…); the numbers printed in the plan are kept in column '{column}'.",
    ),
    "import-implicit-group": (
        "Các nhiệm vụ đứng trước mọi nhóm được xếp vào nhóm {numeral} '{title}'; sửa tên nhóm trong Excel nếu cần.",
        "Tasks printed before any group were put in group {numeral} '{title}'; rename it in Excel if needed.",
    ),
    "import-other-headings": (
        "Tiêu đề không dùng làm nhóm (chỉ để biết, không đưa vào): {count}",
        "Headings not used as groups (for information, not imported): {count}",
    ),
    "import-skipped": (
        "Dòng không phải nhóm, nhiệm vụ hay dòng nối tiếp, không đưa vào: {count}",
        "Rows that are no group, task or continuation, not imported: {count}",
    ),
    "import-item": ("  {text}", "  {text}"),
    "import-timelines-unread": (
        "Thời gian thực hiện chưa đọc được: {count}",
        "Timelines not read: {count}",
    ),
    "import-timeline-line": ("  nhiệm vụ {task}: '{text}'", "  task {task}: '{text}'"),
    "import-timeline-blank": ("(trống)", "(blank)"),
    "import-unresolved-head": (
        "Tên đơn vị, cụm từ chưa nhận ra: {count}",
        "Agency names and phrases not resolved: {count}",
    ),
    "import-unresolved": (
        "  Nhiệm vụ {task}, cột '{column}': chưa nhận ra '{words}'",
        "  Task {task}, column '{column}': '{words}' is not recognised",
    ),
    "import-settings-missing": (
        "Cần điền ở trang 'Cấu hình': {keys}",
        "To fill in on the 'Cấu hình' sheet: {keys}",
    ),
    "import-next": (
        "Kiểm tra lại rồi chạy: kehoach plan --plan {path}",
        "Review it, then run: kehoach plan --plan {path}",
    ),
}
