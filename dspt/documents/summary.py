"""What the documents add to the organisation's home page (a task row), to the freshness list (review dates) and to
the question pages (the documents that evidence each question)."""

import datetime

from django.urls import reverse

from dspt.documents import drafting, kinds
from dspt.organisations import presenters as org_presenters
from dspt.registers.hooks import Due, Evidence
from dspt.ui.presenters import long_date


def home_task(organisation, membership) -> dict:
    latest = drafting.latest_versions(organisation)
    item = {
        "title": {"text": "Write your policies and notices"},
        "href": reverse("documents:index", args=[organisation.ods_code]),
    }
    if not latest:
        item["hint"] = {"text": "Drafted for you from your profile and registers, ready to check and download"}
        item["status"] = org_presenters.NOT_STARTED
    else:
        item["hint"] = {"text": f"{len(latest)} of {len(kinds.ALL)} documents saved"}
        item["status"] = org_presenters.COMPLETED if len(latest) == len(kinds.ALL) else org_presenters.IN_PROGRESS
    return item


def due_items(organisation, today: datetime.date) -> list[Due]:
    """Each saved document's review date: it goes stale then."""
    return [
        Due(
            title=f"Review the {version.title}",
            due_on=version.review_on,
            url=reverse("documents:document", args=[organisation.ods_code, slug]),
            refs=kinds.get(slug).evidences if kinds.get(slug) else (),
        )
        for slug, version in drafting.latest_versions(organisation).items()
    ]


def evidence_for(organisation, ref: str) -> list[Evidence]:
    """The documents that evidence question `ref`, for its page: the latest version, or an offer to write it."""
    relevant = [kind for kind in kinds.ALL if ref in kind.evidences]
    if not relevant:
        return []
    latest = drafting.latest_versions(organisation)
    found = []
    for kind in relevant:
        url = reverse("documents:document", args=[organisation.ods_code, kind.slug])
        version = latest.get(kind.slug)
        if version is None:
            found.append(
                Evidence(kind.title, url, "Not written yet: we draft it for you from your profile and registers")
            )
        else:
            found.append(
                Evidence(
                    f"{version.title}, version {version.number}", url, f"Review due {long_date(version.review_on)}"
                )
            )
    return found
