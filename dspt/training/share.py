"""The share of staff trained in the last 12 months, against the toolkit's 95% expectation (DSPT 3.2.1).

Who counts: everyone in the register who works for the organisation today: not archived, started (or no start date
given) on or before today, and not left (no leaving date, or one after today). The toolkit's question counts staff,
directors, trustees and volunteers alike, so they all go in one register.

Trained: data security training completed on a day from 12 months before today up to today, both included. Training
done on 1 December 2025 still counts on 1 December 2026 and is out of date from the day after (29 February counts
until 28 February the next year). A date in the future is not counted (the register refuses one anyway).

Rounding: whether the share meets the expectation is decided exactly (trained × 100 ≥ 95 × total), never on a
rounded figure, so 19 of 20 (95%) meets it and 189 of 199 (94.97…%) does not. Shown and suggested percentages are
rounded down (to 2 decimal places, the answer form's precision; shown without trailing zeros), so a share short of
95% never reads as 95%.
"""

import datetime
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from django.db.models import Q

from dspt.training.models import StaffMember

EXPECTED_PERCENT = 95  # the year files' threshold `training_share_percent` (content/frameworks/*.yaml)
VALID_MONTHS = 12


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` months earlier, or the month's last day when it has no such day."""
    return months_after(day, -months)


def months_after(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` months later (or earlier, when negative), or the month's last day if it has none."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        if candidate <= day.day:
            try:
                return datetime.date(year, month, candidate)
            except ValueError:
                continue
    raise ValueError(day)  # pragma: no cover: every month has 28 days


def training_due_on(completed_on: datetime.date) -> datetime.date:
    """The last day training completed on `completed_on` counts."""
    return months_after(completed_on, VALID_MONTHS)


def is_in_date(completed_on: datetime.date | None, today: datetime.date) -> bool:
    return completed_on is not None and months_before(today, VALID_MONTHS) <= completed_on <= today


@dataclass(frozen=True)
class TrainingShare:
    trained: int
    total: int
    percent: Decimal | None  # rounded down to 2 places; None when nobody is counted

    @property
    def meets(self) -> bool:
        return self.total > 0 and self.trained * 100 >= EXPECTED_PERCENT * self.total

    @property
    def short_by(self) -> int:
        """How many more people need training for the share to meet the expectation."""
        needed = -(-EXPECTED_PERCENT * self.total // 100)  # ceiling
        return max(needed - self.trained, 0)

    @property
    def percent_text(self) -> str:
        if self.percent is None:
            return ""
        text = f"{self.percent:f}".rstrip("0").rstrip(".")
        return f"{text}%"

    def sentence(self) -> str:
        """ "19 of 20 staff (95%) trained in the last 12 months: meets the 95% expectation"."""
        if not self.total:
            return "There are no current staff in the register yet, so there is no share to work out"
        months = f"in the last {VALID_MONTHS} months"
        counted = f"{self.trained} of {self.total} staff ({self.percent_text}) trained {months}"
        if self.meets:
            return f"{counted}: meets the {EXPECTED_PERCENT}% expectation"
        more = f"{self.short_by} more {'person needs' if self.short_by == 1 else 'people need'}"
        return f"{counted}: below the {EXPECTED_PERCENT}% expectation. {more} training to reach it"


def percent_of(trained: int, total: int) -> Decimal | None:
    if not total:
        return None
    return (Decimal(trained) * 100 / Decimal(total)).quantize(Decimal("0.01"), rounding=ROUND_FLOOR)


def counted(organisation, today: datetime.date):
    """The staff who count today (see the module)."""
    return (
        StaffMember.objects.filter(organisation=organisation, archived_at=None)
        .filter(Q(started_on__isnull=True) | Q(started_on__lte=today))
        .filter(Q(left_on__isnull=True) | Q(left_on__gt=today))
    )


def share(organisation, today: datetime.date) -> TrainingShare:
    """How many of the staff who count today were trained in the 12 months up to today (one query)."""
    dates = list(counted(organisation, today).values_list("training_completed_on", flat=True))
    trained = sum(1 for completed_on in dates if is_in_date(completed_on, today))
    return TrainingShare(trained=trained, total=len(dates), percent=percent_of(trained, len(dates)))


def out_of_date(organisation, today: datetime.date) -> list[StaffMember]:
    """The staff who count today and are not trained in the last 12 months (never trained, or too long ago)."""
    return [
        person
        for person in counted(organisation, today).order_by("name", "pk")
        if not is_in_date(person.training_completed_on, today)
    ]
