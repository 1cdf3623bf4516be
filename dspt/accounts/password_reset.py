"""Resetting a forgotten password with an emailed link (accounts' own link purpose)."""

from django.conf import settings
from django.db import transaction

from dspt.accounts import link_tokens
from dspt.accounts.models import EmailLink, User
from dspt.lib import emails

RESET = "reset"


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
