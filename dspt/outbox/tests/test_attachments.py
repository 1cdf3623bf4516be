"""An email can carry a few small attachments (a calendar file, say): kept in the outbox with it, sent intact (to
Django's test outbox, the console and a real SMTP listener), deleted with it and once it is sent or given up, and
refused clearly, writing nothing, when too big, too many or oddly named."""

import datetime

import icalendar
import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dspt.lib import calendar_files, emails
from dspt.outbox import sending
from dspt.outbox.models import Attachment, Email
from dspt.outbox.tests.mail_parts import attachments_of
from dspt.outbox.tests.test_outbox import a_closed_port

pytestmark = pytest.mark.django_db
UTC = datetime.UTC
PDF = b"%PDF-1.7\n\xff\xfe\x00\x01 not text at all \x80\x81\n%%EOF"


@pytest.fixture
def by_cron_only(settings):
    settings.EMAIL_SENDING = "cron"


def calendar_file(day=datetime.date(2027, 11, 2)) -> emails.Attachment:
    entry = calendar_files.Entry(
        "booking-7@open-dspt",
        "Staffing and roles",
        datetime.datetime.combine(day, datetime.time(10), tzinfo=UTC),
        datetime.datetime.combine(day, datetime.time(11), tzinfo=UTC),
    )
    return calendar_files.attachment(entry)


def queue_with(*attachments, to="ann@care.example"):
    return sending.queue([to], "Your place", "See the calendar file.", "<p>See it.</p>", attachments=attachments)


def test_an_attachment_is_kept_with_the_queued_email_and_sent_intact(by_cron_only):
    ics = calendar_file()
    queued = queue_with(ics, emails.Attachment("notes.pdf", "application/pdf", PDF))
    assert mail.outbox == []
    kept = list(queued.attachments.all())
    assert [(a.filename, a.content_type) for a in kept] == [
        ("event.ics", "text/calendar; method=PUBLISH; charset=UTF-8"),
        ("notes.pdf", "application/pdf"),
    ]
    assert bytes(kept[0].content) == ics.content and bytes(kept[1].content) == PDF

    assert sending.send_due() == 1
    [message] = mail.outbox
    assert message.body == "See the calendar file." and message.alternatives[0][1] == "text/html"
    files = attachments_of(message)
    assert set(files) == {"event.ics", "notes.pdf"}
    calendar = files["event.ics"]
    assert calendar.content_type == "text/calendar" and calendar.params["method"] == "PUBLISH"
    assert calendar.params["charset"].lower() == "utf-8"
    [vevent] = icalendar.Calendar.from_ical(calendar.content).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Staffing and roles"
    assert files["notes.pdf"].content_type == "application/pdf" and files["notes.pdf"].content == PDF

    # Sent: like the text, the attachments are not kept.
    assert not Attachment.objects.exists()
    assert Email.objects.get().sent_at is not None


def test_an_email_without_attachments_is_sent_as_before(by_cron_only):
    queue_with()
    assert sending.send_due() == 1
    assert attachments_of(mail.outbox[0]) == {}
    assert not Attachment.objects.exists()


def test_emails_send_carries_attachments_through_to_the_outbox(by_cron_only):
    emails.send(
        "password-reset",
        ["c@care.example"],
        {"url": "https://x/link/3/", "valid_hours": 24},
        attachments=[emails.Attachment("readme.txt", "text/plain", "Café opening hours")],
    )
    [kept] = Email.objects.get().attachments.all()
    assert (kept.filename, bytes(kept.content)) == ("readme.txt", "Café opening hours".encode())
    sending.send_due()
    assert attachments_of(mail.outbox[0])["readme.txt"].content.decode() == "Café opening hours"


def test_deleting_queued_emails_deletes_their_attachments(by_cron_only):
    """As the demo does when it clears the emails its fictional bookings queued."""
    queue_with(calendar_file())
    queue_with(calendar_file(), to="bob@care.example")
    assert Attachment.objects.count() == 2
    Email.objects.all().delete()
    assert not Attachment.objects.exists()


def test_the_console_backend_prints_the_email_with_its_attachment(by_cron_only, settings, capsys):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    queue_with(calendar_file())
    call_command("send_emails", verbosity=0)
    printed = capsys.readouterr().out
    assert "Subject: Your place" in printed
    assert 'filename="event.ics"' in printed and "text/calendar" in printed and "method=PUBLISH" in printed


