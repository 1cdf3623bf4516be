"""Joining an organisation: registering one by its ODS code, invitations, and asking to be invited.

Registration and invitation links are accounts' emailed links (dspt/accounts/link_tokens.py); a JoinLink keeps
what each is for. Views call these; tests call them directly.
"""

from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from dspt.accounts import link_tokens, request_limits
from dspt.accounts.models import EmailLink, User
from dspt.history.models import ChangeRecord
from dspt.history.record import record_change
from dspt.lib import emails
from dspt.organisations import people
from dspt.organisations.models import JoinLink, JoinRequest, Membership, OdsEntry, Organisation, Profile

REGISTER, INVITE = JoinLink.REGISTER, JoinLink.INVITE
JOIN_REQUESTS_PER_DAY = 10

# What each role can do, in the words of an invitation: "… has invited you to join X as {role}."
ROLE_IN_INVITATIONS = {
    Membership.ADMIN: "an administrator: you will be able to invite people, change the organisation's details and "
    "publish its toolkit, as well as answer questions",
    Membership.MEMBER: "a member: you will be able to answer questions and keep the registers up to date",
    Membership.VIEWER: "a viewer: you will be able to read everything, but not change anything",
}


class TooManyInvitations(people.RuleBroken):
    """An administrator, or their organisation, has sent its day's share of invitations."""


def directory_loaded() -> bool:
    return OdsEntry.objects.imported().exists()


def registered(ods_code: str) -> Organisation | None:
    """The organisation registered with this code, if any (used before anyone is a member)."""
    return Organisation.objects.filter(ods_code=ods_code).first()


def directory_name(ods_code: str) -> str:
    entry = OdsEntry.objects.filter(code=ods_code).only("name").first()
    return entry.name if entry else ""


# ---- registering and joining ----------------------------------------------------------------------------------


def send_registration_link(email: str, ods_code: str, client: str | None = None) -> None:
    """Email a registration link. `client` (request_limits.client_address) counts towards that client's hourly
    limit (request_limits.TooManyRequests); the address's own limit raises link_tokens.TooManyLinks."""
    request_limits.count_request(REGISTER, client)
    _link, token = issue(REGISTER, email, ods_code=ods_code)
    emails.registration_link(
        email,
        link_tokens.url_for(token),
        ods_code,
        directory_name(ods_code),
        settings.EMAIL_LINK_VALID_HOURS,
    )


# What apps above organisations do when an organisation is registered (verification puts it in the operators' queue),
# added from their AppConfig.ready() so that organisations never imports them.
_when_registered: list[Callable[[Organisation, User], object]] = []


def when_registered(action: Callable[[Organisation, User], object]) -> None:
    if action not in _when_registered:
        _when_registered.append(action)


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
    for action in _when_registered:
        action(organisation, user)
    return organisation


@transaction.atomic
def join(organisation: Organisation, user: User, role: str) -> Membership:
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


# ---- asking to be invited -------------------------------------------------------------------------------------


def ask_to_join(organisation: Organisation, requester_email: str, client: str | None = None) -> None:
    """Email the organisation's administrators; never tell the requester who they are.

    Each request is kept (administrators see it on the People page) and counts towards the hourly limit of
    emails for the requester's address, and of requests from `client`, so the form cannot be used to flood an
    organisation.
    """
    request_limits.count_request("join", client)
    link_tokens.check_limit(requester_email)
    # Whatever addresses someone types, an organisation's administrators get a few of these a day at most.
    since = timezone.now() - timedelta(days=1)
    if organisation.join_requests.filter(created_at__gte=since).count() >= JOIN_REQUESTS_PER_DAY:
        raise link_tokens.TooManyLinks(requester_email)
    JoinRequest.objects.create(organisation=organisation, email=requester_email.lower())
    people_url = settings.SITE_URL + reverse("organisations:people", args=[organisation.ods_code])
    emails.join_request([a.email for a in people.admins(organisation)], requester_email, organisation, people_url)


def join_requests_sent(email: str, since: datetime) -> int:
    """Join requests count towards the requester's hourly limit of emails (see link_tokens.count_emails_with)."""
    return JoinRequest.objects.filter(email=email, created_at__gte=since).count()


# ---- invitations ----------------------------------------------------------------------------------------------


def check_invitation_limits(organisation: Organisation, by: User) -> None:
    """Raise TooManyInvitations when `by`, or the organisation, has sent its share in the last 24 hours."""
    recent = EmailLink.objects.filter(purpose=INVITE, created_at__gte=timezone.now() - timedelta(days=1))
    sent_by_them = recent.filter(sent_by=by).count()
    if sent_by_them >= settings.INVITATIONS_PER_SENDER_PER_DAY:
        raise TooManyInvitations(
            f"You have sent {sent_by_them} invitations in the last 24 hours, the most one person can send. "
            "Try again tomorrow, or ask another administrator to send this one"
        )
    sent_by_organisation = recent.filter(join__organisation=organisation).count()
    if sent_by_organisation >= settings.INVITATIONS_PER_ORGANISATION_PER_DAY:
        raise TooManyInvitations(
            f"{organisation.name} has sent {sent_by_organisation} invitations in the last 24 hours, the most an "
            "organisation can send. Try again tomorrow"
        )


