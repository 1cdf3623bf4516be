"""The first person registers their organisation, fills in its profile and invites a colleague, in a browser.

Emails travel over real SMTP (the `smtp_inbox` fixture) and their links point at the live server. Every page on
the way is checked with axe-core; problems that do not stop the journey are collected by `Story` and reported
together at the end (see tests/e2e/steps.py).
"""

import datetime

import pytest
from django.utils import timezone

from conftest import text_of
from dspt.accounts.models import EmailLink, User
from dspt.organisations.models import Membership, Organisation
from tests.e2e.helpers import expect_error
from tests.e2e.steps import Story, heading, link_in, press, stay_on_this_machine
from tests.factories import make_directory_entry

MANAGER = "manager@meadowbrook.example"
MANAGER_PASSWORD = "meadow brook kettle lantern"
COLLEAGUE = "deputy@meadowbrook.example"
COLLEAGUE_PASSWORD = "seven purple otters singing"
DIRECTORY_NAME = "Fictional Meadowbrook House"
NEW_NAME = "Meadowbrook House Care Home"
REGISTRATION_SUBJECT = "Finish registering your organisation on Open DSPT"


@pytest.fixture(autouse=True)
def _fail_fast(page):
    stay_on_this_machine(page)


@pytest.fixture
def directory(transactional_db):
    """A small ODS directory: our care home (open), a closed one and a head office."""
    make_directory_entry("VX101", DIRECTORY_NAME, parent="AX01")
    make_directory_entry("VX102", "Fictional Old Mill", is_open=False)
    make_directory_entry("AX01", "Fictional Meadowbrook Group")


@pytest.fixture
def site(settings, live_server, smtp_inbox):
    settings.SITE_URL = live_server.url
    settings.EMAIL_SENDING = "background"  # as in production: each email leaves after the page has answered
    return live_server


# ---- steps ------------------------------------------------------------------------------------------------


def banner(page) -> str:
    return page.locator(".nhsuk-notification-banner").inner_text()


def given_the_start_page(story, site):
    story.page.goto(site.url + "/")
    assert heading(story.page) == "Complete your Data Security and Protection Toolkit"
    story.check_accessible()


def when_i_ask_to_register(story, email, ods_code):
    page = story.page
    page.get_by_label("Email address").fill(email)
    page.get_by_label("ODS code").fill(ods_code)
    press(page, "Continue")


def when_i_open_the_link(story, url):
    response = story.page.goto(url)
    return response.status


def when_i_set_up_my_account(story, name, password):
    page = story.page
    assert heading(page) == "Set up your account"
    story.check_accessible()
    page.get_by_label("Your full name").fill(name)
    page.get_by_label("Create a password").fill(password)
    page.get_by_label("Type the password again").fill(password)
    press(page, "Create account")


def when_i_sign_out(story):
    """Sign out with the header's button, and land on the start page saying so.

    If signing out fails, the problem is kept and the session cookie dropped (as closing the browser would), so
    the rest of the journey is still tried and checked.
    """
    page = story.page
    page.locator("header").get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    story.check_accessible()
    if heading(page) != "Complete your Data Security and Protection Toolkit":
        story.expect(False, f"Sign out did not work: the page says {heading(page)!r}")
        page.context.clear_cookies()
        page.goto(page.url.split("/sign-out/")[0] + "/")
        return
    assert "You have signed out" in banner(page)
    assert "Sign out" not in page.locator("header").inner_text()


def then_an_email_arrives(inbox, count, to, subject):
    message = inbox.wait_for(count)
    assert message["To"] == to
    assert message["Subject"] == subject, message["Subject"]
    return message


def status_of_task(page, name) -> str:
    item = page.locator(".nhsuk-task-list__item").filter(has=page.get_by_text(name, exact=True))
    return item.locator(".nhsuk-task-list__status").inner_text().strip()


def go_to_people(page):
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="People").click()
    page.wait_for_load_state()


def people_table(page) -> list[list[str]]:
    rows = page.locator("table tbody tr")
    return [[cell.strip() for cell in rows.nth(i).locator("td").all_inner_texts()[:3]] for i in range(rows.count())]


