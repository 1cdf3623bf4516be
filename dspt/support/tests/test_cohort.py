"""Adding providers to the cohort from the ODS directory (search and tick, by code, from a list), removing them;
and the provider's side: its support page, giving and withdrawing consent."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from dspt.history.models import ChangeRecord
from dspt.support import cohort, consent
from dspt.support.models import CohortEntry, SupportMembership
from dspt.support.tests.factories import add_staff, make_support_organisation
from tests.factories import make_directory_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead(db):
    association = make_support_organisation()
    for code, name, postcode in [
        ("VX601", "Fictional Rose House", "SG1 1AA"),
        ("VX602", "Fictional Rose Court", "SG2 2BB"),
        ("VX603", "Fictional Ivy Lodge", "AL1 1CC"),
    ]:
        make_directory_entry(code, name, postcode=postcode)
    return add_staff(association, "lead@fcca.example", SupportMembership.LEAD)


def codes():
    return sorted(CohortEntry.objects.values_list("ods_code", flat=True))


def test_search_by_name_code_and_postcode_area(lead):
    assert [e.code for e in cohort.search_directory("rose")] == ["VX602", "VX601"]
    assert [e.code for e in cohort.search_directory("vx603")] == ["VX603"]
    assert [e.code for e in cohort.search_directory("SG1")] == ["VX601"]
    assert cohort.search_directory("   ") == []


def test_registered_providers_can_be_added_without_a_directory_entry(lead, org):
    association = lead.support_memberships.get().support_organisation
    result = cohort.add(association, ["vx101", "VX601", "VX601", "NOPE1"], lead)
    assert [e.ods_code for e in result.added] == ["VX101", "VX601"] and result.unknown == ["NOPE1"]
    assert cohort.add(association, ["VX101"], lead).already == ["VX101"]
    assert ChangeRecord.objects.filter(area="Support: Fictional County Care Association").count() == 1


def test_the_lead_ticks_several_from_a_search_and_adds_one_by_code_after_a_typo(client_for, lead):
    client = client_for(lead)
    page = client.get("/s/fcca/cohort/add/?q=rose").content.decode()
    assert 'value="VX601"' in page and 'value="VX602"' in page
    response = client.post("/s/fcca/cohort/add/?q=rose", {"action": "choose", "q": "rose", "codes": ["VX601", "VX602"]})
    assert response.status_code == 302 and codes() == ["VX601", "VX602"]
    response = client.post("/s/fcca/cohort/add/", {"action": "code", "one-code": "VX6O3"})
    assert "We cannot find VX6O3" in response.content.decode() and 'value="VX6O3"' in response.content.decode()
    client.post("/s/fcca/cohort/add/", {"action": "code", "one-code": "vx603"})
    assert codes() == ["VX601", "VX602", "VX603"]
    response = client.post("/s/fcca/cohort/add/?q=rose", {"action": "choose", "q": "rose"})
    assert "Select at least one provider to add" in response.content.decode()


def test_an_uploaded_csv_or_workbook_lists_unknown_codes_by_line(client_for, lead):
    client = client_for(lead)
    csv_file = SimpleUploadedFile("codes.csv", b"ODS code\r\nVX601\r\nVX6O2\r\n\r\nvx603\r\n", content_type="text/csv")
    page = client.post("/s/fcca/cohort/upload/", {"file": csv_file}).content.decode()
    assert "Line 3: VX6O2" in page and codes() == ["VX601", "VX603"]
    book = Workbook()
    for value in ["VX602", "VX601"]:
        book.active.append([value])
    buffer = io.BytesIO()
    book.save(buffer)
    xlsx = SimpleUploadedFile("codes.xlsx", buffer.getvalue())
    assert client.post("/s/fcca/cohort/upload/", {"file": xlsx}).status_code == 302
    assert codes() == ["VX601", "VX602", "VX603"]
    refused = client.post("/s/fcca/cohort/upload/", {"file": SimpleUploadedFile("codes.pdf", b"%PDF-1.7")})
    assert "must be" in refused.content.decode()


def test_removing_asks_first(client_for, lead):
    association = lead.support_memberships.get().support_organisation
    entry = cohort.add(association, ["VX601"], lead).added[0]
    client = client_for(lead)
    assert (
        "Remove Fictional Rose House from the cohort?"
        in client.get(f"/s/fcca/cohort/{entry.pk}/remove/").content.decode()
    )
    assert codes() == ["VX601"]
    client.post(f"/s/fcca/cohort/{entry.pk}/remove/")
    assert codes() == []


def test_the_provider_sees_who_supports_it_and_its_admin_gives_and_withdraws_consent(
    client_for, lead, org, owner, viewer
):
    association = lead.support_memberships.get().support_organisation
    assert client_for(owner).get("/o/VX101/support/fcca/give/").status_code == 404  # not in the cohort yet
    cohort.add(association, ["VX101"], lead)
    page = client_for(viewer).get("/o/VX101/support/").content.decode()
    assert "Fictional County Care Association" in page and "01632 960000" in page and "Give consent" not in page
    assert client_for(viewer).post("/o/VX101/support/fcca/give/").status_code == 403
    client = client_for(owner)
    assert "Give consent" in client.get("/o/VX101/support/").content.decode()
    assert "never see your answers" in client.get("/o/VX101/support/fcca/give/").content.decode()
    assert not consent.has_consent(org, association)  # a GET changes nothing
    client.post("/o/VX101/support/fcca/give/")
    assert consent.has_consent(org, association)
    assert "Help from your support programme" in client.get("/o/VX101/").content.decode()
    client.post("/o/VX101/support/fcca/withdraw/")
    assert not consent.has_consent(org, association)
    assert "Help from your support programme" not in client.get("/o/VX101/").content.decode()
