"""Walk every support organisation URL (/s/<support_slug>/…) as every kind of person.

Staff of another support organisation and providers' users get 404 on every page of support organisation A, for GET
and POST (we do not confirm it exists). Its advisers get each page, or 403 where the page needs a programme lead.
Every /s/<support_slug>/ view must go through support.access.support_view, which this test checks too, so new pages
are covered as soon as their URL exists. Ids in URLs come from `support_walk_placeholders(association, lead, made)`
in any dspt app's tests/factories.py ({"<int:event_id>": 12}).
"""

from importlib import import_module

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

from dspt.support.models import SupportMembership
from dspt.support.tests.factories import add_staff, make_support_organisation

pytestmark = pytest.mark.django_db

# Apps write the slug as <str:support_slug> (a test below checks no route spells it otherwise).
PREFIXES = ("s/<str:support_slug>/",)

# What a member whose role allows the page gets on GET, where it is not 200; a new route not listed must answer 200.
EXPECTED_GET: dict[str, int] = {}


def support_patterns() -> list[tuple[str, object]]:
    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                route = prefix + str(pattern.pattern)
                if route.startswith(PREFIXES):
                    yield route, pattern.callback

    return sorted(walk(get_resolver().url_patterns))


ROUTES = support_patterns()


def _factories_of(app_name):
    try:
        return import_module(f"{app_name}.tests.factories")
    except ModuleNotFoundError as missing:
        if missing.name not in (f"{app_name}.tests", f"{app_name}.tests.factories"):
            raise
        return None


def placeholders_for(association, lead, made) -> dict[str, str]:
    """Every app's support_walk_placeholders, merged (as tests/conftest.py register_entries does for providers)."""
    placeholders = {}
    for app in apps.get_app_configs():
        if app.name.startswith("dspt."):
            more = getattr(_factories_of(app.name), "support_walk_placeholders", None)
            if more:
                placeholders.update({key: str(value) for key, value in more(association, lead, made).items()})
    return placeholders


def fill(route: str, data: dict, slug: str = "fcca") -> str:
    for placeholder, value in data["placeholders"].items():
        route = route.replace(placeholder, value)
    route = route.replace("<str:support_slug>", slug).replace("<slug:support_slug>", slug)
    assert "<" not in route, f"{route}: add its ids to support_walk_placeholders in its app's tests/factories.py"
    return "/" + route


@pytest.fixture
def support_walk(org, owner):
    """Support organisation A (fcca) with a programme lead and an adviser, the provider VX101 in its cohort with
    consent given, and support organisation B (other) with its own lead."""
    from dspt.support import consent
    from dspt.support.models import CohortEntry

    association = make_support_organisation()
    lead = add_staff(association, "lead@fcca.example", SupportMembership.LEAD, full_name="Lee Lead")
    adviser = add_staff(association, "adviser@fcca.example", SupportMembership.ADVISER, full_name="Ada Adviser")
    CohortEntry.objects.create(support_organisation=association, ods_code=org.ods_code, name=org.name)
    consent.grant(org, association, owner)
    other = make_support_organisation(name="Fictional Other Care Association", slug="other")
    other_lead = add_staff(other, "lead@other.example", SupportMembership.LEAD, full_name="Otto Other")
    made = {"adviser": adviser, "organisation": org, "provider_user": owner, "other": other}
    return {
        "association": association,
        "lead": lead,
        "adviser": adviser,
        "other_lead": other_lead,
        "provider_user": owner,
        "placeholders": placeholders_for(association, lead, made),
    }


def allowed(role: str, view) -> bool:
    return SupportMembership.RANK[role] >= SupportMembership.RANK[view.support_role]


def test_there_are_support_pages_to_walk():
    assert len(ROUTES) >= 5


@pytest.mark.parametrize(("route", "view"), ROUTES, ids=[route for route, _ in ROUTES])
def test_every_support_view_goes_through_the_one_door(route, view):
    assert getattr(view, "support_role", None) in dict(SupportMembership.ROLES), route


@pytest.mark.parametrize(("route", "view"), ROUTES, ids=[route for route, _ in ROUTES])
@pytest.mark.parametrize("who", ["other_lead", "provider_user"])
def test_outsiders_get_404_everywhere(client_for, support_walk, who, route, view):
    url = fill(route, support_walk)
    client = client_for(support_walk[who])
    assert client.get(url).status_code == 404, url
    assert client.post(url, {"role": "lead", "email": "x@y.example", "codes": ["VX101"]}).status_code == 404, url


@pytest.mark.parametrize(("route", "view"), ROUTES, ids=[route for route, _ in ROUTES])
@pytest.mark.parametrize("role", [SupportMembership.ADVISER, SupportMembership.LEAD])
def test_staff_get_what_their_role_allows(client_for, support_walk, role, route, view):
    user = support_walk["lead" if role == SupportMembership.LEAD else "adviser"]
    url = fill(route, support_walk)
    response = client_for(user).get(url)
    if not allowed(role, view):
        assert response.status_code == 403, (url, response.status_code)
        assert client_for(user).post(url, {"role": "lead", "email": "x@y.example"}).status_code == 403, url
        return
    assert response.status_code == EXPECTED_GET.get(route, 200), (url, response.status_code)


ROUTES_WITH_IDS = [(r, v) for r, v in ROUTES if "<int:" in r]


@pytest.mark.parametrize(("route", "view"), ROUTES_WITH_IDS, ids=[r for r, _ in ROUTES_WITH_IDS])
def test_ids_of_a_do_not_work_under_b(client_for, support_walk, route, view):
    """B's lead, using B's own address with A's ids, still gets nothing of A's."""
    url = fill(route, support_walk, slug="other")
    client = client_for(support_walk["other_lead"])
    assert client.get(url).status_code in (404, 405), url
    assert client.post(url, {"role": "adviser"}).status_code == 404, url


def test_signed_out_people_are_sent_to_sign_in(client, support_walk):
    response = client.get("/s/fcca/")
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/?next=")


def test_an_unknown_slug_looks_the_same_as_a_foreign_one(client_for, support_walk):
    assert client_for(support_walk["lead"]).get("/s/nobody/").status_code == 404


def test_every_support_route_spells_its_slug_the_same_way():
    from tests.test_form_fuzz import public_routes

    assert not [route for route in public_routes() if route.startswith("s/")]
