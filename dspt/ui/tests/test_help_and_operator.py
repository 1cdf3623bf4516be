"""Who runs this copy and where to get help: the settings and how they are read, the footer, the help page, the
header without the NHS logo, the Beta banner and the accessibility statement."""

import re

import pytest
from django.core.exceptions import ImproperlyConfigured

from dspt.lib import operator_details
from dspt.lib.operator_details import Contact, SupportProgramme
from dspt.ui.views import ACCESSIBILITY_REVIEWED
from tests.test_settings import PRODUCTION, manage

FULL = Contact("Fictional Care Association", "help@care-association.example", "0300 123 4567", "https://ca.example")
NONE_GIVEN = "Whoever runs this service has not given contact details yet"


# ---- reading the settings -----------------------------------------------------------------------------------------


def test_contact_details_are_tidied_and_checked():
    contact = operator_details.contact(
        "  Fictional   Care Association ", "help@care-association.example", "0300 123 4567", "https://ca.example/help"
    )
    assert contact == Contact(
        "Fictional Care Association", "help@care-association.example", "0300 123 4567", "https://ca.example/help"
    )
    assert contact.given
    assert contact.phone_href == "tel:03001234567"
    assert operator_details.contact() == Contact()
    assert not operator_details.contact().given
    assert not operator_details.contact("Only A Name").given  # a name alone is no way to reach anyone


@pytest.mark.parametrize(
    ("name", "email", "phone", "url", "setting"),
    [
        ("", "not an email", "", "", "OPERATOR_EMAIL"),
        ("", "help@example", "", "", "OPERATOR_EMAIL"),
        ("", "", "call us", "", "OPERATOR_PHONE"),
        ("", "", "", "javascript:alert(1)", "OPERATOR_URL"),
        ("", "", "", "www.example.org", "OPERATOR_URL"),
        ("x" * 201, "", "", "", "OPERATOR_NAME"),
    ],
)
def test_a_value_that_would_make_a_broken_link_stops_the_service_naming_the_setting(name, email, phone, url, setting):
    with pytest.raises(ImproperlyConfigured, match=setting):
        operator_details.contact(name, email, phone, url)


