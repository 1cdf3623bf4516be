"""Context every page gets."""

from django.conf import settings


def service(request):
    return {
        "service_name": settings.SERVICE_NAME,
        "csp_nonce": getattr(request, "csp_nonce", ""),
    }
