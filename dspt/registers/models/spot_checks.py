"""Spot-check audits: a schedule of checks that policies are followed (a walk round with a checklist), and the
results recorded for each (DSPT 1.3.2 and the questions on paper records, buildings and passwords)."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from dspt.registers import checklists
from dspt.registers.models.base import Entry

FREQUENCIES = [(1, "Every month"), (3, "Every 3 months"), (6, "Every 6 months"), (12, "Every year")]


class SpotCheck(Entry):
    TITLE_FIELD = "title"
    TITLE_UNIQUE = True

    title = models.CharField(
        "area or title",
        max_length=200,
        help_text="What is checked where, for example, 'Office clear desk' or 'Nurses' station screens'",
        error_messages={"blank": "Enter the area or a title for the check"},
    )
    checklist = models.CharField(
        "checklist",
        max_length=30,
        choices=checklists.CHOICES,
        error_messages={"blank": "Select the checklist to use"},
    )
    frequency = models.PositiveSmallIntegerField(
        "how often",
        choices=FREQUENCIES,
        error_messages={"blank": "Select how often the check is done", "null": "Select how often the check is done"},
    )
    next_due = models.DateField(
        "next due",
        help_text="Recording a result moves this on by how often the check is done",
        error_messages={"blank": "Enter when the check is next due", "null": "Enter when the check is next due"},
    )
    responsible = models.CharField(
        "who does it", max_length=200, blank=True, help_text="A name or a role, like 'Deputy manager'"
    )

    class Meta:
        verbose_name = "spot check"
        ordering = ["title", "pk"]

    def is_overdue(self, today) -> bool:
        return not self.is_archived and self.next_due is not None and self.next_due < today

    @property
    def items(self) -> tuple[str, ...]:
        found = checklists.BY_CODE.get(self.checklist)
        return found.items if found else ()


class SpotCheckResult(models.Model):
    """What one check found: each checklist item's outcome (with the item's words as they were), findings, actions."""

    FINE, ACTION, NOT_APPLICABLE = "fine", "action", "na"
    OUTCOMES = [(FINE, "Fine"), (ACTION, "Needs action"), (NOT_APPLICABLE, "Not applicable")]

    spot_check = models.ForeignKey(SpotCheck, on_delete=models.CASCADE, related_name="results")
    checked_on = models.DateField("date checked")
    checked_by = models.CharField("who checked", max_length=200)
    items = models.JSONField(default=list, help_text='[{"item": words, "outcome": "fine"/"action"/"na"}, ...]')
    findings = models.TextField("findings", blank=True)
    actions = models.TextField("actions", blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["-checked_on", "-pk"]

    def __str__(self):
        return f"{self.spot_check} on {self.checked_on}"

    @property
    def needing_action(self) -> list[str]:
        return [row["item"] for row in self.items if row.get("outcome") == self.ACTION]
