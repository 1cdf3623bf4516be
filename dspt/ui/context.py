"""Context every page gets."""

from django.conf import settings


def service(request):
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    return {
        "service_name": settings.SERVICE_NAME,
        "current_organisation": getattr(request, "organisation", None),
        "current_membership": getattr(request, "membership", None),
        "organisation_count": user.memberships.count() if signed_in else 0,
        "csp_nonce": getattr(request, "csp_nonce", ""),
    }