def complete_the_profile_wizard(story):
    page = story.page

    # Step 1: about
    assert heading(page) == "About your organisation"
    assert "step 1 of 5" in page.locator(".nhsuk-caption-l").inner_text()
    story.check_accessible()
    name = page.get_by_label("Organisation name")
    assert name.input_value() == DIRECTORY_NAME  # filled in from the ODS directory
    name.fill(NEW_NAME)
    assert page.get_by_label("Social care provider").is_checked()
    page.get_by_label("Care in people's own homes (home care, domiciliary care, supported living)").check()
    page.get_by_label("10 to 49 staff").check()
    press(page, "Save and continue")

    # Step 2: roles (the same labels appear under each role, so find them inside the role's fieldset)
    assert heading(page) == "Who holds the data protection roles?"
    story.check_accessible()
    caldicott = page.get_by_role("group", name="Caldicott Guardian")
    caldicott.get_by_label("Name").fill("Priya Shah")
    caldicott.get_by_label("Job title").fill("Registered manager")
    page.get_by_role("group", name="Senior Information Risk Owner (SIRO)").get_by_label("Name").fill("Priya Shah")
    press(page, "Save and continue")

    # Step 3: email
    assert heading(page) == "Your email system"
    story.check_accessible()
    page.get_by_label("Yes", exact=True).check()
    press(page, "Save and continue")

    # Step 4: Cyber Essentials Plus; the certificate date is asked below, for a yes (no hidden reveal, so no
    # JavaScript is needed and no ARIA is added to the radios)
    assert heading(page) == "Cyber Essentials Plus"
    story.check_accessible()
    page.get_by_label("Yes", exact=True).check()
    day = page.get_by_label("Day")
    assert "Only if you answered yes" in page.locator("main form").inner_text()
    day.fill("15")
    page.get_by_label("Month").fill("1")
    page.get_by_label("Year").fill("2025")
    press(page, "Save and continue")

    # Step 5: ICO, typed the way people copy it
    assert heading(page) == "Your ICO registration number"
    story.check_accessible()
    ico_box = page.locator("main form").get_by_role("textbox")
    label = page.locator(f"label[for='{ico_box.get_attribute('id')}']").inner_text().strip()
    story.expect(label == "ICO registration number (optional)", f"the ICO number's label reads {label!r}")
    story.expect(
        "like ZA123456" in page.locator("main form").inner_text(), "the ICO number has no hint showing its format"
    )
    ico_box.fill("za 123456")
    press(page, "Save and continue")


def then_the_answers_are_summarised(story):
    page = story.page
    assert heading(page) == "Check your organisation profile"
    story.check_accessible()
    summary = {
        row.locator(".nhsuk-summary-list__key").inner_text().strip(): row.locator(".nhsuk-summary-list__value")
        .inner_text()
        .strip()
        for row in page.locator(".nhsuk-summary-list__row").all()
    }
    assert summary["Organisation name"] == NEW_NAME
    assert summary["ODS code"] == "VX101"
    assert summary["Type of organisation"] == "Social care provider"
    assert summary["Number of staff"] == "10 to 49 staff"
    assert summary["Caldicott Guardian"] == "Priya Shah, Registered manager"
    assert summary["Senior Information Risk Owner (SIRO)"] == "Priya Shah"
    assert summary["Information governance lead"] == "Not given"
    assert summary["NHSmail is the only email system"] == "Yes"
    assert summary["Cyber Essentials Plus"] == "Yes, certificate dated 15 January 2025"
    assert summary["ICO registration number"] == "ZA123456"


# ---- the story --------------------------------------------------------------------------------------------


