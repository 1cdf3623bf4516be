"""How often one client may open or submit confirmation pages: enough for a team taking turns on one tablet, too few
to try secrets (counted by accounts.request_limits.within_hourly_limit)."""

from dspt.accounts.request_limits import within_hourly_limit

REQUESTS_PER_HOUR = 120


def allowed(request) -> bool:
    """Count this request; False once the client has made REQUESTS_PER_HOUR this hour."""
    return within_hourly_limit(request, "training-confirm", REQUESTS_PER_HOUR)
