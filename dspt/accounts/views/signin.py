"""Sign in, sign out, forgotten password (and its link's page), and the lockout page."""

from axes.utils import reset as reset_lockout
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from dspt.accounts import link_tokens, password_reset, request_limits
from dspt.accounts.forms import EmailOnlyForm, NewPasswordForm, SignInForm
from dspt.accounts.models import EmailLink, User
from dspt.accounts.views.links import forget_link, link_gone, too_many_links
from dspt.ui.forms import posted


def safe_next(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return default


def sign_in(request):
    if request.user.is_authenticated and request.method == "GET":
        return redirect(safe_next(request, resolve_url(settings.LOGIN_REDIRECT_URL)))
    form = SignInForm(posted(request))
    if request.method == "POST" and form.is_valid():
        user = authenticate(
            request,
            username=form.cleaned_data["email"].strip().lower(),
            password=form.cleaned_data["password"],
        )
        if user is not None:
            login(request, user)
            return redirect(safe_next(request, resolve_url(settings.LOGIN_REDIRECT_URL)))
        form.add_error(None, "The email address or password is not right. Check them and try again")
    return render(request, "accounts/sign_in.jinja", {"title": "Sign in", "form": form, "next": safe_next(request, "")})


def locked_out(request, credentials=None, *args, **kwargs):
    """Shown instead of signing in, or of any page that asks for a password again, after too many wrong passwords
    for that email address from this client (django-axes calls this)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    signed_in = request.user.is_authenticated
    return render(
        request,
        "accounts/locked_out.jinja",
        {
            "title": "Too many wrong passwords" if signed_in else "Too many attempts to sign in",
            "minutes": minutes,
            "signed_in": signed_in,
        },
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
        try:
            password_reset.request_link(email, request_limits.client_address(request))
        except request_limits.TooManyRequests as error:
            return too_many_links(request, error)
        return render(
            request,
            "accounts/reset_sent.jinja",
            {"title": "Check your email", "email": email, "valid_hours": settings.EMAIL_LINK_VALID_HOURS},
        )
    return render(request, "accounts/forgotten_password.jinja", {"title": "Reset your password", "form": form})


def reset_password(request, link: EmailLink):
    """/link/continue/ for a password-reset link: choose a new password."""
    user = User.objects.filter(email=link.email).first()
    if user is None:
        return link_gone(request)
    form = NewPasswordForm(posted(request), user=user, ask_name=False)
    if request.method == "POST" and form.is_valid():
        if not password_reset.reset(link, user, form.cleaned_data["password1"]):
            return link_gone(request)
        reset_lockout(username=user.email)
        forget_link(request)
        messages.success(request, "Your password has been changed. Sign in with your new password")
        return redirect("accounts:sign_in")
    return render(
        request,
        "accounts/reset_password.jinja",
        {"title": "Choose a new password", "form": form, "link": link},
    )


RESET_LINK = link_tokens.Purpose(
    key=password_reset.RESET,
    label="Reset password",
    describe=lambda link: "reset your password",
    finish=reset_password,
    resend=lambda link: password_reset.send_link(link.email),
)
