"""Plain query functions behind the public status search, its page per organisation, the CSV and the JSON API.

Names, codes and postcodes come from the ODS directory (OdsEntry); statuses only through publication.public,
which never returns answers, evidence, people or email addresses. Every function here runs a fixed number of
queries whatever the number of results: a page of search results is a count, the page's rows, and the two
queries of public.statuses_for().
"""

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Replace

from dspt.lib import ods
from dspt.organisations.models import OdsEntry
from dspt.publication import public

MAX_QUERY_LENGTH = 100
PAGE_SIZE = 20
TOO_LONG = f"Search for up to {MAX_QUERY_LENGTH} characters"

# The fields of one result, in order: the CSV columns and the JSON keys (the OpenAPI schema lists the same).
FIELDS = (
    "ods_code",
    "name",
    "postcode",
    "status",
    "dspt_year",
    "date_published",
    "current",
    "published_late",
    "published_by_head_office",
    "assessed",
    "provider_says_published_in_national_toolkit_on",
)

# The start of a UK postcode: one or two letters, then a number ("ZZ1", "ZZ11AB"); no more than 7 characters.
_POSTCODE_START = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]{0,4}$")


def clean_query(raw) -> str:
    """What people typed, tidied: control characters dropped, whitespace collapsed, ends stripped."""
    text = "".join(" " if unicodedata.category(ch) in {"Cc", "Cs"} else ch for ch in str(raw or ""))
    return " ".join(text.split())


def is_too_long(query: str) -> bool:
    return len(query) > MAX_QUERY_LENGTH


@dataclass(frozen=True)
class Result:
    """One organisation as the public sees it: directory name and postcode, and its public status."""

    ods_code: str
    name: str
    postcode: str
    view: public.PublicView

    def as_dict(self) -> dict:
        status = self.view.as_dict()
        return {
            "ods_code": self.ods_code,
            "name": self.name,
            "postcode": self.postcode or None,
            "status": status["status"],
            "dspt_year": status["dspt_year"],
            "date_published": status["date_published"],
            "current": status["current"],
            "published_late": status["published_late"],
            "published_by_head_office": status["published_by_head_office"],
            "assessed": status["assessed"],
            "provider_says_published_in_national_toolkit_on": status["provider_says_published_in_national_toolkit_on"],
        }


def matching_entries(query: str) -> QuerySet:
    """Directory entries whose name contains the query (any case), whose code is it, or whose postcode starts so.

    `query` should already be cleaned. Wildcards (% and _) are matched literally: Django escapes them.
    """
    compact = ods.normalise(query)
    condition = Q(name__icontains=query)
    entries = OdsEntry.objects.all()
    if ods.looks_like_code(compact):
        condition |= Q(code=compact)
    if _POSTCODE_START.match(compact):
        entries = entries.alias(compact_postcode=Replace(F("postcode"), Value(" "), Value("")))
        condition |= Q(compact_postcode__startswith=compact)
    return entries.filter(condition).order_by("name", "code").only("code", "name", "postcode")


def results_for(entries) -> list[Result]:
    """Attach the public status to each directory entry (two queries whatever the number of entries)."""
    entries = list(entries)
    if not entries:
        return []
    views = public.statuses_for(entry.code for entry in entries)
    return [Result(entry.code, entry.name, entry.postcode, views[entry.code]) for entry in entries]


@dataclass(frozen=True)
class ResultPage:
    query: str
    count: int
    number: int
    pages: int
    results: list[Result]

    @property
    def has_next(self) -> bool:
        return self.number < self.pages

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def first_index(self) -> int:
        return (self.number - 1) * PAGE_SIZE + 1 if self.count else 0

    @property
    def last_index(self) -> int:
        return self.first_index + len(self.results) - 1 if self.count else 0


def _paginator(queryset) -> Paginator:
    return Paginator(queryset, PAGE_SIZE, allow_empty_first_page=True)


def _result_page(query: str, page: Page, results: list[Result]) -> ResultPage:
    return ResultPage(query, page.paginator.count, page.number, page.paginator.num_pages, results)


def search(query: str, page_number=1, *, strict: bool = False) -> ResultPage:
    """One page of directory entries matching `query`, ordered by name, with their public statuses.

    Lenient by default (the HTML page: a page number that is not a number, or too big, shows the first or last
    page); with strict=True, raises django.core.paginator.PageNotAnInteger / EmptyPage instead (the API).
    """
    paginator = _paginator(matching_entries(query))
    page = paginator.page(page_number) if strict else paginator.get_page(page_number)
    return _result_page(query, page, results_for(page.object_list))


def published(page_number=1, *, strict: bool = False) -> ResultPage:
    """One page of every published status, ordered by ODS code (the API without a query; the CSV in pages)."""
    paginator = _paginator(public.published_codes().values_list("ods_code", flat=True))
    page = paginator.page(page_number) if strict else paginator.get_page(page_number)
    return _result_page("", page, _results_for_codes(list(page.object_list)))


def _results_for_codes(codes: list[str]) -> list[Result]:
    """Results for published codes in the given order (a code missing from the directory keeps an empty name)."""
    if not codes:
        return []
    entries = OdsEntry.objects.filter(code__in=codes).only("code", "name", "postcode").in_bulk(field_name="code")
    views = public.statuses_for(codes)
    results = []
    for code in codes:
        entry = entries.get(code)
        results.append(Result(code, entry.name if entry else "", entry.postcode if entry else "", views[code]))
    return results


def all_published(chunk_size: int = 1000) -> Iterator[Result]:
    """Every published status, ordered by ODS code, fetched `chunk_size` codes at a time (for the CSV stream)."""
    last = ""
    while True:
        codes = list(public.published_codes().filter(ods_code__gt=last).values_list("ods_code", flat=True)[:chunk_size])
        if not codes:
            return
        yield from _results_for_codes(codes)
        last = codes[-1]


def directory_entry(code: str) -> OdsEntry | None:
    return OdsEntry.objects.filter(code=code).only("code", "name", "postcode", "parent_code", "is_open").first()


def lookup(code: str) -> Result | None:
    """One organisation by exact ODS code, or None when it is neither in the directory nor published."""
    entry = directory_entry(code)
    view = public.status_of(code)
    if entry is None and not view.status:
        return None
    return Result(code, entry.name if entry else "", entry.postcode if entry else "", view)
