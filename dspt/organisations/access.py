"""The one door to an organisation's pages: every /o/<ods_code>/ view goes through organisation_view.

People who are not members get 404 (we do not even confirm the organisation is registered); members whose
role is too low for the page get 403.

Apps above this one may add a guest door (add_guest_door): asked only when the person has no membership, it may
let them in as an unsaved Membership (a guest, such as an adviser the organisation let in for a few days, marked by
the app). And page notices (add_page_notice): what every organisation page shows at its top while it holds (such as
"an adviser can see your workspace"), given to the layout as request.organisation_notices, built only when a page
shows them.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.functional import SimpleLazyObject

from dspt.organisations.models import Membership

# find(request, ods_code, view) -> an unsaved Membership for a guest, or None
GuestDoor = Callable[..., Membership | None]
_guest_doors: list[GuestDoor] = []

# build(request) -> parameters for the NHS.UK notification banner ({"titleText": …, "html": …}), or None
PageNotice = Callable[..., dict | None]
_page_notices: list[PageNotice] = []


def add_guest_door(find: GuestDoor) -> None:
    """Ask `find(request, ods_code, view)` who a person without a membership is; `view` is the page (its
    organisation_role says the role it needs). Return None to keep them out (404)."""
    if find not in _guest_doors:
        _guest_doors.append(find)


def add_page_notice(build: PageNotice) -> None:
    """Show `build(request)`, when it returns banner parameters, at the top of every organisation page."""
    if build not in _page_notices:
        _page_notices.append(build)


def _guest(request, ods_code: str, view) -> Membership | None:
    for find in _guest_doors:
        membership = find(request, ods_code, view)
        if membership is not None:
            return membership
    return None


def _notices(request) -> list[dict]:
    built = (build(request) for build in _page_notices)
    return [notice for notice in built if notice]


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
            if membership is None and _guest_doors:
                membership = _guest(request, ods_code, wrapper)
            if membership is None:
                raise Http404("No such organisation")
            if not membership.can(role):
                raise PermissionDenied("Your role does not allow this")
            request.organisation = membership.organisation
            request.membership = membership
            request.organisation_notices = SimpleLazyObject(lambda: _notices(request))
            return view(request, *args, **kwargs)

        wrapper.organisation_role = role
        return wrapper

    return decorator
