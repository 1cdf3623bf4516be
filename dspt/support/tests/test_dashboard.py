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
        assert ("Showing 10 of 10." if size == 10 else "Showing 1 to 50 of 1,000.") in page
        assert page.count('data-fact="booked">') == min(size, dashboard.PER_PAGE)
        counts[size] = len(queries)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/s/{slug}/?last_contact=last-30-days&booked=yes")
        assert response.status_code == 200
        if expected <= dashboard.PER_PAGE:
            shown = f"Showing {expected} of {size}."
        else:
            shown = f"Showing 1 to 50 of {expected:,} matching providers ({size:,} in the cohort)."
        assert expected and shown in response.content.decode()
        counts[f"{size} filtered"] = len(queries)
        for odd in ("2", "last", "999"):  # another page, not a number, past the end: the same queries
            with CaptureQueriesContext(connection) as queries:
                assert client.get(f"/s/{slug}/?page={odd}").status_code == 200
            counts[f"{size} page {odd}"] = len(queries)
    assert len(set(counts.values())) == 1, counts


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


def _plain_cohort(association, size: int):
    """`size` entries named in order (Fictional 000, 001, …): even ones in postcode area SG, odd ones in LU."""
    CohortEntry.objects.bulk_create(
        [
            CohortEntry(
                support_organisation=association,
                ods_code=f"VP{i:03d}",
                name=f"Fictional {i:03d}",
                postcode=f"{'LU' if i % 2 else 'SG'}1 1AA",
            )
            for i in range(size)
        ]
    )


def _codes_shown(page: str) -> list[str]:
    return [row.split('"', 1)[0] for row in page.split('<tr class="nhsuk-table__row" data-code="')[1:]]


def test_the_list_shows_a_page_at_a_time_and_its_links_keep_the_filters(frameworks, client_for):
    association = make_support_organisation()
    lead = add_staff(association, "lead@fcca.example", SupportMembership.LEAD)
    _plain_cohort(association, 120)
    client = client_for(lead)

    first = client.get("/s/fcca/").content.decode()
    assert _codes_shown(first) == [f"VP{i:03d}" for i in range(50)]
    assert "Showing 1 to 50 of 120." in first
    assert 'href="?page=2#providers"' in first and 'href="?page=3#providers"' in first
    # The funnel still counts the whole cohort, not the page
    assert '<tr class="nhsuk-table__row" data-stage="not_registered">' in first
    assert '<td class="nhsuk-table__cell nhsuk-table__cell--numeric" data-count>120</td>' in first

    second = client.get("/s/fcca/?page=2").content.decode()
    assert _codes_shown(second) == [f"VP{i:03d}" for i in range(50, 100)]
    assert "Showing 51 to 100 of 120." in second
    assert 'href="?#providers"' in second  # back to the first page: no page number
    assert _codes_shown(client.get("/s/fcca/?page=3").content.decode()) == [f"VP{i:03d}" for i in range(100, 120)]

    # Filtered to area SG: 60 providers over two pages, and each page link keeps the filter
    filtered = client.get("/s/fcca/?area=SG&consent=no&page=2").content.decode()
    assert _codes_shown(filtered) == [f"VP{i:03d}" for i in range(100, 120, 2)]
    assert "Showing 51 to 60 of 60 matching providers (120 in the cohort)." in filtered
    assert 'href="?area=SG&amp;consent=no#providers"' in filtered
    assert "page=3" not in filtered


@pytest.mark.parametrize(
    "requested, number",
    [("abc", 1), ("", 1), ("0", 1), ("-4", 1), ("2.5", 1), ("1e3", 1), (" 2 ", 2), ("3", 3), ("4", 3), ("9" * 5000, 3)],
)
def test_a_page_out_of_range_or_not_a_number_shows_the_first_or_last(frameworks, client_for, requested, number):
    association = make_support_organisation()
    lead = add_staff(association, "lead@fcca.example", SupportMembership.LEAD)
    _plain_cohort(association, 120)
    response = client_for(lead).get("/s/fcca/", {"page": requested})
    assert response.status_code == 200
    first = (number - 1) * 50
    assert _codes_shown(response.content.decode()) == [f"VP{i:03d}" for i in range(first, min(first + 50, 120))]


