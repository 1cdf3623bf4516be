"""Context every page gets."""

from django.conf import settings
from django.urls import reverse

from dspt.lib import operator_details


def service(request):
    return {
        "service_name": settings.SERVICE_NAME,
        "csp_nonce": getattr(request, "csp_nonce", ""),
        # Who runs this copy (every footer) and where the phase banner's feedback link goes.
        "operator": settings.OPERATOR,
        "feedback_email": operator_details.feedback_address(settings.FEEDBACK_EMAIL, settings.OPERATOR),
        "feedback_href": operator_details.feedback_href(settings.FEEDBACK_EMAIL, settings.OPERATOR, reverse("ui:help")),
    }
