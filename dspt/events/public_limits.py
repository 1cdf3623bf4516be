"""How often one client may open the events' link pages or book: enough for an office sharing one address, too few
to try secrets or flood people with emails (counted by accounts.request_limits.within_hourly_limit)."""

from dspt.accounts.request_limits import within_hourly_limit

REQUESTS_PER_HOUR = 120
BOOKINGS_PER_HOUR = 30


def allowed(request, kind: str = "links", limit: int | None = None) -> bool:
    """Count this request; False once the client has made `limit` (REQUESTS_PER_HOUR) of this kind this hour."""
    return within_hourly_limit(request, f"events-{kind}", REQUESTS_PER_HOUR if limit is None else limit)
