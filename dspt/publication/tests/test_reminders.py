import datetime
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from dspt.publication import reminders
from dspt.publication.models import Reminder
from tests.factories import answer_all

pytestmark = pytest.mark.django_db
DEADLINE = datetime.date(2026, 6, 30)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (datetime.date(2026, 4, 30), None),  # 61 days before
        (datetime.date(2026, 5, 1), "60"),
        (datetime.date(2026, 5, 31), "30"),
        (datetime.date(2026, 6, 16), "14"),
        (datetime.date(2026, 6, 27), "3"),
        (datetime.date(2026, 6, 30), "3"),
        (datetime.date(2026, 7, 1), "after"),
    ],
)
def test_the_schedule(today, expected):
    assert reminders.due(DEADLINE, today) == expected


def run_every_day(start, end):
    day = start
    while day <= end:
        with time_machine.travel(datetime.datetime.combine(day, datetime.time(7, 0)), tick=False):
            call_command("send_reminders", stdout=io.StringIO())
            call_command("send_reminders", stdout=io.StringIO())  # a second run the same day sends nothing
        day += datetime.timedelta(days=1)


def test_each_reminder_is_sent_once_on_its_day(frameworks, org, owner, outsider):
    run_every_day(datetime.date(2026, 4, 1), datetime.date(2026, 7, 10))
    for organisation in (org, outsider.memberships.get().organisation):
        sent = list(Reminder.objects.filter(organisation=organisation, year="2025-26"))
        assert [(r.kind, r.sent_at.date()) for r in sent] == [
            ("60", datetime.date(2026, 5, 1)),
            ("30", datetime.date(2026, 5, 31)),
            ("14", datetime.date(2026, 6, 16)),
            ("3", datetime.date(2026, 6, 27)),
            ("after", datetime.date(2026, 7, 1)),
        ]
    assert len(mail.outbox) == 10
    first = next(m for m in mail.outbox if m.to == [owner.email])
    assert "60 days left to publish your 2025-26 toolkit" in first.subject
    last = [m for m in mail.outbox if m.to == [owner.email]][-1]
    assert "deadline has passed" in last.subject


def test_a_missed_day_sends_the_nearest_reminder_only(frameworks, org, owner):
    run_every_day(datetime.date(2026, 6, 10), datetime.date(2026, 6, 10))
    assert list(Reminder.objects.values_list("kind", flat=True)) == ["30"]


def test_organisations_that_published_get_no_reminders(frameworks, org, owner, assessment, client_for):
    answer_all(assessment, owner)
    client = client_for(owner)
    client.post("/o/VX101/publish/profile/")
    client.post(
        "/o/VX101/publish/confirm/",
        {"confirmer_name": "Sam", "confirmer_job_title": "Manager", "authority": "on"},
    )
    mail.outbox.clear()
    run_every_day(datetime.date(2026, 5, 1), datetime.date(2026, 5, 1))
    assert not Reminder.objects.exists()
    assert mail.outbox == []


def test_organisations_see_when_they_were_reminded(frameworks, org, owner, assessment, client_for):
    run_every_day(datetime.date(2026, 5, 1), datetime.date(2026, 5, 1))
    page = client_for(owner).get("/o/VX101/publish/").content.decode()
    assert "Reminders we have sent" in page
    assert "1 May 2026" in page and "60 days before the deadline" in page


def test_the_second_year_gets_every_reminder_and_the_first_year_its_late_one(frameworks, org, owner):
    """Both years are loaded at once (as shipped): 2024-25's deadline is 30 June 2025."""
    run_every_day(datetime.date(2025, 4, 25), datetime.date(2025, 7, 5))
    run_every_day(datetime.date(2026, 4, 25), datetime.date(2026, 7, 5))
    kinds = list(Reminder.objects.filter(organisation=org).values_list("year", "kind"))
    expected = ["60", "30", "14", "3", "after"]
    assert kinds == [("2024-25", k) for k in expected] + [("2025-26", k) for k in expected]


def test_reminders_follow_the_calendar_late_then_a_new_year_opens(frameworks, org, owner):
    """2024-25's deadline passed on 30 June 2025; 2025-26 opened on 18 September 2025 (its published_on)."""
    assert frameworks["2025-26"].published_on == datetime.date(2025, 9, 18)
    run_every_day(datetime.date(2025, 9, 16), datetime.date(2025, 9, 20))
    sent = [(r.year, r.kind, r.sent_at.date()) for r in Reminder.objects.filter(organisation=org)]
    assert sent == [
        ("2024-25", "after", datetime.date(2025, 9, 16)),  # late publication still open for 2024-25
        ("2025-26", "open", datetime.date(2025, 9, 18)),  # then 2025-26 opens: nothing more about 2024-25
    ]
    opened = [m for m in mail.outbox if m.subject == "A new Data Security and Protection Toolkit year is open"]
    assert len(opened) == 1 and "The deadline to publish is 30 June 2026" in opened[0].body


def test_an_organisation_registered_long_after_the_opening_gets_no_opened_email(frameworks, org, owner):
    run_every_day(datetime.date(2025, 11, 1), datetime.date(2025, 11, 1))
    assert not Reminder.objects.filter(kind="open").exists()
