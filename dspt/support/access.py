"""The one door to a support organisation's pages: every /s/<slug>/ view goes through support_view.

People who are not on its staff get 404 (as with organisations, we do not confirm it exists); staff whose role is
too low get 403. The view gets request.support_organisation and request.support_membership.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404

from dspt.support.models import SupportMembership


def support_view(role: str = SupportMembership.ADVISER):
    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, support_slug: str, *args, **kwargs):
            membership = (
                SupportMembership.objects.select_related("support_organisation")
                .filter(user=request.user, support_organisation__slug=support_slug)
                .first()
            )
            if membership is None:
                raise Http404("No such support organisation")
            if not membership.can(role):
                raise PermissionDenied("Your role does not allow this")
            request.support_organisation = membership.support_organisation
            request.support_membership = membership
            return view(request, *args, **kwargs)

        wrapper.support_role = role
        return wrapper

    return decorator
