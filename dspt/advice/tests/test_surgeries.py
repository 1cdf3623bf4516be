"""Surgeries: which slots a plan makes, publishing, booking (one booking per slot, also in a race), cancelling,
notes into the contact log, and the emails with the calendar file."""

import datetime
import os
import threading

import pytest
import time_machine
from django.db import connection
from icalendar import Calendar

from dspt.advice import forms, surgeries
from dspt.advice.models import Contact, SurgeryBooking, SurgerySlot
from dspt.advice.tests.factories import add_to_cohort, make_slot
from dspt.history.models import ChangeRecord
from dspt.outbox.tests.mail_parts import attachments_of
from dspt.support.tests.factories import add_staff, make_support_organisation
from tests.factories import add_member, make_user

pytestmark = pytest.mark.django_db
LONDON = surgeries.LONDON
NOW = datetime.datetime(2027, 3, 1, 9, 0, tzinfo=LONDON)


def plan(dates, start="10:00", finish="12:00", minutes=30):
    return surgeries.Plan(
        dates=tuple(dates), first_start=forms.parse_time(start), finish=forms.parse_time(finish), minutes=minutes
    )


def test_every_30_minutes_from_10_to_12_on_two_dates_makes_8_slots():
    days = [datetime.date(2027, 3, 4), datetime.date(2027, 3, 2), datetime.date(2027, 3, 2)]
    starts = surgeries.slot_starts(plan(days), now=NOW)
    assert len(starts) == 8
    assert [f"{s:%d %H:%M}" for s in starts[:4]] == ["02 10:00", "02 10:30", "02 11:00", "02 11:30"]
    assert starts[4] == datetime.datetime(2027, 3, 4, 10, 0, tzinfo=LONDON)


def test_a_slot_that_does_not_fit_before_the_finish_is_left_out_and_no_finish_makes_one():
    assert len(surgeries.slot_starts(plan([datetime.date(2027, 3, 2)], finish="11:50", minutes=45), now=NOW)) == 2
    assert len(surgeries.slot_starts(plan([datetime.date(2027, 3, 2)], finish=""), now=NOW)) == 1


@pytest.mark.parametrize(
    ("the_plan", "message"),
    [
        (plan([datetime.date(2027, 3, 2)], finish="10:15"), "at least 30 minutes after"),
        (plan([datetime.date(2027, 3, 2)], minutes=5), "from 10 to 240 minutes"),
        (plan([datetime.date(2027, 2, 28)]), "has already started"),
        (plan([datetime.date(2027, 3, 2) + datetime.timedelta(days=n) for n in range(16)]), "at most 60"),
        (plan([]), "at least one date"),
    ],
)
def test_plans_that_make_no_sense_are_refused_with_a_reason(the_plan, message):
    with pytest.raises(surgeries.RuleBroken, match=message):
        surgeries.slot_starts(the_plan, now=NOW)


def test_dates_and_times_read_the_way_people_write_them():
    assert forms.parse_dates("27/3/2027, 3-4-2027\n10 04 2027") == (
        [datetime.date(2027, 3, 27), datetime.date(2027, 4, 3), datetime.date(2027, 4, 10)],
        [],
    )
    assert forms.parse_dates("27/3/2027, next tuesday, 31/2/2027")[1] == ["next tuesday", "31/2/2027"]
    assert [forms.parse_time(t) for t in ("10:00", "2:30pm", "14.30", "12am", "25:00", "13pm", "noon")] == [
        datetime.time(10),
        datetime.time(14, 30),
        datetime.time(14, 30),
        datetime.time(0),
        None,
        None,
        None,
    ]


@pytest.fixture
def association():
    return make_support_organisation()


@pytest.fixture
def adviser(association):
    return add_staff(association, "ada@fcca.example")


@pytest.fixture
def slot(association, adviser, org):
    add_to_cohort(association, org)
    return make_slot(association, adviser)


def test_publishing_makes_the_slots_with_history_and_refuses_overlaps(association, adviser):
    with time_machine.travel(NOW, tick=False):
        slots = surgeries.publish(association, adviser, plan([datetime.date(2027, 3, 2)]), adviser, place="Office")
        assert len(slots) == 4 and SurgerySlot.objects.count() == 4
        with pytest.raises(surgeries.RuleBroken, match="already has a slot at 2 March 2027 at 11:30am"):
            surgeries.publish(
                association, adviser, plan([datetime.date(2027, 3, 2)], "11:45", "13:00"), adviser, place="Office"
            )
        with pytest.raises(surgeries.RuleBroken, match="either a joining link"):
            surgeries.publish(association, adviser, plan([datetime.date(2027, 3, 9)]), adviser)
    assert SurgerySlot.objects.count() == 4
    record = ChangeRecord.objects.get(area__startswith="Surgeries")
    assert record.organisation is None and record.changes["Length"] == [None, "30 minutes"]


