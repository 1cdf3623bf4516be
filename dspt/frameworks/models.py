"""The DSPT question sets, one version per toolkit year, loaded from content/frameworks/*.yaml.

Rows are keyed by (year, ref) and only ever written by the loader (frameworks/loader.py).
"""

from django.db import models
from django.utils import timezone

from dspt.frameworks import answer_types, calendar


class FrameworkVersionQuerySet(models.QuerySet):
    def current(self, today=None):
        """The toolkit year organisations answer and publish now (frameworks/calendar.py; None if none loaded)."""
        return calendar.current_of(list(self.order_by("year")), today or timezone.localdate())


class FrameworkVersion(models.Model):
    year = models.CharField(max_length=7, unique=True, help_text="e.g. 2025-26")
    version = models.CharField(max_length=10, blank=True, help_text="The national version, e.g. v8")
    title = models.CharField(max_length=200)
    published_on = models.DateField(null=True, blank=True, help_text="When the year opens: its question set goes live")
    deadline = models.DateField(help_text="Publication deadline, normally 30 June")
    provisional = models.BooleanField(
        default=False, help_text="Built from the previous year until the national question set for it is out"
    )
    previous = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    thresholds = models.JSONField(default=dict)
    source_hash = models.CharField(max_length=64, help_text="SHA-256 of the file it was loaded from")
    loaded_at = models.DateTimeField(auto_now=True)

    objects = FrameworkVersionQuerySet.as_manager()

    class Meta:
        ordering = ["year"]

    def __str__(self):
        return self.title


class Standard(models.Model):
    framework = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="standards")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=120)
    summary = models.TextField(blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["framework", "number"], name="one_standard_number_per_year")]

    def __str__(self):
        return f"{self.number}. {self.title}"


class Group(models.Model):
    framework = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="groups")
    slug = models.SlugField(max_length=40)
    title = models.CharField(max_length=80)
    summary = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["order"]
        constraints = [models.UniqueConstraint(fields=["framework", "slug"], name="one_group_slug_per_year")]

    def __str__(self):
        return self.title


class QuestionQuerySet(models.QuerySet):
    def asked(self):
        """The questions the year asks now (without those withdrawn when its file was revised)."""
        return self.filter(withdrawn_at__isnull=True)


class Question(models.Model):
    # A question's level: the lowest status that needs it answered acceptably (assessments.rules.needed_for says
    # which levels each status needs). Not statuses themselves: those are assessments.rules.APPROACHING and so on.
    LEVEL_APPROACHING, LEVEL_MET, LEVEL_OPTIONAL = "approaching", "met", "optional"
    LEVELS = [
        (LEVEL_APPROACHING, "Needed for Approaching Standards"),
        (LEVEL_MET, "Needed for Standards Met"),
        (LEVEL_OPTIONAL, "Optional"),
    ]
    # What each answer type is and does is its entry in the registry (frameworks/answer_types).
    CONFIRM, YES_NO, TEXT = answer_types.CONFIRM, answer_types.YES_NO, answer_types.TEXT
    DATE, NUMBER, PERCENTAGE = answer_types.DATE, answer_types.NUMBER, answer_types.PERCENTAGE
    ICO_NUMBER, CHOICE, DOCUMENT = answer_types.ICO_NUMBER, answer_types.CHOICE, answer_types.DOCUMENT
    UNCHANGED, REWORDED, NEW = "unchanged", "reworded", "new"
    CHANGES = [(UNCHANGED, "Unchanged"), (REWORDED, "Reworded"), (NEW, "New")]

    framework = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="questions")
    ref = models.CharField(max_length=12)
    position = models.PositiveSmallIntegerField(help_text="Order of the national toolkit's screens")
    standard = models.ForeignKey(Standard, on_delete=models.PROTECT, related_name="questions")
    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="questions")
    subgroup = models.CharField(max_length=120, blank=True)
    level = models.CharField(max_length=12, choices=LEVELS)
    level_confirmed = models.BooleanField(default=True)
    level_note = models.TextField(blank=True)
    # No choices here: the loader accepts only registered types, so adding a type needs no migration.
    answer_type = models.CharField(max_length=12, help_text="A key of the answer-type registry")
    text = models.TextField()
    rules = models.JSONField(
        default=dict,
        help_text="Type-specific checks: explanation_required_on_no, acceptable, not_applicable_allowed, choices, "
        "minimum, max_age_months, min_length",
    )
    guidance = models.JSONField(default=dict)
    change_status = models.CharField(max_length=10, choices=CHANGES, blank=True)
    previous_ref = models.CharField(max_length=12, blank=True)
    change_note = models.TextField(blank=True)
    withdrawn_at = models.DateTimeField(
        null=True, blank=True, help_text="Taken out of the year's file after people had answered it: kept, read-only"
    )

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["framework", "ref"], name="one_question_ref_per_year")]

    def __str__(self):
        return f"{self.ref} {self.text[:60]}"


class RemovedQuestion(models.Model):
    """A question of the previous year that this year's set no longer asks."""

    framework = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="removed")
    ref = models.CharField(max_length=12)
    note = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["framework", "ref"], name="one_removal_per_ref")]

    def __str__(self):
        return f"{self.ref} removed in {self.framework.year}"
