"""Catalog area: periods, the agency list over time, receipts and closed periods.
Key -> (Vietnamese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- sheet Kỳ báo cáo and the agency list over time -------------------------------------
    "period-name-missing": (
        "Dòng không có tên kỳ ở cột 'Kỳ' (ví dụ 2025).",
        "A row has no period name in column 'Kỳ' (e.g. 2025).",
    ),
    "period-duplicate": (
        "Kỳ {period} bị trùng (đã có ở dòng {first}).",
        "Period {period} is listed twice (first at row {first}).",
    ),
    "period-date-missing": (
        "Kỳ {period} chưa có '{column}'; ghi ngày dạng dd/mm/yyyy.",
        "Period {period} has no '{column}'; write a date as dd/mm/yyyy.",
    ),
    "period-not-on-sheet": (
        "Kỳ {period} có trong 'ky_bao_cao' nhưng không có ở trang 'Kỳ báo cáo': khi có trang "
        "này, mỗi kỳ (cả các kỳ đã qua) cần một dòng với đủ ngày. Thêm dòng cho kỳ {period}, "
        "hoặc bỏ kỳ đó khỏi 'ky_bao_cao'.",
        "Period {period} is in 'ky_bao_cao' but not on the 'Kỳ báo cáo' sheet: once the sheet "
        "exists, every period (past ones too) needs a row with all its dates. Add a row for "
        "{period}, or remove it from 'ky_bao_cao'.",
    ),
    "setting-disagrees-with-period-sheet": (
        "'{key}' ghi {value}, nhưng trang 'Kỳ báo cáo' ghi '{column}' của kỳ {period} là "
        "{on_sheet}: khi có trang 'Kỳ báo cáo', giá trị của từng kỳ lấy ở trang đó. Sửa cột "
        "'{column}' ở trang 'Kỳ báo cáo' cho đúng, rồi xóa '{key}' ở trang 'Cấu hình' (hoặc ghi "
        "cho khớp).",
        "'{key}' says {value}, but sheet 'Kỳ báo cáo' gives '{column}' of period {period} as "
        "{on_sheet}: once that sheet exists, each period's value comes from it. Correct column "
        "'{column}' on sheet 'Kỳ báo cáo', then delete '{key}' from sheet 'Cấu hình' (or make "
        "them agree).",
    ),
    "period-not-date": (
        "Kỳ {period}: '{column}' = '{value}' không phải là ngày (dd/mm/yyyy).",
        "Period {period}: '{column}' = '{value}' is not a date (dd/mm/yyyy).",
    ),
    "period-ends-before-start": (
        "Kỳ {period} kết thúc trước khi bắt đầu; kiểm tra 'Từ ngày' và 'Đến ngày'.",
        "Period {period} ends before it starts; check 'Từ ngày' and 'Đến ngày'.",
    ),
    "period-sheet-empty": (
        "Trang 'Kỳ báo cáo' không có kỳ nào; thêm ít nhất một dòng hoặc xóa trang này.",
        "Sheet 'Kỳ báo cáo' lists no period; add one row or delete the sheet.",
    ),
    "agency-date-invalid": (
        "'{column}' = '{value}' không phải là ngày (dd/mm/yyyy); để trống nếu luôn có hiệu lực.",
        "'{column}' = '{value}' is not a date (dd/mm/yyyy); leave it empty for always.",
    ),
    "agency-successor-unknown": (
        "'Thay bằng' ghi mã chưa có trong trang 'Đơn vị': {codes}.",
        "'Thay bằng' names codes not in sheet 'Đơn vị': {codes}.",
    ),
    "period-cell-covers-nobody": (
        "Kỳ {period}, nhiệm vụ {task}: '{words}' không còn đơn vị nào có hiệu lực vào ngày chốt "
        "số liệu. Ghi 'Thay bằng' cho đơn vị đã giải thể, hoặc thêm loại đơn vị mới (ví dụ xa) "
        "vào cụm từ ở trang 'Cụm từ'.",
        "Period {period}, task {task}: '{words}' covers no agency in force on the data cutoff. "
        "Fill 'Thay bằng' for the agency that ended, or add the new kind (e.g. xa) to the "
        "phrase in sheet 'Cụm từ'.",
    ),
    # --- files of other periods ------------------------------------------------------------
    "outcome-other-period": ("Thuộc kỳ khác", "Of another period"),
    "return-of-other-period": (
        "Báo cáo kỳ {found}, không phải kỳ {expected}: không tính cho kỳ này (chạy với "
        "--period {found} để xem kỳ đó).",
        "A return for period {found}, not {expected}: not counted here (run with "
        "--period {found} for that period).",
    ),
    "return-of-period-not-in-plan": (
        "Báo cáo kỳ {found}, không phải kỳ {expected}: không tính cho kỳ này, và kế hoạch không "
        "có kỳ {found} (các kỳ: {periods}). Nếu cần tổng hợp kỳ {found}, thêm kỳ đó vào kế hoạch "
        "(trang 'Kỳ báo cáo' hoặc 'ky_bao_cao' ở trang 'Cấu hình'); nếu không, đề nghị đơn vị "
        "dùng biểu mẫu kỳ {expected}.",
        "A return for period {found}, not {expected}: not counted here, and the plan has no "
        "period {found} (its periods: {periods}). To collect {found}, add that period to the "
        "plan (sheet 'Kỳ báo cáo' or 'ky_bao_cao' in sheet 'Cấu hình'); otherwise ask the agency "
        "for the {expected} form.",
    ),
    "run-other-periods": (
        "{n} tệp thuộc kỳ khác ({periods}): không tính cho kỳ {period}, không ghi vào bảng tổng hợp.",
        "{n} file(s) of other periods ({periods}): not counted for {period}, not in the workbook.",
    ),
    # --- receipt dates ----------------------------------------------------------------------
    "finding-saved-time-not-believed": (
        "Thời điểm lưu ghi trong tệp ({saved}) muộn hơn lúc tệp đến ({file}) hoặc ngày tính số "
        "liệu: không dùng; thứ tự các bản và đúng hạn theo thời gian tệp đến.",
        "The saved time inside the file ({saved}) is later than its arrival ({file}) or the "
        "as-of date: not used; versions and timeliness follow the arrival time.",
    ),
    "rule-saved-time-not-believed": (
        "Thời điểm lưu trong tệp muộn hơn lúc tệp đến Sở thì không được dùng; đúng hạn tính theo "
        "ngày Sở nhận tệp.",
        "A saved time later than the file's arrival is not used; timeliness follows the date "
        "the office received the file.",
    ),
    "rule-name-saved-time-not-believed": (
        "Thời điểm lưu không tin được",
        "Saved time not believed",
    ),
    "wb-received-confirmed": (
        "Ngày nhận: cán bộ xác nhận (kehoach receive)",
        "Received: confirmed by the officer (kehoach receive)",
    ),
    "wb-received-file": (
        "Ngày nhận: thời gian tệp trong hộp thư",
        "Received: the file's time in the inbox",
    ),
    "wb-received-store": (
        "Ngày nhận: thời gian tệp khi chương trình thấy lần đầu (tệp đã bị chép lại)",
        "Received: the file's time when first seen (the file was copied since)",
    ),
    "wb-received-zip": (
        "Ngày nhận: thời gian của tệp nén",
        "Received: the zip file's time",
    ),
    # --- the store: receipts, closed periods -----------------------------------------------
    "store-created": (
        "Đã tạo kho dữ liệu {path} (ngày nhận đã xác nhận, các kỳ đã chốt, kết quả từng kỳ). "
        "Nếu trước đây đã có tệp này và nó bị xóa: các ngày nhận đã xác nhận và việc chốt kỳ đã "
        "mất, các kỳ trước chỉ hiện lại ở trang qua các kỳ khi chạy lại từng kỳ (--period); số "
        "liệu kỳ này vẫn được tính lại đầy đủ từ inbox/.",
        "Created the store {path} (confirmed receipt dates, closed periods, each period's "
        "results). If it existed before and was deleted: confirmed receipt dates and closures "
        "are lost, and earlier periods come back on the history sheets only once each is run "
        "again (--period); this period's figures are still recomputed in full from inbox/.",
    ),
    "receive-outside-inbox": (
        "{path} không nằm trong {inbox}: chép tệp vào {inbox} trước (như mọi báo cáo nhận được), "
        "rồi ghi ngày nhận cho tệp ở đó.",
        "{path} is not inside {inbox}: copy the file into {inbox} first (as every return "
        "received), then record its date there.",
    ),
    "receive-not-a-file": (
        "{path} không phải là tệp; chỉ rõ từng tệp đã nhận (hoặc tệp .zip).",
        "{path} is not a file; name each file received (or the .zip).",
    ),
    "receive-date-invalid": (
        "--date '{value}' không phải là ngày (dd/mm/yyyy).",
        "--date '{value}' is not a date (dd/mm/yyyy).",
    ),
    "receive-date-future": (
        "--date '{value}' là ngày chưa đến (hôm nay là {today}): kiểm tra lại năm rồi ghi lại.",
        "--date '{value}' has not come yet (today is {today}): check the year and record it again.",
    ),
    "receive-done": (
        "Đã ghi ngày nhận {day} cho {path}.",
        "Recorded {day} as the receipt date of {path}.",
    ),
    "close-needs-run": (
        "Chưa chốt được kỳ {period}: chưa có lần chạy nào của kỳ này ghi vào kho dữ liệu, hoặc "
        "thiếu {path}. Chạy 'kehoach run --period {period}' trước.",
        "Cannot close {period}: no run of it is in the store, or {path} is missing. Run "
        "'kehoach run --period {period}' first.",
    ),
    "close-done": (
        "Đã chốt kỳ {period}: {path} và số liệu được giữ nguyên; các lần chạy sau cho kỳ này "
        "không ghi đè (muốn tính lại: kehoach run --period {period} --reopen).",
        "Closed {period}: {path} and its figures are frozen; later runs do not overwrite them "
        "(to recompute: kehoach run --period {period} --reopen).",
    ),
    "period-closed-frozen": (
        "Kỳ {period} đã chốt ngày {closed}: giữ nguyên số liệu lúc chốt (đã nộp {submitted}/"
        "{expected}, đúng hạn {on_time}, chưa nộp {missing}); không đọc lại inbox/, không ghi "
        "đè {path}. Muốn tính lại: thêm --reopen.",
        "Period {period} was closed on {closed}: its frozen figures stand (submitted "
        "{submitted}/{expected}, on time {on_time}, missing {missing}); inbox/ is not read and "
        "{path} is not overwritten. To recompute, add --reopen.",
    ),
    "period-closed-restored": (
        "{path} đã bị sửa hoặc xóa: đã khôi phục bản đã chốt.",
        "{path} had been changed or removed: the closed copy is restored.",
    ),
    "period-reopened": (
        "Đã mở lại kỳ {period}: tính lại từ inbox/.",
        "Reopened {period}: recomputing from inbox/.",
    ),
    # --- choosing the period ------------------------------------------------------------------
    "period-chosen-current": (
        "Kỳ báo cáo {period} (kỳ hiện tại theo ngày {day}; chọn kỳ khác bằng --period).",
        "Reporting period {period} (the current one on {day}; choose another with --period).",
    ),
    "plan-periods-head": (
        "Các kỳ báo cáo ({n}):",
        "Reporting periods ({n}):",
    ),
    "plan-period-line": (
        "  {period}: {start} – {end}; hạn nộp {deadline}; chốt số liệu {cutoff}; "
        "biểu mẫu phiên bản {version}; {agencies} đơn vị{current}",
        "  {period}: {start} – {end}; due {deadline}; data cutoff {cutoff}; "
        "form version {version}; {agencies} agencies{current}",
    ),
    "plan-period-current": (" (kỳ hiện tại)", " (current)"),
    "plan-period-shown": (
        "Phân công của kỳ {period}:",
        "Assignments of period {period}:",
    ),
    "period-year-invalid": (
        "--period '{value}' không phải là năm (ví dụ 2025).",
        "--period '{value}' is not a year (e.g. 2025).",
    ),
}
