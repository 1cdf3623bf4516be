"""A programme lead, in a browser with JavaScript turned off, narrows the cohort dashboard's list to the providers
contacted in the last 30 days, then to those booked on one of the association's events, then to both; the columns
say each provider's last contact and whether it is booked. axe-core (which needs JavaScript) then checks the
filtered page in a second browser context."""

import datetime

import pytest
from django.utils import timezone

from dspt.advice import contact_log
from dspt.advice.models import Contact
from dspt.events import bookings
from dspt.events.tests.factories import book, make_event
from dspt.support.models import CohortEntry, SupportMembership
from dspt.support.tests.factories import add_staff, make_support_organisation
from dspt.ui.presenters import long_date
from tests.e2e.steps import Story, heading, press, sign_in_with_session_cookie, stay_on_this_machine


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "java_script_enabled": False}


@pytest.fixture(autouse=True)
def _offline(page):
    stay_on_this_machine(page, timeout_ms=20_000)


def shown(page) -> dict[str, tuple[str, str]]:
    """{ODS code: (last contact, booked)} of the rows the list shows."""
    return {
        row.get_attribute("data-code"): (
            row.locator('[data-fact="last_contact"]').inner_text().removeprefix("Last contact").strip(),
            row.locator('[data-fact="booked"]').inner_text().removeprefix("Booked on an event").strip(),
        )
        for row in page.locator("#cohort tbody tr").all()
    }


def test_a_lead_filters_by_last_contact_and_bookings_without_javascript(
    page, browser, live_server, settings, transactional_db, frameworks, mailoutbox
):
    settings.SITE_URL = live_server.url
    association = make_support_organisation()
    lead = add_staff(association, "lead@fcca.example", SupportMembership.LEAD, full_name="Lee Lead")
    for code, name in [
        ("VX611", "Fictional Ash House"),
        ("VX612", "Fictional Beech Court"),
        ("VX613", "Fictional Cedar Lodge"),
        ("VX614", "Fictional Damson Homecare"),
    ]:
        CohortEntry.objects.create(support_organisation=association, ods_code=code, name=name, added_by=lead)
    today = timezone.localdate()
    recently, a_while_ago = today - datetime.timedelta(days=10), today - datetime.timedelta(days=60)
    note = {"kind": Contact.CALL, "summary": "Talked through registering"}
    contact_log.add(association, "VX611", lead, happened_on=recently, **note)
    contact_log.add(association, "VX612", lead, happened_on=recently, **note)
    contact_log.add(association, "VX613", lead, happened_on=a_while_ago, **note)
    event = make_event(association, capacity=5)
    book(event, email="ash@care.example", ods_code="VX611")
    book(event, email="cedar@care.example", ods_code="VX613")
    cancelled, _token = book(event, email="beech@care.example", ods_code="VX612")
    bookings.cancel(cancelled)

    sign_in_with_session_cookie(page, live_server, lead)
    page.goto(f"{live_server.url}/s/fcca/")
    assert heading(page) == "Your cohort"
    assert "js-enabled" not in (page.locator("body").get_attribute("class") or "")  # the page's scripts did not run
    assert shown(page) == {
        "VX611": (long_date(recently), "Yes"),
        "VX612": (long_date(recently), "No"),
        "VX613": (long_date(a_while_ago), "Yes"),
        "VX614": ("None", "No"),
    }

    page.get_by_label("Last contact").select_option(label="In the last 30 days")
    press(page, "Show providers")
    assert "last_contact=last-30-days" in page.url
    assert set(shown(page)) == {"VX611", "VX612"}
    assert "Showing 2 of 4" in page.locator("main").inner_text()

    page.get_by_label("Last contact").select_option(label="Any")
    page.get_by_label("Booked on an event").select_option(label="Yes")
    press(page, "Show providers")
    assert set(shown(page)) == {"VX611", "VX613"}

    page.get_by_label("Last contact").select_option(label="In the last 30 days")
    press(page, "Show providers")
    assert set(shown(page)) == {"VX611"}
    assert page.get_by_label("Booked on an event").input_value() == "yes"  # the choices stay chosen
    assert page.get_by_label("Last contact").input_value() == "last-30-days"
    filtered = page.url

    page.get_by_role("link", name="Clear the filters").click()
    page.wait_for_load_state()
    assert len(shown(page)) == 4

    # axe-core needs JavaScript: the same filtered page, checked in a second browser context with it on
    context = browser.new_context()
    checked = context.new_page()
    stay_on_this_machine(checked, timeout_ms=20_000)
    sign_in_with_session_cookie(checked, live_server, lead)
    checked.goto(filtered)
    assert set(shown(checked)) == {"VX611"}
    story = Story(checked)
    story.check_accessible()
    context.close()
    story.assert_no_problems()
