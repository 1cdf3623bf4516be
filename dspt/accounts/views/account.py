"""A person's own account: name, password, two-factor sign-in."""

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest
from django.shortcuts import redirect, render, resolve_url
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from dspt.accounts import mfa, password_checks
from dspt.accounts.forms import ExistingPasswordForm, NameForm, NewPasswordForm, TokenForm
from dspt.accounts.views.signin import locked_out, safe_next
from dspt.ui.forms import posted

# Sections other apps add at the end of the account page, without accounts importing them (organisations adds the
# person's organisations). Each takes the request and returns (template name, context for it as `section`), or
# None to show nothing.
_sections: list[Callable[[HttpRequest], tuple[str, dict] | None]] = []


def add_section(section: Callable[[HttpRequest], tuple[str, dict] | None]) -> None:
    if section not in _sections:
        _sections.append(section)


def _needs_verifying(request) -> bool:
    """Someone signed in with only a password must not replace or remove the second factor."""
    return mfa.has_device(request.user) and not request.user.is_verified()


@login_required
def settings_page(request):
    return render(
        request,
        "accounts/settings.jinja",
        {
            "title": "Your account",
            "has_device": mfa.has_device(request.user),
            "required": mfa.required_for(request.user),
            "backup_codes_left": mfa.backup_codes_left(request.user),
            "sections": [shown for shown in (section(request) for section in _sections) if shown],
            "turn_off_form": ExistingPasswordForm(user=request.user, request=request, prefix=None),
        },
    )


@login_required
def change_name(request):
    form = NameForm(posted(request), initial={"full_name": request.user.full_name})
    if request.method == "POST" and form.is_valid():
        request.user.full_name = form.cleaned_data["full_name"]
        request.user.save(update_fields=["full_name"])
        messages.success(request, "Your name has been changed")
        return redirect("accounts:settings")
    return render(request, "accounts/change_name.jinja", {"title": "Change your name", "form": form})


@login_required
def change_password(request):
    current = ExistingPasswordForm(posted(request), user=request.user, request=request, prefix="current")
    new = NewPasswordForm(posted(request), user=request.user, ask_name=False, prefix="new")
    if request.method == "POST" and all([current.is_valid(), new.is_valid()]):
        request.user.set_password(new.cleaned_data["password1"])
        request.user.save(update_fields=["password"])
        update_session_auth_hash(request, request.user)
        messages.success(request, "Your password has been changed")
        return redirect("accounts:settings")
    return render(
        request,
        "accounts/change_password.jinja",
        {"title": "Change your password", "form": current, "extra_forms": [new], "new_form": new},
    )


@login_required
def mfa_setup(request):
    if _needs_verifying(request):
        return redirect("accounts:mfa_verify")
    device = mfa.pending_totp(request.user)
    form = TokenForm(posted(request))
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            codes = mfa.confirm_totp(request.user, device)
            otp_login(request, device)
            request.session["new_backup_codes"] = codes
            return redirect("accounts:mfa_backup_codes")
        form.add_error("code", "That code is not right. Check the time on your phone is correct and try a new code")
    return render(
        request,
        "accounts/mfa_setup.jinja",
        {
            "title": "Set up two-factor sign-in",
            "form": form,
            "qr_svg": mfa.qr_svg(device),
            "secret": mfa.secret_for_typing(device),
            "required": mfa.required_for(request.user),
        },
    )


@login_required
def mfa_backup_codes(request):
    codes = request.session.pop("new_backup_codes", None)
    if request.method == "POST":
        if _needs_verifying(request) or not mfa.has_device(request.user):
            return redirect("accounts:settings")
        codes = mfa.new_backup_codes(request.user)
    if not codes:
        return redirect("accounts:settings")
    return render(request, "accounts/mfa_backup_codes.jinja", {"title": "Your backup codes", "codes": codes})


@login_required
def mfa_verify(request):
    form = TokenForm(posted(request))
    if request.method == "POST" and form.is_valid():
        device = mfa.verify(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(safe_next(request, resolve_url(settings.LOGIN_REDIRECT_URL)))
        if mfa.throttled(request.user):
            form.add_error("code", "That code is not right. Wait a few seconds, then try the newest code from your app")
        else:
            form.add_error("code", "That code is not right. Try the newest code from your app, or a backup code")
    return render(
        request,
        "accounts/mfa_verify.jinja",
        {"title": "Enter your sign-in code", "form": form, "next": safe_next(request, "")},
    )


@login_required
@require_POST
def mfa_turn_off(request):
    if _needs_verifying(request):
        return redirect("accounts:mfa_verify")
    if mfa.required_for(request.user):
        messages.error(request, "An organisation you belong to requires two-factor sign-in, so it cannot be turned off")
        return redirect("accounts:settings")
    form = ExistingPasswordForm(request.POST, user=request.user, request=request)
    if not form.is_valid():  # re-authenticate before weakening the account
        if password_checks.locked_out(request):
            return locked_out(request)
        messages.error(request, "Enter your password to turn off two-factor sign-in")
        return redirect("accounts:settings")
    mfa.turn_off(request.user)
    messages.success(request, "Two-factor sign-in is now off")
    return redirect("accounts:settings")
