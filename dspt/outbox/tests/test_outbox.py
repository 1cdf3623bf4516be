"""Every email is written to the outbox during the request and sent after it, once, retrying failures.

A password-reset request must take as long for an address with an account as for one without, so nothing is
sent while the request runs: the row is written, and a background thread sends it once the transaction has
committed (or `manage.py send_emails` from cron, which also retries what failed).
"""

import datetime
import socket
import threading
from types import SimpleNamespace

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from conftest import text_of
from dspt.lib import emails
from dspt.outbox import sending
from dspt.outbox.models import Email

pytestmark = pytest.mark.django_db


@pytest.fixture
def by_cron_only(settings):
    """Emails wait in the outbox until something sends them (as with EMAIL_SENDING=cron)."""
    settings.EMAIL_SENDING = "cron"


def wait_for_background_sending():
    for thread in threading.enumerate():
        if thread.name == sending.THREAD_NAME:
            thread.join(timeout=30)


def a_closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_reset_request_writes_to_the_outbox_and_sends_nothing_while_it_runs(client, owner, by_cron_only):
    response = client.post("/forgotten-password/", {"email": owner.email})
    assert "Check your email" in response.content.decode()
    assert mail.outbox == []
    queued = Email.objects.get()
    assert queued.to == [owner.email]
    assert queued.subject == "Reset your Open DSPT password"
    assert "/link/" in queued.text and "/link/" in queued.html
    assert queued.sent_at is None and queued.attempts == 0

    # An address without an account: the same page, nothing queued, nothing sent.
    response = client.post("/forgotten-password/", {"email": "nobody@care.example"})
    assert "Check your email" in response.content.decode()
    assert Email.objects.count() == 1
    assert mail.outbox == []

    # Sending sends it once; sending again sends nothing.
    assert sending.send_due() == 1
    assert [message.to for message in mail.outbox] == [[owner.email]]
    assert mail.outbox[0].subject == "Reset your Open DSPT password"
    assert "/link/" in mail.outbox[0].body
    assert mail.outbox[0].alternatives[0][1] == "text/html"
    queued.refresh_from_db()
    assert queued.sent_at is not None and queued.attempts == 1
    # Once sent, the link's secret token is no longer kept in the clear (only its hash, as ADR 3 says).
    assert (queued.text, queued.html) == ("", "")
    assert sending.send_due() == 0
    call_command("send_emails", verbosity=0)
    assert len(mail.outbox) == 1


def test_every_email_goes_through_the_outbox(by_cron_only, org, owner):
    publication = SimpleNamespace(
        organisation=org,
        snapshot={"status_label": "Standards Met", "sites": []},
        year="2025-26",
        published_at=timezone.now(),
        confirmer_name="Sam Patel",
        confirmer_job_title="Registered manager",
    )
    emails.registration_link("a@care.example", "https://x/link/1/", "VX101", "A House", 24)
    emails.invitation("b@care.example", "https://x/link/2/", org, "member", owner, 24)
    emails.password_reset("c@care.example", "https://x/link/3/", 24)
    emails.join_request(["d@care.example"], "e@care.example", org, "https://x/o/VX101/people/")
    emails.publication_confirmation(["f@care.example"], publication, "https://x/o/VX101/publications/1/")
    emails.deadline_reminder(["g@care.example"], org, "2025-26", datetime.date(2026, 6, 30), 14, "https://x/")
    assert mail.outbox == []
    assert Email.objects.count() == 6
    assert sending.send_due() == 6
    assert sorted(message.to[0][0] for message in mail.outbox) == list("abcdfg")


def test_a_failed_send_is_recorded_and_retried_later(client, owner, by_cron_only, smtp_inbox, settings):
    client.post("/forgotten-password/", {"email": owner.email})
    working_port, settings.EMAIL_PORT = settings.EMAIL_PORT, a_closed_port()
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        call_command("send_emails", verbosity=0)
    queued = Email.objects.get()
    assert queued.sent_at is None
    assert queued.attempts == 1
    assert "refused" in queued.last_error.lower()

    # Straight away, nothing is tried again (it waits a little longer after each failure)
    settings.EMAIL_PORT = working_port
    with time_machine.travel(start + datetime.timedelta(seconds=30), tick=False):
        assert sending.send_due() == 0
    assert smtp_inbox.messages == []
    # and later it goes.
    with time_machine.travel(start + datetime.timedelta(minutes=5), tick=False):
        call_command("send_emails", verbosity=0)
    message = smtp_inbox.wait_for(1)
    assert message["To"] == owner.email
    assert "/link/" in text_of(message)
    queued.refresh_from_db()
    assert queued.sent_at is not None and queued.attempts == 2 and queued.last_error == ""
    call_command("send_emails", verbosity=0)
    assert len(smtp_inbox.messages) == 1


def test_it_gives_up_after_many_failures(by_cron_only, settings):
    emails.password_reset("c@care.example", "https://x/link/3/", 24)
    settings.EMAIL_BACKEND, settings.EMAIL_HOST, settings.EMAIL_PORT = (
        "django.core.mail.backends.smtp.EmailBackend",
        "127.0.0.1",
        a_closed_port(),
    )
    start = timezone.now()
    for day in range(sending.MAX_ATTEMPTS + 2):
        with time_machine.travel(start + datetime.timedelta(days=day), tick=False):
            sending.send_due()
    queued = Email.objects.get()
    assert queued.attempts == sending.MAX_ATTEMPTS
    assert queued.sent_at is None and queued.last_error
    assert (queued.text, queued.html) == ("", "")  # given up: its link is not kept either


def test_in_the_background_the_email_goes_after_the_transaction_commits(transactional_db, settings, owner):
    settings.EMAIL_SENDING = "background"
    with transaction.atomic():
        emails.password_reset(owner.email, "https://x/link/3/", 24)
        wait_for_background_sending()
        assert mail.outbox == []  # not while the transaction that wrote it is still open
    wait_for_background_sending()
    assert [message.to for message in mail.outbox] == [[owner.email]]
    assert Email.objects.get().sent_at is not None


def test_in_the_background_a_reset_request_is_answered_then_sent(transactional_db, settings, client, owner):
    settings.EMAIL_SENDING = "background"
    sent_in = []
    original = sending._send_one

    def noting_the_thread(email, connection):
        sent_in.append(threading.current_thread().name)
        return original(email, connection)

    sending._send_one = noting_the_thread
    try:
        response = client.post("/forgotten-password/", {"email": owner.email})
        assert "Check your email" in response.content.decode()
        wait_for_background_sending()
    finally:
        sending._send_one = original
    assert sent_in == [sending.THREAD_NAME]
    assert len(mail.outbox) == 1


def test_two_senders_at_once_send_each_email_once(transactional_db, smtp_inbox, settings):
    settings.EMAIL_SENDING = "cron"
    for number in range(6):
        emails.password_reset(f"person{number}@care.example", f"https://x/link/{number}/", 24)
    results = []
    threads = [threading.Thread(target=lambda: results.append(sending.send_due())) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sum(results) == 6
    smtp_inbox.wait_for(6)
    assert sorted(message["To"] for message in smtp_inbox.messages) == [
        f"person{number}@care.example" for number in range(6)
    ]
    assert Email.objects.filter(sent_at__isnull=True).count() == 0
