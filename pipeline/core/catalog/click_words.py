"""Catalog area: Vietnamese for the English sentences click itself prints (usage, errors,
`[required]`); keys `click-…`. `cli/console.py` puts them in place in Vietnamese mode.
Key -> (Vietnamese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "click-usage": ("Cách dùng:", "Usage:"),
    "click-options": ("Tùy chọn", "Options"),
    "click-commands": ("Lệnh", "Commands"),
    "click-positional-arguments": ("Tham số", "Positional arguments"),
    "click-show-this-message-and-exit": (
        "Hiện hướng dẫn này rồi thoát.",
        "Show this message and exit.",
    ),
    "click-show-the-version-and-exit": ("Hiện phiên bản rồi thoát.", "Show the version and exit."),
    "click-error-message": ("Lỗi: {message}", "Error: {message}"),
    "click-try-command-option-for-help": (
        "Xem hướng dẫn: '{command} {option}'.",
        "Try '{command} {option}' for help.",
    ),
    "click-invalid-value-message": ("Giá trị không hợp lệ: {message}", "Invalid value: {message}"),
    "click-invalid-value-for-param-hint-message": (
        "Giá trị không hợp lệ cho {param_hint}: {message}",
        "Invalid value for {param_hint}: {message}",
    ),
    "click-missing-argument": ("Thiếu tham số", "Missing argument"),
    "click-missing-option": ("Thiếu tùy chọn", "Missing option"),
    "click-missing-parameter": ("Thiếu tham số", "Missing parameter"),
    "click-missing-parameter-param-name": (
        "Thiếu tham số: {param_name}",
        "Missing parameter: {param_name}",
    ),
    "click-no-such-option-name": ("Không có tùy chọn {name}.", "No such option: {name}"),
    "click-no-such-option-name-r": ("Không có tùy chọn {name!r}.", "No such option {name!r}."),
    "click-did-you-mean-possibility": (
        "Có phải ý là {possibility}?",
        "Did you mean {possibility}?",
    ),
    "click-no-such-command-name-r": ("Không có lệnh {name!r}.", "No such command {name!r}."),
    "click-missing-command": ("Thiếu tên lệnh.", "Missing command."),
    "click-aborted": ("Đã dừng.", "Aborted!"),
    "click-option-name-r-requires-an-argument": (
        "Tùy chọn {name!r} cần một giá trị.",
        "Option {name!r} requires an argument.",
    ),
    "click-option-name-r-does-not-take-a-value": (
        "Tùy chọn {name!r} không nhận giá trị.",
        "Option {name!r} does not take a value.",
    ),
    "click-got-unexpected-extra-argument-args": (
        "Thừa tham số ({args})",
        "Got unexpected extra argument ({args})",
    ),
    "click-got-unexpected-extra-arguments-args": (
        "Thừa các tham số ({args})",
        "Got unexpected extra arguments ({args})",
    ),
    "click-did-you-mean-one-of-possibilities": (
        "(Có phải ý là một trong: {possibilities}?)",
        "(Did you mean one of: {possibilities}?)",
    ),
    "click-value-r-is-not-a-valid-number-type": (
        "{value!r} không phải là {number_type} hợp lệ.",
        "{value!r} is not a valid {number_type}.",
    ),
    "click-value-is-not-in-the-range-range": (
        "{value} nằm ngoài khoảng {range}.",
        "{value} is not in the range {range}.",
    ),
    "click-value-r-is-not-one-of-choices": (
        "{value!r} không thuộc {choices}.",
        "{value!r} is not one of {choices}.",
    ),
    "click-value-r-is-not-choice": ("{value!r} không phải {choice}.", "{value!r} is not {choice}."),
    "click-name-filename-r-does-not-exist": (
        "Không tìm thấy {filename!r}.",
        "{name} {filename!r} does not exist.",
    ),
    "click-name-filename-r-is-a-file": (
        "{filename!r} là một tệp, cần một thư mục.",
        "{name} {filename!r} is a file.",
    ),
    "click-name-filename-r-is-a-directory": (
        "{filename!r} là một thư mục, cần một tệp.",
        "{name} {filename!r} is a directory.",
    ),
    "click-name-filename-r-is-not-readable": (
        "Không đọc được {filename!r}.",
        "{name} {filename!r} is not readable.",
    ),
    "click-name-filename-r-is-not-writable": (
        "Không ghi được vào {filename!r}.",
        "{name} {filename!r} is not writable.",
    ),
    # click names the kind of path ("file", "path") when its types are made, before the
    # console's language is known: the Vietnamese sentences above leave the noun out instead.
    "click-default-default": ("mặc định: {default}", "default: {default}"),
    "click-env-var-var": ("biến môi trường: {var}", "env var: {var}"),
    "click-integer": ("số nguyên", "integer"),
    "click-required": ("bắt buộc", "required"),  # "[required]" after an option's help
    # The placeholders of a usage line and of an option ("kehoach init [TÙY CHỌN] [THƯ MỤC]",
    # "--as-of NGÀY"): click prints its own English type names there (TEXT, FILE, INTEGER).
    "click-metavar-options": ("[TÙY CHỌN]", "[OPTIONS]"),
    "click-metavar-command": ("LỆNH [THAM SỐ]...", "COMMAND [ARGS]..."),
    "click-metavar-folder": ("THƯ_MỤC", "FOLDER"),
    "click-metavar-files": ("TỆP", "FILES"),
    "click-metavar-source": ("NGUỒN", "SOURCE"),
    "click-metavar-directory": ("THƯ_MỤC", "DIRECTORY"),
    "click-metavar-file": ("TỆP", "FILE"),
    "click-metavar-path": ("ĐƯỜNG-DẪN", "PATH"),
    "click-metavar-text": ("CHỮ", "TEXT"),
    "click-metavar-integer": ("SỐ", "INTEGER"),
    "click-metavar-integer-range": ("SỐ", "INTEGER RANGE"),
    "click-metavar-date": ("NGÀY", "DATE"),
    "click-metavar-year": ("NĂM", "YEAR"),
    "click-metavar-code": ("MÃ", "CODE"),
    "click-metavar-period": ("KỲ", "PERIOD"),
    "click-metavar-file-or-default": ("TỆP|default", "FILE|default"),
}