def test_an_attachment_survives_real_smtp(by_cron_only, smtp_inbox):
    queue_with(calendar_file(), emails.Attachment("notes.pdf", "application/pdf", PDF))
    call_command("send_emails", verbosity=0)
    message = smtp_inbox.wait_for(1)
    files = attachments_of(message)
    assert files["notes.pdf"].content == PDF
    calendar = icalendar.Calendar.from_ical(files["event.ics"].content)
    [vevent] = calendar.walk("VEVENT")
    assert str(calendar["METHOD"]) == "PUBLISH" and files["event.ics"].params["method"] == "PUBLISH"
    assert vevent["DTSTART"].params["TZID"] == "Europe/London"
    assert vevent.decoded("DTSTART") == datetime.datetime(2027, 11, 2, 10, tzinfo=UTC)  # GMT: 10:00 in London


def test_attachments_of_an_email_given_up_are_deleted(by_cron_only, settings):
    queue_with(calendar_file())
    settings.EMAIL_BACKEND, settings.EMAIL_HOST, settings.EMAIL_PORT = (
        "django.core.mail.backends.smtp.EmailBackend",
        "127.0.0.1",
        a_closed_port(),
    )
    start = timezone.now()
    for day in range(sending.MAX_ATTEMPTS - 1):
        with time_machine.travel(start + datetime.timedelta(days=day), tick=False):
            sending.send_due()
    assert Attachment.objects.count() == 1  # still to be tried again: kept
    with time_machine.travel(start + datetime.timedelta(days=sending.MAX_ATTEMPTS), tick=False):
        sending.send_due()
    assert Email.objects.get().attempts == sending.MAX_ATTEMPTS
    assert not Attachment.objects.exists()


def test_sending_many_emails_with_attachments_reads_them_in_one_query_per_batch(by_cron_only):
    def queries_to_send(count: int) -> int:
        for number in range(count):
            queue_with(calendar_file(), to=f"person{number}@care.example")
        with CaptureQueriesContext(connection) as queries:
            assert sending.send_due() == count
        return len(queries)

    one, five = queries_to_send(1), queries_to_send(5)
    # Each email sent costs its two writes (sent, attachments gone); reading the attachments is not per email.
    assert five - one == 4 * 2


# ---- refused ------------------------------------------------------------------------------------------------


def test_attachments_up_to_the_cap_are_accepted_and_one_byte_more_is_refused_clearly(by_cron_only):
    half = sending.MAX_ATTACHMENT_BYTES // 2
    queue_with(
        emails.Attachment("a.bin", "application/octet-stream", b"x" * half),
        emails.Attachment("b.bin", "application/octet-stream", b"x" * (sending.MAX_ATTACHMENT_BYTES - half)),
    )
    assert Attachment.objects.count() == 2
    with pytest.raises(sending.AttachmentRefused, match=r"b\.bin .* at most 2,097,152 bytes of attachments"):
        queue_with(
            emails.Attachment("a.bin", "application/octet-stream", b"x" * half),
            emails.Attachment("b.bin", "application/octet-stream", b"x" * (sending.MAX_ATTACHMENT_BYTES - half + 1)),
            to="bob@care.example",
        )
    assert Email.objects.count() == 1 and Attachment.objects.count() == 2  # the refused email wrote nothing


def test_too_many_attachments_are_refused(by_cron_only):
    files = [emails.Attachment(f"{n}.ics", "text/calendar", "x") for n in range(sending.MAX_ATTACHMENTS + 1)]
    with pytest.raises(sending.AttachmentRefused, match="at most 5 attachments, not 6"):
        queue_with(*files)
    queue_with(*files[:-1])
    assert Attachment.objects.count() == sending.MAX_ATTACHMENTS


@pytest.mark.parametrize(
    ("attachment", "message"),
    [
        (emails.Attachment("../../etc/event.ics", "text/calendar", "x"), "must be up to 100 letters"),
        (emails.Attachment("event.ics\r\nBcc: x@spam.example", "text/calendar", "x"), "must be up to 100 letters"),
        (emails.Attachment("", "text/calendar", "x"), "must be up to 100 letters"),
        (emails.Attachment("a" * 101, "text/calendar", "x"), "must be up to 100 letters"),
        (emails.Attachment("event.ics", "text/calendar\r\nBcc: x@spam.example", "x"), "is not a content type"),
        (emails.Attachment("event.ics", "calendar", "x"), "is not a content type"),
        (emails.Attachment("forward.eml", "message/rfc822", "Subject: x"), "cannot be of type message"),
        (emails.Attachment("event.ics", "text/calendar; charset=latin-1", "x"), "must be UTF-8, not latin-1"),
        (emails.Attachment("event.ics", "text/calendar", b"\xff\xfe"), "is not UTF-8 text"),
    ],
)
def test_odd_names_and_content_types_are_refused_and_nothing_is_written(by_cron_only, attachment, message):
    with pytest.raises(sending.AttachmentRefused, match=message):
        emails.send("password-reset", ["c@care.example"], {"url": "https://x/", "valid_hours": 24}, [attachment])
    assert not Email.objects.exists() and not Attachment.objects.exists()
