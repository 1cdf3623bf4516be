"""Dates typed into three boxes: odd characters get a message that says which box is wrong (never a server error),
and the hint and every message use one example date that suits the field (a past date where the date must not be
in the future, a future one where it must not be in the past), with the year taken from today."""

import datetime

import pytest
import time_machine
from django import forms
from django.utils import timezone

from dspt.ui.forms import DateField

pytestmark = pytest.mark.django_db

CYBER = "/o/VX101/profile/cyber-essentials/"


def cyber_post(client, day, month, year):
    return client.post(
        CYBER,
        {
            "cyber_essentials_plus": "yes",
            "cyber_essentials_plus_date[day]": day,
            "cyber_essentials_plus_date[month]": month,
            "cyber_essentials_plus_date[year]": year,
        },
    )


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("²", "3", "2025", "The day of date on the certificate must be a number, like 27"),
        ("٣", "3", "2025", "The day of date on the certificate must be a number, like 27"),
        ("１", "3", "2025", "The day of date on the certificate must be a number, like 27"),
        ("-1", "3", "2025", "The day of date on the certificate must be a number, like 27"),
        ("1e3", "3", "2025", "The day of date on the certificate must be a number, like 27"),
        ("27", "9" * 20, "2025", "The month of date on the certificate must be a number from 1 to 12 or its name"),
        ("27", "²", "2025", "The month of date on the certificate must be a number from 1 to 12 or its name"),
        ("27", "Marchember", "2025", "The month of date on the certificate must be a number from 1 to 12 or its name"),
        ("27", "3", "9" * 5000, "The year of date on the certificate must have 4 numbers"),
        ("27", "3", "٢٠٢٥", "The year of date on the certificate must have 4 numbers"),
        ("27", "3", "２０２５", "The year of date on the certificate must have 4 numbers"),
        ("27", "3", "2025.0", "The year of date on the certificate must have 4 numbers"),
        ("0", "0", "0000", "Date on the certificate must be a real date"),
        ("31", "2", "2025", "Date on the certificate must be a real date"),
    ],
)
def test_odd_dates_on_the_certificate_page_get_a_message_not_a_server_error(
    client_for, owner, org, day, month, year, message
):
    response = cyber_post(client_for(owner), day, month, year)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "<title>Error:" in page
    assert f'value="{day}"' in page  # what was typed is kept


def test_an_odd_date_on_a_question_page_gets_a_message_not_a_server_error(client_for, owner, org, assessment):
    client = client_for(owner)
    url = "/o/VX101/assessment/2025-26/q/7.2.1/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"date[day]": "²", "date[month]": "9" * 20, "date[year]": "9" * 5000})
    assert response.status_code == 200
    assert "The day of date of the last test must be a number, like 27" in response.content.decode()


# ---- one example date, consistent with the field, derived from today ----------------------------------------


class Dates(forms.Form):
    done = DateField(label="Date of the test", allow_future=False)
    due = DateField(label="By when", allow_past=False)
    any_day = DateField(label="Date of birth")
    explained = DateField(label="Renewal date", help_text="The date on the letter")


def errors_for(name: str, parts) -> str:
    data = dict(zip([f"{name}[day]", f"{name}[month]", f"{name}[year]"], parts, strict=True))
    form = Dates(data)
    assert not form.is_valid()
    return form.errors[name][0]


@time_machine.travel(datetime.datetime(2031, 5, 4, 12, 0, tzinfo=datetime.UTC), tick=False)
def test_the_hint_and_the_messages_use_one_example_that_suits_the_field():
    form = Dates()
    assert str(form.fields["done"].help_text) == "For example, 27 3 2030"
    assert errors_for("done", ("31", "2", "2030")) == "Date of the test must be a real date, like 27 3 2030"
    assert errors_for("done", ("31", "2", "30")) == "The year of date of the test must have 4 numbers, like 2030"
    assert str(form.fields["due"].help_text) == "For example, 27 3 2032"
    assert errors_for("due", ("31", "2", "2032")) == "By when must be a real date, like 27 3 2032"
    assert errors_for("due", ("1", "1", "32")) == "The year of by when must have 4 numbers, like 2032"
    assert str(form.fields["any_day"].help_text) == "For example, 27 3 2031"
    assert errors_for("any_day", ("x", "1", "2031")) == "The day of date of birth must be a number, like 27"
    assert str(form.fields["explained"].help_text) == "The date on the letter"  # a hint given is kept
    assert errors_for("explained", ("31", "2", "2031")) == "Renewal date must be a real date, like 27 3 2031"


def test_the_example_is_always_on_the_right_side_of_today():
    today = timezone.localdate()
    for field, check in ((DateField(allow_future=False), "past"), (DateField(allow_past=False), "future")):
        example = field.clean(["27", "3", field.example_year()])  # the example itself is accepted
        assert (example < today) if check == "past" else (example > today)


def test_the_hint_follows_the_calendar_in_a_long_running_server():
    field = Dates().fields["done"]
    with time_machine.travel(datetime.datetime(2040, 1, 2, 12, 0, tzinfo=datetime.UTC), tick=False):
        assert str(field.help_text) == "For example, 27 3 2039"


def test_the_certificate_page_s_hint_and_message_agree(client_for, owner, org):
    year = str(timezone.localdate().year - 1)
    page = cyber_post(client_for(owner), "31", "2", year).content.decode()
    assert f"must be a real date, like 27 3 {year}" in page
    assert f"For example, 27 3 {year}" in page
