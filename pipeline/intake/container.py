"""The container of a returned file, judged from its bytes before any workbook parser sees it.

The kind (zip package, OLE, something else) is sniffed from the bytes, never trusted from the
extension; a zip's members are counted and sized before anything is expanded; an XML part that
declares entities is refused; the saved time is read from the document properties by pattern.
Runs inside a worker process, like the rest of reading.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from datetime import datetime

MAX_ZIP_MEMBERS = 2_000
MAX_UNPACKED = 150 * 1024 * 1024
MAX_RATIO = 200
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(data: bytes) -> tuple[str, str]:
    """(container kind, problem key) from the bytes alone."""
    if not data:
        return "", "file-empty"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return "zip", ""
    if data.startswith(_OLE):
        if "EncryptedPackage".encode("utf-16-le") in data:
            return "", "file-encrypted"
        if "WordDocument".encode("utf-16-le") in data:
            return "", "file-word"
        return "xls", ""
    if data[:2] in (b"\x09\x00", b"\x09\x02", b"\x09\x04", b"\x09\x08"):
        return "", "file-legacy-biff"
    if data.startswith((b"Rar!\x1a\x07", b"7z\xbc\xaf\x27\x1c")):
        return "", "file-other-archive"
    if data.startswith(b"\x1f\x8b"):
        return "", "file-unsupported-type"
    head = data[:512].lstrip().lower()
    if head.startswith((b"<?xml", b"<html", b"<!doctype", b"<table")):
        return "", "file-html-or-xml"
    return "", "file-not-spreadsheet"


class Package(zipfile.ZipFile):
    """A returned package whose small parts are expanded once: the sheet is tested for far
    cells (`far_cells`) and searched for formulas (`xlsx_formats`), each a full read of it.

    Parts are inflated straight from the bytes in memory: zipfile's own reader cost about
    75 µs of Python a part, a fifth of reading a return. zipfile still reads what this does
    not take (encrypted, another method, a header that does not add up) and is the only one
    to check a CRC: calamine, which reads the workbook itself, checks it there.
    """

    KEPT = 1024 * 1024  # a bigger part is expanded again when asked: memory is the limit

    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data))
        self._data = data
        self._parts: dict[int, bytes] = {}
        self.memo: dict[str, dict[str, str]] = {}  # what `xlsx_formats` found of the package

    def read(self, name: str | zipfile.ZipInfo, pwd: bytes | None = None) -> bytes:
        info = name if isinstance(name, zipfile.ZipInfo) else self.getinfo(name)
        # by place, not name: a crafted package may hold two members of one name
        found = self._parts.get(info.header_offset)
        if found is None:
            found = self._inflate(info) if pwd is None else None
            if found is None:
                try:
                    found = super().read(info, pwd)
                except zlib.error as error:  # zipfile lets it out: damaged like the rest
                    raise zipfile.BadZipFile(str(error)) from error
            if len(found) <= self.KEPT:
                self._parts[info.header_offset] = found
        return found

    def _inflate(self, info: zipfile.ZipInfo) -> bytes | None:
        """The member's bytes from its local header on, or None to leave it to zipfile."""
        start = info.header_offset
        header = self._data[start : start + _LOCAL_HEADER.size]
        if len(header) < _LOCAL_HEADER.size or info.flag_bits & 0x1:
            return None
        signature, name_length, extra_length = _LOCAL_HEADER.unpack(header)
        if signature != b"PK\x03\x04":
            return None
        begin = start + _LOCAL_HEADER.size + name_length + extra_length
        packed = self._data[begin : begin + info.compress_size]
        if len(packed) != info.compress_size:
            return None
        if info.compress_type == zipfile.ZIP_STORED:
            expanded = packed
        elif info.compress_type == zipfile.ZIP_DEFLATED:
            try:  # never more than the size the directory declares, which was checked
                expanded = zlib.decompressobj(-15).decompress(packed, info.file_size + 1)
            except zlib.error:
                return None
        else:
            return None
        return expanded if len(expanded) == info.file_size else None


# A local file header: its signature, then (skipped) the version, flags, method, time, date,
# CRC and sizes, which the central directory also gives, then the name's and extra's lengths.
_LOCAL_HEADER = struct.Struct("<4s22xHH")


