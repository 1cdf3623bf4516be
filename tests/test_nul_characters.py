"""A NUL character (\\x00) in a web address, its query string or a form: PostgreSQL cannot hold one in text, so a page
that looked something up with it answered 500 there (the organisation door with /o/%00/, the history page with
?area=%00). Nobody types one: the request is refused with the 400 page before any view runs, form posts included
(Django's forms refuse one in a text field, but views also read posted values directly). The tests run on SQLite,
so they refuse here what PostgreSQL refuses (tests/like_postgresql.py)."""

import pytest
from django.db import connection

from tests import like_postgresql

pytestmark = pytest.mark.django_db


@pytest.fixture
def postgresql_rules():
    with connection.execute_wrapper(like_postgresql.rules()):
        yield


@pytest.mark.parametrize(
    "url",
    [
        "/o/%00/",
        "/o/VX101%00/people/",
        "/o/VX101/assessment/2025-26%00/answers.xlsx",
        "/o/VX101/assessment/2025-26/q/1.1.2%00/history/",
        "/o/VX101/history/?area=%00",
        "/o/VX101/?page=%00",
    ],
)
def test_a_nul_in_the_address_gets_the_bad_request_page(client_for, owner, assessment, postgresql_rules, url):
    response = client_for(owner).get(url)
    assert response.status_code == 400
    assert "Something in the request was not right" in response.content.decode()


def test_a_nul_in_a_form_or_a_field_name_gets_the_bad_request_page_and_changes_nothing(
    client_for, owner, org, postgresql_rules
):
    client = client_for(owner)
    response = client.post("/o/VX101/profile/about/", {"name": "Fictional\x00House", "a\x00": "x"})
    assert response.status_code == 400
    org.refresh_from_db()
    assert org.name == "Fictional Meadowbrook House"


def test_the_json_api_answers_its_own_way(client, db, postgresql_rules):
    response = client.get("/api/v1/statuses", {"q": "\x00qq\x00"})
    assert response.status_code == 200  # the search drops control characters (search.clean_query)
    assert response.json()["count"] == 0
