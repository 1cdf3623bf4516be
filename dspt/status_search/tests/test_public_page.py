"""The public page per organisation: status, history, head office, badge embed code; nothing private anywhere."""

import datetime
import json

import pytest
import time_machine
from django.utils import timezone

from dspt.assessments.models import Answer
from dspt.organisations.joining import register_organisation
from dspt.organisations.models import Profile
from dspt.status_search.tests.conftest import CONFIRMER_NAME, CONFIRMER_TITLE, directory, framework, publish_rows
from tests.factories import add_member, make_user


def at(year, month, day):
    return time_machine.travel(datetime.datetime(year, month, day, 12, 0, tzinfo=datetime.UTC), tick=False)


def test_it_shows_the_current_status_year_and_date(client, published_org):
    with at(2026, 1, 10):
        response = client.get("/status/VX101/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="nhsuk-heading-l">Fictional Meadowbrook House</h1>' in html
    assert "nhsuk-tag--green" in html
    assert "Standards Met" in html
    assert "2025-26" in html
    assert "1 July 2025" in html
    assert "Current until" in html
    assert "30 June 2027" in html  # the 2026-27 deadline, a year after 2025-26's
    assert "(out of date)" not in html


def test_it_explains_the_statuses_in_plain_words(client, published_org):
    html = client.get("/status/VX101/").content.decode()
    assert "What the statuses mean" in html
    for label in ("Standards Exceeded", "Standards Met", "Approaching Standards", "Standards Not Met"):
        assert label in html


def test_it_lists_the_public_history_newest_first(client, org, owner):
    directory("VX101", org.name)
    publish_rows(org, "approaching", "2024-25", datetime.date(2024, 6, 20))
    publish_rows(org, "met", "2025-26", datetime.date(2025, 6, 25))
    html = client.get("/status/VX101/").content.decode()
    history = html[html.index("Public history") :]
    assert history.index("25 June 2025") < history.index("20 June 2024")
    assert "Approaching Standards" in history


def test_it_names_the_head_office_that_published_for_a_site(client, owner, db):
    directory("AG0Y", "Fictional Care Group")
    directory("VM195", "Fictional Meadowbrook Branch", parent="AG0Y")
    head_office = register_organisation(owner, "AG0Y")
    publish_rows(head_office, "met", "2025-26", datetime.date(2025, 7, 1), site_codes=["AG0Y", "VM195"])
    html = client.get("/status/VM195/").content.decode()
    assert 'Published by head office <a href="/status/AG0Y/">AG0Y</a> (Fictional Care Group)' in html
    assert "Published by head office" not in client.get("/status/AG0Y/").content.decode()


def test_a_directory_entry_that_never_published_says_not_published(client, db):
    directory("VM300", "Fictional Quiet Lodge")
    response = client.get("/status/VM300/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Not published" in html
    assert "Nothing has been published for this organisation yet" in html
    assert "Date published" not in html
    assert "Current until" not in html


def test_it_shows_out_of_date_once_the_next_deadline_has_passed(client, org):
    directory("VX101", org.name)
    framework("2025-26")  # deadline 30 June 2026: a 2024-25 status is current until then
    publish_rows(org, "met", "2024-25", datetime.date(2024, 7, 1))
    with at(2026, 6, 30):
        html = client.get("/status/VX101/").content.decode()
        assert "(out of date)" not in html
        assert "Current until" in html
    with at(2026, 7, 1):
        html = client.get("/status/VX101/").content.decode()
        assert "Standards Met (out of date)" in html
        assert "Out of date since" in html
        assert "nhsuk-tag--grey" in html


def test_it_shows_the_badge_and_html_to_copy(client, published_org, settings):
    settings.SITE_URL = "https://dspt.example"
    html = client.get("/status/VX101/").content.decode()
    assert '<img src="/status/VX101/badge.svg"' in html
    assert "nhsuk-code" in html
    # the embed code is shown as text (escaped), with absolute addresses for another website
    assert "&lt;a href=&#34;https://dspt.example/status/VX101/&#34;&gt;" in html or (
        "&lt;a href=&quot;https://dspt.example/status/VX101/&quot;&gt;" in html
    )
    assert "https://dspt.example/status/VX101/badge.svg" in html


def test_a_lower_case_code_redirects_to_the_page(client, published_org):
    response = client.get("/status/vx101/")
    assert response.status_code == 301
    assert response["Location"] == "/status/VX101/"


@pytest.mark.parametrize("path", ["/status/VZ999/", "/status/%3Cscript%3E/", "/status/" + "A" * 300 + "/"])
def test_unknown_codes_get_the_404_page(client, db, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_public_pages_need_no_sign_in(client, published_org):
    for path in ("/status/", "/status/?q=meadow", "/status/VX101/", "/status/VX101/badge.svg"):
        assert client.get(path).status_code == 200, path


# ---- nothing private is ever public ------------------------------------------------------------------------

PRIVATE = [
    "owner@care.example",
    "Olive Owner",
    "member@care.example",
    "Mo Member",
    "Carla Caldicott-Private",
    "Senior Caldicott Title",
    "Simon Siro-Private",
    "Ida Lead-Private",
    "Dora Dpo-Private",
    "ZA998877",
    "SECRET-ANSWER-TEXT",
    "SECRET-ANSWER-COMMENT",
    "SECRET-SNAPSHOT",
    CONFIRMER_NAME,
    CONFIRMER_TITLE,
    "publisher-private@care.example",
    "Caldicott Guardian",
]


@pytest.fixture
def private_org(assessment, org, owner):
    """Organisation A with people, a full profile, an answer and a publication whose snapshot holds secrets."""
    add_member(org, make_user("member@care.example", full_name="Mo Member"), "member")
    Profile.objects.filter(organisation=org).update(
        caldicott_name="Carla Caldicott-Private",
        caldicott_title="Senior Caldicott Title",
        siro_name="Simon Siro-Private",
        ig_lead_name="Ida Lead-Private",
        dpo_name="Dora Dpo-Private",
        ico_number="ZA998877",
        nhsmail_only="yes",
    )
    question = assessment.framework.questions.filter(answer_type="text").first()
    Answer.objects.create(
        assessment=assessment, question=question, value={"text": "SECRET-ANSWER-TEXT"}, comment="SECRET-ANSWER-COMMENT"
    )
    directory("VX101", org.name, postcode="ZZ1 1AB")
    publish_rows(
        org,
        "met",
        assessment.framework.year,
        timezone.now(),
        snapshot={"answers": {"1.1.1": "SECRET-SNAPSHOT"}, "caldicott": "Carla Caldicott-Private"},
    )
    return org


def test_nothing_private_appears_on_any_public_page_or_download(client, private_org):
    responses = {
        path: client.get(path)
        for path in (
            "/status/?q=meadowbrook",
            "/status/?q=VX101",
            "/status/?q=ZZ1",
            "/status/VX101/",
            "/status/VX101/badge.svg",
            "/status/statuses.csv",
            "/api/v1/statuses",
            "/api/v1/statuses?q=meadowbrook",
            "/api/v1/statuses/VX101",
            "/api/v1/openapi.json",
        )
    }
    for path, response in responses.items():
        assert response.status_code == 200, path
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode()
        assert "Fictional Meadowbrook House" in text or "openapi" in path, path
        for secret in PRIVATE:
            assert secret not in text, f"{secret!r} leaked on {path}"
            assert json.dumps(secret)[1:-1] not in text, f"{secret!r} leaked on {path}"


def test_a_status_published_after_its_deadline_shows_as_late_everywhere(client, org):
    import datetime

    import time_machine

    from dspt.status_search.tests.conftest import directory, framework, publish_rows

    directory("VX101", org.name, postcode="ZZ1 1AB")
    framework("2025-26")
    publish_rows(org, "met", "2025-26", datetime.date(2026, 8, 3))  # the deadline was 30 June 2026
    with time_machine.travel(datetime.datetime(2026, 12, 1, 12, 0, tzinfo=datetime.UTC), tick=False):
        page = client.get("/status/VX101/").content.decode()
        assert "3 August 2026, after the 2025-26 deadline (late)" in page
        assert "3 August 2026 (late)" in client.get("/status/", {"q": "VX101"}).content.decode()  # search results
        assert "3 August 2026 (late)" in page  # the public history
        assert client.get("/api/v1/statuses/VX101").json()["published_late"] is True
        assert "published late" in client.get("/status/VX101/badge.svg").content.decode()
