"""An organisation can require two-factor sign-in of everyone in it (a rule accounts asks through mfa.require_when)."""

import pyotp
import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from dspt.accounts.tests.test_mfa import secret_from, sign_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_an_organisation_can_require_it_for_everyone(client_for, owner, member, org):
    client = client_for(owner)
    response = client.post("/o/VX101/people/two-factor/", {"require_two_factor": "on"})
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.require_two_factor
    member_client = sign_in(member.email)
    assert member_client.get("/o/VX101/")["Location"] == "/account/two-factor/set-up/"
    page = member_client.get("/account/two-factor/set-up/").content.decode()
    assert "asks everyone to use two-factor sign-in" in page
    secret = secret_from(page)
    member_client.post("/account/two-factor/set-up/", {"code": pyotp.TOTP(secret).now()})
    assert member_client.get("/o/VX101/").status_code == 200
    # It cannot be turned off while the organisation requires it.
    member_client.post("/account/two-factor/turn-off/", {"password": PASSWORD})
    assert TOTPDevice.objects.filter(user=member, confirmed=True).exists()


def test_only_administrators_set_the_rule(client_for, member, org):
    assert client_for(member).post("/o/VX101/people/two-factor/", {"require_two_factor": "on"}).status_code == 403
    org.refresh_from_db()
    assert not org.require_two_factor
