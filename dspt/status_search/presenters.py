"""How public statuses are shown: tag colours, table rows, pagination items, plain-English explanations."""

from html import escape
from urllib.parse import urlencode

from django.urls import reverse

from dspt.assessments.rules import APPROACHING, EXCEEDED, MET, NOT_MET
from dspt.publication.public import NOT_PUBLISHED
from dspt.status_search.badge import HEIGHT, WIDTH
from dspt.ui.presenters import long_date

TAG_COLOURS = {NOT_MET: "red", APPROACHING: "yellow", MET: "green", EXCEEDED: "aqua-green"}

# What each status means, in plain words (the public page).
MEANINGS = [
    (
        "Standards Exceeded",
        "The organisation meets every standard and also holds a current Cyber Essentials Plus certificate, "
        "checked by an independent assessor.",
    ),
    (
        "Standards Met",
        "The organisation says it meets every standard needed to show it looks after people's information "
        "safely and securely.",
    ),
    (
        "Approaching Standards",
        "The organisation meets the basic standards and has published a plan to meet the rest.",
    ),
    (
        "Standards Not Met",
        "The organisation has published its assessment but does not yet meet the basic standards.",
    ),
    (
        "Out of date",
        "The status was published for an earlier year and the deadline for publishing a newer one has passed.",
    ),
    (NOT_PUBLISHED, "We do not hold a published status for this organisation."),
]


def meaning_rows() -> list[dict]:
    """Rows for the NHS.UK summary list explaining each status."""
    return [{"key": {"text": label}, "value": {"text": meaning}} for label, meaning in MEANINGS]


def status_tag(view) -> dict:
    """Parameters for the NHS.UK tag macro for a public view (publication.public.PublicView)."""
    if not view.status:
        return {"text": NOT_PUBLISHED, "colour": "grey"}
    if not view.current:
        return {"text": view.display, "colour": "grey"}
    return {"text": view.display, "colour": TAG_COLOURS.get(view.status, "blue")}


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
                "published_on": long_date(view.published_on) if view.published_on else "",
            }
        )
    return rows


def embed_html(name: str, public_url: str, badge_url: str) -> str:
    """The HTML a provider pastes into its own website to show its badge, linking to its public page.

    A plain string (not marked safe): templates show it as text to copy.
    """
    alt = escape(f"Data Security and Protection Toolkit status of {name}")
    image = f'<img src="{escape(badge_url)}" alt="{alt}" width="{WIDTH}" height="{HEIGHT}">'
    return f'<a href="{escape(public_url)}">{image}</a>'
