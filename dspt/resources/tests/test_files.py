"""Which files may be published: PDF, Word, Excel and PowerPoint, judged by what they contain and their size."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from dspt.lib import uploads
from dspt.resources import files
from dspt.resources.tests.factories import office_upload, pdf_upload


@pytest.mark.parametrize(
    ("upload", "expected"),
    [
        (pdf_upload(), uploads.PDF),
        (office_upload("policy.docx", "word"), uploads.DOCX),
        (office_upload("tracker.xlsx", "xl"), uploads.XLSX),
        (office_upload("slides.pptx", "ppt"), files.PPTX),
        (SimpleUploadedFile("old-slides.ppt", uploads.OLE + b"\0" * 100), files.PPT),
    ],
)
def test_documents_of_each_kind_are_accepted(upload, expected):
    assert files.check(upload) == expected


def test_a_web_page_named_pdf_is_refused():
    page = SimpleUploadedFile("template.pdf", b"<!doctype html><html><script>alert(1)</script></html>")
    with pytest.raises(files.Refused, match=r"template\.pdf must be a PDF, Word, Excel or PowerPoint file"):
        files.check(page)


def test_a_word_file_named_pptx_and_a_pdf_named_pptx_are_refused():
    with pytest.raises(files.Refused, match="not a PowerPoint presentation"):
        files.check(office_upload("slides.pptx", "word"))
    with pytest.raises(files.Refused, match="not a PowerPoint presentation"):
        files.check(pdf_upload("slides.pptx"))


def test_a_pdf_named_docx_is_refused():
    with pytest.raises(files.Refused, match=r"named like a \.docx"):
        files.check(pdf_upload("policy.docx"))


def test_images_are_not_resources():
    image = SimpleUploadedFile("poster.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 50)
    with pytest.raises(files.Refused, match=r"poster\.png is a PNG image: it must be a PDF, Word, Excel or PowerPoint"):
        files.check(image)


def test_empty_and_too_large_files_are_refused(settings):
    with pytest.raises(files.Refused, match="is empty"):
        files.check(SimpleUploadedFile("empty.pdf", b""))
    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    big = pdf_upload("big.pdf", b"%PDF-1.4" + b"0" * (1024 * 1024))
    with pytest.raises(files.Refused, match="larger than 1 MB"):
        files.check(big)
    big_slides = SimpleUploadedFile("big.pptx", b"PK\x03\x04" + b"0" * (1024 * 1024))
    with pytest.raises(files.Refused, match="larger than 1 MB"):
        files.check(big_slides)


def test_a_presentation_that_would_unpack_to_far_more_than_it_holds_is_refused():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/slide1.xml", b"0" * (20 * 1024 * 1024))
    with pytest.raises(files.Refused, match="not a PowerPoint presentation"):
        files.check(SimpleUploadedFile("bomb.pptx", buffer.getvalue()))
