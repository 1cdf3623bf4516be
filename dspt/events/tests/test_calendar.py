"""The booking's calendar file parses with icalendar and keeps UK time on both sides of the October clock change."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
import time_machine

from dspt.events import calendar_entries
from dspt.events.models import Booking
from dspt.events.tests.factories import book, make_event
from dspt.support.tests.factories import make_support_organisation

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


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