def test_a_booking_emails_both_sides_a_link_to_a_calendar_file_that_parses(
    client_for, slot, org, owner, adviser, mailoutbox
):
    booking = surgeries.book(slot.pk, org, owner, "Our policies", "1.1.2, 3.2.1")
    emails = {tuple(email.to): email for email in mailoutbox}
    assert set(emails) == {(owner.email,), (adviser.email,)}
    provider_ics = f"/o/VX101/surgeries/bookings/{booking.pk}/calendar.ics"
    adviser_ics = f"/s/fcca/surgeries/bookings/{booking.pk}/calendar.ics"
    assert provider_ics in emails[(owner.email,)].body and adviser_ics in emails[(adviser.email,)].body
    assert "Our policies" not in emails[(owner.email,)].subject
    response = client_for(owner).get(provider_ics)
    assert response["Content-Type"].startswith("text/calendar")
    event = next(c for c in Calendar.from_ical(response.content).walk() if c.name == "VEVENT")
    assert event["dtstart"].dt == slot.starts_at and str(event["dtstart"].dt.tzinfo) == "Europe/London"
    assert str(event["location"]) == "https://meet.example/fcca"
    assert client_for(adviser).get(adviser_ics).status_code == 200
    assert ChangeRecord.objects.get(organisation=org, area="Surgeries").changes["Questions"] == [None, "1.1.2, 3.2.1"]


def attached_event(message, method="PUBLISH"):
    files = attachments_of(message)
    assert set(files) == {"surgery.ics"}, files
    assert files["surgery.ics"].content_type == "text/calendar" and files["surgery.ics"].params["method"] == method
    calendar = Calendar.from_ical(files["surgery.ics"].content)
    assert str(calendar["METHOD"]) == method
    [vevent] = calendar.walk("VEVENT")
    return vevent


@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [(datetime.date(2027, 10, 29), 10), (datetime.date(2027, 11, 3), 11)],  # BST (UTC+1), then GMT after 31 October
)
def test_the_provider_and_the_adviser_both_get_the_calendar_file_in_uk_time(
    day, utc_hour, association, adviser, org, owner, mailoutbox
):
    add_to_cohort(association, org)
    with time_machine.travel(datetime.datetime(2027, 10, 1, 9, tzinfo=datetime.UTC), tick=False):
        slot = make_slot(association, adviser, starts_at=datetime.datetime.combine(day, datetime.time(11), LONDON))
        booking = surgeries.book(slot.pk, org, owner, "Our policies")
    emails = {email.to[0]: email for email in mailoutbox}
    assert set(emails) == {owner.email, adviser.email}
    uids = set()
    for address, email in emails.items():
        assert "attached to this email (surgery.ics)" in email.body and "/calendar.ics" in email.body
        vevent = attached_event(email)
        assert str(vevent["SUMMARY"]) == (
            "Data security toolkit surgery: Fictional County Care Association and Fictional Meadowbrook House"
        ), address
        assert vevent["DTSTART"].params["TZID"] == "Europe/London"
        start = vevent.decoded("DTSTART")
        assert (start.hour, start.minute) == (11, 0)
        assert start.astimezone(datetime.UTC) == datetime.datetime.combine(day, datetime.time(utc_hour), datetime.UTC)
        assert vevent.decoded("DTEND") - start == datetime.timedelta(minutes=30)
        assert str(vevent["LOCATION"]) == "https://meet.example/fcca"
        uids.add(str(vevent["UID"]))
    assert uids == {f"surgery-booking-{booking.pk}@open-dspt"}  # one entry, in both calendars

    # Cancelled: both get the file that takes it out of their calendars.
    mailoutbox.clear()
    assert surgeries.cancel(booking, owner)
    for email in mailoutbox:
        vevent = attached_event(email, method="CANCEL")
        assert str(vevent["STATUS"]) == "CANCELLED" and vevent["SEQUENCE"] == 1
        assert str(vevent["UID"]) == f"surgery-booking-{booking.pk}@open-dspt"
    assert {email.to[0] for email in mailoutbox} == {owner.email, adviser.email}


def test_a_taken_slot_refuses_a_second_booking_with_a_clear_message(slot, org, owner, member):
    surgeries.book(slot.pk, org, owner, "Our policies")
    with pytest.raises(surgeries.SlotTaken, match="Someone else has just booked this slot"):
        surgeries.book(slot.pk, org, member, "Staff training")
    assert SurgeryBooking.objects.live().count() == 1


