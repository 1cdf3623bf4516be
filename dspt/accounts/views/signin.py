"""Sign in, sign out, forgotten password, and the lockout page."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from dspt.accounts import links
from dspt.accounts.forms import EmailOnlyForm, SignInForm
from dspt.accounts.models import EmailLink, User
from dspt.lib import emails
from dspt.ui.forms import posted


def safe_next(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return default


def sign_in(request):
    if request.user.is_authenticated and request.method == "GET":
        return redirect(safe_next(request, reverse("organisations:choose")))
    form = SignInForm(posted(request))
    if request.method == "POST" and form.is_valid():
        user = authenticate(
            request,
            username=form.cleaned_data["email"].strip().lower(),
            password=form.cleaned_data["password"],
        )
        if user is not None:
            login(request, user)
            return redirect(safe_next(request, reverse("organisations:choose")))
        form.add_error(None, "The email address or password is not right. Check them and try again")
    return render(request, "accounts/sign_in.jinja", {"title": "Sign in", "form": form, "next": safe_next(request, "")})


def locked_out(request, credentials=None, *args, **kwargs):
    """Shown instead of signing in after too many failed attempts (django-axes calls this)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "accounts/locked_out.jinja",
        {"title": "Too many attempts to sign in", "minutes": minutes},
        status=429,
    )


@require_POST
def sign_out(request):
    logout(request)
    messages.success(request, "You have signed out")
    return redirect("ui:home")


def forgotten_password(request):
    form = EmailOnlyForm(posted(request))
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].strip().lower()
        user = User.objects.filter(email=email, is_active=True).first()
        if user is not None:
            try:
                _link, token = links.issue(EmailLink.RESET, email)
            except links.TooManyLinks:
                pass  # Say the same as always: we never reveal whether an account exists.
            else:
                emails.password_reset(email, links.url_for(token), settings.EMAIL_LINK_VALID_HOURS)
        return render(
            request,
            "accounts/reset_sent.jinja",
            {"title": "Check your email", "email": email, "valid_hours": settings.EMAIL_LINK_VALID_HOURS},
        )
    return render(request, "accounts/forgotten_password.jinja", {"title": "Reset your password", "form": form})
