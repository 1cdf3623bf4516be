"""The publication's row on the organisation home page."""

from django.urls import reverse
from django.utils import timezone

from dspt.assessments import presenters
from dspt.organisations import presenters as org_presenters
from dspt.ui.presenters import long_date

DEADLINE = "Before the deadline of 30 June each year"


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
