"""The organisation profile: saving a step with its history, and when the profile counts as complete."""

from django.db import transaction
from django.utils import timezone

from dspt.history.models import ChangeRecord
from dspt.history.record import diff, field_values, record_change
from dspt.organisations.models import Organisation, Profile

AREA = "Organisation profile"
# field: what the check-your-answers page calls it when it is missing
NEEDED_TO_CONFIRM = {
    "size": "number of staff",
    "nhsmail_only": "email system",
    "cyber_essentials_plus": "Cyber Essentials Plus",
}


class ProfileIncomplete(Exception):
    """The profile cannot be confirmed yet; `missing` names the answers still needed."""

    def __init__(self, missing: list[str]):
        super().__init__("Answer these questions before saving: " + ", ".join(missing))
        self.missing = missing


def is_complete(profile: Profile) -> bool:
    """Confirmed on the check-your-answers page (publishing needs a complete profile)."""
    return profile.completed_at is not None


def missing_answers(profile: Profile) -> list[str]:
    return [label for name, label in NEEDED_TO_CONFIRM.items() if not getattr(profile, name)]


def values(form, organisation: Organisation) -> dict:
    """The step's answers as shown in history; take them before validation touches the instance."""
    return field_values(form.instance, form.Meta.fields) | {"Organisation name": organisation.name}


@transaction.atomic
def save_step(form, organisation: Organisation, before: dict, by) -> None:
    """Save one valid step of the profile wizard and record what changed since `before` (from values())."""
    form.save()
    record_change(
        actor=by,
        organisation=organisation,
        area=AREA,
        action=ChangeRecord.UPDATED,
        obj=form.instance,
        label=organisation.name,
        changes=diff(before, values(form, organisation)),
    )


@transaction.atomic
def confirm(organisation: Organisation, by) -> None:
    """Mark the profile complete, or raise ProfileIncomplete. Confirming again changes nothing."""
    profile = Profile.objects.select_for_update().get(organisation=organisation)
    missing = missing_answers(profile)
    if missing:
        raise ProfileIncomplete(missing)
    if is_complete(profile):
        return
    profile.completed_at = timezone.now()
    profile.save(update_fields=["completed_at"])
    organisation.profile.completed_at = profile.completed_at
    record_change(
        actor=by,
        organisation=organisation,
        area=AREA,
        action=ChangeRecord.UPDATED,
        obj=profile,
        label=organisation.name,
        changes={"Profile confirmed": [None, "Yes"]},
    )
