"""The publication's row on the organisation home page."""

from django.urls import reverse

from dspt.organisations import presenters as org_presenters


def home_task(organisation, membership) -> dict:
    latest = organisation.publications.defer("snapshot").first()
    status = org_presenters.NOT_STARTED if latest is None else {"text": f"{latest.year}: {latest.status_label}"}
    return {
        "title": {"text": "Publish your assessment"},
        "hint": {"text": "Before the deadline of 30 June each year"},
        "href": reverse("publication:overview", args=[organisation.ods_code]),
        "status": status,
    }
