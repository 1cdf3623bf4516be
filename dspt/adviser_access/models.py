"""A provider lets a named adviser of a support organisation into its workspace for a few days (ADR 11)."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from dspt.organisations.models import Membership, Organisation
from dspt.support.models import SupportOrganisation

# The parts of a provider's workspace a grant can cover: the organisation navigation's keys.
SECTIONS = [
    ("assessment", "The assessment"),
    ("registers", "Registers"),
    ("documents", "Documents"),
    ("publish", "Publishing"),
    ("profile", "Organisation profile"),
]
SECTION_KEYS = [key for key, _label in SECTIONS]


class GrantQuerySet(models.QuerySet):
    def live(self, now=None):
        return self.filter(ended_at=None, expires_at__gt=now or timezone.now())

    def past(self, now=None):
        now = now or timezone.now()
        return self.filter(models.Q(ended_at__isnull=False) | models.Q(expires_at__lte=now))


class Grant(models.Model):
    """Access for one adviser to one provider's workspace: to read (viewer) or also to change (member) the chosen
    sections (all of them when `sections` is empty), until `expires_at` or until someone ends it."""

    ROLES = [(Membership.VIEWER, "See only"), (Membership.MEMBER, "See and change")]

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="adviser_grants")
    support_organisation = models.ForeignKey(SupportOrganisation, on_delete=models.CASCADE, related_name="+")
    adviser = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="adviser_grants")
    role = models.CharField(max_length=10, choices=ROLES, default=Membership.VIEWER)
    sections = models.JSONField(default=list, blank=True, help_text="Section keys; empty means every section")
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    granted_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)

    objects = GrantQuerySet.as_manager()

    class Meta:
        ordering = ["-granted_at"]
        indexes = [models.Index(fields=["adviser", "organisation", "expires_at"])]

    def __str__(self):
        return f"{self.adviser} of {self.support_organisation} in {self.organisation}"

    @property
    def all_sections(self) -> bool:
        return not self.sections

    def covers(self, section: str) -> bool:
        return self.all_sections or section in self.sections

    @property
    def can_change(self) -> bool:
        return self.role == Membership.MEMBER

    def is_live(self, now=None) -> bool:
        return self.ended_at is None and self.expires_at > (now or timezone.now())