def test_a_manager_registers_completes_the_profile_and_invites_a_colleague(page, site, smtp_inbox, directory):
    story = Story(page)

    # Given the start page, when I choose to register
    given_the_start_page(story, site)
    page.get_by_role("button", name="Register your organisation").click()
    assert heading(page) == "Register your organisation"
    story.check_accessible()

    # When I mistype the ODS code, the error summary says what to do and my email address is kept
    when_i_ask_to_register(story, MANAGER, "VX1")
    expect_error(page, "A site ODS code is V followed by 4 letters or numbers, like VM195")
    assert page.get_by_label("Email address").input_value() == MANAGER
    story.check_accessible()
    assert not smtp_inbox.messages

    # When I correct it (typed in lower case, with a space), I am asked to check my email
    page.get_by_label("ODS code").fill("vx 101")
    press(page, "Continue")
    assert heading(page) == "Check your email"
    assert MANAGER in page.locator("main").inner_text()
    story.check_accessible()

    # Then the email arrives, naming the organisation from the directory (in its text: subjects name no one),
    # with a link to the live server
    email = then_an_email_arrives(smtp_inbox, 1, MANAGER, REGISTRATION_SUBJECT)
    assert f"register {DIRECTORY_NAME} (ODS code VX101)" in " ".join(text_of(email).split())
    link = link_in(email, site)
    assert EmailLink.objects.get(email=MANAGER).join.ods_code == "VX101"
    assert not Organisation.objects.exists()  # nothing is registered until the link is used

    # When I open it, I see who it is for and a Continue button (mail scanners following links use nothing up)
    assert when_i_open_the_link(story, link) == 200
    story.expect(
        heading(page) == f"Register {DIRECTORY_NAME}",
        f"the link page's heading should name the organisation as written, got {heading(page)!r}",
    )
    assert MANAGER in page.locator("main").inner_text()
    story.check_accessible()
    press(page, "Continue")
    assert "/link/" in page.url and link not in page.url  # the token has left the address bar

    # When I choose my name and password, I am signed in and start the profile
    when_i_set_up_my_account(story, "Priya Shah", MANAGER_PASSWORD)
    assert f"You are now part of {DIRECTORY_NAME}" in banner(page)
    assert MANAGER in page.locator("header").inner_text()
    manager = User.objects.get(email=MANAGER)
    assert manager.full_name == "Priya Shah" and manager.check_password(MANAGER_PASSWORD)
    organisation = Organisation.objects.get(ods_code="VX101")
    assert organisation.memberships.get().user == manager
    assert organisation.memberships.get().role == Membership.ADMIN

    complete_the_profile_wizard(story)
    then_the_answers_are_summarised(story)
    organisation.refresh_from_db()
    assert organisation.name == NEW_NAME
    assert organisation.profile.completed_at is None  # not until the answers are accepted

    # When I accept them, the home page's task list shows the profile as completed
    press(page, "Accept and save")
    assert heading(page) == NEW_NAME
    assert "Your organisation profile has been saved" in banner(page)
    assert status_of_task(page, "Organisation profile") == "Completed"
    assert status_of_task(page, "People") == "Optional"
    story.check_accessible()
    profile = Organisation.objects.get(ods_code="VX101").profile
    assert profile.completed_at is not None
    assert (profile.size, profile.caldicott_name, profile.siro_name) == ("10-49", "Priya Shah", "Priya Shah")
    assert (profile.nhsmail_only, profile.cyber_essentials_plus) == ("yes", "yes")
    assert profile.cyber_essentials_plus_date == datetime.date(2025, 1, 15)
    assert profile.ico_number == "ZA123456"

    # When I invite a colleague as a Member
    go_to_people(page)
    assert heading(page) == "People"
    assert people_table(page) == [["Priya Shah", MANAGER, "Administrator (you)"]]
    story.check_accessible()
    page.get_by_role("button", name="Invite someone").click()
    assert heading(page) == "Invite someone"
    story.check_accessible()
    page.get_by_label("Their email address").fill(COLLEAGUE)
    page.get_by_label("Member", exact=True).check()
    press(page, "Send invitation")
    assert heading(page) == "People"
    assert f"We have emailed an invitation to {COLLEAGUE}" in banner(page)
    assert f"{COLLEAGUE} as Member" in page.locator("main").inner_text()
    story.check_accessible()

    # Then the invitation arrives by email
    invitation = then_an_email_arrives(
        smtp_inbox, 2, COLLEAGUE, "You have been invited to join an organisation on Open DSPT"
    )
    assert f"Priya Shah has invited you to join {NEW_NAME}" in text_of(invitation)
    assert "as a member: you will be able to answer questions" in " ".join(text_of(invitation).split())
    invitation_link = link_in(invitation, site)

    # When I sign out, and my colleague opens the invitation in the same browser
    when_i_sign_out(story)

    assert when_i_open_the_link(story, invitation_link) == 200
    story.expect(
        heading(page) == f"Join {NEW_NAME}",
        f"the invitation page's heading should name the organisation as written, got {heading(page)!r}",
    )
    assert COLLEAGUE in page.locator("main").inner_text()
    story.check_accessible()
    press(page, "Continue")
    when_i_set_up_my_account(story, "Sam Deputy", COLLEAGUE_PASSWORD)

    # Then my colleague is signed in at the organisation's home page, and People lists both of us
    assert heading(page) == NEW_NAME
    assert f"You are now part of {NEW_NAME}" in banner(page)
    assert COLLEAGUE in page.locator("header").inner_text()
    assert status_of_task(page, "People") == "Completed"
    story.check_accessible()
    go_to_people(page)
    assert sorted(people_table(page)) == [
        ["Priya Shah", MANAGER, "Administrator"],
        ["Sam Deputy", COLLEAGUE, "Member (you)"],
    ]
    assert page.get_by_role("button", name="Invite someone").count() == 0  # members cannot invite
    story.check_accessible()
    colleague = User.objects.get(email=COLLEAGUE)
    assert colleague.check_password(COLLEAGUE_PASSWORD)
    assert Membership.objects.get(user=colleague).role == Membership.MEMBER
    assert Membership.objects.get(user=colleague).organisation.ods_code == "VX101"
    assert EmailLink.objects.filter(used_at__isnull=True).count() == 0  # both links are used up

    story.assert_no_problems()


