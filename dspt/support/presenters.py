"""What support organisations' pages share: their navigation (areas above this app add their section, e.g. events
and advice, with add_navigation_item from their AppConfig.ready())."""

from urllib.parse import urlencode

from django.urls import reverse

from dspt.support import cohort_facts

_navigation_items: dict[str, tuple[int, str, str]] = {}


def add_navigation_item(key: str, order: int, text: str, url_name: str) -> None:
    """Show a link to `url_name` (reversed with the support organisation's slug) in every support page's navigation,
    in `order` (the cohort is 0); `key` is what a page passes as `current` to mark it."""
    _navigation_items[key] = (order, text, url_name)


def navigation(support_organisation, membership, current: str) -> list[dict]:
    items = sorted(_navigation_items.items(), key=lambda item: item[1][0])
    return [
        {"text": text, "href": reverse(url_name, args=[support_organisation.slug]), "current": key == current}
        for key, (_order, text, url_name) in items
    ]


def dashboard_url(support_organisation) -> str:
    return reverse("support:dashboard", args=[support_organisation.slug])


def staff_url(support_organisation) -> str:
    return reverse("support:staff", args=[support_organisation.slug])


STAGE_TAGS = {
    "not_registered": "nhsuk-tag--grey",
    "registered": "nhsuk-tag--blue",
    "in_progress": "nhsuk-tag--light-blue",
    "approaching": "nhsuk-tag--yellow",
    "met": "nhsuk-tag--green",
}


# A number no cohort entry has, put in the one reversed Remove link and then replaced by each entry's id.
_ENTRY_PLACEHOLDER = 987654321


def stage_tags(stages) -> list[dict]:
    """The design system's tag for each stage, as parameters: the page draws the five tags once and reuses them."""
    return [{"key": key, "text": label, "classes": STAGE_TAGS[key]} for key, label in stages]


def cohort_rows(rows, support_organisation, membership) -> list[dict]:
    """The providers shown in the cohort's list: what the support organisation may see of each, as table cells.
    What every row shares (the facts' columns, the Remove link's address) is worked out once."""
    facts = [(fact.key, fact.label) for fact in cohort_facts.registered()]
    remove = ""
    if membership.is_lead:
        remove = reverse("support:remove", args=[support_organisation.slug, _ENTRY_PLACEHOLDER])
    return [_cohort_row(row, facts, remove) for row in rows]


def cohort_row(row, support_organisation, membership) -> dict:
    """One provider in the cohort's list, as table cells."""
    return cohort_rows([row], support_organisation, membership)[0]


def _cohort_row(row, facts, remove_pattern: str) -> dict:
    if row.progress is not None:
        seen = f"{row.progress.status_label}: {row.progress.answered} of {row.progress.total} questions answered"
    elif row.consented:
        seen = "Not started this year's assessment"
    elif row.registered:
        seen = "Not shared (no consent)"
    else:
        seen = ""
    return {
        "entry": row.entry,
        "stage_key": row.stage,
        "stage": row.stage_label,
        "stage_tag": STAGE_TAGS[row.stage],
        "public": row.public_view.display,
        "registered": "Yes" if row.registered else "No",
        "consent": "Yes" if row.consented else "No",
        "progress": seen,
        "area": row.area,
        "facts": [
            {"key": key, "label": label, "text": row.facts[key].text if key in row.facts else ""}
            for key, label in facts
        ],
        "remove_href": remove_pattern.replace(f"/{_ENTRY_PLACEHOLDER}/", f"/{row.entry.pk}/") if remove_pattern else "",
    }


def filters_query(filters) -> dict[str, str]:
    """The chosen filters as query string parameters (only the recognised values), for the list's page links."""
    params = {"stage": filters.stage, "area": filters.area, "consent": filters.consent}
    params.update(dict(filters.facts))
    return {name: value for name, value in params.items() if value}


def _page_href(filters, number: int) -> str:
    params = filters_query(filters)
    if number > 1:
        params["page"] = str(number)
    return f"?{urlencode(params)}#providers" if params else "?#providers"


def list_pagination(list_page, filters) -> dict | None:
    """Parameters for the design system's numbered pagination under the list, or None when it fits on one page.
    Every link keeps the chosen filters (plain links: they work without JavaScript)."""
    if list_page.pages <= 1:
        return None
    current, last = list_page.number, list_page.pages
    wanted = sorted({1, last, current - 1, current, current + 1} & set(range(1, last + 1)))
    items, previous = [], 0
    for number in wanted:
        if number - previous > 1:
            items.append({"ellipsis": True})
        items.append({"number": number, "href": _page_href(filters, number), "current": number == current})
        previous = number
    return {
        "previous": {"href": _page_href(filters, current - 1)} if list_page.has_previous else None,
        "next": {"href": _page_href(filters, current + 1)} if list_page.has_next else None,
        "items": items,
        "ariaLabel": "Pages of the list of providers",
    }


