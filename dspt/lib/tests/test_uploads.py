import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from dspt.lib import uploads


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "label"),
    [
        ("policy.pdf", b"%PDF-1.7\n...", "PDF document"),
        ("Policy.DOCX", docx_bytes(), "Word document"),
        ("photo.jpeg", b"\xff\xd8\xff\xe0rest", "JPEG image"),
        ("scan.png", b"\x89PNG\r\n\x1a\nrest", "PNG image"),
        ("old.doc", uploads.OLE + b"rest", "Word or Excel file (older format)"),
    ],
)
def test_it_accepts_real_documents(name, content, label):
    assert uploads.check(SimpleUploadedFile(name, content)).label == label


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("policy.pdf", b"<html><script>alert(1)</script></html>", "must be a PDF, Word, Excel"),
        ("policy.pdf", docx_bytes(), "named like a .pdf but contains a Word document"),
        ("run.exe", b"MZ\x90\x00", "must be a PDF, Word, Excel"),
        ("empty.pdf", b"", "is empty"),
        ("fake.docx", b"PK\x03\x04not really a zip", "must be a PDF"),
        ("noextension", b"%PDF-1.4", "file without a type"),
    ],
)
def test_it_refuses_files_by_content(name, content, message):
    with pytest.raises(uploads.Refused, match=message):
        uploads.check(SimpleUploadedFile(name, content))


def test_it_refuses_files_over_the_limit(settings):
    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    with pytest.raises(uploads.Refused, match="larger than 1 MB"):
        uploads.check(SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * (1024 * 1024)))


def test_stored_files_get_random_names_outside_the_web_root(settings, tmp_path):
    settings.PRIVATE_FILES_ROOT = tmp_path
    stored, size, digest = uploads.store(SimpleUploadedFile("policy.pdf", b"%PDF-1.7 hello"), "7")
    assert stored.startswith("7/") and "policy" not in stored
    assert size == 14 and len(digest) == 64
    with uploads.open_stored(stored) as handle:
        assert handle.read() == b"%PDF-1.7 hello"
    with pytest.raises(FileNotFoundError):
        uploads.open_stored("../../etc/passwd")


# ---- zip bombs: an upload is checked without unpacking it ---------------------------------------------------


def odt_bomb(entry_megabytes: int) -> bytes:
    """A small .odt whose 'mimetype' entry unpacks to `entry_megabytes` MB (written in 1 MB steps)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("mimetype", "w", force_zip64=True) as entry:
            entry.write(b"application/vnd.oasis.opendocument.text")
            zeros = b"\0" * (1024 * 1024)
            for _ in range(entry_megabytes):
                entry.write(zeros)
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def many_entries(count: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for number in range(count):
            archive.writestr(f"word/part{number}.xml", "")
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_without_unpacking_it():
    import tracemalloc

    bomb = odt_bomb(200)
    assert len(bomb) < 1024 * 1024  # small on the wire
    tracemalloc.start()
    try:
        with pytest.raises(uploads.Refused, match="cannot be checked safely"):
            uploads.check(SimpleUploadedFile("minutes.odt", bomb))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5 * 1024 * 1024, f"checking the file used {peak // 1024} KB"


def test_an_entry_is_read_only_a_little_even_when_its_declared_size_lies():
    """A forged header can claim a tiny size: the check still reads no more than a few hundred bytes, and the lie
    shows as a broken archive (which check() refuses)."""
    import tracemalloc

    buffer = io.BytesIO(odt_bomb(50))
    tracemalloc.start()
    try:
        with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
            info = archive.getinfo("mimetype")
            info.file_size = 39  # as a forged central directory would say
            with pytest.raises(zipfile.BadZipFile):  # the entry does not match its header: caught by sniff()
                uploads.read_start(archive, info)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5 * 1024 * 1024


def test_an_archive_with_too_many_entries_is_refused():
    with pytest.raises(uploads.Refused, match="cannot be checked safely"):
        uploads.check(SimpleUploadedFile("policy.docx", many_entries(uploads.ZIP_MAX_ENTRIES + 1)))
    assert uploads.check(SimpleUploadedFile("policy.docx", many_entries(50))).label == "Word document"


def test_a_real_opendocument_file_is_still_accepted():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    assert uploads.check(SimpleUploadedFile("rota.ods", buffer.getvalue())).label == "OpenDocument spreadsheet"


def xlsx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "label"),
    [
        ("register.xlsx", xlsx_bytes(), "Excel spreadsheet"),
        ("register.csv", b"Asset name,Type\nCare plans,Paper\n", "CSV file"),
        ("register.CSV", "\ufeffAsset name\r\nRésumés\r\n".encode(), "CSV file"),
        ("register.csv", "Asset name\nRésumés\n".encode("cp1252"), "CSV file"),
    ],
)
def test_tables_to_import_are_excel_workbooks_or_csv_files(name, content, label):
    assert uploads.check_table(SimpleUploadedFile(name, content)).label == label


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("register.docx", docx_bytes(), "must be an Excel workbook \\(.xlsx\\) or a CSV file"),
        ("register.pdf", b"%PDF-1.7", "must be an Excel workbook"),
        ("register.csv", xlsx_bytes(), "is not a CSV file"),
        ("register.csv", b"a,b\n\x00\x01,c\n", "holds characters a CSV file cannot"),
        ("register.csv", b"\x81\x8d\x8f\x90\x9d", "is not a CSV file"),
        ("register.xlsx", docx_bytes(), "named like a .xlsx but contains a Word document"),
    ],
)
def test_anything_else_is_refused_as_a_table(name, content, message):
    with pytest.raises(uploads.Refused, match=message):
        uploads.check_table(SimpleUploadedFile(name, content))
