"""The yearly cycle as dates (frameworks/calendar.py): which year is open, late publication, when a status lapses."""

import datetime
from types import SimpleNamespace

import pytest

from dspt.frameworks import calendar
from dspt.frameworks.loader import load_shipped
from dspt.frameworks.models import FrameworkVersion


def year(name, opens, deadline):
    return SimpleNamespace(year=name, published_on=opens, deadline=deadline)


Y24 = year("2024-25", datetime.date(2024, 9, 3), datetime.date(2025, 6, 30))
Y25 = year("2025-26", datetime.date(2025, 9, 18), datetime.date(2026, 6, 30))
Y26 = year("2026-27", datetime.date(2026, 9, 1), datetime.date(2027, 6, 30))


@pytest.mark.parametrize(
    ("today", "current"),
    [
        (datetime.date(2025, 6, 30), "2024-25"),  # its deadline day
        (datetime.date(2025, 7, 1), "2024-25"),  # late: the next year has not opened
        (datetime.date(2025, 9, 17), "2024-25"),
        (datetime.date(2025, 9, 18), "2025-26"),  # the next year opens
        (datetime.date(2026, 8, 31), "2025-26"),  # late for 2025-26
        (datetime.date(2026, 9, 1), "2026-27"),
        (datetime.date(2024, 1, 1), "2024-25"),  # nothing open yet: the earliest loaded, so the service is usable
    ],
)
def test_the_current_year_is_the_latest_that_has_opened(today, current):
    assert calendar.current_of([Y26, Y24, Y25], today).year == current


def test_a_year_without_an_opening_day_is_open_once_loaded():
    assert calendar.current_of([Y24, year("2025-26", None, datetime.date(2026, 6, 30))], Y24.published_on).year == (
        "2025-26"
    )
    assert calendar.current_of([], datetime.date(2026, 1, 1)) is None


@pytest.mark.parametrize(
    ("published", "late"), [(datetime.date(2026, 6, 30), False), (datetime.date(2026, 7, 1), True)]
)
def test_publishing_after_the_deadline_day_is_late(published, late):
    assert calendar.is_late(Y25, published) is late


def test_a_status_lapses_when_the_next_years_deadline_passes():
    deadlines = {y.year: y.deadline for y in (Y24, Y25, Y26)}
    assert calendar.lapses_on("2024-25", deadlines) == datetime.date(2026, 6, 30)
    assert calendar.lapses_on("2026-27", deadlines) == datetime.date(2028, 6, 30)  # next year not loaded yet
    assert calendar.next_year("2099-00") == "2100-01"


@pytest.mark.django_db
def test_the_database_follows_the_calendar():
    load_shipped()
    assert FrameworkVersion.objects.current(datetime.date(2026, 6, 1)).year == "2025-26"
    assert FrameworkVersion.objects.current(datetime.date(2026, 8, 1)).year == "2025-26"
    assert FrameworkVersion.objects.current(datetime.date(2026, 12, 1)).year == "2026-27"
