"""Publishing in the national toolkit, after publishing here: what the provider records about it.

Publishing on this service does not publish in the national Data Security and Protection Toolkit, which keeps the
official record. After publishing here, an administrator publishes there too and records the day they did. That
date is the provider's own statement: this service never checks it, and the public page says so.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from dspt.history.models import ChangeRecord
from dspt.history.record import record_change
from dspt.organisations import people
from dspt.publication.models import NationalPublication, Publication
from dspt.ui.presenters import long_date

DATE_LABEL = "The date you published in the national toolkit"
CHANGE_LABEL = "Published in the national toolkit on"


class DateRefused(Exception):
    """A date that cannot be the day this publication went into the national toolkit; the message says why."""


class NotAnAdministrator(Exception):
    """Only the organisation's administrators record where it has published."""


def published_here_on(publication: Publication) -> datetime.date:
    return timezone.localtime(publication.published_at).date()


def check_date(publication: Publication, day: datetime.date, today: datetime.date | None = None) -> None:
    """Refuse a day in the future, or before this publication was made here (it was published there after)."""
    today = today or timezone.localdate()
    if day > today:
        raise DateRefused(f"{DATE_LABEL} must be today or in the past")
    earliest = published_here_on(publication)
    if day < earliest:
        raise DateRefused(
            f"{DATE_LABEL} must be on or after {long_date(earliest)}, the day you published this assessment here"
        )


def declaration(publication: Publication) -> NationalPublication | None:
    """What the provider has recorded about publishing this publication in the national toolkit, if anything."""
    return NationalPublication.objects.filter(publication=publication).first()


def record_national_publication(publication: Publication, day: datetime.date, by) -> NationalPublication:
    """Record (or correct) the day the provider says it published this publication in the national toolkit.

    Raises NotAnAdministrator unless `by` administers the organisation, and DateRefused for a day in the future or
    before the publication. Who recorded it and when are kept on the record and, with the old and new date, in the
    organisation's history; recording the same day again changes nothing.
    """
    if not people.admins(publication.organisation).filter(pk=by.pk).exists():
        raise NotAnAdministrator("Only your organisation's administrators can record this")
    check_date(publication, day)
    with transaction.atomic():
        current = NationalPublication.objects.select_for_update().filter(publication=publication).first()
        if current is not None and current.published_on == day:
            return current
        before = long_date(current.published_on) if current else None
        record = current or NationalPublication(publication=publication)
        record.published_on = day
        record.recorded_by = by
        record.recorded_by_label = by.email
        record.recorded_at = timezone.now()
        record.save()
        record_change(
            actor=by,
            organisation=publication.organisation,
            area="Publication",
            action=ChangeRecord.UPDATED if current else ChangeRecord.CREATED,
            obj=publication,
            label=f"{publication.year} {publication.status_label}: national toolkit",
            changes={CHANGE_LABEL: [before, long_date(day)]},
        )
    return record
