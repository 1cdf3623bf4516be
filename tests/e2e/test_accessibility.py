"""Every page, public and signed in, passes axe-core's WCAG 2.2 AA rules in a real browser.

Each case names a page, where it is, and what to do there first (for error states). The page must also be the
page we meant: its h1 is checked, so a redirect to somewhere else (e.g. the sign-in page) cannot pass quietly.
"""

import pytest
from django.utils import timezone

from dspt.organisations import joining, people
from dspt.organisations.models import Membership
from tests.e2e.helpers import assert_accessible
from tests.e2e.steps import heading, press, sign_in_with_session_cookie, stay_on_this_machine


@pytest.fixture(autouse=True)
def _offline(page):
    stay_on_this_machine(page)


PUBLIC_PAGES = [
    ("/", "Complete your Data Security and Protection Toolkit", 200),
    ("/register/", "Register your organisation", 200),
    ("/sign-in/", "Sign in", 200),
    ("/forgotten-password/", "Reset your password", 200),
    ("/accessibility/", "Accessibility statement", 200),
    ("/help/", "Get help", 200),
    ("/privacy/", "Privacy notice", 200),
    ("/cookies/", "Cookies", 200),
    ("/no-such-page/", "Page not found", 404),
    ("/link/not-a-real-token/", "This link is not recognised", 404),
]


@pytest.mark.parametrize(("path", "title", "status"), PUBLIC_PAGES, ids=[p for p, _, _ in PUBLIC_PAGES])
def test_public_page_is_accessible(page, live_server, path, title, status):
    response = page.goto(live_server.url + path)

    assert response.status == status
    assert heading(page) == title
    assert_accessible(page)


def _submit_empty(button):
    return lambda page: press(page, button)


def _wrong_password(page):
    page.get_by_label("Email address").fill("nobody@care.example")
    page.get_by_label("Password", exact=True).fill("not the password at all")
    press(page, "Sign in")


PUBLIC_ERROR_STATES = [
    ("/register/", _submit_empty("Continue"), "Enter your email address"),
    ("/forgotten-password/", _submit_empty("Send me a link"), "Enter your email address"),
    ("/sign-in/", _wrong_password, "The email address or password is not right. Check them and try again"),
]


@pytest.mark.parametrize(("path", "act", "error"), PUBLIC_ERROR_STATES, ids=[p for p, _, _ in PUBLIC_ERROR_STATES])
def test_public_page_with_errors_is_accessible(page, live_server, path, act, error):
    page.goto(live_server.url + path)
    act(page)

    assert page.title().startswith("Error:"), page.title()
    assert page.locator(".nhsuk-error-summary").get_by_text(error).count() == 1
    assert_accessible(page)


# ---- signed in as the organisation's administrator ------------------------------------------------------


def _membership_of(member, org):
    return Membership.objects.get(user=member, organisation=org).pk


def _complete_profile(org):
    profile = org.profile
    profile.size, profile.nhsmail_only, profile.cyber_essentials_plus = "1-9", "yes", "no"
    profile.caldicott_name = "Olive Owner"
    profile.completed_at = timezone.now()
    profile.save()


def _invitation_and_join_request(org):
    """So the People page also shows its "Invitations not yet accepted" and "People who asked to join" lists."""
    joining.invite(org, "new.starter@care.example", Membership.VIEWER, by=people.admins(org).get())
    joining.ask_to_join(org, "stranger@care.example")


def _registers(org):
    """An information asset and a processing activity linked to it, so the registers' pages have something on."""
    from dspt.registers.tests.factories import add_activity, add_asset

    admin = people.admins(org).get()
    asset = add_asset(org, admin, last_reviewed=timezone.localdate())
    add_activity(org, admin, assets=[asset])


def _asset_of(org) -> int:
    from dspt.registers.models import InformationAsset

    asset = InformationAsset.objects.filter(organisation=org).first()
    return asset.pk if asset else 0


