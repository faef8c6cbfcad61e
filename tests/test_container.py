"""`container.Package` inflates a returned package's parts itself: it must give what zipfile
gives, and leave to zipfile (and its errors) every member it does not take."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from pipeline.intake.container import Package, check_zip
from pipeline.intake.reader import read_file
from pipeline.intake.xlsx_formats import sheet_path, sheet_paths
from pipeline.plan.model import Plan
from tests.helpers import answers_for, fill_return

_TEXT = ("<worksheet>" + "<row><c><v>1</v></c></row>" * 400 + "</worksheet>").encode()
_ERRORS = (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, NotImplementedError)


def _package(*members: tuple[str, bytes, int]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data, method in members:
            archive.writestr(name, data, compress_type=method)
    return out.getvalue()


def _outcome(read: object, info: zipfile.ZipInfo) -> object:
    try:
        return read(info)  # type: ignore[operator]
    except (*_ERRORS, zlib.error) as error:
        return type(error)


def _same_as_zipfile(data: bytes) -> list[object]:
    package = Package(data)
    plain = zipfile.ZipFile(io.BytesIO(data))
    mine = [_outcome(package.read, info) for info in package.infolist()]
    theirs = [_outcome(plain.read, info) for info in plain.infolist()]
    assert mine == theirs
    return mine


def test_stored_deflated_and_other_methods_read_as_zipfile_reads_them() -> None:
    data = _package(
        ("stored.xml", _TEXT, zipfile.ZIP_STORED),
        ("deflated.xml", _TEXT, zipfile.ZIP_DEFLATED),
        ("bzip2.xml", _TEXT, zipfile.ZIP_BZIP2),  # not inflated here: zipfile's to read
        ("empty.xml", b"", zipfile.ZIP_DEFLATED),
    )
    assert _same_as_zipfile(data) == [_TEXT, _TEXT, _TEXT, b""]


def test_a_package_behind_other_bytes_is_read_at_its_place() -> None:
    """zipfile finds a package that follows other bytes (a self-extractor); so must this."""
    data = b"MZ" + b"\0" * 5000 + _package(("a.xml", _TEXT, zipfile.ZIP_DEFLATED))
    assert _same_as_zipfile(data) == [_TEXT]


def _first_local_header(data: bytes) -> int:
    return data.index(b"PK\x03\x04")


def test_a_broken_local_header_is_left_to_zipfile() -> None:
    data = bytearray(_package(("a.xml", _TEXT, zipfile.ZIP_DEFLATED)))
    at = _first_local_header(bytes(data))
    data[at : at + 4] = b"XXXX"
    assert _same_as_zipfile(bytes(data)) == [zipfile.BadZipFile]


def test_a_name_length_past_the_end_is_left_to_zipfile() -> None:
    data = bytearray(_package(("a.xml", _TEXT, zipfile.ZIP_DEFLATED)))
    at = _first_local_header(bytes(data))
    struct.pack_into("<H", data, at + 26, 0xFFFF)  # the local name runs past the package
    assert _same_as_zipfile(bytes(data)) == [zipfile.BadZipFile]


def test_damaged_compressed_bytes_are_a_damaged_package() -> None:
    """zipfile lets zlib's own error out, which no caller expected (the return's whole
    reading failed as "job-failed"); a package says BadZipFile, as for any other damage."""
    data = bytearray(_package(("a.xml", _TEXT, zipfile.ZIP_DEFLATED)))
    at = _first_local_header(bytes(data)) + 30 + len("a.xml")
    data[at : at + 40] = b"\xff" * 40
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).infolist()[0]
    assert _outcome(zipfile.ZipFile(io.BytesIO(bytes(data))).read, info) is zlib.error
    assert _outcome(Package(bytes(data)).read, info) is zipfile.BadZipFile


def test_a_part_bigger_than_declared_is_never_inflated_past_its_size() -> None:
    """A directory that declares 10 bytes for a 10,000-byte part: zipfile's error, not the
    part's whole size in memory."""
    data = bytearray(_package(("a.xml", _TEXT, zipfile.ZIP_DEFLATED)))
    central = bytes(data).index(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 10)  # the uncompressed size in the directory
    local = _first_local_header(bytes(data))
    struct.pack_into("<I", data, local + 22, 10)
    package = Package(bytes(data))
    info = package.infolist()[0]
    assert package._inflate(info) is None  # more bytes than declared: not taken
    assert _same_as_zipfile(bytes(data)) == [zipfile.BadZipFile]


