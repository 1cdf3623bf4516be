"""What support organisations' pages share: their navigation (areas above this app add their section, e.g. events
and advice, with add_navigation_item from their AppConfig.ready())."""

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


def cohort_row(row, support_organisation, membership) -> dict:
    """One provider in the cohort's list: what the support organisation may see of it, as table cells."""
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
        "stage": row.stage_label,
        "stage_tag": STAGE_TAGS[row.stage],
        "public": row.public_view.display,
        "registered": "Yes" if row.registered else "No",
        "consent": "Yes" if row.consented else "No",
        "progress": seen,
        "area": row.area,
        "facts": [
            {"key": fact.key, "label": fact.label, "text": row.facts[fact.key].text if fact.key in row.facts else ""}
            for fact in cohort_facts.registered()
        ],
        "remove_href": reverse("support:remove", args=[support_organisation.slug, row.entry.pk])
        if membership.is_lead
        else "",
    }


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
