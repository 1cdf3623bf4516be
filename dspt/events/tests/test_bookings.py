"""Booking rules: places, the waiting list, offers that lapse and pass on, single-use links, reminders, attendance."""

import datetime
import re

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from dspt.events import bookings, places
from dspt.events.models import Booking
from dspt.events.tests.factories import book, make_event
from dspt.history.models import ChangeRecord
from dspt.outbox.models import Email
from dspt.support.tests.factories import make_support_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def association(db):
    return make_support_organisation()


@pytest.fixture
def event(association):
    return make_event(association, capacity=2)


@pytest.fixture(autouse=True)
def _mail(mailoutbox):
    return mailoutbox


def last_email_to(address: str):
    from django.core import mail

    return [message for message in mail.outbox if message.to == [address]][-1]


def token_in(message, kind: str) -> str:
    return re.search(rf"/events/{kind}/([\w-]+)/", message.body).group(1)


# ---- the pure rules ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("holding", "capacity", "expected"),
    [(0, 1, Booking.BOOKED), (1, 2, Booking.BOOKED), (2, 2, Booking.WAITING), (3, 2, Booking.WAITING)],
)
def test_a_new_booking_gets_a_place_only_while_one_is_free(holding, capacity, expected):
    assert places.status_for_new_booking(holding, capacity) == expected


@pytest.mark.parametrize(
    ("holding", "capacity", "waiting", "expected"),
    [(2, 2, 5, 0), (1, 2, 5, 1), (0, 3, 2, 2), (0, 3, 0, 0), (4, 2, 3, 0)],
)
def test_as_many_offers_as_free_places_and_people_waiting(holding, capacity, waiting, expected):
    assert places.places_to_offer(holding, capacity, waiting) == expected


def test_an_offer_never_outlasts_the_start_of_the_event():
    now = datetime.datetime(2025, 10, 1, 9, tzinfo=datetime.UTC)
    assert places.offer_expires_at(now, 24, now + datetime.timedelta(days=3)) == now + datetime.timedelta(hours=24)
    assert places.offer_expires_at(now, 24, now + datetime.timedelta(hours=2)) == now + datetime.timedelta(hours=2)


# ---- booking ---------------------------------------------------------------------------------------------------


def test_a_full_event_puts_the_next_person_on_the_waiting_list(event):
    first, _ = book(event, email="a@care.example")
    second, _ = book(event, email="b@care.example")
    third, _ = book(event, email="c@care.example")
    assert [first.status, second.status, third.status] == [Booking.BOOKED, Booking.BOOKED, Booking.WAITING]
    assert bookings.waiting_position(third) == 1
    assert "number 1 on the waiting list" in last_email_to("c@care.example").body
    assert "https://meet.example/intro" in last_email_to("a@care.example").body
    assert "meet.example" not in last_email_to("c@care.example").body  # the joining link only for people with a place


def test_the_same_person_cannot_book_twice(event):
    book(event, email="pat@care.example")
    with pytest.raises(bookings.AlreadyBooked, match="already has a place"):
        book(event, email=" PAT@care.example ")
    assert event.bookings.count() == 1


def test_a_booking_links_to_the_registered_organisation_of_its_ods_code(event, org):
    booking, _ = book(event, ods_code="vx 101")
    assert booking.ods_code == "VX101" and booking.organisation == org
    other, _ = book(event, email="other@care.example", ods_code="VZ999")
    assert other.organisation is None


def test_cancelled_or_started_events_cannot_be_booked(association):
    started = make_event(association, starts_at=timezone.now() - datetime.timedelta(minutes=1))
    with pytest.raises(bookings.RuleBroken, match="already started"):
        book(started)
    cancelled = make_event(association, cancelled_at=timezone.now())
    with pytest.raises(bookings.RuleBroken, match="cancelled"):
        book(cancelled)


def test_only_hashes_of_the_secrets_are_stored(event):
    booking, page_token = book(event)
    booking.refresh_from_db()
    assert page_token not in booking.page_token_hash and len(page_token) >= 40
    assert bookings.find_by_page_token(page_token) == booking
    assert bookings.find_by_page_token(page_token + "x") is None and bookings.find_by_page_token("x" * 200) is None
    cancel_token = token_in(last_email_to(booking.email), "cancel")
    assert bookings.find_by_cancel_token(cancel_token) == booking


# ---- cancellation, offers, lapses ----------------------------------------------------------------------------


def test_cancelling_works_once_and_offers_the_place_to_the_first_waiting(event):
    booked, _ = book(event, email="a@care.example")
    book(event, email="b@care.example")
    first_waiting, _ = book(event, email="c@care.example")
    second_waiting, _ = book(event, email="d@care.example")
    cancel_token = token_in(last_email_to("a@care.example"), "cancel")

    bookings.cancel(bookings.find_by_cancel_token(cancel_token))
    with pytest.raises(bookings.LinkGone):
        bookings.cancel(booked)  # the same link again (or a second tab)
    assert bookings.find_by_cancel_token(cancel_token) is None

    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert first_waiting.status == Booking.OFFERED and second_waiting.status == Booking.WAITING
    assert "keeping it for you until" in last_email_to("c@care.example").body
    assert event.bookings.holding_places().count() == 2  # the offer holds the place: no one books over it
    assert book(event, email="e@care.example")[0].status == Booking.WAITING


