"""Builders for the public status search tests.

`publish_rows` writes Publication + PublishedSite + PublicStatus rows directly (with an empty snapshot), standing
in for publication.publish() until it exists. It fills the private fields (who published, who confirmed) with
recognisable values so the tests can prove none of them reach a public page.
"""

import datetime

import pytest
from django.utils import timezone

from dspt.assessments.models import Assessment
from dspt.frameworks.models import FrameworkVersion
from dspt.organisations.models import OdsEntry
from dspt.publication.models import Publication, PublicStatus, PublishedSite

CONFIRMER_NAME = "Connie Confirmer-Private"
CONFIRMER_TITLE = "Registered Manager Secret Title"


def framework(year: str) -> FrameworkVersion:
    """A bare question set for `year` (deadline 30 June after the year starts), enough to hang an assessment on."""
    version, _ = FrameworkVersion.objects.get_or_create(
        year=year,
        defaults={
            "title": f"DSPT {year}",
            "deadline": datetime.date(int(year[:4]) + 1, 6, 30),
            "source_hash": "0" * 64,
        },
    )
    return version


def directory(code: str, name: str, postcode: str = "", parent: str = "") -> OdsEntry:
    entry, _ = OdsEntry.objects.update_or_create(
        code=code, defaults={"name": name, "postcode": postcode, "parent_code": parent}
    )
    return entry


def publish_rows(
    organisation, status: str, year: str, published_at, site_codes=None, user=None, snapshot=None
) -> Publication:
    """Publish `status` for `year` for the organisation (and, for a head office, the given site codes)."""
    if isinstance(published_at, datetime.date) and not isinstance(published_at, datetime.datetime):
        published_at = timezone.make_aware(datetime.datetime.combine(published_at, datetime.time(12, 0)))
    assessment, _ = Assessment.objects.get_or_create(organisation=organisation, framework=framework(year))
    publication = Publication.objects.create(
        organisation=organisation,
        assessment=assessment,
        year=year,
        status=status,
        published_at=published_at,
        published_by=user,
        published_by_label=user.email if user else "publisher-private@care.example",
        confirmer_name=CONFIRMER_NAME,
        confirmer_job_title=CONFIRMER_TITLE,
        snapshot=snapshot or {},
    )
    codes = list(site_codes or [organisation.ods_code])
    for code in codes:
        entry = OdsEntry.objects.filter(code=code).first() or directory(code, organisation.name)
        PublishedSite.objects.create(publication=publication, ods_code=code, name=entry.name)
        PublicStatus.objects.update_or_create(
            ods_code=code,
            defaults={
                "publication": publication,
                "status": status,
                "year": year,
                "published_at": published_at,
                "published_by_code": organisation.ods_code if code != organisation.ods_code else "",
            },
        )
    return publication


@pytest.fixture
def published_org(org, owner):
    """Organisation A (VX101) in the directory with a postcode, Standards Met for 2025-26 on 1 July 2025."""
    directory("VX101", org.name, postcode="ZZ1 1AB")
    publish_rows(org, "met", "2025-26", datetime.date(2025, 7, 1), user=owner)
    return org
