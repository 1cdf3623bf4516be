"""A head office chooses which of its services its publication covers, in a browser: it ticks two, changes its
mind about one, and publishes for the two it kept.

This is the test that was missing when every multiple choice rendered as radios (Django's CheckboxSelectMultiple
is a RadioSelect): only a person ticking two boxes notices that the second unticks the first.
"""

import pytest

from dspt.assessments import carry_over
from dspt.publication.models import PublicationDraft, PublicStatus
from tests.e2e.steps import Story, heading, press, sign_in_with_session_cookie, stay_on_this_machine
from tests.factories import answer_all, complete_profile, make_directory_entry, make_organisation, make_user

BRANCHES = {"VX111": "Fictional House One", "VX112": "Fictional House Two", "VX113": "Fictional House Three"}


@pytest.fixture
def director(transactional_db, frameworks):
    make_directory_entry("AX1Y", "Fictional Care Group")
    for code, name in BRANCHES.items():
        make_directory_entry(code, name, parent="AX1Y")
    director = make_user("director@group.example", full_name="Dee Director")
    group = make_organisation("AX1Y", director)
    complete_profile(group)
    answer_all(carry_over.start(group, frameworks["2025-26"], director), director)
    return director


def services_page(page, live_server):
    page.goto(f"{live_server.url}/o/AX1Y/publish/")
    page.get_by_role("link", name="Choose the services it covers").click()
    assert heading(page) == "Choose the services this assessment covers"


def box(page, code):
    return page.get_by_role("checkbox", name=f"{BRANCHES[code]} ({code})")


def test_a_head_office_covers_two_of_its_services(page, live_server, director):
    stay_on_this_machine(page)
    story = Story(page)
    sign_in_with_session_cookie(page, live_server, director)

    # When I tick two services and save
    services_page(page, live_server)
    story.check_accessible()
    box(page, "VX111").check()
    box(page, "VX112").check()
    assert box(page, "VX111").is_checked() and box(page, "VX112").is_checked()  # ticking one keeps the other
    press(page, "Save and continue")
    assert heading(page) == "Publish your 2025-26 assessment"
    assert PublicationDraft.objects.get().branch_codes == ["VX111", "VX112"]

    # Then going back shows both ticked; I change my mind about one
    services_page(page, live_server)
    assert box(page, "VX111").is_checked() and box(page, "VX112").is_checked()
    assert not box(page, "VX113").is_checked()
    box(page, "VX112").uncheck()
    box(page, "VX113").check()
    press(page, "Save and continue")
    assert PublicationDraft.objects.get().branch_codes == ["VX111", "VX113"]

    # And publishing covers the head office and the two services it kept
    page.get_by_role("link", name="Check your organisation profile").click()
    press(page, "Yes, it is right")
    press(page, "Continue to publish")
    page.get_by_label("Full name of the senior person confirming").fill("Dee Director")
    page.get_by_label("Their job title").fill("Director")
    page.get_by_role("checkbox", name="I confirm I have the authority").check()
    press(page, "Publish")
    covered = dict(PublicStatus.objects.values_list("ods_code", "published_by_code"))
    assert covered == {"AX1Y": "", "VX111": "AX1Y", "VX113": "AX1Y"}
    story.assert_no_problems()
