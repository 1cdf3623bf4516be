"""What every page knows about organisations: the one being viewed, and whether the person can switch."""


def organisations(request):
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    return {
        "current_organisation": getattr(request, "organisation", None),
        "current_membership": getattr(request, "membership", None),
        "organisation_count": user.memberships.count() if signed_in else 0,
    }
