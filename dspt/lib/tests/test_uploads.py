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
