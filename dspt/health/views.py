"""/healthz for a load balancer: 200 when this server can serve, 503 naming what is wrong (dspt/health/checks.py).

It needs no sign-in and writes nothing: it never touches the session, the CSRF token or the user, so a probe
without cookies gets no cookie back. Nothing in the answer may be cached.
"""

from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from dspt.health import checks


@require_safe
def healthz(request):
    result = checks.check()
    response = JsonResponse(result, status=200 if checks.healthy(result) else 503)
    add_never_cache_headers(response)
    return response
