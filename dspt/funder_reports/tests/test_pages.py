"""The report's page and downloads: who may see them, the same numbers on the page and in both files, and a fixed
number of queries however large the cohort and the area."""

import csv
import io
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from dspt.advice import surgeries
from dspt.advice.models import SurgeryBooking
from dspt.advice.tests.factories import make_slot
from dspt.events.models import Booking
from dspt.events.tests.factories import book, make_event
from dspt.funder_reports import monthly
from dspt.funder_reports.tests.factories import add_provider, at, make_programme, publish_for, travel
from dspt.organisations.models import OdsEntry, Organisation, Profile
from dspt.support import consent
from dspt.support.models import CohortEntry, Consent
from tests.factories import make_directory_entry, make_organisation, make_user

pytestmark = pytest.mark.django_db

TODAY = at(2026, 1, 20)
PAGE, XLSX, CSV = "/s/fcca/reports/", "/s/fcca/reports/funders.xlsx", "/s/fcca/reports/funders.csv"


class Tables(HTMLParser):
    """The text of each cell of each table on a page, by the table's id."""

    def __init__(self, html: str):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._table = self._row = self._cell = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._table = self.tables.setdefault(dict(attrs).get("id", ""), [])
        elif tag == "tr" and self._table is not None:
            self._row = []
            self._table.append(self._row)
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


@pytest.fixture
def scene(settings, frameworks):
    """A programme with a cohort of three in SG, an event, a surgery and publications."""
    settings.REGISTRATION_REVIEW = False
    association, lead, adviser = make_programme(at(2025, 7, 1))
    for code, postcode in [("VX801", "SG1 1AA"), ("VX802", "SG2 2BB"), ("VX803", "SG3 3CC")]:
        add_provider(association, code, postcode, at(2025, 9, 2))
    add_provider(association, "VX804", "SG4 4DD", at(2025, 11, 2))
    make_directory_entry("VX901", postcode="SG9 9ZZ")
    first = make_organisation("VX801", make_user("admin@vx801.example"))
    publish_for(first, ["VX801"], "met", at(2025, 10, 3))
    publish_for(make_organisation("VX901", make_user("admin@vx901.example")), ["VX901"], "approaching", at(2025, 11, 3))
    with travel(at(2025, 10, 1)):
        event = make_event(association, starts_at=at(2025, 10, 14, 10), capacity=5)
        book(event, email="a@care.example")
        book(event, email="b@care.example")
        slot = make_slot(association, adviser, starts_at=at(2025, 11, 4, 10))
        consent.grant(first, association, first.memberships.get().user)
        surgeries.book(slot.pk, first, first.memberships.get().user, needs="Backups")
    return association, lead, adviser


def numbers(text: str) -> str:
    return text.replace(",", "")


def test_the_page_explains_each_column_and_links_to_the_downloads(scene, client_for):
    _association, lead, _adviser = scene
    with travel(TODAY):
        response = client_for(lead).get(PAGE)
    page = " ".join(response.content.decode().split())
    assert response.status_code == 200
    assert '<a href="/s/fcca/reports/funders.xlsx">Download as Excel</a>' in page
    assert '<a href="/s/fcca/reports/funders.csv">Download as CSV</a>' in page
    assert "What your programme did, month by month, for DSPT 2025-26 </caption>" in page
    assert "Publishing for DSPT 2025-26: your cohort and the area </caption>" in page
    for heading in ["Providers supported", "Events held", "Surgeries delivered", "Cohort published", "Area published"]:
        assert f"<strong>{heading}</strong>:" in page
    assert "postcode area (SG): 5 services as the directory is now" in page
    assert "self-assessed on this service" in page
    header = page.split("<main")[0]  # the navigation item, added by FunderReportsConfig.ready()
    assert 'href="/s/fcca/reports/"' in header and "Reports for funders" in header


def test_the_downloads_hold_the_numbers_on_the_page(scene, client_for):
    _association, lead, _adviser = scene
    with travel(TODAY):
        client = client_for(lead)
        tables = Tables(client.get(PAGE).content.decode()).tables
        xlsx = client.get(XLSX)
        csv_file = client.get(CSV)
    assert xlsx["Content-Disposition"] == 'attachment; filename="fcca-report-for-funders-2025-26-made-2026-01-20.xlsx"'
    assert csv_file["Content-Type"] == "text/csv; charset=utf-8"
    lines = list(csv.reader(io.StringIO(csv_file.content.decode("utf-8-sig"))))
    workbook = load_workbook(io.BytesIO(xlsx.content))
    sheet = list(workbook["By month"].iter_rows(values_only=True))
    assert [str(h) for h in sheet[0]] == lines[0]
    assert len(lines) == len(sheet) == 6  # the headings, September 2025 to January 2026
    head = lines[0]

    activity, publication = tables["activity"], tables["publication"]
    assert activity[0][1:] == head[1:9] and len(activity) == len(lines)
    for page_row, line, excel in zip(activity[1:], lines[1:], sheet[1:], strict=True):
        assert page_row[0] == excel[0].strftime("%B %Y") and line[0] == excel[0].strftime("%Y-%m")
        assert [numbers(cell) for cell in page_row[1:]] == line[1:9] == [str(v) for v in excel[1:9]]
        column = dict(zip(head, line, strict=True))
        shown = dict(zip(publication[0], publication[activity.index(page_row)], strict=True))
        cohort_share = column["Cohort published (% of the cohort)"]
        assert shown["Cohort published"] == f"{column['Cohort published']} ({cohort_share}%)"
        assert shown["Area at Standards Met or Exceeded"] == (
            f"{column['Area at Standards Met or Exceeded']} "
            f"({column['Area at Standards Met or Exceeded (% of the area)']}%)"
        )
        assert [str(v) for v in excel[9:]] == line[9:]

    october = dict(zip(head, lines[2], strict=True))
    assert october["Month"] == "2025-10"
    assert (october["Events held"], october["Places booked"], october["Cohort published"]) == ("1", "2", "1")
    assert october["Cohort published (% of the cohort)"] == "33"
    november = dict(zip(head, lines[3], strict=True))
    assert (november["Surgeries delivered"], november["Providers supported"], november["Area published"]) == (
        "1",
        "4",
        "2",
    )
    about = list(workbook["About this report"].iter_rows(values_only=True))
    assert ("Surgeries delivered", next(c.meaning for c in _columns() if c.key == "surgeries")) in about


