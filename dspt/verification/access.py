"""The door to the operators' pages: signed-in operators only. Everyone else, signed in or not, gets 404, so the
pages do not even show that they exist. Two-factor sign-in applies as everywhere (accounts' middleware)."""

from functools import wraps

from django.http import Http404

from dspt.verification import operators


def operator_view(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not operators.is_operator(request.user):
            raise Http404("No such page")
        return view(request, *args, **kwargs)

    wrapper.operator_only = True
    return wrapper
