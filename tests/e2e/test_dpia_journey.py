"""A member runs a DPIA: adds it, screens it (two statements ticked: a DPIA is needed), fills in its sections,
adds two risks (the first with a mistake, corrected), tries to sign it off too early and reads why, signs it off
with the DPO the profile names, and downloads it as one PDF.

Each kind of page is checked with axe-core; problems that do not stop the journey are collected by `Story`.
"""

import subprocess

import pytest

from dspt.dpias.models import Dpia
from tests.e2e.helpers import expect_error
from tests.e2e.steps import Story, heading, press, sign_in_with_session_cookie, stay_on_this_machine


@pytest.fixture(autouse=True)
def _offline(page):
    stay_on_this_machine(page)


@pytest.fixture
def keeper(transactional_db, org, member):
    org.profile.dpo_name, org.profile.dpo_title = "Priya Shah", "Data Protection Officer"
    org.profile.save()
    return member


def main_text(page) -> str:
    return " ".join(page.locator("main").inner_text().split())


def add_risk(page, description: str, before: tuple[str, str], after: tuple[str, str]) -> None:
    page.get_by_label("What is the risk?").fill(description)
    page.get_by_role("group", name="How likely is it to happen?", exact=True).get_by_label(before[0]).check()
    page.get_by_role("group", name="How severe would the harm be?", exact=True).get_by_label(before[1]).check()
    page.get_by_label("What will you do to reduce the risk?").fill("Phones locked with a PIN, wiped remotely")
    page.get_by_role("group", name="Once that is done, how likely is it?", exact=True).get_by_label(after[0]).check()
    page.get_by_role("group", name="Once that is done, how severe would the harm be?", exact=True).get_by_label(
        after[1]
    ).check()
    page.get_by_role("group", name="Are these measures approved?", exact=True).get_by_label("Yes", exact=True).check()


def test_a_member_runs_a_dpia_from_screening_to_sign_off(page, live_server, keeper, org, tmp_path):
    story = Story(page)
    sign_in_with_session_cookie(page, live_server, keeper)
    base = f"{live_server.url}/o/VX101/registers/dpias/"

    # The register, then a new DPIA
    page.goto(base)
    assert heading(page) == "DPIA register"
    story.check_accessible()
    page.get_by_role("button", name="Add a DPIA").click()
    page.wait_for_load_state()
    story.check_accessible()
    page.get_by_label("What is the project or change?").fill("Moving to a digital care planning system")
    press(page, "Save")
    dpia = Dpia.objects.get()
    steps = f"{base}{dpia.pk}/steps/"
    page.goto(steps)  # the register's entry page shows these steps once the registers app offers its panel
    assert heading(page) == "DPIA: Moving to a digital care planning system"
    story.check_accessible()

    # Screening: ticking nothing is a mistake; two statements make a DPIA needed
    page.get_by_role("link", name="Screening").click()
    page.wait_for_load_state()
    story.check_accessible()
    press(page, "Save the screening")
    expect_error(page, "Select the statements that apply to the project, or select 'None of these'")
    story.check_accessible()
    page.get_by_label("Uses new technology, or familiar technology in a new way").check()
    page.get_by_label("Uses health, care or other special category information about a lot of people").check()
    press(page, "Save the screening")
    story.expect("A DPIA is needed. 2 of the screening statements apply." in main_text(page), "no screening result")

    # Trying to sign off now: the page says what is missing
    page.get_by_role("link", name="Sign-off").click()
    page.wait_for_load_state()
    text = main_text(page)
    assert "Not ready to sign off" in text
    story.expect("Fill in the description of the processing before signing off" in text, "no message for the sections")
    story.expect("Add at least one risk" in text, "no message for the risks")
    story.expect(page.get_by_label("Name of the person signing off").input_value() == "Priya Shah", "DPO not suggested")
    story.check_accessible()
    page.get_by_label("Approved", exact=True).check()
    press(page, "Sign off")
    assert page.title().startswith("Error:")
    summary = page.locator(".nhsuk-error-summary").inner_text()
    story.expect("Add at least one risk, with what you will do about it, before signing off" in summary, summary)
    story.check_accessible()

    # The sections, through the register's form
    page.goto(steps)
    page.get_by_role("link", name="Description of the processing").click()
    page.wait_for_load_state()
    page.get_by_label("Describe the processing").fill("Care plans move from paper to the supplier's app")
    page.get_by_label("Why is it necessary and proportionate?").fill("Staff need current plans on visits")
    page.get_by_label("Who did you consult?").fill("People we support, care staff, the supplier, our DPO")
    press(page, "Save changes")

    # Two risks, the first with a mistake
    page.goto(steps)
    page.get_by_role("link", name="Risks").click()
    page.wait_for_load_state()
    story.check_accessible()
    page.get_by_role("button", name="Add a risk").click()
    page.wait_for_load_state()
    story.check_accessible()
    add_risk(
        page,
        "A work phone is lost with care plans on it",
        ("Reasonably possible", "Serious harm"),
        ("Remote", "Some impact"),
    )
    page.get_by_label("What will you do to reduce the risk?").fill("")
    press(page, "Save the risk")
    expect_error(page, "Describe what you will do to reduce the risk")
    assert page.get_by_label("What is the risk?").input_value() == "A work phone is lost with care plans on it"
    story.check_accessible()
    page.get_by_label("What will you do to reduce the risk?").fill("Phones locked with a PIN, wiped remotely")
    press(page, "Save the risk")
    story.expect("high risk, low once the measures are in place" in main_text(page), "no scores after adding")
    page.get_by_role("button", name="Add a risk").click()
    page.wait_for_load_state()
    add_risk(
        page,
        "Staff who have left can still sign in",
        ("More likely than not", "Some impact"),
        ("Remote", "Minimal impact"),
    )
    press(page, "Save the risk")
    assert dpia.risks.count() == 2
    story.check_accessible()

    # Sign-off, with conditions
    page.goto(steps)
    page.get_by_role("link", name="Sign-off").click()
    page.wait_for_load_state()
    assert "Not ready to sign off" not in main_text(page)
    page.get_by_label("Approved with conditions").check()
    page.get_by_label("Their comments or conditions (optional)").fill("Review the leavers' checklist in 6 months")
    press(page, "Sign off")
    assert "Signed off: approved with conditions by Priya Shah" in main_text(page)
    story.check_accessible()

    # The whole DPIA as one PDF
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the DPIA as a PDF").click()
    pdf = tmp_path / "dpia.pdf"
    download_info.value.save_as(pdf)
    text = " ".join(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split()
    )
    story.expect("Moving to a digital care planning system" in text, "no title in the PDF")
    story.expect("Staff who have left can still sign in" in text, "no second risk in the PDF")
    story.expect("Priya Shah, Data Protection Officer" in text, "no sign-off in the PDF")

    # The history tells the story in words
    page.get_by_role("link", name="See the history of changes").click()
    page.wait_for_load_state()
    story.expect("Risk 'Staff who have left can still sign in'" in main_text(page), "risks not in the history")
    story.check_accessible()
    story.assert_no_problems()
