"""Queueing emails and sending them: after the request that wrote them, never during it.

`queue()` writes an outbox row. How it is then sent depends on settings.EMAIL_SENDING:

- "background" (the default): once the transaction that wrote it commits, a thread sends everything due, so the
  person's page does not wait for the mail server, and a rolled-back change sends nothing.
- "cron": only `manage.py send_emails` sends (run it every minute).
- "immediately": sent straight away, in the same thread (the test suite, whose transactions never commit).

Whatever the mode, `manage.py send_emails` from cron sends anything still due, including failures, which are tried
again later, waiting longer after each (up to MAX_ATTEMPTS). Two senders at once never send the same email: each
claims rows in a short transaction (skipping rows another holds, on PostgreSQL) before it talks to the mail server.

An email may carry a few small attachments (a calendar file, say), kept in the outbox with it (Attachment rows) and
deleted once it is sent or given up, as its text is emptied. check_attachments() says which are refused and why.
"""

import logging
import re
import threading
from collections.abc import Iterable
from datetime import timedelta
from email import encoders
from email.mime.base import MIMEBase

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.message import SafeMIMEText
from django.db import connections, transaction
from django.db.models import F
from django.utils import timezone

from dspt.lib.emails import Attachment as Attached
from dspt.outbox.models import Attachment, Email

log = logging.getLogger(__name__)

BACKGROUND, CRON, IMMEDIATELY = "background", "cron", "immediately"
MODES = (BACKGROUND, CRON, IMMEDIATELY)
THREAD_NAME = "outbox-send"
MAX_ATTEMPTS = 10
BATCH = 20
CLAIM = timedelta(minutes=10)  # how long a sender may take before another may try the same email
MAX_ATTACHMENTS = 5  # per email
MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024  # all of an email's attachments together: well under any mail server's limit
_FILENAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
_WORD = r"[A-Za-z0-9!#$&^_.+-]+"
_CONTENT_TYPE = re.compile(rf"({_WORD})/({_WORD})((?:[ \t]*;[ \t]*{_WORD}={_WORD})*)[ \t]*")


class AttachmentRefused(ValueError):
    """An attachment the outbox will not keep: the message says which, and why."""


def retry_after(attempts: int) -> timedelta:
    """How long to wait after the attempts-th failure: 1, 2, 4 … minutes, at most an hour."""
    return timedelta(minutes=min(2 ** (attempts - 1), 60))


def mode() -> str:
    value = settings.EMAIL_SENDING
    if value not in MODES:
        raise ImproperlyConfigured(f"EMAIL_SENDING must be one of {', '.join(MODES)}, not {value!r}")
    return value


def _parse_content_type(content_type: str) -> tuple[str, str, list[tuple[str, str]]]:
    """("text", "calendar", [("method", "PUBLISH"), ("charset", "UTF-8")]) from "text/calendar; method=PUBLISH;
    charset=UTF-8". Raises AttachmentRefused for anything else (a line break, say)."""
    matched = _CONTENT_TYPE.fullmatch(content_type)
    if matched is None:
        raise AttachmentRefused(f"{content_type!r} is not a content type like text/calendar or application/pdf")
    params = []
    for param in filter(None, (p.strip() for p in matched.group(3).split(";"))):
        key, value = param.split("=", 1)
        params.append((key.lower(), value))
    return matched.group(1).lower(), matched.group(2).lower(), params


