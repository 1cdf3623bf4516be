"""How public statuses are shown: tag colours, table rows, pagination items, plain-English explanations."""

from html import escape
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse

from dspt.assessments import presenters as assessment_presenters
from dspt.assessments.rules import APPROACHING, EXCEEDED, MET, NOT_MET
from dspt.publication.public import NOT_PUBLISHED, NOT_VERIFIED
from dspt.status_search.badge import HEIGHT, WIDTH
from dspt.ui.presenters import long_date

OUT_OF_DATE = "Out of date"
GREY = "nhsuk-tag--grey"  # not published, or out of date: no status colour

# What each status means, in plain words (the public page), by status key (or the label of a grey tag).
MEANINGS = [
    (
        EXCEEDED,
        "The organisation meets every standard and also holds a current Cyber Essentials Plus certificate, "
        "checked by an independent assessor.",
    ),
    (
        MET,
        "The organisation says it meets every standard needed to show it looks after people's information "
        "safely and securely.",
    ),
    (
        APPROACHING,
        "The organisation meets the basic standards and has published a plan to meet the rest.",
    ),
    (
        NOT_MET,
        "The organisation has published its assessment but does not yet meet the basic standards.",
    ),
    (
        OUT_OF_DATE,
        "The status was published for an earlier year and the deadline for publishing a newer one has passed.",
    ),
    (NOT_PUBLISHED, "We do not hold a published status for this organisation."),
    (
        NOT_VERIFIED,
        "The organisation registered on this service, but whoever runs the service has not confirmed the "
        "registration, so its status is not shown.",
    ),
]


def tag_of(status: str) -> dict:
    """The tag of a status key, as on every signed-in page (assessments.presenters.status_tag); any other text
    (Not published, Out of date) is a grey tag."""
    if status in assessment_presenters.STATUS_TAG_CLASSES:
        return assessment_presenters.status_tag(status)
    return {"text": status, "classes": GREY}


def meanings() -> list[dict]:
    """Each status's tag (as the page shows it) and what it means, for the page's summary list."""
    return [{"tag": tag_of(status), "meaning": meaning} for status, meaning in MEANINGS]


def status_tag(view) -> dict:
    """Parameters for the NHS.UK tag macro for a public view (publication.public.PublicView)."""
    if not view.status:
        return tag_of(view.display)  # Not published, or Not verified
    if not view.current:
        return {"text": view.display, "classes": GREY}
    return tag_of(view.status)


def history_rows(history: list[dict]) -> list[dict]:
    """The public history (publication.public.history_for) with each publication's status as its tag."""
    return [item | {"tag": tag_of(item["status_key"])} for item in history]


def display_name(result) -> str:
    return result.name or result.ods_code


def page_url(query: str, number: int) -> str:
    params = {"q": query} if query else {}
    if number > 1:
        params["page"] = number
    base = reverse("status_search:search")
    return f"{base}?{urlencode(params)}" if params else base


def pagination(result_page) -> dict | None:
    """Parameters for the NHS.UK pagination macro (numbered), or None for a single page."""
    if result_page.pages <= 1:
        return None
    current, last = result_page.number, result_page.pages
    wanted = sorted({1, last, current - 1, current, current + 1} & set(range(1, last + 1)))
    items, previous = [], 0
    for number in wanted:
        if number - previous > 1:
            items.append({"ellipsis": True})
        items.append({"number": number, "href": page_url(result_page.query, number), "current": number == current})
        previous = number
    return {
        "previous": {"href": page_url(result_page.query, current - 1)} if result_page.has_previous else None,
        "next": {"href": page_url(result_page.query, current + 1)} if result_page.has_next else None,
        "items": items,
    }


def result_rows(results) -> list[dict]:
    """What the results table shows for each organisation (the template turns these into table cells)."""
    rows = []
    for result in results:
        view = result.view
        rows.append(
            {
                "name": display_name(result),
                "href": reverse("status_search:organisation", args=[result.ods_code]),
                "ods_code": result.ods_code,
                "postcode": result.postcode,
                "tag": status_tag(view),
                "year": view.year,
                "published_on": (long_date(view.published_on) + (" (late)" if view.late else ""))
                if view.published_on
                else "",
            }
        )
    return rows


def embed_html(name: str, public_url: str, badge_url: str) -> str:
    """The HTML a provider pastes into its own website to show its badge, linking to its public page.

    A plain string (not marked safe): templates show it as text to copy.
    """
    alt = escape(f"Data Security and Protection Toolkit status of {name}, self-assessed on {settings.SERVICE_NAME}")
    image = f'<img src="{escape(badge_url)}" alt="{alt}" width="{WIDTH}" height="{HEIGHT}">'
    return f'<a href="{escape(public_url)}">{image}</a>'
