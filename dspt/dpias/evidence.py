"""What DPIAs give the rest of the service: reviews falling due (freshness) and their part of the CQC evidence pack."""

import datetime

from dspt.dpias.models import Dpia
from dspt.dpias.register import DPIAS
from dspt.registers.hooks import Due, PackSection
from dspt.ui.presenters import long_date


def _current(organisation):
    return DPIAS.entries(organisation).filter(archived_at=None)


def reviews_due(organisation, today: datetime.date) -> list[Due]:
    """Every current DPIA with a review date: the home page lists those overdue or due soon."""
    return [
        Due(
            title=f"Review of the DPIA '{dpia.title}'",
            due_on=dpia.review_date,
            url=DPIAS.url("entry", organisation, dpia),
            refs=DPIAS.evidences,
        )
        for dpia in _current(organisation).exclude(review_date=None).exclude(status=Dpia.NOT_NEEDED)
    ]


def pack_section(organisation, today: datetime.date) -> PackSection | None:
    """DPIAs with their status, sign-off date and review date; None when there are none."""
    found = list(_current(organisation).order_by("name", "pk"))
    if not found:
        return None
    signed = sum(1 for dpia in found if dpia.status == Dpia.SIGNED_OFF)
    rows = []
    for dpia in found:
        parts = [dpia.get_status_display()]
        if dpia.status == Dpia.SIGNED_OFF and dpia.signed_off_on:
            parts.append(
                f"{dpia.get_outcome_display().lower()} on {long_date(dpia.signed_off_on)} by {dpia.signed_off_by}"
            )
        if dpia.review_date:
            overdue = " (overdue)" if dpia.review_date < today else ""
            parts.append(f"review by {long_date(dpia.review_date)}{overdue}")
        rows.append((dpia.title, ", ".join(parts)))
    total = len(found)
    return PackSection(
        title="Data Protection Impact Assessments",
        summary=f"{total} DPIA{'s' if total != 1 else ''} on record, {signed} signed off.",
        rows=rows,
    )
