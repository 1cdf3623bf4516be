"""Opening an emailed link.

GET /link/<token>/ only shows a Continue button (mail scanners that follow links use nothing up). Its POST
moves the link into the session and redirects to /link/continue/, so the token never appears in a Referer.
The form there uses the link up, atomically, when it succeeds.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from dspt.accounts import links
from dspt.accounts.forms import ExistingPasswordForm, NewPasswordForm
from dspt.accounts.models import EmailLink, User
from dspt.lib import emails
from dspt.organisations import people
from dspt.organisations.models import Membership
from dspt.ui.forms import posted

SESSION_KEY = "email_link_id"
BACKEND = "dspt.accounts.backends.EmailBackend"


def _describe(link: EmailLink) -> str:
    """What the link is for, as a sentence fragment: 'register Fictional House', 'join …'."""
    if link.purpose == EmailLink.REGISTER:
        return f"register {people.directory_name(link.ods_code) or link.ods_code}"
    if link.purpose == EmailLink.INVITE:
        return f"join {link.organisation.name}"
    return "reset your password"


def _heading(link: EmailLink) -> str:
    text = _describe(link)
    return text[:1].upper() + text[1:]


def open_link(request, token: str):
    link = links.find(token)
    if link is None:
        return render(request, "accounts/link_unknown.jinja", {"title": "This link is not recognised"}, status=404)
    state = links.state(link)
    if state != links.VALID:
        return render(
            request,
            "accounts/link_invalid.jinja",
            {
                "title": "This link has expired" if state == links.EXPIRED else "This link has already been used",
                "state": state,
                "registered": people.registered(link.ods_code) if link.purpose == EmailLink.REGISTER else None,
                "renewable": links.renewable(link),
                "link": link,
                "token": token,
                "valid_hours": settings.EMAIL_LINK_VALID_HOURS,
            },
            status=410,
        )
    if request.method == "POST":
        request.session[SESSION_KEY] = link.pk
        return redirect("accounts:link_continue")
    return render(
        request,
        "accounts/link_open.jinja",
        {"title": _heading(link), "link": link, "expires_at": links.expires_at(link)},
    )


@require_POST
def renew_link(request, token: str):
    link = links.find(token)
    if link is None:
        return redirect("ui:home")
    if not links.renewable(link):
        return redirect("accounts:sign_in")
    try:
        _new_link, new_token = links.renew(link)
    except links.TooManyLinks:
        return render(request, "accounts/too_many_links.jinja", {"title": "Please wait before trying again"})
    url, hours = links.url_for(new_token), settings.EMAIL_LINK_VALID_HOURS
    if link.purpose == EmailLink.REGISTER:
        emails.registration_link(link.email, url, link.ods_code, people.directory_name(link.ods_code), hours)
    elif link.purpose == EmailLink.INVITE:
        role = dict(Membership.ROLES).get(link.role, "Member")
        emails.invitation(link.email, url, link.organisation, role, link.sent_by or link.email, hours)
    else:
        emails.password_reset(link.email, url, hours)
    return render(
        request,
        "accounts/link_sent.jinja",
        {"title": "Check your email", "email": link.email, "valid_hours": hours},
    )


def _pending_link(request) -> EmailLink | None:
    link_id = request.session.get(SESSION_KEY)
    link = links.get(link_id)
    if link is None or links.state(link) != links.VALID:
        return None
    return link


def continue_link(request):
    link = _pending_link(request)
    if link is None:
        return render(request, "accounts/link_gone.jinja", {"title": "This link cannot be used"}, status=410)
    existing = User.objects.filter(email=link.email).first()
    if link.purpose == EmailLink.RESET:
        return _reset_password(request, link, existing)
    organisation = people.registered(link.ods_code) if link.purpose == EmailLink.REGISTER else None
    if organisation is not None:
        return render(
            request,
            "accounts/already_registered.jinja",
            {
                "title": f"{organisation.name} already has an account",
                "organisation": organisation,
                "email": link.email,
            },
        )
    signed_in_as_them = request.user.is_authenticated and request.user.email == link.email
    if existing is not None and not signed_in_as_them:
        form = ExistingPasswordForm(posted(request), user=existing)
    elif existing is not None:
        form = None
    else:
        form = NewPasswordForm(posted(request))
    if request.method == "POST" and (form is None or form.is_valid()):
        with transaction.atomic():
            if not links.consume(link):
                return render(request, "accounts/link_gone.jinja", {"title": "This link cannot be used"}, status=410)
            user = existing or User.objects.create_user(
                link.email, form.cleaned_data["password1"], full_name=form.cleaned_data["full_name"]
            )
            if link.purpose == EmailLink.REGISTER:
                organisation = people.register_organisation(user, link.ods_code)
                next_url = redirect("organisations:profile_step", organisation.ods_code, "about")
            else:
                organisation = link.organisation
                people.join(organisation, user, link.role or Membership.MEMBER, link.sent_by)
                next_url = redirect("organisations:home", organisation.ods_code)
        request.session.pop(SESSION_KEY, None)
        if not signed_in_as_them:
            login(request, user, backend=BACKEND)
        messages.success(request, f"You are now part of {organisation.name}")
        return next_url
    return render(
        request,
        "accounts/link_continue.jinja",
        {
            "title": "Set up your account" if existing is None else "Confirm it is you",
            "form": form,
            "link": link,
            "existing": existing,
            "purpose": _describe(link),
        },
    )


def _reset_password(request, link: EmailLink, user: User | None):
    if user is None:
        return render(request, "accounts/link_gone.jinja", {"title": "This link cannot be used"}, status=410)
    form = NewPasswordForm(posted(request), user=user, ask_name=False)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if not links.consume(link):
                return render(request, "accounts/link_gone.jinja", {"title": "This link cannot be used"}, status=410)
            user.set_password(form.cleaned_data["password1"])
            user.save(update_fields=["password"])
        from axes.utils import reset as reset_lockout

        reset_lockout(username=user.email)
        request.session.pop(SESSION_KEY, None)
        messages.success(request, "Your password has been changed. Sign in with your new password")
        return redirect("accounts:sign_in")
    return render(
        request,
        "accounts/reset_password.jinja",
        {"title": "Choose a new password", "form": form, "link": link},
    )
