"""One-to-one help, in the browser: an adviser publishes surgery slots (a mistake first, then choosing who runs them
and where), a provider books one (a mistake first, choosing a time and saying what it needs), both get an email with
the calendar file, and after the surgery the adviser records notes (a mistake first) that land in the contact log.
Then the provider asks for help with a question (choosing between its two support organisations), the adviser
replies, and the provider sees the reply. axe-core checks each page."""

import datetime
import re
from pathlib import Path

import pytest
import time_machine
from django.utils import timezone
from icalendar import Calendar

from conftest import text_of
from dspt.advice.models import Contact, SurgerySlot
from dspt.advice.tests.factories import add_to_cohort
from dspt.support import consent
from dspt.support.models import SupportMembership
from dspt.support.tests.factories import add_staff, make_support_organisation
from tests.e2e.helpers import expect_error
from tests.e2e.steps import Story, heading, press, sign_in_with_session_cookie, stay_on_this_machine


@pytest.fixture(autouse=True)
def _offline(page):
    stay_on_this_machine(page, timeout_ms=20_000)


def _as(page, live_server, user):
    page.context.clear_cookies()
    sign_in_with_session_cookie(page, live_server, user)


def test_an_adviser_publishes_surgeries_a_provider_books_one_and_asks_for_help(
    page, live_server, settings, transactional_db, frameworks, org, owner, smtp_inbox
):
    settings.SITE_URL = live_server.url
    association = make_support_organisation()
    adviser = add_staff(association, "ada@fcca.example", full_name="Ada Adviser")
    add_staff(association, "lee@fcca.example", role=SupportMembership.LEAD, full_name="Lee Lead")
    add_to_cohort(association, org)
    other = make_support_organisation(name="Fictional Borough Care Forum", slug="fbcf")
    consent.grant(org, other, owner)
    story = Story(page)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    after = tomorrow + datetime.timedelta(days=1)

    # The adviser publishes slots: a mistake first (online without a link, a finish before the first slot ends)
    _as(page, live_server, adviser)
    page.goto(f"{live_server.url}/s/fcca/surgeries/")
    assert heading(page) == "Surgeries"
    story.check_accessible()
    page.get_by_role("button", name="Publish surgery slots").click()
    page.wait_for_load_state()
    assert heading(page) == "Publish surgery slots"
    story.check_accessible()
    page.get_by_label("Dates").fill(f"{tomorrow:%d/%m/%Y}, {after.day}/{after.month}/{after.year}")
    page.get_by_label("Start time of the first slot").fill("10:00")
    page.get_by_label("Finish time (optional)").fill("10:15")
    page.get_by_label("30 minutes").check()
    page.get_by_label("Online").check()
    press(page, "Publish slots")
    expect_error(page, "Enter the joining link for the online surgeries")
    story.check_accessible()
    assert page.get_by_label("Dates").input_value().startswith(f"{tomorrow:%d/%m/%Y}")  # nothing typed is lost
    page.get_by_label("Joining link").fill("https://meet.example/ada")
    press(page, "Publish slots")
    assert "must be at least 30 minutes after the first start time" in page.locator(".nhsuk-error-summary").inner_text()
    page.get_by_label("Finish time (optional)").fill("11:00")
    page.get_by_label("Lee Lead").check()
    page.get_by_label("Ada Adviser").check()
    press(page, "Publish slots")
    assert heading(page) == "Surgeries"
    assert "4 slots are published" in page.locator("main").inner_text()
    assert SurgerySlot.objects.filter(adviser=adviser).count() == 4
    story.check_accessible()

    # The provider books the second time tomorrow: a mistake first (nothing said about what they need)
    _as(page, live_server, owner)
    page.goto(f"{live_server.url}/o/VX101/surgeries/")
    assert heading(page) == "Book a surgery with an adviser"
    story.check_accessible()
    page.get_by_role("link", name=re.compile(r"10:30am to 11:00am")).first.click()
    page.wait_for_load_state()
    assert heading(page) == "Book this surgery"
    story.check_accessible()
    page.get_by_label("Which questions do you need help with? (optional)").fill("1.1.2")
    press(page, "Book this surgery")
    expect_error(page, "Say what you need help with")
    assert page.get_by_label("Which questions do you need help with? (optional)").input_value() == "1.1.2"
    page.get_by_label("What do you need help with?").fill("Writing our data protection policy")
    press(page, "Book this surgery")
    assert heading(page) == "Your surgery with Fictional County Care Association"
    main = page.locator("main").inner_text()
    assert "https://meet.example/ada" in main and "10:30am to 11:00am" in main
    story.check_accessible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Add it to your calendar (.ics file)").click()
    calendar = Calendar.from_ical(Path(download.value.path()).read_bytes())
    event = next(c for c in calendar.walk() if c.name == "VEVENT")
    slot = SurgerySlot.objects.get(bookings__isnull=False)
    assert event["dtstart"].dt == slot.starts_at and str(event["dtstart"].dt.tzinfo) == "Europe/London"
    smtp_inbox.wait_for(2)
    sent = {message["To"]: text_of(message) for message in smtp_inbox.messages}
    booking_id = slot.bookings.get().pk
    assert f"{live_server.url}/o/VX101/surgeries/bookings/{booking_id}/calendar.ics" in sent[owner.email]
    assert f"{live_server.url}/s/fcca/surgeries/bookings/{booking_id}/calendar.ics" in sent[adviser.email]

    # After the surgery, the adviser records notes: a mistake first (no outcome)
    with time_machine.travel(slot.starts_at + datetime.timedelta(minutes=35)):
        _as(page, live_server, adviser)
        page.goto(f"{live_server.url}/s/fcca/surgeries/")
        page.get_by_role("link", name="Fictional Meadowbrook House").click()
        page.wait_for_load_state()
        assert heading(page) == "Surgery with Fictional Meadowbrook House"
        story.check_accessible()
        page.get_by_label("Notes").fill("Went through the policy template; they will adapt it")
        press(page, "Save notes")
        expect_error(page, "Select the outcome")
        story.check_accessible()
        page.get_by_label("Helped: they need more help").check()
        press(page, "Save notes")
        assert heading(page) == "Contact log: Fictional Meadowbrook House"
        log = page.locator("table").inner_text()
        assert "Went through the policy template" in log and "Surgery" in log and "they need more help" in log
        story.check_accessible()
    assert Contact.objects.get().booking.pk == booking_id

    # The provider asks for help with a question, choosing which support organisation
    _as(page, live_server, owner)
    page.goto(f"{live_server.url}/o/VX101/help-requests/new/?question=1.1.2")
    assert heading(page) == "Ask for help with question 1.1.2"
    story.check_accessible()
    assert page.get_by_label("Question (optional)").input_value() == "1.1.2"
    page.get_by_label("What do you need help with?").fill("Does our policy need to name the IG lead?")
    press(page, "Send request")
    expect_error(page, "Select who you would like help from")
    page.get_by_label("Fictional Borough Care Forum").check()
    page.get_by_label("Fictional County Care Association").check()
    press(page, "Send request")
    assert heading(page) == "Your requests for help"
    assert "No reply yet" in page.locator("main").inner_text()
    story.check_accessible()

    # The adviser sees it, with its follow-up in the contact log, and replies
    _as(page, live_server, adviser)
    page.goto(f"{live_server.url}/s/fcca/help-requests/")
    assert heading(page) == "Requests for help"
    story.check_accessible()
    page.get_by_role("link", name="Fictional Meadowbrook House").click()
    page.wait_for_load_state()
    assert heading(page) == "Request for help from Fictional Meadowbrook House"
    story.check_accessible()
    page.get_by_label("Your reply").fill("Yes: name them and say how to reach them.")
    press(page, "Send reply")
    assert heading(page) == "Requests for help"
    assert "Replied" in page.locator("table").inner_text()
    page.goto(f"{live_server.url}/s/fcca/follow-ups/")
    assert heading(page) == "Follow-ups due"
    story.check_accessible()

    # The provider sees the reply
    _as(page, live_server, owner)
    page.goto(f"{live_server.url}/o/VX101/help-requests/")
    assert "Yes: name them and say how to reach them." in page.locator("main").inner_text()
    story.check_accessible()
    story.assert_no_problems()
