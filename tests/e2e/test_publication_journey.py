"""An administrator publishes 2025-26 at Approaching Standards with an action plan, then at Standards Met.

The organisation (VX101, in the ODS directory with a postcode) starts with every Approaching Standards question
answered. In a browser, the administrator checks the profile, writes the action plan (recovering from one target
date in the past), confirms and publishes; a confirmation email arrives over real SMTP. The public status search
and the public organisation page (seen by a visitor who is not signed in) show the status, and nothing private;
the PDF report names the status (read with pdftotext). After the Standards Met questions are answered, the
administrator publishes again: the public search moves on to Standards Met while the first standing stays as it
was. A second test shows a second publication at Approaching Standards refused with its reason.

Each distinct kind of page is checked with axe-core; problems that do not stop the journey are collected by
`Story` and reported together (see tests/e2e/steps.py).
"""

import datetime
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils import timezone

from conftest import text_of
from dspt.publication import action_plans, publish
from dspt.publication.models import Publication, PublicStatus
from dspt.ui.presenters import long_date
from tests.e2e.answering import ICO_NUMBER, banner_text
from tests.e2e.helpers import expect_error
from tests.e2e.steps import Story, heading, press, sign_in_with_session_cookie, stay_on_this_machine
from tests.factories import answer_all, complete_profile, make_directory_entry

ORG_NAME = "Fictional Meadowbrook House"
POSTCODE = "ZZ9 1VX"
CONFIRMER, JOB_TITLE = "Sam Patel", "Registered manager"
SECOND_CONFIRMER, SECOND_JOB_TITLE = "Rita Okafor", "Owner and SIRO"
ACTION = "Write the missing procedure and brief every member of staff on it at the next team meeting"
PLAN_OWNER = "Priya Shah, registered manager"
PUBLISH_HEADING = "Publish your 2025-26 assessment"


@pytest.fixture(autouse=True)
def _fail_fast(page):
    stay_on_this_machine(page)


@pytest.fixture
def visitor(browser):
    """A second browser with nobody signed in: the public's view of the status pages."""
    context = browser.new_context()
    public_page = context.new_page()
    stay_on_this_machine(public_page)
    yield public_page
    context.close()


@pytest.fixture
def at_approaching(transactional_db, frameworks, org, owner, assessment):
    """VX101 in the ODS directory, its profile finished, and every Approaching Standards question answered."""
    make_directory_entry("VX101", name=ORG_NAME, postcode=POSTCODE)
    complete_profile(org)
    answer_all(assessment, owner, levels=["approaching"])
    return assessment


# ---- steps ------------------------------------------------------------------------------------------------


def main_text(page) -> str:
    return page.locator("main").inner_text()


def publish_url(live_server) -> str:
    return f"{live_server.url}/o/VX101/publish/"


def open_publish_tab(page, live_server) -> None:
    page.goto(f"{live_server.url}/o/VX101/")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Publish").click()
    page.wait_for_url("**/o/VX101/publish/")
    assert heading(page) == PUBLISH_HEADING


def steps_on_overview(page) -> dict[str, str]:
    """The "Before you publish" task list: {step title: its status text}."""
    items = page.locator("ul.nhsuk-task-list > li")
    steps = {}
    for number in range(items.count()):
        item = items.nth(number)
        title = item.locator(".nhsuk-task-list__link, .nhsuk-task-list__name-and-hint > div").first.inner_text()
        steps[title.strip()] = item.locator(".nhsuk-task-list__status").inner_text().strip()
    return steps


def status_on_overview(page) -> str:
    return page.locator("main p").filter(has_text="Your answers now reach").locator(".nhsuk-tag").inner_text().strip()


def search_status(page, live_server, query: str) -> None:
    """Search the public status search as a person would: the box on /status/, then Search."""
    page.goto(f"{live_server.url}/status/")
    assert heading(page) == "Check an organisation's published DSPT status"
    page.get_by_label("Organisation name, ODS code or postcode").fill(query)
    press(page, "Search")


def result_row(page, code: str = "VX101") -> str:
    rows = page.locator("main table tbody tr").filter(has_text=code)
    assert rows.count() == 1, main_text(page)
    return rows.inner_text()


