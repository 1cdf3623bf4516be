"""Display logic for organisation pages: the task list, navigation and profile summary."""

from django.urls import reverse

from dspt.organisations.models import Membership, Profile

NOT_STARTED = {"tag": {"text": "Not started", "classes": "nhsuk-tag--blue"}}
COMPLETED = {"text": "Completed"}
IN_PROGRESS = {"tag": {"text": "In progress", "classes": "nhsuk-tag--light-blue"}}
CANNOT_START = {"text": "Cannot start yet", "classes": "nhsuk-task-list__status--cannot-start-yet"}


def navigation(organisation, membership, current: str) -> list[dict]:
    code = organisation.ods_code
    items = [
        ("home", "Overview", reverse("organisations:home", args=[code])),
        ("assessment", "Assessment", reverse("assessments:index", args=[code])),
        ("publish", "Publish", reverse("publication:overview", args=[code])),
        ("profile", "Organisation profile", reverse("organisations:profile", args=[code])),
        ("people", "People", reverse("organisations:people", args=[code])),
    ]
    if membership.is_admin:
        items.append(("history", "History", reverse("organisations:history", args=[code])))
    return [{"text": text, "href": href, "current": key == current} for key, text, href in items]


def profile_status(profile: Profile) -> dict:
    if profile.completed_at:
        return COMPLETED
    if profile.size or profile.nhsmail_only or profile.cyber_essentials_plus:
        return IN_PROGRESS
    return NOT_STARTED


def task_list(organisation, membership: Membership) -> list[dict]:
    """Sections of the organisation home page, each a heading and NHS.UK task-list items."""
    code = organisation.ods_code
    profile = organisation.profile
    people_count = organisation.memberships.count()
    setup = [
        {
            "title": {"text": "Organisation profile"},
            "hint": {"text": "Your type, size, who holds the key roles, email and Cyber Essentials Plus"},
            "href": reverse("organisations:profile", args=[code]),
            "status": profile_status(profile),
        },
        {
            "title": {"text": "People"},
            "hint": {"text": f"{people_count} {'person' if people_count == 1 else 'people'} can sign in"},
            "href": reverse("organisations:people", args=[code]),
            "status": COMPLETED if people_count > 1 else {"text": "Optional"},
        },
    ]
    later = [
        assessment_task(organisation),
        {
            "title": {"text": "Publish your assessment"},
            "hint": {"text": "Before the deadline of 30 June each year"},
            "href": reverse("publication:overview", args=[code]),
            "status": publication_status(organisation),
        },
        {
            "title": {"text": "Keep your registers"},
            "hint": {"text": "Information assets, processing, training, incidents and more (coming soon)"},
            "status": CANNOT_START,
        },
    ]
    return [
        {"heading": "1. Set up your organisation", "items": setup},
        {"heading": "2. Complete your Data Security and Protection Toolkit", "items": later},
    ]


def assessment_task(organisation) -> dict:
    """The assessment row of the home page (asks the assessments app, which builds on this one)."""
    from dspt.assessments.summary import current_summary

    summary = current_summary(organisation)
    item = {
        "title": {"text": "Answer the assessment questions"},
        "href": reverse("assessments:index", args=[organisation.ods_code]),
    }
    if summary is None:
        item["hint"] = {"text": "The yearly self-assessment against the 10 data security standards"}
        item["status"] = NOT_STARTED
    else:
        item["hint"] = {
            "text": f"{summary.year}: {summary.answered} of {summary.total} answered. Reaches {summary.label}"
        }
        item["status"] = COMPLETED if summary.met else IN_PROGRESS
    return item


def publication_status(organisation) -> dict:
    latest = organisation.publications.defer("snapshot").first()
    if latest is None:
        return NOT_STARTED
    return {"text": f"{latest.year}: {latest.status_label}"}


def roles_rows(profile: Profile) -> list[tuple[str, str]]:
    rows = []
    for key, label in Profile.ROLES.items():
        name, title = profile.holder(key)
        rows.append((label, ", ".join(part for part in (name, title) if part) or "Not given"))
    return rows


def profile_rows(organisation, can_change: bool) -> list[dict]:
    """Summary-list rows for the profile, with a change link per answer for administrators."""
    from dspt.ui.presenters import long_date

    profile = organisation.profile

    def row(label, value, slug=None):
        item = {"key": {"text": label}, "value": {"text": value}}
        if slug and can_change:
            href = reverse("organisations:profile_step", args=[organisation.ods_code, slug]) + "?change=1"
            item["actions"] = {"items": [{"href": href, "text": "Change", "visuallyHiddenText": label.lower()}]}
        return item

    cyber = profile.get_cyber_essentials_plus_display() if profile.cyber_essentials_plus else "Not answered"
    if profile.cyber_essentials_plus == "yes" and profile.cyber_essentials_plus_date:
        cyber += f", certificate dated {long_date(profile.cyber_essentials_plus_date)}"
    rows = [
        row("Organisation name", organisation.name, "about"),
        row("ODS code", organisation.ods_code),
        row("Type of organisation", profile.get_organisation_type_display(), "about"),
        row("Number of staff", profile.get_size_display() or "Not answered", "about"),
    ]
    rows += [row(label, holder, "roles") for label, holder in roles_rows(profile)]
    rows += [
        row("NHSmail is the only email system", profile.get_nhsmail_only_display() or "Not answered", "email"),
        row("Cyber Essentials Plus", cyber, "cyber-essentials"),
        row("ICO registration number", profile.ico_number or "Not given", "ico"),
    ]
    return rows
