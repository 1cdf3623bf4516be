"""The rules of spot checks: recording what a check found (which moves the next check on by how often it is done),
and what an entry's page shows of its results. Other changes to a spot check are the generic register's (entries)."""

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from dspt.history.models import ChangeRecord
from dspt.registers import entries
from dspt.registers.messages import TEXT_MAX_LENGTH
from dspt.registers.models import SpotCheck, SpotCheckResult
from dspt.registers.models.base import tidy_text
from dspt.registers.specs.spot_checks import SPOT_CHECKS
from dspt.ui.presenters import long_date

OUTCOME_LABELS = dict(SpotCheckResult.OUTCOMES)
RESULT = "Result recorded"


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day when it has fewer days (31 January + 1 = 28 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def item_field(index: int) -> str:
    """The name of a checklist item's answer in the result form and in errors."""
    return f"item_{index}"


def summary(result: SpotCheckResult) -> str:
    """One line about a result, as the history and the evidence pack say it."""
    count = len(result.needing_action)
    needing = {0: "nothing needs action", 1: "1 item needs action"}.get(count, f"{count} items need action")
    return f"Checked on {long_date(result.checked_on)} by {result.checked_by}: {needing}"


def _text(errors: dict, name: str, value, label: str) -> str:
    text = tidy_text(value)
    if len(text) > TEXT_MAX_LENGTH:
        errors[name] = [ValidationError(f"{label} must be {TEXT_MAX_LENGTH:,} characters or fewer")]
    return text


def _checked(check: SpotCheck, *, checked_on, checked_by, outcomes, findings, actions) -> dict:
    """The result's values tidied; ValidationError ({field: [errors]}) naming every problem at once."""
    errors = {}
    if check.is_archived:
        errors["__all__"] = [ValidationError("Restore this spot check before recording a result")]
    if checked_on is None:
        errors["checked_on"] = [ValidationError("Enter the date of the check")]
    elif checked_on > timezone.localdate():
        errors["checked_on"] = [ValidationError("The date of the check must be today or in the past")]
    checked_by = tidy_text(checked_by)
    if not checked_by:
        errors["checked_by"] = [ValidationError("Enter who did the check")]
    elif len(checked_by) > 200:
        errors["checked_by"] = [ValidationError("Who checked must be 200 characters or fewer")]
    items = []
    for index, words in enumerate(check.items):
        outcome = outcomes[index] if index < len(outcomes) else ""
        if outcome not in OUTCOME_LABELS:
            errors[item_field(index)] = [ValidationError(f"Select fine, needs action or not applicable for: {words}")]
        items.append({"item": words, "outcome": outcome})
    findings = _text(errors, "findings", findings, "Findings")
    actions = _text(errors, "actions", actions, "Actions")
    if any(row["outcome"] == SpotCheckResult.ACTION for row in items):
        if not findings and "findings" not in errors:
            errors["findings"] = [ValidationError("Say what you found for the items that need action")]
        if not actions and "actions" not in errors:
            errors["actions"] = [ValidationError("Say what will be done about the items that need action, and by whom")]
    if errors:
        raise ValidationError(errors)
    return {
        "checked_on": checked_on,
        "checked_by": checked_by,
        "items": items,
        "findings": findings,
        "actions": actions,
    }


@transaction.atomic
def record_result(check: SpotCheck, actor, *, checked_on, checked_by, outcomes, findings="", actions=""):
    """Record what a check found: `outcomes` gives each checklist item's outcome (fine, action, na) in order. The
    check is next due its frequency after the date checked. Kept in the check's history. Raises ValidationError."""
    stored = SPOT_CHECKS.entries(check.organisation).select_for_update().get(pk=check.pk)
    values = _checked(
        stored,
        checked_on=checked_on,
        checked_by=checked_by,
        outcomes=list(outcomes),
        findings=findings,
        actions=actions,
    )
    result = SpotCheckResult.objects.create(spot_check=stored, created_by=actor, **values)
    before = stored.next_due
    stored.next_due = add_months(values["checked_on"], stored.frequency)
    stored.updated_at, stored.updated_by = timezone.now(), actor
    stored.save(update_fields=["next_due", "updated_at", "updated_by"])
    changes = {RESULT: [None, summary(result)]}
    if stored.next_due != before:
        changes[SPOT_CHECKS.heading("next_due")] = [long_date(before), long_date(stored.next_due)]
    entries.record(SPOT_CHECKS, stored, actor, ChangeRecord.UPDATED, changes)
    return result


def latest_results(organisation, since: datetime.date):
    """The organisation's results from `since` on, newest first, with their checks (one query)."""
    return (
        SpotCheckResult.objects.filter(spot_check__organisation=organisation, checked_on__gte=since)
        .select_related("spot_check")
        .order_by("-checked_on", "-pk")
    )
