"""Catalog area: the help of `kehoach` and its commands.

Keys `cli-<command>`, `cli-<command>-short` and `cli-<command>-<parameter>` give the help of
each command and option (the Vietnamese equals the text in `cli/`, a test keeps them equal);
click's own sentences are in `click_words.py`.
Key -> (Vietnamese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "cli-import-plan": (
        "Đọc phụ lục nhiệm vụ từ văn bản kế hoạch (.docx, .md, .txt, .html, .xlsx) thành tệp\n    kế hoạch, rồi in những gì cần kiểm tra: nhóm, nhiệm vụ, cột đã nhận và cột giữ lại,\n    thời gian thực hiện và tên đơn vị chưa đọc được.",
        "Read the task appendix of a plan document (.docx, .md, .txt, .html, .xlsx) into a plan\n    file, then print what to check: groups, tasks, columns recognised and columns kept,\n    timelines and agency names not read.",
    ),
    "cli-import-plan-registry": (
        "Danh sách đơn vị và cụm từ: trang 'Đơn vị', 'Cụm từ' của tệp kế hoạch này, hoặc 'default' (danh sách mặc định). Bỏ trống: dùng danh sách mặc định chỉ khi kế hoạch do cùng tỉnh ban hành.",
        "Agencies and phrases: the 'Đơn vị' and 'Cụm từ' sheets of this plan file, or 'default' (the default list). Empty: the default list only when the plan was issued by the same province.",
    ),
    "cli-remind": (
        "Viết công văn đôn đốc outbox/don-doc-<kỳ>.docx và tin nhắn cho từng đơn vị.",
        "Write the reminder letter outbox/don-doc-<period>.docx and a message for each agency.",
    ),
    "cli-remind-short": (
        "Viết công văn đôn đốc và tin nhắn cho đơn vị.",
        "Write the reminder letter and messages for agencies.",
    ),
    "cli-remind-plan_path": (
        "Tệp kế hoạch (task matrix).",
        "The plan file (task matrix).",
    ),
    "cli-remind-inbox": (
        "Thư mục chứa báo cáo nhận được (không bị sửa).",
        "Folder of the returns received (never modified).",
    ),
    "cli-remind-outbox": (
        "Thư mục ghi kết quả.",
        "Folder the outputs are written to.",
    ),
    "cli-remind-period": (
        "Kỳ báo cáo (năm); mặc định: kỳ hiện tại theo --as-of.",
        "Reporting period (year); default: the current one by --as-of.",
    ),
    "cli-remind-as_of": (
        "Ngày số liệu được tính đến (dd/mm/yyyy); mặc định: hôm nay.",
        "Date the figures are counted to (dd/mm/yyyy); default: today.",
    ),
    "cli-remind-jobs": (
        "Số tiến trình đọc tệp (mặc định: số lõi).",
        "Processes reading files (default: one per core).",
    ),
    "cli-remind-docx_template": (
        "Mẫu Word (kiểu chữ, lề); thiếu thì dùng mẫu mặc định.",
        "Word template (fonts, margins); the default one when missing.",
    ),
    "cli-remind-force": (
        "Ghi đè tệp Word đã có (mất phần đã sửa).",
        "Overwrite an existing Word file (its edits are lost).",
    ),
    "cli-remind-deadline": (
        "Hạn gửi ghi trong công văn (dd/mm/yyyy); mặc định: đề xuất, tô vàng.",
        "Deadline written in the letter (dd/mm/yyyy); default: a proposal, highlighted.",
    ),
    "cli-report": (
        "Viết dự thảo báo cáo outbox/bao-cao-<kỳ>.docx theo thể thức Nghị định 30/2020.",
        "Write the draft report outbox/bao-cao-<period>.docx in the form of Decree 30/2020.",
    ),
    "cli-report-short": (
        "Viết dự thảo báo cáo (Word) từ inbox/.",
        "Write the draft report (Word) from inbox/.",
    ),
    "cli-report-plan_path": (
        "Tệp kế hoạch (task matrix).",
        "The plan file (task matrix).",
    ),
    "cli-report-inbox": (
        "Thư mục chứa báo cáo nhận được (không bị sửa).",
        "Folder of the returns received (never modified).",
    ),
    "cli-report-outbox": (
        "Thư mục ghi kết quả.",
        "Folder the outputs are written to.",
    ),
    "cli-report-period": (
        "Kỳ báo cáo (năm); mặc định: kỳ hiện tại theo --as-of.",
        "Reporting period (year); default: the current one by --as-of.",
    ),
    "cli-report-as_of": (
        "Ngày số liệu được tính đến (dd/mm/yyyy); mặc định: hôm nay.",
        "Date the figures are counted to (dd/mm/yyyy); default: today.",
    ),
    "cli-report-jobs": (
        "Số tiến trình đọc tệp (mặc định: số lõi).",
        "Processes reading files (default: one per core).",
    ),
    "cli-report-docx_template": (
        "Mẫu Word (kiểu chữ, lề); thiếu thì dùng mẫu mặc định.",
        "Word template (fonts, margins); the default one when missing.",
    ),
    "cli-report-force": (
        "Ghi đè tệp Word đã có (mất phần đã sửa).",
        "Overwrite an existing Word file (its edits are lost).",
    ),
    "cli-main": (
        "Theo dõi thực hiện kế hoạch qua biểu mẫu Excel.\n\n    \x08\n    Quy trình / workflow:\n      kehoach init THƯ_MỤC  tạo thư mục làm việc (templates/, inbox/, outbox/)\n      kehoach plan          kiểm tra templates/task_matrix.xlsx\n      kehoach templates     sinh biểu mẫu cho từng đơn vị vào outbox/templates/\n      kehoach receive TỆP   ghi ngày Sở nhận tệp (đúng hạn tính theo ngày này)\n      kehoach run           đọc inbox/, kiểm tra, tổng hợp vào outbox/tong-hop-<kỳ>.xlsx\n      kehoach check TỆP     kiểm tra một vài tệp báo cáo\n      kehoach report        dự thảo báo cáo (Word)\n      kehoach remind        công văn đôn đốc và tin nhắn cho đơn vị\n      kehoach close         chốt số liệu một kỳ\n      kehoach demo          chạy thử trọn vẹn trên kế hoạch mẫu\n      kehoach import-plan   đọc phụ lục từ văn bản kế hoạch mới (.docx, .md, .txt, .html, .xlsx)\n\n    Thư mục templates/, inbox/, outbox/ được tìm trong thư mục hiện tại.\n\n    Mã thoát / exit codes: 0 xong; 1 có báo cáo bị từ chối (--strict) hoặc tệp lỗi\n    (check); 2 dùng sai lệnh, kế hoạch hoặc mẫu lỗi, không ghi được kết quả,\n    kho kehoach.sqlite bị khóa hay của bản mới hơn, tệp của kỳ đã chốt bị xóa hay sửa;\n    3 lỗi nội bộ.\n    ",
        "Monitor a plan's implementation through Excel forms.\n\n    \x08\n    Workflow:\n      kehoach init FOLDER   make a working folder (templates/, inbox/, outbox/)\n      kehoach plan          check templates/task_matrix.xlsx\n      kehoach templates     write a form for each agency into outbox/templates/\n      kehoach receive FILE  record the date the office received a file (on time follows it)\n      kehoach run           read inbox/, check, consolidate into outbox/tong-hop-<period>.xlsx\n      kehoach check FILE    check a few returns\n      kehoach report        draft report (Word)\n      kehoach remind        reminder letter and messages for agencies\n      kehoach close         freeze a period's figures\n      kehoach demo          try the whole workflow on the sample plan\n      kehoach import-plan   read the appendix of a new plan document (.docx, .md, .txt, .html, .xlsx)\n\n    The folders templates/, inbox/, outbox/ are looked for in the current folder.\n\n    Exit codes: 0 done; 1 a return was rejected (--strict) or a file has errors\n    (check); 2 wrong usage, a broken plan or template, an output that cannot be written,\n    the store kehoach.sqlite locked or from a newer version, a file of a closed period gone\n    or changed; 3 internal error.\n    ",
    ),
    "cli-main-lang": (
        "Ngôn ngữ thông báo / language of messages.",
        "Ngôn ngữ thông báo / language of messages.",
    ),
    "cli-check": (
        "Kiểm tra vài tệp báo cáo, in lỗi và cảnh báo (mã 1 nếu có tệp lỗi hoặc không đọc được).",
        "Check a few returns and print their errors and warnings (exit 1 if a file has errors or cannot be read).",
    ),
    "cli-check-short": (
        "Kiểm tra một vài tệp báo cáo.",
        "Check a few returns.",
    ),
    "cli-check-plan_path": (
        "Tệp kế hoạch (task matrix).",
        "The plan file (task matrix).",
    ),
    "cli-check-period": (
        "Kỳ báo cáo (năm); mặc định: kỳ ghi trong từng tệp.",
        "Reporting period (year); default: the period written in each file.",
    ),
    "cli-check-as_of": (
        "Ngày tính số liệu (dd/mm/yyyy).",
        "Date the figures are counted to (dd/mm/yyyy).",
    ),
    "cli-demo": (
        "Chạy thử trọn vẹn trên kế hoạch mẫu: sinh biểu mẫu, giả lập báo cáo, tổng hợp.",
        "Try the whole workflow on the sample plan: write forms, simulate returns, consolidate.",
    ),
    "cli-demo-short": (
        "Chạy thử trọn vẹn trên kế hoạch mẫu.",
        "Try the whole workflow on the sample plan.",
    ),
    "cli-demo-folder": (
        "Thư mục chạy thử (được tạo mới; thư mục trống hoặc của lần demo trước được dùng lại, thư mục khác bị từ chối).",
        "Folder for the demo (made new; an empty folder or an earlier demo's is used again, any other is refused).",
    ),
    "cli-import-plan-short": (
        "Phụ lục nhiệm vụ từ văn bản kế hoạch.",
        "Task appendix from a plan document.",
    ),
    "cli-import-plan-agencies": (
        "Lấy trang 'Đơn vị' và 'Cụm từ' từ tệp kế hoạch này.",
        "Take the 'Đơn vị' and 'Cụm từ' sheets from this plan file.",
    ),
    "cli-import-plan-out": (
        "Tệp kế hoạch được ghi ra.",
        "The plan file to write.",
    ),
    "cli-import-plan-force": (
        "Ghi đè tệp đã có.",
        "Overwrite an existing file.",
    ),
    "cli-init": (
        "Tạo templates/ (kế hoạch mẫu và mẫu biểu), inbox/ và outbox/ trong THƯ_MỤC.",
        "Create templates/ (sample plan and form template), inbox/ and outbox/ in FOLDER.",
    ),
    "cli-init-short": (
        "Tạo thư mục làm việc cho một kế hoạch.",
        "Create a working folder for a plan.",
    ),
    "cli-make-template": (
        "Tạo mẫu biểu templates/agency_report_template.xlsx (có thể tùy chỉnh trong Excel).",
        "Write the form template templates/agency_report_template.xlsx (it can be restyled in Excel).",
    ),
    "cli-make-template-short": (
        "Tạo lại mẫu biểu gốc.",
        "Write the original form template again.",
    ),
    "cli-make-template-template": (
        "Tệp mẫu biểu được ghi ra.",
        "The form template file to write.",
    ),
    "cli-make-template-force": (
        "Ghi đè mẫu biểu đã có (mất phần đã tùy chỉnh).",
        "Overwrite the existing template (its customisation is lost).",
    ),
    "cli-plan": (
        "Kiểm tra tệp kế hoạch; in các kỳ, nhiệm vụ, đơn vị được giao, cụm từ chưa xác định.",
        "Check the plan file and print its reporting periods, tasks, assigned agencies and "
        "unresolved phrases.",
    ),
    "cli-plan-short": (
        "Kiểm tra tệp kế hoạch (task matrix).",
        "Check the plan file (task matrix).",
    ),
    "cli-plan-plan_path": (
        "Tệp kế hoạch (task matrix).",
        "The plan file (task matrix).",
    ),
    "cli-plan-matrix": (
        "Ghi ma trận đơn vị × nhiệm vụ (C/P) ra tệp .xlsx để in.",
        "Write the agency × task matrix (C/P) to an .xlsx file for printing.",
    ),
    "cli-run": (
        "Đọc inbox/, kiểm tra từng báo cáo, tổng hợp vào outbox/tong-hop-<kỳ>.xlsx.",
        "Read inbox/, check each return, consolidate into outbox/tong-hop-<period>.xlsx.",
    ),
    "cli-run-short": (
        "Kiểm tra inbox/ và tổng hợp.",
        "Check inbox/ and consolidate.",
    ),
    "cli-run-plan_path": (
        "Tệp kế hoạch (task matrix).",
        "The plan file (task matrix).",
    ),
    "cli-run-inbox": (
        "Thư mục chứa báo cáo nhận được (không bị sửa).",
        "Folder of the returns received (never modified).",
    ),
    "cli-run-outbox": (
        "Thư mục ghi kết quả.",
        "Folder the outputs are written to.",
    ),
    "cli-run-period": (
        "Kỳ báo cáo (năm); mặc định: kỳ hiện tại theo --as-of.",
        "Reporting period (year); default: the current one by --as-of.",
    ),
    "cli-run-as_of": (
        "Ngày số liệu được tính đến (dd/mm/yyyy); mặc định: hôm nay.",
        "Date the figures are counted to (dd/mm/yyyy); default: today.",
    ),
    "cli-run-jobs": (
        "Số tiến trình đọc tệp (mặc định: số lõi).",
        "Processes reading files (default: one per core).",
    ),
    "cli-run-strict": (
        "Một lỗi là từ chối cả tệp (không chấp nhận một phần); thoát với mã 1 nếu có báo cáo "
        "bị từ chối.",
        "One error rejects the whole file (no acceptance in part); exit with code 1 if a "
        "return is rejected.",
    ),
    "cli-templates": (
        "Sinh biểu mẫu điền sẵn cho từng đơn vị được giao nhiệm vụ, kèm danh sách gửi.",
        "Write a pre-filled form for each agency with tasks, and the send list.",
    ),
    "cli-templates-short": (
        "Sinh biểu mẫu cho từng đơn vị.",
        "Write a form for each agency.",
    ),
    "cli-templates-plan_path": (
        "Tệp kế hoạch (task matrix).",
        "The plan file (task matrix).",
    ),
    "cli-templates-template": (
        "Mẫu biểu (hình thức).",
        "The form template (its look).",
    ),
    "cli-templates-period": (
        "Kỳ báo cáo (năm); mặc định: kỳ hiện tại theo --as-of.",
        "Reporting period (year); default: the current one by --as-of.",
    ),
    "cli-templates-agencies": (
        "Chỉ sinh cho đơn vị này (lặp lại được).",
        "Only for this agency (may be repeated).",
    ),
    "cli-templates-out": (
        "Thư mục ghi biểu mẫu; mặc định outbox/templates/<kỳ>/.",
        "Folder for the forms; default outbox/templates/<period>/.",
    ),
    "cli-plan-period": (
        "Kỳ có phân công được in; mặc định: kỳ hiện tại theo --as-of.",
        "The period whose assignments are printed; default: the current one by --as-of.",
    ),
    "cli-plan-as_of": (
        "Ngày chọn kỳ hiện tại (dd/mm/yyyy).",
        "The date that picks the current period (dd/mm/yyyy).",
    ),
    "cli-templates-as_of": (
        "Ngày chọn kỳ hiện tại (dd/mm/yyyy); mặc định: hôm nay.",
        "The date that picks the current period (dd/mm/yyyy); default: today.",
    ),
    "cli-init-period": (
        "Kế hoạch cho năm này (ví dụ 2025).",
        "A plan for this year (for example 2025).",
    ),
    "cli-run-reopen": (
        "Mở lại kỳ đã chốt và tính lại từ inbox/.",
        "Reopen a closed period and recompute it from inbox/.",
    ),
    "cli-check-strict": (
        "Một lỗi là từ chối cả tệp (không chấp nhận một phần).",
        "One error rejects the whole file (no acceptance in part).",
    ),
    "cli-receive": (
        "Ghi ngày Sở nhận từng TỆP (đúng hạn được tính theo ngày này, không theo thời điểm lưu\n    trong tệp).",
        "Record the date the office received each FILE (on time is judged on it, not on the time\n    saved inside the file).",
    ),
    "cli-receive-short": (
        "Ghi ngày Sở nhận các tệp báo cáo.",
        "Record when returns were received.",
    ),
    "cli-receive-plan_path": ("Tệp kế hoạch (task matrix).", "The plan file (task matrix)."),
    "cli-receive-day": ("Ngày nhận (dd/mm/yyyy).", "The date received (dd/mm/yyyy)."),
    "cli-receive-inbox": (
        "Thư mục chứa báo cáo nhận được.",
        "Folder of the returns received.",
    ),
    "cli-receive-outbox": (
        "Thư mục kết quả; kho kehoach.sqlite nằm cạnh nó, như khi chạy run.",
        "Folder of the outputs; the store kehoach.sqlite is beside it, as for run.",
    ),
    "cli-close": (
        "Chốt một kỳ: bảng tổng hợp và số liệu của lần chạy cuối được giữ nguyên.",
        "Close a period: the workbook and figures of its latest run are kept as they are.",
    ),
    "cli-close-short": ("Chốt số liệu một kỳ.", "Freeze a period's figures."),
    "cli-close-plan_path": ("Tệp kế hoạch (task matrix).", "The plan file (task matrix)."),
    "cli-close-period": ("Kỳ báo cáo được chốt.", "The reporting period to close."),
    "cli-close-outbox": ("Thư mục chứa bảng tổng hợp.", "Folder holding the workbook."),
}
