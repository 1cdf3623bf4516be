"""Demo one-to-one help: surgery slots over the next working days (one booked by the demo provider), a request for
help with its reply, and a call in the contact log with a follow-up due today."""

import datetime

from django.utils import timezone

from dspt.advice import contact_log, help_requests, surgeries
from dspt.advice.models import Contact, SurgerySlot
from dspt.support.models import SupportMembership


def fill(association, lead, provider, provider_user) -> int:
    """Returns how many things it made (0 when the association already has surgeries)."""
    if SurgerySlot.objects.filter(support_organisation=association).exists():
        return 0
    adviser = (
        SupportMembership.objects.filter(support_organisation=association, role=SupportMembership.ADVISER)
        .select_related("user")
        .first()
    )
    adviser = adviser.user if adviser else lead
    today = timezone.localdate()
    days = [contact_log.add_working_days(today, n) for n in (1, 3, 5)]
    plan = surgeries.Plan(dates=tuple(days), first_start=datetime.time(10), finish=datetime.time(12), minutes=30)
    slots = surgeries.publish(association, adviser, plan, lead, online_link="https://meet.example/fcca-surgery")
    surgeries.book(slots[1].pk, provider, provider_user, "How to write our data protection policy", "1.1.2")
    ref = "3.2.1" if help_requests.known_question("3.2.1") else ""  # no question sets loaded: no reference
    request = help_requests.ask(
        provider, provider_user, association, "Which staff count for the training question?", ref
    )
    help_requests.reply(
        request,
        adviser,
        "Count everyone who handles personal information, including bank staff. Our template helps.",
    )
    contact_log.add(
        association,
        provider.ods_code,
        adviser,
        kind=Contact.CALL,
        happened_on=today - datetime.timedelta(days=7),
        with_whom=str(provider_user),
        summary="Talked through registering and the first questions",
        follow_up_on=today,
    )
    return len(slots) + 3
