"""A member writes a policy from the organisation's data: opens a document, edits a section, makes a mistake (a
blank title, then one too long) and corrects it, saves version 1, downloads it as Word, attaches it as evidence for
a question (choosing the question and the file type), then opens the CQC evidence pack and downloads its PDF.

Each kind of page is checked with axe-core; problems that do not stop the journey are collected by `Story`.
"""

import io

import pytest
from docx import Document as WordDocument

from dspt.documents.models import Version
from tests.e2e.helpers import expect_error
from tests.e2e.steps import Story, heading, press, sign_in_with_session_cookie, stay_on_this_machine
from tests.factories import complete_profile


@pytest.fixture(autouse=True)
def _offline(page):
    stay_on_this_machine(page)


@pytest.fixture
def writer(transactional_db, org, member, assessment):
    complete_profile(org, ico_number="ZA654321", ig_lead_name="Ian Grey", ig_lead_title="Registered manager")
    return member


def test_a_member_writes_a_policy_and_uses_it_as_evidence(page, live_server, writer, org, assessment):
    story = Story(page)
    sign_in_with_session_cookie(page, live_server, writer)
    page.goto(f"{live_server.url}/o/VX101/")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Documents").click()
    page.wait_for_url("**/o/VX101/documents/")
    assert heading(page) == "Documents"
    story.check_accessible()

    page.get_by_role("link", name="Data protection policy").click()
    page.wait_for_load_state()
    assert heading(page) == "Data protection policy"
    story.expect("Missing from your records" in page.locator("main").inner_text(), "the missing facts are listed")
    story.check_accessible()

    # A section edited, and a blank title: the message says what to do, and the edit is kept
    page.get_by_label("What this policy covers").fill("Everyone who works at Meadowbrook, paid or not.")
    page.get_by_label("Title", exact=True).fill("")
    press(page, "Save as a new version")
    expect_error(page, "Enter the document's title")
    assert page.get_by_label("What this policy covers").input_value().startswith("Everyone who works at Meadowbrook")
    story.check_accessible()

    # Then a title too long, then a good one
    page.get_by_label("Title", exact=True).fill("x" * 201)
    press(page, "Save as a new version")
    expect_error(page, "The title must be 200 characters or fewer")
    page.get_by_label("Title", exact=True).fill("Meadowbrook data protection policy")
    press(page, "Save as a new version")
    assert "Version 1 saved" in page.locator("main").inner_text() or "Version 1 saved" in page.content()
    version = Version.objects.get()
    assert version.title == "Meadowbrook data protection policy"

    # Download it as Word: it opens, with the organisation's name and ICO number
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download Word document of version 1").click()
    download = download_info.value
    assert download.suggested_filename == "meadowbrook-data-protection-policy-v1.docx"
    word = WordDocument(io.BytesIO(download.path().read_bytes()))
    body = "\n".join(p.text for p in word.paragraphs)
    assert "ZA654321" in body and "Fictional Meadowbrook House" in word.sections[0].header.paragraphs[0].text

    # Use it as evidence: choose the question and the Word file, with the question left out first
    page.get_by_role("link", name="Use as evidence (version 1)").click()
    page.wait_for_load_state()
    assert heading(page) == "Use version 1 as evidence"
    story.check_accessible()
    page.get_by_label("Word document").check()
    press(page, "Attach it")
    expect_error(page, "Select the question it is evidence for")
    page.get_by_label("1.3.7", exact=False).check()
    press(page, "Attach it")
    page.wait_for_url("**/assessment/2025-26/q/1.3.7/")
    assert "meadowbrook-data-protection-policy-v1.docx" in page.locator("main").inner_text()

    # The CQC evidence pack: the page says what is in it, and the PDF downloads
    page.goto(f"{live_server.url}/o/VX101/documents/")
    page.get_by_role("button", name="See the CQC evidence pack").click()
    page.wait_for_load_state()
    assert heading(page) == "CQC evidence pack"
    story.check_accessible()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download the CQC evidence pack (PDF)").click()
    pdf = download_info.value
    assert pdf.suggested_filename.startswith("cqc-evidence-pack-vx101-")
    assert pdf.path().read_bytes()[:5] == b"%PDF-"
    story.assert_no_problems()
