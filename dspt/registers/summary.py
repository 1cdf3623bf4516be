"""The registers' row on the organisation home page."""

from django.urls import reverse
from django.utils import timezone

from dspt.organisations import presenters as org_presenters
from dspt.registers import listing
from dspt.ui.presenters import long_date


def plural(count: int, word: str, words: str = "") -> str:
    return f"{count:,} {word if count == 1 else (words or word + 's')}"


def home_task(organisation, membership) -> dict:
    summaries = listing.summaries(organisation)
    current = sum(summary.current for summary in summaries)
    updated = [summary.last_updated for summary in summaries if summary.last_updated]
    item = {"title": {"text": "Keep your registers"}, "href": reverse("registers:index", args=[organisation.ods_code])}
    if not updated:
        names = " and ".join(summary.spec.name for summary in summaries)
        item["hint"] = {"text": f"Your {names}: evidence for several questions"}
        item["status"] = org_presenters.NOT_STARTED
    else:
        last = long_date(timezone.localdate(max(updated)))
        item["hint"] = {"text": f"{plural(current, 'entry', 'entries')}, last updated {last}"}
        item["status"] = org_presenters.IN_PROGRESS
    return item
