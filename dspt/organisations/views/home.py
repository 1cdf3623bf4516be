"""Choosing an organisation and its home page (the task list)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from dspt.organisations import presenters
from dspt.organisations.access import organisation_view


@login_required
def choose(request):
    memberships = list(request.user.memberships.select_related("organisation").order_by("organisation__name"))
    workplaces = presenters.other_workplaces(request.user)
    if request.GET.get("all") is None:
        if len(memberships) == 1 and not workplaces:
            return redirect("organisations:home", memberships[0].organisation.ods_code)
        if not memberships and len(workplaces) == 1:
            return redirect(workplaces[0]["href"])
    return render(
        request,
        "organisations/choose.jinja",
        {"title": "Your organisations", "memberships": memberships, "workplaces": workplaces},
    )


@organisation_view()
def home(request):
    organisation = request.organisation
    return render(
        request,
        "organisations/home.jinja",
        {
            "title": organisation.name,
            "notices": presenters.home_notices(organisation, request.membership),
            "sections": presenters.task_list(organisation, request.membership),
            "branches": list(organisation.branches()[:200]) if organisation.is_head_office else [],
            "navigation_items": presenters.navigation(organisation, request.membership, "home"),
        },
    )
