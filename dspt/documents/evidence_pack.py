"""The CQC evidence pack: one PDF a manager can hand an inspector, gathered from what the organisation keeps here.

It holds the organisation's published DSPT status and its history (self-assessed on this service, with the national
toolkit named as the official record), its documents with their versions and review dates, a summary row per
register, and every section other areas add through registers.hooks.add_pack_section (DPIAs, training, incidents
and their lessons, spot checks), under CQC's well-led key line of enquiry W6 and the quality statement
"Governance, management and sustainability".
"""

import datetime
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone

from dspt.assessments.rules import STATUS_LABELS
from dspt.documents import drafting, kinds, presenters
from dspt.lib import national_toolkit
from dspt.publication.models import Publication
from dspt.registers import hooks, listing
from dspt.ui.presenters import long_date

CQC_KLOE = "W6"
CQC_STATEMENT = "Governance, management and sustainability"
WHY = (
    "The Care Quality Commission looks at how well-led a service is. Under its quality statement "
    f'"{CQC_STATEMENT}" inspectors ask whether the service manages its risks, keeps to the law and keeps '
    "information accurate, secure and well used; CQC expects a care provider to have completed the Data Security "
    f"and Protection Toolkit. (Before the single assessment framework this was the well-led key line of enquiry "
    f"{CQC_KLOE} on information management.) Completing the toolkit each year, and keeping the records and policies "
    "behind it, is how a care provider shows this. This pack brings those together."
)


@dataclass(frozen=True)
class Status:
    year: str
    label: str
    published_on: datetime.date
    late: bool


@dataclass(frozen=True)
class DocumentRow:
    title: str
    version: str  # "Version 2, saved 3 March 2027" or "No version saved yet"
    review: str  # "Review by 3 March 2028" or ""
    overdue: bool


@dataclass(frozen=True)
class Pack:
    organisation: object
    today: datetime.date
    status: Status | None
    history: list[Status]
    documents: list[DocumentRow]
    registers: list[tuple[str, str, str]]  # (name, current entries, last updated)
    sections: list[hooks.PackSection]


def _statuses(organisation) -> list[Status]:
    publications = Publication.objects.filter(organisation=organisation).order_by("-published_at", "-id")
    return [
        Status(
            year=p.year,
            label=STATUS_LABELS.get(p.status, p.status),
            published_on=timezone.localtime(p.published_at).date(),
            late=p.is_late,
        )
        for p in publications.only("year", "status", "published_at", "snapshot")
    ]


def document_rows(organisation, today: datetime.date) -> list[DocumentRow]:
    latest = drafting.latest_versions(organisation)
    rows = []
    for kind in kinds.ALL:
        version = latest.get(kind.slug)
        if version is None:
            rows.append(DocumentRow(kind.title, "No version saved yet", "", False))
            continue
        rows.append(
            DocumentRow(
                version.title,
                f"Version {version.number}, saved {presenters.saved_on(version)}",
                f"Review by {long_date(version.review_on)}",
                version.review_on < today,
            )
        )
    return rows


def register_rows(organisation) -> list[tuple[str, str, str]]:
    rows = []
    for summary in listing.summaries(organisation):
        count = f"{summary.current} current {'entry' if summary.current == 1 else 'entries'}"
        updated = f"Last changed {long_date(summary.last_updated)}" if summary.last_updated else "Nothing recorded yet"
        rows.append((summary.spec.name, count, updated))
    return rows


def build(organisation, today: datetime.date | None = None) -> Pack:
    today = today or timezone.localdate()
    statuses = _statuses(organisation)
    return Pack(
        organisation=organisation,
        today=today,
        status=statuses[0] if statuses else None,
        history=statuses,
        documents=document_rows(organisation, today),
        registers=register_rows(organisation),
        sections=hooks.pack_sections(organisation, today),
    )


def context(pack: Pack) -> dict:
    return {
        "pack": pack,
        "why": WHY,
        "kloe": CQC_KLOE,
        "statement": CQC_STATEMENT,
        "self_assessed": national_toolkit.SELF_ASSESSED,
        "search_url": national_toolkit.SEARCH_URL,
    }


def pdf(pack: Pack) -> bytes:
    from weasyprint import HTML  # imported here: it loads Pango, which only the PDFs need

    html = render_to_string("documents/pack.html", context(pack) | {"generated": long_date(timezone.now())})
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
