"""Registering an organisation: the form, its ODS directory check, and asking to join one already registered."""

import re

import pytest
from django.core import mail

from dspt.accounts.models import EmailLink
from dspt.organisations.models import JoinLink, JoinRequest, Organisation
from tests.factories import make_directory_entry, make_organisation, make_user

pytestmark = pytest.mark.django_db


def register(client, email="new@care.example", ods_code="VX101"):
    return client.post("/register/", {"email": email, "ods_code": ods_code})


def test_it_emails_a_link_and_stores_only_its_hash(client):
    make_directory_entry("VX101", "Fictional Meadowbrook House")
    response = register(client, email="New@Care.example", ods_code=" vx101 ")
    assert response.status_code == 302
    assert response["Location"] == "/register/check-your-email/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new@care.example"]
    assert message.subject == "Finish registering your organisation on Open DSPT"
    assert "register Fictional Meadowbrook House" in message.body
    token = re.search(r"/link/([\w-]+)/", message.body).group(1)
    link = EmailLink.objects.get()
    assert (link.purpose, link.email, link.join.ods_code) == (JoinLink.REGISTER, "new@care.example", "VX101")
    assert token not in link.token_hash
    assert len(link.token_hash) == 64
    page = client.get("/register/check-your-email/").content.decode()
    assert "new@care.example" in page
    assert "24 hours" in page


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("VM19", "A site ODS code is V followed by 4 letters or numbers"),
        ("XX123", "Enter a site ODS code (starts with V"),
        ("VX999", "We cannot find VX999 in the NHS ODS directory"),
        ("VX104", "The ODS directory shows VX104 (Fictional Closed Home) as closed"),
    ],
)
def test_it_refuses_malformed_unknown_and_closed_codes_keeping_what_was_typed(client, code, message):
    make_directory_entry("VX101")
    make_directory_entry("VX104", "Fictional Closed Home", is_open=False)
    response = register(client, email="kept@care.example", ods_code=code)
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert page.count("There is a problem") == 1
    assert 'value="kept@care.example"' in page
    assert f'value="{code}"' in page
    assert "<title>Error: Register your organisation" in page
    assert mail.outbox == []


def test_without_a_directory_it_checks_the_format_only(client):
    response = register(client, ods_code="VQ777")
    assert response.status_code == 302
    assert EmailLink.objects.get().join.ods_code == "VQ777"


def test_a_registered_organisation_does_not_reveal_its_administrators(client):
    admin = make_user("secret.admin@care.example")
    make_organisation("VX101", admin, name="Fictional Meadowbrook House")
    response = register(client, email="newcomer@care.example", ods_code="VX101")
    page = response.content.decode()
    assert "Fictional Meadowbrook House already has an account" in page
    assert "secret.admin" not in page
    assert "Ask them to invite me" in page
    assert mail.outbox == []
    assert not EmailLink.objects.exists()

    response = client.post("/register/ask-to-join/", {"email": "newcomer@care.example", "ods_code": "VX101"})
    page = response.content.decode()
    assert "secret.admin" not in page
    assert "We have asked them to invite you" in page
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["secret.admin@care.example"]
    assert "newcomer@care.example" in mail.outbox[0].body
    assert "/o/VX101/people/" in mail.outbox[0].body
    assert JoinRequest.objects.get().email == "newcomer@care.example"


def test_it_limits_how_many_emails_one_address_gets(client, settings):
    settings.EMAIL_LINKS_PER_HOUR = 2
    for _ in range(2):
        assert register(client).status_code == 302
    response = register(client)
    assert "Please wait before trying again" in response.content.decode()
    assert len(mail.outbox) == 2


def test_a_head_office_code_is_accepted_and_kept_as_head_office(client, password):
    make_directory_entry("AX1Y", "Fictional Group")
    register(client, ods_code="AX1Y")
    assert EmailLink.objects.get().join.ods_code == "AX1Y"
    assert not Organisation.objects.exists()


