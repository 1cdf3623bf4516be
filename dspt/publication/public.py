"""What the public may see of publications: status, DSPT year, date, which head office published, and the day the
provider says it published in the national toolkit too (its own statement). Every status is self-assessed here.

This module is the only way other apps (the public status search, the API) read publication data. It never
returns answers, evidence, people or email addresses.
"""

import datetime
from dataclasses import dataclass

from django.db.models import F
from django.utils import timezone

from dspt.assessments.rules import STATUS_LABELS
from dspt.frameworks import calendar
from dspt.frameworks.models import FrameworkVersion
from dspt.lib.national_toolkit import SELF_ASSESSED
from dspt.publication.models import Publication, PublicStatus
from dspt.verification import review
from dspt.verification.models import EndedCover

NOT_PUBLISHED = "Not published"
# A status is published but its publisher's registration is not confirmed (verification.review.shown_in_public).
NOT_VERIFIED = "Not verified"
# The path from a PublicStatus row to the review state of the organisation that published it.
_PUBLISHER_STATE = "publication__organisation__registration_review__state"


def deadlines() -> dict[str, datetime.date]:
    return dict(FrameworkVersion.objects.values_list("year", "deadline"))


def current_until(year: str, known_deadlines: dict[str, datetime.date]) -> datetime.date:
    """A status published for `year` stays current until the next year's deadline has passed."""
    return calendar.lapses_on(year, known_deadlines)


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


@dataclass(frozen=True)
class PublicView:
    ods_code: str
    status: str  # a status key, or "" when not published
    year: str
    published_on: datetime.date | None
    published_by_code: str
    current: bool
    # The day the provider says it published this status in the national toolkit: its own statement, never checked.
    national_on: datetime.date | None = None
    # False when a status is published but hidden: its publisher's registration is not confirmed (status is "").
    verified: bool = True
    # Published after its year's deadline (frameworks/calendar.py): allowed, and always shown as late.
    late: bool = False

    @property
    def status_label(self) -> str:
        if not self.status:
            return NOT_PUBLISHED if self.verified else NOT_VERIFIED
        return STATUS_LABELS.get(self.status, NOT_PUBLISHED)

    @property
    def display(self) -> str:
        if not self.status:
            return self.status_label
        notes = [note for note, on in (("published late", self.late), ("out of date", not self.current)) if on]
        return f"{self.status_label} ({', '.join(notes)})" if notes else self.status_label

    def as_dict(self) -> dict:
        return {
            "ods_code": self.ods_code,
            "status": self.status_label,
            "dspt_year": self.year or None,
            "date_published": self.published_on.isoformat() if self.published_on else None,
            "current": self.current if self.status else False,
            "published_late": self.late if self.status else None,
            "published_by_head_office": self.published_by_code or None,
            "assessed": SELF_ASSESSED if self.status else None,
            "provider_says_published_in_national_toolkit_on": _iso(self.national_on),
        }


def _view(row: PublicStatus | None, code: str, known: dict, today: datetime.date) -> PublicView:
    if row is None:
        return PublicView(code, "", "", None, "", False)
    if not review.shown_in_public(row.publisher_state or review.WAITING, review.review_required()):
        return PublicView(code, "", "", None, "", False, verified=False)
    published_on = timezone.localtime(row.published_at).date()
    current = today <= current_until(row.year, known)
    national_on = getattr(row, "national_on", None)
    late = row.year in known and published_on > known[row.year]
    return PublicView(code, row.status, row.year, published_on, row.published_by_code, current, national_on, late=late)


def statuses_for(codes, today: datetime.date | None = None) -> dict[str, PublicView]:
    """The public view of each code (two queries whatever the number of codes). A status whose publisher's
    registration is not confirmed is hidden: its view says Not verified and nothing else."""
    today = today or timezone.localdate()
    codes = list(codes)
    known = deadlines()
    national_on = F("publication__national__published_on")
    statuses = PublicStatus.objects.filter(ods_code__in=codes).annotate(
        national_on=national_on, publisher_state=F(_PUBLISHER_STATE)
    )
    rows = {row.ods_code: row for row in statuses}
    return {code: _view(rows.get(code), code, known, today) for code in codes}


def status_of(code: str, today: datetime.date | None = None) -> PublicView:
    return statuses_for([code], today)[code]


def history_for(code: str) -> list[dict]:
    """Every publication that covered this code, newest first: year, status (its label and key) and date only.

    Left out: publications by an organisation whose registration is not confirmed, and those of a head office whose
    cover this code (registered here on its own) has ended."""
    ended = EndedCover.objects.filter(branch__ods_code=code).values("head_office_id")
    publications = (
        Publication.objects.filter(sites__ods_code=code)
        .filter(review.publisher_shown("organisation__registration_review__state"))
        .exclude(organisation_id__in=ended)
        .order_by("-published_at", "-id")
        .values("year", "status", "published_at", "organisation__ods_code")
    )
    known = deadlines()
    return [
        {
            "year": p["year"],
            "late": p["year"] in known and timezone.localtime(p["published_at"]).date() > known[p["year"]],
            "status": STATUS_LABELS.get(p["status"], p["status"]),
            "status_key": p["status"],
            "published_on": timezone.localtime(p["published_at"]).date(),
            "published_by_code": p["organisation__ods_code"] if p["organisation__ods_code"] != code else "",
        }
        for p in publications
    ]


def published_codes():
    """Every code with a status the public may see (for the CSV download and the API's list), as a queryset of
    PublicStatus rows. Statuses whose publisher's registration is not confirmed are left out."""
    return PublicStatus.objects.filter(review.publisher_shown(_PUBLISHER_STATE)).order_by("ods_code")


def also_covers(code: str) -> list[dict]:
    """The other services the publication behind this code's own public status covers (a head office's branches),
    by name: {"ods_code", "name"}. Empty when the status is hidden, or published by a head office for this code;
    branches that have ended the cover are left out."""
    row = (
        PublicStatus.objects.filter(ods_code=code, published_by_code="")
        .filter(review.publisher_shown(_PUBLISHER_STATE))
        .only("publication_id")
        .first()
    )
    if row is None:
        return []
    ended = EndedCover.objects.filter(head_office__ods_code=code).values("branch__ods_code")
    sites = row.publication.sites.exclude(ods_code=code).exclude(ods_code__in=ended).order_by("name", "ods_code")
    return list(sites.values("ods_code", "name"))
