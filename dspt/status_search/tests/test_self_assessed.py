"""Every public place a status shows says it is self-assessed on this service, not the national toolkit's record,
points to the national toolkit's organisation search, and shows the provider's own national publication date as its
statement, never as checked."""

import csv
import datetime
import io
import re
import xml.etree.ElementTree as ET

import pytest
import time_machine

from dspt.lib.national_toolkit import SEARCH_URL
from dspt.publication import national
from dspt.status_search.tests.conftest import directory, publish_rows

SVG = "{http://www.w3.org/2000/svg}"
STATEMENT = "The provider says it published in the national toolkit on 3 July 2025"


@pytest.fixture
def published(org, owner):
    """VX101 published Standards Met on 1 July 2025; VM300 is in the directory, never published."""
    directory("VX101", org.name, postcode="ZZ1 1AB")
    directory("VM300", "Fictional Quiet Lodge", postcode="ZZ3 3AA")
    publication = publish_rows(org, "met", "2025-26", datetime.date(2025, 7, 1), user=owner)
    with time_machine.travel(datetime.datetime(2025, 8, 1, 12, 0, tzinfo=datetime.UTC), tick=False):
        yield publication


@pytest.fixture
def declared(published, owner):
    national.record_national_publication(published, datetime.date(2025, 7, 3), owner)
    return published


def test_the_public_page_says_self_assessed_and_links_to_the_national_search(client, published):
    page = client.get("/status/VX101/").content.decode()
    assert "Self-assessed on this service" in page
    assert "This status is self-assessed on this service (Open DSPT)" in page
    assert "It is not the official record" in page
    assert f'href="{SEARCH_URL}"' in page
    assert "The provider says" not in page  # it has not said it published in the national toolkit


def test_the_public_page_shows_the_national_date_as_the_providers_own_statement(client, declared):
    page = client.get("/status/VX101/").content.decode()
    row = re.search(r"National toolkit\s*</dt>\s*<dd[^>]*>(.*?)</dd>", page, re.S)
    assert row, page
    said = " ".join(row.group(1).split())
    assert said == f"{STATEMENT}. This is its own statement: we have not checked it."


def test_a_page_with_nothing_published_does_not_claim_self_assessment(client, published):
    page = client.get("/status/VM300/").content.decode()
    assert "Self-assessed on this service" not in page
    assert f'href="{SEARCH_URL}"' in page


def test_the_search_page_and_its_results_say_self_assessed(client, published):
    page = client.get("/status/", {"q": "VX101"}).content.decode()
    assert "Every status here is self-assessed on this service" in page
    assert "Organisations and their status, self-assessed on this service" in page  # the results table's caption
    assert f'href="{SEARCH_URL}"' in page


def test_the_csv_has_a_self_assessed_column_and_the_providers_date(client, declared):
    response = client.get("/status/statuses.csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [(row["ods_code"], row["assessed"]) for row in rows] == [("VX101", "self-assessed on this service")]
    assert rows[0]["provider_says_published_in_national_toolkit_on"] == "2025-07-03"


def test_the_json_says_self_assessed_and_gives_the_providers_date(client, declared):
    one = client.get("/api/v1/statuses/VX101").json()
    assert one["assessed"] == "self-assessed on this service"
    assert one["provider_says_published_in_national_toolkit_on"] == "2025-07-03"
    listed = client.get("/api/v1/statuses").json()["results"]
    assert listed == [one]
    never = client.get("/api/v1/statuses/VM300").json()
    assert never["assessed"] is None and never["provider_says_published_in_national_toolkit_on"] is None


def test_the_openapi_description_says_self_assessed_and_names_the_official_record(client, db):
    document = client.get("/api/v1/openapi.json").json()
    assert "self-assessed on this service" in document["info"]["description"]
    assert SEARCH_URL in document["info"]["description"]
    assert document["externalDocs"]["url"] == SEARCH_URL
    fields = document["components"]["schemas"]["Status"]["properties"]
    assert fields["assessed"]["enum"] == ["self-assessed on this service", None]
    assert "own statement" in fields["provider_says_published_in_national_toolkit_on"]["description"]


def test_the_badge_says_self_assessed_on_the_named_service(client, published):
    svg = client.get("/status/VX101/badge.svg").content.decode()
    root = ET.fromstring(svg.encode())  # noqa: S314 (our own output)
    texts = [element.text for element in root.iter(f"{SVG}text")]
    assert texts[-1] == "Self-assessed on Open DSPT, not the national toolkit"
    assert "Self-assessed on Open DSPT" in root.find(f"{SVG}title").text
    assert root.get("height") == "94"
    page = client.get("/status/VX101/").content.decode()
    assert 'width="340" height="94"' in page  # the page's copy of the badge, and the HTML to embed it
    assert "self-assessed on Open DSPT" in page
