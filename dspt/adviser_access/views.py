"""Adviser access pages: the provider's list of who it let in (and the form to let someone in, and to end it), and
an adviser's list of the workspaces they may open."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import capfirst

from dspt.adviser_access import forms, grants
from dspt.adviser_access.models import Grant
from dspt.organisations import presenters
from dspt.organisations.access import organisation_view
from dspt.organisations.models import Membership
from dspt.support import presenters as support_presenters
from dspt.support.access import support_view
from dspt.ui.forms import posted
from dspt.ui.presenters import long_date

PAST_SHOWN = 20


def _row(grant: Grant) -> dict:
    return {
        "grant": grant,
        "who": f"{grant.adviser} of {grant.support_organisation}",
        "what": capfirst(grants.what_they_can(grant)),
        "granted": f"{long_date(grant.granted_at)} by {grant.granted_by or 'someone who has left'}",
        "until": long_date(grant.expires_at),
        "ended": (f"Ended {long_date(grant.ended_at)} by {grant.ended_by or 'someone who has left'}"
                  if grant.ended_at else f"Ran out {long_date(grant.expires_at)}"),
    }  # fmt: skip


@organisation_view()
def grant_list(request):
    organisation = request.organisation
    now = timezone.now()
    base = Grant.objects.filter(organisation=organisation)  # scoped-ok: by request.organisation
    base = base.select_related("adviser", "support_organisation", "granted_by", "ended_by")
    return render(
        request,
        "adviser_access/grants.jinja",
        {
            "title": "Adviser access",
            "live": [_row(grant) for grant in base.live(now).order_by("expires_at")],
            "past": [_row(grant) for grant in base.past(now).order_by("-granted_at")[:PAST_SHOWN]],
            "is_admin": request.membership.is_admin,
            "has_advisers": request.membership.is_admin and grants.eligible_advisers(organisation).exists(),
            "navigation_items": presenters.navigation(organisation, request.membership, "adviser-access"),
        },
    )


@organisation_view(Membership.ADMIN)
def new_grant(request):
    organisation = request.organisation
    advisers = list(grants.eligible_advisers(organisation))
    form = forms.GrantForm(posted(request), advisers=advisers)
    if request.method == "POST" and form.is_valid():
        staff = form.advisers[form.cleaned_data["adviser"]]
        try:
            grant = grants.grant(
                organisation,
                staff,
                form.cleaned_data["role"],
                form.chosen_sections,
                form.cleaned_data["days"],
                request.user,
            )
        except grants.RuleBroken as broken:
            form.add_error(None, str(broken))
        else:
            messages.success(
                request, f"{grant.adviser} can {grants.what_they_can(grant)} until {long_date(grant.expires_at)}"
            )
            return redirect("adviser_access:grants", organisation.ods_code)
    return render(
        request,
        "adviser_access/new.jinja",
        {"title": "Let an adviser into your workspace", "form": form, "advisers": advisers},
    )


@organisation_view(Membership.ADMIN)
def end_grant(request, grant_id: int):
    grant = get_object_or_404(
        Grant.objects.filter(organisation=request.organisation).select_related(  # scoped-ok: by request.organisation
            "adviser", "support_organisation"
        ),
        pk=grant_id,
    )
    if request.method == "POST":
        if grants.end(grant, request.user):
            messages.success(request, f"{grant.adviser} can no longer get into your workspace")
        return redirect("adviser_access:grants", request.organisation.ods_code)
    return render(
        request,
        "adviser_access/end.jinja",
        {"title": f"End {grant.adviser}'s access?", "grant": grant, "live": grant.is_live()},
    )


@support_view()
def workspaces(request):
    support_organisation = request.support_organisation
    return render(
        request,
        "adviser_access/workspaces.jinja",
        {
            "title": "Providers who let you in",
            "grants": [
                {"grant": grant, "what": capfirst(grants.what_they_can(grant)), "until": long_date(grant.expires_at)}
                for grant in grants.grants_of(request.user, support_organisation)
            ],
            "navigation_items": support_presenters.navigation(
                support_organisation, request.support_membership, "access"
            ),
        },
    )
