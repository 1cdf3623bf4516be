"""The funder report's rules, column by column, with month boundaries in UK time (monthly.py)."""

import datetime

import pytest

from dspt.advice import contact_log, help_requests, surgeries
from dspt.advice.models import Contact, SurgeryBooking
from dspt.advice.tests.factories import make_slot
from dspt.events import bookings, scheduling
from dspt.events.models import Booking
from dspt.events.tests.factories import book, make_event
from dspt.funder_reports import monthly
from dspt.funder_reports.tests.factories import add_provider, at, make_programme, publish_for, travel
from dspt.organisations.models import Organisation
from dspt.support import consent
from dspt.verification.models import EndedCover, RegistrationReview
from tests.factories import make_directory_entry, make_organisation, make_user

pytestmark = pytest.mark.django_db

NOW = at(2026, 1, 20)


def by_month(report) -> dict[str, monthly.Month]:
    return {m.month.strftime("%Y-%m"): m for m in report.months}


@pytest.fixture
def programme(frameworks):
    return make_programme(at(2025, 6, 1))


# ---- months -----------------------------------------------------------------------------------------------------


def test_rows_run_from_the_year_opening_to_this_month(programme, frameworks):
    association, _lead, _adviser = programme
    report = monthly.report(association, now=NOW)
    assert report.year == "2025-26"
    assert [m.month for m in report.months] == [
        datetime.date(2025, 9, 1),  # 2025-26 opened on 18 September 2025
        datetime.date(2025, 10, 1),
        datetime.date(2025, 11, 1),
        datetime.date(2025, 12, 1),
        datetime.date(2026, 1, 1),
    ]
    # A past year asked for by name: from its own opening
    earlier = monthly.report(association, frameworks["2024-25"], now=NOW)
    assert earlier.months[0].month == datetime.date(2025, 6, 1)  # the programme started after 2024-25 opened


def test_a_programme_that_started_later_starts_its_rows_then(frameworks):
    association, _lead, _ = make_programme(at(2025, 11, 3))
    assert monthly.report(association, now=NOW).months[0].month == datetime.date(2025, 11, 1)
    # ... unless its cohort goes back further (entries imported with their dates)
    add_provider(association, "VX701", "SG1 1AA", at(2025, 10, 2))
    assert monthly.report(association, now=NOW).months[0].month == datetime.date(2025, 10, 1)


def test_month_boundaries_are_uk_time(programme):
    association, _lead, _adviser = programme
    utc = datetime.UTC
    # 23:59 on 30 September in the UK (summer time): September
    add_provider(association, "VX701", "SG1 1AA", datetime.datetime(2025, 9, 30, 22, 59, tzinfo=utc))
    # 00:30 on 1 October in the UK, still 30 September in UTC: October
    add_provider(association, "VX702", "SG1 1AB", datetime.datetime(2025, 9, 30, 23, 30, tzinfo=utc))
    # 23:30 on 30 November: the clocks went back in October, so UK time is UTC: November
    add_provider(association, "VX703", "SG1 1AC", datetime.datetime(2025, 11, 30, 23, 30, tzinfo=utc))
    # 00:30 on 1 December in the UK
    add_provider(association, "VX704", "SG1 1AD", datetime.datetime(2025, 12, 1, 0, 30, tzinfo=utc))
    assert monthly.month_end(datetime.date(2025, 9, 1)) == datetime.datetime(2025, 9, 30, 23, 0, tzinfo=utc)
    months = by_month(monthly.report(association, now=NOW))
    assert [months[k].providers for k in ("2025-09", "2025-10", "2025-11", "2025-12", "2026-01")] == [1, 2, 3, 4, 4]


