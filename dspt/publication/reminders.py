"""Deadline reminders: 60, 30, 14 and 3 days before the deadline, and once after it. Each is sent once.

`due(deadline, today)` is the rule; `send_due(today)` applies it, for every toolkit year whose reminder window
includes today, to each organisation that has not published for that year, and records what it sent, so running it
again the same day (or missing a day) never repeats one.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse

from dspt.frameworks.models import FrameworkVersion
from dspt.lib import emails
from dspt.organisations import people
from dspt.organisations.models import Organisation
from dspt.publication.models import Publication, Reminder

SCHEDULE = [("60", 60), ("30", 30), ("14", 14), ("3", 3)]
AFTER = "after"


def due(deadline: datetime.date, today: datetime.date) -> str | None:
    """The reminder that applies today: the nearest milestone reached (None before the first one)."""
    days_left = (deadline - today).days
    if days_left < 0:
        return AFTER
    reached = [kind for kind, days in SCHEDULE if days_left <= days]
    return reached[-1] if reached else None


GRACE_DAYS_AFTER = 90  # how long after a deadline the "after" reminder may still go out


def years_in_reminder_window(today: datetime.date) -> list[FrameworkVersion]:
    """Every toolkit year whose reminders are due around today: from 60 days before its deadline to 90 after."""
    return list(
        FrameworkVersion.objects.filter(
            deadline__gte=today - datetime.timedelta(days=GRACE_DAYS_AFTER),
            deadline__lte=today + datetime.timedelta(days=SCHEDULE[0][1]),
        ).order_by("deadline")
    )


def send_due(today: datetime.date) -> list[Reminder]:
    sent = []
    for framework in years_in_reminder_window(today):
        kind = due(framework.deadline, today)
        if kind is not None:
            sent += _send(framework, kind, today)
    return sent


def _send(framework: FrameworkVersion, kind: str, today: datetime.date) -> list[Reminder]:
    days_left = (framework.deadline - today).days
    already = Reminder.objects.filter(year=framework.year, kind=kind).values("organisation_id")
    published = Publication.objects.filter(year=framework.year).values("organisation_id")
    waiting = Organisation.objects.exclude(pk__in=already).exclude(pk__in=published).order_by("pk")
    sent = []
    for organisation in waiting:
        recipients = [admin.email for admin in people.admins(organisation)]
        try:
            with transaction.atomic():
                reminder = Reminder.objects.create(
                    organisation=organisation, year=framework.year, kind=kind, recipients=len(recipients)
                )
        except IntegrityError:  # another run got there first
            continue
        if recipients:
            url = settings.SITE_URL + reverse("publication:overview", args=[organisation.ods_code])
            emails.deadline_reminder(recipients, organisation, framework.year, framework.deadline, days_left, url)
        sent.append(reminder)
    return sent
