"""A manager gets a one-time confirmation link for a member of staff and shows it as a QR code; the member of staff
opens it on a phone-sized screen without signing in, submits without ticking anything (a mistake), then confirms
all three things; the register shows the dates, and the link cannot be used twice. axe-core checks each page."""

from dataclasses import fields

import pytest
from django.utils import timezone

from dspt.registers.spec import RegisterSpec
from dspt.training.tests.factories import add_staff
from dspt.ui.presenters import long_date
from tests.e2e.helpers import expect_error
from tests.e2e.steps import Story, heading, press, sign_in_with_session_cookie, stay_on_this_machine

PHONE = {"width": 375, "height": 740}
OFFERED = {spec_field.name for spec_field in fields(RegisterSpec)}  # what the registers' pages show for a register


@pytest.fixture(autouse=True)
def _offline(page):
    stay_on_this_machine(page, timeout_ms=20_000)


def test_a_member_of_staff_confirms_through_a_one_time_link_on_a_phone(
    page, browser, live_server, settings, transactional_db, org, owner, member
):
    settings.SITE_URL = live_server.url
    today = timezone.localdate()
    for number in range(19):
        add_staff(org, owner, name=f"Trained Person {number:02}", training_completed_on=today)
    sam = add_staff(org, owner, name="Sam Jones", job_role="Night care worker")
    story = Story(page)
    sign_in_with_session_cookie(page, live_server, member)

    # The register, with the live share at the top (where the registers' pages show it)
    page.goto(f"{live_server.url}/o/VX101/registers/staff-training/")
    assert heading(page) == "Staff training register"
    if "list_notice" in OFFERED:
        story.expect(
            "19 of 20 staff (95%) trained in the last 12 months: meets the 95% expectation"
            in page.locator("main").inner_text(),
            "the share is not shown at the top of the list",
        )
    story.check_accessible()

    # Sam's entry, then a link shown on this screen as a QR code
    page.get_by_role("table").get_by_role("link", name="Sam Jones").click()
    page.wait_for_load_state()
    assert heading(page) == "Sam Jones"
    if "entry_section" in OFFERED:
        page.get_by_role("link", name="Get a link for them to confirm their training").click()
    else:
        page.goto(f"{live_server.url}/o/VX101/training/staff/{sam.pk}/confirmation-link/")
    page.wait_for_load_state()
    assert heading(page) == "Get a link for Sam Jones"
    story.check_accessible()
    press(page, "Get the link")
    expect_error(page, "Select how you will give them the link")
    page.get_by_label("Show it on this screen, with a QR code to scan").check()
    press(page, "Get the link")
    assert heading(page) == "Link for Sam Jones"
    qr = page.get_by_role("img", name="QR code for Sam's confirmation link")
    assert qr.is_visible() and qr.locator("svg").count() == 1
    address = page.locator(".app-confirmation-url a").inner_text().strip()
    assert address.startswith(f"{live_server.url}/confirm-training/")
    story.check_accessible()

    # Sam, on a phone, not signed in
    phone = browser.new_context(viewport=PHONE)
    staff_page = phone.new_page()
    stay_on_this_machine(staff_page, timeout_ms=20_000)
    staff_story = Story(staff_page)
    staff_page.goto(address)
    assert heading(staff_page) == "Confirm your data security training"
    text = staff_page.locator("main").inner_text()
    assert "Fictional Meadowbrook House" in text and "Hello Sam." in text and "Jones" not in text
    assert "Trained Person" not in staff_page.content()
    no_sideways_scroll = staff_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    staff_story.expect(no_sideways_scroll, "the page scrolls sideways on a phone")
    staff_story.check_accessible()

    press(staff_page, "Save my confirmation")  # nothing ticked
    expect_error(staff_page, "Tick at least one thing you are confirming")
    staff_story.check_accessible()
    staff_page.get_by_label("I have read the confidentiality clause").check()
    staff_page.get_by_label("I have read the data protection policy").check()
    staff_page.get_by_label("I have completed data security training").check()
    assert staff_page.get_by_label("Year").input_value() == str(today.year)  # the date starts as today
    press(staff_page, "Save my confirmation")
    assert heading(staff_page) == "Thank you, your confirmation is saved"
    staff_story.check_accessible()

    # The register shows the dates, with Sam named in the history
    page.goto(f"{live_server.url}/o/VX101/registers/staff-training/{sam.pk}/")
    entry = page.locator("main").inner_text()
    for label in (
        "Data security training completed on",
        "Confidentiality clause confirmed on",
        "Data protection policy read on",
    ):
        assert label in entry
    assert entry.count(long_date(today)) >= 3
    page.get_by_role("link", name="See the history of changes").click()
    page.wait_for_load_state()
    assert "Sam Jones, by confirmation link" in page.locator("main").inner_text()

    if "list_notice" in OFFERED:
        page.goto(f"{live_server.url}/o/VX101/registers/staff-training/")
        story.expect(
            "20 of 20 staff (100%) trained in the last 12 months" in page.locator("main").inner_text(),
            "the share did not take in the confirmation",
        )

    # The link cannot be used twice
    staff_page.goto(address)
    assert heading(staff_page) == "This link has already been used"
    staff_story.check_accessible()
    phone.close()

    story.assert_no_problems()
    staff_story.assert_no_problems()
