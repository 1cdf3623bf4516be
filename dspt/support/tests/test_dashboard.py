"""The cohort dashboard: the funnel against providers' real statuses, what consent shows, never answers, and a
fixed number of queries however large the cohort."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dspt.assessments import carry_over
from dspt.assessments.models import Assessment
from dspt.organisations.models import Organisation, Profile
from dspt.publication.models import Publication, PublicStatus, PublishedSite
from dspt.support import cohort, consent, dashboard
from dspt.support.models import CohortEntry, Consent, SupportMembership
from dspt.support.tests.factories import add_staff, make_support_organisation
from tests.factories import answer_all, make_directory_entry, make_organisation, make_user

pytestmark = pytest.mark.django_db

SECRET = "Our backups are kept in the blue cupboard"


def publish(organisation, code, status, year, when):
    from dspt.frameworks.models import FrameworkVersion

    framework = FrameworkVersion.objects.get(year=year)
    assessment, _ = Assessment.objects.get_or_create(organisation=organisation, framework=framework)
    publication = Publication.objects.create(
        organisation=organisation,
        assessment=assessment,
        year=year,
        status=status,
        published_at=when,
        published_by_label="x",
        confirmer_name="Sam",
        confirmer_job_title="Manager",
        snapshot={},
    )
    PublishedSite.objects.create(publication=publication, ods_code=code, name=code)
    PublicStatus.objects.update_or_create(
        ods_code=code,
        defaults={
            "publication": publication,
            "status": status,
            "year": year,
            "published_at": when,
            "published_by_code": organisation.ods_code if code != organisation.ods_code else "",
        },
    )


@pytest.fixture
def scene(settings, frameworks, org, owner, outsider):
    """Five providers, one at each stage, as their own data has them."""
    settings.REGISTRATION_REVIEW = False  # statuses of unchecked registrations are public
    framework = frameworks["2025-26"]
    association = make_support_organisation()
    lead = add_staff(association, "lead@fcca.example", SupportMembership.LEAD)
    for code, name, postcode in [
        ("VX101", "Meadowbrook", "SG1 1AA"),
        ("VX201", "Harbourside", "AL2 2BB"),
        ("VX301", "Oakfield", "SG3 3CC"),
        ("VX401", "Elm Court", "LU4 4DD"),
        ("VX501", "Birch Lodge", "SG5 5EE"),
    ]:
        make_directory_entry(code, f"Fictional {name}", postcode=postcode)
    # VX101 consents, and has answered questions: in progress, and its progress shows.
    a = carry_over.start(org, framework, owner)
    answer_all(a, owner, levels=["approaching"])
    a.answers.update(comment=SECRET)
    consent.grant(org, association, owner)
    # VX201 has answered as much but gives no consent: registered, and nothing more shows.
    other = Organisation.objects.get(ods_code="VX201")
    b = carry_over.start(other, framework, outsider)
    answer_all(b, outsider, levels=["approaching"])
    # VX301 registered and published Approaching Standards for this year.
    third = make_organisation("VX301", make_user("third@care.example"))
    publish(third, "VX301", "approaching", "2025-26", timezone.make_aware(datetime.datetime(2025, 9, 10, 12)))
    # VX401 is not registered, but its head office VX999 published Standards Met for it.
    head = make_organisation("VX999", make_user("head@care.example"))
    publish(head, "VX401", "met", "2025-26", timezone.make_aware(datetime.datetime(2025, 11, 3, 12)))
    # VX501: only in the directory.
    cohort.add(association, ["VX101", "VX201", "VX301", "VX401", "vx501"], lead)
    return association, lead


def test_each_provider_is_at_the_stage_its_real_status_says(scene):
    association, _lead = scene
    stages = {row.entry.ods_code: row.stage for row in dashboard.rows(association)}
    assert stages == {
        "VX101": dashboard.IN_PROGRESS,
        "VX201": dashboard.REGISTERED,
        "VX301": dashboard.APPROACHING,
        "VX401": dashboard.MET,
        "VX501": dashboard.NOT_REGISTERED,
    }
    funnel = {step.key: (step.count, step.percent) for step in dashboard.funnel(dashboard.rows(association))}
    assert funnel == {key: (1, 20) for key, _ in dashboard.STAGES}


def test_progress_shows_only_with_live_consent_and_never_answers(scene, client_for, org, owner):
    association, lead = scene
    rows = {row.entry.ods_code: row for row in dashboard.rows(association)}
    assert rows["VX101"].progress is not None and rows["VX101"].progress.answered > 0
    assert rows["VX201"].progress is None  # answered just as much, but no consent
    page = client_for(lead).get("/s/fcca/").content.decode()
    assert f"{rows['VX101'].progress.answered} of {rows['VX101'].progress.total} questions answered" in page
    assert SECRET not in page
    consent.withdraw(org, association, owner)
    rows = {row.entry.ods_code: row for row in dashboard.rows(association)}
    assert rows["VX101"].progress is None and rows["VX101"].stage == dashboard.REGISTERED
    assert "questions answered" not in client_for(lead).get("/s/fcca/").content.decode()


def test_filters_and_the_chart_table(scene, client_for):
    association, lead = scene
    all_rows = dashboard.rows(association)
    assert {r.entry.ods_code for r in dashboard.apply(all_rows, dashboard.read_filters({"area": "sg"}))} == {
        "VX101",
        "VX301",
        "VX501",
    }
    assert [r.entry.ods_code for r in dashboard.apply(all_rows, dashboard.read_filters({"consent": "yes"}))] == [
        "VX101"
    ]
    assert [r.entry.ods_code for r in dashboard.apply(all_rows, dashboard.read_filters({"stage": "met"}))] == ["VX401"]
    assert dashboard.read_filters({"stage": "<script>", "consent": "maybe"}) == dashboard.Filters()
    months = dashboard.over_time(association, "2025-26")
    assert [(m.month.isoformat(), m.published_so_far, m.met_so_far) for m in months] == [
        ("2025-09-01", 1, 0),
        ("2025-10-01", 1, 0),
        ("2025-11-01", 2, 1),
    ]
    page = client_for(lead).get("/s/fcca/?stage=met").content.decode()
    assert "<svg" in page and "November 2025" in page and "Showing 1 of 5" in page


def _bulk_cohort(association, framework, size: int, prefix: str):
    """`size` entries: every tenth registered and consenting with a started assessment, every tenth published."""
    CohortEntry.objects.bulk_create(
        [
            CohortEntry(
                support_organisation=association,
                ods_code=f"V{prefix}{i:05d}",
                name=f"Fictional {i}",
                postcode=f"SG{i % 9} 1AA",
            )
            for i in range(size)
        ]
    )
    orgs = Organisation.objects.bulk_create(
        [Organisation(ods_code=f"V{prefix}{i:05d}", name=f"Fictional {i}") for i in range(0, size, 10)]
    )
    Profile.objects.bulk_create([Profile(organisation=o) for o in orgs])
    Consent.objects.bulk_create([Consent(organisation=o, support_organisation=association) for o in orgs])
    Assessment.objects.bulk_create([Assessment(organisation=o, framework=framework) for o in orgs])
    when = timezone.make_aware(datetime.datetime(2025, 10, 1, 12))
    for o in orgs[: max(1, len(orgs) // 2)]:
        publish(o, o.ods_code, "met", framework.year, when)


def test_the_dashboard_runs_a_fixed_number_of_queries(frameworks, client_for):
    counts = {}
    for size, slug in ((10, "small"), (1000, "large")):
        association = make_support_organisation(name=f"Fictional {slug}", slug=slug)
        lead = add_staff(association, f"lead@{slug}.example", SupportMembership.LEAD)
        _bulk_cohort(association, frameworks["2025-26"], size, prefix=slug[0].upper())
        client = client_for(lead)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/s/{slug}/")
        assert response.status_code == 200
        assert f"Showing {size} of {size}" in response.content.decode()
        counts[size] = len(queries)
    assert counts[10] == counts[1000], counts
