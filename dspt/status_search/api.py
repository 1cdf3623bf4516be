"""The public, read-only JSON API: published statuses, searchable and paginated (described in openapi.py).

No sign-in and no cookies are needed; every answer is JSON, errors included ({"error": "..."}).
"""

import functools
import re
from urllib.parse import urlencode

from django.core.exceptions import TooManyFieldsSent
from django.core.paginator import EmptyPage
from django.http import JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from dspt.lib import ods
from dspt.lib.middleware import handles_nul_characters
from dspt.status_search import openapi, search

API_CACHE_SECONDS = 60
ALLOWED_METHODS = ("GET", "HEAD")
_WHOLE_NUMBER = re.compile(r"[1-9][0-9]*")  # ASCII digits only: "²" and "٣" are digits to str.isdigit()


class BadParameter(Exception):
    """A query parameter the API cannot use: which one, and why (answered as a JSON 400)."""

    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter, self.message = parameter, message


def error(message: str, status: int, **extra) -> JsonResponse:
    return JsonResponse({"error": message, **extra}, status=status)


def _check_parameters(query, allowed: tuple[str, ...]) -> None:
    """Refuse parameters the address does not take and parameters given more than once (which one would count?)."""
    takes = f"use {' or '.join(allowed)}" if allowed else "this address takes none"
    for name in query:
        if name not in allowed:
            raise BadParameter(name, f"{name} is not a parameter here: {takes}")
        count = len(query.getlist(name))
        if count > 1:
            raise BadParameter(name, f"{name} was given {count} times: give it once")


def public_json(*, parameters: tuple[str, ...] = ()):
    """GET (and HEAD) only, answered in JSON that any website may read; every mistake is a JSON error.

    The views take no cookies and change nothing, so they are exempt from the CSRF check: a POST (or any other
    method) gets the JSON 405 below instead of the HTML page about an expired form. They pass no parameter to the
    database unchecked (q loses its control characters, page must be digits), so NUL characters are theirs to
    handle too, in JSON, rather than RefuseNulCharacters' HTML page.
    """

    def decorate(view):
        @csrf_exempt
        @handles_nul_characters
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            try:
                if request.method not in ALLOWED_METHODS:
                    response = error("Only GET and HEAD are allowed", 405)
                    response["Allow"] = ", ".join(ALLOWED_METHODS)
                else:
                    _check_parameters(request.GET, parameters)
                    response = view(request, *args, **kwargs)
            except BadParameter as bad:
                response = error(bad.message, 400, parameter=bad.parameter)
            except TooManyFieldsSent:
                response = error("Too many parameters", 400)
            if response.status_code == 200:
                response["Cache-Control"] = f"public, max-age={API_CACHE_SECONDS}"
            response["Access-Control-Allow-Origin"] = "*"
            return response

        return wrapper

    return decorate


def page_number(raw: str) -> int:
    """The page asked for, 1 to openapi.MAX_PAGE (the length is checked first, so int() never sees 5,000 digits)."""
    raw = raw.strip()
    if len(raw) > len(str(openapi.MAX_PAGE)) or not _WHOLE_NUMBER.fullmatch(raw) or int(raw) > openapi.MAX_PAGE:
        raise BadParameter("page", f"page must be a whole number from 1 to {openapi.MAX_PAGE}")
    return int(raw)


def _page_link(request, query: str, number: int) -> str:
    params = {"q": query} if query else {}
    params["page"] = number
    return request.build_absolute_uri(f"{reverse('status_search:api_statuses')}?{urlencode(params)}")


@public_json(parameters=("q", "page"))
def statuses(request):
    query = search.clean_query(request.GET.get("q", ""))
    if search.is_too_long(query):
        raise BadParameter("q", f"q is {len(query)} characters long: {search.TOO_LONG.lower()}")
    number = page_number(request.GET.get("page", "1"))
    try:
        page = search.search(query, number, strict=True) if query else search.published(number, strict=True)
    except EmptyPage:
        return error(f"There is no page {number}", 404)
    return JsonResponse(
        {
            "count": page.count,
            "page": page.number,
            "pages": page.pages,
            "next": _page_link(request, query, number + 1) if page.has_next else None,
            "previous": _page_link(request, query, number - 1) if page.has_previous else None,
            "results": [result.as_dict() for result in page.results],
        }
    )


@public_json()
def status(request, ods_code: str):
    code = ods.code_from_url(ods_code)
    result = search.lookup(code) if code else None
    if result is None:
        return error("No organisation with this ODS code is in the directory or has published a status", 404)
    return JsonResponse(result.as_dict())


@public_json()
def openapi_json(request):
    return JsonResponse(openapi.document())
