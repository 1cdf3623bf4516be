"""The events pages: the public listing and booking, the emailed link pages, and the support staff's pages."""

import datetime
import html
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dspt.events.models import Booking, Event, Topic
from dspt.events.tests.factories import book, make_event
from dspt.history.models import ChangeRecord
from dspt.support.models import SupportMembership
from dspt.support.tests.factories import add_staff, make_support_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()


@pytest.fixture
def association(db):
    return make_support_organisation()


@pytest.fixture
def lead(association):
    return add_staff(association, "lead@fcca.example", role=SupportMembership.LEAD, full_name="Lee Lead")


@pytest.fixture
def adviser(association):
    return add_staff(association, "adviser@fcca.example", full_name="Ada Adviser")


def text_of(response) -> str:
    page = response.content.decode()
    main = page[page.find("<main") : page.find("</main>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split())


# ---- public ------------------------------------------------------------------------------------------------------


def test_the_listing_shows_upcoming_events_and_filters_them(client, association):
    other = make_support_organisation(name="Fictional Shire Care Association", slug="fsca", area="Fictional Shire")
    make_event(association, title="Policies workshop", topic=Topic.STAFFING)
    make_event(other, title="Shire security webinar", topic=Topic.SECURITY)
    make_event(association, title="Old webinar", starts_at=timezone.now() - datetime.timedelta(days=1))
    make_event(association, title="Called off", cancelled_at=timezone.now())
    text = text_of(client.get("/events/"))
    assert "Policies workshop" in text and "Shire security webinar" in text
    assert "Old webinar" not in text and "Called off" not in text
    only_shire = text_of(client.get("/events/", {"area": "Fictional Shire"}))
    assert "Shire security webinar" in only_shire and "Policies workshop" not in only_shire
    by_topic = text_of(client.get("/events/", {"topic": "staffing"}))
    assert "Policies workshop" in by_topic and "Shire security" not in by_topic
    odd = client.get("/events/", {"area": "٣" * 300, "topic": ["nope", "x" * 5000]})
    assert odd.status_code == 200 and "Policies workshop" in text_of(odd)


def test_the_listing_takes_the_same_queries_for_more_events(client, association):
    make_event(association)
    with CaptureQueriesContext(connection) as few:
        client.get("/events/")
    for number in range(5):
        book(make_event(association, title=f"More {number}"), email=f"p{number}@care.example")
    with CaptureQueriesContext(connection) as more:
        client.get("/events/")
    assert len(more) == len(few)


def test_a_visitor_books_after_a_mistake_and_sees_the_booking(client, association, mailoutbox):
    event = make_event(association, capacity=1)
    page = client.get(f"/events/{event.pk}/")
    assert "1 place left" in text_of(page) and "meet.example" not in page.content.decode()
    bad = {"name": "Pat Booker", "email": "pat@care.example", "organisation_name": "Fictional Care", "ods_code": "8X1"}
    response = client.post(f"/events/{event.pk}/", bad)
    assert response.status_code == 200 and "Codes starting with 8 cannot be used" in text_of(response)
    assert 'value="Pat Booker"' in response.content.decode()  # nothing typed is lost
    response = client.post(f"/events/{event.pk}/", bad | {"ods_code": "vx 901"})
    assert response.status_code == 302
    booking_page = client.get(response["Location"])
    assert "You have a place" in text_of(booking_page) and "https://meet.example/intro" in text_of(booking_page)
    assert booking_page["X-Robots-Tag"] == "noindex, nofollow"
    again = client.post(f"/events/{event.pk}/", bad | {"ods_code": "VX901"})
    assert "pat@care.example already has a place on this event" in text_of(again)
    assert Booking.objects.count() == 1 and len(mailoutbox) == 1


def test_a_signed_in_provider_user_finds_the_form_filled_in_and_the_booking_is_in_their_history(
    client_for, association, org, owner
):
    event = make_event(association)
    client = client_for(owner)
    page = client.get(f"/events/{event.pk}/").content.decode()
    assert (
        'value="owner@care.example"' in page
        and 'value="VX101"' in page
        and 'value="Fictional Meadowbrook House"' in page
    )
    data = {"name": "Olive Owner", "email": owner.email, "organisation_name": org.name, "ods_code": "VX101"}
    assert client.post(f"/events/{event.pk}/", data).status_code == 302
    booking = Booking.objects.get()
    assert booking.organisation == org and booking.user == owner
    record = ChangeRecord.objects.get(object_id=str(booking.pk), area__startswith="Events")
    assert record.organisation == org and record.actor == owner


def test_link_pages_survive_odd_tokens_and_a_get_changes_nothing(client, association):
    event = make_event(association)
    _booking, page_token = book(event)
    for address in [
        "/events/booking/{}/",
        "/events/booking/{}/calendar.ics",
        "/events/cancel/{}/",
        "/events/offer/{}/",
    ]:
        for token in ["x", "a" * 300, "%00", "٣٣٣"]:
            assert client.get(address.format(token)).status_code in (400, 404, 410)  # 400: the NUL
    before = Booking.objects.values().get()
    cancel_page = client.get(f"/events/cancel/{page_token}/")  # the page token is not a cancellation token
    assert cancel_page.status_code == 410
    assert Booking.objects.values().get() == before


def test_cancelling_by_link_once(client, association, mailoutbox):
    event = make_event(association)
    book(event)
    token = re.search(r"/events/cancel/([\w-]+)/", mailoutbox[0].body).group(1)
    page = client.get(f"/events/cancel/{token}/")
    assert "Cancel my place" in text_of(page) and Booking.objects.get().status == Booking.BOOKED
    assert "Your booking is cancelled" in text_of(client.post(f"/events/cancel/{token}/"))
    assert Booking.objects.get().status == Booking.CANCELLED
    assert "already been used" in text_of(client.post(f"/events/cancel/{token}/"))


def test_a_past_event_shows_its_recording_and_takes_no_bookings(client, association):
    event = make_event(
        association,
        starts_at=timezone.now() - datetime.timedelta(days=2),
        recording_link="https://video.example/rec",
        slides_link="https://files.example/slides.pdf",
    )
    page = client.get(f"/events/{event.pk}/")
    assert "Watch the recording" in text_of(page) and "Book a place" not in text_of(page)
    client.post(
        f"/events/{event.pk}/", {"name": "A", "email": "a@care.example", "organisation_name": "B", "ods_code": "VX901"}
    )
    assert not Booking.objects.exists()


# ---- support staff -----------------------------------------------------------------------------------------------


def event_form(**values) -> dict:
    day = timezone.localdate() + datetime.timedelta(days=20)
    return {
        "title": "Staffing and policies workshop",
        "description": "Bring your policies.",
        "topic": "staffing",
        "date[day]": str(day.day),
        "date[month]": str(day.month),
        "date[year]": str(day.year),
        "start_time": "2pm",
        "duration_minutes": "90",
        "tutor": "Tess Tutor",
        "where": "venue",
        "venue_address": "",
        "capacity": "12",
        "area": "Fictional County",
    } | values


def test_a_lead_puts_on_an_event_after_a_mistake(client_for, lead):
    client = client_for(lead)
    response = client.post("/s/fcca/events/new/", event_form(start_time="25:70"))
    text = text_of(response)
    assert "Enter a start time like 10:00 or 2pm" in text and "Enter the venue's address, or choose online" in text
    assert 'value="Staffing and policies workshop"' in response.content.decode()
    response = client.post("/s/fcca/events/new/", event_form(venue_address="1 High Street\nFictional Town"))
    event = Event.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/s/fcca/events/{event.pk}/"
    assert timezone.localtime(event.starts_at).hour == 14 and not event.online
    record = ChangeRecord.objects.get(object_id=str(event.pk), area__startswith="Events")
    assert record.organisation is None and record.area == "Events: Fictional County Care Association"
    assert record.actor == lead


def test_advisers_see_events_but_only_leads_change_them_and_others_see_nothing(
    client_for, association, adviser, outsider
):
    event = make_event(association)
    book(event, name="Pat Booker")
    client = client_for(adviser)
    assert "Pat Booker" in text_of(client.get(f"/s/fcca/events/{event.pk}/"))
    assert client.get("/s/fcca/events/new/").status_code == 403
    assert client.post(f"/s/fcca/events/{event.pk}/cancel/").status_code == 403
    assert client_for(outsider).get(f"/s/fcca/events/{event.pk}/").status_code == 404
    other = make_support_organisation(name="Other Association", slug="other")
    add_staff(other, "other@other.example", role=SupportMembership.LEAD)
    other_lead = client_for(other.memberships.get().user)
    assert other_lead.get(f"/s/other/events/{event.pk}/").status_code == 404


def test_a_lead_cannot_cut_places_below_those_taken_and_adding_places_offers_them(
    client_for, lead, association, mailoutbox
):
    event = make_event(association, capacity=1)
    book(event, email="a@care.example")
    waiting, _ = book(event, email="b@care.example")
    client = client_for(lead)
    edit = client.get(f"/s/fcca/events/{event.pk}/edit/")
    assert 'value="Introduction to the DSPT"' in edit.content.decode()
    form = event_form(
        title=event.title, where="online", joining_link="https://meet.example/intro", topic="introduction"
    )
    response = client.post(f"/s/fcca/events/{event.pk}/edit/", form | {"capacity": "0"})
    assert "The event needs at least 1 place" in text_of(response)
    client.post(f"/s/fcca/events/{event.pk}/edit/", form | {"capacity": "2"})
    waiting.refresh_from_db()
    assert waiting.status == Booking.OFFERED


def test_cancelling_an_event_emails_everyone(client_for, lead, association, mailoutbox):
    event = make_event(association, capacity=1)
    book(event, email="a@care.example")
    book(event, email="b@care.example")
    client = client_for(lead)
    assert "2 people are booked, offered a place or waiting" in text_of(
        client.get(f"/s/fcca/events/{event.pk}/cancel/")
    )
    client.post(f"/s/fcca/events/{event.pk}/cancel/")
    event.refresh_from_db()
    assert event.is_cancelled
    assert {tuple(message.to) for message in mailoutbox if "cancelled" in message.subject} == {
        ("a@care.example",),
        ("b@care.example",),
    }


def test_attendance_is_marked_on_its_page(client_for, adviser, association):
    event = make_event(association, starts_at=timezone.now() - datetime.timedelta(hours=3))
    came = Booking.objects.create(
        event=event,
        name="Came",
        email="c@care.example",
        organisation_name="C",
        ods_code="VX901",
        status=Booking.BOOKED,
        page_token_hash="a" * 64,
    )
    Booking.objects.create(
        event=event,
        name="Missed",
        email="m@care.example",
        organisation_name="M",
        ods_code="VX902",
        status=Booking.BOOKED,
        page_token_hash="b" * 64,
    )
    client = client_for(adviser)
    assert client.post(f"/s/fcca/events/{event.pk}/attendance/", {"attended": ["999"]}).status_code == 200
    response = client.post(f"/s/fcca/events/{event.pk}/attendance/", {"attended": [str(came.pk)]})
    assert response.status_code == 302
    assert dict(event.bookings.values_list("name", "attended")) == {"Came": True, "Missed": False}


def test_a_full_event_says_how_long_a_freed_place_is_kept(client, association, settings):
    settings.EVENT_OFFER_HOURS = 6
    event = make_event(association, capacity=1)
    assert "Every place is taken" not in client.get(f"/events/{event.pk}/").content.decode()
    book(event, email="first@care.example")
    page = client.get(f"/events/{event.pk}/").content.decode()
    assert "keep the place for you for 6 hours, or until the event starts if that is sooner" in page
