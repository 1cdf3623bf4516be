"""Display logic for the documents pages: the list's rows, review tags and version rows. No HTTP, no writes."""

import datetime

from django.urls import reverse
from django.utils import timezone

from dspt.ui.presenters import long_date


def saved_on(version) -> str:
    """The day a version was saved, as people read it."""
    return long_date(timezone.localtime(version.saved_at).date())


def index_url(organisation) -> str:
    return reverse("documents:index", args=[organisation.ods_code])


def document_url(organisation, kind, page: str = "document") -> str:
    return reverse(f"documents:{page}", args=[organisation.ods_code, kind.slug])


def version_url(organisation, version, page: str) -> str:
    return reverse(f"documents:{page}", args=[organisation.ods_code, version.document.kind, version.pk])


def review_tag(version, today: datetime.date) -> dict | None:
    if version is None:
        return {"text": "No version yet", "classes": "nhsuk-tag--grey"}
    if version.review_on < today:
        return {"text": "Review overdue", "classes": "nhsuk-tag--red"}
    return None


def index_rows(organisation, all_kinds, latest: dict, today: datetime.date) -> list[dict]:
    rows = []
    for kind in all_kinds:
        version = latest.get(kind.slug)
        rows.append(
            {
                "kind": kind,
                "href": document_url(organisation, kind),
                "version": version,
                "latest": f"Version {version.number}, {saved_on(version)}" if version else "Not saved yet",
                "review": long_date(version.review_on) if version else "",
                "tag": review_tag(version, today),
                "docx": version_url(organisation, version, "version_docx") if version else "",
                "pdf": version_url(organisation, version, "version_pdf") if version else "",
            }
        )
    return rows


def version_rows(organisation, versions, today: datetime.date, can_change: bool) -> list[dict]:
    return [
        {
            "version": version,
            "saved": f"{saved_on(version)} by {version.saved_by_label}",
            "review": long_date(version.review_on),
            "overdue": version.review_on < today,
            "docx": version_url(organisation, version, "version_docx"),
            "pdf": version_url(organisation, version, "version_pdf"),
            "evidence": version_url(organisation, version, "use_as_evidence") if can_change else "",
        }
        for version in versions
    ]