def showing(list_page, total: int, filtered: bool) -> str:
    """Which providers the list shows: "Showing 12 of 40." on one page, "Showing 51 to 100 of 1,234." over
    several (with the cohort's size when filters are chosen)."""
    if list_page.pages <= 1:
        return f"Showing {list_page.count:,} of {total:,}."
    text = f"Showing {list_page.first:,} to {list_page.last:,} of {list_page.count:,}"
    if filtered:
        text += f" matching providers ({total:,} in the cohort)"
    return text + "."


def _select(name: str, label: str, empty: str, choices, chosen: str, hint: str = "") -> dict:
    """The parameters of the design system's select for one of the list's filters."""
    items = [{"value": "", "text": empty, "selected": not chosen}]
    items += [{"value": value, "text": text, "selected": value == chosen} for value, text in choices]
    params = {"id": f"filter-{name}", "name": name, "label": {"text": label}, "items": items}
    if hint:
        params["hint"] = {"text": hint}
    return params


def filter_selects(filters, stages, consent_choices, areas) -> list[dict]:
    """The dashboard list's filters, as selects (a GET form: it works without JavaScript): stage, postcode area,
    consent, then each fact the apps above this one add (cohort_facts)."""
    selects = [
        _select("stage", "Stage", "All stages", stages, filters.stage),
        _select("area", "Postcode area", "All areas", [(a, a) for a in areas], filters.area),
        _select("consent", "Consent", "Either", consent_choices, filters.consent),
    ]
    for fact in cohort_facts.registered():
        selects.append(_select(fact.key, fact.label, "Any", fact.choices, filters.fact(fact.key), fact.hint))
    return selects


def fact_headings() -> list[str]:
    return [fact.label for fact in cohort_facts.registered()]


def fact_note() -> str:
    """Says on the dashboard that the apps' facts are the support organisation's own records, shown without
    consent."""
    headings = [f"“{label}”" for label in fact_headings()]
    if not headings:
        return ""
    if len(headings) == 1:
        return (
            f"{headings[0]} comes from your own records of your work with each provider, so it shows whether or "
            "not the provider has given consent."
        )
    named = ", ".join(headings[:-1]) + " and " + headings[-1]
    return (
        f"{named} come from your own records of your work with each provider, so they show whether or not the "
        "provider has given consent."
    )


def chart(months, width: int = 640, height: int = 240) -> dict | None:
    """A bar chart of progress over time, drawn as SVG on the server: per month, how many of the cohort had
    published in total (light bars) and how many at Standards Met or Exceeded (dark bars)."""
    if not months:
        return None
    top = max(m.published_so_far for m in months) or 1
    left, bottom, space = 40, 30, 10
    plot_height = height - bottom - space
    slot = (width - left - space) / len(months)
    bar = max(4.0, slot / 2 - 4)
    bars = []
    for index, month in enumerate(months):
        x = left + index * slot + 2
        for offset, value, kind in ((0, month.published_so_far, "published"), (bar + 2, month.met_so_far, "met")):
            h = plot_height * value / top
            bars.append(
                {
                    "x": round(x + offset, 1),
                    "y": round(space + plot_height - h, 1),
                    "width": round(bar, 1),
                    "height": round(h, 1),
                    "kind": kind,
                    "value": value,
                }
            )
    labels = [
        {"x": round(left + i * slot + slot / 2, 1), "text": m.month.strftime("%b %Y")} for i, m in enumerate(months)
    ]
    return {
        "width": width,
        "height": height,
        "bars": bars,
        "labels": labels,
        "top": top,
        "axis_y": space + plot_height,
        "left": left,
        "space": space,
    }


def contact_notice(organisation, membership) -> dict | None:
    """The consenting support organisations' contact details, for the provider's home page."""
    from dspt.support import consent

    supporting = consent.supporting(organisation)
    if not supporting:
        return None
    parts = []
    for s in supporting:
        details = ", ".join(
            p for p in (f"phone {s.phone}" if s.phone else "", s.email, f"{s.hours}" if s.hours else "") if p
        )
        parts.append(f"{s.name}: {details}" if details else s.name)
    return {"lead": "Help from your support programme – " + "; ".join(parts)}


def workplaces(user) -> list[dict]:
    """The support organisations `user` works for, for the page that follows sign-in (one query)."""
    from dspt.support.models import SupportMembership

    found = SupportMembership.objects.filter(user=user).select_related("support_organisation")
    return [
        {
            "href": reverse("support:dashboard", args=[membership.support_organisation.slug]),
            "heading": membership.support_organisation.name,
            "description": f"Support programme · {membership.get_role_display()}",
        }
        for membership in found.order_by("support_organisation__name")
    ]
