"""A member keeps the registers: adds an information asset (with a mistake, corrected), a second asset, then a
processing activity linked to both (two checkboxes ticked); sees them in the lists; downloads the Information Asset
Register as Excel and imports it back, and nothing changes.

Each kind of page is checked with axe-core; problems that do not stop the journey are collected by `Story`.
"""

from pathlib import Path

import pytest

from dspt.history.models import ChangeRecord
from dspt.registers.specs import INFORMATION_ASSETS, PROCESSING_ACTIVITIES
from tests.e2e.helpers import expect_error
from tests.e2e.steps import Story, heading, press, sign_in_with_session_cookie, stay_on_this_machine

IAR, ROPA = INFORMATION_ASSETS, PROCESSING_ACTIVITIES


@pytest.fixture(autouse=True)
def _offline(page):
    stay_on_this_machine(page)


@pytest.fixture
def keeper(transactional_db, org, member):
    return member


def open_register(page, name: str) -> None:
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Registers").click()
    page.wait_for_url("**/registers/")
    page.get_by_role("link", name=name).click()
    page.wait_for_load_state()
    assert heading(page) == name


def main_text(page) -> str:
    return page.locator("main").inner_text()


def listed(page) -> list[str]:
    return [
        text.strip()
        for text in page.locator("main table tbody tr th, main table tbody tr td:first-child a").all_inner_texts()
    ]


def test_a_member_keeps_the_asset_register_and_the_record_of_processing(page, live_server, keeper, org, tmp_path):
    story = Story(page)
    sign_in_with_session_cookie(page, live_server, keeper)
    page.goto(f"{live_server.url}/o/VX101/")

    # The index of registers, from the navigation
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Registers").click()
    page.wait_for_url("**/o/VX101/registers/")
    assert heading(page) == "Registers"
    story.check_accessible()

    # An information asset, with a mistake first: nothing typed is lost, and the message says what to do
    page.get_by_role("link", name="Information Asset Register").click()
    page.wait_for_load_state()
    story.check_accessible()  # the empty list with its search and filters
    page.get_by_role("button", name="Add an information asset").click()
    page.wait_for_load_state()
    assert heading(page) == "Add an information asset"
    story.check_accessible()
    page.get_by_label("Asset name", exact=True).fill("Care plans")
    page.get_by_label("Paper", exact=True).check()
    page.get_by_label("Yes", exact=True).check()
    page.get_by_label("Where it is kept").fill("Locked cabinet in the office")
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("2")
    page.get_by_label("Year").fill("2026")
    press(page, "Save")
    expect_error(page, "Enter who owns the asset: a name or a role")
    assert page.get_by_label("Asset name", exact=True).input_value() == "Care plans"
    assert page.get_by_label("Paper", exact=True).is_checked()
    story.expect("Last reviewed must be a real date" in main_text(page), "no message for 31 February")
    story.check_accessible()  # the form with its errors

    page.get_by_label("Owner", exact=True).fill("Registered manager")
    page.get_by_label("Day").fill("27")
    page.get_by_label("Month").fill("3")
    press(page, "Save")
    assert heading(page) == "Care plans"
    story.expect("Added 'Care plans' to the Information Asset Register" in main_text(page), "no confirmation")
    story.expect("27 March 2026" in main_text(page), "the date reviewed is not shown")
    story.check_accessible()  # an entry's page

    page.get_by_role("link", name="Back to the Information Asset Register").click()
    page.get_by_role("button", name="Add an information asset").click()
    page.get_by_label("Asset name", exact=True).fill("Care planning app")
    page.get_by_label("System or app", exact=True).check()
    page.get_by_label("Owner", exact=True).fill("Deputy manager")
    page.get_by_label("Yes", exact=True).check()
    press(page, "Save")
    assert heading(page) == "Care planning app"

    # A processing activity using both assets: two checkboxes ticked
    open_register(page, "Record of Processing Activities")
    page.get_by_role("button", name="Add a processing activity").click()
    page.wait_for_load_state()
    story.check_accessible()  # radios with hints, checkboxes, a conditional reveal
    page.get_by_label("Purpose", exact=True).fill("Planning and delivering care")
    page.get_by_label("Whose data is it?").fill("People we support, their relatives")
    page.get_by_label("What data is used?").fill("Contact details, care needs, medication")
    page.get_by_label("6(1)(b) Contract").check()
    page.get_by_label("9(2)(h) Health or social care").check()
    page.get_by_label("No, it stays in the UK").check()
    page.get_by_label("Care plans", exact=True).check()
    page.get_by_label("Care planning app", exact=True).check()
    press(page, "Save")
    assert heading(page) == "Planning and delivering care"
    assets_row = page.locator("main .nhsuk-summary-list__row").filter(has_text="Systems and assets used")
    linked = assets_row.locator(".nhsuk-summary-list__value a").all_inner_texts()
    story.expect(linked == ["Care planning app", "Care plans"], f"the linked assets are {linked}")
    activity = ROPA.model.objects.get()
    assert sorted(asset.name for asset in activity.assets.all()) == ["Care planning app", "Care plans"]

    # Both lists show what was added
    page.get_by_role("link", name="Back to the Record of Processing Activities").click()
    page.wait_for_load_state()
    assert page.locator("main table").get_by_role("link", name="Planning and delivering care").count() == 1
    story.check_accessible()  # a list with an entry
    open_register(page, "Information Asset Register")
    table = page.locator("main table")
    assert table.get_by_role("link", name="Care plans", exact=True).count() == 1
    assert table.get_by_role("link", name="Care planning app", exact=True).count() == 1

    # Download as Excel and import it back: nothing to change
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Excel", exact=True).click()
    download = download_info.value
    assert download.suggested_filename.startswith("VX101-information-assets-")
    workbook = tmp_path / download.suggested_filename
    download.save_as(workbook)
    records_before = ChangeRecord.objects.count()
    values_before = list(IAR.model.objects.order_by("pk").values())

    page.get_by_role("button", name="Import from a spreadsheet").click()
    page.wait_for_load_state()
    story.check_accessible()  # the upload page
    page.locator("main input[type=file]").set_input_files(str(workbook))
    press(page, "Check the file")
    assert "Every row of the file matches the register already: there is nothing to import." in main_text(page)
    story.check_accessible()
    assert ChangeRecord.objects.count() == records_before
    assert list(IAR.model.objects.order_by("pk").values()) == values_before
    assert Path(workbook).stat().st_size > 0

    story.assert_no_problems()


