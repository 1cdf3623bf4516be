"""How often one client may open the events' link pages or book: enough for an office sharing one address, too few
to try secrets or flood people with emails. Counted in the cache (a GET writes nothing to the database), per client
address as the sign-in lockout tells it (accounts.request_limits.client_address)."""

from django.core.cache import cache
from django.utils import timezone

from dspt.accounts.request_limits import client_address

REQUESTS_PER_HOUR = 120
BOOKINGS_PER_HOUR = 30


def allowed(request, kind: str = "links", limit: int = REQUESTS_PER_HOUR) -> bool:
    """Count this request; False once the client has made `limit` of this kind this hour."""
    hour = timezone.now().strftime("%Y%m%d%H")
    key = f"events-{kind}:{client_address(request)}:{hour}"
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # the entry expired between add and incr
        cache.set(key, 1, timeout=3600)
        count = 1
    return count <= limit
