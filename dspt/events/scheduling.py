"""A support organisation's staff put on, change and cancel events. Each change is in the history under the
support organisation's name (organisation=None, area naming it)."""

import datetime

from django.db import transaction
from django.utils import timezone

from dspt.events import bookings, calendar_entries
from dspt.events.models import Booking, Event
from dspt.history.models import ChangeRecord
from dspt.history.record import diff, field_values, record_change
from dspt.lib import emails
from dspt.ui.presenters import long_date

FIELDS = [
    "title",
    "description",
    "topic",
    "starts_at",
    "duration_minutes",
    "tutor",
    "online",
    "joining_link",
    "venue_address",
    "capacity",
    "area",
    "recording_link",
    "slides_link",
]


class RuleBroken(Exception):
    pass


def _values(event: Event) -> dict:
    values = field_values(event, FIELDS)
    values["Starts"] = long_date(event.starts_at)
    return values


def check(values: dict, now: datetime.datetime, existing: Event | None = None) -> None:
    """The rules of an event's details, whoever sets them. Raises RuleBroken with what to do."""
    if existing is None and values["starts_at"] <= now:
        raise RuleBroken("A new event must start in the future")
    if not values.get("online") and not (values.get("venue_address") or "").strip():
        raise RuleBroken("Enter the venue's address, or choose online")
    if existing is not None:
        holding = existing.bookings.holding_places().count()
        if values["capacity"] < holding:
            raise RuleBroken(
                f"{holding} people already have or have been offered a place, so the event needs at least "
                f"{holding} places"
            )


@transaction.atomic
def create(support_organisation, values: dict, user) -> Event:
    check(values, timezone.now())
    event = Event.objects.create(support_organisation=support_organisation, created_by=user, **values)
    record_change(
        actor=user,
        organisation=None,
        area=bookings.area_of(event),
        action=ChangeRecord.CREATED,
        obj=event,
        label=event.title,
        changes={key: [None, value] for key, value in _values(event).items() if value not in ("", None)},
    )
    return event


@transaction.atomic
def update(event: Event, values: dict, user) -> Event:
    event = Event.objects.select_for_update().select_related("support_organisation").get(pk=event.pk)
    if event.is_cancelled:
        raise RuleBroken("This event has been cancelled, so it cannot be changed")
    check(values, timezone.now(), existing=event)
    before = _values(event)
    for name, value in values.items():
        setattr(event, name, value)
    event.save()
    record_change(
        actor=user,
        organisation=None,
        area=bookings.area_of(event),
        action=ChangeRecord.UPDATED,
        obj=event,
        label=event.title,
        changes=diff(before, _values(event)),
    )
    bookings.offer_free_places(event)  # more places: offer them to the waiting list
    return event


@transaction.atomic
def cancel(event: Event, user) -> Event:
    """Cancel the event and tell everyone booked, waiting or offered a place."""
    event = Event.objects.select_for_update().select_related("support_organisation").get(pk=event.pk)
    if event.is_cancelled:
        raise RuleBroken("This event has already been cancelled")
    event.cancelled_at = timezone.now()
    event.save(update_fields=["cancelled_at"])
    record_change(
        actor=user,
        organisation=None,
        area=bookings.area_of(event),
        action=ChangeRecord.UPDATED,
        obj=event,
        label=event.title,
        changes={"Cancelled": ["No", "Yes"]},
    )
    people = list(event.bookings.active())
    event.bookings.filter(status=Booking.OFFERED).update(offer_token_hash="")
    for booking in people:
        booking.event = event
        emails.send(
            "event-cancelled",
            [booking.email],
            {"booking": booking, "event": event, "when": long_date(event.starts_at)},
            # a booked person's calendar entry is withdrawn by the cancelling file (no joining link in it)
            attachments=[calendar_entries.attachment_for(booking)] if booking.status == Booking.BOOKED else [],
        )
    return event
