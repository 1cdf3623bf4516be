"""An organisation's assessment for one toolkit year: its answers, their versions and evidence files."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from dspt.frameworks.models import FrameworkVersion, Question
from dspt.organisations.models import Organisation


class AssessmentQuerySet(models.QuerySet):
    def current(self):
        """The assessment for the current toolkit year (None if that year has not been started)."""
        framework = FrameworkVersion.objects.current()
        if framework is None:
            return None
        return self.select_related("framework", "organisation__profile").filter(framework=framework).first()


class Assessment(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="assessments")
    framework = models.ForeignKey(FrameworkVersion, on_delete=models.PROTECT, related_name="assessments")
    started_from = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["-framework__year"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "framework"], name="one_assessment_per_year"),
        ]

    def __str__(self):
        return f"{self.organisation} {self.framework.year}"

    @property
    def year(self) -> str:
        return self.framework.year


class Answer(models.Model):
    """The current answer to one question. Every save also writes an AnswerVersion."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    value = models.JSONField(default=dict, blank=True)
    comment = models.TextField(blank=True)
    is_draft = models.BooleanField(default=False)
    carried_from_year = models.CharField(max_length=7, blank=True)
    needs_review = models.BooleanField(default=False, help_text="Carried over and not yet confirmed")
    counts_only_after_review = models.BooleanField(
        default=False,
        help_text="Carried over from a changed question (or across a skipped year): does not count until saved",
    )
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assessment", "question"], name="one_answer_per_question")]

    def __str__(self):
        return f"Answer to {self.question.ref}"


class AnswerVersion(models.Model):
    """One saved state of an answer: what it said, who saved it and when. Never edited."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    value = models.JSONField(default=dict, blank=True)
    comment = models.TextField(blank=True)
    is_draft = models.BooleanField(default=False)
    note = models.CharField(max_length=200, blank=True, help_text="e.g. 'Carried over from 2024-25'")
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    saved_by_label = models.CharField(max_length=254)
    saved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["answer", "number"], name="one_version_number_per_answer")]

    def __str__(self):
        return f"Version {self.number} of {self.answer}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Answer versions are never edited")
        super().save(*args, **kwargs)


class Evidence(models.Model):
    """A file attached to an answer. Stored outside the web root; served only to members."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="evidence")
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="evidence")
    stored_name = models.CharField(max_length=100, help_text="Path under PRIVATE_FILES_ROOT")
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    kind = models.CharField(max_length=40, help_text="What the content turned out to be, e.g. 'PDF document'")
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at"]

    def __str__(self):
        return self.original_name
