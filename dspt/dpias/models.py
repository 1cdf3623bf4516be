"""A Data Protection Impact Assessment (a register entry) and the risks it weighs.

The DPIA's sections (description, necessity and proportionality, consultation, review date) are asked by the
register's generic form; its screening, risks and sign-off have pages of their own and are set only through the
rules in screening.py, risks.py and signoff.py, which keep the history.
"""

from django.db import models
from django.utils import timezone

from dspt.dpias import scoring
from dspt.registers.models.base import Entry, not_in_future


class Dpia(Entry):
    SCREENING, NOT_NEEDED, IN_PROGRESS, SIGNED_OFF = "screening", "not_needed", "in_progress", "signed_off"
    STATUSES = [
        (SCREENING, "Screening not done"),
        (NOT_NEEDED, "Not needed"),
        (IN_PROGRESS, "In progress"),
        (SIGNED_OFF, "Signed off"),
    ]
    APPROVED, CONDITIONS, NOT_APPROVED = "approved", "conditions", "not_approved"
    OUTCOMES = [
        (APPROVED, "Approved"),
        (CONDITIONS, "Approved with conditions"),
        (NOT_APPROVED, "Not approved"),
    ]

    TITLE_FIELD = "name"

    name = models.CharField(
        "project or change",
        max_length=200,
        help_text="For example, moving to a digital care planning system, or putting CCTV in the car park",
        error_messages={"blank": "Enter the project or change this DPIA is about"},
    )
    description = models.TextField(
        "description of the processing",
        blank=True,
        help_text="What you will do with personal information: whose, what kind, where it comes from, who sees it, "
        "where it is kept and for how long",
    )
    necessity = models.TextField(
        "necessity and proportionality",
        blank=True,
        help_text="Why you need to do this, why you cannot do it with less information, and how you will keep "
        "people informed and respect their rights",
    )
    consultation = models.TextField(
        "consultation",
        blank=True,
        help_text="Who you asked and what they said: for example, people we support and their families, staff, "
        "the supplier, your DPO",
    )
    review_date = models.DateField("review date", null=True, blank=True)

    # Set by the screening page (screening.py)
    screening_answers = models.JSONField("screening answers", default=list, blank=True)
    screening_notes = models.TextField("notes on the screening", blank=True)
    screened_at = models.DateTimeField("screened", null=True, blank=True)
    dpia_needed = models.BooleanField("DPIA needed", null=True, blank=True)
    status = models.CharField("status", max_length=20, choices=STATUSES, default=SCREENING)

    # Set by the sign-off page (signoff.py)
    ico_consulted = models.BooleanField("ICO consulted about high risks", default=False)
    signed_off_by = models.CharField("signed off by", max_length=150, blank=True)
    signed_off_role = models.CharField("signer's role", max_length=150, blank=True)
    signed_off_on = models.DateField("signed off on", null=True, blank=True, validators=[not_in_future])
    outcome = models.CharField("outcome", max_length=20, choices=OUTCOMES, blank=True)
    sign_off_comments = models.TextField("sign-off comments", blank=True)

    class Meta:
        verbose_name = "DPIA"
        verbose_name_plural = "DPIAs"
        ordering = ["name", "pk"]


class Risk(models.Model):
    """One risk to people's information that the DPIA weighs, before and after what is done about it."""

    dpia = models.ForeignKey(Dpia, on_delete=models.CASCADE, related_name="risks")
    description = models.TextField(
        "description",
        help_text="What could happen to people's information and how it would affect them",
        error_messages={"blank": "Describe the risk"},
    )
    likelihood = models.CharField(
        "likelihood", max_length=10, choices=scoring.LIKELIHOODS, error_messages={"blank": "Select how likely it is"}
    )
    severity = models.CharField(
        "severity", max_length=12, choices=scoring.SEVERITIES, error_messages={"blank": "Select how severe it would be"}
    )
    mitigation = models.TextField(
        "what you will do about it",
        help_text="The measures that reduce the risk or remove it",
        error_messages={"blank": "Describe what you will do to reduce the risk"},
    )
    residual_likelihood = models.CharField(
        "likelihood afterwards",
        max_length=10,
        choices=scoring.LIKELIHOODS,
        error_messages={"blank": "Select how likely it is once the measures are in place"},
    )
    residual_severity = models.CharField(
        "severity afterwards",
        max_length=12,
        choices=scoring.SEVERITIES,
        error_messages={"blank": "Select how severe it would be once the measures are in place"},
    )
    measure_approved = models.BooleanField(
        "measures approved", null=True, error_messages={"null": "Select yes if the measures are approved"}
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.short

    @property
    def short(self) -> str:
        first = self.description.split("\n")[0]
        return first if len(first) <= 60 else first[:57].rstrip() + "…"

    @property
    def score(self) -> str:
        return scoring.score(self.likelihood, self.severity)

    @property
    def residual_score(self) -> str:
        return scoring.score(self.residual_likelihood, self.residual_severity)

    def score_label(self) -> str:
        return scoring.LEVEL_LABELS.get(self.score, "")

    def residual_label(self) -> str:
        return scoring.LEVEL_LABELS.get(self.residual_score, "")
