"""The JSON API and the CSV download: same fields, same answers as the page, JSON errors, a documented schema."""

import csv
import datetime
import io
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dspt.organisations.joining import register_organisation
from dspt.status_search.search import FIELDS
from dspt.status_search.tests.conftest import directory, framework, publish_rows


@pytest.fixture
def world(org, owner):
    """Three published codes (one by a head office for a branch, one out of date) and one never published."""
    directory("VX101", org.name, postcode="ZZ1 1AB")
    directory("AG0Y", "Fictional Care Group", postcode="ZZ2 2AA")
    directory("VM195", "Fictional Branch House", postcode="ZZ2 2AB", parent="AG0Y")
    directory("VM300", "Fictional Quiet Lodge", postcode="ZZ3 3AA")
    framework("2025-26")
    publish_rows(org, "met", "2025-26", datetime.date(2025, 7, 1))
    head_office = register_organisation(owner, "AG0Y")
    publish_rows(head_office, "approaching", "2024-25", datetime.date(2024, 6, 28), site_codes=["AG0Y", "VM195"])
    with time_machine.travel(datetime.datetime(2026, 8, 1, 12, 0, tzinfo=datetime.UTC), tick=False):
        yield


def csv_rows(client) -> list[dict]:
    response = client.get("/status/statuses.csv")
    assert response.status_code == 200
    assert response.streaming
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


