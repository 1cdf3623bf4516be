"""Where an organisation stands today in the yearly cycle, in one sentence (its home page and the publish journey).

Built from the calendar (frameworks/calendar.py), the current year and the organisation's latest public status
(its own publication, or a head office's that covers it). Plain values in, plain text out.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from dspt.assessments.rules import STATUS_LABELS
from dspt.frameworks import calendar
from dspt.frameworks.models import FrameworkVersion
from dspt.publication.models import PublicStatus
from dspt.ui.presenters import long_date


@dataclass(frozen=True)
class Standing:
    year: str  # the current toolkit year ("" when none is loaded)
    sentence: str
    publishing_now_is_late: bool = False
    deadline: datetime.date | None = None


def _days(count: int) -> str:
    return "1 day" if count == 1 else f"{count} days"


def describe(
    current, latest: PublicStatus | None, deadlines: dict[str, datetime.date], today: datetime.date
) -> Standing:
    """The sentence for an organisation whose latest public status is `latest`, when `current` is the year open now.

    A pure function of its arguments: table-tested in publication/tests/test_where_we_stand.py.
    """
    if current is None:
        return Standing("", "")
    year, deadline = current.year, current.deadline
    passed = today > deadline
    if latest is not None and latest.year == year:
        published_on = timezone.localtime(latest.published_at).date()
        late = ", after the deadline, so it shows as late" if calendar.is_late(current, published_on) else ""
        lapses = calendar.lapses_on(year, deadlines)
        sentence = (
            f"You published your {year} assessment at {STATUS_LABELS[latest.status]} on {long_date(published_on)}"
            f"{late}. It is current until {long_date(lapses)}."
        )
        return Standing(year, sentence, publishing_now_is_late=passed, deadline=deadline)
    if passed:
        sentence = (
            f"Your {year} deadline ({long_date(deadline)}) has passed; you can still publish, and it will show as late."
        )
    else:
        sentence = f"Your {year} assessment is due by {long_date(deadline)} ({_days((deadline - today).days)} left)."
    if latest is not None:
        lapses = calendar.lapses_on(latest.year, deadlines)
        label = STATUS_LABELS[latest.status]
        if today > lapses:
            sentence += f" Your {latest.year} status ({label}) lapsed on {long_date(lapses)}."
        else:
            sentence += f" Your {latest.year} status ({label}) is current until {long_date(lapses)}."
    return Standing(year, sentence, publishing_now_is_late=passed, deadline=deadline)


def for_organisation(organisation, today: datetime.date | None = None) -> Standing:
    today = today or timezone.localdate()
    years = list(FrameworkVersion.objects.only("year", "published_on", "deadline", "provisional"))
    latest = PublicStatus.objects.filter(ods_code=organisation.ods_code).first()
    deadlines = {framework.year: framework.deadline for framework in years}
    return describe(calendar.current_of(years, today), latest, deadlines, today)


def home_notice(organisation, membership) -> dict | None:
    """The sentence, first on the organisation's home page."""
    sentence = for_organisation(organisation).sentence
    return {"lead": sentence} if sentence else None
