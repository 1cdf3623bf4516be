"""The publication's row on the organisation home page, and what an operator checking a registration sees of it."""

from django.urls import reverse
from django.utils import timezone

from dspt.assessments import presenters
from dspt.organisations import presenters as org_presenters
from dspt.ui.presenters import long_date

DEADLINE = "Before the deadline of 30 June each year"


def operator_rows(organisation) -> list[dict]:
    """What an operator checking the organisation's registration sees of its latest publication: the status, and
    the services it covers (saying which the ODS directory lists under this organisation)."""
    latest = organisation.publications.defer("snapshot").first()
    if latest is None:
        return []
    published_on = long_date(timezone.localdate(latest.published_at))
    rows = [
        {
            "key": {"text": "Latest publication"},
            "value": {"text": f"{latest.year}: {latest.status_label}, {published_on}"},
        }
    ]
    sites = list(latest.sites.exclude(ods_code=organisation.ods_code).order_by("name", "ods_code"))
    if sites:
        listed = {branch.code for branch in organisation.branches()}
        unlisted = ", not listed under it in the ODS directory"
        names = [f"{site.name} ({site.ods_code}){'' if site.ods_code in listed else unlisted}" for site in sites]
        rows.append({"key": {"text": "It also covers"}, "value": {"text": "; ".join(names)}})
    return rows


def home_task(organisation, membership) -> dict:
    latest = organisation.publications.defer("snapshot").first()
    if latest is None:
        hint, status = DEADLINE, org_presenters.NOT_STARTED
    else:
        published_on = long_date(timezone.localdate(latest.published_at))
        hint = f"Published for {latest.year} on {published_on}. {DEADLINE}"
        status = {"tag": presenters.status_tag(latest.status)}
    return {
        "title": {"text": "Publish your assessment"},
        "hint": {"text": hint},
        "href": reverse("publication:overview", args=[organisation.ods_code]),
        "status": status,
    }
