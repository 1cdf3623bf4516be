"""What every register page needs: its spec (from the URL), the entry (through the organisation), the navigation."""

from django.http import Http404

from dspt.organisations.models import Membership
from dspt.organisations.presenters import navigation


def entry_or_404(request, spec, entry_id: int):
    """The entry, if it is one of this organisation's; otherwise 404, as for any other organisation's data."""
    entry = spec.entries(request.organisation).filter(pk=entry_id).first()
    if entry is None:
        raise Http404("No such entry")
    return entry


def context(request, spec=None, **values) -> dict:
    return {
        "spec": spec,
        "can_change": request.membership.can(Membership.MEMBER),
        "navigation_items": navigation(request.organisation, request.membership, "registers"),
        **values,
    }
