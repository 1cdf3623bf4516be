"""With registration review on, a new organisation's status is not public until an operator approves it; a refused
registration's administrators get the reason by email; a branch ends a head office's cover. In a browser.

A care home manager registers (the emails travel over real SMTP, the `smtp_inbox` fixture) and sees that the
registration waits for a check. The home publishes Standards Met; a visitor who is not signed in finds it
"Not verified" in the search, on its public page and on its badge. An operator, made with `manage.py add_operator`,
signs in, finds the registration in the queue beside what the ODS directory says, and approves it: the visitor now
sees Standards Met. A second registration is refused: the operator first forgets the reason, then gives it, and the
registrant's administrators get it by email. A third story: a head office published for a branch that then
registers on its own; the branch's administrator sees the cover and ends it, and the public page follows.

The operator pages and the pages on the way are checked with axe-core (`Story`, tests/e2e/steps.py).
"""

import datetime
import re

import pytest
from django.core.management import call_command

from conftest import text_of
from dspt.accounts.models import User
from dspt.assessments import carry_over
from dspt.publication import publish
from dspt.status_search.tests.conftest import directory, publish_rows
from dspt.verification import review
from tests.e2e.helpers import expect_error
from tests.e2e.steps import (
    Story,
    heading,
    link_in,
    press,
    sign_in_with_form,
    sign_in_with_session_cookie,
    stay_on_this_machine,
)
from tests.factories import PASSWORD, answer_all, complete_profile, make_directory_entry, make_organisation, make_user

MANAGER = "manager@lakeside-lodge.example"
MANAGER_PASSWORD = "lakeside heron lantern seven"
DIRECTORY_NAME = "Fictional Lakeside Lodge"
OPERATOR = "operator@care-association.example"
WAITING = "Your registration is waiting for a check by whoever runs this service"
REFUSED_SUBJECT = "Your registration on Open DSPT could not be confirmed"
REASON = (
    "We could not match lakeside-lodge.example to Fictional Lakeside Lodge. Email help@care-association.example "
    "from the home's usual address and we will check again."
)


@pytest.fixture(autouse=True)
def _fail_fast(page):
    stay_on_this_machine(page)


@pytest.fixture
def site(settings, transactional_db, frameworks, live_server, smtp_inbox):
    """Review on (as in production), emails sent at once over SMTP, an operator with a password."""
    settings.REGISTRATION_REVIEW = True
    settings.SITE_URL = live_server.url
    settings.EMAIL_SENDING = "immediately"
    make_directory_entry("AX5Z", "Fictional Lakeside Group")
    make_directory_entry("VX501", DIRECTORY_NAME, parent="AX5Z", postcode="ZZ7 7AA", kind="Care home")
    make_user(OPERATOR, full_name="Opal Operator")
    call_command("add_operator", OPERATOR)
    return live_server


@pytest.fixture
def visitor(browser):
    """A second browser with nobody signed in: the public's view."""
    context = browser.new_context()
    public_page = context.new_page()
    stay_on_this_machine(public_page)
    yield public_page
    context.close()


@pytest.fixture
def operator_page(browser):
    context = browser.new_context()
    own_page = context.new_page()
    stay_on_this_machine(own_page)
    yield own_page
    context.close()


# ---- steps ------------------------------------------------------------------------------------------------


def main_text(page) -> str:
    return page.locator("main").inner_text()


def banner(page) -> str:
    return page.locator(".nhsuk-notification-banner").inner_text()


def register(story, site, inbox) -> None:
    """Register VX501 as a person does: the form, the emailed link, a name and password."""
    page = story.page
    page.goto(f"{site.url}/register/")
    page.get_by_label("Email address").fill(MANAGER)
    page.get_by_label("ODS code").fill("VX501")
    press(page, "Continue")
    assert heading(page) == "Check your email"
    page.goto(link_in(inbox.wait_for(1), site))
    press(page, "Continue")
    assert heading(page) == "Set up your account"
    page.get_by_label("Your full name").fill("Lee Manager")
    page.get_by_label("Create a password").fill(MANAGER_PASSWORD)
    page.get_by_label("Type the password again").fill(MANAGER_PASSWORD)
    press(page, "Create account")


