"""Queueing emails and sending them: after the request that wrote them, never during it.

`queue()` writes an outbox row. How it is then sent depends on settings.EMAIL_SENDING:

- "background" (the default): once the transaction that wrote it commits, a thread sends everything due, so the
  person's page does not wait for the mail server, and a rolled-back change sends nothing.
- "cron": only `manage.py send_emails` sends (run it every minute).
- "immediately": sent straight away, in the same thread (the test suite, whose transactions never commit).

Whatever the mode, `manage.py send_emails` from cron sends anything still due, including failures, which are tried
again later, waiting longer after each (up to MAX_ATTEMPTS). Two senders at once never send the same email: each
claims rows in a short transaction (skipping rows another holds, on PostgreSQL) before it talks to the mail server.
"""

import logging
import threading
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import connections, transaction
from django.db.models import F
from django.utils import timezone

from dspt.outbox.models import Email

log = logging.getLogger(__name__)

BACKGROUND, CRON, IMMEDIATELY = "background", "cron", "immediately"
MODES = (BACKGROUND, CRON, IMMEDIATELY)
THREAD_NAME = "outbox-send"
MAX_ATTEMPTS = 10
BATCH = 20
CLAIM = timedelta(minutes=10)  # how long a sender may take before another may try the same email


def retry_after(attempts: int) -> timedelta:
    """How long to wait after the attempts-th failure: 1, 2, 4 … minutes, at most an hour."""
    return timedelta(minutes=min(2 ** (attempts - 1), 60))


def mode() -> str:
    value = settings.EMAIL_SENDING
    if value not in MODES:
        raise ImproperlyConfigured(f"EMAIL_SENDING must be one of {', '.join(MODES)}, not {value!r}")
    return value


def queue(to: list[str], subject: str, text: str, html: str) -> Email:
    """Write the email to the outbox; it is sent after the current transaction commits (see the module)."""
    how = mode()
    email = Email.objects.create(to=list(to), subject=subject, text=text, html=html)
    if how == IMMEDIATELY:
        send_due()
    elif how == BACKGROUND:
        transaction.on_commit(send_in_background)
    return email


def send_in_background() -> None:
    threading.Thread(target=_send_then_disconnect, name=THREAD_NAME).start()


def _send_then_disconnect() -> None:
    try:
        send_due()
    except Exception:
        log.exception("Sending queued emails failed; `manage.py send_emails` will try again")
    finally:
        connections.close_all()  # this thread's own database connections


def _claim() -> list[Email]:
    """Take up to BATCH due emails for this sender: another sender skips them until CLAIM has passed."""
    now = timezone.now()
    with transaction.atomic():
        due = (
            Email.objects.select_for_update(skip_locked=True)
            .filter(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS, next_attempt_at__lte=now)
            .order_by("next_attempt_at", "pk")[:BATCH]
        )
        ids = list(due.values_list("pk", flat=True))
        Email.objects.filter(pk__in=ids).update(attempts=F("attempts") + 1, next_attempt_at=now + CLAIM)
    return list(Email.objects.filter(pk__in=ids).order_by("pk"))


def _send_one(email: Email, connection) -> None:
    message = EmailMultiAlternatives(
        email.subject, email.text, settings.DEFAULT_FROM_EMAIL, email.to, connection=connection
    )
    if email.html:
        message.attach_alternative(email.html, "text/html")
    message.send()


def send_due() -> int:
    """Send every email that is due, batch by batch; returns how many were sent."""
    sent = 0
    while batch := _claim():
        connection = get_connection()  # EMAIL_BACKEND: it connects (and disconnects) for each message
        for email in batch:
            try:
                _send_one(email, connection)
            except Exception as error:  # the mail server refused, timed out or could not be reached
                _failed(email, error)
            else:
                # The text held the link's secret token; only its hash is kept (docs/adr/0003-emailed-links.md).
                Email.objects.filter(pk=email.pk).update(sent_at=timezone.now(), last_error="", text="", html="")
                sent += 1
    return sent


def _failed(email: Email, error: Exception) -> None:
    description = f"{type(error).__name__}: {error}"[:1000]
    failed = Email.objects.filter(pk=email.pk)
    failed.update(last_error=description, next_attempt_at=timezone.now() + retry_after(email.attempts))
    if email.attempts >= MAX_ATTEMPTS:
        failed.update(text="", html="")  # never to be sent: its link's token is not kept either
        log.error("Gave up sending email %s after %s attempts: %s", email.pk, email.attempts, description)
    else:
        log.warning("Could not send email %s (attempt %s), will try again: %s", email.pk, email.attempts, description)
