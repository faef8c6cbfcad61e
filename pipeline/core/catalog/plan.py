"""Catalog area: The plan workbook, `kehoach plan`. Key -> (Vietnamese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- plan workbook -----------------------------------------------------------------------
    "plan-invalid": (
        "Tệp kế hoạch có {count} lỗi; sửa trong Excel rồi chạy lại.",
        "The plan workbook has {count} problem(s); fix them in Excel and run again.",
    ),
    "plan-not-found": (
        "Không thấy tệp kế hoạch {path}. Chạy lệnh trong thư mục có templates/task_matrix.xlsx "
        "hoặc chỉ rõ bằng --plan TỆP.",
        "Plan workbook {path} not found. Run in a folder that has templates/task_matrix.xlsx "
        "or name it with --plan FILE.",
    ),
    "plan-locked": (
        "Không mở được {path}: tệp đang bị khóa (có thể đang mở trong Excel). Đóng tệp rồi chạy lại.",
        "Cannot open {path}: the file is locked (perhaps open in Excel). Close it and run again.",
    ),
    "plan-not-workbook": (
        "{path} không phải là tệp Excel .xlsx đọc được ({reason}). Lưu lại bằng Excel dạng .xlsx.",
        "{path} is not a readable .xlsx workbook ({reason}). Save it from Excel as .xlsx.",
    ),
    "plan-sheet-missing": (
        "Thiếu trang tính '{sheet}' (có: {sheets}). Thêm trang đó hoặc đổi lại tên.",
        "Sheet '{sheet}' is missing (found: {sheets}). Add it or restore its name.",
    ),
    "plan-sheet-empty": (
        "Trang tính '{sheet}' trống; dòng 1 phải là dòng tiêu đề cột.",
        "Sheet '{sheet}' is empty; row 1 must hold the column headers.",
    ),
    "plan-header-missing": (
        "Thiếu cột '{header}' ở dòng tiêu đề (đang có: {found}). Đặt lại đúng tên cột.",
        "Column '{header}' is missing from the header row (found: {found}). Restore its name.",
    ),
    "plan-no-tasks": (
        "Trang tính không có nhiệm vụ nào (TT là số 1, 2, 3…).",
        "The sheet has no tasks (TT numbers 1, 2, 3…).",
    ),
    "agency-code-not-slug": (
        "Mã đơn vị '{code}' phải viết không dấu, chữ thường, số và dấu _ (ví dụ so_y_te).",
        "Agency code '{code}' must be ASCII lower case, digits and _ (e.g. so_y_te).",
    ),
    "agency-code-duplicate": (
        "Mã đơn vị '{code}' bị trùng với dòng {first}. Mỗi đơn vị cần một mã riêng.",
        "Agency code '{code}' duplicates row {first}. Each agency needs its own code.",
    ),
    "agency-kind-unknown": (
        "Loại đơn vị '{kind}' không hợp lệ; dùng một trong: {kinds}.",
        "Agency kind '{kind}' is not valid; use one of: {kinds}.",
    ),
    "alias-shared": (
        "Tên gọi '{name}' dùng cho nhiều đơn vị ({codes}). Mỗi tên gọi chỉ thuộc một đơn vị.",
        "Name '{name}' is used by several agencies ({codes}). A name may belong to one agency.",
    ),
    "phrase-member-unknown": (
        "Cột 'Gồm' có thành phần không biết: {members}. Dùng mã đơn vị, loại đơn vị hoặc cụm từ khác.",
        "Column 'Gồm' has unknown members: {members}. Use agency codes, kinds or other phrases.",
    ),
    "setting-missing": (
        "Thiếu cấu hình '{key}'. Điền giá trị vào trang 'Cấu hình'.",
        "Setting '{key}' is missing. Fill it in on the 'Cấu hình' sheet.",
    ),
    "setting-not-date": (
        "Cấu hình '{key}' = '{value}' không phải ngày; ghi theo dạng dd/mm/yyyy.",
        "Setting '{key}' = '{value}' is not a date; write it as dd/mm/yyyy.",
    ),
    "task-number-missing": (
        "Dòng có nội dung nhưng thiếu TT. Ghi số thứ tự, hoặc gộp nội dung vào nhiệm vụ phía trên.",
        "A row has content but no TT. Give it a number or join its text to the task above.",
    ),
    "task-number-invalid": (
        "TT '{value}' không hợp lệ: nhóm ghi số La Mã (I, II…), nhiệm vụ ghi số (1, 2…).",
        "TT '{value}' is not valid: groups use Roman numerals (I, II…), tasks use numbers.",
    ),
    "task-duplicate": (
        "TT {task} bị trùng (đã có ở ô {first}). Mỗi nhiệm vụ cần một số riêng.",
        "TT {task} is duplicated (already at {first}). Each task needs its own number.",
    ),
    "task-without-group": (
        "Nhiệm vụ {task} đứng trước mọi dòng nhóm (I, II…). Thêm dòng nhóm phía trên.",
        "Task {task} comes before any group row (I, II…). Add a group row above it.",
    ),
    "task-period-unknown": (
        "Nhiệm vụ {task}: '{column}' ghi '{value}', không phải kỳ của kế hoạch (các kỳ: "
        "{periods}). Ghi một kỳ trong danh sách, hoặc để trống (từ kỳ đầu / đến kỳ cuối).",
        "Task {task}: '{column}' says '{value}', which is not a period of the plan (periods: "
        "{periods}). Write one of them, or leave it empty (from the first / to the last).",
    ),
    "task-period-order": (
        "Nhiệm vụ {task}: 'Từ kỳ' {first} sau 'Đến kỳ' {last}. Đổi lại cho đúng thứ tự.",
        "Task {task}: 'Từ kỳ' {first} comes after 'Đến kỳ' {last}. Put them in order.",
    ),
    "task-no-lead": (
        "Nhiệm vụ {task} không có đơn vị chủ trì nào. Ghi tên đơn vị chủ trì.",
        "Task {task} has no lead agency. Name its lead agency.",
    ),
    "agency-words-unknown": (
        "Nhiệm vụ {task}: không nhận ra '{words}'. Thêm vào 'Tên gọi khác' ở trang 'Đơn vị' "
        "hoặc vào trang 'Cụm từ', hoặc sửa chính tả.",
        "Task {task}: '{words}' matches no agency or phrase. Add it to 'Tên gọi khác' on "
        "'Đơn vị' or to 'Cụm từ', or fix the spelling.",
    ),
    "period-not-in-plan": (
        "Kỳ báo cáo {period} không thuộc kế hoạch (các kỳ: {periods}). Sửa 'ky_bao_cao' ở trang "
        "'Cấu hình' hoặc chọn --period khác.",
        "Period {period} is not covered by the plan (periods: {periods}). Edit 'ky_bao_cao' on "
        "'Cấu hình' or choose another --period.",
    ),
    # --- kehoach plan ------------------------------------------------------------------------
    "plan-head": ("Kế hoạch {code}: {title}", "Plan {code}: {title}"),
    "plan-period": (
        "Kỳ báo cáo: {periods} · hạn nộp {deadline} · chốt số liệu {cutoff}",
        "Reporting periods: {periods} · deadline {deadline} · data cutoff {cutoff}",
    ),
    "plan-counts": (
        "{groups} nhóm, {tasks} nhiệm vụ, {agencies} đơn vị nhận biểu mẫu.",
        "{groups} groups, {tasks} tasks, {agencies} agencies get a form.",
    ),
    "plan-leads": ("Chủ trì ({n}): {names}", "Lead ({n}): {names}"),
    "plan-coords": ("Phối hợp ({n}): {names}", "Coordinating ({n}): {names}"),
    "plan-timeline": (
        "Thời gian: {text} → {kind}, hạn {due}",
        "Timeline: {text} → {kind}, due {due}",
    ),
    "plan-task-span": (
        "Thuộc các kỳ {first} – {last} (cột 'Từ kỳ', 'Đến kỳ')",
        "Belongs to periods {first} – {last} ('Từ kỳ', 'Đến kỳ')",
    ),
    "plan-agencies-head": (
        "Đơn vị nhận biểu mẫu ({n}):               chủ trì / phối hợp",
        "Agencies that get a form ({n}):           lead / coordinating",
    ),
    "plan-agency-line": (
        "  {code} {name} {lead:>3} / {coord}",
        "  {code} {name} {lead:>3} / {coord}",
    ),
    "plan-unexpanded-head": (
        "Cụm từ không chỉ rõ đơn vị (không gửi biểu mẫu theo cụm này):",
        "Phrases that name no agency (no form is sent for them):",
    ),
    "plan-unexpanded-line": ("  {phrase} — nhiệm vụ {tasks}", "  {phrase} — tasks {tasks}"),
    "plan-none": ("  (không có)", "  (none)"),
    "plan-matrix-written": (
        "Đã ghi ma trận phân công: {path}",
        "Assignment matrix written: {path}",
    ),
}