# ---- links that no longer work ------------------------------------------------------------------------------


def register_by_email(story, site, inbox, count=1):
    """Ask to register VX101 and return the emailed link."""
    story.page.goto(site.url + "/register/")
    when_i_ask_to_register(story, MANAGER, "VX101")
    assert heading(story.page) == "Check your email"
    return link_in(then_an_email_arrives(inbox, count, MANAGER, REGISTRATION_SUBJECT), site)


def test_a_used_registration_link_says_so_and_points_to_sign_in(page, site, smtp_inbox, directory):
    story = Story(page)
    link = register_by_email(story, site, smtp_inbox)
    when_i_open_the_link(story, link)
    press(page, "Continue")
    when_i_set_up_my_account(story, "Priya Shah", MANAGER_PASSWORD)
    assert heading(page) == "About your organisation"
    page.context.clear_cookies()  # e.g. later, on another computer

    # When the same link is opened again
    assert when_i_open_the_link(story, link) == 410
    assert heading(page) == "This link has already been used"
    # Then, as the organisation is registered now, it points to signing in instead of offering a new link
    assert "is now registered" in page.locator("main").inner_text()
    assert page.get_by_role("button", name="Send me a new link").count() == 0
    story.check_accessible()
    page.get_by_role("link", name="sign in").click()
    assert heading(page) == "Sign in"
    assert len(smtp_inbox.messages) == 1
    assert EmailLink.objects.count() == 1
    page.get_by_label("Email address").fill(MANAGER)
    page.get_by_label("Password", exact=True).fill(MANAGER_PASSWORD)
    press(page, "Sign in")
    assert heading(page) == DIRECTORY_NAME
    assert status_of_task(page, "Organisation profile") == "Not started"
    story.assert_no_problems()


def test_an_expired_registration_link_sends_a_new_link_that_works(page, site, smtp_inbox, directory):
    story = Story(page)
    old_link = register_by_email(story, site, smtp_inbox)
    EmailLink.objects.update(created_at=timezone.now() - datetime.timedelta(hours=25))

    # When the link is opened after it has run out
    assert when_i_open_the_link(story, old_link) == 410
    assert heading(page) == "This link has expired"
    assert MANAGER in page.locator("main").inner_text()
    story.check_accessible()

    # Then a new link can be sent, and it works
    press(page, "Send me a new link")
    assert heading(page) == "Check your email"
    assert MANAGER in page.locator("main").inner_text()
    story.check_accessible()
    new_link = link_in(then_an_email_arrives(smtp_inbox, 2, MANAGER, REGISTRATION_SUBJECT), site)
    assert new_link != old_link
    assert when_i_open_the_link(story, new_link) == 200
    press(page, "Continue")
    when_i_set_up_my_account(story, "Priya Shah", MANAGER_PASSWORD)
    assert heading(page) == "About your organisation"
    assert Organisation.objects.get(ods_code="VX101").memberships.get().user.email == MANAGER

    # And the old link still does not work
    assert when_i_open_the_link(story, old_link) == 410
    assert heading(page) == "This link has expired"
    story.assert_no_problems()
