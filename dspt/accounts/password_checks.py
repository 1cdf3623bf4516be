"""Asking for a person's password again: to change it, to turn off two-factor sign-in, to confirm an emailed link.

Each try goes through django-axes like signing in, so wrong ones count with sign-in failures (for that email address
from that client) and these pages cannot be used to guess a password once signing in is locked.
"""

from django.contrib.auth import authenticate
from django.http import HttpRequest

from dspt.accounts.models import User


def is_theirs(request: HttpRequest, user: User, password: str) -> bool:
    """True when `password` is the person's.

    A wrong one is recorded as a failed sign-in; once they are locked out even the right one is refused, and
    `locked_out(request)` is true (django-axes' middleware then answers with the locked-out page).
    """
    found = authenticate(request, username=user.email, password=password)
    return found is not None and found.pk == user.pk and not locked_out(request)


def locked_out(request: HttpRequest) -> bool:
    """True when django-axes refused this request's password check because of too many failures."""
    return bool(getattr(request, "axes_locked_out", False))
