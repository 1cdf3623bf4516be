"""The cohort dashboard's "Booked on an event": a place (booked) on one of the support organisation's own events since
the DSPT year opened, matched by the ODS code typed or the organisation booked for; nothing else counts."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from dspt.events import bookings, scheduling
from dspt.events.cohort_facts import BOOKED, booked_on_events, year_opened
from dspt.events.models import Booking
from dspt.events.tests.factories import book, make_event
from dspt.support import cohort_facts, dashboard
from dspt.support.tests.factories import make_support_organisation

pytestmark = pytest.mark.django_db

LONDON_NOON = datetime.time(12)
BEFORE = datetime.datetime(2025, 9, 1, 9)  # when the bookings are made: 2025-26 has not opened yet
TODAY = datetime.date(2026, 1, 15)  # 2025-26 opened on 18 September 2025


def at(day: datetime.date, time=LONDON_NOON) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, time))


@pytest.fixture(autouse=True)
def _mail(mailoutbox):
    return mailoutbox


@pytest.fixture
def year(frameworks):
    return frameworks["2025-26"]


@pytest.fixture
def association(db):
    return make_support_organisation()


def facts_on(association, codes, today, framework):
    return booked_on_events(association, codes, today, framework=framework)


def test_the_year_opens_at_midnight_uk_time(year):
    opened = year_opened(year)
    assert timezone.localtime(opened).replace(tzinfo=None) == datetime.datetime(2025, 9, 18, 0, 0)
    assert year_opened(None) is None


def test_places_since_the_year_opened_count_and_earlier_ones_do_not(year, association):
    with time_machine.travel(at(BEFORE.date(), BEFORE.time()), tick=False):
        just_before = make_event(
            association, title="Before", starts_at=at(datetime.date(2025, 9, 17), datetime.time(23, 59))
        )
        on_the_day = make_event(
            association, title="Opening", starts_at=at(datetime.date(2025, 9, 18), datetime.time(0))
        )
        book(just_before, email="a@care.example", ods_code="VX701")
        book(on_the_day, email="b@care.example", ods_code="VX702")
    with time_machine.travel(at(TODAY), tick=False):
        upcoming = make_event(association, title="Next month", starts_at=at(datetime.date(2026, 2, 10)))
        book(upcoming, email="c@care.example", ods_code="vx 703")  # typed loosely: kept normalised
        found = facts_on(association, ["VX701", "VX702", "VX703", "VX704"], TODAY, year)
    assert found == {"VX702": BOOKED, "VX703": BOOKED}


def test_a_booking_counts_by_the_organisation_booked_for_as_well_as_the_code_typed(year, association, org, owner):
    with time_machine.travel(at(TODAY), tick=False):
        event = make_event(association)
        # A member books for their organisation VX101 but types the code of a branch they also run
        book(event, email=owner.email, ods_code="VX799", organisation=org, user=owner)
        found = facts_on(association, ["VX101", "VX799", "VX201"], TODAY, year)
    assert found == {"VX101": BOOKED, "VX799": BOOKED}


def test_cancelled_places_waiting_lists_offers_and_cancelled_events_do_not_count(year, association, org, owner):
    with time_machine.travel(at(TODAY), tick=False):
        full = make_event(association, capacity=1)
        taken, _ = book(full, email="first@care.example", ods_code="VX801")
        waiting, _ = book(full, email="second@care.example", ods_code="VX802")
        assert waiting.status == Booking.WAITING
        bookings.cancel(taken)  # frees the place: offered to VX802, not yet taken
        assert Booking.objects.get(pk=waiting.pk).status == Booking.OFFERED
        called_off = make_event(association, title="Called off")
        book(called_off, email="third@care.example", ods_code="VX803")
        scheduling.cancel(called_off, owner)
        found = facts_on(association, ["VX801", "VX802", "VX803"], TODAY, year)
    assert found == {}
    with time_machine.travel(at(TODAY), tick=False):
        bookings.accept_offer(Booking.objects.get(pk=waiting.pk))
        assert facts_on(association, ["VX801", "VX802", "VX803"], TODAY, year) == {"VX802": BOOKED}


def test_another_support_organisations_events_never_count(year, association):
    other = make_support_organisation(name="Fictional Other Care Association", slug="other")
    with time_machine.travel(at(TODAY), tick=False):
        book(make_event(other), email="a@care.example", ods_code="VX901")
        assert facts_on(association, ["VX901"], TODAY, year) == {}
        assert facts_on(other, ["VX901"], TODAY, year) == {"VX901": BOOKED}


def test_only_the_codes_asked_about_come_back_in_one_query(year, association, django_assert_num_queries):
    with time_machine.travel(at(TODAY), tick=False):
        event = make_event(association, capacity=50)
        for i in range(20):
            book(event, email=f"p{i}@care.example", ods_code=f"VX9{i:02d}")
        with django_assert_num_queries(1):
            found = facts_on(association, ["VX900", "VX905", "VX999"], TODAY, year)
    assert set(found) == {"VX900", "VX905"}


def test_the_dashboard_shows_and_filters_by_it(year, association, org):
    from dspt.support.models import CohortEntry

    for code in ("VX101", "VX611", "VX612"):
        CohortEntry.objects.create(support_organisation=association, ods_code=code, name=f"Fictional {code}")
    with time_machine.travel(at(TODAY), tick=False):
        event = make_event(association)
        book(event, email="a@care.example", ods_code="VX611")
        rows = dashboard.rows(association, TODAY)
    assert {r.entry.ods_code: r.facts["booked"].text for r in rows} == {"VX101": "No", "VX611": "Yes", "VX612": "No"}
    assert not rows[0].consented  # shown without consent: it is the association's own record
    assert [r.entry.ods_code for r in dashboard.apply(rows, dashboard.read_filters({"booked": "yes"}))] == ["VX611"]
    assert {r.entry.ods_code for r in dashboard.apply(rows, dashboard.read_filters({"booked": "no"}))} == {
        "VX101",
        "VX612",
    }
    assert dashboard.read_filters({"booked": "perhaps"}) == dashboard.Filters()
    assert "booked" in {fact.key for fact in cohort_facts.registered()}
