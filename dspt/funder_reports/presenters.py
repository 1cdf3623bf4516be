"""How a report for funders is laid out: its columns, what each means in plain words, and the values in each
(the page, the Excel file and the CSV file take them all from here, so they always agree)."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from dspt.funder_reports.monthly import LONDON, Month, Report, Share
from dspt.lib.national_toolkit import SELF_ASSESSED


@dataclass(frozen=True)
class Column:
    key: str
    heading: str
    meaning: str
    value: Callable[[Month], int | None]
    width: int = 14


def _count(share: Share | None) -> int | None:
    return share.count if share is not None else None


def _percent(share: Share | None) -> int | None:
    return share.percent if share is not None else None


def month_text(month: datetime.date) -> str:
    return month.strftime("%B %Y")


MONTH_MEANING = "Each month runs by UK time. The current month is counted up to the moment the report was made."


def activity_columns() -> list[Column]:
    """What the programme did: one column each, after the month."""
    return [
        Column(
            "providers",
            "Providers supported",
            "Providers in your cohort at the end of the month, by the day each was added. Providers you have removed "
            "from the cohort are not counted in any month.",
            lambda m: m.providers,
        ),
        Column(
            "consenting",
            "Letting you see their progress",
            "Of those, providers registered on this service who were letting you see their progress at the end of "
            "the month. A provider who withdrew that during the month is not counted for that month.",
            lambda m: m.consenting,
        ),
        Column(
            "events_held",
            "Events held",
            "Your webinars and workshops that took place in the month. Cancelled events and events still to come "
            "are not counted.",
            lambda m: m.events_held,
        ),
        Column(
            "places_booked",
            "Places booked",
            "Places booked on those events. Cancelled bookings, people on the waiting list and offers of a place "
            "that were not taken up are not counted.",
            lambda m: m.places_booked,
        ),
        Column(
            "attended",
            "People who attended",
            "People you marked as attending those events.",
            lambda m: m.attended,
        ),
        Column(
            "surgeries",
            "Surgeries delivered",
            "One-to-one surgeries that took place in the month: a slot a provider booked and did not cancel, once "
            "its start time had passed. A surgery whose notes say 'They did not come' is not counted.",
            lambda m: m.surgeries,
        ),
        Column(
            "help_requests",
            "Requests for help",
            "Requests for help that providers sent you through the service in the month.",
            lambda m: m.help_requests,
        ),
        Column(
            "contact_notes",
            "Contact log notes",
            "Notes in your contact log dated in the month: calls, emails, visits, surgeries and requests for help.",
            lambda m: m.contact_notes,
        ),
    ]


def publication_columns(year: str) -> list[Column]:
    """How many published, in the cohort and in the area, as numbers and as shares."""
    year_text = f"DSPT {year}" if year else "the DSPT year"
    return [
        Column(
            "cohort_published",
            "Cohort published",
            f"Providers supported at the end of the month who had published a status for {year_text} on this "
            "service by then, at any level (their own publication, or their head office's for them).",
            lambda m: _count(m.cohort_published),
        ),
        Column(
            "cohort_published_percent",
            "Cohort published (% of the cohort)",
            "Cohort published, as a share of the providers supported that month.",
            lambda m: _percent(m.cohort_published),
        ),
        Column(
            "cohort_met",
            "Cohort at Standards Met or Exceeded",
            f"Providers supported who had published Standards Met or Standards Exceeded for {year_text} by the end "
            "of the month.",
            lambda m: _count(m.cohort_met),
        ),
        Column(
            "cohort_met_percent",
            "Cohort at Standards Met or Exceeded (% of the cohort)",
            "Cohort at Standards Met or Exceeded, as a share of the providers supported that month.",
            lambda m: _percent(m.cohort_met),
        ),
        Column(
            "area_size",
            "Services in the area",
            "Services listed as open in the NHS ODS directory whose postcode is in one of your cohort's postcode "
            "areas (such as SG for SG1 1AA), as the directory is now. Your cohort's providers are among them.",
            lambda m: m.area_published.of if m.area_published is not None else None,
        ),
        Column(
            "area_published",
            "Area published",
            f"Services in the area that had published a status for {year_text} on this service by the end of the "
            "month, at any level.",
            lambda m: _count(m.area_published),
        ),
        Column(
            "area_published_percent",
            "Area published (% of the area)",
            "Area published, as a share of the services in the area.",
            lambda m: _percent(m.area_published),
        ),
        Column(
            "area_met",
            "Area at Standards Met or Exceeded",
            f"Services in the area that had published Standards Met or Standards Exceeded for {year_text} by the end "
            "of the month.",
            lambda m: _count(m.area_met),
        ),
        Column(
            "area_met_percent",
            "Area at Standards Met or Exceeded (% of the area)",
            "Area at Standards Met or Exceeded, as a share of the services in the area.",
            lambda m: _percent(m.area_met),
        ),
    ]


def columns(year: str) -> list[Column]:
    """Every column of the downloads, after the month, in order."""
    return activity_columns() + publication_columns(year)


def self_assessed_note() -> str:
    return (
        f"Statuses are {SELF_ASSESSED}: each provider assessed itself and published here. The national toolkit "
        "keeps the official record, and a provider may have published there without publishing here."
    )


def area_sentence(report: Report) -> str:
    if not report.areas:
        return "Your cohort has no postcodes yet, so there is no area to compare it with."
    names = ", ".join(report.areas)
    services = f"{report.area_size:,} service{'s' if report.area_size != 1 else ''}"
    return (
        f"The area is every service listed as open in the NHS ODS directory with a postcode in your cohort's "
        f"postcode area{'s' if len(report.areas) != 1 else ''} ({names}): {services} as the directory is now."
    )


def _cell(value: int | None) -> str:
    return "" if value is None else f"{value:,}"


def _share_cell(share: Share | None) -> str:
    """'3 (30%)' for the page; just the number when there is nothing to take a share of."""
    if share is None:
        return ""
    return f"{share.count:,} ({share.percent}%)" if share.percent is not None else f"{share.count:,}"


def activity_table(report: Report) -> dict:
    """The page's first table, as parameters for the NHS.UK table macro."""
    cols = activity_columns()
    return {
        "id": "activity",
        "caption": f"What your programme did, month by month, for DSPT {report.year}"
        if report.year
        else "What your programme did, month by month",
        "captionSize": "m",
        "firstCellIsHeader": True,
        "scroll": True,
        "head": [{"text": "Month"}] + [{"text": c.heading, "format": "numeric"} for c in cols],
        "rows": [
            [{"text": month_text(m.month)}] + [{"text": _cell(c.value(m)), "format": "numeric"} for c in cols]
            for m in report.months
        ],
    }


