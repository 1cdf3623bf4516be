"""The public search page: by name, code and postcode; odd input; a fixed number of queries per page."""

import datetime
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dspt.organisations.models import OdsEntry
from dspt.status_search import presenters, search
from dspt.status_search.tests.conftest import directory, publish_rows

SEARCH = "/status/"


@pytest.fixture
def entries(db):
    directory("VM195", "Fictional Meadowbrook House", postcode="ZZ1 1AB")
    directory("VM200", "Fictional Riverside Lodge", postcode="ZZ9 9ZZ")
    directory("VM201", "Fictional 100% Care_Home", postcode="ZZ2 2BB")
    directory("AG0Y", "Fictional Care Group", postcode="ZZ1 1AC")


def names_in(response) -> list[str]:
    return re.findall(r'<a href="/status/[A-Z0-9]+/">([^<]+)</a>', response.content.decode())


def test_it_shows_just_the_form_without_a_query(client, entries):
    response = client.get(SEARCH)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="q"' in html
    assert 'type="search"' in html
    assert "Only the status an organisation published" in html
    assert "/status/statuses.csv" in html
    assert names_in(response) == []


def test_it_finds_by_partial_name_in_any_case(client, entries):
    response = client.get(SEARCH, {"q": "  mEADOWbrook   "})
    assert response.status_code == 200
    assert names_in(response) == ["Fictional Meadowbrook House"]
    assert "1 organisation found for ‘mEADOWbrook’" in response.content.decode()


def test_it_orders_results_by_name(client, entries):
    response = client.get(SEARCH, {"q": "fictional"})
    assert names_in(response) == [
        "Fictional 100% Care_Home",
        "Fictional Care Group",
        "Fictional Meadowbrook House",
        "Fictional Riverside Lodge",
    ]


@pytest.mark.parametrize("typed", ["VM195", "vm195", " v m 1 9 5 ", "Vm-195"])
def test_it_finds_by_exact_code_with_spaces_or_lower_case(client, entries, typed):
    assert names_in(client.get(SEARCH, {"q": typed})) == ["Fictional Meadowbrook House"]


def test_a_partial_code_is_not_a_code_match(client, entries):
    assert names_in(client.get(SEARCH, {"q": "VM19"})) == []


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ZZ1 1AB", ["Fictional Meadowbrook House"]),
        ("zz11ab", ["Fictional Meadowbrook House"]),
        ("ZZ1", ["Fictional Care Group", "Fictional Meadowbrook House"]),
        ("zz9 9", ["Fictional Riverside Lodge"]),
    ],
)
def test_it_finds_by_postcode(client, entries, typed, expected):
    assert names_in(client.get(SEARCH, {"q": typed})) == expected


def test_results_show_status_year_and_date_or_not_published(client, org, owner, entries):
    directory("VX101", org.name, postcode="ZZ1 1XY")
    publish_rows(org, "met", "2025-26", datetime.date(2025, 7, 1))
    with time_machine.travel(datetime.datetime(2026, 1, 10, 12, 0, tzinfo=datetime.UTC)):
        html = client.get(SEARCH, {"q": "zz1"}).content.decode()
    assert "Fictional Meadowbrook House" in html
    row = html[html.index(org.name) :]
    assert "Standards Met" in row
    assert "2025-26" in row
    assert "1 July 2025" in row
    assert "Not published" in html  # the others


@pytest.mark.parametrize(
    "typed",
    [
        "'; DROP TABLE organisations_odsentry; --",
        '" OR 1=1 --',
        "Robert'); DELETE FROM publication_publicstatus;--",
        "\\",
        "Crèche Ñandú 中文 🏥",
        "\x00\x01 null bytes",
        "%",
        "_",
    ],
)
def test_hostile_input_gets_a_normal_page(client, entries, typed):
    response = client.get(SEARCH, {"q": typed})
    assert response.status_code == 200
    assert "Check an organisation's published DSPT status" in response.content.decode()
    assert OdsEntry.objects.count() == 4


