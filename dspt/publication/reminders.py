"""Deadline reminders: 60, 30, 14 and 3 days before the deadline, and once after it. Each is sent once.

`due(deadline, today)` is the rule; `send_due(today)` applies it to every organisation that has not published for
the current year and records what it sent, so running it again the same day (or missing a day) never repeats one.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse

from dspt.frameworks.models import FrameworkVersion
from dspt.lib import emails
from dspt.organisations import people
from dspt.organisations.models import Organisation
from dspt.publication.models import Reminder

SCHEDULE = [("60", 60), ("30", 30), ("14", 14), ("3", 3)]
AFTER = "after"


def due(deadline: datetime.date, today: datetime.date) -> str | None:
    """The reminder that applies today: the nearest milestone reached (None before the first one)."""
    days_left = (deadline - today).days
    if days_left < 0:
        return AFTER
    reached = [kind for kind, days in SCHEDULE if days_left <= days]
    return reached[-1] if reached else None


def current_framework(today: datetime.date) -> FrameworkVersion | None:
    """The toolkit year whose deadline is next (or, after the last known deadline, the latest year)."""
    upcoming = FrameworkVersion.objects.filter(deadline__gte=today).order_by("deadline").first()
    return upcoming or FrameworkVersion.objects.order_by("-deadline").first()


def send_due(today: datetime.date) -> list[Reminder]:
    framework = current_framework(today)
    if framework is None:
        return []
    kind = due(framework.deadline, today)
    if kind is None:
        return []
    days_left = (framework.deadline - today).days
    if kind == AFTER and days_left < -90:
        return []  # long past: the next year's reminders take over
    waiting = (
        Organisation.objects.exclude(publications__year=framework.year)
        .exclude(reminders__year=framework.year, reminders__kind=kind)
        .order_by("pk")
    )
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
