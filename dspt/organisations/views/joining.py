"""Registering an organisation and joining one: the registration form, asking to be invited, and the page a
registration or invitation link leads to (accounts opens the link, then hands it on here: see apps.py)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from dspt.accounts import link_tokens, request_limits
from dspt.accounts.forms import ExistingPasswordForm, NewPasswordForm
from dspt.accounts.models import EmailLink, User
from dspt.accounts.views.links import BACKEND, forget_link, link_gone, too_many_links
from dspt.organisations import joining
from dspt.organisations.forms import RegisterForm
from dspt.organisations.models import JoinLink
from dspt.ui.forms import posted


def _already_registered(request, organisation, email: str):
    return render(
        request,
        "organisations/already_registered.jinja",
        {"title": f"{organisation.name} already has an account", "organisation": organisation, "email": email},
    )


def register(request):
    form = RegisterForm(posted(request), check_directory=joining.directory_loaded())
    if request.method == "POST" and form.is_valid():
        email, ods_code = form.cleaned_data["email"], form.cleaned_data["ods_code"]
        organisation = joining.registered(ods_code)
        if organisation is not None:
            return _already_registered(request, organisation, email)
        try:
            joining.send_registration_link(email, ods_code, request_limits.client_address(request))
        except link_tokens.TooManyLinks as error:
            return too_many_links(request, error)
        request.session["registration_sent_to"] = email
        return redirect("organisations:register_sent")
    return render(request, "organisations/register.jinja", {"title": "Register your organisation", "form": form})


def register_sent(request):
    return render(
        request,
        "accounts/link_sent.jinja",
        {
            "title": "Check your email",
            "email": request.session.get("registration_sent_to", ""),
            "valid_hours": settings.EMAIL_LINK_VALID_HOURS,
        },
    )


@require_POST
def ask_to_join(request):
    """Ask an already-registered organisation's administrators for an invitation (they are never named)."""
    form = RegisterForm(request.POST, check_directory=False)
    if not form.is_valid():
        return redirect("organisations:register")
    organisation = joining.registered(form.cleaned_data["ods_code"])
    if organisation is None:
        return redirect("organisations:register")
    try:
        joining.ask_to_join(organisation, form.cleaned_data["email"], request_limits.client_address(request))
    except link_tokens.TooManyLinks as error:
        return too_many_links(request, error)
    return render(
        request,
        "organisations/join_requested.jinja",
        {"title": "We have asked them to invite you", "organisation": organisation},
    )


def accept_link(request, link: EmailLink):
    """/link/continue/ for a registration or invitation link: set up an account (or confirm it is you), then join."""
    existing = User.objects.filter(email=link.email).first()
    if link.purpose == joining.REGISTER:
        organisation = joining.registered(joining.join_link(link).ods_code)
        if organisation is not None:
            return _already_registered(request, organisation, link.email)
    signed_in_as_them = request.user.is_authenticated and request.user.email == link.email
    if existing is not None and not signed_in_as_them:
        form = ExistingPasswordForm(posted(request), user=existing, request=request)
    elif existing is not None:
        form = None
    else:
        form = NewPasswordForm(posted(request), email=link.email)
    if request.method == "POST" and (form is None or form.is_valid()):
        with transaction.atomic():
            if not link_tokens.consume(link):
                return link_gone(request)
            user = existing or User.objects.create_user(
                link.email, form.cleaned_data["password1"], full_name=form.cleaned_data["full_name"]
            )
            organisation = joining.accept(link, user)
        forget_link(request)
        if not signed_in_as_them:
            login(request, user, backend=BACKEND)
        messages.success(request, f"You are now part of {organisation.name}")
        if link.purpose == joining.REGISTER:
            return redirect("organisations:profile_step", organisation.ods_code, "about")
        return redirect("organisations:home", organisation.ods_code)
    return render(
        request,
        "organisations/join.jinja",
        {
            "title": "Set up your account" if existing is None else "Confirm it is you",
            "form": form,
            "link": link,
            "existing": existing,
            "purpose": joining.describe(link),
        },
    )


def _not_renewable(link: EmailLink) -> tuple[str, dict]:
    registered = joining.registered(joining.join_link(link).ods_code) if link.purpose == joining.REGISTER else None
    return "organisations/_link_not_renewable.jinja", {"registered": registered}


LINK_PURPOSES = [
    link_tokens.Purpose(
        key=key,
        label=label,
        describe=joining.describe,
        finish=accept_link,
        resend=joining.resend,
        renewable=joining.renewable,
        not_renewable=_not_renewable,
    )
    for key, label in JoinLink.PURPOSES
]
