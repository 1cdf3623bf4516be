"""Emailed links: valid 24 hours, once; a GET never uses one up; the token leaves the URL before forms.

Registration and invitation links are tested in dspt/organisations/tests/test_join_links.py; here, password
resets and the purpose registry that hands each kind of link to the app it belongs to.
"""

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.http import HttpResponse
from django.test import Client
from django.utils import timezone

from dspt.accounts import link_tokens, password_reset

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "a long new password 2026"


def finish(client, token, **data):
    client.post(f"/link/{token}/")
    return client.post("/link/continue/", data)


def test_an_unknown_link_says_so(client):
    response = client.get("/link/not-a-real-token/")
    assert response.status_code == 404
    assert "This link is not recognised" in response.content.decode()


def test_using_a_reset_link_uses_up_older_ones(client, owner):
    _, first = link_tokens.issue(password_reset.RESET, owner.email)
    _, second = link_tokens.issue(password_reset.RESET, owner.email)
    finish(client, second, password1=NEW_PASSWORD, password2=NEW_PASSWORD)
    assert Client().get(f"/link/{first}/").status_code == 410


def test_a_password_reset_link_changes_the_password_once(client, owner):
    response = client.post("/forgotten-password/", {"email": "OWNER@care.example"})
    assert "If owner@care.example has an account" in response.content.decode()
    token = re.search(r"/link/([\w-]+)/", mail.outbox[0].body).group(1)
    response = finish(client, token, password1=NEW_PASSWORD, password2=NEW_PASSWORD)
    assert response["Location"] == "/sign-in/"
    owner.refresh_from_db()
    assert owner.check_password(NEW_PASSWORD)
    assert Client().get(f"/link/{token}/").status_code == 410


def test_a_reset_for_an_unknown_address_looks_the_same_and_sends_nothing(client):
    response = client.post("/forgotten-password/", {"email": "nobody@care.example"})
    assert "If nobody@care.example has an account" in response.content.decode()
    assert mail.outbox == []


# ---- the purpose registry: accounts hands each kind of link to the app it belongs to ----------------------


@pytest.fixture
def calls(monkeypatch):
    """Register a link purpose of a made-up app, for one test; the list records what accounts asks of it."""
    calls = []

    def finish(request, link):
        calls.append(("finish", link.pk))
        return HttpResponse(f"the test app takes {link.email} from here")

    def resend(link):
        calls.append(("resend", link.pk))
        link_tokens.issue("test", link.email)

    purpose = link_tokens.Purpose(
        key="test",
        label="Test something",
        describe=lambda link: "test the registry",
        finish=finish,
        resend=resend,
        renewable=lambda link: link.email.startswith("renew"),
        not_renewable=lambda link: ("accounts/link_sent.jinja", {"email": "why.not@care.example"}),
    )
    monkeypatch.setitem(link_tokens._purposes, "test", purpose)
    return calls


def test_a_link_is_opened_by_accounts_then_handed_to_its_purpose(client, calls):
    link, token = link_tokens.issue("test", "someone@care.example")
    assert link_tokens.purpose_of(link).label == "Test something"
    page = client.get(f"/link/{token}/").content.decode()
    assert "Test the registry" in page and "someone@care.example" in page
    assert client.post(f"/link/{token}/")["Location"] == "/link/continue/"
    assert calls == []
    assert client.get("/link/continue/").content.decode() == "the test app takes someone@care.example from here"
    assert calls == [("finish", link.pk)]
    link.refresh_from_db()
    assert link.used_at is None  # using it up is the purpose's job, in the same transaction as its own changes


def test_a_link_of_a_purpose_nobody_registered_is_not_recognised(client):
    _link, token = link_tokens.issue("vanished", "someone@care.example")
    assert client.get(f"/link/{token}/").status_code == 404
    assert client.post(f"/link/{token}/").status_code == 404
    assert client.post(f"/link/{token}/new/")["Location"] == "/"
    assert client.get("/link/continue/").status_code == 410


def test_the_purpose_decides_whether_a_fresh_copy_is_sent(client, calls):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        _, renewable = link_tokens.issue("test", "renew.me@care.example")
        _, not_renewable = link_tokens.issue("test", "keep.out@care.example")
    with time_machine.travel(start + datetime.timedelta(days=2), tick=False):
        response = client.get(f"/link/{renewable}/")
        assert response.status_code == 410 and "Send me a new link" in response.content.decode()
        assert "Check your email" in client.post(f"/link/{renewable}/new/").content.decode()
        assert [call for call, _ in calls] == ["resend"]

        page = client.get(f"/link/{not_renewable}/").content.decode()
        assert "Send me a new link" not in page
        assert "why.not@care.example" in page  # the purpose's own explanation
        assert client.post(f"/link/{not_renewable}/new/")["Location"] == "/sign-in/"
        assert len(calls) == 1


def test_other_apps_emails_count_towards_the_hourly_limit(settings, monkeypatch):
    settings.EMAIL_LINKS_PER_HOUR = 3
    sent_elsewhere = {"busy@care.example": 2}
    monkeypatch.setattr(link_tokens, "_counters", [])
    link_tokens.count_emails_with(lambda email, since: sent_elsewhere.get(email, 0))
    link_tokens.issue(password_reset.RESET, "BUSY@care.example")
    assert link_tokens.recently_sent("busy@care.example") == 3
    with pytest.raises(link_tokens.TooManyLinks):
        link_tokens.issue(password_reset.RESET, "busy@care.example")
    link_tokens.issue(password_reset.RESET, "quiet@care.example")
