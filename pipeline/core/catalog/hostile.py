"""Sentences for documents built to hurt the importer: packed bombs, formulas never computed."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "appendix-packed-too-large": (
        "{file} bung ra tới {size} MB (quá {limit} MB): không phải một văn bản kế hoạch bình"
        " thường. Mở tệp bằng Word/Excel, xóa phần thừa (ảnh, dữ liệu ẩn), lưu lại rồi thử lại.",
        "{file} unpacks to {size} MB (over {limit} MB): not an ordinary plan document. Open it in"
        " Word/Excel, remove what is not needed (pictures, hidden data), save it and retry.",
    ),
    "appendix-formula-unsaved": (
        "{file}, trang '{sheet}', ô {cell}: có công thức ({formula}) nhưng chưa có giá trị được"
        " lưu. Mở tệp bằng Excel hoặc LibreOffice, lưu lại (để tính công thức) rồi thử lại.",
        "{file}, sheet '{sheet}', cell {cell}: a formula ({formula}) with no saved value. Open"
        " the file in Excel or LibreOffice, save it (so the formula is computed) and retry.",
    ),
    "appendix-sheet-too-big": (
        "{file}, trang '{sheet}': có dữ liệu tới dòng {rows}, cột {columns}, quá giới hạn"
        " {max_rows} dòng, {max_columns} cột của một phụ lục. Xóa phần thừa ngoài bảng (hoặc tách"
        " trang) rồi thử lại.",
        "{file}, sheet '{sheet}': data reaches row {rows}, column {columns}, past an appendix's"
        " limit of {max_rows} rows, {max_columns} columns. Delete what lies outside the table (or"
        " split the sheet) and retry.",
    ),
}