def test_a_member_plans_a_spot_check_and_records_what_it_found(page, live_server, keeper, org):
    """Plan a spot check, then record a result with two items needing action, forgetting the actions at first;
    the result shows on the check's page and the next check moves on. A supplier is added with two certificates."""
    from django.utils import timezone

    from dspt.registers import checklists, spot_checks
    from dspt.registers.specs import SPOT_CHECKS, SUPPLIERS
    from dspt.registers.tests.factories import certifications

    certifications()  # the migration's rows, gone if an earlier test flushed the database
    story = Story(page)
    sign_in_with_session_cookie(page, live_server, keeper)
    page.goto(f"{live_server.url}/o/VX101/")
    open_register(page, "Spot-check audits")
    page.get_by_role("button", name="Add a spot check").click()
    page.wait_for_load_state()
    story.check_accessible()
    page.get_by_label("Area or title").fill("Nurses' station screens")
    page.get_by_label("Screen locks and passwords").check()
    page.get_by_label("Every 3 months").check()
    page.get_by_label("Day", exact=True).fill("1")
    page.get_by_label("Month", exact=True).fill("11")
    page.get_by_label("Year", exact=True).fill("2026")
    press(page, "Save")
    assert heading(page) == "Nurses' station screens"
    story.expect("Overdue" in main_text(page), "a check due in the past is not flagged overdue")
    story.check_accessible()  # an entry's page with no results yet

    page.get_by_role("button", name="Record a result").click()
    page.wait_for_load_state()
    assert heading(page) == "Record a result for 'Nurses' station screens'"
    story.check_accessible()
    items = checklists.BY_CODE["screen_locks"].items
    today = timezone.localdate()
    page.get_by_label("Day", exact=True).fill(str(today.day))
    page.get_by_label("Month", exact=True).fill(str(today.month))
    page.get_by_label("Year", exact=True).fill(str(today.year))
    page.get_by_label("Who did the check?").fill("Senior carer")
    outcomes = ["Fine", "Needs action", "Fine", "Needs action", "Not applicable"]
    for item, outcome in zip(items, outcomes, strict=True):
        page.get_by_role("group", name=item).get_by_label(outcome, exact=True).check()
    page.get_by_label("What did you find?").fill("Two screens left unlocked; a password on a sticky note")
    press(page, "Save the result")
    expect_error(page, "Say what will be done about the items that need action, and by whom")
    assert page.get_by_role("group", name=items[1]).get_by_label("Needs action", exact=True).is_checked()
    assert "sticky note" in page.get_by_label("What did you find?").input_value()
    story.check_accessible()  # the result form with its error

    page.get_by_label("What will be done, by whom and by when?").fill("Senior carer to remind the night team")
    press(page, "Save the result")
    assert heading(page) == "Nurses' station screens"
    text = main_text(page)
    story.expect("2 items need action" in text, "the confirmation does not say what needs action")
    story.expect("Senior carer to remind the night team" in text, "the actions are not shown")
    story.expect("Overdue" not in text, "still overdue after a result")
    story.check_accessible()  # an entry's page with a result
    check = SPOT_CHECKS.model.objects.get()
    assert check.next_due == spot_checks.add_months(today, 3)
    assert check.results.get().needing_action == [items[1], items[3]]

    # A supplier with two certificates ticked
    open_register(page, "Supplier list")
    page.get_by_role("button", name="Add a supplier").click()
    page.wait_for_load_state()
    story.check_accessible()
    page.get_by_label("Supplier", exact=True).fill("Meadow Care Software")
    page.get_by_label("What do they do for you?").fill("Care planning app")
    page.get_by_label("Yes", exact=True).check()
    page.get_by_label("Cyber Essentials Plus", exact=True).check()
    page.get_by_label("ISO 27001", exact=True).check()
    press(page, "Save")
    assert heading(page) == "Meadow Care Software"
    supplier = SUPPLIERS.model.objects.get()
    assert sorted(c.name for c in supplier.certifications.all()) == ["Cyber Essentials Plus", "ISO 27001"]

    story.assert_no_problems()
