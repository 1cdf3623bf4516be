"""Public pages, no sign-in: the status search, a page per organisation, its badge and the CSV of all statuses.

Only what publication.public returns is shown: status, DSPT year, date and publishing head office.
"""

import csv
import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from dspt.lib import ods, office
from dspt.lib.middleware import handles_nul_characters
from dspt.publication import public
from dspt.status_search import badge, presenters, search

PUBLIC_CACHE_SECONDS = 300


class SearchInput(forms.TextInput):
    input_type = "search"


class QueryField(forms.CharField):
    """Whatever was typed, tidied (see search.clean_query); never fails on odd characters."""

    def to_python(self, value):
        return search.clean_query(value)


class SearchForm(forms.Form):
    q = QueryField(
        label="Organisation name, ODS code or postcode",
        help_text="For example, Meadowbrook, VM195 or ZZ1 1AB",
        required=False,
        widget=SearchInput(attrs={"autocomplete": "off"}),
    )

    def clean_q(self):
        query = self.cleaned_data["q"]
        if search.is_too_long(query):
            raise ValidationError(search.TOO_LONG)
        return query


@require_safe
@handles_nul_characters  # the query is tidied (search.clean_query) and the page number never reaches the database
def search_page(request):
    form = SearchForm(request.GET if "q" in request.GET else None)
    result_page = None
    if form.is_bound and form.is_valid() and form.cleaned_data["q"]:
        result_page = search.search(form.cleaned_data["q"], request.GET.get("page"))
    title = "Check an organisation's published DSPT status"
    if result_page and result_page.pages > 1:
        title += f" (page {result_page.number} of {result_page.pages})"
    return render(
        request,
        "status_search/search.jinja",
        {
            "title": title,
            "form": form,
            "result_page": result_page,
            "rows": presenters.result_rows(result_page.results) if result_page else [],
            "pagination": presenters.pagination(result_page) if result_page else None,
        },
    )


def _code_or_404(raw: str) -> str:
    code = ods.code_from_url(raw)
    if code is None:
        raise Http404("Not an ODS code")
    return code


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


@require_safe
def organisation_page(request, ods_code: str):
    code = _code_or_404(ods_code)
    if code != ods_code:
        return redirect("status_search:organisation", code, permanent=True)
    result = search.lookup(code)
    if result is None:
        raise Http404("No such organisation")
    view = result.view
    name = presenters.display_name(result)
    current_until = public.current_until(view.year, public.deadlines()) if view.status else None
    head_office = search.directory_entry(view.published_by_code) if view.published_by_code else None
    page_url = reverse("status_search:organisation", args=[code])
    badge_url = reverse("status_search:badge", args=[code])
    return render(
        request,
        "status_search/organisation.jinja",
        {
            "title": name,
            "result": result,
            "view": view,
            "tag": presenters.status_tag(view),
            "current_until": current_until,
            "head_office_name": head_office.name if head_office else "",
            "history": presenters.history_rows(public.history_for(code)),
            "also_covers": public.also_covers(code) if view.status else [],
            "meanings": presenters.meanings(),
            "badge_url": badge_url,
            "badge_size": (badge.WIDTH, badge.HEIGHT),
            "embed_html": presenters.embed_html(name, _absolute(page_url), _absolute(badge_url)),
            "back_href": reverse("status_search:search"),
            "back_text": "Search for another organisation",
        },
    )


@require_safe
def badge_svg(request, ods_code: str):
    result = search.lookup(_code_or_404(ods_code))
    if result is None:
        raise Http404("No such organisation")
    svg = badge.build(presenters.display_name(result), result.view, timezone.localdate(), settings.SERVICE_NAME)
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["Cache-Control"] = f"public, max-age={PUBLIC_CACHE_SECONDS}"
    # Providers show the badge on their own websites: let any site use it as an image.
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    response["Access-Control-Allow-Origin"] = "*"
    return response


class _Echo:
    """A file-like object whose write() returns the line, so csv.writer can feed a streaming response."""

    def write(self, value):
        return value


def csv_lines():
    writer = csv.writer(_Echo())
    yield writer.writerow(search.FIELDS)
    for result in search.all_published():
        row = result.as_dict()
        yield writer.writerow([office.csv_cell(row[field]) for field in search.FIELDS])


@require_safe
def statuses_csv(request):
    response = StreamingHttpResponse(csv_lines(), content_type="text/csv; charset=utf-8")
    filename = f"dspt-statuses-{datetime.date.isoformat(timezone.localdate())}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = f"public, max-age={PUBLIC_CACHE_SECONDS}"
    response["Access-Control-Allow-Origin"] = "*"
    return response
