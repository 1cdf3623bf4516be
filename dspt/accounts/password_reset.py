"""Resetting a forgotten password with an emailed link (accounts' own link purpose)."""

from contextlib import suppress

from django.conf import settings
from django.db import transaction

from dspt.accounts import link_tokens, request_limits
from dspt.accounts.models import EmailLink, User
from dspt.lib import emails

RESET = "reset"


def request_link(email: str, client: str | None = None) -> None:
    """Someone asked to reset the password for `email`: email a link when it has an account.

    The asker is told the same whether or not it has one, and whether or not the address has had its hourly share
    of emails. Only the client's own limit shows (request_limits.TooManyRequests), and it counts every request.
    The email is written to the outbox and sent after the request, so answering takes as long either way.
    """
    email = email.strip().lower()
    request_limits.count_request(RESET, client)
    if User.objects.filter(email=email, is_active=True).exists():
        with suppress(link_tokens.TooManyLinks):
            send_link(email)


def send_link(email: str) -> None:
    """Email a reset link (raises link_tokens.TooManyLinks when the address has had enough this hour)."""
    _link, token = link_tokens.issue(RESET, email)
    emails.password_reset(email, link_tokens.url_for(token), settings.EMAIL_LINK_VALID_HOURS)


@transaction.atomic
def reset(link: EmailLink, user: User, password: str) -> bool:
    """Set the new password and use the link up, with any other reset links sent to the same address.

    False (and nothing changed) when the link was used or expired meanwhile, e.g. in another tab.
    """
    if not link_tokens.consume(link):
        return False
    EmailLink.objects.filter(purpose=RESET, email=link.email, used_at__isnull=True).update(used_at=link.used_at)
    user.set_password(password)
    user.save(update_fields=["password"])
    return True
