"""Emailed links: 24 hours, single use, only a hash stored. The one door for every kind of link."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from dspt.accounts.models import EmailLink

VALID, EXPIRED, USED = "valid", "expired", "used"


class TooManyLinks(Exception):
    """Too many links were sent to one address recently."""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def lifetime() -> timedelta:
    return timedelta(hours=settings.EMAIL_LINK_VALID_HOURS)


def recently_sent(email: str) -> int:
    """How many emails the service sent because someone typed this address, in the last hour."""
    from dspt.organisations.models import JoinRequest

    since = timezone.now() - timedelta(hours=1)
    email = email.lower()
    return (
        EmailLink.objects.filter(email=email, created_at__gte=since).count()
        + JoinRequest.objects.filter(email=email, created_at__gte=since).count()
    )


def issue(purpose: str, email: str, **fields) -> tuple[EmailLink, str]:
    """Create a link and return it with its secret token (the only time the token exists in clear)."""
    if recently_sent(email) >= settings.EMAIL_LINKS_PER_HOUR:
        raise TooManyLinks(email)
    token = secrets.token_urlsafe(32)
    link = EmailLink.objects.create(purpose=purpose, email=email.lower(), token_hash=_hash(token), **fields)
    return link, token


def find(token: str) -> EmailLink | None:
    if not token or len(token) > 100:
        return None
    return EmailLink.objects.select_related("organisation").filter(token_hash=_hash(token)).first()


def get(link_id) -> EmailLink | None:
    return EmailLink.objects.select_related("organisation").filter(pk=link_id).first() if link_id else None


def state(link: EmailLink) -> str:
    if link.used_at is not None:
        return USED
    if timezone.now() > link.created_at + lifetime():
        return EXPIRED
    return VALID


def expires_at(link: EmailLink):
    return link.created_at + lifetime()


def consume(link: EmailLink) -> bool:
    """Mark the link used. False when it was already used or has expired (e.g. a second tab got there first).

    Using a password-reset link also uses up any other reset links sent to the same address.
    """
    now = timezone.now()
    updated = EmailLink.objects.filter(pk=link.pk, used_at__isnull=True, created_at__gte=now - lifetime()).update(
        used_at=now
    )
    if updated:
        link.used_at = now
        if link.purpose == EmailLink.RESET:
            EmailLink.objects.filter(purpose=EmailLink.RESET, email=link.email, used_at__isnull=True).update(
                used_at=now
            )
    return bool(updated)


def renewable(link: EmailLink) -> bool:
    """May a fresh copy of this link be sent? Never for a used invitation (the person may have been removed since),
    nor for an invitation whose sender is no longer an administrator; never for an organisation now registered."""
    from dspt.organisations.models import Membership, Organisation

    if link.purpose == EmailLink.REGISTER:
        return not Organisation.objects.filter(ods_code=link.ods_code).exists()
    if link.purpose == EmailLink.INVITE:
        if state(link) != EXPIRED or link.sent_by_id is None:
            return False
        return Membership.objects.filter(
            organisation_id=link.organisation_id, user_id=link.sent_by_id, role=Membership.ADMIN
        ).exists()
    return True


def cancel_invitations(organisation, email: str) -> int:
    """Use up every pending invitation of this address to this organisation (when removed, or cancelled)."""
    return EmailLink.objects.filter(
        purpose=EmailLink.INVITE, organisation=organisation, email=email.lower(), used_at__isnull=True
    ).update(used_at=timezone.now())


def renew(link: EmailLink) -> tuple[EmailLink, str]:
    """A fresh link for the same person and purpose (the old one stays as it was)."""
    return issue(
        link.purpose,
        link.email,
        ods_code=link.ods_code,
        organisation=link.organisation,
        role=link.role,
        sent_by=link.sent_by,
    )


def url_for(token: str) -> str:
    return f"{settings.SITE_URL}/link/{token}/"
