"""The service cannot be used to send strangers unwanted email.

An administrator inviting strangers, one client sending registration, password-reset or ask-to-join requests to
address after address, and names people typed travelling in email subjects were all found by trying it.
"""

import datetime

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone

from dspt.organisations.models import Membership
from tests.factories import add_member, make_directory_entry, make_organisation, make_user

pytestmark = pytest.mark.django_db

SPAMMER, SOMEONE_ELSE = "198.51.100.66", "203.0.113.5"
ADVERT = "Cheap pills at spam.example"


def client_at(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


def invite(client, email, role="member"):
    return client.post("/o/VX101/people/invite/", {"email": email, "role": role})


# ---- invitations ----------------------------------------------------------------------------------------------


def test_one_administrator_can_send_only_so_many_invitations_a_day(client_for, owner, org, settings):
    settings.INVITATIONS_PER_SENDER_PER_DAY = 3
    client = client_for(owner)
    for number in range(3):
        assert invite(client, f"stranger{number}@elsewhere.example").status_code == 302
    response = invite(client, "stranger3@elsewhere.example")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Error: Invite someone" in page
    assert "You have sent 3 invitations in the last 24 hours" in page
    assert "Try again tomorrow" in page
    assert 'value="stranger3@elsewhere.example"' in page  # nothing typed is lost
    assert len(mail.outbox) == 3

    # Another administrator of the same organisation still can
    colleague = make_user("colleague.admin@care.example")
    add_member(org, colleague, Membership.ADMIN)
    assert invite(client_for(colleague), "stranger3@elsewhere.example").status_code == 302
    # and a day later, so can the first.
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=24, minutes=1)):
        assert invite(client, "stranger4@elsewhere.example").status_code == 302


def test_an_organisation_can_send_only_so_many_invitations_a_day(client_for, owner, org, settings):
    settings.INVITATIONS_PER_ORGANISATION_PER_DAY = 4
    settings.INVITATIONS_PER_SENDER_PER_DAY = 3
    colleague = make_user("colleague.admin@care.example")
    add_member(org, colleague, Membership.ADMIN)
    for number in range(3):
        assert invite(client_for(owner), f"stranger{number}@elsewhere.example").status_code == 302
    assert invite(client_for(colleague), "stranger3@elsewhere.example").status_code == 302
    page = invite(client_for(colleague), "stranger4@elsewhere.example").content.decode()
    assert f"{org.name} has sent 4 invitations in the last 24 hours" in page
    assert "Try again tomorrow" in page
    assert len(mail.outbox) == 4


# ---- requests anyone can make, limited per client address -----------------------------------------------------


def test_one_client_can_ask_for_only_so_many_registration_emails_an_hour(settings):
    settings.EMAIL_REQUESTS_PER_IP_PER_HOUR = 3
    spammer = client_at(SPAMMER)
    for number in range(3):
        data = {"email": f"victim{number}@elsewhere.example", "ods_code": f"VX10{number}"}
        assert spammer.post("/register/", data).status_code == 302
    response = spammer.post("/register/", {"email": "victim3@elsewhere.example", "ods_code": "VX103"})
    page = response.content.decode()
    assert "Please wait before trying again" in page
    assert "many requests for emails from your network" in page
    assert len(mail.outbox) == 3

    # Someone else, elsewhere, can still register
    response = client_at(SOMEONE_ELSE).post("/register/", {"email": "real@care.example", "ods_code": "VX109"})
    assert response.status_code == 302
    # and an hour later so can the first client.
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=61)):
        data = {"email": "victim3@elsewhere.example", "ods_code": "VX103"}
        assert spammer.post("/register/", data).status_code == 302


def test_one_client_can_ask_to_join_only_so_many_times_an_hour(settings):
    settings.EMAIL_REQUESTS_PER_IP_PER_HOUR = 2
    for code in ("VX101", "VX102", "VX103"):
        make_organisation(code, make_user(f"admin.{code.lower()}@care.example"))
    spammer = client_at(SPAMMER)
    for number, code in enumerate(("VX101", "VX102")):
        page = spammer.post("/register/ask-to-join/", {"email": f"me{number}@x.example", "ods_code": code})
        assert "We have asked them to invite you" in page.content.decode()
    page = spammer.post("/register/ask-to-join/", {"email": "me3@x.example", "ods_code": "VX103"}).content.decode()
    assert "Please wait before trying again" in page
    assert len(mail.outbox) == 2


def test_registering_resetting_and_asking_to_join_share_one_count(settings, owner):
    settings.EMAIL_REQUESTS_PER_IP_PER_HOUR = 3
    make_organisation("VX101", owner)
    spammer = client_at(SPAMMER)
    assert spammer.post("/register/", {"email": "a@x.example", "ods_code": "VX102"}).status_code == 302
    assert "Check your email" in spammer.post("/forgotten-password/", {"email": "b@x.example"}).content.decode()
    ask = {"email": "c@x.example", "ods_code": "VX101"}
    assert "We have asked them" in spammer.post("/register/ask-to-join/", ask).content.decode()
    page = spammer.post("/forgotten-password/", {"email": owner.email}).content.decode()
    assert "Please wait before trying again" in page
    assert [message.to for message in mail.outbox] == [["a@x.example"], [owner.email]]  # the join request


# ---- subjects -------------------------------------------------------------------------------------------------


def test_names_people_typed_never_reach_a_subject_line(client_for, owner, org, client):
    """A spammer registers "Cheap pills at spam.example", names themselves the same, and invites strangers."""
    spammer = client_for(owner)
    spammer.post("/account/name/", {"full_name": ADVERT})
    org.name = ADVERT  # as changed on the profile's first page
    org.save(update_fields=["name"])
    make_directory_entry("VX102", ADVERT)

    assert invite(spammer, "stranger@elsewhere.example").status_code == 302
    client.post("/register/", {"email": "other.stranger@elsewhere.example", "ods_code": "VX102"})
    client.post("/register/ask-to-join/", {"email": "third@elsewhere.example", "ods_code": "VX101"})

    assert len(mail.outbox) == 3
    for message in mail.outbox:
        assert "spam.example" not in message.subject, message.subject
        assert "Open DSPT" in message.subject
    assert [message.subject for message in mail.outbox] == [
        "You have been invited to join an organisation on Open DSPT",
        "Finish registering your organisation on Open DSPT",
        "Someone asked to join your organisation on Open DSPT",
    ]


def test_no_subject_template_shows_a_name_or_an_address():
    """Every email's subject, whatever the names and addresses in its context (publishing and reminders too)."""
    from pathlib import Path
    from types import SimpleNamespace

    from django.template.loader import render_to_string

    import dspt.ui

    organisation = SimpleNamespace(name=ADVERT, ods_code="VX101")
    person = SimpleNamespace(full_name=ADVERT, email="advert@spam.example")
    context = {
        "service_name": "Open DSPT",
        "organisation": organisation,
        "organisation_name": ADVERT,
        "ods_code": "VX101",
        "invited_by": person,
        "requester_email": "advert@spam.example",
        "publication": SimpleNamespace(year="2025-26", organisation=organisation, confirmer_name=ADVERT),
        "status_label": "Standards Met",
        "year": "2025-26",
        "days_left": 14,
    }
    templates = sorted((Path(dspt.ui.__file__).parent / "jinja2" / "emails").glob("*-subject.txt"))
    assert len(templates) >= 6
    for template in templates:
        subject = render_to_string(f"emails/{template.name}", context)
        assert "spam.example" not in subject, (template.name, subject)
