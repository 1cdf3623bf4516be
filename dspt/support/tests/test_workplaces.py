"""After sign-in, support staff reach their support organisation's pages, as providers reach theirs."""

import pytest

from dspt.support.models import SupportMembership
from dspt.support.tests.factories import add_staff, make_support_organisation
from tests.factories import add_member

pytestmark = pytest.mark.django_db


def test_support_staff_with_no_provider_go_straight_to_their_dashboard(client_for):
    lead = add_staff(make_support_organisation(), "lead@fcca.example", SupportMembership.LEAD)
    response = client_for(lead).get("/organisations/")
    assert response.status_code == 302 and response["Location"] == "/s/fcca/"


def test_someone_in_both_sees_both(client_for, org):
    adviser = add_staff(make_support_organisation(), "adviser@fcca.example")
    add_member(org, adviser, "member")
    page = client_for(adviser).get("/organisations/").content.decode()
    assert 'href="/o/VX101/"' in page and 'href="/s/fcca/"' in page
    assert "Support programme · Adviser" in page and "not part of any organisation" not in page
