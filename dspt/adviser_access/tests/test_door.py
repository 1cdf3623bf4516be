"""An adviser with a grant comes through the provider's one door: only into the sections granted, with the role
granted, never onto people, history or admin pages, and not a moment after the access ends."""

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dspt.adviser_access import door, grants
from dspt.adviser_access.tests.factories import make_grant
from dspt.assessments.models import Answer
from dspt.history.models import ChangeRecord
from dspt.organisations.models import Membership

pytestmark = pytest.mark.django_db

SECTION_PAGES = {
    "assessment": "/o/VX101/assessment/2025-26/",
    "registers": "/o/VX101/registers/",
    "documents": "/o/VX101/documents/",
    "publish": "/o/VX101/publish/",
    "profile": "/o/VX101/profile/",
}
NEVER = [
    "/o/VX101/people/",
    "/o/VX101/history/",
    "/o/VX101/support/",
    "/o/VX101/adviser-access/",
    "/o/VX101/adviser-access/new/",
]


@pytest.mark.parametrize(
    ("path", "section"),
    [
        ("/o/VX101/", door.OVERVIEW),
        ("/o/VX101/registers/suppliers/3/edit/", "registers"),
        ("/o/VX101/training/staff/3/confirmation-link/", "registers"),
        ("/o/VX101/publications/4/", "publish"),
        ("/o/VX101/people/", None),
        ("/o/VX101/adviser-access/", None),
        ("/o/VX101/support/", None),
        ("/s/fcca/", None),
    ],
)
def test_each_page_belongs_to_the_section_its_address_names(path, section):
    assert door.section_of(path) == section


@pytest.mark.parametrize("role", [Membership.VIEWER, Membership.MEMBER])
@pytest.mark.parametrize("granted", sorted(SECTION_PAGES))
def test_the_adviser_opens_only_the_sections_granted(client_for, org, owner, assessment, role, granted):
    grant = make_grant(org, owner, role=role, sections=[granted])
    client = client_for(grant.adviser)
    assert client.get("/o/VX101/").status_code == 200
    for section, url in SECTION_PAGES.items():
        assert client.get(url, follow=True).status_code == (200 if section == granted else 404), url
    for url in NEVER:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"role": "admin", "email": "x@y.example"}).status_code == 404, url


def test_all_sections_open_everything_but_people_history_and_admin_pages(client_for, org, owner, assessment):
    grant = make_grant(org, owner, role=Membership.MEMBER, sections=[])
    client = client_for(grant.adviser)
    for url in SECTION_PAGES.values():
        assert client.get(url, follow=True).status_code == 200, url
    for url in NEVER:
        assert client.get(url).status_code == 404, url
    assert client.get("/o/VX101/profile/about/").status_code == 403  # administrators' page
    assert client.get("/o/VX101/publish/profile/").status_code == 403
    assert client.get("/o/VX101/registers/suppliers/add/").status_code == 200  # a member's page


def test_a_viewer_adviser_cannot_change_anything(client_for, org, owner, assessment):
    grant = make_grant(org, owner, role=Membership.VIEWER, sections=["assessment", "registers"])
    client = client_for(grant.adviser)
    assert client.get("/o/VX101/registers/suppliers/add/").status_code == 403
    response = client.post(
        "/o/VX101/assessment/2025-26/q/1.1.1/", {"version": 0, "action": "continue", "answer": "za123456"}
    )
    assert response.status_code in (403, 200)
    assert not Answer.objects.filter(question__ref="1.1.1", value__ico="ZA123456").exists()


def test_what_the_adviser_changes_is_in_history_under_their_own_name(client_for, org, owner, assessment):
    grant = make_grant(org, owner, role=Membership.MEMBER, sections=["assessment"])
    client = client_for(grant.adviser)
    response = client.post(
        "/o/VX101/assessment/2025-26/q/1.1.1/", {"version": 0, "action": "continue", "answer": "za123456"}
    )
    assert response.status_code == 302
    answer = assessment.answers.get(question__ref="1.1.1")
    assert answer.updated_by == grant.adviser
    version = answer.versions.get()
    assert (version.saved_by, version.saved_by_label) == (grant.adviser, "ada@fcca.example")
    page = client_for(owner).get("/o/VX101/assessment/2025-26/q/1.1.1/history/")
    assert "ada@fcca.example" in page.content.decode() or "Ada Adviser" in page.content.decode()
    # and the provider's own history shows who let them in
    assert ChangeRecord.objects.filter(organisation=org, area=grants.AREA, actor=owner).exists()


def test_ending_takes_effect_on_the_next_request(client_for, org, owner, assessment):
    grant = make_grant(org, owner, sections=["assessment"])
    adviser = client_for(grant.adviser)
    assert adviser.get(SECTION_PAGES["assessment"]).status_code == 200
    response = client_for(owner).post(f"/o/VX101/adviser-access/{grant.pk}/end/")
    assert response.status_code == 302
    assert adviser.get(SECTION_PAGES["assessment"]).status_code == 404
    assert adviser.get("/o/VX101/").status_code == 404


def test_access_runs_out_after_the_days_granted(client_for, org, owner, assessment):
    with time_machine.travel("2025-06-10 09:00 +01:00", tick=False):
        grant = make_grant(org, owner, sections=["assessment"], days=3)
    adviser = client_for(grant.adviser)
    with time_machine.travel("2025-06-13 08:59 +01:00", tick=False):
        assert adviser.get(SECTION_PAGES["assessment"]).status_code == 200
    with time_machine.travel("2025-06-13 09:01 +01:00", tick=False):
        assert adviser.get(SECTION_PAGES["assessment"]).status_code == 404


def test_a_grant_at_one_provider_opens_nothing_at_another(client_for, org, owner, outsider):
    grant = make_grant(org, owner)
    assert client_for(grant.adviser).get("/o/VX201/").status_code == 404


def test_the_door_asks_one_query_more_only_for_people_without_a_membership(client_for, org, owner, outsider):
    make_grant(org, owner)
    client = client_for(outsider)
    client.get("/o/VX101/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/o/VX101/").status_code == 404
    assert sum("adviser_access_grant" in q["sql"] for q in queries.captured_queries) == 1


def test_a_register_entry_the_adviser_adds_is_in_the_providers_history_under_their_account(client_for, org, owner):
    from dspt.registers.tests.test_pages import ASSET_FORM, ASSETS

    grant = make_grant(org, owner, role=Membership.MEMBER, sections=["registers"])
    response = client_for(grant.adviser).post(f"{ASSETS}add/", ASSET_FORM)
    assert response.status_code == 302
    record = ChangeRecord.objects.filter(organisation=org).exclude(area=grants.AREA).latest("pk")
    assert (record.actor, record.actor_label, record.action) == (grant.adviser, "ada@fcca.example", "created")


def test_a_guest_carries_the_navigation_keys_it_may_see(client_for, org, owner, assessment):
    grant = make_grant(org, owner, sections=["assessment"])
    membership = client_for(grant.adviser).get("/o/VX101/").wsgi_request.membership
    assert membership.pk is None and membership.adviser_grant == grant
    assert membership.navigation_keys == {"home", "assessment"}