def test_events_count_where_they_took_place_in_uk_time(programme):
    association, _lead, _adviser = programme
    with travel(at(2025, 8, 20)):
        early = make_event(association, starts_at=datetime.datetime(2025, 9, 30, 23, 30, tzinfo=datetime.UTC))
    months = by_month(monthly.report(association, now=NOW))
    assert early.starts_at.astimezone(monthly.LONDON).month == 10
    assert (months["2025-09"].events_held, months["2025-10"].events_held) == (0, 1)


# ---- consent ---------------------------------------------------------------------------------------------------


def test_consent_counts_while_it_is_live_at_the_months_end(programme, org, owner):
    association, _lead, _adviser = programme
    add_provider(association, org.ods_code, "SG1 1AA", at(2025, 9, 1))
    outsider = make_user("other@care.example")
    not_in_cohort = make_organisation("VX202", outsider)
    with travel(at(2025, 9, 10)):
        consent.grant(org, association, owner)
        consent.grant(not_in_cohort, association, outsider)  # consents, but is not in the cohort: not counted
    with travel(at(2025, 10, 15)):
        consent.withdraw(org, association, owner)  # withdrawn mid-October: not counted for October
    with travel(at(2025, 11, 30, 23, 59)):
        consent.grant(org, association, owner)  # given again at the very end of November
    with travel(at(2025, 12, 1, 0, 0)):
        consent.withdraw(org, association, owner)  # and withdrawn as December began
    with travel(at(2025, 12, 20)):
        consent.grant(org, association, owner)
    months = by_month(monthly.report(association, now=NOW))
    assert [months[k].consenting for k in ("2025-09", "2025-10", "2025-11", "2025-12", "2026-01")] == [1, 0, 1, 1, 1]


def test_consent_given_before_joining_the_cohort_counts_from_the_month_it_joined(programme, org, owner):
    association, _lead, _adviser = programme
    with travel(at(2025, 9, 10)):
        consent.grant(org, association, owner)
    add_provider(association, org.ods_code, "SG1 1AA", at(2025, 11, 5))
    months = by_month(monthly.report(association, now=NOW))
    assert [months[k].consenting for k in ("2025-09", "2025-10", "2025-11")] == [0, 0, 1]


# ---- events ----------------------------------------------------------------------------------------------------


def test_places_and_attendance_leave_out_cancellations_the_waiting_list_and_offers(programme):
    association, lead, _adviser = programme
    with travel(at(2025, 10, 1)):
        event = make_event(association, starts_at=at(2025, 10, 14, 10), capacity=3)
        came, _ = book(event, name="A", email="a@care.example")
        _missed, _ = book(event, name="B", email="b@care.example")
        gone, _ = book(event, name="C", email="c@care.example")
        waiting, _ = book(event, name="D", email="d@care.example")
        late, _ = book(event, name="E", email="e@care.example")
        assert waiting.status == late.status == Booking.WAITING
        bookings.cancel(gone)  # the freed place is offered to D, who does not take it up
        waiting.refresh_from_db()
        assert waiting.status == Booking.OFFERED
        cancelled_event = make_event(association, title="Cancelled", starts_at=at(2025, 10, 20, 10))
        book(cancelled_event, email="f@care.example")
        scheduling.cancel(cancelled_event, lead)
        other, _other_lead, _ = make_programme(at(2025, 6, 1), slug="other", name="Fictional Other Association")
        book(make_event(other, starts_at=at(2025, 10, 14, 10)), email="g@care.example")
    with travel(at(2025, 10, 14, 12)):
        bookings.mark_attendance(event, {came.pk}, lead)
        coming = make_event(association, title="Later this month", starts_at=at(2025, 10, 28, 10))
        book(coming, email="h@care.example")
    gone.refresh_from_db()
    assert gone.status == Booking.CANCELLED

    before_the_later_one = by_month(monthly.report(association, now=at(2025, 10, 27)))["2025-10"]
    assert (before_the_later_one.events_held, before_the_later_one.places_booked) == (1, 2)
    assert before_the_later_one.attended == 1
    after = by_month(monthly.report(association, now=NOW))["2025-10"]
    assert (after.events_held, after.places_booked, after.attended) == (2, 3, 1)


