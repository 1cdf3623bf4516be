"""Business rules for organisations and their people. Views call these; tests call them directly."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from dspt.accounts import links
from dspt.accounts.models import EmailLink, User
from dspt.history.models import ChangeRecord
from dspt.history.record import record_change
from dspt.lib import emails
from dspt.organisations.models import JoinRequest, Membership, OdsEntry, Organisation, Profile

JOIN_REQUESTS_PER_DAY = 10


class RuleBroken(Exception):
    """A change that would break a rule; the message says what to do instead."""


def directory_loaded() -> bool:
    return OdsEntry.objects.imported().exists()


def registered(ods_code: str) -> Organisation | None:
    """The organisation registered with this code, if any (used before anyone is a member)."""
    return Organisation.objects.filter(ods_code=ods_code).first()


def directory_name(ods_code: str) -> str:
    entry = OdsEntry.objects.filter(code=ods_code).only("name").first()
    return entry.name if entry else ""


@transaction.atomic
def register_organisation(user: User, ods_code: str) -> Organisation:
    """Create the organisation with `user` as its first administrator."""
    organisation = Organisation.objects.create(ods_code=ods_code, name=directory_name(ods_code) or ods_code)
    Profile.objects.create(organisation=organisation)
    Membership.objects.create(user=user, organisation=organisation, role=Membership.ADMIN)
    record_change(
        actor=user,
        organisation=organisation,
        area="Organisation",
        action=ChangeRecord.CREATED,
        obj=organisation,
        changes={"Registered by": [None, user.email]},
    )
    return organisation


def admins(organisation: Organisation):
    return User.objects.filter(
        memberships__organisation=organisation, memberships__role=Membership.ADMIN, is_active=True
    )


def ask_to_join(organisation: Organisation, requester_email: str) -> None:
    """Email the organisation's administrators; never tell the requester who they are.

    Each request is kept (administrators see it on the People page) and counts towards the hourly limit of
    emails for the requester's address, so the form cannot be used to flood an organisation.
    """
    if links.recently_sent(requester_email) >= settings.EMAIL_LINKS_PER_HOUR:
        raise links.TooManyLinks(requester_email)
    # Whatever addresses someone types, an organisation's administrators get a few of these a day at most.
    since = timezone.now() - timedelta(days=1)
    if organisation.join_requests.filter(created_at__gte=since).count() >= JOIN_REQUESTS_PER_DAY:
        raise links.TooManyLinks(requester_email)
    JoinRequest.objects.create(organisation=organisation, email=requester_email.lower())
    people_url = settings.SITE_URL + reverse("organisations:people", args=[organisation.ods_code])
    emails.join_request([a.email for a in admins(organisation)], requester_email, organisation, people_url)


def pending_invitations(organisation: Organisation):
    return EmailLink.objects.filter(
        organisation=organisation,
        purpose=EmailLink.INVITE,
        used_at__isnull=True,
        created_at__gte=timezone.now() - links.lifetime(),
    ).order_by("-created_at")


def invite(organisation: Organisation, email: str, role: str, by: User) -> EmailLink:
    email = email.strip().lower()
    if organisation.memberships.filter(user__email=email).exists():
        raise RuleBroken(f"{email} is already a member of {organisation.name}")
    link, token = links.issue(EmailLink.INVITE, email, organisation=organisation, role=role, sent_by=by)
    emails.invitation(
        email,
        links.url_for(token),
        organisation,
        dict(Membership.ROLES)[role],
        by,
        settings.EMAIL_LINK_VALID_HOURS,
    )
    record_change(
        actor=by,
        organisation=organisation,
        area="Invitation",
        action=ChangeRecord.CREATED,
        label=email,
        changes={"Invited as": [None, dict(Membership.ROLES)[role]]},
    )
    return link


@transaction.atomic
def join(organisation: Organisation, user: User, role: str, invited_by: User | None) -> Membership:
    membership, created = Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"role": role}
    )
    if created:
        record_change(
            actor=user,
            organisation=organisation,
            area="People",
            action=ChangeRecord.CREATED,
            obj=membership,
            label=user.email,
            changes={"Role": [None, membership.get_role_display()]},
        )
    return membership


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
    links.cancel_invitations(membership.organisation, membership.user.email)
    membership.delete()


@transaction.atomic
def cancel_invitation(invitation: EmailLink, by: User) -> None:
    links.cancel_invitations(invitation.organisation, invitation.email)
    record_change(
        actor=by,
        organisation=invitation.organisation,
        area="Invitation",
        action=ChangeRecord.DELETED,
        label=invitation.email,
        changes={"Invitation": ["Sent", "Cancelled"]},
    )


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
