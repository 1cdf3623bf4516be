"""A programme lead builds the cohort: searches the ODS directory and ticks four providers, then adds one by its code
(mistyped first, a clear message, then right). VX101's administrator gives consent on its Support page. The cohort
dashboard's funnel then matches the providers' real statuses. axe-core checks each kind of page."""

import pytest

from dspt.support import dashboard
from dspt.support.models import CohortEntry, SupportMembership
from dspt.support.tests.factories import add_staff, make_support_organisation
from tests.e2e.helpers import expect_error
from tests.e2e.steps import Story, heading, press, sign_in_with_session_cookie, stay_on_this_machine
from tests.factories import answer_all, make_directory_entry


@pytest.fixture(autouse=True)
def _offline(page):
    stay_on_this_machine(page, timeout_ms=20_000)


def test_a_lead_builds_a_cohort_and_a_provider_consents(
    page, browser, live_server, settings, transactional_db, org, owner, outsider, assessment
):
    settings.SITE_URL = live_server.url
    answer_all(assessment, owner, levels=["approaching"])  # VX101 is well on its way, which only consent shows
    for code, name, postcode in [
        ("VX101", "Fictional Meadowbrook House", "SG1 1AB"),
        ("VX201", "Fictional Harbourside Homecare", "AL2 2AB"),
        ("VX601", "Fictional Rose House", "SG6 1AA"),
        ("VX602", "Fictional Rose Court", "SG6 2BB"),
        ("VX603", "Fictional Ivy Lodge", "LU3 1CC"),
    ]:
        make_directory_entry(code, name, postcode=postcode)
    association = make_support_organisation()
    lead = add_staff(association, "lead@fcca.example", SupportMembership.LEAD, full_name="Lee Lead")
    story = Story(page)
    sign_in_with_session_cookie(page, live_server, lead)

    page.goto(f"{live_server.url}/s/fcca/")
    assert heading(page) == "Your cohort"
    story.check_accessible()
    page.get_by_role("button", name="Add providers").click()
    page.wait_for_load_state()
    assert heading(page) == "Add providers to the cohort"
    story.check_accessible()

    # Search, then tick four of the results
    page.get_by_label("Search the ODS directory").fill("fictional")
    press(page, "Search")
    for name in ["Meadowbrook House", "Rose House", "Rose Court", "Ivy Lodge"]:
        page.get_by_label(f"Fictional {name}", exact=False).check()
    story.check_accessible()
    press(page, "Add the providers ticked")
    assert "4 providers added to the cohort" in page.locator("main").inner_text()

    # One by its code, mistyped first
    page.get_by_label("ODS code").fill("VX2O1")
    press(page, "Add this provider")
    expect_error(
        page,
        "We cannot find VX2O1 in the ODS directory or among registered providers. "
        "Check the code, or search by name above",
    )
    assert page.get_by_label("ODS code").input_value() == "VX2O1"
    story.check_accessible()
    page.get_by_label("ODS code").fill("vx201")
    press(page, "Add this provider")
    assert "1 provider added to the cohort: Fictional Harbourside Homecare" in page.locator("main").inner_text()
    assert CohortEntry.objects.filter(support_organisation=association).count() == 5

    # Before consent, VX101's progress is not shown
    page.goto(f"{live_server.url}/s/fcca/")
    assert "questions answered" not in page.locator("#cohort").inner_text()

    # VX101's administrator consents
    page.context.clear_cookies()
    sign_in_with_session_cookie(page, live_server, owner)
    page.goto(f"{live_server.url}/o/VX101/support/")
    assert heading(page) == "Support programmes"
    story.check_accessible()
    page.get_by_role("button", name="Give consent").click()
    page.wait_for_load_state()
    assert heading(page) == "Let Fictional County Care Association see your progress?"
    story.check_accessible()
    press(page, "Give consent")
    assert "can now see your progress" in page.locator("main").inner_text()
    page.goto(f"{live_server.url}/o/VX101/")
    story.expect("01632 960000" in page.locator("main").inner_text(), "the home page does not show the phone line")

    # The dashboard's funnel matches the providers' real statuses
    page.context.clear_cookies()
    sign_in_with_session_cookie(page, live_server, lead)
    page.goto(f"{live_server.url}/s/fcca/")
    shown = {
        row.get_attribute("data-stage"): int(row.locator("[data-count]").inner_text())
        for row in page.locator("#funnel tbody tr").all()
    }
    expected = {"not_registered": 3, "registered": 1, "in_progress": 1, "approaching": 0, "met": 0}
    assert shown == expected
    assert shown == {step.key: step.count for step in dashboard.funnel(dashboard.rows(association))}
    vx101 = page.locator('#cohort tr[data-code="VX101"]').inner_text()
    assert "questions answered" in vx101
    assert "questions answered" not in page.locator('#cohort tr[data-code="VX201"]').inner_text()
    story.check_accessible()
    story.assert_no_problems()
