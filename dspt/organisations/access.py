"""The one door to an organisation's pages: every /o/<ods_code>/ view goes through organisation_view.

People who are not members get 404 (we do not even confirm the organisation is registered); members whose
role is too low for the page get 403.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404

from dspt.organisations.models import Membership


def organisation_view(role: str = Membership.VIEWER):
    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, ods_code: str, *args, **kwargs):
            membership = (
                Membership.objects.select_related("organisation", "organisation__profile")
                .filter(user=request.user, organisation__ods_code=ods_code.upper())
                .first()
            )
            if membership is None:
                raise Http404("No such organisation")
            if not membership.can(role):
                raise PermissionDenied("Your role does not allow this")
            request.organisation = membership.organisation
            request.membership = membership
            return view(request, *args, **kwargs)

        wrapper.organisation_role = role
        return wrapper

    return decorator
