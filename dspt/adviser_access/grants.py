"""The rules for letting an adviser into a provider's workspace: who may be let in (staff of a support organisation
the provider consented to), for how long (1 to 30 days), to do what (see, or see and change) and where (all
sections or chosen ones). Granting, changing and ending are kept in the provider's history."""

import datetime

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from dspt.adviser_access.models import SECTION_KEYS, SECTIONS, Grant
from dspt.history.models import ChangeRecord
from dspt.history.record import record_change
from dspt.support.models import Consent, SupportMembership
from dspt.ui.presenters import long_date

AREA = "Adviser access"
MIN_DAYS, MAX_DAYS = 1, 30
SECTION_LABELS = dict(SECTIONS)


class RuleBroken(Exception):
    """A grant the rules refuse; the message says what to do instead."""


def eligible_advisers(organisation):
    """Staff of the support organisations that may see the organisation's progress (live consent), by name."""
    consenting = Consent.objects.live().filter(organisation=organisation).values("support_organisation_id")
    return (
        SupportMembership.objects.filter(support_organisation_id__in=consenting)
        .select_related("user", "support_organisation")
        .order_by("support_organisation__name", "user__full_name", "user__email")
    )


def _check(organisation, support_membership: SupportMembership, role: str, sections: list[str], days: int):
    if not eligible_advisers(organisation).filter(pk=support_membership.pk).exists():
        raise RuleBroken("You can only let in staff of a support organisation you have agreed can see your progress")
    if role not in dict(Grant.ROLES):
        raise RuleBroken("Choose whether they can only see, or see and change")
    if not isinstance(days, int) or not MIN_DAYS <= days <= MAX_DAYS:
        raise RuleBroken(f"The number of days must be between {MIN_DAYS} and {MAX_DAYS}")
    unknown = [section for section in sections if section not in SECTION_KEYS]
    if unknown:
        raise RuleBroken("Choose sections from the list")


def describe_sections(sections: list[str]) -> str:
    """'everything in the workspace' or 'the assessment and registers' (in the list's order)."""
    if not sections:
        return "every section"
    labels = [SECTION_LABELS[key][0].lower() + SECTION_LABELS[key][1:] for key in SECTION_KEYS if key in sections]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def _summary(grant: Grant) -> dict:
    return {
        "Access": grant.get_role_display(),
        "Sections": describe_sections(grant.sections),
        "Until": long_date(grant.expires_at),
    }


def live_grant(organisation, adviser) -> Grant | None:
    return Grant.objects.live().filter(organisation=organisation, adviser=adviser).first()


@transaction.atomic
def grant(organisation, support_membership: SupportMembership, role: str, sections: list[str], days: int, by) -> Grant:
    """Let the adviser in for `days` days from now; an adviser who is already in has their access changed instead
    (what they can do, where, and until when). `sections` empty means every section."""
    _check(organisation, support_membership, role, sections, days)
    sections = [key for key in SECTION_KEYS if key in set(sections)]
    now = timezone.now()
    adviser = support_membership.user
    label = f"{adviser} of {support_membership.support_organisation}"
    existing = Grant.objects.live(now).select_for_update().filter(organisation=organisation, adviser=adviser).first()
    expires_at = now + datetime.timedelta(days=days)
    if existing is not None:
        before = _summary(existing)
        existing.role, existing.sections, existing.expires_at = role, sections, expires_at
        existing.support_organisation = support_membership.support_organisation
        existing.save(update_fields=["role", "sections", "expires_at", "support_organisation"])
        changes = {key: [before[key], value] for key, value in _summary(existing).items() if before[key] != value}
        record_change(
            actor=by,
            organisation=organisation,
            area=AREA,
            action=ChangeRecord.UPDATED,
            obj=existing,
            label=label,
            changes=changes,
        )
        return existing
    new = Grant.objects.create(
        organisation=organisation,
        support_organisation=support_membership.support_organisation,
        adviser=adviser,
        role=role,
        sections=sections,
        granted_by=by,
        granted_at=now,
        expires_at=expires_at,
    )
    record_change(
        actor=by,
        organisation=organisation,
        area=AREA,
        action=ChangeRecord.CREATED,
        obj=new,
        label=label,
        changes={key: [None, value] for key, value in _summary(new).items()},
    )
    return new


@transaction.atomic
def end(grant_: Grant, by) -> bool:
    """End the access at once. False when it had already ended (or run out)."""
    locked = Grant.objects.select_for_update().select_related("adviser", "support_organisation").get(pk=grant_.pk)
    if not locked.is_live():
        return False
    locked.ended_at, locked.ended_by = timezone.now(), by
    locked.save(update_fields=["ended_at", "ended_by"])
    grant_.ended_at, grant_.ended_by = locked.ended_at, by
    record_change(
        actor=by,
        organisation=locked.organisation,
        area=AREA,
        action=ChangeRecord.UPDATED,
        obj=locked,
        label=f"{locked.adviser} of {locked.support_organisation}",
        changes={"Until": [long_date(locked.expires_at), f"ended {long_date(locked.ended_at)}"]},
    )
    return True


def usable():
    """Live grants that still let their adviser in: the provider's consent to the adviser's support organisation
    lasts and the adviser is still on that organisation's staff."""
    consent = Consent.objects.live().filter(
        organisation_id=OuterRef("organisation_id"), support_organisation_id=OuterRef("support_organisation_id")
    )
    staff = SupportMembership.objects.filter(
        user_id=OuterRef("adviser_id"), support_organisation_id=OuterRef("support_organisation_id")
    )
    return Grant.objects.live().filter(Exists(consent), Exists(staff))


def usable_grants(user):
    return usable().filter(adviser=user)


def usable_grants_for_organisation(organisation):
    return usable().filter(organisation=organisation).order_by("expires_at")


def grants_of(user, support_organisation):
    """An adviser's usable grants from providers, for the list of workspaces they may open (one query)."""
    return (
        usable_grants(user)
        .filter(support_organisation=support_organisation)
        .select_related("organisation")
        .order_by("organisation__name")
    )


def what_they_can(grant_: Grant) -> str:
    """'see and change the assessment and registers', 'see every section'."""
    return f"{'see and change' if grant_.can_change else 'see'} {describe_sections(grant_.sections)}"
