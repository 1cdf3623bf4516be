"""The cohort dashboard's "Booked on an event": whether someone from each provider of the cohort has a place on one
of the support organisation's events this DSPT year (registered with support.cohort_facts from EventsConfig.ready()).

A booking belongs to a provider by the ODS code the booker typed (public bookers) or by the registered organisation
it was made for, so a provider counts when either is its code."""

import datetime

from django.utils import timezone

from dspt.events.models import Booking
from dspt.support.cohort_facts import Value

KEY = "booked"
LABEL = "Booked on an event"
YES, NO = "yes", "no"
CHOICES = [(YES, "Yes"), (NO, "No")]
BOOKED = Value("Yes", YES)
NOT_BOOKED = Value("No", NO)
HINT = (
    "Yes if someone from the provider has a place on one of your events this DSPT year, whether it has already taken "
    "place or is still to come. Places on a waiting list, places offered but not taken, cancelled places and "
    "cancelled events do not count."
)


def year_opened(framework) -> datetime.datetime | None:
    """The start of the day the DSPT year opened (UK time), or None when the year has no opening date."""
    if framework is None or framework.published_on is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(framework.published_on, datetime.time.min))


def booked_on_events(support_organisation, ods_codes, today: datetime.date, framework=None) -> dict[str, Value]:
    """{ods_code: BOOKED} for the providers among `ods_codes` with a place on one of the support organisation's
    events that has not been cancelled and starts after the current DSPT year opened (one query, whatever the number
    of providers)."""
    places = Booking.objects.filter(
        event__support_organisation=support_organisation, event__cancelled_at=None, status=Booking.BOOKED
    )
    since = year_opened(framework)
    if since is not None:
        places = places.filter(event__starts_at__gte=since)
    pairs = places.order_by().values_list("ods_code", "organisation__ods_code").distinct()
    found = {code for pair in pairs for code in pair if code}
    return dict.fromkeys(found & set(ods_codes), BOOKED)
