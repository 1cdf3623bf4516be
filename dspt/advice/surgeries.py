"""Surgeries: advisers publish bookable slots, a provider books one and says what it needs help with, either side
gets the calendar file, the provider can cancel, and afterwards the adviser records notes and an outcome, which go
into the contact log.

A slot has at most one live booking: the booking locks the slot's row (select_for_update, which makes a second
booking on PostgreSQL wait) and a partial unique constraint settles anything that still gets through, so two people
booking the same slot at once end with one booking and one clear message.
"""

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from dspt.advice import contact_log, supporters
from dspt.advice.models import Contact, SurgeryBooking, SurgerySlot
from dspt.history.models import ChangeRecord
from dspt.history.record import diff, field_values, record_change
from dspt.lib import calendar_files, emails
from dspt.ui.presenters import long_date

AREA = "Surgeries"
SHORTEST, LONGEST = 10, 240  # minutes
MOST_AT_ONCE = 60  # slots published in one go
LONDON = calendar_files.LONDON


class RuleBroken(Exception):
    """The change cannot be made: the message says why, in words for the page."""


class SlotTaken(RuleBroken):
    """Someone else booked the slot first (perhaps a moment ago)."""


@dataclass(frozen=True)
class Plan:
    """What an adviser asks for: slots of `minutes` from `first_start`, one after another until `finish` (or just
    one slot when `finish` is None), on each of `dates`."""

    dates: tuple[datetime.date, ...]
    first_start: datetime.time
    finish: datetime.time | None
    minutes: int


def _time_text(value: datetime.time) -> str:
    hour = value.strftime("%I").lstrip("0") or "12"
    return f"{hour}:{value:%M}{value.strftime('%p').lower()}"


def slot_starts(plan: Plan, now: datetime.datetime | None = None) -> list[datetime.datetime]:
    """The start of every slot in `plan`, in UK time (aware), in order. Raises RuleBroken for a plan that makes no
    slot, a length out of range, too many slots at once, or a slot starting in the past."""
    if not SHORTEST <= plan.minutes <= LONGEST:
        raise RuleBroken(f"A slot must be from {SHORTEST} to {LONGEST} minutes long")
    if not plan.dates:
        raise RuleBroken("Enter at least one date")
    length = datetime.timedelta(minutes=plan.minutes)
    starts = []
    for day in sorted(set(plan.dates)):
        start = datetime.datetime.combine(day, plan.first_start)
        finish = datetime.datetime.combine(day, plan.finish) if plan.finish else start + length
        if start + length > finish:
            raise RuleBroken(
                f"The finish time must be at least {plan.minutes} minutes after the first start time "
                f"({_time_text(plan.first_start)}), so that one slot fits"
            )
        while start + length <= finish:
            starts.append(start.replace(tzinfo=LONDON))
            start += length
    if len(starts) > MOST_AT_ONCE:
        raise RuleBroken(f"That makes {len(starts)} slots: publish at most {MOST_AT_ONCE} at once")
    now = now or timezone.now()
    if starts[0] <= now:
        raise RuleBroken(f"The slot on {long_date(starts[0])} has already started: choose dates and times to come")
    return starts