def test_an_encrypted_member_is_left_to_zipfile() -> None:
    data = bytearray(_package(("a.xml", _TEXT, zipfile.ZIP_DEFLATED)))
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = bytes(data).index(signature)
        struct.pack_into("<H", data, at + offset, 0x1)
    assert _same_as_zipfile(bytes(data)) == [RuntimeError]  # "password required"


def test_every_zip_of_the_corpus_reads_as_zipfile_reads_it(shared: Path) -> None:
    """Real odd packages: each member at most 1 MB (zip bombs stay shut), same bytes or the
    same error as zipfile, except that this does not check a CRC (calamine does)."""
    folder = shared / "corpus" / "spreadsheets"
    compared = 0
    for path in sorted(folder.iterdir()):
        data = path.read_bytes()
        if not data.startswith(b"PK"):
            continue
        _, problem, archive = check_zip(data)
        if archive is None or problem:
            continue
        plain = zipfile.ZipFile(io.BytesIO(data))
        for mine, theirs in zip(archive.infolist(), plain.infolist(), strict=True):
            if theirs.file_size > 1024 * 1024:
                continue
            expected = _outcome(plain.read, theirs)
            expected = zipfile.BadZipFile if expected is zlib.error else expected
            got = _outcome(archive.read, mine)
            if expected is zipfile.BadZipFile and isinstance(got, bytes):
                assert len(got) == theirs.file_size, (path.name, theirs.filename)  # a bad CRC
            else:
                assert got == expected, (path.name, theirs.filename)
            compared += 1
    assert compared > 1000


def test_sheet_paths_are_found_once_per_package() -> None:
    workbook = (
        b'<workbook><sheets><sheet name="B&#225;o c&#225;o" r:id="rId1"/>'
        b'<sheet name="_kehoach" r:id="rId3"/><sheet name="lost" r:id="rId9"/></sheets></workbook>'
    )
    rels = (
        b'<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'
        b'<Relationship Id="rId3" Target="/xl/worksheets/sheet3.xml"/></Relationships>'
    )
    data = _package(
        ("xl/workbook.xml", workbook, zipfile.ZIP_DEFLATED),
        ("xl/_rels/workbook.xml.rels", rels, zipfile.ZIP_DEFLATED),
    )
    package = Package(data)
    expected = {"Báo cáo": "xl/worksheets/sheet1.xml", "_kehoach": "xl/worksheets/sheet3.xml"}
    assert sheet_paths(package) == expected
    assert sheet_path(package, "lost") == "" and sheet_path(package, "none") == ""
    assert package.memo["sheet_paths"] == expected
    plain = zipfile.ZipFile(io.BytesIO(data))  # a plain archive gets the same, unkept
    assert sheet_paths(plain) == expected


@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_a_read_part_is_kept_and_given_again(method: int) -> None:
    package = Package(_package(("a.xml", _TEXT, method)))
    first = package.read("a.xml")
    assert package.read(package.getinfo("a.xml")) is first


@pytest.mark.parametrize("part", ["xl/styles.xml", "xl/worksheets/sheet1.xml"])
def test_a_return_with_a_damaged_part_is_a_damaged_file(
    plan: Plan, forms: Path, tmp_path: Path, part: str
) -> None:
    """Before: a damaged styles part was "job-failed" (an error for the developers), a
    damaged report sheet "no report table" (the agency would look for a table that is
    there). Both are a damaged file, which the agency fixes by saving it again."""
    path = fill_return(forms, tmp_path, "so_y_te", answers_for(plan, "so_y_te"))
    data = bytearray(path.read_bytes())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(part)
    at = info.header_offset + 30 + len(info.filename) + len(info.extra) + 10
    data[at : at + 50] = b"\xff" * 50
    read = read_file((None, bytes(data)))
    assert read.problem == "file-corrupt", (read.problem, read.detail)
