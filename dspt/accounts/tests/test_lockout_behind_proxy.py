"""Behind a reverse proxy, the sign-in lockout counts the real client's address, not the proxy's.

Every request then arrives from the proxy (REMOTE_ADDR); the proxy appends the address it was connected from to
X-Forwarded-For. With PROXY_COUNT=1 the lockout must use that address; with PROXY_COUNT=0 (nothing in front) the
header is whatever the client typed, and must be ignored.
"""

import importlib.util
import os
from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.test import Client

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

PROXY = "127.0.0.1"  # every request reaches Django from the reverse proxy
CLIENT_A, CLIENT_B = "198.51.100.7", "203.0.113.9"


def settings_made_from(**environment) -> dict:
    """The settings dspt/settings.py makes from these environment variables (read afresh, not the loaded ones)."""
    spec = importlib.util.find_spec("dspt.settings")
    fresh = importlib.util.module_from_spec(spec)
    with mock.patch.dict(os.environ, environment):
        spec.loader.exec_module(fresh)
    return vars(fresh)


@pytest.fixture
def behind_one_proxy(settings):
    made = settings_made_from(PROXY_COUNT="1")
    for name, value in made.items():
        if name == "PROXY_COUNT" or name.startswith(("AXES_IPWARE_", "IPWARE_")):
            setattr(settings, name, value)


def sign_in_through_proxy(forwarded_for: str, email: str, password: str):
    return Client().post(
        "/sign-in/",
        {"email": email, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def fail_until_locked(forwarded_for: str, email: str, limit: int) -> None:
    for _ in range(limit - 1):
        assert sign_in_through_proxy(forwarded_for, email, "wrong").status_code == 200
    assert sign_in_through_proxy(forwarded_for, email, "wrong").status_code == 429


def test_behind_a_proxy_only_the_client_who_failed_is_locked_out(behind_one_proxy, owner, settings):
    fail_until_locked(CLIENT_A, owner.email, settings.AXES_FAILURE_LIMIT)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {CLIENT_A}

    # Client A is locked out for that address, even with the right password
    response = sign_in_through_proxy(CLIENT_A, owner.email, PASSWORD)
    assert response.status_code == 429
    assert "Too many attempts to sign in" in response.content.decode()
    # while the owner, signing in from elsewhere through the same proxy, gets in
    assert sign_in_through_proxy(CLIENT_B, owner.email, PASSWORD).status_code == 302


def test_behind_a_proxy_a_client_cannot_escape_by_adding_its_own_forwarded_for(behind_one_proxy, owner, settings):
    fail_until_locked(CLIENT_A, owner.email, settings.AXES_FAILURE_LIMIT)
    # The attacker at A sends "X-Forwarded-For: B"; the proxy appends A, the address it really came from.
    assert sign_in_through_proxy(f"{CLIENT_B}, {CLIENT_A}", owner.email, PASSWORD).status_code == 429


def test_with_no_proxy_the_forwarded_for_header_is_ignored(owner, settings):
    assert settings.PROXY_COUNT == 0
    # An attacker sends a different made-up X-Forwarded-For with every guess: all count against their address.
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in_through_proxy(f"192.0.2.{number}", owner.email, "wrong")
    assert sign_in_through_proxy("192.0.2.200", owner.email, PASSWORD).status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {PROXY}


def test_behind_two_proxies_the_client_is_the_second_entry_from_the_right(settings, rf):
    from axes.helpers import get_client_ip_address

    for name, value in settings_made_from(PROXY_COUNT="2").items():
        if name.startswith(("AXES_IPWARE_", "IPWARE_")):
            setattr(settings, name, value)
    # The client typed "192.0.2.1"; the first proxy appended the client, the second appended the first proxy.
    request = rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"192.0.2.1, {CLIENT_A}, 10.0.0.2")
    assert get_client_ip_address(request) == CLIENT_A