def publish_standards_met(organisation, framework, user) -> None:
    """Behind the scenes: answer every question and publish (the publishing journey has its own browser test)."""
    complete_profile(organisation)
    assessment = carry_over.start(organisation, framework, user)
    answer_all(assessment, user)
    publish.mark_profile_checked(assessment, user)
    publish.publish(assessment, user, "Lee Manager", "Registered manager")


def public_status(visitor, site, code: str) -> str:
    """The status on the organisation's public page, as a visitor reads it."""
    visitor.goto(f"{site.url}/status/{code}/")
    row = visitor.locator(".nhsuk-summary-list__row").filter(has=visitor.get_by_text("Status", exact=True))
    return row.locator(".nhsuk-summary-list__value").inner_text().strip()


def badge_text(visitor, site, code: str) -> str:
    response = visitor.request.get(f"{site.url}/status/{code}/badge.svg")
    assert response.ok
    return " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", response.text()))


def open_the_queue(story, site) -> None:
    """An operator signs in, and goes from their account page to the registrations to check."""
    page = story.page
    sign_in_with_form(page, site, OPERATOR, PASSWORD)
    page.goto(f"{site.url}/account/")
    page.get_by_role("link", name="Registrations to check").click()
    page.wait_for_load_state()
    assert heading(page) == "Registrations to check"


# ---- the stories ------------------------------------------------------------------------------------------


def test_a_new_registration_is_not_public_until_an_operator_approves_it(
    page, visitor, operator_page, site, smtp_inbox, frameworks
):
    from dspt.organisations.models import Organisation

    story = Story(page)

    # Given I register my care home, my home page says the registration waits for a check
    register(story, site, smtp_inbox)
    page.goto(f"{site.url}/o/VX501/")
    assert WAITING in main_text(page)
    assert "Until then, your status is not shown in public" in main_text(page)
    story.check_accessible()

    # And when we publish Standards Met, the publish page says the public does not see it yet
    manager = User.objects.get(email=MANAGER)
    publish_standards_met(Organisation.objects.get(ods_code="VX501"), frameworks["2025-26"], manager)
    page.goto(f"{site.url}/o/VX501/publish/")
    assert WAITING in main_text(page)

    # Then a visitor finds it "Not verified": in the search, on its page and on its badge
    visitor.goto(f"{site.url}/status/")
    visitor.get_by_label("Organisation name, ODS code or postcode").fill("Lakeside")
    press(visitor, "Search")
    row = visitor.locator("main table tbody tr").filter(has_text="VX501").inner_text()
    assert "Not verified" in row and "Standards Met" not in row
    assert public_status(visitor, site, "VX501") == "Not verified"
    assert "has not confirmed the registration yet" in main_text(visitor)
    visitor_story = Story(visitor)
    visitor_story.check_accessible()
    assert "Not verified" in badge_text(visitor, site, "VX501")
    assert "Standards Met" not in badge_text(visitor, site, "VX501")

    # When an operator opens the queue, the registration is there beside what the ODS directory says
    operator_story = Story(operator_page)
    open_the_queue(operator_story, site)
    operator_story.check_accessible()
    queue = main_text(operator_page)
    assert "1 registration waiting, oldest first" in queue
    for shown in (
        DIRECTORY_NAME,
        "ZZ7 7AA",
        "AX5Z (Fictional Lakeside Group)",
        "Open",
        MANAGER,
        "lakeside-lodge.example",
    ):
        assert shown in queue, shown
    operator_page.get_by_role("link", name=f"Approve or refuse {DIRECTORY_NAME}").click()
    operator_page.wait_for_load_state()
    assert heading(operator_page) == f"Check {DIRECTORY_NAME} (VX501)"
    operator_story.check_accessible()

    # And approves it
    press(operator_page, "Approve registration")
    assert heading(operator_page) == "Registrations to check"
    assert f"You approved {DIRECTORY_NAME}" in banner(operator_page)
    assert "There are no registrations waiting for a check" in main_text(operator_page)
    operator_story.check_accessible()

    # Then the visitor sees Standards Met, on the page and the badge, and my home page no longer warns me
    assert public_status(visitor, site, "VX501").startswith("Standards Met")  # perhaps "(published late)"
    assert "Not verified" not in badge_text(visitor, site, "VX501")
    assert "Standards Met" in badge_text(visitor, site, "VX501")
    page.goto(f"{site.url}/o/VX501/")
    assert WAITING not in main_text(page)

    story.assert_no_problems()
    visitor_story.assert_no_problems()
    operator_story.assert_no_problems()


