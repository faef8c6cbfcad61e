"""Every user-facing sentence, in Vietnamese and English. Code never builds sentences itself."""

from __future__ import annotations

from typing import Any

from pipeline.errors import Problem

LANGS = ("vi", "en")

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
    "plan-timeline": ("Thời gian: {text} → {kind}, hạn {due}", "Timeline: {text} → {kind}, due {due}"),
    "plan-agencies-head": (
        "Đơn vị nhận biểu mẫu ({n}):               chủ trì / phối hợp",
        "Agencies that get a form ({n}):           lead / coordinating",
    ),
    "plan-agency-line": ("  {code} {name} {lead:>3} / {coord}", "  {code} {name} {lead:>3} / {coord}"),
    "plan-unexpanded-head": (
        "Cụm từ không chỉ rõ đơn vị (không gửi biểu mẫu theo cụm này):",
        "Phrases that name no agency (no form is sent for them):",
    ),
    "plan-unexpanded-line": ("  {phrase} — nhiệm vụ {tasks}", "  {phrase} — tasks {tasks}"),
    "plan-timeline-unknown-head": (
        "Thời gian thực hiện không đọc được:", "Timelines that could not be read:"),
    "plan-timeline-unknown-line": ("  nhiệm vụ {task}: '{text}'", "  task {task}: '{text}'"),
    "plan-none": ("  (không có)", "  (none)"),
    "plan-matrix-written": ("Đã ghi ma trận phân công: {path}", "Assignment matrix written: {path}"),
    "import-summary": (
        "Đã ghi {path}: {groups} nhóm, {tasks} nhiệm vụ, {joined} dòng nối tiếp đã được gộp.",
        "Wrote {path}: {groups} groups, {tasks} tasks, {joined} continuation rows joined.",
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
    # --- forms -------------------------------------------------------------------------------
    "form-period-line": (
        "Kỳ báo cáo: năm {period} (số liệu tính đến hết ngày {cutoff}) · Hạn gửi {receiver}: "
        "ngày {deadline}",
        "Period: {period} (data up to {cutoff}) · Deadline to {receiver}: {deadline}",
    ),
    "template-not-found": (
        "Không thấy mẫu biểu {path}. Tạo lại bằng: kehoach make-template",
        "Form template {path} not found. Recreate it with: kehoach make-template",
    ),
    "template-unreadable": (
        "Không đọc được mẫu biểu {path} ({reason}). Lưu lại bằng Excel dạng .xlsx hoặc tạo lại "
        "bằng: kehoach make-template --force",
        "Cannot read form template {path} ({reason}). Save it from Excel as .xlsx or recreate it "
        "with: kehoach make-template --force",
    ),
    "template-marker-missing": (
        "Mẫu biểu thiếu vị trí '{name}' (tên vùng hoặc dòng tiêu đề bảng có các cột TT, Tình "
        "trạng…). Khôi phục tên vùng trong Excel (Công thức › Quản lý tên) hoặc tạo lại mẫu.",
        "The form template lacks '{name}' (a defined name, or a table header row with TT, Tình "
        "trạng…). Restore the name in Excel (Formulas › Name Manager) or recreate the template.",
    ),
    "progress-forms": ("Đang sinh biểu mẫu", "Writing forms"),
    "template-written": ("Đã ghi mẫu biểu: {path}", "Form template written: {path}"),
    "agency-unknown": (
        "Không có đơn vị mã {codes} trong trang 'Đơn vị' (ví dụ mã hợp lệ: {known}…).",
        "No agency with code {codes} on the 'Đơn vị' sheet (valid codes include: {known}…).",
    ),
    "agency-unassigned": (
        "Đơn vị {codes} không được giao nhiệm vụ nào trong kế hoạch nên không có biểu mẫu.",
        "Agency {codes} has no task in the plan, so it gets no form.",
    ),
    "sendlist-title": ("DANH SÁCH GỬI BIỂU MẪU BÁO CÁO NĂM {period}",
                       "FORMS TO SEND, PERIOD {period}"),
    "templates-summary": (
        "Đã ghi {count} biểu mẫu kỳ {period} vào {folder}\nDanh sách gửi: {sendlist}",
        "Wrote {count} forms for period {period} to {folder}\nSend list: {sendlist}",
    ),
    "dv-status-title": ("Tình trạng", "Status"),
    "dv-status-prompt": (
        "Chọn trong danh sách: Đã hoàn thành, Đang thực hiện, Chưa thực hiện.",
        "Pick one: Đã hoàn thành, Đang thực hiện, Chưa thực hiện.",
    ),
    "dv-status-error": (
        "Chỉ chọn một trong ba tình trạng: Đã hoàn thành, Đang thực hiện, Chưa thực hiện.",
        "Choose one of the three statuses.",
    ),
    "dv-progress-title": ("Tiến độ (%)", "Progress (%)"),
    "dv-progress-prompt": (
        "Nhập một số từ 0 đến 100, không kèm dấu % (ví dụ 75).",
        "Type a number from 0 to 100 without % (e.g. 75).",
    ),
    "dv-progress-error": ("Tiến độ phải là số từ 0 đến 100.",
                          "Progress must be a number from 0 to 100."),
    "dv-date-title": ("Ngày", "Date"),
    "dv-date-prompt": ("Nhập ngày theo dạng ngày/tháng/năm, ví dụ 30/11/2024.",
                       "Type a date as day/month/year, e.g. 30/11/2024."),
    "dv-date-error": ("Giá trị phải là một ngày (ngày/tháng/năm).",
                      "The value must be a date (day/month/year)."),
    "dv-funding-title": ("Kinh phí (triệu đồng)", "Funding (million VND)"),
    "dv-funding-prompt": (
        "Nhập số tiền bằng triệu đồng, không âm (ví dụ 150 hoặc 12,5).",
        "Type the amount in million VND, not negative (e.g. 150 or 12.5).",
    ),
    "dv-funding-error": ("Kinh phí phải là số không âm, đơn vị triệu đồng.",
                         "Funding must be a non-negative number, in million VND."),
    "guide-title": ("HƯỚNG DẪN ĐIỀN BIỂU MẪU", "HOW TO FILL IN THE FORM"),
    "guide-intro": (
        "Mỗi dòng của trang 'Báo cáo' là một nhiệm vụ đơn vị được giao trong kế hoạch: các dòng "
        "'Chủ trì' trước, 'Phối hợp' sau. Chỉ điền vào các ô nền vàng; các cột đã điền sẵn được "
        "khóa. Có thể kéo giãn chiều cao dòng để nhìn hết nội dung. Không đổi tên, xóa hay thêm "
        "trang tính; lưu tệp dạng .xlsx (hoặc .xls, .ods) và gửi lại nguyên tệp.",
        "Each row of the 'Báo cáo' sheet is a task assigned to your agency: lead tasks first, "
        "then coordinating ones. Fill in only the yellow cells; pre-filled columns are locked. "
        "Rows may be made taller. Do not rename, delete or add sheets; save and send back the "
        "whole file.",
    ),
    "guide-columns": ("CÁC CỘT", "COLUMNS"),
    "guide-prefilled": ("(Điền sẵn, không sửa.)", "(Pre-filled, do not edit.)"),
    "guide-input": ("(Đơn vị điền.)", "(Your agency fills it in.)"),
    "guide-statuses": ("TÌNH TRẠNG ĐƯỢC CHỌN", "ALLOWED STATUSES"),
    "guide-errors": ("LỖI — BÁO CÁO BỊ TRẢ LẠI", "ERRORS — THE RETURN IS SENT BACK"),
    "guide-warnings": ("CẢNH BÁO — BÁO CÁO VẪN ĐƯỢC TIẾP NHẬN", "WARNINGS — THE RETURN IS KEPT"),
    "guide-outro": (
        "Nếu báo cáo có lỗi, đơn vị sẽ nhận lại tệp có đánh dấu ô cần sửa; sửa và gửi lại "
        "chính tệp đó.",
        "If the return has errors, your agency gets the file back with the cells to fix marked; "
        "fix them and send that file back.",
    ),
    "guide-col-group": ("Nhóm nhiệm vụ (số La Mã) theo phụ lục kế hoạch.",
                        "Task group (Roman numeral) as in the plan's appendix."),
    "guide-col-task": ("Số thứ tự nhiệm vụ trong phụ lục.", "Task number in the appendix."),
    "guide-col-content": ("Nội dung nhiệm vụ như trong kế hoạch.", "The task as the plan states it."),
    "guide-col-role": ("Chủ trì hoặc Phối hợp.", "Chủ trì (lead) or Phối hợp (coordinating)."),
    "guide-col-timeline": ("Thời gian thực hiện theo kế hoạch.", "The plan's timeline."),
    "guide-col-status": (
        "Bắt buộc với nhiệm vụ chủ trì; chọn trong danh sách thả xuống.",
        "Required for lead tasks; pick from the drop-down list.",
    ),
    "guide-col-progress": ("Số từ 0 đến 100, không kèm %.", "A number from 0 to 100, without %."),
    "guide-col-done-date": (
        "Ngày hoàn thành (ngày/tháng/năm), điền khi đã hoàn thành.",
        "Completion date (day/month/year), when done.",
    ),
    "guide-col-result": (
        "Kết quả cụ thể: văn bản đã ban hành, số liệu, sản phẩm. Cần có khi đã hoàn thành.",
        "Concrete results: documents issued, figures, products. Required when done.",
    ),
    "guide-col-difficulty": (
        "Khó khăn, vướng mắc; cần nêu lý do khi chưa thực hiện.",
        "Difficulties; give the reason when not started.",
    ),
    "guide-col-proposal": ("Đề xuất, kiến nghị với cấp trên.", "Proposals to higher levels."),
    "guide-col-funding": ("Kinh phí đã sử dụng, đơn vị triệu đồng, không âm.",
                          "Funds used, in million VND, not negative."),
    "guide-col-note": ("Ghi chú khác.", "Other notes."),
    # --- rules (Hướng dẫn) and findings ---------------------------------------------------
    "rule-status-missing": ("Dòng chủ trì phải có 'Tình trạng'.", "A lead row must have a 'Tình trạng'."),
    "finding-status-missing": (
        "Nhiệm vụ {task} (chủ trì) chưa có 'Tình trạng'. Chọn một tình trạng trong danh sách.",
        "Task {task} (lead) has no 'Tình trạng'. Pick a status from the list.",
    ),
    "rule-status-invalid": ("'Tình trạng' phải là một trong ba giá trị của danh sách.", "'Tình trạng' must be one of the three listed values."),
    "finding-status-invalid": (
        "Tình trạng '{value}' không hợp lệ. Chọn: Đã hoàn thành, Đang thực hiện hoặc Chưa thực hiện.",
        "Status '{value}' is not valid. Use Đã hoàn thành, Đang thực hiện or Chưa thực hiện.",
    ),
    "rule-progress-not-number": ("'Tiến độ (%)' phải là số.", "'Tiến độ (%)' must be a number."),
    "finding-progress-not-number": (
        "Tiến độ '{value}' không phải là số. Ghi một số từ 0 đến 100.",
        "Progress '{value}' is not a number. Write a number from 0 to 100.",
    ),
    "rule-progress-out-of-range": ("'Tiến độ (%)' nằm trong khoảng 0–100.", "'Tiến độ (%)' lies between 0 and 100."),
    "finding-progress-out-of-range": (
        'Tiến độ {value} nằm ngoài khoảng 0–100. Sửa lại cho đúng.',
        'Progress {value} is outside 0–100. Correct it.',
    ),
    "rule-funding-not-number": ("'Kinh phí (triệu đồng)' phải là số.", "'Kinh phí (triệu đồng)' must be a number."),
    "finding-funding-not-number": (
        "Kinh phí '{value}' không phải là số. Ghi số triệu đồng, ví dụ 150 hoặc 12,5.",
        "Funding '{value}' is not a number. Write millions of VND, e.g. 150 or 12.5.",
    ),
    "rule-funding-negative": ("'Kinh phí (triệu đồng)' không được âm.", "'Kinh phí (triệu đồng)' must not be negative."),
    "finding-funding-negative": (
        'Kinh phí {value} là số âm. Ghi số tiền đã sử dụng (không âm).',
        'Funding {value} is negative. Write the amount used (not negative).',
    ),
    "rule-date-invalid": ("'Thời điểm hoàn thành' phải là ngày (ngày/tháng/năm).", "'Thời điểm hoàn thành' must be a date (day/month/year)."),
    "finding-date-invalid": (
        "'{value}' không phải là ngày. Ghi theo dạng ngày/tháng/năm, ví dụ 30/11/2024.",
        "'{value}' is not a date. Write day/month/year, e.g. 30/11/2024.",
    ),
    "rule-task-not-assigned": ('Chỉ báo cáo các nhiệm vụ được giao cho đơn vị.', 'Report only the tasks assigned to the agency.'),
    "finding-task-not-assigned": (
        "Nhiệm vụ '{value}' không được giao cho đơn vị trong kế hoạch. Xóa dòng này hoặc sửa TT.",
        "Task '{value}' is not assigned to this agency. Delete the row or fix the TT.",
    ),
    "rule-task-duplicate": ('Mỗi nhiệm vụ chỉ báo cáo một dòng.', 'Each task is reported on one row.'),
    "finding-task-duplicate": (
        'Nhiệm vụ {value} xuất hiện nhiều lần. Giữ một dòng và xóa các dòng còn lại.',
        'Task {value} appears more than once. Keep one row and delete the others.',
    ),
    "rule-lead-task-missing": ('Không được xóa dòng nhiệm vụ chủ trì.', 'Lead task rows must not be deleted.'),
    "finding-lead-task-missing": (
        'Thiếu dòng nhiệm vụ {task} mà đơn vị chủ trì. Dùng lại biểu mẫu gốc hoặc thêm dòng đó.',
        'The row of lead task {task} is missing. Use the original form or add the row back.',
    ),
    "rule-done-without-result": ("'Đã hoàn thành' cần có 'Kết quả thực hiện'.", "'Đã hoàn thành' needs a 'Kết quả thực hiện'."),
    "finding-done-without-result": (
        "Nhiệm vụ {task} đã hoàn thành nhưng chưa ghi kết quả. Bổ sung 'Kết quả thực hiện'.",
        "Task {task} is done but has no result. Fill in 'Kết quả thực hiện'.",
    ),
    "rule-done-progress-below-100": ("'Đã hoàn thành' thì tiến độ là 100.", "'Đã hoàn thành' means progress 100."),
    "finding-done-progress-below-100": (
        'Nhiệm vụ {task} đã hoàn thành nhưng tiến độ là {value}. Ghi 100 hoặc đổi tình trạng.',
        'Task {task} is done but progress is {value}. Write 100 or change the status.',
    ),
    "rule-not-started-without-reason": ("'Chưa thực hiện' cần nêu lý do ở 'Khó khăn, vướng mắc'.", "'Chưa thực hiện' needs a reason in 'Khó khăn, vướng mắc'."),
    "finding-not-started-without-reason": (
        "Nhiệm vụ {task} chưa thực hiện nhưng chưa nêu lý do. Ghi lý do ở 'Khó khăn, vướng mắc'.",
        "Task {task} is not started but gives no reason. Write it in 'Khó khăn, vướng mắc'.",
    ),
    "rule-progress-100-not-done": ("Tiến độ 100 thì tình trạng là 'Đã hoàn thành'.", "Progress 100 means 'Đã hoàn thành'."),
    "finding-progress-100-not-done": (
        "Nhiệm vụ {task} có tiến độ 100 nhưng tình trạng là '{value}'. Kiểm tra lại.",
        "Task {task} has progress 100 but status '{value}'. Check it.",
    ),
    "rule-date-after-report": ('Ngày hoàn thành không sau ngày báo cáo.', 'The completion date is not after the report date.'),
    "finding-date-after-report": (
        'Ngày hoàn thành {value} sau ngày báo cáo {report_date}. Kiểm tra lại ngày.',
        'Completion date {value} is after the report date {report_date}. Check the date.',
    ),
    "rule-prefilled-edited": ('Không sửa các cột điền sẵn (Nhóm, TT, Nội dung, Vai trò, Thời gian).', 'Do not edit the pre-filled columns.'),
    "finding-prefilled-edited": (
        "Ô điền sẵn đã bị sửa ('{value}'; kế hoạch ghi '{expected}'). Số liệu vẫn được tính theo kế hoạch.",
        "A pre-filled cell was edited ('{value}'; the plan says '{expected}'). The plan's text is used.",
    ),
    "rule-text-too-long": ('Mỗi ô văn bản tối đa 32.767 ký tự (giới hạn của Excel).', "A text cell holds at most 32,767 characters (Excel's limit)."),
    "finding-text-too-long": (
        'Nội dung dài {length} ký tự, vượt giới hạn của Excel; bản tổng hợp bị cắt bớt.',
        "Text of {length} characters exceeds Excel's limit; the summary shows it cut.",
    ),
    "rule-legacy-encoding": ('Văn bản gõ bằng phông cũ (TCVN3, VNI) được chuyển sang Unicode.', 'Text typed in legacy fonts (TCVN3, VNI) is converted to Unicode.'),
    "finding-legacy-encoding": (
        "Văn bản dùng bảng mã {encoding} đã được chuyển sang Unicode ('{value}'). Lần sau dùng phông Unicode (Times New Roman).",
        "Text in {encoding} was converted to Unicode ('{value}'). Next time use a Unicode font (Times New Roman).",
    ),
    "rule-extension-mismatch": (
        "Đuôi tệp phải đúng với định dạng đã lưu (.xlsx, .xls, .ods).",
        "The file name's extension must match the format it was saved in.",
    ),
    "finding-extension-mismatch": (
        "Tệp mang đuôi {extension} nhưng thực chất là tệp {kind}; vẫn đọc được. Lần sau lưu bằng "
        "'Lưu thành' đúng định dạng, không đổi tên đuôi tệp.",
        "The file is named {extension} but is really a {kind} file; it was read anyway. Next time "
        "use 'Save as' with the right format instead of renaming.",
    ),
    "rule-identified-by-fallback": ("Biểu mẫu phải giữ trang ẩn '_kehoach' để nhận diện đơn vị.", "The form must keep its hidden '_kehoach' sheet."),
    "finding-identified-by-fallback": (
        "Tệp không có thông tin biểu mẫu; đơn vị được nhận ra từ {source} ('{value}'). Lần sau dùng biểu mẫu được gửi.",
        "The file has no form metadata; the agency was recognised from {source} ('{value}'). Use the form that was sent next time.",
    ),
    # --- intake outcomes (reasons) -----------------------------------------------------------
    "ignored-lock-file": (
        "Tệp khóa tạm của Excel (~$…), không phải báo cáo.",
        "Excel's temporary lock file (~$…), not a return.",
    ),
    "ignored-temp-file": ("Tệp ẩn hoặc tệp tạm, bỏ qua.", "Hidden or temporary file, skipped."),
    "file-empty": ("Tệp rỗng (0 byte). Đề nghị đơn vị gửi lại tệp.",
                   "The file is empty (0 bytes). Ask the agency to send it again."),
    "file-too-big": (
        "Tệp quá lớn (giới hạn {mb} MB) hoặc cần quá nhiều bộ nhớ để đọc. Đề nghị đơn vị gửi "
        "lại đúng biểu mẫu.",
        "The file is too large (limit {mb} MB) or needs too much memory to read. Ask the agency "
        "for the original form.",
    ),
    "file-encrypted": (
        "Tệp có đặt mật khẩu. Đề nghị đơn vị gỡ mật khẩu (Tệp › Thông tin › Bảo vệ) rồi gửi lại.",
        "The file is password-protected. Ask the agency to remove the password and resend.",
    ),
    "file-word": ("Đây là tệp Word, không phải biểu mẫu Excel. Đề nghị đơn vị gửi tệp .xlsx.",
                  "This is a Word file, not the Excel form. Ask the agency for the .xlsx."),
    "file-legacy-biff": (
        "Tệp Excel đời cũ (Excel 2.x–4.x) không đọc được. Đề nghị đơn vị lưu lại dạng .xlsx.",
        "A very old Excel file (2.x–4.x). Ask the agency to save it as .xlsx.",
    ),
    "file-unsupported-type": (
        "Loại tệp này không được hỗ trợ. Đề nghị đơn vị lưu biểu mẫu dạng .xlsx, .xls hoặc .ods.",
        "This file type is not supported. Ask for the form as .xlsx, .xls or .ods.",
    ),
    "file-html-or-xml": (
        "Tệp là trang web/XML đổi đuôi, không phải bảng tính. Đề nghị đơn vị lưu lại dạng .xlsx.",
        "The file is web page/XML with a spreadsheet name. Ask the agency to save it as .xlsx.",
    ),
    "file-not-spreadsheet": (
        "Tệp không phải là bảng tính Excel/LibreOffice. Đề nghị đơn vị gửi biểu mẫu .xlsx.",
        "The file is not a spreadsheet. Ask the agency for the .xlsx form.",
    ),
    "file-corrupt": (
        "Tệp bị hỏng hoặc không đúng định dạng như tên tệp. Đề nghị đơn vị mở lại và lưu dạng "
        ".xlsx rồi gửi lại.",
        "The file is damaged or not what its name says. Ask the agency to re-save it as .xlsx.",
    ),
    "file-zip-bomb": (
        "Tệp nén bung ra quá lớn (vượt giới hạn an toàn). Đề nghị đơn vị gửi riêng biểu mẫu.",
        "The package expands far beyond the safety limit. Ask the agency for the form alone.",
    ),
    "file-too-many-parts": (
        "Tệp có quá nhiều thành phần bên trong (vượt giới hạn an toàn). Đề nghị gửi lại biểu mẫu.",
        "The file has too many internal parts (safety limit). Ask for the form again.",
    ),
    "file-nested-zip": ("Tệp nén nằm trong tệp nén khác: giải nén ra rồi đặt vào inbox.",
                        "A zip inside a zip: unpack it into the inbox."),
    "file-empty-zip": ("Tệp nén không có tệp nào.", "The zip holds no files."),
    "file-timeout": (
        "Đọc tệp quá {limit} giây nên đã dừng (tệp có thể bị hỏng). Đề nghị đơn vị lưu lại .xlsx.",
        "Reading took over {limit} s and was stopped (the file may be damaged). Ask for a re-saved "
        ".xlsx.",
    ),
    "file-crashed-reader": (
        "Tệp làm trình đọc dừng đột ngột (hỏng hoặc cần quá nhiều bộ nhớ). Đề nghị đơn vị lưu "
        "lại dạng .xlsx.",
        "The file crashed the reader (damaged or too memory-hungry). Ask for a re-saved .xlsx.",
    ),
    "file-cannot-open": ("Không mở được tệp (có thể đang bị khóa).",
                         "The file could not be opened (it may be locked)."),
    "file-no-form-table": (
        "Bảng tính đọc được nhưng không có bảng báo cáo (dòng tiêu đề TT, Tình trạng…). Đề nghị "
        "đơn vị dùng biểu mẫu được gửi.",
        "A readable spreadsheet without the report table (header TT, Tình trạng…). Ask the agency "
        "to use the form that was sent.",
    ),
    "return-other-plan": (
        "Biểu mẫu của kế hoạch khác ({found}; đang tổng hợp {expected}).",
        "A form of another plan ({found}; collecting {expected}).",
    ),
    "return-other-period": (
        "Biểu mẫu của kỳ {found}, không phải kỳ {expected}. Đề nghị đơn vị dùng biểu mẫu kỳ này.",
        "A form for period {found}, not {expected}. Ask the agency to use this period's form.",
    ),
    "return-old-form": (
        "Biểu mẫu phiên bản {found} đã được thay bằng phiên bản {expected}. Gửi lại biểu mẫu mới "
        "cho đơn vị.",
        "Form version {found} was replaced by version {expected}. Send the agency the new form.",
    ),
    "return-unknown-agency": ("Mã đơn vị '{found}' không có trong danh sách đơn vị.",
                              "Agency code '{found}' is not in the registry."),
    "return-agency-unassigned": ("Đơn vị '{found}' không được giao nhiệm vụ nào.",
                                 "Agency '{found}' has no task in the plan."),
    "return-unidentified": (
        "Không xác định được đơn vị gửi (không có thông tin biểu mẫu, tên đơn vị hay tên tệp "
        "nhận ra được). Đề nghị đơn vị dùng biểu mẫu được gửi.",
        "The sending agency cannot be identified (no form metadata, agency name or file name "
        "matches). Ask the agency to use the form that was sent.",
    ),
    "return-duplicate-bytes": ("Trùng hoàn toàn với tệp {other}.", "Byte-identical to {other}."),
    "return-duplicate-content": ("Cùng nội dung với tệp {other}.", "Same content as {other}."),
    "return-superseded": (
        "Bị thay bằng tệp {other} lưu lúc {saved} (tệp này lưu lúc {own}); bản lưu sau cùng được tính.",
        "Replaced by {other}, saved {saved} (this one {own}); the last saved return counts.",
    ),
    "return-has-errors": ("Có {n} lỗi; xem trang Kiểm tra và tệp phản hồi.",
                          "{n} error(s); see the Kiểm tra sheet and the feedback file."),
    "return-has-warnings": ("Có {n} cảnh báo.", "{n} warning(s)."),
    "return-ok": ("Hợp lệ.", "Valid."),
    "feedback-title": ("PHẢN HỒI KẾT QUẢ KIỂM TRA BÁO CÁO — {name}", "REVIEW OF YOUR RETURN — {name}"),
    "feedback-outcome": (
        "Tệp {file}: {outcome} ({errors} lỗi, {warnings} cảnh báo).",
        "File {file}: {outcome} ({errors} error(s), {warnings} warning(s)).",
    ),
    "feedback-intro": (
        "Trên trang 'Báo cáo', các ô cần sửa được tô màu (đỏ: lỗi, vàng: cảnh báo) và có ghi chú. "
        "Sửa trực tiếp trong tệp này rồi gửi lại; lỗi phải sửa thì báo cáo mới được tiếp nhận.",
        "On the 'Báo cáo' sheet, cells to fix are coloured (red: error, yellow: warning) and carry "
        "a comment. Fix them in this file and send it back; errors must be fixed for the return "
        "to be accepted.",
    ),
    "outcome-accepted": ("Chấp nhận", "Accepted"),
    "outcome-accepted-with-warnings": ("Chấp nhận, có cảnh báo", "Accepted with warnings"),
    "outcome-rejected": ("Từ chối", "Rejected"),
    "outcome-superseded": ("Bị thay thế", "Superseded"),
    "outcome-duplicate": ("Trùng lặp", "Duplicate"),
    "outcome-unreadable": ("Không đọc được", "Unreadable"),
    "outcome-ignored": ("Bỏ qua", "Ignored"),
    "severity-error": ("Lỗi", "Error"),
    "severity-warning": ("Cảnh báo", "Warning"),
    # --- run -------------------------------------------------------------------------------
    "progress-read": ("Đang đọc báo cáo", "Reading returns"),
    "run-files": ("Tệp trong inbox: {n} ({detail})", "Files in the inbox: {n} ({detail})"),
    "run-agencies": (
        "Đơn vị: {expected} phải nộp · {submitted} đã nộp ({on_time} đúng hạn, {late} muộn) · "
        "{missing} chưa nộp · {rejected} bị từ chối",
        "Agencies: {expected} expected · {submitted} submitted ({on_time} on time, {late} late) "
        "· {missing} missing · {rejected} rejected",
    ),
    "run-tasks": (
        "Nhiệm vụ: {tasks} · {done} đã hoàn thành · {in_progress} đang thực hiện · {not_started} "
        "chưa thực hiện · {not_reported} chưa báo cáo · {overdue} quá hạn",
        "Tasks: {tasks} · {done} done · {in_progress} in progress · {not_started} not started · "
        "{not_reported} not reported · {overdue} overdue",
    ),
    "run-feedback": ("Tệp phản hồi cho đơn vị: {n} tệp trong {folder}",
                     "Feedback for agencies: {n} file(s) in {folder}"),
    "run-feedback-failed": (
        "Không tạo được tệp phản hồi: {files} (tệp gốc quá lớn hoặc hỏng); các lỗi vẫn có ở trang Kiểm tra.",
        "Feedback could not be written for: {files} (the original is too large or damaged); the findings are on Kiểm tra.",
    ),
    "job-failed": (
        "Lỗi khi xử lý tệp này; các tệp khác không bị ảnh hưởng. Báo lại cho nhóm phát triển.",
        "An error while processing this file; other files were not affected. Please report it.",
    ),
    "run-cut": (
        "{n} ô văn bản vượt giới hạn của Excel (32.767 ký tự) đã bị cắt bớt, cuối ô ghi '…[đã cắt bớt]'; bản đầy đủ ở trang Chi tiết.",
        "{n} text cell(s) over Excel's 32,767-character limit were cut and end in '…[đã cắt bớt]'; the full texts are on Chi tiết.",
    ),
    "as-of-invalid": (
        "--as-of '{value}' không phải là ngày; ghi theo dạng ngày/tháng/năm, ví dụ 20/12/2024.",
        "--as-of '{value}' is not a date; write day/month/year, e.g. 20/12/2024.",
    ),
    "inbox-not-found": (
        "Không thấy thư mục {path}. Chạy lệnh trong thư mục của kế hoạch (có inbox/ và "
        "templates/) hoặc chỉ rõ bằng --inbox THƯ_MỤC.",
        "Folder {path} not found. Run in the plan's folder (with inbox/ and templates/) or name "
        "it with --inbox DIR.",
    ),
    "run-workbook": ("Bảng tổng hợp: {path}", "Consolidated workbook: {path}"),
    "init-created": ("Đã tạo {path}", "Created {path}"),
    "init-next": (
        "Sửa templates/task_matrix.xlsx cho kế hoạch của mình, rồi trong {folder} chạy: kehoach plan",
        "Edit templates/task_matrix.xlsx for your plan, then in {folder} run: kehoach plan",
    ),
    "demo-forms": ("Demo: đã sinh biểu mẫu và giả lập báo cáo của các đơn vị.",
                   "Demo: forms generated and agency returns simulated."),
    "demo-libreoffice": ("Demo: một báo cáo được lưu lại bằng LibreOffice (.ods).",
                         "Demo: one return was re-saved by LibreOffice (.ods)."),
    "demo-no-libreoffice": ("Demo: không có LibreOffice nên bỏ qua bước lưu lại bằng LibreOffice.",
                            "Demo: LibreOffice not installed, the re-save step was skipped."),
    # --- texts inside the workbooks (Vietnamese: the documents themselves) ----------------------
    "wb-overview-title": ("TỔNG HỢP KẾT QUẢ THỰC HIỆN NĂM {period}", "IMPLEMENTATION SUMMARY {period}"),
    "wb-overview-dates": (
        "Hạn nộp: {deadline} · Số liệu tính đến: {as_of} · Cơ quan tổng hợp: {receiver}",
        "Deadline: {deadline} · Data as of: {as_of} · Compiled by: {receiver}",
    ),
    "wb-agencies": ("ĐƠN VỊ", "AGENCIES"),
    "wb-tasks": ("NHIỆM VỤ", "TASKS"),
    "wb-count": ("Số lượng", "Count"),
    "wb-expected": ("Số đơn vị phải báo cáo", "Agencies expected to report"),
    "wb-submitted": ("Đã nộp", "Submitted"),
    "wb-on-time": ("Nộp đúng hạn", "On time"),
    "wb-late": ("Nộp muộn", "Late"),
    "wb-missing": ("Chưa nộp", "Missing"),
    "wb-rejected": ("Bị từ chối (có lỗi)", "Rejected (errors)"),
    "wb-task-total": ("Tổng số nhiệm vụ", "Tasks"),
    "wb-overdue": ("Quá hạn", "Overdue"),
    "wb-not-submitted": ("Đơn vị chưa nộp báo cáo ({n})", "Agencies that have not reported ({n})"),
    "wb-code": ("Mã", "Code"),
    "wb-none": ("(không có)", "(none)"),
    "wb-chart-groups": ("Tình trạng nhiệm vụ theo nhóm", "Task status by group"),
    "wb-chart-submission": ("Tình hình nộp báo cáo", "Submission of returns"),
    "wb-chart-agencies": ("Đơn vị", "Agencies"),
    "wb-agency-status": (
        "Đã nộp: {submitted} · Đúng hạn: {on_time} · Kết quả: {outcome} · Lỗi: {errors} · Cảnh báo: {warnings}",
        "Submitted: {submitted} · On time: {on_time} · Outcome: {outcome} · Errors: {errors} · Warnings: {warnings}",
    ),
    "wb-back-to-agencies": ("« Theo đơn vị", "« By agency"),
    "wb-open": ("Xem", "Open"),
    "wb-feedback-file": ("Tệp phản hồi", "Feedback file"),
    "wb-many-agencies": (
        "Kế hoạch có hơn {limit} đơn vị: số liệu từng đơn vị xem ở trang 'Chi tiết' (lọc theo cột 'Mã đơn vị').",
        "The plan has more than {limit} agencies: each agency's rows are on 'Chi tiết' (filter on 'Mã đơn vị').",
    ),
    "wb-saved-in-workbook": ("Thời điểm lưu trong tệp", "Saved time inside the workbook"),
    "wb-saved-file-time": ("Thời điểm sửa tệp", "File modification time"),
    "wb-whole-file": ("(cả tệp)", "(whole file)"),
    "wb-no-email": ("(chưa có)", "(none yet)"),
    "wb-feedback-header": ("Ô|Mức độ|Vấn đề và cách sửa|Giá trị đã ghi", "Cell|Severity|Problem and fix|Value written"),
    "wb-matrix-title": ("Ma trận phân công (C = chủ trì, P = phối hợp)", "Assignment matrix (C = lead, P = coordinating)"),
    "wb-fallback-header": ("ô 'Đơn vị báo cáo'", "the 'Đơn vị báo cáo' cell"),
    "wb-fallback-filename": ("tên tệp", "the file name"),
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
    # --- outputs -----------------------------------------------------------------------------
    "output-locked": (
        "Không ghi được {path}: tệp đang mở (có thể trong Excel). Đóng tệp rồi chạy lại.",
        "Cannot replace {path}: it is open (perhaps in Excel). Close it and run again.",
    ),
    "output-not-writable": (
        "Không ghi được vào thư mục {path} ({reason}). Chọn thư mục khác bằng --out.",
        "Cannot write to folder {path} ({reason}). Choose another folder with --out.",
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


def t(key: str, lang: str = "vi", /, **params: Any) -> str:
    """The sentence for `key` in `lang`, with its parameters filled in."""
    vi, en = MESSAGES[key]
    return (en if lang == "en" else vi).format(**params)


def where(problem: Problem, lang: str = "vi") -> str:
    if problem.file is None:
        return ""
    if problem.sheet and problem.cell:
        return t("at-cell", lang, file=problem.file, sheet=problem.sheet, cell=problem.cell)
    if problem.sheet:
        return t("at-sheet", lang, file=problem.file, sheet=problem.sheet)
    return t("at-file", lang, file=problem.file)


def describe(problem: Problem, lang: str = "vi") -> str:
    """One line: where, then what to do."""
    place = where(problem, lang)
    text = t(problem.key, lang, **problem.params)
    return f"{place}: {text}" if place else text
