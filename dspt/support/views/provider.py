"""A provider's support page: the support organisations that support it, their contact details, and its consent
to each and to its head office (its administrators give and withdraw it; everyone else in the organisation reads).
And a head office's page of its branches' progress."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render

from dspt.organisations import presenters as org_presenters
from dspt.organisations.access import organisation_view
from dspt.organisations.models import Membership, Organisation
from dspt.support import branches, consent


@organisation_view()
def support_page(request):
    organisation = request.organisation
    head_office = consent.head_office_of(organisation)
    return render(
        request,
        "support/provider.jinja",
        {
            "title": "Support programmes",
            "offered": consent.offered_to(organisation),
            "head_office": head_office,
            "head_office_live": head_office is not None and consent.has_consent(organisation, head_office),
            "is_admin": request.membership.is_admin,
            "navigation_items": org_presenters.navigation(organisation, request.membership, "support"),
        },
    )


def _offered(request, support_slug: str):
    for support_organisation, live in consent.offered_to(request.organisation):
        if support_organisation.slug == support_slug:
            return support_organisation, live
    raise Http404("No such support organisation")


def _head_office(request):
    head_office = consent.head_office_of(request.organisation)
    if head_office is None:
        raise Http404("This organisation has no head office registered here")
    return head_office, consent.has_consent(request.organisation, head_office)


def _confirm(request, recipient, live: bool, give: bool):
    organisation = request.organisation
    if request.method == "POST":
        if give:
            consent.grant(organisation, recipient, request.user)
            messages.success(request, f"{recipient.name} can now see your progress (never your answers)")
        else:
            consent.withdraw(organisation, recipient, request.user)
            messages.success(request, f"{recipient.name} can no longer see your progress")
        return redirect("support:provider", organisation.ods_code)
    return render(
        request,
        "support/consent.jinja",
        {
            "title": f"{'Let' if give else 'Stop'} {recipient.name} {'see' if give else 'seeing'} your progress?",
            "recipient": recipient,
            "is_head_office": isinstance(recipient, Organisation),
            "give": give,
            "live": live,
            "back_href": f"/o/{organisation.ods_code}/support/",
            "navigation_items": org_presenters.navigation(organisation, request.membership, "support"),
        },
    )


@organisation_view(Membership.ADMIN)
def give(request, support_slug: str):
    return _confirm(request, *_offered(request, support_slug), give=True)


@organisation_view(Membership.ADMIN)
def withdraw(request, support_slug: str):
    return _confirm(request, *_offered(request, support_slug), give=False)


@organisation_view(Membership.ADMIN)
def give_head_office(request):
    return _confirm(request, *_head_office(request), give=True)


@organisation_view(Membership.ADMIN)
def withdraw_head_office(request):
    return _confirm(request, *_head_office(request), give=False)


@organisation_view()
def branches_page(request):
    organisation = request.organisation
    if not organisation.is_head_office:
        raise Http404("Only head offices have branches")
    found = branches.branches_of(organisation)
    return render(
        request,
        "support/branches.jinja",
        {
            "title": "Your branches' progress",
            "branches": found,
            "sharing": sum(b.consented for b in found),
            "registered": sum(b.registered for b in found),
            "navigation_items": org_presenters.navigation(organisation, request.membership, "branches"),
        },
    )
