"""The staff training register (DSPT 3.2.1, with 1.1.5 and 3.1.1 nearby) and the one-time links through which a
member of staff confirms, without an account, what they have read and done (see docs/adr/0009-staff-confirmations.md).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from dspt.organisations.models import Organisation
from dspt.registers.models.base import Entry, not_in_future


class StaffMember(Entry):
    TITLE_FIELD = "name"

    name = models.CharField(
        "name",
        max_length=200,
        help_text="Their full name, as on your staff list",
        error_messages={"blank": "Enter the person's name"},
    )
    job_role = models.CharField(
        "job role", max_length=200, blank=True, help_text="For example, care worker, senior carer, cook, trustee"
    )
    email = models.EmailField(
        "email address",
        max_length=254,
        blank=True,
        help_text="Only needed to email them a confirmation link",
        error_messages={"invalid": "Enter an email address in the right format, like name@example.com"},
    )
    started_on = models.DateField("started on", null=True, blank=True)
    left_on = models.DateField(
        "left on",
        null=True,
        blank=True,
        validators=[not_in_future],
        help_text="Leave empty while they work for you. People who have left are not counted",
    )
    training_completed_on = models.DateField(
        "data security training completed on",
        null=True,
        blank=True,
        validators=[not_in_future],
        help_text="The day they last finished data security and protection training. It counts for 12 months",
    )
    training_course = models.CharField(
        "course or provider",
        max_length=200,
        blank=True,
        help_text="For example, Data Security Awareness e-learning, or the Digital Care Hub discussion tool",
    )
    confidentiality_confirmed_on = models.DateField(
        "confidentiality clause confirmed on", null=True, blank=True, validators=[not_in_future]
    )
    policy_read_on = models.DateField(
        "data protection policy read on", null=True, blank=True, validators=[not_in_future]
    )

    class Meta:
        verbose_name = "member of staff"
        verbose_name_plural = "staff"
        ordering = ["name", "pk"]

    def clean(self):
        super().clean()
        if self.started_on and self.left_on and self.left_on < self.started_on:
            raise ValidationError(
                {"left_on": ValidationError("The date they left must be on or after the date they started", "order")}
            )

    @property
    def first_name(self) -> str:
        return (self.name.split() or [""])[0]


class ConfirmationLink(models.Model):
    """A one-time link for one member of staff. Only a hash of its secret is kept; it runs out at `expires_at`."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    staff = models.ForeignKey(StaffMember, on_delete=models.CASCADE, related_name="confirmation_links")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    expires_at = models.DateTimeField()
    emailed_to = models.EmailField(blank=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["organisation", "created_at"])]

    def __str__(self):
        return f"Confirmation link for {self.staff_id}"
