"""A head office's cover of its branches, as a branch registered here on its own sees it, and ending it.

A head office publishing for branches it chose (publish.choose_branches) stands as those branches' public status.
A branch that registers here later can see that cover and, as its administrators decide, end it at once: from then
on none of that head office's publications speaks for the branch in public (its status, its public history, the
head office's list of services it covers), and a head office's publication no longer counts as the branch's own
first publication. Each end is kept in the branch's history.
"""

from dataclasses import dataclass

from django.db import transaction
from django.urls import reverse

from dspt.assessments.rules import STATUS_LABELS
from dspt.history.models import ChangeRecord
from dspt.history.record import record_change
from dspt.organisations.models import Membership, Organisation
from dspt.publication.models import Publication, PublicStatus
from dspt.verification.models import EndedCover

AREA = "Publication"


class NoCover(Exception):
    """There is no head office cover to end."""


@dataclass(frozen=True)
class Cover:
    """A head office's publication standing as this organisation's public status."""

    head_office: Organisation
    year: str
    status: str

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def sentence(self) -> str:
        """'Fictional Care Group (AX1Y) covers you in its 2025-26 publication (Standards Met).'"""
        office = self.head_office
        return f"{office.name} ({office.ods_code}) covers you in its {self.year} publication ({self.status_label})."


def current_cover(organisation: Organisation, lock: bool = False) -> Cover | None:
    """The head office whose publication is this organisation's public status now, if one is."""
    rows = PublicStatus.objects.select_for_update() if lock else PublicStatus.objects
    row = (
        rows.filter(ods_code=organisation.ods_code)
        .exclude(published_by_code="")
        .select_related("publication__organisation")
        .first()
    )
    if row is None or row.publication.organisation_id == organisation.pk:
        return None
    return Cover(row.publication.organisation, row.year, row.status)


def ended_by(organisation: Organisation):
    """The head offices (ids) whose cover this organisation has ended."""
    return EndedCover.objects.filter(branch=organisation).values("head_office_id")


@transaction.atomic
def end_cover(organisation: Organisation, by) -> Cover:
    """End the current head office's cover of `organisation` at once (raise NoCover when there is none)."""
    cover = current_cover(organisation, lock=True)
    if cover is None:
        raise NoCover(f"No head office covers {organisation.name} now")
    EndedCover.objects.get_or_create(branch=organisation, head_office=cover.head_office, defaults={"ended_by": by})
    refresh_public_status(organisation.ods_code)
    office = cover.head_office
    record_change(
        actor=by,
        organisation=organisation,
        area=AREA,
        action=ChangeRecord.DELETED,
        label=f"Cover by {office.name} ({office.ods_code})",
        changes={"Covered by": [f"{office.name} ({office.ods_code}), {cover.year} {cover.status_label}", "Ended"]},
    )
    return cover


def refresh_public_status(code: str) -> None:
    """Point the code's public status at the newest publication still covering it, or remove it when none is."""
    ended = EndedCover.objects.filter(branch__ods_code=code).values("head_office_id")
    latest = (
        Publication.objects.filter(sites__ods_code=code)
        .exclude(organisation_id__in=ended)
        .select_related("organisation")
        .order_by("-published_at", "-id")
        .first()
    )
    if latest is None:
        PublicStatus.objects.filter(ods_code=code).delete()
        return
    publisher = latest.organisation.ods_code
    PublicStatus.objects.update_or_create(
        ods_code=code,
        defaults={
            "publication": latest,
            "status": latest.status,
            "year": latest.year,
            "published_at": latest.published_at,
            "published_by_code": publisher if publisher != code else "",
        },
    )


def home_notice(organisation: Organisation, membership: Membership) -> dict | None:
    """On the organisation's home page: which head office covers it, and (for administrators) how to end that."""
    cover = current_cover(organisation)
    if cover is None:
        return None
    paragraphs = [
        cover.sentence,
        f"The public sees {cover.head_office.name}'s status as yours. If they do not speak for you, you can end "
        "this cover at once.",
    ]
    link = None
    if membership.is_admin:
        link = {"href": reverse("publication:end_cover", args=[organisation.ods_code]), "text": "End this cover"}
    else:
        paragraphs.append("Your administrators can end it.")
    return {"heading": "A head office publishes for you", "paragraphs": paragraphs, "link": link}
