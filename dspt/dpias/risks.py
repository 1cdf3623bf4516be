"""Adding, changing and removing a DPIA's risks, each kept in the DPIA's history (labels as people read them)."""

from django.db import transaction
from django.utils import timezone

from dspt.dpias import scoring
from dspt.dpias.models import Dpia, Risk
from dspt.dpias.register import DPIAS
from dspt.history.models import ChangeRecord
from dspt.registers import entries
from dspt.registers.models.base import tidy_text

FIELDS = (
    "description",
    "likelihood",
    "severity",
    "mitigation",
    "residual_likelihood",
    "residual_severity",
    "measure_approved",
)


def values_for_history(risk: Risk) -> dict[str, str]:
    """The risk as people read it, scores included, keyed by heading."""
    shown = {}
    for name in FIELDS:
        field = Risk._meta.get_field(name)
        value = getattr(risk, name)
        if field.choices:
            value = dict(field.flatchoices).get(value, value or "")
        elif isinstance(value, bool) or value is None:
            value = {True: "Yes", False: "No"}.get(value, "")
        shown[field.verbose_name.capitalize()] = str(value)
        if name == "severity":
            shown["Overall risk"] = risk.score_label()
        if name == "residual_severity":
            shown["Overall risk afterwards"] = risk.residual_label()
    return shown


def _labelled(risk: Risk, changes: dict) -> dict:
    return {f"Risk '{risk.short}': {label.lower()}": values for label, values in changes.items()}


def _set(risk: Risk, values: dict) -> None:
    for name in FIELDS:
        if name in values:
            value = values[name]
            setattr(risk, name, tidy_text(value) if name in ("description", "mitigation") else value)
    risk.full_clean(exclude=["dpia"])


REOPENED = "In progress: the risks changed after sign-off, so it needs signing off again"


def _touch(dpia: Dpia, actor) -> tuple[Dpia, dict]:
    """Mark the DPIA changed; a signed-off DPIA whose risks change goes back to in progress (its sign-off no longer
    covers what it says). Returns the DPIA and the change to record for that, if any."""
    stored = DPIAS.entries(dpia.organisation).select_for_update().get(pk=dpia.pk)
    stored.updated_at, stored.updated_by = timezone.now(), actor
    reopened = {}
    if stored.status == Dpia.SIGNED_OFF:
        reopened = {"Status": [stored.get_status_display(), REOPENED]}
        stored.status = Dpia.IN_PROGRESS
    stored.save(update_fields=["updated_at", "updated_by", "status"])
    return stored, reopened


@transaction.atomic
def add(dpia: Dpia, actor, values: dict) -> Risk:
    """Add a risk to the DPIA. Raises ValidationError ({field: [errors]}) when a value is missing or wrong."""
    stored, reopened = _touch(dpia, actor)
    risk = Risk(dpia=stored)
    _set(risk, values)
    risk.save()
    added = {label: [None, value] for label, value in values_for_history(risk).items() if value}
    entries.record(DPIAS, stored, actor, ChangeRecord.UPDATED, _labelled(risk, added) | reopened)
    return risk


@transaction.atomic
def change(risk: Risk, actor, values: dict) -> Risk:
    """Change a risk and record what changed; changing nothing records nothing."""
    stored = Risk.objects.select_for_update().get(pk=risk.pk)
    before = values_for_history(stored)
    label_before = stored.short
    _set(stored, values)
    after = values_for_history(stored)
    changes = {label: [before[label], after[label]] for label in after if before[label] != after[label]}
    if not changes:
        return stored
    stored.save()
    dpia, reopened = _touch(stored.dpia, actor)
    named = {f"Risk '{label_before}': {label.lower()}": values for label, values in changes.items()}
    entries.record(DPIAS, dpia, actor, ChangeRecord.UPDATED, named | reopened)
    return stored


@transaction.atomic
def remove(risk: Risk, actor) -> None:
    """Take a risk out of the DPIA; the history keeps what it said."""
    stored = Risk.objects.select_for_update().get(pk=risk.pk)
    dpia, reopened = _touch(stored.dpia, actor)
    gone = {label: [value, None] for label, value in values_for_history(stored).items() if value}
    record = _labelled(stored, gone)
    stored.delete()
    entries.record(DPIAS, dpia, actor, ChangeRecord.UPDATED, record | reopened)


def highest_residual(dpia: Dpia) -> str:
    levels = [risk.residual_score for risk in dpia.risks.all()]
    for level in (scoring.HIGH, scoring.MEDIUM, scoring.LOW):
        if level in levels:
            return level
    return ""
