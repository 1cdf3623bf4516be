"""How often one client may open or submit confirmation pages: enough for a team taking turns on one tablet, too few
to try secrets. Counted in the cache (nothing written to the database by a GET), per client address as the sign-in
lockout tells it (accounts.request_limits.client_address). With the default per-process cache each server process
counts on its own; a shared cache (CACHES) makes it one count."""

from django.core.cache import cache
from django.utils import timezone

from dspt.accounts.request_limits import client_address

REQUESTS_PER_HOUR = 120


def allowed(request) -> bool:
    """Count this request; False once the client has made REQUESTS_PER_HOUR this hour."""
    hour = timezone.now().strftime("%Y%m%d%H")
    key = f"training-confirm:{client_address(request)}:{hour}"
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # the entry expired between add and incr
        cache.set(key, 1, timeout=3600)
        count = 1
    return count <= REQUESTS_PER_HOUR
