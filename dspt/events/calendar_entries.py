"""The calendar file (.ics) of a place on an event, made by lib/calendar_files.py."""

from django.conf import settings

from dspt.events.models import Booking, Event
from dspt.lib import calendar_files


def entry_for(booking: Booking) -> calendar_files.Entry:
    event: Event = booking.event
    if event.online:
        location = event.joining_link or "Online (the joining link will be emailed to you)"
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
        sequence=1 if event.is_cancelled else 0,
    )


def ics_for(booking: Booking) -> bytes:
    """The file for a booked place; a cancellation when the booking or the event was cancelled."""
    cancelled = booking.status == Booking.CANCELLED or booking.event.is_cancelled
    return calendar_files.ics(entry_for(booking), cancelled=cancelled)