def test_page_of_counts_rows_and_pages():
    rows = list(range(7))
    page = dashboard.page_of(rows, "2", per_page=3)
    assert (page.rows, page.number, page.pages, page.count, page.first, page.last) == ([3, 4, 5], 2, 3, 7, 4, 6)
    assert page.has_previous and page.has_next
    assert dashboard.page_of(rows, None, per_page=3).rows == [0, 1, 2]
    empty = dashboard.page_of([], "5", per_page=3)
    assert (empty.rows, empty.number, empty.pages, empty.first, empty.last) == ([], 1, 1, 0, 0)


def test_rows_built_once_per_page_keep_their_own_tags_and_remove_links(scene, client_for):
    association, lead = scene
    page = client_for(lead).get("/s/fcca/").content.decode()
    for entry in CohortEntry.objects.filter(support_organisation=association):
        assert f'href="/s/fcca/cohort/{entry.pk}/remove/"' in page
    rows = page.split('<tr class="nhsuk-table__row" data-code="')[1:]
    stages = {row.split('"', 1)[0]: row.split('<strong class="nhsuk-tag ', 1)[1].split('"', 1)[0] for row in rows}
    assert stages == {
        "VX101": "nhsuk-tag--light-blue",
        "VX201": "nhsuk-tag--blue",
        "VX301": "nhsuk-tag--yellow",
        "VX401": "nhsuk-tag--green",
        "VX501": "nhsuk-tag--grey",
    }
    assert "Approaching Standards\n</strong>" in page


def test_progress_for_gives_what_the_assessment_pages_work_out(frameworks, org, owner, outsider):
    """Drafts, an answer waiting for review, a document answered only by its file and Cyber Essentials Plus: the
    dashboard's bulk read agrees with assessments.progress.load for each organisation."""
    from dspt.assessments import progress
    from dspt.assessments.models import Evidence

    framework = frameworks["2025-26"]
    today = timezone.localdate()
    first = carry_over.start(org, framework, owner)
    answer_all(first, owner, levels=["approaching", "met"])
    answers = list(first.answers.select_related("question").order_by("question__position"))
    answers[0].is_draft = True
    answers[0].save()
    answers[1].needs_review = answers[1].counts_only_after_review = True
    answers[1].save()
    document = next(a for a in answers[2:] if a.question.answer_type == "document")
    document.value = {}
    document.save()
    Evidence.objects.create(
        organisation=org,
        answer=document,
        stored_name="test/policy.pdf",
        original_name="policy.pdf",
        content_type="application/pdf",
        kind="PDF document",
        size=1000,
        sha256="0" * 64,
    )
    Profile.objects.filter(organisation=org).update(
        cyber_essentials_plus="yes", cyber_essentials_plus_date=today - datetime.timedelta(days=30)
    )
    other = Organisation.objects.get(ods_code="VX201")
    second = carry_over.start(other, framework, outsider)
    answer_all(second, outsider, levels=["approaching"])

    seen = dashboard.progress_for([org.pk, other.pk], framework, today)
    for organisation, assessment in ((org, first), (other, second)):
        standing = progress.load(Assessment.objects.get(pk=assessment.pk), today)
        expected = dashboard.Progress(standing.status, sum(r.answered for r in standing.rows), len(standing.rows))
        assert seen[organisation.pk] == expected
    assert seen[org.pk].answered == len(answers)  # the document with only a file counts as answered
    assert seen[other.pk].status == "approaching"


def test_the_chart_counts_only_publications_the_public_may_see(scene, owner):
    """As the funnel does: a publisher whose registration is refused, or a head office whose cover the branch ended,
    counts in neither."""
    from dspt.publication import cover
    from dspt.verification.models import RegistrationReview

    association, _lead = scene
    third = Organisation.objects.get(ods_code="VX301")
    RegistrationReview.objects.update_or_create(organisation=third, defaults={"state": RegistrationReview.REFUSED})

    def chart_and_funnel():
        months = dashboard.over_time(association, "2025-26")
        funnel = {step.key: step.count for step in dashboard.funnel(dashboard.rows(association))}
        return [(m.month.isoformat(), m.published_so_far, m.met_so_far) for m in months], funnel

    months, funnel = chart_and_funnel()
    assert months == [("2025-11-01", 1, 1)]  # VX301's September publication is hidden
    assert (funnel[dashboard.APPROACHING], funnel[dashboard.MET]) == (0, 1)

    branch = make_organisation("VX401", make_user("branch@care.example"))
    cover.end_cover(branch, branch.memberships.first().user)
    months, funnel = chart_and_funnel()
    assert months == []  # the head office's publication no longer speaks for VX401
    assert (funnel[dashboard.APPROACHING], funnel[dashboard.MET]) == (0, 0)