def test_an_offer_is_accepted_once_and_gives_a_new_booking_email(event):
    book(event, email="a@care.example")
    book(event, email="b@care.example")
    _waiting, _ = book(event, email="c@care.example")
    bookings.cancel(bookings.find_by_cancel_token(token_in(last_email_to("a@care.example"), "cancel")))
    offer_token = token_in(last_email_to("c@care.example"), "offer")

    accepted, page_token = bookings.accept_offer(bookings.find_by_offer_token(offer_token))
    assert accepted.status == Booking.BOOKED and bookings.find_by_page_token(page_token) == accepted
    assert bookings.offer_state(bookings.find_by_offer_token(offer_token)) == "taken"
    with pytest.raises(bookings.LinkGone):
        bookings.accept_offer(bookings.find_by_offer_token(offer_token))
    assert "You have a place" in last_email_to("c@care.example").body


def test_an_offer_lapses_after_its_time_and_passes_to_the_next(event, settings):
    settings.EVENT_OFFER_HOURS = 24
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        book(event, email="a@care.example")
        book(event, email="b@care.example")
        first, _ = book(event, email="c@care.example")
        second, _ = book(event, email="d@care.example")
        bookings.cancel(bookings.find_by_cancel_token(token_in(last_email_to("a@care.example"), "cancel")))
        offer_token = token_in(last_email_to("c@care.example"), "offer")
    with time_machine.travel(start + datetime.timedelta(hours=23, minutes=59), tick=False):
        assert bookings.lapse_offers() == 0
    with time_machine.travel(start + datetime.timedelta(hours=24, minutes=1), tick=False):
        call_command("process_event_offers")
        call_command("process_event_offers")  # again: nothing more happens
        first.refresh_from_db()
        second.refresh_from_db()
        assert first.status == Booking.LAPSED and second.status == Booking.OFFERED
        assert Email.objects.filter(to=["d@care.example"], subject__startswith="A place has come up").count() == 1
        assert bookings.offer_state(bookings.find_by_offer_token(offer_token)) == "lapsed"
        with pytest.raises(bookings.LinkGone):
            bookings.accept_offer(first)
    assert ChangeRecord.objects.filter(area="Events: Fictional County Care Association", action="updated").exists()


def test_the_reminder_goes_the_day_before_once(association):
    event = make_event(association, starts_at=timezone.now() + datetime.timedelta(days=3))
    _booked, _ = book(event, email="a@care.example")
    assert bookings.send_reminders() == 0
    with time_machine.travel(event.starts_at - datetime.timedelta(hours=20), tick=False):
        call_command("process_event_offers")
        call_command("process_event_offers")
    assert Email.objects.filter(to=["a@care.example"], subject__startswith="Reminder").count() == 1


def test_attendance_is_marked_after_the_event_and_kept_in_history(association, owner):
    event = make_event(association)
    came, _ = book(event, email="a@care.example")
    missed, _ = book(event, email="b@care.example")
    with pytest.raises(bookings.RuleBroken):
        bookings.mark_attendance(event, {came.pk}, owner)
    with time_machine.travel(event.ends_at + datetime.timedelta(hours=1)):
        assert bookings.mark_attendance(event, {came.pk}, owner) == 2
        assert bookings.mark_attendance(event, {came.pk}, owner) == 0
    came.refresh_from_db()
    missed.refresh_from_db()
    assert came.attended is True and missed.attended is False
    record = ChangeRecord.objects.filter(object_id=str(came.pk), changes__has_key="Attendance").get()
    assert record.actor == owner and record.organisation is None


def test_the_demo_events_fill_once(association, org, owner):
    from dspt.demo import events as demo_events

    assert demo_events.fill(association, owner, org, owner) == 3
    assert demo_events.fill(association, owner, org, owner) == 0
    workshop = association.events.get(title__startswith="Staffing")
    assert workshop.bookings.filter(status=Booking.WAITING).count() == 1
    assert association.events.get(title__startswith="Introduction").bookings.get().organisation == org


def test_the_queued_confirmation_holds_the_calendar_file_and_the_waiting_email_none(event, settings):
    settings.EMAIL_SENDING = "cron"  # kept in the outbox, as between the request and the sender
    book(event, email="a@care.example")
    book(event, email="b@care.example")
    book(event, email="c@care.example")
    queued = {tuple(email.to): list(email.attachments.all()) for email in Email.objects.all()}
    assert [a.filename for a in queued[("a@care.example",)]] == ["event.ics"]
    assert queued[("a@care.example",)][0].content_type.startswith("text/calendar; method=PUBLISH")
    assert b"BEGIN:VCALENDAR" in bytes(queued[("b@care.example",)][0].content)
    assert queued[("c@care.example",)] == []  # on the waiting list
