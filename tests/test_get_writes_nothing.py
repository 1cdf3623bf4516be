"""Reading never writes: every GET page of an organisation leaves every table exactly as it was.

The walk uses tests/org_pages.py, so a new page is covered as soon as its URL exists. Sessions are left out: the
sign-in session is the visitor's own state, not the organisation's data.
"""

import hashlib

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session

from dspt.organisations.models import Membership
from tests.org_pages import ROUTES, fill
from tests.test_support_isolation import ROUTES as SUPPORT_ROUTES
from tests.test_support_isolation import fill as support_fill
from tests.test_support_isolation import support_walk  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def fingerprint() -> dict[str, tuple[int, str]]:
    """Per table: its row count and a hash of every row's values."""
    tables = {}
    for model in apps.get_models():
        if model is Session or model._meta.proxy:
            continue
        rows = list(model._default_manager.order_by("pk").values_list())
        tables[model._meta.db_table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return tables


def changed(before: dict, after: dict) -> list[str]:
    return [table for table in after if before.get(table) != after[table]]


def test_the_fingerprint_notices_a_change(walk_data):
    before = fingerprint()
    walk_data["membership"].role = Membership.VIEWER
    walk_data["membership"].save()
    assert changed(before, fingerprint()) == [Membership._meta.db_table]


@pytest.mark.parametrize("role", [Membership.ADMIN, Membership.VIEWER])
def test_no_get_of_an_organisation_page_writes_anything(client_for, owner, viewer, walk_data, role):
    client = client_for(owner if role == Membership.ADMIN else viewer)
    writers = {}
    for route, _view in ROUTES:
        before = fingerprint()
        status = client.get(fill(route, walk_data)).status_code
        tables = changed(before, fingerprint())
        if tables:
            writers[route] = (status, tables)
    assert writers == {}


@pytest.mark.parametrize("staff", ["lead", "adviser"])
def test_no_get_of_a_support_page_writes_anything(client_for, support_walk, staff):  # noqa: F811
    client = client_for(support_walk[staff])
    writers = {}
    for route, _view in SUPPORT_ROUTES:
        before = fingerprint()
        status = client.get(support_fill(route, support_walk)).status_code
        tables = changed(before, fingerprint())
        if tables:
            writers[route] = (status, tables)
    assert writers == {}


def test_no_get_of_a_public_support_or_event_page_writes_anything(client, support_walk):  # noqa: F811
    from dspt.events.tests.factories import make_event

    event = make_event(support_walk["association"])
    writers = {}
    for url in ["/events/", f"/events/{event.pk}/", "/support/fcca/resources/", "/events/cancel/unknown-token/"]:
        before = fingerprint()
        status = client.get(url).status_code
        tables = changed(before, fingerprint())
        if tables:
            writers[url] = (status, tables)
    assert writers == {}
