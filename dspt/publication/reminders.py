"""Reminders that follow the yearly calendar (frameworks/calendar.py), each sent once per organisation and year:

- when a toolkit year opens (within OPENED_WINDOW_DAYS of its opening day): to every organisation;
- 60, 30, 14 and 3 days before the current year's deadline: to each organisation that has not published for it;
- once after the deadline, while late publication is still open (the year is still the current one): the same.

`due(framework, today, is_current)` is the deadline rule; `send_due(today)` applies the calendar to the current
year and records what it sent, so running it again the same day (or missing a day) never repeats one.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse

from dspt.frameworks.calendar import has_opened
from dspt.frameworks.models import FrameworkVersion
from dspt.lib import emails
from dspt.organisations import people
from dspt.organisations.models import Organisation
from dspt.publication.models import Publication, Reminder

SCHEDULE = [("60", 60), ("30", 30), ("14", 14), ("3", 3)]
AFTER = "after"
OPENED = "open"
OPENED_WINDOW_DAYS = 30  # an organisation registered later than this after the opening gets no "opened" email


def due(deadline: datetime.date, today: datetime.date) -> str | None:
    """The deadline reminder that applies today for the current year: the nearest milestone reached, or AFTER once
    the deadline has passed (None before the first milestone)."""
    days_left = (deadline - today).days
    if days_left < 0:
        return AFTER
    reached = [kind for kind, days in SCHEDULE if days_left <= days]
    return reached[-1] if reached else None


def send_due(today: datetime.date) -> list[Reminder]:
    """Send what the calendar says is due today for the current year (only the current year: once the next year
    opens, the previous one is no longer published here, so nobody is reminded about it)."""
    framework = FrameworkVersion.objects.current(today)
    if framework is None or not has_opened(framework, today):
        return []
    sent = []
    opened = framework.published_on
    if opened is not None and (today - opened).days <= OPENED_WINDOW_DAYS:
        sent += _send(framework, OPENED, today, skip_published=False)
    kind = due(framework.deadline, today)
    if kind is not None:
        sent += _send(framework, kind, today, skip_published=True)
    return sent


def _send(framework: FrameworkVersion, kind: str, today: datetime.date, skip_published: bool) -> list[Reminder]:
    days_left = (framework.deadline - today).days
    already = Reminder.objects.filter(year=framework.year, kind=kind).values("organisation_id")
    waiting = Organisation.objects.exclude(pk__in=already).order_by("pk")
    if skip_published:
        waiting = waiting.exclude(pk__in=Publication.objects.filter(year=framework.year).values("organisation_id"))
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
            if kind == OPENED:
                emails.year_opened(recipients, organisation, framework.year, framework.deadline, url)
            else:
                emails.deadline_reminder(recipients, organisation, framework.year, framework.deadline, days_left, url)
        sent.append(reminder)
    return sent
