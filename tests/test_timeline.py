"""The timeline reader against real plan texts, and the overdue rules built on it."""

from __future__ import annotations

import csv
import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.plan.timeline import parse
from tests.helpers import run_command

TABLE = Path(__file__).parent / "data" / "timelines.tsv"


def _rows() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = _rows()


def _date(text: str) -> date | None:
    return None if text == "—" else datetime.strptime(text, "%d/%m/%Y").date()


def test_the_table_holds_eighty_real_texts_with_their_sources() -> None:
    assert len(ROWS) >= 80
    assert len({r["text"] for r in ROWS}) >= 80
    assert all(r["source"].split()[0] in {"NQ03", "CV402", "KT144", "AGSTP", "IS15"} for r in ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['text'][:40]}@{r['period']}" for r in ROWS])
def test_real_timeline(row: dict[str, str]) -> None:
    reading = parse(row["text"])
    assert (reading.kind, reading.due_for(row["period"])) == (row["kind"], _date(row["due"]))
    assert reading.text == row["text"]
    dated = "dated" in reading.kind
    assert (reading.deadline_for(row["period"]) is not None) <= dated


# --- the grammar beyond the real table: forms the reader must read, or refuse ---------------

GRAMMAR = [
    # text, period, kind, due
    ("Quý III", "2025", "unread", None),  # no year: never guessed from the period
    ("Trước ngày 15/12", "2025", "unread", None),
    ("Trước năm 2025", "2024", "dated", date(2024, 12, 31)),
    ("Trước tháng 7/2025", "2025", "dated", date(2025, 6, 30)),
    ("Trước ngày 30/6/2025", "2025", "dated", date(2025, 6, 30)),
    ("Chậm nhất ngày 15/12/2024", "2024", "dated", date(2024, 12, 15)),
    ("Hoàn thành trong Quý II năm 2025", "2025", "dated", date(2025, 6, 30)),
    ("6 tháng cuối năm 2024", "2024", "dated", date(2024, 12, 31)),
    ("Tháng 3-6/2025", "2025", "dated", date(2025, 6, 30)),
    ("Quý IV/2025 - Quý I/2026", "2026", "dated", date(2026, 3, 31)),
    ("Giai đoạn 2024-2030", "2030", "dated", date(2030, 12, 31)),
    ("Giai đoạn 2024 – 2030", "2025", "dated", None),
    ("Từ năm 2024 đến năm 2030", "2030", "dated", date(2030, 12, 31)),
    ("Đến năm 2030", "2030", "dated", date(2030, 12, 31)),
    ("Cuối năm 2025", "2025", "dated", date(2025, 12, 31)),
    ("2025-12-15 00:00:00", "2025", "dated", date(2025, 12, 15)),  # an Excel date cell
    ("Hằng tháng", "2025", "recurring", None),
    ("Định kỳ 6 tháng", "2025", "recurring", None),
    ("Hằng năm, trước ngày 15/12", "2025", "recurring", date(2025, 12, 15)),
    ("Năm 2024 và hằng năm", "2024", "dated+recurring", date(2024, 12, 31)),
    ("Năm 2024 và hằng năm", "2025", "dated+recurring", None),
    ("Theo kế hoạch của Bộ Nội vụ", "2025", "conditional", None),
    ("Thực hiện theo hướng dẫn của Bộ Khoa học và Công nghệ", "2025", "conditional", None),
    ("Thường xuyên, liên tục", "2025", "standing", None),
    ("Đầu năm 2025", "2025", "unread", None),
    ("Quý V/2025", "2025", "unread", None),
    ("Tháng 13/2025", "2025", "unread", None),
    ("   ", "2025", "unread", None),
]


@pytest.mark.parametrize(("text", "period", "kind", "due"), GRAMMAR)
def test_grammar(text: str, period: str, kind: str, due: date | None) -> None:
    reading = parse(text)
    assert (reading.kind, reading.due_for(period)) == (kind, due)


