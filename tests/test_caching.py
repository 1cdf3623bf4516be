"""What a signed-in person is shown is never kept by a browser or proxy cache (Cache-Control: no-store): their
organisation's pages, downloads of its files and reports, even a public page, whose header shows their email
address. What is the same for everyone (the status badge, the CSV of statuses, the JSON API) keeps its public
caching whoever asks."""

import pytest

from tests.org_pages import ROUTES, fill

pytestmark = pytest.mark.django_db


def no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


def test_every_organisation_page_and_download_is_no_store_for_a_member(client_for, owner, walk_data):
    client = client_for(owner)
    checked = []
    for route, _view in ROUTES:
        url = fill(route, walk_data)
        response = client.get(url)
        assert no_store(response), (url, response.status_code, response.get("Cache-Control"))
        checked.append(response.status_code)
    assert checked.count(200) >= 10


@pytest.mark.parametrize("url", ["/account/", "/account/name/", "/status/?q=meadowbrook", "/o/VX999/", "/privacy/"])
def test_other_pages_shown_to_a_signed_in_person_are_no_store(client_for, owner, org, url):
    response = client_for(owner).get(url)
    assert owner.email in response.content.decode()  # the header names them: not for anyone else's cache
    assert no_store(response), (url, response.get("Cache-Control"))


def test_file_downloads_are_no_store(client_for, owner, walk_data):
    client = client_for(owner)
    evidence = walk_data["evidence"]
    publication = walk_data["publication"]
    for url in (
        f"/o/VX101/assessment/2025-26/q/1.1.2/files/{evidence.pk}/",
        "/o/VX101/assessment/2025-26/answers.xlsx",
        f"/o/VX101/publications/{publication.pk}/report.xlsx",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "attachment" in response["Content-Disposition"]
        assert no_store(response), url


@pytest.mark.parametrize("signed_in", [False, True])
def test_public_status_data_keeps_its_public_caching(client, client_for, owner, org, signed_in):
    from dspt.status_search.tests.conftest import directory

    directory("VX101", org.name)
    browser = client_for(owner) if signed_in else client
    for url, cache in (
        ("/status/VX101/badge.svg", "public, max-age=300"),
        ("/status/statuses.csv", "public, max-age=300"),
        ("/api/v1/statuses/VX101", "public, max-age=60"),
        ("/api/v1/statuses?q=meadowbrook", "public, max-age=60"),
    ):
        response = browser.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == cache, url


def test_signed_out_public_pages_are_not_marked_no_store(client, org):
    for url in ("/", "/status/", "/status/?q=meadowbrook", "/sign-in/"):
        assert not no_store(client.get(url)), url
