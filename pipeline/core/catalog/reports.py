"""Catalog area: the draft report and the reminder (Word documents, always Vietnamese; the
English is for translators and reviewers) and the console lines of `report` and `remind`.
Key -> (Vietnamese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- shared blocks of the Decree 30 layout -------------------------------------------------
    "doc-number": ("Số:         /{kind}-{symbol}", "No.:         /{kind}-{symbol}"),
    "doc-number-letter": ("Số:         /{symbol}", "No.:         /{symbol}"),
    "doc-as-above": ("- Như trên;", "- As above;"),
    "doc-archive": ("- Lưu: VT, ", "- Filed: archive, "),
    "todo-recipients": ("nơi nhận khác", "other recipients"),
    "todo-drafting-unit": ("đơn vị soạn thảo", "drafting unit"),
    "todo-signer": ("họ tên người ký", "signer's full name"),
    "todo-place": ("địa danh", "place name"),
    "docx-exists": (
        "{path} đã có (có thể cán bộ đã sửa). Đổi tên tệp đã sửa, hoặc thêm --force để ghi đè.",
        "{path} exists (it may have been edited). Rename the edited file, or add --force to replace it.",
    ),
    "docx-template-unreadable": (
        "Không mở được mẫu Word {path} ({reason}). Sửa hoặc xóa tệp này để dùng mẫu mặc định.",
        "Cannot open the Word template {path} ({reason}). Repair or delete it to use the default.",
    ),
    # --- the draft report --------------------------------------------------------------------------
    "report-kind": ("Báo cáo", "Report"),
    "report-summary": (
        "Kết quả thực hiện {plan} năm {period}",
        "Implementation of {plan} in {period}",
    ),
    "report-intro": (
        "Thực hiện {plan}; trên cơ sở báo cáo của các cơ quan, đơn vị, địa phương (số liệu tính đến ngày {as_of}), {receiver} báo cáo kết quả thực hiện năm {period} như sau:",
        "Under {plan}, and from the returns of the agencies (data as of {as_of}), {receiver} reports the results of {period} as follows:",
    ),
    "report-section-reporting": (
        "I. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ",
        "I. REPORTING BY THE AGENCIES",
    ),
    "report-reporting": (
        "Theo Kế hoạch, {expected} cơ quan, đơn vị, địa phương báo cáo kết quả thực hiện về {receiver} trước ngày {deadline}. Đến ngày {as_of}, {submitted}/{expected} đơn vị đã gửi báo cáo (đạt {rate}%), trong đó {on_time} đơn vị gửi đúng hạn, {late} đơn vị gửi muộn",
        "Under the plan, {expected} agencies report to {receiver} before {deadline}. By {as_of}, {submitted}/{expected} had reported ({rate}%): {on_time} on time, {late} late",
    ),
    "report-late-names": (" ({names})", " ({names})"),
    "report-rejected": (
        "- Báo cáo có lỗi, chưa được tổng hợp, đã đề nghị sửa và gửi lại ({n} đơn vị): {names}.",
        "- Returns with errors, not counted, asked to be corrected and resent ({n}): {names}.",
    ),
    "report-in-part": (
        "- Báo cáo được tổng hợp một phần, đã đề nghị sửa các dòng có lỗi ({n} đơn vị): {names}.",
        "- Returns counted in part, asked to correct the rows in error ({n}): {names}.",
    ),
    "report-unreadable": (
        "- Tệp báo cáo không đọc được, đã đề nghị gửi lại ({n} đơn vị): {names}.",
        "- Unreadable files, asked to send again ({n}): {names}.",
    ),
    "report-missing": (
        "- Chưa gửi báo cáo ({n} đơn vị): {names}.",
        "- Not reported ({n}): {names}.",
    ),
    "report-none-missing": ("- Tất cả các đơn vị đã gửi báo cáo.", "- Every agency has reported."),
    "todo-reporting-quality": (
        "nhận xét về chất lượng, tính đầy đủ của báo cáo các đơn vị",
        "comment on the quality and completeness of the returns",
    ),
    "report-section-results": ("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", "II. RESULTS BY TASK"),
    "report-results": (
        "Trong {tasks} nhiệm vụ của Kế hoạch: {done} nhiệm vụ đã hoàn thành, {in_progress} đang thực hiện, {not_started} chưa thực hiện, {not_reported} chưa có báo cáo của đơn vị chủ trì; {overdue} nhiệm vụ quá hạn",
        "Of the plan's {tasks} tasks: {done} done, {in_progress} in progress, {not_started} not started, {not_reported} without a lead's report; {overdue} overdue",
    ),
    "report-overdue-list": (" (nhiệm vụ {numbers})", " (tasks {numbers})"),
    "report-task-label": ("Nhiệm vụ {number}", "Task {number}"),
    "report-task": (
        " – {content} (thời gian thực hiện: {timeline}): {status}; {reported}/{leads} đơn vị chủ trì đã báo cáo",
        " – {content} (timeline: {timeline}): {status}; {reported}/{leads} leads reported",
    ),
    "report-status-overdue": ("{status}, quá hạn", "{status}, overdue"),
    "report-coordinated": ("- {names} (phối hợp): {text}.", "- {names} (coordinating): {text}."),
    "report-task-missing": (
        "- Chưa có báo cáo của {n} đơn vị chủ trì: {names}.",
        "- No report yet from {n} leads: {names}.",
    ),
    "report-task-none": (
        "- Chưa có báo cáo của đơn vị chủ trì ({names}).",
        "- No report from the leads ({names}).",
    ),
    "todo-task-none": (
        "tình hình thực hiện nhiệm vụ theo thông tin khác (nếu có)",
        "the task's progress from other sources, if any",
    ),
    "report-overall": ("Đánh giá chung: ", "Overall: "),
    "todo-overall": (
        "đánh giá chung kết quả thực hiện, kết quả nổi bật, nhiệm vụ chậm tiến độ và nguyên nhân",
        "overall assessment, notable results, late tasks and why",
    ),
    "report-difficulties": ("III. KHÓ KHĂN, VƯỚNG MẮC", "III. DIFFICULTIES"),
    "report-no-difficulties": (
        "Các đơn vị không nêu khó khăn, vướng mắc.",
        "The agencies reported no difficulties.",
    ),
    "todo-difficulties": (
        "khó khăn, vướng mắc của {receiver} trong tổ chức thực hiện (nếu có)",
        "difficulties of {receiver} itself, if any",
    ),
    "report-proposals": ("IV. ĐỀ XUẤT, KIẾN NGHỊ", "IV. PROPOSALS"),
    "report-no-proposals": (
        "Các đơn vị không nêu đề xuất, kiến nghị.",
        "The agencies made no proposals.",
    ),
    "todo-proposals": (
        "đề xuất, kiến nghị của {receiver} với {issuer}",
        "proposals of {receiver} to {issuer}",
    ),
    "theme-common": ("Chung cho nhiều nhóm nhiệm vụ", "Common to several groups of tasks"),
    "theme-group": ("Nhóm {numeral}. {title}", "Group {numeral}. {title}"),
    "report-raised-by": ("{names}; nhiệm vụ {tasks}", "{names}; tasks {tasks}"),
    "report-closing": (
        "Trên đây là báo cáo kết quả thực hiện {plan} năm {period}; {receiver} kính báo cáo {issuer} xem xét, chỉ đạo./.",
        "This is the report on {plan} in {period}; {receiver} submits it to {issuer} for consideration./.",
    ),
    "report-appendix": ("PHỤ LỤC", "APPENDIX"),
    "report-appendix-title": (
        "Tình hình thực hiện các nhiệm vụ năm {period}",
        "Status of the tasks in {period}",
    ),
    "report-appendix-note": (
        "(Kèm theo Báo cáo số         /BC-{symbol} ngày      tháng {month} năm {year} của {receiver})",
        "(Attached to Report No.         /BC-{symbol} of    /{month}/{year} of {receiver})",
    ),
    "report-overdue-mark": ("(quá hạn)", "(overdue)"),
    "report-appendix-header": (
        "TT|Nhiệm vụ|Đơn vị chủ trì|Thời gian thực hiện|Đã báo cáo|Tình trạng",
        "No.|Task|Lead|Timeline|Reported|Status",
    ),
    # --- the reminder letter and the messages ----------------------------------------------------
    "remind-subject": (
        "V/v đôn đốc báo cáo kết quả thực hiện {plan} năm {period}",
        "Re: reminder to report on {plan} for {period}",
    ),
    "remind-to-listed": (
        "Các cơ quan, đơn vị, địa phương có tên dưới đây",
        "The agencies named below",
    ),
    "remind-intro": (
        "Thực hiện {plan}, các cơ quan, đơn vị, địa phương báo cáo kết quả thực hiện năm {period} về {receiver} trước ngày {deadline} theo biểu mẫu đã gửi.",
        "Under {plan}, the agencies report their results of {period} to {receiver} before {deadline} on the form sent to them.",
    ),
    "remind-nobody": (
        "Đến ngày {as_of}, tất cả các đơn vị đã gửi báo cáo hợp lệ.",
        "By {as_of}, every agency has sent a valid return.",
    ),
    "remind-situation": (
        "Đến ngày {as_of}, {receiver} chưa nhận được báo cáo hợp lệ của {n} cơ quan, đơn vị, địa phương, cụ thể như sau:",
        "By {as_of}, {receiver} has no valid return from {n} agencies:",
    ),
    "remind-head-missing": ("Chưa gửi báo cáo ({n} đơn vị):", "Not reported ({n}):"),
    "remind-head-rejected": (
        "Báo cáo có lỗi, chưa được tổng hợp ({n} đơn vị):",
        "Returns with errors, not counted ({n}):",
    ),
    "remind-head-in-part": (
        "Báo cáo mới được tổng hợp một phần ({n} đơn vị):",
        "Returns counted in part ({n}):",
    ),
    "remind-head-unreadable": (
        "Tệp báo cáo không mở được ({n} đơn vị):",
        "Files that cannot be opened ({n}):",
    ),
    "remind-lead-tasks": (
        "{n} nhiệm vụ chủ trì (nhiệm vụ {numbers})",
        "{n} lead tasks ({numbers})",
    ),
    "remind-coord-tasks": (
        "{n} nhiệm vụ phối hợp (nhiệm vụ {numbers})",
        "{n} coordinating tasks ({numbers})",
    ),
    "remind-line-missing": (
        "- {name}: báo cáo kết quả thực hiện {tasks}, theo biểu mẫu {file}.",
        "- {name}: report on {tasks}, on the form {file}.",
    ),
    "remind-line-rejected-feedback": (
        "- {name}: sửa {errors} lỗi theo tệp phản hồi {file} (ô cần sửa đã được đánh dấu) và gửi lại toàn bộ báo cáo.",
        "- {name}: correct {errors} errors following the feedback file {file} (cells marked) and resend the whole return.",
    ),
    "remind-line-rejected": (
        "- {name}: sửa {errors} lỗi và gửi lại toàn bộ báo cáo theo biểu mẫu {file}.",
        "- {name}: correct {errors} errors and resend the whole return on the form {file}.",
    ),
    "remind-line-in-part-feedback": (
        "- {name}: sửa các dòng có lỗi theo tệp phản hồi {file} và gửi lại báo cáo.",
        "- {name}: correct the rows in error following the feedback file {file} and resend.",
    ),
    "remind-line-in-part": (
        "- {name}: sửa các dòng có lỗi và gửi lại báo cáo theo biểu mẫu {file}.",
        "- {name}: correct the rows in error and resend on the form {file}.",
    ),
    "remind-line-unreadable": (
        "- {name}: gửi lại báo cáo (tệp đã gửi không mở được) theo biểu mẫu {file}, lưu dạng .xlsx.",
        "- {name}: send the return again (the file sent cannot be opened) on the form {file}, saved as .xlsx.",
    ),
    "remind-request": (
        "{receiver} đề nghị các cơ quan, đơn vị, địa phương nêu trên khẩn trương gửi báo cáo trước ngày ",
        "{receiver} asks the agencies above to send their returns before ",
    ),
    "remind-request-end": (
        " để tổng hợp, báo cáo {issuer} theo quy định. ",
        " so that they can be reported to {issuer}. ",
    ),
    "todo-deadline": ("hạn gửi, đề xuất {date}", "deadline, proposed {date}"),
    "remind-contact": ("Chi tiết xin liên hệ: ", "For details contact: "),
    "todo-contact": (
        "cán bộ đầu mối, số điện thoại, thư điện tử",
        "contact officer, telephone, e-mail",
    ),
    "remind-cc": ("- {issuer} (b/c);", "- {issuer} (for information);"),
    "remind-msg-missing": (
        "Kính gửi {name}: {receiver} chưa nhận được báo cáo kết quả thực hiện năm {period} của đơn vị. Đề nghị đơn vị điền biểu mẫu {file} và gửi trước ngày {deadline}. Trân trọng.",
        "To {name}: {receiver} has not received your return for {period}. Please fill in the form {file} and send it before {deadline}.",
    ),
    "remind-msg-rejected-feedback": (
        "Kính gửi {name}: báo cáo năm {period} của đơn vị có {errors} lỗi nên chưa được tổng hợp. Đề nghị sửa theo tệp phản hồi {file} (ô cần sửa đã được đánh dấu) và gửi lại trước ngày {deadline}. Trân trọng.",
        "To {name}: your return for {period} has {errors} errors and was not counted. Please correct it following the feedback file {file} (cells marked) and resend before {deadline}.",
    ),
    "remind-msg-rejected": (
        "Kính gửi {name}: báo cáo năm {period} của đơn vị có {errors} lỗi nên chưa được tổng hợp. Đề nghị sửa và gửi lại toàn bộ báo cáo theo biểu mẫu {file} trước ngày {deadline}. Trân trọng.",
        "To {name}: your return for {period} has {errors} errors and was not counted. Please correct it and resend the whole return on the form {file} before {deadline}.",
    ),
    "remind-msg-in-part-feedback": (
        "Kính gửi {name}: báo cáo năm {period} của đơn vị mới được tổng hợp một phần, các dòng có lỗi chưa được tính. Đề nghị sửa theo tệp phản hồi {file} và gửi lại trước ngày {deadline}. Trân trọng.",
        "To {name}: your return for {period} was counted in part; rows in error were not. Please correct them following the feedback file {file} and resend before {deadline}.",
    ),
    "remind-msg-in-part": (
        "Kính gửi {name}: báo cáo năm {period} của đơn vị mới được tổng hợp một phần, các dòng có lỗi chưa được tính. Đề nghị sửa và gửi lại theo biểu mẫu {file} trước ngày {deadline}. Trân trọng.",
        "To {name}: your return for {period} was counted in part; rows in error were not. Please correct and resend on the form {file} before {deadline}.",
    ),
    "remind-msg-unreadable": (
        "Kính gửi {name}: tệp báo cáo năm {period} đơn vị gửi không mở được. Đề nghị gửi lại báo cáo theo biểu mẫu {file} (lưu dạng .xlsx) trước ngày {deadline}. Trân trọng.",
        "To {name}: the file you sent for {period} cannot be opened. Please send your return again on the form {file} (saved as .xlsx) before {deadline}.",
    ),
    "remind-state-missing": ("Chưa nộp", "Not submitted"),
    "remind-state-rejected": ("Từ chối", "Rejected"),
    "remind-state-in-part": ("Chấp nhận một phần", "Accepted in part"),
    "remind-state-unreadable": ("Không đọc được", "Unreadable"),
    "remind-sheet": ("Tin nhắn đôn đốc", "Reminder messages"),
    "remind-sheet-title": (
        "TIN NHẮN ĐÔN ĐỐC BÁO CÁO NĂM {period} · hạn gửi {deadline}",
        "REMINDER MESSAGES {period} · deadline {deadline}",
    ),
    "remind-sheet-header": (
        "Mã đơn vị|Tên đơn vị|Email|Tình trạng|Hạn gửi|Tệp gửi kèm (trong outbox)|Tin nhắn",
        "Agency code|Agency|E-mail|State|Deadline|File to attach (in outbox)|Message",
    ),
    "remind-sheet-empty": ("(không có đơn vị cần đôn đốc)", "(no agency to remind)"),
    "remind-page": ("Trang &P/&N", "Page &P/&N"),
    "demo-documents": (
        "Demo: dự thảo báo cáo (bao-cao-2024.docx) và công văn đôn đốc (don-doc-2024.docx) trong outbox/.",
        "Demo: the draft report (bao-cao-2024.docx) and the reminder letter (don-doc-2024.docx) in outbox/.",
    ),
    # --- console ------------------------------------------------------------------------------
    "report-written": (
        "Dự thảo báo cáo: {path} (chỗ tô vàng '[Cán bộ bổ sung: …]' cần cán bộ điền)",
        "Draft report: {path} (fill in the yellow '[Cán bộ bổ sung: …]' places)",
    ),
    "remind-written": (
        "Công văn đôn đốc: {path} ({n} đơn vị)",
        "Reminder letter: {path} ({n} agencies)",
    ),
    "remind-messages": ("Tin nhắn cho từng đơn vị: {path}", "One message per agency: {path}"),
    "remind-deadline-default": (
        "Hạn gửi đề xuất: {date} (tô vàng trong công văn; chọn hạn khác bằng --deadline dd/mm/yyyy).",
        "Proposed deadline: {date} (highlighted in the letter; choose another with --deadline dd/mm/yyyy).",
    ),
    "deadline-invalid": (
        "--deadline '{value}' không phải là ngày; ghi theo dạng ngày/tháng/năm, ví dụ 20/01/2025.",
        "--deadline '{value}' is not a date; write day/month/year, e.g. 20/01/2025.",
    ),
    "remind-none": ("Không có đơn vị cần đôn đốc.", "No agency needs a reminder."),
}
