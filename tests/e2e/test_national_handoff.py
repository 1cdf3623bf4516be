"""After publishing here, an administrator hands over to the national toolkit and records when they published there.

The organisation (VX101, in the ODS directory) has every question needed for Standards Met answered. In a browser,
the administrator checks the profile, confirms and publishes. A visitor who is not signed in sees the status on the
public page and the badge as self-assessed on this service, with a link to the national toolkit's organisation
search. The administrator follows "Now publish in the national toolkit" from the Published page: the steps, with the
answer sheet one click away. Recording the date, they first give tomorrow's date and are told it cannot be in the
future (nothing typed is lost), then correct it to today. The public page then shows the date as the provider's own
statement. Every new page is checked with axe-core, the help page too.
"""

import datetime

import pytest
from django.utils import timezone

from dspt.history.models import ChangeRecord
from dspt.lib.national_toolkit import SEARCH_URL
from dspt.publication.models import NationalPublication
from dspt.ui.presenters import long_date
from tests.e2e.answering import banner_text
from tests.e2e.helpers import expect_error
from tests.e2e.steps import Story, heading, press, sign_in_with_session_cookie, stay_on_this_machine
from tests.e2e.test_publication_journey import (
    ORG_NAME,
    confirm_and_publish,
    main_text,
    open_publish_tab,
    status_on_overview,
)
from tests.factories import answer_all, complete_profile, make_directory_entry

HANDOFF_HEADING = "Now publish in the national toolkit"


@pytest.fixture(autouse=True)
def _fail_fast(page):
    stay_on_this_machine(page)


@pytest.fixture
def visitor(browser):
    """A second browser with nobody signed in: the public's view."""
    context = browser.new_context()
    public_page = context.new_page()
    stay_on_this_machine(public_page)
    yield public_page
    context.close()


@pytest.fixture
def at_standards_met(transactional_db, frameworks, org, owner, assessment):
    make_directory_entry("VX101", name=ORG_NAME, postcode="ZZ9 1VX")
    complete_profile(org)
    answer_all(assessment, owner)
    return assessment


def fill_date(page, day) -> None:
    page.get_by_label("Day", exact=True).fill(str(day.day))
    page.get_by_label("Month", exact=True).fill(str(day.month))
    page.get_by_label("Year", exact=True).fill(str(day.year))


def task_titles(page) -> list[str]:
    items = page.locator("ul.nhsuk-task-list > li")
    return [
        items.nth(n).locator(".nhsuk-task-list__link, .nhsuk-task-list__name-and-hint > div").first.inner_text().strip()
        for n in range(items.count())
    ]