PUBLICATION_HEADINGS = [
    "Providers supported",
    "Cohort published",
    "Cohort at Standards Met or Exceeded",
    "Area published",
    "Area at Standards Met or Exceeded",
]


def publication_table(report: Report) -> dict:
    """The page's second table: numbers with their share of the cohort or of the area."""
    return {
        "id": "publication",
        "caption": f"Publishing for DSPT {report.year}: your cohort and the area",
        "captionSize": "m",
        "firstCellIsHeader": True,
        "scroll": True,
        "head": [{"text": "Month"}] + [{"text": h, "format": "numeric"} for h in PUBLICATION_HEADINGS],
        "rows": [
            [{"text": month_text(m.month)}]
            + [
                {"text": text, "format": "numeric"}
                for text in (
                    _cell(m.providers),
                    _share_cell(m.cohort_published),
                    _share_cell(m.cohort_met),
                    _share_cell(m.area_published),
                    _share_cell(m.area_met),
                )
            ]
            for m in report.months
        ],
    }


def publication_meanings(year: str) -> list[tuple[str, str]]:
    meaning = {c.key: c.meaning for c in publication_columns(year)}
    share = " The share in brackets is of the providers supported that month."
    area_share = " The share in brackets is of the services in the area."
    return [
        ("Cohort published", meaning["cohort_published"] + share),
        ("Cohort at Standards Met or Exceeded", meaning["cohort_met"] + share),
        ("Area published", meaning["area_published"] + area_share),
        ("Area at Standards Met or Exceeded", meaning["area_met"] + area_share),
    ]


def downloads(support_organisation) -> list[dict]:
    slug = support_organisation.slug
    return [
        {"href": reverse("funder_reports:xlsx", args=[slug]), "text": "Download as Excel"},
        {"href": reverse("funder_reports:csv", args=[slug]), "text": "Download as CSV"},
    ]


def filename(report: Report, extension: str) -> str:
    """'fcca-report-for-funders-2025-26-made-2026-03-27.xlsx'"""
    made_on = report.made_at.astimezone(LONDON).date().isoformat()
    year = f"-{report.year}" if report.year else ""
    return f"{report.support_organisation.slug}-report-for-funders{year}-made-{made_on}.{extension}"