# (id, path, expected h1, set-up before the visit)
SIGNED_IN_PAGES = [
    ("home", "/o/VX101/", "Fictional Meadowbrook House", None),
    ("profile-summary", "/o/VX101/profile/", "Organisation profile", _complete_profile),
    ("profile-about", "/o/VX101/profile/about/", "About your organisation", None),
    ("profile-roles", "/o/VX101/profile/roles/", "Who holds the data protection roles?", None),
    ("profile-email", "/o/VX101/profile/email/", "Your email system", None),
    ("profile-cyber-essentials", "/o/VX101/profile/cyber-essentials/", "Cyber Essentials Plus", None),
    ("profile-ico", "/o/VX101/profile/ico/", "Your ICO registration number", None),
    ("profile-check", "/o/VX101/profile/check/", "Check your organisation profile", None),
    ("profile-change-after-saving", "/o/VX101/profile/about/?change=1", "About your organisation", _complete_profile),
    ("people", "/o/VX101/people/", "People", _invitation_and_join_request),
    ("invite", "/o/VX101/people/invite/", "Invite someone", None),
    ("change-role", "/o/VX101/people/{member}/role/", "Change what Mo Member can do", None),
    ("remove", "/o/VX101/people/{member}/remove/", "Remove Mo Member?", None),
    # The only administrator is not offered "Remove": the page explains why instead.
    ("remove-only-admin", "/o/VX101/people/{owner}/remove/", "Olive Owner is the only administrator", None),
    ("history", "/o/VX101/history/", "History of changes", _invitation_and_join_request),
    ("account", "/account/", "Your account", None),
    ("change-name", "/account/name/", "Change your name", None),
    ("change-password", "/account/password/", "Change your password", None),
    ("two-factor-set-up", "/account/two-factor/set-up/", "Set up two-factor sign-in", None),
    ("organisations", "/organisations/?all=1", "Your organisations", None),
    ("registers", "/o/VX101/registers/", "Registers", _registers),
    ("register-list", "/o/VX101/registers/information-assets/", "Information Asset Register", _registers),
    (
        "register-list-empty",
        "/o/VX101/registers/processing-activities/?q=nothing",
        "Record of Processing Activities",
        None,
    ),
    ("register-entry", "/o/VX101/registers/information-assets/{asset}/", "Care plans", _registers),
    ("register-add", "/o/VX101/registers/processing-activities/add/", "Add a processing activity", _registers),
    ("register-edit", "/o/VX101/registers/information-assets/{asset}/edit/", "Change 'Care plans'", _registers),
    ("register-archive", "/o/VX101/registers/information-assets/{asset}/archive/", "Archive 'Care plans'?", _registers),
    (
        "register-history",
        "/o/VX101/registers/information-assets/{asset}/history/",
        "History of 'Care plans'",
        _registers,
    ),
    (
        "register-import",
        "/o/VX101/registers/information-assets/import/",
        "Import Information Asset Register entries",
        None,
    ),
]


@pytest.mark.parametrize(
    ("path", "title", "prepare"),
    [case[1:] for case in SIGNED_IN_PAGES],
    ids=[case[0] for case in SIGNED_IN_PAGES],
)
def test_signed_in_page_is_accessible(page, live_server, owner, org, member, path, title, prepare):
    if prepare:
        prepare(org)
    sign_in_with_session_cookie(page, live_server, owner)

    response = page.goto(
        live_server.url
        + path.format(member=_membership_of(member, org), owner=_membership_of(owner, org), asset=_asset_of(org))
    )

    assert response.status == 200
    assert heading(page) == title
    assert owner.email in page.locator("header").inner_text()
    assert_accessible(page)


def test_a_member_sees_the_profile_read_only_and_people_without_actions(page, live_server, org, member):
    _complete_profile(org)
    sign_in_with_session_cookie(page, live_server, member)

    for path, title in [("/o/VX101/profile/", "Organisation profile"), ("/o/VX101/people/", "People")]:
        response = page.goto(live_server.url + path)
        assert response.status == 200
        assert heading(page) == title
        assert page.get_by_role("link", name="Change").count() == 0
        assert_accessible(page)


def _choose_yes_without_date(page):
    page.get_by_label("Yes", exact=True).check()
    press(page, "Save and continue")


def _save_empty(page):
    page.get_by_label("Organisation name").fill("")
    press(page, "Save and continue")


def _invite_nobody(page):
    page.get_by_label("Their email address").fill("not an email")
    press(page, "Send invitation")


def _mistype_ico(page):
    page.locator("main form").get_by_role("textbox").fill("12")
    press(page, "Save and continue")


def _import_a_bad_row(page):
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".csv", delete=False) as handle:
        handle.write(b"Asset name,Type,Owner,Special category data\nCare plans,Spaceship,,Maybe\n")
    page.locator("main input[type=file]").set_input_files(handle.name)
    press(page, "Check the file")


SIGNED_IN_ERROR_STATES = [
    ("profile-about", "/o/VX101/profile/about/", _save_empty, "Enter your organisation's name"),
    (
        "profile-cyber-essentials",
        "/o/VX101/profile/cyber-essentials/",
        _choose_yes_without_date,
        "Enter the date on your Cyber Essentials Plus certificate",
    ),
    (
        "profile-ico",
        "/o/VX101/profile/ico/",
        _mistype_ico,
        "An ICO registration number is 8 characters",
    ),
    ("invite", "/o/VX101/people/invite/", _invite_nobody, "Enter an email address in the correct format"),
    ("register-add", "/o/VX101/registers/information-assets/add/", _submit_empty("Save"), "Enter the asset's name"),
    (
        "register-import",
        "/o/VX101/registers/information-assets/import/",
        _import_a_bad_row,
        "See the problems in your file",
    ),
]


@pytest.mark.parametrize(
    ("path", "act", "error"),
    [case[1:] for case in SIGNED_IN_ERROR_STATES],
    ids=[case[0] for case in SIGNED_IN_ERROR_STATES],
)
def test_signed_in_page_with_errors_is_accessible(page, live_server, owner, org, path, act, error):
    sign_in_with_session_cookie(page, live_server, owner)
    page.goto(live_server.url + path.format(owner=_membership_of(owner, org)))

    act(page)

    summary = page.locator(".nhsuk-error-summary")
    assert summary.count() == 1
    assert error in summary.inner_text()
    assert_accessible(page)
