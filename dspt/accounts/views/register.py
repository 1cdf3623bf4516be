"""Register an organisation: email address + ODS code, then an emailed link (see links.py)."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from dspt.accounts import links
from dspt.accounts.forms import RegisterForm
from dspt.accounts.models import EmailLink
from dspt.lib import emails
from dspt.organisations import people
from dspt.ui.forms import posted


def send_registration_link(email: str, ods_code: str) -> None:
    _link, token = links.issue(EmailLink.REGISTER, email, ods_code=ods_code)
    emails.registration_link(
        email,
        links.url_for(token),
        ods_code,
        people.directory_name(ods_code),
        settings.EMAIL_LINK_VALID_HOURS,
    )


def register(request):
    form = RegisterForm(posted(request), check_directory=people.directory_loaded())
    if request.method == "POST" and form.is_valid():
        email, ods_code = form.cleaned_data["email"], form.cleaned_data["ods_code"]
        organisation = people.registered(ods_code)
        if organisation is not None:
            return render(
                request,
                "accounts/already_registered.jinja",
                {
                    "title": f"{organisation.name} already has an account",
                    "organisation": organisation,
                    "email": email,
                },
            )
        try:
            send_registration_link(email, ods_code)
        except links.TooManyLinks:
            return render(request, "accounts/too_many_links.jinja", {"title": "Please wait before trying again"})
        request.session["registration_sent_to"] = email
        return redirect("accounts:register_sent")
    return render(request, "accounts/register.jinja", {"title": "Register your organisation", "form": form})


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
        return redirect("accounts:register")
    organisation = people.registered(form.cleaned_data["ods_code"])
    if organisation is None:
        return redirect("accounts:register")
    try:
        people.ask_to_join(organisation, form.cleaned_data["email"])
    except links.TooManyLinks:
        return render(request, "accounts/too_many_links.jinja", {"title": "Please wait before trying again"})
    return render(
        request,
        "accounts/join_requested.jinja",
        {"title": "We have asked them to invite you", "organisation": organisation},
    )
