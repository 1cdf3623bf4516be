"""Pages that ask for a person's password again count wrong ones with sign-in failures.

Changing the password, turning off two-factor sign-in and confirming a link with an existing account's password
(dspt/organisations/tests/test_join_links.py) were each a way to guess a password without the sign-in lockout
noticing.
"""

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from dspt.accounts.tests.test_mfa import set_up_two_factor
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "purple elephants dance quietly"


def change_password(client, current):
    return client.post(
        "/account/password/",
        {"current-password": current, "new-password1": NEW_PASSWORD, "new-password2": NEW_PASSWORD},
    )


def test_wrong_current_passwords_lock_the_change_password_page_like_sign_in(client_for, owner, settings):
    client = client_for(owner)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = change_password(client, "a guess")
        assert response.status_code == 200
        assert "The password is not right" in response.content.decode()
    assert change_password(client, "another guess").status_code == 429

    # Now even the right password is refused, with the locked-out page
    response = change_password(client, PASSWORD)
    assert response.status_code == 429
    assert "Too many wrong passwords" in response.content.decode()
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD) and not owner.check_password(NEW_PASSWORD)
    # and signing in from the same place is locked out too.
    assert Client().post("/sign-in/", {"email": owner.email, "password": PASSWORD}).status_code == 429
    attempt = AccessAttempt.objects.get()
    assert attempt.username == owner.email
    assert NEW_PASSWORD not in attempt.post_data and "a guess" not in attempt.post_data  # nothing typed is kept


def test_wrong_passwords_to_turn_off_two_factor_count_too(client_for, owner, settings):
    client = client_for(owner)
    set_up_two_factor(client)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/account/two-factor/turn-off/", {"password": "a guess"})
    response = client.post("/account/two-factor/turn-off/", {"password": PASSWORD})
    assert response.status_code == 429
    assert TOTPDevice.objects.filter(user=owner, confirmed=True).exists()
