"""What the staff training pages show: the share above the register's list, the link on a person's page."""

import datetime

from django.template.loader import render_to_string
from django.urls import reverse
from markupsafe import Markup

from dspt.training import share as share_rule

NAMES_SHOWN = 10


def list_notice(organisation, today: datetime.date) -> Markup:
    """The live share and who is out of date, as HTML for the top of the register's list (two queries)."""
    found = share_rule.share(organisation, today)
    late = share_rule.out_of_date(organisation, today) if found.total else []
    return Markup(  # noqa: S704 (rendered by our own autoescaping template)
        render_to_string(
            "training/_share.jinja",
            {
                "found": found,
                "late": late[:NAMES_SHOWN],
                "more": max(len(late) - NAMES_SHOWN, 0),
                "late_count": len(late),
                "organisation": organisation,
            },
        )
    )


def entry_section(spec, entry, can_change: bool) -> dict | None:
    """Below a member of staff's details (registers' entry_section): a confirmation link, for those who may change
    the register, while the person is current."""
    if not can_change or entry.is_archived:
        return None
    href = reverse("training:confirmation_link", args=[entry.organisation.ods_code, entry.pk])
    return {"text": "Get a link for them to confirm their training", "href": href}


def staff_url(organisation, entry) -> str:
    return reverse("registers:staff-training:entry", args=[organisation.ods_code, entry.pk])


def register_url(organisation) -> str:
    return reverse("registers:staff-training:list", args=[organisation.ods_code])
