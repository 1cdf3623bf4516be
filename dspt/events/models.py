"""A support organisation's webinars and workshops, and the places people book on them (ADR 12)."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from dspt.organisations.models import Organisation
from dspt.support.models import SupportOrganisation


class Topic(models.TextChoices):
    INTRODUCTION = "introduction", "Introduction and registration"
    STAFFING = "staffing", "Staffing, roles, policies and procedures"
    SECURITY = "security", "Data security, IT systems and devices"
    OVERVIEW = "overview", "General overview"


class Event(models.Model):
    """A webinar or workshop. Online events have a joining link shown only to people with a place; others a venue."""

    support_organisation = models.ForeignKey(SupportOrganisation, on_delete=models.CASCADE, related_name="events")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    topic = models.CharField(max_length=20, choices=Topic.choices)
    starts_at = models.DateTimeField("starts")
    duration_minutes = models.PositiveSmallIntegerField("length in minutes")
    tutor = models.CharField(max_length=150)
    online = models.BooleanField(default=True)
    joining_link = models.URLField("joining link", max_length=500, blank=True)
    venue_address = models.TextField("venue address", max_length=500, blank=True)
    capacity = models.PositiveSmallIntegerField("places")
    area = models.CharField("area it serves", max_length=200, blank=True)
    recording_link = models.URLField("recording link", max_length=500, blank=True)
    slides_link = models.URLField("slides link", max_length=500, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["starts_at"])]

    def __str__(self):
        return self.title

    @property
    def ends_at(self) -> datetime.datetime:
        return self.starts_at + datetime.timedelta(minutes=self.duration_minutes)

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None


class BookingQuerySet(models.QuerySet):
    def holding_places(self):
        """Bookings that hold one of the event's places: booked, or offered a place not yet taken."""
        return self.filter(status__in=Booking.HOLDING)

    def active(self):
        return self.filter(status__in=Booking.ACTIVE)


class Booking(models.Model):
    """One person's place on an event, or their place on its waiting list.

    Each secret (the booking page's, the cancellation link's, a place offer's) exists in clear only in the email
    that carries it; only its SHA-256 hash is stored."""

    BOOKED, WAITING, OFFERED, CANCELLED, LAPSED = "booked", "waiting", "offered", "cancelled", "lapsed"
    STATUSES = [
        (BOOKED, "Booked"),
        (WAITING, "On the waiting list"),
        (OFFERED, "Offered a place"),
        (CANCELLED, "Cancelled"),
        (LAPSED, "Offer lapsed"),
    ]
    HOLDING = (BOOKED, OFFERED)
    ACTIVE = (BOOKED, WAITING, OFFERED)

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="bookings")
    name = models.CharField(max_length=150)
    email = models.EmailField(max_length=254)
    organisation_name = models.CharField("organisation name", max_length=200)
    ods_code = models.CharField("ODS code", max_length=10)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="event_bookings"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=STATUSES)
    created_at = models.DateTimeField(default=timezone.now)
    booked_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    page_token_hash = models.CharField(max_length=64, unique=True)
    cancel_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    offer_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    offered_at = models.DateTimeField(null=True, blank=True)
    offer_expires_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(null=True, blank=True)

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(status__in=["booked", "waiting", "offered"]),
                name="one_active_booking_per_email",
            )
        ]
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self):
        return f"{self.name} on {self.event}"
