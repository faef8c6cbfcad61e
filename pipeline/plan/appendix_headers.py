"""How Vietnamese plans head the columns of their appendix table, as data, in one place.

Each header a plan prints maps to one of the five matrix fields (`tt`, `content`, `lead`,
`coord`, `timeline`) or is kept as an extra column (`Sản phẩm`, `Kinh phí`, `Ghi chú` …) that
travels into the task matrix. Nothing is dropped: a header the tables below do not know is
kept too, under its own name, and the import summary lists it.

Where the variants come from (gathered for issue 15; see docs/IMPORT.md for the list):
- the embedded plan (Kon Tum, KH triển khai KH 144-KH/TU, 06/2024): `TT | Nội dung | Đơn vị
  chủ trì | Đơn vị phối hợp | Thời gian thực hiện`, the header repeated on every page;
- appendix layouts of provincial and commune plans on digital transformation and Resolution
  57 published as templates in public repositories: `STT | Tên nhiệm vụ | Cơ quan chủ trì |
  Cơ quan phối hợp | Kết quả/Sản phẩm | Thời gian | Ghi chú`, `STT | Nhóm nhiệm vụ | Nội dung
  nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Lực lượng hỗ trợ | Thời gian thực hiện |
  Kết quả/sản phẩm | Chỉ tiêu liên quan | Ghi chú`, `Stt | Nội dung nhiệm vụ | Cơ quan, đơn
  vị chủ trì | Cơ quan, đơn vị phối hợp | Thời gian | Sản phẩm, kết quả | Ghi chú`,
  `… | Đơn vị chủ trì | Thời hạn hoàn thành`;
- the variants the issue met in real plans: `Thời hạn hoàn thành`, `Tiến độ thực hiện`,
  `Lộ trình thực hiện`, `Thời gian hoàn thành`, `Cơ quan, đơn vị chủ trì`, `Sản phẩm`,
  `Kinh phí`; ministries' action programmes add `Hình thức văn bản`, `Cấp trình`,
  `Thời hạn trình`, `Kinh phí`/`Nguồn kinh phí`;
- two-row headers (`Đơn vị thực hiện` over `Chủ trì | Phối hợp`; `Thời gian` over `Bắt đầu |
  Hoàn thành`; `Kinh phí` over `Tổng | Ngân sách …`) read as one header per column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.contracts.matrix import (
    TASK_CONTENT,
    TASK_COORD,
    TASK_LEAD,
    TASK_NUMBER,
    TASK_TIMELINE,
)
from pipeline.core.text import fold, one_line

# The five fields, in the order of the headers of the task matrix's `Nhiệm vụ` sheet
# (Contract 1, `contracts.matrix.TASKS`); each field's first variant is that header.
FIELDS = ("tt", "content", "lead", "coord", "timeline")

# Headers exactly as plans print them (compared folded: no diacritics, lower case).
HEADER_VARIANTS: dict[str, tuple[str, ...]] = {
    "tt": (TASK_NUMBER, "STT", "Số TT", "Số thứ tự", "Thứ tự", "Mục"),
    "content": (
        TASK_CONTENT,
        "Nội dung nhiệm vụ",
        "Nhiệm vụ",
        "Tên nhiệm vụ",
        "Nhiệm vụ, giải pháp",
        "Nhiệm vụ cụ thể",
        "Nội dung công việc",
        "Công việc",
        "Nội dung, nhiệm vụ",
        "Nội dung thực hiện",
        "Tên nhiệm vụ, đề án",
        "Tên đề án, nhiệm vụ",
        "Hoạt động",
        "Nội dung hoạt động",
        "Hoạt động triển khai",
        "Các nhiệm vụ, giải pháp",
    ),
    "lead": (
        TASK_LEAD,
        "Cơ quan chủ trì",
        "Cơ quan, đơn vị chủ trì",
        "Chủ trì",
        "Đơn vị chủ trì thực hiện",
        "Cơ quan chủ trì thực hiện",
        "Chủ trì thực hiện",
        "Cơ quan chủ trì soạn thảo",
        "Đơn vị chủ trì tham mưu",
        "Đơn vị thực hiện",
        "Cơ quan thực hiện",
        "Cơ quan, đơn vị thực hiện",
        "Đơn vị thực hiện - Chủ trì",
        "Cơ quan thực hiện - Chủ trì",
        "Phân công - Chủ trì",
    ),
    "coord": (
        TASK_COORD,
        "Cơ quan phối hợp",
        "Cơ quan, đơn vị phối hợp",
        "Phối hợp",
        "Đơn vị phối hợp thực hiện",
        "Cơ quan phối hợp thực hiện",
        "Phối hợp thực hiện",
        "Đơn vị thực hiện - Phối hợp",
        "Cơ quan thực hiện - Phối hợp",
        "Phân công - Phối hợp",
    ),
    "timeline": (
        TASK_TIMELINE,
        "Thời gian hoàn thành",
        "Thời hạn hoàn thành",
        "Tiến độ thực hiện",
        "Lộ trình thực hiện",
        "Thời gian",
        "Thời hạn",
        "Tiến độ",
        "Lộ trình",
        "Thời hạn thực hiện",
        "Thời gian triển khai",
        "Mốc thời gian",
        "Tiến độ hoàn thành",
        "Thời hạn trình",
        "Thời gian trình",
        "Thời gian - Hoàn thành",
        "Thời gian thực hiện - Hoàn thành",
    ),
}

# Extra columns plans print; they are kept as they are (this list only names them as known).
KNOWN_EXTRAS: tuple[str, ...] = (
    "Sản phẩm",
    "Sản phẩm dự kiến",
    "Sản phẩm đầu ra",
    "Kết quả dự kiến",
    "Kết quả/Sản phẩm",
    "Kết quả, sản phẩm",
    "Sản phẩm, kết quả",
    "Hình thức văn bản",
    "Hình thức sản phẩm",
    "Cấp trình",
    "Cấp ban hành",
    "Kinh phí",
    "Kinh phí (triệu đồng)",
    "Nguồn kinh phí",
    "Dự kiến kinh phí",
    "Ghi chú",
    "Chỉ tiêu",
    "Chỉ tiêu liên quan",
    "Mục tiêu",
    "Lực lượng hỗ trợ",
    "Nhóm nhiệm vụ",
    "Căn cứ",
    "Địa điểm",
)

# When a header is none of the above: ordered rules, the first whose words all occur wins.
# `extra` rules come first where a word would otherwise pull a column into a field (a start
# date is not the deadline; "Kết quả thực hiện" is not the lead).
KEYWORD_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("extra", ("bat dau",)),
    ("extra", ("kinh phi",)),
    ("extra", ("san pham",)),
    ("extra", ("ket qua",)),
    ("extra", ("ghi chu",)),
    ("lead", ("chu tri",)),
    ("coord", ("phoi hop",)),
    ("timeline", ("hoan thanh",)),
    ("timeline", ("thoi han",)),
    ("timeline", ("thoi gian",)),
    ("timeline", ("tien do",)),
    ("timeline", ("lo trinh",)),
    ("lead", ("don vi", "thuc hien")),
    ("lead", ("co quan", "thuc hien")),
    ("content", ("nhiem vu",)),
    ("content", ("noi dung",)),
    ("tt", ("so thu tu",)),
)

_PUNCTUATION = re.compile(r"[\s:.*()]+$")


def header_key(text: str) -> str:
    """A header folded for comparison: one line, no trailing colon, dot or note mark."""
    key = re.sub(r"\s*([-–,/])\s*", r"\1 ", fold(one_line(text))).replace("–", "-")
    return _PUNCTUATION.sub("", key).strip()


_EXACT: dict[str, str] = {
    header_key(text): column for column, texts in HEADER_VARIANTS.items() for text in texts
}
_KNOWN: frozenset[str] = frozenset(header_key(text) for text in KNOWN_EXTRAS)


def classify(header: str) -> tuple[str, int]:
    """The field a header names and how sure (0 = printed exactly so; higher = a keyword)."""
    key = header_key(header)
    if not key:
        return "extra", 99
    if key in _EXACT:
        return _EXACT[key], 0
    if key in _KNOWN:
        return "extra", 0
    words = f" {re.sub(r'[^a-z0-9]+', ' ', key)} "
    for rank, (column, needed) in enumerate(KEYWORD_RULES, start=1):
        if all(f" {word} " in words for word in needed):
            return column, rank
    return "extra", 99


@dataclass
class ColumnMap:
    """Which source column holds each field, and every other column kept under its header."""

    fields: dict[str, int] = field(default_factory=dict)
    headers: list[str] = field(default_factory=list)  # the header of every source column

    @property
    def extras(self) -> list[tuple[int, str]]:
        taken = set(self.fields.values())
        return [(i, h) for i, h in enumerate(self.headers) if i not in taken]

    def is_appendix(self) -> bool:
        return {"tt", "content", "lead"} <= self.fields.keys()


def map_columns(headers: list[str]) -> ColumnMap:
    """Each field goes to the column that names it most surely (the leftmost on a tie)."""
    best: dict[str, tuple[int, int]] = {}
    for index, header in enumerate(headers):
        column, rank = classify(header)
        if column != "extra" and (column not in best or rank < best[column][0]):
            best[column] = (rank, index)
    return ColumnMap(
        {column: index for column, (_, index) in best.items()}, [one_line(h) for h in headers]
    )


def combine_header_rows(top: list[str], sub: list[str]) -> list[str]:
    """One header per column from a two-row header: `Đơn vị thực hiện` over `Chủ trì`.

    A label merged across several columns sits in the first of them (the others are empty),
    so it is carried right over the columns that have a sub-header of their own.
    """
    width = max(len(top), len(sub))
    top = top + [""] * (width - len(top))
    sub = sub + [""] * (width - len(sub))
    combined: list[str] = []
    carried = ""
    for above, below in zip(top, sub, strict=True):
        above, below = one_line(above), one_line(below)
        if above:
            carried = above
        elif below:
            above = carried
        if not below or below == above:
            combined.append(above)
        elif not above:
            combined.append(below)
        else:
            combined.append(f"{above} - {below}")
    return combined
