"""The contact log: a support organisation's own notes of calls, emails, surgeries and requests for help, per
provider of its cohort, with follow-up dates. The notes are the support organisation's, not the provider's: their
change records name the support organisation (organisation=None), so they never show in a provider's history."""

import datetime

from django.db import transaction
from django.utils import timezone

from dspt.advice import supporters
from dspt.advice.models import Contact
from dspt.history.models import ChangeRecord
from dspt.history.record import field_values, record_change

FIELDS = ["kind", "happened_on", "with_whom", "summary", "outcome", "follow_up_on"]


class RuleBroken(Exception):
    """The note cannot be kept: the message says why, in words for the page."""


def area(support_organisation) -> str:
    return f"Contact log: {support_organisation.name}"[:60]


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """`days` working days (Monday to Friday) after `start`."""
    day = start
    while days > 0:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


@transaction.atomic
def add(
    support_organisation,
    ods_code: str,
    by,
    *,
    kind: str,
    happened_on: datetime.date,
    summary: str,
    with_whom: str = "",
    outcome: str = "",
    follow_up_on: datetime.date | None = None,
    booking=None,
    help_request=None,
) -> Contact:
    """Keep a note about the provider `ods_code`. Raises RuleBroken when the support organisation does not support
    it (it is not in the cohort and has not consented)."""
    ods_code = ods_code.upper()
    if not supporters.supports(support_organisation, ods_code):
        raise RuleBroken(f"{ods_code} is not one of the providers you support")
    contact = Contact.objects.create(
        support_organisation=support_organisation,
        ods_code=ods_code,
        kind=kind,
        happened_on=happened_on,
        with_whom=with_whom,
        summary=summary,
        outcome=outcome,
        follow_up_on=follow_up_on,
        booking=booking,
        help_request=help_request,
        created_by=by if by is not None and by.is_authenticated else None,
    )
    record_change(
        actor=by,
        organisation=None,
        area=area(support_organisation),
        action=ChangeRecord.CREATED,
        obj=contact,
        label=f"{contact.get_kind_display()} with {ods_code}",
        changes={key: [None, value] for key, value in field_values(contact, FIELDS).items() if value not in ("", None)},
    )
    return contact


def log_of(support_organisation, ods_code: str):
    return Contact.objects.filter(support_organisation=support_organisation, ods_code=ods_code.upper()).select_related(
        "created_by"
    )


def due(support_organisation, today: datetime.date | None = None):
    """Follow-ups due today or overdue, not yet done, oldest first."""
    today = today or timezone.localdate()
    return (
        Contact.objects.filter(support_organisation=support_organisation, follow_up_on__lte=today, followed_up_at=None)
        .select_related("created_by")
        .order_by("follow_up_on", "pk")
    )


@transaction.atomic
def mark_followed_up(support_organisation, contact_id: int, by) -> Contact | None:
    """Mark a follow-up as done; None when there is no such follow-up of this support organisation."""
    contact = (
        Contact.objects.select_for_update()
        .filter(support_organisation=support_organisation, pk=contact_id, followed_up_at=None)
        .exclude(follow_up_on=None)
        .first()
    )
    if contact is None:
        return None
    contact.followed_up_at = timezone.now()
    contact.save(update_fields=["followed_up_at"])
    record_change(
        actor=by,
        organisation=None,
        area=area(support_organisation),
        action=ChangeRecord.UPDATED,
        obj=contact,
        label=f"{contact.get_kind_display()} with {contact.ods_code}",
        changes={"Followed up": ["No", "Yes"]},
    )
    return contact
