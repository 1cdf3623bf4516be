"""What the public may see of publications: status, DSPT year, date, and which head office published.

This module is the only way other apps (the public status search, the API) read publication data. It never
returns answers, evidence, people or email addresses.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from dspt.assessments.rules import STATUS_LABELS
from dspt.frameworks.models import FrameworkVersion
from dspt.publication.models import Publication, PublicStatus

NOT_PUBLISHED = "Not published"


def _add_year(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def deadlines() -> dict[str, datetime.date]:
    return dict(FrameworkVersion.objects.values_list("year", "deadline"))


def next_year(year: str) -> str:
    start = int(year[:4]) + 1
    return f"{start}-{(start + 1) % 100:02d}"


def current_until(year: str, known_deadlines: dict[str, datetime.date]) -> datetime.date:
    """A status published for `year` stays current until the next year's deadline has passed."""
    following = known_deadlines.get(next_year(year))
    if following:
        return following
    own = known_deadlines.get(year) or datetime.date(int(year[:4]) + 1, 6, 30)
    return _add_year(own)


@dataclass(frozen=True)
class PublicView:
    ods_code: str
    status: str  # a status key, or "" when not published
    year: str
    published_on: datetime.date | None
    published_by_code: str
    current: bool

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, NOT_PUBLISHED) if self.status else NOT_PUBLISHED

    @property
    def display(self) -> str:
        if not self.status:
            return NOT_PUBLISHED
        return self.status_label if self.current else f"{self.status_label} (out of date)"

    def as_dict(self) -> dict:
        return {
            "ods_code": self.ods_code,
            "status": self.status_label,
            "dspt_year": self.year or None,
            "date_published": self.published_on.isoformat() if self.published_on else None,
            "current": self.current if self.status else False,
            "published_by_head_office": self.published_by_code or None,
        }


def _view(row: PublicStatus | None, code: str, known: dict, today: datetime.date) -> PublicView:
    if row is None:
        return PublicView(code, "", "", None, "", False)
    published_on = timezone.localtime(row.published_at).date()
    return PublicView(
        code, row.status, row.year, published_on, row.published_by_code, today <= current_until(row.year, known)
    )


def statuses_for(codes, today: datetime.date | None = None) -> dict[str, PublicView]:
    """The public view of each code (two queries whatever the number of codes)."""
    today = today or timezone.localdate()
    codes = list(codes)
    known = deadlines()
    rows = {row.ods_code: row for row in PublicStatus.objects.filter(ods_code__in=codes)}
    return {code: _view(rows.get(code), code, known, today) for code in codes}


def status_of(code: str, today: datetime.date | None = None) -> PublicView:
    return statuses_for([code], today)[code]


def history_for(code: str) -> list[dict]:
    """Every publication that covered this code, newest first: year, status (its label and key) and date only."""
    publications = (
        Publication.objects.filter(sites__ods_code=code)
        .order_by("-published_at", "-id")
        .values("year", "status", "published_at", "organisation__ods_code")
    )
    return [
        {
            "year": p["year"],
            "status": STATUS_LABELS.get(p["status"], p["status"]),
            "status_key": p["status"],
            "published_on": timezone.localtime(p["published_at"]).date(),
            "published_by_code": p["organisation__ods_code"] if p["organisation__ods_code"] != code else "",
        }
        for p in publications
    ]


def published_codes():
    """Every code with a public status (for the CSV download), as a queryset of PublicStatus rows."""
    return PublicStatus.objects.order_by("ods_code")
