"""Staff training entries for tests, made through the registers' own rules (entries.add); the walks' examples."""

import datetime

from django.utils import timezone

from dspt.registers import entries
from dspt.training import confirmations
from dspt.training.spec import STAFF_TRAINING

PERSON = {"name": "Sam Jones", "job_role": "Care worker", "email": "sam@care.example"}


def add_staff(organisation, user, **values):
    return entries.add(STAFF_TRAINING, organisation, user, PERSON | values)


def trained_staff(organisation, user, **values):
    return add_staff(
        organisation, user, training_completed_on=timezone.localdate() - datetime.timedelta(days=30), **values
    )


EXAMPLES = {"staff-training": lambda org, owner, made: trained_staff(org, owner)}


def walk_placeholders(org, owner, made) -> dict:
    """The member of staff in the walk's confirmation-link page, and a link made for them (not in any URL the walk
    fills, but so that the isolation walk's other organisation has one too)."""
    staff = made["staff-training"]
    confirmations.create_link(staff, owner)
    return {"<int:staff_id>": staff.pk}