def test_a_provider_not_supported_cannot_book(slot, outsider):
    other = outsider.memberships.get().organisation
    with pytest.raises(surgeries.RuleBroken, match="no longer offered"):
        surgeries.book(slot.pk, other, outsider, "Help")


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="SQLite serialises every write, so two bookings cannot race; set DATABASE_URL to a PostgreSQL database",
)
@pytest.mark.django_db(transaction=True)
def test_two_people_booking_the_same_slot_at_once_get_one_booking_and_one_message(slot, org, owner):
    other_user = make_user("second@care.example")
    add_member(org, other_user)
    barrier = threading.Barrier(2)
    results = []

    def attempt(user):
        try:
            barrier.wait(timeout=10)
            results.append(surgeries.book(slot.pk, org, user, "Help"))
        except surgeries.SlotTaken as taken:
            results.append(taken)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(user,)) for user in (owner, other_user)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(type(result).__name__ for result in results) == ["SlotTaken", "SurgeryBooking"]
    assert SurgeryBooking.objects.live().filter(slot=slot).count() == 1


def test_the_provider_cancels_and_the_slot_is_free_again(slot, org, owner, adviser, client_for, mailoutbox):
    booking = surgeries.book(slot.pk, org, owner, "Our policies")
    mailoutbox.clear()
    client = client_for(owner)
    url = f"/o/VX101/surgeries/bookings/{booking.pk}/cancel/"
    assert "Cancel this surgery?" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    booking.refresh_from_db()
    assert booking.cancelled_at is not None and booking.sequence == 1
    assert {tuple(e.to) for e in mailoutbox} == {(owner.email,), (adviser.email,)}
    assert surgeries.cancel(booking, owner) is False
    event = next(c for c in Calendar.from_ical(surgeries.ics(booking)).walk() if c.name == "VEVENT")
    assert str(event["status"]) == "CANCELLED"
    assert slot in surgeries.open_slots(org)
    assert surgeries.book(slot.pk, org, owner, "Again").slot == slot


def test_notes_after_the_surgery_go_into_the_contact_log_once(slot, org, owner, adviser):
    booking = surgeries.book(slot.pk, org, owner, "Our policies")
    with pytest.raises(surgeries.RuleBroken, match="once the surgery has started"):
        surgeries.record_notes(booking, adviser, "Talked", Contact.HELPED)
    with time_machine.travel(slot.starts_at + datetime.timedelta(minutes=40)):
        surgeries.record_notes(booking, adviser, "Went through 1.1.2", Contact.MORE_HELP)
        surgeries.record_notes(booking, adviser, "Went through 1.1.2 and 3.2.1", Contact.MORE_HELP)
    contact = Contact.objects.get()
    assert (contact.kind, contact.ods_code, contact.summary, contact.with_whom) == (
        Contact.SURGERY,
        "VX101",
        "Went through 1.1.2 and 3.2.1",
        "Olive Owner",
    )
    assert not ChangeRecord.objects.filter(organisation=org, area__startswith="Contact log").exists()


def test_the_publish_page_says_what_is_wrong_and_keeps_what_was_typed(client_for, association, adviser):
    page = (
        client_for(adviser)
        .post(
            "/s/fcca/surgeries/publish/",
            {
                "adviser": adviser.pk,
                "dates": "27/3/2099, soon",
                "first_start": "ten",
                "finish": "x" * 50,
                "minutes": "30",
                "how": "place",
                "place": "",
            },
        )
        .content.decode()
    )
    assert "“soon” is not a date" in page
    assert "Start time of the first slot must be a time, like 10:00 or 2:30pm" in page
    assert "Finish time must be a time" in page
    assert "Enter the address where the surgeries take place" in page
    assert "27/3/2099, soon" in page
    assert SurgerySlot.objects.count() == 0


def test_the_surgery_pages_take_the_same_number_of_queries_however_many_slots(client_for, slot, org, owner, adviser):
    from django.test.utils import CaptureQueriesContext

    def count(client, url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    surgeries.book(slot.pk, org, owner, "Help")
    staff, provider = client_for(adviser), client_for(owner)
    before = count(staff, "/s/fcca/surgeries/"), count(provider, "/o/VX101/surgeries/")
    for hours in range(1, 11):
        more = make_slot(slot.support_organisation, adviser, starts_at=slot.starts_at + datetime.timedelta(hours=hours))
        if hours % 2:
            surgeries.book(more.pk, org, owner, "More help")
    assert (count(staff, "/s/fcca/surgeries/"), count(provider, "/o/VX101/surgeries/")) == before
