"""A public visitor finds a webinar by topic and books it (after a mistake), with a calendar file that parses; the
event fills and the next two bookings go on the waiting list; the first visitor cancels by the emailed link, the
first waiting person is offered the place, lets it lapse (the clock set a day on, the cron command run), and the
offer passes to the next, who accepts. Emails travel over real SMTP. axe-core checks each kind of page."""

import datetime
import re

import icalendar
import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from conftest import text_of
from dspt.events.models import Booking, Topic
from dspt.events.tests.factories import make_event
from dspt.support.tests.factories import make_support_organisation
from tests.e2e.helpers import expect_error
from tests.e2e.steps import Story, heading, press, stay_on_this_machine


@pytest.fixture(autouse=True)
def _offline(page):
    stay_on_this_machine(page, timeout_ms=20_000)


def link(message, kind: str) -> str:
    found = re.findall(rf"https?://\S+?/events/{kind}/[\w-]+/(?:calendar\.ics)?", text_of(message))
    assert found, text_of(message)
    return found[0]


def to(inbox, address: str, count: int):
    inbox.wait_for(count)
    return [message for message in inbox.messages if message["To"] == address][-1]


def book(page, name: str, email: str, button: str = "Book a place") -> None:
    page.get_by_label("Your full name").fill(name)
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Organisation name").fill(f"{name.split()[0]}'s Fictional Care")
    page.get_by_label("ODS code").fill("VQ1234"[:5])
    press(page, button)


def test_a_visitor_books_the_event_fills_and_a_freed_place_passes_down_the_waiting_list(
    page, live_server, settings, transactional_db, smtp_inbox
):
    settings.SITE_URL = live_server.url
    settings.EVENT_OFFER_HOURS = 24
    association = make_support_organisation()
    make_event(association, title="Data security for care homes", topic=Topic.SECURITY, capacity=5)
    starts = timezone.now().replace(microsecond=0) + datetime.timedelta(days=7)
    event = make_event(association, title="Introduction to the DSPT", starts_at=starts, capacity=2)
    story = Story(page)

    # The public listing, filtered by topic
    page.goto(f"{live_server.url}/events/")
    assert heading(page) == "Data security webinars and workshops"
    story.check_accessible()
    page.get_by_label("Topic").select_option(label="Introduction and registration")
    press(page, "Show events")
    main = page.locator("main").inner_text()
    assert "Introduction to the DSPT" in main and "Data security for care homes" not in main
    page.get_by_role("link", name="Introduction to the DSPT").click()
    page.wait_for_load_state()
    assert heading(page) == "Introduction to the DSPT"
    story.expect("2 places left" in page.locator("main").inner_text(), "the places left are not shown")
    story.check_accessible()

    # A mistake first: an email address without an @ and a code that is not one
    page.get_by_label("Your full name").fill("Ann Archer")
    page.get_by_label("Email address").fill("ann.care.example")
    page.get_by_label("Organisation name").fill("Ann's Fictional Care")
    page.get_by_label("ODS code").fill("8ABC")
    press(page, "Book a place")
    expect_error(page, "Enter an email address in the right format, like name@example.com")
    assert page.get_by_label("Your full name").input_value() == "Ann Archer"  # nothing typed is lost
    story.check_accessible()
    page.get_by_label("Email address").fill("ann@care.example")
    page.get_by_label("ODS code").fill("VQ101")
    press(page, "Book a place")
    assert heading(page) == "You have a place"
    assert "https://meet.example/intro" in page.locator("main").inner_text()
    story.check_accessible()

    # The confirmation email, with a calendar file that parses and says UK time
    ann_email = to(smtp_inbox, "ann@care.example", 1)
    ics = page.request.get(link(ann_email, "booking").replace("calendar.ics", "") + "calendar.ics")
    calendar = icalendar.Calendar.from_ical(ics.body())
    [vevent] = calendar.walk("VEVENT")
    assert vevent["DTSTART"].params["TZID"] == "Europe/London"
    assert vevent.decoded("DTSTART") == starts

    # Bea takes the last place; Cal and Dee go on the waiting list
    page.goto(f"{live_server.url}/events/{event.pk}/")
    book(page, "Bea Brown", "bea@care.example")
    assert heading(page) == "You have a place"
    page.goto(f"{live_server.url}/events/{event.pk}/")
    assert "Full: you can join the waiting list" in page.locator("main").inner_text()
    book(page, "Cal Cole", "cal@care.example", "Join the waiting list")
    assert heading(page) == "You are on the waiting list"
    assert "meet.example" not in page.content()
    story.check_accessible()
    page.goto(f"{live_server.url}/events/{event.pk}/")
    book(page, "Dee Dale", "dee@care.example", "Join the waiting list")
    assert "number 2 on the waiting list" in page.locator("main").inner_text()

    # Ann cancels through her emailed link (once); Cal is offered the place
    page.goto(link(ann_email, "cancel"))
    assert heading(page) == "Cancel your place"
    story.check_accessible()
    press(page, "Cancel my place")
    assert heading(page) == "Your booking is cancelled"
    story.check_accessible()
    cal_offer = link(to(smtp_inbox, "cal@care.example", 5), "offer")

    # Cal lets it lapse: a day later the cron command passes the place to Dee
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=24, minutes=5), tick=True):
        call_command("process_event_offers")
        page.goto(cal_offer)
        assert heading(page) == "This offer has run out"
        story.check_accessible()
        dee_offer = link(to(smtp_inbox, "dee@care.example", 6), "offer")
        page.goto(dee_offer)
        assert heading(page) == "A place has come up for you"
        story.check_accessible()
        press(page, "Accept the place")
        assert heading(page) == "You have a place"
    statuses = dict(event.bookings.values_list("email", "status"))
    assert statuses == {
        "ann@care.example": Booking.CANCELLED,
        "bea@care.example": Booking.BOOKED,
        "cal@care.example": Booking.LAPSED,
        "dee@care.example": Booking.BOOKED,
    }
    story.assert_no_problems()


