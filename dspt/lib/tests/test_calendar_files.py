"""Calendar files parse with icalendar and keep local time across the October clock change."""

import datetime

from icalendar import Calendar

from dspt.lib.calendar_files import LONDON, Entry, ics

UTC = datetime.UTC


def parsed(data: bytes):
    calendar = Calendar.from_ical(data)
    return calendar, next(iter(calendar.walk("VEVENT")))


def test_a_file_parses_with_the_london_time_zone_either_side_of_the_clock_change():
    # 10:00 in London is 09:00 UTC on 24 October 2026 (summer time) and 10:00 UTC on 2 November (after the change)
    before = Entry(
        "booking-1@open-dspt",
        "Introduction and registration",
        datetime.datetime(2026, 10, 24, 9, tzinfo=UTC),
        datetime.datetime(2026, 10, 24, 10, tzinfo=UTC),
        location="https://meet.example/abc",
    )
    after = Entry(
        "booking-2@open-dspt",
        "Staffing and roles",
        datetime.datetime(2026, 11, 2, 10, tzinfo=UTC),
        datetime.datetime(2026, 11, 2, 11, tzinfo=UTC),
    )
    for entry, hour in ((before, 10), (after, 10)):
        calendar, event = parsed(ics(entry))
        start = event.decoded("dtstart")
        assert start.hour == hour and str(start.tzinfo) in ("Europe/London", str(LONDON))
        assert start == entry.starts_at
        assert calendar.walk("VTIMEZONE") and str(event["uid"]) == entry.uid
        assert str(calendar["method"]) == "PUBLISH"


def test_a_cancellation_is_marked_so():
    entry = Entry(
        "booking-3@open-dspt",
        "Surgery",
        datetime.datetime(2026, 12, 3, 14, tzinfo=UTC),
        datetime.datetime(2026, 12, 3, 14, 30, tzinfo=UTC),
        sequence=1,
    )
    calendar, event = parsed(ics(entry, cancelled=True))
    assert str(calendar["method"]) == "CANCEL" and str(event["status"]) == "CANCELLED" and event["sequence"] == 1
