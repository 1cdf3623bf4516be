"""Publishing an assessment: the draft choices, action plans, frozen snapshots, public statuses and reminders."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from dspt.assessments.models import Assessment
from dspt.assessments.rules import STATUS_LABELS
from dspt.organisations.models import Organisation


class ActionPlan(models.Model):
    """What an organisation publishing at Approaching Standards will do about each Standards Met item still open.

    Either lines written in the app (generated from the open questions), or the provider's own uploaded document.
    """

    assessment = models.OneToOneField(Assessment, on_delete=models.CASCADE, related_name="action_plan")
    document_name = models.CharField(max_length=200, blank=True)
    document_stored_name = models.CharField(max_length=100, blank=True)
    document_content_type = models.CharField(max_length=100, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Action plan for {self.assessment}"

    @property
    def uses_document(self) -> bool:
        return bool(self.document_stored_name)


class ActionPlanLine(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="lines")
    ref = models.CharField(max_length=12)
    question_text = models.TextField()
    gap = models.TextField(blank=True, help_text="Why the item is not met yet")
    action = models.TextField(blank=True)
    owner = models.CharField(max_length=150, blank=True)
    target_date = models.DateField(null=True, blank=True)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["plan", "ref"], name="one_plan_line_per_ref")]

    def __str__(self):
        return f"{self.ref}: {self.action[:40]}"

    @property
    def complete(self) -> bool:
        return bool(self.action.strip() and self.owner.strip() and self.target_date)


class PublicationDraft(models.Model):
    """Choices made on the way through the publish journey, kept so nothing is lost between pages."""

    assessment = models.OneToOneField(Assessment, on_delete=models.CASCADE, related_name="publication_draft")
    profile_checked_at = models.DateTimeField(null=True, blank=True)
    branch_codes = models.JSONField(default=list, blank=True)
    branches_chosen = models.BooleanField(default=False)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Publishing draft for {self.assessment}"


class Publication(models.Model):
    """A published assessment: an immutable snapshot of the status, answers, evidence lists and confirmer."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="publications")
    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="publications")
    year = models.CharField(max_length=7)
    status = models.CharField(max_length=12)
    published_at = models.DateTimeField(default=timezone.now, db_index=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    published_by_label = models.CharField(max_length=254)
    confirmer_name = models.CharField(max_length=150)
    confirmer_job_title = models.CharField(max_length=150)
    snapshot = models.JSONField()

    class Meta:
        ordering = ["-published_at", "-id"]

    def __str__(self):
        return f"{self.organisation} {self.year} {self.status}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Publications are never changed: publish again instead")
        super().save(*args, **kwargs)

    @property
    def is_late(self) -> bool:
        """Published after its year's deadline (the deadline as frozen in the snapshot)."""
        deadline = (self.snapshot or {}).get("deadline")
        return bool(deadline) and timezone.localtime(self.published_at).date().isoformat() > deadline

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


class PublishedSite(models.Model):
    """One organisation or site a publication covers (itself, and for a head office the branches it chose)."""

    publication = models.ForeignKey(Publication, on_delete=models.PROTECT, related_name="sites")
    ods_code = models.CharField(max_length=10, db_index=True)
    name = models.CharField(max_length=200)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["publication", "ods_code"], name="one_site_per_publication")]

    def __str__(self):
        return f"{self.ods_code} in {self.publication}"


class NationalPublication(models.Model):
    """The day the provider says it published this publication in the national toolkit too: its own statement,
    never checked by this service. It can be corrected (publication.national records each change in the history)."""

    publication = models.OneToOneField(Publication, on_delete=models.PROTECT, related_name="national")
    published_on = models.DateField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_by_label = models.CharField(max_length=254)
    recorded_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.publication} published in the national toolkit on {self.published_on}"


class PublicStatus(models.Model):
    """The latest published status of one ODS code: what the public search reads (one row per code)."""

    ods_code = models.CharField(max_length=10, unique=True)
    publication = models.ForeignKey(Publication, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=12)
    year = models.CharField(max_length=7)
    published_at = models.DateTimeField()
    published_by_code = models.CharField(
        max_length=10, blank=True, help_text="The head office code when a head office published for this site"
    )

    def __str__(self):
        return f"{self.ods_code}: {self.status} {self.year}"


class Reminder(models.Model):
    """A reminder sent to an organisation's administrators (each kind once per organisation per year)."""

    KINDS = [("open", "When the year opened")]
    KINDS += [(days, f"{days} days before the deadline") for days in ("60", "30", "14", "3")]
    KINDS += [("after", "After the deadline")]

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="reminders")
    year = models.CharField(max_length=7)
    kind = models.CharField(max_length=5, choices=KINDS)
    sent_at = models.DateTimeField(default=timezone.now)
    recipients = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sent_at"]
        constraints = [models.UniqueConstraint(fields=["organisation", "year", "kind"], name="one_reminder_each")]

    def __str__(self):
        return f"{self.get_kind_display()} reminder to {self.organisation} for {self.year}"
