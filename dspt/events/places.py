"""The rules of places on an event, as plain data in and decision out (no request, no database).

A place is held by a booking that is booked or has been offered a place not yet taken. When every place is held, a
new booking goes on the waiting list; when a place frees, the longest-waiting person is offered it for a limited
time, then the next."""

import datetime

from dspt.events.models import Booking, Topic

# What a webinar on each topic works through with providers: the groups of the year's questions, in the order the
# tutor takes them (the group slugs of content/frameworks/<year>.yaml).
TOPIC_GROUPS = {
    Topic.INTRODUCTION: ("staffing-and-roles",),
    Topic.STAFFING: ("staffing-and-roles", "policies-and-procedures"),
    Topic.SECURITY: ("data-security", "it-systems-and-devices"),
    Topic.OVERVIEW: ("staffing-and-roles", "policies-and-procedures", "data-security", "it-systems-and-devices"),
}


def status_for_new_booking(holding: int, capacity: int) -> str:
    """Booked while a place is free, otherwise on the waiting list."""
    return Booking.BOOKED if holding < capacity else Booking.WAITING


def places_to_offer(holding: int, capacity: int, waiting: int) -> int:
    """How many people on the waiting list to offer a place now."""
    return max(0, min(capacity - holding, waiting))


def offer_expires_at(now: datetime.datetime, hours: int, starts_at: datetime.datetime) -> datetime.datetime:
    """An offer lasts `hours`, but never past the start of the event."""
    return min(now + datetime.timedelta(hours=hours), starts_at)


def can_offer(now: datetime.datetime, starts_at: datetime.datetime, cancelled: bool) -> bool:
    """Places are offered only before the event starts, and never for a cancelled event."""
    return not cancelled and now < starts_at


def is_due_reminder(now: datetime.datetime, starts_at: datetime.datetime) -> bool:
    """The reminder goes in the day before: once the event is less than 24 hours away, and not after it starts."""
    return now < starts_at <= now + datetime.timedelta(hours=24)


def groups_for(topic: str) -> tuple[str, ...]:
    return TOPIC_GROUPS.get(topic, ())
