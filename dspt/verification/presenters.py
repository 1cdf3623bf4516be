"""How registrations are shown: to operators (directory beside what was typed) and to the organisation itself."""

from collections.abc import Callable

from django.urls import reverse

from dspt.ui.presenters import long_date
from dspt.verification import review

NOT_GIVEN = "Not given"

# What an operator deciding on a registration also sees about the organisation, from apps above this one (publication
# adds what it has published and which services it covers): each returns summary-list rows.
RegistrationRows = Callable[[object], list[dict]]
_registration_rows: list[RegistrationRows] = []


def add_registration_rows(build: RegistrationRows) -> None:
    if build not in _registration_rows:
        _registration_rows.append(build)


def more_rows(organisation) -> list[dict]:
    return [row for build in _registration_rows for row in build(organisation)]


def _row(key: str, value: str) -> dict:
    return {"key": {"text": key}, "value": {"text": value or NOT_GIVEN}}


def directory_rows(registration: review.Registration) -> list[dict]:
    """What the NHS ODS directory says about the code (summary-list rows)."""
    entry = registration.directory
    if entry is None:
        return [_row("ODS code", registration.organisation.ods_code), _row("In the directory", "No")]
    parent = entry.parent_code
    if parent and registration.parent is not None:
        parent = f"{parent} ({registration.parent.name})"
    return [
        _row("Name", entry.name),
        _row("ODS code", entry.code),
        _row("Postcode", entry.postcode),
        _row("Head office code", parent or "None"),
        _row("Open or closed", "Open" if entry.is_open else "Closed"),
        _row("Type", entry.kind),
    ]


def typed_rows(registration: review.Registration) -> list[dict]:
    """What was given when registering here (summary-list rows)."""
    organisation = registration.organisation
    name = organisation.name
    if registration.name_differs:
        name += " (differs from the directory)"
    return [
        _row("Name now", name),
        _row("Registered by", registration.email),
        _row("Email domain", registration.email_domain),
        _row("Registered on", long_date(registration.review.created_at)),
    ]


def decision_rows(registration: review.Registration) -> list[dict]:
    """Where the registration stands (summary-list rows)."""
    decision = registration.review
    rows = [_row("Registration", review.STATE_LABELS[decision.state])]
    if decision.decided_at:
        who = decision.decided_by_label or "the service"
        rows.append(_row("Decided", f"{long_date(decision.decided_at)}, {who}"))
    if decision.state == review.REFUSED:
        rows.append(_row("Reason", decision.reason))
    return rows


def navigation(current: str) -> list[dict]:
    items = [
        ("queue", "Registrations to check", reverse("verification:queue")),
        ("refused", "Refused registrations", reverse("verification:refused")),
    ]
    return [{"text": text, "href": href, "current": key == current} for key, text, href in items]


def public_notice(organisation, membership=None) -> dict | None:
    """What the organisation is told about its registration check while its status is not shown in public (a
    notice for the organisation's home page and the publish overview), or None once it is shown."""
    decision = review.review_of(organisation)
    state = decision.state if decision else review.WAITING
    if review.shown_in_public(state, review.review_required()):
        return None
    if state == review.REFUSED:
        return {
            "heading": "Your status is not shown in public",
            "paragraphs": [
                "Whoever runs this service could not confirm your registration, so nothing you publish is shown in "
                "public. You can still work on your toolkit as before.",
                f"Their reason: {decision.reason}",
                "Your administrators were emailed this reason. Once your registration is confirmed, your status is "
                "shown in public straight away.",
            ],
            "link": None,
        }
    return {
        "heading": "Your registration is waiting for a check",
        "paragraphs": [
            "Your registration is waiting for a check by whoever runs this service. Until then, your status is not "
            "shown in public. You can work on your toolkit, and publish, in the meantime.",
        ],
        "link": None,
    }
