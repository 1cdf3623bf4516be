"""Builders for the funder report's tests: UK times, a programme with staff, providers in its cohort and in its
area, and publications made at a given moment."""

import datetime
from zoneinfo import ZoneInfo

import time_machine

from dspt.assessments.models import Assessment
from dspt.frameworks.models import FrameworkVersion
from dspt.publication import cover
from dspt.publication.models import Publication, PublishedSite
from dspt.support.models import CohortEntry, SupportMembership
from dspt.support.tests.factories import add_staff, make_support_organisation
from tests.factories import make_directory_entry

LONDON = ZoneInfo("Europe/London")


def at(year, month, day, hour=12, minute=0) -> datetime.datetime:
    """A moment in UK time."""
    return datetime.datetime(year, month, day, hour, minute, tzinfo=LONDON)


def travel(moment: datetime.datetime):
    return time_machine.travel(moment, tick=False)


def make_programme(created: datetime.datetime, slug="fcca", name="Fictional County Care Association"):
    """A support organisation set up at `created`, with a programme lead and an adviser: (it, lead, adviser)."""
    with travel(created):
        association = make_support_organisation(name=name, slug=slug)
        lead = add_staff(association, f"lead@{slug}.example", SupportMembership.LEAD, full_name="Lee Lead")
        adviser = add_staff(association, f"adviser@{slug}.example", full_name="Ada Adviser")
    return association, lead, adviser


def add_provider(association, code: str, postcode: str, added: datetime.datetime, name: str = ""):
    """A directory entry (when there is none yet) added to the cohort at `added`."""
    from dspt.organisations.models import OdsEntry

    entry = OdsEntry.objects.filter(code=code).first() or make_directory_entry(code, name, postcode=postcode)
    return CohortEntry.objects.create(
        support_organisation=association,
        ods_code=code,
        name=entry.name,
        postcode=entry.postcode,
        added_at=added,
    )


def publish_for(organisation, codes, status: str, when: datetime.datetime, year="2025-26") -> Publication:
    """A publication by `organisation` covering `codes` (itself, or branches it publishes for) made at `when`, and
    the codes' public statuses brought up to date as publishing does (publication.cover.refresh_public_status)."""
    framework = FrameworkVersion.objects.get(year=year)
    assessment, _ = Assessment.objects.get_or_create(organisation=organisation, framework=framework)
    publication = Publication.objects.create(
        organisation=organisation,
        assessment=assessment,
        year=year,
        status=status,
        published_at=when,
        published_by_label="publisher@care.example",
        confirmer_name="Sam Patel",
        confirmer_job_title="Registered manager",
        snapshot={},
    )
    PublishedSite.objects.bulk_create([PublishedSite(publication=publication, ods_code=c, name=c) for c in codes])
    for code in codes:
        cover.refresh_public_status(code)
    return publication
