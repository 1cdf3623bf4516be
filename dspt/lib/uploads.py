"""Check uploaded files by what they contain, not by their name, and store them outside the web root.

Accepted: PDF, Word (.docx, .doc), Excel (.xlsx, .xls), OpenDocument text and spreadsheets (.odt, .ods), PNG and
JPEG images. The file's name must also end with an extension of the kind its content shows, so a web page renamed
to .pdf is refused.

Word, Excel and OpenDocument files are zip archives. They are checked from the archive's directory and at most
ZIP_READ_BYTES of one entry, never unpacked: an archive with too many entries, or entries that claim to unpack to
far more than any real document (a "zip bomb"), is refused before anything is read.
"""

import hashlib
import re
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAX_ENTRIES = 5000  # a large Word or Excel file has a few hundred
ZIP_MAX_UNPACKED_BYTES = 512 * 1024 * 1024  # all entries together, as the archive declares them
ZIP_MAX_RATIO = 200  # an entry unpacking to more than 200 times its packed size (and over 1 MB) is not a document
ZIP_READ_BYTES = 512  # the most read from any entry
MIMETYPE_MAX_BYTES = 100  # OpenDocument's "mimetype" entry is one short line


@dataclass(frozen=True)
class Kind:
    label: str
    content_type: str
    extensions: tuple[str, ...]