def plan_line(page, ref: str):
    """The fieldset of one action plan line (its legend is the reference, then the question)."""
    return page.get_by_role("group", name=re.compile("^" + re.escape(ref) + " "))


def fill_plan_line(page, ref: str, day: datetime.date) -> None:
    line = plan_line(page, ref)
    line.get_by_label("What you will do", exact=True).fill(f"{ACTION} ({ref})")
    line.get_by_label("Who will do it", exact=True).fill(PLAN_OWNER)
    line.get_by_label("Day", exact=True).fill(str(day.day))
    line.get_by_label("Month", exact=True).fill(str(day.month))
    line.get_by_label("Year", exact=True).fill(str(day.year))


def confirm_and_publish(page, story: Story, status_label: str, name: str, job_title: str, check_axe: bool) -> int:
    """From the ready overview: Continue to publish, confirm, Publish; returns the new publication's id."""
    page.get_by_role("button", name="Continue to publish").click()
    page.wait_for_url("**/publish/confirm/")
    assert heading(page) == f"Publish at {status_label}"
    assert f"{ORG_NAME}'s 2025-26 assessment at {status_label}" in main_text(page)
    if check_axe:
        story.check_accessible()
    page.get_by_label("Full name of the senior person confirming").fill(name)
    page.get_by_label("Their job title").fill(job_title)
    page.get_by_label(re.compile("I confirm I have the authority to publish this assessment")).check()
    press(page, "Publish")
    page.wait_for_url(re.compile(r"/o/VX101/publications/\d+/published/$"))
    assert heading(page) == "Published"
    assert page.locator(".nhsuk-panel").inner_text().split() == ["Published", "2025-26:", *status_label.split()]
    return int(re.search(r"/publications/(\d+)/published/", page.url).group(1))


def email_about(message) -> tuple[str, str]:
    """(subject with folding undone, plain text) of an email."""
    return " ".join(str(message["Subject"]).split()), text_of(message)


