"""Booking places on events: booking (or joining the waiting list), cancelling by link, offering freed places to the
waiting list for a limited time, accepting an offer, lapsing offers, reminders and attendance.

Capacity holds under races: everything that takes or frees a place locks the event's row first (select_for_update),
so two bookings at once are counted one after the other. Every secret is 32 random bytes, sent only by email or
shown once, and stored as its SHA-256 hash; the cancellation and offer links work once (a conditional UPDATE).
"""

import datetime
import hashlib
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from dspt.events import calendar_entries, places
from dspt.events.models import Booking, Event
from dspt.history.models import ChangeRecord
from dspt.history.record import record_change
from dspt.lib import emails, ods
from dspt.organisations.models import Organisation
from dspt.ui.presenters import long_date


def offer_hours() -> int:
    """How long a freed place is kept for the person offered it (settings.EVENT_OFFER_HOURS, 24 by default)."""
    return int(getattr(settings, "EVENT_OFFER_HOURS", 24))


class RuleBroken(Exception):
    """The booking cannot be made or changed: the message says why, in words for the page."""


class AlreadyBooked(RuleBroken):
    pass


class LinkGone(RuleBroken):
    """The link was used, or ran out, or its booking is no longer in that state."""


@dataclass(frozen=True)
class Booker:
    """Who a change record names when someone without an account acts through a link."""

    email: str
    is_authenticated: bool = False


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _new_token() -> tuple[str, str]:
    token = secrets.token_urlsafe(32)
    return token, _hash(token)


def area_of(event: Event) -> str:
    return f"Events: {event.support_organisation.name}"[:60]


def _record(booking: Booking, actor, action: str, changes: dict) -> None:
    record_change(
        actor=actor,
        organisation=booking.organisation if booking.user_id else None,
        area=area_of(booking.event),
        action=action,
        obj=booking,
        label=f"{booking.name} on {booking.event.title}"[:200],
        changes=changes,
    )


def _url(name: str, token: str) -> str:
    return settings.SITE_URL + reverse(name, args=[token])


@dataclass(frozen=True)
class Details:
    name: str
    email: str
    organisation_name: str
    ods_code: str


def _find_by(field: str, token: str) -> Booking | None:
    if not token or len(token) > 100:
        return None
    return (
        Booking.objects.select_related("event", "event__support_organisation").filter(**{field: _hash(token)}).first()
    )


def find_by_page_token(token: str) -> Booking | None:
    return _find_by("page_token_hash", token)


def find_by_cancel_token(token: str) -> Booking | None:
    return _find_by("cancel_token_hash", token)


def find_by_offer_token(token: str) -> Booking | None:
    return _find_by("offer_token_hash", token)


def _lock(event: Event) -> Event:
    return Event.objects.select_for_update().select_related("support_organisation").get(pk=event.pk)


def _holding(event: Event) -> int:
    return event.bookings.holding_places().count()


def _send_booked(booking: Booking) -> str:
    """Give the booking fresh page and cancellation links and email them with the details (and, with a place, the
    calendar file attached). Returns the page token."""
    page_token, page_hash = _new_token()
    cancel_token, cancel_hash = _new_token()
    Booking.objects.filter(pk=booking.pk).update(page_token_hash=page_hash, cancel_token_hash=cancel_hash)
    booking.page_token_hash, booking.cancel_token_hash = page_hash, cancel_hash
    event = booking.event
    name = "event-booked" if booking.status == Booking.BOOKED else "event-waiting"
    position = waiting_position(booking) if booking.status == Booking.WAITING else None
    emails.send(
        name,
        [booking.email],
        {
            "booking": booking,
            "event": event,
            "when": long_date(event.starts_at),
            "page_url": _url("events:booking", page_token),
            "calendar_url": _url("events:calendar", page_token),
            "cancel_url": _url("events:cancel", cancel_token),
            "position": position,
        },
        attachments=[calendar_entries.attachment_for(booking)] if booking.status == Booking.BOOKED else [],
    )
    return page_token


def waiting_position(booking: Booking) -> int:
    """1 for the first person on the waiting list."""
    earlier = Q(created_at__lt=booking.created_at) | Q(created_at=booking.created_at, pk__lt=booking.pk)
    return booking.event.bookings.filter(status=Booking.WAITING).filter(earlier).count() + 1


def registered_organisation(ods_code: str) -> Organisation | None:
    return Organisation.objects.filter(ods_code=ods.normalise(ods_code)).first() if ods_code else None