def check_attachments(attachments: Iterable[Attached]) -> list[tuple[Attached, bytes]]:
    """Each attachment with its bytes. Raises AttachmentRefused, saying why, for more than MAX_ATTACHMENTS, more
    than MAX_ATTACHMENT_BYTES together, a file name that is not plain (letters, digits, dots, dashes), a content type
    that is not one, or text that is not UTF-8."""
    attachments = list(attachments)
    if len(attachments) > MAX_ATTACHMENTS:
        raise AttachmentRefused(f"An email can carry at most {MAX_ATTACHMENTS} attachments, not {len(attachments)}")
    checked, total = [], 0
    for attachment in attachments:
        if not _FILENAME.fullmatch(attachment.filename or ""):
            raise AttachmentRefused(
                f"The attachment name {attachment.filename!r} must be up to 100 letters, digits, dots, dashes or "
                "underscores, like event.ics"
            )
        maintype, _subtype, params = _parse_content_type(attachment.content_type or "")
        if maintype in ("message", "multipart"):  # a whole email inside this one: nothing here sends one
            raise AttachmentRefused(f"The attachment {attachment.filename} cannot be of type {maintype}")
        content = attachment.as_bytes()
        if maintype == "text":
            charset = dict(params).get("charset", "utf-8").lower()
            if charset not in ("utf-8", "utf8"):
                raise AttachmentRefused(f"The text attachment {attachment.filename} must be UTF-8, not {charset}")
            try:
                content.decode()
            except UnicodeDecodeError as error:
                raise AttachmentRefused(f"The text attachment {attachment.filename} is not UTF-8 text") from error
        total += len(content)
        if total > MAX_ATTACHMENT_BYTES:
            raise AttachmentRefused(
                f"The attachment {attachment.filename} takes this email's attachments to {total:,} bytes: an email "
                f"can carry at most {MAX_ATTACHMENT_BYTES:,} bytes of attachments"
            )
        checked.append((attachment, content))
    return checked


def queue(to: list[str], subject: str, text: str, html: str, attachments: Iterable[Attached] = ()) -> Email:
    """Write the email (and its attachments) to the outbox; it is sent after the current transaction commits (see
    the module). Raises AttachmentRefused, writing nothing, when check_attachments() refuses an attachment."""
    how = mode()
    checked = check_attachments(attachments)
    with transaction.atomic():
        email = Email.objects.create(to=list(to), subject=subject, text=text, html=html)
        Attachment.objects.bulk_create(
            Attachment(email=email, filename=a.filename, content_type=a.content_type, content=content)
            for a, content in checked
        )
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
    return list(Email.objects.filter(pk__in=ids).order_by("pk").prefetch_related("attachments"))


def _mime_part(attachment: Attachment) -> MIMEBase:
    """The attachment as a MIME part, its content type's parameters kept (method=PUBLISH tells a calendar what
    the file is for); text as UTF-8, anything else in base64."""
    maintype, subtype, params = _parse_content_type(attachment.content_type)
    content = bytes(attachment.content)
    if maintype == "text":
        part = SafeMIMEText(content.decode(), subtype, "utf-8")
    else:
        part = MIMEBase(maintype, subtype)
        part.set_payload(content)
        encoders.encode_base64(part)
    for key, value in params:
        if key != "charset":  # SafeMIMEText has set it
            part.set_param(key, value, requote=False)  # a checked token: method=PUBLISH, as calendars expect
    part.add_header("Content-Disposition", "attachment", filename=attachment.filename)
    return part


def _send_one(email: Email, connection) -> None:
    message = EmailMultiAlternatives(
        email.subject, email.text, settings.DEFAULT_FROM_EMAIL, email.to, connection=connection
    )
    if email.html:
        message.attach_alternative(email.html, "text/html")
    for attachment in email.attachments.all():
        message.attach(_mime_part(attachment))
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
                Attachment.objects.filter(email_id=email.pk).delete()
                sent += 1
    return sent


def _failed(email: Email, error: Exception) -> None:
    description = f"{type(error).__name__}: {error}"[:1000]
    failed = Email.objects.filter(pk=email.pk)
    failed.update(last_error=description, next_attempt_at=timezone.now() + retry_after(email.attempts))
    if email.attempts >= MAX_ATTEMPTS:
        failed.update(text="", html="")  # never to be sent: its link's token is not kept either
        Attachment.objects.filter(email_id=email.pk).delete()
        log.error("Gave up sending email %s after %s attempts: %s", email.pk, email.attempts, description)
    else:
        log.warning("Could not send email %s (attempt %s), will try again: %s", email.pk, email.attempts, description)