def test_a_lead_puts_on_an_event_and_the_staff_pages_are_accessible(page, live_server, transactional_db, frameworks):
    from dspt.support.models import SupportMembership
    from dspt.support.tests.factories import add_staff
    from tests.e2e.steps import sign_in_with_session_cookie

    association = make_support_organisation()
    lead = add_staff(association, "lead@fcca.example", role=SupportMembership.LEAD, full_name="Lee Lead")
    story = Story(page)
    sign_in_with_session_cookie(page, live_server, lead)
    page.goto(f"{live_server.url}/s/fcca/events/")
    assert heading(page) == "Events"
    story.check_accessible()
    page.get_by_role("button", name="Put on an event").click()
    page.wait_for_load_state()
    assert heading(page) == "Put on an event"
    story.check_accessible()
    day = timezone.localdate() + datetime.timedelta(days=30)
    page.get_by_label("Title").fill("Policies workshop")
    page.get_by_label("Staffing, roles, policies and procedures").check()
    page.get_by_label("Day").fill(str(day.day))
    page.get_by_label("Month").fill(str(day.month))
    page.get_by_label("Year").fill(str(day.year))
    page.get_by_label("Start time").fill("half past two")
    page.get_by_label("Length in minutes").fill("90")
    page.get_by_label("Tutor").fill("Tess Tutor")
    page.get_by_label("At a venue").check()
    page.get_by_label("Number of places").fill("12")
    press(page, "Save the event")
    expect_error(page, "Enter a start time like 10:00 or 2pm")
    story.check_accessible()
    page.get_by_label("Start time").fill("2:30pm")
    page.get_by_label("Venue address").fill("1 High Street\nFictional Town")
    press(page, "Save the event")
    assert heading(page) == "Policies workshop"
    story.check_accessible()
    page.get_by_role("link", name="Work along").click()
    page.wait_for_load_state()
    assert heading(page) == "Work along: Policies workshop"
    story.check_accessible()
    story.assert_no_problems()
