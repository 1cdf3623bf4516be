"""Calendar files (.ics) for a booked event or surgery, made with the icalendar library.

Times are stored in UTC and written in Europe/London with its time zone definition, so a calendar shows the right
local time on either side of the clocks changing. Each file carries a stable UID (so a changed or cancelled booking
updates the same calendar entry) and, for a cancellation, METHOD:CANCEL. attachment() gives the file ready to send
with an email (lib/emails.py).
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone

from dspt.lib import emails

LONDON = ZoneInfo("Europe/London")
PRODUCT = "-//Open DSPT//Bookings//EN"


@dataclass(frozen=True)
class Entry:
    uid: str  # stable for the booking: "booking-12@open-dspt"
    title: str
    starts_at: datetime.datetime  # aware
    ends_at: datetime.datetime  # aware
    description: str = ""
    location: str = ""  # a venue address, or the joining link for the booked person
    url: str = ""
    sequence: int = 0  # raise it each time the entry changes


def ics(entry: Entry, cancelled: bool = False) -> bytes:
    """The calendar file for `entry` (as an invitation, or its cancellation)."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")
    start, end = entry.starts_at.astimezone(LONDON), entry.ends_at.astimezone(LONDON)
    calendar.add_component(Timezone.from_tzinfo(LONDON, first_date=start.date(), last_date=end.date()))
    event = Event()
    event.add("uid", entry.uid)
    event.add("dtstamp", datetime.datetime.now(datetime.UTC))
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", entry.title)
    event.add("sequence", entry.sequence)
    if entry.description:
        event.add("description", entry.description)
    if entry.location:
        event.add("location", entry.location)
    if entry.url:
        event.add("url", entry.url)
    if cancelled:
        event.add("status", "CANCELLED")
    calendar.add_component(event)
    return calendar.to_ical()


def content_type(cancelled: bool = False) -> str:
    """The email attachment's content type: its method tells a mail program to add the entry or to remove it."""
    return f"text/calendar; method={'CANCEL' if cancelled else 'PUBLISH'}; charset=UTF-8"


def attachment(entry: Entry, cancelled: bool = False, filename: str = "event.ics") -> emails.Attachment:
    """The calendar file for `entry` as an email attachment (see ics())."""
    return emails.Attachment(filename, content_type(cancelled), ics(entry, cancelled=cancelled))
