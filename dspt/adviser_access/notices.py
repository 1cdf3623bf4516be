"""The banner every page of a provider shows while an adviser can get in: to the provider's people (who it is, what
they can do, until when, and a way to end it) and to the adviser (that they are a guest and what is recorded)."""

from django.urls import reverse
from django.utils.html import format_html, format_html_join

from dspt.adviser_access import door, grants
from dspt.ui.presenters import long_date

TITLE = "Adviser access"


def banner(request) -> dict | None:
    organisation, membership = request.organisation, request.membership
    guest = door.grant_of(membership)
    if guest is not None:
        html = format_html(
            '<p class="nhsuk-body">You can {} of {} until {}, as {} of {}. Everything you do is recorded in its '
            "history under your name.</p>",
            grants.what_they_can(guest),
            organisation.name,
            long_date(guest.expires_at),
            request.user,
            guest.support_organisation,
        )
        return {"titleText": TITLE, "titleId": "adviser-access-title", "html": html}
    live = list(grants.usable_grants_for_organisation(organisation).select_related("adviser", "support_organisation"))
    if not live:
        return None
    page = reverse("adviser_access:grants", args=[organisation.ods_code])
    link_text = "End it now" if membership.is_admin else "See adviser access"
    html = format_html_join(
        "",
        '<p class="nhsuk-body">{} of {} can {}, until {}. <a href="{}">{}</a></p>',
        (
            (
                grant.adviser,
                grant.support_organisation,
                grants.what_they_can(grant),
                long_date(grant.expires_at),
                page,
                link_text,
            )
            for grant in live
        ),
    )
    return {"titleText": TITLE, "titleId": "adviser-access-title", "html": html}