def pdf_text(path: Path) -> str:
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "pdftotext (poppler-utils) is not installed"
    done = subprocess.run([pdftotext, "-layout", str(path), "-"], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    return " ".join(done.stdout.split())


# ---- the story --------------------------------------------------------------------------------------------


def test_an_administrator_publishes_at_approaching_standards_with_a_plan_then_at_standards_met(
    page, visitor, live_server, settings, smtp_inbox, at_approaching, owner, tmp_path
):
    settings.SITE_URL = live_server.url
    assessment = at_approaching
    story = Story(page)
    public_story = Story(visitor)
    questions = assessment.framework.questions
    met_refs = set(questions.filter(level="met").values_list("ref", flat=True))
    needed_for_met = questions.filter(level__in=["approaching", "met"]).count()
    needed_for_approaching = questions.filter(level="approaching").count()
    assert len(met_refs) == needed_for_met - needed_for_approaching > 0
    today = timezone.localdate()

    # Before anything is published, the public search finds the organisation by part of its name, not published
    search_status(visitor, live_server, "meadowbrook")
    assert "1 organisation found for ‘meadowbrook’" in main_text(visitor)
    row = result_row(visitor)
    assert ORG_NAME in row and POSTCODE in row and "Not published" in row, row
    public_story.check_accessible()  # results

    # A search that finds nothing says so; one that is far too long is refused with a clear error
    search_status(visitor, live_server, "no such care home anywhere")
    assert "No organisations found for ‘no such care home anywhere’" in main_text(visitor)
    public_story.check_accessible()  # no results
    search_status(visitor, live_server, "meadowbrook " * 10)
    expect_error(visitor, "Search for up to 100 characters")
    public_story.expect(visitor.locator("main table").count() == 0, "a too-long search still shows results")
    public_story.check_accessible()  # too-long query

    # ---- first publication: Approaching Standards, with an action plan -------------------------------------
    sign_in_with_session_cookie(page, live_server, owner)
    open_publish_tab(page, live_server)
    assert status_on_overview(page) == "Approaching Standards"
    assert "You can publish at Approaching Standards once, as your first publication" in main_text(page)
    assert steps_on_overview(page) == {
        "Answer the questions": "Completed",
        "Check your organisation profile": "To do",
        "Make an action plan": "To do",
    }
    assert page.get_by_role("button", name="Continue to publish").count() == 0
    assert page.get_by_role("link", name="Continue to publish").count() == 0
    story.check_accessible()  # overview, blocked by steps still to do

    # I check the organisation profile
    page.get_by_role("link", name="Check your organisation profile").click()
    page.wait_for_url("**/publish/profile/")
    assert heading(page) == "Is your organisation profile still right?"
    story.check_accessible()
    press(page, "Yes, it is right")
    assert heading(page) == PUBLISH_HEADING
    assert steps_on_overview(page)["Check your organisation profile"] == "Completed"

    # The action plan lists every Standards Met item still open
    page.get_by_role("link", name="Make an action plan").click()
    page.wait_for_url("**/publish/action-plan/")
    assert heading(page) == "Your action plan for 2025-26"
    legends = page.locator("main form fieldset > legend").filter(has_text=re.compile(r"^\s*\d+(\.\d+)+ "))
    plan_refs = [text.split()[0] for text in legends.all_inner_texts()]
    assert len(plan_refs) == needed_for_met - needed_for_approaching, plan_refs
    assert set(plan_refs) == met_refs
    # Each line starts with the action the guidance suggests, for me to keep or change
    first = assessment.framework.questions.get(ref=plan_refs[0])
    suggested = plan_line(page, plan_refs[0]).get_by_label("What you will do", exact=True).input_value()
    assert suggested == first.guidance["action"]
    story.check_accessible()  # action plan, with suggested actions

    # I fill every line, but give one a target date in the past
    in_six_months = today + datetime.timedelta(days=183)
    last_year = today - datetime.timedelta(days=365)
    mistaken = plan_refs[len(plan_refs) // 2]
    for ref in plan_refs:
        fill_plan_line(page, ref, last_year if ref == mistaken else in_six_months)
    press(page, "Save the plan")

    # The error says what is wrong, its link goes to that line's date, and nothing typed is lost
    assert heading(page) == "Your action plan for 2025-26"
    expect_error(page, f"Target date for {mistaken} must be today or in the future")  # names the line
    assert page.locator(".nhsuk-error-summary li").count() == 1
    focused = page.evaluate("document.activeElement.id")
    assert focused == f"id_line-{mistaken}-target_date-day", focused  # the day box of the mistaken line
    wrong_line = plan_line(page, mistaken)
    assert wrong_line.get_by_label("Year", exact=True).input_value() == str(last_year.year)
    assert wrong_line.get_by_label("What you will do", exact=True).input_value() == f"{ACTION} ({mistaken})"
    for ref in (plan_refs[0], plan_refs[-1]):
        line = plan_line(page, ref)
        assert line.get_by_label("What you will do", exact=True).input_value() == f"{ACTION} ({ref})"
        assert line.get_by_label("Who will do it", exact=True).input_value() == PLAN_OWNER
        assert line.get_by_label("Year", exact=True).input_value() == str(in_six_months.year)
    assert action_plans.complete_refs(action_plans.plan_for(assessment)) == set()  # nothing saved
    story.check_accessible()  # action plan with an error

    # I correct the date and save: every step is now done
    wrong_line.get_by_label("Day", exact=True).fill(str(in_six_months.day))
    wrong_line.get_by_label("Month", exact=True).fill(str(in_six_months.month))
    wrong_line.get_by_label("Year", exact=True).fill(str(in_six_months.year))
    press(page, "Save the plan")
    assert heading(page) == PUBLISH_HEADING
    assert page.locator(".nhsuk-error-summary").count() == 0
    assert "Your action plan has been saved" in banner_text(page)
    assert action_plans.complete_refs(action_plans.plan_for(assessment)) == met_refs
    assert steps_on_overview(page) == {
        "Answer the questions": "Completed",
        "Check your organisation profile": "Completed",
        "Make an action plan": "Completed",
    }
    assert page.get_by_role("button", name="Continue to publish").count() == 1
    story.check_accessible()  # overview, ready

    # I confirm and publish
    first_id = confirm_and_publish(page, story, "Approaching Standards", CONFIRMER, JOB_TITLE, check_axe=True)
    story.check_accessible()  # the Published panel
    first = Publication.objects.get(pk=first_id)
    assert (first.status, first.year, first.confirmer_name) == ("approaching", "2025-26", CONFIRMER)
    assert len(first.snapshot["action_plan"]["lines"]) == len(met_refs)

    # A confirmation email arrives, naming the status and linking to the publication
    subject, body = email_about(smtp_inbox.wait_for(1))
    assert smtp_inbox.messages[0]["To"] == owner.email
    assert subject == "Your 2025-26 self-assessment is published on Open DSPT: Approaching Standards", subject
    assert "Status: Approaching Standards" in body and f"Confirmed by: {CONFIRMER}, {JOB_TITLE}" in body, body
    assert f"{live_server.url}/o/VX101/publications/{first_id}/" in body, body

    # The publication page shows what was frozen; its PDF report names the status
    page.get_by_role("link", name="see what was published").click()
    page.wait_for_url(f"**/o/VX101/publications/{first_id}/")
    assert heading(page) == "2025-26: Approaching Standards"
    detail = main_text(page)
    assert "Action plan" in detail and f"{ACTION} ({plan_refs[0]})" in detail and PLAN_OWNER in detail
    assert f"{CONFIRMER}, {JOB_TITLE}" in detail
    story.check_accessible()  # publication detail
    with page.expect_download() as download_info:
        page.get_by_role("link", name="PDF report").click()
    download = download_info.value
    assert download.suggested_filename == f"dspt-VX101-2025-26-{first_id}.pdf"
    first_pdf = tmp_path / download.suggested_filename
    download.save_as(first_pdf)
    assert first_pdf.read_bytes().startswith(b"%PDF")
    report = pdf_text(first_pdf)
    assert "Status: Approaching Standards" in report, report[:500]
    assert f"{ORG_NAME} (VX101)" in report and "Action plan" in report, report[:500]

    # The public search, by ODS code in lower case, now shows Approaching Standards for 2025-26, published today
    search_status(visitor, live_server, "vx101")
    row = result_row(visitor)
    assert "Approaching Standards" in row and "2025-26" in row and long_date(today) in row, row
    assert "Not published" not in row, row

    # The public page shows the status, and nothing private
    visitor.get_by_role("link", name=ORG_NAME).click()
    visitor.wait_for_url("**/status/VX101/")
    assert heading(visitor) == ORG_NAME
    summary = visitor.locator("main .nhsuk-summary-list").first.inner_text()
    assert "Approaching Standards" in summary and "2025-26" in summary and long_date(today) in summary, summary
    public_html = visitor.content()
    for private in (owner.email, owner.full_name, CONFIRMER, JOB_TITLE, ICO_NUMBER, ACTION, PLAN_OWNER):
        assert private not in public_html, f"the public page shows {private!r}"
    public_story.check_accessible()  # public organisation page
    badge = visitor.request.get(f"{live_server.url}/status/VX101/badge.svg")
    assert badge.ok and badge.headers["content-type"].startswith("image/svg+xml")
    assert "Approaching Standards" in badge.text() and owner.email not in badge.text()

    # ---- second publication: Standards Met ------------------------------------------------------------------
    answer_all(assessment, owner, levels=["met"])
    open_publish_tab(page, live_server)
    assert status_on_overview(page) == "Standards Met"
    steps = steps_on_overview(page)
    assert "Make an action plan" not in steps, steps  # no plan needed at Standards Met
    assert steps == {"Answer the questions": "Completed", "Check your organisation profile": "To do"}, steps
    assert "You can publish at Approaching Standards once" not in main_text(page)
    assert page.get_by_role("link", name="2025-26: Approaching Standards").count() == 1  # published before
    page.get_by_role("link", name="Check your organisation profile").click()
    page.wait_for_url("**/publish/profile/")
    press(page, "Yes, it is right")
    assert steps_on_overview(page) == {
        "Answer the questions": "Completed",
        "Check your organisation profile": "Completed",
    }
    second_id = confirm_and_publish(page, story, "Standards Met", SECOND_CONFIRMER, SECOND_JOB_TITLE, check_axe=False)
    assert Publication.objects.get(pk=second_id).status == "met"
    assert PublicStatus.objects.get(ods_code="VX101").publication_id == second_id

    subject, body = email_about(smtp_inbox.wait_for(2))
    assert subject == "Your 2025-26 self-assessment is published on Open DSPT: Standards Met", subject
    assert "Status: Standards Met" in body, body

    page.get_by_role("link", name="see what was published").click()
    page.wait_for_url(f"**/o/VX101/publications/{second_id}/")
    assert heading(page) == "2025-26: Standards Met"
    assert page.get_by_role("heading", name="Action plan").count() == 0
    with page.expect_download() as download_info:
        page.get_by_role("link", name="PDF report").click()
    second_pdf = tmp_path / "second.pdf"
    download_info.value.save_as(second_pdf)
    assert "Status: Standards Met" in pdf_text(second_pdf)

    # The public search now shows Standards Met; the public page lists both in its history
    search_status(visitor, live_server, "vx101")
    row = result_row(visitor)
    assert "Standards Met" in row and "Approaching Standards" not in row and "2025-26" in row, row
    visitor.goto(f"{live_server.url}/status/VX101/")
    history = visitor.locator("main table").inner_text()
    assert history.count("2025-26") == 2 and "Standards Met" in history and "Approaching Standards" in history
    assert SECOND_CONFIRMER not in visitor.content()
    badge = visitor.request.get(f"{live_server.url}/status/VX101/badge.svg")
    assert "Standards Met" in badge.text() and "Approaching" not in badge.text()

    # The publications list shows both, newest first; the first standing still says Approaching Standards
    page.goto(f"{live_server.url}/o/VX101/publications/")
    assert heading(page) == "Publications"
    links = page.locator("main table tbody tr > :first-child a").all_inner_texts()
    assert links == ["2025-26: Standards Met", "2025-26: Approaching Standards"], links
    story.check_accessible()  # publications list
    page.get_by_role("link", name="2025-26: Approaching Standards").click()
    page.wait_for_url(f"**/o/VX101/publications/{first_id}/")
    assert heading(page) == "2025-26: Approaching Standards"
    status_row = page.locator(".nhsuk-summary-list__row").filter(has_text="Status").first.inner_text()
    assert "Approaching Standards" in status_row, status_row
    assert f"{CONFIRMER}, {JOB_TITLE}" in main_text(page)
    assert Publication.objects.get(pk=first_id).snapshot["status_label"] == "Approaching Standards"

    story.problems += public_story.problems
    story.assert_no_problems()


# ---- Approaching Standards only once ---------------------------------------------------------------------------


def test_a_second_publication_at_approaching_standards_is_refused_with_the_reason(
    page, live_server, at_approaching, owner
):
    assessment = at_approaching
    story = Story(page)

    # Given a first publication at Approaching Standards (profile checked, plan complete), made in Python
    state = publish.journey(assessment)
    state.draft.profile_checked_at = timezone.now()
    state.draft.save()
    by_date = timezone.localdate() + datetime.timedelta(days=90)
    values = {
        line.ref: action_plans.LineValues(ACTION, PLAN_OWNER, by_date)
        for line in action_plans.lines_for(state.plan, state.standing)
    }
    action_plans.save_lines(assessment, state.standing, values, owner)
    publish.publish(assessment, owner, CONFIRMER, JOB_TITLE)
    assert Publication.objects.count() == 1

    # When the administrator opens the Publish tab, still at Approaching Standards
    sign_in_with_session_cookie(page, live_server, owner)
    open_publish_tab(page, live_server)

    # Then it explains that this time the answers must reach Standards Met, and offers no way to publish
    assert status_on_overview(page) == "Approaching Standards"
    warning = page.locator(".nhsuk-card--warning")
    assert warning.count() == 1, main_text(page)
    assert "You cannot publish yet" in warning.inner_text()
    assert "must reach Standards Met" in warning.inner_text(), warning.inner_text()
    assert "You can publish at Approaching Standards once" not in main_text(page)
    assert page.get_by_role("button", name="Continue to publish").count() == 0
    story.check_accessible()  # overview, blocked by the national rule

    # Even after checking the profile again, the confirm page cannot be reached
    page.get_by_role("link", name="Check your organisation profile").click()
    press(page, "Yes, it is right")
    assert heading(page) == PUBLISH_HEADING
    assert "must reach Standards Met" in page.locator(".nhsuk-card--warning").inner_text()
    assert page.get_by_role("button", name="Continue to publish").count() == 0
    page.goto(f"{live_server.url}/o/VX101/publish/confirm/")
    assert heading(page) == PUBLISH_HEADING  # sent back to the overview
    assert Publication.objects.count() == 1
    story.assert_no_problems()