def as_csv(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def test_the_csv_lists_every_published_status_with_the_documented_columns(client, world):
    response = client.get("/status/statuses.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="dspt-statuses-2026-08-01.csv"'
    rows = csv_rows(client)
    assert list(rows[0].keys()) == list(FIELDS)
    assert rows == [
        {
            "ods_code": "AG0Y",
            "name": "Fictional Care Group",
            "postcode": "ZZ2 2AA",
            "status": "Approaching Standards",
            "dspt_year": "2024-25",
            "date_published": "2024-06-28",
            "current": "false",
            "published_late": "false",
            "published_by_head_office": "",
            "assessed": "self-assessed on this service",
            "provider_says_published_in_national_toolkit_on": "",
        },
        {
            "ods_code": "VM195",
            "name": "Fictional Branch House",
            "postcode": "ZZ2 2AB",
            "status": "Approaching Standards",
            "dspt_year": "2024-25",
            "date_published": "2024-06-28",
            "current": "false",
            "published_late": "false",
            "published_by_head_office": "AG0Y",
            "assessed": "self-assessed on this service",
            "provider_says_published_in_national_toolkit_on": "",
        },
        {
            "ods_code": "VX101",
            "name": "Fictional Meadowbrook House",
            "postcode": "ZZ1 1AB",
            "status": "Standards Met",
            "dspt_year": "2025-26",
            "date_published": "2025-07-01",
            "current": "true",
            "published_late": "false",
            "published_by_head_office": "",
            "assessed": "self-assessed on this service",
            "provider_says_published_in_national_toolkit_on": "",
        },
    ]


def test_the_csv_agrees_with_the_json_list(client, world):
    data = client.get("/api/v1/statuses").json()
    assert data["count"] == 3
    assert [{key: as_csv(value) for key, value in item.items()} for item in data["results"]] == csv_rows(client)


def test_the_csv_streams_in_chunks_with_few_queries(client, world, monkeypatch):
    from dspt.status_search import search

    real = search.all_published
    monkeypatch.setattr(search, "all_published", lambda: real(chunk_size=2))
    with CaptureQueriesContext(connection) as captured:
        rows = csv_rows(client)
    assert [row["ods_code"] for row in rows] == ["AG0Y", "VM195", "VX101"]
    assert len(captured.captured_queries) <= 2 * 4 + 1  # per chunk: codes, directory, statuses_for's two


def page_rows(html: str) -> list[dict]:
    """Organisation name, code and status text of each row of the search results table."""
    rows = []
    for row in re.findall(r'<tr class="nhsuk-table__row" role="row">(.*?)</tr>', html, re.S)[1:]:
        cells = [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        cells = [" ".join(cell.split()) for cell in cells]
        labels = ["Organisation", "ODS code", "Postcode", "Status", "DSPT year", "Date published"]
        rows.append({label: cell.removeprefix(label).strip() for label, cell in zip(labels, cells, strict=True)})
    return rows


def long_date(iso: str | None) -> str:
    if not iso:
        return ""
    day = datetime.date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


@pytest.mark.parametrize("query", ["fictional", "zz2", "VM195", "vm300", "house"])
def test_the_json_search_agrees_with_the_page(client, world, query):
    data = client.get("/api/v1/statuses", {"q": query}).json()
    html = client.get("/status/", {"q": query}).content.decode()
    shown = page_rows(html)
    assert data["count"] == len(shown) > 0

    def shown_status(item):
        out_of_date = item["status"] != "Not published" and not item["current"]
        return item["status"] + (" (out of date)" if out_of_date else "")

    expected = [
        {
            "Organisation": item["name"],
            "ODS code": item["ods_code"],
            "Postcode": item["postcode"] or "",
            "Status": shown_status(item),
            "DSPT year": item["dspt_year"] or "",
            "Date published": long_date(item["date_published"]),
        }
        for item in data["results"]
    ]
    assert expected == shown


def test_one_status_by_code(client, world):
    response = client.get("/api/v1/statuses/vm195")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.json() == {
        "ods_code": "VM195",
        "name": "Fictional Branch House",
        "postcode": "ZZ2 2AB",
        "status": "Approaching Standards",
        "dspt_year": "2024-25",
        "date_published": "2024-06-28",
        "current": False,
        "published_late": False,
        "published_by_head_office": "AG0Y",
        "assessed": "self-assessed on this service",
        "provider_says_published_in_national_toolkit_on": None,
    }
    not_published = client.get("/api/v1/statuses/VM300").json()
    assert not_published["status"] == "Not published"
    assert not_published["current"] is False
    assert not_published["dspt_year"] is None
    assert not_published["assessed"] is None


def test_the_json_list_is_paginated_with_links(client, db):
    for i in range(45):
        directory(f"VP{i:03d}", f"Fictional Paged Home {i:02d}")
    first = client.get("/api/v1/statuses", {"q": "paged"}).json()
    assert (first["count"], first["page"], first["pages"]) == (45, 1, 3)
    assert len(first["results"]) == 20
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/statuses?q=paged&page=2"
    last = client.get("/api/v1/statuses", {"q": "paged", "page": "3"}).json()
    assert [item["ods_code"] for item in last["results"]] == [f"VP{i:03d}" for i in range(40, 45)]
    assert last["next"] is None
    assert last["previous"] == "http://testserver/api/v1/statuses?q=paged&page=2"


def test_the_json_search_uses_a_fixed_number_of_queries(client, db):
    for i in range(50):
        directory(f"VN{i:03d}", f"Fictional Many Home {i:02d}")
    for i in range(5):
        directory(f"VF{i:03d}", f"Fictional Few Home {i:02d}")
    counts = []
    for query in ("few home", "many home"):
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/v1/statuses", {"q": query}).status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1] <= 4


@pytest.mark.parametrize(
    ("params", "status", "message"),
    [
        ({"page": "abc"}, 400, "page must be a whole number"),
        ({"page": "0"}, 400, "page must be a whole number"),
        ({"page": "-2"}, 400, "page must be a whole number"),
        ({"page": "9" * 5000}, 400, "page must be a whole number"),
        ({"page": "7"}, 404, "There is no page 7"),
        ({"q": "fictional", "page": "2"}, 404, "There is no page 2"),
        ({"q": "x" * 10_240}, 400, "q is 10240 characters long: search for up to 100 characters"),
    ],
)
def test_bad_requests_get_json_errors(client, world, params, status, message):
    response = client.get("/api/v1/statuses", params)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert message in response.json()["error"]


@pytest.mark.parametrize("query", ["'; DROP TABLE x; --", "<script>alert(1)</script>", "%_%", "\x00qq\x00", "中文 🏥"])
def test_hostile_queries_get_normal_json(client, world, query):
    response = client.get("/api/v1/statuses", {"q": query})
    assert response.status_code == 200
    assert response.json()["count"] == 0


@pytest.mark.parametrize("path", ["/api/v1/statuses/VZ999", "/api/v1/statuses/%3Cb%3E", "/api/v1/statuses/" + "A" * 99])
def test_unknown_codes_get_a_json_404(client, world, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "error" in response.json()


def test_only_get_is_allowed(client, world):
    response = client.post("/api/v1/statuses", {"q": "x"})
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response.json() == {"error": "Only GET and HEAD are allowed"}


def test_the_openapi_document_describes_the_same_fields(client, world, settings):
    settings.SITE_URL = "https://dspt.example"
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"] == "3.1.0"
    assert document["servers"] == [{"url": "https://dspt.example"}]
    assert set(document["paths"]) == {"/api/v1/statuses", "/api/v1/statuses/{ods_code}"}
    status = document["components"]["schemas"]["Status"]
    assert list(status["properties"]) == list(FIELDS) == status["required"]
    page = document["components"]["schemas"]["StatusPage"]
    assert set(page["properties"]) == set(client.get("/api/v1/statuses").json())
    item = client.get("/api/v1/statuses/VX101").json()
    assert list(item) == list(FIELDS)
    assert item["status"] in status["properties"]["status"]["enum"]
    refs = re.findall(r'"\$ref": "#/components/schemas/(\w+)"', response.content.decode().replace('":"', '": "'))
    assert set(refs) <= set(document["components"]["schemas"])