def test_a_refused_registration_gets_the_reason_by_email(page, operator_page, visitor, site, smtp_inbox):
    # Given VX501 registered (review on) and published, and its administrator is signed in
    manager = make_user(MANAGER, MANAGER_PASSWORD, full_name="Lee Manager")
    lodge = make_organisation("VX501", manager)
    publish_rows(lodge, "met", "2025-26", datetime.date(2025, 7, 1), user=manager)

    # When the operator refuses it, forgetting the reason at first
    story = Story(operator_page)
    open_the_queue(story, site)
    operator_page.get_by_role("link", name=f"Approve or refuse {DIRECTORY_NAME}").click()
    operator_page.wait_for_load_state()
    press(operator_page, "Refuse registration")
    expect_error(operator_page, "Enter the reason: it is emailed to the organisation's administrators")
    story.check_accessible()
    assert not smtp_inbox.messages
    operator_page.get_by_label("Why can you not confirm this registration?").fill(REASON)
    press(operator_page, "Refuse registration")
    assert f"You refused {DIRECTORY_NAME}: its administrators have been emailed your reason" in banner(operator_page)

    # Then the administrator gets the reason by email (nothing typed in the subject)
    email = smtp_inbox.wait_for(1)
    assert email["To"] == MANAGER
    assert email["Subject"] == REFUSED_SUBJECT
    assert " ".join(REASON.split()) in " ".join(text_of(email).split())

    # And the refused registrations list shows it, with the reason
    operator_page.get_by_role("link", name="Refused registrations").click()
    operator_page.wait_for_load_state()
    assert heading(operator_page) == "Refused registrations"
    assert "(VX501)" in main_text(operator_page) and "We could not match" in main_text(operator_page)
    story.check_accessible()

    # And the home page tells the administrator why the status is not public; the public sees "Not verified"
    sign_in_with_session_cookie(page, site, manager)
    page.goto(f"{site.url}/o/VX501/")
    assert "could not confirm your registration" in main_text(page)
    assert "We could not match lakeside-lodge.example" in main_text(page)
    assert public_status(visitor, site, "VX501") == "Not verified"
    story.assert_no_problems()


def test_a_branch_ends_its_head_offices_cover(page, visitor, site):
    # Given a head office (approved) published Standards Met for itself and its branch VX611
    directory("AX6Z", "Fictional Hillside Group")
    directory("VX611", "Fictional Hillside House", parent="AX6Z")
    director = make_user("director@hillside-group.example")
    group = make_organisation("AX6Z", director, name="Fictional Hillside Group")
    review.approve(review.find("AX6Z"), User.objects.get(email=OPERATOR))
    publish_rows(group, "met", "2025-26", datetime.date(2025, 7, 1), site_codes=["AX6Z", "VX611"], user=director)
    assert public_status(visitor, site, "VX611").startswith("Standards Met")
    visitor.goto(f"{site.url}/status/AX6Z/")
    assert "This publication also covers:" in main_text(visitor)
    assert "Fictional Hillside House" in main_text(visitor)

    # When the branch registers on its own, its administrator sees the cover on the home page
    manager = make_user("manager@hillside-house.example")
    make_organisation("VX611", manager)
    story = Story(page)
    sign_in_with_session_cookie(page, site, manager)
    page.goto(f"{site.url}/o/VX611/")
    assert "Fictional Hillside Group (AX6Z) covers you in its 2025-26 publication" in main_text(page)
    story.check_accessible()

    # And ends it
    page.get_by_role("link", name="End this cover").click()
    page.wait_for_load_state()
    assert heading(page) == "End a head office's cover"
    story.check_accessible()
    press(page, "End this cover")
    assert "Fictional Hillside Group (AX6Z) no longer covers you" in banner(page)

    # Then the public no longer sees the head office's status as the branch's, nor the branch under the head office
    assert public_status(visitor, site, "VX611") == "Not published"
    visitor.goto(f"{site.url}/status/AX6Z/")
    assert "Fictional Hillside House" not in main_text(visitor)
    page.goto(f"{site.url}/o/VX611/")
    assert "covers you" not in main_text(page)
    story.assert_no_problems()