def test_labels_name_every_part() -> None:
    reading = parse("Trong năm 2024 và khi có hướng dẫn mới của Trung ương")
    assert reading.label_in("vi") == "Có thời hạn + Chờ hướng dẫn, điều kiện"
    assert reading.label_in("en") == "dated + conditional"


# --- overdue means overdue ----------------------------------------------------------------

DONE, DOING, NOT_YET, NOBODY = "Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Chưa báo cáo"
OVERDUE_CASES = [
    # timeline, period, as of, leads' status, state
    ("Hàng năm", "2024", date(2025, 1, 6), DOING, ""),  # a yearly duty is never overdue
    ("Định kỳ hằng năm", "2025", date(2026, 1, 6), NOT_YET, ""),
    ("Trước ngày 15/12 hằng năm", "2025", date(2026, 1, 6), DOING, ""),
    ("Hằng quý", "2025", date(2026, 1, 6), NOBODY, ""),
    ("Thường xuyên", "2024", date(2025, 1, 6), NOBODY, ""),
    ("Từ năm 2025", "2026", date(2027, 1, 6), DOING, ""),
    ("Năm 2025 và những năm tiếp theo", "2026", date(2027, 1, 6), DOING, ""),
    ("Quý IV/2025 và các năm tiếp theo", "2026", date(2027, 1, 6), NOT_YET, ""),
    ("Khi có hướng dẫn của Trung ương", "2025", date(2026, 1, 6), NOT_YET, ""),
    ("Kỳ họp giữa năm 2026", "2026", date(2027, 1, 6), NOT_YET, ""),  # unread: listed instead
    # "Trong năm 2024 và khi có hướng dẫn mới…": due in 2024, waiting on guidance afterwards
    (
        "Trong năm 2024 và khi có hướng dẫn mới của Trung ương",
        "2024",
        date(2025, 1, 6),
        DOING,
        "overdue",
    ),
    ("Trong năm 2024 và khi có hướng dẫn mới của Trung ương", "2025", date(2026, 1, 6), DOING, ""),
    (
        "Trong năm 2024 và sau khi có hướng dẫn mới của Trung ương",
        "2025",
        date(2026, 1, 6),
        NOT_YET,
        "",
    ),
    ("Năm 2024", "2024", date(2025, 1, 6), DOING, "overdue"),
    ("Năm 2024", "2024", date(2025, 1, 6), DONE, ""),
    ("Năm 2024", "2024", date(2024, 12, 31), DOING, ""),  # on the deadline itself: not yet
    ("Năm 2024", "2025", date(2026, 1, 6), NOT_YET, "overdue"),  # still not done a year later
    ("Năm 2024", "2024", date(2025, 1, 6), NOBODY, "unreported-past-due"),
    ("Năm 2025", "2024", date(2025, 1, 6), DOING, ""),  # falls after the period
    ("6 tháng đầu năm 2025", "2025", date(2025, 7, 1), DOING, "overdue"),
    ("6 tháng đầu năm 2025", "2025", date(2025, 6, 30), DOING, ""),
    ("Quý II-III/2025", "2025", date(2025, 10, 1), NOT_YET, "overdue"),
    ("Quý II-III/2025", "2025", date(2025, 9, 30), NOT_YET, ""),
    ("2025-2026", "2025", date(2026, 1, 6), DOING, ""),  # the span ends in 2026
    ("2025-2026", "2026", date(2027, 1, 6), DOING, "overdue"),
]


@pytest.mark.parametrize(("text", "period", "as_of", "status", "state"), OVERDUE_CASES)
def test_overdue_rules(text: str, period: str, as_of: date, status: str, state: str) -> None:
    from pipeline.rollup.overdue import overdue_state

    assert overdue_state(parse(text), status, period, as_of) == state


def _headline_line(output: str) -> str:
    return next(line for line in output.splitlines() if line.startswith("Nhiệm vụ:"))


