"""Every email the service sends: one function per message, three templates per message.

Templates live in ui/jinja2/emails/: NAME-subject.txt, NAME-body.txt and NAME-body.html. Subjects are fixed
wording: nothing anyone typed (an organisation's or a person's name, an address) goes into one, so the service
cannot be used to put someone's advert in a stranger's inbox.

Nothing is sent here: each message goes to the outbox (dspt/outbox, which plugs itself in with deliver_with()),
which sends it after the request that wrote it (docs/adr/0006-emails-go-through-an-outbox.md). A message may carry
attachments (a calendar file, say); the outbox keeps them with the email and caps their size and number.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string

from dspt.lib import national_toolkit


@dataclass(frozen=True)
class Attachment:
    """A file sent with an email. `content_type` may carry parameters ("text/calendar; method=PUBLISH"); text is
    sent as UTF-8."""

    filename: str  # letters, digits, dots, dashes and underscores: "event.ics"
    content_type: str
    content: bytes | str

    def as_bytes(self) -> bytes:
        return self.content.encode() if isinstance(self.content, str) else bytes(self.content)


# (to, subject, text, html, attachments=[Attachment, …])
Deliver = Callable[..., object]
_deliver: list[Deliver] = []


def deliver_with(deliver: Deliver) -> None:
    """Hand every message to `deliver` (the outbox's queue, from its AppConfig.ready())."""
    _deliver[:] = [deliver]


def send(name: str, to: list[str], context: dict, attachments: Iterable[Attachment] = ()) -> None:
    """Render the message `name` with `context` and hand it, with any `attachments`, to the outbox. The outbox
    refuses attachments that are too big or too many (dspt.outbox.sending.AttachmentRefused)."""
    if not _deliver:
        raise RuntimeError("No outbox to send emails through: add dspt.outbox to INSTALLED_APPS")
    context = {
        "site_url": settings.SITE_URL,
        "service_name": settings.SERVICE_NAME,
        "national_toolkit_home": national_toolkit.HOME_URL,
        "national_toolkit_search": national_toolkit.SEARCH_URL,
        **context,
    }
    subject = " ".join(render_to_string(f"emails/{name}-subject.txt", context).split())
    text = render_to_string(f"emails/{name}-body.txt", context)
    html = render_to_string(f"emails/{name}-body.html", context)
    _deliver[0](list(to), subject, text, html, attachments=list(attachments))


def registration_link(email: str, url: str, ods_code: str, organisation_name: str, valid_hours: int) -> None:
    send(
        "register",
        [email],
        {
            "url": url,
            "ods_code": ods_code,
            "organisation_name": organisation_name,
            "valid_hours": valid_hours,
        },
    )


def invitation(email: str, url: str, organisation, role_description: str, invited_by, valid_hours: int) -> None:
    """`role_description` says in plain words what they will be able to do: "a member: …"."""
    send(
        "invite",
        [email],
        {
            "url": url,
            "organisation": organisation,
            "role_description": role_description,
            "invited_by": invited_by,
            "valid_hours": valid_hours,
        },
    )


def password_reset(email: str, url: str, valid_hours: int) -> None:
    send("password-reset", [email], {"url": url, "valid_hours": valid_hours})


def join_request(admin_emails: list[str], requester_email: str, organisation, people_url: str) -> None:
    send(
        "join-request",
        admin_emails,
        {"requester_email": requester_email, "organisation": organisation, "people_url": people_url},
    )


def publication_confirmation(admin_emails: list[str], publication, url: str, national_url: str = "") -> None:
    """`url` shows the publication; `national_url` is the page of steps to publish it in the national toolkit."""
    send(
        "published",
        admin_emails,
        {
            "publication": publication,
            "organisation": publication.organisation,
            "status_label": publication.snapshot["status_label"],
            "sites": publication.snapshot["sites"],
            "url": url,
            "national_url": national_url,
        },
    )


def deadline_reminder(admin_emails: list[str], organisation, year: str, deadline, days_left: int, url: str) -> None:
    send(
        "reminder",
        admin_emails,
        {"organisation": organisation, "year": year, "deadline": deadline, "days_left": days_left, "url": url},
    )


def year_opened(admin_emails: list[str], organisation, year: str, deadline, url: str) -> None:
    send("year-opened", admin_emails, {"organisation": organisation, "year": year, "deadline": deadline, "url": url})


def registration_refused(admin_emails: list[str], organisation, reason: str, contact=None) -> None:
    """An operator could not confirm the organisation's registration. `reason` is the operator's own words (what
    to do next); `contact` (settings.OPERATOR, when set) says how to reach whoever runs the service."""
    send(
        "registration-refused",
        admin_emails,
        {"organisation": organisation, "reason": reason, "contact": contact if contact and contact.given else None},
    )