@transaction.atomic
def publish(support_organisation, adviser, plan: Plan, by, online_link: str = "", place: str = "") -> list:
    """Publish the plan's slots for `adviser`. Raises RuleBroken when they would overlap one of the adviser's
    slots, or when they are neither online nor at a place."""
    if bool(online_link) == bool(place):
        raise RuleBroken("Give either a joining link for an online surgery or the address where it takes place")
    starts = slot_starts(plan)
    length = datetime.timedelta(minutes=plan.minutes)
    existing = list(
        SurgerySlot.objects.filter(
            support_organisation=support_organisation,
            adviser=adviser,
            withdrawn_at=None,
            starts_at__lt=starts[-1] + length,
            starts_at__gt=starts[0] - datetime.timedelta(minutes=LONGEST),
        )
    )
    for start in starts:
        for slot in existing:
            if slot.starts_at < start + length and start < slot.ends_at:
                raise RuleBroken(
                    f"{adviser} already has a slot at {long_date(slot.starts_at)}: "
                    "change the times so the slots do not overlap"
                )
    slots = SurgerySlot.objects.bulk_create(
        SurgerySlot(
            support_organisation=support_organisation,
            adviser=adviser,
            starts_at=start,
            minutes=plan.minutes,
            online_link=online_link,
            place=place,
        )
        for start in starts
    )
    record_change(
        actor=by,
        organisation=None,
        area=f"{AREA}: {support_organisation.name}"[:60],
        action=ChangeRecord.CREATED,
        label=f"{len(slots)} surgery slot{'s' if len(slots) != 1 else ''} for {adviser}",
        changes={
            "Slots": [None, ", ".join(long_date(start) for start in starts)],
            "Length": [None, f"{plan.minutes} minutes"],
            "Where": [None, online_link or place],
        },
    )
    return slots


def open_slots(organisation, now: datetime.datetime | None = None):
    """Upcoming slots of the organisation's support organisations that nobody has booked."""
    now = now or timezone.now()
    return (
        SurgerySlot.objects.filter(
            support_organisation__in=supporters.supporters_of(organisation), withdrawn_at=None, starts_at__gt=now
        )
        .exclude(Exists(SurgeryBooking.objects.live().filter(slot=OuterRef("pk"))))
        .select_related("support_organisation", "adviser")
    )


def calendar_entry(booking: SurgeryBooking) -> calendar_files.Entry:
    slot = booking.slot
    support_organisation = slot.support_organisation
    return calendar_files.Entry(
        uid=f"surgery-booking-{booking.pk}@open-dspt",
        title=f"Data security toolkit surgery: {support_organisation.name} and {booking.organisation.name}",
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        description=f"With {slot.adviser}. What they need help with: {booking.needs}",
        location=slot.online_link or slot.place,
        sequence=booking.sequence,
    )


def ics(booking: SurgeryBooking) -> bytes:
    return calendar_files.ics(calendar_entry(booking), cancelled=booking.cancelled_at is not None)


def ics_attachment(booking: SurgeryBooking) -> emails.Attachment:
    """ics() as an email attachment: the surgery to add to a calendar, or (once cancelled) to take out of it."""
    return calendar_files.attachment(
        calendar_entry(booking), cancelled=booking.cancelled_at is not None, filename="surgery.ics"
    )


def provider_urls(booking) -> tuple[str, str]:
    from django.conf import settings

    args = [booking.organisation.ods_code, booking.pk]
    return (
        settings.SITE_URL + reverse("advice:provider_booking", args=args),
        settings.SITE_URL + reverse("advice:provider_booking_ics", args=args),
    )


def adviser_urls(booking) -> tuple[str, str]:
    from django.conf import settings

    args = [booking.slot.support_organisation.slug, booking.pk]
    return (
        settings.SITE_URL + reverse("advice:booking", args=args),
        settings.SITE_URL + reverse("advice:booking_ics", args=args),
    )


def _email(name: str, booking: SurgeryBooking) -> None:
    """Email the provider person who booked and the adviser, each with the calendar file attached."""
    slot = booking.slot
    common = {
        "slot": slot,
        "when": long_date(slot.starts_at),
        "booking": booking,
        "organisation": booking.organisation,
        "support_organisation": slot.support_organisation,
    }
    if booking.booked_by is not None:
        url, ics_url = provider_urls(booking)
        emails.send(
            name,
            [booking.booked_by.email],
            common | {"for_adviser": False, "url": url, "ics_url": ics_url},
            attachments=[ics_attachment(booking)],
        )
    url, ics_url = adviser_urls(booking)
    emails.send(
        name,
        [slot.adviser.email],
        common | {"for_adviser": True, "url": url, "ics_url": ics_url},
        attachments=[ics_attachment(booking)],
    )


