"""Fuzz the intake with mutated real forms: whatever arrives, `run` exits 0, writes the workbook
and gives every file exactly one outcome (issue 12).

The forms are generated from the embedded plan and filled as an agency would; each case then
damages one copy the way files get damaged or crafted: flipped bytes, a cut file, a cut or
edited XML part, odd zip entries. A seeded generator makes every failure reproducible: the
case's name says what was done to it.
"""

from __future__ import annotations

import io
import random
import re
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook

from pipeline.contracts.outcomes import Outcome
from pipeline.plan.model import Plan
from tests.helpers import answers_for, fill_return, run_command

CASES = 300
SEED = 20241215
AGENCIES = ("so_y_te", "so_tttt", "ubnd_dak_ha", "so_khcn")

Members = list[tuple[zipfile.ZipInfo, bytes]]


def _members(data: bytes) -> Members:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info, archive.read(info)) for info in archive.infolist()]


def _pack(members: Members) -> bytes:
    buffer = io.BytesIO()
    with (
        warnings.catch_warnings(),  # a duplicate name is one of the cases
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        warnings.simplefilter("ignore", UserWarning)
        for info, data in members:
            archive.writestr(info, data)
    return buffer.getvalue()


def _xml_members(members: Members) -> list[int]:
    return [i for i, (info, _) in enumerate(members) if info.filename.endswith((".xml", ".rels"))]


def flip_bytes(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 64)):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def truncate_file(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data))]


def truncate_part(rng: random.Random, data: bytes) -> bytes:
    members = _members(data)
    index = rng.choice(_xml_members(members))
    info, body = members[index]
    members[index] = (info, body[: rng.randrange(max(len(body), 1))])
    return _pack(members)


_WEIRD_VALUES = [
    b"inf",
    b"-inf",
    b"nan",
    b"1e309",
    b"-1e400",
    b"99999999999999999999999999",
    b"",
    b"0x1F",
    b"\x01\x02",
    b"1" * 5000,
    b"2958466",  # one day past Excel's last date
    b"-1",
]


def edit_xml(rng: random.Random, data: bytes) -> bytes:
    members = _members(data)
    index = rng.choice(_xml_members(members))
    info, body = members[index]
    choice = rng.randrange(8)
    if choice == 0:  # a number Excel cannot hold, or no number at all
        values = list(re.finditer(rb"<v>[^<]*</v>", body))
        if values:
            hit = rng.choice(values)
            body = (
                body[: hit.start()]
                + b"<v>"
                + rng.choice(_WEIRD_VALUES)
                + b"</v>"
                + body[hit.end() :]
            )
    elif choice == 1:  # a tag removed: unbalanced XML
        tags = list(re.finditer(rb"</?[A-Za-z:]+[^>]*>", body))
        if tags:
            hit = rng.choice(tags)
            body = body[: hit.start()] + body[hit.end() :]
    elif choice == 2:  # cell references far away or broken
        body = re.sub(
            rb'r="([A-Z]+)(\d+)"',
            lambda m: rng.choice([b'r="XFD1048576"', b'r="A0"', b'r="ZZZZ9"', b'r=""', m.group(0)]),
            body,
        )
    elif choice == 3:  # control characters and invalid UTF-8
        at = rng.randrange(len(body) + 1)
        body = (
            body[:at] + rng.choice([b"\x00", b"\x0b", b"\xff\xfe", b"&#1;", b"&bogus;"]) + body[at:]
        )
    elif choice == 4:  # an attribute made huge
        body = body.replace(b' s="', b' s="' + b"9" * rng.randint(1, 40), 1)
    elif choice == 5:  # a DOCTYPE with an entity
        body = b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e "' + b"x" * 100 + b'">]>' + body
    elif choice == 6:  # a part emptied
        body = b""
    else:  # a long run of one repeated element
        body = body.replace(b"</sheetData>", b"<row/>" * rng.randint(1, 5000) + b"</sheetData>", 1)
    members[index] = (info, body)
    return _pack(members)


