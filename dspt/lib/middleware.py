"""Middleware of our own, for every request."""

from django.core.exceptions import BadRequest
from django.utils.cache import add_never_cache_headers

NUL = "\x00"


def _is_public(response) -> bool:
    directives = (part.split("=")[0].strip().lower() for part in response.get("Cache-Control", "").split(","))
    return "public" in directives


class NoStoreWhenSignedIn:
    """Nothing shown to a signed-in person is kept by a browser or proxy cache (Cache-Control: no-store).

    Every page's header names the person, and their organisation's pages and downloads are theirs alone, so a
    shared computer's back button or a proxy must not keep them. A response its view marked public (the status
    badge, the CSV of statuses, the JSON API: the same for everyone) keeps its own caching.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not _is_public(response):
            add_never_cache_headers(response)
        return response


def _has_nul(query) -> bool:
    return any(NUL in key or any(NUL in value for value in values) for key, values in query.lists())


def handles_nul_characters(view):
    """Mark a view that copes with NUL characters in its query string itself (RefuseNulCharacters lets it be)."""
    view.handles_nul_characters = True
    return view


class RefuseNulCharacters:
    """A NUL character (\\x00) in the address, the query string or a posted form field gets the 400 page.

    PostgreSQL cannot store one in text or compare text with one, so a view that looked anything up with it would
    fail with a server error; nobody types one. Checked once here, before any view runs, rather than in each view
    and form. Uploaded files are not form fields: their contents may hold anything, and Django drops unprintable
    characters from their names. A view marked with handles_nul_characters (the JSON API, which answers every
    mistake in JSON) is left to check its own input.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        if getattr(view, "handles_nul_characters", False):
            return None
        if NUL in request.path_info or _has_nul(request.GET) or (request.method == "POST" and _has_nul(request.POST)):
            raise BadRequest("A NUL character in the request")
        return None