@transaction.atomic
def book(event: Event, details: Details, user=None, organisation: Organisation | None = None) -> tuple[Booking, str]:
    """A place for this person, or a place on the waiting list when the event is full. Returns the booking and its
    page's secret token. Raises AlreadyBooked when this email already has a place or is waiting, RuleBroken when
    the event has started or was cancelled."""
    event = _lock(event)
    now = timezone.now()
    if event.is_cancelled:
        raise RuleBroken("This event has been cancelled, so it cannot be booked")
    if event.starts_at <= now:
        raise RuleBroken("This event has already started, so it can no longer be booked")
    email = details.email.strip().lower()
    existing = event.bookings.active().filter(email=email).first()
    if existing is not None:
        raise AlreadyBooked(_already_message(existing, email))
    code = ods.normalise(details.ods_code)
    if organisation is None:
        organisation = registered_organisation(code)
    status = places.status_for_new_booking(_holding(event), event.capacity)
    try:
        with transaction.atomic():
            booking = Booking.objects.create(
                event=event,
                name=details.name.strip(),
                email=email,
                organisation_name=details.organisation_name.strip(),
                ods_code=code,
                organisation=organisation,
                user=user if user is not None and user.is_authenticated else None,
                status=status,
                created_at=now,
                booked_at=now if status == Booking.BOOKED else None,
                page_token_hash=_new_token()[1],
            )
    except IntegrityError as error:  # the same email, booked a moment ago in another request
        raise AlreadyBooked(_already_message(None, email)) from error
    booking.event = event
    _record(
        booking,
        user if user is not None else Booker(email),
        ChangeRecord.CREATED,
        {
            "Booking": [None, booking.get_status_display()],
            "Organisation": [None, f"{booking.organisation_name} ({code})"],
        },
    )
    return booking, _send_booked(booking)


def _already_message(existing: Booking | None, email: str) -> str:
    if existing is not None and existing.status == Booking.WAITING:
        return f"{email} is already on the waiting list for this event. Check your email for the details"
    if existing is not None and existing.status == Booking.OFFERED:
        return f"{email} has already been offered a place on this event. Check your email to accept it"
    return f"{email} already has a place on this event. Check your email for the booking details"


@transaction.atomic
def cancel(booking: Booking, actor=None) -> Booking:
    """Give up a place (or leave the waiting list) through the cancellation link, once; a freed place is offered to
    the next person waiting. Raises LinkGone when it was already cancelled."""
    event = _lock(booking.event)
    now = timezone.now()
    changed = (
        Booking.objects.filter(pk=booking.pk, status__in=Booking.ACTIVE)
        .exclude(cancel_token_hash="")
        .update(status=Booking.CANCELLED, cancelled_at=now, cancel_token_hash="", offer_token_hash="")
    )
    if not changed:
        raise LinkGone("This booking has already been cancelled")
    before = booking.get_status_display()
    booking.refresh_from_db()
    booking.event = event
    _record(booking, actor or Booker(booking.email), ChangeRecord.UPDATED, {"Booking": [before, "Cancelled"]})
    offer_free_places(event, now)
    return booking


def offer_free_places(event: Event, now: datetime.datetime | None = None) -> list[Booking]:
    """Offer each free place to the next person waiting, by email, for offer_hours(). Call it with the event locked
    (it locks it itself when not in a transaction)."""
    with transaction.atomic():
        event = _lock(event)
        now = now or timezone.now()
        if not places.can_offer(now, event.starts_at, event.is_cancelled):
            return []
        waiting = list(event.bookings.filter(status=Booking.WAITING).order_by("created_at", "id"))
        count = places.places_to_offer(_holding(event), event.capacity, len(waiting))
        offered = []
        expires = places.offer_expires_at(now, offer_hours(), event.starts_at)
        for booking in waiting[:count]:
            token, token_hash = _new_token()
            Booking.objects.filter(pk=booking.pk, status=Booking.WAITING).update(
                status=Booking.OFFERED, offer_token_hash=token_hash, offered_at=now, offer_expires_at=expires
            )
            booking.refresh_from_db()
            booking.event = event
            _record(
                booking,
                None,
                ChangeRecord.UPDATED,
                {"Booking": ["On the waiting list", f"Offered a place until {long_date(expires)}"]},
            )
            emails.send(
                "event-offer",
                [booking.email],
                {
                    "booking": booking,
                    "event": event,
                    "when": long_date(event.starts_at),
                    "offer_url": _url("events:offer", token),
                    "expires": long_date(expires),
                    "hours": offer_hours(),
                },
            )
            offered.append(booking)
        return offered


