"""The PDF report of a publication is a tagged PDF (PDF/UA) with its language and title, for screen readers."""

import contextlib
import re
import shutil
import subprocess
import zlib

import pytest

from tests.factories import answer_all, make_publication

pytestmark = pytest.mark.django_db


def pdfinfo(path) -> dict[str, str]:
    program = shutil.which("pdfinfo")
    assert program, "pdfinfo (poppler-utils) is not installed"
    done = subprocess.run([program, str(path)], capture_output=True, text=True, check=True, timeout=30)
    return dict(re.findall(r"^([^:]+):\s*(.*)$", done.stdout, re.M))


def pdf_objects(content: bytes) -> bytes:
    """The PDF's objects as text, with its compressed streams (object streams hold the catalog) inflated."""
    parts = [content]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", content, re.S):
        with contextlib.suppress(zlib.error):  # a stream that is not Flate-compressed has nothing to read here
            parts.append(zlib.decompress(stream))
    return b"\n".join(parts)


def test_the_pdf_report_is_tagged_with_a_title_and_language(client_for, owner, assessment, tmp_path):
    answer_all(assessment, owner)
    publication = make_publication(assessment, owner, "met")

    response = client_for(owner).get(f"/o/VX101/publications/{publication.pk}/report.pdf")

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    path = tmp_path / "report.pdf"
    path.write_bytes(response.content)
    info = pdfinfo(path)
    assert info["Tagged"] == "yes", info
    assert info["Title"] == "Fictional Meadowbrook House DSPT 2025-26", info
    catalog = pdf_objects(response.content)
    assert b"/Lang (en)" in catalog  # report.html's <html lang="en">
    assert b"/DisplayDocTitle true" in catalog  # viewers show the title, not the file name
