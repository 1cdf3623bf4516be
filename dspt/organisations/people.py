"""The people of an organisation: who administers it, changing roles, removing people, and the two-factor rule.

(Joining one is in joining.py.) Views call these; tests call them directly.
"""

from django.db import transaction
from django.utils import timezone

from dspt.accounts.models import EmailLink, User
from dspt.history.models import ChangeRecord
from dspt.history.record import record_change
from dspt.organisations.models import JoinLink, Membership, Organisation


class RuleBroken(Exception):
    """A change that would break a rule; the message says what to do instead."""


def admins(organisation: Organisation):
    return User.objects.filter(
        memberships__organisation=organisation, memberships__role=Membership.ADMIN, is_active=True
    )


def two_factor_required(user: User) -> bool:
    """True when any organisation the person belongs to requires two-factor sign-in (accounts asks, via mfa)."""
    return Membership.objects.filter(user=user, organisation__require_two_factor=True).exists()


def cancel_invitations(organisation: Organisation, email: str) -> int:
    """Use up every pending invitation of this address to this organisation (when removed, or cancelled)."""
    return EmailLink.objects.filter(
        purpose=JoinLink.INVITE, join__organisation=organisation, email=email.lower(), used_at__isnull=True
    ).update(used_at=timezone.now())


def sole_administrator(organisation: Organisation) -> Membership | None:
    """The organisation's administrator when it has only one: they cannot be removed nor given another role."""
    administrators = list(Membership.objects.filter(organisation=organisation, role=Membership.ADMIN)[:2])
    return administrators[0] if len(administrators) == 1 else None


def _lock(organisation_id: int) -> None:
    """Serialise changes to an organisation's people, so two administrators cannot remove each other at once."""
    Organisation.objects.select_for_update().filter(pk=organisation_id).first()


def _other_admins(membership: Membership) -> bool:
    return (
        Membership.objects.filter(organisation_id=membership.organisation_id, role=Membership.ADMIN)
        .exclude(pk=membership.pk)
        .exists()
    )


@transaction.atomic
def change_role(membership: Membership, role: str, by: User) -> None:
    _lock(membership.organisation_id)
    membership = Membership.objects.select_for_update().select_related("user").get(pk=membership.pk)
    if role == membership.role:
        return
    if membership.role == Membership.ADMIN and not _other_admins(membership):
        raise RuleBroken(f"{membership.user.email} is the only administrator. Make someone else an administrator first")
    old = membership.get_role_display()
    membership.role = role
    membership.save(update_fields=["role"])
    record_change(
        actor=by,
        organisation=membership.organisation,
        area="People",
        action=ChangeRecord.UPDATED,
        obj=membership,
        label=membership.user.email,
        changes={"Role": [old, membership.get_role_display()]},
    )


@transaction.atomic
def remove(membership: Membership, by: User) -> None:
    _lock(membership.organisation_id)
    membership = Membership.objects.select_for_update().select_related("user", "organisation").get(pk=membership.pk)
    if membership.role == Membership.ADMIN and not _other_admins(membership):
        raise RuleBroken(
            f"{membership.user.email} is the only administrator. Make someone else an administrator before "
            "removing them"
        )
    record_change(
        actor=by,
        organisation=membership.organisation,
        area="People",
        action=ChangeRecord.DELETED,
        obj=membership,
        label=membership.user.email,
        changes={"Role": [membership.get_role_display(), None]},
    )
    cancel_invitations(membership.organisation, membership.user.email)
    membership.delete()


@transaction.atomic
def set_require_two_factor(organisation: Organisation, required: bool, by: User) -> None:
    if organisation.require_two_factor == required:
        return
    organisation.require_two_factor = required
    organisation.save(update_fields=["require_two_factor"])
    record_change(
        actor=by,
        organisation=organisation,
        area="Security",
        action=ChangeRecord.UPDATED,
        obj=organisation,
        changes={"Two-factor sign-in required for everyone": [not required, required]},
    )
