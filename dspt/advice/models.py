"""One-to-one help: surgery slots and their bookings, the contact log, and providers' requests for help."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from dspt.organisations.models import Organisation
from dspt.support.models import SupportOrganisation


class SurgerySlot(models.Model):
    """A time an adviser can see one provider, online (with a joining link) or at a place."""

    support_organisation = models.ForeignKey(
        SupportOrganisation, on_delete=models.CASCADE, related_name="surgery_slots"
    )
    adviser = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    starts_at = models.DateTimeField()
    minutes = models.PositiveSmallIntegerField("length in minutes")
    online_link = models.URLField("joining link", max_length=500, blank=True)
    place = models.CharField("address", max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["support_organisation", "adviser", "starts_at"],
                condition=Q(withdrawn_at=None),
                name="one_live_slot_per_adviser_and_time",
            )
        ]

    def __str__(self):
        return f"Surgery at {timezone.localtime(self.starts_at):%Y-%m-%d %H:%M}"

    @property
    def ends_at(self) -> datetime.datetime:
        return self.starts_at + datetime.timedelta(minutes=self.minutes)

    @property
    def where(self) -> str:
        return "Online" if self.online_link else self.place


class SurgeryBookingQuerySet(models.QuerySet):
    def live(self):
        return self.filter(cancelled_at=None)


class SurgeryBooking(models.Model):
    """A provider's booking of a slot. A slot has at most one live booking (the constraint settles a race)."""

    slot = models.ForeignKey(SurgerySlot, on_delete=models.CASCADE, related_name="bookings")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="surgery_bookings")
    booked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    booked_at = models.DateTimeField(default=timezone.now)
    question_refs = models.CharField("questions", max_length=200, blank=True)
    needs = models.TextField("what you need help with", max_length=2000)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sequence = models.PositiveSmallIntegerField(default=0)  # the calendar entry's version

    objects = SurgeryBookingQuerySet.as_manager()

    class Meta:
        ordering = ["slot__starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["slot"], condition=Q(cancelled_at=None), name="one_live_booking_per_slot")
        ]

    def __str__(self):
        return f"Surgery booking {self.pk}"


class HelpRequest(models.Model):
    """A provider asks its support organisation for help with a question; an adviser replies in the service."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="help_requests")
    support_organisation = models.ForeignKey(
        SupportOrganisation, on_delete=models.CASCADE, related_name="help_requests"
    )
    question_ref = models.CharField("question", max_length=20, blank=True)
    note = models.TextField("what you need help with", max_length=2000)
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    asked_at = models.DateTimeField(default=timezone.now)
    reply = models.TextField(blank=True, max_length=4000)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    replied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-asked_at", "-pk"]

    def __str__(self):
        return f"Help request {self.pk}" + (f" about {self.question_ref}" if self.question_ref else "")


class Contact(models.Model):
    """A note in a support organisation's contact log about one provider of its cohort (by ODS code): a call, an
    email, a surgery or a request for help, with an optional follow-up date."""

    CALL, EMAIL, SURGERY, HELP_REQUEST, VISIT = "call", "email", "surgery", "help", "visit"
    KINDS = [
        (CALL, "Phone call"),
        (EMAIL, "Email"),
        (SURGERY, "Surgery"),
        (HELP_REQUEST, "Request for help"),
        (VISIT, "Visit or meeting"),
    ]

    HELPED, MORE_HELP, NO_SHOW = "helped", "more-help", "no-show"
    OUTCOMES = [
        (HELPED, "Helped: nothing more needed for now"),
        (MORE_HELP, "Helped: they need more help"),
        (NO_SHOW, "They did not come"),
    ]

    support_organisation = models.ForeignKey(SupportOrganisation, on_delete=models.CASCADE, related_name="contacts")
    ods_code = models.CharField("ODS code", max_length=10)
    kind = models.CharField(max_length=10, choices=KINDS)
    happened_on = models.DateField("date")
    with_whom = models.CharField("who you spoke to", max_length=200, blank=True)
    summary = models.TextField(max_length=4000)
    outcome = models.CharField(max_length=12, choices=OUTCOMES, blank=True)
    follow_up_on = models.DateField("follow-up date", null=True, blank=True)
    followed_up_at = models.DateTimeField(null=True, blank=True)
    booking = models.OneToOneField(
        SurgeryBooking, on_delete=models.SET_NULL, null=True, blank=True, related_name="contact"
    )
    help_request = models.OneToOneField(
        HelpRequest, on_delete=models.SET_NULL, null=True, blank=True, related_name="contact"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-happened_on", "-pk"]
        indexes = [models.Index(fields=["support_organisation", "follow_up_on"], name="advice_follow_ups")]

    def __str__(self):
        return f"{self.get_kind_display()} on {self.happened_on}"
