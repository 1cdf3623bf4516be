"""Setting up a support organisation from the command line, and its lead adding and removing staff."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from dspt.accounts.models import User
from dspt.history.models import ChangeRecord
from dspt.outbox.models import Email
from dspt.support import staff
from dspt.support.models import SupportMembership, SupportOrganisation
from dspt.support.tests.factories import add_staff, make_support_organisation

pytestmark = pytest.mark.django_db


def test_the_command_creates_the_organisation_and_a_lead_without_a_password():
    out = StringIO()
    call_command(
        "add_support_organisation",
        "Fictional County Care Association",
        slug="fcca",
        lead="Lee@FCCA.example",
        stdout=out,
    )
    association = SupportOrganisation.objects.get(slug="fcca")
    lead = User.objects.get(email="lee@fcca.example")
    assert not lead.has_usable_password()
    assert association.memberships.get(user=lead).role == SupportMembership.LEAD
    assert "no password" in out.getvalue()
    call_command(
        "add_support_organisation",
        "Fictional County Care Association",
        slug="fcca",
        lead="lee@fcca.example",
        stdout=StringIO(),
    )
    assert association.memberships.count() == 1  # twice changes nothing
    assert ChangeRecord.objects.filter(area="Support: Fictional County Care Association").count() == 2


def test_the_command_refuses_a_bad_address():
    with pytest.raises(CommandError, match="not an email address"):
        call_command("add_support_organisation", "X", slug="x", lead="nobody", stdout=StringIO())


def test_a_lead_adds_an_existing_account_and_a_new_one(owner):
    association = make_support_organisation()
    lead = add_staff(association, "lead@fcca.example", SupportMembership.LEAD)
    membership, created = staff.add_staff(association, "OWNER@care.example", SupportMembership.ADVISER, lead)
    assert membership.user == owner and not created
    membership, created = staff.add_staff(association, "new@fcca.example", SupportMembership.LEAD, lead, "Nia New")
    assert created and membership.user.full_name == "Nia New" and not membership.user.has_usable_password()
    assert Email.objects.count() == 2
    with pytest.raises(staff.RuleBroken, match="already on the staff"):
        staff.add_staff(association, "new@fcca.example", SupportMembership.ADVISER, lead)


def test_the_only_lead_cannot_be_removed():
    association = make_support_organisation()
    lead = add_staff(association, "lead@fcca.example", SupportMembership.LEAD)
    with pytest.raises(staff.RuleBroken, match="only programme lead"):
        staff.remove_staff(association.memberships.get(user=lead), lead)
    adviser = add_staff(association, "adviser@fcca.example")
    staff.remove_staff(association.memberships.get(user=adviser), lead)
    assert not association.memberships.filter(user=adviser).exists()


def test_the_staff_page_adds_with_a_clear_message(client_for):
    association = make_support_organisation()
    lead = add_staff(association, "lead@fcca.example", SupportMembership.LEAD)
    client = client_for(lead)
    response = client.post("/s/fcca/staff/add/", {"email": "not an address", "role": "adviser", "full_name": "Kept"})
    assert "Enter an email address in the correct format" in response.content.decode()
    assert 'value="Kept"' in response.content.decode()
    response = client.post("/s/fcca/staff/add/", {"email": "adv@fcca.example", "role": "adviser"})
    assert response.status_code == 302
    assert association.memberships.filter(user__email="adv@fcca.example", role="adviser").exists()
