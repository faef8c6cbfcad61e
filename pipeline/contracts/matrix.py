"""Contract 1, the task matrix workbook (`templates/task_matrix.xlsx`), as data.

Every sheet name, header, optional column, agency kind and setting key of the task matrix is
declared here once. The loader (`plan/load.py`, `plan/load_time.py`), the writer of a new
matrix (`plan/matrix_book.py`, used by `import-plan`), the importer (`plan/importer.py`,
`plan/import_registry.py`, `plan/reference_columns.py`) and the printable agency × task
matrix (`plan/write_matrix.py`) read them; nothing else types them again. Headers are matched
folded (no diacritics, lower case), so the officer's `Ma` still reads as `Mã`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Header:
    name: str
    required: bool = True  # a sheet without a required header is refused, naming it
    width: float = 12  # Excel character units, when a new matrix is written
    # A new matrix has this column; the officer adds the others when the plan needs them
    # (the agency list over time: `Hiệu lực từ`, `Hiệu lực đến`, `Thay bằng`).
    written: bool = True


@dataclass(frozen=True)
class MatrixSheet:
    name: str
    headers: tuple[Header, ...]
    required: bool = True  # a workbook without a required sheet is refused, naming it

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(h.name for h in self.headers)

    @property
    def optional(self) -> frozenset[str]:
        return frozenset(h.name for h in self.headers if not h.required)

    @property
    def written(self) -> tuple[Header, ...]:
        return tuple(h for h in self.headers if h.written)


# Separator of the lists a cell holds: aliases, a phrase's members, successor codes.
LIST_SEPARATOR = ";"

# `Nhiệm vụ`: the appendix as printed, a row per group (Roman numeral in `TT`) then its tasks.
TASK_SHEET = "Nhiệm vụ"
TASK_NUMBER = "TT"
TASK_CONTENT = "Nội dung"
TASK_LEAD = "Đơn vị chủ trì"
TASK_COORD = "Đơn vị phối hợp"
TASK_TIMELINE = "Thời gian thực hiện"
# An extra column after the five: the numbers printed in the plan, when the import numbered
# the tasks anew. Other extra columns (`Sản phẩm`, `Kinh phí` …) keep the plan's own headers.
TASK_SOURCE_NUMBER = "TT gốc"
EXTRA_WIDTH = 24
# Optional, added by the officer when the plan changes over the years: the first and last
# period a task belongs to (empty: from the first, to the last).
TASK_FIRST_PERIOD = "Từ kỳ"
TASK_LAST_PERIOD = "Đến kỳ"

TASKS = MatrixSheet(
    TASK_SHEET,
    (
        Header(TASK_NUMBER, width=6),
        Header(TASK_CONTENT, width=80),
        Header(TASK_LEAD, width=34),
        Header(TASK_COORD, width=34),
        Header(TASK_TIMELINE, width=22),
        Header(TASK_FIRST_PERIOD, required=False, written=False),
        Header(TASK_LAST_PERIOD, required=False, written=False),
    ),
)

# `Đơn vị`: one row per agency.
AGENCY_SHEET = "Đơn vị"
AGENCY_CODE = "Mã"  # an ASCII slug
AGENCY_NAME = "Tên đơn vị"
AGENCY_KIND = "Loại"
AGENCY_ORDER = "Thứ tự"
AGENCY_ALIASES = "Tên gọi khác"
AGENCY_EMAIL = "Email"
AGENCY_FROM = "Hiệu lực từ"
AGENCY_TO = "Hiệu lực đến"
AGENCY_SUCCESSORS = "Thay bằng"
# The values of `Loại`: phrases name them (`Gồm`: `so; ban-nganh`) to cover every such agency.
KIND_DEPARTMENT = "so"  # sở
KIND_SECTOR = "ban-nganh"  # ban, ngành
KIND_DISTRICT = "huyen"  # UBND huyện, thị xã, thành phố
KIND_COMMUNE = "xa"  # UBND xã, phường, thị trấn
KIND_SCHOOL = "truong"  # trường
KIND_OTHER = "khac"
AGENCY_KINDS = (KIND_DEPARTMENT, KIND_SECTOR, KIND_DISTRICT, KIND_COMMUNE, KIND_SCHOOL, KIND_OTHER)

AGENCIES = MatrixSheet(
    AGENCY_SHEET,
    (
        Header(AGENCY_CODE, width=10),
        Header(AGENCY_NAME, width=42),
        Header(AGENCY_KIND, width=11),
        Header(AGENCY_ORDER, required=False, width=7),
        Header(AGENCY_ALIASES, required=False, width=60),
        Header(AGENCY_EMAIL, required=False, width=28),
        Header(AGENCY_FROM, required=False, written=False),
        Header(AGENCY_TO, required=False, written=False),
        Header(AGENCY_SUCCESSORS, required=False, written=False),
    ),
)

# `Cụm từ`: collective phrases; an empty `Gồm` is a phrase that assigns nobody.
PHRASE_SHEET = "Cụm từ"
PHRASE_TEXT = "Cụm từ"
PHRASE_MEMBERS = "Gồm"

PHRASES = MatrixSheet(
    PHRASE_SHEET, (Header(PHRASE_TEXT, width=48), Header(PHRASE_MEMBERS, width=90))
)

# `Cấu hình`: one setting per row.
SETTINGS_SHEET = "Cấu hình"
SETTING_KEY = "Khóa"
SETTING_VALUE = "Giá trị"
SETTING_MEANING = "Ý nghĩa"

SETTINGS = MatrixSheet(
    SETTINGS_SHEET,
    (
        Header(SETTING_KEY, width=26),
        Header(SETTING_VALUE, width=70),
        Header(SETTING_MEANING, required=False, width=60),
    ),
)

# The keys of `Cấu hình` and what each means (a new matrix writes the meaning beside it).
SETTING_KEYS = {
    "ma_ke_hoach": "Mã kế hoạch (ghi trong mỗi biểu mẫu)",
    "ten_ke_hoach": "Tên kế hoạch",
    "ten_ngan": "Tên ngắn in trên biểu mẫu và báo cáo",
    "co_quan_ban_hanh": "Cơ quan ban hành",
    "co_quan_nhan": "Cơ quan nhận báo cáo",
    "ky_bao_cao": "Các kỳ báo cáo (năm), cách nhau bởi dấu ;",
    "han_nop": "Hạn nộp báo cáo của kỳ đầu (dd/mm/yyyy)",
    "han_nop_tinh_ca_ngay": "Nộp đúng ngày hạn có được tính là đúng hạn không (Có/Không)",
    "ngay_chot_so_lieu": "Ngày chốt số liệu của kỳ đầu (dd/mm/yyyy)",
    "phien_ban_bieu_mau": "Phiên bản biểu mẫu; tăng lên khi sửa nhiệm vụ để biểu mẫu cũ bị từ chối",
}
ISSUER_SETTING = "co_quan_ban_hanh"  # also tells `import-plan` whose registry fits
REQUIRED_SETTINGS = ("ma_ke_hoach", "ten_ke_hoach")
# Required too when the matrix has no `Kỳ báo cáo`: then `Cấu hình` gives the periods.
SCHEDULE_SETTINGS = ("ky_bao_cao", "han_nop")

# `Kỳ báo cáo` (optional): one row per reporting period.
PERIOD_SHEET = "Kỳ báo cáo"
PERIOD_NAME = "Kỳ"
PERIOD_START = "Từ ngày"
PERIOD_END = "Đến ngày"
PERIOD_DEADLINE = "Hạn nộp"
PERIOD_CUTOFF = "Chốt số liệu"
PERIOD_VERSION = "Phiên bản biểu mẫu"
PERIOD_DATES = (PERIOD_START, PERIOD_END, PERIOD_DEADLINE, PERIOD_CUTOFF)

PERIODS = MatrixSheet(
    PERIOD_SHEET,
    (
        Header(PERIOD_NAME),
        *(Header(name) for name in PERIOD_DATES),
        Header(PERIOD_VERSION, required=False),
    ),
    required=False,
)

SHEETS = (TASKS, AGENCIES, PHRASES, SETTINGS, PERIODS)

# The printable agency × task matrix (`kehoach plan --matrix`): agencies down, tasks across.
PRINTED_SHEET = "Ma trận"
PRINTED_AGENCY = "Đơn vị"
