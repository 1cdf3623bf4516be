"""The unsupported software and suppliers registers: their own rules and what their pages do that others do not
(the generic pages, walks, fuzz, query counts and round trips cover the rest)."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from dspt.registers import entries
from dspt.registers.models import Certification
from dspt.registers.specs import SUPPLIERS, UNSUPPORTED_SOFTWARE
from dspt.registers.tests.factories import add_supplier, add_unsupported, certifications
from dspt.registers.tests.test_pages import listed, text_of

pytestmark = pytest.mark.django_db
UNSUPPORTED, SUPPLIER_LIST = "/o/VX101/registers/unsupported-software/", "/o/VX101/registers/suppliers/"


def test_a_plan_date_needs_the_plan(org, owner):
    with pytest.raises(ValidationError) as refused:
        add_unsupported(org, owner, plan="", plan_by=datetime.date(2026, 9, 30))
    assert refused.value.message_dict == {"plan": ["Say how you will replace or upgrade it by that date"]}


def test_an_item_is_managed_when_it_has_a_mitigation_and_a_plan(org, owner):
    assert add_unsupported(org, owner).is_managed
    assert not add_unsupported(org, owner, item="Old tablet", mitigation="").is_managed


def test_items_filter_by_risk_and_show_support_ended(client_for, viewer, owner, org):
    add_unsupported(org, owner, item="Door-entry PC", risk="medium")
    add_unsupported(org, owner, item="Reception tablet", risk="high", supported_until=None, kind="device")
    client = client_for(viewer)

    response = client.get(UNSUPPORTED, {"risk": "high"})

    assert listed(response) == ["Reception tablet"]
    rows = client.get(UNSUPPORTED).content.decode().split("<tr")
    assert "Support ended" in next(row for row in rows if ">Door-entry PC<" in row)
    assert "Support ended" not in next(row for row in rows if ">Reception tablet<" in row)


def test_adding_a_supplier_ticks_several_certifications(client_for, member, org):
    client = client_for(member)
    form = {"supplier": "Shred-it Right", "service": "Confidential waste", "contract_clauses": "not_sure"}
    # the migration's rows, put back if a browser test's flush removed them before this test ran on this worker
    plus, iso = certifications("cyber_essentials_plus", "iso_27001")
    page = client.get(f"{SUPPLIER_LIST}add/").content.decode()
    assert page.count('type="checkbox"') == Certification.objects.count() == 4

    response = client.post(f"{SUPPLIER_LIST}add/", form | {"contract_clauses": "", "certifications": [plus.pk]})
    assert "Select whether the contract has data protection clauses" in text_of(response)
    assert re.search(rf'value="{plus.pk}"\s+checked', response.content.decode())

    response = client.post(f"{SUPPLIER_LIST}add/", form | {"certifications": [plus.pk, iso.pk]}, follow=True)

    page = text_of(response)
    assert "Added 'Shred-it Right'" in page and "Cyber Essentials Plus; ISO 27001" in page and "Not sure" in page
    supplier = SUPPLIERS.entries(org).get()
    assert set(supplier.certifications.all()) == {plus, iso}


def test_supplier_names_are_unique_and_reviews_overdue_are_flagged(client_for, viewer, owner, org):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    add_supplier(org, owner, contract_review=yesterday, certifications=certifications("dspt"))
    with pytest.raises(ValidationError):
        add_supplier(org, owner, supplier="careplan cloud ltd")
    response = client_for(viewer).get(SUPPLIER_LIST, {"contract_clauses": "yes"})
    assert listed(response) == ["CarePlan Cloud Ltd"]
    assert "Review overdue" in text_of(response) and "Data Security and Protection Toolkit" in text_of(response)


def test_certifications_are_the_same_for_every_organisation_and_archiving_keeps_them(org, owner):
    supplier = add_supplier(org, owner, certifications=certifications("cyber_essentials"))
    entries.archive(SUPPLIERS, supplier, owner)
    assert [c.name for c in supplier.certifications.all()] == ["Cyber Essentials"]
    field = SUPPLIERS.field("certifications")
    assert entries.link_choices(field, org).count() == 4
    assert "8.1.4" in UNSUPPORTED_SOFTWARE.evidences
