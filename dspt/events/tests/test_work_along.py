"""Working along: the provider's questions in order; the tutor's counts cover consenting booked providers only."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dspt.assessments import carry_over
from dspt.assessments.models import Answer
from dspt.assessments.rules import AnswerState, is_answered
from dspt.events import places, work_along
from dspt.events.models import Topic
from dspt.events.tests.factories import book, make_event
from dspt.support import consent
from dspt.support.models import SupportMembership
from dspt.support.tests.factories import add_staff, make_support_organisation
from tests.factories import answer_all, make_organisation, make_user

pytestmark = pytest.mark.django_db


def test_every_topic_maps_to_groups_of_the_year(frameworks):
    slugs = set(frameworks["2025-26"].groups.values_list("slug", flat=True))
    for topic in Topic.values:
        assert places.groups_for(topic) and set(places.groups_for(topic)) <= slugs


@pytest.fixture
def session(frameworks):
    """An event with 3 booked providers: Alpha (answered the Approaching questions) and Beta (answered everything)
    consent to the association; Gamma answered everything but does not consent."""
    year = frameworks["2025-26"]
    association = make_support_organisation()
    tutor = add_staff(association, "tutor@fcca.example", role=SupportMembership.ADVISER, full_name="Tess Tutor")
    event = make_event(association, topic=Topic.STAFFING, capacity=10)
    providers = {}
    for code, name, levels, consents in [
        ("VA001", "Fictional Alpha Care", ["approaching"], True),
        ("VB001", "Fictional Beta Care", ["approaching", "met", "optional"], True),
        ("VC001", "Fictional Gamma Care", ["approaching", "met", "optional"], False),
    ]:
        admin = make_user(f"admin@{code.lower()}.example", full_name=f"Admin {code}")
        organisation = make_organisation(code, admin, name=name)
        answer_all(carry_over.start(organisation, year, admin), admin, levels=levels)
        if consents:
            consent.grant(organisation, association, admin)
        book(event, name=f"Admin {code}", email=admin.email, ods_code=code, organisation_name=name)
        providers[code] = (organisation, admin)
    return event, tutor, providers


def expected_counts(questions, organisations) -> dict[str, int]:
    counts = dict.fromkeys((question.ref for question in questions), 0)
    for answer in Answer.objects.filter(assessment__organisation__in=organisations).select_related("question"):
        if answer.question.ref in counts and is_answered(
            answer.question, AnswerState(value=answer.value, file_count=answer.evidence.count())
        ):
            counts[answer.question.ref] += 1
    return counts


def test_the_tutor_counts_only_consenting_booked_providers(session):
    event, _tutor, providers = session
    view = work_along.tutor_view(event)
    assert view.consenting == 2
    got = {row.question.ref: row.answered for row in view.rows}
    consenting = [providers["VA001"][0], providers["VB001"][0]]
    assert got == expected_counts([row.question for row in view.rows], consenting)
    everyone = expected_counts([row.question for row in view.rows], [org for org, _ in providers.values()])
    assert got != everyone  # Gamma's answers would change the counts: they are not there


def test_withdrawn_consent_drops_a_provider_from_the_counts(session):
    event, _tutor, providers = session
    beta, admin = providers["VB001"]
    consent.withdraw(beta, event.support_organisation, admin)
    view = work_along.tutor_view(event)
    assert view.consenting == 1
    assert {row.question.ref: row.answered for row in view.rows} == expected_counts(
        [row.question for row in view.rows], [providers["VA001"][0]]
    )


def test_the_tutor_page_shows_counts_and_nothing_of_the_non_consenting(session, client_for):
    event, tutor, _providers = session
    response = client_for(tutor).get(f"/s/fcca/events/{event.pk}/work-along/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Counting 2 booked providers who gave consent" in page
    assert "Fictional Gamma" not in page and "VC001" not in page
    assert "Fictional Alpha" not in page and "Fictional Beta" not in page  # counts only: no provider is named here


def test_the_tutor_counts_take_the_same_queries_for_more_providers(session, frameworks):
    event, _tutor, _providers = session
    with CaptureQueriesContext(connection) as few:
        work_along.tutor_view(event)
    for number in range(3):
        admin = make_user(f"more{number}@care.example")
        organisation = make_organisation(f"VD00{number}", admin, name=f"Fictional More {number}")
        answer_all(carry_over.start(organisation, frameworks["2025-26"], admin), admin, levels=["approaching"])
        consent.grant(organisation, event.support_organisation, admin)
        book(event, email=admin.email, ods_code=organisation.ods_code)
    with CaptureQueriesContext(connection) as more:
        view = work_along.tutor_view(event)
    assert view.consenting == 5 and len(more) == len(few)


def test_a_booked_provider_works_along_in_the_tutors_order(session, client_for):
    event, _tutor, providers = session
    _organisation, admin = providers["VC001"]
    response = client_for(admin).get(f"/o/VC001/work-along/{event.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    refs = [question.ref for question in work_along.questions_for(event)]
    links = [f"/o/VC001/assessment/2025-26/q/{ref}/" for ref in refs]
    positions = [page.find(link) for link in links]
    assert all(position > 0 for position in positions) and positions == sorted(positions)
    groups = [question.group.slug for question in work_along.questions_for(event)]
    assert groups == sorted(groups, key=places.groups_for(Topic.STAFFING).index)


def test_a_provider_without_a_place_cannot_work_along(session, client_for, org, owner):
    event, _tutor, _providers = session
    assert client_for(owner).get(f"/o/{org.ods_code}/work-along/{event.pk}/").status_code == 404
