"""Emailed links: 24 hours, single use, only a hash stored. The one door for every kind of link.

Accounts knows only the mechanics. What a link is for (a purpose: reset a password, register an organisation,
join one) is registered here by the app that owns it, in its AppConfig.ready(), so accounts never imports them.
"""

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from dspt.accounts.models import EmailLink, User

VALID, EXPIRED, USED = "valid", "expired", "used"


class TooManyLinks(Exception):
    """Too many links were sent to one address recently."""


@dataclass(frozen=True)
class Purpose:
    """What one kind of link is for, and how accounts hands it on to the app that owns it."""

    key: str  # stored in EmailLink.purpose
    label: str  # "Reset password"
    describe: Callable[[EmailLink], str]  # what using it does, to follow "You are about to": "reset your password"
    finish: Callable[[HttpRequest, EmailLink], HttpResponse]  # the /link/continue/ page, which uses the link up
    resend: Callable[[EmailLink], None]  # email a fresh copy to the same address (may raise TooManyLinks)
    renewable: Callable[[EmailLink], bool] = lambda link: True  # may a fresh copy be sent?
    # The template (and its context) that explains, on the expired-or-used page, why no fresh copy is offered.
    not_renewable: Callable[[EmailLink], tuple[str, dict]] | None = None


_purposes: dict[str, Purpose] = {}
_counters: list[Callable[[str, datetime], int]] = []


def add_purpose(purpose: Purpose) -> None:
    _purposes[purpose.key] = purpose


def purpose_of(link: EmailLink) -> Purpose | None:
    return _purposes.get(link.purpose)


def count_emails_with(counter: Callable[[str, datetime], int]) -> None:
    """Add emails another app sends because someone typed an address to that address's hourly limit.

    `counter(email, since)` says how many it sent to `email` since then.
    """
    if counter not in _counters:
        _counters.append(counter)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def lifetime() -> timedelta:
    return timedelta(hours=settings.EMAIL_LINK_VALID_HOURS)


def recently_sent(email: str) -> int:
    """How many emails the service sent because someone typed this address, in the last hour."""
    since = timezone.now() - timedelta(hours=1)
    email = email.lower()
    sent = EmailLink.objects.filter(email=email, created_at__gte=since).count()
    return sent + sum(counter(email, since) for counter in _counters)


def check_limit(email: str) -> None:
    """Raise TooManyLinks when this address has had its hourly share of emails."""
    if recently_sent(email) >= settings.EMAIL_LINKS_PER_HOUR:
        raise TooManyLinks(email)


def issue(purpose: str, email: str, sent_by: User | None = None) -> tuple[EmailLink, str]:
    """Create a link and return it with its secret token (the only time the token exists in clear)."""
    check_limit(email)
    token = secrets.token_urlsafe(32)
    link = EmailLink.objects.create(purpose=purpose, email=email.lower(), token_hash=_hash(token), sent_by=sent_by)
    return link, token


def find(token: str) -> EmailLink | None:
    if not token or len(token) > 100:
        return None
    return EmailLink.objects.filter(token_hash=_hash(token)).first()


def get(link_id) -> EmailLink | None:
    return EmailLink.objects.filter(pk=link_id).first() if link_id else None


def state(link: EmailLink) -> str:
    if link.used_at is not None:
        return USED
    if timezone.now() > link.created_at + lifetime():
        return EXPIRED
    return VALID


def expires_at(link: EmailLink):
    return link.created_at + lifetime()


def consume(link: EmailLink) -> bool:
    """Mark the link used. False when it was already used or has expired (e.g. a second tab got there first)."""
    now = timezone.now()
    updated = EmailLink.objects.filter(pk=link.pk, used_at__isnull=True, created_at__gte=now - lifetime()).update(
        used_at=now
    )
    if updated:
        link.used_at = now
    return bool(updated)


def url_for(token: str) -> str:
    return f"{settings.SITE_URL}/link/{token}/"