@transaction.atomic
def invite(organisation: Organisation, email: str, role: str, by: User) -> EmailLink:
    email = email.strip().lower()
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()  # one invitation at a time
    if organisation.memberships.filter(user__email=email).exists():
        raise people.RuleBroken(f"{email} is already a member of {organisation.name}")
    check_invitation_limits(organisation, by)
    link, token = issue(INVITE, email, organisation=organisation, role=role, sent_by=by)
    emails.invitation(
        email,
        link_tokens.url_for(token),
        organisation,
        ROLE_IN_INVITATIONS[role],
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


def pending_invitations(organisation: Organisation):
    """Invitation links not yet used nor expired, newest first (each with its JoinLink as `join`)."""
    return (
        EmailLink.objects.filter(
            join__organisation=organisation,
            purpose=INVITE,
            used_at__isnull=True,
            created_at__gte=timezone.now() - link_tokens.lifetime(),
        )
        .select_related("join")
        .order_by("-created_at")
    )


@transaction.atomic
def cancel_invitation(invitation: EmailLink, by: User) -> None:
    organisation = join_link(invitation).organisation
    people.cancel_invitations(organisation, invitation.email)
    record_change(
        actor=by,
        organisation=organisation,
        area="Invitation",
        action=ChangeRecord.DELETED,
        label=invitation.email,
        changes={"Invitation": ["Sent", "Cancelled"]},
    )


# ---- registration and invitation links, which accounts hands on here (see apps.py) ----------------------------


@transaction.atomic
def issue(
    purpose: str,
    email: str,
    *,
    ods_code: str = "",
    organisation: Organisation | None = None,
    role: str = "",
    sent_by: User | None = None,
) -> tuple[EmailLink, str]:
    """A registration or invitation link, with its secret token (see link_tokens.issue)."""
    link, token = link_tokens.issue(purpose, email, sent_by=sent_by)
    JoinLink.objects.create(link=link, ods_code=ods_code, organisation=organisation, role=role)
    return link, token


def join_link(link: EmailLink) -> JoinLink:
    """What a registration or invitation link is for."""
    return JoinLink.objects.select_related("organisation").get(link=link)


def describe(link: EmailLink) -> str:
    """What using the link does, as a sentence fragment: 'register Fictional House', 'join …'."""
    about = join_link(link)
    if link.purpose == REGISTER:
        return f"register {directory_name(about.ods_code) or about.ods_code}"
    return f"join {about.organisation.name}"


def renewable(link: EmailLink) -> bool:
    """May a fresh copy of this link be sent? Never for a used invitation (the person may have been removed since),
    nor for an invitation whose sender is no longer an administrator; never for an organisation now registered."""
    about = join_link(link)
    if link.purpose == REGISTER:
        return registered(about.ods_code) is None
    if link_tokens.state(link) != link_tokens.EXPIRED or link.sent_by_id is None:
        return False
    return Membership.objects.filter(
        organisation_id=about.organisation_id, user_id=link.sent_by_id, role=Membership.ADMIN
    ).exists()


def resend(link: EmailLink) -> None:
    """Email a fresh link for the same person and purpose (the old one stays as it was)."""
    about = join_link(link)
    _new, token = issue(
        link.purpose,
        link.email,
        ods_code=about.ods_code,
        organisation=about.organisation,
        role=about.role,
        sent_by=link.sent_by,
    )
    url, hours = link_tokens.url_for(token), settings.EMAIL_LINK_VALID_HOURS
    if link.purpose == REGISTER:
        emails.registration_link(link.email, url, about.ods_code, directory_name(about.ods_code), hours)
    else:
        role = ROLE_IN_INVITATIONS.get(about.role, ROLE_IN_INVITATIONS[Membership.MEMBER])
        emails.invitation(link.email, url, about.organisation, role, link.sent_by or link.email, hours)


def accept(link: EmailLink, user: User) -> Organisation:
    """Do what the (just used) link offers: register its organisation with `user` as administrator, or join."""
    about = join_link(link)
    if link.purpose == REGISTER:
        return register_organisation(user, about.ods_code)
    join(about.organisation, user, about.role or Membership.MEMBER)
    return about.organisation


def delete_email_link(sender, instance: JoinLink, **kwargs) -> None:
    """When a JoinLink goes with its organisation, its EmailLink goes too (connected to post_delete in apps.py)."""
    EmailLink.objects.filter(pk=instance.link_id).delete()