def test_an_administrator_publishes_then_hands_over_to_the_national_toolkit_and_records_the_date(
    page, visitor, live_server, settings, at_standards_met, owner
):
    settings.SITE_URL = live_server.url
    story, public_story = Story(page), Story(visitor)
    today = timezone.localdate()
    tomorrow = today + datetime.timedelta(days=1)

    # The header names the service, with no NHS logo, and a Beta banner with a feedback link; help is in the footer
    visitor.goto(f"{live_server.url}/status/")
    header = visitor.get_by_role("banner")
    assert header.get_by_role("link", name="Open DSPT").count() == 1
    assert header.locator("svg[aria-label='NHS'], .nhsuk-header__logo").count() == 0
    assert "Beta" in header.inner_text() and header.get_by_role("link", name="Tell us what you think").count() == 1
    visitor.get_by_role("contentinfo").get_by_role("link", name="Get help").first.click()
    visitor.wait_for_url("**/help/")
    assert heading(visitor) == "Get help"
    assert "Whoever runs this service has not given contact details yet" in main_text(visitor)
    public_story.check_accessible()  # help page

    # I publish at Standards Met
    sign_in_with_session_cookie(page, live_server, owner)
    open_publish_tab(page, live_server)
    assert status_on_overview(page) == "Standards Met"
    page.get_by_role("link", name="Check your organisation profile").click()
    page.wait_for_url("**/publish/profile/")
    press(page, "Yes, it is right")
    publication_id = confirm_and_publish(page, story, "Standards Met", "Sam Patel", "Registered manager", False)
    assert "as self-assessed on this service" in main_text(page)
    story.check_accessible()  # the Published page, with the hand-off

    # The public page and the badge call the status self-assessed, and point to the national toolkit's search
    visitor.goto(f"{live_server.url}/status/VX101/")
    assert heading(visitor) == ORG_NAME
    summary = visitor.locator("main .nhsuk-summary-list").first.inner_text()
    assert "Standards Met" in summary and "Self-assessed on this service" in summary, summary
    assert "This status is self-assessed on this service" in main_text(visitor)
    official = visitor.get_by_role("link", name=f"Search the national toolkit for {ORG_NAME}'s official status")
    assert official.get_attribute("href") == SEARCH_URL
    assert "The provider says" not in main_text(visitor)
    public_story.check_accessible()  # public page
    badge = visitor.request.get(f"{live_server.url}/status/VX101/badge.svg").text()
    assert "Standards Met" in badge and "Self-assessed on Open DSPT, not the national toolkit" in badge

    # I follow the hand-off: the steps, with the answer sheet one click away
    page.get_by_role("button", name=HANDOFF_HEADING).click()  # a link drawn as a button
    page.wait_for_url(f"**/o/VX101/publications/{publication_id}/national-toolkit/")
    assert heading(page) == HANDOFF_HEADING
    assert task_titles(page) == [
        "Sign in to the national toolkit",
        "Answer each question there from your answer sheet",
        "Publish there at Standards Met",
        "Come back and record the date you published there",
    ]
    story.check_accessible()  # hand-off, nothing recorded yet
    page.get_by_role("link", name="Answer each question there from your answer sheet").click()
    page.wait_for_url("**/o/VX101/assessment/2025-26/answers/")
    page.go_back()
    assert heading(page) == HANDOFF_HEADING

    # I record the date, but give tomorrow's by mistake
    page.get_by_role("link", name="Come back and record the date you published there").click()
    page.wait_for_url("**/national-toolkit/date/")
    assert heading(page) == "When did you publish in the national toolkit?"
    story.check_accessible()  # the date form
    fill_date(page, tomorrow)
    press(page, "Save the date")
    expect_error(page, "The date you published in the national toolkit must be today or in the past")
    assert page.get_by_label("Day", exact=True).input_value() == str(tomorrow.day)  # nothing typed is lost
    assert page.get_by_label("Year", exact=True).input_value() == str(tomorrow.year)
    assert not NationalPublication.objects.exists()
    story.check_accessible()  # the date form with an error

    # I correct it to today
    fill_date(page, today)
    press(page, "Save the date")
    assert heading(page) == HANDOFF_HEADING
    assert f"Recorded: you published in the national toolkit on {long_date(today)}" in banner_text(page)
    assert f"You recorded that you published in the national toolkit on {long_date(today)}" in main_text(page)
    story.check_accessible()  # hand-off, recorded
    record = NationalPublication.objects.get()
    assert (record.publication_id, record.published_on, record.recorded_by) == (publication_id, today, owner)
    change = ChangeRecord.objects.get(object_label__endswith="national toolkit")
    assert change.actor == owner and change.changes == {
        "Published in the national toolkit on": [None, long_date(today)]
    }

    # The public page shows it as the provider's own statement, never as checked
    visitor.reload()
    summary = visitor.locator("main .nhsuk-summary-list").first.inner_text()
    statement = f"The provider says it published in the national toolkit on {long_date(today)}"
    assert statement in summary and "This is its own statement: we have not checked it." in summary, summary
    public_story.check_accessible()  # public page with the statement

    story.problems += public_story.problems
    story.assert_no_problems()
