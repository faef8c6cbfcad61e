"""The agency registry and the resolution of free-text agency cells into agency codes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.core.text import clean, fold

KINDS = ("so", "ban-nganh", "huyen", "truong", "khac")
# Words that join names in an agency cell; they are skipped only where no name starts.
SEPARATORS = frozenset({",", ";", ".", ":", "va", "(", ")", "/"})
_TOKEN = re.compile(r"[\w&'’`]+|[^\s\w]")
SHORT_NAME_LIMIT = 25


@dataclass(frozen=True)
class Agency:
    code: str
    name: str
    kind: str
    order: int
    aliases: tuple[str, ...] = ()
    email: str = ""

    @property
    def short(self) -> str:
        """A name short enough for a sheet tab or a text prefix: the first alias of a long name."""
        name = self.name.replace("Ủy ban nhân dân", "UBND").replace("Uỷ ban nhân dân", "UBND")
        if len(name) <= SHORT_NAME_LIMIT or not self.aliases:
            return name
        return min((*self.aliases[:1], name), key=len)


@dataclass(frozen=True)
class Phrase:
    """A collective phrase such as "Các Sở, ban ngành"; no members means it cannot be expanded."""

    text: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class Resolution:
    codes: tuple[str, ...]
    phrases: tuple[str, ...]
    unexpanded: tuple[str, ...]
    leftovers: tuple[str, ...]


def tokens(text: str) -> list[tuple[str, str]]:
    """(original, folded) word and punctuation tokens of a cell."""
    return [(tok, fold(tok)) for tok in _TOKEN.findall(clean(text))]


def name_key(text: str) -> tuple[str, ...]:
    """How names are compared: folded word and punctuation tokens."""
    return tuple(f for _, f in tokens(text))


class Registry:
    """Agencies and phrases, indexed for longest-match resolution on folded tokens."""

    def __init__(self, agencies: Iterable[Agency], phrases: Iterable[Phrase]) -> None:
        ordered = sorted(agencies, key=lambda a: a.order)
        self.agencies: dict[str, Agency] = {a.code: a for a in ordered}
        self.phrases: dict[str, Phrase] = {fold(p.text): p for p in phrases}
        self._index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        for agency in self.agencies.values():
            for name in (agency.name, *agency.aliases):
                self._add(name, "agency", agency.code)
        for phrase in self.phrases.values():
            self._add(phrase.text, "phrase", fold(phrase.text))
        for entries in self._index.values():
            entries.sort(key=lambda entry: -len(entry[0]))

    def _add(self, name: str, kind: str, target: str) -> None:
        key = name_key(name)
        if key:
            self._index.setdefault(key[0], []).append((key, kind, target))

    def members(self, phrase: Phrase, _seen: frozenset[str] = frozenset()) -> list[str]:
        """Codes a phrase stands for: each member is an agency kind, a code or another phrase."""
        codes: list[str] = []
        for member in phrase.members:
            if member in KINDS:
                codes += [a.code for a in self.agencies.values() if a.kind == member]
            elif member in self.agencies:
                codes.append(member)
            elif (key := fold(member)) in self.phrases and key not in _seen:
                codes += self.members(self.phrases[key], _seen | {fold(phrase.text)})
        return codes

    def unknown_members(self, phrase: Phrase) -> list[str]:
        return [
            m
            for m in phrase.members
            if m not in KINDS and m not in self.agencies and fold(m) not in self.phrases
        ]

    def resolve(self, text: str) -> Resolution:
        toks = tokens(text)
        codes: list[str] = []
        phrases: list[str] = []
        unexpanded: list[str] = []
        leftovers: list[str] = []
        pending: list[str] = []
        i = 0
        while i < len(toks):
            match = self._match(toks, i)
            if match is None:
                if toks[i][1] in SEPARATORS:
                    _flush(pending, leftovers)
                else:
                    pending.append(toks[i][0])
                i += 1
                continue
            _flush(pending, leftovers)
            length, kind, target = match
            if kind == "agency":
                codes.append(target)
            else:
                phrase = self.phrases[target]
                phrases.append(phrase.text)
                members = self.members(phrase)
                if members:
                    codes += members
                else:
                    unexpanded.append(phrase.text)
            i += length
        _flush(pending, leftovers)
        return Resolution(
            codes=tuple(self.in_order(codes)),
            phrases=tuple(phrases),
            unexpanded=tuple(unexpanded),
            leftovers=tuple(leftovers),
        )

    def _match(self, toks: list[tuple[str, str]], start: int) -> tuple[int, str, str] | None:
        for key, kind, target in self._index.get(toks[start][1], []):
            end = start + len(key)
            if end <= len(toks) and tuple(f for _, f in toks[start:end]) == key:
                return len(key), kind, target
        return None

    def in_order(self, codes: Iterable[str]) -> list[str]:
        """Unique codes in the registry's official order (not alphabetical)."""
        wanted = set(codes)
        return [code for code in self.agencies if code in wanted]


def _flush(pending: list[str], leftovers: list[str]) -> None:
    if pending:
        leftovers.append(" ".join(pending))
        pending.clear()
