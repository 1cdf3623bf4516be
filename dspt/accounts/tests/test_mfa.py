import re
import time

import pyotp
import pytest
import time_machine
from django.test import Client
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from dspt.accounts import mfa
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def secret_from(page: str) -> str:
    return re.search(r"<code>([A-Z2-7 ]+)</code>", page).group(1).replace(" ", "")


def set_up_two_factor(client) -> tuple[str, list[str]]:
    page = client.get("/account/two-factor/set-up/").content.decode()
    assert "<svg" in page
    secret = secret_from(page)
    response = client.post("/account/two-factor/set-up/", {"code": pyotp.TOTP(secret).now()})
    assert response["Location"] == "/account/two-factor/backup-codes/"
    codes = re.findall(r"<li>(\d{8})</li>", client.get(response["Location"]).content.decode())
    return secret, codes


def sign_in(email):
    client = Client()
    response = client.post("/sign-in/", {"email": email, "password": PASSWORD})
    assert response.status_code == 302
    return client


def test_it_turns_on_with_a_code_from_the_app_and_gives_backup_codes(client_for, owner, org):
    client = client_for(owner)
    _secret, codes = set_up_two_factor(client)
    assert len(codes) == 10
    assert TOTPDevice.objects.get(user=owner).confirmed
    # Shown once only.
    assert client.get("/account/two-factor/backup-codes/")["Location"] == "/account/"


def test_a_wrong_code_does_not_turn_it_on(client_for, owner):
    client = client_for(owner)
    client.get("/account/two-factor/set-up/")
    response = client.post("/account/two-factor/set-up/", {"code": "000000"})
    assert "That code is not right" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=owner, confirmed=True).exists()


def test_signing_in_then_needs_a_code(client_for, owner, org):
    secret, _codes = set_up_two_factor(client_for(owner))
    client = sign_in(owner.email)
    response = client.get("/o/VX101/")
    assert response["Location"].startswith("/account/two-factor/verify/?next=")
    # Without the code, the person cannot replace the second factor either.
    assert client.get("/account/two-factor/set-up/")["Location"] == "/account/two-factor/verify/"
    assert client.post("/account/two-factor/turn-off/")["Location"] == "/account/two-factor/verify/"
    response = client.post("/account/two-factor/verify/", {"code": "123456", "next": "/o/VX101/"})
    assert "That code is not right" in response.content.decode()
    # After a wrong code django-otp makes people wait a moment (1 s, doubling); the page says so.
    response = client.post("/account/two-factor/verify/", {"code": "654321", "next": "/o/VX101/"})
    assert "Wait a few seconds" in response.content.decode()
    # The code used at set-up cannot be replayed; the app's next code (30 seconds on) is accepted.
    with time_machine.travel(time.time() + 30):
        next_code = pyotp.TOTP(secret).now()
        response = client.post("/account/two-factor/verify/", {"code": next_code, "next": "/o/VX101/"})
    assert response["Location"] == "/o/VX101/"
    assert client.get("/o/VX101/").status_code == 200


def test_a_backup_code_works_once(client_for, owner, org):
    _, codes = set_up_two_factor(client_for(owner))
    first = sign_in(owner.email)
    assert first.post("/account/two-factor/verify/", {"code": codes[0]}).status_code == 302
    assert first.get("/o/VX101/").status_code == 200
    assert StaticToken.objects.filter(device__user=owner).count() == 9
    second = sign_in(owner.email)
    response = second.post("/account/two-factor/verify/", {"code": codes[0]})
    assert "That code is not right" in response.content.decode()


def test_it_can_be_turned_off_when_not_required(client_for, owner, org):
    client = client_for(owner)
    set_up_two_factor(client)
    client.post("/account/two-factor/turn-off/", {"password": "wrong"})
    assert TOTPDevice.objects.filter(user=owner).exists()
    assert client.post("/account/two-factor/turn-off/", {"password": PASSWORD})["Location"] == "/account/"
    assert not TOTPDevice.objects.filter(user=owner).exists()


def test_other_apps_can_make_it_compulsory(client_for, owner, monkeypatch):
    """Accounts asks the rules other apps add (organisations: "an organisation you belong to requires it")."""
    monkeypatch.setattr(mfa, "_requirements", [])
    client = client_for(owner)
    assert client.get("/account/").status_code == 200
    mfa.require_when(lambda user: user == owner)
    assert client.get("/account/")["Location"] == "/account/two-factor/set-up/"
    secret = secret_from(client.get("/account/two-factor/set-up/").content.decode())
    client.post("/account/two-factor/set-up/", {"code": pyotp.TOTP(secret).now()})
    assert "so it cannot be turned off" in client.get("/account/").content.decode()
    client.post("/account/two-factor/turn-off/", {"password": PASSWORD})
    assert TOTPDevice.objects.filter(user=owner, confirmed=True).exists()
