"""Requests anyone can make that send an email, limited per client address.

Registering, resetting a password, asking to join and asking for a fresh link each email an address someone
typed. link_tokens limits how many one address gets; this limits how many one client can ask for, whatever
addresses it types (settings.EMAIL_REQUESTS_PER_IP_PER_HOUR). The client's address is the one the sign-in lockout
uses: django-axes through django-ipware, which reads X-Forwarded-For only behind PROXY_COUNT proxies.
"""

from datetime import timedelta

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from dspt.accounts.link_tokens import TooManyLinks
from dspt.accounts.models import EmailRequest

UNKNOWN = "unknown"  # a request whose address could not be told: all such share one count
KEPT_FOR = timedelta(days=1)


class TooManyRequests(TooManyLinks):
    """One client has asked for its hourly share of emails."""


def client_address(request: HttpRequest) -> str:
    return get_client_ip_address(request) or UNKNOWN


@transaction.atomic
def count_request(kind: str, client: str | None) -> None:
    """Count a request for an email from this client; raise TooManyRequests (counting nothing) over the limit.

    `client` is client_address(request); None means the request did not come from the web (a command, a test).
    """
    if client is None:
        return
    now = timezone.now()
    EmailRequest.objects.filter(created_at__lt=now - KEPT_FOR).delete()
    recent = EmailRequest.objects.filter(client=client, created_at__gte=now - timedelta(hours=1)).count()
    if recent >= settings.EMAIL_REQUESTS_PER_IP_PER_HOUR:
        raise TooManyRequests(client)
    EmailRequest.objects.create(kind=kind, client=client, created_at=now)


def within_hourly_limit(request: HttpRequest, kind: str, limit: int) -> bool:
    """Count this request of `kind` from its client in the cache (so a GET writes nothing to the database); False once
    the client has made `limit` this clock hour. For public pages opened by a secret link or that book a place. With
    the default per-process cache each server process counts on its own; a shared cache makes it one count."""
    key = f"limit:{kind}:{client_address(request)}:{timezone.now():%Y%m%d%H}"
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # the entry expired between add and incr
        cache.set(key, 1, timeout=3600)
        count = 1
    return count <= limit