# ---- surgeries, requests for help, contact log -----------------------------------------------------------------


def test_surgeries_delivered(programme, org, owner):
    association, _lead, adviser = programme
    add_provider(association, org.ods_code, "SG1 1AA", at(2025, 9, 1))
    with travel(at(2025, 10, 1)):
        slots = [make_slot(association, adviser, starts_at=at(2025, 10, day, 10)) for day in (6, 7, 8, 9, 10)]
        held, no_show, cancelled, noted, _free = slots
        for slot in (held, no_show, cancelled, noted):
            surgeries.book(slot.pk, org, owner, needs="Our policies")
        surgeries.cancel(SurgeryBooking.objects.get(slot=cancelled), owner)
        upcoming = make_slot(association, adviser, starts_at=at(2025, 10, 30, 10))
        surgeries.book(upcoming.pk, org, owner, needs="Backups")
    with travel(at(2025, 10, 20)):
        surgeries.record_notes(SurgeryBooking.objects.get(slot=no_show), adviser, "Not there", Contact.NO_SHOW)
        surgeries.record_notes(SurgeryBooking.objects.get(slot=noted), adviser, "Went well", Contact.HELPED)
    # Held (no notes yet) and noted count; the no-show, the cancelled, the unbooked and the one to come do not
    assert by_month(monthly.report(association, now=at(2025, 10, 20)))["2025-10"].surgeries == 2
    assert by_month(monthly.report(association, now=NOW))["2025-10"].surgeries == 3


def test_requests_for_help_and_contact_log_notes(programme, org, owner):
    association, lead, _adviser = programme
    add_provider(association, org.ods_code, "SG1 1AA", at(2025, 9, 1))
    with travel(at(2025, 10, 31, 23, 30)):  # 23:30 GMT on 31 October: October
        help_requests.ask(org, owner, association, "How do we write a policy?")
    with travel(at(2025, 11, 2)):
        help_requests.ask(org, owner, association, "And the asset register?")
        call = {"kind": Contact.CALL, "happened_on": datetime.date(2025, 10, 31), "summary": "Phoned about backups"}
        contact_log.add(association, org.ods_code, lead, **call)
        email = {"kind": Contact.EMAIL, "happened_on": datetime.date(2025, 11, 1), "summary": "Sent the template"}
        contact_log.add(association, org.ods_code, lead, **email)
    months = by_month(monthly.report(association, now=NOW))
    assert (months["2025-10"].help_requests, months["2025-11"].help_requests) == (1, 1)
    # Each request for help is noted in the contact log on the day it came: October has it and the call, November
    # the second request and the email
    assert (months["2025-10"].contact_notes, months["2025-11"].contact_notes) == (2, 2)


# ---- publishing: the cohort and the area -----------------------------------------------------------------------


@pytest.fixture
def area(programme, settings):
    """A cohort of four in SG and AL, and the area around it: open services in SG and AL (some publishing), a
    closed one, and services in S (Sheffield) and LU that are not in the area."""
    settings.REGISTRATION_REVIEW = False
    association, _lead, _adviser = programme
    for code, postcode in [("VX801", "SG1 1AA"), ("VX802", "SG2 2BB"), ("VX803", "AL1 3CC"), ("VX804", "")]:
        add_provider(association, code, postcode, at(2025, 9, 1))
    for code, postcode, is_open in [
        ("VX901", "sg5 1aa", True),
        ("VX902", "AL9 9ZZ", True),
        ("VX903", "SG3 3DD", False),  # closed
        ("VX904", "S1 1AA", True),  # Sheffield: S is not SG
        ("VX905", "LU1 1AA", True),
    ]:
        make_directory_entry(code, postcode=postcode, is_open=is_open)
    return association


def publisher(code):
    return make_organisation(code, make_user(f"admin@{code.lower()}.example"))


