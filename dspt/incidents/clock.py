"""The ICO's 72-hour clock: a personal data breach that must be reported is reported within 72 hours of the
organisation becoming aware of it (UK GDPR Article 33). The clock runs from when the incident was found.

Times are typed as people say them ("14:30", "2.30pm", "9am") and read in UK time (Europe/London, GMT or BST as the
date falls); 72 hours are counted as elapsed time, so a clock that crosses a change of the clocks still ends 72 real
hours after it started.
"""

import datetime
import re
from dataclasses import dataclass

from django.utils import timezone

ICO_HOURS = 72
HOUR = datetime.timedelta(hours=1)

RUNNING, OVERDUE, ON_TIME, LATE = "running", "overdue", "on time", "late"

_TIME = re.compile(r"^([0-9]{1,2})(?:\s*[:.]\s*([0-9]{2})|([0-9]{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$", re.IGNORECASE)


def parse_time(text: str) -> datetime.time:
    """A time of day as typed: 14:30, 14.30, 1430, 9:05, 2:30pm, 9am, 12pm (midday). Raises ValueError."""
    found = _TIME.match(str(text).strip())
    if not found:
        raise ValueError(text)
    hour, minute = int(found.group(1)), int(found.group(2) or found.group(3) or 0)
    half = (found.group(4) or "").replace(".", "").lower()
    if half:
        if not 1 <= hour <= 12:
            raise ValueError(text)
        hour = hour % 12 + (12 if half == "pm" else 0)
    return datetime.time(hour, minute)  # ValueError beyond 23:59


def time_text(value: datetime.time) -> str:
    """How a time is kept and shown in a form: 24-hour, 14:30."""
    return f"{value:%H:%M}"


def moment(day: datetime.date | None, time_of_day: str) -> datetime.datetime | None:
    """The date and typed time as one moment in UK time, or None when either is missing or the time unreadable."""
    if day is None or not time_of_day:
        return None
    try:
        parsed = parse_time(time_of_day)
    except ValueError:
        return None
    return timezone.make_aware(datetime.datetime.combine(day, parsed))


def hours(count: int) -> str:
    return "1 hour" if count == 1 else f"{count} hours"


@dataclass(frozen=True)
class Clock:
    found_at: datetime.datetime
    deadline: datetime.datetime
    state: str  # RUNNING, OVERDUE (not reported, past the deadline), ON_TIME or LATE (reported)
    whole_hours: int  # hours left (RUNNING), overdue by (OVERDUE), late by (LATE), rounded down; 0 when on time
    reported_at: datetime.datetime | None = None

    @property
    def is_running(self) -> bool:
        """Not reported yet: the clock is still counting (down, or past the deadline)."""
        return self.state in (RUNNING, OVERDUE)

    @property
    def text(self) -> str:
        """ "12 hours left", "Overdue by 1 hour", "Reported on time", "Reported 3 hours late"."""
        amount = hours(self.whole_hours) if self.whole_hours else "less than an hour"
        if self.state == RUNNING:
            return f"{amount[0].upper()}{amount[1:]} left"
        if self.state == OVERDUE:
            return f"Overdue by {amount}"
        if self.state == ON_TIME:
            return "Reported on time"
        return f"Reported {amount} late"


def ico_clock(found_at: datetime.datetime, now: datetime.datetime, reported_at=None) -> Clock:
    """Where the 72 hours stand for an incident found at `found_at`, at `now`, reported at `reported_at` (or not).
    Worked out in UTC: Python adds and subtracts times in the same zone by the wall clock, not elapsed time."""
    found_at, now = found_at.astimezone(datetime.UTC), now.astimezone(datetime.UTC)
    reported_at = reported_at.astimezone(datetime.UTC) if reported_at is not None else None
    deadline = found_at + datetime.timedelta(hours=ICO_HOURS)
    if reported_at is not None:
        if reported_at <= deadline:
            return Clock(found_at, deadline, ON_TIME, 0, reported_at)
        return Clock(found_at, deadline, LATE, (reported_at - deadline) // HOUR, reported_at)
    if now <= deadline:
        return Clock(found_at, deadline, RUNNING, (deadline - now) // HOUR)
    return Clock(found_at, deadline, OVERDUE, (now - deadline) // HOUR)
