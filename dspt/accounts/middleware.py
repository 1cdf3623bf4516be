"""Make people who use (or must use) two-factor sign-in finish it before they see anything else."""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from dspt.accounts import mfa

ALWAYS_ALLOWED = (
    "/static/",
    "/sign-out/",
    "/account/two-factor/",
    "/accessibility/",
    "/privacy/",
    "/cookies/",
)


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not user.is_verified()
            and not request.path.startswith(ALWAYS_ALLOWED)
        ):
            if mfa.has_device(user):
                return redirect(f"{reverse('accounts:mfa_verify')}?{urlencode({'next': request.get_full_path()})}")
            if mfa.required_for(user):
                return redirect("accounts:mfa_setup")
        return self.get_response(request)