def _columns():
    from dspt.funder_reports import presenters

    return presenters.columns("2025-26")


def test_text_in_the_files_cannot_run_as_a_formula(scene, client_for):
    association, lead, _adviser = scene
    association.name = '=HYPERLINK("http://evil.example")'
    association.save()
    with travel(TODAY):
        xlsx = client_for(lead).get(XLSX)
    about = load_workbook(io.BytesIO(xlsx.content))["About this report"]
    assert about["A1"].value.startswith("'=HYPERLINK")
    assert about["A1"].data_type == "s"


def test_advisers_see_it_too(scene, client_for):
    _association, _lead, adviser = scene
    with travel(TODAY):
        client = client_for(adviser)
        assert [client.get(url).status_code for url in (PAGE, XLSX, CSV)] == [200, 200, 200]


def test_other_programmes_staff_and_providers_get_404(scene, client_for):
    _other, other_lead, _ = make_programme(at(2025, 7, 1), slug="other", name="Fictional Other Association")
    provider_user = Organisation.objects.get(ods_code="VX801").memberships.get().user
    for user in (other_lead, provider_user):
        client = client_for(user)
        assert [client.get(url).status_code for url in (PAGE, XLSX, CSV)] == [404, 404, 404]
    assert client_for(other_lead).get("/s/other/reports/").status_code == 200


def test_signed_out_people_are_sent_to_sign_in(scene, client):
    for url in (PAGE, XLSX, CSV):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/sign-in/")


def _grow(association, size: int, prefix: str) -> None:
    """`size` more providers in the cohort (every tenth registered, consenting and published), as many again in
    the area, an event with `size` bookings and `size` // 10 surgeries."""
    CohortEntry.objects.bulk_create(
        CohortEntry(
            support_organisation=association,
            ods_code=f"V{prefix}{i:04d}",
            name=f"Fictional {i}",
            postcode=f"SG{i % 9} 1AA",
            added_at=at(2025, 9 + i % 4, 2),
        )
        for i in range(size)
    )
    OdsEntry.objects.bulk_create(
        OdsEntry(code=f"A{prefix}{i:04d}", name=f"Fictional area {i}", postcode=f"SG{i % 9} 2BB") for i in range(size)
    )
    orgs = Organisation.objects.bulk_create(
        Organisation(ods_code=f"V{prefix}{i:04d}", name=f"Fictional {i}") for i in range(0, size, 10)
    )
    Profile.objects.bulk_create(Profile(organisation=o) for o in orgs)
    Consent.objects.bulk_create(Consent(organisation=o, support_organisation=association) for o in orgs)
    for index, organisation in enumerate(orgs):
        publish_for(organisation, [organisation.ods_code, f"A{prefix}{index:04d}"], "met", at(2025, 10, 3))
    with travel(at(2025, 10, 1)):
        event = make_event(association, title=f"Big {prefix}", starts_at=at(2025, 12, 3, 10), capacity=size)
    Booking.objects.bulk_create(
        Booking(
            event=event,
            name="P",
            email=f"p{i}@care.example",
            organisation_name="F",
            ods_code="VX801",
            status=Booking.BOOKED,
            attended=i % 2 == 0,
            page_token_hash=f"{prefix}{i}",
        )
        for i in range(size)
    )
    adviser = association.memberships.filter(role="adviser").get().user
    with travel(at(2025, 10, 1)):
        month = 11 if prefix == "S" else 12
        slots = [
            make_slot(association, adviser, starts_at=at(2025, month, 1 + i % 28, 8 + i // 28))
            for i in range(size // 10)
        ]
    SurgeryBooking.objects.bulk_create(SurgeryBooking(slot=slot, organisation=orgs[0], needs="Help") for slot in slots)


def test_a_fixed_number_of_queries_however_large_the_cohort_and_the_area(scene, client_for):
    association, lead, _adviser = scene
    counts = {}
    for size, prefix in ((10, "S"), (300, "L")):
        _grow(association, size, prefix)
        with travel(TODAY):
            client = client_for(lead)
            for url in (PAGE, XLSX, CSV):
                with CaptureQueriesContext(connection) as queries:
                    assert client.get(url).status_code == 200
                counts.setdefault(url, []).append(len(queries))
            with CaptureQueriesContext(connection) as queries:
                report = monthly.report(association)
            counts.setdefault("report", []).append(len(queries))
    assert all(small == large for small, large in counts.values()), counts
    assert counts["report"][0] <= 12, counts
    last = report.months[-1]
    assert last.providers == 4 + 310 and last.places_booked == 0
    assert report.area_size == 5 + 310
