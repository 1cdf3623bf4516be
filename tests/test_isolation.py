"""Walk every organisation URL as every kind of person.

Outsiders (members of another organisation) get 404 on every page of organisation A, for GET and POST.
(Public pages such as /status/<ods_code>/ are outside /o/ and have their own tests for what they reveal.)
Members get each page, or 403 where their role is too low. Every /o/<ods_code>/ view must go through
organisations.access.organisation_view, which this test checks too, so new pages are covered automatically.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from dspt.organisations.models import Membership

pytestmark = pytest.mark.django_db


def organisation_patterns():
    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                route = prefix + str(pattern.pattern)
                if route.startswith("o/<str:ods_code>/"):
                    yield route, pattern.callback

    return sorted(walk(get_resolver().url_patterns))


ROUTES = organisation_patterns()
NOT_FOR_A_SITE = {"o/<str:ods_code>/publish/services/"}


@pytest.fixture
def evidence(assessment, owner):
    """An answer with a file in organisation A's assessment, so file URLs have something to point at."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from dspt.assessments import answering
    from dspt.lib import uploads

    question = assessment.framework.questions.get(ref="1.1.2")
    upload = SimpleUploadedFile("register.pdf", b"%PDF-1.7 register")
    answering.save_answer(
        assessment,
        question,
        value={"location": "Office"},
        comment="",
        is_draft=False,
        user=owner,
        expected_version=0,
        files=[(upload, uploads.check(upload))],
    )
    return question.answers.get().evidence.get()


@pytest.fixture
def publication(assessment, owner):
    """A publication whose snapshot includes an uploaded action plan, and that plan on the current assessment."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from dspt.lib import uploads
    from dspt.publication.models import ActionPlan
    from tests.factories import make_publication

    stored, _, _ = uploads.store(SimpleUploadedFile("plan.pdf", b"%PDF-1.7 plan"), str(assessment.organisation_id))
    ActionPlan.objects.create(
        assessment=assessment,
        document_name="plan.pdf",
        document_stored_name=stored,
        document_content_type="application/pdf",
    )
    plan = {
        "document": "plan.pdf",
        "document_stored_name": stored,
        "document_content_type": "application/pdf",
        "lines": [],
    }
    return make_publication(assessment, owner, "approaching", action_plan=plan)


def fill(route: str, membership: Membership, evidence=None, publication=None) -> str:
    return "/" + (
        route.replace("<str:ods_code>", "VX101")
        .replace("<int:membership_id>", str(membership.pk))
        .replace("<slug:slug>", "about")
        .replace("<str:year>", "2025-26")
        .replace("<slug:group>", "staffing-and-roles")
        .replace("<str:ref>", "1.1.2")
        .replace("<int:evidence_id>", str(evidence.pk if evidence else 0))
        .replace("<int:publication_id>", str(publication.pk if publication else 0))
        .replace("<str:fmt>", "xlsx")
        .replace("<int:invitation_id>", "0")
    )


def test_there_are_organisation_pages_to_walk():
    assert len(ROUTES) >= 10


@pytest.mark.parametrize(("route", "view"), ROUTES, ids=[route for route, _ in ROUTES])
def test_every_organisation_view_goes_through_the_one_door(route, view):
    assert getattr(view, "organisation_role", None) in dict(Membership.ROLES), route


@pytest.mark.parametrize(("route", "view"), ROUTES, ids=[route for route, _ in ROUTES])
def test_an_outsider_gets_404_everywhere(client_for, org, member, outsider, evidence, publication, route, view):
    url = fill(route, Membership.objects.get(user=member), evidence, publication)
    client = client_for(outsider)
    assert client.get(url).status_code == 404, url
    assert client.post(url, {"role": "admin", "email": "x@y.example"}).status_code == 404, url


@pytest.mark.parametrize(("route", "view"), ROUTES, ids=[route for route, _ in ROUTES])
@pytest.mark.parametrize("role", [Membership.VIEWER, Membership.MEMBER, Membership.ADMIN])
def test_members_get_what_their_role_allows(client_for, owner, org, member, evidence, publication, role, route, view):
    membership = Membership.objects.get(user=member)
    url = fill(route, membership, evidence, publication)
    if role == Membership.ADMIN:
        user = owner
    else:
        membership.role = role
        membership.save()
        user = member
    allowed = Membership.RANK[role] >= Membership.RANK[view.organisation_role]
    status = client_for(user).get(url).status_code
    if allowed and route in NOT_FOR_A_SITE:
        assert status == 404, (url, status)  # e.g. only head offices choose branches
    elif allowed:
        assert status in (200, 302, 405), (url, status)
    else:
        assert status == 403, (url, status)


def test_signed_out_people_are_sent_to_sign_in(client, org):
    response = client.get("/o/VX101/")
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/?next=")


def test_an_unregistered_code_looks_the_same_as_a_foreign_one(client_for, outsider):
    assert client_for(outsider).get("/o/VX999/").status_code == 404


ROUTES_WITH_IDS = [(r, v) for r, v in ROUTES if "<int:" in r]


@pytest.mark.parametrize(("route", "view"), ROUTES_WITH_IDS, ids=[r for r, _ in ROUTES_WITH_IDS])
def test_ids_of_organisation_a_do_not_work_under_organisation_b(
    client_for, org, member, outsider, evidence, publication, route, view
):
    """An outsider using their own organisation's address with organisation A's ids still gets nothing."""
    from dspt.accounts import links
    from dspt.accounts.models import EmailLink
    from dspt.assessments import carry_over

    other = outsider.memberships.get().organisation
    carry_over.start(other, evidence.answer.assessment.framework, outsider)  # B has an assessment of its own
    invitation, _ = links.issue(
        EmailLink.INVITE, "new@care.example", organisation=org, role="member", sent_by=org.memberships.first().user
    )
    url = fill(route, Membership.objects.get(user=member), evidence, publication).replace("/o/VX101/", "/o/VX201/")
    url = url.replace("/invitations/0/", f"/invitations/{invitation.pk}/")
    client = client_for(outsider)
    assert client.get(url).status_code in (404, 405), url  # 405: a POST-only page, and the GET is refused anyway
    assert client.post(url, {"role": "viewer"}).status_code == 404, url
    assert Membership.objects.filter(user=member).exists()
    assert EmailLink.objects.get(pk=invitation.pk).used_at is None


ABOVE_VIEWER = [(r, v) for r, v in ROUTES if v.organisation_role != Membership.VIEWER]


@pytest.mark.parametrize(("route", "view"), ABOVE_VIEWER, ids=[r for r, _ in ABOVE_VIEWER])
def test_a_viewer_cannot_post_to_pages_above_their_role(
    client_for, org, viewer, member, evidence, publication, route, view
):
    url = fill(route, Membership.objects.get(user=member), evidence, publication)
    assert client_for(viewer).post(url, {"role": "admin", "email": "x@y.example"}).status_code == 403, url
