"""The cohort dashboard: the funnel against providers' real statuses, what consent shows, never answers, and a
fixed number of queries however large the cohort."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dspt.advice import contact_log
from dspt.advice.models import Contact
from dspt.assessments import carry_over
from dspt.assessments.models import Assessment
from dspt.events import bookings
from dspt.events.models import Booking
from dspt.events.tests.factories import book, make_event
from dspt.organisations.models import Organisation, Profile
from dspt.publication.models import Publication, PublicStatus, PublishedSite
from dspt.support import cohort, cohort_facts, consent, dashboard
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
    """`size` entries: every tenth registered and consenting with a started assessment, every tenth published; every
    entry with two notes in the contact log, every third booked on one of the association's events (the registered
    ones by their organisation, with another code typed; the rest by the code typed), every seventh cancelled.
    Returns how many the filters "last contact in the last 30 days" and "booked on an event" then show."""
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
    today = timezone.localdate()
    Contact.objects.bulk_create(
        [
            Contact(
                support_organisation=association,
                ods_code=f"V{prefix}{i:05d}",
                kind=Contact.CALL,
                happened_on=today - datetime.timedelta(days=(i + extra) % 120),
                summary="A call",
            )
            for i in range(size)
            for extra in (0, 45)
        ]
    )
    event = make_event(association, capacity=size)
    by_code = {o.ods_code: o for o in orgs}
    Booking.objects.bulk_create(
        [
            Booking(
                event=event,
                name=f"Booker {i}",
                email=f"booker{i}@{prefix.lower()}.example",
                organisation_name=f"Fictional {i}",
                ods_code=f"V{prefix}{i:05d}" if i % 10 else "VZZ999",
                organisation=by_code.get(f"V{prefix}{i:05d}"),
                status=Booking.CANCELLED if i % 7 == 0 else Booking.BOOKED,
                page_token_hash=f"{prefix}{i:063d}",
            )
            for i in range(size)
            if i % 3 == 0 or i % 7 == 0
        ]
    )
    booked = {i for i in range(size) if i % 3 == 0 and i % 7 != 0}
    return sum(1 for i in booked if min(i % 120, (i + 45) % 120) <= 30)


def test_the_dashboard_runs_a_fixed_number_of_queries(frameworks, client_for):
    counts = {}
    for size, slug in ((10, "small"), (1000, "large")):
        association = make_support_organisation(name=f"Fictional {slug}", slug=slug)
        lead = add_staff(association, f"lead@{slug}.example", SupportMembership.LEAD)
        expected = _bulk_cohort(association, frameworks["2025-26"], size, prefix=slug[0].upper())
        client = client_for(lead)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/s/{slug}/")
        assert response.status_code == 200
        page = response.content.decode()
        assert f"Showing {size} of {size}" in page
        assert page.count('data-fact="booked">') == size
        counts[size] = len(queries)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/s/{slug}/?last_contact=last-30-days&booked=yes")
        assert response.status_code == 200
        assert expected and f"Showing {expected} of {size}" in response.content.decode()
        counts[f"{size} filtered"] = len(queries)
    assert counts[10] == counts[1000] == counts["10 filtered"] == counts["1000 filtered"], counts


def test_last_contact_and_bookings_show_with_or_without_consent_and_filter_the_list(scene, client_for, org, outsider):
    """The list's new columns and filters, through a plain GET form (no JavaScript): VX101 consents and was called 45
    days ago; VX201 gives no consent, was called today and is booked on an event; VX301 has a cancelled booking and
    another association's note of today."""
    association, lead = scene
    today = datetime.date(2026, 3, 16)
    with time_machine.travel(timezone.make_aware(datetime.datetime(2026, 3, 16, 9)), tick=False):
        note = {"kind": Contact.CALL, "summary": "Talked about the toolkit"}
        contact_log.add(association, "VX101", lead, happened_on=today - datetime.timedelta(days=45), **note)
        contact_log.add(association, "VX201", lead, happened_on=today, **note)
        rival = make_support_organisation(name="Fictional Other Care Association", slug="foca")
        rita = add_staff(rival, "rita@foca.example", SupportMembership.LEAD, full_name="Rita Rival")
        cohort.add(rival, ["VX301"], rita)
        contact_log.add(rival, "VX301", rita, happened_on=today, **note)
        book(make_event(rival), email="rival@care.example", ods_code="VX401")
        event = make_event(association, capacity=5)
        book(event, email="harbour@care.example", ods_code="VX201")
        cancelled, _token = book(event, email="oak@care.example", ods_code="VX301")
        bookings.cancel(cancelled)
        client = client_for(lead)

        page = client.get("/s/fcca/").content.decode()
        for heading in ("Last contact", "Booked on an event"):
            assert f'<th scope="col" class="nhsuk-table__header">{heading}</th>' in page
        assert "whether or not the provider has given consent" in page
        facts = {r.entry.ods_code: {k: v.text for k, v in r.facts.items()} for r in dashboard.rows(association)}
        assert facts == {
            "VX101": {"last_contact": "30 January 2026", "booked": "No"},
            "VX201": {"last_contact": "16 March 2026", "booked": "Yes"},
            "VX301": {"last_contact": "None", "booked": "No"},
            "VX401": {"last_contact": "None", "booked": "No"},
            "VX501": {"last_contact": "None", "booked": "No"},
        }

        def codes(query: str) -> set[str]:
            response = client.get(f"/s/fcca/?{query}")
            assert response.status_code == 200
            rows = response.content.decode().split('<tr class="nhsuk-table__row" data-code="')[1:]
            return {row.split('"', 1)[0] for row in rows}

        assert codes("last_contact=last-30-days") == {"VX201"}  # no consent, yet its contact shows
        assert codes("last_contact=31-to-90-days") == {"VX101"}
        assert codes("last_contact=over-90-days") == {"VX301", "VX401", "VX501"}
        assert codes("booked=yes") == {"VX201"}
        assert codes("booked=no&consent=yes") == {"VX101"}
        assert codes("booked=yes&last_contact=31-to-90-days") == set()
        assert len(codes("last_contact=soon&booked=perhaps")) == 5  # unknown values are ignored
        filtered = client.get("/s/fcca/?last_contact=31-to-90-days&booked=no").content.decode()
        assert '<option value="31-to-90-days" selected>' in filtered
        assert '<option value="no" selected>' in filtered
        assert "Clear the filters" in filtered and "Showing 1 of 5" in filtered
        assert "Clear the filters" not in client.get("/s/fcca/?last_contact=soon").content.decode()


def test_a_fact_cannot_take_a_filters_name_nor_fall_outside_its_choices():
    def load(support_organisation, ods_codes, today, framework=None):
        return {}

    with pytest.raises(ValueError, match="dashboard's own filters"):
        cohort_facts.add_cohort_fact("stage", "Stage again", load, [("a", "A")], missing=cohort_facts.Value("A", "a"))
    with pytest.raises(ValueError, match="not one of the choices"):
        cohort_facts.add_cohort_fact("odd", "Odd", load, [("a", "A")], missing=cohort_facts.Value("B", "b"))
    assert [fact.key for fact in cohort_facts.registered()] == ["last_contact", "booked"]
