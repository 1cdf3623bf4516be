"""Emails waiting to be sent, and a record of those sent (see docs/adr/0006-emails-go-through-an-outbox.md)."""

from django.db import models
from django.utils import timezone


class Email(models.Model):
    """One email, written by the request that wants it sent and sent after that request by dspt.outbox.sending.

    Once sent (or given up), `text` and `html` are emptied and its attachments deleted: they may hold an emailed
    link's secret token (or an online meeting's joining link).
    """

    to = models.JSONField(help_text="The recipients' addresses")
    subject = models.CharField(max_length=255)
    text = models.TextField()
    html = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # When a sender may next pick it up: now when written; a few minutes on while one is sending it (so a second
    # sender leaves it alone, and a sender that dies mid-way is covered); later after each failure.
    next_attempt_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["sent_at", "next_attempt_at"])]

    def __str__(self):
        return f"{self.subject} to {', '.join(self.to)}"


class Attachment(models.Model):
    """A file sent with a queued email (a calendar file, say). It goes when its email is deleted, and once the
    email is sent or given up. Its size and number are capped by dspt.outbox.sending."""

    email = models.ForeignKey(Email, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(max_length=100)
    content_type = models.CharField(max_length=200)  # "text/calendar; method=PUBLISH; charset=UTF-8"
    content = models.BinaryField()

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.filename
