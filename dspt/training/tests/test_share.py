"""The share of staff trained in the last 12 months (DSPT 3.2.1), and what the register offers other areas."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from dspt.registers import entries, hooks
from dspt.training import evidence
from dspt.training import share as share_rule
from dspt.training.share import TrainingShare, months_after, months_before, share
from dspt.training.spec import STAFF_TRAINING
from dspt.training.tests.factories import add_staff

TODAY = datetime.date(2026, 12, 1)


def test_twelve_months_back_keeps_the_day_or_takes_the_months_last():
    assert months_before(datetime.date(2026, 12, 1), 12) == datetime.date(2025, 12, 1)
    assert months_after(datetime.date(2024, 2, 29), 12) == datetime.date(2025, 2, 28)
    assert months_before(datetime.date(2026, 3, 31), 1) == datetime.date(2026, 2, 28)
    assert months_after(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)


@pytest.mark.parametrize(
    ("completed_on", "in_date"),
    [
        (datetime.date(2025, 12, 1), True),  # exactly 12 months ago: the last day it counts
        (datetime.date(2025, 11, 30), False),  # a day more
        (datetime.date(2026, 12, 1), True),  # today
        (datetime.date(2026, 12, 2), False),  # the future never counts
        (None, False),
    ],
)
def test_training_counts_from_12_months_before_today_up_to_today(completed_on, in_date):
    assert share_rule.is_in_date(completed_on, TODAY) is in_date


@pytest.mark.parametrize(
    ("trained", "total", "meets", "percent"),
    [
        (19, 20, True, "95%"),
        (18, 20, False, "90%"),
        (189, 199, False, "94.97%"),  # 94.974…: short, and never shown as 95%
        (1899, 1999, False, "94.99%"),  # 94.997…: rounding to the nearest would say 95%
        (1999, 2104, True, "95%"),  # 95.009…: meets
        (20, 20, True, "100%"),
        (0, 0, False, ""),
    ],
)
def test_the_expectation_is_met_exactly_and_percentages_are_rounded_down(trained, total, meets, percent):
    found = TrainingShare(trained, total, share_rule.percent_of(trained, total))
    assert found.meets is meets
    assert found.percent_text == percent


def test_949_per_thousand_does_not_meet_and_reads_below_95():
    found = TrainingShare(949, 1000, share_rule.percent_of(949, 1000))
    assert not found.meets and found.percent == Decimal("94.90")
    assert found.sentence() == (
        "949 of 1000 staff (94.9%) trained in the last 12 months: below the 95% expectation. "
        "1 more person needs training to reach it"
    )


def test_the_sentence_when_the_share_meets_it():
    assert TrainingShare(19, 20, Decimal("95.00")).sentence() == (
        "19 of 20 staff (95%) trained in the last 12 months: meets the 95% expectation"
    )


@pytest.mark.django_db
def test_leavers_archived_and_future_starters_are_not_counted(org, owner):
    recent = TODAY - datetime.timedelta(days=10)
    add_staff(org, owner, name="In date", training_completed_on=recent)
    add_staff(org, owner, name="Never trained")
    add_staff(org, owner, name="Out of date", training_completed_on=datetime.date(2025, 11, 30))
    add_staff(org, owner, name="Left", training_completed_on=recent, left_on=datetime.date(2026, 6, 1))
    add_staff(org, owner, name="Leaving today", left_on=TODAY)
    add_staff(org, owner, name="Starts soon", started_on=datetime.date(2027, 1, 4))
    archived = add_staff(org, owner, name="Archived", training_completed_on=recent)
    entries.archive(STAFF_TRAINING, archived, owner)

    found = share(org, TODAY)

    assert (found.trained, found.total, found.percent) == (1, 3, Decimal("33.33"))
    assert [person.name for person in share_rule.out_of_date(org, TODAY)] == ["Never trained", "Out of date"]


@pytest.mark.django_db
def test_future_training_dates_and_leaving_before_starting_are_refused(org, owner):
    with pytest.raises(ValidationError) as refused:
        add_staff(org, owner, training_completed_on=datetime.date.today() + datetime.timedelta(days=1))
    assert "training_completed_on" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        add_staff(org, owner, started_on=datetime.date(2026, 1, 5), left_on=datetime.date(2025, 1, 5))
    assert refused.value.message_dict["left_on"] == ["The date they left must be on or after the date they started"]


@pytest.mark.django_db
def test_the_suggestion_for_3_2_1_is_the_percentage_with_its_source(org, owner):
    assert hooks.suggestion("training_share", org, TODAY) is None  # nobody yet: nothing to suggest
    for number in range(20):
        completed = TODAY - datetime.timedelta(days=20) if number < 19 else datetime.date(2024, 1, 1)
        add_staff(org, owner, name=f"Person {number:02}", training_completed_on=completed)

    found = hooks.suggestion(evidence.SUGGESTION_KEY, org, TODAY)

    assert found.value == Decimal("95.00")
    assert found.source == "19 of 20 staff trained in the last 12 months, from your staff training register"
    assert found.url == "/o/VX101/registers/staff-training/"


@pytest.mark.django_db
def test_training_goes_stale_12_months_after_it_was_done_and_the_pack_counts_who_is_out_of_date(org, owner):
    add_staff(org, owner, name="Ana", training_completed_on=datetime.date(2025, 12, 20))
    add_staff(org, owner, name="Ben", training_completed_on=datetime.date(2024, 12, 20))
    add_staff(org, owner, name="Cal")

    due = hooks.due_items(org, TODAY)

    assert [(item.title, item.due_on, item.is_overdue(TODAY)) for item in due] == [
        ("Data security training for Ben", datetime.date(2025, 12, 20), True),
        ("Data security training for Ana", datetime.date(2026, 12, 20), False),
    ]
    assert all(item.refs == ("3.2.1",) for item in due)
    section = next(s for s in hooks.pack_sections(org, TODAY) if s.title == "Staff training")
    assert section.summary.startswith("1 of 3 staff (33.33%) trained in the last 12 months: below")
    assert ("Not trained in the last 12 months", "2") in section.rows
