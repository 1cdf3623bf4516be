"""Confirmations without accounts: one-time links, their pages, and what lands in the register."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.utils import timezone

from dspt.history.models import ChangeRecord
from dspt.outbox.models import Email
from dspt.registers.tests.test_pages import text_of
from dspt.training import confirmations
from dspt.training.confirmations import Confirmation
from dspt.training.models import ConfirmationLink
from dspt.training.tests.factories import add_staff
from tests.factories import make_organisation, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()


@pytest.fixture
def staff(org, owner):
    return add_staff(org, owner, name="Sam Jones")


def token_in(response) -> str:
    return re.search(r"/confirm-training/([\w-]+)/", response.content.decode()).group(1)


# ---- the rules ---------------------------------------------------------------------------------------------------


def test_only_a_hash_is_stored_and_the_link_works_for_7_days(staff, owner):
    link, token = confirmations.create_link(staff, owner)
    assert token not in link.token_hash and len(token) >= 40
    assert confirmations.find(token) == link and confirmations.find(token + "x") is None
    assert link.expires_at - link.created_at == datetime.timedelta(days=7)
    later = link.created_at + datetime.timedelta(days=7)
    assert confirmations.state(link, later - datetime.timedelta(seconds=1)) == confirmations.VALID
    assert confirmations.state(link, later) == confirmations.EXPIRED


def test_a_link_works_once_even_when_two_submissions_race(staff, owner):
    link, _token = confirmations.create_link(staff, owner)
    first, second = ConfirmationLink.objects.get(pk=link.pk), ConfirmationLink.objects.get(pk=link.pk)

    confirmations.confirm(first, Confirmation(policy=True))
    with pytest.raises(confirmations.LinkGone):  # `second` was read before the first was used: the UPDATE decides
        confirmations.confirm(second, Confirmation(confidentiality=True))

    staff.refresh_from_db()
    assert staff.policy_read_on == timezone.localdate() and staff.confidentiality_confirmed_on is None


def test_an_expired_link_cannot_be_used(staff, owner):
    link, _token = confirmations.create_link(staff, owner)
    ConfirmationLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    with pytest.raises(confirmations.LinkGone):
        confirmations.confirm(link, Confirmation(policy=True))
    assert ConfirmationLink.objects.get(pk=link.pk).used_at is None


def test_no_link_for_someone_who_has_left_or_is_archived(org, owner):
    left = add_staff(org, owner, name="Lee Left", left_on=timezone.localdate())
    with pytest.raises(confirmations.RuleBroken, match="no longer current staff"):
        confirmations.create_link(left, owner)


def test_the_confirmation_is_recorded_in_the_name_of_the_person(staff, owner):
    link, _token = confirmations.create_link(staff, owner)
    trained = timezone.localdate() - datetime.timedelta(days=3)

    confirmations.confirm(link, Confirmation(confidentiality=True, policy=True, training_on=trained))

    record = ChangeRecord.objects.filter(object_id=str(staff.pk)).first()
    assert record.actor is None and record.actor_label == "Sam Jones, by confirmation link"
    assert record.area == "Staff training register"
    assert set(record.changes) == {
        "Data security training completed on",
        "Confidentiality clause confirmed on",
        "Data protection policy read on",
    }


# ---- the manager's page ------------------------------------------------------------------------------------------


def link_page(staff):
    return f"/o/VX101/training/staff/{staff.pk}/confirmation-link/"


def test_a_manager_shows_a_link_with_its_qr_code(client_for, member, staff):
    client = client_for(member)
    assert client.get(link_page(staff)).status_code == 200

    response = client.post(link_page(staff), {"how": "show", "email": ""})

    page = response.content.decode()
    assert response.status_code == 200 and "<svg" in page and 'class="app-qr' in page
    assert re.search(r"http://[^\s<\"]+/confirm-training/[\w-]+/", page)  # the address as text, too
    assert Email.objects.count() == 0


def test_a_manager_emails_a_link_through_the_outbox(client_for, member, staff, mailoutbox):
    client = client_for(member)
    response = client.post(link_page(staff), {"how": "email", "email": ""})
    assert "Enter their email address, or choose to show the link on this screen" in text_of(response)

    response = client.post(link_page(staff), {"how": "email", "email": "sam@care.example"})

    assert "We have emailed a link to Sam Jones" in text_of(response)
    assert ConfirmationLink.objects.get().emailed_to == "sam@care.example"
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["sam@care.example"]
    assert "Sam" not in mailoutbox[0].subject and "/confirm-training/" in mailoutbox[0].body


def test_viewers_cannot_make_links_and_other_organisations_staff_are_404(client_for, viewer, member, owner, staff):
    assert client_for(viewer).get(link_page(staff)).status_code == 403
    other_owner = make_user("other@care.example")
    other = make_organisation("VX202", other_owner, name="Other House")
    theirs = add_staff(other, other_owner, name="Not Yours")
    assert client_for(member).get(link_page(theirs)).status_code == 404
    assert client_for(member).post(link_page(theirs), {"how": "show"}).status_code == 404
    assert not ConfirmationLink.objects.exists()


# ---- the public page ---------------------------------------------------------------------------------------------


def test_the_public_page_needs_no_account_and_shows_only_the_organisation_and_first_name(client, org, owner, staff):
    add_staff(org, owner, name="Other Person")
    _link, token = confirmations.create_link(staff, owner)

    response = client.get(f"/confirm-training/{token}/")

    page = text_of(response)
    assert response.status_code == 200
    assert "Fictional Meadowbrook House" in page and "Hello Sam." in page
    assert "Jones" not in page and "Other Person" not in page
    assert "7 days" in page
    assert "no-store" in response["Cache-Control"] and response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "same-origin"
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


def test_confirming_with_a_mistake_then_properly_and_never_twice(client, owner, staff):
    _link, token = confirmations.create_link(staff, owner)
    address = f"/confirm-training/{token}/"

    response = client.post(address, {})
    assert response.status_code == 200 and text_of(response).startswith("Error:")
    assert "Tick at least one thing you are confirming" in text_of(response)
    response = client.post(
        address,
        {
            "confirming": ["policy", "training"],
            "training_on[day]": "",
            "training_on[month]": "",
            "training_on[year]": "",
        },
    )
    assert "Enter the date you completed the training" in text_of(response)
    assert re.search(r'value="policy"\s+checked', response.content.decode())

    today = timezone.localdate()
    response = client.post(
        address,
        {
            "confirming": ["confidentiality", "policy", "training"],
            "training_on[day]": str(today.day),
            "training_on[month]": str(today.month),
            "training_on[year]": str(today.year),
        },
    )
    assert response.status_code == 200 and "Thank you, your confirmation is saved" in text_of(response)
    staff.refresh_from_db()
    assert staff.training_completed_on == staff.policy_read_on == staff.confidentiality_confirmed_on == today

    again = client.get(address)
    assert again.status_code == 410 and "This link has already been used" in text_of(again)
    again = client.post(address, {"confirming": ["policy"]})
    assert again.status_code == 410


def test_unknown_and_expired_links(client, owner, staff):
    assert client.get("/confirm-training/not-a-real-token/").status_code == 404
    link, token = confirmations.create_link(staff, owner)
    ConfirmationLink.objects.filter(pk=link.pk).update(expires_at=timezone.now())
    response = client.get(f"/confirm-training/{token}/")
    assert response.status_code == 410 and "This link has expired" in text_of(response)
    assert "work for 7 days" in text_of(response)


def test_a_future_training_date_is_refused_and_the_link_stays_usable(client, owner, staff):
    link, token = confirmations.create_link(staff, owner)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(
        f"/confirm-training/{token}/",
        {
            "confirming": ["training"],
            "training_on[day]": str(tomorrow.day),
            "training_on[month]": str(tomorrow.month),
            "training_on[year]": str(tomorrow.year),
        },
    )
    assert "must be today or in the past" in text_of(response)
    assert ConfirmationLink.objects.get(pk=link.pk).used_at is None


def test_the_public_page_is_rate_limited(client, owner, staff, monkeypatch):
    from dspt.training import public_limits

    monkeypatch.setattr(public_limits, "REQUESTS_PER_HOUR", 3)
    for _ in range(3):
        assert client.get("/confirm-training/guess/").status_code == 404
    assert client.get("/confirm-training/guess/").status_code == 429


# ---- the register's pages ----------------------------------------------------------------------------------------


def test_the_list_shows_the_share_and_who_is_out_of_date(client_for, viewer, org, owner):
    today = timezone.localdate()
    for number in range(19):
        add_staff(org, owner, name=f"Person {number:02}", training_completed_on=today)
    add_staff(org, owner, name="Zed Late", training_completed_on=today - datetime.timedelta(days=400))

    page = text_of(client_for(viewer).get("/o/VX101/registers/staff-training/"))

    assert "19 of 20 staff (95%) trained in the last 12 months: meets the 95% expectation." in page
    assert "1 person is not trained in the last 12 months:" in page
    late = page[page.index("1 person is not trained") : page.index("Download the current entries")]
    assert late.index("Zed Late") < late.index("last trained") and "Person 00" not in late


def test_a_members_entry_page_offers_a_link_and_a_viewers_does_not(client_for, member, viewer, staff):
    address = f"/o/VX101/registers/staff-training/{staff.pk}/"
    assert link_page(staff) in client_for(member).get(address).content.decode()
    assert link_page(staff) not in client_for(viewer).get(address).content.decode()


def test_a_link_stops_working_when_its_person_leaves(staff, owner):
    from dspt.registers import entries
    from dspt.training.spec import STAFF_TRAINING

    _link, token = confirmations.create_link(staff, owner)
    assert confirmations.find(token) is not None
    entries.change(STAFF_TRAINING, staff, owner, {"left_on": timezone.localdate()})
    assert confirmations.find(token) is None
