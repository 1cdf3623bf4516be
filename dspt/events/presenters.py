"""How events and bookings read on the pages: when, where, places left, and status tags."""

from zoneinfo import ZoneInfo

from django.utils import timezone

from dspt.events.models import Booking, Event
from dspt.ui.presenters import long_date

LONDON = ZoneInfo("Europe/London")


def clock(value) -> str:
    local = value.astimezone(LONDON)
    hour = local.strftime("%I").lstrip("0") or "12"
    return f"{hour}:{local:%M}{local.strftime('%p').lower()}"


def when(event: Event) -> str:
    """Tuesday 14 October 2025, 10:00am to 11:30am (UK time)."""
    start = event.starts_at.astimezone(LONDON)
    return f"{start:%A} {long_date(start.date())}, {clock(event.starts_at)} to {clock(event.ends_at)} (UK time)"


def length(event: Event) -> str:
    hours, minutes = divmod(event.duration_minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if minutes:
        parts.append(f"{minutes} minutes")
    return " ".join(parts)


def where(event: Event, booked: bool = False) -> str:
    if not event.online:
        return ", ".join(line.strip() for line in event.venue_address.splitlines() if line.strip())
    if booked and event.joining_link:
        return "Online"
    return "Online (the joining link is sent to people with a place)"


def places_left(event: Event, holding: int) -> str:
    left = max(0, event.capacity - holding)
    if event.is_cancelled:
        return "Cancelled"
    if left == 0:
        return "Full: you can join the waiting list"
    return f"{left} place{'s' if left != 1 else ''} left"


def is_past(event: Event) -> bool:
    return event.starts_at <= timezone.now()


def summary_rows(event: Event, holding: int | None = None, booked: bool = False) -> list[dict]:
    rows = [
        {"key": {"text": "When"}, "value": {"text": when(event)}},
        {"key": {"text": "Length"}, "value": {"text": length(event)}},
        {"key": {"text": "Topic"}, "value": {"text": event.get_topic_display()}},
        {"key": {"text": "Tutor"}, "value": {"text": event.tutor}},
        {"key": {"text": "Where"}, "value": {"text": where(event, booked)}},
        {"key": {"text": "Run by"}, "value": {"text": event.support_organisation.name}},
    ]
    if event.area:
        rows.append({"key": {"text": "For providers in"}, "value": {"text": event.area}})
    if holding is not None and not is_past(event):
        rows.append({"key": {"text": "Places"}, "value": {"text": places_left(event, holding)}})
    return rows


STATUS_TAGS = {
    Booking.BOOKED: ("Booked", "green"),
    Booking.WAITING: ("Waiting", "yellow"),
    Booking.OFFERED: ("Offered a place", "blue"),
    Booking.CANCELLED: ("Cancelled", "grey"),
    Booking.LAPSED: ("Offer lapsed", "grey"),
}


def status_tag(booking: Booking) -> dict:
    text, colour = STATUS_TAGS[booking.status]
    return {"text": text, "classes": f"nhsuk-tag--{colour}"}


def attendance(booking: Booking) -> str:
    return {True: "Attended", False: "Did not attend", None: "Not marked"}[booking.attended]
