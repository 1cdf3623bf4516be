"""The JSON API answers every mistake in JSON: a method other than GET or HEAD is a 405 with an Allow header (not
the HTML page about an expired form), a bad parameter is a 400 naming the parameter and saying why, and the OpenAPI
description states the limits the server enforces, taken from the constants the code uses."""

import pytest
from django.test import Client

from dspt.status_search import openapi, search
from dspt.status_search.tests.conftest import directory

pytestmark = pytest.mark.django_db

ENDPOINTS = ["/api/v1/statuses", "/api/v1/statuses/VX101", "/api/v1/openapi.json"]


@pytest.fixture
def api():
    """A client that checks CSRF tokens, as a real browser or script meets the service (the test client does not)."""
    return Client(enforce_csrf_checks=True)


@pytest.mark.parametrize("path", ENDPOINTS)
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_other_methods_get_a_json_405_with_allow(api, path, method):
    response = getattr(api, method)(path, {"q": "x"}, content_type="application/json")
    assert response.status_code == 405, response.content[:200]
    assert response["Allow"] == "GET, HEAD"
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"error": "Only GET and HEAD are allowed"}


def test_a_form_post_from_another_site_gets_json_not_the_expired_form_page(api):
    response = api.post("/api/v1/statuses", {"q": "meadowbrook"}, HTTP_ORIGIN="https://elsewhere.example")
    assert response.status_code == 405
    assert "error" in response.json()


def bad(api, path, params) -> dict:
    response = api.get(path, params)
    assert response.status_code == 400, response.content[:200]
    assert response["Content-Type"] == "application/json"
    return response.json()


@pytest.mark.parametrize(
    ("params", "parameter", "message"),
    [
        ({"page": "abc"}, "page", f"page must be a whole number from 1 to {openapi.MAX_PAGE}"),
        ({"page": "²"}, "page", f"page must be a whole number from 1 to {openapi.MAX_PAGE}"),
        ({"page": "1e3"}, "page", f"page must be a whole number from 1 to {openapi.MAX_PAGE}"),
        ({"page": "9" * 20}, "page", f"page must be a whole number from 1 to {openapi.MAX_PAGE}"),
        ({"page": ""}, "page", f"page must be a whole number from 1 to {openapi.MAX_PAGE}"),
        ({"page": ["1", "2"]}, "page", "page was given 2 times: give it once"),
        ({"q": ["a", "b", "c"]}, "q", "q was given 3 times: give it once"),
        ({"q": "x" * 101}, "q", "q is 101 characters long: search for up to 100 characters"),
        ({"query": "meadowbrook"}, "query", "query is not a parameter here: use q or page"),
    ],
)
def test_a_bad_parameter_gets_a_json_400_naming_it(api, params, parameter, message):
    assert bad(api, "/api/v1/statuses", params) == {"error": message, "parameter": parameter}


@pytest.mark.parametrize("path", ["/api/v1/statuses/VX101", "/api/v1/openapi.json"])
def test_addresses_without_parameters_say_so(api, path):
    message = "q is not a parameter here: this address takes none"
    assert bad(api, path, {"q": "x"}) == {"error": message, "parameter": "q"}


def test_a_nul_character_gets_json_too(api):
    """The API checks its own input (it is exempt from the 400 page for NUL characters), and answers in JSON."""
    assert bad(api, "/api/v1/statuses", {"pa\x00ge": "1"})["parameter"] == "pa\x00ge"
    assert bad(api, "/api/v1/statuses", {"page": "1\x00"})["parameter"] == "page"
    assert api.get("/api/v1/statuses/VX%00101").json() == api.get("/api/v1/statuses/VZ999").json()


def test_too_many_parameters_get_json_not_an_html_page(api):
    response = api.get("/api/v1/statuses?" + "&".join(f"p{i}=1" for i in range(1500)))
    assert response.status_code == 400
    assert response.json()["error"] == "Too many parameters"


def test_the_openapi_description_states_the_limits_the_server_enforces(api):
    document = api.get("/api/v1/openapi.json").json()
    operation = document["paths"]["/api/v1/statuses"]["get"]
    params = {param["name"]: param["schema"] for param in operation["parameters"]}
    assert params["q"]["maxLength"] == search.MAX_QUERY_LENGTH
    assert params["page"]["maximum"] == openapi.MAX_PAGE
    assert params["page"]["minimum"] == 1
    assert document["components"]["schemas"]["StatusPage"]["properties"]["results"]["maxItems"] == search.PAGE_SIZE
    assert f"{search.PAGE_SIZE} results a page" in operation["description"]
    assert "parameter" in document["components"]["schemas"]["Error"]["properties"]
    # ...and the server keeps to them: the largest allowed values are accepted, one more is refused
    longest = "x" * search.MAX_QUERY_LENGTH
    assert api.get("/api/v1/statuses", {"q": longest}).status_code == 200
    assert bad(api, "/api/v1/statuses", {"q": longest + "x"})["parameter"] == "q"
    assert api.get("/api/v1/statuses", {"page": openapi.MAX_PAGE}).status_code == 404  # allowed, but empty
    assert bad(api, "/api/v1/statuses", {"page": openapi.MAX_PAGE + 1})["parameter"] == "page"


def test_a_good_request_still_works(api):
    directory("VX101", "Fictional Meadowbrook House")
    response = api.get("/api/v1/statuses", {"q": "meadowbrook", "page": "1"})
    assert response.status_code == 200
    assert response.json()["results"][0]["ods_code"] == "VX101"
    assert api.head("/api/v1/statuses/VX101").status_code == 200
