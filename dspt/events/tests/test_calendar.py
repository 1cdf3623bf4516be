"""The booking's calendar file, downloaded or attached to the confirmation email, parses with icalendar and keeps UK
time on both sides of the October clock change; the joining link goes only to people with a place."""

import datetime
import re
from zoneinfo import ZoneInfo

import icalendar
import pytest
import time_machine
from django.core.cache import cache
from django.test import Client

from conftest import text_of
from dspt.events import bookings, calendar_entries
from dspt.events.models import Booking
from dspt.events.tests.factories import book, make_event
from dspt.outbox.tests.mail_parts import attachments_of
from dspt.support.tests.factories import make_support_organisation

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()  # the public pages' per-client limits


@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [(datetime.date(2025, 10, 24), 9), (datetime.date(2025, 10, 27), 10)],  # BST (UTC+1), then GMT
)
def test_the_ics_carries_europe_london_across_the_october_change(day, utc_hour, client):
    association = make_support_organisation()
    starts = datetime.datetime.combine(day, datetime.time(10, 0), tzinfo=LONDON)
    with time_machine.travel(datetime.datetime(2025, 10, 1, 12, tzinfo=datetime.UTC), tick=False):
        event = make_event(association, starts_at=starts, duration_minutes=90, venue_address="", online=True)
        booking, token = book(event)
        response = client.get(f"/events/booking/{token}/calendar.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    [vevent] = calendar.walk("VEVENT")
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/London"
    start, end = vevent.decoded("DTSTART"), vevent.decoded("DTEND")
    assert vevent["DTSTART"].params["TZID"] == "Europe/London"
    assert (start.hour, start.minute) == (10, 0) and end - start == datetime.timedelta(minutes=90)
    assert start.astimezone(datetime.UTC).hour == utc_hour
    assert str(vevent["UID"]) == f"event-booking-{booking.pk}@open-dspt"
    assert "meet.example" in str(vevent["LOCATION"])


def test_a_cancelled_booking_gives_a_cancelling_file():
    association = make_support_organisation()
    booking, _ = book(make_event(association))
    booking.status = Booking.CANCELLED
    calendar = icalendar.Calendar.from_ical(calendar_entries.ics_for(booking))
    assert str(calendar["METHOD"]) == "CANCEL"
    assert str(calendar.walk("VEVENT")[0]["STATUS"]) == "CANCELLED"


def test_a_waiting_booking_has_no_calendar_file(client):
    association = make_support_organisation()
    event = make_event(association, capacity=1)
    book(event, email="a@care.example")
    _waiting, token = book(event, email="b@care.example")
    assert client.get(f"/events/booking/{token}/calendar.ics").status_code == 404


# ---- the calendar file attached to the emails -----------------------------------------------------------------


def attached_calendar(message) -> icalendar.Calendar:
    files = attachments_of(message)
    assert set(files) == {"event.ics"}, files
    assert files["event.ics"].content_type == "text/calendar"
    return icalendar.Calendar.from_ical(files["event.ics"].content)


@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [(datetime.date(2027, 10, 29), 13), (datetime.date(2027, 11, 2), 14)],  # BST (UTC+1), then GMT after 31 October
)
def test_the_booking_confirmation_carries_the_calendar_file_in_uk_time(day, utc_hour, mailoutbox):
    association = make_support_organisation()
    starts = datetime.datetime.combine(day, datetime.time(14, 0), tzinfo=LONDON)
    with time_machine.travel(datetime.datetime(2027, 10, 1, 12, tzinfo=datetime.UTC), tick=False):
        event = make_event(association, title="Staffing and roles workshop", starts_at=starts, duration_minutes=60)
        booking, _token = book(event, email="ann@care.example")
    [message] = mailoutbox
    assert message.to == ["ann@care.example"] and "attached to this email (event.ics)" in message.body
    assert "/calendar.ics" in message.body  # the download link is still there
    calendar = attached_calendar(message)
    assert str(calendar["METHOD"]) == "PUBLISH" and attachments_of(message)["event.ics"].params["method"] == "PUBLISH"
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Staffing and roles workshop"
    assert vevent["DTSTART"].params["TZID"] == "Europe/London"
    start = vevent.decoded("DTSTART")
    assert (start.hour, start.minute) == (14, 0)
    assert start.astimezone(datetime.UTC) == datetime.datetime.combine(day, datetime.time(utc_hour), datetime.UTC)
    assert vevent.decoded("DTEND") - start == datetime.timedelta(minutes=60)
    assert str(vevent["UID"]) == f"event-booking-{booking.pk}@open-dspt"
    assert str(vevent["LOCATION"]) == "https://meet.example/intro"  # the joining link, for the booked person


