"""The yearly cycle, as dates: when a toolkit year opens, when its deadline passes, when a status lapses.

Pure functions over anything with `year`, `published_on` and `deadline` (FrameworkVersion rows), and a `today`:
- a year **opens** on its `published_on` (when its question set goes live; a year without one is open once loaded);
- the **current year** is the latest year that has opened: the one organisations answer and publish now;
- its **deadline** passes at the end of its `deadline` day; publishing after it is allowed and marked **late**,
  until the next year opens (then the next year is the current one);
- a status published for a year **lapses** when the next year's deadline has passed.
"""

import datetime
from dataclasses import dataclass


def has_opened(framework, today: datetime.date) -> bool:
    return framework.published_on is None or framework.published_on <= today


def current_of(frameworks: list, today: datetime.date):
    """The latest year that has opened by `today`; when none has, the earliest loaded (so the service is usable)."""
    opened = [framework for framework in frameworks if has_opened(framework, today)]
    if opened:
        return max(opened, key=lambda framework: framework.year)
    return min(frameworks, key=lambda framework: framework.year) if frameworks else None


def next_year(year: str) -> str:
    """'2025-26' -> '2026-27'."""
    start = int(year[:4]) + 1
    return f"{start}-{(start + 1) % 100:02d}"


def one_year_later(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def lapses_on(year: str, deadlines: dict[str, datetime.date]) -> datetime.date:
    """The day after which a status published for `year` is no longer current: the next year's deadline (or, while
    that year is not loaded, a year after this year's deadline, which is when it normally falls)."""
    following = deadlines.get(next_year(year))
    if following:
        return following
    own = deadlines.get(year) or datetime.date(int(year[:4]) + 1, 6, 30)
    return one_year_later(own)


def is_late(framework, published_on: datetime.date) -> bool:
    """Published after the year's deadline day."""
    return published_on > framework.deadline


@dataclass(frozen=True)
class YearToday:
    """Where a toolkit year stands on a given day."""

    framework: object
    today: datetime.date

    @property
    def deadline_passed(self) -> bool:
        return self.today > self.framework.deadline

    @property
    def days_to_deadline(self) -> int:
        return (self.framework.deadline - self.today).days
