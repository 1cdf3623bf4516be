"""Ending a head office's cover: a branch registered here on its own says the head office does not speak for it."""

from django.contrib import messages
from django.shortcuts import redirect, render

from dspt.organisations.access import organisation_view
from dspt.organisations.models import Membership
from dspt.publication import cover


@organisation_view(Membership.ADMIN)
def end_cover(request):
    organisation = request.organisation
    found = cover.current_cover(organisation)
    if request.method == "POST" and found is not None:
        try:
            ended = cover.end_cover(organisation, request.user)
        except cover.NoCover:
            found = None  # ended meanwhile, in another tab
        else:
            office = ended.head_office
            messages.success(
                request,
                f"{office.name} ({office.ods_code}) no longer covers you: its status is no longer shown as yours",
            )
            return redirect("publication:overview", organisation.ods_code)
    return render(
        request,
        "publication/end_cover.jinja",
        {
            "title": "End a head office's cover",
            "cover": found,
        },
    )