@transaction.atomic
def book(slot_id: int, organisation, user, needs: str, question_refs: str = "") -> SurgeryBooking:
    """Book the slot for `organisation`. Raises SlotTaken when someone has it already (also when they took it a
    moment ago), RuleBroken when the slot is not one offered to this organisation or has started."""
    slot = (
        SurgerySlot.objects.select_for_update()
        .select_related("support_organisation", "adviser")
        .filter(pk=slot_id, withdrawn_at=None, support_organisation__in=supporters.supporters_of(organisation))
        .first()
    )
    if slot is None:
        raise RuleBroken("This slot is no longer offered: choose another")
    if slot.starts_at <= timezone.now():
        raise RuleBroken("This slot has already started: choose another")
    taken = SlotTaken("Someone else has just booked this slot. Choose another time")
    if SurgeryBooking.objects.live().filter(slot=slot).exists():
        raise taken
    try:
        with transaction.atomic():
            booking = SurgeryBooking.objects.create(
                slot=slot, organisation=organisation, booked_by=user, needs=needs, question_refs=question_refs
            )
    except IntegrityError as error:
        raise taken from error
    record_change(
        actor=user,
        organisation=organisation,
        area=AREA,
        action=ChangeRecord.CREATED,
        obj=booking,
        label=f"Surgery with {slot.support_organisation.name}",
        changes={
            "When": [None, long_date(slot.starts_at)],
            "Questions": [None, question_refs or None],
            "What you need help with": [None, needs],
        },
    )
    _email("advice-surgery-booked", booking)
    return booking


@transaction.atomic
def cancel(booking: SurgeryBooking, user) -> bool:
    """Cancel the provider's booking (the slot is free again). False when it was cancelled already."""
    cancelled = SurgeryBooking.objects.filter(pk=booking.pk, cancelled_at=None).update(
        cancelled_at=timezone.now(), cancelled_by=user, sequence=booking.sequence + 1
    )
    if not cancelled:
        return False
    booking.refresh_from_db()
    record_change(
        actor=user,
        organisation=booking.organisation,
        area=AREA,
        action=ChangeRecord.UPDATED,
        obj=booking,
        label=f"Surgery with {booking.slot.support_organisation.name}",
        changes={"Booking": ["Booked", "Cancelled"]},
    )
    _email("advice-surgery-cancelled", booking)
    return True


@transaction.atomic
def record_notes(booking: SurgeryBooking, by, notes: str, outcome: str, follow_up_on=None) -> Contact:
    """After the surgery: the adviser's notes and outcome, kept in the contact log (once; recording again changes
    that note). Raises RuleBroken before the surgery has started or for a cancelled booking."""
    if booking.cancelled_at is not None:
        raise RuleBroken("This booking was cancelled, so there is no surgery to record")
    if booking.slot.starts_at > timezone.now():
        raise RuleBroken(f"You can record notes once the surgery has started, on {long_date(booking.slot.starts_at)}")
    existing = Contact.objects.select_for_update().filter(booking=booking).first()
    if existing is None:
        return contact_log.add(
            booking.slot.support_organisation,
            booking.organisation.ods_code,
            by,
            kind=Contact.SURGERY,
            happened_on=timezone.localdate(booking.slot.starts_at),
            with_whom=str(booking.booked_by or ""),
            summary=notes,
            outcome=outcome,
            follow_up_on=follow_up_on,
            booking=booking,
        )
    before = field_values(existing, contact_log.FIELDS)
    existing.summary, existing.outcome, existing.follow_up_on = notes, outcome, follow_up_on
    existing.save(update_fields=["summary", "outcome", "follow_up_on"])
    record_change(
        actor=by,
        organisation=None,
        area=contact_log.area(booking.slot.support_organisation),
        action=ChangeRecord.UPDATED,
        obj=existing,
        label=f"Surgery with {booking.organisation.ods_code}",
        changes=diff(before, field_values(existing, contact_log.FIELDS)),
    )
    return existing