def check_zip(data: bytes) -> tuple[str, str, zipfile.ZipFile | None]:
    """The kind of zip package, a problem key and the open archive; nothing is expanded."""
    try:
        archive = Package(data)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return "", "file-corrupt", None
    kind, problem = _zip_kind(archive)
    return kind, problem, archive


def _zip_kind(archive: zipfile.ZipFile) -> tuple[str, str]:
    infos = archive.infolist()
    if len(infos) > MAX_ZIP_MEMBERS:
        return "", "file-too-many-parts"
    total = sum(i.file_size for i in infos)
    packed = max(sum(i.compress_size for i in infos), 1)
    if total > MAX_UNPACKED or (total > 10 * 1024 * 1024 and total / packed > MAX_RATIO):
        return "", "file-zip-bomb"
    names = {i.filename.replace("\\", "/").lower() for i in infos}
    if "word/document.xml" in names:
        return "", "file-word"
    if "mimetype" in names:
        try:
            mimetype = archive.read(next(i for i in infos if i.filename.lower() == "mimetype"))
        except (zipfile.BadZipFile, OSError, ValueError, KeyError, EOFError):
            return "", "file-corrupt"
        if b"opendocument.spreadsheet" in mimetype:
            return "ods", ""
        return "", "file-not-spreadsheet"
    if any(n.endswith("workbook.xml") or n.endswith("workbook.bin") for n in names):
        return "xlsx", ""
    return "", "file-not-spreadsheet"


def declares_entities(archive: zipfile.ZipFile) -> bool:
    """Whether an XML part starts with a DOCTYPE (entity declarations live there). Excel,
    LibreOffice and WPS never write one; a crafted package does, to make parsers expand
    entities. Only each part's first bytes are read, where a DOCTYPE has to be."""
    for info in archive.infolist()[:MAX_ZIP_MEMBERS]:
        name = info.filename.replace("\\", "/").lower()
        if not name.endswith((".xml", ".rels", ".vml")) or name.startswith(_NEVER_PARSED):
            continue
        try:
            if info.file_size <= _WHOLE:  # a `Package` keeps it: read once for every later look
                head = archive.read(info)[:4096]
            else:
                with archive.open(info) as handle:
                    head = handle.read(4096)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
            continue  # an unreadable part is the workbook parser's to judge
        upper = head.upper()
        if b"<!DOCTYPE" in upper or b"<!ENTITY" in upper:
            return True
    return False


# Parts no parser of ours or calamine reads as XML (the saved time in docProps/core.xml is
# found by a pattern): a DOCTYPE there expands nothing, and skipping them saves a third of the
# test on a form.
_NEVER_PARSED = ("docprops/", "xl/theme/", "[content_types].xml", "_rels/.rels", "customxml/")
_WHOLE = 64 * 1024  # parts this small are expanded whole at once (about the cost of a head)


_MODIFIED = re.compile(rb"<dcterms:modified[^>]*>([^<]+)</dcterms:modified>")
_ODS_DATE = re.compile(rb"<dc:date>([^<]+)</dc:date>")


def saved_time(archive: zipfile.ZipFile | None, kind: str) -> datetime | None:
    """The workbook's own last-saved time from its document properties, when it has one."""
    member, pattern = {
        "xlsx": ("docprops/core.xml", _MODIFIED),
        "ods": ("meta.xml", _ODS_DATE),
    }.get(kind, ("", None))
    if pattern is None or archive is None:
        return None
    try:
        info = next((i for i in archive.infolist() if i.filename.lower() == member), None)
        if info is None or info.file_size > 1_000_000:
            return None
        match = pattern.search(archive.read(info))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None
    if not match:
        return None
    return local_time(match.group(1).decode("ascii", "replace"))


def local_time(stamp: str) -> datetime | None:
    """A document-property time in this computer's local time, as file times are, naive.

    Excel and LibreOffice write UTC ("…Z"); compared raw with a file's local modification time,
    a return saved at 06:00 on 16/12 in Vietnam would read as 23:00 on 15/12, on time. Other
    tools write an offset ("…+07:00"): converted the same way, so one agency's copies from
    two tools can still be put in order.
    """
    text = stamp.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        try:
            moment = moment.astimezone().replace(tzinfo=None)
        except (OverflowError, OSError, ValueError):  # year 1 or 9999 shifted out of range
            return None
    return moment.replace(microsecond=0)
