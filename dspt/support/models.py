"""A support organisation, its staff, its cohort and the consents providers give it (ADR 13)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from dspt.organisations.models import Organisation


class SupportOrganisation(models.Model):
    """A body that helps providers with the toolkit, such as a county care association. Its pages are under
    /s/<slug>/; its contact details show on the pages of the providers it supports."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    area = models.CharField("area it serves", max_length=200, blank=True, help_text="For example, Hertfordshire")
    phone = models.CharField("phone line", max_length=40, blank=True)
    email = models.EmailField("email address", blank=True)
    hours = models.CharField("when the phone line is open", max_length=200, blank=True)
    website = models.URLField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class SupportMembership(models.Model):
    """A member of a support organisation's staff. A programme lead manages the cohort, staff and events; an
    adviser works with providers."""

    ADVISER, LEAD = "adviser", "lead"
    ROLES = [(ADVISER, "Adviser"), (LEAD, "Programme lead")]
    RANK = {ADVISER: 1, LEAD: 2}

    support_organisation = models.ForeignKey(SupportOrganisation, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="support_memberships")
    role = models.CharField(max_length=10, choices=ROLES, default=ADVISER)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["support_organisation", "user"], name="one_support_membership_each")
        ]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()}, {self.support_organisation})"

    def can(self, role: str) -> bool:
        return self.RANK[self.role] >= self.RANK[role]

    @property
    def is_lead(self) -> bool:
        return self.role == self.LEAD


class CohortEntry(models.Model):
    """A provider the support organisation supports, by ODS code, whether or not it has registered here."""

    support_organisation = models.ForeignKey(SupportOrganisation, on_delete=models.CASCADE, related_name="cohort")
    ods_code = models.CharField("ODS code", max_length=10)
    name = models.CharField(max_length=200)
    postcode = models.CharField(max_length=10, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "ods_code"]
        constraints = [
            models.UniqueConstraint(fields=["support_organisation", "ods_code"], name="one_cohort_entry_per_code")
        ]

    def __str__(self):
        return f"{self.name} ({self.ods_code})"


class ConsentQuerySet(models.QuerySet):
    def live(self):
        return self.filter(withdrawn_at=None)


class Consent(models.Model):
    """A provider lets a support organisation, or its head office, see its progress (never its answers), until it
    withdraws. Exactly one of the two is set: the same consent, given and withdrawn the same way (ADR 13)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="support_consents")
    support_organisation = models.ForeignKey(
        SupportOrganisation, on_delete=models.CASCADE, null=True, blank=True, related_name="consents"
    )
    head_office = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="branch_consents"
    )
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    granted_at = models.DateTimeField(default=timezone.now)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "support_organisation"],
                condition=Q(withdrawn_at=None),
                name="one_live_consent_each",
            ),
            models.UniqueConstraint(
                fields=["organisation", "head_office"],
                condition=Q(withdrawn_at=None, head_office__isnull=False),
                name="one_live_head_office_consent_each",
            ),
            models.CheckConstraint(
                condition=Q(support_organisation__isnull=False, head_office=None)
                | Q(support_organisation=None, head_office__isnull=False),
                name="consent_to_one_recipient",
            ),
        ]

    def __str__(self):
        return f"{self.organisation} to {self.recipient}"

    @property
    def recipient(self):
        return self.support_organisation or self.head_office
