"""The provider's adviser access page, the form, ending, the adviser's list, and the banner on every page."""

from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dspt.adviser_access.models import Grant
from dspt.adviser_access.tests.factories import consenting_support, make_adviser, make_grant
from dspt.organisations.models import Membership
from dspt.support.models import SupportMembership
from dspt.support.tests.factories import add_staff

pytestmark = pytest.mark.django_db
PAGE = "/o/VX101/adviser-access/"
NEW = PAGE + "new/"
BASE_LAYOUT = Path(settings.BASE_DIR) / "dspt/ui/jinja2/layouts/base.jinja"


def form(adviser, **values):
    staff = SupportMembership.objects.get(user=adviser)
    return {"adviser": staff.pk, "role": "member", "scope": "chosen", "sections": ["assessment"], "days": "3"} | values


def text(response) -> str:
    return " ".join(response.content.decode().split())


def test_the_administrator_lets_an_adviser_in_after_a_mistake(client_for, org, owner):
    adviser = make_adviser(consenting_support(org, owner))
    client = client_for(owner)
    page = client.get(NEW)
    assert page.status_code == 200 and "Ada Adviser of Fictional County Care Association" in text(page)
    mistaken = client.post(NEW, form(adviser, sections=[], days="45"))
    assert mistaken.status_code == 200
    assert "Select at least one section, or choose every section" in text(mistaken)
    assert "The number of days must be between 1 and 30" in text(mistaken)
    assert 'value="45"' in text(mistaken)  # nothing typed is lost
    assert not Grant.objects.exists()
    done = client.post(NEW, form(adviser, sections=["assessment", "registers"]))
    assert done.status_code == 302
    grant = Grant.objects.get()
    assert (grant.adviser, grant.role, grant.sections) == (adviser, "member", ["assessment", "registers"])
    listing = text(client.get(PAGE))
    assert "See and change the assessment and registers" in listing and "End now" in listing


def test_nobody_can_be_let_in_without_consent(client_for, org, owner):
    listing = text(client_for(owner).get(PAGE))
    assert "Nobody can be let in yet" in listing
    assert "Let an adviser in" not in listing


def test_an_adviser_of_another_support_organisation_cannot_be_posted_in(client_for, org, owner):
    consenting_support(org, owner)
    from dspt.support.tests.factories import make_support_organisation

    other = make_support_organisation(name="Elsewhere Care Network", slug="ecn")
    stranger = add_staff(other, "sam@ecn.example", full_name="Sam Stranger")
    response = client_for(owner).post(NEW, form(stranger))
    assert response.status_code == 200
    assert "Select the adviser you want to let in" in text(response)
    assert not Grant.objects.exists()


def test_people_who_are_not_administrators_read_the_page_but_cannot_change_it(client_for, org, owner, viewer):
    make_grant(org, owner)
    client = client_for(viewer)
    listing = text(client.get(PAGE))
    assert "Ada Adviser of Fictional County Care Association" in listing and "End now" not in listing
    assert client.get(NEW).status_code == 403
    grant = Grant.objects.get()
    assert client.post(f"{PAGE}{grant.pk}/end/").status_code == 403
    assert Grant.objects.live().exists()


def test_end_now_shows_the_grant_as_past(client_for, org, owner):
    grant = make_grant(org, owner)
    client = client_for(owner)
    assert "End their access now" in text(client.get(f"{PAGE}{grant.pk}/end/"))
    client.post(f"{PAGE}{grant.pk}/end/")
    listing = text(client.get(PAGE))
    assert "No adviser can get into your workspace" in listing
    assert "Access that has ended" in listing and "Ended" in listing


def test_the_adviser_finds_their_workspaces_on_their_support_page(client_for, org, owner):
    grant = make_grant(org, owner, role=Membership.VIEWER, sections=["registers"])
    page = client_for(grant.adviser).get("/s/fcca/access/")
    assert page.status_code == 200
    assert "Fictional Meadowbrook House" in text(page) and "See registers" in text(page)
    colleague = add_staff(grant.support_organisation, "bo@fcca.example", full_name="Bo Colleague")
    assert "No provider has let you in" in text(client_for(colleague).get("/s/fcca/access/"))


def notices_on(client, url):
    return [str(notice["html"]) for notice in client.get(url).wsgi_request.organisation_notices]


def test_the_banner_tells_the_providers_people_and_the_adviser(client_for, org, owner, viewer, assessment):
    assert notices_on(client_for(owner), "/o/VX101/") == []
    grant = make_grant(org, owner, role=Membership.MEMBER, sections=["assessment"])
    [for_owner] = notices_on(client_for(owner), "/o/VX101/registers/")
    assert "Ada Adviser of Fictional County Care Association can see and change the assessment, until" in for_owner
    assert "End it now" in for_owner
    [for_viewer] = notices_on(client_for(viewer), "/o/VX101/")
    assert "See adviser access" in for_viewer and "End it now" not in for_viewer
    [for_adviser] = notices_on(client_for(grant.adviser), "/o/VX101/assessment/2025-26/")
    assert "You can see and change the assessment of Fictional Meadowbrook House until" in for_adviser
    Grant.objects.update(ended_at=grant.granted_at)
    assert notices_on(client_for(owner), "/o/VX101/") == []


def test_the_banner_shows_on_every_provider_page(client_for, org, owner, assessment):
    make_grant(org, owner)
    for url in ["/o/VX101/", "/o/VX101/registers/", "/o/VX101/people/", PAGE]:
        assert "Ada Adviser of Fictional County Care Association can see and change" in text(
            client_for(owner).get(url)
        ), url


def test_the_list_takes_the_same_queries_however_many_grants(client_for, org, owner):
    support = consenting_support(org, owner)
    client = client_for(owner)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(PAGE).status_code == 200
        return len(queries)

    make_grant(org, owner, adviser=make_adviser(support, "a1@fcca.example"), support=support)
    before = count()
    for n in range(2, 6):
        grant = make_grant(org, owner, adviser=make_adviser(support, f"a{n}@fcca.example"), support=support)
        if n % 2:
            from dspt.adviser_access import grants

            grants.end(grant, owner)
    assert count() == before


# What the layout needs (dspt/ui/jinja2/layouts/base.jinja, in the content block before the messages loop).
LAYOUT_SNIPPET = """{% from "nhsuk/components/notification-banner/macro.jinja" import notificationBanner %}
{% for notice in request.organisation_notices or [] %}{{ notificationBanner(notice) }}{% endfor %}"""


def test_the_layout_snippet_renders_the_banner_with_its_link(client_for, org, owner):
    from django.template import engines

    make_grant(org, owner)
    request = client_for(owner).get("/o/VX101/").wsgi_request
    html = engines["jinja2"].from_string(LAYOUT_SNIPPET).render({"request": request})
    assert 'id="adviser-access-title"' in html and "Adviser access" in html
    assert "Ada Adviser of Fictional County Care Association can see and change every section, until" in html
    assert '<a href="/o/VX101/adviser-access/">End it now</a>' in html
    assert "&lt;p" not in html  # the banner's paragraphs are HTML, not escaped text
