"""Capacity holds when people book at the same moment: the event's row is locked while a place is counted and taken.
SQLite takes no row locks (select_for_update does nothing there), so this runs on PostgreSQL (DATABASE_URL)."""

import threading

import pytest
from django.db import connection

from dspt.events.models import Booking
from dspt.events.tests.factories import book, make_event
from dspt.support.tests.factories import make_support_organisation


@pytest.mark.django_db(transaction=True)
def test_eight_people_booking_three_places_at_once_give_three_places_and_five_waiting():
    if connection.vendor != "postgresql":
        pytest.skip("Row locks need PostgreSQL: set DATABASE_URL to run this")
    event = make_event(make_support_organisation(), capacity=3)
    barrier = threading.Barrier(8)
    outcomes = []

    def take(number):
        try:
            barrier.wait(timeout=10)
            booking, _ = book(event, email=f"person{number}@care.example")
            outcomes.append(booking.status)
        except Exception as error:
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=take, args=(number,)) for number in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == sorted([Booking.BOOKED] * 3 + [Booking.WAITING] * 5)
    assert event.bookings.holding_places().count() == 3


@pytest.mark.django_db(transaction=True)
def test_the_same_person_booking_twice_at_once_gets_one_booking_and_one_clear_message():
    if connection.vendor != "postgresql":
        pytest.skip("Row locks need PostgreSQL: set DATABASE_URL to run this")
    from dspt.events import bookings

    event = make_event(make_support_organisation(), capacity=3)
    barrier = threading.Barrier(2)
    outcomes = []

    def take():
        try:
            barrier.wait(timeout=10)
            book(event, email="same@care.example")
            outcomes.append("booked")
        except bookings.AlreadyBooked as problem:
            outcomes.append(str(problem))
        finally:
            connection.close()

    threads = [threading.Thread(target=take) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == [
        "booked",
        "same@care.example already has a place on this event. Check your email for the booking details",
    ]
