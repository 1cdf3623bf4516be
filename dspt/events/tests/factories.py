"""Events and bookings for tests, and the ids the walks over every page need."""

import datetime

from django.utils import timezone

from dspt.events import bookings
from dspt.events.models import Booking, Event, Topic


def make_event(support_organisation, **values) -> Event:
    defaults = {
        "title": "Introduction to the DSPT",
        "description": "What the toolkit is and how to register.",
        "topic": Topic.INTRODUCTION,
        "starts_at": timezone.now() + datetime.timedelta(days=7),
        "duration_minutes": 90,
        "tutor": "Tess Tutor",
        "online": True,
        "joining_link": "https://meet.example/intro",
        "capacity": 2,
        "area": support_organisation.area,
    }
    return Event.objects.create(support_organisation=support_organisation, **(defaults | values))


def book(
    event, name="Pat Booker", email="pat@care.example", ods_code="VX901", organisation_name="Fictional Care", **kw
):
    """A booking made as the public booking page makes it. Returns (booking, page token)."""
    details = bookings.Details(name, email, organisation_name, ods_code)
    return bookings.book(event, details, **kw)


def support_walk_placeholders(association, lead, made) -> dict:
    """An event of `association` with a booking, for /s/<slug>/events/<int:event_id>/… pages."""
    event = make_event(association, title="Walk webinar")
    book(event, email="walker@care.example")
    return {"<int:event_id>": event.pk}


def walk_placeholders(org, owner, made) -> dict:
    """An event on which `org` has a place, for /o/<ods_code>/work-along/<int:event_id>/."""
    from dspt.support.models import SupportOrganisation

    association = SupportOrganisation.objects.create(name="Events Walk Care Association", slug="events-walk")
    event = make_event(association, title="Walk work-along", topic=Topic.STAFFING)
    booking, _token = book(event, email=owner.email, ods_code=org.ods_code, organisation=org, user=owner)
    assert booking.status == Booking.BOOKED
    return {"<int:event_id>": event.pk}
