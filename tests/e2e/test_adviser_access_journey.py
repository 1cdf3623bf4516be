"""Hands-on help without a shared password. VX101's administrator lets Ada Adviser (of a support organisation it
consented to) change the assessment only, for 3 days: forgets to tick a section first and is told, then ticks it.
Ada finds the provider on her support organisation's page, answers a question (kept under her own name), is turned
away from the organisation profile (404), and after the administrator ends her access her next page is 404.
axe-core checks each kind of page."""

from pathlib import Path

import pytest
from django.conf import settings as django_settings

from dspt.adviser_access.models import Grant
from dspt.adviser_access.tests.factories import consenting_support, make_adviser
from tests.e2e.answering import fill_answer, question_url, save_and_continue
from tests.e2e.helpers import expect_error
from tests.e2e.steps import Story, heading, press, sign_in_with_session_cookie, stay_on_this_machine

LAYOUT = Path(django_settings.BASE_DIR) / "dspt/ui/jinja2/layouts/base.jinja"


@pytest.fixture(autouse=True)
def _offline(page):
    stay_on_this_machine(page, timeout_ms=20_000)


def test_an_administrator_lets_an_adviser_change_the_assessment_for_three_days_then_ends_it(
    page, browser, live_server, settings, transactional_db, org, owner, assessment
):
    settings.SITE_URL = live_server.url
    association = consenting_support(org, owner)
    ada = make_adviser(association)
    make_adviser(association, "bo@fcca.example", full_name="Bo Colleague")  # a second adviser to choose between
    story = Story(page)
    sign_in_with_session_cookie(page, live_server, owner)

    page.goto(f"{live_server.url}/o/VX101/adviser-access/")
    assert heading(page) == "Adviser access"
    story.check_accessible()
    page.get_by_role("button", name="Let an adviser in").click()
    page.wait_for_load_state()
    assert heading(page) == "Let an adviser into your workspace"
    story.check_accessible()

    # A mistake first: only chosen sections, but none ticked
    page.get_by_label("Ada Adviser of Fictional County Care Association").check()
    page.get_by_label("See and change").check()
    page.get_by_label("Only the sections I choose").check()
    page.get_by_label("For how many days?").fill("3")
    press(page, "Let them in")
    expect_error(page, "Select at least one section, or choose every section")
    story.check_accessible()
    story.expect(page.get_by_label("For how many days?").input_value() == "3", "the days typed were lost")
    story.expect(page.get_by_label("Ada Adviser of Fictional County Care Association").is_checked(), "adviser lost")
    page.get_by_label("The assessment").check()
    press(page, "Let them in")
    assert heading(page) == "Adviser access"
    main = page.locator("main").inner_text()
    story.expect("See and change the assessment" in main, f"the live grant is not listed: {main}")
    story.check_accessible()
    if "organisation_notices" in LAYOUT.read_text():
        story.expect("Ada Adviser of Fictional County Care Association can see" in main, "no banner for the provider")
    grant = Grant.objects.get()
    assert (grant.adviser, grant.role, grant.sections) == (ada, "member", ["assessment"])
    assert (grant.expires_at - grant.granted_at).days == 3

    # Ada, in her own browser
    ada_context = browser.new_context()
    ada_page = ada_context.new_page()
    stay_on_this_machine(ada_page, timeout_ms=20_000)
    sign_in_with_session_cookie(ada_page, live_server, ada)
    ada_story = Story(ada_page)
    ada_page.goto(f"{live_server.url}/s/fcca/access/")
    assert heading(ada_page) == "Providers who let you in"
    ada_story.check_accessible()
    ada_page.get_by_role("link", name="Fictional Meadowbrook House").click()
    ada_page.wait_for_load_state()
    assert ada_page.url.endswith("/o/VX101/")
    ada_story.check_accessible()
    if "organisation_notices" in LAYOUT.read_text():  # once the layout shows page notices
        ada_story.expect("You can see and change the assessment" in ada_page.inner_text("body"), "no banner")

    question = assessment.framework.questions.get(ref="1.1.1")
    ada_page.goto(question_url(live_server, "2025-26", "1.1.1"))
    assert heading(ada_page) == question.text
    ada_story.check_accessible()
    fill_answer(ada_page, question)
    save_and_continue(ada_page, question)
    version = assessment.answers.get(question__ref="1.1.1").versions.get()
    assert version.saved_by == ada

    response = ada_page.goto(f"{live_server.url}/o/VX101/profile/")
    assert response.status == 404

    # The administrator ends it; Ada's next page is 404
    page.goto(f"{live_server.url}/o/VX101/adviser-access/")
    page.get_by_role("button", name="End Ada Adviser of Fictional County Care Association's access now").click()
    page.wait_for_load_state()
    story.expect("No adviser can get into your workspace" in page.locator("main").inner_text(), "still listed")
    story.check_accessible()
    response = ada_page.goto(question_url(live_server, "2025-26", "1.1.2"))
    assert response.status == 404
    ada_context.close()
    story.problems += ada_story.problems
    story.assert_no_problems()
