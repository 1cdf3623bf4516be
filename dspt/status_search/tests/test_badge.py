"""The embeddable badge: well-formed SVG naming the organisation, DSPT year, status and date."""

import datetime
import xml.etree.ElementTree as ET

import pytest
import time_machine

from dspt.publication.public import PublicView
from dspt.status_search import badge
from dspt.status_search.tests.conftest import directory, framework, publish_rows

SVG = "{http://www.w3.org/2000/svg}"


def texts(svg: str) -> list[str]:
    root = ET.fromstring(svg.encode())  # noqa: S314 (our own output)
    assert root.tag == f"{SVG}svg"
    return [element.text for element in root.iter(f"{SVG}text")]


def title(svg: str) -> str:
    root = ET.fromstring(svg.encode())  # noqa: S314 (our own output)
    return root.find(f"{SVG}title").text


def at(year, month, day):
    return time_machine.travel(datetime.datetime(year, month, day, 12, 0, tzinfo=datetime.UTC), tick=False)


def test_it_serves_an_svg_anyone_may_embed_for_a_few_minutes(client, published_org):
    with at(2026, 1, 10):
        response = client.get("/status/VX101/badge.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    assert response["Cache-Control"] == "public, max-age=300"
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert "Set-Cookie" not in response
    svg = response.content.decode()
    assert texts(svg) == [
        "Fictional Meadowbrook House",
        "Standards Met",
        "DSPT 2025-26 · published 1 July 2025",
        "Self-assessed on Open DSPT, not the national toolkit",
    ]
    assert "2025-26" in title(svg)
    assert "Standards Met" in title(svg)


def test_it_says_out_of_date_once_the_next_deadline_has_passed(client, org):
    directory("VX101", org.name)
    framework("2025-26")
    publish_rows(org, "approaching", "2024-25", datetime.date(2024, 6, 1))
    with at(2026, 6, 30):
        assert texts(client.get("/status/VX101/badge.svg").content.decode())[1] == "Approaching Standards"
    with at(2026, 7, 1):
        svg = client.get("/status/VX101/badge.svg").content.decode()
    assert texts(svg)[1] == "Approaching Standards (out of date)"
    assert f'fill="{badge.GREY}"' in svg
    assert "DSPT 2024-25" in texts(svg)[2]


def test_it_says_not_published_with_todays_date(client, db):
    directory("VM300", "Fictional Quiet Lodge")
    with at(2026, 3, 5):
        svg = client.get("/status/VM300/badge.svg").content.decode()
    assert texts(svg) == [
        "Fictional Quiet Lodge",
        "Not published",
        "As of 5 March 2026 · Open DSPT",
        "Check the national toolkit for its official status",
    ]


def test_it_404s_for_an_unknown_code(client, db):
    assert client.get("/status/VZ999/badge.svg").status_code == 404


@pytest.mark.parametrize(
    "name",
    ['Smith & Sons <Care> "Home" \'s', "]]><script>alert(1)</script>", "Ünïcödé Care 🏥", "Tab\tand\x0bcontrol"],
)
def test_awkward_names_still_make_well_formed_xml(name):
    view = PublicView("VM195", "met", "2025-26", datetime.date(2025, 7, 1), "", True)
    svg = badge.build(name, view, datetime.date(2026, 1, 1), "Open DSPT")
    lines = texts(svg)
    assert lines[0] == " ".join("".join(ch if ch.isprintable() else " " for ch in name).split())
    assert "<script>" not in svg


def test_long_names_are_shortened():
    view = PublicView("VM195", "", "", None, "", False)
    svg = badge.build("Fictional " + "Very " * 30 + "Long Name", view, datetime.date(2026, 1, 1), "Open DSPT")
    first = texts(svg)[0]
    assert len(first) == badge.NAME_LIMIT
    assert first.endswith("…")


@pytest.mark.parametrize(
    ("status", "current", "colour"),
    [
        ("not_met", True, "#d5281b"),
        ("approaching", True, "#ffeb3b"),
        ("met", True, "#007f3b"),
        ("exceeded", True, "#00a499"),
        ("met", False, badge.GREY),
        ("", False, badge.GREY),
    ],
)
def test_the_colour_bar_follows_the_status(status, current, colour):
    view = PublicView("VM195", status, "2025-26" if status else "", None, "", current)
    assert badge.colour_of(view) == colour
