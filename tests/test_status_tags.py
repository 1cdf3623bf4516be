"""A status looks the same wherever it shows: one NHS.UK tag, coloured by assessments.presenters.status_tag.

A person saw "Standards Met" as a green tag on the assessment home, as plain text on the publications list and the
organisation home, and in a differently built tag on the public pages. Each page below is rendered for an
organisation that has published Standards Met, and must show that status as the same tag.
"""

import re
from html import unescape

import pytest

from dspt.assessments import presenters, rules
from dspt.publication.models import Publication
from dspt.publication.public import PublicView
from dspt.status_search import badge
from tests.factories import answer_all, complete_profile

pytestmark = pytest.mark.django_db
TAG = re.compile(r'<strong class="(nhsuk-tag[^"]*)"[^>]*>\s*(.*?)\s*</strong>', re.S)


def tags_on(html: str) -> dict[str, set[str]]:
    """{tag text: the class lists it is shown with} for every NHS.UK tag on the page."""
    found: dict[str, set[str]] = {}
    for classes, text in TAG.findall(html):
        found.setdefault(unescape(re.sub(r"<[^>]+>", "", text)).strip(), set()).add(" ".join(sorted(classes.split())))
    return found


@pytest.fixture
def published_met(client_for, owner, org, assessment):
    """VX101 has answered every question, checked its profile and published Standards Met (through the pages)."""
    complete_profile(org)
    answer_all(assessment, owner)
    client = client_for(owner)
    assert client.post("/o/VX101/publish/profile/").status_code == 302
    confirm = {"confirmer_name": "Sam Patel", "confirmer_job_title": "Registered manager", "authority": "on"}
    assert client.post("/o/VX101/publish/confirm/", confirm).status_code == 302
    publication = Publication.objects.get()
    assert publication.status == rules.MET
    return client, publication


def test_standards_met_is_the_same_tag_on_every_page_that_shows_it(client, published_met):
    signed_in, publication = published_met
    expected = " ".join(sorted(f"nhsuk-tag {presenters.status_tag(rules.MET)['classes']}".split()))
    pages = {
        "assessment home": signed_in.get("/o/VX101/assessment/2025-26/"),
        "publish overview": signed_in.get("/o/VX101/publish/"),
        "publications list": signed_in.get("/o/VX101/publications/"),
        "publication detail": signed_in.get(f"/o/VX101/publications/{publication.pk}/"),
        "organisation home": signed_in.get("/o/VX101/"),
        "public search results": client.get("/status/", {"q": "VX101"}),
        "public organisation page": client.get("/status/VX101/"),
    }
    seen = {}
    for name, response in pages.items():
        assert response.status_code == 200, name
        seen[name] = tags_on(response.content.decode()).get("Standards Met", set())
    assert seen == {name: {expected} for name in pages}


def test_every_status_has_its_own_tag_colour_and_the_badge_follows_it(monkeypatch):
    classes = [presenters.status_tag(status)["classes"] for status in rules.STATUS_LABELS]
    assert len(set(classes)) == len(rules.STATUS_LABELS)
    # The badge's colour bar is the colour of the status's tag: change the tag and the badge follows.
    monkeypatch.setitem(presenters.STATUS_TAG_CLASSES, rules.MET, "nhsuk-tag--aqua-green")
    view = PublicView("VX101", rules.MET, "2025-26", None, "", True)
    assert badge.colour_of(view) == badge.TAG_COLOURS["nhsuk-tag--aqua-green"]
