"""Demo events for the support programme: an introduction webinar the demo provider has booked (so "work along"
has something to show), a full workshop at a venue with a waiting list, and a past webinar with its recording and
slides. Safe to run again: events are found by title."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from dspt.events import bookings
from dspt.events.models import Event, Topic

LONDON = ZoneInfo("Europe/London")


def _at(days: int, hour: int) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, 0), tzinfo=LONDON)


def _event(association, lead, title: str, **values) -> tuple[Event, bool]:
    existing = Event.objects.filter(support_organisation=association, title=title).first()
    if existing:
        return existing, False
    defaults = {"duration_minutes": 90, "tutor": "Lee Morris", "area": association.area, "created_by": lead}
    return Event.objects.create(support_organisation=association, title=title, **(defaults | values)), True


def fill(association, lead, provider, provider_user) -> int:
    """Returns how many events it made."""
    made = 0
    intro, new = _event(
        association,
        lead,
        "Introduction to the DSPT: register and make a start",
        description="What the toolkit is, how to register, and the first questions, answered together as we go.",
        topic=Topic.INTRODUCTION,
        starts_at=_at(10, 10),
        online=True,
        joining_link="https://meet.example/fcca-intro",
        capacity=30,
    )
    made += new
    if not intro.bookings.filter(organisation=provider).exists():
        details = bookings.Details(
            provider_user.full_name or provider_user.email, provider_user.email, provider.name, provider.ods_code
        )
        bookings.book(intro, details, user=provider_user, organisation=provider)
    workshop, new = _event(
        association,
        lead,
        "Staffing, roles and policies workshop",
        description="Bring your policies: we check them against the toolkit's questions together.",
        topic=Topic.STAFFING,
        starts_at=_at(17, 14),
        online=False,
        venue_address="Fictional County Hall\n1 High Street\nFictional Town",
        capacity=2,
    )
    made += new
    for number, name in enumerate(["Sam Patel", "Jo Evans", "Chris Moore"]):
        email = f"demo{number}@care.example"
        if not workshop.bookings.filter(email=email).exists():
            details = bookings.Details(name, email, f"Fictional Care Home {number + 1}", f"VQ{number:03}1")
            bookings.book(workshop, details)
    _past, new = _event(
        association,
        lead,
        "Data security, IT systems and devices",
        description="Passwords, updates, backups and portable devices.",
        topic=Topic.SECURITY,
        starts_at=_at(-14, 10),
        online=True,
        capacity=40,
        recording_link="https://video.example/fcca-security",
        slides_link="https://files.example/fcca-security-slides.pdf",
    )
    made += new
    return made