def odd_entries(rng: random.Random, data: bytes) -> bytes:
    members = _members(data)
    choice = rng.randrange(7)
    if choice == 0:  # the same name twice
        info, body = rng.choice(members)
        members.append((zipfile.ZipInfo(info.filename), body[: len(body) // 2]))
    elif choice == 1:  # names that climb out of the package
        members.append((zipfile.ZipInfo("../../etc/passwd"), b"root"))
        members.append((zipfile.ZipInfo("/abs/path.xml"), b"<x/>"))
    elif choice == 2:  # a DOS date of 0 on every member
        members = [
            (zipfile.ZipInfo(info.filename, date_time=(1980, 0, 0, 0, 0, 0)), body)
            for info, body in members
        ]
    elif choice == 3:  # a part missing
        members.pop(rng.randrange(len(members)))
    elif choice == 4:  # a zip inside
        members.append((zipfile.ZipInfo("xl/media/inner.zip"), _pack(members[:2])))
    elif choice == 5:  # stored, not compressed, and a directory entry
        members = [(zipfile.ZipInfo(info.filename), body) for info, body in members]
        members.append((zipfile.ZipInfo("xl/empty/"), b""))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
            for info, body in members:
                archive.writestr(info, body)
        return buffer.getvalue()
    else:  # the members shuffled
        rng.shuffle(members)
    return _pack(members)


def as_mail_zip(rng: random.Random, data: bytes) -> bytes:
    """A form sent inside a zip, itself mutated; the zip's own entries odd too."""
    inner = rng.choice(MUTATIONS[:-1])(rng, data)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        dos_date_zero = rng.random() < 0.3
        when = (1980, 0, 0, 0, 0, 0) if dos_date_zero else (2024, 12, 10, 8, 0, 0)
        archive.writestr(zipfile.ZipInfo("bao-cao.xlsx", date_time=when), inner)
        archive.writestr(zipfile.ZipInfo("ghi-chu.txt", date_time=when), b"gui kem")
    packed = bytearray(buffer.getvalue())
    if rng.random() < 0.3:  # marked as password-protected
        for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
            at = packed.index(signature)
            packed[at + offset] |= 0x01
    return bytes(packed)


def weird_number(rng: random.Random, data: bytes) -> bytes:
    """A number cell of the report table holding what Excel cannot hold."""
    members = _members(data)
    sheets = [i for i, (info, _) in enumerate(members) if "worksheets/sheet" in info.filename]
    index = rng.choice(sheets)
    info, body = members[index]
    cells = list(re.finditer(rb'<c r="[G-L]1[3-9]"[^>]*?(?:/>|>.*?</c>)', body, re.S))
    if cells:
        hit = rng.choice(cells)
        ref = re.match(rb'<c r="([A-Z]+\d+)"', hit.group(0))
        assert ref is not None
        value = rng.choice(_WEIRD_VALUES[:6])
        cell = b'<c r="' + ref.group(1) + b'"><v>' + value + b"</v></c>"
        body = body[: hit.start()] + cell + body[hit.end() :]
    members[index] = (info, body)
    return _pack(members)


MUTATIONS: list[Callable[[random.Random, bytes], bytes]] = [
    flip_bytes,
    truncate_file,
    truncate_part,
    edit_xml,
    edit_xml,
    odd_entries,
    weird_number,
    as_mail_zip,
]


def _cases(rng: random.Random, sources: list[bytes], folder: Path) -> list[str]:
    names = []
    for number in range(CASES):
        mutation = rng.choice(MUTATIONS)
        data = mutation(rng, rng.choice(sources))
        suffix = (
            ".zip" if mutation is as_mail_zip else rng.choice([".xlsx", ".xlsx", ".xls", ".ods"])
        )
        name = f"{number:03d}_{mutation.__name__}{suffix}"
        (folder / name).write_bytes(data)
        names.append(name)
    return names


def test_mutated_forms_never_stop_the_run(plan: Plan, forms: Path, tmp_path: Path) -> None:
    rng = random.Random(SEED)
    sources = [
        fill_return(forms, tmp_path / "sources", code, answers_for(plan, code)).read_bytes()
        for code in AGENCIES
    ]
    inbox, outbox = tmp_path / "inbox", tmp_path / "outbox"
    inbox.mkdir()
    names = _cases(rng, sources, inbox)
    result = run_command(inbox, outbox, as_of="20/12/2024")
    assert result.exit_code == 0, result.output
    book = load_workbook(outbox / "tong-hop-2024.xlsx", read_only=True)
    rows = list(book["Nhật ký"].iter_rows(values_only=True))
    book.close()  # read-only keeps the file open: unclosed, a later test fails on its warning
    header = next(i for i, r in enumerate(rows) if r and "Tệp" in r)
    columns = {name: i for i, name in enumerate(rows[header])}
    logged = [r for r in rows[header + 1 :] if r and r[columns["Tệp"]]]
    files = [str(r[columns["Tệp"]]) for r in logged]
    assert len(files) == len(set(files)), "a file with two outcomes"
    # every case is there: itself, or (a zip) its members
    assert {f.split("/", 1)[0] for f in files} == set(names)
    labels = {o.value for o in Outcome}
    assert all(str(r[columns["Mã kết quả"]]) in labels for r in logged)
    assert all(r[columns["Lý do"]] for r in logged)
    # and the package itself holds nothing Excel would call damaged
    with zipfile.ZipFile(outbox / "tong-hop-2024.xlsx") as package:
        for name in package.namelist():
            body = package.read(name)
            if name.endswith(".xml"):
                assert not re.search(rb"<v>(?:inf|-inf|nan)</v>", body), name
                assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]", body), name
