"""The cohort dashboard's "Last contact": the date of the support organisation's latest note about the provider in its
own contact log, and the filter's three buckets at their boundaries (30 and 90 days)."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from dspt.advice import contact_log
from dspt.advice.cohort_facts import EARLIER, LONG_AGO, NEVER, RECENT, bucket, last_contacts
from dspt.advice.models import Contact
from dspt.support import dashboard
from dspt.support.models import CohortEntry
from dspt.support.tests.factories import add_staff, make_support_organisation

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 16)
AGES = {"VX711": 0, "VX712": 30, "VX713": 31, "VX714": 90, "VX715": 91}  # days before TODAY of the latest note
NO_NOTE = "VX716"


def noon(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


@pytest.mark.parametrize(
    ("days_ago", "expected"),
    [(0, RECENT), (30, RECENT), (31, EARLIER), (90, EARLIER), (91, LONG_AGO), (400, LONG_AGO)],
)
def test_the_buckets_at_their_boundaries(days_ago, expected):
    assert bucket(TODAY - datetime.timedelta(days=days_ago), TODAY) == expected


def test_never_is_the_longest_ago_bucket():
    assert bucket(None, TODAY) == LONG_AGO == NEVER.choice
    assert NEVER.text == "None"


@pytest.fixture
def association(db):
    return make_support_organisation()


@pytest.fixture
def adviser(association):
    return add_staff(association, "ada@fcca.example")


@pytest.fixture
def cohort(association, adviser):
    """Six providers: one note each at 0, 30, 31, 90 and 91 days before TODAY (with an older note too), one with
    none."""
    for code in [*AGES, NO_NOTE]:
        CohortEntry.objects.create(support_organisation=association, ods_code=code, name=f"Fictional {code}")
    for code, days in AGES.items():
        for age in (days + 200, days):  # the latest note is the one that counts
            contact_log.add(
                association,
                code,
                adviser,
                kind=Contact.CALL,
                happened_on=TODAY - datetime.timedelta(days=age),
                summary="Talked about the toolkit",
            )
    return association


def shown(association) -> dict[str, tuple[str, str]]:
    return {
        r.entry.ods_code: (r.facts["last_contact"].text, r.facts["last_contact"].choice)
        for r in dashboard.rows(association)
    }


def chosen(association, choice: str) -> set[str]:
    rows = dashboard.rows(association)
    return {r.entry.ods_code for r in dashboard.apply(rows, dashboard.read_filters({"last_contact": choice}))}


def test_the_dashboard_puts_each_provider_in_its_bucket_and_moves_it_as_days_pass(cohort):
    with time_machine.travel(noon(TODAY), tick=False):
        assert shown(cohort) == {
            "VX711": ("16 March 2026", RECENT),
            "VX712": ("14 February 2026", RECENT),
            "VX713": ("13 February 2026", EARLIER),
            "VX714": ("16 December 2025", EARLIER),
            "VX715": ("15 December 2025", LONG_AGO),
            "VX716": ("None", LONG_AGO),
        }
        assert chosen(cohort, RECENT) == {"VX711", "VX712"}
        assert chosen(cohort, EARLIER) == {"VX713", "VX714"}
        assert chosen(cohort, LONG_AGO) == {"VX715", "VX716"}
    with time_machine.travel(noon(TODAY + datetime.timedelta(days=1)), tick=False):
        assert chosen(cohort, RECENT) == {"VX711"}
        assert chosen(cohort, EARLIER) == {"VX712", "VX713"}
        assert chosen(cohort, LONG_AGO) == {"VX714", "VX715", "VX716"}


def test_another_support_organisations_notes_never_count(cohort):
    rival = make_support_organisation(name="Fictional Other Care Association", slug="foca")
    rita = add_staff(rival, "rita@foca.example", full_name="Rita Rival")
    for code in ("VX715", "VX716"):  # both in the rival's cohort too, with a note of today there
        CohortEntry.objects.create(support_organisation=rival, ods_code=code, name=f"Fictional {code}")
        contact_log.add(rival, code, rita, kind=Contact.EMAIL, happened_on=TODAY, summary="The rival's own note")
    with time_machine.travel(noon(TODAY), tick=False):
        ours = shown(cohort)
        assert ours["VX715"] == ("15 December 2025", LONG_AGO)
        assert ours["VX716"] == ("None", LONG_AGO)
        assert {code: value.choice for code, value in last_contacts(rival, ["VX715", "VX716"], TODAY).items()} == {
            "VX715": RECENT,
            "VX716": RECENT,
        }


def test_a_note_that_they_did_not_come_is_not_a_contact(cohort, adviser):
    contact_log.add(
        cohort, "VX716", adviser, kind=Contact.SURGERY, happened_on=TODAY, summary="Booked", outcome=Contact.NO_SHOW
    )
    contact_log.add(
        cohort, "VX715", adviser, kind=Contact.SURGERY, happened_on=TODAY, summary="Came", outcome=Contact.HELPED
    )
    found = last_contacts(cohort, ["VX715", "VX716"], TODAY)
    assert set(found) == {"VX715"}
    assert found["VX715"].choice == RECENT


def test_a_note_dated_after_today_does_not_count_yet(cohort, adviser):
    contact_log.add(cohort, "VX716", adviser, kind=Contact.VISIT, happened_on=TODAY, summary="Visit")
    assert last_contacts(cohort, ["VX716"], TODAY - datetime.timedelta(days=1)) == {}
    assert last_contacts(cohort, ["VX716"], TODAY)["VX716"].text == "16 March 2026"


def test_one_query_whatever_the_cohort(cohort, django_assert_num_queries):
    codes = [*AGES, NO_NOTE]
    with django_assert_num_queries(1):
        found = last_contacts(cohort, codes, TODAY)
    assert set(found) == set(AGES)
