"""The one rule of what the public may see: a status is shown only when its publisher's registration allows it.

Table-driven over REGISTRATION_REVIEW (on/off) × the publisher's registration (approved/refused/waiting) × whose
status it is (the head office's own, or a branch it covers); every public reader follows it: the view of a code,
the CSV and the API's list, the public history, the head office's list of services it covers, the page, the badge.
"""

import datetime

import pytest

from dspt.publication import public
from dspt.status_search.tests.conftest import publish_rows
from dspt.verification import review
from dspt.verification.models import RegistrationReview
from dspt.verification.tests.conftest import set_review
from tests.factories import make_organisation, make_user

APPROVED, REFUSED, WAITING = review.APPROVED, review.REFUSED, review.WAITING

# (review on, publisher's state): shown in public?
RULE = {
    (True, APPROVED): True,
    (True, REFUSED): False,
    (True, WAITING): False,
    (False, APPROVED): True,
    (False, REFUSED): False,
    (False, WAITING): True,
}


@pytest.mark.parametrize(
    ("review_on", "state"), list(RULE), ids=[f"review {'on' if on else 'off'}-{s}" for on, s in RULE]
)
def test_the_rule(review_on, state):
    assert review.shown_in_public(state, review_on) is RULE[review_on, state]
    assert (state in review.public_states(review_on)) is RULE[review_on, state]


@pytest.mark.parametrize("code", ["AX1Y", "VX111"], ids=["own status", "branch covered by the head office"])
@pytest.mark.parametrize(
    ("review_on", "state"), list(RULE), ids=[f"review {'on' if on else 'off'}-{s}" for on, s in RULE]
)
def test_every_public_reader_follows_the_rule(settings, group, review_on, state, code):
    settings.REGISTRATION_REVIEW = review_on
    set_review(group, state)
    shown = RULE[review_on, state]

    view = public.status_of(code)
    assert view.status == ("met" if shown else "")
    assert view.status_label == ("Standards Met" if shown else "Not verified")
    assert view.display == view.status_label
    assert view.as_dict()["status"] == view.status_label
    assert view.as_dict()["dspt_year"] == ("2025-26" if shown else None)
    assert (code in set(public.published_codes().values_list("ods_code", flat=True))) is shown
    assert [item["status_key"] for item in public.history_for(code)] == (["met"] if shown else [])
    if code == "AX1Y":
        expected = [{"ods_code": "VX111", "name": "Fictional House One"}] if shown else []
        assert public.also_covers("AX1Y") == expected


def test_without_a_review_an_organisation_counts_as_waiting(settings, group):
    RegistrationReview.objects.filter(organisation=group).delete()
    settings.REGISTRATION_REVIEW = True
    assert public.status_of("AX1Y").status_label == "Not verified"
    assert not public.published_codes().exists()
    settings.REGISTRATION_REVIEW = False
    assert public.status_of("AX1Y").status_label == "Standards Met"
    assert review.states_of(["AX1Y"]) == {"AX1Y": WAITING}


def test_a_branch_follows_its_head_office_not_its_own_registration(settings, group):
    """VX111 registers here itself and waits for its own check: the head office's approved cover still shows."""
    settings.REGISTRATION_REVIEW = True
    set_review(group, APPROVED)
    branch = make_organisation("VX111", make_user("manager@house-one.example"))
    assert review.state_of(branch) == WAITING
    assert public.status_of("VX111").status_label == "Standards Met"
    set_review(group, WAITING)
    set_review(branch, APPROVED)
    assert public.status_of("VX111").status_label == "Not verified"


def test_nothing_published_is_not_published_rather_than_not_verified(settings, group):
    settings.REGISTRATION_REVIEW = True
    set_review(group, WAITING)
    assert public.status_of("VX112").status_label == "Not published"


def test_a_new_registration_waits_with_review_on_and_is_approved_at_once_with_it_off(settings, db):
    settings.REGISTRATION_REVIEW = True
    waiting = make_organisation("VX301", make_user("first@care.example"))
    settings.REGISTRATION_REVIEW = False
    at_once = make_organisation("VX302", make_user("second@care.example"))
    first, second = waiting.registration_review, at_once.registration_review
    assert (first.state, first.registered_email, first.decided_at) == (WAITING, "first@care.example", None)
    assert (second.state, second.decided_by, second.decided_by_label) == (APPROVED, None, review.REVIEW_OFF)
    assert second.decided_at is not None
    # Turning review on later does not hide what was approved while it was off.
    settings.REGISTRATION_REVIEW = True
    assert review.shown(at_once) and not review.shown(waiting)


# ---- what the public pages, badge, CSV and API show --------------------------------------------------------------


@pytest.fixture
def waiting_group(settings, group):
    settings.REGISTRATION_REVIEW = True
    set_review(group, WAITING)
    return group


def test_the_public_page_says_not_verified_and_shows_nothing_published(client, waiting_group):
    for code in ("AX1Y", "VX111"):
        page = client.get(f"/status/{code}/").content.decode()
        assert "Not verified" in page
        assert "has not confirmed the registration yet" in page
        assert "Standards Met" not in page.split("What the statuses mean")[0]
        assert "1 July 2025" not in page
    assert "This publication also covers" not in client.get("/status/AX1Y/").content.decode()


def test_the_badge_says_not_verified(client, waiting_group):
    svg = client.get("/status/VX111/badge.svg").content.decode()
    assert "Not verified" in svg
    assert "Standards Met" not in svg


def test_the_csv_and_the_api_list_leave_it_out_and_the_api_says_not_verified(client, waiting_group, org, owner):
    set_review(org, APPROVED)
    publish_rows(org, "approaching", "2025-26", datetime.date(2025, 8, 1))
    text = b"".join(client.get("/status/statuses.csv").streaming_content).decode()
    assert "VX101" in text and "AX1Y" not in text and "VX111" not in text
    listed = client.get("/api/v1/statuses").json()
    assert [row["ods_code"] for row in listed["results"]] == ["VX101"]
    one = client.get("/api/v1/statuses/VX111").json()
    assert (one["status"], one["dspt_year"], one["date_published"], one["published_by_head_office"]) == (
        "Not verified",
        None,
        None,
        None,
    )
    found = client.get("/api/v1/statuses", {"q": "Fictional"}).json()["results"]
    assert {row["ods_code"]: row["status"] for row in found}["AX1Y"] == "Not verified"


def test_once_approved_the_head_office_page_lists_the_services_it_covers(client, settings, group):
    settings.REGISTRATION_REVIEW = True
    set_review(group, APPROVED)
    page = client.get("/status/AX1Y/").content.decode()
    assert "This publication also covers:" in page
    assert 'href="/status/VX111/">Fictional House One</a> (VX111)' in page
    assert "Not verified" not in page.split("What the statuses mean")[0]
