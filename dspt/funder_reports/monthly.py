"""The numbers of a report for funders: what a support programme did and what changed, month by month, for one DSPT
year. The page, the Excel file and the CSV file all show what `report` returns (presenters.py lays it out).

The rules, each worked out from what the other apps keep:
- **Months** run by UK time (Europe/London): a month ends at midnight UK time at the start of the next month. The
  rows run from the year's opening (FrameworkVersion.published_on; 1 July of its first year when not known), or from
  the month the support organisation started here if that is later, to the current month, which is counted up to
  now.
- **Providers supported**: cohort entries added by the month's end (CohortEntry.added_at). The cohort keeps no
  record of providers removed from it, so they count in no month.
- **Consenting**: of those, providers whose consent to the support organisation was live at the month's end
  (granted before it, not withdrawn before it).
- **Events held**: the support organisation's events that started in the month and have started by now, not
  cancelled. **Places booked**: their bookings that hold a booked place (cancelled bookings, the waiting list and
  lapsed offers do not count). **Attended**: those bookings marked as attended.
- **Surgeries delivered**: bookings of the support organisation's surgery slots, not cancelled, on a slot not
  withdrawn that started in the month and has started by now, unless the adviser's notes say the provider did not
  come. Counted in the month of the slot.
- **Requests for help**: received in the month (HelpRequest.asked_at). **Contact log notes**: dated in the month.
- **Published**: a provider counts as published by the month's end when a publication for the year covering its
  ODS code (its own, or its head office's) was made before then, and the public may see it: the publisher's
  registration is confirmed (verification.review.shown_in_public, as publication.public shows statuses) and the
  provider has not ended that head office's cover. **Standards Met or Exceeded**: the same, for a publication at
  that level. For the cohort, among the providers supported at the month's end; the current month's figures are the
  cohort dashboard's (support.dashboard).
- **The area**: every open entry of the ODS directory whose postcode is in one of the postcode areas of the cohort
  (support.cohort.postcode_area: "SG" for "SG1 1AA"), as the directory is now; shares of the area are of that
  number.

A fixed number of queries however large the cohort or the area.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, Exists, Min, OuterRef, Q
from django.utils import timezone

from dspt.advice.models import Contact, HelpRequest, SurgeryBooking
from dspt.assessments import rules
from dspt.events.models import Booking, Event
from dspt.frameworks.models import FrameworkVersion
from dspt.organisations.models import OdsEntry
from dspt.publication.models import PublishedSite
from dspt.support.cohort import postcode_area
from dspt.support.models import CohortEntry, Consent, SupportOrganisation
from dspt.verification import review
from dspt.verification.models import EndedCover

LONDON = ZoneInfo(settings.TIME_ZONE)
MET_LEVELS = (rules.MET, rules.EXCEEDED)
# The path from a PublishedSite to the review state of the organisation that published it.
_PUBLISHER_STATE = "publication__organisation__registration_review__state"


@dataclass(frozen=True)
class Share:
    """`count` of `of`, and the rounded percentage as the dashboard's funnel rounds it (None when `of` is 0)."""

    count: int
    of: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.count / self.of) if self.of else None


@dataclass(frozen=True)
class Month:
    month: datetime.date  # the first day of the month
    providers: int
    consenting: int
    events_held: int
    places_booked: int
    attended: int
    surgeries: int
    help_requests: int
    contact_notes: int
    # None when no DSPT year is loaded
    cohort_published: Share | None
    cohort_met: Share | None
    area_published: Share | None
    area_met: Share | None


@dataclass(frozen=True)
class Report:
    support_organisation: SupportOrganisation
    framework: FrameworkVersion | None
    areas: list[str]  # the cohort's postcode areas
    area_size: int  # open directory entries in them
    months: list[Month]
    made_at: datetime.datetime

    @property
    def year(self) -> str:
        return self.framework.year if self.framework else ""


# ---- months ---------------------------------------------------------------------------------------------------


