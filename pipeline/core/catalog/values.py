"""Catalog area: values agencies typed that were read with an interpretation (all warnings).

`rule-…` is the line of the form's `Hướng dẫn`; `finding-…` tells the agency how a value of
task {task} was read, quoting what it wrote ({value}) and what was counted ({read}).
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "rule-status-read-as": (
        "Tình trạng ghi bằng cách khác (ví dụ 'Đã thực hiện', 'Cơ bản hoàn thành') được hiểu theo một trong ba lựa chọn; nên chọn từ danh sách.",
        "A status written another way ('Đã thực hiện', 'Cơ bản hoàn thành') is read as one of the three choices; pick from the list.",
    ),
    "finding-status-read-as": (
        "Nhiệm vụ {task}: tình trạng '{value}' được hiểu là '{read}'. Nếu chưa đúng, chọn lại từ danh sách.",
        "Task {task}: status '{value}' was read as '{read}'. If that is wrong, pick from the list.",
    ),
    "rule-progress-from-status": (
        "Tỷ lệ ghi kèm tình trạng (ví dụ 'Đang thực hiện (70%)') được lấy làm tiến độ khi cột tiến độ để trống.",
        "A percentage written with the status ('Đang thực hiện (70%)') is taken as progress when the progress cell is empty.",
    ),
    "finding-progress-from-status": (
        "Nhiệm vụ {task}: tiến độ lấy từ tình trạng '{value}' là {read}%. Lần sau ghi tiến độ vào cột 'Tiến độ (%)'.",
        "Task {task}: progress {read}% was taken from the status '{value}'. Next time fill 'Tiến độ (%)'.",
    ),
    "rule-progress-approximate": (
        "Tiến độ ghi ước chừng ('khoảng 60%') được tính theo con số đã ghi.",
        "An approximate progress ('khoảng 60%') is counted at the figure written.",
    ),
    "finding-progress-approximate": (
        "Nhiệm vụ {task}: tiến độ '{value}' được tính là {read}%. Chỉ ghi con số.",
        "Task {task}: progress '{value}' was counted as {read}%. Write the number only.",
    ),
    "rule-progress-read-as-fraction": (
        "Số từ 0 đến 1 ở cột tiến độ là tỷ lệ (0,5 là 50%, 1 là 100%), như Excel lưu ô định dạng phần trăm.",
        "A number from 0 to 1 in the progress column is a fraction (0.5 is 50%, 1 is 100%), as Excel stores percentages.",
    ),
    "finding-progress-read-as-fraction": (
        "Nhiệm vụ {task}: tiến độ '{value}' được hiểu là {read}%. Nếu chưa đúng, ghi số phần trăm (ví dụ 50).",
        "Task {task}: progress '{value}' was read as {read}%. If that is wrong, write the percentage (e.g. 50).",
    ),
    "rule-funding-unit-converted": (
        "Kinh phí ghi theo đơn vị khác (đồng, nghìn, tỷ) được đổi ra triệu đồng.",
        "Funding written in another unit (đồng, nghìn, tỷ) is converted to millions of đồng.",
    ),
    "finding-funding-unit-converted": (
        "Nhiệm vụ {task}: kinh phí '{value}' được đổi thành {read} triệu đồng. Lần sau ghi số triệu đồng.",
        "Task {task}: funding '{value}' was converted to {read} million đồng. Next time write millions of đồng.",
    ),
    "rule-funding-no-amount": (
        "Kinh phí ghi bằng chữ ('Lồng ghép', 'Không phát sinh', '-') được hiểu là không có số tiền riêng.",
        "Funding written in words ('Lồng ghép', 'Không phát sinh', '-') means no separate amount.",
    ),
    "finding-funding-no-amount": (
        "Nhiệm vụ {task}: kinh phí '{value}' được hiểu là không có số tiền riêng; nội dung này nên ghi ở cột 'Ghi chú'.",
        "Task {task}: funding '{value}' was read as no separate amount; such words belong in 'Ghi chú'.",
    ),
    "rule-funding-implausible": (
        "Kinh phí từ một triệu triệu đồng trở lên có lẽ đã ghi theo đồng: kiểm tra lại đơn vị.",
        "Funding of a million million đồng or more was probably written in đồng: check the unit.",
    ),
    "finding-funding-implausible": (
        "Nhiệm vụ {task}: kinh phí {value} triệu đồng là quá lớn; có lẽ đã ghi theo đồng. Ghi số triệu đồng (ví dụ 1.200.000.000 đồng ghi 1200).",
        "Task {task}: funding of {value} million đồng is too large; it was probably written in đồng. Write millions (1,200,000,000 đồng is 1200).",
    ),
    "rule-date-month-only": (
        "Thời điểm hoàn thành chỉ ghi tháng ('12/2024') được hiểu là ngày cuối tháng.",
        "A completion date giving only the month ('12/2024') is read as the month's last day.",
    ),
    "finding-date-month-only": (
        "Nhiệm vụ {task}: thời điểm '{value}' được hiểu là {read}. Ghi đủ ngày/tháng/năm.",
        "Task {task}: '{value}' was read as {read}. Write day/month/year.",
    ),
    "rule-date-quarter-only": (
        "Thời điểm hoàn thành chỉ ghi quý ('Quý IV/2024') được hiểu là ngày cuối quý.",
        "A completion date giving only the quarter ('Quý IV/2024') is read as the quarter's last day.",
    ),
    "finding-date-quarter-only": (
        "Nhiệm vụ {task}: thời điểm '{value}' được hiểu là {read}. Ghi đủ ngày/tháng/năm.",
        "Task {task}: '{value}' was read as {read}. Write day/month/year.",
    ),
    "rule-date-short-year": (
        "Năm ghi hai chữ số ('15/12/24') được hiểu là năm 20xx.",
        "A two-digit year ('15/12/24') is read as 20xx.",
    ),
    "finding-date-short-year": (
        "Nhiệm vụ {task}: thời điểm '{value}' được hiểu là {read}. Ghi năm đủ bốn chữ số.",
        "Task {task}: '{value}' was read as {read}. Write the year with four digits.",
    ),
    "rule-name-status-read-as": ("Tình trạng ghi theo cách khác", "Status written another way"),
    "rule-name-progress-from-status": (
        "Tiến độ lấy từ tình trạng",
        "Progress taken from the status",
    ),
    "rule-name-progress-approximate": ("Tiến độ ghi ước chừng", "Approximate progress"),
    "rule-name-progress-read-as-fraction": (
        "Tiến độ ghi dạng tỷ lệ",
        "Progress written as a fraction",
    ),
    "rule-name-funding-unit-converted": ("Kinh phí đổi đơn vị", "Funding unit converted"),
    "rule-name-funding-no-amount": ("Kinh phí ghi bằng chữ", "Funding written in words"),
    "rule-name-funding-implausible": ("Kinh phí quá lớn", "Funding implausibly large"),
    "rule-name-date-month-only": ("Ngày chỉ ghi tháng", "Date gives the month only"),
    "rule-name-date-quarter-only": ("Ngày chỉ ghi quý", "Date gives the quarter only"),
    "rule-name-date-short-year": ("Năm ghi hai chữ số", "Two-digit year"),
}
