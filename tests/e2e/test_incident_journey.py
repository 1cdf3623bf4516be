"""A member records an incident: with a mistake first (found tomorrow), corrected; sees the ICO's 72-hour clock on
the incident's page and the home page; decides it must be reported; opens the summary laid out for the national
incident reporting tool and copies an answer.

Each kind of page is checked with axe-core; problems that do not stop the journey are collected by `Story`.
"""

import datetime

import pytest
from django.utils import timezone

from dspt.incidents.spec import INCIDENTS
from tests.e2e.helpers import expect_error
from tests.e2e.steps import Story, heading, press, sign_in_with_session_cookie, stay_on_this_machine


@pytest.fixture(autouse=True)
def _offline(page):
    stay_on_this_machine(page)


@pytest.fixture
def keeper(transactional_db, org, member):
    return member


def main_text(page) -> str:
    return page.locator("main").inner_text()


def fill_date(page, group: str, day: datetime.date) -> None:
    fields = page.get_by_role("group", name=group)
    fields.get_by_label("Day").fill(str(day.day))
    fields.get_by_label("Month").fill(str(day.month))
    fields.get_by_label("Year").fill(str(day.year))


def test_a_member_records_an_incident_and_gets_it_ready_for_the_national_tool(page, live_server, keeper, org):
    story = Story(page)
    today = timezone.localdate()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    sign_in_with_session_cookie(page, live_server, keeper)
    page.goto(f"{live_server.url}/o/VX101/")

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Registers").click()
    page.wait_for_url("**/registers/")
    page.get_by_role("link", name="Incident and breach log").click()
    page.wait_for_load_state()
    assert heading(page) == "Incident and breach log"
    story.check_accessible()  # the empty list

    # With a mistake first: found tomorrow. Nothing typed is lost.
    page.get_by_role("button", name="Add an incident").click()
    page.wait_for_load_state()
    assert heading(page) == "Add an incident"
    story.check_accessible()
    page.get_by_label("Incident title").fill("Letter to the wrong house")
    page.get_by_label("Sent or given to the wrong person").check()
    page.get_by_label("What happened").fill("A care review letter went to number 12, not number 21")
    fill_date(page, "Date it was found", today + datetime.timedelta(days=1))
    page.get_by_label("Time it was found").fill("9:15am")
    page.get_by_label("How many people's information is involved?").fill("1")
    page.get_by_role("group", name="How likely is it that someone will be harmed?").get_by_label("Possible").check()
    page.get_by_role("group", name="How bad would that harm be?").get_by_label("Minor").check()
    press(page, "Save")
    expect_error(page, "Date it was found must be today or in the past")
    assert page.get_by_label("Incident title").input_value() == "Letter to the wrong house"
    assert page.get_by_label("Sent or given to the wrong person").is_checked()
    assert page.get_by_label("Time it was found").input_value() == "9:15am"
    story.check_accessible()  # the form with its error

    fill_date(page, "Date it was found", today - datetime.timedelta(days=1))
    press(page, "Save")
    assert heading(page) == "Letter to the wrong house"
    incident = INCIDENTS.entries(org).get()
    assert incident.found_time == "09:15" and incident.ico_decision == "undecided"
    text = main_text(page)
    story.expect("ICO clock:" in text and "hours left" in text, "the ICO clock is not shown on the incident's page")
    story.expect("The 72 hours run while you decide" in text, "no word that the clock runs while deciding")
    story.check_accessible()  # an incident's page, with its clock

    page.goto(f"{live_server.url}/o/VX101/")
    story.expect(
        "An incident may need reporting to the ICO" in main_text(page), "the home page does not show the clock"
    )
    page.get_by_role("link", name="Go to 'Letter to the wrong house'").click()
    page.wait_for_load_state()

    # The ICO decision: yes, with the reason
    page.get_by_role("button", name="Change").click()
    page.wait_for_load_state()
    page.get_by_role("group", name="Must it be reported to the ICO?").get_by_label("Yes").check()
    page.get_by_label("Why?").fill("Health information about a named person")
    press(page, "Save changes")
    assert heading(page) == "Letter to the wrong house"
    text = main_text(page)
    story.expect("Report it in the national toolkit's incident reporting tool" in text, "no next step once decided")

    # The summary for the national tool, each answer ready to copy
    page.get_by_role("link", name="Get it ready for the national incident reporting tool").click()
    page.wait_for_load_state()
    assert heading(page) == "'Letter to the wrong house' for the national incident reporting tool"
    story.expect("ICO clock:" in main_text(page), "the summary does not show the clock")
    story.check_accessible()  # the summary
    button = page.get_by_role("button", name="Copy what happened", exact=True)
    assert button.count() == 1
    button.click()
    assert page.evaluate("navigator.clipboard.readText()") == "A care review letter went to number 12, not number 21"
    story.expect(page.locator("button[data-copy=answer-2]").text_content().strip().startswith("Copied"), "no Copied")

    story.assert_no_problems()
