"""A provider's support page: the support organisations that support it, their contact details, and its consent
to each (its administrators give and withdraw it; everyone else in the organisation reads)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render

from dspt.organisations import presenters as org_presenters
from dspt.organisations.access import organisation_view
from dspt.organisations.models import Membership
from dspt.support import consent


@organisation_view()
def support_page(request):
    organisation = request.organisation
    return render(
        request,
        "support/provider.jinja",
        {
            "title": "Support programmes",
            "offered": consent.offered_to(organisation),
            "is_admin": request.membership.is_admin,
            "navigation_items": org_presenters.navigation(organisation, request.membership, "support"),
        },
    )


def _offered(request, support_slug: str):
    for support_organisation, live in consent.offered_to(request.organisation):
        if support_organisation.slug == support_slug:
            return support_organisation, live
    raise Http404("No such support organisation")


def _confirm(request, support_slug: str, give: bool):
    organisation = request.organisation
    support_organisation, live = _offered(request, support_slug)
    if request.method == "POST":
        if give:
            consent.grant(organisation, support_organisation, request.user)
            messages.success(request, f"{support_organisation.name} can now see your progress (never your answers)")
        else:
            consent.withdraw(organisation, support_organisation, request.user)
            messages.success(request, f"{support_organisation.name} can no longer see your progress")
        return redirect("support:provider", organisation.ods_code)
    return render(
        request,
        "support/consent.jinja",
        {
            "title": (
                f"Let {support_organisation.name} see your progress?"
                if give
                else f"Stop {support_organisation.name} seeing your progress?"
            ),
            "support_organisation": support_organisation,
            "give": give,
            "live": live,
            "back_href": f"/o/{organisation.ods_code}/support/",
            "navigation_items": org_presenters.navigation(organisation, request.membership, "support"),
        },
    )


@organisation_view(Membership.ADMIN)
def give(request, support_slug: str):
    return _confirm(request, support_slug, give=True)


@organisation_view(Membership.ADMIN)
def withdraw(request, support_slug: str):
    return _confirm(request, support_slug, give=False)
