"""The agency registry and the resolution of free-text agency cells into agency codes.

A cell is read left to right. At each word the longest known name, alias or collective phrase
wins ("UBND" and "Ủy ban nhân dân" are one word here, see `phrases.py`), followed if written by
the plan's own province ("Sở Tài chính tỉnh Kon Tum"). "Các Sở: Tài chính, Xây dựng, Y tế" is a
list after a colon: each item is read under the head "Sở". Words that are no known name are
reported whole, from where they start to where a separator is followed by the start of another
name: "Sở Kế hoạch và Đầu tư" unknown is one unknown name, never "Sở Kế hoạch" and "Đầu tư".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from pipeline.contracts.matrix import AGENCY_KINDS as KINDS
from pipeline.core.text import fold
from pipeline.plan.phrases import BUILT_IN_PHRASES, Token, name_key, starts_name, tokens

_LIST_ENDS = frozenset({";"})
_BREAKS = frozenset({",", ";", ".", "(", ")", "/", ":"})  # "và" is handled apart
SHORT_NAME_LIMIT = 25

__all__ = ["KINDS", "Agency", "Phrase", "Registry", "Resolution", "name_key"]


@dataclass(frozen=True)
class Agency:
    code: str
    name: str
    kind: str
    order: int
    aliases: tuple[str, ...] = ()
    email: str = ""
    # In force from/until (inclusive; None = always) and who takes its work when it ends:
    # see plan/registry_time.py.
    valid_from: date | None = None
    valid_to: date | None = None
    successors: tuple[str, ...] = ()

    @property
    def short(self) -> str:
        """A name short enough for a sheet tab or a text prefix: the first alias of a long name,
        when it is a short form of the name as it is now (see `abbreviates`)."""
        name = self.name.replace("Ủy ban nhân dân", "UBND").replace("Uỷ ban nhân dân", "UBND")
        if len(name) <= SHORT_NAME_LIMIT or not self.aliases:
            return name
        first = self.aliases[0]
        return first if len(first) < len(name) and abbreviates(first, self.name) else name


def abbreviates(alias: str, name: str) -> bool:
    """Whether `alias` reads as a short form of `name`: its words in capitals ("NN&PTNT",
    "ĐBQH") are initials of the name's words and its other words ("Sở", "tỉnh") are the name's
    words, all in the name's order (words may be left out).

    A department renamed in the agency sheet while its `Tên gọi khác` stays as it was would
    otherwise keep showing its old abbreviation ("Sở TT&TT" for a "Sở Khoa học và Công nghệ").
    """
    words = [w for w in re.split(r"[\s,;.&()/-]+", fold(name)) if w]
    at = 0
    for token in (t for t in re.split(r"[\s,;.&()/-]+", alias) if t):
        letters = [fold(ch) for ch in token if ch.isalpha()]
        is_initials = len(letters) > 0 and all(ch.isupper() for ch in token if ch.isalpha())
        wanted = letters if is_initials else [fold(token)]
        for piece in wanted:
            while at < len(words) and (words[at][:1] if is_initials else words[at]) != piece:
                at += 1
            if at == len(words):
                return False
            at += 1
    return True


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
    named: tuple[str, ...] = ()  # codes matched by name, before any phrase is expanded


@dataclass(frozen=True)
class _Entry:
    key: tuple[str, ...]
    kind: str  # "agency" or "phrase"
    target: str  # agency code, or the phrase's folded text


class _Cell:
    """What one cell resolves to, gathered while it is read."""

    def __init__(self, text: str, toks: list[Token]) -> None:
        self.text = text
        self.toks = toks
        self.codes: list[str] = []
        self.named: list[str] = []
        self.phrases: list[str] = []
        self.unexpanded: list[str] = []
        self.leftovers: list[str] = []
        self.pending: list[Token] = []

    def flush(self) -> None:
        if self.pending:
            self.leftovers.append(self.text[self.pending[0].start : self.pending[-1].end])
            self.pending = []


class Registry:
    """Agencies and phrases, indexed for longest-match resolution on canonical tokens."""

    def __init__(
        self, agencies: Iterable[Agency], phrases: Iterable[Phrase], province: tuple[str, ...] = ()
    ) -> None:
        ordered = sorted(agencies, key=lambda a: a.order)
        self.agencies: dict[str, Agency] = {a.code: a for a in ordered}
        self.phrases: dict[str, Phrase] = {fold(p.text): p for p in phrases}
        self.province = province
        # Every name's key, and per first word the key lengths to try, longest first: a plan
        # with thousands of "UBND xã …" names must not scan them all at every word.
        self._keys: dict[tuple[str, ...], _Entry] = {}
        self._lengths: dict[str, list[int]] = {}
        for agency in self.agencies.values():
            for name in (agency.name, *agency.aliases):
                self._add(name, "agency", agency.code)
        for agency in self.agencies.values():  # "Sở Tài chính tỉnh Kon Tum" also without it
            for name in (agency.name, *agency.aliases):
                for key in self._without_province(name_key(name)):
                    self._add_key(key, "agency", agency.code)  # unless a name owns it
        for phrase in self.phrases.values():
            self._add(phrase.text, "phrase", fold(phrase.text))
        for text, members in BUILT_IN_PHRASES:  # only where the plan's own words say nothing
            if name_key(text) not in self._keys and fold(text) not in self.phrases:
                self.phrases[fold(text)] = Phrase(text, members)
                self._add(text, "phrase", fold(text))
        for lengths in self._lengths.values():
            lengths.sort(reverse=True)

    def _add(self, name: str, kind: str, target: str) -> None:
        self._add_key(name_key(name), kind, target)

    def _add_key(self, key: tuple[str, ...], kind: str, target: str) -> None:
        """Index a key; the first name to claim it keeps it (agencies, then the plan's phrases)."""
        if key and key not in self._keys:
            self._keys[key] = _Entry(key, kind, target)
            lengths = self._lengths.setdefault(key[0], [])
            if len(key) not in lengths:
                lengths.append(len(key))

    def _without_province(self, key: tuple[str, ...]) -> list[tuple[str, ...]]:
        n = len(self.province)
        if not n or key[-n - 1 :] != ("tinh", *self.province) or len(key) <= n + 2:
            return []
        return [key[:-n], key[: -n - 1]]

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

    def in_order(self, codes: Iterable[str]) -> list[str]:
        """Unique codes in the registry's official order (not alphabetical)."""
        wanted = set(codes)
        return [code for code in self.agencies if code in wanted]

    # --- reading a cell ------------------------------------------------------------------

    def resolve(self, text: str) -> Resolution:
        cleaned, toks = tokens(text)
        cell = _Cell(cleaned, toks)
        i = 0
        while i < len(toks):
            i = self._step(cell, i)
        cell.flush()
        return Resolution(
            codes=tuple(self.in_order(cell.codes)),
            phrases=tuple(cell.phrases),
            unexpanded=tuple(cell.unexpanded),
            leftovers=tuple(cell.leftovers),
            named=tuple(cell.named),
        )

    def _step(self, cell: _Cell, i: int) -> int:
        """Read what starts at token `i`; return where the next step starts."""
        toks = cell.toks
        if (after_list := self._colon_list(cell, i)) is not None:
            return after_list
        entry = self._match(toks, i)
        if entry is not None:
            end = self._after_province(toks, i + len(entry.key), entry.key)
            if not self._elsewhere(toks, end, entry.key):
                cell.flush()
                self._take(cell, entry)
                return end
            # "Sở Tài chính tỉnh Gia Lai" is another province's agency: unknown, and whole
            while end < len(toks) and toks[end].key not in _BREAKS and toks[end].key != "va":
                end += 1
            cell.pending += toks[i:end]
            return end
        key = toks[i].key
        joins_name = (
            cell.pending and not starts_name(toks, i + 1) and self._match(toks, i + 1) is None
        )
        if key == "va" or key == "," or key == "-":
            if joins_name:  # "Sở Kế hoạch và Đầu tư", "Sở Văn hóa, Thể thao …" unknown: one name
                cell.pending.append(toks[i])
            else:
                cell.flush()
        elif key in _BREAKS:
            cell.flush()
        else:
            cell.pending.append(toks[i])
        return i + 1

    def _take(self, cell: _Cell, entry: _Entry) -> None:
        if entry.kind == "agency":
            cell.codes.append(entry.target)
            cell.named.append(entry.target)
            return
        phrase = self.phrases[entry.target]
        cell.phrases.append(phrase.text)
        members = self.members(phrase)
        if members:
            cell.codes += members
        else:
            cell.unexpanded.append(phrase.text)

    def _match(self, toks: list[Token], start: int) -> _Entry | None:
        if start >= len(toks):
            return None
        for length in self._lengths.get(toks[start].key, ()):
            if start + length <= len(toks):
                entry = self._keys.get(tuple(t.key for t in toks[start : start + length]))
                if entry is not None:
                    return entry
        return None

    def _after_province(self, toks: list[Token], end: int, key: tuple[str, ...]) -> int:
        """Skip "tỉnh Kon Tum" (or "Kon Tum" after "… tỉnh") written after a known name."""
        following = tuple(t.key for t in toks[end : end + len(self.province) + 1])
        if self.province and following == ("tinh", *self.province):
            return end + len(self.province) + 1
        if self.province and key[-1] == "tinh" and following[: len(self.province)] == self.province:
            return end + len(self.province)
        at_end = end + 1 >= len(toks) or toks[end + 1].key in _BREAKS or toks[end + 1].key == "va"
        if following[:1] == ("tinh",) and key[-1] != "tinh" and at_end:  # "Sở Y tế tỉnh"
            return end + 1
        return end

    def _elsewhere(self, toks: list[Token], end: int, key: tuple[str, ...]) -> bool:
        """Whether a known name is followed by another province: "… tỉnh Gia Lai"."""
        if end >= len(toks):
            return False
        if key[-1] != "tinh" and toks[end].key == "tinh":
            nxt = end + 1
            return nxt < len(toks) and toks[nxt].key not in _BREAKS and toks[nxt].key != "va"
        return (
            key[-1] == "tinh"
            and toks[end].text[:1].isupper()
            and toks[end].key not in _BREAKS
            and not starts_name(toks, end)
        )

    # --- "Các Sở: Tài chính, Xây dựng, Y tế" ------------------------------------------------

    def _colon_list(self, cell: _Cell, i: int) -> int | None:
        """Read a list after a colon under its head; None when no such list starts at `i`."""
        toks = cell.toks
        head = _list_head(toks, i)
        if head is None:
            return None
        head_toks, colon = head
        head_keys = tuple(t.key for t in head_toks)
        cell.flush()
        j = colon + 1
        while j < len(toks) and toks[j].key not in _LIST_ENDS:
            end = j
            while end < len(toks) and toks[end].key not in {",", *_LIST_ENDS}:
                end += 1
            item = toks[j:end]
            if not item:
                j = end + 1
                continue
            if not self._list_item(cell, head_keys, item):
                if starts_name(toks, j) or self._match(toks, j) is not None:
                    return j  # the list ended: "…, Y tế và các đơn vị có liên quan" reads on
                head_text = " ".join(t.text for t in head_toks)
                cell.leftovers.append(f"{head_text} {cell.text[item[0].start : item[-1].end]}")
            j = end + 1 if end < len(toks) and toks[end].key == "," else end
        return j

    def _list_item(self, cell: _Cell, head: tuple[str, ...], item: list[Token]) -> bool:
        """Resolve one item of a colon list, whole or split at `và`; False if it is no name."""
        for parts in (_split_at_va(item, whole=True), _split_at_va(item, whole=False)):
            entries = [e for e in (self._whole(head, part) for part in parts) if e is not None]
            if parts and len(entries) == len(parts):
                for entry in entries:
                    self._take(cell, entry)
                return True
        return False

    def _whole(self, head: tuple[str, ...], part: list[Token]) -> _Entry | None:
        """The entry that is exactly head + part (or part alone), province words allowed."""
        for keys in ((*head, *(t.key for t in part)), tuple(t.key for t in part)):
            probe = [Token(k, k, 0, 0) for k in keys]
            entry = self._match(probe, 0)
            if entry is not None and self._after_province(probe, len(entry.key), entry.key) == len(
                probe
            ):
                return entry
        return None


def _list_head(toks: list[Token], i: int) -> tuple[list[Token], int] | None:
    """The head words and the colon of "Các Sở:" at `i` ("Sở"); "UBND các huyện:" -> UBND huyện."""
    prefix: list[Token] = []
    j = i
    if toks[j].key == "ubnd":
        prefix, j = [toks[j]], j + 1
    if j >= len(toks) or toks[j].key != "cac":
        return None
    k = j + 1
    while k < len(toks) and k - j <= 4 and toks[k].key not in _BREAKS and toks[k].key != "va":
        k += 1
    if k >= len(toks) or toks[k].key != ":" or k == j + 1:
        return None
    return [*prefix, *toks[j + 1 : k]], k


def _split_at_va(item: list[Token], whole: bool) -> list[list[Token]]:
    if whole:
        return [item]
    parts: list[list[Token]] = [[]]
    for tok in item:
        if tok.key == "va":
            parts.append([])
        else:
            parts[-1].append(tok)
    return parts if len(parts) > 1 and all(parts) else []
