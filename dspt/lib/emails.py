"""Every email the service sends: one function per message, three templates per message.

Templates live in ui/jinja2/emails/: NAME-subject.txt, NAME-body.txt and NAME-body.html.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def send(name: str, to: list[str], context: dict) -> None:
    context = {"site_url": settings.SITE_URL, "service_name": settings.SERVICE_NAME, **context}
    subject = " ".join(render_to_string(f"emails/{name}-subject.txt", context).split())
    text = render_to_string(f"emails/{name}-body.txt", context)
    html = render_to_string(f"emails/{name}-body.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, to)
    message.attach_alternative(html, "text/html")
    message.send()


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


def invitation(email: str, url: str, organisation, role_label: str, invited_by, valid_hours: int) -> None:
    send(
        "invite",
        [email],
        {
            "url": url,
            "organisation": organisation,
            "role_label": role_label,
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


def publication_confirmation(admin_emails: list[str], publication, url: str) -> None:
    send(
        "published",
        admin_emails,
        {
            "publication": publication,
            "organisation": publication.organisation,
            "status_label": publication.snapshot["status_label"],
            "sites": publication.snapshot["sites"],
            "url": url,
        },
    )


def deadline_reminder(admin_emails: list[str], organisation, year: str, deadline, days_left: int, url: str) -> None:
    send(
        "reminder",
        admin_emails,
        {"organisation": organisation, "year": year, "deadline": deadline, "days_left": days_left, "url": url},
    )
