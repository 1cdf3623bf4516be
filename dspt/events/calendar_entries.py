"""The calendar file (.ics) of a place on an event, made by lib/calendar_files.py.

The online joining link goes into the file only while the booking holds a place on an event still running: a
cancelled booking's file (still downloadable from its booking page) says only "Online".
"""

from django.conf import settings

from dspt.events.models import Booking, Event
from dspt.lib import calendar_files, emails

FILENAME = "event.ics"


def _cancelled(booking: Booking) -> bool:
    return booking.status == Booking.CANCELLED or booking.event.is_cancelled


def entry_for(booking: Booking) -> calendar_files.Entry:
    event: Event = booking.event
    if event.online and booking.status == Booking.BOOKED and not event.is_cancelled:
        location = event.joining_link or "Online (the joining link will be emailed to you)"
    elif event.online:
        location = "Online"
    else:
        location = " ".join(event.venue_address.split())
    description = f"{event.description}\n\nTutor: {event.tutor}\nRun by {event.support_organisation.name}".strip()
    return calendar_files.Entry(
        uid=f"event-booking-{booking.pk}@open-dspt",
        title=event.title,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        description=description,
        location=location,
        url=settings.SITE_URL + f"/events/{event.pk}/",
        sequence=1 if _cancelled(booking) else 0,  # a cancellation replaces the entry it cancels
    )


def ics_for(booking: Booking) -> bytes:
    """The file for a booked place; a cancellation when the booking or the event was cancelled."""
    return calendar_files.ics(entry_for(booking), cancelled=_cancelled(booking))


def attachment_for(booking: Booking) -> emails.Attachment:
    """ics_for() as an email attachment, named event.ics."""
    return calendar_files.attachment(entry_for(booking), cancelled=_cancelled(booking), filename=FILENAME)
