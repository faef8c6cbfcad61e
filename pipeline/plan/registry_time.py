"""The agency list over time: who is in force on a day, and who took over from whom.

Names are matched against every agency the plan has ever listed (a 2025 task cell may still
say "Sở Kế hoạch và Đầu tư"); what a name or a phrase assigns is decided per period, on the
period's data cutoff: an agency in force then is itself, one that ended passes its work to its
successors (`Thay bằng`, followed as far as needed), one that does not exist yet is nobody.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from pipeline.contracts.matrix import AGENCY_KINDS as KINDS
from pipeline.core.text import fold
from pipeline.plan.registry import Agency, Phrase, Registry, Resolution


def in_force(agency: Agency, day: date) -> bool:
    return (agency.valid_from is None or agency.valid_from <= day) and (
        agency.valid_to is None or day <= agency.valid_to
    )


def registry_at(registry: Registry, day: date) -> Registry:
    """The agencies in force on `day`, with every phrase; the same object when all are."""
    kept = [a for a in registry.agencies.values() if in_force(a, day)]
    if len(kept) == len(registry.agencies):
        return registry
    return Registry(kept, registry.phrases.values())


def current_codes(registry: Registry, code: str, day: date) -> list[str]:
    """Who does `code`'s work on `day`: itself, its successors in force, or nobody."""
    return _current(registry, code, day, frozenset())


def _current(registry: Registry, code: str, day: date, seen: frozenset[str]) -> list[str]:
    agency = registry.agencies.get(code)
    if agency is None or code in seen:
        return []
    if in_force(agency, day):
        return [code]
    if agency.valid_from is not None and day < agency.valid_from:
        return []  # not created yet
    codes: list[str] = []
    for successor in agency.successors:
        codes += _current(registry, successor, day, seen | {code})
    return codes


def phrase_members_at(registry: Registry, phrase: Phrase, day: date) -> list[str]:
    """Codes a phrase stands for on `day`: its kinds' agencies in force, its codes' current
    holders, its nested phrases' members."""
    return _members(registry, phrase, day, frozenset())


def _members(registry: Registry, phrase: Phrase, day: date, seen: frozenset[str]) -> list[str]:
    codes: list[str] = []
    for member in phrase.members:
        if member in KINDS:
            codes += [
                a.code for a in registry.agencies.values() if a.kind == member and in_force(a, day)
            ]
        elif member in registry.agencies:
            codes += current_codes(registry, member, day)
        elif (key := fold(member)) in registry.phrases and key not in seen:
            codes += _members(registry, registry.phrases[key], day, seen | {fold(phrase.text)})
    return codes


@dataclass(frozen=True)
class CellAtDay:
    """What one agency cell assigns in one period, and the phrases that cover nobody then."""

    codes: tuple[str, ...]
    empty_phrases: tuple[str, ...]


def cell_at(registry: Registry, resolution: Resolution, day: date) -> CellAtDay:
    codes: list[str] = []
    for code in resolution.named:
        codes += current_codes(registry, code, day)
    empty: list[str] = []
    for text in resolution.phrases:
        phrase = registry.phrases[fold(text)]
        if not phrase.members:
            continue  # "các đơn vị có liên quan": nobody by design, listed by `kehoach plan`
        members = phrase_members_at(registry, phrase, day)
        if not members:
            empty.append(phrase.text)
        codes += members
    return CellAtDay(tuple(_in_order(registry, codes)), tuple(empty))


def _in_order(registry: Registry, codes: Iterable[str]) -> list[str]:
    return registry.in_order(codes)
