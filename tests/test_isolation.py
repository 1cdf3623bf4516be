"""Walk every organisation URL as every kind of person.

Outsiders (members of another organisation) get 404 on every page of organisation A, for GET and POST.
(Public pages such as /status/<ods_code>/ are outside /o/ and have their own tests for what they reveal.)
Members get each page, or 403 where their role is too low. Every /o/<ods_code>/ view must go through
organisations.access.organisation_view, which this test checks too, so new pages are covered automatically.
"""

import pytest

from dspt.organisations.models import Membership
from tests.org_pages import ROUTES, allowed, fill

pytestmark = pytest.mark.django_db

# What a member whose role allows the page gets on GET, where it is not 200; a new route not listed must answer 200.
EXPECTED_GET = {
    "o/<str:ods_code>/assessment/": 302,  # goes to the current year's assessment
    "o/<str:ods_code>/publish/confirm/": 302,  # back to the overview: Approaching Standards was published before
    "o/<str:ods_code>/publish/services/": 404,  # only head offices choose services; VX101 is a site
    "o/<str:ods_code>/branches/": 404,  # only head offices have branches
    "o/<str:ods_code>/assessment/<str:year>/q/<str:ref>/files/<int:evidence_id>/remove/": 405,
    "o/<str:ods_code>/assessment/<str:year>/start/": 405,
    "o/<str:ods_code>/people/invitations/<int:invitation_id>/cancel/": 405,
    "o/<str:ods_code>/people/two-factor/": 405,
    "o/<str:ods_code>/profile/confirm/": 405,
    "o/<str:ods_code>/publish/action-plan/remove-document/": 405,
    "o/<str:ods_code>/publish/action-plan/upload/": 405,
}
REDIRECTS_TO = {
    "o/<str:ods_code>/assessment/": "/o/VX101/assessment/2025-26/",
    "o/<str:ods_code>/publish/confirm/": "/o/VX101/publish/",
}


def test_there_are_organisation_pages_to_walk():
    assert len(ROUTES) >= 10


@pytest.mark.parametrize(("route", "view"), ROUTES, ids=[route for route, _ in ROUTES])
def test_every_organisation_view_goes_through_the_one_door(route, view):
    assert getattr(view, "organisation_role", None) in dict(Membership.ROLES), route


@pytest.mark.parametrize(("route", "view"), ROUTES, ids=[route for route, _ in ROUTES])
def test_an_outsider_gets_404_everywhere(client_for, outsider, walk_data, route, view):
    url = fill(route, walk_data)
    client = client_for(outsider)
    assert client.get(url).status_code == 404, url
    assert client.post(url, {"role": "admin", "email": "x@y.example"}).status_code == 404, url


@pytest.mark.parametrize(("route", "view"), ROUTES, ids=[route for route, _ in ROUTES])
@pytest.mark.parametrize("role", [Membership.VIEWER, Membership.MEMBER, Membership.ADMIN])
def test_members_get_what_their_role_allows(client_for, owner, member, walk_data, role, route, view):
    membership = walk_data["membership"]
    url = fill(route, walk_data)
    if role == Membership.ADMIN:
        user = owner
    else:
        membership.role = role
        membership.save()
        user = member
    response = client_for(user).get(url)
    if not allowed(role, view):
        assert response.status_code == 403, (url, response.status_code)
        return
    assert response.status_code == EXPECTED_GET.get(route, 200), (url, response.status_code)
    if response.status_code == 302:
        assert response["Location"] == REDIRECTS_TO[route]


def test_signed_out_people_are_sent_to_sign_in(client, org):
    response = client.get("/o/VX101/")
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/?next=")


def test_an_unregistered_code_looks_the_same_as_a_foreign_one(client_for, outsider):
    assert client_for(outsider).get("/o/VX999/").status_code == 404


ROUTES_WITH_IDS = [(r, v) for r, v in ROUTES if "<int:" in r]


@pytest.mark.parametrize(("route", "view"), ROUTES_WITH_IDS, ids=[r for r, _ in ROUTES_WITH_IDS])
def test_ids_of_organisation_a_do_not_work_under_organisation_b(client_for, member, outsider, walk_data, route, view):
    """An outsider using their own organisation's address with organisation A's ids still gets nothing."""
    from dspt.accounts.models import EmailLink
    from dspt.assessments import carry_over

    other = outsider.memberships.get().organisation
    carry_over.start(other, walk_data["evidence"].answer.assessment.framework, outsider)  # B has its own assessment
    invitation = walk_data["invitation"]
    url = fill(route, walk_data, ods_code="VX201")
    client = client_for(outsider)
    assert client.get(url).status_code in (404, 405), url  # 405: a POST-only page, and the GET is refused anyway
    assert client.post(url, {"role": "viewer"}).status_code == 404, url
    assert Membership.objects.filter(user=member).exists()
    assert EmailLink.objects.get(pk=invitation.pk).used_at is None


ABOVE_VIEWER = [(r, v) for r, v in ROUTES if v.organisation_role != Membership.VIEWER]


@pytest.mark.parametrize(("route", "view"), ABOVE_VIEWER, ids=[r for r, _ in ABOVE_VIEWER])
def test_a_viewer_cannot_post_to_pages_above_their_role(client_for, viewer, walk_data, route, view):
    url = fill(route, walk_data)
    assert client_for(viewer).post(url, {"role": "admin", "email": "x@y.example"}).status_code == 403, url
