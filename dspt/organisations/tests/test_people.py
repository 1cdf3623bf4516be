import re

import pytest
from django.core import mail
from django.test import Client

from dspt.accounts import link_tokens
from dspt.accounts.models import EmailLink
from dspt.history.models import ChangeRecord
from dspt.organisations import joining
from dspt.organisations.models import Membership
from tests.factories import PASSWORD, make_organisation, make_user

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "another long password 99"


def invite(client, email="colleague@care.example", role="member"):
    return client.post("/o/VX101/people/invite/", {"email": email, "role": role})


def accept(client, data):
    token = re.search(r"/link/([\w-]+)/", mail.outbox[-1].body).group(1)
    client.post(f"/link/{token}/")
    return client.post("/link/continue/", data)


def test_an_invited_colleague_sets_a_password_and_joins(client_for, owner, org):
    response = invite(client_for(owner))
    assert response["Location"] == "/o/VX101/people/"
    message = mail.outbox[0]
    assert message.to == ["colleague@care.example"]
    assert message.subject == "You have been invited to join an organisation on Open DSPT"
    assert "join Fictional Meadowbrook House" in message.body
    assert "as a member: you will be able to answer questions" in message.body
    colleague = Client()
    response = accept(colleague, {"full_name": "Col League", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response["Location"] == "/o/VX101/"
    membership = Membership.objects.get(user__email="colleague@care.example")
    assert membership.role == Membership.MEMBER
    page = colleague.get("/o/VX101/people/").content.decode()
    assert "Col League" in page and "Olive Owner" in page


def test_someone_already_registered_elsewhere_joins_with_their_password(client_for, owner, org, outsider):
    invite(client_for(owner), email=outsider.email, role="viewer")
    response = accept(Client(), {"password": PASSWORD})
    assert response["Location"] == "/o/VX101/"
    assert set(outsider.memberships.values_list("organisation__ods_code", "role")) == {
        ("VX201", "admin"),
        ("VX101", "viewer"),
    }


def test_a_person_in_two_organisations_can_switch_between_them(client_for, owner, org, outsider):
    joining.join(org, outsider, Membership.MEMBER)
    client = client_for(outsider)
    page = client.get("/organisations/").content.decode()
    assert "Fictional Meadowbrook House" in page and "Fictional Harbourside Homecare" in page
    assert "Switch organisation" in client.get("/o/VX201/").content.decode()


def test_inviting_a_member_again_is_explained(client_for, owner, member, org):
    response = invite(client_for(owner), email="MEMBER@care.example")
    assert "member@care.example is already a member" in response.content.decode()
    assert mail.outbox == []


def test_invitation_form_errors_keep_the_input(client_for, owner, org):
    response = invite(client_for(owner), email="not-an-email", role="")
    page = response.content.decode()
    assert "Enter an email address in the correct format" in page
    assert "Select what they can do" in page
    assert 'value="not-an-email"' in page


def test_only_administrators_invite(client_for, member, viewer, org):
    assert invite(client_for(member)).status_code == 403
    assert invite(client_for(viewer)).status_code == 403
    assert mail.outbox == []


def test_roles_change_and_are_recorded(client_for, owner, member, org):
    membership = Membership.objects.get(user=member)
    response = client_for(owner).post(f"/o/VX101/people/{membership.pk}/role/", {"role": "admin"})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == "admin"
    record = ChangeRecord.objects.get(area="People", action="updated")
    assert record.changes == {"Role": ["Member", "Administrator"]}
    assert record.actor_label == owner.email


def test_the_last_administrator_cannot_be_demoted_or_removed(client_for, owner, org):
    membership = Membership.objects.get(user=owner)
    client = client_for(owner)
    response = client.post(f"/o/VX101/people/{membership.pk}/role/", {"role": "member"})
    assert "the only administrator" in response.content.decode()
    response = client.post(f"/o/VX101/people/{membership.pk}/remove/")
    assert "the only administrator" in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == Membership.ADMIN


def test_removing_someone_takes_away_their_access(client_for, owner, member, org):
    membership = Membership.objects.get(user=member)
    member_client = client_for(member)
    assert member_client.get("/o/VX101/").status_code == 200
    response = client_for(owner).post(f"/o/VX101/people/{membership.pk}/remove/")
    assert response["Location"] == "/o/VX101/people/"
    assert member_client.get("/o/VX101/").status_code == 404
    assert ChangeRecord.objects.filter(area="People", action="deleted", object_label=member.email).exists()


def test_people_of_another_organisation_cannot_be_touched(client_for, owner, org, outsider):
    foreign = Membership.objects.get(user=outsider)
    client = client_for(owner)
    assert client.get(f"/o/VX101/people/{foreign.pk}/role/").status_code == 404
    assert client.post(f"/o/VX101/people/{foreign.pk}/remove/").status_code == 404
    assert Membership.objects.filter(pk=foreign.pk).exists()


def test_administrators_see_who_asked_to_join(client_for, owner, org):
    joining.ask_to_join(org, "hopeful@care.example")
    page = client_for(owner).get("/o/VX101/people/").content.decode()
    assert "hopeful@care.example" in page
    assert "/o/VX101/people/invite/?email=hopeful%40care.example" in page


def test_a_head_office_sees_its_branches_from_the_directory(client_for, db):
    from tests.factories import make_directory_entry

    make_directory_entry("AX1Y", "Fictional Group")
    make_directory_entry("VX101", "Fictional House One", parent="AX1Y")
    make_directory_entry("VX102", "Fictional House Two", parent="AX1Y")
    make_directory_entry("VX201", "Fictional Elsewhere", parent="AX2Z")
    director = make_user("director@care.example")
    organisation = make_organisation("AX1Y", director)
    assert organisation.name == "Fictional Group"
    page = client_for(director).get("/o/AX1Y/").content.decode()
    assert "Fictional House One" in page and "Fictional House Two" in page
    assert "Fictional Elsewhere" not in page


def test_administrators_see_pending_invitations_and_their_roles(client_for, owner, member, org):
    joining.invite(org, "new.viewer@care.example", Membership.VIEWER, owner)
    assert "new.viewer@care.example as Viewer" in client_for(owner).get("/o/VX101/people/").content.decode()
    assert "new.viewer@care.example" not in client_for(member).get("/o/VX101/people/").content.decode()


def test_an_administrator_can_cancel_an_invitation(client_for, owner, org):
    client = client_for(owner)
    invite(client, email="changed.mind@care.example")
    token = re.search(r"/link/([\w-]+)/", mail.outbox[-1].body).group(1)
    invitation = EmailLink.objects.get(email="changed.mind@care.example")
    page = client.get("/o/VX101/people/").content.decode()
    assert "changed.mind@care.example" in page and "Cancel" in page
    response = client.post(f"/o/VX101/people/invitations/{invitation.pk}/cancel/")
    assert response["Location"] == "/o/VX101/people/"
    assert Client().get(f"/link/{token}/").status_code == 410
    page = client.get("/o/VX101/people/").content.decode()
    assert "has been cancelled" in page
    assert "the invitation to changed.mind@care.example</span>" not in page
    assert ChangeRecord.objects.filter(area="Invitation", action="deleted").exists()


def test_join_requests_to_one_organisation_are_limited_whatever_the_address(org, owner):
    for number in range(joining.JOIN_REQUESTS_PER_DAY):
        joining.ask_to_join(org, f"someone{number}@care.example")
    with pytest.raises(link_tokens.TooManyLinks):
        joining.ask_to_join(org, "one.more@care.example")
    assert len(mail.outbox) == joining.JOIN_REQUESTS_PER_DAY


@pytest.mark.parametrize(
    ("role", "words"),
    [
        ("admin", "as an administrator: you will be able to invite people, change the organisation's details and "),
        ("member", "as a member: you will be able to answer questions and keep the registers up to date."),
        ("viewer", "as a viewer: you will be able to read everything, but not change anything."),
    ],
)
def test_the_invitation_says_in_plain_words_what_the_role_can_do(client_for, owner, org, role, words):
    invite(client_for(owner), role=role)
    body = " ".join(mail.outbox[0].body.split())
    html = " ".join(mail.outbox[0].alternatives[0][0].split())
    assert words in body
    assert words.replace("'", "&#39;") in html


def people_rows(page: str) -> dict[str, str]:
    """Each row of the People table, by email address (the address's cell onwards)."""
    table = page[page.index("<tbody") : page.index("</tbody>")]
    rows = re.findall(r"<tr.*?</tr>", table, re.S)
    return {re.search(r"[\w.]+@[\w.]+", row).group(0): row for row in rows}


def test_the_only_administrator_is_not_offered_remove_or_a_lower_role(client_for, owner, member, org):
    client = client_for(owner)
    rows = people_rows(client.get("/o/VX101/people/").content.decode())
    assert "Remove" not in rows[owner.email]
    assert "Change role" not in rows[owner.email]
    assert "only administrator" in rows[owner.email]
    assert "Remove" in rows[member.email] and "Change role" in rows[member.email]

    own = Membership.objects.get(user=owner)
    page = client.get(f"/o/VX101/people/{own.pk}/role/").content.decode()
    assert 'value="member"' not in page and 'value="viewer"' not in page
    assert "the only administrator" in page
    page = client.get(f"/o/VX101/people/{own.pk}/remove/").content.decode()
    assert "Remove owner@care.example" not in page
    assert "the only administrator" in page

    # Once someone else is an administrator too, both are offered.
    client.post(f"/o/VX101/people/{Membership.objects.get(user=member).pk}/role/", {"role": "admin"})
    rows = people_rows(client.get("/o/VX101/people/").content.decode())
    assert "Remove" in rows[owner.email] and "Change role" in rows[owner.email]
    page = client.get(f"/o/VX101/people/{own.pk}/role/").content.decode()
    assert 'value="member"' in page
