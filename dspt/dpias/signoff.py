"""Signing a DPIA off: what must be done first, who is suggested to sign, and recording the sign-off."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from dspt.dpias import scoring, screening
from dspt.dpias.models import Dpia
from dspt.dpias.register import DPIAS
from dspt.history.models import ChangeRecord
from dspt.registers import entries
from dspt.registers.models.base import tidy_text
from dspt.ui.presenters import long_date

SECTIONS = ("description", "necessity", "consultation")
ICO_MESSAGE = (
    "At least one risk is still high after the measures you plan. Before going ahead you must talk to the ICO "
    "(Information Commissioner's Office) about it, or reduce the risk further. Once you have the ICO's advice, "
    "say so below."
)


def problems(dpia: Dpia, ico_consulted: bool | None = None) -> list[tuple[str, str]]:
    """What stops the DPIA being signed off, as (step, message) pairs; an empty list means it can be."""
    found = []
    if not screening.is_done(dpia):
        return [("screening", "Answer the screening questions first")]
    if not dpia.dpia_needed:
        return [("screening", "The screening says this project does not need a DPIA, so there is nothing to sign off")]
    for name in SECTIONS:
        if not getattr(dpia, name):
            label = DPIAS.heading(name).lower()
            found.append((name, f"Fill in the {label} before signing off"))
    if not dpia.risks.exists():
        found.append(("risks", "Add at least one risk, with what you will do about it, before signing off"))
    consulted = dpia.ico_consulted if ico_consulted is None else ico_consulted
    if not consulted and any(risk.residual_score == scoring.HIGH for risk in dpia.risks.all()):
        found.append(("ico_consulted", ICO_MESSAGE))
    return found


def suggested_signer(organisation) -> tuple[str, str]:
    """The DPO, or else the IG lead, from the organisation's profile: (name, role); blanks when neither is named."""
    profile = getattr(organisation, "profile", None)
    if profile is None:
        return "", ""
    for role, label in (("dpo", "Data Protection Officer"), ("ig_lead", "Information governance lead")):
        name, title = profile.holder(role)
        if name:
            return name, title or label
    return "", ""


def _history(dpia: Dpia) -> dict[str, str]:
    return {
        "Status": dpia.get_status_display(),
        "Signed off by": dpia.signed_off_by,
        "Signer's role": dpia.signed_off_role,
        "Signed off on": long_date(dpia.signed_off_on) if dpia.signed_off_on else "",
        "Outcome": dpia.get_outcome_display(),
        "Sign-off comments": dpia.sign_off_comments,
        "ICO consulted about high risks": "Yes" if dpia.ico_consulted else "No",
    }


@transaction.atomic
def sign_off(
    dpia: Dpia,
    actor,
    *,
    name: str,
    role: str,
    on: datetime.date,
    outcome: str,
    comments: str = "",
    ico_consulted: bool = False,
) -> Dpia:
    """Record the sign-off. Raises ValidationError (a list of messages) while something is missing."""
    stored = DPIAS.entries(dpia.organisation).select_for_update().get(pk=dpia.pk)
    refused = problems(stored, ico_consulted=ico_consulted or stored.ico_consulted)
    if refused:
        raise ValidationError([message for _step, message in refused])
    before = _history(stored)
    stored.signed_off_by, stored.signed_off_role = tidy_text(name), tidy_text(role)
    stored.signed_off_on, stored.outcome = on, outcome
    stored.sign_off_comments = tidy_text(comments)
    stored.ico_consulted = stored.ico_consulted or bool(ico_consulted)
    stored.status = Dpia.SIGNED_OFF
    stored.full_clean(exclude=["organisation", "created_by", "updated_by"])
    after = _history(stored)
    changes = {label: [before[label] or None, after[label]] for label in after if before[label] != after[label]}
    if changes:
        stored.updated_at, stored.updated_by = timezone.now(), actor
        stored.save()
        entries.record(DPIAS, stored, actor, ChangeRecord.UPDATED, changes)
    return stored
