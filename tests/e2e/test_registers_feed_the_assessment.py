"""What issue 11 must show, as a care manager would do it: an information asset and a processing activity linked to
it, a DPIA from screening to sign-off, training recorded for 20 staff of whom 19 are in date (imported from a
spreadsheet, with a mistake in the first file), and the training question then filled in with 95% from the register,
saying where the figure came from. The manager still confirms it by saving.
"""

import datetime

import pytest

from dspt.dpias.models import Dpia
from dspt.registers.specs import INFORMATION_ASSETS, PROCESSING_ACTIVITIES
from dspt.training.models import StaffMember
from tests.e2e.helpers import expect_error
from tests.e2e.steps import Story, heading, press, sign_in_with_session_cookie, stay_on_this_machine


@pytest.fixture(autouse=True)
def _offline(page):
    stay_on_this_machine(page)


@pytest.fixture
def manager(org, member, assessment):
    org.profile.dpo_name, org.profile.dpo_title = "Priya Shah", "Data Protection Officer"
    org.profile.save()
    return member


def main_text(page) -> str:
    return " ".join(page.locator("main").inner_text().split())


def staff_file(tmp_path, today: datetime.date, mistake: bool) -> str:
    """20 people: 19 trained in the last 12 months, one 400 days ago; with `mistake`, row 5's date is impossible."""
    rows = ["Name,Job role,Data security training completed on"]
    for number in range(1, 20):
        trained = today - datetime.timedelta(days=number * 10)
        rows.append(f"Carer {number:02},Care worker,{trained:%d/%m/%Y}")
    rows.append(f"Long Ago,Cook,{today - datetime.timedelta(days=400):%d/%m/%Y}")
    if mistake:
        rows[4] = "Carer 04,Care worker,31/02/2026"
    path = tmp_path / ("staff-with-a-mistake.csv" if mistake else "staff.csv")
    path.write_text("\n".join(rows) + "\n")
    return str(path)


def test_registers_feed_the_training_question(page, live_server, manager, org, tmp_path):
    story = Story(page)
    sign_in_with_session_cookie(page, live_server, manager)
    base = f"{live_server.url}/o/VX101"

    # An information asset, then a processing activity that uses it
    page.goto(f"{base}/registers/information-assets/add/")
    page.get_by_label("Asset name", exact=True).fill("Care planning app")
    page.get_by_label("System or app", exact=True).check()
    page.get_by_label("Owner", exact=True).fill("Registered manager")
    page.get_by_label("Yes", exact=True).check()
    press(page, "Save")
    assert heading(page) == "Care planning app"
    page.goto(f"{base}/registers/processing-activities/add/")
    page.get_by_label("Purpose", exact=True).fill("Planning and delivering care")
    page.get_by_label("Whose data is it?").fill("People we support")
    page.get_by_label("What data is used?").fill("Care needs, medication")
    page.get_by_label("6(1)(b) Contract").check()
    page.get_by_label("9(2)(h) Health or social care").check()
    page.get_by_label("No, it stays in the UK").check()
    page.get_by_label("Care planning app", exact=True).check()
    press(page, "Save")
    assert heading(page) == "Planning and delivering care"
    activity = PROCESSING_ACTIVITIES.entries(org).get()
    assert [asset.name for asset in activity.assets.all()] == ["Care planning app"]
    # The asset's page shows the activity that uses it
    page.goto(f"{base}/registers/information-assets/{INFORMATION_ASSETS.entries(org).get().pk}/")
    assert page.locator("main").get_by_role("link", name="Planning and delivering care").count() == 1

    # A DPIA for the app: screening, the written parts, one risk, then sign-off by the DPO the profile names
    page.goto(f"{base}/registers/dpias/add/")
    page.get_by_label("What is the project or change?").fill("Moving care plans into the app")
    press(page, "Save")
    dpia = Dpia.objects.get()
    page.get_by_role("link", name="Screening").click()
    page.wait_for_load_state()
    page.get_by_label("Uses new technology, or familiar technology in a new way").check()
    page.get_by_label("Uses health, care or other special category information about a lot of people").check()
    press(page, "Save the screening")
    assert "A DPIA is needed" in main_text(page)
    page.goto(f"{base}/registers/dpias/{dpia.pk}/edit/")
    page.get_by_label("Describe the processing").fill("Care plans move from paper to the app on work phones")
    page.get_by_label("Why is it necessary and proportionate?").fill("Staff need current plans on visits")
    page.get_by_label("Who did you consult?").fill("People we support, staff, the supplier, our DPO")
    press(page, "Save changes")
    page.goto(f"{base}/registers/dpias/{dpia.pk}/risks/add/")
    page.get_by_label("What is the risk?").fill("A work phone is lost with care plans on it")
    for group, choice in (
        ("How likely is it to happen?", "Reasonably possible"),
        ("How severe would the harm be?", "Serious harm"),
        ("Once that is done, how likely is it?", "Remote"),
        ("Once that is done, how severe would the harm be?", "Some impact"),
    ):
        page.get_by_role("group", name=group, exact=True).get_by_label(choice).check()
    page.get_by_label("What will you do to reduce the risk?").fill("Phones locked with a PIN and wiped remotely")
    page.get_by_role("group", name="Are these measures approved?", exact=True).get_by_label("Yes", exact=True).check()
    press(page, "Save the risk")
    page.goto(f"{base}/registers/dpias/{dpia.pk}/sign-off/")
    assert page.get_by_label("Name of the person signing off").input_value() == "Priya Shah"
    page.get_by_label("Approved", exact=True).check()
    press(page, "Sign off")
    assert "Signed off: approved by Priya Shah" in main_text(page)
    dpia.refresh_from_db()
    assert dpia.signed_off_on is not None
    # The DPIA's own page in the register shows its steps done
    page.goto(f"{base}/registers/dpias/{dpia.pk}/")
    story.expect("Steps of this DPIA" in main_text(page), "the DPIA's page does not show its steps")
    story.check_accessible()

    # Training for 20 staff from a spreadsheet: a mistake first (nothing imported), then the corrected file
    today = datetime.date.today()
    page.goto(f"{base}/registers/staff-training/import/")
    page.locator("main input[type=file]").set_input_files(staff_file(tmp_path, today, mistake=True))
    press(page, "Check the file")
    text = main_text(page)
    story.expect("Row 5" in text or "row 5" in text, f"the mistake is not named by its row: {text[:400]}")
    assert StaffMember.objects.count() == 0
    story.check_accessible()
    page.goto(f"{base}/registers/staff-training/import/")
    page.locator("main input[type=file]").set_input_files(staff_file(tmp_path, today, mistake=False))
    press(page, "Check the file")
    press(page, "Import these changes")
    assert StaffMember.objects.count() == 20
    page.goto(f"{base}/registers/staff-training/")
    assert "19 of 20 staff (95%) trained in the last 12 months" in main_text(page)
    story.check_accessible()

    # The training question starts with 95% from the register, says so, and counts once the manager saves it
    page.goto(f"{base}/assessment/2025-26/q/3.2.1/")
    text = main_text(page)
    assert "We have filled in your answer from your registers" in text
    assert "19 of 20 staff trained in the last 12 months" in text
    assert page.get_by_label("Percentage").input_value() == "95"
    story.check_accessible()
    page.get_by_label("Percentage").fill("")
    press(page, "Save and continue")
    expect_error(page, "Enter the percentage")
    page.get_by_label("Percentage").fill("95")
    press(page, "Save and continue")
    answer = org.assessments.get().answers.get(question__ref="3.2.1")
    assert answer.value["number"] in ("95", "95.00", 95)
    story.assert_no_problems()
