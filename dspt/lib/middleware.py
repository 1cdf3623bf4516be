"""Middleware of our own, for every request."""

import logging
import time

from django.core.exceptions import BadRequest
from django.utils.cache import add_never_cache_headers

from dspt.lib import logs

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


access_log = logging.getLogger("dspt.access")
LOGGED_PATH_MAX = 300


def _printable(text: str) -> str:
    """Control and other unprintable characters escaped, so a crafted address cannot forge a log line."""
    return "".join(char if char.isprintable() else char.encode("unicode_escape").decode("ascii") for char in text)


def _loggable_path(request) -> str:
    """The path without its query string, with any secret token in it (an emailed link's) replaced by <token>."""
    path = request.path
    match = getattr(request, "resolver_match", None)
    if match is not None:
        for name, value in match.kwargs.items():
            if "token" in name and isinstance(value, str) and value:
                path = path.replace(value, f"<{name}>")
    return _printable(path)[:LOGGED_PATH_MAX]


def _signed_in_user_id(request) -> int | None:
    """The signed-in person's id when the request already loaded its user (Django's auth middleware keeps it as
    _cached_user), so the access line never costs a query of its own; None for a visitor who is not signed in."""
    user = getattr(request, "_cached_user", None)
    return user.pk if user is not None and user.is_authenticated else None


class RequestIds:
    """Every request gets an id, kept on request.request_id, sent back in the X-Request-ID header and carried by
    every log line written while it is handled (dspt/lib/logs.py); and one access line at INFO when it ends.

    A proxy's or load balancer's own X-Request-ID is kept when it is letters, digits and dashes (at most 64), so its
    logs and ours can be matched; anything else gets a new id. The access line (logger "dspt.access") names the
    method, the path without its query string, the status, the time taken and the signed-in person's id: never an
    email address, a token, a query string or a body. First in MIDDLEWARE, so redirects and refusals are counted.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = logs.request_id_from(request.headers.get("X-Request-ID"))
        token = logs.bind_request_id(request.request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request.request_id
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            self.log_access(request, response.status_code, duration_ms)
            return response
        finally:
            logs.unbind_request_id(token)

    @staticmethod
    def log_access(request, status: int, duration_ms: float) -> None:
        method = _printable(request.method or "")[:16]
        path = _loggable_path(request)
        user_id = _signed_in_user_id(request)
        access_log.info(
            "%s %s %s %.1f ms%s",
            method,
            path,
            status,
            duration_ms,
            f" user {user_id}" if user_id is not None else "",
            extra={"method": method, "path": path, "status": status, "duration_ms": duration_ms, "user_id": user_id},
        )
