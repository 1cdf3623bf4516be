import pytest
from django.test import Client

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def sign_in(client, email, password, **extra):
    return client.post("/sign-in/", {"email": email, "password": password, **extra})


def test_it_signs_in_with_any_capitals_and_goes_to_the_organisation(client, org, owner):
    response = sign_in(client, "Owner@Care.Example", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/organisations/"
    assert client.get("/organisations/")["Location"] == "/o/VX101/"


def test_a_wrong_password_is_explained_without_saying_which_part_is_wrong(client, owner):
    response = sign_in(client, owner.email, "not the password")
    page = response.content.decode()
    assert "The email address or password is not right" in page
    assert 'value="owner@care.example"' in page
    assert "<title>Error: Sign in" in page


def test_it_only_follows_next_to_this_site(client, org, owner):
    assert sign_in(client, owner.email, PASSWORD, next="/o/VX101/people/")["Location"] == "/o/VX101/people/"
    other = Client()
    assert sign_in(other, owner.email, PASSWORD, next="https://evil.example/")["Location"] == "/organisations/"


def test_it_locks_out_after_repeated_failures_for_that_address_and_ip(client, owner, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, owner.email, "wrong").status_code == 200
    response = sign_in(client, owner.email, "wrong")
    assert response.status_code == 429
    assert "Too many attempts to sign in" in response.content.decode()
    # Even the right password is refused while locked out.
    response = sign_in(client, owner.email, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # Another address from the same place is not locked out.
    from tests.factories import make_user

    make_user("someone.else@care.example")
    assert sign_in(client, "someone.else@care.example", PASSWORD).status_code == 302


def test_the_header_sign_out_button_works_with_csrf_checks_on(owner, org):
    import re

    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    page = client.get("/o/VX101/").content.decode()
    form = re.search(r'<form[^>]*action="/sign-out/".*?</form>', page, re.S).group(0)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    response = client.post("/sign-out/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert client.get("/o/VX101/").status_code == 302


def test_signing_out_needs_a_post_and_ends_the_session(client, owner):
    client.force_login(owner)
    assert client.get("/sign-out/").status_code == 405
    assert client.post("/sign-out/").status_code == 302
    assert client.get("/account/")["Location"].startswith("/sign-in/")


def test_sessions_end_after_inactivity(settings):
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_COOKIE_AGE == settings.SESSION_IDLE_MINUTES * 60 <= 60 * 60


def test_an_idle_session_expires(client, owner, settings):
    import datetime

    import time_machine
    from django.utils import timezone

    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.force_login(owner)
        assert client.get("/account/").status_code == 200
    with time_machine.travel(start + datetime.timedelta(minutes=settings.SESSION_IDLE_MINUTES - 1), tick=False):
        assert client.get("/account/").status_code == 200
    later = start + datetime.timedelta(minutes=2 * settings.SESSION_IDLE_MINUTES)
    with time_machine.travel(later, tick=False):
        assert client.get("/account/")["Location"].startswith("/sign-in/")


def test_passwords_are_hashed_with_argon2_in_production():
    from dspt import settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
