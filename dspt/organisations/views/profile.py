"""The organisation profile: a short wizard the first time, a summary with change links after."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from dspt.organisations import forms, presenters, profile_rules
from dspt.organisations.access import organisation_view
from dspt.organisations.models import Membership
from dspt.ui.forms import posted

# slug, form, page title
STEPS = [
    ("about", forms.AboutForm, "About your organisation"),
    ("roles", forms.RolesForm, "Who holds the data protection roles?"),
    ("email", forms.EmailForm, "Your email system"),
    ("cyber-essentials", forms.CyberEssentialsForm, "Cyber Essentials Plus"),
    ("ico", forms.IcoForm, "Your ICO registration number"),
]
STEP_SLUGS = [slug for slug, _, _ in STEPS]


def _step(slug: str):
    for index, (step_slug, form_class, title) in enumerate(STEPS):
        if step_slug == slug:
            return index, form_class, title
    raise Http404("No such step")


def _return_to(request) -> str:
    """The page of this organisation a change link came from (?next=), to go back to once saved; else ""."""
    target = request.GET.get("next", "")
    prefix = f"/o/{request.organisation.ods_code}/"
    if target.startswith(prefix) and url_has_allowed_host_and_scheme(target, allowed_hosts=None):
        return target
    return ""


@organisation_view()
def summary(request):
    profile = request.organisation.profile
    if not profile_rules.is_complete(profile) and request.membership.is_admin:
        return redirect("organisations:profile_step", request.organisation.ods_code, "about")
    return render(
        request,
        "organisations/profile_summary.jinja",
        {
            "title": "Organisation profile",
            "profile": profile,
            "rows": presenters.profile_rows(request.organisation, request.membership.is_admin),
            "can_change": request.membership.is_admin,
            "confirming": False,
            "navigation_items": presenters.navigation(request.organisation, request.membership, "profile"),
        },
    )


@organisation_view(Membership.ADMIN)
def step(request, slug: str):
    index, form_class, title = _step(slug)
    organisation = request.organisation
    profile = organisation.profile
    form = form_class(posted(request), instance=profile)
    before = profile_rules.values(form, organisation)
    return_to = _return_to(request)
    if request.method == "POST" and form.is_valid():
        profile_rules.save_step(form, organisation, before, request.user)
        if return_to:
            messages.success(request, "Your organisation profile has been updated")
            return redirect(return_to)
        if profile_rules.is_complete(profile):
            messages.success(request, "Your organisation profile has been updated")
            return redirect("organisations:profile", organisation.ods_code)
        if request.GET.get("change"):
            return redirect("organisations:profile_check", organisation.ods_code)
        if index + 1 < len(STEPS):
            return redirect("organisations:profile_step", organisation.ods_code, STEPS[index + 1][0])
        return redirect("organisations:profile_check", organisation.ods_code)
    back = (
        ("organisations:profile_step", STEPS[index - 1][0])
        if index and not profile_rules.is_complete(profile)
        else ("organisations:home", None)
    )
    return render(
        request,
        f"organisations/profile_{slug.replace('-', '_')}.jinja",
        {
            "title": title,
            "form": form,
            "step_number": index + 1,
            "step_count": len(STEPS),
            "back_route": back,
            "return_to": return_to,
            "submit_text": "Save" if profile_rules.is_complete(profile) else "Save and continue",
        },
    )


@organisation_view(Membership.ADMIN)
def check(request):
    profile = request.organisation.profile
    return render(
        request,
        "organisations/profile_summary.jinja",
        {
            "title": "Check your organisation profile",
            "profile": profile,
            "rows": presenters.profile_rows(request.organisation, True),
            "can_change": True,
            "confirming": not profile_rules.is_complete(profile),
        },
    )


@organisation_view(Membership.ADMIN)
@require_POST
def confirm(request):
    try:
        profile_rules.confirm(request.organisation, request.user)
    except profile_rules.ProfileIncomplete as incomplete:
        messages.error(request, str(incomplete))
        return redirect("organisations:profile_check", request.organisation.ods_code)
    messages.success(request, "Your organisation profile has been saved")
    return redirect("organisations:home", request.organisation.ods_code)
