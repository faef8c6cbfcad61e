"""The message catalog: every user-facing sentence, in Vietnamese and English.

Code never builds sentences itself. The sentences live in one area module each (plan, forms,
rules, intake, run, documents, importer, outputs); this module joins them into one key space
and refuses a key defined twice, so parallel work on two areas cannot silently shadow a sentence.
To add an area: a module with a `MESSAGES` dict, named in `_AREAS` below.
"""

from __future__ import annotations

from typing import Any

from pipeline.core.catalog import carryover as carryover  # own line: parallel areas do not collide
from pipeline.core.catalog import cli_help as cli_help  # own line: parallel areas do not collide
from pipeline.core.catalog import click_words as click_words  # own line, as the areas above
from pipeline.core.catalog import closed as closed_area  # own line, as the areas above
from pipeline.core.catalog import documents, forms, importer, intake, outputs, plan, rules, run
from pipeline.core.catalog import feedback as feedback  # own line: parallel areas do not collide
from pipeline.core.catalog import frames as frames  # own line: parallel areas do not collide
from pipeline.core.catalog import history as history_area  # own line, as the areas above
from pipeline.core.catalog import hostile as hostile  # own line, as the areas above
from pipeline.core.catalog import periods as periods_area
from pipeline.core.catalog import reports as reports  # own line: parallel areas do not collide
from pipeline.core.catalog import robust as robust  # own line: parallel areas do not collide
from pipeline.core.catalog import store_guard as store_guard  # own line, as the areas above
from pipeline.core.catalog import timeline as timeline_area  # own line, as the areas above
from pipeline.core.catalog import trust as trust  # own line: parallel areas do not collide
from pipeline.core.catalog import values as values  # own line: parallel areas do not collide
from pipeline.core.errors import Problem

LANGS = ("vi", "en")

_AREAS = (
    plan,
    forms,
    rules,
    intake,
    run,
    documents,
    importer,
    outputs,
    reports,
    feedback,
    timeline_area,
    robust,
    cli_help,
    click_words,
    values,
    hostile,
    frames,
    periods_area,
    history_area,
    carryover,
    trust,
    store_guard,
    closed_area,
)


def _join() -> dict[str, tuple[str, str]]:
    joined: dict[str, tuple[str, str]] = {}
    for area in _AREAS:
        for key, pair in area.MESSAGES.items():
            if key in joined:
                raise RuntimeError(f"catalog key {key!r} is defined twice ({area.__name__})")
            joined[key] = pair
    return joined


MESSAGES: dict[str, tuple[str, str]] = _join()


def t(key: str, lang: str = "vi", /, **params: Any) -> str:
    """The sentence for `key` in `lang`, with its parameters filled in."""
    vi, en = MESSAGES[key]
    return (en if lang == "en" else vi).format(**params)


def where(problem: Problem, lang: str = "vi") -> str:
    if problem.file is None:
        return ""
    if problem.sheet and problem.cell:
        return t("at-cell", lang, file=problem.file, sheet=problem.sheet, cell=problem.cell)
    if problem.sheet:
        return t("at-sheet", lang, file=problem.file, sheet=problem.sheet)
    return t("at-file", lang, file=problem.file)


def describe(problem: Problem, lang: str = "vi") -> str:
    """One line: where, then what to do."""
    place = where(problem, lang)
    text = t(problem.key, lang, **problem.params)
    return f"{place}: {text}" if place else text