PDF = Kind("PDF document", "application/pdf", (".pdf",))
DOCX = Kind("Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", (".docx",))
XLSX = Kind("Excel spreadsheet", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",))
OLD_OFFICE = Kind("Word or Excel file (older format)", "application/octet-stream", (".doc", ".xls"))
ODT = Kind("OpenDocument text", "application/vnd.oasis.opendocument.text", (".odt",))
ODS = Kind("OpenDocument spreadsheet", "application/vnd.oasis.opendocument.spreadsheet", (".ods",))
PNG = Kind("PNG image", "image/png", (".png",))
JPEG = Kind("JPEG image", "image/jpeg", (".jpg", ".jpeg"))

ACCEPTED_DESCRIPTION = "a PDF, Word, Excel, OpenDocument, PNG or JPEG file"

# Files of rows to import (a register from a spreadsheet): an Excel workbook or a CSV file, nothing else. Importing
# reads the workbook's sheet, so its parts together may claim to unpack to no more than this.
CSV = Kind("CSV file", "text/csv", (".csv",))
TABLE_MAX_UNPACKED_BYTES = 64 * 1024 * 1024
TABLE_DESCRIPTION = "an Excel workbook (.xlsx) or a CSV file (.csv)"
_CSV_ENCODINGS = ("utf-8-sig", "cp1252")  # CSV UTF-8, and Excel's "CSV (Comma delimited)" on Windows
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_BINARY_STARTS = (b"%PDF-", b"\x89PNG", b"\xff\xd8\xff", OLE, b"PK\x03\x04", b"MZ")


class Refused(Exception):
    """The file cannot be accepted; the message says why in plain words."""


class Unsafe(Refused):
    """An archive that cannot be checked without unpacking far more than it holds."""


def read_start(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """At most ZIP_READ_BYTES of an entry, however large it claims or turns out to be."""
    with archive.open(info) as entry:
        return entry.read(ZIP_READ_BYTES)


def _plausible(infos: list[zipfile.ZipInfo]) -> bool:
    if len(infos) > ZIP_MAX_ENTRIES:
        return False
    if sum(info.file_size for info in infos) > ZIP_MAX_UNPACKED_BYTES:
        return False
    for info in infos:
        if info.file_size > 1024 * 1024 and info.file_size > ZIP_MAX_RATIO * max(info.compress_size, 1):
            return False
        if info.filename == "mimetype" and info.file_size > MIMETYPE_MAX_BYTES:
            return False
    return True


def _sniff_zip(handle) -> Kind | None:
    with zipfile.ZipFile(handle) as archive:
        infos = archive.infolist()
        if not _plausible(infos):
            raise Unsafe("it unpacks to far more than a document would")
        names = {info.filename for info in infos}
        if "mimetype" in names:
            mimetype = read_start(archive, archive.getinfo("mimetype")).decode("ascii", "replace").strip()
            return {ODT.content_type: ODT, ODS.content_type: ODS}.get(mimetype)
        if "[Content_Types].xml" in names:
            if any(name.startswith("word/") for name in names):
                return DOCX
            if any(name.startswith("xl/") for name in names):
                return XLSX
    return None


def sniff(head: bytes, handle) -> Kind | None:
    """What the content is, judged from its bytes (handle is a seekable file for zip-based formats)."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(OLE):
        return OLD_OFFICE
    if head.startswith(b"PK\x03\x04"):
        handle.seek(0)
        try:
            return _sniff_zip(handle)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, ValueError):
            return None
    return None


def check(uploaded) -> Kind:
    """Raise Refused unless the upload is an accepted kind, within the size limit, named for what it is."""
    name = uploaded.name or "file"
    limit = settings.UPLOAD_MAX_BYTES
    if uploaded.size == 0:
        raise Refused(f"{name} is empty")
    if uploaded.size > limit:
        raise Refused(f"{name} is larger than {limit // (1024 * 1024)} MB. Make it smaller or upload a link instead")
    uploaded.seek(0)
    head = uploaded.read(16)
    try:
        kind = sniff(head, uploaded.file if hasattr(uploaded, "file") else uploaded)
    except Unsafe as unsafe:
        raise Refused(
            f"{name} cannot be checked safely: {unsafe}. Save it again from Word, Excel or LibreOffice, or upload it "
            "as a PDF"
        ) from unsafe
    finally:
        uploaded.seek(0)
    if kind is None:
        raise Refused(f"{name} must be {ACCEPTED_DESCRIPTION}")
    extension = Path(name).suffix.lower()
    if extension not in kind.extensions:
        raise Refused(f"{name} is named like a {extension or 'file without a type'} but contains a {kind.label}")
    return kind


def _size_checked(uploaded) -> str:
    name = uploaded.name or "file"
    limit = settings.UPLOAD_MAX_BYTES
    if uploaded.size == 0:
        raise Refused(f"{name} is empty")
    if uploaded.size > limit:
        raise Refused(f"{name} is larger than {limit // (1024 * 1024)} MB. Split it into smaller files")
    return name


def csv_text(uploaded) -> str:
    """The text of an uploaded CSV file (UTF-8, or Windows-1252 as older Excel saves it), or Refused: a file that
    is not text, or holds NUL or other control characters no spreadsheet writes."""
    name = _size_checked(uploaded)
    uploaded.seek(0)
    content = uploaded.read()
    uploaded.seek(0)
    if content.startswith(_BINARY_STARTS):
        raise Refused(f"{name} is not a CSV file: save it from Excel as 'CSV UTF-8', or upload the Excel workbook")
    for encoding in _CSV_ENCODINGS:
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise Refused(f"{name} is not a CSV file: save it from Excel as 'CSV UTF-8', or upload the Excel workbook")
    if _CONTROL.search(text):
        raise Refused(f"{name} holds characters a CSV file cannot: save it again from Excel as 'CSV UTF-8'")
    return text


def check_table(uploaded) -> Kind:
    """Raise Refused unless the upload is an Excel workbook (.xlsx) or a CSV file, within the size limit, named for
    what it is. A workbook is checked as check() does, and its parts must not claim to unpack to more than
    TABLE_MAX_UNPACKED_BYTES: importing reads its sheet, and no more than that is ever unpacked."""
    name = _size_checked(uploaded)
    extension = Path(name).suffix.lower()
    if extension == ".csv":
        csv_text(uploaded)
        return CSV
    try:
        kind = check(uploaded)
    except Refused as refused:
        if "must be a PDF" in str(refused):
            raise Refused(f"{name} must be {TABLE_DESCRIPTION}") from refused
        raise
    if kind is not XLSX:
        raise Refused(f"{name} must be {TABLE_DESCRIPTION}: save it from Excel or LibreOffice as an .xlsx workbook")
    uploaded.seek(0)
    with zipfile.ZipFile(uploaded.file if hasattr(uploaded, "file") else uploaded) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    uploaded.seek(0)
    if unpacked > TABLE_MAX_UNPACKED_BYTES:
        raise Refused(f"{name} is too large to import. Split it into smaller files")
    return kind


def store(uploaded, folder: str) -> tuple[str, int, str]:
    """Save under PRIVATE_FILES_ROOT/folder with a random name. Returns (stored name, size, sha256)."""
    root = Path(settings.PRIVATE_FILES_ROOT)
    relative = f"{folder}/{uuid.uuid4().hex}"
    target = root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    uploaded.seek(0)
    with open(target, "wb") as out:
        for chunk in uploaded.chunks() if hasattr(uploaded, "chunks") else iter(lambda: uploaded.read(65536), b""):
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
    return relative, size, digest.hexdigest()


def open_stored(stored_name: str):
    root = Path(settings.PRIVATE_FILES_ROOT).resolve()
    path = (root / stored_name).resolve()
    if root not in path.parents:
        raise FileNotFoundError(stored_name)
    return open(path, "rb")


def delete_stored(stored_name: str) -> None:
    root = Path(settings.PRIVATE_FILES_ROOT).resolve()
    path = (root / stored_name).resolve()
    if root in path.parents and path.exists():
        path.unlink()


__all__ = [
    "Refused",
    "Unsafe",
    "check",
    "check_table",
    "csv_text",
    "delete_stored",
    "open_stored",
    "read_start",
    "sniff",
    "store",
]