def test_html_in_the_query_is_escaped(client, entries):
    response = client.get(SEARCH, {"q": "<script>alert(1)</script>"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_wildcards_are_matched_literally(client, entries):
    assert names_in(client.get(SEARCH, {"q": "%"})) == ["Fictional 100% Care_Home"]
    assert names_in(client.get(SEARCH, {"q": "_"})) == ["Fictional 100% Care_Home"]
    assert names_in(client.get(SEARCH, {"q": "% care_"})) == ["Fictional 100% Care_Home"]
    assert names_in(client.get(SEARCH, {"q": "fictional%lodge"})) == []
    assert names_in(client.get(SEARCH, {"q": "riv_rside"})) == []


def test_a_10_kb_query_asks_for_a_shorter_one(client, entries):
    response = client.get(SEARCH, {"q": "a" * 10_240})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Search for up to 100 characters" in html
    assert "There is a problem" in html  # the NHS.UK error summary, linking to the search box
    assert 'href="#id_q"' in html
    assert names_in(response) == []


def test_100_characters_is_allowed_after_collapsing_spaces(client, entries):
    typed = "meadowbrook" + " " * 500 + "x" * 88
    assert len(search.clean_query(typed)) == 100
    response = client.get(SEARCH, {"q": typed})
    assert "Search for up to 100 characters" not in response.content.decode()


@pytest.mark.parametrize("page", ["abc", "0", "-1", "99999", "9" * 5000, "1.5"])
def test_odd_page_numbers_get_a_normal_page(client, entries, page):
    response = client.get(SEARCH, {"q": "fictional", "page": page})
    assert response.status_code == 200
    assert len(names_in(response)) == 4


def test_results_are_paginated_by_20_with_links(client, db):
    for i in range(45):
        directory(f"VP{i:03d}", f"Fictional Paged Home {i:02d}")
    first = client.get(SEARCH, {"q": "paged"}).content.decode()
    assert "45 organisations found" in first
    assert "Showing 1 to 20 of 45" in first
    assert "nhsuk-pagination" in first
    assert "/status/?q=paged&amp;page=2" in first
    third = client.get(SEARCH, {"q": "paged", "page": "3"})
    assert names_in(third) == [f"Fictional Paged Home {i}" for i in range(40, 45)]


def queries_for(client, params) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(SEARCH, params)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_the_number_of_queries_does_not_grow_with_the_results(client, org, db):
    for i in range(50):
        directory(f"VN{i:03d}", f"Fictional Many Home {i:02d}", postcode="ZZ5 5AA")
    for i in range(5):
        directory(f"VF{i:03d}", f"Fictional Few Home {i:02d}", postcode="ZZ6 6AA")
    publish_rows(org, "met", "2025-26", datetime.date(2025, 7, 1), site_codes=["VN001", "VN002", "VF001"])
    few = queries_for(client, {"q": "few home"})
    many = queries_for(client, {"q": "many home"})
    last_page = queries_for(client, {"q": "many home", "page": "3"})
    assert few == many == last_page
    assert few <= 4  # count, page rows, and statuses_for's two


def test_the_search_functions_agree_with_the_page(entries):
    page = search.search("fictional")
    assert [result.name for result in page.results] == [
        "Fictional 100% Care_Home",
        "Fictional Care Group",
        "Fictional Meadowbrook House",
        "Fictional Riverside Lodge",
    ]
    assert page.count == 4
    assert page.pages == 1


def test_pagination_shows_first_last_and_neighbours_with_ellipses():
    page = search.ResultPage("care & co", count=200, number=5, pages=10, results=[])
    params = presenters.pagination(page)
    numbers = [item.get("number", "…") for item in params["items"]]
    assert numbers == [1, "…", 4, 5, 6, "…", 10]
    assert [item["number"] for item in params["items"] if item.get("current")] == [5]
    assert params["previous"]["href"] == "/status/?q=care+%26+co&page=4"
    assert params["next"]["href"] == "/status/?q=care+%26+co&page=6"
    assert presenters.page_url("care", 1) == "/status/?q=care"


def test_a_single_page_has_no_pagination():
    assert presenters.pagination(search.ResultPage("x", count=3, number=1, pages=1, results=[])) is None


def test_clean_query_collapses_spaces_and_drops_control_characters():
    assert search.clean_query("  Meadow\t\n brook\x00 ") == "Meadow brook"
    assert search.clean_query(None) == ""