def test_the_area_is_every_open_directory_entry_in_the_cohorts_postcode_areas(area):
    report = monthly.report(area, now=NOW)
    assert report.areas == ["AL", "SG"]
    assert report.area_size == 5  # VX801-803 and VX901-902


def test_publication_shares_by_months_end(area, frameworks):
    head_office = publisher("AX1Y")
    publish_for(publisher("VX801"), ["VX801"], "approaching", at(2025, 10, 31, 23, 59))
    publish_for(Organisation.objects.get(ods_code="VX801"), ["VX801"], "met", at(2025, 12, 2))
    publish_for(head_office, ["AX1Y", "VX802"], "exceeded", at(2025, 11, 1, 0, 1))
    publish_for(publisher("VX901"), ["VX901"], "met", at(2025, 10, 5))  # in the area, not the cohort
    publish_for(publisher("VX904"), ["VX904"], "met", at(2025, 10, 5))  # outside the area
    publish_for(publisher("VX803"), ["VX803"], "met", at(2025, 6, 1), year="2024-25")  # last year's
    months = by_month(monthly.report(area, now=NOW))
    shares = {k: (m.cohort_published, m.cohort_met, m.area_published, m.area_met) for k, m in months.items()}
    S = monthly.Share
    assert shares["2025-09"] == (S(0, 4), S(0, 4), S(0, 5), S(0, 5))
    assert shares["2025-10"] == (S(1, 4), S(0, 4), S(2, 5), S(1, 5))
    assert shares["2025-11"] == (S(2, 4), S(1, 4), S(3, 5), S(2, 5))
    assert shares["2025-12"] == (S(2, 4), S(2, 4), S(3, 5), S(3, 5))
    assert shares["2026-01"] == shares["2025-12"]
    assert (S(1, 4).percent, S(3, 5).percent, S(0, 0).percent) == (25, 60, None)


def test_a_share_is_of_the_cohort_at_that_months_end(area):
    add_provider(area, "VX805", "SG1 2AA", at(2025, 12, 10))
    publish_for(publisher("VX805"), ["VX805"], "met", at(2025, 10, 5))  # published before it joined the cohort
    months = by_month(monthly.report(area, now=NOW))
    assert months["2025-11"].cohort_published == monthly.Share(0, 4)
    assert months["2025-12"].cohort_published == monthly.Share(1, 5)


def test_hidden_publications_do_not_count(area, settings):
    settings.REGISTRATION_REVIEW = True
    waiting = publisher("VX801")
    publish_for(waiting, ["VX801"], "met", at(2025, 10, 5))
    approved = publisher("VX802")
    RegistrationReview.objects.update_or_create(organisation=approved, defaults={"state": RegistrationReview.APPROVED})
    publish_for(approved, ["VX802"], "met", at(2025, 10, 5))
    # VX803 registered on its own and ended its head office's cover
    head_office = publisher("AX1Y")
    RegistrationReview.objects.update_or_create(
        organisation=head_office, defaults={"state": RegistrationReview.APPROVED}
    )
    branch = publisher("VX803")
    publish_for(head_office, ["AX1Y", "VX803"], "met", at(2025, 10, 5))
    EndedCover.objects.create(branch=branch, head_office=head_office)
    last = monthly.report(area, now=NOW).months[-1]
    assert (last.cohort_published.count, last.cohort_met.count) == (1, 1)  # VX802 only
    assert last.area_published.count == 1


def test_no_year_loaded_leaves_the_publishing_figures_out(db):
    association, _lead, _adviser = make_programme(at(2025, 6, 1))
    add_provider(association, "VX801", "SG1 1AA", at(2025, 7, 1))
    report = monthly.report(association, now=NOW)
    assert report.framework is None and report.months[0].month == datetime.date(2025, 6, 1)
    assert report.months[-1].providers == 1 and report.months[-1].cohort_published is None