def test_an_empty_inbox_is_unreported_not_overdue(tmp_path: Path) -> None:

    (tmp_path / "inbox").mkdir()
    result = run_command(tmp_path / "inbox", tmp_path / "out", as_of="06/01/2025")
    assert result.exit_code == 0, result.output
    # tasks 2, 6 and 9 ("Trong năm 2024 và …") passed their 2024 deadline with no report
    assert _headline_line(result.output) == (
        "Nhiệm vụ: 15 · 0 đã hoàn thành · 0 đang thực hiện · 0 chưa thực hiện · "
        "15 chưa báo cáo (3 đã qua hạn) · 0 quá hạn"
    )


def test_the_demo_counts_only_passed_deadlines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.core import libreoffice
    from pipeline.demo.build import AS_OF, build_demo

    monkeypatch.setattr(libreoffice, "soffice", lambda: None)  # the .ods round trip is not needed
    result, _ = build_demo(tmp_path / "demo")
    tasks = result.consolidation.tasks.set_index("TT")
    overdue = set(tasks.index[tasks["Quá hạn"] == "Có"])
    # As of 06/01/2025 only the dated part of tasks 2, 6, 9 ("Trong năm 2024 …") has passed;
    # the six "Hàng năm" tasks and the standing ones are duties, never overdue.
    assert date(2025, 1, 6) == AS_OF
    assert overdue == {"2", "6", "9"}
    assert all(tasks.loc[n, "Tình trạng chung"] != DONE for n in overdue)
    assert result.consolidation.headline["overdue"] == 3
    assert result.consolidation.headline["not_reported_overdue"] == 0


def test_kehoach_plan_lists_every_timeline_it_could_not_read(tmp_path: Path) -> None:
    import shutil

    from click.testing import CliRunner
    from openpyxl import load_workbook

    from pipeline.cli import cli
    from tests.conftest import PLAN

    target = tmp_path / "task_matrix.xlsx"
    shutil.copyfile(PLAN, target)
    workbook = load_workbook(target)
    sheet = workbook["Nhiệm vụ"]
    rows = {str(r[0].value): int(r[0].row or 0) for r in sheet.iter_rows(min_row=2)}
    sheet.cell(rows["3"], 5).value = "Kỳ họp giữa năm 2026"
    sheet.cell(rows["5"], 5).value = None
    sheet.cell(rows["7"], 5).value = "Quý II-III/2025"
    workbook.save(target)
    result = CliRunner().invoke(cli, ["plan", "--plan", str(target)])
    assert result.exit_code == 0, result.output
    tail = result.output[result.output.index("Thời gian thực hiện chưa đọc được") :]
    assert tail.splitlines()[1:3] == [
        "  nhiệm vụ 3: 'Kỳ họp giữa năm 2026'",
        "  nhiệm vụ 5: (để trống)",
    ]
    assert "Thời gian: Quý II-III/2025 → Có thời hạn, hạn —" in result.output  # not due in 2024


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_reading_survives_nfd_case_spacing_and_a_full_stop(data: st.DataObject) -> None:
    row = data.draw(st.sampled_from([r for r in ROWS if r["text"].strip()]))
    text = unicodedata.normalize(data.draw(st.sampled_from(["NFC", "NFD"])), row["text"])
    text = data.draw(st.sampled_from([text, text.upper(), text.lower()]))
    text = text.replace(" ", data.draw(st.sampled_from([" ", "  ", "\u00a0"])))
    text += data.draw(st.sampled_from(["", ".", " ;", "\u200b"]))
    reading = parse(text)
    assert (reading.kind, reading.due_for(row["period"])) == (row["kind"], _date(row["due"]))


def test_the_overview_note_names_the_columns_the_rollup_writes() -> None:
    from pipeline.core.catalog import t
    from pipeline.rollup.overdue import UNREPORTED_COLUMN

    assert UNREPORTED_COLUMN in t("overdue-rule-note", "vi")
    assert UNREPORTED_COLUMN in t("overdue-rule-note", "en")