def offer_state(booking: Booking, now: datetime.datetime | None = None) -> str:
    """ "open" while the offer can be taken; "taken", "lapsed" or "gone" (cancelled) otherwise."""
    now = now or timezone.now()
    if booking.status == Booking.BOOKED:
        return "taken"
    if booking.status == Booking.LAPSED or (
        booking.status == Booking.OFFERED and booking.offer_expires_at is not None and booking.offer_expires_at <= now
    ):
        return "lapsed"
    if booking.status == Booking.OFFERED:
        return "open"
    return "gone"


@transaction.atomic
def accept_offer(booking: Booking) -> tuple[Booking, str]:
    """Take the offered place, once and before the offer lapses. Returns the booking and its new page token."""
    event = _lock(booking.event)
    now = timezone.now()
    taken = Booking.objects.filter(
        pk=booking.pk, status=Booking.OFFERED, offer_expires_at__gt=now, event__cancelled_at=None
    ).update(status=Booking.BOOKED, booked_at=now)  # the link stays known, to say the place was taken
    if not taken:
        raise LinkGone("This offer has already been taken, or it has run out")
    booking.refresh_from_db()
    booking.event = event
    _record(booking, Booker(booking.email), ChangeRecord.UPDATED, {"Booking": ["Offered a place", "Booked"]})
    return booking, _send_booked(booking)


def lapse_offers(now: datetime.datetime | None = None) -> int:
    """Offers not taken in time lapse, and each place passes to the next person waiting. Safe to run again."""
    now = now or timezone.now()
    lapsed = 0
    event_ids = set(
        Booking.objects.filter(status=Booking.OFFERED, offer_expires_at__lte=now).values_list("event_id", flat=True)
    )
    for event in Event.objects.filter(pk__in=event_ids).select_related("support_organisation"):
        with transaction.atomic():
            event = _lock(event)
            for booking in list(event.bookings.filter(status=Booking.OFFERED, offer_expires_at__lte=now)):
                if Booking.objects.filter(pk=booking.pk, status=Booking.OFFERED).update(status=Booking.LAPSED):
                    booking.event = event
                    _record(booking, None, ChangeRecord.UPDATED, {"Booking": ["Offered a place", "Offer lapsed"]})
                    lapsed += 1
            offer_free_places(event, now)
    return lapsed


def offer_where_free(now: datetime.datetime | None = None) -> int:
    """Offer places on upcoming events that have both free places and people waiting (after places were added)."""
    now = now or timezone.now()
    offered = 0
    ids = set(
        Booking.objects.filter(status=Booking.WAITING, event__starts_at__gt=now, event__cancelled_at=None).values_list(
            "event_id", flat=True
        )
    )
    for event in Event.objects.filter(pk__in=ids):
        offered += len(offer_free_places(event, now))
    return offered


def send_reminders(now: datetime.datetime | None = None) -> int:
    """Remind each booked person the day before (once: a conditional UPDATE marks it sent)."""
    now = now or timezone.now()
    sent = 0
    due = Booking.objects.select_related("event", "event__support_organisation").filter(
        status=Booking.BOOKED,
        reminded_at=None,
        event__cancelled_at=None,
        event__starts_at__gt=now,
        event__starts_at__lte=now + datetime.timedelta(hours=24),
    )
    for booking in due:
        if not places.is_due_reminder(now, booking.event.starts_at):
            continue
        with transaction.atomic():
            if not Booking.objects.filter(pk=booking.pk, reminded_at=None, status=Booking.BOOKED).update(
                reminded_at=now
            ):
                continue
            emails.send(
                "event-reminder",
                [booking.email],
                {"booking": booking, "event": booking.event, "when": long_date(booking.event.starts_at)},
            )
            sent += 1
    return sent


@transaction.atomic
def mark_attendance(event: Event, attended_ids: set[int], user) -> int:
    """After the event: who came (of those booked). Returns how many changed."""
    if event.starts_at > timezone.now():
        raise RuleBroken("Attendance can be marked once the event has started")
    changed = 0
    for booking in event.bookings.filter(status=Booking.BOOKED).select_for_update():
        came = booking.pk in attended_ids
        if booking.attended is came:
            continue
        before = {True: "Attended", False: "Did not attend", None: "Not marked"}[booking.attended]
        booking.attended = came
        booking.save(update_fields=["attended"])
        booking.event = event
        _record(booking, user, ChangeRecord.UPDATED, {"Attendance": [before, "Attended" if came else "Did not attend"]})
        changed += 1
    return changed