def test_only_a_place_gets_the_calendar_file_and_an_accepted_offer_brings_it(mailoutbox):
    association = make_support_organisation()
    event = make_event(association, capacity=1)
    book(event, email="a@care.example")
    waiting, _ = book(event, email="b@care.example")
    [waiting_email] = [m for m in mailoutbox if m.to == ["b@care.example"]]
    assert attachments_of(waiting_email) == {}  # on the waiting list: no calendar file, no joining link

    cancel_token = re.search(r"/events/cancel/([\w-]+)/", mailoutbox[0].body).group(1)
    bookings.cancel(bookings.find_by_cancel_token(cancel_token))
    offer_email = [m for m in mailoutbox if m.to == ["b@care.example"]][-1]
    assert "keeping it for you" in offer_email.body and attachments_of(offer_email) == {}

    offer_token = re.search(r"/events/offer/([\w-]+)/", offer_email.body).group(1)
    bookings.accept_offer(bookings.find_by_offer_token(offer_token))
    confirmation = [m for m in mailoutbox if m.to == ["b@care.example"]][-1]
    assert "You have a place" in confirmation.body
    [vevent] = attached_calendar(confirmation).walk("VEVENT")
    assert str(vevent["UID"]) == f"event-booking-{waiting.pk}@open-dspt"
    assert str(vevent["LOCATION"]) == "https://meet.example/intro"


def test_a_venue_event_carries_its_address_and_a_cancelled_booking_no_joining_link(client, mailoutbox):
    association = make_support_organisation()
    at_venue = make_event(association, online=False, joining_link="", venue_address="1 Fictional Road\nTownham")
    book(at_venue, email="v@care.example")
    [vevent] = attached_calendar(mailoutbox[-1]).walk("VEVENT")
    assert str(vevent["LOCATION"]) == "1 Fictional Road Townham"

    online = make_event(association)
    _booking, token = book(online, email="o@care.example")
    cancel_token = re.search(r"/events/cancel/([\w-]+)/", mailoutbox[-1].body).group(1)
    bookings.cancel(bookings.find_by_cancel_token(cancel_token))
    response = client.get(f"/events/booking/{token}/calendar.ics")
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    [vevent] = calendar.walk("VEVENT")
    assert str(calendar["METHOD"]) == "CANCEL" and vevent["SEQUENCE"] == 1
    assert "meet.example" not in response.content.decode() and str(vevent["LOCATION"]) == "Online"


def test_the_calendar_file_survives_real_smtp_from_the_booking_page(smtp_inbox):
    association = make_support_organisation()
    starts = datetime.datetime(2027, 11, 2, 10, 0, tzinfo=LONDON)
    with time_machine.travel(datetime.datetime(2027, 10, 1, 12, tzinfo=datetime.UTC), tick=False):
        event = make_event(association, title="Introduction to the DSPT", starts_at=starts)
        details = {
            "name": "Ann",
            "email": "ann@care.example",
            "organisation_name": "Fictional Care",
            "ods_code": "VX901",
        }
        response = Client().post(f"/events/{event.pk}/", details)
    assert response.status_code == 302
    message = smtp_inbox.wait_for(1)
    assert message["To"] == "ann@care.example" and "/calendar.ics" in text_of(message)
    [vevent] = attached_calendar(message).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Introduction to the DSPT"
    assert vevent["DTSTART"].params["TZID"] == "Europe/London"
    assert vevent.decoded("DTSTART").astimezone(datetime.UTC) == datetime.datetime(2027, 11, 2, 10, tzinfo=datetime.UTC)


def test_cancelling_the_event_sends_a_cancelling_file_to_the_booked_only(mailoutbox):
    from dspt.events import scheduling
    from tests.factories import make_user

    association = make_support_organisation()
    event = make_event(association, capacity=1)
    booked, _ = book(event, email="a@care.example")
    book(event, email="b@care.example")  # on the waiting list
    mailoutbox.clear()
    scheduling.cancel(event, make_user("lead@fcca.example"))
    by_address = {m.to[0]: m for m in mailoutbox}
    assert set(by_address) == {"a@care.example", "b@care.example"}
    assert attachments_of(by_address["b@care.example"]) == {}  # nothing was in their calendar
    attached = attachments_of(by_address["a@care.example"])["event.ics"]
    assert attached.params.get("method") == "CANCEL"
    calendar = icalendar.Calendar.from_ical(attached.content)
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["UID"]) == f"event-booking-{booked.pk}@open-dspt"
    assert str(vevent["STATUS"]) == "CANCELLED"
    assert "meet.example" not in attached.content.decode()  # the joining link is not sent to a cancelled event
