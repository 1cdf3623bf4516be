"""Reading the attachments of a sent email, as a mail program would: from the MIME message itself."""

import email.message
from dataclasses import dataclass

from django.core.mail import EmailMessage


@dataclass(frozen=True)
class Attached:
    filename: str
    content_type: str  # "text/calendar"
    params: dict  # the Content-Type's parameters: {"method": "PUBLISH", "charset": "utf-8"}
    content: bytes


def attachments_of(message: EmailMessage | email.message.Message) -> dict[str, Attached]:
    """The attachments of a message from Django's outbox (mail.outbox) or from an SMTP listener, by file name."""
    if isinstance(message, EmailMessage):
        message = email.message_from_bytes(message.message().as_bytes())
    found = {}
    for part in message.walk():
        if part.get_content_disposition() != "attachment":
            continue
        params = {key.lower(): value for key, value in part.get_params()[1:]}
        found[part.get_filename()] = Attached(
            part.get_filename(), part.get_content_type(), params, part.get_payload(decode=True)
        )
    return found
