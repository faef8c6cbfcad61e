"""Whether a return is what it claims to be, beyond its metadata: the file's name, the pairing
of each row's task number with its pre-filled content, and a second report table.

The metadata and the table are what the agency controls; these values make a mismatch
visible (as the rules `filename-other-agency`, `task-content-mismatch` and
`report-table-twice` of `rules/table.py`) instead of letting answers move to another agency
or another task. Plain functions over values: `validate.prepare_*` put them in the frames.
"""

from __future__ import annotations

from functools import lru_cache

from pipeline.core.text import fold
from pipeline.plan.model import Plan

SAME_TASK = 0.8  # share of words in common above which a content is that task's
NOT_OWN = 0.5  # share of words in common with its own task below which a row is not its task's


def agency_named_by_file(rel: str, plan: Plan) -> str:
    """The one expected agency whose code the file name holds ("" when none or unclear)."""
    folded = fold(_stem(rel))
    codes = plan.expected_codes
    # Each stretch of the name as long as some code, looked up among the codes: the work grows
    # with the name, not with the number of agencies (testing every code against every name
    # cost 0.9 s at 3,321 returns).
    named = {
        folded[start : start + size]
        for size in _code_lengths(codes)
        for start in range(len(folded) - size + 1)
        if folded[start : start + size] in codes
    }
    if not named:
        return ""
    return max(named, key=len)  # "so_khdt_2" names so_khdt, not a shorter code inside it


def other_agency_named(rel: str, agency: str, identified_by: str, plan: Plan) -> str:
    """The name of another agency that the file's name names ("" when it names its own)."""
    if identified_by or not agency:  # the name was what identified it
        return ""
    named = agency_named_by_file(rel, plan)
    if not named or named == agency or agency in fold(_stem(rel)):
        return ""
    agencies = plan.registry.agencies
    return agencies[named].name if named in agencies else named


@lru_cache(maxsize=4)
def _code_lengths(codes: frozenset[str]) -> tuple[int, ...]:
    """The lengths the plan's codes have (once per plan: a frozenset keeps its hash)."""
    return tuple(sorted({len(code) for code in codes if code}))


def _stem(rel: str) -> str:
    """The file's name without its last suffix, as `PurePosixPath.stem` (a tenth the cost)."""
    name = rel.rsplit("/", 1)[-1]
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def task_words(plan: Plan) -> dict[str, set[str]]:
    return {t.number: _words(t.content) for t in plan.tasks}


def task_of_content(number: str, content: str, tasks: dict[str, set[str]]) -> str:
    """Another task whose text this row's content is ("" when it is its own task's)."""
    if number not in tasks or not content:
        return ""
    words = _words(content)
    if _likeness(words, tasks[number]) >= NOT_OWN:
        return ""
    others = [n for n in tasks if n != number]
    other = max(others, key=lambda n: _likeness(words, tasks[n]), default="")
    return other if other and _likeness(words, tasks[other]) >= SAME_TASK else ""


def _words(text: str) -> set[str]:
    return set(fold(text).split())


def _likeness(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(len(a | b), 1)