def month_of(moment) -> datetime.date:
    """The first day of the UK month a date or an aware time falls in."""
    if isinstance(moment, datetime.datetime):
        moment = moment.astimezone(LONDON).date()
    return moment.replace(day=1)


def next_month(month: datetime.date) -> datetime.date:
    return (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def month_end(month: datetime.date) -> datetime.datetime:
    """The moment the month ends: midnight UK time as the next month starts (UK clocks never change at midnight)."""
    return datetime.datetime.combine(next_month(month), datetime.time(), tzinfo=LONDON)


def month_starts(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    months, month = [], month_of(first)
    while month <= month_of(last):
        months.append(month)
        month = next_month(month)
    return months


def year_opens(framework: FrameworkVersion) -> datetime.date:
    """When the year opened: its question set's day, or 1 July of its first calendar year when that is not known."""
    return framework.published_on or datetime.date(int(framework.year[:4]), 7, 1)


def first_month(
    support_organisation: SupportOrganisation, framework, first_added, today: datetime.date
) -> datetime.date:
    """The report's first month: the year's opening, or the support organisation's start here when later (its
    creation, or its first cohort entry when that is earlier, as after an import); never after this month."""
    started = month_of(min(filter(None, [support_organisation.created_at, first_added])))
    start = max(month_of(year_opens(framework)), started) if framework else started
    return min(start, month_of(today))


# ---- the numbers ----------------------------------------------------------------------------------------------


def report(
    support_organisation: SupportOrganisation,
    framework: FrameworkVersion | None = None,
    now: datetime.datetime | None = None,
) -> Report:
    """The support organisation's month-by-month figures for `framework`'s year (the current year by default)."""
    now = now or timezone.now()
    today = now.astimezone(LONDON).date()
    framework = framework or FrameworkVersion.objects.current(today)
    entries = list(
        CohortEntry.objects.filter(support_organisation=support_organisation).values_list(
            "ods_code", "postcode", "added_at"
        )
    )
    start = first_month(support_organisation, framework, min((e[2] for e in entries), default=None), today)
    months = month_starts(start, today)
    since = datetime.datetime.combine(start, datetime.time(), tzinfo=LONDON)
    ends = [month_end(month) for month in months]

    joined = {code: added_at for code, _postcode, added_at in entries}
    consents = _consents(support_organisation)
    events = _events(support_organisation, since, now)
    surgeries = _by_month(_surgeries(support_organisation, since, now))
    help_requests = _by_month(
        HelpRequest.objects.filter(
            support_organisation=support_organisation, asked_at__gte=since, asked_at__lte=now
        ).values_list("asked_at", flat=True)
    )
    notes = _by_month(
        Contact.objects.filter(
            support_organisation=support_organisation, happened_on__gte=start, happened_on__lte=today
        ).values_list("happened_on", flat=True)
    )

    areas = sorted({postcode_area(postcode) for _code, postcode, _added in entries} - {""})
    area_codes = _area_entries(areas)
    area_size = area_codes.count() if areas else 0
    cohort_firsts, area_firsts = {}, {}
    if framework is not None:
        cohort_codes = CohortEntry.objects.filter(support_organisation=support_organisation).values("ods_code")
        cohort_firsts = first_publications(cohort_codes, framework.year)
        area_firsts = first_publications(area_codes.values("code"), framework.year) if areas else {}

    result = []
    for month, end in zip(months, ends, strict=True):
        supported = {code for code, added_at in joined.items() if added_at < end}
        consenting = sum(1 for code in supported if _live_at(consents.get(code, ()), end))
        held = events.get(month, (0, 0, 0))
        publication_figures = [None] * 4
        if framework is not None:
            published, met = _published_by(cohort_firsts, end, supported)
            area_published, area_met = _published_by(area_firsts, end)
            publication_figures = [
                Share(published, len(supported)),
                Share(met, len(supported)),
                Share(area_published, area_size),
                Share(area_met, area_size),
            ]
        result.append(
            Month(
                month,
                len(supported),
                consenting,
                held[0],
                held[1],
                held[2],
                surgeries.get(month, 0),
                help_requests.get(month, 0),
                notes.get(month, 0),
                *publication_figures,
            )
        )
    return Report(support_organisation, framework, areas, area_size, result, now)


def _by_month(moments) -> dict[datetime.date, int]:
    counts: dict[datetime.date, int] = defaultdict(int)
    for moment in moments:
        counts[month_of(moment)] += 1
    return counts


def _consents(support_organisation) -> dict[str, list[tuple]]:
    """Every consent ever given to the support organisation, by the provider's ODS code (one query)."""
    found = defaultdict(list)
    rows = Consent.objects.filter(support_organisation=support_organisation).values_list(
        "organisation__ods_code", "granted_at", "withdrawn_at"
    )
    for code, granted_at, withdrawn_at in rows:
        found[code].append((granted_at, withdrawn_at))
    return found


def _live_at(consents, moment: datetime.datetime) -> bool:
    return any(granted < moment and (withdrawn is None or withdrawn >= moment) for granted, withdrawn in consents)


def _events(support_organisation, since, now) -> dict[datetime.date, tuple[int, int, int]]:
    """Per month: events held, places booked on them, people who attended (one query)."""
    held = (
        Event.objects.filter(
            support_organisation=support_organisation, cancelled_at=None, starts_at__gte=since, starts_at__lte=now
        )
        .annotate(
            booked=Count("bookings", filter=Q(bookings__status=Booking.BOOKED)),
            came=Count("bookings", filter=Q(bookings__status=Booking.BOOKED, bookings__attended=True)),
        )
        .values_list("starts_at", "booked", "came")
    )
    totals: dict[datetime.date, tuple[int, int, int]] = {}
    for starts_at, booked, came in held:
        events, places, attended = totals.get(month_of(starts_at), (0, 0, 0))
        totals[month_of(starts_at)] = (events + 1, places + booked, attended + came)
    return totals


def _surgeries(support_organisation, since, now):
    """When each delivered surgery started (one query)."""
    return (
        SurgeryBooking.objects.live()
        .filter(
            slot__support_organisation=support_organisation,
            slot__withdrawn_at=None,
            slot__starts_at__gte=since,
            slot__starts_at__lte=now,
        )
        .exclude(contact__outcome=Contact.NO_SHOW)
        .values_list("slot__starts_at", flat=True)
    )


def _area_entries(areas: list[str]):
    """The open directory entries whose postcode is in one of `areas` (a queryset; areas are letters only)."""
    if not areas:
        return OdsEntry.objects.none()
    pattern = r"^\s*(" + "|".join(areas) + r")[0-9]"
    return OdsEntry.objects.filter(is_open=True, postcode__iregex=pattern)


def first_publications(codes, year: str) -> dict[str, tuple[datetime.datetime, datetime.datetime | None]]:
    """For each of `codes` (a queryset of codes) that has a publication for `year` the public may see: when it was
    first published at any level, and first at Standards Met or Exceeded (None if never). One query."""
    ended = EndedCover.objects.filter(
        branch__ods_code=OuterRef("ods_code"), head_office_id=OuterRef("publication__organisation_id")
    )
    sites = (
        PublishedSite.objects.filter(ods_code__in=codes, publication__year=year)
        .filter(review.publisher_shown(_PUBLISHER_STATE))
        .exclude(Exists(ended))
        .values("ods_code")
        .annotate(
            first=Min("publication__published_at"),
            first_met=Min("publication__published_at", filter=Q(publication__status__in=MET_LEVELS)),
        )
        .values_list("ods_code", "first", "first_met")
    )
    return {code: (first, first_met) for code, first, first_met in sites}


def _published_by(firsts: dict, end: datetime.datetime, among: set[str] | None = None) -> tuple[int, int]:
    """How many codes (of `among`, when given) had published before `end`: at any level, and at Standards Met or
    Exceeded."""
    published = met = 0
    for code, (first, first_met) in firsts.items():
        if among is not None and code not in among:
            continue
        published += first < end
        met += first_met is not None and first_met < end
    return published, met
