"""A programme lead opens Reports for funders from the navigation, reads the month-by-month tables, and downloads
the CSV and the Excel file: both hold the numbers the page shows. axe-core checks the page."""

import csv
import io

import pytest
from openpyxl import load_workbook

from dspt.events.tests.factories import book, make_event
from dspt.funder_reports.tests.factories import add_provider, at, make_programme, publish_for, travel
from tests.e2e.steps import Story, heading, sign_in_with_session_cookie, stay_on_this_machine
from tests.factories import make_organisation, make_user


@pytest.fixture(autouse=True)
def _offline(page):
    stay_on_this_machine(page, timeout_ms=20_000)


@pytest.fixture
def lead(transactional_db, settings, frameworks):
    """A programme that started in September 2025: three providers, an event and two publications."""
    settings.REGISTRATION_REVIEW = False
    association, lead, _adviser = make_programme(at(2025, 9, 1))
    for code, postcode in [("VX801", "SG1 1AA"), ("VX802", "SG2 2BB"), ("VX803", "AL3 3CC")]:
        add_provider(association, code, postcode, at(2025, 9, 10))
    publish_for(make_organisation("VX801", make_user("admin@vx801.example")), ["VX801"], "met", at(2025, 10, 3))
    publish_for(make_organisation("VX802", make_user("admin@vx802.example")), ["VX802"], "approaching", at(2025, 11, 3))
    with travel(at(2025, 10, 1)):
        event = make_event(association, starts_at=at(2025, 10, 14, 10), capacity=10)
        for person in ("a", "b", "c"):
            book(event, email=f"{person}@care.example")
    return lead


def table(page, table_id: str) -> list[list[str]]:
    """The text of each cell of a table, heading row first."""
    rows = page.locator(f"#{table_id} tr")
    return [
        [" ".join(cell.split()) for cell in rows.nth(i).locator("th, td").all_inner_texts()]
        for i in range(rows.count())
    ]


def test_a_lead_downloads_the_report_for_funders(page, live_server, lead):
    story = Story(page)
    sign_in_with_session_cookie(page, live_server, lead)
    page.goto(f"{live_server.url}/s/fcca/")
    link = page.locator("header").get_by_role("link", name="Reports for funders")
    if not link.is_visible():  # the navigation folds what does not fit under "More"
        page.locator("header").get_by_role("button", name="More").click()
    link.click()
    page.wait_for_load_state()
    assert heading(page) == "Reports for funders"
    story.check_accessible()

    activity, publication = table(page, "activity"), table(page, "publication")
    assert activity[0][:4] == ["Month", "Providers supported", "Letting you see their progress", "Events held"]
    october = next(row for row in activity if row[0] == "October 2025")
    assert october[1:6] == ["3", "0", "1", "3", "0"]
    november = next(row for row in publication if row[0] == "November 2025")
    assert november[1:3] == ["3", "2 (67%)"]

    with page.expect_download() as csv_download:
        page.get_by_role("link", name="Download as CSV").click()
    with open(csv_download.value.path(), encoding="utf-8-sig") as handle:
        lines = list(csv.reader(handle))
    with page.expect_download() as xlsx_download:
        page.get_by_role("link", name="Download as Excel").click()
    assert xlsx_download.value.suggested_filename.startswith("fcca-report-for-funders-2025-26-made-")
    with open(xlsx_download.value.path(), "rb") as handle:
        sheet = list(load_workbook(io.BytesIO(handle.read()))["By month"].iter_rows(values_only=True))

    assert len(lines) == len(sheet) == len(activity) == len(publication)
    for page_row, shown, line, excel in zip(activity[1:], publication[1:], lines[1:], sheet[1:], strict=True):
        assert page_row[0] == excel[0].strftime("%B %Y") == shown[0]
        assert [cell.replace(",", "") for cell in page_row[1:]] == line[1:9] == [str(v) for v in excel[1:9]]
        column = dict(zip(lines[0], line, strict=True))
        assert shown[2] == f"{column['Cohort published']} ({column['Cohort published (% of the cohort)']}%)"
        assert shown[4] == f"{column['Area published']} ({column['Area published (% of the area)']}%)"
    story.assert_no_problems()
