"""The public, read-only JSON API: published statuses, searchable and paginated (described in openapi.py).

No sign-in and no cookies are needed; every answer is JSON, errors included ({"error": "..."}).
"""

import functools
import re
from urllib.parse import urlencode

from django.core.paginator import EmptyPage
from django.http import JsonResponse
from django.urls import reverse

from dspt.lib import ods
from dspt.status_search import openapi, search

API_CACHE_SECONDS = 60
_PAGE = re.compile(r"^[1-9][0-9]{0,8}$")


def error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def public_json(view):
    """GET (and HEAD) only, answered in JSON that any website may read."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            response = error("Only GET is allowed", 405)
            response["Allow"] = "GET, HEAD"
        else:
            response = view(request, *args, **kwargs)
            if response.status_code == 200:
                response["Cache-Control"] = f"public, max-age={API_CACHE_SECONDS}"
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapper


def _page_link(request, query: str, number: int) -> str:
    params = {"q": query} if query else {}
    params["page"] = number
    return request.build_absolute_uri(f"{reverse('status_search:api_statuses')}?{urlencode(params)}")


@public_json
def statuses(request):
    query = search.clean_query(request.GET.get("q", ""))
    if search.is_too_long(query):
        return error(search.TOO_LONG, 400)
    raw_page = request.GET.get("page", "1").strip()
    if not _PAGE.match(raw_page):
        return error("page must be a whole number, 1 or more", 400)
    number = int(raw_page)
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


@public_json
def status(request, ods_code: str):
    code = ods.code_from_url(ods_code)
    result = search.lookup(code) if code else None
    if result is None:
        return error("No organisation with this ODS code is in the directory or has published a status", 404)
    return JsonResponse(result.as_dict())


@public_json
def openapi_json(request):
    return JsonResponse(openapi.document())
