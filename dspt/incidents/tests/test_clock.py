"""The ICO's 72-hour clock and the times it reads."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from dspt.incidents import clock, risk

LONDON = ZoneInfo("Europe/London")
FOUND = datetime.datetime(2026, 6, 1, 9, 0, tzinfo=LONDON)
H = datetime.timedelta(hours=1)


@pytest.mark.parametrize(
    ("elapsed", "state", "text"),
    [
        (datetime.timedelta(0), clock.RUNNING, "72 hours left"),
        (60 * H, clock.RUNNING, "12 hours left"),
        (60 * H + datetime.timedelta(minutes=1), clock.RUNNING, "11 hours left"),
        (71 * H, clock.RUNNING, "1 hour left"),
        (71 * H + datetime.timedelta(minutes=30), clock.RUNNING, "Less than an hour left"),
        (72 * H, clock.RUNNING, "Less than an hour left"),
        (72 * H + datetime.timedelta(seconds=1), clock.OVERDUE, "Overdue by less than an hour"),
        (73 * H, clock.OVERDUE, "Overdue by 1 hour"),
        (75 * H + datetime.timedelta(minutes=59), clock.OVERDUE, "Overdue by 3 hours"),
    ],
)
def test_the_clock_counts_whole_hours_down_from_72_and_then_up(elapsed, state, text):
    found = clock.ico_clock(FOUND, FOUND + elapsed)

    assert (found.state, found.text) == (state, text)
    assert found.deadline == FOUND + 72 * H and found.is_running


def test_a_report_stops_the_clock_on_time_up_to_the_deadline_and_late_after_it():
    on_time = clock.ico_clock(FOUND, FOUND + 100 * H, reported_at=FOUND + 72 * H)
    late = clock.ico_clock(FOUND, FOUND + 100 * H, reported_at=FOUND + 74 * H + datetime.timedelta(minutes=5))

    assert (on_time.state, on_time.text, on_time.is_running) == (clock.ON_TIME, "Reported on time", False)
    assert (late.state, late.text) == (clock.LATE, "Reported 2 hours late")


def test_72_hours_are_real_hours_across_the_change_to_summer_time():
    # Clocks go forward at 1am on Sunday 29 March 2026: found at 10am GMT on Friday, due at 11am BST on Monday.
    found_at = clock.moment(datetime.date(2026, 3, 27), "10:00")
    deadline = clock.ico_clock(found_at, found_at).deadline.astimezone(LONDON)

    assert found_at.utcoffset() == datetime.timedelta(0)
    assert (deadline.date(), deadline.hour, deadline.utcoffset()) == (datetime.date(2026, 3, 30), 11, H)


def test_and_across_the_change_back_to_winter_time():
    # Clocks go back at 2am on Sunday 25 October 2026: found at 10am BST on Friday, due at 9am GMT on Monday.
    found_at = clock.moment(datetime.date(2026, 10, 23), "10:00")
    deadline = clock.ico_clock(found_at, found_at).deadline.astimezone(LONDON)

    assert found_at.utcoffset() == H
    assert (deadline.date(), deadline.hour) == (datetime.date(2026, 10, 26), 9)


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("14:30", "14:30"),
        ("14.30", "14:30"),
        ("1430", "14:30"),
        ("9:05", "09:05"),
        ("2:30pm", "14:30"),
        ("2.30 P.M.", "14:30"),
        ("9am", "09:00"),
        ("12pm", "12:00"),
        ("12am", "00:00"),
        ("0", "00:00"),
        (" 23:59 ", "23:59"),
    ],
)
def test_times_are_read_as_people_type_them(typed, read):
    assert clock.time_text(clock.parse_time(typed)) == read


@pytest.mark.parametrize("typed", ["", "24:00", "12:60", "13pm", "0am", "noon", "1:2", "１２:００", "14:30:00"])
def test_anything_else_is_not_a_time(typed):
    with pytest.raises(ValueError):
        clock.parse_time(typed)


def test_a_moment_needs_both_a_date_and_a_readable_time():
    day = datetime.date(2026, 6, 1)
    assert clock.moment(day, "") is None
    assert clock.moment(None, "09:00") is None
    assert clock.moment(day, "soon") is None
    assert clock.moment(day, "09:00") == FOUND


@pytest.mark.parametrize(
    ("likelihood", "severity", "expected"),
    [
        ("", "serious", None),
        ("happened", "none", risk.LOW),
        ("not_likely", "minor", risk.LOW),
        ("possible", "minor", risk.RISK),
        ("not_likely", "serious", risk.RISK),
        ("possible", "serious", risk.HIGH),
        ("happened", "significant", risk.HIGH),
        ("likely", "significant", risk.RISK),
    ],
)
def test_the_risk_to_people_comes_from_likelihood_and_severity(likelihood, severity, expected):
    assert risk.conclusion(likelihood, severity) == expected


def test_a_time_the_clocks_skip_or_repeat_still_makes_a_clock():
    skipped = clock.moment(datetime.date(2026, 3, 29), "01:30")  # clocks go from 1am to 2am
    repeated = clock.moment(datetime.date(2026, 10, 25), "01:30")  # 1am to 2am happens twice: the first, in BST
    assert clock.ico_clock(skipped, skipped).text == "72 hours left"
    assert repeated.utcoffset() == H