def test_support_programmes_are_name_address_area_separated_by_semicolons():
    raw = "Fictional DSPT Helpers|https://helpers.example|North Fictionshire; Local Care Forum||Westshire;;Just A Name"
    assert operator_details.support_programmes(raw) == [
        SupportProgramme("Fictional DSPT Helpers", "https://helpers.example", "North Fictionshire"),
        SupportProgramme("Local Care Forum", "", "Westshire"),
        SupportProgramme("Just A Name", "", ""),
    ]
    assert operator_details.support_programmes("") == []
    assert operator_details.support_programmes(" ; ") == []


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("A|https://a.example|Area|extra", "entry 1 has 4 parts"),
        ("Good|https://a.example;|https://b.example|Area", "entry 2 has no name"),
        ("Bad link|javascript:alert(1)|Area", r"SUPPORT_PROGRAMMES \(Bad link\) must be a web address"),
    ],
)
def test_a_support_programme_that_cannot_be_read_says_which_and_why(raw, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        operator_details.support_programmes(raw)


def test_feedback_goes_to_its_own_address_else_the_operators_else_the_help_page():
    assert operator_details.feedback_href("ideas@example.org", FULL, "/help/") == "mailto:ideas@example.org"
    assert operator_details.feedback_href("", FULL, "/help/") == "mailto:help@care-association.example"
    assert operator_details.feedback_href("", Contact(), "/help/") == "/help/"


def test_the_settings_come_from_the_environment():
    code = (
        "from django.conf import settings; "
        "print(settings.OPERATOR.email, settings.FEEDBACK_EMAIL, [p.name for p in settings.SUPPORT_PROGRAMMES])"
    )
    env = PRODUCTION | {
        "OPERATOR_EMAIL": "help@care-association.example",
        "FEEDBACK_EMAIL": "ideas@care-association.example",
        "SUPPORT_PROGRAMMES": "One|https://one.example|North;Two||South",
    }
    result = manage("shell", "--no-imports", "-c", code, env=env)
    assert result.stdout.split() == [
        "help@care-association.example",
        "ideas@care-association.example",
        "['One',",
        "'Two']",
    ], result.stderr
    bad = manage("check", env=PRODUCTION | {"OPERATOR_URL": "ftp://files.example"})
    assert bad.returncode != 0
    assert "OPERATOR_URL must be a web address starting https://" in bad.stderr


# ---- the pages ----------------------------------------------------------------------------------------------------


def footer(page: str) -> str:
    return re.search(r"<footer.*</footer>", page, re.S).group(0)


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


def test_without_contact_details_every_footer_and_the_help_page_say_so(client, db, settings):
    settings.OPERATOR, settings.FEEDBACK_EMAIL, settings.SUPPORT_PROGRAMMES = Contact(), "", []
    for url in ("/", "/status/", "/accessibility/"):
        page = client.get(url).content.decode()
        assert NONE_GIVEN in footer(page), url
        assert 'href="/help/">Get help</a>' in footer(page), url
    page = client.get("/help/").content.decode()
    assert NONE_GIVEN in page
    assert "has not listed any local support programmes yet" in page
    assert "has not given an address for feedback yet" in page
    assert 'href="https://www.dsptoolkit.nhs.uk/OrganisationSearch"' in page
    assert 'This is a new service. <a href="/help/">Tell us what you think</a>' in page  # the banner's link


def test_the_operators_details_show_in_the_footer_and_on_the_help_page(client, db, settings):
    settings.OPERATOR = FULL
    settings.SUPPORT_PROGRAMMES = [
        SupportProgramme("Fictional DSPT Helpers", "https://helpers.example", "North Fictionshire"),
        SupportProgramme("Local Care Forum", "", "Westshire"),
    ]
    page = client.get("/").content.decode()
    assert (
        "This copy of Open DSPT is run by Fictional Care Association. Contact them by email at "
        "help@care-association.example, by phone on 0300 123 4567 or on their website."
    ) in text(footer(page))
    assert 'href="mailto:help@care-association.example"' in footer(page)
    assert 'href="tel:03001234567"' in footer(page) and 'href="https://ca.example"' in footer(page)
    assert NONE_GIVEN not in page
    assert '<a href="mailto:help@care-association.example">Tell us what you think</a>' in page
    help_page = client.get("/help/").content.decode()
    assert '<a href="https://helpers.example">Fictional DSPT Helpers</a>: North Fictionshire' in help_page
    assert "<li>Local Care Forum: Westshire</li>" in help_page
    assert 'Email your feedback to <a href="mailto:help@care-association.example">' in help_page


def test_one_way_to_reach_them_reads_as_one_sentence(client, db, settings):
    settings.OPERATOR = Contact("", "", "", "https://ca.example")
    assert (
        "This copy of Open DSPT is run by an operator who has not given their name. Contact them on their website."
    ) in text(footer(client.get("/").content.decode()))


def test_the_header_has_the_service_name_and_no_nhs_logo(client, client_for, owner, org):
    for page in (client.get("/").content.decode(), client_for(owner).get("/o/VX101/").content.decode()):
        header = re.search(r"<header.*</header>", page, re.S).group(0)
        assert '<a class="nhsuk-header__service-name app-header__service-name" href="/">Open DSPT</a>' in header
        assert "nhsuk-header__logo" not in page
        assert "<title>NHS</title>" not in header and 'aria-label="NHS' not in header
        assert "nhsuk-icon" not in page.split("<head>")[1].split("</head>")[0]  # nor the NHS favicons
        assert "/static/ui/favicon.svg" in page
        assert "Beta" in header and "Tell us what you think" in header  # the phase banner, inside the banner
    assert "Sign out" in header  # the signed-in header keeps its account links


def test_the_accessibility_statement_gives_its_status_and_when_it_was_reviewed(client, db):
    page = text(client.get("/accessibility/").content.decode())
    status = "This service is partially compliant with the Web Content Accessibility Guidelines (WCAG) version 2.2 AA"
    assert status in page
    assert "What is not accessible yet" in page
    reviewed = f"{ACCESSIBILITY_REVIEWED.day} {ACCESSIBILITY_REVIEWED:%B %Y}"
    assert f"This statement was last reviewed on {reviewed}." in page
