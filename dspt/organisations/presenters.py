"""Display logic for organisation pages: the task list, navigation and profile summary."""

from collections.abc import Callable
from urllib.parse import urlencode

from django.urls import reverse

from dspt.organisations.models import Membership, Organisation, Profile
from dspt.ui.presenters import long_date, lower_first

NOT_STARTED = {"tag": {"text": "Not started", "classes": "nhsuk-tag--blue"}}
COMPLETED = {"text": "Completed"}
IN_PROGRESS = {"tag": {"text": "In progress", "classes": "nhsuk-tag--light-blue"}}


# Areas that build on organisations (the assessment, publishing, and later the registers) add their own row to the
# home page's second section, so that this app never imports them: each adds it from its AppConfig.ready().
HomeTask = Callable[[Organisation, Membership], dict]
_home_tasks: dict[str, tuple[int, HomeTask]] = {}


def add_home_task(name: str, order: int, build: HomeTask) -> None:
    """Show `build(organisation, membership)` (an NHS.UK task-list item) on the home page, in `order`."""
    _home_tasks[name] = (order, build)


# The same for notices at the top of the home page (where the organisation stands, whether the public can see its
# status yet, a head office's cover): `build` returns None (nothing to say), {"lead": sentence}, or a warning
# {"heading": …, "paragraphs": […], "link": {"href": …, "text": …} or None} (organisations/_notice.jinja).
HomeNotice = Callable[[Organisation, Membership], dict | None]
_home_notices: dict[str, tuple[int, HomeNotice]] = {}


def add_home_notice(name: str, order: int, build: HomeNotice) -> None:
    """Show `build(organisation, membership)`, when it returns a notice, at the top of the home page, in `order`."""
    _home_notices[name] = (order, build)


def home_notices(organisation, membership: Membership) -> list[dict]:
    built = (build(organisation, membership) for _order, build in sorted(_home_notices.values(), key=lambda n: n[0]))
    return [notice for notice in built if notice]


# The same for the organisation's navigation: apps above this one add their section (the assessment, the registers,
# publishing) from their AppConfig.ready(); `url_name` is reversed with the organisation's ODS code.
_navigation_items: dict[str, tuple[int, str, str, Callable | None]] = {}


def add_navigation_item(key: str, order: int, text: str, url_name: str, shown_for: Callable | None = None) -> None:
    """Show a link to `url_name` in every organisation page's navigation, in `order` (Overview is 0, the profile
    80, People 90, History 100); `key` is what a page passes as `current` to mark it. `shown_for(organisation)`, when
    given, says which organisations have the section (e.g. only head offices)."""
    _navigation_items[key] = (order, text, url_name, shown_for)


def navigation(organisation, membership, current: str) -> list[dict]:
    code = organisation.ods_code
    items = [
        (0, "home", "Overview", "organisations:home"),
        (80, "profile", "Organisation profile", "organisations:profile"),
        (90, "people", "People", "organisations:people"),
    ]
    items += [
        (order, key, text, url_name)
        for key, (order, text, url_name, shown_for) in _navigation_items.items()
        if shown_for is None or shown_for(organisation)
    ]
    if membership.is_admin:
        items.append((100, "history", "History", "organisations:history"))
    allowed = getattr(membership, "navigation_keys", None)  # a guest (an adviser let in) sees only their sections
    if allowed is not None:
        items = [item for item in items if item[1] in allowed]
    return [
        {"text": text, "href": reverse(url_name, args=[code]), "current": key == current}
        for _order, key, text, url_name in sorted(items, key=lambda item: item[0])
    ]


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
    later = [build(organisation, membership) for _order, build in sorted(_home_tasks.values(), key=lambda t: t[0])]
    return [
        {"heading": "1. Set up your organisation", "items": setup},
        {"heading": "2. Complete your Data Security and Protection Toolkit", "items": later},
    ]


def roles_rows(profile: Profile) -> list[tuple[str, str]]:
    rows = []
    for key, label in Profile.ROLES.items():
        name, title = profile.holder(key)
        rows.append((label, ", ".join(part for part in (name, title) if part) or "Not given"))
    return rows


def profile_rows(organisation, can_change: bool, return_to: str = "") -> list[dict]:
    """Summary-list rows for the profile, with a change link per answer for administrators. `return_to` is the page
    (of this organisation) the change link comes back to once the answer is saved."""
    profile = organisation.profile
    query = urlencode({"change": 1} | ({"next": return_to} if return_to else {}))

    def row(label, value, slug=None):
        item = {"key": {"text": label}, "value": {"text": value}}
        if slug and can_change:
            href = reverse("organisations:profile_step", args=[organisation.ods_code, slug]) + "?" + query
            item["actions"] = {"items": [{"href": href, "text": "Change", "visuallyHiddenText": lower_first(label)}]}
        return item

    cyber = profile.get_cyber_essentials_plus_display() if profile.cyber_essentials_plus else "Not answered"
    if profile.cyber_essentials_plus == "yes" and profile.cyber_essentials_plus_date:
        cyber += f", certificate dated {long_date(profile.cyber_essentials_plus_date)}"
    rows = [
        row("Organisation name", organisation.name, "about"),
        row("ODS code", organisation.ods_code),
        row("Type of organisation", profile.get_organisation_type_display(), "about"),
        row("Kind of care", profile.get_services_display() or "Not answered", "about"),
        row("Number of staff", profile.get_size_display() or "Not answered", "about"),
    ]
    rows += [row(label, holder, "roles") for label, holder in roles_rows(profile)]
    rows += [
        row("NHSmail is the only email system", profile.get_nhsmail_only_display() or "Not answered", "email"),
        row("Cyber Essentials Plus", cyber, "cyber-essentials"),
        row("ICO registration number", profile.ico_number or "Not given", "ico"),
    ]
    return rows


# Places other than a provider where a person works (the support organisations on whose staff they are): areas above
# this one add a build(user) -> [{"href", "heading", "description"}] from their AppConfig.ready(), and the page that
# follows sign-in lists them beside the person's organisations.
_workplaces: dict[str, object] = {}


def add_workplaces(key: str, build) -> None:
    _workplaces[key] = build


def other_workplaces(user) -> list[dict]:
    return [place for build in _workplaces.values() for place in build(user)]
