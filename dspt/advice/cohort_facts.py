"""The cohort dashboard's "Last contact": when the support organisation last had contact with each provider of its
cohort, from its own contact log (registered with support.cohort_facts from AdviceConfig.ready())."""

import datetime

from django.db.models import Max

from dspt.advice.models import Contact
from dspt.support.cohort_facts import Value
from dspt.ui.presenters import long_date

KEY = "last_contact"
LABEL = "Last contact"
RECENT, EARLIER, LONG_AGO = "last-30-days", "31-to-90-days", "over-90-days"
CHOICES = [
    (RECENT, "In the last 30 days"),
    (EARLIER, "31 to 90 days ago"),
    (LONG_AGO, "More than 90 days ago, or never"),
]
NEVER = Value("None", LONG_AGO)
HINT = (
    "The date of your latest note about the provider in your contact log. "
    "Notes that say they did not come do not count."
)


def bucket(day: datetime.date | None, today: datetime.date) -> str:
    """Which filter choice a last contact on `day` falls under: up to 30 days before today, 31 to 90, or longer
    ago (or never)."""
    if day is None:
        return LONG_AGO
    days = (today - day).days
    if days <= 30:
        return RECENT
    if days <= 90:
        return EARLIER
    return LONG_AGO


def last_contacts(support_organisation, ods_codes, today: datetime.date, framework=None) -> dict[str, Value]:
    """{ods_code: Value} for the providers among `ods_codes` with a note in the support organisation's contact log
    up to `today` (one query, whatever the number of providers). A note saying the provider did not come is not a
    contact."""
    wanted = set(ods_codes)
    latest = (
        Contact.objects.filter(support_organisation=support_organisation, happened_on__lte=today)
        .exclude(outcome=Contact.NO_SHOW)
        .order_by()
        .values("ods_code")
        .annotate(latest=Max("happened_on"))
        .values_list("ods_code", "latest")
    )
    return {code: Value(long_date(day), bucket(day, today)) for code, day in latest if code in wanted}