def test_asking_to_join_and_links_share_one_hourly_limit_per_address(client, settings):
    """Join requests count with links, so neither form can be used to flood an address or an organisation."""
    settings.EMAIL_LINKS_PER_HOUR = 2
    make_organisation("VX101", make_user("admin@care.example"))
    ask = {"email": "eager@care.example", "ods_code": "VX101"}
    assert "We have asked them" in client.post("/register/ask-to-join/", ask).content.decode()
    assert register(client, email="eager@care.example", ods_code="VX102").status_code == 302
    assert "Please wait before trying again" in client.post("/register/ask-to-join/", ask).content.decode()
    assert (
        "Please wait before trying again"
        in register(client, email="eager@care.example", ods_code="VX103").content.decode()
    )
    assert JoinRequest.objects.count() == 1 and EmailLink.objects.count() == 1


# ---- the ODS code's shape is a hint, not a wall: the directory decides when it is loaded ---------------------


@pytest.mark.parametrize("code", ["VN12345", "8HX12", "RX1AB", "C1A2B"])
def test_an_open_code_in_the_directory_registers_whatever_its_shape(client, code):
    make_directory_entry("VX101")
    make_directory_entry(code, "Fictional Riverside Care")
    response = register(client, email="unusual@care.example", ods_code=code.lower())
    assert response.status_code == 302, response.content.decode()
    assert EmailLink.objects.get().join.ods_code == code
    assert "register Fictional Riverside Care" in mail.outbox[0].body


def test_a_closed_code_of_an_unusual_shape_gets_the_closed_message(client):
    make_directory_entry("VN12345", "Fictional Old Lodge", is_open=False)
    page = register(client, ods_code="VN12345").content.decode()
    assert "The ODS directory shows VN12345 (Fictional Old Lodge) as closed" in page
    assert "V followed by 4" not in page
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("VN12345", "A site ODS code is V followed by 4 letters or numbers, like VM195"),
        ("8HX12", "Use your site code (starts with V) or your head office code (starts with A or C)"),
        ("AG0", "A head office ODS code is A or C followed by 3 letters or numbers, like AG0Y"),
        ("RX1AB", "or a head office code (starts with A or C, like AG0Y)"),
    ],
)
def test_a_code_not_in_the_loaded_directory_gets_the_shape_message_when_its_shape_is_wrong(client, code, message):
    make_directory_entry("VX101")
    page = register(client, ods_code=code).content.decode()
    assert message.replace("'", "&#39;") in page
    assert "We cannot find" not in page
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("VN12345", "A site ODS code is V followed by 4 letters or numbers, like VM195"),
        ("RX1AB", "Enter a site ODS code (starts with V, like VM195) or a head office code (starts with A or C"),
        ("C1AB", None),
    ],
)
def test_without_a_directory_the_shape_rules_apply_with_head_office_codes_starting_a_or_c(client, code, message):
    response = register(client, ods_code=code)
    if message is None:
        assert response.status_code == 302
        assert EmailLink.objects.get().join.ods_code == code
    else:
        assert message in response.content.decode()
        assert not EmailLink.objects.exists()


def test_the_registration_page_says_head_office_codes_start_with_a_or_c(client):
    assert "Head office codes start with A or C" in client.get("/register/").content.decode()


def test_asking_to_join_an_organisation_with_an_unusual_code_works(client):
    make_directory_entry("VN12345", "Fictional Riverside Care")
    make_organisation("VN12345", make_user("admin@care.example"), name="Fictional Riverside Care")
    page = register(client, email="newcomer@care.example", ods_code="VN12345").content.decode()
    assert "Fictional Riverside Care already has an account" in page
    response = client.post("/register/ask-to-join/", {"email": "newcomer@care.example", "ods_code": "VN12345"})
    assert "We have asked them to invite you" in response.content.decode()
    assert mail.outbox[0].to == ["admin@care.example"]
