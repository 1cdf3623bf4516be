"""Fixtures shared by every test: standing users (owner, member, viewer, outsider), mail, browser."""

import os
import socket
import threading
from email import message_from_bytes

import pytest
from django.test import Client
from hypothesis import settings as hypothesis_settings

from tests.factories import PASSWORD, add_member, make_organisation, make_user

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# No per-example deadline: on a busy 2-core machine one slow example is not a bug (tests/test_hypothesis_profile.py).
hypothesis_settings.register_profile("open-dspt", deadline=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "open-dspt"))


def pytest_collection_modifyitems(items):
    for item in items:
        if "/tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def owner(db):
    return make_user("owner@care.example", full_name="Olive Owner")


@pytest.fixture
def org(owner):
    """Organisation A, a single site, with `owner` as its administrator."""
    return make_organisation("VX101", owner, name="Fictional Meadowbrook House")


@pytest.fixture
def member(org):
    user = make_user("member@care.example", full_name="Mo Member")
    add_member(org, user, "member")
    return user


@pytest.fixture
def viewer(org):
    user = make_user("viewer@care.example", full_name="Vi Viewer")
    add_member(org, user, "viewer")
    return user


@pytest.fixture
def outsider(db):
    """Administrator of organisation B, who must never see anything of organisation A."""
    user = make_user("outsider@other.example", full_name="Otto Outsider")
    make_organisation("VX201", user, name="Fictional Harbourside Homecare")
    return user


@pytest.fixture
def frameworks(db):
    """The shipped question sets up to 2025-26, loaded: {year: FrameworkVersion}. 2025-26 is the current year in
    tests (a provisional 2026-27 is shipped too; tests of the calendar and of revising a year load it themselves)."""
    from dspt.frameworks.loader import load_shipped

    return load_shipped(["2025-26"])


@pytest.fixture
def assessment(frameworks, org, owner):
    """Organisation A's 2025-26 assessment, started by its administrator."""
    from dspt.assessments import carry_over

    return carry_over.start(org, frameworks["2025-26"], owner)


@pytest.fixture
def client_for(db):
    def build(user):
        client = Client()
        client.force_login(user)
        return client

    return build


# ---- email through a real SMTP listener on loopback -------------------------------------------------


class _Inbox:
    def __init__(self):
        self.messages = []
        self._event = threading.Condition()

    async def handle_DATA(self, server, session, envelope):
        with self._event:
            self.messages.append(message_from_bytes(envelope.content))
            self._event.notify_all()
        return "250 OK"

    def wait_for(self, count: int, timeout: float = 10.0):
        with self._event:
            self._event.wait_for(lambda: len(self.messages) >= count, timeout=timeout)
        assert len(self.messages) >= count, f"expected {count} emails, got {len(self.messages)}"
        return self.messages[count - 1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_inbox(settings):
    """A real SMTP server on 127.0.0.1; the app sends to it over SMTP. Yields the inbox."""
    from aiosmtpd.controller import Controller

    inbox = _Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS, settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD = False, "", ""
    try:
        yield inbox
    finally:
        controller.stop()


def text_of(message) -> str:
    """The plain-text part of an email.message.Message."""
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            return part.get_payload(decode=True).decode()
    return ""


# ---- browser: Debian's chromium through Playwright --------------------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }
