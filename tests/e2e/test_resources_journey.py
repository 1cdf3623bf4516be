"""A programme lead publishes resources: a guide link (first typed as an http:// link, which is refused with the
rest of the form kept) for two areas, and a PDF template uploaded for a third; the public page, with no sign-in,
lists both under their kinds with the association's contact details, downloads the PDF and filters by area.

Each kind of page is checked with axe-core; problems that do not stop the journey are collected by `Story`.
"""

import pytest

from dspt.resources.models import Resource
from dspt.support.models import SupportMembership
from dspt.support.tests.factories import add_staff, make_support_organisation
from tests.e2e.helpers import expect_error
from tests.e2e.steps import Story, heading, press, sign_in_with_session_cookie, stay_on_this_machine

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _offline(page):
    stay_on_this_machine(page)


@pytest.fixture
def private_files(settings, tmp_path):
    settings.PRIVATE_FILES_ROOT = tmp_path / "private"
    return settings.PRIVATE_FILES_ROOT


@pytest.fixture
def lead(transactional_db, private_files):
    association = make_support_organisation(area="Fictional County", hours="Monday to Friday, 9am to 5pm")
    return add_staff(association, "lead@fcca.example", SupportMembership.LEAD, full_name="Lee Lead")


def test_a_lead_publishes_a_guide_link_and_a_pdf_template(page, live_server, lead, tmp_path):
    story = Story(page)
    sign_in_with_session_cookie(page, live_server, lead)
    page.goto(f"{live_server.url}/s/fcca/resources/")
    assert heading(page) == "Resources"
    story.expect("There are no resources yet" in page.locator("main").inner_text(), "the empty list says so")
    story.check_accessible()

    # A guide link, first typed with http://: refused with a message, everything typed kept
    page.get_by_role("button", name="Add a resource").click()
    page.wait_for_load_state()
    assert heading(page) == "Add a resource"
    story.check_accessible()
    page.get_by_label("Title").fill("Getting started with the toolkit")
    page.get_by_label("Short description").fill("A reference guide to registering and publishing")
    page.get_by_label("Guide", exact=True).check()
    page.get_by_label("A link to a web page").check()
    page.get_by_label("Link", exact=True).fill("http://example.org/getting-started")
    page.get_by_label("Fictional County").check()
    page.get_by_label("Other areas").fill("Luton")
    press(page, "Save resource")
    expect_error(page, "The link must start with https:// (a secure link), not http://")
    assert page.get_by_label("Title").input_value() == "Getting started with the toolkit"
    assert page.get_by_label("Fictional County").is_checked()
    assert page.get_by_label("Other areas").input_value() == "Luton"
    story.check_accessible()
    page.get_by_label("Link", exact=True).fill("https://example.org/getting-started")
    press(page, "Save resource")
    assert heading(page) == "Resources"
    story.expect("Getting started with the toolkit has been added" in page.locator("main").inner_text(), "saved")
    guide = Resource.objects.get()
    assert (guide.link, guide.areas) == ("https://example.org/getting-started", "Fictional County, Luton")

    # A PDF template uploaded, for Stevenage
    pdf = tmp_path / "Data protection policy.pdf"
    pdf.write_bytes(PDF)
    page.get_by_role("button", name="Add a resource").click()
    page.wait_for_load_state()
    page.get_by_label("Title").fill("Data protection policy template")
    page.get_by_label("Template", exact=True).check()
    page.get_by_label("A file you upload").check()
    page.locator("main input[type=file]").set_input_files(str(pdf))
    page.get_by_label("Other areas").fill("Stevenage")
    press(page, "Save resource")
    assert heading(page) == "Resources"
    main = page.locator("main").inner_text()
    assert "Data protection policy template" in main and "PDF document" in main
    story.check_accessible()

    # The remove page (not used: both stay)
    page.get_by_role("link", name="Remove Data protection policy template").click()
    page.wait_for_load_state()
    assert heading(page) == "Remove Data protection policy template?"
    story.check_accessible()

    # The public page, signed out
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/support/fcca/resources/")
    assert heading(page) == "Resources"
    main = page.locator("main").inner_text()
    assert "Getting started with the toolkit" in main and "Data protection policy template" in main
    assert "01632 960000" in main and "Monday to Friday, 9am to 5pm" in main
    assert main.index("Template") < main.index("Guide")
    story.check_accessible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Data protection policy template").click()
    download = download_info.value
    assert download.suggested_filename == "Data protection policy.pdf"
    with open(download.path(), "rb") as downloaded:
        assert downloaded.read() == PDF

    # Filtered by an area: the template for Stevenage goes, the guide for Luton stays
    page.get_by_label("Show resources for").select_option("Luton")
    press(page, "Show")
    main = page.locator("main").inner_text()
    assert "Showing resources for Luton" in main
    assert "Getting started with the toolkit" in main and "Data protection policy template" not in main
    story.check_accessible()
    story.assert_no_problems()
