"""Registration and invitation links: valid 24 hours, once; a GET never uses one up; the token leaves the URL
before forms; an expired one may be renewed only while that is still safe."""

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone

from dspt.accounts import link_tokens
from dspt.accounts.models import EmailLink, User
from dspt.accounts.tests.test_links import NEW_PASSWORD, finish
from dspt.organisations import joining, people
from dspt.organisations.models import JoinLink, Membership, Organisation
from tests.factories import PASSWORD, make_organisation, make_user

pytestmark = pytest.mark.django_db


def issue_registration(email="new@care.example", ods_code="VX101"):
    return joining.issue(JoinLink.REGISTER, email, ods_code=ods_code)


def test_it_registers_the_organisation_and_signs_the_person_in(client):
    _, token = issue_registration()
    assert client.get(f"/link/{token}/").status_code == 200
    response = finish(client, token, full_name="Nia New", password1=NEW_PASSWORD, password2=NEW_PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/o/VX101/profile/about/"
    user = User.objects.get(email="new@care.example")
    assert user.check_password(NEW_PASSWORD)
    assert Membership.objects.get(user=user).role == Membership.ADMIN
    assert Organisation.objects.get().ods_code == "VX101"
    assert client.get("/o/VX101/").status_code == 200


def test_opening_the_link_does_not_use_it_up(client):
    link, token = issue_registration()
    for _ in range(3):
        assert client.get(f"/link/{token}/").status_code == 200
    link.refresh_from_db()
    assert link.used_at is None


def test_the_token_is_moved_out_of_the_url_before_the_form(client):
    _, token = issue_registration()
    response = client.post(f"/link/{token}/")
    assert response["Location"] == "/link/continue/"
    page = client.get("/link/continue/").content.decode()
    assert token not in page
    assert "Create a password" in page


def test_a_link_works_once(client):
    _, token = issue_registration()
    finish(client, token, full_name="Nia New", password1=NEW_PASSWORD, password2=NEW_PASSWORD)
    other = Client()
    response = other.get(f"/link/{token}/")
    page = response.content.decode()
    assert response.status_code == 410
    assert "This link has already been used" in page
    # The organisation now exists, so the page points to signing in rather than offering a new link.
    assert "is now registered" in page
    assert "Send me a new link" not in page
    assert other.post(f"/link/{token}/").status_code == 410


def test_a_used_invitation_is_never_renewed_so_removed_people_stay_out(client, org, owner):
    link, token = joining.issue(JoinLink.INVITE, "late@care.example", organisation=org, role="admin", sent_by=owner)
    link_tokens.consume(link)
    response = client.get(f"/link/{token}/")
    assert "Send me a new link" not in response.content.decode()
    assert "already been used or cancelled" in response.content.decode()
    assert client.post(f"/link/{token}/new/")["Location"] == "/sign-in/"
    assert mail.outbox == []


def test_an_expired_invitation_is_renewed_while_its_sender_is_an_administrator(client, org, owner, member):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        _, token = joining.issue(JoinLink.INVITE, "late@care.example", organisation=org, role="member", sent_by=owner)
        _, by_member = joining.issue(
            JoinLink.INVITE, "other@care.example", organisation=org, role="member", sent_by=member
        )
    with time_machine.travel(start + datetime.timedelta(days=2), tick=False):
        assert "Send me a new link" in client.get(f"/link/{token}/").content.decode()
        client.post(f"/link/{token}/new/")
        assert mail.outbox[-1].to == ["late@care.example"]
        assert "join Fictional Meadowbrook House" in mail.outbox[-1].body
        # Sent by someone who is not (or no longer) an administrator: no renewal.
        assert "Send me a new link" not in client.get(f"/link/{by_member}/").content.decode()
        assert client.post(f"/link/{by_member}/new/")["Location"] == "/sign-in/"
        assert len(mail.outbox) == 1


def test_removing_someone_cancels_their_pending_invitations(client, org, owner, member):
    _, token = joining.issue(JoinLink.INVITE, member.email, organisation=org, role="admin", sent_by=owner)
    people.remove(Membership.objects.get(user=member), owner)
    assert client.get(f"/link/{token}/").status_code == 410


def test_a_link_expires_after_24_hours_and_one_second(client):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        _, token = issue_registration()
    with time_machine.travel(start + datetime.timedelta(hours=24), tick=False):
        assert client.get(f"/link/{token}/").status_code == 200
    with time_machine.travel(start + datetime.timedelta(hours=24, seconds=1), tick=False):
        response = client.get(f"/link/{token}/")
        assert response.status_code == 410
        assert "This link has expired" in response.content.decode()


def test_a_link_that_expires_while_the_form_is_open_is_refused(client):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        _, token = issue_registration()
        client.post(f"/link/{token}/")
    with time_machine.travel(start + datetime.timedelta(hours=24, seconds=1), tick=False):
        response = client.post(
            "/link/continue/", {"full_name": "Late", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
        )
    assert response.status_code == 410
    assert not User.objects.filter(email="new@care.example").exists()


def test_an_expired_link_can_be_replaced_by_a_new_one(client):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        _, token = issue_registration()
    with time_machine.travel(start + datetime.timedelta(days=2), tick=False):
        response = client.post(f"/link/{token}/new/")
        assert "Check your email" in response.content.decode()
        assert len(mail.outbox) == 1
        new_token = re.search(r"/link/([\w-]+)/", mail.outbox[0].body).group(1)
        assert new_token != token
        assert client.get(f"/link/{new_token}/").status_code == 200


def test_a_weak_or_mismatched_password_is_explained_and_the_link_kept(client):
    link, token = issue_registration()
    response = finish(client, token, full_name="Nia New", password1="short", password2="short")
    page = response.content.decode()
    assert "at least 12 characters" in page
    assert 'value="Nia New"' in page
    response = client.post(
        "/link/continue/", {"full_name": "Nia New", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD + "x"}
    )
    assert "The two passwords are different" in response.content.decode()
    link.refresh_from_db()
    assert link.used_at is None


def test_someone_with_an_account_confirms_with_their_password(client):
    existing = make_user("new@care.example")
    _, token = issue_registration()
    response = finish(client, token, password="wrong password")
    assert "The password is not right" in response.content.decode()
    response = client.post("/link/continue/", {"password": PASSWORD})
    assert response.status_code == 302
    assert Membership.objects.get(user=existing).organisation.ods_code == "VX101"


def test_registering_an_organisation_someone_else_finished_first_is_refused(client, owner):
    _, token = issue_registration(ods_code="VX101")
    make_organisation("VX101", owner)
    client.post(f"/link/{token}/")
    response = client.get("/link/continue/")
    page = response.content.decode()
    assert "already has an account" in page
    assert owner.email not in page


def test_an_organisations_invitations_go_with_it(org, owner):
    link, _ = joining.issue(JoinLink.INVITE, "late@care.example", organisation=org, role="member", sent_by=owner)
    _, kept = joining.issue(JoinLink.REGISTER, "new@care.example", ods_code="VX102")
    org.delete()
    assert not EmailLink.objects.filter(pk=link.pk).exists()
    assert link_tokens.find(kept) is not None


def test_the_account_page_lists_the_persons_organisations(client_for, owner, org, outsider):
    joining.join(org, outsider, Membership.VIEWER)
    page = client_for(outsider).get("/account/").content.decode()
    assert "Your organisations" in page
    assert "Fictional Meadowbrook House</a> (Viewer)" in page
    assert "Fictional Harbourside Homecare</a> (Administrator)" in page
    page = client_for(make_user("alone@care.example")).get("/account/").content.decode()
    assert "You do not belong to any organisation yet" in page


def test_wrong_passwords_when_confirming_an_invitation_count_too(client, org, owner, outsider, settings):
    """Someone with an invitation meant for an existing account guesses that account's password."""
    _link, token = joining.issue(JoinLink.INVITE, outsider.email, organisation=org, role="member", sent_by=owner)
    client.post(f"/link/{token}/")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert "The password is not right" in client.post("/link/continue/", {"password": "guess"}).content.decode()
    assert client.post("/link/continue/", {"password": "guess"}).status_code == 429
    response = client.post("/link/continue/", {"password": PASSWORD})
    assert response.status_code == 429
    assert not Membership.objects.filter(organisation=org, user=outsider).exists()
